// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/networkmonitor.h"

// NetworkMonitor fed by QNetworkInformation where the platform has a backend. Without one,
// or while it reports the reachability as unknown (no NetworkManager running), it stays
// online: a monitor that cannot tell must never stop the feed from connecting.
class SystemNetworkMonitor : public NetworkMonitor
{
    Q_OBJECT

public:
    explicit SystemNetworkMonitor(QObject *parent = nullptr);

    // The name of the backend in use, empty when there is none.
    QString backendName() const { return m_backendName; }

private:
    QString m_backendName;
};

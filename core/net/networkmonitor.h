// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QUrl;

// Whether the machine has a network at all. The base class is driven by hand (tests, or a
// platform without a backend, where it simply stays online); SystemNetworkMonitor feeds it
// from QNetworkInformation. What the system says about "the network" is about routes to other
// hosts: it never concerns a feed on this machine (a local bridge, an SSH tunnel, the demo),
// which must connect even where the only interface is lo.
class NetworkMonitor : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool online READ isOnline NOTIFY onlineChanged)

public:
    explicit NetworkMonitor(QObject *parent = nullptr);

    bool isOnline() const { return m_online; }
    // Emits onlineChanged only when the value really changes.
    void setOnline(bool online);

    // Whether the network state matters for a feed at `url`: not for a loopback host.
    virtual bool concerns(const QUrl &url) const;
    // 127.0.0.0/8, ::1, localhost and *.localhost, read from the URL alone (no DNS lookup).
    static bool isLoopback(const QUrl &url);

Q_SIGNALS:
    void onlineChanged(bool online);

private:
    bool m_online = true;
};

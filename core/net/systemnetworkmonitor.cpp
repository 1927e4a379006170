// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/systemnetworkmonitor.h"

#include <QLoggingCategory>
#include <QNetworkInformation>

Q_LOGGING_CATEGORY(lcNetwork, "trademonitor.network")

namespace {

bool isReachable(QNetworkInformation::Reachability reachability)
{
    // Unknown counts as online; only a backend that positively says "disconnected" stops us.
    return reachability != QNetworkInformation::Reachability::Disconnected;
}

} // namespace

SystemNetworkMonitor::SystemNetworkMonitor(QObject *parent)
    : NetworkMonitor(parent)
{
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        qCInfo(lcNetwork) << "no network information backend; assuming the network is up";
        return;
    }
    QNetworkInformation *info = QNetworkInformation::instance();
    m_backendName = info->backendName();
    setOnline(isReachable(info->reachability()));
    qCInfo(lcNetwork) << "network information from" << m_backendName << "reachability"
                      << info->reachability();
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                qCInfo(lcNetwork) << "reachability changed to" << reachability;
                setOnline(isReachable(reachability));
            });
}

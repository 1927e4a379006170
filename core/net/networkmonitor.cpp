// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/networkmonitor.h"

#include <QHostAddress>
#include <QUrl>

using namespace Qt::StringLiterals;

NetworkMonitor::NetworkMonitor(QObject *parent)
    : QObject(parent)
{}

void NetworkMonitor::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    Q_EMIT onlineChanged(m_online);
}

bool NetworkMonitor::concerns(const QUrl &url) const
{
    return !isLoopback(url);
}

bool NetworkMonitor::isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0 ||
        host.endsWith(".localhost"_L1, Qt::CaseInsensitive))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

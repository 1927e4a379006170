#include "networkmonitor.h"

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

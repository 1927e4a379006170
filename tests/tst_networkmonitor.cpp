#include "networkmonitor.h"
#include "systemnetworkmonitor.h"

#include <QNetworkInformation>
#include <QSignalSpy>
#include <QTest>

class tst_NetworkMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emitsOnlyOnRealChange();
    void systemMonitorIsOnlineUnlessTheBackendSaysDisconnected();
};

void tst_NetworkMonitor::emitsOnlyOnRealChange()
{
    NetworkMonitor monitor;
    QSignalSpy changed(&monitor, &NetworkMonitor::onlineChanged);
    QVERIFY(monitor.isOnline());
    monitor.setOnline(true);
    QCOMPARE(changed.count(), 0);
    monitor.setOnline(false);
    monitor.setOnline(false);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toBool(), false);
    monitor.setOnline(true);
    QCOMPARE(changed.count(), 2);
}

void tst_NetworkMonitor::systemMonitorIsOnlineUnlessTheBackendSaysDisconnected()
{
    SystemNetworkMonitor monitor;
    const QNetworkInformation *info = QNetworkInformation::instance();
    if (monitor.backendName().isEmpty() || !info) {
        // No backend (CI, containers): behave as if online.
        QVERIFY(monitor.isOnline());
        return;
    }
    QCOMPARE(monitor.isOnline(),
             info->reachability() != QNetworkInformation::Reachability::Disconnected);
}

QTEST_GUILESS_MAIN(tst_NetworkMonitor)
#include "tst_networkmonitor.moc"

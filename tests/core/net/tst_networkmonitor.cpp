// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/networkmonitor.h"
#include "net/systemnetworkmonitor.h"

#include <QNetworkInformation>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

class tst_NetworkMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emitsOnlyOnRealChange();
    void systemMonitorIsOnlineUnlessTheBackendSaysDisconnected();
    void onlyRemoteFeedsAreItsConcern_data();
    void onlyRemoteFeedsAreItsConcern();
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

void tst_NetworkMonitor::onlyRemoteFeedsAreItsConcern_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("loopback");
    QTest::addRow("127.0.0.1") << QStringLiteral("ws://127.0.0.1:9000/feed") << true;
    QTest::addRow("127.x.y.z") << QStringLiteral("ws://127.45.6.7/") << true;
    QTest::addRow("::1") << QStringLiteral("wss://[::1]:8443/") << true;
    QTest::addRow("localhost") << QStringLiteral("ws://localhost:9000/") << true;
    QTest::addRow("LocalHost") << QStringLiteral("ws://LocalHost/") << true;
    QTest::addRow("a .localhost name") << QStringLiteral("ws://feed.localhost/") << true;
    QTest::addRow("10.0.0.1") << QStringLiteral("ws://10.0.0.1/") << false;
    QTest::addRow("128.0.0.1") << QStringLiteral("ws://128.0.0.1/") << false;
    QTest::addRow("a public name") << QStringLiteral("wss://feed.example.com/") << false;
    QTest::addRow("localhost as a subdomain")
        << QStringLiteral("ws://localhost.example.com/") << false;
    QTest::addRow("::ffff:10.0.0.1") << QStringLiteral("ws://[::ffff:10.0.0.1]/") << false;
}

void tst_NetworkMonitor::onlyRemoteFeedsAreItsConcern()
{
    QFETCH(QString, url);
    QFETCH(bool, loopback);
    QCOMPARE(NetworkMonitor::isLoopback(QUrl(url)), loopback);
    NetworkMonitor monitor;
    QCOMPARE(monitor.concerns(QUrl(url)), !loopback);
}

QTEST_GUILESS_MAIN(tst_NetworkMonitor)
#include "tst_networkmonitor.moc"

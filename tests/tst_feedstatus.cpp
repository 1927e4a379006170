#include "feedstatus.h"
#include "socketmanager.h"

#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Level = FeedStatus::Level;

class tst_FeedStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idleIsPausedOrDisconnected();
    void reconnectingCountsDown();
    void failedSaysWhy();
};

void tst_FeedStatus::idleIsPausedOrDisconnected()
{
    SocketManager manager;
    QCOMPARE(FeedStatus::of(manager, true).text, u"Paused"_s);
    QCOMPARE(FeedStatus::of(manager, true).detail, u"Live feed paused"_s);
    QCOMPARE(FeedStatus::of(manager, true).level, Level::Paused);
    QCOMPARE(FeedStatus::of(manager, false).text, u"Disconnected"_s);
    QCOMPARE(FeedStatus::of(manager, false).level, Level::Down);
}

void tst_FeedStatus::reconnectingCountsDown()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    SocketConfig config =
        SocketConfig::forTrader(QUrl(u"ws://127.0.0.1:%1/"_s.arg(probe.serverPort())), 1);
    probe.close();
    config.reconnectMin = 4000ms;
    config.reconnectMax = 4000ms;
    SocketManager manager(config);
    manager.setRandomSeed(3);
    manager.open();
    QTRY_COMPARE(manager.state(), SocketManager::State::Reconnecting);
    const FeedStatus status = FeedStatus::of(manager, false);
    QCOMPARE(status.level, Level::Busy);
    const qint64 seconds = (manager.retryRemaining().count() + 999) / 1000;
    QCOMPARE(status.text, u"Reconnecting 1/5 in %1 s"_s.arg(seconds));
    QVERIFY2(status.detail.startsWith(u"Reconnecting (1/5) in %1 s…"_s.arg(seconds)),
             qPrintable(status.detail));
    QVERIFY(status.detail.contains("refused"_L1));
    manager.close();
}

void tst_FeedStatus::failedSaysWhy()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    SocketConfig config =
        SocketConfig::forTrader(QUrl(u"ws://127.0.0.1:%1/"_s.arg(probe.serverPort())), 1);
    probe.close();
    config.maxRetries = 1;
    config.reconnectMin = 1ms;
    config.reconnectMax = 2ms;
    SocketManager manager(config);
    manager.open();
    QTRY_COMPARE(manager.state(), SocketManager::State::Failed);
    const FeedStatus status = FeedStatus::of(manager, false);
    QCOMPARE(status.level, Level::Down);
    QCOMPARE(status.text, u"Disconnected"_s);
    QVERIFY2(status.detail.startsWith("Disconnected: Connection refused"_L1),
             qPrintable(status.detail));
}

QTEST_GUILESS_MAIN(tst_FeedStatus)
#include "tst_feedstatus.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/feedsession.h"
#include "feed/feedstatus.h"
#include "feed/positionbook.h"
#include "net/socketmanager.h"
#include "protocol/feedprofile.h"
#include "simulator/feedsimulator.h"
#include "testclocks.h"
#include "testfeedserver.h"

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
    void connectedIsNotLiveUntilTheSnapshot();
    void beyondTheRetriesItSaysWhenItGivesUp();
    void aRefusalOffersTheSettings();
    void aServerErrorWhileLiveIsANotice();
    void theAgeIsOfTheDataAndAlarmsOnlyWhenNotLive();
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
    SocketConfig config = FeedProfile::native().configFor(TestFeedServer::refusedUrl(), 1);
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
    SocketConfig config = FeedProfile::native().configFor(TestFeedServer::refusedUrl(), 1);
    config.maxRetries = 1;
    config.giveUpAfter = 0ms;
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

void tst_FeedStatus::connectedIsNotLiveUntilTheSnapshot()
{
    FeedSimulator::Options options;
    options.simulation.tick = 50ms;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    simulator.setMuted(true); // accepts, answers pings, sends no data
    SocketManager manager(FeedProfile::native().configFor(simulator.url(), 10260));
    PositionBook book;
    FeedSession session(&manager, &book, nullptr);
    manager.open();
    QTRY_COMPARE(manager.state(), SocketManager::State::Open);
    FeedStatus status = FeedStatus::of(manager, &session, false, 0);
    QCOMPARE(status.level, Level::Busy); // amber, not green
    QCOMPARE(status.text, u"Connected, waiting for data"_s);
    QVERIFY2(status.detail.contains(u"waiting for data"_s), qPrintable(status.detail));

    simulator.setMuted(false);
    manager.dataUnusable(u"test: ask again now"_s); // the simulator answers this one
    QTRY_COMPARE(manager.state(), SocketManager::State::Live);
    status = FeedStatus::of(manager, &session, false, session.lastDataAt());
    QCOMPARE(status.level, Level::Live);
    QCOMPARE(status.text, u"Live"_s);
}

void tst_FeedStatus::beyondTheRetriesItSaysWhenItGivesUp()
{
    SocketConfig config = FeedProfile::native().configFor(TestFeedServer::refusedUrl(), 1);
    config.maxRetries = 2;
    config.reconnectMin = 1ms;
    config.reconnectMax = 2ms;
    config.giveUpAfter = 60s;
    SocketManager manager(config);
    QString detail;
    QString text;
    connect(&manager, &SocketManager::retryScheduled, this, [&](int attempt) {
        if (attempt == 4) {
            const FeedStatus status = FeedStatus::of(manager, false);
            text = status.text;
            detail = status.detail;
            manager.close();
        }
    });
    manager.open();
    QTRY_VERIFY(!detail.isEmpty());
    QVERIFY2(text.startsWith(u"Reconnecting, attempt 4 in "_s), qPrintable(text));
    QVERIFY2(detail.startsWith(u"Reconnecting, attempt 4 — giving up in 60 s."_s) ||
                 detail.startsWith(u"Reconnecting, attempt 4 — giving up in 59 s."_s),
             qPrintable(detail));
    QVERIFY2(detail.contains("refused"_L1), qPrintable(detail));
}

void tst_FeedStatus::aRefusalOffersTheSettings()
{
    FeedSimulator simulator(FeedSimulator::Options{});
    QVERIFY(simulator.listen());
    // The simulator answers an unknown trader id with Error 404.
    SocketManager manager(FeedProfile::native().configFor(simulator.url(), 99));
    PositionBook book;
    FeedSession session(&manager, &book, nullptr);
    manager.open();
    QTRY_COMPARE(manager.state(), SocketManager::State::Failed);
    const FeedStatus status = FeedStatus::of(manager, &session, false, 0);
    QCOMPARE(status.level, Level::Down);
    QCOMPARE(status.text, u"Refused"_s);
    QVERIFY(status.offerSettings);
    QVERIFY(status.offerReconnect);
    QVERIFY2(status.detail.contains(u"error 404 (unknown trader id 99)"_s) &&
                 status.detail.contains(u"Check the trader id"_s),
             qPrintable(status.detail));
}

void tst_FeedStatus::aServerErrorWhileLiveIsANotice()
{
    FeedSimulator simulator(FeedSimulator::Options{});
    QVERIFY(simulator.listen());
    SocketManager manager(FeedProfile::native().configFor(simulator.url(), 10260));
    PositionBook book;
    FeedSession session(&manager, &book, nullptr);
    manager.open();
    QTRY_COMPARE(manager.state(), SocketManager::State::Live);
    session.handleMessage(R"({"Code":500,"type":"Error","msg":"risk engine restarting"})");
    FeedStatus status = FeedStatus::of(manager, &session, false, 0);
    QCOMPARE(status.level, Level::Live); // the data is still live
    QVERIFY2(status.notice.contains(u"error 500"_s) &&
                 status.notice.contains(u"risk engine restarting"_s),
             qPrintable(status.notice));
    QCOMPARE(manager.state(), SocketManager::State::Live);
    session.dismissNotices();
    QVERIFY(FeedStatus::of(manager, &session, false, 0).notice.isEmpty());
}

void tst_FeedStatus::theAgeIsOfTheDataAndAlarmsOnlyWhenNotLive()
{
    FeedSimulator simulator(FeedSimulator::Options{});
    QVERIFY(simulator.listen());
    SocketManager manager(FeedProfile::native().configFor(simulator.url(), 10260));
    PositionBook book;
    FeedSession session(&manager, &book, nullptr);
    FixedClock clock;
    session.setClock(&clock);
    QVERIFY(FeedStatus::of(manager, &session, false, clock.now).ageText.isEmpty()); // no data
    manager.open();
    QTRY_COMPARE(manager.state(), SocketManager::State::Live);
    QCOMPARE(session.lastDataAt(), clock.now);

    // Live and quiet: neutral, however long.
    FeedStatus status = FeedStatus::of(manager, &session, false, clock.now + 5'000);
    QCOMPARE(status.ageText, u"updated 5 s ago"_s);
    QVERIFY(!status.ageWarning);
    status = FeedStatus::of(manager, &session, false, clock.now + 125'000);
    QCOMPARE(status.ageText, u"no change for 2 min"_s);
    QVERIFY(!status.ageWarning);
    // Heartbeat replies are not data: they never make old numbers look fresh.
    session.handleMessage(R"({"type":"Pong","ts":1})");
    QCOMPARE(session.lastDataAt(), clock.now);
    // Paused: no age at all.
    QVERIFY(FeedStatus::of(manager, &session, true, clock.now + 35'000).ageText.isEmpty());

    // The link is not live: the same age is an alarm.
    manager.close();
    status = FeedStatus::of(manager, &session, false, clock.now + 125'000);
    QCOMPARE(status.ageText, u"last data 2 min ago"_s);
    QVERIFY(status.ageWarning);
}

QTEST_GUILESS_MAIN(tst_FeedStatus)
#include "tst_feedstatus.moc"

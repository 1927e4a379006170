// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/feedsession.h"
#include "feed/feedstatus.h"
#include "feed/positionbook.h"
#include "net/socketmanager.h"
#include "protocol/feedprofile.h"
#include "simulator/feedsimulator.h"
#include "testclocks.h"
#include "testfeedserver.h"

#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Level = FeedStatus::Level;

class tst_FeedStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idleIsPausedOrDisconnected();
    void reconnectingSaysWhyAndWhatFollows();
    void failedSaysWhy();
    void connectedIsNotLiveUntilTheSnapshot();
    void theCountdownRunsToTheMomentThenNamesTheAttempt();
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

void tst_FeedStatus::reconnectingSaysWhyAndWhatFollows()
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
    QCOMPARE(status.text, u"Reconnecting"_s);
    // The reason, what comes next, and the one countdown: to giving up (60 s, the default).
    static const QRegularExpression expected(
        u"^Connection refused by [^ ]+\\. Reconnecting: retry 1 follows\\. "
        "Gives up in (1 min|59 s) if the feed is not back\\.$"_s);
    QVERIFY2(expected.match(status.detail).hasMatch(), qPrintable(status.detail));
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

void tst_FeedStatus::theCountdownRunsToTheMomentThenNamesTheAttempt()
{
    // Attempts that each take long to fail: the server accepts TCP and never answers the
    // handshake, so each fails by the connect timeout. The first release read "giving up in
    // 0 s" for as long as retries went on.
    TestFeedServer server;
    QVERIFY(server.listen());
    server.setMode(TestFeedServer::Mode::NoHandshake);
    SocketConfig config = FeedProfile::native().configFor(server.url(), 1);
    config.connectTimeout = 300ms;
    config.reconnectMin = 100ms;
    config.reconnectMax = 100ms;
    config.maxRetries = 1;
    config.giveUpAfter = 1000ms;
    SocketManager manager(config);
    struct Sample
    {
        SocketManager::State state;
        int retry;
        QString text;
        QString detail;
    };
    QList<Sample> samples;
    const auto sample = [&] {
        const FeedStatus status = FeedStatus::of(manager, false);
        samples.append({manager.state(), manager.retryAttempt(), status.text, status.detail});
    };
    connect(&manager, &SocketManager::stateChanged, this, sample);
    QTimer ticker; // as the status bar refreshes, only faster
    ticker.setInterval(20ms);
    connect(&ticker, &QTimer::timeout, this, sample);
    ticker.start();
    manager.open();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), SocketManager::State::Failed, 20000);
    ticker.stop();

    static const QRegularExpression countdown(u"Gives up in (\\d+) s if the feed is not back\\."_s);
    static const QRegularExpression named(u"Gives up if (this|the next) attempt fails\\."_s);
    static const QRegularExpression counted(u"\\d+ ?/ ?\\d+"_s);
    qsizetype firstNamed = -1;
    int lastRetry = 0;
    QStringList seen;
    for (qsizetype i = 0; i < samples.size(); ++i) {
        const Sample &s = samples.at(i);
        seen.append(s.detail);
        // No limit the rule does not keep; retries numbered one after another.
        QVERIFY2(!s.text.contains(counted) && !s.detail.contains(counted), qPrintable(s.detail));
        if (s.state == SocketManager::State::Connecting && s.retry > 0) {
            QCOMPARE(s.text, u"Connecting (retry %1)"_s.arg(s.retry));
            QVERIFY(s.retry == lastRetry || s.retry == lastRetry + 1);
            lastRetry = s.retry;
        }
        const QRegularExpressionMatch down = countdown.match(s.detail);
        if (down.hasMatch()) {
            // Never "0 s", and never again once it has run out.
            QVERIFY2(down.captured(1).toInt() > 0, qPrintable(s.detail));
            QVERIFY2(firstNamed < 0, qPrintable(seen.join(u"\n"_s)));
        } else if (named.match(s.detail).hasMatch() && firstNamed < 0) {
            firstNamed = i;
        }
    }
    QVERIFY2(firstNamed > 0, qPrintable(seen.join(u"\n"_s)));
    // Once the countdown has run out, at most the attempt then under way and the one named
    // follow, and the last attempt said that it was the one.
    int retriesAfter = 0;
    const Sample *last = nullptr;
    for (qsizetype i = firstNamed; i < samples.size(); ++i) {
        const Sample &s = samples.at(i);
        if (s.state == SocketManager::State::Connecting) {
            last = &s;
            if (i == firstNamed || samples.at(i - 1).state != SocketManager::State::Connecting)
                ++retriesAfter;
        }
    }
    QVERIFY2(retriesAfter <= 2, qPrintable(seen.join(u"\n"_s)));
    QVERIFY(last);
    QVERIFY2(last->detail.endsWith(u"Gives up if this attempt fails."_s), qPrintable(last->detail));
    QVERIFY2(manager.lastError().contains(u"Timed out connecting"_s),
             qPrintable(manager.lastError()));
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

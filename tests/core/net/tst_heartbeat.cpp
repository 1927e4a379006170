// SPDX-License-Identifier: GPL-3.0-or-later
// The heartbeat on its own: what a ping carries, what counts as a reply, when the link is
// dead, the round trip and a sleep noticed. Short intervals through the same SocketConfig a
// user sets; every wait is on a signal.
#include "net/heartbeat.h"
#include "protocol/feedmessages.h"
#include "protocol/feedprofile.h"
#include "testclocks.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

SocketConfig config(const FeedProfile &profile = FeedProfile::native())
{
    SocketConfig c = profile.configFor(QUrl(u"ws://127.0.0.1:1/"_s), 4242);
    c.heartbeatInterval = 20ms;
    c.pongTimeout = 200ms;
    return c;
}

qint64 pingTime(const QSignalSpy &pings, int index)
{
    return pings.at(index).at(0).toJsonObject().value("ts"_L1).toInteger(-1);
}

} // namespace

class tst_Heartbeat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aPingIsTheProfilesWithTheTime();
    void aPingWithoutATimeIsSentAsWritten();
    void theReplyGivesTheRoundTripAndIsNoData();
    void noFrameAfterAPingMeansTheLinkIsDead();
    void anyFrameKeepsTheLinkAlive();
    void aLateReplyMakesTheLinkSuspectFirst();
    void aBeatFarTooLateIsASleep();
    void stopSilencesEverything();
};

void tst_Heartbeat::aPingIsTheProfilesWithTheTime()
{
    FixedClock clock(1732600000000);
    Heartbeat heartbeat;
    heartbeat.setClock(&clock);
    heartbeat.configure(config());
    QSignalSpy pings(&heartbeat, &Heartbeat::pingDue);
    heartbeat.start();
    QVERIFY(pings.wait());
    const QJsonObject ping = pings.at(0).at(0).toJsonObject();
    QCOMPARE(ping.value("type"_L1).toString(), u"Ping"_s);
    QCOMPARE(ping.value("traderid"_L1).toInteger(), 4242);
    QCOMPARE(ping.value("ts"_L1).toInteger(), clock.now);
}

void tst_Heartbeat::aPingWithoutATimeIsSentAsWritten()
{
    const SocketConfig seed = config(FeedProfile::seed());
    Heartbeat heartbeat;
    heartbeat.configure(seed);
    QSignalSpy pings(&heartbeat, &Heartbeat::pingDue);
    heartbeat.start();
    QVERIFY(pings.wait());
    QCOMPARE(pings.at(0).at(0).toJsonObject(), seed.pingPayload);
    // Nothing can be told apart as a reply: every message is the parser's.
    QVERIFY(!heartbeat.consumeReply(R"({"type":"Pong","ts":1})"));
    QVERIFY(!heartbeat.consumeReply(R"({"Code":200,"data":[]})"));
}

void tst_Heartbeat::theReplyGivesTheRoundTripAndIsNoData()
{
    FixedClock clock(1732600000000);
    Heartbeat heartbeat;
    heartbeat.setClock(&clock);
    heartbeat.configure(config());
    QSignalSpy pings(&heartbeat, &Heartbeat::pingDue);
    QSignalSpy roundTrips(&heartbeat, &Heartbeat::roundTripMeasured);
    heartbeat.start();
    QVERIFY(pings.wait());
    QCOMPARE(heartbeat.roundTripMs(), -1);

    QVERIFY(!heartbeat.consumeReply(FeedMessages::snapshot(1, {})));
    QVERIFY(heartbeat.consumeReply(FeedMessages::pong(pingTime(pings, 0))));
    QCOMPARE(roundTrips.count(), 1);
    QVERIFY(heartbeat.roundTripMs() >= 0);
    // A reply to a ping it does not know (an old one, or none) is no data, and measures
    // nothing.
    QVERIFY(heartbeat.consumeReply(FeedMessages::pong(42)));
    QVERIFY(heartbeat.consumeReply(FeedMessages::pong(pingTime(pings, 0))));
    QCOMPARE(roundTrips.count(), 1);
}

void tst_Heartbeat::noFrameAfterAPingMeansTheLinkIsDead()
{
    SocketConfig c = config();
    c.pongTimeout = 60ms;
    Heartbeat heartbeat;
    heartbeat.configure(c);
    QSignalSpy pings(&heartbeat, &Heartbeat::pingDue);
    QSignalSpy dead(&heartbeat, &Heartbeat::linkDead);
    heartbeat.start();
    QVERIFY(dead.wait());
    // The deadline ran from the first ping: later unanswered pings did not push it back.
    QVERIFY2(pings.count() < 10, qPrintable(QString::number(pings.count())));
}

void tst_Heartbeat::anyFrameKeepsTheLinkAlive()
{
    SocketConfig c = config();
    c.pongTimeout = 60ms;
    Heartbeat heartbeat;
    heartbeat.configure(c);
    QSignalSpy dead(&heartbeat, &Heartbeat::linkDead);
    // Every ping is followed by a frame (data, a part of a long message: anything).
    connect(&heartbeat, &Heartbeat::pingDue, &heartbeat, &Heartbeat::frameArrived);
    QSignalSpy pings(&heartbeat, &Heartbeat::pingDue);
    heartbeat.start();
    // Many times the deadline passes, and the link lives on.
    QTRY_VERIFY_WITH_TIMEOUT(pings.count() >= 15, 5000);
    QCOMPARE(dead.count(), 0);
    QVERIFY(!heartbeat.isReplyOverdue());
}

void tst_Heartbeat::aLateReplyMakesTheLinkSuspectFirst()
{
    SocketConfig c = config();
    c.pongTimeout = 1000ms;
    Heartbeat heartbeat;
    heartbeat.configure(c);
    QSignalSpy dead(&heartbeat, &Heartbeat::linkDead);
    heartbeat.start();
    QVERIFY(!heartbeat.isReplyOverdue());
    // Half the deadline gone without a frame: suspect, though not yet dead.
    QTRY_VERIFY(heartbeat.isReplyOverdue());
    QCOMPARE(dead.count(), 0);
    heartbeat.frameArrived();
    QVERIFY(!heartbeat.isReplyOverdue());
}

void tst_Heartbeat::aBeatFarTooLateIsASleep()
{
    FixedClock clock(1732600000000);
    SocketConfig c = config();
    c.pongTimeout = 10s;
    Heartbeat heartbeat;
    heartbeat.setClock(&clock);
    heartbeat.configure(c);
    QSignalSpy pings(&heartbeat, &Heartbeat::pingDue);
    QSignalSpy sleeps(&heartbeat, &Heartbeat::sleepDetected);
    heartbeat.start();
    QVERIFY(pings.wait());
    QCOMPARE(sleeps.count(), 0);
    // The wall clock jumps ten minutes between two beats, as across a suspend.
    clock.now += 600'000;
    QVERIFY(sleeps.wait());
    QVERIFY2(sleeps.at(0).at(0).toLongLong() >= 600'000 - 20,
             qPrintable(QString::number(sleeps.at(0).at(0).toLongLong())));
    // The link is checked at once: a ping went out with the beat.
    QCOMPARE(pingTime(pings, pings.count() - 1), clock.now);
}

void tst_Heartbeat::stopSilencesEverything()
{
    Heartbeat heartbeat;
    heartbeat.configure(config());
    QSignalSpy pings(&heartbeat, &Heartbeat::pingDue);
    heartbeat.start();
    QVERIFY(heartbeat.isRunning());
    QVERIFY(pings.wait());
    heartbeat.stop();
    QVERIFY(!heartbeat.isRunning());
    QVERIFY(!heartbeat.isReplyOverdue());
    // A reply that comes after the stop measures nothing: its ping was forgotten.
    QSignalSpy roundTrips(&heartbeat, &Heartbeat::roundTripMeasured);
    QVERIFY(heartbeat.consumeReply(FeedMessages::pong(pingTime(pings, 0))));
    QCOMPARE(roundTrips.count(), 0);
}

QTEST_GUILESS_MAIN(tst_Heartbeat)
#include "tst_heartbeat.moc"

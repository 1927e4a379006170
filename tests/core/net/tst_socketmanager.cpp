// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagecapture.h"
#include "net/networkmonitor.h"
#include "net/reconnectbackoff.h"
#include "net/socketmanager.h"
#include "protocol/feedprofile.h"
#include "rawfeedpeer.h"
#include "remotenetworkmonitor.h"
#include "testclocks.h"
#include "testconfig.h"
#include "testfeedserver.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using std::chrono::milliseconds;
using State = SocketManager::State;

namespace {

constexpr qint64 kTraderId = TestConfig::kTraderId;

int countState(const QSignalSpy &spy, State state)
{
    int count = 0;
    for (const QList<QVariant> &args : spy)
        count += args.at(0).value<State>() == state ? 1 : 0;
    return count;
}

} // namespace

class tst_SocketManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // connecting and subscribing
    void subscribeIsTheFirstFrameOfEveryConnection();
    void subscribePayloadPassesThroughExtraFields();
    void sendWorksOnlyWhileOpen();
    void liveOnlyWhenTheOwnerConfirmsTheData();

    // waiting for data
    void noDataAsksOnceMoreThenFailsTheAttempt();
    void webSocketPongsDoNotHoldTheWaitForData();
    void dataStillArrivingHoldsTheWait_data();
    void dataStillArrivingHoldsTheWait();
    void aTrickleCannotHoldTheWaitForEver();
    void unusableDataCountsAsNoData();
    void resubscribeWaitsForDataAgain();
    void failAttemptClosesWith1000AndRetriesOrGivesUp_data();
    void failAttemptClosesWith1000AndRetriesOrGivesUp();

    // heartbeat
    void heartbeatCadenceAndPayload();
    void silentServerIsDetectedAndTheClientResubscribes();
    void aQuietLinkThatAnswersWebSocketPingsStaysUp_data();
    void aQuietLinkThatAnswersWebSocketPingsStaysUp();
    void anyInboundFrameCountsAsLife();
    void textFramesArriveAsTheirExactUtf8();
    void sleepIsDetectedAndTheLinkCheckedAtOnce();
    void sleepWithADeadServerIsDetectedWithinThePongTimeout();
    void pongRepliesAreConsumedAndDataIsDelivered();

    // reconnecting
    void serverCloseRetriesWithinReconnectMin();
    void tcpResetCausesExactlyOneRetry();
    void connectTimeoutAbortsTheAttempt();
    void nothingListeningGivesSixAttemptsThenFailed();
    void unlimitedRetriesKeepTrying();
    void backoffDelaysStayWithinBoundsAndVary();
    void acceptThenDropEndsInFailed();
    void usefulConnectionsResetTheRetryCounter();
    void connectionsWithoutDataNeverResetTheRetryCounter();
    void givesUpOnTimeNotOnACountJitterCanSqueeze();
    void fatalAndTransientRejections_data();
    void fatalAndTransientRejections();
    void oversizedMessageIsNotDelivered();

    // deliberate close
    void closeSendsUnsubscribeThenCode1000AndNeverReconnects();
    void closeCancelsEverythingFromAnyState_data();
    void closeCancelsEverythingFromAnyState();
    void reopenAfterCloseResubscribes();

    // network reachability
    void networkDownSpendsNoAttempts();
    void networkDownWhileReconnectingPausesTheRetries();
    void networkBackTriesAtOnceEvenFromFailed();
    void aMachineWakingUpTriesOnceMoreFromFailed();
    void loopbackNeverWaitsForTheNetwork_data();
    void loopbackNeverWaitsForTheNetwork();

    // lifetime and logging
    void destroyingInAnyStateIsClean_data();
    void destroyingInAnyStateIsClean();
    void logsUnderItsCategory();

private:
    // Closing is left out: Qt 6.4 completes a client close within close() itself.
    enum class Target { Idle, Connecting, Open, Live, Reconnecting, Failed, WaitingForNetwork };
    // Brings `manager` into `target` against m_server; returns false when it could not.
    bool driveTo(SocketManager &manager, NetworkMonitor &network, Target target);

    std::unique_ptr<TestFeedServer> m_server;
};

void tst_SocketManager::init()
{
    m_server = std::make_unique<TestFeedServer>();
    QVERIFY(m_server->listen());
}

void tst_SocketManager::cleanup()
{
    // Rule 1, checked after every test: one manager never holds two connections at once.
    QVERIFY2(m_server->maxLiveConnections() <= 1,
             qPrintable(u"max live connections %1"_s.arg(m_server->maxLiveConnections())));
    m_server.reset();
}

// ---- connecting and subscribing ----------------------------------------------------------

void tst_SocketManager::subscribeIsTheFirstFrameOfEveryConnection()
{
    SocketManager manager(TestConfig::fast(m_server->url()));
    // Anyone who reacts to Open by sending must still come after the subscription.
    connect(&manager, &SocketManager::stateChanged, &manager, [&manager](State state) {
        if (state == State::Open)
            QVERIFY(manager.send({{u"type"_s, u"Hello"_s}}));
    });
    const QJsonObject subscribe{{u"type"_s, u"Subscribe"_s}, {u"traderid"_s, kTraderId}};

    manager.open();
    for (int connection = 0; connection < 3; ++connection) {
        QTRY_COMPARE(m_server->connectionCount(), connection + 1);
        QTRY_COMPARE(m_server->connection(connection).frames.size(), 2);
        QCOMPARE(m_server->connection(connection).frames.at(0), subscribe);
        QCOMPARE(m_server->connection(connection).frames.at(1).value("type"_L1), "Hello"_L1);
        QTRY_COMPARE(manager.state(), State::Open);
        m_server->closeAll(QWebSocketProtocol::CloseCodeGoingAway, u"restart"_s);
    }
}

void tst_SocketManager::subscribePayloadPassesThroughExtraFields()
{
    SocketConfig config = TestConfig::fast(m_server->url());
    config.subscribePayload.insert(u"token"_s, u"secret-token"_s);
    SocketManager manager(config);
    manager.open();
    QTRY_COMPARE(m_server->connectionCount(), 1);
    QTRY_COMPARE(m_server->connection(0).frames.size(), 1);
    QCOMPARE(m_server->connection(0).frames.at(0), config.subscribePayload);
}

void tst_SocketManager::sendWorksOnlyWhileOpen()
{
    SocketManager manager(TestConfig::fast(m_server->url()));
    QVERIFY(!manager.send({{u"type"_s, u"Early"_s}}));
    manager.open();
    QCOMPARE(manager.state(), State::Connecting);
    QVERIFY(!manager.send({{u"type"_s, u"Early"_s}}));
    QTRY_COMPARE(manager.state(), State::Open);
    QVERIFY(manager.send({{u"type"_s, u"Resync"_s}}));
    QTRY_COMPARE(m_server->connection(0).frames.size(), 2);
    QCOMPARE(m_server->connection(0).frames.at(1).value("type"_L1), "Resync"_L1);
    QCOMPARE(m_server->countFrames(0, u"Early"_s), 0);
}

void tst_SocketManager::liveOnlyWhenTheOwnerConfirmsTheData()
{
    SocketManager manager(TestConfig::fast(m_server->url()));
    QSignalSpy states(&manager, &SocketManager::stateChanged);
    manager.markLive(); // not connected: nothing to confirm
    QCOMPARE(manager.state(), State::Idle);
    manager.open();
    QTRY_COMPARE(manager.state(), State::Open);
    QVERIFY(!manager.deliveredOnThisConnection());
    QCOMPARE(manager.subscriptionsSent(), 1);
    // Connected and subscribed is not live: it stays Open until the owner has its data.
    QVERIFY(!states.wait(200));
    QCOMPARE(manager.state(), State::Open);
    manager.markLive();
    QCOMPARE(manager.state(), State::Live);
    QVERIFY(manager.deliveredOnThisConnection());
    QCOMPARE(countState(states, State::Live), 1);
    QVERIFY(manager.send({{u"type"_s, u"Hello"_s}}));

    // A new connection starts over: Open again, not live until confirmed again.
    m_server->closeAll(QWebSocketProtocol::CloseCodeGoingAway);
    QTRY_COMPARE(m_server->connectionCount(), 2);
    QTRY_COMPARE(manager.state(), State::Open);
    QVERIFY(!manager.deliveredOnThisConnection());
}

// ---- waiting for data --------------------------------------------------------------------

void tst_SocketManager::webSocketPongsDoNotHoldTheWaitForData()
{
    // A server that answers only WebSocket pings (as every server does by itself) and sends
    // no data: the pongs prove the link, but are no part of an answer. The snapshot timeout
    // still runs out, not the two-minute cap for an answer still arriving.
    m_server->setMode(TestFeedServer::Mode::NoReplies);
    SocketConfig config = TestConfig::fast(m_server->url());
    config.snapshotTimeout = 300ms;
    config.heartbeatInterval = 50ms; // a pong every 50 ms, all through the wait
    SocketManager manager(config);
    QSignalSpy subscribed(&manager, &SocketManager::subscribed);
    QSignalSpy roundTrips(&manager, &SocketManager::roundTripMeasured);
    manager.open();
    QTRY_COMPARE(manager.state(), State::Open);
    QTRY_VERIFY(roundTrips.count() >= 2); // the pongs do come
    QTRY_VERIFY_WITH_TIMEOUT(subscribed.count() >= 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(manager.state() != State::Open, 10000);
    QVERIFY2(manager.lastError().contains(u"sent no data within"_s),
             qPrintable(manager.lastError()));
}

void tst_SocketManager::noDataAsksOnceMoreThenFailsTheAttempt()
{
    // The server answers pings but sends no data: subscribe, once more after the snapshot
    // timeout, then give the connection up (1000 with a reason, no Unsubscribe) and retry.
    SocketConfig config = TestConfig::fast(m_server->url());
    config.snapshotTimeout = 150ms;
    config.heartbeatInterval = 50ms;
    SocketManager manager(config);
    QSignalSpy subscribed(&manager, &SocketManager::subscribed);
    QSignalSpy dropped(&manager, &SocketManager::dropped);
    QSignalSpy retries(&manager, &SocketManager::retryScheduled);
    QElapsedTimer sinceOpen;
    State stateWhenAskedAgain = State::Idle;
    connect(&manager, &SocketManager::subscribed, this, [&](int times) {
        if (times == 2)
            stateWhenAskedAgain = manager.state();
    });
    // Timed from the change itself: QTRY_COMPARE may notice it a poll later.
    connect(&manager, &SocketManager::stateChanged, this, [&](State state) {
        if (state == State::Open && !sinceOpen.isValid())
            sinceOpen.start();
    });
    manager.open();
    QTRY_COMPARE(manager.state(), State::Open);

    QTRY_VERIFY(subscribed.count() >= 2);
    const qint64 askedAgainAfter = sinceOpen.elapsed();
    QVERIFY2(askedAgainAfter >= 140, qPrintable(QString::number(askedAgainAfter)));
    QCOMPARE(subscribed.at(1).at(0).toInt(), 2); // the second time on this connection
    QCOMPARE(stateWhenAskedAgain, State::Open);
    QTRY_COMPARE(m_server->countFrames(0, u"Subscribe"_s), 2);

    QTRY_VERIFY(m_server->connection(0).closed);
    QVERIFY(sinceOpen.elapsed() >= 290);
    QCOMPARE(m_server->connection(0).closeCode, 1000);
    QVERIFY2(!m_server->connection(0).closeReason.isEmpty(),
             qPrintable(m_server->connection(0).closeReason));
    QCOMPARE(m_server->countFrames(0, u"Unsubscribe"_s), 0);
    QTRY_COMPARE(retries.count(), 1);
    QCOMPARE(dropped.count(), 1);
    const QString reason = dropped.at(0).at(0).toString();
    QVERIFY2(reason.contains("no data within 0.15 s"_L1), qPrintable(reason));
    QVERIFY(dropped.at(0).at(1).toBool()); // it was connected
    // The retry subscribes afresh on a new connection.
    QTRY_COMPARE(m_server->connectionCount(), 2);
    QTRY_COMPARE(m_server->countFrames(1, u"Subscribe"_s), 1);
    // Pings were answered all along: the link was fine, the data was missing.
    QVERIFY(m_server->countFrames(0, u"Ping"_s) >= 3);
}

void tst_SocketManager::dataStillArrivingHoldsTheWait_data()
{
    QTest::addColumn<bool>("inFrames");
    QTest::addRow("a message in 20 frames") << true;
    QTest::addRow("one frame, 20 pieces of its bytes") << false;
}

void tst_SocketManager::dataStillArrivingHoldsTheWait()
{
    // A Snapshot over a slow line: five snapshot timeouts from first byte to last, a part every
    // quarter of a timeout, and no reply to a ping but those parts. Neither the wait for data
    // nor the heartbeat may take it for silence.
    QFETCH(bool, inFrames);
    RawFeedPeer peer;
    QVERIFY(peer.listen());
    SocketConfig config = TestConfig::fast(peer.url());
    config.snapshotTimeout = 400ms;
    config.heartbeatInterval = 150ms;
    config.pongTimeout = 600ms;
    SocketManager manager(config);
    QByteArray received;
    connect(&manager, &SocketManager::messageReceived, this, [&](const QByteArray &message) {
        received = message;
        manager.markLive(); // the owner reads a whole Snapshot
    });
    QSignalSpy subscribed(&manager, &SocketManager::subscribed);
    QSignalSpy dropped(&manager, &SocketManager::dropped);
    manager.open();
    QTRY_VERIFY(peer.isConnected());
    QTRY_COMPARE(peer.countReceived("Subscribe"), 1);

    constexpr int kParts = 20;
    const QByteArray snapshot = R"({"Code":200,"type":"Snapshot","seq":1,"data":[],"pad":")" +
                                QByteArray(64 * 1024, 'x') + R"("})";
    QList<QByteArray> parts;
    const qsizetype step = snapshot.size() / kParts + 1;
    if (inFrames) {
        for (int i = 0; i < kParts; ++i)
            parts.append(RawFeedPeer::frame(i == 0 ? 0x1 : 0x0, snapshot.mid(i * step, step),
                                            i == kParts - 1));
    } else {
        const QByteArray frame = RawFeedPeer::textFrame(snapshot);
        const qsizetype bytes = frame.size() / kParts + 1;
        for (int i = 0; i < kParts; ++i)
            parts.append(frame.mid(i * bytes, bytes));
    }
    QTimer pace;
    int sent = 0;
    connect(&pace, &QTimer::timeout, this, [&] {
        if (sent < parts.size())
            peer.send(parts.at(sent++));
    });
    pace.start(config.snapshotTimeout / 4);
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::Live, 10000);
    QCOMPARE(sent, kParts);
    QCOMPARE(received, snapshot);
    // Asked once, never again, and never dropped on the way.
    QCOMPARE(subscribed.count(), 1);
    QCOMPARE(peer.countReceived("Subscribe"), 1);
    QCOMPARE(dropped.count(), 0);
    QCOMPARE(peer.connectionCount(), 1);
}

void tst_SocketManager::aTrickleCannotHoldTheWaitForEver()
{
    // A message that never ends: parts keep coming, so the wait is held, but only up to the
    // cap; then the subscription is sent once more, and after a second cap the attempt fails.
    RawFeedPeer peer;
    QVERIFY(peer.listen());
    SocketConfig config = TestConfig::fast(peer.url());
    config.snapshotTimeout = 300ms;
    config.snapshotWaitCap = 1500ms; // over ten timeouts: the cap
    config.pongTimeout = 5s;
    SocketManager manager(config);
    QSignalSpy dropped(&manager, &SocketManager::dropped);
    int sent = 0;
    int sentAtSecondSubscription = -1;
    connect(&manager, &SocketManager::subscribed, this, [&](int times) {
        if (times == 2)
            sentAtSecondSubscription = sent;
    });
    manager.open();
    QTRY_VERIFY(peer.isConnected());
    // A text frame of 1 MiB, announced; its payload then comes 16 bytes at a time.
    peer.send(QByteArray("\x81\x7f\x00\x00\x00\x00\x00\x10\x00\x00", 10));
    QTimer pace;
    connect(&pace, &QTimer::timeout, this, [&] {
        peer.send(QByteArray(16, 'x'));
        ++sent;
    });
    pace.start(50ms);
    QTRY_VERIFY_WITH_TIMEOUT(sentAtSecondSubscription >= 0, 10000);
    // Held well past one timeout (six parts), up to the cap (thirty).
    QVERIFY2(sentAtSecondSubscription >= 15, qPrintable(QString::number(sentAtSecondSubscription)));
    QTRY_VERIFY_WITH_TIMEOUT(dropped.count() >= 1, 10000);
    const QString reason = dropped.at(0).at(0).toString();
    QVERIFY2(reason.contains("still arriving"_L1), qPrintable(reason));
}

void tst_SocketManager::unusableDataCountsAsNoData()
{
    SocketManager manager(TestConfig::fast(m_server->url()));
    QSignalSpy retries(&manager, &SocketManager::retryScheduled);
    QSignalSpy dropped(&manager, &SocketManager::dropped);
    manager.open();
    QTRY_COMPARE(manager.state(), State::Open);
    QTRY_COMPARE(m_server->countFrames(0, u"Subscribe"_s), 1);

    // A Snapshot the owner rejected: asked again at once, not after the timeout.
    manager.dataUnusable(u"The Snapshot was rejected: ticket 7 appears twice."_s);
    QTRY_COMPARE(m_server->countFrames(0, u"Subscribe"_s), 2);
    QCOMPARE(manager.state(), State::Open);
    // Rejected again: this connection is given up.
    manager.dataUnusable(u"The Snapshot was rejected: ticket 7 appears twice."_s);
    QTRY_VERIFY(m_server->connection(0).closed);
    QCOMPARE(m_server->connection(0).closeCode, 1000);
    QCOMPARE(retries.count(), 1);
    // Read from the signal: the retry's new connection may already have cleared lastError().
    QCOMPARE(dropped.count(), 1);
    QVERIFY(dropped.at(0).at(0).toString().contains("appears twice"_L1));
    QTRY_COMPARE(manager.state(), State::Open); // the retry's new connection
}

void tst_SocketManager::resubscribeWaitsForDataAgain()
{
    SocketConfig config = TestConfig::fast(m_server->url());
    config.snapshotTimeout = 100ms;
    SocketManager manager(config);
    manager.open();
    QTRY_COMPARE(manager.state(), State::Open);
    manager.markLive();
    QSignalSpy states(&manager, &SocketManager::stateChanged);

    // A gap in the data: subscribe again, and the data is not live until it comes.
    manager.resubscribe(u"seq jumped from 4 to 9"_s);
    QCOMPARE(manager.state(), State::Open);
    QTRY_COMPARE(m_server->countFrames(0, u"Subscribe"_s), 2);
    manager.markLive();
    QCOMPARE(manager.state(), State::Live);

    // A rejected Snapshot while live is the same: ask again.
    manager.dataUnusable(u"The Snapshot was rejected."_s);
    QCOMPARE(manager.state(), State::Open);
    QCOMPARE(manager.subscriptionsSent(), 1);
    // No answer this time: once more after the timeout, then a new connection.
    QTRY_COMPARE(m_server->countFrames(0, u"Subscribe"_s), 4);
    QTRY_COMPARE(m_server->connectionCount(), 2);
    QCOMPARE(m_server->connection(0).closeCode, 1000);
    QCOMPARE(countState(states, State::Reconnecting), 1);
}

void tst_SocketManager::failAttemptClosesWith1000AndRetriesOrGivesUp_data()
{
    QTest::addColumn<bool>("fatal");
    QTest::addRow("transient: backoff") << false;
    QTest::addRow("fatal: Failed at once") << true;
}

void tst_SocketManager::failAttemptClosesWith1000AndRetriesOrGivesUp()
{
    QFETCH(bool, fatal);
    SocketManager manager(TestConfig::fast(m_server->url()));
    QSignalSpy errors(&manager, &SocketManager::connectError);
    QSignalSpy accepted(m_server.get(), &TestFeedServer::tcpConnectionAccepted);
    manager.open();
    QTRY_COMPARE(manager.state(), State::Open);
    const QString reason = u"The server refused the subscription: error 404 (unknown trader)."_s;
    manager.failAttempt(reason,
                        fatal ? SocketManager::Failure::Fatal : SocketManager::Failure::Transient);
    // Decided at once; the retry may even come before the server has seen the close.
    QCOMPARE(manager.state(), fatal ? State::Failed : State::Reconnecting);
    QCOMPARE(manager.lastError(), reason);
    QTRY_VERIFY(m_server->connection(0).closed);
    QCOMPARE(m_server->connection(0).closeCode, 1000);
    QCOMPARE(m_server->countFrames(0, u"Unsubscribe"_s), 0);
    if (fatal) {
        QVERIFY(manager.isRefused());
        QCOMPARE(errors.count(), 1);
        QVERIFY(!accepted.wait(10 * 80));
        QCOMPARE(m_server->tcpAccepted(), 1);
        // The user can still try again; that clears the refusal.
        manager.reconnectNow();
        QTRY_COMPARE(manager.state(), State::Open);
        QVERIFY(!manager.isRefused());
    } else {
        QTRY_COMPARE(m_server->connectionCount(), 2);
        QTRY_COMPARE(manager.state(), State::Open);
        QCOMPARE(errors.count(), 0);
    }
}

// ---- heartbeat ---------------------------------------------------------------------------

void tst_SocketManager::heartbeatCadenceAndPayload()
{
    SocketConfig config = TestConfig::fast(m_server->url());
    config.heartbeatInterval = 50ms;
    SocketManager manager(config);
    QSignalSpy roundTrips(&manager, &SocketManager::roundTripMeasured);
    QSignalSpy messages(&manager, &SocketManager::messageReceived);

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    manager.open();
    QTRY_VERIFY(m_server->connectionCount() == 1 && m_server->countFrames(0, u"Ping"_s) >= 5);
    const qint64 after = QDateTime::currentMSecsSinceEpoch();

    QList<qint64> times;
    for (const QJsonObject &frame : m_server->connection(0).frames) {
        if (frame.value("type"_L1) != "Ping"_L1)
            continue;
        QCOMPARE(frame.keys(), QStringList({u"traderid"_s, u"ts"_s, u"type"_s}));
        QCOMPARE(frame.value("traderid"_L1).toInteger(), kTraderId);
        const qint64 ts = frame.value("ts"_L1).toInteger();
        QVERIFY(ts >= before && ts <= after);
        times.append(ts);
    }
    // One heartbeat, not two: no more pings than intervals in the time they span. (Not a
    // bound on each gap: a beat the loaded machine ran late is followed by one on time, so a
    // single gap may be shorter than the interval; a second heartbeat would double the count.)
    const qint64 span = times.constLast() - times.constFirst();
    QVERIFY2(times.size() <= span / config.heartbeatInterval.count() + 2,
             qPrintable(u"%1 pings in %2 ms"_s.arg(times.size()).arg(span)));
    // The server answered every ping: the round trip is known, and the Pongs were consumed.
    QTRY_VERIFY(!roundTrips.isEmpty());
    QVERIFY(roundTrips.constLast().at(0).toLongLong() >= 0);
    QVERIFY(manager.roundTripTimeMs() >= 0);
    QCOMPARE(messages.count(), 0);
    QCOMPARE(m_server->connectionCount(), 1);
}

void tst_SocketManager::silentServerIsDetectedAndTheClientResubscribes()
{
    // A frozen server: it reads nothing, so not even the WebSocket ping is answered. Only the
    // first connection freezes.
    connect(m_server.get(), &TestFeedServer::clientConnected, this, [this](int index) {
        if (index == 0)
            m_server->stallConnection(0, true);
    });
    SocketConfig config = TestConfig::fast(m_server->url());
    config.heartbeatInterval = 50ms;
    config.pongTimeout = 100ms;
    SocketManager manager(config);
    QSignalSpy retries(&manager, &SocketManager::retryScheduled);
    QSignalSpy dropped(&manager, &SocketManager::dropped);
    QStringList reasons;
    connect(&manager, &SocketManager::stateChanged, this, [&](State state) {
        if (state == State::Reconnecting)
            reasons.append(manager.lastError());
    });

    manager.open();
    QTRY_COMPARE(manager.state(), State::Open);
    // Within heartbeat + pong timeout (plus slack for a loaded machine) the client gives up
    // on the frozen connection and builds a new one.
    QTRY_VERIFY_WITH_TIMEOUT(!dropped.isEmpty(), 50 + 100 + 1000);
    QTRY_COMPARE(m_server->connectionCount(), 2);
    QTRY_VERIFY(!m_server->connection(1).frames.isEmpty());
    QCOMPARE(m_server->connection(1).frames.at(0).value("type"_L1), "Subscribe"_L1);
    // The aborted socket's own disconnect did not count as a second failure.
    QCOMPARE(retries.count(), 1);
    QVERIFY(!reasons.isEmpty());
    QVERIFY2(reasons.constFirst().contains("No reply"_L1), qPrintable(reasons.constFirst()));
}

void tst_SocketManager::aQuietLinkThatAnswersWebSocketPingsStaysUp_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addRow("native") << u"native"_s;
    QTest::addRow("seed") << u"seed"_s;
}

void tst_SocketManager::aQuietLinkThatAnswersWebSocketPingsStaysUp()
{
    // The original page's backend pushes its list only when something changes and never
    // answers the page's Ping: only the WebSocket pong (every RFC 6455 server answers) says
    // the link is healthy. Forty heartbeats, six pong timeouts and more: one connection
    // throughout, and a round trip measured from the pongs.
    QFETCH(QString, profile);
    m_server->setMode(TestFeedServer::Mode::NoReplies);
    QString problem;
    std::optional<FeedProfile> wire = FeedProfile::load(profile, &problem);
    QVERIFY(wire);
    SocketConfig config = wire->configFor(m_server->url(), 10260);
    config.heartbeatInterval = 50ms;
    config.pongTimeout = 300ms;
    SocketManager manager(config);
    QSignalSpy dropped(&manager, &SocketManager::dropped);
    QSignalSpy roundTrips(&manager, &SocketManager::roundTripMeasured);
    manager.open();
    QTRY_COMPARE(manager.state(), State::Open);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->connection(0).frames.size() >= 40, 20000);
    QCOMPARE(m_server->connectionCount(), 1);
    QCOMPARE(dropped.count(), 0);
    QCOMPARE(manager.state(), State::Open);
    QVERIFY(!roundTrips.isEmpty());
}

void tst_SocketManager::anyInboundFrameCountsAsLife()
{
    // A frozen server that still pushes data (it reads nothing, not even WebSocket pings):
    // the data alone proves the link.
    m_server->setMode(TestFeedServer::Mode::Silent);
    SocketConfig config = TestConfig::fast(m_server->url());
    config.heartbeatInterval = 50ms;
    config.pongTimeout = 100ms;
    SocketManager manager(config);
    QSignalSpy messages(&manager, &SocketManager::messageReceived);
    QSignalSpy dropped(&manager, &SocketManager::dropped);
    QTimer pusher;
    pusher.setInterval(20ms);
    connect(&pusher, &QTimer::timeout, this, [this] {
        m_server->broadcast(uR"({"Code":200,"type":"Positions","seq":1,"data":[]})"_s);
    });

    manager.open();
    QTRY_COMPARE(manager.state(), State::Open);
    pusher.start();
    // Twenty messages span four pong timeouts of unanswered pings: still the first connection.
    QTRY_VERIFY(messages.count() >= 20);
    QCOMPARE(m_server->connectionCount(), 1);
    QCOMPARE(dropped.count(), 0);
    QCOMPARE(manager.state(), State::Open);

    // When the data stops too, the link is declared dead.
    pusher.stop();
    QTRY_COMPARE_WITH_TIMEOUT(dropped.count(), 1, 5000);
    // From the signal: the retry's new connection clears lastError() as soon as it opens.
    const QString reason = dropped.at(0).at(0).toString();
    QVERIFY2(reason.contains("No reply"_L1), qPrintable(reason));
}

void tst_SocketManager::textFramesArriveAsTheirExactUtf8()
{
    // Each text frame is written into one reused buffer: a long one, then shorter ones, in
    // other scripts, must each arrive as exactly their own bytes, nothing of the one before.
    const QStringList sent = {
        uR"({"Code":200,"type":"Positions","seq":1,"data":[],"note":"%1"})"_s.arg(
            QString(5000, u'x')),
        uR"({"Code":200,"type":"Positions","seq":2,"data":[],"note":"黄金 XAUUSD"})"_s,
        uR"({"Code":200,"type":"Positions","seq":3,"data":[],"note":"€ 😀"})"_s,
        uR"({"seq":4})"_s,
    };
    SocketManager manager(TestConfig::fast(m_server->url()));
    QList<QByteArray> received;
    // A deep copy: a kept reference would make the manager write the next into a new buffer.
    connect(&manager, &SocketManager::messageReceived, this, [&](const QByteArray &message) {
        received.append(QByteArray(message.constData(), message.size()));
    });
    manager.open();
    QTRY_COMPARE(manager.state(), State::Open);
    const qsizetype before = received.size();
    for (const QString &text : sent)
        m_server->broadcast(text);
    QTRY_COMPARE(received.size(), before + sent.size());
    for (qsizetype i = 0; i < sent.size(); ++i)
        QCOMPARE(received.at(before + i), sent.at(i).toUtf8());
}

void tst_SocketManager::sleepIsDetectedAndTheLinkCheckedAtOnce()
{
    OffsetClock clock;
    SocketConfig config = TestConfig::fast(m_server->url());
    config.heartbeatInterval = 100ms;
    config.pongTimeout = 300ms;
    SocketManager manager(config);
    manager.setClock(&clock);
    QSignalSpy slept(&manager, &SocketManager::sleepDetected);

    manager.open();
    QTRY_VERIFY(m_server->countFrames(0, u"Ping"_s) >= 1);
    QCOMPARE(slept.count(), 0);

    clock.offset = 10'000; // the machine slept for ten seconds before the next tick
    QTRY_COMPARE(slept.count(), 1);
    QVERIFY2(slept.at(0).at(0).toLongLong() >= 9'000, qPrintable(slept.at(0).at(0).toString()));
    // The ping of that tick reaches the server, stamped with the new wall-clock time.
    QTRY_VERIFY(m_server->connection(0).frames.constLast().value("ts"_L1).toInteger() >=
                QDateTime::currentMSecsSinceEpoch() + 9'000);
    // The server answers: the link is kept, no reconnect, no second detection.
    QTRY_VERIFY(m_server->countFrames(0, u"Ping"_s) >= 5);
    QCOMPARE(m_server->connectionCount(), 1);
    QCOMPARE(manager.state(), State::Open);
    QCOMPARE(slept.count(), 1);
}

void tst_SocketManager::sleepWithADeadServerIsDetectedWithinThePongTimeout()
{
    OffsetClock clock;
    SocketConfig config = TestConfig::fast(m_server->url());
    config.heartbeatInterval = 100ms;
    config.pongTimeout = 200ms;
    SocketManager manager(config);
    manager.setClock(&clock);
    QSignalSpy slept(&manager, &SocketManager::sleepDetected);
    QSignalSpy dropped(&manager, &SocketManager::dropped);

    manager.open();
    QTRY_VERIFY(m_server->countFrames(0, u"Ping"_s) >= 1);
    // While "asleep" the server went silent.
    m_server->setMode(TestFeedServer::Mode::Silent);
    clock.offset = 60'000;
    QTRY_COMPARE(slept.count(), 1);
    QElapsedTimer sinceWake;
    sinceWake.start();
    QTRY_VERIFY_WITH_TIMEOUT(!dropped.isEmpty(), 200 + 1000);
    qInfo() << "dead link found" << sinceWake.elapsed() << "ms after the late heartbeat";
    QTRY_COMPARE(m_server->connectionCount(), 2);
}

void tst_SocketManager::pongRepliesAreConsumedAndDataIsDelivered()
{
    SocketConfig config = TestConfig::fast(m_server->url());
    config.heartbeatInterval = 30ms;
    SocketManager manager(config);
    QSignalSpy messages(&manager, &SocketManager::messageReceived);
    QSignalSpy roundTrips(&manager, &SocketManager::roundTripMeasured);
    manager.open();
    QTRY_VERIFY(roundTrips.count() >= 2);

    const QString positions = uR"({"Code":200,"type":"Positions","seq":3,"data":[]})"_s;
    // Mentions "Pong" but is data, not a reply.
    const QString lookalike = uR"({"type":"Positions","symbol":"Pong","data":[]})"_s;
    m_server->broadcastBinary(QByteArray("\x01\x02\x03", 3)); // not the protocol: ignored
    m_server->broadcast(positions);
    m_server->broadcast(lookalike);
    QTRY_COMPARE(messages.count(), 2);
    QCOMPARE(messages.at(0).at(0).toByteArray(), positions.toUtf8());
    QCOMPARE(messages.at(1).at(0).toByteArray(), lookalike.toUtf8());
    QCOMPARE(manager.state(), State::Open);
    QCOMPARE(m_server->connectionCount(), 1);
}

// ---- reconnecting ------------------------------------------------------------------------

void tst_SocketManager::serverCloseRetriesWithinReconnectMin()
{
    SocketConfig config = TestConfig::fast(m_server->url());
    config.reconnectMin = 200ms;
    config.reconnectMax = 5000ms;
    SocketManager manager(config);
    QSignalSpy retries(&manager, &SocketManager::retryScheduled);
    QSignalSpy errors(&manager, &SocketManager::connectError);
    QString reason;
    connect(&manager, &SocketManager::stateChanged, this, [&](State state) {
        if (state == State::Reconnecting)
            reason = manager.lastError();
    });

    manager.open();
    QTRY_COMPARE(manager.state(), State::Open);
    m_server->closeAll(QWebSocketProtocol::CloseCodeGoingAway, u"restarting"_s);
    QTRY_COMPARE(retries.count(), 1);
    QCOMPARE(retries.at(0).at(0).toInt(), 1);
    QCOMPARE(retries.at(0).at(1).toInt(), 5);
    QVERIFY(retries.at(0).at(2).value<milliseconds>() <= 200ms);
    QVERIFY2(reason.contains("1001"_L1) && reason.contains("restarting"_L1), qPrintable(reason));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 2, 200 + 1000);
    QTRY_COMPARE(manager.state(), State::Open);
    QCOMPARE(retries.count(), 1);
    QCOMPARE(errors.count(), 0);
}

void tst_SocketManager::tcpResetCausesExactlyOneRetry()
{
    SocketManager manager(TestConfig::fast(m_server->url()));
    QSignalSpy retries(&manager, &SocketManager::retryScheduled);
    QSignalSpy accepted(m_server.get(), &TestFeedServer::tcpConnectionAccepted);
    manager.open();
    QTRY_COMPARE(manager.state(), State::Open);

    // A reset raises both an error and a disconnect on the client: one failure, one retry.
    m_server->abortAll();
    QTRY_COMPARE(m_server->connectionCount(), 2);
    QTRY_COMPARE(manager.state(), State::Open);
    QCOMPARE(retries.count(), 1);
    QCOMPARE(accepted.count(), 2);
    // ...and no stray second attempt follows later.
    QVERIFY(!accepted.wait(300));
    QCOMPARE(m_server->connectionCount(), 2);
}

void tst_SocketManager::connectTimeoutAbortsTheAttempt()
{
    m_server->setMode(TestFeedServer::Mode::NoHandshake);
    SocketConfig config = TestConfig::fast(m_server->url());
    config.connectTimeout = 100ms;
    config.maxRetries = 2;
    SocketManager manager(config);
    QSignalSpy states(&manager, &SocketManager::stateChanged);
    QSignalSpy retries(&manager, &SocketManager::retryScheduled);
    QSignalSpy errors(&manager, &SocketManager::connectError);

    manager.open();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::Failed, 5000);
    QCOMPARE(countState(states, State::Connecting), 3);
    QCOMPARE(m_server->tcpAccepted(), 3);
    QCOMPARE(retries.count(), 2);
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.at(0).at(0).toString().contains("Timed out connecting"_L1),
             qPrintable(errors.at(0).at(0).toString()));
}

void tst_SocketManager::nothingListeningGivesSixAttemptsThenFailed()
{
    quint16 port = 0;
    const QUrl url = TestFeedServer::refusedUrl(&port);
    SocketManager manager(TestConfig::fast(url));
    QSignalSpy states(&manager, &SocketManager::stateChanged);
    QSignalSpy retries(&manager, &SocketManager::retryScheduled);
    QSignalSpy errors(&manager, &SocketManager::connectError);

    manager.open();
    QTRY_COMPARE(manager.state(), State::Failed);
    // The first attempt plus five retries, numbered 1 to 5 of 5.
    QCOMPARE(countState(states, State::Connecting), 6);
    QCOMPARE(retries.count(), 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(retries.at(i).at(0).toInt(), i + 1);
        QCOMPARE(retries.at(i).at(1).toInt(), 5);
    }
    QCOMPARE(errors.count(), 1);
    const QString reason = errors.at(0).at(0).toString();
    QVERIFY2(reason.contains("refused"_L1) && reason.contains(u" — 5 retries over "_s),
             qPrintable(reason));
    QCOMPARE(manager.lastError(), reason);

    // Failed means failed: nothing happens for many retry periods.
    QVERIFY(!states.wait(10 * 80));
    QCOMPARE(countState(states, State::Connecting), 6);

    // The server comes back; a manual reconnect tries at once and the feed is live again.
    TestFeedServer server;
    QVERIFY(server.listen(port));
    manager.reconnectNow();
    QCOMPARE(manager.state(), State::Connecting);
    QTRY_COMPARE(manager.state(), State::Open);
    QTRY_COMPARE(server.connectionCount(), 1);
    QTRY_COMPARE(server.countFrames(0, u"Subscribe"_s), 1);
    QCOMPARE(errors.count(), 1);
}

void tst_SocketManager::unlimitedRetriesKeepTrying()
{
    SocketConfig config = TestConfig::fast(TestFeedServer::refusedUrl());
    config.maxRetries = 0;
    config.reconnectMin = 1ms;
    config.reconnectMax = 5ms;
    SocketManager manager(config);
    QSignalSpy retries(&manager, &SocketManager::retryScheduled);
    QSignalSpy errors(&manager, &SocketManager::connectError);
    manager.open();
    QTRY_VERIFY(retries.count() >= 12);
    QCOMPARE(errors.count(), 0);
    QCOMPARE(retries.constLast().at(1).toInt(), 0);
    manager.close();
    QCOMPARE(manager.state(), State::Idle);
}

void tst_SocketManager::backoffDelaysStayWithinBoundsAndVary()
{
    SocketConfig config = TestConfig::fast(TestFeedServer::refusedUrl());
    config.maxRetries = 8;
    config.reconnectMin = 4ms;
    config.reconnectMax = 100ms;
    SocketManager manager(config);
    manager.setRandomSeed(7);
    QSignalSpy retries(&manager, &SocketManager::retryScheduled);
    const ReconnectBackoff bounds(config.reconnectMin, config.reconnectMax);

    for (int round = 0; round < 2; ++round) {
        if (round == 0)
            manager.open();
        else
            manager.reconnectNow();
        QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::Failed, 10000);
    }
    QCOMPARE(retries.count(), 16);
    QSet<qint64> distinct;
    for (const QList<QVariant> &args : std::as_const(retries)) {
        const int attempt = args.at(0).toInt();
        const milliseconds delay = args.at(2).value<milliseconds>();
        QVERIFY2(delay >= 0ms && delay <= bounds.ceiling(attempt),
                 qPrintable(u"retry %1 waited %2 ms"_s.arg(attempt).arg(delay.count())));
        distinct.insert(delay.count());
    }
    // Jitter: not one fixed delay (the original client retried every 5 s exactly).
    QVERIFY2(distinct.size() >= 6, qPrintable(QString::number(distinct.size())));
    // The ceiling grows: the last retries may wait longer than the first one ever can.
    QCOMPARE(bounds.ceiling(1), 4ms);
    QCOMPARE(bounds.ceiling(8), 100ms);
}

void tst_SocketManager::acceptThenDropEndsInFailed()
{
    // The server accepts the WebSocket and drops it at once: the original looped forever.
    m_server->setMode(TestFeedServer::Mode::DropOnConnect);
    SocketManager manager(TestConfig::fast(m_server->url()));
    QSignalSpy errors(&manager, &SocketManager::connectError);
    QSignalSpy connected(m_server.get(), &TestFeedServer::clientConnected);

    manager.open();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::Failed, 10000);
    QCOMPARE(m_server->connectionCount(), 6);
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.at(0).at(0).toString().contains("1001"_L1),
             qPrintable(errors.at(0).at(0).toString()));
    QVERIFY(!connected.wait(10 * 80));
    QCOMPARE(m_server->connectionCount(), 6);
}

void tst_SocketManager::usefulConnectionsResetTheRetryCounter()
{
    SocketConfig config = TestConfig::fast(m_server->url());
    config.heartbeatInterval = 40ms;
    config.minUptime = 100ms;
    SocketManager manager(config);
    QSignalSpy retries(&manager, &SocketManager::retryScheduled);
    // The owner confirms the data on every connection.
    connect(&manager, &SocketManager::stateChanged, &manager, [&manager](State state) {
        if (state == State::Open)
            manager.markLive();
    });
    manager.open();
    // Seven drops, each after a live connection that stayed up longer than minUptime: every
    // one is "retry 1", and the manager never gives up.
    for (int drop = 0; drop < 7; ++drop) {
        QTRY_COMPARE(m_server->connectionCount(), drop + 1);
        // Three pings on this connection mean it has been open for >= 120 ms.
        QTRY_VERIFY(m_server->countFrames(drop, u"Ping"_s) >= 3);
        m_server->closeAll(QWebSocketProtocol::CloseCodeGoingAway);
        QTRY_COMPARE(retries.count(), drop + 1);
        QCOMPARE(retries.constLast().at(0).toInt(), 1);
    }
    QTRY_COMPARE(manager.state(), State::Live);
}

void tst_SocketManager::connectionsWithoutDataNeverResetTheRetryCounter()
{
    // Long uptime is not enough: a server that accepts, answers pings and sends no data
    // (each connection lasts two snapshot timeouts, far beyond minUptime) ends in Failed.
    SocketConfig config = TestConfig::fast(m_server->url());
    config.heartbeatInterval = 20ms;
    config.snapshotTimeout = 60ms;
    config.minUptime = 10ms;
    config.maxRetries = 2;
    SocketManager manager(config);
    QSignalSpy retries(&manager, &SocketManager::retryScheduled);
    manager.open();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::Failed, 10000);
    QCOMPARE(m_server->connectionCount(), 3);
    QCOMPARE(retries.count(), 2);
    QCOMPARE(retries.at(1).at(0).toInt(), 2);
    // One statement: the last failure's reason, then how hard it tried.
    QVERIFY2(manager.lastError().contains(u" — 2 retries over "_s),
             qPrintable(manager.lastError()));
}

void tst_SocketManager::givesUpOnTimeNotOnACountJitterCanSqueeze()
{
    // Two retries are used up in well under 100 ms; the manager goes on at the capped delay
    // until 500 ms have passed since the first failure, and says how long is left.
    SocketConfig config = TestConfig::fast(TestFeedServer::refusedUrl());
    config.maxRetries = 2;
    config.reconnectMin = 5ms;
    config.reconnectMax = 20ms;
    config.giveUpAfter = 500ms;
    SocketManager manager(config);
    QSignalSpy retries(&manager, &SocketManager::retryScheduled);
    QElapsedTimer sinceStart;
    QElapsedTimer sinceFirstFailure; // started just after the failure the countdown counts from
    QList<qint64> giveUpIn;
    QList<qint64> atMost; // what is left at most when the countdown is read
    int countdownsAfterItRanOut = 0;
    bool ranOut = false;
    connect(&manager, &SocketManager::retryScheduled, this, [&](int attempt) {
        if (attempt == 1)
            sinceFirstFailure.start();
        const ReconnectPolicy::Outlook outlook = manager.giveUpOutlook();
        if (outlook.kind == ReconnectPolicy::Outlook::Kind::Countdown) {
            countdownsAfterItRanOut += ranOut ? 1 : 0;
            atMost.append(500 - sinceFirstFailure.elapsed());
            giveUpIn.append(outlook.left.count());
        } else {
            // Run out: it names the retry that gives up, this one (it begins after now).
            QCOMPARE(outlook.kind, ReconnectPolicy::Outlook::Kind::FromAttempt);
            QCOMPARE(outlook.attempt, attempt);
            ranOut = true;
        }
    });
    sinceStart.start();
    manager.open();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::Failed, 10000);
    const qint64 elapsed = sinceStart.elapsed();
    QVERIFY2(elapsed >= 500, qPrintable(QString::number(elapsed)));
    QVERIFY2(retries.count() > 5, qPrintable(QString::number(retries.count())));
    QCOMPARE(retries.at(2).at(0).toInt(), 3); // numbering goes on past maxRetries
    // The countdown runs down, from the first retry on, and never comes back once run out.
    // Bounded by the time measured here rather than by how fast this machine is.
    QVERIFY(!giveUpIn.isEmpty());
    QCOMPARE(countdownsAfterItRanOut, 0);
    for (qsizetype i = 0; i < giveUpIn.size(); ++i) {
        QVERIFY2(giveUpIn.at(i) >= 0 && giveUpIn.at(i) <= atMost.at(i) + 1,
                 qPrintable(u"%1 left, at most %2"_s.arg(giveUpIn.at(i)).arg(atMost.at(i))));
        if (i > 0)
            QVERIFY(giveUpIn.at(i) <= giveUpIn.at(i - 1));
    }
    // Reconnect (Ctrl+R) still works after giving up, as the original client required.
    manager.reconnectNow();
    QCOMPARE(manager.state(), State::Connecting);
}

void tst_SocketManager::fatalAndTransientRejections_data()
{
    QTest::addColumn<int>("httpStatus"); // 0: accept, then close with closeCode
    QTest::addColumn<int>("closeCode");
    QTest::addColumn<bool>("fatal");
    QTest::addColumn<QString>("reasonContains");

    // HTTP statuses go through the same table (Refusal) as Error codes.
    QTest::addRow("HTTP 400")
        << 400 << 0 << true
        << u"HTTP 400, or an answer that is no WebSocket upgrade). Check the feed URL"_s;
    QTest::addRow("HTTP 401") << 401 << 0 << true
                              << u"HTTP 401 (not authorised). Check the auth token"_s;
    QTest::addRow("HTTP 403") << 403 << 0 << true << u"HTTP 403"_s;
    QTest::addRow("HTTP 404") << 404 << 0 << true << u"HTTP 404 (not found). Check the trader id"_s;
    QTest::addRow("HTTP 408") << 408 << 0 << false << u"HTTP 408"_s;
    QTest::addRow("HTTP 429") << 429 << 0 << false << u"HTTP 429 (too many requests)"_s;
    QTest::addRow("HTTP 503") << 503 << 0 << false << u"HTTP 503"_s;
    QTest::addRow("close 1008") << 0 << 1008 << true << u"code 1008"_s;
    QTest::addRow("close 4000") << 0 << 4000 << true << u"code 4000"_s;
    QTest::addRow("close 4099") << 0 << 4099 << true << u"code 4099"_s;
    QTest::addRow("close 4100") << 0 << 4100 << false << u"code 4100"_s;
    QTest::addRow("close 1011") << 0 << 1011 << false << u"code 1011"_s;
}

void tst_SocketManager::fatalAndTransientRejections()
{
    QFETCH(int, httpStatus);
    QFETCH(int, closeCode);
    QFETCH(bool, fatal);
    QFETCH(QString, reasonContains);

    if (httpStatus) {
        m_server->setMode(TestFeedServer::Mode::RejectHandshake);
        m_server->setRejectStatus(httpStatus);
    } else {
        m_server->setMode(TestFeedServer::Mode::DropOnConnect);
        m_server->setDropCloseCode(closeCode);
    }
    SocketManager manager(TestConfig::fast(m_server->url()));
    QSignalSpy states(&manager, &SocketManager::stateChanged);
    QSignalSpy errors(&manager, &SocketManager::connectError);
    QSignalSpy accepted(m_server.get(), &TestFeedServer::tcpConnectionAccepted);
    QStringList reasons;
    connect(&manager, &SocketManager::stateChanged, this, [&](State state) {
        if (state == State::Reconnecting || state == State::Failed)
            reasons.append(manager.lastError());
    });

    manager.open();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::Failed, 10000);
    QVERIFY(!reasons.isEmpty());
    QVERIFY2(reasons.constFirst().contains(reasonContains), qPrintable(reasons.constFirst()));
    QCOMPARE(errors.count(), 1);
    if (fatal) {
        // Failed at once: one attempt, no retry, and nothing after.
        QCOMPARE(countState(states, State::Connecting), 1);
        QCOMPARE(countState(states, State::Reconnecting), 0);
        QVERIFY(!accepted.wait(10 * 80));
        QCOMPARE(m_server->tcpAccepted(), 1);
    } else {
        QCOMPARE(countState(states, State::Connecting), 6);
        QCOMPARE(m_server->tcpAccepted(), 6);
    }
}

void tst_SocketManager::oversizedMessageIsNotDelivered()
{
    SocketConfig config = TestConfig::fast(m_server->url());
    config.maxIncomingMessageSize = 1024;
    SocketManager manager(config);
    QSignalSpy messages(&manager, &SocketManager::messageReceived);
    QSignalSpy ignored(&manager, &SocketManager::messageIgnored);
    QSignalSpy states(&manager, &SocketManager::stateChanged);
    manager.open();
    QTRY_COMPARE(manager.state(), State::Open);
    states.clear();

    // Over the limit, and a binary frame: counted and dropped; the connection stays up.
    m_server->broadcast(uR"({"type":"Positions","pad":"%1"})"_s.arg(QString(4096, u'x')));
    m_server->broadcastBinary(QByteArray(64, '\x7f'));
    const QString small = uR"({"type":"Positions","data":[]})"_s;
    m_server->broadcast(small);
    QTRY_COMPARE(messages.count(), 1);
    QCOMPARE(messages.at(0).at(0).toByteArray(), small.toUtf8());
    QCOMPARE(ignored.count(), 2);
    QVERIFY2(ignored.at(0).at(0).toString().contains("over the 1024-byte limit"_L1),
             qPrintable(ignored.at(0).at(0).toString()));
    QCOMPARE(manager.ignoredCount(), 2);
    QCOMPARE(states.count(), 0);
    QCOMPARE(m_server->connectionCount(), 1);
}

// ---- deliberate close --------------------------------------------------------------------

void tst_SocketManager::closeSendsUnsubscribeThenCode1000AndNeverReconnects()
{
    SocketManager manager(TestConfig::fast(m_server->url()));
    QSignalSpy connected(m_server.get(), &TestFeedServer::clientConnected);
    manager.open();
    QTRY_COMPARE(manager.state(), State::Open);
    QTRY_COMPARE(m_server->connection(0).frames.size(), 1);
    QSignalSpy states(&manager, &SocketManager::stateChanged);

    manager.close();
    // Qt 6.4 finishes a client close inside close(); later versions may wait for the
    // server's close frame. Either way the states pass through Closing to Idle.
    QTRY_COMPARE(manager.state(), State::Idle);
    QCOMPARE(states.count(), 2);
    QCOMPARE(states.at(0).at(0).value<State>(), State::Closing);
    QCOMPARE(states.at(1).at(0).value<State>(), State::Idle);
    QTRY_VERIFY(m_server->connection(0).closed);
    const QList<QJsonObject> frames = m_server->connection(0).frames;
    QCOMPARE(frames.size(), 2);
    QCOMPARE(frames.at(0).value("type"_L1), "Subscribe"_L1);
    QCOMPARE(frames.at(1),
             QJsonObject({{u"type"_s, u"Unsubscribe"_s}, {u"traderid"_s, kTraderId}}));
    QCOMPARE(m_server->connection(0).closeCode, 1000);

    // Several retry periods later: still closed, nothing came back.
    QVERIFY(!connected.wait(10 * 80));
    QCOMPARE(m_server->connectionCount(), 1);
    QCOMPARE(manager.state(), State::Idle);
    QVERIFY(!manager.send({{u"type"_s, u"Late"_s}}));
}

void tst_SocketManager::closeCancelsEverythingFromAnyState_data()
{
    QTest::addColumn<Target>("target");
    QTest::addRow("Connecting") << Target::Connecting;
    QTest::addRow("Open") << Target::Open;
    QTest::addRow("Live") << Target::Live;
    QTest::addRow("Reconnecting") << Target::Reconnecting;
    QTest::addRow("Failed") << Target::Failed;
    QTest::addRow("WaitingForNetwork") << Target::WaitingForNetwork;
    QTest::addRow("Idle") << Target::Idle;
}

void tst_SocketManager::closeCancelsEverythingFromAnyState()
{
    QFETCH(Target, target);
    RemoteNetworkMonitor network;
    SocketManager manager;
    QVERIFY(driveTo(manager, network, target));
    const int acceptedBefore = m_server->tcpAccepted();
    QSignalSpy states(&manager, &SocketManager::stateChanged);
    QSignalSpy accepted(m_server.get(), &TestFeedServer::tcpConnectionAccepted);

    manager.close();
    QTRY_COMPARE(manager.state(), State::Idle);
    // Even the network coming back does not reopen a deliberately closed feed.
    network.setOnline(true);
    QVERIFY(!accepted.wait(10 * 80));
    QCOMPARE(m_server->tcpAccepted(), acceptedBefore);
    QCOMPARE(countState(states, State::Connecting), 0);
    QCOMPARE(manager.state(), State::Idle);
    // Any connection the manager had is gone.
    QTRY_COMPARE(m_server->liveConnections(), 0);
}

void tst_SocketManager::reopenAfterCloseResubscribes()
{
    SocketManager manager(TestConfig::fast(m_server->url()));
    manager.open();
    QTRY_COMPARE(manager.state(), State::Open);
    manager.close();
    // Reopen before the close completed (a quick switch of tabs and back).
    manager.open();
    QTRY_COMPARE(manager.state(), State::Open);
    QTRY_COMPARE(m_server->connectionCount(), 2);
    QTRY_VERIFY(!m_server->connection(1).frames.isEmpty());
    QCOMPARE(m_server->connection(1).frames.at(0).value("type"_L1), "Subscribe"_L1);
    QTRY_VERIFY(m_server->connection(0).closed);
    QCOMPARE(m_server->countFrames(0, u"Unsubscribe"_s), 1);
}

// ---- network reachability ----------------------------------------------------------------

void tst_SocketManager::networkDownSpendsNoAttempts()
{
    RemoteNetworkMonitor network;
    network.setOnline(false);
    SocketManager manager(TestConfig::fast(m_server->url()));
    manager.setNetworkMonitor(&network);
    QSignalSpy accepted(m_server.get(), &TestFeedServer::tcpConnectionAccepted);

    manager.open();
    QCOMPARE(manager.state(), State::WaitingForNetwork);
    QVERIFY(!accepted.wait(10 * 80));
    QCOMPARE(m_server->tcpAccepted(), 0);

    network.setOnline(true);
    QCOMPARE(manager.state(), State::Connecting);
    QTRY_COMPARE(manager.state(), State::Open);
    QTRY_COMPARE(m_server->countFrames(0, u"Subscribe"_s), 1);
}

void tst_SocketManager::networkDownWhileReconnectingPausesTheRetries()
{
    RemoteNetworkMonitor network;
    SocketConfig config = TestConfig::fast(TestFeedServer::refusedUrl());
    config.reconnectMin = 100ms;
    config.reconnectMax = 100ms;
    SocketManager manager(config);
    manager.setNetworkMonitor(&network);
    QSignalSpy states(&manager, &SocketManager::stateChanged);
    QSignalSpy retries(&manager, &SocketManager::retryScheduled);

    // The network goes down the moment the first retry is scheduled.
    bool once = false;
    connect(&manager, &SocketManager::retryScheduled, this, [&] {
        if (!std::exchange(once, true))
            network.setOnline(false);
    });

    manager.open();
    QTRY_COMPARE(manager.state(), State::WaitingForNetwork);
    QCOMPARE(countState(states, State::Reconnecting), 1);
    // Long enough for every remaining retry if they were still being spent.
    QVERIFY(!states.wait(8 * 100));
    QCOMPARE(countState(states, State::Connecting), 1);
    QCOMPARE(retries.count(), 1);

    // Back online: a fresh count, and the manager only fails after six more attempts.
    network.setOnline(true);
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::Failed, 10000);
    QCOMPARE(countState(states, State::Connecting), 1 + 6);
}

void tst_SocketManager::networkBackTriesAtOnceEvenFromFailed()
{
    quint16 port = 0;
    RemoteNetworkMonitor network;
    SocketManager manager(TestConfig::fast(TestFeedServer::refusedUrl(&port)));
    manager.setNetworkMonitor(&network);
    manager.open();
    QTRY_COMPARE(manager.state(), State::Failed);

    TestFeedServer server;
    QVERIFY(server.listen(port));
    network.setOnline(false);
    QCOMPARE(manager.state(), State::Failed);
    network.setOnline(true);
    QCOMPARE(manager.state(), State::Connecting);
    QTRY_COMPARE(manager.state(), State::Open);
    QTRY_COMPARE(server.countFrames(0, u"Subscribe"_s), 1);

    // A refusal is different: the network coming back does not fix a bad token.
    server.setMode(TestFeedServer::Mode::RejectHandshake);
    server.setRejectStatus(401);
    server.closeAll(QWebSocketProtocol::CloseCodeGoingAway);
    QTRY_COMPARE(manager.state(), State::Failed);
    QVERIFY(manager.isRefused());
    network.setOnline(false);
    network.setOnline(true);
    QCOMPARE(manager.state(), State::Failed);
}

void tst_SocketManager::aMachineWakingUpTriesOnceMoreFromFailed()
{
    // Given up overnight, the laptop wakes in the morning with the server back: one more try
    // (then the normal schedule). A feed refused for good (401) stays Failed.
    OffsetClock clock;
    quint16 port = 0;
    SocketConfig config = TestConfig::fast(TestFeedServer::refusedUrl(&port));
    config.wakeCheckInterval = 50ms;
    SocketManager gaveUp(config);
    gaveUp.setClock(&clock);
    TestFeedServer refusing;
    refusing.setMode(TestFeedServer::Mode::RejectHandshake);
    refusing.setRejectStatus(401);
    QVERIFY(refusing.listen());
    SocketConfig refusedConfig = TestConfig::fast(refusing.url());
    refusedConfig.wakeCheckInterval = 50ms;
    SocketManager refused(refusedConfig);
    refused.setClock(&clock);
    gaveUp.open();
    refused.open();
    QTRY_COMPARE(gaveUp.state(), State::Failed);
    QTRY_COMPARE(refused.state(), State::Failed);
    QVERIFY(refused.isRefused());
    QVERIFY(!gaveUp.isRefused());
    const int refusedTries = refusing.tcpAccepted();

    TestFeedServer server;
    QVERIFY(server.listen(port));
    QSignalSpy woke(&gaveUp, &SocketManager::sleepDetected);
    clock.offset += 3'600'000; // an hour asleep
    QTRY_COMPARE(server.countFrames(0, u"Subscribe"_s), 1);
    QCOMPARE(woke.count(), 1);
    QTRY_COMPARE(gaveUp.state(), State::Open);
    // The refused one had the same chance, and took none.
    QCOMPARE(refused.state(), State::Failed);
    QCOMPARE(refusing.tcpAccepted(), refusedTries);
}

void tst_SocketManager::loopbackNeverWaitsForTheNetwork_data()
{
    QTest::addColumn<QString>("host");
    QTest::addRow("127.0.0.1") << u"127.0.0.1"_s;
    QTest::addRow("localhost") << u"localhost"_s;
}

void tst_SocketManager::loopbackNeverWaitsForTheNetwork()
{
    // The system says there is no network (a machine whose only interface is lo, or a
    // laptop offline with an SSH tunnel): a feed on this machine connects all the same.
    QFETCH(QString, host);
    NetworkMonitor network;
    network.setOnline(false);
    QUrl url = m_server->url();
    url.setHost(host);
    SocketConfig config = TestConfig::fast(url);
    config.maxRetries = 1;
    SocketManager manager(config);
    manager.setNetworkMonitor(&network);
    manager.open();
    QCOMPARE(manager.state(), State::Connecting);
    QTRY_COMPARE(manager.state(), State::Open);
    QTRY_COMPARE(m_server->countFrames(0, u"Subscribe"_s), 1);

    // A drop retries (no WaitingForNetwork), and network reports change nothing.
    QSignalSpy states(&manager, &SocketManager::stateChanged);
    m_server->closeAll(QWebSocketProtocol::CloseCodeGoingAway);
    QTRY_COMPARE(m_server->connectionCount(), 2);
    QTRY_COMPARE(manager.state(), State::Open);
    network.setOnline(true);
    network.setOnline(false);
    QCOMPARE(countState(states, State::WaitingForNetwork), 0);
    QCOMPARE(manager.state(), State::Open);

    // Failed stays Failed when the network "comes back": it says nothing about this feed.
    m_server->stopListening();
    m_server->abortAll();
    QTRY_COMPARE(manager.state(), State::Failed);
    network.setOnline(true);
    QCOMPARE(manager.state(), State::Failed);
    QCOMPARE(countState(states, State::WaitingForNetwork), 0);
}

// ---- lifetime and logging ----------------------------------------------------------------

bool tst_SocketManager::driveTo(SocketManager &manager, NetworkMonitor &network, Target target)
{
    SocketConfig config = TestConfig::fast(m_server->url());
    manager.setNetworkMonitor(&network);
    switch (target) {
    case Target::Idle:
        manager.setConfig(config);
        return manager.state() == State::Idle;
    case Target::Connecting:
        m_server->setMode(TestFeedServer::Mode::NoHandshake);
        config.connectTimeout = 10s;
        manager.setConfig(config);
        manager.open();
        return QTest::qWaitFor([this] { return m_server->tcpAccepted() == 1; }) &&
               manager.state() == State::Connecting;
    case Target::Open:
        manager.setConfig(config);
        manager.open();
        return QTest::qWaitFor([&] { return manager.state() == State::Open; });
    case Target::Live:
        manager.setConfig(config);
        manager.open();
        if (!QTest::qWaitFor([&] { return manager.state() == State::Open; }))
            return false;
        manager.markLive();
        return manager.state() == State::Live;
    case Target::Reconnecting:
        config.reconnectMin = 10s; // a retry stays pending for the rest of the test
        config.reconnectMax = 10s;
        config.url = TestFeedServer::refusedUrl();
        manager.setConfig(config);
        manager.setRandomSeed(1);
        manager.open();
        return QTest::qWaitFor([&] { return manager.state() == State::Reconnecting; }) &&
               manager.retryDelay() > 1s;
    case Target::Failed:
        config.url = TestFeedServer::refusedUrl();
        manager.setConfig(config);
        manager.open();
        return QTest::qWaitFor([&] { return manager.state() == State::Failed; });
    case Target::WaitingForNetwork:
        manager.setConfig(config);
        network.setOnline(false);
        manager.open();
        return manager.state() == State::WaitingForNetwork;
    }
    return false;
}

void tst_SocketManager::destroyingInAnyStateIsClean_data()
{
    closeCancelsEverythingFromAnyState_data();
}

void tst_SocketManager::destroyingInAnyStateIsClean()
{
    QFETCH(Target, target);
    RemoteNetworkMonitor network;
    auto *manager = new SocketManager;
    QVERIFY(driveTo(*manager, network, target));
    const int acceptedBefore = m_server->tcpAccepted();
    int signalsAfterDeath = 0;
    bool destroyed = false;
    connect(manager, &QObject::destroyed, this, [&destroyed] { destroyed = true; });
    const auto count = [&] {
        if (destroyed)
            ++signalsAfterDeath;
    };
    connect(manager, &SocketManager::stateChanged, this, count);
    connect(manager, &SocketManager::retryScheduled, this, count);
    connect(manager, &SocketManager::connectError, this, count);
    QSignalSpy accepted(m_server.get(), &TestFeedServer::tcpConnectionAccepted);

    delete manager;
    QVERIFY(destroyed);
    QCOMPARE(signalsAfterDeath, 0);
    // The socket went with it (the server sees the connection end) and no timer outlived
    // it (no attempt follows, and nothing crashes while events run).
    QTRY_COMPARE(m_server->liveConnections(), 0);
    network.setOnline(!network.isOnline());
    network.setOnline(true);
    QVERIFY(!accepted.wait(10 * 80));
    QCOMPARE(m_server->tcpAccepted(), acceptedBefore);
}

void tst_SocketManager::logsUnderItsCategory()
{
    QList<LoggedMessage> log;
    {
        const auto capture = captureMessages(&log);
        SocketManager manager(TestConfig::fast(TestFeedServer::refusedUrl()));
        manager.open();
        QTRY_COMPARE(manager.state(), State::Failed);
    }
    QStringList categories;
    for (const LoggedMessage &message : std::as_const(log))
        categories.append(QString::fromLatin1(message.category));
    QVERIFY2(categories.contains(u"trademonitor.socket"_s), qPrintable(categories.join(u',')));
}

QTEST_GUILESS_MAIN(tst_SocketManager)
#include "tst_socketmanager.moc"

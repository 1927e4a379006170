// SPDX-License-Identifier: GPL-3.0-or-later
#include "alerts/alerts.h"
#include "fakenotifier.h"
#include "feed/feedsession.h"
#include "feed/feedsource.h"
#include "feed/feedstatus.h"
#include "feed/positionbook.h"
#include "fixtures.h"
#include "history/closedtradestore.h"
#include "history/tradehistory.h"
#include "messagecapture.h"
#include "models/positionsmodel.h"
#include "net/socketmanager.h"
#include "protocol/feedmessages.h"
#include "protocol/feedprofile.h"
#include "simulator/feedsimulator.h"
#include "testfeedserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using State = SocketManager::State;

namespace {

FeedSimulator::Options simulatorOptions()
{
    FeedSimulator::Options options;
    options.simulation.seed = 21;
    options.simulation.tick = 20ms;
    return options;
}

SocketConfig config(const QUrl &url, const FeedProfile &profile = FeedProfile::native())
{
    SocketConfig c = profile.configFor(url, 10260);
    c.reconnectMin = 20ms;
    c.reconnectMax = 50ms;
    c.snapshotTimeout = 1s;
    return c;
}

// The app's path against an in-process simulator: socket -> session -> book, no history.
struct LivePath
{
    explicit LivePath(const FeedSimulator::Options &options = simulatorOptions())
        : simulator(options)
    {
        if (!simulator.listen())
            qFatal("the simulator cannot listen");
        socket.setConfig(config(simulator.url()));
    }
    FeedSimulator simulator;
    SocketManager socket;
    PositionBook book;
    FeedSession session{&socket, &book, nullptr};
};

QSet<qint64> ticketsOf(const QList<Position> &positions)
{
    QSet<qint64> set;
    for (const Position &p : positions)
        set.insert(p.ticket);
    return set;
}

int countState(const QSignalSpy &spy, SocketManager::State state)
{
    int count = 0;
    for (const QList<QVariant> &args : spy)
        count += args.at(0).value<SocketManager::State>() == state ? 1 : 0;
    return count;
}

// A Snapshot whose data is no list: the parser refuses it whole.
QByteArray unreadableSnapshot()
{
    return R"({"Code":200,"type":"Snapshot","seq":1,"data":{"ticket":7}})";
}

// A scripted feed: every subscription (a frame of type `subscribe`) gets `answer`: the Snapshot,
// and what follows it.
void answerEverySubscribe(TestFeedServer &server, const QList<QByteArray> &answer,
                          const QString &subscribe = u"Subscribe"_s)
{
    QObject::connect(&server, &TestFeedServer::frameReceived, &server,
                     [&server, answer, subscribe](int, const QJsonObject &frame) {
                         if (frame.value("type"_L1) != subscribe)
                             return;
                         for (const QByteArray &message : answer)
                             server.broadcast(QString::fromUtf8(message));
                     });
}

// A row of `data` (an encoded list) with one field replaced by raw JSON.
QByteArray withField(const QByteArray &data, int row, const QString &field, const QJsonValue &value)
{
    QJsonArray rows = QJsonDocument::fromJson(data).array();
    QJsonObject object = rows.at(row).toObject();
    object.insert(field, value);
    rows.replace(row, object);
    return QJsonDocument(rows).toJson(QJsonDocument::Compact);
}

const QList<Position> kTwo = Fixtures::positions(R"([
    {"ticket":71,"symbol":"EURUSD","volume":0.1,"openPrice":1.08,"price":1.09,"profit":10,
     "openTime":1732421000000,"flwsig":true,"sigtraderid":88001,"signame":"AlphaTrend FX"},
    {"ticket":72,"symbol":"XAUUSD","volume":0.5,"openPrice":2350,"price":2351.1,"profit":55.5,
     "openTime":1732421000000,"flwsig":true,"sigtraderid":88001,"signame":"AlphaTrend FX"}])");

} // namespace

class tst_FeedSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void liveFeedFillsTheBookAndTheHistory();
    void malformedMessagesAreCountedAndNeverCloseTheConnection();
    void seqGapResubscribesForAFreshSnapshot();
    void tradesClosedDuringAnOutageAreRecordedExactlyOnce();
    void withoutADatabaseTheLiveViewWorksAndNothingIsLost();
    void rejectionsAreLoggedRateLimited();

    // live means live
    void liveOnlyAfterAnAcceptedSnapshot();
    void aRejectedSnapshotCountsAsNone();
    void anErrorInsteadOfTheSnapshotFailsTheAttempt_data();
    void anErrorInsteadOfTheSnapshotFailsTheAttempt();
    void anErrorWhileLiveIsShownAndTheFeedStaysLive();
    void seqGoingBackResyncsAtOnce();

    // accounts and provisional closes
    void switchingAccountStartsClean();
    void twoFeedsOnOneServerAreTwoAccounts_data();
    void twoFeedsOnOneServerAreTwoAccounts();
    void aPositionSeenOpenAgainIsWithdrawn();

    // wire profiles
    void seedDialectEndToEnd_data();
    void seedDialectEndToEnd();
    void renamedFieldsAgainstATestServer();

    // what the feed sends that this version cannot read
    void anUnreadableHistoryThenUpdatesIsNoLoop();
    void anAccountItCannotReadKeepsTheLastFigures();
    void aSeedRowItCannotReadIsNoCloseAndNoAlert();
    void aNegativePriceIsAPrice();
    void unreadableRowsAskForASnapshotWithoutLeavingLive();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_FeedSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_FeedSession::liveFeedFillsTheBookAndTheHistory()
{
    FeedSimulator simulator(simulatorOptions());
    QVERIFY(simulator.listen());
    SocketManager socket(config(simulator.url()));
    PositionBook book;
    TradeHistory history;
    QVERIFY(history.open(m_dir->filePath(u"h.sqlite"_s)));
    history.setAccount(Account::of(simulator.url(), 10260));
    FeedSession session(&socket, &book, &history);
    socket.open();
    QTRY_VERIFY(history.store()->count(history.account()) >= 50);
    // The book holds what the server holds (allowing the ticks in flight).
    QTRY_COMPARE(ticketsOf(book.positions()), ticketsOf(simulator.simulation().openPositions()));
    QCOMPARE(session.rejectedCount(), 0);
    QVERIFY(session.acceptedCount() >= 2);
}

void tst_FeedSession::malformedMessagesAreCountedAndNeverCloseTheConnection()
{
    FeedSimulator::Options options = simulatorOptions();
    options.malformedRate = 0.3;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    SocketManager socket(config(simulator.url()));
    PositionBook book;
    FeedSession session(&socket, &book, nullptr);
    QSignalSpy rejected(&session, &FeedSession::messageRejected);
    socket.open();
    // A malformed push may stand in for the Snapshot itself: then the snapshot timeout asks
    // again, and live comes a little later.
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), State::Live, 10000);
    QSignalSpy states(&socket, &SocketManager::stateChanged);
    QTRY_VERIFY(session.rejectedCount() >= 20);
    QCOMPARE(states.count(), 0); // never left Live
    QCOMPARE(simulator.clientCount(), 1);
    QCOMPARE(rejected.count(), session.rejectedCount());
    QVERIFY(!session.lastRejection().isEmpty());
    // Those whose seq read took their place: no gap, so no resubscription for one. A fresh
    // Snapshot was asked for the rows it could not read, without leaving Live.
    QVERIFY(session.unreadableRowCount() > 0);
    QCOMPARE(countState(states, State::Open), 0);
}

void tst_FeedSession::seqGapResubscribesForAFreshSnapshot()
{
    LivePath path;
    auto &[simulator, socket, book, session] = path;
    QSignalSpy subscribed(&simulator, &FeedSimulator::clientSubscribed);
    QSignalSpy resets(&book, &PositionBook::positionsReset);
    socket.open();
    QTRY_COMPARE(resets.count(), 1);
    QTRY_VERIFY(book.lastSeq() > 3);
    // A message from far ahead: as if several were lost on the way.
    session.handleMessage(R"({"Code":200,"type":"Positions","seq":)" +
                          QByteArray::number(book.lastSeq() + 10) + R"(,"data":[]})");
    QTRY_COMPARE(subscribed.count(), 2);
    QTRY_COMPARE(resets.count(), 2); // the fresh snapshot
    QCOMPARE(simulator.clientCount(), 1);
}

void tst_FeedSession::tradesClosedDuringAnOutageAreRecordedExactlyOnce()
{
    FeedSimulator::Options options = simulatorOptions();
    options.simulation.positions = 30;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    SocketManager socket(config(simulator.url()));
    PositionBook book;
    TradeHistory history;
    QVERIFY(history.open(m_dir->filePath(u"h.sqlite"_s)));
    history.setAccount(Account::of(simulator.url(), 10260));
    const ClosedTradeStore &store = *history.store();
    FeedSession session(&socket, &book, &history);
    socket.open();
    QTRY_VERIFY(book.count() > 0 && store.count() >= 50);

    // The outage: the client is gone while the account goes on.
    const QSet<qint64> before = ticketsOf(book.positions());
    socket.close();
    QTRY_COMPARE(socket.state(), State::Idle);
    QTRY_VERIFY_WITH_TIMEOUT(
        (before - ticketsOf(simulator.simulation().openPositions())).size() >= 3, 30000);

    socket.open();
    QTRY_COMPARE(ticketsOf(book.positions()), ticketsOf(simulator.simulation().openPositions()));
    const QSet<qint64> vanished = before - ticketsOf(book.positions());
    QVERIFY(vanished.size() >= 3);

    // Each vanished position is in the history exactly once, with the real close that the
    // History message brought (not the provisional "closed while offline").
    QHash<qint64, ClosedTrade> serverHistory;
    for (const ClosedTrade &t : simulator.simulation().history())
        serverHistory.insert(t.position.ticket, t);
    QTRY_VERIFY([&] {
        const QList<ClosedTrade> stored = store.trades(history.account());
        for (const qint64 ticket : vanished) {
            int found = 0;
            for (const ClosedTrade &t : stored) {
                if (t.position.ticket != ticket)
                    continue;
                ++found;
                if (serverHistory.contains(ticket) &&
                    t.reason != serverHistory.value(ticket).reason)
                    return false;
            }
            if (found != 1)
                return false;
        }
        return true;
    }());
    QCOMPARE(session.pendingTrades(), 0);
}

void tst_FeedSession::withoutADatabaseTheLiveViewWorksAndNothingIsLost()
{
    FeedSimulator simulator(simulatorOptions());
    QVERIFY(simulator.listen());
    SocketManager socket(config(simulator.url()));
    PositionBook book;
    ClosedTradeStore store; // never opened: as if the file were unusable
    TradeHistory history(&store);
    history.setRetryInterval(100ms);
    history.setAccount(Account::of(simulator.url(), 10260));
    FeedSession session(&socket, &book, &history);
    socket.open();
    QTRY_VERIFY(book.count() > 0);
    QTRY_VERIFY(session.pendingTrades() >= 50);                   // the History, kept for later
    QCOMPARE(history.memoryOnlyCount(), session.pendingTrades()); // no spool either

    // The database becomes available: the retry writes everything that waited.
    QVERIFY(store.open(m_dir->filePath(u"late.sqlite"_s)));
    const int pending = session.pendingTrades();
    QTRY_VERIFY_WITH_TIMEOUT(session.pendingTrades() == 0, 30000);
    QVERIFY(store.count(history.account()) >= pending);
}

void tst_FeedSession::rejectionsAreLoggedRateLimited()
{
    SocketManager socket;
    PositionBook book;
    FeedSession session(&socket, &book, nullptr);
    QList<LoggedMessage> log;
    {
        const auto capture = captureMessages(&log);
        for (int i = 0; i < 100; ++i)
            session.handleMessage("{broken " + QByteArray::number(i));
    }
    const QStringList warnings = messagesOf(log, "trademonitor.feed");
    QCOMPARE(session.rejectedCount(), 100);
    QCOMPARE(warnings.size(), 5);
    QVERIFY2(warnings.at(0).contains("invalid JSON"_L1) && warnings.at(0).contains("{broken 0"_L1),
             qPrintable(warnings.at(0)));
}

// ---- live means live ---------------------------------------------------------------------

void tst_FeedSession::liveOnlyAfterAnAcceptedSnapshot()
{
    FeedSimulator simulator(simulatorOptions());
    QVERIFY(simulator.listen());
    simulator.setMuted(true);
    SocketManager socket(config(simulator.url()));
    PositionBook book;
    FeedSession session(&socket, &book, nullptr);
    QSignalSpy snapshots(&session, &FeedSession::snapshotReceived);
    QSignalSpy heard(&simulator, &FeedSimulator::clientMessageReceived);
    int heldAtSnapshot = -1;
    connect(&session, &FeedSession::snapshotReceived, this, [&] { heldAtSnapshot = book.count(); });
    socket.open();
    QTRY_COMPARE(socket.state(), State::Open);
    // The muted server has heard the first Subscribe (and let it go) before it talks again.
    QTRY_VERIFY(!heard.isEmpty());
    QCOMPARE(heard.at(0).at(0).toString(), u"Subscribe"_s);
    // Pongs and errors are not data: still not live.
    session.handleMessage(R"({"type":"Pong","ts":5})");
    QCOMPARE(socket.state(), State::Open);
    QCOMPARE(session.lastDataAt(), 0);

    simulator.setMuted(false);
    socket.dataUnusable(u"test: ask again"_s); // a second Subscribe, answered this time
    QTRY_COMPARE(socket.state(), State::Live);
    QCOMPARE(snapshots.count(), 1);
    QCOMPARE(snapshots.at(0).at(0).toInt(), heldAtSnapshot);
    QVERIFY(heldAtSnapshot > 0);
    QVERIFY(session.lastDataAt() > 0);
}

void tst_FeedSession::aRejectedSnapshotCountsAsNone()
{
    // The server answers every Subscribe with a Snapshot the parser refuses (no list).
    TestFeedServer server;
    QVERIFY(server.listen());
    connect(&server, &TestFeedServer::frameReceived, &server,
            [&server](int, const QJsonObject &frame) {
                if (frame.value("type"_L1) == "Subscribe"_L1)
                    server.broadcast(QString::fromUtf8(unreadableSnapshot()));
            });
    SocketConfig c = config(server.url());
    c.maxRetries = 1;
    c.giveUpAfter = 0ms;
    SocketManager socket(c);
    PositionBook book;
    FeedSession session(&socket, &book, nullptr);
    QSignalSpy states(&socket, &SocketManager::stateChanged);
    socket.open();
    // Asked again at once on the same connection, then a new connection, then given up.
    QTRY_COMPARE(socket.state(), State::Failed);
    QCOMPARE(countState(states, State::Live), 0);
    QCOMPARE(server.connectionCount(), 2);
    QCOMPARE(server.countFrames(0, u"Subscribe"_s), 2);
    QCOMPARE(server.countFrames(1, u"Subscribe"_s), 2);
    QCOMPARE(server.connection(0).closeCode, 1000);
    QVERIFY2(socket.lastError().contains("must be an array"_L1), qPrintable(socket.lastError()));
    QCOMPARE(book.count(), 0);
    QVERIFY(session.rejectedCount() >= 4);
}

void tst_FeedSession::anErrorInsteadOfTheSnapshotFailsTheAttempt_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("fatal");
    QTest::addColumn<QString>("hint");
    QTest::addRow("400") << 400 << true << u"Check the feed URL and the trader id"_s;
    QTest::addRow("401") << 401 << true << u"Check the auth token"_s;
    QTest::addRow("403") << 403 << true << u"Check the auth token and the trader id"_s;
    QTest::addRow("404") << 404 << true << u"Check the trader id and the feed URL"_s;
    QTest::addRow("408") << 408 << false << QString();
    QTest::addRow("429") << 429 << false << QString();
    QTest::addRow("500") << 500 << false << QString();
    QTest::addRow("503") << 503 << false << QString();
    QTest::addRow("418 (anything else)") << 418 << false << QString();
}

void tst_FeedSession::anErrorInsteadOfTheSnapshotFailsTheAttempt()
{
    QFETCH(int, code);
    QFETCH(bool, fatal);
    QFETCH(QString, hint);
    LivePath path;
    auto &[simulator, socket, book, session] = path;
    QSignalSpy errors(&session, &FeedSession::serverErrorReceived);
    socket.open();
    QTRY_COMPARE(socket.state(), State::Live);

    // The server restarts and now refuses the subscription.
    simulator.setSubscribeError(code, u"refused for the test"_s);
    QSignalSpy states(&socket, &SocketManager::stateChanged);
    // Every reason given, not only the last: a retry may be under way when we look.
    QSignalSpy dropped(&socket, &SocketManager::dropped);
    QSignalSpy gaveUp(&socket, &SocketManager::connectError);
    simulator.dropAll(1001, u"restart"_s);
    QTRY_VERIFY(socket.state() != State::Live);
    const int held = book.count(); // what was shown when the feed stopped
    QVERIFY(held > 0);
    if (fatal) {
        QTRY_COMPARE(socket.state(), State::Failed);
        QVERIFY(socket.isRefused());
        QCOMPARE(countState(states, State::Connecting), 1); // no retries
        QSignalSpy connected(&simulator, &FeedSimulator::clientConnected);
        QVERIFY(!connected.wait(10 * 50));
    } else {
        QTRY_VERIFY(countState(states, State::Reconnecting) >= 2);
        QVERIFY(!socket.isRefused());
    }
    QString reason;
    for (const QSignalSpy *spy : {&dropped, &gaveUp}) {
        for (const QList<QVariant> &args : *spy) {
            if (args.at(0).toString().contains(u"error %1 (refused for the test)"_s.arg(code)))
                reason = args.at(0).toString();
        }
    }
    QVERIFY2(!reason.isEmpty(), qPrintable(socket.lastError()));
    if (!hint.isEmpty())
        QVERIFY2(reason.contains(hint), qPrintable(reason));
    QCOMPARE(errors.constLast().at(0).toInt(), code);
    // Never live again, and the old rows were not passed off as live meanwhile.
    QCOMPARE(countState(states, State::Live), 0);
    QCOMPARE(book.count(), held);

    // The server accepts again: a reconnect (automatic, or the user's) is live.
    simulator.setSubscribeError(0);
    if (fatal)
        socket.reconnectNow();
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), State::Live, 10000);
}

void tst_FeedSession::anErrorWhileLiveIsShownAndTheFeedStaysLive()
{
    LivePath path;
    auto &[simulator, socket, book, session] = path;
    QSignalSpy errors(&session, &FeedSession::serverErrorReceived);
    socket.open();
    QTRY_COMPARE(socket.state(), State::Live);
    QSignalSpy states(&socket, &SocketManager::stateChanged);
    session.handleMessage(R"({"Code":404,"type":"Error","msg":"no such report"})");
    QCOMPARE(errors.count(), 1);
    QCOMPARE(session.lastServerError().code, 404);
    QCOMPARE(session.lastServerError().text, u"no such report"_s);
    QCOMPARE(socket.state(), State::Live);
    QVERIFY(!states.wait(200));
    QCOMPARE(simulator.clientCount(), 1);
}

void tst_FeedSession::seqGoingBackResyncsAtOnce()
{
    LivePath path;
    auto &[simulator, socket, book, session] = path;
    QSignalSpy subscribed(&simulator, &FeedSimulator::clientSubscribed);
    QSignalSpy resets(&book, &PositionBook::positionsReset);
    QSignalSpy resyncs(&session, &FeedSession::resyncRequested);
    socket.open();
    QTRY_COMPARE(resets.count(), 1);
    QTRY_VERIFY(book.lastSeq() > 5);

    QList<LoggedMessage> log;
    {
        const auto capture = captureMessages(&log);
        // The server starts counting at 1 again without a Snapshot: asked for one at once.
        simulator.restartSeq();
        QTRY_COMPARE(subscribed.count(), 2);
        QTRY_COMPARE(resets.count(), 2);
        QTRY_COMPARE(socket.state(), State::Live);
    }
    QCOMPARE(resyncs.count(), 1);
    QVERIFY2(resyncs.at(0).at(0).toString().startsWith("seq went back from"_L1),
             qPrintable(resyncs.at(0).at(0).toString()));
    // Logged once, however many stale messages came before the Snapshot.
    QCOMPARE(messagesOf(log, "trademonitor.book").filter(u"seq went back"_s).size(), 1);
    QCOMPARE(simulator.clientCount(), 1);
    // And the data flows again.
    const qint64 seq = book.lastSeq();
    QTRY_VERIFY(book.lastSeq() > seq);
}

// ---- accounts and provisional closes ---------------------------------------------------

void tst_FeedSession::switchingAccountStartsClean()
{
    // Two feeds, two accounts; the user switches from one to the other in Settings.
    FeedSimulator first(simulatorOptions());
    FeedSimulator::Options secondOptions = simulatorOptions();
    secondOptions.simulation.seed = 99;
    FeedSimulator second(secondOptions);
    QVERIFY(first.listen() && second.listen());
    SocketManager socket;
    PositionBook book;
    TradeHistory history;
    QVERIFY(history.open(m_dir->filePath(u"h.sqlite"_s)));
    FeedSession session(&socket, &book, &history);
    FeedSource source(&socket);
    connect(&source, &FeedSource::feedSwitched, &session, &FeedSession::switchFeed);
    QVERIFY(source.apply(config(first.url())));
    const Account firstAccount = history.account();
    QCOMPARE(firstAccount, Account::of(first.url(), 10260));
    socket.open();
    QTRY_COMPARE(socket.state(), State::Live);
    QTRY_VERIFY(history.store()->count(firstAccount) >= 50);
    QVERIFY(book.count() > 0);
    const QSet<qint64> firstTickets = ticketsOf(book.positions());

    QSignalSpy resets(&book, &PositionBook::positionsReset);
    QVERIFY(source.apply(config(second.url())));
    const Account secondAccount = history.account();
    QCOMPARE(secondAccount, Account::of(second.url(), 10260));
    QTRY_COMPARE(socket.state(), State::Live);
    QTRY_VERIFY(history.store()->count(secondAccount) >= 50);
    // The book was emptied before the new connection, and the new Snapshot filled it.
    QVERIFY(resets.count() >= 2);
    QCOMPARE(resets.at(0).size(), 0);
    QCOMPARE(ticketsOf(book.positions()) & firstTickets, QSet<qint64>());
    // Not one position of the first account was recorded as closed because of the switch.
    QCOMPARE(history.store()->provisionalTickets(firstAccount), QSet<qint64>());
    for (const ClosedTrade &t : history.store()->trades(firstAccount))
        QVERIFY(!firstTickets.contains(t.position.ticket) || t.isConfirmed());
    QCOMPARE(history.store()->provisionalTickets(secondAccount), QSet<qint64>());
}

void tst_FeedSession::twoFeedsOnOneServerAreTwoAccounts_data()
{
    // One server, two feeds told apart by a parameter whose name holds a credential's
    // ("sig", "pass", "key"): they are two accounts, not one.
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addRow("signal") << u"signal=1"_s << u"signal=2"_s;
    QTest::addRow("passive") << u"passive=0"_s << u"passive=1"_s;
    QTest::addRow("keyboard") << u"keyboard=us&token=A"_s << u"keyboard=de&token=A"_s;
}

void tst_FeedSession::twoFeedsOnOneServerAreTwoAccounts()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    TestFeedServer server;
    QVERIFY(server.listen());
    // The first feed holds 71 and 72, the second only 90: a close of 71 or 72 inferred from
    // the second's list would be a lie about the first account.
    QByteArray answer = FeedMessages::snapshot(1, kTwo);
    connect(&server, &TestFeedServer::frameReceived, &server,
            [&server, &answer](int, const QJsonObject &frame) {
                if (frame.value("type"_L1) == "Subscribe"_L1)
                    server.broadcast(QString::fromUtf8(answer));
            });
    const auto urlWith = [&server](const QString &query) {
        QUrl url = server.url();
        url.setQuery(query);
        return url;
    };
    SocketManager socket;
    PositionBook book;
    TradeHistory history;
    QVERIFY(history.open(m_dir->filePath(u"h.sqlite"_s)));
    FeedSession session(&socket, &book, &history);
    FeedSource source(&socket);
    connect(&source, &FeedSource::feedSwitched, &session, &FeedSession::switchFeed);
    QVERIFY(source.apply(config(urlWith(first))));
    const Account firstAccount = history.account();
    socket.open();
    QTRY_COMPARE(socket.state(), State::Live);
    QCOMPARE(book.count(), 2);

    answer = FeedMessages::snapshot(1, Fixtures::positions(R"([
        {"ticket":90,"symbol":"GBPUSD","volume":0.2,"openPrice":1.27,"price":1.28,"profit":20,
         "openTime":1732421000000}])"));
    QSignalSpy switched(&source, &FeedSource::feedSwitched);
    QVERIFY(source.apply(config(urlWith(second))));
    QCOMPARE(switched.count(), 1);
    QVERIFY(history.account() != firstAccount);
    QTRY_COMPARE(socket.state(), State::Live);
    QTRY_COMPARE(book.count(), 1);
    QCOMPARE(book.at(0).ticket, 90);
    // Nothing was recorded as closed, under either account.
    QCOMPARE(history.store()->count(firstAccount), 0);
    QCOMPARE(history.store()->count(history.account()), 0);
    QCOMPARE(history.store()->provisionalTickets(firstAccount), QSet<qint64>());
}

void tst_FeedSession::aPositionSeenOpenAgainIsWithdrawn()
{
    SocketManager socket;
    PositionBook book;
    TradeHistory history;
    QVERIFY(history.open(m_dir->filePath(u"h.sqlite"_s)));
    const Account account = Account::of(QUrl(u"ws://feed.example/"_s), 10260);
    history.setAccount(account);
    FeedSession session(&socket, &book, &history);
    const auto position = [](qint64 ticket) {
        Position p;
        p.ticket = ticket;
        p.symbol = u"EURUSD"_s;
        p.volume = 0.1;
        p.openPrice = 1.1;
        p.price = 1.1;
        p.openTime = 1732600000000;
        return p;
    };
    const auto snapshot = [&](const QList<qint64> &tickets) {
        QList<Position> positions;
        for (const qint64 t : tickets)
            positions.append(position(t));
        session.handleMessage(
            FeedMessages::envelope("Snapshot", 1, FeedMessages::encodeData(positions)));
    };
    snapshot({1, 2, 3});
    // Position 2 is missing from one Snapshot (a server hiccup): recorded as unconfirmed.
    snapshot({1, 3});
    QCOMPARE(history.store()->provisionalTickets(account), QSet<qint64>{2});
    QCOMPARE(history.store()->count(account), 1);
    // It is back in the next: taken out of the history again.
    snapshot({1, 2, 3});
    QCOMPARE(history.store()->count(account), 0);
    QVERIFY(!history.isProvisional(2));
    // Missing again, then back as an update (not a Snapshot): withdrawn all the same.
    snapshot({1, 3});
    QCOMPARE(history.store()->count(account), 1);
    session.handleMessage(FeedMessages::envelope(
        "Positions", 2, FeedMessages::encodeData(QList<Position>{position(2)})));
    QCOMPARE(history.store()->count(account), 0);
    // A confirmed close is never withdrawn.
    ClosedTrade closed;
    closed.position = position(3);
    closed.closePrice = 1.2;
    closed.closeTime = 1732700000000;
    closed.reason = ClosedTrade::Reason::TakeProfit;
    session.handleMessage(
        FeedMessages::envelope("Closed", 3, FeedMessages::encodeData(QList<ClosedTrade>{closed})));
    QCOMPARE(history.store()->count(account), 1);
    snapshot({1, 2, 3}); // the server shows it once more by mistake
    QCOMPARE(history.store()->count(account), 1);
}

// ---- wire profiles ------------------------------------------------------------------------

void tst_FeedSession::seedDialectEndToEnd_data()
{
    QTest::addColumn<QString>("profileName");
    QTest::addRow("built-in seed") << u"seed"_s;
    QTest::addRow("renamed fields, times in seconds")
        << QStringLiteral(TM_TEST_DATA "/profile-renamed.json");
}

void tst_FeedSession::seedDialectEndToEnd()
{
    QFETCH(QString, profileName);
    QString error;
    const std::optional<FeedProfile> profile = FeedProfile::load(profileName, &error);
    QVERIFY2(profile, qPrintable(error));
    FeedSimulator::Options options = simulatorOptions();
    options.profile = *profile;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    SocketConfig c = config(simulator.url());
    profile->applyTo(c);
    SocketManager socket(c);
    PositionBook book;
    PositionsModel table(&book);
    TradeHistory history;
    QVERIFY(history.open(m_dir->filePath(u"h.sqlite"_s)));
    history.setAccount(Account::of(simulator.url(), 10260));
    FeedSession session(&socket, &book, &history);
    session.setProfile(*profile);
    QSignalSpy lists(&socket, &SocketManager::messageReceived); // every list is a frame
    socket.open();
    QTRY_COMPARE(socket.state(), State::Live);
    // The table shows the server's current list.
    QTRY_COMPARE(ticketsOf(book.positions()), ticketsOf(simulator.simulation().openPositions()));
    QTRY_COMPARE(table.rowCount(), int(simulator.simulation().openPositions().size()));
    const Position server = simulator.simulation().openPositions().constFirst();
    const Position &shown = book.at(book.rowOf(server.ticket));
    QCOMPARE(shown.symbol, server.symbol);
    QCOMPARE(shown.volume, server.volume);
    QCOMPARE(shown.openTime / 1000, server.openTime / 1000); // seconds lose the milliseconds
    QCOMPARE(session.rejectedCount(), 0);

    // A position closes on the server: it leaves the next list, and lands in the history
    // once, unconfirmed (this dialect says no more), however many lists follow.
    const qint64 closed = server.ticket;
    QVERIFY(simulator.closeOldest());
    QTRY_VERIFY(book.rowOf(closed) < 0);
    const int listsBefore = int(lists.count());
    QTRY_VERIFY(lists.count() >= listsBefore + 3);
    int times = 0;
    for (const ClosedTrade &t : history.store()->trades(history.account())) {
        if (t.position.ticket == closed) {
            ++times;
            QVERIFY(!t.isConfirmed());
        }
    }
    QCOMPARE(times, 1);
    QCOMPARE(socket.state(), State::Live);
}

void tst_FeedSession::renamedFieldsAgainstATestServer()
{
    // A server in the example's dialect, scripted by hand: the lists it sends, and exactly
    // what it receives.
    QString error;
    const std::optional<FeedProfile> profile =
        FeedProfile::load(QStringLiteral(TM_TEST_DATA "/profile-renamed.json"), &error);
    QVERIFY2(profile, qPrintable(error));
    TestFeedServer server;
    QVERIFY(server.listen());
    const auto row = [](qint64 ticket, int cmd) {
        return uR"({"orderid":%1,"symbolname":"EURUSD","cmd":%2,"lots":0.5,)"
               R"("openprice":1.08,"curprice":1.09,"pl":12.5,"opentime":1732421000})"_s.arg(ticket)
                   .arg(cmd);
    };
    const auto list = [](const QStringList &rows) {
        return uR"({"Code":200,"data":[%1]})"_s.arg(rows.join(u','));
    };
    connect(&server, &TestFeedServer::frameReceived, &server, [&](int, const QJsonObject &frame) {
        if (frame.value("type"_L1) == "type1"_L1) // the profile's subscription
            server.broadcast(list({row(1, 0), row(2, 1), row(3, 3)}));
        else if (frame.value("type"_L1) == "Ping"_L1)
            server.broadcast(uR"({"Code":200})"_s); // a reply with no contract
    });
    SocketConfig c = FeedProfile::native().configFor(server.url(), 10260, u"s3cret"_s);
    c.heartbeatInterval = 50ms;
    profile->applyTo(c);
    SocketManager socket(c);
    PositionBook book;
    PositionsModel table(&book);
    TradeHistory history;
    QVERIFY(history.open(m_dir->filePath(u"h.sqlite"_s)));
    history.setAccount(Account::of(server.url(), 10260));
    FeedSession session(&socket, &book, &history);
    session.setProfile(*profile);
    QSignalSpy skipped(&session, &FeedSession::rowsSkipped);
    socket.open();
    QTRY_COMPARE(socket.state(), State::Live);
    QCOMPARE(ticketsOf(book.positions()), (QSet<qint64>{1, 2}));
    QCOMPARE(book.at(book.rowOf(2)).side, Position::Side::Sell);
    QCOMPARE(book.at(book.rowOf(1)).openTime, 1732421000000);
    QCOMPARE(session.skippedCount(), 1); // the pending order (cmd 3)
    QVERIFY(skipped.at(0).at(1).toString().contains("pending order (side 3)"_L1));

    // Position 2 closes: gone from the table, in the history once, whatever follows.
    server.broadcast(list({row(1, 0)}));
    QTRY_COMPARE(book.count(), 1);
    server.broadcast(list({row(1, 0), row(4, 1)}));
    server.broadcast(list({row(1, 0), row(4, 1)}));
    QTRY_COMPARE(ticketsOf(book.positions()), (QSet<qint64>{1, 4}));
    QTRY_COMPARE(table.rowCount(), 2);
    QCOMPARE(history.store()->count(history.account()), 1);
    QCOMPARE(history.store()->trades(history.account()).at(0).position.ticket, 2);

    // The wire: the profile's subscription first, its pings, its "stop pushing" at the end.
    QTRY_VERIFY(server.countFrames(0, u"Ping"_s) >= 2);
    socket.close();
    QTRY_VERIFY(server.connection(0).closed);
    const QList<QJsonObject> frames = server.connection(0).frames;
    QCOMPARE(frames.constFirst(), QJsonObject({{u"value"_s, u"value1"_s},
                                               {u"type"_s, u"type1"_s},
                                               {u"traderid"_s, 10260},
                                               {u"auth"_s, u"s3cret"_s}}));
    for (qsizetype i = 1; i + 1 < frames.size(); ++i)
        QCOMPARE(frames.at(i), QJsonObject({{u"traderid"_s, 10260}, {u"type"_s, u"Ping"_s}}));
    QCOMPARE(frames.constLast(),
             QJsonObject({{u"value1"_s, u"demo1"_s}, {u"value2"_s, u"demo2"_s}}));
    QCOMPARE(server.connection(0).closeCode, 1000);
}

void tst_FeedSession::anUnreadableHistoryThenUpdatesIsNoLoop()
{
    // The History holds three trades: one with a close reason this version never heard of
    // ("so"), one it cannot read (profit null). Then updates. No gap, no resubscription, no
    // flapping between Live and waiting; the two readable trades are stored; the window says
    // what it could not read.
    QList<ClosedTrade> trades = Fixtures::trades(R"([
        {"ticket":61,"symbol":"EURUSD","volume":0.1,"openPrice":1.08,"closePrice":1.09,
         "profit":10,"openTime":1732421000000,"closeTime":1732421060000,"reason":"tp"},
        {"ticket":62,"symbol":"EURUSD","volume":0.1,"openPrice":1.08,"closePrice":1.07,
         "profit":-10,"openTime":1732421000000,"closeTime":1732421060000,"reason":"sl"},
        {"ticket":63,"symbol":"XAUUSD","volume":0.2,"openPrice":2350,"closePrice":2300,
         "profit":-1000,"openTime":1732421000000,"closeTime":1732421060000,"reason":"sl"}])");
    QByteArray history = withField(FeedMessages::encodeData(trades), 1, u"reason"_s, u"so"_s);
    history = withField(history, 2, u"profit"_s, QJsonValue::Null);
    TestFeedServer server;
    QVERIFY(server.listen());
    answerEverySubscribe(
        server, {FeedMessages::snapshot(1, kTwo), FeedMessages::envelope("History", 2, history)});
    SocketManager socket(config(server.url()));
    PositionBook book;
    TradeHistory store;
    QVERIFY(store.open(m_dir->filePath(u"h.sqlite"_s)));
    store.setAccount(Account::of(server.url(), 10260));
    FeedSession session(&socket, &book, &store);
    QSignalSpy states(&socket, &SocketManager::stateChanged);
    socket.open();
    QTRY_COMPARE(socket.state(), State::Live);
    QTRY_COMPARE(session.unreadableRowCount(), 1);

    for (int seq = 3; seq <= 12; ++seq) {
        Position tick = kTwo.at(0);
        tick.price = 1.09 + seq / 10000.0;
        server.broadcast(QString::fromUtf8(FeedMessages::positions(seq, {tick})));
    }
    QTRY_COMPARE(book.at(book.rowOf(71)).price, 1.09 + 12 / 10000.0);
    QCOMPARE(server.countFrames(0, u"Subscribe"_s), 1);
    QCOMPARE(server.connectionCount(), 1);
    QCOMPARE(countState(states, State::Open), 1); // the first, before the Snapshot
    QCOMPARE(socket.state(), State::Live);
    const QList<ClosedTrade> stored = store.store()->trades(store.account());
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).reasonWord(), u"so"_s); // newest first; ticket 62
    QCOMPARE(stored.at(0).reason, ClosedTrade::Reason::Other);
    const FeedSession::Unreadable unreadable =
        session.unreadable(QDateTime::currentMSecsSinceEpoch());
    QCOMPARE(unreadable.count, 1);
    QVERIFY2(unreadable.firstReason.startsWith(u"History.data[2].profit"_s),
             qPrintable(unreadable.firstReason));
    const FeedStatus status =
        FeedStatus::of(socket, &session, false, QDateTime::currentMSecsSinceEpoch());
    QCOMPARE(status.level, FeedStatus::Level::Live);
    QVERIFY2(status.notice.startsWith(u"The feed sends data this version cannot read: History"_s),
             qPrintable(status.notice));
    // Read, and dismissed: the notice goes until the next spell.
    session.dismissNotices();
    QVERIFY(FeedStatus::of(socket, &session, false, QDateTime::currentMSecsSinceEpoch())
                .notice.isEmpty());
}

void tst_FeedSession::anAccountItCannotReadKeepsTheLastFigures()
{
    // Good figures, then an Account in "US$": the last good figures stay, marked with why;
    // the updates after it are no gap.
    AccountFigures figures = Fixtures::figures(R"({"balance":1000,"equity":1010})");
    QByteArray dollars = FeedMessages::account(3, figures);
    dollars.replace(R"("USD")", R"("US$")");
    TestFeedServer server;
    QVERIFY(server.listen());
    answerEverySubscribe(server,
                         {FeedMessages::snapshot(1, kTwo), FeedMessages::account(2, figures),
                          dollars, FeedMessages::positions(4, {kTwo.at(1)})});
    SocketManager socket(config(server.url()));
    PositionBook book;
    FeedSession session(&socket, &book, nullptr);
    socket.open();
    QTRY_COMPARE(book.lastSeq(), 4);
    QVERIFY(book.figures());
    QCOMPARE(book.figures()->equity, 1010.0);
    QVERIFY2(book.figuresProblem().contains(u"Account.currency"_s),
             qPrintable(book.figuresProblem()));
    QCOMPARE(server.countFrames(0, u"Subscribe"_s), 1);
    QCOMPARE(socket.state(), State::Live);
    QCOMPARE(session.rejectedCount(), 1);
}

void tst_FeedSession::aSeedRowItCannotReadIsNoCloseAndNoAlert()
{
    // The seed dialect: the whole list every time. Gold's row comes once with "profit":
    // null, then readable again. Nothing closed, nothing opened: no trade in the history, not
    // one notification.
    const FeedProfile seed = FeedProfile::seed();
    const QByteArray whole = FeedMessages::encodeData(kTwo, seed);
    TestFeedServer server;
    QVERIFY(server.listen());
    answerEverySubscribe(server, {FeedMessages::list(whole)}, u"type1"_s); // the seed's own
    SocketManager socket(config(server.url(), seed));
    PositionBook book;
    TradeHistory store;
    QVERIFY(store.open(m_dir->filePath(u"h.sqlite"_s)));
    store.setAccount(Account::of(server.url(), 10260));
    FeedSession session(&socket, &book, &store);
    session.setProfile(seed);
    FakeNotifier notifier;
    Alerts alerts(&book, &socket, &notifier);
    alerts.setBurstWindow(0ms);
    QSignalSpy liveClosed(&book, &PositionBook::liveClosed);
    QSignalSpy liveOpened(&book, &PositionBook::liveOpened);
    socket.open();
    QTRY_COMPARE(socket.state(), State::Live);
    QCOMPARE(book.count(), 2);

    server.broadcast(QString::fromUtf8(
        FeedMessages::list(withField(whole, 1, seed.field(u"profit"_s), QJsonValue::Null))));
    QTRY_VERIFY(!book.unreadableReason(72).isEmpty());
    QCOMPARE(book.count(), 2);
    QCOMPARE(book.at(book.rowOf(72)).profit, 55.5); // its last good version
    server.broadcast(QString::fromUtf8(FeedMessages::list(whole)));
    QTRY_VERIFY(book.unreadableReason(72).isEmpty());

    QCOMPARE(liveClosed.count(), 0);
    QCOMPARE(liveOpened.count(), 0);
    QVERIFY(!alerts.hasPending());
    QCOMPARE(notifier.notes.size(), 0);
    QCOMPARE(store.store()->count(store.account()), 0);
    QCOMPARE(store.unsavedCount(), 0);
    // Lists come whole anyway: nothing was asked again.
    QCOMPARE(server.countFrames(0, u"type1"_s), 1);
}

void tst_FeedSession::aNegativePriceIsAPrice()
{
    // WTI at -37.63 (April 2020): a Snapshot like any other, and live.
    QList<Position> crude = Fixtures::positions(R"([
        {"ticket":81,"symbol":"WTI","volume":1,"openPrice":18.27,"price":-37.63,
         "sl":-40,"profit":-5590,"openTime":1587340800000}])");
    TestFeedServer server;
    QVERIFY(server.listen());
    answerEverySubscribe(server, {FeedMessages::snapshot(1, crude)});
    SocketManager socket(config(server.url()));
    PositionBook book;
    FeedSession session(&socket, &book, nullptr);
    PositionsModel model(&book);
    socket.open();
    QTRY_COMPARE(socket.state(), State::Live);
    QCOMPARE(book.at(0).price, -37.63);
    QCOMPARE(session.rejectedCount(), 0);
    QCOMPARE(model.index(0, PositionsModel::PriceColumn).data().toString(), u"-37.63"_s);
    QCOMPARE(model.index(0, PositionsModel::StopLossColumn).data().toString(), u"-40.00"_s);
}

void tst_FeedSession::unreadableRowsAskForASnapshotWithoutLeavingLive()
{
    // Thirty updates in a row whose gold row cannot be read: the first asks for a fresh
    // Snapshot at once, the rest wait for the interval and are one. The feed stays Live
    // throughout, the row keeps its last good version, and the fresh Snapshot mends it.
    TestFeedServer server;
    QVERIFY(server.listen());
    answerEverySubscribe(server, {FeedMessages::snapshot(1, kTwo)});
    SocketManager socket(config(server.url()));
    PositionBook book;
    FeedSession session(&socket, &book, nullptr);
    session.resyncPolicy().setIntervals(1500ms, 3000ms);
    QSignalSpy resyncs(&session, &FeedSession::resyncRequested);
    socket.open();
    QTRY_COMPARE(socket.state(), State::Live);
    QSignalSpy states(&socket, &SocketManager::stateChanged);

    const QByteArray bad =
        withField(FeedMessages::encodeData(kTwo), 1, u"volume"_s, QJsonValue(-2));
    for (int seq = 2; seq <= 31; ++seq)
        server.broadcast(QString::fromUtf8(FeedMessages::envelope("Positions", seq, bad)));
    QTRY_COMPARE(session.unreadableRowCount(), 30);
    QCOMPARE(resyncs.count(), 1);
    QVERIFY2(resyncs.at(0).at(0).toString().contains(u"could not be read"_s),
             qPrintable(resyncs.at(0).at(0).toString()));
    QCOMPARE(book.count(), 2);
    // The refresh's Snapshot reads whole: the mark goes.
    QTRY_VERIFY(book.unreadableReason(72).isEmpty());
    // The one that waited goes once the interval is over.
    QTRY_COMPARE_WITH_TIMEOUT(resyncs.count(), 2, 10000);
    QTRY_COMPARE(server.countFrames(0, u"Subscribe"_s), 3);
    QCOMPARE(states.count(), 0); // never left Live
    QCOMPARE(server.connectionCount(), 1);
}

QTEST_GUILESS_MAIN(tst_FeedSession)
#include "tst_feedsession.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Several accounts in one window, headless, against scripted servers (one per account): each
// subscribes first on its own socket; one refused, dropping or closed never touches another;
// the tab rule holds for every account on the wire.
#include "fakenotifier.h"
#include "fixtures.h"
#include "history/closedtradestore.h"
#include "protocol/feedmessages.h"
#include "protocol/feedprofile.h"
#include "session/accountset.h"
#include "testconfig.h"
#include "testfeedserver.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using State = SocketManager::State;

namespace {

// A feed for one account: every Subscribe gets a Snapshot of `tickets`.
struct ScriptedFeed
{
    explicit ScriptedFeed(const QList<qint64> &tickets)
    {
        QList<Position> positions;
        for (const qint64 ticket : tickets) {
            Position p = Fixtures::position(
                R"({"symbol":"EURUSD","side":"buy","volume":0.1,"openPrice":1.1,"price":1.1,"openTime":1732600000000})",
                {{u"ticket"_s, ticket}});
            positions.append(p);
        }
        const QString snapshot = QString::fromUtf8(
            FeedMessages::envelope("Snapshot", 1, FeedMessages::encodeData(positions)));
        QObject::connect(&server, &TestFeedServer::frameReceived, &server,
                         [this, snapshot](int, const QJsonObject &frame) {
                             if (frame.value(u"type"_s) == u"Subscribe"_s)
                                 server.broadcast(snapshot);
                         });
        server.listen();
    }
    TestFeedServer server;
};

} // namespace

class tst_AccountSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachAccountSubscribesFirstOnItsOwnSocket();
    void oneRefusedWhileTheOtherStaysLive();
    void oneDroppingLeavesTheOtherUntouched();
    void theTabRuleHoldsForEveryAccountOnTheWire();
    void theSameTicketOnTwoAccountsIsTwoPositions();
    void oneHistoryFileKeepsEachAccountsTradesApart();
    void alertsAndLogEntriesNameTheirAccount();
    void oneAccountAloneIsNamedNowhere();

private:
    // `feeds.size()` accounts, one per feed, trader ids 101, 102, …, started.
    static void start(AccountSet &accounts,
                      const std::vector<std::unique_ptr<ScriptedFeed>> &feeds);
};

void tst_AccountSet::start(AccountSet &accounts,
                           const std::vector<std::unique_ptr<ScriptedFeed>> &feeds)
{
    for (size_t i = 0; i < feeds.size(); ++i) {
        AccountSession *session = accounts.add(u"Account %1"_s.arg(i + 1));
        SocketConfig config = TestConfig::fast(feeds[i]->server.url());
        config.traderId = qint64(101 + i);
        FeedProfile::fillPayloads(config);
        QString error;
        QVERIFY2(session->start(config, FeedProfile::native(), &error), qPrintable(error));
    }
}

void tst_AccountSet::eachAccountSubscribesFirstOnItsOwnSocket()
{
    std::vector<std::unique_ptr<ScriptedFeed>> feeds;
    feeds.push_back(std::make_unique<ScriptedFeed>(QList<qint64>{1, 2}));
    feeds.push_back(std::make_unique<ScriptedFeed>(QList<qint64>{3, 4, 5}));
    AccountSet accounts;
    start(accounts, feeds);
    accounts.openAll();
    for (qsizetype i = 0; i < accounts.count(); ++i)
        QTRY_COMPARE(accounts.session(i)->socket()->state(), State::Live);
    QCOMPARE(accounts.liveCount(), 2);
    QCOMPARE(accounts.summary(), u"2 of 2 accounts live"_s);
    for (size_t i = 0; i < feeds.size(); ++i) {
        const TestFeedServer &server = feeds[i]->server;
        QCOMPARE(server.connectionCount(), 1); // one socket per account, to its own server
        const QList<QJsonObject> &frames = server.connection(0).frames;
        QVERIFY(!frames.isEmpty());
        QCOMPARE(frames.constFirst().value(u"type"_s).toString(), u"Subscribe"_s);
        QCOMPARE(frames.constFirst().value(u"traderid"_s).toInteger(), qint64(101 + i));
    }
    QCOMPARE(accounts.session(0)->book()->count(), 2);
    QCOMPARE(accounts.session(1)->book()->count(), 3);
}

void tst_AccountSet::oneRefusedWhileTheOtherStaysLive()
{
    std::vector<std::unique_ptr<ScriptedFeed>> feeds;
    feeds.push_back(std::make_unique<ScriptedFeed>(QList<qint64>{1}));
    feeds.push_back(std::make_unique<ScriptedFeed>(QList<qint64>{2, 3}));
    feeds[0]->server.setRejectStatus(401);
    feeds[0]->server.setMode(TestFeedServer::Mode::RejectHandshake);
    AccountSet accounts;
    start(accounts, feeds);
    QSignalSpy liveStates(accounts.session(1)->socket(), &SocketManager::stateChanged);
    accounts.openAll();
    QTRY_COMPARE(accounts.session(1)->socket()->state(), State::Live);
    QTRY_COMPARE(accounts.session(0)->socket()->state(), State::Failed);
    QVERIFY2(accounts.session(0)->socket()->lastError().contains(u"401"_s),
             qPrintable(accounts.session(0)->socket()->lastError()));
    // The live one went Connecting, Open, Live, and nothing since.
    QCOMPARE(liveStates.count(), 3);
    QCOMPARE(accounts.session(1)->socket()->state(), State::Live);
    QCOMPARE(accounts.session(1)->book()->count(), 2);
    QCOMPARE(accounts.summary(), u"1 of 2 accounts live"_s);
}

void tst_AccountSet::oneDroppingLeavesTheOtherUntouched()
{
    std::vector<std::unique_ptr<ScriptedFeed>> feeds;
    feeds.push_back(std::make_unique<ScriptedFeed>(QList<qint64>{1}));
    feeds.push_back(std::make_unique<ScriptedFeed>(QList<qint64>{2, 3}));
    AccountSet accounts;
    start(accounts, feeds);
    accounts.openAll();
    QTRY_COMPARE(accounts.liveCount(), 2);
    QSignalSpy otherStates(accounts.session(1)->socket(), &SocketManager::stateChanged);
    QSignalSpy otherRows(accounts.session(1)->book(), &PositionBook::positionsReset);
    QSignalSpy dropped(accounts.session(0)->socket(), &SocketManager::dropped);
    feeds[0]->server.closeAll(QWebSocketProtocol::CloseCodeGoingAway, u"restart"_s);
    QVERIFY(dropped.wait());
    // It comes back on its own: a second connection, subscribed again, live.
    QTRY_COMPARE(feeds[0]->server.connectionCount(), 2);
    QTRY_COMPARE(accounts.session(0)->socket()->state(), State::Live);
    // The other saw none of it.
    QCOMPARE(otherStates.count(), 0);
    QCOMPARE(otherRows.count(), 0);
    QCOMPARE(feeds[1]->server.connectionCount(), 1);
    QCOMPARE(accounts.session(1)->book()->count(), 2);
}

void tst_AccountSet::theTabRuleHoldsForEveryAccountOnTheWire()
{
    std::vector<std::unique_ptr<ScriptedFeed>> feeds;
    for (qint64 ticket : {1, 2, 3})
        feeds.push_back(std::make_unique<ScriptedFeed>(QList<qint64>{ticket}));
    AccountSet accounts;
    start(accounts, feeds);
    accounts.openAll();
    QTRY_COMPARE(accounts.liveCount(), 3);
    // Closed Trades in front: every account unsubscribes and closes with 1000.
    accounts.closeAll();
    for (const auto &feed : feeds) {
        QTRY_VERIFY(feed->server.connection(0).closed);
        QCOMPARE(feed->server.countFrames(0, u"Unsubscribe"_s), 1);
        QCOMPARE(feed->server.connection(0).closeCode, 1000);
    }
    for (qsizetype i = 0; i < accounts.count(); ++i)
        QTRY_COMPARE(accounts.session(i)->socket()->state(), State::Idle);
    QCOMPARE(accounts.summary(), u"0 of 3 accounts live"_s);
    // Back to Open Trades: every account subscribes again, on a new socket, first.
    accounts.openAll();
    for (const auto &feed : feeds) {
        QTRY_COMPARE(feed->server.connectionCount(), 2);
        QTRY_VERIFY(!feed->server.connection(1).frames.isEmpty());
        QCOMPARE(feed->server.connection(1).frames.constFirst().value(u"type"_s).toString(),
                 u"Subscribe"_s);
    }
    QTRY_COMPARE(accounts.liveCount(), 3);
    // Quitting: all close together, each with 1000.
    accounts.closeAndWaitAll();
    for (const auto &feed : feeds)
        QTRY_COMPARE(feed->server.connection(1).closeCode, 1000);
}

void tst_AccountSet::theSameTicketOnTwoAccountsIsTwoPositions()
{
    // Ticket 7 at two brokers is two positions, each in its own account's book.
    std::vector<std::unique_ptr<ScriptedFeed>> feeds;
    feeds.push_back(std::make_unique<ScriptedFeed>(QList<qint64>{7}));
    feeds.push_back(std::make_unique<ScriptedFeed>(QList<qint64>{7}));
    AccountSet accounts;
    start(accounts, feeds);
    accounts.openAll();
    QTRY_COMPARE(accounts.liveCount(), 2);
    for (qsizetype i = 0; i < accounts.count(); ++i) {
        QCOMPARE(accounts.session(i)->book()->count(), 1);
        QVERIFY(accounts.session(i)->book()->rowOf(7) >= 0);
    }
    QCOMPARE(accounts.name(0), u"Account 1"_s);
    QCOMPARE(accounts.name(1), u"Account 2"_s);
}

void tst_AccountSet::oneHistoryFileKeepsEachAccountsTradesApart()
{
    // --db: one file for every account; ticket 7 closed at two brokers is two trades, each
    // under its own account.
    QTemporaryDir dir;
    const QString file = dir.filePath(u"history.sqlite"_s);
    std::vector<std::unique_ptr<ScriptedFeed>> feeds;
    feeds.push_back(std::make_unique<ScriptedFeed>(QList<qint64>{7}));
    feeds.push_back(std::make_unique<ScriptedFeed>(QList<qint64>{7}));
    AccountSet accounts;
    start(accounts, feeds);
    QList<Account> owners;
    for (qsizetype i = 0; i < accounts.count(); ++i) {
        AccountSession *session = accounts.session(i);
        const SocketConfig config = session->socket()->config();
        QVERIFY(session->openHistory(file, config));
        owners.append(Account::of(config.url, config.traderId));
    }
    accounts.openAll();
    QTRY_COMPARE(accounts.liveCount(), 2);
    for (size_t i = 0; i < feeds.size(); ++i) {
        const ClosedTrade closed = Fixtures::trade(
            R"({"ticket":7,"symbol":"EURUSD","side":"buy","volume":0.1,"openPrice":1.1,"price":1.2,"closePrice":1.2,"openTime":1732600000000,"closeTime":1732690000000})",
            {{u"profit"_s, 10.0 * double(i + 1)}});
        feeds[i]->server.broadcast(QString::fromUtf8(FeedMessages::envelope(
            "Closed", 2, FeedMessages::encodeData(QList<ClosedTrade>{closed}))));
    }
    for (qsizetype i = 0; i < accounts.count(); ++i)
        QTRY_COMPARE_WITH_TIMEOUT(accounts.session(i)->history()->store()->count(owners.at(i)), 1,
                                  30000);
    accounts.closeAndWaitAll();
    // What the file holds, read afresh.
    ClosedTradeStore store;
    QVERIFY(store.open(file));
    QCOMPARE(store.count(), 2);
    for (qsizetype i = 0; i < owners.size(); ++i) {
        const QList<ClosedTrade> trades = store.trades(owners.at(i));
        QCOMPARE(trades.size(), 1);
        QCOMPARE(trades.constFirst().position.ticket, 7);
        QCOMPARE(trades.constFirst().position.profit, 10.0 * double(i + 1));
    }
}

void tst_AccountSet::alertsAndLogEntriesNameTheirAccount()
{
    std::vector<std::unique_ptr<ScriptedFeed>> feeds;
    feeds.push_back(std::make_unique<ScriptedFeed>(QList<qint64>{1}));
    feeds.push_back(std::make_unique<ScriptedFeed>(QList<qint64>{2}));
    AccountSet accounts;
    start(accounts, feeds);
    FakeNotifier first;
    FakeNotifier second;
    accounts.session(0)->setNotifier(&first);
    accounts.session(1)->setNotifier(&second);
    accounts.session(1)->alerts()->setBurstWindow(std::chrono::milliseconds(10));
    accounts.openAll();
    QTRY_COMPARE(accounts.liveCount(), 2);
    // A position opens on the second account: its news says whose.
    const Position opened = Fixtures::position(
        R"({"ticket":9,"symbol":"XAUUSD","side":"sell","volume":0.2,"openPrice":2310,"price":2310,"openTime":1732600000000})");
    feeds[1]->server.broadcast(QString::fromUtf8(
        FeedMessages::envelope("Positions", 2, FeedMessages::encodeData(QList<Position>{opened}))));
    QTRY_COMPARE(second.notes.size(), 1);
    QVERIFY2(second.notes.constFirst().title.startsWith(u"Account 2 · "_s),
             qPrintable(second.notes.constFirst().title));
    QVERIFY(first.notes.isEmpty());
    // Each account's log entries carry its name, and copying them says it.
    for (qsizetype i = 0; i < accounts.count(); ++i) {
        ConnectionLog *log = accounts.session(i)->log();
        QVERIFY(log->count() > 0);
        QCOMPARE(log->entry(log->count() - 1).account, accounts.name(i));
        QVERIFY2(log->toText({log->count() - 1}).contains(u"[%1]"_s.arg(accounts.name(i))),
                 qPrintable(log->toText({log->count() - 1})));
    }
}

void tst_AccountSet::oneAccountAloneIsNamedNowhere()
{
    // One configured account behaves exactly as before accounts existed.
    std::vector<std::unique_ptr<ScriptedFeed>> feeds;
    feeds.push_back(std::make_unique<ScriptedFeed>(QList<qint64>{1}));
    AccountSet accounts;
    start(accounts, feeds);
    FakeNotifier notifier;
    accounts.session(0)->setNotifier(&notifier);
    accounts.session(0)->alerts()->setBurstWindow(std::chrono::milliseconds(10));
    accounts.openAll();
    QTRY_COMPARE(accounts.liveCount(), 1);
    QCOMPARE(accounts.summary(), u"Live"_s);
    feeds[0]->server.broadcast(QString::fromUtf8(FeedMessages::envelope(
        "Positions", 2,
        FeedMessages::encodeData(QList<Position>{Fixtures::position(
            R"({"ticket":9,"symbol":"XAUUSD","side":"sell","volume":0.2,"openPrice":2310,"price":2310,"openTime":1732600000000})")}))));
    QTRY_COMPARE(notifier.notes.size(), 1);
    QVERIFY2(!notifier.notes.constFirst().title.contains(u" · "_s),
             qPrintable(notifier.notes.constFirst().title));
    ConnectionLog *log = accounts.session(0)->log();
    QVERIFY(log->entry(log->count() - 1).account.isEmpty());
}

QTEST_GUILESS_MAIN(tst_AccountSet)
#include "tst_accountset.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "alerts/alerts.h"
#include "fakenotifier.h"
#include "feed/feedsession.h"
#include "feed/positionbook.h"
#include "fixtures.h"
#include "i18n/translations.h"
#include "protocol/feedprofile.h"
#include "simulator/feedsimulator.h"
#include "testconfig.h"

#include <QLocale>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Kind = Notification::Kind;
using Type = FeedMessage::Type;
using State = SocketManager::State;

namespace {

// An own EURUSD position and a copy of AlphaTrend FX's gold trade.
constexpr char kOwn[] = R"({"ticket":1,"symbol":"EURUSD","side":"buy","volume":0.1,
    "openPrice":1.08,"price":1.08})";
constexpr char kCopy[] = R"({"ticket":2,"symbol":"XAUUSD","side":"sell","volume":0.25,
    "openPrice":2300,"price":2300,"flwsig":true,"sigtraderid":88001,"signame":"AlphaTrend FX"})";

Position position(const char *base, qint64 ticket)
{
    return Fixtures::position(base, {{u"ticket"_s, ticket}});
}

ClosedTrade closed(const Position &p, double profit)
{
    ClosedTrade t;
    t.position = p;
    t.position.profit = profit;
    t.closePrice = p.price;
    t.closeTime = 1732590000000;
    t.reason = ClosedTrade::Reason::TakeProfit;
    return t;
}

// A book, the alerts on it, and a socket that never connects (the feed rules use a real one).
struct Rig
{
    Rig()
        : alerts(&book, &socket, &notifier)
    {
        alerts.setBurstWindow(20ms);
    }
    PositionBook book;
    SocketManager socket;
    FakeNotifier notifier;
    Alerts alerts;
};

} // namespace

class tst_Alerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensAndClosesAreNewsOnceLive();
    void theFirstSnapshotOfAConnectionIsNotNews();
    void seedListsAfterTheFirstAreNews();
    void aBurstIsOneSummary();
    void aBurstSaysWhichAndAmountsTheirCurrency();
    void settingsChooseOwnOrSignalPositions();
    void marginLevelWarnsOncePerFall();
    void aLostFeedIsNewsAfterItsDelayAndSoIsItsReturn();
    void aDeliberateCloseIsNoLoss();
};

void tst_Alerts::opensAndClosesAreNewsOnceLive()
{
    Rig rig;
    rig.book.apply(Fixtures::snapshot(1, {position(kOwn, 1)}));
    rig.book.apply(Fixtures::message(Type::History, 2, {}, {closed(position(kOwn, 9), 5)}));
    rig.book.apply(Fixtures::message(Type::Positions, 3, {position(kCopy, 2)}));
    QVERIFY(QSignalSpy(&rig.notifier, &FakeNotifier::notified).wait());
    QCOMPARE(rig.notifier.titles(), QStringList{u"AlphaTrend FX opened XAUUSD Sell 0.25"_s});
    QCOMPARE(rig.notifier.notes.at(0).kind, Kind::Opened);

    rig.book.apply(Fixtures::message(Type::Closed, 4, {}, {closed(position(kOwn, 1), 12.3)}));
    QTRY_COMPARE(rig.notifier.notes.size(), 2);
    QCOMPARE(rig.notifier.notes.at(1).title, u"Closed EURUSD Buy 0.10: +12.30"_s);
    QCOMPARE(rig.notifier.notes.at(1).body, u"Ticket 1 · Take profit"_s);
    // A tick on an open position is no news.
    Position moved = position(kCopy, 2);
    moved.price = 2290;
    rig.book.apply(Fixtures::message(Type::Positions, 5, {moved}));
    // Nothing gathered, nothing waiting: no notification can follow.
    QVERIFY(!rig.alerts.hasPending());
    QCOMPARE(rig.notifier.notes.size(), 2);
}

void tst_Alerts::theFirstSnapshotOfAConnectionIsNotNews()
{
    Rig rig;
    rig.book.apply(Fixtures::snapshot(1, {position(kOwn, 1), position(kCopy, 2)}));
    // Reconnected: one position closed while away, one opened; the Snapshot says so quietly
    // (the history records it), and its History too.
    rig.book.expectSnapshot();
    rig.book.apply(Fixtures::snapshot(1, {position(kOwn, 1), position(kCopy, 3)}));
    rig.book.apply(Fixtures::message(Type::History, 2, {}, {closed(position(kCopy, 2), -4)}));
    QVERIFY(!rig.alerts.hasPending());
    QVERIFY(rig.notifier.notes.isEmpty());
}

void tst_Alerts::seedListsAfterTheFirstAreNews()
{
    Rig rig;
    const auto list = [](const QList<Position> &positions) {
        FeedMessage m;
        m.type = Type::List;
        m.positions = positions;
        return m;
    };
    rig.book.apply(list({position(kOwn, 1), position(kCopy, 2)})); // the first: the account
    rig.book.apply(list({position(kOwn, 1), position(kCopy, 2)}));
    QVERIFY(!rig.alerts.hasPending());
    QVERIFY(rig.notifier.notes.isEmpty());
    rig.book.apply(list({position(kOwn, 1), position(kCopy, 5)})); // 2 closed, 5 opened
    QTRY_COMPARE(rig.notifier.notes.size(), 1);
    QCOMPARE(rig.notifier.notes.at(0).kind, Kind::Summary);
    QCOMPARE(rig.notifier.notes.at(0).title, u"1 position opened, 1 position closed"_s);
    // A new connection: its first list is quiet again.
    rig.book.expectSnapshot();
    rig.book.apply(list({position(kCopy, 7)}));
    QVERIFY(!rig.alerts.hasPending());
    QCOMPARE(rig.notifier.notes.size(), 1);
}

void tst_Alerts::aBurstIsOneSummary()
{
    Rig rig;
    QList<Position> open;
    QList<ClosedTrade> closes;
    for (int i = 0; i < 10; ++i) {
        open.append(position(kOwn, 100 + i));
        closes.append(closed(open.constLast(), i % 2 ? 10 : -3));
    }
    rig.book.apply(Fixtures::snapshot(1, open));
    rig.book.apply(Fixtures::message(Type::Closed, 2, {}, closes.mid(0, 4)));
    rig.book.apply(Fixtures::message(Type::Closed, 3, {}, closes.mid(4)));
    QTRY_COMPARE(rig.notifier.notes.size(), 1);
    QCOMPARE(rig.notifier.notes.at(0).kind, Kind::Summary);
    QCOMPARE(rig.notifier.notes.at(0).title, u"10 positions closed"_s);
    QCOMPARE(rig.notifier.notes.at(0).body,
             u"EURUSD, EURUSD, EURUSD and 7 more\nNet of the closes: +35.00"_s);
    QVERIFY(!rig.alerts.hasPending());
    QCOMPARE(rig.notifier.notes.size(), 1);
}

void tst_Alerts::aBurstSaysWhichAndAmountsTheirCurrency()
{
    Rig rig;
    const auto at = [](const char *base, qint64 ticket, const QString &symbol) {
        return Fixtures::position(base, {{u"ticket"_s, ticket}, {u"symbol"_s, symbol}});
    };
    const QList<Position> open{at(kCopy, 1, u"XAUUSD"_s), at(kOwn, 2, u"EURUSD"_s),
                               at(kOwn, 3, u"GBPUSD"_s), at(kOwn, 4, u"USDJPY"_s),
                               at(kCopy, 5, u"US30"_s)};
    rig.book.apply(Fixtures::snapshot(1, open));
    rig.book.apply(Fixtures::account(2, R"({"balance":1000,"equity":1000,"currency":"EUR"})"));
    // Three by name, the rest counted; the net in the account's currency.
    QList<ClosedTrade> closes;
    for (const Position &p : open)
        closes.append(closed(p, 2));
    rig.book.apply(Fixtures::message(Type::Closed, 3, {}, closes));
    QTRY_COMPARE(rig.notifier.notes.size(), 1);
    QCOMPARE(rig.notifier.notes.at(0).title, u"5 positions closed"_s);
    QCOMPARE(rig.notifier.notes.at(0).body,
             u"XAUUSD (AlphaTrend FX), EURUSD, GBPUSD and 2 more\nNet of the closes: +10.00 EUR"_s);
    // Two: both named.
    rig.book.apply(Fixtures::message(Type::Positions, 4, {at(kOwn, 6, u"AUDUSD"_s)}, {}));
    rig.book.apply(Fixtures::message(Type::Positions, 5, {at(kCopy, 7, u"BTCUSD"_s)}, {}));
    QTRY_COMPARE(rig.notifier.notes.size(), 2);
    QCOMPARE(rig.notifier.notes.at(1).title, u"2 positions opened"_s);
    QCOMPARE(rig.notifier.notes.at(1).body, u"AUDUSD and BTCUSD (AlphaTrend FX)"_s);
    // One close alone: its result in the currency.
    rig.book.apply(Fixtures::message(Type::Closed, 6, {}, {closed(at(kOwn, 6, u"AUDUSD"_s), 1)}));
    QTRY_COMPARE(rig.notifier.notes.size(), 3);
    QCOMPARE(rig.notifier.notes.at(2).title, u"Closed AUDUSD Buy 0.10: +1.00 EUR"_s);

    // As the window's language lists names: in Chinese, with its own comma and "and".
    Translations::install(QLocale(QLocale::Chinese, QLocale::China));
    const auto english = qScopeGuard([] { Translations::install(QLocale(QLocale::English)); });
    for (int i = 0; i < 5; ++i)
        rig.book.apply(Fixtures::message(
            Type::Positions, 7 + i, {at(kOwn, 20 + i, i % 2 ? u"GBPUSD"_s : u"EURUSD"_s)}, {}));
    QTRY_COMPARE(rig.notifier.notes.size(), 4);
    QCOMPARE(rig.notifier.notes.at(3).body, u"EURUSD、GBPUSD、EURUSD 及另外 2 个"_s);
}

void tst_Alerts::settingsChooseOwnOrSignalPositions()
{
    Rig rig;
    AlertSettings settings;
    settings.ownPositions = false;
    rig.alerts.setSettings(settings);
    rig.book.apply(Fixtures::snapshot(1, {}));
    rig.book.apply(Fixtures::message(Type::Positions, 2, {position(kOwn, 1)}));
    rig.book.apply(Fixtures::message(Type::Positions, 3, {position(kCopy, 2)}));
    QTRY_COMPARE(rig.notifier.notes.size(), 1);
    QVERIFY(rig.notifier.notes.at(0).title.startsWith(u"AlphaTrend FX opened"_s));
    settings.ownPositions = true;
    settings.signalPositions = false;
    rig.alerts.setSettings(settings);
    rig.book.apply(Fixtures::message(Type::Closed, 4, {}, {closed(position(kCopy, 2), 1)}));
    rig.book.apply(Fixtures::message(Type::Closed, 5, {}, {closed(position(kOwn, 1), 1)}));
    QTRY_COMPARE(rig.notifier.notes.size(), 2);
    QCOMPARE(rig.notifier.notes.at(1).title, u"Closed EURUSD Buy 0.10: +1.00"_s);
}

void tst_Alerts::marginLevelWarnsOncePerFall()
{
    Rig rig;
    rig.book.apply(Fixtures::snapshot(1, {position(kOwn, 1)}));
    qint64 seq = 1;
    const auto level = [&](const char *json) { rig.book.apply(Fixtures::account(++seq, json)); };
    level(R"({"equity":1500,"margin":1000,"marginLevel":150})");
    level(R"({"equity":900,"margin":1000,"marginLevel":90})");
    QCOMPARE(rig.notifier.notes.size(), 1);
    const Notification &note = rig.notifier.notes.at(0);
    QCOMPARE(note.kind, Kind::MarginLevel);
    QVERIFY(note.urgent);
    QCOMPARE(note.title, u"Margin level 90.00 % is below 100 %"_s);
    QVERIFY(note.body.startsWith(u"Equity 900.00 USD on 1,000.00 USD of margin"_s));
    level(R"({"equity":850,"margin":1000,"marginLevel":85})"); // still below: said already
    level(R"({"equity":1200,"margin":1000,"marginLevel":120})");
    level(R"({"equity":1200,"margin":0})"); // no margin in use: no level, no alarm
    QCOMPARE(rig.notifier.notes.size(), 1);
    level(R"({"equity":950,"margin":1000,"marginLevel":95})"); // fell again
    QCOMPARE(rig.notifier.notes.size(), 2);

    // A higher threshold chosen in Settings is crossed at once; off, nothing.
    AlertSettings settings;
    settings.marginLevelPercent = 200;
    level(R"({"equity":1500,"margin":1000,"marginLevel":150})");
    rig.alerts.setSettings(settings);
    QCOMPARE(rig.notifier.notes.size(), 3);
    QCOMPARE(rig.notifier.notes.at(2).title, u"Margin level 150.00 % is below 200 %"_s);
    settings.marginLevel = false;
    rig.alerts.setSettings(settings);
    level(R"({"equity":100,"margin":1000,"marginLevel":10})");
    QCOMPARE(rig.notifier.notes.size(), 3);
}

void tst_Alerts::aLostFeedIsNewsAfterItsDelayAndSoIsItsReturn()
{
    FeedSimulator::Options options;
    options.simulation.tick = 50ms;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    PositionBook book;
    SocketManager socket(TestConfig::fast(simulator.url()));
    FeedSession session(&socket, &book, nullptr);
    FakeNotifier notifier;
    Alerts alerts(&book, &socket, &notifier);
    AlertSettings settings;
    settings.feedLostAfter = 300ms;
    alerts.setSettings(settings);
    settings.ownPositions = settings.signalPositions = false; // only the feed here
    alerts.setSettings(settings);
    socket.open();
    QTRY_COMPARE(socket.state(), State::Live);

    // A blip shorter than the delay is no news. (Seen from the signal: the retry may be live
    // again before a poll of the state would notice the drop.)
    QSignalSpy states(&socket, &SocketManager::stateChanged);
    simulator.dropAll(1001, u"going away"_s);
    QTRY_VERIFY(!states.isEmpty());
    QTRY_COMPARE(socket.state(), State::Live);
    QVERIFY(!alerts.hasPending()); // the lost feed's delay was stopped: nothing will come
    QVERIFY(notifier.notes.isEmpty());

    // Longer: "lost", then "live again".
    simulator.pauseListening();
    simulator.dropAll(1001, u"going away"_s);
    QTRY_COMPARE_WITH_TIMEOUT(notifier.notes.size(), 1, 5000);
    QCOMPARE(notifier.notes.at(0).kind, Kind::FeedLost);
    QVERIFY(notifier.notes.at(0).urgent);
    QCOMPARE(notifier.notes.at(0).title, u"The feed is lost"_s);
    QVERIFY(simulator.resumeListening());
    socket.reconnectNow();
    QTRY_COMPARE_WITH_TIMEOUT(notifier.notes.size(), 2, 5000);
    QCOMPARE(notifier.notes.at(1).kind, Kind::FeedBack);
    QCOMPARE(notifier.notes.at(1).title, u"The feed is live again"_s);
}

void tst_Alerts::aDeliberateCloseIsNoLoss()
{
    FeedSimulator::Options options;
    options.simulation.tick = 50ms;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    PositionBook book;
    SocketManager socket(TestConfig::fast(simulator.url()));
    FeedSession session(&socket, &book, nullptr);
    FakeNotifier notifier;
    Alerts alerts(&book, &socket, &notifier);
    AlertSettings settings;
    settings.feedLostAfter = 100ms;
    settings.ownPositions = settings.signalPositions = false;
    alerts.setSettings(settings);
    // Starting up is not losing anything, even when the feed is not there yet.
    simulator.pauseListening();
    socket.open();
    QTRY_VERIFY(socket.state() == State::Reconnecting || socket.state() == State::Failed);
    QVERIFY(!alerts.hasPending()); // no delay running: nothing will come
    QVERIFY(notifier.notes.isEmpty());
    QVERIFY(simulator.resumeListening());
    socket.reconnectNow();
    QTRY_COMPARE(socket.state(), State::Live);
    // Closing on purpose (another tab, quitting) is not a lost feed.
    socket.close();
    QTRY_COMPARE(socket.state(), State::Idle);
    QVERIFY(!alerts.hasPending()); // no delay running: nothing will come
    QVERIFY(notifier.notes.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Alerts)
#include "tst_alerts.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/feedsession.h"
#include "feed/positionbook.h"
#include "net/socketconfig.h"
#include "net/socketmanager.h"
#include "protocol/feedmessages.h"
#include "protocol/feedprofile.h"
#include "simulator/feedsimulator.h"
#include "simulator/tradingsimulation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using State = SocketManager::State;

namespace {

constexpr qint64 kTrader = 10260;
constexpr qint64 kStart = 1732590000000; // a fixed start: the same seed gives the same feed

FeedSimulator::Options fastOptions(quint32 seed = 7)
{
    FeedSimulator::Options options;
    options.simulation.seed = seed;
    options.simulation.traderId = kTrader;
    options.simulation.tick = 20ms;
    options.simulation.startTime = kStart;
    return options;
}

// A bare WebSocket client that records every text frame, to see exactly what the server sends.
class RawClient : public QObject
{
public:
    explicit RawClient(const QUrl &url)
    {
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            raw.append(text);
            frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        socket.open(url);
    }
    bool waitConnected()
    {
        return QTest::qWaitFor(
            [this] { return socket.state() == QAbstractSocket::ConnectedState; });
    }
    void send(const QJsonObject &object)
    {
        socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
    }
    void subscribe(qint64 trader = kTrader)
    {
        send({{u"type"_s, u"Subscribe"_s}, {u"traderid"_s, trader}});
    }
    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> list;
        for (const QJsonObject &frame : frames) {
            if (frame.value("type"_L1) == type)
                list.append(frame);
        }
        return list;
    }

    QWebSocket socket;
    QStringList raw;
    QList<QJsonObject> frames;
};

// Every field of a Position, with its JSON type; ClosedTrade adds three.
void verifyPosition(const QJsonObject &p, bool closed)
{
    for (const char *key : {"ticket", "volume", "openPrice", "price", "sl", "tp", "swap",
                            "commission", "profit", "openTime", "sigtraderid"})
        QVERIFY2(p.value(QLatin1String(key)).isDouble(), key);
    for (const char *key : {"symbol", "side", "signame"})
        QVERIFY2(p.value(QLatin1String(key)).isString(), key);
    QVERIFY(p.value("flwsig"_L1).isBool());
    QVERIFY(p.value("side"_L1) == "buy"_L1 || p.value("side"_L1) == "sell"_L1);
    QVERIFY(p.value("volume"_L1).toDouble() > 0.0);
    QVERIFY(p.value("ticket"_L1).toInteger() > 0);
    // A copied position names its signal trader; an own one has id 0.
    QCOMPARE(p.value("flwsig"_L1).toBool(), p.value("sigtraderid"_L1).toInteger() != 0);
    if (closed) {
        QVERIFY(p.value("closePrice"_L1).isDouble());
        QVERIFY(p.value("closeTime"_L1).toInteger() >= p.value("openTime"_L1).toInteger());
        QVERIFY(QStringList({u"tp"_s, u"sl"_s, u"manual"_s, u"stopout"_s})
                    .contains(p.value("reason"_L1).toString()));
    }
}

} // namespace

class tst_FeedSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // conformance
    void snapshotFirstAndCompleteThenHistory();
    void seqRisesByOneAndLiveUpdatesFollow();
    void accountIsSentWhenItChanges();
    void noAccountWithoutAccountData_data();
    void noAccountWithoutAccountData();
    void pongEchoesTs();
    void unsubscribeStopsPushes();
    void resubscribeStartsAFreshSnapshot();
    void twoClientsSeeTheSameFeed();
    void badRequestsGetAnError_data();
    void badRequestsGetAnError();

    // the simulated account
    void sameSeedSameFeed();
    void dataIsRealistic();
    void positionsOpenAndCloseOverTime();
    void extraRateAddsUpdates();

    // fault injection
    void dropEveryClosesWithGoingAway();
    void silentAfterStopsEverythingButKeepsTcp();
    void rejectHandshake_data();
    void rejectHandshake();
    void brokenMessagesTakeTheirPlaceWhenTheirSeqReads();
    void closeCodeAfterSubscribe();
    void pauseRefusesAndResumeAccepts();
    void controlCommands_data();
    void controlCommands();
    void mutedAnswersPingsButSendsNoData();
    void subscribeErrorAnswersInsteadOfData();
    void seqRestartCountsFromOneWithoutASnapshot();
    void speaksAProfilesDialect();

    // the executable and the protocol document
    void executablePrintsItsUrlFirst();
    void protocolDocumentMatchesTheEncoder();
};

// ---- conformance -------------------------------------------------------------------------

void tst_FeedSimulator::snapshotFirstAndCompleteThenHistory()
{
    FeedSimulator simulator(fastOptions());
    QVERIFY(simulator.listen());
    RawClient client(simulator.url());
    QVERIFY(client.waitConnected());
    QSignalSpy subscribed(&simulator, &FeedSimulator::clientSubscribed);
    client.subscribe();
    QVERIFY(subscribed.wait());
    // What the account held at the moment of the subscription.
    QList<qint64> expected;
    for (const Position &p : simulator.simulation().openPositions())
        expected.append(p.ticket);

    QTRY_VERIFY(client.frames.size() >= 2);
    const QJsonObject snapshot = client.frames.at(0);
    QCOMPARE(snapshot.value("type"_L1), "Snapshot"_L1);
    QCOMPARE(snapshot.value("Code"_L1).toInt(), 200);
    QCOMPARE(snapshot.value("seq"_L1).toInteger(), 1);
    QList<qint64> tickets;
    for (const QJsonValue &value : snapshot.value("data"_L1).toArray()) {
        verifyPosition(value.toObject(), false);
        if (QTest::currentTestFailed())
            return;
        tickets.append(value.toObject().value("ticket"_L1).toInteger());
    }
    QCOMPARE(tickets, expected);
    QCOMPARE(tickets.size(), 12);

    const QJsonObject history = client.frames.at(1);
    QCOMPARE(history.value("type"_L1), "History"_L1);
    QCOMPARE(history.value("seq"_L1).toInteger(), 2);
    const QJsonArray trades = history.value("data"_L1).toArray();
    QCOMPARE(trades.size(), 50);
    for (const QJsonValue &value : trades) {
        verifyPosition(value.toObject(), true);
        if (QTest::currentTestFailed())
            return;
    }

    // Then the account, whose equity is its balance and the Snapshot's floating net.
    QTRY_VERIFY(client.frames.size() >= 3);
    const QJsonObject account = client.frames.at(2);
    QCOMPARE(account.value("type"_L1), "Account"_L1);
    QCOMPARE(account.value("seq"_L1).toInteger(), 3);
    const QJsonObject figures = account.value("data"_L1).toObject();
    double floating = 0.0;
    for (const QJsonValue &value : snapshot.value("data"_L1).toArray()) {
        const QJsonObject p = value.toObject();
        floating += p.value("profit"_L1).toDouble() + p.value("swap"_L1).toDouble() +
                    p.value("commission"_L1).toDouble();
    }
    const double balance = figures.value("balance"_L1).toDouble();
    const double equity = figures.value("equity"_L1).toDouble();
    const double margin = figures.value("margin"_L1).toDouble();
    QVERIFY2(std::abs(equity - (balance + floating)) < 0.02,
             qPrintable(u"%1 vs %2 + %3"_s.arg(equity).arg(balance).arg(floating)));
    QVERIFY(margin > 0.0);
    QCOMPARE(figures.value("freeMargin"_L1).toDouble(), std::round((equity - margin) * 100) / 100);
    QVERIFY(std::abs(figures.value("marginLevel"_L1).toDouble() - equity / margin * 100) < 0.01);
    QCOMPARE(figures.value("currency"_L1), "USD"_L1);
}

void tst_FeedSimulator::accountIsSentWhenItChanges()
{
    FeedSimulator::Options options = fastOptions();
    options.accountInterval = 60ms;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    RawClient client(simulator.url());
    QVERIFY(client.waitConnected());
    client.subscribe();
    QTRY_VERIFY(client.ofType(u"Account"_s).size() >= 4);
    const QList<QJsonObject> accounts = client.ofType(u"Account"_s);
    for (int i = 1; i < accounts.size(); ++i)
        QVERIFY2(accounts.at(i).value("data"_L1) != accounts.at(i - 1).value("data"_L1),
                 "an Account message that says nothing new");
}

void tst_FeedSimulator::noAccountWithoutAccountData_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<bool>("sendAccount");
    QTest::addRow("--no-account") << u"native"_s << false;
    QTest::addRow("seed dialect") << u"seed"_s << true;
}

void tst_FeedSimulator::noAccountWithoutAccountData()
{
    QFETCH(QString, profile);
    QFETCH(bool, sendAccount);
    FeedSimulator::Options options = fastOptions();
    options.sendAccount = sendAccount;
    options.accountInterval = 20ms;
    QString error;
    options.profile = *FeedProfile::load(profile, &error);
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    RawClient client(simulator.url());
    QVERIFY(client.waitConnected());
    client.send(FeedProfile::fill(options.profile.subscribeTemplate(), kTrader, {}));
    QTRY_VERIFY(client.frames.size() >= 10);
    for (const QString &raw : std::as_const(client.raw))
        QVERIFY2(!raw.contains(u"balance"_s), qPrintable(raw));
}

void tst_FeedSimulator::seqRisesByOneAndLiveUpdatesFollow()
{
    FeedSimulator simulator(fastOptions());
    QVERIFY(simulator.listen());
    RawClient client(simulator.url());
    QVERIFY(client.waitConnected());
    client.subscribe();
    QTRY_VERIFY(client.frames.size() >= 30);
    for (int i = 0; i < client.frames.size(); ++i) {
        const QJsonObject frame = client.frames.at(i);
        QCOMPARE(frame.value("seq"_L1).toInteger(), i + 1);
        if (i >= 2) {
            const QString type = frame.value("type"_L1).toString();
            if (type == "Account"_L1)
                continue;
            QVERIFY2(type == "Positions"_L1 || type == "Closed"_L1, qPrintable(type));
            QVERIFY(!frame.value("data"_L1).toArray().isEmpty());
            for (const QJsonValue &value : frame.value("data"_L1).toArray())
                verifyPosition(value.toObject(), type == "Closed"_L1);
        }
    }
}

void tst_FeedSimulator::pongEchoesTs()
{
    FeedSimulator simulator(fastOptions());
    QVERIFY(simulator.listen());
    RawClient client(simulator.url());
    QVERIFY(client.waitConnected());
    client.send(
        {{u"type"_s, u"Ping"_s}, {u"traderid"_s, kTrader}, {u"ts"_s, qint64(1732590000123)}});
    QTRY_COMPARE(client.ofType(u"Pong"_s).size(), 1);
    QCOMPARE(client.ofType(u"Pong"_s).at(0),
             QJsonObject({{u"type"_s, u"Pong"_s}, {u"ts"_s, qint64(1732590000123)}}));
    // Not subscribed: nothing else arrives.
    QCOMPARE(client.frames.size(), 1);
}

void tst_FeedSimulator::unsubscribeStopsPushes()
{
    FeedSimulator simulator(fastOptions());
    QVERIFY(simulator.listen());
    RawClient client(simulator.url());
    QVERIFY(client.waitConnected());
    client.subscribe();
    QTRY_VERIFY(client.frames.size() >= 5);
    client.send({{u"type"_s, u"Unsubscribe"_s}, {u"traderid"_s, kTrader}});
    QTRY_COMPARE(simulator.subscribedCount(), 0);
    const int count = int(client.frames.size());
    QSignalSpy more(&client.socket, &QWebSocket::textMessageReceived);
    // Twenty ticks: not one push.
    QVERIFY(!more.wait(20 * 20));
    QCOMPARE(client.frames.size(), count);
    // The connection is still good for pings.
    client.send({{u"type"_s, u"Ping"_s}, {u"traderid"_s, kTrader}, {u"ts"_s, 5}});
    QTRY_COMPARE(client.ofType(u"Pong"_s).size(), 1);
}

void tst_FeedSimulator::resubscribeStartsAFreshSnapshot()
{
    FeedSimulator simulator(fastOptions());
    QVERIFY(simulator.listen());
    RawClient client(simulator.url());
    QVERIFY(client.waitConnected());
    client.subscribe();
    QTRY_VERIFY(client.frames.size() >= 5);
    client.frames.clear();
    client.subscribe(); // what a client does after a gap in seq
    // Updates already on the way may come first; then the fresh Snapshot and History.
    const auto snapshotAt = [&client] {
        for (qsizetype i = 0; i < client.frames.size(); ++i) {
            if (client.frames.at(i).value("type"_L1) == "Snapshot"_L1)
                return i;
        }
        return qsizetype(-1);
    };
    QTRY_VERIFY(snapshotAt() >= 0 && client.frames.size() > snapshotAt() + 1);
    const qsizetype at = snapshotAt();
    QCOMPARE(client.frames.at(at).value("seq"_L1).toInteger(), 1);
    QCOMPARE(client.frames.at(at + 1).value("type"_L1), "History"_L1);
    QCOMPARE(client.frames.at(at + 1).value("seq"_L1).toInteger(), 2);
}

void tst_FeedSimulator::twoClientsSeeTheSameFeed()
{
    FeedSimulator simulator(fastOptions());
    QVERIFY(simulator.listen());
    RawClient first(simulator.url());
    RawClient second(simulator.url());
    QVERIFY(first.waitConnected() && second.waitConnected());
    first.subscribe();
    QTRY_VERIFY(first.frames.size() >= 5);
    second.subscribe();
    QTRY_VERIFY(second.frames.size() >= 15);

    // The second client's live updates (after its Snapshot, History and Account) are the same
    // updates the first one gets, in order.
    const QJsonValue firstLive = second.frames.at(3).value("data"_L1);
    qsizetype offset = -1;
    for (qsizetype i = 2; i < first.frames.size() && offset < 0; ++i) {
        if (first.frames.at(i).value("data"_L1) == firstLive)
            offset = i;
    }
    QVERIFY(offset >= 0);
    QTRY_VERIFY(first.frames.size() >= offset + 12);
    for (int i = 0; i < 12; ++i) {
        QCOMPARE(first.frames.at(offset + i).value("data"_L1),
                 second.frames.at(3 + i).value("data"_L1));
        QCOMPARE(first.frames.at(offset + i).value("type"_L1),
                 second.frames.at(3 + i).value("type"_L1));
    }
    // And each has its own sequence.
    QCOMPARE(second.frames.at(3).value("seq"_L1).toInteger(), 4);
}

void tst_FeedSimulator::badRequestsGetAnError_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addRow("not JSON") << u"hello"_s << 400 << u"not a JSON object"_s;
    QTest::addRow("array") << u"[1,2]"_s << 400 << u"not a JSON object"_s;
    QTest::addRow("unknown type") << uR"({"type":"Buy"})"_s << 400 << u"unknown message type"_s;
    QTest::addRow("other trader") << uR"({"type":"Subscribe","traderid":99})"_s << 404
                                  << u"unknown trader id 99"_s;
    QTest::addRow("trader as text")
        << uR"({"type":"Subscribe","traderid":"10260"})"_s << 404 << u"unknown trader id"_s;
}

void tst_FeedSimulator::badRequestsGetAnError()
{
    QFETCH(QString, request);
    QFETCH(int, code);
    QFETCH(QString, message);
    FeedSimulator simulator(fastOptions());
    QVERIFY(simulator.listen());
    RawClient client(simulator.url());
    QVERIFY(client.waitConnected());
    client.socket.sendTextMessage(request);
    QTRY_COMPARE(client.frames.size(), 1);
    const QJsonObject error = client.frames.at(0);
    QCOMPARE(error.value("type"_L1), "Error"_L1);
    QCOMPARE(error.value("Code"_L1).toInt(), code);
    QVERIFY2(error.value("msg"_L1).toString().contains(message),
             qPrintable(error.value("msg"_L1).toString()));
    QCOMPARE(simulator.subscribedCount(), 0);
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
}

// ---- the simulated account ---------------------------------------------------------------

void tst_FeedSimulator::sameSeedSameFeed()
{
    const auto run = [](quint32 seed) {
        TradingSimulation::Options options;
        options.seed = seed;
        options.startTime = kStart;
        TradingSimulation simulation(options);
        QByteArray feed = FeedMessages::snapshot(1, simulation.openPositions()) +
                          FeedMessages::history(2, simulation.history());
        for (int i = 0; i < 500; ++i) {
            const TradingSimulation::Step step = simulation.tick();
            feed += FeedMessages::encodeData(step.changed) + FeedMessages::encodeData(step.closed);
        }
        return feed;
    };
    QCOMPARE(run(42), run(42));
    QVERIFY(run(42) != run(43));

    // Over the wire too: two servers with one seed send the same snapshot, byte for byte.
    FeedSimulator a(fastOptions(11));
    FeedSimulator b(fastOptions(11));
    QVERIFY(a.listen() && b.listen());
    RawClient clientA(a.url());
    RawClient clientB(b.url());
    QVERIFY(clientA.waitConnected() && clientB.waitConnected());
    clientA.subscribe();
    clientB.subscribe();
    QTRY_VERIFY(clientA.raw.size() >= 2 && clientB.raw.size() >= 2);
    QCOMPARE(clientA.raw.at(1), clientB.raw.at(1)); // the History
}

void tst_FeedSimulator::dataIsRealistic()
{
    TradingSimulation::Options options;
    options.seed = 5;
    options.startTime = kStart;
    options.positions = 300; // many, to see the whole range
    TradingSimulation simulation(options);
    const QList<Instrument> instruments = simulation.instruments();
    QVERIFY(instruments.size() >= 8 && instruments.size() <= 12);
    QStringList symbols;
    for (const Instrument &i : instruments)
        symbols.append(i.symbol);
    for (const char *expected : {"EURUSD", "GBPUSD", "USDJPY", "XAUUSD", "US30", "BTCUSD"})
        QVERIFY2(symbols.contains(QLatin1String(expected)), expected);

    int following = 0;
    QSet<qint64> signalTraders;
    for (const Position &p : simulation.openPositions()) {
        const Instrument &instrument = instruments.at(int(symbols.indexOf(p.symbol)));
        // Prices at the instrument's precision.
        const double scale = std::pow(10.0, instrument.digits);
        QCOMPARE(std::round(p.price * scale) / scale, p.price);
        QCOMPARE(std::round(p.openPrice * scale) / scale, p.openPrice);
        // Profit follows direction and contract size.
        const int direction = p.side == Position::Side::Buy ? 1 : -1;
        const double expected =
            instrument.profit(p.openPrice, p.price, p.volume, direction, p.price);
        QVERIFY2(std::abs(expected - p.profit) < 0.011,
                 qPrintable(u"%1 %2 vs %3"_s.arg(p.symbol).arg(p.profit).arg(expected)));
        // Stops on the right side: a buy's stop-loss below the price, take-profit above.
        if (p.sl > 0.0)
            QVERIFY(direction > 0 ? p.sl < p.price : p.sl > p.price);
        if (p.tp > 0.0)
            QVERIFY(direction > 0 ? p.tp > p.price : p.tp < p.price);
        QVERIFY(p.commission < 0.0);
        if (p.flwsig) {
            ++following;
            signalTraders.insert(p.sigtraderid);
            QVERIFY(!p.signame.isEmpty());
        }
    }
    // About a third copy one of two or three signal traders.
    QVERIFY2(following > 60 && following < 140, qPrintable(QString::number(following)));
    QVERIFY(signalTraders.size() >= 2 && signalTraders.size() <= 3);

    // A quote in yen converts to dollars: one lot of USDJPY up by 1.000 yen at 150 makes
    // 100000 / 150 dollars.
    const Instrument usdjpy = instruments.at(int(symbols.indexOf(u"USDJPY"_s)));
    QCOMPARE(usdjpy.profit(149.0, 150.0, 1.0, 1, 150.0), 100000.0 / 150.0);
    const Instrument gold = instruments.at(int(symbols.indexOf(u"XAUUSD"_s)));
    QCOMPARE(gold.profit(2300.0, 2290.0, 0.5, -1, 2290.0), 500.0);
}

void tst_FeedSimulator::positionsOpenAndCloseOverTime()
{
    TradingSimulation::Options options;
    options.seed = 9;
    options.startTime = kStart;
    TradingSimulation simulation(options);
    QSet<QString> reasons;
    int opened = 0;
    QSet<qint64> known;
    for (const Position &p : simulation.openPositions())
        known.insert(p.ticket);
    // An hour of 200 ms ticks.
    for (int i = 0; i < 18000; ++i) {
        const TradingSimulation::Step step = simulation.tick();
        for (const Position &p : step.changed) {
            if (!known.contains(p.ticket)) {
                known.insert(p.ticket);
                ++opened;
            }
        }
        for (const ClosedTrade &t : step.closed) {
            reasons.insert(ClosedTrade::reasonName(t.reason));
            QCOMPARE(t.closeTime, simulation.now());
        }
    }
    QVERIFY2(opened > 50, qPrintable(QString::number(opened)));
    QVERIFY(reasons.contains(u"tp"_s));
    QVERIFY(reasons.contains(u"sl"_s));
    QVERIFY(reasons.contains(u"manual"_s));
    // The account stays around its usual size.
    QVERIFY(simulation.openPositions().size() >= 6 && simulation.openPositions().size() <= 18);
}

void tst_FeedSimulator::extraRateAddsUpdates()
{
    FeedSimulator::Options options = fastOptions();
    options.simulation.tick = 10s; // no regular ticks: only the extra rate
    options.rate = 500;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    RawClient client(simulator.url());
    QVERIFY(client.waitConnected());
    client.subscribe();
    QTRY_VERIFY(client.ofType(u"Positions"_s).size() >= 100);
    for (const QJsonObject &frame : client.ofType(u"Positions"_s))
        QVERIFY(!frame.value("data"_L1).toArray().isEmpty());
}

// ---- fault injection ---------------------------------------------------------------------

void tst_FeedSimulator::dropEveryClosesWithGoingAway()
{
    FeedSimulator::Options options = fastOptions();
    options.dropEvery = 300ms;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());

    SocketConfig config = FeedProfile::native().configFor(simulator.url(), kTrader);
    config.reconnectMin = 20ms;
    config.reconnectMax = 50ms;
    config.minUptime = 100ms;
    SocketManager manager(config);
    PositionBook book; // the data makes each connection live, hence useful
    FeedSession session(&manager, &book, nullptr);
    QSignalSpy retries(&manager, &SocketManager::retryScheduled);
    QString reason;
    connect(&manager, &SocketManager::stateChanged, this, [&](State state) {
        if (state == State::Reconnecting)
            reason = manager.lastError();
    });
    manager.open();
    QTRY_VERIFY_WITH_TIMEOUT(retries.count() >= 2, 5000);
    QVERIFY2(reason.contains("1001"_L1) && reason.contains("going away"_L1), qPrintable(reason));
    // Every drop comes after a useful connection: it never gives up.
    QTRY_COMPARE(manager.state(), State::Live);
    QCOMPARE(retries.constLast().at(0).toInt(), 1);
}

void tst_FeedSimulator::silentAfterStopsEverythingButKeepsTcp()
{
    FeedSimulator::Options options = fastOptions();
    options.silentAfter = 200ms;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    RawClient client(simulator.url());
    QVERIFY(client.waitConnected());
    client.subscribe();
    QTRY_VERIFY(simulator.isSilent());
    const int count = int(client.frames.size());
    QVERIFY(count >= 2);
    client.send({{u"type"_s, u"Ping"_s}, {u"traderid"_s, kTrader}, {u"ts"_s, 1}});
    QSignalSpy more(&client.socket, &QWebSocket::textMessageReceived);
    QVERIFY(!more.wait(20 * 20));
    QCOMPARE(client.frames.size(), count);
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);

    // The connection core sees through it: a heartbeat with no reply rebuilds the link.
    SocketConfig config = FeedProfile::native().configFor(simulator.url(), kTrader);
    config.heartbeatInterval = 50ms;
    config.pongTimeout = 100ms;
    config.reconnectMin = 20ms;
    SocketManager manager(config);
    QString reason;
    connect(&manager, &SocketManager::stateChanged, this, [&](State state) {
        if (state == State::Reconnecting && reason.isEmpty())
            reason = manager.lastError();
    });
    manager.open();
    QTRY_VERIFY_WITH_TIMEOUT(!reason.isEmpty(), 3000);
    QVERIFY2(reason.contains("No reply"_L1), qPrintable(reason));
}

void tst_FeedSimulator::rejectHandshake_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("fatal");
    QTest::addRow("401") << 401 << true;
    QTest::addRow("403") << 403 << true;
    QTest::addRow("503") << 503 << false;
}

void tst_FeedSimulator::rejectHandshake()
{
    QFETCH(int, status);
    QFETCH(bool, fatal);
    FeedSimulator::Options options = fastOptions();
    options.rejectHandshake = status;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    SocketConfig config = FeedProfile::native().configFor(simulator.url(), kTrader);
    config.reconnectMin = 10ms;
    config.reconnectMax = 20ms;
    config.giveUpAfter = 0ms; // give up on the count alone
    SocketManager manager(config);
    QSignalSpy errors(&manager, &SocketManager::connectError);
    QSignalSpy retries(&manager, &SocketManager::retryScheduled);
    manager.open();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::Failed, 5000);
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.at(0).at(0).toString().contains(u"HTTP %1"_s.arg(status)),
             qPrintable(errors.at(0).at(0).toString()));
    QCOMPARE(retries.count(), fatal ? 0 : 5);

    // Accepting again: a manual reconnect gets the feed.
    simulator.setRejectHandshake(0);
    manager.reconnectNow();
    QTRY_COMPARE(manager.state(), State::Open);
}

void tst_FeedSimulator::brokenMessagesTakeTheirPlaceWhenTheirSeqReads()
{
    FeedSimulator::Options options = fastOptions();
    options.malformedRate = 0.4;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    RawClient client(simulator.url());
    QVERIFY(client.waitConnected());
    client.subscribe();
    QTRY_VERIFY(client.raw.size() >= 60);

    int noise = 0;      // no seq that reads: outside the sequence
    int unreadable = 0; // a seq, and rows that cannot be read: in it
    qint64 expectedSeq = 1;
    for (const QString &raw : std::as_const(client.raw)) {
        const QJsonDocument document = QJsonDocument::fromJson(raw.toUtf8());
        const QJsonObject object = document.object();
        const QJsonValue seq = object.value("seq"_L1);
        if (!document.isObject() || !seq.isDouble() || seq.toInteger() < 1) {
            ++noise;
            continue;
        }
        // Every message whose seq reads has the next number: the sequence is unbroken.
        QCOMPARE(seq.toInteger(), expectedSeq);
        ++expectedSeq;
        for (const QJsonValue &value : object.value("data"_L1).toArray()) {
            const QJsonObject p = value.toObject();
            if (!p.value("ticket"_L1).isDouble() || p.value("volume"_L1).toDouble() <= 0) {
                ++unreadable;
                break;
            }
        }
    }
    QVERIFY2(noise >= 5, qPrintable(QString::number(noise)));
    QVERIFY2(unreadable >= 5, qPrintable(QString::number(unreadable)));
    QVERIFY(expectedSeq > 20);
}

void tst_FeedSimulator::closeCodeAfterSubscribe()
{
    FeedSimulator::Options options = fastOptions();
    options.closeCode = 4001;
    options.closeAfterSubscribe = true;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    SocketManager manager(FeedProfile::native().configFor(simulator.url(), kTrader));
    QSignalSpy messages(&manager, &SocketManager::messageReceived);
    QSignalSpy errors(&manager, &SocketManager::connectError);
    manager.open();
    QTRY_COMPARE(manager.state(), State::Failed);
    QVERIFY2(errors.at(0).at(0).toString().contains("4001"_L1),
             qPrintable(errors.at(0).at(0).toString()));
    // Snapshot, History and Account arrived before the close.
    QCOMPARE(messages.count(), 3);
    QVERIFY(messages.at(0).at(0).toByteArray().contains(R"("Snapshot")"));
}

void tst_FeedSimulator::pauseRefusesAndResumeAccepts()
{
    FeedSimulator simulator(fastOptions());
    QVERIFY(simulator.listen());
    RawClient live(simulator.url());
    QVERIFY(live.waitConnected());
    live.subscribe();
    simulator.pauseListening();

    SocketConfig config = FeedProfile::native().configFor(simulator.url(), kTrader);
    config.reconnectMin = 10ms;
    config.reconnectMax = 20ms;
    config.giveUpAfter = 0ms; // give up on the count alone
    SocketManager manager(config);
    QSignalSpy errors(&manager, &SocketManager::connectError);
    manager.open();
    QTRY_COMPARE(manager.state(), State::Failed);
    QVERIFY2(errors.at(0).at(0).toString().contains("refused"_L1),
             qPrintable(errors.at(0).at(0).toString()));
    // A connection made before the pause goes on.
    const qsizetype before = live.frames.size();
    QTRY_VERIFY(live.frames.size() > before);

    QVERIFY(simulator.resumeListening());
    manager.reconnectNow();
    QTRY_COMPARE(manager.state(), State::Open);
    QTRY_COMPARE(simulator.subscribedCount(), 2);
}

void tst_FeedSimulator::controlCommands_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("reply");
    QTest::addRow("status") << u"status"_s << u"ok 0 clients, 0 subscribed, 12 open positions"_s;
    QTest::addRow("pause") << u"pause"_s << u", paused"_s;
    QTest::addRow("silent") << u" SILENT "_s << u", silent"_s;
    QTest::addRow("drop") << u"drop 4000"_s << u"ok"_s;
    QTest::addRow("drop bad") << u"drop 17"_s << u"error: drop takes a close code"_s;
    QTest::addRow("reject") << u"reject 503"_s << u"ok"_s;
    QTest::addRow("reject bad") << u"reject teapot"_s << u"error: reject takes"_s;
    QTest::addRow("malformed") << u"malformed 0.5"_s << u"ok"_s;
    QTest::addRow("malformed bad") << u"malformed 3"_s << u"error: malformed takes"_s;
    QTest::addRow("mute") << u"mute"_s << u", muted"_s;
    QTest::addRow("error") << u"error 503 down for maintenance"_s << u"ok"_s;
    QTest::addRow("error bad") << u"error 200"_s << u"error: error takes a code"_s;
    QTest::addRow("seqrestart") << u"seqrestart"_s << u"ok"_s;
    QTest::addRow("unknown") << u"explode"_s << u"error: unknown command \"explode\""_s;
}

void tst_FeedSimulator::controlCommands()
{
    QFETCH(QString, line);
    QFETCH(QString, reply);
    FeedSimulator simulator(fastOptions());
    QVERIFY(simulator.listen());
    const QString answer = simulator.executeCommand(line);
    QVERIFY2(answer.contains(reply), qPrintable(answer));
}

void tst_FeedSimulator::mutedAnswersPingsButSendsNoData()
{
    FeedSimulator simulator(fastOptions());
    QVERIFY(simulator.listen());
    QCOMPARE(simulator.executeCommand(u"mute"_s).contains("muted"_L1), true);
    RawClient client(simulator.url());
    QVERIFY(client.waitConnected());
    client.subscribe();
    client.send({{u"type"_s, u"Ping"_s}, {u"traderid"_s, kTrader}, {u"ts"_s, 42}});
    QTRY_COMPARE(client.ofType(u"Pong"_s).size(), 1);
    // Several ticks go by: none of them reaches the client.
    QSignalSpy more(&client.socket, &QWebSocket::textMessageReceived);
    QVERIFY(!more.wait(10 * int(fastOptions().simulation.tick.count())));
    QCOMPARE(client.frames.size(), 1);
    // Talking again: the next subscription is answered.
    simulator.executeCommand(u"talk"_s);
    client.subscribe();
    QTRY_COMPARE(client.ofType(u"Snapshot"_s).size(), 1);
}

void tst_FeedSimulator::subscribeErrorAnswersInsteadOfData()
{
    FeedSimulator::Options options = fastOptions();
    options.subscribeError = 503;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    RawClient client(simulator.url());
    QVERIFY(client.waitConnected());
    client.subscribe();
    QTRY_COMPARE(client.frames.size(), 1);
    QCOMPARE(client.frames.at(0).value("type"_L1), "Error"_L1);
    QCOMPARE(client.frames.at(0).value("Code"_L1).toInt(), 503);
    QCOMPARE(simulator.subscribedCount(), 0);

    simulator.executeCommand(u"error 429 slow down"_s);
    client.subscribe();
    QTRY_COMPARE(client.frames.size(), 2);
    QCOMPARE(client.frames.at(1).value("Code"_L1).toInt(), 429);
    QCOMPARE(client.frames.at(1).value("msg"_L1), "slow down"_L1);

    simulator.executeCommand(u"error 0"_s);
    client.subscribe();
    QTRY_COMPARE(client.ofType(u"Snapshot"_s).size(), 1);
}

void tst_FeedSimulator::seqRestartCountsFromOneWithoutASnapshot()
{
    FeedSimulator simulator(fastOptions());
    QVERIFY(simulator.listen());
    RawClient client(simulator.url());
    QVERIFY(client.waitConnected());
    client.subscribe();
    QTRY_VERIFY(client.ofType(u"Positions"_s).size() >= 3);
    const qsizetype mark = client.frames.size();
    simulator.executeCommand(u"seqrestart"_s);
    // Frames sent before the restart may still be on their way; after them the count starts
    // at 1 again, with no Snapshot.
    const auto restartedAt = [&] {
        for (qsizetype i = mark; i < client.frames.size(); ++i) {
            if (client.frames.at(i).value("seq"_L1).toInteger() == 1)
                return i;
        }
        return qsizetype(-1);
    };
    QTRY_VERIFY(restartedAt() >= 0);
    QTRY_VERIFY(client.frames.size() > restartedAt() + 1);
    QCOMPARE(client.frames.at(restartedAt() + 1).value("seq"_L1).toInteger(), 2);
    for (qsizetype i = mark; i < client.frames.size(); ++i)
        QVERIFY(client.frames.at(i).value("type"_L1) != "Snapshot"_L1);
}

void tst_FeedSimulator::speaksAProfilesDialect()
{
    QString error;
    const auto profile =
        FeedProfile::load(QStringLiteral(TM_SOURCE_DIR "/tests/data/profile-renamed.json"), &error);
    QVERIFY2(profile, qPrintable(error));
    FeedSimulator::Options options = fastOptions();
    options.profile = *profile;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    RawClient client(simulator.url());
    QVERIFY(client.waitConnected());
    // The profile's subscription, filled in as a client does.
    client.send(FeedProfile::fill(*profile->subscribe, kTrader, u"tok"_s));
    QTRY_VERIFY(client.frames.size() >= 2); // the list at once, and again after a change
    const QJsonObject list = client.frames.at(0);
    QCOMPARE(list.value("Code"_L1).toInt(), 200);
    QVERIFY(!list.contains("type"_L1) && !list.contains("seq"_L1));
    const QJsonArray data = list.value("data"_L1).toArray();
    QCOMPARE(data.size(), qsizetype(simulator.simulation().openPositions().size()));
    const QJsonObject row = data.at(0).toObject();
    for (const char *theirs : {"orderid", "symbolname", "cmd", "lots", "openprice", "curprice",
                               "pl", "opentime", "swap"})
        QVERIFY2(row.contains(QLatin1String(theirs)), theirs);
    QVERIFY(!row.contains("ticket"_L1));
    QVERIFY(row.value("opentime"_L1).toInteger() < 10'000'000'000LL); // seconds
    // Its ping gets a frame without data; its "stop pushing" stops the lists.
    client.send(FeedProfile::fill(*profile->ping, kTrader, {}));
    QTRY_VERIFY(std::any_of(client.frames.cbegin(), client.frames.cend(),
                            [](const QJsonObject &f) { return !f.contains("data"_L1); }));
    client.send(*profile->unsubscribe);
    QTRY_COMPARE(simulator.subscribedCount(), 0);
    QSignalSpy more(&client.socket, &QWebSocket::textMessageReceived);
    QVERIFY(!more.wait(10 * int(fastOptions().simulation.tick.count())));
}

// ---- the executable and the protocol document --------------------------------------------

void tst_FeedSimulator::executablePrintsItsUrlFirst()
{
    QProcess process;
    process.start(QStringLiteral(FEED_SIMULATOR_PATH),
                  {u"--port"_s, u"0"_s, u"--seed"_s, u"3"_s, u"--positions"_s, u"5"_s,
                   u"--tick-ms"_s, u"50"_s});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY(process.canReadLine());
    const QString first = QString::fromUtf8(process.readLine()).trimmed();
    QVERIFY2(QRegularExpression(u"^ws://127\\.0\\.0\\.1:\\d+/feed$"_s).match(first).hasMatch(),
             qPrintable(first));

    RawClient client{QUrl(first)};
    QVERIFY(client.waitConnected());
    client.subscribe();
    QTRY_VERIFY(client.frames.size() >= 3);
    QCOMPARE(client.frames.at(0).value("data"_L1).toArray().size(), 5);

    // Control lines on standard input.
    process.write("drop 1001\n");
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(int(client.socket.closeCode()), 1001);
    process.write("status\n");
    QTRY_VERIFY(process.canReadLine());
    QVERIFY(process.readLine().startsWith("ok "));
    process.kill();
    process.waitForFinished();
}

void tst_FeedSimulator::protocolDocumentMatchesTheEncoder()
{
    QFile file(QStringLiteral(TM_SOURCE_DIR "/docs/protocol.md"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression block(u"```json\\n(.*?)```"_s,
                                          QRegularExpression::DotMatchesEverythingOption);
    QHash<QString, QJsonObject> examples;
    for (const QRegularExpressionMatch &match : block.globalMatch(text)) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(match.captured(1).toUtf8(), &error);
        QVERIFY2(document.isObject(), qPrintable(error.errorString() + match.captured(1)));
        const QJsonObject object = document.object();
        examples.insert(object.value("type"_L1).toString(), object);
    }
    // An example of every message.
    for (const char *type : {"Subscribe", "Unsubscribe", "Ping", "Pong", "Snapshot", "Positions",
                             "Closed", "History", "Account", "Error"})
        QVERIFY2(examples.contains(QLatin1String(type)), type);

    // The documented shapes are exactly what the code sends.
    TradingSimulation::Options options;
    options.startTime = kStart;
    TradingSimulation simulation(options);
    const Position position = simulation.openPositions().constFirst();
    const ClosedTrade trade = simulation.history().constFirst();
    const auto keysOf = [](const QByteArray &json) {
        return QJsonDocument::fromJson(json).object().keys();
    };
    QCOMPARE(examples.value(u"Snapshot"_s).keys(), keysOf(FeedMessages::snapshot(1, {position})));
    QCOMPARE(examples.value(u"Positions"_s).keys(), keysOf(FeedMessages::positions(2, {position})));
    QCOMPARE(examples.value(u"Closed"_s).keys(), keysOf(FeedMessages::closed(3, {trade})));
    QCOMPARE(examples.value(u"History"_s).keys(), keysOf(FeedMessages::history(2, {trade})));
    QCOMPARE(examples.value(u"Pong"_s).keys(), keysOf(FeedMessages::pong(1)));
    QCOMPARE(examples.value(u"Account"_s).keys(), keysOf(FeedMessages::account(3, {})));
    QCOMPARE(examples.value(u"Account"_s).value("data"_L1).toObject().keys(),
             FeedMessages::toJson(simulation.account()).keys());
    QCOMPARE(examples.value(u"Error"_s).keys(), keysOf(FeedMessages::error(404, u"x"_s)));
    for (const char *type : {"Snapshot", "Positions"}) {
        const QJsonObject documented =
            examples.value(QLatin1String(type)).value("data"_L1).toArray().at(0).toObject();
        QCOMPARE(documented.keys(), FeedMessages::toJson(position).keys());
        verifyPosition(documented, false);
    }
    for (const char *type : {"Closed", "History"}) {
        const QJsonObject documented =
            examples.value(QLatin1String(type)).value("data"_L1).toArray().at(0).toObject();
        QCOMPARE(documented.keys(), FeedMessages::toJson(trade).keys());
        verifyPosition(documented, true);
    }
    // The client messages are the ones the connection core sends.
    QCOMPARE(examples.value(u"Subscribe"_s),
             FeedProfile::fill(FeedProfile::native().subscribeTemplate(), 10260, {}));
    QCOMPARE(examples.value(u"Unsubscribe"_s),
             FeedProfile::fill(FeedProfile::native().unsubscribeTemplate(), 10260, {}));
    QCOMPARE(examples.value(u"Ping"_s).keys(), QStringList({u"traderid"_s, u"ts"_s, u"type"_s}));
}

QTEST_GUILESS_MAIN(tst_FeedSimulator)
#include "tst_feedsimulator.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/feedmessages.h"
#include "protocol/feedparser.h"
#include "simulator/tradingsimulation.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A valid position; tests break one thing at a time.
QByteArray position(const QByteArray &replace = {}, const QByteArray &with = {})
{
    QByteArray p =
        R"({"ticket":501,"symbol":"EURUSD","side":"buy","volume":0.3,"openPrice":1.08391,)"
        R"("price":1.08452,"sl":1.08101,"tp":0,"swap":-4.32,"commission":-2.1,)"
        R"("profit":18.3,"openTime":1732421000000,"flwsig":true,"sigtraderid":88001,)"
        R"("signame":"AlphaTrend FX"})";
    if (!replace.isEmpty())
        p.replace(replace, with);
    return p;
}

QByteArray trade(const QByteArray &replace = {}, const QByteArray &with = {})
{
    QByteArray t = position();
    t.chop(1);
    t += R"(,"closePrice":1.08101,"closeTime":1732590600000,"reason":"sl"})";
    if (!replace.isEmpty())
        t.replace(replace, with);
    return t;
}

// A valid Account message; tests break one thing at a time.
QByteArray account(const QByteArray &replace = {}, const QByteArray &with = {})
{
    QByteArray a = R"({"Code":200,"type":"Account","seq":4,"data":{"balance":10250.5,)"
                   R"("equity":10180.25,"margin":412.6,"freeMargin":9767.65,)"
                   R"("marginLevel":2467.34,"currency":"USD"}})";
    if (!replace.isEmpty())
        a.replace(replace, with);
    return a;
}

QByteArray data(const char *type, const QByteArray &items, int seq = 3)
{
    return R"({"Code":200,"type":")" + QByteArray(type) + R"(","seq":)" + QByteArray::number(seq) +
           R"(,"data":[)" + items + "]}";
}

} // namespace

class tst_FeedParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesEveryMessageType();
    void readsEveryField();
    void roundTripsTheEncoder();
    void acceptsWhatIsAllowed_data();
    void acceptsWhatIsAllowed();
    void rejectsMalformedInputWithAReason_data();
    void rejectsMalformedInputWithAReason();
    void aRowItCannotReadIsNamedAndTheOthersApply_data();
    void aRowItCannotReadIsNamedAndTheOthersApply();
    void oneUnreadableTradeCostsOnlyItself();
    void aRepeatedTicketCountsOnce();
    void readsWhatMarketsProduce();
    void aRefusedMessageStillTellsItsSeq_data();
    void aRefusedMessageStillTellsItsSeq();
    void readsTheAccount_data();
    void readsTheAccount();
    void survivesRandomBytes();
    void reusableAfterARejection();
};

void tst_FeedParser::parsesEveryMessageType()
{
    FeedParser parser;
    auto m = parser.parse(data("Snapshot", position(), 1));
    QVERIFY2(m, qPrintable(parser.error()));
    QCOMPARE(m->type, FeedMessage::Type::Snapshot);
    QCOMPARE(m->seq, 1);
    QCOMPARE(m->positions.size(), 1);

    m = parser.parse(data("Positions", position() + ',' + position("501", "502")));
    QVERIFY2(m, qPrintable(parser.error()));
    QCOMPARE(m->type, FeedMessage::Type::Positions);
    QCOMPARE(m->positions.size(), 2);

    m = parser.parse(data("Closed", trade()));
    QVERIFY2(m, qPrintable(parser.error()));
    QCOMPARE(m->type, FeedMessage::Type::Closed);
    QCOMPARE(m->trades.size(), 1);

    m = parser.parse(data("History", trade() + ',' + trade("501", "400"), 2));
    QVERIFY2(m, qPrintable(parser.error()));
    QCOMPARE(m->type, FeedMessage::Type::History);
    QCOMPARE(m->trades.size(), 2);

    m = parser.parse(R"({"type":"Pong","ts":1732590000000})");
    QVERIFY2(m, qPrintable(parser.error()));
    QCOMPARE(m->type, FeedMessage::Type::Pong);
    QCOMPARE(m->ts, 1732590000000);

    m = parser.parse(R"({"Code":404,"type":"Error","msg":"unknown trader id 99"})");
    QVERIFY2(m, qPrintable(parser.error()));
    QCOMPARE(m->type, FeedMessage::Type::Error);
    QCOMPARE(m->code, 404);
    QCOMPARE(m->errorMessage, u"unknown trader id 99"_s);

    m = parser.parse(data("Snapshot", "", 1));
    QVERIFY2(m && m->positions.isEmpty(), qPrintable(parser.error())); // an empty account
}

void tst_FeedParser::readsEveryField()
{
    FeedParser parser;
    const auto m = parser.parse(data("Closed", trade()));
    QVERIFY2(m, qPrintable(parser.error()));
    const ClosedTrade &t = m->trades.at(0);
    const Position &p = t.position;
    QCOMPARE(p.ticket, 501);
    QCOMPARE(p.symbol, u"EURUSD"_s);
    QCOMPARE(p.side, Position::Side::Buy);
    QCOMPARE(p.volume, 0.3);
    QCOMPARE(p.openPrice, 1.08391);
    QCOMPARE(p.price, 1.08452);
    QCOMPARE(p.sl, 1.08101);
    QCOMPARE(p.tp, 0.0);
    QCOMPARE(p.swap, -4.32);
    QCOMPARE(p.commission, -2.1);
    QCOMPARE(p.profit, 18.3);
    QCOMPARE(p.openTime, 1732421000000);
    QCOMPARE(p.flwsig, true);
    QCOMPARE(p.sigtraderid, 88001);
    QCOMPARE(p.signame, u"AlphaTrend FX"_s);
    QCOMPARE(t.closePrice, 1.08101);
    QCOMPARE(t.closeTime, 1732590600000);
    QCOMPARE(t.reason, ClosedTrade::Reason::StopLoss);
}

void tst_FeedParser::roundTripsTheEncoder()
{
    // What the simulator sends is what the parser reads, field for field.
    TradingSimulation::Options options;
    options.startTime = 1732590000000;
    options.positions = 200;
    TradingSimulation simulation(options);
    FeedParser parser;
    const auto snapshot = parser.parse(FeedMessages::snapshot(1, simulation.openPositions()));
    QVERIFY2(snapshot, qPrintable(parser.error()));
    QCOMPARE(snapshot->positions, simulation.openPositions());
    const auto history = parser.parse(FeedMessages::history(2, simulation.history()));
    QVERIFY2(history, qPrintable(parser.error()));
    QCOMPARE(history->trades, simulation.history());
}

void tst_FeedParser::acceptsWhatIsAllowed_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("no signame") << data("Positions", position(R"(,"signame":"AlphaTrend FX")", ""));
    QTest::addRow("unknown extra field")
        << data("Positions", position(R"("tp":0)", R"("tp":0,"magic":7)"));
    QTest::addRow("integer price") << data("Positions", position("1.08452", "2"));
    QTest::addRow("sell") << data("Positions", position(R"("buy")", R"("sell")"));
    QTest::addRow("unicode signame")
        << data("Positions", position("AlphaTrend FX", "Мастер 外汇 ✓"));
    QTest::addRow("negative profit") << data("Positions", position("18.3", "-1234.5"));
    QTest::addRow("own position") << data("Positions",
                                          position("true", "false").replace("88001", "0"));
    QTest::addRow("whitespace") << QByteArray(" \n{ \"type\" : \"Pong\" , \"ts\" : 5 }\n");
    QTest::addRow("error without msg") << QByteArray(R"({"Code":503,"type":"Error"})");
    QTest::addRow("reason manual")
        << data("Closed", trade(R"("reason":"sl")", R"("reason":"manual")"));
    QTest::addRow("reason stopout")
        << data("Closed", trade(R"("reason":"sl")", R"("reason":"stopout")"));
    QTest::addRow("account with an extra field")
        << account(R"("currency")", R"("credit":0,"currency")");
    QTest::addRow("account currency USC") << account(R"("USD")", R"("USC")");
}

void tst_FeedParser::acceptsWhatIsAllowed()
{
    QFETCH(QByteArray, message);
    FeedParser parser;
    QVERIFY2(parser.parse(message), qPrintable(parser.error()));
}

void tst_FeedParser::rejectsMalformedInputWithAReason_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("reason");

    // The message as a whole
    QTest::addRow("empty") << QByteArray() << u"message: invalid JSON"_s;
    QTest::addRow("not JSON") << QByteArray("hello") << u"message: invalid JSON"_s;
    QTest::addRow("truncated") << data("Positions", position()).left(80)
                               << u"message: invalid JSON"_s;
    QTest::addRow("NaN literal") << data("Positions", position("0.3", "NaN")) << u"invalid JSON"_s;
    QTest::addRow("Infinity literal")
        << data("Positions", position("0.3", "Infinity")) << u"invalid JSON"_s;
    QTest::addRow("huge exponent")
        << data("Positions", position("0.3", "1e400")) << u"invalid JSON"_s;
    QTest::addRow("top-level array")
        << QByteArray("[1,2]") << u"message: must be a JSON object, not an array"_s;
    QTest::addRow("top-level string")
        << QByteArray(R"("Snapshot")") << u"must be a JSON object, not a string"_s;
    QTest::addRow("no type") << QByteArray(R"({"Code":200,"seq":1,"data":[]})")
                             << u"message: missing \"type\""_s;
    QTest::addRow("type number") << QByteArray(R"({"type":7})")
                                 << u"message.type: must be a string, not a whole number"_s;
    QTest::addRow("unknown type") << QByteArray(R"({"type":"Orders"})")
                                  << u"unknown message type \"Orders\""_s;
    QTest::addRow("no Code") << QByteArray(R"({"type":"Positions","seq":1,"data":[]})")
                             << u"Positions: missing \"Code\""_s;
    QTest::addRow("Code 500 on data")
        << QByteArray(R"({"Code":500,"type":"Positions","seq":1,"data":[]})")
        << u"Positions.Code: 500 on a data message"_s;
    QTest::addRow("Code text") << QByteArray(
                                      R"({"Code":"200","type":"Positions","seq":1,"data":[]})")
                               << u"Code: must be a whole number, not a string"_s;
    QTest::addRow("Error with 200") << QByteArray(R"({"Code":200,"type":"Error","msg":"x"})")
                                    << u"an Error needs a 4xx or 5xx code"_s;
    QTest::addRow("Error msg number")
        << QByteArray(R"({"Code":500,"type":"Error","msg":5})") << u"Error.msg: must be a string"_s;
    QTest::addRow("no seq") << QByteArray(R"({"Code":200,"type":"Positions","data":[]})")
                            << u"Positions: missing \"seq\""_s;
    QTest::addRow("seq text") << QByteArray(
                                     R"({"Code":200,"type":"Positions","seq":"seven","data":{}})")
                              << u"Positions.seq: must be a whole number, not a string"_s;
    QTest::addRow("seq zero") << QByteArray(R"({"Code":200,"type":"Positions","seq":0,"data":[]})")
                              << u"Positions.seq: 0 is out of range"_s;
    QTest::addRow("seq fraction") << QByteArray(
                                         R"({"Code":200,"type":"Positions","seq":1.5,"data":[]})")
                                  << u"Positions.seq: must be a whole number, not a fraction"_s;
    QTest::addRow("seq huge")
        << QByteArray(R"({"Code":200,"type":"Positions","seq":18446744073709551615,"data":[]})")
        << u"Positions.seq: out of range"_s;
    QTest::addRow("no data") << QByteArray(R"({"Code":200,"type":"Snapshot","seq":1})")
                             << u"Snapshot: missing \"data\""_s;
    QTest::addRow("data object") << QByteArray(
                                        R"({"Code":200,"type":"Snapshot","seq":1,"data":{}})")
                                 << u"Snapshot.data: must be an array, not an object"_s;
    QTest::addRow("trailing garbage")
        << QByteArray(R"({"type":"Pong","ts":5} x)") << u"invalid JSON"_s;
    QTest::addRow("two objects") << QByteArray(R"({"type":"Pong","ts":5}{"type":"Pong","ts":6})")
                                 << u"invalid JSON"_s;
    QTest::addRow("Pong without ts")
        << QByteArray(R"({"type":"Pong"})") << u"Pong: missing \"ts\""_s;
    QTest::addRow("Pong ts text") << QByteArray(R"({"type":"Pong","ts":"now"})")
                                  << u"Pong.ts: must be a whole number"_s;

    // Account
    QTest::addRow("account data as a list")
        << data("Account", "") << u"Account.data: must be an object, not an array"_s;
    QTest::addRow("account without seq")
        << account(R"("seq":4,)", "") << u"Account: missing \"seq\""_s;
    QTest::addRow("account without equity")
        << account(R"("equity":10180.25,)", "") << u"Account.equity: missing"_s;
    QTest::addRow("balance as text") << account("10250.5", R"("10250.5")")
                                     << u"Account.balance: must be a number, not a string"_s;
    QTest::addRow("negative margin")
        << account("412.6", "-1") << u"Account.margin: negative (-1)"_s;
    QTest::addRow("margin level missing")
        << account(R"("marginLevel":2467.34,)", "")
        << u"Account.marginLevel: missing (null when no margin is in use)"_s;
    QTest::addRow("margin level text")
        << account("2467.34", R"("high")") << u"Account.marginLevel: must be a number"_s;
    QTest::addRow("currency missing")
        << account(R"(,"currency":"USD")", "") << u"Account.currency: missing"_s;
    QTest::addRow("currency empty")
        << account(R"("USD")", R"("")") << u"Account.currency: must be a currency code"_s;
    QTest::addRow("currency a sentence")
        << account(R"("USD")", R"("US dollars")") << u"Account.currency: longer than 8 bytes"_s;
    QTest::addRow("currency with a symbol")
        << account(R"("USD")", R"("$")") << u"Account.currency: must be a currency code"_s;
    QTest::addRow("account with code 500")
        << account(R"("Code":200)", R"("Code":500)") << u"500 on a data message"_s;
}

void tst_FeedParser::rejectsMalformedInputWithAReason()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, reason);
    FeedParser parser;
    QVERIFY(!parser.parse(message));
    QVERIFY2(parser.error().contains(reason), qPrintable(parser.error()));
}

void tst_FeedParser::aRowItCannotReadIsNamedAndTheOthersApply_data()
{
    // The middle one of three rows is bad: the message is read, its good rows apply, and the
    // bad one is named with why, and with its ticket when that much reads.
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<qint64>("ticket");
    const QByteArray P = "Positions";
    const auto bad = [](const QByteArray &replace, const QByteArray &with) {
        return position(replace, with).replace("501", "502");
    };
    QTest::addRow("not an object")
        << P << QByteArray("7") << u"Positions.data[1]: must be an object, not a whole number"_s
        << qint64(0);
    QTest::addRow("missing ticket") << P << position(R"("ticket":501,)", "")
                                    << u"Positions.data[1]: missing \"ticket\""_s << qint64(0);
    QTest::addRow("ticket text")
        << P << position("501", R"("502")")
        << u"Positions.data[1].ticket: must be a whole number, not a string"_s << qint64(0);
    QTest::addRow("ticket negative")
        << P << position("501", "-5") << u"Positions.data[1].ticket: -5 is out of range"_s
        << qint64(0);
    QTest::addRow("ticket fraction")
        << P << position("501", "501.5") << u"ticket: must be a whole number, not a fraction"_s
        << qint64(0);
    QTest::addRow("ticket beyond 2^53")
        << P << position("501", "9007199254740993") << u"ticket: 9007199254740993 is out of range"_s
        << qint64(0);
    QTest::addRow("symbol number")
        << P << bad(R"("EURUSD")", "42") << u"symbol: must be a string, not a whole number"_s
        << qint64(502);
    QTest::addRow("symbol empty") << P << bad(R"("EURUSD")", R"("  ")") << u"symbol: empty"_s
                                  << qint64(502);
    QTest::addRow("symbol too long") << P << bad("EURUSD", QByteArray(40, 'X'))
                                     << u"symbol: longer than 32 bytes"_s << qint64(502);
    QTest::addRow("side long") << P << bad(R"("buy")", R"("long")")
                               << u"side: unknown side \"long\""_s << qint64(502);
    QTest::addRow("side null") << P << bad(R"("buy")", "null")
                               << u"side: must be \"buy\", \"sell\", 0 or 1, not null"_s
                               << qint64(502);
    QTest::addRow("volume negative") << P << bad(R"("volume":0.3)", R"("volume":-2)")
                                     << u"Positions.data[1].volume: negative (-2)"_s << qint64(502);
    QTest::addRow("volume zero") << P << bad(R"("volume":0.3)", R"("volume":0)")
                                 << u"volume: must be greater than zero"_s << qint64(502);
    QTest::addRow("volume text") << P << bad(R"("volume":0.3)", R"("volume":"1.0")")
                                 << u"volume: must be a number, not a string"_s << qint64(502);
    QTest::addRow("volume absurd") << P << bad(R"("volume":0.3)", R"("volume":1e9)")
                                   << u"volume: 1e+09 is out of range"_s << qint64(502);
    QTest::addRow("price bool") << P << bad("1.08452", "true")
                                << u"price: must be a number, not a boolean"_s << qint64(502);
    QTest::addRow("profit null") << P << bad("18.3", "null")
                                 << u"profit: must be a number, not null"_s << qint64(502);
    QTest::addRow("sl missing") << P << bad(R"("sl":1.08101,)", "") << u"missing \"sl\""_s
                                << qint64(502);
    QTest::addRow("profit absurd")
        << P << bad("18.3", "1e300") << u"profit: 1e+300 is out of range"_s << qint64(502);
    QTest::addRow("openTime text") << P << bad("1732421000000", R"("2024-11-24")")
                                   << u"openTime: must be a whole number"_s << qint64(502);
    QTest::addRow("openTime year 5000")
        << P << bad("1732421000000", "95617584000000")
        << u"openTime: 95617584000000 is out of range"_s << qint64(502);
    QTest::addRow("flwsig number")
        << P << bad("true", "1") << u"flwsig: must be true or false, not a whole number"_s
        << qint64(502);
    QTest::addRow("sigtraderid negative")
        << P << bad("88001", "-1") << u"sigtraderid: -1 is out of range"_s << qint64(502);
    QTest::addRow("signame object") << P << bad(R"("AlphaTrend FX")", "{}")
                                    << u"signame: must be a string, not an object"_s << qint64(502);
    QTest::addRow("a bad field before the ticket")
        << P << QByteArray(R"({"volume":-1,"ticket":502})") << u"volume: negative (-1)"_s
        << qint64(502);
    QTest::addRow("in a Snapshot")
        << QByteArray("Snapshot") << bad("18.3", "null")
        << u"Snapshot.data[1].profit: must be a number, not null"_s << qint64(502);

    // Closed trades
    const auto badTrade = [](const QByteArray &replace, const QByteArray &with) {
        return trade(replace, with).replace("501", "502");
    };
    QTest::addRow("closed without reason")
        << QByteArray("Closed") << badTrade(R"(,"reason":"sl")", "")
        << u"Closed.data[1]: missing \"reason\""_s << qint64(502);
    QTest::addRow("reason a number")
        << QByteArray("Closed") << badTrade(R"("reason":"sl")", R"("reason":7)")
        << u"reason: must be a string, not a whole number"_s << qint64(502);
    QTest::addRow("closePrice text")
        << QByteArray("Closed") << badTrade(R"("closePrice":1.08101)", R"("closePrice":"x")")
        << u"closePrice: must be a number"_s << qint64(502);
    QTest::addRow("closed before opened")
        << QByteArray("Closed") << badTrade("1732590600000", "1732000000000")
        << u"Closed.data[1]: closed before it opened"_s << qint64(502);
    QTest::addRow("position in History")
        << QByteArray("History") << position("501", "502")
        << u"History.data[1]: missing \"closePrice\""_s << qint64(502);
}

void tst_FeedParser::aRowItCannotReadIsNamedAndTheOthersApply()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, row);
    QFETCH(QString, reason);
    QFETCH(qint64, ticket);
    const bool trades = type == "Closed" || type == "History";
    const auto good = [trades](const char *ticket) {
        return trades ? trade("501", ticket) : position("501", ticket);
    };
    FeedParser parser;
    const auto m =
        parser.parse(data(type.constData(), good("601") + ',' + row + ',' + good("603")));
    QVERIFY2(m, qPrintable(parser.error()));
    QVERIFY(parser.error().isEmpty());
    QList<qint64> read;
    for (const Position &p : std::as_const(m->positions))
        read.append(p.ticket);
    for (const ClosedTrade &t : std::as_const(m->trades))
        read.append(t.position.ticket);
    QCOMPARE(read, (QList<qint64>{601, 603}));
    QCOMPARE(m->unreadable.size(), 1);
    QVERIFY2(m->unreadable.at(0).reason.contains(reason), qPrintable(m->unreadable.at(0).reason));
    QCOMPARE(m->unreadable.at(0).ticket, ticket);
    QCOMPARE(m->namesEveryTicket(), ticket != 0);
}

void tst_FeedParser::oneUnreadableTradeCostsOnlyItself()
{
    // A History of fifty trades, one of them unreadable: forty-nine are read.
    QByteArray items;
    for (int i = 0; i < 50; ++i) {
        if (i)
            items += ',';
        const QByteArray ticket = QByteArray::number(1000 + i);
        items +=
            i == 17 ? trade("18.3", "null").replace("501", ticket) : trade().replace("501", ticket);
    }
    FeedParser parser;
    const auto m = parser.parse(data("History", items, 2));
    QVERIFY2(m, qPrintable(parser.error()));
    QCOMPARE(m->trades.size(), 49);
    QCOMPARE(m->unreadable.size(), 1);
    QCOMPARE(m->unreadable.at(0).ticket, 1017);
    QVERIFY2(m->unreadable.at(0).reason.startsWith("History.data[17].profit"_L1),
             qPrintable(m->unreadable.at(0).reason));
}

void tst_FeedParser::aRepeatedTicketCountsOnce()
{
    FeedParser parser;
    const auto m = parser.parse(data("Positions", position() + ',' + position("18.3", "99.9")));
    QVERIFY2(m, qPrintable(parser.error()));
    QCOMPARE(m->positions.size(), 1);
    QCOMPARE(m->positions.at(0).profit, 18.3); // the first one
    QVERIFY(m->unreadable.isEmpty());
    QCOMPARE(m->skipped, 1);
    QVERIFY2(m->skipReason.contains(u"ticket 501 appears twice"_s), qPrintable(m->skipReason));
}

void tst_FeedParser::readsWhatMarketsProduce()
{
    // WTI at -37.63 (April 2020): a price, a stop and a close below zero are prices.
    FeedParser parser;
    auto m = parser.parse(data("Positions", position("1.08452", "-37.63")
                                                .replace("1.08391", "-10.5")
                                                .replace(R"("sl":1.08101)", R"("sl":-40.25)")
                                                .replace(R"("tp":0)", R"("tp":-1.5)")));
    QVERIFY2(m && m->unreadable.isEmpty(), qPrintable(parser.error()));
    QCOMPARE(m->positions.at(0).price, -37.63);
    QCOMPARE(m->positions.at(0).openPrice, -10.5);
    QCOMPARE(m->positions.at(0).sl, -40.25);
    QCOMPARE(m->positions.at(0).tp, -1.5);

    m = parser.parse(data("Closed", trade(R"("closePrice":1.08101)", R"("closePrice":-37.63)")));
    QVERIFY2(m && m->unreadable.isEmpty(), qPrintable(parser.error()));
    QCOMPARE(m->trades.at(0).closePrice, -37.63);

    // A close reason this version does not know is kept, in the feed's own word.
    m = parser.parse(data("Closed", trade(R"("reason":"sl")", R"("reason":"so")")));
    QVERIFY2(m && m->unreadable.isEmpty(), qPrintable(parser.error()));
    QCOMPARE(m->trades.at(0).reason, ClosedTrade::Reason::Other);
    QCOMPARE(m->trades.at(0).otherReason, u"so"_s);
    QCOMPARE(m->trades.at(0).reasonWord(), u"so"_s);
    QVERIFY(m->trades.at(0).isConfirmed());
    // Even "unknown" from a feed is its word for a confirmed close.
    m = parser.parse(data("Closed", trade(R"("reason":"sl")", R"("reason":"unknown")")));
    QVERIFY2(m && m->unreadable.isEmpty(), qPrintable(parser.error()));
    QCOMPARE(m->trades.at(0).reason, ClosedTrade::Reason::Other);
    QVERIFY(m->trades.at(0).isConfirmed());
    // The protocol's own words are still its own.
    m = parser.parse(data("Closed", trade(R"("reason":"sl")", R"("reason":"stopout")")));
    QVERIFY2(m, qPrintable(parser.error()));
    QCOMPARE(m->trades.at(0).reason, ClosedTrade::Reason::StopOut);
    QVERIFY(m->trades.at(0).otherReason.isEmpty());
    // A word longer than any close reason is no reason.
    m = parser.parse(
        data("Closed", trade(R"("reason":"sl")", R"("reason":")" + QByteArray(40, 'x') + '"')));
    QVERIFY2(m, qPrintable(parser.error()));
    QCOMPARE(m->unreadable.size(), 1);
    QVERIFY2(m->unreadable.at(0).reason.contains("reason: longer than 32 bytes"_L1),
             qPrintable(m->unreadable.at(0).reason));
}

void tst_FeedParser::aRefusedMessageStillTellsItsSeq_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<std::optional<qint64>>("seq");
    const auto none = std::optional<qint64>();
    QTest::addRow("data not a list")
        << QByteArray(R"({"Code":200,"type":"Positions","seq":7,"data":{}})")
        << std::optional<qint64>(7);
    QTest::addRow("an unknown type")
        << QByteArray(R"({"Code":200,"type":"Orders","seq":8,"data":[]})")
        << std::optional<qint64>(8);
    QTest::addRow("a bad Code") << QByteArray(
                                       R"({"Code":"x","type":"Positions","seq":9,"data":[]})")
                                << std::optional<qint64>(9);
    QTest::addRow("an Account in US$")
        << account(R"("USD")", R"("US$")") << std::optional<qint64>(4);
    QTest::addRow("no seq") << QByteArray(R"({"Code":200,"type":"Positions","data":{}})") << none;
    QTest::addRow("seq text") << QByteArray(
                                     R"({"Code":200,"type":"Positions","seq":"seven","data":{}})")
                              << none;
    QTest::addRow("seq zero") << QByteArray(R"({"Code":200,"type":"Positions","seq":0,"data":{}})")
                              << none;
    QTest::addRow("not JSON") << data("Positions", position()).left(60) << none;
    QTest::addRow("a Pong has none") << QByteArray(R"({"type":"Pong","ts":"x","seq":3})") << none;
    QTest::addRow("an Error has none")
        << QByteArray(R"({"Code":200,"type":"Error","seq":3})") << none;
}

void tst_FeedParser::aRefusedMessageStillTellsItsSeq()
{
    QFETCH(QByteArray, message);
    QFETCH(std::optional<qint64>, seq);
    FeedParser parser;
    QVERIFY(!parser.parse(message));
    QCOMPARE(parser.rejectedSeq(), seq);
    // And a message read whole leaves none behind.
    QVERIFY(parser.parse(data("Positions", position())));
    QCOMPARE(parser.rejectedSeq(), std::optional<qint64>());
}

void tst_FeedParser::readsTheAccount_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<std::optional<double>>("marginLevel");
    QTest::addRow("with margin") << account() << std::optional<double>(2467.34);
    QTest::addRow("no margin in use")
        << account(R"("margin":412.6,"freeMargin":9767.65,"marginLevel":2467.34)",
                   R"("margin":0,"freeMargin":10180.25,"marginLevel":null)")
        << std::optional<double>();
}

void tst_FeedParser::readsTheAccount()
{
    QFETCH(QByteArray, message);
    QFETCH(std::optional<double>, marginLevel);
    FeedParser parser;
    const auto m = parser.parse(message);
    QVERIFY2(m, qPrintable(parser.error()));
    QCOMPARE(m->type, FeedMessage::Type::Account);
    QCOMPARE(m->seq, 4);
    QVERIFY(m->isData());
    QCOMPARE(m->account.balance, 10250.5);
    QCOMPARE(m->account.equity, 10180.25);
    QCOMPARE(m->account.currency, u"USD"_s);
    QCOMPARE(m->account.marginLevel, marginLevel);
    // What the simulator's encoder writes reads back the same.
    const auto again = parser.parse(FeedMessages::account(4, m->account));
    QVERIFY2(again, qPrintable(parser.error()));
    QCOMPARE(again->account, m->account);
}

void tst_FeedParser::survivesRandomBytes()
{
    // Garbage never crashes it and always gets a reason.
    QRandomGenerator random(1234);
    const QByteArray valid = data("Positions", position() + ',' + position("501", "777"));
    FeedParser parser;
    for (int i = 0; i < 5000; ++i) {
        QByteArray bytes = valid;
        const int flips = 1 + int(random.bounded(4));
        for (int f = 0; f < flips; ++f)
            bytes[int(random.bounded(int(bytes.size())))] = char(random.bounded(256));
        if (random.bounded(4) == 0)
            bytes.truncate(int(random.bounded(int(bytes.size()))));
        if (!parser.parse(bytes))
            QVERIFY(!parser.error().isEmpty());
    }
}

void tst_FeedParser::reusableAfterARejection()
{
    FeedParser parser;
    QVERIFY(!parser.parse("{{{"));
    QVERIFY(!parser.error().isEmpty());
    const auto m = parser.parse(data("Positions", position()));
    QVERIFY2(m, qPrintable(parser.error()));
    QVERIFY(parser.error().isEmpty());
}

QTEST_GUILESS_MAIN(tst_FeedParser)
#include "tst_feedparser.moc"

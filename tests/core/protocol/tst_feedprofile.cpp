// SPDX-License-Identifier: GPL-3.0-or-later
// Wire profiles: reading profile files (valid and invalid), the payloads they make, and
// parsing in their dialect.
#include "net/socketconfig.h"
#include "protocol/feedmessages.h"
#include "protocol/feedparser.h"
#include "protocol/feedprofile.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The issue's example, exactly.
const QByteArray kExample = R"({
  "envelope": "seed",
  "subscribe":   {"value": "value1", "type": "type1"},
  "unsubscribe": {"value1": "demo1", "value2": "demo2"},
  "ping":        {"traderid": 10260, "type": "Ping"},
  "fields": {"ticket": "orderid", "symbol": "symbolname", "side": "cmd", "volume": "lots",
             "openPrice": "openprice", "price": "curprice", "profit": "pl", "openTime": "opentime"},
  "timeUnit": "ms",
  "okCode": 200
})";

FeedProfile example()
{
    QString error;
    const auto profile = FeedProfile::fromJson(kExample, u"example.json"_s, &error);
    if (!profile)
        qFatal("%s", qPrintable(error));
    return *profile;
}

// One row in the example's dialect.
QByteArray row(qint64 ticket, const QByteArray &cmd = "0", const QByteArray &extra = {})
{
    return R"({"orderid":)" + QByteArray::number(ticket) + R"(,"symbolname":"EURUSD","cmd":)" +
           cmd +
           R"(,"lots":0.5,"openprice":1.08,"curprice":1.09,"pl":50.5,"opentime":1732421000000)" +
           extra + "}";
}

} // namespace

class tst_FeedProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInsAndTheExample();
    void badProfilesAreRefusedNamingTheKey_data();
    void badProfilesAreRefusedNamingTheKey();
    void loadTakesABuiltInNameFirstThenAFile();
    void payloadsAreTheProfilesOwn_data();
    void payloadsAreTheProfilesOwn();
    void theProfileTellsAReplyToOurPingFromData_data();
    void theProfileTellsAReplyToOurPingFromData();
    void seedListInRenamedFields();
    void seedRowsThatAreNotPositionsAreNotFatal();
    void seedCodeAndNoData();
    void seedDataThatIsNotAnArrayIsRejected();
    void secondsAreReadAsSeconds();
    void nativeEnvelopeWithRenamedFieldsAndPendingOrders();
};

void tst_FeedProfile::builtInsAndTheExample()
{
    QCOMPARE(FeedProfile::builtInNames(), (QStringList{u"native"_s, u"seed"_s}));
    const FeedProfile native = FeedProfile::native();
    QCOMPARE(native.envelope, FeedProfile::Envelope::Native);
    QVERIFY(!native.subscribe && native.fields.isEmpty() && native.okCode == 200);
    const FeedProfile seed = FeedProfile::seed();
    QCOMPARE(seed.envelope, FeedProfile::Envelope::Seed);
    QCOMPARE(*seed.subscribe, QJsonObject({{u"value"_s, u"value1"_s}, {u"type"_s, u"type1"_s}}));
    QVERIFY(seed.fields.isEmpty()); // our field names

    const FeedProfile profile = example();
    QCOMPARE(profile.envelope, FeedProfile::Envelope::Seed);
    QCOMPARE(profile.field(u"ticket"_s), u"orderid"_s);
    QCOMPARE(profile.field(u"swap"_s), u"swap"_s); // not renamed
    QCOMPARE(profile.okCode, 200);
    QCOMPARE(profile.timeUnit, FeedProfile::TimeUnit::Milliseconds);
    // What toJson says reads back as the same profile.
    QString error;
    const auto again =
        FeedProfile::fromJson(QJsonDocument(profile.toJson()).toJson(), u"example.json"_s, &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(*again, profile);
    // Every key is optional.
    const auto empty = FeedProfile::fromJson("{}", u"empty.json"_s, &error);
    QVERIFY(empty);
    QCOMPARE(empty->envelope, FeedProfile::Envelope::Native);
}

void tst_FeedProfile::badProfilesAreRefusedNamingTheKey_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::addRow("not JSON") << QByteArray(R"({"envelope": "seed",)") << u"not JSON"_s;
    QTest::addRow("not an object") << QByteArray("[1,2]") << u"must be a JSON object"_s;
    QTest::addRow("unknown envelope")
        << QByteArray(R"({"envelope":"fix"})") << u"key \"envelope\": unknown envelope \"fix\""_s;
    QTest::addRow("unknown key") << QByteArray(R"({"envelop":"seed"})")
                                 << u"key \"envelop\": unknown key"_s;
    QTest::addRow("field mapped twice") << QByteArray(R"({"fields":{"price":"p","openPrice":"p"}})")
                                        << u"key \"fields\": \"p\" is mapped twice"_s;
    QTest::addRow("field onto another of ours")
        << QByteArray(R"({"fields":{"price":"openPrice"}})")
        << u"key \"fields\": \"openPrice\" is mapped twice"_s;
    QTest::addRow("unknown field")
        << QByteArray(R"({"fields":{"lots":"volume"}})") << u"key \"fields.lots\": unknown field"_s;
    QTest::addRow("field not a string")
        << QByteArray(R"({"fields":{"volume":3}})") << u"key \"fields.volume\": must be"_s;
    QTest::addRow("payload not an object")
        << QByteArray(R"({"subscribe":"hello"})") << u"key \"subscribe\": must be a JSON object"_s;
    QTest::addRow("ping an array")
        << QByteArray(R"({"ping":[1]})") << u"key \"ping\": must be a JSON object"_s;
    QTest::addRow("unknown time unit")
        << QByteArray(R"({"timeUnit":"min"})") << u"key \"timeUnit\": unknown time unit"_s;
    QTest::addRow("okCode text") << QByteArray(R"({"okCode":"200"})")
                                 << u"key \"okCode\": must be a whole number"_s;
}

void tst_FeedProfile::badProfilesAreRefusedNamingTheKey()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!FeedProfile::fromJson(json, u"/home/t/dialect.json"_s, &error));
    QVERIFY2(error.startsWith("profile /home/t/dialect.json: "_L1), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void tst_FeedProfile::loadTakesABuiltInNameFirstThenAFile()
{
    QTemporaryDir dir;
    QString error;
    QCOMPARE(FeedProfile::load(u"seed"_s, &error)->name, u"seed"_s);
    QCOMPARE(FeedProfile::load(QString(), &error)->name, u"native"_s);
    const QString path = dir.filePath(u"mine.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kExample);
    file.close();
    const auto loaded = FeedProfile::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->name, path);
    QCOMPARE(loaded->field(u"profit"_s), u"pl"_s);
    QVERIFY(!FeedProfile::load(dir.filePath(u"missing.json"_s), &error));
    QVERIFY2(error.contains("missing.json: cannot be read"_L1) && error.contains("native, seed"_L1),
             qPrintable(error));
}

void tst_FeedProfile::payloadsAreTheProfilesOwn_data()
{
    QTest::addColumn<QByteArray>("profile");
    QTest::addColumn<QByteArray>("subscribe");
    QTest::addColumn<QByteArray>("unsubscribe");
    QTest::addColumn<QByteArray>("ping");
    QTest::addColumn<QString>("pingTimestampKey");
    QTest::addRow("native") << QByteArray("{}")
                            << QByteArray(R"({"type":"Subscribe","traderid":4242,"token":"t0k"})")
                            << QByteArray(R"({"type":"Unsubscribe","traderid":4242})")
                            << QByteArray(R"({"type":"Ping","traderid":4242})") << u"ts"_s;
    QTest::addRow("seed envelope, its own payloads")
        << QByteArray(R"({"envelope":"seed"})")
        << QByteArray(R"({"value":"value1","type":"type1"})")
        << QByteArray(R"({"value1":"demo1","value2":"demo2"})")
        << QByteArray(R"({"traderid":4242,"type":"Ping"})") << QString();
    QTest::addRow("traderid at any depth, the token where asked")
        << QByteArray(R"({"subscribe":{"op":"sub","args":{"traderid":1,"auth":"{token}",)"
                      R"("list":[{"traderid":0},"{token}"]}}})")
        << QByteArray(R"({"op":"sub","args":{"traderid":4242,"auth":"t0k",)"
                      R"("list":[{"traderid":4242},"t0k"]}})")
        << QByteArray(R"({"type":"Unsubscribe","traderid":4242})")
        << QByteArray(R"({"type":"Ping","traderid":4242})") << u"ts"_s;
}

void tst_FeedProfile::payloadsAreTheProfilesOwn()
{
    QFETCH(QByteArray, profile);
    QFETCH(QByteArray, subscribe);
    QFETCH(QByteArray, unsubscribe);
    QFETCH(QByteArray, ping);
    QFETCH(QString, pingTimestampKey);
    QString error;
    const auto loaded = FeedProfile::fromJson(profile, u"p.json"_s, &error);
    QVERIFY2(loaded, qPrintable(error));
    SocketConfig config = FeedProfile::native().configFor(QUrl(u"ws://h/"_s), 4242, u"t0k"_s);
    loaded->applyTo(config);
    QCOMPARE(config.profile, u"p.json"_s);
    QCOMPARE(config.subscribePayload, QJsonDocument::fromJson(subscribe).object());
    QCOMPARE(config.unsubscribePayload, QJsonDocument::fromJson(unsubscribe).object());
    QCOMPARE(config.pingPayload, QJsonDocument::fromJson(ping).object());
    QCOMPARE(config.pingTimestampKey, pingTimestampKey);
    // A later trader id follows through the same templates.
    config.traderId = 7;
    config.token.clear();
    FeedProfile::fillPayloads(config);
    QVERIFY(!QJsonDocument(config.subscribePayload).toJson().contains("t0k"));
    QVERIFY(!QJsonDocument(config.subscribePayload).toJson().contains("4242"));
}

void tst_FeedProfile::theProfileTellsAReplyToOurPingFromData_data()
{
    QTest::addColumn<QByteArray>("profile");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<std::optional<qint64>>("echoedTime");
    const QByteArray native = "{}";
    const QByteArray seed = R"({"envelope":"seed"})";
    const QByteArray ownPing = R"({"ping":{"op":"ping"}})";
    QTest::addRow("native Pong") << native << FeedMessages::pong(1732600000123)
                                 << std::optional<qint64>(1732600000123);
    QTest::addRow("native Pong, spaced")
        << native << QByteArray(R"({ "type" : "Pong", "ts": 5 })") << std::optional<qint64>(5);
    QTest::addRow("a Pong without a time of ours")
        << native << QByteArray(R"({"type":"Pong","ts":"soon"})") << std::optional<qint64>(-1);
    QTest::addRow("data is no reply")
        << native << FeedMessages::snapshot(1, {}) << std::optional<qint64>();
    QTest::addRow("an error that quotes Pong is no reply")
        << native << FeedMessages::error(500, u"\"Pong\" failed"_s) << std::optional<qint64>();
    QTest::addRow("seed: no reply to tell (its ping is answered with data)")
        << seed << QByteArray(R"({"type":"Pong","ts":5})") << std::optional<qint64>();
    QTest::addRow("a profile's own ping: no reply to tell")
        << ownPing << FeedMessages::pong(5) << std::optional<qint64>();
}

void tst_FeedProfile::theProfileTellsAReplyToOurPingFromData()
{
    QFETCH(QByteArray, profile);
    QFETCH(QByteArray, message);
    QFETCH(std::optional<qint64>, echoedTime);
    QString error;
    const auto loaded = FeedProfile::fromJson(profile, u"p.json"_s, &error);
    QVERIFY2(loaded, qPrintable(error));
    const SocketConfig config = loaded->configFor(QUrl(u"ws://h/"_s), 1);
    // The time goes out only where a reply can bring it back.
    QCOMPARE(config.pingTimestampKey.isEmpty(), !config.pingReplyTime);
    const std::optional<qint64> time =
        config.pingReplyTime ? config.pingReplyTime(message) : std::nullopt;
    QCOMPARE(time, echoedTime);
}

void tst_FeedProfile::seedListInRenamedFields()
{
    FeedParser parser(example());
    const auto message = parser.parse(R"({"Code":200,"data":[)" + row(11) + "," +
                                      row(12, "\"SELL\"",
                                          R"(,"swap":-1.5,"flwsig":true,)"
                                          R"("sigtraderid":88001,"signame":"A")") +
                                      "]}");
    QVERIFY2(message, qPrintable(parser.error()));
    QCOMPARE(message->type, FeedMessage::Type::List);
    QCOMPARE(message->positions.size(), 2);
    const Position &first = message->positions.at(0);
    QCOMPARE(first.ticket, 11);
    QCOMPARE(first.symbol, u"EURUSD"_s);
    QCOMPARE(first.side, Position::Side::Buy);
    QCOMPARE(first.volume, 0.5);
    QCOMPARE(first.openPrice, 1.08);
    QCOMPARE(first.price, 1.09);
    QCOMPARE(first.profit, 50.5);
    QCOMPARE(first.openTime, 1732421000000);
    QCOMPARE(first.swap, 0.0); // not sent: zero
    QVERIFY(!first.flwsig);
    const Position &second = message->positions.at(1);
    QCOMPARE(second.side, Position::Side::Sell); // "SELL" in any case
    QCOMPARE(second.swap, -1.5);
    QVERIFY(second.flwsig);
    QCOMPARE(second.sigtraderid, 88001);
    QCOMPARE(message->skipped, 0);
}

void tst_FeedProfile::seedRowsThatAreNotPositionsAreNotFatal()
{
    FeedParser parser(example());
    const auto message =
        parser.parse(R"({"Code":200,"data":[)" + row(1) + "," + row(2, "2") + "," + row(3, "5") +
                     "," + R"({"orderid":4,"cmd":1})" + ",17," + row(1) + "," + row(6, "1") + "]}");
    QVERIFY2(message, qPrintable(parser.error()));
    QCOMPARE(message->positions.size(), 2); // 1 and 6
    QCOMPARE(message->positions.at(1).ticket, 6);
    QCOMPARE(message->skipped, 3); // two pending orders and a repeat, on purpose
    QVERIFY2(message->skipReason.contains("pending order (side 2)"_L1),
             qPrintable(message->skipReason));
    // A partial row and a number cannot be read: the first names its ticket, the second cannot.
    QCOMPARE(message->unreadable.size(), 2);
    QCOMPARE(message->unreadable.at(0).ticket, 4);
    QVERIFY2(message->unreadable.at(0).reason.contains(u"List.data[3]: missing \"symbolname\""_s),
             qPrintable(message->unreadable.at(0).reason));
    QCOMPARE(message->unreadable.at(1).ticket, 0);
    QVERIFY(!message->namesEveryTicket());
}

void tst_FeedProfile::seedCodeAndNoData()
{
    FeedParser parser(example());
    auto message = parser.parse(R"({"Code":200})");
    QVERIFY(message);
    QCOMPARE(message->type, FeedMessage::Type::Alive);
    QVERIFY(!message->isData());
    message = parser.parse(R"({"Code":404,"msg":"no such trader","data":[]})");
    QVERIFY(message);
    QCOMPARE(message->type, FeedMessage::Type::Error);
    QCOMPARE(message->code, 404);
    QCOMPARE(message->errorMessage, u"no such trader"_s);
    // Without a Code: the data counts.
    message = parser.parse(R"({"data":[)" + row(9) + "]}");
    QVERIFY(message);
    QCOMPARE(message->type, FeedMessage::Type::List);
    // Another success code.
    FeedProfile zero = example();
    zero.okCode = 0;
    parser.setProfile(zero);
    message = parser.parse(R"({"Code":0,"data":[]})");
    QVERIFY(message && message->type == FeedMessage::Type::List);
    message = parser.parse(R"({"Code":200,"data":[]})");
    QVERIFY(message && message->type == FeedMessage::Type::Error);
}

void tst_FeedProfile::seedDataThatIsNotAnArrayIsRejected()
{
    FeedParser parser(example());
    QVERIFY(!parser.parse(R"({"Code":200,"data":{"orderid":1}})"));
    QVERIFY2(parser.error().contains("data: must be an array"_L1), qPrintable(parser.error()));
    QCOMPARE(parser.rejectedType(), FeedMessage::Type::List);
    QVERIFY(!parser.parse("[]"));
    QVERIFY(!parser.parse("garbage"));
}

void tst_FeedProfile::secondsAreReadAsSeconds()
{
    FeedProfile profile = example();
    profile.timeUnit = FeedProfile::TimeUnit::Seconds;
    FeedParser parser(profile);
    const QByteArray inSeconds = row(1).replace("1732421000000", "1732421000");
    const auto message = parser.parse(R"({"Code":200,"data":[)" + inSeconds + "]}");
    QVERIFY2(message, qPrintable(parser.error()));
    QCOMPARE(message->positions.at(0).openTime, 1732421000000);
}

void tst_FeedProfile::nativeEnvelopeWithRenamedFieldsAndPendingOrders()
{
    FeedProfile profile = FeedProfile::native();
    profile.fields.insert(u"ticket"_s, u"id"_s);
    profile.fields.insert(u"side"_s, u"cmd"_s);
    FeedParser parser(profile);
    const QByteArray position =
        R"({"id":501,"symbol":"EURUSD","cmd":0,"volume":0.3,"openPrice":1.08391,)"
        R"("price":1.08452,"sl":1.08101,"tp":0,"swap":-4.32,"commission":-2.1,)"
        R"("profit":18.3,"openTime":1732421000000,"flwsig":true,"sigtraderid":88001})";
    QByteArray pending = position;
    pending.replace(R"("id":501)", R"("id":502)").replace(R"("cmd":0)", R"("cmd":4)");
    const auto message = parser.parse(R"({"Code":200,"type":"Snapshot","seq":1,"data":[)" +
                                      position + "," + pending + "]}");
    QVERIFY2(message, qPrintable(parser.error()));
    QCOMPARE(message->positions.size(), 1);
    QCOMPARE(message->positions.at(0).ticket, 501);
    QCOMPARE(message->skipped, 1);
    // A row it cannot read says which of their names it missed, and the ticket in theirs.
    QByteArray bad = position;
    bad.replace(R"("id":501,)", "");
    auto unreadable =
        parser.parse(R"({"Code":200,"type":"Positions","seq":2,"data":[)" + bad + "]}");
    QVERIFY2(unreadable, qPrintable(parser.error()));
    QVERIFY2(unreadable->unreadable.at(0).reason.contains("missing \"id\""_L1),
             qPrintable(unreadable->unreadable.at(0).reason));
    bad = position;
    bad.replace(R"("cmd":0)", R"("cmd":"up")");
    unreadable = parser.parse(R"({"Code":200,"type":"Positions","seq":3,"data":[)" + bad + "]}");
    QVERIFY2(unreadable, qPrintable(parser.error()));
    QCOMPARE(unreadable->unreadable.at(0).ticket, 501);
}

QTEST_GUILESS_MAIN(tst_FeedProfile)
#include "tst_feedprofile.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Every row of TradeFields reaches every place that is derived from it: a field changed alone
// crosses the wire (native, and a renamed dialect in seconds) and the history unchanged, is
// told apart by Position::diff, and a required field left out makes its row unreadable. A new
// row is tested here without a new line of test.
#include "domain/tradefields.h"
#include "history/closedtradestore.h"
#include "protocol/feedmessages.h"
#include "protocol/feedparser.h"
#include "protocol/feedprofile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A trade whose every field holds a value of its own (times on whole seconds).
ClosedTrade baseTrade()
{
    ClosedTrade t;
    Position &p = t.position;
    p.ticket = 4711;
    p.symbol = u"EURUSD"_s;
    p.side = Position::Side::Buy;
    p.volume = 0.5;
    p.openPrice = 1.1;
    p.price = 1.2;
    p.sl = 1.0;
    p.tp = 1.3;
    p.swap = -0.25;
    p.commission = -1.5;
    p.profit = 50.0;
    p.openTime = 1'700'000'000'000;
    p.flwsig = true;
    p.sigtraderid = 9;
    p.signame = u"Alpha"_s;
    t.closePrice = 1.2; // a closed trade's price is where it closed
    t.closeTime = 1'700'000'360'000;
    t.reason = ClosedTrade::Reason::TakeProfit;
    return t;
}

// `t` with field `id` changed to another valid value, by its kind.
ClosedTrade withChanged(ClosedTrade t, int id)
{
    const QVariant before = TradeFields::value(id, t.position, &t);
    QVariant after;
    switch (TradeFields::field(id).kind) {
    case TradeFields::Kind::Integer:
        after = before.toLongLong() + 1;
        break;
    case TradeFields::Kind::Time:
        after = before.toLongLong() + 1000; // still after it opened; a whole second
        break;
    case TradeFields::Kind::Real:
        after = before.toDouble() + 0.5;
        break;
    case TradeFields::Kind::Text:
        after = before.toString() + u"x"_s;
        break;
    case TradeFields::Kind::Flag:
        after = !before.toBool();
        break;
    case TradeFields::Kind::Side:
        after = u"sell"_s;
        break;
    case TradeFields::Kind::Reason:
        after = u"so"_s; // a broker's own word, kept
        break;
    }
    TradeFields::setValue(id, after, &t);
    if (id == TradeFields::ClosePrice)
        t.position.price = t.closePrice;
    return t;
}

// A renamed dialect in seconds: every field's name is another.
FeedProfile renamedInSeconds()
{
    FeedProfile profile;
    for (const QString &ours : TradeFields::names())
        profile.fields.insert(ours, u"f_"_s + ours);
    profile.timeUnit = FeedProfile::TimeUnit::Seconds;
    return profile;
}

FeedMessage parseClosed(const QByteArray &data, const FeedProfile &profile)
{
    FeedParser parser(profile);
    const std::optional<FeedMessage> message =
        parser.parse(FeedMessages::envelope("Closed", 1, data));
    return message ? *message : FeedMessage();
}

} // namespace

class tst_TradeFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theTableIsWhole();
    void eachFieldTravels_data();
    void eachFieldTravels();
    void aRequiredFieldLeftOutMakesTheRowUnreadable_data();
    void aRequiredFieldLeftOutMakesTheRowUnreadable();
};

void tst_TradeFields::theTableIsWhole()
{
    QCOMPARE(TradeFields::names().size(), TradeFields::kCount);
    QCOMPARE(FeedProfile::fieldNames(), TradeFields::names());
    for (int id = 0; id < TradeFields::kCount; ++id) {
        const QString name = TradeFields::nameOf(id);
        QCOMPARE(TradeFields::idOf(name.toStdString()), id);
        QVERIFY2(!TradeFields::names().mid(id + 1).contains(name), qPrintable(name));
    }
    QCOMPARE(TradeFields::idOf("nonsense"), -1);
}

void tst_TradeFields::eachFieldTravels_data()
{
    QTest::addColumn<int>("id");
    for (int id = 0; id < TradeFields::kCount; ++id)
        QTest::newRow(qPrintable(TradeFields::nameOf(id))) << id;
}

void tst_TradeFields::eachFieldTravels()
{
    QFETCH(int, id);
    const ClosedTrade base = baseTrade();
    const ClosedTrade changed = withChanged(base, id);
    QVERIFY(changed != base);

    // The change bit of a position's own field; the three signal fields are one.
    if (TradeFields::field(id).inPosition()) {
        const quint32 expected =
            id >= TradeFields::Flwsig ? quint32(Position::SignalField) : TradeFields::bit(id);
        QCOMPARE(base.position.diff(changed.position), expected);
    }

    // The wire: ours, and a dialect with every name changed and times in seconds.
    for (const FeedProfile &profile : {FeedProfile::native(), renamedInSeconds()}) {
        const FeedMessage message =
            parseClosed(FeedMessages::encodeData(QList<ClosedTrade>{changed}, profile), profile);
        QVERIFY2(message.unreadable.isEmpty(), qPrintable(message.unreadable.value(0).reason));
        QCOMPARE(message.trades.size(), 1);
        QCOMPARE(message.trades.first(), changed);
    }

    // The JSON the spool and the simulator use.
    QCOMPARE(FeedMessages::closedTradeFromJson(FeedMessages::toJson(changed)), changed);

    // The history; a field it keeps no column for (price: where it closed) comes back as it was.
    const ClosedTrade expectedKept = TradeFields::field(id).column.empty() ? base : changed;
    ClosedTradeStore store;
    QVERIFY(store.openInMemory());
    const Account account = Account::demo(1);
    QVERIFY(store.record(account, {changed}));
    const QList<ClosedTrade> kept = store.trades(account);
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.first(), expectedKept);
}

void tst_TradeFields::aRequiredFieldLeftOutMakesTheRowUnreadable_data()
{
    QTest::addColumn<int>("id");
    for (int id = 0; id < TradeFields::kCount; ++id)
        QTest::newRow(qPrintable(TradeFields::nameOf(id))) << id;
}

void tst_TradeFields::aRequiredFieldLeftOutMakesTheRowUnreadable()
{
    QFETCH(int, id);
    QJsonObject row = FeedMessages::toJson(baseTrade());
    QVERIFY(row.contains(TradeFields::nameOf(id)));
    row.remove(TradeFields::nameOf(id));
    const FeedMessage message = parseClosed(
        QJsonDocument(QJsonArray{row}).toJson(QJsonDocument::Compact), FeedProfile::native());
    if (TradeFields::field(id).rules & TradeFields::Required) {
        QCOMPARE(message.trades.size(), 0);
        QCOMPARE(message.unreadable.size(), 1);
        QCOMPARE(message.unreadable.first().reason,
                 u"Closed.data[0]: missing \"%1\""_s.arg(TradeFields::nameOf(id)));
    } else {
        QCOMPARE(message.unreadable.size(), 0);
        QCOMPARE(message.trades.size(), 1);
    }
}

QTEST_GUILESS_MAIN(tst_TradeFields)
#include "tst_tradefields.moc"

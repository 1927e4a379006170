// SPDX-License-Identifier: GPL-3.0-or-later
// The statistics per signal trader against rows worked out by hand: TradeStatistics'
// definitions, the same figures read from a history file (TradeReader::statistics, in close
// order whatever order the trades were recorded in), and what TraderStatisticsModel shows.
#include "domain/tone.h"
#include "domain/tradestatistics.h"
#include "fixtures.h"
#include "history/closedtradestore.h"
#include "history/tradereader.h"
#include "models/closedtradesmodel.h"
#include "models/traderstatisticsmodel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace Qt::StringLiterals;

namespace {

const Account kAccount = Account::of(QUrl(u"wss://feed.example.com/ws"_s), 10260);
constexpr qint64 kStart = 1732500000000; // the first trade closes a minute after
constexpr qint64 kHeld = 30 * 60 * 1000; // every trade is held half an hour

qint64 closeOf(int index)
{
    return kStart + (index + 1) * 60000;
}

// Trades in close order from "88:100 own:20 77:2/-1.5/-2": whose (a signal trader's id, or
// own), then profit[/swap/commission]. Each is 0.1 lots, held half an hour, ticket 1000 + its
// place; trade i closes closeOf(i).
QList<ClosedTrade> tradesFrom(const QString &text)
{
    QList<ClosedTrade> trades;
    const QStringList items = text.split(u' ', Qt::SkipEmptyParts);
    for (int i = 0; i < items.size(); ++i) {
        const QStringList parts = items.at(i).split(u':');
        const QStringList money = parts.value(1).split(u'/');
        const bool own = parts.at(0) == u"own"_s;
        QJsonObject fields{{u"ticket"_s, 1000 + i},
                           {u"symbol"_s, i % 2 ? u"EURUSD"_s : u"XAUUSD"_s},
                           {u"volume"_s, 0.1},
                           {u"openTime"_s, closeOf(i) - kHeld},
                           {u"closeTime"_s, closeOf(i)},
                           {u"profit"_s, money.value(0).toDouble()},
                           {u"swap"_s, money.value(1).toDouble()},
                           {u"commission"_s, money.value(2).toDouble()},
                           {u"flwsig"_s, !own},
                           {u"sigtraderid"_s, own ? 0 : parts.at(0).toLongLong()}};
        trades.append(Fixtures::trade(R"({"reason":"manual"})", fields));
    }
    return trades;
}

// "n=3 w=2 l=1 net=120 gp=150 gl=-30 pf=5 lw=100 ll=-30 dd=30 from=0 to=1 costs=0": a row's
// figures by hand. pf is a number, "inf" or "none"; from and to are trades' places (from
// "start": the running sum's 0, before any trade).
QHash<QString, QString> figuresFrom(const QString &text)
{
    QHash<QString, QString> figures;
    for (const QString &item : text.split(u' ', Qt::SkipEmptyParts)) {
        const qsizetype at = item.indexOf(u'=');
        figures.insert(item.left(at), item.mid(at + 1));
    }
    return figures;
}

struct Scenario
{
    QString trades;
    // Whose row ("88", "own", "total") -> its figures.
    QList<std::pair<QString, QString>> rows;
};

const TraderStatistics::Row *rowOf(const TraderStatistics &statistics, const QString &who)
{
    if (who == u"total"_s)
        return &statistics.total();
    if (who == u"own"_s)
        return statistics.own();
    return statistics.signalTrader(who.toLongLong());
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

// A history file of some trades, shown as Closed Trades shows "All", with the statistics of
// it and a model tester on them.
struct Shown
{
    Shown(const QString &path, const QList<ClosedTrade> &trades)
    {
        ok = store.open(path) && store.record(kAccount, trades);
        closed.setSource(&store, kAccount);
        closed.setPeriod(ClosedTradesModel::Period::All);
    }
    // Both read (off the GUI thread).
    bool read() const { return !closed.isReading() && !statistics.isReading(); }
    QString text(int row, int column) const
    {
        return statistics.index(row, column).data().toString();
    }

    ClosedTradeStore store;
    bool ok = false;
    ClosedTradesModel closed;
    TraderStatisticsModel statistics{&closed};
    QAbstractItemModelTester tester{&statistics,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest};
};

} // namespace

Q_DECLARE_METATYPE(Scenario)

class tst_TradeStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void figures_data();
    void figures();
    void readFromTheFileInCloseOrder_data() { figures_data(); }
    void readFromTheFileInCloseOrder();
    void modelShowsEachTraderAndTheTotal();
    void modelFollowsTheFilterButKeepsEveryTrader();
    void modelReadsAgainWhenTradesAreRecorded();

private:
    void check(const TraderStatistics &statistics, const Scenario &scenario);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_TradeStatistics::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_TradeStatistics::figures_data()
{
    QTest::addColumn<Scenario>("scenario");
    // Three traders and own trades, interleaved: each row on its own, and the total.
    QTest::addRow("several signal traders")
        << Scenario{u"88:100 77:-50 88:-30 own:20 77:10 88:50"_s,
                    {{u"88"_s, u"n=3 w=2 l=1 net=120 gp=150 gl=-30 pf=5 aw=75 al=-30 lw=100 "
                               "ll=-30 dd=30 from=0 to=2 costs=0 lots=0.3"_s},
                     {u"77"_s, u"n=2 w=1 l=1 net=-40 gp=10 gl=-50 pf=0.2 aw=10 al=-50 lw=10 "
                               "ll=-50 dd=50 from=start to=1 costs=0 lots=0.2"_s},
                     {u"own"_s, u"n=1 w=1 l=0 net=20 gp=20 gl=0 pf=inf aw=20 al=none lw=20 "
                                "ll=0 dd=0 costs=0 lots=0.1"_s},
                     {u"total"_s, u"n=6 w=4 l=2 net=100 gp=180 gl=-80 pf=2.25 aw=45 al=-40 "
                                  "lw=100 ll=-50 dd=80 from=0 to=2 costs=0 lots=0.6"_s}}};
    QTest::addRow("no losses") << Scenario{
        u"5:10 5:20"_s,
        {{u"5"_s, u"n=2 w=2 l=0 net=30 gp=30 gl=0 pf=inf aw=15 al=none lw=20 ll=0 "
                  "dd=0"_s},
         {u"total"_s, u"n=2 pf=inf dd=0"_s}}};
    QTest::addRow("a single trade")
        << Scenario{u"5:-7"_s,
                    {{u"5"_s, u"n=1 w=0 l=1 net=-7 gp=0 gl=-7 pf=0 aw=none al=-7 "
                              "lw=0 ll=-7 dd=7 from=start to=0"_s}}};
    QTest::addRow("a drawdown that recovers")
        << Scenario{u"5:50 5:-30 5:40 5:-10"_s, {{u"5"_s, u"n=4 net=50 dd=30 from=0 to=1"_s}}};
    QTest::addRow("a drawdown that does not recover")
        << Scenario{u"5:50 5:-30 5:10 5:-40"_s, {{u"5"_s, u"n=4 net=-10 dd=60 from=0 to=3"_s}}};
    // Back at the same peak, then a deeper fall: measured from where it was last at the peak.
    QTest::addRow("a drawdown from a peak reached again")
        << Scenario{u"5:50 5:-30 5:30 5:-40"_s, {{u"5"_s, u"n=4 net=10 dd=40 from=2 to=3"_s}}};
    // A profit of 2 that swap and commission turn into a net of -1.5: a loss.
    QTest::addRow("costs turn a winning profit into a losing net")
        << Scenario{u"5:2/-1.5/-2 5:10"_s,
                    {{u"5"_s, u"n=2 w=1 l=1 net=8.5 gp=10 gl=-1.5 pf=6.666666666666667 "
                              "aw=10 al=-1.5 lw=10 ll=-1.5 costs=-3.5 dd=1.5 from=start to=0"_s}}};
    QTest::addRow("a net of zero is neither")
        << Scenario{u"own:1/0/-1"_s,
                    {{u"own"_s, u"n=1 w=0 l=0 net=0 pf=none aw=none al=none dd=0 costs=-1"_s}}};
    QTest::addRow("nothing") << Scenario{QString(), {{u"total"_s, u"n=0 pf=none dd=0"_s}}};
}

void tst_TradeStatistics::check(const TraderStatistics &statistics, const Scenario &scenario)
{
    QCOMPARE(statistics.rows.constLast().kind, TraderStatistics::Row::Kind::Total);
    for (const auto &[who, text] : scenario.rows) {
        const TraderStatistics::Row *row = rowOf(statistics, who);
        QVERIFY2(row, qPrintable(u"no row for "_s + who));
        const TradeStatistics &s = row->figures;
        const QHash<QString, QString> expected = figuresFrom(text);
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const QString &key = it.key();
            const QString &value = it.value();
            const auto optional = [&](const std::optional<double> &actual) {
                if (value == u"none"_s)
                    return !actual.has_value();
                if (value == u"inf"_s)
                    return actual && std::isinf(*actual);
                return actual && near(*actual, value.toDouble());
            };
            const auto time = [&](qint64 actual) {
                return value == u"start"_s ? actual == 0 : actual == closeOf(value.toInt());
            };
            const QHash<QString, std::function<bool()>> checks{
                {u"n"_s, [&] { return s.trades == value.toInt(); }},
                {u"w"_s, [&] { return s.wins == value.toInt(); }},
                {u"l"_s, [&] { return s.losses == value.toInt(); }},
                {u"net"_s, [&] { return near(s.net, value.toDouble()); }},
                {u"gp"_s, [&] { return near(s.grossProfit, value.toDouble()); }},
                {u"gl"_s, [&] { return near(s.grossLoss, value.toDouble()); }},
                {u"pf"_s, [&] { return optional(s.profitFactor()); }},
                {u"aw"_s, [&] { return optional(s.averageWin()); }},
                {u"al"_s, [&] { return optional(s.averageLoss()); }},
                {u"lw"_s, [&] { return near(s.largestWin, value.toDouble()); }},
                {u"ll"_s, [&] { return near(s.largestLoss, value.toDouble()); }},
                {u"dd"_s, [&] { return near(s.maxDrawdown, value.toDouble()); }},
                {u"from"_s, [&] { return time(s.drawdownFrom); }},
                {u"to"_s, [&] { return time(s.drawdownTo); }},
                {u"costs"_s, [&] { return near(s.costs, value.toDouble()); }},
                {u"lots"_s, [&] { return near(s.lots, value.toDouble()); }},
            };
            QVERIFY2(checks.contains(key), qPrintable(u"unknown figure "_s + key));
            QVERIFY2(checks.value(key)(), qPrintable(u"%1's %2 is not %3 (trades %4)"_s.arg(
                                              who, key, value, scenario.trades)));
        }
        if (s.trades > 0) {
            QCOMPARE(s.winRate().value(), double(s.wins) / s.trades);
            QCOMPARE(s.averageHolding().value(), kHeld);
        } else {
            QVERIFY(!s.winRate() && !s.averageHolding());
        }
        QVERIFY(near(s.net, s.grossProfit + s.grossLoss));
    }
}

void tst_TradeStatistics::figures()
{
    QFETCH(Scenario, scenario);
    check(TraderStatistics::of(tradesFrom(scenario.trades)), scenario);
}

void tst_TradeStatistics::readFromTheFileInCloseOrder()
{
    QFETCH(Scenario, scenario);
    QList<ClosedTrade> trades = tradesFrom(scenario.trades);
    // Recorded in any order, and among another account's and another period's trades.
    std::shuffle(trades.begin(), trades.end(), std::mt19937(7));
    ClosedTradeStore store;
    QVERIFY(store.open(m_dir->filePath(QString::fromLatin1(QTest::currentDataTag()) + u".db"_s)));
    QVERIFY(store.record(kAccount, trades));
    QVERIFY(
        store.record(Account::of(QUrl(u"wss://other.example.com"_s), 1), tradesFrom(u"5:-1000"_s)));
    QList<ClosedTrade> earlier = tradesFrom(u"5:-1000 own:-5"_s);
    for (ClosedTrade &t : earlier) {
        t.closeTime -= 86400000;
        t.position.ticket += 100;
    }
    QVERIFY(store.record(kAccount, earlier));
    TradeQuery query;
    query.account = kAccount;
    query.from = kStart;
    const std::optional<TraderStatistics> read = TradeReader(&store).statistics(query);
    QVERIFY(read);
    check(*read, scenario);
}

void tst_TradeStatistics::modelShowsEachTraderAndTheTotal()
{
    QList<ClosedTrade> trades = tradesFrom(u"88:100 77:-50 88:-30 own:20 77:10 88:50"_s);
    for (ClosedTrade &t : trades) {
        if (t.position.sigtraderid == 88)
            t.position.signame = u"AlphaTrend FX"_s;
    }
    Shown shown(m_dir->filePath(u"model.db"_s), trades);
    QVERIFY(shown.ok);
    TraderStatisticsModel &model = shown.statistics;
    QTRY_VERIFY(shown.read());
    QCOMPARE(model.rowCount(), 4);
    const auto text = [&](int row, int column) { return shown.text(row, column); };
    // Traders by id, own, then the total.
    QCOMPARE(text(0, TraderStatisticsModel::TraderColumn), u"#77"_s);
    QCOMPARE(text(1, TraderStatisticsModel::TraderColumn), u"AlphaTrend FX"_s);
    QCOMPARE(text(2, TraderStatisticsModel::TraderColumn), u"Own trades"_s);
    QCOMPARE(text(3, TraderStatisticsModel::TraderColumn), u"Total"_s);
    QVERIFY(model.index(3, 0).data(TraderStatisticsModel::TotalRole).toBool());
    QCOMPARE(text(1, TraderStatisticsModel::TradesColumn), u"3"_s);
    QCOMPARE(text(1, TraderStatisticsModel::WinRateColumn), u"66.7%"_s);
    QCOMPARE(text(1, TraderStatisticsModel::NetColumn), u"120.00"_s);
    QCOMPARE(text(1, TraderStatisticsModel::ProfitFactorColumn), u"5.00"_s);
    QCOMPARE(text(1, TraderStatisticsModel::MaxDrawdownColumn), u"30.00"_s);
    QCOMPARE(text(1, TraderStatisticsModel::LotsColumn), u"0.30"_s);
    QCOMPARE(text(1, TraderStatisticsModel::AverageHoldingColumn), u"30 min"_s);
    QCOMPARE(text(0, TraderStatisticsModel::ProfitFactorColumn), u"0.20"_s);
    QCOMPARE(text(0, TraderStatisticsModel::NetColumn), u"-40.00"_s);
    QCOMPARE(model.index(0, TraderStatisticsModel::NetColumn)
                 .data(TraderStatisticsModel::ToneRole)
                 .value<Tone>(),
             Tone::Loss);
    // No loss: an infinite factor, and no average or largest loss rather than a zero.
    QCOMPARE(text(2, TraderStatisticsModel::ProfitFactorColumn), u"∞"_s);
    QCOMPARE(text(2, TraderStatisticsModel::AverageLossColumn), u"–"_s);
    QCOMPARE(text(2, TraderStatisticsModel::LargestLossColumn), u"–"_s);
    QCOMPARE(text(3, TraderStatisticsModel::TradesColumn), u"6"_s);
    QCOMPARE(text(3, TraderStatisticsModel::MaxDrawdownColumn), u"80.00"_s);
    // Every header says what it means.
    for (int column = 0; column < TraderStatisticsModel::ColumnCount; ++column)
        QVERIFY(!model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());

    // Sorted by net, best first: the total stays last.
    model.sort(TraderStatisticsModel::NetColumn, Qt::DescendingOrder);
    QCOMPARE(text(0, TraderStatisticsModel::TraderColumn), u"AlphaTrend FX"_s);
    QCOMPARE(text(1, TraderStatisticsModel::TraderColumn), u"Own trades"_s);
    QCOMPARE(text(2, TraderStatisticsModel::TraderColumn), u"#77"_s);
    QCOMPARE(text(3, TraderStatisticsModel::TraderColumn), u"Total"_s);
    model.sort(TraderStatisticsModel::NetColumn, Qt::AscendingOrder);
    QCOMPARE(text(0, TraderStatisticsModel::TraderColumn), u"#77"_s);
    QCOMPARE(text(3, TraderStatisticsModel::TraderColumn), u"Total"_s);
}

void tst_TradeStatistics::modelFollowsTheFilterButKeepsEveryTrader()
{
    Shown shown(m_dir->filePath(u"filter.db"_s),
                tradesFrom(u"88:100 77:-50 88:-30 own:20 77:10 88:50"_s));
    QVERIFY(shown.ok);
    ClosedTradesModel &tradesModel = shown.closed;
    TraderStatisticsModel &model = shown.statistics;
    QTRY_VERIFY(shown.read());
    QCOMPARE(model.shownRow(), 3);
    QCOMPARE(model.shownFigures()->trades, 6);

    // A click on trader 88's row: the table shows its trades, the statistics every trader
    // still, and 88's row is the one shown.
    const PositionFilter only88 = model.filterFor(1);
    QCOMPARE(only88.signalTraderId, 88);
    QSignalSpy changed(&model, &TraderStatisticsModel::statisticsChanged);
    tradesModel.setFilter(only88);
    QTRY_VERIFY(changed.count() > 0);
    QTRY_VERIFY(shown.read());
    QCOMPARE(tradesModel.totals().count, 3);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.shownRow(), 1);
    QCOMPARE(model.shownFigures()->maxDrawdown, 30.0);
    // The own row means Mine; the total, every trader again.
    QCOMPARE(model.filterFor(2).mode, PositionFilter::Mode::Mine);
    QCOMPARE(model.filterFor(3).signalTraderId, 0);
    QCOMPARE(model.filterFor(3).mode, PositionFilter::Mode::All);

    // The symbol chosen narrows every row: trades 0, 2, 4 are gold.
    PositionFilter gold;
    gold.symbol = u"XAUUSD"_s;
    tradesModel.setFilter(gold);
    QTRY_VERIFY(shown.read());
    QTRY_COMPARE(
        model.index(model.rowCount() - 1, TraderStatisticsModel::TradesColumn).data().toString(),
        u"3"_s);
    QCOMPARE(model.rowCount(), 3); // 88 (trades 0 and 2), 77 (trade 4), the total
    QCOMPARE(model.index(1, TraderStatisticsModel::NetColumn).data().toString(), u"70.00"_s);
}

void tst_TradeStatistics::modelReadsAgainWhenTradesAreRecorded()
{
    Shown shown(m_dir->filePath(u"recorded.db"_s), tradesFrom(u"88:100"_s));
    QVERIFY(shown.ok);
    TraderStatisticsModel &model = shown.statistics;
    QTRY_VERIFY(shown.read());
    QCOMPARE(model.rowCount(), 2);
    QList<ClosedTrade> more = tradesFrom(u"88:0 own:-40"_s);
    more.removeFirst();
    QVERIFY(shown.store.record(kAccount, more));
    QTRY_COMPARE(model.rowCount(), 3);
    QTRY_VERIFY(!model.isReading());
    QCOMPARE(model.index(2, TraderStatisticsModel::NetColumn).data().toString(), u"60.00"_s);
    QCOMPARE(model.index(2, TraderStatisticsModel::MaxDrawdownColumn).data().toString(),
             u"40.00"_s);
}

QTEST_GUILESS_MAIN(tst_TradeStatistics)
#include "tst_tradestatistics.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/tone.h"
#include "fixtures.h"
#include "history/closedtradestore.h"
#include "models/closedtradesfiltermodel.h"
#include "models/closedtradesmodel.h"
#include "testclocks.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using Period = ClosedTradesModel::Period;

namespace {

const Account kAccount = Account::of(QUrl(QStringLiteral("wss://feed.example.com/p")), 10260);

qint64 at(const QDate &date, int hour)
{
    return QDateTime(date, QTime(hour, 0)).toMSecsSinceEpoch();
}

// A gold trade closed at its take-profit an hour after it opened.
constexpr char kTrade[] = R"({"symbol":"XAUUSD","volume":0.1,"openPrice":2300.5,
    "closePrice":2310.25,"reason":"tp"})";

ClosedTrade aTrade(qint64 ticket, qint64 closeTime, double profit, double swap, double commission)
{
    return Fixtures::trade(kTrade, {{u"ticket"_s, ticket},
                                    {u"openTime"_s, closeTime - 3600000},
                                    {u"closeTime"_s, closeTime},
                                    {u"profit"_s, profit},
                                    {u"swap"_s, swap},
                                    {u"commission"_s, commission}});
}

} // namespace

class tst_ClosedTradesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void periodsSelectTheRightTrades_data();
    void periodsSelectTheRightTrades();
    void totals();
    void reloadsWhenTradesAreRecorded();
    void weekStartsOnMonday();
    void showsOneAccountAndCountsUnconfirmed();
    void filterProxyTotalsWhatItShows();
};

void tst_ClosedTradesModel::periodsSelectTheRightTrades_data()
{
    QTest::addColumn<Period>("period");
    QTest::addColumn<QList<qint64>>("tickets");
    // "Now" is Wednesday 2024-11-27 15:00 local time.
    QTest::addRow("Today") << Period::Today << QList<qint64>{1};
    QTest::addRow("This week") << Period::ThisWeek << QList<qint64>{1, 2};
    QTest::addRow("This month") << Period::ThisMonth << QList<qint64>{1, 2, 3};
    QTest::addRow("All") << Period::All << QList<qint64>{1, 2, 3, 4};
    QTest::addRow("Custom") << Period::Custom << QList<qint64>{2, 3};
}

void tst_ClosedTradesModel::periodsSelectTheRightTrades()
{
    QFETCH(Period, period);
    QFETCH(QList<qint64>, tickets);
    QTemporaryDir dir;
    ClosedTradeStore store;
    QVERIFY(store.open(dir.filePath(u"h.sqlite"_s)));
    const QDate wednesday(2024, 11, 27);
    QVERIFY2(store.record(kAccount, {aTrade(1, at(wednesday, 9), 10, 0, -1),               // today
                                     aTrade(2, at(wednesday.addDays(-2), 23), 20, -2, -1), // Monday
                                     aTrade(3, at(QDate(2024, 11, 2), 12), -5, 0, -1), // this month
                                     aTrade(4, at(QDate(2024, 10, 31), 23), 7, 0, -1)}),
             qPrintable(store.lastError())); // last month
    FixedClock clock;
    clock.now = at(wednesday, 15);
    ClosedTradesModel model(&store, kAccount);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClock(&clock);
    if (period == Period::Custom)
        model.setCustomRange(QDate(2024, 11, 25), QDate(2024, 11, 2)); // either order
    else
        model.setPeriod(period);
    QList<qint64> shown;
    for (const ClosedTrade &t : model.trades())
        shown.append(t.position.ticket);
    QCOMPARE(shown, tickets);
    QCOMPARE(model.rowCount(), tickets.size());
}

void tst_ClosedTradesModel::totals()
{
    QTemporaryDir dir;
    ClosedTradeStore store;
    QVERIFY(store.open(dir.filePath(u"h.sqlite"_s)));
    QVERIFY(store.record(
        kAccount, {aTrade(1, 1000000, 100.0, -3.5, -2.0), aTrade(2, 2000000, -40.0, 1.25, -2.0)}));
    ClosedTradesModel model(&store, kAccount);
    model.setPeriod(Period::All);
    const ClosedTradesModel::Totals t = model.totals();
    QCOMPARE(t.count, 2);
    QCOMPARE(t.profit, 60.0);
    QCOMPARE(t.swap, -2.25);
    QCOMPARE(t.commission, -4.0);
    QCOMPARE(t.net(), 53.75);
    QCOMPARE(model.index(0, ClosedTradesModel::ClosePriceColumn).data().toString().remove(u','),
             u"2310.25"_s);
    QCOMPARE(model.index(0, ClosedTradesModel::ReasonColumn).data().toString(), u"Take profit"_s);
    // Newest first: the loss, then the gain, each in its tone.
    QCOMPARE(model.index(0, ClosedTradesModel::ProfitColumn)
                 .data(ClosedTradesModel::ToneRole)
                 .value<Tone>(),
             Tone::Loss);
    QCOMPARE(model.index(1, ClosedTradesModel::ProfitColumn)
                 .data(ClosedTradesModel::ToneRole)
                 .value<Tone>(),
             Tone::Gain);
}

void tst_ClosedTradesModel::reloadsWhenTradesAreRecorded()
{
    QTemporaryDir dir;
    ClosedTradeStore store;
    QVERIFY(store.open(dir.filePath(u"h.sqlite"_s)));
    ClosedTradesModel model(&store, kAccount);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPeriod(Period::All);
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy totalsChanged(&model, &ClosedTradesModel::totalsChanged);
    QVERIFY(store.record(kAccount, {aTrade(1, 1000, 1, 0, 0)}));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(totalsChanged.count(), 1);
}

void tst_ClosedTradesModel::weekStartsOnMonday()
{
    const QDateTime sunday(QDate(2024, 12, 1), QTime(20, 0));
    const auto [from, to] = ClosedTradesModel::range(Period::ThisWeek, sunday);
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(from).date(), QDate(2024, 11, 25));
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(to).date(), QDate(2024, 12, 2));
}

void tst_ClosedTradesModel::showsOneAccountAndCountsUnconfirmed()
{
    QTemporaryDir dir;
    ClosedTradeStore store;
    QVERIFY(store.open(dir.filePath(u"h.sqlite"_s)));
    const Account other = Account::of(QUrl(u"ws://other.example/"_s), 1);
    ClosedTrade vanished = aTrade(2, 2000, -4.0, 0, 0);
    vanished.reason = ClosedTrade::Reason::Unknown;
    QVERIFY(store.record(kAccount, {aTrade(1, 1000, 10.0, 0, 0), vanished}));
    QVERIFY(store.record(other, {aTrade(1, 1000, 99.0, 0, 0)}));
    ClosedTradesModel model(&store, kAccount);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPeriod(Period::All);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.totals().profit, 6.0);
    QCOMPARE(model.totals().unconfirmed, 1);
    const QModelIndex reason = model.index(0, ClosedTradesModel::ReasonColumn);
    QCOMPARE(reason.data().toString(), u"Closed while offline (unconfirmed)"_s);
    QCOMPARE(reason.data(ClosedTradesModel::ConfirmedRole).toBool(), false);
    QVERIFY(!reason.data(Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(model.index(1, 0).data(ClosedTradesModel::ConfirmedRole).toBool(), true);

    // The other account, from the same store.
    model.setSource(&store, other);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.totals().profit, 99.0);
    QCOMPARE(model.totals().unconfirmed, 0);

    // Withdrawn (seen open again): gone from the table and the totals.
    model.setSource(&store, kAccount);
    QCOMPARE(store.withdrawProvisional(kAccount, {2}), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.totals().unconfirmed, 0);
}

QTEST_GUILESS_MAIN(tst_ClosedTradesModel)
#include "tst_closedtradesmodel.moc"

void tst_ClosedTradesModel::filterProxyTotalsWhatItShows()
{
    QTemporaryDir dir;
    ClosedTradeStore store;
    QVERIFY(store.open(dir.filePath(u"h.sqlite"_s)));
    const qint64 close = at(QDate(2024, 11, 27), 9);
    ClosedTrade copied = aTrade(2, close, 20, -2, -1);
    copied.position.flwsig = true;
    copied.position.sigtraderid = 88001;
    ClosedTrade euro = aTrade(3, close, -5, 0, -1);
    euro.position.symbol = u"EURUSD"_s;
    QVERIFY(store.record(kAccount, {aTrade(1, close, 10, 0, -1), copied, euro}));
    ClosedTradesModel model(&store, kAccount);
    model.setPeriod(Period::All);
    ClosedTradesFilterModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    QSignalSpy shown(&proxy, &ClosedTradesFilterModel::shownChanged);

    PositionFilter filter;
    filter.mode = PositionFilter::Mode::Mine;
    proxy.setFilter(filter);
    QCOMPARE(shown.count(), 1);
    QCOMPARE(proxy.rowCount(), 2);
    ClosedTradesModel::Totals totals = proxy.totals();
    QCOMPARE(totals.count, 2);
    QCOMPARE(totals.of, 3);
    QCOMPARE(totals.net(), 10.0 - 1 - 5 - 1);

    filter.symbol = u"eurusd"_s;
    proxy.setFilter(filter);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.tradeAt(0).position.ticket, 3);

    filter = {};
    filter.mode = PositionFilter::Mode::Following;
    filter.signalTraderId = 88001;
    proxy.setFilter(filter);
    QCOMPARE(proxy.shownTrades().size(), 1);
    QCOMPARE(proxy.totals().net(), 17.0);
    // A new trade recorded: the proxy follows the model.
    ClosedTrade another = copied;
    another.position.ticket = 4;
    QVERIFY(store.record(kAccount, {another}));
    QCOMPARE(proxy.rowCount(), 2);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/tone.h"
#include "fixtures.h"
#include "history/closedtradestore.h"
#include "history/tradereader.h"
#include "models/closedtradesmodel.h"
#include "models/performance.h"
#include "referenceclosedtrades.h"
#include "testclocks.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
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
    void netColumnIsWhatTheTradeAddedToTheBalance();
    void allComesFromTheHistoryKept();
    void reloadsWhenTradesAreRecorded();
    void weekStartsOnMonday();
    void showsOneAccountAndCountsUnconfirmed();
    void everyAccountsTradesInOneCloseOrder();
    void everyAccountsTradesAreExportedEachWithItsAccount();
    void everyAccountsFiguresFollowOneCloseOrder();
    void filtersTotalWhatTheyShow();
    void theSqlModelAgreesWithTheFirstReleases_data();
    void theSqlModelAgreesWithTheFirstReleases();
    void manyBatchesAreOneReload();
    void rowsFarDownArriveWithoutHoldingTheView();
    void daysAreLocalInEveryZone_data();
    void daysAreLocalInEveryZone();
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
    QTRY_VERIFY(!model.isReading()); // read off the GUI thread
    QList<qint64> shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown.append(model.tradeAt(row).position.ticket);
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
    QTRY_VERIFY(!model.isReading()); // read off the GUI thread
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

void tst_ClosedTradesModel::netColumnIsWhatTheTradeAddedToTheBalance()
{
    // A profit that swap and commission turn into a loss: the Net column says so, in its tone,
    // and sorts by it.
    QTemporaryDir dir;
    ClosedTradeStore store;
    QVERIFY(store.open(dir.filePath(u"h.sqlite"_s)));
    QVERIFY(store.record(kAccount,
                         {aTrade(1, 1000000, 2.0, -1.5, -2.0), aTrade(2, 2000000, 10.0, 0.0, -1.0),
                          aTrade(3, 3000000, -4.0, 0.0, 0.0)}));
    ClosedTradesModel model(&store, kAccount);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPeriod(Period::All);
    QTRY_VERIFY(!model.isReading());
    QCOMPARE(model.headerData(ClosedTradesModel::NetColumn, Qt::Horizontal).toString(), u"Net"_s);
    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };
    QCOMPARE(cell(2, ClosedTradesModel::TicketColumn).toString(), u"1"_s);
    QCOMPARE(cell(2, ClosedTradesModel::NetColumn).toString(), u"-1.50"_s);
    QCOMPARE(cell(2, ClosedTradesModel::ProfitColumn, ClosedTradesModel::ToneRole).value<Tone>(),
             Tone::Gain);
    QCOMPARE(cell(2, ClosedTradesModel::NetColumn, ClosedTradesModel::ToneRole).value<Tone>(),
             Tone::Loss);
    model.sort(ClosedTradesModel::NetColumn, Qt::AscendingOrder);
    // Read off the GUI thread: row 1 is the first to differ from the order before.
    QTRY_COMPARE(cell(1, ClosedTradesModel::TicketColumn).toString(), u"1"_s);
    QCOMPARE(cell(0, ClosedTradesModel::TicketColumn).toString(), u"3"_s);
    QCOMPARE(cell(2, ClosedTradesModel::TicketColumn).toString(), u"2"_s);
    QCOMPARE(cell(2, ClosedTradesModel::NetColumn).toString(), u"9.00"_s);
}

void tst_ClosedTradesModel::allComesFromTheHistoryKept()
{
    // The history is kept per day in the background; "All" then shows what the file holds,
    // trades recorded after it was kept included.
    QTemporaryDir dir;
    ClosedTradeStore store;
    QVERIFY(store.open(dir.filePath(u"h.sqlite"_s)));
    QList<ClosedTrade> trades;
    for (int i = 0; i < 400; ++i)
        trades.append(aTrade(i + 1, at(QDate(2023, 1, 1).addDays(i * 2), 10), i % 7 - 3.0, 0, -1));
    QVERIFY(store.record(kAccount, trades));
    ClosedTradesModel model(&store, kAccount);
    QAbstractItemModelTester tester(&model);
    QSignalSpy kept(&model, &ClosedTradesModel::historyKept);
    QTRY_VERIFY(model.isHistoryKept());
    QCOMPARE(kept.size(), 1);
    QVERIFY(store.record(kAccount, {aTrade(9999, at(QDate(2023, 2, 1), 12), 1000, 0, -1)}));
    model.setPeriod(Period::All);
    QTRY_VERIFY(!model.isReading());
    trades.append(aTrade(9999, at(QDate(2023, 2, 1), 12), 1000, 0, -1));
    double net = 0;
    for (const ClosedTrade &t : std::as_const(trades))
        net += t.position.net();
    QCOMPARE(model.totals().count, 401);
    QCOMPARE(model.rowCount(), 401);
    QVERIFY(std::abs(model.totals().net() - net) < 1e-9);
    QCOMPARE(model.performance().days.size(), 401);
}

void tst_ClosedTradesModel::reloadsWhenTradesAreRecorded()
{
    QTemporaryDir dir;
    ClosedTradeStore store;
    QVERIFY(store.open(dir.filePath(u"h.sqlite"_s)));
    ClosedTradesModel model(&store, kAccount);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPeriod(Period::All);
    QTRY_VERIFY(!model.isReading());
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy totalsChanged(&model, &ClosedTradesModel::totalsChanged);
    QVERIFY(store.record(kAccount, {aTrade(1, 1000, 1, 0, 0)}));
    QTRY_COMPARE(model.rowCount(), 1);
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
    QTRY_VERIFY(!model.isReading()); // read off the GUI thread
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
    QTRY_VERIFY(!model.isReading()); // read off the GUI thread
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.totals().profit, 99.0);
    QCOMPARE(model.totals().unconfirmed, 0);

    // Withdrawn (seen open again): gone from the table and the totals.
    model.setSource(&store, kAccount);
    QTRY_VERIFY(!model.isReading()); // read off the GUI thread
    QCOMPARE(store.withdrawProvisional(kAccount, {2}), 1);
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.totals().unconfirmed, 0);
}

void tst_ClosedTradesModel::everyAccountsTradesInOneCloseOrder()
{
    // Two accounts in one file, ticket 7 at both, closed at the same moment: every account's
    // trades are one list in close order (the newest first), each row saying whose it is,
    // with the totals, choices and statistics' selection of them all.
    QTemporaryDir dir;
    ClosedTradeStore store;
    QVERIFY(store.open(dir.filePath(u"h.sqlite"_s)));
    const Account other = Account::of(QUrl(u"ws://other.example/"_s), 1);
    ClosedTrade copied = aTrade(9, 4000000, 3.0, 0, 0);
    copied.position.flwsig = true;
    copied.position.sigtraderid = 55;
    copied.position.signame = u"Gold Bull"_s;
    QVERIFY(store.record(kAccount, {aTrade(1, 1000000, 10.0, 0, 0), aTrade(2, 3000000, 20.0, 0, 0),
                                    aTrade(7, 5000000, 1.0, 0, 0)}));
    QVERIFY(store.record(
        other, {aTrade(7, 5000000, 100.0, 0, 0), aTrade(3, 2000000, 200.0, 0, 0), copied}));
    ClosedTradesModel model(&store, kAccount);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAccountNames({{kAccount.key(), u"Main"_s}});
    model.setPeriod(Period::All);
    QTRY_VERIFY(!model.isReading());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, ClosedTradesModel::AccountColumn).data().toString(), u"Main"_s);

    model.setAllAccounts(true);
    QVERIFY(model.isReading());
    QTRY_VERIFY(!model.isReading());
    const auto shown = [&model] {
        QStringList rows;
        for (int row = 0; row < model.rowCount(); ++row)
            rows << model.index(row, ClosedTradesModel::TicketColumn).data().toString() + u' ' +
                        model.index(row, ClosedTradesModel::AccountColumn).data().toString();
        return rows;
    };
    // The two 7s: one moment, one ticket; the account's key orders them, the same every time.
    const QString otherName = other.displayName();
    const QStringList sevens = kAccount.key() > other.key()
                                   ? QStringList{u"7 Main"_s, u"7 "_s + otherName}
                                   : QStringList{u"7 "_s + otherName, u"7 Main"_s};
    const QStringList rest = {u"9 "_s + otherName, u"2 Main"_s, u"3 "_s + otherName, u"1 Main"_s};
    QCOMPARE(shown(), sevens + rest);
    QCOMPARE(model.accountAt(5), kAccount);
    QCOMPARE(model.accountAt(2), other);
    QCOMPARE(model.totals().count, 6);
    QCOMPARE(model.totals().profit, 334.0);
    QCOMPARE(model.signalTraders().value(55), u"Gold Bull"_s);
    QVERIFY(model.query().allAccounts);
    QCOMPARE(model.account(), kAccount); // still the page's own

    // Sorted by whose, then the history's own order within each account.
    model.sort(ClosedTradesModel::AccountColumn, Qt::AscendingOrder);
    QTRY_VERIFY(!model.isReading());
    const QStringList byAccount = shown();
    const QStringList mains = {u"7 Main"_s, u"2 Main"_s, u"1 Main"_s};
    const QStringList others = {u"7 "_s + otherName, u"9 "_s + otherName, u"3 "_s + otherName};
    QCOMPARE(byAccount, kAccount.key() < other.key() ? mains + others : others + mains);
    model.sort(-1);
    QTRY_VERIFY(!model.isReading());

    // A filter applies to every account's trades: only the one copying a signal trader.
    PositionFilter following;
    following.mode = PositionFilter::Mode::Following;
    model.setFilter(following);
    QTRY_VERIFY(!model.isReading());
    QCOMPARE(shown(), QStringList{u"9 "_s + otherName});

    // Trades an account records later are read as the period's.
    model.setFilter({});
    QTRY_VERIFY(!model.isReading());
    QVERIFY(store.record(other, {aTrade(11, 6000000, 1.0, 0, 0)}));
    QTRY_COMPARE(model.rowCount(), 7);
    QCOMPARE(shown().constFirst(), u"11 "_s + otherName);

    // Back to one account: its trades alone.
    model.setAllAccounts(false);
    QTRY_VERIFY(!model.isReading());
    QCOMPARE(shown(), (QStringList{u"7 Main"_s, u"2 Main"_s, u"1 Main"_s}));
}

void tst_ClosedTradesModel::everyAccountsTradesAreExportedEachWithItsAccount()
{
    QTemporaryDir dir;
    ClosedTradeStore store;
    QVERIFY(store.open(dir.filePath(u"h.sqlite"_s)));
    const Account other = Account::of(QUrl(u"ws://other.example/"_s), 1);
    QVERIFY(store.record(kAccount, {aTrade(7, 5000000, 1.0, 0, 0), aTrade(1, 1000000, 1.0, 0, 0)}));
    QVERIFY(store.record(other, {aTrade(7, 5000000, 100.0, 0, 0)}));
    TradeQuery query;
    query.account = kAccount;
    query.allAccounts = true;
    ClosedTradeStore::CsvOptions options;
    options.byteOrderMark = false;
    options.account = u"not used"_s;
    options.accountNames = {{kAccount.key(), u"Main live"_s}};
    QBuffer out;
    QVERIFY(out.open(QIODevice::WriteOnly));
    QVERIFY(TradeReader(&store).exportCsv(query, &out, options));
    QStringList lines = QString::fromUtf8(out.data()).split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    lines.removeFirst(); // the header
    QStringList whose;
    for (const QString &line : std::as_const(lines))
        whose << line.section(u',', 0, 0) + u' ' + line.section(u',', -1);
    // The history's own order: the newest close first, the two 7s by their accounts' keys.
    const QStringList sevens = kAccount.key() > other.key()
                                   ? QStringList{u"7 Main live"_s, u"7 "_s + other.displayName()}
                                   : QStringList{u"7 "_s + other.displayName(), u"7 Main live"_s};
    QCOMPARE(whose, sevens + QStringList{u"1 Main live"_s});
}

void tst_ClosedTradesModel::everyAccountsFiguresFollowOneCloseOrder()
{
    // The balance curve and the largest fall of two accounts' trades together are those of
    // their trades in close order, not of one account's after the other's: +10, +50, -30, -5
    // climbs to 60 and falls to 25.
    QTemporaryDir dir;
    ClosedTradeStore store;
    QVERIFY(store.open(dir.filePath(u"h.sqlite"_s)));
    const Account other = Account::of(QUrl(u"ws://other.example/"_s), 1);
    QVERIFY(
        store.record(kAccount, {aTrade(1, 1000000, 10.0, 0, 0), aTrade(3, 3000000, -30.0, 0, 0)}));
    QVERIFY(store.record(other, {aTrade(2, 2000000, 50.0, 0, 0), aTrade(4, 4000000, -5.0, 0, 0)}));
    TradeQuery query;
    query.account = kAccount;
    query.allAccounts = true;
    const std::optional<TraderStatistics> statistics = TradeReader(&store).statistics(query);
    QVERIFY(statistics);
    QCOMPARE(statistics->total().figures.trades, 4);
    QCOMPARE(statistics->total().figures.net, 25.0);
    QCOMPARE(statistics->total().figures.maxDrawdown, 35.0);
    const std::optional<QList<CurveTrade>> nets = TradeReader(&store).netsInCloseOrder(query, 10);
    QVERIFY(nets);
    QList<qint64> tickets;
    for (const CurveTrade &trade : *nets)
        tickets.append(trade.ticket);
    QCOMPARE(tickets, (QList<qint64>{1, 2, 3, 4}));
    // More than the curve takes: none, as for one account.
    QVERIFY(!TradeReader(&store).netsInCloseOrder(query, 3));
}

void tst_ClosedTradesModel::filtersTotalWhatTheyShow()
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
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPeriod(Period::All);
    QTRY_VERIFY(!model.isReading()); // read off the GUI thread
    QSignalSpy shown(&model, &ClosedTradesModel::shownChanged);

    PositionFilter filter;
    filter.mode = PositionFilter::Mode::Mine;
    model.setFilter(filter);
    QTRY_VERIFY(!model.isReading()); // read off the GUI thread
    QCOMPARE(shown.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    ClosedTradesModel::Totals totals = model.totals();
    QCOMPARE(totals.count, 2);
    QCOMPARE(totals.of, 3);
    QCOMPARE(totals.net(), 10.0 - 1 - 5 - 1);

    filter.symbol = u"eurusd"_s;
    model.setFilter(filter);
    QTRY_VERIFY(!model.isReading()); // read off the GUI thread
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.tradeAt(0).position.ticket, 3);

    filter = {};
    filter.mode = PositionFilter::Mode::Following;
    filter.signalTraderId = 88001;
    model.setFilter(filter);
    QTRY_VERIFY(!model.isReading()); // read off the GUI thread
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.totals().net(), 17.0);
    QCOMPARE(model.signalTraders().value(88001), u"#88001"_s);
    QCOMPARE(model.symbols(), (QStringList{u"EURUSD"_s, u"XAUUSD"_s}));
    // A new trade recorded: the filter holds.
    ClosedTrade another = copied;
    another.position.ticket = 4;
    QVERIFY(store.record(kAccount, {another}));
    QTRY_COMPARE(model.rowCount(), 2);
}

namespace {

// Eighty trades over five days that tie in every way a sort can meet: equal close times,
// profits, symbols, names; own and copied, named and not, every reason, provisional closes.
QList<ClosedTrade> mixedTrades()
{
    static const char *const symbols[] = {"XAUUSD", "EURUSD", "US30", "BTCUSD"};
    static const char *const names[] = {"", "AlphaTrend FX", "Gold Scalper Pro", "阿尔法"};
    static const char *const reasons[] = {"tp", "sl", "manual", "stopout", "so", "", "unknown"};
    const qint64 base = at(QDate(2024, 11, 25), 6);
    QList<ClosedTrade> trades;
    for (int i = 1; i <= 80; ++i) {
        ClosedTrade t = aTrade(1000 + (i * 37) % 97, base + (i % 17) * 7 * 3600000,
                               double((i * 13) % 23) - 11.0, -0.5 * (i % 3), -1.25 * (i % 2));
        Position &p = t.position;
        p.symbol = QString::fromLatin1(symbols[i % 4]);
        p.side = i % 5 == 0 ? Position::Side::Sell : Position::Side::Buy;
        p.volume = 0.01 * (i % 7 + 1);
        p.openPrice = 100.0 + (i % 9);
        t.closePrice = 100.0 + (i % 11);
        p.openTime = t.closeTime - (i % 4) * 60000;
        p.flwsig = i % 3 != 0;
        p.sigtraderid = p.flwsig ? 88001 + i % 3 : 0;
        p.signame = p.flwsig ? QString::fromUtf8(names[i % 4]) : QString();
        t.setReasonWord(QString::fromLatin1(reasons[i % 7]));
        if (i % 7 == 6)
            t.setProvisional(true);
        trades.append(t);
    }
    return trades;
}

} // namespace

void tst_ClosedTradesModel::theSqlModelAgreesWithTheFirstReleases_data()
{
    QTest::addColumn<PositionFilter>("filter");
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    const auto filter = [](PositionFilter::Mode mode, qint64 trader, const QString &symbol,
                           const QString &search) {
        PositionFilter f;
        f.mode = mode;
        f.signalTraderId = trader;
        f.symbol = symbol;
        f.search = search;
        return f;
    };
    using Mode = PositionFilter::Mode;
    const QList<std::pair<const char *, PositionFilter>> filters = {
        {"all", {}},
        {"following", filter(Mode::Following, 0, {}, {})},
        {"mine", filter(Mode::Mine, 0, {}, {})},
        {"one trader", filter(Mode::All, 88002, {}, {})},
        {"following one trader", filter(Mode::Following, 88001, {}, {})},
        {"mine ignores the trader", filter(Mode::Mine, 88001, {}, {})},
        {"symbol, any case", filter(Mode::All, 0, u"eurusd"_s, {})},
        {"search in symbols", filter(Mode::All, 0, {}, u"us"_s)},
        {"search in tickets", filter(Mode::All, 0, {}, u"10"_s)},
        {"search in tickets and symbols", filter(Mode::All, 0, {}, u"30"_s)},
        {"search in symbols of one trader", filter(Mode::Following, 88002, {}, u"Usd"_s)},
        {"nothing matches", filter(Mode::All, 0, {}, u"zz"_s)},
    };
    for (const auto &[name, f] : filters)
        QTest::addRow("%s, unsorted", name) << f << -1 << Qt::AscendingOrder;
    for (int column = 0; column < ClosedTradesModel::ColumnCount; ++column) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder})
            QTest::addRow("all, column %d %s", column,
                          order == Qt::AscendingOrder ? "ascending" : "descending")
                << PositionFilter() << column << order;
    }
    QTest::addRow("following, by profit")
        << filter(Mode::Following, 0, {}, {}) << int(ClosedTradesModel::ProfitColumn)
        << Qt::DescendingOrder;
    QTest::addRow("search, by signal")
        << filter(Mode::All, 0, {}, u"u"_s) << int(ClosedTradesModel::SignalColumn)
        << Qt::AscendingOrder;
}

void tst_ClosedTradesModel::theSqlModelAgreesWithTheFirstReleases()
{
    // The same file both ways: the first releases' models (everything in memory, a
    // QSortFilterProxyModel) and the SQL-backed one give the same rows in the same order, cell
    // for cell, the same totals, the same chart data and the same export.
    QFETCH(PositionFilter, filter);
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QTemporaryDir dir;
    ClosedTradeStore store;
    QVERIFY(store.open(dir.filePath(u"h.sqlite"_s)));
    QVERIFY(store.record(kAccount, mixedTrades()));
    QVERIFY(store.record(Account::of(QUrl(u"ws://other.example/"_s), 1), mixedTrades()));

    ReferenceClosedTradesModel before(&store, kAccount);
    before.setPeriod(ReferenceClosedTradesModel::Period::All);
    ReferenceClosedTradesFilterModel shown;
    shown.setSourceModel(&before);
    QAbstractItemModelTester beforeTester(&shown,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    shown.setFilter(filter);
    shown.sort(column, order);

    ClosedTradesModel now(&store, kAccount);
    QAbstractItemModelTester tester(&now, QAbstractItemModelTester::FailureReportingMode::QtTest);
    now.setPeriod(Period::All);
    now.setFilter(filter);
    QTRY_VERIFY(!now.isReading()); // read off the GUI thread
    now.sort(column, order);
    QTRY_VERIFY(!now.isReading()); // the new order, read off the GUI thread

    QCOMPARE(now.rowCount(), shown.rowCount());
    // The first releases' columns, then whose the trades are (several accounts came later).
    QCOMPARE(now.columnCount(), shown.columnCount() + 1);
    for (int row = 0; row < now.rowCount(); ++row) {
        QCOMPARE(now.tradeAt(row).position.ticket, shown.tradeAt(row).position.ticket);
        QCOMPARE(now.index(row, ClosedTradesModel::AccountColumn).data().toString(),
                 kAccount.displayName());
        for (int c = 0; c < shown.columnCount(); ++c) {
            for (const int role :
                 {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::TextAlignmentRole)})
                QCOMPARE(now.index(row, c).data(role), shown.index(row, c).data(role));
            QCOMPARE(now.index(row, c).data(ClosedTradesModel::ToneRole),
                     shown.index(row, c).data(ReferenceClosedTradesModel::ToneRole));
            QCOMPARE(now.index(row, c).data(ClosedTradesModel::ConfirmedRole),
                     shown.index(row, c).data(ReferenceClosedTradesModel::ConfirmedRole));
        }
    }
    for (int c = 0; c < shown.columnCount(); ++c)
        QCOMPARE(now.headerData(c, Qt::Horizontal), shown.headerData(c, Qt::Horizontal));

    // Sums in another order differ in the last bits, never in a cent.
    const auto same = [](double a, double b) { return std::abs(a - b) < 1e-9; };
    const TradeTotals a = now.totals();
    const TradeTotals b = shown.totals();
    QCOMPARE(a.count, b.count);
    QCOMPARE(a.of, b.of);
    QCOMPARE(a.unconfirmed, b.unconfirmed);
    QVERIFY(same(a.profit, b.profit) && same(a.swap, b.swap) && same(a.commission, b.commission));

    const Performance fromSql = Performance::of(now.store(), now.query());
    const Performance fromRows = Performance::of(shown.shownTrades());
    QCOMPARE(fromSql.curve.size(), fromRows.curve.size());
    for (qsizetype i = 0; i < fromSql.curve.size(); ++i) {
        QCOMPARE(fromSql.curve.at(i).time, fromRows.curve.at(i).time);
        QVERIFY(same(fromSql.curve.at(i).cumulative, fromRows.curve.at(i).cumulative));
    }
    QCOMPARE(fromSql.days.size(), fromRows.days.size());
    for (qsizetype i = 0; i < fromSql.days.size(); ++i) {
        QCOMPARE(fromSql.days.at(i).date, fromRows.days.at(i).date);
        QCOMPARE(fromSql.days.at(i).trades, fromRows.days.at(i).trades);
        QVERIFY(same(fromSql.days.at(i).net, fromRows.days.at(i).net));
    }
    QVERIFY(same(fromSql.total, fromRows.total));

    QByteArray streamed;
    QByteArray written;
    QBuffer streamedBuffer(&streamed);
    QBuffer writtenBuffer(&written);
    QVERIFY(streamedBuffer.open(QIODevice::WriteOnly) && writtenBuffer.open(QIODevice::WriteOnly));
    ClosedTradeStore::CsvOptions options;
    options.account = u"Main"_s;
    QVERIFY(TradeReader(&store).exportCsv(now.query(), &streamedBuffer, options));
    QVERIFY(ClosedTradeStore::exportCsv(shown.shownTrades(), &writtenBuffer, options));
    QCOMPARE(streamed, written);
}

void tst_ClosedTradesModel::manyBatchesAreOneReload()
{
    // A History of many messages, written message after message: the table reads the file
    // again once, not once per message.
    QTemporaryDir dir;
    ClosedTradeStore store;
    QVERIFY(store.open(dir.filePath(u"h.sqlite"_s)));
    ClosedTradesModel model(&store, kAccount);
    model.setPeriod(Period::All);
    QTRY_VERIFY(!model.isReading());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    for (int batch = 0; batch < 20; ++batch) {
        QList<ClosedTrade> trades;
        for (int i = 0; i < 50; ++i)
            trades.append(aTrade(batch * 50 + i + 1, 1000 + i, 1, 0, 0));
        QVERIFY(store.record(kAccount, trades));
    }
    QTRY_COMPARE(model.rowCount(), 1000);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.totals().profit, 1000.0);
}

void tst_ClosedTradesModel::rowsFarDownArriveWithoutHoldingTheView()
{
    // The first rows come with the count; a row far down is read off the GUI thread when the
    // view first asks for it: empty until dataChanged() says it is there, then the right one.
    QTemporaryDir dir;
    ClosedTradeStore store;
    QVERIFY(store.open(dir.filePath(u"h.sqlite"_s)));
    QList<ClosedTrade> trades;
    for (int i = 1; i <= 1000; ++i)
        trades.append(aTrade(i, 1000 + i, i, 0, 0));
    QVERIFY(store.record(kAccount, trades));
    ClosedTradesModel model(&store, kAccount);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPeriod(Period::All);
    QTRY_VERIFY(!model.isReading());
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.index(0, ClosedTradesModel::TicketColumn).data().toString(), u"1000"_s);
    QSignalSpy arrived(&model, &QAbstractItemModel::dataChanged);
    const QModelIndex far = model.index(950, ClosedTradesModel::TicketColumn);
    QVERIFY(!far.data().isValid());
    QTRY_COMPARE(arrived.count(), 1);
    QCOMPARE(arrived.at(0).at(0).toModelIndex().row(), 800);
    QCOMPARE(far.data().toString(), u"50"_s); // newest first
    // A sort reads the new first rows, then changes the layout once.
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    model.sort(ClosedTradesModel::ProfitColumn, Qt::AscendingOrder);
    QTRY_COMPARE(layout.count(), 1);
    QCOMPARE(model.index(0, ClosedTradesModel::TicketColumn).data().toString(), u"1"_s);
}

void tst_ClosedTradesModel::daysAreLocalInEveryZone_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDateTime>("around");
    QTest::addRow("Berlin, spring forward")
        << QByteArray("Europe/Berlin") << QDateTime(QDate(2024, 3, 31), QTime(1, 0), Qt::UTC);
    QTest::addRow("Berlin, fall back")
        << QByteArray("Europe/Berlin") << QDateTime(QDate(2024, 10, 27), QTime(1, 0), Qt::UTC);
    QTest::addRow("New York, fall back")
        << QByteArray("America/New_York") << QDateTime(QDate(2024, 11, 3), QTime(6, 0), Qt::UTC);
    QTest::addRow("Kathmandu, +05:45")
        << QByteArray("Asia/Kathmandu") << QDateTime(QDate(2024, 6, 1), QTime(18, 0), Qt::UTC);
    QTest::addRow("Shanghai, no changes")
        << QByteArray("Asia/Shanghai") << QDateTime(QDate(2024, 6, 1), QTime(16, 0), Qt::UTC);
}

void tst_ClosedTradesModel::daysAreLocalInEveryZone()
{
    // A trade every 37 minutes for four days around a change of offset: the file's day sums
    // (its zone's transitions in SQL) put each trade on the local day a trader would.
    QFETCH(QByteArray, zone);
    QFETCH(QDateTime, around);
    const QTimeZone tz(zone);
    QVERIFY(tz.isValid());
    QTemporaryDir dir;
    ClosedTradeStore store;
    QVERIFY(store.open(dir.filePath(u"h.sqlite"_s)));
    QList<ClosedTrade> trades;
    const qint64 start = around.toMSecsSinceEpoch() - 2 * 24 * 3600 * 1000;
    for (int i = 0; i < 4 * 24 * 60 / 37; ++i)
        trades.append(aTrade(i + 1, start + qint64(i) * 37 * 60 * 1000, i % 5 - 2.0, 0, -0.5));
    QVERIFY(store.record(kAccount, trades));
    TradeQuery query;
    query.account = kAccount;
    const Performance fromSql =
        Performance::of(TradeReader(&store).groups(query, tz), std::nullopt);
    const Performance fromRows = Performance::of(trades, tz);
    QCOMPARE(fromSql.days.size(), fromRows.days.size());
    for (qsizetype i = 0; i < fromSql.days.size(); ++i) {
        QCOMPARE(fromSql.days.at(i).date, fromRows.days.at(i).date);
        QCOMPARE(fromSql.days.at(i).trades, fromRows.days.at(i).trades);
        QVERIFY(std::abs(fromSql.days.at(i).net - fromRows.days.at(i).net) < 1e-9);
    }
}

QTEST_GUILESS_MAIN(tst_ClosedTradesModel)
#include "tst_closedtradesmodel.moc"

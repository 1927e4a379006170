// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/tone.h"
#include "feed/positionbook.h"
#include "fixtures.h"
#include "models/positionsfiltermodel.h"
#include "models/positionsgroupmodel.h"
#include "models/positionsmodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

#include <array>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Grouping = PositionsGroupModel::Grouping;
using Type = FeedMessage::Type;

namespace {

// Two copies of AlphaTrend FX, one of Gold Scalper Pro, two own positions.
const QList<Position> kAccount = Fixtures::positions(R"([
    {"ticket":1,"symbol":"EURUSD","volume":0.1,"profit":10,"swap":-1,"commission":-0.5,
     "flwsig":true,"sigtraderid":88001,"signame":"AlphaTrend FX"},
    {"ticket":2,"symbol":"XAUUSD","volume":0.2,"profit":-4,"commission":-1,"flwsig":false},
    {"ticket":3,"symbol":"EURUSD","volume":0.3,"profit":5,"flwsig":true,"sigtraderid":88002,
     "signame":"Gold Scalper Pro"},
    {"ticket":4,"symbol":"XAUUSD","volume":0.4,"profit":20,"flwsig":true,"sigtraderid":88001,
     "signame":"AlphaTrend FX"},
    {"ticket":5,"symbol":"US30","volume":1.0,"profit":-7,"flwsig":false}])");

// The rows as text: "# label" for a group row (arrow left out), else the ticket.
QStringList shown(const PositionsGroupModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        rows.append(index.data(PositionsGroupModel::GroupRole).toBool()
                        ? u"# "_s + index.data().toString().mid(2)
                        : index.data().toString());
    }
    return rows;
}

struct Rig
{
    Rig()
        : positions(&book)
    {
        positions.setFlushInterval(0ms);
        filter.setSourceModel(&positions);
        groups.setSourceModel(&filter);
        book.apply(Fixtures::snapshot(1, kAccount));
    }
    PositionBook book;
    PositionsModel positions;
    PositionsFilterModel filter;
    PositionsGroupModel groups;
    QAbstractItemModelTester tester{&groups,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest};
};

// Two accounts' books in one table, filtered and grouped.
struct TwoAccounts
{
    TwoAccounts(const QString &first, const QString &second)
    {
        positions.setFlushInterval(0ms);
        positions.addBook(&books[0], first);
        positions.addBook(&books[1], second);
        filter.setSourceModel(&positions);
        groups.setSourceModel(&filter);
    }
    std::array<PositionBook, 2> books;
    PositionsModel positions;
    PositionsFilterModel filter;
    PositionsGroupModel groups;
    QAbstractItemModelTester tester{&groups,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest};
};

} // namespace

class tst_PositionsGroupModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void noGroupingIsTheSourceAsItIs();
    void bySignalTraderWithOwnPositionsLast();
    void bySymbol();
    void subtotalsFollowTicks();
    void opensClosesAndFiltersRegroup();
    void collapsedGroupsShowTheirRowAlone();
    void sortingSortsWithinGroupsAndKeepsSelections();
    void aGroupsColourIsItsNetNotItsGross();
    void aGroupThatChangesPlaceTakesItsRowsAlong();
    void opensAndClosesMoveNoSelection();
    void aListOfManyRowsRegroupsOnce();
    void byAccountInTheAccountsOrder();
    void aGroupOfSeveralCurrenciesHasNoTotal();
};

void tst_PositionsGroupModel::noGroupingIsTheSourceAsItIs()
{
    Rig rig;
    // Without a user sort: following positions first, in feed order.
    QCOMPARE(shown(rig.groups), QStringList({u"1"_s, u"3"_s, u"4"_s, u"2"_s, u"5"_s}));
    const QModelIndex third = rig.groups.index(2, PositionsModel::ProfitColumn);
    QCOMPARE(rig.groups.mapToSource(third), rig.filter.index(2, PositionsModel::ProfitColumn));
    QCOMPARE(rig.groups.mapFromSource(rig.filter.index(2, 1)), rig.groups.index(2, 1));
    QVERIFY(!rig.groups.isGroupRow(third));
}

void tst_PositionsGroupModel::bySignalTraderWithOwnPositionsLast()
{
    Rig rig;
    rig.groups.setGrouping(Grouping::SignalTrader);
    QCOMPARE(shown(rig.groups),
             QStringList({u"# AlphaTrend FX — 2 positions, net +28.50"_s, u"1"_s, u"4"_s,
                          u"# Gold Scalper Pro — 1 position, net +5.00"_s, u"3"_s,
                          u"# Your own positions — 2 positions, net -12.00"_s, u"2"_s, u"5"_s}));
    const QModelIndex alpha = rig.groups.index(0, 0);
    QVERIFY(rig.groups.isGroupRow(alpha));
    QCOMPARE(alpha.data(PositionsGroupModel::GroupKeyRole).toString(), u"88001"_s);
    const PositionsGroupModel::Subtotals s = rig.groups.subtotals(alpha);
    QCOMPARE(s.positions, 2);
    QCOMPARE(s.lots, 0.5);
    QCOMPARE(s.profit, 30.0);
    QCOMPARE(s.net(), 28.5);
    // The subtotals stand in the columns they sum.
    QCOMPARE(rig.groups.index(0, PositionsModel::VolumeColumn).data().toString(), u"0.50"_s);
    QCOMPARE(rig.groups.index(0, PositionsModel::SwapColumn).data().toString(), u"-1.00"_s);
    // The coloured figure is the net, said as such; the gross is in its tooltip.
    const QModelIndex profit = rig.groups.index(0, PositionsModel::ProfitColumn);
    QCOMPARE(profit.data().toString(), u"net +28.50"_s);
    QCOMPARE(profit.data(PositionsModel::ToneRole).value<Tone>(), Tone::Gain);
    QCOMPARE(profit.data(Qt::ToolTipRole).toString(),
             u"Net +28.50: profit +30.00, swap -1.00, commission -0.50"_s);
    QVERIFY(rig.groups.index(0, PositionsModel::PriceColumn).data().toString().isEmpty());
    QVERIFY(!rig.groups.mapToSource(alpha).isValid());
    // The label goes where the view's first column is.
    rig.groups.setLabelColumn(PositionsModel::SymbolColumn);
    QVERIFY(rig.groups.index(0, 0).data().toString().isEmpty());
    QVERIFY(rig.groups.index(0, PositionsModel::SymbolColumn)
                .data()
                .toString()
                .contains(u"AlphaTrend FX"_s));
}

void tst_PositionsGroupModel::bySymbol()
{
    Rig rig;
    rig.groups.setGrouping(Grouping::Symbol);
    QCOMPARE(shown(rig.groups),
             QStringList({u"# EURUSD — 2 positions, net +13.50"_s, u"1"_s, u"3"_s,
                          u"# US30 — 1 position, net -7.00"_s, u"5"_s,
                          u"# XAUUSD — 2 positions, net +15.00"_s, u"4"_s, u"2"_s}));
}

void tst_PositionsGroupModel::subtotalsFollowTicks()
{
    Rig rig;
    rig.groups.setGrouping(Grouping::SignalTrader);
    QSignalSpy changed(&rig.groups, &QAbstractItemModel::dataChanged);
    Position moved = kAccount.at(3); // AlphaTrend FX's gold
    moved.profit = 40;
    rig.book.apply(Fixtures::message(Type::Positions, 2, {moved}));
    rig.positions.flush();
    QVERIFY(!changed.isEmpty());
    bool groupRowChanged = false;
    for (const QList<QVariant> &args : std::as_const(changed))
        groupRowChanged = groupRowChanged || args.at(0).toModelIndex().row() == 0;
    QVERIFY(groupRowChanged);
    QCOMPARE(rig.groups.subtotals(rig.groups.index(0, 0)).profit, 50.0);
    QVERIFY(rig.groups.index(0, 0).data().toString().endsWith(u"net +48.50"_s));
}

void tst_PositionsGroupModel::opensClosesAndFiltersRegroup()
{
    Rig rig;
    rig.groups.setGrouping(Grouping::SignalTrader);
    const Position opened = Fixtures::position(
        R"({"ticket":6,"symbol":"GBPUSD","volume":0.1,"profit":1,"flwsig":true,
            "sigtraderid":88003,"signame":"Steady Carry"})");
    rig.book.apply(Fixtures::message(Type::Positions, 2, {opened}));
    QVERIFY(shown(rig.groups).contains(u"# Steady Carry — 1 position, net +1.00"_s));
    ClosedTrade close;
    close.position = kAccount.at(2);
    rig.book.apply(Fixtures::message(Type::Closed, 3, {}, {close}));
    QVERIFY(!shown(rig.groups).join(u'|').contains(u"Gold Scalper Pro"_s));
    rig.filter.setMode(PositionFilter::Mode::Mine);
    QCOMPARE(shown(rig.groups),
             QStringList({u"# Your own positions — 2 positions, net -12.00"_s, u"2"_s, u"5"_s}));
}

void tst_PositionsGroupModel::collapsedGroupsShowTheirRowAlone()
{
    Rig rig;
    rig.groups.setGrouping(Grouping::SignalTrader);
    QVERIFY(rig.groups.toggle(rig.groups.index(0, 0)));
    QVERIFY(rig.groups.isCollapsed(u"88001"_s));
    QCOMPARE(shown(rig.groups).mid(0, 2),
             QStringList({u"# AlphaTrend FX — 2 positions, net +28.50"_s,
                          u"# Gold Scalper Pro — 1 position, net +5.00"_s}));
    QVERIFY(rig.groups.index(0, 0).data().toString().startsWith(u"▸"_s));
    QVERIFY(rig.groups.index(0, 0).data(PositionsGroupModel::CollapsedRole).toBool());
    QVERIFY(!rig.groups.mapFromSource(rig.filter.index(0, 0)).isValid()); // folded away
    QCOMPARE(rig.groups.collapsedKeys(), QStringList{u"88001"_s});
    QVERIFY(!rig.groups.toggle(rig.groups.index(2, 0))); // a position row folds nothing
    rig.groups.setCollapsedKeys({});
    QCOMPARE(rig.groups.rowCount(), 8);
}

void tst_PositionsGroupModel::sortingSortsWithinGroupsAndKeepsSelections()
{
    Rig rig;
    rig.groups.setGrouping(Grouping::SignalTrader);
    const QPersistentModelIndex ticket5 = rig.groups.index(7, PositionsModel::ProfitColumn);
    QCOMPARE(QModelIndex(ticket5).siblingAtColumn(0).data().toString(), u"5"_s);
    const QPersistentModelIndex own = rig.groups.index(5, 0);
    QSignalSpy reset(&rig.groups, &QAbstractItemModel::modelReset);
    rig.groups.sort(PositionsModel::ProfitColumn, Qt::AscendingOrder);
    QCOMPARE(reset.count(), 0); // a re-sort is a layout change
    QCOMPARE(shown(rig.groups),
             QStringList({u"# AlphaTrend FX — 2 positions, net +28.50"_s, u"1"_s, u"4"_s,
                          u"# Gold Scalper Pro — 1 position, net +5.00"_s, u"3"_s,
                          u"# Your own positions — 2 positions, net -12.00"_s, u"5"_s, u"2"_s}));
    QCOMPARE(ticket5.row(), 6);
    QCOMPARE(QModelIndex(ticket5).siblingAtColumn(0).data().toString(), u"5"_s);
    QCOMPARE(own.row(), 5);
}

void tst_PositionsGroupModel::aGroupsColourIsItsNetNotItsGross()
{
    // A green gross of 2.19 under 14.20 of costs is a loss: red, and said as one.
    Rig rig;
    rig.groups.setGrouping(Grouping::Symbol);
    Position p = kAccount.at(4); // US30
    p.profit = 2.19;
    p.swap = -10.0;
    p.commission = -4.2;
    rig.book.apply(Fixtures::message(Type::Positions, 2, {p}));
    rig.positions.flush();
    const QModelIndex us30 = rig.groups.index(3, PositionsModel::ProfitColumn);
    QVERIFY(rig.groups.isGroupRow(us30));
    QCOMPARE(us30.data().toString(), u"net -12.01"_s);
    QCOMPARE(us30.data(PositionsModel::ToneRole).value<Tone>(), Tone::Loss);
    QVERIFY(rig.groups.index(3, 0).data().toString().endsWith(u"1 position, net -12.01"_s));
}

void tst_PositionsGroupModel::aGroupThatChangesPlaceTakesItsRowsAlong()
{
    // Sorted by profit and grouped by trader. Trader 2 has no name yet ("#2", first); when
    // its name arrives ("Zeta") its group moves behind the others: the rows under it move
    // with it, and a selected row is still the same ticket.
    PositionBook book;
    PositionsModel positions(&book);
    positions.setFlushInterval(0ms);
    PositionsFilterModel filter;
    filter.setSourceModel(&positions);
    QAbstractItemModelTester filterTester(&filter,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    PositionsGroupModel groups;
    groups.setSourceModel(&filter);
    QAbstractItemModelTester tester(&groups,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    groups.setGrouping(Grouping::SignalTrader);
    filter.sort(PositionsModel::ProfitColumn, Qt::DescendingOrder);
    QList<Position> account = kAccount;
    Position nameless = Fixtures::position(
        R"({"ticket":9,"symbol":"GBPUSD","volume":0.1,"profit":3,"flwsig":true,
            "sigtraderid":2})");
    account.append(nameless);
    book.apply(Fixtures::snapshot(1, account));
    QCOMPARE(shown(groups).mid(0, 2), (QStringList{u"# #2 — 1 position, net +3.00"_s, u"9"_s}));

    QItemSelectionModel selection(&groups);
    const QModelIndex nine = groups.index(1, 0);
    selection.setCurrentIndex(nine,
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QPersistentModelIndex held = nine;
    QSignalSpy resets(&groups, &QAbstractItemModel::modelReset);
    QSignalSpy layouts(&groups, &QAbstractItemModel::layoutChanged);

    nameless.signame = u"Zeta"_s;
    book.apply(Fixtures::message(Type::Positions, 2, {nameless}));
    positions.flush();
    QCOMPARE(shown(groups),
             QStringList({u"# AlphaTrend FX — 2 positions, net +28.50"_s, u"4"_s, u"1"_s,
                          u"# Gold Scalper Pro — 1 position, net +5.00"_s, u"3"_s,
                          u"# Zeta — 1 position, net +3.00"_s, u"9"_s,
                          u"# Your own positions — 2 positions, net -12.00"_s, u"2"_s, u"5"_s}));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(layouts.count(), 1);
    QCOMPARE(held.row(), 6);
    QCOMPARE(selection.currentIndex().data(PositionsModel::TicketRole).toLongLong(), 9);
    const QModelIndexList rows = selection.selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).data(PositionsModel::TicketRole).toLongLong(), 9);
}

void tst_PositionsGroupModel::opensAndClosesMoveNoSelection()
{
    Rig rig;
    rig.groups.setGrouping(Grouping::SignalTrader);
    QItemSelectionModel selection(&rig.groups);
    selection.setCurrentIndex(rig.groups.index(7, 0), // ticket 5
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy resets(&rig.groups, &QAbstractItemModel::modelReset);
    const Position opened = Fixtures::position(
        R"({"ticket":6,"symbol":"GBPUSD","volume":0.1,"profit":1,"flwsig":true,
            "sigtraderid":88000,"signame":"Aardvark"})");
    rig.book.apply(Fixtures::message(Type::Positions, 2, {opened}));
    ClosedTrade close;
    close.position = kAccount.at(0);
    rig.book.apply(Fixtures::message(Type::Closed, 3, {}, {close}));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(rig.groups.rowCount(), 9);
    QCOMPARE(selection.currentIndex().data(PositionsModel::TicketRole).toLongLong(), 5);
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().at(0).data(PositionsModel::TicketRole).toLongLong(), 5);
}

void tst_PositionsGroupModel::aListOfManyRowsRegroupsOnce()
{
    // A seed list that brings and takes many rows: one regroup per list, not one per row.
    Rig rig;
    rig.groups.setGrouping(Grouping::Symbol);
    rig.filter.sort(PositionsModel::ProfitColumn, Qt::AscendingOrder);
    QSignalSpy layouts(&rig.groups, &QAbstractItemModel::layoutChanged);
    QSignalSpy resets(&rig.groups, &QAbstractItemModel::modelReset);
    QList<Position> list;
    for (int i = 0; i < 500; ++i) {
        Position p = kAccount.at(i % kAccount.size());
        p.ticket = 1000 + i;
        p.profit = i % 37;
        list.append(p);
    }
    rig.book.applyList(list);
    QCOMPARE(layouts.count() + resets.count(), 1);
    QCOMPARE(rig.groups.rowCount(), 500 + 3);
    // A few rows come and go: still one.
    list.remove(0, 3);
    list.append(kAccount.at(0));
    rig.book.applyList(list);
    QCOMPARE(layouts.count() + resets.count(), 2);
    QCOMPARE(rig.groups.rowCount(), 498 + 3);
    rig.book.applyList({});
    QCOMPARE(layouts.count() + resets.count(), 3);
    QCOMPARE(rig.groups.rowCount(), 0);
}

void tst_PositionsGroupModel::byAccountInTheAccountsOrder()
{
    // "Zeta" before "Alpha": the trader's order, not the alphabet's; ticket 1 at both.
    TwoAccounts rig(u"Zeta"_s, u"Alpha"_s);
    PositionBook &zeta = rig.books[0];
    PositionBook &alpha = rig.books[1];
    PositionsGroupModel &groups = rig.groups;
    zeta.apply(Fixtures::snapshot(1, kAccount));
    alpha.apply(Fixtures::snapshot(1, Fixtures::positions(R"([
        {"ticket":1,"symbol":"GBPUSD","volume":0.5,"profit":3,"swap":-0.5,"flwsig":false}])")));
    groups.setGrouping(Grouping::Account);
    QCOMPARE(shown(groups),
             QStringList({u"# Zeta — 5 positions, net +21.50"_s, u"1"_s, u"3"_s, u"4"_s, u"2"_s,
                          u"5"_s, u"# Alpha — 1 position, net +2.50"_s, u"1"_s}));
    // The subtotals are each account's own.
    const PositionsGroupModel::Subtotals alphaTotals = groups.subtotals(groups.index(6, 0));
    QCOMPARE(alphaTotals.positions, 1);
    QCOMPARE(alphaTotals.lots, 0.5);
    QCOMPARE(alphaTotals.swap, -0.5);

    // A selection follows its own account's ticket 1, not the other's.
    const QPersistentModelIndex zetaOne = groups.index(1, PositionsModel::SymbolColumn);
    const QPersistentModelIndex alphaOne = groups.index(7, PositionsModel::SymbolColumn);
    QCOMPARE(zetaOne.data().toString(), u"EURUSD"_s);
    QCOMPARE(alphaOne.data().toString(), u"GBPUSD"_s);
    groups.sort(PositionsModel::ProfitColumn, Qt::DescendingOrder);
    QCOMPARE(shown(groups),
             QStringList({u"# Zeta — 5 positions, net +21.50"_s, u"4"_s, u"1"_s, u"3"_s, u"2"_s,
                          u"5"_s, u"# Alpha — 1 position, net +2.50"_s, u"1"_s}));
    QCOMPARE(zetaOne.row(), 2);
    QCOMPARE(zetaOne.data().toString(), u"EURUSD"_s);
    QCOMPARE(alphaOne.row(), 7);
    QCOMPARE(alphaOne.data().toString(), u"GBPUSD"_s);

    // A folded account keeps its row alone.
    groups.setCollapsed(u"account:Zeta"_s, true);
    QCOMPARE(shown(groups), QStringList({u"# Zeta — 5 positions, net +21.50"_s,
                                         u"# Alpha — 1 position, net +2.50"_s, u"1"_s}));
}

void tst_PositionsGroupModel::aGroupOfSeveralCurrenciesHasNoTotal()
{
    // AlphaTrend FX copied at a dollar account and at a euro account.
    TwoAccounts rig(u"Main"_s, u"Euro"_s);
    PositionBook &usd = rig.books[0];
    PositionBook &eur = rig.books[1];
    PositionsGroupModel &groups = rig.groups;
    usd.apply(Fixtures::snapshot(1, kAccount));
    eur.apply(Fixtures::snapshot(1, Fixtures::positions(R"([
        {"ticket":9,"symbol":"EURUSD","volume":0.5,"profit":3,"flwsig":true,"sigtraderid":88001,
         "signame":"AlphaTrend FX"}])")));
    groups.setGrouping(Grouping::SignalTrader);
    groups.setAccountCurrencies({u"Main"_s, u"Euro"_s}, {u"USD"_s, u"EUR"_s});
    const QStringList rows = shown(groups);
    QCOMPARE(rows.at(0),
             u"# AlphaTrend FX — 3 positions, no total: the accounts are in EUR and USD"_s);
    const QModelIndex alpha = groups.index(0, PositionsModel::ProfitColumn);
    QCOMPARE(alpha.data().toString(), QString()); // no figure of two currencies
    QCOMPARE(alpha.siblingAtColumn(PositionsModel::SwapColumn).data().toString(), QString());
    QCOMPARE(alpha.data(PositionsModel::ToneRole).value<Tone>(), Tone::Flat);
    QCOMPARE(alpha.siblingAtColumn(PositionsModel::VolumeColumn).data().toString(), u"1.00"_s);
    // A group of one account keeps its net.
    QVERIFY2(rows.contains(u"# Gold Scalper Pro — 1 position, net +5.00"_s),
             qPrintable(rows.join(u" | "_s)));
    // One currency: a total again.
    groups.setAccountCurrencies({u"Main"_s, u"Euro"_s}, {u"USD"_s, u"USD"_s});
    QCOMPARE(shown(groups).at(0), u"# AlphaTrend FX — 3 positions, net +31.50"_s);
    QCOMPARE(groups.index(0, PositionsModel::ProfitColumn).data().toString(), u"net +31.50"_s);
}

QTEST_GUILESS_MAIN(tst_PositionsGroupModel)
#include "tst_positionsgroupmodel.moc"

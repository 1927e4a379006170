// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/tone.h"
#include "feed/positionbook.h"
#include "fixtures.h"
#include "models/positionsfiltermodel.h"
#include "models/positionsgroupmodel.h"
#include "models/positionsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

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
    QCOMPARE(rig.groups.index(0, PositionsModel::ProfitColumn).data().toString(), u"30.00"_s);
    QCOMPARE(rig.groups.index(0, PositionsModel::SwapColumn).data().toString(), u"-1.00"_s);
    QCOMPARE(rig.groups.index(0, PositionsModel::ProfitColumn)
                 .data(PositionsModel::ToneRole)
                 .value<Tone>(),
             Tone::Gain);
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

QTEST_GUILESS_MAIN(tst_PositionsGroupModel)
#include "tst_positionsgroupmodel.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/positionbook.h"
#include "fixtures.h"
#include "models/positionsfiltermodel.h"
#include "models/positionsmodel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Mode = PositionsFilterModel::Mode;

namespace {

// The original web client's arrayFilter, ported line for line (socket.js):
//   arr1 = array.filter(v => v.flwsig == true); arr2 = array.filter(v => v.flwsig == false)
//   'normal': signalId ? arr1 filtered by sigtraderid : arr1.concat(arr2)
//   otherwise: { arr1: (signalId > 0 ? filtered : arr1), arr2 }
struct Split
{
    QList<Position> arr1;
    QList<Position> arr2;
};

QList<Position> arrayFilterNormal(const QList<Position> &array, qint64 signalId)
{
    QList<Position> arr1;
    QList<Position> arr2;
    for (const Position &v : array)
        (v.flwsig ? arr1 : arr2).append(v);
    if (signalId) {
        QList<Position> only;
        for (const Position &v : array) {
            if (v.flwsig && v.sigtraderid == signalId)
                only.append(v);
        }
        return only;
    }
    return arr1 + arr2;
}

Split arrayFilterSplit(const QList<Position> &array, qint64 signalId)
{
    Split split;
    for (const Position &v : array) {
        if (v.flwsig && (signalId <= 0 || v.sigtraderid == signalId))
            split.arr1.append(v);
        if (!v.flwsig)
            split.arr2.append(v);
    }
    return split;
}

QList<Position> randomAccount(int count)
{
    QRandomGenerator random(2024);
    const QStringList symbols = {u"EURUSD"_s, u"XAUUSD"_s, u"BTCUSD"_s, u"USDJPY"_s};
    QList<Position> list;
    for (int i = 0; i < count; ++i) {
        Position p;
        p.ticket = 5000 + i * 7;
        p.symbol = symbols.at(int(random.bounded(symbols.size())));
        p.volume = 0.1 * (1 + random.bounded(20));
        p.price = 1.0;
        p.openPrice = 1.0;
        p.profit = double(int(random.bounded(2000)) - 1000) / 10.0;
        p.swap = -double(random.bounded(50)) / 10.0;
        p.commission = -double(random.bounded(30)) / 10.0;
        p.flwsig = random.bounded(3) == 0;
        p.sigtraderid = p.flwsig ? 88001 + random.bounded(3) : 0;
        list.append(p);
    }
    return list;
}

QList<qint64> ticketsOf(const QList<Position> &list)
{
    QList<qint64> tickets;
    for (const Position &p : list)
        tickets.append(p.ticket);
    return tickets;
}

QList<qint64> shown(const PositionsFilterModel &proxy)
{
    QList<qint64> tickets;
    for (int row = 0; row < proxy.rowCount(); ++row)
        tickets.append(proxy.index(row, 0).data(PositionsModel::TicketRole).toLongLong());
    return tickets;
}

} // namespace

class tst_PositionsFilterModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void matchesTheOriginalArrayFilter_data();
    void matchesTheOriginalArrayFilter();
    void searchBySymbolOrTicket();
    void symbolNarrowsEveryMode_data();
    void symbolNarrowsEveryMode();
    void totalsMatchTheRowsShown_data();
    void totalsMatchTheRowsShown();
    void userSortAndBackToDefault();
    void followsLiveChanges();
    void aBurstOfTicksOnTheSortedColumnKeepsTheOrder_data();
    void aBurstOfTicksOnTheSortedColumnKeepsTheOrder();
    void aBurstThatChangesSymbolsIsFilteredToo();
    void aPositionThatStartsFollowingMovesUp();
    void everyRoleAtOnceAnswersAsOneByOne();
    void oneAccountOrAll();

private:
    PositionBook *m_book = nullptr;
    PositionsModel *m_model = nullptr;
    PositionsFilterModel *m_proxy = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
    QList<Position> m_account;
};

void tst_PositionsFilterModel::init()
{
    m_book = new PositionBook;
    m_model = new PositionsModel(m_book);
    m_proxy = new PositionsFilterModel;
    m_proxy->setSourceModel(m_model);
    m_tester = new QAbstractItemModelTester(m_proxy,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_account = randomAccount(60);
    FeedMessage snapshot;
    snapshot.type = FeedMessage::Type::Snapshot;
    snapshot.seq = 1;
    snapshot.positions = m_account;
    m_book->apply(snapshot);
}

void tst_PositionsFilterModel::cleanup()
{
    delete m_tester;
    delete m_proxy;
    delete m_model;
    delete m_book;
}

void tst_PositionsFilterModel::matchesTheOriginalArrayFilter_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<qint64>("signalId");
    for (const qint64 id : {qint64(0), qint64(88001), qint64(88003), qint64(99999)}) {
        QTest::addRow("All, signal %lld", id) << Mode::All << id;
        QTest::addRow("Following, signal %lld", id) << Mode::Following << id;
        QTest::addRow("Mine, signal %lld", id) << Mode::Mine << id;
    }
}

void tst_PositionsFilterModel::matchesTheOriginalArrayFilter()
{
    QFETCH(Mode, mode);
    QFETCH(qint64, signalId);
    m_proxy->setMode(mode);
    m_proxy->setSignalTraderId(signalId);
    QList<Position> expected;
    switch (mode) {
    case Mode::All:
        expected = arrayFilterNormal(m_account, signalId);
        break;
    case Mode::Following:
        expected = arrayFilterSplit(m_account, signalId).arr1;
        break;
    case Mode::Mine:
        expected = arrayFilterSplit(m_account, signalId).arr2;
        break;
    }
    // The same positions in the same order: following first, each group in feed order.
    QCOMPARE(shown(*m_proxy), ticketsOf(expected));
}

void tst_PositionsFilterModel::searchBySymbolOrTicket()
{
    m_proxy->setSearchText(u" xau "_s);
    QVERIFY(m_proxy->rowCount() > 0);
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        QCOMPARE(m_proxy->index(row, PositionsModel::SymbolColumn).data().toString(), u"XAUUSD"_s);
    m_proxy->setSearchText(u"5007"_s); // ticket 5007
    QCOMPARE(shown(*m_proxy), QList<qint64>({5007}));
    m_proxy->setSearchText(QString());
    QCOMPARE(m_proxy->rowCount(), 60);
}

void tst_PositionsFilterModel::symbolNarrowsEveryMode_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addRow("All") << Mode::All;
    QTest::addRow("Following") << Mode::Following;
    QTest::addRow("Mine") << Mode::Mine;
}

void tst_PositionsFilterModel::symbolNarrowsEveryMode()
{
    QFETCH(Mode, mode);
    // A trader chosen before switching to Mine is ignored there, not applied to own positions.
    m_proxy->setSignalTraderId(88001);
    m_proxy->setMode(mode);
    m_proxy->setSymbol(u"usdjpy"_s); // any case, as a symbol typed by hand
    QList<qint64> expected;
    for (const Position &p : std::as_const(m_account)) {
        const bool modeOk = mode == Mode::Mine ? !p.flwsig : (p.flwsig && p.sigtraderid == 88001);
        if (modeOk && p.symbol == u"USDJPY"_s)
            expected.append(p.ticket);
    }
    QList<qint64> got = shown(*m_proxy);
    std::sort(got.begin(), got.end());
    std::sort(expected.begin(), expected.end());
    QVERIFY(!expected.isEmpty());
    QCOMPARE(got, expected);
    QVERIFY(m_proxy->filter().isActive());
    QCOMPARE(m_proxy->totals().of, 60);
    QCOMPARE(m_proxy->totals().count, expected.size());
    m_proxy->setSymbol({});
    m_proxy->setSignalTraderId(0);
    m_proxy->setMode(Mode::All);
    QVERIFY(!m_proxy->filter().isActive());
    QCOMPARE(m_proxy->rowCount(), 60);
}

void tst_PositionsFilterModel::totalsMatchTheRowsShown_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<qint64>("signalId");
    QTest::addRow("All") << Mode::All << qint64(0);
    QTest::addRow("Following") << Mode::Following << qint64(0);
    QTest::addRow("Following 88002") << Mode::Following << qint64(88002);
    QTest::addRow("Mine") << Mode::Mine << qint64(0);
}

void tst_PositionsFilterModel::totalsMatchTheRowsShown()
{
    QFETCH(Mode, mode);
    QFETCH(qint64, signalId);
    m_proxy->setMode(mode);
    m_proxy->setSignalTraderId(signalId);
    double volume = 0;
    double profit = 0;
    double net = 0;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        for (const int column : {PositionsModel::ProfitColumn, PositionsModel::SwapColumn,
                                 PositionsModel::CommissionColumn})
            net += m_proxy->index(row, column).data(PositionsModel::SortRole).toDouble();
        volume += m_proxy->index(row, PositionsModel::VolumeColumn)
                      .data(PositionsModel::SortRole)
                      .toDouble();
        profit += m_proxy->index(row, PositionsModel::ProfitColumn)
                      .data(PositionsModel::SortRole)
                      .toDouble();
    }
    const PositionsFilterModel::Totals totals = m_proxy->totals();
    QCOMPARE(totals.count, m_proxy->rowCount());
    QVERIFY(totals.count > 0);
    QVERIFY(qAbs(totals.volume - volume) < 1e-9);
    QVERIFY(qAbs(totals.profit - profit) < 1e-9);
    QVERIFY(qAbs(totals.net - net) < 1e-9);
}

void tst_PositionsFilterModel::userSortAndBackToDefault()
{
    const QList<qint64> defaultOrder = shown(*m_proxy);
    m_proxy->sort(PositionsModel::ProfitColumn, Qt::DescendingOrder);
    QVERIFY(m_proxy->isUserSorted());
    double previous = std::numeric_limits<double>::max();
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const double profit = m_proxy->index(row, PositionsModel::ProfitColumn)
                                  .data(PositionsModel::SortRole)
                                  .toDouble();
        QVERIFY(profit <= previous);
        previous = profit;
    }
    m_proxy->sort(-1);
    QVERIFY(!m_proxy->isUserSorted());
    QCOMPARE(shown(*m_proxy), defaultOrder);
}

void tst_PositionsFilterModel::followsLiveChanges()
{
    m_proxy->setMode(Mode::Mine);
    QSignalSpy totalsChanged(m_proxy, &PositionsFilterModel::totalsChanged);
    const int before = m_proxy->rowCount();
    Position own;
    own.ticket = 99999;
    own.symbol = u"EURUSD"_s;
    own.volume = 1.0;
    own.profit = 5.0;
    m_book->applyPositions({own});
    QCOMPARE(m_proxy->rowCount(), before + 1);
    QVERIFY(totalsChanged.count() > 0);
    Position copied = own;
    copied.ticket = 99998;
    copied.flwsig = true;
    copied.sigtraderid = 88001;
    m_book->applyPositions({copied});
    QCOMPARE(m_proxy->rowCount(), before + 1); // Mine does not show copies
}

void tst_PositionsFilterModel::aBurstOfTicksOnTheSortedColumnKeepsTheOrder_data()
{
    QTest::addColumn<int>("changed"); // rows whose price and profit tick in one flush
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    // A few rows far apart are several changes in one flush: each must be sorted against
    // the values of the others, not against where they were.
    QTest::newRow("one row, price down")
        << 1 << int(PositionsModel::PriceColumn) << Qt::DescendingOrder;
    QTest::newRow("a few rows, price down")
        << 3 << int(PositionsModel::PriceColumn) << Qt::DescendingOrder;
    QTest::newRow("every row, price down")
        << 120 << int(PositionsModel::PriceColumn) << Qt::DescendingOrder;
    QTest::newRow("a few rows, profit up")
        << 3 << int(PositionsModel::ProfitColumn) << Qt::AscendingOrder;
    QTest::newRow("every row, profit up")
        << 120 << int(PositionsModel::ProfitColumn) << Qt::AscendingOrder;
}

void tst_PositionsFilterModel::aBurstOfTicksOnTheSortedColumnKeepsTheOrder()
{
    QFETCH(int, changed);
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QList<Position> more = randomAccount(60);
    for (Position &p : more)
        p.ticket += 100000;
    m_book->applyPositions(more);
    m_proxy->sort(column, order);
    // The row the trader selected: it must stay on its position whatever the order does.
    const qint64 selectedTicket = m_account.at(7).ticket;
    QPersistentModelIndex selected;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        if (m_proxy->index(row, 0).data(PositionsModel::TicketRole).toLongLong() == selectedTicket)
            selected = m_proxy->index(row, 0);
    }
    QVERIFY(selected.isValid());

    QRandomGenerator random(7);
    QList<Position> ticks;
    const QList<Position> all = m_book->positions();
    for (int i = 0; i < all.size(); ++i) {
        if (changed < all.size() && i % (all.size() / changed) != 0)
            continue;
        Position p = all.at(i);
        p.price = 1.0 + double(random.bounded(100000)) / 1000.0;
        p.profit = double(random.bounded(-50000, 50000)) / 100.0;
        ticks.append(p);
    }
    QSignalSpy layouts(m_proxy, &QAbstractItemModel::layoutChanged);
    m_book->applyPositions(ticks);
    m_model->flush();
    QVERIFY(layouts.count() >= 1);

    // What the trader sees: every row in order, none lost, none twice.
    QCOMPARE(m_proxy->rowCount(), m_book->count());
    QSet<qint64> seen;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex cell = m_proxy->index(row, column);
        if (row > 0) {
            const double before =
                m_proxy->index(row - 1, column).data(PositionsModel::SortRole).toDouble();
            const double here = cell.data(PositionsModel::SortRole).toDouble();
            QVERIFY2(order == Qt::AscendingOrder ? before <= here : before >= here,
                     qPrintable(u"row %1 out of order"_s.arg(row)));
        }
        seen.insert(cell.data(PositionsModel::TicketRole).toLongLong());
    }
    QCOMPARE(seen.size(), m_book->count());
    QVERIFY(selected.isValid());
    QCOMPARE(selected.data(PositionsModel::TicketRole).toLongLong(), selectedTicket);
}

void tst_PositionsFilterModel::aBurstThatChangesSymbolsIsFilteredToo()
{
    m_proxy->sort(PositionsModel::PriceColumn, Qt::AscendingOrder);
    m_proxy->setSymbol(u"EURUSD"_s);
    const int before = m_proxy->rowCount();
    QVERIFY(before > 0);
    // Every position ticks, and every EURUSD one turns out to be GBPUSD: none is shown.
    QList<Position> ticks = m_book->positions();
    for (Position &p : ticks) {
        p.price += 0.5;
        if (p.symbol == u"EURUSD"_s)
            p.symbol = u"GBPUSD"_s;
    }
    m_book->applyPositions(ticks);
    m_model->flush();
    QCOMPARE(m_proxy->rowCount(), 0);
    QCOMPARE(m_proxy->totals().count, 0);
}

void tst_PositionsFilterModel::aPositionThatStartsFollowingMovesUp()
{
    // The default order: following positions first. One of the trader's own positions
    // turns out to copy a signal trader: it joins them, in the feed's order.
    QList<qint64> before = shown(*m_proxy);
    const auto own = std::find_if(m_account.cbegin(), m_account.cend(),
                                  [](const Position &p) { return !p.flwsig; });
    QVERIFY(own != m_account.cend());
    Position now = *own;
    now.flwsig = true;
    now.sigtraderid = 88001;
    m_book->applyPositions({now});
    m_model->flush();
    QList<Position> expected = m_book->positions();
    std::stable_partition(expected.begin(), expected.end(),
                          [](const Position &p) { return p.flwsig; });
    QCOMPARE(shown(*m_proxy), ticketsOf(expected));
    QVERIFY(shown(*m_proxy) != before);
}

void tst_PositionsFilterModel::everyRoleAtOnceAnswersAsOneByOne()
{
    // A delegate asks for its roles in one multiData call: the answers are those of data().
    m_proxy->sort(PositionsModel::ProfitColumn, Qt::DescendingOrder);
    m_proxy->setMode(Mode::Following);
    QVERIFY(m_proxy->rowCount() > 0);
    const QList<int> roles = {Qt::DisplayRole,
                              Qt::ToolTipRole,
                              Qt::TextAlignmentRole,
                              Qt::FontRole,
                              Qt::ForegroundRole,
                              Qt::CheckStateRole,
                              PositionsModel::SortRole,
                              PositionsModel::ToneRole,
                              PositionsModel::FollowingRole,
                              PositionsModel::SignalTraderIdRole,
                              PositionsModel::TicketRole};
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        for (int column = 0; column < PositionsModel::ColumnCount; ++column) {
            const QModelIndex index = m_proxy->index(row, column);
            std::vector<QModelRoleData> all(roles.cbegin(), roles.cend());
            index.multiData(all);
            for (const QModelRoleData &one : all) {
                QVERIFY2(one.data() == index.data(one.role()),
                         qPrintable(
                             u"row %1, column %2, role %3"_s.arg(row).arg(column).arg(one.role())));
            }
        }
    }
    // An index of no row answers nothing.
    std::vector<QModelRoleData> none(roles.cbegin(), roles.cend());
    none.front().setData(u"left over"_s);
    m_proxy->multiData(QModelIndex(), none);
    for (const QModelRoleData &one : none)
        QVERIFY(!one.data().isValid());
}

void tst_PositionsFilterModel::oneAccountOrAll()
{
    // A second account beside the first: ticket 1 at both, one following, one own.
    PositionBook prop;
    m_model->addBook(&prop, u"Prop"_s);
    prop.applySnapshot(Fixtures::positions(R"([
        {"ticket":1,"symbol":"XAUUSD","volume":2.0,"profit":-40,"flwsig":false},
        {"ticket":2,"symbol":"EURUSD","volume":1.0,"profit":15,"flwsig":true,
         "sigtraderid":88001,"signame":"AlphaTrend FX"}])"));
    const int first = int(m_account.size());
    QCOMPARE(m_proxy->rowCount(), first + 2);
    QCOMPARE(m_proxy->totals().accounts, QList<int>({0, 1}));

    m_proxy->setAccount(1);
    QCOMPARE(m_proxy->rowCount(), 2);
    // Following first, as in one account.
    QCOMPARE(m_proxy->index(0, PositionsModel::TicketColumn).data().toString(), u"2"_s);
    QCOMPARE(m_proxy->index(1, PositionsModel::SymbolColumn).data().toString(), u"XAUUSD"_s);
    const PositionsFilterModel::Totals prop1 = m_proxy->totals();
    QCOMPARE(prop1.count, 2);
    QCOMPARE(prop1.volume, 3.0);
    QCOMPARE(prop1.profit, -25.0);
    QCOMPARE(prop1.of, first + 2);
    QCOMPARE(prop1.accounts, QList<int>({1}));
    // The other filters narrow the account's rows.
    m_proxy->setMode(PositionsFilterModel::Mode::Mine);
    QCOMPARE(m_proxy->rowCount(), 1);
    QCOMPARE(m_proxy->totals().volume, 2.0);

    m_proxy->setMode(PositionsFilterModel::Mode::All);
    m_proxy->setAccount(0);
    QCOMPARE(m_proxy->rowCount(), first);
    QCOMPARE(m_proxy->totals().accounts, QList<int>({0}));
    m_proxy->setAccount(-1);
    QCOMPARE(m_proxy->rowCount(), first + 2);
}

QTEST_GUILESS_MAIN(tst_PositionsFilterModel)
#include "tst_positionsfiltermodel.moc"

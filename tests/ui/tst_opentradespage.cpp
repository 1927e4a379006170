// SPDX-License-Identifier: GPL-3.0-or-later
// What the Open Trades page costs the screen: a flush of ticks over a table sorted on a
// ticking column is painted once, in its new order, flat or grouped; figures that tick
// repaint themselves, not the window around them. And a group's label is read to its end,
// where its net is.
#include "accountbar.h"
#include "feed/positionbook.h"
#include "fixtures.h"
#include "models/positionsfiltermodel.h"
#include "models/positionsgroupmodel.h"
#include "models/positionsmodel.h"
#include "opentradespage.h"
#include "simulator/tradingsimulation.h"
#include "tonedelegate.h"
#include "windowtest.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QImage>
#include <QItemSelectionModel>
#include <QMenu>
#include <QPainter>
#include <QProxyStyle>
#include <QSettings>
#include <QStyleOptionViewItem>
#include <QStyledItemDelegate>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <limits>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using Grouping = PositionsGroupModel::Grouping;

namespace {

// Counts the paint events a widget receives.
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(QWidget *widget)
        : m_widget(widget)
    {
        widget->installEventFilter(this);
    }
    ~PaintCounter() override { m_widget->removeEventFilter(this); }

    int paints = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }

private:
    QWidget *m_widget = nullptr;
};

// True once the event loop has gone round a few times after the call: whatever was posted
// or put off to a zero timer by then (a delayed layout, the repaint it asks for) has run.
bool drained()
{
    bool done = false;
    QTimer::singleShot(0, [&done] {
        QTimer::singleShot(0, [&done] { QTimer::singleShot(0, [&done] { done = true; }); });
    });
    return QTest::qWaitFor([&done] { return done; });
}

// True once a round of the event loop paints nothing in `window`: what showing it set off
// (layouts that climb a level per pass, the paints they ask for) is over.
bool settled(QWidget *window)
{
    for (int round = 0; round < 20; ++round) {
        PaintCounter counter(window);
        const QList<QWidget *> children = window->findChildren<QWidget *>();
        std::vector<std::unique_ptr<PaintCounter>> each;
        for (QWidget *child : children)
            each.push_back(std::make_unique<PaintCounter>(child));
        if (!drained())
            return false;
        const bool painted =
            counter.paints > 0 ||
            std::any_of(each.cbegin(), each.cend(), [](const auto &c) { return c->paints > 0; });
        if (!painted)
            return true;
    }
    return false;
}

// Notes how each item view cell with text is drawn: its text and how it is elided.
class ElideRecorder : public QProxyStyle
{
public:
    struct Cell
    {
        QString text;
        Qt::TextElideMode mode = Qt::ElideNone;
    };

    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget) const override
    {
        if (element == CE_ItemViewItem) {
            const auto *item = qstyleoption_cast<const QStyleOptionViewItem *>(option);
            if (item && !item->text.isEmpty())
                cells.append({item->text, item->textElideMode});
        }
        QProxyStyle::drawControl(element, option, painter, widget);
    }

    mutable QList<Cell> cells;
};

// Every group's label cell with the room its whole text asks for.
bool labelsFit(QTableView *table, QString *why)
{
    const QAbstractItemModel *shown = table->model();
    int groups = 0;
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QModelIndex label = shown->index(row, 0);
        if (!label.data(PositionsGroupModel::GroupRole).toBool())
            continue;
        ++groups;
        const int has = table->visualRect(label).width();
        const int wants = table->sizeHintForIndex(label).width();
        if (has < wants) {
            *why = u"%1: %2 px of %3"_s.arg(label.data().toString()).arg(has).arg(wants);
            return false;
        }
    }
    *why = u"%1 groups"_s.arg(groups);
    return groups > 1;
}

// Positions copying signal traders with long names: their groups' labels are longer than the
// ticket, time, symbol and type they run over.
void fillWithLongNames(PositionBook &book)
{
    TradingSimulation::Options options;
    options.positions = 15;
    options.startTime = 1732590000000;
    QList<Position> positions = TradingSimulation(options).openPositions();
    for (Position &p : positions) {
        if (p.flwsig)
            p.signame = u"Northern Lights Capital · "_s + p.signame;
    }
    book.applySnapshot(positions);
}

// A page over a book, with the account's models it is given (made first, gone last).
struct PageOf
{
    explicit PageOf(PositionBook *book)
        : positions(book)
        , summary(book)
    {}
    PositionsModel positions;
    AccountSummary summary;
    OpenTradesPage page{&positions, &summary};
};

} // namespace

class tst_OpenTradesPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFlushOfTicksOnTheSortedColumnIsPaintedOnce_data();
    void aFlushOfTicksOnTheSortedColumnIsPaintedOnce();
    void tickingFiguresRepaintOnlyThemselves();
    void aGroupsLabelIsReadToItsNet_data();
    void aGroupsLabelIsReadToItsNet();
    void aLabelTooLongForTheWindowLosesItsMiddle();
    void manyNewRowsKeepTheSelectionAndTheView_data();
    void manyNewRowsKeepTheSelectionAndTheView();
    void aRowItCannotReadIsSignedAndSaysWhy();
    void columnsWidenWhenWiderValuesArrive();
    void unusableSavedWidthsAreFitted();
};

void tst_OpenTradesPage::aFlushOfTicksOnTheSortedColumnIsPaintedOnce_data()
{
    QTest::addColumn<Grouping>("grouping");
    QTest::newRow("flat") << Grouping::None;
    QTest::newRow("grouped by symbol") << Grouping::Symbol;
}

void tst_OpenTradesPage::aFlushOfTicksOnTheSortedColumnIsPaintedOnce()
{
    QFETCH(Grouping, grouping);
    TradingSimulation::Options options;
    options.positions = 300; // over the bulk-sort threshold of a flush
    options.startTime = 1732590000000;
    PositionBook book;
    book.applySnapshot(TradingSimulation(options).openPositions());
    PageOf over(&book);
    OpenTradesPage &page = over.page;
    page.resize(1000, 600);
    page.setGrouping(grouping);
    QTableView *table = page.table();
    table->sortByColumn(PositionsModel::PriceColumn, Qt::DescendingOrder);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(drained());

    // Every price turned around: the order changes from top to bottom.
    QList<Position> ticks = book.positions();
    for (Position &p : ticks)
        p.price = 1.0 / p.price;
    PaintCounter counter(table->viewport());
    book.applyPositions(ticks);
    page.model()->flush();
    QTRY_COMPARE(counter.paints, 1);
    QVERIFY(drained());
    QCOMPARE(counter.paints, 1);

    // And that one paint showed the new order.
    double previous = std::numeric_limits<double>::max();
    QAbstractItemModel *shown = table->model();
    int positions = 0;
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QModelIndex price = shown->index(row, PositionsModel::PriceColumn);
        if (shown->index(row, 0).data(PositionsGroupModel::GroupRole).toBool()) {
            previous = std::numeric_limits<double>::max(); // each group in its own order
            continue;
        }
        const double value = price.data(PositionsModel::SortRole).toDouble();
        QVERIFY2(value <= previous, qPrintable(u"row %1 out of order"_s.arg(row)));
        previous = value;
        ++positions;
    }
    QCOMPARE(positions, book.count());
}

void tst_OpenTradesPage::tickingFiguresRepaintOnlyThemselves()
{
    TradingSimulation::Options options;
    options.positions = 50;
    options.startTime = 1732590000000;
    TradingSimulation simulation(options);
    PositionBook book;
    book.applySnapshot(simulation.openPositions());
    book.applyAccount(simulation.account());
    // In a tab widget, as in the main window: a layout request that reaches the tab widget
    // repaints all of it.
    QTabWidget tabs;
    PositionsModel positions(&book);
    AccountSummary summary(&book);
    auto *page = new OpenTradesPage(&positions, &summary);
    tabs.addTab(page, u"Open Trades"_s);
    tabs.resize(1000, 600);
    tabs.show();
    QVERIFY(QTest::qWaitForWindowActive(&tabs)); // activation repaints everything
    // A first tick carries the equity from the positions (marked "≈", which widens it): the
    // rounds below start from there.
    QList<Position> first = book.positions();
    first.first().profit += 0.01;
    book.applyPositions(first);
    page->model()->flush();
    QTRY_VERIFY(page->accountBar()->value(AccountBar::Field::Equity).startsWith(u"≈"_s));
    QVERIFY(settled(&tabs));

    // Ticks that keep every figure as wide as it was (its sign, its number of digits): the
    // window has nothing to lay out again. (A tick that widens a figure may relayout it.) The
    // first round is a warm-up: the platform may still repaint a window it has just shown.
    QList<int> repaints;
    for (int round = 0; round < 5; ++round) {
        PaintCounter tabBar(tabs.tabBar());
        PaintCounter figures(page->accountBar());
        const QString footer = totalsText(page);
        QList<Position> ticks = book.positions();
        for (Position &p : ticks)
            p.profit += 0.01;
        book.applyPositions(ticks);
        AccountFigures account = book.figures().value();
        account.equity += 1.0;
        book.applyAccount(account);
        page->model()->flush();
        QTRY_VERIFY(figures.paints > 0); // the figures repainted
        QVERIFY(drained());
        QVERIFY(totalsText(page) != footer);
        if (round > 0)
            repaints.append(tabBar.paints);
    }
    // The tabs above them did not change: they were not painted again.
    QCOMPARE(repaints, QList<int>({0, 0, 0, 0}));
}

void tst_OpenTradesPage::aGroupsLabelIsReadToItsNet_data()
{
    QTest::addColumn<bool>("groupedFirst");
    QTest::newRow("grouped with the rows there") << false;
    QTest::newRow("grouping restored before the first rows") << true;
}

void tst_OpenTradesPage::aGroupsLabelIsReadToItsNet()
{
    // "Your own positions — 11 positions, net +691.80" was cut short before its net: the
    // columns the label runs over were fitted to tickets, times, symbols and sides.
    QFETCH(bool, groupedFirst);
    PositionBook book;
    if (!groupedFirst)
        fillWithLongNames(book);
    PageOf over(&book);
    OpenTradesPage &page = over.page;
    page.resize(1600, 600); // room to spare beside the columns
    if (groupedFirst)
        page.setGrouping(Grouping::SignalTrader);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    if (groupedFirst)
        fillWithLongNames(book);
    else
        page.setGrouping(Grouping::SignalTrader);
    QString why;
    QTRY_VERIFY2(labelsFit(page.table(), &why), qPrintable(why));
}

void tst_OpenTradesPage::aLabelTooLongForTheWindowLosesItsMiddle()
{
    // No room to widen into: the label keeps its end (the net) and loses its middle; the
    // positions' cells are elided as before.
    PositionBook book;
    fillWithLongNames(book);
    PageOf over(&book);
    OpenTradesPage &page = over.page;
    page.resize(400, 600);
    page.setGrouping(Grouping::SignalTrader);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QString why;
    QVERIFY2(!labelsFit(page.table(), &why), qPrintable(why));

    ElideRecorder style;
    page.table()->setStyle(&style);
    page.table()->viewport()->grab();
    page.table()->setStyle(nullptr);
    int labels = 0;
    for (const ElideRecorder::Cell &cell : std::as_const(style.cells)) {
        if (!cell.text.contains(u", net "_s))
            continue;
        ++labels;
        QCOMPARE(cell.mode, Qt::ElideMiddle);
    }
    QVERIFY2(labels > 0, "no group label was too long to draw whole");
    const bool positionsAsBefore =
        std::all_of(style.cells.cbegin(), style.cells.cend(), [](const auto &cell) {
            return cell.text.contains(u", net "_s) || cell.mode == Qt::ElideRight;
        });
    QVERIFY(positionsAsBefore);
}

void tst_OpenTradesPage::manyNewRowsKeepTheSelectionAndTheView_data()
{
    QTest::addColumn<Grouping>("grouping");
    QTest::newRow("flat") << Grouping::None;
    QTest::newRow("grouped by symbol") << Grouping::Symbol;
}

void tst_OpenTradesPage::manyNewRowsKeepTheSelectionAndTheView()
{
    // Sorted by ticket, newest first: forty positions open at once (one reset of the table,
    // above them all). The selected position is still selected, Copy Ticket copies it, and
    // (without groups) the rows in view are the rows that were.
    QFETCH(Grouping, grouping);
    TradingSimulation::Options options;
    options.positions = 300;
    options.startTime = 1732590000000;
    TradingSimulation simulation(options);
    PositionBook book;
    book.applySnapshot(simulation.openPositions());
    PageOf over(&book);
    OpenTradesPage &page = over.page;
    page.resize(1000, 600);
    page.setGrouping(grouping);
    QTableView *table = page.table();
    table->sortByColumn(PositionsModel::TicketColumn, Qt::DescendingOrder);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QAbstractItemModel *shown = table->model();
    table->scrollTo(shown->index(120, 0), QAbstractItemView::PositionAtTop);
    const int topRow = table->rowAt(0);
    const qint64 topTicket = shown->index(topRow, 0).data(PositionsModel::TicketRole).toLongLong();
    int pick = topRow + 3;
    while (shown->index(pick, 0).data(PositionsModel::TicketRole).toLongLong() == 0)
        ++pick; // a position row, not a group's
    const qint64 picked = shown->index(pick, 0).data(PositionsModel::TicketRole).toLongLong();
    table->selectionModel()->setCurrentIndex(
        shown->index(pick, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(topTicket != 0 && picked != 0);

    QList<Position> opened;
    qint64 newest = 0;
    for (const Position &p : book.positions())
        newest = std::max(newest, p.ticket);
    for (int i = 1; i <= 40; ++i) {
        Position p = book.positions().at(i);
        p.ticket = newest + i;
        opened.append(p);
    }
    book.applyPositions(opened);
    QCOMPARE(shown->rowCount() > 300, true);
    QCOMPARE(table->currentIndex().data(PositionsModel::TicketRole).toLongLong(), picked);
    const QModelIndexList selected = table->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.at(0).data(PositionsModel::TicketRole).toLongLong(), picked);
    std::unique_ptr<QMenu> menu(page.rowMenu(table->currentIndex()));
    QVERIFY(menu);
    QGuiApplication::clipboard()->clear();
    menu->findChild<QAction *>(u"copyTicket"_s)->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::number(picked));
    if (grouping == Grouping::None) {
        QVERIFY(drained());
        QCOMPARE(shown->index(table->rowAt(0), 0).data(PositionsModel::TicketRole).toLongLong(),
                 topTicket);
    }
}

void tst_OpenTradesPage::aRowItCannotReadIsSignedAndSaysWhy()
{
    // A row the feed's last word on could not be read: its last good figures, in grey italics,
    // a warning sign by its ticket, and why in its tooltip.
    PositionBook book;
    TradingSimulation::Options options;
    options.positions = 5;
    options.startTime = 1732590000000;
    FeedMessage snapshot;
    snapshot.type = FeedMessage::Type::Snapshot;
    snapshot.seq = 1;
    snapshot.positions = TradingSimulation(options).openPositions();
    book.apply(snapshot);
    book.apply([&] {
        FeedMessage m;
        m.type = FeedMessage::Type::Positions;
        m.seq = 2;
        m.unreadable = {
            {book.at(2).ticket, u"Positions.data[0].profit: must be a number, not null"_s}};
        return m;
    }());
    PageOf over(&book);
    OpenTradesPage &page = over.page;
    page.resize(1000, 400);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QAbstractItemModel *shown = page.table()->model();
    int row = -1;
    for (int r = 0; r < shown->rowCount(); ++r) {
        if (shown->index(r, 0).data(PositionsModel::TicketRole).toLongLong() == book.at(2).ticket)
            row = r;
    }
    QVERIFY(row >= 0);
    const QString tip =
        shown->index(row, PositionsModel::ProfitColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"could not be read"_s) && tip.contains(u"profit: must be a number"_s),
             qPrintable(tip));
    // What a ToneDelegate set up as the page's does with that row: grey italics and a sign.
    struct Probe : ToneDelegate
    {
        using ToneDelegate::initStyleOption;
        using ToneDelegate::ToneDelegate;
    };
    Probe probe(PositionsModel::ToneRole, {PositionsModel::ProfitColumn});
    probe.setUnreadableRole(PositionsModel::UnreadableRole, PositionsModel::TicketColumn);
    const auto styled = [&](int r, int column) {
        QStyleOptionViewItem o;
        o.initFrom(page.table());
        probe.initStyleOption(&o, shown->index(r, column));
        return o;
    };
    const QStyleOptionViewItem marked = styled(row, PositionsModel::TicketColumn);
    QVERIFY(marked.font.italic());
    QVERIFY(marked.features & QStyleOptionViewItem::HasDecoration);
    QVERIFY(!marked.icon.isNull());
    QVERIFY(
        styled(row, PositionsModel::SymbolColumn).icon.isNull()); // the sign by the ticket alone
    const int other = row == 0 ? 1 : 0;
    QVERIFY(!styled(other, PositionsModel::TicketColumn).font.italic());
    QVERIFY(!(styled(other, PositionsModel::TicketColumn).features &
              QStyleOptionViewItem::HasDecoration));
    // And the page's own delegate draws that cell so: as the probe does, not as a plain one.
    const auto drawn = [&](QAbstractItemDelegate *delegate) {
        const QModelIndex index = shown->index(row, PositionsModel::TicketColumn);
        QStyleOptionViewItem o;
        o.initFrom(page.table());
        o.rect = QRect(QPoint(0, 0), page.table()->visualRect(index).size());
        QImage image(o.rect.size(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        delegate->paint(&painter, o, index);
        return image;
    };
    ToneDelegate plain(PositionsModel::ToneRole, {PositionsModel::ProfitColumn});
    const QImage onPage = drawn(page.table()->itemDelegate());
    QCOMPARE(onPage, drawn(&probe));
    QVERIFY(onPage != drawn(&plain));
}

void tst_OpenTradesPage::columnsWidenWhenWiderValuesArrive()
{
    // Fitted to the first positions (forex, five digits), the price columns then see bitcoin
    // at 67,676.12: they widen to show it whole, while there is room. A column the user
    // dragged narrower stays as they left it.
    PositionBook book;
    PageOf over(&book);
    OpenTradesPage &page = over.page;
    page.resize(1600, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    book.applySnapshot({Fixtures::position(
        R"({"ticket":1,"symbol":"EURUSD","volume":0.1,"openPrice":1.08,"price":1.081,
            "sl":1.07,"tp":1.09})")});
    QVERIFY(drained()); // the first rows' fit, a turn after they came
    QTableView *table = page.table();
    QHeaderView *header = table->horizontalHeader();
    const auto fits = [&](int column) {
        return header->sectionSize(column) >=
               static_cast<QAbstractItemView *>(table)->sizeHintForColumn(column);
    };
    QTRY_VERIFY(fits(PositionsModel::PriceColumn));
    const int before = header->sectionSize(PositionsModel::PriceColumn);
    // The user narrows Stop loss by hand.
    QTest::mousePress(header->viewport(), Qt::LeftButton, {}, QPoint(1, 1));
    header->resizeSection(PositionsModel::StopLossColumn, 30);
    QTest::mouseRelease(header->viewport(), Qt::LeftButton, {}, QPoint(1, 1));

    book.applyPositions({Fixtures::position(
        R"({"ticket":2,"symbol":"BTCUSD","volume":0.01,"openPrice":67676.12,
            "price":67999.99,"sl":66666.66,"tp":69999.99,"profit":-1234.56})")});
    QTRY_VERIFY(header->sectionSize(PositionsModel::PriceColumn) > before);
    QVERIFY(fits(PositionsModel::PriceColumn));
    QVERIFY(fits(PositionsModel::OpenPriceColumn));
    QVERIFY(fits(PositionsModel::TakeProfitColumn));
    QCOMPARE(header->sectionSize(PositionsModel::StopLossColumn), 30);
}

void tst_OpenTradesPage::unusableSavedWidthsAreFitted()
{
    // A settings file with a column saved 0 wide and one 100,000 wide (damaged, or from
    // another screen): those two are fitted to their contents, the rest kept.
    PositionBook book;
    book.applySnapshot({Fixtures::position(
        R"({"ticket":1,"symbol":"EURUSD","volume":0.1,"openPrice":1.08,"price":1.081})")});
    QByteArray state;
    {
        PageOf first(&book);
        QHeaderView *header = first.page.table()->horizontalHeader();
        header->resizeSection(PositionsModel::SymbolColumn, 0);
        header->resizeSection(PositionsModel::PriceColumn, 100000);
        header->resizeSection(PositionsModel::VolumeColumn, 77);
        state = header->saveState();
    }
    PageOf over(&book);
    OpenTradesPage &page = over.page;
    page.resize(1200, 600);
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    settings.setValue(u"openTrades/header"_s, state);
    page.restoreState(settings);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QHeaderView *header = page.table()->horizontalHeader();
    QCOMPARE(header->sectionSize(PositionsModel::VolumeColumn), 77);
    QVERIFY(header->sectionSize(PositionsModel::SymbolColumn) > 0);
    QVERIFY(header->sectionSize(PositionsModel::PriceColumn) > 0);
    QVERIFY(header->sectionSize(PositionsModel::PriceColumn) <= 220);
}

QTEST_MAIN(tst_OpenTradesPage)
#include "tst_opentradespage.moc"

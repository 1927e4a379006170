// SPDX-License-Identifier: GPL-3.0-or-later
// The table both pages show their trades in: sorted once, in the order asked; a right-click
// on a row acts on that row; the header's menu lists the columns and takes a page's entries.
#include "tradetable.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// Three columns of three rows; remembers every sort it is asked for.
class SortCountingModel : public QStandardItemModel
{
public:
    SortCountingModel()
        : QStandardItemModel(3, 3)
    {
        setHorizontalHeaderLabels({u"Ticket"_s, u"Symbol"_s, u"Profit"_s});
        for (int row = 0; row < 3; ++row) {
            for (int column = 0; column < 3; ++column)
                setItem(row, column, new QStandardItem(u"%1-%2"_s.arg(row).arg(column)));
        }
    }
    void sort(int column, Qt::SortOrder order) override
    {
        sorts.append({column, order});
        QStandardItemModel::sort(column, order);
    }
    QList<std::pair<int, Qt::SortOrder>> sorts;
};

// A table in the model's own order, on screen.
struct ShownTable
{
    ShownTable()
    {
        table.resize(400, 300);
        table.show();
    }
    SortCountingModel model;
    QStyledItemDelegate delegate;
    TradeTable table{&model, &delegate, {}, -1, Qt::AscendingOrder};
};

// Closes the menu that is about to open, once it has.
void closeMenuWhenOpen()
{
    QTimer::singleShot(0, [] {
        if (QWidget *popup = QApplication::activePopupWidget())
            popup->close();
    });
}

} // namespace

class tst_TradeTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sortsOnceInTheOrderAsked();
    void rowsReadAsOneLineAndTabLeaves();
    void aRightClickActsOnTheRowClicked();
    void theHeaderMenuListsTheColumnsAndTakesAPagesEntries();
};

void tst_TradeTable::sortsOnceInTheOrderAsked()
{
    SortCountingModel model;
    QStyledItemDelegate delegate;
    TradeTable table(&model, &delegate, {2}, 1, Qt::DescendingOrder);
    QCOMPARE(model.sorts, (QList<std::pair<int, Qt::SortOrder>>{{1, Qt::DescendingOrder}}));
    QCOMPARE(table.horizontalHeader()->sortIndicatorSection(), 1);
    QVERIFY(table.isSortingEnabled());
    QVERIFY(table.horizontalHeader()->sectionsMovable());

    SortCountingModel unsorted;
    QStyledItemDelegate feedOrderDelegate;
    TradeTable feedOrder(&unsorted, &feedOrderDelegate, {}, -1, Qt::AscendingOrder);
    for (const auto &sort : unsorted.sorts)
        QCOMPARE(sort.first, -1); // the model's own order, never a column's
}

void tst_TradeTable::rowsReadAsOneLineAndTabLeaves()
{
    SortCountingModel model;
    QStyledItemDelegate delegate;
    TradeTable table(&model, &delegate, {}, -1, Qt::AscendingOrder);
    QCOMPARE(table.selectionBehavior(), QAbstractItemView::SelectRows);
    QVERIFY(!table.tabKeyNavigation());
    QVERIFY(!table.wordWrap());
    QVERIFY(table.verticalHeader()->isHidden());
    QCOMPARE(table.verticalHeader()->defaultSectionSize(), table.fontMetrics().height() + 8);
    QVERIFY(table.rowCopy());
    QVERIFY(table.fit());
}

void tst_TradeTable::aRightClickActsOnTheRowClicked()
{
    ShownTable shown;
    SortCountingModel &model = shown.model;
    TradeTable &table = shown.table;
    QVERIFY(QTest::qWaitForWindowExposed(&table));
    table.selectRow(0);

    QModelIndex asked;
    table.setRowMenu([&asked](const QModelIndex &index) {
        asked = index;
        auto *menu = new QMenu;
        menu->addAction(u"Copy"_s);
        return menu;
    });
    const QPoint onRow2 = table.visualRect(model.index(2, 1)).center();
    closeMenuWhenOpen();
    Q_EMIT table.customContextMenuRequested(onRow2);
    QCOMPARE(asked.row(), 2);
    // The row clicked is the row acted on.
    const QModelIndexList selected = table.selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().row(), 2);

    // A click beside the rows opens nothing.
    asked = {};
    Q_EMIT table.customContextMenuRequested(QPoint(5, table.viewport()->height() - 2));
    QVERIFY(!asked.isValid());
}

void tst_TradeTable::theHeaderMenuListsTheColumnsAndTakesAPagesEntries()
{
    ShownTable shown;
    TradeTable &table = shown.table;
    QVERIFY(QTest::qWaitForWindowExposed(&table));
    QStringList entries;
    connect(&table, &TradeTable::columnMenuAboutToShow, &table, [&entries](QMenu *menu) {
        menu->addAction(u"Default order"_s);
        for (const QAction *action : menu->actions()) {
            if (!action->isSeparator())
                entries.append(action->text());
        }
    });
    QHeaderView *header = table.horizontalHeader();
    closeMenuWhenOpen();
    Q_EMIT header->customContextMenuRequested(QPoint(5, 5));
    QCOMPARE(entries, (QStringList{u"Ticket"_s, u"Symbol"_s, u"Profit"_s, u"Default order"_s}));
}

QTEST_MAIN(tst_TradeTable)
#include "tst_tradetable.moc"

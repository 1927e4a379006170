// SPDX-License-Identifier: GPL-3.0-or-later
#include "rowcopy.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace {

// Three columns, rows from compact text: cells split by '|'.
void fill(QStandardItemModel &model, QStandardItem *parent, const QStringList &rows)
{
    for (const QString &row : rows) {
        QList<QStandardItem *> items;
        for (const QString &cell : row.split(u'|'))
            items.append(new QStandardItem(cell));
        if (parent)
            parent->appendRow(items);
        else
            model.appendRow(items);
    }
}

} // namespace

class tst_RowCopy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shownColumnsInViewOrderAsShown();
    void groupRowsAreLeftOut();
    void ctrlCCopiesRowsNotACell();
    void nothingSelectedCopiesNothing();
    void allRowsWhateverIsSelected();
};

void tst_RowCopy::shownColumnsInViewOrderAsShown()
{
    QStandardItemModel model;
    model.setHorizontalHeaderLabels({u"Ticket"_s, u"Symbol"_s, u"Signal"_s});
    fill(model, nullptr, {u"1|EURUSD|Alpha\tTrend"_s, u"2|XAUUSD|line\nbreak"_s, u"3|US30|"_s});
    QTableView view;
    view.setModel(&model);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.horizontalHeader()->moveSection(1, 0); // Symbol first
    RowCopy copy(&view, view.horizontalHeader());
    view.selectRow(0);
    view.selectionModel()->select(model.index(2, 0),
                                  QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(copy.selectedText(), u"Symbol\tTicket\tSignal\n"
                                  "EURUSD\t1\tAlpha Trend\n"
                                  "US30\t3\t\n"_s);
    view.horizontalHeader()->setSectionHidden(2, true);
    view.selectAll();
    QCOMPARE(copy.selectedText(), u"Symbol\tTicket\nEURUSD\t1\nXAUUSD\t2\nUS30\t3\n"_s);
}

void tst_RowCopy::allRowsWhateverIsSelected()
{
    QStandardItemModel model;
    model.setHorizontalHeaderLabels({u"Trader"_s, u"Trades"_s});
    fill(model, nullptr, {u"Alpha|3"_s, u"Own trades|2"_s, u"Total|5"_s});
    QTableView view;
    view.setModel(&model);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setSelectionMode(QAbstractItemView::SingleSelection);
    RowCopy copy(&view, view.horizontalHeader());
    view.selectRow(1);
    const QString all = u"Trader\tTrades\nAlpha\t3\nOwn trades\t2\nTotal\t5\n"_s;
    QCOMPARE(copy.allText(), all);
    QVERIFY(copy.copy(RowCopy::Rows::All));
    QCOMPARE(QGuiApplication::clipboard()->text(), all);
    // The selection is the trader's, untouched.
    QCOMPARE(view.selectionMode(), QAbstractItemView::SingleSelection);
    const QModelIndexList selected = view.selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().row(), 1);
}

void tst_RowCopy::groupRowsAreLeftOut()
{
    QStandardItemModel model;
    model.setHorizontalHeaderLabels({u"Group"_s, u"Symbol"_s, u"Profit"_s});
    fill(model, nullptr, {u"AlphaTrend FX|2 positions|10.00"_s, u"Mine|1 position|-3.00"_s});
    fill(model, model.item(0), {u"11|EURUSD|4.00"_s, u"12|GBPUSD|6.00"_s});
    fill(model, model.item(1), {u"21|US30|-3.00"_s});
    QTreeView view;
    view.setModel(&model);
    view.setSelectionMode(QAbstractItemView::ExtendedSelection);
    view.expandAll();
    RowCopy copy(&view, view.header());
    view.selectAll();
    QCOMPARE(copy.selectedText(),
             u"Group\tSymbol\tProfit\n11\tEURUSD\t4.00\n12\tGBPUSD\t6.00\n21\tUS30\t-3.00\n"_s);
}

void tst_RowCopy::ctrlCCopiesRowsNotACell()
{
    QStandardItemModel model;
    model.setHorizontalHeaderLabels({u"Ticket"_s, u"Symbol"_s});
    fill(model, nullptr, {u"1|EURUSD"_s, u"2|XAUUSD"_s});
    QTableView view;
    view.setModel(&model);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    RowCopy copy(&view, view.horizontalHeader());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"Ticket\tSymbol\n1\tEURUSD\n2\tXAUUSD\n"_s);
}

void tst_RowCopy::nothingSelectedCopiesNothing()
{
    QStandardItemModel model;
    model.setHorizontalHeaderLabels({u"Ticket"_s});
    fill(model, nullptr, {u"1"_s});
    QTableView view;
    view.setModel(&model);
    RowCopy copy(&view, view.horizontalHeader());
    QGuiApplication::clipboard()->setText(u"kept"_s);
    QVERIFY(copy.selectedText().isEmpty());
    QVERIFY(!copy.copy());
    QCOMPARE(QGuiApplication::clipboard()->text(), u"kept"_s);
}

QTEST_MAIN(tst_RowCopy)
#include "tst_rowcopy.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QTableView>

#include <functional>

class ColumnFit;
class QMenu;
class RowCopy;

// A table of trades as both pages show them: whole rows selected, Tab leaving the table for
// the next control, alternate rows, one line of text a row, no row numbers; columns that move,
// sort on a click of their title (first by `sortColumn`, -1: the model's own order) and fit the
// width (ColumnFit: `yieldOrder` step aside in a narrow window, the first first); Ctrl+C copies the
// selected rows (RowCopy). A right-click on the header offers every column (a page adds its own
// entries through columnMenuAboutToShow); a right-click on a row is the page's
// (customContextMenuRequested).
class TradeTable : public QTableView
{
    Q_OBJECT

public:
    TradeTable(QAbstractItemModel *model, QAbstractItemDelegate *delegate, QList<int> yieldOrder,
               int sortColumn, Qt::SortOrder sortOrder, QWidget *parent = nullptr);

    RowCopy *rowCopy() const { return m_copy; }
    // The menu of a row, made by the page (null: none for this row); the table owns it once
    // shown.
    void setRowMenu(std::function<QMenu *(const QModelIndex &)> menu)
    {
        m_rowMenu = std::move(menu);
    }
    ColumnFit *fit() const { return m_fit; }

    // The look every table of the window shares, this one's and the statistics': whole rows,
    // Tab leaves, alternate rows, one line a row, no row numbers.
    static void setUpRows(QTableView *view);

Q_SIGNALS:
    // The header's column menu is about to show: add to it here.
    void columnMenuAboutToShow(QMenu *menu);

private:
    void showColumnMenu(const QPoint &position);
    void showRowMenu(const QPoint &position);

    RowCopy *m_copy = nullptr;
    ColumnFit *m_fit = nullptr;
    std::function<QMenu *(const QModelIndex &)> m_rowMenu;
};

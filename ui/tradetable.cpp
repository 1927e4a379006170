// SPDX-License-Identifier: GPL-3.0-or-later
#include "tradetable.h"

#include "columnfit.h"
#include "rowcopy.h"
#include "tablemenus.h"

#include <QHeaderView>
#include <QMenu>

#include <memory>

TradeTable::TradeTable(QAbstractItemModel *model, QAbstractItemDelegate *delegate,
                       QList<int> yieldOrder, int sortColumn, Qt::SortOrder sortOrder,
                       QWidget *parent)
    : QTableView(parent)
{
    setModel(model);
    setItemDelegate(delegate);
    setUpRows(this);
    QHeaderView *header = horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setToolTip(tr("Click to sort; drag to move; right-click to show or hide columns"));
    // Set before sorting is on: the model is asked to sort once, in the order wanted.
    header->setSortIndicator(sortColumn, sortOrder);
    setSortingEnabled(true);
    connect(header, &QWidget::customContextMenuRequested, this, &TradeTable::showColumnMenu);
    m_copy = new RowCopy(this, header);
    m_fit = new ColumnFit(this, std::move(yieldOrder));
    m_fit->setObjectName(QStringLiteral("columnFit"));
    m_fit->fitToContents();
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, &TradeTable::showRowMenu);
}

void TradeTable::setUpRows(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Tab leaves the table for the next control instead of walking cell by cell.
    view->setTabKeyNavigation(false);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
}

void TradeTable::showColumnMenu(const QPoint &position)
{
    std::unique_ptr<QMenu> menu(TableMenus::columns(this, horizontalHeader(), m_fit));
    Q_EMIT columnMenuAboutToShow(menu.get());
    menu->exec(horizontalHeader()->mapToGlobal(position));
}

void TradeTable::showRowMenu(const QPoint &position)
{
    const QModelIndex index = indexAt(position);
    if (!index.isValid() || !m_rowMenu)
        return;
    // The row clicked is the row acted on: select it unless it is part of the selection.
    if (!selectionModel()->isRowSelected(index.row(), index.parent()))
        selectRow(index.row());
    std::unique_ptr<QMenu> menu(m_rowMenu(index));
    if (menu)
        menu->exec(viewport()->mapToGlobal(position));
}

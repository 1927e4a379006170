// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

class ColumnFit;
class FilterBar;
class QHeaderView;
class QMenu;
class QWidget;
class RowCopy;
struct Position;

// The menus of both pages' tables; the caller owns each menu.
class TableMenus
{
    Q_DECLARE_TR_FUNCTIONS(TableMenus)

public:
    // A right-click on a position or a closed trade: Copy rows, Copy ticket, Filter by this
    // symbol, Filter by this signal trader (off for own positions).
    static QMenu *row(QWidget *parent, RowCopy *copy, FilterBar *filters, const Position &position);
    // A right-click on the header: every column, checked when shown (the last one shown
    // cannot be hidden); what the user picks here is the user's, not `fit`'s.
    static QMenu *columns(QWidget *parent, QHeaderView *header, ColumnFit *fit = nullptr);
};

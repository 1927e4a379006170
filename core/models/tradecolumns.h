// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/closedtrade.h"
#include "domain/priceprecision.h"

#include <QCoreApplication>
#include <QVariant>

#include <array>

// The columns a table of trades may show, for both tables (open positions and closed trades)
// in one place: what the header says (the title; a time is local, so its title names the zone
// and its tooltip says which; what a figure means where a word is not enough), how a cell
// is written and which side it keeps to.
class TradeColumns
{
    Q_DECLARE_TR_FUNCTIONS(TradeColumns)

public:
    enum class Column {
        Ticket,
        OpenTime,
        CloseTime,
        Symbol,
        Type,
        Volume,
        OpenPrice,
        ClosePrice,
        StopLoss,
        TakeProfit,
        Price,
        Swap,
        Commission,
        Profit,
        Net,
        Reason,
        Signal,
        Account, // whose: filled by a model that shows several accounts
    };

    // The header of `column` for `role` (display: the title; tooltip: the zone of a time, the
    // meaning of Net); null for any other role.
    static QVariant headerData(Column column, int role);
    // The cell of `column` for position `p`, or closed trade `t` (its position is `p`): prices at
    // the instrument's precision, a stop or a target of 0 (none) empty.
    static QString text(Column column, const Position &p, const ClosedTrade *t,
                        const PricePrecision &precision);
    // Words keep to the left, figures to the right.
    static Qt::Alignment alignment(Column column);

    // The same for a model whose section i shows columns[i]; null for what is not a column's.
    template<std::size_t N>
    static QVariant headerData(const std::array<Column, N> &columns, int section,
                               Qt::Orientation orientation, int role)
    {
        if (orientation != Qt::Horizontal || section < 0 || section >= int(N))
            return {};
        return headerData(columns[std::size_t(section)], role);
    }
};

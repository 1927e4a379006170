// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/tradequery.h"

#include <algorithm>

void TradeTotals::add(const ClosedTrade &trade)
{
    ++count;
    unconfirmed += trade.isConfirmed() ? 0 : 1;
    profit += trade.position.profit;
    swap += trade.position.swap;
    commission += trade.position.commission;
}

bool TradeGroup::passes(const PositionFilter &filter) const
{
    Position p;
    p.flwsig = flwsig;
    p.sigtraderid = sigtraderid;
    p.symbol = symbol;
    PositionFilter applied = filter;
    if (!decides(filter))
        applied.search.clear();
    return applied.accepts(p); // p's ticket (0) cannot match a search with a non-digit in it
}

bool TradeGroup::decides(const PositionFilter &filter)
{
    // A ticket is shown as a number: a search with anything else in it can only be found in
    // a symbol, which every group has.
    const QString &search = filter.search;
    return search.isEmpty() || std::any_of(search.cbegin(), search.cend(), [](QChar c) {
               return (c < u'0' || c > u'9') && c != u'-';
           });
}

TradeTotals TradeGroup::totals(const QList<TradeGroup> &groups)
{
    TradeTotals totals;
    for (const TradeGroup &g : groups) {
        totals.count += g.count;
        totals.profit += g.profit;
        totals.swap += g.swap;
        totals.commission += g.commission;
        totals.unconfirmed += g.unconfirmed;
    }
    return totals;
}

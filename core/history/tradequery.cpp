// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/tradequery.h"

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
    PositionFilter withoutSearch = filter;
    withoutSearch.search.clear();
    return withoutSearch.accepts(p);
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

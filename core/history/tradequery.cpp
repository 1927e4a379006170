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

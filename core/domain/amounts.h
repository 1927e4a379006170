// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Money that positions or closed trades add up to, and the one definition of "net": profit
// plus swap plus commission, what closing adds to the balance. Position::net(), the history's
// totals and groups, and the open positions' subtotals all use it.
struct Amounts
{
    double profit = 0.0; // gross
    double swap = 0.0;
    double commission = 0.0;

    double net() const { return netOf(profit, swap, commission); }
    static constexpr double netOf(double profit, double swap, double commission)
    {
        return profit + swap + commission;
    }
};

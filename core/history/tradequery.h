// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/account.h"
#include "domain/amounts.h"
#include "domain/closedtrade.h"
#include "domain/positionfilter.h"

#include <QDate>
#include <Qt>

#include <optional>

// One selection of closed trades as Closed Trades asks for it: an account's or every
// account's, a period of close times, the trader's filter and an order. ClosedTradeStore answers it
// in SQL, so a history of a million trades is never read whole. The filter means what
// PositionFilter::accepts means, and the order is what a stable sort of the history's own order
// (newest close first, then the higher ticket, then the account) by that key gives;
// tst_closedtradesmodel holds the two ways to the same rows.
struct TradeQuery
{
    // What the rows are ordered by: a column of Closed Trades. The words (side, reason,
    // signal) sort as they are shown, in the language the window speaks.
    enum class Key {
        OpenTime,
        CloseTime,
        Ticket,
        Symbol,
        Side,
        Volume,
        OpenPrice,
        ClosePrice,
        Swap,
        Commission,
        Profit,
        Net, // Amounts::net
        Reason,
        Signal,
        Account // its key
    };

    Account account;
    // Every account in the file, `account` aside.
    bool allAccounts = false;
    qint64 from = 0; // close time, ms since epoch, included; 0 = open
    qint64 to = 0;   // excluded; 0 = open
    PositionFilter filter;
    std::optional<Key> key; // none: the history's own order
    Qt::SortOrder order = Qt::AscendingOrder;

    // The same trades with the filter left out: the whole period.
    TradeQuery unfiltered() const
    {
        TradeQuery all = *this;
        all.filter = {};
        return all;
    }
};

// One trade on the balance curve: when it closed, which it was, what it added.
struct CurveTrade
{
    qint64 closeTime = 0; // ms since epoch
    qint64 ticket = 0;
    double net = 0.0;
};

// What a selection adds up to.
struct TradeTotals : Amounts
{
    int count = 0;
    int unconfirmed = 0; // included in the rest
    int of = 0;          // the period's trades, shown or not
    void add(const ClosedTrade &trade);
};

// The trades of one local day that share whose they are (own, or copying one signal trader)
// and their symbol, added up: a period's figures, its chart's days and its filters' choices
// come from these, a few thousand for a million trades.
struct TradeGroup : Amounts
{
    QDate day; // local
    bool flwsig = false;
    qint64 sigtraderid = 0;
    QString symbol;
    QString signame;   // of the newest trade
    qint64 newest = 0; // its close time
    int count = 0;
    int unconfirmed = 0;

    // Whether the filter keeps these trades. A search that could be in a ticket's number
    // (digits only) needs each trade: it is left out here, and decides() says so.
    bool passes(const PositionFilter &filter) const;
    // Whether passes() applies all of `filter`, so that groups alone answer it.
    static bool decides(const PositionFilter &filter);
    // Groups added up; `of` is left at 0.
    static TradeTotals totals(const QList<TradeGroup> &groups);
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/closedtrade.h"
#include "history/tradequery.h"

#include <QDate>
#include <QList>
#include <QTimeZone>

class ClosedTradeStore;

// What a period's closed trades did to the account, for the Closed Trades charts: the
// cumulative net (Position::net()) after each trade in the order they closed, and the net
// of each day with trades, days counted in `zone` (the user's local time).
struct Performance
{
    // Beyond this many trades the curve has a point per day with trades (its cumulative net at
    // that day's last trade): a chart cannot show more, and a million are never read.
    static constexpr int kMaxCurvePoints = 2000;

    struct Point
    {
        qint64 time = 0; // close time, ms since epoch
        double cumulative = 0.0;
    };
    struct Day
    {
        QDate date;
        double net = 0.0;
        int trades = 0;
    };

    QList<Point> curve; // one point per trade, oldest first
    QList<Day> days;    // days with trades, oldest first
    double total = 0.0;

    static Performance of(QList<ClosedTrade> trades,
                          const QTimeZone &zone = QTimeZone::systemTimeZone());
    // The same for the trades a query selects, from SQL aggregates over the history file:
    // the nets in close order up to kMaxCurvePoints trades, else sums per quarter hour
    // gathered into local days (every zone's offset is a whole number of quarter hours).
    static Performance of(const ClosedTradeStore *store, const TradeQuery &query,
                          const QTimeZone &zone = QTimeZone::systemTimeZone());
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/closedtrade.h"
#include "history/tradequery.h"

#include <QDate>
#include <QList>
#include <QTimeZone>

#include <optional>
#include <utility>

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
    // The same from the history file: the days from its trades added up per day
    // (TradeReader::groups), the curve from the nets in close order, or, when there are more
    // than kMaxCurvePoints of them (`nets` empty), a point per day.
    static Performance of(const QList<TradeGroup> &groups,
                          const std::optional<QList<std::pair<qint64, double>>> &nets);
    static Performance of(const ClosedTradeStore *store, const TradeQuery &query,
                          const QTimeZone &zone = QTimeZone::systemTimeZone());
};

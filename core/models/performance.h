// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/closedtrade.h"
#include "history/tradequery.h"

#include <QDate>
#include <QList>
#include <QTimeZone>

#include <optional>

class ClosedTradeStore;

// What a period's closed trades did to the account, for the Closed Trades charts: the balance
// curve (the cumulative net, Position::net(), after each trade in the order they closed,
// from 0) and the net of each day with trades, days counted in `zone` (the user's local
// time); and from those, bars for every day of the period (or week, or month, when the
// period is long), zero where nothing closed.
struct Performance
{
    // Beyond this many trades the curve has a point per day with trades (its cumulative net at
    // that day's last trade): a chart cannot show more, and a million are never read.
    static constexpr int kMaxCurvePoints = 2000;

    struct Point
    {
        qint64 time = 0; // close time, ms since epoch
        double cumulative = 0.0;
        qint64 ticket = 0; // the trade's; 0 for a day's point
        double net = 0.0;  // what the trade (or the day) added
        int trades = 1;    // a day's point: how many closed that day
    };
    struct Day
    {
        QDate date;
        double net = 0.0;
        int trades = 0;
    };
    // What one bar of the daily chart stands for.
    enum class Unit { Day, Week, Month };
    struct Bar
    {
        QDate first; // its days, both included
        QDate last;
        double net = 0.0;
        int trades = 0;
    };
    // The largest fall of the curve (TradeStatistics' definition), from the peak's point to
    // the trough's; none when it never fell.
    struct Drawdown
    {
        double amount = 0.0;
        qint64 from = 0; // the peak's time (0: the start, before the first point)
        qint64 to = 0;
    };

    // Periods up to this many days have a bar per day; up to kWeeksUpTo days, per week.
    static constexpr int kDaysUpTo = 62;
    static constexpr int kWeeksUpTo = 730;

    QList<Point> curve; // oldest first
    QList<Day> days;    // days with trades, oldest first
    double total = 0.0;
    // The period's days, both included (invalid: from the first to the last day with trades).
    QDate firstDay;
    QDate lastDay;

    // The span bars() covers: the period's days, else the days with trades.
    std::pair<QDate, QDate> span() const;
    Unit unit() const;
    // Every day (week, month) of span(), in order, zero where nothing closed. A week starts
    // on the locale's first day of the week.
    QList<Bar> bars() const;
    // The curve's largest fall, as drawn.
    std::optional<Drawdown> drawdown() const;

    static Performance of(QList<ClosedTrade> trades,
                          const QTimeZone &zone = QTimeZone::systemTimeZone());
    // The same from the history file: the days from its trades added up per day
    // (TradeReader::groups), the curve from the trades in close order, or, when there are more
    // than kMaxCurvePoints of them (`nets` empty), a point per day.
    static Performance of(const QList<TradeGroup> &groups,
                          const std::optional<QList<CurveTrade>> &nets);
    static Performance of(const ClosedTradeStore *store, const TradeQuery &query,
                          const QTimeZone &zone = QTimeZone::systemTimeZone());
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/closedtrade.h"

#include <QDate>
#include <QList>
#include <QTimeZone>

// What a period's closed trades did to the account, for the Closed Trades charts: the
// cumulative net (Position::net()) after each trade in the order they closed, and the net
// of each day with trades, days counted in `zone` (the user's local time).
struct Performance
{
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
};

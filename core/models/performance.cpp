// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/performance.h"

#include "domain/tradestatistics.h"
#include "history/tradereader.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

Performance Performance::of(QList<ClosedTrade> trades, const QTimeZone &zone)
{
    // Close order, whatever order the table shows; the ticket breaks ties for a stable curve.
    std::sort(trades.begin(), trades.end(), [](const ClosedTrade &a, const ClosedTrade &b) {
        return a.closeTime != b.closeTime ? a.closeTime < b.closeTime
                                          : a.position.ticket < b.position.ticket;
    });
    Performance p;
    p.curve.reserve(trades.size());
    for (const ClosedTrade &t : std::as_const(trades)) {
        const double net = t.position.net();
        p.total += net;
        p.curve.append({t.closeTime, p.total, t.position.ticket, net, 1});
        const QDate day = QDateTime::fromMSecsSinceEpoch(t.closeTime, zone).date();
        if (p.days.isEmpty() || p.days.constLast().date != day)
            p.days.append({day, 0.0, 0});
        p.days.last().net += net;
        ++p.days.last().trades;
    }
    return p;
}

Performance Performance::of(const QList<TradeGroup> &groups,
                            const std::optional<QList<CurveTrade>> &nets)
{
    Performance p;
    QList<qint64> newest; // per day: its last close
    for (const TradeGroup &g : groups) {
        if (p.days.isEmpty() || p.days.constLast().date != g.day) {
            p.days.append({g.day, 0.0, 0});
            newest.append(g.newest);
        }
        p.days.last().net += g.net();
        p.days.last().trades += g.count;
        newest.last() = std::max(newest.last(), g.newest);
    }
    if (nets) {
        p.curve.reserve(nets->size());
        for (const CurveTrade &trade : *nets) {
            p.total += trade.net;
            p.curve.append({trade.closeTime, p.total, trade.ticket, trade.net, 1});
        }
        return p;
    }
    p.curve.reserve(p.days.size());
    for (qsizetype i = 0; i < p.days.size(); ++i) {
        const Day &day = p.days.at(i);
        p.total += day.net;
        p.curve.append({newest.at(i), p.total, 0, day.net, day.trades});
    }
    return p;
}

Performance Performance::of(const ClosedTradeStore *store, const TradeQuery &query,
                            const QTimeZone &zone)
{
    const TradeReader reader(store);
    return of(reader.groups(query, zone), reader.netsInCloseOrder(query, kMaxCurvePoints));
}

std::pair<QDate, QDate> Performance::span() const
{
    QDate first = firstDay;
    QDate last = lastDay;
    if (!days.isEmpty()) {
        if (!first.isValid() || days.constFirst().date < first)
            first = days.constFirst().date;
        if (!last.isValid() || days.constLast().date > last)
            last = days.constLast().date;
    }
    if (!first.isValid() || !last.isValid() || last < first)
        return {};
    return {first, last};
}

Performance::Unit Performance::unit() const
{
    const auto [first, last] = span();
    const qint64 length = first.isValid() ? first.daysTo(last) + 1 : 0;
    return length <= kDaysUpTo ? Unit::Day : length <= kWeeksUpTo ? Unit::Week : Unit::Month;
}

QList<Performance::Bar> Performance::bars() const
{
    const auto [first, last] = span();
    QList<Bar> bars;
    if (!first.isValid())
        return bars;
    const Unit by = unit();
    const Qt::DayOfWeek weekStart = QLocale().firstDayOfWeek();
    // The first day of the bar `day` falls in.
    const auto startOf = [&](const QDate &day) {
        switch (by) {
        case Unit::Day:
            return day;
        case Unit::Week:
            return day.addDays(-((day.dayOfWeek() - int(weekStart) + 7) % 7));
        case Unit::Month:
            return QDate(day.year(), day.month(), 1);
        }
        return day;
    };
    const auto next = [&](const QDate &start) {
        switch (by) {
        case Unit::Day:
            return start.addDays(1);
        case Unit::Week:
            return start.addDays(7);
        case Unit::Month:
            return start.addMonths(1);
        }
        return start.addDays(1);
    };
    for (QDate start = startOf(first); start <= last; start = next(start))
        bars.append({std::max(start, first), std::min(next(start).addDays(-1), last), 0.0, 0});
    qsizetype at = 0;
    for (const Day &day : days) {
        while (at < bars.size() && bars.at(at).last < day.date)
            ++at;
        if (at == bars.size())
            break;
        if (day.date < bars.at(at).first)
            continue; // before the period (cannot happen with a consistent span)
        bars[at].net += day.net;
        bars[at].trades += day.trades;
    }
    return bars;
}

std::optional<Performance::Drawdown> Performance::drawdown() const
{
    // The curve's own points, through the one definition of the statistics.
    TradeStatistics figures;
    for (const Point &point : curve)
        figures.add(point.net, 0.0, 0.0, 0.0, 0, point.time);
    if (figures.maxDrawdown <= 0.0)
        return std::nullopt;
    return Drawdown{figures.maxDrawdown, figures.drawdownFrom, figures.drawdownTo};
}

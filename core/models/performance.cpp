// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/performance.h"

#include "history/tradereader.h"

#include <QDateTime>

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
        p.curve.append({t.closeTime, p.total});
        const QDate day = QDateTime::fromMSecsSinceEpoch(t.closeTime, zone).date();
        if (p.days.isEmpty() || p.days.constLast().date != day)
            p.days.append({day, 0.0, 0});
        p.days.last().net += net;
        ++p.days.last().trades;
    }
    return p;
}

Performance Performance::of(const ClosedTradeStore *store, const TradeQuery &query,
                            const QTimeZone &zone)
{
    constexpr qint64 kQuarterHour = 15 * 60 * 1000;
    const TradeReader reader(store);
    Performance p;
    // Days: the quarter hours mapped to local dates, one conversion per day, not per bucket.
    QDate day;
    qint64 dayStart = 0;
    qint64 dayEnd = 0;
    const QList<NetBucket> buckets = reader.netBuckets(query, kQuarterHour);
    QList<qint64> lastOfDay; // the last bucket's start, per day
    for (const NetBucket &bucket : buckets) {
        if (day.isNull() || bucket.start < dayStart || bucket.start >= dayEnd) {
            day = QDateTime::fromMSecsSinceEpoch(bucket.start, zone).date();
            dayStart = day.startOfDay(zone).toMSecsSinceEpoch();
            dayEnd = day.addDays(1).startOfDay(zone).toMSecsSinceEpoch();
            p.days.append({day, 0.0, 0});
            lastOfDay.append(bucket.start);
        }
        p.days.last().net += bucket.net;
        p.days.last().trades += bucket.trades;
        lastOfDay.last() = bucket.start;
    }
    if (const auto nets = reader.netsInCloseOrder(query, kMaxCurvePoints)) {
        p.curve.reserve(nets->size());
        for (const auto &[time, net] : *nets) {
            p.total += net;
            p.curve.append({time, p.total});
        }
        return p;
    }
    p.curve.reserve(p.days.size());
    for (qsizetype i = 0; i < p.days.size(); ++i) {
        p.total += p.days.at(i).net;
        p.curve.append({lastOfDay.at(i), p.total});
    }
    return p;
}

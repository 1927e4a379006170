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

Performance Performance::of(const QList<TradeGroup> &groups,
                            const std::optional<QList<std::pair<qint64, double>>> &nets)
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
        for (const auto &[time, net] : *nets) {
            p.total += net;
            p.curve.append({time, p.total});
        }
        return p;
    }
    p.curve.reserve(p.days.size());
    for (qsizetype i = 0; i < p.days.size(); ++i) {
        p.total += p.days.at(i).net;
        p.curve.append({newest.at(i), p.total});
    }
    return p;
}

Performance Performance::of(const ClosedTradeStore *store, const TradeQuery &query,
                            const QTimeZone &zone)
{
    const TradeReader reader(store);
    return of(reader.groups(query, zone), reader.netsInCloseOrder(query, kMaxCurvePoints));
}

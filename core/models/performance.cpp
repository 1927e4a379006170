// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/performance.h"

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

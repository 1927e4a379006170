// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/closedtoday.h"

#include "domain/clock.h"
#include "history/tradehistory.h"

#include <QDateTime>

#include <chrono>

using namespace std::chrono_literals;

ClosedToday::ClosedToday(TradeHistory *history, QObject *parent)
    : QObject(parent)
    , m_history(history)
{
    m_soon.setSingleShot(true);
    m_soon.setInterval(200ms);
    connect(&m_soon, &QTimer::timeout, this, &ClosedToday::reload);
    m_midnight.setSingleShot(true);
    connect(&m_midnight, &QTimer::timeout, this, &ClosedToday::reload);
    connect(&m_loader, &TradeFigureLoader::loaded, this, &ClosedToday::onLoaded);
    connect(history, &TradeHistory::changed, &m_soon, qOverload<>(&QTimer::start));
    connect(history, &TradeHistory::accountChanged, this, [this] {
        m_totals.reset(); // another account's until read
        Q_EMIT changed();
        reload();
    });
    reload();
}

void ClosedToday::setClock(const Clock *clock)
{
    m_clock = clock;
    reload();
}

qint64 ClosedToday::now() const
{
    return (m_clock ? *m_clock : Clock::system()).currentMSecsSinceEpoch();
}

void ClosedToday::reload()
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(this->now());
    const QDateTime midnight(now.date(), QTime(0, 0));
    const QDateTime next(now.date().addDays(1), QTime(0, 0));
    TradeFigureLoader::Job job;
    job.query.account = m_history->account();
    job.query.from = midnight.toMSecsSinceEpoch();
    m_ticket = m_loader.request(m_history->store(), job);
    // A second past midnight: the day has surely turned by then.
    m_midnight.start(std::chrono::milliseconds(std::max<qint64>(1000, now.msecsTo(next) + 1000)));
}

void ClosedToday::onLoaded(const TradeFigureLoader::Result &result)
{
    if (result.ticket != m_ticket)
        return;
    m_totals = TradeGroup::totals(result.groups);
    Q_EMIT changed();
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/accountsummary.h"

#include "feed/positionbook.h"

#include <cmath>

AccountSummary::AccountSummary(const PositionBook *book, QObject *parent)
    : QObject(parent)
    , m_book(book)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &AccountSummary::changed);
    for (auto signal : {&PositionBook::positionsReset, &PositionBook::figuresChanged})
        connect(book, signal, this, &AccountSummary::schedule);
    connect(book, &PositionBook::changeFinished, this, &AccountSummary::schedule);
    connect(book, &PositionBook::positionUpdated, this, &AccountSummary::schedule);
}

void AccountSummary::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

void AccountSummary::setClosedToday(std::optional<double> net)
{
    if (net == m_closedToday)
        return;
    m_closedToday = net;
    schedule();
}

void AccountSummary::schedule()
{
    if (!m_timer.isActive())
        m_timer.start();
}

AccountSummary::Summary AccountSummary::summary() const
{
    Summary s;
    for (const Position &p : m_book->positions()) {
        ++s.positions;
        s.lots += p.volume;
        s.floatingNet += p.net();
    }
    s.closedToday = m_closedToday;
    s.reported = m_book->figures();
    s.figuresCurrent = m_book->areFiguresCurrent();
    s.figuresProblem = m_book->figuresProblem();
    if (s.reported) {
        const auto cents = [](double value) { return std::round(value * 100.0) / 100.0; };
        AccountFigures shown = *s.reported;
        shown.equity = cents(shown.balance) + cents(s.floatingNet);
        shown.freeMargin = shown.equity - shown.margin;
        if (shown.marginLevel && shown.margin > 0.0)
            shown.marginLevel = shown.equity / shown.margin * 100.0;
        s.estimated = std::abs(shown.equity - s.reported->equity) >= 0.005;
        s.figures = shown;
    }
    return s;
}

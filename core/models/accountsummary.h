// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/accountfigures.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>

class PositionBook;

// The account at a glance, as MetaTrader's total line: what the feed reports (balance, margin)
// when it reports it, and what can be counted from the open positions whatever the feed (how
// many, lots, floating profit net of swap and commission). Figures are never made up: a feed
// without Account messages has none. But the figures shown always agree with each other:
// Account messages come once a second, the positions with every tick, so equity is carried
// forward from the live floating P/L as the protocol defines it (balance plus floating net),
// and free margin and margin level with it; marked estimated while that differs from what the
// feed last reported. Price ticks are coalesced: changed() at most once per interval.
class AccountSummary : public QObject
{
    Q_OBJECT

public:
    struct Summary
    {
        int positions = 0;
        double lots = 0.0;
        double floatingNet = 0.0; // Position::net() of every open position
        // As shown: the feed's balance and margin, with equity = balance + floatingNet (both
        // to the cent, so that the figures on screen add up), and free margin and margin level
        // from that equity.
        std::optional<AccountFigures> figures;
        // As the feed last reported them.
        std::optional<AccountFigures> reported;
        bool estimated = false;      // figures' equity is not the one reported
        bool figuresCurrent = false; // sent on the current connection
        QString figuresProblem;      // why the feed's last Account could not be read
        // The net of the trades closed today (local time), when known (setClosedToday()).
        std::optional<double> closedToday;
        // Today's result: closedToday plus floatingNet, when closedToday is known.
        std::optional<double> today() const
        {
            return closedToday ? std::optional<double>(*closedToday + floatingNet) : std::nullopt;
        }
    };

    static constexpr std::chrono::milliseconds kDefaultInterval{100};

    explicit AccountSummary(const PositionBook *book, QObject *parent = nullptr);

    // Up to date at any moment, whatever the timer.
    Summary summary() const;
    void setInterval(std::chrono::milliseconds interval);
    // What today's closed trades added (ClosedToday); nullopt while unknown.
    void setClosedToday(std::optional<double> net);

Q_SIGNALS:
    void changed();

private:
    void schedule();

    const PositionBook *m_book = nullptr;
    std::optional<double> m_closedToday;
    QTimer m_timer;
};

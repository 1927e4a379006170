// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/accountfigures.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>

class PositionBook;

// The account at a glance, as MetaTrader's total line: what the feed reports (balance,
// equity, margin, free margin, margin level) when it reports it, and what can be counted from
// the open positions whatever the feed (how many, lots, floating profit net of swap and
// commission). Figures are never made up: a feed without Account messages has none. Price
// ticks are coalesced: changed() at most once per interval.
class AccountSummary : public QObject
{
    Q_OBJECT

public:
    struct Summary
    {
        int positions = 0;
        double lots = 0.0;
        double floatingNet = 0.0; // Position::net() of every open position
        std::optional<AccountFigures> figures;
        bool figuresCurrent = false; // sent on the current connection
    };

    static constexpr std::chrono::milliseconds kDefaultInterval{100};

    explicit AccountSummary(const PositionBook *book, QObject *parent = nullptr);

    // Up to date at any moment, whatever the timer.
    Summary summary() const;
    void setInterval(std::chrono::milliseconds interval);

Q_SIGNALS:
    void changed();

private:
    void schedule();

    const PositionBook *m_book = nullptr;
    QTimer m_timer;
};

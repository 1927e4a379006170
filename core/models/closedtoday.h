// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/tradefigureloader.h"
#include "history/tradequery.h"

#include <QObject>
#include <QTimer>

#include <optional>

class Clock;
class TradeHistory;

// What the current account's trades closed today (local time) added up to, for the account
// bar's "Today": read from the history off the GUI thread (TradeFigureLoader), again when
// trades are recorded or withdrawn or the account changes, and at local midnight, when today
// starts afresh at nothing. Unknown (nullopt) until the first read has come.
class ClosedToday : public QObject
{
    Q_OBJECT

public:
    explicit ClosedToday(TradeHistory *history, QObject *parent = nullptr);

    // Not owned; nullptr restores the system clock.
    void setClock(const Clock *clock);
    std::optional<TradeTotals> totals() const { return m_totals; }
    // Reads again now.
    void reload();

Q_SIGNALS:
    void changed();

private:
    void onLoaded(const TradeFigureLoader::Result &result);
    qint64 now() const;

    TradeHistory *m_history = nullptr;
    const Clock *m_clock = nullptr;
    TradeFigureLoader m_loader;
    int m_ticket = 0;
    std::optional<TradeTotals> m_totals;
    QTimer m_soon;     // trades recorded in bursts: read once
    QTimer m_midnight; // the next local midnight
};

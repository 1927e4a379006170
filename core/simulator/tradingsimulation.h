// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/accountfigures.h"
#include "domain/closedtrade.h"
#include "domain/position.h"
#include "simulator/instrument.h"

#include <QList>
#include <QRandomGenerator>

#include <chrono>
#include <map>
#include <optional>

// A believable trading account, stepped in logical time: random-walk prices, positions that
// open and close (take-profit, stop-loss, by hand), a third of them copying followed signal
// traders. No sockets and no wall clock: the same seed and start time give the same account,
// step for step.
class TradingSimulation
{
public:
    struct Options
    {
        quint32 seed = 1;
        qint64 traderId = 10260;
        int positions = 12; // how many open positions the account tends to hold
        std::chrono::milliseconds tick{200};
        qint64 startTime = 0; // ms since epoch; 0 = now
        int historySize = 50;
        double deposit = 10000.0; // USD, before the history's trades
        double leverage = 100.0;
    };

    struct SignalTrader
    {
        qint64 id = 0;
        QString name;
    };

    // What one step changed.
    struct Step
    {
        QList<Position> changed; // new positions and positions whose price moved
        QList<ClosedTrade> closed;
    };

    explicit TradingSimulation(const Options &options);

    const Options &options() const { return m_options; }
    qint64 now() const { return m_now; }
    const QList<Instrument> &instruments() const { return m_instruments; }
    static QList<SignalTrader> signalTraders();

    // Open positions in ticket order.
    QList<Position> openPositions() const;
    // The most recent closed trades, oldest first, at most options().historySize.
    QList<ClosedTrade> history() const;

    // Balance (the deposit and every closed trade's net), equity, margin at the options'
    // leverage, in USD; the margin level is none while no position is open.
    AccountFigures account() const;

    // Advances time by one tick.
    Step tick();
    // One extra update for load: a small price move of one instrument that a position holds
    // (time stands still). Returns the positions on that instrument, revalued.
    QList<Position> nudge();
    // Closes the oldest open position by hand, now (tests and demos of a close); nullopt
    // when none is open.
    std::optional<ClosedTrade> closeOldest();

private:
    double gaussian();
    double uniform(double from, double to);
    int pick(int count);
    void movePrice(int instrument);
    void revalue(Position &position) const;
    Position openPosition(qint64 openTime, bool pastPosition);
    ClosedTrade closePosition(const Position &position, ClosedTrade::Reason reason);
    void seedHistory();
    int instrumentIndex(const QString &symbol) const;

    Options m_options;
    QRandomGenerator m_random;
    QList<Instrument> m_instruments;
    QList<double> m_prices;
    std::map<qint64, Position> m_open;
    QList<ClosedTrade> m_history;
    double m_balance = 0.0;
    qint64 m_now = 0;
    qint64 m_nextTicket = 0;
};

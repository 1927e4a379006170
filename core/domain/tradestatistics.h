// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/closedtrade.h"

#include <QList>
#include <QString>

#include <optional>

// What a run of closed trades did, as a copy trader judges a signal trader by it. The one
// place the statistics are defined (the README repeats them):
// - net = profit + swap + commission (Amounts::net), what the trade added to the balance;
// - a win is a trade with net > 0, a loss one with net < 0 (a net of exactly 0 is neither);
// - gross profit and gross loss are the sums of the winning and of the losing nets, so that
//   net = gross profit + gross loss;
// - win rate = wins ÷ trades; average win = gross profit ÷ wins; average loss = gross loss ÷
//   losses;
// - profit factor = gross profit ÷ |gross loss|: infinite with wins and no loss, none with
//   neither;
// - maximum drawdown = the largest fall of the cumulative net, in close-time order (ties: the
//   lower ticket first), from a peak to a later trough, the running sum starting at 0;
// - holding time = close time − open time, averaged over the trades whose open time is known.
// Trades are added in close order (add()); the figures are then read.
struct TradeStatistics
{
    int trades = 0;
    int wins = 0;
    int losses = 0;
    double net = 0.0;
    double grossProfit = 0.0; // ≥ 0
    double grossLoss = 0.0;   // ≤ 0
    double largestWin = 0.0;  // the largest net > 0; 0 without a win
    double largestLoss = 0.0; // the most negative net; 0 without a loss
    double costs = 0.0;       // swap + commission
    double lots = 0.0;
    double maxDrawdown = 0.0; // ≥ 0
    // The drawdown's peak (the last close at that level; 0: the start, before any trade) and
    // trough.
    qint64 drawdownFrom = 0;
    qint64 drawdownTo = 0;

    // The next trade in close order.
    void add(const ClosedTrade &trade);
    void add(double profit, double swap, double commission, double volume, qint64 openTime,
             qint64 closeTime);

    // 0 to 1; none without trades.
    std::optional<double> winRate() const;
    // None without trades, or with trades that neither won nor lost; +∞ with no loss.
    std::optional<double> profitFactor() const;
    std::optional<double> averageWin() const;
    std::optional<double> averageLoss() const;
    // In ms; none when no trade's open time is known.
    std::optional<qint64> averageHolding() const;

private:
    double m_peak = 0.0; // of the running sum (net), from 0
    qint64 m_peakTime = 0;
    qint64 m_held = 0; // ms, over m_timed trades
    int m_timed = 0;
};

// A period's statistics split by whose trades they are: one row per signal trader copied,
// one for the trader's own positions, and the total of them all.
struct TraderStatistics
{
    struct Row
    {
        enum class Kind { SignalTrader, Own, Total };
        Kind kind = Kind::Total;
        qint64 signalTraderId = 0; // SignalTrader only
        TradeStatistics figures;
    };

    // The signal traders by id, then Own (when there were own trades), then Total (always).
    QList<Row> rows{Row{}};

    // The next trade in close order.
    void add(bool flwsig, qint64 signalTraderId, double profit, double swap, double commission,
             double volume, qint64 openTime, qint64 closeTime);
    // Trades in any order: added in close order.
    static TraderStatistics of(QList<ClosedTrade> trades);

    const Row *signalTrader(qint64 id) const;
    const Row *own() const;
    const Row &total() const { return rows.constLast(); }

private:
    Row &rowFor(Row::Kind kind, qint64 signalTraderId);
};

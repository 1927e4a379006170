// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/tradestatistics.h"

#include <algorithm>
#include <limits>

void TradeStatistics::add(const ClosedTrade &trade)
{
    const Position &p = trade.position;
    add(p.profit, p.swap, p.commission, p.volume, p.openTime, trade.closeTime);
}

void TradeStatistics::add(double profit, double swap, double commission, double volume,
                          qint64 openTime, qint64 closeTime)
{
    const double value = Amounts::netOf(profit, swap, commission);
    ++trades;
    net += value;
    costs += swap + commission;
    lots += volume;
    if (value > 0.0) {
        ++wins;
        grossProfit += value;
        largestWin = std::max(largestWin, value);
    } else if (value < 0.0) {
        ++losses;
        grossLoss += value;
        largestLoss = std::min(largestLoss, value);
    }
    if (openTime > 0 && closeTime >= openTime) {
        m_held += closeTime - openTime;
        ++m_timed;
    }
    // Back at the peak is a new start: a fall from there is measured from there.
    if (net >= m_peak) {
        m_peak = net;
        m_peakTime = closeTime;
    } else if (m_peak - net > maxDrawdown) {
        maxDrawdown = m_peak - net;
        drawdownFrom = m_peakTime;
        drawdownTo = closeTime;
    }
}

std::optional<double> TradeStatistics::winRate() const
{
    if (trades == 0)
        return std::nullopt;
    return double(wins) / trades;
}

std::optional<double> TradeStatistics::profitFactor() const
{
    if (losses == 0)
        return wins == 0 ? std::nullopt
                         : std::optional<double>(std::numeric_limits<double>::infinity());
    return grossProfit / -grossLoss;
}

std::optional<double> TradeStatistics::averageWin() const
{
    if (wins == 0)
        return std::nullopt;
    return grossProfit / wins;
}

std::optional<double> TradeStatistics::averageLoss() const
{
    if (losses == 0)
        return std::nullopt;
    return grossLoss / losses;
}

std::optional<qint64> TradeStatistics::averageHolding() const
{
    if (m_timed == 0)
        return std::nullopt;
    return m_held / m_timed;
}

void TraderStatistics::add(bool flwsig, qint64 signalTraderId, double profit, double swap,
                           double commission, double volume, qint64 openTime, qint64 closeTime)
{
    Row &row = flwsig ? rowFor(Row::Kind::SignalTrader, signalTraderId) : rowFor(Row::Kind::Own, 0);
    row.figures.add(profit, swap, commission, volume, openTime, closeTime);
    rows.last().figures.add(profit, swap, commission, volume, openTime, closeTime);
}

TraderStatistics TraderStatistics::of(QList<ClosedTrade> trades)
{
    // Close order, ties by ticket: the order TradeReader reads them in.
    std::sort(trades.begin(), trades.end(), [](const ClosedTrade &a, const ClosedTrade &b) {
        return a.closeTime != b.closeTime ? a.closeTime < b.closeTime
                                          : a.position.ticket < b.position.ticket;
    });
    TraderStatistics statistics;
    for (const ClosedTrade &t : std::as_const(trades)) {
        const Position &p = t.position;
        statistics.add(p.flwsig, p.sigtraderid, p.profit, p.swap, p.commission, p.volume,
                       p.openTime, t.closeTime);
    }
    return statistics;
}

const TraderStatistics::Row *TraderStatistics::signalTrader(qint64 id) const
{
    for (const Row &row : rows) {
        if (row.kind == Row::Kind::SignalTrader && row.signalTraderId == id)
            return &row;
    }
    return nullptr;
}

const TraderStatistics::Row *TraderStatistics::own() const
{
    for (const Row &row : rows) {
        if (row.kind == Row::Kind::Own)
            return &row;
    }
    return nullptr;
}

TraderStatistics::Row &TraderStatistics::rowFor(Row::Kind kind, qint64 signalTraderId)
{
    // Few rows (the traders copied): a walk is cheaper than a map per trade would be.
    const auto before = [&](const Row &row) {
        if (row.kind != kind)
            return row.kind < kind; // signal traders, own, total
        return row.signalTraderId < signalTraderId;
    };
    auto at = std::partition_point(rows.begin(), rows.end(), before);
    if (at != rows.end() && at->kind == kind && at->signalTraderId == signalTraderId)
        return *at;
    Row row;
    row.kind = kind;
    row.signalTraderId = signalTraderId;
    return *rows.insert(at, row);
}

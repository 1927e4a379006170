// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/tradingsimulation.h"

#include <QDateTime>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
// A position is closed by hand about once per this many seconds, across the account.
constexpr double kManualCloseEverySeconds = 25.0;
// An empty slot is refilled after about this many seconds.
constexpr double kRefillSeconds = 4.0;
// Share of positions that copy a signal trader.
constexpr double kFollowShare = 1.0 / 3.0;
} // namespace

TradingSimulation::TradingSimulation(const Options &options)
    : m_options(options)
    , m_random(options.seed)
    , m_instruments(Instrument::demoSet())
{
    m_now = options.startTime > 0 ? options.startTime : QDateTime::currentMSecsSinceEpoch();
    m_nextTicket = 50'000'000 + qint64(m_random.bounded(1'000'000)) * 10;
    for (const Instrument &instrument : std::as_const(m_instruments))
        m_prices.append(instrument.startPrice);
    m_balance = options.deposit;
    seedHistory();
    for (int i = 0; i < m_options.positions; ++i) {
        const qint64 openTime = m_now - qint64(uniform(0.02, 5.0) * kDayMs);
        Position position = openPosition(openTime, true);
        m_open.emplace(position.ticket, position);
    }
}

QList<TradingSimulation::SignalTrader> TradingSimulation::signalTraders()
{
    return {
        {88001, u"AlphaTrend FX"_s}, {88002, u"Gold Scalper Pro"_s}, {88003, u"Steady Carry"_s}};
}

double TradingSimulation::gaussian()
{
    // Box-Muller; 1 - u keeps the logarithm finite.
    const double u1 = 1.0 - m_random.generateDouble();
    const double u2 = m_random.generateDouble();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

double TradingSimulation::uniform(double from, double to)
{
    return from + (to - from) * m_random.generateDouble();
}

int TradingSimulation::pick(int count)
{
    return count > 0 ? int(m_random.bounded(count)) : 0;
}

int TradingSimulation::instrumentIndex(const QString &symbol) const
{
    for (int i = 0; i < m_instruments.size(); ++i) {
        if (m_instruments.at(i).symbol == symbol)
            return i;
    }
    return 0;
}

void TradingSimulation::movePrice(int index)
{
    const Instrument &instrument = m_instruments.at(index);
    const double step = std::exp(instrument.tickVolatility * gaussian());
    m_prices[index] = instrument.round(m_prices.at(index) * step);
}

void TradingSimulation::revalue(Position &p) const
{
    const int index = instrumentIndex(p.symbol);
    const Instrument &instrument = m_instruments.at(index);
    p.price = m_prices.at(index);
    const int direction = p.side == Position::Side::Buy ? 1 : -1;
    p.profit =
        std::round(instrument.profit(p.openPrice, p.price, p.volume, direction, p.price) * 100.0) /
        100.0;
}

Position TradingSimulation::openPosition(qint64 openTime, bool pastPosition)
{
    const int index = pick(int(m_instruments.size()));
    const Instrument &instrument = m_instruments.at(index);
    Position p;
    p.ticket = m_nextTicket;
    m_nextTicket += 1 + qint64(m_random.bounded(7));
    p.symbol = instrument.symbol;
    p.side = m_random.bounded(2) ? Position::Side::Buy : Position::Side::Sell;
    const double lots = uniform(instrument.minVolume, instrument.maxVolume);
    // Round to the volume step, with a bias to round sizes as traders use.
    const double step = instrument.minVolume;
    p.volume = std::max(step, std::round(lots * (m_random.bounded(3) ? 0.3 : 1.0) / step) * step);
    p.volume = std::round(p.volume * 100.0) / 100.0;
    p.openTime = openTime;
    const double current = m_prices.at(index);
    // A past position opened somewhere around today's price.
    p.openPrice = pastPosition ? instrument.round(current * std::exp(gaussian() * 0.002)) : current;
    p.price = current;
    const int direction = p.side == Position::Side::Buy ? 1 : -1;
    // Stops a few dozen pips away from both the open and the current price; some have none.
    const double low = std::min(p.openPrice, current);
    const double high = std::max(p.openPrice, current);
    if (m_random.bounded(5) != 0) {
        const double distance = uniform(8.0, 45.0) * instrument.pip;
        p.sl = instrument.round(direction > 0 ? low - distance : high + distance);
    }
    if (m_random.bounded(5) != 0) {
        const double distance = uniform(8.0, 60.0) * instrument.pip;
        p.tp = instrument.round(direction > 0 ? high + distance : low - distance);
    }
    p.commission = std::round(instrument.commissionPerLot * p.volume * 100.0) / 100.0;
    const qint64 nights = (m_now - openTime) / kDayMs;
    const double swapPerLot =
        direction > 0 ? instrument.swapLongPerLot : instrument.swapShortPerLot;
    p.swap = std::round(swapPerLot * p.volume * double(nights) * 100.0) / 100.0;
    if (m_random.generateDouble() < kFollowShare) {
        const QList<SignalTrader> traders = signalTraders();
        const SignalTrader &trader = traders.at(pick(int(traders.size())));
        p.flwsig = true;
        p.sigtraderid = trader.id;
        p.signame = trader.name;
    }
    revalue(p);
    return p;
}

std::optional<ClosedTrade> TradingSimulation::closeOldest()
{
    if (m_open.empty())
        return std::nullopt;
    const auto oldest = m_open.begin();
    const ClosedTrade trade = closePosition(oldest->second, ClosedTrade::Reason::Manual);
    m_open.erase(oldest);
    return trade;
}

ClosedTrade TradingSimulation::closePosition(const Position &position, ClosedTrade::Reason reason)
{
    ClosedTrade trade;
    trade.position = position;
    trade.closePrice = position.price;
    trade.closeTime = m_now;
    trade.reason = reason;
    m_balance += position.net();
    m_history.append(trade);
    if (m_history.size() > m_options.historySize)
        m_history.remove(0, m_history.size() - m_options.historySize);
    return trade;
}

void TradingSimulation::seedHistory()
{
    // About fifty trades over the last month, oldest first.
    const qint64 realNow = m_now;
    QList<qint64> closeTimes;
    for (int i = 0; i < m_options.historySize; ++i)
        closeTimes.append(realNow - qint64(uniform(0.05, 30.0) * kDayMs));
    std::sort(closeTimes.begin(), closeTimes.end());
    for (const qint64 closeTime : std::as_const(closeTimes)) {
        const qint64 openTime = closeTime - qint64(uniform(0.01, 3.0) * kDayMs);
        Position p = openPosition(openTime, true);
        const Instrument &instrument = m_instruments.at(instrumentIndex(p.symbol));
        const int direction = p.side == Position::Side::Buy ? 1 : -1;
        const double roll = m_random.generateDouble();
        ClosedTrade::Reason reason = ClosedTrade::Reason::Manual;
        double close = instrument.round(p.openPrice * std::exp(gaussian() * 0.003));
        if (roll < 0.35 && p.tp > 0.0) {
            reason = ClosedTrade::Reason::TakeProfit;
            close = p.tp;
        } else if (roll < 0.65 && p.sl > 0.0) {
            reason = ClosedTrade::Reason::StopLoss;
            close = p.sl;
        } else if (roll > 0.98) {
            reason = ClosedTrade::Reason::StopOut;
        }
        p.price = close;
        p.profit =
            std::round(instrument.profit(p.openPrice, close, p.volume, direction, close) * 100.0) /
            100.0;
        // Swap for the nights it was held, not up to today.
        const double swapPerLot =
            direction > 0 ? instrument.swapLongPerLot : instrument.swapShortPerLot;
        p.swap =
            std::round(swapPerLot * p.volume * double((closeTime - openTime) / kDayMs) * 100.0) /
            100.0;
        ClosedTrade trade;
        trade.position = p;
        trade.closePrice = close;
        trade.closeTime = closeTime;
        trade.reason = reason;
        m_balance += p.net();
        m_history.append(trade);
    }
}

AccountFigures TradingSimulation::account() const
{
    AccountFigures figures;
    figures.currency = u"USD"_s;
    figures.balance = std::round(m_balance * 100.0) / 100.0;
    double floating = 0.0;
    double margin = 0.0;
    for (const auto &[ticket, p] : m_open) {
        floating += p.net();
        const Instrument &instrument = m_instruments.at(instrumentIndex(p.symbol));
        margin += instrument.margin(p.volume, p.openPrice, m_options.leverage);
    }
    figures.equity = std::round((m_balance + floating) * 100.0) / 100.0;
    figures.margin = std::round(margin * 100.0) / 100.0;
    figures.freeMargin = std::round((figures.equity - figures.margin) * 100.0) / 100.0;
    if (figures.margin > 0.0)
        figures.marginLevel = std::round(figures.equity / figures.margin * 10000.0) / 100.0;
    return figures;
}

QList<Position> TradingSimulation::openPositions() const
{
    QList<Position> list;
    list.reserve(qsizetype(m_open.size()));
    for (const auto &[ticket, position] : m_open)
        list.append(position);
    return list;
}

QList<ClosedTrade> TradingSimulation::history() const
{
    return m_history;
}

TradingSimulation::Step TradingSimulation::tick()
{
    Step step;
    m_now += m_options.tick.count();
    const double seconds = double(m_options.tick.count()) / 1000.0;

    QList<bool> moved(m_instruments.size(), false);
    for (int i = 0; i < m_instruments.size(); ++i) {
        // Not every instrument trades every tick.
        if (m_random.generateDouble() < 0.6) {
            movePrice(i);
            moved[i] = true;
        }
    }

    const double manualChance =
        m_open.empty() ? 0.0 : seconds / (kManualCloseEverySeconds * double(m_open.size()));
    for (auto it = m_open.begin(); it != m_open.end();) {
        Position &p = it->second;
        const bool priceMoved = moved.at(instrumentIndex(p.symbol));
        if (priceMoved)
            revalue(p);
        const bool buy = p.side == Position::Side::Buy;
        std::optional<ClosedTrade::Reason> reason;
        if (p.sl > 0.0 && (buy ? p.price <= p.sl : p.price >= p.sl))
            reason = ClosedTrade::Reason::StopLoss;
        else if (p.tp > 0.0 && (buy ? p.price >= p.tp : p.price <= p.tp))
            reason = ClosedTrade::Reason::TakeProfit;
        else if (m_random.generateDouble() < manualChance)
            reason = ClosedTrade::Reason::Manual;
        if (reason) {
            step.closed.append(closePosition(p, *reason));
            it = m_open.erase(it);
            continue;
        }
        if (priceMoved)
            step.changed.append(p);
        ++it;
    }

    // Refill towards the usual number of positions, now and then one more.
    const int missing = m_options.positions - int(m_open.size());
    const double openChance = missing > 0 ? std::min(1.0, seconds * missing / kRefillSeconds)
                                          : (missing > -3 ? seconds / 60.0 : 0.0);
    if (m_options.positions > 0 && m_random.generateDouble() < openChance) {
        Position p = openPosition(m_now, false);
        m_open.emplace(p.ticket, p);
        step.changed.append(p);
    }
    return step;
}

QList<Position> TradingSimulation::nudge()
{
    if (m_open.empty())
        return {};
    auto chosen = m_open.begin();
    std::advance(chosen, pick(int(m_open.size())));
    const QString symbol = chosen->second.symbol;
    movePrice(instrumentIndex(symbol));
    QList<Position> changed;
    for (auto &[ticket, position] : m_open) {
        if (position.symbol == symbol) {
            revalue(position);
            changed.append(position);
        }
    }
    return changed;
}

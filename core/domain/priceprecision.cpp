// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/priceprecision.h"

#include "domain/instrumentcatalogue.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

int PricePrecision::decimalsOf(double value)
{
    const QByteArray text = QByteArray::number(value, 'f', QLocale::FloatingPointShortest);
    const qsizetype dot = text.indexOf('.');
    return dot < 0 ? 0 : int(text.size() - dot - 1);
}

int PricePrecision::digits(const QString &symbol) const
{
    const auto learnt = m_learnt.constFind(symbol);
    if (const std::optional<int> known = InstrumentCatalogue::digits(symbol)) {
        // A feed that quotes finer than usual is shown as finely: no digit it sent is hidden.
        return learnt != m_learnt.cend() ? std::max(*known, *learnt) : *known;
    }
    // Unknown symbols: what was seen, else the FX norm (3 for yen crosses).
    if (learnt != m_learnt.cend())
        return *learnt;
    return symbol.endsWith(QLatin1String("JPY")) ? 3 : 5;
}

QString PricePrecision::text(const QString &symbol, double price) const
{
    return QLocale().toString(price, 'f', digits(symbol));
}

namespace {

constexpr int kMaxDecimals = 8;

// Whether `value` is written with at most `decimals` decimals: the double nearest to it
// rounded to that many is itself. A cheap test that spares the shortest-text conversion on
// every tick of a price whose precision is already known.
bool fitsDecimals(double value, int decimals)
{
    static constexpr double kPowers[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
    const double scale = kPowers[std::clamp(decimals, 0, kMaxDecimals)];
    const double scaled = value * scale;
    return std::abs(scaled) < 1e15 && std::nearbyint(scaled) / scale == value;
}

} // namespace

void PricePrecision::observe(const QString &symbol, double price)
{
    observe(symbol, price, 0.0);
}

PricePrecision::Recent &PricePrecision::recentFor(const QString &symbol)
{
    return m_recent[(quintptr(symbol.constData()) >> 4) % m_recent.size()];
}

void PricePrecision::observe(const QString &symbol, double price, double other)
{
    Recent &recent = recentFor(symbol);
    const bool seen =
        recent.symbol.constData() == symbol.constData() && recent.symbol.size() == symbol.size();
    // What was learnt for it can only have grown since: a price that fits changes nothing,
    // and nothing is learnt beyond the most decimals shown.
    if (seen && (recent.decimals >= kMaxDecimals ||
                 ((price == 0.0 || fitsDecimals(price, recent.decimals)) &&
                  (other == 0.0 || fitsDecimals(other, recent.decimals)))))
        return;
    observeSlowly(symbol, price, other);
    if (const auto it = m_learnt.constFind(symbol); it != m_learnt.cend())
        recent = {symbol, *it};
}

void PricePrecision::observeSlowly(const QString &symbol, double price, double other)
{
    auto it = m_learnt.find(symbol);
    for (const double value : {price, other}) {
        if (value == 0.0 ||
            (it != m_learnt.end() && (*it >= kMaxDecimals || fitsDecimals(value, *it))))
            continue;
        if (it == m_learnt.end())
            it = m_learnt.insert(symbol, 0);
        *it = std::max(*it, std::min(kMaxDecimals, decimalsOf(value)));
    }
}

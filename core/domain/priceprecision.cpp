// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/priceprecision.h"

#include "domain/instrument.h"

#include <QLocale>

namespace {

const QHash<QString, int> &knownDigits()
{
    static const QHash<QString, int> known = [] {
        QHash<QString, int> map;
        for (const Instrument &i : Instrument::demoSet())
            map.insert(i.symbol, i.digits);
        return map;
    }();
    return known;
}

} // namespace

int PricePrecision::decimalsOf(double value)
{
    const QByteArray text = QByteArray::number(value, 'f', QLocale::FloatingPointShortest);
    const qsizetype dot = text.indexOf('.');
    return dot < 0 ? 0 : int(text.size() - dot - 1);
}

int PricePrecision::digits(const QString &symbol) const
{
    if (const auto it = knownDigits().constFind(symbol); it != knownDigits().cend())
        return *it;
    // Unknown symbols: what was seen, else the FX norm (3 for yen crosses).
    if (const auto it = m_learnt.constFind(symbol); it != m_learnt.cend())
        return *it;
    return symbol.endsWith(QLatin1String("JPY")) ? 3 : 5;
}

void PricePrecision::observe(const QString &symbol, double price)
{
    if (knownDigits().contains(symbol) || price == 0.0)
        return;
    const int decimals = std::min(8, decimalsOf(price));
    int &learnt = m_learnt[symbol];
    learnt = std::max(learnt, decimals);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/priceprecision.h"

#include "domain/instrumentcatalogue.h"

#include <QLocale>

#include <algorithm>

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

void PricePrecision::observe(const QString &symbol, double price)
{
    if (price == 0.0)
        return;
    const int decimals = std::min(8, decimalsOf(price));
    int &learnt = m_learnt[symbol];
    learnt = std::max(learnt, decimals);
}

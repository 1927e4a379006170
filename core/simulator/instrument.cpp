// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/instrument.h"

#include "domain/instrumentcatalogue.h"

#include <cmath>

using namespace Qt::StringLiterals;

double Instrument::round(double price) const
{
    const double scale = std::pow(10.0, digits);
    return std::round(price * scale) / scale;
}

double Instrument::profit(double from, double to, double volume, int direction, double price) const
{
    const double inQuote = (to - from) * direction * volume * contractSize;
    if (quote == "USD"_L1)
        return inQuote;
    // USDJPY, USDCHF, USDCAD: a difference in the quote currency, converted at the price.
    return price > 0.0 ? inQuote / price : 0.0;
}

double Instrument::margin(double volume, double price, double leverage) const
{
    // USDJPY and the like: one lot is a contract of dollars; otherwise its value in USD.
    const double notional =
        base == "USD"_L1 ? volume * contractSize : volume * contractSize * price;
    return leverage > 0.0 ? notional / leverage : notional;
}

QList<Instrument> Instrument::demoSet()
{
    QList<Instrument> set;
    // The precision is the catalogue's, as the tables show it for any feed.
    const auto digitsOf = [](const QString &symbol) {
        return InstrumentCatalogue::digits(symbol).value_or(5);
    };
    const auto fx = [&set, &digitsOf](const char *symbol, double price, double swapLong,
                                      double swapShort) {
        Instrument i;
        i.symbol = QString::fromLatin1(symbol);
        i.base = i.symbol.left(3);
        i.quote = i.symbol.mid(3, 3);
        i.digits = digitsOf(i.symbol);
        i.startPrice = price;
        i.pip = i.digits == 3 ? 0.01 : 0.0001;
        i.swapLongPerLot = swapLong;
        i.swapShortPerLot = swapShort;
        set.append(i);
    };
    fx("EURUSD", 1.08452, -7.2, 2.1);
    fx("GBPUSD", 1.26718, -5.9, 0.8);
    fx("USDJPY", 151.424, 14.3, -29.8);
    fx("USDCHF", 0.88207, 6.1, -15.2);
    fx("AUDUSD", 0.65834, -3.1, -1.2);
    fx("USDCAD", 1.36119, 1.9, -9.4);
    fx("NZDUSD", 0.59872, -2.6, -1.9);

    Instrument gold;
    gold.symbol = u"XAUUSD"_s;
    gold.base = u"XAU"_s;
    gold.quote = u"USD"_s;
    gold.digits = digitsOf(gold.symbol);
    gold.contractSize = 100.0;
    gold.startPrice = 2345.62;
    gold.tickVolatility = 5e-5;
    gold.maxVolume = 1.0;
    gold.commissionPerLot = -10.0;
    gold.swapLongPerLot = -32.5;
    gold.swapShortPerLot = 11.4;
    gold.pip = 0.1;
    set.append(gold);

    Instrument index;
    index.symbol = u"US30"_s;
    index.quote = u"USD"_s;
    index.digits = digitsOf(index.symbol);
    index.contractSize = 1.0;
    index.startPrice = 39150.4;
    index.tickVolatility = 5e-5;
    index.minVolume = 0.1;
    index.maxVolume = 10.0;
    index.commissionPerLot = -1.0;
    index.swapLongPerLot = -5.8;
    index.swapShortPerLot = 1.2;
    index.pip = 1.0;
    set.append(index);

    Instrument crypto;
    crypto.symbol = u"BTCUSD"_s;
    crypto.base = u"BTC"_s;
    crypto.quote = u"USD"_s;
    crypto.digits = digitsOf(crypto.symbol);
    crypto.contractSize = 1.0;
    crypto.startPrice = 67250.15;
    crypto.tickVolatility = 1.2e-4;
    crypto.maxVolume = 0.5;
    crypto.commissionPerLot = -15.0;
    crypto.swapLongPerLot = -18.0;
    crypto.swapShortPerLot = -18.0;
    crypto.pip = 10.0;
    set.append(crypto);
    return set;
}

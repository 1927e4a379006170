// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

// A tradable symbol as the demo feed models it: precision, contract size, costs and how
// lively its price is.
struct Instrument
{
    QString symbol;
    QString base;  // "EUR" of EURUSD; empty for indices and metals quoted in USD
    QString quote; // the currency a price difference is counted in
    int digits = 5;
    double contractSize = 100000.0;
    double startPrice = 1.0;
    double tickVolatility = 3e-5; // relative standard deviation of one price step
    double minVolume = 0.01;
    double maxVolume = 2.0;
    double commissionPerLot = -7.0; // round trip, account currency
    double swapLongPerLot = -6.0;   // per night
    double swapShortPerLot = 1.5;
    double pip = 0.0001; // the unit stop distances are drawn in

    // Rounds to the instrument's precision.
    double round(double price) const;
    // Profit in USD (the account currency) of `volume` lots moving from `from` to `to`, for
    // a buy (`direction` 1) or a sell (-1), at the current price `price` for conversion.
    double profit(double from, double to, double volume, int direction, double price) const;

    // The margin in USD that `volume` lots hold at `price`, at 1:`leverage`.
    double margin(double volume, double price, double leverage) const;

    // FX majors, gold, an index and a crypto pair.
    static QList<Instrument> demoSet();
};

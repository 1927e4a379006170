// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

#include <array>

// How many decimals a symbol's prices are shown with. The feed does not say: the usual
// instruments' are known (InstrumentCatalogue), and the prices seen teach the rest, and more
// for a known symbol that a feed quotes more finely than usual.
class PricePrecision
{
public:
    int digits(const QString &symbol) const;
    // `price` of `symbol` in the user's locale, with digits(symbol) decimals.
    QString text(const QString &symbol, double price) const;
    // Learns from a price of `symbol` (the most decimals seen, at most 8).
    void observe(const QString &symbol, double price);
    // Both prices of a position at once (0 = none).
    void observe(const QString &symbol, double price, double other);

    // The decimals of the shortest exact text of `value` (1.0845 -> 4).
    static int decimalsOf(double value);

private:
    // The symbols of recent ticks, by the address of their text: the feed's symbols are
    // shared strings, so a tick whose prices fit what was learnt needs no hash lookup. Each
    // entry holds its string, so an address cannot be reused while it is here.
    struct Recent
    {
        QString symbol;
        int decimals = 0;
    };
    Recent &recentFor(const QString &symbol);
    void observeSlowly(const QString &symbol, double price, double other);

    QHash<QString, int> m_learnt;
    std::array<Recent, 64> m_recent{};
};

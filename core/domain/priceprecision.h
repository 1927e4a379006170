// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

// How many decimals a symbol's prices have. The feed does not say, so it is known for the
// usual instruments and learnt from the prices seen for the others.
class PricePrecision
{
public:
    int digits(const QString &symbol) const;
    // Learns from a price of `symbol` (the most decimals seen, at most 8).
    void observe(const QString &symbol, double price);

    // The decimals of the shortest exact text of `value` (1.0845 -> 4).
    static int decimalsOf(double value);

private:
    QHash<QString, int> m_learnt;
};

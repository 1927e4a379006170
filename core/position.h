#pragma once

#include <QString>
#include <QtGlobal>

// One open position as the feed describes it (docs/protocol.md). Money is in the account
// currency; prices are at the instrument's precision.
struct Position
{
    enum class Side { Buy, Sell };

    qint64 ticket = 0;
    QString symbol;
    Side side = Side::Buy;
    double volume = 0.0; // lots
    double openPrice = 0.0;
    double price = 0.0; // current
    double sl = 0.0;    // 0 = none
    double tp = 0.0;    // 0 = none
    double swap = 0.0;
    double commission = 0.0;
    double profit = 0.0;
    qint64 openTime = 0; // ms since epoch
    bool flwsig = false; // copies a followed signal trader
    qint64 sigtraderid = 0;
    QString signame;

    bool operator==(const Position &other) const;
    bool operator!=(const Position &other) const { return !(*this == other); }

    static QString sideName(Side side)
    {
        return side == Side::Buy ? QStringLiteral("buy") : QStringLiteral("sell");
    }
};

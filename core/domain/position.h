// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/amounts.h"

#include <QString>
#include <QtGlobal>

// One open position as the feed describes it (docs/protocol.md). Money is in the account
// currency; prices are at the instrument's precision.
struct Position
{
    enum class Side { Buy, Sell };

    // One bit per field, for saying what an update changed.
    enum Field : quint32 {
        TicketField = 1u << 0,
        SymbolField = 1u << 1,
        SideField = 1u << 2,
        VolumeField = 1u << 3,
        OpenPriceField = 1u << 4,
        PriceField = 1u << 5,
        SlField = 1u << 6,
        TpField = 1u << 7,
        SwapField = 1u << 8,
        CommissionField = 1u << 9,
        ProfitField = 1u << 10,
        OpenTimeField = 1u << 11,
        SignalField = 1u << 12, // flwsig, sigtraderid, signame
        // Not the feed's: the book's mark that the feed's last word on this position could
        // not be read (PositionBook::unreadableReason) came or went.
        UnreadableField = 1u << 13,
    };

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

    // Floating profit net of swap and commission: what closing now would add to the balance.
    double net() const { return Amounts::netOf(profit, swap, commission); }

    // The fields in which `other` differs from this position.
    quint32 diff(const Position &other) const;

    bool operator==(const Position &other) const;
    bool operator!=(const Position &other) const { return !(*this == other); }

    static QString sideName(Side side)
    {
        return side == Side::Buy ? QStringLiteral("buy") : QStringLiteral("sell");
    }
};

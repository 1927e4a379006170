#pragma once

#include "position.h"

// A position that closed: everything it was, plus how and when it ended.
struct ClosedTrade
{
    enum class Reason { TakeProfit, StopLoss, Manual, StopOut };

    Position position;
    double closePrice = 0.0;
    qint64 closeTime = 0; // ms since epoch
    Reason reason = Reason::Manual;

    bool operator==(const ClosedTrade &other) const;
    bool operator!=(const ClosedTrade &other) const { return !(*this == other); }

    // The protocol's words: "tp", "sl", "manual", "stopout".
    static QString reasonName(Reason reason);
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/position.h"

// A position that closed: everything it was, plus how and when it ended.
struct ClosedTrade
{
    // The first four are the protocol's words, in this order. Unknown marks a position that
    // vanished from a snapshot while the feed was away, until Closed or History says more.
    enum class Reason { TakeProfit, StopLoss, Manual, StopOut, Unknown };

    Position position;
    double closePrice = 0.0;
    qint64 closeTime = 0; // ms since epoch
    Reason reason = Reason::Manual;

    // A close the feed reported (Closed or History); false for a position that merely
    // vanished from a snapshot, which may yet be seen open again.
    bool isConfirmed() const { return reason != Reason::Unknown; }

    bool operator==(const ClosedTrade &other) const;
    bool operator!=(const ClosedTrade &other) const { return !(*this == other); }

    // The protocol's words: "tp", "sl", "manual", "stopout" ("unknown" for Unknown).
    static QString reasonName(Reason reason);
    // The reverse; any other word is Unknown.
    static Reason reasonFromName(const QString &name);
};

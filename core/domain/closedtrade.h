// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/position.h"

// A position that closed: everything it was, plus how and when it ended.
struct ClosedTrade
{
    // The first four are the protocol's words, in this order. Other is any other word a feed
    // uses (a broker's "so", "expired"…), kept with otherReason. Unknown marks a position that
    // vanished from a snapshot while the feed was away, until Closed or History says more.
    enum class Reason { TakeProfit, StopLoss, Manual, StopOut, Other, Unknown };

    Position position;
    double closePrice = 0.0;
    qint64 closeTime = 0; // ms since epoch
    Reason reason = Reason::Manual;
    QString otherReason; // Other: the feed's own word, as it sent it

    // A close the feed reported (Closed or History); false for a position that merely
    // vanished from a snapshot, which may yet be seen open again.
    bool isConfirmed() const { return reason != Reason::Unknown; }

    // The word for how it closed: the protocol's ("tp", "sl", "manual", "stopout"), the feed's
    // own for Other, "unknown" for a provisional close.
    QString reasonWord() const;
    // The reverse: the protocol's four words and "unknown"; any other word is Other, kept.
    void setReasonWord(const QString &word);
    // Where it is kept apart from the word (the history's own flag): a provisional close is
    // Unknown whatever its word, and a confirmed one whose word was "unknown" is Other.
    void setProvisional(bool provisional);

    bool operator==(const ClosedTrade &other) const;
    bool operator!=(const ClosedTrade &other) const { return !(*this == other); }

    // The protocol's words: "tp", "sl", "manual", "stopout" ("other" for Other, "unknown" for
    // Unknown).
    static QString reasonName(Reason reason);
};

// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/closedtrade.h"

bool ClosedTrade::operator==(const ClosedTrade &o) const
{
    return position == o.position && closePrice == o.closePrice && closeTime == o.closeTime &&
           reason == o.reason && (reason != Reason::Other || otherReason == o.otherReason);
}

QString ClosedTrade::reasonName(Reason reason)
{
    switch (reason) {
    case Reason::TakeProfit:
        return QStringLiteral("tp");
    case Reason::StopLoss:
        return QStringLiteral("sl");
    case Reason::Manual:
        return QStringLiteral("manual");
    case Reason::StopOut:
        return QStringLiteral("stopout");
    case Reason::Other:
        return QStringLiteral("other");
    case Reason::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

QString ClosedTrade::reasonWord() const
{
    return reason == Reason::Other ? otherReason : reasonName(reason);
}

void ClosedTrade::setReasonWord(const QString &word)
{
    otherReason.clear();
    for (const auto known :
         {Reason::TakeProfit, Reason::StopLoss, Reason::Manual, Reason::StopOut, Reason::Unknown}) {
        if (reasonName(known) == word) {
            reason = known;
            return;
        }
    }
    reason = Reason::Other;
    otherReason = word;
}

void ClosedTrade::setProvisional(bool provisional)
{
    if (provisional) {
        reason = Reason::Unknown;
        otherReason.clear();
    } else if (reason == Reason::Unknown) {
        reason = Reason::Other;
        otherReason = reasonName(Reason::Unknown);
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/closedtrade.h"

bool ClosedTrade::operator==(const ClosedTrade &o) const
{
    return position == o.position && closePrice == o.closePrice && closeTime == o.closeTime &&
           reason == o.reason;
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
    case Reason::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

ClosedTrade::Reason ClosedTrade::reasonFromName(const QString &name)
{
    for (const auto reason :
         {Reason::TakeProfit, Reason::StopLoss, Reason::Manual, Reason::StopOut}) {
        if (reasonName(reason) == name)
            return reason;
    }
    return Reason::Unknown;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/tradetext.h"

#include <QCoreApplication>

#include <QDateTime>
#include <QLocale>

namespace TradeText {

QString time(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString side(Position::Side side)
{
    return side == Position::Side::Buy ? QCoreApplication::translate("TradeText", "Buy")
                                       : QCoreApplication::translate("TradeText", "Sell");
}

QString reason(ClosedTrade::Reason reason)
{
    switch (reason) {
    case ClosedTrade::Reason::TakeProfit:
        return QCoreApplication::translate("TradeText", "Take profit");
    case ClosedTrade::Reason::StopLoss:
        return QCoreApplication::translate("TradeText", "Stop loss");
    case ClosedTrade::Reason::Manual:
        return QCoreApplication::translate("TradeText", "Manual");
    case ClosedTrade::Reason::StopOut:
        return QCoreApplication::translate("TradeText", "Stop out");
    case ClosedTrade::Reason::Unknown:
        return QCoreApplication::translate("TradeText", "Closed while offline (unconfirmed)");
    }
    return {};
}

QString amount(double value)
{
    return QLocale().toString(value, 'f', 2);
}

QString signal(const Position &p)
{
    if (!p.flwsig)
        return {};
    return p.signame.isEmpty() ? QStringLiteral("#%1").arg(p.sigtraderid) : p.signame;
}

} // namespace TradeText

QString TradeText::closedTrades(int count)
{
    return QCoreApplication::translate("TradeText", "%n closed trade(s)", nullptr, count);
}

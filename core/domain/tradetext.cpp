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
    return side == Position::Side::Buy ? QStringLiteral("Buy") : QStringLiteral("Sell");
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

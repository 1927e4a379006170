#include "position.h"

#include "closedtrade.h"

bool Position::operator==(const Position &o) const
{
    return ticket == o.ticket && symbol == o.symbol && side == o.side && volume == o.volume &&
           openPrice == o.openPrice && price == o.price && sl == o.sl && tp == o.tp &&
           swap == o.swap && commission == o.commission && profit == o.profit &&
           openTime == o.openTime && flwsig == o.flwsig && sigtraderid == o.sigtraderid &&
           signame == o.signame;
}

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
    }
    return {};
}

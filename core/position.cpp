#include "position.h"

bool Position::operator==(const Position &o) const
{
    return ticket == o.ticket && symbol == o.symbol && side == o.side && volume == o.volume &&
           openPrice == o.openPrice && price == o.price && sl == o.sl && tp == o.tp &&
           swap == o.swap && commission == o.commission && profit == o.profit &&
           openTime == o.openTime && flwsig == o.flwsig && sigtraderid == o.sigtraderid &&
           signame == o.signame;
}

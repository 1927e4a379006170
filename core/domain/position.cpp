// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/position.h"

bool Position::operator==(const Position &o) const
{
    return diff(o) == 0;
}

quint32 Position::diff(const Position &o) const
{
    quint32 fields = 0;
    const auto mark = [&fields](bool differs, Field field) {
        if (differs)
            fields |= field;
    };
    mark(ticket != o.ticket, TicketField);
    mark(symbol != o.symbol, SymbolField);
    mark(side != o.side, SideField);
    mark(volume != o.volume, VolumeField);
    mark(openPrice != o.openPrice, OpenPriceField);
    mark(price != o.price, PriceField);
    mark(sl != o.sl, SlField);
    mark(tp != o.tp, TpField);
    mark(swap != o.swap, SwapField);
    mark(commission != o.commission, CommissionField);
    mark(profit != o.profit, ProfitField);
    mark(openTime != o.openTime, OpenTimeField);
    mark(flwsig != o.flwsig || sigtraderid != o.sigtraderid || signame != o.signame, SignalField);
    return fields;
}

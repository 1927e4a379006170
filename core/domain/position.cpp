// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/position.h"

#include "domain/tradefields.h"

bool Position::operator==(const Position &o) const
{
    return diff(o) == 0;
}

static_assert(Position::TicketField == TradeFields::bit(TradeFields::Ticket) &&
                  Position::OpenTimeField == TradeFields::bit(TradeFields::OpenTime) &&
                  Position::SignalField == TradeFields::bit(TradeFields::Flwsig),
              "Position::Field numbers the fields as TradeFields does");

quint32 Position::diff(const Position &o) const
{
    quint32 fields = 0;
    TradeFields::forEach([&](auto id) {
        constexpr int Id = decltype(id)::value;
        if constexpr (TradeFields::field(Id).inPosition()) {
            // A field's own bit, as TradeFields numbers them; the signal fields are one change.
            constexpr quint32 change =
                Id >= TradeFields::Flwsig ? SignalField : TradeFields::bit(Id);
            if (TradeFields::member<Id>(*this) != TradeFields::member<Id>(o))
                fields |= change;
        }
    });
    return fields;
}

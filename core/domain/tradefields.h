// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/closedtrade.h"

#include <QString>
#include <QStringList>
#include <QVariant>
#include <QtGlobal>

#include <array>
#include <string_view>
#include <utility>

// Every field of a position and of a closed trade, once: our name (the native protocol's key,
// and what a profile renames), the kind of value and its bounds, where it lives in Position or
// ClosedTrade, and its column in the history. The parser's masks and checks, the encoder and
// decoder, a profile's field names, the spool's check, the history's columns and
// Position::diff are all read from this table, so a new wire field is a row here and a member
// (docs/architecture.md, "How to change…").
namespace TradeFields {

// A field's place in the table; bit(id) in a mask of fields.
enum Id : int {
    Ticket,
    Symbol,
    Side,
    Volume,
    OpenPrice,
    Price,
    Sl,
    Tp,
    Swap,
    Commission,
    Profit,
    OpenTime,
    Flwsig,
    Sigtraderid,
    Signame,
    ClosePrice,
    CloseTime,
    Reason,
};
inline constexpr int kCount = Reason + 1;

constexpr quint32 bit(int id)
{
    return 1u << id;
}

enum class Kind : quint8 {
    Integer, // a whole number within [min, max]
    Real,    // a finite number within [min, max]
    Time,    // ms since the epoch within [min, max]; in the feed's own unit on the wire
    Text,    // a string of at most `max` bytes
    Flag,    // true or false
    Side,    // "buy"/"sell" in any case, or 0/1; any other number is a pending order
    Reason,  // the protocol's four words, else the feed's own word (at most `max` bytes)
};

enum Rule : quint8 {
    // A row without it cannot be read (a closed trade's own fields: only in a closed trade).
    Required = 1u << 0,
    // What makes a row a position (or a closed trade) at all, where a dialect sends less than
    // the full record, and what a spooled trade must have.
    Essential = 1u << 1,
    // Zero, or text of spaces only, is refused.
    NotEmpty = 1u << 2,
};

inline constexpr double kMaxSafeInteger = 9007199254740991.0; // 2^53 - 1: exact in JavaScript
inline constexpr double kMaxTime = 32503680000000.0;          // year 3000, in ms
inline constexpr double kMaxAmount = 1e12;
inline constexpr double kMaxVolume = 1e6;

struct Field
{
    std::string_view name; // ours
    Kind kind = Kind::Integer;
    quint8 rules = 0;
    double min = 0.0;        // Integer, Real, Time
    double max = 0.0;        // Integer, Real, Time; the most bytes of Text and Reason
    std::string_view column; // in the history's closed_trades; empty: not kept there
    // Where it lives: the one member that fits its kind and owner; the others are null.
    qint64 Position::*integer = nullptr;
    double Position::*real = nullptr;
    QString Position::*text = nullptr;
    bool Position::*flag = nullptr;
    qint64 ClosedTrade::*tradeInteger = nullptr;
    double ClosedTrade::*tradeReal = nullptr;

    // A position's own field; else a closed trade's (closePrice, closeTime, reason).
    constexpr bool inPosition() const
    {
        return !tradeInteger && !tradeReal && kind != Kind::Reason;
    }
};

namespace detail {
constexpr Field make(std::string_view name, Kind kind, quint8 rules, double min, double max,
                     std::string_view column)
{
    Field f;
    f.name = name;
    f.kind = kind;
    f.rules = rules;
    f.min = min;
    f.max = max;
    f.column = column;
    return f;
}
constexpr Field of(std::string_view name, qint64 Position::*m, Kind kind, quint8 rules, double min,
                   double max, std::string_view column)
{
    Field f = make(name, kind, rules, min, max, column);
    f.integer = m;
    return f;
}
constexpr Field of(std::string_view name, double Position::*m, quint8 rules, double min, double max,
                   std::string_view column)
{
    Field f = make(name, Kind::Real, rules, min, max, column);
    f.real = m;
    return f;
}
constexpr Field of(std::string_view name, QString Position::*m, quint8 rules, double maxBytes,
                   std::string_view column)
{
    Field f = make(name, Kind::Text, rules, 0.0, maxBytes, column);
    f.text = m;
    return f;
}
constexpr Field of(std::string_view name, bool Position::*m, quint8 rules, std::string_view column)
{
    Field f = make(name, Kind::Flag, rules, 0.0, 0.0, column);
    f.flag = m;
    return f;
}
constexpr Field of(std::string_view name, qint64 ClosedTrade::*m, Kind kind, quint8 rules,
                   double min, double max, std::string_view column)
{
    Field f = make(name, kind, rules, min, max, column);
    f.tradeInteger = m;
    return f;
}
constexpr Field of(std::string_view name, double ClosedTrade::*m, quint8 rules, double min,
                   double max, std::string_view column)
{
    Field f = make(name, Kind::Real, rules, min, max, column);
    f.tradeReal = m;
    return f;
}
} // namespace detail

// The table, in the order of Id. A closed trade's current price is where it closed, so the
// history keeps no column for `price`.
inline constexpr std::array<Field, kCount> kFields = {{
    detail::of("ticket", &Position::ticket, Kind::Integer, Required | Essential, 1.0,
               kMaxSafeInteger, "ticket"),
    detail::of("symbol", &Position::symbol, Required | Essential | NotEmpty, 32, "symbol"),
    detail::make("side", Kind::Side, Required | Essential, 0.0, 0.0, "side"),
    detail::of("volume", &Position::volume, Required | Essential | NotEmpty, 0.0, kMaxVolume,
               "volume"),
    detail::of("openPrice", &Position::openPrice, Required | Essential, -kMaxAmount, kMaxAmount,
               "open_price"),
    detail::of("price", &Position::price, Required | Essential, -kMaxAmount, kMaxAmount, ""),
    detail::of("sl", &Position::sl, Required, -kMaxAmount, kMaxAmount, "sl"),
    detail::of("tp", &Position::tp, Required, -kMaxAmount, kMaxAmount, "tp"),
    detail::of("swap", &Position::swap, Required, -kMaxAmount, kMaxAmount, "swap"),
    detail::of("commission", &Position::commission, Required, -kMaxAmount, kMaxAmount,
               "commission"),
    detail::of("profit", &Position::profit, Required | Essential, -kMaxAmount, kMaxAmount,
               "profit"),
    detail::of("openTime", &Position::openTime, Kind::Time, Required | Essential, 0.0, kMaxTime,
               "open_time"),
    detail::of("flwsig", &Position::flwsig, Required, "flwsig"),
    detail::of("sigtraderid", &Position::sigtraderid, Kind::Integer, Required, 0.0, kMaxSafeInteger,
               "sigtraderid"),
    // May be left out: "may be empty".
    detail::of("signame", &Position::signame, 0, 4096, "signame"),
    detail::of("closePrice", &ClosedTrade::closePrice, Required | Essential, -kMaxAmount,
               kMaxAmount, "close_price"),
    detail::of("closeTime", &ClosedTrade::closeTime, Kind::Time, Required | Essential, 0.0,
               kMaxTime, "close_time"),
    detail::make("reason", Kind::Reason, Required | Essential, 0.0, 32, "reason"),
}};

constexpr const Field &field(int id)
{
    return kFields[std::size_t(id)];
}

// The mask of the fields that have every rule in `rules`: a position's own, or all of them.
constexpr quint32 mask(quint8 rules, bool positionOnly)
{
    quint32 out = 0;
    for (int i = 0; i < kCount; ++i) {
        const Field &f = field(i);
        if ((f.rules & rules) == rules && (!positionOnly || f.inPosition()))
            out |= bit(i);
    }
    return out;
}

// Row `Id`'s member, at compile time: of a position (a position's own field) or of a closed
// trade (any field).
template<int Id> constexpr auto &member(Position &p)
{
    constexpr const Field &f = field(Id);
    static_assert(f.inPosition(), "a closed trade's own field is not in a Position");
    if constexpr (f.kind == Kind::Side)
        return p.side;
    else if constexpr (f.kind == Kind::Integer || f.kind == Kind::Time)
        return p.*f.integer;
    else if constexpr (f.kind == Kind::Real)
        return p.*f.real;
    else if constexpr (f.kind == Kind::Text)
        return p.*f.text;
    else
        return p.*f.flag;
}
template<int Id> constexpr const auto &member(const Position &p)
{
    return member<Id>(const_cast<Position &>(p));
}
template<int Id> constexpr auto &member(ClosedTrade &t)
{
    constexpr const Field &f = field(Id);
    if constexpr (f.inPosition())
        return member<Id>(t.position);
    else if constexpr (f.kind == Kind::Reason)
        return t.reason;
    else if constexpr (f.kind == Kind::Real)
        return t.*f.tradeReal;
    else
        return t.*f.tradeInteger;
}

// fn(std::integral_constant<int, Id>()) for every row, in order, unrolled at compile time.
template<typename Fn, int... Ids>
constexpr void forEach(Fn &&fn, std::integer_sequence<int, Ids...>)
{
    (fn(std::integral_constant<int, Ids>()), ...);
}
template<typename Fn> constexpr void forEach(Fn &&fn)
{
    forEach(fn, std::make_integer_sequence<int, kCount>());
}

// The id of our name, or -1.
int idOf(std::string_view name);
// A field's value for the encoder and the history: whole numbers and times as qint64, prices
// and money as double, text never null, a flag as bool, the side and the reason as their
// words. `t` for a closed trade's own fields; without it they are null.
QVariant value(int id, const Position &p, const ClosedTrade *t = nullptr);
// The reverse, leniently: what is missing or of another type reads as zero or empty.
void setValue(int id, const QVariant &value, ClosedTrade *t);

// Our names, in the order of Id.
const QStringList &names();
const QString &nameOf(int id);

} // namespace TradeFields

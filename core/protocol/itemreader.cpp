// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/itemreader.h"

#include "domain/tradefields.h"

#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <string>
#include <utility>

using namespace Qt::StringLiterals;

namespace FeedReading {

namespace {

using TradeFields::bit;
using TradeFields::Kind;

constexpr qint64 kMaxSafeInteger = qint64(TradeFields::kMaxSafeInteger);

// What a row needs, from the table: a position's required fields; a closed trade's (its own
// as well); in a dialect without seq or a full record (seed), what makes a row a position.
constexpr quint32 kPositionFields = TradeFields::mask(TradeFields::Required, true);
constexpr quint32 kTradeFields = TradeFields::mask(TradeFields::Required, false);
constexpr quint32 kListFields = TradeFields::mask(TradeFields::Essential, true);
constexpr quint32 kTradeOnly = kTradeFields & ~kPositionFields;
constexpr std::size_t kFieldCount = std::size_t(TradeFields::kCount);

// Our own names (the native protocol's hot path): compared as literals, which the compiler
// turns into a few integer compares. The table is the truth; the static_assert below holds
// this switch to it.
constexpr int ourField(std::string_view key)
{
    using namespace TradeFields;
    switch (key.size()) {
    case 2:
        if (key == "sl")
            return Sl;
        if (key == "tp")
            return Tp;
        break;
    case 4:
        if (key == "side")
            return Side;
        if (key == "swap")
            return Swap;
        break;
    case 5:
        if (key == "price")
            return Price;
        break;
    case 6:
        if (key == "ticket")
            return Ticket;
        if (key == "symbol")
            return Symbol;
        if (key == "volume")
            return Volume;
        if (key == "profit")
            return Profit;
        if (key == "flwsig")
            return Flwsig;
        if (key == "reason")
            return Reason;
        break;
    case 7:
        if (key == "signame")
            return Signame;
        break;
    case 8:
        if (key == "openTime")
            return OpenTime;
        break;
    case 9:
        if (key == "openPrice")
            return OpenPrice;
        if (key == "closeTime")
            return CloseTime;
        break;
    case 10:
        if (key == "commission")
            return Commission;
        if (key == "closePrice")
            return ClosePrice;
        break;
    case 11:
        if (key == "sigtraderid")
            return Sigtraderid;
        break;
    default:
        break;
    }
    return -1;
}

constexpr bool ourFieldKnowsTheTable()
{
    for (int i = 0; i < TradeFields::kCount; ++i) {
        if (ourField(TradeFields::field(i).name) != i)
            return false;
    }
    return ourField("") == -1 && ourField("price ") == -1;
}
static_assert(ourFieldKnowsTheTable(), "ourField() must find every name of TradeFields::kFields");

// How one feed names and writes its fields: the key of every field, the unit of its times.
struct ItemRules
{
    std::array<std::string, kFieldCount> keys;
    qint64 timeScale = 1; // ms per unit of the feed's times

    explicit ItemRules(const FeedProfile &profile)
        : timeScale(profile.timeUnit == FeedProfile::TimeUnit::Seconds ? 1000 : 1)
        , renamed(!profile.fields.isEmpty())
    {
        slots.fill(0);
        for (std::size_t i = 0; i < kFieldCount; ++i) {
            keys[i] = profile.field(TradeFields::nameOf(int(i))).toStdString();
            std::size_t slot = hash(keys[i]);
            while (slots[slot] != 0)
                slot = (slot + 1) % slots.size();
            slots[slot] = quint8(i + 1);
        }
    }
    // Every key of every item goes through here: our names as literals, or one hash and then
    // mostly one comparison. The field's id, or -1.
    int find(std::string_view key) const
    {
        if (!renamed)
            return ourField(key);
        for (std::size_t slot = hash(key);; slot = (slot + 1) % slots.size()) {
            const int entry = slots[slot];
            if (entry == 0)
                return -1;
            if (std::string_view(keys[std::size_t(entry - 1)]) == key)
                return entry - 1;
        }
    }
    static std::size_t hash(std::string_view key)
    {
        if (key.empty())
            return 0;
        return (key.size() * 31 + std::size_t(uchar(key.front())) * 7 +
                std::size_t(uchar(key.back()))) %
               64;
    }
    std::array<quint8, 64> slots{};
    bool renamed = false;
    QString name(int id) const { return QString::fromStdString(keys[std::size_t(id)]); }
};

// Symbols and signal-trader names repeat in every message: one shared QString each, found by
// the bytes' FNV-1a hash in a small direct-mapped table (Qt's seeded hash costs more than the
// rest of reading a tick). A collision only replaces an entry, so hostile input cannot grow it.
class Strings
{
public:
    QString intern(std::string_view view)
    {
        quint32 hash = 2166136261u;
        for (const char c : view)
            hash = (hash ^ quint8(c)) * 16777619u;
        Entry &entry = m_entries[hash % kSize];
        if (entry.hash != hash ||
            std::string_view(entry.bytes.constData(), size_t(entry.bytes.size())) != view) {
            entry.hash = hash;
            entry.bytes = QByteArray(view.data(), qsizetype(view.size()));
            entry.text = text(view);
        }
        return entry.text;
    }

private:
    static constexpr quint32 kSize = 512;
    struct Entry
    {
        quint32 hash = 0;
        QByteArray bytes;
        QString text;
    };
    std::array<Entry, kSize> m_entries;
};

enum class Item { Ok, Invalid, NotAPosition };

// The side: "buy"/"sell" in any case, or 0/1; any other number is a pending order (MT4-style
// types 2 to 5), which is not a position. -1 on a bad value (with the reason in `r`).
int readSide(FieldReader &r, element value, qint64 *pendingType)
{
    std::string_view text;
    if (value.get_string().get(text) != simdjson::SUCCESS) {
        int64_t number = 0;
        if (value.get_int64().get(number) == simdjson::SUCCESS) {
            if (number == 0 || number == 1)
                return int(number);
            *pendingType = number;
            return 2;
        }
        r.fail(
            FeedParser::tr("must be \"buy\", \"sell\", 0 or 1, not %1").arg(describeType(value)));
        return -1;
    }
    // The usual spelling first; any other case without allocating.
    const auto is = [text](std::string_view word) {
        if (text.size() != word.size())
            return false;
        for (std::size_t i = 0; i < word.size(); ++i) {
            if ((text[i] | 0x20) != word[i])
                return false;
        }
        return true;
    };
    if (text == "buy" || is("buy"))
        return 0;
    if (text == "sell" || is("sell"))
        return 1;
    r.fail(FeedParser::tr("unknown side \"%1\"").arg(FeedReading::text(text.substr(0, 16))));
    return -1;
}

// The protocol's four words for how a trade closed, else the feed's own (a broker's "so"),
// kept as Other: how a trade closed is never a reason to lose it.
void setReason(std::string_view word, ClosedTrade *trade)
{
    trade->reason = ClosedTrade::Reason::Other;
    trade->otherReason.clear();
    static constexpr std::array<std::string_view, 4> kWords{"tp", "sl", "manual", "stopout"};
    const auto known = std::find(kWords.cbegin(), kWords.cend(), word);
    if (known != kWords.cend())
        trade->reason = ClosedTrade::Reason(known - kWords.cbegin());
    else
        trade->otherReason = text(word);
}

// One field's value into `trade`, by the rules of its row in TradeFields: its kind, bounds
// and NotEmpty. Item::NotAPosition for a pending order's side. Made for each row at compile
// time, so that each reads as if written by hand: the table costs the hot path nothing.
template<int Id>
Item readField(FieldReader &r, element value, const ItemRules &rules, ClosedTrade *trade,
               Strings &strings, qint64 *pendingType)
{
    constexpr const TradeFields::Field &f = TradeFields::field(Id);
    constexpr bool notEmpty = f.rules & TradeFields::NotEmpty;
    auto &out = TradeFields::member<Id>(*trade);
    bool ok = true;
    if constexpr (f.kind == Kind::Integer || f.kind == Kind::Time) {
        if constexpr (f.kind == Kind::Time) {
            ok = r.integer(value, qint64(f.min), qint64(f.max) / rules.timeScale, &out);
            out *= rules.timeScale;
        } else {
            ok = r.integer(value, qint64(f.min), qint64(f.max), &out);
        }
    } else if constexpr (f.kind == Kind::Real) {
        ok = r.real(value, f.min, f.max, &out);
        if (ok && notEmpty && out == 0.0)
            ok = r.fail(FeedParser::tr("must be greater than zero"));
    } else if constexpr (f.kind == Kind::Text) {
        std::string_view found;
        ok = r.view(value, qsizetype(f.max), &found);
        if (ok && notEmpty &&
            QByteArrayView(found.data(), qsizetype(found.size())).trimmed().isEmpty())
            ok = r.fail(FeedParser::tr("empty"));
        if (ok)
            out = strings.intern(found);
    } else if constexpr (f.kind == Kind::Flag) {
        ok = r.boolean(value, &out);
    } else if constexpr (f.kind == Kind::Side) {
        const int side = readSide(r, value, pendingType);
        if (side == 2)
            return Item::NotAPosition;
        ok = side >= 0;
        out = side == 1 ? Position::Side::Sell : Position::Side::Buy;
    } else {
        static_assert(f.kind == Kind::Reason);
        std::string_view word;
        ok = r.view(value, qsizetype(f.max), &word);
        if (ok)
            setReason(word, trade);
    }
    return ok ? Item::Ok : Item::Invalid;
}

// The field `id`'s reader: a switch over every row of the table.
template<int... Ids>
Item readFieldById(int id, FieldReader &r, element value, const ItemRules &rules,
                   ClosedTrade *trade, Strings &strings, qint64 *pendingType,
                   std::integer_sequence<int, Ids...>)
{
    Item read = Item::Ok;
    (void)((id == Ids &&
            (read = readField<Ids>(r, value, rules, trade, strings, pendingType), true)) ||
           ...);
    return read;
}

// Fills `trade` (its position too) from one data item; `required` lists the fields it needs.
Item readItem(FieldReader &r, object item, quint32 required, const ItemRules &rules,
              ClosedTrade *trade, Strings &strings, qint64 *pendingType)
{
    // A closed trade's own fields in a list of positions are not read.
    const quint32 wanted = (required & kTradeOnly) ? ~0u : ~kTradeOnly;
    quint32 seen = 0;
    for (const simdjson::dom::key_value_pair field : item) {
        const std::string_view key = field.key;
        const int id = rules.find(key);
        if (id < 0 || !(bit(id) & wanted))
            continue; // unknown keys are ignored: the server may add fields
        r.setField(key);
        const Item read = readFieldById(id, r, field.value, rules, trade, strings, pendingType,
                                        std::make_integer_sequence<int, TradeFields::kCount>());
        if (read != Item::Ok)
            return read;
        seen |= bit(id);
    }
    r.setField({});
    if (const quint32 missing = required & ~seen) {
        for (int id = 0; id < TradeFields::kCount; ++id) {
            if (missing & bit(id)) {
                r.fail(FeedParser::tr("missing \"%1\"").arg(rules.name(id)));
                return Item::Invalid;
            }
        }
    }
    if ((required & bit(TradeFields::CloseTime)) && trade->closeTime < trade->position.openTime) {
        r.fail(FeedParser::tr("closed before it opened"));
        return Item::Invalid;
    }
    return Item::Ok;
}

// The ticket of a row that cannot be read, if that much reads (0 if not): its position keeps
// its last good version instead of looking closed.
qint64 ticketOf(object item, const ItemRules &rules)
{
    element value;
    int64_t ticket = 0;
    if (item.at_key(rules.keys[0]).get(value) != simdjson::SUCCESS ||
        value.get_int64().get(ticket) != simdjson::SUCCESS)
        return 0;
    return ticket >= 1 && ticket <= kMaxSafeInteger ? qint64(ticket) : 0;
}

// Reads every row of a list into `message`: positions, or closed trades with `trades`. A row
// that cannot be read goes to message->unreadable with the reason `r` gave; a pending order
// and a repeated ticket (the first one counts) are left out and counted.
void readRows(FieldReader &r, simdjson::dom::array data, bool trades, quint32 required,
              const ItemRules &rules, Strings &strings, FeedMessage *message)
{
    const QString &type = FeedMessage::typeName(message->type);
    const qsizetype count = qsizetype(data.size());
    if (trades)
        message->trades.reserve(count);
    else
        message->positions.reserve(count);
    // Few rows (every live update): a scan finds a repeated ticket faster than a hash set.
    constexpr qsizetype kLinearCheck = 32;
    QSet<qint64> tickets;
    QVarLengthArray<qint64, kLinearCheck> few;
    if (count > kLinearCheck)
        tickets.reserve(count);
    const auto repeated = [&](qint64 ticket) {
        if (count > kLinearCheck) {
            const qsizetype before = tickets.size();
            tickets.insert(ticket);
            return tickets.size() == before;
        }
        if (std::find(few.cbegin(), few.cend(), ticket) != few.cend())
            return true;
        few.append(ticket);
        return false;
    };
    const auto skip = [message](const QString &why) {
        if (message->skipped++ == 0)
            message->skipReason = why;
    };
    qsizetype index = 0;
    for (const element item : data) {
        const qsizetype at = index++;
        r.setItem(at);
        r.setField({});
        object fields;
        if (item.get_object().get(fields) != simdjson::SUCCESS) {
            r.fail(FeedParser::tr("must be an object, not %1").arg(describeType(item)));
            message->unreadable.append({0, r.error()});
            continue;
        }
        ClosedTrade trade;
        qint64 pendingType = 0;
        const Item read = readItem(r, fields, required, rules, &trade, strings, &pendingType);
        if (read == Item::NotAPosition) {
            skip(FeedParser::tr("%1.data[%2]: a pending order (side %3), not a position")
                     .arg(type)
                     .arg(at)
                     .arg(pendingType));
            continue;
        }
        const qint64 ticket = read == Item::Ok ? trade.position.ticket : ticketOf(fields, rules);
        if (ticket != 0 && repeated(ticket)) {
            skip(FeedParser::tr("%1.data[%2]: ticket %3 appears twice; the first one counts")
                     .arg(type)
                     .arg(at)
                     .arg(ticket));
            continue;
        }
        if (read == Item::Invalid) {
            message->unreadable.append({ticket, r.error()});
            continue;
        }
        if (trades)
            message->trades.append(std::move(trade));
        else
            message->positions.append(std::move(trade.position));
    }
    r.setItem(-1);
    r.setField({});
}

} // namespace

struct ItemReader::Impl
{
    explicit Impl(const FeedProfile &profile)
        : rules(profile)
    {}

    ItemRules rules;
    // Symbols and signal-trader names repeat in every message: one shared QString each.
    Strings strings;
};

ItemReader::ItemReader(const FeedProfile &profile)
    : d(std::make_unique<Impl>(profile))
{}

ItemReader::~ItemReader() = default;

void ItemReader::setProfile(const FeedProfile &profile)
{
    d->rules = ItemRules(profile);
}

bool ItemReader::readList(FieldReader &r, element dataValue, FeedMessage *message)
{
    simdjson::dom::array data;
    if (dataValue.get_array().get(data) != simdjson::SUCCESS) {
        r.setField("data");
        return r.fail(FeedParser::tr("must be an array, not %1").arg(describeType(dataValue)));
    }
    const qsizetype count = qsizetype(data.size());
    if (count > FeedParser::kMaxItems) {
        r.setField("data");
        return r.fail(FeedParser::tr("%1 items is over the limit of %2")
                          .arg(count)
                          .arg(FeedParser::kMaxItems));
    }
    using Type = FeedMessage::Type;
    const bool trades = message->type == Type::Closed || message->type == Type::History;
    const quint32 required = message->type == Type::List ? kListFields
                             : trades                    ? kTradeFields
                                                         : kPositionFields;
    readRows(r, data, trades, required, d->rules, d->strings, message);
    return true;
}

} // namespace FeedReading

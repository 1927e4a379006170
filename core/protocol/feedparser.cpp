// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/feedparser.h"

#include <QHash>
#include <QMetaEnum>
#include <QSet>
#include <QVarLengthArray>

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>

using namespace Qt::StringLiterals;
using simdjson::dom::element;
using simdjson::dom::object;

namespace {

constexpr qint64 kMaxSafeInteger = (qint64(1) << 53) - 1; // exact in a JavaScript number
constexpr qint64 kMaxTime = 32503680000000;               // year 3000, in ms
constexpr double kMaxAmount = 1e12;
constexpr double kMaxVolume = 1e6;

enum Field : quint32 {
    Ticket = 1u << 0,
    Symbol = 1u << 1,
    Side = 1u << 2,
    Volume = 1u << 3,
    OpenPrice = 1u << 4,
    Price = 1u << 5,
    Sl = 1u << 6,
    Tp = 1u << 7,
    Swap = 1u << 8,
    Commission = 1u << 9,
    Profit = 1u << 10,
    OpenTime = 1u << 11,
    Flwsig = 1u << 12,
    Sigtraderid = 1u << 13,
    Signame = 1u << 14,
    ClosePrice = 1u << 15,
    CloseTime = 1u << 16,
    Reason = 1u << 17,
};
// signame may be left out ("may be empty"); everything else is required.
constexpr quint32 kPositionFields = Ticket | Symbol | Side | Volume | OpenPrice | Price | Sl | Tp |
                                    Swap | Commission | Profit | OpenTime | Flwsig | Sigtraderid;
constexpr quint32 kTradeFields = kPositionFields | ClosePrice | CloseTime | Reason;

// In a dialect without seq or a full record (seed), what makes a row a position at all.
constexpr quint32 kListFields =
    Ticket | Symbol | Side | Volume | OpenPrice | Price | Profit | OpenTime;
constexpr int kFieldCount = 18; // bit i is FeedProfile::fieldNames().at(i)

// Our own names: compared as literals, which the compiler turns into a few integer compares
// (the native protocol's hot path).
quint32 ourField(std::string_view key)
{
    const auto is = [key](std::string_view name) { return key == name; };
    switch (key.size()) {
    case 2:
        if (is("sl"))
            return Sl;
        if (is("tp"))
            return Tp;
        break;
    case 4:
        if (is("side"))
            return Side;
        if (is("swap"))
            return Swap;
        break;
    case 5:
        if (is("price"))
            return Price;
        break;
    case 6:
        if (is("ticket"))
            return Ticket;
        if (is("symbol"))
            return Symbol;
        if (is("volume"))
            return Volume;
        if (is("profit"))
            return Profit;
        if (is("flwsig"))
            return Flwsig;
        if (is("reason"))
            return Reason;
        break;
    case 7:
        if (is("signame"))
            return Signame;
        break;
    case 8:
        if (is("openTime"))
            return OpenTime;
        break;
    case 9:
        if (is("openPrice"))
            return OpenPrice;
        if (is("closeTime"))
            return CloseTime;
        break;
    case 10:
        if (is("commission"))
            return Commission;
        if (is("closePrice"))
            return ClosePrice;
        break;
    case 11:
        if (is("sigtraderid"))
            return Sigtraderid;
        break;
    default:
        break;
    }
    return 0;
}

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
        for (int i = 0; i < kFieldCount; ++i) {
            keys[std::size_t(i)] = profile.field(FeedProfile::fieldNames().at(i)).toStdString();
            std::size_t slot = hash(keys[std::size_t(i)]);
            while (slots[slot] != 0)
                slot = (slot + 1) % slots.size();
            slots[slot] = quint8(i + 1);
        }
    }
    // Every key of every item goes through here: our names as literals, or one hash and then
    // mostly one comparison.
    quint32 find(std::string_view key) const
    {
        if (!renamed)
            return ourField(key);
        for (std::size_t slot = hash(key);; slot = (slot + 1) % slots.size()) {
            const int entry = slots[slot];
            if (entry == 0)
                return 0;
            if (std::string_view(keys[std::size_t(entry - 1)]) == key)
                return 1u << (entry - 1);
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
    QString name(quint32 field) const
    {
        for (int i = 0; i < kFieldCount; ++i) {
            if (field == (1u << i))
                return QString::fromStdString(keys[std::size_t(i)]);
        }
        return u"?"_s;
    }
};

QString describeType(element value)
{
    switch (value.type()) {
    case simdjson::dom::element_type::ARRAY:
        return FeedParser::tr("an array");
    case simdjson::dom::element_type::OBJECT:
        return FeedParser::tr("an object");
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
        return FeedParser::tr("a whole number");
    case simdjson::dom::element_type::DOUBLE:
        return FeedParser::tr("a fraction");
    case simdjson::dom::element_type::STRING:
        return FeedParser::tr("a string");
    case simdjson::dom::element_type::BOOL:
        return FeedParser::tr("a boolean");
    case simdjson::dom::element_type::NULL_VALUE:
        return FeedParser::tr("null");
    }
    return FeedParser::tr("something else");
}

QString text(std::string_view view)
{
    return QString::fromUtf8(view.data(), qsizetype(view.size()));
}

// Reads fields and, only when one is bad, says where: "Positions.data[3].volume: negative".
// The path is built on failure alone; the hot path allocates nothing for it.
class Reader
{
public:
    explicit Reader(QString *error)
        : m_error(error)
    {}

    void setMessage(const QString &name) { m_message = name; }
    const QString &error() const { return *m_error; }
    void setItem(qsizetype item) { m_item = item; }
    void setField(std::string_view field) { m_field = field; }

    bool fail(const QString &problem)
    {
        QString path = m_message.isEmpty() ? u"message"_s : m_message;
        if (m_item >= 0)
            path += u".data[%1]"_s.arg(m_item);
        if (!m_field.empty())
            path += u'.' + text(m_field);
        *m_error =
            FeedParser::tr("%1: %2", "where in the message: what is wrong").arg(path, problem);
        return false;
    }

    bool integer(element value, qint64 min, qint64 max, qint64 *out)
    {
        int64_t number = 0;
        if (value.get_int64().get(number) != simdjson::SUCCESS) {
            if (value.is_uint64())
                return fail(FeedParser::tr("out of range"));
            return fail(FeedParser::tr("must be a whole number, not %1").arg(describeType(value)));
        }
        if (number < min || number > max)
            return fail(
                FeedParser::tr("%1 is out of range (%2 to %3)").arg(number).arg(min).arg(max));
        *out = number;
        return true;
    }

    bool real(element value, double min, double max, double *out)
    {
        double number = 0.0;
        if (value.get_double().get(number) != simdjson::SUCCESS)
            return fail(FeedParser::tr("must be a number, not %1").arg(describeType(value)));
        if (!std::isfinite(number))
            return fail(FeedParser::tr("must be finite"));
        if (number < min || number > max) {
            if (min == 0.0 && number < 0.0)
                return fail(FeedParser::tr("negative (%1)").arg(number));
            return fail(
                FeedParser::tr("%1 is out of range (%2 to %3)").arg(number).arg(min).arg(max));
        }
        *out = number;
        return true;
    }

    bool view(element value, qsizetype maxLength, std::string_view *out)
    {
        if (value.get_string().get(*out) != simdjson::SUCCESS)
            return fail(FeedParser::tr("must be a string, not %1").arg(describeType(value)));
        if (qsizetype(out->size()) > maxLength)
            return fail(FeedParser::tr("longer than %1 bytes").arg(maxLength));
        return true;
    }

    bool string(element value, qsizetype maxLength, QString *out)
    {
        std::string_view found;
        if (!view(value, maxLength, &found))
            return false;
        *out = text(found);
        return true;
    }

    bool boolean(element value, bool *out)
    {
        if (value.get_bool().get(*out) != simdjson::SUCCESS)
            return fail(FeedParser::tr("must be true or false, not %1").arg(describeType(value)));
        return true;
    }

private:
    QString *m_error;
    QString m_message;
    qsizetype m_item = -1;
    std::string_view m_field;
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
int readSide(Reader &r, element value, qint64 *pendingType)
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
    r.fail(FeedParser::tr("unknown side \"%1\"").arg(::text(text.substr(0, 16))));
    return -1;
}

// Fills `trade` (its position too) from one data item; `required` lists the fields it needs.
Item readItem(Reader &r, object item, quint32 required, const ItemRules &rules, ClosedTrade *trade,
              Strings &strings, qint64 *pendingType)
{
    Position &p = trade->position;
    quint32 seen = 0;
    for (const simdjson::dom::key_value_pair field : item) {
        const std::string_view key = field.key;
        const element value = field.value;
        r.setField(key);
        bool ok = true;
        const quint32 bit = rules.find(key);
        switch (bit) {
        case Ticket:
            ok = r.integer(value, 1, kMaxSafeInteger, &p.ticket);
            break;
        case Symbol: {
            std::string_view symbol;
            ok = r.view(value, FeedParser::kMaxSymbolLength, &symbol);
            if (ok && QByteArrayView(symbol.data(), qsizetype(symbol.size())).trimmed().isEmpty())
                ok = r.fail(FeedParser::tr("empty"));
            if (ok)
                p.symbol = strings.intern(symbol);
            break;
        }
        case Side: {
            const int side = readSide(r, value, pendingType);
            ok = side >= 0;
            if (side == 2)
                return Item::NotAPosition;
            p.side = side == 1 ? Position::Side::Sell : Position::Side::Buy;
            break;
        }
        case Volume:
            ok = r.real(value, 0.0, kMaxVolume, &p.volume);
            if (ok && p.volume == 0.0)
                ok = r.fail(FeedParser::tr("must be greater than zero"));
            break;
        case OpenPrice:
            ok = r.real(value, -kMaxAmount, kMaxAmount, &p.openPrice);
            break;
        case Price:
            ok = r.real(value, -kMaxAmount, kMaxAmount, &p.price);
            break;
        case Sl:
            ok = r.real(value, -kMaxAmount, kMaxAmount, &p.sl);
            break;
        case Tp:
            ok = r.real(value, -kMaxAmount, kMaxAmount, &p.tp);
            break;
        case Swap:
            ok = r.real(value, -kMaxAmount, kMaxAmount, &p.swap);
            break;
        case Commission:
            ok = r.real(value, -kMaxAmount, kMaxAmount, &p.commission);
            break;
        case Profit:
            ok = r.real(value, -kMaxAmount, kMaxAmount, &p.profit);
            break;
        case OpenTime:
            ok = r.integer(value, 0, kMaxTime / rules.timeScale, &p.openTime);
            p.openTime *= rules.timeScale;
            break;
        case Flwsig:
            ok = r.boolean(value, &p.flwsig);
            break;
        case Sigtraderid:
            ok = r.integer(value, 0, kMaxSafeInteger, &p.sigtraderid);
            break;
        case Signame: {
            std::string_view name;
            ok = r.view(value, FeedParser::kMaxTextLength, &name);
            if (ok)
                p.signame = strings.intern(name);
            break;
        }
        case ClosePrice:
            if (required & ClosePrice)
                ok = r.real(value, -kMaxAmount, kMaxAmount, &trade->closePrice);
            break;
        case CloseTime:
            if (required & ClosePrice) {
                ok = r.integer(value, 0, kMaxTime / rules.timeScale, &trade->closeTime);
                trade->closeTime *= rules.timeScale;
            }
            break;
        case Reason:
            if (required & ClosePrice) {
                // The protocol's four words, else the feed's own (a broker's "so"), kept as
                // Other: how a trade closed is never a reason to lose it.
                std::string_view word;
                ok = r.view(value, FeedParser::kMaxReasonLength, &word);
                if (ok) {
                    trade->reason = ClosedTrade::Reason::Other;
                    trade->otherReason.clear();
                    static constexpr std::array<std::string_view, 4> kWords{"tp", "sl", "manual",
                                                                            "stopout"};
                    const auto known = std::find(kWords.cbegin(), kWords.cend(), word);
                    if (known != kWords.cend())
                        trade->reason = ClosedTrade::Reason(known - kWords.cbegin());
                    else
                        trade->otherReason = text(word);
                }
            }
            break;
        default:
            break; // unknown keys are ignored: the server may add fields
        }
        if (!ok)
            return Item::Invalid;
        seen |= bit;
    }
    r.setField({});
    if (const quint32 missing = required & ~seen) {
        for (quint32 bit = 1; bit; bit <<= 1) {
            if (missing & bit) {
                r.fail(FeedParser::tr("missing \"%1\"").arg(rules.name(bit)));
                return Item::Invalid;
            }
        }
    }
    if ((required & CloseTime) && trade->closeTime < p.openTime) {
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
void readRows(Reader &r, simdjson::dom::array data, bool trades, quint32 required,
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

// The Account message's data: every figure present, marginLevel a number or null (no margin
// in use), the currency a short code. Keys we do not know are ignored, as in positions.
bool readAccount(Reader &r, element value, AccountFigures *out)
{
    object fields;
    if (value.get_object().get(fields) != simdjson::SUCCESS) {
        r.setField("data");
        return r.fail(FeedParser::tr("must be an object, not %1").arg(describeType(value)));
    }
    const auto amount = [&](const char *key, double min, double *target) {
        element field;
        r.setField(key);
        if (fields[key].get(field) != simdjson::SUCCESS)
            return r.fail(FeedParser::tr("missing"));
        return r.real(field, min, kMaxAmount, target);
    };
    if (!amount("balance", -kMaxAmount, &out->balance) ||
        !amount("equity", -kMaxAmount, &out->equity) || !amount("margin", 0.0, &out->margin) ||
        !amount("freeMargin", -kMaxAmount, &out->freeMargin))
        return false;
    element level;
    r.setField("marginLevel");
    if (fields["marginLevel"].get(level) != simdjson::SUCCESS)
        return r.fail(FeedParser::tr("missing (null when no margin is in use)"));
    if (level.is_null()) {
        out->marginLevel.reset();
    } else {
        double percent = 0.0;
        if (!r.real(level, 0.0, kMaxAmount, &percent))
            return false;
        out->marginLevel = percent;
    }
    element currency;
    r.setField("currency");
    if (fields["currency"].get(currency) != simdjson::SUCCESS)
        return r.fail(FeedParser::tr("missing"));
    std::string_view code;
    if (!r.view(currency, 8, &code))
        return false;
    const bool alphanumeric = std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    });
    if (code.empty() || !alphanumeric)
        return r.fail(
            FeedParser::tr("must be a currency code such as \"USD\", not \"%1\"").arg(text(code)));
    out->currency = text(code);
    r.setField({});
    return true;
}

} // namespace

const QString &FeedMessage::typeName(Type type)
{
    // Every message names its type for a rejection's reason: made once, read by index.
    static const QList<QString> names = [] {
        const QMetaEnum meta = QMetaEnum::fromType<Type>();
        QList<QString> table;
        for (int i = 0; i < meta.keyCount(); ++i) {
            table.resize(std::max<qsizetype>(table.size(), meta.value(i) + 1));
            table[meta.value(i)] = QString::fromLatin1(meta.key(i));
        }
        return table;
    }();
    static const QString none;
    const auto index = qsizetype(type);
    return index >= 0 && index < names.size() ? names.at(index) : none;
}

struct FeedParser::Impl
{
    explicit Impl(const FeedProfile &profile)
        : rules(profile)
    {}

    ItemRules rules;
    simdjson::dom::parser parser;
    QByteArray buffer; // a padded copy, reused, for input without room to spare
    // Symbols and signal-trader names repeat in every message: one shared QString each.
    Strings strings;
    // The seq of the message being read, as soon as it reads: a message refused later still
    // takes its place in the sequence.
    std::optional<qint64> seq;
};

FeedParser::FeedParser(const FeedProfile &profile)
    : d(std::make_unique<Impl>(profile))
    , m_profile(profile)
{}

void FeedParser::setProfile(const FeedProfile &profile)
{
    m_profile = profile;
    d->rules = ItemRules(profile);
}

FeedParser::~FeedParser() = default;

std::optional<FeedMessage> FeedParser::parse(const QByteArray &bytes)
{
    m_rejectedType.reset();
    m_rejectedSeq.reset();
    d->seq.reset();
    std::optional<FeedMessage> message = read(bytes);
    if (message) {
        m_rejectedType.reset();
    } else if (m_rejectedType != FeedMessage::Type::Pong &&
               m_rejectedType != FeedMessage::Type::Error) {
        m_rejectedSeq = d->seq;
    }
    return message;
}

// The top object of a message, or false with the reason in `r`.
static bool readTop(Reader &r, simdjson::dom::parser &parser, const QByteArray &bytes, object *top)
{
    if (bytes.size() > FeedParser::kMaxMessageBytes)
        return r.fail(FeedParser::tr("%1 bytes is over the %2-byte limit")
                          .arg(bytes.size())
                          .arg(FeedParser::kMaxMessageBytes));
    // simdjson reads in blocks past the end; it copies into its own padded buffer when the
    // QByteArray has no room to spare.
    const bool padded = bytes.capacity() - bytes.size() >= qsizetype(simdjson::SIMDJSON_PADDING);
    element root;
    if (const auto error = parser.parse(bytes.constData(), size_t(bytes.size()), !padded).get(root))
        return r.fail(
            FeedParser::tr("invalid JSON (%1)").arg(QLatin1String(simdjson::error_message(error))));
    if (root.get_object().get(*top) != simdjson::SUCCESS)
        return r.fail(FeedParser::tr("must be a JSON object, not %1").arg(describeType(root)));
    return true;
}

std::optional<FeedMessage> FeedParser::readSeed(const QByteArray &bytes)
{
    m_error.clear();
    Reader r(&m_error);
    object top;
    if (!readTop(r, d->parser, bytes, &top))
        return std::nullopt;
    FeedMessage message;
    message.code = m_profile.okCode;
    element codeValue;
    if (top["Code"].get(codeValue) == simdjson::SUCCESS) {
        qint64 code = 0;
        r.setField("Code");
        if (!r.integer(codeValue, 0, 1'000'000'000, &code))
            return std::nullopt;
        r.setField({});
        message.code = int(code);
    }
    // Not the success code: the server's error, however the rest looks.
    if (message.code != m_profile.okCode) {
        message.type = FeedMessage::Type::Error;
        m_rejectedType = message.type;
        for (const char *key : {"msg", "message", "error"}) {
            element text;
            if (top[key].get(text) == simdjson::SUCCESS && text.is_string()) {
                r.setField(key);
                if (!r.string(text, kMaxTextLength, &message.errorMessage))
                    return std::nullopt;
                break;
            }
        }
        return message;
    }
    element dataValue;
    if (top["data"].get(dataValue) != simdjson::SUCCESS) {
        message.type = FeedMessage::Type::Alive; // no data: a sign of life
        return message;
    }
    message.type = FeedMessage::Type::List;
    m_rejectedType = message.type;
    r.setMessage(u"List"_s);
    simdjson::dom::array data;
    if (dataValue.get_array().get(data) != simdjson::SUCCESS) {
        r.setField("data");
        r.fail(FeedParser::tr("must be an array, not %1").arg(describeType(dataValue)));
        return std::nullopt;
    }
    const qsizetype count = qsizetype(data.size());
    if (count > kMaxItems) {
        r.setField("data");
        r.fail(FeedParser::tr("%1 items is over the limit of %2").arg(count).arg(kMaxItems));
        return std::nullopt;
    }
    readRows(r, data, false, kListFields, d->rules, d->strings, &message);
    m_error.clear();
    return message;
}

std::optional<FeedMessage> FeedParser::read(const QByteArray &bytes)
{
    if (m_profile.envelope == FeedProfile::Envelope::Seed)
        return readSeed(bytes);
    m_error.clear();
    Reader r(&m_error);
    object top;
    if (!readTop(r, d->parser, bytes, &top))
        return std::nullopt;
    element seqSeen;
    int64_t seqNumber = 0;
    if (top["seq"].get(seqSeen) == simdjson::SUCCESS &&
        seqSeen.get_int64().get(seqNumber) == simdjson::SUCCESS && seqNumber >= 1 &&
        seqNumber <= kMaxSafeInteger)
        d->seq = qint64(seqNumber);

    std::string_view typeText;
    element typeValue;
    if (top["type"].get(typeValue) != simdjson::SUCCESS) {
        r.fail(FeedParser::tr("missing \"type\""));
        return std::nullopt;
    }
    if (typeValue.get_string().get(typeText) != simdjson::SUCCESS) {
        r.setField("type");
        r.fail(FeedParser::tr("must be a string, not %1").arg(describeType(typeValue)));
        return std::nullopt;
    }

    FeedMessage message;
    if (typeText == "Snapshot")
        message.type = FeedMessage::Type::Snapshot;
    else if (typeText == "Positions")
        message.type = FeedMessage::Type::Positions;
    else if (typeText == "Closed")
        message.type = FeedMessage::Type::Closed;
    else if (typeText == "History")
        message.type = FeedMessage::Type::History;
    else if (typeText == "Pong")
        message.type = FeedMessage::Type::Pong;
    else if (typeText == "Error")
        message.type = FeedMessage::Type::Error;
    else if (typeText == "Account")
        message.type = FeedMessage::Type::Account;
    else {
        r.setField("type");
        r.fail(FeedParser::tr("unknown message type \"%1\"").arg(text(typeText.substr(0, 32))));
        return std::nullopt;
    }
    r.setMessage(FeedMessage::typeName(message.type));
    m_rejectedType = message.type; // from here on a rejection knows what it rejected

    if (message.type == FeedMessage::Type::Pong) {
        element ts;
        if (top["ts"].get(ts) != simdjson::SUCCESS) {
            r.fail(FeedParser::tr("missing \"ts\""));
            return std::nullopt;
        }
        r.setField("ts");
        if (!r.integer(ts, 0, std::numeric_limits<qint64>::max(), &message.ts))
            return std::nullopt;
        return message;
    }

    element codeValue;
    if (top["Code"].get(codeValue) != simdjson::SUCCESS) {
        r.fail(FeedParser::tr("missing \"Code\""));
        return std::nullopt;
    }
    qint64 code = 0;
    r.setField("Code");
    if (!r.integer(codeValue, 100, 599, &code))
        return std::nullopt;
    message.code = int(code);

    if (message.type == FeedMessage::Type::Error) {
        if (message.code < 400) {
            r.fail(FeedParser::tr("an Error needs a 4xx or 5xx code, not %1").arg(code));
            return std::nullopt;
        }
        element msg;
        r.setField("msg");
        if (top["msg"].get(msg) == simdjson::SUCCESS &&
            !r.string(msg, kMaxTextLength, &message.errorMessage))
            return std::nullopt;
        return message;
    }

    if (message.code != m_profile.okCode) {
        r.fail(
            FeedParser::tr("%1 on a data message (expected %2)").arg(code).arg(m_profile.okCode));
        return std::nullopt;
    }
    element seqValue;
    if (top["seq"].get(seqValue) != simdjson::SUCCESS) {
        r.setField({});
        r.fail(FeedParser::tr("missing \"seq\""));
        return std::nullopt;
    }
    r.setField("seq");
    if (!r.integer(seqValue, 1, kMaxSafeInteger, &message.seq))
        return std::nullopt;

    element dataValue;
    if (top["data"].get(dataValue) != simdjson::SUCCESS) {
        r.setField({});
        r.fail(FeedParser::tr("missing \"data\""));
        return std::nullopt;
    }
    if (message.type == FeedMessage::Type::Account) {
        if (!readAccount(r, dataValue, &message.account))
            return std::nullopt;
        return message;
    }
    simdjson::dom::array data;
    if (dataValue.get_array().get(data) != simdjson::SUCCESS) {
        r.setField("data");
        r.fail(FeedParser::tr("must be an array, not %1").arg(describeType(dataValue)));
        return std::nullopt;
    }
    const qsizetype count = qsizetype(data.size());
    if (count > kMaxItems) {
        r.setField("data");
        r.fail(FeedParser::tr("%1 items is over the limit of %2").arg(count).arg(kMaxItems));
        return std::nullopt;
    }

    const bool trades =
        message.type == FeedMessage::Type::Closed || message.type == FeedMessage::Type::History;
    readRows(r, data, trades, trades ? kTradeFields : kPositionFields, d->rules, d->strings,
             &message);
    m_error.clear();
    return message;
}

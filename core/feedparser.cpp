#include "feedparser.h"

#include <QHash>
#include <QSet>

#include <simdjson.h>

#include <cmath>
#include <cstring>
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

const char *fieldName(quint32 field)
{
    static const char *const names[] = {
        "ticket", "symbol",      "side",    "volume",     "openPrice", "price",
        "sl",     "tp",          "swap",    "commission", "profit",    "openTime",
        "flwsig", "sigtraderid", "signame", "closePrice", "closeTime", "reason"};
    for (int i = 0; i < 18; ++i) {
        if (field == (1u << i))
            return names[i];
    }
    return "?";
}

QString describeType(element value)
{
    switch (value.type()) {
    case simdjson::dom::element_type::ARRAY:
        return u"an array"_s;
    case simdjson::dom::element_type::OBJECT:
        return u"an object"_s;
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
        return u"a whole number"_s;
    case simdjson::dom::element_type::DOUBLE:
        return u"a fraction"_s;
    case simdjson::dom::element_type::STRING:
        return u"a string"_s;
    case simdjson::dom::element_type::BOOL:
        return u"a boolean"_s;
    case simdjson::dom::element_type::NULL_VALUE:
        return u"null"_s;
    }
    return u"something else"_s;
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
    void setItem(qsizetype item) { m_item = item; }
    void setField(std::string_view field) { m_field = field; }

    bool fail(const QString &problem)
    {
        QString path = m_message.isEmpty() ? u"message"_s : m_message;
        if (m_item >= 0)
            path += u".data[%1]"_s.arg(m_item);
        if (!m_field.empty())
            path += u'.' + text(m_field);
        *m_error = u"%1: %2"_s.arg(path, problem);
        return false;
    }

    bool integer(element value, qint64 min, qint64 max, qint64 *out)
    {
        int64_t number = 0;
        if (value.get_int64().get(number) != simdjson::SUCCESS) {
            if (value.is_uint64())
                return fail(u"out of range"_s);
            return fail(u"must be a whole number, not %1"_s.arg(describeType(value)));
        }
        if (number < min || number > max)
            return fail(u"%1 is out of range (%2 to %3)"_s.arg(number).arg(min).arg(max));
        *out = number;
        return true;
    }

    bool real(element value, double min, double max, double *out)
    {
        double number = 0.0;
        if (value.get_double().get(number) != simdjson::SUCCESS)
            return fail(u"must be a number, not %1"_s.arg(describeType(value)));
        if (!std::isfinite(number))
            return fail(u"must be finite"_s);
        if (number < min || number > max) {
            if (min == 0.0 && number < 0.0)
                return fail(u"negative (%1)"_s.arg(number));
            return fail(u"%1 is out of range (%2 to %3)"_s.arg(number).arg(min).arg(max));
        }
        *out = number;
        return true;
    }

    bool view(element value, qsizetype maxLength, std::string_view *out)
    {
        if (value.get_string().get(*out) != simdjson::SUCCESS)
            return fail(u"must be a string, not %1"_s.arg(describeType(value)));
        if (qsizetype(out->size()) > maxLength)
            return fail(u"longer than %1 bytes"_s.arg(maxLength));
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

    // A string that must be one of a few words; returns its index in `words`, or -1.
    int word(element value, std::initializer_list<std::string_view> words, const char *what)
    {
        std::string_view view;
        if (value.get_string().get(view) != simdjson::SUCCESS) {
            fail(u"must be a string, not %1"_s.arg(describeType(value)));
            return -1;
        }
        int index = 0;
        for (const std::string_view candidate : words) {
            if (view == candidate)
                return index;
            ++index;
        }
        fail(u"unknown %1 \"%2\""_s.arg(QLatin1String(what), text(view.substr(0, 16))));
        return -1;
    }

    bool boolean(element value, bool *out)
    {
        if (value.get_bool().get(*out) != simdjson::SUCCESS)
            return fail(u"must be true or false, not %1"_s.arg(describeType(value)));
        return true;
    }

private:
    QString *m_error;
    QString m_message;
    qsizetype m_item = -1;
    std::string_view m_field;
};

using Strings = QHash<QByteArray, QString>;

// The QString for `view`, shared with every earlier use of the same text.
QString intern(Strings &strings, std::string_view view)
{
    const QByteArray key = QByteArray::fromRawData(view.data(), qsizetype(view.size()));
    if (const auto it = strings.constFind(key); it != strings.cend())
        return *it;
    if (strings.size() > 4096)
        strings.clear(); // hostile input must not grow it without bound
    QString value = text(view);
    strings.insert(QByteArray(view.data(), qsizetype(view.size())), value);
    return value;
}

// Fills `trade` (its position too) from one data item; `required` lists the fields it needs.
bool readItem(Reader &r, object item, quint32 required, ClosedTrade *trade, Strings &strings)
{
    Position &p = trade->position;
    quint32 seen = 0;
    for (const simdjson::dom::key_value_pair field : item) {
        const std::string_view key = field.key;
        const element value = field.value;
        r.setField(key);
        bool ok = true;
        quint32 bit = 0;
        if (key == "ticket") {
            bit = Ticket;
            ok = r.integer(value, 1, kMaxSafeInteger, &p.ticket);
        } else if (key == "symbol") {
            bit = Symbol;
            std::string_view symbol;
            ok = r.view(value, FeedParser::kMaxSymbolLength, &symbol);
            if (ok && QByteArrayView(symbol.data(), qsizetype(symbol.size())).trimmed().isEmpty())
                ok = r.fail(u"empty"_s);
            if (ok)
                p.symbol = intern(strings, symbol);
        } else if (key == "side") {
            bit = Side;
            const int side = r.word(value, {"buy", "sell"}, "side");
            ok = side >= 0;
            p.side = side == 1 ? Position::Side::Sell : Position::Side::Buy;
        } else if (key == "volume") {
            bit = Volume;
            ok = r.real(value, 0.0, kMaxVolume, &p.volume);
            if (ok && p.volume == 0.0)
                ok = r.fail(u"must be greater than zero"_s);
        } else if (key == "openPrice") {
            bit = OpenPrice;
            ok = r.real(value, 0.0, kMaxAmount, &p.openPrice);
        } else if (key == "price") {
            bit = Price;
            ok = r.real(value, 0.0, kMaxAmount, &p.price);
        } else if (key == "sl") {
            bit = Sl;
            ok = r.real(value, 0.0, kMaxAmount, &p.sl);
        } else if (key == "tp") {
            bit = Tp;
            ok = r.real(value, 0.0, kMaxAmount, &p.tp);
        } else if (key == "swap") {
            bit = Swap;
            ok = r.real(value, -kMaxAmount, kMaxAmount, &p.swap);
        } else if (key == "commission") {
            bit = Commission;
            ok = r.real(value, -kMaxAmount, kMaxAmount, &p.commission);
        } else if (key == "profit") {
            bit = Profit;
            ok = r.real(value, -kMaxAmount, kMaxAmount, &p.profit);
        } else if (key == "openTime") {
            bit = OpenTime;
            ok = r.integer(value, 0, kMaxTime, &p.openTime);
        } else if (key == "flwsig") {
            bit = Flwsig;
            ok = r.boolean(value, &p.flwsig);
        } else if (key == "sigtraderid") {
            bit = Sigtraderid;
            ok = r.integer(value, 0, kMaxSafeInteger, &p.sigtraderid);
        } else if (key == "signame") {
            bit = Signame;
            std::string_view name;
            ok = r.view(value, FeedParser::kMaxTextLength, &name);
            if (ok)
                p.signame = intern(strings, name);
        } else if (required & ClosePrice) {
            if (key == "closePrice") {
                bit = ClosePrice;
                ok = r.real(value, 0.0, kMaxAmount, &trade->closePrice);
            } else if (key == "closeTime") {
                bit = CloseTime;
                ok = r.integer(value, 0, kMaxTime, &trade->closeTime);
            } else if (key == "reason") {
                bit = Reason;
                const int reason = r.word(value, {"tp", "sl", "manual", "stopout"}, "reason");
                ok = reason >= 0;
                if (ok)
                    trade->reason = ClosedTrade::Reason(reason);
            }
        }
        if (!ok)
            return false;
        seen |= bit; // unknown keys are ignored: the server may add fields
    }
    r.setField({});
    if (const quint32 missing = required & ~seen) {
        for (quint32 bit = 1; bit; bit <<= 1) {
            if (missing & bit)
                return r.fail(u"missing \"%1\""_s.arg(QLatin1String(fieldName(bit))));
        }
    }
    if ((required & CloseTime) && trade->closeTime < p.openTime)
        return r.fail(u"closed before it opened"_s);
    return true;
}

} // namespace

QString FeedMessage::typeName(Type type)
{
    switch (type) {
    case Type::Snapshot:
        return u"Snapshot"_s;
    case Type::Positions:
        return u"Positions"_s;
    case Type::Closed:
        return u"Closed"_s;
    case Type::History:
        return u"History"_s;
    case Type::Pong:
        return u"Pong"_s;
    case Type::Error:
        return u"Error"_s;
    }
    return {};
}

struct FeedParser::Impl
{
    simdjson::dom::parser parser;
    QByteArray buffer; // a padded copy, reused, for input without room to spare
    // Symbols and signal-trader names repeat in every message: one shared QString each.
    Strings strings;
};

FeedParser::FeedParser()
    : d(std::make_unique<Impl>())
{}

FeedParser::~FeedParser() = default;

std::optional<FeedMessage> FeedParser::parse(const QByteArray &bytes)
{
    m_rejectedType.reset();
    std::optional<FeedMessage> message = read(bytes);
    if (message)
        m_rejectedType.reset();
    return message;
}

std::optional<FeedMessage> FeedParser::read(const QByteArray &bytes)
{
    m_error.clear();
    Reader r(&m_error);
    if (bytes.size() > kMaxMessageBytes) {
        r.fail(u"%1 bytes is over the %2-byte limit"_s.arg(bytes.size()).arg(kMaxMessageBytes));
        return std::nullopt;
    }
    // simdjson reads in blocks past the end; it copies into its own padded buffer when the
    // QByteArray has no room to spare.
    const bool padded = bytes.capacity() - bytes.size() >= qsizetype(simdjson::SIMDJSON_PADDING);
    element root;
    if (const auto error =
            d->parser.parse(bytes.constData(), size_t(bytes.size()), !padded).get(root)) {
        r.fail(u"invalid JSON (%1)"_s.arg(QLatin1String(simdjson::error_message(error))));
        return std::nullopt;
    }
    object top;
    if (root.get_object().get(top) != simdjson::SUCCESS) {
        r.fail(u"must be a JSON object, not %1"_s.arg(describeType(root)));
        return std::nullopt;
    }

    std::string_view typeText;
    element typeValue;
    if (top["type"].get(typeValue) != simdjson::SUCCESS) {
        r.fail(u"missing \"type\""_s);
        return std::nullopt;
    }
    if (typeValue.get_string().get(typeText) != simdjson::SUCCESS) {
        r.setField("type");
        r.fail(u"must be a string, not %1"_s.arg(describeType(typeValue)));
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
    else {
        r.setField("type");
        r.fail(u"unknown message type \"%1\""_s.arg(text(typeText.substr(0, 32))));
        return std::nullopt;
    }
    const QString name = FeedMessage::typeName(message.type);
    r.setMessage(name);
    m_rejectedType = message.type; // from here on a rejection knows what it rejected

    if (message.type == FeedMessage::Type::Pong) {
        element ts;
        if (top["ts"].get(ts) != simdjson::SUCCESS) {
            r.fail(u"missing \"ts\""_s);
            return std::nullopt;
        }
        r.setField("ts");
        if (!r.integer(ts, 0, std::numeric_limits<qint64>::max(), &message.ts))
            return std::nullopt;
        return message;
    }

    element codeValue;
    if (top["Code"].get(codeValue) != simdjson::SUCCESS) {
        r.fail(u"missing \"Code\""_s);
        return std::nullopt;
    }
    qint64 code = 0;
    r.setField("Code");
    if (!r.integer(codeValue, 100, 599, &code))
        return std::nullopt;
    message.code = int(code);

    if (message.type == FeedMessage::Type::Error) {
        if (message.code < 400) {
            r.fail(u"an Error needs a 4xx or 5xx code, not %1"_s.arg(code));
            return std::nullopt;
        }
        element msg;
        r.setField("msg");
        if (top["msg"].get(msg) == simdjson::SUCCESS &&
            !r.string(msg, kMaxTextLength, &message.errorMessage))
            return std::nullopt;
        return message;
    }

    if (message.code != 200) {
        r.fail(u"%1 on a data message (expected 200)"_s.arg(code));
        return std::nullopt;
    }
    element seqValue;
    if (top["seq"].get(seqValue) != simdjson::SUCCESS) {
        r.setField({});
        r.fail(u"missing \"seq\""_s);
        return std::nullopt;
    }
    r.setField("seq");
    if (!r.integer(seqValue, 1, kMaxSafeInteger, &message.seq))
        return std::nullopt;

    element dataValue;
    if (top["data"].get(dataValue) != simdjson::SUCCESS) {
        r.setField({});
        r.fail(u"missing \"data\""_s);
        return std::nullopt;
    }
    simdjson::dom::array data;
    if (dataValue.get_array().get(data) != simdjson::SUCCESS) {
        r.setField("data");
        r.fail(u"must be an array, not %1"_s.arg(describeType(dataValue)));
        return std::nullopt;
    }
    const qsizetype count = qsizetype(data.size());
    if (count > kMaxItems) {
        r.setField("data");
        r.fail(u"%1 items is over the limit of %2"_s.arg(count).arg(kMaxItems));
        return std::nullopt;
    }

    const bool trades =
        message.type == FeedMessage::Type::Closed || message.type == FeedMessage::Type::History;
    const quint32 required = trades ? kTradeFields : kPositionFields;
    if (trades)
        message.trades.reserve(count);
    else
        message.positions.reserve(count);
    // Few items (every live update): a scan finds a repeated ticket faster than a hash set.
    constexpr qsizetype kLinearCheck = 32;
    QSet<qint64> tickets;
    if (count > kLinearCheck)
        tickets.reserve(count);
    qsizetype index = 0;
    for (const element item : data) {
        r.setItem(index++);
        r.setField({});
        object fields;
        if (item.get_object().get(fields) != simdjson::SUCCESS) {
            r.fail(u"must be an object, not %1"_s.arg(describeType(item)));
            return std::nullopt;
        }
        ClosedTrade trade;
        if (!readItem(r, fields, required, &trade, d->strings))
            return std::nullopt;
        const qint64 ticket = trade.position.ticket;
        bool duplicate = false;
        if (count <= kLinearCheck) {
            if (trades) {
                for (const ClosedTrade &seen : std::as_const(message.trades))
                    duplicate = duplicate || seen.position.ticket == ticket;
            } else {
                for (const Position &seen : std::as_const(message.positions))
                    duplicate = duplicate || seen.ticket == ticket;
            }
        } else {
            duplicate = tickets.contains(ticket);
            tickets.insert(ticket);
        }
        if (duplicate) {
            r.setField({});
            r.fail(u"ticket %1 appears twice"_s.arg(ticket));
            return std::nullopt;
        }
        if (trades)
            message.trades.append(std::move(trade));
        else
            message.positions.append(std::move(trade.position));
    }
    return message;
}

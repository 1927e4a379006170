// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/envelopereader.h"

#include "domain/tradefields.h"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace FeedReading {

namespace {

constexpr qint64 kMaxSafeInteger = qint64(TradeFields::kMaxSafeInteger);
constexpr double kMaxAmount = TradeFields::kMaxAmount;

// The Account message's data: every figure present, marginLevel a number or null (no margin
// in use), the currency a short code. Keys we do not know are ignored, as in positions.
bool readAccount(FieldReader &r, element value, AccountFigures *out)
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

// The message's type, or false with the reason in `r`.
bool readType(FieldReader &r, object top, FeedMessage::Type *type)
{
    using Type = FeedMessage::Type;
    element value;
    if (top["type"].get(value) != simdjson::SUCCESS)
        return r.fail(FeedParser::tr("missing \"type\""));
    std::string_view text;
    r.setField("type");
    if (value.get_string().get(text) != simdjson::SUCCESS)
        return r.fail(FeedParser::tr("must be a string, not %1").arg(describeType(value)));
    static constexpr std::array<std::pair<std::string_view, Type>, 7> kTypes = {{
        {"Snapshot", Type::Snapshot},
        {"Positions", Type::Positions},
        {"Closed", Type::Closed},
        {"History", Type::History},
        {"Pong", Type::Pong},
        {"Error", Type::Error},
        {"Account", Type::Account},
    }};
    const auto known = std::find_if(kTypes.cbegin(), kTypes.cend(),
                                    [text](const auto &entry) { return entry.first == text; });
    if (known == kTypes.cend())
        return r.fail(FeedParser::tr("unknown message type \"%1\"")
                          .arg(FeedReading::text(text.substr(0, 32))));
    r.setField({});
    *type = known->second;
    return true;
}

} // namespace

std::unique_ptr<EnvelopeReader> EnvelopeReader::of(const FeedProfile &profile)
{
    if (profile.envelope == FeedProfile::Envelope::Seed)
        return std::make_unique<SeedEnvelope>(profile.okCode);
    return std::make_unique<NativeEnvelope>(profile.okCode);
}

std::optional<FeedMessage> NativeEnvelope::read(FieldReader &r, object top, ItemReader &items,
                                                ReadState *state) const
{
    element seqSeen;
    int64_t seqNumber = 0;
    if (top["seq"].get(seqSeen) == simdjson::SUCCESS &&
        seqSeen.get_int64().get(seqNumber) == simdjson::SUCCESS && seqNumber >= 1 &&
        seqNumber <= kMaxSafeInteger)
        state->seq = qint64(seqNumber);

    FeedMessage message;
    if (!readType(r, top, &message.type))
        return std::nullopt;
    r.setMessage(FeedMessage::typeName(message.type));
    state->type = message.type; // from here on a rejection knows what it rejected

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
            !r.string(msg, FeedParser::kMaxTextLength, &message.errorMessage))
            return std::nullopt;
        return message;
    }

    if (message.code != m_okCode) {
        r.fail(FeedParser::tr("%1 on a data message (expected %2)").arg(code).arg(m_okCode));
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
    if (!items.readList(r, dataValue, &message))
        return std::nullopt;
    r.setField({});
    return message;
}

} // namespace FeedReading

// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/envelopereader.h"

using namespace Qt::StringLiterals;

namespace FeedReading {

std::optional<FeedMessage> SeedEnvelope::read(FieldReader &r, object top, ItemReader &items,
                                              ReadState *state) const
{
    FeedMessage message;
    message.code = m_okCode;
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
    if (message.code != m_okCode) {
        message.type = FeedMessage::Type::Error;
        state->type = message.type;
        for (const char *key : {"msg", "message", "error"}) {
            element text;
            if (top[key].get(text) == simdjson::SUCCESS && text.is_string()) {
                r.setField(key);
                if (!r.string(text, FeedParser::kMaxTextLength, &message.errorMessage))
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
    state->type = message.type;
    r.setMessage(u"List"_s);
    if (!items.readList(r, dataValue, &message))
        return std::nullopt;
    return message;
}

} // namespace FeedReading

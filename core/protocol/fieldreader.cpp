// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/fieldreader.h"

namespace FeedReading {

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

} // namespace FeedReading

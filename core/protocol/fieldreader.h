// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Inside protocol/ only: FeedParser's readers share it, and simdjson (the layer's private
// link) is in its signatures.

#include "protocol/feedparser.h"

#include <QString>

#include <simdjson.h>

#include <cmath>
#include <string_view>

namespace FeedReading {

using simdjson::dom::element;
using simdjson::dom::object;

// "an array", "a whole number"…: what a value is, for a reason.
QString describeType(element value);
QString text(std::string_view view);

// Reads fields and, only when one is bad, says where: "Positions.data[3].volume: negative".
// The path is built on failure alone; the hot path allocates nothing for it.
class FieldReader
{
public:
    explicit FieldReader(QString *error)
        : m_error(error)
    {}

    void setMessage(const QString &name) { m_message = name; }
    const QString &error() const { return *m_error; }
    void setItem(qsizetype item) { m_item = item; }
    void setField(std::string_view field) { m_field = field; }

    bool fail(const QString &problem)
    {
        QString path = m_message.isEmpty() ? QStringLiteral("message") : m_message;
        if (m_item >= 0)
            path += QStringLiteral(".data[%1]").arg(m_item);
        if (!m_field.empty())
            path += QLatin1Char('.') + text(m_field);
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

} // namespace FeedReading

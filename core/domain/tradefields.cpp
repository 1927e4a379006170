// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/tradefields.h"

using namespace Qt::StringLiterals;

namespace TradeFields {

int idOf(std::string_view name)
{
    for (int i = 0; i < kCount; ++i) {
        if (field(i).name == name)
            return i;
    }
    return -1;
}

const QStringList &names()
{
    static const QStringList names = [] {
        QStringList out;
        for (const Field &f : kFields)
            out.append(QString::fromLatin1(f.name.data(), qsizetype(f.name.size())));
        return out;
    }();
    return names;
}

const QString &nameOf(int id)
{
    return names().at(id);
}

QVariant value(int id, const Position &p, const ClosedTrade *t)
{
    const Field &f = field(id);
    if (!t && !f.inPosition())
        return {};
    switch (f.kind) {
    case Kind::Integer:
    case Kind::Time:
        return f.integer ? p.*f.integer : t->*f.tradeInteger;
    case Kind::Real:
        return f.real ? p.*f.real : t->*f.tradeReal;
    case Kind::Text:
        // An own position's empty signal name is text, never null (SQL NULL).
        return (p.*f.text).isNull() ? QString(u""_s) : p.*f.text;
    case Kind::Flag:
        return p.*f.flag;
    case Kind::Side:
        return Position::sideName(p.side);
    case Kind::Reason:
        return t ? t->reasonWord() : QString();
    }
    return {};
}

void setValue(int id, const QVariant &value, ClosedTrade *t)
{
    const Field &f = field(id);
    Position &p = t->position;
    switch (f.kind) {
    case Kind::Integer:
    case Kind::Time:
        (f.integer ? p.*f.integer : t->*f.tradeInteger) = value.toLongLong();
        break;
    case Kind::Real:
        (f.real ? p.*f.real : t->*f.tradeReal) = value.toDouble();
        break;
    case Kind::Text:
        p.*f.text = value.toString();
        break;
    case Kind::Flag:
        p.*f.flag = value.toBool();
        break;
    case Kind::Side:
        p.side = value.toString() == "sell"_L1 ? Position::Side::Sell : Position::Side::Buy;
        break;
    case Kind::Reason:
        t->setReasonWord(value.toString());
        break;
    }
}

} // namespace TradeFields

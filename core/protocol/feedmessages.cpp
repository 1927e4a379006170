// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/feedmessages.h"

#include "domain/tradefields.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace FeedMessages {

namespace {

// A position's fields, and a closed trade's own with `t`.
QJsonObject fieldsOf(const Position &p, const ClosedTrade *t)
{
    QJsonObject object;
    for (int id = 0; id < TradeFields::kCount; ++id) {
        if (t || TradeFields::field(id).inPosition())
            object.insert(TradeFields::nameOf(id),
                          QJsonValue::fromVariant(TradeFields::value(id, p, t)));
    }
    return object;
}

ClosedTrade fromFields(const QJsonObject &o, bool positionOnly)
{
    ClosedTrade t;
    for (int id = 0; id < TradeFields::kCount; ++id) {
        if (!positionOnly || TradeFields::field(id).inPosition())
            TradeFields::setValue(id, o.value(TradeFields::nameOf(id)).toVariant(), &t);
    }
    return t;
}

} // namespace

QJsonObject toJson(const Position &p)
{
    return fieldsOf(p, nullptr);
}

QJsonObject toJson(const ClosedTrade &t)
{
    return fieldsOf(t.position, &t);
}

QJsonObject toJson(const AccountFigures &a)
{
    return QJsonObject{
        {u"balance"_s, a.balance},
        {u"equity"_s, a.equity},
        {u"margin"_s, a.margin},
        {u"freeMargin"_s, a.freeMargin},
        {u"marginLevel"_s, a.marginLevel ? QJsonValue(*a.marginLevel) : QJsonValue()},
        {u"currency"_s, a.currency},
    };
}

Position positionFromJson(const QJsonObject &o)
{
    return fromFields(o, true).position;
}

ClosedTrade closedTradeFromJson(const QJsonObject &o)
{
    return fromFields(o, false);
}

template<typename T> static QByteArray encodeArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QByteArray encodeData(const QList<Position> &positions)
{
    return encodeArray(positions);
}

QByteArray encodeData(const QList<ClosedTrade> &trades)
{
    return encodeArray(trades);
}

namespace {

// One item in a profile's words: its field names, its time unit.
QJsonObject inDialect(const QJsonObject &ours, const FeedProfile &profile)
{
    const bool seconds = profile.timeUnit == FeedProfile::TimeUnit::Seconds;
    QJsonObject theirs;
    for (auto it = ours.begin(); it != ours.end(); ++it) {
        QJsonValue value = it.value();
        const int id = TradeFields::idOf(it.key().toStdString());
        if (seconds && id >= 0 && TradeFields::field(id).kind == TradeFields::Kind::Time)
            value = value.toInteger() / 1000;
        theirs.insert(profile.field(it.key()), value);
    }
    return theirs;
}

template<typename T> QByteArray encodeIn(const QList<T> &items, const FeedProfile &profile)
{
    if (profile.fields.isEmpty() && profile.timeUnit == FeedProfile::TimeUnit::Milliseconds)
        return encodeData(items);
    QJsonArray array;
    for (const T &item : items)
        array.append(inDialect(toJson(item), profile));
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray encodeData(const QList<Position> &positions, const FeedProfile &profile)
{
    return encodeIn(positions, profile);
}

QByteArray encodeData(const QList<ClosedTrade> &trades, const FeedProfile &profile)
{
    return encodeIn(trades, profile);
}

QByteArray list(const QByteArray &data, int code)
{
    return R"({"Code":)" + QByteArray::number(code) + R"(,"data":)" + data + '}';
}

QByteArray alive(int code)
{
    return R"({"Code":)" + QByteArray::number(code) + '}';
}

QByteArray envelope(const char *type, qint64 seq, const QByteArray &data, int code)
{
    QByteArray out;
    out.reserve(data.size() + 64);
    out += R"({"Code":)";
    out += QByteArray::number(code);
    out += R"(,"type":")";
    out += type;
    out += R"(","seq":)";
    out += QByteArray::number(seq);
    out += R"(,"data":)";
    out += data;
    out += '}';
    return out;
}

QByteArray snapshot(qint64 seq, const QList<Position> &positions)
{
    return envelope("Snapshot", seq, encodeData(positions));
}

QByteArray positions(qint64 seq, const QList<Position> &positions)
{
    return envelope("Positions", seq, encodeData(positions));
}

QByteArray closed(qint64 seq, const QList<ClosedTrade> &trades)
{
    return envelope("Closed", seq, encodeData(trades));
}

QByteArray history(qint64 seq, const QList<ClosedTrade> &trades)
{
    return envelope("History", seq, encodeData(trades));
}

QByteArray encodeData(const AccountFigures &figures)
{
    return QJsonDocument(toJson(figures)).toJson(QJsonDocument::Compact);
}

QByteArray account(qint64 seq, const AccountFigures &figures)
{
    return envelope("Account", seq, encodeData(figures));
}

QByteArray pong(qint64 ts)
{
    return QJsonDocument(QJsonObject{{u"type"_s, u"Pong"_s}, {u"ts"_s, ts}})
        .toJson(QJsonDocument::Compact);
}

QByteArray error(int code, const QString &message, const FeedProfile &profile)
{
    if (profile.envelope == FeedProfile::Envelope::Native)
        return error(code, message);
    return QJsonDocument(QJsonObject{{u"Code"_s, code}, {u"msg"_s, message}})
        .toJson(QJsonDocument::Compact);
}

QByteArray error(int code, const QString &message)
{
    return QJsonDocument(
               QJsonObject{{u"Code"_s, code}, {u"type"_s, u"Error"_s}, {u"msg"_s, message}})
        .toJson(QJsonDocument::Compact);
}

} // namespace FeedMessages

// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/feedmessages.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace FeedMessages {

QJsonObject toJson(const Position &p)
{
    return QJsonObject{
        {u"ticket"_s, p.ticket},
        {u"symbol"_s, p.symbol},
        {u"side"_s, Position::sideName(p.side)},
        {u"volume"_s, p.volume},
        {u"openPrice"_s, p.openPrice},
        {u"price"_s, p.price},
        {u"sl"_s, p.sl},
        {u"tp"_s, p.tp},
        {u"swap"_s, p.swap},
        {u"commission"_s, p.commission},
        {u"profit"_s, p.profit},
        {u"openTime"_s, p.openTime},
        {u"flwsig"_s, p.flwsig},
        {u"sigtraderid"_s, p.sigtraderid},
        {u"signame"_s, p.signame},
    };
}

QJsonObject toJson(const ClosedTrade &t)
{
    QJsonObject object = toJson(t.position);
    object.insert(u"closePrice"_s, t.closePrice);
    object.insert(u"closeTime"_s, t.closeTime);
    object.insert(u"reason"_s, t.reasonWord());
    return object;
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
    Position p;
    p.ticket = o.value("ticket"_L1).toInteger();
    p.symbol = o.value("symbol"_L1).toString();
    p.side =
        o.value("side"_L1).toString() == "sell"_L1 ? Position::Side::Sell : Position::Side::Buy;
    p.volume = o.value("volume"_L1).toDouble();
    p.openPrice = o.value("openPrice"_L1).toDouble();
    p.price = o.value("price"_L1).toDouble();
    p.sl = o.value("sl"_L1).toDouble();
    p.tp = o.value("tp"_L1).toDouble();
    p.swap = o.value("swap"_L1).toDouble();
    p.commission = o.value("commission"_L1).toDouble();
    p.profit = o.value("profit"_L1).toDouble();
    p.openTime = o.value("openTime"_L1).toInteger();
    p.flwsig = o.value("flwsig"_L1).toBool();
    p.sigtraderid = o.value("sigtraderid"_L1).toInteger();
    p.signame = o.value("signame"_L1).toString();
    return p;
}

ClosedTrade closedTradeFromJson(const QJsonObject &o)
{
    ClosedTrade t;
    t.position = positionFromJson(o);
    t.closePrice = o.value("closePrice"_L1).toDouble();
    t.closeTime = o.value("closeTime"_L1).toInteger();
    t.setReasonWord(o.value("reason"_L1).toString());
    return t;
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
        if (seconds && (it.key() == "openTime"_L1 || it.key() == "closeTime"_L1))
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

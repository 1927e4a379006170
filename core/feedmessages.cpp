#include "feedmessages.h"

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
    object.insert(u"reason"_s, ClosedTrade::reasonName(t.reason));
    return object;
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
    t.reason = ClosedTrade::reasonFromName(o.value("reason"_L1).toString());
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

QByteArray envelope(const char *type, qint64 seq, const QByteArray &data)
{
    QByteArray out;
    out.reserve(data.size() + 64);
    out += R"({"Code":200,"type":")";
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

QByteArray pong(qint64 ts)
{
    return QJsonDocument(QJsonObject{{u"type"_s, u"Pong"_s}, {u"ts"_s, ts}})
        .toJson(QJsonDocument::Compact);
}

QByteArray error(int code, const QString &message)
{
    return QJsonDocument(
               QJsonObject{{u"Code"_s, code}, {u"type"_s, u"Error"_s}, {u"msg"_s, message}})
        .toJson(QJsonDocument::Compact);
}

} // namespace FeedMessages

// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixtures.h"

#include "protocol/feedmessages.h"
#include "protocol/feedparser.h"
#include "protocol/feedprofile.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Fixtures {

namespace {

QJsonDocument parse(QByteArrayView json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("fixture is no JSON (%s at %d): %s", qPrintable(error.errorString()), error.offset,
               json.toByteArray().constData());
    return document;
}

QJsonObject checked(const QJsonObject &object)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!FeedProfile::fieldNames().contains(it.key()))
            qFatal("fixture key \"%s\" is no field of a position or trade: %s",
                   qPrintable(it.key()),
                   QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
    }
    return object;
}

QJsonObject object(QByteArrayView json)
{
    const QJsonDocument document = parse(json);
    if (!document.isObject())
        qFatal("fixture is no JSON object: %s", json.toByteArray().constData());
    return checked(document.object());
}

QJsonArray array(QByteArrayView json)
{
    const QJsonDocument document = parse(json);
    if (!document.isArray())
        qFatal("fixture is no JSON array: %s", json.toByteArray().constData());
    return document.array();
}

QJsonObject over(QByteArrayView base, const QJsonObject &fields)
{
    QJsonObject merged = object(base);
    for (auto it = fields.begin(); it != fields.end(); ++it)
        merged.insert(it.key(), it.value());
    return checked(merged);
}

} // namespace

Position position(QByteArrayView json)
{
    return FeedMessages::positionFromJson(object(json));
}

ClosedTrade trade(QByteArrayView json)
{
    return FeedMessages::closedTradeFromJson(object(json));
}

QList<Position> positions(QByteArrayView jsonArray)
{
    QList<Position> list;
    for (const QJsonValue &item : array(jsonArray))
        list.append(FeedMessages::positionFromJson(checked(item.toObject())));
    return list;
}

QList<ClosedTrade> trades(QByteArrayView jsonArray)
{
    QList<ClosedTrade> list;
    for (const QJsonValue &item : array(jsonArray))
        list.append(FeedMessages::closedTradeFromJson(checked(item.toObject())));
    return list;
}

Position position(QByteArrayView base, const QJsonObject &fields)
{
    return FeedMessages::positionFromJson(over(base, fields));
}

ClosedTrade trade(QByteArrayView base, const QJsonObject &fields)
{
    return FeedMessages::closedTradeFromJson(over(base, fields));
}

FeedMessage message(FeedMessage::Type type, qint64 seq, const QList<Position> &positions,
                    const QList<ClosedTrade> &trades)
{
    FeedMessage m;
    m.type = type;
    m.seq = seq;
    m.positions = positions;
    m.trades = trades;
    return m;
}

FeedMessage snapshot(qint64 seq, const QList<Position> &positions)
{
    return message(FeedMessage::Type::Snapshot, seq, positions);
}

FeedMessage account(qint64 seq, QByteArrayView json)
{
    QJsonObject data{{QStringLiteral("balance"), 0},
                     {QStringLiteral("equity"), 0},
                     {QStringLiteral("margin"), 0},
                     {QStringLiteral("freeMargin"), 0},
                     {QStringLiteral("marginLevel"), QJsonValue()},
                     {QStringLiteral("currency"), QStringLiteral("USD")}};
    const QJsonDocument given = parse(json);
    if (!given.isObject())
        qFatal("account fixture is no JSON object: %s", json.toByteArray().constData());
    const QJsonObject fields = given.object();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!data.contains(it.key()))
            qFatal("account fixture key \"%s\" is no Account field", qPrintable(it.key()));
        data.insert(it.key(), it.value());
    }
    FeedParser parser;
    const std::optional<FeedMessage> message =
        parser.parse(FeedMessages::envelope("Account", seq, QJsonDocument(data).toJson()));
    if (!message)
        qFatal("account fixture is no valid Account: %s", qPrintable(parser.error()));
    return *message;
}

AccountFigures figures(QByteArrayView json)
{
    return account(1, json).account;
}

} // namespace Fixtures

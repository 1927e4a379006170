#pragma once

#include "closedtrade.h"
#include "position.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

// Encodes the server-to-client messages of the feed protocol (docs/protocol.md).
// The data array is encoded on its own so that a server can send one update to many clients,
// each with its own `seq`, without encoding the positions again.
namespace FeedMessages {

QJsonObject toJson(const Position &position);
QJsonObject toJson(const ClosedTrade &trade);
// Reads back what toJson wrote, leniently (a missing field is zero): for files this program
// wrote itself and for the benchmark's plain-Qt baseline. The feed goes through FeedParser.
Position positionFromJson(const QJsonObject &object);
ClosedTrade closedTradeFromJson(const QJsonObject &object);

QByteArray encodeData(const QList<Position> &positions);
QByteArray encodeData(const QList<ClosedTrade> &trades);

// {"Code":200,"type":<type>,"seq":<seq>,"data":<data>}
QByteArray envelope(const char *type, qint64 seq, const QByteArray &data);

QByteArray snapshot(qint64 seq, const QList<Position> &positions);
QByteArray positions(qint64 seq, const QList<Position> &positions);
QByteArray closed(qint64 seq, const QList<ClosedTrade> &trades);
QByteArray history(qint64 seq, const QList<ClosedTrade> &trades);
QByteArray pong(qint64 ts);
QByteArray error(int code, const QString &message);

} // namespace FeedMessages

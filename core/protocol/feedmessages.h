// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/accountfigures.h"
#include "domain/closedtrade.h"
#include "domain/position.h"
#include "protocol/feedprofile.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

// Encodes the server-to-client messages of the feed protocol (docs/protocol.md).
// The data array is encoded on its own so that a server can send one update to many clients,
// each with its own `seq`, without encoding the positions again.
namespace FeedMessages {

QJsonObject toJson(const Position &position);
QJsonObject toJson(const ClosedTrade &trade);
// marginLevel null when there is none.
QJsonObject toJson(const AccountFigures &figures);
// Reads back what toJson wrote, leniently (a missing field is zero): for files this program
// wrote itself and for the benchmark's plain-Qt baseline. The feed goes through FeedParser.
Position positionFromJson(const QJsonObject &object);
ClosedTrade closedTradeFromJson(const QJsonObject &object);

QByteArray encodeData(const QList<Position> &positions);
QByteArray encodeData(const QList<ClosedTrade> &trades);
QByteArray encodeData(const AccountFigures &figures);
// The same in a profile's field names and time unit (what a feed in that dialect sends).
QByteArray encodeData(const QList<Position> &positions, const FeedProfile &profile);
QByteArray encodeData(const QList<ClosedTrade> &trades, const FeedProfile &profile);

// {"Code":200,"type":<type>,"seq":<seq>,"data":<data>}
QByteArray envelope(const char *type, qint64 seq, const QByteArray &data, int code = 200);
// The seed envelope: {"Code":<code>,"data":<data>}, the whole list of open positions.
QByteArray list(const QByteArray &data, int code = 200);
// The seed envelope without data: {"Code":<code>}, only a sign of life.
QByteArray alive(int code = 200);

QByteArray snapshot(qint64 seq, const QList<Position> &positions);
QByteArray positions(qint64 seq, const QList<Position> &positions);
QByteArray closed(qint64 seq, const QList<ClosedTrade> &trades);
QByteArray history(qint64 seq, const QList<ClosedTrade> &trades);
QByteArray account(qint64 seq, const AccountFigures &figures);
QByteArray pong(qint64 ts);
QByteArray error(int code, const QString &message);
// An error in the profile's envelope: a native Error, or {"Code":<code>,"msg":...}.
QByteArray error(int code, const QString &message, const FeedProfile &profile);

} // namespace FeedMessages

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/closedtrade.h"
#include "domain/position.h"
#include "protocol/feedmessage.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QList>

// Positions, closed trades and messages from compact JSON in the protocol's field names
// (docs/protocol.md): R"({"ticket":1,"symbol":"XAUUSD","side":"sell","price":2310.5})". A field
// left out is zero or empty; a key that is no field, or text that is no JSON, stops the test
// with the fixture quoted, so that a typo cannot pass for a default.
namespace Fixtures {

Position position(QByteArrayView json);
ClosedTrade trade(QByteArrayView json);
QList<Position> positions(QByteArrayView jsonArray);
QList<ClosedTrade> trades(QByteArrayView jsonArray);

// `base` (a fixture's text) with `fields` over it: a family of rows that differ in a few fields.
Position position(QByteArrayView base, const QJsonObject &fields);
ClosedTrade trade(QByteArrayView base, const QJsonObject &fields);

// The message FeedSession would hand the book.
FeedMessage message(FeedMessage::Type type, qint64 seq, const QList<Position> &positions = {},
                    const QList<ClosedTrade> &trades = {});
FeedMessage snapshot(qint64 seq, const QList<Position> &positions);

// Account figures from the Account message's data, R"({"balance":1000,"equity":980})"; what is
// left out is 0, marginLevel null, currency USD. Read by FeedParser, so it is what a feed
// could send.
AccountFigures figures(QByteArrayView json);
FeedMessage account(qint64 seq, QByteArrayView json);

} // namespace Fixtures

#pragma once

#include "closedtrade.h"
#include "position.h"

#include <QList>
#include <QString>

// One server-to-client message of the feed protocol, validated and typed (docs/protocol.md).
struct FeedMessage
{
    enum class Type { Snapshot, Positions, Closed, History, Pong, Error };

    Type type = Type::Snapshot;
    int code = 200;
    qint64 seq = 0;            // data messages
    QList<Position> positions; // Snapshot, Positions
    QList<ClosedTrade> trades; // Closed, History
    qint64 ts = 0;             // Pong
    QString errorMessage;      // Error

    bool isData() const { return type != Type::Pong && type != Type::Error; }
    static QString typeName(Type type);
};

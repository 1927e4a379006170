// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/accountfigures.h"
#include "domain/closedtrade.h"
#include "domain/position.h"

#include <QList>
#include <QObject>
#include <QString>

#include <algorithm>

// One server-to-client message of the feed (docs/protocol.md, docs/profiles.md), validated
// and typed.
struct FeedMessage
{
    Q_GADGET

public:
    // The names are the protocol's "type" words (typeName).
    enum class Type {
        Snapshot,
        Positions,
        Closed,
        History,
        Pong,
        Error,
        Account, // the account's balance, equity and margin
        List,    // a dialect without seq (seed): the whole list of open positions, every time
        Alive,   // a frame with no data: only a sign of life
    };
    Q_ENUM(Type)

    Type type = Type::Snapshot;
    int code = 200;
    qint64 seq = 0;            // native data messages
    QList<Position> positions; // Snapshot, Positions, List
    QList<ClosedTrade> trades; // Closed, History
    AccountFigures account;    // Account
    qint64 ts = 0;             // Pong
    QString errorMessage;      // Error
    // Rows left out of the data on purpose: pending orders, and a ticket repeated in one
    // message (the first one counts). The first reason says why.
    int skipped = 0;
    QString skipReason;

    // A row this version cannot read; the message's readable rows still apply. With the
    // ticket when that much could be read: that position keeps its last good version. Ticket
    // 0: not even the ticket, so the message cannot say which positions it does not list.
    struct UnreadableRow
    {
        qint64 ticket = 0;
        QString reason;
    };
    QList<UnreadableRow> unreadable;

    bool isData() const { return type != Type::Pong && type != Type::Error && type != Type::Alive; }
    // Every row's ticket could be read: a position missing from this list is really missing.
    bool namesEveryTicket() const
    {
        return std::none_of(unreadable.cbegin(), unreadable.cend(),
                            [](const UnreadableRow &row) { return row.ticket == 0; });
    }
    static const QString &typeName(Type type);
};

#pragma once

#include "feedparser.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

class ClosedTradeStore;
class PositionBook;
class SocketManager;
struct ClosedTrade;

// The feed path from bytes to data: SocketManager -> FeedParser -> PositionBook, and closed
// trades on to the ClosedTradeStore. A rejected message is counted and logged (rate-limited,
// with its reason and a short excerpt); it never closes the connection. A gap in seq is
// answered by subscribing again. Closed trades that cannot be stored (no database, or a
// failed write) are kept and written with the next batch that can be: nothing is dropped.
class FeedSession : public QObject
{
    Q_OBJECT

public:
    // None owned. `store` may be null or closed: the live view works without it.
    FeedSession(SocketManager *socket, PositionBook *book, ClosedTradeStore *store,
                QObject *parent = nullptr);

    qint64 acceptedCount() const { return m_accepted; }
    qint64 rejectedCount() const { return m_rejected; }
    QString lastRejection() const { return m_lastRejection; }
    // Closed trades waiting for the store.
    int pendingTrades() const { return int(m_pending.size()); }

    // Handles one message as if it came from the socket.
    void handleMessage(const QByteArray &message);

Q_SIGNALS:
    void messageRejected(const QString &reason);
    void serverErrorReceived(int code, const QString &message);

private:
    void storeTrades(const QList<ClosedTrade> &trades);
    void logRejection(const QString &reason, const QByteArray &message);

    SocketManager *m_socket = nullptr;
    PositionBook *m_book = nullptr;
    ClosedTradeStore *m_store = nullptr;
    FeedParser m_parser;
    QList<ClosedTrade> m_pending;
    qint64 m_accepted = 0;
    qint64 m_rejected = 0;
    QString m_lastRejection;
    QElapsedTimer m_logWindow;
    int m_loggedInWindow = 0;
    int m_suppressed = 0;
};

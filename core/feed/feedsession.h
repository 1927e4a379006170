// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feed/resyncpolicy.h"
#include "protocol/feedparser.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

class Clock;
class TradeHistory;
struct Account;
class PositionBook;
class SocketManager;
struct ClosedTrade;

// The feed path from bytes to data: SocketManager -> FeedParser -> PositionBook, and closed
// trades on to the ClosedTradeStore. It tells the socket when the data is live: an accepted
// Snapshot makes the connection Live; a rejected Snapshot counts as none (ask again); an
// Error in reply to the subscription fails the attempt (fatal or transient by Refusal). A
// rejected message is counted and logged (rate-limited, with its reason and a short excerpt);
// it never closes the connection, and when its seq reads it takes that place (no gap).
// What this version cannot read, whole messages or rows, is "unreadable": counted, said in
// words (unreadable()) while it keeps coming, and answered with a fresh Snapshot at the pace
// of ResyncPolicy, during which the data stays live. A gap in seq, or seq going back, is
// answered by subscribing again (ResyncPolicy's pace too). Closed trades go to the
// TradeHistory (which loses none), and a position seen open again withdraws its provisional
// close.
class FeedSession : public QObject
{
    Q_OBJECT

public:
    // None owned. `history` may be null: the live view works without it.
    FeedSession(SocketManager *socket, PositionBook *book, TradeHistory *history,
                QObject *parent = nullptr);

    // Not owned; nullptr restores the system clock (the time of the last data).
    void setClock(const Clock *clock);
    // The feed's wire format (native by default).
    void setProfile(const FeedProfile &profile);
    const FeedProfile &profile() const { return m_parser.profile(); }

    qint64 acceptedCount() const { return m_accepted; }
    qint64 rejectedCount() const { return m_rejected; }
    // Rows left out of lists on purpose: pending orders, a ticket repeated in one message.
    qint64 skippedCount() const { return m_skipped; }
    // Rows this version could not read (the rest of their messages applied).
    qint64 unreadableRowCount() const { return m_unreadableRows; }

    // What this version could not read lately, rows and whole messages: the first reason of
    // the spell and when the last came. A spell ends after kUnreadableSpell with everything
    // readable; `count` 0: none.
    struct Unreadable
    {
        int count = 0;
        QString firstReason;
        qint64 since = 0; // wall clock
        qint64 last = 0;
    };
    static constexpr std::chrono::milliseconds kUnreadableSpell{60000};
    // The spell at `now` (wall clock): empty once it is over or dismissed.
    Unreadable unreadable(qint64 now) const;
    ResyncPolicy &resyncPolicy() { return m_resync; }
    QString lastRejection() const { return m_lastRejection; }
    // Closed trades waiting for the database.
    int pendingTrades() const;

    // Another account (feed, trader id) or wire format: the book is emptied, without a
    // single position recorded as closed, and the parser and the history follow. Call it
    // between closing the old connection and opening the new one (FeedSource::feedSwitched).
    void switchFeed(const Account &account, const FeedProfile &profile);
    // Wall-clock time the book last took data from the feed, 0 before any. Heartbeat replies
    // and ignored messages do not count: this is the age of what the window shows.
    qint64 lastDataAt() const { return m_lastDataAt; }

    // The last Error message of the current connection (code 0: none).
    struct ServerError
    {
        int code = 0;
        QString text;
        qint64 at = 0; // wall clock
    };
    ServerError lastServerError() const { return m_serverError; }
    // The user read them: the server's error and the spell of unreadable data (until another).
    void dismissNotices();

    // Handles one message as if it came from the socket.
    void handleMessage(const QByteArray &message);

Q_SIGNALS:
    void messageRejected(const QString &reason);
    void rowsSkipped(int count, const QString &firstReason);
    // Rows of a message this version could not read, the first reason.
    void rowsUnreadable(int count, const QString &firstReason);
    // unreadable() changed: a spell began, or was dismissed.
    void unreadableChanged();
    void serverErrorReceived(int code, const QString &message);
    void serverErrorChanged();
    // A Snapshot was accepted (or, in a dialect of whole lists, the list that made the feed
    // live): the book holds the server's positions now.
    void snapshotReceived(int positions);
    // A fresh Snapshot was asked for (a gap, seq going back, data that could not be read).
    void resyncRequested(const QString &why);

private:
    void onRejected(const QByteArray &message);
    void onUnreadableRows(const FeedMessage &message);
    void noteUnreadable(int count, const QString &reason);
    void requestResync(ResyncPolicy::Cause cause, const QString &why);
    void resyncDue();
    void onServerError(int code, const QString &text);
    void storeTrades(const QList<ClosedTrade> &trades);
    void checkReopened(int firstRow, int lastRow);
    void logRejection(const QString &reason, const QByteArray &message);
    qint64 now() const;

    SocketManager *m_socket = nullptr;
    PositionBook *m_book = nullptr;
    TradeHistory *m_history = nullptr;
    const Clock *m_clock = nullptr;
    FeedParser m_parser;
    qint64 m_accepted = 0;
    qint64 m_rejected = 0;
    qint64 m_skipped = 0;
    qint64 m_unreadableRows = 0;
    qint64 m_lastDataAt = 0;
    Unreadable m_unreadable;
    bool m_unreadableDismissed = false;
    ResyncPolicy m_resync;
    QTimer m_resyncTimer;
    QString m_resyncWhy;
    QElapsedTimer m_monotonic;
    QString m_lastRejection;
    ServerError m_serverError;
    QElapsedTimer m_logWindow;
    int m_loggedInWindow = 0;
    int m_suppressed = 0;
};

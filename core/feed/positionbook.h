// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/accountfigures.h"
#include "domain/closedtrade.h"
#include "domain/position.h"
#include "protocol/feedmessage.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

#include <optional>

class Clock;

// The open positions, keyed by ticket, kept in step with the feed. It reconciles: a position
// that is missing from a new Snapshot closed while the feed was away, and goes to the history
// as such; a closed trade never seen open is recorded all the same. It follows `seq` and asks
// for a resync (a fresh Snapshot) when a message was missed, or when seq goes back (the
// server restarted its count): then nothing more is applied until that Snapshot. A message
// this version could not read still takes its place in the sequence (applyUnreadable): it is
// no gap, and a readable message with the same seq replaces it.
//
// What it cannot read it never takes for a close: a row whose ticket reads but whose other
// fields do not keeps the last good version of that position, marked (unreadableReason), and a
// list with a row whose ticket cannot be read closes nothing it leaves out (those positions
// stay, marked too). Such a position is never removed, recorded as closed or announced.
//
// It also keeps the account's figures from the feed's Account messages, in the same sequence:
// none until the feed sends some (a feed may never), marked not current from a new connection
// until that connection's own Account message arrives, and marked unreadable (the last good
// ones kept) when the feed's last Account message could not be read.
//
// Its signals mirror the item-model protocol so that a model can follow: one change is either
// a few ranges of rows (at most kMaxRowChanges rows come or go) or one reset, then
// changeFinished().
class PositionBook : public QObject
{
    Q_OBJECT

public:
    // More rows than this coming or going in one message is one reset: every row signal costs
    // each proxy and view above a pass over its rows, a reset one pass in all.
    static constexpr int kMaxRowChanges = 32;

    explicit PositionBook(QObject *parent = nullptr);

    // Not owned; nullptr restores the system clock (the close time of vanished positions).
    void setClock(const Clock *clock);

    int count() const { return int(m_positions.size()); }
    const Position &at(int row) const { return m_positions.at(row); }
    const QList<Position> &positions() const { return m_positions; }
    // The row of a ticket, -1 if it is not open.
    int rowOf(qint64 ticket) const { return m_rows.value(ticket, -1); }
    qint64 lastSeq() const { return m_lastSeq; }
    // Nothing applies until a Snapshot: a new connection, or seq went back.
    bool isAwaitingSnapshot() const { return m_awaitingSnapshot; }
    // Why the feed's last word on this open position could not be read (it shows its last good
    // version); empty when it could.
    QString unreadableReason(qint64 ticket) const { return m_unreadable.value(ticket); }
    int unreadableCount() const { return int(m_unreadable.size()); }
    // The last figures the feed sent for this account; none before the first.
    const std::optional<AccountFigures> &figures() const { return m_figures; }
    // The figures came on the current connection (not only on an earlier one).
    bool areFiguresCurrent() const { return m_figures && m_figuresCurrent; }
    // Why the feed's last Account message could not be read (figures() are the last good
    // ones); empty when it could.
    QString figuresProblem() const { return m_figuresProblem; }

    // A new connection: data before its Snapshot is ignored, and the seq count starts again.
    void expectSnapshot();
    // Another account: every position goes, none of them recorded as closed.
    void clear();
    // Applies one validated message, following its seq. False when it was ignored (before the
    // Snapshot, repeated, or out of order).
    bool apply(const FeedMessage &message);
    // A message of `type` (when that much could be read) that could not be read took place
    // `seq`: the sequence goes on from it. An unreadable Account keeps the last figures, marked
    // with `reason`. False when it was ignored, as apply() would have.
    bool applyUnreadable(std::optional<FeedMessage::Type> type, qint64 seq, const QString &reason);

    void applySnapshot(const QList<Position> &positions);
    // The whole list, from a dialect that sends nothing else (seed): reconciled like a
    // Snapshot (what is missing closed while away), but as a change of the rows that differ.
    void applyList(const QList<Position> &positions);
    // New tickets among them are announced by liveOpened unless `quiet`.
    void applyPositions(const QList<Position> &positions, bool quiet = false);
    void applyClosed(const QList<ClosedTrade> &trades);
    void applyHistory(const QList<ClosedTrade> &trades);
    void applyAccount(const AccountFigures &figures);

Q_SIGNALS:
    void positionsAboutToBeReset();
    void positionsReset();
    // Rows first to last, inclusive.
    void positionsAboutToBeInserted(int first, int last);
    void positionsInserted(int first, int last);
    void positionsAboutToBeRemoved(int first, int last);
    void positionsRemoved(int first, int last);
    // `fields` is a mask of Position::Field (UnreadableField: the mark came or went).
    void positionUpdated(int row, quint32 fields);
    // After the last row signal (insert, remove or reset) of one change; not after a change of
    // values alone.
    void changeFinished();
    // For the history: from Closed and History, and (with reason Unknown) positions that
    // vanished from a Snapshot.
    void tradesClosed(const QList<ClosedTrade> &trades);
    // A message was missed, or seq went back: the owner answers by subscribing again. Once
    // per Snapshot, with the reason in words.
    void resyncNeeded(const QString &why);
    // figures(), areFiguresCurrent() or figuresProblem() changed.
    void figuresChanged();
    // Positions that opened, and trades that closed, while the feed was being watched: never
    // what the first Snapshot (or list) of a connection holds or leaves out, and never the
    // History. What alerts are about.
    void liveOpened(const QList<Position> &positions);
    void liveClosed(const QList<ClosedTrade> &trades);

private:
    // One message's change: rows that go, and positions that are updated or come.
    struct Change
    {
        QSet<qint64> gone;
        QList<Position> upserts;
        // Tickets whose row the feed sent but this version could not read, and why.
        QHash<qint64, QString> unreadable;
    };
    bool follow(qint64 seq, bool readable);
    void applyWholeList(const FeedMessage &message, bool snapshot);
    // Applies a change; returns the positions it added.
    QList<Position> commit(const Change &change);
    void resetTo(QList<Position> positions, QHash<qint64, QString> unreadable);
    // changeFinished() when the change moved rows.
    void finishChange();
    void removeRows(QList<int> rows);
    bool setUnreadable(qint64 ticket, const QString &reason);
    QList<ClosedTrade> vanishedFrom(const QSet<qint64> &present) const;
    void requestResync(const QString &why);

    QList<Position> m_positions;
    QHash<qint64, int> m_rows;           // ticket -> row
    QHash<qint64, QString> m_unreadable; // open tickets whose last word could not be read
    const Clock *m_clock = nullptr;
    std::optional<AccountFigures> m_figures;
    bool m_figuresCurrent = false;
    QString m_figuresProblem;
    qint64 m_lastSeq = 0;
    bool m_lastSeqUnreadable = false; // the message at m_lastSeq could not be read
    bool m_awaitingSnapshot = true;
    bool m_firstListOfConnection = true; // the seed dialect's first list is its Snapshot
    bool m_resyncRequested = false;
    bool m_rowsChanged = false; // since the last changeFinished()
};

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

class Clock;

// The open positions, keyed by ticket, kept in step with the feed. It reconciles: a position
// that is missing from a new Snapshot closed while the feed was away, and goes to the history
// as such; a closed trade never seen open is recorded all the same. It follows `seq` and asks
// for a resync (a fresh Snapshot) when a message was missed, or when seq goes back (the
// server restarted its count): then nothing more is applied until that Snapshot.
//
// It also keeps the account's figures from the feed's Account messages, in the same sequence:
// none until the feed sends some (a feed may never), and marked not current from a new
// connection until that connection's own Account message arrives.
//
// Its signals mirror the item-model protocol so that a model can follow row by row.
class PositionBook : public QObject
{
    Q_OBJECT

public:
    explicit PositionBook(QObject *parent = nullptr);

    // Not owned; nullptr restores the system clock (the close time of vanished positions).
    void setClock(const Clock *clock);

    int count() const { return int(m_positions.size()); }
    const Position &at(int row) const { return m_positions.at(row); }
    const QList<Position> &positions() const { return m_positions; }
    // The row of a ticket, -1 if it is not open.
    int rowOf(qint64 ticket) const { return m_rows.value(ticket, -1); }
    qint64 lastSeq() const { return m_lastSeq; }
    // The last figures the feed sent for this account; none before the first.
    const std::optional<AccountFigures> &figures() const { return m_figures; }
    // The figures came on the current connection (not only on an earlier one).
    bool areFiguresCurrent() const { return m_figures && m_figuresCurrent; }

    // A new connection: data before its Snapshot is ignored, and the seq count starts again.
    void expectSnapshot();
    // Another account: every position goes, none of them recorded as closed.
    void clear();
    // Applies one validated message, following its seq. False when it was ignored (before the
    // Snapshot, repeated, or out of order).
    bool apply(const FeedMessage &message);

    void applySnapshot(const QList<Position> &positions);
    // The whole list, from a dialect that sends nothing else (seed): reconciled like a
    // Snapshot (what is missing closed while away), but row by row, not as a reset.
    void applyList(const QList<Position> &positions);
    // New tickets among them are announced by liveOpened unless `quiet`.
    void applyPositions(const QList<Position> &positions, bool quiet = false);
    void applyClosed(const QList<ClosedTrade> &trades);
    void applyHistory(const QList<ClosedTrade> &trades);
    void applyAccount(const AccountFigures &figures);

Q_SIGNALS:
    void positionsAboutToBeReset();
    void positionsReset();
    void positionAboutToBeInserted(int row);
    void positionInserted(int row);
    void positionAboutToBeRemoved(int row);
    void positionRemoved(int row);
    // `fields` is a mask of Position::Field.
    void positionUpdated(int row, quint32 fields);
    // For the history: from Closed and History, and (with reason Unknown) positions that
    // vanished from a Snapshot.
    void tradesClosed(const QList<ClosedTrade> &trades);
    // A message was missed, or seq went back: the owner answers by subscribing again. Once
    // per Snapshot, with the reason in words.
    void resyncNeeded(const QString &why);
    // figures() or areFiguresCurrent() changed.
    void figuresChanged();
    // Positions that opened, and trades that closed, while the feed was being watched: never
    // what the first Snapshot (or list) of a connection holds or leaves out, and never the
    // History. What alerts are about.
    void liveOpened(const QList<Position> &positions);
    void liveClosed(const QList<ClosedTrade> &trades);

private:
    void removeRow(int row);
    QList<ClosedTrade> vanishedFrom(const QSet<qint64> &present) const;
    void requestResync(const QString &why);

    QList<Position> m_positions;
    QHash<qint64, int> m_rows; // ticket -> row
    const Clock *m_clock = nullptr;
    std::optional<AccountFigures> m_figures;
    bool m_figuresCurrent = false;
    qint64 m_lastSeq = 0;
    bool m_awaitingSnapshot = true;
    bool m_firstListOfConnection = true; // the seed dialect's first list is its Snapshot
    bool m_resyncRequested = false;
};

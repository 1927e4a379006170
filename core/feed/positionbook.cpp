// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/positionbook.h"

#include "domain/clock.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcBook, "trademonitor.book")

PositionBook::PositionBook(QObject *parent)
    : QObject(parent)
{}

void PositionBook::setClock(const Clock *clock)
{
    m_clock = clock;
}

void PositionBook::expectSnapshot()
{
    m_awaitingSnapshot = true;
    m_firstListOfConnection = true;
    m_resyncRequested = false;
    if (m_figures && m_figuresCurrent) {
        m_figuresCurrent = false; // until this connection sends its own
        Q_EMIT figuresChanged();
    }
}

void PositionBook::clear()
{
    resetTo({}, {});
    m_lastSeq = 0;
    m_lastSeqUnreadable = false;
    expectSnapshot();
    if (m_figures || !m_figuresProblem.isEmpty()) {
        m_figures.reset(); // another account's figures are no figures of this one
        m_figuresProblem.clear();
        Q_EMIT figuresChanged();
    }
    finishChange();
}

void PositionBook::requestResync(const QString &why)
{
    // Once per Snapshot: a burst of gaps must not become a burst of subscriptions.
    if (m_resyncRequested)
        return;
    m_resyncRequested = true;
    qCWarning(lcBook).noquote() << why << "- asking for a fresh snapshot";
    Q_EMIT resyncNeeded(why);
}

bool PositionBook::follow(qint64 seq, bool readable)
{
    if (m_awaitingSnapshot)
        return false; // the Snapshot of this connection is on its way
    if (seq == m_lastSeq) {
        // The readable version of a message that could not be read takes its place.
        if (readable && m_lastSeqUnreadable) {
            m_lastSeqUnreadable = false;
            return true;
        }
        qCDebug(lcBook) << "ignored a repeated message: seq" << seq;
        return false;
    }
    if (seq < m_lastSeq) {
        // The server counts again from below without a Snapshot (it restarted): whatever
        // follows cannot be placed. Ask for a fresh Snapshot and ignore everything until then.
        // Said after the book stops applying: the resync cannot wait (isAwaitingSnapshot()).
        m_awaitingSnapshot = true;
        requestResync(QCoreApplication::translate("PositionBook", "seq went back from %1 to %2")
                          .arg(m_lastSeq)
                          .arg(seq));
        return false;
    }
    if (seq > m_lastSeq + 1)
        requestResync(QCoreApplication::translate("PositionBook", "seq jumped from %1 to %2")
                          .arg(m_lastSeq)
                          .arg(seq));
    // Updates carry whole positions, so applying after a gap is still right; the Snapshot
    // that follows mends whatever was missed.
    m_lastSeq = seq;
    m_lastSeqUnreadable = !readable;
    return true;
}

bool PositionBook::apply(const FeedMessage &message)
{
    if (!message.isData())
        return false;
    if (message.type == FeedMessage::Type::List) {
        m_awaitingSnapshot = false;
        m_resyncRequested = false;
        applyWholeList(message, false);
        m_firstListOfConnection = false;
        return true;
    }
    if (message.type == FeedMessage::Type::Snapshot) {
        m_awaitingSnapshot = false;
        m_resyncRequested = false;
        m_lastSeq = message.seq;
        m_lastSeqUnreadable = false;
        applyWholeList(message, true);
        return true;
    }
    if (!follow(message.seq, true))
        return false;
    switch (message.type) {
    case FeedMessage::Type::Positions: {
        Change change;
        change.upserts = message.positions;
        for (const FeedMessage::UnreadableRow &row : message.unreadable) {
            if (row.ticket != 0)
                change.unreadable.insert(row.ticket, row.reason);
        }
        const QList<Position> opened = commit(change);
        finishChange();
        if (!opened.isEmpty())
            Q_EMIT liveOpened(opened);
        break;
    }
    case FeedMessage::Type::Closed:
        applyClosed(message.trades);
        if (!message.trades.isEmpty())
            Q_EMIT liveClosed(message.trades);
        break;
    case FeedMessage::Type::History:
        applyHistory(message.trades);
        break;
    case FeedMessage::Type::Account:
        applyAccount(message.account);
        break;
    default:
        break;
    }
    return true;
}

bool PositionBook::applyUnreadable(std::optional<FeedMessage::Type> type, qint64 seq,
                                   const QString &reason)
{
    if (!follow(seq, false))
        return false;
    if (type == FeedMessage::Type::Account && m_figuresProblem != reason) {
        m_figuresProblem = reason; // the last good figures stay, marked
        Q_EMIT figuresChanged();
    }
    return true;
}

QList<ClosedTrade> PositionBook::vanishedFrom(const QSet<qint64> &present) const
{
    // Open before, missing now: it closed while the feed was away. Record it with what we
    // knew; Closed or History fills in the details.
    QList<ClosedTrade> vanished;
    const qint64 now = (m_clock ? *m_clock : Clock::system()).currentMSecsSinceEpoch();
    for (const Position &p : m_positions) {
        if (present.contains(p.ticket))
            continue;
        ClosedTrade trade;
        trade.position = p;
        trade.closePrice = p.price;
        trade.closeTime = std::max(now, p.openTime);
        trade.reason = ClosedTrade::Reason::Unknown;
        vanished.append(trade);
    }
    return vanished;
}

void PositionBook::applyWholeList(const FeedMessage &message, bool snapshot)
{
    Change change;
    change.upserts = message.positions;
    QSet<qint64> present;
    present.reserve(message.positions.size() + message.unreadable.size());
    for (const Position &p : message.positions)
        present.insert(p.ticket);
    QString unidentified; // why a row without a readable ticket could not be read
    for (const FeedMessage::UnreadableRow &row : message.unreadable) {
        if (row.ticket == 0) {
            if (unidentified.isEmpty())
                unidentified = row.reason;
            continue;
        }
        present.insert(row.ticket);
        change.unreadable.insert(row.ticket, row.reason);
    }
    if (!unidentified.isEmpty()) {
        // That row may be any position we hold: none of those the list leaves out is closed.
        const QString why = QCoreApplication::translate(
                                "PositionBook", "The feed's last list of positions had a row "
                                                "this version cannot read, so this position may "
                                                "have closed: %1")
                                .arg(unidentified);
        for (const Position &p : std::as_const(m_positions)) {
            if (!present.contains(p.ticket)) {
                present.insert(p.ticket);
                change.unreadable.insert(p.ticket, why);
            }
        }
    }
    const QList<ClosedTrade> vanished = vanishedFrom(present);
    for (const ClosedTrade &trade : vanished)
        change.gone.insert(trade.position.ticket);

    // The first list of a connection is what the account holds, not news.
    const bool quiet = snapshot || m_firstListOfConnection;
    QList<Position> opened;
    if (snapshot) {
        // A Snapshot replaces everything, in its own order; the positions it could not read
        // keep their last good version, after the rest.
        QList<Position> next = message.positions;
        QHash<qint64, QString> marks;
        for (auto it = change.unreadable.cbegin(); it != change.unreadable.cend(); ++it) {
            const int held = rowOf(it.key());
            if (held >= 0) {
                next.append(m_positions.at(held));
                marks.insert(it.key(), it.value());
            }
        }
        resetTo(next, marks);
    } else {
        opened = commit(change);
    }
    finishChange();
    if (!vanished.isEmpty()) {
        qCInfo(lcBook) << vanished.size() << "positions are no longer in the list";
        Q_EMIT tradesClosed(vanished);
        if (!quiet)
            Q_EMIT liveClosed(vanished);
    }
    if (!quiet && !opened.isEmpty())
        Q_EMIT liveOpened(opened);
}

QList<Position> PositionBook::commit(const Change &change)
{
    QList<int> goneRows;
    for (const qint64 ticket : change.gone) {
        const int row = rowOf(ticket);
        if (row >= 0)
            goneRows.append(row);
    }
    QList<Position> added;
    for (const Position &p : change.upserts) {
        if (rowOf(p.ticket) < 0 && !change.gone.contains(p.ticket))
            added.append(p);
    }

    if (goneRows.size() + added.size() > kMaxRowChanges) {
        // Too many rows for row signals: one reset, rows that stay in their place.
        QHash<qint64, const Position *> updates;
        updates.reserve(change.upserts.size());
        for (const Position &p : change.upserts)
            updates.insert(p.ticket, &p);
        QList<Position> next;
        next.reserve(count() - goneRows.size() + added.size());
        QHash<qint64, QString> marks;
        for (const Position &p : std::as_const(m_positions)) {
            if (change.gone.contains(p.ticket))
                continue;
            const auto update = updates.constFind(p.ticket);
            next.append(update != updates.cend() ? **update : p);
            const auto mark = change.unreadable.constFind(p.ticket);
            if (mark != change.unreadable.cend())
                marks.insert(p.ticket, *mark);
            else if (update == updates.cend() && m_unreadable.contains(p.ticket))
                marks.insert(p.ticket, m_unreadable.value(p.ticket));
        }
        next += added;
        resetTo(next, marks);
        return added;
    }

    removeRows(goneRows);
    for (const Position &p : change.upserts) {
        const int row = rowOf(p.ticket);
        if (row < 0)
            continue;
        Position &held = m_positions[row];
        quint32 fields = held.diff(p);
        if (m_unreadable.remove(p.ticket))
            fields |= Position::UnreadableField; // readable again
        if (fields) {
            held = p;
            Q_EMIT positionUpdated(row, fields);
        }
    }
    for (auto it = change.unreadable.cbegin(); it != change.unreadable.cend(); ++it) {
        const int row = rowOf(it.key());
        if (row >= 0 && setUnreadable(it.key(), it.value()))
            Q_EMIT positionUpdated(row, Position::UnreadableField);
    }
    if (!added.isEmpty()) {
        const int first = count();
        const int last = first + int(added.size()) - 1;
        m_rowsChanged = true;
        Q_EMIT positionsAboutToBeInserted(first, last);
        m_positions += added;
        for (int row = first; row <= last; ++row)
            m_rows.insert(m_positions.at(row).ticket, row);
        Q_EMIT positionsInserted(first, last);
    }
    return added;
}

bool PositionBook::setUnreadable(qint64 ticket, const QString &reason)
{
    auto it = m_unreadable.find(ticket);
    if (it != m_unreadable.end() && *it == reason)
        return false;
    m_unreadable.insert(ticket, reason);
    qCInfo(lcBook).noquote() << "ticket" << ticket << "keeps its last good version:" << reason;
    return true;
}

void PositionBook::finishChange()
{
    if (std::exchange(m_rowsChanged, false))
        Q_EMIT changeFinished();
}

void PositionBook::resetTo(QList<Position> positions, QHash<qint64, QString> unreadable)
{
    m_rowsChanged = true;
    Q_EMIT positionsAboutToBeReset();
    m_positions = std::move(positions);
    m_rows.clear();
    m_rows.reserve(m_positions.size());
    for (int row = 0; row < m_positions.size(); ++row)
        m_rows.insert(m_positions.at(row).ticket, row);
    m_unreadable = std::move(unreadable);
    Q_EMIT positionsReset();
}

void PositionBook::removeRows(QList<int> rows)
{
    // From the bottom up, one signal per run of neighbouring rows.
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (qsizetype i = 0; i < rows.size();) {
        const int last = rows.at(i);
        int first = last;
        while (++i < rows.size() && rows.at(i) == first - 1)
            first = rows.at(i);
        m_rowsChanged = true;
        Q_EMIT positionsAboutToBeRemoved(first, last);
        for (int row = first; row <= last; ++row) {
            m_rows.remove(m_positions.at(row).ticket);
            m_unreadable.remove(m_positions.at(row).ticket);
        }
        m_positions.remove(first, last - first + 1);
        for (int row = first; row < m_positions.size(); ++row)
            m_rows[m_positions.at(row).ticket] = row;
        Q_EMIT positionsRemoved(first, last);
    }
}

void PositionBook::applySnapshot(const QList<Position> &positions)
{
    FeedMessage message;
    message.type = FeedMessage::Type::Snapshot;
    message.positions = positions;
    applyWholeList(message, true);
}

void PositionBook::applyList(const QList<Position> &positions)
{
    FeedMessage message;
    message.type = FeedMessage::Type::List;
    message.positions = positions;
    applyWholeList(message, false);
}

void PositionBook::applyPositions(const QList<Position> &positions, bool quiet)
{
    Change change;
    change.upserts = positions;
    const QList<Position> opened = commit(change);
    finishChange();
    if (!quiet && !opened.isEmpty())
        Q_EMIT liveOpened(opened);
}

void PositionBook::applyClosed(const QList<ClosedTrade> &trades)
{
    // A ticket never seen open (it opened and closed while the feed was away) is recorded all
    // the same.
    Change change;
    for (const ClosedTrade &trade : trades)
        change.gone.insert(trade.position.ticket);
    commit(change);
    finishChange();
    if (!trades.isEmpty())
        Q_EMIT tradesClosed(trades);
}

void PositionBook::applyHistory(const QList<ClosedTrade> &trades)
{
    // History is the truth about these tickets: none of them is open any more.
    applyClosed(trades);
}

void PositionBook::applyAccount(const AccountFigures &figures)
{
    if (m_figures == figures && m_figuresCurrent && m_figuresProblem.isEmpty())
        return;
    m_figures = figures;
    m_figuresCurrent = true;
    m_figuresProblem.clear();
    Q_EMIT figuresChanged();
}

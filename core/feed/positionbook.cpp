// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/positionbook.h"

#include "domain/clock.h"

#include <QLoggingCategory>
#include <QSet>

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
    Q_EMIT positionsAboutToBeReset();
    m_positions.clear();
    m_rows.clear();
    Q_EMIT positionsReset();
    m_lastSeq = 0;
    expectSnapshot();
    if (m_figures) {
        m_figures.reset(); // another account's figures are no figures of this one
        Q_EMIT figuresChanged();
    }
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

bool PositionBook::apply(const FeedMessage &message)
{
    if (!message.isData())
        return false;
    if (message.type == FeedMessage::Type::List) {
        m_awaitingSnapshot = false;
        m_resyncRequested = false;
        applyList(message.positions);
        m_firstListOfConnection = false;
        return true;
    }
    if (message.type == FeedMessage::Type::Snapshot) {
        m_awaitingSnapshot = false;
        m_resyncRequested = false;
        m_lastSeq = message.seq;
        applySnapshot(message.positions);
        return true;
    }
    if (m_awaitingSnapshot)
        return false; // the Snapshot of this connection is on its way
    if (message.seq == m_lastSeq) {
        qCDebug(lcBook) << "ignored a repeated message: seq" << message.seq;
        return false;
    }
    if (message.seq < m_lastSeq) {
        // The server counts again from below without a Snapshot (it restarted): whatever
        // follows cannot be placed. Ask for a fresh Snapshot and ignore everything until then.
        requestResync(
            QStringLiteral("seq went back from %1 to %2").arg(m_lastSeq).arg(message.seq));
        m_awaitingSnapshot = true;
        return false;
    }
    if (message.seq > m_lastSeq + 1)
        requestResync(QStringLiteral("seq jumped from %1 to %2").arg(m_lastSeq).arg(message.seq));
    // Updates carry whole positions, so applying after a gap is still right; the Snapshot
    // that follows mends whatever was missed.
    m_lastSeq = message.seq;
    switch (message.type) {
    case FeedMessage::Type::Positions:
        applyPositions(message.positions);
        break;
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

void PositionBook::applyList(const QList<Position> &positions)
{
    QSet<qint64> present;
    present.reserve(positions.size());
    for (const Position &p : positions)
        present.insert(p.ticket);
    const QList<ClosedTrade> vanished = vanishedFrom(present);
    for (const ClosedTrade &trade : vanished)
        removeRow(rowOf(trade.position.ticket));
    // The first list of a connection is what the account holds, not news.
    const bool quiet = m_firstListOfConnection;
    applyPositions(positions, quiet);
    if (!vanished.isEmpty()) {
        qCInfo(lcBook) << vanished.size() << "positions are no longer in the list";
        Q_EMIT tradesClosed(vanished);
        if (!quiet)
            Q_EMIT liveClosed(vanished);
    }
}

void PositionBook::applySnapshot(const QList<Position> &positions)
{
    QSet<qint64> present;
    present.reserve(positions.size());
    for (const Position &p : positions)
        present.insert(p.ticket);
    const QList<ClosedTrade> vanished = vanishedFrom(present);

    Q_EMIT positionsAboutToBeReset();
    m_positions = positions;
    m_rows.clear();
    m_rows.reserve(m_positions.size());
    for (int row = 0; row < m_positions.size(); ++row)
        m_rows.insert(m_positions.at(row).ticket, row);
    Q_EMIT positionsReset();

    if (!vanished.isEmpty()) {
        qCInfo(lcBook) << vanished.size() << "positions closed while the feed was away";
        Q_EMIT tradesClosed(vanished);
    }
}

void PositionBook::applyPositions(const QList<Position> &positions, bool quiet)
{
    QList<Position> opened;
    for (const Position &p : positions) {
        const int row = rowOf(p.ticket);
        if (row >= 0) {
            Position &held = m_positions[row];
            if (const quint32 fields = held.diff(p)) {
                held = p;
                Q_EMIT positionUpdated(row, fields);
            }
            continue;
        }
        const int newRow = count();
        Q_EMIT positionAboutToBeInserted(newRow);
        m_positions.append(p);
        m_rows.insert(p.ticket, newRow);
        Q_EMIT positionInserted(newRow);
        if (!quiet)
            opened.append(p);
    }
    if (!opened.isEmpty())
        Q_EMIT liveOpened(opened);
}

void PositionBook::removeRow(int row)
{
    Q_EMIT positionAboutToBeRemoved(row);
    m_rows.remove(m_positions.at(row).ticket);
    m_positions.removeAt(row);
    for (int r = row; r < m_positions.size(); ++r)
        m_rows[m_positions.at(r).ticket] = r;
    Q_EMIT positionRemoved(row);
}

void PositionBook::applyClosed(const QList<ClosedTrade> &trades)
{
    for (const ClosedTrade &trade : trades) {
        const int row = rowOf(trade.position.ticket);
        if (row >= 0)
            removeRow(row);
        // A ticket never seen open (it opened and closed while the feed was away) is
        // recorded all the same.
    }
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
    if (m_figures == figures && m_figuresCurrent)
        return;
    m_figures = figures;
    m_figuresCurrent = true;
    Q_EMIT figuresChanged();
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/feedsession.h"

#include "domain/account.h"
#include "domain/clock.h"
#include "feed/positionbook.h"
#include "history/tradehistory.h"
#include "net/refusal.h"
#include "net/secrets.h"
#include "net/socketmanager.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <utility>

Q_LOGGING_CATEGORY(lcFeed, "trademonitor.feed")

using namespace Qt::StringLiterals;

namespace {
// At most this many rejections are logged per window; the rest are counted.
constexpr int kLogBurst = 5;
constexpr qint64 kLogWindowMs = 10'000;
constexpr qsizetype kExcerptLength = 120;
// A server's own words in a reason shown to the user: enough to read, never a wall of text.
constexpr qsizetype kServerTextLength = 200;

QString excerpt(const QByteArray &message)
{
    QString text = QString::fromUtf8(message.left(kExcerptLength));
    for (QChar &c : text) {
        if (!c.isPrint())
            c = QLatin1Char('?');
    }
    if (message.size() > kExcerptLength)
        text += QStringLiteral("… (%1 bytes)").arg(message.size());
    return text;
}
} // namespace

FeedSession::FeedSession(SocketManager *socket, PositionBook *book, TradeHistory *history,
                         QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_book(book)
    , m_history(history)
{
    m_monotonic.start();
    m_resyncTimer.setSingleShot(true);
    connect(&m_resyncTimer, &QTimer::timeout, this, &FeedSession::resyncDue);
    connect(socket, &SocketManager::messageReceived, this, &FeedSession::handleMessage);
    // Frames the socket dropped whole count as rejected messages too.
    connect(socket, &SocketManager::messageIgnored, this, [this](const QString &what) {
        ++m_rejected;
        m_lastRejection = what;
        Q_EMIT messageRejected(what);
        noteUnreadable(1, what);
    });
    connect(socket, &SocketManager::stateChanged, this, [this](SocketManager::State state) {
        // A new connection: its Snapshot comes first, its subscription is the resync, and
        // earlier errors are history.
        if (state == SocketManager::State::Open && !m_socket->deliveredOnThisConnection()) {
            m_book->expectSnapshot();
            m_resync.reset();
            m_resyncTimer.stop();
            m_resyncWhy.clear();
            if (m_serverError.code != 0) {
                m_serverError = {};
                Q_EMIT serverErrorChanged();
            }
        }
    });
    connect(book, &PositionBook::resyncNeeded, this, [this](const QString &why) {
        // seq went back: nothing applies until the Snapshot, so it cannot wait.
        requestResync(m_book->isAwaitingSnapshot() ? ResyncPolicy::Cause::Restart
                                                   : ResyncPolicy::Cause::Gap,
                      why);
    });
    connect(book, &PositionBook::tradesClosed, this, &FeedSession::storeTrades);
    // A position thought closed while the feed was away may turn up open after all.
    connect(book, &PositionBook::positionsReset, this,
            [this] { checkReopened(0, m_book->count() - 1); });
    connect(book, &PositionBook::positionsInserted, this, &FeedSession::checkReopened);
}

int FeedSession::pendingTrades() const
{
    return m_history ? m_history->unsavedCount() : 0;
}

void FeedSession::switchFeed(const Account &account, const FeedProfile &profile)
{
    m_book->clear();
    m_parser.setProfile(profile);
    if (m_history)
        m_history->setAccount(account);
}

void FeedSession::checkReopened(int firstRow, int lastRow)
{
    if (!m_history || !m_history->hasProvisional())
        return;
    QList<qint64> reopened;
    for (int row = firstRow; row <= lastRow; ++row) {
        const qint64 ticket = m_book->at(row).ticket;
        if (m_history->isProvisional(ticket))
            reopened.append(ticket);
    }
    if (!reopened.isEmpty())
        m_history->withdrawProvisional(reopened);
}

void FeedSession::setProfile(const FeedProfile &profile)
{
    m_parser.setProfile(profile);
}

void FeedSession::setClock(const Clock *clock)
{
    m_clock = clock;
}

qint64 FeedSession::now() const
{
    return (m_clock ? *m_clock : Clock::system()).currentMSecsSinceEpoch();
}

void FeedSession::dismissNotices()
{
    if (m_serverError.code != 0) {
        m_serverError = {};
        Q_EMIT serverErrorChanged();
    }
    if (m_unreadable.count > 0 && !m_unreadableDismissed) {
        m_unreadableDismissed = true;
        Q_EMIT unreadableChanged();
    }
}

FeedSession::Unreadable FeedSession::unreadable(qint64 now) const
{
    if (m_unreadable.count == 0 || m_unreadableDismissed ||
        now - m_unreadable.last >= kUnreadableSpell.count())
        return {};
    return m_unreadable;
}

void FeedSession::noteUnreadable(int count, const QString &reason)
{
    m_resync.unreadableSeen(std::chrono::milliseconds(m_monotonic.elapsed()));
    const qint64 t = now();
    if (m_unreadable.count > 0 && t - m_unreadable.last < kUnreadableSpell.count()) {
        m_unreadable.count += count;
        m_unreadable.last = t;
        return;
    }
    // A new spell: said again even if the last one was dismissed.
    m_unreadable = {count, reason, t, t};
    m_unreadableDismissed = false;
    Q_EMIT unreadableChanged();
}

void FeedSession::requestResync(ResyncPolicy::Cause cause, const QString &why)
{
    const auto delay = m_resync.request(cause, std::chrono::milliseconds(m_monotonic.elapsed()));
    if (!delay)
        return; // one is waiting already, and goes first
    m_resyncWhy = why;
    if (delay->count() > 0) {
        m_resyncTimer.start(*delay);
        return;
    }
    m_resyncTimer.stop();
    resyncDue();
}

void FeedSession::resyncDue()
{
    const ResyncPolicy::Cause cause =
        m_resync.due(std::chrono::milliseconds(m_monotonic.elapsed()));
    const QString why = std::exchange(m_resyncWhy, {});
    Q_EMIT resyncRequested(why);
    // Unreadable data: what is shown is still what the feed last said; the rest was missed.
    if (cause == ResyncPolicy::Cause::Unreadable)
        m_socket->refresh(why);
    else
        m_socket->resubscribe(why);
}

void FeedSession::handleMessage(const QByteArray &message)
{
    std::optional<FeedMessage> parsed = m_parser.parse(message);
    if (!parsed) {
        onRejected(message);
        return;
    }
    ++m_accepted;
    if (parsed->type == FeedMessage::Type::Error) {
        onServerError(parsed->code, Secrets::redact(parsed->errorMessage));
        return;
    }
    if (parsed->skipped > 0) {
        m_skipped += parsed->skipped;
        Q_EMIT rowsSkipped(parsed->skipped, parsed->skipReason);
    }
    if (!parsed->unreadable.isEmpty())
        onUnreadableRows(*parsed);
    if (!m_book->apply(*parsed))
        return;
    m_lastDataAt = now();
    // What a fresh Snapshot may mend: positions and closes it could not read (a dialect of
    // whole lists sends the next one anyway; History and Account change nothing shown).
    if (!parsed->unreadable.isEmpty() &&
        (parsed->type == FeedMessage::Type::Snapshot ||
         parsed->type == FeedMessage::Type::Positions || parsed->type == FeedMessage::Type::Closed))
        requestResync(ResyncPolicy::Cause::Unreadable,
                      QCoreApplication::translate("FeedSession",
                                                  "%n row(s) of a %1 message could not be read",
                                                  nullptr, int(parsed->unreadable.size()))
                          .arg(FeedMessage::typeName(parsed->type)));
    // The whole list, however it came: the data is live. A dialect that sends the whole list
    // every time (seed) announces only the one that made it live.
    const bool list = parsed->type == FeedMessage::Type::List;
    if (parsed->type == FeedMessage::Type::Snapshot ||
        (list && m_socket->state() != SocketManager::State::Live)) {
        Q_EMIT snapshotReceived(int(parsed->positions.size()));
        m_socket->markLive();
    }
}

void FeedSession::onRejected(const QByteArray &message)
{
    ++m_rejected;
    m_lastRejection = Secrets::redact(m_parser.error());
    logRejection(m_lastRejection, message);
    Q_EMIT messageRejected(m_lastRejection);
    noteUnreadable(1, m_lastRejection);
    const std::optional<FeedMessage::Type> type = m_parser.rejectedType();
    if (type == FeedMessage::Type::Snapshot || type == FeedMessage::Type::List) {
        // Whatever the book holds is no longer what the server has: the updates that
        // follow belong to a Snapshot we could not read. Counts as no Snapshot at all.
        m_book->expectSnapshot();
        m_socket->dataUnusable(
            QCoreApplication::translate("FeedSession", "The Snapshot was rejected: %1.")
                .arg(m_lastRejection));
        return;
    }
    // Still in its place in the sequence: no gap, so no resubscription for it; what it said
    // is asked for again at the pace unreadable data gets (an Account comes again anyway).
    const std::optional<qint64> seq = m_parser.rejectedSeq();
    if (seq && m_book->applyUnreadable(type, *seq, m_lastRejection) &&
        type != FeedMessage::Type::Account && type != FeedMessage::Type::History)
        requestResync(ResyncPolicy::Cause::Unreadable,
                      QCoreApplication::translate("FeedSession", "A message could not be read: %1")
                          .arg(m_lastRejection));
}

void FeedSession::onUnreadableRows(const FeedMessage &message)
{
    const int count = int(message.unreadable.size());
    m_unreadableRows += count;
    const QString first = Secrets::redact(message.unreadable.constFirst().reason);
    qCInfo(lcFeed).noquote() << count << "rows could not be read; the first:" << first;
    Q_EMIT rowsUnreadable(count, first);
    noteUnreadable(count, first);
}

void FeedSession::onServerError(int code, const QString &text)
{
    qCWarning(lcFeed).noquote() << "the feed reported error" << code << text;
    m_serverError = {code, text, now()};
    Q_EMIT serverErrorReceived(code, text);
    Q_EMIT serverErrorChanged();
    // Before the first Snapshot of a connection, an Error is the answer to the subscription.
    if (m_socket->deliveredOnThisConnection() || m_socket->state() != SocketManager::State::Open)
        return;
    const Refusal refusal = Refusal::of(code);
    QString said = text.left(kServerTextLength);
    if (said.isEmpty())
        said = refusal.meaning;
    QString reason = said.isEmpty()
                         ? QCoreApplication::translate(
                               "FeedSession", "The server refused the subscription: error %1.")
                               .arg(code)
                         : QCoreApplication::translate(
                               "FeedSession", "The server refused the subscription: error %1 (%2).")
                               .arg(code)
                               .arg(said);
    if (!refusal.hint.isEmpty())
        reason += u" "_s + refusal.hint;
    m_socket->failAttempt(reason, refusal.fatal ? SocketManager::Failure::Fatal
                                                : SocketManager::Failure::Transient);
}

void FeedSession::logRejection(const QString &reason, const QByteArray &message)
{
    if (!m_logWindow.isValid() || m_logWindow.elapsed() > kLogWindowMs) {
        if (m_suppressed > 0)
            qCWarning(lcFeed) << m_suppressed << "more messages were rejected";
        m_logWindow.start();
        m_loggedInWindow = 0;
        m_suppressed = 0;
    }
    if (m_loggedInWindow >= kLogBurst) {
        ++m_suppressed;
        return;
    }
    ++m_loggedInWindow;
    qCWarning(lcFeed).noquote() << "rejected a message:" << reason << "|"
                                << Secrets::redact(excerpt(message));
}

void FeedSession::storeTrades(const QList<ClosedTrade> &trades)
{
    if (m_history)
        m_history->record(trades);
}

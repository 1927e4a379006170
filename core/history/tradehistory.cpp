// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/tradehistory.h"

#include <QLoggingCategory>

#include <utility>

Q_LOGGING_CATEGORY(lcHistory, "trademonitor.history")

using namespace Qt::StringLiterals;

TradeHistory::TradeHistory(QObject *parent)
    : TradeHistory(nullptr, parent)
{}

TradeHistory::TradeHistory(ClosedTradeStore *fileStore, QObject *parent)
    : QObject(parent)
    , m_file(fileStore ? fileStore : &m_ownFile)
{
    m_memory.openInMemory();
    m_retry.setInterval(kRetryInterval);
    connect(&m_retry, &QTimer::timeout, this, &TradeHistory::retry);
    connect(&m_writer, &TradeWriter::done, this, [this] { takeWritten(m_writer.takeDone()); });
    connect(&m_writer, &TradeWriter::currencyKept, this, &TradeHistory::currencyKept);
}

TradeHistory::~TradeHistory()
{
    flush();
    m_writer.close();
}

void TradeHistory::drainWriter()
{
    if (!m_inFlight.isEmpty())
        takeWritten(m_writer.drain());
}

void TradeHistory::takeWritten(const QList<TradeWriter::Written> &written)
{
    for (const TradeWriter::Written &w : written) {
        const auto it = m_inFlight.constFind(w.ticket);
        if (it == m_inFlight.constEnd())
            continue;
        const TradeSpool::Batch batch = *it;
        m_inFlight.erase(it);
        if (w.ok) {
            qCDebug(lcHistory) << "recorded" << batch.trades.size() << "trades";
            m_file->announceRecorded(int(batch.trades.size()));
            Q_EMIT changed();
        } else {
            // Refused (another process holds the file, the disk is full): spooled like any.
            qCWarning(lcHistory).noquote() << "a batch was refused:" << w.error;
            keep(batch, w.error);
        }
    }
}

void TradeHistory::setRetryInterval(std::chrono::milliseconds interval)
{
    m_retry.setInterval(interval);
}

bool TradeHistory::open(const QString &path, const Account &legacyAccount)
{
    drainWriter();
    m_writer.close();
    const bool opened = m_file->open(path, legacyAccount);
    // Writes leave the GUI thread for the history's own file; a test's store (whose writes
    // fail on demand) is written here, where it can refuse them.
    if (m_file == &m_ownFile && m_file->mode() == ClosedTradeStore::Mode::ReadWrite)
        m_writer.open(m_file->database().connectionName());
    m_openError = m_file->lastError();
    // The spool sits next to the database; it works even when the database does not open,
    // but never beside a file that is not ours.
    if (!m_file->isForeign() && m_spool.open(path + u".spool"_s)) {
        for (const TradeSpool::Batch &batch : m_spool.batches())
            m_pending.append({batch, true});
        if (!m_spool.batches().isEmpty())
            qCInfo(lcHistory) << m_spool.tradeCount()
                              << "closed trades from the spool are written now";
    }
    flush();
    if (!inMemory(m_account))
        m_provisional = m_file->provisionalTickets(m_account);
    Q_EMIT changed();
    Q_EMIT unsavedChanged();
    return opened;
}

QString TradeHistory::lastError() const
{
    return m_openError;
}

ClosedTradeStore *TradeHistory::store() const
{
    return inMemory(m_account) ? const_cast<ClosedTradeStore *>(&m_memory) : m_file;
}

bool TradeHistory::inMemory(const Account &account) const
{
    return account.isDemo() || m_file->isForeign();
}

void TradeHistory::setAccount(const Account &account)
{
    if (account == m_account)
        return;
    m_account = account;
    m_currency.clear();
    m_provisional = store()->provisionalTickets(account);
    for (const Pending &pending : std::as_const(m_pending)) {
        if (pending.batch.account == account)
            noteRecorded(account, pending.batch.trades);
    }
    qCInfo(lcHistory).noquote() << "account" << account.key();
    Q_EMIT accountChanged(account);
    Q_EMIT changed();
}

void TradeHistory::setCurrency(const QString &currency)
{
    // Tried once per change: a read-only file is not asked again with every figure.
    if (currency.isEmpty() || currency == std::exchange(m_currency, currency))
        return;
    if (store()->currencies().value(m_account.key()) == currency)
        return;
    // A write on the window's thread would wait for a batch the writer holds the file with.
    if (store() == m_file && m_writer.isOpen() && !m_file->isReadOnly())
        m_writer.keepCurrency(m_account, currency);
    else if (store()->setCurrency(m_account, currency))
        Q_EMIT currencyKept();
}

void TradeHistory::noteRecorded(const Account &account, const QList<ClosedTrade> &trades)
{
    // A ticket the feed speaks of again needs no correction: its new record replaces the
    // wrong one, or is a new provisional close that must stay.
    const auto corrections = m_corrections.find(account.key());
    if (corrections != m_corrections.end()) {
        for (const ClosedTrade &t : trades)
            corrections->remove(t.position.ticket);
        if (corrections->isEmpty())
            m_corrections.erase(corrections);
    }
    if (account != m_account)
        return;
    for (const ClosedTrade &t : trades) {
        if (t.isConfirmed())
            m_provisional.remove(t.position.ticket);
        else
            m_provisional.insert(t.position.ticket);
    }
}

void TradeHistory::record(const QList<ClosedTrade> &trades)
{
    if (trades.isEmpty())
        return;
    const TradeSpool::Batch batch{m_account, trades};
    if (inMemory(m_account)) {
        // Simulated trades, or a file that is not ours: memory only.
        if (m_memory.record(m_account, trades))
            noteRecorded(m_account, trades);
        qCInfo(lcHistory) << "recorded" << trades.size()
                          << (m_account.isDemo() ? "demo trades in memory"
                                                 : "trades in memory (the file is not ours)");
        Q_EMIT changed();
        return;
    }
    // Earlier trades still waiting go first: the order of writes is the order of closes.
    // A large batch (a History) is written on the writer's thread; a few closes are written
    // here, at once, unless larger ones are still on their way (the order is kept).
    const bool large = trades.size() >= kWrittenHereAtMost || !m_inFlight.isEmpty();
    if (large && m_pending.isEmpty() && m_writer.isOpen() && m_file->isOpen() &&
        !m_file->isReadOnly()) {
        noteRecorded(m_account, trades);
        m_inFlight.insert(m_writer.write(m_account, trades), batch);
        return;
    }
    if (m_pending.isEmpty() && m_file->record(m_account, trades)) {
        noteRecorded(m_account, trades);
        qCDebug(lcHistory) << "recorded" << trades.size() << "trades";
        Q_EMIT changed();
        return;
    }
    keep(batch, m_file->lastError());
    flush();
}

void TradeHistory::keep(const TradeSpool::Batch &batch, const QString &reason)
{
    m_reason = reason;
    Pending pending{batch, false};
    pending.spooled = m_spool.isOpen() && m_spool.append(batch);
    if (!pending.spooled)
        qCWarning(lcHistory).noquote()
            << batch.trades.size() << "closed trades are held in memory only:"
            << (m_spool.isOpen() ? m_spool.errorString() : u"no spool"_s);
    m_pending.append(pending);
    noteRecorded(batch.account, batch.trades);
    if (!m_retry.isActive())
        m_retry.start();
    Q_EMIT changed();
    Q_EMIT unsavedChanged();
}

bool TradeHistory::correct()
{
    for (auto it = m_corrections.begin(); it != m_corrections.end();) {
        const Account account = Account::fromKey(it.key());
        ClosedTradeStore *target = inMemory(account) ? &m_memory : m_file;
        if (target->withdrawProvisional(account, QList<qint64>(it->cbegin(), it->cend())) < 0) {
            m_reason = target->lastError();
            ++it;
            continue;
        }
        qCInfo(lcHistory) << it->size() << "provisional closes withdrawn at last";
        it = m_corrections.erase(it);
        if (account == m_account)
            Q_EMIT changed();
    }
    return m_corrections.isEmpty();
}

bool TradeHistory::flush()
{
    drainWriter();
    const int corrections = pendingCorrections();
    const bool corrected = correct();
    const int before = unsavedCount();
    while (!m_pending.isEmpty()) {
        const Pending &pending = m_pending.constFirst();
        if (!m_file->isOpen() || m_file->isReadOnly() ||
            !m_file->record(pending.batch.account, pending.batch.trades)) {
            m_reason =
                m_file->isOpen() || m_openError.isEmpty() ? m_file->lastError() : m_openError;
            break;
        }
        if (pending.spooled)
            m_spoolWritten.insert(pending.batch.id);
        m_pending.removeFirst();
    }
    // Out of the spool go only those: another window's batches stay for it to write. Held by
    // another window just now: tried again with the next retry.
    if (!m_spoolWritten.isEmpty() && m_spool.isOpen()) {
        if (m_spool.remove(m_spoolWritten))
            m_spoolWritten.clear();
        else
            qCWarning(lcHistory).noquote()
                << "written batches stay in the spool for now:" << m_spool.errorString();
    }
    if (m_pending.isEmpty() && corrected) {
        m_reason.clear();
        if (m_spoolWritten.isEmpty() || !m_spool.isOpen())
            m_retry.stop();
        else if (!m_retry.isActive())
            m_retry.start();
    }
    if (unsavedCount() != before) {
        qCInfo(lcHistory) << before - unsavedCount() << "waiting closed trades written;"
                          << unsavedCount() << "still wait";
        Q_EMIT changed();
    }
    if (unsavedCount() != before || pendingCorrections() != corrections)
        Q_EMIT unsavedChanged();
    return m_pending.isEmpty() && corrected;
}

void TradeHistory::retry()
{
    // Trades held in memory go to the spool as soon as it has room again.
    bool spooledMore = false;
    for (Pending &pending : m_pending) {
        if (!pending.spooled && m_spool.isOpen() && m_spool.append(pending.batch)) {
            pending.spooled = true;
            spooledMore = true;
        }
    }
    if (!flush() && spooledMore)
        Q_EMIT unsavedChanged();
}

void TradeHistory::withdrawProvisional(const QList<qint64> &tickets)
{
    QList<qint64> withdrawn;
    for (const qint64 ticket : tickets) {
        if (m_provisional.remove(ticket))
            withdrawn.append(ticket);
    }
    if (withdrawn.isEmpty())
        return;
    qCInfo(lcHistory) << withdrawn.size()
                      << "positions thought closed while offline are open: withdrawn";
    // Given to the writer: written first, so that the withdrawal finds them.
    drainWriter();
    // Not written yet: taken out of what waits.
    for (Pending &pending : m_pending) {
        if (pending.batch.account != m_account)
            continue;
        pending.batch.trades.removeIf([&withdrawn](const ClosedTrade &t) {
            return !t.isConfirmed() && withdrawn.contains(t.position.ticket);
        });
    }
    if (store()->withdrawProvisional(m_account, withdrawn) < 0) {
        // Not lost: it waits, and goes with the next retry.
        qCWarning(lcHistory).noquote()
            << withdrawn.size() << "withdrawals wait:" << store()->lastError();
        m_reason = store()->lastError();
        QSet<qint64> &waiting = m_corrections[m_account.key()];
        for (const qint64 ticket : std::as_const(withdrawn))
            waiting.insert(ticket);
        if (!m_retry.isActive())
            m_retry.start();
        Q_EMIT unsavedChanged();
    }
    Q_EMIT changed();
}

int TradeHistory::pendingCorrections() const
{
    int count = 0;
    for (const QSet<qint64> &tickets : m_corrections)
        count += int(tickets.size());
    return count;
}

int TradeHistory::unsavedCount() const
{
    int count = 0;
    for (const Pending &pending : m_pending)
        count += int(pending.batch.trades.size());
    return count;
}

int TradeHistory::memoryOnlyCount() const
{
    int count = 0;
    for (const Pending &pending : m_pending)
        count += pending.spooled ? 0 : int(pending.batch.trades.size());
    return count;
}

QString TradeHistory::unsavedReason() const
{
    return m_pending.isEmpty() && m_corrections.isEmpty() ? QString() : m_reason;
}

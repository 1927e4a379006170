// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/account.h"
#include "domain/closedtrade.h"
#include "history/closedtradestore.h"
#include "history/tradespool.h"
#include "history/tradewriter.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>

// The closed-trade history as the feed and the window use it. It keeps three promises:
// - every trade belongs to the current Account, and the built-in demo's never touch a file
//   (its history lives in a store in memory); neither do any while the file given is not a
//   Trade Monitor history (ClosedTradeStore::isForeign());
// - nothing is lost when a write fails: the batch goes to a spool next to the database,
//   flushed to the disk, and is written as soon as the store can write again (on a retry
//   timer, when the history is opened, and before quitting); should even the spool fail, the
//   trades are held in memory and memoryOnlyCount() says how many would be lost at quit;
// - a provisional close (a position that vanished from a snapshot) is withdrawn when the
//   position is seen open again; a withdrawal the store refuses waits and is tried again (with
//   the spool's retries) until it goes, or until the feed reports that ticket's close.
// A large batch for its own history file (a History) is written on a thread of its own
// (TradeWriter), and recorded as written when it is; one the writer refuses goes to the spool
// like any other; a small batch given while large ones are on their way follows them there.
// Everything given to it is waited for before a withdrawal, a flush, another file and the end.
class TradeHistory : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kRetryInterval{5000};
    // Batches of more trades than this go to the writer's thread: a few hundred upserts take a
    // few milliseconds even into a file of a million trades, ten thousand take a quarter second.
    static constexpr qsizetype kWrittenHereAtMost = 256;

    explicit TradeHistory(QObject *parent = nullptr);
    // Tests: the file store to write to (one whose writes fail on demand); not owned.
    explicit TradeHistory(ClosedTradeStore *fileStore, QObject *parent = nullptr);
    ~TradeHistory() override;

    // Opens the database file and its spool (path + ".spool"), and writes what the spool
    // still holds. False when the database cannot be opened (lastError() says why; trades are
    // then spooled, or held in memory). A read-only file opens, and says so in lastError().
    bool open(const QString &path, const Account &legacyAccount = Account::unknown());
    QString lastError() const;
    void setRetryInterval(std::chrono::milliseconds interval);

    // Whose trades are recorded and shown from now on.
    void setAccount(const Account &account);
    const Account &account() const { return m_account; }
    // Where the current account's history is read from (the file, or memory for the demo).
    ClosedTradeStore *store() const;
    ClosedTradeStore *fileStore() const { return m_file; }

    // The currency the current account's money is in, as its feed says: kept in the file
    // beside its trades (ClosedTradeStore::setCurrency), so that Closed Trades knows which
    // accounts add up (Currencies) without a feed. Written once per change.
    void setCurrency(const QString &currency);

    // Records trades of the current account. Never drops them.
    void record(const QList<ClosedTrade> &trades);
    // Positions seen open again: their provisional closes are withdrawn.
    void withdrawProvisional(const QList<qint64> &tickets);
    bool isProvisional(qint64 ticket) const { return m_provisional.contains(ticket); }
    bool hasProvisional() const { return !m_provisional.isEmpty(); }

    // Provisional closes found wrong whose withdrawal the store has refused so far: they
    // still show as closed. Tried again with every retry.
    int pendingCorrections() const;
    // Closed trades not in the database yet (spooled or in memory).
    int unsavedCount() const;
    // Of those, the ones not even in the spool: lost if the app quits now.
    int memoryOnlyCount() const;
    // Why they wait, in words for the user; empty when nothing waits.
    QString unsavedReason() const;
    // Tries to write everything now, corrections too; true when nothing waits any more.
    bool flush();
    const TradeSpool &spool() const { return m_spool; }

Q_SIGNALS:
    // What store() shows changed: trades recorded or withdrawn, or another account.
    void changed();
    void accountChanged(const Account &account);
    // setCurrency() kept another currency for the account.
    void currencyKept();
    void unsavedChanged();

private:
    struct Pending
    {
        TradeSpool::Batch batch;
        bool spooled = false;
    };

    // The demo's trades, and every trade while the file is another program's: never a file.
    bool inMemory(const Account &account) const;
    void noteRecorded(const Account &account, const QList<ClosedTrade> &trades);
    bool correct();
    void keep(const TradeSpool::Batch &batch, const QString &reason);
    void retry();
    // What the writer has done: written batches announced, refused ones kept.
    void takeWritten(const QList<TradeWriter::Written> &written);
    // Waits for everything given to the writer, and takes it.
    void drainWriter();

    ClosedTradeStore m_ownFile;
    ClosedTradeStore *m_file = nullptr; // m_ownFile unless a test gave another
    ClosedTradeStore m_memory;          // the demo's
    TradeSpool m_spool;
    Account m_account;
    QString m_currency;           // m_account's, as last given to setCurrency()
    QSet<qint64> m_provisional;   // the current account's provisional tickets
    QList<Pending> m_pending;     // oldest first; written in this order
    QSet<QString> m_spoolWritten; // ids of spooled batches in the database, to leave the spool
    // Withdrawals the store refused, by account key: tried again until they go.
    QHash<QString, QSet<qint64>> m_corrections;
    QString m_reason;
    QString m_openError;
    QTimer m_retry;
    TradeWriter m_writer;                     // for m_ownFile only: a test's store is written here
    QHash<int, TradeSpool::Batch> m_inFlight; // given to the writer, by its ticket
};

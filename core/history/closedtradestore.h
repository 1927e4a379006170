// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/account.h"
#include "domain/closedtrade.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

class QIODevice;

// The closed-trade history in SQLite (Qt Sql). Every trade belongs to an Account and is
// unique per (account, ticket): the same ticket from two trader ids or two servers is two
// trades. Schema versions with migrations (PRAGMA user_version), WAL, one transaction per
// batch, and an idempotent upsert, so replaying History never counts a trade twice. A record
// of a position that vanished from a snapshot (reason Unknown) is provisional: the real close
// replaces it, never the reverse, and it is withdrawn if the position is seen open again.
//
// A file is only ever changed when it is known as a Trade Monitor history: it carries
// kApplicationId (PRAGMA application_id, written from schema 2 on), or it is a first-release
// file recognised by its schema, or it is empty (a new history). Any other file is refused
// and left byte for byte as it is (isForeign()).
//
// Opening tells a read-only file (permissions, a read-only folder or medium: the history is
// shown but nothing can be saved) from a damaged one (never modified), and survives another
// process opening the same new file at the same moment.
class ClosedTradeStore : public QObject
{
    Q_OBJECT

public:
    // 1: the first release (the ticket alone is the key). 2: accounts. 3: the trades kept in
    // account and close-time order (a table clustered on that key), the ticket unique per
    // account by an index. 4: a log of which close times each change touched (trade_changes),
    // so that what is kept of the file (TradeGroupCache) is brought up to date by reading
    // only those days; and what was kept, for the next start (trade_groups_kept). 5: the
    // currency each account keeps its money in (account_currencies), for Closed Trades' "All
    // accounts".
    static constexpr int kSchemaVersion = 5;
    // Schemas 3 and 4 have the same trades: a read-only file of them is shown, without the
    // log (3) or the currencies (3 and 4).
    static constexpr int kReadableSchema = 3;
    // How many changes the log keeps; a reader further behind reads everything again.
    static constexpr int kChangesKept = 10000;
    // In the file's header (PRAGMA application_id): "TrMo".
    static constexpr qint32 kApplicationId = 0x54724d6f;

    enum class Mode { Closed, ReadWrite, ReadOnly };

    explicit ClosedTradeStore(QObject *parent = nullptr);
    ~ClosedTradeStore() override;

    // The default file: AppDataLocation/closed-trades.sqlite.
    static QString defaultPath();

    // Opens (creating or migrating) the database. Rows from before accounts existed are
    // given `legacyAccount`. On failure returns false and lastError() says why in words for
    // the user (and what to do); the store then records nothing. A read-only file opens in
    // Mode::ReadOnly with lastError() saying so.
    bool open(const QString &path, const Account &legacyAccount = Account::unknown());
    // A history that lives in memory only (the demo's): gone when closed.
    bool openInMemory();
    void close();
    bool isOpen() const { return m_mode != Mode::Closed; }
    Mode mode() const { return m_mode; }
    bool isReadOnly() const { return m_mode == Mode::ReadOnly; }
    bool isInMemory() const { return m_inMemory; }
    QString path() const { return m_path; }
    QString lastError() const { return m_error; }
    // The last open() refused a file that is not known as a Trade Monitor history (another
    // program's database, any other file, or one so damaged it cannot tell): left untouched,
    // and nothing may be put beside it either.
    bool isForeign() const { return m_foreign; }

    // Records a batch for `account` in one transaction: all of it or none of it. Virtual so
    // that tests can make writes fail on demand.
    virtual bool record(const Account &account, const QList<ClosedTrade> &trades);
    // What record() writes, on any connection to a history file (TradeWriter's, on its
    // thread): false with the reason in words for the user.
    static bool writeBatch(const QSqlDatabase &db, const Account &account,
                           const QList<ClosedTrade> &trades, QString *error);
    // A batch was written to this store's file by another connection: says so as record()
    // would (tradesRecorded).
    void announceRecorded(int count);
    // Deletes the provisional records of these tickets (their positions are open after all);
    // confirmed closes stay. Returns how many went, -1 on failure. Virtual, as record().
    virtual int withdrawProvisional(const Account &account, const QList<qint64> &tickets);

    // The account's trades closed in [from, to) (ms since epoch), newest first; from = 0 /
    // to = 0: open.
    QList<ClosedTrade> trades(const Account &account, qint64 from = 0, qint64 to = 0) const;
    // Every account that has trades.
    QList<Account> accounts() const;
    // The same, on any connection to a history file (a reader's, on its thread).
    static QList<Account> accounts(const QSqlDatabase &db);
    // Keeps the currency `account`'s money is in, as its feed says (a later word replaces
    // it): money of several accounts adds up only in one (Currencies). False when it cannot
    // be written (a read-only history); nothing is written when it is already kept.
    bool setCurrency(const Account &account, const QString &currency);
    // What setCurrency() writes, on any connection to a history file (TradeWriter's, on its
    // thread): false with the reason for the log.
    static bool writeCurrency(const QSqlDatabase &db, const Account &account,
                              const QString &currency, QString *error);
    // Each account's kept currency, by Account::key(); none for a history without them.
    QHash<QString, QString> currencies() const;
    QSet<qint64> provisionalTickets(const Account &account) const;
    int count(const Account &account) const;
    int count() const; // all accounts

    struct CsvOptions
    {
        bool byteOrderMark = true; // so that Excel reads UTF-8 (Chinese names) right
        QString account;           // the account column's text
        // Where trades of several accounts are written: each account's name by its key
        // (Account::displayName() for one not named here).
        QHash<QString, QString> accountNames;
    };
    // RFC 4180 CSV with a header row, ISO 8601 UTC times and a dot as the decimal separator;
    // S/L and T/P empty when not set; a `confirmed` column (no for a provisional close).
    static bool exportCsv(const QList<ClosedTrade> &trades, QIODevice *device,
                          const CsvOptions &options);
    static bool exportCsv(const QList<ClosedTrade> &trades, QIODevice *device)
    {
        return exportCsv(trades, device, CsvOptions());
    }
    // One text field, quoted where RFC 4180 needs it and safe from spreadsheet formulas.
    static QString csvField(const QString &value);
    // The parts of that CSV, for a writer that streams: the header line (with the byte-order
    // mark when asked), and one trade's line; `accountField` is csvField(account).
    static QByteArray csvHeader(const CsvOptions &options);
    static QByteArray csvRow(const ClosedTrade &trade, const QString &accountField);

    // For readers of this store on its thread (TradeReader): the connection, the columns a
    // trade is read from, in order, and the trade read from a row whose columns start at
    // `first`. An invalid database while closed.
    QSqlDatabase database() const;
    static const QString &tradeColumns();
    static ClosedTrade readTrade(const QSqlQuery &query, int first = 0);

Q_SIGNALS:
    // A batch was committed.
    void tradesRecorded(int count);
    void tradesWithdrawn(int count);
    void errorOccurred(const QString &message);

protected:
    // Sets lastError(), logs it and emits errorOccurred; returns false.
    bool fail(const QString &what, const QString &detail);

private:
    bool openDatabase(const QString &name, bool readOnly, const QString &options = {});
    // `knownAsOurs`: its header carries the mark, or it is new.
    bool checkIntegrity(const QString &path, bool knownAsOurs);
    // What the file says it is, from its header alone (nothing opened).
    enum class Header { Missing, Empty, Ours, SQLite, NotSQLite };
    static Header readHeader(const QString &path);
    // With the database open: true when its schema is one of Trade Monitor's, or none.
    bool isOurSchema();
    bool refuseForeign(const QString &path, const QString &what);
    bool switchToWal();
    bool migrate(const Account &legacyAccount);

    QString m_connection;
    QString m_path;
    QString m_error;
    Mode m_mode = Mode::Closed;
    bool m_inMemory = false;
    bool m_foreign = false;
};

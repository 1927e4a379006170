// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/closedtradestore.h"

#include "domain/tradefields.h"

#include "domain/tradetext.h"
#include "history/tradereader.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>
#include <QUuid>
#include <QtEndian>

#include <algorithm>
#include <chrono>

Q_LOGGING_CATEGORY(lcStore, "trademonitor.store")

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// SQLite waits this long for a lock itself; opening retries a few times on top, so that two
// windows opening one new file at the same moment both get there.
constexpr int kBusyTimeoutMs = 2000;
constexpr int kOpenAttempts = 4;

// The fields the history keeps, in the order of TradeFields (its columns), then the history's
// own flag.
const QList<int> &keptFields()
{
    static const QList<int> ids = [] {
        QList<int> out;
        for (int id = 0; id < TradeFields::kCount; ++id) {
            if (!TradeFields::field(id).column.empty())
                out.append(id);
        }
        return out;
    }();
    return ids;
}

QString columnOf(int id)
{
    const std::string_view column = TradeFields::field(id).column;
    return QString::fromLatin1(column.data(), qsizetype(column.size()));
}

const QString kColumns = [] {
    QStringList columns;
    for (const int id : keptFields())
        columns.append(columnOf(id));
    columns.append(u"provisional"_s);
    return columns.join(u", "_s);
}();

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

bool isBusy(const QSqlError &error)
{
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6); older drivers only say it in words.
    const QString code = error.nativeErrorCode();
    return code == "5"_L1 || code == "6"_L1 || error.text().contains("locked"_L1) ||
           error.text().contains("busy"_L1);
}

bool isReadOnlyError(const QSqlError &error)
{
    return error.nativeErrorCode() == "8"_L1 || error.text().contains("readonly"_L1) ||
           error.text().contains("read-only"_L1);
}

void pause(int attempt)
{
    QThread::msleep(20UL << std::min(attempt, 4));
}

// BEGIN IMMEDIATE takes the write lock at once (waiting up to the busy timeout), so that two
// writers never deadlock upgrading a read lock.
class WriteTransaction
{
public:
    explicit WriteTransaction(const QSqlDatabase &db)
        : m_query(db)
    {}
    ~WriteTransaction()
    {
        if (m_open)
            m_query.exec(u"ROLLBACK"_s);
    }
    bool begin()
    {
        m_open = m_query.exec(u"BEGIN IMMEDIATE"_s);
        return m_open;
    }
    bool commit()
    {
        if (!m_query.exec(u"COMMIT"_s))
            return false;
        m_open = false;
        return true;
    }
    QSqlError error() const { return m_query.lastError(); }

private:
    QSqlQuery m_query;
    bool m_open = false;
};

} // namespace

ClosedTradeStore::ClosedTradeStore(QObject *parent)
    : QObject(parent)
{}

ClosedTradeStore::~ClosedTradeStore()
{
    close();
}

QString ClosedTradeStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(u"closed-trades.sqlite"_s);
}

bool ClosedTradeStore::fail(const QString &what, const QString &detail)
{
    m_error = detail.isEmpty() ? what : u"%1 (%2)"_s.arg(what, detail);
    qCWarning(lcStore).noquote() << m_error;
    Q_EMIT errorOccurred(m_error);
    return false;
}

bool ClosedTradeStore::openDatabase(const QString &name, bool readOnly, const QString &options)
{
    m_connection = u"closed-trades-%1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(m_connection);
        m_connection.clear();
        return fail(tr("The SQLite driver for Qt is missing (Debian: libqt6sql6-sqlite)"), {});
    }
    QString connectOptions = u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(kBusyTimeoutMs);
    if (readOnly) {
        // A WAL database cannot make its -shm file on a read-only medium; immutable tells
        // SQLite that nobody writes it, which is true from here.
        QUrl uri = QUrl::fromLocalFile(name);
        uri.setQuery(u"immutable=1"_s);
        db.setDatabaseName(uri.toString(QUrl::FullyEncoded));
        connectOptions += u";QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"_s;
    } else {
        db.setDatabaseName(name);
    }
    if (!options.isEmpty())
        connectOptions += u';' + options;
    db.setConnectOptions(connectOptions);
    if (!db.open()) {
        const QString error = db.lastError().text();
        close();
        return fail(tr("Cannot open the trade history %1").arg(name), error);
    }
    m_mode = readOnly ? Mode::ReadOnly : Mode::ReadWrite;
    return true;
}

bool ClosedTradeStore::checkIntegrity(const QString &path, bool knownAsOurs)
{
    // A damaged or foreign file fails on its first read: find out now, not mid-session, and
    // leave it exactly as it is. (A window creating the file at this moment holds its lock
    // for milliseconds; the busy timeout waits for that.)
    QSqlQuery check(QSqlDatabase::database(m_connection));
    QString error;
    if (check.exec(u"PRAGMA quick_check"_s) && check.next()) {
        if (check.value(0).toString() == "ok"_L1)
            return true;
        error = check.value(0).toString();
    } else {
        error = check.lastError().text();
    }
    const bool busy = isBusy(check.lastError());
    check = QSqlQuery();
    close();
    if (busy)
        return fail(tr("The trade history %1 is locked by another program").arg(path), error);
    // Damaged beyond telling whose it is: nothing may be put beside it either.
    m_foreign = !knownAsOurs;
    return fail(tr("The trade history %1 is damaged or not a Trade Monitor database. It was left "
                   "as it is: move it aside (or restore a backup) and a new history is started, "
                   "or start with --db and another file")
                    .arg(QDir::toNativeSeparators(path)),
                error);
}

bool ClosedTradeStore::switchToWal()
{
    // WAL: readers never block the writer, and a crash mid-batch leaves the last commit.
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    for (int attempt = 0; attempt < kOpenAttempts; ++attempt) {
        QSqlQuery pragma(db);
        if (pragma.exec(u"PRAGMA journal_mode=WAL"_s) && pragma.next() &&
            pragma.value(0).toString() == "wal"_L1) {
            pragma.finish();
            pragma.exec(u"PRAGMA synchronous=NORMAL"_s);
            return true;
        }
        const QSqlError error = pragma.lastError();
        if (isReadOnlyError(error))
            return false;
        if (!isBusy(error)) {
            // Some file systems cannot do WAL; the rollback journal still keeps batches whole.
            qCWarning(lcStore).noquote()
                << "the trade history could not switch to WAL:"
                << (error.isValid() ? error.text() : pragma.value(0).toString());
            return true;
        }
        pause(attempt);
    }
    qCWarning(lcStore) << "the trade history stayed busy; it goes on without WAL for now";
    return true;
}

ClosedTradeStore::Header ClosedTradeStore::readHeader(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Header::Missing;
    if (file.size() == 0)
        return Header::Empty;
    if (!file.open(QIODevice::ReadOnly))
        return Header::SQLite; // cannot tell: SQLite will say why it cannot open it
    // The SQLite header: a magic string, and the application id at offset 68 (big-endian).
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArrayView("SQLite format 3\0", 16)))
        return Header::NotSQLite;
    const qint32 applicationId = qFromBigEndian<qint32>(header.constData() + 68);
    return applicationId == kApplicationId ? Header::Ours : Header::SQLite;
}

bool ClosedTradeStore::isOurSchema()
{
    // Read only: nothing here may write to a file that may not be ours.
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.exec(u"PRAGMA application_id"_s) || !query.next())
        return false;
    const qint32 applicationId = query.value(0).toInt();
    if (applicationId == kApplicationId)
        return true; // set in a write-ahead log not checkpointed yet
    if (applicationId != 0 || !query.exec(u"PRAGMA user_version"_s) || !query.next())
        return false;
    const int version = query.value(0).toInt();
    QStringList objects;
    // SQLite's own objects (a primary key's index) are named by SQLite, not by the schema.
    if (!query.exec(u"SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE "
                    "'sqlite\\_%' ESCAPE '\\' ORDER BY 1"_s))
        return false;
    while (query.next())
        objects.append(query.value(0).toString());
    if (objects.isEmpty())
        return version == 0; // an empty database: a new history
    // The first releases' files, before the application id: their exact schema.
    const QStringList expectedObjects =
        version == 1 ? QStringList{u"index closed_trades_by_close_time"_s, u"table closed_trades"_s}
        : version == 2
            ? QStringList{u"index closed_trades_by_account_time"_s, u"table closed_trades"_s}
        : version == 3 ? QStringList{u"index closed_trades_by_ticket"_s, u"table closed_trades"_s}
        : version == 4 ? QStringList{u"index closed_trades_by_ticket"_s, u"table closed_trades"_s,
                                     u"table trade_changes"_s, u"table trade_groups_kept"_s}
        : version == 5 ? QStringList{u"index closed_trades_by_ticket"_s,
                                     u"table account_currencies"_s, u"table closed_trades"_s,
                                     u"table trade_changes"_s, u"table trade_groups_kept"_s}
                       : QStringList{};
    if (objects != expectedObjects)
        return false;
    QStringList columns;
    if (!query.exec(u"PRAGMA table_info(closed_trades)"_s))
        return false;
    while (query.next())
        columns.append(query.value(1).toString());
    // Named in every statement, so their order in the file does not matter.
    QStringList expected = kColumns.split(u", "_s);
    if (version >= 2)
        expected.append(u"account"_s);
    columns.sort();
    expected.sort();
    return columns == expected;
}

bool ClosedTradeStore::refuseForeign(const QString &path, const QString &what)
{
    close();
    m_foreign = true;
    return fail(tr("%1 is not a Trade Monitor history (%2). It was left untouched; start with "
                   "--db and another file to keep closed trades")
                    .arg(QDir::toNativeSeparators(path), what),
                {});
}

bool ClosedTradeStore::open(const QString &path, const Account &legacyAccount)
{
    close();
    m_path = path;
    m_foreign = false;
    const Header header = readHeader(path);
    if (header == Header::NotSQLite)
        return refuseForeign(path, tr("it is not a database"));
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder))
        return fail(tr("Cannot create the folder %1 for the trade history: check that the "
                       "place exists and can be written, or start with --db and another file")
                        .arg(QDir::toNativeSeparators(folder)),
                    {});
    // WAL keeps two files next to the database: a folder that cannot be written makes the
    // history read-only just as the file's own permissions do.
    QString readOnlyWhy;
    const bool folderWritable = QFileInfo(folder).isWritable();
    if (info.exists() && !info.isWritable())
        readOnlyWhy = folderWritable ? tr("the file is read-only")
                                     : tr("it is on a read-only medium or in a read-only folder");
    else if (!folderWritable)
        readOnlyWhy = tr("its folder is read-only");
    if (!info.exists() && !readOnlyWhy.isEmpty())
        return fail(tr("Cannot create the trade history %1: %2; start with --db and a file in "
                       "a folder you can write to")
                        .arg(QDir::toNativeSeparators(path), readOnlyWhy),
                    {});

    if (!openDatabase(path, !readOnlyWhy.isEmpty()))
        return false;
    if (!checkIntegrity(path, header != Header::SQLite))
        return false;
    if (header != Header::Ours && !isOurSchema())
        return refuseForeign(path, tr("another program's database"));
    if (readOnlyWhy.isEmpty() && !switchToWal()) {
        // The permissions said yes, the medium said no (a read-only mount, a locked card).
        readOnlyWhy = tr("it is on a read-only medium");
        close();
        if (!openDatabase(path, true))
            return false;
    }
    if (readOnlyWhy.isEmpty()) {
        if (!migrate(legacyAccount)) {
            const QString error = m_error;
            close();
            m_error = error;
            return false;
        }
    } else {
        QSqlQuery version(QSqlDatabase::database(m_connection));
        if (!version.exec(u"PRAGMA user_version"_s) || !version.next() ||
            version.value(0).toInt() < kReadableSchema ||
            version.value(0).toInt() > kSchemaVersion) {
            close();
            return fail(tr("The trade history %1 is read-only (%2) and from another version of "
                           "Trade Monitor, which cannot update it. Make it writable once, or "
                           "start with --db and another file")
                            .arg(QDir::toNativeSeparators(path), readOnlyWhy),
                        {});
        }
        m_error = tr("The trade history %1 is read-only (%2): it is shown, but closed trades "
                     "cannot be saved to it. Make it writable, or start with --db and another "
                     "file.")
                      .arg(QDir::toNativeSeparators(path), readOnlyWhy);
        qCWarning(lcStore).noquote() << m_error;
    }
    qCInfo(lcStore).noquote() << "trade history at" << path << "with" << count() << "trades"
                              << (isReadOnly() ? "(read-only)" : "");
    return true;
}

bool ClosedTradeStore::openInMemory()
{
    close();
    m_path = u":memory:"_s;
    if (!openDatabase(m_path, false))
        return false;
    m_inMemory = true;
    return migrate(Account::unknown());
}

bool ClosedTradeStore::migrate(const Account &legacyAccount)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    for (int attempt = 0;; ++attempt) {
        WriteTransaction transaction(db);
        if (!transaction.begin()) {
            if (isBusy(transaction.error()) && attempt + 1 < kOpenAttempts) {
                pause(attempt);
                continue;
            }
            return fail(tr("Cannot update the trade history"), transaction.error().text());
        }
        // Read inside the transaction: another window may have just created or migrated it.
        QSqlQuery query(db);
        if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
            return fail(tr("Cannot read the trade history's version"), query.lastError().text());
        const int version = query.value(0).toInt();
        query.finish();
        if (version > kSchemaVersion)
            return fail(tr("The trade history was written by a newer Trade Monitor (schema %1, "
                           "this one knows %2); it was left as it is")
                            .arg(version)
                            .arg(kSchemaVersion),
                        {});
        if (!query.exec(u"PRAGMA application_id"_s) || !query.next())
            return fail(tr("Cannot read the trade history's version"), query.lastError().text());
        const bool marked = query.value(0).toInt() == kApplicationId;
        query.finish();
        if (version == kSchemaVersion) {
            // A file of the release before the mark: marked now.
            if (!marked && !QSqlQuery(db).exec(u"PRAGMA application_id = %1"_s.arg(kApplicationId)))
                return fail(tr("Cannot update the trade history"), transaction.error().text());
            return transaction.commit() ||
                   fail(tr("Cannot open the trade history"), transaction.error().text());
        }

        // Each step takes the schema one version further; all of them in this transaction.
        QStringList steps;
        if (version < 1) {
            steps << uR"(CREATE TABLE closed_trades (
                    ticket INTEGER PRIMARY KEY, symbol TEXT NOT NULL, side TEXT NOT NULL,
                    volume REAL NOT NULL, open_price REAL NOT NULL, close_price REAL NOT NULL,
                    sl REAL NOT NULL, tp REAL NOT NULL, swap REAL NOT NULL,
                    commission REAL NOT NULL, profit REAL NOT NULL, open_time INTEGER NOT NULL,
                    close_time INTEGER NOT NULL, reason TEXT NOT NULL, flwsig INTEGER NOT NULL,
                    sigtraderid INTEGER NOT NULL, signame TEXT NOT NULL,
                    provisional INTEGER NOT NULL DEFAULT 0))"_s
                  << u"CREATE INDEX closed_trades_by_close_time ON closed_trades (close_time)"_s;
        }
        if (version < 2) {
            // SQLite cannot change a primary key in place: a new table, every row copied.
            steps << uR"(CREATE TABLE closed_trades_v2 (
                    account TEXT NOT NULL, ticket INTEGER NOT NULL, symbol TEXT NOT NULL,
                    side TEXT NOT NULL, volume REAL NOT NULL, open_price REAL NOT NULL,
                    close_price REAL NOT NULL, sl REAL NOT NULL, tp REAL NOT NULL,
                    swap REAL NOT NULL, commission REAL NOT NULL, profit REAL NOT NULL,
                    open_time INTEGER NOT NULL, close_time INTEGER NOT NULL,
                    reason TEXT NOT NULL, flwsig INTEGER NOT NULL, sigtraderid INTEGER NOT NULL,
                    signame TEXT NOT NULL, provisional INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (account, ticket)))"_s
                  << u"INSERT INTO closed_trades_v2 (account, %1) SELECT :legacy, %1 FROM "
                     "closed_trades"_s.arg(kColumns)
                  << u"DROP TABLE closed_trades"_s
                  << u"ALTER TABLE closed_trades_v2 RENAME TO closed_trades"_s
                  << u"CREATE INDEX closed_trades_by_account_time ON closed_trades (account, "
                     "close_time)"_s;
        }
        if (version < 3) {
            // The trades kept in the order they are read in: by account and close time. A
            // period is then one run of the file, not a seek per trade (a million trades
            // summed in a tenth of the time). The ticket stays unique per account.
            steps << uR"(CREATE TABLE closed_trades_v3 (
                    account TEXT NOT NULL, ticket INTEGER NOT NULL, symbol TEXT NOT NULL,
                    side TEXT NOT NULL, volume REAL NOT NULL, open_price REAL NOT NULL,
                    close_price REAL NOT NULL, sl REAL NOT NULL, tp REAL NOT NULL,
                    swap REAL NOT NULL, commission REAL NOT NULL, profit REAL NOT NULL,
                    open_time INTEGER NOT NULL, close_time INTEGER NOT NULL,
                    reason TEXT NOT NULL, flwsig INTEGER NOT NULL, sigtraderid INTEGER NOT NULL,
                    signame TEXT NOT NULL, provisional INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (account, close_time, ticket)) WITHOUT ROWID)"_s
                  << u"INSERT INTO closed_trades_v3 (account, %1) SELECT account, %1 FROM "
                     "closed_trades ORDER BY account, close_time, ticket"_s.arg(kColumns)
                  << u"DROP TABLE closed_trades"_s
                  << u"ALTER TABLE closed_trades_v3 RENAME TO closed_trades"_s
                  << u"CREATE UNIQUE INDEX closed_trades_by_ticket ON closed_trades (account, "
                     "ticket)"_s;
        }
        if (version < 4) {
            // Which close times each change touched: one row per written batch (its span) and
            // one per trade moved or deleted (where it was), written by writeBatch and
            // withdrawProvisional, so that a reader keeping figures per day re-reads only the
            // days named since it last looked. (Not triggers: an update trigger on this table
            // makes every upsert a third slower.) AUTOINCREMENT: a number is never given
            // twice, even once the oldest rows are pruned.
            steps << uR"(CREATE TABLE trade_changes (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL,
                    from_time INTEGER NOT NULL, to_time INTEGER NOT NULL))"_s
                  // What a reader kept per day, as of a change of the log (TradeGroupCache),
                  // so that the next start does not read the whole history again.
                  << uR"(CREATE TABLE trade_groups_kept (
                    account TEXT NOT NULL, zone TEXT NOT NULL, seen INTEGER NOT NULL,
                    groups BLOB NOT NULL, PRIMARY KEY (account, zone)))"_s;
        }
        if (version < 5) {
            // The currency each account's feed says its money is in: trades of several
            // accounts add up only where it is one (Currencies). (Every account's trades in
            // close order are each account's runs merged by the reader: an index of every
            // account's close times made each trade written a third dearer.)
            steps << uR"(CREATE TABLE account_currencies (
                    account TEXT PRIMARY KEY, currency TEXT NOT NULL) WITHOUT ROWID)"_s;
        }
        steps << u"PRAGMA user_version = %1"_s.arg(kSchemaVersion)
              << u"PRAGMA application_id = %1"_s.arg(kApplicationId);
        for (const QString &statement : std::as_const(steps)) {
            QSqlQuery step(db);
            step.prepare(statement);
            if (statement.contains(":legacy"_L1))
                step.bindValue(u":legacy"_s, legacyAccount.key());
            if (!step.exec())
                return fail(tr("Cannot update the trade history to schema %1").arg(kSchemaVersion),
                            step.lastError().text());
        }
        if (!transaction.commit())
            return fail(tr("Cannot update the trade history"), transaction.error().text());
        if (version > 0)
            qCInfo(lcStore) << "trade history updated from schema" << version << "to"
                            << kSchemaVersion << "; earlier rows belong to" << legacyAccount.key();
        return true;
    }
}

void ClosedTradeStore::close()
{
    m_mode = Mode::Closed;
    m_inMemory = false;
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

bool ClosedTradeStore::record(const Account &account, const QList<ClosedTrade> &trades)
{
    if (trades.isEmpty())
        return true;
    if (m_mode != Mode::ReadWrite)
        return fail(isReadOnly() ? tr("The trade history is read-only; %1 not saved to it")
                                       .arg(TradeText::closedTrades(int(trades.size())))
                                 : tr("The trade history is not open; %1 not saved to it")
                                       .arg(TradeText::closedTrades(int(trades.size()))),
                    {});
    QString error;
    if (!writeBatch(QSqlDatabase::database(m_connection), account, trades, &error))
        return fail(error, {});
    Q_EMIT tradesRecorded(int(trades.size()));
    return true;
}

void ClosedTradeStore::announceRecorded(int count)
{
    Q_EMIT tradesRecorded(count);
}

bool ClosedTradeStore::writeBatch(const QSqlDatabase &db, const Account &account,
                                  const QList<ClosedTrade> &trades, QString *error)
{
    const auto failed = [error](const QString &what, const QString &detail) {
        if (error)
            *error = detail.isEmpty() ? what : u"%1 (%2)"_s.arg(what, detail);
        return false;
    };
    if (trades.isEmpty())
        return true;
    WriteTransaction transaction(db);
    if (!transaction.begin())
        return failed(tr("Cannot save closed trades"), transaction.error().text());
    QSqlQuery query(db);
    // A real close replaces anything; a provisional one fills only an empty place.
    QStringList updates;
    for (const int id : keptFields()) {
        if (id != TradeFields::Ticket)
            updates.append(u"%1 = excluded.%1"_s.arg(columnOf(id)));
    }
    updates.append(u"provisional = excluded.provisional"_s);
    const QString placeholders = QStringList(keptFields().size() + 2, u"?"_s).join(u", "_s);
    query.prepare(u"INSERT INTO closed_trades (account, %1) VALUES (%2) "
                  // Any conflict is the same ticket of the account: on the key (the same close
                  // time) or on the ticket's own index (another close time, which moves the row).
                  "ON CONFLICT DO UPDATE SET %3 "
                  "WHERE excluded.provisional = 0 OR closed_trades.provisional = 1"_s.arg(
                      kColumns, placeholders, updates.join(u", "_s)));
    const QString notWritten = tr("Cannot save closed trades; the batch (%1) was not written")
                                   .arg(TradeText::closedTrades(int(trades.size())));
    const QString key = account.key();
    // A trade already kept at another close time moves: where it was is a change too. One
    // statement for the batch, not a query per trade through Qt Sql (a tenth of the write);
    // CROSS JOIN keeps the batch outside, so each ticket is one look in its index.
    QByteArray batch = "[";
    for (const ClosedTrade &t : trades)
        batch += '[' + QByteArray::number(t.position.ticket) + ',' +
                 QByteArray::number(t.closeTime) + "],";
    batch.back() = ']';
    QSqlQuery moved(db);
    moved.prepare(u"INSERT INTO trade_changes (account, from_time, to_time) "
                  "SELECT c.account, c.close_time, c.close_time FROM json_each(?) AS b "
                  "CROSS JOIN closed_trades AS c ON c.account = ? AND "
                  "c.ticket = json_extract(b.value, '$[0]') "
                  "WHERE c.close_time <> json_extract(b.value, '$[1]')"_s);
    moved.addBindValue(QString::fromLatin1(batch));
    moved.addBindValue(key);
    if (!moved.exec())
        return failed(notWritten, moved.lastError().text());
    QSqlQuery log(db);
    log.prepare(u"INSERT INTO trade_changes (account, from_time, to_time) VALUES (?, ?, ?)"_s);
    for (const ClosedTrade &t : trades) {
        int column = 0;
        query.bindValue(column++, key);
        for (const int id : keptFields())
            query.bindValue(column++, TradeFields::value(id, t.position, &t));
        query.bindValue(column, int(!t.isConfirmed()));
        if (!query.exec())
            return failed(notWritten, query.lastError().text());
    }
    const auto [earliest, latest] = std::minmax_element(
        trades.cbegin(), trades.cend(),
        [](const ClosedTrade &a, const ClosedTrade &b) { return a.closeTime < b.closeTime; });
    // The close times this batch brought; the log keeps its newest kChangesKept rows.
    log.bindValue(0, key);
    log.bindValue(1, earliest->closeTime);
    log.bindValue(2, latest->closeTime);
    if (!log.exec())
        return failed(notWritten, log.lastError().text());
    QSqlQuery prune(db);
    prune.prepare(u"DELETE FROM trade_changes WHERE seq <= ?"_s);
    prune.addBindValue(log.lastInsertId().toLongLong() - kChangesKept);
    if (!prune.exec())
        return failed(notWritten, prune.lastError().text());
    if (!transaction.commit())
        return failed(tr("Cannot save closed trades"), transaction.error().text());
    return true;
}

int ClosedTradeStore::withdrawProvisional(const Account &account, const QList<qint64> &tickets)
{
    if (tickets.isEmpty())
        return 0;
    if (m_mode != Mode::ReadWrite)
        return -1;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    WriteTransaction transaction(db);
    if (!transaction.begin()) {
        fail(tr("Cannot correct the trade history"), transaction.error().text());
        return -1;
    }
    // Where each one was goes in the change log first (see writeBatch).
    QSqlQuery log(db);
    log.prepare(u"INSERT INTO trade_changes (account, from_time, to_time) SELECT account, "
                "close_time, close_time FROM closed_trades WHERE account = ? AND ticket = ? AND "
                "provisional = 1"_s);
    QSqlQuery query(db);
    query.prepare(u"DELETE FROM closed_trades WHERE account = ? AND ticket = ? AND "
                  "provisional = 1"_s);
    int removed = 0;
    for (const qint64 ticket : tickets) {
        for (QSqlQuery *step : {&log, &query}) {
            step->bindValue(0, account.key());
            step->bindValue(1, ticket);
            if (!step->exec()) {
                fail(tr("Cannot correct the trade history"), step->lastError().text());
                return -1;
            }
        }
        removed += query.numRowsAffected();
    }
    if (!transaction.commit()) {
        fail(tr("Cannot correct the trade history"), transaction.error().text());
        return -1;
    }
    if (removed > 0)
        Q_EMIT tradesWithdrawn(removed);
    return removed;
}

const QString &ClosedTradeStore::tradeColumns()
{
    return kColumns;
}

ClosedTrade ClosedTradeStore::readTrade(const QSqlQuery &query, int first)
{
    ClosedTrade t;
    int column = first;
    for (const int id : keptFields())
        TradeFields::setValue(id, query.value(column++), &t);
    // A closed trade's price is where it closed.
    t.position.price = t.closePrice;
    t.setProvisional(query.value(column).toInt() != 0);
    return t;
}

QSqlDatabase ClosedTradeStore::database() const
{
    return isOpen() ? QSqlDatabase::database(m_connection) : QSqlDatabase();
}

QList<ClosedTrade> ClosedTradeStore::trades(const Account &account, qint64 from, qint64 to) const
{
    // The history's own order and the period's bounds are TradeReader's: one place.
    TradeQuery query;
    query.account = account;
    query.from = from;
    query.to = to;
    return TradeReader(this).trades(query);
}

QList<Account> ClosedTradeStore::accounts() const
{
    return isOpen() ? accounts(QSqlDatabase::database(m_connection)) : QList<Account>();
}

QList<Account> ClosedTradeStore::accounts(const QSqlDatabase &db)
{
    QList<Account> result;
    if (!db.isOpen())
        return result;
    QSqlQuery query(db);
    // One index seek per account (a loose index scan), not a read of every trade: it is asked
    // after every batch written, into files of a million trades.
    if (!query.exec(u"WITH RECURSIVE seen(account) AS (SELECT MIN(account) FROM closed_trades "
                    "UNION ALL SELECT (SELECT MIN(account) FROM closed_trades WHERE account > "
                    "seen.account) FROM seen WHERE seen.account IS NOT NULL) "
                    "SELECT account FROM seen WHERE account IS NOT NULL"_s))
        return result;
    while (query.next())
        result.append(Account::fromKey(query.value(0).toString()));
    return result;
}

bool ClosedTradeStore::setCurrency(const Account &account, const QString &currency)
{
    if (currency.isEmpty() || currencies().value(account.key()) == currency)
        return true;
    if (m_mode != Mode::ReadWrite)
        return false;
    QString error;
    if (!writeCurrency(QSqlDatabase::database(m_connection), account, currency, &error)) {
        qCWarning(lcStore).noquote() << error;
        return false;
    }
    return true;
}

bool ClosedTradeStore::writeCurrency(const QSqlDatabase &db, const Account &account,
                                     const QString &currency, QString *error)
{
    QSqlQuery query(db);
    query.prepare(u"INSERT INTO account_currencies (account, currency) VALUES (?, ?) "
                  "ON CONFLICT (account) DO UPDATE SET currency = excluded.currency"_s);
    query.addBindValue(account.key());
    query.addBindValue(currency);
    if (query.exec())
        return true;
    if (error)
        *error =
            u"cannot keep the currency of %1: %2"_s.arg(account.key(), query.lastError().text());
    return false;
}

QHash<QString, QString> ClosedTradeStore::currencies() const
{
    QHash<QString, QString> result;
    if (!isOpen())
        return result;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    // A file of an earlier schema, shown read-only, has no such table: no currencies.
    if (!query.exec(u"SELECT account, currency FROM account_currencies"_s))
        return result;
    while (query.next())
        result.insert(query.value(0).toString(), query.value(1).toString());
    return result;
}

QSet<qint64> ClosedTradeStore::provisionalTickets(const Account &account) const
{
    QSet<qint64> tickets;
    if (!isOpen())
        return tickets;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"SELECT ticket FROM closed_trades WHERE account = ? AND provisional = 1"_s);
    query.bindValue(0, account.key());
    if (!query.exec())
        return tickets;
    while (query.next())
        tickets.insert(query.value(0).toLongLong());
    return tickets;
}

int ClosedTradeStore::count(const Account &account) const
{
    if (!isOpen())
        return 0;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"SELECT COUNT(*) FROM closed_trades WHERE account = ?"_s);
    query.bindValue(0, account.key());
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toInt();
}

int ClosedTradeStore::count() const
{
    if (!isOpen())
        return 0;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.exec(u"SELECT COUNT(*) FROM closed_trades"_s) || !query.next())
        return 0;
    return query.value(0).toInt();
}

QString ClosedTradeStore::csvField(const QString &value)
{
    // Text from the feed (a signal trader's name) must not run as a spreadsheet formula:
    // a leading =, +, -, @ or tab is neutralised with an apostrophe, as OWASP advises.
    QString escaped = value;
    if (!escaped.isEmpty() && u"=+-@\t\r"_s.contains(escaped.front()))
        escaped.prepend(u'\'');
    // RFC 4180: quote fields with commas, quotes or line breaks; double the quotes inside.
    static const QString special = u",\"\r\n"_s;
    bool quote = false;
    for (const QChar c : std::as_const(escaped)) {
        if (special.contains(c)) {
            quote = true;
            break;
        }
    }
    if (!quote)
        return escaped;
    escaped.replace(u'"', u"\"\""_s);
    return u'"' + escaped + u'"';
}

QByteArray ClosedTradeStore::csvHeader(const CsvOptions &options)
{
    QByteArray out = options.byteOrderMark ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    out += "ticket,open_time,close_time,symbol,type,volume,open_price,close_price,sl,tp,"
           "swap,commission,profit,net,reason,confirmed,signal_trader_id,signal_trader,account\r\n";
    return out;
}

QByteArray ClosedTradeStore::csvRow(const ClosedTrade &t, const QString &accountField)
{
    // A dot as the decimal separator whatever the locale: the file is data, not a report.
    const auto number = [](double v) {
        return QString::number(v, 'f', QLocale::FloatingPointShortest);
    };
    const auto level = [&number](double v) { return v == 0.0 ? QString() : number(v); };
    const Position &p = t.position;
    const QStringList fields = {QString::number(p.ticket),
                                isoUtc(p.openTime),
                                isoUtc(t.closeTime),
                                csvField(p.symbol),
                                Position::sideName(p.side),
                                number(p.volume),
                                number(p.openPrice),
                                number(t.closePrice),
                                level(p.sl),
                                level(p.tp),
                                number(p.swap),
                                number(p.commission),
                                number(p.profit),
                                number(p.net()),
                                csvField(t.reasonWord()),
                                t.isConfirmed() ? u"yes"_s : u"no"_s,
                                p.flwsig ? QString::number(p.sigtraderid) : QString(),
                                csvField(p.flwsig ? p.signame : QString()),
                                accountField};
    return fields.join(u',').toUtf8() + "\r\n";
}

bool ClosedTradeStore::exportCsv(const QList<ClosedTrade> &trades, QIODevice *device,
                                 const CsvOptions &options)
{
    if (!device || !device->isWritable())
        return false;
    QByteArray out = csvHeader(options);
    const QString account = csvField(options.account);
    for (const ClosedTrade &t : trades)
        out += csvRow(t, account);
    return device->write(out) == out.size();
}

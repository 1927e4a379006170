// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixtures.h"
#include "history/closedtradestore.h"
#include "history/tradereader.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <csignal>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {

constexpr int kBatch = 200;
const Account kAccount = Account::of(QUrl(u"wss://feed.example.com/positions"_s), 10260);

// A followed EURUSD sell closed at its take-profit; each ticket opens and closes a moment later.
constexpr char kTrade[] = R"({"symbol":"EURUSD","side":"sell","volume":0.25,"openPrice":1.08452,
    "price":1.08101,"sl":1.09,"tp":1.08101,"swap":-1.5,"commission":-1.75,
    "flwsig":true,"sigtraderid":88001,"signame":"AlphaTrend FX","closePrice":1.08101})";

ClosedTrade aTrade(qint64 ticket, ClosedTrade::Reason reason = ClosedTrade::Reason::TakeProfit,
                   double profit = 25.5)
{
    return Fixtures::trade(kTrade, {{u"ticket"_s, ticket},
                                    {u"profit"_s, profit},
                                    {u"openTime"_s, 1732500000000 + ticket},
                                    {u"closeTime"_s, 1732590000000 + ticket},
                                    {u"reason"_s, ClosedTrade::reasonName(reason)}});
}

// The child process of killedMidBatchLeavesNoPartialBatch: writes batches until killed.
int runWriter(const QString &path)
{
    ClosedTradeStore store;
    if (!store.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(store.lastError()));
        return 1;
    }
    for (int batch = 0;; ++batch) {
        QList<ClosedTrade> trades;
        for (int i = 0; i < kBatch; ++i)
            trades.append(aTrade(qint64(batch) * kBatch + i + 1));
        if (!store.record(kAccount, trades))
            return 1;
        std::printf("committed %d\n", batch + 1);
        std::fflush(stdout);
    }
}

// The child process of twoProcessesOpenOneNewFileAtOnce: blocks until the parent says "go"
// on its standard input (both children are woken together), opens the history and records
// one trade.
int runOpener(const QString &path, qint64 ticket)
{
    char line[16] = {};
    if (!std::fgets(line, sizeof line, stdin) || std::strncmp(line, "go", 2) != 0)
        return 3;
    ClosedTradeStore store;
    if (!store.open(path)) {
        std::fprintf(stderr, "open: %s\n", qPrintable(store.lastError()));
        return 1;
    }
    if (!store.record(kAccount, {aTrade(ticket)})) {
        std::fprintf(stderr, "record: %s\n", qPrintable(store.lastError()));
        return 2;
    }
    std::printf("ok %d\n", store.count(kAccount));
    return 0;
}

// A small tmpfs at `mountPoint`, in this test's own mount namespace (Linux, as root there):
// false where the machine does not allow it.
bool mountMedium(const QString &mountPoint)
{
#ifdef Q_OS_LINUX
    return QDir().mkpath(mountPoint) &&
           QProcess::execute(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=1m"_s, u"tmpfs"_s,
                                          mountPoint}) == 0;
#else
    Q_UNUSED(mountPoint);
    return false;
#endif
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_ClosedTradeStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void createsSchemaWithVersionAndWal();
    void recordsAndReadsBackEveryField();
    void survivesReopeningAcrossInstances();
    void historyReplayedTwiceCountsOnce();
    void provisionalNeverReplacesARealClose();
    void aFeedsOwnCloseReasonIsKept();
    void periodQueries();
    void unopenableDatabasesGiveAClearError_data();
    void unopenableDatabasesGiveAClearError();
    void newerSchemaIsRefused();
    void csvQuotingAndTimes();
    void killedMidBatchLeavesNoPartialBatch();

    // accounts
    void sameTicketInTwoAccountsIsTwoTrades();
    void accountsAreListedAndCounted();
    void eachAccountsCurrencyIsKept();
    void aSchema4HistoryGainsCurrencies();
    void migratesAFirstReleaseHistory_data();
    void migratesAFirstReleaseHistory();
    void aSecondReleaseHistoryIsRecognisedAndMarked();
    void aSchema2HistoryIsKeptInCloseTimeOrder();
    void provisionalIsWithdrawnConfirmedStays();
    void inMemoryLeavesNoFile();
    // opening
    void twoProcessesOpenOneNewFileAtOnce();
    void damagedFileIsNeverModified();
    void readOnlyMediumIsShownNotDamaged_data();
    void readOnlyMediumIsShownNotDamaged();
    void csvForASpreadsheet();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const QString &name = u"history.sqlite"_s) const { return m_dir->filePath(name); }
};

void tst_ClosedTradeStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_ClosedTradeStore::createsSchemaWithVersionAndWal()
{
    ClosedTradeStore store;
    QVERIFY2(store.open(path()), qPrintable(store.lastError()));
    store.close();
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"inspect"_s);
    db.setDatabaseName(path());
    QVERIFY(db.open());
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), ClosedTradeStore::kSchemaVersion);
        QVERIFY(q.exec(u"PRAGMA application_id"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), ClosedTradeStore::kApplicationId);
        QVERIFY(q.exec(u"PRAGMA journal_mode"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"wal"_s);
    }
    db.close();
    db = {};
    QSqlDatabase::removeDatabase(u"inspect"_s);
}

void tst_ClosedTradeStore::recordsAndReadsBackEveryField()
{
    ClosedTradeStore store;
    QVERIFY(store.open(path()));
    QSignalSpy recorded(&store, &ClosedTradeStore::tradesRecorded);
    const ClosedTrade trade = aTrade(42, ClosedTrade::Reason::StopOut, -310.25);
    QVERIFY(store.record(kAccount, {trade}));
    QCOMPARE(recorded.count(), 1);
    const QList<ClosedTrade> back = store.trades(kAccount);
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.at(0), trade);
}

void tst_ClosedTradeStore::survivesReopeningAcrossInstances()
{
    {
        ClosedTradeStore store;
        QVERIFY(store.open(path()));
        QVERIFY(store.record(kAccount, {aTrade(1), aTrade(2), aTrade(3)}));
    }
    ClosedTradeStore again;
    QVERIFY2(again.open(path()), qPrintable(again.lastError()));
    QCOMPARE(again.count(), 3);
    QCOMPARE(again.trades(kAccount).at(0).position.ticket, 3); // newest close first
}

void tst_ClosedTradeStore::historyReplayedTwiceCountsOnce()
{
    ClosedTradeStore store;
    QVERIFY(store.open(path()));
    QList<ClosedTrade> history;
    for (int i = 1; i <= 50; ++i)
        history.append(aTrade(i));
    QVERIFY(store.record(kAccount, history));
    QVERIFY(store.record(kAccount, history)); // the History of the next connection, the same trades
    QCOMPARE(store.count(), 50);
    double total = 0;
    for (const ClosedTrade &t : store.trades(kAccount))
        total += t.position.profit;
    QCOMPARE(total, 50 * 25.5);
}

void tst_ClosedTradeStore::provisionalNeverReplacesARealClose()
{
    ClosedTradeStore store;
    QVERIFY(store.open(path()));
    // Vanished from a snapshot: provisional.
    ClosedTrade provisional = aTrade(7, ClosedTrade::Reason::Unknown, 10.0);
    QVERIFY(store.record(kAccount, {provisional}));
    QCOMPARE(store.trades(kAccount).at(0).reason, ClosedTrade::Reason::Unknown);
    // History brings the real close: it replaces the provisional one.
    const ClosedTrade real = aTrade(7, ClosedTrade::Reason::StopLoss, -42.0);
    QVERIFY(store.record(kAccount, {real}));
    QCOMPARE(store.trades(kAccount).at(0), real);
    // A later provisional record of the same ticket changes nothing.
    QVERIFY(store.record(kAccount, {provisional}));
    QCOMPARE(store.trades(kAccount).at(0), real);
    QCOMPARE(store.count(), 1);
}

void tst_ClosedTradeStore::aFeedsOwnCloseReasonIsKept()
{
    // A broker's "so", and a feed that says "unknown" for a close it confirms: both are what
    // the feed said, and neither is a provisional close.
    ClosedTrade so = aTrade(1);
    so.setReasonWord(u"so"_s);
    ClosedTrade unknownWord = aTrade(2);
    unknownWord.reason = ClosedTrade::Reason::Other;
    unknownWord.otherReason = u"unknown"_s;
    const ClosedTrade provisional = aTrade(3, ClosedTrade::Reason::Unknown);
    {
        ClosedTradeStore store;
        QVERIFY(store.open(path()));
        QVERIFY(store.record(kAccount, {so, unknownWord, provisional}));
    }
    ClosedTradeStore store;
    QVERIFY(store.open(path()));
    const QList<ClosedTrade> read = store.trades(kAccount);
    QCOMPARE(read.size(), 3);
    QCOMPARE(read.at(2), so); // newest first
    QCOMPARE(read.at(2).otherReason, u"so"_s);
    QCOMPARE(read.at(1), unknownWord);
    QVERIFY(read.at(1).isConfirmed());
    QCOMPARE(read.at(0).reason, ClosedTrade::Reason::Unknown);
    QCOMPARE(store.provisionalTickets(kAccount), QSet<qint64>{3});
    // The export says the feed's word, and whether the close is confirmed.
    QBuffer csv;
    QVERIFY(csv.open(QIODevice::WriteOnly));
    QVERIFY(ClosedTradeStore::exportCsv(read, &csv));
    const QList<QByteArray> lines = csv.data().split('\n');
    QVERIFY2(lines.at(3).contains(",so,yes,"), lines.at(3).constData());
    QVERIFY2(lines.at(2).contains(",unknown,yes,"), lines.at(2).constData());
    QVERIFY2(lines.at(1).contains(",unknown,no,"), lines.at(1).constData());
}

void tst_ClosedTradeStore::periodQueries()
{
    ClosedTradeStore store;
    QVERIFY(store.open(path()));
    QVERIFY(store.record(kAccount, {aTrade(1), aTrade(100), aTrade(1000)}));
    const qint64 base = 1732590000000;
    QCOMPARE(store.trades(kAccount, base + 50, base + 500).size(), 1);
    QCOMPARE(store.trades(kAccount, base + 50).size(), 2);
    QCOMPARE(store.trades(kAccount).size(), 3);
}

void tst_ClosedTradeStore::unopenableDatabasesGiveAClearError_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::addRow("not a database") << u"garbage"_s << u"is not a Trade Monitor history"_s;
    QTest::addRow("folder cannot be made") << u"file-as-folder"_s << u"Cannot create the folder"_s;
    QTest::addRow("locked by another program") << u"locked"_s << u"locked by another program"_s;
}

void tst_ClosedTradeStore::unopenableDatabasesGiveAClearError()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QString target = path();
    if (kind == "garbage"_L1) {
        QFile file(target);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
    } else if (kind == "file-as-folder"_L1) {
        QFile blocker(path(u"blocker"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        target = path(u"blocker/history.sqlite"_s);
    }
    // Another program holds the database with an exclusive lock.
    QSqlDatabase holder;
    if (kind == "locked"_L1) {
        {
            ClosedTradeStore store;
            QVERIFY(store.open(target));
        }
        holder = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"holder"_s);
        holder.setDatabaseName(target);
        QVERIFY(holder.open());
        QSqlQuery lock(holder);
        QVERIFY(lock.exec(u"PRAGMA locking_mode=EXCLUSIVE"_s));
        QVERIFY(lock.exec(u"BEGIN EXCLUSIVE"_s));
    }
    {
        ClosedTradeStore store;
        QSignalSpy errors(&store, &ClosedTradeStore::errorOccurred);
        QVERIFY(!store.open(target));
        QVERIFY2(store.lastError().contains(expected), qPrintable(store.lastError()));
        QCOMPARE(errors.count(), 1);
        // Nothing crashes afterwards, and nothing pretends to have been saved.
        QVERIFY(!store.isOpen());
        QVERIFY(!store.record(kAccount, {aTrade(2)}));
        QVERIFY(store.lastError().contains("not saved"_L1));
        QVERIFY(store.trades(kAccount).isEmpty());
    }
    if (holder.isValid()) {
        holder.close();
        holder = {};
        QSqlDatabase::removeDatabase(u"holder"_s);
    }
}

void tst_ClosedTradeStore::newerSchemaIsRefused()
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"future"_s);
        db.setDatabaseName(path());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA user_version = 99"_s));
        // A later Trade Monitor marks its files as this one does.
        QVERIFY(q.exec(u"PRAGMA application_id = %1"_s.arg(ClosedTradeStore::kApplicationId)));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"future"_s);
    ClosedTradeStore store;
    QVERIFY(!store.open(path()));
    QVERIFY2(store.lastError().contains("newer Trade Monitor"_L1), qPrintable(store.lastError()));
}

void tst_ClosedTradeStore::csvQuotingAndTimes()
{
    ClosedTrade awkward = aTrade(9);
    awkward.position.signame = u"Smith, \"The Bull\"\nLtd"_s;
    ClosedTrade formula = aTrade(10);
    formula.position.signame = u"=HYPERLINK(\"http://x\")"_s;
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(ClosedTradeStore::exportCsv({awkward, formula}, &buffer));
    const QByteArray csv = buffer.data();
    const QList<QByteArray> lines = csv.split('\n');
    QVERIFY(lines.at(0).startsWith("\xEF\xBB\xBFticket,open_time,close_time,symbol,type,volume,"));
    QVERIFY(csv.contains("\r\n")); // RFC 4180 line ends
    // Quotes doubled, the field quoted because of the comma, quote and line break.
    QVERIFY2(csv.contains(",88001,\"Smith, \"\"The Bull\"\"\nLtd\",\r\n"), csv.constData());
    // ISO 8601 UTC times.
    QVERIFY2(csv.contains("9,2024-11-25T02:00:00.009Z,2024-11-26T03:00:00.009Z,EURUSD,sell,0.25,"),
             csv.constData());
    // Net beside profit (profit + swap + commission), a dot for decimals in any locale.
    QVERIFY(lines.at(0).contains(",swap,commission,profit,net,reason,"));
    QVERIFY2(csv.contains(",-1.5,-1.75,25.5,22.25,tp,"), csv.constData());
    // A formula from the feed is neutralised.
    QVERIFY2(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\",\r\n"), csv.constData());
    QCOMPARE(ClosedTradeStore::csvField(u"plain"_s), u"plain"_s);
    QCOMPARE(ClosedTradeStore::csvField(u"a,b"_s), uR"("a,b")"_s);
}

void tst_ClosedTradeStore::killedMidBatchLeavesNoPartialBatch()
{
    QProcess writer;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TM_STORE_WRITER"_s, path());
    writer.setProcessEnvironment(env);
    writer.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(writer.waitForStarted());
    // Let a few batches commit, then kill it wherever it is, most likely mid-batch.
    int committed = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            while (writer.canReadLine()) {
                const QByteArray line = writer.readLine().trimmed();
                if (line.startsWith("committed "))
                    committed = line.mid(10).toInt();
            }
            return committed >= 5;
        }(),
        20000);
    ::kill(pid_t(writer.processId()), SIGKILL);
    QVERIFY(writer.waitForFinished());
    while (writer.canReadLine()) {
        const QByteArray line = writer.readLine().trimmed();
        if (line.startsWith("committed "))
            committed = line.mid(10).toInt();
    }

    ClosedTradeStore store;
    QVERIFY2(store.open(path()), qPrintable(store.lastError()));
    const int rows = store.count();
    qInfo() << "killed after" << committed << "reported batches;" << rows << "rows on disk";
    // Whole batches only, and none that was reported committed is missing.
    QCOMPARE(rows % kBatch, 0);
    QVERIFY(rows >= committed * kBatch);
    QSqlQuery check(QSqlDatabase::database(QSqlDatabase::connectionNames().constFirst()));
    QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
    QCOMPARE(check.value(0).toString(), u"ok"_s);
}

// ---- accounts ----------------------------------------------------------------------------

void tst_ClosedTradeStore::sameTicketInTwoAccountsIsTwoTrades()
{
    ClosedTradeStore store;
    QVERIFY(store.open(path()));
    const Account otherTrader = Account::of(QUrl(u"wss://feed.example.com/positions"_s), 777);
    const Account otherServer = Account::of(QUrl(u"wss://other.example.net/positions"_s), 10260);
    QVERIFY(store.record(kAccount, {aTrade(5, ClosedTrade::Reason::TakeProfit, 10.0)}));
    QVERIFY(store.record(otherTrader, {aTrade(5, ClosedTrade::Reason::StopLoss, -20.0)}));
    QVERIFY(store.record(otherServer, {aTrade(5, ClosedTrade::Reason::Manual, 30.0)}));
    QCOMPARE(store.count(), 3);
    QCOMPARE(store.trades(kAccount).at(0).position.profit, 10.0);
    QCOMPARE(store.trades(otherTrader).at(0).position.profit, -20.0);
    QCOMPARE(store.trades(otherServer).at(0).reason, ClosedTrade::Reason::Manual);
    // Replaying one account's History touches only that account.
    QVERIFY(store.record(otherTrader, {aTrade(5, ClosedTrade::Reason::StopLoss, -20.0)}));
    QCOMPARE(store.count(), 3);
}

void tst_ClosedTradeStore::accountsAreListedAndCounted()
{
    ClosedTradeStore store;
    QVERIFY(store.open(path()));
    QVERIFY(store.accounts().isEmpty());
    const Account demo = Account::demo(10260);
    QVERIFY(store.record(kAccount, {aTrade(1), aTrade(2)}));
    QVERIFY(store.record(Account::unknown(), {aTrade(3)}));
    QVERIFY(store.record(demo, {aTrade(4)}));
    const QList<Account> accounts = store.accounts();
    QCOMPARE(accounts.size(), 3);
    QVERIFY(accounts.contains(kAccount));
    QVERIFY(accounts.contains(Account::unknown()));
    QVERIFY(accounts.contains(demo));
    QCOMPARE(store.count(kAccount), 2);
    QCOMPARE(store.count(Account::unknown()), 1);
}

void tst_ClosedTradeStore::eachAccountsCurrencyIsKept()
{
    // What each account's feed says its money is in, kept beside its trades and across
    // starts: Closed Trades adds up several accounts' money only in one currency.
    const Account prop = Account::of(QUrl(u"wss://prop.example.com/feed"_s), 5);
    {
        ClosedTradeStore store;
        QVERIFY(store.open(path()));
        QVERIFY(store.currencies().isEmpty());
        QVERIFY(store.setCurrency(kAccount, u"USD"_s));
        QVERIFY(store.setCurrency(prop, u"USD"_s));
        QVERIFY(store.setCurrency(prop, u"EUR"_s));  // the feed's later word
        QVERIFY(store.setCurrency(prop, QString())); // no word: what was said stays
    }
    ClosedTradeStore store;
    QVERIFY(store.open(path()));
    const QHash<QString, QString> expected = {{kAccount.key(), u"USD"_s}, {prop.key(), u"EUR"_s}};
    QCOMPARE(store.currencies(), expected);
    QVERIFY(store.accounts().isEmpty()); // an account with a currency but no trade has none
}

void tst_ClosedTradeStore::aSchema4HistoryGainsCurrencies()
{
    // The release before kept no currencies: its file is updated in place, every trade kept,
    // and keeps them from then on.
    {
        ClosedTradeStore store;
        QVERIFY(store.open(path()));
        QVERIFY(store.record(kAccount, {aTrade(1), aTrade(2)}));
        QSqlQuery q(store.database());
        for (const QString &statement :
             {u"DROP TABLE account_currencies"_s, u"PRAGMA user_version = 4"_s})
            QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
    }
    ClosedTradeStore store;
    QVERIFY2(store.open(path()), qPrintable(store.lastError()));
    QCOMPARE(store.count(kAccount), 2);
    QVERIFY(store.setCurrency(kAccount, u"JPY"_s));
    QCOMPARE(store.currencies().value(kAccount.key()), u"JPY"_s);
    QSqlQuery q(store.database());
    QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), ClosedTradeStore::kSchemaVersion);
}

void tst_ClosedTradeStore::migratesAFirstReleaseHistory_data()
{
    QTest::addColumn<bool>("feedConfigured");
    QTest::addRow("the configured feed's account") << true;
    QTest::addRow("no feed configured: unknown") << false;
}

void tst_ClosedTradeStore::migratesAFirstReleaseHistory()
{
    QFETCH(bool, feedConfigured);
    // A file written by the first release (schema 1): 12 trades, one provisional.
    QVERIFY(QFile::copy(QStringLiteral(TM_TEST_DATA "/history-v1.sqlite"), path()));
    QFile::setPermissions(path(), QFile::ReadOwner | QFile::WriteOwner);
    const Account legacy = feedConfigured ? kAccount : Account::unknown();
    {
        ClosedTradeStore store;
        QVERIFY2(store.open(path(), legacy), qPrintable(store.lastError()));
        QCOMPARE(store.count(), 12);
        QCOMPARE(store.count(legacy), 12);
        QCOMPARE(store.accounts(), QList<Account>{legacy});
        const QList<ClosedTrade> trades = store.trades(legacy);
        QCOMPARE(trades.size(), 12);
        // Every field survived: the newest is ticket 50412311, provisional, own position.
        QCOMPARE(trades.at(0).position.ticket, 50412311);
        QCOMPARE(trades.at(0).reason, ClosedTrade::Reason::Unknown);
        QCOMPARE(trades.at(1).position.ticket, 50412310);
        QCOMPARE(trades.at(1).position.symbol, u"EURUSD"_s);
        QCOMPARE(trades.at(1).position.signame, u"AlphaTrend FX"_s);
        QCOMPARE(trades.at(1).reason, ClosedTrade::Reason::Manual);
        QCOMPARE(store.provisionalTickets(legacy), QSet<qint64>{50412311});
        // New trades of the same tickets from another account do not collide.
        QVERIFY(store.record(Account::demo(1), {aTrade(50412300)}));
        QCOMPARE(store.count(legacy), 12);
    }
    // The current schema now, and opening again changes nothing (a later feed does not take
    // them).
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"inspect"_s);
    db.setDatabaseName(path());
    QVERIFY(db.open());
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), ClosedTradeStore::kSchemaVersion);
        // Recognised by its schema, and marked from now on.
        QVERIFY(q.exec(u"PRAGMA application_id"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), ClosedTradeStore::kApplicationId);
    }
    db.close();
    db = {};
    QSqlDatabase::removeDatabase(u"inspect"_s);
    ClosedTradeStore again;
    QVERIFY(again.open(path(), Account::of(QUrl(u"ws://later.example/"_s), 1)));
    QCOMPARE(again.count(legacy), 12);
}

void tst_ClosedTradeStore::aSecondReleaseHistoryIsRecognisedAndMarked()
{
    // The release before the mark wrote schema 2 without an application id.
    {
        ClosedTradeStore store;
        QVERIFY(store.open(path()));
        QVERIFY(store.record(kAccount, {aTrade(1), aTrade(2)}));
    }
    const auto applicationId = [this] {
        int id = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"inspect"_s);
            db.setDatabaseName(path());
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(u"PRAGMA application_id"_s) && q.next())
                    id = q.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase(u"inspect"_s);
        return id;
    };
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"unmark"_s);
        db.setDatabaseName(path());
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(u"PRAGMA application_id = 0"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"unmark"_s);
    QCOMPARE(applicationId(), 0);
    {
        ClosedTradeStore store;
        QVERIFY2(store.open(path()), qPrintable(store.lastError()));
        QVERIFY(!store.isForeign());
        QCOMPARE(store.count(kAccount), 2);
    }
    QCOMPARE(applicationId(), ClosedTradeStore::kApplicationId);
}

void tst_ClosedTradeStore::aSchema2HistoryIsKeptInCloseTimeOrder()
{
    // A file of the second release (accounts; the ticket the key): migrated to schema 3 with
    // every trade, provisional closes still provisional, the ticket still unique per account.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v2"_s);
        db.setDatabaseName(path());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(uR"(CREATE TABLE closed_trades (
            account TEXT NOT NULL, ticket INTEGER NOT NULL, symbol TEXT NOT NULL,
            side TEXT NOT NULL, volume REAL NOT NULL, open_price REAL NOT NULL,
            close_price REAL NOT NULL, sl REAL NOT NULL, tp REAL NOT NULL,
            swap REAL NOT NULL, commission REAL NOT NULL, profit REAL NOT NULL,
            open_time INTEGER NOT NULL, close_time INTEGER NOT NULL,
            reason TEXT NOT NULL, flwsig INTEGER NOT NULL, sigtraderid INTEGER NOT NULL,
            signame TEXT NOT NULL, provisional INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (account, ticket)))"_s));
        QVERIFY(q.exec(u"CREATE INDEX closed_trades_by_account_time ON closed_trades (account, "
                       "close_time)"_s));
        for (int ticket = 1; ticket <= 3; ++ticket)
            QVERIFY(q.exec(
                u"INSERT INTO closed_trades VALUES ('%1', %2, 'XAUUSD', 'buy', 0.1, "
                "2300, 2310, 0, 0, 0, -1, 97, 1000, %3, '%4', 0, 0, '', %5)"_s.arg(kAccount.key())
                    .arg(ticket)
                    .arg(5000 - ticket * 1000)
                    .arg(ticket == 3 ? u"unknown"_s : u"tp"_s)
                    .arg(ticket == 3 ? 1 : 0)));
        QVERIFY(q.exec(u"PRAGMA user_version = 2"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"v2"_s);
    ClosedTradeStore store;
    QVERIFY2(store.open(path()), qPrintable(store.lastError()));
    const QList<ClosedTrade> trades = store.trades(kAccount);
    QCOMPARE(trades.size(), 3);
    QCOMPARE(trades.at(0).position.ticket, 1); // newest close first
    QCOMPARE(store.provisionalTickets(kAccount), QSet<qint64>{3});
    // The real close of 3 replaces its provisional one at its own close time: one row.
    ClosedTrade closed = aTrade(3);
    closed.closeTime = 9000;
    QVERIFY(store.record(kAccount, {closed}));
    QCOMPARE(store.count(kAccount), 3);
    QCOMPARE(store.trades(kAccount).at(0).position.ticket, 3);
    QVERIFY(store.provisionalTickets(kAccount).isEmpty());
}

void tst_ClosedTradeStore::provisionalIsWithdrawnConfirmedStays()
{
    ClosedTradeStore store;
    QVERIFY(store.open(path()));
    QSignalSpy withdrawn(&store, &ClosedTradeStore::tradesWithdrawn);
    QVERIFY(store.record(kAccount, {aTrade(1, ClosedTrade::Reason::Unknown),
                                    aTrade(2, ClosedTrade::Reason::Unknown), aTrade(3)}));
    QCOMPARE(store.provisionalTickets(kAccount), (QSet<qint64>{1, 2}));
    // 1 is open again; 3 is a confirmed close and stays whatever is asked.
    QCOMPARE(store.withdrawProvisional(kAccount, {1, 3}), 1);
    QCOMPARE(withdrawn.count(), 1);
    QCOMPARE(store.count(kAccount), 2);
    QCOMPARE(store.provisionalTickets(kAccount), QSet<qint64>{2});
    // Another account's ticket 2 is another trade.
    QCOMPARE(store.withdrawProvisional(Account::demo(1), {2}), 0);
    QCOMPARE(store.count(kAccount), 2);
}

void tst_ClosedTradeStore::inMemoryLeavesNoFile()
{
    const QStringList before = QDir(m_dir->path()).entryList(QDir::Files);
    const QString cwdBefore = QDir::currentPath();
    ClosedTradeStore store;
    QVERIFY(store.openInMemory());
    QVERIFY(store.isInMemory());
    QVERIFY(store.record(Account::demo(10260), {aTrade(1), aTrade(2)}));
    QCOMPARE(store.count(), 2);
    store.close();
    QVERIFY(!QFile::exists(QDir(cwdBefore).filePath(u":memory:"_s)));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), before);
}

// ---- opening -----------------------------------------------------------------------------

void tst_ClosedTradeStore::twoProcessesOpenOneNewFileAtOnce()
{
    // Two windows opening the same new history at the same moment, twenty times: both must
    // always get a working history (the first release failed about one run in ten).
    constexpr int kRounds = 20;
    int bothWorked = 0;
    for (int round = 0; round < kRounds; ++round) {
        const QString file = path(u"shared-%1.sqlite"_s.arg(round));
        QProcess children[2];
        for (int i = 0; i < 2; ++i) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"TM_STORE_OPENER"_s, file);
            env.insert(u"TM_STORE_TICKET"_s, QString::number(i + 1));
            children[i].setProcessEnvironment(env);
            children[i].start(QCoreApplication::applicationFilePath(), {});
            QVERIFY(children[i].waitForStarted());
        }
        for (QProcess &child : children) {
            child.write("go\n");
            child.closeWriteChannel();
        }
        int worked = 0;
        for (QProcess &child : children) {
            QVERIFY(child.waitForFinished(30000));
            const QByteArray out = child.readAllStandardOutput();
            QVERIFY2(child.exitCode() == 0 && out.startsWith("ok "),
                     qPrintable(u"round %1: exit %2, %3"_s.arg(round)
                                    .arg(child.exitCode())
                                    .arg(QString::fromUtf8(child.readAllStandardError()))));
            ++worked;
        }
        ClosedTradeStore store;
        QVERIFY(store.open(file));
        QCOMPARE(store.count(kAccount), 2);
        bothWorked += worked == 2 ? 1 : 0;
    }
    qInfo() << "two processes opened one new file at once:" << bothWorked << "of" << kRounds
            << "rounds both worked";
}

void tst_ClosedTradeStore::damagedFileIsNeverModified()
{
    // The header of a database, then garbage: SQLite reads it as damaged.
    QByteArray damaged = "SQLite format 3";
    damaged.append('\0');
    damaged.append(QByteArray(4096 * 3, '\x5a'));
    {
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(damaged);
    }
    ClosedTradeStore store;
    QVERIFY(!store.open(path()));
    QVERIFY2(store.lastError().contains("is damaged"_L1) &&
                 store.lastError().contains("left as it is"_L1) &&
                 store.lastError().contains(QDir::toNativeSeparators(path())),
             qPrintable(store.lastError()));
    QCOMPARE(fileBytes(path()), damaged);
    QVERIFY(!QFile::exists(path() + u"-wal"_s));
}

void tst_ClosedTradeStore::readOnlyMediumIsShownNotDamaged_data()
{
    // Schema 4 only added the change log and what was kept: a schema 3 file that cannot be
    // updated is shown as it is.
    QTest::addColumn<int>("schema");
    QTest::addRow("this release's file") << ClosedTradeStore::kSchemaVersion;
    QTest::addRow("a schema 4 file") << 4;
    QTest::addRow("a schema 3 file") << 3;
}

void tst_ClosedTradeStore::readOnlyMediumIsShownNotDamaged()
{
    QFETCH(int, schema);
#ifndef Q_OS_LINUX
    QSKIP("a read-only medium is made with a Linux mount");
#else
    // A read-only folder on a read-only medium (a tmpfs remounted read-only in this test's own
    // mount namespace; CTest runs it under unshare -m).
    const QString mountPoint = path(u"medium"_s);
    if (!mountMedium(mountPoint))
        QSKIP("cannot mount a tmpfs here (needs root in a mount namespace: unshare -m)");
    const QString file = QDir(mountPoint).filePath(u"history.sqlite"_s);
    {
        ClosedTradeStore store;
        QVERIFY(store.open(file));
        QVERIFY(store.record(kAccount, {aTrade(1), aTrade(2)}));
        QVERIFY(store.setCurrency(kAccount, u"USD"_s));
        QSqlQuery q(store.database());
        QStringList earlier;
        if (schema <= 4)
            earlier << u"DROP TABLE account_currencies"_s;
        if (schema <= 3)
            earlier << u"DROP TABLE trade_changes"_s << u"DROP TABLE trade_groups_kept"_s;
        if (!earlier.isEmpty())
            earlier << u"PRAGMA user_version = %1"_s.arg(schema);
        earlier << u"PRAGMA wal_checkpoint(TRUNCATE)"_s;
        for (const QString &statement : std::as_const(earlier))
            QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
    }
    QCOMPARE(QProcess::execute(u"mount"_s, {u"-o"_s, u"remount,ro"_s, mountPoint}), 0);
    const QByteArray before = fileBytes(file);
    {
        ClosedTradeStore store;
        QVERIFY2(store.open(file), qPrintable(store.lastError()));
        QVERIFY(store.isReadOnly());
        QVERIFY2(store.lastError().contains("is read-only"_L1) &&
                     !store.lastError().contains("damaged"_L1),
                 qPrintable(store.lastError()));
        QCOMPARE(store.count(kAccount), 2); // shown
        // With every account's too.
        TradeQuery everyAccount;
        everyAccount.allAccounts = true;
        QCOMPARE(TradeReader(&store).trades(everyAccount).size(), 2);
        // Currencies where the file keeps them; none to be kept now.
        QCOMPARE(store.currencies().value(kAccount.key()), schema >= 5 ? u"USD"_s : QString());
        QVERIFY(!store.setCurrency(kAccount, u"EUR"_s));
        QVERIFY(!store.record(kAccount, {aTrade(3)}));
        QVERIFY2(store.lastError().contains("read-only"_L1), qPrintable(store.lastError()));
    }
    QCOMPARE(fileBytes(file), before);
    QProcess::execute(u"umount"_s, {mountPoint});
#endif
}

void tst_ClosedTradeStore::csvForASpreadsheet()
{
    ClosedTrade noLevels = aTrade(11);
    noLevels.position.sl = 0.0;
    noLevels.position.tp = 0.0;
    noLevels.position.signame = u"金牛交易"_s; // Excel needs the byte-order mark to read this
    const ClosedTrade unconfirmed = aTrade(12, ClosedTrade::Reason::Unknown);
    ClosedTradeStore::CsvOptions options;
    options.account = u"10260 @ feed.example.com"_s;
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(ClosedTradeStore::exportCsv({noLevels, unconfirmed}, &buffer, options));
    const QByteArray csv = buffer.data();
    QVERIFY(csv.startsWith("\xEF\xBB\xBFticket,"));
    const QList<QByteArray> lines = csv.split('\n');
    QVERIFY(lines.at(0).contains(",reason,confirmed,signal_trader_id,signal_trader,account\r"));
    // S/L and T/P empty when not set; confirmed yes/no; the account; UTF-8 names.
    QVERIFY2(lines.at(1).contains(",1.08101,,,-1.5,-1.75,25.5,22.25,tp,yes,88001,"),
             lines.at(1).constData());
    QVERIFY(lines.at(1).contains(u"金牛交易,10260 @ feed.example.com\r"_s.toUtf8()));
    QVERIFY2(lines.at(2).contains(",unknown,no,"), lines.at(2).constData());
    // Without the mark, for tools that do not expect one.
    QBuffer plain;
    QVERIFY(plain.open(QIODevice::WriteOnly));
    options.byteOrderMark = false;
    QVERIFY(ClosedTradeStore::exportCsv({noLevels}, &plain, options));
    QVERIFY(plain.data().startsWith("ticket,"));
}

int main(int argc, char *argv[])
{
    if (const QByteArray target = qgetenv("TM_STORE_OPENER"); !target.isEmpty()) {
        QCoreApplication app(argc, argv);
        return runOpener(QString::fromLocal8Bit(target), qgetenv("TM_STORE_TICKET").toLongLong());
    }
    if (const QByteArray target = qgetenv("TM_STORE_WRITER"); !target.isEmpty()) {
        QCoreApplication app(argc, argv);
        return runWriter(QString::fromLocal8Bit(target));
    }
    QCoreApplication app(argc, argv);
    tst_ClosedTradeStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_closedtradestore.moc"

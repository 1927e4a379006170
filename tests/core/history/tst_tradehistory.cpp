// SPDX-License-Identifier: GPL-3.0-or-later
// TradeHistory against a real store whose writes fail on demand: nothing is lost, the demo
// never reaches the file, provisional closes are withdrawn.
#include "failingstore.h"
#include "history/tradehistory.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QtEndian>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const Account kAccount = Account::of(QUrl(u"wss://feed.example.com/p"_s), 10260);

ClosedTrade make(qint64 ticket, double profit = 10.0,
                 ClosedTrade::Reason reason = ClosedTrade::Reason::Manual)
{
    ClosedTrade t;
    t.position.ticket = ticket;
    t.position.symbol = u"EURUSD"_s;
    t.position.volume = 0.1;
    t.position.openPrice = 1.1;
    t.position.price = 1.1;
    t.position.profit = profit;
    t.position.openTime = 1732600000000;
    t.closePrice = 1.1;
    t.closeTime = 1732600000000 + ticket;
    t.reason = reason;
    return t;
}

// Runs statements in a database file of another program's (QtSql straight, no store).
bool writeDatabase(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other-program"_s);
        db.setDatabaseName(path);
        ok = db.open();
        for (const QString &statement : statements)
            ok = ok && QSqlQuery(db).exec(statement);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"other-program"_s);
    return ok;
}

QByteArray bytesOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A file --db may point at by mistake.
struct ForeignFile
{
    QStringList statements; // a SQLite database made with these
    QByteArray bytes;       // else a file of these bytes
};

} // namespace

Q_DECLARE_METATYPE(ForeignFile)

class tst_TradeHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void writesGoStraightToTheStore();
    void aLargeHistoryIsWrittenOnTheWritersThread();
    void theCurrencyIsKeptOnTheWritersThread();
    void aBatchTheWriterCannotWriteIsSpooled();
    void aFailedWriteIsSpooledAndWrittenLater();
    void spooledTradesSurviveAQuitAndAreWrittenAtStart();
    void withoutASpoolTradesAreHeldInMemoryAndCounted();
    void theOrderOfClosesIsKept();
    void theDemoNeverTouchesTheFile();
    void provisionalClosesAreWithdrawnEvenBeforeTheyAreSaved();
    void aCorrectionTheStoreRefusesWaitsAndGoes();
    void aCorrectionGivesWayToTheFeedsWord();
    void aFileThatIsNotOursIsLeftUntouched_data();
    void aFileThatIsNotOursIsLeftUntouched();
    void anEmptyFileIsANewHistory();

private:
    QString path() const { return m_dir->filePath(u"h.sqlite"_s); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_TradeHistory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_TradeHistory::writesGoStraightToTheStore()
{
    TradeHistory history;
    QVERIFY(history.open(path()));
    history.setAccount(kAccount);
    QSignalSpy changed(&history, &TradeHistory::changed);
    history.record({make(1), make(2)});
    QCOMPARE(history.store()->count(kAccount), 2);
    QCOMPARE(history.unsavedCount(), 0);
    QCOMPARE(changed.count(), 1);
    QVERIFY(history.spool().batches().isEmpty());
}

namespace {

QList<ClosedTrade> many(qint64 first, int count,
                        ClosedTrade::Reason reason = ClosedTrade::Reason::Manual)
{
    QList<ClosedTrade> trades;
    for (int i = 0; i < count; ++i)
        trades.append(make(first + i, 1.0, reason));
    return trades;
}

} // namespace

void tst_TradeHistory::aLargeHistoryIsWrittenOnTheWritersThread()
{
    // Three batches of a thousand, then two closes: all in the file, in the order given (the
    // small batch follows the large ones), each announced once it is written; nothing spooled.
    TradeHistory history;
    QVERIFY(history.open(path()));
    history.setAccount(kAccount);
    QSignalSpy changed(&history, &TradeHistory::changed);
    QSignalSpy recorded(history.fileStore(), &ClosedTradeStore::tradesRecorded);
    QList<ClosedTrade> provisional = many(1, 1000, ClosedTrade::Reason::Unknown);
    history.record(provisional);
    history.record(many(1001, 1000));
    history.record(many(2001, 1000));
    // The real close of ticket 1, given after its provisional one: it must win.
    history.record({make(1, 99.0, ClosedTrade::Reason::TakeProfit), make(5000)});
    QCOMPARE(history.unsavedCount(), 0); // on their way, not waiting
    QTRY_COMPARE(recorded.count(), 4);
    QCOMPARE(changed.count(), 4);
    QCOMPARE(history.fileStore()->count(kAccount), 3001);
    QCOMPARE(history.fileStore()->provisionalTickets(kAccount).size(), 999);
    QVERIFY(!history.isProvisional(1));
    QVERIFY(history.spool().batches().isEmpty());
    // A withdrawal waits for what is on its way, then finds it.
    history.record(many(6001, 300, ClosedTrade::Reason::Unknown));
    history.withdrawProvisional({6001, 6002});
    QCOMPARE(history.fileStore()->count(kAccount), 3299);
}

void tst_TradeHistory::theCurrencyIsKeptOnTheWritersThread()
{
    // Another connection holds the file for a write (as the writer does with a large batch):
    // the currency the feed says waits for it off the window's thread, then is kept.
    TradeHistory history;
    QVERIFY(history.open(path()));
    history.setAccount(kAccount);
    QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"holder"_s);
    other.setDatabaseName(path());
    QVERIFY(other.open());
    QSqlQuery hold(other);
    QVERIFY(hold.exec(u"BEGIN IMMEDIATE"_s));
    QSignalSpy kept(&history, &TradeHistory::currencyKept);
    history.setCurrency(u"USD"_s); // returns: nothing waits here for the file
    QVERIFY(kept.isEmpty());
    QVERIFY(history.store()->currencies().isEmpty());
    QVERIFY(hold.exec(u"COMMIT"_s));
    QVERIFY(kept.wait());
    QCOMPARE(history.store()->currencies().value(kAccount.key()), u"USD"_s);
    hold = QSqlQuery();
    other.close();
    other = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"holder"_s);
}

void tst_TradeHistory::aBatchTheWriterCannotWriteIsSpooled()
{
    // Another program holds the file's write lock past the busy timeout: the writer's batch is
    // refused, spooled, said, and written once the lock is gone.
    TradeHistory history;
    QVERIFY(history.open(path()));
    history.setAccount(kAccount);
    history.setRetryInterval(std::chrono::milliseconds(100));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"holder"_s);
        db.setDatabaseName(path());
        QVERIFY(db.open());
        QSqlQuery hold(db);
        QVERIFY(hold.exec(u"BEGIN IMMEDIATE"_s));
        QSignalSpy unsaved(&history, &TradeHistory::unsavedChanged);
        history.record(many(1, 500));
        // The call came back at once: the writer's thread waits for the lock, not the window.
        QCOMPARE(history.unsavedCount(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(history.unsavedCount() == 500, 20000);
        QCOMPARE(history.spool().tradeCount(), 500);
        QVERIFY2(history.unsavedReason().contains(u"Cannot save"_s),
                 qPrintable(history.unsavedReason()));
        QVERIFY(hold.exec(u"COMMIT"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"holder"_s);
    QTRY_COMPARE_WITH_TIMEOUT(history.unsavedCount(), 0, 20000);
    QCOMPARE(history.fileStore()->count(kAccount), 500);
    QVERIFY(history.spool().batches().isEmpty());
}

void tst_TradeHistory::aFailedWriteIsSpooledAndWrittenLater()
{
    FailingStore store;
    TradeHistory history(&store);
    history.setRetryInterval(50ms);
    QVERIFY(history.open(path()));
    history.setAccount(kAccount);
    QSignalSpy unsaved(&history, &TradeHistory::unsavedChanged);

    store.failing = true; // the disk is full
    history.record({make(1), make(2)});
    history.record({make(3)});
    QCOMPARE(history.unsavedCount(), 3);
    QCOMPARE(history.memoryOnlyCount(), 0); // safe in the spool, on disk
    QVERIFY2(history.unsavedReason().contains("disk is full"_L1),
             qPrintable(history.unsavedReason()));
    QCOMPARE(history.spool().tradeCount(), 3);
    QVERIFY(unsaved.count() >= 2);
    const int attempts = store.attempts;
    QTRY_VERIFY(store.attempts > attempts); // the retry timer keeps trying

    store.failing = false; // room again
    QTRY_COMPARE(history.unsavedCount(), 0);
    QCOMPARE(store.count(kAccount), 3);
    QVERIFY(history.spool().batches().isEmpty());
    QVERIFY(history.unsavedReason().isEmpty());
    // The spool file is empty again (but keeps its room).
    TradeSpool check;
    QVERIFY(check.open(path() + u".spool"_s));
    QVERIFY(check.batches().isEmpty());
}

void tst_TradeHistory::spooledTradesSurviveAQuitAndAreWrittenAtStart()
{
    {
        FailingStore store;
        TradeHistory history(&store);
        QVERIFY(history.open(path()));
        history.setAccount(kAccount);
        store.failing = true;
        history.record({make(1), make(2, -5.0, ClosedTrade::Reason::Unknown)});
        QVERIFY(!history.flush()); // before quitting: still failing
        QCOMPARE(history.memoryOnlyCount(), 0);
    } // quit
    TradeHistory restarted;
    QVERIFY(restarted.open(path()));
    restarted.setAccount(kAccount);
    QCOMPARE(restarted.unsavedCount(), 0);
    QCOMPARE(restarted.store()->count(kAccount), 2);
    QVERIFY(restarted.isProvisional(2));
}

void tst_TradeHistory::withoutASpoolTradesAreHeldInMemoryAndCounted()
{
    ClosedTradeStore store; // never opened, and no spool: nowhere on disk to go
    TradeHistory history(&store);
    history.setAccount(kAccount);
    history.record({make(1), make(2)});
    QCOMPARE(history.unsavedCount(), 2);
    QCOMPARE(history.memoryOnlyCount(), 2);
    QVERIFY(!history.flush());
    // The store comes back: the retry writes them.
    QVERIFY(store.open(path()));
    QVERIFY(history.flush());
    QCOMPARE(store.count(kAccount), 2);
    QCOMPARE(history.memoryOnlyCount(), 0);
}

void tst_TradeHistory::theOrderOfClosesIsKept()
{
    FailingStore store;
    TradeHistory history(&store);
    QVERIFY(history.open(path()));
    history.setAccount(kAccount);
    store.failing = true;
    history.record({make(7, 1.0)});
    store.failing = false;
    // The later close of the same ticket must not be overwritten by the earlier one.
    history.record({make(7, 2.0)});
    QCOMPARE(history.unsavedCount(), 0);
    QCOMPARE(store.trades(kAccount).at(0).position.profit, 2.0);
}

void tst_TradeHistory::theDemoNeverTouchesTheFile()
{
    TradeHistory history;
    QVERIFY(history.open(path()));
    QSignalSpy accounts(&history, &TradeHistory::accountChanged);
    history.setAccount(Account::demo(10260));
    QCOMPARE(accounts.count(), 1);
    history.record({make(1), make(2)});
    QVERIFY(history.store()->isInMemory());
    QCOMPARE(history.store()->count(Account::demo(10260)), 2);
    QCOMPARE(history.fileStore()->count(), 0);
    // A real account again: the file, without the demo's trades.
    history.setAccount(kAccount);
    QCOMPARE(history.store(), history.fileStore());
    history.record({make(3)});
    QCOMPARE(history.fileStore()->count(), 1);
    QCOMPARE(history.fileStore()->accounts(), QList<Account>{kAccount});
}

void tst_TradeHistory::provisionalClosesAreWithdrawnEvenBeforeTheyAreSaved()
{
    FailingStore store;
    TradeHistory history(&store);
    QVERIFY(history.open(path()));
    history.setAccount(kAccount);
    history.record({make(1, 1.0, ClosedTrade::Reason::Unknown)});
    QVERIFY(history.isProvisional(1));
    store.failing = true;
    history.record({make(2, 1.0, ClosedTrade::Reason::Unknown), make(3)});
    QVERIFY(history.isProvisional(2));
    // Both are open again.
    history.withdrawProvisional({1, 2, 3});
    QVERIFY(!history.isProvisional(1) && !history.isProvisional(2));
    QCOMPARE(store.count(kAccount), 0); // 1 was withdrawn from the file
    store.failing = false;
    QVERIFY(history.flush());
    // 2 never reaches the file; 3 (a confirmed close) does.
    QCOMPARE(store.count(kAccount), 1);
    QCOMPARE(store.trades(kAccount).at(0).position.ticket, 3);
}

void tst_TradeHistory::aCorrectionTheStoreRefusesWaitsAndGoes()
{
    // The position thought closed is open after all, but the file is locked: the false close
    // is not forgotten, it is corrected as soon as the file lets it.
    FailingStore store;
    TradeHistory history(&store);
    history.setRetryInterval(20ms);
    QVERIFY(history.open(path()));
    history.setAccount(kAccount);
    history.record({make(1, 1.0, ClosedTrade::Reason::Unknown)});
    store.failingWithdrawals = true;
    QSignalSpy unsaved(&history, &TradeHistory::unsavedChanged);
    history.withdrawProvisional({1});
    QVERIFY(!history.isProvisional(1));
    QCOMPARE(store.count(kAccount), 1); // still in the file
    QCOMPARE(history.pendingCorrections(), 1);
    QVERIFY(!unsaved.isEmpty());
    QVERIFY2(history.unsavedReason().contains(u"locked"_s), qPrintable(history.unsavedReason()));
    QVERIFY(!history.flush());           // what quitting asks: not done
    QTRY_VERIFY(store.withdrawals >= 3); // tried again and again
    store.failingWithdrawals = false;
    QTRY_COMPARE(history.pendingCorrections(), 0);
    QCOMPARE(store.count(kAccount), 0);
    QVERIFY(history.flush());
    QVERIFY(history.unsavedReason().isEmpty());
}

void tst_TradeHistory::aCorrectionGivesWayToTheFeedsWord()
{
    // While the correction waits, the feed reports the real close of that ticket: that close
    // stays, and nothing deletes it later.
    FailingStore store;
    TradeHistory history(&store);
    QVERIFY(history.open(path()));
    history.setAccount(kAccount);
    history.record({make(2, 1.0, ClosedTrade::Reason::Unknown)});
    store.failingWithdrawals = true;
    history.withdrawProvisional({2});
    QCOMPARE(history.pendingCorrections(), 1);
    history.record({make(2, 7.5, ClosedTrade::Reason::TakeProfit)});
    QCOMPARE(history.pendingCorrections(), 0);
    store.failingWithdrawals = false;
    QVERIFY(history.flush());
    QCOMPARE(store.count(kAccount), 1);
    QCOMPARE(store.trades(kAccount).at(0).reason, ClosedTrade::Reason::TakeProfit);
    QCOMPARE(store.trades(kAccount).at(0).position.profit, 7.5);
}

void tst_TradeHistory::aFileThatIsNotOursIsLeftUntouched_data()
{
    QTest::addColumn<ForeignFile>("file");
    const auto database = [](const char *name, const QStringList &statements) {
        QTest::addRow("%s", name) << ForeignFile{statements, {}};
    };
    database("another program's database",
             {u"CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)"_s,
              u"INSERT INTO contacts (name) VALUES ('Ann')"_s});
    database("one at our schema version",
             {u"CREATE TABLE notes (body TEXT)"_s, u"PRAGMA user_version = 2"_s});
    database(
        "a closed_trades table of another shape",
        {u"CREATE TABLE closed_trades (id INTEGER, amount REAL)"_s, u"PRAGMA user_version = 1"_s});
    database("our table beside others",
             {u"CREATE TABLE closed_trades (ticket INTEGER PRIMARY KEY, symbol TEXT)"_s,
              u"CREATE TABLE orders (id INTEGER)"_s});
    database("another application's mark", {u"PRAGMA application_id = 287454020"_s});
    database("in WAL mode", {u"PRAGMA journal_mode = WAL"_s, u"CREATE TABLE t (x)"_s,
                             u"INSERT INTO t VALUES (1)"_s});
    QTest::addRow("a CSV file") << ForeignFile{{}, "ticket,symbol\n1,EURUSD\n"};
    QTest::addRow("an image") << ForeignFile{
        {}, QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(300, '\x01')};
    QTest::addRow("a damaged database")
        << ForeignFile{{}, QByteArray("SQLite format 3\0", 16) + QByteArray(4080, '\xee')};
}

void tst_TradeHistory::aFileThatIsNotOursIsLeftUntouched()
{
    QFETCH(ForeignFile, file);
    if (file.statements.isEmpty()) {
        QFile out(path());
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(file.bytes);
    } else {
        QVERIFY(writeDatabase(path(), file.statements));
    }
    const QByteArray before = bytesOf(path());
    QVERIFY(!before.isEmpty());
    {
        TradeHistory history;
        QVERIFY(!history.open(path(), kAccount));
        QVERIFY2(history.lastError().contains("not a Trade Monitor"_L1),
                 qPrintable(history.lastError()));
        QVERIFY(history.fileStore()->isForeign());
        QVERIFY(!history.spool().isOpen());
        // The app goes on: closed trades are kept, in memory, and shown.
        history.setAccount(kAccount);
        history.record({make(1), make(2)});
        history.withdrawProvisional({1});
        QCOMPARE(history.store()->count(kAccount), 2);
        QVERIFY(history.store()->isInMemory());
        QCOMPARE(history.unsavedCount(), 0);
        QVERIFY(history.flush());
    }
    // Byte for byte as it was, and nothing beside it: no journal, no WAL, no spool.
    QCOMPARE(bytesOf(path()), before);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"h.sqlite"_s});
}

void tst_TradeHistory::anEmptyFileIsANewHistory()
{
    // An empty file (touched, or made by a file dialog) is a new history, and marked.
    QFile empty(path());
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    {
        TradeHistory history;
        QVERIFY2(history.open(path(), kAccount), qPrintable(history.lastError()));
        history.setAccount(kAccount);
        history.record({make(1)});
        QVERIFY(!history.store()->isInMemory());
    }
    const QByteArray header = bytesOf(path()).left(100);
    QCOMPARE(qFromBigEndian<qint32>(header.constData() + 68), ClosedTradeStore::kApplicationId);
    TradeHistory again;
    QVERIFY(again.open(path(), kAccount));
    again.setAccount(kAccount);
    QCOMPARE(again.store()->count(kAccount), 1);
}

QTEST_GUILESS_MAIN(tst_TradeHistory)
#include "tst_tradehistory.moc"

#include "closedtradestore.h"

#include <QBuffer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int kBatch = 200;

ClosedTrade make(qint64 ticket, ClosedTrade::Reason reason = ClosedTrade::Reason::TakeProfit,
                 double profit = 25.5)
{
    ClosedTrade t;
    Position &p = t.position;
    p.ticket = ticket;
    p.symbol = u"EURUSD"_s;
    p.side = Position::Side::Sell;
    p.volume = 0.25;
    p.openPrice = 1.08452;
    p.price = 1.08101;
    p.sl = 1.09;
    p.tp = 1.08101;
    p.swap = -1.5;
    p.commission = -1.75;
    p.profit = profit;
    p.openTime = 1732500000000 + ticket;
    p.flwsig = true;
    p.sigtraderid = 88001;
    p.signame = u"AlphaTrend FX"_s;
    t.closePrice = 1.08101;
    t.closeTime = 1732590000000 + ticket;
    t.reason = reason;
    return t;
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
            trades.append(make(qint64(batch) * kBatch + i + 1));
        if (!store.record(trades))
            return 1;
        std::printf("committed %d\n", batch + 1);
        std::fflush(stdout);
    }
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
    void periodQueries();
    void unopenableDatabasesGiveAClearError_data();
    void unopenableDatabasesGiveAClearError();
    void newerSchemaIsRefused();
    void csvQuotingAndTimes();
    void killedMidBatchLeavesNoPartialBatch();

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
    const ClosedTrade trade = make(42, ClosedTrade::Reason::StopOut, -310.25);
    QVERIFY(store.record({trade}));
    QCOMPARE(recorded.count(), 1);
    const QList<ClosedTrade> back = store.trades();
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.at(0), trade);
}

void tst_ClosedTradeStore::survivesReopeningAcrossInstances()
{
    {
        ClosedTradeStore store;
        QVERIFY(store.open(path()));
        QVERIFY(store.record({make(1), make(2), make(3)}));
    }
    ClosedTradeStore again;
    QVERIFY2(again.open(path()), qPrintable(again.lastError()));
    QCOMPARE(again.count(), 3);
    QCOMPARE(again.trades().at(0).position.ticket, 3); // newest close first
}

void tst_ClosedTradeStore::historyReplayedTwiceCountsOnce()
{
    ClosedTradeStore store;
    QVERIFY(store.open(path()));
    QList<ClosedTrade> history;
    for (int i = 1; i <= 50; ++i)
        history.append(make(i));
    QVERIFY(store.record(history));
    QVERIFY(store.record(history)); // the History of the next connection, the same trades
    QCOMPARE(store.count(), 50);
    double total = 0;
    for (const ClosedTrade &t : store.trades())
        total += t.position.profit;
    QCOMPARE(total, 50 * 25.5);
}

void tst_ClosedTradeStore::provisionalNeverReplacesARealClose()
{
    ClosedTradeStore store;
    QVERIFY(store.open(path()));
    // Vanished from a snapshot: provisional.
    ClosedTrade provisional = make(7, ClosedTrade::Reason::Unknown, 10.0);
    QVERIFY(store.record({provisional}));
    QCOMPARE(store.trades().at(0).reason, ClosedTrade::Reason::Unknown);
    // History brings the real close: it replaces the provisional one.
    const ClosedTrade real = make(7, ClosedTrade::Reason::StopLoss, -42.0);
    QVERIFY(store.record({real}));
    QCOMPARE(store.trades().at(0), real);
    // A later provisional record of the same ticket changes nothing.
    QVERIFY(store.record({provisional}));
    QCOMPARE(store.trades().at(0), real);
    QCOMPARE(store.count(), 1);
}

void tst_ClosedTradeStore::periodQueries()
{
    ClosedTradeStore store;
    QVERIFY(store.open(path()));
    QVERIFY(store.record({make(1), make(100), make(1000)}));
    const qint64 base = 1732590000000;
    QCOMPARE(store.trades(base + 50, base + 500).size(), 1);
    QCOMPARE(store.trades(base + 50).size(), 2);
    QCOMPARE(store.trades().size(), 3);
}

void tst_ClosedTradeStore::unopenableDatabasesGiveAClearError_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::addRow("not a database") << u"garbage"_s << u"damaged or not a database"_s;
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
        QVERIFY(!store.record({make(2)}));
        QVERIFY(store.lastError().contains("not saved"_L1));
        QVERIFY(store.trades().isEmpty());
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
        db.close();
    }
    QSqlDatabase::removeDatabase(u"future"_s);
    ClosedTradeStore store;
    QVERIFY(!store.open(path()));
    QVERIFY2(store.lastError().contains("newer Trade Monitor"_L1), qPrintable(store.lastError()));
}

void tst_ClosedTradeStore::csvQuotingAndTimes()
{
    ClosedTrade awkward = make(9);
    awkward.position.signame = u"Smith, \"The Bull\"\nLtd"_s;
    ClosedTrade formula = make(10);
    formula.position.signame = u"=HYPERLINK(\"http://x\")"_s;
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(ClosedTradeStore::exportCsv({awkward, formula}, &buffer));
    const QByteArray csv = buffer.data();
    const QList<QByteArray> lines = csv.split('\n');
    QVERIFY(lines.at(0).startsWith("ticket,open_time,close_time,symbol,type,volume,"));
    QVERIFY(csv.contains("\r\n")); // RFC 4180 line ends
    // Quotes doubled, the field quoted because of the comma, quote and line break.
    QVERIFY2(csv.contains(",88001,\"Smith, \"\"The Bull\"\"\nLtd\"\r\n"), csv.constData());
    // ISO 8601 UTC times.
    QVERIFY2(csv.contains("9,2024-11-25T02:00:00.009Z,2024-11-26T03:00:00.009Z,EURUSD,sell,0.25,"),
             csv.constData());
    // A formula from the feed is neutralised.
    QVERIFY2(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"), csv.constData());
    QCOMPARE(ClosedTradeStore::csvField(u"plain"_s), u"plain"_s);
    QCOMPARE(ClosedTradeStore::csvField(u"a,b"_s), u"\"a,b\""_s);
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

int main(int argc, char *argv[])
{
    if (const QByteArray target = qgetenv("TM_STORE_WRITER"); !target.isEmpty()) {
        QCoreApplication app(argc, argv);
        return runWriter(QString::fromLocal8Bit(target));
    }
    QCoreApplication app(argc, argv);
    tst_ClosedTradeStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_closedtradestore.moc"

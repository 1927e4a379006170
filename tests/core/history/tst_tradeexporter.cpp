// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixtures.h"
#include "history/closedtradestore.h"
#include "history/tradeexporter.h"
#include "history/tradereader.h"

#include <QBuffer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const Account kAccount = Account::of(QUrl(u"wss://feed.example.com/p"_s), 10260);

constexpr char kTrade[] = R"({"symbol":"EURUSD","volume":0.1,"openPrice":1.08512,
    "closePrice":1.08705,"reason":"tp","signame":"金牛交易"})";

// `count` trades a minute apart: a thousand make about 200 KB of CSV.
QList<ClosedTrade> trades(int count)
{
    QList<ClosedTrade> list;
    for (int i = 0; i < count; ++i) {
        list.append(Fixtures::trade(kTrade, {{u"ticket"_s, 100000 + i},
                                             {u"openTime"_s, 1700000000000LL + i * 60000LL},
                                             {u"closeTime"_s, 1700000030000LL + i * 60000LL},
                                             {u"profit"_s, (i % 9) - 4.5}}));
    }
    return list;
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

TradeQuery everything()
{
    TradeQuery query;
    query.account = kAccount;
    query.key = TradeQuery::Key::CloseTime;
    query.order = Qt::DescendingOrder;
    return query;
}

struct Finished
{
    bool ok = false;
    int written = 0;
    QString error;
};

// Waits for the export's answer.
std::unique_ptr<Finished> waitFor(QSignalSpy &finished)
{
    if (!QTest::qWaitFor([&finished] { return !finished.isEmpty(); }, 60000))
        return nullptr;
    const QList<QVariant> args = finished.takeFirst();
    return std::make_unique<Finished>(
        Finished{args.at(0).toBool(), args.at(1).toInt(), args.at(2).toString()});
}

} // namespace

class tst_TradeExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void writesWhatTheReaderReadsOffTheGuiThread();
    void aHistoryInMemoryIsWrittenToo();
    void oneAtATime();
    void cancelledLeavesTheOldFileAsItWas();
    void aPlaceThatCannotBeWrittenIsSaid();
    void goingAwayLeavesNoFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ClosedTradeStore> m_store;
};

void tst_TradeExporter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<ClosedTradeStore>();
    QVERIFY(m_store->open(m_dir->filePath(u"h.sqlite"_s)));
    QVERIFY(m_store->record(kAccount, trades(12000))); // 3 MB of CSV: several pages
}

void tst_TradeExporter::writesWhatTheReaderReadsOffTheGuiThread()
{
    // The file is byte for byte what TradeReader writes; progress comes page by page.
    TradeExporter exporter;
    QSignalSpy progress(&exporter, &TradeExporter::progress);
    QSignalSpy finished(&exporter, &TradeExporter::finished);
    const QString path = m_dir->filePath(u"out.csv"_s);
    ClosedTradeStore::CsvOptions options;
    options.account = u"10260 @ feed.example.com"_s;
    QVERIFY(exporter.start(m_store.get(), everything(), path, options));
    QVERIFY(exporter.isRunning());
    QVERIFY(finished.isEmpty()); // answered through the event loop, never from start()
    const auto done = waitFor(finished);
    QVERIFY(done);
    QVERIFY2(done->ok, qPrintable(done->error));
    QCOMPARE(done->written, 12000);
    QVERIFY(!exporter.isRunning());
    QVERIFY(progress.size() >= 2);
    QCOMPARE(progress.constLast().at(0).toInt(), 12000);
    QBuffer expected;
    expected.open(QIODevice::WriteOnly);
    QVERIFY(TradeReader(m_store.get()).exportCsv(everything(), &expected, options));
    QCOMPARE(contents(path), expected.data());
}

void tst_TradeExporter::aHistoryInMemoryIsWrittenToo()
{
    ClosedTradeStore memory;
    QVERIFY(memory.openInMemory());
    QVERIFY(memory.record(kAccount, trades(5)));
    TradeExporter exporter;
    QSignalSpy finished(&exporter, &TradeExporter::finished);
    const QString path = m_dir->filePath(u"demo.csv"_s);
    QVERIFY(exporter.start(&memory, everything(), path, {}));
    QVERIFY(finished.isEmpty());
    const auto done = waitFor(finished);
    QVERIFY(done && done->ok);
    QCOMPARE(done->written, 5);
    QCOMPARE(contents(path).trimmed().split('\n').size(), 6);
}

void tst_TradeExporter::oneAtATime()
{
    TradeExporter exporter;
    QSignalSpy finished(&exporter, &TradeExporter::finished);
    QVERIFY(exporter.start(m_store.get(), everything(), m_dir->filePath(u"a.csv"_s), {}));
    QVERIFY(!exporter.start(m_store.get(), everything(), m_dir->filePath(u"b.csv"_s), {}));
    QVERIFY(waitFor(finished));
    QVERIFY(!QFile::exists(m_dir->filePath(u"b.csv"_s)));
    QVERIFY(exporter.start(m_store.get(), everything(), m_dir->filePath(u"b.csv"_s), {}));
    const auto done = waitFor(finished);
    QVERIFY(done && done->ok);
}

void tst_TradeExporter::cancelledLeavesTheOldFileAsItWas()
{
    const QString path = m_dir->filePath(u"kept.csv"_s);
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("last week's export\n");
    }
    TradeExporter exporter;
    QSignalSpy finished(&exporter, &TradeExporter::finished);
    QVERIFY(exporter.start(m_store.get(), everything(), path, {}));
    exporter.cancel(); // megabytes to write: long before the last page is out
    const auto done = waitFor(finished);
    QVERIFY(done);
    QVERIFY(!done->ok);
    QVERIFY2(done->error.isEmpty(), qPrintable(done->error)); // a cancel is not a failure
    QVERIFY2(done->written < 12000, "stopped at a page, not after the last");
    QCOMPARE(contents(path), QByteArray("last week's export\n"));
    QCOMPARE(QDir(m_dir->path()).entryList({u"kept.csv*"_s}, QDir::Files),
             QStringList{u"kept.csv"_s}); // no temporary file left beside it
}

void tst_TradeExporter::aPlaceThatCannotBeWrittenIsSaid()
{
    TradeExporter exporter;
    QSignalSpy finished(&exporter, &TradeExporter::finished);
    QVERIFY(exporter.start(m_store.get(), everything(), u"/proc/no/such/folder/x.csv"_s, {}));
    const auto done = waitFor(finished);
    QVERIFY(done);
    QVERIFY(!done->ok);
    QVERIFY(!done->error.isEmpty());
}

void tst_TradeExporter::goingAwayLeavesNoFile()
{
    // Megabytes to write: the window is closed long before the last page is out.
    const QString path = m_dir->filePath(u"gone.csv"_s);
    {
        TradeExporter exporter;
        QVERIFY(exporter.start(m_store.get(), everything(), path, {}));
    } // the export stops, and waits for its thread
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(m_dir->path()).entryList({u"gone.csv*"_s}, QDir::Files), QStringList());
}

QTEST_GUILESS_MAIN(tst_TradeExporter)
#include "tst_tradeexporter.moc"

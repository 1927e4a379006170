// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/closedtradestore.h"
#include "history/tradespool.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

const Account kAccount = Account::of(QUrl(u"wss://feed.example.com/p"_s), 10260);

ClosedTrade make(qint64 ticket, ClosedTrade::Reason reason = ClosedTrade::Reason::StopLoss)
{
    ClosedTrade t;
    Position &p = t.position;
    p.ticket = ticket;
    p.symbol = u"XAUUSD"_s;
    p.side = Position::Side::Sell;
    p.volume = 0.3;
    p.openPrice = 2351.4;
    p.price = 2342.1;
    p.sl = 2358.4;
    p.tp = 0.0;
    p.swap = -1.14;
    p.commission = -1.0;
    p.profit = 93.25;
    p.openTime = 1732300000000 + ticket;
    p.flwsig = true;
    p.sigtraderid = 88001;
    p.signame = u"金牛 \"Gold\", Ltd"_s;
    t.closePrice = 2342.1;
    t.closeTime = 1732330000000 + ticket;
    t.reason = reason;
    return t;
}

} // namespace

class tst_TradeSpool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void batchesSurviveReopening();
    void roomIsReservedWhenOpened();
    void clearKeepsTheRoom();
    void aLineCutShortIsSkippedAndWrittenOver();
    void aForeignFileIsLeftAlone();
    void twoWindowsShareOneSpool();
    void aRemovalKeepsWhatItDoesNotName();

private:
    QString path() const { return m_dir->filePath(u"h.sqlite.spool"_s); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_TradeSpool::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_TradeSpool::batchesSurviveReopening()
{
    const TradeSpool::Batch first{kAccount, {make(1), make(2, ClosedTrade::Reason::Unknown)}};
    ClosedTrade feedsOwnWord = make(4, ClosedTrade::Reason::Other);
    feedsOwnWord.otherReason = u"unknown"_s; // a confirmed close, in the feed's word
    const TradeSpool::Batch second{Account::unknown(),
                                   {make(3, ClosedTrade::Reason::TakeProfit), feedsOwnWord}};
    {
        TradeSpool spool;
        QVERIFY2(spool.open(path()), qPrintable(spool.errorString()));
        QVERIFY(spool.append(first));
        QVERIFY(spool.append(second));
        QCOMPARE(spool.tradeCount(), 4);
    } // closed without clearing: as if the app had been killed
    TradeSpool again;
    QVERIFY(again.open(path()));
    QCOMPARE(again.batches().size(), 2);
    QCOMPARE(again.batches().at(0).account, kAccount);
    QCOMPARE(again.batches().at(0).trades, first.trades); // every field, provisional included
    QCOMPARE(again.batches().at(1).account, Account::unknown());
    QCOMPARE(again.batches().at(1).trades, second.trades);
    QVERIFY(again.batches().at(1).trades.at(1).isConfirmed());
    QCOMPARE(again.unreadableLines(), 0);
}

void tst_TradeSpool::roomIsReservedWhenOpened()
{
    TradeSpool spool;
    QVERIFY(spool.open(path()));
    QCOMPARE(QFile(path()).size(), TradeSpool::kReservedBytes);
    for (int i = 0; i < 100; ++i)
        QVERIFY(spool.append({kAccount, {make(i)}}));
    // The appends went into the reserved room: the file did not have to grow.
    QCOMPARE(QFile(path()).size(), TradeSpool::kReservedBytes);
    qInfo() << "one trade takes about" << TradeSpool::encode({kAccount, {make(1)}}).size()
            << "bytes: room for"
            << TradeSpool::kReservedBytes / TradeSpool::encode({kAccount, {make(1)}}).size()
            << "batches of one";
}

void tst_TradeSpool::clearKeepsTheRoom()
{
    {
        TradeSpool spool;
        QVERIFY(spool.open(path()));
        QVERIFY(spool.append({kAccount, {make(1)}}));
        QVERIFY(spool.clear());
        QVERIFY(spool.batches().isEmpty());
        QVERIFY(spool.append({kAccount, {make(2)}}));
    }
    QCOMPARE(QFile(path()).size(), TradeSpool::kReservedBytes);
    TradeSpool again;
    QVERIFY(again.open(path()));
    QCOMPARE(again.batches().size(), 1);
    QCOMPARE(again.batches().at(0).trades.at(0).position.ticket, 2);
}

void tst_TradeSpool::aLineCutShortIsSkippedAndWrittenOver()
{
    qint64 end = 0;
    {
        TradeSpool spool;
        QVERIFY(spool.open(path()));
        QVERIFY(spool.append({kAccount, {make(1)}}));
        end = TradeSpool::encode({kAccount, {make(1)}}).size();
    }
    // A crash in the middle of the next line: half of it on disk, no newline.
    {
        QFile file(path());
        QVERIFY(file.open(QIODevice::ReadWrite));
        const QByteArray header = file.readLine();
        QVERIFY(file.seek(header.size() + end));
        file.write(TradeSpool::encode({kAccount, {make(2)}}).left(40));
    }
    TradeSpool spool;
    QVERIFY(spool.open(path()));
    QCOMPARE(spool.batches().size(), 1);
    QCOMPARE(spool.unreadableLines(), 1);
    QVERIFY(spool.append({kAccount, {make(3)}}));
    spool.close();
    TradeSpool again;
    QVERIFY(again.open(path()));
    QCOMPARE(again.batches().size(), 2);
    QCOMPARE(again.batches().at(1).trades.at(0).position.ticket, 3);
    QCOMPARE(again.unreadableLines(), 0);
}

void tst_TradeSpool::aForeignFileIsLeftAlone()
{
    {
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("my notes\n");
    }
    TradeSpool spool;
    QVERIFY(!spool.open(path()));
    QVERIFY2(spool.errorString().contains("not a Trade Monitor spool"_L1),
             qPrintable(spool.errorString()));
    QFile file(path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("my notes\n"));
}

void tst_TradeSpool::twoWindowsShareOneSpool()
{
    // Two windows on one history, both unable to write to it: each spools 400 closed trades
    // at the same time, then one can write again and writes its own. Nothing of the other's
    // may be lost, over-written or taken out of the spool.
    const QString history = m_dir->filePath(u"shared.sqlite"_s);
    QProcess writer, keeper;
    for (QProcess *peer : {&writer, &keeper})
        peer->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    writer.start(QStringLiteral(SPOOL_PEER_PATH), {history, u"1"_s, u"400"_s, u"write"_s});
    keeper.start(QStringLiteral(SPOOL_PEER_PATH), {history, u"1001"_s, u"400"_s, u"keep"_s});
    // Both have opened the spool (empty) before either writes: then they write at once.
    for (QProcess *peer : {&writer, &keeper}) {
        QVERIFY(peer->waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(peer->canReadLine(), 30000);
        QCOMPARE(peer->readLine(), QByteArray("ready\n"));
    }
    // Written out now: a QProcess's waitFor…() serves that process alone.
    for (QProcess *peer : {&writer, &keeper})
        peer->write("go\n");
    for (QProcess *peer : {&writer, &keeper})
        QVERIFY(peer->waitForBytesWritten(10000));
    for (QProcess *peer : {&writer, &keeper}) {
        QVERIFY(peer->waitForFinished(120000));
        const QByteArray said = peer->readAllStandardOutput();
        QVERIFY2(peer->exitStatus() == QProcess::NormalExit && peer->exitCode() == 0,
                 said.constData());
    }

    // Every trade of both is in the database or in the spool, none twice in the spool; the
    // writer's are all in the database, and the keeper's all still wait (the writer found the
    // spool empty when it opened it, so it took up none of them).
    TradeSpool spool;
    QVERIFY(spool.open(history + u".spool"_s));
    QCOMPARE(spool.unreadableLines(), 0);
    QList<qint64> spooled;
    for (const TradeSpool::Batch &batch : spool.batches()) {
        for (const ClosedTrade &t : batch.trades)
            spooled.append(t.position.ticket);
    }
    spool.close();
    const QSet<qint64> inSpool(spooled.cbegin(), spooled.cend());
    QCOMPARE(inSpool.size(), spooled.size());
    ClosedTradeStore store;
    QVERIFY(store.open(history));
    const Account account = Account::of(QUrl(u"wss://feed.example.com/p"_s), 10260);
    QSet<qint64> inDatabase;
    for (const ClosedTrade &t : store.trades(account))
        inDatabase.insert(t.position.ticket);
    QSet<qint64> all, writers;
    for (qint64 ticket = 1; ticket <= 400; ++ticket) {
        writers.insert(ticket);
        all.insert(ticket);
        all.insert(1000 + ticket);
    }
    QVERIFY(writers - inDatabase == QSet<qint64>());
    QCOMPARE(inSpool - all, QSet<qint64>());
    QCOMPARE(inSpool & writers, QSet<qint64>());
    QCOMPARE(all - (inSpool | inDatabase), QSet<qint64>()); // none lost
    QCOMPARE(inSpool, all - writers);
    QCOMPARE(inDatabase, writers);
}

void tst_TradeSpool::aRemovalKeepsWhatItDoesNotName()
{
    // Two spools on one file in one process, as two windows: each appends at the real end,
    // and removing one's batches leaves the other's.
    const QString path = m_dir->filePath(u"s.spool"_s);
    TradeSpool first, second;
    QVERIFY(first.open(path));
    QVERIFY(second.open(path));
    const TradeSpool::Batch a{kAccount, {make(1)}};
    const TradeSpool::Batch b{kAccount, {make(2)}};
    const TradeSpool::Batch c{kAccount, {make(3)}};
    QVERIFY(first.append(a));
    QVERIFY(second.append(b));
    QVERIFY(first.append(c));
    QVERIFY(first.clear()); // a and c are in the history
    QCOMPARE(first.batches().size(), 0);
    TradeSpool reader;
    QVERIFY(reader.open(path));
    QCOMPARE(reader.batches().size(), 1);
    QCOMPARE(reader.batches().at(0).id, b.id);
    QCOMPARE(reader.batches().at(0).trades.at(0).position.ticket, 2);
    QVERIFY(a.id != b.id);
}

QTEST_GUILESS_MAIN(tst_TradeSpool)
#include "tst_tradespool.moc"

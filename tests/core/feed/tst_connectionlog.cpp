// SPDX-License-Identifier: GPL-3.0-or-later
// The connection log from the outside: what a user reads in View -> Connection Log after
// real events on a real feed (the in-process simulator).
#include "feed/connectionlog.h"
#include "feed/feedsession.h"
#include "feed/positionbook.h"
#include "net/socketmanager.h"
#include "protocol/feedprofile.h"
#include "simulator/feedsimulator.h"
#include "testclocks.h"
#include "testconfig.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using State = SocketManager::State;
using Severity = ConnectionLog::Severity;

namespace {

QStringList texts(const ConnectionLog &log)
{
    QStringList list;
    for (int row = 0; row < log.count(); ++row)
        list.append(log.entry(row).text);
    return list;
}

// The index of the first entry at or after `from` that contains `part`, -1 if none.
int find(const ConnectionLog &log, const QString &part, int from = 0)
{
    for (int row = from; row < log.count(); ++row) {
        if (log.entry(row).text.contains(part))
            return row;
    }
    return -1;
}

FeedSimulator::Options simulatorOptions()
{
    FeedSimulator::Options options;
    options.simulation.seed = 3;
    options.simulation.tick = 50ms;
    options.simulation.positions = 6;
    return options;
}

} // namespace

class tst_ConnectionLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsTheNewestThousand();
    void aSessionTellsItsStory();
    void rejectionsAreOneEntryPer10Seconds();
    void givingUpAndSleepingAreLogged();
    void rowsCopyAsTextWithFullTimes();
    void rowsLeftOutOfListsAreCounted();
};

void tst_ConnectionLog::keepsTheNewestThousand()
{
    ConnectionLog log;
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy added(&log, &ConnectionLog::eventAdded);
    for (int i = 0; i < ConnectionLog::kCapacity + 100; ++i)
        log.record(Severity::Info, u"event %1"_s.arg(i));
    QCOMPARE(log.count(), ConnectionLog::kCapacity);
    QCOMPARE(log.rowCount(), 1000);
    QCOMPARE(log.entry(0).text, u"event 100"_s);
    QCOMPARE(log.entry(999).text, u"event 1099"_s);
    QCOMPARE(added.count(), 1100);
    QCOMPARE(log.headerData(ConnectionLog::EventColumn, Qt::Horizontal).toString(), u"Event"_s);
}

void tst_ConnectionLog::aSessionTellsItsStory()
{
    FeedSimulator simulator(simulatorOptions());
    QVERIFY(simulator.listen());
    SocketManager socket(TestConfig::fast(simulator.url()));
    PositionBook book;
    FeedSession session(&socket, &book, nullptr);
    ConnectionLog log;
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.watch(&socket, &session);
    const QString endpoint = u"127.0.0.1:%1"_s.arg(simulator.port());
    QSignalSpy snapshots(&session, &FeedSession::snapshotReceived);

    socket.open();
    QTRY_COMPARE(socket.state(), State::Live);
    QTRY_VERIFY(find(log, u"Snapshot with"_s) >= 0);
    // In order: connecting, connected, subscribed, the Snapshot.
    const int connecting = find(log, u"Connecting to %1"_s.arg(endpoint));
    const int connected = find(log, u"Connected to %1"_s.arg(endpoint));
    const int subscribed = find(log, u"Subscribed"_s);
    QCOMPARE(snapshots.count(), 1);
    const int snapshot =
        find(log, u"Snapshot with %1 positions: live"_s.arg(snapshots.at(0).at(0).toInt()));
    QVERIFY2(connecting == 0 && connected > connecting && subscribed > connected &&
                 snapshot > subscribed,
             qPrintable(texts(log).join(u" | "_s)));

    // The server drops us: the drop with its code, the retry, the new attempt.
    const int before = log.count();
    simulator.dropAll(1001, u"maintenance"_s);
    QTRY_VERIFY(find(log, u"Snapshot with"_s, before) >= 0);
    const int dropped = find(log, u"Dropped: "_s, before);
    QVERIFY2(dropped >= 0 && log.entry(dropped).text.contains("1001"_L1) &&
                 log.entry(dropped).text.contains("maintenance"_L1),
             qPrintable(texts(log).join(u" | "_s)));
    QCOMPARE(log.entry(dropped).severity, Severity::Warning);
    // The retry itself is the entry; no countdown of its own beside the status's.
    QVERIFY2(find(log, u"Connecting to %1 (retry 1)"_s.arg(endpoint), dropped) > dropped,
             qPrintable(texts(log).join(u" | "_s)));
    QVERIFY2(find(log, u"Retry"_s) < 0, qPrintable(texts(log).join(u" | "_s)));

    // A server error while live, and a seq that goes back.
    session.handleMessage(R"({"Code":503,"type":"Error","msg":"history service down"})");
    const int error = find(log, u"Server error 503: history service down"_s);
    QVERIFY(error >= 0);
    QCOMPARE(log.entry(error).severity, Severity::Error);
    session.handleMessage(R"({"Code":200,"type":"Positions","seq":1,"data":[]})");
    QVERIFY2(find(log, u"seq went back"_s) > error, qPrintable(texts(log).join(u" | "_s)));

    // Paused and resumed are recorded by the window; a deliberate close here.
    socket.close();
    QCOMPARE(log.entry(log.count() - 1).text, u"Connection closed"_s);
}

void tst_ConnectionLog::rejectionsAreOneEntryPer10Seconds()
{
    SocketManager socket;
    PositionBook book;
    FeedSession session(&socket, &book, nullptr);
    FixedClock clock;
    ConnectionLog log;
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.setClock(&clock);
    log.watch(&socket, &session);
    QSignalSpy added(&log, &ConnectionLog::eventAdded);
    QSignalSpy changed(&log, &QAbstractItemModel::dataChanged);

    session.handleMessage("not json at all");
    QCOMPARE(log.count(), 1);
    QVERIFY2(log.entry(0).text.startsWith("The feed sends data this version cannot read: "_L1) &&
                 log.entry(0).text.contains("invalid JSON"_L1),
             qPrintable(log.entry(0).text));
    for (int i = 0; i < 3; ++i) {
        clock.now += 2000;
        session.handleMessage(R"({"type":"Nonsense"})");
    }
    // Rows it cannot read count in the same window as messages.
    clock.now += 2000;
    session.handleMessage(R"({"Code":200,"type":"Positions","seq":9,"data":[7]})");
    // Still one entry: the count and the first reason.
    QCOMPARE(log.count(), 1);
    QVERIFY2(log.entry(0).text.startsWith(
                 "The feed sent 5 items this version cannot read in 10 s; the first: "_L1) &&
                 log.entry(0).text.contains("invalid JSON"_L1),
             qPrintable(log.entry(0).text));
    QCOMPARE(added.count(), 1);
    QCOMPARE(changed.count(), 4);

    // A new window, a new entry with its own first reason.
    clock.now += 2001;
    session.handleMessage(R"({"type":"Nonsense"})");
    QCOMPARE(log.count(), 2);
    QVERIFY2(log.entry(1).text.contains("unknown message type"_L1), qPrintable(log.entry(1).text));
    QCOMPARE(added.count(), 2);
}

void tst_ConnectionLog::givingUpAndSleepingAreLogged()
{
    FeedSimulator simulator(simulatorOptions());
    QVERIFY(simulator.listen());
    SocketConfig config = TestConfig::fast(simulator.url());
    config.heartbeatInterval = 50ms;
    config.maxRetries = 1;
    config.giveUpAfter = 0ms;
    SocketManager socket(config);
    OffsetClock clock;
    socket.setClock(&clock);
    PositionBook book;
    FeedSession session(&socket, &book, nullptr);
    ConnectionLog log;
    log.watch(&socket, &session);
    socket.open();
    QTRY_COMPARE(socket.state(), State::Live);

    clock.offset += 600'000; // ten minutes asleep
    QTRY_VERIFY(find(log, u"slept"_s) >= 0);
    QVERIFY2(log.entry(find(log, u"slept"_s)).text.contains("10 min late"_L1),
             qPrintable(log.entry(find(log, u"slept"_s)).text));

    simulator.pauseListening();
    simulator.dropAll(1001, u"going away"_s);
    QTRY_COMPARE(socket.state(), State::Failed);
    const ConnectionLog::Entry &last = log.entry(log.count() - 1);
    QVERIFY2(last.text.startsWith("Gave up: "_L1) && last.text.contains("refused"_L1),
             qPrintable(last.text));
    QCOMPARE(last.severity, Severity::Error);
    QVERIFY(find(log, u"Attempt failed: Connection refused"_s) >= 0);
}

void tst_ConnectionLog::rowsCopyAsTextWithFullTimes()
{
    FixedClock clock(QDateTime(QDate(2026, 11, 26), QTime(9, 30, 5, 123)).toMSecsSinceEpoch());
    ConnectionLog log;
    log.setClock(&clock);
    log.record(Severity::Info, u"first"_s);
    clock.now += 1000;
    log.record(Severity::Warning, u"second"_s);
    log.record(Severity::Info, u"third"_s);
    QCOMPARE(log.toText({0, 2}),
             u"2026-11-26 09:30:05.123  first\n2026-11-26 09:30:06.123  third"_s);
    QCOMPARE(log.data(log.index(1, ConnectionLog::TimeColumn)).toString(), u"09:30:06"_s);
    QCOMPARE(log.data(log.index(1, ConnectionLog::EventColumn)).toString(), u"second"_s);
    QCOMPARE(log.data(log.index(1, 0), ConnectionLog::SeverityRole).toInt(),
             int(Severity::Warning));
}

void tst_ConnectionLog::rowsLeftOutOfListsAreCounted()
{
    SocketManager socket;
    PositionBook book;
    FeedSession session(&socket, &book, nullptr);
    session.setProfile(FeedProfile::seed());
    FixedClock clock;
    ConnectionLog log;
    log.setClock(&clock);
    log.watch(&socket, &session);
    const QByteArray row = R"({"ticket":1,"symbol":"EURUSD","side":0,"volume":1,"openPrice":1,)"
                           R"("price":1,"profit":0,"openTime":1732421000000})";
    QByteArray pending = row;
    pending.replace(R"("ticket":1)", R"("ticket":2)").replace(R"("side":0)", R"("side":4)");
    session.handleMessage(R"({"Code":200,"data":[)" + row + "," + pending + "]}");
    const int entry = find(log, u"left out"_s);
    QVERIFY2(entry >= 0 &&
                 log.entry(entry).text.startsWith("A row was left out of the list: "_L1) &&
                 log.entry(entry).text.contains("pending order (side 4)"_L1),
             qPrintable(texts(log).join(u" | "_s)));
    clock.now += 1000;
    session.handleMessage(R"({"Code":200,"data":[)" + row + "," + pending + "," + pending + "]}");
    QCOMPARE(texts(log).filter(u"left out"_s).size(), 1); // the same window: counted in place
    QVERIFY2(log.entry(entry).text.startsWith("3 rows left out of lists in 10 s"_L1),
             qPrintable(log.entry(entry).text));
    QCOMPARE(session.skippedCount(), 3);
}

QTEST_GUILESS_MAIN(tst_ConnectionLog)
#include "tst_connectionlog.moc"

#include "closedtradestore.h"
#include "feedsession.h"
#include "feedsimulator.h"
#include "positionbook.h"
#include "socketmanager.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using State = SocketManager::State;

namespace {

FeedSimulator::Options simulatorOptions()
{
    FeedSimulator::Options options;
    options.simulation.seed = 21;
    options.simulation.tick = 20ms;
    return options;
}

SocketConfig config(const QUrl &url)
{
    SocketConfig c = SocketConfig::forTrader(url, 10260);
    c.reconnectMin = 20ms;
    c.reconnectMax = 50ms;
    return c;
}

QSet<qint64> ticketsOf(const QList<Position> &positions)
{
    QSet<qint64> set;
    for (const Position &p : positions)
        set.insert(p.ticket);
    return set;
}

QStringList g_warnings;
QtMessageHandler g_previous = nullptr;
void captureWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (QByteArrayView(context.category) == "trademonitor.feed")
        g_warnings.append(message);
    g_previous(type, context, message);
}

} // namespace

class tst_FeedSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void liveFeedFillsTheBookAndTheHistory();
    void malformedMessagesAreCountedAndNeverCloseTheConnection();
    void seqGapResubscribesForAFreshSnapshot();
    void tradesClosedDuringAnOutageAreRecordedExactlyOnce();
    void withoutADatabaseTheLiveViewWorksAndNothingIsLost();
    void rejectionsAreLoggedRateLimited();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_FeedSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_FeedSession::liveFeedFillsTheBookAndTheHistory()
{
    FeedSimulator simulator(simulatorOptions());
    QVERIFY(simulator.listen());
    SocketManager socket(config(simulator.url()));
    PositionBook book;
    ClosedTradeStore store;
    QVERIFY(store.open(m_dir->filePath(u"h.sqlite"_s)));
    FeedSession session(&socket, &book, &store);
    socket.open();
    QTRY_VERIFY(store.count() >= 50);
    // The book holds what the server holds (allowing the ticks in flight).
    QTRY_COMPARE(ticketsOf(book.positions()), ticketsOf(simulator.simulation().openPositions()));
    QCOMPARE(session.rejectedCount(), 0);
    QVERIFY(session.acceptedCount() >= 2);
}

void tst_FeedSession::malformedMessagesAreCountedAndNeverCloseTheConnection()
{
    FeedSimulator::Options options = simulatorOptions();
    options.malformedRate = 0.3;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    SocketManager socket(config(simulator.url()));
    PositionBook book;
    FeedSession session(&socket, &book, nullptr);
    QSignalSpy rejected(&session, &FeedSession::messageRejected);
    socket.open();
    QTRY_COMPARE(socket.state(), State::Open);
    QSignalSpy states(&socket, &SocketManager::stateChanged);
    QTRY_VERIFY(session.rejectedCount() >= 20);
    QCOMPARE(states.count(), 0); // never left Open
    QCOMPARE(simulator.clientCount(), 1);
    QCOMPARE(rejected.count(), session.rejectedCount());
    QVERIFY(!session.lastRejection().isEmpty());
    // The malformed messages took no seq, so they never looked like a gap.
    QCOMPARE(simulator.subscribedCount(), 1);
}

void tst_FeedSession::seqGapResubscribesForAFreshSnapshot()
{
    FeedSimulator simulator(simulatorOptions());
    QVERIFY(simulator.listen());
    SocketManager socket(config(simulator.url()));
    PositionBook book;
    FeedSession session(&socket, &book, nullptr);
    QSignalSpy subscribed(&simulator, &FeedSimulator::clientSubscribed);
    QSignalSpy resets(&book, &PositionBook::positionsReset);
    socket.open();
    QTRY_COMPARE(resets.count(), 1);
    QTRY_VERIFY(book.lastSeq() > 3);
    // A message from far ahead: as if several were lost on the way.
    session.handleMessage(R"({"Code":200,"type":"Positions","seq":)" +
                          QByteArray::number(book.lastSeq() + 10) + R"(,"data":[]})");
    QTRY_COMPARE(subscribed.count(), 2);
    QTRY_COMPARE(resets.count(), 2); // the fresh snapshot
    QCOMPARE(simulator.clientCount(), 1);
}

void tst_FeedSession::tradesClosedDuringAnOutageAreRecordedExactlyOnce()
{
    FeedSimulator::Options options = simulatorOptions();
    options.simulation.positions = 30;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    SocketManager socket(config(simulator.url()));
    PositionBook book;
    ClosedTradeStore store;
    QVERIFY(store.open(m_dir->filePath(u"h.sqlite"_s)));
    FeedSession session(&socket, &book, &store);
    socket.open();
    QTRY_VERIFY(book.count() > 0 && store.count() >= 50);

    // The outage: the client is gone while the account goes on.
    const QSet<qint64> before = ticketsOf(book.positions());
    socket.close();
    QTRY_COMPARE(socket.state(), State::Idle);
    QTRY_VERIFY_WITH_TIMEOUT(
        (before - ticketsOf(simulator.simulation().openPositions())).size() >= 3, 30000);

    socket.open();
    QTRY_COMPARE(ticketsOf(book.positions()), ticketsOf(simulator.simulation().openPositions()));
    const QSet<qint64> vanished = before - ticketsOf(book.positions());
    QVERIFY(vanished.size() >= 3);

    // Each vanished position is in the history exactly once, with the real close that the
    // History message brought (not the provisional "closed while offline").
    QHash<qint64, ClosedTrade> serverHistory;
    for (const ClosedTrade &t : simulator.simulation().history())
        serverHistory.insert(t.position.ticket, t);
    QTRY_VERIFY([&] {
        const QList<ClosedTrade> stored = store.trades();
        for (const qint64 ticket : vanished) {
            int found = 0;
            for (const ClosedTrade &t : stored) {
                if (t.position.ticket != ticket)
                    continue;
                ++found;
                if (serverHistory.contains(ticket) &&
                    t.reason != serverHistory.value(ticket).reason)
                    return false;
            }
            if (found != 1)
                return false;
        }
        return true;
    }());
    QCOMPARE(session.pendingTrades(), 0);
}

void tst_FeedSession::withoutADatabaseTheLiveViewWorksAndNothingIsLost()
{
    FeedSimulator simulator(simulatorOptions());
    QVERIFY(simulator.listen());
    SocketManager socket(config(simulator.url()));
    PositionBook book;
    ClosedTradeStore store; // never opened: as if the file were unusable
    FeedSession session(&socket, &book, &store);
    socket.open();
    QTRY_VERIFY(book.count() > 0);
    QTRY_VERIFY(session.pendingTrades() >= 50); // the History, kept for later

    // The database becomes available: the next batch writes everything that waited.
    QVERIFY(store.open(m_dir->filePath(u"late.sqlite"_s)));
    const int pending = session.pendingTrades();
    QTRY_VERIFY_WITH_TIMEOUT(session.pendingTrades() == 0, 30000);
    QVERIFY(store.count() >= pending);
}

void tst_FeedSession::rejectionsAreLoggedRateLimited()
{
    SocketManager socket;
    PositionBook book;
    FeedSession session(&socket, &book, nullptr);
    g_warnings.clear();
    g_previous = qInstallMessageHandler(captureWarnings);
    for (int i = 0; i < 100; ++i)
        session.handleMessage("{broken " + QByteArray::number(i));
    qInstallMessageHandler(g_previous);
    QCOMPARE(session.rejectedCount(), 100);
    QCOMPARE(g_warnings.size(), 5);
    QVERIFY2(g_warnings.at(0).contains("invalid JSON"_L1) &&
                 g_warnings.at(0).contains("{broken 0"_L1),
             qPrintable(g_warnings.at(0)));
}

QTEST_GUILESS_MAIN(tst_FeedSession)
#include "tst_feedsession.moc"

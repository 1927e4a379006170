// The fault matrix, end to end: the real feed-simulator process on loopback, broken on
// purpose (killed, stopped, refusing, sending garbage), against the app's real path built
// from the same classes (SocketManager -> FeedSession -> PositionBook -> ClosedTradeStore).
// Each scenario prints what it measured (QINFO lines).
#include "closedtradestore.h"
#include "feedsession.h"
#include "networkmonitor.h"
#include "positionbook.h"
#include "processmemory.h"
#include "socketmanager.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using State = SocketManager::State;

namespace {

#if defined(__SANITIZE_ADDRESS__)
#define TM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TM_ASAN 1
#endif
#endif
#ifdef TM_ASAN
// AddressSanitizer keeps freed memory in quarantine (256 MiB by default): resident memory
// then says little about what the app holds.
constexpr qint64 kMemoryBoundKb = 512 * 1024;
#else
constexpr qint64 kMemoryBoundKb = 200 * 1024;
#endif

// The feed-simulator executable, started, steered by its control lines and signals.
class Simulator
{
public:
    bool start(QStringList arguments)
    {
        m_arguments = arguments;
        process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::SeparateChannels);
        process->start(QStringLiteral(FEED_SIMULATOR_PATH), arguments);
        if (!process->waitForStarted())
            return false;
        if (!QTest::qWaitFor([this] { return process->canReadLine(); }, 10000))
            return false;
        url = QUrl(QString::fromUtf8(process->readLine()).trimmed());
        return url.isValid() && url.port() > 0;
    }
    // Starts again on the same port (the old one must be gone).
    bool restart(const QStringList &extra = {})
    {
        QStringList arguments = m_arguments;
        const qsizetype at = arguments.indexOf(u"--port"_s);
        if (at >= 0)
            arguments[at + 1] = QString::number(url.port());
        else
            arguments << u"--port"_s << QString::number(url.port());
        for (int i = 0; i + 1 < extra.size(); i += 2) {
            const qsizetype existing = arguments.indexOf(extra.at(i));
            if (existing >= 0)
                arguments[existing + 1] = extra.at(i + 1);
            else
                arguments << extra.at(i) << extra.at(i + 1);
        }
        const QUrl previous = url;
        const bool ok = start(arguments);
        return ok && url == previous;
    }
    void signal(int number) { ::kill(pid_t(process->processId()), number); }
    void killHard()
    {
        signal(SIGKILL);
        process->waitForFinished();
    }
    void command(const QByteArray &line) { process->write(line + '\n'); }
    ~Simulator()
    {
        if (process && process->state() != QProcess::NotRunning) {
            signal(SIGCONT);
            process->kill();
            process->waitForFinished();
        }
    }

    std::unique_ptr<QProcess> process;
    QUrl url;

private:
    QStringList m_arguments;
};

// The app's real path, headless.
struct Harness
{
    explicit Harness(const SocketConfig &config, const QString &database = {})
        : socket(config)
    {
        socket.setNetworkMonitor(&network);
        if (!database.isEmpty())
            store.open(database);
        session = std::make_unique<FeedSession>(&socket, &book, &store);
    }
    QSet<qint64> openTickets() const
    {
        QSet<qint64> tickets;
        for (const Position &p : book.positions())
            tickets.insert(p.ticket);
        return tickets;
    }

    NetworkMonitor network;
    SocketManager socket;
    PositionBook book;
    ClosedTradeStore store;
    std::unique_ptr<FeedSession> session;
};

SocketConfig fastConfig(const QUrl &url)
{
    SocketConfig config = SocketConfig::forTrader(url, 10260);
    config.heartbeatInterval = 200ms;
    config.pongTimeout = 300ms;
    config.connectTimeout = 500ms;
    config.reconnectMin = 50ms;
    config.reconnectMax = 400ms;
    config.minUptime = 300ms;
    return config;
}

} // namespace

class tst_FaultMatrix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void serverKilledAndRestarted();
    void serverStoppedHalfOpen();
    void portRefusesThenReturns();
    void garbageOnTheWire();
    void reconnectStormIsSpreadOut();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_FaultMatrix::initTestCase()
{
    // Thousands of rejections are logged on purpose here; QtTest would stop printing (and
    // hide the figures) after 2000 messages. The figures use the default category.
    QLoggingCategory::setFilterRules(u"trademonitor.*=false"_s);
}

void tst_FaultMatrix::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_FaultMatrix::serverKilledAndRestarted()
{
    Simulator simulator;
    QVERIFY(
        simulator.start({u"--seed"_s, u"5"_s, u"--tick-ms"_s, u"20"_s, u"--positions"_s, u"15"_s}));
    Harness app(fastConfig(simulator.url), m_dir->filePath(u"h.sqlite"_s));
    QSignalSpy retries(&app.socket, &SocketManager::retryScheduled);
    app.socket.open();
    QTRY_VERIFY(app.book.count() > 0 && app.store.count() >= 50);
    const QSet<qint64> before = app.openTickets();
    const int storedBefore = app.store.count();

    QSignalSpy snapshots(&app.book, &PositionBook::positionsReset);
    // SIGKILL mid-stream: no close frame, the TCP connection just dies.
    simulator.killHard();
    QTRY_VERIFY(app.socket.state() != State::Open);
    QElapsedTimer outage;
    outage.start();
    // Back on the same port with a different account: every position we held is gone.
    QVERIFY(simulator.restart({u"--seed"_s, u"6"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(app.socket.state(), State::Open, 10000);
    const qint64 reconnectMs = outage.elapsed();
    // Open is not enough: the old rows stay until the new server's Snapshot replaces them.
    QTRY_COMPARE(snapshots.count(), 1);
    QVERIFY(app.book.count() > 0);
    QVERIFY((app.openTickets() & before).isEmpty());

    // Every position that vanished is in the history, once (the store's key is the ticket).
    QTRY_VERIFY(app.store.count() >= storedBefore + int(before.size()));
    const QList<ClosedTrade> stored = app.store.trades();
    QHash<qint64, int> times;
    for (const ClosedTrade &t : stored)
        ++times[t.position.ticket];
    for (const qint64 ticket : before)
        QCOMPARE(times.value(ticket), 1);
    QCOMPARE(app.session->pendingTrades(), 0);
    qInfo() << "killed and restarted: back live" << reconnectMs << "ms after the restart began,"
            << retries.count() << "retries," << before.size() << "vanished positions recorded once";
}

void tst_FaultMatrix::serverStoppedHalfOpen()
{
    Simulator simulator;
    QVERIFY(simulator.start({u"--seed"_s, u"7"_s, u"--tick-ms"_s, u"50"_s}));
    SocketConfig config = fastConfig(simulator.url);
    config.maxRetries = 0; // keep trying while the server is frozen
    Harness app(config);
    app.socket.open();
    QTRY_VERIFY(app.book.count() > 0);

    // SIGSTOP: TCP stays up (the kernel still acks), but nothing answers.
    simulator.signal(SIGSTOP);
    QElapsedTimer frozen;
    frozen.start();
    QTRY_VERIFY_WITH_TIMEOUT(app.socket.state() != State::Open, 5000);
    const qint64 detectedMs = frozen.elapsed();
    // Detected within heartbeat + pong timeout (plus scheduling slack).
    QVERIFY2(detectedMs <= 200 + 300 + 1000, qPrintable(QString::number(detectedMs)));

    simulator.signal(SIGCONT);
    QElapsedTimer resumed;
    resumed.start();
    QTRY_COMPARE_WITH_TIMEOUT(app.socket.state(), State::Open, 10000);
    QTRY_VERIFY(app.book.lastSeq() > 2);
    qInfo() << "stopped: dead link found after" << detectedMs << "ms (heartbeat 200 + pong 300);"
            << "live again" << resumed.elapsed() << "ms after SIGCONT";
}

void tst_FaultMatrix::portRefusesThenReturns()
{
    Simulator simulator;
    QVERIFY(simulator.start({u"--seed"_s, u"8"_s}));
    Harness app(fastConfig(simulator.url));
    QSignalSpy states(&app.socket, &SocketManager::stateChanged);
    simulator.command("pause"); // the port now refuses
    QTRY_VERIFY(simulator.process->canReadLine());
    simulator.process->readAll();

    app.socket.open();
    QTRY_COMPARE_WITH_TIMEOUT(app.socket.state(), State::Failed, 10000);
    int attempts = 0;
    for (const auto &args : std::as_const(states))
        attempts += args.at(0).value<State>() == State::Connecting ? 1 : 0;
    QCOMPARE(attempts, 6); // the first attempt plus 5 retries
    QVERIFY(app.socket.lastError().contains("refused"_L1));

    // The server returns; the network "coming back" tries at once.
    simulator.command("resume");
    app.network.setOnline(false);
    app.network.setOnline(true);
    QTRY_COMPARE(app.socket.state(), State::Open);
    QTRY_VERIFY(app.book.count() > 0);
    qInfo() << "refused:" << attempts
            << "attempts, then Failed; live again after the network came back";

    // And a manual Reconnect works too.
    simulator.command("pause");
    simulator.command("drop 1001");
    QTRY_COMPARE_WITH_TIMEOUT(app.socket.state(), State::Failed, 10000);
    simulator.command("resume");
    app.socket.reconnectNow();
    QTRY_COMPARE(app.socket.state(), State::Open);
}

void tst_FaultMatrix::garbageOnTheWire()
{
    Simulator simulator;
    QVERIFY(simulator.start(
        {u"--seed"_s, u"9"_s, u"--tick-ms"_s, u"50"_s, u"--malformed-rate"_s, u"0.2"_s}));
    Harness app(fastConfig(simulator.url));
    app.socket.open();
    QTRY_COMPARE(app.socket.state(), State::Open);
    QSignalSpy states(&app.socket, &SocketManager::stateChanged);

    // Malformed JSON and wrong types: counted, ignored.
    QTRY_VERIFY(app.session->rejectedCount() >= 10);
    // A binary frame and a 20 MiB message over the 16 MiB limit.
    const qint64 rejectedBefore = app.session->rejectedCount();
    simulator.command("binary");
    simulator.command("oversize 20");
    QTRY_VERIFY_WITH_TIMEOUT(app.socket.ignoredCount() >= 2, 60000);
    QVERIFY(app.session->rejectedCount() >= rejectedBefore + 2);

    // A million small messages in one burst (clean ones, so that each can be counted).
    simulator.command("malformed 0");
    const qint64 rssBefore = residentKb();
    const qint64 acceptedBefore = app.session->acceptedCount();
    QElapsedTimer burst;
    burst.start();
    simulator.command("burst 1000000");
    QTRY_VERIFY_WITH_TIMEOUT(app.session->acceptedCount() >= acceptedBefore + 1'000'000, 180000);
    const qint64 burstMs = burst.elapsed();
    const qint64 rssAfter = residentKb();

    // The connection never went down, and memory stayed bounded.
    QCOMPARE(states.count(), 0);
    QCOMPARE(app.socket.state(), State::Open);
    QVERIFY2(rssAfter - rssBefore < kMemoryBoundKb,
             qPrintable(QString::number(rssAfter - rssBefore)));
    qInfo() << "garbage:" << app.session->rejectedCount() << "messages rejected,"
            << app.socket.ignoredCount() << "frames dropped (binary, 20 MiB), connection kept;"
            << "1M burst applied in" << burstMs << "ms, RSS" << rssBefore << "->" << rssAfter
            << "KiB";
}

void tst_FaultMatrix::reconnectStormIsSpreadOut()
{
    Simulator simulator;
    QVERIFY(simulator.start(
        {u"--seed"_s, u"10"_s, u"--tick-ms"_s, u"500"_s, u"--positions"_s, u"3"_s}));
    constexpr int kClients = 200;
    SocketConfig config = SocketConfig::forTrader(simulator.url, 10260);
    config.heartbeatInterval = 1h;
    // First retry uniform in [0, 2 s], then full-jitter backoff.
    config.reconnectMin = 2000ms;
    config.reconnectMax = 8000ms;
    config.connectTimeout = 3000ms;
    config.maxRetries = 0;
    std::vector<std::unique_ptr<SocketManager>> managers;
    QList<qint64> attempts; // ms since the restart
    QElapsedTimer sinceRestart;
    bool restarted = false;
    for (int i = 0; i < kClients; ++i) {
        auto manager = std::make_unique<SocketManager>(config);
        QObject::connect(manager.get(), &SocketManager::stateChanged, manager.get(),
                         [&](State state) {
                             if (restarted && state == State::Connecting)
                                 attempts.append(sinceRestart.elapsed());
                         });
        manager->open();
        managers.push_back(std::move(manager));
    }
    const auto openCount = [&] {
        return std::count_if(managers.begin(), managers.end(),
                             [](const auto &m) { return m->state() == State::Open; });
    };
    QTRY_COMPARE_WITH_TIMEOUT(openCount(), kClients, 30000);

    simulator.killHard();
    QVERIFY(simulator.restart());
    restarted = true;
    sinceRestart.start();
    QTRY_COMPARE_WITH_TIMEOUT(openCount(), kClients, 60000);

    // The most attempts that fell into any 100 ms window after the restart.
    std::sort(attempts.begin(), attempts.end());
    int most = 0;
    for (qsizetype i = 0, j = 0; i < attempts.size(); ++i) {
        while (attempts.at(i) - attempts.at(j) >= 100)
            ++j;
        most = std::max(most, int(i - j + 1));
    }
    qInfo() << "storm:" << kClients << "clients," << attempts.size()
            << "attempts after the restart; at most" << most << "in any 100 ms ("
            << (100.0 * most / kClients) << "% of the clients)";
    QVERIFY2(most < kClients * 15 / 100, qPrintable(QString::number(most)));
}

QTEST_GUILESS_MAIN(tst_FaultMatrix)
#include "tst_faultmatrix.moc"

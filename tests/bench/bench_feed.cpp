// SPDX-License-Identifier: GPL-3.0-or-later
// The feed benchmark's C++ side (driven by scripts/bench):
//   bench_feed serve --positions P --messages N [--rate R]   the sender; prints its URL first
//       [--frames-per-write F | --pause-every K] [--warmup W] [--no-stamp]: the issue's shape
//   bench_feed client --mode ours|bare --url U --messages N
//       ours: SocketManager -> FeedParser -> PositionBook -> PositionsModel (the real path)
//       bare: a QWebSocket that only counts (the transport's ceiling)
//   bench_feed snapshot --positions P   Snapshot apply time and memory per position
//   bench_feed app-settings   the app's settings for the stall run (sorted on Price)
//   bench_feed table --positions P --ticks T   what one flush of T ticks costs the GUI thread
//       with P rows sorted on Price: the sort after the change and a repaint of the table
//   bench_feed lists --positions P   what a whole list of P positions costs the GUI thread
//       (seed dialect, the page sorted on Price, grouped by signal trader and flat): its
//       arrival, a list with a tenth of the prices moved, and the empty list after it
// Each prints one JSON object. Timing is measured, never asserted.
#include "benchsender.h"
#include "columnfit.h"
#include "domain/priceprecision.h"
#include "feed/feedsession.h"
#include "feed/positionbook.h"
#include "history/tradehistory.h"
#include "models/accountsummary.h"
#include "models/positionsgroupmodel.h"
#include "models/positionsmodel.h"
#include "named.h"
#include "net/socketmanager.h"
#include "opentradespage.h"
#include "processmemory.h"
#include "protocol/feedmessages.h"
#include "protocol/feedprofile.h"
#include "qtbaseline.h"
#include "simulator/tradingsimulation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QWebSocket>

#include <QRandomGenerator>
#include <QSettings>
#include <QSocketNotifier>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) {
        return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// The "sent" stamp of a benchmark message (0 when there is none).
qint64 sentStamp(const QByteArray &message)
{
    const qsizetype at = message.indexOf(R"("sent":)");
    return at < 0 ? 0
                  : QByteArray(message.constData() + at + 7, 19).toLongLong() -
                        1'000'000'000'000'000'000;
}

void print(const QJsonObject &result)
{
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

double percentile(QList<qint64> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return double(values.at(qsizetype(p * double(values.size() - 1)))) / 1000.0;
}

// The state a client run keeps, and its report.
struct Run
{
    qint64 expected = 0;
    qint64 received = 0;
    double cpuStart = 0;
    QElapsedTimer wall;
    QList<qint64> latenciesNs;

    void start()
    {
        cpuStart = cpuSeconds();
        wall.start();
    }
    QJsonObject report(const QString &client) const
    {
        const double cpu = cpuSeconds() - cpuStart;
        QJsonObject r{{u"client"_s, client},
                      {u"messages"_s, received},
                      {u"cpu_s"_s, cpu},
                      {u"wall_s"_s, double(wall.nsecsElapsed()) / 1e9},
                      {u"msgs_per_cpu_s"_s, cpu > 0 ? double(received) / cpu : 0.0},
                      {u"us_per_msg"_s, received > 0 ? cpu * 1e6 / double(received) : 0.0},
                      {u"rss_kb"_s, residentKb()}};
        if (!latenciesNs.isEmpty()) {
            r.insert(u"p50_us"_s, percentile(latenciesNs, 0.50));
            r.insert(u"p99_us"_s, percentile(latenciesNs, 0.99));
        }
        return r;
    }
};

int serve(const QCommandLineParser &args)
{
    BenchSender::Options options;
    options.positions = args.value(u"positions"_s).toInt();
    options.messages = args.value(u"messages"_s).toInt();
    options.rate = args.value(u"rate"_s).toInt();
    options.probeEvery = args.value(u"probe-every"_s).toInt();
    options.framesPerWrite = args.value(u"frames-per-write"_s).toInt();
    options.pauseEvery = args.value(u"pause-every"_s).toInt();
    options.warmup = args.value(u"warmup"_s).toInt();
    options.stamped = !args.isSet(u"no-stamp"_s);
    BenchSender sender(options);
    if (!sender.listen())
        return 1;
    std::printf("ws://127.0.0.1:%u/\n%lld\n", unsigned(sender.port()), qint64(sender.updateSize()));
    std::fflush(stdout);
    // The driver (run_bench.py) reads the client's CPU time when the client is ready, then
    // says "go" on stdin; "done" comes once the client has handled every update.
    QObject::connect(&sender, &BenchSender::ready, &sender, [] {
        print(QJsonObject{{u"event"_s, u"ready"_s}});
    });
    QObject::connect(&sender, &BenchSender::unsubscribed, &sender, [](qint64 atNs) {
        print(QJsonObject{{u"event"_s, u"unsubscribe"_s}, {u"at_ns"_s, double(atNs)}});
    });
    QObject::connect(&sender, &BenchSender::warm, &sender, [] {
        print(QJsonObject{{u"event"_s, u"warm"_s}});
    });
    QObject::connect(&sender, &BenchSender::done, &sender,
                     [](const QList<qint64> &latencies, qint64 streamNs) {
                         QJsonObject event{{u"event"_s, u"done"_s},
                                           {u"stream_s"_s, double(streamNs) / 1e9},
                                           {u"probes"_s, latencies.size()}};
                         if (!latencies.isEmpty()) {
                             event.insert(u"probe_p50_us"_s, percentile(latencies, 0.50));
                             event.insert(u"probe_p99_us"_s, percentile(latencies, 0.99));
                             event.insert(u"probe_max_us"_s, percentile(latencies, 1.0));
                         }
                         print(event);
                     });
    QSocketNotifier input(0, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &sender, [&] {
        char line[64] = {};
        const ssize_t n = ::read(0, line, sizeof line - 1);
        if (n <= 0) { // the driver is gone
            input.setEnabled(false);
            QCoreApplication::exit(0);
        } else if (std::strncmp(line, "go", 2) == 0) {
            sender.go();
        }
    });
    return QCoreApplication::exec();
}

int client(const QCommandLineParser &args)
{
    const QString mode = args.value(u"mode"_s);
    const QUrl url(args.value(u"url"_s));
    Run run;
    run.expected = args.value(u"messages"_s).toLongLong();
    const bool latency = args.isSet(u"latency"_s);
    if (latency)
        run.latenciesNs.reserve(run.expected);

    // --stay: report, then keep running until killed, so that the driver can read the CPU
    // time from outside once the sender has seen every update handled.
    const bool stay = args.isSet(u"stay"_s);
    const auto finish = [&] {
        print(run.report(mode));
        if (!stay)
            QCoreApplication::exit(run.received == run.expected ? 0 : 1);
    };
    QTimer giveUp;
    giveUp.setSingleShot(true);
    QObject::connect(&giveUp, &QTimer::timeout, qApp, [&] {
        std::fprintf(stderr, "timed out with %lld of %lld\n", run.received, run.expected);
        finish();
    });
    giveUp.start(args.value(u"timeout-s"_s).toInt() * 1000);

    if (mode == "bare"_L1) {
        QWebSocket socket;
        bool snapshot = true;
        QObject::connect(&socket, &QWebSocket::connected, &socket, [&] {
            socket.sendTextMessage(uR"({"type":"Subscribe","traderid":10260})"_s);
        });
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [&](const QString &) {
            if (std::exchange(snapshot, false)) {
                run.start();
                return;
            }
            if (++run.received == run.expected)
                finish();
        });
        socket.setMaxAllowedIncomingMessageSize(512 * 1024 * 1024);
        socket.setMaxAllowedIncomingFrameSize(512 * 1024 * 1024);
        socket.open(url);
        return QCoreApplication::exec();
    }

    SocketConfig config = FeedProfile::native().configFor(url, 10260);
    config.heartbeatInterval = 1h; // no pings in a measurement
    config.maxIncomingMessageSize = 512 * 1024 * 1024;
    SocketManager socket(config);
    PositionBook book;
    PositionsModel model(&book);
    FeedSession session(&socket, &book, nullptr);
    bool snapshot = true;
    // Connected after the session: it runs once the message is applied to the book.
    QObject::connect(
        &socket, &SocketManager::messageReceived, &socket, [&](const QByteArray &message) {
            if (std::exchange(snapshot, false)) {
                run.start();
                return;
            }
            if (latency)
                run.latenciesNs.append(BenchSender::monotonicNs() - sentStamp(message));
            if (++run.received == run.expected) {
                model.flush();
                finish();
            }
        });
    socket.open();
    const int status = QCoreApplication::exec();
    if (session.rejectedCount() > 0)
        std::fprintf(stderr, "rejected %lld: %s\n", session.rejectedCount(),
                     qPrintable(session.lastRejection()));
    return status;
}

// The obvious Qt code for a Snapshot: QJsonDocument, then a QHash of positions by ticket.
qsizetype plainQtApply(const QByteArray &bytes, QHash<qint64, Position> *book)
{
    book->clear();
    for (const Position &p : qtBaselineParse(bytes))
        book->insert(p.ticket, p);
    return book->size();
}

int snapshotBench(const QCommandLineParser &args)
{
    const int count = args.value(u"positions"_s).toInt();
    TradingSimulation::Options options;
    options.positions = count;
    options.startTime = 1732590000000;
    QByteArray bytes;
    {
        TradingSimulation account(options);
        bytes = FeedMessages::snapshot(1, account.openPositions());
    }
    const qint64 rssEmpty = residentKb();

    // Ours: parse, book, model reset, as the app does it.
    SocketManager socket;
    PositionBook book;
    PositionsModel model(&book);
    FeedSession session(&socket, &book, nullptr);
    QElapsedTimer timer;
    timer.start();
    session.handleMessage(bytes);
    const double oursMs = double(timer.nsecsElapsed()) / 1e6;
    const qint64 rssHeld = residentKb();
    // Applied again over a full book: the reconciling path.
    timer.start();
    session.handleMessage(bytes);
    const double oursAgainMs = double(timer.nsecsElapsed()) / 1e6;

    QHash<qint64, Position> plain;
    timer.start();
    const qsizetype plainCount = plainQtApply(bytes, &plain);
    const double plainMs = double(timer.nsecsElapsed()) / 1e6;

    print(QJsonObject{{u"positions"_s, count},
                      {u"bytes"_s, bytes.size()},
                      {u"ours_ms"_s, oursMs},
                      {u"ours_again_ms"_s, oursAgainMs},
                      {u"plain_qt_ms"_s, plainMs},
                      {u"speedup"_s, plainMs / oursMs},
                      {u"held"_s, book.count()},
                      {u"plain_held"_s, plainCount},
                      {u"rss_empty_kb"_s, rssEmpty},
                      {u"rss_held_kb"_s, rssHeld},
                      {u"bytes_per_position"_s, double(rssHeld - rssEmpty) * 1024.0 / count}});
    return book.count() == count && plainCount == count ? 0 : 1;
}

// Settings for the app under test (QSettings follows XDG_CONFIG_HOME): Open Trades sorted on
// the Price column, descending, as a trader who sorts on a ticking column would leave it,
// saved by the page itself after its columns were fitted to typical rows.
int appSettings()
{
    QCoreApplication::setOrganizationName(u"TradeMonitor"_s);
    QCoreApplication::setApplicationName(u"trade-monitor"_s);
    TradingSimulation::Options options;
    options.positions = 1000;
    options.startTime = 1732590000000;
    PositionBook book;
    book.applySnapshot(TradingSimulation(options).openPositions());
    PositionsModel positions(&book);
    AccountSummary summary(&book);
    OpenTradesPage page(&positions, &summary);
    page.resize(1280, 600); // the table of the main window's default size
    page.show();
    named<ColumnFit>(&page, u"columnFit"_s)->fitToContents();
    page.table()->sortByColumn(PositionsModel::PriceColumn, Qt::DescendingOrder);
    QSettings settings;
    page.saveState(settings);
    settings.sync();
    return settings.status() == QSettings::NoError ? 0 : 1;
}

// Counts the paints of a widget.
class PaintCounter : public QObject
{
public:
    using QObject::QObject;
    int paints = 0;
    qint64 paintNs = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            ++paints;
            QElapsedTimer timer;
            timer.start();
            static_cast<QWidget *>(watched)->removeEventFilter(this);
            QCoreApplication::sendEvent(watched, event);
            watched->installEventFilter(this);
            paintNs += timer.nsecsElapsed();
            return true;
        }
        return false;
    }
};

// The GUI thread's share of a flush, phase by phase, without the feed around it: the rows
// re-sorted after a burst of ticks (the flush), then the event loop's repaints that follow.
int tableBench(const QCommandLineParser &args)
{
    const int count = args.value(u"positions"_s).toInt();
    const int ticks = args.value(u"ticks"_s).toInt();
    const int rounds = args.value(u"rounds"_s).toInt();
    TradingSimulation::Options options;
    options.positions = count;
    options.startTime = 1732590000000;
    PositionBook book;
    book.applySnapshot(TradingSimulation(options).openPositions());
    PositionsModel positions(&book);
    AccountSummary summary(&book);
    OpenTradesPage page(&positions, &summary);
    page.resize(1280, 600); // the table of the main window's default size
    page.table()->sortByColumn(PositionsModel::PriceColumn, Qt::DescendingOrder);
    page.show();
    QCoreApplication::processEvents();
    PaintCounter counter;
    page.table()->viewport()->installEventFilter(&counter);

    QRandomGenerator random(7);
    QList<double> flushMs, afterMs;
    QElapsedTimer timer;
    for (int round = 0; round < rounds; ++round) {
        QList<Position> changed;
        changed.reserve(ticks);
        for (int i = 0; i < ticks; ++i) {
            Position p = book.at(random.bounded(book.count()));
            // A few points up or down, quoted with the instrument's decimals.
            const double scale = std::pow(10.0, PricePrecision::decimalsOf(p.price));
            p.price = (std::round(p.price * scale) + random.bounded(-5, 6)) / scale;
            changed.append(p);
        }
        book.applyPositions(changed);
        timer.start();
        page.model()->flush();
        flushMs.append(double(timer.nsecsElapsed()) / 1e6);
        timer.start();
        // What the flush left for the event loop: layouts and paints.
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        afterMs.append(double(timer.nsecsElapsed()) / 1e6);
    }
    const auto median = [](QList<double> v) {
        std::sort(v.begin(), v.end());
        return v.at(v.size() / 2);
    };
    const auto worst = [](const QList<double> &v) { return *std::max_element(v.begin(), v.end()); };
    QTableView *table = page.table();
    print(QJsonObject{
        {u"positions"_s, count},
        {u"ticks"_s, ticks},
        {u"rows_shown"_s, table->rowAt(table->viewport()->height() - 1) - table->rowAt(0) + 1},
        {u"flush_ms_median"_s, median(flushMs)},
        {u"flush_ms_max"_s, worst(flushMs)},
        {u"after_ms_median"_s, median(afterMs)},
        {u"after_ms_max"_s, worst(afterMs)},
        {u"paints_per_flush"_s, double(counter.paints) / rounds},
        {u"ms_per_paint"_s, double(counter.paintNs) / 1e6 / std::max(1, counter.paints)}});
    return 0;
}

// Whole lists through the app's own path on the GUI thread: the seed dialect's message parsed
// by FeedSession, the book, the models, the page sorted on Price (grouped by signal trader, or
// flat), then the event loop's layouts and paints. A feed that swings between the whole list
// and none: its first arrival (the columns fitted to the first rows, the parser's buffers
// grown), then rounds of arrival, a list with a tenth of the prices moved, and the empty list.
// The vanished positions' closes go to a history file; what writing them (and withdrawing
// them when the positions are back) costs is measured apart.
int listsBench(const QCommandLineParser &args)
{
    const int count = args.value(u"positions"_s).toInt();
    const int rounds = args.value(u"rounds"_s).toInt();
    TradingSimulation::Options options;
    options.positions = count;
    options.startTime = 1732590000000;
    const QList<Position> positions = TradingSimulation(options).openPositions();
    const FeedProfile seed = FeedProfile::seed();
    const QByteArray whole = FeedMessages::list(FeedMessages::encodeData(positions, seed));
    QList<Position> moved = positions;
    QRandomGenerator random(11);
    for (int i = 0; i < count / 10; ++i) {
        Position &p = moved[random.bounded(count)];
        p.price *= 1.0001;
        p.profit += 1.0;
    }
    const QByteArray ticked = FeedMessages::list(FeedMessages::encodeData(moved, seed));
    const QByteArray empty = FeedMessages::list("[]");
    const auto median = [](QList<double> v) {
        std::sort(v.begin(), v.end());
        return v.isEmpty() ? 0.0 : v.at(v.size() / 2);
    };
    const auto worst = [](const QList<double> &v) {
        return v.isEmpty() ? 0.0 : *std::max_element(v.begin(), v.end());
    };

    QJsonObject result{{u"positions"_s, count}, {u"rounds"_s, rounds}};
    for (const auto &[name, grouping] :
         {std::pair{u"grouped"_s, PositionsGroupModel::Grouping::SignalTrader},
          std::pair{u"flat"_s, PositionsGroupModel::Grouping::None}}) {
        QTemporaryDir dir;
        SocketManager socket;
        PositionBook book;
        // The history's share: from the book's word to the history's, the book's signals
        // connected before the session's.
        QElapsedTimer historyClock;
        qint64 historyNs = 0;
        QObject::connect(&book, &PositionBook::tradesClosed, &book, [&] { historyClock.start(); });
        QObject::connect(&book, &PositionBook::positionsReset, &book,
                         [&] { historyClock.start(); });
        TradeHistory history;
        QObject::connect(&history, &TradeHistory::changed, &history, [&] {
            if (historyClock.isValid())
                historyNs += historyClock.nsecsElapsed();
            historyClock.invalidate();
        });
        history.open(dir.filePath(u"history.sqlite"_s));
        history.setAccount(Account::of(QUrl(u"ws://127.0.0.1:1/feed"_s), 10260));
        FeedSession session(&socket, &book, &history);
        session.setProfile(seed);
        PositionsModel positions(&book);
        AccountSummary summary(&book);
        OpenTradesPage page(&positions, &summary);
        page.resize(1280, 600); // the table of the main window's default size
        page.setGrouping(grouping);
        page.table()->sortByColumn(PositionsModel::PriceColumn, Qt::DescendingOrder);
        page.show();
        QCoreApplication::processEvents();
        // The GUI thread's time for one message, the history's part apart.
        const auto timed = [&](const QByteArray &message, QList<double> *total,
                               QList<double> *ofHistory) {
            historyNs = 0;
            historyClock.invalidate();
            QElapsedTimer timer;
            timer.start();
            session.handleMessage(message);
            page.model()->flush(); // what the flush timer does a moment later
            // What the change left for the event loop: layouts and paints.
            QCoreApplication::processEvents();
            QCoreApplication::processEvents();
            total->append(double(timer.nsecsElapsed() - historyNs) / 1e6);
            // A large batch of closes is written on the history's own thread: its share is the
            // time until it is in the file, whenever that is.
            if (!ofHistory)
                return;
            QElapsedTimer waited;
            waited.start();
            while (historyClock.isValid() && waited.elapsed() < 60000)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
            ofHistory->append(double(historyNs) / 1e6);
        };
        QList<double> first, arrival, tick, gone, closesWritten, closesWithdrawn;
        timed(whole, &first, nullptr);
        for (int round = 0; round < rounds; ++round) {
            timed(ticked, &tick, nullptr);
            timed(empty, &gone, &closesWritten);
            if (book.count() != 0 || history.store()->count(history.account()) != count)
                return 1;
            timed(whole, &arrival, &closesWithdrawn);
            if (book.count() != count)
                return 1;
        }
        result.insert(name,
                      QJsonObject{{u"first_arrival_ms"_s, first.at(0)},
                                  {u"arrival_ms_median"_s, median(arrival)},
                                  {u"arrival_ms_max"_s, worst(arrival)},
                                  {u"tick_ms_median"_s, median(tick)},
                                  {u"tick_ms_max"_s, worst(tick)},
                                  {u"empty_ms_median"_s, median(gone)},
                                  {u"empty_ms_max"_s, worst(gone)},
                                  {u"history_write_ms_median"_s, median(closesWritten)},
                                  {u"history_withdraw_ms_median"_s, median(closesWithdrawn)}});
    }
    print(result);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // Offscreen: the benchmark needs no display (app-settings builds a header view).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser args;
    args.addPositionalArgument(u"command"_s, u"serve, client or snapshot"_s);
    args.addOptions(
        {{u"positions"_s, u"positions"_s, u"N"_s, u"1000"_s},
         {u"messages"_s, u"messages"_s, u"N"_s, u"100000"_s},
         {u"ticks"_s, u"table: ticks per flush"_s, u"N"_s, u"2000"_s},
         {u"rounds"_s, u"table: flushes measured"_s, u"N"_s, u"50"_s},
         {u"rate"_s, u"messages per second, 0 = saturate"_s, u"N"_s, u"0"_s},
         {u"mode"_s, u"ours or bare"_s, u"MODE"_s, u"ours"_s},
         {u"url"_s, u"feed"_s, u"URL"_s},
         {u"latency"_s, u"record send-to-applied latency"_s},
         {u"probe-every"_s, u"paced: a latency probe after every N-th update"_s, u"N"_s, u"10"_s},
         {u"stay"_s, u"keep running after the last message"_s},
         {u"frames-per-write"_s, u"saturated: frames per TCP write, 0 = a megabyte"_s, u"N"_s,
          u"0"_s},
         {u"pause-every"_s, u"paced: one frame per write, a 1 ms pause after every N-th"_s, u"N"_s,
          u"0"_s},
         {u"warmup"_s, u"pause after N updates until the client has handled them"_s, u"N"_s,
          u"0"_s},
         {u"no-stamp"_s, u"no \"sent\" stamp in the updates"_s},
         {u"timeout-s"_s, u"give up after"_s, u"S"_s, u"120"_s}});
    args.process(app);
    const QString command = args.positionalArguments().value(0);
    if (command == "serve"_L1)
        return serve(args);
    if (command == "client"_L1)
        return client(args);
    if (command == "snapshot"_L1)
        return snapshotBench(args);
    if (command == "app-settings"_L1)
        return appSettings();
    if (command == "table"_L1)
        return tableBench(args);
    if (command == "lists"_L1)
        return listsBench(args);
    args.showHelp(2);
}

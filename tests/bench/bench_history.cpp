// SPDX-License-Identifier: GPL-3.0-or-later
// The history at scale: builds history files of 100,000 and 1,000,000 closed trades spread
// over five years, then measures what a trader meets with the whole window against a feed:
// the start (the window up and Open Trades live), Closed Trades shown after Ctrl+2, a change
// of period, sort and filter, Open Trades subscribed again after Ctrl+1, resident memory, and
// the rate at which trades go into the full file (with the longest time the GUI thread was
// held by one write), every account's trades together, and the one-time update of a file of
// the release before. Prints a JSON line per size and a table against the targets of issue
// 25; timing is reported, never asserted. --quick: one tiny file, to prove it runs.
#include "closedtradespage.h"
#include "config/appoptions.h"
#include "config/appsettings.h"
#include "feed/feedsession.h"
#include "feed/positionbook.h"
#include "filterbar.h"
#include "history/closedtradestore.h"
#include "history/tradehistory.h"
#include "mainwindow.h"
#include "models/traderstatisticsmodel.h"
#include "named.h"
#include "net/socketmanager.h"
#include "performancecharts.h"
#include "processmemory.h"
#include "protocol/feedprofile.h"
#include "session/accountsession.h"
#include "simulator/feedsimulator.h"
#include "stallmonitor.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr qint64 kFiveYearsMs = 5LL * 365 * 24 * 3600 * 1000;
constexpr int kBatch = 10'000;

void print(const QJsonObject &result)
{
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

// `count` trades closed over `span` before `now` (in random order), tickets from `first`: a
// copy-trading account's mix (three signal traders and its own), six symbols.
QList<ClosedTrade> makeTrades(QRandomGenerator &random, qint64 first, int count, qint64 now,
                              qint64 span = kFiveYearsMs)
{
    static const char *const symbols[] = {"EURUSD", "XAUUSD", "GBPUSD", "US30", "BTCUSD", "USDJPY"};
    static const char *const names[] = {"AlphaTrend FX", "Gold Scalper Pro", "Steady Carry"};
    QList<ClosedTrade> trades;
    trades.reserve(count);
    for (int i = 0; i < count; ++i) {
        ClosedTrade t;
        Position &p = t.position;
        p.ticket = first + i;
        p.symbol = QString::fromLatin1(symbols[random.bounded(6)]);
        p.side = random.bounded(2) ? Position::Side::Buy : Position::Side::Sell;
        p.volume = 0.01 * (1 + random.bounded(200));
        p.openPrice = 1.0 + random.generateDouble();
        t.closePrice = p.openPrice * (0.99 + 0.02 * random.generateDouble());
        p.price = t.closePrice;
        p.profit = std::round((random.generateDouble() - 0.45) * 20000.0) / 100.0;
        p.swap = -std::round(random.generateDouble() * 300.0) / 100.0;
        p.commission = -std::round(p.volume * 700.0) / 100.0;
        t.closeTime = now - qint64(random.generateDouble() * double(span));
        p.openTime = t.closeTime - 60'000 - qint64(random.bounded(86'400'000));
        const int trader = random.bounded(4);
        p.flwsig = trader < 3;
        p.sigtraderid = p.flwsig ? 88001 + trader : 0;
        p.signame = p.flwsig ? QString::fromLatin1(names[trader]) : QString();
        t.reason =
            random.bounded(2) ? ClosedTrade::Reason::TakeProfit : ClosedTrade::Reason::StopLoss;
        trades.append(t);
    }
    return trades;
}

// Runs the event loop until nothing is left to do (a few turns without events).
void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
}

// A step as a trader meets it: the longest the GUI thread was held while it happened, and
// how long until what it asked for is shown (the figures read off the GUI thread included).
struct Step
{
    double heldMs = 0;
    double shownMs = 0;
};

template<typename Done, typename Action> Step timedUntil(Done done, Action action)
{
    // The longest the GUI thread went without its millisecond tick, the step's own work and
    // everything it left for the event loop included.
    StallMonitor stalls;
    stalls.start();
    QElapsedTimer timer;
    timer.start();
    action();
    if (!QTest::qWaitFor(done, 120000))
        std::fprintf(stderr, "bench_history: the figures never came\n");
    settle();
    Step step;
    step.shownMs = double(timer.nsecsElapsed()) / 1e6;
    stalls.stop();
    step.heldMs = double(stalls.longest().count()) / 1e6;
    return step;
}

template<typename Action> Step timed(const ClosedTradesModel *model, Action action)
{
    return timedUntil([model] { return !model->isReading(); }, action);
}

int run(int size, const QString &folder)
{
    FeedSimulator::Options options;
    options.simulation.seed = 7;
    options.simulation.positions = 200;
    FeedSimulator simulator(options);
    if (!simulator.listen())
        return 1;
    SocketConfig config = FeedProfile::native().configFor(simulator.url(), 10260);
    const Account account = Account::of(config.url, config.traderId);
    const QString path = QDir(folder).filePath(u"history-%1.sqlite"_s.arg(size));
    QFile::remove(path);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QRandomGenerator random{quint32(size)};

    // The file, built as the feed's History would build it: batches of ten thousand.
    double buildMs = 0;
    {
        ClosedTradeStore store;
        if (!store.open(path))
            return 1;
        QElapsedTimer timer;
        timer.start();
        for (int done = 0; done < size; done += kBatch) {
            if (!store.record(account, makeTrades(random, 1'000'000 + done,
                                                  std::min(kBatch, size - done), now)))
                return 1;
        }
        buildMs = double(timer.nsecsElapsed()) / 1e6;
    }
    const qint64 rssBefore = residentKb();

    // The window, started on Open Trades against the feed.
    QElapsedTimer start;
    start.start();
    AccountSession session;
    SocketManager &socket = *session.socket();
    socket.setConfig(config);
    TradeHistory &history = *session.history();
    history.open(path);
    history.setAccount(account);
    QSettings ini(QDir(folder).filePath(u"window.ini"_s), QSettings::IniFormat);
    AppSettings settings(&ini);
    const AppOptions noOptions;
    MainWindow window(&session, {settings, noOptions}, MainWindow::OpenTradesTab);
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitFor([&] { return socket.state() == SocketManager::State::Live; }, 60000))
        return 1;
    const double startMs = double(start.nsecsElapsed()) / 1e6;
    settle();

    ClosedTradesPage *page = named<ClosedTradesPage>(&window, u"closedTradesPage"_s);
    const ClosedTradesModel *model = page->model();
    QTableView *table = page->table();
    const auto choosePeriod = [page](ClosedTradesModel::Period period) {
        named<QComboBox>(page, u"period"_s)
            ->setCurrentIndex(named<QComboBox>(page, u"period"_s)->findData(int(period)));
    };
    const Step closed = timed(model, [&] {
        named<QTabWidget>(&window, u"tabs"_s)->setCurrentIndex(MainWindow::ClosedTradesTab);
    });
    const Step all = timed(model, [&] { choosePeriod(ClosedTradesModel::Period::All); });
    const int rows = table->model()->rowCount();
    const Step sort = timed(model, [&] {
        table->horizontalHeader()->setSortIndicator(ClosedTradesModel::ProfitColumn,
                                                    Qt::DescendingOrder);
    });
    const Step filter = timed(model, [&] {
        named<FilterBar>(page, u"filters"_s)->modeButton(PositionFilter::Mode::Mine)->click();
    });
    const Step search =
        timed(model, [&] { named<FilterBar>(page, u"filters"_s)->searchBox()->setText(u"EUR"_s); });
    const Step scroll = timed(model, [&] { table->scrollToBottom(); });
    // The charts' share of those: drawing the days of the period shown.
    const Step charts = timed(model, [&] {
        named<PerformanceCharts>(page, u"charts"_s)->setPerformance(page->model()->performance());
    });
    const int shownMine = table->model()->rowCount();
    // "All" once the history is kept: what a trader meets after the first seconds.
    if (!QTest::qWaitFor([model] { return model->isHistoryKept(); }, 120000))
        return 1;
    const double keptByMs = double(start.nsecsElapsed()) / 1e6; // since start, at the latest
    timed(model, [&] {
        named<FilterBar>(page, u"filters"_s)->searchBox()->clear();
        named<FilterBar>(page, u"filters"_s)->modeButton(PositionFilter::Mode::All)->click();
        choosePeriod(ClosedTradesModel::Period::Today);
    });
    const Step allKept = timed(model, [&] { choosePeriod(ClosedTradesModel::Period::All); });
    // The statistics per signal trader of "All": one pass over every trade in close order.
    const TraderStatisticsModel *statistics = page->statisticsModel();
    timedUntil([&] { return !model->isReading() && !statistics->isReading(); },
               [&] { choosePeriod(ClosedTradesModel::Period::Today); });
    const Step statisticsAll =
        timedUntil([&] { return !model->isReading() && !statistics->isReading(); },
                   [&] { choosePeriod(ClosedTradesModel::Period::All); });
    // Every account's trades: a second account's, a tenth as many, written into the same
    // file as its session would, then "All accounts" over the whole period, scrolled to its
    // end, with the statistics per signal trader across both.
    const Account prop = Account::of(QUrl(u"wss://prop.example.com/feed"_s), 5);
    for (int done = 0; done < size / 10; done += kBatch) {
        if (!history.fileStore()->record(prop, makeTrades(random, 80'000'000 + done,
                                                          std::min(kBatch, size / 10 - done), now)))
            return 1;
    }
    settle();
    QComboBox *accounts = named<QComboBox>(page, u"account"_s);
    if (!QTest::qWaitFor([accounts] { return accounts->findData(u"*"_s) >= 0; }, 60000) ||
        !QTest::qWaitFor([&] { return !model->isReading() && !statistics->isReading(); }, 120000))
        return 1;
    // The table, its totals and charts first; the statistics, one pass over every trade of
    // both accounts in close order, after them.
    const Step everyAccount =
        timed(model, [&] { accounts->setCurrentIndex(accounts->findData(u"*"_s)); });
    Step everyAccountStatistics = timedUntil([&] { return !statistics->isReading(); }, [] {});
    everyAccountStatistics.shownMs += everyAccount.shownMs;
    everyAccountStatistics.heldMs = std::max(everyAccountStatistics.heldMs, everyAccount.heldMs);
    const int rowsEveryAccount = table->model()->rowCount();
    const Step everyAccountScroll = timed(model, [&] { table->scrollToBottom(); });
    accounts->setCurrentIndex(accounts->findData(account.key()));
    if (!QTest::qWaitFor([&] { return !model->isReading() && !statistics->isReading(); }, 120000))
        return 1;

    // The next start: a model on the same file, "All" at once. What was kept is in the file.
    Step allNextStart;
    {
        ClosedTradeStore again;
        if (!again.open(path))
            return 1;
        QElapsedTimer timer;
        timer.start();
        ClosedTradesModel next(&again, account);
        next.setPeriod(ClosedTradesModel::Period::All);
        if (!QTest::qWaitFor([&next] { return !next.isReading(); }, 120000))
            return 1;
        allNextStart.shownMs = double(timer.nsecsElapsed()) / 1e6;
    }
    const qint64 rssClosed = residentKb();
    QElapsedTimer back;
    back.start();
    named<QTabWidget>(&window, u"tabs"_s)->setCurrentIndex(MainWindow::OpenTradesTab);
    if (!QTest::qWaitFor([&] { return socket.state() == SocketManager::State::Live; }, 60000))
        return 1;
    const double backMs = double(back.nsecsElapsed()) / 1e6;

    // Trades into the full file, a History of the last day's closes as a feed sends one after
    // an outage, batch by batch as its messages arrive: the rate until the last is in the
    // file, and the longest the GUI thread was held meanwhile (the writes are on the
    // writer's thread; the window reads them again as they land).
    const int extra = std::max(kBatch, size / 10);
    int written = 0; // counted as announced: counting the file would hold the GUI thread
    const QMetaObject::Connection counting =
        QObject::connect(history.fileStore(), &ClosedTradeStore::tradesRecorded,
                         [&written](int n) { written += n; });
    StallMonitor stalls;
    stalls.start();
    QElapsedTimer ingest;
    ingest.start();
    for (int done = 0; done < extra; done += kBatch) {
        history.record(makeTrades(random, 50'000'000 + done, std::min(kBatch, extra - done), now,
                                  24 * 3600 * 1000));
        QCoreApplication::processEvents(); // the next message arrives through the event loop
    }
    // Until the last batch is in the file, the event loop running as the window's does.
    if (!QTest::qWaitFor([&] { return written >= extra; }, 120000))
        return 1;
    QObject::disconnect(counting);
    const double ingestMs = double(ingest.nsecsElapsed()) / 1e6;
    settle();
    stalls.stop();
    const double longestBatchMs = double(stalls.longest().count()) / 1e6;
    const qint64 rssEnd = residentKb();

    // The first start of the release that keeps each account's currency: a copy of the file
    // as the release before left it, opened (its integrity checked) and updated, once, before
    // the window shows.
    double migrateMs = -1;
    {
        const QString before = path + u".schema4"_s;
        QFile::remove(before);
        {
            QSqlDatabase copy = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bench-copy"_s);
            copy.setDatabaseName(path);
            if (copy.open()) {
                QSqlQuery sql(copy);
                sql.prepare(u"VACUUM INTO ?"_s);
                sql.addBindValue(before);
                sql.exec();
            }
            copy.close();
        }
        QSqlDatabase::removeDatabase(u"bench-copy"_s);
        {
            QSqlDatabase old = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bench-old"_s);
            old.setDatabaseName(before);
            if (old.open()) {
                QSqlQuery sql(old);
                sql.exec(u"DROP TABLE account_currencies"_s);
                sql.exec(u"PRAGMA user_version = 4"_s);
            }
            old.close();
        }
        QSqlDatabase::removeDatabase(u"bench-old"_s);
        ClosedTradeStore updated;
        QElapsedTimer timer;
        timer.start();
        if (updated.open(before))
            migrateMs = double(timer.nsecsElapsed()) / 1e6;
        updated.close();
        QFile::remove(before);
    }

    const auto pair = [](const Step &step) {
        return QJsonObject{{u"held_ms"_s, step.heldMs}, {u"shown_ms"_s, step.shownMs}};
    };
    print(QJsonObject{{u"trades"_s, size},
                      {u"build_rate_per_s"_s, size / (buildMs / 1000.0)},
                      {u"start_ms"_s, startMs},
                      {u"closed_trades"_s, pair(closed)},
                      {u"period_all"_s, pair(all)},
                      {u"history_kept_by_ms"_s, keptByMs},
                      {u"period_all_kept"_s, pair(allKept)},
                      {u"period_all_next_start_ms"_s, allNextStart.shownMs},
                      {u"rows_all"_s, rows},
                      {u"sort_by_profit"_s, pair(sort)},
                      {u"filter_mine"_s, pair(filter)},
                      {u"search"_s, pair(search)},
                      {u"rows_found"_s, shownMine},
                      {u"scroll_to_end"_s, pair(scroll)},
                      {u"charts"_s, pair(charts)},
                      {u"statistics_all"_s, pair(statisticsAll)},
                      {u"every_account"_s, pair(everyAccount)},
                      {u"every_account_statistics"_s, pair(everyAccountStatistics)},
                      {u"rows_every_account"_s, rowsEveryAccount},
                      {u"every_account_scroll_to_end"_s, pair(everyAccountScroll)},
                      {u"schema_5_update_ms"_s, migrateMs},
                      {u"open_trades_live_again_ms"_s, backMs},
                      {u"ingest_rate_per_s"_s, extra / (ingestMs / 1000.0)},
                      {u"ingest_longest_batch_ms"_s, longestBatchMs},
                      {u"rss_mb_before_window"_s, double(rssBefore) / 1024.0},
                      {u"rss_mb_closed_trades"_s, double(rssClosed) / 1024.0},
                      {u"rss_mb_end"_s, double(rssEnd) / 1024.0}});
    std::printf("| %d | %.0f | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f | %.0f | %.0f / %.0f "
                "| %.0f / %.0f | %.0f / %.0f | %.0f / %.0f | %.0f | %.0f | %.0f | %.0f |\n",
                size, startMs, closed.heldMs, closed.shownMs, all.heldMs, all.shownMs,
                allKept.heldMs, allKept.shownMs, allNextStart.shownMs, sort.heldMs, sort.shownMs,
                filter.heldMs, filter.shownMs, search.heldMs, search.shownMs, scroll.heldMs,
                scroll.shownMs, backMs, extra / (ingestMs / 1000.0), longestBatchMs,
                double(std::max(rssClosed, rssEnd)) / 1024.0);
    std::printf("statistics per signal trader over All, %d trades: shown after %.0f ms, the GUI "
                "held at most %.0f ms\n",
                size, statisticsAll.shownMs, statisticsAll.heldMs);
    std::printf("All accounts (and %d trades of a second account), period All: shown after %.0f "
                "ms, its statistics after %.0f ms, the GUI held at most %.0f ms; scrolled to the "
                "end of %d rows: %.0f / %.0f ms; a file of the release before opened and updated "
                "in %.0f ms\n",
                size / 10, everyAccount.shownMs, everyAccountStatistics.shownMs,
                everyAccountStatistics.heldMs, rowsEveryAccount, everyAccountScroll.heldMs,
                everyAccountScroll.shownMs, migrateMs);
    std::fflush(stdout);
    return rows >= size ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser args;
    args.addOption({u"trades"_s, u"Sizes of the history files, comma-separated."_s, u"N,..."_s,
                    u"100000,1000000"_s});
    args.addOption({u"quick"_s, u"One tiny file: it runs."_s});
    args.addOption({u"dir"_s, u"Where the files go (a temporary folder by default)."_s, u"DIR"_s});
    args.addHelpOption();
    args.process(app);
    QTemporaryDir temporary;
    const QString folder = args.isSet(u"dir"_s) ? args.value(u"dir"_s) : temporary.path();
    QList<int> sizes;
    if (args.isSet(u"quick"_s)) {
        sizes = {2000};
    } else {
        for (const QString &size : args.value(u"trades"_s).split(u','))
            sizes.append(size.toInt());
    }
    std::printf("| trades | start ms (≤ 2000) | Closed Trades held / shown ms (≤ 300) | All "
                "at once | All, history kept | All at the next start, shown ms | sort by profit "
                "| filter Mine | search | scroll to the end | Open Trades live again ms (≤ 1000) "
                "| ingest /s (≥ 50,000) | longest write ms (GUI ≤ 16) | RSS MB (≤ 250) |\n"
                "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    int failures = 0;
    for (const int size : std::as_const(sizes))
        failures += run(size, folder);
    return failures == 0 ? 0 : 1;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixtures.h"
#include "history/closedtradestore.h"
#include "history/tradefigureloader.h"
#include "history/tradegroupcache.h"
#include "history/tradereader.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <functional>
#include <tuple>

using namespace Qt::StringLiterals;

namespace {

const Account kAccount = Account::of(QUrl(u"wss://feed.example.com/p"_s), 10260);
const Account kOther = Account::of(QUrl(u"wss://feed.example.com/p"_s), 777);
const QTimeZone kZone("Europe/Berlin");
constexpr qint64 kHour = 3600 * 1000;

constexpr char kTrade[] = R"({"symbol":"XAUUSD","volume":0.1,"openPrice":2300.5,
    "closePrice":2310.25,"reason":"tp"})";

qint64 at(const QDate &day, int hour)
{
    return QDateTime(day, QTime(hour, 0), kZone).toMSecsSinceEpoch();
}

ClosedTrade aTrade(qint64 ticket, qint64 closeTime, double profit,
                   ClosedTrade::Reason reason = ClosedTrade::Reason::TakeProfit)
{
    ClosedTrade t = Fixtures::trade(kTrade, {{u"ticket"_s, ticket},
                                             {u"openTime"_s, closeTime - kHour},
                                             {u"closeTime"_s, closeTime},
                                             {u"profit"_s, profit},
                                             {u"commission"_s, -0.5}});
    t.reason = reason;
    if (ticket % 3 == 0) {
        t.position.flwsig = true;
        t.position.sigtraderid = 40 + ticket % 2;
        t.position.signame = u"trader %1"_s.arg(t.position.sigtraderid);
    }
    if (ticket % 4 == 0)
        t.position.symbol = u"EURUSD"_s;
    return t;
}

// A history over most of a year, a few trades a day (so filling takes many steps).
QList<ClosedTrade> aYear(qint64 firstTicket = 1)
{
    QList<ClosedTrade> trades;
    const QDate first(2024, 1, 3);
    for (int day = 0; day < 300; day += 2) {
        for (int i = 0; i < 3; ++i) {
            const qint64 ticket = firstTicket + day * 3 + i;
            trades.append(aTrade(ticket, at(first.addDays(day), 8 + i * 7), (i - 1) * 12.5));
        }
    }
    return trades;
}

// A history file holding aYear(), as most cases start.
struct YearOfTrades
{
    YearOfTrades()
    {
        opened = store.open(dir.filePath(u"h.sqlite"_s)) && store.record(kAccount, aYear());
    }
    QTemporaryDir dir;
    ClosedTradeStore store;
    bool opened = false;
};

// A copy of ticket 1 (on the first day) put in without a word in the change log: only a
// reader of the trades sees it.
bool insertBehindTheLog(const QSqlDatabase &db)
{
    return QSqlQuery(db).exec(
        u"INSERT INTO closed_trades SELECT account, ticket + 90000, symbol, side, volume, "
        "open_price, close_price, sl, tp, swap, commission, profit, open_time, close_time, "
        "reason, flwsig, sigtraderid, signame, provisional FROM closed_trades WHERE ticket = 1"_s);
}

using GroupKey = std::tuple<QDate, bool, qint64, QString>;

GroupKey keyOf(const TradeGroup &g)
{
    return {g.day, g.flwsig, g.sigtraderid, g.symbol};
}

// Groups as a comparable text: order within a day is SQL's to choose.
QStringList described(QList<TradeGroup> groups)
{
    std::sort(groups.begin(), groups.end(),
              [](const TradeGroup &a, const TradeGroup &b) { return keyOf(a) < keyOf(b); });
    QStringList lines;
    for (const TradeGroup &g : std::as_const(groups)) {
        lines << u"%1 %2/%3 %4 %5: %6 trades (%7 unconfirmed) %8 %9 %10, newest %11"_s
                     .arg(g.day.toString(Qt::ISODate))
                     .arg(g.flwsig)
                     .arg(g.sigtraderid)
                     .arg(g.symbol, g.signame)
                     .arg(g.count)
                     .arg(g.unconfirmed)
                     .arg(g.profit, 0, 'f', 6)
                     .arg(g.swap, 0, 'f', 6)
                     .arg(g.commission, 0, 'f', 6)
                     .arg(g.newest);
    }
    return lines;
}

TradeQuery period(const Account &account, const QDate &first = {}, const QDate &after = {})
{
    TradeQuery query;
    query.account = account;
    query.from = first.isValid() ? first.startOfDay(kZone).toMSecsSinceEpoch() : 0;
    query.to = after.isValid() ? after.startOfDay(kZone).toMSecsSinceEpoch() : 0;
    return query;
}

using Change = std::function<void(ClosedTradeStore &)>;

// What the history held besides a year of trades when its groups were kept, and what the
// feed then changed.
struct Scenario
{
    const char *name;
    Change before;
    Change change;
};

void nothing(ClosedTradeStore &) {}

} // namespace

Q_DECLARE_METATYPE(Change)

class tst_TradeGroupCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keptDaysAreWhatTheFileSays_data();
    void keptDaysAreWhatTheFileSays();
    void answersFromMemoryUntilTheLogSaysOtherwise();
    void aRecentPeriodIsAnsweredWhileFilling();
    void whatWasKeptIsTakenAtTheNextStart();
    void onlyWholeDaysAreAnswered();
    void aFileWithoutTheLogIsReadDirectly();
    void theLoaderAnswersAllFromWhatItKeeps();
};

void tst_TradeGroupCache::keptDaysAreWhatTheFileSays_data()
{
    QTest::addColumn<Change>("before");
    QTest::addColumn<Change>("change");
    const QDate june(2024, 6, 10);
    const auto provisional = [june](ClosedTradeStore &s) {
        QVERIFY(s.record(kAccount, {aTrade(7000, at(june, 12), 0, ClosedTrade::Reason::Unknown)}));
    };
    const Scenario scenarios[] = {
        {"nothing changed", nothing, nothing},
        {"a new day's trades", nothing,
         [june](ClosedTradeStore &s) {
             QVERIFY(s.record(kAccount, {aTrade(5001, at(june.addDays(200), 9), 4),
                                         aTrade(5003, at(june.addDays(200), 23), -1)}));
         }},
        {"trades older than the oldest kept", nothing,
         [](ClosedTradeStore &s) {
             QVERIFY(s.record(kAccount, {aTrade(6000, at(QDate(2023, 12, 1), 10), 9)}));
         }},
        {"a trade's profit corrected in place", nothing,
         [](ClosedTradeStore &s) {
             // Ticket 2 closed on the first day: the same close, another profit.
             QVERIFY(s.record(kAccount, {aTrade(2, at(QDate(2024, 1, 3), 15), 99.25)}));
         }},
        {"a provisional close confirmed on another day", provisional,
         [june](ClosedTradeStore &s) {
             QVERIFY(s.record(kAccount, {aTrade(7000, at(june.addDays(40), 1), 30)}));
         }},
        {"a confirmed close moved to another day", nothing,
         [](ClosedTradeStore &s) {
             // Ticket 7 closed on 5 January; the feed now says 1 September.
             QVERIFY(s.record(kAccount, {aTrade(7, at(QDate(2024, 9, 1), 10), 3)}));
         }},
        {"a provisional close withdrawn", provisional,
         [](ClosedTradeStore &s) { QCOMPARE(s.withdrawProvisional(kAccount, {7000}), 1); }},
        {"another account's trades on the same days", nothing,
         [june](ClosedTradeStore &s) { QVERIFY(s.record(kOther, {aTrade(2, at(june, 9), 1e6)})); }},
        {"a History over the whole year again", nothing, [](ClosedTradeStore &s) {
             QVERIFY(s.record(kAccount, aYear()));
             QVERIFY(s.record(kAccount, aYear(100000)));
         }}};
    for (const Scenario &s : scenarios)
        QTest::newRow(s.name) << s.before << s.change;
}

void tst_TradeGroupCache::keptDaysAreWhatTheFileSays()
{
    // Kept, then changed as the feed changes a history: the groups kept are, after each
    // change, what reading the file gives, for the whole history and for a month of it.
    QFETCH(Change, before);
    QFETCH(Change, change);
    YearOfTrades file;
    QVERIFY(file.opened);
    ClosedTradeStore &store = file.store;
    before(store);
    // The other account's: a day of its own, and one of the first day's kinds (what every
    // account's days add up).
    QVERIFY(store.record(kOther, {aTrade(1, at(QDate(2024, 2, 1), 10), 5),
                                  aTrade(2, at(QDate(2024, 1, 3), 11), 7.25)}));
    const QSqlDatabase db = store.database();
    TradeGroupCache cache;
    int steps = 0;
    while (cache.warm(db, kAccount, kZone))
        ++steps;
    QVERIFY2(steps >= 5, "filled a month at a time");
    const TradeReader reader(db);
    // Every account's days too: each account's kept days added up.
    const auto everyAccount = [](TradeQuery query) {
        query.allAccounts = true;
        return query;
    };
    const QList<TradeQuery> periods = {
        period(kAccount), period(kAccount, QDate(2024, 6, 1), QDate(2024, 7, 1)), period(kOther),
        everyAccount(period(kAccount)),
        everyAccount(period(kAccount, QDate(2024, 6, 1), QDate(2024, 7, 1)))};
    for (const TradeQuery &q : periods) {
        const auto kept = cache.groups(db, q, kZone);
        QVERIFY(kept);
        QCOMPARE(described(*kept), described(reader.groups(q, kZone)));
    }
    change(store);
    if (QTest::currentTestFailed())
        return;
    for (const TradeQuery &q : periods) {
        const auto kept = cache.groups(db, q, kZone);
        QVERIFY(kept);
        QCOMPARE(described(*kept), described(reader.groups(q, kZone)));
        QVERIFY(!kept->isEmpty());
    }
}

void tst_TradeGroupCache::answersFromMemoryUntilTheLogSaysOtherwise()
{
    // A trade put in behind the log's back is not seen (the answer is the memory's); once
    // the log is too far ahead (pruned past what was read), everything is read again.
    YearOfTrades file;
    QVERIFY(file.opened);
    ClosedTradeStore &store = file.store;
    const QSqlDatabase db = store.database();
    TradeGroupCache cache;
    const TradeQuery all = period(kAccount);
    const auto before = cache.groups(db, all, kZone);
    QVERIFY(before);
    QSqlQuery sql(db);
    QVERIFY(insertBehindTheLog(db));
    const QStringList unlogged = described(TradeReader(db).groups(all, kZone));
    QVERIFY(unlogged != described(*before));
    QCOMPARE(described(*cache.groups(db, all, kZone)), described(*before));
    // Two batches, and the first one's entry pruned as if many more had come since.
    QVERIFY(store.record(kAccount, {aTrade(8000, at(QDate(2025, 3, 1), 10), 1)}));
    QVERIFY(store.record(kAccount, {aTrade(8001, at(QDate(2025, 4, 1), 10), 1)}));
    QVERIFY(sql.exec(u"DELETE FROM trade_changes WHERE seq < (SELECT MAX(seq) FROM "
                     "trade_changes)"_s));
    const auto after = cache.groups(db, all, kZone);
    QVERIFY(after);
    QCOMPARE(described(*after), described(TradeReader(db).groups(all, kZone)));
}

void tst_TradeGroupCache::aRecentPeriodIsAnsweredWhileFilling()
{
    // Filled newest first: after one step the last weeks are kept and answered; March is
    // not yet (read directly); a change in March meanwhile is in the days filled later.
    QTemporaryDir dir;
    ClosedTradeStore store;
    QVERIFY(store.open(dir.filePath(u"h.sqlite"_s)));
    const QList<ClosedTrade> year = aYear();
    QVERIFY(store.record(kAccount, year));
    const QSqlDatabase db = store.database();
    const TradeReader reader(db);
    TradeGroupCache cache;
    QVERIFY(cache.warm(db, kAccount, kZone));
    const QDate newest = QDateTime::fromMSecsSinceEpoch(year.constLast().closeTime, kZone).date();
    const TradeQuery lastWeek = period(kAccount, newest.addDays(-6), newest.addDays(1));
    const auto recent = cache.groups(db, lastWeek, kZone);
    QVERIFY(recent);
    QVERIFY(!recent->isEmpty());
    QCOMPARE(described(*recent), described(reader.groups(lastWeek, kZone)));
    const TradeQuery march = period(kAccount, QDate(2024, 3, 1), QDate(2024, 4, 1));
    QVERIFY(!cache.groups(db, march, kZone));
    QVERIFY(store.record(kAccount, {aTrade(9100, at(QDate(2024, 3, 12), 11), -8)}));
    const auto all = cache.groups(db, period(kAccount), kZone);
    QVERIFY(all);
    QCOMPARE(described(*all), described(reader.groups(period(kAccount), kZone)));
    QCOMPARE(described(*cache.groups(db, march, kZone)), described(reader.groups(march, kZone)));
}

void tst_TradeGroupCache::whatWasKeptIsTakenAtTheNextStart()
{
    // Filled once and saved in the file: the next start takes it from there (a trade put in
    // behind the log's back is not seen, so nothing was read again) and catches up on what
    // the log says came since. Another zone, or a saved form that cannot be read, is read
    // from the trades.
    YearOfTrades file;
    QVERIFY(file.opened);
    ClosedTradeStore &store = file.store;
    const QSqlDatabase db = store.database();
    const TradeReader reader(db);
    const TradeQuery all = period(kAccount);
    {
        TradeGroupCache first;
        while (first.warm(db, kAccount, kZone)) {
        }
        QVERIFY(first.isKept(kAccount, kZone));
    }
    QVERIFY(store.record(kAccount, {aTrade(9200, at(QDate(2025, 2, 3), 9), 42)}));
    const QStringList expected = described(reader.groups(all, kZone));
    QSqlQuery sql(db);
    QVERIFY(insertBehindTheLog(db));
    const QStringList inTheFile = described(reader.groups(all, kZone));
    QVERIFY(inTheFile != expected);

    TradeGroupCache next;
    QVERIFY(!next.warm(db, kAccount, kZone)); // nothing left to read
    QVERIFY(next.isKept(kAccount, kZone));
    QCOMPARE(described(*next.groups(db, all, kZone)), expected);

    const QTimeZone shanghai("Asia/Shanghai");
    TradeGroupCache elsewhere;
    QCOMPARE(described(*elsewhere.groups(db, all, shanghai)),
             described(reader.groups(all, shanghai)));

    QVERIFY(sql.exec(u"UPDATE trade_groups_kept SET groups = x'0000000100'"_s));
    TradeGroupCache damaged;
    QCOMPARE(described(*damaged.groups(db, all, kZone)), inTheFile);
}

void tst_TradeGroupCache::onlyWholeDaysAreAnswered()
{
    const QDate day(2024, 3, 31); // Berlin springs forward: the day starts at 00:00 still
    QVERIFY(TradeGroupCache::answers(period(kAccount), kZone));
    QVERIFY(TradeGroupCache::answers(period(kAccount, day, day.addDays(1)), kZone));
    TradeQuery partial = period(kAccount, day, day.addDays(1));
    partial.from += kHour;
    QVERIFY(!TradeGroupCache::answers(partial, kZone));
    // Another zone's midnight is not this zone's.
    QVERIFY(!TradeGroupCache::answers(period(kAccount, day, day.addDays(1)),
                                      QTimeZone("Asia/Shanghai")));
}

void tst_TradeGroupCache::aFileWithoutTheLogIsReadDirectly()
{
    // A schema 3 file (shown read-only without being updated) has no log: nothing is kept.
    YearOfTrades file;
    QVERIFY(file.opened);
    ClosedTradeStore &store = file.store;
    QSqlQuery sql(store.database());
    QVERIFY(sql.exec(u"DROP TABLE trade_changes"_s));
    TradeGroupCache cache;
    QVERIFY(!cache.warm(store.database(), kAccount, kZone));
    QVERIFY(!cache.groups(store.database(), period(kAccount), kZone));
}

void tst_TradeGroupCache::theLoaderAnswersAllFromWhatItKeeps()
{
    // Through the loader's own thread and connection: warmed, then asked for "All" and a
    // filtered period; each answer is what the file says at that moment.
    YearOfTrades file;
    QVERIFY(file.opened);
    ClosedTradeStore &store = file.store;
    TradeFigureLoader loader;
    QSignalSpy loaded(&loader, &TradeFigureLoader::loaded);
    loader.warm(&store, kAccount, kZone);
    TradeFigureLoader::Job job;
    job.query = period(kAccount);
    job.zone = kZone;
    loader.request(&store, job);
    QTRY_COMPARE(loaded.size(), 1);
    const auto first = loaded.takeFirst().at(0).value<TradeFigureLoader::Result>();
    QCOMPARE(described(first.groups), described(TradeReader(&store).groups(job.query, kZone)));
    QVERIFY(store.record(kAccount, {aTrade(9000, at(QDate(2025, 1, 2), 10), 77)}));
    job.query.filter.mode = PositionFilter::Mode::Following;
    loader.request(&store, job);
    QTRY_COMPARE(loaded.size(), 1);
    const auto filtered = loaded.takeFirst().at(0).value<TradeFigureLoader::Result>();
    QCOMPARE(described(filtered.groups), described(TradeReader(&store).groups(job.query, kZone)));
    job.query.filter = {};
    loader.request(&store, job);
    QTRY_COMPARE(loaded.size(), 1);
    const auto again = loaded.takeFirst().at(0).value<TradeFigureLoader::Result>();
    QCOMPARE(described(again.groups), described(TradeReader(&store).groups(job.query, kZone)));
    QVERIFY(described(again.groups) != described(first.groups));
}

QTEST_GUILESS_MAIN(tst_TradeGroupCache)
#include "tst_tradegroupcache.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/tradereader.h"

#include "domain/tradetext.h"

#include <QDateTime>
#include <QIODevice>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcReader, "trademonitor.store.read")

namespace {

// A piece of SQL and the values of its placeholders, in the order they appear.
struct Clause
{
    QString sql;
    QVariantList binds;

    Clause &operator+=(const Clause &other)
    {
        sql += other.sql;
        binds += other.binds;
        return *this;
    }
};

// The account and period: the range of the (account, close_time) key; for every account, the
// period alone (each account's run is read on its own where the order matters: OrderedRows).
Clause period(const TradeQuery &query)
{
    const qint64 to = query.to > 0 ? query.to : std::numeric_limits<qint64>::max();
    if (query.allAccounts)
        return {u"close_time >= ? AND close_time < ?"_s, {query.from, to}};
    return {u"account = ? AND close_time >= ? AND close_time < ?"_s,
            {query.account.key(), query.from, to}};
}

// PositionFilter::accepts, in SQL.
Clause filter(const PositionFilter &f)
{
    Clause clause;
    const qint64 trader = f.effectiveSignalTraderId();
    switch (f.mode) {
    case PositionFilter::Mode::All:
        if (trader != 0)
            clause += {u" AND flwsig <> 0 AND sigtraderid = ?"_s, {trader}};
        break;
    case PositionFilter::Mode::Following:
        clause += {u" AND flwsig <> 0"_s, {}};
        if (trader != 0)
            clause += {u" AND sigtraderid = ?"_s, {trader}};
        break;
    case PositionFilter::Mode::Mine:
        clause += {u" AND flwsig = 0"_s, {}};
        break;
    }
    // Symbols are ASCII: NOCASE and lower() fold what QString's case-insensitive compare does.
    if (!f.symbol.isEmpty())
        clause += {u" AND symbol = ? COLLATE NOCASE"_s, {f.symbol}};
    const QString search = f.search.trimmed();
    if (!search.isEmpty())
        clause +=
            {u" AND (instr(lower(symbol), lower(?)) > 0 OR instr(CAST(ticket AS TEXT), ?) > 0)"_s,
             {search, search}};
    return clause;
}

Clause where(const TradeQuery &query)
{
    Clause clause{u" WHERE "_s, {}};
    clause += period(query);
    clause += filter(query.filter);
    return clause;
}

// The key as the table shows it: words in the window's language, numbers as numbers.
Clause keyExpression(TradeQuery::Key key)
{
    using Key = TradeQuery::Key;
    switch (key) {
    case Key::OpenTime:
        return {u"open_time"_s, {}};
    case Key::CloseTime:
        return {u"close_time"_s, {}};
    case Key::Ticket:
        return {u"ticket"_s, {}};
    case Key::Symbol:
        return {u"symbol"_s, {}};
    case Key::Side:
        return {u"CASE side WHEN 'sell' THEN ? ELSE ? END"_s,
                {TradeText::side(Position::Side::Sell), TradeText::side(Position::Side::Buy)}};
    case Key::Volume:
        return {u"volume"_s, {}};
    case Key::OpenPrice:
        return {u"open_price"_s, {}};
    case Key::ClosePrice:
        return {u"close_price"_s, {}};
    case Key::Swap:
        return {u"swap"_s, {}};
    case Key::Commission:
        return {u"commission"_s, {}};
    case Key::Profit:
        return {u"profit"_s, {}};
    case Key::Net: // Amounts::netOf, in its order of additions
        return {u"(profit + swap + commission)"_s, {}};
    case Key::Reason: {
        Clause clause{u"CASE WHEN provisional <> 0 THEN ?"_s, {}};
        ClosedTrade trade;
        trade.reason = ClosedTrade::Reason::Unknown;
        clause.binds.append(TradeText::reason(trade));
        for (const auto known : {ClosedTrade::Reason::TakeProfit, ClosedTrade::Reason::StopLoss,
                                 ClosedTrade::Reason::Manual, ClosedTrade::Reason::StopOut}) {
            trade.reason = known;
            clause += {u" WHEN reason = ? THEN ?"_s,
                       {ClosedTrade::reasonName(known), TradeText::reason(trade)}};
        }
        // A feed's own word: "Other: word", in whatever order the language puts them.
        trade.reason = ClosedTrade::Reason::Other;
        clause += {u" WHEN reason = '' THEN ?"_s, {TradeText::reason(trade)}};
        const QString marker = u"\x1f"_s;
        trade.otherReason = marker;
        const QString other = TradeText::reason(trade);
        const qsizetype at = other.indexOf(marker);
        clause += {u" ELSE ? || reason || ? END"_s, {other.left(at), other.mid(at + 1)}};
        return clause;
    }
    case Key::Signal:
        return {u"CASE WHEN flwsig = 0 THEN '' WHEN signame <> '' THEN signame "
                "ELSE '#' || sigtraderid END"_s,
                {}};
    case Key::Account:
        return {u"account"_s, {}};
    }
    return {u"close_time"_s, {}};
}

// The history's own order breaks ties, as a stable sort of it would keep them.
Clause orderBy(const TradeQuery &query)
{
    Clause clause{u" ORDER BY "_s, {}};
    if (query.key) {
        clause += keyExpression(*query.key);
        clause.sql += query.order == Qt::DescendingOrder ? u" DESC, "_s : u" ASC, "_s;
    }
    clause.sql += u"close_time DESC, ticket DESC"_s;
    // The same ticket closing at the same moment at two accounts: their order is fixed too.
    if (query.allAccounts)
        clause.sql += u", account DESC"_s;
    return clause;
}

} // namespace

TradeReader::TradeReader(const ClosedTradeStore *store)
    : m_db(store && store->isOpen() ? store->database() : QSqlDatabase())
{}

TradeReader::TradeReader(const QSqlDatabase &database)
    : m_db(database)
{}

namespace {

// Runs `clause` on `store`'s connection; false (and a log line) when it cannot.
bool run(const QSqlDatabase &db, QSqlQuery &query, const Clause &clause)
{
    if (!db.isOpen())
        return false;
    query = QSqlQuery(db);
    query.setForwardOnly(true);
    if (!query.prepare(clause.sql)) {
        qCWarning(lcReader).noquote()
            << "cannot read the trade history:" << query.lastError().text();
        return false;
    }
    for (const QVariant &value : clause.binds)
        query.addBindValue(value);
    if (!query.exec()) {
        qCWarning(lcReader).noquote()
            << "cannot read the trade history:" << query.lastError().text();
        return false;
    }
    return true;
}

// The rows a query selects, `columns` first and then the account, close time and ticket: in
// the history's own order (newest first; or by the query's key) or in close order (the oldest
// first; the lower ticket first for one moment). Of one account that is one run of its key.
// Of every account, each account's run is read on its own and they are merged here by close
// time, ticket, then account: no index of every account's close times is kept (it made every
// trade written a third dearer) and no period is sorted. A key of the query's own is sorted
// by SQL, for every account as for one.
class OrderedRows
{
public:
    enum class Order { NewestFirst, CloseOrder };

    OrderedRows(const QSqlDatabase &db, const TradeQuery &query, const QString &columns,
                Order order, const Clause &limit = {})
        : m_newestFirst(order == Order::NewestFirst)
    {
        const QString select =
            u"SELECT %1, account, close_time, ticket FROM closed_trades"_s.arg(columns);
        const QString runOrder = m_newestFirst ? u" ORDER BY close_time DESC, ticket DESC"_s
                                               : u" ORDER BY close_time, ticket"_s;
        if (!query.allAccounts || (m_newestFirst && query.key)) {
            Clause clause{select, {}};
            clause += where(query);
            if (m_newestFirst)
                clause += orderBy(query);
            else
                clause.sql += runOrder;
            clause += limit;
            m_runs.push_back(std::make_unique<QSqlQuery>());
            m_ok = run(db, *m_runs.back(), clause);
            return;
        }
        m_merged = true;
        for (const Account &account : ClosedTradeStore::accounts(db)) {
            TradeQuery one = query;
            one.allAccounts = false;
            one.account = account;
            Clause clause{select, {}};
            clause += where(one);
            clause.sql += runOrder;
            m_runs.push_back(std::make_unique<QSqlQuery>());
            if (!run(db, *m_runs.back(), clause))
                m_ok = false;
        }
        m_keys.resize(m_runs.size());
    }

    bool isOk() const { return m_ok; }

    // The next row; false at the end, or when a run could not be read (failed()).
    bool next()
    {
        if (!m_ok)
            return false;
        if (!m_merged)
            return m_runs.front()->next();
        if (!m_started) {
            m_started = true;
            for (std::size_t i = 0; i < m_runs.size(); ++i)
                advance(i);
        } else if (m_current >= 0) {
            advance(std::size_t(m_current));
        }
        // A few runs, one per account: a look at each is cheaper than a heap.
        m_current = -1;
        for (std::size_t i = 0; i < m_runs.size(); ++i) {
            if (m_keys[i] && (m_current < 0 || comesFirst(*m_keys[i], *m_keys[m_current])))
                m_current = int(i);
        }
        return m_current >= 0;
    }

    // The current row: its columns from 0, then the account.
    const QSqlQuery &row() const
    {
        return m_merged ? *m_runs[std::size_t(m_current)] : *m_runs.front();
    }
    // Where the account is in row().
    int accountColumn() const { return row().record().count() - 3; }

    bool failed() const
    {
        return !m_ok || std::any_of(m_runs.cbegin(), m_runs.cend(),
                                    [](const auto &run) { return run->lastError().isValid(); });
    }

private:
    struct Key
    {
        qint64 closeTime = 0;
        qint64 ticket = 0;
        QString account;
    };

    void advance(std::size_t i)
    {
        QSqlQuery &run = *m_runs[i];
        if (!run.next()) {
            m_keys[i].reset();
            return;
        }
        const int last = run.record().count() - 1;
        m_keys[i] = Key{run.value(last - 1).toLongLong(), run.value(last).toLongLong(),
                        run.value(last - 2).toString()};
    }

    bool comesFirst(const Key &a, const Key &b) const
    {
        const auto before = [](const Key &x, const Key &y) {
            return std::tie(x.closeTime, x.ticket, x.account) <
                   std::tie(y.closeTime, y.ticket, y.account);
        };
        return m_newestFirst ? before(b, a) : before(a, b);
    }

    std::vector<std::unique_ptr<QSqlQuery>> m_runs;
    std::vector<std::optional<Key>> m_keys; // each run's current row; none at its end
    bool m_newestFirst = true;
    bool m_merged = false;
    bool m_started = false;
    bool m_ok = true;
    int m_current = -1;
};

} // namespace

QList<ClosedTrade> TradeReader::trades(const TradeQuery &query, int offset, int limit,
                                       QStringList *accounts) const
{
    QList<ClosedTrade> result;
    if (accounts)
        accounts->clear();
    offset = std::max(0, offset);
    OrderedRows rows(m_db, query, ClosedTradeStore::tradeColumns(), OrderedRows::Order::NewestFirst,
                     {u" LIMIT ? OFFSET ?"_s, {limit, offset}});
    // Merged runs are read from their start: the rows before the window are passed over, as
    // SQL's OFFSET passes over them in one run.
    const bool merged = query.allAccounts && !query.key;
    for (int skipped = 0; merged && skipped < offset && rows.next(); ++skipped) {
    }
    if (limit > 0)
        result.reserve(limit);
    while ((limit < 0 || result.size() < limit) && rows.next()) {
        result.append(ClosedTradeStore::readTrade(rows.row()));
        if (accounts)
            accounts->append(rows.row().value(rows.accountColumn()).toString());
    }
    return result;
}

std::optional<QList<CurveTrade>> TradeReader::netsInCloseOrder(const TradeQuery &query,
                                                               int limit) const
{
    QList<CurveTrade> nets;
    OrderedRows rows(m_db, query, u"close_time, profit, swap, commission, ticket"_s,
                     OrderedRows::Order::CloseOrder,
                     query.allAccounts ? Clause{} : Clause{u" LIMIT ?"_s, {limit + 1}});
    while (rows.next()) {
        if (nets.size() == limit)
            return std::nullopt;
        const QSqlQuery &sql = rows.row();
        // Position::net(), in its order of additions.
        nets.append({sql.value(0).toLongLong(), sql.value(4).toLongLong(),
                     sql.value(1).toDouble() + sql.value(2).toDouble() + sql.value(3).toDouble()});
    }
    return nets;
}

std::optional<TraderStatistics> TradeReader::statistics(const TradeQuery &query) const
{
    // Each account's key gives its close order; the ticket breaks ties as the curve's order
    // does.
    OrderedRows rows(m_db, query,
                     u"flwsig, sigtraderid, profit, swap, commission, volume, open_time, "
                     "close_time"_s,
                     OrderedRows::Order::CloseOrder);
    if (!rows.isOk())
        return std::nullopt;
    TraderStatistics statistics;
    while (rows.next()) {
        const QSqlQuery &sql = rows.row();
        statistics.add(sql.value(0).toInt() != 0, sql.value(1).toLongLong(),
                       sql.value(2).toDouble(), sql.value(3).toDouble(), sql.value(4).toDouble(),
                       sql.value(5).toDouble(), sql.value(6).toLongLong(),
                       sql.value(7).toLongLong());
    }
    if (rows.failed())
        return std::nullopt;
    return statistics;
}

namespace {

// The close time's offset from UTC in `zone`, as SQL: the zone's transitions within the
// period's trades, a handful for years of daylight saving, none for most of the world.
Clause offsetAt(const QSqlDatabase &db, const TradeQuery &query, const QTimeZone &zone)
{
    // The period's first and last close: two looks in each account's key.
    std::optional<std::pair<qint64, qint64>> span;
    QList<Account> accounts = {query.account};
    if (query.allAccounts)
        accounts = ClosedTradeStore::accounts(db);
    for (const Account &account : std::as_const(accounts)) {
        TradeQuery one = query;
        one.allAccounts = false;
        one.account = account;
        Clause first{u"SELECT (SELECT MIN(close_time) FROM closed_trades WHERE "_s, {}};
        first += period(one);
        first.sql += u"), (SELECT MAX(close_time) FROM closed_trades WHERE "_s;
        first += period(one);
        first.sql += u")"_s;
        QSqlQuery sql;
        if (!run(db, sql, first) || !sql.next() || sql.value(0).isNull())
            continue;
        const qint64 oldest = sql.value(0).toLongLong();
        const qint64 newest = sql.value(1).toLongLong();
        span = span ? std::pair(std::min(span->first, oldest), std::max(span->second, newest))
                    : std::pair(oldest, newest);
    }
    if (!span)
        return {u"0"_s, {}};
    const QDateTime oldest = QDateTime::fromMSecsSinceEpoch(span->first, zone);
    const QDateTime newest = QDateTime::fromMSecsSinceEpoch(span->second, zone);
    const QTimeZone::OffsetDataList changes = zone.transitions(oldest.addMSecs(1), newest);
    const qint64 start = qint64(zone.offsetFromUtc(oldest)) * 1000;
    if (changes.isEmpty())
        return {u"?"_s, {start}};
    Clause clause{u"CASE"_s, {}};
    qint64 offset = start;
    for (const QTimeZone::OffsetData &change : changes) {
        clause += {u" WHEN close_time < ? THEN ?"_s, {change.atUtc.toMSecsSinceEpoch(), offset}};
        offset = qint64(change.offsetFromUtc) * 1000;
    }
    clause += {u" ELSE ? END"_s, {offset}};
    return clause;
}

} // namespace

QList<TradeGroup> TradeReader::groups(const TradeQuery &query, const QTimeZone &zone,
                                      bool *ok) const
{
    if (ok)
        *ok = false;
    QList<TradeGroup> groups;
    constexpr qint64 kDayMs = 24 * 3600 * 1000;
    // The local day as a number of days since 1970-01-01 (a bare signame comes from the row
    // of MAX(close_time): the newest trade's name).
    Clause clause{u"SELECT (close_time + "_s, {}};
    clause += offsetAt(m_db, query, zone);
    clause += {u") / ? AS d, flwsig, sigtraderid, symbol, signame, MAX(close_time), COUNT(*), "
               "TOTAL(profit), TOTAL(swap), TOTAL(commission), TOTAL(provisional) "
               "FROM closed_trades"_s,
               {kDayMs}};
    clause += where(query);
    clause.sql += u" GROUP BY d, flwsig, sigtraderid, symbol ORDER BY d"_s;
    QSqlQuery sql;
    if (!run(m_db, sql, clause))
        return groups;
    const QDate epoch(1970, 1, 1);
    while (sql.next()) {
        TradeGroup g;
        g.day = epoch.addDays(sql.value(0).toLongLong());
        g.flwsig = sql.value(1).toInt() != 0;
        g.sigtraderid = sql.value(2).toLongLong();
        g.symbol = sql.value(3).toString();
        g.signame = sql.value(4).toString();
        g.newest = sql.value(5).toLongLong();
        g.count = sql.value(6).toInt();
        g.profit = sql.value(7).toDouble();
        g.swap = sql.value(8).toDouble();
        g.commission = sql.value(9).toDouble();
        g.unconfirmed = int(sql.value(10).toDouble());
        groups.append(g);
    }
    if (ok)
        *ok = !sql.lastError().isValid();
    return groups;
}

bool TradeReader::exportCsv(const TradeQuery &query, QIODevice *device,
                            const ClosedTradeStore::CsvOptions &options,
                            const std::function<bool(int written)> &written) const
{
    if (!device || !device->isWritable())
        return false;
    OrderedRows rows(m_db, query, ClosedTradeStore::tradeColumns(),
                     OrderedRows::Order::NewestFirst);
    if (!rows.isOk())
        return false;
    // Every account's trades: each row says whose it is, by the name the window gives it.
    QHash<QString, QString> accountFields;
    const auto accountField = [&](const QString &key) -> const QString & {
        auto it = accountFields.find(key);
        if (it == accountFields.end()) {
            const QString name = options.accountNames.value(key);
            it = accountFields.insert(
                key, ClosedTradeStore::csvField(name.isEmpty() ? Account::fromKey(key).displayName()
                                                               : name));
        }
        return *it;
    };
    // Forward only, a chunk at a time: a million trades never sit in memory at once.
    QByteArray out = ClosedTradeStore::csvHeader(options);
    const QString account = ClosedTradeStore::csvField(options.account);
    int count = 0;
    while (rows.next()) {
        const QSqlQuery &sql = rows.row();
        out += ClosedTradeStore::csvRow(
            ClosedTradeStore::readTrade(sql),
            query.allAccounts ? accountField(sql.value(rows.accountColumn()).toString()) : account);
        ++count;
        if (out.size() >= (1 << 20)) {
            if (device->write(out) != out.size() || (written && !written(count)))
                return false;
            out.clear();
        }
    }
    if (rows.failed() || device->write(out) != out.size())
        return false;
    return !written || written(count);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/tradereader.h"

#include "domain/tradetext.h"

#include <QIODevice>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <limits>

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

// The account and period: the range of the (account, close_time) index.
Clause period(const TradeQuery &query)
{
    const qint64 to = query.to > 0 ? query.to : std::numeric_limits<qint64>::max();
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
    return clause;
}

} // namespace

TradeReader::TradeReader(const ClosedTradeStore *store)
    : m_store(store)
{}

namespace {

// Runs `clause` on `store`'s connection; false (and a log line) when it cannot.
bool run(const ClosedTradeStore *store, QSqlQuery &query, const Clause &clause)
{
    if (!store || !store->isOpen())
        return false;
    query = QSqlQuery(store->database());
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

} // namespace

TradeTotals TradeReader::totals(const TradeQuery &query) const
{
    TradeTotals totals;
    QSqlQuery sql;
    Clause selected{u"SELECT COUNT(*), TOTAL(profit), TOTAL(swap), TOTAL(commission), "
                    "TOTAL(provisional) FROM closed_trades"_s,
                    {}};
    selected += where(query);
    if (run(m_store, sql, selected) && sql.next()) {
        totals.count = sql.value(0).toInt();
        totals.profit = sql.value(1).toDouble();
        totals.swap = sql.value(2).toDouble();
        totals.commission = sql.value(3).toDouble();
        totals.unconfirmed = int(sql.value(4).toDouble());
    }
    if (!query.filter.isActive()) {
        totals.of = totals.count;
        return totals;
    }
    // The whole period: the index alone answers it.
    Clause all{u"SELECT COUNT(*) FROM closed_trades WHERE "_s, {}};
    all += period(query);
    if (run(m_store, sql, all) && sql.next())
        totals.of = sql.value(0).toInt();
    return totals;
}

QList<ClosedTrade> TradeReader::trades(const TradeQuery &query, int offset, int limit) const
{
    QList<ClosedTrade> result;
    Clause clause{u"SELECT %1 FROM closed_trades"_s.arg(ClosedTradeStore::tradeColumns()), {}};
    clause += where(query);
    clause += orderBy(query);
    clause += {u" LIMIT ? OFFSET ?"_s, {limit, std::max(0, offset)}};
    QSqlQuery sql;
    if (!run(m_store, sql, clause))
        return result;
    if (limit > 0)
        result.reserve(limit);
    while (sql.next())
        result.append(ClosedTradeStore::readTrade(sql));
    return result;
}

std::optional<QList<std::pair<qint64, double>>>
TradeReader::netsInCloseOrder(const TradeQuery &query, int limit) const
{
    QList<std::pair<qint64, double>> nets;
    Clause clause{u"SELECT close_time, profit, swap, commission FROM closed_trades"_s, {}};
    clause += where(query);
    clause += {u" ORDER BY close_time, ticket LIMIT ?"_s, {limit + 1}};
    QSqlQuery sql;
    if (!run(m_store, sql, clause))
        return nets;
    while (sql.next()) {
        if (nets.size() == limit)
            return std::nullopt;
        // Position::net(), in its order of additions.
        nets.append({sql.value(0).toLongLong(),
                     sql.value(1).toDouble() + sql.value(2).toDouble() + sql.value(3).toDouble()});
    }
    return nets;
}

QList<NetBucket> TradeReader::netBuckets(const TradeQuery &query, qint64 span) const
{
    QList<NetBucket> buckets;
    if (span <= 0)
        return buckets;
    Clause clause{u"SELECT close_time / ? AS b, TOTAL(profit + swap + commission), COUNT(*) "
                  "FROM closed_trades"_s,
                  {span}};
    clause += where(query);
    clause.sql += u" GROUP BY b ORDER BY b"_s;
    QSqlQuery sql;
    if (!run(m_store, sql, clause))
        return buckets;
    while (sql.next())
        buckets.append(
            {sql.value(0).toLongLong() * span, sql.value(1).toDouble(), sql.value(2).toInt()});
    return buckets;
}

QMap<qint64, QString> TradeReader::signalTraders(const TradeQuery &query) const
{
    QMap<qint64, QString> traders;
    // The name of each trader's newest trade (SQLite takes the bare column from the MAX row).
    Clause clause{u"SELECT sigtraderid, signame, MAX(close_time) FROM closed_trades WHERE "_s, {}};
    clause += period(query);
    clause.sql += u" AND flwsig <> 0 AND sigtraderid > 0 GROUP BY sigtraderid"_s;
    QSqlQuery sql;
    if (!run(m_store, sql, clause))
        return traders;
    while (sql.next()) {
        Position p;
        p.flwsig = true;
        p.sigtraderid = sql.value(0).toLongLong();
        p.signame = sql.value(1).toString();
        traders.insert(p.sigtraderid, TradeText::signal(p));
    }
    return traders;
}

QStringList TradeReader::symbols(const TradeQuery &query) const
{
    QStringList symbols;
    Clause clause{u"SELECT DISTINCT symbol FROM closed_trades WHERE "_s, {}};
    clause += period(query);
    clause.sql += u" ORDER BY symbol"_s;
    QSqlQuery sql;
    if (!run(m_store, sql, clause))
        return symbols;
    while (sql.next())
        symbols.append(sql.value(0).toString());
    return symbols;
}

bool TradeReader::exportCsv(const TradeQuery &query, QIODevice *device,
                            const ClosedTradeStore::CsvOptions &options) const
{
    if (!device || !device->isWritable())
        return false;
    Clause clause{u"SELECT %1 FROM closed_trades"_s.arg(ClosedTradeStore::tradeColumns()), {}};
    clause += where(query);
    clause += orderBy(query);
    QSqlQuery sql;
    if (!run(m_store, sql, clause))
        return false;
    // Forward only, a chunk at a time: a million trades never sit in memory at once.
    QByteArray out = ClosedTradeStore::csvHeader(options);
    const QString account = ClosedTradeStore::csvField(options.account);
    while (sql.next()) {
        out += ClosedTradeStore::csvRow(ClosedTradeStore::readTrade(sql), account);
        if (out.size() >= (1 << 20)) {
            if (device->write(out) != out.size())
                return false;
            out.clear();
        }
    }
    if (sql.lastError().isValid())
        return false;
    return device->write(out) == out.size();
}

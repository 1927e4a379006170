// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/tradegroupcache.h"

#include "history/closedtradestore.h"
#include "history/tradereader.h"

#include <QDataStream>
#include <QDateTime>
#include <QIODevice>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <tuple>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcGroupCache, "trademonitor.store.groups")

namespace {

// Days read at a time while filling: about 20 ms of a busy account's history, so a reader's
// other requests wait no longer than that behind it.
constexpr int kDaysPerStep = 30;
// Days a change touched closer than this are read again in one run.
constexpr int kMergeGap = 7;
// Saved again once this many changes were caught up on since the last save.
constexpr qint64 kSaveEvery = 1000;
// The saved form's version: another one is not read.
constexpr quint32 kSavedFormat = 1;

qint64 startOf(const QDate &day, const QTimeZone &zone)
{
    return day.startOfDay(zone).toMSecsSinceEpoch();
}

QDate dayOf(qint64 ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).date();
}

// The first row of a one-row query; nullopt when it could not be read.
std::optional<QSqlQuery> one(const QSqlDatabase &db, const QString &sql,
                             const QVariantList &binds = {})
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return std::nullopt;
    for (const QVariant &value : binds)
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        qCWarning(lcGroupCache).noquote()
            << "cannot read the change log:" << query.lastError().text();
        return std::nullopt;
    }
    return query;
}

// The number of the log's newest change; 0 before the first.
std::optional<qint64> newestChange(const QSqlDatabase &db)
{
    const auto query = one(db, u"SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = "
                               "'trade_changes'), 0)"_s);
    if (!query)
        return std::nullopt;
    return query->value(0).toLongLong();
}

} // namespace

bool TradeGroupCache::answers(const TradeQuery &query, const QTimeZone &zone)
{
    const auto atDayStart = [&zone](qint64 ms) {
        return ms == 0 || startOf(dayOf(ms, zone), zone) == ms;
    };
    return atDayStart(query.from) && atDayStart(query.to);
}

bool TradeGroupCache::isKept(const Account &account, const QTimeZone &zone) const
{
    const auto it = m_accounts.constFind(account.key());
    return it != m_accounts.constEnd() && it->zone == zone && it->state == Kept::State::Full;
}

TradeGroupCache::Kept &TradeGroupCache::kept(const Account &account, const QTimeZone &zone)
{
    Kept &kept = m_accounts[account.key()];
    if (kept.zone != zone) {
        // Days are local: another zone is another set of days.
        kept.zone = zone;
        forget(kept);
    }
    return kept;
}

void TradeGroupCache::forget(Kept &kept)
{
    const QTimeZone zone = kept.zone;
    kept = Kept();
    kept.zone = zone;
}

bool TradeGroupCache::start(const QSqlDatabase &db, const Account &account, Kept &kept,
                            bool fromFile)
{
    const auto hasLog = one(db, u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND "
                                "name = 'trade_changes'"_s);
    if (hasLog && hasLog->value(0).toInt() == 0) {
        kept.state = Kept::State::Unavailable;
        return false;
    }
    if (hasLog && fromFile && load(db, account, kept))
        return true;
    // Where the log stands before any trade is read: whatever is written from here on is
    // caught up on before the first answer.
    const std::optional<qint64> seen = hasLog ? newestChange(db) : std::nullopt;
    const auto span = one(db,
                          u"SELECT MIN(close_time), MAX(close_time) FROM closed_trades "
                          "WHERE account = ?"_s,
                          {account.key()});
    if (!seen || !span)
        return false; // not read: tried again next time
    kept.days.clear();
    kept.seen = *seen;
    if (span->value(0).isNull()) {
        kept.state = Kept::State::Full;
        return true;
    }
    kept.oldest = span->value(0).toLongLong();
    kept.newest = span->value(1).toLongLong();
    kept.keptFrom = 0;
    kept.state = Kept::State::Filling;
    return true;
}

bool TradeGroupCache::fillStep(const QSqlDatabase &db, const Account &account, Kept &kept)
{
    // The first step is open at the top (a trade newer than filling began is in it or in
    // the log), the last one at the bottom.
    const QDate last = kept.keptFrom == 0 ? QDate() : dayOf(kept.keptFrom, kept.zone).addDays(-1);
    const QDate first =
        (last.isValid() ? last : dayOf(kept.newest, kept.zone)).addDays(1 - kDaysPerStep);
    const bool bottom = startOf(first, kept.zone) <= kept.oldest;
    if (!reread(db, account, kept, bottom ? QDate() : first, last)) {
        forget(kept);
        return false;
    }
    if (bottom) {
        kept.state = Kept::State::Full;
        save(db, account, kept);
    } else {
        kept.keptFrom = startOf(first, kept.zone);
    }
    return true;
}

bool TradeGroupCache::load(const QSqlDatabase &db, const Account &account, Kept &kept)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT seen, groups FROM trade_groups_kept WHERE account = ? AND zone = ?"_s);
    query.addBindValue(account.key());
    query.addBindValue(QString::fromUtf8(kept.zone.id()));
    if (!query.exec() || !query.next())
        return false; // never saved (or a schema 4 file from before the table)
    const qint64 seen = query.value(0).toLongLong();
    QDataStream in(query.value(1).toByteArray());
    in.setVersion(QDataStream::Qt_6_4);
    quint32 format = 0;
    quint32 count = 0;
    in >> format >> count;
    if (format != kSavedFormat)
        return false;
    std::map<QDate, QList<TradeGroup>> days;
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        TradeGroup g;
        qint32 trades = 0;
        qint32 unconfirmed = 0;
        in >> g.day >> g.flwsig >> g.sigtraderid >> g.symbol >> g.signame >> g.newest >> trades >>
            unconfirmed >> g.profit >> g.swap >> g.commission;
        g.count = trades;
        g.unconfirmed = unconfirmed;
        days[g.day].append(g);
    }
    if (in.status() != QDataStream::Ok || !in.atEnd()) {
        qCWarning(lcGroupCache) << "what was kept of the history cannot be read; reading it again";
        return false;
    }
    kept.days = std::move(days);
    kept.seen = seen;
    kept.saved = seen;
    kept.state = Kept::State::Full;
    return true;
}

void TradeGroupCache::save(const QSqlDatabase &db, const Account &account, Kept &kept)
{
    QByteArray blob;
    {
        QDataStream out(&blob, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        quint32 count = 0;
        for (const auto &day : kept.days)
            count += quint32(day.second.size());
        out << kSavedFormat << count;
        for (const auto &day : kept.days) {
            for (const TradeGroup &g : day.second)
                out << g.day << g.flwsig << g.sigtraderid << g.symbol << g.signame << g.newest
                    << qint32(g.count) << qint32(g.unconfirmed) << g.profit << g.swap
                    << g.commission;
        }
    }
    QSqlQuery query(db);
    query.prepare(u"INSERT OR REPLACE INTO trade_groups_kept (account, zone, seen, groups) "
                  "VALUES (?, ?, ?, ?)"_s);
    query.addBindValue(account.key());
    query.addBindValue(QString::fromUtf8(kept.zone.id()));
    query.addBindValue(kept.seen);
    query.addBindValue(blob);
    // A read-only file, or one busy for longer than the store waits: kept in memory only.
    if (query.exec())
        kept.saved = kept.seen;
    else
        qCDebug(lcGroupCache).noquote() << "not saved:" << query.lastError().text();
}

bool TradeGroupCache::reread(const QSqlDatabase &db, const Account &account, Kept &kept,
                             const QDate &first, const QDate &last)
{
    TradeQuery query;
    query.account = account;
    query.from = first.isValid() ? startOf(first, kept.zone) : 0;
    query.to = last.isValid() ? startOf(last.addDays(1), kept.zone) : 0;
    bool ok = false;
    const QList<TradeGroup> groups = TradeReader(db).groups(query, kept.zone, &ok);
    if (!ok)
        return false;
    kept.days.erase(first.isValid() ? kept.days.lower_bound(first) : kept.days.begin(),
                    last.isValid() ? kept.days.upper_bound(last) : kept.days.end());
    for (const TradeGroup &g : groups)
        kept.days[g.day].append(g);
    return true;
}

bool TradeGroupCache::catchUp(const QSqlDatabase &db, const Account &account, Kept &kept)
{
    const std::optional<qint64> newest = newestChange(db);
    if (!newest)
        return false;
    if (*newest == kept.seen)
        return true;
    // Every change since the last look must still be in the log; pruned ones are unknown.
    const auto oldest = one(db, u"SELECT MIN(seq) FROM trade_changes WHERE seq > ?"_s, {kept.seen});
    if (!oldest)
        return false;
    if (oldest->value(0).isNull() || oldest->value(0).toLongLong() > kept.seen + 1) {
        qCInfo(lcGroupCache) << "the change log has moved on; reading the history again";
        forget(kept);
        if (!start(db, account, kept, false))
            return false;
        while (kept.state == Kept::State::Filling) {
            if (!fillStep(db, account, kept))
                return false;
        }
        return catchUp(db, account, kept);
    }
    QSqlQuery changes(db);
    changes.setForwardOnly(true);
    changes.prepare(u"SELECT from_time, to_time FROM trade_changes WHERE account = ? AND "
                    "seq > ? AND seq <= ?"_s);
    changes.addBindValue(account.key());
    changes.addBindValue(kept.seen);
    changes.addBindValue(*newest);
    if (!changes.exec())
        return false;
    std::vector<std::pair<QDate, QDate>> touched;
    while (changes.next()) {
        touched.emplace_back(dayOf(changes.value(0).toLongLong(), kept.zone),
                             dayOf(changes.value(1).toLongLong(), kept.zone));
    }
    if (changes.lastError().isValid())
        return false;
    std::sort(touched.begin(), touched.end());
    std::vector<std::pair<QDate, QDate>> runs;
    for (const auto &days : touched) {
        if (!runs.empty() &&
            days.first.toJulianDay() <= runs.back().second.toJulianDay() + kMergeGap)
            runs.back().second = std::max(runs.back().second, days.second);
        else
            runs.push_back(days);
    }
    for (const auto &[first, last] : runs) {
        if (!reread(db, account, kept, first, last))
            return false;
    }
    kept.seen = *newest;
    if (kept.state == Kept::State::Full && kept.seen - kept.saved >= kSaveEvery)
        save(db, account, kept);
    return true;
}

bool TradeGroupCache::warm(const QSqlDatabase &db, const Account &account, const QTimeZone &zone)
{
    Kept &kept = this->kept(account, zone);
    if (kept.state == Kept::State::Empty && !start(db, account, kept))
        return false;
    return kept.state == Kept::State::Filling && fillStep(db, account, kept) &&
           kept.state == Kept::State::Filling;
}

std::optional<QList<TradeGroup>>
TradeGroupCache::groups(const QSqlDatabase &db, const TradeQuery &query, const QTimeZone &zone)
{
    if (!query.allAccounts)
        return accountGroups(db, query, zone);
    // Every account's days, each kept as its own, added up: a group is then the trades of
    // one day, kind and symbol at any account.
    using Key = std::tuple<QDate, bool, qint64, QString>;
    std::map<Key, TradeGroup> merged;
    for (const Account &account : ClosedTradeStore::accounts(db)) {
        TradeQuery one = query;
        one.allAccounts = false;
        one.account = account;
        const std::optional<QList<TradeGroup>> groups = accountGroups(db, one, zone);
        if (!groups)
            return std::nullopt;
        for (const TradeGroup &g : *groups) {
            auto [it, added] = merged.try_emplace(Key{g.day, g.flwsig, g.sigtraderid, g.symbol}, g);
            if (added)
                continue;
            TradeGroup &sum = it->second;
            sum.profit += g.profit;
            sum.swap += g.swap;
            sum.commission += g.commission;
            sum.count += g.count;
            sum.unconfirmed += g.unconfirmed;
            if (g.newest > sum.newest) {
                sum.newest = g.newest;
                sum.signame = g.signame;
            }
        }
    }
    QList<TradeGroup> groups;
    groups.reserve(qsizetype(merged.size()));
    for (auto &entry : merged)
        groups.append(std::move(entry.second));
    return groups;
}

bool TradeGroupCache::isKept(const QSqlDatabase &db, const QTimeZone &zone) const
{
    const QList<Account> accounts = ClosedTradeStore::accounts(db);
    return std::all_of(accounts.cbegin(), accounts.cend(),
                       [&](const Account &account) { return isKept(account, zone); });
}

std::optional<QList<TradeGroup>> TradeGroupCache::accountGroups(const QSqlDatabase &db,
                                                                const TradeQuery &query,
                                                                const QTimeZone &zone)
{
    Kept &kept = this->kept(query.account, zone);
    if (kept.state == Kept::State::Empty && !start(db, query.account, kept))
        return std::nullopt;
    if (kept.state == Kept::State::Filling &&
        (query.from == 0 || kept.keptFrom == 0 || query.from < kept.keptFrom)) {
        // Older than what is kept so far: "All" finishes filling (reading it directly would
        // cost as much); another period is read directly, faster than the rest of the fill.
        if (query.from != 0)
            return std::nullopt;
        while (kept.state == Kept::State::Filling) {
            if (!fillStep(db, query.account, kept))
                return std::nullopt;
        }
    }
    if (kept.state == Kept::State::Unavailable || kept.state == Kept::State::Empty ||
        !catchUp(db, query.account, kept)) {
        if (kept.state != Kept::State::Unavailable)
            forget(kept); // read afresh next time
        return std::nullopt;
    }
    const QDate first = query.from != 0 ? dayOf(query.from, zone) : QDate();
    const QDate after = query.to != 0 ? dayOf(query.to, zone) : QDate();
    QList<TradeGroup> groups;
    auto it = first.isValid() ? kept.days.lower_bound(first) : kept.days.begin();
    for (; it != kept.days.end() && (!after.isValid() || it->first < after); ++it)
        groups += it->second;
    return groups;
}

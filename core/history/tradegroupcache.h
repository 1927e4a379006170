// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/tradequery.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QTimeZone>

#include <map>
#include <optional>

// Keeps an account's whole history added up per local day (TradeGroup, a few tens of thousands
// for a million trades), so that a period of whole days, "All" above all, is a slice of memory
// instead of a read of every trade (1.3 s for a million). It is filled a month of days at a
// time, newest first (warm(), between a reader's other work; a recent period is answered
// from the days already kept, an older one read directly), and before each answer brought
// up to date
// from the file's change log (schema 4's trade_changes): only the days a change named are read
// again, and a reader too far behind the log reads everything again. An answer is therefore
// exactly what TradeReader::groups would read at that moment. What is kept is saved in the
// file (trade_groups_kept) once filled, and again after many changes: the next start takes it
// from there and catches up on the log instead of reading every trade. A file without the
// log (a read-only schema 3 file) is not kept: its caller reads directly.
//
// Not thread-safe: one reader thread, with one connection, uses it.
class TradeGroupCache
{
public:
    // Whether a period can come from here: from and to at the start of a local day in `zone`
    // (or open).
    static bool answers(const TradeQuery &query, const QTimeZone &zone);

    // Reads the next month of `account`'s days if it is not all kept yet; true while more is
    // left to read.
    bool warm(const QSqlDatabase &db, const Account &account, const QTimeZone &zone);
    // The period's groups (its filter is not applied), in day order; nullopt when the file
    // cannot be kept (no change log, or a read failed) and should be read directly. Of every
    // account: each account's kept days added up (an account not kept yet is filled first,
    // as "All" of one is).
    std::optional<QList<TradeGroup>> groups(const QSqlDatabase &db, const TradeQuery &query,
                                            const QTimeZone &zone);
    // Whether all of `account`'s days in `zone` are kept (as of the last look at the log).
    bool isKept(const Account &account, const QTimeZone &zone) const;
    // The same for every account with trades in `db`.
    bool isKept(const QSqlDatabase &db, const QTimeZone &zone) const;
    // Everything kept is forgotten (another file).
    void clear() { m_accounts.clear(); }

private:
    struct Kept
    {
        enum class State { Empty, Filling, Full, Unavailable };
        State state = State::Empty;
        QTimeZone zone;
        qint64 seen = 0; // the last change of the log taken in
        // While filling, newest days first: every day from this one (its start, ms) on is
        // kept; 0 before the first step.
        qint64 keptFrom = 0;
        qint64 oldest = 0; // close times when filling began
        qint64 newest = 0;
        qint64 saved = -1; // `seen` when last saved in the file
        std::map<QDate, QList<TradeGroup>> days;
    };

    Kept &kept(const Account &account, const QTimeZone &zone);
    std::optional<QList<TradeGroup>> accountGroups(const QSqlDatabase &db, const TradeQuery &query,
                                                   const QTimeZone &zone);
    // Back to nothing read, in the same zone.
    static void forget(Kept &kept);
    // `fromFile`: what an earlier run saved may be taken.
    bool start(const QSqlDatabase &db, const Account &account, Kept &kept, bool fromFile = true);
    bool load(const QSqlDatabase &db, const Account &account, Kept &kept);
    void save(const QSqlDatabase &db, const Account &account, Kept &kept);
    bool fillStep(const QSqlDatabase &db, const Account &account, Kept &kept);
    bool catchUp(const QSqlDatabase &db, const Account &account, Kept &kept);
    // Reads the days from `first` to `last` again (invalid: open), in place of what was kept.
    bool reread(const QSqlDatabase &db, const Account &account, Kept &kept, const QDate &first,
                const QDate &last);

    QHash<QString, Kept> m_accounts; // by Account::key()
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/tradestatistics.h"
#include "history/closedtradestore.h"
#include "history/tradequery.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QStringList>
#include <QTimeZone>

#include <functional>
#include <optional>
#include <utility>

class QIODevice;

// Answers a TradeQuery from a ClosedTradeStore in SQL: a window of its rows in order, its
// trades added up per day and kind (TradeGroup: the totals, the charts' days and the filters'
// choices come from these), the nets of a short period in close order, and a CSV export
// streamed row by row. Nothing here holds a period's trades in memory: the file keeps them in
// account and close-time order (schema 3), so a period is one run of it.
class TradeReader
{
    Q_DECLARE_TR_FUNCTIONS(TradeReader)

public:
    // Reads `store` on its own connection (so on its thread); a closed store answers nothing.
    explicit TradeReader(const ClosedTradeStore *store);
    // Reads an open connection to a history file (TradeGroupsLoader's, on its thread).
    explicit TradeReader(const QSqlDatabase &database);

    // The selected trades in the query's order, `limit` of them from `offset` (-1: all);
    // `accounts`, when given, gets each one's account (its key), in the same order.
    QList<ClosedTrade> trades(const TradeQuery &query, int offset = 0, int limit = -1,
                              QStringList *accounts = nullptr) const;
    // The selected trades added up per local day (in `zone`), own or copied, signal trader and
    // symbol, in day order: one run over the period. `ok`, when given, says whether the file
    // was read (an empty list is also a period without trades).
    QList<TradeGroup> groups(const TradeQuery &query, const QTimeZone &zone,
                             bool *ok = nullptr) const;
    // Each selected trade's close time, ticket and net in close order (ties: the lower ticket
    // first), or nullopt when there are more than `limit`.
    std::optional<QList<CurveTrade>> netsInCloseOrder(const TradeQuery &query, int limit) const;
    // The selected trades' statistics per signal trader (TraderStatistics), from one run over
    // them in close order; nullopt when the file cannot be read.
    std::optional<TraderStatistics> statistics(const TradeQuery &query) const;
    // The selected trades as ClosedTradeStore::exportCsv writes them, read and written a page
    // at a time; of every account, each row names its own (CsvOptions::accountNames). False when
    // the store cannot be read or the device written. `written`, when given, is told the trades
    // written so far after each page; false from it stops there (and this returns false).
    bool exportCsv(const TradeQuery &query, QIODevice *device,
                   const ClosedTradeStore::CsvOptions &options,
                   const std::function<bool(int written)> &written = {}) const;

private:
    QSqlDatabase m_db;
};

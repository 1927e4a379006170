// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/closedtradestore.h"
#include "history/tradequery.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QStringList>

#include <optional>
#include <utility>

class QIODevice;

// Answers a TradeQuery from a ClosedTradeStore in SQL: how many trades it selects and what
// they add up to, a window of its rows in order, the nets the charts need, the choices the
// filters offer, and a CSV export streamed page by page. Nothing here holds a period's trades
// in memory: the rows come a window at a time, the figures are SQL aggregates over the
// indexes of the file (account and close time; what a filter adds is read row by row).
// Reads on the store's own connection, so on its thread; a closed store answers nothing.
class TradeReader
{
    Q_DECLARE_TR_FUNCTIONS(TradeReader)

public:
    explicit TradeReader(const ClosedTradeStore *store);

    // The filter's trades added up, and `of`: the period's trades, filtered or not.
    TradeTotals totals(const TradeQuery &query) const;
    // The selected trades in the query's order, `limit` of them from `offset` (-1: all).
    QList<ClosedTrade> trades(const TradeQuery &query, int offset = 0, int limit = -1) const;
    // (close time, net) of each selected trade in close order (ties: the lower ticket first),
    // or nullopt when there are more than `limit`.
    std::optional<QList<std::pair<qint64, double>>> netsInCloseOrder(const TradeQuery &query,
                                                                     int limit) const;
    // The selected trades' nets summed per span of `span` ms since the epoch, oldest first,
    // spans without trades left out.
    QList<NetBucket> netBuckets(const TradeQuery &query, qint64 span) const;
    // What the filters offer for the query's account and period (its filter left out): the
    // signal traders copied (id, name as shown) and the symbols traded.
    QMap<qint64, QString> signalTraders(const TradeQuery &query) const;
    QStringList symbols(const TradeQuery &query) const;
    // The selected trades as ClosedTradeStore::exportCsv writes them, read and written a page
    // at a time. False when the store cannot be read or the device written.
    bool exportCsv(const TradeQuery &query, QIODevice *device,
                   const ClosedTradeStore::CsvOptions &options) const;

private:
    const ClosedTradeStore *m_store = nullptr;
};

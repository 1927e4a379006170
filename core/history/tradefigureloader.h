// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/tradestatistics.h"
#include "history/tradegroupcache.h"
#include "history/tradequery.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QThread>
#include <QTimeZone>

#include <atomic>
#include <optional>
#include <utility>

class ClosedTradeStore;

// Reads what a period's figures are made of off the GUI thread, so that summing a million
// trades never holds the window: a thread of its own with its own connection to the history
// file (a clone of the store's; SQLite's write-ahead log lets it read while the window
// writes). A history in memory (the demo's) cannot be shared between connections: it is read
// on the caller's thread, and its answer still comes through the event loop, so a caller sees
// one behaviour. For figures only the newest request is worth reading: older ones not begun
// are skipped, and never answered. Groups of whole days come from what the thread keeps of
// the file (TradeGroupCache), filled by warm() between requests.
class TradeFigureLoader : public QObject
{
    Q_OBJECT

public:
    struct Job
    {
        TradeQuery query;
        QTimeZone zone = QTimeZone::systemTimeZone();
        bool groups = true; // TradeReader::groups
        int nets = -1;      // TradeReader::netsInCloseOrder up to this many; -1: none
        int rowsFrom = 0;   // TradeReader::trades: `rows` of them from this row
        int rows = 0;
        bool statistics = false; // TradeReader::statistics
    };
    struct Result
    {
        int ticket = 0;
        QList<TradeGroup> groups;
        std::optional<QList<CurveTrade>> nets;
        int rowsFrom = 0;
        QList<ClosedTrade> rows;
        QStringList rowAccounts; // each row's account (its key), for a query of every account
        std::optional<TraderStatistics> statistics; // when asked for and read
    };

    // `newestOnly`: a request not begun when a newer one comes is skipped (figures); else
    // every request is answered in order (windows of rows a view asked for).
    explicit TradeFigureLoader(bool newestOnly = true, QObject *parent = nullptr);
    ~TradeFigureLoader() override;

    // Reads `job` from `store` (not owned; it must outlive the answer); the answer comes as
    // loaded() with the ticket returned here.
    int request(const ClosedTradeStore *store, const Job &job);
    // Starts keeping `account`'s history per day in `zone`, read a month at a time between
    // requests, so that a first "All" is already there when asked for. Nothing for a history
    // in memory.
    void warm(const ClosedTradeStore *store, const Account &account,
              const QTimeZone &zone = QTimeZone::systemTimeZone());

Q_SIGNALS:
    void loaded(const TradeFigureLoader::Result &result);
    // warm() has read the whole of `account`'s history.
    void warmed(const Account &account);

private:
    // The worker's connection to `store`'s file, made anew when the store's is another: its
    // name, valid from the worker's next task on.
    QString connectTo(const ClosedTradeStore *store);
    void warmStep(const QString &connection, const Account &account, const QTimeZone &zone);

    QThread m_thread;
    QObject *m_worker = nullptr; // lives in m_thread
    std::atomic<int> m_latest{0};
    bool m_newestOnly = true;
    QString m_connection;     // the worker's, made and used in m_thread
    QString m_connectedTo;    // the store connection it was cloned from
    TradeGroupCache m_groups; // used in m_thread only
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/account.h"
#include "domain/closedtrade.h"
#include "domain/positionfilter.h"
#include "domain/priceprecision.h"
#include "history/tradefigureloader.h"
#include "history/tradequery.h"
#include "models/performance.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QTimer>

class Clock;
class ClosedTradeStore;

// Closed Trades over the history file: one account's trades of a period (or every account's),
// filtered as Open Trades is (PositionFilter) and sorted by any column, without ever holding the
// period in memory. The period is read once, off the GUI thread (TradeFigureLoader), as its trades
// added up per day and kind (TradeReader::groups): the count, the totals, the charts and the
// filters' choices come from those, and a filter without a search is applied to them without
// reading the file again; until a period or a search has been read, what was shown stays
// (isReading()). The rows are fetched a window at a time as the view asks for them, a few
// windows kept, each read off the GUI thread as the view first asks for it (its rows empty
// until dataChanged()); sorting is SQL too (sort()), the old order shown until the new one
// has been read. Totals say how many closes are unconfirmed (positions
// that vanished from a snapshot, not yet confirmed as closed by the feed). It reloads, at most a
// few times a second, when the store records or withdraws trades.
class ClosedTradesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // In the order of TradeQuery::Key.
    enum Column {
        OpenTimeColumn,
        CloseTimeColumn,
        TicketColumn,
        SymbolColumn,
        TypeColumn,
        VolumeColumn,
        OpenPriceColumn,
        ClosePriceColumn,
        SwapColumn,
        CommissionColumn,
        ProfitColumn,
        NetColumn,
        ReasonColumn,
        SignalColumn,
        AccountColumn, // whose trade it is: shown where every account's are
        ColumnCount
    };
    enum Role { ToneRole = Qt::UserRole + 1, ConfirmedRole };
    enum class Period { Today, ThisWeek, ThisMonth, All, Custom };
    Q_ENUM(Period)
    using Totals = TradeTotals;

    // Rows fetched at a time, and how many such windows are kept.
    static constexpr int kWindowRows = 200;
    static constexpr int kWindowsKept = 16;

    // `store` may be null until setSource().
    explicit ClosedTradesModel(ClosedTradeStore *store = nullptr, const Account &account = {},
                               QObject *parent = nullptr);

    // Shows `account`'s trades from `store` (not owned); every account's as allAccounts() says,
    // or as `allAccounts` says: one read of the period either way.
    void setSource(ClosedTradeStore *store, const Account &account);
    void setSource(ClosedTradeStore *store, const Account &account, bool allAccounts);
    ClosedTradeStore *store() const { return m_store; }
    // historyKept() has come for this store and account (every account's, when all are shown).
    bool isHistoryKept() const { return m_historyKept; }
    const Account &account() const { return m_account; }
    // Every account's trades in the store instead of account()'s, in one close order, each
    // row saying whose it is (AccountColumn); account() stays what it was.
    void setAllAccounts(bool all);
    bool allAccounts() const { return m_allAccounts; }
    // What the Account column calls an account (by Account::key()); one not named here is
    // called by Account::displayName().
    void setAccountNames(const QHash<QString, QString> &names);
    QString accountName(const QString &key) const;

    // Not owned; nullptr restores the system clock ("today" depends on it).
    void setClock(const Clock *clock);

    Period period() const { return m_period; }
    void setPeriod(Period period);
    // A custom range of local dates, both days included.
    void setCustomRange(const QDate &from, const QDate &to);
    // [from, to) in ms since epoch for a period, in local time; to = 0 means open.
    static std::pair<qint64, qint64> range(Period period, const QDateTime &now,
                                           const QDate &customFrom = {},
                                           const QDate &customTo = {});

    const PositionFilter &filter() const { return m_filter; }
    void setFilter(const PositionFilter &filter);

    // What is shown, as a query: the account, the period, the filter and the order.
    TradeQuery query() const { return m_shown; }
    // A period or a filter is being read (off the GUI thread): until it comes, the rows and
    // figures shown are the ones before.
    bool isReading() const { return m_reading; }
    // The trades shown, added up; `of` is every trade of the period.
    Totals totals() const { return m_totals; }
    // The charts of the trades shown.
    const Performance &performance() const { return m_performance; }
    // The trade on a row (read from its window), and whose it is.
    ClosedTrade tradeAt(int row) const;
    Account accountAt(int row) const;
    // What the filters offer for this account and period: the signal traders copied and the
    // symbols traded.
    const QMap<qint64, QString> &signalTraders() const { return m_traders; }
    const QStringList &symbols() const { return m_symbols; }
    // Reads everything again now.
    void reload();
    // The file changed through another connection to it (another account's session): read
    // again a moment later, once for a burst, as for the store's own changes.
    void scheduleReload();
    // While nobody looks (the page hidden), trades recorded only mark it out of date: it
    // reads again when it is looked at, not after every batch of a long History.
    void setActive(bool active);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // In SQL; column -1 restores the history's own order (newest close first).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_query.key ? int(*m_query.key) : -1; }
    Qt::SortOrder sortOrder() const { return m_query.order; }

Q_SIGNALS:
    // The period's trades changed (another period, account or store, or trades recorded):
    // the choices and `of` may differ. shownChanged() follows.
    void totalsChanged();
    // The rows shown changed (any of the above, or the filter): totals() may differ.
    void shownChanged();
    void readingChanged(bool reading);
    // The account's whole history is kept per day from now on (TradeFigureLoader::warm): a
    // period of whole days, "All" too, is answered without reading its trades.
    void historyKept();

private:
    // The filter applied to the period's groups, or read when it has a search.
    void requery();
    void onLoaded(const TradeFigureLoader::Result &result);
    void onRowsLoaded(const TradeFigureLoader::Result &result);
    // Resets to what a query selects: its groups added up, its charts, its first rows.
    void show(const QList<TradeGroup> &shown, const std::optional<QList<CurveTrade>> &nets,
              const QList<ClosedTrade> &firstRows, const QStringList &firstAccounts);
    void applySort(const TradeFigureLoader::Result &result);
    void dropWindows();
    void keepWindow(int first, QList<ClosedTrade> rows, QStringList accounts) const;
    // Starts keeping the history per day of the accounts shown (TradeFigureLoader::warm).
    void warm();
    // isReading() follows the reads on their way; says when that changes.
    void updateReading();
    // The row from the window that holds it; a window not kept is read now when `wait`, else
    // asked for off the GUI thread (nullptr until dataChanged() says it is there).
    const ClosedTrade *rowAt(int row, bool wait = false) const;

    ClosedTradeStore *m_store = nullptr;
    Account m_account;
    bool m_allAccounts = false;
    QHash<QString, QString> m_accountNames;
    bool m_historyKept = false;
    QSet<QString> m_warmed; // accounts whose history is kept, by key
    const Clock *m_clock = nullptr;
    Period m_period = Period::Today;
    QDate m_customFrom;
    QDate m_customTo;
    PositionFilter m_filter;
    TradeQuery m_query;                           // being read
    TradeQuery m_shown;                           // what the rows, totals and charts are of
    TradeFigureLoader m_loader;                   // periods and filters: the newest only
    mutable TradeFigureLoader m_rowLoader{false}; // windows of rows and sorts: every one
    int m_sortTicket = 0;
    int m_periodTicket = 0; // the period being read, 0 when none is
    int m_shownTicket = 0;  // the filter being read, 0 when none is
    bool m_reading = false; // derived from the tickets, kept to tell a change
    bool m_periodChanged = false;
    bool m_active = true;
    bool m_outOfDate = false;
    QList<TradeGroup> m_pendingShown;
    QList<TradeGroup> m_periodGroups; // the period's trades added up, read once per period
    Totals m_totals;
    Performance m_performance;
    QMap<qint64, QString> m_traders;
    QStringList m_symbols;
    // Windows of rows by their first row, newest use last.
    mutable QHash<int, QList<ClosedTrade>> m_windows;
    mutable QHash<int, QStringList> m_windowAccounts; // each row's account, of every account's
    mutable QList<int> m_windowUse;
    mutable QSet<int> m_requested;           // windows asked for, by first row
    mutable QHash<int, int> m_windowTickets; // the row loader's ticket -> first row
    mutable PricePrecision m_precision;
    QTimer m_reload;
};

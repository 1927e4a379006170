// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/account.h"
#include "domain/closedtrade.h"
#include "domain/positionfilter.h"
#include "domain/priceprecision.h"
#include "history/tradequery.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QSortFilterProxyModel>

class Clock;
class ClosedTradeStore;

// The first releases' Closed Trades, kept as the reference the SQL-backed ClosedTradesModel is
// held to (tst_closedtradesmodel: the same fixtures both ways). It reads one account's whole
// period into memory and filters and sorts it with a QSortFilterProxyModel
// (ReferenceClosedTradesFilterModel), totals and chart data computed from every row.
class ReferenceClosedTradesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
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
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, ToneRole, ConfirmedRole };
    enum class Period { Today, ThisWeek, ThisMonth, All, Custom };
    Q_ENUM(Period)

    using Totals = TradeTotals;

    // `store` may be null until setSource().
    explicit ReferenceClosedTradesModel(ClosedTradeStore *store = nullptr,
                                        const Account &account = {}, QObject *parent = nullptr);

    // Shows `account`'s trades from `store` (not owned).
    void setSource(ClosedTradeStore *store, const Account &account);
    ClosedTradeStore *store() const { return m_store; }
    const Account &account() const { return m_account; }

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

    const QList<ClosedTrade> &trades() const { return m_trades; }
    Totals totals() const { return m_totals; }
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void totalsChanged();

private:
    ClosedTradeStore *m_store = nullptr;
    Account m_account;
    const Clock *m_clock = nullptr;
    Period m_period = Period::Today;
    QDate m_customFrom;
    QDate m_customTo;
    QList<ClosedTrade> m_trades;
    Totals m_totals;
    PricePrecision m_precision;
};

// The closed trades the trader chooses to see: the same PositionFilter as Open Trades, on the
// position each trade was. Sorts by ReferenceClosedTradesModel::SortRole, and totals what it shows.
class ReferenceClosedTradesFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ReferenceClosedTradesFilterModel(QObject *parent = nullptr);

    // The source must be a ReferenceClosedTradesModel.
    void setSourceModel(QAbstractItemModel *model) override;
    ReferenceClosedTradesModel *trades() const { return m_trades; }

    const PositionFilter &filter() const { return m_filter; }
    void setFilter(const PositionFilter &filter);

    // The trade on a row of this model.
    const ClosedTrade &tradeAt(int row) const;
    // The trades shown, in the order shown.
    QList<ClosedTrade> shownTrades() const;
    // Totals of the rows shown; `of` is every trade of the period.
    ReferenceClosedTradesModel::Totals totals() const;

Q_SIGNALS:
    // The rows shown changed: totals() and shownTrades() may differ.
    void shownChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    ReferenceClosedTradesModel *m_trades = nullptr;
    PositionFilter m_filter;
    bool m_refiltering = false;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/account.h"
#include "domain/closedtrade.h"
#include "domain/priceprecision.h"

#include <QAbstractTableModel>
#include <QDateTime>

class Clock;
class ClosedTradeStore;

// One account's closed-trade history for a period, read from a store, with its totals (how
// many of them are unconfirmed: positions that vanished from a snapshot, not yet confirmed as
// closed by the feed). It reloads when the store records or withdraws trades.
class ClosedTradesModel : public QAbstractTableModel
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
        ReasonColumn,
        SignalColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, ToneRole, ConfirmedRole };
    enum class Period { Today, ThisWeek, ThisMonth, All, Custom };
    Q_ENUM(Period)

    struct Totals
    {
        int count = 0;
        double profit = 0.0; // gross
        double swap = 0.0;
        double commission = 0.0;
        int unconfirmed = 0; // included in the rest
        int of = 0;          // trades there are, shown or not
        double net() const { return profit + swap + commission; }
        void add(const ClosedTrade &trade);
    };

    // `store` may be null until setSource().
    explicit ClosedTradesModel(ClosedTradeStore *store = nullptr, const Account &account = {},
                               QObject *parent = nullptr);

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

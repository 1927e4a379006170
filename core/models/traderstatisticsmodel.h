// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/positionfilter.h"
#include "domain/tradestatistics.h"
#include "history/tradefigureloader.h"
#include "history/tradequery.h"

#include <QAbstractTableModel>

#include <QList>
#include <optional>

class ClosedTradesModel;

// "Which signal trader earns me money, and at what risk": Closed Trades' period, split by
// whose trades they are (TraderStatistics: a row per signal trader copied, one for the
// trader's own positions, and a total row, always last whatever the order). It follows a
// ClosedTradesModel: the same account (or every account: a signal trader copied at several
// is one row of all their fills), period, mode, symbol and search, read off the GUI thread
// in one run over the trades (TradeReader::statistics); the choice of one signal
// trader is left out, so that every trader stays in view to compare and to choose, and
// shownRow() is the row of the trades the table shows. Until a new selection has been read
// the rows before stay (isReading()). Sorting is by value; names by the locale.
class TraderStatisticsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TraderColumn,
        TradesColumn,
        WinRateColumn,
        NetColumn,
        GrossProfitColumn,
        GrossLossColumn,
        ProfitFactorColumn,
        AverageWinColumn,
        AverageLossColumn,
        LargestWinColumn,
        LargestLossColumn,
        MaxDrawdownColumn,
        CostsColumn,
        LotsColumn,
        AverageHoldingColumn,
        ColumnCount
    };
    enum Role {
        ToneRole = Qt::UserRole + 1, // Tone of a money figure
        SortRole,                    // the value sorted by (numbers as numbers)
        TotalRole,                   // true on the total row (set in bold)
    };

    explicit TraderStatisticsModel(ClosedTradesModel *trades, QObject *parent = nullptr);

    const TraderStatistics &statistics() const { return m_statistics; }
    // A selection is being read: the rows shown are of the one before.
    bool isReading() const { return m_ticket != 0; }
    // The figures shown are read, and are those of `query`'s selection (whichever signal
    // trader it chose): what may be written beside an export of `query`.
    bool isOf(const TradeQuery &query) const;
    // The figures of exactly the trades the table shows (its signal trader's row, or the
    // total), or nullptr when they are not read yet.
    const TradeStatistics *shownFigures() const;
    // The row shownFigures() is on, -1 when none.
    int shownRow() const;
    // The filter that shows a row's trades: the current one with that signal trader (or Mine
    // for the own row; every trader again for the total).
    PositionFilter filterFor(int row) const;
    const TraderStatistics::Row *rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // The rows in the order shown as CSV, as ClosedTradeStore writes trades: a header line,
    // a dot for decimals, times in ISO 8601 UTC; a profit factor with no loss is "inf", a
    // figure that does not exist is empty.
    QByteArray csv(bool byteOrderMark = true) const;

    // What a column means, in words: its header's tooltip (the README says the same).
    static QString definition(int column);

    // The trades are of accounts whose money is not in one currency (`why`, a phrase:
    // "the accounts are in EUR and USD"): the columns of money (and the profit factor, a ratio
    // of them) show "–", say why in their tooltip, are left empty in the CSV and sort as
    // figures that do not exist. Empty: shown again.
    void setMoneyWithheld(const QString &why);
    QString moneyWithheld() const { return m_moneyWithheld; }

Q_SIGNALS:
    void readingChanged(bool reading);
    // New figures (another selection, or trades recorded).
    void statisticsChanged();

private:
    void follow();
    void onLoaded(const TradeFigureLoader::Result &result);
    QVariant sortValue(const TraderStatistics::Row &row, int column) const;
    QString nameOf(const TraderStatistics::Row &row) const;
    void applyOrder();

    ClosedTradesModel *m_trades = nullptr;
    TradeFigureLoader m_loader;
    TraderStatistics m_statistics;
    QList<int> m_order; // rows of m_statistics in the order shown, the total last
    QString m_moneyWithheld;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::optional<TradeQuery> m_requested; // what the newest request was of; none yet
    bool m_stale = true;                   // trades were recorded since the last request
    int m_ticket = 0;                      // the request on its way, 0 when none
};

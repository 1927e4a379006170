// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/closedtradesmodel.h"
#include "models/positionfilter.h"

#include <QSortFilterProxyModel>

// The closed trades the trader chooses to see: the same PositionFilter as Open Trades, on the
// position each trade was. Sorts by ClosedTradesModel::SortRole, and totals what it shows.
class ClosedTradesFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ClosedTradesFilterModel(QObject *parent = nullptr);

    // The source must be a ClosedTradesModel.
    void setSourceModel(QAbstractItemModel *model) override;
    ClosedTradesModel *trades() const { return m_trades; }

    const PositionFilter &filter() const { return m_filter; }
    void setFilter(const PositionFilter &filter);

    // The trade on a row of this model.
    const ClosedTrade &tradeAt(int row) const;
    // The trades shown, in the order shown.
    QList<ClosedTrade> shownTrades() const;
    // Totals of the rows shown; `of` is every trade of the period.
    ClosedTradesModel::Totals totals() const;

Q_SIGNALS:
    // The rows shown changed: totals() and shownTrades() may differ.
    void shownChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    ClosedTradesModel *m_trades = nullptr;
    PositionFilter m_filter;
    bool m_refiltering = false;
};

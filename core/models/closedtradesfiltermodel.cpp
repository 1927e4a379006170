// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/closedtradesfiltermodel.h"

ClosedTradesFilterModel::ClosedTradesFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ClosedTradesModel::SortRole);
    // Once per change: a new filter removes and inserts rows, and says so once at the end.
    const auto changed = [this] {
        if (!m_refiltering)
            Q_EMIT shownChanged();
    };
    connect(this, &QAbstractItemModel::modelReset, this, changed);
    connect(this, &QAbstractItemModel::layoutChanged, this, changed);
    connect(this, &QAbstractItemModel::rowsInserted, this, changed);
    connect(this, &QAbstractItemModel::rowsRemoved, this, changed);
}

void ClosedTradesFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_trades = qobject_cast<ClosedTradesModel *>(model);
    Q_ASSERT_X(m_trades || !model, "ClosedTradesFilterModel",
               "the source must be a ClosedTradesModel");
    QSortFilterProxyModel::setSourceModel(model);
}

void ClosedTradesFilterModel::setFilter(const PositionFilter &filter)
{
    const PositionFilter normalised = filter.normalised();
    if (normalised == m_filter)
        return;
    m_filter = normalised;
    m_refiltering = true;
    invalidateFilter();
    m_refiltering = false;
    Q_EMIT shownChanged();
}

bool ClosedTradesFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_trades)
        return false;
    return m_filter.accepts(m_trades->trades().at(sourceRow).position);
}

const ClosedTrade &ClosedTradesFilterModel::tradeAt(int row) const
{
    return m_trades->trades().at(mapToSource(index(row, 0)).row());
}

QList<ClosedTrade> ClosedTradesFilterModel::shownTrades() const
{
    QList<ClosedTrade> shown;
    const int rows = rowCount();
    shown.reserve(rows);
    for (int row = 0; row < rows; ++row)
        shown.append(tradeAt(row));
    return shown;
}

ClosedTradesModel::Totals ClosedTradesFilterModel::totals() const
{
    ClosedTradesModel::Totals totals;
    if (!m_trades)
        return totals;
    totals.of = m_trades->rowCount();
    const int rows = rowCount();
    for (int row = 0; row < rows; ++row)
        totals.add(tradeAt(row));
    return totals;
}

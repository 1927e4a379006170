// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/positionsfiltermodel.h"

#include "domain/position.h"
#include "models/positionsmodel.h"

#include <utility>

PositionsFilterModel::PositionsFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(PositionsModel::SortRole);
    setDynamicSortFilter(true);
    connect(this, &QAbstractItemModel::modelReset, this, &PositionsFilterModel::totalsChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &PositionsFilterModel::totalsChanged);
    connect(this, &QAbstractItemModel::rowsInserted, this, &PositionsFilterModel::totalsChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &PositionsFilterModel::totalsChanged);
    connect(this, &QAbstractItemModel::dataChanged, this, &PositionsFilterModel::totalsChanged);
    // Without a user sort: following positions first, as the original client showed them.
    QSortFilterProxyModel::sort(0, Qt::AscendingOrder);
}

void PositionsFilterModel::setSourceModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &c : m_sourceConnections)
        disconnect(c);
    m_sourceConnections.clear();
    m_positions = qobject_cast<PositionsModel *>(model);
    Q_ASSERT_X(m_positions || !model, "PositionsFilterModel",
               "the source must be a PositionsModel");
    // Slots run in the order they were connected: one before the base class sees a change,
    // one after.
    if (model)
        m_sourceConnections.append(connect(model, &QAbstractItemModel::dataChanged, this,
                                           &PositionsFilterModel::beforeSourceDataChanged));
    QSortFilterProxyModel::setSourceModel(model);
    if (model)
        m_sourceConnections.append(connect(model, &QAbstractItemModel::dataChanged, this,
                                           &PositionsFilterModel::afterSourceDataChanged));
}

void PositionsFilterModel::beforeSourceDataChanged(const QModelIndex &topLeft,
                                                   const QModelIndex &bottomRight)
{
    // A burst of ticks over many rows of a sorted column: the base class would take every
    // row out and put each back in its place (quadratic in the rows: 20 ms for 10,000). One
    // stable sort of the whole level after the change costs a tenth of that. Only when the
    // change cannot touch what the filter looks at (ticket, symbol, signal).
    const int column = sortColumn();
    if (!m_userSorted || !dynamicSortFilter() || column < topLeft.column() ||
        column > bottomRight.column() || bottomRight.row() - topLeft.row() + 1 < kBulkRows)
        return;
    for (const int filtered : {int(PositionsModel::TicketColumn), int(PositionsModel::SymbolColumn),
                               int(PositionsModel::SignalColumn)}) {
        if (filtered >= topLeft.column() && filtered <= bottomRight.column())
            return;
    }
    m_sortAfterChange = true;
    setDynamicSortFilter(false); // the base class passes the change on, unsorted
}

void PositionsFilterModel::afterSourceDataChanged()
{
    if (std::exchange(m_sortAfterChange, false))
        setDynamicSortFilter(true); // sorts the whole level once
}

void PositionsFilterModel::setFilter(const PositionFilter &filter)
{
    const PositionFilter normalised = filter.normalised();
    if (normalised == m_filter)
        return;
    m_filter = normalised;
    refilter();
}

void PositionsFilterModel::setMode(Mode mode)
{
    PositionFilter filter = m_filter;
    filter.mode = mode;
    setFilter(filter);
}

void PositionsFilterModel::setSignalTraderId(qint64 id)
{
    PositionFilter filter = m_filter;
    filter.signalTraderId = id;
    setFilter(filter);
}

void PositionsFilterModel::setSymbol(const QString &symbol)
{
    PositionFilter filter = m_filter;
    filter.symbol = symbol;
    setFilter(filter);
}

void PositionsFilterModel::setSearchText(const QString &text)
{
    PositionFilter filter = m_filter;
    filter.search = text;
    setFilter(filter);
}

void PositionsFilterModel::refilter()
{
    invalidateFilter();
    Q_EMIT filterChanged();
    Q_EMIT totalsChanged();
}

void PositionsFilterModel::sort(int column, Qt::SortOrder order)
{
    m_userSorted = column >= 0;
    QSortFilterProxyModel::sort(m_userSorted ? column : 0,
                                m_userSorted ? order : Qt::AscendingOrder);
}

bool PositionsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_positions)
        return false;
    return m_filter.accepts(m_positions->positionAt(sourceRow));
}

bool PositionsFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_userSorted && m_positions) {
        // Straight from the positions, not through QVariant: a sort of ten thousand rows on a
        // ticking column runs every flush, so each comparison counts.
        const Position &a = m_positions->positionAt(left.row());
        const Position &b = m_positions->positionAt(right.row());
        switch (left.column()) {
        case PositionsModel::TicketColumn:
            return a.ticket < b.ticket;
        case PositionsModel::OpenTimeColumn:
            return a.openTime < b.openTime;
        case PositionsModel::SymbolColumn:
            return QString::compare(a.symbol, b.symbol, sortCaseSensitivity()) < 0;
        case PositionsModel::TypeColumn:
            return a.side < b.side;
        case PositionsModel::VolumeColumn:
            return a.volume < b.volume;
        case PositionsModel::OpenPriceColumn:
            return a.openPrice < b.openPrice;
        case PositionsModel::StopLossColumn:
            return a.sl < b.sl;
        case PositionsModel::TakeProfitColumn:
            return a.tp < b.tp;
        case PositionsModel::PriceColumn:
            return a.price < b.price;
        case PositionsModel::SwapColumn:
            return a.swap < b.swap;
        case PositionsModel::CommissionColumn:
            return a.commission < b.commission;
        case PositionsModel::ProfitColumn:
            return a.profit < b.profit;
        default:
            return QSortFilterProxyModel::lessThan(left, right);
        }
    }
    // Default order: following before own, otherwise as the feed delivered them.
    const Position &a = m_positions->positionAt(left.row());
    const Position &b = m_positions->positionAt(right.row());
    if (a.flwsig != b.flwsig)
        return a.flwsig;
    return left.row() < right.row();
}

PositionsFilterModel::Totals PositionsFilterModel::totals() const
{
    Totals totals;
    if (!m_positions)
        return totals;
    totals.of = m_positions->rowCount();
    // The rows shown are the positions the filter accepts: no index mapping needed.
    for (int row = 0; row < totals.of; ++row) {
        const Position &p = m_positions->positionAt(row);
        if (!m_filter.accepts(p))
            continue;
        ++totals.count;
        totals.volume += p.volume;
        totals.profit += p.profit;
        totals.net += p.net();
    }
    return totals;
}

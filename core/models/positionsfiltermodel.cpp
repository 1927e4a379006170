// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/positionsfiltermodel.h"

#include "domain/position.h"
#include "models/positionsmodel.h"

#include <algorithm>
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
    if (model) {
        m_sourceConnections.append(connect(model, &QAbstractItemModel::dataChanged, this,
                                           &PositionsFilterModel::afterSourceDataChanged));
        m_sourceConnections.append(connect(m_positions, &PositionsModel::flushed, this,
                                           &PositionsFilterModel::onSourceFlushed));
    }
}

void PositionsFilterModel::beforeSourceDataChanged(const QModelIndex &topLeft,
                                                   const QModelIndex &bottomRight)
{
    // The model says a flush as one dataChanged per run of rows, after every row has its
    // new value. The base class sorts each run into rows it takes to be in order, which
    // the later runs' rows no longer are: a row could be left out of place. And it moves
    // the rows of a long run one by one (quadratic: 20 ms for 10,000 rows). So a flush that
    // changes the order passes its values on unsorted and is sorted once when it ends.
    const auto touches = [&](int column) {
        return column >= topLeft.column() && column <= bottomRight.column();
    };
    const bool filtered = touches(PositionsModel::TicketColumn) ||
                          touches(PositionsModel::SymbolColumn) ||
                          touches(PositionsModel::SignalColumn);
    if (m_heldBack != HeldBack::Nothing) {
        if (filtered)
            m_heldBack = HeldBack::OrderAndFilter;
        return;
    }
    // Without a user sort the order is following first: the signal column says that.
    const bool ordered =
        m_userSorted ? touches(sortColumn()) : touches(PositionsModel::SignalColumn);
    if (!dynamicSortFilter() || !ordered)
        return;
    m_heldBack = filtered ? HeldBack::OrderAndFilter : HeldBack::Order;
    setDynamicSortFilter(false); // the base class passes the change on, unsorted
}

void PositionsFilterModel::afterSourceDataChanged()
{
    // A change from outside a flush ends here.
    if (m_positions && !m_positions->isFlushing())
        sortAfterChanges();
}

void PositionsFilterModel::onSourceFlushed()
{
    sortAfterChanges();
    Q_EMIT flushed();
}

bool PositionsFilterModel::isFlushing() const
{
    return m_refiltering || (m_positions && m_positions->isFlushing());
}

void PositionsFilterModel::sortAfterChanges()
{
    const HeldBack held = std::exchange(m_heldBack, HeldBack::Nothing);
    if (held == HeldBack::Nothing)
        return;
    sortWithKeys();
    // Rows the change took out of the filter, or into it, now that the order is right
    // again (rows come in by binary search).
    if (held == HeldBack::OrderAndFilter)
        invalidateFilter();
}

void PositionsFilterModel::sortWithKeys()
{
    // Turning the dynamic sort back on sorts the whole level once.
    const int column = sortColumn();
    if (!m_positions || !m_userSorted || !PositionsModel::sortsByNumber(column)) {
        setDynamicSortFilter(true);
        return;
    }
    const int rows = m_positions->rowCount();
    m_sortKeys.resize(size_t(rows));
    for (int row = 0; row < rows; ++row)
        m_sortKeys[size_t(row)] = PositionsModel::sortKey(m_positions->positionAt(row), column);
    setDynamicSortFilter(true);
    m_sortKeys.clear();
}

void PositionsFilterModel::multiData(const QModelIndex &index,
                                     QModelRoleDataSpan roleDataSpan) const
{
    const QModelIndex source = mapToSource(index);
    if (!source.isValid()) {
        for (QModelRoleData &roleData : roleDataSpan)
            roleData.clearData();
        return;
    }
    source.multiData(roleDataSpan);
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

void PositionsFilterModel::setAccount(int account)
{
    account = std::max(account, -1);
    if (account == m_account)
        return;
    m_account = account;
    refilter();
}

void PositionsFilterModel::refilter()
{
    // Rows in and out in many runs: one flush for those above.
    m_refiltering = true;
    invalidateFilter();
    m_refiltering = false;
    Q_EMIT flushed();
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
    if (m_account >= 0 && m_positions->accountAt(sourceRow) != m_account)
        return false;
    return m_filter.accepts(m_positions->positionAt(sourceRow));
}

bool PositionsFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_sortKeys.empty())
        return m_sortKeys[size_t(left.row())] < m_sortKeys[size_t(right.row())];
    if (m_userSorted && m_positions) {
        // Straight from the positions, not through QVariant: a sort of ten thousand rows on a
        // ticking column runs every flush, so each comparison counts.
        const Position &a = m_positions->positionAt(left.row());
        const Position &b = m_positions->positionAt(right.row());
        const int column = left.column();
        if (PositionsModel::sortsByNumber(column))
            return PositionsModel::sortKey(a, column) < PositionsModel::sortKey(b, column);
        if (column == PositionsModel::SymbolColumn)
            return QString::compare(a.symbol, b.symbol, sortCaseSensitivity()) < 0;
        return QSortFilterProxyModel::lessThan(left, right);
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
    std::vector<bool> seen(size_t(m_positions->bookCount()), false);
    for (int row = 0; row < totals.of; ++row) {
        const int account = m_positions->accountAt(row);
        if (m_account >= 0 && account != m_account)
            continue;
        const Position &p = m_positions->positionAt(row);
        if (!m_filter.accepts(p))
            continue;
        seen[size_t(account)] = true;
        ++totals.count;
        totals.volume += p.volume;
        totals.profit += p.profit;
        totals.net += p.net();
    }
    for (size_t account = 0; account < seen.size(); ++account) {
        if (seen[account])
            totals.accounts.append(int(account));
    }
    return totals;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/positionsfiltermodel.h"

#include "domain/position.h"
#include "models/positionsmodel.h"

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
    m_positions = qobject_cast<PositionsModel *>(model);
    Q_ASSERT_X(m_positions || !model, "PositionsFilterModel",
               "the source must be a PositionsModel");
    QSortFilterProxyModel::setSourceModel(model);
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
    const int rows = rowCount();
    for (int row = 0; row < rows; ++row) {
        const Position &p = m_positions->positionAt(mapToSource(index(row, 0)).row());
        ++totals.count;
        totals.volume += p.volume;
        totals.profit += p.profit;
        totals.net += p.net();
    }
    return totals;
}

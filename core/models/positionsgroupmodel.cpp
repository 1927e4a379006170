// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/positionsgroupmodel.h"

#include "domain/position.h"
#include "domain/tone.h"
#include "domain/tradetext.h"
#include "models/positionsmodel.h"

#include <QLocale>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {
constexpr auto kOwnKey = "own";
} // namespace

PositionsGroupModel::PositionsGroupModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PositionsGroupModel::setSourceModel(PositionsFilterModel *source)
{
    beginResetModel();
    if (m_source)
        m_source->disconnect(this);
    m_source = source;
    if (m_source) {
        // Rows come and go (an open, a close, a filter): a reset. Re-sorts: a layout change.
        connect(m_source, &QAbstractItemModel::modelAboutToBeReset, this,
                &PositionsGroupModel::beginResetModel);
        connect(m_source, &QAbstractItemModel::modelReset, this, [this] {
            rebuild();
            endResetModel();
        });
        connect(m_source, &QAbstractItemModel::rowsAboutToBeInserted, this,
                &PositionsGroupModel::beginResetModel);
        connect(m_source, &QAbstractItemModel::rowsInserted, this, [this] {
            rebuild();
            endResetModel();
        });
        connect(m_source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                &PositionsGroupModel::beginResetModel);
        connect(m_source, &QAbstractItemModel::rowsRemoved, this, [this] {
            rebuild();
            endResetModel();
        });
        connect(m_source, &QAbstractItemModel::layoutAboutToBeChanged, this,
                &PositionsGroupModel::onLayoutAboutToBeChanged);
        connect(m_source, &QAbstractItemModel::layoutChanged, this,
                &PositionsGroupModel::onLayoutChanged);
        connect(m_source, &QAbstractItemModel::dataChanged, this,
                &PositionsGroupModel::onSourceDataChanged);
    }
    rebuild();
    endResetModel();
}

void PositionsGroupModel::resetFromSource()
{
    beginResetModel();
    rebuild();
    endResetModel();
}

void PositionsGroupModel::setGrouping(Grouping grouping)
{
    if (m_grouping == grouping)
        return;
    m_grouping = grouping;
    resetFromSource();
}

void PositionsGroupModel::setCollapsed(const QString &key, bool collapsed)
{
    if (isCollapsed(key) == collapsed)
        return;
    if (collapsed)
        m_collapsed.insert(key);
    else
        m_collapsed.remove(key);
    resetFromSource();
}

QStringList PositionsGroupModel::collapsedKeys() const
{
    QStringList keys(m_collapsed.cbegin(), m_collapsed.cend());
    keys.sort();
    return keys;
}

void PositionsGroupModel::setCollapsedKeys(const QStringList &keys)
{
    m_collapsed = QSet<QString>(keys.cbegin(), keys.cend());
    resetFromSource();
}

bool PositionsGroupModel::toggle(const QModelIndex &groupRow)
{
    if (!isGroupRow(groupRow))
        return false;
    const QString key = m_groups.at(m_rows.at(groupRow.row()).group).key;
    setCollapsed(key, !isCollapsed(key));
    return true;
}

void PositionsGroupModel::setLabelColumn(int column)
{
    if (m_labelColumn == column || column < 0)
        return;
    const int old = m_labelColumn;
    m_labelColumn = column;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).sourceRow < 0) {
            Q_EMIT dataChanged(index(row, std::min(old, column)),
                               index(row, std::max(old, column)));
        }
    }
}

QString PositionsGroupModel::keyOf(int sourceRow, QString *label, bool *own) const
{
    const QModelIndex proxied = m_source->index(sourceRow, 0);
    const auto *positions = static_cast<const PositionsModel *>(m_source->sourceModel());
    const Position &p = positions->positionAt(m_source->mapToSource(proxied).row());
    switch (m_grouping) {
    case Grouping::SignalTrader:
        if (own)
            *own = !p.flwsig;
        if (!p.flwsig) {
            if (label)
                *label = tr("Your own positions");
            return QString::fromLatin1(kOwnKey);
        }
        if (label)
            *label = TradeText::signal(p);
        return QString::number(p.sigtraderid);
    case Grouping::Symbol:
        if (label)
            *label = p.symbol;
        return p.symbol;
    case Grouping::None:
        break;
    }
    return {};
}

void PositionsGroupModel::rebuild()
{
    m_groups.clear();
    m_rows.clear();
    m_rowOfSource.clear();
    m_keyOfSource.clear();
    if (!m_source)
        return;
    const int count = m_source->rowCount();
    m_rowOfSource.fill(-1, count);
    m_keyOfSource.resize(count);
    if (m_grouping == Grouping::None) {
        m_rows.reserve(count);
        for (int row = 0; row < count; ++row) {
            m_rowOfSource[row] = row;
            m_rows.append({-1, row});
        }
        return;
    }
    // The groups: copies by trader name (or symbols by name), your own positions last.
    QHash<QString, int> groupOf;
    QList<QList<int>> members;
    const auto *positions = static_cast<const PositionsModel *>(m_source->sourceModel());
    for (int row = 0; row < count; ++row) {
        Group group;
        group.key = keyOf(row, &group.label, &group.own);
        m_keyOfSource[row] = group.key;
        int at = groupOf.value(group.key, -1);
        if (at < 0) {
            at = int(m_groups.size());
            groupOf.insert(group.key, at);
            m_groups.append(group);
            members.append(QList<int>());
        }
        members[at].append(row);
        const Position &p =
            positions->positionAt(m_source->mapToSource(m_source->index(row, 0)).row());
        Subtotals &s = m_groups[at].subtotals;
        ++s.positions;
        s.lots += p.volume;
        s.profit += p.profit;
        s.swap += p.swap;
        s.commission += p.commission;
    }
    QList<int> order(m_groups.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [this](int a, int b) {
        const Group &x = m_groups.at(a);
        const Group &y = m_groups.at(b);
        if (x.own != y.own)
            return y.own;
        const int byLabel = QString::compare(x.label, y.label, Qt::CaseInsensitive);
        return byLabel != 0 ? byLabel < 0 : x.key < y.key;
    });
    QList<Group> sorted;
    for (const int at : std::as_const(order)) {
        const int group = int(sorted.size());
        sorted.append(m_groups.at(at));
        m_rows.append({group, -1});
        if (m_collapsed.contains(sorted.constLast().key))
            continue;
        for (const int sourceRow : std::as_const(members.at(at))) {
            m_rowOfSource[sourceRow] = int(m_rows.size());
            m_rows.append({group, sourceRow});
        }
    }
    m_groups = sorted;
}

void PositionsGroupModel::onSourceDataChanged(const QModelIndex &topLeft,
                                              const QModelIndex &bottomRight, const QList<int> &)
{
    if (!topLeft.isValid())
        return;
    if (m_grouping == Grouping::None) {
        Q_EMIT dataChanged(index(topLeft.row(), topLeft.column()),
                           index(bottomRight.row(), bottomRight.column()));
        return;
    }
    // A position moved to another group (its symbol or signal changed): everything anew.
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        if (keyOf(row) != m_keyOfSource.value(row)) {
            resetFromSource();
            return;
        }
    }
    // Otherwise the same rows with new values: the subtotals follow.
    const QList<Group> before = m_groups;
    rebuild();
    int first = int(m_rows.size());
    int last = -1;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const int ours = m_rowOfSource.value(row, -1);
        if (ours >= 0) {
            first = std::min(first, ours);
            last = std::max(last, ours);
        }
    }
    if (last >= 0)
        Q_EMIT dataChanged(index(first, topLeft.column()), index(last, bottomRight.column()));
    for (int row = 0; row < m_rows.size(); ++row) {
        const Row &r = m_rows.at(row);
        if (r.sourceRow >= 0)
            continue;
        const Subtotals &was = before.value(r.group).subtotals;
        const Subtotals &now = m_groups.at(r.group).subtotals;
        if (was.profit != now.profit || was.swap != now.swap || was.commission != now.commission ||
            was.lots != now.lots)
            Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
}

void PositionsGroupModel::onLayoutAboutToBeChanged()
{
    Q_EMIT layoutAboutToBeChanged();
    m_persistent = persistentIndexList();
    m_persistentTargets.clear();
    for (const QModelIndex &index : std::as_const(m_persistent)) {
        const Row &row = m_rows.at(index.row());
        if (row.sourceRow < 0)
            m_persistentTargets.append(std::pair<qint64, QString>(0, m_groups.at(row.group).key));
        else
            m_persistentTargets.append(std::pair<qint64, QString>(
                m_source->index(row.sourceRow, 0).data(PositionsModel::TicketRole).toLongLong(),
                QString()));
    }
}

void PositionsGroupModel::onLayoutChanged()
{
    rebuild();
    // A sorted column ticks many times a second: no lookup tables when no index needs them.
    if (m_persistent.isEmpty()) {
        m_persistentTargets.clear();
        Q_EMIT layoutChanged();
        return;
    }
    // Where each persistent index went: the same ticket, or the same group.
    QHash<qint64, int> rowOfTicket;
    QHash<QString, int> rowOfGroup;
    for (int row = 0; row < m_rows.size(); ++row) {
        const Row &r = m_rows.at(row);
        if (r.sourceRow < 0)
            rowOfGroup.insert(m_groups.at(r.group).key, row);
        else
            rowOfTicket.insert(
                m_source->index(r.sourceRow, 0).data(PositionsModel::TicketRole).toLongLong(), row);
    }
    QModelIndexList from;
    QModelIndexList to;
    for (int i = 0; i < m_persistent.size(); ++i) {
        const QModelIndex &index = m_persistent.at(i);
        const auto &[ticket, key] = m_persistentTargets.at(i);
        const int row = ticket ? rowOfTicket.value(ticket, -1) : rowOfGroup.value(key, -1);
        from.append(index);
        to.append(row >= 0 ? this->index(row, index.column()) : QModelIndex());
    }
    changePersistentIndexList(from, to);
    m_persistent.clear();
    m_persistentTargets.clear();
    Q_EMIT layoutChanged();
}

bool PositionsGroupModel::isGroupRow(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && index.row() < m_rows.size() &&
           m_rows.at(index.row()).sourceRow < 0;
}

PositionsGroupModel::Subtotals PositionsGroupModel::subtotals(const QModelIndex &groupRow) const
{
    if (!isGroupRow(groupRow))
        return {};
    return m_groups.at(m_rows.at(groupRow.row()).group).subtotals;
}

QModelIndex PositionsGroupModel::mapToSource(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || isGroupRow(index) || !m_source)
        return {};
    return m_source->index(m_rows.at(index.row()).sourceRow, index.column());
}

QModelIndex PositionsGroupModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != m_source)
        return {};
    const int row = m_rowOfSource.value(sourceIndex.row(), -1);
    return row >= 0 ? index(row, sourceIndex.column()) : QModelIndex();
}

int PositionsGroupModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PositionsGroupModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_source ? 0 : m_source->columnCount();
}

QString PositionsGroupModel::groupLabel(const Group &group) const
{
    const QString arrow = m_collapsed.contains(group.key) ? u"▸ "_s : u"▾ "_s;
    const double net = group.subtotals.net();
    return arrow + tr("%1 — %n position(s), net %2", nullptr, group.subtotals.positions)
                       .arg(group.label, (net > 0 ? u"+"_s : QString()) + TradeText::amount(net));
}

QVariant PositionsGroupModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (row.sourceRow >= 0) {
        if (role == GroupRole)
            return false;
        if (role == GroupKeyRole)
            return row.group >= 0 ? m_groups.at(row.group).key : QString();
        return m_source->index(row.sourceRow, index.column()).data(role);
    }
    const Group &group = m_groups.at(row.group);
    const Subtotals &s = group.subtotals;
    const int column = index.column();
    switch (role) {
    case GroupRole:
        return true;
    case GroupKeyRole:
        return group.key;
    case CollapsedRole:
        return m_collapsed.contains(group.key);
    case Qt::DisplayRole:
        if (column == m_labelColumn)
            return groupLabel(group);
        switch (column) {
        case PositionsModel::VolumeColumn:
            return TradeText::amount(s.lots);
        case PositionsModel::SwapColumn:
            return TradeText::amount(s.swap);
        case PositionsModel::CommissionColumn:
            return TradeText::amount(s.commission);
        case PositionsModel::ProfitColumn:
            return TradeText::amount(s.profit);
        default:
            return {};
        }
    case PositionsModel::SortRole:
        return {};
    case PositionsModel::ToneRole:
        return QVariant::fromValue(toneOf(s.profit));
    case Qt::TextAlignmentRole:
        if (column == m_labelColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::ToolTipRole:
        return m_collapsed.contains(group.key)
                   ? tr("Double-click or press Space to show this group's positions")
                   : tr("Double-click or press Space to fold this group");
    default:
        return {};
    }
}

QVariant PositionsGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return m_source ? m_source->headerData(section, orientation, role) : QVariant();
}

Qt::ItemFlags PositionsGroupModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

void PositionsGroupModel::sort(int column, Qt::SortOrder order)
{
    if (m_source)
        m_source->sort(column, order);
}

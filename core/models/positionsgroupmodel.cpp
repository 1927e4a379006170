// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/positionsgroupmodel.h"

#include "domain/currencies.h"

#include "domain/position.h"
#include "domain/tone.h"
#include "domain/tradetext.h"
#include "models/positionsmodel.h"

#include <QLocale>

#include <algorithm>
#include <numeric>
#include <utility>

using namespace Qt::StringLiterals;

namespace {
constexpr auto kOwnKey = "own";
constexpr auto kAccountKeyPrefix = "account:";

QString signedAmount(double value)
{
    return (value > 0 ? u"+"_s : QString()) + TradeText::amount(value);
}
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
    m_pending = Pending::Nothing;
    if (m_source) {
        // Whatever moves rows is a layout change, begun before the source moves them...
        const auto begin = [this] { beginLayoutChange(); };
        connect(m_source, &QAbstractItemModel::modelAboutToBeReset, this, begin);
        connect(m_source, &QAbstractItemModel::layoutAboutToBeChanged, this, begin);
        connect(m_source, &QAbstractItemModel::rowsAboutToBeInserted, this, begin);
        connect(m_source, &QAbstractItemModel::rowsAboutToBeRemoved, this, begin);
        // ...and ended once, when the source is done.
        const auto changed = [this] { sourceChanged(Pending::Layout); };
        connect(m_source, &QAbstractItemModel::modelReset, this, changed);
        connect(m_source, &QAbstractItemModel::layoutChanged, this, changed);
        connect(m_source, &QAbstractItemModel::rowsInserted, this, changed);
        connect(m_source, &QAbstractItemModel::rowsRemoved, this, changed);
        connect(m_source, &QAbstractItemModel::dataChanged, this,
                &PositionsGroupModel::onSourceDataChanged);
        connect(m_source, &PositionsFilterModel::flushed, this, &PositionsGroupModel::finish);
    }
    m_layout = build();
    endResetModel();
}

void PositionsGroupModel::resetFromSource()
{
    beginResetModel();
    m_layout = build();
    m_pending = Pending::Nothing;
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
    const QString key = m_layout.groups.at(m_layout.rows.at(groupRow.row()).group).key;
    setCollapsed(key, !isCollapsed(key));
    return true;
}

void PositionsGroupModel::setLabelColumn(int column)
{
    if (m_labelColumn == column || column < 0)
        return;
    const int old = m_labelColumn;
    m_labelColumn = column;
    for (int row = 0; row < m_layout.rows.size(); ++row) {
        if (m_layout.rows.at(row).sourceRow < 0) {
            Q_EMIT dataChanged(index(row, std::min(old, column)),
                               index(row, std::max(old, column)));
        }
    }
}

const PositionsModel *PositionsGroupModel::positions() const
{
    return static_cast<const PositionsModel *>(m_source->sourceModel());
}

int PositionsGroupModel::positionsRowOf(int sourceRow) const
{
    return m_source->mapToSource(m_source->index(sourceRow, 0)).row();
}

const Position &PositionsGroupModel::positionOf(int sourceRow) const
{
    return positions()->positionAt(positionsRowOf(sourceRow));
}

QString PositionsGroupModel::keyOf(int sourceRow, QString *label, bool *own) const
{
    const Position &p = positionOf(sourceRow);
    switch (m_grouping) {
    case Grouping::Account: {
        // By name, so that a folded account stays folded when the accounts are reordered.
        const QString name =
            positions()->accountName(positions()->accountAt(positionsRowOf(sourceRow)));
        if (label)
            *label = name.isEmpty() ? tr("This account") : name;
        return QString::fromLatin1(kAccountKeyPrefix) + name;
    }
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

PositionsGroupModel::Layout PositionsGroupModel::build() const
{
    Layout layout;
    if (!m_source)
        return layout;
    const int count = m_source->rowCount();
    layout.rowOfSource.fill(-1, count);
    if (m_grouping == Grouping::None) {
        layout.rows.reserve(count);
        for (int row = 0; row < count; ++row) {
            layout.rowOfSource[row] = row;
            layout.rows.append({-1, row});
        }
        return layout;
    }
    // The groups: copies by trader name (or symbols by name), your own positions last.
    QHash<QString, int> groupOf;
    QList<Group> groups;
    QList<QList<int>> members;
    for (int row = 0; row < count; ++row) {
        const Position &p = positionOf(row);
        Group group;
        group.key = keyOf(row, &group.label, &group.own);
        group.order = groups.size();
        int at = groupOf.value(group.key, -1);
        if (at < 0) {
            at = int(groups.size());
            groupOf.insert(group.key, at);
            groups.append(group);
            members.append(QList<int>());
        }
        members[at].append(row);
        const int account = positions()->accountAt(positionsRowOf(row));
        if (!groups[at].accounts.contains(account))
            groups[at].accounts.append(account);
        Subtotals &s = groups[at].subtotals;
        ++s.positions;
        s.lots += p.volume;
        s.profit += p.profit;
        s.swap += p.swap;
        s.commission += p.commission;
    }
    QList<int> order(groups.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&groups, grouping = m_grouping](int a, int b) {
        const Group &x = groups.at(a);
        const Group &y = groups.at(b);
        if (x.own != y.own)
            return y.own;
        // Accounts in the trader's order (the order in which they first appear).
        if (grouping == Grouping::Account)
            return x.order < y.order;
        const int byLabel = QString::compare(x.label, y.label, Qt::CaseInsensitive);
        return byLabel != 0 ? byLabel < 0 : x.key < y.key;
    });
    layout.rows.reserve(count + groups.size());
    for (const int at : std::as_const(order)) {
        const int group = int(layout.groups.size());
        layout.groups.append(groups.at(at));
        layout.rows.append({group, -1});
        if (m_collapsed.contains(groups.at(at).key))
            continue;
        for (const int sourceRow : std::as_const(members.at(at))) {
            layout.rowOfSource[sourceRow] = int(layout.rows.size());
            layout.rows.append({group, sourceRow});
        }
    }
    return layout;
}

bool PositionsGroupModel::sameRows(const Layout &next) const
{
    // Only asked when the source moved no row: a position row is the same source row.
    if (next.rows.size() != m_layout.rows.size())
        return false;
    for (int row = 0; row < next.rows.size(); ++row) {
        const Row &was = m_layout.rows.at(row);
        const Row &now = next.rows.at(row);
        if (was.sourceRow != now.sourceRow)
            return false;
        if (was.sourceRow < 0 && m_layout.groups.at(was.group).key != next.groups.at(now.group).key)
            return false;
    }
    return true;
}

PositionsGroupModel::Identity PositionsGroupModel::identityOf(int row) const
{
    const Row &r = m_layout.rows.at(row);
    if (r.sourceRow < 0)
        return {0, m_layout.groups.at(r.group).key};
    return {positions()->keyAt(positionsRowOf(r.sourceRow)), QString()};
}

void PositionsGroupModel::beginLayoutChange()
{
    if (m_pending == Pending::Layout)
        return; // begun already in this flush
    // Said while the source still has the rows that our rows point at.
    // Rows move, columns never: the horizontal header keeps its sections as they are.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    m_pending = Pending::Layout;
    m_persistent = persistentIndexList();
    m_persistentTargets.clear();
    m_persistentTargets.reserve(m_persistent.size());
    for (const QModelIndex &index : std::as_const(m_persistent))
        m_persistentTargets.append(identityOf(index.row()));
}

void PositionsGroupModel::sourceChanged(Pending pending)
{
    m_pending = std::max(m_pending, pending);
    if (!m_source->isFlushing())
        finish();
}

void PositionsGroupModel::onSourceDataChanged(const QModelIndex &topLeft,
                                              const QModelIndex &bottomRight)
{
    if (!topLeft.isValid())
        return;
    if (m_pending != Pending::Layout) {
        // The same rows with new values: said at once; the groups' sums at the flush's end.
        int first = int(m_layout.rows.size());
        int last = -1;
        for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
            const int ours = m_layout.rowOfSource.value(row, -1);
            if (ours >= 0) {
                first = std::min(first, ours);
                last = std::max(last, ours);
            }
        }
        if (last >= 0)
            Q_EMIT dataChanged(index(first, topLeft.column()), index(last, bottomRight.column()));
    }
    sourceChanged(Pending::Values);
}

void PositionsGroupModel::finish()
{
    const Pending pending = std::exchange(m_pending, Pending::Nothing);
    if (pending == Pending::Nothing)
        return;
    Layout next = build();
    if (pending == Pending::Values) {
        if (sameRows(next)) {
            // Only the groups' labels and sums may differ.
            const QList<Group> before = std::exchange(m_layout.groups, next.groups);
            for (int row = 0; row < m_layout.rows.size(); ++row) {
                const Row &r = m_layout.rows.at(row);
                if (r.sourceRow >= 0)
                    continue;
                const Group &was = before.at(r.group);
                const Group &now = m_layout.groups.at(r.group);
                if (!(was.subtotals == now.subtotals) || was.label != now.label)
                    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
            }
            return;
        }
        // A position changed group, or a group its place (its trader's name came): the rows
        // still point where they did, so the change can begin here.
        m_pending = Pending::Values; // beginLayoutChange() asks
        beginLayoutChange();
        m_pending = Pending::Nothing;
    }
    m_layout = std::move(next);
    if (!m_persistent.isEmpty()) {
        // Where each persistent index went: the same ticket, or the same group.
        QHash<qint64, int> rowOfTicket;
        QHash<QString, int> rowOfGroup;
        for (int row = 0; row < m_layout.rows.size(); ++row) {
            const Identity identity = identityOf(row);
            if (identity.ticket != 0)
                rowOfTicket.insert(identity.ticket, row);
            else
                rowOfGroup.insert(identity.key, row);
        }
        QModelIndexList to;
        to.reserve(m_persistent.size());
        for (int i = 0; i < m_persistent.size(); ++i) {
            const Identity &target = m_persistentTargets.at(i);
            const int row = target.ticket != 0 ? rowOfTicket.value(target.ticket, -1)
                                               : rowOfGroup.value(target.key, -1);
            to.append(row >= 0 ? index(row, m_persistent.at(i).column()) : QModelIndex());
        }
        changePersistentIndexList(m_persistent, to);
    }
    m_persistent.clear();
    m_persistentTargets.clear();
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

bool PositionsGroupModel::isGroupRow(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && index.row() < m_layout.rows.size() &&
           m_layout.rows.at(index.row()).sourceRow < 0;
}

PositionsGroupModel::Subtotals PositionsGroupModel::subtotals(const QModelIndex &groupRow) const
{
    if (!isGroupRow(groupRow))
        return {};
    return m_layout.groups.at(m_layout.rows.at(groupRow.row()).group).subtotals;
}

QModelIndex PositionsGroupModel::mapToSource(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || isGroupRow(index) || !m_source)
        return {};
    return m_source->index(m_layout.rows.at(index.row()).sourceRow, index.column());
}

QModelIndex PositionsGroupModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != m_source)
        return {};
    const int row = m_layout.rowOfSource.value(sourceIndex.row(), -1);
    return row >= 0 ? index(row, sourceIndex.column()) : QModelIndex();
}

int PositionsGroupModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_layout.rows.size());
}

int PositionsGroupModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_source ? 0 : m_source->columnCount();
}

void PositionsGroupModel::setAccountCurrencies(const QStringList &names,
                                               const QStringList &currencies)
{
    if (names == m_accountNames && currencies == m_currencies)
        return;
    m_accountNames = names;
    m_currencies = currencies;
    if (!m_layout.rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

bool PositionsGroupModel::addsUp(const Group &group, QString *why) const
{
    if (group.accounts.size() <= 1)
        return true;
    QStringList names;
    QStringList currencies;
    for (const int account : group.accounts) {
        names.append(account < m_accountNames.size() ? m_accountNames.at(account)
                                                     : positions()->accountName(account));
        currencies.append(account < m_currencies.size() ? m_currencies.at(account) : QString());
    }
    return Currencies::common(names, currencies, why).has_value();
}

QString PositionsGroupModel::groupLabel(const Group &group) const
{
    const QString arrow = m_collapsed.contains(group.key) ? u"▸ "_s : u"▾ "_s;
    if (QString why; !addsUp(group, &why))
        return arrow + tr("%1 — %n position(s), no total: %2", nullptr, group.subtotals.positions)
                           .arg(group.label, why);
    const double net = group.subtotals.net();
    return arrow + tr("%1 — %n position(s), net %2", nullptr, group.subtotals.positions)
                       .arg(group.label, signedAmount(net));
}

QVariant PositionsGroupModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_layout.rows.at(index.row());
    if (row.sourceRow >= 0) {
        if (role == GroupRole)
            return false;
        if (role == GroupKeyRole)
            return row.group >= 0 ? m_layout.groups.at(row.group).key : QString();
        return m_source->index(row.sourceRow, index.column()).data(role);
    }
    const Group &group = m_layout.groups.at(row.group);
    const Subtotals &s = group.subtotals;
    const int column = index.column();
    QString why;
    const bool money = addsUp(group, &why);
    const bool moneyColumn = column == PositionsModel::SwapColumn ||
                             column == PositionsModel::CommissionColumn ||
                             column == PositionsModel::ProfitColumn;
    // Money of several currencies: no figure, and the label says why.
    if (!money && moneyColumn && column != m_labelColumn &&
        (role == Qt::DisplayRole || role == PositionsModel::ToneRole))
        return role == PositionsModel::ToneRole ? QVariant::fromValue(Tone::Flat) : QVariant();
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
            // The figure a copy trader wants of a group is what it adds up to: its net.
            return tr("net %1", "a group's profit net of swap and commission")
                .arg(signedAmount(s.net()));
        default:
            return {};
        }
    case PositionsModel::SortRole:
        return {};
    case PositionsModel::ToneRole:
        return QVariant::fromValue(money ? toneOf(s.net()) : Tone::Flat);
    case Qt::TextAlignmentRole:
        if (column == m_labelColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::ToolTipRole:
        if (column == PositionsModel::ProfitColumn && !money)
            return tr("No total: %1").arg(why);
        if (column == PositionsModel::ProfitColumn)
            return tr("Net %1: profit %2, swap %3, commission %4")
                .arg(signedAmount(s.net()), signedAmount(s.profit), signedAmount(s.swap),
                     signedAmount(s.commission));
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

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/amounts.h"
#include "models/positionsfiltermodel.h"
#include "models/positionsmodel.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

// Open Trades grouped at a glance: the rows of a PositionsFilterModel under a row per signal
// trader (the trader's copies; your own positions form a group of their own, last), per
// symbol or per account (in the accounts' order), each group row with its subtotals (positions,
// lots, swap, commission, and its net as the coloured figure in the Profit column and at the end of
// its label) and collapsible. A flat table with group rows between the positions, so that the table
// view, its header, copying and column fitting work as they do without groups. Within a group the
// rows keep the source's order, so sorting sorts within groups; sort() is passed on to the source.
//
// It regroups once per flush of the source (PositionsFilterModel::flushed), however many
// signals the flush held, and once per change outside a flush. Whatever moves rows (a re-sort,
// an open, a close, a position that changes group, a group that changes place when its signal
// trader's name arrives) is one layout change, with every persistent index moved to its ticket
// or its group: selections and the current row follow the position. A change of the
// grouping, the folded groups or the label column is a reset.
class PositionsGroupModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Grouping { None, SignalTrader, Symbol, Account };
    Q_ENUM(Grouping)

    enum Role {
        GroupRole = PositionsModel::TicketRole + 16, // bool: a group row
        GroupKeyRole,                                // QString: the group's key
        CollapsedRole,                               // bool: a group row whose rows are hidden
    };

    struct Subtotals : Amounts
    {
        int positions = 0;
        double lots = 0.0;
        bool operator==(const Subtotals &o) const
        {
            return positions == o.positions && lots == o.lots && profit == o.profit &&
                   swap == o.swap && commission == o.commission;
        }
    };

    explicit PositionsGroupModel(QObject *parent = nullptr);

    void setSourceModel(PositionsFilterModel *source);
    PositionsFilterModel *sourceModel() const { return m_source; }

    Grouping grouping() const { return m_grouping; }
    void setGrouping(Grouping grouping);

    // Groups by key ("88001", "own", "EURUSD"): collapsed ones show their group row alone.
    void setCollapsed(const QString &key, bool collapsed);
    bool isCollapsed(const QString &key) const { return m_collapsed.contains(key); }
    QStringList collapsedKeys() const;
    void setCollapsedKeys(const QStringList &keys);
    // Collapses or expands the group of a group row; false for a position row.
    bool toggle(const QModelIndex &groupRow);

    // Among several accounts (PositionsModel's books), each one's name and the currency it keeps
    // its money in (empty: not reported): a group of positions of several accounts adds its
    // money up only in one currency (Currencies), else its row says why there is no total.
    void setAccountCurrencies(const QStringList &names, const QStringList &currencies);
    // The column that carries a group row's label: the first one the view shows.
    void setLabelColumn(int column);
    int labelColumn() const { return m_labelColumn; }

    bool isGroupRow(const QModelIndex &index) const;
    // The subtotals of a group row's group.
    Subtotals subtotals(const QModelIndex &groupRow) const;
    // A position row to the source's index, and back; group rows map to nothing.
    QModelIndex mapToSource(const QModelIndex &index) const;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    struct Group
    {
        QString key;
        QString label;
        bool own = false;
        qsizetype order = 0; // where it first appears
        QList<int> accounts; // whose positions it holds (PositionsModel's account indexes)
        Subtotals subtotals;
    };
    struct Row
    {
        int group = -1;     // -1 without grouping
        int sourceRow = -1; // -1 for a group row
    };
    // The groups in order, the rows under them, and where each source row went.
    struct Layout
    {
        QList<Group> groups;
        QList<Row> rows;
        QList<int> rowOfSource; // source row -> our row, -1 when collapsed away
    };
    // What a row is, whatever its number: a position's ticket, or a group's key.
    struct Identity
    {
        qint64 ticket = 0; // PositionsModel::KeyRole: tickets of two accounts differ
        QString key;
    };
    // What the source has told that is not said above yet.
    enum class Pending { Nothing, Values, Layout };

    const PositionsModel *positions() const;
    int positionsRowOf(int sourceRow) const;
    const Position &positionOf(int sourceRow) const;
    QString keyOf(int sourceRow, QString *label = nullptr, bool *own = nullptr) const;
    Layout build() const;
    bool sameRows(const Layout &next) const;
    Identity identityOf(int row) const;
    void resetFromSource();
    // A source signal that is about to move rows: the layout change begins (once).
    void beginLayoutChange();
    // A source signal that changed something: said now, unless the source is inside a flush
    // (then at its end).
    void sourceChanged(Pending pending);
    void onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    // The one regroup of a change.
    void finish();
    QString groupLabel(const Group &group) const;
    // Whether the group's money adds up (one account, or one currency); why not in `why`.
    bool addsUp(const Group &group, QString *why = nullptr) const;

    PositionsFilterModel *m_source = nullptr;
    Grouping m_grouping = Grouping::None;
    QSet<QString> m_collapsed;
    QStringList m_accountNames;
    QStringList m_currencies;
    int m_labelColumn = 0;
    Layout m_layout;
    Pending m_pending = Pending::Nothing;
    // Across a layout change: what each persistent index pointed at.
    QModelIndexList m_persistent;
    QList<Identity> m_persistentTargets;
};

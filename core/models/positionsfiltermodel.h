// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/positionfilter.h"

#include <QSortFilterProxyModel>

#include <QList>

#include <vector>

class PositionsModel;
struct Position;

// What the trader chooses to see of the open positions: a PositionFilter. Without a sort of
// the user's, following positions come first, then own ones, each in the feed's order (as
// the original web client's arrayFilter showed them). Sorting on any column uses
// PositionsModel::SortRole. After each flush of the model every row is in order and shown
// or not as the filter says, however many rows the flush changed (sorted once, at its end), and
// flushed() says that the flush is over.
class PositionsFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using Mode = PositionFilter::Mode;

    struct Totals
    {
        int count = 0;
        double volume = 0.0;
        double profit = 0.0; // gross
        double net = 0.0;    // Position::net(): what the footer and the account bar show
        int of = 0;          // rows there are, shown or not
        QList<int> accounts; // the accounts of the rows shown, in order: one currency only if one
    };

    explicit PositionsFilterModel(QObject *parent = nullptr);

    // The source must be a PositionsModel.
    void setSourceModel(QAbstractItemModel *model) override;

    const PositionFilter &filter() const { return m_filter; }
    void setFilter(const PositionFilter &filter);
    Mode mode() const { return m_filter.mode; }
    void setMode(Mode mode);
    qint64 signalTraderId() const { return m_filter.signalTraderId; }
    void setSignalTraderId(qint64 id); // 0 = any
    QString symbol() const { return m_filter.symbol; }
    void setSymbol(const QString &symbol); // empty = any
    QString searchText() const { return m_filter.search; }
    void setSearchText(const QString &text);
    // One account's rows (its index in the PositionsModel), or every account's (-1).
    int account() const { return m_account; }
    void setAccount(int account);

    // A column below 0 drops the user's sort and restores the default order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool isUserSorted() const { return m_userSorted; }

    // Every role of a cell mapped once (the base class maps each role on its own).
    void multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const override;

    // Count, volume and floating profit (gross and net) of the rows shown, and how many
    // rows there are in all.
    Totals totals() const;

    // Inside a flush of the source, or a refilter: more signals of it follow, then flushed().
    bool isFlushing() const;

Q_SIGNALS:
    // The rows shown or their values changed: totals() may differ.
    void totalsChanged();
    void filterChanged();
    // After the last signal of a flush of the source (its sort and refilter included) or of a
    // new filter: a model above that waits for it regroups once.
    void flushed();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();
    void sortWithKeys();
    void beforeSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void afterSourceDataChanged();
    void sortAfterChanges();
    void onSourceFlushed();

    PositionsModel *m_positions = nullptr;
    PositionFilter m_filter;
    int m_account = -1;
    bool m_userSorted = false;
    bool m_refiltering = false;
    // What a flush that changes the order holds back until it ends: the sort, and the filter
    // too when the flush touched what the filter reads.
    enum class HeldBack { Nothing, Order, OrderAndFilter };
    HeldBack m_heldBack = HeldBack::Nothing;
    // The sort column's values by source row, while a bulk sort runs: compared without a
    // lookup or a switch per comparison. Empty otherwise.
    std::vector<double> m_sortKeys;
    QList<QMetaObject::Connection> m_sourceConnections;
};

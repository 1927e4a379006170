// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

class PositionsModel;
struct Position;

// What the trader chooses to see of the open positions. It carries over the original web
// client's arrayFilter: All (following positions first, then own ones), Following
// (flwsig true) or Mine (flwsig false); an optional signal-trader id keeps only positions
// copying that trader (own positions are not affected in Mine, as in arrayFilter's "arr2");
// and a search on symbol and ticket. Sorting on any column uses PositionsModel::SortRole.
class PositionsFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Mode { All, Following, Mine };
    Q_ENUM(Mode)

    struct Totals
    {
        int count = 0;
        double volume = 0.0;
        double profit = 0.0; // gross
        double net = 0.0;    // Position::net(): what the footer and the account bar show
    };

    explicit PositionsFilterModel(QObject *parent = nullptr);

    // The source must be a PositionsModel.
    void setSourceModel(QAbstractItemModel *model) override;

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    qint64 signalTraderId() const { return m_signalTraderId; }
    void setSignalTraderId(qint64 id); // 0 = any
    QString searchText() const { return m_search; }
    void setSearchText(const QString &text);

    // A column below 0 drops the user's sort and restores the default order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool isUserSorted() const { return m_userSorted; }

    // Count, volume and floating profit (gross and net) of the rows shown.
    Totals totals() const;

    // The filter on one position, as a pure function.
    static bool accepts(const Position &position, Mode mode, qint64 signalTraderId,
                        const QString &search);

Q_SIGNALS:
    // The rows shown or their values changed: totals() may differ.
    void totalsChanged();
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    PositionsModel *m_positions = nullptr;
    Mode m_mode = Mode::All;
    qint64 m_signalTraderId = 0;
    QString m_search;
    bool m_userSorted = false;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/priceprecision.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

#include <chrono>

class PositionBook;
struct Position;

// The open positions as a table, following a PositionBook: its ranges of inserted and removed
// rows, its resets (a Snapshot, or a list that changes many rows), its marks on positions it
// could not read. Price ticks are coalesced: changed rows are
// collected and flushed on a timer (100 ms at most) as one dataChanged per contiguous run of
// rows, limited to the columns that changed; a burst over many runs is one signal for the span. Qt
// Core only: colour is a role the view maps.
class PositionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TicketColumn,
        OpenTimeColumn,
        SymbolColumn,
        TypeColumn,
        VolumeColumn,
        OpenPriceColumn,
        StopLossColumn,
        TakeProfitColumn,
        PriceColumn,
        SwapColumn,
        CommissionColumn,
        ProfitColumn,
        SignalColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // sortKey() (and text for text columns)
        ToneRole,                    // Tone (domain/tone.h) of the profit: the view colours it
        FollowingRole,               // bool: copies a signal trader
        SignalTraderIdRole,          // qint64, 0 for own positions
        TicketRole,                  // qint64
        // QString: why the feed's last word on this position could not be read (it shows its
        // last good version); empty when it could
        UnreadableRole,
    };

    static constexpr std::chrono::milliseconds kDefaultFlushInterval{100};
    // Above this many runs of changed rows, a flush says it with one signal for the span.
    static constexpr size_t kMaxRunsPerFlush = 16;

    explicit PositionsModel(PositionBook *book, QObject *parent = nullptr);

    const PositionBook *book() const { return m_book; }
    const Position &positionAt(int row) const;

    // How often coalesced changes are flushed; at most 100 ms.
    void setFlushInterval(std::chrono::milliseconds interval);
    // Emits the pending changes now: one dataChanged per run of rows, then flushed().
    void flush();
    // Inside a flush, or a change of the rows (an open, a close, a list): more signals of it
    // follow, then flushed().
    bool isFlushing() const { return m_flushing || m_changing; }

    // Without the base class's two virtual calls to check the row: a sort of ten thousand
    // rows asks for hundreds of thousands of indexes.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // Every role a delegate asks for in one call, the position found once.
    void multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The columns that show a Position::Field mask.
    static quint32 columnsFor(quint32 fields);
    // What a column sorts by: every column but the symbol and the signal sorts by a number,
    // sortKey(), which SortRole also holds.
    static bool sortsByNumber(int column);
    static double sortKey(const Position &position, int column);

Q_SIGNALS:
    // After the last dataChanged of a flush, and after the last row signal of a change of the
    // rows: every change is known, so a sorting proxy sorts once here, against the new values
    // of every row, and a grouping one regroups once.
    void flushed();

private:
    void onUpdated(int row, quint32 fields);
    void observePrices(const Position &position);
    QVariant dataOf(const Position &position, int column, int role) const;

    PositionBook *m_book = nullptr;
    PricePrecision m_precision;
    QHash<qint64, quint32> m_dirty; // ticket -> column mask, keyed by ticket so rows may move
    QTimer m_flushTimer;
    bool m_flushing = false;
    bool m_changing = false; // between a change's first row signal and its end
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/priceprecision.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

#include <chrono>
#include <vector>

class PositionBook;
struct Position;

// The open positions as a table, following a PositionBook: its ranges of inserted and removed
// rows, its resets (a Snapshot, or a list that changes many rows), its marks on positions it
// could not read. Several accounts' books are one table, each account's rows after the one
// before's, the Account column naming whose a row is; a reset of one account's book replaces
// its rows alone (a removal and an insertion), leaving every other account's untouched. Price ticks
// are coalesced: changed rows are collected and flushed on a timer (100 ms at most) as one
// dataChanged per contiguous run of rows, limited to the columns that changed; a burst over many
// runs is one signal for the span. Qt Core only: colour is a role the view maps.
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
        AccountColumn, // last, so that a table saved before accounts keeps its columns
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
        // qint64: the row's position among every account's (keyOf()): what a selection keeps
        KeyRole,
        AccountRole, // int: the index of the row's account (its book)
    };

    static constexpr std::chrono::milliseconds kDefaultFlushInterval{100};
    // Above this many runs of changed rows, a flush says it with one signal for the span.
    static constexpr size_t kMaxRunsPerFlush = 16;

    // One account's positions (its book, not owned), named nowhere.
    explicit PositionsModel(PositionBook *book, QObject *parent = nullptr);
    // No account yet: addBook() each.
    explicit PositionsModel(QObject *parent = nullptr);

    // Another account's book (not owned), its rows after every row before; `name` is what the
    // Account column says.
    void addBook(PositionBook *book, const QString &name);
    int bookCount() const { return int(m_parts.size()); }
    const PositionBook *book(int account = 0) const { return m_parts.at(size_t(account)).book; }
    QString accountName(int account) const { return m_parts.at(size_t(account)).name; }
    void setAccountName(int account, const QString &name);
    const Position &positionAt(int row) const;
    // The index of the account (book) that `row` is of.
    int accountAt(int row) const;
    // A position's identity among every account's: the same ticket at two accounts is two keys;
    // the first account's keys are its tickets.
    static qint64 keyOf(int account, qint64 ticket);
    qint64 keyAt(int row) const;

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
    // One account's book and what the table knows of it.
    struct Part
    {
        PositionBook *book = nullptr;
        QString name;
        int count = 0; // its rows, as the table has them (the book's, outside a change)
        int first = 0; // the table's row of its first
        QHash<qint64, quint32> dirty; // ticket -> column mask, by ticket so rows may move
    };
    void onUpdated(int account, int row, quint32 fields);
    void observePrices(const Position &position);
    // The rows of `account` as its book has them now; then where every account's start.
    void recount(int account);
    void place();
    QVariant dataOf(const Position &position, int account, int column, int role) const;

    std::vector<Part> m_parts;
    int m_rows = 0;
    PricePrecision m_precision;
    QTimer m_flushTimer;
    bool m_flushing = false;
    bool m_changing = false; // between a change's first row signal and its end
};

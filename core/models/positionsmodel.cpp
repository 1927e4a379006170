// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/positionsmodel.h"

#include "models/tradecolumns.h"

#include "domain/tone.h"
#include "domain/tradetext.h"
#include "feed/positionbook.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

PositionsModel::PositionsModel(PositionBook *book, QObject *parent)
    : PositionsModel(parent)
{
    addBook(book, QString());
}

PositionsModel::PositionsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kDefaultFlushInterval);
    connect(&m_flushTimer, &QTimer::timeout, this, &PositionsModel::flush);
}

void PositionsModel::addBook(PositionBook *book, const QString &name)
{
    const int account = bookCount();
    const int count = book->count();
    if (count > 0)
        beginInsertRows({}, m_rows, m_rows + count - 1);
    m_parts.push_back({book, name, 0, m_rows, {}});
    recount(account);
    for (const Position &p : book->positions())
        observePrices(p);
    if (count > 0)
        endInsertRows();

    // The part of the table a change of this book is about: alone, the whole table, which a
    // reset renews; among others, its own rows, which go and come again.
    connect(book, &PositionBook::positionsAboutToBeReset, this, [this, account] {
        m_changing = true;
        Part &part = m_parts[size_t(account)];
        part.dirty.clear();
        if (m_parts.size() == 1) {
            beginResetModel();
        } else if (part.count > 0) {
            beginRemoveRows({}, part.first, part.first + part.count - 1);
            part.count = 0; // until the book is whole again
            place();
            endRemoveRows();
        }
    });
    connect(book, &PositionBook::positionsReset, this, [this, account] {
        Part &part = m_parts[size_t(account)];
        for (const Position &p : part.book->positions())
            observePrices(p);
        if (m_parts.size() == 1) {
            recount(account);
            endResetModel();
        } else if (const int rows = part.book->count(); rows > 0) {
            beginInsertRows({}, part.first, part.first + rows - 1);
            recount(account);
            endInsertRows();
        }
    });
    connect(book, &PositionBook::positionsAboutToBeInserted, this,
            [this, account](int first, int last) {
                m_changing = true;
                const int at = m_parts[size_t(account)].first;
                beginInsertRows({}, at + first, at + last);
            });
    connect(book, &PositionBook::positionsInserted, this, [this, account](int first, int last) {
        const Part &part = m_parts[size_t(account)];
        for (int row = first; row <= last; ++row)
            observePrices(part.book->at(row));
        recount(account);
        endInsertRows();
    });
    connect(book, &PositionBook::positionsAboutToBeRemoved, this,
            [this, account](int first, int last) {
                m_changing = true;
                Part &part = m_parts[size_t(account)];
                for (int row = first; row <= last; ++row)
                    part.dirty.remove(part.book->at(row).ticket);
                beginRemoveRows({}, part.first + first, part.first + last);
            });
    connect(book, &PositionBook::positionsRemoved, this, [this, account] {
        recount(account);
        endRemoveRows();
    });
    // The end of one change of the rows: as the end of a flush, for those that wait for it.
    connect(book, &PositionBook::changeFinished, this, [this] {
        if (!std::exchange(m_changing, false))
            return;
        m_flushing = true;
        Q_EMIT flushed();
        m_flushing = false;
    });
    connect(book, &PositionBook::positionUpdated, this,
            [this, account](int row, quint32 fields) { onUpdated(account, row, fields); });
}

void PositionsModel::setAccountName(int account, const QString &name)
{
    Part &part = m_parts.at(size_t(account));
    if (part.name == name)
        return;
    part.name = name;
    if (part.count > 0)
        Q_EMIT dataChanged(index(part.first, AccountColumn),
                           index(part.first + part.count - 1, AccountColumn));
}

void PositionsModel::recount(int account)
{
    m_parts[size_t(account)].count = m_parts[size_t(account)].book->count();
    place();
}

void PositionsModel::place()
{
    int first = 0;
    for (Part &part : m_parts) {
        part.first = first;
        first += part.count;
    }
    m_rows = first;
}

int PositionsModel::accountAt(int row) const
{
    // The last part that starts at or before the row: an empty one starts where the next does.
    const auto after = std::upper_bound(m_parts.cbegin(), m_parts.cend(), row,
                                        [](int r, const Part &part) { return r < part.first; });
    return int(after - m_parts.cbegin()) - 1;
}

qint64 PositionsModel::keyOf(int account, qint64 ticket)
{
    // Tickets fit in 53 bits (the parser takes none above): the account goes above them.
    return (qint64(account) << 54) | ticket;
}

qint64 PositionsModel::keyAt(int row) const
{
    return keyOf(accountAt(row), positionAt(row).ticket);
}

const Position &PositionsModel::positionAt(int row) const
{
    const Part &part = m_parts[size_t(accountAt(row))];
    return part.book->at(row - part.first);
}

void PositionsModel::setFlushInterval(std::chrono::milliseconds interval)
{
    m_flushTimer.setInterval(
        std::clamp(interval, std::chrono::milliseconds(0), kDefaultFlushInterval));
}

quint32 PositionsModel::columnsFor(quint32 fields)
{
    quint32 columns = 0;
    const auto map = [&](Position::Field field, Column column) {
        if (fields & field)
            columns |= 1u << column;
    };
    map(Position::TicketField, TicketColumn);
    map(Position::OpenTimeField, OpenTimeColumn);
    map(Position::SymbolField, SymbolColumn);
    map(Position::SideField, TypeColumn);
    map(Position::VolumeField, VolumeColumn);
    map(Position::OpenPriceField, OpenPriceColumn);
    map(Position::SlField, StopLossColumn);
    map(Position::TpField, TakeProfitColumn);
    map(Position::PriceField, PriceColumn);
    map(Position::SwapField, SwapColumn);
    map(Position::CommissionField, CommissionColumn);
    map(Position::ProfitField, ProfitColumn);
    map(Position::SignalField, SignalColumn);
    // The mark is the whole row's.
    if (fields & Position::UnreadableField)
        columns |= (1u << ColumnCount) - 1;
    // A new symbol changes how every price of the row is written.
    if (fields & Position::SymbolField)
        columns |= (1u << OpenPriceColumn) | (1u << StopLossColumn) | (1u << TakeProfitColumn) |
                   (1u << PriceColumn);
    return columns;
}

void PositionsModel::onUpdated(int account, int row, quint32 fields)
{
    Part &part = m_parts[size_t(account)];
    const Position &p = part.book->at(row);
    if (fields & (Position::SymbolField | Position::PriceField | Position::OpenPriceField))
        observePrices(p);
    part.dirty[p.ticket] |= columnsFor(fields);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void PositionsModel::flush()
{
    m_flushTimer.stop();
    struct Dirty
    {
        int row;
        quint32 columns;
    };
    std::vector<Dirty> rows;
    for (Part &part : m_parts) {
        for (auto it = part.dirty.cbegin(); it != part.dirty.cend(); ++it) {
            const int row = part.book->rowOf(it.key());
            if (row >= 0)
                rows.push_back({part.first + row, it.value()});
        }
        part.dirty.clear();
    }
    if (rows.empty())
        return;
    std::sort(rows.begin(), rows.end(),
              [](const Dirty &a, const Dirty &b) { return a.row < b.row; });

    // One dataChanged per contiguous run of rows, spanning the columns changed in that run.
    struct Run
    {
        int first;
        int last;
        quint32 columns;
    };
    std::vector<Run> runs;
    for (const Dirty &d : rows) {
        if (!runs.empty() && d.row == runs.back().last + 1) {
            runs.back().last = d.row;
            runs.back().columns |= d.columns;
        } else {
            runs.push_back({d.row, d.row, d.columns});
        }
    }
    // A burst scattered over many rows: one signal for the whole span is far cheaper for a
    // sorting proxy, which re-sorts (and relayouts the view) once per dataChanged.
    if (runs.size() > kMaxRunsPerFlush) {
        quint32 columns = 0;
        for (const Run &run : runs)
            columns |= run.columns;
        runs = {{runs.front().first, runs.back().last, columns}};
    }
    m_flushing = true;
    for (const Run &run : runs) {
        if (!run.columns)
            continue;
        const int first = qCountTrailingZeroBits(run.columns);
        const int last = 31 - qCountLeadingZeroBits(run.columns);
        Q_EMIT dataChanged(index(run.first, first), index(run.last, last));
    }
    Q_EMIT flushed();
    m_flushing = false;
}

int PositionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int PositionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void PositionsModel::observePrices(const Position &p)
{
    m_precision.observe(p.symbol, p.openPrice, p.price);
}

QModelIndex PositionsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= m_rows || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

bool PositionsModel::sortsByNumber(int column)
{
    return column >= 0 && column < ColumnCount && column != SymbolColumn &&
           column != SignalColumn && column != AccountColumn;
}

double PositionsModel::sortKey(const Position &p, int column)
{
    switch (column) {
    case TicketColumn:
        return double(p.ticket); // exact: the parser takes no ticket over 2^53
    case OpenTimeColumn:
        return double(p.openTime);
    case TypeColumn:
        return double(p.side);
    case VolumeColumn:
        return p.volume;
    case OpenPriceColumn:
        return p.openPrice;
    case StopLossColumn:
        return p.sl;
    case TakeProfitColumn:
        return p.tp;
    case PriceColumn:
        return p.price;
    case SwapColumn:
        return p.swap;
    case CommissionColumn:
        return p.commission;
    case ProfitColumn:
        return p.profit;
    default:
        return 0.0;
    }
}

QVariant PositionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int account = accountAt(index.row());
    const Part &part = m_parts[size_t(account)];
    return dataOf(part.book->at(index.row() - part.first), account, index.column(), role);
}

void PositionsModel::multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        for (QModelRoleData &roleData : roleDataSpan)
            roleData.clearData();
        return;
    }
    const int account = accountAt(index.row());
    const Part &part = m_parts[size_t(account)];
    const Position &p = part.book->at(index.row() - part.first);
    for (QModelRoleData &roleData : roleDataSpan)
        roleData.setData(dataOf(p, account, index.column(), roleData.role()));
}

namespace {
// What each column shows.
using C = TradeColumns::Column;
constexpr std::array<C, PositionsModel::ColumnCount> kColumns = {
    C::Ticket,     C::OpenTime, C::Symbol, C::Type,       C::Volume, C::OpenPrice, C::StopLoss,
    C::TakeProfit, C::Price,    C::Swap,   C::Commission, C::Profit, C::Signal,    C::Account};
} // namespace

QVariant PositionsModel::dataOf(const Position &p, int account, int column, int role) const
{
    const PositionBook *book = m_parts[size_t(account)].book;
    switch (role) {
    case Qt::DisplayRole:
        if (column == AccountColumn)
            return m_parts[size_t(account)].name;
        return TradeColumns::text(kColumns[std::size_t(column)], p, nullptr, m_precision);
    case SortRole:
        if (column == SymbolColumn)
            return p.symbol;
        if (column == SignalColumn || column == AccountColumn)
            return dataOf(p, account, column, Qt::DisplayRole);
        if (sortsByNumber(column))
            return sortKey(p, column);
        break;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(TradeColumns::alignment(kColumns[std::size_t(column)]));
    case ToneRole:
        return QVariant::fromValue(toneOf(p.profit));
    case FollowingRole:
        return p.flwsig;
    case SignalTraderIdRole:
        return p.sigtraderid;
    case TicketRole:
        return p.ticket;
    case KeyRole:
        return keyOf(account, p.ticket);
    case AccountRole:
        return account;
    case UnreadableRole:
        return book->unreadableReason(p.ticket);
    case Qt::ToolTipRole: {
        const QString unreadable = book->unreadableReason(p.ticket);
        if (!unreadable.isEmpty())
            return tr("The feed's last word on this position could not be read; it shows the "
                      "last one that could.\n%1")
                .arg(unreadable);
        if (column == SignalColumn && p.flwsig)
            return tr("Copies signal trader %1 (id %2)").arg(p.signame).arg(p.sigtraderid);
        break;
    }
    }
    return {};
}

QVariant PositionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QVariant data = TradeColumns::headerData(kColumns, section, orientation, role);
    return data.isValid() ? data : QAbstractTableModel::headerData(section, orientation, role);
}

QHash<int, QByteArray> PositionsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sort");
    names.insert(ToneRole, "tone");
    names.insert(FollowingRole, "following");
    names.insert(SignalTraderIdRole, "signalTraderId");
    names.insert(TicketRole, "ticket");
    names.insert(UnreadableRole, "unreadable");
    names.insert(KeyRole, "key");
    names.insert(AccountRole, "account");
    return names;
}

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
    : QAbstractTableModel(parent)
    , m_book(book)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kDefaultFlushInterval);
    connect(&m_flushTimer, &QTimer::timeout, this, &PositionsModel::flush);

    connect(book, &PositionBook::positionsAboutToBeReset, this, [this] {
        m_changing = true;
        m_dirty.clear();
        beginResetModel();
    });
    connect(book, &PositionBook::positionsReset, this, [this] {
        for (const Position &p : m_book->positions())
            observePrices(p);
        endResetModel();
    });
    connect(book, &PositionBook::positionsAboutToBeInserted, this, [this](int first, int last) {
        m_changing = true;
        beginInsertRows({}, first, last);
    });
    connect(book, &PositionBook::positionsInserted, this, [this](int first, int last) {
        for (int row = first; row <= last; ++row)
            observePrices(m_book->at(row));
        endInsertRows();
    });
    connect(book, &PositionBook::positionsAboutToBeRemoved, this, [this](int first, int last) {
        m_changing = true;
        for (int row = first; row <= last; ++row)
            m_dirty.remove(m_book->at(row).ticket);
        beginRemoveRows({}, first, last);
    });
    connect(book, &PositionBook::positionsRemoved, this, [this] { endRemoveRows(); });
    // The end of one change of the rows: as the end of a flush, for those that wait for it.
    connect(book, &PositionBook::changeFinished, this, [this] {
        if (!std::exchange(m_changing, false))
            return;
        m_flushing = true;
        Q_EMIT flushed();
        m_flushing = false;
    });
    connect(book, &PositionBook::positionUpdated, this, &PositionsModel::onUpdated);
}

const Position &PositionsModel::positionAt(int row) const
{
    return m_book->at(row);
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

void PositionsModel::onUpdated(int row, quint32 fields)
{
    const Position &p = m_book->at(row);
    if (fields & (Position::SymbolField | Position::PriceField | Position::OpenPriceField))
        observePrices(p);
    m_dirty[p.ticket] |= columnsFor(fields);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void PositionsModel::flush()
{
    m_flushTimer.stop();
    if (m_dirty.isEmpty())
        return;
    struct Dirty
    {
        int row;
        quint32 columns;
    };
    std::vector<Dirty> rows;
    rows.reserve(size_t(m_dirty.size()));
    for (auto it = m_dirty.cbegin(); it != m_dirty.cend(); ++it) {
        const int row = m_book->rowOf(it.key());
        if (row >= 0)
            rows.push_back({row, it.value()});
    }
    m_dirty.clear();
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
    return parent.isValid() ? 0 : m_book->count();
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
    if (parent.isValid() || row < 0 || column < 0 || row >= m_book->count() ||
        column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

bool PositionsModel::sortsByNumber(int column)
{
    return column >= 0 && column < ColumnCount && column != SymbolColumn && column != SignalColumn;
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
    return dataOf(m_book->at(index.row()), index.column(), role);
}

void PositionsModel::multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        for (QModelRoleData &roleData : roleDataSpan)
            roleData.clearData();
        return;
    }
    const Position &p = m_book->at(index.row());
    for (QModelRoleData &roleData : roleDataSpan)
        roleData.setData(dataOf(p, index.column(), roleData.role()));
}

namespace {
// What each column shows.
using C = TradeColumns::Column;
constexpr std::array<C, PositionsModel::ColumnCount> kColumns = {
    C::Ticket,     C::OpenTime, C::Symbol, C::Type,       C::Volume, C::OpenPrice, C::StopLoss,
    C::TakeProfit, C::Price,    C::Swap,   C::Commission, C::Profit, C::Signal};
} // namespace

QVariant PositionsModel::dataOf(const Position &p, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return TradeColumns::text(kColumns[std::size_t(column)], p, nullptr, m_precision);
    case SortRole:
        if (column == SymbolColumn)
            return p.symbol;
        if (column == SignalColumn)
            return dataOf(p, column, Qt::DisplayRole);
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
    case UnreadableRole:
        return m_book->unreadableReason(p.ticket);
    case Qt::ToolTipRole: {
        const QString unreadable = m_book->unreadableReason(p.ticket);
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
    return names;
}

// SPDX-License-Identifier: GPL-3.0-or-later
// The first releases' in-memory Closed Trades models: the reference for tst_closedtradesmodel.
#include "referenceclosedtrades.h"

#include "domain/clock.h"
#include "domain/tone.h"
#include "domain/tradetext.h"
#include "history/closedtradestore.h"

#include <QLocale>

using namespace Qt::StringLiterals;

ReferenceClosedTradesModel::ReferenceClosedTradesModel(ClosedTradeStore *store,
                                                       const Account &account, QObject *parent)
    : QAbstractTableModel(parent)
{
    setSource(store, account);
}

void ReferenceClosedTradesModel::setSource(ClosedTradeStore *store, const Account &account)
{
    if (m_store)
        m_store->disconnect(this);
    m_store = store;
    m_account = account;
    if (m_store) {
        connect(m_store, &ClosedTradeStore::tradesRecorded, this,
                &ReferenceClosedTradesModel::reload);
        connect(m_store, &ClosedTradeStore::tradesWithdrawn, this,
                &ReferenceClosedTradesModel::reload);
    }
    reload();
}

void ReferenceClosedTradesModel::setClock(const Clock *clock)
{
    m_clock = clock;
    reload();
}

void ReferenceClosedTradesModel::setPeriod(Period period)
{
    m_period = period;
    reload();
}

void ReferenceClosedTradesModel::setCustomRange(const QDate &from, const QDate &to)
{
    m_customFrom = std::min(from, to);
    m_customTo = std::max(from, to);
    m_period = Period::Custom;
    reload();
}

std::pair<qint64, qint64> ReferenceClosedTradesModel::range(Period period, const QDateTime &now,
                                                            const QDate &customFrom,
                                                            const QDate &customTo)
{
    const QDate today = now.toLocalTime().date();
    const auto startOf = [](const QDate &day) { return day.startOfDay().toMSecsSinceEpoch(); };
    switch (period) {
    case Period::Today:
        return {startOf(today), startOf(today.addDays(1))};
    case Period::ThisWeek: {
        const QDate monday = today.addDays(1 - today.dayOfWeek());
        return {startOf(monday), startOf(monday.addDays(7))};
    }
    case Period::ThisMonth: {
        const QDate first(today.year(), today.month(), 1);
        return {startOf(first), startOf(first.addMonths(1))};
    }
    case Period::Custom:
        if (customFrom.isValid() && customTo.isValid())
            return {startOf(customFrom), startOf(customTo.addDays(1))};
        return {0, 0};
    case Period::All:
        break;
    }
    return {0, 0};
}

void ReferenceClosedTradesModel::reload()
{
    const qint64 nowMs = (m_clock ? *m_clock : Clock::system()).currentMSecsSinceEpoch();
    const auto [from, to] =
        range(m_period, QDateTime::fromMSecsSinceEpoch(nowMs), m_customFrom, m_customTo);
    beginResetModel();
    m_trades = m_store ? m_store->trades(m_account, from, to) : QList<ClosedTrade>();
    m_totals = {};
    m_totals.of = int(m_trades.size());
    for (const ClosedTrade &t : std::as_const(m_trades)) {
        m_totals.add(t);
        m_precision.observe(t.position.symbol, t.position.openPrice, t.closePrice);
    }
    endResetModel();
    Q_EMIT totalsChanged();
}

int ReferenceClosedTradesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_trades.size());
}

int ReferenceClosedTradesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReferenceClosedTradesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClosedTrade &t = m_trades.at(index.row());
    const Position &p = t.position;

    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case OpenTimeColumn:
            return TradeText::time(p.openTime);
        case CloseTimeColumn:
            return TradeText::time(t.closeTime);
        case TicketColumn:
            return QString::number(p.ticket);
        case SymbolColumn:
            return p.symbol;
        case TypeColumn:
            return TradeText::side(p.side);
        case VolumeColumn:
            return TradeText::amount(p.volume);
        case OpenPriceColumn:
            return m_precision.text(p.symbol, p.openPrice);
        case ClosePriceColumn:
            return m_precision.text(p.symbol, t.closePrice);
        case SwapColumn:
            return TradeText::amount(p.swap);
        case CommissionColumn:
            return TradeText::amount(p.commission);
        case ProfitColumn:
            return TradeText::amount(p.profit);
        case NetColumn:
            return TradeText::amount(p.net());
        case ReasonColumn:
            return TradeText::reason(t);
        case SignalColumn:
            return TradeText::signal(p);
        }
    } else if (role == SortRole) {
        switch (index.column()) {
        case OpenTimeColumn:
            return p.openTime;
        case CloseTimeColumn:
            return t.closeTime;
        case TicketColumn:
            return p.ticket;
        case VolumeColumn:
            return p.volume;
        case OpenPriceColumn:
            return p.openPrice;
        case ClosePriceColumn:
            return t.closePrice;
        case SwapColumn:
            return p.swap;
        case CommissionColumn:
            return p.commission;
        case ProfitColumn:
            return p.profit;
        case NetColumn:
            return p.net();
        default:
            return data(index, Qt::DisplayRole);
        }
    } else if (role == ToneRole) {
        return QVariant::fromValue(toneOf(index.column() == NetColumn ? p.net() : p.profit));
    } else if (role == ConfirmedRole) {
        return t.isConfirmed();
    } else if (role == Qt::ToolTipRole && !t.isConfirmed()) {
        return tr("This position vanished from the feed while it was away. It is counted as "
                  "closed until the feed confirms how it closed; if it turns up open again, "
                  "it is taken out of the history.");
    } else if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case OpenTimeColumn:
        case CloseTimeColumn:
        case SymbolColumn:
        case TypeColumn:
        case ReasonColumn:
        case SignalColumn:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
        default:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        }
    }
    return {};
}

QVariant ReferenceClosedTradesModel::headerData(int section, Qt::Orientation orientation,
                                                int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const titles[] = {
        QT_TR_NOOP("Open time"),  QT_TR_NOOP("Close time"),  QT_TR_NOOP("Ticket"),
        QT_TR_NOOP("Symbol"),     QT_TR_NOOP("Type"),        QT_TR_NOOP("Volume"),
        QT_TR_NOOP("Open price"), QT_TR_NOOP("Close price"), QT_TR_NOOP("Swap"),
        QT_TR_NOOP("Commission"), QT_TR_NOOP("Profit"),      QT_TR_NOOP("Net"),
        QT_TR_NOOP("Reason"),     QT_TR_NOOP("Signal")};
    const bool time = section == OpenTimeColumn || section == CloseTimeColumn;
    if (role == Qt::DisplayRole) {
        // Times are local: the header says which zone that is.
        if (time)
            return TradeText::timeColumnTitle(tr(titles[section]));
        return tr(titles[section]);
    }
    if (role == Qt::ToolTipRole && time)
        return TradeText::timeZoneDescription();
    return QAbstractTableModel::headerData(section, orientation, role);
}

ReferenceClosedTradesFilterModel::ReferenceClosedTradesFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ReferenceClosedTradesModel::SortRole);
    // Once per change: a new filter removes and inserts rows, and says so once at the end.
    const auto changed = [this] {
        if (!m_refiltering)
            Q_EMIT shownChanged();
    };
    connect(this, &QAbstractItemModel::modelReset, this, changed);
    connect(this, &QAbstractItemModel::layoutChanged, this, changed);
    connect(this, &QAbstractItemModel::rowsInserted, this, changed);
    connect(this, &QAbstractItemModel::rowsRemoved, this, changed);
}

void ReferenceClosedTradesFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_trades = qobject_cast<ReferenceClosedTradesModel *>(model);
    Q_ASSERT_X(m_trades || !model, "ReferenceClosedTradesFilterModel",
               "the source must be a ReferenceClosedTradesModel");
    QSortFilterProxyModel::setSourceModel(model);
}

void ReferenceClosedTradesFilterModel::setFilter(const PositionFilter &filter)
{
    const PositionFilter normalised = filter.normalised();
    if (normalised == m_filter)
        return;
    m_filter = normalised;
    m_refiltering = true;
    invalidateFilter();
    m_refiltering = false;
    Q_EMIT shownChanged();
}

bool ReferenceClosedTradesFilterModel::filterAcceptsRow(int sourceRow,
                                                        const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_trades)
        return false;
    return m_filter.accepts(m_trades->trades().at(sourceRow).position);
}

const ClosedTrade &ReferenceClosedTradesFilterModel::tradeAt(int row) const
{
    return m_trades->trades().at(mapToSource(index(row, 0)).row());
}

QList<ClosedTrade> ReferenceClosedTradesFilterModel::shownTrades() const
{
    QList<ClosedTrade> shown;
    const int rows = rowCount();
    shown.reserve(rows);
    for (int row = 0; row < rows; ++row)
        shown.append(tradeAt(row));
    return shown;
}

ReferenceClosedTradesModel::Totals ReferenceClosedTradesFilterModel::totals() const
{
    ReferenceClosedTradesModel::Totals totals;
    if (!m_trades)
        return totals;
    totals.of = m_trades->rowCount();
    const int rows = rowCount();
    for (int row = 0; row < rows; ++row)
        totals.add(tradeAt(row));
    return totals;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/traderstatisticsmodel.h"

#include "domain/tone.h"
#include "domain/tradetext.h"
#include "history/closedtradestore.h"
#include "models/closedtradesmodel.h"

#include <QCollator>
#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <chrono>
#include <cmath>

using namespace Qt::StringLiterals;
using Kind = TraderStatistics::Row::Kind;

namespace {

// The selection the statistics are of: the table's, without its signal trader and order.
TradeQuery statisticsQuery(TradeQuery query)
{
    query.filter.signalTraderId = 0;
    query.filter = query.filter.normalised();
    query.key.reset();
    return query;
}

bool sameSelection(const TradeQuery &a, const TradeQuery &b)
{
    return a.account == b.account && a.allAccounts == b.allAccounts && a.from == b.from &&
           a.to == b.to && a.filter == b.filter;
}

// The columns of money: of trades in several currencies, not added up.
bool isMoney(int column)
{
    using M = TraderStatisticsModel;
    switch (column) {
    case M::NetColumn:
    case M::GrossProfitColumn:
    case M::GrossLossColumn:
    case M::ProfitFactorColumn: // a ratio of two such sums
    case M::AverageWinColumn:
    case M::AverageLossColumn:
    case M::LargestWinColumn:
    case M::LargestLossColumn:
    case M::MaxDrawdownColumn:
    case M::CostsColumn:
        return true;
    default:
        return false;
    }
}

// "–": a figure that does not exist (no trades, no wins…), not a zero.
const QString kNone = u"–"_s;

QString money(const std::optional<double> &value)
{
    return value ? TradeText::amount(*value) : kNone;
}

} // namespace

TraderStatisticsModel::TraderStatisticsModel(ClosedTradesModel *trades, QObject *parent)
    : QAbstractTableModel(parent)
    , m_trades(trades)
{
    m_order = {0}; // the total row of nothing
    connect(&m_loader, &TradeFigureLoader::loaded, this, &TraderStatisticsModel::onLoaded);
    // Trades recorded, another period or account: the figures are read again.
    connect(m_trades, &ClosedTradesModel::totalsChanged, this, [this] { m_stale = true; });
    connect(m_trades, &ClosedTradesModel::shownChanged, this, &TraderStatisticsModel::follow);
    // Names come with the table's figures.
    connect(m_trades, &ClosedTradesModel::totalsChanged, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, TraderColumn), index(rowCount() - 1, TraderColumn));
    });
    follow();
}

void TraderStatisticsModel::follow()
{
    if (!m_trades->store())
        return;
    const TradeQuery query = statisticsQuery(m_trades->query());
    if (m_requested && !m_stale && sameSelection(query, *m_requested)) {
        // Only the signal trader chosen changed: another row is the one shown.
        Q_EMIT statisticsChanged();
        return;
    }
    m_stale = false;
    m_requested = query;
    TradeFigureLoader::Job job;
    job.query = query;
    job.groups = false;
    job.statistics = true;
    const bool wasReading = isReading();
    m_ticket = m_loader.request(m_trades->store(), job);
    if (!wasReading)
        Q_EMIT readingChanged(true);
}

void TraderStatisticsModel::onLoaded(const TradeFigureLoader::Result &result)
{
    if (result.ticket != m_ticket)
        return; // an older selection's
    m_ticket = 0;
    beginResetModel();
    // A file that could not be read shows nothing rather than figures of another selection.
    m_statistics = result.statistics.value_or(TraderStatistics());
    applyOrder();
    endResetModel();
    Q_EMIT readingChanged(false);
    Q_EMIT statisticsChanged();
}

bool TraderStatisticsModel::isOf(const TradeQuery &query) const
{
    return !isReading() && m_requested && sameSelection(statisticsQuery(query), *m_requested);
}

const TraderStatistics::Row *TraderStatisticsModel::rowAt(int row) const
{
    if (row < 0 || row >= m_order.size())
        return nullptr;
    return &m_statistics.rows.at(m_order.at(row));
}

const TradeStatistics *TraderStatisticsModel::shownFigures() const
{
    const TraderStatistics::Row *row = rowAt(shownRow());
    return row ? &row->figures : nullptr;
}

int TraderStatisticsModel::shownRow() const
{
    if (isReading() || !m_requested)
        return -1;
    const qint64 trader = m_trades->filter().effectiveSignalTraderId();
    for (int row = 0; row < m_order.size(); ++row) {
        const TraderStatistics::Row &r = *rowAt(row);
        if (trader == 0 ? r.kind == Kind::Total
                        : r.kind == Kind::SignalTrader && r.signalTraderId == trader)
            return row;
    }
    return -1;
}

PositionFilter TraderStatisticsModel::filterFor(int row) const
{
    PositionFilter filter = m_trades->filter();
    const TraderStatistics::Row *r = rowAt(row);
    if (!r)
        return filter;
    switch (r->kind) {
    case Kind::SignalTrader:
        if (filter.mode == PositionFilter::Mode::Mine)
            filter.mode = PositionFilter::Mode::All;
        filter.signalTraderId = r->signalTraderId;
        break;
    case Kind::Own:
        filter.mode = PositionFilter::Mode::Mine;
        filter.signalTraderId = 0;
        break;
    case Kind::Total:
        filter.signalTraderId = 0;
        break;
    }
    return filter;
}

int TraderStatisticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int TraderStatisticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TraderStatisticsModel::nameOf(const TraderStatistics::Row &row) const
{
    switch (row.kind) {
    case Kind::SignalTrader: {
        Position copy;
        copy.flwsig = true;
        copy.sigtraderid = row.signalTraderId;
        copy.signame = m_trades->signalTraders().value(row.signalTraderId);
        return TradeText::signal(copy);
    }
    case Kind::Own:
        return tr("Own trades");
    case Kind::Total:
        return tr("Total");
    }
    return {};
}

void TraderStatisticsModel::setMoneyWithheld(const QString &why)
{
    if (m_moneyWithheld == why)
        return;
    m_moneyWithheld = why;
    if (m_sortColumn >= 0 && isMoney(m_sortColumn)) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        applyOrder();
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QVariant TraderStatisticsModel::sortValue(const TraderStatistics::Row &row, int column) const
{
    const TradeStatistics &s = row.figures;
    if (!m_moneyWithheld.isEmpty() && isMoney(column))
        return {};
    const auto optional = [](const auto &value) {
        return value ? QVariant(double(*value)) : QVariant();
    };
    switch (column) {
    case TraderColumn:
        return nameOf(row);
    case TradesColumn:
        return s.trades;
    case WinRateColumn:
        return optional(s.winRate());
    case NetColumn:
        return s.net;
    case GrossProfitColumn:
        return s.grossProfit;
    case GrossLossColumn:
        return s.grossLoss;
    case ProfitFactorColumn:
        return optional(s.profitFactor());
    case AverageWinColumn:
        return optional(s.averageWin());
    case AverageLossColumn:
        return optional(s.averageLoss());
    case LargestWinColumn:
        return s.largestWin;
    case LargestLossColumn:
        return s.largestLoss;
    case MaxDrawdownColumn:
        return s.maxDrawdown;
    case CostsColumn:
        return s.costs;
    case LotsColumn:
        return s.lots;
    case AverageHoldingColumn:
        return optional(s.averageHolding());
    }
    return {};
}

QVariant TraderStatisticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TraderStatistics::Row &row = *rowAt(index.row());
    const TradeStatistics &s = row.figures;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        break;
    case SortRole:
        return sortValue(row, column);
    case TotalRole:
        return row.kind == Kind::Total;
    case ToneRole:
        if (!m_moneyWithheld.isEmpty())
            return {};
        switch (column) {
        case NetColumn:
        case GrossProfitColumn:
        case GrossLossColumn:
        case AverageWinColumn:
        case AverageLossColumn:
        case LargestWinColumn:
        case LargestLossColumn:
            return QVariant::fromValue(toneOf(sortValue(row, column).toDouble()));
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(
            (column == TraderColumn ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter));
    case Qt::ToolTipRole:
        if (!m_moneyWithheld.isEmpty() && isMoney(column))
            return tr("Not added up: %1").arg(m_moneyWithheld);
        if (column == TraderColumn)
            return row.kind == Kind::Total ? tr("Every trade above; click to show them all")
                                           : tr("Click to show only these trades");
        if (column == MaxDrawdownColumn && s.maxDrawdown > 0.0)
            return tr("From %1 to %2")
                .arg(s.drawdownFrom > 0 ? TradeText::time(s.drawdownFrom) : tr("the start"),
                     TradeText::time(s.drawdownTo));
        return {};
    default:
        return {};
    }
    const QLocale locale;
    if (!m_moneyWithheld.isEmpty() && isMoney(column))
        return kNone;
    switch (column) {
    case TraderColumn:
        return nameOf(row);
    case TradesColumn:
        return locale.toString(s.trades);
    case WinRateColumn:
        return s.winRate() ? locale.toString(*s.winRate() * 100.0, 'f', 1) + locale.percent()
                           : kNone;
    case ProfitFactorColumn: {
        const std::optional<double> factor = s.profitFactor();
        if (!factor)
            return kNone;
        return std::isinf(*factor) ? u"∞"_s : locale.toString(*factor, 'f', 2);
    }
    case AverageWinColumn:
        return money(s.averageWin());
    case AverageLossColumn:
        return money(s.averageLoss());
    case AverageHoldingColumn: {
        const std::optional<qint64> held = s.averageHolding();
        return held ? TradeText::duration(std::chrono::milliseconds(*held)) : kNone;
    }
    case LargestWinColumn:
        return s.wins > 0 ? TradeText::amount(s.largestWin) : kNone;
    case LargestLossColumn:
        return s.losses > 0 ? TradeText::amount(s.largestLoss) : kNone;
    default:
        return TradeText::amount(sortValue(row, column).toDouble());
    }
}

QVariant TraderStatisticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    // Two lines where a title is two words: fifteen columns fit a 1280-pixel window.
    static const char *const titles[] = {QT_TR_NOOP("Signal trader"),   QT_TR_NOOP("Trades"),
                                         QT_TR_NOOP("Win\nrate"),       QT_TR_NOOP("Net"),
                                         QT_TR_NOOP("Gross\nprofit"),   QT_TR_NOOP("Gross\nloss"),
                                         QT_TR_NOOP("Profit\nfactor"),  QT_TR_NOOP("Average\nwin"),
                                         QT_TR_NOOP("Average\nloss"),   QT_TR_NOOP("Largest\nwin"),
                                         QT_TR_NOOP("Largest\nloss"),   QT_TR_NOOP("Max\ndrawdown"),
                                         QT_TR_NOOP("Swap +\ncomm."),   QT_TR_NOOP("Lots"),
                                         QT_TR_NOOP("Average\nholding")};
    if (role == Qt::DisplayRole)
        return tr(titles[section]);
    if (role == Qt::ToolTipRole)
        return definition(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

QString TraderStatisticsModel::definition(int column)
{
    // TradeStatistics says the same in its header; the README's table too.
    switch (column) {
    case TraderColumn:
        return tr("Whose trades: a signal trader copied, your own positions, or all of them");
    case TradesColumn:
        return tr("Closed trades in the period");
    case WinRateColumn:
        return tr("Share of trades with a net above zero");
    case NetColumn:
        return tr("Profit + swap + commission, added up");
    case GrossProfitColumn:
        return tr("The nets of the winning trades, added up");
    case GrossLossColumn:
        return tr("The nets of the losing trades, added up");
    case ProfitFactorColumn:
        return tr("Gross profit ÷ |gross loss|; ∞ with no losing trade, – with neither");
    case AverageWinColumn:
        return tr("Gross profit ÷ winning trades");
    case AverageLossColumn:
        return tr("Gross loss ÷ losing trades");
    case LargestWinColumn:
        return tr("The largest net of one trade");
    case LargestLossColumn:
        return tr("The most negative net of one trade");
    case MaxDrawdownColumn:
        return tr("The largest fall of the cumulative net, in close order, from a peak to a "
                  "later trough (starting from 0)");
    case CostsColumn:
        return tr("Swap and commission, added up");
    case LotsColumn:
        return tr("Volume traded, in lots");
    case AverageHoldingColumn:
        return tr("Close time − open time, on average");
    }
    return {};
}

QByteArray TraderStatisticsModel::csv(bool byteOrderMark) const
{
    QByteArray out = byteOrderMark ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    out += "row,signal_trader_id,signal_trader,trades,wins,losses,win_rate,net,gross_profit,"
           "gross_loss,profit_factor,average_win,average_loss,largest_win,largest_loss,"
           "max_drawdown,drawdown_from,drawdown_to,swap_commission,lots,average_holding_s\r\n";
    const auto number = [](double v) {
        return QString::number(v, 'f', QLocale::FloatingPointShortest);
    };
    const auto optional = [&number](const auto &v) { return v ? number(double(*v)) : QString(); };
    const auto time = [](qint64 ms) {
        return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
                            .toString(Qt::ISODateWithMs)
                      : QString();
    };
    for (int i = 0; i < rowCount(); ++i) {
        const TraderStatistics::Row &row = *rowAt(i);
        const TradeStatistics &s = row.figures;
        const std::optional<double> factor = s.profitFactor();
        const std::optional<qint64> held = s.averageHolding();
        QStringList fields{
            row.kind == Kind::SignalTrader ? u"signal_trader"_s
            : row.kind == Kind::Own        ? u"own"_s
                                           : u"total"_s,
            row.kind == Kind::SignalTrader ? QString::number(row.signalTraderId) : QString(),
            row.kind == Kind::SignalTrader ? ClosedTradeStore::csvField(nameOf(row)) : QString(),
            QString::number(s.trades),
            QString::number(s.wins),
            QString::number(s.losses),
            optional(s.winRate()),
            number(s.net),
            number(s.grossProfit),
            number(s.grossLoss),
            factor && std::isinf(*factor) ? u"inf"_s : optional(factor),
            optional(s.averageWin()),
            optional(s.averageLoss()),
            s.wins > 0 ? number(s.largestWin) : QString(),
            s.losses > 0 ? number(s.largestLoss) : QString(),
            number(s.maxDrawdown),
            s.maxDrawdown > 0.0 ? time(s.drawdownFrom) : QString(),
            s.maxDrawdown > 0.0 ? time(s.drawdownTo) : QString(),
            number(s.costs),
            number(s.lots),
            held ? number(*held / 1000.0) : QString()};
        if (!m_moneyWithheld.isEmpty()) {
            // net to swap_commission: money of several currencies, not added up.
            for (int field = 7; field <= 18; ++field)
                fields[field].clear();
        }
        out += fields.join(u',').toUtf8() + "\r\n";
    }
    return out;
}

void TraderStatisticsModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> rowsBefore;
    for (const QModelIndex &index : before)
        rowsBefore.append(m_order.value(index.row(), -1));
    applyOrder();
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i) {
        const qsizetype row = m_order.indexOf(rowsBefore.at(i));
        after.append(row < 0 ? QModelIndex() : index(int(row), before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void TraderStatisticsModel::applyOrder()
{
    const qsizetype count = m_statistics.rows.size();
    m_order.clear();
    for (int i = 0; i < count - 1; ++i) // every row but the total
        m_order.append(i);
    if (m_sortColumn >= 0 && m_sortColumn < ColumnCount) {
        QCollator collator;
        collator.setNumericMode(true);
        const auto less = [&](int a, int b) {
            const TraderStatistics::Row &ra = m_statistics.rows.at(a);
            const TraderStatistics::Row &rb = m_statistics.rows.at(b);
            const QVariant va = sortValue(ra, m_sortColumn);
            const QVariant vb = sortValue(rb, m_sortColumn);
            if (m_sortColumn == TraderColumn)
                return collator.compare(va.toString(), vb.toString()) < 0;
            // A figure that does not exist sorts below every number.
            if (!va.isValid() || !vb.isValid())
                return !va.isValid() && vb.isValid();
            return va.toDouble() < vb.toDouble();
        };
        std::stable_sort(m_order.begin(), m_order.end(), [&](int a, int b) {
            return m_sortOrder == Qt::AscendingOrder ? less(a, b) : less(b, a);
        });
    }
    m_order.append(int(count - 1)); // the total, always last
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/closedtradesmodel.h"

#include "models/tradecolumns.h"

#include "domain/clock.h"
#include "domain/tone.h"
#include "domain/tradetext.h"
#include "history/closedtradestore.h"
#include "history/tradereader.h"

#include <QSet>
#include <QTimeZone>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

static_assert(int(ClosedTradesModel::AccountColumn) == int(TradeQuery::Key::Account),
              "the columns are in the order of TradeQuery::Key");

ClosedTradesModel::ClosedTradesModel(ClosedTradeStore *store, const Account &account,
                                     QObject *parent)
    : QAbstractTableModel(parent)
{
    // Trades recorded in bursts (a History of thousands, message after message) are read
    // again once, not once per message.
    m_reload.setSingleShot(true);
    m_reload.setInterval(200ms);
    connect(&m_reload, &QTimer::timeout, this, &ClosedTradesModel::reload);
    m_query.key = TradeQuery::Key::CloseTime;
    m_query.order = Qt::DescendingOrder;
    m_shown = m_query;
    connect(&m_loader, &TradeFigureLoader::loaded, this, &ClosedTradesModel::onLoaded);
    connect(&m_rowLoader, &TradeFigureLoader::loaded, this, &ClosedTradesModel::onRowsLoaded);
    connect(&m_loader, &TradeFigureLoader::warmed, this, [this](const Account &account) {
        m_warmed.insert(account.key());
        bool kept = m_warmed.contains(m_account.key());
        if (m_allAccounts && m_store) {
            const QList<Account> accounts = m_store->accounts();
            kept = std::all_of(accounts.cbegin(), accounts.cend(),
                               [this](const Account &a) { return m_warmed.contains(a.key()); });
        }
        if (kept && !std::exchange(m_historyKept, true))
            Q_EMIT historyKept();
    });
    setSource(store, account);
}

void ClosedTradesModel::setSource(ClosedTradeStore *store, const Account &account)
{
    setSource(store, account, m_allAccounts);
}

void ClosedTradesModel::setSource(ClosedTradeStore *store, const Account &account, bool allAccounts)
{
    m_allAccounts = allAccounts;
    if (m_store)
        m_store->disconnect(this);
    m_store = store;
    m_account = account;
    m_historyKept = false;
    m_warmed.clear();
    if (m_store) {
        connect(m_store, &ClosedTradeStore::tradesRecorded, this,
                &ClosedTradesModel::scheduleReload);
        connect(m_store, &ClosedTradeStore::tradesWithdrawn, this,
                &ClosedTradesModel::scheduleReload);
    }
    reload();
    warm();
}

void ClosedTradesModel::warm()
{
    // After the period asked for: the whole history per day, so that "All" is there at once.
    if (!m_allAccounts) {
        m_loader.warm(m_store, m_account);
        return;
    }
    if (m_store) {
        for (const Account &account : m_store->accounts())
            m_loader.warm(m_store, account);
    }
}

void ClosedTradesModel::setAllAccounts(bool all)
{
    if (m_allAccounts != all)
        setSource(m_store, m_account, all);
}

void ClosedTradesModel::setAccountNames(const QHash<QString, QString> &names)
{
    if (m_accountNames == names)
        return;
    m_accountNames = names;
    if (m_totals.count > 0)
        Q_EMIT dataChanged(index(0, AccountColumn), index(m_totals.count - 1, AccountColumn),
                           {Qt::DisplayRole});
}

QString ClosedTradesModel::accountName(const QString &key) const
{
    const QString name = m_accountNames.value(key);
    return name.isEmpty() ? Account::fromKey(key).displayName() : name;
}

void ClosedTradesModel::scheduleReload()
{
    if (!m_active)
        m_outOfDate = true;
    else if (!m_reload.isActive())
        m_reload.start();
}

void ClosedTradesModel::setActive(bool active)
{
    m_active = active;
    if (active && std::exchange(m_outOfDate, false))
        reload();
}

void ClosedTradesModel::setClock(const Clock *clock)
{
    m_clock = clock;
    reload();
}

void ClosedTradesModel::setPeriod(Period period)
{
    m_period = period;
    reload();
}

void ClosedTradesModel::setCustomRange(const QDate &from, const QDate &to)
{
    m_customFrom = std::min(from, to);
    m_customTo = std::max(from, to);
    m_period = Period::Custom;
    reload();
}

std::pair<qint64, qint64> ClosedTradesModel::range(Period period, const QDateTime &now,
                                                   const QDate &customFrom, const QDate &customTo)
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

void ClosedTradesModel::setFilter(const PositionFilter &filter)
{
    const PositionFilter normalised = filter.normalised();
    if (normalised == m_filter)
        return;
    m_filter = normalised;
    requery();
}

void ClosedTradesModel::sort(int column, Qt::SortOrder order)
{
    std::optional<TradeQuery::Key> key;
    if (column >= 0 && column < ColumnCount)
        key = TradeQuery::Key(column);
    if (key == m_query.key && order == m_query.order)
        return;
    m_query.key = key;
    m_query.order = order;
    if (m_periodTicket != 0 || m_shownTicket != 0)
        return; // what is being read is read in the new order
    // The first rows in the new order, read off the GUI thread; the old order stays till then.
    TradeFigureLoader::Job job;
    job.query = m_shown;
    job.query.key = key;
    job.query.order = order;
    job.groups = false;
    job.rows = kWindowRows;
    m_sortTicket = m_rowLoader.request(m_store, job);
    updateReading();
}

void ClosedTradesModel::applySort(const TradeFigureLoader::Result &result)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    m_shown.key = m_query.key;
    m_shown.order = m_query.order;
    dropWindows();
    keepWindow(0, result.rows, result.rowAccounts);
    // Rows keep no identity across a sort here (they are read again): persistent indexes go.
    const QModelIndexList persistent = persistentIndexList();
    changePersistentIndexList(persistent, QModelIndexList(persistent.size()));
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    updateReading();
}

void ClosedTradesModel::reload()
{
    m_reload.stop();
    const qint64 nowMs = (m_clock ? *m_clock : Clock::system()).currentMSecsSinceEpoch();
    const auto [from, to] =
        range(m_period, QDateTime::fromMSecsSinceEpoch(nowMs), m_customFrom, m_customTo);
    m_query.account = m_account;
    m_query.allAccounts = m_allAccounts;
    m_query.from = from;
    m_query.to = to;
    TradeFigureLoader::Job job;
    job.query = m_query.unfiltered();
    m_periodTicket = m_loader.request(m_store, job);
    m_shownTicket = 0;
    m_sortTicket = 0;
    updateReading();
}

void ClosedTradesModel::onLoaded(const TradeFigureLoader::Result &result)
{
    if (result.ticket == m_periodTicket) {
        m_periodTicket = 0;
        m_periodGroups = result.groups;
        m_periodChanged = true;
        // The choices: every signal trader copied (named as on his newest trade), every symbol.
        m_traders.clear();
        QHash<qint64, qint64> newest;
        QSet<QString> symbols;
        for (const TradeGroup &g : std::as_const(m_periodGroups)) {
            symbols.insert(g.symbol);
            if (!g.flwsig || g.sigtraderid <= 0 || newest.value(g.sigtraderid, -1) >= g.newest)
                continue;
            newest.insert(g.sigtraderid, g.newest);
            Position p;
            p.flwsig = true;
            p.sigtraderid = g.sigtraderid;
            p.signame = g.signame;
            m_traders.insert(g.sigtraderid, TradeText::signal(p));
        }
        m_symbols = QStringList(symbols.cbegin(), symbols.cend());
        m_symbols.sort();
        requery();
    } else if (result.ticket == m_shownTicket) {
        m_shownTicket = 0;
        show(TradeGroup::decides(m_filter) ? m_pendingShown : result.groups, result.nets,
             result.rows, result.rowAccounts);
    }
}

void ClosedTradesModel::onRowsLoaded(const TradeFigureLoader::Result &result)
{
    if (result.ticket == m_sortTicket) {
        m_sortTicket = 0;
        applySort(result);
        return;
    }
    const auto it = m_windowTickets.constFind(result.ticket);
    if (it == m_windowTickets.constEnd())
        return; // asked for rows that a reset or a sort has since replaced
    const int first = *it;
    m_windowTickets.erase(it);
    m_requested.remove(first);
    keepWindow(first, result.rows, result.rowAccounts);
    const int last = std::min(m_totals.count, first + kWindowRows) - 1;
    if (last >= first)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void ClosedTradesModel::requery()
{
    m_query.filter = m_filter;
    if (m_periodTicket != 0)
        return; // the period is still being read: the filter is applied when it comes
    QList<TradeGroup> shown;
    const bool groupsDecide = TradeGroup::decides(m_filter);
    if (groupsDecide) {
        for (const TradeGroup &g : std::as_const(m_periodGroups)) {
            if (g.passes(m_filter))
                shown.append(g);
        }
    }
    // A search that may be in tickets needs the trades themselves; a short list, each trade's
    // net for the curve; and the first rows, so that the table is never shown empty while
    // they are read.
    TradeFigureLoader::Job job;
    job.query = m_query;
    job.groups = !groupsDecide;
    job.nets = groupsDecide && TradeGroup::totals(shown).count > Performance::kMaxCurvePoints
                   ? -1
                   : Performance::kMaxCurvePoints;
    job.rows = kWindowRows;
    m_pendingShown = shown;
    m_sortTicket = 0; // the order asked for is in the query
    m_shownTicket = m_loader.request(m_store, job);
    updateReading();
}

void ClosedTradesModel::show(const QList<TradeGroup> &shown,
                             const std::optional<QList<CurveTrade>> &nets,
                             const QList<ClosedTrade> &firstRows, const QStringList &firstAccounts)
{
    beginResetModel();
    m_shown = m_query;
    dropWindows();
    keepWindow(0, firstRows, firstAccounts);
    m_totals = TradeGroup::totals(shown);
    m_totals.of = TradeGroup::totals(m_periodGroups).count;
    m_performance = Performance::of(shown, nets);
    // The bars cover the period's days up to today, not only days with trades.
    const QDate today = QDateTime::fromMSecsSinceEpoch(
                            (m_clock ? *m_clock : Clock::system()).currentMSecsSinceEpoch())
                            .date();
    if (m_shown.from > 0)
        m_performance.firstDay = QDateTime::fromMSecsSinceEpoch(m_shown.from).date();
    if (m_shown.to > 0)
        m_performance.lastDay =
            std::min(QDateTime::fromMSecsSinceEpoch(m_shown.to - 1).date(), today);
    else if (m_shown.from > 0)
        m_performance.lastDay = today;
    endResetModel();
    updateReading();
    if (std::exchange(m_periodChanged, false))
        Q_EMIT totalsChanged();
    Q_EMIT shownChanged();
}

void ClosedTradesModel::dropWindows()
{
    m_windows.clear();
    m_windowAccounts.clear();
    m_windowUse.clear();
    m_windowTickets.clear();
    m_requested.clear();
}

void ClosedTradesModel::keepWindow(int first, QList<ClosedTrade> rows, QStringList accounts) const
{
    if (m_windowUse.size() >= kWindowsKept && !m_windows.contains(first)) {
        const int oldest = m_windowUse.takeFirst();
        m_windows.remove(oldest);
        m_windowAccounts.remove(oldest);
    }
    for (const ClosedTrade &t : std::as_const(rows))
        m_precision.observe(t.position.symbol, t.position.openPrice, t.closePrice);
    m_windows.insert(first, std::move(rows));
    m_windowAccounts.insert(first, std::move(accounts));
    m_windowUse.removeOne(first);
    m_windowUse.append(first);
}

void ClosedTradesModel::updateReading()
{
    // Reading is having a read on its way: a period, a filter or a sort.
    const bool reading = m_periodTicket != 0 || m_shownTicket != 0 || m_sortTicket != 0;
    if (m_reading == reading)
        return;
    m_reading = reading;
    Q_EMIT readingChanged(reading);
}

const ClosedTrade *ClosedTradesModel::rowAt(int row, bool wait) const
{
    if (row < 0 || row >= m_totals.count)
        return nullptr;
    const int first = row - row % kWindowRows;
    auto it = m_windows.find(first);
    if (it == m_windows.end()) {
        if (!wait) {
            // Read off the GUI thread; dataChanged() says when the rows are there.
            if (!m_requested.contains(first)) {
                TradeFigureLoader::Job job;
                job.query = m_shown;
                job.groups = false;
                job.rowsFrom = first;
                job.rows = kWindowRows;
                m_requested.insert(first);
                m_windowTickets.insert(m_rowLoader.request(m_store, job), first);
            }
            return nullptr;
        }
        QStringList accounts;
        QList<ClosedTrade> rows = TradeReader(m_store).trades(
            m_shown, first, kWindowRows, m_shown.allAccounts ? &accounts : nullptr);
        keepWindow(first, std::move(rows), std::move(accounts));
        it = m_windows.find(first);
    } else if (m_windowUse.constLast() != first) {
        m_windowUse.removeOne(first);
        m_windowUse.append(first);
    }
    const qsizetype at = row - first;
    // The file changed under us (another process): a shorter window until the reload.
    return at < it->size() ? &it->at(at) : nullptr;
}

ClosedTrade ClosedTradesModel::tradeAt(int row) const
{
    const ClosedTrade *trade = rowAt(row, true);
    return trade ? *trade : ClosedTrade();
}

Account ClosedTradesModel::accountAt(int row) const
{
    if (!m_shown.allAccounts)
        return m_account;
    if (!rowAt(row, true))
        return Account::unknown();
    const int first = row - row % kWindowRows;
    return Account::fromKey(m_windowAccounts.value(first).value(row - first));
}

int ClosedTradesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_totals.count;
}

int ClosedTradesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {
// What each column shows.
using C = TradeColumns::Column;
constexpr std::array<C, ClosedTradesModel::ColumnCount> kColumns = {
    C::OpenTime, C::CloseTime, C::Ticket,     C::Symbol, C::Type,
    C::Volume,   C::OpenPrice, C::ClosePrice, C::Swap,   C::Commission,
    C::Profit,   C::Net,       C::Reason,     C::Signal, C::Account};
} // namespace

QVariant ClosedTradesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(TradeColumns::alignment(kColumns[std::size_t(index.column())]));
    if (role != Qt::DisplayRole && role != ToneRole && role != ConfirmedRole &&
        role != Qt::ToolTipRole)
        return {};
    const ClosedTrade *trade = rowAt(index.row());
    if (!trade)
        return {};
    const ClosedTrade &t = *trade;
    const Position &p = t.position;
    if (role == Qt::DisplayRole && index.column() == AccountColumn) {
        if (!m_shown.allAccounts)
            return accountName(m_account.key());
        const int first = index.row() - index.row() % kWindowRows;
        return accountName(m_windowAccounts.value(first).value(index.row() - first));
    }
    if (role == Qt::DisplayRole)
        return TradeColumns::text(kColumns[std::size_t(index.column())], p, &t, m_precision);
    if (role == ToneRole)
        return QVariant::fromValue(toneOf(index.column() == NetColumn ? p.net() : p.profit));
    if (role == ConfirmedRole)
        return t.isConfirmed();
    if (role == Qt::ToolTipRole && !t.isConfirmed()) {
        return tr("This position vanished from the feed while it was away. It is counted as "
                  "closed until the feed confirms how it closed; if it turns up open again, "
                  "it is taken out of the history.");
    }
    return {};
}

QVariant ClosedTradesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QVariant data = TradeColumns::headerData(kColumns, section, orientation, role);
    return data.isValid() ? data : QAbstractTableModel::headerData(section, orientation, role);
}

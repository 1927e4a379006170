// SPDX-License-Identifier: GPL-3.0-or-later
#include "opentradespage.h"

#include "accountbar.h"
#include "accountsoverview.h"
#include "columnfit.h"
#include "feedbanner.h"
#include "figurelabel.h"
#include "filterbar.h"
#include "models/accountsummary.h"
#include "rowcopy.h"
#include "tablefooter.h"
#include "tablemenus.h"
#include "tradetable.h"

#include "domain/currencies.h"
#include "domain/tradetext.h"
#include "feed/positionbook.h"
#include "models/positionsmodel.h"
#include "tonedelegate.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using Mode = PositionsFilterModel::Mode;

OpenTradesPage::OpenTradesPage(PositionsModel *positions, AccountSummary *summary, QWidget *parent)
    : OpenTradesPage(positions, QList<AccountSummary *>{summary}, parent)
{}

OpenTradesPage::OpenTradesPage(PositionsModel *positions, const QList<AccountSummary *> &summaries,
                               QWidget *parent)
    : QWidget(parent)
    , m_model(positions)
    , m_summaries(summaries)
{
    Q_ASSERT(summaries.size() == positions->bookCount());
    const bool several = summaries.size() > 1;
    // The filter and the grouping are this view's own: another view of the same positions
    // filters them its way.
    m_proxy = new PositionsFilterModel(this);
    m_proxy->setSourceModel(m_model);
    // Each account's bar, and with several the accounts' lines for All.
    m_bars = new QStackedWidget(this);
    QStringList names;
    for (int account = 0; account < summaries.size(); ++account) {
        m_accountBars.append(new AccountBar(summaries.at(account), m_bars));
        m_bars->addWidget(m_accountBars.constLast());
        names.append(positions->accountName(account));
        m_statuses.append(FeedStatus{});
    }
    if (several) {
        m_overview = new AccountsOverview(names, summaries, m_bars);
        m_bars->addWidget(m_overview);
        m_bars->setCurrentWidget(m_overview);
    }
    // A page shows the height of the bar in front, not of the tallest.
    m_bars->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    connect(m_bars, &QStackedWidget::currentChanged, this, [this] {
        for (int i = 0; i < m_bars->count(); ++i)
            m_bars->widget(i)->setSizePolicy(QSizePolicy::Preferred, i == m_bars->currentIndex()
                                                                         ? QSizePolicy::Preferred
                                                                         : QSizePolicy::Ignored);
        m_bars->adjustSize();
    });
    Q_EMIT m_bars->currentChanged(m_bars->currentIndex());

    m_accountChoice = new QComboBox(this);
    m_accountChoice->setObjectName(u"accountChoice"_s);
    m_accountChoice->setAccessibleName(tr("Account"));
    m_accountChoice->setToolTip(tr("Every account's positions, or one account's"));
    m_accountChoice->addItem(tr("All accounts"), -1);
    for (int account = 0; account < names.size(); ++account)
        m_accountChoice->addItem(names.at(account), account);
    auto *accountLabel = new QLabel(tr("A&ccount:"), this);
    accountLabel->setBuddy(m_accountChoice);
    accountLabel->setVisible(several);
    m_accountChoice->setVisible(several);
    connect(m_accountChoice, &QComboBox::currentIndexChanged, this,
            [this] { setAccount(m_accountChoice->currentData().toInt()); });

    m_filters = new FilterBar(this);
    m_filters->setObjectName(u"filters"_s);
    m_groups = new PositionsGroupModel(this);
    m_groups->setSourceModel(m_proxy);
    m_grouping = new QComboBox(this);
    m_grouping->setObjectName(u"grouping"_s);
    m_grouping->addItem(tr("None"), int(PositionsGroupModel::Grouping::None));
    m_grouping->addItem(tr("Signal trader"), int(PositionsGroupModel::Grouping::SignalTrader));
    m_grouping->addItem(tr("Symbol"), int(PositionsGroupModel::Grouping::Symbol));
    if (several)
        m_grouping->addItem(tr("Account"), int(PositionsGroupModel::Grouping::Account));
    m_grouping->setToolTip(tr("Rows under a row per signal trader (your own positions last), "
                              "per symbol or per account, with subtotals; double-click a group "
                              "to fold it"));
    auto *groupLabel = new QLabel(tr("&Group:"), this);
    groupLabel->setBuddy(m_grouping);

    m_banner = new FeedBanner(this);

    m_delegate = new ToneDelegate(PositionsModel::ToneRole, {PositionsModel::ProfitColumn}, this);
    m_delegate->setBoldRole(PositionsGroupModel::GroupRole);
    m_delegate->setMiddleElideRole(PositionsGroupModel::GroupRole);
    m_delegate->setUnreadableRole(PositionsModel::UnreadableRole, PositionsModel::TicketColumn);
    // No user sort to begin with: following positions first, in feed order. In a narrow window
    // the costs and stops step aside before the profit goes out of view.
    m_table = new TradeTable(m_proxy, m_delegate,
                             {PositionsModel::CommissionColumn, PositionsModel::SwapColumn,
                              PositionsModel::TakeProfitColumn, PositionsModel::StopLossColumn,
                              PositionsModel::OpenTimeColumn, PositionsModel::OpenPriceColumn},
                             -1, Qt::AscendingOrder, this);
    m_table->setObjectName(u"openTrades"_s);
    m_table->setAccessibleName(tr("Open positions"));
    followShownModel();
    QHeaderView *header = m_table->horizontalHeader();
    connect(m_table, &TradeTable::columnMenuAboutToShow, this, [header](QMenu *menu) {
        menu->addSeparator();
        menu->addAction(tr("Default order (following first)"), header,
                        [header] { header->setSortIndicator(-1, Qt::AscendingOrder); });
    });
    m_copy = m_table->rowCopy();
    m_copy->setSkipRole(PositionsGroupModel::GroupRole);
    m_fit = m_table->fit();
    m_table->setRowMenu([this](const QModelIndex &index) { return rowMenu(index); });

    // Why the table is empty, in the middle of it.
    m_empty = new QLabel(m_table->viewport());
    m_empty->setObjectName(u"emptyTable"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setWordWrap(true);
    auto *emptyLayout = new QVBoxLayout(m_table->viewport());
    emptyLayout->addWidget(m_empty);

    auto *footer = new TableFooter(tr("Show every position again"), this);
    m_footer = footer->totals();
    m_clearFilters = footer->clearFilters();
    // How the rows are laid out sits with what they add up to; the filter row keeps its room.
    footer->addWidget(groupLabel);
    footer->addWidget(m_grouping);

    // Tab in the order the eye reads: filters, table, then the footer's controls.
    setTabOrder(m_table, m_clearFilters);
    setTabOrder(m_clearFilters, m_grouping);

    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(0, 0, 0, 0);
    filterRow->addWidget(accountLabel);
    filterRow->addWidget(m_accountChoice);
    filterRow->addWidget(m_filters, 1);
    setTabOrder(m_accountChoice, m_filters);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_bars);
    layout->addLayout(filterRow);
    layout->addWidget(m_banner);
    layout->addWidget(m_table, 1);
    layout->addWidget(footer);

    connect(m_filters, &FilterBar::filterChanged, m_proxy, &PositionsFilterModel::setFilter);
    connect(m_grouping, &QComboBox::currentIndexChanged, this, [this] {
        setGrouping(PositionsGroupModel::Grouping(m_grouping->currentData().toInt()));
    });
    // A reset of the table (a Snapshot, a list that changed many rows, a regrouping) keeps
    // what was selected, the current row and the row at the top, by position
    // (PositionsModel::KeyRole).
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_proxy),
                                      static_cast<QAbstractItemModel *>(m_groups)}) {
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
                [this, model] { rememberSelection(model); });
        connect(model, &QAbstractItemModel::modelReset, this,
                [this, model] { restoreSelection(model); });
    }
    connect(m_groups, &QAbstractItemModel::modelReset, this, &OpenTradesPage::updateSpans);
    connect(m_groups, &QAbstractItemModel::layoutChanged, this, &OpenTradesPage::updateSpans);
    connect(m_table, &QAbstractItemView::doubleClicked, m_groups,
            [this](const QModelIndex &index) { m_groups->toggle(index); });
    connect(header, &QHeaderView::sectionMoved, this, &OpenTradesPage::updateLabelColumn);
    connect(header, &QHeaderView::sectionResized, this, &OpenTradesPage::updateLabelColumn);
    m_table->installEventFilter(this);
    connect(m_clearFilters, &QPushButton::clicked, m_filters, &FilterBar::clear);
    connect(m_banner, &FeedBanner::reconnectRequested, this,
            [this] { Q_EMIT reconnectRequested(m_bannerAccount); });
    connect(m_banner, &FeedBanner::settingsRequested, this, &OpenTradesPage::settingsRequested);
    connect(m_banner, &FeedBanner::dismissed, this, &OpenTradesPage::noticeDismissed);
    connect(m_proxy, &PositionsFilterModel::totalsChanged, this, &OpenTradesPage::updateFooter);
    for (int account = 0; account < m_model->bookCount(); ++account) {
        connect(m_model->book(account), &PositionBook::changeFinished, this,
                &OpenTradesPage::updateChoices);
        // Its currency may come now: whether money adds up across accounts.
        if (several)
            connect(m_model->book(account), &PositionBook::figuresChanged, this,
                    &OpenTradesPage::updateCurrencies);
    }
    updateCurrencies();
    if (several) {
        // The Account column first: whose a row is comes before what it is.
        header->moveSection(header->visualIndex(PositionsModel::AccountColumn), 0);
    }
    updateAccountColumn();
    updateFooter();
}

AccountBar *OpenTradesPage::accountBar() const
{
    return m_accountBars.at(std::max(account(), 0));
}

void OpenTradesPage::setAccount(int account)
{
    account = account >= m_summaries.size() ? -1 : std::max(account, -1);
    if (m_summaries.size() == 1)
        account = -1; // one account: nothing to choose
    m_accountChoice->setCurrentIndex(m_accountChoice->findData(account)); // comes back here
    if (account == m_proxy->account())
        return;
    m_proxy->setAccount(account);
    if (m_overview)
        m_bars->setCurrentIndex(account < 0 ? m_bars->count() - 1 : account);
    // Grouped by account, one account is one group: the grouping goes back to none.
    if (account >= 0 && m_groups->grouping() == PositionsGroupModel::Grouping::Account)
        setGrouping(PositionsGroupModel::Grouping::None);
    const int byAccount = m_grouping->findData(int(PositionsGroupModel::Grouping::Account));
    if (byAccount >= 0) {
        auto *items = qobject_cast<QStandardItemModel *>(m_grouping->model());
        if (QStandardItem *item = items ? items->item(byAccount) : nullptr)
            item->setEnabled(account < 0);
    }
    updateAccountColumn();
    showStatus();
    updateFooter();
}

void OpenTradesPage::updateAccountColumn()
{
    // Whose a row is, where rows of several accounts are shown; grouped by account, the group
    // rows say it.
    const bool shown = m_summaries.size() > 1 && account() < 0 &&
                       m_groups->grouping() != PositionsGroupModel::Grouping::Account;
    QHeaderView *header = m_table->horizontalHeader();
    if (header->isSectionHidden(PositionsModel::AccountColumn) == shown)
        header->setSectionHidden(PositionsModel::AccountColumn, !shown);
}

void OpenTradesPage::updateCurrencies()
{
    QStringList names;
    QStringList currencies;
    for (int account = 0; account < m_model->bookCount(); ++account) {
        names.append(m_model->accountName(account));
        const std::optional<AccountFigures> &figures = m_model->book(account)->figures();
        currencies.append(figures ? figures->currency : QString());
    }
    m_groups->setAccountCurrencies(names, currencies);
    updateFooter();
}

void OpenTradesPage::setMarginLevelAlarm(double percent)
{
    for (AccountBar *bar : std::as_const(m_accountBars))
        bar->setMarginLevelAlarm(percent);
    if (m_overview)
        m_overview->setMarginLevelAlarm(percent);
}

QLineEdit *OpenTradesPage::searchBox() const
{
    return m_filters->searchBox();
}

void OpenTradesPage::setMode(Mode mode)
{
    PositionFilter filter = m_filters->filter();
    filter.mode = mode;
    m_filters->setFilter(filter);
}

void OpenTradesPage::updateChoices()
{
    // Column widths fit the first real rows, unless the user's own widths were restored;
    // a turn later, so that a list that arrives row by row is all there.
    if (!m_sized && m_model->rowCount() > 0) {
        m_sized = true;
        QMetaObject::invokeMethod(this, &OpenTradesPage::fitColumns, Qt::QueuedConnection);
    }
    QMap<qint64, QString> traders;
    QStringList symbols;
    for (int account = 0; account < m_model->bookCount(); ++account) {
        for (const Position &p : m_model->book(account)->positions()) {
            if (p.flwsig && p.sigtraderid > 0)
                traders.insert(p.sigtraderid, TradeText::signal(p));
            symbols.append(p.symbol);
        }
    }
    m_filters->setTraders(traders);
    m_filters->setSymbols(symbols);
}

void OpenTradesPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The net's colour was chosen against the old background (Settings → Display).
    if (event->type() == QEvent::PaletteChange)
        updateFooter();
}

void OpenTradesPage::updateFooter()
{
    const PositionsFilterModel::Totals totals = m_proxy->totals();
    const QLocale locale;
    const Tone tone = m_delegate->isStale() ? Tone::Flat : toneOf(totals.net);
    const QString profit = u"<span style=\"color:%1\"><b>%2</b></span>"_s.arg(
        ToneDelegate::toneColor(palette(), tone, QPalette::Window).name(),
        (totals.net > 0.0 ? u"+"_s : QString()) + locale.toString(totals.net, 'f', 2));
    // A filter that is on says so, even when it hides nothing yet (restored at start).
    const bool filtered = m_proxy->filter().isActive();
    const QString positions =
        filtered ? tr("%1 of %n position(s) shown (%2)", nullptr, totals.of)
                       .arg(locale.toString(totals.count), m_filters->describe().toHtmlEscaped())
                 : tr("%n position(s)", nullptr, totals.count);
    // Money of several accounts adds up only in one currency.
    QString why;
    std::optional<QString> currency = QString();
    if (totals.accounts.size() > 1) {
        QStringList names;
        QStringList currencies;
        for (const int account : totals.accounts) {
            names.append(m_model->accountName(account));
            const std::optional<AccountFigures> figures = m_model->book(account)->figures();
            currencies.append(figures ? figures->currency : QString());
        }
        currency = Currencies::common(names, currencies, &why);
    }
    const QString lots = locale.toString(totals.volume, 'f', 2);
    if (currency)
        m_footer->setText(tr("%1 · %2 lots · Floating P/L %3").arg(positions, lots, profit));
    else
        m_footer->setText(
            tr("%1 · %2 lots · No total P/L: %3").arg(positions, lots, why.toHtmlEscaped()));
    m_clearFilters->setVisible(filtered);
    updateEmptyText();
}

void OpenTradesPage::updateEmptyText()
{
    QString text;
    if (m_proxy->rowCount() == 0) {
        if (m_model->rowCount() > 0)
            text = tr("No positions match the filters");
        else if (!m_delegate->isStale())
            text = tr("No open positions");
        else
            text = tr("No positions from the feed yet");
    }
    m_empty->setText(text);
    m_empty->setVisible(!text.isEmpty());
}

bool OpenTradesPage::isStale() const
{
    return m_delegate->isStale();
}

void OpenTradesPage::setFeedStatus(int account, const FeedStatus &status)
{
    m_statuses[account] = status;
    const bool live = status.level == FeedStatus::Level::Live;
    m_accountBars.at(account)->setStale(!live);
    if (m_overview)
        m_overview->setStatus(account, status);
    showStatus();
}

void OpenTradesPage::showStatus()
{
    const auto live = [this](int account) {
        return m_statuses.at(account).level == FeedStatus::Level::Live;
    };
    // What the banner is about: the account shown, or with All the one that most needs the
    // trader (the worst state; the first of equals), and how many more are not live.
    int about = std::max(account(), 0);
    int othersDown = 0;
    QSet<int> staleAccounts;
    if (account() < 0) {
        for (int i = 0; i < m_statuses.size(); ++i) {
            if (FeedStatus::urgency(m_statuses.at(i).level) >
                FeedStatus::urgency(m_statuses.at(about).level))
                about = i;
            if (!live(i))
                staleAccounts.insert(i);
        }
        othersDown = int(staleAccounts.size()) - (live(about) ? 0 : 1);
    }
    m_bannerAccount = about;
    FeedStatus shown = m_statuses.at(about);
    if (m_summaries.size() > 1) {
        const auto named = [&](const QString &text) {
            return text.isEmpty() ? text
                                  : tr("%1: %2", "an account's name, then its state")
                                        .arg(m_model->accountName(about), text);
        };
        shown.text = named(shown.text);
        shown.detail = named(shown.detail);
        shown.notice = named(shown.notice);
        if (othersDown > 0)
            shown.detail += u" "_s + tr("(and %n more account(s) not live)", nullptr, othersDown);
    }
    m_banner->setStatus(shown);
    // Greyed: everything when what is shown is not live; with All, only the rows of the
    // accounts that are not, unless none is.
    const bool allStale =
        account() >= 0 ? !live(account()) : staleAccounts.size() == m_statuses.size();
    const QSet<int> staleRows = allStale ? QSet<int>() : staleAccounts;
    if (m_delegate->isStale() != allStale || m_delegate->staleRows() != staleRows) {
        m_delegate->setStale(allStale);
        m_delegate->setStaleRows(PositionsModel::AccountRole, staleRows);
        m_table->viewport()->update();
        updateFooter();
    }
}

QModelIndex OpenTradesPage::toProxy(const QModelIndex &index) const
{
    return index.model() == m_groups ? m_groups->mapToSource(index) : index;
}

void OpenTradesPage::setGrouping(PositionsGroupModel::Grouping grouping)
{
    const int at = m_grouping->findData(int(grouping));
    if (m_grouping->currentIndex() != at) {
        m_grouping->setCurrentIndex(at); // comes back here
        return;
    }
    QAbstractItemModel *wanted = grouping == PositionsGroupModel::Grouping::None
                                     ? static_cast<QAbstractItemModel *>(m_proxy)
                                     : m_groups;
    m_groups->setGrouping(grouping);
    if (m_table->model() == wanted) {
        updateAccountColumn();
        return;
    }
    // Another model resets the header: the user's columns come along.
    QHeaderView *header = m_table->horizontalHeader();
    const QByteArray state = header->saveState();
    m_table->setModel(wanted);
    followShownModel();
    header->restoreState(state);
    updateAccountColumn();
    updateLabelColumn(); // and the spans
    fitGroupRows();
}

void OpenTradesPage::fitColumns()
{
    m_fit->fitToContents();
    fitGroupRows();
}

void OpenTradesPage::fitGroupRows()
{
    if (m_table->model() != m_groups)
        return;
    // Subtotals are wider than the rows they add up (and bold): make room for them.
    m_fit->widenToContents({PositionsModel::VolumeColumn, PositionsModel::SwapColumn,
                            PositionsModel::CommissionColumn, PositionsModel::ProfitColumn});
    // A group's label ends with its net: the last column under it widens as far as the
    // table has room for the widest label (past that, the delegate elides the middle).
    QHeaderView *header = m_table->horizontalHeader();
    const int column = m_groups->labelColumn();
    int needed = 0;
    int have = 0; // the cell the label is drawn in: the columns it spans, less the grid
    int span = 1;
    for (int row = 0; row < m_groups->rowCount(); ++row) {
        const QModelIndex label = m_groups->index(row, column);
        if (!m_groups->isGroupRow(label))
            continue;
        needed = std::max(needed, m_table->sizeHintForIndex(label).width());
        have = m_table->visualRect(label).width();
        span = m_table->columnSpan(row, column);
    }
    const int room = m_table->viewport()->width() - header->length();
    const int wider = std::min(needed - have, room);
    if (wider > 0) {
        const int last = column + span - 1; // spans run over neighbouring logical columns
        header->resizeSection(last, header->sectionSize(last) + wider);
    }
}

void OpenTradesPage::followShownModel()
{
    // A flush of ticks on the sorted column arrives as the changed values, then the new
    // order. The view repaints for the first and puts off laying out the second to the next
    // pass of the event loop, which paints the whole table again: two paints of every
    // visible cell per flush. Laid out at once, both are one paint. Connected after the
    // view's own slot, so this runs after it.
    disconnect(m_layoutNow);
    m_layoutNow = connect(m_table->model(), &QAbstractItemModel::layoutChanged, m_table,
                          &QAbstractItemView::doItemsLayout);
}

OpenTradesPage::LabelSpan OpenTradesPage::labelSpan() const
{
    // A group's label runs over the columns that have nothing of the group to say, up to the
    // first subtotal, so that it is read whole. Spans run over neighbouring logical columns
    // (hidden ones among them take no room): where the first column shown has no such
    // neighbour (the Account column, moved to the front), the label starts at the first run.
    QHeaderView *header = m_table->horizontalHeader();
    const QList<int> subtotals{PositionsModel::VolumeColumn, PositionsModel::SwapColumn,
                               PositionsModel::CommissionColumn, PositionsModel::ProfitColumn};
    LabelSpan best;
    LabelSpan run;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        const bool hidden = header->isSectionHidden(logical);
        if (!hidden && subtotals.contains(logical))
            break;
        if (run.first >= 0 && logical == run.first + run.span) {
            ++run.span;
            run.shown += hidden ? 0 : 1;
            continue;
        }
        if (hidden)
            continue;
        if (run.shown > best.shown)
            best = run;
        if (best.shown >= 2)
            return best;
        run = {logical, 1, 1};
    }
    return run.shown > best.shown ? run : best;
}

void OpenTradesPage::updateSpans()
{
    m_table->clearSpans();
    if (m_table->model() != m_groups)
        return;
    const LabelSpan label = labelSpan();
    if (label.shown < 2)
        return;
    for (int row = 0; row < m_groups->rowCount(); ++row) {
        if (m_groups->isGroupRow(m_groups->index(row, 0)))
            m_table->setSpan(row, label.first, 1, label.span);
    }
}

void OpenTradesPage::updateLabelColumn()
{
    updateSpans();
    const LabelSpan label = labelSpan();
    if (label.first >= 0)
        m_groups->setLabelColumn(label.first);
}

void OpenTradesPage::rememberSelection(QAbstractItemModel *model)
{
    if (m_table->model() != model || !m_table->selectionModel())
        return;
    m_kept = {};
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
        m_kept.selected.insert(row.data(PositionsModel::KeyRole).toLongLong());
    m_kept.current = m_table->currentIndex().data(PositionsModel::KeyRole).toLongLong();
    // The first position row in view, and how many rows (group rows) are above it.
    const int first = m_table->rowAt(0);
    for (int row = std::max(first, 0); first >= 0 && row < model->rowCount(); ++row) {
        if (const qint64 key = model->index(row, 0).data(PositionsModel::KeyRole).toLongLong()) {
            m_kept.top = key;
            m_kept.rowsAboveTop = row - first;
            break;
        }
    }
}

void OpenTradesPage::restoreSelection(QAbstractItemModel *model)
{
    if (m_table->model() != model || !m_table->selectionModel())
        return;
    const Kept kept = std::exchange(m_kept, {});
    QItemSelection selection;
    QModelIndex current;
    QModelIndex top;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        const qint64 key = index.data(PositionsModel::KeyRole).toLongLong();
        if (key == 0)
            continue;
        if (kept.selected.contains(key))
            selection.select(index, index.siblingAtColumn(model->columnCount() - 1));
        if (key == kept.current)
            current = index;
        if (key == kept.top)
            top = index;
    }
    if (current.isValid())
        m_table->selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (top.isValid()) {
        // Laid out now, so that the scroll bar knows the new rows, then scrolled to the same
        // position at the top.
        m_table->doItemsLayout();
        m_table->scrollTo(model->index(std::max(0, top.row() - kept.rowsAboveTop), 0),
                          QAbstractItemView::PositionAtTop);
    }
}

bool OpenTradesPage::eventFilter(QObject *watched, QEvent *event)
{
    // Space folds or shows the group of the current row, as a double-click does.
    if (watched == m_table && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Space &&
        m_groups->toggle(m_table->currentIndex()))
        return true;
    return QWidget::eventFilter(watched, event);
}

QMenu *OpenTradesPage::rowMenu(const QModelIndex &index)
{
    const QModelIndex source = m_proxy->mapToSource(toProxy(index));
    if (!source.isValid())
        return nullptr;
    return TableMenus::row(this, m_copy, m_filters, m_model->positionAt(source.row()));
}

void OpenTradesPage::saveState(QSettings &settings) const
{
    // What was set aside to fit the window is not the user's choice: saved as shown.
    m_fit->showAllSetAside();
    settings.setValue(u"openTrades/header"_s, m_table->horizontalHeader()->saveState());
    m_fit->refit();
    settings.setValue(u"openTrades/userSorted"_s, m_proxy->isUserSorted());
    settings.setValue(u"openTrades/grouping"_s, m_grouping->currentData().toInt());
    settings.setValue(u"openTrades/collapsedGroups"_s, m_groups->collapsedKeys());
    m_filters->saveState(settings, u"openTrades"_s);
}

void OpenTradesPage::restoreState(const QSettings &settings)
{
    QHeaderView *header = m_table->horizontalHeader();
    if (m_fit->restoreState(settings.value(u"openTrades/header"_s).toByteArray())) {
        m_sized = true;
        if (!settings.value(u"openTrades/userSorted"_s).toBool())
            header->setSortIndicator(-1, Qt::AscendingOrder);
    }
    m_filters->restoreState(settings, u"openTrades"_s);
    m_groups->setCollapsedKeys(settings.value(u"openTrades/collapsedGroups"_s).toStringList());
    const int grouping = m_grouping->findData(settings.value(u"openTrades/grouping"_s, 0).toInt());
    setGrouping(PositionsGroupModel::Grouping(m_grouping->itemData(std::max(0, grouping)).toInt()));
}

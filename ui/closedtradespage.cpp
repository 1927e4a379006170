// SPDX-License-Identifier: GPL-3.0-or-later
#include "closedtradespage.h"

#include "columnfit.h"
#include "domain/currencies.h"
#include "domain/tradetext.h"
#include "figurelabel.h"
#include "filterbar.h"
#include "history/closedtradestore.h"
#include "history/tradeexporter.h"
#include "history/tradehistory.h"
#include "history/tradereader.h"
#include "models/performance.h"
#include "performancecharts.h"
#include "rowcopy.h"
#include "tablefooter.h"
#include "tablemenus.h"
#include "tonedelegate.h"
#include "tradetable.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDataStream>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>
#include <numeric>

using namespace Qt::StringLiterals;
using Period = ClosedTradesModel::Period;

namespace {

// The account list's item of every account: no account's key looks like this.
const QString kAllAccounts = u"*"_s;

// Whether a QSplitter::saveState() holds sizes anyone could use. A splitter never laid out
// (Closed Trades not shown in a session that restored nothing) saves -1 for each, which would
// squeeze the table at the next start; nothing at all, or more than `widest` (a damaged file,
// another screen), is no better. One pane at 0 is a pane the trader collapsed: kept. The
// layout is QSplitter's own: magic, version, then the sizes.
bool isUsable(const QByteArray &state, int widest)
{
    QDataStream stream(state);
    stream.setVersion(QDataStream::Qt_5_0);
    qint32 magic = 0;
    qint32 version = 0;
    QList<int> sizes;
    stream >> magic >> version >> sizes;
    const qint64 total = std::accumulate(sizes.cbegin(), sizes.cend(), qint64(0));
    return stream.status() == QDataStream::Ok && !sizes.isEmpty() &&
           std::none_of(sizes.cbegin(), sizes.cend(), [](int size) { return size < 0; }) &&
           total > 0 && total <= widest;
}

} // namespace

ClosedTradesPage::ClosedTradesPage(ClosedTradesModel *trades, TradeHistory *history,
                                   QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_model(trades)
{
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Account:"), this));
    m_accounts = new QComboBox(this);
    m_accounts->setObjectName(u"account"_s);
    m_accounts->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_accounts->setToolTip(tr("Every account with trades in this history; the current feed's "
                              "first. All accounts: their trades together, in one close order"));
    bar->addWidget(m_accounts);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Period:"), this));
    m_period = new QComboBox(this);
    m_period->setObjectName(u"period"_s);
    m_period->addItem(tr("Today"), int(Period::Today));
    m_period->addItem(tr("This week"), int(Period::ThisWeek));
    m_period->addItem(tr("This month"), int(Period::ThisMonth));
    m_period->addItem(tr("All"), int(Period::All));
    m_period->addItem(tr("Custom range"), int(Period::Custom));
    bar->addWidget(m_period);
    m_from = new QDateEdit(QDate::currentDate().addDays(-7), this);
    m_to = new QDateEdit(QDate::currentDate(), this);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
        edit->setVisible(false);
    }
    bar->addWidget(m_from);
    bar->addWidget(m_to);
    bar->addStretch();
    m_bom = new QCheckBox(tr("For Excel"), this);
    m_bom->setObjectName(u"byteOrderMark"_s);
    m_bom->setChecked(true);
    m_bom->setToolTip(tr("UTF-8 with a byte-order mark, so that Excel shows Chinese names "
                         "right; uncheck for tools that do not expect one"));
    bar->addWidget(m_bom);
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setToolTip(tr("Save the trades shown as a CSV file (Ctrl+E)"));
    bar->addWidget(m_export);

    m_notice = new QLabel(this);
    m_notice->setObjectName(u"notice"_s);
    m_notice->setWordWrap(true);
    m_notice->setAutoFillBackground(true);
    m_notice->setBackgroundRole(QPalette::AlternateBase);
    m_notice->setMargin(6);

    m_filters = new FilterBar(this);
    m_filters->setObjectName(u"filters"_s);

    auto *delegate =
        new ToneDelegate(ClosedTradesModel::ToneRole,
                         {ClosedTradesModel::ProfitColumn, ClosedTradesModel::NetColumn}, this);
    delegate->setConfirmedRole(ClosedTradesModel::ConfirmedRole);
    m_table = new TradeTable(m_model, delegate,
                             {ClosedTradesModel::CommissionColumn, ClosedTradesModel::SwapColumn,
                              ClosedTradesModel::ReasonColumn, ClosedTradesModel::OpenTimeColumn,
                              ClosedTradesModel::OpenPriceColumn},
                             ClosedTradesModel::CloseTimeColumn, Qt::DescendingOrder, this);
    m_table->setObjectName(u"closedTrades"_s);
    m_table->setAccessibleName(tr("Closed trades"));
    QHeaderView *header = m_table->horizontalHeader();
    m_copy = m_table->rowCopy();
    m_fit = m_table->fit();
    m_table->setRowMenu([this](const QModelIndex &index) { return rowMenu(index); });

    m_charts = new PerformanceCharts(this);
    m_charts->setObjectName(u"charts"_s);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"chartsSplitter"_s);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_charts);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(true);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_chartsWidthByUser = true; });
    // Columns fitted, widened or set aside, or the window resized: once the dust settles.
    m_fitCharts.setSingleShot(true);
    m_fitCharts.setInterval(0);
    connect(&m_fitCharts, &QTimer::timeout, this, &ClosedTradesPage::fitChartsWidth);
    connect(header, &QHeaderView::sectionResized, &m_fitCharts, qOverload<>(&QTimer::start));

    createStatistics();
    m_statisticsSplitter = new QSplitter(Qt::Vertical, this);
    m_statisticsSplitter->setObjectName(u"statisticsSplitter"_s);
    m_statisticsSplitter->addWidget(m_splitter);
    m_statisticsSplitter->addWidget(m_statistics);
    m_statisticsSplitter->setStretchFactor(0, 3);
    m_statisticsSplitter->setStretchFactor(1, 1);
    m_statisticsSplitter->setChildrenCollapsible(true);
    connect(m_statisticsSplitter, &QSplitter::splitterMoved, this,
            [this] { m_statisticsHeightByUser = true; });

    auto *footer = new TableFooter(tr("Show every trade of the period again"), this);
    m_footer = footer->totals();
    m_clearFilters = footer->clearFilters();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_filters);
    layout->addWidget(m_notice);
    layout->addWidget(m_statisticsSplitter, 1);
    layout->addWidget(footer);

    // A month of history is what a trader reviews most; Today is one click away.
    m_period->setCurrentIndex(m_period->findData(int(Period::ThisMonth)));
    m_model->setPeriod(Period::ThisMonth);
    connect(m_period, &QComboBox::currentIndexChanged, this, &ClosedTradesPage::onPeriodChanged);
    connect(m_from, &QDateEdit::dateChanged, this, &ClosedTradesPage::onPeriodChanged);
    connect(m_to, &QDateEdit::dateChanged, this, &ClosedTradesPage::onPeriodChanged);
    connect(m_export, &QPushButton::clicked, this, &ClosedTradesPage::exportWithDialog);
    m_exporter = new TradeExporter(this);
    connect(m_exporter, &TradeExporter::progress, this, [this](int written) {
        if (m_progress)
            m_progress->setValue(std::min(written, m_progress->maximum()));
    });
    connect(m_exporter, &TradeExporter::finished, this, &ClosedTradesPage::onExportFinished);
    connect(m_filters, &FilterBar::filterChanged, m_model, &ClosedTradesModel::setFilter);
    connect(m_clearFilters, &QPushButton::clicked, m_filters, &FilterBar::clear);
    connect(m_model, &ClosedTradesModel::totalsChanged, this, &ClosedTradesPage::updateChoices);
    connect(m_model, &ClosedTradesModel::shownChanged, this, [this] {
        updateFooter();
        m_charts->setPerformance(m_model->performance());
    });
    connect(m_model, &ClosedTradesModel::readingChanged, this, &ClosedTradesPage::updateFooter);
    connect(m_accounts, &QComboBox::currentIndexChanged, this, [this] {
        const QString key = m_accounts->currentData().toString();
        if (key == kAllAccounts) {
            m_model->setAllAccounts(true);
        } else {
            const Account account = Account::fromKey(key);
            if (account != m_model->account() || m_history->store() != m_model->store() ||
                m_model->allAccounts())
                m_model->setSource(m_history->store(), account, false);
        }
        updateAccountColumn();
        updateCurrencies();
    });
    // Another feed: its own history, from its own store.
    connect(history, &TradeHistory::accountChanged, this, [this] {
        m_model->setSource(m_history->store(), m_history->account());
        updateAccounts();
    });
    // Which accounts' money adds up: a currency kept, or an account's first trade.
    connect(history, &TradeHistory::currencyKept, this, &ClosedTradesPage::updateCurrencies);
    connect(m_model, &ClosedTradesModel::totalsChanged, this, &ClosedTradesPage::updateCurrencies);
    // The model reads the store again itself when trades are recorded or withdrawn.
    connect(history, &TradeHistory::changed, this, &ClosedTradesPage::updateAccounts);
    connect(history, &TradeHistory::unsavedChanged, this, &ClosedTradesPage::updateNotice);
    // Whatever is written to the file may add an account to the list.
    connect(history->fileStore(), &ClosedTradeStore::tradesRecorded, this,
            &ClosedTradesPage::updateAccounts);
    updateAccounts();
    updateAccountColumn();
    updateCurrencies();
    updateChoices();
    updateFooter();
    updateNotice();
    m_model->setActive(false); // until the page is shown
}

void ClosedTradesPage::setAccountNames(const QList<std::pair<Account, QString>> &accounts)
{
    m_named = accounts;
    QHash<QString, QString> names;
    for (const auto &[account, name] : accounts)
        names.insert(account.key(), name);
    m_model->setAccountNames(names);
    if (accounts.size() > 1) {
        // The window watches several: all of their trades to begin with, whose each is first.
        QHeaderView *header = m_table->horizontalHeader();
        header->moveSection(header->visualIndex(ClosedTradesModel::AccountColumn), 0);
        m_model->setAllAccounts(true);
    }
    {
        const QSignalBlocker blocker(m_accounts);
        m_accounts->clear(); // listed anew, by these names
    }
    updateAccounts();
    updateAccountColumn();
    updateCurrencies();
}

bool ClosedTradesPage::showsAllAccounts() const
{
    return m_model->allAccounts();
}

void ClosedTradesPage::updateAccountColumn()
{
    // Whose a trade is, where several accounts' trades are shown.
    QHeaderView *header = m_table->horizontalHeader();
    const bool shown = m_model->allAccounts();
    if (header->isSectionHidden(ClosedTradesModel::AccountColumn) == shown)
        header->setSectionHidden(ClosedTradesModel::AccountColumn, !shown);
}

void ClosedTradesPage::updateCurrencies()
{
    // Money of several accounts adds up only in one currency: the file keeps each account's.
    QString why;
    if (m_model->allAccounts() && m_model->store()) {
        const QHash<QString, QString> kept = m_model->store()->currencies();
        QStringList names;
        QStringList currencies;
        for (const Account &account : m_model->store()->accounts()) {
            names.append(m_model->accountName(account.key()));
            currencies.append(kept.value(account.key()));
        }
        if (names.size() < 2 || Currencies::common(names, currencies, &why))
            why.clear();
    }
    if (why == m_moneyWithheld)
        return;
    m_moneyWithheld = why;
    m_statisticsModel->setMoneyWithheld(why);
    m_charts->setWithheld(why);
    updateFooter();
}

void ClosedTradesPage::follow(TradeHistory *other)
{
    ClosedTradeStore *store = other->fileStore();
    for (const auto changed :
         {&ClosedTradeStore::tradesRecorded, &ClosedTradeStore::tradesWithdrawn})
        connect(store, changed, m_model, &ClosedTradesModel::scheduleReload);
    // It may add an account to the list, or say its currency.
    connect(store, &ClosedTradeStore::tradesRecorded, this, &ClosedTradesPage::updateAccounts);
    connect(other, &TradeHistory::currencyKept, this, &ClosedTradesPage::updateCurrencies);
}

void ClosedTradesPage::createStatistics()
{
    // Which signal trader earns the trader money: below the trades at full width, so that all
    // its columns are in view; a click on a row shows that trader's trades.
    m_statisticsModel = new TraderStatisticsModel(m_model, this);
    m_statistics = new QTableView(this);
    m_statistics->setObjectName(u"statistics"_s);
    m_statistics->setAccessibleName(tr("Statistics per signal trader"));
    m_statistics->setModel(m_statisticsModel);
    auto *statisticsDelegate = new ToneDelegate(
        TraderStatisticsModel::ToneRole,
        {TraderStatisticsModel::NetColumn, TraderStatisticsModel::GrossProfitColumn,
         TraderStatisticsModel::GrossLossColumn, TraderStatisticsModel::AverageWinColumn,
         TraderStatisticsModel::AverageLossColumn, TraderStatisticsModel::LargestWinColumn,
         TraderStatisticsModel::LargestLossColumn},
        this);
    statisticsDelegate->setBoldRole(TraderStatisticsModel::TotalRole);
    m_statistics->setItemDelegate(statisticsDelegate);
    TradeTable::setUpRows(m_statistics);
    m_statistics->setSelectionMode(QAbstractItemView::SingleSelection);
    m_statistics->setSortingEnabled(true);
    // The room a sort arrow takes in every title is what fifteen columns lack at 1280 pixels:
    // the arrow shows once the trader sorts.
    m_statistics->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_statistics->horizontalHeader()->setSortIndicatorShown(false);
    connect(m_statistics->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this] { m_statistics->horizontalHeader()->setSortIndicatorShown(true); });
    m_statistics->horizontalHeader()->setToolTip(tr("Click to sort; point at a title for what "
                                                    "it means"));
    m_statistics->setToolTip(tr("Statistics per signal trader for the period and filters; "
                                "click a row to show its trades"));
    m_statisticsCopy = new RowCopy(m_statistics, m_statistics->horizontalHeader());
    m_statisticsFit = new ColumnFit(m_statistics, {});
    m_statistics->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_statistics, &QWidget::customContextMenuRequested, this,
            &ClosedTradesPage::showStatisticsMenu);
    const auto showTradesOf = [this](const QModelIndex &index) {
        if (index.isValid())
            m_filters->setFilter(m_statisticsModel->filterFor(index.row()));
    };
    connect(m_statistics, &QAbstractItemView::clicked, this, showTradesOf);
    connect(m_statistics, &QAbstractItemView::activated, this, showTradesOf);
    connect(m_statisticsModel, &TraderStatisticsModel::statisticsChanged, this, [this] {
        // Fitted to the first figures, then widened as figures grow (never narrowed under
        // the trader's hand).
        if (!std::exchange(m_statisticsSized, true)) {
            m_statisticsFit->fitToContents();
        } else {
            QList<int> all(TraderStatisticsModel::ColumnCount);
            std::iota(all.begin(), all.end(), 0);
            m_statisticsFit->widenToContents(all);
        }
        fitStatisticsHeight();
        selectShownStatistics();
        // The curve over a long period is a point per day; the statistics read every trade.
        if (const TradeStatistics *shown = m_statisticsModel->shownFigures())
            m_charts->setDrawdown(
                shown->maxDrawdown > 0.0
                    ? std::optional<Performance::Drawdown>(
                          {shown->maxDrawdown, shown->drawdownFrom, shown->drawdownTo})
                    : std::nullopt);
    });
    connect(m_statisticsModel, &QAbstractItemModel::layoutChanged, this,
            &ClosedTradesPage::selectShownStatistics);
    // Figures of the selection before, while the new one is read (a second over a million
    // trades): greyed, so that they never pass for the new one's.
    connect(m_statisticsModel, &TraderStatisticsModel::readingChanged, this,
            [this, statisticsDelegate](bool reading) {
                statisticsDelegate->setStale(reading);
                m_statistics->viewport()->update();
            });
}

void ClosedTradesPage::updateChoices()
{
    m_filters->setTraders(m_model->signalTraders());
    m_filters->setSymbols(m_model->symbols());
}

void ClosedTradesPage::updateAccounts()
{
    // The window's accounts first, in the trader's order, by their names (or the current
    // account, even before it has a trade), then every other one in the file; with more than
    // one, "All accounts" before them.
    QList<Account> accounts;
    for (const auto &named : std::as_const(m_named))
        accounts.append(named.first);
    if (!accounts.contains(m_history->account()))
        accounts.prepend(m_history->account());
    for (const Account &account : m_history->store()->accounts()) {
        if (!accounts.contains(account))
            accounts.append(account);
    }
    QStringList keys;
    if (accounts.size() > 1)
        keys.append(kAllAccounts);
    for (const Account &account : std::as_const(accounts))
        keys.append(account.key());
    const QString shown = m_model->allAccounts() ? kAllAccounts : m_model->account().key();
    bool same = m_accounts->count() == keys.size();
    for (int i = 0; same && i < keys.size(); ++i)
        same = m_accounts->itemData(i).toString() == keys.at(i);
    if (same)
        return;
    const QSignalBlocker blocker(m_accounts);
    m_accounts->clear();
    if (accounts.size() > 1)
        m_accounts->addItem(tr("All accounts"), kAllAccounts);
    for (const Account &account : std::as_const(accounts)) {
        const auto named = std::find_if(m_named.cbegin(), m_named.cend(),
                                        [&](const auto &n) { return n.first == account; });
        m_accounts->addItem(named != m_named.cend() ? named->second
                            : account == m_history->account()
                                ? tr("%1 (this feed)").arg(account.displayName())
                                : account.displayName(),
                            account.key());
    }
    const int at = m_accounts->findData(shown);
    if (at >= 0) {
        m_accounts->setCurrentIndex(at);
    } else {
        m_accounts->setCurrentIndex(m_accounts->findData(m_history->account().key()));
        m_model->setAllAccounts(false); // "All" of one account is that account
        updateAccountColumn();
    }
}

void ClosedTradesPage::onPeriodChanged()
{
    const Period period = Period(m_period->currentData().toInt());
    const bool custom = period == Period::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    if (custom)
        m_model->setCustomRange(m_from->date(), m_to->date());
    else
        m_model->setPeriod(period);
}

void ClosedTradesPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The totals' colours were chosen against the old background (Settings → Display).
    if (event->type() == QEvent::PaletteChange)
        updateFooter();
}

void ClosedTradesPage::updateFooter()
{
    // Column widths fit the first real rows, unless the user's own widths were restored.
    if (!m_sized && m_model->rowCount() > 0) {
        m_sized = true;
        m_fit->fitToContents();
    }
    // A period or a search is read off the GUI thread: until it comes there are no figures of
    // it to show, and the ones before are of another selection.
    if (m_model->isReading()) {
        m_footer->setText(tr("Reading the history…"));
        m_export->setEnabled(false);
        return;
    }
    const ClosedTradesModel::Totals t = m_model->totals();
    m_export->setEnabled(t.count > 0 && !m_exporter->isRunning());
    const QLocale locale;
    const auto money = [&](double value, bool colour) {
        const QString text = (value > 0.0 ? u"+"_s : QString()) + locale.toString(value, 'f', 2);
        if (!colour)
            return text;
        return u"<span style=\"color:%1\"><b>%2</b></span>"_s.arg(
            ToneDelegate::toneColor(palette(), toneOf(value), QPalette::Window).name(), text);
    };
    const bool filtered = m_model->filter().isActive();
    QString trades = filtered
                         ? tr("%1 of %n trade(s) shown (%2)", nullptr, t.of)
                               .arg(locale.toString(t.count), m_filters->describe().toHtmlEscaped())
                         : tr("%n trade(s)", nullptr, t.count);
    if (t.unconfirmed > 0)
        trades += u" "_s + tr("(incl. %1 unconfirmed)").arg(t.unconfirmed);
    m_clearFilters->setVisible(filtered);
    if (!m_moneyWithheld.isEmpty()) {
        m_footer->setText(
            tr("%1 · No totals of money: %2").arg(trades, m_moneyWithheld.toHtmlEscaped()));
        return;
    }
    m_footer->setText(tr("%1 · Gross profit %2 · Swap %3 · Commission %4 · Net %5")
                          .arg(trades, money(t.profit, false), money(t.swap, false),
                               money(t.commission, false), money(t.net(), true)));
}

bool ClosedTradesPage::areStatisticsGreyed() const
{
    const auto *delegate = qobject_cast<const ToneDelegate *>(m_statistics->itemDelegate());
    return delegate && delegate->isStale();
}

void ClosedTradesPage::fitChartsWidth()
{
    // The table as wide as its columns and the charts the rest, until the trader moves the
    // splitter: room beside the columns is room the charts lack. Only spare room is given (less
    // than the next column set aside would need): a table narrower than its columns is
    // ColumnFit's to handle, and this never takes a column from it.
    if (m_chartsWidthByUser || !isVisible() || m_model->rowCount() == 0)
        return;
    const QList<int> sizes = m_splitter->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    const QScrollBar *down = m_table->verticalScrollBar();
    const int wanted = m_table->horizontalHeader()->length() + 2 * m_table->frameWidth() +
                       (down->isVisible() ? down->width() : 0) + 1;
    const int spare = sizes.value(0) - wanted;
    if (total <= 0 || spare <= 0)
        return;
    m_splitter->setSizes({wanted, total - wanted});
}

void ClosedTradesPage::fitStatisticsHeight()
{
    // Every row in view, no more, until the trader moves the splitter: a handful of signal
    // traders should not cost the trades half the window, nor hide behind a scroll bar.
    if (m_statisticsHeightByUser || !isVisible())
        return;
    const int rows = std::min(m_statisticsModel->rowCount(), kStatisticsRowsShown);
    // The scroll bar across is counted when the columns are wider than the table (it may not
    // be shown yet: the columns were just fitted).
    const QScrollBar *across = m_statistics->horizontalScrollBar();
    const bool scrolls =
        m_statistics->horizontalHeader()->length() > m_statistics->viewport()->width();
    const int wanted = m_statistics->horizontalHeader()->height() +
                       rows * m_statistics->verticalHeader()->defaultSectionSize() +
                       2 * m_statistics->frameWidth() + (scrolls ? across->sizeHint().height() : 0);
    const QList<int> sizes = m_statisticsSplitter->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (total <= 0 || sizes.value(1) == wanted)
        return;
    m_statisticsSplitter->setSizes({std::max(0, total - wanted), std::min(wanted, total)});
}

void ClosedTradesPage::selectShownStatistics()
{
    const int row = m_statisticsModel->shownRow();
    QItemSelectionModel *selection = m_statistics->selectionModel();
    if (row < 0) {
        selection->clearSelection();
        return;
    }
    selection->select(m_statisticsModel->index(row, 0),
                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ClosedTradesPage::showStatisticsMenu(const QPoint &position)
{
    QMenu menu(this);
    // Every row: the table is a report, read as a whole (Ctrl+C copies the row selected).
    menu.addAction(tr("&Copy all rows"), this,
                   [this] { m_statisticsCopy->copy(RowCopy::Rows::All); });
    menu.addAction(tr("&Export statistics…"), this, [this] {
        QString name = suggestedFileName();
        const QString suggested =
            QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                .filePath(statisticsPathFor(name));
        const QString path = QFileDialog::getSaveFileName(this, tr("Export statistics"), suggested,
                                                          tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportStatisticsTo(path, &error))
            QMessageBox::warning(
                this, tr("Export failed"),
                tr("The statistics could not be written to %1:\n%2").arg(path, error));
    });
    menu.exec(m_statistics->viewport()->mapToGlobal(position));
}

void ClosedTradesPage::exportStatisticsBeside()
{
    // Best effort: the trades are the export; a failure here is said, not hidden, and never
    // figures of another selection (the filters changed while the file was written).
    const QString path = statisticsPathFor(m_exportPath);
    QString error;
    if (!m_statisticsModel->isOf(m_exportQuery))
        error = tr("the filters changed while the trades were written; export the statistics "
                   "on their own");
    if (!error.isEmpty() || !exportStatisticsTo(path, &error))
        Q_EMIT exportFailed(path, error);
}

QString ClosedTradesPage::statisticsPathFor(const QString &tradesPath)
{
    QString base = tradesPath;
    if (base.endsWith(u".csv"_s, Qt::CaseInsensitive))
        base.chop(4);
    return base + u"-statistics.csv"_s;
}

bool ClosedTradesPage::exportStatisticsTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    const bool ok = file.open(QIODevice::WriteOnly) &&
                    file.write(m_statisticsModel->csv(m_bom->isChecked())) >= 0 && file.commit();
    if (!ok && error)
        *error = file.errorString();
    return ok;
}

void ClosedTradesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    QMetaObject::invokeMethod(this, &ClosedTradesPage::fitStatisticsHeight, Qt::QueuedConnection);
    m_fitCharts.start();
    m_model->setActive(true);
}

void ClosedTradesPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_fitCharts.start();
}

void ClosedTradesPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    // Trades written meanwhile (a History while Open Trades is in front) are read when the
    // page is shown again, not after every batch.
    m_model->setActive(false);
}

void ClosedTradesPage::updateNotice()
{
    // What is kept where, truthfully: the file's own problem, then what waits to be saved.
    QStringList lines;
    const ClosedTradeStore *file = m_history->fileStore();
    const bool unusable = !file->isOpen() || file->isReadOnly();
    if (!m_history->account().isDemo() && unusable) {
        lines.append(m_history->lastError());
        lines.append(m_history->spool().isOpen()
                         ? tr("Closed trades are put aside in %1 and written to the history as "
                              "soon as it can be written.")
                               .arg(QDir::toNativeSeparators(m_history->spool().path()))
                         : tr("Closed trades are kept in memory only, for this session: they "
                              "are lost when Trade Monitor quits."));
    }
    if (const int unsaved = m_history->unsavedCount(); unsaved > 0) {
        lines.append(tr("%1 not saved yet: %2")
                         .arg(TradeText::closedTrades(unsaved), m_history->unsavedReason()));
        if (const int memory = m_history->memoryOnlyCount(); memory > 0)
            lines.append(tr("%1 of them could not even be put aside on disk and would be lost "
                            "if Trade Monitor quit now.")
                             .arg(memory));
        else
            lines.append(tr("They are kept safe in %1 and written as soon as the history can "
                            "be written again.")
                             .arg(QDir::toNativeSeparators(m_history->spool().path())));
    }
    if (const int corrections = m_history->pendingCorrections(); corrections > 0)
        lines.append(tr("%1: %2").arg(TradeText::correctionsWaiting(corrections),
                                      m_history->unsavedReason()));
    lines.removeAll(QString());
    m_notice->setVisible(!lines.isEmpty());
    m_notice->setText(lines.join(u'\n'));
}

QMenu *ClosedTradesPage::rowMenu(const QModelIndex &index)
{
    if (!index.isValid() || index.model() != m_model)
        return nullptr;
    return TableMenus::row(this, m_copy, m_filters, m_model->tradeAt(index.row()).position);
}

bool ClosedTradesPage::exportTo(const QString &path)
{
    ClosedTradeStore::CsvOptions options;
    options.byteOrderMark = m_bom->isChecked();
    options.account = m_model->accountName(m_model->account().key());
    for (const auto &[account, name] : std::as_const(m_named))
        options.accountNames.insert(account.key(), name);
    if (!m_exporter->start(m_model->store(), m_model->query(), path, options))
        return false;
    m_exportPath = path;
    m_exportQuery = m_model->query();
    m_export->setEnabled(false);
    // Not modal: the window goes on while the file is written. It shows itself only when the
    // export takes a while.
    m_progress = new QProgressDialog(
        tr("Exporting closed trades to %1…").arg(QDir::toNativeSeparators(path)), tr("Cancel"), 0,
        std::max(1, m_model->totals().count), this);
    m_progress->setWindowTitle(tr("Export closed trades"));
    m_progress->setMinimumDuration(500);
    m_progress->setAutoReset(false);
    m_progress->setAutoClose(false);
    connect(m_progress, &QProgressDialog::canceled, m_exporter, &TradeExporter::cancel);
    return true;
}

bool ClosedTradesPage::isExporting() const
{
    return m_exporter->isRunning();
}

void ClosedTradesPage::onExportFinished(bool ok, int written, const QString &error)
{
    if (m_progress)
        m_progress->deleteLater();
    updateFooter();
    const bool report = std::exchange(m_reportFailure, false);
    if (ok) {
        Q_EMIT exported(m_exportPath, written);
        // The statistics of the same selection go beside the trades, once they are read.
        if (m_statisticsModel->isReading()) {
            auto *once = new QObject(this);
            connect(m_statisticsModel, &TraderStatisticsModel::readingChanged, once,
                    [this, once](bool reading) {
                        if (reading)
                            return;
                        once->deleteLater();
                        exportStatisticsBeside();
                    });
        } else {
            exportStatisticsBeside();
        }
    } else if (!error.isEmpty()) {
        Q_EMIT exportFailed(m_exportPath, error);
        if (report)
            QMessageBox::warning(
                this, tr("Export failed"),
                tr("The trades could not be written to %1:\n%2").arg(m_exportPath, error));
    }
}

QString ClosedTradesPage::suggestedFileName() const
{
    const Account account = m_model->account();
    QString who = m_model->allAccounts() ? u"all-accounts"_s
                  : account.isUnknown()  ? u"unknown"_s
                  : account.isDemo()
                      ? u"demo-%1"_s.arg(account.traderId)
                      : u"%1-%2"_s.arg(account.traderId).arg(QUrl(account.endpoint).host());
    const QDate today = QDate::currentDate();
    QString period;
    switch (m_model->period()) {
    case Period::Today:
        period = today.toString(Qt::ISODate);
        break;
    case Period::ThisWeek:
        period = u"%1-W%2"_s.arg(today.year()).arg(today.weekNumber(), 2, 10, QChar(u'0'));
        break;
    case Period::ThisMonth:
        period = today.toString(u"yyyy-MM"_s);
        break;
    case Period::All:
        period = u"all"_s;
        break;
    case Period::Custom:
        period = u"%1_%2"_s.arg(std::min(m_from->date(), m_to->date()).toString(Qt::ISODate),
                                std::max(m_from->date(), m_to->date()).toString(Qt::ISODate));
        break;
    }
    // Only what every file system takes.
    static const QRegularExpression unsafe(u"[^A-Za-z0-9._-]+"_s);
    who.replace(unsafe, u"-"_s);
    return u"trades-%1-%2.csv"_s.arg(who, period);
}

void ClosedTradesPage::exportWithDialog()
{
    if (m_exporter->isRunning()) {
        if (m_progress) { // one at a time: the one under way is shown
            m_progress->show();
            m_progress->raise();
        }
        return;
    }
    if (m_model->rowCount() == 0)
        return;
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(suggestedFileName());
    const QString path = QFileDialog::getSaveFileName(this, tr("Export closed trades"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    m_reportFailure = exportTo(path);
}

void ClosedTradesPage::saveState(QSettings &settings) const
{
    m_fit->showAllSetAside();
    settings.setValue(u"closedTrades/header"_s, m_table->horizontalHeader()->saveState());
    m_fit->refit();
    settings.setValue(u"closedTrades/period"_s, m_period->currentIndex());
    settings.setValue(u"closedTrades/csvByteOrderMark"_s, m_bom->isChecked());
    settings.setValue(u"closedTrades/splitter"_s, m_splitter->saveState());
    settings.setValue(u"closedTrades/splitterByUser"_s, m_chartsWidthByUser);
    if (m_statisticsHeightByUser)
        settings.setValue(u"closedTrades/statisticsSplitter"_s, m_statisticsSplitter->saveState());
    m_filters->saveState(settings, u"closedTrades"_s);
}

void ClosedTradesPage::restoreState(const QSettings &settings)
{
    if (m_fit->restoreState(settings.value(u"closedTrades/header"_s).toByteArray()))
        m_sized = true;
    m_bom->setChecked(settings.value(u"closedTrades/csvByteOrderMark"_s, true).toBool());
    // Twice the screens' span: room for a window restored before it is scaled or moved, none
    // for sizes no screen could show.
    const QScreen *screen = this->screen();
    const int widest =
        screen ? 2 * std::max(screen->virtualGeometry().width(), screen->virtualGeometry().height())
               : 32768;
    const QByteArray splitter = settings.value(u"closedTrades/splitter"_s).toByteArray();
    if (isUsable(splitter, widest) && m_splitter->restoreState(splitter))
        m_chartsWidthByUser = settings.value(u"closedTrades/splitterByUser"_s, false).toBool();
    // The statistics' height, once the trader chose one; else it follows their rows.
    const QByteArray statistics =
        settings.value(u"closedTrades/statisticsSplitter"_s).toByteArray();
    if (isUsable(statistics, widest) && m_statisticsSplitter->restoreState(statistics))
        m_statisticsHeightByUser = true;
    m_filters->restoreState(settings, u"closedTrades"_s);
    updateAccountColumn(); // whatever the saved header says, it shows only with every account
    if (!settings.contains(u"closedTrades/period"_s))
        return;
    const int period = settings.value(u"closedTrades/period"_s).toInt();
    if (period >= 0 && period < m_period->count())
        m_period->setCurrentIndex(period);
}

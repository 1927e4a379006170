// SPDX-License-Identifier: GPL-3.0-or-later
#include "opentradespage.h"

#include "accountbar.h"
#include "models/accountsummary.h"

#include "domain/tradetext.h"
#include "feed/positionbook.h"
#include "models/positionsmodel.h"
#include "tonedelegate.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Mode = PositionsFilterModel::Mode;

OpenTradesPage::OpenTradesPage(PositionBook *book, QWidget *parent)
    : QWidget(parent)
    , m_book(book)
{
    m_model = new PositionsModel(book, this);
    m_proxy = new PositionsFilterModel(this);
    m_proxy->setSourceModel(m_model);
    m_summary = new AccountSummary(book, this);
    m_accountBar = new AccountBar(m_summary, this);

    // The filter bar: All / Following / Mine, a signal trader, a search.
    auto *bar = new QHBoxLayout;
    m_modes = new QButtonGroup(this);
    m_modes->setExclusive(true);
    const std::pair<Mode, QString> modes[] = {
        {Mode::All, tr("All")}, {Mode::Following, tr("Following")}, {Mode::Mine, tr("Mine")}};
    for (const auto &[mode, text] : modes) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_modes->addButton(button, int(mode));
        bar->addWidget(button);
    }
    m_modes->button(int(Mode::All))->setChecked(true);
    m_modes->button(int(Mode::All))
        ->setToolTip(tr("Every position, copies of signal traders first"));
    m_modes->button(int(Mode::Following))->setToolTip(tr("Positions copying a signal trader"));
    m_modes->button(int(Mode::Mine))->setToolTip(tr("Your own positions"));
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Signal trader:"), this));
    m_signalTraders = new QComboBox(this);
    m_signalTraders->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_signalTraders->addItem(tr("Any"), qint64(0));
    bar->addWidget(m_signalTraders);
    bar->addStretch();
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search symbol or ticket"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    bar->addWidget(m_search);

    // The banner that says the numbers are not live.
    m_banner = new QWidget(this);
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::AlternateBase);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(8, 4, 8, 4);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    QFont bold = m_bannerText->font();
    bold.setBold(true);
    m_bannerText->setFont(bold);
    m_bannerReconnect = new QPushButton(tr("Reconnect"), m_banner);
    m_bannerSettings = new QPushButton(tr("Open Settings…"), m_banner);
    m_bannerDismiss = new QPushButton(tr("Dismiss"), m_banner);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_bannerSettings);
    bannerLayout->addWidget(m_bannerReconnect);
    bannerLayout->addWidget(m_bannerDismiss);
    m_banner->hide();

    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_delegate = new ToneDelegate(PositionsModel::ToneRole, {PositionsModel::ProfitColumn}, this);
    m_table->setItemDelegate(m_delegate);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setToolTip(tr("Click to sort; drag to move; right-click to show or hide columns"));
    // No user sort to begin with (section -1): following positions first, in feed order.
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    connect(header, &QWidget::customContextMenuRequested, this, &OpenTradesPage::showColumnMenu);

    m_footer = new QLabel(this);
    m_footer->setTextFormat(Qt::RichText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_accountBar);
    layout->addLayout(bar);
    layout->addWidget(m_banner);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_footer);

    connect(m_modes, &QButtonGroup::idClicked, this,
            [this](int id) { m_proxy->setMode(Mode(id)); });
    connect(m_signalTraders, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setSignalTraderId(m_signalTraders->currentData().toLongLong()); });
    connect(m_search, &QLineEdit::textChanged, m_proxy, &PositionsFilterModel::setSearchText);
    connect(m_bannerReconnect, &QPushButton::clicked, this, &OpenTradesPage::reconnectRequested);
    connect(m_bannerSettings, &QPushButton::clicked, this, &OpenTradesPage::settingsRequested);
    connect(m_bannerDismiss, &QPushButton::clicked, this, &OpenTradesPage::noticeDismissed);
    connect(m_proxy, &PositionsFilterModel::totalsChanged, this, &OpenTradesPage::updateFooter);
    connect(book, &PositionBook::positionsReset, this, &OpenTradesPage::updateSignalTraders);
    connect(book, &PositionBook::positionInserted, this, &OpenTradesPage::updateSignalTraders);
    updateFooter();
}

void OpenTradesPage::setMode(Mode mode)
{
    m_modes->button(int(mode))->setChecked(true);
    m_proxy->setMode(mode);
}

void OpenTradesPage::updateSignalTraders()
{
    // Column widths fit the first real rows, unless the user's own widths were restored;
    // a turn later, so that a list that arrives row by row is all there.
    if (!m_sized && m_book->count() > 0) {
        m_sized = true;
        QMetaObject::invokeMethod(m_table, &QTableView::resizeColumnsToContents,
                                  Qt::QueuedConnection);
    }
    QMap<qint64, QString> traders;
    for (const Position &p : m_book->positions()) {
        if (p.flwsig && p.sigtraderid > 0)
            traders.insert(p.sigtraderid, TradeText::signal(p));
    }
    // Keep what the user picked, even when none of that trader's copies is open right now.
    const qint64 selected = m_signalTraders->currentData().toLongLong();
    if (selected > 0 && !traders.contains(selected))
        traders.insert(selected, m_signalTraders->currentText());
    if (traders.size() == m_signalTraders->count() - 1) {
        bool same = true;
        int i = 1;
        for (auto it = traders.cbegin(); it != traders.cend() && same; ++it, ++i)
            same = m_signalTraders->itemData(i).toLongLong() == it.key();
        if (same)
            return;
    }
    const QSignalBlocker blocker(m_signalTraders);
    m_signalTraders->clear();
    m_signalTraders->addItem(tr("Any"), qint64(0));
    for (auto it = traders.cbegin(); it != traders.cend(); ++it)
        m_signalTraders->addItem(it.value(), it.key());
    m_signalTraders->setCurrentIndex(std::max(0, m_signalTraders->findData(selected)));
}

void OpenTradesPage::updateFooter()
{
    const PositionsFilterModel::Totals totals = m_proxy->totals();
    const QLocale locale;
    const Tone tone = m_delegate->isStale() ? Tone::Flat : toneOf(totals.net);
    const QString profit = u"<span style=\"color:%1\"><b>%2</b></span>"_s.arg(
        ToneDelegate::toneColor(palette(), tone, QPalette::Window).name(),
        (totals.net > 0.0 ? u"+"_s : QString()) + locale.toString(totals.net, 'f', 2));
    const QString positions = tr("%n position(s)", nullptr, totals.count);
    m_footer->setText(tr("%1 · %2 lots · Floating P/L %3")
                          .arg(positions, locale.toString(totals.volume, 'f', 2), profit));
}

QString OpenTradesPage::footerText() const
{
    QString text = m_footer->text();
    static const QRegularExpression tags(u"<[^>]*>"_s);
    return text.remove(tags);
}

QString OpenTradesPage::bannerText() const
{
    return m_bannerText->text();
}

bool OpenTradesPage::isBannerVisible() const
{
    return !m_banner->isHidden();
}

bool OpenTradesPage::isStale() const
{
    return m_delegate->isStale();
}

void OpenTradesPage::setFeedStatus(const FeedStatus &status)
{
    const bool live = status.level == FeedStatus::Level::Live;
    const bool notice = live && !status.notice.isEmpty();
    m_banner->setHidden(live && !notice);
    m_bannerText->setText(notice ? status.notice : status.detail);
    m_bannerReconnect->setVisible(status.offerReconnect);
    m_bannerSettings->setVisible(status.offerSettings);
    m_bannerDismiss->setVisible(notice);
    m_accountBar->setStale(!live);
    if (m_delegate->isStale() != !live) {
        m_delegate->setStale(!live);
        m_table->viewport()->update();
        updateFooter();
    }
}

void OpenTradesPage::showColumnMenu(const QPoint &position)
{
    QMenu menu(this);
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < PositionsModel::ColumnCount; ++column) {
        QAction *action = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, header,
                [header, column](bool shown) { header->setSectionHidden(column, !shown); });
    }
    menu.addSeparator();
    menu.addAction(tr("Default order (following first)"), header,
                   [header] { header->setSortIndicator(-1, Qt::AscendingOrder); });
    menu.exec(header->mapToGlobal(position));
}

void OpenTradesPage::saveState(QSettings &settings) const
{
    settings.setValue(u"openTrades/header"_s, m_table->horizontalHeader()->saveState());
    settings.setValue(u"openTrades/userSorted"_s, m_proxy->isUserSorted());
    settings.setValue(u"openTrades/mode"_s, int(m_proxy->mode()));
    settings.setValue(u"openTrades/signalTrader"_s, m_proxy->signalTraderId());
    settings.setValue(u"openTrades/signalTraderName"_s, m_signalTraders->currentText());
    settings.setValue(u"openTrades/search"_s, m_proxy->searchText());
}

void OpenTradesPage::restoreState(const QSettings &settings)
{
    QHeaderView *header = m_table->horizontalHeader();
    if (header->restoreState(settings.value(u"openTrades/header"_s).toByteArray())) {
        m_sized = true;
        if (!settings.value(u"openTrades/userSorted"_s).toBool())
            header->setSortIndicator(-1, Qt::AscendingOrder);
    }
    const int mode = settings.value(u"openTrades/mode"_s, 0).toInt();
    if (mode >= int(Mode::All) && mode <= int(Mode::Mine))
        setMode(Mode(mode));
    const qint64 trader = settings.value(u"openTrades/signalTrader"_s, 0).toLongLong();
    if (trader > 0) {
        m_signalTraders->addItem(settings.value(u"openTrades/signalTraderName"_s).toString(),
                                 trader);
        m_signalTraders->setCurrentIndex(m_signalTraders->count() - 1);
    }
    m_search->setText(settings.value(u"openTrades/search"_s).toString());
}

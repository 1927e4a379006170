// SPDX-License-Identifier: GPL-3.0-or-later
#include "filterbar.h"
#include "accessibility.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QToolButton>

using namespace Qt::StringLiterals;
using Mode = PositionFilter::Mode;

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_modes = new QButtonGroup(this);
    m_modes->setExclusive(true);
    // Mnemonics that no menu (File, View, Connection, Help) and no other control uses.
    const std::tuple<Mode, QString, QString> modes[] = {
        {Mode::All, tr("&All"), tr("Every position, copies of signal traders first")},
        {Mode::Following, tr("F&ollowing"), tr("Positions copying a signal trader")},
        {Mode::Mine, tr("&Mine"), tr("Your own positions")}};
    for (const auto &[mode, text, tip] : modes) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setToolTip(tip);
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setFocusPolicy(Qt::StrongFocus); // on the Tab chain, not only by click
        m_modes->addButton(button, int(mode));
        layout->addWidget(button);
    }
    m_modes->button(int(Mode::All))->setChecked(true);
    layout->addSpacing(12);
    m_traderLabel = new QLabel(tr("&Signal trader:"), this);
    layout->addWidget(m_traderLabel);
    m_traders = new QComboBox(this);
    m_traders->setObjectName(u"signalTrader"_s);
    // A long trader's name must not hold the window wide: the list shows it whole.
    m_traders->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_traders->setMinimumContentsLength(10);
    m_traders->addItem(tr("Any"), qint64(0));
    m_traderLabel->setBuddy(m_traders);
    layout->addWidget(m_traders);
    layout->addSpacing(12);
    auto *symbolLabel = new QLabel(tr("S&ymbol:"), this);
    layout->addWidget(symbolLabel);
    m_symbols = new QComboBox(this);
    m_symbols->setObjectName(u"symbol"_s);
    m_symbols->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_symbols->addItem(tr("Any"), QString());
    symbolLabel->setBuddy(m_symbols);
    layout->addWidget(m_symbols);
    layout->addStretch();
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"search"_s);
    m_search->setPlaceholderText(tr("Search symbol or ticket"));
    m_search->setClearButtonEnabled(true);
    Accessibility::nameClearButton(m_search);
    m_search->setAccessibleName(tr("Search symbol or ticket"));
    m_search->setMinimumWidth(120);
    layout->addWidget(m_search);

    connect(m_modes, &QButtonGroup::idClicked, this, &FilterBar::readControls);
    connect(m_traders, &QComboBox::currentIndexChanged, this, &FilterBar::readControls);
    connect(m_symbols, &QComboBox::currentIndexChanged, this, &FilterBar::readControls);
    connect(m_search, &QLineEdit::textChanged, this, &FilterBar::readControls);
}

QAbstractButton *FilterBar::modeButton(Mode mode) const
{
    return m_modes->button(int(mode));
}

void FilterBar::readControls()
{
    PositionFilter filter;
    filter.mode = Mode(std::max(0, m_modes->checkedId()));
    filter.signalTraderId = m_traders->currentData().toLongLong();
    filter.symbol = m_symbols->currentData().toString();
    filter.search = m_search->text().trimmed();
    // Mine copies nobody: the choice of a trader would only look as if it filtered.
    const bool traders = filter.mode != Mode::Mine;
    m_traderLabel->setEnabled(traders);
    m_traders->setEnabled(traders);
    m_traders->setToolTip(traders ? tr("Only the copies of one signal trader")
                                  : tr("Your own positions copy no signal trader"));
    if (filter == m_filter)
        return;
    m_filter = filter;
    Q_EMIT filterChanged(m_filter);
}

void FilterBar::setFilter(const PositionFilter &filter, const QString &traderName)
{
    {
        const QSignalBlocker blockTraders(m_traders);
        const QSignalBlocker blockSymbols(m_symbols);
        const QSignalBlocker blockSearch(m_search);
        modeButton(filter.mode)->setChecked(true);
        int trader = m_traders->findData(filter.signalTraderId);
        if (trader < 0) {
            m_traders->addItem(traderName.isEmpty() ? u"#%1"_s.arg(filter.signalTraderId)
                                                    : traderName,
                               filter.signalTraderId);
            trader = m_traders->count() - 1;
        }
        m_traders->setCurrentIndex(trader);
        int symbol = m_symbols->findData(filter.symbol);
        if (symbol < 0) {
            m_symbols->addItem(filter.symbol, filter.symbol);
            symbol = m_symbols->count() - 1;
        }
        m_symbols->setCurrentIndex(symbol);
        m_search->setText(filter.search);
    }
    readControls();
}

void FilterBar::clear()
{
    setFilter(PositionFilter());
}

void FilterBar::fill(QComboBox *box, const QList<std::pair<QVariant, QString>> &items,
                     const QVariant &keep, const QString &keepText)
{
    QList<std::pair<QVariant, QString>> wanted{{box->itemData(0), box->itemText(0)}};
    wanted += items;
    // Keep what the user picked, even when nothing of it is there right now.
    bool kept = !keep.isValid() || box->currentIndex() <= 0;
    for (const auto &item : items)
        kept = kept || item.first == keep;
    if (!kept)
        wanted.append({keep, keepText});
    bool same = box->count() == wanted.size();
    for (int i = 0; same && i < wanted.size(); ++i)
        same = box->itemData(i) == wanted.at(i).first && box->itemText(i) == wanted.at(i).second;
    if (same)
        return;
    const QSignalBlocker blocker(box);
    box->clear();
    for (const auto &[data, text] : std::as_const(wanted))
        box->addItem(text, data);
    box->setCurrentIndex(std::max(0, box->findData(keep)));
}

void FilterBar::setTraders(const QMap<qint64, QString> &traders)
{
    QList<std::pair<QVariant, QString>> items;
    for (auto it = traders.cbegin(); it != traders.cend(); ++it)
        items.append({it.key(), it.value()});
    fill(m_traders, items, m_traders->currentData(), m_traders->currentText());
}

void FilterBar::setSymbols(const QStringList &symbols)
{
    QStringList sorted = symbols;
    sorted.sort(Qt::CaseInsensitive);
    sorted.removeDuplicates();
    QList<std::pair<QVariant, QString>> items;
    for (const QString &symbol : std::as_const(sorted))
        items.append({symbol, symbol});
    fill(m_symbols, items, m_symbols->currentData(), m_symbols->currentText());
}

QString FilterBar::traderName(qint64 id) const
{
    const int index = m_traders->findData(id);
    return index > 0 ? m_traders->itemText(index) : QString();
}

QString FilterBar::describe() const
{
    QStringList parts;
    if (m_filter.mode != Mode::All)
        parts.append(modeButton(m_filter.mode)->text().remove(u'&'));
    if (const qint64 trader = m_filter.effectiveSignalTraderId())
        parts.append(traderName(trader));
    if (!m_filter.symbol.isEmpty())
        parts.append(m_filter.symbol);
    if (!m_filter.search.isEmpty())
        parts.append(tr("“%1”").arg(m_filter.search));
    return parts.join(u" · "_s);
}

void FilterBar::saveState(QSettings &settings, const QString &group) const
{
    settings.setValue(group + u"/mode"_s, int(m_filter.mode));
    settings.setValue(group + u"/signalTrader"_s, m_filter.signalTraderId);
    settings.setValue(group + u"/signalTraderName"_s, traderName(m_filter.signalTraderId));
    settings.setValue(group + u"/symbol"_s, m_filter.symbol);
    // Earlier versions saved the search; it is not restored, so it is not kept either.
    settings.remove(group + u"/search"_s);
}

void FilterBar::restoreState(const QSettings &settings, const QString &group)
{
    PositionFilter filter;
    const int mode = settings.value(group + u"/mode"_s, 0).toInt();
    if (mode >= int(Mode::All) && mode <= int(Mode::Mine))
        filter.mode = Mode(mode);
    filter.signalTraderId =
        std::max<qint64>(0, settings.value(group + u"/signalTrader"_s).toLongLong());
    filter.symbol = settings.value(group + u"/symbol"_s).toString().trimmed().left(32);
    setFilter(filter, settings.value(group + u"/signalTraderName"_s).toString());
}

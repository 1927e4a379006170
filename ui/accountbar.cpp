// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountbar.h"

#include "domain/tone.h"
#include "domain/tradetext.h"
#include "figurelabel.h"
#include "tonedelegate.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSet>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;
using Field = AccountBar::Field;

AccountBar::AccountBar(AccountSummary *summary, QWidget *parent)
    : QWidget(parent)
    , m_summary(summary)
{
    m_rows = new QVBoxLayout(this);
    m_rows->setContentsMargins(2, 2, 2, 2);
    m_rows->setSpacing(2);
    addField(Field::Balance, tr("Balance:"), tr("Closed trades' result and deposits"));
    addField(Field::Equity, tr("Equity:"),
             tr("Balance plus the floating profit, net of swap and commission"));
    addField(Field::Margin, tr("Margin:"), tr("Held by the open positions"));
    addField(Field::FreeMargin, tr("Free margin:"),
             tr("Equity minus margin: what new "
                "positions can use"));
    addField(Field::MarginLevel, tr("Margin level:"),
             tr("Equity over margin; the broker stops positions out when it falls too low"));
    addField(Field::Positions, tr("Positions:"), tr("Open positions, all of them"));
    addField(Field::Lots, tr("Lots:"), tr("Volume of every open position"));
    addField(Field::Floating, tr("Floating P/L:"),
             tr("Profit of every open position, net of swap and commission"));
    addField(Field::Today, tr("Today:"),
             tr("Today's closed trades, net, plus the floating P/L of the open positions"));
    m_missing = new QLabel(tr("No balance or margin from this feed"), this);
    m_missing->setToolTip(tr("The feed sends no account figures (no Account message): balance, "
                             "equity and margin are left out rather than guessed."));
    m_missing->setForegroundRole(QPalette::PlaceholderText);

    connect(summary, &AccountSummary::changed, this, &AccountBar::refresh);
    refresh();
}

void AccountBar::addField(Field field, const QString &label, const QString &tip)
{
    Item item{new QLabel(label, this), new FigureLabel(this)};
    item.label->setToolTip(tip);
    item.value->setToolTip(tip);
    item.value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = item.value->font();
    bold.setBold(true);
    item.value->setFont(bold);
    m_items.insert(field, item);
    m_order.append(field);
}

void AccountBar::setStale(bool stale)
{
    if (m_stale == stale)
        return;
    m_stale = stale;
    refresh();
}

void AccountBar::setMarginLevelAlarm(double percent)
{
    m_alarmLevel = percent;
    refresh();
}

void AccountBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // Each figure's colour was chosen against the old background (Settings → Display).
    if (event->type() == QEvent::PaletteChange)
        refresh();
}

void AccountBar::setVisible(bool visible)
{
    QWidget::setVisible(visible);
    if (visible && std::exchange(m_behind, false))
        refresh();
}

void AccountBar::refresh()
{
    // One bar of many out of sight (another account's, behind All accounts): brought up to
    // date when it is shown, not with every tick of its account.
    if (isHidden() && testAttribute(Qt::WA_WState_ExplicitShowHide)) {
        m_behind = true;
        return;
    }
    const AccountSummary::Summary s = m_summary->summary();
    const bool figures = s.figures.has_value();
    const QString currency = figures ? u" "_s + s.figures->currency : QString();
    const auto money = [&](double value) { return TradeText::amount(value) + currency; };
    const auto show = [this](Field field, bool shown, const QString &text, Tone tone, bool stale) {
        const Item &item = m_items.value(field);
        item.label->setVisible(shown);
        item.value->setVisible(shown);
        item.value->setText(shown ? text : QString());
        QPalette palette = this->palette();
        const QColor color = stale ? palette.color(QPalette::Disabled, QPalette::WindowText)
                                   : ToneDelegate::toneColor(palette, tone, QPalette::Window);
        palette.setColor(QPalette::WindowText, color);
        item.value->setPalette(palette);
    };
    const bool figuresStale = m_stale || !s.figuresCurrent || !s.figuresProblem.isEmpty();
    if (figures) {
        const AccountFigures &f = *s.figures;
        // Carried from the live positions since the feed's last word: said, not hidden.
        const QString estimated = s.estimated ? u"≈ "_s : QString();
        show(Field::Balance, true, money(f.balance), Tone::Flat, figuresStale);
        show(Field::Equity, true, estimated + money(f.equity), Tone::Flat, figuresStale);
        show(Field::Margin, true, money(f.margin), Tone::Flat, figuresStale);
        show(Field::FreeMargin, true, estimated + money(f.freeMargin),
             toneOf(std::min(f.freeMargin, 0.0)), figuresStale);
        const bool alarm = f.marginLevel && *f.marginLevel < m_alarmLevel;
        show(Field::MarginLevel, true,
             f.marginLevel ? estimated + QLocale().toString(*f.marginLevel, 'f', 2) + u" %"_s
                           : tr("none", "margin level without margin in use"),
             alarm ? Tone::Loss : Tone::Flat, figuresStale);
        QString note;
        if (!s.figuresProblem.isEmpty())
            note = tr("The feed's last account figures could not be read; these are the last "
                      "ones that could: %1")
                       .arg(s.figuresProblem);
        else if (s.estimated)
            note = tr("Balance plus the floating P/L of the open positions as they tick: the "
                      "feed last reported an equity of %1.")
                       .arg(money(s.reported->equity));
        for (const Field field : {Field::Balance, Field::Equity, Field::Margin, Field::FreeMargin,
                                  Field::MarginLevel}) {
            const Item &item = m_items.value(field);
            const bool derived =
                field == Field::Equity || field == Field::FreeMargin || field == Field::MarginLevel;
            const bool noted = !s.figuresProblem.isEmpty() || (s.estimated && derived);
            item.value->setToolTip(noted ? item.label->toolTip() + u"\n"_s + note
                                         : item.label->toolTip());
        }
    } else {
        for (const Field field :
             {Field::Balance, Field::Equity, Field::Margin, Field::FreeMargin, Field::MarginLevel})
            show(field, false, {}, Tone::Flat, false);
    }
    // Counted from the positions: always there, but the account's own figures say it all
    // when the feed sends them.
    show(Field::Positions, !figures, QLocale().toString(s.positions), Tone::Flat, m_stale);
    show(Field::Lots, !figures, TradeText::amount(s.lots), Tone::Flat, m_stale);
    show(Field::Floating, true, (s.floatingNet > 0.0 ? u"+"_s : QString()) + money(s.floatingNet),
         toneOf(s.floatingNet), m_stale);
    // Today: what closed since local midnight, and what is open, each said in the tooltip.
    const std::optional<double> today = s.today();
    show(Field::Today, today.has_value(),
         today ? (*today > 0.0 ? u"+"_s : QString()) + money(*today) : QString(),
         toneOf(today.value_or(0.0)), m_stale);
    if (today) {
        const auto signedMoney = [&](double value) {
            return (value > 0.0 ? u"+"_s : QString()) + money(value);
        };
        m_items.value(Field::Today)
            .value->setToolTip(tr("Closed today %1, floating %2")
                                   .arg(signedMoney(*s.closedToday), signedMoney(s.floatingNet)));
    }
    m_missing->setVisible(!figures);
    setAccessibleDescription(text());
    arrange();
}

void AccountBar::arrange()
{
    // A line as long as the width allows, then the next: in a narrow window the figures wrap
    // rather than widen the window or go out of view.
    QList<QList<QWidget *>> groups;
    for (const Field field : std::as_const(m_order)) {
        if (isShown(field))
            groups.append(QList<QWidget *>{m_items.value(field).label, m_items.value(field).value});
    }
    if (!m_missing->isHidden())
        groups.append(QList<QWidget *>{m_missing});
    const auto widthOf = [](const QList<QWidget *> &group) {
        int width = 0;
        for (QWidget *w : group)
            width += w->sizeHint().width() + 6;
        return width;
    };
    const int available = std::max(width() - 4, 1);
    QList<QList<QWidget *>> lines{{}};
    int used = 0;
    for (const QList<QWidget *> &group : std::as_const(groups)) {
        const int needed = widthOf(group);
        if (!lines.constLast().isEmpty() && used + needed > available) {
            lines.append(QList<QWidget *>());
            used = 0;
        }
        lines.last() += group;
        used += needed;
    }
    // The gap before a figure, but not at the start of a line.
    QSet<QWidget *> names;
    for (const Item &item : std::as_const(m_items))
        names.insert(item.label);
    for (const QList<QWidget *> &line : std::as_const(lines)) {
        for (QWidget *w : line) {
            if (names.contains(w))
                w->setContentsMargins(w == line.constFirst() ? 0 : 12, 0, 0, 0);
        }
    }
    m_missing->setContentsMargins(lines.constLast().constFirst() == m_missing ? 0 : 12, 0, 0, 0);
    if (lines == m_lines)
        return;
    m_lines = lines;
    while (QLayoutItem *row = m_rows->takeAt(0)) {
        if (QLayout *layout = row->layout()) {
            while (QLayoutItem *item = layout->takeAt(0))
                delete item;
        }
        delete row;
    }
    for (const QList<QWidget *> &line : std::as_const(lines)) {
        auto *row = new QHBoxLayout;
        row->setSpacing(6);
        for (QWidget *w : line)
            row->addWidget(w);
        row->addStretch();
        m_rows->addLayout(row);
    }
    updateGeometry(); // another height: the page lays out anew
}

QSize AccountBar::minimumSizeHint() const
{
    // The widest single figure: anything wider wraps.
    int width = 0;
    for (const Item &item : std::as_const(m_items))
        width =
            std::max(width, item.label->sizeHint().width() + item.value->sizeHint().width() + 12);
    return {width, QWidget::minimumSizeHint().height()};
}

void AccountBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrange();
}

QString AccountBar::value(Field field) const
{
    return m_items.value(field).value->text();
}

bool AccountBar::isShown(Field field) const
{
    return !m_items.value(field).value->isHidden();
}

bool AccountBar::saysFiguresAreMissing() const
{
    return !m_missing->isHidden();
}

QString AccountBar::text() const
{
    QStringList parts;
    for (const Field field : m_order) {
        if (isShown(field))
            parts.append(m_items.value(field).label->text() + u' ' + value(field));
    }
    if (saysFiguresAreMissing())
        parts.append(m_missing->text());
    return parts.join(u" · "_s);
}

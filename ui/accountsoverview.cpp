// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountsoverview.h"

#include "domain/currencies.h"
#include "domain/tone.h"
#include "domain/tradetext.h"
#include "feedstatusbar.h"
#include "figurelabel.h"
#include "models/accountsummary.h"
#include "tonedelegate.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>

#include <utility>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
enum Figure { Balance, Equity, MarginLevel, Floating, FigureCount };
constexpr int kFirstFigureColumn = 2;
} // namespace

AccountsOverview::AccountsOverview(const QStringList &names,
                                   const QList<AccountSummary *> &summaries, QWidget *parent)
    : QWidget(parent)
    , m_summaries(summaries)
    , m_names(names)
{
    setObjectName(u"accountsOverview"_s);
    setAccessibleName(tr("Accounts"));
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(4, 2, 4, 2);
    m_grid->setHorizontalSpacing(16);
    m_grid->setVerticalSpacing(1);
    const QStringList titles{tr("Account"), tr("Balance"), tr("Equity"), tr("Margin level"),
                             tr("Floating P/L")};
    for (int i = 0; i < titles.size(); ++i) {
        auto *title = new QLabel(titles.at(i), this);
        title->setForegroundRole(QPalette::PlaceholderText);
        m_grid->addWidget(title, 0, i + 1, i == 0 ? Qt::AlignLeft : Qt::AlignRight);
    }
    for (int account = 0; account < summaries.size(); ++account) {
        m_lines.append(addLine(account + 1, names.at(account)));
        connect(summaries.at(account), &AccountSummary::changed, this, [this] {
            if (!m_refresh.isActive())
                m_refresh.start();
        });
    }
    m_total = addLine(int(summaries.size()) + 1, tr("Total"));
    m_total.dot->hide();
    QFont bold = font();
    bold.setBold(true);
    m_total.name->setFont(bold);
    for (FigureLabel *figure : std::as_const(m_total.figures))
        figure->setFont(bold);
    m_total.name->setObjectName(u"accountsTotal"_s);
    m_noTotal = new QLabel(this);
    m_noTotal->setObjectName(u"noTotal"_s);
    m_noTotal->setForegroundRole(QPalette::PlaceholderText);
    m_grid->addWidget(m_noTotal, int(summaries.size()) + 1, kFirstFigureColumn, 1, FigureCount);
    m_grid->setColumnStretch(kFirstFigureColumn + FigureCount, 1);

    // Twenty accounts ticking ten times a second each: one refresh for all of them.
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(100ms);
    connect(&m_refresh, &QTimer::timeout, this, &AccountsOverview::refresh);
    refresh();
}

AccountsOverview::Line AccountsOverview::addLine(int row, const QString &name)
{
    Line line;
    line.dot = new QLabel(this);
    line.dot->setFixedSize(10, 10);
    line.name = new QLabel(name, this);
    m_grid->addWidget(line.dot, row, 0, Qt::AlignVCenter);
    m_grid->addWidget(line.name, row, 1);
    for (int figure = 0; figure < FigureCount; ++figure) {
        auto *label = new FigureLabel(this);
        label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_grid->addWidget(label, row, kFirstFigureColumn + figure, Qt::AlignRight);
        line.figures.append(label);
    }
    return line;
}

void AccountsOverview::setStatus(int account, const FeedStatus &status)
{
    Line &line = m_lines[account];
    line.live = status.level == FeedStatus::Level::Live;
    const QString color = FeedStatusBar::levelColor(status.level).name();
    const QString style = u"border-radius: 5px; background-color: %1;"_s.arg(color);
    if (line.dot->styleSheet() != style)
        line.dot->setStyleSheet(style);
    const QString spoken = tr("%1: %2").arg(m_names.at(account), status.text);
    if (line.dot->accessibleName() != spoken) {
        line.dot->setAccessibleName(spoken);
        line.dot->setToolTip(status.detail.isEmpty() ? status.text : status.detail);
        refresh();
    }
}

void AccountsOverview::setMarginLevelAlarm(double percent)
{
    m_alarmLevel = percent;
    refresh();
}

void AccountsOverview::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The tones were chosen against the old background.
    if (event->type() == QEvent::PaletteChange)
        refresh();
}

void AccountsOverview::showFigure(FigureLabel *label, const QString &text, int tone, bool stale)
{
    label->setText(text);
    QPalette palette = this->palette();
    const QColor color = stale ? palette.color(QPalette::Disabled, QPalette::WindowText)
                               : ToneDelegate::toneColor(palette, Tone(tone), QPalette::Window);
    // A new palette is a palette change for the label and a polish: only when it is one.
    if (label->palette().color(QPalette::WindowText) == color &&
        label->palette().color(QPalette::Window) == palette.color(QPalette::Window))
        return;
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

void AccountsOverview::setVisible(bool visible)
{
    QWidget::setVisible(visible);
    if (visible && std::exchange(m_behind, false))
        refresh();
}

void AccountsOverview::refresh()
{
    m_refresh.stop();
    // Out of sight (one account is shown): brought up to date when it is shown again.
    if (isHidden() && testAttribute(Qt::WA_WState_ExplicitShowHide)) {
        m_behind = true;
        return;
    }
    const QLocale locale;
    const QString none = tr("—", "a figure the feed does not report");
    const auto signedMoney = [&](double value) {
        return (value > 0.0 ? u"+"_s : QString()) + TradeText::amount(value);
    };
    const auto percent = [&](double value) { return locale.toString(value, 'f', 2) + u" %"_s; };
    QStringList currencies;
    bool allFigures = true;
    bool allLive = true;
    double balance = 0.0;
    double equity = 0.0;
    double margin = 0.0;
    double floating = 0.0;
    for (int account = 0; account < m_lines.size(); ++account) {
        const Line &line = m_lines.at(account);
        const AccountSummary::Summary s = m_summaries.at(account)->summary();
        const bool stale = !line.live;
        allLive = allLive && line.live;
        floating += s.floatingNet;
        const QString currency =
            s.figures && !s.figures->currency.isEmpty() ? u" "_s + s.figures->currency : QString();
        showFigure(line.figures[Floating], signedMoney(s.floatingNet) + currency,
                   int(toneOf(s.floatingNet)), stale);
        if (!s.figures) {
            allFigures = false;
            currencies.append(QString());
            for (const Figure figure : {Balance, Equity, MarginLevel})
                showFigure(line.figures[figure], none, int(Tone::Flat), stale);
            continue;
        }
        const AccountFigures &f = *s.figures;
        currencies.append(f.currency);
        balance += f.balance;
        equity += f.equity;
        margin += f.margin;
        const bool figuresStale = stale || !s.figuresCurrent || !s.figuresProblem.isEmpty();
        const QString estimated = s.estimated ? u"≈ "_s : QString();
        showFigure(line.figures[Balance], TradeText::amount(f.balance) + currency, int(Tone::Flat),
                   figuresStale);
        showFigure(line.figures[Equity], estimated + TradeText::amount(f.equity) + currency,
                   int(Tone::Flat), figuresStale);
        const bool alarm = f.marginLevel && *f.marginLevel < m_alarmLevel;
        showFigure(line.figures[MarginLevel],
                   f.marginLevel ? estimated + percent(*f.marginLevel)
                                 : tr("none", "margin level without margin in use"),
                   int(alarm ? Tone::Loss : Tone::Flat), figuresStale);
    }

    // The total: only in one currency.
    QString why;
    const std::optional<QString> currency = Currencies::common(m_names, currencies, &why);
    for (FigureLabel *figure : std::as_const(m_total.figures))
        figure->setVisible(currency.has_value());
    m_noTotal->setVisible(!currency);
    if (!currency) {
        m_noTotal->setText(tr("No total: %1.").arg(why));
        return;
    }
    const QString unit = currency->isEmpty() ? QString() : u" "_s + *currency;
    const bool stale = !allLive;
    showFigure(m_total.figures[Balance], allFigures ? TradeText::amount(balance) + unit : none,
               int(Tone::Flat), stale);
    showFigure(m_total.figures[Equity], allFigures ? TradeText::amount(equity) + unit : none,
               int(Tone::Flat), stale);
    // Of the accounts together: their equity over their margin.
    showFigure(m_total.figures[MarginLevel],
               allFigures && margin > 0.0 ? percent(equity / margin * 100.0)
               : allFigures               ? tr("none", "margin level without margin in use")
                                          : none,
               int(Tone::Flat), stale);
    showFigure(m_total.figures[Floating], signedMoney(floating) + unit, int(toneOf(floating)),
               stale);
}

QString AccountsOverview::lineText(int account) const
{
    const Line &line = account < 0 ? m_total : m_lines.at(account);
    QStringList words{line.name->text()};
    if (account < 0 && !m_noTotal->isHidden())
        return words.constFirst() + u'\t' + m_noTotal->text();
    for (const FigureLabel *figure : line.figures)
        words.append(figure->text());
    return words.join(u'\t');
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "performancecharts.h"

#include "domain/tone.h"
#include "domain/tradetext.h"
#include "tonedelegate.h"

#include <QAreaSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QRegularExpression>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    return chart;
}

// A value axis over [min, max] that always shows zero, with round steps.
void fitAxis(QValueAxis *axis, double min, double max)
{
    min = std::min(min, 0.0);
    max = std::max(max, 0.0);
    if (max - min < 1.0)
        max = min + 1.0;
    axis->setRange(min, max);
    axis->applyNiceNumbers();
    // As many decimals as the step needs: a range of 1 in steps of 0.2 is not "0 0 0 1 1 1".
    const double step = (axis->max() - axis->min()) / std::max(1, axis->tickCount() - 1);
    const int decimals = step >= 1.0 ? 0 : int(std::ceil(-std::log10(step) - 1e-9));
    axis->setLabelFormat(u"%.%1f"_s.arg(std::clamp(decimals, 0, 6)));
}

// The locale's short date without its year: "M/d/yy" -> "M/d", "yyyy/M/d" -> "M/d".
QString withoutYear(QString format)
{
    static const QRegularExpression leading(u"^y+[^A-Za-z]*"_s);
    static const QRegularExpression other(u"[^A-Za-z]*y+"_s);
    format.remove(leading);
    format.remove(other);
    return format;
}

QString signedMoney(double value)
{
    return (value > 0 ? u"+"_s : QString()) + QLocale().toString(value, 'f', 2);
}

// Room for one label under the bars: more labels would crowd into "…".
constexpr int kPixelsPerBarLabel = 80;

} // namespace

PerformanceCharts::PerformanceCharts(QWidget *parent)
    : QWidget(parent)
{
    m_equity = newChart(tr("Balance curve: cumulative net"));
    m_daily = newChart(tr("Net per day"));
    m_equityView = new QChartView(m_equity, this);
    m_dailyView = new QChartView(m_daily, this);
    m_equityView->setObjectName(u"equity"_s);
    m_dailyView->setObjectName(u"daily"_s);
    for (QChartView *view : {m_equityView, m_dailyView}) {
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(220, 110);
    }
    m_empty = new QLabel(tr("No trades in this period"), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_equityView, 1);
    layout->addWidget(m_dailyView, 1);
    layout->addWidget(m_empty, 1);
    redraw();
}

void PerformanceCharts::setTrades(const QList<ClosedTrade> &trades)
{
    setPerformance(Performance::of(trades));
}

void PerformanceCharts::setPerformance(const Performance &performance)
{
    m_performance = performance;
    m_drawdown.reset(); // of other trades
    redraw();
}

void PerformanceCharts::setDrawdown(const std::optional<Performance::Drawdown> &drawdown)
{
    const auto same = [](const auto &a, const auto &b) {
        return a.has_value() == b.has_value() &&
               (!a || (a->amount == b->amount && a->from == b->from && a->to == b->to));
    };
    if (same(drawdown, m_drawdown))
        return;
    m_drawdown = drawdown;
    redraw();
}

std::optional<Performance::Drawdown> PerformanceCharts::drawdown() const
{
    return m_drawdown ? m_drawdown : m_performance.drawdown();
}

bool PerformanceCharts::isEmptyShown() const
{
    return !m_empty->isHidden();
}

QString PerformanceCharts::emptyText() const
{
    return m_empty->text();
}

void PerformanceCharts::setWithheld(const QString &why)
{
    if (m_withheld == why)
        return;
    m_withheld = why;
    redraw();
}

int PerformanceCharts::labelRoom() const
{
    return std::max(2, m_dailyView->width() / kPixelsPerBarLabel);
}

void PerformanceCharts::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Narrower or wider: as many labels as fit.
    if (!m_performance.curve.isEmpty() && labelRoom() != m_labelRoom)
        redraw();
}

void PerformanceCharts::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LocaleChange)
        redraw();
}

QString PerformanceCharts::axisFormat(qint64 from, qint64 to)
{
    const QLocale locale;
    const QDateTime first = QDateTime::fromMSecsSinceEpoch(from);
    const QDateTime last = QDateTime::fromMSecsSinceEpoch(to);
    const QString time = locale.timeFormat(QLocale::ShortFormat);
    if (first.date() == last.date())
        return time;
    const QString date = locale.dateFormat(QLocale::ShortFormat);
    const QString day = first.date().year() == last.date().year() ? withoutYear(date) : date;
    // Within two days the hours tell the ticks apart.
    return from + 2 * 86'400'000 > to ? day + u' ' + time : day;
}

QString PerformanceCharts::curveToolTip(qint64 time) const
{
    const QList<Performance::Point> &curve = m_performance.curve;
    if (curve.isEmpty())
        return {};
    // The point nearest in time.
    auto at = std::lower_bound(curve.cbegin(), curve.cend(), time,
                               [](const Performance::Point &p, qint64 t) { return p.time < t; });
    if (at == curve.cend() || (at != curve.cbegin() && time - (at - 1)->time < at->time - time))
        --at;
    const Performance::Point &p = *at;
    const QString when =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(p.time), QLocale::ShortFormat);
    if (p.ticket != 0)
        return tr("%1 · ticket %2 · net %3 · balance %4")
            .arg(when, QString::number(p.ticket), signedMoney(p.net), signedMoney(p.cumulative));
    return tr("%1 · %n trade(s) · net %2 · balance %3", nullptr, p.trades)
        .arg(
            QLocale().toString(QDateTime::fromMSecsSinceEpoch(p.time).date(), QLocale::ShortFormat),
            signedMoney(p.net), signedMoney(p.cumulative));
}

void PerformanceCharts::redraw()
{
    const QPalette pal = palette();
    for (QChart *chart : {m_equity, m_daily}) {
        chart->removeAllSeries();
        // removeAllSeries() deletes the series; removeAxis() only lets the axis go.
        for (QAbstractAxis *axis : chart->axes()) {
            chart->removeAxis(axis);
            delete axis;
        }
        chart->setBackgroundBrush(pal.color(QPalette::Base));
        chart->setTitleBrush(pal.color(QPalette::Text));
    }
    m_barLabels.clear();
    // Nothing to draw: say so, rather than axes of nothing; nor money of several currencies
    // added up.
    const bool empty = m_performance.curve.isEmpty() || !m_withheld.isEmpty();
    m_empty->setText(!m_withheld.isEmpty()
                         ? tr("No chart across these accounts: %1.").arg(m_withheld)
                         : tr("No trades in this period"));
    m_empty->setVisible(empty);
    m_equityView->setVisible(!empty);
    m_dailyView->setVisible(!empty);
    if (empty)
        return;
    const QColor gain = ToneDelegate::toneColor(pal, Tone::Gain);
    const QColor loss = ToneDelegate::toneColor(pal, Tone::Loss);
    const auto styleAxis = [&pal](QAbstractAxis *axis) {
        axis->setLabelsBrush(pal.color(QPalette::Text));
        axis->setGridLineColor(pal.color(QPalette::Mid));
        axis->setLinePenColor(pal.color(QPalette::Mid));
    };
    const QLocale locale;

    // The curve, from the first close. Trades that closed at the same moment (a stop-out, a
    // basket closed at once) are one step to where they left the balance: drawn one by one
    // they would be a vertical spike of levels the balance never had.
    auto *curve = new QLineSeries;
    double low = 0.0;
    double high = 0.0;
    QList<QPointF> points;
    points.reserve(m_performance.curve.size());
    for (const Performance::Point &point : std::as_const(m_performance.curve)) {
        if (!points.isEmpty() && points.constLast().x() == double(point.time))
            points.last().setY(point.cumulative);
        else
            points.append(QPointF(double(point.time), point.cumulative));
        low = std::min(low, point.cumulative);
        high = std::max(high, point.cumulative);
    }
    curve->replace(points);
    QPen pen(toneOf(m_performance.total) == Tone::Loss ? loss : gain);
    pen.setWidthF(2.0);
    curve->setPen(pen);
    const qint64 first = m_performance.curve.constFirst().time;
    const qint64 last = std::max(m_performance.curve.constLast().time, first + 60'000);
    auto *time = new QDateTimeAxis;
    time->setFormat(axisFormat(first, last));
    // No more ticks than days: five ticks over two days would name each day twice or more.
    const qint64 spanDays = (last - first) / 86'400'000;
    time->setTickCount(int(std::clamp<qint64>(spanDays + 1, 2, 5)));
    time->setRange(QDateTime::fromMSecsSinceEpoch(first), QDateTime::fromMSecsSinceEpoch(last));
    auto *money = new QValueAxis;
    fitAxis(money, low, high);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(time), static_cast<QAbstractAxis *>(money)})
        styleAxis(axis);
    m_equity->addAxis(time, Qt::AlignBottom);
    m_equity->addAxis(money, Qt::AlignLeft);

    // The largest fall, shaded from its peak to its trough, under the curve.
    QString title = tr("Balance curve: cumulative net");
    if (const std::optional<Performance::Drawdown> fall = drawdown()) {
        const double from = double(std::max(fall->from, first));
        const double to = double(std::max<qint64>(fall->to, qint64(from)));
        // An area series does not own its edges: they are its children, gone with it.
        auto *shade = new QAreaSeries;
        auto *top = new QLineSeries(shade);
        auto *bottom = new QLineSeries(shade);
        top->append(from, money->max());
        top->append(to, money->max());
        bottom->append(from, money->min());
        bottom->append(to, money->min());
        shade->setUpperSeries(top);
        shade->setLowerSeries(bottom);
        QColor fill = loss;
        fill.setAlpha(40);
        shade->setBrush(fill);
        shade->setPen(Qt::NoPen);
        shade->setName(tr("Max drawdown"));
        m_equity->addSeries(shade);
        shade->attachAxis(time);
        shade->attachAxis(money);
        title = tr("Balance curve · max drawdown %1").arg(locale.toString(fall->amount, 'f', 2));
    }
    m_equity->setTitle(title);
    m_equity->addSeries(curve);
    curve->attachAxis(time);
    curve->attachAxis(money);
    connect(curve, &QLineSeries::hovered, this, [this](const QPointF &point, bool over) {
        m_equityView->setToolTip(over ? curveToolTip(qint64(point.x())) : QString());
    });

    // One bar per day (week, month) of the period: a gain set and a loss set stacked, so each
    // bar takes its tone.
    const QList<Performance::Bar> barList = m_performance.bars();
    const Performance::Unit unit = m_performance.unit();
    auto *gains = new QBarSet(tr("Gain"));
    auto *losses = new QBarSet(tr("Loss"));
    gains->setColor(gain);
    gains->setBorderColor(gain);
    losses->setColor(loss);
    losses->setBorderColor(loss);
    low = high = 0.0;
    const bool years =
        !barList.isEmpty() && barList.constFirst().first.year() != barList.constLast().last.year();
    const QString dayFormat = years ? locale.dateFormat(QLocale::ShortFormat)
                                    : withoutYear(locale.dateFormat(QLocale::ShortFormat));
    m_labelRoom = labelRoom();
    const qsizetype every =
        std::max<qsizetype>(1, (barList.size() + m_labelRoom - 1) / m_labelRoom);
    for (qsizetype i = 0; i < barList.size(); ++i) {
        const Performance::Bar &bar = barList.at(i);
        *gains << std::max(bar.net, 0.0);
        *losses << std::min(bar.net, 0.0);
        low = std::min(low, bar.net);
        high = std::max(high, bar.net);
        QString label;
        if (i % every == 0)
            label = unit == Performance::Unit::Month
                        ? locale.toString(bar.first, years ? u"MMM yyyy"_s : u"MMM"_s)
                        : locale.toString(bar.first, dayFormat);
        m_barLabels.append(label);
    }
    auto *bars = new QStackedBarSeries;
    connect(bars, &QStackedBarSeries::hovered, this, [this, barList, unit](bool over, int index) {
        if (!over || index < 0 || index >= barList.size()) {
            m_dailyView->setToolTip({});
            return;
        }
        const Performance::Bar &bar = barList.at(index);
        const QLocale here;
        const QString when = unit == Performance::Unit::Day
                                 ? here.toString(bar.first, QLocale::ShortFormat)
                                 : tr("%1 to %2")
                                       .arg(here.toString(bar.first, QLocale::ShortFormat),
                                            here.toString(bar.last, QLocale::ShortFormat));
        m_dailyView->setToolTip(
            tr("%1: %2 (%3)")
                .arg(when, signedMoney(bar.net), tr("%n trade(s)", nullptr, bar.trades)));
    });
    bars->append(gains);
    bars->append(losses);
    bars->setBarWidth(0.8);
    m_daily->addSeries(bars);
    // Bars stand at 0, 1, 2…; a label at some of them only (a category axis would cut every
    // label to its bar's width).
    auto *categories = new QCategoryAxis;
    categories->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    categories->setRange(-0.5, double(barList.size()) - 0.5);
    categories->setGridLineVisible(false);
    for (qsizetype i = 0; i < m_barLabels.size(); ++i) {
        if (!m_barLabels.at(i).isEmpty())
            categories->append(m_barLabels.at(i), double(i));
    }
    switch (unit) {
    case Performance::Unit::Day:
        m_daily->setTitle(tr("Net per day"));
        break;
    case Performance::Unit::Week:
        m_daily->setTitle(tr("Net per week"));
        break;
    case Performance::Unit::Month:
        m_daily->setTitle(tr("Net per month"));
        break;
    }
    auto *dailyMoney = new QValueAxis;
    fitAxis(dailyMoney, low, high);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(categories), static_cast<QAbstractAxis *>(dailyMoney)})
        styleAxis(axis);
    m_daily->addAxis(categories, Qt::AlignBottom);
    m_daily->addAxis(dailyMoney, Qt::AlignLeft);
    bars->attachAxis(categories);
    bars->attachAxis(dailyMoney);
}

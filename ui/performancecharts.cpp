// SPDX-License-Identifier: GPL-3.0-or-later
#include "performancecharts.h"

#include "domain/tone.h"
#include "tonedelegate.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
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

} // namespace

PerformanceCharts::PerformanceCharts(QWidget *parent)
    : QWidget(parent)
{
    m_equity = newChart(tr("Equity curve: cumulative net"));
    m_daily = newChart(tr("Net per day"));
    m_equityView = new QChartView(m_equity, this);
    m_dailyView = new QChartView(m_daily, this);
    for (QChartView *view : {m_equityView, m_dailyView}) {
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(220, 110);
    }
    m_empty = new QLabel(tr("No trades to chart"), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_equityView, 1);
    layout->addWidget(m_dailyView, 1);
    layout->addWidget(m_empty);
    redraw();
}

void PerformanceCharts::setTrades(const QList<ClosedTrade> &trades)
{
    setPerformance(Performance::of(trades));
}

void PerformanceCharts::setPerformance(const Performance &performance)
{
    m_performance = performance;
    redraw();
}

void PerformanceCharts::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        redraw();
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
    const bool empty = m_performance.curve.isEmpty();
    m_empty->setVisible(empty);
    const QColor gain = ToneDelegate::toneColor(pal, Tone::Gain);
    const QColor loss = ToneDelegate::toneColor(pal, Tone::Loss);
    const auto styleAxis = [&pal](QAbstractAxis *axis) {
        axis->setLabelsBrush(pal.color(QPalette::Text));
        axis->setGridLineColor(pal.color(QPalette::Mid));
        axis->setLinePenColor(pal.color(QPalette::Mid));
    };

    // The curve starts from nothing at the first close, as a balance graph does.
    auto *curve = new QLineSeries;
    double low = 0.0;
    double high = 0.0;
    for (const Performance::Point &point : std::as_const(m_performance.curve)) {
        curve->append(double(point.time), point.cumulative);
        low = std::min(low, point.cumulative);
        high = std::max(high, point.cumulative);
    }
    QPen pen(toneOf(m_performance.total) == Tone::Loss ? loss : gain);
    pen.setWidthF(2.0);
    curve->setPen(pen);
    m_equity->addSeries(curve);
    auto *time = new QDateTimeAxis;
    time->setFormat(u"MM-dd"_s);
    time->setTickCount(5);
    if (!empty) {
        const qint64 first = m_performance.curve.constFirst().time;
        const qint64 last = std::max(m_performance.curve.constLast().time, first + 60'000);
        time->setRange(QDateTime::fromMSecsSinceEpoch(first), QDateTime::fromMSecsSinceEpoch(last));
    }
    auto *money = new QValueAxis;
    fitAxis(money, low, high);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(time), static_cast<QAbstractAxis *>(money)})
        styleAxis(axis);
    m_equity->addAxis(time, Qt::AlignBottom);
    m_equity->addAxis(money, Qt::AlignLeft);
    curve->attachAxis(time);
    curve->attachAxis(money);

    // One bar per day: a gain set and a loss set stacked, so each bar takes its tone.
    auto *gains = new QBarSet(tr("Gain"));
    auto *losses = new QBarSet(tr("Loss"));
    gains->setColor(gain);
    gains->setBorderColor(gain);
    losses->setColor(loss);
    losses->setBorderColor(loss);
    QStringList days;
    low = high = 0.0;
    const QLocale locale;
    for (const Performance::Day &day : std::as_const(m_performance.days)) {
        *gains << std::max(day.net, 0.0);
        *losses << std::min(day.net, 0.0);
        days.append(locale.toString(day.date, u"MM-dd"_s));
        low = std::min(low, day.net);
        high = std::max(high, day.net);
    }
    auto *bars = new QStackedBarSeries;
    connect(bars, &QStackedBarSeries::hovered, this, [this](bool over, int index) {
        if (!over || index < 0 || index >= m_performance.days.size()) {
            m_dailyView->setToolTip({});
            return;
        }
        const Performance::Day &day = m_performance.days.at(index);
        m_dailyView->setToolTip(
            tr("%1: %2 (%3)")
                .arg(QLocale().toString(day.date, QLocale::ShortFormat),
                     (day.net > 0 ? u"+"_s : QString()) + QLocale().toString(day.net, 'f', 2),
                     tr("%n trade(s)", nullptr, day.trades)));
    });
    bars->append(gains);
    bars->append(losses);
    bars->setBarWidth(0.8);
    m_daily->addSeries(bars);
    auto *categories = new QBarCategoryAxis;
    categories->append(days);
    // A label under every bar while they fit; beyond that they would be cut to "…", so the
    // axis names the span instead and each bar says its day when pointed at.
    const bool labelled = days.size() <= 10;
    categories->setLabelsVisible(labelled);
    m_daily->setTitle(
        labelled || days.isEmpty()
            ? tr("Net per day")
            : tr("Net per day, %1 to %2 (%n day(s) with trades)", nullptr, int(days.size()))
                  .arg(days.constFirst(), days.constLast()));
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

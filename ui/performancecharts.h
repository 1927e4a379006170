// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/performance.h"

#include <QWidget>

#include <optional>

class QChart;
class QChartView;
class QLabel;

// How the account did over the trades Closed Trades shows: the balance curve (the cumulative
// net after each trade, in close order) with its largest fall shaded from peak to trough,
// above a bar per day of the period (per week or month when it is long), zero where nothing
// closed. Pointing at either says what is there: the date, the trade, the value. Dates read
// as the locale writes them, with the year only when the range crosses one; an empty period
// says so instead of drawing empty axes. It draws what it is given: the page hands it the
// trades its period and filters show. Its chart views are named "equity" and "daily".
class PerformanceCharts : public QWidget
{
    Q_OBJECT

public:
    explicit PerformanceCharts(QWidget *parent = nullptr);

    void setTrades(const QList<ClosedTrade> &trades);
    void setPerformance(const Performance &performance);
    // The exact largest fall of the trades shown (the statistics' own, read over every trade),
    // in place of the curve's, which over a long period is drawn a point per day.
    void setDrawdown(const std::optional<Performance::Drawdown> &drawdown);
    const Performance &performance() const { return m_performance; }
    // The fall shaded: setDrawdown()'s, else the curve's own.
    std::optional<Performance::Drawdown> drawdown() const;
    // No chart is drawn, and this says why (no trades, or setWithheld()'s reason).
    bool isEmptyShown() const;
    QString emptyText() const;
    // The trades shown are of accounts whose money is not in one currency (`why`, a phrase):
    // no curve and no bars, which would add it up; the reason instead. Empty: drawn again.
    void setWithheld(const QString &why);
    // What pointing at the curve near `time` says; empty away from it.
    QString curveToolTip(qint64 time) const;
    // The bars' labels, in order (empty where one is left out so that they do not crowd).
    QStringList barLabels() const { return m_barLabels; }

    // How dates from `from` to `to` (ms) are written on an axis: the locale's short date,
    // without the year unless the range crosses one; times of day for a range within a day.
    static QString axisFormat(qint64 from, qint64 to);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void redraw();
    // How many labels fit under the bars.
    int labelRoom() const;

    Performance m_performance;
    std::optional<Performance::Drawdown> m_drawdown;
    QStringList m_barLabels;
    int m_labelRoom = 0; // labelRoom() when last drawn
    QString m_withheld;
    QChart *m_equity = nullptr;
    QChart *m_daily = nullptr;
    QChartView *m_equityView = nullptr;
    QChartView *m_dailyView = nullptr;
    QLabel *m_empty = nullptr;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/performance.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;

// How the account did over the trades Closed Trades shows: an equity curve (the cumulative net
// after each trade) above a bar per local day (that day's net, green or red). It draws what it
// is given: the page hands it the trades its period and filters show.
class PerformanceCharts : public QWidget
{
    Q_OBJECT

public:
    explicit PerformanceCharts(QWidget *parent = nullptr);

    void setTrades(const QList<ClosedTrade> &trades);
    void setPerformance(const Performance &performance);
    const Performance &performance() const { return m_performance; }
    QChart *equityChart() const { return m_equity; }
    QChart *dailyChart() const { return m_daily; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void redraw();

    Performance m_performance;
    QChart *m_equity = nullptr;
    QChart *m_daily = nullptr;
    QChartView *m_equityView = nullptr;
    QChartView *m_dailyView = nullptr;
    QLabel *m_empty = nullptr;
};

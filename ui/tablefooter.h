// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class FigureLabel;
class QHBoxLayout;
class QPushButton;

// The row under a table of trades: what the rows shown add up to, then "Clear filters"
// (shown by the page while a filter hides rows; `clearTip` says what clearing brings back),
// then room for a page's own controls on the right.
class TableFooter : public QWidget
{
    Q_OBJECT

public:
    explicit TableFooter(const QString &clearTip, QWidget *parent = nullptr);

    FigureLabel *totals() const { return m_totals; }
    QPushButton *clearFilters() const { return m_clearFilters; }
    // A page's own control, on the right.
    void addWidget(QWidget *widget);

private:
    FigureLabel *m_totals = nullptr;
    QPushButton *m_clearFilters = nullptr;
    QHBoxLayout *m_layout = nullptr;
};

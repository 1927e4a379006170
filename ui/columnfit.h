// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

class QHeaderView;
class QTableView;

// Keeps a table readable at any width: no column stretches to fill the window, columns start
// at widths that fit their header and typical values, and when the window is too narrow for
// every column the least needed ones (an ordered list: commission, swap, …) step aside, so
// that the money column stays in view; they come back as the window widens. A column the user
// shows or hides by hand is the user's and never touched again. The header's tooltip names
// the columns set aside.
class ColumnFit : public QObject
{
    Q_OBJECT

public:
    // How many rows the widths are measured on: those in view first, then the rest up to it.
    static constexpr int kFitRows = 200;

    // `yieldOrder`: the columns that may step aside, the first to go first.
    ColumnFit(QTableView *table, QList<int> yieldOrder);

    // Widths for the columns from their header and the rows there are (call when the first
    // rows arrive; the user's own widths, once restored, are kept).
    void fitToContents();
    // Widens `columns` whose shown values no longer fit (new rows, bold subtotals); never
    // narrows one, so the user's widths stay where they are wide enough.
    void widenToContents(const QList<int> &columns);
    // Columns set aside to fit the width.
    QList<int> setAside() const;
    // The user showed or hid `column` by hand.
    void setByUser(int column);

    // Around QHeaderView::saveState: what is set aside is not the user's choice.
    void showAllSetAside();
    void refit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int shownWidth() const;
    void updateTooltip();

    QTableView *m_table = nullptr;
    // Kept apart from the table: a resize may reach the viewport while the table is being
    // destroyed, when no call to the table is safe.
    QPointer<QWidget> m_viewport;
    QPointer<QHeaderView> m_header;
    QList<int> m_yieldOrder;
    QList<int> m_setAside;         // in the order they stepped aside
    QHash<int, int> m_asideWidths; // their widths when they stepped aside
    QSet<int> m_byUser;
    QString m_baseTooltip;
    bool m_fitting = false;
};

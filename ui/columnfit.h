// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>

class QAbstractItemModel;

class QHeaderView;
class QTableView;

// Keeps a table readable at any width: no column stretches to fill the window, columns start
// at widths that fit their header and typical values, and when the window is too narrow for
// every column the least needed ones (an ordered list: commission, swap, …) step aside, so
// that the money column stays in view; they come back as the window widens. A column the user
// shows or hides by hand is the user's and never touched again. The header's tooltip names
// the columns set aside. Widths follow the data: a column whose values grow wider (the first
// rows, a symbol priced in tens of thousands arriving later) is widened up to its cap, a
// moment later and once for a burst of changes; a column the user resized by hand is not.
// Following the data, only the rows in view are measured (again when the table scrolls): a
// table of ten thousand ticking rows is not measured two hundred rows deep several times a
// second.
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
    // How long changes gather before the columns they touched are measured again: a ticking
    // table is measured a few times a second at most.
    static constexpr std::chrono::milliseconds kFollowDelay{300};

    // Columns set aside to fit the width.
    QList<int> setAside() const;
    // The user showed or hid `column` by hand.
    void setByUser(int column);

    // QHeaderView::restoreState, but a width no one could use (zero or less, or wider than the
    // screen: a damaged or foreign file) is fitted to its contents instead. False when the
    // state could not be taken at all.
    bool restoreState(const QByteArray &state);

    // Around QHeaderView::saveState: what is set aside is not the user's choice.
    void showAllSetAside();
    void refit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Watches the table's model (again after the table's model changed) for data that may
    // need wider columns.
    void followModel();
    void columnsChanged(int first, int last);
    void widenPending();

    int shownWidth() const;
    void updateTooltip();

    QTableView *m_table = nullptr;
    // Kept apart from the table: a resize may reach the viewport while the table is being
    // destroyed, when no call to the table is safe.
    QPointer<QWidget> m_viewport;
    QPointer<QHeaderView> m_header;
    QPointer<QWidget> m_headerViewport; // as m_viewport: never the header itself in events
    QList<int> m_yieldOrder;
    QList<int> m_setAside;         // in the order they stepped aside
    QHash<int, int> m_asideWidths; // their widths when they stepped aside
    QSet<int> m_byUser;
    QString m_baseTooltip;
    bool m_fitting = false;
    bool m_programmatic = false; // resizing sections ourselves
    bool m_dragging = false;     // a mouse button is down on the header
    QPointer<QAbstractItemModel> m_followed;
    QSet<int> m_pending; // columns whose data changed, measured by m_follow
    QTimer m_follow;
    QSet<int> m_resizedByUser; // dragged to a width: never widened
};

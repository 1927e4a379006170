// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feed/feedstatus.h"
#include "models/positionsfiltermodel.h"
#include "models/positionsgroupmodel.h"

#include "tradetable.h"

#include <QSet>
#include <QWidget>

class AccountBar;
class ColumnFit;
class FeedBanner;
class FigureLabel;
class FilterBar;
class AccountSummary;
class PositionBook;
class PositionsModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class RowCopy;
class QPushButton;
class QSettings;
class QTableView;

class ToneDelegate;

// "Open Trades": the account bar, a filter bar with a choice of grouping (by signal trader or
// symbol, with subtotals, collapsible), the positions table and the totals of what it
// shows. When the feed is not live a banner above the table says so, and the numbers are greyed.
// Its parts are named (objectName) for tests and tools: "filters", "feedBanner", "openTrades",
// "emptyTable", "totals", "clearFilters", "grouping".
class OpenTradesPage : public QWidget
{
    Q_OBJECT

public:
    // Shows `positions` (their book's positions) and `summary` (its account), neither owned:
    // they are the account's, and outlive the page.
    OpenTradesPage(PositionsModel *positions, AccountSummary *summary, QWidget *parent = nullptr);

    PositionsModel *model() const { return m_model; }
    PositionsFilterModel *proxy() const { return m_proxy; }
    PositionsGroupModel *groups() const { return m_groups; }
    // Grouping None shows the filter's rows; any other, the rows under their groups.
    void setGrouping(PositionsGroupModel::Grouping grouping);
    // A row of table() to the filter's row; invalid for a group row.
    QModelIndex toProxy(const QModelIndex &index) const;
    QTableView *table() const { return m_table; }
    QLineEdit *searchBox() const;
    RowCopy *rowCopy() const { return m_copy; }
    // The menu a right-click on `index` (a row of table()) opens; the caller owns it.
    QMenu *rowMenu(const QModelIndex &index);
    AccountBar *accountBar() const { return m_accountBar; }
    AccountSummary *summary() const { return m_summary; }

    void setMode(PositionsFilterModel::Mode mode);
    // Shows the feed's state: anything but Live puts up the banner and greys the table; a
    // notice while Live (a server error) puts up the banner alone.
    void setFeedStatus(const FeedStatus &status);
    bool isStale() const;

    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

Q_SIGNALS:
    void reconnectRequested();
    void settingsRequested();
    void noticeDismissed();

private:
    void followShownModel();
    void updateChoices();
    void updateFooter();
    void updateEmptyText();
    void updateLabelColumn();
    void updateSpans();
    // Widths for the first rows, then room for the group rows' subtotals and labels.
    void fitColumns();
    void fitGroupRows();
    void rememberSelection(QAbstractItemModel *model);
    void restoreSelection(QAbstractItemModel *model);

    const PositionBook *m_book = nullptr;
    PositionsModel *m_model = nullptr;
    PositionsFilterModel *m_proxy = nullptr;
    AccountSummary *m_summary = nullptr;
    AccountBar *m_accountBar = nullptr;
    TradeTable *m_table = nullptr;
    ToneDelegate *m_delegate = nullptr;
    FilterBar *m_filters = nullptr;
    PositionsGroupModel *m_groups = nullptr;
    QComboBox *m_grouping = nullptr;
    // Across a reset of the table: the selected rows, the current one and the one at the top.
    struct Kept
    {
        QSet<qint64> selected;
        qint64 current = 0;
        qint64 top = 0;
        int rowsAboveTop = 0; // group rows in view above it
    };
    Kept m_kept;
    RowCopy *m_copy = nullptr;
    ColumnFit *m_fit = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_clearFilters = nullptr;
    FeedBanner *m_banner = nullptr;
    FigureLabel *m_footer = nullptr;
    QMetaObject::Connection m_layoutNow;
    bool m_sized = false;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feed/feedstatus.h"
#include "models/positionsfiltermodel.h"
#include "models/positionsgroupmodel.h"

#include "tradetable.h"

#include <QSet>
#include <QWidget>

class AccountBar;
class AccountsOverview;
class QStackedWidget;
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
// With several accounts an account selector shows "All accounts" or one: for All, an Account
// column, a grouping by account, and the accounts' lines (AccountsOverview) in place of the
// account bar; the banner names the account it is about, only a down account's rows are greyed,
// and money adds up across accounts only in one currency (Currencies). Its parts are named
// (objectName) for tests and tools: "filters", "feedBanner", "openTrades", "emptyTable",
// "totals", "clearFilters", "grouping", "accountChoice".
class OpenTradesPage : public QWidget
{
    Q_OBJECT

public:
    // Shows `positions` (their book's positions) and `summary` (its account), neither owned:
    // they are the account's, and outlive the page.
    OpenTradesPage(PositionsModel *positions, AccountSummary *summary, QWidget *parent = nullptr);
    // Several accounts: `positions` has a book per account, `summaries` the summary of each, in
    // the same order.
    OpenTradesPage(PositionsModel *positions, const QList<AccountSummary *> &summaries,
                   QWidget *parent = nullptr);

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
    // The account bar of the account shown (with All, the first account's, hidden).
    AccountBar *accountBar() const;
    AccountSummary *summary(int account = 0) const { return m_summaries.at(account); }
    // Null with one account.
    AccountsOverview *accountsOverview() const { return m_overview; }
    // The account shown: its index, or -1 for all of them.
    int account() const { return m_proxy->account(); }
    void setAccount(int account);
    // Percent; a margin level below it is an alarm, on every account's line.
    void setMarginLevelAlarm(double percent);

    void setMode(PositionsFilterModel::Mode mode);
    // Shows the feed's state: anything but Live puts up the banner and greys the table; a
    // notice while Live (a server error) puts up the banner alone.
    void setFeedStatus(const FeedStatus &status) { setFeedStatus(0, status); }
    // The same for one of several accounts.
    void setFeedStatus(int account, const FeedStatus &status);
    bool isStale() const;

    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

Q_SIGNALS:
    // The banner's Reconnect, for the account it is about.
    void reconnectRequested(int account);
    void settingsRequested();
    void noticeDismissed();

private:
    void showStatus();
    void updateAccountColumn();
    // Each account's currency, for the groups and the footer: money adds up only in one.
    void updateCurrencies();
    void followShownModel();
    void updateChoices();
    void updateFooter();
    void updateEmptyText();
    void updateLabelColumn();
    void updateSpans();
    // Where the group rows' labels go: from `first` (logical) over `span` columns, `shown` of
    // them not hidden.
    struct LabelSpan
    {
        int first = -1;
        int span = 0;
        int shown = 0;
    };
    LabelSpan labelSpan() const;
    // Widths for the first rows, then room for the group rows' subtotals and labels.
    void fitColumns();
    void fitGroupRows();
    void rememberSelection(QAbstractItemModel *model);
    void restoreSelection(QAbstractItemModel *model);

    PositionsModel *m_model = nullptr;
    PositionsFilterModel *m_proxy = nullptr;
    QList<AccountSummary *> m_summaries;
    QList<AccountBar *> m_accountBars;
    AccountsOverview *m_overview = nullptr;
    QStackedWidget *m_bars = nullptr;
    QComboBox *m_accountChoice = nullptr;
    QList<FeedStatus> m_statuses; // each account's
    int m_bannerAccount = 0;      // the account the banner is about
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

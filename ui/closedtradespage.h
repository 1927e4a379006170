// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/closedtradesmodel.h"
#include "models/traderstatisticsmodel.h"

#include "history/tradequery.h"
#include "tradetable.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <utility>

class ColumnFit;
class FilterBar;
class PerformanceCharts;
class QCheckBox;
class QMenu;
class RowCopy;
class QSplitter;
class QComboBox;
class TradeExporter;
class TradeHistory;
class QDateEdit;
class QLabel;
class QProgressDialog;
class QPushButton;
class QSettings;
class FigureLabel;
class QTableView;

// "Closed Trades": one account's history for a period (the current account unless another
// is chosen), or every account's together, filtered as Open Trades is (All / Following / Mine,
// signal trader, symbol, search), sortable, with totals that say how many closes are unconfirmed,
// the balance curve and the bars of each day of what is shown beside the table, the statistics per
// signal trader below it (a click on a row shows that trader's trades), notices that tell the truth
// about what could not be saved, and CSV export of what is shown (its statistics beside it).
// All of it is read from the history file as it is needed (ClosedTradesModel, TradeReader,
// TraderStatisticsModel): a million trades are never in memory. Its parts are named (objectName)
// for tests and tools: "account", "period", "byteOrderMark", "filters", "closedTrades",
// "charts", "chartsSplitter", "statistics", "statisticsSplitter", "notice", "totals",
// "clearFilters".
class ClosedTradesPage : public QWidget
{
    Q_OBJECT

public:
    // Shows `trades` (not owned), a view of `history`'s store whose account and store the page
    // keeps following; `history` tells it what is unsaved and which accounts there are.
    ClosedTradesPage(ClosedTradesModel *trades, TradeHistory *history, QWidget *parent = nullptr);

    ClosedTradesModel *model() const { return m_model; }
    TraderStatisticsModel *statisticsModel() const { return m_statisticsModel; }
    // The statistics are greyed: they are of the selection before, the new one being read.
    bool areStatisticsGreyed() const;
    RowCopy *statisticsCopy() const { return m_statisticsCopy; }
    // Writes the statistics shown as CSV (one row per signal trader, own trades and the
    // total, figures as numbers); false with `error` set when the file cannot be written.
    bool exportStatisticsTo(const QString &path, QString *error = nullptr) const;
    // Where an export of trades to `tradesPath` puts its statistics: "…-statistics.csv".
    static QString statisticsPathFor(const QString &tradesPath);
    RowCopy *rowCopy() const { return m_copy; }
    // The menu a right-click on `index` (a row of table()) opens; the caller owns it.
    QMenu *rowMenu(const QModelIndex &index);
    QTableView *table() const { return m_table; }

    // Starts writing what the table shows (the account, period and filter, in the table's
    // order, as they are now) to `path`, off the GUI thread (TradeExporter), with a progress
    // window that can cancel it once it takes a while; exported() or exportFailed() follows.
    // False when an export is already under way.
    bool exportTo(const QString &path);
    bool isExporting() const;
    // "trades-10260-feed.example.com-2026-11.csv": the account and the period.
    QString suggestedFileName() const;
    // Asks for a file name, then exports; a failure is also said in a message box.
    void exportWithDialog();

    // Another connection to the same history file (another account's session, not owned): what
    // it records or withdraws is shown as the page's own history's is.
    void follow(TradeHistory *other);
    // The window's accounts in the trader's order, by the names given them: listed first, and
    // so named in the Account column and in an export. With more than one, "All accounts"
    // is chosen: every account's trades together (ClosedTradesModel::setAllAccounts), money
    // added up only where the accounts keep it in one currency (Currencies); otherwise the
    // footer, the charts and the statistics' money columns say why they add nothing up.
    void setAccountNames(const QList<std::pair<Account, QString>> &accounts);
    bool showsAllAccounts() const;
    // Why money across the accounts shown is not added up; empty when it is.
    QString moneyWithheld() const { return m_moneyWithheld; }

    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

Q_SIGNALS:
    // A file was written; the window says so in the status bar.
    void exported(const QString &path, int trades);
    // Nothing was written to `path` (a file there is as it was), for `error`; a cancelled
    // export says nothing.
    void exportFailed(const QString &path, const QString &error);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // The statistics per signal trader under the trades and the charts: m_statistics and its
    // model, menu, fitting and greying.
    void createStatistics();
    void exportStatisticsBeside();
    void onPeriodChanged();
    void updateAccounts();
    void updateAccountColumn();
    void updateCurrencies();
    void updateChoices();
    void updateFooter();
    void updateNotice();
    void onExportFinished(bool ok, int written, const QString &error);
    void showStatisticsMenu(const QPoint &position);
    // The statistics' row of the trades shown is the one selected.
    void selectShownStatistics();
    void fitStatisticsHeight();
    void fitChartsWidth();

    TradeHistory *m_history = nullptr;
    ClosedTradesModel *m_model = nullptr;
    FilterBar *m_filters = nullptr;
    RowCopy *m_copy = nullptr;
    ColumnFit *m_fit = nullptr;
    PerformanceCharts *m_charts = nullptr;
    QSplitter *m_splitter = nullptr;
    QSplitter *m_statisticsSplitter = nullptr;
    TraderStatisticsModel *m_statisticsModel = nullptr;
    QTableView *m_statistics = nullptr;
    RowCopy *m_statisticsCopy = nullptr;
    ColumnFit *m_statisticsFit = nullptr;
    QPushButton *m_clearFilters = nullptr;
    QComboBox *m_accounts = nullptr;
    QComboBox *m_period = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    TradeTable *m_table = nullptr;
    QLabel *m_notice = nullptr;
    FigureLabel *m_footer = nullptr;
    QPushButton *m_export = nullptr;
    QCheckBox *m_bom = nullptr;
    TradeExporter *m_exporter = nullptr;
    QPointer<QProgressDialog> m_progress; // while an export runs
    QString m_exportPath;
    QList<std::pair<Account, QString>> m_named; // setAccountNames()
    QString m_moneyWithheld;
    TradeQuery m_exportQuery;     // what the export under way is of
    bool m_reportFailure = false; // in a message box: the export came from the dialog
    bool m_sized = false;
    bool m_statisticsSized = false;
    bool m_statisticsHeightByUser = false; // moved, or restored from the last session
    bool m_chartsWidthByUser = false;      // the table's splitter, likewise
    QTimer m_fitCharts;                    // fitChartsWidth(), once for a burst of changes
    // Beyond this many rows the statistics scroll rather than take the trades' room.
    static constexpr int kStatisticsRowsShown = 8;
};

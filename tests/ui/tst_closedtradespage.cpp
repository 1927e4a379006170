// SPDX-License-Identifier: GPL-3.0-or-later
// "Closed Trades": the history of an account, its filters, charts, statistics and export, in the
// window a trader has.
#include "aboutdialog.h"
#include "accountbar.h"
#include "alerts/alerts.h"
#include "closedtradespage.h"
#include "columnfit.h"
#include "config/appoptions.h"
#include "config/appsettings.h"
#include "connectionlogwindow.h"
#include "domain/tradetext.h"
#include "elidedlabel.h"
#include "failingstore.h"
#include "fakenotifier.h"
#include "feed/connectionlog.h"
#include "feed/feedsession.h"
#include "feed/feedsource.h"
#include "feed/positionbook.h"
#include "feedbanner.h"
#include "feedstatusbar.h"
#include "filterbar.h"
#include "fixtures.h"
#include "history/closedtradestore.h"
#include "history/tradehistory.h"
#include "i18n/translations.h"
#include "mainwindow.h"
#include "models/positionsfiltermodel.h"
#include "models/positionsgroupmodel.h"
#include "models/positionsmodel.h"
#include "models/traderstatisticsmodel.h"
#include "named.h"
#include "net/socketmanager.h"
#include "opentradespage.h"
#include "performancecharts.h"
#include "protocol/feedprofile.h"
#include "rowcopy.h"
#include "session/accountsession.h"
#include "settingsdialog.h"
#include "simulator/feedsimulator.h"
#include "testfeedserver.h"
#include "windowtest.h"

#include <QAbstractBarSeries>
#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QValueAxis>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using State = SocketManager::State;
using Mode = PositionsFilterModel::Mode;

class tst_ClosedTradesPage : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void closedTradesBelongToAnAccount();
    void unconfirmedClosesAreMarked();
    void aHistoryFileThatIsNotOursIsSaidAndKeptInMemory_data();
    void aHistoryFileThatIsNotOursIsSaidAndKeptInMemory();
    void exportNamesTheFileAndSaysWhereItWent();
    void closedTradesShowsHistoryAndExports();
    void closedTradesFilterAndChartWhatIsShown();
    void statisticsPerSignalTraderFilterCopyAndExport();
    void theChartsSplitterIsRememberedOnceLaidOut();
    void aLayoutSavedBeforeTheAccountColumnIsKept();
    void closedTradesFitsCommonScreens_data();
    void closedTradesFitsCommonScreens();
};

void tst_ClosedTradesPage::closedTradesBelongToAnAccount()
{
    WindowRig rig(m_dir->path());
    QTRY_VERIFY_WITH_TIMEOUT(rig.stored() >= 50, kHistoryWait);
    // Another account's trades in the same file, one of them with a ticket of this feed's.
    const Account other = Account::of(QUrl(u"wss://other.example.com/feed"_s), 777);
    ClosedTrade foreign = rig.history.store()->trades(rig.history.account()).at(0);
    foreign.position.profit = 123456.0;
    QVERIFY(rig.history.fileStore()->record(other, {foreign}));
    named<QTabWidget>(rig.window.get(), u"tabs"_s)->setCurrentIndex(MainWindow::ClosedTradesTab);
    ClosedTradesPage *page = named<ClosedTradesPage>(rig.window.get(), u"closedTradesPage"_s);
    named<QComboBox>(page, u"period"_s)
        ->setCurrentIndex(named<QComboBox>(page, u"period"_s)->findText(u"All"_s));
    auto *accounts = named<QComboBox>(page, u"account"_s);
    QTRY_COMPARE(accounts->count(), 3);
    QCOMPARE(accounts->itemText(0), u"All accounts"_s);
    QCOMPARE(accounts->itemText(1), rig.history.account().displayName() + u" (this feed)"_s);
    QCOMPARE(accounts->itemText(2), u"777 @ other.example.com"_s);
    QCOMPARE(accounts->currentIndex(), 1); // one account's window: its own trades
    QTRY_COMPARE(page->table()->model()->rowCount(), rig.stored());
    QVERIFY(!totalsText(page).contains("123,456"_L1));
    QHeaderView *header = page->table()->horizontalHeader();
    QVERIFY(header->isSectionHidden(ClosedTradesModel::AccountColumn));
    accounts->setCurrentIndex(2);
    QTRY_COMPARE(page->table()->model()->rowCount(), 1);
    QVERIFY2(totalsText(page).contains("123,456.00"_L1), qPrintable(totalsText(page)));
    // Both accounts: every trade, each saying whose; the other account never said its
    // currency, so no money is added up across them.
    accounts->setCurrentIndex(0);
    QTRY_COMPARE(page->table()->model()->rowCount(), rig.stored() + 1);
    QVERIFY(!header->isSectionHidden(ClosedTradesModel::AccountColumn));
    QStringList whose;
    for (int row = 0; row < page->table()->model()->rowCount(); ++row)
        whose.append(
            page->table()->model()->index(row, ClosedTradesModel::AccountColumn).data().toString());
    QCOMPARE(whose.count(u"777 @ other.example.com"_s), 1);
    QCOMPARE(whose.count(rig.history.account().displayName()), rig.stored());
    QTRY_VERIFY2(totalsText(page).contains("No totals of money: 777 @ other.example.com does not "
                                           "report its currency"_L1),
                 qPrintable(totalsText(page)));
    QVERIFY(!totalsText(page).contains("123,456"_L1));
    QVERIFY(page->suggestedFileName().startsWith("trades-all-accounts-"_L1));
    accounts->setCurrentIndex(1);
    QTRY_COMPARE(page->table()->model()->rowCount(), rig.stored());
    QVERIFY(header->isSectionHidden(ClosedTradesModel::AccountColumn));
    QVERIFY2(totalsText(page).contains("Net"_L1), qPrintable(totalsText(page)));
}

void tst_ClosedTradesPage::unconfirmedClosesAreMarked()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    WindowRig rig(m_dir->path());
    ClosedTradesPage *page = rig.closedTradesOverAll();
    QVERIFY(page);
    ClosedTrade vanished = rig.history.store()->trades(rig.history.account()).at(0);
    vanished.position.ticket = 999999;
    vanished.reason = ClosedTrade::Reason::Unknown;
    rig.history.record({vanished});
    QTRY_VERIFY2(totalsText(page).contains("(incl. 1 unconfirmed)"_L1),
                 qPrintable(totalsText(page)));
    bool marked = false;
    QAbstractItemModel *shown = page->table()->model();
    for (int row = 0; row < shown->rowCount(); ++row) {
        if (shown->index(row, ClosedTradesModel::TicketColumn).data().toString() != "999999"_L1)
            continue;
        marked = shown->index(row, ClosedTradesModel::ReasonColumn).data().toString() ==
                 "Closed while offline (unconfirmed)"_L1;
    }
    QVERIFY(marked);
    // Seen open again: out of the history and the totals.
    rig.history.withdrawProvisional({999999});
    QTRY_VERIFY(!totalsText(page).contains("unconfirmed"_L1));
}

void tst_ClosedTradesPage::aHistoryFileThatIsNotOursIsSaidAndKeptInMemory_data()
{
    QTest::addColumn<QLocale>("language");
    QTest::addColumn<QStringList>("said");
    QTest::addRow("en") << QLocale(QLocale::English, QLocale::UnitedStates)
                        << QStringList{u"is not a Trade Monitor history"_s,
                                       u"kept in memory only"_s};
    QTest::addRow("zh_CN") << QLocale(QLocale::Chinese, QLocale::China)
                           << QStringList{u"不是交易监控的历史记录"_s,
                                          u"仅保存在本次运行的内存中"_s};
}

void tst_ClosedTradesPage::aHistoryFileThatIsNotOursIsSaidAndKeptInMemory()
{
    // --db pointed at another program's file by mistake.
    QFETCH(QLocale, language);
    QFETCH(QStringList, said);
    const Speaking speaking(language);
    const QString foreign = m_dir->filePath(u"notes.txt"_s);
    {
        QFile file(foreign);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("shopping list\n");
    }
    AccountSession account;
    TradeHistory &history = *account.history();
    QVERIFY(!history.open(foreign));
    history.setAccount(Account::of(QUrl(u"wss://feed.example.com/p"_s), 10260));
    history.record({closedNow(5)});
    MainWindow window(&account, services(), MainWindow::ClosedTradesTab);
    window.show();
    ClosedTradesPage *page = named<ClosedTradesPage>(&window, u"closedTradesPage"_s);
    QVERIFY(!named<QLabel>(page, u"notice"_s)->isHidden());
    for (const QString &words : std::as_const(said))
        QVERIFY2(named<QLabel>(page, u"notice"_s)->text().contains(words),
                 qPrintable(named<QLabel>(page, u"notice"_s)->text()));
    QVERIFY2(named<QLabel>(page, u"notice"_s)->text().contains(QDir::toNativeSeparators(foreign)),
             qPrintable(named<QLabel>(page, u"notice"_s)->text()));
    QTRY_COMPARE(page->table()->model()->rowCount(), 1);
    // A flat curve (one trade at 0.00): the axis steps by 0.2 and says so, not "0 0 0 1 1 1".
    const auto *axis = qobject_cast<QValueAxis *>(
        named<QChartView>(named<PerformanceCharts>(page, u"charts"_s), u"equity"_s)
            ->chart()
            ->axes(Qt::Vertical)
            .value(0));
    QVERIFY(axis);
    QCOMPARE(axis->labelFormat(), u"%.1f"_s);
    window.resize(1280, 560);
    savePng(&window,
            u"closed-trades-foreign-file-%1.png"_s.arg(QLatin1String(QTest::currentDataTag())));
}

void tst_ClosedTradesPage::exportNamesTheFileAndSaysWhereItWent()
{
    WindowRig rig(m_dir->path());
    QTRY_VERIFY_WITH_TIMEOUT(rig.stored() >= 50, kHistoryWait);
    named<QTabWidget>(rig.window.get(), u"tabs"_s)->setCurrentIndex(MainWindow::ClosedTradesTab);
    ClosedTradesPage *page = named<ClosedTradesPage>(rig.window.get(), u"closedTradesPage"_s);
    const QString month = QDate::currentDate().toString(u"yyyy-MM"_s);
    QCOMPARE(page->suggestedFileName(), u"trades-10260-127.0.0.1-%1.csv"_s.arg(month));
    named<QComboBox>(page, u"period"_s)
        ->setCurrentIndex(named<QComboBox>(page, u"period"_s)->findText(u"All"_s));
    QCOMPARE(page->suggestedFileName(), u"trades-10260-127.0.0.1-all.csv"_s);
    const QString path = m_dir->filePath(page->suggestedFileName());
    QSignalSpy exported(page, &ClosedTradesPage::exported);
    QString error;
    QVERIFY2(exportAndWait(page, path, &error), qPrintable(error));
    // The page announces the file with what it holds; the status bar says where it went.
    QCOMPARE(exported.size(), 1);
    const int trades = exported.at(0).at(1).toInt();
    {
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll().trimmed().split('\n').size(), trades + 1);
    }
    // What the status bar says, whole (it may be cut short on screen).
    const QString said = named<ElidedLabel>(rig.window.get(), u"event"_s)->fullText();
    QVERIFY2(said.contains(QDir::toNativeSeparators(path)), qPrintable(said));
    QVERIFY2(said.startsWith(u"Exported %1 closed trades"_s.arg(trades)), qPrintable(said));
    // Without the byte-order mark when asked.
    named<QCheckBox>(page, u"byteOrderMark"_s)->setChecked(false);
    QVERIFY(exportAndWait(page, path, &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("ticket,"));
}

void tst_ClosedTradesPage::closedTradesShowsHistoryAndExports()
{
    WindowRig rig(m_dir->path());
    ClosedTradesPage *page = rig.closedTradesOverAll();
    QVERIFY(page);
    QTRY_COMPARE(page->table()->model()->rowCount(), rig.stored());
    QVERIFY(totalsText(page).startsWith(u"%1 trades · Gross profit"_s.arg(rig.stored())));
    const QString path = m_dir->filePath(u"export.csv"_s);
    QString error;
    QVERIFY2(exportAndWait(page, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), rig.stored() + 1);
    QVERIFY(lines.at(0).startsWith("\xEF\xBB\xBFticket,open_time,close_time"));
    // A path that cannot be written: a clear error, no crash.
    QVERIFY(!exportAndWait(page, u"/proc/no/such/folder/x.csv"_s, &error));
    QVERIFY(!error.isEmpty());
}

void tst_ClosedTradesPage::closedTradesFilterAndChartWhatIsShown()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    WindowRig rig(m_dir->path());
    ClosedTradesPage *page = rig.closedTradesOverAll();
    QVERIFY(page);
    const int all = rig.stored();
    QTRY_COMPARE(page->table()->model()->rowCount(), all);
    QCOMPARE(named<PerformanceCharts>(page, u"charts"_s)->performance().curve.size(), all);
    QVERIFY(named<QPushButton>(page, u"clearFilters"_s)->isHidden());

    // Mine, then one symbol: the table, the footer and both charts show the same trades.
    named<FilterBar>(page, u"filters"_s)->modeButton(Mode::Mine)->click();
    QComboBox *symbols = named<QComboBox>(named<FilterBar>(page, u"filters"_s), u"symbol"_s);
    QVERIFY(symbols->count() > 2);
    symbols->setCurrentIndex(1);
    const QString symbol = symbols->currentText();
    QAbstractItemModel *shown = page->table()->model();
    QList<ClosedTrade> expected;
    for (const ClosedTrade &t : rig.history.store()->trades(rig.history.account())) {
        if (!t.position.flwsig && t.position.symbol == symbol)
            expected.append(t);
    }
    QVERIFY(!expected.isEmpty());
    QTRY_COMPARE(shown->rowCount(), expected.size()); // figures read off the GUI thread
    double net = 0;
    QSet<QDate> days;
    for (const ClosedTrade &t : std::as_const(expected)) {
        net += t.position.net();
        days.insert(QDateTime::fromMSecsSinceEpoch(t.closeTime).date());
    }
    const Performance &performance = named<PerformanceCharts>(page, u"charts"_s)->performance();
    QCOMPARE(performance.curve.size(), expected.size());
    QVERIFY(qAbs(performance.total - net) < 1e-6);
    QCOMPARE(performance.days.size(), days.size());
    // The charts hold what the model says: one point per trade, one bar per day.
    // The curve is drawn last, over the drawdown's shade.
    const auto *curve = qobject_cast<QLineSeries *>(
        named<QChartView>(named<PerformanceCharts>(page, u"charts"_s), u"equity"_s)
            ->chart()
            ->series()
            .constLast());
    QVERIFY(curve);
    QSet<qint64> moments; // trades closed at one moment are one step of the curve
    for (const ClosedTrade &t : std::as_const(expected))
        moments.insert(t.closeTime);
    QCOMPARE(curve->count(), moments.size());
    QVERIFY(qAbs(curve->at(curve->count() - 1).y() - net) < 1e-6);
    const auto *bars = qobject_cast<QAbstractBarSeries *>(
        named<QChartView>(named<PerformanceCharts>(page, u"charts"_s), u"daily"_s)
            ->chart()
            ->series()
            .at(0));
    QVERIFY(bars);
    // A bar for every day (or week) of the period, the days with trades among them.
    const QList<Performance::Bar> periodBars = performance.bars();
    QCOMPARE(bars->barSets().at(0)->count(), periodBars.size());
    QVERIFY(periodBars.size() >= days.size());
    int barTrades = 0;
    for (const Performance::Bar &bar : periodBars)
        barTrades += bar.trades;
    QCOMPARE(barTrades, expected.size());
    // The footer's net is the same net.
    const QString footer = totalsText(page);
    QVERIFY2(footer.startsWith(
                 u"%1 of %2 trades shown (Mine · %3)"_s.arg(expected.size()).arg(all).arg(symbol)),
             qPrintable(footer));
    QVERIFY2(
        footer.endsWith(
            u"Net %1%2"_s.arg(net > 0 ? u"+"_s : QString()).arg(QLocale().toString(net, 'f', 2))),
        qPrintable(footer));
    // What is exported is what is shown.
    const QString path = m_dir->filePath(u"mine.csv"_s);
    QString error;
    QVERIFY2(exportAndWait(page, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().trimmed().split('\n').size(), expected.size() + 1);

    QTest::mouseClick(named<QPushButton>(page, u"clearFilters"_s), Qt::LeftButton);
    QTRY_COMPARE(shown->rowCount(), all);
    QCOMPARE(named<PerformanceCharts>(page, u"charts"_s)->performance().curve.size(), all);
}

void tst_ClosedTradesPage::statisticsPerSignalTraderFilterCopyAndExport()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    WindowRig rig(m_dir->path());
    ClosedTradesPage *page = rig.closedTradesOverAll();
    QVERIFY(page);
    TraderStatisticsModel *statistics = page->statisticsModel();
    QAbstractItemModelTester tester(statistics,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int all = rig.stored();
    QTRY_COMPARE(page->table()->model()->rowCount(), all);
    QTRY_VERIFY(!statistics->isReading());
    // In view without a click: the total of every trade shown, last, and selected.
    QVERIFY(named<QTableView>(page, u"statistics"_s)->isVisibleTo(rig.window.get()));
    const int rows = statistics->rowCount();
    QVERIFY(rows >= 3); // the demo copies signal traders and trades on its own
    QTRY_COMPARE(statistics->index(rows - 1, TraderStatisticsModel::TradesColumn).data(),
                 QVariant(QLocale().toString(page->model()->totals().count)));
    QCOMPARE(statistics->index(rows - 1, 0).data().toString(), u"Total"_s);
    QCOMPARE(
        named<QTableView>(page, u"statistics"_s)->selectionModel()->selectedRows().value(0).row(),
        rows - 1);

    // A click on the first signal trader's row shows its trades only; every trader stays.
    const TraderStatistics::Row *first = statistics->rowAt(0);
    QCOMPARE(first->kind, TraderStatistics::Row::Kind::SignalTrader);
    const qint64 trader = first->signalTraderId;
    const int itsTrades = first->figures.trades;
    QVERIFY(!page->areStatisticsGreyed());
    // Another period: greyed until its own figures are read.
    QSignalSpy reading(statistics, &TraderStatisticsModel::readingChanged);
    named<QComboBox>(page, u"period"_s)
        ->setCurrentIndex(named<QComboBox>(page, u"period"_s)
                              ->findData(int(ClosedTradesModel::Period::ThisWeek)));
    QTRY_VERIFY(reading.count() >= 1);
    QVERIFY(reading.at(0).at(0).toBool());
    QCOMPARE(page->areStatisticsGreyed(), statistics->isReading());
    QTRY_VERIFY(!statistics->isReading());
    QVERIFY(!page->areStatisticsGreyed());
    named<QComboBox>(page, u"period"_s)
        ->setCurrentIndex(named<QComboBox>(page, u"period"_s)->findText(u"All"_s));
    QTRY_VERIFY(!page->model()->isReading() && !statistics->isReading());
    QCOMPARE(statistics->rowAt(0)->signalTraderId, trader);

    QTest::mouseClick(
        named<QTableView>(page, u"statistics"_s)->viewport(), Qt::LeftButton, {},
        named<QTableView>(page, u"statistics"_s)->visualRect(statistics->index(0, 1)).center());
    QCOMPARE(named<FilterBar>(page, u"filters"_s)->filter().signalTraderId, trader);
    QTRY_COMPARE(page->model()->totals().count, itsTrades);
    QTRY_VERIFY(!statistics->isReading());
    QCOMPARE(statistics->rowCount(), rows);
    QCOMPARE(statistics->shownRow(), 0);
    QCOMPARE(
        named<QTableView>(page, u"statistics"_s)->selectionModel()->selectedRows().value(0).row(),
        0);

    // Copied as the other tables are: a header line, then the row as shown.
    const QStringList copied = page->statisticsCopy()->selectedText().split(u'\n');
    QVERIFY2(copied.value(0).startsWith(u"Signal trader\tTrades\tWin rate\tNet\t"_s),
             qPrintable(copied.value(0)));
    QVERIFY2(copied.value(1).startsWith(statistics->index(0, 0).data().toString() + u"\t"_s +
                                        QLocale().toString(itsTrades) + u"\t"_s),
             qPrintable(copied.value(1)));

    // Exported with the trades, beside them.
    const QString path = m_dir->filePath(u"by-trader.csv"_s);
    QString error;
    QVERIFY2(exportAndWait(page, path, &error), qPrintable(error));
    QFile file(m_dir->filePath(u"by-trader-statistics.csv"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), rows + 1);
    QVERIFY(lines.at(0).startsWith("\xEF\xBB\xBFrow,signal_trader_id,signal_trader,trades,"));
    QVERIFY2(lines.at(1).startsWith("signal_trader," + QByteArray::number(trader) + ','),
             lines.at(1).constData());
    QVERIFY(lines.constLast().startsWith("total,,,"));
    // And on its own.
    QVERIFY(page->exportStatisticsTo(m_dir->filePath(u"alone.csv"_s)));
    QVERIFY(!page->exportStatisticsTo(u"/proc/no/such/folder/x.csv"_s, &error));
    QVERIFY(!error.isEmpty());

    // The total's row shows every trader's trades again.
    QTest::mouseClick(named<QTableView>(page, u"statistics"_s)->viewport(), Qt::LeftButton, {},
                      named<QTableView>(page, u"statistics"_s)
                          ->visualRect(statistics->index(rows - 1, 1))
                          .center());
    QCOMPARE(named<FilterBar>(page, u"filters"_s)->filter().signalTraderId, 0);
    QTRY_COMPARE(page->model()->totals().count, page->model()->totals().of);

    // Filters changed while the trades are written: statistics of another selection are
    // never written beside them. Which comes first is the threads' to decide: the export's
    // end, or the statistics of the new filters being asked for. Either the statistics are
    // still those of the trades written (the same as alone.csv, which ignores the trader
    // chosen) and are written, or they have moved on: not written, and the trader is told.
    {
        QSignalSpy failed(page, &ClosedTradesPage::exportFailed);
        QSignalSpy done(page, &ClosedTradesPage::exported);
        QVERIFY(page->exportTo(m_dir->filePath(u"changed.csv"_s)));
        PositionFilter mine = named<FilterBar>(page, u"filters"_s)->filter();
        mine.mode = PositionFilter::Mode::Mine;
        mine.signalTraderId = 0;
        named<FilterBar>(page, u"filters"_s)->setFilter(mine);
        QTRY_COMPARE(done.count(), 1); // the trades themselves are written
        const QString beside = m_dir->filePath(u"changed-statistics.csv"_s);
        QTRY_VERIFY(failed.count() == 1 || QFile::exists(beside));
        if (failed.count() == 1) {
            QCOMPARE(failed.at(0).at(0).toString(), beside);
            QVERIFY2(failed.at(0).at(1).toString().contains("filters changed"_L1),
                     qPrintable(failed.at(0).at(1).toString()));
            QVERIFY(!QFile::exists(beside));
        } else {
            QFile written(beside);
            QFile alone(m_dir->filePath(u"alone.csv"_s));
            QVERIFY(written.open(QIODevice::ReadOnly) && alone.open(QIODevice::ReadOnly));
            QCOMPARE(written.readAll(), alone.readAll());
        }
    }
}

void tst_ClosedTradesPage::aLayoutSavedBeforeTheAccountColumnIsKept()
{
    // The release before had fourteen columns, without Account: the widths, order and hidden
    // columns the trader chose are kept, and Account shows only over every account.
    {
        QStandardItemModel fourteen(0, ClosedTradesModel::AccountColumn);
        QHeaderView header(Qt::Horizontal);
        header.setModel(&fourteen);
        header.resizeSection(ClosedTradesModel::SymbolColumn, 123);
        header.moveSection(header.visualIndex(ClosedTradesModel::TicketColumn), 0);
        header.hideSection(ClosedTradesModel::CommissionColumn);
        QSettings settings(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
        settings.setValue(u"closedTrades/header"_s, header.saveState());
    }
    WindowRig rig(m_dir->path(), MainWindow::ClosedTradesTab);
    rig.window->resize(1600, 800);
    auto *page = named<ClosedTradesPage>(rig.window.get(), u"closedTradesPage"_s);
    QHeaderView *header = page->table()->horizontalHeader();
    QCOMPARE(header->count(), int(ClosedTradesModel::ColumnCount));
    QCOMPARE(header->sectionSize(ClosedTradesModel::SymbolColumn), 123);
    QCOMPARE(header->logicalIndex(0), int(ClosedTradesModel::TicketColumn));
    QVERIFY(header->isSectionHidden(ClosedTradesModel::CommissionColumn));
    QVERIFY(header->isSectionHidden(ClosedTradesModel::AccountColumn));
}

void tst_ClosedTradesPage::theChartsSplitterIsRememberedOnceLaidOut()
{
    // Quit without ever opening Closed Trades: its splitter was never laid out and saves no
    // sizes (-1 each). The next start does not take that (nor what an earlier version saved
    // so): the table and the charts show in their own proportions (3 : 2), not squeezed.
    {
        QSplitter neverShown;
        neverShown.addWidget(new QWidget);
        neverShown.addWidget(new QWidget);
        QSettings settings(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
        settings.setValue(u"closedTrades/splitter"_s, neverShown.saveState());
    }
    {
        WindowRig rig(m_dir->path());
        rig.window->resize(1280, 800);
        rig.window->close();
    }
    QList<int> chosen;
    QList<int> chosenHeights;
    {
        WindowRig again(m_dir->path(), MainWindow::ClosedTradesTab);
        again.window->resize(1280, 800);
        QSplitter *splitter = named<QSplitter>(
            named<ClosedTradesPage>(again.window, u"closedTradesPage"_s), u"chartsSplitter"_s);
        QTRY_VERIFY(splitter->sizes().value(0) > 0);
        const QList<int> sizes = splitter->sizes();
        QCOMPARE(sizes.size(), 2);
        QVERIFY2(sizes.at(0) > sizes.at(1) && sizes.at(1) > 0,
                 qPrintable(u"table %1, charts %2"_s.arg(sizes.at(0)).arg(sizes.at(1))));
        // The trader's own sizes, dragged to, are kept.
        QSplitterHandle *handle = splitter->handle(1);
        const QPoint grip(handle->width() / 2, handle->height() / 2);
        const QPoint to = grip + QPoint(sizes.at(1) - 250, 0);
        QTest::mousePress(handle, Qt::LeftButton, {}, grip);
        QMouseEvent move(QEvent::MouseMove, to, handle->mapToGlobal(to), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(handle, &move);
        QTest::mouseRelease(handle, Qt::LeftButton, {}, to);
        QTRY_COMPARE(splitter->sizes().value(1), 250);
        chosen = splitter->sizes();
        // And the statistics' height, dragged to.
        QSplitter *vertical = named<QSplitter>(
            named<ClosedTradesPage>(again.window, u"closedTradesPage"_s), u"statisticsSplitter"_s);
        QTRY_VERIFY(vertical->sizes().value(1) > 0);
        const QList<int> heights = vertical->sizes();
        QSplitterHandle *bar = vertical->handle(1);
        const QPoint middle(bar->width() / 2, bar->height() / 2);
        const QPoint up = middle - QPoint(0, 60);
        QTest::mousePress(bar, Qt::LeftButton, {}, middle);
        QMouseEvent lift(QEvent::MouseMove, up, bar->mapToGlobal(up), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(bar, &lift);
        QTest::mouseRelease(bar, Qt::LeftButton, {}, up);
        QTRY_COMPARE(vertical->sizes().value(1), heights.at(1) + 60);
        chosenHeights = vertical->sizes();
        again.window->close();
    }
    {
        // A session that never opens Closed Trades keeps them too.
        WindowRig openTradesOnly(m_dir->path());
        openTradesOnly.window->resize(1280, 800);
        openTradesOnly.window->close();
    }
    {
        WindowRig third(m_dir->path(), MainWindow::ClosedTradesTab);
        third.window->resize(1280, 800);
        QSplitter *splitter = named<QSplitter>(
            named<ClosedTradesPage>(third.window, u"closedTradesPage"_s), u"chartsSplitter"_s);
        QTRY_COMPARE(splitter->sizes(), chosen);
        QTRY_COMPARE(named<QSplitter>(named<ClosedTradesPage>(third.window, u"closedTradesPage"_s),
                                      u"statisticsSplitter"_s)
                         ->sizes(),
                     chosenHeights);
    }
    // Sizes wider than any screen (a damaged file, another machine's) are not taken either.
    {
        QSplitter huge;
        huge.addWidget(new QWidget);
        huge.addWidget(new QWidget);
        huge.setSizes({400, 900000}); // the table squeezed to nothing, were it taken
        QSettings settings(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
        settings.setValue(u"closedTrades/splitter"_s, huge.saveState());
        settings.setValue(u"closedTrades/statisticsSplitter"_s, huge.saveState());
    }
    WindowRig fourth(m_dir->path(), MainWindow::ClosedTradesTab);
    fourth.window->resize(1280, 800);
    ClosedTradesPage *page = named<ClosedTradesPage>(fourth.window, u"closedTradesPage"_s);
    QTRY_VERIFY(named<QSplitter>(page, u"chartsSplitter"_s)->sizes().value(0) > 0);
    const QList<int> sizes = named<QSplitter>(page, u"chartsSplitter"_s)->sizes();
    QVERIFY2(sizes.at(0) > sizes.at(1) && sizes.at(1) > 0 && sizes.at(0) + sizes.at(1) < 1280,
             qPrintable(u"table %1, charts %2"_s.arg(sizes.at(0)).arg(sizes.at(1))));
    // The statistics take their rows' height, the trades the rest.
    const QList<int> heights = named<QSplitter>(page, u"statisticsSplitter"_s)->sizes();
    QVERIFY2(heights.at(0) > heights.at(1) && heights.at(1) > 0,
             qPrintable(u"trades %1, statistics %2"_s.arg(heights.at(0)).arg(heights.at(1))));
}

void tst_ClosedTradesPage::closedTradesFitsCommonScreens_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QSize>("size");
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const QLocale chinese(QLocale::Chinese, QLocale::China);
    QTest::addRow("1280x800-en") << english << QSize(1280, 800);
    QTest::addRow("1920x1080-en") << english << QSize(1920, 1080);
    QTest::addRow("1280x800-zh") << chinese << QSize(1280, 800);
    QTest::addRow("1920x1080-zh") << chinese << QSize(1920, 1080);
}

void tst_ClosedTradesPage::closedTradesFitsCommonScreens()
{
    // A trader on a laptop (1280x800) or a desktop (1920x1080), in English or in Chinese: the
    // money columns of the trades and every column of the statistics are in view without
    // scrolling, and nothing is cut to "…" while there is room. The pictures are the README's.
    QFETCH(QLocale, locale);
    QFETCH(QSize, size);
    const Speaking speaking(locale);
    WindowRig rig(m_dir->path());
    QTRY_VERIFY_WITH_TIMEOUT(rig.stored() >= 50, kHistoryWait);
    rig.window->resize(size);
    named<QTabWidget>(rig.window.get(), u"tabs"_s)->setCurrentIndex(MainWindow::ClosedTradesTab);
    ClosedTradesPage *page = named<ClosedTradesPage>(rig.window.get(), u"closedTradesPage"_s);
    named<QComboBox>(page, u"period"_s)
        ->setCurrentIndex(
            named<QComboBox>(page, u"period"_s)->findData(int(ClosedTradesModel::Period::All)));
    QTRY_COMPARE(rig.socket.state(), State::Idle);
    QTRY_VERIFY(!page->model()->isReading() && page->model()->rowCount() > 0);
    QTRY_VERIFY(!page->statisticsModel()->isReading() && page->statisticsModel()->rowCount() >= 3);
    // Saved first, so that a failure below has its picture.
    savePng(rig.window.get(),
            u"closed-trades-%1.png"_s.arg(QLatin1String(QTest::currentDataTag())));

    const auto inView = [](QTableView *table, int column) {
        const QHeaderView *header = table->horizontalHeader();
        const int left = header->sectionViewportPosition(column);
        return !header->isSectionHidden(column) && left >= 0 &&
               left + header->sectionSize(column) <= table->viewport()->width();
    };
    QTableView *trades = page->table();
    for (const int column :
         {int(ClosedTradesModel::ProfitColumn), int(ClosedTradesModel::NetColumn),
          int(ClosedTradesModel::SymbolColumn), int(ClosedTradesModel::CloseTimeColumn)})
        QVERIFY2(inView(trades, column), qPrintable(u"trades' column %1"_s.arg(column)));
    // No room wasted beside the columns: what they do not need is the charts'.
    QTRY_VERIFY2(trades->viewport()->width() - trades->horizontalHeader()->length() <= 4,
                 qPrintable(u"%1 wide for %2 of columns"_s.arg(trades->viewport()->width())
                                .arg(trades->horizontalHeader()->length())));
    QTableView *statistics = named<QTableView>(page, u"statistics"_s);
    for (int column = 0; column < TraderStatisticsModel::ColumnCount; ++column)
        QVERIFY2(inView(statistics, column), qPrintable(u"statistics' column %1"_s.arg(column)));
    QVERIFY(statistics->viewport()->height() >=
            statistics->rowHeight(0) * statistics->model()->rowCount());
    // Nothing cut short: every shown cell of the rows in view fits its column.
    for (QTableView *table : {trades, statistics}) {
        const QHeaderView *header = table->horizontalHeader();
        for (int column = 0; column < header->count(); ++column) {
            if (header->isSectionHidden(column))
                continue;
            const int needed =
                std::max(static_cast<QAbstractItemView *>(table)->sizeHintForColumn(column),
                         header->sectionSizeHint(column));
            QVERIFY2(header->sectionSize(column) >= std::min(needed, 220),
                     qPrintable(u"%1: column %2 is %3 wide, needs %4"_s
                                    .arg(table == trades ? u"trades"_s : u"statistics"_s)
                                    .arg(column)
                                    .arg(header->sectionSize(column))
                                    .arg(needed)));
        }
    }
}

QTEST_MAIN(tst_ClosedTradesPage)
#include "tst_closedtradespage.moc"

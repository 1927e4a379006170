// SPDX-License-Identifier: GPL-3.0-or-later
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
#include "net/socketmanager.h"
#include "opentradespage.h"
#include "performancecharts.h"
#include "protocol/feedprofile.h"
#include "rowcopy.h"
#include "session/accountsession.h"
#include "settingsdialog.h"
#include "simulator/feedsimulator.h"
#include "testfeedserver.h"

#include <QAbstractBarSeries>
#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
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

namespace {
// A trade of ours closed just now.
ClosedTrade closedNow(qint64 ticket)
{
    ClosedTrade trade;
    trade.position.ticket = ticket;
    trade.position.symbol = u"EURUSD"_s;
    trade.closeTime = QDateTime::currentMSecsSinceEpoch();
    return trade;
}
// Exports what the page shows and waits for the answer: false with `error` when it failed.
bool exportAndWait(ClosedTradesPage *page, const QString &path, QString *error)
{
    QSignalSpy done(page, &ClosedTradesPage::exported);
    QSignalSpy failed(page, &ClosedTradesPage::exportFailed);
    if (!page->exportTo(path)) {
        *error = u"an export is under way"_s;
        return false;
    }
    if (!QTest::qWaitFor([&] { return !done.isEmpty() || !failed.isEmpty(); }, 60000)) {
        *error = u"no answer"_s;
        return false;
    }
    if (!failed.isEmpty())
        *error = failed.at(0).at(1).toString();
    return !done.isEmpty();
}

} // namespace

// Everything the window needs, against an in-process FeedSimulator. Short intervals
// through the settings a user has: retries used up in a fraction of a second, and given up
// 300 ms after the feed was last live.
struct Rig
{
    explicit Rig(const QString &folder, MainWindow::Tab tab = MainWindow::OpenTradesTab,
                 qint64 traderId = 10260, bool muted = false, int positions = 15,
                 const QStringList &arguments = {})
        : settingsFile(QDir(folder).filePath(u"settings.ini"_s), QSettings::IniFormat)
        , appSettings(&settingsFile)
    {
        FeedSimulator::Options options;
        options.simulation.seed = 4;
        options.simulation.tick = 50ms;
        options.simulation.positions = positions;
        simulator = std::make_unique<FeedSimulator>(options);
        if (!simulator->listen())
            qFatal("the simulator cannot listen");
        simulator->setMuted(muted);
        SocketConfig config = FeedProfile::native().configFor(simulator->url(), traderId);
        config.reconnectMin = 20ms;
        config.reconnectMax = 80ms;
        config.giveUpAfter = 300ms;
        config.snapshotTimeout = 2s;
        socket.setConfig(config);
        history.open(QDir(folder).filePath(u"history.sqlite"_s));
        history.setAccount(Account::of(config.url, config.traderId));
        if (!arguments.isEmpty() && appOptions.parse(QStringList{u"trade-monitor"_s} + arguments,
                                                     {}) != AppOptions::Outcome::Run)
            qFatal("bad test arguments: %s", qPrintable(appOptions.message()));
        window = std::make_unique<MainWindow>(
            &account, MainWindow::Services{appSettings, appOptions, &notifier}, tab);
        window->show();
    }

    OpenTradesPage *open() const { return window->openTradesPage(); }
    int stored() const { return history.store()->count(history.account()); }
    // Closed Trades in front over "All", once the demo's history (fifty trades or more) is
    // stored; nullptr if it never is.
    ClosedTradesPage *closedTradesOverAll()
    {
        if (!QTest::qWaitFor([this] { return stored() >= 50; }, 5000))
            return nullptr;
        window->tabs()->setCurrentIndex(MainWindow::ClosedTradesTab);
        ClosedTradesPage *page = window->closedTradesPage();
        page->periodBox()->setCurrentIndex(
            page->periodBox()->findData(int(ClosedTradesModel::Period::All)));
        return page;
    }

    QSettings settingsFile;
    AppSettings appSettings;
    std::unique_ptr<FeedSimulator> simulator;
    FakeNotifier notifier;
    AccountSession account;
    SocketManager &socket = *account.socket();
    PositionBook &book = *account.book();
    TradeHistory &history = *account.history();
    FeedSession *session = account.feed();
    AppOptions appOptions; // the command line, when a test gives one
    std::unique_ptr<MainWindow> window;
};

// For a picture whose figures add up: the feed is held still until every figure that is
// coalesced (the rows' group labels, the footer, the account bar) has caught up with the book.
// The window's language (ours and Qt's own translations, and the locale) for one test, English
// again after it.
struct Speaking
{
    explicit Speaking(const QLocale &locale)
        : loaded(Translations::install(locale))
    {
        QLocale::setDefault(locale);
    }
    ~Speaking()
    {
        Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    Q_DISABLE_COPY_MOVE(Speaking)
    const QStringList loaded; // the translation files installed
};

void settle(Rig &rig)
{
    rig.simulator->setSilent(true);
    const auto net = [&] {
        double sum = 0.0;
        for (const Position &p : rig.book.positions())
            sum += p.net();
        return QLocale().toString(sum, 'f', 2);
    };
    QTRY_VERIFY2(rig.open()->footerText().endsWith(net()) &&
                     rig.open()->accountBar()->text().contains(net()),
                 qPrintable(rig.open()->footerText() + u" / "_s + rig.open()->accountBar()->text() +
                            u" / "_s + net()));
}

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void titleTabsAndKeyboard();
    void openTradesFillsFromTheSnapshotAndUpdates();
    void closedTradesTabClosesTheFeedAndNothingReconnects();
    void backToOpenTradesResubscribes();
    void startingOnClosedTradesNeverConnects();
    void reconnectAfterRetriesRunOut();
    void statusTextFollowsEachState();
    void totalsMatchTheRowsShown_data();
    void totalsMatchTheRowsShown();
    void staleNumbersAreGreyed();
    void roundTripAndDataAgeAreShown();
    void connectedWithoutDataIsNotLive();
    void aRefusalSaysWhatToCheckAndOpensSettings();
    void aServerErrorWhileLiveIsANoticeOverALiveTable();
    void statusBarShowsEachEventForAFewSeconds();
    void connectionLogOpensWithCtrlLAndCopies();
    void closedTradesBelongToAnAccount();
    void unconfirmedClosesAreMarked();
    void unsavedTradesAreShownAndQuittingWarns();
    void aHistoryFileThatIsNotOursIsSaidAndKeptInMemory_data();
    void aHistoryFileThatIsNotOursIsSaidAndKeptInMemory();
    void theSystemsQuitAsksNothing_data();
    void theSystemsQuitAsksNothing();
    void aLongReasonEndsInAnEllipsisAndIsWholeInItsTooltip();
    void aCorrectionThatWaitsIsShownAndQuittingSaysSo();
    void exportNamesTheFileAndSaysWhereItWent();
    void tabRuleInEveryProfile_data();
    void tabRuleInEveryProfile();
    void signalTraderSelectorFillsFromPositions();
    void keyboardReachesEverythingAndCopiesRows();
    void mnemonicsClashWithNothing_data();
    void mnemonicsClashWithNothing();
    void rowMenusCopyAndFilter();
    void alertsFromTheWindowFollowSettings();
    void groupingShowsSubtotalsAndIsRemembered();
    void aboutNamesVersionLicenceQtAndNotices();
    void settingsShowWhatRunsAndSaveOnlyWhatChanged();
    void filtersSayWhatTheyHide();
    void narrowWindowKeepsTheProfitInView();
    void anEmptyTableSaysWhy();
    void closedTradesShowsHistoryAndExports();
    void closedTradesFilterAndChartWhatIsShown();
    void statisticsPerSignalTraderFilterCopyAndExport();
    void theChartsSayWhatIsThere();
    void quittingClosesTheFeedCleanly();
    void filterSortAndColumnsAreRemembered();
    void theChartsSplitterIsRememberedOnceLaidOut();
    void demoFeedIsNamed();
    void rendersToPng();
    void speaksChineseWhenAsked();
    void closedTradesFitsCommonScreens_data();
    void closedTradesFitsCommonScreens();
    void theBannerSaysWhyWhatFollowsAndWhenItGivesUp_data();
    void theBannerSaysWhyWhatFollowsAndWhenItGivesUp();

private:
    void savePng(QWidget *widget, const QString &name);
    // The next message box that comes up is answered Cancel; its text goes to `text`.
    void cancelTheNextMessageBox(QString *text);
    // A window's services where a test needs nothing of them: settings in the test's folder,
    // no command line.
    MainWindow::Services services();
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_ini;
    std::unique_ptr<AppSettings> m_settings;
    AppOptions m_options;
};

MainWindow::Services tst_MainWindow::services()
{
    m_ini = std::make_unique<QSettings>(m_dir->filePath(u"window.ini"_s), QSettings::IniFormat);
    m_settings = std::make_unique<AppSettings>(m_ini.get());
    return {*m_settings, m_options};
}

void tst_MainWindow::init()
{
    // A connection to an object not made yet is a feature silently lost (it was: the
    // statistics' height the trader dragged to).
    QTest::failOnWarning(QRegularExpression(u"QObject::connect.*invalid nullptr parameter"_s));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_MainWindow::cancelTheNextMessageBox(QString *text)
{
    QTimer::singleShot(0, this, [text] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            *text = box->text();
            box->button(QMessageBox::Cancel)->click();
        }
    });
}

void tst_MainWindow::savePng(QWidget *widget, const QString &name)
{
    const QString path = QDir(QCoreApplication::applicationDirPath()).filePath(name);
    // Labels whose text just changed are laid out anew first, as the event loop would.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

void tst_MainWindow::titleTabsAndKeyboard()
{
    Rig rig(m_dir->path());
    MainWindow &window = *rig.window;
    // The title names the account, then the application, once: it ends in the display name,
    // so Qt adds it no second time.
    MainWindow::useDisplayName();
    const auto noDisplayName =
        qScopeGuard([] { QGuiApplication::setApplicationDisplayName(QString()); });
    QCOMPARE(window.windowTitle(),
             u"10260 @ 127.0.0.1:%1 — Trade Monitor"_s.arg(rig.simulator->port()));
    QVERIFY(window.windowTitle().endsWith(QGuiApplication::applicationDisplayName()));
    QCOMPARE(window.tabs()->count(), 2);
    QCOMPARE(window.tabs()->tabText(0), u"Open Trades"_s);
    QCOMPARE(window.tabs()->tabText(1), u"Closed Trades"_s);
    QCOMPARE(window.tabs()->currentIndex(), 0);
    QVERIFY(!window.windowIcon().pixmap(32, 32).isNull());
    QTRY_COMPARE(rig.socket.state(), State::Live);

    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keySequence(&window, QKeySequence(u"Ctrl+2"_s));
    QCOMPARE(window.tabs()->currentIndex(), int(MainWindow::ClosedTradesTab));
    QTRY_COMPARE(rig.socket.state(), State::Idle);
    QTest::keySequence(&window, QKeySequence(u"Ctrl+1"_s));
    QCOMPARE(window.tabs()->currentIndex(), int(MainWindow::OpenTradesTab));
    QTRY_COMPARE(rig.socket.state(), State::Live);
    QTest::keySequence(&window, QKeySequence(u"Ctrl+F"_s));
    QVERIFY(rig.open()->searchBox()->hasFocus());
    // Ctrl+R reconnects (here: already live, so it stays live on the same connection).
    QTest::keySequence(&window, QKeySequence(u"Ctrl+R"_s));
    QCOMPARE(rig.simulator->clientCount(), 1);
    QTest::keySequence(&window, QKeySequence(u"Ctrl+Q"_s));
    QTRY_VERIFY(!window.isVisible());
}

void tst_MainWindow::openTradesFillsFromTheSnapshotAndUpdates()
{
    Rig rig(m_dir->path());
    QTableView *table = rig.open()->table();
    QTRY_COMPARE(table->model()->rowCount(),
                 int(rig.simulator->simulation().openPositions().size()));
    QVERIFY(table->model()->rowCount() >= 10);
    QCOMPARE(rig.window->statusText(), u"Live"_s);
    // Prices move: some cell of the Price column changes while we watch.
    const auto prices = [&] {
        QStringList list;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            list.append(table->model()->index(row, PositionsModel::PriceColumn).data().toString());
        return list;
    };
    const QStringList before = prices();
    QTRY_VERIFY(prices() != before);
    QVERIFY(!rig.open()->isBannerVisible());
}

void tst_MainWindow::closedTradesTabClosesTheFeedAndNothingReconnects()
{
    Rig rig(m_dir->path());
    QStringList received;
    connect(rig.simulator.get(), &FeedSimulator::clientMessageReceived, this,
            [&](const QString &type) { received.append(type); });
    QSignalSpy closed(rig.simulator.get(), &FeedSimulator::clientDisconnected);
    QSignalSpy connected(rig.simulator.get(), &FeedSimulator::clientConnected);
    QTRY_COMPARE(rig.simulator->subscribedCount(), 1);
    QCOMPARE(connected.count(), 1);

    rig.window->tabs()->setCurrentIndex(MainWindow::ClosedTradesTab);
    QTRY_COMPARE(closed.count(), 1);
    // The server heard Unsubscribe, then a close with code 1000.
    QCOMPARE(received.constLast(), u"Unsubscribe"_s);
    QCOMPARE(closed.at(0).at(0).toInt(), 1000);
    QCOMPARE(rig.window->statusText(), u"Paused"_s);
    QCOMPARE(rig.open()->bannerText(), u"Live feed paused"_s);
    // Several retry periods later nothing came back.
    QVERIFY(!connected.wait(10 * 80));
    QCOMPARE(rig.simulator->clientCount(), 0);
    QCOMPARE(rig.socket.state(), State::Idle);
}

void tst_MainWindow::backToOpenTradesResubscribes()
{
    Rig rig(m_dir->path());
    QSignalSpy subscribed(rig.simulator.get(), &FeedSimulator::clientSubscribed);
    QSignalSpy resets(&rig.book, &PositionBook::positionsReset);
    QTRY_COMPARE(subscribed.count(), 1);
    rig.window->tabs()->setCurrentIndex(MainWindow::ClosedTradesTab);
    QTRY_COMPARE(rig.socket.state(), State::Idle);
    rig.window->tabs()->setCurrentIndex(MainWindow::OpenTradesTab);
    QTRY_COMPARE(subscribed.count(), 2);
    QTRY_COMPARE(resets.count(), 2); // a fresh Snapshot
    QTRY_COMPARE(rig.window->statusText(), u"Live"_s);
    QCOMPARE(rig.simulator->clientCount(), 1);
}

void tst_MainWindow::startingOnClosedTradesNeverConnects()
{
    Rig rig(m_dir->path(), MainWindow::ClosedTradesTab);
    QSignalSpy connected(rig.simulator.get(), &FeedSimulator::clientConnected);
    QCOMPARE(rig.window->tabs()->currentIndex(), int(MainWindow::ClosedTradesTab));
    QVERIFY(!connected.wait(500));
    QCOMPARE(rig.window->statusText(), u"Paused"_s);
}

void tst_MainWindow::reconnectAfterRetriesRunOut()
{
    Rig rig(m_dir->path());
    QTRY_COMPARE(rig.socket.state(), State::Live);
    rig.simulator->pauseListening();
    rig.simulator->dropAll(1001, u"going away"_s);
    QTRY_COMPARE_WITH_TIMEOUT(rig.socket.state(), State::Failed, 10000);
    QTRY_VERIFY(rig.window->reconnectButton()->isVisible());
    QCOMPARE(rig.window->statusText(), u"Disconnected"_s);
    QVERIFY(rig.open()->isBannerVisible());
    QVERIFY2(rig.open()->bannerText().startsWith("Disconnected: Connection refused"_L1),
             qPrintable(rig.open()->bannerText()));
    savePng(rig.window.get(), u"mainwindow-disconnected.png"_s);

    QVERIFY(rig.simulator->resumeListening());
    QTest::mouseClick(rig.window->reconnectButton(), Qt::LeftButton);
    QTRY_COMPARE(rig.socket.state(), State::Live);
    QTRY_VERIFY(!rig.window->reconnectButton()->isVisible());
    QTRY_COMPARE(rig.window->statusText(), u"Live"_s);
    QTRY_VERIFY(!rig.open()->isBannerVisible());
}

void tst_MainWindow::statusTextFollowsEachState()
{
    Rig rig(m_dir->path());
    QStringList seen;
    connect(&rig.socket, &SocketManager::stateChanged, this,
            [&] { seen.append(rig.window->statusText()); });
    const auto isBeyond = [](const QString &s) {
        const QRegularExpressionMatch m =
            QRegularExpression(u"^Connecting \\(retry (\\d+)\\)$"_s).match(s);
        return m.hasMatch() && m.captured(1).toInt() > 5;
    };
    // Past the five retries it goes on until the give-up time has passed, and says so. The
    // give-up time is out of reach until that was seen, then over: a slow machine (the
    // sanitizers) cannot use it up within the five retries.
    SocketConfig config = rig.socket.config();
    config.giveUpAfter = 1h;
    rig.socket.setConfig(config);
    QTRY_COMPARE(rig.socket.state(), State::Live);
    rig.simulator->pauseListening();
    rig.simulator->dropAll(1001, u"going away"_s);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(seen.cbegin(), seen.cend(), isBeyond), 10000);
    config.giveUpAfter = 0ms;
    rig.socket.setConfig(config);
    QTRY_COMPARE_WITH_TIMEOUT(rig.socket.state(), State::Failed, 10000);
    rig.window->tabs()->setCurrentIndex(MainWindow::ClosedTradesTab);
    QCOMPARE(rig.window->statusText(), u"Paused"_s);
    rig.simulator->resumeListening();
    rig.window->tabs()->setCurrentIndex(MainWindow::OpenTradesTab);
    QTRY_COMPARE(rig.socket.state(), State::Live);

    QVERIFY2(seen.contains(u"Live"_s), qPrintable(seen.join(u" | ")));
    QVERIFY2(seen.contains(u"Connected, waiting for data"_s), qPrintable(seen.join(u" | ")));
    QVERIFY2(seen.contains(u"Connecting"_s), qPrintable(seen.join(u" | ")));
    QVERIFY2(seen.contains(u"Disconnected"_s), qPrintable(seen.join(u" | ")));
    QVERIFY2(seen.contains(u"Paused"_s), qPrintable(seen.join(u" | ")));
    QVERIFY2(seen.contains(u"Reconnecting"_s), qPrintable(seen.join(u" | ")));
    QVERIFY2(seen.contains(u"Connecting (retry 1)"_s), qPrintable(seen.join(u" | ")));
}

void tst_MainWindow::totalsMatchTheRowsShown_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addRow("All") << Mode::All;
    QTest::addRow("Following") << Mode::Following;
    QTest::addRow("Mine") << Mode::Mine;
}

void tst_MainWindow::totalsMatchTheRowsShown()
{
    QFETCH(Mode, mode);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Rig rig(m_dir->path());
    QTRY_VERIFY(rig.book.count() >= 10);
    rig.simulator->setSilent(true); // hold the numbers still while we add them up
    rig.open()->setMode(mode);
    QAbstractItemModel *shown = rig.open()->table()->model();
    // Ticks sent before the silence may still be on their way: the rows are added up again
    // on every try, until the footer and the rows it sums agree.
    const auto expectedFooter = [&] {
        const int count = shown->rowCount();
        double volume = 0;
        double profit = 0;
        for (int row = 0; row < count; ++row) {
            volume += shown->index(row, PositionsModel::VolumeColumn)
                          .data(PositionsModel::SortRole)
                          .toDouble();
            // Net of swap and commission, as the account bar counts it.
            for (const int column : {PositionsModel::ProfitColumn, PositionsModel::SwapColumn,
                                     PositionsModel::CommissionColumn})
                profit += shown->index(row, column).data(PositionsModel::SortRole).toDouble();
        }
        const int all = rig.book.count();
        const QString shownOf =
            mode == Mode::All ? u"%1 position%2"_s.arg(count).arg(count == 1 ? QString() : u"s"_s)
                              : u"%1 of %2 positions shown (%3)"_s.arg(count).arg(all).arg(
                                    mode == Mode::Mine ? u"Mine"_s : u"Following"_s);
        return u"%1 · %2 lots · Floating P/L %3%4"_s.arg(shownOf)
            .arg(QLocale().toString(volume, 'f', 2))
            .arg(profit > 0 ? u"+"_s : QString())
            .arg(QLocale().toString(profit, 'f', 2));
    };
    QVERIFY(shown->rowCount() > 0);
    QTRY_COMPARE(rig.open()->footerText(), expectedFooter());
}

void tst_MainWindow::staleNumbersAreGreyed()
{
    Rig rig(m_dir->path());
    QTRY_COMPARE(rig.socket.state(), State::Live);
    QTRY_VERIFY(rig.book.count() > 0);
    QVERIFY(!rig.open()->isBannerVisible());
    rig.window->tabs()->setCurrentIndex(MainWindow::ClosedTradesTab);
    // The rows stay for reference, but the page says they are not live.
    QVERIFY(rig.open()->table()->model()->rowCount() > 0);
    QVERIFY(rig.open()->isBannerVisible());
    const QImage image = rig.open()->table()->viewport()->grab().toImage();
    QVERIFY(!image.isNull());
}

void tst_MainWindow::roundTripAndDataAgeAreShown()
{
    Rig rig(m_dir->path());
    SocketConfig config = rig.socket.config();
    config.heartbeatInterval = 100ms;
    config.pongTimeout = 4s; // unanswered for 2 s: suspect; for 4 s: dead
    rig.socket.setConfig(config);
    FeedStatusBar *bar = rig.window->feedStatusBar();
    QTRY_VERIFY(QRegularExpression(u"^RTT \\d+ ms$"_s).match(bar->roundTripText()).hasMatch());
    QTRY_VERIFY(bar->ageText().startsWith("updated 0 s ago"_L1));
    QVERIFY(!bar->isAgeWarning());

    // No data, but the heartbeat is answered: quiet, not alarming, and the age is of the
    // data (the Pongs do not make it young again).
    rig.simulator->setMuted(true);
    QTRY_VERIFY_WITH_TIMEOUT(bar->ageText() == "updated 2 s ago"_L1, 5000);
    QVERIFY(!bar->isAgeWarning());
    QCOMPARE(rig.socket.state(), State::Live);

    // Pings unanswered too: the link is suspect while still "connected", and the age says so.
    rig.simulator->setSilent(true);
    QTRY_VERIFY_WITH_TIMEOUT(bar->isAgeWarning(), 5000);
    rig.simulator->setSilent(false);
    rig.simulator->setMuted(false);
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isAgeWarning() && bar->ageText() == "updated 0 s ago"_L1, 10000);

    // Paused: no age at all, let alone a red one.
    rig.window->tabs()->setCurrentIndex(MainWindow::ClosedTradesTab);
    QVERIFY(!bar->isAgeVisible());
    QVERIFY(!bar->isAgeWarning());
}

void tst_MainWindow::connectedWithoutDataIsNotLive()
{
    // The server accepts, answers pings, and sends nothing: amber words, a banner, grey rows.
    Rig rig(m_dir->path(), MainWindow::OpenTradesTab, 10260, /*muted=*/true);
    QTRY_COMPARE(rig.socket.state(), State::Open);
    QTRY_COMPARE(rig.window->statusText(), u"Connected, waiting for data"_s);
    QVERIFY(rig.open()->isBannerVisible());
    QVERIFY2(rig.open()->bannerText().contains("waiting for data"_L1),
             qPrintable(rig.open()->bannerText()));
    QVERIFY(rig.open()->isStale());
    rig.simulator->setMuted(false);
    // The snapshot timeout asks again; this time the data comes.
    QTRY_COMPARE_WITH_TIMEOUT(rig.window->statusText(), u"Live"_s, 10000);
    QTRY_VERIFY(!rig.open()->isBannerVisible());
    QVERIFY(!rig.open()->isStale());
}

void tst_MainWindow::aRefusalSaysWhatToCheckAndOpensSettings()
{
    // The simulator answers an unknown trader id with Error 404.
    Rig rig(m_dir->path(), MainWindow::OpenTradesTab, 99);
    QTRY_COMPARE(rig.socket.state(), State::Failed);
    QTRY_COMPARE(rig.window->statusText(), u"Refused"_s);
    OpenTradesPage *page = rig.open();
    QVERIFY(page->isBannerVisible());
    QVERIFY2(page->bannerText().contains("error 404 (unknown trader id 99)"_L1) &&
                 page->bannerText().contains("Check the trader id"_L1),
             qPrintable(page->bannerText()));
    QVERIFY(page->bannerSettingsButton()->isVisibleTo(page));
    QVERIFY(page->bannerReconnectButton()->isVisibleTo(page));
    // The status bar says it too, with the code and the server's words.
    QTRY_VERIFY2(rig.window->feedStatusBar()->eventText().contains("404"_L1),
                 qPrintable(rig.window->feedStatusBar()->eventText()));

    // The button opens Settings.
    bool opened = false;
    QTimer::singleShot(0, this, [&] {
        if (auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget())) {
            opened = true;
            dialog->reject();
        }
    });
    QTest::mouseClick(page->bannerSettingsButton(), Qt::LeftButton);
    QVERIFY(opened);
}

void tst_MainWindow::aServerErrorWhileLiveIsANoticeOverALiveTable()
{
    Rig rig(m_dir->path());
    QTRY_COMPARE(rig.window->statusText(), u"Live"_s);
    rig.session->handleMessage(R"({"Code":500,"type":"Error","msg":"margin service down"})");
    OpenTradesPage *page = rig.open();
    QTRY_VERIFY(page->isBannerVisible());
    QVERIFY2(page->bannerText().contains("error 500"_L1) &&
                 page->bannerText().contains("margin service down"_L1),
             qPrintable(page->bannerText()));
    QVERIFY(!page->isStale()); // the data is still live
    QCOMPARE(rig.window->statusText(), u"Live"_s);
    QVERIFY(page->bannerDismissButton()->isVisibleTo(page));
    QTest::mouseClick(page->bannerDismissButton(), Qt::LeftButton);
    QTRY_VERIFY(!page->isBannerVisible());
}

void tst_MainWindow::statusBarShowsEachEventForAFewSeconds()
{
    Rig rig(m_dir->path());
    FeedStatusBar *bar = rig.window->feedStatusBar();
    bar->setEventDuration(300ms);
    QTRY_COMPARE(rig.socket.state(), State::Live);
    QTRY_VERIFY(bar->eventText().isEmpty());
    // A drop: the status bar says so (the original client showed a toast for every retry).
    QStringList shown;
    connect(rig.window->connectionLog(), &ConnectionLog::eventAdded, this,
            [&] { shown.append(bar->eventText()); });
    QSignalSpy dropped(&rig.socket, &SocketManager::dropped);
    rig.simulator->dropAll(1001, u"going away"_s);
    QTRY_COMPARE(dropped.count(), 1);
    QTRY_COMPARE(rig.socket.state(), State::Live);
    QVERIFY2(shown.filter(u"Dropped: "_s).size() == 1, qPrintable(shown.join(u" | "_s)));
    QVERIFY2(shown.filter(u"(retry 1)"_s).size() == 1, qPrintable(shown.join(u" | "_s)));
    // ...for a few seconds only.
    QTRY_VERIFY(bar->eventText().isEmpty());
}

void tst_MainWindow::connectionLogOpensWithCtrlLAndCopies()
{
    Rig rig(m_dir->path());
    QTRY_COMPARE(rig.socket.state(), State::Live);
    QSignalSpy dropped(&rig.socket, &SocketManager::dropped);
    rig.simulator->dropAll(1001, u"going away"_s);
    QTRY_COMPARE(dropped.count(), 1);
    QTRY_COMPARE(rig.socket.state(), State::Live);
    rig.window->tabs()->setCurrentIndex(MainWindow::ClosedTradesTab);
    rig.window->tabs()->setCurrentIndex(MainWindow::OpenTradesTab);
    ConnectionLog *log = rig.window->connectionLog();
    QTRY_VERIFY(log->count() >= 8);
    QStringList events;
    for (int row = 0; row < log->count(); ++row)
        events.append(log->entry(row).text);
    const QString all = events.join(u" | "_s);
    for (const char *expected :
         {"Connecting to 127.0.0.1:", "Connected to", "Subscribed", "Snapshot with ",
          "Dropped: ", "(retry 1)", "Paused: ", "Resumed: "})
        QVERIFY2(all.contains(QLatin1String(expected)),
                 qPrintable(QLatin1String(expected) + u" in "_s + all));

    QApplication::setActiveWindow(rig.window.get());
    QVERIFY(QTest::qWaitForWindowActive(rig.window.get()));
    QTest::keySequence(rig.window.get(), QKeySequence(u"Ctrl+L"_s));
    auto *logWindow = rig.window->findChild<ConnectionLogWindow *>();
    QVERIFY(logWindow);
    QTRY_VERIFY(logWindow->isVisible());
    QCOMPARE(logWindow->table()->model()->rowCount(), log->count());
    logWindow->table()->selectRow(0);
    logWindow->table()->selectionModel()->select(logWindow->table()->model()->index(1, 0),
                                                 QItemSelectionModel::Select |
                                                     QItemSelectionModel::Rows);
    const QString copied = logWindow->copySelection();
    const QStringList lines = copied.split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(
        QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}  Connecting to"_s)
            .match(lines.at(0))
            .hasMatch(),
        qPrintable(copied));
    QCOMPARE(QGuiApplication::clipboard()->text(), copied);
    savePng(logWindow, u"connection-log.png"_s);
}

void tst_MainWindow::signalTraderSelectorFillsFromPositions()
{
    Rig rig(m_dir->path());
    QTRY_VERIFY(rig.book.count() > 0);
    QComboBox *box = rig.open()->signalTraderBox();
    QSet<qint64> traders;
    for (const Position &p : rig.book.positions()) {
        if (p.flwsig)
            traders.insert(p.sigtraderid);
    }
    QTRY_COMPARE(box->count(), traders.size() + 1);
    box->setCurrentIndex(1);
    const qint64 chosen = box->currentData().toLongLong();
    QAbstractItemModel *shown = rig.open()->table()->model();
    for (int row = 0; row < shown->rowCount(); ++row)
        QCOMPARE(shown->index(row, 0).data(PositionsModel::SignalTraderIdRole).toLongLong(),
                 chosen);
    // Under Mine the choice of a trader means nothing: it is off, and says why.
    QVERIFY(box->isEnabled());
    rig.open()->setMode(Mode::Mine);
    QVERIFY(!box->isEnabled());
    QCOMPARE(box->toolTip(), u"Your own positions copy no signal trader"_s);
    QVERIFY(!rig.open()->footerText().contains(box->currentText()));
    rig.open()->setMode(Mode::Following);
    QVERIFY(box->isEnabled());
    QVERIFY(rig.open()->footerText().contains(u"(Following · %1)"_s.arg(box->currentText())));
}

void tst_MainWindow::keyboardReachesEverythingAndCopiesRows()
{
    Rig rig(m_dir->path());
    MainWindow &window = *rig.window;
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTableView *table = rig.open()->table();
    QTRY_VERIFY(rig.book.count() > 0);
    // The table has the keyboard from the start.
    QCOMPARE(QApplication::focusWidget(), table);
    rig.simulator->setSilent(true); // hold the rows still while we copy them

    // Ctrl+A, Ctrl+C: every row, a header line of the columns shown, in their order.
    QHeaderView *header = table->horizontalHeader();
    header->setSectionHidden(PositionsModel::SwapColumn, true);
    header->moveSection(header->visualIndex(PositionsModel::ProfitColumn), 0);
    QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    const QStringList lines = QGuiApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), table->model()->rowCount() + 1);
    QVERIFY2(lines.at(0).startsWith(
                 u"Profit\tTicket\tOpen time (%1)\tSymbol"_s.arg(TradeText::timeZoneName())),
             qPrintable(lines.at(0)));
    QVERIFY(!lines.at(0).contains(u"Swap"_s));
    QCOMPARE(lines.at(1).split(u'\t').size(), PositionsModel::ColumnCount - 1);
    QCOMPARE(lines.at(1).split(u'\t').at(1), table->model()->index(0, 0).data().toString());

    // Tab leaves the table (no walk from cell to cell), and every filter control is on the chain.
    const QModelIndex current = table->currentIndex();
    QTest::keyClick(table, Qt::Key_Tab);
    QVERIFY(QApplication::focusWidget() != table);
    QCOMPARE(table->currentIndex(), current);
    FilterBar *filters = rig.open()->filterBar();
    QList<QWidget *> chain;
    for (QWidget *w = table->nextInFocusChain(); w != table; w = w->nextInFocusChain()) {
        if (w->isVisibleTo(&window) && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus))
            chain.append(w);
    }
    for (QWidget *wanted : {static_cast<QWidget *>(filters->modeButton(Mode::All)),
                            static_cast<QWidget *>(filters->modeButton(Mode::Following)),
                            static_cast<QWidget *>(filters->modeButton(Mode::Mine)),
                            static_cast<QWidget *>(filters->traderBox()),
                            static_cast<QWidget *>(filters->symbolBox()),
                            static_cast<QWidget *>(filters->searchBox())})
        QVERIFY2(chain.contains(wanted), wanted->metaObject()->className());
    QVERIFY(chain.indexOf(filters->modeButton(Mode::All)) < chain.indexOf(filters->searchBox()));
    // Focus can be seen where the keyboard is: on a filter button reached by Tab.
    filters->modeButton(Mode::Following)->setFocus(Qt::TabFocusReason);
    savePng(&window, u"mainwindow-focus.png"_s);

    // Mnemonics: Alt+M picks Mine.
    table->setFocus();
    QTest::keyClick(&window, Qt::Key_M, Qt::AltModifier);
    QTRY_COMPARE(rig.open()->proxy()->mode(),
                 Mode::Mine); // a button's mnemonic clicks a moment later

    // Ctrl+, opens Settings, whatever the platform binds to Preferences.
    QString opened;
    QTimer::singleShot(0, this, [&opened] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            opened = QString::fromLatin1(modal->metaObject()->className());
            modal->close();
        }
    });
    QTest::keySequence(&window, QKeySequence(u"Ctrl+,"_s));
    QCOMPARE(opened, u"SettingsDialog"_s);
}

void tst_MainWindow::mnemonicsClashWithNothing_data()
{
    QTest::addColumn<MainWindow::Tab>("tab");
    QTest::addRow("Open Trades") << MainWindow::OpenTradesTab;
    QTest::addRow("Closed Trades") << MainWindow::ClosedTradesTab;
}

void tst_MainWindow::mnemonicsClashWithNothing()
{
    QFETCH(MainWindow::Tab, tab);
    Rig rig(m_dir->path(), tab);
    QTRY_VERIFY(rig.book.count() > 0 || tab == MainWindow::ClosedTradesTab);
    // Every control with a mnemonic that can be seen, and the menus: each letter once.
    QHash<QChar, QString> taken;
    const auto take = [&taken](const QString &text) {
        const qsizetype at = text.indexOf(u'&');
        if (at < 0 || at + 1 >= text.size() || text.at(at + 1) == u'&')
            return;
        const QChar letter = text.at(at + 1).toLower();
        QVERIFY2(!taken.contains(letter), qPrintable(u"\"%1\" and \"%2\" both take Alt+%3"_s.arg(
                                              taken.value(letter), text, QString(letter))));
        taken.insert(letter, text);
    };
    for (QAction *menu : rig.window->menuBar()->actions())
        take(menu->text());
    QWidget *page = rig.window->tabs()->currentWidget();
    for (QAbstractButton *button : page->findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(rig.window.get()))
            take(button->text());
    }
    for (QLabel *label : page->findChildren<QLabel *>()) {
        if (label->buddy() && label->isVisibleTo(rig.window.get()))
            take(label->text());
    }
    QVERIFY(taken.size() >= 8);
}

void tst_MainWindow::rowMenusCopyAndFilter()
{
    Rig rig(m_dir->path());
    OpenTradesPage *page = rig.open();
    QTRY_VERIFY(rig.book.count() > 0);
    rig.simulator->setSilent(true);
    QAbstractItemModel *shown = page->table()->model();
    QModelIndex following;
    QModelIndex own;
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QModelIndex index = shown->index(row, PositionsModel::SymbolColumn);
        (index.data(PositionsModel::FollowingRole).toBool() ? following : own) = index;
    }
    QVERIFY(following.isValid() && own.isValid());
    const auto action = [](QMenu *menu, const char *name) {
        return menu->findChild<QAction *>(QLatin1String(name));
    };

    std::unique_ptr<QMenu> menu(page->rowMenu(own));
    QVERIFY(menu);
    QVERIFY(!action(menu.get(), "filterTrader")->isEnabled()); // an own position copies nobody
    action(menu.get(), "copyTicket")->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             own.siblingAtColumn(PositionsModel::TicketColumn).data().toString());

    // Filter by this signal trader, even from Mine: the trader's copies are under Following.
    const qint64 trader = following.data(PositionsModel::SignalTraderIdRole).toLongLong();
    const QString traderName =
        following.siblingAtColumn(PositionsModel::SignalColumn).data().toString();
    QVERIFY(!page->rowMenu(QModelIndex())); // no row, no menu
    const int followingRow = [&] {
        for (int row = 0; row < shown->rowCount(); ++row) {
            if (shown->index(row, 0).data(PositionsModel::SignalTraderIdRole).toLongLong() ==
                trader)
                return row;
        }
        return -1;
    }();
    QVERIFY(followingRow >= 0);
    menu.reset(page->rowMenu(shown->index(followingRow, 0)));
    page->setMode(Mode::Mine);
    QVERIFY(action(menu.get(), "filterTrader")->text().contains(traderName));
    action(menu.get(), "filterTrader")->trigger();
    QCOMPARE(page->proxy()->mode(), Mode::Following);
    QCOMPARE(page->proxy()->signalTraderId(), trader);
    QCOMPARE(page->signalTraderBox()->currentText(), traderName);
    QVERIFY(page->footerText().contains(traderName));

    // Filter by this symbol.
    const QModelIndex row = shown->index(0, PositionsModel::SymbolColumn);
    const QString symbol = row.data().toString();
    menu.reset(page->rowMenu(row));
    action(menu.get(), "filterSymbol")->trigger();
    QCOMPARE(page->proxy()->symbol(), symbol);
    for (int r = 0; r < shown->rowCount(); ++r)
        QCOMPARE(shown->index(r, PositionsModel::SymbolColumn).data().toString(), symbol);

    // The same menu on Closed Trades, and the column menu on its header.
    rig.window->tabs()->setCurrentIndex(MainWindow::ClosedTradesTab);
    ClosedTradesPage *closed = rig.window->closedTradesPage();
    closed->periodBox()->setCurrentIndex(closed->periodBox()->findText(u"All"_s));
    QTRY_VERIFY(closed->table()->model()->rowCount() > 0);
    const QModelIndex trade = closed->table()->model()->index(0, ClosedTradesModel::SymbolColumn);
    menu.reset(closed->rowMenu(trade));
    QVERIFY(menu);
    action(menu.get(), "filterSymbol")->trigger();
    QCOMPARE(closed->model()->filter().symbol, trade.data().toString());
    action(menu.get(), "copyTicket")->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             trade.siblingAtColumn(ClosedTradesModel::TicketColumn).data().toString());
    QCOMPARE(closed->table()->horizontalHeader()->contextMenuPolicy(), Qt::CustomContextMenu);
}

void tst_MainWindow::alertsFromTheWindowFollowSettings()
{
    Rig rig(m_dir->path());
    rig.window->alerts()->setBurstWindow(20ms);
    QTRY_COMPARE(rig.socket.state(), State::Live);
    QTRY_VERIFY(rig.book.count() > 0);
    // The Snapshot was no news; a close while watching is.
    QVERIFY(rig.notifier.notes.isEmpty());
    const Position oldest = rig.simulator->simulation().openPositions().constFirst();
    QVERIFY(rig.simulator->closeOldest());
    QTRY_VERIFY(!rig.notifier.notes.isEmpty());
    const Notification note = rig.notifier.notes.constLast();
    QVERIFY2(note.title.contains(u"closed %1"_s.arg(oldest.symbol)) ||
                 note.title.startsWith(u"Closed %1"_s.arg(oldest.symbol)) ||
                 note.kind == Notification::Kind::Summary,
             qPrintable(note.title));

    // Settings: alerts off for every position, the margin alarm at 300 %; saved and applied.
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->tabs()->setCurrentIndex(1);
        dialog->ownPositionsBox()->setChecked(false);
        dialog->signalPositionsBox()->setChecked(false);
        dialog->marginLevelPercentBox()->setValue(300);
        dialog->accept();
    });
    rig.window->editSettings();
    QCOMPARE(rig.window->alerts()->settings().marginLevelPercent, 300.0);
    QVERIFY(!rig.window->alerts()->settings().ownPositions);
    QCOMPARE(rig.appSettings.alertSettings().marginLevelPercent, 300.0);
    QCOMPARE(rig.appSettings.alertSettings().signalPositions, false);
    QTRY_COMPARE(rig.socket.state(), State::Live);
    const qsizetype before = rig.notifier.notes.size();
    const qint64 next = rig.simulator->simulation().openPositions().constFirst().ticket;
    QTRY_VERIFY(rig.book.rowOf(next) >= 0);
    QVERIFY(rig.simulator->closeOldest());
    QTRY_VERIFY(rig.book.rowOf(next) < 0);
    QVERIFY(!rig.window->alerts()->hasPending()); // nothing gathered: nothing will come
    for (qsizetype i = before; i < rig.notifier.notes.size(); ++i)
        QVERIFY2(rig.notifier.notes.at(i).kind == Notification::Kind::MarginLevel,
                 qPrintable(rig.notifier.notes.at(i).title));
}

void tst_MainWindow::groupingShowsSubtotalsAndIsRemembered()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    {
        Rig rig(m_dir->path());
        QTRY_VERIFY(rig.book.count() > 0);
        rig.simulator->setSilent(true); // hold the numbers still while we add them up
        OpenTradesPage *page = rig.open();
        QComboBox *grouping = page->groupingBox();
        grouping->setCurrentIndex(grouping->findText(u"Signal trader"_s));
        QAbstractItemModel *shown = page->table()->model();
        QCOMPARE(shown, static_cast<QAbstractItemModel *>(page->groups()));
        // The bold subtotals have room: no "…" in the money columns.
        for (const int column : {PositionsModel::VolumeColumn, PositionsModel::ProfitColumn}) {
            QVERIFY(page->table()->horizontalHeader()->sectionSize(column) >=
                    std::min(220, static_cast<QAbstractItemView *>(page->table())
                                      ->sizeHintForColumn(column)));
        }
        // Every group's subtotals are the sums of its rows; own positions are the last group.
        int groups = 0;
        QString lastKey;
        for (int row = 0; row < shown->rowCount();) {
            const QModelIndex group = shown->index(row, 0);
            QVERIFY(group.data(PositionsGroupModel::GroupRole).toBool());
            ++groups;
            lastKey = group.data(PositionsGroupModel::GroupKeyRole).toString();
            double lots = 0;
            double profit = 0;
            double net = 0;
            int count = 0;
            for (++row; row < shown->rowCount() &&
                        !shown->index(row, 0).data(PositionsGroupModel::GroupRole).toBool();
                 ++row) {
                ++count;
                lots += shown->index(row, PositionsModel::VolumeColumn)
                            .data(PositionsModel::SortRole)
                            .toDouble();
                profit += shown->index(row, PositionsModel::ProfitColumn)
                              .data(PositionsModel::SortRole)
                              .toDouble();
                for (const int cost : {PositionsModel::ProfitColumn, PositionsModel::SwapColumn,
                                       PositionsModel::CommissionColumn})
                    net += shown->index(row, cost).data(PositionsModel::SortRole).toDouble();
            }
            const auto s = page->groups()->subtotals(group);
            QCOMPARE(s.positions, count);
            QVERIFY(qAbs(s.lots - lots) < 1e-9);
            QVERIFY(qAbs(s.profit - profit) < 1e-9);
            // The group's figure in the Profit column is its net.
            QVERIFY(qAbs(s.net() - net) < 1e-9);
            QCOMPARE(
                shown->index(group.row(), PositionsModel::ProfitColumn).data().toString(),
                u"net %1"_s.arg((net > 0 ? u"+"_s : QString()) + QLocale().toString(net, 'f', 2)));
        }
        QVERIFY(groups >= 2);
        QCOMPARE(lastKey, u"own"_s);

        // Copying leaves the group rows out; the menu of a position row works as without.
        QTest::keyClick(page->table(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(page->table(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts).size(),
                 rig.book.count() + 1);
        std::unique_ptr<QMenu> menu(page->rowMenu(shown->index(1, 0)));
        QVERIFY(menu);
        QVERIFY(!page->rowMenu(shown->index(0, 0))); // a group row is no trade

        // A double-click folds a group; the fold and the grouping are remembered.
        const QModelIndex first = shown->index(0, 0);
        const QString folded = first.data(PositionsGroupModel::GroupKeyRole).toString();
        const int rows = shown->rowCount();
        const QPoint at = page->table()->visualRect(first).center();
        QTest::mousePress(page->table()->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseRelease(page->table()->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(page->table()->viewport(), Qt::LeftButton, {}, at);
        QVERIFY(shown->rowCount() < rows);
        QVERIFY(page->groups()->isCollapsed(folded));
        rig.window->close();
    }
    Rig again(m_dir->path());
    QCOMPARE(again.open()->groupingBox()->currentText(), u"Signal trader"_s);
    QCOMPARE(again.open()->table()->model(),
             static_cast<QAbstractItemModel *>(again.open()->groups()));
    QVERIFY(!again.open()->groups()->collapsedKeys().isEmpty());
    // None: the plain table again, the columns as they were.
    again.open()->groupingBox()->setCurrentIndex(0);
    QCOMPARE(again.open()->table()->model(),
             static_cast<QAbstractItemModel *>(again.open()->proxy()));
}

void tst_MainWindow::aboutNamesVersionLicenceQtAndNotices()
{
    Rig rig(m_dir->path());
    QPointer<AboutDialog> about = rig.window->showAbout();
    QVERIFY(about);
    const QString text = about->summary();
    QVERIFY2(text.contains(u"Trade Monitor %1\n"_s.arg(QStringLiteral(TRADE_MONITOR_VERSION))),
             qPrintable(text));
    QVERIFY(text.contains(u"Qt %1"_s.arg(QString::fromLatin1(qVersion()))));
    QVERIFY(
        text.contains(u"GNU General Public License, version 3 or (at your option) any later"_s));
    QVERIFY(text.contains(rig.history.fileStore()->path()));
    // The whole licence and the notices are there, from the files the repository ships.
    QCOMPARE(about->tabs()->count(), 3);
    QVERIFY(
        AboutDialog::licenceText().startsWith(u"                    GNU GENERAL PUBLIC LICENSE"_s));
    QVERIFY(AboutDialog::licenceText().contains(u"Version 3, 29 June 2007"_s));
    for (const char *name : {"simdjson", "Apache-2.0", "Qt Charts", "GPL-3.0-only", "LGPL-3.0"})
        QVERIFY2(AboutDialog::noticesText().contains(QLatin1String(name)), name);
    savePng(about, u"about.png"_s);
    about->close();
    QTRY_VERIFY(!about); // deleted on close
}

void tst_MainWindow::settingsShowWhatRunsAndSaveOnlyWhatChanged()
{
    const QString url = u"wss://feed.example.com:9443/positions?lang=en"_s;
    Rig rig(m_dir->path(), MainWindow::ClosedTradesTab, 10260, false, 15,
            {u"--url"_s, url, u"--heartbeat-ms"_s, u"5000"_s});
    rig.settingsFile.setValue(u"feed/pongTimeoutMs"_s, 4000);
    rig.settingsFile.setValue(u"feed/maxRetries"_s, 9);
    QString shownUrl;
    int shownHeartbeat = 0;
    bool urlEditable = true;
    bool heartbeatEditable = true;
    QString note;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        // What runs, marked where it comes from the command line.
        shownUrl = dialog->urlEdit()->text();
        urlEditable = dialog->urlEdit()->isEnabled();
        shownHeartbeat = dialog->numberBox(FeedSetting::Id::Heartbeat)->value();
        heartbeatEditable = dialog->numberBox(FeedSetting::Id::Heartbeat)->isEnabled();
        note = dialog->overridesText();
        QCOMPARE(dialog->numberBox(FeedSetting::Id::PongTimeout)->value(), 4000);
        QVERIFY(dialog->urlEdit()->width() >=
                dialog->urlEdit()->fontMetrics().horizontalAdvance(url));
        // One change by the user.
        dialog->numberBox(FeedSetting::Id::PongTimeout)->setValue(7000);
        dialog->accept();
    });
    QSignalSpy changed(rig.window.get(), &MainWindow::feedSettingsChanged);
    rig.window->editSettings();
    QCOMPARE(shownUrl, url);
    QVERIFY(!urlEditable);
    QCOMPARE(shownHeartbeat, 5000);
    QVERIFY(!heartbeatEditable);
    QVERIFY2(note.contains(u"the feed URL"_s) && note.contains(u"--heartbeat-ms"_s),
             qPrintable(note));
    // Saved: the one change; the command line's values are not, the rest stays as it was.
    rig.settingsFile.sync();
    QCOMPARE(rig.settingsFile.value(u"feed/pongTimeoutMs"_s).toInt(), 7000);
    QCOMPARE(rig.settingsFile.value(u"feed/maxRetries"_s).toInt(), 9);
    QCOMPARE(rig.settingsFile.value(u"feed/heartbeatMs"_s, 15000).toInt(), 15000);
    QVERIFY(rig.settingsFile.value(u"feed/url"_s).toString().isEmpty());
    QCOMPARE(changed.count(), 1);
}

void tst_MainWindow::filtersSayWhatTheyHide()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Rig rig(m_dir->path());
    OpenTradesPage *page = rig.open();
    QTRY_COMPARE(rig.socket.state(), State::Live);
    QTRY_VERIFY(rig.book.count() > 0);
    const int all = rig.book.count();
    QVERIFY(page->clearFiltersButton()->isHidden());
    QVERIFY(page->emptyText().isEmpty());

    // A symbol from the selector: "n of N shown", what filters, and a way back.
    QComboBox *symbols = page->filterBar()->symbolBox();
    const QString symbol = rig.book.at(0).symbol;
    symbols->setCurrentIndex(symbols->findText(symbol));
    int shown = 0;
    for (const Position &p : rig.book.positions())
        shown += p.symbol == symbol ? 1 : 0;
    QTRY_VERIFY(page->footerText().startsWith(
        u"%1 of %2 positions shown (%3) · "_s.arg(shown).arg(all).arg(symbol)));
    QCOMPARE(page->table()->model()->rowCount(), shown);
    QVERIFY(!page->clearFiltersButton()->isHidden());

    // Nothing matches: the table says so instead of looking like an empty account.
    page->searchBox()->setText(u"no such thing"_s);
    QCOMPARE(page->table()->model()->rowCount(), 0);
    QCOMPARE(page->emptyText(), u"No positions match the filters"_s);
    QVERIFY(page->footerText().startsWith(
        u"0 of %1 positions shown (%2 · “no such thing”)"_s.arg(all).arg(symbol)));

    QTest::mouseClick(page->clearFiltersButton(), Qt::LeftButton);
    QCOMPARE(page->table()->model()->rowCount(), all);
    QVERIFY(page->searchBox()->text().isEmpty());
    QCOMPARE(symbols->currentIndex(), 0);
    QVERIFY(page->footerText().startsWith(u"%1 positions · "_s.arg(all)));
    QVERIFY(page->clearFiltersButton()->isHidden());
    QVERIFY(page->emptyText().isEmpty());
}

void tst_MainWindow::narrowWindowKeepsTheProfitInView()
{
    Rig rig(m_dir->path());
    QTRY_VERIFY(rig.book.count() > 0);
    QTableView *table = rig.open()->table();
    QHeaderView *header = table->horizontalHeader();
    QVERIFY(!header->stretchLastSection());
    const auto profitInView = [&] {
        const int left = header->sectionViewportPosition(PositionsModel::ProfitColumn);
        return !header->isSectionHidden(PositionsModel::ProfitColumn) && left >= 0 &&
               left + header->sectionSize(PositionsModel::ProfitColumn) <=
                   table->viewport()->width();
    };
    // Wide: every column, none wider than a fitted column may be (no Signal across half
    // the window).
    rig.window->resize(1600, 700);
    QTRY_VERIFY(rig.open()->columnFit()->setAside().isEmpty());
    for (int column = 0; column < PositionsModel::ColumnCount; ++column) {
        QVERIFY(!header->isSectionHidden(column));
        QVERIFY2(header->sectionSize(column) <= 220, qPrintable(QString::number(column)));
    }
    QVERIFY(profitInView());

    // 800 px: costs and stops step aside, the profit stays in view, and the header says so;
    // the account's figures wrap rather than hold the window wider.
    QTRY_VERIFY(rig.open()->accountBar()->isShown(AccountBar::Field::Balance));
    rig.window->resize(800, 600);
    QTRY_VERIFY(profitInView());
    QCOMPARE(rig.window->width(), 800);
    // Set aside until the rest fits: no scrolling across (a column set aside reads 0 wide
    // while hidden, which once brought it straight back).
    QTRY_VERIFY2(header->length() <= table->viewport()->width(),
                 qPrintable(u"%1 > %2"_s.arg(header->length()).arg(table->viewport()->width())));
    QTRY_VERIFY(rig.open()->accountBar()->lineCount() >= 2);
    const QList<int> aside = rig.open()->columnFit()->setAside();
    QVERIFY(!aside.isEmpty());
    QCOMPARE(aside.constFirst(), int(PositionsModel::CommissionColumn));
    QVERIFY(!aside.contains(PositionsModel::SignalColumn));
    QVERIFY(header->toolTip().contains(u"Hidden to fit the window: Commission"_s));
    table->selectRow(1); // how a selected row's profit reads
    savePng(rig.window.get(), u"mainwindow-narrow.png"_s);
    // Chosen by hand, a column stays, whatever the width.
    rig.open()->columnFit()->setByUser(PositionsModel::CommissionColumn);
    header->setSectionHidden(PositionsModel::CommissionColumn, false);
    rig.window->resize(790, 600);
    QTRY_VERIFY(!rig.open()->columnFit()->setAside().contains(PositionsModel::CommissionColumn));
    QVERIFY(!header->isSectionHidden(PositionsModel::CommissionColumn));

    // Wide again: they come back; and what was set aside is not saved as hidden.
    rig.window->resize(1600, 700);
    QTRY_VERIFY(rig.open()->columnFit()->setAside().isEmpty());
    rig.window->resize(800, 600);
    QTRY_VERIFY(!rig.open()->columnFit()->setAside().isEmpty());
    rig.window->close();
    Rig again(m_dir->path());
    again.window->resize(1600, 700);
    QTRY_VERIFY(again.open()->columnFit()->setAside().isEmpty());
    for (int column = 0; column < PositionsModel::ColumnCount; ++column)
        QVERIFY(!again.open()->table()->horizontalHeader()->isSectionHidden(column));
}

void tst_MainWindow::anEmptyTableSaysWhy()
{
    // An account without positions, live: it says so.
    Rig rig(m_dir->path(), MainWindow::OpenTradesTab, 10260, false, 0);
    QCOMPARE(rig.open()->emptyText(), u"No positions from the feed yet"_s);
    QTRY_COMPARE(rig.socket.state(), State::Live);
    QTRY_COMPARE(rig.open()->emptyText(), u"No open positions"_s);
    // Not live, with nothing to show: no claim that the account is empty.
    rig.window->tabs()->setCurrentIndex(MainWindow::ClosedTradesTab);
    QTRY_COMPARE(rig.socket.state(), State::Idle);
    QTRY_COMPARE(rig.open()->emptyText(), u"No positions from the feed yet"_s);
}

void tst_MainWindow::closedTradesShowsHistoryAndExports()
{
    Rig rig(m_dir->path());
    ClosedTradesPage *page = rig.closedTradesOverAll();
    QVERIFY(page);
    QTRY_COMPARE(page->table()->model()->rowCount(), rig.stored());
    QVERIFY(page->footerText().startsWith(u"%1 trades · Gross profit"_s.arg(rig.stored())));
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

void tst_MainWindow::theChartsSayWhatIsThere()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    PerformanceCharts charts;
    charts.resize(500, 500);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    // Nothing: words, not axes of nothing.
    QVERIFY(charts.isEmptyShown());
    QVERIFY(charts.equityChart()->series().isEmpty());

    // Five trades over December and January: 50, -30, 40, -10, -60.
    const qint64 start = QDateTime(QDate(2024, 12, 28), QTime(10, 0)).toMSecsSinceEpoch();
    QList<ClosedTrade> trades;
    const double nets[] = {50, -30, 40, -10, -60};
    for (int i = 0; i < 5; ++i)
        trades.append(Fixtures::trade(R"({"symbol":"EURUSD"})",
                                      {{u"ticket"_s, 100 + i},
                                       {u"closeTime"_s, start + qint64(i) * 86'400'000},
                                       {u"profit"_s, nets[i]}}));
    charts.setTrades(trades);
    QVERIFY(!charts.isEmptyShown());
    // Across a year the dates carry it; within one they do not; within a day, the hours.
    const auto *time =
        qobject_cast<QDateTimeAxis *>(charts.equityChart()->axes(Qt::Horizontal).value(0));
    QVERIFY(time);
    QVERIFY2(time->format().contains(u"yy"_s), qPrintable(time->format()));
    QVERIFY(time->tickCount() <= 5);
    const qint64 november = QDateTime(QDate(2024, 11, 1), QTime(10, 0)).toMSecsSinceEpoch();
    QVERIFY(!PerformanceCharts::axisFormat(november, november + 10 * 86'400'000).contains(u'y'));
    QCOMPARE(PerformanceCharts::axisFormat(start, start + 3'600'000),
             QLocale().timeFormat(QLocale::ShortFormat));
    // The fall from the third trade's 60 to the fifth's -10, shaded.
    const std::optional<Performance::Drawdown> fall = charts.drawdown();
    QVERIFY(fall);
    QCOMPARE(fall->amount, 70.0);
    const auto *shade = qobject_cast<QAreaSeries *>(charts.equityChart()->series().value(0));
    QVERIFY(shade);
    QCOMPARE(qint64(shade->upperSeries()->at(0).x()), start + 2 * 86'400'000);
    QCOMPARE(qint64(shade->upperSeries()->at(1).x()), start + 4 * 86'400'000);
    QVERIFY(charts.equityChart()->title().contains(u"70.00"_s));
    // Two trades closed at one moment: one step of the curve, not a spike through a level the
    // balance never had.
    {
        QList<ClosedTrade> basket = trades;
        basket[1].closeTime = basket[0].closeTime;
        PerformanceCharts one;
        one.setTrades(basket);
        const auto *line = qobject_cast<QLineSeries *>(one.equityChart()->series().constLast());
        QVERIFY(line);
        QCOMPARE(line->count(), 4);
        QCOMPARE(line->at(0).y(), 20.0);
    }
    // Pointing at the curve names the trade.
    const QString tip = charts.curveToolTip(start + 86'400'000 + 1000);
    QVERIFY2(tip.contains(u"ticket 101"_s) && tip.contains(u"-30.00"_s) &&
                 tip.contains(u"+20.00"_s),
             qPrintable(tip));
    // A bar per day, every label different.
    QCOMPARE(charts.performance().bars().size(), 5);
    QStringList labels = charts.barLabels();
    labels.removeAll(QString());
    QVERIFY(!labels.isEmpty());
    QCOMPARE(QSet<QString>(labels.cbegin(), labels.cend()).size(), labels.size());

    // The exact drawdown, when the statistics give it, takes the curve's place.
    charts.setDrawdown(Performance::Drawdown{80.0, start, start + 4 * 86'400'000});
    QVERIFY(charts.equityChart()->title().contains(u"80.00"_s));
    charts.setTrades({});
    QVERIFY(charts.isEmptyShown());
    QVERIFY(!charts.drawdown());
}

void tst_MainWindow::statisticsPerSignalTraderFilterCopyAndExport()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Rig rig(m_dir->path());
    ClosedTradesPage *page = rig.closedTradesOverAll();
    QVERIFY(page);
    TraderStatisticsModel *statistics = page->statisticsModel();
    QAbstractItemModelTester tester(statistics,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int all = rig.stored();
    QTRY_COMPARE(page->table()->model()->rowCount(), all);
    QTRY_VERIFY(!statistics->isReading());
    // In view without a click: the total of every trade shown, last, and selected.
    QVERIFY(page->statisticsTable()->isVisibleTo(rig.window.get()));
    const int rows = statistics->rowCount();
    QVERIFY(rows >= 3); // the demo copies signal traders and trades on its own
    QTRY_COMPARE(statistics->index(rows - 1, TraderStatisticsModel::TradesColumn).data(),
                 QVariant(QLocale().toString(page->model()->totals().count)));
    QCOMPARE(statistics->index(rows - 1, 0).data().toString(), u"Total"_s);
    QCOMPARE(page->statisticsTable()->selectionModel()->selectedRows().value(0).row(), rows - 1);

    // A click on the first signal trader's row shows its trades only; every trader stays.
    const TraderStatistics::Row *first = statistics->rowAt(0);
    QCOMPARE(first->kind, TraderStatistics::Row::Kind::SignalTrader);
    const qint64 trader = first->signalTraderId;
    const int itsTrades = first->figures.trades;
    QVERIFY(!page->areStatisticsGreyed());
    // Another period: greyed until its own figures are read.
    QSignalSpy reading(statistics, &TraderStatisticsModel::readingChanged);
    page->periodBox()->setCurrentIndex(
        page->periodBox()->findData(int(ClosedTradesModel::Period::ThisWeek)));
    QTRY_VERIFY(reading.count() >= 1);
    QVERIFY(reading.at(0).at(0).toBool());
    QCOMPARE(page->areStatisticsGreyed(), statistics->isReading());
    QTRY_VERIFY(!statistics->isReading());
    QVERIFY(!page->areStatisticsGreyed());
    page->periodBox()->setCurrentIndex(page->periodBox()->findText(u"All"_s));
    QTRY_VERIFY(!page->model()->isReading() && !statistics->isReading());
    QCOMPARE(statistics->rowAt(0)->signalTraderId, trader);

    QTest::mouseClick(page->statisticsTable()->viewport(), Qt::LeftButton, {},
                      page->statisticsTable()->visualRect(statistics->index(0, 1)).center());
    QCOMPARE(page->filterBar()->filter().signalTraderId, trader);
    QTRY_COMPARE(page->model()->totals().count, itsTrades);
    QTRY_VERIFY(!statistics->isReading());
    QCOMPARE(statistics->rowCount(), rows);
    QCOMPARE(statistics->shownRow(), 0);
    QCOMPARE(page->statisticsTable()->selectionModel()->selectedRows().value(0).row(), 0);

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
    QTest::mouseClick(page->statisticsTable()->viewport(), Qt::LeftButton, {},
                      page->statisticsTable()->visualRect(statistics->index(rows - 1, 1)).center());
    QCOMPARE(page->filterBar()->filter().signalTraderId, 0);
    QTRY_COMPARE(page->model()->totals().count, page->model()->totals().of);

    // Filters changed while the trades are written: the statistics beside them would be of
    // another selection, so they are not written, and the trader is told.
    {
        QSignalSpy failed(page, &ClosedTradesPage::exportFailed);
        QSignalSpy done(page, &ClosedTradesPage::exported);
        QVERIFY(page->exportTo(m_dir->filePath(u"changed.csv"_s)));
        PositionFilter mine = page->filterBar()->filter();
        mine.mode = PositionFilter::Mode::Mine;
        mine.signalTraderId = 0;
        page->filterBar()->setFilter(mine);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(done.count(), 1); // the trades themselves are written
        QCOMPARE(failed.at(0).at(0).toString(), m_dir->filePath(u"changed-statistics.csv"_s));
        QVERIFY2(failed.at(0).at(1).toString().contains("filters changed"_L1),
                 qPrintable(failed.at(0).at(1).toString()));
        QVERIFY(!QFile::exists(m_dir->filePath(u"changed-statistics.csv"_s)));
    }
}

void tst_MainWindow::closedTradesFilterAndChartWhatIsShown()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Rig rig(m_dir->path());
    ClosedTradesPage *page = rig.closedTradesOverAll();
    QVERIFY(page);
    const int all = rig.stored();
    QTRY_COMPARE(page->table()->model()->rowCount(), all);
    QCOMPARE(page->charts()->performance().curve.size(), all);
    QVERIFY(page->clearFiltersButton()->isHidden());

    // Mine, then one symbol: the table, the footer and both charts show the same trades.
    page->filterBar()->modeButton(Mode::Mine)->click();
    QComboBox *symbols = page->filterBar()->symbolBox();
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
    const Performance &performance = page->charts()->performance();
    QCOMPARE(performance.curve.size(), expected.size());
    QVERIFY(qAbs(performance.total - net) < 1e-6);
    QCOMPARE(performance.days.size(), days.size());
    // The charts hold what the model says: one point per trade, one bar per day.
    // The curve is drawn last, over the drawdown's shade.
    const auto *curve =
        qobject_cast<QLineSeries *>(page->charts()->equityChart()->series().constLast());
    QVERIFY(curve);
    QSet<qint64> moments; // trades closed at one moment are one step of the curve
    for (const ClosedTrade &t : std::as_const(expected))
        moments.insert(t.closeTime);
    QCOMPARE(curve->count(), moments.size());
    QVERIFY(qAbs(curve->at(curve->count() - 1).y() - net) < 1e-6);
    const auto *bars =
        qobject_cast<QAbstractBarSeries *>(page->charts()->dailyChart()->series().at(0));
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
    const QString footer = page->footerText();
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

    QTest::mouseClick(page->clearFiltersButton(), Qt::LeftButton);
    QTRY_COMPARE(shown->rowCount(), all);
    QCOMPARE(page->charts()->performance().curve.size(), all);
}

void tst_MainWindow::quittingClosesTheFeedCleanly()
{
    Rig rig(m_dir->path());
    QStringList received;
    connect(rig.simulator.get(), &FeedSimulator::clientMessageReceived, this,
            [&](const QString &type) { received.append(type); });
    QSignalSpy closed(rig.simulator.get(), &FeedSimulator::clientDisconnected);
    QTRY_COMPARE(rig.simulator->subscribedCount(), 1);
    rig.window->close();
    QTRY_COMPARE(closed.count(), 1);
    QCOMPARE(received.constLast(), u"Unsubscribe"_s);
    QCOMPARE(closed.at(0).at(0).toInt(), 1000);
}

void tst_MainWindow::filterSortAndColumnsAreRemembered()
{
    {
        Rig rig(m_dir->path());
        QTRY_VERIFY(rig.book.count() > 0);
        rig.open()->setMode(Mode::Mine);
        rig.open()->searchBox()->setText(u"USD"_s);
        QComboBox *symbols = rig.open()->filterBar()->symbolBox();
        symbols->setCurrentIndex(symbols->findText(u"EURUSD"_s));
        QCOMPARE(rig.open()->proxy()->symbol(), u"EURUSD"_s);
        QHeaderView *header = rig.open()->table()->horizontalHeader();
        header->setSectionHidden(PositionsModel::SwapColumn, true);
        header->moveSection(PositionsModel::SymbolColumn, 0);
        rig.open()->table()->sortByColumn(PositionsModel::ProfitColumn, Qt::DescendingOrder);
        rig.window->closedTradesPage()->filterBar()->searchBox()->setText(u"EUR"_s);
        rig.window->resize(900, 500);
        rig.window->close();
    }
    // Start on Closed Trades: no data yet, but the restored filters are plain to see. The
    // search is not among them: text typed last week would empty the table for no reason the
    // trader can see.
    Rig again(m_dir->path(), MainWindow::ClosedTradesTab);
    QCOMPARE(again.open()->proxy()->mode(), Mode::Mine);
    QCOMPARE(again.open()->searchBox()->text(), QString());
    QCOMPARE(again.open()->proxy()->symbol(), u"EURUSD"_s);
    QCOMPARE(again.open()->filterBar()->symbolBox()->currentText(), u"EURUSD"_s);
    QVERIFY(again.open()->filterBar()->modeButton(Mode::Mine)->isChecked());
    QVERIFY2(again.open()->footerText().startsWith(u"0 of 0 positions shown (Mine · EURUSD)"_s),
             qPrintable(again.open()->footerText()));
    QCOMPARE(again.window->closedTradesPage()->filterBar()->searchBox()->text(), QString());
    QVERIFY(!again.open()->clearFiltersButton()->isHidden());
    QHeaderView *header = again.open()->table()->horizontalHeader();
    QVERIFY(header->isSectionHidden(PositionsModel::SwapColumn));
    QCOMPARE(header->visualIndex(PositionsModel::SymbolColumn), 0);
    QVERIFY(again.open()->proxy()->isUserSorted());
    QCOMPARE(again.open()->proxy()->sortColumn(), int(PositionsModel::ProfitColumn));
    QCOMPARE(again.window->size(), QSize(900, 500));
}

void tst_MainWindow::theChartsSplitterIsRememberedOnceLaidOut()
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
        Rig rig(m_dir->path());
        rig.window->resize(1280, 800);
        rig.window->close();
    }
    QList<int> chosen;
    QList<int> chosenHeights;
    {
        Rig again(m_dir->path(), MainWindow::ClosedTradesTab);
        again.window->resize(1280, 800);
        QSplitter *splitter = again.window->closedTradesPage()->splitter();
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
        QSplitter *vertical = again.window->closedTradesPage()->statisticsSplitter();
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
        Rig openTradesOnly(m_dir->path());
        openTradesOnly.window->resize(1280, 800);
        openTradesOnly.window->close();
    }
    {
        Rig third(m_dir->path(), MainWindow::ClosedTradesTab);
        third.window->resize(1280, 800);
        QSplitter *splitter = third.window->closedTradesPage()->splitter();
        QTRY_COMPARE(splitter->sizes(), chosen);
        QTRY_COMPARE(third.window->closedTradesPage()->statisticsSplitter()->sizes(),
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
    Rig fourth(m_dir->path(), MainWindow::ClosedTradesTab);
    fourth.window->resize(1280, 800);
    ClosedTradesPage *page = fourth.window->closedTradesPage();
    QTRY_VERIFY(page->splitter()->sizes().value(0) > 0);
    const QList<int> sizes = page->splitter()->sizes();
    QVERIFY2(sizes.at(0) > sizes.at(1) && sizes.at(1) > 0 && sizes.at(0) + sizes.at(1) < 1280,
             qPrintable(u"table %1, charts %2"_s.arg(sizes.at(0)).arg(sizes.at(1))));
    // The statistics take their rows' height, the trades the rest.
    const QList<int> heights = page->statisticsSplitter()->sizes();
    QVERIFY2(heights.at(0) > heights.at(1) && heights.at(1) > 0,
             qPrintable(u"trades %1, statistics %2"_s.arg(heights.at(0)).arg(heights.at(1))));
}

void tst_MainWindow::demoFeedIsNamed()
{
    AccountSession account;
    SocketManager &socket = *account.socket();
    FeedSource &source = *account.source();
    PositionBook &book = *account.book();
    TradeHistory &history = *account.history();
    SocketConfig config = FeedProfile::native().configFor(QUrl(), 10260); // no URL: the demo feed
    QVERIFY(source.apply(config));
    QVERIFY(source.isDemo());
    QVERIFY(history.open(m_dir->filePath(u"demo-test.sqlite"_s)));
    history.setAccount(source.account());
    MainWindow window(&account, services());
    window.show();
    QTRY_COMPARE(socket.state(), State::Live);
    QTRY_VERIFY(book.count() > 0);
    QCOMPARE(source.description(), u"Demo feed"_s);
    QVERIFY(window.feedStatusBar()->findChildren<QLabel *>().count() > 0);
    bool named = false;
    for (const QLabel *label : window.feedStatusBar()->findChildren<QLabel *>())
        named = named || label->text().startsWith("Demo feed"_L1);
    QVERIFY(named);
}

void tst_MainWindow::closedTradesBelongToAnAccount()
{
    Rig rig(m_dir->path());
    QTRY_VERIFY(rig.stored() >= 50);
    // Another account's trades in the same file, one of them with a ticket of this feed's.
    const Account other = Account::of(QUrl(u"wss://other.example.com/feed"_s), 777);
    ClosedTrade foreign = rig.history.store()->trades(rig.history.account()).at(0);
    foreign.position.profit = 123456.0;
    QVERIFY(rig.history.fileStore()->record(other, {foreign}));
    rig.window->tabs()->setCurrentIndex(MainWindow::ClosedTradesTab);
    ClosedTradesPage *page = rig.window->closedTradesPage();
    page->periodBox()->setCurrentIndex(page->periodBox()->findText(u"All"_s));
    QTRY_COMPARE(page->accountBox()->count(), 2);
    QCOMPARE(page->accountBox()->itemText(0),
             rig.history.account().displayName() + u" (this feed)"_s);
    QCOMPARE(page->accountBox()->itemText(1), u"777 @ other.example.com"_s);
    QTRY_COMPARE(page->table()->model()->rowCount(), rig.stored());
    QVERIFY(!page->footerText().contains("123,456"_L1));
    page->accountBox()->setCurrentIndex(1);
    QTRY_COMPARE(page->table()->model()->rowCount(), 1);
    QVERIFY2(page->footerText().contains("123,456.00"_L1), qPrintable(page->footerText()));
    page->accountBox()->setCurrentIndex(0);
    QTRY_COMPARE(page->table()->model()->rowCount(), rig.stored());
}

void tst_MainWindow::unconfirmedClosesAreMarked()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Rig rig(m_dir->path());
    ClosedTradesPage *page = rig.closedTradesOverAll();
    QVERIFY(page);
    ClosedTrade vanished = rig.history.store()->trades(rig.history.account()).at(0);
    vanished.position.ticket = 999999;
    vanished.reason = ClosedTrade::Reason::Unknown;
    rig.history.record({vanished});
    QTRY_VERIFY2(page->footerText().contains("(incl. 1 unconfirmed)"_L1),
                 qPrintable(page->footerText()));
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
    QTRY_VERIFY(!page->footerText().contains("unconfirmed"_L1));
}

void tst_MainWindow::unsavedTradesAreShownAndQuittingWarns()
{
    ClosedTradeStore unusable; // never opened, and no spool: the trades are in memory only
    AccountSession account(&unusable);
    TradeHistory &history = *account.history();
    history.setAccount(Account::of(QUrl(u"wss://feed.example.com/p"_s), 10260));
    history.record({closedNow(5), closedNow(6)});
    MainWindow window(&account, services(), MainWindow::ClosedTradesTab);
    window.show();
    QVERIFY2(window.unsavedText().startsWith("2 closed trades not saved yet: "_L1),
             qPrintable(window.unsavedText()));
    ClosedTradesPage *page = window.closedTradesPage();
    QVERIFY(page->isNoticeVisible());
    QVERIFY2(page->noticeText().contains("2 closed trades not saved yet"_L1) &&
                 page->noticeText().contains("would be lost"_L1) &&
                 page->noticeText().contains("kept in memory only"_L1),
             qPrintable(page->noticeText()));

    // Quitting asks first; Cancel keeps the window.
    QString asked;
    cancelTheNextMessageBox(&asked);
    QVERIFY(!window.close());
    QVERIFY2(asked.contains("2 closed trades could not be saved"_L1), qPrintable(asked));
    QVERIFY(window.isVisible());
    // Once they are safe (the history can be written again), quitting asks nothing.
    QVERIFY(unusable.open(m_dir->filePath(u"later.sqlite"_s)));
    QVERIFY(window.close());
    QCOMPARE(unusable.count(), 2);
}

void tst_MainWindow::aHistoryFileThatIsNotOursIsSaidAndKeptInMemory_data()
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

void tst_MainWindow::aHistoryFileThatIsNotOursIsSaidAndKeptInMemory()
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
    ClosedTradesPage *page = window.closedTradesPage();
    QVERIFY(page->isNoticeVisible());
    for (const QString &words : std::as_const(said))
        QVERIFY2(page->noticeText().contains(words), qPrintable(page->noticeText()));
    QVERIFY2(page->noticeText().contains(QDir::toNativeSeparators(foreign)),
             qPrintable(page->noticeText()));
    QTRY_COMPARE(page->table()->model()->rowCount(), 1);
    // A flat curve (one trade at 0.00): the axis steps by 0.2 and says so, not "0 0 0 1 1 1".
    const auto *axis =
        qobject_cast<QValueAxis *>(page->charts()->equityChart()->axes(Qt::Vertical).value(0));
    QVERIFY(axis);
    QCOMPARE(axis->labelFormat(), u"%.1f"_s);
    window.resize(1280, 560);
    savePng(&window,
            u"closed-trades-foreign-file-%1.png"_s.arg(QLatin1String(QTest::currentDataTag())));
}

void tst_MainWindow::theSystemsQuitAsksNothing_data()
{
    QTest::addColumn<bool>("sessionEnd"); // else a signal
    QTest::addRow("SIGTERM") << false;
    QTest::addRow("the desktop session ends") << true;
}

void tst_MainWindow::theSystemsQuitAsksNothing()
{
    // Trades that would be lost make File → Quit ask (unsavedTradesAreShownAndQuittingWarns);
    // a logout or a SIGTERM cannot wait for an answer, and still closes the feed properly.
    QFETCH(bool, sessionEnd);
    TestFeedServer server;
    QVERIFY(server.listen());
    ClosedTradeStore unusable;
    AccountSession account(&unusable);
    SocketManager &socket = *account.socket();
    socket.setConfig(FeedProfile::native().configFor(server.url(), 10260));
    TradeHistory &history = *account.history();
    history.setAccount(Account::of(QUrl(u"wss://feed.example.com/p"_s), 10260));
    history.record({closedNow(5)});
    MainWindow window(&account, services(), MainWindow::OpenTradesTab);
    window.show();
    socket.open();
    QTRY_VERIFY(server.countFrames(0, u"Subscribe"_s) > 0);
    QString asked;
    cancelTheNextMessageBox(&asked);
    if (sessionEnd) {
        window.endOfSession();
        QVERIFY(window.close());
    } else {
        window.quitUnasked(u"SIGTERM"_s);
    }
    QVERIFY(!window.isVisible());
    QVERIFY2(asked.isEmpty(), qPrintable(asked));
    QTRY_VERIFY(server.connection(0).closed);
    QCOMPARE(server.connection(0).closeCode, 1000);
    QCOMPARE(server.countFrames(0, u"Unsubscribe"_s), 1);
}

void tst_MainWindow::aLongReasonEndsInAnEllipsisAndIsWholeInItsTooltip()
{
    // A server that refuses with a long close reason: the status bar has room for part of
    // it. What is shown ends in "…" after a whole word; the tooltip has it all.
    const QString reason = u"subscription refused: this account is not entitled to the "
                           "real-time positions feed; contact your broker's support desk"_s;
    TestFeedServer server;
    server.setMode(TestFeedServer::Mode::DropOnConnect);
    server.setDropCloseCode(4003);
    server.setDropReason(reason);
    QVERIFY(server.listen());
    AccountSession account;
    SocketManager &socket = *account.socket();
    socket.setConfig(FeedProfile::native().configFor(server.url(), 10260));
    FeedStatusBar bar(account.status(), &socket);
    bar.resize(520, bar.sizeHint().height());
    bar.show();
    socket.open();
    QTRY_COMPARE(socket.state(), State::Failed);
    QTRY_VERIFY(bar.eventText().contains(reason));
    const QString shown = bar.shownEventText();
    QVERIFY2(shown.endsWith(QChar(0x2026)) && shown.size() < bar.eventText().size(),
             qPrintable(shown));
    // Cut after a whole word of the full text.
    const QString kept = shown.chopped(1);
    QVERIFY2(bar.eventText().startsWith(kept) && bar.eventText().at(kept.size()).isSpace(),
             qPrintable(shown));
    const auto *label = bar.findChild<ElidedLabel *>();
    QVERIFY(label);
    QCOMPARE(label->toolTip(), bar.eventText());
    savePng(&bar, u"statusbar-long-reason.png"_s);
    // Wide enough, it is whole.
    bar.resize(4000, bar.height());
    QTRY_COMPARE(bar.shownEventText(), bar.eventText());
}

void tst_MainWindow::aCorrectionThatWaitsIsShownAndQuittingSaysSo()
{
    FailingStore store;
    AccountSession account(&store);
    TradeHistory &history = *account.history();
    QVERIFY(history.open(m_dir->filePath(u"corrections.sqlite"_s)));
    history.setAccount(Account::of(QUrl(u"wss://feed.example.com/p"_s), 10260));
    ClosedTrade vanished;
    vanished.position.ticket = 5;
    vanished.position.symbol = u"EURUSD"_s;
    vanished.closeTime = QDateTime::currentMSecsSinceEpoch();
    vanished.reason = ClosedTrade::Reason::Unknown;
    history.record({vanished});
    store.failingWithdrawals = true;
    history.withdrawProvisional({5}); // open after all, and the file refuses the correction
    MainWindow window(&account, services(), MainWindow::ClosedTradesTab);
    window.show();
    QVERIFY2(window.unsavedText().startsWith(
                 "1 position thought closed while the feed was away turned out open"_L1),
             qPrintable(window.unsavedText()));
    QVERIFY2(window.closedTradesPage()->noticeText().contains("database is locked"_L1),
             qPrintable(window.closedTradesPage()->noticeText()));

    QString asked;
    cancelTheNextMessageBox(&asked);
    QVERIFY(!window.close());
    QVERIFY2(asked.contains("turned out open"_L1) && asked.contains("If you quit now"_L1),
             qPrintable(asked));
    // Corrected at last: quitting asks nothing, and the false close is gone.
    store.failingWithdrawals = false;
    QVERIFY(window.close());
    QCOMPARE(store.count(), 0);
}

void tst_MainWindow::exportNamesTheFileAndSaysWhereItWent()
{
    Rig rig(m_dir->path());
    QTRY_VERIFY(rig.stored() >= 50);
    rig.window->tabs()->setCurrentIndex(MainWindow::ClosedTradesTab);
    ClosedTradesPage *page = rig.window->closedTradesPage();
    const QString month = QDate::currentDate().toString(u"yyyy-MM"_s);
    QCOMPARE(page->suggestedFileName(), u"trades-10260-127.0.0.1-%1.csv"_s.arg(month));
    page->periodBox()->setCurrentIndex(page->periodBox()->findText(u"All"_s));
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
    QVERIFY2(rig.window->feedStatusBar()->eventText().contains(QDir::toNativeSeparators(path)),
             qPrintable(rig.window->feedStatusBar()->eventText()));
    QVERIFY2(rig.window->feedStatusBar()->eventText().startsWith(
                 u"Exported %1 closed trades"_s.arg(trades)),
             qPrintable(rig.window->feedStatusBar()->eventText()));
    // Without the byte-order mark when asked.
    page->byteOrderMarkBox()->setChecked(false);
    QVERIFY(exportAndWait(page, path, &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("ticket,"));
}

void tst_MainWindow::tabRuleInEveryProfile_data()
{
    QTest::addColumn<QString>("profileName");
    QTest::addRow("native") << u"native"_s;
    QTest::addRow("seed") << u"seed"_s;
    QTest::addRow("a profile file") << QStringLiteral(TM_TEST_DATA "/profile-renamed.json");
}

void tst_MainWindow::tabRuleInEveryProfile()
{
    // Leaving Open Trades sends the profile's "stop pushing" message, then closes with 1000;
    // coming back sends its subscription first. Exactly the profile's payloads.
    QFETCH(QString, profileName);
    QString error;
    const std::optional<FeedProfile> profile = FeedProfile::load(profileName, &error);
    QVERIFY2(profile, qPrintable(error));
    TestFeedServer server;
    QVERIFY(server.listen());
    SocketConfig config = FeedProfile::native().configFor(server.url(), 10260, u"tok"_s);
    profile->applyTo(config);
    AccountSession account;
    SocketManager &socket = *account.socket();
    socket.setConfig(config);
    account.feed()->setProfile(*profile);
    MainWindow window(&account, services());
    window.show();
    QTRY_COMPARE(server.connectionCount(), 1);
    QTRY_VERIFY(!server.connection(0).frames.isEmpty());
    QCOMPARE(server.connection(0).frames.constFirst(), config.subscribePayload);

    QSignalSpy accepted(&server, &TestFeedServer::tcpConnectionAccepted);
    window.tabs()->setCurrentIndex(MainWindow::ClosedTradesTab);
    QTRY_VERIFY(server.connection(0).closed);
    QCOMPARE(server.connection(0).frames.constLast(), config.unsubscribePayload);
    QCOMPARE(server.connection(0).closeCode, 1000);
    QVERIFY(!accepted.wait(500)); // a deliberate close: nothing reconnects

    window.tabs()->setCurrentIndex(MainWindow::OpenTradesTab);
    QTRY_COMPARE(server.connectionCount(), 2);
    QTRY_VERIFY(!server.connection(1).frames.isEmpty());
    QCOMPARE(server.connection(1).frames.constFirst(), config.subscribePayload);
}

void tst_MainWindow::rendersToPng()
{
    Rig rig(m_dir->path());
    QTRY_VERIFY(rig.book.count() > 0);
    QTRY_VERIFY(rig.stored() >= 50);
    QTRY_VERIFY(rig.open()->accountBar()->isShown(AccountBar::Field::Balance));
    rig.window->resize(1280, 680);
    // Grouped by signal trader, with one row selected: what copy trading looks like.
    rig.open()->setGrouping(PositionsGroupModel::Grouping::SignalTrader);
    rig.open()->table()->selectRow(2);
    settle(rig);
    if (QTest::currentTestFailed())
        return;
    savePng(rig.window.get(), u"mainwindow-open.png"_s);
    rig.open()->setGrouping(PositionsGroupModel::Grouping::None);
    rig.window->tabs()->setCurrentIndex(MainWindow::ClosedTradesTab);
    QTRY_COMPARE(rig.socket.state(), State::Idle);
    // The history is read off the GUI thread: the picture is of what it shows once read.
    const ClosedTradesModel *closed = rig.window->closedTradesPage()->model();
    QTRY_VERIFY(!closed->isReading() && closed->rowCount() > 0);
    QVERIFY(!rig.window->closedTradesPage()->footerText().contains(u"Reading"_s));
    savePng(rig.window.get(), u"mainwindow-closed.png"_s);
    rig.window->tabs()->setCurrentIndex(MainWindow::OpenTradesTab);
    rig.simulator->pauseListening();
    rig.simulator->dropAll(1001, u"going away"_s);
    QTRY_COMPARE_WITH_TIMEOUT(rig.socket.state(), State::Failed, 10000);
    savePng(rig.window.get(), u"mainwindow-disconnected.png"_s);
}

void tst_MainWindow::speaksChineseWhenAsked()
{
    // What a trader with a Chinese system (or the Language setting) sees: ours and Qt's own.
    const Speaking speaking(QLocale(QLocale::Chinese, QLocale::China));
    const QStringList &loaded = speaking.loaded;
    QVERIFY2(loaded.filter(u"trade-monitor_zh_CN"_s).size() == 1, qPrintable(loaded.join(u' ')));
    QVERIFY2(loaded.filter(u"qtbase_zh_CN"_s).size() == 1, qPrintable(loaded.join(u' ')));
    Rig rig(m_dir->path());
    QTRY_VERIFY(rig.book.count() > 0);
    QTRY_VERIFY(rig.open()->accountBar()->isShown(AccountBar::Field::Balance));
    QCOMPARE(rig.window->tabs()->tabText(0), u"持仓"_s);
    // The title in Chinese too, with the name once.
    MainWindow::useDisplayName();
    const auto noDisplayName =
        qScopeGuard([] { QGuiApplication::setApplicationDisplayName(QString()); });
    QCOMPARE(QGuiApplication::applicationDisplayName(), u"交易监控"_s);
    QVERIFY2(rig.window->windowTitle().endsWith(u" — 交易监控"_s) &&
                 rig.window->windowTitle().count(u"交易监控"_s) == 1,
             qPrintable(rig.window->windowTitle()));
    QCOMPARE(rig.window->tabs()->tabText(1), u"已平仓"_s);
    QCOMPARE(
        rig.open()->model()->headerData(PositionsModel::ProfitColumn, Qt::Horizontal).toString(),
        u"盈亏"_s);
    QVERIFY(rig.open()->footerText().contains(u"浮动盈亏"_s));
    QVERIFY(rig.open()->accountBar()->text().startsWith(u"余额："_s));
    QVERIFY(rig.window->statusText().contains(u"实时"_s));
    // Qt's own words too: a standard button.
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), u"取消"_s);
    rig.window->resize(1280, 680);
    rig.open()->setGrouping(PositionsGroupModel::Grouping::SignalTrader);
    settle(rig);
    if (QTest::currentTestFailed())
        return;
    savePng(rig.window.get(), u"mainwindow-open-zh.png"_s);
}

void tst_MainWindow::closedTradesFitsCommonScreens_data()
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

void tst_MainWindow::closedTradesFitsCommonScreens()
{
    // A trader on a laptop (1280x800) or a desktop (1920x1080), in English or in Chinese: the
    // money columns of the trades and every column of the statistics are in view without
    // scrolling, and nothing is cut to "…" while there is room. The pictures are the README's.
    QFETCH(QLocale, locale);
    QFETCH(QSize, size);
    const Speaking speaking(locale);
    Rig rig(m_dir->path());
    QTRY_VERIFY(rig.stored() >= 50);
    rig.window->resize(size);
    rig.window->tabs()->setCurrentIndex(MainWindow::ClosedTradesTab);
    ClosedTradesPage *page = rig.window->closedTradesPage();
    page->periodBox()->setCurrentIndex(
        page->periodBox()->findData(int(ClosedTradesModel::Period::All)));
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
    QTableView *statistics = page->statisticsTable();
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

void tst_MainWindow::theBannerSaysWhyWhatFollowsAndWhenItGivesUp_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("follows");
    QTest::addColumn<QString>("countdown");
    QTest::addColumn<QString>("png");
    QTest::addRow("English") << QLocale(QLocale::English, QLocale::UnitedStates)
                             << u"Reconnecting"_s << u"Reconnecting: retry 1 follows."_s
                             << u"Gives up in 1 min if the feed is not back."_s
                             << u"mainwindow-reconnecting.png"_s;
    QTest::addRow("Chinese") << QLocale(QLocale::Chinese, QLocale::China) << u"正在重连"_s
                             << u"正在重连：即将进行第 1 次重试。"_s
                             << u"如果数据源仍未恢复，1 分钟后放弃。"_s
                             << u"mainwindow-reconnecting-zh.png"_s;
}

void tst_MainWindow::theBannerSaysWhyWhatFollowsAndWhenItGivesUp()
{
    // The server goes away: the banner says why, what comes next and the one countdown, in the
    // window's language; the status bar beside it says the state and the event, nothing that
    // contradicts them.
    QFETCH(QLocale, locale);
    QFETCH(QString, state);
    QFETCH(QString, follows);
    QFETCH(QString, countdown);
    QFETCH(QString, png);
    const Speaking speaking(locale);
    Rig rig(m_dir->path());
    QTRY_COMPARE(rig.socket.state(), State::Live);
    SocketConfig config = rig.socket.config();
    config.reconnectMin = config.reconnectMax = 1h; // held in Reconnecting while we look
    config.giveUpAfter = 60s;
    rig.socket.setConfig(config);
    rig.simulator->pauseListening();
    rig.simulator->dropAll(1001, u"going away"_s);
    QTRY_COMPARE(rig.socket.state(), State::Reconnecting);
    QTRY_COMPARE(rig.window->statusText(), state);
    const QString banner = rig.open()->bannerText();
    QVERIFY2(banner.contains(u"1001"_s) && banner.contains(follows), qPrintable(banner));
    // Whole seconds rounded up: a minute, or 59 s on a slow machine.
    QVERIFY2(banner.endsWith(countdown) || banner.contains(u"59"_s), qPrintable(banner));
    rig.window->resize(1100, 520);
    settle(rig);
    savePng(rig.window.get(), png);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"

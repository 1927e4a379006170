// SPDX-License-Identifier: GPL-3.0-or-later
// The README's pictures, rendered from the real window against the demo's simulator, under
// the names the README uses, into screenshots/ beside the test (scripts/screenshots copies
// them to docs/). Each picture is taken only once what it shows has settled: the figures add
// up, the history is read, the feed is in the state the caption names.
#include "accountbar.h"
#include "accountsoverview.h"
#include "closedtradespage.h"
#include "connectionlogwindow.h"
#include "feedbanner.h"
#include "models/closedtradesmodel.h"
#include "models/positionsgroupmodel.h"
#include "models/traderstatisticsmodel.h"
#include "opentradespage.h"
#include "protocol/feedprofile.h"
#include "settingsdialog.h"
#include "windowtest.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using State = SocketManager::State;

class tst_Screenshots : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void openTrades_data();
    void openTrades();
    void openTradesAtTwiceTheScale();
    void allAccounts_data();
    void allAccounts();
    void closedTrades_data();
    void closedTrades();
    void closedAllAccounts_data();
    void closedAllAccounts();
    void disconnected();
    void settingsFeed();
    void settingsAccounts();
    void settingsAlerts();
    void connectionLog();

private:
    // Saved under screenshots/, the README's name.
    void save(QWidget *widget, const QString &name);
    // Open Trades grouped by signal trader, one row selected, every figure caught up: what copy
    // trading looks like. False if it never got there.
    static bool showCopyTrading(WindowRig &rig);
};

namespace {

const QLocale kEnglish(QLocale::English, QLocale::UnitedStates);
const QLocale kChinese(QLocale::Chinese, QLocale::China);

} // namespace

void tst_Screenshots::save(QWidget *widget, const QString &name)
{
    const QDir here(QCoreApplication::applicationDirPath());
    QVERIFY(here.mkpath(u"screenshots"_s));
    savePng(widget, u"screenshots/"_s + name);
}

void tst_Screenshots::openTrades_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("name");
    QTest::addColumn<ColorScheme>("colours"); // Settings → Display
    QTest::addRow("en") << kEnglish << u"open-trades.png"_s << ColorScheme::System;
    QTest::addRow("zh") << kChinese << u"open-trades-zh.png"_s << ColorScheme::System;
    QTest::addRow("light") << kEnglish << u"open-trades-light.png"_s << ColorScheme::Light;
    QTest::addRow("dark") << kEnglish << u"open-trades-dark.png"_s << ColorScheme::Dark;
}

bool tst_Screenshots::showCopyTrading(WindowRig &rig)
{
    [&] {
        QTRY_VERIFY(rig.book.count() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(rig.stored() >= 50, kHistoryWait);
        QTRY_VERIFY(rig.open()->accountBar()->isShown(AccountBar::Field::Balance));
    }();
    if (QTest::currentTestFailed())
        return false;
    rig.window->resize(1280, 680);
    rig.open()->setGrouping(PositionsGroupModel::Grouping::SignalTrader);
    rig.open()->table()->selectRow(2);
    settle(rig);
    return !QTest::currentTestFailed();
}

void tst_Screenshots::openTrades()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, name);
    QFETCH(ColorScheme, colours);
    const Speaking speaking(locale);
    WindowRig rig(m_dir->path());
    rig.theme.setChoice(colours);
    if (!showCopyTrading(rig))
        return;
    QCOMPARE(rig.socket.state(), State::Live);
    save(rig.window.get(), name);
}

void tst_Screenshots::openTradesAtTwiceTheScale()
{
    // At 200 % (QT_SCALE_FACTOR=2, as a 4K screen is set): every pixel drawn at that scale.
    if (!qFuzzyCompare(qApp->devicePixelRatio(), 2.0))
        QSKIP("at 200 % only: ctest runs it as tst_screenshots_200, with QT_SCALE_FACTOR=2");
    WindowRig rig(m_dir->path());
    if (!showCopyTrading(rig))
        return;
    QCOMPARE(rig.window->grab().size(), QSize(2560, 1360)); // twice as many pixels each way
    save(rig.window.get(), u"open-trades-200.png"_s);
}

void tst_Screenshots::allAccounts_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("name");
    QTest::addRow("en") << kEnglish << u"all-accounts.png"_s;
    QTest::addRow("zh") << kChinese << u"all-accounts-zh.png"_s;
}

void tst_Screenshots::allAccounts()
{
    // Three accounts in one window, all of them shown, grouped by account.
    QFETCH(QLocale, locale);
    QFETCH(QString, name);
    const Speaking speaking(locale);
    AccountsRig rig(m_dir->path(), {{u"Main"_s, {}}, {u"Prop firm"_s, {}}, {u"Follower"_s, {}}});
    QTRY_COMPARE(rig.accounts.liveCount(), 3);
    for (int i = 0; i < 3; ++i)
        QTRY_VERIFY(rig.session(i)->book()->figures().has_value());
    rig.window->resize(1280, 720);
    rig.open()->setGrouping(PositionsGroupModel::Grouping::Account);
    rig.open()->table()->selectRow(2);
    // Held still, every figure caught up with its book.
    for (const auto &simulator : rig.simulators)
        simulator->setSilent(true);
    const auto net = [&] {
        double sum = 0.0;
        for (int i = 0; i < 3; ++i) {
            for (const Position &p : rig.session(i)->book()->positions())
                sum += p.net();
        }
        return QLocale().toString(sum, 'f', 2);
    };
    QTRY_VERIFY2(totalsText(rig.open()).endsWith(net()), qPrintable(totalsText(rig.open())));
    rig.open()->accountsOverview()->refresh();
    QVERIFY(rig.open()->accountsOverview()->lineText(-1).contains(u"USD"_s));
    QCOMPARE(rig.accounts.liveCount(), 3);
    save(rig.window.get(), name);
}

void tst_Screenshots::closedTrades_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QSize>("size");
    QTest::addRow("1280x800-en") << kEnglish << QSize(1280, 800);
    QTest::addRow("1920x1080-en") << kEnglish << QSize(1920, 1080);
    QTest::addRow("1280x800-zh") << kChinese << QSize(1280, 800);
    QTest::addRow("1920x1080-zh") << kChinese << QSize(1920, 1080);
}

void tst_Screenshots::closedTrades()
{
    // Over the demo's whole history, with its statistics per signal trader, once both are read
    // off the GUI thread.
    QFETCH(QLocale, locale);
    QFETCH(QSize, size);
    const Speaking speaking(locale);
    WindowRig rig(m_dir->path());
    rig.window->resize(size);
    ClosedTradesPage *page = rig.closedTradesOverAll();
    QVERIFY(page);
    QTRY_COMPARE(rig.socket.state(), State::Idle);
    QTRY_VERIFY(!page->model()->isReading() && page->model()->rowCount() > 0);
    QTRY_VERIFY(!page->statisticsModel()->isReading() && page->statisticsModel()->rowCount() >= 3);
    QVERIFY(!totalsText(page).contains(u"Reading"_s));
    save(rig.window.get(), u"closed-trades-%1.png"_s.arg(QLatin1String(QTest::currentDataTag())));
}

void tst_Screenshots::closedAllAccounts_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("name");
    QTest::addRow("en") << kEnglish << u"closed-all-accounts.png"_s;
    QTest::addRow("zh") << kChinese << u"closed-all-accounts-zh.png"_s;
}

void tst_Screenshots::closedAllAccounts()
{
    // Three accounts' histories together, with the statistics per signal trader across them:
    // the three keep dollars, so their money adds up.
    QFETCH(QLocale, locale);
    QFETCH(QString, name);
    const Speaking speaking(locale);
    AccountsRig rig(m_dir->path(), {{u"Main"_s, {}}, {u"Prop firm"_s, {}}, {u"Follower"_s, {}}});
    for (int i = 0; i < 3; ++i) {
        TradeHistory *history = rig.session(i)->history();
        QTRY_VERIFY_WITH_TIMEOUT(history->store()->count(history->account()) >= 50, kHistoryWait);
        QTRY_VERIFY(history->store()->currencies().contains(history->account().key()));
    }
    rig.window->resize(1280, 800);
    named<QTabWidget>(rig.window.get(), u"tabs"_s)->setCurrentIndex(MainWindow::ClosedTradesTab);
    auto *page = named<ClosedTradesPage>(rig.window.get(), u"closedTradesPage"_s);
    QVERIFY(page->showsAllAccounts());
    auto *period = named<QComboBox>(page, u"period"_s);
    period->setCurrentIndex(period->findData(int(ClosedTradesModel::Period::All)));
    QTRY_VERIFY(!page->model()->isReading() && page->model()->rowCount() >= 150);
    QTRY_VERIFY(!page->statisticsModel()->isReading() && page->statisticsModel()->rowCount() >= 3);
    QCOMPARE(page->moneyWithheld(), QString());
    QVERIFY(!totalsText(page).contains(u"Reading"_s));
    save(rig.window.get(), name);
}

void tst_Screenshots::disconnected()
{
    // The server gone for good: the banner says so and offers Reconnect; the numbers are grey.
    WindowRig rig(m_dir->path());
    QTRY_VERIFY(rig.book.count() > 0);
    QTRY_VERIFY(rig.open()->accountBar()->isShown(AccountBar::Field::Balance));
    rig.window->resize(1280, 680);
    settle(rig);
    rig.simulator->pauseListening();
    rig.simulator->dropAll(1001, u"going away"_s);
    QTRY_COMPARE_WITH_TIMEOUT(rig.socket.state(), State::Failed, 10000);
    QVERIFY(!banner(rig.open())->isHidden());
    QVERIFY(rig.open()->isStale());
    save(rig.window.get(), u"disconnected.png"_s);
}

void tst_Screenshots::settingsFeed()
{
    // The feed's settings after Test Connection against the demo's simulator.
    WindowRig rig(m_dir->path());
    QTRY_COMPARE(rig.socket.state(), State::Live);
    SettingsDialog dialog(FeedProfile::native().configFor(rig.simulator->url(), 10260));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(named<QPushButton>(&dialog, u"testConnection"_s), Qt::LeftButton);
    auto *answer = named<QLabel>(&dialog, u"testResult"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(answer->text().startsWith(u"Connected and subscribed"_s),
                              qPrintable(answer->text()), 20000);
    dialog.resize(dialog.sizeHint());
    save(&dialog, u"settings-feed.png"_s);
}

void tst_Screenshots::settingsAccounts()
{
    // Settings → Accounts with three accounts, the second one chosen.
    SettingsDialog dialog(FeedProfile::native().configFor(QUrl(), 10260));
    dialog.setAccounts(
        {{u"Main"_s, QUrl(u"wss://feed.example.com/positions"_s), 10260, QString()},
         {u"Prop firm"_s, QUrl(u"wss://prop.example.net/ws"_s), 88120, u"seed"_s},
         {u"Follower"_s, QUrl(u"wss://feed.example.com/positions"_s), 10311, QString()}},
        {u"token"_s, u"token"_s, QString()});
    named<QTabWidget>(&dialog, u"tabs"_s)->setCurrentIndex(1);
    named<QListWidget>(&dialog, u"accountsList"_s)->setCurrentRow(1);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.problem().isEmpty());
    dialog.resize(dialog.sizeHint());
    save(&dialog, u"settings-accounts.png"_s);
}

void tst_Screenshots::settingsAlerts()
{
    SettingsDialog dialog(
        FeedProfile::native().configFor(QUrl(u"wss://feed.example.com/p"_s), 321));
    dialog.setAlertSettings(AlertSettings());
    auto *tabs = dialog.findChild<QTabWidget *>();
    QVERIFY(tabs);
    tabs->setCurrentIndex(1);
    dialog.resize(dialog.sizeHint());
    save(&dialog, u"settings-alerts.png"_s);
}

void tst_Screenshots::connectionLog()
{
    // A session's story: connected, a drop and the retry that brought it back.
    WindowRig rig(m_dir->path());
    QTRY_COMPARE(rig.socket.state(), State::Live);
    rig.simulator->dropAll(1001, u"going away"_s);
    QTRY_VERIFY(rig.account.log()->count() >= 6);
    QTRY_COMPARE(rig.socket.state(), State::Live);
    ConnectionLogWindow *log = rig.window->showConnectionLog();
    QTRY_VERIFY(log->isVisible());
    save(log, u"connection-log.png"_s);
}

QTEST_MAIN(tst_Screenshots)
#include "tst_screenshots.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The banner over Open Trades: hidden while live, why the numbers are not live otherwise, a notice
// over a live table, and what helps.
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

class tst_FeedBanner : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    // The widget alone.
    void hiddenWhileLiveAndQuiet();
    void notLiveSaysWhyAndOffersWhatHelps_data();
    void notLiveSaysWhyAndOffersWhatHelps();
    void aNoticeOverLiveDataCanBeDismissed();
    // In the window.
    void connectedWithoutDataIsNotLive();
    void aRefusalSaysWhatToCheckAndOpensSettings();
    void aServerErrorWhileLiveIsANoticeOverALiveTable();
    void theBannerSaysWhyWhatFollowsAndWhenItGivesUp_data();
    void theBannerSaysWhyWhatFollowsAndWhenItGivesUp();
};

namespace {

FeedStatus status(FeedStatus::Level level, const QString &detail, bool reconnect = false,
                  bool settings = false)
{
    FeedStatus status;
    status.level = level;
    status.text = detail.section(u':', 0, 0);
    status.detail = detail;
    status.offerReconnect = reconnect;
    status.offerSettings = settings;
    return status;
}

QPushButton *button(FeedBanner &banner, const char *name)
{
    return banner.findChild<QPushButton *>(QLatin1String(name));
}

} // namespace

void tst_FeedBanner::hiddenWhileLiveAndQuiet()
{
    QWidget page;
    FeedBanner banner(&page);
    page.show();
    QVERIFY(banner.isHidden()); // nothing said before the first status
    banner.setStatus(status(FeedStatus::Level::Down, u"Disconnected: refused"_s));
    QVERIFY(!banner.isHidden());
    banner.setStatus(status(FeedStatus::Level::Live, u"Live"_s));
    QVERIFY(banner.isHidden());
}

void tst_FeedBanner::notLiveSaysWhyAndOffersWhatHelps_data()
{
    QTest::addColumn<FeedStatus::Level>("level");
    QTest::addColumn<bool>("reconnect");
    QTest::addColumn<bool>("settings");
    QTest::addRow("connecting") << FeedStatus::Level::Busy << false << false;
    QTest::addRow("paused") << FeedStatus::Level::Paused << true << false;
    QTest::addRow("given up") << FeedStatus::Level::Down << true << false;
    QTest::addRow("refused for good") << FeedStatus::Level::Down << true << true;
}

void tst_FeedBanner::notLiveSaysWhyAndOffersWhatHelps()
{
    QFETCH(FeedStatus::Level, level);
    QFETCH(bool, reconnect);
    QFETCH(bool, settings);
    QWidget page;
    FeedBanner banner(&page);
    page.show();
    const QString why = u"Disconnected: error 404 (unknown trader id 99). Check the trader id."_s;
    banner.setStatus(status(level, why, reconnect, settings));
    QVERIFY(banner.isVisible());
    QCOMPARE(banner.text(), why);
    QCOMPARE(banner.findChild<QLabel *>(u"bannerText"_s)->text(), why);
    QCOMPARE(button(banner, "reconnect")->isVisible(), reconnect);
    QCOMPARE(button(banner, "openSettings")->isVisible(), settings);
    QVERIFY(!button(banner, "dismiss")->isVisible()); // the state passes; it is not dismissed
    QSignalSpy reconnectAsked(&banner, &FeedBanner::reconnectRequested);
    QSignalSpy settingsAsked(&banner, &FeedBanner::settingsRequested);
    if (reconnect)
        QTest::mouseClick(button(banner, "reconnect"), Qt::LeftButton);
    if (settings)
        QTest::mouseClick(button(banner, "openSettings"), Qt::LeftButton);
    QCOMPARE(reconnectAsked.count(), reconnect ? 1 : 0);
    QCOMPARE(settingsAsked.count(), settings ? 1 : 0);
}

void tst_FeedBanner::aNoticeOverLiveDataCanBeDismissed()
{
    QWidget page;
    FeedBanner banner(&page);
    page.show();
    FeedStatus live = status(FeedStatus::Level::Live, u"Live"_s);
    live.notice = u"The server reports error 500: margin service down"_s;
    banner.setStatus(live);
    QVERIFY(banner.isVisible());
    QCOMPARE(banner.text(), live.notice);
    QVERIFY(button(banner, "dismiss")->isVisible());
    QVERIFY(!button(banner, "reconnect")->isVisible());
    QSignalSpy dismissed(&banner, &FeedBanner::dismissed);
    QTest::mouseClick(button(banner, "dismiss"), Qt::LeftButton);
    QCOMPARE(dismissed.count(), 1);
    // Whoever owns the notice clears it; the banner follows.
    live.notice.clear();
    banner.setStatus(live);
    QVERIFY(banner.isHidden());
}

void tst_FeedBanner::connectedWithoutDataIsNotLive()
{
    // The server accepts, answers pings, and sends nothing: amber words, a banner, grey rows.
    WindowRig rig(m_dir->path(), MainWindow::OpenTradesTab, 10260, /*muted=*/true);
    QTRY_COMPARE(rig.socket.state(), State::Open);
    QTRY_COMPARE(named<QLabel>(rig.window.get(), u"state"_s)->text(),
                 u"Connected, waiting for data"_s);
    QVERIFY(!banner(rig.open())->isHidden());
    QVERIFY2(banner(rig.open())->text().contains("waiting for data"_L1),
             qPrintable(banner(rig.open())->text()));
    QVERIFY(rig.open()->isStale());
    rig.simulator->setMuted(false);
    // The snapshot timeout asks again; this time the data comes.
    QTRY_COMPARE_WITH_TIMEOUT(named<QLabel>(rig.window.get(), u"state"_s)->text(), u"Live"_s,
                              10000);
    QTRY_VERIFY(banner(rig.open())->isHidden());
    QVERIFY(!rig.open()->isStale());
}

void tst_FeedBanner::aRefusalSaysWhatToCheckAndOpensSettings()
{
    // The simulator answers an unknown trader id with Error 404.
    WindowRig rig(m_dir->path(), MainWindow::OpenTradesTab, 99);
    QTRY_COMPARE(rig.socket.state(), State::Failed);
    QTRY_COMPARE(named<QLabel>(rig.window.get(), u"state"_s)->text(), u"Refused"_s);
    OpenTradesPage *page = rig.open();
    QVERIFY(!banner(page)->isHidden());
    QVERIFY2(banner(page)->text().contains("error 404 (unknown trader id 99)"_L1) &&
                 banner(page)->text().contains("Check the trader id"_L1),
             qPrintable(banner(page)->text()));
    QVERIFY(bannerButton(page, "openSettings")->isVisibleTo(page));
    QVERIFY(bannerButton(page, "reconnect")->isVisibleTo(page));
    // The status bar says it too, with the code and the server's words.
    QTRY_VERIFY2(
        named<ElidedLabel>(named<FeedStatusBar>(rig.window.get(), u"feedStatusBar"_s), u"event"_s)
            ->fullText()
            .contains("404"_L1),
        qPrintable(named<ElidedLabel>(named<FeedStatusBar>(rig.window.get(), u"feedStatusBar"_s),
                                      u"event"_s)
                       ->fullText()));

    // The button opens Settings.
    bool opened = false;
    QTimer::singleShot(0, this, [&] {
        if (auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget())) {
            opened = true;
            dialog->reject();
        }
    });
    QTest::mouseClick(bannerButton(page, "openSettings"), Qt::LeftButton);
    QVERIFY(opened);
}

void tst_FeedBanner::aServerErrorWhileLiveIsANoticeOverALiveTable()
{
    WindowRig rig(m_dir->path());
    QTRY_COMPARE(named<QLabel>(rig.window.get(), u"state"_s)->text(), u"Live"_s);
    rig.session->handleMessage(R"({"Code":500,"type":"Error","msg":"margin service down"})");
    OpenTradesPage *page = rig.open();
    QTRY_VERIFY(!banner(page)->isHidden());
    QVERIFY2(banner(page)->text().contains("error 500"_L1) &&
                 banner(page)->text().contains("margin service down"_L1),
             qPrintable(banner(page)->text()));
    QVERIFY(!page->isStale()); // the data is still live
    QCOMPARE(named<QLabel>(rig.window.get(), u"state"_s)->text(), u"Live"_s);
    QVERIFY(bannerButton(page, "dismiss")->isVisibleTo(page));
    QTest::mouseClick(bannerButton(page, "dismiss"), Qt::LeftButton);
    QTRY_VERIFY(banner(page)->isHidden());
}

void tst_FeedBanner::theBannerSaysWhyWhatFollowsAndWhenItGivesUp_data()
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

void tst_FeedBanner::theBannerSaysWhyWhatFollowsAndWhenItGivesUp()
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
    WindowRig rig(m_dir->path());
    QTRY_COMPARE(rig.socket.state(), State::Live);
    SocketConfig config = rig.socket.config();
    config.reconnectMin = config.reconnectMax = 1h; // held in Reconnecting while we look
    config.giveUpAfter = 60s;
    rig.socket.setConfig(config);
    rig.simulator->pauseListening();
    rig.simulator->dropAll(1001, u"going away"_s);
    QTRY_COMPARE(rig.socket.state(), State::Reconnecting);
    QTRY_COMPARE(named<QLabel>(rig.window.get(), u"state"_s)->text(), state);
    const QString says = banner(rig.open())->text();
    QVERIFY2(says.contains(u"1001"_s) && says.contains(follows), qPrintable(says));
    // Whole seconds rounded up: a minute, or 59 s on a slow machine.
    QVERIFY2(says.endsWith(countdown) || says.contains(u"59"_s), qPrintable(says));
    rig.window->resize(1100, 520);
    settle(rig);
    savePng(rig.window.get(), png);
}

QTEST_MAIN(tst_FeedBanner)
#include "tst_feedbanner.moc"

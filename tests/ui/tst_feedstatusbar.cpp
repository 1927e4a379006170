// SPDX-License-Identifier: GPL-3.0-or-later
// The status bar: the feed state in words, the round trip and the data age, each event for a few
// seconds, and a long reason cut after a whole word.
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

class tst_FeedStatusBar : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    // A long reason's label alone.
    void aLongTextEndsAtAWordAndIsWholeInTheTooltip();
    // In the window.
    void statusTextFollowsEachState();
    void roundTripAndDataAgeAreShown();
    void statusBarShowsEachEventForAFewSeconds();
    void aLongReasonEndsInAnEllipsisAndIsWholeInItsTooltip();
    void demoFeedIsNamed();
};

void tst_FeedStatusBar::aLongTextEndsAtAWordAndIsWholeInTheTooltip()
{
    const QString reason = u"subscription refused: this account is not entitled to the "
                           "real-time positions feed"_s;
    ElidedLabel label;
    label.setText(reason);
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    label.resize(label.fontMetrics().horizontalAdvance(reason) / 2, label.sizeHint().height());
    QVERIFY(label.isElided());
    const QString shown = label.text();
    QVERIFY2(shown.endsWith(QChar(0x2026)), qPrintable(shown));
    const QString kept = shown.chopped(1);
    QVERIFY2(reason.startsWith(kept) && reason.at(kept.size()) == u' ', qPrintable(shown));
    QCOMPARE(label.toolTip(), reason);
    QCOMPARE(label.fullText(), reason);
    // Room again: all of it.
    label.resize(label.fontMetrics().horizontalAdvance(reason) + 20, label.height());
    QVERIFY(!label.isElided());
    QCOMPARE(label.text(), reason);
}

void tst_FeedStatusBar::statusTextFollowsEachState()
{
    WindowRig rig(m_dir->path());
    QStringList seen;
    connect(&rig.socket, &SocketManager::stateChanged, this,
            [&] { seen.append(named<QLabel>(rig.window.get(), u"state"_s)->text()); });
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
    named<QTabWidget>(rig.window.get(), u"tabs"_s)->setCurrentIndex(MainWindow::ClosedTradesTab);
    QCOMPARE(named<QLabel>(rig.window.get(), u"state"_s)->text(), u"Paused"_s);
    rig.simulator->resumeListening();
    named<QTabWidget>(rig.window.get(), u"tabs"_s)->setCurrentIndex(MainWindow::OpenTradesTab);
    QTRY_COMPARE(rig.socket.state(), State::Live);

    QVERIFY2(seen.contains(u"Live"_s), qPrintable(seen.join(u" | ")));
    QVERIFY2(seen.contains(u"Connected, waiting for data"_s), qPrintable(seen.join(u" | ")));
    QVERIFY2(seen.contains(u"Connecting"_s), qPrintable(seen.join(u" | ")));
    QVERIFY2(seen.contains(u"Disconnected"_s), qPrintable(seen.join(u" | ")));
    QVERIFY2(seen.contains(u"Paused"_s), qPrintable(seen.join(u" | ")));
    QVERIFY2(seen.contains(u"Reconnecting"_s), qPrintable(seen.join(u" | ")));
    QVERIFY2(seen.contains(u"Connecting (retry 1)"_s), qPrintable(seen.join(u" | ")));
}

void tst_FeedStatusBar::roundTripAndDataAgeAreShown()
{
    WindowRig rig(m_dir->path());
    SocketConfig config = rig.socket.config();
    config.heartbeatInterval = 100ms;
    config.pongTimeout = 4s; // unanswered for 2 s: suspect; for 4 s: dead
    rig.socket.setConfig(config);
    FeedStatusBar *bar = named<FeedStatusBar>(rig.window.get(), u"feedStatusBar"_s);
    QTRY_VERIFY(QRegularExpression(u"^RTT \\d+ ms$"_s)
                    .match(named<QLabel>(bar, u"roundTrip"_s)->text())
                    .hasMatch());
    QTRY_VERIFY(named<QLabel>(bar, u"dataAge"_s)->text().startsWith("updated 0 s ago"_L1));
    QVERIFY(!bar->isAgeWarning());

    // No data, but the heartbeat is answered: quiet, not alarming, and the age is of the
    // data (the Pongs do not make it young again).
    rig.simulator->setMuted(true);
    QTRY_VERIFY_WITH_TIMEOUT(named<QLabel>(bar, u"dataAge"_s)->text() == "updated 2 s ago"_L1,
                             5000);
    QVERIFY(!bar->isAgeWarning());
    QCOMPARE(rig.socket.state(), State::Live);

    // Pings unanswered too: the link is suspect while still "connected", and the age says so.
    rig.simulator->setSilent(true);
    QTRY_VERIFY_WITH_TIMEOUT(bar->isAgeWarning(), 5000);
    rig.simulator->setSilent(false);
    rig.simulator->setMuted(false);
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isAgeWarning() &&
                                 named<QLabel>(bar, u"dataAge"_s)->text() == "updated 0 s ago"_L1,
                             10000);

    // Paused: no age at all, let alone a red one.
    named<QTabWidget>(rig.window.get(), u"tabs"_s)->setCurrentIndex(MainWindow::ClosedTradesTab);
    QVERIFY(!bar->isAgeVisible());
    QVERIFY(!bar->isAgeWarning());
}

void tst_FeedStatusBar::statusBarShowsEachEventForAFewSeconds()
{
    WindowRig rig(m_dir->path());
    FeedStatusBar *bar = named<FeedStatusBar>(rig.window.get(), u"feedStatusBar"_s);
    bar->setEventDuration(300ms);
    QTRY_COMPARE(rig.socket.state(), State::Live);
    QTRY_VERIFY(named<ElidedLabel>(bar, u"event"_s)->fullText().isEmpty());
    // A drop: the status bar says so (the original client showed a toast for every retry).
    QStringList shown;
    connect(rig.account.log(), &ConnectionLog::eventAdded, this,
            [&] { shown.append(named<ElidedLabel>(bar, u"event"_s)->fullText()); });
    QSignalSpy dropped(&rig.socket, &SocketManager::dropped);
    rig.simulator->dropAll(1001, u"going away"_s);
    QTRY_COMPARE(dropped.count(), 1);
    QTRY_COMPARE(rig.socket.state(), State::Live);
    QVERIFY2(shown.filter(u"Dropped: "_s).size() == 1, qPrintable(shown.join(u" | "_s)));
    QVERIFY2(shown.filter(u"(retry 1)"_s).size() == 1, qPrintable(shown.join(u" | "_s)));
    // ...for a few seconds only.
    QTRY_VERIFY(named<ElidedLabel>(bar, u"event"_s)->fullText().isEmpty());
}

void tst_FeedStatusBar::aLongReasonEndsInAnEllipsisAndIsWholeInItsTooltip()
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
    QTRY_VERIFY(named<ElidedLabel>(&bar, u"event"_s)->fullText().contains(reason));
    const QString shown = named<ElidedLabel>(&bar, u"event"_s)->text();
    QVERIFY2(shown.endsWith(QChar(0x2026)) &&
                 shown.size() < named<ElidedLabel>(&bar, u"event"_s)->fullText().size(),
             qPrintable(shown));
    // Cut after a whole word of the full text.
    const QString kept = shown.chopped(1);
    QVERIFY2(named<ElidedLabel>(&bar, u"event"_s)->fullText().startsWith(kept) &&
                 named<ElidedLabel>(&bar, u"event"_s)->fullText().at(kept.size()).isSpace(),
             qPrintable(shown));
    const auto *label = bar.findChild<ElidedLabel *>();
    QVERIFY(label);
    QCOMPARE(label->toolTip(), named<ElidedLabel>(&bar, u"event"_s)->fullText());
    savePng(&bar, u"statusbar-long-reason.png"_s);
    // Wide enough, it is whole.
    bar.resize(4000, bar.height());
    QTRY_COMPARE(named<ElidedLabel>(&bar, u"event"_s)->text(),
                 named<ElidedLabel>(&bar, u"event"_s)->fullText());
}

void tst_FeedStatusBar::demoFeedIsNamed()
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
    QVERIFY(named<FeedStatusBar>(&window, u"feedStatusBar"_s)->findChildren<QLabel *>().count() >
            0);
    bool said = false;
    for (const QLabel *label :
         named<FeedStatusBar>(&window, u"feedStatusBar"_s)->findChildren<QLabel *>())
        said = said || label->text().startsWith("Demo feed"_L1);
    QVERIFY(said);
}

QTEST_MAIN(tst_FeedStatusBar)
#include "tst_feedstatusbar.moc"

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
#include "feedbanner.h"
#include "feedstatusbar.h"
#include "figurelabel.h"
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
#include "tonedelegate.h"
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
#include <QStatusBar>
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

class tst_MainWindow : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void titleTabsAndKeyboard();
    void darkFromSettingsColoursTheWindowAtOnceAndIsKept();
    void aTokenTypedForTheCommandLinesServerIsKeptForItAlone();
    void theAccountsOfSettingsAreKeptForTheNextStart();
    void openTradesFillsFromTheSnapshotAndUpdates();
    void closedTradesTabClosesTheFeedAndNothingReconnects();
    void backToOpenTradesResubscribes();
    void startingOnClosedTradesNeverConnects();
    void reconnectAfterRetriesRunOut();
    void unsavedTradesAreShownAndQuittingWarns();
    void theSystemsQuitAsksNothing_data();
    void theSystemsQuitAsksNothing();
    void aCorrectionThatWaitsIsShownAndQuittingSaysSo();
    void tabRuleInEveryProfile_data();
    void tabRuleInEveryProfile();
    void keyboardReachesEverythingAndCopiesRows();
    void mnemonicsClashWithNothing_data();
    void mnemonicsClashWithNothing();
    void alertsFromTheWindowFollowSettings();
    void groupingShowsSubtotalsAndIsRemembered();
    void settingsShowWhatRunsAndSaveOnlyWhatChanged();
    void anEmptyTableSaysWhy();
    void quittingClosesTheFeedCleanly();
    void filterSortAndColumnsAreRemembered();
    void speaksChineseWhenAsked();
};

void tst_MainWindow::titleTabsAndKeyboard()
{
    WindowRig rig(m_dir->path());
    MainWindow &window = *rig.window;
    // The title names the account, then the application, once: it ends in the display name,
    // so Qt adds it no second time.
    MainWindow::useDisplayName();
    const auto noDisplayName =
        qScopeGuard([] { QGuiApplication::setApplicationDisplayName(QString()); });
    QCOMPARE(window.windowTitle(),
             u"10260 @ 127.0.0.1:%1 — Trade Monitor"_s.arg(rig.simulator->port()));
    QVERIFY(window.windowTitle().endsWith(QGuiApplication::applicationDisplayName()));
    QCOMPARE(named<QTabWidget>(&window, u"tabs"_s)->count(), 2);
    QCOMPARE(named<QTabWidget>(&window, u"tabs"_s)->tabText(0), u"Open Trades"_s);
    QCOMPARE(named<QTabWidget>(&window, u"tabs"_s)->tabText(1), u"Closed Trades"_s);
    QCOMPARE(named<QTabWidget>(&window, u"tabs"_s)->currentIndex(), 0);
    QVERIFY(!window.windowIcon().pixmap(32, 32).isNull());
    QTRY_COMPARE(rig.socket.state(), State::Live);

    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keySequence(&window, QKeySequence(u"Ctrl+2"_s));
    QCOMPARE(named<QTabWidget>(&window, u"tabs"_s)->currentIndex(),
             int(MainWindow::ClosedTradesTab));
    QTRY_COMPARE(rig.socket.state(), State::Idle);
    QTest::keySequence(&window, QKeySequence(u"Ctrl+1"_s));
    QCOMPARE(named<QTabWidget>(&window, u"tabs"_s)->currentIndex(), int(MainWindow::OpenTradesTab));
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
    WindowRig rig(m_dir->path());
    QTableView *table = rig.open()->table();
    QTRY_COMPARE(table->model()->rowCount(),
                 int(rig.simulator->simulation().openPositions().size()));
    QVERIFY(table->model()->rowCount() >= 10);
    QCOMPARE(named<QLabel>(rig.window.get(), u"state"_s)->text(), u"Live"_s);
    // Prices move: some cell of the Price column changes while we watch.
    const auto prices = [&] {
        QStringList list;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            list.append(table->model()->index(row, PositionsModel::PriceColumn).data().toString());
        return list;
    };
    const QStringList before = prices();
    QTRY_VERIFY(prices() != before);
    QVERIFY(banner(rig.open())->isHidden());
}

void tst_MainWindow::closedTradesTabClosesTheFeedAndNothingReconnects()
{
    WindowRig rig(m_dir->path());
    QStringList received;
    connect(rig.simulator.get(), &FeedSimulator::clientMessageReceived, this,
            [&](const QString &type) { received.append(type); });
    QSignalSpy closed(rig.simulator.get(), &FeedSimulator::clientDisconnected);
    QSignalSpy connected(rig.simulator.get(), &FeedSimulator::clientConnected);
    QTRY_COMPARE(rig.simulator->subscribedCount(), 1);
    QCOMPARE(connected.count(), 1);

    named<QTabWidget>(rig.window.get(), u"tabs"_s)->setCurrentIndex(MainWindow::ClosedTradesTab);
    QTRY_COMPARE(closed.count(), 1);
    // The server heard Unsubscribe, then a close with code 1000.
    QCOMPARE(received.constLast(), u"Unsubscribe"_s);
    QCOMPARE(closed.at(0).at(0).toInt(), 1000);
    QCOMPARE(named<QLabel>(rig.window.get(), u"state"_s)->text(), u"Paused"_s);
    QCOMPARE(banner(rig.open())->text(), u"Live feed paused"_s);
    // Several retry periods later nothing came back.
    QVERIFY(!connected.wait(10 * 80));
    QCOMPARE(rig.simulator->clientCount(), 0);
    QCOMPARE(rig.socket.state(), State::Idle);
}

void tst_MainWindow::backToOpenTradesResubscribes()
{
    WindowRig rig(m_dir->path());
    QSignalSpy subscribed(rig.simulator.get(), &FeedSimulator::clientSubscribed);
    QSignalSpy resets(&rig.book, &PositionBook::positionsReset);
    QTRY_COMPARE(subscribed.count(), 1);
    // The first Snapshot in, before leaving: else the tab switch can close the feed before it
    // comes (CI, under load), and only the second would ever be counted.
    QTRY_COMPARE(resets.count(), 1);
    named<QTabWidget>(rig.window.get(), u"tabs"_s)->setCurrentIndex(MainWindow::ClosedTradesTab);
    QTRY_COMPARE(rig.socket.state(), State::Idle);
    named<QTabWidget>(rig.window.get(), u"tabs"_s)->setCurrentIndex(MainWindow::OpenTradesTab);
    QTRY_COMPARE(subscribed.count(), 2);
    QTRY_COMPARE(resets.count(), 2); // a fresh Snapshot
    QTRY_COMPARE(named<QLabel>(rig.window.get(), u"state"_s)->text(), u"Live"_s);
    QCOMPARE(rig.simulator->clientCount(), 1);
}

void tst_MainWindow::startingOnClosedTradesNeverConnects()
{
    WindowRig rig(m_dir->path(), MainWindow::ClosedTradesTab);
    QSignalSpy connected(rig.simulator.get(), &FeedSimulator::clientConnected);
    QCOMPARE(named<QTabWidget>(rig.window.get(), u"tabs"_s)->currentIndex(),
             int(MainWindow::ClosedTradesTab));
    QVERIFY(!connected.wait(500));
    QCOMPARE(named<QLabel>(rig.window.get(), u"state"_s)->text(), u"Paused"_s);
}

void tst_MainWindow::reconnectAfterRetriesRunOut()
{
    WindowRig rig(m_dir->path());
    QTRY_COMPARE(rig.socket.state(), State::Live);
    rig.simulator->pauseListening();
    rig.simulator->dropAll(1001, u"going away"_s);
    QTRY_COMPARE_WITH_TIMEOUT(rig.socket.state(), State::Failed, 10000);
    QTRY_VERIFY(rig.window->reconnectButton()->isVisible());
    QCOMPARE(named<QLabel>(rig.window.get(), u"state"_s)->text(), u"Disconnected"_s);
    QVERIFY(!banner(rig.open())->isHidden());
    QVERIFY2(banner(rig.open())->text().startsWith("Disconnected: Connection refused"_L1),
             qPrintable(banner(rig.open())->text()));
    savePng(rig.window.get(), u"mainwindow-disconnected.png"_s);

    QVERIFY(rig.simulator->resumeListening());
    QTest::mouseClick(rig.window->reconnectButton(), Qt::LeftButton);
    QTRY_COMPARE(rig.socket.state(), State::Live);
    QTRY_VERIFY(!rig.window->reconnectButton()->isVisible());
    QTRY_COMPARE(named<QLabel>(rig.window.get(), u"state"_s)->text(), u"Live"_s);
    QTRY_VERIFY(banner(rig.open())->isHidden());
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
    ClosedTradesPage *page = named<ClosedTradesPage>(&window, u"closedTradesPage"_s);
    QVERIFY(!named<QLabel>(page, u"notice"_s)->isHidden());
    QVERIFY2(
        named<QLabel>(page, u"notice"_s)->text().contains("2 closed trades not saved yet"_L1) &&
            named<QLabel>(page, u"notice"_s)->text().contains("would be lost"_L1) &&
            named<QLabel>(page, u"notice"_s)->text().contains("kept in memory only"_L1),
        qPrintable(named<QLabel>(page, u"notice"_s)->text()));

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
    const QString notice = named<QLabel>(&window, u"notice"_s)->text();
    QVERIFY2(notice.contains("database is locked"_L1), qPrintable(notice));

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
    named<QTabWidget>(&window, u"tabs"_s)->setCurrentIndex(MainWindow::ClosedTradesTab);
    QTRY_VERIFY(server.connection(0).closed);
    QCOMPARE(server.connection(0).frames.constLast(), config.unsubscribePayload);
    QCOMPARE(server.connection(0).closeCode, 1000);
    QVERIFY(!accepted.wait(500)); // a deliberate close: nothing reconnects

    named<QTabWidget>(&window, u"tabs"_s)->setCurrentIndex(MainWindow::OpenTradesTab);
    QTRY_COMPARE(server.connectionCount(), 2);
    QTRY_VERIFY(!server.connection(1).frames.isEmpty());
    QCOMPARE(server.connection(1).frames.constFirst(), config.subscribePayload);
}

void tst_MainWindow::keyboardReachesEverythingAndCopiesRows()
{
    WindowRig rig(m_dir->path());
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
    QVERIFY(!lines.at(0).contains(u"Account"_s)); // one account: whose goes without saying
    QCOMPARE(lines.at(1).split(u'\t').size(), PositionsModel::ColumnCount - 2);
    QCOMPARE(lines.at(1).split(u'\t').at(1), table->model()->index(0, 0).data().toString());

    // Tab leaves the table (no walk from cell to cell), and every filter control is on the chain.
    const QModelIndex current = table->currentIndex();
    QTest::keyClick(table, Qt::Key_Tab);
    QVERIFY(QApplication::focusWidget() != table);
    QCOMPARE(table->currentIndex(), current);
    FilterBar *filters = named<FilterBar>(rig.open(), u"filters"_s);
    QList<QWidget *> chain;
    for (QWidget *w = table->nextInFocusChain(); w != table; w = w->nextInFocusChain()) {
        if (w->isVisibleTo(&window) && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus))
            chain.append(w);
    }
    for (QWidget *wanted : {static_cast<QWidget *>(filters->modeButton(Mode::All)),
                            static_cast<QWidget *>(filters->modeButton(Mode::Following)),
                            static_cast<QWidget *>(filters->modeButton(Mode::Mine)),
                            static_cast<QWidget *>(named<QComboBox>(filters, u"signalTrader"_s)),
                            static_cast<QWidget *>(named<QComboBox>(filters, u"symbol"_s)),
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
    WindowRig rig(m_dir->path(), tab);
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
    QWidget *page = named<QTabWidget>(rig.window.get(), u"tabs"_s)->currentWidget();
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

void tst_MainWindow::alertsFromTheWindowFollowSettings()
{
    WindowRig rig(m_dir->path());
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
        named<QTabWidget>(dialog, u"tabs"_s)->setCurrentIndex(1);
        named<QCheckBox>(dialog, u"ownPositions"_s)->setChecked(false);
        named<QCheckBox>(dialog, u"signalPositions"_s)->setChecked(false);
        named<QDoubleSpinBox>(dialog, u"marginLevelPercent"_s)->setValue(300);
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

// Every figure of `window` (the account bar's, the totals') in a colour `scheme`'s palette gives
// it: its text, stale grey, or the tone of a gain or a loss against its background.
void tst_MainWindow::aTokenTypedForTheCommandLinesServerIsKeptForItAlone()
{
    // The saved feed has its token; this run's --url names another server. A token typed in
    // Settings now is that server's: the saved feed's stays as it was, and neither is ever
    // handed to the other.
    const QUrl other(u"wss://other.example/feed"_s);
    WindowRig rig(m_dir->path(), MainWindow::OpenTradesTab, 10260, false, 15,
                  {u"--url"_s, other.toString()});
    rig.appSettings.setFeedConfig(FeedProfile::native().configFor(
        QUrl(u"wss://saved.example/feed"_s), 10260, u"saved-token"_s));
    QSignalSpy applied(rig.window.get(), &MainWindow::feedSettingsChanged);
    QString shownToken = u"(not shown)"_s;
    QTimer::singleShot(0, this, [&shownToken] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *token = named<QLineEdit>(dialog, u"token"_s);
        shownToken = token->text();
        token->setText(u"other-token"_s);
        dialog->accept();
    });
    rig.window->editSettings();
    QCOMPARE(shownToken, QString()); // the saved feed's token is not this server's
    QCOMPARE(rig.appSettings.feedConfig().token, u"saved-token"_s);
    QCOMPARE(rig.appSettings.tokenFor(other, 10260), u"other-token"_s);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(applied.at(0).at(0).value<SocketConfig>().token, u"saved-token"_s);
}

void tst_MainWindow::theAccountsOfSettingsAreKeptForTheNextStart()
{
    WindowRig rig(m_dir->path());
    rig.appSettings.setAccounts({{u"Main"_s, QUrl(u"wss://main.example/feed"_s), 10260, {}}});
    rig.appSettings.setTokenFor(QUrl(u"wss://main.example/feed"_s), 10260, u"main-token"_s);
    QString shownToken;
    QTimer::singleShot(0, this, [&shownToken] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        shownToken = named<QLineEdit>(dialog, u"accountToken"_s)->text();
        named<QPushButton>(dialog, u"addAccount"_s)->click();
        auto *url = named<QLineEdit>(dialog, u"accountUrl"_s);
        QTest::keyClicks(url, u"wss://prop.example/feed"_s);
        QTest::keyClicks(named<QLineEdit>(dialog, u"accountName"_s), u"Prop"_s);
        QTest::keyClicks(named<QLineEdit>(dialog, u"accountToken"_s), u"prop-token"_s);
        dialog->accept();
    });
    rig.window->editSettings();
    QCOMPARE(shownToken, u"main-token"_s);
    const QList<AccountSpec> accounts = rig.appSettings.accounts();
    QCOMPARE(accounts.size(), 2);
    QCOMPARE(accounts.at(1).name, u"Prop"_s);
    QCOMPARE(rig.appSettings.tokenFor(accounts.at(1).url, 10260), u"prop-token"_s);
    QCOMPARE(rig.appSettings.tokenFor(accounts.at(0).url, 10260), u"main-token"_s);
    // This run goes on as it is, and says when they take effect.
    QVERIFY2(named<ElidedLabel>(rig.window.get(), u"event"_s)
                 ->fullText()
                 .contains(u"take effect at the next start"_s),
             qPrintable(named<ElidedLabel>(rig.window.get(), u"event"_s)->fullText()));
    QCOMPARE(rig.window->accounts()->count(), 1);
}

static void figuresAreColouredFor(QWidget *window, ColorScheme scheme)
{
    const QPalette palette = Theme::palette(scheme);
    const QList<QRgb> allowed{
        palette.color(QPalette::WindowText).rgb(),
        palette.color(QPalette::Disabled, QPalette::WindowText).rgb(), // stale
        ToneDelegate::toneColor(palette, Tone::Gain, QPalette::Window).rgb(),
        ToneDelegate::toneColor(palette, Tone::Loss, QPalette::Window).rgb()};
    static const QRegularExpression colour(u"color:\\s*(#[0-9a-fA-F]{6})"_s);
    int figures = 0;
    for (FigureLabel *label : window->findChildren<FigureLabel *>()) {
        if (label->text().isEmpty()) // both pages', the one behind too
            continue;
        ++figures;
        QList<QColor> colours{label->palette().color(QPalette::WindowText)};
        for (const QRegularExpressionMatch &match : colour.globalMatch(label->text()))
            colours.append(QColor(match.captured(1)));
        for (const QColor &text : std::as_const(colours))
            QVERIFY2(allowed.contains(text.rgb()),
                     qPrintable(u"%1 in \"%2\""_s.arg(text.name(), label->text())));
    }
    QVERIFY(figures >= 5);
}

void tst_MainWindow::darkFromSettingsColoursTheWindowAtOnceAndIsKept()
{
    WindowRig rig(m_dir->path());
    QTRY_VERIFY(rig.open()->accountBar()->isShown(AccountBar::Field::Balance));
    settle(rig);
    // Nothing ticks while the trader reads the history: the colours must change all the same.
    ClosedTradesPage *page = rig.closedTradesOverAll();
    QVERIFY(page);
    QTRY_COMPARE(rig.socket.state(), State::Idle);
    QTRY_VERIFY(!page->model()->isReading() && page->model()->rowCount() > 0);
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *colours = named<QComboBox>(dialog, u"colorScheme"_s);
        colours->setCurrentIndex(colours->findData(int(ColorScheme::Dark)));
        dialog->accept();
    });
    rig.window->editSettings();
    QCOMPARE(rig.appSettings.colorScheme(), ColorScheme::Dark); // and so at the next start
    // What the trader sees: the tables and the status bar dark, without a restart.
    QTableView *table = page->table();
    QTRY_VERIFY(Theme::isDark(table->palette()));
    QCOMPARE(table->palette().color(QPalette::Base),
             Theme::palette(ColorScheme::Dark).color(QPalette::Base));
    const QImage bar = rig.window->statusBar()->grab().toImage();
    int dark = 0;
    for (int x = 0; x < bar.width(); ++x)
        dark += QColor(bar.pixel(x, bar.height() / 2)).lightness() < 100 ? 1 : 0;
    QVERIFY2(dark > bar.width() * 3 / 4, qPrintable(u"%1 of %2"_s.arg(dark).arg(bar.width())));
    // Every figure's colour (the account bar's, the totals' net) chosen again against the dark
    // background, as the dark palette gives it: one chosen against the light one is wrong,
    // and may be unreadable.
    figuresAreColouredFor(rig.window.get(), ColorScheme::Dark);
    // And when the desktop turns light (System following it): no dialog, nothing ticking.
    rig.theme.setChoice(ColorScheme::Light);
    QTRY_VERIFY(!Theme::isDark(table->palette()));
    figuresAreColouredFor(rig.window.get(), ColorScheme::Light);
}

void tst_MainWindow::groupingShowsSubtotalsAndIsRemembered()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    {
        WindowRig rig(m_dir->path());
        QTRY_VERIFY(rig.book.count() > 0);
        rig.simulator->setSilent(true); // hold the numbers still while we add them up
        OpenTradesPage *page = rig.open();
        QComboBox *grouping = named<QComboBox>(page, u"grouping"_s);
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
    WindowRig again(m_dir->path());
    QCOMPARE(named<QComboBox>(again.open(), u"grouping"_s)->currentText(), u"Signal trader"_s);
    QCOMPARE(again.open()->table()->model(),
             static_cast<QAbstractItemModel *>(again.open()->groups()));
    QVERIFY(!again.open()->groups()->collapsedKeys().isEmpty());
    // None: the plain table again, the columns as they were.
    named<QComboBox>(again.open(), u"grouping"_s)->setCurrentIndex(0);
    QCOMPARE(again.open()->table()->model(),
             static_cast<QAbstractItemModel *>(again.open()->proxy()));
}

void tst_MainWindow::settingsShowWhatRunsAndSaveOnlyWhatChanged()
{
    const QString url = u"wss://feed.example.com:9443/positions?lang=en"_s;
    WindowRig rig(m_dir->path(), MainWindow::ClosedTradesTab, 10260, false, 15,
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
        shownUrl = named<QLineEdit>(dialog, u"url"_s)->text();
        urlEditable = named<QLineEdit>(dialog, u"url"_s)->isEnabled();
        shownHeartbeat =
            named<QSpinBox>(dialog, FeedSetting::of(FeedSetting::Id::Heartbeat).optionName())
                ->value();
        heartbeatEditable =
            named<QSpinBox>(dialog, FeedSetting::of(FeedSetting::Id::Heartbeat).optionName())
                ->isEnabled();
        note = dialog->overridesText();
        QCOMPARE(named<QSpinBox>(dialog, FeedSetting::of(FeedSetting::Id::PongTimeout).optionName())
                     ->value(),
                 4000);
        QVERIFY(named<QLineEdit>(dialog, u"url"_s)->width() >=
                named<QLineEdit>(dialog, u"url"_s)->fontMetrics().horizontalAdvance(url));
        // One change by the user.
        named<QSpinBox>(dialog, FeedSetting::of(FeedSetting::Id::PongTimeout).optionName())
            ->setValue(7000);
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

void tst_MainWindow::anEmptyTableSaysWhy()
{
    // An account without positions, live: it says so.
    WindowRig rig(m_dir->path(), MainWindow::OpenTradesTab, 10260, false, 0);
    QCOMPARE(emptyTableText(rig.open()), u"No positions from the feed yet"_s);
    QTRY_COMPARE(rig.socket.state(), State::Live);
    QTRY_COMPARE(emptyTableText(rig.open()), u"No open positions"_s);
    // Not live, with nothing to show: no claim that the account is empty.
    named<QTabWidget>(rig.window.get(), u"tabs"_s)->setCurrentIndex(MainWindow::ClosedTradesTab);
    QTRY_COMPARE(rig.socket.state(), State::Idle);
    QTRY_COMPARE(emptyTableText(rig.open()), u"No positions from the feed yet"_s);
}

void tst_MainWindow::quittingClosesTheFeedCleanly()
{
    WindowRig rig(m_dir->path());
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
        WindowRig rig(m_dir->path());
        QTRY_VERIFY(rig.book.count() > 0);
        rig.open()->setMode(Mode::Mine);
        rig.open()->searchBox()->setText(u"USD"_s);
        QComboBox *symbols =
            named<QComboBox>(named<FilterBar>(rig.open(), u"filters"_s), u"symbol"_s);
        symbols->setCurrentIndex(symbols->findText(u"EURUSD"_s));
        QCOMPARE(rig.open()->proxy()->symbol(), u"EURUSD"_s);
        QHeaderView *header = rig.open()->table()->horizontalHeader();
        header->setSectionHidden(PositionsModel::SwapColumn, true);
        header->moveSection(PositionsModel::SymbolColumn, 0);
        rig.open()->table()->sortByColumn(PositionsModel::ProfitColumn, Qt::DescendingOrder);
        named<FilterBar>(named<ClosedTradesPage>(rig.window.get(), u"closedTradesPage"_s),
                         u"filters"_s)
            ->searchBox()
            ->setText(u"EUR"_s);
        rig.window->resize(900, 500);
        rig.window->close();
    }
    // Start on Closed Trades: no data yet, but the restored filters are plain to see. The
    // search is not among them: text typed last week would empty the table for no reason the
    // trader can see.
    WindowRig again(m_dir->path(), MainWindow::ClosedTradesTab);
    QCOMPARE(again.open()->proxy()->mode(), Mode::Mine);
    QCOMPARE(again.open()->searchBox()->text(), QString());
    QCOMPARE(again.open()->proxy()->symbol(), u"EURUSD"_s);
    QCOMPARE(
        named<QComboBox>(named<FilterBar>(again.open(), u"filters"_s), u"symbol"_s)->currentText(),
        u"EURUSD"_s);
    QVERIFY(named<FilterBar>(again.open(), u"filters"_s)->modeButton(Mode::Mine)->isChecked());
    QVERIFY2(totalsText(again.open()).startsWith(u"0 of 0 positions shown (Mine · EURUSD)"_s),
             qPrintable(totalsText(again.open())));
    QCOMPARE(
        named<FilterBar>(named<ClosedTradesPage>(again.window, u"closedTradesPage"_s), u"filters"_s)
            ->searchBox()
            ->text(),
        QString());
    QVERIFY(!named<QPushButton>(again.open(), u"clearFilters"_s)->isHidden());
    QHeaderView *header = again.open()->table()->horizontalHeader();
    QVERIFY(header->isSectionHidden(PositionsModel::SwapColumn));
    QCOMPARE(header->visualIndex(PositionsModel::SymbolColumn), 0);
    QVERIFY(again.open()->proxy()->isUserSorted());
    QCOMPARE(again.open()->proxy()->sortColumn(), int(PositionsModel::ProfitColumn));
    QCOMPARE(again.window->size(), QSize(900, 500));
}

void tst_MainWindow::speaksChineseWhenAsked()
{
    // What a trader with a Chinese system (or the Language setting) sees: ours and Qt's own.
    const Speaking speaking(QLocale(QLocale::Chinese, QLocale::China));
    const QStringList &loaded = speaking.loaded;
    QVERIFY2(loaded.filter(u"trade-monitor_zh_CN"_s).size() == 1, qPrintable(loaded.join(u' ')));
    QVERIFY2(loaded.filter(u"qtbase_zh_CN"_s).size() == 1, qPrintable(loaded.join(u' ')));
    WindowRig rig(m_dir->path());
    QTRY_VERIFY(rig.book.count() > 0);
    QTRY_VERIFY(rig.open()->accountBar()->isShown(AccountBar::Field::Balance));
    QCOMPARE(named<QTabWidget>(rig.window.get(), u"tabs"_s)->tabText(0), u"持仓"_s);
    // The title in Chinese too, with the name once.
    MainWindow::useDisplayName();
    const auto noDisplayName =
        qScopeGuard([] { QGuiApplication::setApplicationDisplayName(QString()); });
    QCOMPARE(QGuiApplication::applicationDisplayName(), u"交易监控"_s);
    QVERIFY2(rig.window->windowTitle().endsWith(u" — 交易监控"_s) &&
                 rig.window->windowTitle().count(u"交易监控"_s) == 1,
             qPrintable(rig.window->windowTitle()));
    QCOMPARE(named<QTabWidget>(rig.window.get(), u"tabs"_s)->tabText(1), u"已平仓"_s);
    QCOMPARE(
        rig.open()->model()->headerData(PositionsModel::ProfitColumn, Qt::Horizontal).toString(),
        u"盈亏"_s);
    QVERIFY(totalsText(rig.open()).contains(u"浮动盈亏"_s));
    QVERIFY(rig.open()->accountBar()->text().startsWith(u"余额："_s));
    QVERIFY(named<QLabel>(rig.window.get(), u"state"_s)->text().contains(u"实时"_s));
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

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/appoptions.h"
#include "config/appsettings.h"
#include "elidedlabel.h"
#include "feed/connectionlog.h"
#include "history/tradehistory.h"
#include "named.h"
#include "protocol/feedmessages.h"
#include "protocol/feedprofile.h"
#include "settingsdialog.h"
#include "testfeedserver.h"
#include "theme.h"
#include "windowhost.h"
#include "windowtest.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

#include <chrono>
#include <initializer_list>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// The saved feed every account starts from: short intervals, as a user could set them.
void saveShortIntervals(AppSettings &settings)
{
    SocketConfig config = FeedProfile::native().configFor(QUrl(u"ws://127.0.0.1:1/"_s), 10260);
    config.reconnectMin = 20ms;
    config.reconnectMax = 80ms;
    config.heartbeatInterval = 250ms;
    settings.setFeedConfig(config);
}

// Adds an account in Settings → Accounts and accepts, once the dialog is up.
void addAccountInSettings(QObject *context, const QUrl &url, const QString &name)
{
    QTimer::singleShot(0, context, [url, name] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        named<QPushButton>(dialog, u"addAccount"_s)->click();
        QTest::keyClicks(named<QLineEdit>(dialog, u"accountUrl"_s), url.toString());
        QTest::keyClicks(named<QLineEdit>(dialog, u"accountName"_s), name);
        dialog->accept();
    });
}

// A feed that answers every subscription with an empty list: live.
void answer(TestFeedServer *server)
{
    QObject::connect(server, &TestFeedServer::frameReceived, server,
                     [server](int, const QJsonObject &frame) {
                         if (frame.value("type"_L1) == "Subscribe"_L1)
                             server->broadcast(QString::fromUtf8(FeedMessages::snapshot(1, {})));
                     });
}

// Listening, each answering every subscription.
bool serve(std::initializer_list<TestFeedServer *> servers)
{
    for (TestFeedServer *server : servers) {
        if (!server->listen())
            return false;
        answer(server);
    }
    return true;
}

// What the first account's connection log holds, oldest first: read through the host each
// time (were the accounts made anew, the old ones are gone).
QStringList logged(const WindowHost &host)
{
    const ConnectionLog *log = host.accounts()->session(0)->log();
    QStringList events;
    for (int row = 0; row < log->rowCount(); ++row)
        events.append(log->index(row, ConnectionLog::EventColumn).data().toString());
    return events;
}

QString eventText(QWidget *window)
{
    return named<ElidedLabel>(window, u"event"_s)->fullText();
}

// A run as main() makes it: the saved settings (short intervals, `saved` accounts), the
// command line `arguments`, one history file, and the host over them, started on `tab`.
struct HostRig
{
    HostRig(const QString &folder, const QList<AccountSpec> &saved,
            const QStringList &arguments = {}, const QString &history = {})
        : file(QDir(folder).filePath(u"settings.ini"_s), QSettings::IniFormat)
        , settings(&file)
    {
        saveShortIntervals(settings);
        settings.setAccounts(saved);
        parsed =
            options.parse(QStringList{u"trade-monitor"_s} + arguments) == AppOptions::Outcome::Run;
        host = std::make_unique<WindowHost>(WindowHost::Services{
            settings, options,
            history.isEmpty() ? QDir(folder).filePath(u"history.sqlite"_s) : history, nullptr,
            &theme, &notifier});
    }
    bool start(MainWindow::Tab tab)
    {
        int exitCode = 0;
        if (!parsed || !host->start(tab, &error, &exitCode))
            return false;
        host->window()->resize(900, 600);
        host->window()->show();
        return true;
    }

    QSettings file;
    AppSettings settings;
    AppOptions options;
    bool parsed = false;
    Theme theme;
    FakeNotifier notifier;
    std::unique_ptr<WindowHost> host;
    QString error;
};

} // namespace

class tst_WindowHost : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void anAccountAddedInSettingsIsWatchedAtOnce();
    void behindClosedTradesTheNewAccountsStayClosed();
    void accountsNamedOnTheCommandLineWaitForTheNextStart();
    void tradesOnlyInMemoryHoldTheChangeBack();
};

void tst_WindowHost::anAccountAddedInSettingsIsWatchedAtOnce()
{
    // Two saved accounts, then a third added in Settings: the window shows all three at once.
    // The two before close deliberately and connect again, each subscribing first; the new
    // one subscribes on a socket of its own.
    TestFeedServer main;
    TestFeedServer prop;
    TestFeedServer third;
    QVERIFY(serve({&main, &prop, &third}));
    HostRig rig(m_dir->path(), {{u"Main"_s, main.url(), 1, {}}, {u"Prop"_s, prop.url(), 2, {}}});
    QVERIFY2(rig.start(MainWindow::OpenTradesTab), qPrintable(rig.error));
    WindowHost &host = *rig.host;
    QVERIFY(host.followsSettings());
    QTRY_COMPARE(host.accounts()->liveCount(), 2);
    QTRY_COMPARE(main.countFrames(0, u"Subscribe"_s), 1);
    const QRect place = host.window()->geometry();

    QSignalSpy replaced(&host, &WindowHost::windowReplaced);
    addAccountInSettings(this, third.url(), u"Third"_s);
    host.window()->editSettings();
    QVERIFY(replaced.wait());
    QCOMPARE(host.accounts()->count(), 3);
    QCOMPARE(host.accounts()->name(2), u"Third"_s);
    QVERIFY(host.window()->isVisible());
    QCOMPARE(host.window()->geometry().size(), place.size());
    QTRY_COMPARE(host.accounts()->liveCount(), 3);
    // The old connections: unsubscribed and closed with 1000; the new ones subscribe first.
    for (TestFeedServer *server : {&main, &prop}) {
        QTRY_COMPARE(server->connectionCount(), 2);
        QCOMPARE(server->connection(0).closeCode, 1000);
        QCOMPARE(server->countFrames(0, u"Unsubscribe"_s), 1);
        QTRY_COMPARE(server->countFrames(1, u"Subscribe"_s), 1);
        QCOMPARE(server->connection(1).frames.constFirst().value("type"_L1).toString(),
                 u"Subscribe"_s);
    }
    QTRY_COMPARE(third.countFrames(0, u"Subscribe"_s), 1);
    // Said in the status bar, and kept in the connection log.
    const QString watching = u"Watching %1 now."_s.arg(
        QLocale().createSeparatedList({u"Main"_s, u"Prop"_s, u"Third"_s}));
    QVERIFY2(logged(host).contains(watching), qPrintable(logged(host).join(u'\n')));
}

void tst_WindowHost::behindClosedTradesTheNewAccountsStayClosed()
{
    // Changed while Closed Trades is in front: the new window is on Closed Trades too, and
    // the tab rule holds for the new accounts: nobody connects until Open Trades is back.
    TestFeedServer main;
    TestFeedServer prop;
    QVERIFY(serve({&main, &prop}));
    HostRig rig(m_dir->path(), {{u"Main"_s, main.url(), 1, {}}});
    QVERIFY2(rig.start(MainWindow::ClosedTradesTab), qPrintable(rig.error));
    WindowHost &host = *rig.host;
    QSignalSpy replaced(&host, &WindowHost::windowReplaced);
    addAccountInSettings(this, prop.url(), u"Prop"_s);
    host.window()->editSettings();
    QVERIFY(replaced.wait());
    QCOMPARE(host.accounts()->count(), 2);
    QCOMPARE(host.window()->currentTab(), MainWindow::ClosedTradesTab);
    QCOMPARE(host.accounts()->liveCount(), 0);
    named<QTabWidget>(host.window(), u"tabs"_s)->setCurrentIndex(MainWindow::OpenTradesTab);
    QTRY_COMPARE(host.accounts()->liveCount(), 2);
    QTRY_COMPARE(prop.countFrames(0, u"Subscribe"_s), 1);
    QCOMPARE(prop.connectionCount(), 1); // nothing connected behind Closed Trades
}

void tst_WindowHost::accountsNamedOnTheCommandLineWaitForTheNextStart()
{
    // --account names what runs: the saved accounts are kept for a start without it.
    TestFeedServer main;
    TestFeedServer prop;
    QVERIFY(serve({&main, &prop}));
    HostRig rig(m_dir->path(), {},
                {u"--account"_s, u"trader=1;name=Main;url="_s + main.url().toString()});
    QVERIFY2(rig.start(MainWindow::OpenTradesTab), qPrintable(rig.error));
    WindowHost &host = *rig.host;
    QVERIFY(!host.followsSettings());
    QTRY_COMPARE(host.accounts()->liveCount(), 1);
    QSignalSpy replaced(&host, &WindowHost::windowReplaced);
    MainWindow *window = host.window();
    addAccountInSettings(this, prop.url(), u"Prop"_s);
    window->editSettings();
    QCOMPARE(rig.settings.accounts().size(), 1); // kept for the next start
    QVERIFY2(eventText(window).contains(u"take effect at the next start"_s),
             qPrintable(eventText(window)));
    QCoreApplication::processEvents(); // where a replacement would have been queued
    QVERIFY(replaced.isEmpty());
    QCOMPARE(host.window(), window);
    QCOMPARE(host.accounts()->count(), 1);
    QCOMPARE(prop.connectionCount(), 0);
}

void tst_WindowHost::tradesOnlyInMemoryHoldTheChangeBack()
{
    // The history cannot be written, nor a spool beside it (its folder is a file): a closed
    // trade lives only in the running account's memory. Making the accounts anew would lose
    // it, so the change waits for the next start, and the window says why.
    TestFeedServer main;
    TestFeedServer prop;
    QVERIFY(serve({&main}));
    QVERIFY(prop.listen());
    QFile notAFolder(m_dir->filePath(u"not-a-folder"_s));
    QVERIFY(notAFolder.open(QIODevice::WriteOnly));
    notAFolder.close();
    HostRig rig(m_dir->path(), {{u"Main"_s, main.url(), 1, {}}}, {},
                m_dir->filePath(u"not-a-folder/history.sqlite"_s));
    QVERIFY2(rig.start(MainWindow::OpenTradesTab), qPrintable(rig.error));
    WindowHost &host = *rig.host;
    QTRY_COMPARE(host.accounts()->liveCount(), 1);
    TradeHistory *history = host.accounts()->session(0)->history();
    history->record({closedNow(7)});
    QCOMPARE(history->memoryOnlyCount(), 1);
    MainWindow *window = host.window();
    addAccountInSettings(this, prop.url(), u"Prop"_s);
    window->editSettings();
    QCOMPARE(rig.settings.accounts().size(), 2); // saved for the next start
    const QString said =
        u"The accounts take effect at the next start: 1 closed trade not saved yet would be lost "
        "now."_s;
    QTRY_VERIFY2(logged(host).contains(said), qPrintable(logged(host).join(u'\n')));
    QCOMPARE(host.window(), window);
    QCOMPARE(host.accounts()->count(), 1);
    QCOMPARE(host.accounts()->session(0)->history()->memoryOnlyCount(), 1);
    QCOMPARE(prop.connectionCount(), 0);
}

QTEST_MAIN(tst_WindowHost)
#include "tst_windowhost.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The trade-monitor executable from the outside: what it leaves on disk, and what a server
// sees of it.
#include "config/appsettings.h"
#include "domain/account.h"
#include "history/closedtradestore.h"
#include "protocol/feedmessages.h"
#include "testfeedserver.h"

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

class tst_App : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theDemoLeavesNoTradeInTheHistoryFile();
    void aSignalQuitsAsFileQuitDoes_data();
    void aSignalQuitsAsFileQuitDoes();
    void aBadCommandLineExitsWith2AndSaysWhy_data();
    void aBadCommandLineExitsWith2AndSaysWhy();
    void twoAccountsAreWatchedAtOnce();
    void theAccountsOfSettingsAreWatchedWithTheirOwnTokens();
};

namespace {

// The app with settings, history and keychain of its own: nothing of this machine's user.
QProcessEnvironment scratchEnvironment(const QTemporaryDir &dir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s); // no keychain to wait for
    return env;
}

} // namespace

void tst_App::theDemoLeavesNoTradeInTheHistoryFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"history.sqlite"_s);
    QProcess app;
    QProcessEnvironment env = scratchEnvironment(dir);
    env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=false\ntrademonitor.history.info=true"_s);
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::MergedChannels);
    app.start(QStringLiteral(TRADE_MONITOR_PATH), {u"--demo"_s, u"--db"_s, file});
    QVERIFY(app.waitForStarted());
    // The demo's History (fifty closed trades) has been recorded somewhere: in memory.
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            output += app.readAll();
            return output.contains("demo trades in memory");
        }(),
        30000);
    app.kill();
    app.waitForFinished();
    QVERIFY2(output.contains("account 10260@demo"), output.constData());

    ClosedTradeStore store;
    QVERIFY2(store.open(file), qPrintable(store.lastError()));
    QCOMPARE(store.count(), 0);
    QVERIFY(store.accounts().isEmpty());
}

void tst_App::aSignalQuitsAsFileQuitDoes_data()
{
    QTest::addColumn<int>("signal");
    QTest::addRow("SIGTERM (logout, shutdown, kill)") << int(SIGTERM);
    QTest::addRow("SIGINT (Ctrl+C)") << int(SIGINT);
    QTest::addRow("SIGHUP (the terminal closed)") << int(SIGHUP);
}

void tst_App::aSignalQuitsAsFileQuitDoes()
{
    // The system asks the app to end: the server must see what File → Quit sends, an
    // Unsubscribe and a close with 1000, not a dropped line (1006).
    QFETCH(int, signal);
    TestFeedServer server;
    QVERIFY(server.listen());
    connect(&server, &TestFeedServer::frameReceived, &server,
            [&server](int, const QJsonObject &frame) {
                if (frame.value("type"_L1) == "Subscribe"_L1)
                    server.broadcast(QString::fromUtf8(FeedMessages::snapshot(1, {})));
            });
    QTemporaryDir dir;
    QProcess app;
    app.setProcessEnvironment(scratchEnvironment(dir));
    app.setProcessChannelMode(QProcess::ForwardedChannels);
    app.start(QStringLiteral(TRADE_MONITOR_PATH),
              {u"--url"_s, server.url().toString(), u"--trader-id"_s, u"10260"_s, u"--db"_s,
               dir.filePath(u"history.sqlite"_s)});
    QVERIFY(app.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(
        server.connectionCount() > 0 && server.countFrames(0, u"Subscribe"_s) > 0, 30000);
    QCOMPARE(::kill(pid_t(app.processId()), signal), 0);
    QTRY_VERIFY_WITH_TIMEOUT(server.connection(0).closed, 15000);
    if (app.state() != QProcess::NotRunning)
        QVERIFY(app.waitForFinished(15000));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 0);
    const TestFeedServer::Connection &seen = server.connection(0);
    QCOMPARE(seen.closeCode, 1000);
    QVERIFY(!seen.frames.isEmpty());
    QCOMPARE(seen.frames.constLast().value("type"_L1).toString(), u"Unsubscribe"_s);
    QCOMPARE(server.connectionCount(), 1); // and no reconnect
}

void tst_App::aBadCommandLineExitsWith2AndSaysWhy_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("why");
    QTest::addRow("an account without a url")
        << QStringList{u"--account"_s, u"name=Main;trader=5"_s}
        << u"trade-monitor: --account (the 1 of 1): url=… is required (and comes last)."_s;
    QTest::addRow("an account and --url")
        << QStringList{u"--account"_s, u"url=ws://127.0.0.1:1/"_s, u"--url"_s,
                       u"ws://127.0.0.1:2/"_s}
        << u"trade-monitor: --account and --url exclude each other"_s;
    QTest::addRow("one account twice") << QStringList{u"--account"_s, u"url=ws://127.0.0.1:1/"_s,
                                                      u"--account"_s, u"url=ws://127.0.0.1:1/"_s}
                                       << u"are the same account"_s;
    QTest::addRow("a bad profile of the second account")
        << QStringList{u"--account"_s, u"name=Main;url=ws://127.0.0.1:1/"_s, u"--account"_s,
                       u"name=Prop;profile=/nonexistent/profile.json;url=ws://127.0.0.1:2/"_s}
        << u"trade-monitor: --account (the 2 of 2): "_s;
}

void tst_App::aBadCommandLineExitsWith2AndSaysWhy()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, why);
    QTemporaryDir dir;
    QProcess app;
    app.setProcessEnvironment(scratchEnvironment(dir));
    app.start(QStringLiteral(TRADE_MONITOR_PATH), arguments);
    QVERIFY(app.waitForFinished(30000));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 2);
    const QString said = QString::fromLocal8Bit(app.readAllStandardError());
    QVERIFY2(said.contains(why), qPrintable(said));
    // Nothing was started: no history file, no settings written.
    QVERIFY(!QFile::exists(dir.filePath(u"data"_s)));
}

void tst_App::twoAccountsAreWatchedAtOnce()
{
    // Two servers, one account each, one history file; ticket 7 closes at both.
    TestFeedServer main;
    TestFeedServer prop;
    QVERIFY(main.listen());
    QVERIFY(prop.listen());
    ClosedTrade seven;
    seven.position.ticket = 7;
    seven.position.symbol = u"EURUSD"_s;
    seven.position.volume = 0.1;
    seven.closeTime = 1732600000000;
    seven.closePrice = 1.1;
    seven.position.profit = 12.5;
    for (TestFeedServer *server : {&main, &prop}) {
        connect(server, &TestFeedServer::frameReceived, server,
                [server, seven](int, const QJsonObject &frame) {
                    if (frame.value("type"_L1) != "Subscribe"_L1)
                        return;
                    server->broadcast(QString::fromUtf8(FeedMessages::snapshot(1, {})));
                    server->broadcast(QString::fromUtf8(FeedMessages::closed(2, {seven})));
                });
    }
    QTemporaryDir dir;
    const QString file = dir.filePath(u"history.sqlite"_s);
    QProcess app;
    app.setProcessEnvironment(scratchEnvironment(dir));
    app.setProcessChannelMode(QProcess::ForwardedChannels);
    app.start(QStringLiteral(TRADE_MONITOR_PATH),
              {u"--account"_s, u"trader=10260;name=Main;url="_s + main.url().toString(),
               u"--account"_s, u"trader=20520;name=Prop;url="_s + prop.url().toString(), u"--db"_s,
               file});
    QVERIFY(app.waitForStarted());
    // Each account subscribes first, on its own socket, as its own trader.
    for (auto [server, trader] : {std::pair{&main, 10260}, std::pair{&prop, 20520}}) {
        QTRY_VERIFY_WITH_TIMEOUT(
            server->connectionCount() > 0 && server->countFrames(0, u"Subscribe"_s) > 0, 30000);
        QCOMPARE(server->connection(0).frames.constFirst().value("type"_L1).toString(),
                 u"Subscribe"_s);
        QCOMPARE(server->connection(0).frames.constFirst().value("traderid"_L1).toInteger(),
                 trader);
    }
    // Quitting closes both deliberately.
    QCOMPARE(::kill(pid_t(app.processId()), SIGTERM), 0);
    QTRY_VERIFY_WITH_TIMEOUT(main.connection(0).closed && prop.connection(0).closed, 15000);
    if (app.state() != QProcess::NotRunning)
        QVERIFY(app.waitForFinished(15000));
    QCOMPARE(app.exitCode(), 0);
    for (TestFeedServer *server : {&main, &prop}) {
        QCOMPARE(server->connection(0).closeCode, 1000);
        QCOMPARE(server->connection(0).frames.constLast().value("type"_L1).toString(),
                 u"Unsubscribe"_s);
        QCOMPARE(server->connectionCount(), 1);
    }
    // Ticket 7 is two trades in the one history file, each its own account's.
    ClosedTradeStore store;
    QVERIFY2(store.open(file), qPrintable(store.lastError()));
    QCOMPARE(store.count(), 2);
    QCOMPARE(store.count(Account::of(main.url(), 10260)), 1);
    QCOMPARE(store.count(Account::of(prop.url(), 20520)), 1);
}

void tst_App::theAccountsOfSettingsAreWatchedWithTheirOwnTokens()
{
    // Settings → Accounts holds two, each with its token; nothing on the command line.
    TestFeedServer main;
    TestFeedServer prop;
    QVERIFY(main.listen());
    QVERIFY(prop.listen());
    QTemporaryDir dir;
    {
        QSettings ini(dir.filePath(u"config/TradeMonitor/trade-monitor.conf"_s),
                      QSettings::IniFormat);
        AppSettings settings(&ini); // the token file beside it, as the app keeps it
        settings.setAccounts(
            {{u"Main"_s, main.url(), 10260, QString()}, {u"Prop"_s, prop.url(), 20520, QString()}});
        settings.setTokenFor(main.url(), 10260, u"main-token"_s);
        settings.setTokenFor(prop.url(), 20520, u"prop-token"_s);
        QVERIFY(settings.problems().isEmpty());
    }
    QProcess app;
    app.setProcessEnvironment(scratchEnvironment(dir));
    app.setProcessChannelMode(QProcess::ForwardedChannels);
    app.start(QStringLiteral(TRADE_MONITOR_PATH), {u"--db"_s, dir.filePath(u"h.sqlite"_s)});
    QVERIFY(app.waitForStarted());
    for (auto [server, trader, token] :
         {std::tuple{&main, 10260, u"main-token"_s}, std::tuple{&prop, 20520, u"prop-token"_s}}) {
        QTRY_VERIFY_WITH_TIMEOUT(
            server->connectionCount() > 0 && server->countFrames(0, u"Subscribe"_s) > 0, 30000);
        const QJsonObject subscribe = server->connection(0).frames.constFirst();
        QCOMPARE(subscribe.value("traderid"_L1).toInteger(), trader);
        QCOMPARE(subscribe.value("token"_L1).toString(), token);
    }
    QCOMPARE(::kill(pid_t(app.processId()), SIGTERM), 0);
    QVERIFY(app.waitForFinished(15000));
    QCOMPARE(app.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_App)
#include "tst_app.moc"

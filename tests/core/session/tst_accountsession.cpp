// SPDX-License-Identifier: GPL-3.0-or-later
// The session of one account, without a window: it starts the feed it is given, the rule for
// settings changed while running (the command line wins; a profile that no longer loads falls
// back, and says so), another account starts clean, quitting closes the feed properly, and two
// sessions run side by side.
#include "config/appoptions.h"
#include "config/appsettings.h"
#include "config/feedsettings.h"
#include "feed/connectionlog.h"
#include "protocol/feedprofile.h"
#include "session/accountsession.h"
#include "simulator/feedsimulator.h"
#include "testfeedserver.h"

#include <QFile>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using State = SocketManager::State;

namespace {

AppOptions commandLine(const QStringList &arguments)
{
    AppOptions options;
    if (options.parse(QStringList{u"trade-monitor"_s} + arguments, {}) != AppOptions::Outcome::Run)
        qFatal("bad test arguments: %s", qPrintable(options.message()));
    return options;
}

} // namespace

class tst_AccountSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsOnlyWhatIsChecked();
    void startsTheFeedItIsGiven();
    void theCommandLineWinsOverChangedSettings();
    void aProfileThatNoLongerLoadsFallsBackAndSaysSo();
    void anotherAccountStartsClean();
    void quittingClosesTheFeedProperly();
    void twoAccountsSideBySide();
};

void tst_AccountSession::startsOnlyWhatIsChecked()
{
    QString error;
    // No URL (the demo) in the saved profile: fine.
    const SocketConfig demo = FeedProfile::native().configFor(QUrl(), 7);
    QVERIFY2(AccountSession::profileToStart(demo, &error), qPrintable(error));

    // A number out of its range, named.
    const FeedSetting &setting = FeedSetting::all().constFirst();
    SocketConfig badNumber = demo;
    setting.setIn(badNumber, setting.range.max + 1);
    QVERIFY(!AccountSession::profileToStart(badNumber, &error));
    QVERIFY2(error.contains(setting.displayName()), qPrintable(error));

    // A profile that cannot be read, named.
    SocketConfig badProfile = demo;
    badProfile.profile = QStringLiteral(TM_TEST_DATA "/profile-broken.json");
    QVERIFY(!AccountSession::profileToStart(badProfile, &error));
    QVERIFY2(error.contains(u"profile-broken.json"_s), qPrintable(error));
}

void tst_AccountSession::startsTheFeedItIsGiven()
{
    AccountSession account;
    QString error;
    // No URL: the built-in demo, live, its positions in the book.
    QVERIFY2(
        account.start(FeedProfile::native().configFor(QUrl(), 7), FeedProfile::native(), &error),
        qPrintable(error));
    QVERIFY(account.source()->isDemo());
    account.socket()->open();
    QTRY_COMPARE(account.socket()->state(), State::Live);
    QTRY_VERIFY(account.book()->count() > 0);
    // The log saw it happen.
    QTRY_VERIFY(account.log()->count() > 0);
}

void tst_AccountSession::theCommandLineWinsOverChangedSettings()
{
    TestFeedServer fromCommandLine;
    QVERIFY(fromCommandLine.listen());
    const AppOptions options = commandLine({u"--url"_s, fromCommandLine.url().toString()});
    QTemporaryDir dir;
    QSettings ini(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    AppSettings settings(&ini);
    settings.setFeedConfig(FeedProfile::native().configFor(QUrl(), 7));
    AccountSession account;
    QString error;
    QVERIFY(account.start(options.configFor(settings), FeedProfile::native(), &error));
    account.socket()->open();
    QTRY_COMPARE(fromCommandLine.connectionCount(), 1);

    // Settings name another feed and trader: the URL stays the command line's this run, the
    // trader id (not on the command line) is the new one.
    SocketConfig edited = FeedProfile::native().configFor(TestFeedServer::refusedUrl(), 8);
    settings.setFeedConfig(edited);
    QVERIFY(account.applySettings(options.configFor(settings)).isEmpty());
    QCOMPARE(account.socket()->config().url, fromCommandLine.url());
    QCOMPARE(account.socket()->config().traderId, 8);
    QVERIFY(!account.source()->isDemo());

    // The saved feed's token is not this server's; none is kept for this server yet.
    edited.token = u"saved-feeds-token"_s;
    settings.setFeedConfig(edited);
    QVERIFY(account.applySettings(options.configFor(settings)).isEmpty());
    QVERIFY(account.socket()->config().token.isEmpty());
    // The one kept for this server is its own, and its subscription carries it.
    settings.setTokenFor(fromCommandLine.url(), 8, u"its-own-token"_s);
    QVERIFY(account.applySettings(options.configFor(settings)).isEmpty());
    QCOMPARE(account.socket()->config().token, u"its-own-token"_s);
    QCOMPARE(account.socket()->config().subscribePayload.value(u"token"_s).toString(),
             u"its-own-token"_s);
    // What the server receives: a subscription with it.
    const auto subscribedWithIt = [&] {
        const QList<QPair<int, QJsonObject>> frames = fromCommandLine.allFrames();
        return std::any_of(frames.cbegin(), frames.cend(), [](const QPair<int, QJsonObject> &f) {
            return f.second.value(u"token"_s).toString() == u"its-own-token"_s;
        });
    };
    QTRY_VERIFY(subscribedWithIt());
}

void tst_AccountSession::aProfileThatNoLongerLoadsFallsBackAndSaysSo()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"renamed.json"_s);
    QVERIFY(QFile::copy(QStringLiteral(TM_TEST_DATA "/profile-renamed.json"), path));
    AccountSession account;
    QString error;
    QVERIFY(
        account.start(FeedProfile::native().configFor(QUrl(), 7), FeedProfile::native(), &error));
    const int logged = account.log()->count();

    // Chosen in the dialog, then broken on disk before it is applied.
    SocketConfig edited = FeedProfile::native().configFor(QUrl(), 7);
    edited.profile = path;
    QVERIFY(QFile::remove(path));
    const QStringList problems = account.applySettings(edited);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(path), qPrintable(problems.first()));
    QCOMPARE(account.source()->profile().name, FeedProfile::native().name);
    // The trader reads it in the connection log, as a warning.
    QCOMPARE(account.log()->count(), logged + 1);
    const ConnectionLog::Entry &entry = account.log()->entry(logged);
    QCOMPARE(entry.severity, ConnectionLog::Severity::Warning);
    QCOMPARE(entry.text, problems.first());
}

void tst_AccountSession::anotherAccountStartsClean()
{
    AccountSession account;
    QString error;
    QVERIFY(
        account.start(FeedProfile::native().configFor(QUrl(), 7), FeedProfile::native(), &error));
    account.socket()->open();
    QTRY_VERIFY(account.book()->count() > 0);
    const Account first = account.history()->account();

    QVERIFY(account.applySettings(FeedProfile::native().configFor(QUrl(), 9)).isEmpty());
    QVERIFY(account.history()->account() != first);
    QCOMPARE(account.history()->account(), account.source()->account());
}

void tst_AccountSession::quittingClosesTheFeedProperly()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    AccountSession account;
    QString error;
    const SocketConfig config = FeedProfile::native().configFor(server.url(), 7);
    QVERIFY(account.start(config, FeedProfile::native(), &error));
    account.socket()->open();
    QTRY_COMPARE(server.connectionCount(), 1);
    QTRY_VERIFY(!server.connection(0).frames.isEmpty());

    account.closeAndWait();
    QCOMPARE(account.socket()->state(), State::Idle);
    QTRY_VERIFY(server.connection(0).closed);
    QCOMPARE(server.connection(0).frames.constLast(), config.unsubscribePayload);
    QCOMPARE(server.connection(0).closeCode, 1000);
}

void tst_AccountSession::twoAccountsSideBySide()
{
    // What a window for several accounts will hold: two sessions, each with its own feed,
    // book, history account and log; one closed, the other stays live.
    FeedSimulator::Options few;
    few.simulation.seed = 1;
    few.simulation.positions = 3;
    FeedSimulator::Options more = few;
    more.simulation.seed = 2;
    more.simulation.positions = 5;
    FeedSimulator firstFeed(few);
    FeedSimulator secondFeed(more);
    QVERIFY(firstFeed.listen());
    QVERIFY(secondFeed.listen());
    AccountSession first;
    AccountSession second;
    QString error;
    const FeedProfile &native = FeedProfile::native();
    QVERIFY2(first.start(native.configFor(firstFeed.url(), 10260), native, &error),
             qPrintable(error));
    QVERIFY2(second.start(native.configFor(secondFeed.url(), 10260), native, &error),
             qPrintable(error));
    first.socket()->open();
    second.socket()->open();
    QTRY_COMPARE(first.socket()->state(), State::Live);
    QTRY_COMPARE(second.socket()->state(), State::Live);
    QCOMPARE(first.book()->count(), 3);
    QCOMPARE(second.book()->count(), 5);
    QVERIFY(first.history()->account() != second.history()->account());
    QCOMPARE(first.history()->account(), first.source()->account());
    QCOMPARE(second.history()->account(), second.source()->account());

    first.closeAndWait();
    QCOMPARE(first.socket()->state(), State::Idle);
    QCOMPARE(second.socket()->state(), State::Live);
    QCOMPARE(secondFeed.subscribedCount(), 1);
    // Each log tells its own feed's story.
    const auto mentions = [](const ConnectionLog *log, const QUrl &url) {
        const QString where = u"%1:%2"_s.arg(url.host()).arg(url.port());
        for (int row = 0; row < log->count(); ++row) {
            if (log->entry(row).text.contains(where))
                return true;
        }
        return false;
    };
    QVERIFY(mentions(second.log(), secondFeed.url()));
    QVERIFY(!mentions(second.log(), firstFeed.url()));
    QVERIFY(mentions(first.log(), firstFeed.url()));
    QVERIFY(!mentions(first.log(), secondFeed.url()));
}

QTEST_GUILESS_MAIN(tst_AccountSession)
#include "tst_accountsession.moc"

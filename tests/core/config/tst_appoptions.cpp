// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/appoptions.h"
#include "config/feedsettings.h"
#include "protocol/feedprofile.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class tst_AppOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void defaults();
    void everyOptionIsApplied();
    void badInputGivesAClearError_data();
    void badInputGivesAClearError();
    void commandLineWinsOverSettings();
    void profileGivesThePayloads();
    void caCertificateIsLoaded();
    void startTab_data();
    void startTab();
    void helpListsEveryOption();
    void anAccountSpecIsRead_data();
    void anAccountSpecIsRead();
    void aBadAccountSpecSaysWhy_data();
    void aBadAccountSpecSaysWhy();
    void oneAccountIsTheFeed();
    void aSavedTokenNeverGoesToAnotherServer();
    void version();
};

static QStringList args(std::initializer_list<const char *> list)
{
    QStringList result{u"trade-monitor"_s};
    for (const char *arg : list)
        result.append(QString::fromUtf8(arg));
    return result;
}

void tst_AppOptions::initTestCase()
{
    QCoreApplication::setApplicationName(u"trade-monitor"_s);
    QCoreApplication::setApplicationVersion(u"9.8.7"_s);
}

void tst_AppOptions::defaults()
{
    AppOptions options;
    QCOMPARE(options.parse(args({})), AppOptions::Outcome::Run);
    const SocketConfig &config = options.socketConfig();
    QVERIFY(config.url.isEmpty());
    QCOMPARE(config.traderId, 10260);
    QCOMPARE(config.heartbeatInterval, 15000ms);
    QCOMPARE(config.pongTimeout, 10000ms);
    QCOMPARE(config.connectTimeout, 10000ms);
    QCOMPARE(config.reconnectMin, 2000ms);
    QCOMPARE(config.reconnectMax, 6000ms);
    QCOMPARE(config.minUptime, 5000ms);
    QCOMPARE(config.maxRetries, 5);
    QCOMPARE(config.snapshotTimeout, 10000ms);
    QCOMPARE(config.giveUpAfter, 60000ms);
    QCOMPARE(config.maxIncomingMessageSize, 16 * 1024 * 1024);
    QCOMPARE(config.subscribePayload.value("type"_L1).toString(), u"Subscribe"_s);
    QCOMPARE(config.subscribePayload.value("traderid"_L1).toInteger(), 10260);
    QCOMPARE(config.unsubscribePayload.value("type"_L1).toString(), u"Unsubscribe"_s);
    QVERIFY(options.databasePath().isEmpty());
}

void tst_AppOptions::everyOptionIsApplied()
{
    AppOptions options;
    QCOMPARE(options.parse(args({"--url",
                                 "wss://feed.example.com:8443/positions",
                                 "--trader-id",
                                 "777",
                                 "--heartbeat-ms",
                                 "2000",
                                 "--pong-timeout-ms",
                                 "900",
                                 "--connect-timeout-ms",
                                 "3000",
                                 "--max-retries",
                                 "0",
                                 "--reconnect-min-ms",
                                 "250",
                                 "--reconnect-max-ms",
                                 "4000",
                                 "--snapshot-timeout-ms",
                                 "2500",
                                 "--give-up-after-ms",
                                 "0",
                                 "--db",
                                 "/tmp/history.sqlite"})),
             AppOptions::Outcome::Run);
    const SocketConfig &config = options.socketConfig();
    QCOMPARE(config.url, QUrl(u"wss://feed.example.com:8443/positions"_s));
    QCOMPARE(config.traderId, 777);
    QCOMPARE(config.heartbeatInterval, 2000ms);
    QCOMPARE(config.pongTimeout, 900ms);
    QCOMPARE(config.connectTimeout, 3000ms);
    QCOMPARE(config.maxRetries, 0);
    QCOMPARE(config.reconnectMin, 250ms);
    QCOMPARE(config.reconnectMax, 4000ms);
    QCOMPARE(config.snapshotTimeout, 2500ms);
    QCOMPARE(config.giveUpAfter, 0ms); // 0: give up as soon as the retries are used up
    // The payloads follow the trader id.
    QCOMPARE(config.subscribePayload.value("traderid"_L1).toInteger(), 777);
    QCOMPARE(config.unsubscribePayload.value("traderid"_L1).toInteger(), 777);
    QCOMPARE(options.databasePath(), u"/tmp/history.sqlite"_s);
    QVERIFY(FeedSetting::validate(config).isEmpty());
}

void tst_AppOptions::badInputGivesAClearError_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");

    QTest::addRow("unknown option") << args({"--bogus"}) << u"Unknown option 'bogus'"_s;
    QTest::addRow("missing value") << args({"--url"}) << u"Missing value after '--url'"_s;
    QTest::addRow("http url") << args({"--url", "http://example.com/"}) << u"ws:// or wss://"_s;
    QTest::addRow("no host") << args({"--url", "ws://"}) << u"not a valid URL"_s;
    QTest::addRow("garbage url") << args({"--url", "::::"}) << u"--url"_s;
    QTest::addRow("trader id text")
        << args({"--trader-id", "abc"}) << u"--trader-id: expected a whole number"_s;
    QTest::addRow("trader id zero") << args({"--trader-id", "0"}) << u"from 1 to"_s;
    QTest::addRow("trader id huge") << args({"--trader-id", "99999999999999"}) << u"--trader-id"_s;
    QTest::addRow("heartbeat negative") << args({"--heartbeat-ms", "-5"}) << u"--heartbeat-ms"_s;
    QTest::addRow("heartbeat too small") << args({"--heartbeat-ms", "1"}) << u"from 10"_s;
    QTest::addRow("heartbeat fraction") << args({"--heartbeat-ms", "1.5"}) << uR"("1.5")"_s;
    QTest::addRow("pong timeout empty")
        << args({"--pong-timeout-ms", ""}) << u"--pong-timeout-ms"_s;
    QTest::addRow("connect timeout text")
        << args({"--connect-timeout-ms", "soon"}) << u"--connect-timeout-ms"_s;
    QTest::addRow("retries negative") << args({"--max-retries", "-1"}) << u"--max-retries"_s;
    QTest::addRow("reconnect min text")
        << args({"--reconnect-min-ms", "x"}) << u"--reconnect-min-ms"_s;
    QTest::addRow("max below min")
        << args({"--reconnect-min-ms", "5000", "--reconnect-max-ms", "200"})
        << u"must not be shorter"_s;
    // Faster retries would hammer a server that is coming back (1,000 attempts in 3 s).
    QTest::addRow("reconnect min zero")
        << args({"--reconnect-min-ms", "0"})
        << u"--reconnect-min-ms: expected a whole number from 100 to 86400000, got \"0\""_s;
    QTest::addRow("reconnect min 99") << args({"--reconnect-min-ms", "99"}) << u"from 100"_s;
    QTest::addRow("reconnect max zero")
        << args({"--reconnect-max-ms", "0"})
        << u"--reconnect-max-ms: expected a whole number from 100"_s;
    QTest::addRow("snapshot timeout zero")
        << args({"--snapshot-timeout-ms", "0"})
        << u"--snapshot-timeout-ms: expected a whole number from 100"_s;
    QTest::addRow("snapshot timeout text")
        << args({"--snapshot-timeout-ms", "later"}) << u"--snapshot-timeout-ms"_s;
    QTest::addRow("give-up negative") << args({"--give-up-after-ms", "-1"})
                                      << u"--give-up-after-ms: expected a whole number from 0"_s;
    QTest::addRow("empty db path") << args({"--db", " "}) << u"--db"_s;
    QTest::addRow("stray argument") << args({"positional"}) << u"Unexpected argument"_s;
    QTest::addRow("demo and url") << args({"--demo", "--url", "ws://h/"})
                                  << u"exclude each other"_s;
    QTest::addRow("ca-cert missing")
        << args({"--ca-cert", "/no/such/ca.pem"}) << u"--ca-cert: no PEM certificate"_s;
    QTest::addRow("profile missing")
        << args({"--profile", "/no/such/profile.json"})
        << u"--profile: profile /no/such/profile.json: cannot be read"_s;
    QTest::addRow("profile broken")
        << QStringList{u"trade-monitor"_s, u"--profile"_s,
                       QStringLiteral(TM_TEST_DATA "/profile-broken.json")}
        << uR"(profile-broken.json: key "fields": "id" is mapped twice)"_s;
    QTest::addRow("bad tab") << args({"--tab", "history"})
                             << u"--tab: expected \"open\" or \"closed\""_s;
    // Each account names its own feed.
    for (const char *option : {"--url=ws://h/", "--trader-id=5", "--profile=seed", "--demo"}) {
        QTest::addRow("--account and %s", option)
            << args({"--account", "url=ws://a/", option})
            << u"--account and --%1 exclude each other"_s.arg(
                   QString::fromLatin1(option).mid(2).section(u'=', 0, 0));
    }
    QTest::addRow("the second account is bad")
        << args({"--account", "url=ws://a/", "--account", "trader=x;url=ws://b/"})
        << u"--account (the 2 of 2): trader=: expected a whole number"_s;
    QTest::addRow("one account twice")
        << args({"--account", "name=Main;url=wss://feed.example.com/p", "--account",
                 "trader=10260;name=Again;url=wss://FEED.example.com:443/p"})
        << uR"(--account: "Main" and "Again" are the same account (trader 10260 at wss://feed.example.com:443/p))"_s;
    QTest::addRow("two accounts of one name")
        << args({"--account", "name=Main;url=wss://a.example/", "--account",
                 "name=main;url=wss://b.example/"})
        << uR"(--account: two accounts are named "main")"_s;
}

void tst_AppOptions::badInputGivesAClearError()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    AppOptions options;
    QCOMPARE(options.parse(arguments), AppOptions::Outcome::Error);
    QVERIFY2(options.message().contains(expected), qPrintable(options.message()));
}

void tst_AppOptions::profileGivesThePayloads()
{
    AppOptions seed;
    QCOMPARE(seed.parse(args({"--profile", "seed", "--trader-id", "77"})),
             AppOptions::Outcome::Run);
    SocketConfig config = seed.socketConfig();
    QCOMPARE(config.profile, u"seed"_s);
    QCOMPARE(config.subscribePayload,
             QJsonObject({{u"value"_s, u"value1"_s}, {u"type"_s, u"type1"_s}}));
    QCOMPARE(config.pingPayload, QJsonObject({{u"traderid"_s, 77}, {u"type"_s, u"Ping"_s}}));
    QVERIFY(config.pingTimestampKey.isEmpty());

    AppOptions file;
    const QString path = QStringLiteral(TM_TEST_DATA "/profile-renamed.json");
    QCOMPARE(file.parse({u"trade-monitor"_s, u"--profile"_s, path, u"--trader-id"_s, u"5"_s}),
             AppOptions::Outcome::Run);
    QVERIFY(file.profile());
    QCOMPARE(file.profile()->field(u"profit"_s), u"pl"_s);
    // Over saved settings that name another profile, the command line wins.
    SocketConfig saved = FeedProfile::native().configFor(QUrl(u"ws://h/"_s), 9, u"tok"_s);
    config = file.apply(saved);
    QCOMPARE(config.profile, path);
    QCOMPARE(config.subscribePayload.value("traderid"_L1).toInteger(), 5);
    QCOMPARE(config.subscribePayload.value("auth"_L1).toString(), u"tok"_s);
}

void tst_AppOptions::commandLineWinsOverSettings()
{
    SocketConfig saved = FeedProfile::native().configFor(QUrl(u"ws://saved.example/feed"_s), 5);
    saved.heartbeatInterval = 3000ms;
    saved.maxRetries = 9;
    AppOptions options;
    QCOMPARE(options.parse(args({"--trader-id", "77", "--max-retries", "2"})),
             AppOptions::Outcome::Run);
    const SocketConfig merged = options.apply(saved);
    QCOMPARE(merged.url, saved.url);            // not given: the setting stays
    QCOMPARE(merged.heartbeatInterval, 3000ms); // not given: the setting stays
    QCOMPARE(merged.traderId, 77);              // given: the command line wins
    QCOMPARE(merged.maxRetries, 2);
    QCOMPARE(merged.subscribePayload.value("traderid"_L1).toInteger(), 77);

    AppOptions demo;
    QCOMPARE(demo.parse(args({"--demo"})), AppOptions::Outcome::Run);
    QVERIFY(demo.apply(saved).url.isEmpty()); // --demo overrides a saved URL
}

void tst_AppOptions::caCertificateIsLoaded()
{
    AppOptions options;
    const QByteArray path = TM_TEST_DATA "/ca.pem";
    QCOMPARE(
        options.parse(args({"--url", "wss://localhost:9443/feed", "--ca-cert", path.constData()})),
        AppOptions::Outcome::Run);
    QCOMPARE(options.socketConfig().caCertificates.size(), 1);
}

void tst_AppOptions::startTab_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<AppOptions::Tab>("tab");
    QTest::addRow("default") << args({}) << AppOptions::Tab::Open;
    QTest::addRow("open") << args({"--tab", "open"}) << AppOptions::Tab::Open;
    QTest::addRow("closed") << args({"--tab", "Closed"}) << AppOptions::Tab::Closed;
}

void tst_AppOptions::startTab()
{
    QFETCH(QStringList, arguments);
    QFETCH(AppOptions::Tab, tab);
    AppOptions options;
    QCOMPARE(options.parse(arguments), AppOptions::Outcome::Run);
    QCOMPARE(options.startTab(), tab);
}

void tst_AppOptions::helpListsEveryOption()
{
    AppOptions options;
    QCOMPARE(options.parse(args({"--help"})), AppOptions::Outcome::ShowHelp);
    for (const char *name :
         {"--url", "--trader-id", "--heartbeat-ms", "--pong-timeout-ms", "--connect-timeout-ms",
          "--snapshot-timeout-ms", "--max-retries", "--give-up-after-ms", "--reconnect-min-ms",
          "--reconnect-max-ms", "--db", "--ca-cert", "--demo", "--tab", "--version", "--help"})
        QVERIFY2(options.message().contains(QLatin1String(name)), name);
}

void tst_AppOptions::version()
{
    AppOptions options;
    QCOMPARE(options.parse(args({"--version"})), AppOptions::Outcome::ShowVersion);
    QCOMPARE(options.message(), u"trade-monitor 9.8.7"_s);
}

void tst_AppOptions::anAccountSpecIsRead_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("url");
    QTest::addColumn<qint64>("trader"); // 0: not given
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("name");
    QTest::addRow("the url alone")
        << u"url=wss://feed.example.com/positions"_s << u"wss://feed.example.com/positions"_s
        << qint64(0) << QString() << QString();
    QTest::addRow("everything") << u"trader=77;profile=seed;name=Prop firm;url=ws://h:8080/f"_s
                                << u"ws://h:8080/f"_s << qint64(77) << u"seed"_s << u"Prop firm"_s;
    QTest::addRow("spaces around") << u" name = Main ; trader = 5 ; url = ws://h/ "_s
                                   << u"ws://h/"_s << qint64(5) << QString() << u"Main"_s;
    QTest::addRow("a url with ';' (it comes last)")
        << u"name=X;url=wss://h/feed;session=1?a=b;c"_s << u"wss://h/feed;session=1?a=b;c"_s
        << qint64(0) << QString() << u"X"_s;
    QTest::addRow("keys in capitals")
        << u"NAME=Main;URL=ws://h/"_s << u"ws://h/"_s << qint64(0) << QString() << u"Main"_s;
}

void tst_AppOptions::anAccountSpecIsRead()
{
    QFETCH(QString, spec);
    QFETCH(QString, url);
    QFETCH(qint64, trader);
    QFETCH(QString, profile);
    QFETCH(QString, name);
    QString error;
    const std::optional<AccountSpec> read = AccountSpec::parse(spec, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->url.toString(), url);
    QCOMPARE(read->traderId, trader);
    QCOMPARE(read->profile, profile);
    QCOMPARE(read->name, name);
    QCOMPARE(read->displayName(), name.isEmpty() ? read->account().displayName() : name);
}

void tst_AppOptions::aBadAccountSpecSaysWhy_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("why");
    QTest::addRow("empty") << u" "_s << u"the spec is empty; url=… is required"_s;
    QTest::addRow("no url") << u"trader=5;name=Main"_s << u"url=… is required (and comes last)"_s;
    QTest::addRow("not key=value") << u"wss://h/"_s << u"\"wss://h/\" is not key=value"_s;
    QTest::addRow("an unknown key") << u"token=secret;url=ws://h/"_s << u"unknown key \"token\""_s;
    QTest::addRow("a key twice") << u"name=A;name=B;url=ws://h/"_s << u"name= is given twice"_s;
    QTest::addRow("trader not a number")
        << u"trader=ten;url=ws://h/"_s << u"trader=: expected a whole number from 1"_s;
    QTest::addRow("trader zero")
        << u"trader=0;url=ws://h/"_s
        << u"trader=: expected a whole number from 1 to 2147483647, got \"0\""_s;
    QTest::addRow("not a WebSocket url") << u"url=http://h/"_s << u"url=: "_s;
    QTest::addRow("an empty url") << u"url="_s << u"url=: "_s;
    QTest::addRow("an unknown profile")
        << u"profile=/no/such.json;url=ws://h/"_s << u"profile=: profile /no/such.json"_s;
    QTest::addRow("an empty name") << u"name=;url=ws://h/"_s << u"name= is empty"_s;
}

void tst_AppOptions::aBadAccountSpecSaysWhy()
{
    QFETCH(QString, spec);
    QFETCH(QString, why);
    QString error;
    QVERIFY(!AccountSpec::parse(spec, &error));
    QVERIFY2(error.startsWith(why), qPrintable(error));
    // On the command line: exit 2 with the same reason, the account by its place.
    AppOptions options;
    QCOMPARE(options.parse({u"trade-monitor"_s, u"--account"_s, spec}), AppOptions::Outcome::Error);
    QCOMPARE(options.message(), u"--account (the 1 of 1): %1."_s.arg(error));
}

void tst_AppOptions::oneAccountIsTheFeed()
{
    // One account behaves as --url, --trader-id and --profile would.
    AppOptions options;
    QCOMPARE(options.parse(args({"--account", "trader=77;profile=seed;name=Main;url=ws://h/f",
                                 "--heartbeat-ms", "5000"})),
             AppOptions::Outcome::Run);
    QCOMPARE(options.accounts().size(), 1);
    const SocketConfig saved =
        FeedProfile::native().configFor(QUrl(u"ws://saved.example/feed"_s), 5);
    const SocketConfig config = options.apply(saved);
    QCOMPARE(config.url, QUrl(u"ws://h/f"_s));
    QCOMPARE(config.traderId, 77);
    QCOMPARE(config.profile, u"seed"_s);
    QCOMPARE(config.pingPayload, QJsonObject({{u"traderid"_s, 77}, {u"type"_s, u"Ping"_s}}));
    QCOMPARE(config.heartbeatInterval, 5000ms); // the other options hold for it too
    const AppOptions::Overrides overrides = options.overrides();
    QVERIFY(overrides.url && overrides.profile);
    QVERIFY(overrides.numbers.contains(FeedSetting::Id::TraderId));
}

void tst_AppOptions::aSavedTokenNeverGoesToAnotherServer()
{
    const SocketConfig saved =
        FeedProfile::native().configFor(QUrl(u"wss://saved.example/feed"_s), 5, u"saved-token"_s);
    QProcessEnvironment none;
    QProcessEnvironment withToken;
    withToken.insert(QString::fromLatin1(FeedSetting::kTokenVariable), u"env-token"_s);
    const auto tokenFor = [&](std::initializer_list<const char *> list,
                              const QProcessEnvironment &environment) {
        AppOptions options;
        if (options.parse(args(list), environment) != AppOptions::Outcome::Run)
            return u"(refused: %1)"_s.arg(options.message());
        return options.apply(saved).token;
    };
    // The saved feed, however it is named: its token.
    QCOMPARE(tokenFor({"--trader-id", "6"}, none), u"saved-token"_s);
    QCOMPARE(tokenFor({"--account", "trader=6;url=wss://SAVED.example:443/feed"}, none),
             u"saved-token"_s);
    // Another server: none, unless the environment gives one for it.
    QCOMPARE(tokenFor({"--url", "wss://other.example/feed"}, none), QString());
    QCOMPARE(tokenFor({"--account", "url=wss://other.example/feed"}, none), QString());
    QCOMPARE(tokenFor({"--account", "url=wss://other.example/feed"}, withToken), u"env-token"_s);
    // Two accounts: the environment's token is no one's.
    AppOptions two;
    QCOMPARE(
        two.parse(args({"--account", "url=wss://a.example/", "--account", "url=wss://b.example/"}),
                  withToken),
        AppOptions::Outcome::Run);
    QCOMPARE(two.accounts().size(), 2);
    for (const AccountSpec &account : two.accounts())
        QCOMPARE(two.apply(saved, account).token, QString());
}

QTEST_GUILESS_MAIN(tst_AppOptions)
#include "tst_appoptions.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/appsettings.h"
#include "config/feedsettings.h"
#include "protocol/feedprofile.h"

#include <QFile>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class tst_AppSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void accountsAreKeptInTheirOrder();
    void aBadAccountIsLeftOutAndSaid();
    void defaultsWhenNothingIsSaved();
    void roundTrip();
    void aValueLeftAtItsDefaultFollowsTheNextDefault();
    void badValuesAreIgnoredOneByOne_data();
    void badValuesAreIgnoredOneByOne();
    void alertSettingsRoundTrip();
    void badAlertValuesAreProblemsNotFatal();
    void eachAlertSettingIsKeptAndCompared();
    void eachServerKeepsItsOwnToken();
    void theColorSchemeIsKeptAndABadOneReadsAsSystem_data();
    void theColorSchemeIsKeptAndABadOneReadsAsSystem();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString file() const { return m_dir->filePath(u"settings.ini"_s); }
};

void tst_AppSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_AppSettings::defaultsWhenNothingIsSaved()
{
    QSettings ini(file(), QSettings::IniFormat);
    AppSettings settings(&ini);
    const SocketConfig config = settings.feedConfig();
    QVERIFY(config.url.isEmpty()); // the demo feed
    QCOMPARE(config.traderId, 10260);
    QCOMPARE(config.heartbeatInterval, 15000ms);
    QCOMPARE(config.maxRetries, 5);
    QCOMPARE(config.snapshotTimeout, 10000ms);
    QCOMPARE(config.giveUpAfter, 60000ms);
    QVERIFY(settings.problems().isEmpty());
}

void tst_AppSettings::roundTrip()
{
    SocketConfig config =
        FeedProfile::native().configFor(QUrl(u"wss://feed.example.com/positions"_s), 4711);
    config.heartbeatInterval = 5000ms;
    config.pongTimeout = 2500ms;
    config.maxRetries = 0;
    config.reconnectMin = 250ms;
    config.reconnectMax = 8000ms;
    config.snapshotTimeout = 3000ms;
    config.giveUpAfter = 0ms;
    FeedProfile::seed().applyTo(config);
    {
        QSettings ini(file(), QSettings::IniFormat);
        AppSettings(&ini).setFeedConfig(config);
    }
    QSettings ini(file(), QSettings::IniFormat);
    AppSettings settings(&ini);
    const SocketConfig back = settings.feedConfig();
    QCOMPARE(back.url, config.url);
    QCOMPARE(back.traderId, 4711);
    QCOMPARE(back.heartbeatInterval, 5000ms);
    QCOMPARE(back.pongTimeout, 2500ms);
    QCOMPARE(back.maxRetries, 0);
    QCOMPARE(back.reconnectMin, 250ms);
    QCOMPARE(back.reconnectMax, 8000ms);
    QCOMPARE(back.snapshotTimeout, 3000ms);
    QCOMPARE(back.giveUpAfter, 0ms);
    QCOMPARE(back.profile, u"seed"_s);
    QCOMPARE(back.subscribePayload, *FeedProfile::seed().subscribe);
    QCOMPARE(back.pingPayload.value("traderid"_L1).toInteger(), 4711); // the trader id follows
    QVERIFY(settings.problems().isEmpty());
}

void tst_AppSettings::aValueLeftAtItsDefaultFollowsTheNextDefault()
{
    // Saved with every delay at its default: the file keeps none of them, so a later version's
    // better defaults reach this user; a value of their own is kept.
    SocketConfig config = FeedProfile::native().configFor(QUrl(), 10260);
    config.heartbeatInterval = 5000ms;
    {
        QSettings ini(file(), QSettings::IniFormat);
        AppSettings(&ini).setFeedConfig(config);
    }
    {
        QSettings ini(file(), QSettings::IniFormat);
        QVERIFY(!ini.contains(u"feed/reconnectMaxMs"_s));
        QVERIFY(!ini.contains(u"feed/giveUpAfterMs"_s));
        QCOMPARE(ini.value(u"feed/heartbeatMs"_s).toString(), u"5000"_s);
        // The file an earlier version wrote: its defaults, 1 s to 30 s, written out.
        ini.setValue(u"feed/reconnectMinMs"_s, 1000);
        ini.setValue(u"feed/reconnectMaxMs"_s, 30000);
    }
    {
        QSettings ini(file(), QSettings::IniFormat);
        AppSettings settings(&ini);
        const SocketConfig back = settings.feedConfig();
        QCOMPARE(back.reconnectMin, Defaults::kReconnectMin);
        QCOMPARE(back.reconnectMax, Defaults::kReconnectMax);
        QCOMPARE(back.heartbeatInterval, 5000ms);
        QVERIFY(settings.problems().isEmpty());
    }
    // A delay the user chose, even one that matches an old default alone, stays.
    {
        QSettings ini(file(), QSettings::IniFormat);
        ini.setValue(u"feed/reconnectMinMs"_s, 1000);
        ini.setValue(u"feed/reconnectMaxMs"_s, 20000);
    }
    QSettings ini(file(), QSettings::IniFormat);
    const SocketConfig chosen = AppSettings(&ini).feedConfig();
    QCOMPARE(chosen.reconnectMin, 1000ms);
    QCOMPARE(chosen.reconnectMax, 20000ms);
}

void tst_AppSettings::badValuesAreIgnoredOneByOne_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem");
    QTest::addRow("url scheme") << u"feed/url"_s << u"http://x/"_s << u"ws:// or wss://"_s;
    QTest::addRow("trader id text") << u"feed/traderId"_s << u"me"_s << u"feed/traderId: \"me\""_s;
    QTest::addRow("heartbeat zero") << u"feed/heartbeatMs"_s << u"0"_s << u"feed/heartbeatMs"_s;
    QTest::addRow("retries negative") << u"feed/maxRetries"_s << u"-4"_s << u"feed/maxRetries"_s;
    QTest::addRow("max below min") << u"feed/reconnectMaxMs"_s << u"500"_s << u"shorter than"_s;
    // Below 100 ms a user would make the client hammer a server that is coming back.
    QTest::addRow("min below 100 ms")
        << u"feed/reconnectMinMs"_s << u"0"_s
        << u"feed/reconnectMinMs: \"0\" is not a whole number from 100"_s;
    QTest::addRow("snapshot timeout zero")
        << u"feed/snapshotTimeoutMs"_s << u"0"_s << u"feed/snapshotTimeoutMs"_s;
    QTest::addRow("profile file missing")
        << u"feed/profile"_s << u"/no/such/dialect.json"_s
        << u"feed/profile: profile /no/such/dialect.json: cannot be read"_s;
    QTest::addRow("give-up time negative")
        << u"feed/giveUpAfterMs"_s << u"-1"_s << u"feed/giveUpAfterMs"_s;
}

void tst_AppSettings::badValuesAreIgnoredOneByOne()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, problem);
    QSettings ini(file(), QSettings::IniFormat);
    ini.setValue(u"feed/pongTimeoutMs"_s, 1234); // a good value next to the bad one
    ini.setValue(key, value);
    AppSettings settings(&ini);
    const SocketConfig config = settings.feedConfig();
    QCOMPARE(settings.problems().size(), 1);
    QVERIFY2(settings.problems().at(0).contains(problem), qPrintable(settings.problems().at(0)));
    QCOMPARE(config.pongTimeout, 1234ms); // the good one still counts
    SocketConfig checked = config;
    if (checked.url.isEmpty())
        checked.url = QUrl(u"ws://127.0.0.1/"_s);
    QVERIFY2(FeedSetting::validate(checked).isEmpty(), qPrintable(FeedSetting::validate(checked)));
}

void tst_AppSettings::alertSettingsRoundTrip()
{
    QSettings ini(file(), QSettings::IniFormat);
    AppSettings settings(&ini);
    QVERIFY(settings.alertSettings() == AlertSettings()); // nothing saved: the defaults
    AlertSettings alerts;
    alerts.ownPositions = false;
    alerts.marginLevelPercent = 150.5;
    alerts.feedLostAfter = 30s;
    alerts.sound = true;
    alerts.keepRunningInTray = true;
    settings.setAlertSettings(alerts);
    QSettings again(file(), QSettings::IniFormat);
    QVERIFY(AppSettings(&again).alertSettings() == alerts);
}

void tst_AppSettings::eachAlertSettingIsKeptAndCompared()
{
    // One row changed at a time: it differs from the defaults, is written under its own key,
    // and reads back.
    QSet<QString> keys;
    for (const AlertSetting &row : AlertSetting::all()) {
        const QString key = QLatin1String(row.key);
        QVERIFY2(!keys.contains(key), row.key);
        keys.insert(key);
        AlertSettings changed;
        switch (row.kind) {
        case AlertSetting::Kind::Flag:
            row.member.setIn(changed, !row.member.valueIn(changed).toBool());
            break;
        case AlertSetting::Kind::Percent:
            row.member.setIn(changed, row.min);
            break;
        case AlertSetting::Kind::Milliseconds:
            row.member.setIn(changed, qint64(row.max));
            break;
        }
        QVERIFY2(changed != AlertSettings(), row.key);
        QFile::remove(file());
        {
            QSettings ini(file(), QSettings::IniFormat);
            AppSettings(&ini).setAlertSettings(changed);
        }
        QSettings ini(file(), QSettings::IniFormat);
        QVERIFY2(ini.contains(key), row.key);
        AppSettings settings(&ini);
        QCOMPARE(settings.alertSettings(), changed);
        QVERIFY(settings.problems().isEmpty());
    }
}

void tst_AppSettings::badAlertValuesAreProblemsNotFatal()
{
    {
        QSettings ini(file(), QSettings::IniFormat);
        ini.setValue(u"alerts/sound"_s, u"loud"_s);
        ini.setValue(u"alerts/marginLevelPercent"_s, u"-5"_s);
        ini.setValue(u"alerts/feedLostAfterMs"_s, u"10"_s);
        ini.setValue(u"alerts/feed"_s, u"false"_s);
    }
    QSettings ini(file(), QSettings::IniFormat);
    AppSettings settings(&ini);
    const AlertSettings alerts = settings.alertSettings();
    QCOMPARE(alerts.sound, false);
    QCOMPARE(alerts.marginLevelPercent, 100.0);
    QCOMPARE(alerts.feedLostAfter, 10s);
    QCOMPARE(alerts.feed, false); // the good one is kept
    const QStringList problems = settings.problems();
    QCOMPARE(problems.size(), 3);
    QCOMPARE(problems.at(0), u"alerts/sound: \"loud\" is not true or false; using false."_s);
    QVERIFY(problems.at(1).startsWith(u"alerts/marginLevelPercent: \"-5\" is not a percentage"_s));
    QVERIFY(problems.at(2).startsWith(u"alerts/feedLostAfterMs: \"10\" is not a whole number"_s));
}

void tst_AppSettings::eachServerKeepsItsOwnToken()
{
    const QUrl saved(u"wss://saved.example/feed"_s);
    const QUrl other(u"wss://other.example/feed"_s);
    {
        QSettings ini(file(), QSettings::IniFormat);
        AppSettings settings(&ini);
        settings.setFeedConfig(FeedProfile::native().configFor(saved, 5, u"saved-token"_s));
        // Typed in Settings while the command line named another server: kept for it alone.
        settings.setTokenFor(other, 5, u"other-token"_s);
        QVERIFY(settings.problems().isEmpty());
    }
    QSettings ini(file(), QSettings::IniFormat); // the next start
    AppSettings settings(&ini);
    QCOMPARE(settings.feedConfig().token, u"saved-token"_s); // the saved feed's untouched
    QCOMPARE(settings.tokenFor(saved, 5), u"saved-token"_s);
    QCOMPARE(settings.tokenFor(QUrl(u"wss://SAVED.example:443/feed"_s), 5), u"saved-token"_s);
    QCOMPARE(settings.tokenFor(other, 5), u"other-token"_s);
    QCOMPARE(settings.tokenFor(QUrl(u"wss://third.example/feed"_s), 5), QString());
    // The saved feed's own, set the same way, is its token.
    settings.setTokenFor(saved, 5, u"renewed"_s);
    QCOMPARE(settings.feedConfig().token, u"renewed"_s);
    QCOMPARE(settings.tokenFor(other, 5), u"other-token"_s);
    // No token is ever in the settings file.
    QFile written(file());
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray text = written.readAll();
    QVERIFY(!text.contains("other-token") && !text.contains("renewed"));
}

void tst_AppSettings::theColorSchemeIsKeptAndABadOneReadsAsSystem_data()
{
    QTest::addColumn<QString>("written"); // as the file holds it, written by hand
    QTest::addColumn<int>("chosen");      // a ColorScheme the app saves, or -1
    QTest::addColumn<int>("read");
    QTest::addRow("nothing saved") << QString() << -1 << int(ColorScheme::System);
    QTest::addRow("light") << QString() << int(ColorScheme::Light) << int(ColorScheme::Light);
    QTest::addRow("dark") << QString() << int(ColorScheme::Dark) << int(ColorScheme::Dark);
    QTest::addRow("back to system")
        << u"dark"_s << int(ColorScheme::System) << int(ColorScheme::System);
    QTest::addRow("by hand, in capitals") << u" Dark "_s << -1 << int(ColorScheme::Dark);
    QTest::addRow("by hand, unknown") << u"solarized"_s << -1 << int(ColorScheme::System);
}

void tst_AppSettings::theColorSchemeIsKeptAndABadOneReadsAsSystem()
{
    QFETCH(QString, written);
    QFETCH(int, chosen);
    QFETCH(int, read);
    {
        QSettings ini(file(), QSettings::IniFormat);
        if (!written.isEmpty())
            ini.setValue(u"ui/colorScheme"_s, written);
        if (chosen >= 0)
            AppSettings(&ini).setColorScheme(ColorScheme(chosen));
    }
    QSettings ini(file(), QSettings::IniFormat); // as the next start reads it
    QCOMPARE(int(AppSettings(&ini).colorScheme()), read);
}

void tst_AppSettings::accountsAreKeptInTheirOrder()
{
    const QList<AccountSpec> accounts{
        {u"Prop"_s, QUrl(u"wss://prop.example/feed?apikey=s3cret"_s), 20520, u"seed"_s},
        {u"Main"_s, QUrl(u"wss://user:pa55@main.example/feed"_s), 10260, QString()},
        {QString(), QUrl(u"ws://127.0.0.1:9000/"_s), 0, QString()}};
    {
        QSettings ini(file(), QSettings::IniFormat);
        AppSettings settings(&ini);
        settings.setAccounts(accounts);
        settings.setTokenFor(accounts.at(0).url, 20520, u"prop-token"_s);
        settings.setTokenFor(accounts.at(1).url, 10260, u"main-token"_s);
        QVERIFY(settings.problems().isEmpty());
    }
    QSettings ini(file(), QSettings::IniFormat); // the next start
    AppSettings settings(&ini);
    const QList<AccountSpec> read = settings.accounts();
    QVERIFY2(settings.problems().isEmpty(), qPrintable(settings.problems().join(u'\n')));
    QCOMPARE(read.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(read.at(i).name, accounts.at(i).name);
        QCOMPARE(read.at(i).url, accounts.at(i).url); // credentials put back
        QCOMPARE(read.at(i).traderId, accounts.at(i).traderId);
        QCOMPARE(read.at(i).profile, accounts.at(i).profile);
    }
    // Each account's own token.
    QCOMPARE(settings.tokenFor(read.at(0).url, 20520), u"prop-token"_s);
    QCOMPARE(settings.tokenFor(read.at(1).url, 10260), u"main-token"_s);
    // No secret is in the settings file.
    QFile written(file());
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray text = written.readAll();
    for (const char *secret : {"s3cret", "pa55", "prop-token", "main-token"})
        QVERIFY2(!text.contains(secret), secret);
    QVERIFY(text.contains("prop.example"));
    // Fewer accounts: the others are gone.
    settings.setAccounts({accounts.at(1)});
    QCOMPARE(settings.accounts().size(), 1);
    QCOMPARE(settings.accounts().constFirst().name, u"Main"_s);
}

void tst_AppSettings::aBadAccountIsLeftOutAndSaid()
{
    {
        QSettings ini(file(), QSettings::IniFormat);
        ini.beginWriteArray(u"accounts"_s, 4);
        const QStringList urls{u"wss://a.example/"_s, u"http://b.example/"_s, u"wss://c.example/"_s,
                               u"wss://A.example:443/"_s};
        const QStringList traders{u"1"_s, u"2"_s, u"three"_s, u"1"_s};
        for (int i = 0; i < 4; ++i) {
            ini.setArrayIndex(i);
            ini.setValue(u"name"_s, u"Account %1"_s.arg(i + 1));
            ini.setValue(u"url"_s, urls.at(i));
            ini.setValue(u"traderId"_s, traders.at(i));
        }
        ini.endArray();
    }
    QSettings ini(file(), QSettings::IniFormat);
    AppSettings settings(&ini);
    const QList<AccountSpec> read = settings.accounts();
    QCOMPARE(read.size(), 1);
    QCOMPARE(read.constFirst().name, u"Account 1"_s);
    const QStringList problems = settings.problems();
    QCOMPARE(problems.size(), 3);
    QVERIFY2(problems.at(0).startsWith(u"accounts/2: "_s) && problems.at(0).contains(u"ws://"_s),
             qPrintable(problems.at(0)));
    QVERIFY2(problems.at(1).startsWith(u"accounts/3: the trader id \"three\""_s),
             qPrintable(problems.at(1)));
    QVERIFY2(problems.at(2).startsWith(u"accounts/4: "_s) &&
                 problems.at(2).contains(u"same account"_s),
             qPrintable(problems.at(2)));
}

QTEST_GUILESS_MAIN(tst_AppSettings)
#include "tst_appsettings.moc"

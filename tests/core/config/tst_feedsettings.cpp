// SPDX-License-Identifier: GPL-3.0-or-later
// One table for every number a user may set about the feed: the settings file, the command
// line and the Settings dialog take the same names, the same limits and the same defaults, and
// refuse a value outside them with the same words.
#include "config/appoptions.h"
#include "config/appsettings.h"
#include "config/feedsettings.h"
#include "named.h"
#include "protocol/feedprofile.h"
#include "settingsdialog.h"

#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Id = FeedSetting::Id;

class tst_FeedSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySettingEverywhere_data();
    void everySettingEverywhere();
    void theDefaultsAreSocketConfigs();
    void eachIdIsOneRowOfItsOwnMember();
    void theTokenIsReadFromTheEnvironmentOnce();
};

void tst_FeedSettings::everySettingEverywhere_data()
{
    QTest::addColumn<Id>("id");
    for (const FeedSetting &setting : FeedSetting::all())
        QTest::addRow("%s", setting.option) << setting.id;
}

void tst_FeedSettings::everySettingEverywhere()
{
    QFETCH(Id, id);
    const FeedSetting &setting = FeedSetting::of(id);
    QCOMPARE(setting.id, id);
    const qint64 inside = setting.range.max;
    const qint64 outside = setting.range.min - 1;

    // The settings file: the largest value is taken, one below the least is refused by key.
    QTemporaryDir dir;
    {
        QSettings ini(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        ini.setValue(setting.settingsKey(), inside);
        AppSettings settings(&ini);
        const SocketConfig config = settings.feedConfig();
        if (id != Id::ReconnectMin) // the longest delay would be shorter than it
            QVERIFY2(settings.problems().isEmpty(), qPrintable(settings.problems().join(u'\n')));
        if (settings.problems().isEmpty())
            QCOMPARE(setting.valueIn(config), inside);
        ini.setValue(setting.settingsKey(), outside);
        const SocketConfig refused = settings.feedConfig();
        QCOMPARE(setting.valueIn(refused), setting.defaultValue());
        QCOMPARE(settings.problems().size(), 1);
        QVERIFY2(settings.problems().at(0).startsWith(setting.settingsKey() + u": "_s),
                 qPrintable(settings.problems().at(0)));
        QVERIFY2(settings.problems().at(0).contains(
                     u"from %1 to %2"_s.arg(setting.range.min).arg(setting.range.max)),
                 qPrintable(settings.problems().at(0)));
    }

    // The command line: the same limits, named by the option.
    {
        AppOptions options;
        const QStringList arguments = {u"trade-monitor"_s, u"--"_s + setting.optionName(),
                                       QString::number(outside)};
        QCOMPARE(options.parse(arguments, {}), AppOptions::Outcome::Error);
        QCOMPARE(options.message(), u"--%1: expected a whole number from %2 to %3, got \"%4\"."_s
                                        .arg(setting.optionName())
                                        .arg(setting.range.min)
                                        .arg(setting.range.max)
                                        .arg(outside));
        AppOptions accepted;
        QCOMPARE(accepted.parse({u"trade-monitor"_s, u"--"_s + setting.optionName(),
                                 QString::number(setting.range.min)},
                                {}),
                 AppOptions::Outcome::Run);
        QCOMPARE(setting.valueIn(accepted.socketConfig()), setting.range.min);
    }

    // The dialog: a box for it that reaches the same maximum, and the table's words for a
    // value below the least (a box reaches 0).
    {
        SettingsDialog dialog(FeedProfile::native().configFor(QUrl(), 1));
        QSpinBox *box = named<QSpinBox>(&dialog, FeedSetting::of(id).optionName());
        QVERIFY(box);
        QCOMPARE(qint64(box->maximum()), std::min<qint64>(setting.range.max, INT_MAX));
        QVERIFY(dialog.problem().isEmpty());
        if (setting.range.min > 0) {
            box->setValue(int(outside));
            QCOMPARE(dialog.problem(), setting.check(outside));
        }
        box->setValue(int(std::min<qint64>(setting.range.min + 1, box->maximum())));
        if (id != Id::ReconnectMin && id != Id::ReconnectMax) // the other one must agree
            QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
        QCOMPARE(setting.valueIn(dialog.config()), qint64(box->value()));
    }
}

void tst_FeedSettings::theDefaultsAreSocketConfigs()
{
    // Saved nowhere, given nowhere: every number is SocketConfig's default, and the help says so.
    QTemporaryDir dir;
    QSettings ini(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    const SocketConfig saved = AppSettings(&ini).feedConfig();
    AppOptions help;
    QCOMPARE(help.parse({u"trade-monitor"_s, u"--help"_s}, {}), AppOptions::Outcome::ShowHelp);
    for (const FeedSetting &setting : FeedSetting::all()) {
        QCOMPARE(setting.valueIn(saved), setting.defaultValue());
        QVERIFY2(setting.range.contains(setting.defaultValue()), setting.option);
        QVERIFY2(help.message().contains(u"[%1]"_s.arg(setting.defaultValue())), setting.option);
    }
    QCOMPARE(FeedSetting::of(Id::Heartbeat).defaultValue(), 15000);
    QCOMPARE(FeedSetting::of(Id::MaxRetries).defaultValue(), 5);
}

void tst_FeedSettings::eachIdIsOneRowOfItsOwnMember()
{
    // The table's order is the help's, not the enum's: every Id is found, once.
    constexpr int kIds = int(Id::ReconnectMax) + 1; // the enum's last
    QCOMPARE(FeedSetting::all().size(), kIds);
    for (int i = 0; i < kIds; ++i)
        QCOMPARE(FeedSetting::of(Id(i)).id, Id(i));
    // A row set alone changes only its own number.
    for (const FeedSetting &setting : FeedSetting::all()) {
        SocketConfig config;
        setting.setIn(config, setting.range.max);
        for (const FeedSetting &other : FeedSetting::all()) {
            if (other.id != setting.id)
                QVERIFY2(other.valueIn(config) == other.defaultValue(), setting.option);
        }
    }
    // The names say which member: the ones the socket reads.
    SocketConfig config;
    FeedSetting::of(Id::Heartbeat).setIn(config, 1234);
    FeedSetting::of(Id::MaxRetries).setIn(config, 9);
    FeedSetting::of(Id::TraderId).setIn(config, 77);
    QCOMPARE(config.heartbeatInterval, std::chrono::milliseconds(1234));
    QCOMPARE(config.maxRetries, 9);
    QCOMPARE(config.traderId, 77);
}

void tst_FeedSettings::theTokenIsReadFromTheEnvironmentOnce()
{
    SocketConfig saved = FeedProfile::native().configFor(QUrl(u"ws://h/"_s), 7, u"saved"_s);
    QProcessEnvironment environment;
    environment.insert(QString::fromLatin1(FeedSetting::kTokenVariable), u" from-env "_s);
    AppOptions options;
    QCOMPARE(options.parse({u"trade-monitor"_s}, environment), AppOptions::Outcome::Run);
    // It wins over the saved token, at start and after every edit in Settings.
    const SocketConfig config = options.apply(saved);
    QCOMPARE(config.token, u"from-env"_s);
    QCOMPARE(config.subscribePayload.value("token"_L1).toString(), u"from-env"_s);
    saved.token = u"edited"_s;
    QCOMPARE(options.apply(saved).token, u"from-env"_s);

    AppOptions without;
    QCOMPARE(without.parse({u"trade-monitor"_s}, {}), AppOptions::Outcome::Run);
    QCOMPARE(without.apply(saved).token, u"edited"_s);
    QVERIFY(!without.environmentToken());
}

QTEST_MAIN(tst_FeedSettings)
#include "tst_feedsettings.moc"

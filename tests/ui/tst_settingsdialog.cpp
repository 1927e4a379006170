// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/feedprofile.h"
#include "settingsdialog.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class tst_SettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsAndReturnsTheConfig();
    void emptyUrlMeansTheDemoFeed();
    void invalidValuesDisableOk_data();
    void invalidValuesDisableOk();
    void newLimitsAreEditableAndChecked();
    void profileIsPickedAndChecked();
    void rendersToPng();
    void alertsAreChosenOnTheirOwnTab();
};

static QPushButton *okButton(SettingsDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

void tst_SettingsDialog::showsAndReturnsTheConfig()
{
    SocketConfig config = FeedProfile::native().configFor(QUrl(u"wss://feed.example.com/p"_s), 321);
    config.heartbeatInterval = 7000ms;
    SettingsDialog dialog(config);
    QCOMPARE(dialog.urlEdit()->text(), u"wss://feed.example.com/p"_s);
    QCOMPARE(dialog.numberBox(FeedSetting::Id::TraderId)->value(), 321);
    dialog.numberBox(FeedSetting::Id::TraderId)->setValue(999);
    const SocketConfig edited = dialog.config();
    QCOMPARE(edited.traderId, 999);
    QCOMPARE(edited.heartbeatInterval, 7000ms);
    QCOMPARE(edited.subscribePayload.value("traderid"_L1).toInteger(), 999);
    QVERIFY(okButton(dialog)->isEnabled());
}

void tst_SettingsDialog::emptyUrlMeansTheDemoFeed()
{
    SettingsDialog dialog(FeedProfile::native().configFor(QUrl(u"ws://h/"_s), 1));
    dialog.urlEdit()->clear();
    QVERIFY(dialog.problem().isEmpty());
    QVERIFY(dialog.config().url.isEmpty());
    QVERIFY(okButton(dialog)->isEnabled());
}

void tst_SettingsDialog::invalidValuesDisableOk_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("reconnectMin");
    QTest::addColumn<int>("reconnectMax");
    QTest::addColumn<QString>("problem");
    QTest::addRow("http") << u"http://example.com/"_s << 1000 << 30000 << u"ws:// or wss://"_s;
    QTest::addRow("no host") << u"ws://"_s << 1000 << 30000 << u"not a valid URL"_s;
    QTest::addRow("max below min") << u""_s << 5000 << 200 << u"shorter than the shortest"_s;
    QTest::addRow("min below 100 ms") << u""_s << 50 << 30000 << u"at least 100 ms"_s;
    QTest::addRow("max below 100 ms")
        << u""_s << 100 << 0 << u"longest reconnect delay must be from 100"_s;
}

void tst_SettingsDialog::invalidValuesDisableOk()
{
    QFETCH(QString, url);
    QFETCH(int, reconnectMin);
    QFETCH(int, reconnectMax);
    QFETCH(QString, problem);
    SettingsDialog dialog(FeedProfile::native().configFor(QUrl(), 1));
    dialog.urlEdit()->setText(url);
    dialog.numberBox(FeedSetting::Id::ReconnectMin)->setValue(reconnectMin);
    dialog.numberBox(FeedSetting::Id::ReconnectMax)->setValue(reconnectMax);
    QVERIFY2(dialog.problem().contains(problem), qPrintable(dialog.problem()));
    QVERIFY(!okButton(dialog)->isEnabled());
}

void tst_SettingsDialog::newLimitsAreEditableAndChecked()
{
    SocketConfig config = FeedProfile::native().configFor(QUrl(), 1);
    config.snapshotTimeout = 4000ms;
    config.giveUpAfter = 90000ms;
    SettingsDialog dialog(config);
    QCOMPARE(dialog.numberBox(FeedSetting::Id::SnapshotTimeout)->value(), 4000);
    QCOMPARE(dialog.numberBox(FeedSetting::Id::GiveUpAfter)->value(), 90000);
    dialog.numberBox(FeedSetting::Id::GiveUpAfter)
        ->setValue(0); // allowed: give up as soon as the retries are used up
    QCOMPARE(dialog.config().giveUpAfter, 0ms);
    QVERIFY(okButton(dialog)->isEnabled());
    dialog.numberBox(FeedSetting::Id::SnapshotTimeout)->setValue(50);
    QVERIFY2(dialog.problem().contains(u"snapshot timeout"_s), qPrintable(dialog.problem()));
    QVERIFY(!okButton(dialog)->isEnabled());
    dialog.numberBox(FeedSetting::Id::SnapshotTimeout)->setValue(12000);
    QCOMPARE(dialog.config().snapshotTimeout, 12000ms);
    QVERIFY(okButton(dialog)->isEnabled());
}

void tst_SettingsDialog::profileIsPickedAndChecked()
{
    SocketConfig config = FeedProfile::native().configFor(QUrl(u"ws://h/"_s), 31);
    FeedProfile::seed().applyTo(config);
    SettingsDialog dialog(config);
    QCOMPARE(dialog.profileBox()->currentData().toString(), u"seed"_s);
    QVERIFY(!dialog.profileFileEdit()->isVisibleTo(&dialog));
    QCOMPARE(dialog.config().subscribePayload, *FeedProfile::seed().subscribe);

    // A profile file: refused with the file's own error while it cannot be used.
    dialog.profileBox()->setCurrentIndex(dialog.profileBox()->count() - 1);
    QVERIFY(dialog.profileFileEdit()->isVisibleTo(&dialog));
    QVERIFY2(dialog.problem().contains("Choose a profile file"_L1), qPrintable(dialog.problem()));
    dialog.profileFileEdit()->setText(QStringLiteral(TM_TEST_DATA "/profile-broken.json"));
    QVERIFY2(dialog.problem().contains("profile-broken.json: key \"fields\""_L1),
             qPrintable(dialog.problem()));
    QVERIFY(!okButton(dialog)->isEnabled());
    const QString good = QStringLiteral(TM_TEST_DATA "/profile-renamed.json");
    dialog.profileFileEdit()->setText(good);
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QVERIFY(okButton(dialog)->isEnabled());
    const SocketConfig edited = dialog.config();
    QCOMPARE(edited.profile, good);
    QCOMPARE(edited.subscribePayload.value("traderid"_L1).toInteger(), 31);
    // Back to our own protocol.
    dialog.profileBox()->setCurrentIndex(0);
    QCOMPARE(dialog.config().profile, u"native"_s);
    QCOMPARE(dialog.config().subscribePayload,
             FeedProfile::fill(FeedProfile::native().subscribeTemplate(), 31, {}));
}

void tst_SettingsDialog::rendersToPng()
{
    SocketConfig config = FeedProfile::native().configFor(QUrl(u"wss://feed.example.com/p"_s), 321);
    SettingsDialog dialog(config);
    dialog.resize(dialog.sizeHint());
    // Every number of the table has a row, the connect timeout among them.
    QVERIFY(dialog.numberBox(FeedSetting::Id::ConnectTimeout)->isVisibleTo(&dialog));
    // Every label has its shortcut: none shows a bare "&".
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->text().contains(u'&'))
            QVERIFY2(label->buddy(), qPrintable(label->text()));
    }
    const QString path =
        QDir(QCoreApplication::applicationDirPath()).filePath(u"settingsdialog.png"_s);
    QVERIFY2(dialog.grab().save(path), qPrintable(path));
}

void tst_SettingsDialog::alertsAreChosenOnTheirOwnTab()
{
    SocketConfig config = FeedProfile::native().configFor(QUrl(u"wss://feed.example.com/p"_s), 321);
    SettingsDialog dialog(config);
    QCOMPARE(dialog.alertSettings(), AlertSettings()); // the defaults until told otherwise
    AlertSettings alerts;
    alerts.signalPositions = false;
    alerts.marginLevelPercent = 150;
    alerts.feedLostAfter = std::chrono::seconds(30);
    alerts.sound = true;
    dialog.setAlertSettings(alerts);
    QCOMPARE(dialog.alertSettings(), alerts);
    // A threshold with its alert off cannot be edited; on, it can.
    dialog.marginLevelBox()->setChecked(false);
    QVERIFY(!dialog.marginLevelPercentBox()->isEnabled());
    dialog.marginLevelBox()->setChecked(true);
    QVERIFY(dialog.marginLevelPercentBox()->isEnabled());
    // Keep running in the tray needs the tray icon (and a tray).
    dialog.trayBox()->setChecked(false);
    QVERIFY(!dialog.keepRunningBox()->isEnabled());
    dialog.keepRunningBox()->setChecked(true);
    QVERIFY(!dialog.alertSettings().keepRunningInTray);

    // Each page's mnemonics and the tabs': no letter twice.
    for (int page = 0; page < dialog.tabs()->count(); ++page) {
        QSet<QChar> taken;
        const auto take = [&taken](const QString &text) {
            const qsizetype at = text.indexOf(u'&');
            if (at < 0 || at + 1 >= text.size())
                return;
            const QChar letter = text.at(at + 1).toLower();
            QVERIFY2(!taken.contains(letter), qPrintable(text));
            taken.insert(letter);
        };
        for (int tab = 0; tab < dialog.tabs()->count(); ++tab)
            take(dialog.tabs()->tabText(tab));
        QWidget *widget = dialog.tabs()->widget(page);
        for (const QAbstractButton *button : widget->findChildren<QAbstractButton *>())
            take(button->text());
        for (const QLabel *label : widget->findChildren<QLabel *>())
            take(label->text());
    }

    dialog.setAlertSettings(AlertSettings());
    dialog.tabs()->setCurrentIndex(1);
    dialog.resize(dialog.sizeHint());
    const QString path =
        QDir(QCoreApplication::applicationDirPath()).filePath(u"settingsdialog-alerts.png"_s);
    QVERIFY2(dialog.grab().save(path), qPrintable(path));
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_settingsdialog.moc"

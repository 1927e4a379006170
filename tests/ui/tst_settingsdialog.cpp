// SPDX-License-Identifier: GPL-3.0-or-later
#include "named.h"
#include "protocol/feedprofile.h"
#include "settingsdialog.h"
#include "simulator/feedsimulator.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
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
    void accountsAreAddedRenamedReorderedAndRemoved();
    void anAccountThatCannotBeUsedKeepsOkOff();
    void withSeveralAccountsTheFeedTabKeepsTheirTiming();
    void showsAndReturnsTheConfig();
    void emptyUrlMeansTheDemoFeed();
    void invalidValuesDisableOk_data();
    void invalidValuesDisableOk();
    void newLimitsAreEditableAndChecked();
    void profileIsPickedAndChecked();
    void rendersToPng();
    void alertsAreChosenOnTheirOwnTab();
    void theFeedComesFirstAndTheTimingUnderAdvanced();
    void testConnectionSaysWhatHappened_data();
    void testConnectionSaysWhatHappened();
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
    QCOMPARE(named<QLineEdit>(&dialog, u"url"_s)->text(), u"wss://feed.example.com/p"_s);
    QCOMPARE(
        named<QSpinBox>(&dialog, FeedSetting::of(FeedSetting::Id::TraderId).optionName())->value(),
        321);
    named<QSpinBox>(&dialog, FeedSetting::of(FeedSetting::Id::TraderId).optionName())
        ->setValue(999);
    const SocketConfig edited = dialog.config();
    QCOMPARE(edited.traderId, 999);
    QCOMPARE(edited.heartbeatInterval, 7000ms);
    QCOMPARE(edited.subscribePayload.value("traderid"_L1).toInteger(), 999);
    QVERIFY(okButton(dialog)->isEnabled());
}

void tst_SettingsDialog::emptyUrlMeansTheDemoFeed()
{
    SettingsDialog dialog(FeedProfile::native().configFor(QUrl(u"ws://h/"_s), 1));
    named<QLineEdit>(&dialog, u"url"_s)->clear();
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
    named<QLineEdit>(&dialog, u"url"_s)->setText(url);
    named<QSpinBox>(&dialog, FeedSetting::of(FeedSetting::Id::ReconnectMin).optionName())
        ->setValue(reconnectMin);
    named<QSpinBox>(&dialog, FeedSetting::of(FeedSetting::Id::ReconnectMax).optionName())
        ->setValue(reconnectMax);
    QVERIFY2(dialog.problem().contains(problem), qPrintable(dialog.problem()));
    QVERIFY(!okButton(dialog)->isEnabled());
}

void tst_SettingsDialog::newLimitsAreEditableAndChecked()
{
    SocketConfig config = FeedProfile::native().configFor(QUrl(), 1);
    config.snapshotTimeout = 4000ms;
    config.giveUpAfter = 90000ms;
    SettingsDialog dialog(config);
    QCOMPARE(
        named<QSpinBox>(&dialog, FeedSetting::of(FeedSetting::Id::SnapshotTimeout).optionName())
            ->value(),
        4000);
    QCOMPARE(named<QSpinBox>(&dialog, FeedSetting::of(FeedSetting::Id::GiveUpAfter).optionName())
                 ->value(),
             90000);
    named<QSpinBox>(&dialog, FeedSetting::of(FeedSetting::Id::GiveUpAfter).optionName())
        ->setValue(0); // allowed: give up as soon as the retries are used up
    QCOMPARE(dialog.config().giveUpAfter, 0ms);
    QVERIFY(okButton(dialog)->isEnabled());
    named<QSpinBox>(&dialog, FeedSetting::of(FeedSetting::Id::SnapshotTimeout).optionName())
        ->setValue(50);
    QVERIFY2(dialog.problem().contains(u"snapshot timeout"_s), qPrintable(dialog.problem()));
    QVERIFY(!okButton(dialog)->isEnabled());
    named<QSpinBox>(&dialog, FeedSetting::of(FeedSetting::Id::SnapshotTimeout).optionName())
        ->setValue(12000);
    QCOMPARE(dialog.config().snapshotTimeout, 12000ms);
    QVERIFY(okButton(dialog)->isEnabled());
}

void tst_SettingsDialog::profileIsPickedAndChecked()
{
    SocketConfig config = FeedProfile::native().configFor(QUrl(u"ws://h/"_s), 31);
    FeedProfile::seed().applyTo(config);
    SettingsDialog dialog(config);
    QCOMPARE(named<QComboBox>(&dialog, u"profile"_s)->currentData().toString(), u"seed"_s);
    QVERIFY(!named<QLineEdit>(&dialog, u"profileFile"_s)->isVisibleTo(&dialog));
    QCOMPARE(dialog.config().subscribePayload, *FeedProfile::seed().subscribe);

    // A profile file: refused with the file's own error while it cannot be used.
    named<QComboBox>(&dialog, u"profile"_s)
        ->setCurrentIndex(named<QComboBox>(&dialog, u"profile"_s)->count() - 1);
    QVERIFY(named<QLineEdit>(&dialog, u"profileFile"_s)->isVisibleTo(&dialog));
    QVERIFY2(dialog.problem().contains("Choose a profile file"_L1), qPrintable(dialog.problem()));
    named<QLineEdit>(&dialog, u"profileFile"_s)
        ->setText(QStringLiteral(TM_TEST_DATA "/profile-broken.json"));
    QVERIFY2(dialog.problem().contains("profile-broken.json: key \"fields\""_L1),
             qPrintable(dialog.problem()));
    QVERIFY(!okButton(dialog)->isEnabled());
    const QString good = QStringLiteral(TM_TEST_DATA "/profile-renamed.json");
    named<QLineEdit>(&dialog, u"profileFile"_s)->setText(good);
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QVERIFY(okButton(dialog)->isEnabled());
    const SocketConfig edited = dialog.config();
    QCOMPARE(edited.profile, good);
    QCOMPARE(edited.subscribePayload.value("traderid"_L1).toInteger(), 31);
    // Back to our own protocol.
    named<QComboBox>(&dialog, u"profile"_s)->setCurrentIndex(0);
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
    QVERIFY(named<QSpinBox>(&dialog, FeedSetting::of(FeedSetting::Id::ConnectTimeout).optionName())
                ->isVisibleTo(&dialog));
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
    named<QCheckBox>(&dialog, u"marginLevel"_s)->setChecked(false);
    QVERIFY(!named<QDoubleSpinBox>(&dialog, u"marginLevelPercent"_s)->isEnabled());
    named<QCheckBox>(&dialog, u"marginLevel"_s)->setChecked(true);
    QVERIFY(named<QDoubleSpinBox>(&dialog, u"marginLevelPercent"_s)->isEnabled());
    // Keep running in the tray needs the tray icon (and a tray).
    named<QCheckBox>(&dialog, u"trayIcon"_s)->setChecked(false);
    QVERIFY(!named<QCheckBox>(&dialog, u"keepRunningInTray"_s)->isEnabled());
    named<QCheckBox>(&dialog, u"keepRunningInTray"_s)->setChecked(true);
    QVERIFY(!dialog.alertSettings().keepRunningInTray);

    // Each page's mnemonics and the tabs': no letter twice.
    for (int page = 0; page < named<QTabWidget>(&dialog, u"tabs"_s)->count(); ++page) {
        QSet<QChar> taken;
        const auto take = [&taken](const QString &text) {
            const qsizetype at = text.indexOf(u'&');
            if (at < 0 || at + 1 >= text.size())
                return;
            const QChar letter = text.at(at + 1).toLower();
            QVERIFY2(!taken.contains(letter), qPrintable(text));
            taken.insert(letter);
        };
        for (int tab = 0; tab < named<QTabWidget>(&dialog, u"tabs"_s)->count(); ++tab)
            take(named<QTabWidget>(&dialog, u"tabs"_s)->tabText(tab));
        QWidget *widget = named<QTabWidget>(&dialog, u"tabs"_s)->widget(page);
        for (const QAbstractButton *button : widget->findChildren<QAbstractButton *>())
            take(button->text());
        for (const QLabel *label : widget->findChildren<QLabel *>())
            take(label->text());
    }

    dialog.setAlertSettings(AlertSettings());
    named<QTabWidget>(&dialog, u"tabs"_s)->setCurrentIndex(1);
    dialog.resize(dialog.sizeHint());
    const QString path =
        QDir(QCoreApplication::applicationDirPath()).filePath(u"settingsdialog-alerts.png"_s);
    QVERIFY2(dialog.grab().save(path), qPrintable(path));
}

void tst_SettingsDialog::theFeedComesFirstAndTheTimingUnderAdvanced()
{
    SettingsDialog dialog(FeedProfile::native().configFor(QUrl(u"wss://feed.example.com/p"_s), 7));
    const auto *advanced = named<QGroupBox>(&dialog, u"advanced"_s);
    // Where, whose, the key and the dialect: above, never under Advanced.
    for (const QString &name : {u"url"_s, u"trader-id"_s, u"token"_s, u"profile"_s}) {
        QWidget *field = named<QWidget>(&dialog, name);
        QVERIFY2(!advanced->isAncestorOf(field), qPrintable(name));
    }
    // Every number of the timing is there.
    for (const FeedSetting &setting : FeedSetting::all()) {
        if (setting.id != FeedSetting::Id::TraderId)
            QVERIFY2(advanced->isAncestorOf(named<QSpinBox>(&dialog, setting.optionName())),
                     setting.option);
    }
    // The feed's fields come first in the Tab order too.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const auto nextByTab = [](QWidget *from) {
        QWidget *next = from->nextInFocusChain();
        // Past the field's own parts (a spin box's line edit, a clear button).
        while (from->isAncestorOf(next) || !(next->focusPolicy() & Qt::TabFocus) ||
               !next->isVisible())
            next = next->nextInFocusChain();
        return next->objectName();
    };
    QCOMPARE(nextByTab(named<QWidget>(&dialog, u"url"_s)), u"trader-id"_s);
    QCOMPARE(nextByTab(named<QWidget>(&dialog, u"trader-id"_s)), u"token"_s);
    QCOMPARE(nextByTab(named<QWidget>(&dialog, u"token"_s)), u"profile"_s);
}

void tst_SettingsDialog::testConnectionSaysWhatHappened_data()
{
    QTest::addColumn<int>("subscribeError");
    QTest::addColumn<bool>("muted");
    QTest::addColumn<QString>("says");
    QTest::addRow("the positions came")
        << 0 << false << u"Connected and subscribed: 3 positions came"_s;
    QTest::addRow("refused") << 404 << false << u"404"_s;
    QTest::addRow("silence") << 0 << true << u"The server sent no data within"_s;
}

void tst_SettingsDialog::testConnectionSaysWhatHappened()
{
    QFETCH(int, subscribeError);
    QFETCH(bool, muted);
    QFETCH(QString, says);
    FeedSimulator::Options options;
    options.simulation.positions = 3;
    options.subscribeError = subscribeError;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    simulator.setMuted(muted);
    SocketConfig config = FeedProfile::native().configFor(simulator.url(), 10260);
    config.snapshotTimeout = std::chrono::milliseconds(200);
    SettingsDialog dialog(config);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *test = named<QPushButton>(&dialog, u"testConnection"_s);
    auto *answer = named<QLabel>(&dialog, u"testResult"_s);
    QVERIFY(answer->isHidden());
    test->setFocus();
    QTest::keyClick(test, Qt::Key_Space); // pressed from the keyboard
    QVERIFY(!test->isEnabled());          // one try at a time
    // The answer, not "Trying ws://127.0.0.1:40412/feed…" (a port may hold the code looked for).
    QTRY_VERIFY_WITH_TIMEOUT(!answer->text().startsWith(u"Trying"_s), 20000);
    QVERIFY2(answer->text().contains(says), qPrintable(answer->text()));
    QVERIFY(answer->isVisible());
    QVERIFY(test->isEnabled());
    // The keyboard is back where it was, not in the first timing field.
    QCOMPARE(QApplication::focusWidget(), test);
    // Nothing was saved or applied: the dialog's settings are as they were.
    QCOMPARE(dialog.config().url, config.url);
}

namespace {

// Types into a field as a user does (textEdited), replacing what it held.
void typeInto(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

QStringList listed(const QListWidget *list)
{
    QStringList names;
    for (int row = 0; row < list->count(); ++row)
        names.append(list->item(row)->text());
    return names;
}

} // namespace

void tst_SettingsDialog::accountsAreAddedRenamedReorderedAndRemoved()
{
    SettingsDialog dialog(FeedProfile::native().configFor(QUrl(), 10260));
    dialog.setAccounts({{u"Main"_s, QUrl(u"wss://main.example/feed"_s), 10260, QString()}},
                       {u"main-token"_s});
    dialog.show();
    auto *list = named<QListWidget>(&dialog, u"accountsList"_s);
    QCOMPARE(listed(list), QStringList{u"Main"_s});
    QCOMPARE(named<QLineEdit>(&dialog, u"accountToken"_s)->text(), u"main-token"_s);

    // A second account: its URL, trader, wire format, token and name.
    named<QPushButton>(&dialog, u"addAccount"_s)->click();
    typeInto(named<QLineEdit>(&dialog, u"accountUrl"_s), u"wss://prop.example/feed"_s);
    named<QSpinBox>(&dialog, u"accountTrader"_s)->setValue(20520);
    typeInto(named<QLineEdit>(&dialog, u"accountProfile"_s), u"seed"_s);
    typeInto(named<QLineEdit>(&dialog, u"accountToken"_s), u"prop-token"_s);
    QCOMPARE(listed(list), (QStringList{u"Main"_s, u"20520 @ prop.example"_s}));
    typeInto(named<QLineEdit>(&dialog, u"accountName"_s), u"Prop firm"_s);
    QCOMPARE(listed(list), (QStringList{u"Main"_s, u"Prop firm"_s}));

    // Moved up: first in the window.
    named<QPushButton>(&dialog, u"moveAccountUp"_s)->click();
    QCOMPARE(listed(list), (QStringList{u"Prop firm"_s, u"Main"_s}));
    QVERIFY(!named<QPushButton>(&dialog, u"moveAccountUp"_s)->isEnabled());
    QVERIFY(dialog.problem().isEmpty());
    const QList<AccountSpec> accounts = dialog.accounts();
    QCOMPARE(accounts.size(), 2);
    QCOMPARE(accounts.at(0).name, u"Prop firm"_s);
    QCOMPARE(accounts.at(0).url, QUrl(u"wss://prop.example/feed"_s));
    QCOMPARE(accounts.at(0).traderId, 20520);
    QCOMPARE(accounts.at(0).profile, u"seed"_s);
    QCOMPARE(dialog.accountTokens(), (QStringList{u"prop-token"_s, u"main-token"_s}));

    // Main removed: Prop firm alone, its token with it.
    list->setCurrentRow(1);
    named<QPushButton>(&dialog, u"removeAccount"_s)->click();
    QCOMPARE(listed(list), QStringList{u"Prop firm"_s});
    QCOMPARE(dialog.accountTokens(), QStringList{u"prop-token"_s});
    QCOMPARE(named<QLineEdit>(&dialog, u"accountName"_s)->text(), u"Prop firm"_s);
}

void tst_SettingsDialog::anAccountThatCannotBeUsedKeepsOkOff()
{
    SettingsDialog dialog(FeedProfile::native().configFor(QUrl(), 10260));
    dialog.show();
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    named<QPushButton>(&dialog, u"addAccount"_s)->click();
    QVERIFY(!ok->isEnabled()); // no URL yet
    QVERIFY2(dialog.problem().contains(u"give its feed URL"_s), qPrintable(dialog.problem()));
    auto *url = named<QLineEdit>(&dialog, u"accountUrl"_s);
    typeInto(url, u"https://feed.example/"_s);
    QVERIFY2(dialog.problem().contains(u"ws://"_s), qPrintable(dialog.problem()));
    QVERIFY(!ok->isEnabled());
    typeInto(url, u"wss://feed.example/"_s);
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QVERIFY(ok->isEnabled());
    typeInto(named<QLineEdit>(&dialog, u"accountProfile"_s), u"/no/such/profile.json"_s);
    QVERIFY(!ok->isEnabled());
    typeInto(named<QLineEdit>(&dialog, u"accountProfile"_s), QString());
    // The same account twice.
    named<QPushButton>(&dialog, u"addAccount"_s)->click();
    typeInto(named<QLineEdit>(&dialog, u"accountUrl"_s), u"wss://FEED.example:443/"_s);
    QVERIFY2(dialog.problem().contains(u"same account"_s), qPrintable(dialog.problem()));
    QVERIFY(!ok->isEnabled());
    named<QSpinBox>(&dialog, u"accountTrader"_s)->setValue(77);
    QVERIFY2(ok->isEnabled(), qPrintable(dialog.problem()));
    // Two of one name would read as one in the window.
    typeInto(named<QLineEdit>(&dialog, u"accountName"_s), u"Main"_s);
    named<QListWidget>(&dialog, u"accountsList"_s)->setCurrentRow(0);
    typeInto(named<QLineEdit>(&dialog, u"accountName"_s), u"main"_s);
    QVERIFY2(dialog.problem().contains(u"two accounts are named"_s), qPrintable(dialog.problem()));
    QVERIFY(!ok->isEnabled());
}

void tst_SettingsDialog::withSeveralAccountsTheFeedTabKeepsTheirTiming()
{
    SettingsDialog dialog(FeedProfile::native().configFor(QUrl(u"wss://saved.example/"_s), 7));
    dialog.setSeveralAccounts(true);
    dialog.show();
    for (const char *name : {"url", "token", "profile", "trader-id", "testConnection"})
        QVERIFY2(!named<QWidget>(&dialog, QLatin1String(name))->isEnabled(), name);
    QVERIFY(named<QWidget>(&dialog, u"heartbeat-ms"_s)->isEnabled());
    QVERIFY(named<QLabel>(&dialog, u"severalAccounts"_s)->isVisible());
    QVERIFY(okButton(dialog)->isEnabled());
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_settingsdialog.moc"

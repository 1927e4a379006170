// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "accountseditor.h"

#include "accessibility.h"
#include "alarmtext.h"
#include "durationspinbox.h"
#include "session/feedprobe.h"

#include "protocol/feedprofile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace {

using Id = FeedSetting::Id;

// The label of each number, with its mnemonic, in the table's order.
QString label(Id id)
{
    switch (id) {
    case Id::TraderId:
        return SettingsDialog::tr("&Trader id:");
    case Id::Heartbeat:
        return SettingsDialog::tr("&Heartbeat every:");
    case Id::PongTimeout:
        return SettingsDialog::tr("&Pong timeout:");
    case Id::ConnectTimeout:
        return SettingsDialog::tr("Connect t&imeout:");
    case Id::SnapshotTimeout:
        return SettingsDialog::tr("S&napshot timeout:");
    case Id::MaxRetries:
        return SettingsDialog::tr("&Retries before giving up:");
    case Id::GiveUpAfter:
        return SettingsDialog::tr("&Give up after down for:");
    case Id::ReconnectMin:
        return SettingsDialog::tr("Reconnect delay, &shortest:");
    case Id::ReconnectMax:
        return SettingsDialog::tr("Reconnect delay, &longest:");
    }
    return {};
}

// Ranges from 0, not from the setting's minimum: a value below it is then shown with a reason
// instead of being silently clamped. The maximum is the setting's own.
QSpinBox *spinBox(const FeedSetting &setting, const SocketConfig &config, QWidget *parent)
{
    // A duration as people read it ("15 s", "1 min"), kept in milliseconds.
    auto *box = setting.unit == FeedSetting::Unit::Milliseconds ? new DurationSpinBox(parent)
                                                                : new QSpinBox(parent);
    box->setRange(0, int(std::min<qint64>(setting.range.max, std::numeric_limits<int>::max())));
    box->setValue(int(setting.valueIn(config)));
    box->setToolTip(setting.helpText());
    box->setObjectName(setting.optionName()); // "heartbeat-ms", as on the command line
    return box;
}

} // namespace

SettingsDialog::SettingsDialog(const SocketConfig &config, QWidget *parent)
    : QDialog(parent)
    , m_base(config)
{
    setWindowTitle(tr("Settings"));
    m_url = new QLineEdit(config.url.toString(), this);
    m_url->setObjectName(u"url"_s);
    // Room for a whole URL with its path and query.
    m_url->setMinimumWidth(m_url->fontMetrics().averageCharWidth() * 64);
    m_url->setPlaceholderText(tr("empty: the built-in demo feed"));
    m_url->setClearButtonEnabled(true);
    Accessibility::nameClearButton(m_url);
    m_profile = new QComboBox(this);
    m_profile->setObjectName(u"profile"_s);
    m_profile->addItem(tr("Trade Monitor protocol (native)"), u"native"_s);
    m_profile->addItem(tr("Original web client's backend (seed)"), u"seed"_s);
    m_profile->addItem(tr("Profile file…"), QString());
    m_profile->setToolTip(tr("How the feed writes its messages; see docs/profiles.md"));
    m_profileFile = new QLineEdit(this);
    m_profileFile->setObjectName(u"profileFile"_s);
    m_profileFile->setPlaceholderText(tr("a profile file (.json)"));
    m_browse = new QPushButton(tr("Browse…"), this);
    if (const int builtIn = m_profile->findData(config.profile); builtIn >= 0) {
        m_profile->setCurrentIndex(builtIn);
    } else {
        m_profile->setCurrentIndex(m_profile->count() - 1);
        m_profileFile->setText(config.profile);
    }
    m_token = new QLineEdit(config.token, this);
    m_token->setObjectName(u"token"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("none; TRADE_MONITOR_TOKEN in the environment wins"));
    for (const FeedSetting &setting : FeedSetting::all())
        m_numbers.insert(setting.id, spinBox(setting, config, this));
    m_numbers.value(Id::SnapshotTimeout)
        ->setToolTip(tr("After subscribing, the feed must send its positions within this time; "
                        "otherwise it is asked once more, then the connection is tried again."));
    m_numbers.value(Id::MaxRetries)->setSpecialValueText(tr("unlimited"));
    m_numbers.value(Id::GiveUpAfter)->setSpecialValueText(tr("when the retries are used up"));
    m_numbers.value(Id::GiveUpAfter)
        ->setToolTip(tr("Give up only once the retries are used up and the feed has been down "
                        "this long; until then retries go on at the longest delay."));

    // What a trader needs first: where, whose, the key and the dialect; the timing is for when
    // something is wrong, under Advanced.
    auto *form = new QFormLayout;
    form->addRow(tr("Feed &URL:"), m_url);
    form->addRow(label(Id::TraderId), m_numbers.value(Id::TraderId));
    form->addRow(tr("Auth t&oken:"), m_token);
    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profile);
    profileRow->addWidget(m_profileFile, 1);
    profileRow->addWidget(m_browse);
    // A row of several widgets: the label needs its buddy named, or it shows the "&".
    auto *profileLabel = new QLabel(tr("&Wire format:"), this);
    profileLabel->setBuddy(m_profile);
    form->addRow(profileLabel, profileRow);
    m_test = new QPushButton(tr("T&est Connection"), this);
    m_test->setObjectName(u"testConnection"_s);
    m_test->setToolTip(tr("Connect once with these settings, beside the running feed, and say "
                          "what happened"));
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(u"testResult"_s);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->hide(); // until there is an answer to read
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);
    testRow->addStretch(0); // the answer's room while there is none
    form->addRow(testRow);
    auto *advanced = new QGroupBox(tr("Advanced: timing and reconnects"), this);
    advanced->setObjectName(u"advanced"_s);
    auto *timing = new QFormLayout(advanced);
    for (const FeedSetting &setting : FeedSetting::all()) {
        if (setting.id != Id::TraderId)
            timing->addRow(label(setting.id), m_numbers.value(setting.id));
    }
    // Tab as the eye reads: the account's fields, the test, then the timing.
    QWidget *previous = m_url;
    for (QWidget *next : std::initializer_list<QWidget *>{
             m_numbers.value(Id::TraderId), m_token, m_profile, m_profileFile, m_browse, m_test}) {
        setTabOrder(previous, next);
        previous = next;
    }
    for (const FeedSetting &setting : FeedSetting::all()) {
        if (setting.id != Id::TraderId) {
            setTabOrder(previous, m_numbers.value(setting.id));
            previous = m_numbers.value(setting.id);
        }
    }
    m_severalAccounts = new QLabel(this);
    m_severalAccounts->setObjectName(u"severalAccounts"_s);
    m_severalAccounts->setWordWrap(true);
    m_severalAccounts->hide();
    auto *feedLayout = new QVBoxLayout;
    feedLayout->addWidget(m_severalAccounts);
    feedLayout->addLayout(form);
    feedLayout->addWidget(advanced);
    feedLayout->addStretch();

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    AlarmText::set(m_problem, true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *feedPage = new QWidget(this);
    feedPage->setLayout(feedLayout);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"tabs"_s);
    m_tabs->addTab(feedPage, tr("&Feed"));
    m_accounts = new AccountsEditor(this);
    m_tabs->addTab(m_accounts, tr("A&ccounts"));
    connect(m_accounts, &AccountsEditor::changed, this, &SettingsDialog::validate);
    m_tabs->addTab(alertsPage(), tr("&Alerts"));
    m_tabs->addTab(displayPage(), tr("&Display"));

    m_overrides = new QLabel(this);
    m_overrides->setWordWrap(true);
    m_overrides->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_overrides);
    layout->addWidget(m_tabs);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    m_probe = new FeedProbe(this);
    connect(m_test, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_probe, &FeedProbe::finished, this, [this](const FeedProbe::Result &result) {
        m_testResult->setText(result.text);
        AlarmText::set(m_testResult, result.outcome != FeedProbe::Outcome::Live);
        validate();
        if (std::exchange(m_focusBackToTest, false) && m_test->isEnabled())
            m_test->setFocus(Qt::OtherFocusReason);
    });
    connect(m_url, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &SettingsDialog::validate);
    connect(m_profileFile, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Choose a profile"), m_profileFile->text(), tr("Profiles (*.json)"));
        if (file.isEmpty())
            return;
        m_profile->setCurrentIndex(m_profile->count() - 1);
        m_profileFile->setText(file);
    });
    for (QSpinBox *box : std::as_const(m_numbers))
        connect(box, &QSpinBox::valueChanged, this, &SettingsDialog::validate);
    validate();
    m_url->setFocus(); // the first thing a trader sets
}

void SettingsDialog::setOverrides(const AppOptions::Overrides &overrides)
{
    const QString note = tr("Set on the command line for this run; the saved value is used "
                            "when Trade Monitor starts without it.");
    // The marked fields hold the running values: their rules still apply, the note says why.
    QStringList names;
    const auto mark = [&](QWidget *field, const QString &name) {
        field->setEnabled(false);
        field->setToolTip(note);
        names.append(name);
    };
    if (overrides.url)
        mark(m_url, tr("the feed URL"));
    if (overrides.profile) {
        mark(m_profile, tr("the wire format"));
        m_profileFile->setEnabled(false);
        m_browse->setEnabled(false);
    }
    if (overrides.token)
        mark(m_token, tr("the token (TRADE_MONITOR_TOKEN)"));
    for (const FeedSetting::Id id : overrides.numbers)
        mark(m_numbers.value(id), u"--"_s + FeedSetting::of(id).optionName());
    m_overrides->setText(names.isEmpty()
                             ? QString()
                             : tr("Set on the command line for this run: %1. Shown as they run, "
                                  "they cannot be changed here.")
                                   .arg(names.join(u", "_s)));
    m_overrides->setVisible(!names.isEmpty());
}

QString SettingsDialog::overridesText() const
{
    return m_overrides->text();
}

QWidget *SettingsDialog::alertsPage()
{
    auto *page = new QWidget(this);
    m_ownPositions = new QCheckBox(tr("&Your own positions open or close"), page);
    m_ownPositions->setObjectName(u"ownPositions"_s);
    m_signalPositions =
        new QCheckBox(tr("F&ollowed signal traders' positions open or close"), page);
    m_signalPositions->setObjectName(u"signalPositions"_s);
    m_marginLevel = new QCheckBox(tr("&Margin level falls below"), page);
    m_marginLevel->setObjectName(u"marginLevel"_s);
    m_marginPercent = new QDoubleSpinBox(page);
    m_marginPercent->setObjectName(u"marginLevelPercent"_s);
    // Read after its check box, as the eye reads the row.
    m_marginPercent->setAccessibleName(tr("Margin level below which to warn, in percent"));
    m_marginPercent->setRange(AlertSettings::kMinMarginLevel, AlertSettings::kMaxMarginLevel);
    m_marginPercent->setDecimals(0);
    m_marginPercent->setSuffix(tr(" %"));
    m_marginPercent->setToolTip(tr("Set it above your broker's stop-out level (often 50 %), to "
                                   "have time to act."));
    m_feed = new QCheckBox(tr("The feed is &lost for longer than"), page);
    m_feed->setObjectName(u"feed"_s);
    m_feedLostAfter = new QSpinBox(page);
    m_feedLostAfter->setObjectName(u"feedLostAfterMs"_s);
    m_feedLostAfter->setAccessibleName(tr("Seconds without live data before the feed is lost"));
    m_feedLostAfter->setRange(int(AlertSettings::kMinFeedLostAfter.count() / 1000),
                              int(AlertSettings::kMaxFeedLostAfter.count() / 1000));
    m_feedLostAfter->setSuffix(tr(" s"));
    m_feedLostAfter->setToolTip(tr("And again when it is live: shorter outages pass unnoticed."));
    m_sound = new QCheckBox(tr("Play a so&und"), page);
    m_sound->setObjectName(u"sound"_s);
    m_tray = new QCheckBox(tr("Show an icon in the &tray"), page);
    m_tray->setObjectName(u"trayIcon"_s);
    m_keepRunning = new QCheckBox(tr("&Keep running in the tray when the window is closed"), page);
    m_keepRunning->setObjectName(u"keepRunningInTray"_s);
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        const QString why = tr("This desktop has no system tray.");
        m_tray->setToolTip(why);
        m_keepRunning->setToolTip(why);
    }

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("Notify me when:"), page));
    layout->addWidget(m_ownPositions);
    layout->addWidget(m_signalPositions);
    auto *margin = new QHBoxLayout;
    margin->addWidget(m_marginLevel);
    margin->addWidget(m_marginPercent);
    margin->addStretch();
    layout->addLayout(margin);
    auto *feed = new QHBoxLayout;
    feed->addWidget(m_feed);
    feed->addWidget(m_feedLostAfter);
    feed->addStretch();
    layout->addLayout(feed);
    layout->addSpacing(8);
    layout->addWidget(m_sound);
    layout->addWidget(m_tray);
    layout->addWidget(m_keepRunning);
    layout->addStretch();

    const auto enable = [this] {
        const bool tray = QSystemTrayIcon::isSystemTrayAvailable();
        m_marginPercent->setEnabled(m_marginLevel->isChecked());
        m_feedLostAfter->setEnabled(m_feed->isChecked());
        m_tray->setEnabled(tray);
        m_keepRunning->setEnabled(tray && m_tray->isChecked());
    };
    for (QCheckBox *box : {m_marginLevel, m_feed, m_tray})
        connect(box, &QCheckBox::toggled, this, enable);
    setAlertSettings(AlertSettings());
    enable();
    return page;
}

QWidget *SettingsDialog::displayPage()
{
    auto *page = new QWidget(this);
    m_language = new QComboBox(page);
    m_language->setObjectName(u"language"_s);
    // Each language by its own name, whatever the window's language is now.
    m_language->addItem(tr("System (the computer's language)"), u"system"_s);
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"简体中文"_s, u"zh_CN"_s);
    auto *label = new QLabel(tr("La&nguage:"), page);
    label->setBuddy(m_language);
    auto *note = new QLabel(tr("Takes effect when Trade Monitor starts again."), page);
    note->setForegroundRole(QPalette::PlaceholderText);
    m_colorScheme = new QComboBox(page);
    m_colorScheme->setObjectName(u"colorScheme"_s);
    m_colorScheme->addItem(tr("System (as the desktop is)"), int(ColorScheme::System));
    m_colorScheme->addItem(tr("Light"), int(ColorScheme::Light));
    m_colorScheme->addItem(tr("Dark"), int(ColorScheme::Dark));
    auto *schemeLabel = new QLabel(tr("Colo&urs:"), page);
    schemeLabel->setBuddy(m_colorScheme);
    auto *form = new QFormLayout(page);
    form->addRow(label, m_language);
    form->addRow(QString(), note);
    form->addRow(schemeLabel, m_colorScheme);
    return page;
}

void SettingsDialog::setLanguage(const QString &language)
{
    m_language->setCurrentIndex(std::max(0, m_language->findData(language)));
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

void SettingsDialog::setColorScheme(ColorScheme scheme)
{
    m_colorScheme->setCurrentIndex(std::max(0, m_colorScheme->findData(int(scheme))));
}

ColorScheme SettingsDialog::colorScheme() const
{
    return ColorScheme(m_colorScheme->currentData().toInt());
}

void SettingsDialog::setAlertSettings(const AlertSettings &alerts)
{
    m_ownPositions->setChecked(alerts.ownPositions);
    m_signalPositions->setChecked(alerts.signalPositions);
    m_marginLevel->setChecked(alerts.marginLevel);
    m_marginPercent->setValue(alerts.marginLevelPercent);
    m_feed->setChecked(alerts.feed);
    m_feedLostAfter->setValue(int(alerts.feedLostAfter.count() / 1000));
    m_sound->setChecked(alerts.sound);
    m_tray->setChecked(alerts.trayIcon);
    m_keepRunning->setChecked(alerts.keepRunningInTray);
}

AlertSettings SettingsDialog::alertSettings() const
{
    AlertSettings alerts;
    alerts.ownPositions = m_ownPositions->isChecked();
    alerts.signalPositions = m_signalPositions->isChecked();
    alerts.marginLevel = m_marginLevel->isChecked();
    alerts.marginLevelPercent = m_marginPercent->value();
    alerts.feed = m_feed->isChecked();
    alerts.feedLostAfter = std::chrono::seconds(m_feedLostAfter->value());
    alerts.sound = m_sound->isChecked();
    alerts.trayIcon = m_tray->isChecked();
    alerts.keepRunningInTray = m_tray->isChecked() && m_keepRunning->isChecked();
    return alerts;
}

SocketConfig SettingsDialog::config() const
{
    SocketConfig config = m_base;
    const QString url = m_url->text().trimmed();
    config.url = url.isEmpty() ? QUrl() : QUrl(url, QUrl::StrictMode);
    config.token = m_token->text().trimmed();
    for (auto it = m_numbers.cbegin(); it != m_numbers.cend(); ++it)
        FeedSetting::of(it.key()).setIn(config, it.value()->value());
    FeedProfile::fillPayloads(config);
    const QString chosen = m_profile->currentData().toString();
    // A profile that cannot be used leaves the payloads native; problem() says why.
    if (const auto profile =
            FeedProfile::load(chosen.isEmpty() ? m_profileFile->text().trimmed() : chosen, nullptr))
        profile->applyTo(config);
    return config;
}

void SettingsDialog::setSeveralAccounts(bool several)
{
    m_several = several;
    // Disabled, never enabled here: a field the command line sets stays as setOverrides left it.
    if (several) {
        for (QWidget *field :
             std::initializer_list<QWidget *>{m_url, m_numbers.value(FeedSetting::Id::TraderId),
                                              m_token, m_profile, m_profileFile, m_browse})
            field->setEnabled(false);
    }
    validate();
    m_severalAccounts->setText(several ? tr("Several accounts are watched, each with its own "
                                            "feed URL, trader id, token and wire format: see "
                                            "Accounts. The timing below applies to all of them.")
                                       : QString());
    m_severalAccounts->setVisible(several);
}

void SettingsDialog::setAccounts(const QList<AccountSpec> &accounts, const QStringList &tokens)
{
    m_accounts->setAccounts(accounts, tokens);
    validate();
}

QList<AccountSpec> SettingsDialog::accounts() const
{
    return m_accounts->accounts();
}

QStringList SettingsDialog::accountTokens() const
{
    return m_accounts->tokens();
}

QString SettingsDialog::problem() const
{
    if (const QString accounts = m_accounts->problem(); !accounts.isEmpty())
        return tr("Accounts: %1").arg(accounts);
    const bool fromFile = m_profile->currentData().toString().isEmpty();
    if (fromFile && m_profileFile->text().trimmed().isEmpty())
        return tr("Choose a profile file, or a built-in wire format.");
    if (fromFile) {
        QString error;
        if (!FeedProfile::load(m_profileFile->text().trimmed(), &error))
            return error;
    }
    SocketConfig checked = config();
    // An empty URL is the demo feed: check the rest against a stand-in.
    if (checked.url.isEmpty())
        checked.url = QUrl(u"ws://127.0.0.1/"_s);
    return FeedSetting::validate(checked);
}

void SettingsDialog::testConnection()
{
    const SocketConfig config = this->config();
    QString error;
    const std::optional<FeedProfile> profile = FeedProfile::load(config.profile, &error);
    m_testResult->show();
    if (!profile || !m_probe->start(config, *profile, &error)) {
        m_testResult->setText(error);
        AlarmText::set(m_testResult, true);
        return;
    }
    // The button is disabled while the try runs, and Qt moves the focus on to the next field;
    // it comes back with the answer, so that the keyboard stays where the trader was.
    m_focusBackToTest = m_test->hasFocus();
    AlarmText::set(m_testResult, false);
    m_testResult->setText(tr("Trying %1…")
                              .arg(config.url.isEmpty()
                                       ? tr("the demo feed")
                                       : config.url.toDisplayString(QUrl::RemoveUserInfo)));
    validate();
}

void SettingsDialog::validate()
{
    const QString text = problem();
    m_test->setEnabled(text.isEmpty() && !m_probe->isRunning() && !m_several);
    const bool fromFile = m_profile->currentData().toString().isEmpty();
    m_profileFile->setVisible(fromFile);
    m_browse->setVisible(fromFile);
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

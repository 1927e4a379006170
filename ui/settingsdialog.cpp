// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "protocol/feedprofile.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

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
        return SettingsDialog::tr("&Connect timeout:");
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
    auto *box = new QSpinBox(parent);
    box->setRange(0, int(std::min<qint64>(setting.range.max, std::numeric_limits<int>::max())));
    box->setValue(int(setting.valueIn(config)));
    if (setting.unit == FeedSetting::Unit::Milliseconds) {
        box->setSuffix(SettingsDialog::tr(" ms"));
        box->setGroupSeparatorShown(true);
    }
    box->setToolTip(setting.helpText());
    return box;
}

} // namespace

SettingsDialog::SettingsDialog(const SocketConfig &config, QWidget *parent)
    : QDialog(parent)
    , m_base(config)
{
    setWindowTitle(tr("Settings"));
    m_url = new QLineEdit(config.url.toString(), this);
    m_url->setPlaceholderText(tr("empty: the built-in demo feed"));
    m_url->setClearButtonEnabled(true);
    m_profile = new QComboBox(this);
    m_profile->addItem(tr("Trade Monitor protocol (native)"), u"native"_s);
    m_profile->addItem(tr("Original web client's backend (seed)"), u"seed"_s);
    m_profile->addItem(tr("Profile file…"), QString());
    m_profile->setToolTip(tr("How the feed writes its messages; see docs/profiles.md"));
    m_profileFile = new QLineEdit(this);
    m_profileFile->setPlaceholderText(tr("a profile file (.json)"));
    m_browse = new QPushButton(tr("Browse…"), this);
    if (const int builtIn = m_profile->findData(config.profile); builtIn >= 0) {
        m_profile->setCurrentIndex(builtIn);
    } else {
        m_profile->setCurrentIndex(m_profile->count() - 1);
        m_profileFile->setText(config.profile);
    }
    m_token = new QLineEdit(config.token, this);
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

    auto *form = new QFormLayout;
    form->addRow(tr("Feed &URL:"), m_url);
    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profile);
    profileRow->addWidget(m_profileFile, 1);
    profileRow->addWidget(m_browse);
    // A row of several widgets: the label needs its buddy named, or it shows the "&".
    auto *profileLabel = new QLabel(tr("&Wire format:"), this);
    profileLabel->setBuddy(m_profile);
    form->addRow(profileLabel, profileRow);
    for (const FeedSetting &setting : FeedSetting::all()) {
        form->addRow(label(setting.id), m_numbers.value(setting.id));
        // The account: whose positions, and the token that opens them.
        if (setting.id == Id::TraderId)
            form->addRow(tr("Auth t&oken:"), m_token);
    }

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #c62828;"_s);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

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

QString SettingsDialog::problem() const
{
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

void SettingsDialog::validate()
{
    const QString text = problem();
    const bool fromFile = m_profile->currentData().toString().isEmpty();
    m_profileFile->setVisible(fromFile);
    m_browse->setVisible(fromFile);
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

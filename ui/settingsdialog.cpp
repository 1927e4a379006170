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
using std::chrono::milliseconds;

namespace {
// Ranges from 0, not from the user limit: a value below it is then shown with a reason
// instead of being silently clamped.
QSpinBox *spinBox(const UserLimits::Range &range, qint64 value, const QString &suffix,
                  QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, int(range.max));
    box->setValue(value);
    box->setSuffix(suffix);
    box->setGroupSeparatorShown(true);
    return box;
}
} // namespace

SettingsDialog::SettingsDialog(const SocketConfig &config, QWidget *parent)
    : QDialog(parent)
    , m_base(config)
{
    setWindowTitle(tr("Settings"));
    const QString ms = tr(" ms");
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
    m_traderId = spinBox(UserLimits::kTraderId, config.traderId, QString(), this);
    m_traderId->setGroupSeparatorShown(false);
    m_token = new QLineEdit(config.token, this);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("none; TRADE_MONITOR_TOKEN in the environment wins"));
    m_heartbeat = spinBox(UserLimits::kHeartbeatMs, config.heartbeatInterval.count(), ms, this);
    m_pongTimeout = spinBox(UserLimits::kPongTimeoutMs, config.pongTimeout.count(), ms, this);
    m_snapshotTimeout =
        spinBox(UserLimits::kSnapshotTimeoutMs, config.snapshotTimeout.count(), ms, this);
    m_snapshotTimeout->setToolTip(
        tr("After subscribing, the feed must send its positions within this time; otherwise "
           "it is asked once more, then the connection is tried again."));
    m_maxRetries = spinBox(UserLimits::kMaxRetries, config.maxRetries, QString(), this);
    m_maxRetries->setSpecialValueText(tr("unlimited"));
    m_giveUpAfter = spinBox(UserLimits::kGiveUpAfterMs, config.giveUpAfter.count(), ms, this);
    m_giveUpAfter->setSpecialValueText(tr("when the retries are used up"));
    m_giveUpAfter->setToolTip(
        tr("Give up only once the retries are used up and the feed has been down this long; "
           "until then retries go on at the longest delay."));
    m_reconnectMin = spinBox(UserLimits::kReconnectMs, config.reconnectMin.count(), ms, this);
    m_reconnectMax = spinBox(UserLimits::kReconnectMs, config.reconnectMax.count(), ms, this);

    auto *form = new QFormLayout;
    form->addRow(tr("Feed &URL:"), m_url);
    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profile);
    profileRow->addWidget(m_profileFile, 1);
    profileRow->addWidget(m_browse);
    form->addRow(tr("&Wire format:"), profileRow);
    form->addRow(tr("&Trader id:"), m_traderId);
    form->addRow(tr("Auth t&oken:"), m_token);
    form->addRow(tr("&Heartbeat every:"), m_heartbeat);
    form->addRow(tr("&Pong timeout:"), m_pongTimeout);
    form->addRow(tr("S&napshot timeout:"), m_snapshotTimeout);
    form->addRow(tr("&Retries before giving up:"), m_maxRetries);
    form->addRow(tr("&Give up after down for:"), m_giveUpAfter);
    form->addRow(tr("Reconnect delay, &shortest:"), m_reconnectMin);
    form->addRow(tr("Reconnect delay, &longest:"), m_reconnectMax);

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
    for (QSpinBox *box : {m_traderId, m_heartbeat, m_pongTimeout, m_snapshotTimeout, m_maxRetries,
                          m_giveUpAfter, m_reconnectMin, m_reconnectMax})
        connect(box, &QSpinBox::valueChanged, this, &SettingsDialog::validate);
    validate();
}

SocketConfig SettingsDialog::config() const
{
    SocketConfig config = m_base;
    const QString url = m_url->text().trimmed();
    config.url = url.isEmpty() ? QUrl() : QUrl(url, QUrl::StrictMode);
    config.traderId = m_traderId->value();
    config.token = m_token->text().trimmed();
    config.heartbeatInterval = milliseconds(m_heartbeat->value());
    config.pongTimeout = milliseconds(m_pongTimeout->value());
    config.snapshotTimeout = milliseconds(m_snapshotTimeout->value());
    config.maxRetries = m_maxRetries->value();
    config.giveUpAfter = milliseconds(m_giveUpAfter->value());
    config.reconnectMin = milliseconds(m_reconnectMin->value());
    config.reconnectMax = milliseconds(m_reconnectMax->value());
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
    return checked.validateForUser();
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

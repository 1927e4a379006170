#include "settingsdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using std::chrono::milliseconds;

namespace {
QSpinBox *spinBox(int min, int max, int value, const QString &suffix, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(min, max);
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
    m_traderId = spinBox(1, std::numeric_limits<int>::max(), int(config.traderId), QString(), this);
    m_traderId->setGroupSeparatorShown(false);
    m_token = new QLineEdit(config.token, this);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("none; TRADE_MONITOR_TOKEN in the environment wins"));
    m_heartbeat = spinBox(10, 3600000, int(config.heartbeatInterval.count()), ms, this);
    m_pongTimeout = spinBox(10, 3600000, int(config.pongTimeout.count()), ms, this);
    m_maxRetries = spinBox(0, 1000, config.maxRetries, QString(), this);
    m_maxRetries->setSpecialValueText(tr("unlimited"));
    m_reconnectMin = spinBox(0, 3600000, int(config.reconnectMin.count()), ms, this);
    m_reconnectMax = spinBox(0, 3600000, int(config.reconnectMax.count()), ms, this);

    auto *form = new QFormLayout;
    form->addRow(tr("Feed &URL:"), m_url);
    form->addRow(tr("&Trader id:"), m_traderId);
    form->addRow(tr("Auth t&oken:"), m_token);
    form->addRow(tr("&Heartbeat every:"), m_heartbeat);
    form->addRow(tr("&Pong timeout:"), m_pongTimeout);
    form->addRow(tr("&Retries before giving up:"), m_maxRetries);
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
    for (QSpinBox *box :
         {m_traderId, m_heartbeat, m_pongTimeout, m_maxRetries, m_reconnectMin, m_reconnectMax})
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
    config.maxRetries = m_maxRetries->value();
    config.reconnectMin = milliseconds(m_reconnectMin->value());
    config.reconnectMax = milliseconds(m_reconnectMax->value());
    config.updatePayloads();
    return config;
}

QString SettingsDialog::problem() const
{
    SocketConfig checked = config();
    // An empty URL is the demo feed: check the rest against a stand-in.
    if (checked.url.isEmpty())
        checked.url = QUrl(u"ws://127.0.0.1/"_s);
    return checked.validate();
}

void SettingsDialog::validate()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

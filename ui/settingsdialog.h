#pragma once

#include "net/socketconfig.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// The feed settings a user can change: URL (empty = demo feed), wire format (a built-in
// profile or a profile file, refused with the reason when it cannot be used), trader id, token,
// heartbeat, pong timeout, snapshot timeout, retries, give-up time and reconnect delays. The limits
// are UserLimits' (SocketConfig::validateForUser): OK stays disabled while anything is outside
// them, and the dialog says what.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(const SocketConfig &config, QWidget *parent = nullptr);

    // The edited config (payloads follow the trader id).
    SocketConfig config() const;
    // Empty when the values can be used.
    QString problem() const;

    QLineEdit *urlEdit() const { return m_url; }
    QComboBox *profileBox() const { return m_profile; }
    QLineEdit *profileFileEdit() const { return m_profileFile; }
    QSpinBox *traderIdBox() const { return m_traderId; }
    QSpinBox *reconnectMinBox() const { return m_reconnectMin; }
    QSpinBox *reconnectMaxBox() const { return m_reconnectMax; }
    QSpinBox *snapshotTimeoutBox() const { return m_snapshotTimeout; }
    QSpinBox *giveUpAfterBox() const { return m_giveUpAfter; }

private:
    void validate();

    SocketConfig m_base;
    QLineEdit *m_url = nullptr;
    QComboBox *m_profile = nullptr;
    QLineEdit *m_profileFile = nullptr;
    QPushButton *m_browse = nullptr;
    QSpinBox *m_traderId = nullptr;
    QLineEdit *m_token = nullptr;
    QSpinBox *m_heartbeat = nullptr;
    QSpinBox *m_pongTimeout = nullptr;
    QSpinBox *m_snapshotTimeout = nullptr;
    QSpinBox *m_maxRetries = nullptr;
    QSpinBox *m_giveUpAfter = nullptr;
    QSpinBox *m_reconnectMin = nullptr;
    QSpinBox *m_reconnectMax = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

#pragma once

#include "socketconfig.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// The feed settings a user can change: URL (empty = demo feed), trader id, heartbeat, pong
// timeout, retries and reconnect delays. OK stays disabled while anything is invalid, and
// the dialog says what.
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
    QSpinBox *traderIdBox() const { return m_traderId; }

private:
    void validate();

    SocketConfig m_base;
    QLineEdit *m_url = nullptr;
    QSpinBox *m_traderId = nullptr;
    QLineEdit *m_token = nullptr;
    QSpinBox *m_heartbeat = nullptr;
    QSpinBox *m_pongTimeout = nullptr;
    QSpinBox *m_maxRetries = nullptr;
    QSpinBox *m_reconnectMin = nullptr;
    QSpinBox *m_reconnectMax = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

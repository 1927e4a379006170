// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/feedsettings.h"
#include "net/socketconfig.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// The feed settings a user can change: URL (empty = demo feed), wire format (a built-in
// profile or a profile file, refused with the reason when it cannot be used), token, and every
// number of FeedSetting's table (trader id, heartbeat, timeouts, retries, give-up time,
// reconnect delays), with the table's limits (FeedSetting::validate): OK stays disabled while
// anything is outside them, and the dialog says what.
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
    QLineEdit *tokenEdit() const { return m_token; }
    // The box of one number of FeedSetting's table.
    QSpinBox *numberBox(FeedSetting::Id id) const { return m_numbers.value(id); }

private:
    void validate();

    SocketConfig m_base;
    QLineEdit *m_url = nullptr;
    QComboBox *m_profile = nullptr;
    QLineEdit *m_profileFile = nullptr;
    QPushButton *m_browse = nullptr;
    QLineEdit *m_token = nullptr;
    QHash<FeedSetting::Id, QSpinBox *> m_numbers;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

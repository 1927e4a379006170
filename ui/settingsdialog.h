// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/alertsettings.h"
#include "config/appoptions.h"
#include "config/appsettings.h"
#include "config/feedsettings.h"
#include "net/socketconfig.h"

#include <QDialog>
#include <QHash>

class AccountsEditor;
class FeedProbe;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QTabWidget;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// The settings a user can change. Feed: URL (empty = demo feed), wire format (a built-in
// profile or a profile file, refused with the reason when it cannot be used), token, and every
// number of FeedSetting's table (trader id, heartbeat, timeouts, retries, give-up time,
// reconnect delays), with the table's limits (FeedSetting::validate): OK stays disabled while
// anything is outside them, and the dialog says what. It shows what is running: a setting taken
// from the command line is shown with its value and marked as such. Alerts: which notifications,
// the margin level and the lost-feed delay that trigger them, a sound, the tray icon and whether
// closing the window keeps the program running there. Accounts: the accounts one window watches
// (AccountsEditor). Its fields are named for tests and tools:
// "url", "profile", "profileFile", "token", "tabs", each number by its command-line option
// ("heartbeat-ms"), each alert setting by its key ("ownPositions", "marginLevelPercent", …)
// "language" and "colorScheme"; "testConnection" and its answer "testResult".
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(const SocketConfig &config, QWidget *parent = nullptr);

    // The edited config (payloads follow the trader id).
    SocketConfig config() const;
    // Settings this run took from the command line: shown as they run, marked "set on the
    // command line for this run" and not editable (they would not take effect).
    void setOverrides(const AppOptions::Overrides &overrides);
    // "The command line sets …": empty when nothing is.
    QString overridesText() const;
    void setAlertSettings(const AlertSettings &alerts);
    AlertSettings alertSettings() const;
    // "system", "en" or "zh_CN" (AppSettings::languages()).
    void setLanguage(const QString &language);
    QString language() const;
    // System, Light or Dark.
    void setColorScheme(ColorScheme scheme);
    ColorScheme colorScheme() const;
    // Several accounts run (each with its own URL, trader, wire format and token): the Feed
    // tab's own feed is not one of them. Its URL, trader id, token and wire format are shown
    // disabled, with a note; its timing applies to every account.
    void setSeveralAccounts(bool several);
    // Settings → Accounts: the accounts and each one's token (empty: none).
    void setAccounts(const QList<AccountSpec> &accounts, const QStringList &tokens);
    QList<AccountSpec> accounts() const;
    QStringList accountTokens() const;
    // Empty when the values can be used.
    QString problem() const;

private:
    // Test Connection: one try of what the dialog holds (FeedProbe), its answer beside it.
    void testConnection();
    void validate();
    QWidget *alertsPage();
    QWidget *displayPage();

    SocketConfig m_base;
    QLineEdit *m_url = nullptr;
    QComboBox *m_profile = nullptr;
    QLineEdit *m_profileFile = nullptr;
    QPushButton *m_browse = nullptr;
    QLineEdit *m_token = nullptr;
    AccountsEditor *m_accounts = nullptr;
    QHash<FeedSetting::Id, QSpinBox *> m_numbers;
    QTabWidget *m_tabs = nullptr;
    QCheckBox *m_ownPositions = nullptr;
    QCheckBox *m_signalPositions = nullptr;
    QCheckBox *m_marginLevel = nullptr;
    QDoubleSpinBox *m_marginPercent = nullptr;
    QCheckBox *m_feed = nullptr;
    QSpinBox *m_feedLostAfter = nullptr;
    QCheckBox *m_sound = nullptr;
    QCheckBox *m_tray = nullptr;
    QCheckBox *m_keepRunning = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_colorScheme = nullptr;
    bool m_focusBackToTest = false; // the Test button had the focus when it was pressed
    QLabel *m_problem = nullptr;
    QLabel *m_overrides = nullptr;
    QLabel *m_severalAccounts = nullptr;
    bool m_several = false; // the Feed tab's own feed is not watched
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_testResult = nullptr;
    FeedProbe *m_probe = nullptr;
};

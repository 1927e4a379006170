// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/accountspec.h"
#include "config/alertsettings.h"
#include "net/socketconfig.h"

#include <QStringList>

#include <memory>

// How the window is coloured: as the desktop is, or always light, or always dark.
enum class ColorScheme { System, Light, Dark };

class FileSecretBackend;
class QSettings;
class TokenStore;

// The feed and alert settings a user keeps between runs (QSettings); no secret is among them:
// the token, and the user info and credential parameters of the feed's URL (per account), are
// kept by a TokenStore (the keychain, else an owner-only file), and those found in an older
// settings file are moved there and removed from the file. Bad values (edited by hand,
// or from an older version) are ignored one by one with a note in problems(), never fatal.
class AppSettings
{
public:
    // Not owned; nullptr uses the application's default QSettings. The token goes to
    // `tokens` (not owned); without one, to a file only the user can read beside the settings.
    explicit AppSettings(QSettings *settings = nullptr, TokenStore *tokens = nullptr);
    ~AppSettings();

    // The saved feed over the defaults. An empty URL means the demo feed.
    SocketConfig feedConfig() const;
    void setFeedConfig(const SocketConfig &config);

    // The token kept for the server at `url` (trader `traderId`): the saved feed's own, or the
    // one kept for that server alone (typed in Settings while the command line named it). A
    // token is kept per server and never handed to another. Empty when none is kept.
    QString tokenFor(const QUrl &url, qint64 traderId) const;
    void setTokenFor(const QUrl &url, qint64 traderId, const QString &token);
    // The accounts the window watches, as Settings → Accounts keeps them, in the trader's
    // order (accounts/N/name, url, traderId, profile); none: the saved feed alone. A URL's user
    // info and credentials go to the secret store as the feed's do; each account's token is
    // tokenFor() its server. An entry that cannot be read (no usable URL, a bad trader id) is
    // left out with a note in problems(); the second of two entries of one account too.
    QList<AccountSpec> accounts() const;
    void setAccounts(const QList<AccountSpec> &accounts);

    // The language of the window: "system" (the default: the system's locale), "en" or
    // "zh_CN". Read at start: a change takes effect at the next start.
    QString language() const;
    void setLanguage(const QString &language);
    static QStringList languages();

    // "ui/colorScheme": "system" (the default), "light" or "dark"; anything else reads as
    // the default. Takes effect at once.
    ColorScheme colorScheme() const;
    void setColorScheme(ColorScheme scheme);

    // Which alerts, and how: alerts/* over the defaults; a bad value is a problem and the
    // default.
    AlertSettings alertSettings() const;
    void setAlertSettings(const AlertSettings &alerts);

    // What was wrong with the saved values the last time feedConfig() or alertSettings() read
    // them.
    QStringList problems() const { return m_problems; }

    QSettings &settings() const { return *m_settings; }
    TokenStore &tokens() const { return *m_tokens; }

private:
    // Whether `url` is the saved feed's server.
    bool isSavedFeed(const QUrl &url) const;
    // Drops the reconnect delays earlier versions saved as their defaults.
    void forgetOldReconnectDefaults() const;
    // The URL's user info and credentials, kept in the secret store: put back into
    // `config.url`, or moved there from a settings file an earlier version wrote.
    void restoreUrlSecrets(SocketConfig &config) const;
    // `url` with the user info and credentials kept for its account put back (none: as it is).
    QUrl withKeptSecrets(const QUrl &url, qint64 traderId) const;
    // Keeps `url`'s user info and credentials in the secret store; the URL without them.
    QUrl keepSecrets(const QUrl &url, qint64 traderId);

    QSettings *m_settings = nullptr;
    bool m_owned = false;
    std::unique_ptr<FileSecretBackend> m_ownFile;
    std::unique_ptr<TokenStore> m_ownTokens;
    TokenStore *m_tokens = nullptr;
    mutable QStringList m_problems;
};

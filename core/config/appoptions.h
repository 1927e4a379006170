// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/accountspec.h"
#include "config/feedsettings.h"
#include "config/optionvalues.h"
#include "net/socketconfig.h"
#include "protocol/feedprofile.h"

#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

class AppSettings;

// The command line of trade-monitor. Parsing lives here, not in main(), so that every bad
// input has a tested, clear error. The option names are a public interface: keep them.
class AppOptions
{
    Q_GADGET

public:
    using Outcome = OptionValues::Outcome;

    // `arguments` includes the program name, as QCoreApplication::arguments() does. The
    // token is read from `environment` (FeedSetting::kTokenVariable), here and only here.
    Outcome
    parse(const QStringList &arguments,
          const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    // For ShowHelp and ShowVersion the text to print; for Error what is wrong.
    QString message() const { return m_message; }

    // On the command line by name, in any case: --tab open, --tab Closed.
    enum class Tab { Open, Closed };
    Q_ENUM(Tab)

    // `base` (the saved settings) with every option given on the command line, and the token
    // from the environment, laid over it: they win for this run. The payloads follow the
    // trader id and the token.
    SocketConfig apply(const SocketConfig &base) const;
    // The same for one of accounts(): its URL, trader id and profile over `base`.
    SocketConfig apply(const SocketConfig &base, const AccountSpec &account) const;
    // What this run connects to: the saved feed (`settings`) with the command line over it as
    // apply() lays it, for `account` (one of accounts()) or, without one, the one feed. A
    // server that is not the saved feed's gets the token kept for it (AppSettings::tokenFor),
    // never the saved feed's. At start, and again whenever the settings change.
    SocketConfig configFor(const AppSettings &settings, const AccountSpec *account = nullptr) const;
    // Which settings this run takes from the command line (or, for the token, the
    // environment) rather than from what is saved: Settings shows them as such.
    struct Overrides
    {
        bool url = false; // --url, --demo or --account
        bool profile = false;
        bool token = false;
        QList<FeedSetting::Id> numbers;
        bool any() const { return url || profile || token || !numbers.isEmpty(); }
    };
    Overrides overrides() const;

    // The feed connection from the command line over the defaults. The URL may be empty.
    SocketConfig socketConfig() const;
    // --demo: the built-in demo feed whatever the settings say.
    bool demoRequested() const { return m_demo; }
    bool urlGiven() const { return m_url.has_value(); }
    // Empty unless --db was given.
    QString databasePath() const { return m_databasePath; }
    Tab startTab() const { return m_tab; }
    // The token from the environment; nullopt when it is not set there.
    const std::optional<QString> &environmentToken() const { return m_token; }
    // --profile, read and checked; nullopt when not given.
    const std::optional<FeedProfile> &profile() const { return m_profile; }
    // --account, each parsed and checked, in the order given; empty when none is. One account
    // is applied by apply() as --url, --trader-id and --profile would be.
    const QList<AccountSpec> &accounts() const { return m_accounts; }

private:
    SocketConfig apply(const SocketConfig &base, const AccountSpec *account) const;

    std::optional<QUrl> m_url;
    QMap<FeedSetting::Id, qint64> m_numbers; // the FeedSetting options given
    std::optional<QString> m_token;
    QString m_databasePath;
    QList<QSslCertificate> m_caCertificates;
    std::optional<FeedProfile> m_profile;
    QList<AccountSpec> m_accounts;
    QString m_message;
    bool m_demo = false;
    Tab m_tab = Tab::Open;
};

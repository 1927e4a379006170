// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/appoptions.h"

#include "config/accountspec.h"
#include "config/appsettings.h"
#include "config/optionvalues.h"
#include "protocol/feedprofile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QMetaEnum>

#include <limits>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono;

AppOptions::Outcome AppOptions::parse(const QStringList &arguments,
                                      const QProcessEnvironment &environment)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Trade Monitor: a trader's open positions, live from a WebSocket feed."_s);
    parser.addOption({u"url"_s, u"The feed's WebSocket URL (ws:// or wss://)."_s, u"URL"_s});
    for (const FeedSetting &setting : FeedSetting::all()) {
        parser.addOption({setting.optionName(), setting.helpText(),
                          setting.unit == FeedSetting::Unit::Milliseconds ? u"MS"_s : u"N"_s});
    }
    parser.addOptions({
        {u"db"_s, u"The closed-trade history database file."_s, u"PATH"_s},
        {u"ca-cert"_s, u"Also trust this CA certificate (PEM) for wss:// feeds."_s, u"PATH"_s},
        {u"profile"_s,
         u"The feed's wire format: a built-in profile (native, seed) or a profile file "
         "(docs/profiles.md) [native]."_s,
         u"NAME|FILE"_s},
        {u"demo"_s, u"Show the built-in demo feed (the default when no feed URL is set)."_s},
        {u"tab"_s, u"The tab to start on: open or closed [open]."_s, u"TAB"_s},
        {u"account"_s,
         u"An account to watch, instead of --url, --trader-id and --profile: key=value pairs "
         "separated by ';', url= last (required): "
         "'trader=10260;name=Main;url=wss://feed.example.com/positions'. Its token comes from "
         "Settings."_s,
         u"SPEC"_s},
    });

    if (const auto outcome = OptionValues::parseStandard(parser, arguments, &m_message))
        return *outcome;

    QString error;
    // The limits are FeedSetting's, as in the settings file and the Settings dialog.
    for (const FeedSetting &setting : FeedSetting::all()) {
        if (!parser.isSet(setting.optionName()))
            continue;
        if (const auto value = OptionValues::integer(parser, setting.optionName(),
                                                     setting.range.min, setting.range.max, &error))
            m_numbers.insert(setting.id, *value);
    }
    if (!error.isEmpty()) {
        m_message = error;
        return Outcome::Error;
    }

    if (parser.isSet(u"url"_s)) {
        const QUrl url(parser.value(u"url"_s).trimmed(), QUrl::StrictMode);
        if (const QString invalid = SocketConfig::validateUrl(url); !invalid.isEmpty()) {
            m_message = u"--url: %1"_s.arg(invalid);
            return Outcome::Error;
        }
        m_url = url;
    }
    using Id = FeedSetting::Id;
    if (m_numbers.contains(Id::ReconnectMin) && m_numbers.contains(Id::ReconnectMax) &&
        m_numbers.value(Id::ReconnectMax) < m_numbers.value(Id::ReconnectMin)) {
        m_message = u"--reconnect-max-ms must not be shorter than --reconnect-min-ms."_s;
        return Outcome::Error;
    }
    m_demo = parser.isSet(u"demo"_s);
    if (m_demo && parser.isSet(u"url"_s)) {
        m_message = u"--demo and --url exclude each other: the demo feed has its own URL."_s;
        return Outcome::Error;
    }
    if (parser.isSet(u"db"_s)) {
        m_databasePath = parser.value(u"db"_s);
        if (m_databasePath.trimmed().isEmpty()) {
            m_message = u"--db: the path is empty."_s;
            return Outcome::Error;
        }
    }
    if (parser.isSet(u"ca-cert"_s)) {
        const QString path = parser.value(u"ca-cert"_s);
        m_caCertificates = QSslCertificate::fromPath(path, QSsl::Pem);
        if (m_caCertificates.isEmpty()) {
            m_message = u"--ca-cert: no PEM certificate could be read from \"%1\"."_s.arg(path);
            return Outcome::Error;
        }
    }
    if (parser.isSet(u"profile"_s)) {
        QString problem;
        m_profile = FeedProfile::load(parser.value(u"profile"_s), &problem);
        if (!m_profile) {
            m_message = u"--profile: %1"_s.arg(problem);
            return Outcome::Error;
        }
    }
    if (parser.isSet(u"account"_s)) {
        // Each account names its own feed: a feed option beside them would be ambiguous.
        for (const QString &option : {u"url"_s, u"trader-id"_s, u"profile"_s, u"demo"_s}) {
            if (parser.isSet(option)) {
                m_message = u"--account and --%1 exclude each other: each account names its "
                            "own feed (url=, trader=, profile=)."_s.arg(option);
                return Outcome::Error;
            }
        }
        const QStringList specs = parser.values(u"account"_s);
        for (qsizetype i = 0; i < specs.size(); ++i) {
            QString problem;
            const std::optional<AccountSpec> spec = AccountSpec::parse(specs.at(i), &problem);
            if (!spec) {
                // By its place, not its text: a URL may carry a credential.
                m_message =
                    u"--account (the %1 of %2): %3."_s.arg(i + 1).arg(specs.size()).arg(problem);
                return Outcome::Error;
            }
            m_accounts.append(*spec);
        }
        if (const QString twice = AccountSpec::duplicates(m_accounts); !twice.isEmpty()) {
            m_message = u"--account: %1."_s.arg(twice);
            return Outcome::Error;
        }
    }
    if (parser.isSet(u"tab"_s)) {
        const QString given = parser.value(u"tab"_s).trimmed();
        const QMetaEnum tabs = QMetaEnum::fromType<Tab>();
        QStringList names;
        std::optional<Tab> tab;
        for (int i = 0; i < tabs.keyCount(); ++i) {
            const QString name = QString::fromLatin1(tabs.key(i)).toLower();
            names.append(u"\"%1\""_s.arg(name));
            if (given.compare(name, Qt::CaseInsensitive) == 0)
                tab = Tab(tabs.value(i));
        }
        if (!tab) {
            m_message = u"--tab: expected %1, got \"%2\"."_s.arg(names.join(u" or "_s), given);
            return Outcome::Error;
        }
        m_tab = *tab;
    }
    if (const QString variable = QString::fromLatin1(FeedSetting::kTokenVariable);
        environment.contains(variable))
        m_token = environment.value(variable).trimmed();
    return Outcome::Run;
}

SocketConfig AppOptions::apply(const SocketConfig &base) const
{
    return m_accounts.size() == 1 ? apply(base, m_accounts.constFirst()) : apply(base, nullptr);
}

SocketConfig AppOptions::apply(const SocketConfig &base, const AccountSpec &account) const
{
    return apply(base, &account);
}

SocketConfig AppOptions::configFor(const AppSettings &settings, const AccountSpec *account) const
{
    const SocketConfig saved = settings.feedConfig();
    SocketConfig config = account ? apply(saved, *account) : apply(saved);
    if (config.token.isEmpty() && !config.url.isEmpty()) {
        config.token = settings.tokenFor(config.url, config.traderId);
        FeedProfile::fillPayloads(config); // the subscription carries it
    }
    return config;
}

SocketConfig AppOptions::apply(const SocketConfig &base, const AccountSpec *account) const
{
    SocketConfig config = base;
    if (m_url)
        config.url = *m_url;
    if (m_demo)
        config.url.clear();
    for (auto it = m_numbers.cbegin(); it != m_numbers.cend(); ++it)
        FeedSetting::of(it.key()).setIn(config, it.value());
    if (account) {
        config.url = account->url;
        if (account->traderId > 0)
            config.traderId = account->traderId;
        if (!account->profile.isEmpty()) {
            if (const auto profile = FeedProfile::load(account->profile, nullptr))
                profile->applyTo(config);
        }
    }
    // The saved token was saved for the saved feed: another server named on the command line
    // never gets it (that would hand one server's secret to another).
    if (Account::normalisedEndpoint(config.url) != Account::normalisedEndpoint(base.url))
        config.token.clear();
    // The environment's token is the one account's: with several, whose would it be?
    if (m_token && m_accounts.size() <= 1)
        config.token = *m_token;
    if (!m_caCertificates.isEmpty())
        config.caCertificates = m_caCertificates;
    if (m_profile)
        m_profile->applyTo(config);
    FeedProfile::fillPayloads(config);
    return config;
}

AppOptions::Overrides AppOptions::overrides() const
{
    Overrides overrides;
    overrides.url = m_url.has_value() || m_demo || !m_accounts.isEmpty();
    overrides.profile = m_profile.has_value() || !m_accounts.isEmpty();
    overrides.token = m_token.has_value();
    overrides.numbers = m_numbers.keys();
    if (m_accounts.size() == 1 && m_accounts.constFirst().traderId > 0)
        overrides.numbers.append(FeedSetting::Id::TraderId);
    return overrides;
}

SocketConfig AppOptions::socketConfig() const
{
    return apply(FeedProfile::native().configFor(QUrl(), Defaults::kTraderId));
}

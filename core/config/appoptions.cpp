// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/appoptions.h"

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
    SocketConfig config = base;
    if (m_url)
        config.url = *m_url;
    if (m_demo)
        config.url.clear();
    for (auto it = m_numbers.cbegin(); it != m_numbers.cend(); ++it)
        FeedSetting::of(it.key()).setIn(config, it.value());
    if (m_token)
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
    overrides.url = m_url.has_value() || m_demo;
    overrides.profile = m_profile.has_value();
    overrides.token = m_token.has_value();
    overrides.numbers = m_numbers.keys();
    return overrides;
}

SocketConfig AppOptions::socketConfig() const
{
    return apply(FeedProfile::native().configFor(QUrl(), Defaults::kTraderId));
}

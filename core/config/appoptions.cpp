#include "config/appoptions.h"

#include "config/optionvalues.h"
#include "protocol/feedprofile.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <limits>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono;

AppOptions::Outcome AppOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Trade Monitor: a trader's open positions, live from a WebSocket feed."_s);
    parser.addOptions({
        {u"url"_s, u"The feed's WebSocket URL (ws:// or wss://)."_s, u"URL"_s},
        {u"trader-id"_s, u"The trader whose positions to show [10260]."_s, u"N"_s},
        {u"heartbeat-ms"_s, u"Milliseconds between heartbeat pings [15000]."_s, u"MS"_s},
        {u"pong-timeout-ms"_s,
         u"Milliseconds to wait for any reply after a ping before the link counts as dead "
         "[10000]."_s,
         u"MS"_s},
        {u"connect-timeout-ms"_s, u"Milliseconds allowed for connect plus handshake [10000]."_s,
         u"MS"_s},
        {u"snapshot-timeout-ms"_s,
         u"Milliseconds to wait for the positions after subscribing before asking again; a "
         "second wait without them fails the attempt [10000]."_s,
         u"MS"_s},
        {u"max-retries"_s, u"Reconnect attempts before giving up; 0 = unlimited [5]."_s, u"N"_s},
        {u"give-up-after-ms"_s,
         u"Give up only once the retries are used up and the feed has been down this long; "
         "0 = as soon as the retries are used up [60000]."_s,
         u"MS"_s},
        {u"reconnect-min-ms"_s, u"Base reconnect delay in milliseconds, at least 100 [1000]."_s,
         u"MS"_s},
        {u"reconnect-max-ms"_s, u"Longest reconnect delay in milliseconds [30000]."_s, u"MS"_s},
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
    // The limits are UserLimits', as in the settings file and the Settings dialog.
    const auto number = [&](const QString &name,
                            const UserLimits::Range &range) -> std::optional<qint64> {
        if (!parser.isSet(name))
            return std::nullopt;
        return OptionValues::integer(parser, name, range.min, range.max, &error);
    };
    const auto duration = [&](const QString &name,
                              const UserLimits::Range &range) -> std::optional<milliseconds> {
        if (const auto value = number(name, range))
            return milliseconds(*value);
        return std::nullopt;
    };

    m_traderId = number(u"trader-id"_s, UserLimits::kTraderId);
    m_heartbeat = duration(u"heartbeat-ms"_s, UserLimits::kHeartbeatMs);
    m_pongTimeout = duration(u"pong-timeout-ms"_s, UserLimits::kPongTimeoutMs);
    m_connectTimeout = duration(u"connect-timeout-ms"_s, UserLimits::kConnectTimeoutMs);
    m_snapshotTimeout = duration(u"snapshot-timeout-ms"_s, UserLimits::kSnapshotTimeoutMs);
    if (const auto retries = number(u"max-retries"_s, UserLimits::kMaxRetries))
        m_maxRetries = int(*retries);
    m_giveUpAfter = duration(u"give-up-after-ms"_s, UserLimits::kGiveUpAfterMs);
    m_reconnectMin = duration(u"reconnect-min-ms"_s, UserLimits::kReconnectMs);
    m_reconnectMax = duration(u"reconnect-max-ms"_s, UserLimits::kReconnectMs);
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
    if (m_reconnectMin && m_reconnectMax && *m_reconnectMax < *m_reconnectMin) {
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
        const QString tab = parser.value(u"tab"_s).trimmed().toLower();
        if (tab == "open"_L1) {
            m_tab = Tab::Open;
        } else if (tab == "closed"_L1) {
            m_tab = Tab::Closed;
        } else {
            m_message = u"--tab: expected \"open\" or \"closed\", got \"%1\"."_s.arg(
                parser.value(u"tab"_s));
            return Outcome::Error;
        }
    }
    return Outcome::Run;
}

SocketConfig AppOptions::apply(const SocketConfig &base) const
{
    SocketConfig config = base;
    if (m_url)
        config.url = *m_url;
    if (m_demo)
        config.url.clear();
    config.traderId = m_traderId.value_or(config.traderId);
    config.heartbeatInterval = m_heartbeat.value_or(config.heartbeatInterval);
    config.pongTimeout = m_pongTimeout.value_or(config.pongTimeout);
    config.connectTimeout = m_connectTimeout.value_or(config.connectTimeout);
    config.snapshotTimeout = m_snapshotTimeout.value_or(config.snapshotTimeout);
    config.maxRetries = m_maxRetries.value_or(config.maxRetries);
    config.giveUpAfter = m_giveUpAfter.value_or(config.giveUpAfter);
    config.reconnectMin = m_reconnectMin.value_or(config.reconnectMin);
    config.reconnectMax = m_reconnectMax.value_or(config.reconnectMax);
    if (!m_caCertificates.isEmpty())
        config.caCertificates = m_caCertificates;
    if (m_profile)
        m_profile->applyTo(config);
    FeedProfile::fillPayloads(config);
    return config;
}

SocketConfig AppOptions::socketConfig() const
{
    return apply(FeedProfile::native().configFor(QUrl(), Defaults::kTraderId));
}

#pragma once

#include "config/optionvalues.h"

#include "net/socketconfig.h"
#include "protocol/feedprofile.h"

#include <QString>
#include <QStringList>

#include <optional>

// The command line of trade-monitor. Parsing lives here, not in main(), so that every bad
// input has a tested, clear error. The option names are a public interface: keep them.
class AppOptions
{
public:
    using Outcome = OptionValues::Outcome;

    // `arguments` includes the program name, as QCoreApplication::arguments() does.
    Outcome parse(const QStringList &arguments);

    // For ShowHelp and ShowVersion the text to print; for Error what is wrong.
    QString message() const { return m_message; }

    enum class Tab { Open, Closed };

    // `base` (the saved settings) with every option given on the command line laid over it:
    // the command line wins for this run. The payloads follow the trader id.
    SocketConfig apply(const SocketConfig &base) const;
    // The feed connection from the command line over the defaults. The URL may be empty.
    SocketConfig socketConfig() const;
    // --demo: the built-in demo feed whatever the settings say.
    bool demoRequested() const { return m_demo; }
    bool urlGiven() const { return m_url.has_value(); }
    // Empty unless --db was given.
    QString databasePath() const { return m_databasePath; }
    Tab startTab() const { return m_tab; }
    // --profile, read and checked; nullopt when not given.
    const std::optional<FeedProfile> &profile() const { return m_profile; }

private:
    std::optional<QUrl> m_url;
    std::optional<qint64> m_traderId;
    std::optional<std::chrono::milliseconds> m_heartbeat;
    std::optional<std::chrono::milliseconds> m_pongTimeout;
    std::optional<std::chrono::milliseconds> m_connectTimeout;
    std::optional<std::chrono::milliseconds> m_snapshotTimeout;
    std::optional<int> m_maxRetries;
    std::optional<std::chrono::milliseconds> m_giveUpAfter;
    std::optional<std::chrono::milliseconds> m_reconnectMin;
    std::optional<std::chrono::milliseconds> m_reconnectMax;
    QString m_databasePath;
    QList<QSslCertificate> m_caCertificates;
    std::optional<FeedProfile> m_profile;
    QString m_message;
    bool m_demo = false;
    Tab m_tab = Tab::Open;
};

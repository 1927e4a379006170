#pragma once

#include "socketconfig.h"

#include <QString>
#include <QStringList>

// The command line of trade-monitor. Parsing lives here, not in main(), so that every bad
// input has a tested, clear error. The option names are a public interface: keep them.
class AppOptions
{
public:
    enum class Outcome { Run, ShowHelp, ShowVersion, Error };

    // `arguments` includes the program name, as QCoreApplication::arguments() does.
    Outcome parse(const QStringList &arguments);

    // For ShowHelp and ShowVersion the text to print; for Error what is wrong.
    QString message() const { return m_message; }

    // The feed connection as the command line configures it. The URL may be empty: no feed.
    const SocketConfig &socketConfig() const { return m_socket; }
    // No --url, or --demo: run the built-in demo feed in-process.
    bool useDemoFeed() const { return m_demo || m_socket.url.isEmpty(); }
    // Empty unless --db was given.
    QString databasePath() const { return m_databasePath; }

private:
    SocketConfig m_socket = SocketConfig::forTrader(QUrl(), Defaults::kTraderId);
    QString m_databasePath;
    QString m_message;
    bool m_demo = false;
};

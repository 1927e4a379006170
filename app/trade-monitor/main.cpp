// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/appoptions.h"
#include "config/appsettings.h"
#include "config/secretstore.h"
#include "history/closedtradestore.h"
#include "i18n/translations.h"
#include "net/secrets.h"
#include "net/systemnetworkmonitor.h"
#include "platform/processtuning.h"
#include "platform/quitsignals.h"
#include "stallmonitor.h"
#include "theme.h"
#include "windowhost.h"

#include <QApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSessionManager>
#include <QSettings>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    ProcessTuning::applyBeforeApplication();
    QCoreApplication::setApplicationName(QStringLiteral("trade-monitor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRADE_MONITOR_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("TradeMonitor"));

    // Parse before QApplication exists: --help, --version and bad options must work on a
    // machine without a display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    AppOptions options;
    switch (options.parse(arguments)) {
    case AppOptions::Outcome::ShowHelp:
    case AppOptions::Outcome::ShowVersion:
        std::fputs(qPrintable(options.message() + QLatin1Char('\n')), stdout);
        return 0;
    case AppOptions::Outcome::Error:
        std::fprintf(stderr, "trade-monitor: %s\nTry 'trade-monitor --help'.\n",
                     qPrintable(options.message()));
        return 2;
    case AppOptions::Outcome::Run:
        break;
    }

    // State changes are debug output: quiet unless asked for with QT_LOGGING_RULES.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("trademonitor.*.debug=false"));
    QApplication app(argc, argv);

    // Saved settings, with the command line laid over them for this run.
    // The token: in the system keychain where one answers, else in an owner-only file beside
    // the settings; never in the settings file.
    QSettings settingsFile;
    KeychainSecretBackend keychain;
    FileSecretBackend tokenFile(QFileInfo(settingsFile.fileName()).absolutePath());
    TokenStore tokens(&keychain, &tokenFile);
    AppSettings settings(&settingsFile, &tokens);
    // The language chosen in Settings, else the system's (Qt's own dialogs follow it too).
    const QString language = settings.language();
    Translations::install(language == QLatin1String("system") ? QLocale() : QLocale(language));
    if (language != QLatin1String("system"))
        QLocale::setDefault(QLocale(language)); // numbers and dates as that language writes them
    MainWindow::useDisplayName();               // in that language
    SystemNetworkMonitor network;
    // The colours chosen in Settings, before the window shows (System: as the desktop is).
    Theme theme;
    theme.setChoice(settings.colorScheme());
    // Each account's feed: the saved settings with the command line over them, and the token
    // kept for its server (the environment's wins for one account); never logged. One history
    // file for every account, each account's trades under its own key.
    WindowHost host({settings, options,
                     options.databasePath().isEmpty() ? ClosedTradeStore::defaultPath()
                                                      : options.databasePath(),
                     &network, &theme});
    host.rememberSecrets(); // known before anything is logged
    Secrets::installMessageFilter();
    for (const QString &problem : settings.problems())
        std::fprintf(stderr, "trade-monitor: settings: %s\n", qPrintable(Secrets::redact(problem)));
    QString error;
    int exitCode = 0;
    if (!host.start(options.startTab() == AppOptions::Tab::Closed ? MainWindow::ClosedTradesTab
                                                                  : MainWindow::OpenTradesTab,
                    &error, &exitCode)) {
        std::fprintf(stderr, "trade-monitor: %s\n", qPrintable(error));
        return exitCode;
    }
    // SIGTERM, SIGINT, SIGHUP (logout, shutdown, kill, Ctrl+C) and the end of the desktop
    // session quit as File → Quit does, without asking; whichever window shows the accounts.
    QuitSignals quitSignals;
    QObject::connect(&quitSignals, &QuitSignals::quitRequested, &host,
                     [&host](const QString &why) { host.window()->quitUnasked(why); });
#ifndef QT_NO_SESSIONMANAGER
    QObject::connect(&app, &QGuiApplication::commitDataRequest, &host,
                     [&host](QSessionManager &) { host.window()->endOfSession(); });
#endif
    host.window()->show();
    // Diagnostics for the benchmark and for bug reports: GUI-thread stalls, when asked for.
    StallMonitor::startIfLogging(&app);
    const int status = QApplication::exec();

    // Quitting is a deliberate close, the close frames given a moment to leave, together.
    host.closeAndWaitAll();
    return status;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/appoptions.h"
#include "config/appsettings.h"
#include "config/secretstore.h"
#include "history/closedtradestore.h"
#include "i18n/translations.h"
#include "mainwindow.h"
#include "net/secrets.h"
#include "net/systemnetworkmonitor.h"
#include "platform/processtuning.h"
#include "platform/quitsignals.h"
#include "protocol/feedprofile.h"
#include "session/accountsession.h"
#include "session/accountset.h"
#include "stallmonitor.h"
#include "theme.h"

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
    // Each account's feed: the saved settings with the command line over them, and the token
    // kept for its server (the environment's wins for one account); never logged. Each
    // --account; else, unless --url or --demo names one feed, each account of Settings →
    // Accounts; else the one saved feed.
    const QList<AccountSpec> saved =
        options.overrides().url ? QList<AccountSpec>() : settings.accounts();
    const QList<AccountSpec> &chosen = options.accounts().isEmpty() ? saved : options.accounts();
    QList<const AccountSpec *> specs{nullptr};
    if (chosen.size() > 1 || (chosen.size() == 1 && options.accounts().isEmpty())) {
        specs.clear();
        for (const AccountSpec &spec : chosen)
            specs.append(&spec);
    }
    QList<SocketConfig> configs;
    for (const AccountSpec *spec : std::as_const(specs)) {
        configs.append(options.configFor(settings, spec));
        // Known before anything is logged; SocketManager remembers each configuration it gets too.
        Secrets::rememberFeed(configs.constLast().url, configs.constLast().token);
    }
    Secrets::installMessageFilter();
    for (const QString &problem : settings.problems())
        std::fprintf(stderr, "trade-monitor: settings: %s\n", qPrintable(Secrets::redact(problem)));

    SystemNetworkMonitor network;
    AccountSet accounts;
    // A history that cannot be opened is reported in the window; the live view still works.
    // One file for every account, each account's trades under its own key.
    const QString historyPath =
        options.databasePath().isEmpty() ? ClosedTradeStore::defaultPath() : options.databasePath();
    for (qsizetype i = 0; i < specs.size(); ++i) {
        const AccountSpec *spec = specs.at(i);
        // Among several, a problem says whose account it is about.
        const QString whose = spec ? u"--account (%1): "_s.arg(spec->displayName()) : QString();
        // Its numbers and its wire format (--profile, else the saved one), checked.
        QString error;
        const std::optional<FeedProfile> profile =
            AccountSession::profileToStart(configs.at(i), &error);
        if (!profile) {
            std::fprintf(stderr, "trade-monitor: %s%s\n", qPrintable(whose), qPrintable(error));
            return 2;
        }
        AccountSession *account = accounts.add(spec ? spec->displayName() : QString());
        account->setNetworkMonitor(&network);
        account->openHistory(historyPath, configs.at(i));
        if (!account->start(configs.at(i), *profile, &error)) {
            std::fprintf(stderr, "trade-monitor: %s%s\n", qPrintable(whose), qPrintable(error));
            return 1;
        }
    }

    // The colours chosen in Settings, before the window shows (System: as the desktop is).
    Theme theme;
    theme.setChoice(settings.colorScheme());
    MainWindow window(&accounts, {settings, options, nullptr, &theme},
                      options.startTab() == AppOptions::Tab::Closed ? MainWindow::ClosedTradesTab
                                                                    : MainWindow::OpenTradesTab);
    // New settings (already saved): every account's feed again, the command line still over them.
    QObject::connect(&window, &MainWindow::feedSettingsChanged, &accounts, [&] {
        for (qsizetype i = 0; i < specs.size(); ++i)
            accounts.session(i)->applySettings(options.configFor(settings, specs.at(i)));
    });
    // SIGTERM, SIGINT, SIGHUP (logout, shutdown, kill, Ctrl+C) and the end of the desktop
    // session quit as File → Quit does, without asking.
    QuitSignals quitSignals;
    QObject::connect(&quitSignals, &QuitSignals::quitRequested, &window, &MainWindow::quitUnasked);
#ifndef QT_NO_SESSIONMANAGER
    QObject::connect(&app, &QGuiApplication::commitDataRequest, &window,
                     [&window](QSessionManager &) { window.endOfSession(); });
#endif
    window.show();
    // Diagnostics for the benchmark and for bug reports: GUI-thread stalls, when asked for.
    StallMonitor::startIfLogging(&app);
    const int status = QApplication::exec();

    // Quitting is a deliberate close, the close frames given a moment to leave, together.
    accounts.closeAndWaitAll();
    return status;
}

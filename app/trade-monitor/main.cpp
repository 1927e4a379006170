#include "appoptions.h"
#include "feedsimulator.h"
#include "mainwindow.h"
#include "socketmanager.h"
#include "systemnetworkmonitor.h"

#include <QApplication>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTimer>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
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

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Trade Monitor"));

    SocketConfig config = options.socketConfig();
    // Without a feed of their own, users see the built-in demo account, served in-process.
    std::unique_ptr<FeedSimulator> demo;
    if (options.useDemoFeed()) {
        FeedSimulator::Options demoOptions;
        demoOptions.simulation.traderId = config.traderId;
        demoOptions.simulation.seed = QRandomGenerator::global()->generate();
        demo = std::make_unique<FeedSimulator>(demoOptions);
        if (!demo->listen()) {
            std::fprintf(stderr, "trade-monitor: cannot start the demo feed: %s\n",
                         qPrintable(demo->errorString()));
            return 1;
        }
        config.url = demo->url();
    }

    SystemNetworkMonitor network;
    SocketManager feed(config);
    feed.setNetworkMonitor(&network);

    MainWindow window(&feed);
    window.setFeedDescription(demo ? QStringLiteral("Demo feed") : config.url.host());
    window.show();
    const int status = QApplication::exec();

    // Quitting is a deliberate close: unsubscribe and close with 1000, then give the close
    // frame a moment to leave before the socket is destroyed.
    feed.close();
    if (feed.state() == SocketManager::State::Closing) {
        QEventLoop loop;
        QObject::connect(&feed, &SocketManager::stateChanged, &loop, &QEventLoop::quit);
        QTimer::singleShot(feed.config().closeTimeout, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return status;
}

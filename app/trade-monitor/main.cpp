#include "appoptions.h"
#include "mainwindow.h"
#include "socketmanager.h"
#include "systemnetworkmonitor.h"

#include <QApplication>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>

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

    SystemNetworkMonitor network;
    SocketManager feed(options.socketConfig());
    feed.setNetworkMonitor(&network);

    MainWindow window(&feed);
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

#include "appoptions.h"
#include "mainwindow.h"
#include "socketmanager.h"
#include "systemnetworkmonitor.h"

#include <QApplication>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("trade-monitor"));
    QApplication::setApplicationDisplayName(QStringLiteral("Trade Monitor"));
    QApplication::setApplicationVersion(QStringLiteral(TRADE_MONITOR_VERSION));
    QApplication::setOrganizationName(QStringLiteral("TradeMonitor"));

    AppOptions options;
    switch (options.parse(QApplication::arguments())) {
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

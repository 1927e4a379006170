// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/feedsimulator.h"
#include "simulator/feedsimulatoroptions.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <unistd.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("feed-simulator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRADE_MONITOR_VERSION));

    FeedSimulatorOptions options;
    switch (options.parse(QCoreApplication::arguments())) {
    case FeedSimulatorOptions::Outcome::ShowHelp:
    case FeedSimulatorOptions::Outcome::ShowVersion:
        std::fputs(qPrintable(options.message() + QLatin1Char('\n')), stdout);
        return 0;
    case FeedSimulatorOptions::Outcome::Error:
        std::fprintf(stderr, "feed-simulator: %s\nTry 'feed-simulator --help'.\n",
                     qPrintable(options.message()));
        return 2;
    case FeedSimulatorOptions::Outcome::Run:
        break;
    }

    FeedSimulator simulator(options.options());
    if (!simulator.listen(QHostAddress(options.host()), options.port())) {
        std::fprintf(stderr, "feed-simulator: cannot listen on %s:%u: %s\n",
                     qPrintable(options.host()), unsigned(options.port()),
                     qPrintable(simulator.errorString()));
        return 1;
    }
    // The first line is the URL, flushed at once for a script reading a pipe.
    std::printf("%s\n", qPrintable(simulator.url().toString()));
    std::fflush(stdout);

    // Control lines on standard input, read raw (stdio would keep a second line in its own
    // buffer, out of the notifier's sight); end of input just stops listening to it.
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QByteArray pending;
    QObject::connect(&input, &QSocketNotifier::activated, &simulator, [&] {
        char chunk[4096];
        const ssize_t got = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (got <= 0) {
            input.setEnabled(false);
            return;
        }
        pending.append(chunk, got);
        if (pending.size() > 65536)
            pending.clear(); // no line is that long: garbage
        qsizetype end = 0;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(end);
            pending.remove(0, end + 1);
            const QString reply = simulator.executeCommand(QString::fromLocal8Bit(line));
            if (!reply.isEmpty()) {
                std::printf("%s\n", qPrintable(reply));
                std::fflush(stdout);
            }
        }
    });
    std::signal(SIGPIPE, SIG_IGN);
    return QCoreApplication::exec();
}

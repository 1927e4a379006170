// Parser throughput: FeedParser (simdjson) against the obvious Qt code, a QJsonDocument parse
// that builds the same Position values. Prints a Markdown table. Timing is measured here,
// never asserted; `--quick` runs a tiny size to prove it works.
#include "feedmessages.h"
#include "feedparser.h"
#include "qtbaseline.h"
#include "tradingsimulation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

template<typename F> double microsPerCall(int repeats, F &&f)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < repeats; ++i)
        f();
    return double(timer.nsecsElapsed()) / 1000.0 / repeats;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(u"--quick"_s);

    TradingSimulation::Options options;
    options.startTime = 1732590000000;
    options.positions = quick ? 1000 : 100000;
    TradingSimulation simulation(options);
    const QList<Position> all = simulation.openPositions();

    struct Case
    {
        const char *name;
        QByteArray bytes;
        int repeats;
    };
    const QList<Case> cases = {
        {"Positions, 1 position", FeedMessages::positions(3, all.mid(0, 1)), quick ? 100 : 200000},
        {"Positions, 12 positions", FeedMessages::positions(3, all.mid(0, 12)),
         quick ? 100 : 20000},
        {quick ? "Snapshot, 1k positions" : "Snapshot, 100k positions",
         FeedMessages::snapshot(1, all), quick ? 2 : 5},
    };

    std::printf("| message | bytes | QJsonDocument µs | FeedParser µs | speed-up |\n");
    std::printf("| --- | ---: | ---: | ---: | ---: |\n");
    FeedParser parser;
    for (const Case &c : cases) {
        qsizetype sink = 0;
        const double qt =
            microsPerCall(c.repeats, [&] { sink += qtBaselineParse(c.bytes).size(); });
        const double ours = microsPerCall(c.repeats, [&] {
            const auto m = parser.parse(c.bytes);
            sink += m ? m->positions.size() : 0;
        });
        if (sink == 0) {
            std::fprintf(stderr, "nothing parsed: %s\n", qPrintable(parser.error()));
            return 1;
        }
        std::printf("| %s | %lld | %.2f | %.2f | %.1f× |\n", c.name, qint64(c.bytes.size()), qt,
                    ours, qt / ours);
    }
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
// Parser throughput: FeedParser (simdjson) against the obvious Qt code, a QJsonDocument parse
// that builds the same Position values. Prints a Markdown table. Timing is measured here,
// never asserted; `--quick` runs a tiny size to prove it works.
#include "protocol/feedmessages.h"
#include "protocol/feedparser.h"
#include "qtbaseline.h"
#include "simulator/tradingsimulation.h"

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

    // The seed dialect with renamed fields (docs/profiles.md's example) against the native
    // protocol, the same positions: the target is at most 1.5 times the native time.
    QString error;
    const auto renamed = FeedProfile::fromJson(R"({"envelope":"seed","fields":{
        "ticket":"orderid","symbol":"symbolname","side":"cmd","volume":"lots",
        "openPrice":"openprice","price":"curprice","profit":"pl","openTime":"opentime"}})",
                                               u"example"_s, &error);
    if (!renamed) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    FeedParser seed(*renamed);
    std::printf(
        "\n| message | native µs | seed, renamed fields µs | seed ÷ native (target ≤ 1.5) |\n");
    std::printf("| --- | ---: | ---: | ---: |\n");
    for (const int count : {1, 12, 1000}) {
        const QList<Position> positions = all.mid(0, count);
        const QByteArray native = FeedMessages::positions(3, positions);
        const QByteArray list =
            FeedMessages::list(FeedMessages::encodeData(positions, *renamed), 200);
        const int repeats = quick ? 50 : std::max(20, 200000 / count);
        qsizetype sink = 0;
        const double nativeTime = microsPerCall(repeats, [&] {
            const auto m = parser.parse(native);
            sink += m ? m->positions.size() : 0;
        });
        const double seedTime = microsPerCall(repeats, [&] {
            const auto m = seed.parse(list);
            sink += m ? m->positions.size() : 0;
        });
        if (sink != qsizetype(repeats) * 2 * positions.size()) {
            std::fprintf(stderr, "a message was not parsed: %s / %s\n", qPrintable(parser.error()),
                         qPrintable(seed.error()));
            return 1;
        }
        std::printf("| %d position%s | %.2f | %.2f | %.2f |\n", count, count == 1 ? "" : "s",
                    nativeTime, seedTime, seedTime / nativeTime);
    }
    return 0;
}

// Parser throughput: FeedParser (simdjson) against the obvious Qt code, a QJsonDocument parse
// that builds the same Position values. Prints a Markdown table. Timing is measured here,
// never asserted; `--quick` runs a tiny size to prove it works.
#include "feedmessages.h"
#include "feedparser.h"
#include "tradingsimulation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// What a straightforward Qt client writes: parse, then read each field by name.
QList<Position> qtParse(const QByteArray &bytes)
{
    QList<Position> out;
    const QJsonObject top = QJsonDocument::fromJson(bytes).object();
    const QJsonArray data = top.value("data"_L1).toArray();
    out.reserve(data.size());
    for (const QJsonValue &value : data) {
        const QJsonObject o = value.toObject();
        Position p;
        p.ticket = o.value("ticket"_L1).toInteger();
        p.symbol = o.value("symbol"_L1).toString();
        p.side =
            o.value("side"_L1).toString() == "sell"_L1 ? Position::Side::Sell : Position::Side::Buy;
        p.volume = o.value("volume"_L1).toDouble();
        p.openPrice = o.value("openPrice"_L1).toDouble();
        p.price = o.value("price"_L1).toDouble();
        p.sl = o.value("sl"_L1).toDouble();
        p.tp = o.value("tp"_L1).toDouble();
        p.swap = o.value("swap"_L1).toDouble();
        p.commission = o.value("commission"_L1).toDouble();
        p.profit = o.value("profit"_L1).toDouble();
        p.openTime = o.value("openTime"_L1).toInteger();
        p.flwsig = o.value("flwsig"_L1).toBool();
        p.sigtraderid = o.value("sigtraderid"_L1).toInteger();
        p.signame = o.value("signame"_L1).toString();
        out.append(p);
    }
    return out;
}

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
        const double qt = microsPerCall(c.repeats, [&] { sink += qtParse(c.bytes).size(); });
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

// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/feedsimulatoroptions.h"

#include "protocol/feedprofile.h"

#include "config/optionvalues.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>

#include <limits>

using namespace Qt::StringLiterals;
using std::chrono::milliseconds;

FeedSimulatorOptions::Outcome FeedSimulatorOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"A WebSocket feed of a simulated trading account, speaking the Trade Monitor protocol "
        "(docs/protocol.md). It prints the URL it listens on as its first line.\n\n"
        "Control lines on standard input: pause, resume, silent, mute, talk, drop [code], "
        "reject STATUS (0 accepts), error CODE [text] (0 answers normally), seqrestart, close, "
        "malformed P, binary, oversize MIB, burst N, status."_s);
    parser.addOptions({
        {u"port"_s, u"Port to listen on; 0 picks a free one [0]."_s, u"N"_s},
        {u"host"_s, u"Address to listen on [127.0.0.1]."_s, u"ADDRESS"_s},
        {u"seed"_s, u"Random seed: the same seed gives the same feed [1]."_s, u"N"_s},
        {u"traderid"_s, u"The trader id clients must subscribe to [10260]."_s, u"N"_s},
        {u"positions"_s, u"Open positions the account tends to hold [12]."_s, u"N"_s},
        {u"tick-ms"_s, u"Milliseconds between price moves [200]."_s, u"MS"_s},
        {u"rate"_s, u"Extra position updates per second, for load [0]."_s, u"N"_s},
        {u"drop-every"_s, u"Close every client each SEC seconds (code 1001, going away)."_s,
         u"SEC"_s},
        {u"silent-after"_s,
         u"After SEC seconds stop sending and answering pings, keeping TCP open."_s, u"SEC"_s},
        {u"reject-handshake"_s, u"Answer every WebSocket upgrade with this HTTP status."_s,
         u"STATUS"_s},
        {u"profile"_s,
         u"The wire format to speak: a built-in profile (native, seed) or a profile file "
         "(docs/profiles.md) [native]."_s,
         u"NAME|FILE"_s},
        {u"subscribe-error"_s,
         u"Answer every Subscribe with an Error of this code (400 to 599) instead of data."_s,
         u"CODE"_s},
        {u"no-account"_s, u"Send no Account messages (a feed without account figures)."_s},
        {u"malformed-rate"_s,
         u"Share (0 to 1) of pushed messages sent broken: invalid JSON, or rows that cannot "
         "be read (those whose seq reads take its place) [0]."_s,
         u"P"_s},
        {u"close-code"_s,
         u"Close code for dropped clients. With --drop-every it is used for each drop; alone, "
         "every client is closed with it right after its Snapshot and History."_s,
         u"N"_s},
    });

    if (const auto outcome = OptionValues::parseStandard(parser, arguments, &m_message))
        return *outcome;

    QString error;
    FeedSimulator::Options options;
    TradingSimulation::Options &simulation = options.simulation;
    const auto integer = [&](const char *name, qint64 min, qint64 max, qint64 fallback) {
        const QString option = QString::fromLatin1(name);
        if (!parser.isSet(option))
            return fallback;
        return OptionValues::integer(parser, option, min, max, &error).value_or(fallback);
    };
    const auto seconds = [&](const char *name, double min, milliseconds fallback) {
        const QString option = QString::fromLatin1(name);
        if (!parser.isSet(option))
            return fallback;
        const double value = OptionValues::real(parser, option, min, 86400.0, &error).value_or(0);
        return milliseconds(qint64(value * 1000.0));
    };

    m_port = quint16(integer("port", 0, 65535, 0));
    simulation.seed = quint32(integer("seed", 0, std::numeric_limits<quint32>::max(), 1));
    simulation.traderId = integer("traderid", 1, std::numeric_limits<qint32>::max(), 10260);
    simulation.positions = int(integer("positions", 0, 100000, 12));
    simulation.tick = milliseconds(integer("tick-ms", 10, 60000, 200));
    options.rate = int(integer("rate", 0, 1000000, 0));
    options.dropEvery = seconds("drop-every", 0.01, milliseconds(0));
    options.silentAfter = seconds("silent-after", 0.0, milliseconds(-1));
    options.rejectHandshake = int(integer("reject-handshake", 400, 599, 0));
    options.subscribeError = int(integer("subscribe-error", 400, 599, 0));
    options.closeCode = int(integer("close-code", 1000, 4999, 1001));
    options.sendAccount = !parser.isSet(u"no-account"_s);
    options.closeAfterSubscribe = parser.isSet(u"close-code"_s) && !parser.isSet(u"drop-every"_s);
    if (parser.isSet(u"malformed-rate"_s))
        options.malformedRate =
            OptionValues::real(parser, u"malformed-rate"_s, 0.0, 1.0, &error).value_or(0.0);
    if (parser.isSet(u"profile"_s) && error.isEmpty()) {
        QString problem;
        if (const auto profile = FeedProfile::load(parser.value(u"profile"_s), &problem))
            options.profile = *profile;
        else
            error = u"--profile: %1"_s.arg(problem);
    }
    if (parser.isSet(u"host"_s)) {
        m_host = parser.value(u"host"_s).trimmed();
        if (QHostAddress(m_host).isNull() && error.isEmpty())
            error = u"--host: \"%1\" is not an IP address."_s.arg(parser.value(u"host"_s));
    }
    if (!error.isEmpty()) {
        m_message = error;
        return Outcome::Error;
    }
    m_options = options;
    return Outcome::Run;
}

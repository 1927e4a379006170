// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/feedsimulatoroptions.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class tst_FeedSimulatorOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void everyOptionIsApplied();
    void closeCodeAloneClosesAfterSubscribe();
    void badInputGivesAClearError_data();
    void badInputGivesAClearError();
};

static QStringList args(std::initializer_list<const char *> list)
{
    QStringList result{u"feed-simulator"_s};
    for (const char *arg : list)
        result.append(QString::fromUtf8(arg));
    return result;
}

void tst_FeedSimulatorOptions::defaults()
{
    FeedSimulatorOptions parsed;
    QCOMPARE(parsed.parse(args({})), FeedSimulatorOptions::Outcome::Run);
    const FeedSimulator::Options &o = parsed.options();
    QCOMPARE(parsed.port(), 0);
    QCOMPARE(parsed.host(), u"127.0.0.1"_s);
    QCOMPARE(o.simulation.seed, 1u);
    QCOMPARE(o.simulation.traderId, 10260);
    QCOMPARE(o.simulation.positions, 12);
    QCOMPARE(o.simulation.tick, 200ms);
    QCOMPARE(o.rate, 0);
    QCOMPARE(o.dropEvery, 0ms);
    QVERIFY(o.silentAfter < 0ms);
    QCOMPARE(o.rejectHandshake, 0);
    QCOMPARE(o.malformedRate, 0.0);
    QCOMPARE(o.closeCode, 1001);
    QVERIFY(!o.closeAfterSubscribe);
}

void tst_FeedSimulatorOptions::everyOptionIsApplied()
{
    FeedSimulatorOptions parsed;
    QCOMPARE(parsed.parse(args({"--port",
                                "9100",
                                "--host",
                                "::1",
                                "--seed",
                                "77",
                                "--traderid",
                                "555",
                                "--positions",
                                "40",
                                "--tick-ms",
                                "50",
                                "--rate",
                                "20000",
                                "--drop-every",
                                "2.5",
                                "--silent-after",
                                "0",
                                "--reject-handshake",
                                "503",
                                "--malformed-rate",
                                "0.25",
                                "--close-code",
                                "4001"})),
             FeedSimulatorOptions::Outcome::Run);
    const FeedSimulator::Options &o = parsed.options();
    QCOMPARE(parsed.port(), 9100);
    QCOMPARE(parsed.host(), u"::1"_s);
    QCOMPARE(o.simulation.seed, 77u);
    QCOMPARE(o.simulation.traderId, 555);
    QCOMPARE(o.simulation.positions, 40);
    QCOMPARE(o.simulation.tick, 50ms);
    QCOMPARE(o.rate, 20000);
    QCOMPARE(o.dropEvery, 2500ms);
    QCOMPARE(o.silentAfter, 0ms);
    QCOMPARE(o.rejectHandshake, 503);
    QCOMPARE(o.malformedRate, 0.25);
    QCOMPARE(o.closeCode, 4001);
    // With --drop-every the code is used for the drops, not after every subscription.
    QVERIFY(!o.closeAfterSubscribe);
}

void tst_FeedSimulatorOptions::closeCodeAloneClosesAfterSubscribe()
{
    FeedSimulatorOptions parsed;
    QCOMPARE(parsed.parse(args({"--close-code", "4000"})), FeedSimulatorOptions::Outcome::Run);
    QCOMPARE(parsed.options().closeCode, 4000);
    QVERIFY(parsed.options().closeAfterSubscribe);
}

void tst_FeedSimulatorOptions::badInputGivesAClearError_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::addRow("port text") << args({"--port", "http"}) << u"--port: expected a whole number"_s;
    QTest::addRow("port too big") << args({"--port", "70000"}) << u"from 0 to 65535"_s;
    QTest::addRow("seed negative") << args({"--seed", "-1"}) << u"--seed"_s;
    QTest::addRow("positions huge") << args({"--positions", "1e9"}) << u"--positions"_s;
    QTest::addRow("tick zero") << args({"--tick-ms", "0"}) << u"--tick-ms"_s;
    QTest::addRow("rate negative") << args({"--rate", "-3"}) << u"--rate"_s;
    QTest::addRow("drop zero") << args({"--drop-every", "0"})
                               << u"--drop-every: expected a number"_s;
    QTest::addRow("drop nan") << args({"--drop-every", "nan"}) << u"--drop-every"_s;
    QTest::addRow("silent text") << args({"--silent-after", "later"}) << u"--silent-after"_s;
    QTest::addRow("reject 200") << args({"--reject-handshake", "200"}) << u"from 400 to 599"_s;
    QTest::addRow("malformed > 1") << args({"--malformed-rate", "1.5"}) << u"from 0 to 1"_s;
    QTest::addRow("malformed inf") << args({"--malformed-rate", "inf"}) << u"--malformed-rate"_s;
    QTest::addRow("close code 999") << args({"--close-code", "999"}) << u"from 1000 to 4999"_s;
    QTest::addRow("bad host") << args({"--host", "example.com"}) << u"not an IP address"_s;
    QTest::addRow("unknown") << args({"--fast"}) << u"Unknown option 'fast'"_s;
    QTest::addRow("stray") << args({"now"}) << u"Unexpected argument"_s;
    QTest::addRow("profile missing") << args({"--profile", "/no/such.json"})
                                     << u"--profile: profile /no/such.json: cannot be read"_s;
    QTest::addRow("profile broken")
        << args({"--profile", TM_TEST_DATA "/profile-broken.json"})
        << uR"(profile-broken.json: key "fields": "id" is mapped twice)"_s;
}

void tst_FeedSimulatorOptions::badInputGivesAClearError()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    FeedSimulatorOptions parsed;
    QCOMPARE(parsed.parse(arguments), FeedSimulatorOptions::Outcome::Error);
    QVERIFY2(parsed.message().contains(expected), qPrintable(parsed.message()));
}

QTEST_GUILESS_MAIN(tst_FeedSimulatorOptions)
#include "tst_feedsimulatoroptions.moc"

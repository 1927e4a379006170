// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Test connection, headless: one try of settings not yet saved, beside the running
// feed (which it never touches), said in plain words: the positions came, with the round trip;
// refused, with the server's reason; nothing came within the snapshot timeout; nobody there;
// a certificate not trusted.
#include "fixtures.h"
#include "net/socketmanager.h"
#include "protocol/feedmessages.h"
#include "protocol/feedprofile.h"
#include "secureserver.h"
#include "session/accountsession.h"
#include "session/feedprobe.h"
#include "simulator/feedsimulator.h"
#include "testfeedserver.h"

#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using State = SocketManager::State;
using Outcome = FeedProbe::Outcome;

class tst_FeedProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thePositionsCameWithTheRoundTrip();
    void aRefusalSaysTheServersReason();
    void silenceIsSaidAsSilence();
    void nobodyThereIsSaid();
    void anUnansweredHeartbeatIsSaid_data();
    void anUnansweredHeartbeatIsSaid();
    void anUntrustedCertificateIsSaid();
    void aTrustedPrivateCaConnects();

private:
    // Runs a probe of `config` to its end.
    static FeedProbe::Result probe(const SocketConfig &config);
};

FeedProbe::Result tst_FeedProbe::probe(const SocketConfig &config)
{
    FeedProbe probe;
    QSignalSpy finished(&probe, &FeedProbe::finished);
    QString error;
    if (!probe.start(config, FeedProfile::native(), &error))
        qFatal("the probe did not start: %s", qPrintable(error));
    if (!finished.wait(30000))
        return {};
    return finished.at(0).at(0).value<FeedProbe::Result>();
}

void tst_FeedProbe::thePositionsCameWithTheRoundTrip()
{
    FeedSimulator::Options options;
    options.simulation.positions = 4;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    // The running feed, live on the same server: the try leaves it alone.
    AccountSession running;
    QString error;
    QVERIFY2(running.start(FeedProfile::native().configFor(simulator.url(), 10260),
                           FeedProfile::native(), &error),
             qPrintable(error));
    running.socket()->open();
    QTRY_COMPARE(running.socket()->state(), State::Live);
    QSignalSpy runningChanged(running.socket(), &SocketManager::stateChanged);

    const FeedProbe::Result result = probe(FeedProfile::native().configFor(simulator.url(), 10260));
    QCOMPARE(result.outcome, Outcome::Live);
    QCOMPARE(result.positions, 4);
    QVERIFY(result.roundTripMs >= 0);
    QVERIFY2(result.text.startsWith(u"Connected and subscribed: 4 positions came; round trip "_s),
             qPrintable(result.text));
    QCOMPARE(runningChanged.count(), 0);
    QCOMPARE(running.socket()->state(), State::Live);
    // The try said goodbye: only the running feed is subscribed.
    QTRY_COMPARE(simulator.subscribedCount(), 1);
}

void tst_FeedProbe::aRefusalSaysTheServersReason()
{
    FeedSimulator::Options options;
    options.subscribeError = 404;
    FeedSimulator simulator(options);
    QVERIFY(simulator.listen());
    const FeedProbe::Result result = probe(FeedProfile::native().configFor(simulator.url(), 99));
    QCOMPARE(result.outcome, Outcome::Failed);
    QVERIFY2(result.text.contains(u"404"_s), qPrintable(result.text));
}

void tst_FeedProbe::silenceIsSaidAsSilence()
{
    FeedSimulator simulator{FeedSimulator::Options()};
    QVERIFY(simulator.listen());
    simulator.setMuted(true);
    SocketConfig config = FeedProfile::native().configFor(simulator.url(), 10260);
    config.snapshotTimeout = 200ms;
    const FeedProbe::Result result = probe(config);
    QCOMPARE(result.outcome, Outcome::Failed);
    QVERIFY2(result.text.startsWith(u"The server sent no data within 0.2 s"_s),
             qPrintable(result.text));
}

void tst_FeedProbe::nobodyThereIsSaid()
{
    // A port nobody listens on.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const FeedProbe::Result result =
        probe(FeedProfile::native().configFor(QUrl(u"ws://127.0.0.1:%1/feed"_s.arg(port)), 10260));
    QCOMPARE(result.outcome, Outcome::Failed);
    QVERIFY2(result.text.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(result.text));
}

void tst_FeedProbe::anUnansweredHeartbeatIsSaid_data()
{
    // Which ends first: the probe's wait for the answer, or the socket's own pong timeout (a
    // heartbeat sent at once); once a race of two equal timers, now an answer either way.
    QTest::addColumn<int>("heartbeatMs");
    QTest::newRow("the probe's wait ends first") << 250;
    QTest::newRow("the socket gives up first") << 20;
}

void tst_FeedProbe::anUnansweredHeartbeatIsSaid()
{
    QFETCH(int, heartbeatMs);
    // The positions came, then the server froze: nothing answers the heartbeat, not even a
    // WebSocket ping. Said as it is: connected, the positions, and the heartbeat unanswered.
    TestFeedServer server;
    QVERIFY(server.listen());
    const QByteArray snapshot = FeedMessages::envelope(
        "Snapshot", 1,
        FeedMessages::encodeData(Fixtures::positions(
            R"([{"ticket":1,"symbol":"EURUSD","side":"buy","volume":0.1,"openPrice":1.1,"price":1.1,"openTime":1732600000000},
                {"ticket":2,"symbol":"XAUUSD","side":"sell","volume":0.2,"openPrice":2310,"price":2311,"openTime":1732600000000}])")));
    connect(&server, &TestFeedServer::frameReceived, &server,
            [&server, snapshot](int, const QJsonObject &frame) {
                if (frame.value(u"type"_s) != u"Subscribe"_s)
                    return;
                server.broadcast(QString::fromUtf8(snapshot));
                server.setMode(TestFeedServer::Mode::Silent);
            });
    SocketConfig config = FeedProfile::native().configFor(server.url(), 10260);
    config.pongTimeout = 200ms;
    config.heartbeatInterval = std::chrono::milliseconds(heartbeatMs);
    const FeedProbe::Result result = probe(config);
    QCOMPARE(result.outcome, Outcome::Live);
    QCOMPARE(result.positions, 2);
    QCOMPARE(result.roundTripMs, -1);
    QVERIFY2(result.text.contains(u"2 positions came"_s) &&
                 result.text.contains(u"the heartbeat was not answered"_s),
             qPrintable(result.text));
}

void tst_FeedProbe::anUntrustedCertificateIsSaid()
{
    // A wss:// feed whose certificate comes from a CA this machine does not know.
    SecureServer server("server.pem", "server.key");
    const FeedProbe::Result result =
        probe(FeedProfile::native().configFor(server.url(u"localhost"_s), 10260));
    QCOMPARE(result.outcome, Outcome::Failed);
    QVERIFY2(result.text.contains(u"TLS"_s) &&
                 (result.text.contains(u"self signed"_s) ||
                  result.text.contains(u"self-signed"_s) || result.text.contains(u"issuer"_s)),
             qPrintable(result.text));
    QVERIFY(server.received.isEmpty()); // not even the subscription went out
}

void tst_FeedProbe::aTrustedPrivateCaConnects()
{
    // The same feed with its CA given (Settings has it from --ca-cert): the probe trusts what
    // the feed would.
    SecureServer server("server.pem", "server.key");
    SocketConfig config = FeedProfile::native().configFor(server.url(u"localhost"_s), 10260);
    config.caCertificates = QSslCertificate::fromPath(testData("ca.pem"));
    config.snapshotTimeout = 300ms;
    const FeedProbe::Result result = probe(config);
    // This server subscribes nobody and sends nothing: it is silence, not distrust.
    QVERIFY2(!result.text.contains(u"TLS"_s), qPrintable(result.text));
    QVERIFY2(result.text.startsWith(u"The server sent no data within"_s), qPrintable(result.text));
    QVERIFY(!server.received.isEmpty()); // the subscription went out over TLS
    QVERIFY(server.received.constFirst().contains(u"Subscribe"_s));
}

QTEST_GUILESS_MAIN(tst_FeedProbe)
#include "tst_feedprobe.moc"

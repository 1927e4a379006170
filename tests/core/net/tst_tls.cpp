// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/socketmanager.h"
#include "protocol/feedprofile.h"
#include "secureserver.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using State = SocketManager::State;

namespace {

SocketConfig config(const QUrl &url)
{
    SocketConfig c = FeedProfile::native().configFor(url, 10260);
    c.reconnectMin = 10ms;
    c.reconnectMax = 20ms;
    c.connectTimeout = 5s;
    return c;
}

} // namespace

class tst_Tls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void privateCaIsTrustedWhenGiven();
    void untrustedCertificateIsFatal();
    void mismatchedHostIsFatal();
};

void tst_Tls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QFAIL("Qt has no TLS backend here (Debian: libqt6network6 with OpenSSL 3)");
}

void tst_Tls::privateCaIsTrustedWhenGiven()
{
    SecureServer server("server.pem", "server.key");
    SocketConfig c = config(server.url(u"localhost"_s));
    c.caCertificates = QSslCertificate::fromPath(testData("ca.pem"));
    QCOMPARE(c.caCertificates.size(), 1);
    SocketManager manager(c);
    manager.open();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::Open, 10000);
    QTRY_COMPARE(server.received.size(), 1);
    QVERIFY(server.received.at(0).contains(R"("Subscribe")"_L1));
}

void tst_Tls::untrustedCertificateIsFatal()
{
    SecureServer server("server.pem", "server.key");
    SocketManager manager(config(server.url(u"localhost"_s))); // the private CA is not given
    QSignalSpy states(&manager, &SocketManager::stateChanged);
    QSignalSpy errors(&manager, &SocketManager::connectError);
    manager.open();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::Failed, 10000);
    const QString reason = errors.at(0).at(0).toString();
    QVERIFY2(reason.startsWith("TLS with localhost:"_L1) &&
                 (reason.contains("self signed"_L1) || reason.contains("self-signed"_L1) ||
                  reason.contains("issuer"_L1)),
             qPrintable(reason));
    // Fatal: one attempt, no retries, nothing after.
    int attempts = 0;
    for (const auto &args : std::as_const(states))
        attempts += args.at(0).value<State>() == State::Connecting ? 1 : 0;
    QCOMPARE(attempts, 1);
    QVERIFY(!states.wait(200));
    QVERIFY(server.received.isEmpty()); // nothing, not even the subscription, went out
}

void tst_Tls::mismatchedHostIsFatal()
{
    SecureServer server("wrong-host.pem", "wrong-host.key");
    SocketConfig c = config(server.url(u"localhost"_s));
    c.caCertificates = QSslCertificate::fromPath(testData("ca.pem"));
    SocketManager manager(c);
    QSignalSpy errors(&manager, &SocketManager::connectError);
    manager.open();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::Failed, 10000);
    const QString reason = errors.at(0).at(0).toString();
    QVERIFY2(reason.contains("host name did not match"_L1), qPrintable(reason));
    QVERIFY(server.received.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"

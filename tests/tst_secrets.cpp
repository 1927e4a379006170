#include "feed/feedsession.h"
#include "feed/positionbook.h"
#include "history/closedtradestore.h"
#include "net/secrets.h"
#include "net/socketmanager.h"
#include "testfeedserver.h"

#include <QBuffer>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
QStringList g_log;
void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_log.append(message);
}
const QString kToken = u"s3cr3t-T0KEN-4f9a"_s;
} // namespace

class tst_Secrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redactReplacesEveryRememberedSecret();
    void theTokenGoesToTheServerAndNowhereElse();
};

void tst_Secrets::redactReplacesEveryRememberedSecret()
{
    Secrets::remember(kToken);
    Secrets::remember(u"ab"_s); // too short to be a token: ignored
    QCOMPARE(Secrets::redact(u"bad token %1, retry %1"_s.arg(kToken)),
             u"bad token •••, retry •••"_s);
    QCOMPARE(Secrets::redact(u"about"_s), u"about"_s);
}

void tst_Secrets::theTokenGoesToTheServerAndNowhereElse()
{
    // Every log line of every category, captured after redaction.
    QLoggingCategory::setFilterRules(u"trademonitor.*=true"_s);
    g_log.clear();
    QtMessageHandler previous = qInstallMessageHandler(capture);
    Secrets::remember(kToken);
    Secrets::installMessageFilter();

    TestFeedServer server;
    QVERIFY(server.listen());
    // The server reads the subscription, rejects the token and quotes it in its close reason.
    connect(&server, &TestFeedServer::frameReceived, this, [&server] {
        server.closeAll(QWebSocketProtocol::CloseCode(4001), u"token %1 revoked"_s.arg(kToken));
    });
    SocketConfig config = SocketConfig::forTrader(server.url(), 10260, kToken);
    SocketManager socket(config);
    PositionBook book;
    FeedSession session(&socket, &book, nullptr);
    socket.open();
    QTRY_COMPARE(socket.state(), SocketManager::State::Failed);
    // It reached the server, in the Subscribe message.
    QTRY_VERIFY(!server.connection(0).frames.isEmpty());
    QCOMPARE(server.connection(0).frames.at(0).value("token"_L1).toString(), kToken);
    // A server error and a malformed message that quote it.
    session.handleMessage(
        u"{\"Code\":401,\"type\":\"Error\",\"msg\":\"bad token %1\"}"_s.arg(kToken).toUtf8());
    session.handleMessage(u"{\"token\":\"%1\""_s.arg(kToken).toUtf8());

    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(g_log.size() > 5);
    for (const QString &line : std::as_const(g_log))
        QVERIFY2(!line.contains(kToken), qPrintable(line));
    QVERIFY(g_log.join(u'\n').contains(u"•••"_s));
    QVERIFY2(!socket.lastError().contains(kToken) && socket.lastError().contains(u"•••"_s),
             qPrintable(socket.lastError()));
    QVERIFY(!session.lastRejection().contains(kToken));

    // An export of closed trades has no place for it.
    QBuffer csv;
    QVERIFY(csv.open(QIODevice::WriteOnly));
    ClosedTrade trade;
    trade.position.ticket = 1;
    trade.position.symbol = u"EURUSD"_s;
    QVERIFY(ClosedTradeStore::exportCsv({trade}, &csv));
    QVERIFY(!csv.data().contains(kToken.toUtf8()));
}

QTEST_GUILESS_MAIN(tst_Secrets)
#include "tst_secrets.moc"

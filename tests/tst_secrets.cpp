// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/feedsession.h"
#include "feed/positionbook.h"
#include "history/closedtradestore.h"
#include "messagecapture.h"
#include "net/secrets.h"
#include "net/socketmanager.h"
#include "protocol/feedprofile.h"
#include "testfeedserver.h"

#include <QBuffer>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
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
    const auto rules = qScopeGuard([] { QLoggingCategory::setFilterRules(QString()); });
    QList<LoggedMessage> log;
    QString socketError, rejection;
    {
        const auto capture = captureMessages(&log);
        Secrets::remember(kToken);
        Secrets::installMessageFilter();

        TestFeedServer server;
        QVERIFY(server.listen());
        // The server reads the subscription, rejects the token and quotes it in its close
        // reason.
        connect(&server, &TestFeedServer::frameReceived, this, [&server] {
            server.closeAll(QWebSocketProtocol::CloseCode(4001), u"token %1 revoked"_s.arg(kToken));
        });
        SocketManager socket(FeedProfile::native().configFor(server.url(), 10260, kToken));
        PositionBook book;
        FeedSession session(&socket, &book, nullptr);
        socket.open();
        QTRY_COMPARE(socket.state(), SocketManager::State::Failed);
        // It reached the server, in the Subscribe message.
        QTRY_VERIFY(!server.connection(0).frames.isEmpty());
        QCOMPARE(server.connection(0).frames.at(0).value("token"_L1).toString(), kToken);
        // A server error and a malformed message that quote it.
        session.handleMessage(
            uR"({"Code":401,"type":"Error","msg":"bad token %1"})"_s.arg(kToken).toUtf8());
        session.handleMessage(uR"({"token":"%1")"_s.arg(kToken).toUtf8());
        socketError = socket.lastError();
        rejection = session.lastRejection();
    }
    QVERIFY(log.size() > 5);
    for (const LoggedMessage &line : std::as_const(log))
        QVERIFY2(!line.text.contains(kToken), qPrintable(line.text));
    QVERIFY(std::any_of(log.cbegin(), log.cend(),
                        [](const LoggedMessage &line) { return line.text.contains(u"•••"_s); }));
    QVERIFY2(!socketError.contains(kToken) && socketError.contains(u"•••"_s),
             qPrintable(socketError));
    QVERIFY(!rejection.contains(kToken));

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

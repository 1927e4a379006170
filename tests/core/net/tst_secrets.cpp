// SPDX-License-Identifier: GPL-3.0-or-later
#include "alerts/alerts.h"
#include "fakenotifier.h"
#include "feed/connectionlog.h"
#include "feed/feedsession.h"
#include "feed/feedstatus.h"
#include "feed/positionbook.h"
#include "history/closedtradestore.h"
#include "messagecapture.h"
#include "net/secrets.h"
#include "net/socketmanager.h"
#include "protocol/feedmessages.h"
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
    void whatTheServerEchoesOfTheUrlIsMaskedInEverySink();
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

void tst_Secrets::whatTheServerEchoesOfTheUrlIsMaskedInEverySink()
{
    // The secrets are in the URL alone (no token field), and nobody remembered them by hand:
    // the socket knows them from its configuration before it connects.
    const QString urlToken = u"Url-T0ken'9c1e"_s; // an apostrophe is part of a value
    const QString password = u"hunter2-pw"_s;
    const QString signature = u"sig-77ab-01"_s;
    Secrets::forgetAll();
    QLoggingCategory::setFilterRules(u"trademonitor.*=true"_s);
    const auto rules = qScopeGuard([] { QLoggingCategory::setFilterRules(QString()); });
    QList<LoggedMessage> log;
    QStringList shown; // what the status bar, the banner, the connection log and alerts showed
    {
        const auto capture = captureMessages(&log);
        Secrets::installMessageFilter();
        TestFeedServer server;
        QVERIFY(server.listen());
        connect(&server, &TestFeedServer::frameReceived, this,
                [&server](int, const QJsonObject &frame) {
                    if (frame.value("type"_L1) == "Subscribe"_L1)
                        server.broadcast(QString::fromUtf8(FeedMessages::snapshot(1, {})));
                });
        QUrl url = server.url();
        url.setUserName(u"trader-alice"_s);
        url.setPassword(password);
        url.setQuery(u"token=%1&Signature=%2&lang=en"_s.arg(urlToken, signature));
        SocketConfig config = FeedProfile::native().configFor(url, 10260);
        config.reconnectMin = 20ms;
        config.reconnectMax = 50ms;
        SocketManager socket(config);
        PositionBook book;
        FeedSession session(&socket, &book, nullptr);
        ConnectionLog connectionLog;
        connectionLog.watch(&socket, &session);
        FakeNotifier notifier;
        Alerts alerts(&book, &socket, &notifier);
        AlertSettings quick;
        quick.feedLostAfter = AlertSettings::kMinFeedLostAfter;
        alerts.setSettings(quick);
        const auto status = [&] {
            const FeedStatus now =
                FeedStatus::of(socket, &session, false, QDateTime::currentMSecsSinceEpoch());
            shown << now.text << now.detail << now.notice;
        };
        socket.open();
        QTRY_COMPARE(socket.state(), SocketManager::State::Live);

        // A server error quoting the URL's token while live, then a close that names them all.
        server.broadcast(
            uR"({"Code":403,"type":"Error","msg":"token %1 is not allowed"})"_s.arg(urlToken));
        QTRY_VERIFY(!session.lastServerError().text.isEmpty());
        status();
        server.closeAll(
            QWebSocketProtocol::CloseCode(4001),
            u"token %1 revoked; user trader-alice:%2 sig %3"_s.arg(urlToken, password, signature));
        QTRY_VERIFY(socket.state() != SocketManager::State::Live);
        QTRY_VERIFY(!socket.lastError().isEmpty());
        status();
        shown << socket.lastError();
        QTRY_VERIFY(!notifier.notes.isEmpty());
        for (const Notification &note : std::as_const(notifier.notes))
            shown << note.title << note.body;
        QList<int> rows;
        for (int row = 0; row < connectionLog.count(); ++row)
            rows.append(row);
        shown << connectionLog.toText(rows);
        socket.close();
    }
    const QString everything = shown.join(u'\n');
    // The close reason did reach the sinks, masked.
    QVERIFY2(everything.contains(u"revoked"_s) && everything.contains(u"•••"_s),
             qPrintable(everything));
    for (const QString &secret : {urlToken, password, signature}) {
        QVERIFY2(!everything.contains(secret), qPrintable(everything));
        QVERIFY2(!everything.contains(QString(secret).replace(u'\'', u"%27"_s)),
                 qPrintable(everything));
        for (const LoggedMessage &line : std::as_const(log))
            QVERIFY2(!line.text.contains(secret), qPrintable(line.text));
    }
}

QTEST_GUILESS_MAIN(tst_Secrets)
#include "tst_secrets.moc"

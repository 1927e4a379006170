// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/account.h"
#include "domain/credentials.h"
#include "feed/connectionlog.h"
#include "messagecapture.h"
#include "net/socketmanager.h"
#include "protocol/feedprofile.h"
#include "testfeedserver.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_Credentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void urlsAreWrittenMasked_data();
    void urlsAreWrittenMasked();
    void urlsInTextAreMasked();
    void credentialNames_data();
    void credentialNames();
    void theSocketsLogShowsNoCredentials();
    void theConnectionLogShowsNoCredentials();
};

void tst_Credentials::urlsAreWrittenMasked_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("written");
    QTest::addRow("user and password")
        << u"ws://alice:pw@feed.example.com/feed"_s << u"ws://•••@feed.example.com/feed"_s;
    QTest::addRow("user alone") << u"wss://alice@feed.example.com:9443/p"_s
                                << u"wss://•••@feed.example.com:9443/p"_s;
    QTest::addRow("token in the query")
        << u"ws://host/feed?token=abc123&lang=en"_s << u"ws://host/feed?token=•••&lang=en"_s;
    QTest::addRow("every credential, any case")
        << u"ws://u:p@host/f?API_KEY=k1&Secret=s&password=p&Auth=a&sig=x&trader=7"_s
        << u"ws://•••@host/f?API_KEY=•••&Secret=•••&password=•••&Auth=•••&sig=•••&trader=7"_s;
    QTest::addRow("signature and access_token") << u"wss://h/ws?X-Signature=zz&access_token=tt"_s
                                                << u"wss://h/ws?X-Signature=•••&access_token=•••"_s;
    QTest::addRow("look-alikes are shown")
        << u"ws://host/feed?signal=2&passive=1&keyboard=us&monkey=x&tokens_left=9"_s
        << u"ws://host/feed?signal=2&passive=1&keyboard=us&monkey=x&tokens_left=9"_s;
    // A value ends at '&', ';', '#' or white space: an apostrophe or a quote is part of it.
    QTest::addRow("apostrophe in a value")
        << u"ws://host/feed?token=AB'CD&lang=en"_s << u"ws://host/feed?token=•••&lang=en"_s;
    QTest::addRow("quote in a value")
        << u"ws://host/feed?key=AB%22CD;lang=en"_s << u"ws://host/feed?key=•••;lang=en"_s;
    QTest::addRow("nothing to hide")
        << u"ws://127.0.0.1:9000/feed?lang=zh"_s << u"ws://127.0.0.1:9000/feed?lang=zh"_s;
    QTest::addRow("empty") << QString() << QString();
}

void tst_Credentials::urlsAreWrittenMasked()
{
    QFETCH(QString, url);
    QFETCH(QString, written);
    QCOMPARE(Credentials::maskedUrl(QUrl(url)), written);
}

void tst_Credentials::urlsInTextAreMasked()
{
    QCOMPARE(Credentials::maskUrlsIn(
                 u"Could not connect to wss://bob:hunter2@feed.example.com/p?key=K&x=1: refused"_s),
             u"Could not connect to wss://•••@feed.example.com/p?key=•••&x=1: refused"_s);
    QCOMPARE(Credentials::maskUrlsIn(u"no URL here, a=b & c=d"_s), u"no URL here, a=b & c=d"_s);
    QCOMPARE(Credentials::maskUrlsIn(u"ws://h/f?token=AB'CD\"EF revoked"_s),
             u"ws://h/f?token=••• revoked"_s);
    QCOMPARE(Credentials::maskUrlsIn(u"ws://h/f?signal=2&pwd=x#top"_s),
             u"ws://h/f?signal=2&pwd=•••#top"_s);
    // The account key never held them in the first place (the history file).
    QCOMPARE(Account::of(QUrl(u"ws://a:b@Host/feed?token=T&lang=en"_s), 7).key(),
             u"7@ws://host:80/feed?lang=en"_s);
}

void tst_Credentials::credentialNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("credential");
    for (const char *name :
         {"token",         "TOKEN",         "access_token", "Access-Token", "auth",
          "Authorization", "key",           "KEY",          "apikey",       "api_key",
          "API-KEY",       "apiKey",        "x-api-key",    "X_API_KEY",    "secret",
          "client_secret", "client-secret", "password",     "passwd",       "pwd",
          "sig",           "signature",     "X-Signature",  "session",      "sessionid",
          "session_id",    "jwt",           "auth_token"})
        QTest::addRow("%s", name) << QString::fromLatin1(name) << true;
    // Look-alikes: a word that holds a credential's name is not one. Taken for one, it would
    // be dropped from the account key and two feeds would be one account.
    for (const char *name : {"signal", "passive", "keyboard", "monkey", "tokens_left", "keys",
                             "sessions", "authorised", "author", "signals", "pwds", "secretary",
                             "lang", "trader", "traderid", "v", "format", "symbol", ""})
        QTest::addRow("%s", *name ? name : "empty") << QString::fromLatin1(name) << false;
}

void tst_Credentials::credentialNames()
{
    QFETCH(QString, name);
    QFETCH(bool, credential);
    QCOMPARE(Credentials::isCredentialName(name), credential);
}

void tst_Credentials::theSocketsLogShowsNoCredentials()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    QUrl url = server.url();
    url.setUserName(u"alice"_s);
    url.setPassword(u"hunter2"_s);
    url.setQuery(u"token=s3cr3t-t0ken&lang=en"_s);
    QList<LoggedMessage> log;
    const auto capture = captureMessages(&log);
    QLoggingCategory::setFilterRules(u"trademonitor.*=true"_s);
    SocketManager socket(FeedProfile::native().configFor(url, 10260));
    socket.open();
    QTRY_VERIFY(socket.state() == SocketManager::State::Open ||
                socket.state() == SocketManager::State::Live);
    socket.close();
    QLoggingCategory::setFilterRules({});
    QVERIFY(!log.isEmpty());
    bool named = false;
    for (const LoggedMessage &message : std::as_const(log)) {
        QVERIFY2(!message.text.contains(u"hunter2"_s) && !message.text.contains(u"alice"_s) &&
                     !message.text.contains(u"s3cr3t"_s),
                 qPrintable(message.text));
        named = named || message.text.contains(u"token=•••"_s);
    }
    QVERIFY(named); // the URL is written, masked
}

void tst_Credentials::theConnectionLogShowsNoCredentials()
{
    ConnectionLog log;
    QSignalSpy added(&log, &ConnectionLog::eventAdded);
    log.record(ConnectionLog::Severity::Warning,
               u"Refused by wss://alice:pw@feed.example.com/p?token=abc"_s);
    QCOMPARE(added.at(0).at(0).toString(), u"Refused by wss://•••@feed.example.com/p?token=•••"_s);
    QCOMPARE(log.index(0, 2).data().toString().contains(u"abc"_s), false);
}

QTEST_GUILESS_MAIN(tst_Credentials)
#include "tst_credentials.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/account.h"

#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

class tst_Account : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void endpointIsNormalised_data();
    void endpointIsNormalised();
    void keyReadsBack();
    void traderAndServerMakeTheAccount();
    void whatMakesAnotherAccount_data();
    void whatMakesAnotherAccount();
    void demoAndUnknown();
};

void tst_Account::endpointIsNormalised_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("display");
    QTest::addRow("case, default port, trailing slash")
        << u"WSS://Feed.Example.COM/Positions/"_s << u"wss://feed.example.com:443/Positions"_s
        << u"10260 @ feed.example.com"_s;
    QTest::addRow("ws default port") << u"ws://feed.example.com"_s << u"ws://feed.example.com:80"_s
                                     << u"10260 @ feed.example.com"_s;
    QTest::addRow("explicit default port")
        << u"ws://feed.example.com:80/"_s << u"ws://feed.example.com:80"_s
        << u"10260 @ feed.example.com"_s;
    QTest::addRow("other port shown")
        << u"ws://127.0.0.1:9000/feed"_s << u"ws://127.0.0.1:9000/feed"_s
        << u"10260 @ 127.0.0.1:9000"_s;
    QTest::addRow("credentials dropped, order kept stable")
        << u"wss://h.example/p?token=abc&room=7&api_key=k&Sig=s&a=1&password=x&auth=y&secret=z"_s
        << u"wss://h.example:443/p?a=1&room=7"_s << u"10260 @ h.example"_s;
    QTest::addRow("user info never kept") << u"ws://trader:hunter2@h.example:81/x"_s
                                          << u"ws://h.example:81/x"_s << u"10260 @ h.example:81"_s;
    QTest::addRow("fragment dropped")
        << u"ws://h.example/x#part"_s << u"ws://h.example:80/x"_s << u"10260 @ h.example"_s;
    QTest::addRow("IPv6") << u"ws://[::1]:9000/feed/"_s << u"ws://[::1]:9000/feed"_s
                          << u"10260 @ [::1]:9000"_s;
}

void tst_Account::endpointIsNormalised()
{
    QFETCH(QString, url);
    QFETCH(QString, endpoint);
    QFETCH(QString, display);
    const Account account = Account::of(QUrl(url), 10260);
    QCOMPARE(account.endpoint, endpoint);
    QCOMPARE(account.displayName(), display);
    QCOMPARE(account.key(), u"10260@"_s + endpoint);
    QVERIFY(!account.key().contains("hunter2"_L1));
    QVERIFY(!account.key().contains("abc"_L1));
}

void tst_Account::keyReadsBack()
{
    const Account account = Account::of(QUrl(u"wss://feed.example.com/p?room=1"_s), 42);
    QCOMPARE(Account::fromKey(account.key()), account);
    QCOMPARE(Account::fromKey(Account::demo(7).key()), Account::demo(7));
    QVERIFY(Account::fromKey(u"unknown"_s).isUnknown());
    QVERIFY(Account::fromKey(u"garbage"_s).isUnknown());
    QVERIFY(Account::fromKey(u"x@ws://h:80"_s).isUnknown());
}

void tst_Account::traderAndServerMakeTheAccount()
{
    const QUrl url(u"wss://feed.example.com/positions"_s);
    QVERIFY(Account::of(url, 1) != Account::of(url, 2));
    QVERIFY(Account::of(url, 1) != Account::of(QUrl(u"wss://other.example.com/positions"_s), 1));
    QVERIFY(Account::of(url, 1) != Account::of(QUrl(u"ws://feed.example.com/positions"_s), 1));
    // The same server written differently is the same account.
    QCOMPARE(Account::of(url, 1),
             Account::of(QUrl(u"WSS://FEED.example.com:443/positions/?token=t"_s), 1));
}

void tst_Account::whatMakesAnotherAccount_data()
{
    // The account key is the trader id and the whole endpoint without credentials: any other
    // difference is another account.
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    const auto row = [](const char *name, const char *a, const char *b, bool same) {
        QTest::addRow("%s", name) << QString::fromLatin1(a) << QString::fromLatin1(b) << same;
    };
    row("another token", "ws://h/f?token=A", "ws://h/f?token=B", true);
    row("another user", "ws://u1:p1@h/f", "ws://u2:p2@h/f", true);
    row("token or none", "ws://h/f?token=A&room=1", "ws://h/f?room=1", true);
    row("api-key spelled two ways", "ws://h/f?API-KEY=1&x=1", "ws://h/f?api_key=2&x=1", true);
    row("parameters in another order", "ws://h/f?a=1&b=2", "ws://h/f?b=2&a=1", true);
    row("signal", "ws://h/f?signal=1", "ws://h/f?signal=2", false);
    row("passive", "ws://h/f?passive=0", "ws://h/f?passive=1", false);
    row("keyboard", "ws://h/f?keyboard=us", "ws://h/f?keyboard=de", false);
    row("monkey", "ws://h/f?monkey=1", "ws://h/f?monkey=2", false);
    row("tokens_left", "ws://h/f?tokens_left=1", "ws://h/f?tokens_left=2", false);
    row("another path", "ws://h/a", "ws://h/b", false);
    row("another port", "ws://h:81/f", "ws://h:82/f", false);
    row("a parameter more", "ws://h/f?room=1", "ws://h/f?room=1&lang=en", false);
}

void tst_Account::whatMakesAnotherAccount()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    const Account first = Account::of(QUrl(a), 7);
    const Account second = Account::of(QUrl(b), 7);
    QCOMPARE(first == second, same);
    QCOMPARE(first.key() == second.key(), same);
}

void tst_Account::demoAndUnknown()
{
    QVERIFY(Account::demo(10260).isDemo());
    QCOMPARE(Account::demo(10260).key(), u"10260@demo"_s);
    QCOMPARE(Account::demo(10260).displayName(), u"Demo account 10260"_s);
    QVERIFY(Account::unknown().isUnknown());
    QCOMPARE(Account::unknown().key(), u"unknown"_s);
    QCOMPARE(Account::unknown().displayName(), u"Unknown account"_s);
    QVERIFY(Account::of(QUrl(), 5).isUnknown());
}

QTEST_GUILESS_MAIN(tst_Account)
#include "tst_account.moc"

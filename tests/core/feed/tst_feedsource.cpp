// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/feedsource.h"
#include "net/socketmanager.h"
#include "protocol/feedprofile.h"
#include "simulator/feedsimulator.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using State = SocketManager::State;

class tst_FeedSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyUrlStartsTheDemoFeed();
    void switchingFeedsReconnectsARunningFeedOnly();
    void aNewTraderGetsItsOwnDemoAccount();
};

void tst_FeedSource::emptyUrlStartsTheDemoFeed()
{
    SocketManager socket;
    FeedSource source(&socket);
    QVERIFY(source.apply(FeedProfile::native().configFor(QUrl(), 10260)));
    QVERIFY(source.isDemo());
    QCOMPARE(source.description(), u"Demo feed"_s);
    QCOMPARE(socket.config().url, source.demo()->url());
    QCOMPARE(socket.config().url.host(), u"127.0.0.1"_s);
    socket.open();
    QTRY_COMPARE(source.demo()->subscribedCount(), 1);
}

void tst_FeedSource::switchingFeedsReconnectsARunningFeedOnly()
{
    FeedSimulator::Options options;
    FeedSimulator remote(options);
    QVERIFY(remote.listen());
    SocketManager socket;
    FeedSource source(&socket);
    QVERIFY(source.apply(FeedProfile::native().configFor(QUrl(), 10260)));
    socket.open();
    QTRY_COMPARE(socket.state(), State::Open);

    // Running: the new feed is connected at once, and the demo goes away.
    QVERIFY(source.apply(FeedProfile::native().configFor(remote.url(), 10260)));
    QVERIFY(!source.isDemo());
    QCOMPARE(source.description(), u"127.0.0.1:%1"_s.arg(remote.port()));
    QTRY_COMPARE(remote.subscribedCount(), 1);

    // Paused (the user is on Closed Trades): a change does not connect anything.
    socket.close();
    QTRY_COMPARE(socket.state(), State::Idle);
    QVERIFY(source.apply(FeedProfile::native().configFor(QUrl(), 10260)));
    QCOMPARE(socket.state(), State::Idle);
    QVERIFY(source.isDemo());
    QSignalSpy connected(source.demo(), &FeedSimulator::clientConnected);
    QVERIFY(!connected.wait(300));
}

void tst_FeedSource::aNewTraderGetsItsOwnDemoAccount()
{
    SocketManager socket;
    FeedSource source(&socket);
    QVERIFY(source.apply(FeedProfile::native().configFor(QUrl(), 1)));
    const QUrl first = socket.config().url;
    QVERIFY(source.apply(FeedProfile::native().configFor(QUrl(), 1)));
    QCOMPARE(socket.config().url, first); // the same trader keeps the running demo
    QVERIFY(source.apply(FeedProfile::native().configFor(QUrl(), 2)));
    QCOMPARE(source.demo()->options().simulation.traderId, 2);
    socket.open();
    QTRY_COMPARE(source.demo()->subscribedCount(), 1); // the demo accepts trader 2
}

QTEST_GUILESS_MAIN(tst_FeedSource)
#include "tst_feedsource.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// On a machine whose only interface is lo, the system's network monitor says "no network".
// A feed on this machine and the built-in demo must connect all the same. CTest runs this in
// a network namespace with lo alone (unshare -n); run directly on a machine with a network,
// it has nothing to prove and skips.
#include "feed/feedsession.h"
#include "feed/feedsource.h"
#include "feed/positionbook.h"
#include "net/socketmanager.h"
#include "net/systemnetworkmonitor.h"
#include "protocol/feedprofile.h"
#include "simulator/feedsimulator.h"

#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;
using State = SocketManager::State;

class tst_LoopbackOnly : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aLoopbackFeedConnects();
    void theDemoConnects();

private:
    std::unique_ptr<SystemNetworkMonitor> m_network;
};

void tst_LoopbackOnly::initTestCase()
{
    m_network = std::make_unique<SystemNetworkMonitor>();
    if (m_network->backendName().isEmpty())
        QSKIP("no network information backend on this machine: nothing could say offline");
    if (m_network->isOnline())
        QSKIP("this machine has a network; CTest runs this test where lo is the only interface");
    qInfo() << "the system's monitor" << m_network->backendName() << "reports no network";
}

void tst_LoopbackOnly::aLoopbackFeedConnects()
{
    FeedSimulator simulator(FeedSimulator::Options{});
    QVERIFY(simulator.listen());
    SocketManager socket(FeedProfile::native().configFor(simulator.url(), 10260));
    socket.setNetworkMonitor(m_network.get());
    PositionBook book;
    FeedSession session(&socket, &book, nullptr);
    socket.open();
    QCOMPARE(socket.state(), State::Connecting); // not WaitingForNetwork
    QTRY_COMPARE(socket.state(), State::Live);
    QVERIFY(book.count() > 0);
}

void tst_LoopbackOnly::theDemoConnects()
{
    SocketManager socket;
    socket.setNetworkMonitor(m_network.get());
    FeedSource source(&socket);
    QVERIFY(source.apply(FeedProfile::native().configFor(QUrl(), 10260)));
    QVERIFY(source.isDemo());
    PositionBook book;
    FeedSession session(&socket, &book, nullptr);
    socket.open();
    QTRY_COMPARE(socket.state(), State::Live);
    QVERIFY(book.count() > 0);
}

QTEST_GUILESS_MAIN(tst_LoopbackOnly)
#include "tst_loopbackonly.moc"

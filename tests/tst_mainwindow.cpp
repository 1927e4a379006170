#include "mainwindow.h"
#include "socketmanager.h"
#include "testfeedserver.h"

#include <QApplication>
#include <QDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using State = SocketManager::State;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void titleAndTabs();
    void feedRunsOnlyWhileOpenTradesIsCurrent();
    void reconnectButtonAppearsWhenRetriesRunOut();
    void rendersToPng();

private:
    SocketConfig config(const QUrl &url) const;
    void savePng(QWidget *widget, const QString &name);

    std::unique_ptr<TestFeedServer> m_server;
};

void tst_MainWindow::init()
{
    m_server = std::make_unique<TestFeedServer>();
    QVERIFY(m_server->listen());
}

void tst_MainWindow::cleanup()
{
    QVERIFY(m_server->maxLiveConnections() <= 1);
    m_server.reset();
}

SocketConfig tst_MainWindow::config(const QUrl &url) const
{
    SocketConfig config = SocketConfig::forTrader(url, 10260);
    config.reconnectMin = 20ms;
    config.reconnectMax = 80ms;
    config.closeTimeout = 500ms;
    return config;
}

void tst_MainWindow::savePng(QWidget *widget, const QString &name)
{
    const QString path = QDir(QCoreApplication::applicationDirPath()).filePath(name);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

void tst_MainWindow::titleAndTabs()
{
    SocketManager feed(config(m_server->url()));
    MainWindow window(&feed);
    QCOMPARE(window.windowTitle(), u"Trade Monitor"_s);
    QCOMPARE(window.tabs()->count(), 2);
    QCOMPARE(window.tabs()->tabText(0), u"Open Trades"_s);
    QCOMPARE(window.tabs()->tabText(1), u"Closed Trades"_s);
    QCOMPARE(window.tabs()->currentIndex(), 0);
    // The icon is built in and renders (the SVG image plugin is installed).
    QVERIFY(!window.windowIcon().pixmap(32, 32).isNull());
}

void tst_MainWindow::feedRunsOnlyWhileOpenTradesIsCurrent()
{
    SocketManager feed(config(m_server->url()));
    MainWindow window(&feed);
    window.show();
    QSignalSpy connected(m_server.get(), &TestFeedServer::clientConnected);

    // Starts on Open Trades, connected.
    QTRY_COMPARE(feed.state(), State::Open);
    QCOMPARE(window.statusText(), u"Live"_s);
    QTRY_COMPARE(m_server->countFrames(0, u"Subscribe"_s), 1);

    // Closed Trades: the server sees Unsubscribe, then a close with 1000, and nothing else.
    window.tabs()->setCurrentIndex(MainWindow::ClosedTradesTab);
    QTRY_VERIFY(m_server->connection(0).closed);
    QCOMPARE(m_server->connection(0).frames.constLast().value("type"_L1), "Unsubscribe"_L1);
    QCOMPARE(m_server->connection(0).closeCode, 1000);
    QTRY_COMPARE(window.statusText(), u"Paused"_s);
    QVERIFY(!connected.wait(10 * 80));
    QCOMPARE(m_server->connectionCount(), 1);

    // Back to Open Trades: a fresh subscription.
    window.tabs()->setCurrentIndex(MainWindow::OpenTradesTab);
    QTRY_COMPARE(m_server->connectionCount(), 2);
    QTRY_COMPARE(m_server->countFrames(1, u"Subscribe"_s), 1);
    QTRY_COMPARE(window.statusText(), u"Live"_s);
}

void tst_MainWindow::reconnectButtonAppearsWhenRetriesRunOut()
{
    const quint16 port = m_server->port();
    m_server->stopListening();
    SocketManager feed(config(m_server->url()));
    MainWindow window(&feed);
    window.show();
    QTRY_COMPARE(feed.state(), State::Failed);
    QVERIFY(window.reconnectButton()->isVisible());
    QVERIFY2(window.statusText().startsWith("Disconnected: Connection refused"_L1),
             qPrintable(window.statusText()));
    savePng(&window, u"mainwindow-disconnected.png"_s);

    QVERIFY(m_server->listen(port));
    QTest::mouseClick(window.reconnectButton(), Qt::LeftButton);
    QTRY_COMPARE(feed.state(), State::Open);
    QVERIFY(!window.reconnectButton()->isVisible());
    QCOMPARE(window.statusText(), u"Live"_s);
}

void tst_MainWindow::rendersToPng()
{
    SocketManager feed(config(m_server->url()));
    MainWindow window(&feed);
    window.show();
    QTRY_COMPARE(feed.state(), State::Open);
    savePng(&window, u"mainwindow-open.png"_s);
    window.tabs()->setCurrentIndex(MainWindow::ClosedTradesTab);
    QTRY_COMPARE(feed.state(), State::Idle);
    savePng(&window, u"mainwindow-closed.png"_s);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"

#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <chrono>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

QString indicatorStyle(const char *colour)
{
    return u"border-radius: 6px; background-color: %1;"_s.arg(QLatin1String(colour));
}

} // namespace

MainWindow::MainWindow(SocketManager *feed, QWidget *parent)
    : QMainWindow(parent)
    , m_feed(feed)
{
    setWindowTitle(u"Trade Monitor"_s);
    setWindowIcon(QIcon(u":/icons/trade-monitor.svg"_s));
    resize(1100, 640);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(createOpenTradesPage(), u"Open Trades"_s);
    m_tabs->addTab(createClosedTradesPage(), u"Closed Trades"_s);
    setCentralWidget(m_tabs);

    m_indicator = new QLabel(this);
    m_indicator->setFixedSize(12, 12);
    m_stateLabel = new QLabel(this);
    m_roundTripLabel = new QLabel(this);
    m_feedLabel = new QLabel(this);
    m_reconnectButton = new QPushButton(u"Reconnect"_s, this);
    m_reconnectButton->setToolTip(u"Try to connect again now (Ctrl+R)"_s);
    statusBar()->addWidget(m_indicator);
    statusBar()->addWidget(m_stateLabel, 1);
    statusBar()->addPermanentWidget(m_roundTripLabel);
    statusBar()->addPermanentWidget(m_feedLabel);
    statusBar()->addPermanentWidget(m_reconnectButton);
    createActions();

    m_countdown.setInterval(250ms);
    connect(&m_countdown, &QTimer::timeout, this, &MainWindow::updateStatus);
    connect(m_reconnectButton, &QPushButton::clicked, m_feed, &SocketManager::reconnectNow);
    connect(m_feed, &SocketManager::stateChanged, this, &MainWindow::updateStatus);
    connect(m_feed, &SocketManager::retryScheduled, this, &MainWindow::updateStatus);
    connect(m_feed, &SocketManager::roundTripMeasured, this, &MainWindow::updateStatus);
    connect(m_feed, &SocketManager::messageReceived, this, &MainWindow::onMessage);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onTabChanged);

    updateStatus();
    onTabChanged(m_tabs->currentIndex());
}

QWidget *MainWindow::createOpenTradesPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_feedBanner = new QLabel(page);
    m_feedBanner->setWordWrap(true);
    m_feedBanner->setAlignment(Qt::AlignCenter);
    QFont bannerFont = m_feedBanner->font();
    bannerFont.setPointSizeF(bannerFont.pointSizeF() * 1.2);
    m_feedBanner->setFont(bannerFont);
    m_messageCount = new QLabel(page);
    m_messageCount->setAlignment(Qt::AlignCenter);
    m_messageCount->setForegroundRole(QPalette::PlaceholderText);
    layout->addStretch();
    layout->addWidget(m_feedBanner);
    layout->addWidget(m_messageCount);
    layout->addStretch();
    return page;
}

QWidget *MainWindow::createClosedTradesPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *label = new QLabel(u"No closed trades recorded yet."_s, page);
    label->setAlignment(Qt::AlignCenter);
    label->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(label);
    return page;
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(u"&File"_s);
    QAction *quit = fileMenu->addAction(u"&Quit"_s, this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setShortcutContext(Qt::ApplicationShortcut);

    QMenu *viewMenu = menuBar()->addMenu(u"&View"_s);
    QAction *openTab = viewMenu->addAction(u"&Open Trades"_s, this,
                                           [this] { m_tabs->setCurrentIndex(OpenTradesTab); });
    openTab->setShortcut(QKeySequence(u"Ctrl+1"_s));
    QAction *closedTab = viewMenu->addAction(u"&Closed Trades"_s, this,
                                             [this] { m_tabs->setCurrentIndex(ClosedTradesTab); });
    closedTab->setShortcut(QKeySequence(u"Ctrl+2"_s));

    QMenu *connectionMenu = menuBar()->addMenu(u"&Connection"_s);
    QAction *reconnect =
        connectionMenu->addAction(u"&Reconnect"_s, m_feed, &SocketManager::reconnectNow);
    reconnect->setShortcut(QKeySequence(u"Ctrl+R"_s));
}

void MainWindow::setFeedDescription(const QString &description)
{
    m_feedDescription = description;
    updateStatus();
}

void MainWindow::onTabChanged(int index)
{
    // The feed runs only while Open Trades is in front; leaving it is a deliberate close.
    if (index == OpenTradesTab && !m_feed->config().url.isEmpty())
        m_feed->open();
    else
        m_feed->close();
    updateStatus();
}

void MainWindow::onMessage(const QByteArray &)
{
    ++m_messages;
    m_messageCount->setText(u"%1 messages received, the last at %2"_s.arg(m_messages)
                                .arg(QDateTime::currentDateTime().toString(u"HH:mm:ss"_s)));
}

QString MainWindow::statusText() const
{
    switch (m_feed->state()) {
    case SocketManager::State::Idle:
        if (m_feed->config().url.isEmpty())
            return u"No feed: start with --url ws://host:port/path"_s;
        return m_tabs->currentIndex() == OpenTradesTab ? u"Disconnected"_s : u"Paused"_s;
    case SocketManager::State::Connecting:
        return m_feed->retryAttempt() > 0
                   ? u"Connecting (retry %1/%2)…"_s.arg(m_feed->retryAttempt())
                         .arg(m_feed->config().maxRetries)
                   : u"Connecting…"_s;
    case SocketManager::State::Open:
        return u"Live"_s;
    case SocketManager::State::Reconnecting: {
        const auto seconds = std::ceil(double(m_feed->retryRemaining().count()) / 1000.0);
        const int max = m_feed->config().maxRetries;
        return u"Reconnecting %1%2 in %3 s"_s.arg(m_feed->retryAttempt())
            .arg(max > 0 ? u"/%1"_s.arg(max) : QString())
            .arg(seconds);
    }
    case SocketManager::State::WaitingForNetwork:
        return u"Waiting for the network"_s;
    case SocketManager::State::Failed:
        return u"Disconnected: %1"_s.arg(m_feed->lastError());
    case SocketManager::State::Closing:
        return u"Closing…"_s;
    }
    return {};
}

void MainWindow::updateStatus()
{
    const SocketManager::State state = m_feed->state();
    const char *colour = "#9e9e9e";
    switch (state) {
    case SocketManager::State::Open:
        colour = "#2e7d32";
        break;
    case SocketManager::State::Connecting:
    case SocketManager::State::Reconnecting:
    case SocketManager::State::WaitingForNetwork:
        colour = "#f9a825";
        break;
    case SocketManager::State::Failed:
        colour = "#c62828";
        break;
    default:
        break;
    }
    m_indicator->setStyleSheet(indicatorStyle(colour));
    const QString text = statusText();
    m_stateLabel->setText(text);
    m_roundTripLabel->setText(m_feed->roundTripTimeMs() >= 0 && state == SocketManager::State::Open
                                  ? u"RTT %1 ms"_s.arg(m_feed->roundTripTimeMs())
                                  : QString());
    m_feedLabel->setText(m_feed->config().url.isEmpty() ? u"No feed"_s
                                                        : m_feed->config().url.host());
    m_reconnectButton->setVisible(state == SocketManager::State::Failed);

    if (state == SocketManager::State::Open)
        m_feedBanner->setText(u"Live: waiting for positions from the feed."_s);
    else if (state == SocketManager::State::Idle && m_tabs->currentIndex() != OpenTradesTab)
        m_feedBanner->setText(u"Live feed paused"_s);
    else
        m_feedBanner->setText(text);

    if (state == SocketManager::State::Reconnecting)
        m_countdown.start();
    else
        m_countdown.stop();
}

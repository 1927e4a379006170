#pragma once

#include "socketmanager.h"

#include <QMainWindow>
#include <QTimer>

class QLabel;
class QPushButton;
class QTabWidget;

// The trader's window: "Open Trades" (the live feed, connected only while this tab is the
// current one) and "Closed Trades". Leaving Open Trades is a deliberate close of the feed;
// coming back opens it again.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Tab { OpenTradesTab = 0, ClosedTradesTab = 1 };

    // `feed` is not owned and must outlive the window.
    explicit MainWindow(SocketManager *feed, QWidget *parent = nullptr);

    // How the status bar and title name the feed: "Demo feed", or the host.
    void setFeedDescription(const QString &description);
    QString feedDescription() const { return m_feedDescription; }

    QTabWidget *tabs() const { return m_tabs; }
    // The connection state in words, as the status bar shows it.
    QString statusText() const;
    QPushButton *reconnectButton() const { return m_reconnectButton; }

private:
    void onTabChanged(int index);
    void onMessage(const QByteArray &message);
    void updateStatus();
    QWidget *createOpenTradesPage();
    QWidget *createClosedTradesPage();
    void createActions();

    SocketManager *m_feed = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_feedBanner = nullptr;
    QLabel *m_messageCount = nullptr;
    QLabel *m_indicator = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_roundTripLabel = nullptr;
    QLabel *m_feedLabel = nullptr;
    QPushButton *m_reconnectButton = nullptr;
    QString m_feedDescription;
    QTimer m_countdown; // refreshes "reconnecting in N s"
    qint64 m_messages = 0;
};

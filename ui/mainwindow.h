#pragma once

#include "socketconfig.h"

#include <QMainWindow>

class AppSettings;
class ClosedTradeStore;
class ClosedTradesPage;
class FeedSession;
class FeedSource;
class FeedStatusBar;
class OpenTradesPage;
class PositionBook;
class QPushButton;
class QTabWidget;
class SocketManager;

// The trader's window: "Open Trades" (the live feed, connected only while this tab is the
// current one) and "Closed Trades" (the history). Leaving Open Trades is a deliberate close
// of the feed: Unsubscribe, close 1000, no reconnect; coming back opens it again.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Tab { OpenTradesTab = 0, ClosedTradesTab = 1 };

    // What the window shows and drives; none owned, all must outlive the window.
    struct Services
    {
        SocketManager *socket = nullptr;
        PositionBook *book = nullptr;
        ClosedTradeStore *store = nullptr;
        FeedSource *source = nullptr;    // may be null (tests)
        AppSettings *settings = nullptr; // may be null: nothing is remembered
    };

    explicit MainWindow(const Services &services, Tab startTab = OpenTradesTab,
                        QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    OpenTradesPage *openTradesPage() const { return m_openTrades; }
    ClosedTradesPage *closedTradesPage() const { return m_closedTrades; }
    FeedStatusBar *feedStatusBar() const { return m_statusBar; }
    // The connection state in words, as the status bar shows it.
    QString statusText() const;
    QPushButton *reconnectButton() const;

    // Opens the settings dialog.
    void editSettings();

Q_SIGNALS:
    // The user accepted new feed settings (already saved).
    void feedSettingsChanged(const SocketConfig &config);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void onTabChanged(int index);
    void createMenus();
    void showAbout();
    void saveState() const;
    void restoreState();

    Services m_services;
    QTabWidget *m_tabs = nullptr;
    OpenTradesPage *m_openTrades = nullptr;
    ClosedTradesPage *m_closedTrades = nullptr;
    FeedStatusBar *m_statusBar = nullptr;
};

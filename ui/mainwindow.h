// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/alertsettings.h"
#include "net/socketconfig.h"

#include "session/accountsession.h"
#include "session/accountset.h"

#include <QMainWindow>

class AboutDialog;
class Alerts;
class AppOptions;
class AppSettings;
class DesktopNotifier;
class Notifier;
class Theme;
class TrayIcon;
class ClosedTradesPage;
class ConnectionLog;
class ConnectionLogWindow;
class FeedSession;
class FeedSource;
class FeedStatusBar;
class OpenTradesPage;
class PositionBook;
class QLabel;
class QPushButton;
class QTabWidget;
class SocketManager;
class TradeHistory;

// The trader's window: "Open Trades" (the live feed, connected only while this tab is the
// current one) and "Closed Trades" (the history). Leaving Open Trades is a deliberate close
// of the feed: Unsubscribe, close 1000, no reconnect; coming back opens it again. What
// happens to the connection goes to a ConnectionLog, shown in passing in the status bar and
// whole in View -> Connection Log. The title names the account; closed trades that are not
// saved yet are shown in the status bar, and quitting asks before any would be lost. Alerts
// go to the desktop; where there is a tray, its icon shows the feed's state and, if the user
// wants, closing the window leaves the program running there. Several accounts are watched at
// once, each on its own feed (an AccountSet): the tab rule holds for every one of them, Open
// Trades shows all or one, the status bar sums them up ("2 of 3 accounts live") and lists
// each. Its parts are named (objectName): "tabs", "openTradesPage", "closedTradesPage",
// "feedStatusBar".
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Tab { OpenTradesTab = 0, ClosedTradesTab = 1 };

    // What the window adds to the account's session; none owned, all outlive the window.
    struct Services
    {
        AppSettings &settings;        // what the window and the Settings dialog remember
        const AppOptions &options;    // the command line (a default AppOptions: none given)
        Notifier *notifier = nullptr; // null: the desktop's (notification service, else tray)
        Theme *theme = nullptr;       // the application's colours; null: left as they are
    };

    // Shows `accounts` (not owned; they outlive the window), in their order.
    MainWindow(AccountSet *accounts, const Services &services, Tab startTab = OpenTradesTab,
               QWidget *parent = nullptr);
    // Shows one account (not owned; it outlives the window).
    MainWindow(AccountSession *account, const Services &services, Tab startTab = OpenTradesTab,
               QWidget *parent = nullptr);

    AccountSet *accounts() const { return m_accounts; }

    // View -> Connection Log (Ctrl+L); created on first use.
    ConnectionLogWindow *showConnectionLog();
    QPushButton *reconnectButton() const;

    // Opens the settings dialog.
    void editSettings();
    // Help → About (non-modal, deleted on close).
    AboutDialog *showAbout();
    // "N closed trades not saved yet: reason" while any wait; empty otherwise.
    QString unsavedText() const;

    // The first account's.
    Alerts *alerts() const { return primary()->alerts(); }
    // Null where the desktop has no tray.
    TrayIcon *trayIcon() const { return m_tray; }
    // The application's name in the window's language ("Trade Monitor", "交易监控"). Made the
    // application display name by useDisplayName(), after the translations are installed:
    // Qt then adds it to every dialog's title, and not to the main window's, which ends in it.
    static QString applicationName();
    static void useDisplayName();

    // Quits, whatever "keep running in the tray" says.
    void quit();
    // Quits as File → Quit does (Unsubscribe, close 1000, the history written, the spool kept
    // for what cannot be), but asks nothing: the system asked (SIGTERM, logout), and nobody
    // may be there to answer. Ends the event loop even when the window is hidden in the tray.
    void quitUnasked(const QString &why);
    // The desktop session is ending: the window's state and the history are saved now, and
    // the quit that follows asks nothing.
    void endOfSession();

    Tab currentTab() const;
    // Settings → Accounts applies at once (WindowHost makes the accounts anew on
    // accountsSaved()); otherwise the window says it takes effect at the next start.
    void setAccountsApplyAtOnce(bool atOnce) { m_accountsApplyAtOnce = atOnce; }
    // Remembers the window's place and layout, as closing it does.
    void saveState() const;

Q_SIGNALS:
    // The user accepted new feed settings (already saved).
    void feedSettingsChanged(const SocketConfig &config);
    // The user accepted changed accounts, or an account's token (already saved).
    void accountsSaved();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // The first account: the one whose settings the Settings dialog edits, whose history
    // Closed Trades opens on.
    AccountSession *primary() const { return m_accounts->session(0); }
    void onTabChanged(int index);
    void createMenus();
    void restoreState();
    void updateTitle();
    void updateUnsaved();
    void applyAlertSettings(const AlertSettings &alerts);
    // Before quitting: write what waits; if some trades would be lost, ask. True: quit.
    bool mayQuit();
    bool mayQuit(TradeHistory *history, const QString &name);

    AccountSet *m_accounts = nullptr;
    Services m_services;
    QTabWidget *m_tabs = nullptr;
    OpenTradesPage *m_openTrades = nullptr;
    ClosedTradesPage *m_closedTrades = nullptr;
    FeedStatusBar *m_statusBar = nullptr;
    QLabel *m_unsaved = nullptr;
    ConnectionLogWindow *m_logWindow = nullptr;
    int m_shownTab = -1;
    TrayIcon *m_tray = nullptr;
    DesktopNotifier *m_desktopNotifier = nullptr;
    bool m_quitting = false;
    bool m_unasked = false; // the quit may not wait for an answer
    bool m_toldAboutTray = false;
    bool m_accountsApplyAtOnce = false;
};

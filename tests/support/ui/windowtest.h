// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/appoptions.h"
#include "config/appsettings.h"
#include "domain/closedtrade.h"
#include "fakenotifier.h"
#include "feed/positionbook.h"
#include "history/tradehistory.h"
#include "mainwindow.h"
#include "named.h"
#include "net/socketmanager.h"
#include "session/accountsession.h"
#include "session/accountset.h"
#include "simulator/feedsimulator.h"
#include "theme.h"

#include <QLocale>
#include <QObject>
#include <QSettings>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <vector>

class ClosedTradesPage;
class FeedBanner;
class OpenTradesPage;
class QLabel;
class QPushButton;

// What the tests of the window and of its widgets share: a window against an in-process feed
// simulator (WindowRig), the language for one test (Speaking), and a base for test classes
// that gives each test a folder of its own, the services a window needs, pictures and the
// answer to a message box. Widgets are found as a user finds them: by their objectName.

// How long the demo's history (fifty trades or more) may take to be stored: a bound, not a
// wait; on a loaded machine (a sanitizer build beside the tests) it takes seconds.
inline constexpr int kHistoryWait = 30000;

// Everything the window needs, against an in-process FeedSimulator. Short intervals
// through the settings a user has: retries used up in a fraction of a second, and given up
// 300 ms after the feed was last live.
struct WindowRig
{
    explicit WindowRig(const QString &folder, MainWindow::Tab tab = MainWindow::OpenTradesTab,
                       qint64 traderId = 10260, bool muted = false, int positions = 15,
                       const QStringList &arguments = {});

    OpenTradesPage *open() const;
    int stored() const { return history.store()->count(history.account()); }
    // Closed Trades in front over "All", once the demo's history (fifty trades or more) is
    // stored; nullptr if it never is.
    ClosedTradesPage *closedTradesOverAll();

    QSettings settingsFile;
    AppSettings appSettings;
    std::unique_ptr<FeedSimulator> simulator;
    FakeNotifier notifier;
    AccountSession account;
    SocketManager &socket = *account.socket();
    PositionBook &book = *account.book();
    TradeHistory &history = *account.history();
    FeedSession *session = account.feed();
    AppOptions appOptions; // the command line, when a test gives one
    Theme theme;           // the application's colours, as Settings → Display chooses them
    std::unique_ptr<MainWindow> window;

    Q_DISABLE_COPY_MOVE(WindowRig)
};

// Several accounts in one window, each against a feed of its own: an in-process simulator of
// its own (seed and trader id of their own), or the URL a test gives (a scripted server). The
// same short intervals as WindowRig, and a heartbeat every 250 ms (a round trip to show);
// one history file for all.
struct AccountsRig
{
    struct Feed
    {
        QString name;
        QUrl url;            // empty: a simulator of its own
        qint64 traderId = 0; // 0: 10260 plus the account's index
    };
    AccountsRig(const QString &folder, const QList<Feed> &feeds,
                MainWindow::Tab tab = MainWindow::OpenTradesTab);

    OpenTradesPage *open() const;
    AccountSession *session(int account) const { return accounts.session(account); }

    QSettings settingsFile;
    AppSettings appSettings;
    std::vector<std::unique_ptr<FeedSimulator>> simulators; // null where a URL was given
    FakeNotifier notifier;
    AccountSet accounts;
    AppOptions appOptions;
    Theme theme;
    std::unique_ptr<MainWindow> window;

    Q_DISABLE_COPY_MOVE(AccountsRig)
};

// For a picture whose figures add up: the feed is held still until every figure that is
// coalesced (the rows' group labels, the footer, the account bar) has caught up with the book.
void settle(WindowRig &rig);

// The window's language (ours and Qt's own translations, and the locale) for one test, English
// again after it.
struct Speaking
{
    explicit Speaking(const QLocale &locale);
    ~Speaking();
    Q_DISABLE_COPY_MOVE(Speaking)
    const QStringList loaded; // the translation files installed
};

// A trade of ours closed just now.
ClosedTrade closedNow(qint64 ticket);
// Exports what the page shows and waits for the answer: false with `error` when it failed.
bool exportAndWait(ClosedTradesPage *page, const QString &path, QString *error);
// What `label` shows, as a reader sees it: its text without markup, empty while it is hidden.
QString shownText(const QLabel *label);
// The totals under a page's table, and what its empty table says instead of rows.
QString totalsText(const QWidget *page);
QString emptyTableText(const QWidget *page);
// The banner over Open Trades, and one of its buttons ("reconnect", "openSettings", "dismiss").
FeedBanner *banner(const QWidget *page);
QPushButton *bannerButton(const QWidget *page, const char *name);

// The base of a window test: every test in a fresh folder, failing on a connection to an
// object not made yet (a feature silently lost: it was the statistics' height the trader
// dragged to).
class WindowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Run before every test of a derived class (QTest finds it by name, as a private slot).
    void init();

protected:
    // Saves `widget` as a PNG beside the test, for a person to look at.
    void savePng(QWidget *widget, const QString &name);
    // The next message box that comes up is answered Cancel; its text goes to `text`.
    void cancelTheNextMessageBox(QString *text);
    // A window's services where a test needs nothing of them: settings in the test's folder,
    // no command line.
    MainWindow::Services services();

    std::unique_ptr<QTemporaryDir> m_dir;

private:
    std::unique_ptr<QSettings> m_ini;
    std::unique_ptr<AppSettings> m_settings;
    AppOptions m_options;
};

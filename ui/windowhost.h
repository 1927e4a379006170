// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/accountspec.h"
#include "mainwindow.h"
#include "session/accountset.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class AppOptions;
class AppSettings;
class NetworkMonitor;
class Notifier;
class Theme;

// The accounts a run watches and the window that shows them, made from the saved settings with
// the command line over them: each --account; else, unless --url or --demo names one feed,
// each account of Settings → Accounts; else the one saved feed. When the trader changes
// Settings → Accounts and nothing on the command line names the feed, they are made again at
// once from the saved accounts: the new accounts connect (or stay closed, behind Closed
// Trades) in a window with the old one's place, tab and layout, and the old accounts close
// deliberately (unsubscribe, close 1000). Closed trades that could not be saved anywhere yet
// (not even in the spool) are never dropped for it: the change then waits for the next start,
// and the window says why.
class WindowHost : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        AppSettings &settings;
        const AppOptions &options;
        QString historyPath;               // one file for every account
        NetworkMonitor *network = nullptr; // not owned; null: none
        Theme *theme = nullptr;            // not owned
        Notifier *notifier = nullptr;      // not owned; null: the desktop's
    };

    explicit WindowHost(const Services &services, QObject *parent = nullptr);
    ~WindowHost() override;

    // Makes the accounts and their window (not shown yet). False with `error` in words for
    // the terminal and the exit code: 2 for a configuration that cannot be used (a number, a
    // profile), 1 for a feed that cannot start.
    bool start(MainWindow::Tab tab, QString *error, int *exitCode);
    MainWindow *window() const { return m_window.get(); }
    AccountSet *accounts() const { return m_accounts.get(); }
    // Tells Secrets every URL credential and token the accounts to start use, so that no log
    // line shows one: call before anything is logged.
    void rememberSecrets() const;
    // Whether the accounts are the saved ones (nothing on the command line names the feed):
    // a change in Settings → Accounts applies at once.
    bool followsSettings() const;

    // Quitting: every account closes at once (AccountSet::closeAndWaitAll).
    void closeAndWaitAll();

Q_SIGNALS:
    // Another window shows the accounts now (the old one is gone).
    void windowReplaced(MainWindow *window);

private:
    // The accounts to watch now: a spec each, or one without (the one saved feed).
    QList<std::optional<AccountSpec>> chosen() const;
    // Makes `specs`' sessions into a new set; false with the reason and exit code.
    std::unique_ptr<AccountSet> makeAccounts(const QList<std::optional<AccountSpec>> &specs,
                                             QStringList *problems, int *exitCode) const;
    std::unique_ptr<MainWindow> makeWindow(AccountSet *accounts, MainWindow::Tab tab);
    // Settings → Accounts changed: the new accounts, in a new window, at once.
    void rebuild();
    void say(const QString &text) const;

    Services m_services;
    QList<std::optional<AccountSpec>> m_specs; // what runs
    std::unique_ptr<AccountSet> m_accounts;
    std::unique_ptr<MainWindow> m_window;
};

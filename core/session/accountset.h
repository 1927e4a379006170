// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/accountsession.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <vector>

// The accounts one window watches, in the trader's order, each by the name the trader gave it
// and each an AccountSession of its own: its socket, heartbeat and reconnects, its book, its
// history, its log and alerts. They open and close together, as the tab rule says: every
// account connects (each subscribing first, on its own socket) or every account closes
// deliberately (each unsubscribing and closing with 1000). Nothing here waits on one session
// to reach another: one account refused, failing or slow never delays or hides the rest.
class AccountSet : public QObject
{
    Q_OBJECT

public:
    explicit AccountSet(QObject *parent = nullptr);
    ~AccountSet() override;

    // A new account's session, owned here, last in the order; start it as any session. From
    // the second on, every account's alerts and log entries carry its name.
    AccountSession *add(const QString &name);
    // An account whose session is someone else's (it outlives this set).
    void add(AccountSession *session, const QString &name);
    qsizetype count() const { return qsizetype(m_accounts.size()); }
    AccountSession *session(qsizetype index) const { return m_accounts.at(size_t(index)).session; }
    QString name(qsizetype index) const { return m_accounts.at(size_t(index)).name; }
    // The index of `session`, or -1.
    qsizetype indexOf(const AccountSession *session) const;

    // Open Trades in front: every account connects.
    void openAll();
    // Elsewhere: every account closes deliberately.
    void closeAll();
    // Quitting: every account closes at once, and the close frames get their moment together
    // (at most the longest close timeout), not one after another.
    void closeAndWaitAll();

    // How many accounts are live now.
    qsizetype liveCount() const;
    // "3 of 4 accounts live"; for one account, its state alone.
    QString summary() const;
    // How the accounts stand together: the most urgent of their levels (FeedStatus::urgency:
    // one down is down).
    FeedStatus::Level level() const;

Q_SIGNALS:
    // An account's state changed (liveCount() and summary() may say something else now).
    void stateChanged(qsizetype index);

private:
    struct Entry
    {
        QString name;
        AccountSession *session = nullptr;
        std::unique_ptr<AccountSession> owned; // null: someone else's
    };
    std::vector<Entry> m_accounts;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/accountset.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QLocale>
#include <QTimer>

#include <algorithm>

using namespace std::chrono;

AccountSet::AccountSet(QObject *parent)
    : QObject(parent)
{}

AccountSet::~AccountSet() = default;

AccountSession *AccountSet::add(const QString &name)
{
    auto owned = std::make_unique<AccountSession>();
    AccountSession *session = owned.get();
    add(session, name);
    m_accounts.back().owned = std::move(owned);
    return session;
}

qsizetype AccountSet::indexOf(const AccountSession *session) const
{
    for (size_t i = 0; i < m_accounts.size(); ++i) {
        if (m_accounts[i].session == session)
            return qsizetype(i);
    }
    return -1;
}

void AccountSet::add(AccountSession *session, const QString &name)
{
    const qsizetype index = count();
    m_accounts.push_back({name, session, nullptr});
    // Among several, each account's news and log entries say whose they are; one alone stays
    // as it always was.
    if (m_accounts.size() > 1) {
        for (const Entry &account : m_accounts) {
            account.session->alerts()->setAccountName(account.name);
            account.session->log()->setAccountName(account.name);
        }
    }
    connect(session->socket(), &SocketManager::stateChanged, this,
            [this, index] { Q_EMIT stateChanged(index); });
}

void AccountSet::openAll()
{
    for (const Entry &account : m_accounts)
        account.session->socket()->open();
}

void AccountSet::closeAll()
{
    for (const Entry &account : m_accounts)
        account.session->socket()->close();
}

void AccountSet::closeAndWaitAll()
{
    closeAll();
    milliseconds longest{0};
    const auto closing = [this] {
        return std::any_of(m_accounts.cbegin(), m_accounts.cend(), [](const Entry &account) {
            return account.session->socket()->state() == SocketManager::State::Closing;
        });
    };
    for (const Entry &account : m_accounts)
        longest = std::max(longest, account.session->socket()->config().closeTimeout);
    if (!closing())
        return;
    QEventLoop loop;
    connect(this, &AccountSet::stateChanged, &loop, [&loop, closing] {
        if (!closing())
            loop.quit();
    });
    QTimer::singleShot(longest, &loop, &QEventLoop::quit);
    loop.exec();
}

qsizetype AccountSet::liveCount() const
{
    return std::count_if(m_accounts.cbegin(), m_accounts.cend(), [](const Entry &account) {
        return account.session->socket()->state() == SocketManager::State::Live;
    });
}

QString AccountSet::summary() const
{
    if (m_accounts.size() == 1)
        return m_accounts.front().session->status()->status().text;
    return tr("%1 of %n account(s) live", nullptr, int(count()))
        .arg(QLocale().toString(liveCount()));
}

FeedStatus::Level AccountSet::level() const
{
    // The most urgent: one down is down.
    FeedStatus::Level worst =
        m_accounts.empty() ? FeedStatus::Level::Paused : FeedStatus::Level::Live;
    for (const Entry &account : m_accounts) {
        const FeedStatus::Level level = account.session->status()->status().level;
        if (FeedStatus::urgency(level) > FeedStatus::urgency(worst))
            worst = level;
    }
    return worst;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/accountsession.h"

#include "config/feedsettings.h"
#include "protocol/feedprofile.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcAccount, "trademonitor.account")

AccountSession::AccountSession(QObject *parent)
    : AccountSession(nullptr, parent)
{}

AccountSession::AccountSession(ClosedTradeStore *fileStore, QObject *parent)
    : QObject(parent)
    , m_history(fileStore)
    , m_feed(&m_socket, &m_book, &m_history)
    , m_source(&m_socket)
    , m_alerts(&m_book, &m_socket, nullptr)
    , m_status(&m_socket, &m_feed)
{
    // Another account starts clean: emitted while no connection is open.
    connect(&m_source, &FeedSource::feedSwitched, &m_feed, &FeedSession::switchFeed);
    m_log.watch(&m_socket, &m_feed);
    // Which currency the account's trades are in, for the history across accounts.
    connect(&m_book, &PositionBook::figuresChanged, this, [this] {
        if (const std::optional<AccountFigures> &figures = m_book.figures())
            m_history.setCurrency(figures->currency);
    });
}

AccountSession::~AccountSession() = default;

void AccountSession::setNotifier(Notifier *notifier)
{
    m_alerts.setNotifier(notifier);
}

void AccountSession::setNetworkMonitor(NetworkMonitor *monitor)
{
    m_socket.setNetworkMonitor(monitor);
}

std::optional<FeedProfile> AccountSession::profileToStart(const SocketConfig &config,
                                                          QString *error)
{
    SocketConfig checked = config;
    if (checked.url.isEmpty())
        checked.url = QUrl(QStringLiteral("ws://127.0.0.1/")); // the demo feed's, for the check
    if (const QString problem = FeedSetting::validate(checked); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return FeedProfile::load(config.profile, error);
}

bool AccountSession::openHistory(const QString &path, const SocketConfig &config)
{
    return m_history.open(path, config.url.isEmpty() ? Account::unknown()
                                                     : Account::of(config.url, config.traderId));
}

bool AccountSession::start(const SocketConfig &config, const FeedProfile &profile, QString *error)
{
    return m_source.apply(config, profile, error);
}

QStringList AccountSession::applySettings(const SocketConfig &next)
{
    QStringList problems;
    QString problem;
    const FeedProfile profile =
        FeedProfile::load(next.profile, &problem).value_or(FeedProfile::native());
    if (!problem.isEmpty())
        problems.append(problem);
    problem.clear();
    if (!m_source.apply(next, profile, &problem))
        problems.append(problem);
    for (const QString &text : std::as_const(problems)) {
        qCWarning(lcAccount).noquote() << text;
        m_log.record(ConnectionLog::Severity::Warning, text);
    }
    return problems;
}

void AccountSession::closeAndWait()
{
    m_socket.close();
    if (m_socket.state() != SocketManager::State::Closing)
        return;
    QEventLoop loop;
    connect(&m_socket, &SocketManager::stateChanged, &loop, &QEventLoop::quit);
    QTimer::singleShot(m_socket.config().closeTimeout, &loop, &QEventLoop::quit);
    loop.exec();
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/feedsource.h"

#include "net/socketmanager.h"
#include "simulator/feedsimulator.h"

#include <QRandomGenerator>

FeedSource::FeedSource(SocketManager *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{}

FeedSource::~FeedSource() = default;

bool FeedSource::apply(const SocketConfig &requested, const FeedProfile &profile, QString *error)
{
    SocketConfig config = requested;
    std::unique_ptr<FeedSimulator> demo;
    if (config.url.isEmpty()) {
        // Keep a running demo for the same trader and dialect; anything else is a new one.
        if (m_demo && m_demo->options().simulation.traderId == config.traderId &&
            m_demo->options().profile == profile) {
            demo = std::move(m_demo);
        } else {
            FeedSimulator::Options options;
            options.profile = profile;
            options.simulation.traderId = config.traderId;
            options.simulation.seed = QRandomGenerator::global()->generate();
            demo = std::make_unique<FeedSimulator>(options);
            if (!demo->listen()) {
                if (error)
                    *error = tr("The demo feed cannot start: %1").arg(demo->errorString());
                return false;
            }
        }
        config.url = demo->url();
    }

    const Account account =
        demo ? Account::demo(config.traderId) : Account::of(config.url, config.traderId);
    const bool switching = !m_applied || account != m_account || profile != m_profile;
    const bool running = m_socket->state() != SocketManager::State::Idle;
    // A new token (or any other change of the URL) needs a new connection, not a new account.
    const bool reconnect = running && (switching || config.url != m_socket->config().url ||
                                       config.traderId != m_socket->config().traderId);
    if (reconnect)
        m_socket->close();
    if (switching) {
        m_applied = true;
        m_account = account;
        m_profile = profile;
        Q_EMIT feedSwitched(m_account, m_profile);
    }
    m_socket->setConfig(config);
    // The old demo goes only after the socket has let go of it.
    m_demo = std::move(demo);
    if (reconnect)
        m_socket->open();
    Q_EMIT changed();
    return true;
}

QString FeedSource::description() const
{
    if (m_demo)
        return tr("Demo feed");
    const QUrl url = m_socket->config().url;
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

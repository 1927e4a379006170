// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/feedstatuspresenter.h"

#include "domain/clock.h"
#include "feed/feedsession.h"
#include "net/socketmanager.h"

FeedStatusPresenter::FeedStatusPresenter(SocketManager *socket, FeedSession *session,
                                         QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_session(session)
    , m_clock(&Clock::system())
{
    m_ticker.setInterval(kTick);
    connect(&m_ticker, &QTimer::timeout, this, &FeedStatusPresenter::refresh);
    m_ticker.start();
    connect(socket, &SocketManager::stateChanged, this, &FeedStatusPresenter::refresh);
    connect(socket, &SocketManager::retryScheduled, this, &FeedStatusPresenter::refresh);
    connect(socket, &SocketManager::roundTripMeasured, this, &FeedStatusPresenter::refresh);
    connect(session, &FeedSession::serverErrorChanged, this, &FeedStatusPresenter::refresh);
    connect(session, &FeedSession::unreadableChanged, this, &FeedStatusPresenter::refresh);
    m_status = FeedStatus::of(*m_socket, m_session, m_paused, m_clock->currentMSecsSinceEpoch());
}

void FeedStatusPresenter::setClock(const Clock *clock)
{
    m_clock = clock;
    refresh();
}

void FeedStatusPresenter::setPaused(bool paused)
{
    m_paused = paused;
    refresh();
}

void FeedStatusPresenter::refresh()
{
    m_status = FeedStatus::of(*m_socket, m_session, m_paused, m_clock->currentMSecsSinceEpoch());
    Q_EMIT statusChanged(m_status);
}

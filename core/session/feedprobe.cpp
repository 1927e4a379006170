// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/feedprobe.h"

#include "feed/positionbook.h"
#include "net/socketmanager.h"
#include "protocol/feedprofile.h"
#include "session/accountsession.h"

#include <QTimer>

using namespace std::chrono_literals;

namespace {

// Long enough for a first heartbeat's answer after the positions came; the probe says what it
// has when it runs out.
constexpr std::chrono::milliseconds kHeartbeat = 250ms;

} // namespace

FeedProbe::FeedProbe(QObject *parent)
    : QObject(parent)
{}

FeedProbe::~FeedProbe() = default;

bool FeedProbe::start(const SocketConfig &config, const FeedProfile &profile, QString *error)
{
    if (m_session)
        return false;
    SocketConfig once = config;
    // A quick first heartbeat, for the round trip.
    once.heartbeatInterval = std::min(once.heartbeatInterval, kHeartbeat);
    m_closing.reset();
    m_session = std::make_unique<AccountSession>();
    if (!m_session->start(once, profile, error)) {
        m_session.reset();
        return false;
    }
    m_liveSince.invalidate();
    SocketManager *socket = m_session->socket();
    connect(socket, &SocketManager::stateChanged, this, &FeedProbe::onState);
    connect(socket, &SocketManager::roundTripMeasured, this, &FeedProbe::onState);
    socket->open();
    return true;
}

void FeedProbe::onState()
{
    if (!m_session)
        return;
    SocketManager *socket = m_session->socket();
    const std::chrono::milliseconds answerWithin = socket->config().pongTimeout + kHeartbeat;
    Result result;
    switch (socket->state()) {
    case SocketManager::State::Live: {
        if (!m_liveSince.isValid()) {
            m_liveSince.start();
            // No answer to the heartbeat within the pong timeout is said as it is.
            QTimer::singleShot(answerWithin, this, &FeedProbe::onState);
        }
        const qint64 roundTrip = socket->roundTripTimeMs();
        if (roundTrip < 0 && m_liveSince.elapsed() < answerWithin.count())
            return;
        result.outcome = Outcome::Live;
        result.positions = int(m_session->book()->count());
        result.roundTripMs = roundTrip;
        const QString positions = tr("%n position(s) came", nullptr, result.positions);
        result.text = roundTrip >= 0
                          ? tr("Connected and subscribed: %1; round trip %2 ms.")
                                .arg(positions)
                                .arg(roundTrip)
                          : tr("Connected and subscribed: %1; the heartbeat was not answered.")
                                .arg(positions);
        break;
    }
    // The first attempt's failure is the answer: a retry would hide it behind a countdown.
    case SocketManager::State::Reconnecting:
    case SocketManager::State::Failed:
    case SocketManager::State::WaitingForNetwork:
        if (m_liveSince.isValid()) {
            // It was live (the positions came), and was lost before the heartbeat's answer:
            // the socket's own pong timeout ends as the wait above does. Both are said.
            result.outcome = Outcome::Live;
            result.positions = int(m_session->book()->count());
            result.roundTripMs = socket->roundTripTimeMs();
            result.text = tr("Connected and subscribed: %1; the heartbeat was not answered.")
                              .arg(tr("%n position(s) came", nullptr, result.positions));
            if (!socket->lastError().isEmpty())
                result.text += u' ' + socket->lastError();
            break;
        }
        result.text =
            socket->lastError().isEmpty() ? tr("The connection failed.") : socket->lastError();
        break;
    default:
        return;
    }
    finish(result);
}

void FeedProbe::finish(const Result &result)
{
    m_session->socket()->disconnect(this);
    m_session->socket()->close();
    m_closing = std::move(m_session);
    Q_EMIT finished(result);
}

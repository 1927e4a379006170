// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/heartbeat.h"

#include "domain/clock.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcHeartbeat, "trademonitor.heartbeat")

using std::chrono::milliseconds;

namespace {
// Pings remembered for the round trip; older ones are forgotten.
constexpr std::size_t kMaxPendingPings = 16;
} // namespace

Heartbeat::Heartbeat(QObject *parent)
    : QObject(parent)
{
    m_monotonic.start();
    m_deadline.setSingleShot(true);
    // Precise timers: the beat is compared with the wall clock to detect a sleep, and the
    // default coarse timers may fire 5% late, which tests with short intervals notice.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Heartbeat::beat);
    connect(&m_deadline, &QTimer::timeout, this, &Heartbeat::linkDead);
}

void Heartbeat::setClock(const Clock *clock)
{
    m_clock = clock;
}

qint64 Heartbeat::now() const
{
    return (m_clock ? *m_clock : Clock::system()).currentMSecsSinceEpoch();
}

void Heartbeat::configure(const SocketConfig &config)
{
    m_config = config;
    m_timer.setInterval(config.heartbeatInterval);
    m_deadline.setInterval(config.pongTimeout);
}

void Heartbeat::start()
{
    m_pending.clear();
    m_profileReplySeen = false;
    m_deadline.stop();
    m_lastBeatAt = now();
    m_timer.start();
}

void Heartbeat::stop()
{
    m_timer.stop();
    m_deadline.stop();
    m_pending.clear();
}

void Heartbeat::frameArrived()
{
    // Called for every frame: no clock read here (the session stamps the data it accepts).
    m_deadline.stop();
}

bool Heartbeat::isReplyOverdue() const
{
    // The deadline runs from a ping until any frame arrives.
    return m_deadline.isActive() &&
           milliseconds(m_deadline.remainingTime()) <= m_config.pongTimeout / 2;
}

void Heartbeat::beat()
{
    const qint64 t = now();
    const qint64 sinceLast = t - m_lastBeatAt;
    m_lastBeatAt = t;
    const qint64 interval = m_config.heartbeatInterval.count();

    QJsonObject ping = m_config.pingPayload;
    // Only a ping with a time to echo gives a round trip; any other is sent as it is.
    if (!m_config.pingTimestampKey.isEmpty()) {
        ping.insert(m_config.pingTimestampKey, t);
        m_pending.push_back({t, m_monotonic.nsecsElapsed()});
        if (m_pending.size() > kMaxPendingPings)
            m_pending.pop_front();
    }
    Q_EMIT pingDue(ping);

    if (sinceLast > 2 * interval) {
        // The machine slept: the link is suspect, and any deadline set before the sleep is
        // meaningless. Check it now, with a fresh deadline, and re-phase the beat.
        qCInfo(lcHeartbeat) << "heartbeat fired" << sinceLast - interval
                            << "ms late (the machine slept?); checking the link";
        m_deadline.start();
        m_timer.start();
        Q_EMIT sleepDetected(sinceLast - interval);
        return;
    }
    // A deadline already running belongs to an earlier unanswered ping: keep it.
    if (!m_deadline.isActive())
        m_deadline.start();
}

void Heartbeat::controlPongArrived(qint64 elapsedMs)
{
    // The feed's own reply measures what the feed's server does; until one has come on this
    // connection (a feed that never answers its Ping), the WebSocket's pong does.
    if (m_profileReplySeen || elapsedMs < 0)
        return;
    m_roundTripMs = elapsedMs;
    Q_EMIT roundTripMeasured(m_roundTripMs);
}

bool Heartbeat::consumeReply(const QByteArray &message)
{
    if (!m_config.pingReplyTime)
        return false;
    const std::optional<qint64> ts = m_config.pingReplyTime(message);
    if (!ts)
        return false;
    const auto it = std::find_if(m_pending.begin(), m_pending.end(),
                                 [ts](const PendingPing &ping) { return ping.ts == *ts; });
    if (it == m_pending.end()) {
        qCDebug(lcHeartbeat) << "a reply to an unknown ping" << *ts;
        return true;
    }
    m_profileReplySeen = true;
    m_roundTripMs = (m_monotonic.nsecsElapsed() - it->sentAtNs) / 1'000'000;
    m_pending.erase(m_pending.begin(), std::next(it));
    Q_EMIT roundTripMeasured(m_roundTripMs);
    return true;
}

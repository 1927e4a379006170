// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/socketconfig.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <deque>

class Clock;

// The heartbeat of one connection: a ping every interval (the owner sends a WebSocket ping and
// the profile's own), a deadline after each within which some frame must arrive (any frame:
// the WebSocket pong, a reply, data, one frame of a long message), the round trip from the
// replies that echo a ping's time (else from the WebSocket pong), and a sleep noticed when a
// beat comes far too late. It sends nothing itself and knows no message shapes: pingDue() carries
// the payload the protocol layer put in the SocketConfig (with the time added under its key), and
// the protocol's recogniser tells a reply from data.
class Heartbeat : public QObject
{
    Q_OBJECT

public:
    explicit Heartbeat(QObject *parent = nullptr);

    // Not owned; nullptr restores the system clock.
    void setClock(const Clock *clock);
    // The interval, the deadline, the ping and how to recognise its reply; applies at once.
    void configure(const SocketConfig &config);

    // A connection opened: beats from now on. stop(): no beats, no deadline.
    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    // Some frame arrived: the link lives (the deadline stops).
    void frameArrived();
    // A whole text message arrived; true when it was the reply to one of our pings (then it
    // is not data).
    bool consumeReply(const QByteArray &message);
    // The WebSocket pong to our ping came after `elapsedMs`: the round trip, until a reply of
    // the feed's own has measured it on this connection.
    void controlPongArrived(qint64 elapsedMs);

    // The last measured round trip, -1 before the first one.
    qint64 roundTripMs() const { return m_roundTripMs; }
    // A ping has gone without any frame for more than half the deadline: the link is suspect.
    bool isReplyOverdue() const;

Q_SIGNALS:
    // Time to send this ping.
    void pingDue(const QJsonObject &ping);
    // No frame within the deadline after a ping: the link is dead.
    void linkDead();
    void roundTripMeasured(qint64 milliseconds);
    // The beat came far later than scheduled: the machine most likely slept.
    void sleepDetected(qint64 lateByMs);

private:
    void beat();
    qint64 now() const;

    SocketConfig m_config;
    const Clock *m_clock = nullptr;
    QTimer m_timer;
    QTimer m_deadline;
    qint64 m_lastBeatAt = 0; // wall clock, to notice a suspended machine
    qint64 m_roundTripMs = -1;
    bool m_profileReplySeen = false; // on this connection

    struct PendingPing
    {
        qint64 ts = 0;
        qint64 sentAtNs = 0; // m_monotonic
    };
    std::deque<PendingPing> m_pending;
    QElapsedTimer m_monotonic;
};

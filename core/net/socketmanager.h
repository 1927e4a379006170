// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/heartbeat.h"
#include "net/reconnectpolicy.h"
#include "net/socketconfig.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringEncoder>
#include <QTimer>

#include <chrono>
#include <optional>

class Clock;
class NetworkMonitor;
class QWebSocket;

// Keeps one feed connection honest: it connects, subscribes, watches the link with a
// heartbeat, and rebuilds the connection when it dies, within limits. A deliberate close()
// is final until open() or reconnectNow(); nothing else ever reconnects after it.
//
// It speaks no protocol of its own: it sends the payloads the protocol layer put in its
// SocketConfig (FeedProfile::applyTo), leaves the ping's cadence, its deadline and the round
// trip to a Heartbeat, and waits for its
// owner to say that the data it asked for arrived (markLive). Until then the connection is
// Open but not Live; without that word within the snapshot timeout it asks once more, then
// gives the connection up as a failed attempt. Data still arriving (a frame of a fragmented
// message, bytes of a large one) starts the wait again, up to ten timeouts or two minutes. Only a
// useful connection (live, and up for minUptime) gives back the retry budget, and it gives up only
// when the retries are used up and the give-up time has passed (ReconnectPolicy).
//
// State machine (one setState(), stateChanged only on a real change):
//   Idle --open()--> Connecting --connected, subscribed--> Open --markLive()--> Live
//   Live --resubscribe() / dataUnusable()--> Open
//   Open --no data twice, or failAttempt()--> (closed with 1000) --> Reconnecting
//   Connecting/Open/Live --transient failure--> Reconnecting --timer--> Connecting
//   Connecting/Open/Live --given up (ReconnectPolicy), or a fatal failure--> Failed
//   remote feed only: any --network down--> WaitingForNetwork --network up--> Connecting
//   Open/Live --close()--> Closing --close frame or timeout--> Idle
//   any other --close()--> Idle
class SocketManager : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(qint64 roundTripTime READ roundTripTimeMs NOTIFY roundTripMeasured)

public:
    enum class State {
        Idle,              // never opened, or closed on purpose
        Connecting,        // TCP + WebSocket handshake in progress
        Open,              // connected and subscribed; waiting for the data (not live yet)
        Live,              // the owner confirmed the data: subscribed, heartbeating, live
        Reconnecting,      // waiting for retry retryAttempt()
        WaitingForNetwork, // the system reports no network: no attempts are spent
        Failed,            // retries used up or a fatal error: waits for reconnectNow()
        Closing,           // deliberate close sent, waiting for the server's close frame
    };
    Q_ENUM(State)

    enum class Failure { Transient, Fatal };
    Q_ENUM(Failure)

    explicit SocketManager(QObject *parent = nullptr);
    explicit SocketManager(const SocketConfig &config, QObject *parent = nullptr);
    ~SocketManager() override;

    const SocketConfig &config() const { return m_config; }
    // Intervals apply at once; the URL and payloads from the next connection on.
    void setConfig(const SocketConfig &config);

    // Not owned; nullptr restores the system clock. The heartbeat and the wake check read it.
    void setClock(const Clock *clock);
    // Not owned; nullptr means always online.
    void setNetworkMonitor(NetworkMonitor *monitor);
    // Makes the jitter of the reconnect delays reproducible.
    void setRandomSeed(quint32 seed);

    State state() const { return m_state; }
    static QString stateName(State state);
    // "host:port" of the feed.
    QString endpoint() const;
    // The retry scheduled or in progress (1-based), 0 while none is.
    int retryAttempt() const { return m_policy.attempt(); }
    // When giving up becomes possible, or which retry's failure gives up (ReconnectPolicy).
    ReconnectPolicy::Outlook giveUpOutlook() const;
    // Subscriptions sent while waiting for data on this connection: 1, or 2 after asking again.
    int subscriptionsSent() const { return m_subscriptionsSent; }
    // Whether this connection has been live at least once.
    bool deliveredOnThisConnection() const { return m_delivered; }
    // Failed because the server refused us for good (a fatal status or close code, a bad
    // certificate): retrying cannot help, the settings need checking.
    bool isRefused() const { return m_refused; }
    // The delay of the retry last scheduled.
    std::chrono::milliseconds retryDelay() const { return m_retryDelay; }
    // Why the last connection failed or closed, in words for the user.
    QString lastError() const { return m_lastError; }
    // The last measured heartbeat round trip, -1 before the first one.
    qint64 roundTripTimeMs() const { return m_heartbeat.roundTripMs(); }
    // Messages dropped whole: over the size limit, or binary frames.
    qint64 ignoredCount() const { return m_ignoredCount; }
    // Live, and no heartbeat has gone unanswered for more than half the pong timeout: the
    // data shown is as fresh as the feed makes it. A link that is not healthy may still be
    // Live for the rest of the pong timeout, but its data is suspect.
    bool isLinkHealthy() const;

    // Connects if not connected (or connecting). Resets the retry counter.
    void open();
    // The owner accepted the data the subscription asked for (a Snapshot): Open -> Live.
    void markLive();
    // The owner needs fresh data (a gap in the data): subscribes again and waits for it as
    // after connecting; a Live connection becomes Open until markLive().
    void resubscribe(const QString &why);
    // The owner wants fresh data but the data it shows is still good (some of it could not be
    // read): while Live, sends the subscription again and stays Live.
    void refresh(const QString &why);
    // The data that answered the subscription cannot be used (a rejected Snapshot): counts as
    // no data at all. Open: ask again, or give the attempt up; Live: resubscribe().
    void dataUnusable(const QString &why);
    // The owner judged this connection useless (the server refused the subscription): closes
    // it with code 1000 and `reason` (no Unsubscribe), then retries with backoff (Transient)
    // or gives up at once (Fatal). Only while Open or Live.
    void failAttempt(const QString &reason, Failure failure);
    // Deliberate close from any state: sends the unsubscribe payload if open, closes with
    // code 1000, stops every timer and ends in Idle. It never reconnects by itself.
    void close();
    // Manual reconnect: resets the retry counter and tries at once (no-op while Connecting,
    // Open or Live).
    void reconnectNow();
    // Sends one JSON text frame; false when not Open or Live.
    bool send(const QJsonObject &message);

Q_SIGNALS:
    void stateChanged(SocketManager::State state);
    // Every inbound text message except the replies to our pings, which the heartbeat takes.
    void messageReceived(const QByteArray &message);
    // The subscription went out; `times` is 1, or 2 when no data came and it was sent again.
    void subscribed(int times);
    // A connection (`wasConnected`) or an attempt to make one ended without being asked to,
    // with the reason in words; a retry or a give-up follows.
    void dropped(const QString &reason, bool wasConnected);
    void retryScheduled(int attempt, int maxRetries, std::chrono::milliseconds delay);
    // The manager gave up (retries used up, or a fatal error) and waits for reconnectNow().
    void connectError(const QString &reason);
    void roundTripMeasured(qint64 milliseconds);
    // A frame was dropped whole (too large, or binary); the connection stays up.
    void messageIgnored(const QString &what);
    // The heartbeat timer fired far later than scheduled: the machine most likely slept.
    void sleepDetected(qint64 lateByMs);

private:
    void setState(State state);
    void startAttempt();
    void discardSocket();
    void stopTimers();
    void applyIntervals();
    void connectionLost(const QString &reason, Failure failure);
    void giveUp(const QString &reason, bool refused);
    void scheduleRetry(const ReconnectPolicy::Decision &decision);
    void sendSubscription(int times);
    void onDataMissing(const QString &why);
    // Something arrived: part of a message (a frame of a fragmented one, bytes of a large
    // one), or a whole one. Either says the link lives; a part also holds a wait for data, up
    // to dataWaitCap().
    enum class Arrival { Part, Whole };
    void arrived(Arrival arrival);
    std::chrono::milliseconds dataWaitCap() const;
    std::chrono::milliseconds monotonicNow() const;
    qint64 wallNow() const;
    void finishClose();
    bool isOnline() const;
    bool sendFrame(const QJsonObject &message);
    // A heartbeat: a WebSocket ping, and the profile's own Ping.
    void beat(const QJsonObject &ping);

    void onConnected();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    void concludeEnding();
    QString describeEnding(Failure *failure) const;
    void onTextMessage(const QString &message);
    void onBinaryMessage(const QByteArray &message);
    void onLinkDead();
    void onRetryTimer();
    void onNetworkChanged(bool online);
    void onWakeCheck();
    // Given up by exhaustion, and the world changed (the network is back, the machine woke):
    // one more try, with the normal schedule after it. A refusal stays Failed.
    void tryAgainAfterAChange(const QString &why);
    void ignore(const QString &what);

    SocketConfig m_config;
    State m_state = State::Idle;
    QWebSocket *m_socket = nullptr; // the one live socket, owned
    quint64 m_generation = 0;       // bumped whenever a socket is created or discarded
    QPointer<NetworkMonitor> m_network;
    ReconnectPolicy m_policy;
    Heartbeat m_heartbeat;
    // Text frames come as QString (Qt 6.4 has no other way); each is written back to UTF-8
    // into this one buffer, with room to spare for a parser that reads past the end, so that
    // a message costs no allocation and no further copy while nobody keeps the last one.
    QStringEncoder m_utf8Encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
    QByteArray m_utf8;

    QTimer m_connectTimer;
    QTimer m_retryTimer;
    QTimer m_closeTimer;
    QTimer m_dataTimer;         // snapshotTimeout after each subscription, until markLive()
    QTimer m_wakeTimer;         // while Failed (not refused): notices the machine waking up
    qint64 m_wakeCheckedAt = 0; // wall clock, ms
    const Clock *m_clock = nullptr;
    std::chrono::milliseconds m_dataDeadline{0}; // monotonic: no wait for data past it
    std::chrono::milliseconds m_partAt{0};       // monotonic, while waiting for data: the last
    std::chrono::milliseconds m_wholeAt{0};      // part of a message, and the last whole one
    bool m_betweenFragments = false; // a message's first frames came, its last not yet

    // What the live socket reported as it ended. Qt raises error() and disconnected() in
    // either order (or only one of them); both are collected and judged once, a turn of the
    // event loop later, so one ending is one failure with the most telling reason.
    struct Ending
    {
        bool scheduled = false;
        bool disconnected = false;
        std::optional<QAbstractSocket::SocketError> error;
        QString errorString;
        QString tlsErrors; // what the certificate check said
    };
    Ending m_ending;

    int m_subscriptionsSent = 0; // while waiting for data on this connection
    bool m_delivered = false;    // this connection has been Live
    bool m_refused = false;      // the last give-up was fatal
    std::chrono::milliseconds m_retryDelay{0};
    QString m_lastError;
    QElapsedTimer m_openSince;
    qint64 m_ignoredCount = 0;
    QElapsedTimer m_monotonic;
};

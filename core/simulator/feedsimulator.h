// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/feedprofile.h"
#include "simulator/tradingsimulation.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QWebSocketServer>

#include <chrono>

class QTcpSocket;
class QWebSocket;

// A WebSocket server that speaks the feed protocol (docs/protocol.md), or any wire profile
// (docs/profiles.md), over a simulated account: the built-in demo feed, and a peer that tests
// can make misbehave on purpose. In the seed envelope it sends the whole list of open
// positions on subscribing and after every change.
// TCP is accepted by its own QTcpServer so that a handshake can be refused with an HTTP
// status and the port can be paused; accepted sockets go to QWebSocketServer.
class FeedSimulator : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        TradingSimulation::Options simulation;
        int rate = 0;                              // extra position updates per second
        std::chrono::milliseconds dropEvery{0};    // close every client this often; 0 = never
        std::chrono::milliseconds silentAfter{-1}; // go silent this long after listen(); <0 = never
        int rejectHandshake = 0;                   // answer every upgrade with this HTTP status
        double malformedRate = 0.0;                // share of pushed messages sent broken
        int closeCode = 1001;                      // the code clients are dropped with
        bool closeAfterSubscribe = false;          // drop each client right after its History
        int subscribeError = 0; // answer every Subscribe with an Error of this code instead
        FeedProfile profile;    // the wire format it speaks
        // Native Account messages: after the Snapshot and History, then at most once per
        // accountInterval while the figures change. Off: a feed without account data.
        bool sendAccount = true;
        std::chrono::milliseconds accountInterval{1000};
    };

    explicit FeedSimulator(const Options &options, QObject *parent = nullptr);
    ~FeedSimulator() override;

    // Listens and starts the feed. Port 0 picks a free port.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QString errorString() const { return m_error; }
    quint16 port() const { return m_port; }
    QUrl url() const;

    // Fault injection.
    void pauseListening(); // new connections are refused; live ones go on
    bool resumeListening();
    bool isPaused() const { return m_paused; }
    void setSilent(bool silent); // nothing is sent, pings go unanswered, TCP stays open
    bool isSilent() const { return m_silent; }
    // Pings are answered, but subscriptions get no data at all (a feed that lost its backend).
    void setMuted(bool muted);
    // Subscriptions are answered with an Error of this code (400-599) instead of data; 0
    // answers them normally again.
    void setSubscribeError(int code, const QString &text = {});
    // Every client's seq starts again at 1 without a Snapshot, as after a server restart
    // that kept the connections.
    void restartSeq();
    // Closes the oldest open position now, and tells the clients as the profile does (a
    // Closed message, or the next whole list). False when none is open.
    bool closeOldest();
    void setRejectHandshake(int httpStatus); // 0 accepts again
    void setMalformedRate(double share);
    void dropAll(int closeCode, const QString &reason);
    // A line of the control protocol ("pause", "resume", "silent", "mute", "talk",
    // "drop [code]", "reject STATUS", "error CODE [text]", "seqrestart", "close",
    // "malformed P",
    // "binary", "oversize MIB", "burst N", "status");
    // returns the reply to print.
    QString executeCommand(const QString &line);

    int clientCount() const { return int(m_clients.size()); }
    int subscribedCount() const;
    const TradingSimulation &simulation() const { return m_simulation; }
    const Options &options() const { return m_options; }

Q_SIGNALS:
    void clientConnected();
    void clientSubscribed();
    // Every message a client sent, by its type ("Subscribe", "Ping", ...; "" if unreadable).
    void clientMessageReceived(const QString &type);
    // The close code the client sent (1005 when it sent none).
    void clientDisconnected(int closeCode);

private:
    struct Client
    {
        bool subscribed = false;
        qint64 seq = 0;
        QPointer<QTcpSocket> tcp; // what LinkStall stops while silent
    };

    void onTcpConnection();
    void onWebSocketConnection();
    void rejectHandshake(QTcpSocket *socket, int status);
    void onClientMessage(QWebSocket *socket, const QString &message);
    void subscribe(QWebSocket *socket, Client &client);
    void onTick();
    void onRateTimer();
    void push(QWebSocket *socket, Client &client, const char *type, const QByteArray &data);
    void pushList(QWebSocket *socket);
    // The account's figures to every subscribed client, if they changed and the last were
    // sent at least accountInterval ago.
    void broadcastAccount();
    bool isSeed() const { return m_options.profile.envelope == FeedProfile::Envelope::Seed; }
    // Which of the profile's messages a client sent: "Subscribe", "Unsubscribe", "Ping", or
    // nothing known ("").
    QString classify(const QJsonObject &message) const;
    void broadcast(const char *type, const QByteArray &data);
    void sendRaw(QWebSocket *socket, const QByteArray &payload);
    struct Malformed
    {
        QByteArray bytes;
        bool takesSeq = false; // its seq reads, so it takes a place in the sequence
    };
    Malformed malformed(const char *type, qint64 seq);
    void startBurst(qint64 count);
    void burstSlice();

    Options m_options;
    TradingSimulation m_simulation;
    QRandomGenerator m_faultRandom; // separate, so faults never change the feed itself
    QTcpServer m_tcp;
    QWebSocketServer m_ws;
    QHostAddress m_address;
    quint16 m_port = 0;
    QString m_error;
    bool m_paused = false;
    bool m_silent = false;
    bool m_muted = false;
    QJsonObject m_subscribeTemplate; // the profile's, as the client fills them in
    QJsonObject m_unsubscribeTemplate;
    QJsonObject m_pingTemplate;
    QString m_pingTimestampKey; // the key of the time a ping carries, echoed in the Pong
    QString m_subscribeErrorText;
    QHash<QWebSocket *, Client> m_clients;
    QTimer m_tickTimer;
    QTimer m_rateTimer;
    QTimer m_dropTimer;
    QTimer m_silentTimer;
    QElapsedTimer m_rateClock;
    QElapsedTimer m_accountClock;
    AccountFigures m_sentAccount;
    qint64 m_rateSent = 0;
    qint64 m_burstLeft = 0;
};

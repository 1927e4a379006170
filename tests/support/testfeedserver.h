// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QWebSocketProtocol>
#include <QWebSocketServer>

class QTcpSocket;
class QWebSocket;

// A WebSocket peer on 127.0.0.1 that a test steers: it records every frame each connection
// sends, answers pings (or not), rejects handshakes with an HTTP status, drops clients, and
// counts how many connections are alive at once.
class TestFeedServer : public QObject
{
    Q_OBJECT

public:
    enum class Mode {
        Normal,          // accept; answer Ping with Pong
        NoReplies,       // accept; never answer the feed's Ping (WebSocket pings are answered:
                         // QWebSocketServer does that itself, as every server does)
        Silent,          // accept; read nothing (not even WebSocket pings) and send nothing, TCP
                         // stays open: a frozen server. Applies to live connections too.
        DropOnConnect,   // accept the WebSocket, then close it at once with dropCloseCode()
        RejectHandshake, // answer the HTTP upgrade with rejectStatus()
        NoHandshake,     // accept TCP, never answer the upgrade request
    };

    struct Connection
    {
        QWebSocket *socket = nullptr;
        QList<QJsonObject> frames;
        bool closed = false;
        int closeCode = -1; // the close code the client sent, -1 if none
        QString closeReason;
        QPointer<QTcpSocket> tcp; // its TCP socket, stopped while Silent
        bool stalled = false;
    };

    explicit TestFeedServer(QObject *parent = nullptr);
    ~TestFeedServer() override;

    // A ws:// URL on 127.0.0.1 where nothing listens (a port bound, then let go); its port
    // in `port` when given.
    static QUrl refusedUrl(quint16 *port = nullptr);

    // Listens on 127.0.0.1, on `port` or any free port when 0.
    bool listen(quint16 port = 0);
    void stopListening();
    quint16 port() const { return m_port; }
    QUrl url() const;

    void setMode(Mode mode);
    // Freezes one connection as Silent does (or thaws it), whatever the mode.
    void stallConnection(int index, bool stalled);
    void setRejectStatus(int status) { m_rejectStatus = status; }
    void setDropCloseCode(int code) { m_dropCloseCode = code; }
    void setDropReason(const QString &reason) { m_dropReason = reason; }

    // Closes every live connection with a close frame.
    void closeAll(QWebSocketProtocol::CloseCode code, const QString &reason = QString());
    // Drops every live connection without a close frame (TCP reset).
    void abortAll();
    // Sends a text frame to every live connection.
    void broadcast(const QString &message);
    void broadcastBinary(const QByteArray &message);

    int tcpAccepted() const { return m_tcpAccepted; }
    int connectionCount() const { return int(m_connections.size()); }
    int liveConnections() const { return m_live; }
    int maxLiveConnections() const { return m_maxLive; }
    const Connection &connection(int index) const { return m_connections.at(index); }
    // Every frame of every connection, in order, with its connection index.
    QList<QPair<int, QJsonObject>> allFrames() const;
    // How many frames of `type` a connection sent.
    int countFrames(int connection, const QString &type) const;

Q_SIGNALS:
    void tcpConnectionAccepted();
    void clientConnected(int index);
    void frameReceived(int index, const QJsonObject &frame);
    void clientDisconnected(int index);

private:
    void onTcpConnection();
    void stall(Connection &connection, bool stalled);
    void onWebSocketConnection();
    void rejectHandshake(QTcpSocket *socket);

    Mode m_mode = Mode::Normal;
    int m_rejectStatus = 401;
    int m_dropCloseCode = QWebSocketProtocol::CloseCodeGoingAway;
    QString m_dropReason = QStringLiteral("test drop");
    QTcpServer m_tcp;
    QWebSocketServer m_ws{QStringLiteral("test feed"), QWebSocketServer::NonSecureMode};
    quint16 m_port = 0;
    QList<Connection> m_connections;
    QList<QTcpSocket *> m_rawSockets;
    int m_tcpAccepted = 0;
    int m_live = 0;
    int m_maxLive = 0;
};

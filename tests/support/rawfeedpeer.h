// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <optional>

// A WebSocket server on 127.0.0.1 written by hand (RFC 6455: the handshake, and frames laid out
// byte by byte), for what QWebSocketServer cannot do: send one message in frames or bytes on
// the test's own schedule, as a slow line delivers a large Snapshot. It reads what the client
// sends (text messages, unmasked) and answers a close frame.
class RawFeedPeer : public QObject
{
    Q_OBJECT

public:
    explicit RawFeedPeer(QObject *parent = nullptr);

    bool listen();
    QUrl url() const;

    // The latest connection, once its handshake is answered.
    bool isConnected() const;
    int connectionCount() const { return m_connections; }
    // Text messages from the client on the latest connection, in order.
    const QList<QByteArray> &received() const { return m_received; }
    int countReceived(const QByteArray &type) const;

    // A frame as it goes on the wire from a server (never masked).
    static QByteArray frame(quint8 opcode, const QByteArray &payload, bool last = true);
    static QByteArray textFrame(const QByteArray &text) { return frame(0x1, text); }
    // Bytes straight onto the latest connection.
    void send(const QByteArray &bytes);

Q_SIGNALS:
    void clientConnected();
    void messageReceived(const QByteArray &text);

private:
    void onConnection();
    void onReadyRead();

    QTcpServer m_server;
    QPointer<QTcpSocket> m_socket;
    struct Header
    {
        qsizetype length = 0; // without a mask
        quint64 payload = 0;
    };
    static std::optional<Header> readHeader(const QByteArray &bytes);

    QByteArray m_buffer;
    QByteArray m_outgoing;  // what is sent of the frame in progress
    QByteArray m_heldPongs; // pongs waiting for the frame in progress to end
    bool m_upgraded = false;
    int m_connections = 0;
    QList<QByteArray> m_received;
};

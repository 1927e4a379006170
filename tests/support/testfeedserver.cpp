// SPDX-License-Identifier: GPL-3.0-or-later
#include "testfeedserver.h"

#include "simulator/linkstall.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QWebSocket>

#include <memory>

using namespace Qt::StringLiterals;

TestFeedServer::TestFeedServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_tcp, &QTcpServer::newConnection, this, &TestFeedServer::onTcpConnection);
    connect(&m_ws, &QWebSocketServer::newConnection, this, &TestFeedServer::onWebSocketConnection);
}

TestFeedServer::~TestFeedServer()
{
    for (Connection &connection : m_connections) {
        if (connection.socket) {
            connection.socket->disconnect(this);
            connection.socket->abort();
        }
    }
    for (QTcpSocket *socket : std::as_const(m_rawSockets))
        socket->disconnect(this);
}

QUrl TestFeedServer::refusedUrl(quint16 *port)
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return {};
    if (port)
        *port = probe.serverPort();
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/feed").arg(probe.serverPort()));
}

bool TestFeedServer::listen(quint16 port)
{
    if (!m_tcp.listen(QHostAddress::LocalHost, port))
        return false;
    m_port = m_tcp.serverPort();
    return true;
}

void TestFeedServer::stopListening()
{
    m_tcp.close();
}

QUrl TestFeedServer::url() const
{
    return QUrl(u"ws://127.0.0.1:%1/feed"_s.arg(m_port));
}

void TestFeedServer::onTcpConnection()
{
    while (QTcpSocket *socket = m_tcp.nextPendingConnection()) {
        ++m_tcpAccepted;
        Q_EMIT tcpConnectionAccepted();
        switch (m_mode) {
        case Mode::RejectHandshake:
            rejectHandshake(socket);
            break;
        case Mode::NoHandshake:
            // Hold the socket open and never answer: the client must time out.
            m_rawSockets.append(socket);
            connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
            break;
        default:
            // Hand over before anything is read, so the server parses the whole upgrade.
            m_ws.handleConnection(socket);
            break;
        }
    }
}

void TestFeedServer::rejectHandshake(QTcpSocket *socket)
{
    m_rawSockets.append(socket);
    auto request = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, request] {
        request->append(socket->readAll());
        if (!request->contains("\r\n\r\n"))
            return; // the upgrade request is not complete yet
        const QByteArray reason = m_rejectStatus == 401   ? "Unauthorized"
                                  : m_rejectStatus == 403 ? "Forbidden"
                                                          : "Service Unavailable";
        socket->write("HTTP/1.1 " + QByteArray::number(m_rejectStatus) + ' ' + reason +
                      "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
    });
}

void TestFeedServer::onWebSocketConnection()
{
    while (QWebSocket *socket = m_ws.nextPendingConnection()) {
        socket->setParent(this); // the caller owns pending connections
        const int index = int(m_connections.size());
        m_connections.append(
            Connection{socket, {}, false, -1, {}, LinkStall::tcpOf(socket, &m_tcp)});
        ++m_live;
        m_maxLive = std::max(m_maxLive, m_live);

        connect(
            socket, &QWebSocket::textMessageReceived, this,
            [this, index, socket](const QString &text) {
                const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
                m_connections[index].frames.append(frame);
                if (m_mode == Mode::Normal && frame.value("type"_L1) == "Ping"_L1) {
                    const QJsonObject pong{{u"type"_s, u"Pong"_s}, {u"ts"_s, frame.value("ts"_L1)}};
                    socket->sendTextMessage(
                        QString::fromUtf8(QJsonDocument(pong).toJson(QJsonDocument::Compact)));
                }
                Q_EMIT frameReceived(index, frame);
            });
        connect(socket, &QWebSocket::disconnected, this, [this, index, socket] {
            Connection &connection = m_connections[index];
            if (connection.closed)
                return;
            connection.closed = true;
            connection.closeCode = int(socket->closeCode());
            connection.closeReason = socket->closeReason();
            --m_live;
            socket->deleteLater();
            connection.socket = nullptr;
            Q_EMIT clientDisconnected(index);
        });
        Q_EMIT clientConnected(index);

        if (m_mode == Mode::DropOnConnect)
            socket->close(QWebSocketProtocol::CloseCode(m_dropCloseCode), m_dropReason);
        else if (m_mode == Mode::Silent)
            stall(m_connections.last(), true);
    }
}

void TestFeedServer::setMode(Mode mode)
{
    m_mode = mode;
    for (Connection &connection : m_connections)
        stall(connection, mode == Mode::Silent);
}

void TestFeedServer::stallConnection(int index, bool stalled)
{
    stall(m_connections[index], stalled);
}

void TestFeedServer::stall(Connection &connection, bool stalled)
{
    if (connection.closed || !connection.tcp || connection.stalled == stalled)
        return;
    // A stalled connection hears nothing, its end included: it is not counted as live while
    // it stays so (the client's own signals say when it gave up on it).
    connection.stalled = stalled;
    m_live += stalled ? -1 : 1;
    m_maxLive = std::max(m_maxLive, m_live);
    LinkStall::setStalled(connection.tcp, stalled);
}

void TestFeedServer::closeAll(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    for (Connection &connection : m_connections) {
        if (connection.socket && !connection.closed)
            connection.socket->close(code, reason);
    }
}

void TestFeedServer::abortAll()
{
    for (Connection &connection : m_connections) {
        if (connection.socket && !connection.closed)
            connection.socket->abort();
    }
}

void TestFeedServer::broadcast(const QString &message)
{
    for (Connection &connection : m_connections) {
        if (connection.socket && !connection.closed)
            connection.socket->sendTextMessage(message);
    }
}

void TestFeedServer::broadcastBinary(const QByteArray &message)
{
    for (Connection &connection : m_connections) {
        if (connection.socket && !connection.closed)
            connection.socket->sendBinaryMessage(message);
    }
}

QList<QPair<int, QJsonObject>> TestFeedServer::allFrames() const
{
    QList<QPair<int, QJsonObject>> frames;
    for (int i = 0; i < m_connections.size(); ++i) {
        for (const QJsonObject &frame : m_connections.at(i).frames)
            frames.append({i, frame});
    }
    return frames;
}

int TestFeedServer::countFrames(int connection, const QString &type) const
{
    if (connection < 0 || connection >= m_connections.size())
        return 0;
    int count = 0;
    for (const QJsonObject &frame : m_connections.at(connection).frames)
        count += frame.value("type"_L1).toString() == type ? 1 : 0;
    return count;
}

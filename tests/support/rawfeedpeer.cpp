// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawfeedpeer.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <utility>

RawFeedPeer::RawFeedPeer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &RawFeedPeer::onConnection);
}

bool RawFeedPeer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl RawFeedPeer::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/raw").arg(m_server.serverPort()));
}

bool RawFeedPeer::isConnected() const
{
    return m_socket && m_upgraded && m_socket->state() == QAbstractSocket::ConnectedState;
}

int RawFeedPeer::countReceived(const QByteArray &type) const
{
    int count = 0;
    for (const QByteArray &text : m_received)
        count += QJsonDocument::fromJson(text).object().value(QLatin1String("type")).toString() ==
                         QLatin1String(type)
                     ? 1
                     : 0;
    return count;
}

QByteArray RawFeedPeer::frame(quint8 opcode, const QByteArray &payload, bool last)
{
    QByteArray bytes;
    bytes.append(char((last ? 0x80 : 0x00) | (opcode & 0x0f)));
    const quint64 size = quint64(payload.size());
    if (size < 126) {
        bytes.append(char(size));
    } else if (size <= 0xffff) {
        bytes.append(char(126));
        quint16 big = qToBigEndian(quint16(size));
        bytes.append(reinterpret_cast<const char *>(&big), 2);
    } else {
        bytes.append(char(127));
        quint64 big = qToBigEndian(size);
        bytes.append(reinterpret_cast<const char *>(&big), 8);
    }
    return bytes + payload;
}

std::optional<RawFeedPeer::Header> RawFeedPeer::readHeader(const QByteArray &bytes)
{
    // The length of the header before the mask (if any), and of the payload.
    if (bytes.size() < 2)
        return std::nullopt;
    const quint64 size = quint8(bytes.at(1)) & 0x7f;
    if (size == 126) {
        if (bytes.size() < 4)
            return std::nullopt;
        return Header{4, qFromBigEndian<quint16>(bytes.constData() + 2)};
    }
    if (size == 127) {
        if (bytes.size() < 10)
            return std::nullopt;
        return Header{10, qFromBigEndian<quint64>(bytes.constData() + 2)};
    }
    return Header{2, size};
}

void RawFeedPeer::send(const QByteArray &bytes)
{
    if (!isConnected())
        return;
    m_socket->write(bytes);
    // Follow the frames sent, so that a pong never lands inside one (a test may send a frame
    // a few bytes at a time): the bytes left of the frame in progress, its header included.
    m_outgoing.append(bytes);
    while (!m_outgoing.isEmpty()) {
        const std::optional<Header> header = readHeader(m_outgoing);
        if (!header || quint64(m_outgoing.size()) < header->length + header->payload)
            return;
        m_outgoing.remove(0, header->length + qsizetype(header->payload));
    }
    // Between frames again: the pongs held back go now.
    m_socket->write(std::exchange(m_heldPongs, {}));
}

void RawFeedPeer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_socket)
            m_socket->abort();
        m_socket = socket;
        m_buffer.clear();
        m_outgoing.clear();
        m_heldPongs.clear();
        m_received.clear();
        m_upgraded = false;
        connect(socket, &QTcpSocket::readyRead, this, &RawFeedPeer::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void RawFeedPeer::onReadyRead()
{
    auto *socket = qobject_cast<QTcpSocket *>(sender());
    if (socket != m_socket)
        return;
    m_buffer += socket->readAll();
    if (!m_upgraded) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        QByteArray key;
        for (const QByteArray &line : m_buffer.left(end).split('\n')) {
            if (line.toLower().startsWith("sec-websocket-key:"))
                key = line.mid(line.indexOf(':') + 1).trimmed();
        }
        m_buffer.remove(0, end + 4);
        const QByteArray accept =
            QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                     QCryptographicHash::Sha1)
                .toBase64();
        socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                      "Connection: Upgrade\r\nSec-WebSocket-Accept: " +
                      accept + "\r\n\r\n");
        m_upgraded = true;
        ++m_connections;
        Q_EMIT clientConnected();
    }
    // Client frames: always masked, small here (no fragmentation).
    while (const std::optional<Header> frameHeader = readHeader(m_buffer)) {
        const quint8 opcode = quint8(m_buffer.at(0)) & 0x0f;
        const qsizetype header = frameHeader->length;
        const quint64 size = frameHeader->payload;
        if (quint64(m_buffer.size()) < header + 4 + size)
            return;
        const QByteArray mask = m_buffer.mid(header, 4);
        QByteArray payload = m_buffer.mid(header + 4, qsizetype(size));
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = char(payload.at(i) ^ mask.at(i % 4));
        m_buffer.remove(0, header + 4 + qsizetype(size));
        if (opcode == 0x1) {
            m_received.append(payload);
            Q_EMIT messageReceived(payload);
        } else if (opcode == 0x8) {
            socket->write(frame(0x8, payload.left(2)));
            socket->disconnectFromHost();
            return;
        } else if (opcode == 0x9) {
            // A pong for a ping, between frames: held while one is half sent.
            if (m_outgoing.isEmpty())
                socket->write(frame(0xA, payload));
            else
                m_heldPongs += frame(0xA, payload);
        }
    }
}

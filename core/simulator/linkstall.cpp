// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/linkstall.h"

#include <QWebSocket>

namespace LinkStall {

QTcpSocket *tcpOf(const QWebSocket *socket, const QObject *owner)
{
    // QWebSocketServer leaves the TCP socket where it was (the QTcpServer's child); the two
    // ends of one connection share the client's port.
    for (QTcpSocket *tcp : owner->findChildren<QTcpSocket *>()) {
        if (tcp->peerPort() == socket->peerPort() && tcp->peerAddress() == socket->peerAddress())
            return tcp;
    }
    return nullptr;
}

void setStalled(QTcpSocket *tcp, bool stalled)
{
    if (!tcp || tcp->signalsBlocked() == stalled)
        return;
    // The WebSocket reads on readyRead: without it, nothing is read.
    tcp->blockSignals(stalled);
    if (!stalled && tcp->bytesAvailable() > 0)
        Q_EMIT tcp->readyRead();
}

} // namespace LinkStall

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QTcpSocket>

class QObject;
class QWebSocket;

// Stops a server's side of a WebSocket connection for real, as a frozen server process or a
// relay that stopped forwarding would: nothing the client sends is read any more, so not
// even its WebSocket pings are answered (QWebSocketServer answers those by itself, which a
// server that merely sends nothing would go on doing). Sending still works. Resumed, what
// arrived meanwhile is read at once.
//
// `tcp` is the socket handed to QWebSocketServer::handleConnection(); tcpOf() finds it for
// the QWebSocket the server made of it, among `owner`'s children (the QTcpServer's sockets).
namespace LinkStall {

QTcpSocket *tcpOf(const QWebSocket *socket, const QObject *owner);
void setStalled(QTcpSocket *tcp, bool stalled);

} // namespace LinkStall

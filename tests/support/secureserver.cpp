// SPDX-License-Identifier: GPL-3.0-or-later
#include "secureserver.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QWebSocket>

using namespace Qt::StringLiterals;

QString testData(const char *name)
{
    return QStringLiteral(TM_TEST_DATA "/") + QLatin1String(name);
}

SecureServer::SecureServer(const char *certificate, const char *key)
    : server(u"tls test"_s, QWebSocketServer::SecureMode)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate::fromPath(testData(certificate)).value(0));
    QFile keyFile(testData(key));
    keyFile.open(QIODevice::ReadOnly);
    tls.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    server.setSslConfiguration(tls);
    connect(&server, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *socket = server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QWebSocket::textMessageReceived, this,
                    [this](const QString &text) { received.append(text); });
        }
    });
    // A client that refuses the certificate is an accept error here: expected, not news.
    connect(&server, &QWebSocketServer::acceptError, this, [] {});
    server.listen(QHostAddress::LocalHost, 0);
}

QUrl SecureServer::url(const QString &host) const
{
    return QUrl(u"wss://%1:%2/feed"_s.arg(host).arg(server.serverPort()));
}

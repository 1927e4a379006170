// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QWebSocketServer>

// A wss:// server on 127.0.0.1 with a certificate and key from tests/data (see its README):
// it accepts, and keeps what each client sends in received.
class SecureServer : public QObject
{
public:
    SecureServer(const char *certificate, const char *key);

    // wss://<host>:<port>/feed; "localhost" matches the test certificates.
    QUrl url(const QString &host) const;

    QWebSocketServer server;
    QStringList received;
};

// A file of tests/data.
QString testData(const char *name);

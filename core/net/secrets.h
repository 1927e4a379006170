// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QUrl;

// Secrets (the feed's auth token) that must never reach a log, an error message or a file.
// Remembered values, and the credentials of any URL (domain/Credentials), are replaced by
// "•••" wherever text passes through redact(), and in every log message once
// installMessageFilter() has run.
namespace Secrets {

void remember(const QString &secret);
// A feed's secrets: its token, and its URL's user info and credential values
// (Credentials::secretsOf). SocketManager calls it for every configuration it is given, so
// that they are known before the first connection and anything a server echoes is masked.
void rememberFeed(const QUrl &url, const QString &token);
void forgetAll();
QString redact(QString text);
// Wraps the current Qt message handler so that every log line is redacted first.
void installMessageFilter();

} // namespace Secrets

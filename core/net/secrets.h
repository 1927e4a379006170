// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Secrets (the feed's auth token) that must never reach a log, an error message or a file.
// Remembered values, and the credentials of any URL (domain/Credentials), are replaced by
// "•••" wherever text passes through redact(), and in every log message once
// installMessageFilter() has run.
namespace Secrets {

void remember(const QString &secret);
void forgetAll();
QString redact(QString text);
// Wraps the current Qt message handler so that every log line is redacted first.
void installMessageFilter();

} // namespace Secrets

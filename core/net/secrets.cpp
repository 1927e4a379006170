// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/secrets.h"

#include "domain/credentials.h"

#include <QMutex>
#include <QStringList>
#include <QUrl>

#include <algorithm>

namespace {

QMutex g_mutex;
QStringList g_secrets;
QtMessageHandler g_next = nullptr;

void filter(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_next)
        g_next(type, context, Secrets::redact(message));
}

} // namespace

namespace Secrets {

void remember(const QString &secret)
{
    // Very short values would redact ordinary words; a real token is never that short.
    if (secret.size() < 4)
        return;
    const QMutexLocker lock(&g_mutex);
    if (g_secrets.contains(secret))
        return;
    // Longest first: a secret that holds another (a value and its decoded form) is masked
    // whole, not around the shorter one.
    const auto at = std::find_if(g_secrets.begin(), g_secrets.end(),
                                 [&secret](const QString &s) { return s.size() < secret.size(); });
    g_secrets.insert(at, secret);
}

void rememberFeed(const QUrl &url, const QString &token)
{
    remember(token);
    for (const QString &secret : Credentials::secretsOf(url))
        remember(secret);
}

void forgetAll()
{
    const QMutexLocker lock(&g_mutex);
    g_secrets.clear();
}

QString redact(QString text)
{
    {
        const QMutexLocker lock(&g_mutex);
        for (const QString &secret : std::as_const(g_secrets))
            text.replace(secret, Credentials::mask());
    }
    // A URL's user info and credential parameters, whether or not they were remembered.
    return Credentials::maskUrlsIn(std::move(text));
}

void installMessageFilter()
{
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    g_next = qInstallMessageHandler(filter);
    if (!g_next)
        g_next = qt_message_output;
}

} // namespace Secrets

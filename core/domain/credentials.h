// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

// What in a feed's URL is a credential, and the URL as it may be written anywhere (a log, the
// connection log, the status bar, an error, an export, the window title): user info and the
// values of credential parameters (token, key, secret, password, auth, sig, … as whole names,
// in any case, with or without '-' and '_') masked. Browsers cannot set headers on a WebSocket, so
// many feeds take the token in the URL.
namespace Credentials {

// A query parameter's name that carries a secret ("token", "api_key", "X-Signature", …);
// the one list of them. "signal" or "tokens_left" are not.
bool isCredentialName(const QString &name);
// The secret values in `url`: its user name and password, and the values of its credential
// parameters, each as written in the URL and decoded.
QStringList secretsOf(const QUrl &url);
// `url` without user info and without credential parameters (the others keep their order):
// what may be written to the settings file.
QUrl withoutSecrets(const QUrl &url);
bool hasSecrets(const QUrl &url);
// ws://•••@host:9000/feed?token=•••&lang=en
QString maskedUrl(const QUrl &url);
// Every URL written in `text` masked the same way, as far as it can be told in plain text.
QString maskUrlsIn(QString text);

inline constexpr QChar kMask[] = {QChar(0x2022), QChar(0x2022), QChar(0x2022)};
inline QString mask()
{
    return QString(kMask, 3);
}

} // namespace Credentials

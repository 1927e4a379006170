// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/credentials.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Credentials {

namespace {

// A parameter's name as it is compared: lower case, without '-' and '_', so that "API_KEY",
// "api-key" and "apiKey" are one name.
QString folded(const QString &name)
{
    QString out;
    out.reserve(name.size());
    for (const QChar c : name) {
        if (c != u'-' && c != u'_')
            out += c.toLower();
    }
    return out;
}

} // namespace

bool isCredentialName(const QString &name)
{
    // Whole names only: "signal", "passive", "keyboard" or "tokens_left" are ordinary
    // parameters, and one taken for a secret would merge two accounts (Account) and hide
    // what tells them apart. Folded as folded() does.
    static const QSet<QString> names = {
        u"token"_s,      u"accesstoken"_s,   u"refreshtoken"_s, u"idtoken"_s,
        u"authtoken"_s,  u"xauthtoken"_s,    u"bearer"_s,       u"jwt"_s,
        u"auth"_s,       u"authorization"_s, u"authkey"_s,      u"key"_s,
        u"apikey"_s,     u"xapikey"_s,       u"accesskey"_s,    u"secretkey"_s,
        u"privatekey"_s, u"secret"_s,        u"clientsecret"_s, u"apisecret"_s,
        u"password"_s,   u"passwd"_s,        u"pwd"_s,          u"pass"_s,
        u"passphrase"_s, u"sig"_s,           u"signature"_s,    u"xsignature"_s,
        u"session"_s,    u"sessionid"_s,     u"sessiontoken"_s, u"sid"_s,
        u"credential"_s, u"credentials"_s,   u"otp"_s,
    };
    return names.contains(folded(name));
}

QStringList secretsOf(const QUrl &url)
{
    QStringList secrets;
    const auto add = [&secrets](const QString &value) {
        if (!value.isEmpty() && !secrets.contains(value))
            secrets.append(value);
    };
    add(url.userName(QUrl::FullyDecoded));
    add(url.userName(QUrl::FullyEncoded));
    add(url.password(QUrl::FullyDecoded));
    add(url.password(QUrl::FullyEncoded));
    const QUrlQuery query(url);
    for (const auto &[name, value] : query.queryItems(QUrl::FullyEncoded)) {
        if (!isCredentialName(QUrl::fromPercentEncoding(name.toUtf8())))
            continue;
        add(value);
        add(QUrl::fromPercentEncoding(value.toUtf8()));
    }
    return secrets;
}

QUrl withoutSecrets(const QUrl &url)
{
    QUrl out(url);
    out.setUserInfo(QString());
    if (!url.hasQuery())
        return out;
    const QUrlQuery query(url);
    QStringList kept;
    for (const auto &[name, value] : query.queryItems(QUrl::FullyEncoded)) {
        if (!isCredentialName(QUrl::fromPercentEncoding(name.toUtf8())))
            kept.append(value.isEmpty() ? name : name + u'=' + value);
    }
    if (kept.isEmpty())
        out.setQuery(QString());
    else
        out.setQuery(kept.join(u'&'), QUrl::TolerantMode);
    return out;
}

bool hasSecrets(const QUrl &url)
{
    if (!url.userInfo().isEmpty())
        return true;
    const QUrlQuery query(url);
    const auto items = query.queryItems(QUrl::FullyEncoded);
    return std::any_of(items.cbegin(), items.cend(), [](const auto &item) {
        return isCredentialName(QUrl::fromPercentEncoding(item.first.toUtf8()));
    });
}

QString maskedUrl(const QUrl &url)
{
    if (url.isEmpty())
        return {};
    return maskUrlsIn(url.toString(QUrl::FullyEncoded));
}

QString maskUrlsIn(QString text)
{
    // user[:password]@ after a scheme.
    static const QRegularExpression userInfo(u"([A-Za-z][A-Za-z0-9+.-]*://)[^/\\s@?#]+@"_s);
    text.replace(userInfo, u"\\1"_s + mask() + u'@');
    // name=value in a query, where the name says it is a credential.
    // A value ends at '&', ';', '#' or white space and nowhere else: a quote or an apostrophe
    // may be part of it.
    static const QRegularExpression parameter(u"([?&;])([^=&#\\s?;]+)=([^&#\\s;]*)"_s);
    QString out;
    out.reserve(text.size());
    qsizetype from = 0;
    for (const QRegularExpressionMatch &match : parameter.globalMatch(text)) {
        if (!isCredentialName(QUrl::fromPercentEncoding(match.captured(2).toUtf8())) ||
            match.capturedLength(3) == 0)
            continue;
        out += QStringView(text).mid(from, match.capturedStart(3) - from);
        out += mask();
        from = match.capturedEnd(3);
    }
    if (from == 0)
        return text;
    out += QStringView(text).mid(from);
    return out;
}

} // namespace Credentials

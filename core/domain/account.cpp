// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/account.h"

#include "domain/credentials.h"

#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr auto kDemo = "demo"_L1;
constexpr auto kUnknown = "unknown"_L1;

int defaultPort(const QString &scheme)
{
    return scheme == "wss"_L1 || scheme == "https"_L1 ? 443 : 80;
}

} // namespace

Account Account::of(const QUrl &url, qint64 traderId)
{
    return {normalisedEndpoint(url), traderId};
}

Account Account::demo(qint64 traderId)
{
    return {QString(kDemo), traderId};
}

bool Account::isDemo() const
{
    return endpoint == kDemo;
}

QString Account::normalisedEndpoint(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    QUrlQuery query(url);
    QList<std::pair<QString, QString>> kept;
    for (const auto &[name, value] : query.queryItems(QUrl::FullyEncoded)) {
        if (!Credentials::isCredentialName(name))
            kept.append({name, value});
    }
    // The order of parameters does not make another server.
    std::sort(kept.begin(), kept.end());
    QStringList parts;
    for (const auto &[name, value] : std::as_const(kept))
        parts.append(value.isEmpty() ? name : u"%1=%2"_s.arg(name, value));
    // host() is lower case already (QUrl normalises it); IPv6 needs its brackets back.
    QString host = url.host(QUrl::FullyEncoded).toLower();
    if (host.contains(u':'))
        host = u'[' + host + u']';
    QString endpoint =
        u"%1://%2:%3%4"_s.arg(scheme, host).arg(url.port(defaultPort(scheme))).arg(path);
    if (!parts.isEmpty())
        endpoint += u'?' + parts.join(u'&');
    return endpoint;
}

QString Account::key() const
{
    if (isUnknown())
        return QString(kUnknown);
    return u"%1@%2"_s.arg(traderId).arg(endpoint);
}

Account Account::fromKey(const QString &key)
{
    const qsizetype at = key.indexOf(u'@');
    if (at <= 0)
        return unknown();
    bool ok = false;
    const qint64 traderId = key.left(at).toLongLong(&ok);
    const QString endpoint = key.mid(at + 1);
    if (!ok || endpoint.isEmpty())
        return unknown();
    return {endpoint, traderId};
}

QString Account::displayName() const
{
    if (isUnknown())
        return tr("Unknown account");
    if (isDemo())
        return tr("Demo account %1").arg(traderId);
    const QUrl url(endpoint);
    QString where = url.host();
    if (where.contains(u':'))
        where = u'[' + where + u']';
    if (url.port() > 0 && url.port() != defaultPort(url.scheme()))
        where += u":%1"_s.arg(url.port());
    return tr("%1 @ %2").arg(traderId).arg(where);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/credentials.h"

#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace Credentials {

bool isCredentialName(const QString &name)
{
    static const char *const words[] = {"token", "key", "secret",  "pass", "pwd",
                                        "auth",  "sig", "session", "cred", "jwt"};
    const QString lower = name.toLower();
    return std::any_of(std::begin(words), std::end(words),
                       [&lower](const char *word) { return lower.contains(QLatin1String(word)); });
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
    static const QRegularExpression parameter(u"([?&;])([^=&#\\s?;]+)=([^&#\\s;\"']*)"_s);
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

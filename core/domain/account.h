// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

class QUrl;

// Whose trades these are: the feed's endpoint, normalised, and the trader id. The same
// ticket from two trader ids or two servers is two trades. The endpoint keeps what tells
// servers apart (scheme, host in lower case, explicit port, path, the query) and never what
// is secret (user info, credential-like query parameters, the token): it is stored in the
// history file and shown in the window.
struct Account
{
    Q_DECLARE_TR_FUNCTIONS(Account)

public:
    QString endpoint; // "wss://feed.example.com:443/positions"; "demo"; empty: unknown
    qint64 traderId = 0;

    static Account of(const QUrl &url, qint64 traderId);
    // The built-in demo feed's simulated account: its history is never written to a file.
    static Account demo(qint64 traderId);
    // Rows from before accounts existed, when no feed was configured.
    static Account unknown() { return {}; }
    // Reads key() back; an unreadable key is unknown.
    static Account fromKey(const QString &key);
    // scheme://host:port/path?query, normalised as above. No DNS lookup.
    static QString normalisedEndpoint(const QUrl &url);

    bool isUnknown() const { return endpoint.isEmpty(); }
    bool isDemo() const;
    // "10260@wss://feed.example.com:443/positions", "10260@demo", "unknown": the column value.
    QString key() const;
    // "10260 @ feed.example.com" (the port when it is not the scheme's own), "Demo account
    // 10260", "Unknown account".
    QString displayName() const;

    bool operator==(const Account &other) const
    {
        return endpoint == other.endpoint && traderId == other.traderId;
    }
    bool operator!=(const Account &other) const { return !(*this == other); }
};

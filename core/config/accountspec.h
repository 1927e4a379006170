// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/account.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

// One account a trader watches, as the command line's --account names it: a feed URL, the
// trader id there, the wire format and a name to show. Parsed from `key=value` pairs separated
// by ';' (url=… required, and last, so that a URL may hold ';'): for example
// "trader=10260;name=Main;url=wss://feed.example.com/positions". The token is never part of
// it (it comes from the secret store, per account).
struct AccountSpec
{
    QString name; // empty: the account's own display name
    QUrl url;
    qint64 traderId = 0; // 0: not given (the default trader id)
    QString profile;     // a built-in profile's name or a profile file; empty: native

    bool operator==(const AccountSpec &other) const
    {
        return name == other.name && url == other.url && traderId == other.traderId &&
               profile == other.profile;
    }
    bool operator!=(const AccountSpec &other) const { return !(*this == other); }

    // The spec `text`, or nullopt with what is wrong in `error` (a key no spec has, a key
    // given twice, no url=, a bad URL, trader id or profile).
    static std::optional<AccountSpec> parse(const QString &text, QString *error);
    // Two specs of one account (the same trader id at the same endpoint), or of one name (the
    // window tells accounts apart by name): the first such pair in `specs`, said as an error;
    // empty when there is none.
    static QString duplicates(const QList<AccountSpec> &specs);

    // Whose trades these are (the history's key).
    Account account() const;
    // The name, else "10260 @ feed.example.com".
    QString displayName() const;
};

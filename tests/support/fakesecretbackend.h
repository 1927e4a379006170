// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/secretstore.h"

#include <QHash>

// A keychain the test controls: it answers or not (`available`), and shows what it holds.
class FakeSecretBackend : public SecretBackend
{
public:
    QString location() const override { return QStringLiteral("the fake keychain"); }
    Result read(const QString &key, QString *value, QString *) override
    {
        if (!available)
            return Result::Unavailable;
        if (!secrets.contains(key))
            return Result::NotFound;
        *value = secrets.value(key);
        return Result::Ok;
    }
    Result write(const QString &key, const QString &value, QString *error) override
    {
        if (!available) {
            if (error)
                *error = QStringLiteral("no keychain");
            return Result::Unavailable;
        }
        secrets.insert(key, value);
        return Result::Ok;
    }
    Result remove(const QString &key, QString *) override
    {
        if (!available)
            return Result::Unavailable;
        return secrets.remove(key) ? Result::Ok : Result::NotFound;
    }

    bool available = true;
    QHash<QString, QString> secrets;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Where a secret (the feed's token) is kept, never in the settings file: the system keychain
// (QtKeychain: the Secret Service, KWallet, the Windows credential store, the macOS keychain)
// where one answers, else a file only its user can read (0600) beside the settings.
class SecretBackend
{
public:
    enum class Result { Ok, NotFound, Unavailable, Failed };

    virtual ~SecretBackend() = default;
    // "the system keychain", or the file's path: where the user can find it.
    virtual QString location() const = 0;
    virtual Result read(const QString &key, QString *value, QString *error) = 0;
    virtual Result write(const QString &key, const QString &value, QString *error) = 0;
    virtual Result remove(const QString &key, QString *error) = 0;
};

// One file per secret in a folder, readable and writable by its owner alone.
class FileSecretBackend : public SecretBackend
{
public:
    explicit FileSecretBackend(const QString &folder);
    QString location() const override { return m_folder; }
    Result read(const QString &key, QString *value, QString *error) override;
    Result write(const QString &key, const QString &value, QString *error) override;
    Result remove(const QString &key, QString *error) override;
    QString pathOf(const QString &key) const;

private:
    QString m_folder;
};

// The system keychain through QtKeychain, service "trade-monitor". Its jobs are asynchronous;
// each call waits for its own (at most a few seconds) in a local event loop.
class KeychainSecretBackend : public SecretBackend
{
public:
    QString location() const override;
    Result read(const QString &key, QString *value, QString *error) override;
    Result write(const QString &key, const QString &value, QString *error) override;
    Result remove(const QString &key, QString *error) override;
};

// The feed's secrets, each under its own key: the token, and the user info and credentials of a
// feed URL (per account). Each is in the keychain when it answers, else in the file; a new
// value replaces the old wherever it was. One copy wins, the newest:
// - a copy in the file exists only because the keychain did not answer when it was written,
//   so it wins over the keychain's, and moves there as soon as the keychain answers;
// - a value cleared while the keychain did not answer leaves a marker beside the file
//   ("<key>.cleared"): the keychain's older copy counts as gone, and is removed as soon as the
//   keychain answers.
class TokenStore
{
public:
    static constexpr auto kKey = "feed-token";

    // Not owned; `keychain` may be null (none on this system).
    TokenStore(SecretBackend *keychain, SecretBackend *file);

    // The saved token, empty when there is none.
    QString read(QString *error = nullptr) { return readSecret(QLatin1String(kKey), error); }
    bool write(const QString &token, QString *error = nullptr)
    {
        return writeSecret(QLatin1String(kKey), token, error);
    }
    // Any secret by key; an empty value clears it.
    QString readSecret(const QString &key, QString *error = nullptr);
    bool writeSecret(const QString &key, const QString &value, QString *error = nullptr);
    // Where the last read or write found or put it.
    QString location() const { return m_location; }

private:
    static QString clearedKey(const QString &key) { return key + QLatin1String(".cleared"); }
    bool hasClearedMarker(const QString &key);

    SecretBackend *m_keychain = nullptr;
    SecretBackend *m_file = nullptr;
    QString m_location;
};

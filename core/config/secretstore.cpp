// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/secretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTimer>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcSecrets, "trademonitor.secrets")

using namespace Qt::StringLiterals;

namespace {
constexpr QFile::Permissions kOwnerOnly = QFile::ReadOwner | QFile::WriteOwner;
constexpr auto kService = "trade-monitor";
// A keychain that has not answered by then is taken as none.
constexpr int kKeychainTimeoutMs = 5000;
} // namespace

FileSecretBackend::FileSecretBackend(const QString &folder)
    : m_folder(folder)
{}

QString FileSecretBackend::pathOf(const QString &key) const
{
    return QDir(m_folder).filePath(key);
}

SecretBackend::Result FileSecretBackend::read(const QString &key, QString *value, QString *error)
{
    QFile file(pathOf(key));
    if (!file.exists())
        return Result::NotFound;
    // Whatever made it readable to others, it is the user's alone from now on.
    if ((file.permissions() & ~(kOwnerOnly | QFile::ReadUser | QFile::WriteUser)) != 0)
        file.setPermissions(kOwnerOnly);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return Result::Failed;
    }
    *value = QString::fromUtf8(file.readAll()).trimmed();
    return Result::Ok;
}

SecretBackend::Result FileSecretBackend::write(const QString &key, const QString &value,
                                               QString *error)
{
    if (!QDir().mkpath(m_folder)) {
        if (error)
            *error = u"cannot create %1"_s.arg(QDir::toNativeSeparators(m_folder));
        return Result::Failed;
    }
    QSaveFile file(pathOf(key));
    // Owner-only before a byte of the secret is written.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(kOwnerOnly) ||
        file.write(value.toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return Result::Failed;
    }
    QFile::setPermissions(pathOf(key), kOwnerOnly);
    return Result::Ok;
}

SecretBackend::Result FileSecretBackend::remove(const QString &key, QString *error)
{
    QFile file(pathOf(key));
    if (!file.exists())
        return Result::NotFound;
    if (!file.remove()) {
        if (error)
            *error = file.errorString();
        return Result::Failed;
    }
    return Result::Ok;
}

namespace {
SecretBackend::Result runJob(QKeychain::Job *job, QString *error)
{
    job->setAutoDelete(false);
    job->setInsecureFallback(false); // never QtKeychain's own plain-text store
    QEventLoop loop;
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(kKeychainTimeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!finished)
        loop.exec();
    if (!finished) {
        if (error)
            *error = u"the keychain did not answer"_s;
        job->deleteLater();
        return SecretBackend::Result::Unavailable;
    }
    const QKeychain::Error code = job->error();
    if (error && code != QKeychain::NoError)
        *error = job->errorString();
    job->deleteLater();
    switch (code) {
    case QKeychain::NoError:
        return SecretBackend::Result::Ok;
    case QKeychain::EntryNotFound:
        return SecretBackend::Result::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return SecretBackend::Result::Unavailable;
    default:
        // No D-Bus session, no Secret Service: as good as none.
        return SecretBackend::Result::Unavailable;
    }
}
} // namespace

QString KeychainSecretBackend::location() const
{
    return QCoreApplication::translate("SecretStore", "the system keychain");
}

SecretBackend::Result KeychainSecretBackend::read(const QString &key, QString *value,
                                                  QString *error)
{
    auto *job = new QKeychain::ReadPasswordJob(QLatin1String(kService));
    job->setKey(key);
    const Result result = runJob(job, error);
    if (result == Result::Ok)
        *value = job->textData();
    return result;
}

SecretBackend::Result KeychainSecretBackend::write(const QString &key, const QString &value,
                                                   QString *error)
{
    auto *job = new QKeychain::WritePasswordJob(QLatin1String(kService));
    job->setKey(key);
    job->setTextData(value);
    return runJob(job, error);
}

SecretBackend::Result KeychainSecretBackend::remove(const QString &key, QString *error)
{
    auto *job = new QKeychain::DeletePasswordJob(QLatin1String(kService));
    job->setKey(key);
    return runJob(job, error);
}

TokenStore::TokenStore(SecretBackend *keychain, SecretBackend *file)
    : m_keychain(keychain)
    , m_file(file)
{}

bool TokenStore::hasClearedMarker(const QString &key)
{
    QString unused;
    return m_file->read(clearedKey(key), &unused, nullptr) == SecretBackend::Result::Ok;
}

QString TokenStore::readSecret(const QString &key, QString *error)
{
    QString value;
    QString problem;
    // The file's copy is the newest (written while the keychain did not answer).
    const SecretBackend::Result inFile = m_file->read(key, &value, &problem);
    if (inFile == SecretBackend::Result::Ok && !value.isEmpty()) {
        m_location = m_file->location();
        if (m_keychain && m_keychain->write(key, value, &problem) == SecretBackend::Result::Ok) {
            // The keychain answers again: it holds the newest now, and the file nothing.
            m_file->remove(key, &problem);
            m_file->remove(clearedKey(key), &problem);
            m_location = m_keychain->location();
        }
        return value;
    }
    if (inFile == SecretBackend::Result::Failed && error)
        *error = problem;
    if (!m_keychain)
        return {};
    if (hasClearedMarker(key)) {
        // Cleared while the keychain did not answer: its copy is older than that.
        const SecretBackend::Result removed = m_keychain->remove(key, &problem);
        if (removed == SecretBackend::Result::Ok || removed == SecretBackend::Result::NotFound)
            m_file->remove(clearedKey(key), &problem);
        m_location.clear();
        return {};
    }
    const SecretBackend::Result result = m_keychain->read(key, &value, &problem);
    if (result == SecretBackend::Result::Ok) {
        m_location = m_keychain->location();
        return value;
    }
    if (result == SecretBackend::Result::Failed && error)
        *error = problem;
    m_location.clear();
    return {};
}

bool TokenStore::writeSecret(const QString &key, const QString &value, QString *error)
{
    QString problem;
    if (value.isEmpty()) {
        // Every copy it can reach goes; a keychain that does not answer is remembered.
        if (m_keychain) {
            const SecretBackend::Result removed = m_keychain->remove(key, &problem);
            if (removed == SecretBackend::Result::Ok || removed == SecretBackend::Result::NotFound)
                m_file->remove(clearedKey(key), &problem);
            else
                m_file->write(clearedKey(key), QStringLiteral("1"), &problem);
        }
        m_file->remove(key, &problem);
        m_location.clear();
        return true;
    }
    if (m_keychain && m_keychain->write(key, value, &problem) == SecretBackend::Result::Ok) {
        // One place only: a copy left in the file would win over this one.
        m_file->remove(key, &problem);
        m_file->remove(clearedKey(key), &problem);
        m_location = m_keychain->location();
        return true;
    }
    if (m_keychain)
        qCInfo(lcSecrets).noquote()
            << "no keychain:" << problem << "- keeping" << key << "in" << m_file->location();
    // In the file, it wins over whatever older copy the keychain holds.
    if (m_file->write(key, value, &problem) != SecretBackend::Result::Ok) {
        if (error)
            *error = problem;
        return false;
    }
    m_file->remove(clearedKey(key), &problem);
    m_location = m_file->location();
    return true;
}

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

QString TokenStore::read(QString *error)
{
    QString value;
    QString problem;
    if (m_keychain) {
        const SecretBackend::Result result =
            m_keychain->read(QLatin1String(kKey), &value, &problem);
        if (result == SecretBackend::Result::Ok) {
            m_location = m_keychain->location();
            return value;
        }
        if (result == SecretBackend::Result::Failed && error)
            *error = problem;
    }
    if (m_file->read(QLatin1String(kKey), &value, &problem) == SecretBackend::Result::Ok) {
        m_location = m_file->location();
        return value;
    }
    m_location.clear();
    return {};
}

bool TokenStore::write(const QString &token, QString *error)
{
    QString problem;
    if (token.isEmpty()) {
        if (m_keychain)
            m_keychain->remove(QLatin1String(kKey), &problem);
        m_file->remove(QLatin1String(kKey), &problem);
        m_location.clear();
        return true;
    }
    if (m_keychain &&
        m_keychain->write(QLatin1String(kKey), token, &problem) == SecretBackend::Result::Ok) {
        // One place only: a copy left in the file would outlive a change in the keychain.
        m_file->remove(QLatin1String(kKey), &problem);
        m_location = m_keychain->location();
        return true;
    }
    if (m_keychain)
        qCInfo(lcSecrets).noquote()
            << "no keychain:" << problem << "- keeping the token in" << m_file->location();
    if (m_file->write(QLatin1String(kKey), token, &problem) != SecretBackend::Result::Ok) {
        if (error)
            *error = problem;
        return false;
    }
    m_location = m_file->location();
    return true;
}

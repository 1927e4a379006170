// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/appsettings.h"

#include "config/feedsettings.h"
#include "config/secretstore.h"
#include "domain/account.h"
#include "domain/credentials.h"
#include "protocol/feedprofile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

AppSettings::AppSettings(QSettings *settings, TokenStore *tokens)
    : m_settings(settings ? settings : new QSettings)
    , m_owned(!settings)
    , m_tokens(tokens)
{
    if (!m_tokens) {
        m_ownFile =
            std::make_unique<FileSecretBackend>(QFileInfo(m_settings->fileName()).absolutePath());
        m_ownTokens = std::make_unique<TokenStore>(nullptr, m_ownFile.get());
        m_tokens = m_ownTokens.get();
    }
}

AppSettings::~AppSettings()
{
    if (m_owned)
        delete m_settings;
}

namespace {

// A secret store key of one account's, fit for a file name and a keychain entry, that names
// neither the server nor the trader: `prefix` and a hash of the account.
QString accountSecretKey(QStringView prefix, const QUrl &url, qint64 traderId)
{
    const QByteArray account = Account::of(url, traderId).key().toUtf8();
    return prefix.toString() +
           QString::fromLatin1(
               QCryptographicHash::hash(account, QCryptographicHash::Sha256).toHex().left(32));
}

// Where a feed URL's user info and credential parameters are kept, per account.
QString urlSecretsKey(const QUrl &url, qint64 traderId)
{
    return accountSecretKey(u"feed-url-", url, traderId);
}

// Where the token of a server other than the saved feed's is kept.
QString serverTokenKey(const QUrl &url, qint64 traderId)
{
    return accountSecretKey(u"feed-token-", url, traderId);
}

} // namespace

SocketConfig AppSettings::feedConfig() const
{
    m_problems.clear();
    SocketConfig config = FeedProfile::native().configFor(QUrl(), Defaults::kTraderId);
    const QString url = m_settings->value(QLatin1String(FeedSetting::kUrlKey)).toString().trimmed();
    if (!url.isEmpty()) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (const QString invalid = SocketConfig::validateUrl(parsed); invalid.isEmpty())
            config.url = parsed;
        else
            m_problems.append(
                u"%1: %2 Using the demo feed."_s.arg(QLatin1String(FeedSetting::kUrlKey), invalid));
    }
    forgetOldReconnectDefaults();
    for (const FeedSetting &setting : FeedSetting::all()) {
        const QVariant value = m_settings->value(setting.settingsKey());
        if (!value.isValid())
            continue;
        bool ok = false;
        const qint64 number = value.toString().trimmed().toLongLong(&ok);
        if (!ok || !setting.range.contains(number)) {
            m_problems.append(u"%1: \"%2\" is not a whole number from %3 to %4; using %5."_s
                                  .arg(setting.settingsKey(), value.toString())
                                  .arg(setting.range.min)
                                  .arg(setting.range.max)
                                  .arg(setting.valueIn(config)));
            continue;
        }
        setting.setIn(config, number);
    }
    if (config.reconnectMax < config.reconnectMin) {
        m_problems.append(u"%1 is shorter than %2; using the defaults."_s.arg(
            FeedSetting::of(FeedSetting::Id::ReconnectMax).settingsKey(),
            FeedSetting::of(FeedSetting::Id::ReconnectMin).settingsKey()));
        config.reconnectMin = Defaults::kReconnectMin;
        config.reconnectMax = Defaults::kReconnectMax;
    }
    restoreUrlSecrets(config);
    // A token in the settings file (an older version kept it there): moved to the store.
    const QString kept =
        m_settings->value(QLatin1String(FeedSetting::kTokenKey)).toString().trimmed();
    if (!kept.isEmpty()) {
        QString error;
        if (m_tokens->write(kept, &error)) {
            m_settings->remove(QLatin1String(FeedSetting::kTokenKey));
            m_settings->sync();
        } else {
            m_problems.append(u"%1: could not be moved out of the settings file: %2"_s.arg(
                QLatin1String(FeedSetting::kTokenKey), error));
        }
    }
    config.token = kept.isEmpty() ? m_tokens->read() : kept;
    FeedProfile::fillPayloads(config);
    const QString name =
        m_settings->value(QLatin1String(FeedSetting::kProfileKey)).toString().trimmed();
    if (!name.isEmpty()) {
        QString problem;
        if (const auto profile = FeedProfile::load(name, &problem))
            profile->applyTo(config);
        else
            m_problems.append(u"%1: %2; using the native protocol."_s.arg(
                QLatin1String(FeedSetting::kProfileKey), problem));
    }
    return config;
}

void AppSettings::forgetOldReconnectDefaults() const
{
    // Earlier versions wrote every value on save, their reconnect defaults (1 s to 30 s)
    // among them: that pair is theirs, not the user's, and gives way to today's schedule.
    const QString minKey = FeedSetting::of(FeedSetting::Id::ReconnectMin).settingsKey();
    const QString maxKey = FeedSetting::of(FeedSetting::Id::ReconnectMax).settingsKey();
    if (m_settings->value(minKey).toString() == "1000"_L1 &&
        m_settings->value(maxKey).toString() == "30000"_L1) {
        m_settings->remove(minKey);
        m_settings->remove(maxKey);
        m_settings->sync();
    }
}

void AppSettings::restoreUrlSecrets(SocketConfig &config) const
{
    if (config.url.isEmpty())
        return;
    const QString key = urlSecretsKey(config.url, config.traderId);
    QString error;
    if (Credentials::hasSecrets(config.url)) {
        // Written by an earlier version, which kept the URL as typed: moved to the store.
        if (m_tokens->writeSecret(key, config.url.toString(QUrl::FullyEncoded), &error)) {
            m_settings->setValue(QLatin1String(FeedSetting::kUrlKey),
                                 Credentials::withoutSecrets(config.url).toString());
            m_settings->sync();
        } else {
            m_problems.append(u"%1: its credentials could not be moved out of the settings "
                              "file: %2"_s.arg(QLatin1String(FeedSetting::kUrlKey), error));
        }
        return;
    }
    config.url = withKeptSecrets(config.url, config.traderId);
}

QUrl AppSettings::withKeptSecrets(const QUrl &url, qint64 traderId) const
{
    QString error;
    const QString kept = m_tokens->readSecret(urlSecretsKey(url, traderId), &error);
    if (!error.isEmpty())
        m_problems.append(u"%1: its credentials could not be read: %2"_s.arg(
            Account::of(url, traderId).displayName(), error));
    if (kept.isEmpty())
        return url;
    // They belong to this URL only: the same account, the credentials put back.
    const QUrl full(kept, QUrl::StrictMode);
    if (full.isValid() && Account::of(full, traderId) == Account::of(url, traderId))
        return full;
    return url;
}

QUrl AppSettings::keepSecrets(const QUrl &url, qint64 traderId)
{
    QString error;
    const QString secrets =
        Credentials::hasSecrets(url) ? url.toString(QUrl::FullyEncoded) : QString();
    if (!m_tokens->writeSecret(urlSecretsKey(url, traderId), secrets, &error))
        m_problems.append(QCoreApplication::translate(
                              "AppSettings", "The feed URL's credentials could not be saved: %1")
                              .arg(error));
    return Credentials::withoutSecrets(url);
}

QList<AccountSpec> AppSettings::accounts() const
{
    QList<AccountSpec> accounts;
    const int count = m_settings->beginReadArray(u"accounts"_s);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        AccountSpec spec;
        spec.name = m_settings->value(u"name"_s).toString();
        const QString where = u"accounts/%1"_s.arg(i + 1);
        const QUrl url(m_settings->value(u"url"_s).toString(), QUrl::StrictMode);
        if (const QString invalid = SocketConfig::validateUrl(url); !invalid.isEmpty()) {
            m_problems.append(u"%1: %2; left out."_s.arg(where, invalid));
            continue;
        }
        bool ok = true;
        const QVariant trader = m_settings->value(u"traderId"_s);
        spec.traderId = trader.isNull() ? 0 : trader.toLongLong(&ok);
        if (!ok || spec.traderId < 0) {
            m_problems.append(u"%1: the trader id \"%2\" is not a positive number; left out."_s.arg(
                where, trader.toString()));
            continue;
        }
        spec.profile = m_settings->value(u"profile"_s).toString();
        spec.url = withKeptSecrets(url, spec.account().traderId);
        if (const QString twice = AccountSpec::duplicates(accounts + QList{spec});
            !twice.isEmpty()) {
            m_problems.append(u"%1: %2; left out."_s.arg(where, twice));
            continue;
        }
        accounts.append(spec);
    }
    m_settings->endArray();
    return accounts;
}

void AppSettings::setAccounts(const QList<AccountSpec> &accounts)
{
    m_settings->remove(u"accounts"_s);
    m_settings->beginWriteArray(u"accounts"_s, int(accounts.size()));
    for (int i = 0; i < accounts.size(); ++i) {
        const AccountSpec &spec = accounts.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(u"name"_s, spec.name);
        m_settings->setValue(u"url"_s, keepSecrets(spec.url, spec.account().traderId).toString());
        if (spec.traderId > 0)
            m_settings->setValue(u"traderId"_s, spec.traderId);
        if (!spec.profile.isEmpty())
            m_settings->setValue(u"profile"_s, spec.profile);
    }
    m_settings->endArray();
    m_settings->sync();
}

void AppSettings::setFeedConfig(const SocketConfig &config)
{
    // The URL's user info and credentials go to the secret store, per account; the settings
    // file holds the URL without them.
    m_settings->setValue(
        QLatin1String(FeedSetting::kUrlKey),
        config.url.isEmpty() ? QString() : keepSecrets(config.url, config.traderId).toString());
    m_settings->setValue(QLatin1String(FeedSetting::kProfileKey), config.profile);
    // Never in the settings file.
    m_settings->remove(QLatin1String(FeedSetting::kTokenKey));
    QString error;
    if (!m_tokens->write(config.token, &error))
        m_problems.append(
            QCoreApplication::translate("AppSettings", "The token could not be saved: %1")
                .arg(error));
    // Only what differs from the defaults is kept, so that a better default in a later version
    // reaches everyone who never chose a value of their own.
    for (const FeedSetting &setting : FeedSetting::all()) {
        if (setting.valueIn(config) == setting.defaultValue())
            m_settings->remove(setting.settingsKey());
        else
            m_settings->setValue(setting.settingsKey(), setting.valueIn(config));
    }
    m_settings->sync();
}

AlertSettings AppSettings::alertSettings() const
{
    m_problems.clear();
    AlertSettings alerts;
    for (const AlertSetting &row : AlertSetting::all()) {
        const QString key = QLatin1String(row.key);
        const QVariant value = m_settings->value(key);
        if (!value.isValid())
            continue;
        const QString text = value.toString().trimmed();
        bool ok = false;
        const QVariant kept = row.member.valueIn(alerts);
        switch (row.kind) {
        case AlertSetting::Kind::Flag: {
            const QString word = text.toLower();
            ok = word == "true"_L1 || word == "1"_L1 || word == "false"_L1 || word == "0"_L1;
            if (ok)
                row.member.setIn(alerts, word == "true"_L1 || word == "1"_L1);
            else
                m_problems.append(u"%1: \"%2\" is not true or false; using %3."_s.arg(
                    key, value.toString(), kept.toBool() ? u"true"_s : u"false"_s));
            break;
        }
        case AlertSetting::Kind::Percent: {
            const double percent = text.toDouble(&ok);
            if (ok && percent >= row.min && percent <= row.max)
                row.member.setIn(alerts, percent);
            else
                m_problems.append(u"%1: \"%2\" is not a percentage from %3 to %4; using %5."_s
                                      .arg(key, value.toString())
                                      .arg(row.min)
                                      .arg(row.max)
                                      .arg(kept.toDouble()));
            break;
        }
        case AlertSetting::Kind::Milliseconds: {
            const qint64 ms = text.toLongLong(&ok);
            if (ok && ms >= qint64(row.min) && ms <= qint64(row.max))
                row.member.setIn(alerts, ms);
            else
                m_problems.append(u"%1: \"%2\" is not a whole number from %3 to %4; using %5."_s
                                      .arg(key, value.toString())
                                      .arg(qint64(row.min))
                                      .arg(qint64(row.max))
                                      .arg(kept.toLongLong()));
            break;
        }
        }
    }
    return alerts;
}

void AppSettings::setAlertSettings(const AlertSettings &alerts)
{
    // A switch as true/false, a number as it is: what a person editing the file expects.
    for (const AlertSetting &row : AlertSetting::all())
        m_settings->setValue(QLatin1String(row.key), row.member.valueIn(alerts));
    m_settings->sync();
}

namespace {
constexpr char kLanguageKey[] = "ui/language";
constexpr char kColorSchemeKey[] = "ui/colorScheme";

constexpr std::pair<ColorScheme, const char *> kColorSchemeNames[] = {
    {ColorScheme::System, "system"},
    {ColorScheme::Light, "light"},
    {ColorScheme::Dark, "dark"},
};
} // namespace

ColorScheme AppSettings::colorScheme() const
{
    const QString value =
        m_settings->value(QLatin1String(kColorSchemeKey)).toString().trimmed().toLower();
    for (const auto &[scheme, name] : kColorSchemeNames) {
        if (value == QLatin1String(name))
            return scheme;
    }
    return ColorScheme::System;
}

void AppSettings::setColorScheme(ColorScheme scheme)
{
    for (const auto &[known, name] : kColorSchemeNames) {
        if (known == scheme)
            m_settings->setValue(QLatin1String(kColorSchemeKey), QLatin1String(name));
    }
    m_settings->sync();
}

QStringList AppSettings::languages()
{
    return {u"system"_s, u"en"_s, u"zh_CN"_s};
}

QString AppSettings::language() const
{
    const QString value = m_settings->value(QLatin1String(kLanguageKey)).toString().trimmed();
    return languages().contains(value) ? value : u"system"_s;
}

void AppSettings::setLanguage(const QString &language)
{
    if (languages().contains(language))
        m_settings->setValue(QLatin1String(kLanguageKey), language);
    m_settings->sync();
}

bool AppSettings::isSavedFeed(const QUrl &url) const
{
    // The saved URL as the file holds it (without credentials: the endpoint has none anyway).
    const QUrl saved(m_settings->value(QLatin1String(FeedSetting::kUrlKey)).toString().trimmed());
    return Account::normalisedEndpoint(url) == Account::normalisedEndpoint(saved);
}

QString AppSettings::tokenFor(const QUrl &url, qint64 traderId) const
{
    QString error;
    if (isSavedFeed(url)) {
        const QString token = m_tokens->read(&error);
        if (!error.isEmpty())
            m_problems.append(u"The token could not be read: %1"_s.arg(error));
        return token;
    }
    const QString token = m_tokens->readSecret(serverTokenKey(url, traderId), &error);
    if (!error.isEmpty())
        m_problems.append(u"The token for %1 could not be read: %2"_s.arg(
            Account::of(url, traderId).displayName(), error));
    return token;
}

void AppSettings::setTokenFor(const QUrl &url, qint64 traderId, const QString &token)
{
    QString error;
    if (isSavedFeed(url)) {
        if (!m_tokens->write(token, &error))
            m_problems.append(
                QCoreApplication::translate("AppSettings", "The token could not be saved: %1")
                    .arg(error));
        return;
    }
    if (!m_tokens->writeSecret(serverTokenKey(url, traderId), token, &error))
        m_problems.append(
            QCoreApplication::translate("AppSettings", "The token could not be saved: %1")
                .arg(error));
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/appsettings.h"

#include "config/feedsettings.h"
#include "protocol/feedprofile.h"

#include <QSettings>

using namespace Qt::StringLiterals;

AppSettings::AppSettings(QSettings *settings)
    : m_settings(settings ? settings : new QSettings)
    , m_owned(!settings)
{}

AppSettings::~AppSettings()
{
    if (m_owned)
        delete m_settings;
}

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
    config.token = m_settings->value(QLatin1String(FeedSetting::kTokenKey)).toString().trimmed();
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

void AppSettings::setFeedConfig(const SocketConfig &config)
{
    m_settings->setValue(QLatin1String(FeedSetting::kUrlKey), config.url.toString());
    m_settings->setValue(QLatin1String(FeedSetting::kProfileKey), config.profile);
    if (config.token.isEmpty())
        m_settings->remove(QLatin1String(FeedSetting::kTokenKey));
    else
        m_settings->setValue(QLatin1String(FeedSetting::kTokenKey), config.token);
    for (const FeedSetting &setting : FeedSetting::all())
        m_settings->setValue(setting.settingsKey(), setting.valueIn(config));
    m_settings->sync();
}

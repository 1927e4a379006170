#include "config/appsettings.h"

#include "protocol/feedprofile.h"

#include <QSettings>

using namespace Qt::StringLiterals;
using std::chrono::milliseconds;

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
    const auto number = [this](const QString &key, qint64 min, qint64 max, qint64 fallback) {
        const QVariant value = m_settings->value(key);
        if (!value.isValid())
            return fallback;
        bool ok = false;
        const qint64 number = value.toString().trimmed().toLongLong(&ok);
        if (!ok || number < min || number > max) {
            m_problems.append(
                u"%1: \"%2\" is not a whole number from %3 to %4; using %5."_s.arg(key)
                    .arg(value.toString())
                    .arg(min)
                    .arg(max)
                    .arg(fallback));
            return fallback;
        }
        return number;
    };
    const auto limited = [&](const QString &key, const UserLimits::Range &range, qint64 fallback) {
        return number(key, range.min, range.max, fallback);
    };
    const auto duration = [&](const QString &key, const UserLimits::Range &range,
                              milliseconds fallback) {
        return milliseconds(limited(key, range, fallback.count()));
    };

    const QString url = m_settings->value(u"feed/url"_s).toString().trimmed();
    if (!url.isEmpty()) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (const QString invalid = SocketConfig::validateUrl(parsed); invalid.isEmpty())
            config.url = parsed;
        else
            m_problems.append(u"feed/url: %1 Using the demo feed."_s.arg(invalid));
    }
    config.traderId = limited(u"feed/traderId"_s, UserLimits::kTraderId, config.traderId);
    config.heartbeatInterval =
        duration(u"feed/heartbeatMs"_s, UserLimits::kHeartbeatMs, config.heartbeatInterval);
    config.pongTimeout =
        duration(u"feed/pongTimeoutMs"_s, UserLimits::kPongTimeoutMs, config.pongTimeout);
    config.snapshotTimeout = duration(u"feed/snapshotTimeoutMs"_s, UserLimits::kSnapshotTimeoutMs,
                                      config.snapshotTimeout);
    config.maxRetries =
        int(limited(u"feed/maxRetries"_s, UserLimits::kMaxRetries, config.maxRetries));
    config.giveUpAfter =
        duration(u"feed/giveUpAfterMs"_s, UserLimits::kGiveUpAfterMs, config.giveUpAfter);
    const milliseconds min =
        duration(u"feed/reconnectMinMs"_s, UserLimits::kReconnectMs, config.reconnectMin);
    const milliseconds max =
        duration(u"feed/reconnectMaxMs"_s, UserLimits::kReconnectMs, config.reconnectMax);
    if (max < min) {
        m_problems.append(u"feed/reconnectMaxMs is shorter than feed/reconnectMinMs; using the "
                          "defaults."_s);
    } else {
        config.reconnectMin = min;
        config.reconnectMax = max;
    }
    config.token = m_settings->value(u"feed/token"_s).toString().trimmed();
    FeedProfile::fillPayloads(config);
    if (const QString name = m_settings->value(u"feed/profile"_s).toString().trimmed();
        !name.isEmpty()) {
        QString problem;
        if (const auto profile = FeedProfile::load(name, &problem))
            profile->applyTo(config);
        else
            m_problems.append(u"feed/profile: %1; using the native protocol."_s.arg(problem));
    }
    return config;
}

void AppSettings::setFeedConfig(const SocketConfig &config)
{
    m_settings->setValue(u"feed/url"_s, config.url.toString());
    m_settings->setValue(u"feed/profile"_s, config.profile);
    if (config.token.isEmpty())
        m_settings->remove(u"feed/token"_s);
    else
        m_settings->setValue(u"feed/token"_s, config.token);
    m_settings->setValue(u"feed/traderId"_s, config.traderId);
    m_settings->setValue(u"feed/heartbeatMs"_s, qint64(config.heartbeatInterval.count()));
    m_settings->setValue(u"feed/pongTimeoutMs"_s, qint64(config.pongTimeout.count()));
    m_settings->setValue(u"feed/snapshotTimeoutMs"_s, qint64(config.snapshotTimeout.count()));
    m_settings->setValue(u"feed/maxRetries"_s, config.maxRetries);
    m_settings->setValue(u"feed/giveUpAfterMs"_s, qint64(config.giveUpAfter.count()));
    m_settings->setValue(u"feed/reconnectMinMs"_s, qint64(config.reconnectMin.count()));
    m_settings->setValue(u"feed/reconnectMaxMs"_s, qint64(config.reconnectMax.count()));
    m_settings->sync();
}

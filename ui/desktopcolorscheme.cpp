// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopcolorscheme.h"

#include <QLoggingCategory>
#include <QSettings>
#include <QVariant>

#ifdef TM_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

Q_LOGGING_CATEGORY(lcTheme, "trademonitor.theme")

using namespace Qt::StringLiterals;

namespace {

#ifdef TM_HAVE_DBUS
constexpr auto kService = "org.freedesktop.portal.Desktop";
constexpr auto kPath = "/org/freedesktop/portal/desktop";
constexpr auto kInterface = "org.freedesktop.portal.Settings";
constexpr auto kNamespace = "org.freedesktop.appearance";
constexpr auto kKey = "color-scheme";
// A portal that does not answer in this time is taken as none: the palette decides.
constexpr int kReplyTimeoutMs = 3000;

// Asks the portal once and listens to its changes; says what it learns through `learnt`.
class PortalColorScheme : public QObject
{
    Q_OBJECT

public:
    explicit PortalColorScheme(QObject *parent)
        : QObject(parent)
    {
        QDBusConnection bus = QDBusConnection::sessionBus();
        if (!bus.isConnected())
            return;
        bus.connect(QLatin1String(kService), QLatin1String(kPath), QLatin1String(kInterface),
                    u"SettingChanged"_s, this,
                    SLOT(settingChanged(QString, QString, QDBusVariant)));
        QDBusMessage read = QDBusMessage::createMethodCall(
            QLatin1String(kService), QLatin1String(kPath), QLatin1String(kInterface), u"Read"_s);
        read << QLatin1String(kNamespace) << QLatin1String(kKey);
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(read, kReplyTimeoutMs), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this,
                [this](QDBusPendingCallWatcher *call) {
                    call->deleteLater();
                    const QDBusPendingReply<QDBusVariant> reply = *call;
                    if (reply.isError()) {
                        qCInfo(lcTheme) << "no colour scheme from the desktop portal:"
                                        << reply.error().message();
                        return;
                    }
                    Q_EMIT learnt(reply.value().variant());
                });
    }

Q_SIGNALS:
    void learnt(const QVariant &value);

private Q_SLOTS:
    void settingChanged(const QString &ns, const QString &key, const QDBusVariant &value)
    {
        if (ns == QLatin1String(kNamespace) && key == QLatin1String(kKey))
            Q_EMIT learnt(value.variant());
    }
};
#endif

} // namespace

DesktopColorScheme::DesktopColorScheme(QObject *parent)
    : QObject(parent)
{
#ifdef TM_HAVE_DBUS
    auto *portal = new PortalColorScheme(this);
    connect(portal, &PortalColorScheme::learnt, this,
            [this](const QVariant &value) { setScheme(fromPortalValue(value)); });
#elif defined(Q_OS_WIN)
    // Read once: Qt 6.4 itself does not follow it either.
    const QSettings personalize(
        u"HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize"_s,
        QSettings::NativeFormat);
    const QVariant light = personalize.value(u"AppsUseLightTheme"_s);
    if (light.isValid())
        m_scheme = light.toInt() == 0 ? ColorScheme::Dark : ColorScheme::Light;
#endif
}

DesktopColorScheme::~DesktopColorScheme() = default;

std::optional<ColorScheme> DesktopColorScheme::fromPortalValue(const QVariant &value)
{
    QVariant inner = value;
#ifdef TM_HAVE_DBUS
    // Read answers a variant holding the variant of the value (the portal's version 1 API).
    while (inner.canConvert<QDBusVariant>() &&
           inner.metaType() == QMetaType::fromType<QDBusVariant>())
        inner = qvariant_cast<QDBusVariant>(inner).variant();
#endif
    bool ok = false;
    const uint scheme = inner.toUInt(&ok);
    if (!ok)
        return std::nullopt;
    switch (scheme) {
    case 1:
        return ColorScheme::Dark;
    case 2:
        return ColorScheme::Light;
    default:
        return std::nullopt;
    }
}

void DesktopColorScheme::setScheme(std::optional<ColorScheme> scheme)
{
    qCInfo(lcTheme) << "the desktop's colour scheme:"
                    << (!scheme                        ? "no preference"
                        : *scheme == ColorScheme::Dark ? "dark"
                                                       : "light");
    if (scheme == m_scheme)
        return;
    m_scheme = scheme;
    Q_EMIT changed();
}

#ifdef TM_HAVE_DBUS
#include "desktopcolorscheme.moc"
#endif

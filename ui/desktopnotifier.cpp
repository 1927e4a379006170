// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopnotifier.h"

#include "trayicon.h"

#include <QApplication>
#include <QLoggingCategory>

#ifdef TM_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

Q_LOGGING_CATEGORY(lcNotify, "trademonitor.notify")

using namespace Qt::StringLiterals;

namespace {
#ifdef TM_HAVE_DBUS
constexpr auto kService = "org.freedesktop.Notifications";
constexpr auto kPath = "/org/freedesktop/Notifications";
#endif
} // namespace

DesktopNotifier::DesktopNotifier(TrayIcon *tray, QObject *parent)
    : QObject(parent)
    , m_tray(tray)
{}

bool DesktopNotifier::serviceAnswers() const
{
#ifdef TM_HAVE_DBUS
    if (m_service < 0) {
        const QDBusConnection bus = QDBusConnection::sessionBus();
        m_service = bus.isConnected() && bus.interface() &&
                            bus.interface()->isServiceRegistered(QLatin1String(kService)).value()
                        ? 1
                        : 0;
        qCInfo(lcNotify) << "desktop notification service:" << (m_service ? "yes" : "no");
    }
    return m_service == 1;
#else
    return false;
#endif
}

DesktopNotifier::Route DesktopNotifier::route() const
{
    if (serviceAnswers())
        return Route::NotificationService;
    if (m_tray && m_tray->isVisible())
        return Route::Tray;
    return Route::None;
}

void DesktopNotifier::notify(const Notification &n)
{
    switch (route()) {
    case Route::NotificationService: {
#ifdef TM_HAVE_DBUS
        QDBusMessage call = QDBusMessage::createMethodCall(
            QLatin1String(kService), QLatin1String(kPath), QLatin1String(kService), u"Notify"_s);
        QVariantMap hints;
        hints.insert(u"urgency"_s, QVariant::fromValue<uchar>(n.urgent ? 2 : 1));
        hints.insert(u"desktop-entry"_s, u"trade-monitor"_s);
        if (m_sound)
            hints.insert(u"sound-name"_s, u"message-new-instant"_s);
        else
            hints.insert(u"suppress-sound"_s, true);
        call << QApplication::applicationDisplayName() << uint(0) << u"trade-monitor"_s << n.title
             << n.body.toHtmlEscaped() << QStringList() << hints
             << int(n.urgent ? 0 : -1); // urgent ones stay until dismissed
        // Asynchronous: a slow desktop must never hold up the window.
        auto *watcher =
            new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this,
                [this, n](QDBusPendingCallWatcher *w) {
                    w->deleteLater();
                    if (!w->isError())
                        return;
                    // The service went away: from now on the tray says it.
                    qCWarning(lcNotify) << "notification service failed:" << w->error().message();
                    m_service = 0;
                    if (m_tray && m_tray->isVisible())
                        m_tray->showMessage(n.title, n.body, n.urgent);
                });
#endif
        break;
    }
    case Route::Tray:
        m_tray->showMessage(n.title, n.body, n.urgent);
        if (m_sound)
            QApplication::beep();
        break;
    case Route::None:
        qCInfo(lcNotify).noquote() << "no way to notify:" << n.title;
        if (m_sound)
            QApplication::beep();
        break;
    }
}

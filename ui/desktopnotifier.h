// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "alerts/notifier.h"

#include <QObject>
#include <QPointer>

class TrayIcon;

// Says notifications on the desktop: through the freedesktop notification service (D-Bus,
// where it answers: Linux desktops), else as a balloon from the tray icon (Windows, macOS, and
// desktops without the service), else not at all. The one place that knows about D-Bus; on
// other systems it is left out of the build.
class DesktopNotifier : public QObject, public Notifier
{
    Q_OBJECT

public:
    enum class Route { NotificationService, Tray, None };
    Q_ENUM(Route)

    // `tray` may be null (no tray, or not shown).
    explicit DesktopNotifier(TrayIcon *tray, QObject *parent = nullptr);

    void setSound(bool sound) { m_sound = sound; }
    // Where the next notification goes.
    Route route() const;

    void notify(const Notification &notification) override;

private:
    bool serviceAnswers() const;

    QPointer<TrayIcon> m_tray;
    bool m_sound = false;
    mutable int m_service = -1; // -1 not asked yet, 0 no, 1 yes
};

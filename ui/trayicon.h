// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feed/feedstatus.h"

#include <QObject>
#include <QPointer>

class QMenu;
class QSystemTrayIcon;
class QWidget;

// The icon in the desktop's tray, where there is one: the application's icon with a dot in
// the feed's colour (green live, amber busy, red down, grey paused), the state in its tooltip;
// a click brings the window back; its menu shows the window or quits.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    explicit TrayIcon(QWidget *window);
    ~TrayIcon() override;

    static bool isAvailable();
    // Shown only where a tray is available.
    void setVisible(bool visible);
    bool isVisible() const;
    void setStatus(const FeedStatus &status);
    FeedStatus::Level level() const { return m_level; }
    QString toolTip() const;
    QSystemTrayIcon *icon() const { return m_icon; }
    // A balloon from the tray: the notifier's fallback.
    void showMessage(const QString &title, const QString &body, bool urgent);

    // The window back in front, as a click on the icon does.
    void restoreWindow();

Q_SIGNALS:
    void quitRequested();

private:
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_icon = nullptr;
    QMenu *m_menu = nullptr;
    FeedStatus::Level m_level = FeedStatus::Level::Paused;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#include "trayicon.h"

#include "icons.h"

#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QWidget>

using namespace Qt::StringLiterals;

TrayIcon::TrayIcon(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    m_icon = new QSystemTrayIcon(Icons::feed(m_level), this);
    m_menu = new QMenu;
    m_menu->addAction(tr("&Show Trade Monitor"), this, &TrayIcon::restoreWindow);
    m_menu->addSeparator();
    m_menu->addAction(tr("&Quit"), this, &TrayIcon::quitRequested);
    m_icon->setContextMenu(m_menu);
    m_icon->setToolTip(tr("Trade Monitor"));
    connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    restoreWindow();
            });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, &TrayIcon::restoreWindow);
}

TrayIcon::~TrayIcon()
{
    delete m_menu; // a context menu has no parent: the tray does not own it
}

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::setVisible(bool visible)
{
    m_icon->setVisible(visible && isAvailable());
}

bool TrayIcon::isVisible() const
{
    return m_icon->isVisible();
}

QString TrayIcon::toolTip() const
{
    return m_icon->toolTip();
}

void TrayIcon::setStatus(const FeedStatus &status)
{
    m_icon->setToolTip(tr("Trade Monitor — %1").arg(status.text));
    if (status.level == m_level)
        return;
    m_level = status.level;
    m_icon->setIcon(Icons::feed(m_level));
}

void TrayIcon::showMessage(const QString &title, const QString &body, bool urgent)
{
    m_icon->showMessage(title, body,
                        urgent ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information,
                        urgent ? 15000 : 6000);
}

void TrayIcon::restoreWindow()
{
    if (!m_window)
        return;
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

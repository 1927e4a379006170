// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/appsettings.h"

#include <QObject>

#include <optional>

class QVariant;

// What the desktop says its colour scheme is, where it says one: on Linux and the BSDs the XDG
// desktop portal's org.freedesktop.appearance color-scheme over D-Bus, followed as the user
// changes it; on Windows the "apps use light theme" setting. The portal is asked without
// blocking: until it answers, and where nothing answers or the desktop has no preference,
// scheme() is empty and the caller decides by the platform's palette. The only
// platform-specific part of the window's colours.
class DesktopColorScheme : public QObject
{
    Q_OBJECT

public:
    explicit DesktopColorScheme(QObject *parent = nullptr);
    ~DesktopColorScheme() override;

    // Light or Dark; empty while unknown or without a preference.
    std::optional<ColorScheme> scheme() const { return m_scheme; }

    // The portal's value (a uint, maybe inside variants): 1 prefers dark, 2 light, anything
    // else has no preference.
    static std::optional<ColorScheme> fromPortalValue(const QVariant &value);

Q_SIGNALS:
    // scheme() is another now (the portal answered, or the desktop changed).
    void changed();

private:
    void setScheme(std::optional<ColorScheme> scheme);

    std::optional<ColorScheme> m_scheme;
};

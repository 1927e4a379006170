// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/appsettings.h"

#include <QObject>
#include <QPalette>

#include <optional>

class DesktopColorScheme;

// The application's colours, as the trader chose them in Settings → Display. Light and Dark
// are the app's own palettes, drawn by the Fusion style (which draws any palette as it is
// given). System follows the desktop: the scheme it states (DesktopColorScheme), in the app's
// palette of that scheme; where it states none, the platform's own palette and style, as they
// were at the start. Applied to the whole application, at once and again when the desktop
// changes; every colour the window derives (gains, losses, alarms) is computed against the
// palette it is drawn on, so it follows.
class Theme : public QObject
{
    Q_OBJECT

public:
    // Reads the platform's palette and style as they are now: construct before changing them.
    explicit Theme(QObject *parent = nullptr);
    ~Theme() override;

    void setChoice(ColorScheme choice);
    ColorScheme choice() const { return m_choice; }
    // Light or Dark: what the window shows now.
    ColorScheme shown() const { return m_shown; }

    // The app's own palette of Light or Dark (System: Light).
    static QPalette palette(ColorScheme scheme);
    // What `choice` shows, given what the desktop states and the platform's palette.
    static ColorScheme resolve(ColorScheme choice, std::optional<ColorScheme> desktop,
                               const QPalette &platform);
    // Whether a palette writes light text on a dark window.
    static bool isDark(const QPalette &palette);

    // The desktop this theme follows (for the tests).
    DesktopColorScheme *desktop() const { return m_desktop; }

Q_SIGNALS:
    void shownChanged(ColorScheme shown);

private:
    void apply();
    void restorePlatform();
    static void setApplicationPalette(const QPalette &palette);

    DesktopColorScheme *m_desktop = nullptr;
    QPalette m_platformPalette;
    QString m_platformStyle;
    ColorScheme m_choice = ColorScheme::System;
    ColorScheme m_shown = ColorScheme::Light;
    bool m_ownPalette = false; // ours is applied, not the platform's
};

// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include "desktopcolorscheme.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

Q_DECLARE_LOGGING_CATEGORY(lcTheme)

using namespace Qt::StringLiterals;

namespace {

constexpr auto kOwnStyle = "Fusion";

struct Shades
{
    QPalette::ColorRole role;
    QRgb light;
    QRgb dark;
};

// Both palettes side by side, so that a role is never set in one and forgotten in the other.
// Text on its background keeps at least 7:1, the placeholder 4.5:1, the selection 4.5:1.
constexpr Shades kShades[] = {
    {QPalette::Window, 0xf0f0f0, 0x2b2b2b},
    {QPalette::WindowText, 0x1a1a1a, 0xe8e8e8},
    {QPalette::Base, 0xffffff, 0x1e1e1e},
    {QPalette::AlternateBase, 0xf5f5f5, 0x262626},
    {QPalette::Text, 0x1a1a1a, 0xe0e0e0},
    {QPalette::PlaceholderText, 0x6b6b6b, 0x9e9e9e},
    {QPalette::Button, 0xf0f0f0, 0x353535},
    {QPalette::ButtonText, 0x1a1a1a, 0xe8e8e8},
    {QPalette::BrightText, 0xffffff, 0xffffff},
    {QPalette::Highlight, 0x1f5fa8, 0x2f6db5},
    {QPalette::HighlightedText, 0xffffff, 0xffffff},
    {QPalette::ToolTipBase, 0xffffdc, 0x3a3a3a},
    {QPalette::ToolTipText, 0x1a1a1a, 0xeeeeee},
    {QPalette::Link, 0x1a56a8, 0x7ab4ff},
    {QPalette::LinkVisited, 0x6a3fa0, 0xc0a0ff},
    {QPalette::Light, 0xffffff, 0x4a4a4a},
    {QPalette::Midlight, 0xe3e3e3, 0x3e3e3e},
    {QPalette::Mid, 0xa0a0a0, 0x5a5a5a},
    {QPalette::Dark, 0x8a8a8a, 0x1a1a1a},
    {QPalette::Shadow, 0x4a4a4a, 0x000000},
};

// Disabled text: still readable, plainly set back.
constexpr Shades kDisabled[] = {
    {QPalette::WindowText, 0x8a8a8a, 0x808080},      {QPalette::Text, 0x8a8a8a, 0x808080},
    {QPalette::ButtonText, 0x8a8a8a, 0x808080},      {QPalette::Highlight, 0xc8c8c8, 0x4a4a4a},
    {QPalette::HighlightedText, 0x1a1a1a, 0xe0e0e0},
};

} // namespace

Theme::Theme(QObject *parent)
    : QObject(parent)
    , m_desktop(new DesktopColorScheme(this))
    , m_platformPalette(QGuiApplication::palette())
    , m_platformStyle(QApplication::style() ? QApplication::style()->name() : QString())
{
    m_shown = isDark(m_platformPalette) ? ColorScheme::Dark : ColorScheme::Light;
    connect(m_desktop, &DesktopColorScheme::changed, this, &Theme::apply);
}

Theme::~Theme()
{
    // The application as it was (a test's next window starts from it).
    if (m_ownPalette) {
        m_choice = ColorScheme::System;
        m_desktop->disconnect(this);
        restorePlatform();
    }
}

void Theme::restorePlatform()
{
    if (QApplication::style()->name() != m_platformStyle)
        QApplication::setStyle(QStyleFactory::create(m_platformStyle));
    setApplicationPalette(m_platformPalette);
}

void Theme::setApplicationPalette(const QPalette &palette)
{
    QApplication::setPalette(palette);
    // Qt 6.4 tells only the widgets inside windows: a window itself (and so all it holds)
    // keeps its old palette until told.
    for (QWidget *window : QApplication::topLevelWidgets()) {
        QEvent changed(QEvent::ApplicationPaletteChange);
        QCoreApplication::sendEvent(window, &changed);
    }
}

QPalette Theme::palette(ColorScheme scheme)
{
    const bool dark = scheme == ColorScheme::Dark;
    QPalette palette;
    for (const Shades &shade : kShades)
        palette.setColor(shade.role, QColor::fromRgb(dark ? shade.dark : shade.light));
    for (const Shades &shade : kDisabled)
        palette.setColor(QPalette::Disabled, shade.role,
                         QColor::fromRgb(dark ? shade.dark : shade.light));
    return palette;
}

bool Theme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::WindowText).lightness() >
           palette.color(QPalette::Window).lightness();
}

ColorScheme Theme::resolve(ColorScheme choice, std::optional<ColorScheme> desktop,
                           const QPalette &platform)
{
    if (choice != ColorScheme::System)
        return choice;
    if (desktop)
        return *desktop;
    return isDark(platform) ? ColorScheme::Dark : ColorScheme::Light;
}

void Theme::setChoice(ColorScheme choice)
{
    m_choice = choice;
    apply();
}

void Theme::apply()
{
    const std::optional<ColorScheme> desktop = m_desktop->scheme();
    const ColorScheme shown = resolve(m_choice, desktop, m_platformPalette);
    // The platform's own look where the trader left it to the system and the desktop said
    // nothing more: it may be a theme of its own (KDE's, a high-contrast one).
    const bool own = m_choice != ColorScheme::System || desktop.has_value();
    if (own) {
        if (QApplication::style()->name().compare(QLatin1String(kOwnStyle), Qt::CaseInsensitive))
            QApplication::setStyle(QStyleFactory::create(QLatin1String(kOwnStyle)));
        setApplicationPalette(palette(shown));
    } else if (m_ownPalette) {
        restorePlatform();
    }
    m_ownPalette = own;
    qCInfo(lcTheme) << "colours:" << (shown == ColorScheme::Dark ? "dark" : "light")
                    << (own ? "(the app's own)" : "(the platform's)");
    if (shown != m_shown) {
        m_shown = shown;
        Q_EMIT shownChanged(shown);
    }
}

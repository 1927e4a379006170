# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian package: scripts/package → build/trade-monitor_<version>_amd64.deb.
# Depends: what the binaries link, computed by dpkg-shlibdeps, and what Qt loads at run time
# that no linker sees, listed here once with the reason.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME trade-monitor)
set(CPACK_PACKAGE_VENDOR "Trade Monitor authors")
set(CPACK_PACKAGE_CONTACT "Trade Monitor authors <trade-monitor@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Watch a trading account's live positions")
set(CPACK_PACKAGE_DESCRIPTION
    "Trade Monitor shows a trader's open positions as they arrive over a WebSocket feed, the\n\
account's balance, equity and margin, and the closed-trade history kept in SQLite, with\n\
filters, grouping by signal trader, charts and desktop alerts.")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
set(CPACK_DEBIAN_FILE_NAME "trade-monitor_${PROJECT_VERSION}_amd64.deb")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(tm_runtime_depends
    # Qt's SQLite driver: the closed-trade history (a plugin, loaded by name).
    libqt6sql6-sqlite
    # The platform plugins (xcb, wayland): without one no window opens.
    qt6-qpa-plugins
    # The SVG icon engine and image plugin: the application's icon is an SVG.
    libqt6svg6
    # Qt's own translations (qtbase_*.qm): Save, Cancel and the like in the user's language.
    qt6-translations-l10n
    # The Secret Service client QtKeychain opens at run time (dlopen) to reach the keychain.
    libsecret-1-0)
# A keychain daemon to talk to: GNOME's or KDE's, whichever the desktop has.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
list(JOIN tm_runtime_depends ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
include(CPack)

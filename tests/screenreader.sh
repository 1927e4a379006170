#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test as a screen reader's user runs the app: a real X server (Xvfb), the xcb
# platform, and the AT-SPI accessibility bus (what Orca listens on) started and switched on,
# as Orca switches it on. Run inside a private session bus (dbus-run-session), under xvfb-run:
#   dbus-run-session -- xvfb-run -a sh tests/screenreader.sh ./tst_accessibility
set -eu
dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus org.a11y.Bus.GetAddress \
    >/dev/null
dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
    org.freedesktop.DBus.Properties.Set string:org.a11y.Status string:IsEnabled \
    variant:boolean:true >/dev/null
export QT_QPA_PLATFORM=xcb
# The test may not skip its screen-reader cases here: the bus is there.
export TM_SCREEN_READER=1
exec "$@"

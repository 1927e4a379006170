#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# packagecheck.sh BUILD_DIR: makes the .deb into a temporary folder, unpacks it there, and
# checks what a user gets: the packaged programs run (--version, --help), the desktop file and
# the AppStream metadata validate, the man pages and the licence are there, and Depends names
# the run-time plugins no linker sees.
set -eu
build="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$build" && cpack -B "$work/out" >/dev/null)
deb=$(ls "$work"/out/trade-monitor_*_amd64.deb)
dpkg-deb -x "$deb" "$work/root"
root="$work/root/usr"
"$root/bin/trade-monitor" --version | grep -q '^trade-monitor [0-9]' ||
    { echo "packaged trade-monitor --version"; exit 1; }
"$root/bin/trade-monitor" --help | grep -q '^Usage: trade-monitor \[options\]' ||
    { echo "packaged trade-monitor --help"; exit 1; }
"$root/bin/feed-simulator" --help | grep -q '^Usage: feed-simulator \[options\]' ||
    { echo "packaged feed-simulator --help"; exit 1; }
desktop-file-validate "$root"/share/applications/trade-monitor.desktop
appstreamcli validate --no-net "$root"/share/metainfo/*.metainfo.xml >/dev/null
for file in share/man/man1/trade-monitor.1 share/man/man1/feed-simulator.1 \
    share/doc/trade-monitor/LICENSE share/icons/hicolor/scalable/apps/trade-monitor.svg; do
    [ -s "$root/$file" ] || { echo "missing from the package: /usr/$file"; exit 1; }
done
depends=$(dpkg-deb -f "$deb" Depends)
for package in libqt6sql6-sqlite qt6-qpa-plugins libqt6svg6 qt6-translations-l10n \
    libqt6websockets6 libsimdjson libqt6keychain1 libsecret-1-0; do
    printf '%s' "$depends" | grep -q "$package" || { echo "Depends lacks $package: $depends"; exit 1; }
done
echo "$(basename "$deb"): runs, validates, and depends on $depends"

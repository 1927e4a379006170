#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# packagecheck.sh BUILD_DIR: makes the .deb into a temporary folder, unpacks it there, and
# checks what a user gets: the packaged programs run (--version, --help), the desktop file and
# the AppStream metadata validate, the man pages, the licence and the translation files are
# there and the packaged program reads its translations from them, and Depends names the
# run-time plugins no linker sees.
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
    share/doc/trade-monitor/LICENSE share/icons/hicolor/scalable/apps/trade-monitor.svg \
    share/trade-monitor/translations/trade-monitor_en.qm \
    share/trade-monitor/translations/trade-monitor_zh_CN.qm; do
    [ -s "$root/$file" ] || { echo "missing from the package: /usr/$file"; exit 1; }
done
# A Chinese desktop: the packaged program reads its words from the package's file, not from
# the copy built into it. It runs five seconds on the demo feed, in a home of its own.
home="$work/home"
mkdir -p "$home"
log=$(cd "$home" && HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
    LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 QT_QPA_PLATFORM=offscreen \
    QT_LOGGING_RULES="trademonitor.i18n.debug=true" \
    timeout -s TERM 5 "$root/bin/trade-monitor" --db "$home/history.sqlite" 2>&1 || true)
printf '%s' "$log" | grep -q 'usr/share/trade-monitor/translations/trade-monitor_zh_CN.qm' ||
    { echo "the packaged program did not read its installed translation:"; echo "$log"; exit 1; }
depends=$(dpkg-deb -f "$deb" Depends)
for package in libqt6sql6-sqlite qt6-qpa-plugins libqt6svg6 qt6-translations-l10n \
    libqt6websockets6 libsimdjson libqt6keychain1 libsecret-1-0; do
    printf '%s' "$depends" | grep -q "$package" || { echo "Depends lacks $package: $depends"; exit 1; }
done
echo "$(basename "$deb"): runs, validates, and depends on $depends"

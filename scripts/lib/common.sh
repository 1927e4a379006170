# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by scripts/demo and scripts/test: install what is missing, then configure and build.
# Sourced, not run.

# The Debian 12 / Ubuntu packages the project builds and tests with.
TM_PACKAGES=(
    cmake ninja-build g++ git
    qt6-base-dev qt6-base-dev-tools qt6-websockets-dev
    libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins libsimdjson-dev
    qt6-tools-dev qt6-l10n-tools # Qt6LinguistTools for CMake, lupdate and lrelease
    qt6-translations-l10n fonts-wqy-microhei # Qt's own Chinese, and a CJK font for the screenshots
    qtkeychain-qt6-dev # the token in the system keychain
    qt6-charts-dev libqt6opengl6-dev # the Closed Trades charts (GPL-3.0); Debian's Charts CMake package needs OpenGL's, which it does not pull in
    dbus-daemon dbus-session-bus-common # dbus-run-session: the notifier test on a private bus
    xvfb xauth at-spi2-core # tst_accessibility: what a screen reader hears, over AT-SPI under Xvfb
    iproute2 # ip: the loopback-only test brings lo up in a network namespace of its own
    python3 # tests/i18ncheck.py: every string marked for translation was extracted
    dpkg-dev desktop-file-utils appstream # the package: dpkg-shlibdeps, and its checks
)

tm_root() { cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd; }

# Installs only the packages that are missing: apt-get as root, else sudo, else it prints the
# exact command and stops.
tm_install_packages() {
    local missing=() pkg
    for pkg in "${TM_PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    local install=(apt-get install -y --no-install-recommends "${missing[@]}")
    echo "Installing missing packages: ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
            DEBIAN_FRONTEND=noninteractive "${install[@]}"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
            sudo DEBIAN_FRONTEND=noninteractive "${install[@]}"
    else
        echo "These packages are missing and this script cannot install them (not root, no sudo)." >&2
        echo "Run, then try again:" >&2
        echo "  sudo apt-get update && sudo ${install[*]}" >&2
        exit 1
    fi
}

# Configures with a preset of CMakePresets.json (release, asan, fuzz) and builds; extra
# arguments go to the configure step. $TM_BUILD_DIR overrides the preset's folder.
tm_build() {
    local preset="${1:-release}"
    local root; root="$(tm_root)"
    local dir=()
    [ -n "${TM_BUILD_DIR:-}" ] && dir=(-B "$TM_BUILD_DIR")
    (cd "$root" && cmake --preset "$preset" "${dir[@]}" "${@:2}")
    local binary="${TM_BUILD_DIR:-}"
    if [ -z "$binary" ]; then
        case "$preset" in
            release) binary="$root/build" ;;
            *) binary="$root/build-asan" ;;
        esac
    fi
    cmake --build "$binary" -j "${TM_JOBS:-2}"
}

# The benchmark's peers: Node.js with the `ws` package (npm), Python with `websockets`
# (Debian's python3-websockets, for /usr/bin/python3).
tm_install_bench_deps() {
    local extra=(python3 python3-websockets)
    command -v node >/dev/null 2>&1 || extra+=(nodejs)
    command -v npm >/dev/null 2>&1 || extra+=(npm)
    # Where the app's time goes: scripts/bench profiles the paced run with perf.
    command -v perf >/dev/null 2>&1 || extra+=(linux-perf)
    # A key press under load: the app's window under Xvfb, the key from xdotool.
    command -v Xvfb >/dev/null 2>&1 || extra+=(xvfb)
    command -v xdotool >/dev/null 2>&1 || extra+=(xdotool)
    tm_install_packages "${extra[@]}"
    local peers; peers="$(tm_root)/tests/bench/peers"
    if [ ! -d "$peers/node_modules/ws" ]; then
        (cd "$peers" && npm ci --no-audit --no-fund --loglevel=error)
    fi
}

#!/usr/bin/env bash
# One command from a fresh clone to a running app or a finished test run.
#
#   scripts/setup.sh app [ROLEFIT ARGS...]   install into .venv and start RoleFit
#   scripts/setup.sh test [PYTEST ARGS...]   install into a fresh .venv-test and run the tests
#
# On Debian/Ubuntu it first installs the system libraries Qt needs, if any are missing
# (with sudo when not root). Elsewhere it assumes they are there.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-app}"
shift || true

PYTHON="${PYTHON:-python3}"
# Qt's own libraries: enough for the offscreen platform the tests use.
QT_DEBS=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
         fonts-dejavu-core)
# What Qt's X11 platform plugin needs to open a real window.
X11_DEBS=(libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
          libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0)
# For the tests of a real window and of the screen reader's view: an X server, a D-Bus
# session, the AT-SPI bus and Debian's pyatspi (tests/ui/test_real_window.py,
# tests/ui/test_accessibility_tree.py). Those tests are skipped where these are missing.
A11Y_DEBS=(xvfb x11-utils dbus at-spi2-core python3-pyatspi gir1.2-atspi-2.0)

install_debs() {
    command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || return 0
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "setup: installing system packages: ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >&2
}

case "$mode" in
    app)
        install_debs "${QT_DEBS[@]}" "${X11_DEBS[@]}"
        [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
        .venv/bin/python -m pip install --quiet --upgrade pip
        .venv/bin/python -m pip install --quiet .
        exec .venv/bin/rolefit "$@"
        ;;
    test)
        install_debs "${QT_DEBS[@]}"
        install_debs "${X11_DEBS[@]}" "${A11Y_DEBS[@]}" \
            || echo "setup: could not install the real-window packages; their tests are skipped" >&2
        rm -rf .venv-test
        "$PYTHON" -m venv .venv-test
        .venv-test/bin/python -m pip install --quiet --upgrade pip
        # Not editable: the tests run against the installed package, so a file missing
        # from the wheel (a question bank, the schema) fails here and not on a user's machine.
        .venv-test/bin/python -m pip install --quiet ".[test]"
        exec .venv-test/bin/python -m pytest "$@"
        ;;
    *)
        echo "usage: scripts/setup.sh app|test [ARGS...]" >&2
        exit 2
        ;;
esac

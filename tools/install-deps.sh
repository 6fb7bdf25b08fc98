#!/usr/bin/env bash
# Installs the Debian 12 packages Tandem needs to build, run and test (only what is missing).
# Used by the README's two commands and by .ci/run. `--list` prints the list and installs nothing
# (tools/check-deps.sh proves the list complete: every file the build, the tests and the demo use
# must come from these packages or from what they depend on).
set -euo pipefail

packages=(
    build-essential cmake ninja-build ccache pkg-config clang-format
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-httpserver-dev qt6-websockets-dev
    qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    libspdlog-dev qtkeychain-qt6-dev libsodium-dev liblinear-dev libstemmer-dev libcld2-dev
    xvfb xauth fonts-dejavu-core fonts-noto-color-emoji ca-certificates
    clang libclang-rt-14-dev
    strace
)
# The OpenAPI lint runs on Node.js; a machine that already has node+npm (from anywhere) keeps them.
if ! command -v npm >/dev/null 2>&1; then
    packages+=(nodejs npm)
fi

if [ "${1:-}" = "--list" ]; then
    printf '%s\n' "${packages[@]}"
    exit 0
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    echo "Installing: ${missing[*]}"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

#!/usr/bin/env bash
# Installs what is missing, builds, and launches the desktop app in demo mode
# (an embedded tandemd on 127.0.0.1 with the "Lumen Pay" demo company, logged in as Ava).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/tandem-ccache}"
# Paths relative to the checkout, so a fresh clone elsewhere (CI) still hits the cache.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target tandem tandemd
exec build/release/ui/tandem --demo "$@"

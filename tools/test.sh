#!/usr/bin/env bash
# Installs what is missing, builds everything with warnings as errors, and runs every test:
# the Qt Test suites (ctest, offscreen), the core+server suites again under ASan/UBSan,
# the format check, the translations build and the OpenAPI lint.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh

export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/tandem-ccache}"
# Paths relative to the checkout, so a fresh clone elsewhere (CI) still hits the cache.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
export QT_QPA_PLATFORM=offscreen
jobs=$(nproc)

echo "== format check"
tools/check-format.sh

echo "== build (ci preset: -Werror)"
cmake --preset ci >/dev/null
cmake --build --preset ci -j "$jobs"

echo "== app smoke start"
build/ci/ui/tandem --version
echo "== OpenAPI lint"
tools/lint-openapi.sh

echo "== core + server under ASan/UBSan"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"
ctest --preset asan -L "core|server" --timeout 600

echo "== all tests"
ctest --preset ci --timeout 600

# libFuzzer + ASan (clang): the protocol decoders, the event decoder and the server's request
# parsing, 60 s each from the checked-in seeds (TANDEM_FUZZ_SECONDS to change).
echo "== fuzz"
JOBS="$jobs" tools/fuzz.sh "${TANDEM_FUZZ_SECONDS:-60}"

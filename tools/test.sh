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

# Every file configure, build, the app and the demo used must come from install-deps.sh's
# packages (or what they pull in): a dependency that only this machine has fails here, by name.
echo "== dependency list complete"
tools/check-deps.sh build/ci
# ... and the guard must catch the bug it exists for (a fresh Debian 12 failed at configure
# without libqt6opengl6-dev): with that package taken out of the list it has to fail, naming it.
if tools/check-deps.sh --without libqt6opengl6-dev build/ci >build/ci/check-deps/self-test.txt 2>&1 ||
    ! grep -q 'libqt6opengl6-dev' build/ci/check-deps/self-test.txt; then
    cat build/ci/check-deps/self-test.txt
    echo "check-deps did not catch a missing libqt6opengl6-dev" >&2
    exit 1
fi
echo "check-deps self-test: a list without libqt6opengl6-dev fails, naming it"
echo "== OpenAPI lint"
tools/lint-openapi.sh

echo "== core + server under ASan/UBSan"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"
ctest --preset asan -L "core|server" --timeout 600

echo "== all tests"
ctest --preset ci --timeout 600 -j "$jobs"

# libFuzzer + ASan (clang): the protocol decoders, the event decoder and the server's request
# parsing, 60 s each from the checked-in seeds (TANDEM_FUZZ_SECONDS to change).
echo "== fuzz"
JOBS="$jobs" tools/fuzz.sh "${TANDEM_FUZZ_SECONDS:-60}"

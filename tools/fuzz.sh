#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang + ASan in build/fuzz and runs each for N
# seconds (default 60), starting from the checked-in seeds in fuzz/corpus/<target>/.
# Fails on the first crash, leak-free exit or timeout of an input; the reproducer is written to
# build/fuzz/artifacts/. New interesting inputs go to build/fuzz/corpus/<target>/ (not checked in).
#
#   tools/fuzz.sh                     # every target, 60 s each
#   tools/fuzz.sh 300 event_decoder   # one target, 5 minutes
#   JOBS=2 tools/fuzz.sh              # build parallelism (default: all cores)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(json_codec event_decoder http_request)
fi
build=build/fuzz
jobs="${JOBS:-$(nproc)}"

export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/tandem-ccache}"
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true

# Until the top-level CMakeLists.txt adds fuzz/ itself, a project include hook does.
hook=()
if ! grep -q 'add_subdirectory(fuzz)' CMakeLists.txt; then
    hook=(-DCMAKE_PROJECT_INCLUDE="$PWD/fuzz/FuzzHook.cmake")
fi

# Everything is instrumented for coverage and ASan; only the fuzz executables link libFuzzer.
flags="-fsanitize=fuzzer-no-link,address -fno-omit-frame-pointer -g -O1"
cmake -S . -B "$build" -G Ninja \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address" \
    -DTANDEM_FUZZ=ON -DTANDEM_BUILD_TESTS=OFF -DTANDEM_BUILD_BENCH=OFF -DTANDEM_WERROR=OFF \
    --no-warn-unused-cli "${hook[@]}" >/dev/null
cmake --build "$build" -j "$jobs" --target $(printf 'fuzz_%s ' "${targets[@]}")

# Leak checks stay off: Qt keeps process-lifetime caches that LeakSanitizer would report.
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:symbolize=1"
export QT_QPA_PLATFORM=offscreen
mkdir -p "$build/artifacts"
status=0
for target in "${targets[@]}"; do
    work="$build/corpus/$target"
    mkdir -p "$work"
    echo "== fuzz_$target for ${seconds}s"
    if ! "$build/fuzz_$target" "$work" "fuzz/corpus/$target" \
        -dict=fuzz/tandem.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" \
        2> "$build/$target.log"; then
        status=1
        echo "fuzz_$target FAILED; see $build/$target.log and $build/artifacts/"
        tail -n 40 "$build/$target.log"
    else
        grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)" "$build/$target.log" || true
        echo "fuzz_$target: 0 crashes"
    fi
done
exit $status

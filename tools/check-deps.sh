#!/usr/bin/env bash
# Proves tools/install-deps.sh complete: every system file that configuring, building, testing and
# running the demo reads must belong to a Debian package that install-deps.sh lists, or to the
# dependency closure of a listed package (Depends/Pre-Depends, recursively; no Recommends, since
# the installer passes --no-install-recommends), or to the base system (Essential or Priority
# required: what debootstrap's minbase installs). Otherwise it fails and names the package.
#
#   tools/check-deps.sh [BUILD_DIR]               collect (once per build) and check; default build/ci
#   tools/check-deps.sh --without PKG [BUILD_DIR] check as if PKG were not in the list (self-test:
#                                                 tools/test.sh expects this to fail and name PKG)
#
# What it collects (BUILD_DIR/check-deps/files.txt, redone when the build is newer):
#   configure  every path CMake found (CMakeCache.txt: *_DIR package configs, libraries, headers,
#              programs, the compilers)
#   build      every header the compiler read (ninja's depfile log, `ninja -t deps`), every library
#              on a link line, and every program a build step runs (`ninja -t commands`)
#   run time   every file opened or executed by `tandem --version`, and by `tandem --demo
#              --screenshot` with its embedded tandemd (strace -f): Qt plugins, the SQLite driver,
#              fonts, fontconfig, ICU data; and the tools tools/test.sh calls
# It needs a finished build in BUILD_DIR and runs in a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

without=()
while [ $# -gt 0 ]; do
    case "$1" in
    --without) without+=("$2"); shift 2 ;;
    -h | --help) sed -n '2,22p' "$0"; exit 0 ;;
    *) break ;;
    esac
done
build=${1:-build/ci}
[ -f "$build/CMakeCache.txt" ] && [ -f "$build/build.ninja" ] || {
    echo "check-deps: no configured Ninja build in $build (run cmake --preset ci and build first)" >&2
    exit 2
}
work="$build/check-deps"
mkdir -p "$work"
src=$(pwd -P)

# ---- 1. Collect the files (cached per build) ---------------------------------------------------
collect() {
    local out="$work/files.raw"
    : >"$out"
    # Configure: the package configurations find_package() loaded (<Pkg>_DIR). Libraries, headers
    # and programs that CMake merely found are not counted here: optional look-ups succeed on a
    # full machine and are not needed; what is used shows up below, on link lines and in the
    # compiler's dependency lists.
    sed -nE 's/^[A-Za-z0-9_]+_DIR:PATH=(\/.*)$/\1/p' "$build/CMakeCache.txt" | while read -r p; do
        [ -d "$p" ] && find "$p" -maxdepth 1 -type f \( -name '*Config.cmake' -o -name '*-config.cmake' \) 2>/dev/null
    done >>"$out"
    # The Qt CMake configs of every Qt module found.
    grep -hoE '/usr/lib/[^ ;"]+/cmake/[^ ;"/]+' "$build/CMakeCache.txt" 2>/dev/null | sort -u | while read -r d; do
        find "$d" -maxdepth 1 -type f -name '*Config.cmake' 2>/dev/null
    done >>"$out"
    # Build: headers (depfile log), libraries on link lines, programs the build runs.
    ninja -C "$build" -t deps 2>/dev/null | grep -E '^ +/' | sed 's/^ *//' >>"$out"
    ninja -C "$build" -t commands 2>/dev/null >"$work/commands.txt"
    grep -oE '(^| )/(usr|lib)[^ ]+\.(so[.0-9]*|a)( |$)' "$work/commands.txt" | tr -d ' ' >>"$out"
    # The first word of every build command (compilers, moc, rcc, lrelease, ...), and the tools
    # the scripts call.
    {
        sed -E 's/^: && //; s/^cd [^&]+ && //' "$work/commands.txt" | awk '{print $1}'
        echo cmake ctest ninja ccache clang-format clang clang++ pkg-config xvfb-run xauth Xvfb strace
    } | sort -u | while read -r c; do
        case "$c" in /*) [ -x "$c" ] && echo "$c" ;; *) command -v "$c" 2>/dev/null | grep '^/' || true ;; esac
    done >>"$out"
    # Run time: the app's smoke start and a demo start with a screenshot, everything they open.
    local app="$build/ui/tandem"
    if [ -x "$app" ]; then
        local home
        home=$(mktemp -d)
        for args in "--version" "--demo --screenshot $home/shot.png"; do
            # shellcheck disable=SC2086
            HOME="$home" XDG_CACHE_HOME="$home/cache" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
                QT_QPA_PLATFORM=offscreen timeout 120 strace -f -qq -e trace=open,openat,execve -e status=successful \
                -o "$work/strace.txt" "$app" $args >/dev/null 2>&1 || {
                echo "check-deps: '$app $args' failed under strace" >&2
                rm -rf "$home"
                exit 2
            }
            # An unversioned lib*.so opened at run time is a dlopen() probe (Qt tries libcrypto.so
            # before libcrypto.so.3): the versioned library it falls back to is what is needed.
            grep -oE '(openat|open|execve)\([^"]*"[^"]+"' "$work/strace.txt" | sed -E 's/^[^"]*"//; s/"$//' |
                grep -vE '/lib[^/]*\.so$' >>"$out"
        done
        rm -rf "$home"
    fi
    # Absolute system paths of files only (not the checkout, the build, /proc, /tmp, directories),
    # and not the message catalogues glibc and Qt open when they exist (locale.alias, *.mo): they
    # only translate messages, and a minimal system works without them.
    grep -E '^/(usr|lib|lib64|bin|sbin|etc|opt)/' "$out" | grep -v "^$src/" |
        grep -vE '^/usr/(share|lib)/locale/' | sort -u | while read -r f; do
        [ -d "$f" ] || echo "$f"
    done >"$work/files.txt"
    rm -f "$out" "$work/strace.txt"
}
if [ ! -s "$work/files.txt" ] || [ "$build/build.ninja" -nt "$work/files.txt" ] ||
    { [ -e "$build/ui/tandem" ] && [ "$build/ui/tandem" -nt "$work/files.txt" ]; }; then
    collect
fi

# ---- 2. Which package owns each file --------------------------------------------------------
# One pass over dpkg's file lists (dpkg -S per file would take minutes). Paths are compared both
# as listed and with /usr merged (/lib -> /usr/lib), and through symlinks (/etc/alternatives).
owners="$work/owners.txt"
awk 'FNR == 1 { pkg = FILENAME; sub(/.*\//, "", pkg); sub(/\.list$/, "", pkg); sub(/:.*/, "", pkg) }
     { print $0 "\t" pkg }' /var/lib/dpkg/info/*.list >"$work/dpkg-files.tsv"
while read -r f; do
    for p in "$f" "$(readlink -f "$f" 2>/dev/null || true)"; do
        [ -n "$p" ] || continue
        echo "$p"
        case "$p" in /usr/lib/* | /usr/bin/* | /usr/sbin/*) echo "${p#/usr}" ;; /lib/* | /bin/* | /sbin/*) echo "/usr$p" ;; esac
    done | sed "s|\$|\t$f|"
done <"$work/files.txt" >"$work/lookups.tsv"
# A file several packages list (a shared path) is satisfied by any of them: all owners are kept,
# comma-separated, and the verdict below accepts the file when one of them is provided.
awk -F'\t' 'NR == FNR { own[$1] = own[$1] ? own[$1] "," $2 : $2; next }
            ($1 in own) && !(($2) in done) { done[$2] = 1; print own[$1] "\t" $2 }' \
    "$work/dpkg-files.tsv" "$work/lookups.tsv" | sort -u >"$owners"

# ---- 3. What the list provides -------------------------------------------------------------
mapfile -t listed < <(tools/install-deps.sh --list)
keep=()
for p in "${listed[@]}"; do
    skip=0
    for w in "${without[@]}"; do [ "$p" = "$w" ] && skip=1; done
    [ $skip -eq 0 ] && keep+=("$p")
done
# Recursive dependencies as apt would install them (virtual and alternative names included).
apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
    --no-enhances "${keep[@]}" 2>/dev/null | grep -vE '^ ' | tr -d '<>' | sed 's/:.*//' | sort -u >"$work/closure.txt"
# The base system: what a minbase debootstrap has (Essential: yes, Priority: required).
dpkg-query -W -f='${Package} ${Essential} ${Priority}\n' | awk '$2 == "yes" || $3 == "required" { print $1 }' |
    sort -u >"$work/base.txt"
[ -s "$work/closure.txt" ] || { echo "check-deps: apt-cache knows none of the listed packages (run apt-get update)" >&2; exit 2; }

# ---- 4. Verdict -----------------------------------------------------------------------------
# Fonts are the one interchangeable run-time input: fontconfig opens every font the machine has
# (a machine with Java installed also has fonts-dejavu-extra), and the app needs one, not those.
# A font file from an unlisted package is therefore not a missing dependency, as long as some font
# the app opened does come from the list; with none, the verdict names the first unlisted font.
missing=$(awk -F'\t' 'FILENAME ~ /closure|base/ { ok[$1] = 1; next }
    { n = split($1, pkgs, ","); good = 0; for (i = 1; i <= n; ++i) if (pkgs[i] in ok) good = 1
      font = ($2 ~ /^\/usr\/share\/fonts\//)
      if (font && good) fontok = 1
      else if (font) { if (!firstfont) firstfont = pkgs[1] "\t" $2 }
      else if (!good) print pkgs[1] "\t" $2 }
    END { if (!fontok && firstfont) print firstfont }' \
    "$work/closure.txt" "$work/base.txt" "$owners" | sort -t$'\t' -k1,1 -u)
files=$(wc -l <"$work/files.txt")
pkgs=$(cut -f1 "$owners" | tr ',' '\n' | sort -u | wc -l)
if [ -n "$missing" ]; then
    echo "check-deps: FAILED: $files system files used, from $pkgs packages; these packages are neither in"
    echo "tools/install-deps.sh nor pulled in by a package it lists (add them to its list):"
    echo "$missing" | awk -F'\t' '{ printf "  %-28s needed for %s\n", $1, $2 }'
    exit 1
fi
echo "check-deps: OK: $files system files used by configure, build, tests and the demo, from $pkgs packages, all installed by tools/install-deps.sh${without:+ (without ${without[*]})}"

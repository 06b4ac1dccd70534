#!/bin/sh
# Installs the Debian packages newsdup builds against, when any is missing.
# Usage: scripts/deps.sh [extra-package ...]   (extras: e.g. chromium for the report test,
#        clang libfuzzer for make fuzz, valgrind)
set -eu
need=""
check() { # header-or-command package
    case "$1" in
        /*) [ -e "$1" ] || need="$need $2" ;;
        *) command -v "$1" >/dev/null 2>&1 || need="$need $2" ;;
    esac
}
check cc gcc
check make make
check pkg-config pkg-config
check /usr/include/xxhash.h libxxhash-dev
check /usr/include/utf8proc.h libutf8proc-dev
check /usr/include/pcre2.h libpcre2-dev
check /usr/include/jansson.h libjansson-dev
check /usr/include/libstemmer.h libstemmer-dev
check /usr/include/zlib.h zlib1g-dev
check /usr/include/lmdb.h liblmdb-dev
check jq jq
for extra in "$@"; do
    case "$extra" in
        chromium) check chromium chromium ;;
        valgrind) check valgrind valgrind ;;
        clang) check clang clang ;;
        libfuzzer) # libFuzzer's runtime for the installed clang (Debian: libclang-rt-N-dev)
            v=$(clang --version 2>/dev/null | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -n 1)
            [ -n "$v" ] && [ -e "$(clang -print-file-name="libclang_rt.fuzzer-$(uname -m).a")" ] ||
                need="$need libclang-rt-${v:-14}-dev" ;;
        *) dpkg -s "$extra" >/dev/null 2>&1 || need="$need $extra" ;;
    esac
done
[ -z "$need" ] && exit 0
echo "newsdup: installing missing packages:$need" >&2
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
        echo "newsdup: cannot install$need: not root and no sudo. Install them with apt-get, then re-run." >&2
        exit 1
    fi
else SUDO=""; fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "newsdup: no apt-get on this system; install the equivalents of:$need" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2 || { echo "newsdup: apt-get update failed; check the network or package sources" >&2; exit 1; }
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $need >&2 || {
    echo "newsdup: apt-get install failed for:$need" >&2; exit 1; }

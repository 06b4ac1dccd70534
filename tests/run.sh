#!/bin/sh
# Runs every unit-test binary and every CLI end-to-end test in each build
# directory given, then prints one summary line: "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
passed=0
failed=0
for build in "$@"; do
    for t in "$build"/tests/test_*; do
        [ -x "$t" ] || continue
        out=$("$t" 2>&1)
        rc=$?
        printf '%s\n' "$out" | grep -v '^# ' | sed "s|^|[$build] |"
        tally=$(printf '%s\n' "$out" | grep '^# ' | tail -n 1)
        p=$(printf '%s' "$tally" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed/\1/p')
        f=$(printf '%s' "$tally" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed/\2/p')
        if [ -z "$p" ]; then
            echo "[$build] FAIL $t: crashed or printed no tally (exit $rc)"
            failed=$((failed + 1))
            continue
        fi
        [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && { echo "[$build] FAIL $t: exit $rc"; f=1; }
        echo "[$build] $tally"
        passed=$((passed + p))
        failed=$((failed + f))
    done
    for t in tests/e2e/test_*.sh; do
        [ -f "$t" ] || continue
        out=$(ND_BIN="$build/newsdup" sh "$t" 2>&1)
        rc=$?
        printf '%s\n' "$out" | grep -v '^# ' | sed "s|^|[$build] |"
        tally=$(printf '%s\n' "$out" | grep '^# ' | tail -n 1)
        p=$(printf '%s' "$tally" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed/\1/p')
        f=$(printf '%s' "$tally" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed/\2/p')
        if [ -z "$p" ]; then
            echo "[$build] FAIL $t: printed no tally (exit $rc)"
            failed=$((failed + 1))
            continue
        fi
        echo "[$build] $tally"
        passed=$((passed + p))
        failed=$((failed + f))
    done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

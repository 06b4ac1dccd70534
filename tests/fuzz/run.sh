#!/bin/sh
# Runs every harness (or those named) for SECONDS each, JOBS at a time, in
# build/fuzz: first over its regression inputs, then fuzzing from the seeds.
# Prints one line a harness (executions, coverage); exits 1 on any finding,
# whose input is left in build/fuzz/crash-<harness>-*.
# With FUZZ_FRESH=1 (make fuzz-ci) each harness starts from the seeds alone,
# not from what earlier runs kept in build/fuzz/corpus, so its time stays bounded.
# Usage: tests/fuzz/run.sh SECONDS JOBS [harness ...]
set -u
cd "$(dirname "$0")/../.."
secs=$1 jobs=$2
shift 2
dir=build/fuzz
[ $# -gt 0 ] || set -- decode jsonl ranges boilerplate tokenise features numbers attrib pipeline compact dateline
tests/fuzz/seeds.sh "$dir/seeds" || exit 1
mkdir -p "$dir/logs"

one() {
    t=$1 log=$dir/logs/$1.log
    case $t in pipeline) max=6000 ;; jsonl | ranges) max=16384 ;; *) max=8192 ;; esac
    corpus=$dir/corpus/$t
    if [ "${FUZZ_FRESH:-0}" = 1 ]; then
        corpus=$dir/fresh/$t
        rm -rf "$corpus"
    fi
    mkdir -p "$corpus"
    regress=""
    [ -d "tests/fuzz/regress/$t" ] && regress=$(find "tests/fuzz/regress/$t" -type f | sort)
    # shellcheck disable=SC2086
    if [ -n "$regress" ] && ! "$dir/fuzz_$t" $regress >"$log" 2>&1; then
        echo "fuzz_$t: FAIL: a regression input crashes again (see $log)"
        return 1
    fi
    "$dir/fuzz_$t" -max_total_time="$secs" -max_len="$max" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$dir/crash-$t-" "$corpus" "$dir/seeds/$t" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -E '^#[0-9]+' "$log" | tail -n 1 | sed -n 's/.*\(cov: [0-9]* ft: [0-9]*\).*/\1/p')
    if [ "$rc" -ne 0 ]; then
        unit=$(sed -n 's/.*Test unit written to \(.*\)/\1/p' "$log" | head -n 1)
        echo "fuzz_$t: FAIL (exit $rc) after $execs runs: input ${unit:-not saved} (see $log)"
        return 1
    fi
    echo "fuzz_$t: ${secs}s, $execs runs, $cov"
}

# Harnesses all run for the same time, so batches of JOBS keep the cores busy.
failed=0
n=0
for t in "$@"; do
    one "$t" >"$dir/logs/$t.result" &
    n=$((n + 1))
    if [ "$n" -ge "$jobs" ]; then
        wait
        n=0
    fi
done
wait
for t in "$@"; do
    cat "$dir/logs/$t.result"
    grep -q ': FAIL' "$dir/logs/$t.result" && failed=1
done
exit "$failed"

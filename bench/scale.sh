#!/bin/sh
# Scale on one machine (README: Memory): `newsdup scan` over generated
# corpora of 100k, 300k and 1M articles at 1 and 2 threads, each run timed
# with its peak memory, beside the classic algorithm (build/classic: 128
# MinHash permutations, 5-word shingles, LSH) on the same corpus in the
# same script.  Prints a table, then time(largest)/time(smallest) and the
# two-thread speed-ups.
#   SIZES="100000 300000 1000000" bench/scale.sh   (make all build/gencorpus build/classic first)
set -eu
cd "$(dirname "$0")/.."
SIZES=${SIZES:-100000 300000 1000000}
OUT=build/bench
mkdir -p "$OUT"
[ -x /usr/bin/time ] || { echo "scale.sh needs /usr/bin/time (Debian package: time)"; exit 1; }
printf '%-9s %-8s %-7s %9s %9s %10s %9s %12s\n' articles MB threads wall_s MB/s docs/s peak_MB bytes/article
first=""
last=""
for n in $SIZES; do
    corpus=$OUT/scale-$n.jsonl
    [ -f "$corpus" ] || build/gencorpus --docs "$n" --seed 11 --out "$corpus" --labels "$OUT/scale-$n.tsv" \
        --drifts "$OUT/scale-$n-drifts.tsv" > /dev/null
    mb=$(du -mL "$corpus" | cut -f1)
    for t in 1 2; do
        /usr/bin/time -f "%e %M" -o "$OUT/scale.time" build/newsdup scan --quiet --threads "$t" --format csv \
            "$corpus" > "$OUT/scale-$n-$t.csv"
        read -r wall kb < "$OUT/scale.time"
        awk -v n="$n" -v mb="$mb" -v t="$t" -v w="$wall" -v kb="$kb" 'BEGIN {
            printf "%-9d %-8d %-7d %9.1f %9.1f %10.0f %9.0f %12.0f\n", n, mb, t, w, mb / w, n / w, kb / 1024, kb * 1024 / n }'
        eval "wall_${n}_$t=$wall"
    done
    cmp -s "$OUT/scale-$n-1.csv" "$OUT/scale-$n-2.csv" || { echo "REPORTS DIFFER between 1 and 2 threads"; exit 1; }
    echo "-- classic on the same corpus (one thread):"
    build/classic "$corpus" "$OUT/scale-$n.tsv" | grep -E '^(classic|newsdup)|recall|MB/s|structures' || true
    [ -n "$first" ] || first=$n
    last=$n
done
eval "a=\$wall_${first}_1 b=\$wall_${last}_1"
echo "time($last) / time($first), one thread: $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", b / a }')"
for n in $SIZES; do
    eval "a=\$wall_${n}_1 b=\$wall_${n}_2"
    echo "two threads / one at $n: $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
done

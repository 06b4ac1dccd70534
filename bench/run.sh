#!/bin/sh
# Accuracy and speed benchmarks (make bench).  Public corpora are read from
# ${ND_DATA:-../shared/data}; any that is absent is skipped with a message.
#   DOCS=100000 RUNS=3 bench/run.sh
set -eu
cd "$(dirname "$0")/.."
DATA=${ND_DATA:-../shared/data}
DOCS=${DOCS:-100000}
RUNS=${RUNS:-3}
OUT=build/bench
mkdir -p "$OUT"

echo "== accuracy: generated corpus (20,000 articles, seed 7)"
build/gencorpus --docs 20000 --seed 7 --out "$OUT/acc.jsonl" --labels "$OUT/acc.tsv" --drifts "$OUT/acc-drifts.tsv"
build/accuracy gen "$OUT/acc.jsonl" "$OUT/acc.tsv"

echo "== accuracy: hand-written set (tests/data/audit-set)"
build/accuracy set tests/data/audit-set

echo "== accuracy: Clough & Stevenson"
if [ -d "$DATA/clough_stevenson_short_answers" ]; then
    build/accuracy clough "$DATA/clough_stevenson_short_answers"
else
    echo "skipped: $DATA/clough_stevenson_short_answers not found"
fi

echo "== drift accuracy: hand-written set, then generated corpora (seeds 21 and 22)"
build/drift_accuracy tests/data/audit-set
for seed in 21 22; do
    build/gencorpus --docs 3000 --seed "$seed" --out "$OUT/drift$seed.jsonl" --labels "$OUT/drift$seed.tsv" \
        --drifts "$OUT/drift$seed-drifts.tsv"
    build/drift_accuracy gen "$OUT/drift$seed.jsonl" "$OUT/drift$seed.tsv" "$OUT/drift$seed-drifts.tsv"
done

echo "== speed: generated corpus ($DOCS articles), $RUNS runs at 1 and 2 threads"
build/gencorpus --docs "$DOCS" --seed 11 --out "$OUT/speed.jsonl" --labels "$OUT/speed.tsv" --drifts "$OUT/speed-drifts.tsv"
i=1
while [ "$i" -le "$RUNS" ]; do
    for t in 1 2; do
        echo "-- run $i, $t thread(s)"
        build/speed "$OUT/speed.jsonl" --threads "$t"
    done
    i=$((i + 1))
done

echo "== classic: 5-word shingles, 128-permutation MinHash, LSH 25x5 (build/classic) against scan, same $DOCS articles"
build/classic "$OUT/speed.jsonl" "$OUT/speed.tsv"

echo "== ingest: the same $DOCS articles judged and added one at a time (build/ingest; README: Ingest filter)"
rm -rf "$OUT/ingest.idx" && build/ingest "$OUT/speed.jsonl" "$OUT/ingest.idx" --sync none --report-every 20000

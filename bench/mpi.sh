#!/bin/sh
# The distributed scan on one machine: newsdup scan, then newsdup-mpi on 1, 2
# and 4 ranks, over one generated corpus (default 1M articles, ~3.5 GB),
# each run timed, with the peak memory of its largest rank and the bytes
# moved between ranks a document; the reports must be identical.
#   DOCS=1000000 THREADS=1 bench/mpi.sh        (make mpi build/gencorpus first)
set -eu
cd "$(dirname "$0")/.."
DOCS=${DOCS:-1000000}
THREADS=${THREADS:-1}
OUT=build/bench
mkdir -p "$OUT"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
CORPUS=$OUT/mpi-$DOCS.jsonl
[ -f "$CORPUS" ] || build/gencorpus --docs "$DOCS" --seed 11 --out "$CORPUS" --labels "$OUT/mpi-$DOCS.tsv" \
    --drifts "$OUT/mpi-$DOCS-drifts.tsv"
echo "== newsdup scan, $THREADS thread(s)"
/usr/bin/time -f "wall %e s, peak memory %M KB" build/newsdup scan --quiet --threads "$THREADS" --format json \
    "$CORPUS" > "$OUT/mpi-one.json"
for n in 1 2 4; do
    echo "== newsdup-mpi, $n rank(s) of $THREADS thread(s)"
    /usr/bin/time -f "wall %e s" mpirun -n "$n" build/newsdup-mpi scan --quiet --stats --threads "$THREADS" \
        --format json "$CORPUS" > "$OUT/mpi-$n.json"
    if cmp -s "$OUT/mpi-one.json" "$OUT/mpi-$n.json"; then echo "report identical to newsdup scan's"
    else echo "REPORT DIFFERS from newsdup scan's"; exit 1; fi
done

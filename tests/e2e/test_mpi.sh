# newsdup-mpi on one machine: for 1 to 4 ranks its report is byte for byte
# newsdup scan's (seeds, the hand-written set, Clough & Stevenson where
# present, hostile input with duplicate ids split across ranks, a generated
# corpus read in byte ranges); a rank that fails (a broken input, a killed
# process) fails the job, names the rank, and no report is written.
# Needs newsdup-mpi beside ND_BIN (make mpi) and Open MPI's mpirun: without
# them the test is skipped, and counted as failed when CI=true.
. tests/e2e/lib.sh
E2E_SUITE=mpi
DIR=$(dirname "$ND_BIN")
MPI_BIN=$DIR/newsdup-mpi
if [ ! -x "$MPI_BIN" ] || ! command -v mpirun >/dev/null 2>&1; then
    if [ "${CI:-}" = true ]; then fail "$MPI_BIN or mpirun is missing (make mpi)"; else echo "skipped: no $MPI_BIN or mpirun (make mpi)"; fi
    finish
    exit 0
fi
# CI runs as root; this machine may have fewer cores than ranks.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
# Under AddressSanitizer: Open MPI's own allocations live until exit; full
# stacks let the suppressions tell them from newsdup's.
export LSAN_OPTIONS="suppressions=$PWD/tests/e2e/mpi-lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"
# A run that hangs (mpirun has been seen to wait forever beside another
# mpirun on the same machine) fails after 10 minutes instead of holding CI.
mpi() { n=$1; shift; timeout -k 10 600 mpirun -x LSAN_OPTIONS -x ASAN_OPTIONS -n "$n" "$MPI_BIN" "$@"; }

# same NAME FORMAT PATH...: one scan, then 1 to 4 ranks; report and notices alike
same() {
    name=$1 fmt=$2
    shift 2
    "$ND_BIN" scan --format "$fmt" "$@" > "$E2E_TMP/one" 2> "$E2E_TMP/one.err"
    expect_eq "$name: newsdup scan" "$?" 0
    for n in 1 2 3 4; do
        mpi $n scan --format "$fmt" "$@" > "$E2E_TMP/many" 2> "$E2E_TMP/many.err"
        expect_eq "$name: $n ranks exit" "$?" 0
        expect_eq "$name: $n ranks report" "$(cmp -s "$E2E_TMP/one" "$E2E_TMP/many" && echo same)" same
        expect_eq "$name: $n ranks notices" "$(cmp -s "$E2E_TMP/one.err" "$E2E_TMP/many.err" && echo same)" same
    done
}

same seeds json corpus/
expect_grep "seed cluster found" '"origin": "000_' "$E2E_TMP/many"
same "seeds as text" text corpus/
same "hand-written set as HTML" html tests/data/audit-set corpus/
same "hand-written set" json tests/data/audit-set

CLOUGH=${ND_DATA:-../shared/data}/clough_stevenson_short_answers
if [ -d "$CLOUGH" ]; then same "Clough & Stevenson" json "$CLOUGH"; else echo "skipped: $CLOUGH not found"; fi

# Hostile input, and ids that clash across inputs read by different ranks:
# the first in reading order wins, and a loser's warning goes with it.
MIX=$E2E_TMP/mixed
mkdir -p "$MIX"
cp -r tests/bad-input "$MIX/bad"
cp -r corpus "$MIX/seeds"
printf '{"id":"zz.txt","text":"An earlier document that already owns the id zz.txt."}\n' > "$MIX/a.jsonl"
cp tests/bad-input/cp1252.txt "$MIX/zz.txt"
printf '{"id":"reuters-2","text":"A later line reusing an id from bad/dup-ids.jsonl."}\n' > "$MIX/w.jsonl"
jq -cRs '{id: "gz-1", text: .}' corpus/001_*.txt | gzip > "$MIX/feed.jsonl.gz"
same "hostile and clashing input" json "$MIX" tests/data/audit-set
expect_grep "a clash across ranks is refused" 'duplicate id: a document with id \\"zz.txt\\"' "$E2E_TMP/many"
expect_grep "the gzip file is read (a copy of seed 001)" '"id": "gz-1"' "$E2E_TMP/many"

# A generated corpus in one JSON Lines file: every rank reads a byte range.
GEN=$DIR/gencorpus
case "$DIR" in *sanitize*) DOCS=3000 ;; *) DOCS=${ND_MPI_DOCS:-100000} ;; esac
if [ -x "$GEN" ]; then
    "$GEN" --docs "$DOCS" --seed 5 --out "$E2E_TMP/gen.jsonl" --labels "$E2E_TMP/gen.tsv" --drifts "$E2E_TMP/gen-d.tsv"
    same "generated corpus ($DOCS articles)" json "$E2E_TMP/gen.jsonl"
    expect_grep "generated clusters found" '"relation": "rewrite"' "$E2E_TMP/many"
else
    fail "$GEN is missing (make $GEN)"
fi

# -o writes the same report to a file.
mpi 2 scan --format csv -o "$E2E_TMP/out.csv" corpus/ 2> /dev/null
"$ND_BIN" scan --format csv corpus/ > "$E2E_TMP/one.csv" 2> /dev/null
expect_eq "-o file" "$(cmp -s "$E2E_TMP/one.csv" "$E2E_TMP/out.csv" && echo same)" same

# A broken input on one rank stops the job: status 2, the rank named, no report.
head -c 60 "$MIX/feed.jsonl.gz" > "$E2E_TMP/cut.jsonl.gz"
mpi 3 scan --format json corpus/ "$E2E_TMP/cut.jsonl.gz" > "$E2E_TMP/cut.out" 2> "$E2E_TMP/cut.err"
expect_eq "broken input: exit" "$?" 2
expect_grep "broken input: rank named" "newsdup: rank [0-9]+: cannot read .*cut.jsonl.gz" "$E2E_TMP/cut.err"
expect_eq "broken input: no report" "$(wc -c < "$E2E_TMP/cut.out" | tr -d ' ')" 0
mpi 2 scan /nonexistent/archive > "$E2E_TMP/none.out" 2> "$E2E_TMP/none.err"
expect_eq "missing path: exit" "$?" 2
expect_grep "missing path: said" "cannot open /nonexistent/archive" "$E2E_TMP/none.err"

# A rank killed mid-run: the job fails, Open MPI names the rank, no report.
if [ -f "$E2E_TMP/gen.jsonl" ]; then
    mpi 2 scan --format json "$E2E_TMP/gen.jsonl" > "$E2E_TMP/kill.out" 2> "$E2E_TMP/kill.err" &
    job=$!
    victim=""
    for _ in $(seq 100); do
        for p in $(pgrep -f "$MPI_BIN scan --format json $E2E_TMP/gen.jsonl"); do
            tr '\0' '\n' < "/proc/$p/environ" 2> /dev/null | grep -qx OMPI_COMM_WORLD_RANK=1 && victim=$p
        done
        [ -n "$victim" ] && break
        sleep 0.05
    done
    [ -n "$victim" ] && kill -9 "$victim"
    wait "$job"
    rc=$?
    expect_eq "killed rank: found" "$([ -n "$victim" ] && echo yes)" yes
    expect_eq "killed rank: job fails" "$([ "$rc" -ne 0 ] && echo nonzero)" nonzero
    expect_grep "killed rank: rank named" "rank 1 .*(signal 9|Killed)" "$E2E_TMP/kill.err"
    expect_eq "killed rank: no report" "$(wc -c < "$E2E_TMP/kill.out" | tr -d ' ')" 0
fi

# What it does not do, it says.
mpi 1 scan - < /dev/null > /dev/null 2> "$E2E_TMP/stdin.err"
expect_eq "stdin refused" "$?" 1
expect_grep "stdin: said" "not standard input" "$E2E_TMP/stdin.err"
mpi 1 audit corpus/ > /dev/null 2> "$E2E_TMP/audit.err"
expect_eq "audit refused" "$?" 1
finish

# Crash test of newsdup filter: SIGKILL at random moments during an ingest,
# each time restarting on the input lines that got no verdict yet, plus the
# REFEED lines before them (as a pipeline restarting from a checkpoint a
# little behind would, so the "seen" path is always taken).  Checks
# that no committed article is lost or stored twice, that the index opens
# cleanly, and that the final verdicts equal an uninterrupted run's.
#   sh tests/e2e/test_filter_crash.sh [KILLS [ARTICLES [SEED]]]   (default 10 2000 1)
# The issue's full run is 50 kills during 20,000 articles.  Run from the
# repository root; uses build/gencorpus when present, else compiles it.
E2E_SUITE=filter-crash
. "$(dirname "$0")/lib.sh"
KILLS=${1:-10}
ARTICLES=${2:-2000}
SEED=${3:-1}
REFEED=3
T=$E2E_TMP
GEN=build/gencorpus
if [ ! -x "$GEN" ]; then
    GEN=$T/gencorpus
    ${CC:-cc} -std=c11 -O2 -o "$GEN" bench/gen/gencorpus.c -lm || { fail "cannot build gencorpus"; finish; exit 1; }
fi
"$GEN" --docs "$ARTICLES" --seed "$SEED" --out "$T/in.jsonl" --labels "$T/labels.tsv" --drifts "$T/drifts.tsv" 2>/dev/null
N=$(wc -l <"$T/in.jsonl" | tr -d ' ')
expect_eq "generated" "$N" "$ARTICLES"
# small groups and a short timer, so a kill finds commits in flight
OPTS="--commit-every 16 --commit-ms 2 --sync group"
now_ms() { echo $(($(date +%s%N) / 1000000)); }

t0=$(now_ms)
"$ND_BIN" filter --index "$T/ref" $OPTS <"$T/in.jsonl" >"$T/ref.out"
expect_eq "uninterrupted run: exit" "$?" 0
ms=$(($(now_ms) - t0))
# canonical verdict of a line: a seen line counts with the verdict it got when stored
canon() { jq -r '.id + " " + (if .newsdup.verdict == "seen" then .newsdup.was else .newsdup.verdict end) + " " + (.newsdup.of // "-") + " " + ((.newsdup.similarity // 0) | tostring)'; }
canon <"$T/ref.out" >"$T/ref.canon"

# Kill moments: uniform over the first half of the time the rest of the
# input took in the reference run, so that a kill still lands mid-ingest
# when the machine is less loaded than it was then.
done_lines=0
k=0
killed=0
: >"$T/all.out"
while [ "$k" -lt "$KILLS" ] && [ "$done_lines" -lt "$N" ]; do
    k=$((k + 1))
    left=$((N - done_lines))
    span=$((ms * left / N / 2))
    [ "$span" -lt 20 ] && span=20
    delay=$(awk -v s="$SEED" -v k="$k" -v span="$span" 'BEGIN { srand(s * 1000 + k); printf "%.3f", (5 + rand() * span) / 1000 }')
    from=$((done_lines > REFEED ? done_lines - REFEED : 0))
    tail -n +"$((from + 1))" "$T/in.jsonl" >"$T/rest.jsonl"
    "$ND_BIN" filter --index "$T/idx" $OPTS <"$T/rest.jsonl" >"$T/part.out" 2>"$T/part.err" &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
    wait "$pid" 2>/dev/null
    # only whole lines count: a kill may cut the last one
    lines=$(wc -l <"$T/part.out" | tr -d ' ')
    head -n "$lines" "$T/part.out" >>"$T/all.out"
    [ $((from + lines)) -gt "$done_lines" ] && done_lines=$((from + lines))
done
from=$((done_lines > REFEED ? done_lines - REFEED : 0))
tail -n +"$((from + 1))" "$T/in.jsonl" >"$T/rest.jsonl"
"$ND_BIN" filter --index "$T/idx" $OPTS <"$T/rest.jsonl" >"$T/part.out"
expect_eq "last run: exit" "$?" 0
cat "$T/part.out" >>"$T/all.out"
echo "# $E2E_SUITE: $killed kills landed during $ARTICLES articles ($k runs killed or finished early)"
expect_eq "kills landed" "$([ "$killed" -ge $((KILLS * 8 / 10)) ] && echo yes)" yes

# every input line answered, in order (a re-fed line again, as seen), and
# the verdicts as uninterrupted
canon <"$T/all.out" | awk '!first[$1]++' >"$T/all.canon"
expect_eq "lines answered in order" "$(cut -d' ' -f1 "$T/all.canon" | cksum)" "$(cut -d' ' -f1 "$T/ref.canon" | cksum)"
expect_eq "verdicts as an uninterrupted run" "$(diff "$T/ref.canon" "$T/all.canon" | head -n 5)" ""
jq -r '.id + " " + .newsdup.verdict' <"$T/all.out" | awk 'n[$1]++' >"$T/again"
again=$(wc -l <"$T/again" | tr -d ' ')
echo "# $E2E_SUITE: $again lines answered again after a restart, $(grep -c '"verdict":"seen"' "$T/all.out") seen in all"
expect_eq "lines answered again" "$([ "$again" -gt 0 ] && echo some)" some
expect_eq "a line answered again is seen" "$(cut -d' ' -f2 "$T/again" | sort -u)" "seen"
# the index opens cleanly and holds each committed article once
"$ND_BIN" index stats "$T/idx" >"$T/stats"
expect_eq "index stats: exit" "$?" 0
"$ND_BIN" index stats "$T/ref" >"$T/ref.stats"
expect_eq "same documents as uninterrupted" "$(grep '^documents' "$T/stats")" "$(grep '^documents' "$T/ref.stats")"
expect_eq "one entry per article" "$(grep '^documents' "$T/stats" | awk '{print $2}')" "$N"
# nothing lost: a reader finds every article, with its verdict
"$ND_BIN" filter --index "$T/idx" --read-only <"$T/in.jsonl" >"$T/check.out"
expect_eq "every article stored" "$(jq -r .newsdup.verdict <"$T/check.out" | sort -u)" "seen"
expect_eq "stored verdicts as uninterrupted" "$(canon <"$T/check.out" | diff "$T/ref.canon" - | head -n 5)" ""
finish

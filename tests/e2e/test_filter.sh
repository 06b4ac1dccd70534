# newsdup filter and newsdup index: verdicts on the seed corpus in input
# order, the input object kept, --drop-duplicates, "seen" on a re-run, bad
# lines answered with "error" while the stream goes on, agreement with scan
# on the labelled audit set, a reader beside a writer, a second writer
# refused, verdicts flushed before the input ends, index stats/query/add.
# Run from the repository root.
E2E_SUITE=filter
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
S0=000_2524be277e2264a3.txt S1=001_52040788e84add02.txt S2=002_d3c08a9c2b37002a.txt
S3=003_8f74b81e1eb9c8a3.txt S4=004_1dfc0723e0f91d91.txt

# jsonl ID FILE [extra jq object]: one JSON Lines record of FILE's text
jsonl() { jq -Rsc --arg id "$1" "{id: \$id, text: .} ${3:++ $3}" <"$2"; }
# verdicts FILE: "id verdict of" per output line
verdicts() { jq -r '[.id // "-", .newsdup.verdict, .newsdup.of // "-"] | join(" ")' <"$1"; }

for s in $S0 $S1 $S2 $S3 $S4; do jsonl "$s" "corpus/$s"; done >"$T/seeds.jsonl"

# ---- the seeds in order: 000 new, 001 and 002 rewrite it, 003 and 004 new
"$ND_BIN" filter --index "$T/idx" <"$T/seeds.jsonl" >"$T/out" 2>"$T/err"
expect_eq "seeds: exit" "$?" 0
expect_eq "seeds: verdicts" "$(verdicts "$T/out" | tr '\n' ';')" \
    "$S0 new -;$S1 rewrite $S0;$S2 rewrite $S0;$S3 new -;$S4 new -;"
expect_eq "seeds: stderr empty" "$(cat "$T/err")" ""
sim=$(jq -r 'select(.id == "'$S1'") | .newsdup.similarity' <"$T/out")
expect_eq "seeds: 001's similarity, four decimals, near scan's 0.24" "$(echo "$sim" | grep -Ec '^0\.2[2-6][0-9]{2}$')" 1
# each line is the input object, unchanged, with "newsdup" added last
expect_eq "seeds: objects kept" "$(jq -c 'del(.newsdup)' <"$T/out")" "$(cat "$T/seeds.jsonl")"
expect_eq "seeds: newsdup last" "$(jq -r 'keys_unsorted | last' <"$T/out" | sort -u)" "newsdup"

# ---- a re-run: every id is seen, with the verdict it got
"$ND_BIN" filter --index "$T/idx" <"$T/seeds.jsonl" >"$T/out2"
expect_eq "re-run: verdicts" "$(jq -r '.newsdup | [.verdict, .was, .of // "-"] | join(" ")' <"$T/out2" | tr '\n' ';')" \
    "seen new -;seen rewrite $S0;seen rewrite $S0;seen new -;seen new -;"
"$ND_BIN" index stats "$T/idx" >"$T/stats"
expect_grep "stats: five documents" '^documents +5 +\(new 3, copy 0, rewrite 2\)$' "$T/stats"
expect_grep "stats: format" '^format +5$' "$T/stats"

# ---- --drop-duplicates: copies and rewrites are left out; other fields and order kept
{ jsonl "$S0" "corpus/$S0" '{source: "Wire", x: [1, {"y": null}]}'
  jsonl copy "corpus/$S0" '{x: 2}'
  jsonl "$S3" "corpus/$S3"; jsonl "$S1" "corpus/$S1"; } >"$T/drop.jsonl"
"$ND_BIN" filter --index "$T/drop" --drop-duplicates <"$T/drop.jsonl" >"$T/out"
expect_eq "drop: what is left" "$(verdicts "$T/out" | tr '\n' ';')" "$S0 new -;$S3 new -;"
expect_eq "drop: fields kept in order" "$(head -n 1 "$T/out" | jq -c '[keys_unsorted, .source, .x]')" \
    '[["id","text","source","x","newsdup"],"Wire",[1,{"y":null}]]'
"$ND_BIN" filter --index "$T/drop" <"$T/drop.jsonl" >"$T/out"
expect_eq "drop: the copy was stored" "$(verdicts "$T/out" | sed -n 2p)" "copy seen $S0"
jq -r '.newsdup.was' <"$T/out" | tr '\n' ' ' >"$T/was"
expect_eq "drop: stored verdicts" "$(cat "$T/was")" "new copy new rewrite "

# ---- bad lines: each answered with "error" and its reason; the stream goes on
{ echo '{"id": "broken", "text": '
  echo '{"text": "no id here"}'
  echo '{"id": "notext"}'
  printf '{"id": "big", "text": "'; head -c 52428800 /dev/zero | tr '\0' 'a'; echo '"}'
  printf '{"id": "latin1", "text": "caf\351 au lait"}\n'
  echo
  echo '   '
  echo '{"id": "empty", "text": "  ...  "}'
  jsonl "$S0" "corpus/$S0"
  jsonl "$S2" "corpus/$S2"; } >"$T/bad.jsonl"
"$ND_BIN" filter --index "$T/bad" <"$T/bad.jsonl" >"$T/out" 2>"$T/err"
expect_eq "bad: exit" "$?" 0
expect_eq "bad: one output line per input line" "$(wc -l <"$T/out" | tr -d ' ')" 10
jq -r '.newsdup | .verdict + " " + (.error // "")' <"$T/out" >"$T/why"
expect_grep "bad: malformed JSON" '^error line 1: broken JSON at column [0-9]+: ' "$T/why"
expect_eq "bad: no id" "$(sed -n 2p "$T/why")" 'error line 2: missing "id" field'
expect_eq "bad: no text" "$(sed -n 3p "$T/why")" 'error line 3: missing "text" field'
expect_eq "bad: 50 MB line" "$(sed -n 4p "$T/why")" \
    "error line 4: document is 52428800 bytes, over the limit of 16777216 (max_doc_bytes)"
expect_grep "bad: invalid UTF-8" '^error line 5: invalid UTF-8 in JSON at byte [0-9]+ of the line$' "$T/why"
expect_eq "bad: empty line" "$(sed -n 6p "$T/why")" "error line 6 is empty"
expect_eq "bad: blank line" "$(sed -n 7p "$T/why")" "error line 7 is empty"
expect_eq "bad: no words" "$(sed -n 8p "$T/why")" "error line 8: document is empty (no letters or digits)"
expect_eq "bad: the stream went on" "$(verdicts "$T/out" | tail -n 2 | tr '\n' ';')" "$S0 new -;$S2 rewrite $S0;"
expect_eq "bad: kept fields of a bad object" "$(sed -n 3p "$T/out" | jq -r .id)" notext
"$ND_BIN" filter --index "$T/bad" --max-line-bytes 1M <"$T/bad.jsonl" >"$T/out"
expect_eq "bad: line over --max-line-bytes" "$(sed -n 4p "$T/out" | jq -r .newsdup.error)" \
    "line 4 is longer than max_line_bytes (1048576 bytes)"
expect_eq "bad: then seen" "$(verdicts "$T/out" | tail -n 1)" "$S2 seen $S0"

# ---- agreement with scan on the labelled audit set: origin first, then its copy, rewrites, independent
for d in tests/data/audit-set/*/; do
    for f in origin copy rewrite-a rewrite-b independent; do jsonl "$(basename "$d")/$f" "$d$f.txt"; done
done >"$T/audit.jsonl"
"$ND_BIN" filter --index "$T/audit" <"$T/audit.jsonl" >"$T/out"
jq -r '(.id | split("/")[1]) + " " + .newsdup.verdict + " " + ((.newsdup.of // "-/-") | split("/")[1])' <"$T/out" \
    | sort | uniq -c | sed 's/^ *//' >"$T/agree"
expect_eq "audit set: verdicts by role" "$(cat "$T/agree" | tr '\n' ';')" \
    "8 copy copy origin;8 independent new -;8 origin new -;8 rewrite-a rewrite origin;8 rewrite-b rewrite origin;"

# ---- a reader beside a writer; read-only adds nothing
jsonl "$S1" "corpus/$S1" | sed 's/"id":"[^"]*"/"id":"another"/' >"$T/one.jsonl"
"$ND_BIN" filter --index "$T/idx" --read-only <"$T/one.jsonl" >"$T/out"
expect_eq "read-only: verdict" "$(verdicts "$T/out")" "another rewrite $S0"
"$ND_BIN" filter --index "$T/idx" --read-only <"$T/one.jsonl" >"$T/out"
expect_eq "read-only: not added" "$(verdicts "$T/out")" "another rewrite $S0"
"$ND_BIN" filter --index "$T/nowhere" --read-only <"$T/one.jsonl" >"$T/out" 2>"$T/err"
expect_eq "read-only: no index, exit 2" "$?" 2
expect_grep "read-only: no index, message" "^newsdup: no index at $T/nowhere" "$T/err"

# ---- a writer waiting on its input: its verdicts come out after --commit-ms,
# readers answer beside it, a second writer is refused
mkfifo "$T/fifo"
"$ND_BIN" filter --index "$T/live" --commit-ms 20 <"$T/fifo" >"$T/live.out" 2>"$T/live.err" &
writer=$!
exec 9>"$T/fifo"
jsonl "$S0" "corpus/$S0" >&9
i=0
while [ "$i" -lt 100 ] && [ "$(wc -l <"$T/live.out")" -lt 1 ]; do sleep 0.05; i=$((i + 1)); done
expect_eq "live: verdict before the input ends" "$(verdicts "$T/live.out")" "$S0 new -"
"$ND_BIN" filter --index "$T/live" --read-only <"$T/one.jsonl" >"$T/out"
expect_eq "live: a reader beside the writer" "$(verdicts "$T/out")" "another rewrite $S0"
"$ND_BIN" filter --index "$T/live" <"$T/one.jsonl" >"$T/out" 2>"$T/err"
expect_eq "live: second writer exit" "$?" 2
expect_grep "live: second writer message" "^newsdup: index $T/live is being written by another process \(pid [0-9]+\); an index takes one writer at a time$" "$T/err"
expect_eq "live: second writer wrote nothing" "$(cat "$T/out")" ""
jsonl "$S2" "corpus/$S2" >&9
exec 9>&-
wait "$writer"
expect_eq "live: writer exit" "$?" 0
expect_eq "live: all verdicts" "$(verdicts "$T/live.out" | tr '\n' ';')" "$S0 new -;$S2 rewrite $S0;"

# ---- index add, query, stats
"$ND_BIN" index add "$T/bulk" corpus/ >"$T/out" 2>"$T/err"
expect_eq "add: exit" "$?" 0
expect_eq "add: summary" "$(cat "$T/out")" \
    "added 5 documents to $T/bulk: 3 new, 0 copy, 2 rewrite; 0 already there, 1 skipped"
"$ND_BIN" index add "$T/bulk" corpus/ >"$T/out"
expect_eq "add again: all there" "$(cat "$T/out")" \
    "added 0 documents to $T/bulk: 0 new, 0 copy, 0 rewrite; 5 already there, 1 skipped"
"$ND_BIN" index query "$T/bulk" corpus/$S2 corpus/$S3 >"$T/out"
expect_eq "query: 002" "$(sed -n 1p "$T/out" | sed 's/(similarity 0\.[0-9]*)/(similarity X)/')" \
    "corpus/$S2: rewrite of $S0 (similarity X)"
expect_grep "query: 002 matches 000" "^  rewrite +0\.[0-9]{4}  $S0\$" "$T/out"
expect_grep "query: 002 matches itself as a copy" "^  copy +1\.0000  $S2\$" "$T/out"
"$ND_BIN" index add "$T/one" "corpus/$S0" >/dev/null
"$ND_BIN" index query "$T/one" corpus/$S3 >"$T/out"
expect_eq "query: 003 new" "$(cat "$T/out")" "corpus/$S3: new"
"$ND_BIN" index stats "$T/bulk" >"$T/out"
expect_grep "stats: documents" '^documents +5 +\(new 3, copy 0, rewrite 2\)$' "$T/out"
expect_grep "stats: size" '^size +[0-9]+ bytes on disk, [0-9]+ in use: [0-9]+ bytes a document$' "$T/out"
"$ND_BIN" index frob "$T/bulk" 2>"$T/err"
expect_eq "index: unknown subcommand" "$?" 1
"$ND_BIN" filter <"$T/one.jsonl" 2>"$T/err"
expect_eq "filter: --index required" "$?" 1
expect_grep "filter: --index required, message" "^newsdup: filter needs --index DIR$" "$T/err"
"$ND_BIN" filter --index "$T/x" --sync sometimes <"$T/one.jsonl" 2>"$T/err"
expect_eq "filter: bad --sync" "$?" 1
finish

# The newsdup command end to end: help, usage errors and their exit codes,
# each report format, -o, stdin JSON Lines, skipped documents, --origin,
# progress, and failed writes.  Run from the repository root (tests/run.sh).
E2E_SUITE=cli
. "$(dirname "$0")/lib.sh"
OUT=$E2E_TMP/out
ERR=$E2E_TMP/err
SEED=corpus/000_2524be277e2264a3.txt

# nd ARGS...: runs newsdup; stdout in $OUT, stderr in $ERR, exit status in $RC.
nd() { "$ND_BIN" "$@" >"$OUT" 2>"$ERR"; RC=$?; }
# usage NAME ARGS...: expects exit 1 and the hint on stderr.
usage() {
    name=$1; shift
    nd "$@"
    expect_eq "$name: exit" "$RC" 1
    expect_grep "$name: hint" '^see newsdup --help$' "$ERR"
}

# ---- help and version
nd --help
expect_eq "--help exit" "$RC" 0
expect_grep "--help names scan" 'newsdup scan' "$OUT"
expect_grep "--help names audit" 'newsdup audit' "$OUT"
expect_grep "--help lists exit codes" '^exit status: 0' "$OUT"
cp "$OUT" "$E2E_TMP/help"
nd -h
expect_eq "-h exit" "$RC" 0
expect_eq "-h is --help" "$(cmp -s "$OUT" "$E2E_TMP/help" && echo same)" same
nd --version
expect_eq "--version exit" "$RC" 0
expect_eq "--version text" "$(cat "$OUT")" "newsdup 0.1.0"
nd help scan
expect_eq "help scan exit" "$RC" 0
expect_grep "help scan usage" '^usage: newsdup scan \[options\] PATH\.\.\.$' "$OUT"
nd audit --help
expect_eq "audit --help exit" "$RC" 0
expect_grep "audit --help tells --origin" 'newsdup audit \[options\] --origin FILE PATH' "$OUT"

# ---- usage errors: exit 1
usage "no command"
usage "unknown command" frobnicate corpus/
usage "unknown option" scan --frobnicate corpus/
expect_grep "unknown option named" "unknown option '--frobnicate'" "$ERR"
usage "option before command" --format json scan corpus/
usage "bad format" scan --format xml corpus/
expect_grep "bad format named" "unknown format 'xml'" "$ERR"
usage "format without value" scan corpus/ --format
expect_grep "missing value named" "option '--format' needs a value" "$ERR"
usage "flag with value" scan --quiet=yes corpus/
usage "no path" scan --format json
usage "origin with scan" scan --origin "$SEED" corpus/
usage "origin without others" audit --origin "$SEED"
usage "origin is a directory" audit --origin corpus/ "$SEED"
usage "help for nothing" help frobnicate
for v in 12x 0 -5 '' 1.5 1KB ' 12' 0x10; do
    usage "--max-doc-bytes '$v'" scan --max-doc-bytes "$v" corpus/
    expect_grep "--max-doc-bytes '$v' named" "^newsdup: --max-doc-bytes wants a positive whole number .*, not '$v'$" "$ERR"
done
for v in 99999999999999999999 17179869184G; do
    usage "--max-doc-bytes '$v'" scan --max-doc-bytes "$v" corpus/
    expect_grep "--max-doc-bytes '$v' too large" "^newsdup: --max-doc-bytes $v is too large" "$ERR"
done
usage "--max-sentences over 32 bits" scan --max-sentences 4G corpus/
usage "--threads 0" scan --threads 0 corpus/
usage "--threads too many" scan --threads 5000 corpus/
expect_grep "--threads too many named" "^newsdup: --threads 5000 is too large \(at most 1024\)$" "$ERR"
usage "--max-line-bytes junk" scan --max-line-bytes=lots corpus/
nd scan --max-doc-bytes 16M --max-line-bytes=1g --max-sentences 5000 --threads 2 --format json corpus/
expect_eq "good numbers exit" "$RC" 0
expect_grep "good numbers scan" '"documents": 5,' "$OUT"

# ---- input errors: exit 2
nd scan "$E2E_TMP/no-such-file.txt"
expect_eq "missing path exit" "$RC" 2
expect_grep "missing path named" "^newsdup: .*no-such-file\.txt" "$ERR"
nd scan corpus/ "$E2E_TMP/no-such-dir/"
expect_eq "missing second path exit" "$RC" 2
: >"$E2E_TMP/blank.txt"
nd audit --origin "$E2E_TMP/blank.txt" corpus/
expect_eq "skipped origin exit" "$RC" 2
expect_grep "skipped origin said why" '^newsdup: skipped .*blank\.txt: ' "$ERR"
expect_grep "skipped origin named" '^newsdup: --origin .*blank\.txt holds no document' "$ERR"
nd scan -o "$E2E_TMP/no-such-dir/report.json" corpus/
expect_eq "uncreatable output exit" "$RC" 2
expect_grep "uncreatable output named" "^newsdup: cannot create .*report\.json" "$ERR"

# ---- formats over the seed corpus
nd scan --format json corpus/
expect_eq "json exit" "$RC" 0
expect_grep "json documents" '^  "documents": 5,$' "$OUT"
# corpus/expected.json holds the expected results, not an article: reported and skipped
expect_grep "json skipped" '^    \{"id": "expected.json", "error": "not a document: a .json file must be one object' "$OUT"
expect_grep "json origin member" '"relation": "origin", "similarity": 1\.0000, "parent": null' "$OUT"
expect_no_grep "json not audited" '"drifts"' "$OUT"
if command -v jq >/dev/null 2>&1; then
    expect_eq "json parses" "$(jq -r '.documents' "$OUT")" 5
    expect_eq "json keys in order" "$(jq -c 'keys_unsorted' "$OUT")" '["documents","skipped","warnings","clusters","related"]'
fi
nd scan --format csv corpus/
expect_eq "csv exit" "$RC" 0
expect_eq "csv header" "$(head -n 1 "$OUT")" "$(printf 'cluster,origin,member,relation,similarity,parent\r')"
expect_grep "csv origin row" '^1,([^,]*),\1,origin,1\.0000,'"$(printf '\r')"'$' "$OUT"
nd scan corpus/
expect_eq "text exit" "$RC" 0
expect_grep "text cluster header" '^Cluster 1  origin: ' "$OUT"
expect_grep "text summary" '^5 documents, [0-9]+ clusters?, 1 skipped$' "$OUT"
nd audit --format csv corpus/
expect_eq "audit csv exit" "$RC" 0
expect_eq "audit csv header" "$(head -n 1 "$OUT")" "$(printf 'cluster,doc,type,origin_speaker,rewrite_speaker,origin_start,origin_end,rewrite_start,rewrite_end,confidence,detail,origin_text,rewrite_text\r')"
nd audit --format json corpus/
expect_eq "audit json exit" "$RC" 0
expect_grep "audit json drifts" '^      "drifts": \[' "$OUT"
nd scan --format html corpus/
expect_eq "html exit" "$RC" 0
expect_grep "html output" '^<html lang="en">$' "$OUT"

# ---- -o and --output=
nd scan --format csv -o "$E2E_TMP/report.csv" corpus/
expect_eq "-o exit" "$RC" 0
expect_eq "-o leaves stdout empty" "$(wc -c <"$OUT")" 0
expect_eq "-o file header" "$(head -n 1 "$E2E_TMP/report.csv")" "$(printf 'cluster,origin,member,relation,similarity,parent\r')"
nd scan --output="$E2E_TMP/report.json" --format=json corpus/
expect_eq "--output= exit" "$RC" 0
expect_grep "--output= file" '"documents": 5,' "$E2E_TMP/report.json"
nd scan -o- --format json corpus/
expect_grep "-o- is stdout" '"documents": 5,' "$OUT"

# ---- stdin JSON Lines, skipped documents, warnings
A='Hancheng Cao, an assistant professor at Emory University, suggests that it could be a form of justice for researchers in the Global South, who often have limited resources. These sanctions, intended to weaken the AI capabilities of China, seem to have pushed startups like Deepseek to innovate, focusing on efficiency and local collaboration.'
B='Hancheng Cao, a professor at Emory University, said this model could be a game-changer for the Global South, offering a more affordable way to access cutting-edge AI. These sanctions were meant to slow down AI progress in China, but instead they pushed companies like DeepSeek to innovate more efficiently.'
printf '{"id": "wire-1", "text": "%s"}\n{"id": "blog-1", "text": "%s"}\n{"id": "empty-1", "text": "   "}\n' "$A" "$B" \
    | "$ND_BIN" scan --format json - >"$OUT" 2>"$ERR"
expect_eq "stdin exit" "$?" 0
expect_grep "stdin documents" '^  "documents": 2,$' "$OUT"
expect_grep "stdin skipped in json" '^    \{"id": "empty-1", "error": "' "$OUT"
expect_grep "stdin skipped on stderr" '^newsdup: skipped empty-1: ' "$ERR"
printf '{"id": "wire-1", "text": "%s"}\n{"id": "empty-1", "text": "   "}\n' "$A" \
    | "$ND_BIN" scan --quiet - >"$OUT" 2>"$ERR"
expect_eq "stdin quiet exit" "$?" 0
expect_eq "--quiet keeps stderr empty" "$(cat "$ERR")" ""
expect_grep "text counts skipped" '^1 document, 0 clusters, 1 skipped$' "$OUT"
printf 'Caf\351 society in Paris reacted to DeepSeek R1 with surprise.\n' >"$E2E_TMP/latin1.txt"
nd scan --format json "$E2E_TMP/latin1.txt"
expect_eq "warning exit" "$RC" 0
expect_grep "warning on stderr" '^newsdup: warning: .*latin1\.txt: ' "$ERR"
expect_grep "warning in json" '^    \{"id": ".*latin1\.txt", "message": "' "$OUT"

# ---- no documents at all is an empty result, not an error
mkdir "$E2E_TMP/empty-dir"
nd scan --format json "$E2E_TMP/empty-dir"
expect_eq "empty dir exit" "$RC" 0
expect_grep "empty dir documents" '^  "documents": 0,$' "$OUT"
expect_grep "empty dir clusters" '^  "clusters": \[\],$' "$OUT"
nd audit "$E2E_TMP/empty-dir"
expect_eq "empty audit exit" "$RC" 0
expect_grep "empty audit text" '^0 documents, 0 clusters, 0 skipped$' "$OUT"

# ---- audit --origin
nd audit --format json --origin "$SEED" corpus/001_52040788e84add02.txt corpus/002_d3c08a9c2b37002a.txt
expect_eq "--origin exit" "$RC" 0
expect_grep "--origin is the origin" "^      \"origin\": \"$SEED\",$" "$OUT"
expect_grep "--origin audits" '^      "drifts": \[' "$OUT"

# ---- progress: forced with --progress, off when stderr is not a terminal
nd scan --progress corpus/
expect_eq "--progress exit" "$RC" 0
expect_grep "--progress line" '[a-z]+ [0-9]+(/[0-9]+)?  [0-9]+\.[0-9] MB read  [0-9]+\.[0-9] MB/s' "$ERR"
expect_eq "--progress ends its line" "$(tail -c 1 "$ERR" | od -An -c | tr -d ' ')" '\n'
nd scan corpus/
expect_no_grep "no progress off a terminal" 'MB/s' "$ERR"
# Under a pseudo-terminal (script(1), from Debian's essential bsdutils) progress
# shows by itself, and --quiet silences it; stdout goes to a file, so what
# script captures is stderr alone.
if command -v script >/dev/null 2>&1; then
    script -qec "$ND_BIN scan corpus/ >/dev/null" /dev/null >"$E2E_TMP/pty" 2>&1
    expect_grep "progress on a terminal" '[0-9]+\.[0-9] MB read  [0-9]+\.[0-9] MB/s' "$E2E_TMP/pty"
    script -qec "$ND_BIN scan --quiet corpus/ >/dev/null" /dev/null >"$E2E_TMP/pty" 2>&1
    expect_no_grep "--quiet on a terminal" 'MB/s' "$E2E_TMP/pty"
else
    echo "# cli: script(1) not found, progress under a terminal not tested"
fi

# ---- failed writes: exit 3
nd scan --format json -o /dev/full corpus/
expect_eq "-o /dev/full exit" "$RC" 3
expect_grep "-o /dev/full said" 'No space left on device' "$ERR"
"$ND_BIN" scan corpus/ >/dev/full 2>"$ERR"
expect_eq "stdout /dev/full exit" "$?" 3
"$ND_BIN" --help >/dev/full 2>"$ERR"
expect_eq "--help to /dev/full exit" "$?" 3
"$ND_BIN" scan corpus/ >&- 2>"$ERR"
expect_eq "closed stdout exit" "$?" 3
# The reader is gone before newsdup starts writing.
{ sleep 1; "$ND_BIN" scan --format json corpus/ 2>"$ERR"; echo $? >"$E2E_TMP/rc"; } | true
expect_eq "closed pipe exit" "$(cat "$E2E_TMP/rc")" 3
expect_grep "closed pipe said" 'Broken pipe' "$ERR"

finish

# Hostile input through the CLI: the fixtures of tests/bad-input (outcomes in
# its README.md), stdin, gzip, special files in a tree, and missing paths.
# The JSON report is checked with grep (no python): each skipped entry is one
# {"id": ..., "error": ...} object.  Run from the repository root.
E2E_SUITE=bad-input
. "$(dirname "$0")/lib.sh"
OUT=$E2E_TMP/out
ERR=$E2E_TMP/err
BAD=tests/bad-input

nd() { "$ND_BIN" "$@" >"$OUT" 2>"$ERR"; RC=$?; }
# re TEXT: TEXT as an extended regex matching itself
re() { printf '%s' "$1" | sed 's/[].[\*^$()+?{}|/]/\\&/g'; }
# objects: the JSON report in $OUT, one object's fields a line
objects() { tr -d '\n' <"$OUT" | tr '{}' '\n\n'; }
# documents NAME N: the report counts N documents
documents() { expect_grep "$1: documents" "\"documents\": *$2 *,?\$" "$OUT"; }
# skipped NAME ID ERROR-REGEX: ID is listed as skipped with an error matching
skipped() {
    if objects | grep -E "\"id\": *\"$(re "$2")\"" | grep -Eq "\"error\": *\"$3"; then pass
    else fail "$1: no skipped entry for '$2' with error /$3/"; fi
}
# count NAME KEY N: KEY occurs N times in the report
count() { expect_eq "$1: $2 count" "$(grep -o "\"$2\":" "$OUT" | wc -l | tr -d ' ')" "$3"; }

BINARY='looks like a binary file \(NUL or control bytes\), not text'
EMPTY='document is empty \(no letters or digits\)'
CP1252='not valid UTF-8; decoded as Windows-1252'

# ---- the fixture directory: every row of the README table
nd scan --format json "$BAD"
expect_eq "fixtures: exit" "$RC" 0
documents fixtures 11
count fixtures error 14
skipped fixtures empty.txt "$EMPTY"
skipped fixtures whitespace.txt "$EMPTY"
skipped fixtures nul-bytes.txt "$BINARY"
skipped fixtures tiny.png "$BINARY"
skipped fixtures elf-header.bin "$BINARY"
skipped fixtures broken.jsonl:2 'broken JSON at column 142: premature end of input'
skipped fixtures broken.jsonl:3 'missing ..id.. field'
skipped fixtures bbc-business-013 'broken\.jsonl:4: missing ..text.. field'
skipped fixtures bbc-business-014 'broken\.jsonl:5: ..text.. must be a string, not an array'
skipped fixtures broken.jsonl:7 'broken JSON at column 110'
skipped fixtures broken.jsonl:8 'broken JSON at column 68'
skipped fixtures bbc-business-016 '..published.. is not an ISO 8601 date'
skipped fixtures deep.jsonl:2 'broken JSON at column 2120: maximum parsing depth reached'
skipped fixtures reuters-1 'duplicate id'
for f in cp1252.txt lone-surrogate.txt overlong.txt truncated-utf8.txt; do
    if objects | grep -E "\"id\": *\"$(re "$f")\"" | grep -Eq "\"message\": *\"$CP1252"; then pass
    else fail "fixtures: no warning for $f"; fi
done
# what was read, nothing of the skipped; unrelated stories make no cluster
for id in bbc-business-010 bbc-politics-001 2005 deep-1 reuters-2; do
    expect_no_grep "fixtures: $id not skipped" "\"id\": *\"$id\", *\"error\"" "$OUT"
done
expect_no_grep "fixtures: no binary file in a cluster" '"id": *"(tiny\.png|elf-header\.bin|nul-bytes\.txt)", *"relation"' "$OUT"
expect_grep "fixtures: no clusters" '"clusters": *\[\]' "$OUT"
expect_grep "fixtures: skipped listed on stderr" 'tiny\.png' "$ERR"

# ---- one file named directly: its id is the path as given
nd scan --format json "$BAD/cp1252.txt"
expect_eq "cp1252 file: exit" "$RC" 0
documents "cp1252 file" 1
count "cp1252 file" error 0
expect_grep "cp1252 file: warning under its path" "\"id\": *\"$(re "$BAD/cp1252.txt")\", *\"message\": *\"$CP1252" "$OUT"
nd scan --format json "$BAD/tiny.png"
expect_eq "png file: exit" "$RC" 0
documents "png file" 0
skipped "png file" "$BAD/tiny.png" "$BINARY"

# ---- JSON Lines on stdin, and gzipped
nd scan --format json - <"$BAD/broken.jsonl"
expect_eq "stdin: exit" "$RC" 0
documents stdin 3
count stdin error 7
skipped stdin stdin:2 'broken JSON at column 142'
skipped stdin bbc-business-013 'stdin:4: missing'
gzip -c "$BAD/dup-ids.jsonl" >"$E2E_TMP/wire.jsonl.gz"
nd scan --format json "$E2E_TMP/wire.jsonl.gz"
expect_eq "gzip: exit" "$RC" 0
documents gzip 2
skipped gzip reuters-1 'duplicate id'
head -c 40 "$E2E_TMP/wire.jsonl.gz" >"$E2E_TMP/cut.jsonl.gz"
nd scan --format json "$E2E_TMP/cut.jsonl.gz"
expect_eq "truncated gzip named: exit" "$RC" 2
expect_grep "truncated gzip named: says so" 'unexpected end of file' "$ERR"

# ---- a tree with a fifo, a dangling symlink, a symlink loop, a hidden file
# and a truncated gzip: none may hang the walk or stop it
T=$E2E_TMP/tree
mkdir -p "$T/sub/.cache"
cp "$BAD/cp1252.txt" "$T/sub/story.txt"
cp "$BAD/dup-ids.jsonl" "$T/.hidden.jsonl"
cp "$BAD/dup-ids.jsonl" "$T/sub/.cache/copy.jsonl"
mv "$E2E_TMP/cut.jsonl.gz" "$T/cut.jsonl.gz"
mkfifo "$T/pipe"
ln -s nowhere.txt "$T/gone.txt"
ln -s .. "$T/sub/loop"
nd scan --format json "$T"
expect_eq "tree: exit" "$RC" 0
documents tree 1
expect_grep "tree: id relative to the directory" '"id": *"sub/story\.txt"' "$OUT"
skipped tree pipe 'a fifo, not a text file'
skipped tree gone.txt 'dangling symlink'
skipped tree sub/loop 'symlink loop'
skipped tree cut.jsonl.gz 'cannot read .*unexpected end of file'
count tree error 4

# ---- a path that does not exist: exit 2, named on stderr, nothing on stdout
nd scan --format json "$E2E_TMP/no-such-dir"
expect_eq "missing path: exit" "$RC" 2
expect_grep "missing path: named" "$(re "$E2E_TMP/no-such-dir"): No such file or directory" "$ERR"
expect_eq "missing path: no report" "$(wc -c <"$OUT" | tr -d ' ')" 0
nd scan --format json "$BAD/cp1252.txt" "$E2E_TMP/no-such-file.txt"
expect_eq "missing second path: exit" "$RC" 2

finish

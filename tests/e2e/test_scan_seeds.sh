# The seed corpus: exactly one cluster {000, 001, 002} with origin 000;
# 003 and 004 (independent coverage of the same event) outside it.
. tests/e2e/lib.sh
E2E_SUITE=scan-seeds
out=$E2E_TMP/seeds.csv
"$ND_BIN" scan --format csv corpus/ > "$out" 2> "$E2E_TMP/err"
expect_eq "exit code" "$?" 0
# CSV rows: cluster,origin,member,relation,similarity,parent (CRLF line ends)
tr -d '\r' < "$out" > "$out.lf"
expect_eq "member rows" "$(tail -n +2 "$out.lf" | wc -l | tr -d ' ')" 3
expect_eq "clusters" "$(tail -n +2 "$out.lf" | cut -d, -f1 | sort -u | tr '\n' ' ')" "1 "
expect_eq "origin" "$(tail -n +2 "$out.lf" | cut -d, -f2 | sort -u)" "000_2524be277e2264a3.txt"
expect_grep "000 is the origin" '^1,000_2524be277e2264a3.txt,000_2524be277e2264a3.txt,origin,' "$out.lf"
expect_grep "001 is a rewrite" '^1,000_2524be277e2264a3.txt,001_52040788e84add02.txt,rewrite,' "$out.lf"
expect_grep "002 is a rewrite" '^1,000_2524be277e2264a3.txt,002_d3c08a9c2b37002a.txt,rewrite,' "$out.lf"
expect_no_grep "003 outside" '003_8f74b81e1eb9c8a3' "$out.lf"
expect_no_grep "004 outside" '004_1dfc0723e0f91d91' "$out.lf"
# the same answer whatever the input order: feed the files in reverse
"$ND_BIN" scan --format csv corpus/004_1dfc0723e0f91d91.txt corpus/003_8f74b81e1eb9c8a3.txt \
    corpus/002_d3c08a9c2b37002a.txt corpus/001_52040788e84add02.txt corpus/000_2524be277e2264a3.txt \
    | tr -d '\r' | tail -n +2 | cut -d, -f2,3,4 | sed 's|corpus/||g' | sort > "$E2E_TMP/rev"
tail -n +2 "$out.lf" | cut -d, -f2,3,4 | sort > "$E2E_TMP/fwd"
expect_eq "input order does not matter" "$(cat "$E2E_TMP/rev")" "$(cat "$E2E_TMP/fwd")"
# JSON: the independent articles appear only as related coverage
"$ND_BIN" scan --format json corpus/ > "$E2E_TMP/seeds.json"
expect_grep "five documents" '"documents": 5,' "$E2E_TMP/seeds.json"
expect_grep "003 related" '"b": "003_8f74b81e1eb9c8a3.txt"' "$E2E_TMP/seeds.json"
# a .json file is one document object; expected.json is not one, and says so
expect_grep "expected.json skipped" '"id": "expected.json", "error": "not a document' "$E2E_TMP/seeds.json"
# a copy of 001 as a .json document: a rewrite of 000, like 001
printf '{"id": "wire-1", "title": "A JSON article", "text": "%s"}' \
    "$(tr '\n"' '  ' < corpus/001_52040788e84add02.txt)" > "$E2E_TMP/wire.json"
"$ND_BIN" scan --format csv corpus/ "$E2E_TMP/wire.json" | tr -d '\r' > "$E2E_TMP/withjson.csv"
expect_grep "a .json document joins its cluster" '^1,000_2524be277e2264a3.txt,wire-1,rewrite,' "$E2E_TMP/withjson.csv"
finish

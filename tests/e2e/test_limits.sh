# Every limit newsdup enforces, at the limit and one past it, through the
# CLI flags: --max-doc-bytes (text files and JSON Lines documents),
# --max-line-bytes (JSON Lines), --max-sentences (what a scan compares), and
# a 100 MB single-line JSON Lines document under the default 64M line limit.
# Run from the repository root.
E2E_SUITE=limits
. "$(dirname "$0")/lib.sh"
OUT=$E2E_TMP/out
ERR=$E2E_TMP/err
D=$E2E_TMP/in
mkdir "$D"

nd() { "$ND_BIN" "$@" >"$OUT" 2>"$ERR"; RC=$?; }
# objects: the JSON report in $OUT, one object's fields a line
objects() { tr -d '\n' <"$OUT" | tr '{}' '\n\n'; }
# skipped NAME ID ERROR: ID is listed as skipped with exactly ERROR
skipped() {
    got=$(objects | grep -F "\"id\": \"$2\", \"error\"" | sed 's/.*"error": *"\(.*\)".*/\1/')
    expect_eq "$1: skipped $2" "$got" "$3"
}
documents() { expect_grep "$1: documents" "\"documents\": *$2 *,?\$" "$OUT"; }
clusters() { expect_eq "$1: clusters" "$(grep -c '"origin_reason"' "$OUT")" "$2"; }
# text N: a document of exactly N bytes, words and a final newline
text() { awk -v n="$1" 'BEGIN { s = ""; while (length(s) < n - 1) s = s "Rates rose. "; printf "%s\n", substr(s, 1, n - 1) }'; }

# ---- --max-doc-bytes on files: a file of exactly N bytes is read, N+1 is not
text 1000 >"$D/at.txt"
text 1001 >"$D/past.txt"
expect_eq "doc files: sizes" "$(wc -c <"$D/at.txt" | tr -d ' ') $(wc -c <"$D/past.txt" | tr -d ' ')" "1000 1001"
nd scan --format json --max-doc-bytes 1000 "$D"
expect_eq "doc files: exit" "$RC" 0
documents "doc files" 1
skipped "doc files" past.txt "file is 1001 bytes, over the limit of 1000 (max_doc_bytes)"
expect_no_grep "doc files: at the limit is read" '"id": *"at\.txt", *"error"' "$OUT"
nd scan --format json --max-doc-bytes 1K "$D"
documents "doc files, 1K suffix" 2
rm "$D"/*

# ---- --max-doc-bytes on JSON Lines documents: the text's bytes count
printf '{"id": "at", "text": "%s"}\n{"id": "past", "text": "%s"}\n' "$(text 300 | tr -d '\n')x" \
    "$(text 300 | tr -d '\n')xy" >"$D/docs.jsonl"
nd scan --format json --max-doc-bytes 300 "$D/docs.jsonl"
expect_eq "doc lines: exit" "$RC" 0
documents "doc lines" 1
skipped "doc lines" past "document is 301 bytes, over the limit of 300 (max_doc_bytes)"
rm "$D"/*

# ---- --max-line-bytes: the line without its newline (or CRLF) counts
line() { printf '{"id": "%s", "text": "' "$1"; text $(($2 - 21 - ${#1})) | tr -d '\n'; printf '"}'; }
{ line at 500; printf '\n'; line past 501; printf '\n'; line crlf 500; printf '\r\n'; line last 501; } >"$D/lines.jsonl"
expect_eq "lines: lengths" "$(tr -d '\r' <"$D/lines.jsonl" | awk '{ printf "%d ", length($0) }')" "500 501 500 501 "
nd scan --format json --max-line-bytes 500 "$D/lines.jsonl"
expect_eq "lines: exit" "$RC" 0
documents lines 2
skipped lines "$D/lines.jsonl:2" "line 2 is longer than max_line_bytes (500 bytes)"
skipped lines "$D/lines.jsonl:4" "line 4 is longer than max_line_bytes (500 bytes)"
expect_no_grep "lines: CRLF line at the limit is read" '"id": *"crlf", *"error"' "$OUT"
rm "$D"/*

# ---- --max-sentences 3: a document shares one sentence with a short
# report.  Third, it is compared and the two cluster; fourth, it is past the
# limit, never compared, and the two stay apart.
SHARED="The regional water authority said on Tuesday that the Millbrook reservoir would stay closed to boats until the end of September after tests found blue-green algae."
printf '%s\n' "$SHARED" >"$D/report.txt"
F1="Anglers had used the lake every weekend since the spring."
F2="Local councillors asked for a public meeting about the decision."
F3="A cafe beside the car park expects to lose most of its summer trade."
printf '%s %s\n\n%s\n\n%s\n' "$F1" "$F2" "$SHARED" "$F3" >"$D/third.txt"
printf '%s %s\n\n%s\n\n%s\n' "$F1" "$F2" "$F3" "$SHARED" >"$D/fourth.txt"
nd scan --format json --max-sentences 3 "$D/report.txt" "$D/third.txt"
expect_eq "sentences at the limit: exit" "$RC" 0
clusters "sentences at the limit" 1
nd scan --format json --max-sentences 3 "$D/report.txt" "$D/fourth.txt"
expect_eq "sentences past the limit: exit" "$RC" 0
documents "sentences past the limit" 2
clusters "sentences past the limit" 0
nd scan --format json --max-sentences 4 "$D/report.txt" "$D/fourth.txt"
clusters "sentences past the limit, raised" 1
rm "$D"/*

# ---- limits must be positive whole numbers
for flag in --max-doc-bytes --max-line-bytes --max-sentences; do
    nd scan "$flag" 0 corpus
    expect_eq "$flag 0: usage error" "$RC" 1
    expect_eq "$flag 0: no report" "$(wc -c <"$OUT" | tr -d ' ')" 0
done

# ---- a 100 MB single line under the default 64M limit: skipped, streamed
# through (not held whole), the document after it read
{ printf '{"id": "huge", "text": "'; head -c 104857600 /dev/zero | tr '\0' a; printf '"}\n'
  printf '{"id": "after", "text": "%s"}\n' "$(text 200 | tr -d '\n')"; } >"$D/huge.jsonl"
nd scan --format json "$D/huge.jsonl"
expect_eq "100 MB line: exit" "$RC" 0
documents "100 MB line" 1
skipped "100 MB line" "$D/huge.jsonl:1" "line 1 is longer than max_line_bytes (67108864 bytes)"
rm "$D"/*

finish

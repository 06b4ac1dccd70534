#!/bin/sh
# Builds the seed corpus of every harness under $1 (default build/fuzz/seeds)
# from the shipped corpus, the audit set and the hostile inputs; nothing big
# is committed.  Each harness also reads tests/fuzz/regress/<harness>/.
set -eu
cd "$(dirname "$0")/../.."
out=${1:-build/fuzz/seeds}
rm -rf "$out"
for t in decode jsonl ranges boilerplate tokenise features numbers attrib pipeline compact dateline; do mkdir -p "$out/$t"; done

texts="corpus/*.txt tests/data/audit-set/*/*.txt tests/bad-input/*.txt tests/bad-input/*.bin tests/bad-input/*.png"
i=0
for f in $texts; do
    i=$((i + 1))
    for t in decode boilerplate features numbers attrib dateline; do cp "$f" "$out/$t/$i"; done
    # first byte: the sentence limit (tokenise: '0' is the default; pipeline: '1' is)
    { printf 0; cat "$f"; } >"$out/tokenise/$i"
    { printf 3; cat "$f"; } >"$out/tokenise/$i-limit"
    # compact: the first two bytes pick the bit to flip in the text's encoding
    { printf '%02d' "$((i % 100))"; cat "$f"; } >"$out/compact/$i"
done

# dateline: the forms a page header prints its date in
printf 'Title\nMay 21, 2024 2:48 p.m. EDT\n21st May 2024, 14:48\nPublished 2024-05-21T14:48:30+02:00 | Updated Sept. 3, 2025\n' \
    >"$out/dateline/forms"

cp tests/bad-input/*.jsonl "$out/jsonl/"
# one JSON Lines file a story, every version a line, with metadata
for d in tests/data/audit-set/*/; do
    s=$(basename "$d")
    for f in "$d"*.txt; do
        jq -Rsc --arg id "$s/$(basename "$f" .txt)" \
            '{id: $id, text: ., title: $id, source: "fuzz", published: "2025-01-27T10:00:00Z"}' "$f"
    done >"$out/jsonl/$s.jsonl"
done
# ranges: the same files, the first byte choosing how many ranges (2 + byte mod 6)
i=0
for f in "$out"/jsonl/*; do
    i=$((i + 1))
    { printf '%s' "$((i % 6))"; cat "$f"; } >"$out/ranges/$i"
done

# pipeline: the versions of a story separated by 0x1E, default and tight sentence limits
# Whole stories make a scan+audit run take 0.1 s; their first paragraphs keep it fast.
sep=$(printf '\036')
lead() { head -c 1200 "$1" | sed '$d'; }
for d in tests/data/audit-set/*/; do
    s=$(basename "$d")
    { printf 1; for v in origin copy rewrite-a rewrite-b; do lead "$d$v.txt"; printf %s "$sep"; done; } >"$out/pipeline/$s"
    { printf 4; for v in origin rewrite-a independent; do lead "$d$v.txt"; printf %s "$sep"; done; } >"$out/pipeline/$s-limit"
done
{ printf 1; for f in corpus/*.txt; do lead "$f"; printf %s "$sep"; done; } >"$out/pipeline/corpus"

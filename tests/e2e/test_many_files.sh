# A directory of 100,000 tiny files: every one read, none skipped, in well
# under a minute.  The files are made with one awk process (a shell loop of
# 100,000 redirections is several times slower).  Run from the repository root.
E2E_SUITE=many-files
. "$(dirname "$0")/lib.sh"
OUT=$E2E_TMP/out
ERR=$E2E_TMP/err
DIR=$E2E_TMP/many

mkdir "$DIR"
awk -v dir="$DIR" 'BEGIN {
    for (i = 0; i < 100000; i++) {
        f = sprintf("%s/n%06d.txt", dir, i)
        printf "Bulletin %d\n", i > f
        close(f)
    }
}'
expect_eq "generated" "$(ls "$DIR" | wc -l | tr -d ' ')" 100000

start=$(date +%s)
"$ND_BIN" scan --format json "$DIR" >"$OUT" 2>"$ERR"
RC=$?
elapsed=$(($(date +%s) - start))
expect_eq "exit" "$RC" 0
expect_grep "documents" '"documents": *100000 *,?$' "$OUT"
expect_grep "none skipped" '"skipped": *\[\]' "$OUT"
expect_eq "nothing on stderr" "$(wc -c <"$ERR" | tr -d ' ')" 0
if [ "$elapsed" -le 50 ]; then pass; else fail "scan took ${elapsed}s, over 50s"; fi

finish

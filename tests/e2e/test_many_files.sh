# 100,000 tiny files in 100 directories: every one read, none skipped, in
# well under a minute.  One awk process writes them, by relative path (a shell
# loop of 100,000 redirections, or one directory of 100,000 entries, takes
# several times as long to make).  Run from the repository root.
E2E_SUITE=many-files
. "$(dirname "$0")/lib.sh"
OUT=$E2E_TMP/out
ERR=$E2E_TMP/err
DIR=$E2E_TMP/many

mkdir "$DIR"
(cd "$DIR" && mkdir $(seq -f 'd%02g' 0 99) && awk 'BEGIN {
    for (i = 0; i < 100000; i++) {
        f = sprintf("d%02d/n%06d.txt", i % 100, i)
        printf "Bulletin %d\n", i > f
        close(f)
    }
}')
expect_eq "generated" "$(find "$DIR" -type f | wc -l | tr -d ' ')" 100000

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

# The scan's output is the same, byte for byte, for any thread count and
# any order in which the same documents are given.
. tests/e2e/lib.sh
E2E_SUITE=invariance
files=$(find tests/data/audit-set corpus -name '*.txt' | sort)
reversed=$(printf '%s\n' $files | sort -r)
"$ND_BIN" scan --format json --threads 1 $files > "$E2E_TMP/t1.json"
expect_eq "scan ran" "$?" 0
expect_grep "clusters found" '"origin": "tests/data/audit-set/0[1-8]' "$E2E_TMP/t1.json"
for t in 2 3 8; do
    "$ND_BIN" scan --format json --threads $t $files > "$E2E_TMP/t$t.json"
    expect_eq "threads $t" "$(cmp -s "$E2E_TMP/t1.json" "$E2E_TMP/t$t.json" && echo same)" same
done
"$ND_BIN" scan --format json --threads 2 $reversed > "$E2E_TMP/rev.json"
expect_eq "reversed input order" "$(cmp -s "$E2E_TMP/t1.json" "$E2E_TMP/rev.json" && echo same)" same
finish

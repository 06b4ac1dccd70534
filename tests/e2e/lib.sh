# Shared helpers for the CLI end-to-end tests (sourced, POSIX sh).
# ND_BIN is the newsdup binary under test; each test ends with `finish`.
: "${ND_BIN:=build/newsdup}"
E2E_PASSED=0
E2E_FAILED=0
E2E_TMP=$(mktemp -d)
trap 'rm -rf "$E2E_TMP"' EXIT

pass() { E2E_PASSED=$((E2E_PASSED + 1)); }
fail() { E2E_FAILED=$((E2E_FAILED + 1)); echo "FAIL $E2E_SUITE: $*"; }
# expect_eq NAME ACTUAL EXPECTED
expect_eq() { if [ "$2" = "$3" ]; then pass; else fail "$1: got '$2', expected '$3'"; fi; }
# expect_grep NAME PATTERN FILE: FILE has a line matching the extended regex
expect_grep() { if grep -Eq -- "$2" "$3"; then pass; else fail "$1: no line matches /$2/ in $3"; fi; }
expect_no_grep() { if grep -Eq -- "$2" "$3"; then fail "$1: a line matches /$2/ in $3"; else pass; fi; }
finish() { echo "# $E2E_SUITE: $E2E_PASSED passed, $E2E_FAILED failed"; }

# valgrind's memcheck on the CLI: scan and audit over the shipped corpus, the
# audit set and the hostile inputs, with no invalid access and no definite or
# indirect leak.  Meant for the normal build (valgrind cannot run a
# sanitizer build), so it does nothing for build/sanitize.  Without valgrind
# (and no way to install it) it is skipped, or fails when CI=true.
# Run from the repository root.
E2E_SUITE=valgrind
. "$(dirname "$0")/lib.sh"
LOG=$E2E_TMP/vg.log

case "$ND_BIN" in
*sanitize*) echo "# $E2E_SUITE: not for a sanitizer build ($ND_BIN)"; finish; exit 0 ;;
esac
command -v valgrind >/dev/null 2>&1 || scripts/deps.sh valgrind >/dev/null 2>&1
if ! command -v valgrind >/dev/null 2>&1; then
    if [ "${CI:-}" = true ]; then fail "valgrind is not installed and could not be installed (CI=true)"
    else echo "# $E2E_SUITE: skipped: valgrind is not installed and could not be installed"; fi
    finish
    exit 0
fi

# PCRE2's JIT code scans in 16-byte loads that may pass the end of the
# subject (within its malloc block) and branch on the bytes there; it has no
# symbols, so its frames are "???".  Those reports, and only those, are not ours.
for kind in Cond Value8 Value16 Addr1 Addr2 Addr4 Addr8 Addr16 Addr32; do
    printf '{\n   pcre2-jit-%s\n   Memcheck:%s\n   obj:???\n}\n' "$kind" "$kind"
done >"$E2E_TMP/pcre2-jit.supp"

# memcheck NAME ARGS...: newsdup ARGS under memcheck exits 0 with a clean log
memcheck() {
    name=$1
    shift
    valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
        --suppressions="$E2E_TMP/pcre2-jit.supp" --log-file="$LOG" "$ND_BIN" "$@" >/dev/null 2>&1
    rc=$?
    if [ "$rc" -eq 0 ] && [ ! -s "$LOG" ]; then pass
    else fail "$name: exit $rc under memcheck; $(head -c 2000 "$LOG")"; fi
}

memcheck "scan corpus" scan --format json corpus/
memcheck "audit corpus" audit --format text corpus/
memcheck "scan bad input" scan --format csv tests/bad-input/
memcheck "audit bad input" audit --format json tests/bad-input/
memcheck "audit audit set" audit --format json tests/data/audit-set/
# a speaker introduced with a role 17 times: the 17th mention grows the role
# array while a link into it is held (found by fuzz_attrib)
mkdir "$E2E_TMP/roles"
for i in $(seq 17); do printf 'Head coach Callum Brody said the team had played well. '; done >"$E2E_TMP/roles/origin.txt"
{ cat "$E2E_TMP/roles/origin.txt"; echo 'Rovers play again on Saturday.'; } >"$E2E_TMP/roles/copy.txt"
memcheck "audit, 17 role mentions" audit --format json "$E2E_TMP/roles"
memcheck "bad input on stdin" scan --format json - <tests/bad-input/broken.jsonl

finish

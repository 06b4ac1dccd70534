# The seed corpus audit: every row of the drift table in the seeds README
# (type, rewrite, speakers, the rewrite sentence), and nothing reported for
# the statements attributed the same way in origin and rewrite, for what the
# rewrites say past the point where 000 is cut off, or for 003 and 004.
. tests/e2e/lib.sh
E2E_SUITE=audit-seeds
out=$E2E_TMP/audit.json
"$ND_BIN" audit --format json corpus/ > "$out" 2> "$E2E_TMP/err"
expect_eq "exit code" "$?" 0
# the JSON writer puts each drift on a line of its own
grep '^ *{"doc": ' "$out" > "$E2E_TMP/drifts"
D=$E2E_TMP/drifts

# expect_drift NAME DOC TYPE ORIGIN_SPEAKER REWRITE_SPEAKER REWRITE_TEXT_START
# (speakers as JSON values: "\"Name\"" or null)
expect_drift() {
    if grep -F "{\"doc\": \"$2\", \"type\": \"$3\", \"origin_speaker\": $4, \"rewrite_speaker\": $5, " "$D" |
        grep -qF "\"rewrite_text\": \"$6"; then
        pass
    else
        fail "$1: no $3 drift in $2 ($4 -> $5) at \"$6\""
    fi
}

R1=001_52040788e84add02.txt
R2=002_d3c08a9c2b37002a.txt
expect_drift "002 gives Papailiopoulos's quote to Zihan Wang" $R2 attribution_changed \
    '"Dimitris Papailiopoulos"' '"Zihan Wang"' 'Zihan Wang, a former employee at DeepSeek, explained'
expect_drift "002: Cao assistant professor -> professor" $R2 role_changed \
    '"Hancheng Cao"' '"Hancheng Cao"' 'Hancheng Cao, a professor at Emory University'
expect_drift "002: Papailiopoulos principal researcher -> researcher" $R2 role_changed \
    '"Dimitris Papailiopoulos"' '"Dimitris Papailiopoulos"' 'But what stands out is how simple'
expect_drift "002 drops Zihan Wang from the capped-GPU account" $R2 attribution_dropped \
    '"Zihan Wang"' null 'The company used GPUs from Nvidia with limited performance'
expect_drift "001 gives the capped-GPU account to the company" $R1 attribution_to_org \
    '"Zihan Wang"' '"The company"' 'The company claims to use a version of Nvidia chips'
expect_drift "001 turns Papailiopoulos's quote into narration" $R1 attribution_dropped \
    '"Dimitris Papailiopoulos"' null 'Deepseek aims for precise answers without detailing'
expect_grep "detail names both speakers" '"detail": "speaker: Dimitris Papailiopoulos -> Zihan Wang"' "$D"

# statements attributed alike in origin and rewrite: at most a role change where the role is given
expect_no_grep "Cao's Global South remark (001)" "\"doc\": \"$R1\".*\"rewrite_text\": \"Hancheng Cao" "$D"
expect_no_grep "Cao's Global South remark (002)" \
    "\"doc\": \"$R2\", \"type\": \"(attribution|quote|hedge|number)[a-z_]*\".*\"rewrite_text\": \"[^\"]*Global South" "$D"
expect_no_grep "Papailiopoulos on engineering simplicity (001)" "\"rewrite_text\": \"Dimitris Papailiopoulos from" "$D"
expect_no_grep "Papailiopoulos on engineering simplicity (002)" \
    "\"type\": \"(attribution|quote|hedge|number)[a-z_]*\".*\"rewrite_text\": \"But what stands out" "$D"
# past the point where 000 is cut off there is nothing to compare with
for past in "Former employee Zihan Wang mentions" "Liang acknowledges" "Matt Sheehan" "Liang Wenfeng, DeepSeek" \
    "According to a report" "Alibaba Cloud"; do
    expect_no_grep "nothing past the cut: $past" "\"rewrite_text\": \"$past" "$D"
done
expect_no_grep "independent coverage is not audited" '"doc": "00[34]_' "$D"
# spans are byte offsets into the input: the first table row, checked against the file
span=$(grep -F '"type": "attribution_changed"' "$D" | sed -n 's/.*"rewrite_span": \[\([0-9]*\), \([0-9]*\)\].*/\1 \2/p')
set -- $span 0 0
expect_eq "rewrite span holds the sentence" "$(dd if=corpus/$R2 bs=1 skip="$1" count=$(($2 - $1)) 2>/dev/null | head -c 35)" \
    "Zihan Wang, a former employee at De"
finish

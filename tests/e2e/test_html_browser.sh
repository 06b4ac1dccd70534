# The HTML report in a real browser (headless Chromium).  The seed corpus
# report lists the cluster with 000 as its origin, runs its own script under
# its Content-Security-Policy, and highlights 002's attribution change with
# both speakers named; an article full of markup, scanned with a near copy
# of itself, shows as text and adds no element.  It also takes the README's
# screenshot; to refresh docs/audit-report.png, from the repository root:
#   sh tests/e2e/test_html_browser.sh --refresh-screenshot
# Chromium is installed on demand (scripts/deps.sh chromium); where it cannot
# be, the browser checks are skipped, and counted as failed when CI=true.
. tests/e2e/lib.sh
E2E_SUITE=html-browser
HTML=$E2E_TMP/seed.html
SHOT=$E2E_TMP/audit-report.png

"$ND_BIN" audit --format html corpus/ > "$HTML" 2> "$E2E_TMP/err"
expect_eq "audit exit" "$?" 0

# The page's Content-Security-Policy admits its script by SHA-256: an edit of
# the script without a new hash would leave the report without it.
if command -v openssl >/dev/null 2>&1; then
    have=$(sed -n "s/.*script-src '\(sha256-[^']*\)'.*/\1/p" "$HTML")
    want=sha256-$(sed -n '/^<script>/,/^<\/script>$/p' "$HTML" | sed '1s/^<script>//; $d' |
        openssl dgst -sha256 -binary | openssl base64 -A)
    expect_eq "CSP names the script (set SCRIPT_SHA256 in src/report/html.c)" "$have" "$want"
fi

if ! scripts/deps.sh chromium > "$E2E_TMP/deps.log" 2>&1 || ! command -v chromium >/dev/null 2>&1; then
    echo "SKIP $E2E_SUITE: chromium is not installed and could not be installed ($(tail -n 1 "$E2E_TMP/deps.log"))"
    [ "${CI:-}" = true ] && fail "chromium is required when CI=true"
    finish
    exit 0
fi

# browser ARGS... URL: headless Chromium with a fresh profile and nothing running in the background.
browser() {
    timeout 60 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --user-data-dir="$(mktemp -d "$E2E_TMP/profile.XXXXXX")" \
        "$@" 2>> "$E2E_TMP/chromium.log"
}
# view_of HTML DOC: the anchor of DOC's side-by-side view, as the overview links it.
view_of() { sed -n "s|.*<a href=\"#\(v[0-9]*-[0-9]*\)\">$2</a>.*|\1|p" "$1" | head -n 1; }
# section DOM VIEW: the lines of one view, from its <details> to the next </details>.
section() { sed -n "/<details class=\"view\" id=\"$2\"/,/<\/details>/p" "$1"; }

# ---- the seed corpus
R2=002_d3c08a9c2b37002a.txt
V2=$(view_of "$HTML" $R2)
expect_eq "002 has a view" "${V2:+yes}" yes
DOM=$E2E_TMP/seed.dom
browser --dump-dom "file://$HTML#$V2" > "$DOM"
expect_eq "chromium dumps the DOM" "$?" 0
expect_grep "cluster 1 with 000 as origin" \
    '^<tbody class="cluster"><tr class="origin"><td class="cluster" rowspan="3">1</td><td class="doc">000_2524be277e2264a3\.txt<' "$DOM"
expect_grep "001 listed as a rewrite" '^<tr class="rewrite"><td class="doc"><a href="#v[0-9-]*">001_52040788e84add02\.txt</a>' "$DOM"
expect_grep "002 listed as a rewrite" "^<tr class=\"rewrite\"><td class=\"doc\"><a href=\"#$V2\">$R2</a>" "$DOM"
# the script ran: the view the address names is open
expect_grep "the page's script opens the view" "<details class=\"view\" id=\"$V2\" open=\"\">" "$DOM"
section "$DOM" "$V2" > "$E2E_TMP/view2"
expect_grep "002 view has aligned rows" '^<tr class="aligned">' "$E2E_TMP/view2"

"$ND_BIN" audit --format json corpus/ > "$E2E_TMP/seed.json" 2>> "$E2E_TMP/err"
if grep -q "{\"doc\": \"$R2\", \"type\": \"attribution_changed\", \"origin_speaker\": \"Dimitris Papailiopoulos\", \"rewrite_speaker\": \"Zihan Wang\"" "$E2E_TMP/seed.json"; then
    echo "# $E2E_SUITE: audit reports 002's attribution change; checking its highlight in the browser"
    MARK='<mark class="drift[^"]* attribution_changed[^"]*" title="[^"]*speaker: Dimitris Papailiopoulos -(&gt;|>) Zihan Wang'
    expect_grep "origin side: quote marked, Papailiopoulos in the margin" \
        "^<tr class=\"[^\"]*\"><td class=\"spk o\">(<span[^>]*>[^<]*</span>)*<span class=\"who changed\" data-d=\"[^\"]*\">Dimitris Papailiopoulos</span>(<span[^>]*>[^<]*</span>)*</td><td class=\"o\">$MARK" "$E2E_TMP/view2"
    expect_grep "rewrite side: sentence marked, Zihan Wang in the margin" \
        "<td class=\"r\">$MARK.*<td class=\"spk r\">(<span[^>]*>[^<]*</span>)*<span class=\"who changed\" data-d=\"[^\"]*\">Zihan Wang</span>" "$E2E_TMP/view2"
    expect_eq "tags on both sides" "$(grep -Eo '<a class="tag attribution_changed" id="d[0-9]+-[0-9]+-[or]"' "$E2E_TMP/view2" | sort -u | wc -l | tr -d ' ')" 2
else
    echo "# $E2E_SUITE: audit reports no attribution change in 002 yet; its highlight is checked by the unit test (test_html)"
fi

# The screenshot: the overview and 002's view.  Headless Chromium paints
# nothing after scrolling to an anchor, so the view is opened in a copy and
# the window is tall enough to reach the attribution change.
sed "s|<details class=\"view\" id=\"$V2\">|<details class=\"view\" id=\"$V2\" open>|" "$HTML" > "$E2E_TMP/shot.html"
browser --hide-scrollbars --window-size=1400,2900 --screenshot="$SHOT" "file://$E2E_TMP/shot.html" > /dev/null
expect_eq "screenshot is a PNG" "$(head -c 8 "$SHOT" 2>/dev/null | od -An -c | tr -d ' ')" '211PNG\r\n032\n'
# a blank page compresses to a few kilobytes
expect_eq "screenshot shows the report" "$([ "$(wc -c < "$SHOT" 2>/dev/null || echo 0)" -gt 100000 ] && echo yes)" yes
if [ "${1:-}" = --refresh-screenshot ]; then
    mkdir -p docs && cp "$SHOT" docs/audit-report.png && echo "# $E2E_SUITE: wrote docs/audit-report.png"
fi

# ---- hostile markup: nothing from the input becomes an element
mkdir "$E2E_TMP/hostile"
cat > "$E2E_TMP/hostile/article.txt" <<'EOF'
<script>document.title='pwned'</script> The Castlemere city council approved a 240 million pound extension of the tram network on Tuesday, ending two years of argument over the route.

Construction of the eastern line will begin in March </td></tr></table><img src=x onerror="document.body.dataset.pwned=1"> and is expected to finish by the autumn of 2028.

Councillor Amina Patel said the new line would cut journey times for about 30,000 commuters <svg onload="document.body.dataset.pwned=2"></svg> who travel from Riverside each day.

Shop owners on Dock Road warned that months of roadworks would drive customers away from the high street <iframe src="https://example.com/"></iframe>.

The council promised a compensation fund of 2 million pounds for businesses that lose trade during the works <style>body{display:none}</style>.
EOF
# the near copy: one sentence cut, and a file name that is markup too
sed '/Shop owners/d' "$E2E_TMP/hostile/article.txt" > "$E2E_TMP/hostile/copy <b onmouseover=alert(1)>.txt"
"$ND_BIN" audit --format html "$E2E_TMP/hostile/" > "$E2E_TMP/hostile.html" 2>> "$E2E_TMP/err"
expect_eq "hostile audit exit" "$?" 0
VH=$(grep -o '<details class="view" id="v[0-9]*-[0-9]*"' "$E2E_TMP/hostile.html" | head -n 1 | sed 's/.*id="\(.*\)"/\1/')
expect_eq "hostile pair clustered" "${VH:+yes}" yes
HDOM=$E2E_TMP/hostile.dom
browser --dump-dom "file://$E2E_TMP/hostile.html#$VH" > "$HDOM"
expect_eq "chromium dumps the hostile DOM" "$?" 0
expect_eq "one script element, the page's own" "$(grep -o '<script' "$HDOM" | wc -l | tr -d ' ')" 1
expect_eq "one style element, the page's own" "$(grep -o '<style' "$HDOM" | wc -l | tr -d ' ')" 1
expect_no_grep "no img element" '<img' "$HDOM"
expect_no_grep "no svg element" '<svg' "$HDOM"
expect_no_grep "no iframe element" '<iframe' "$HDOM"
expect_no_grep "no b element" '<b onmouseover' "$HDOM"
expect_no_grep "no handler ran" 'data-pwned=' "$HDOM"
expect_grep "title untouched" '<title>newsdup audit report</title>' "$HDOM"
expect_grep "script shown as text in its cell" '<td class="o">&lt;script&gt;document\.title=.pwned.&lt;/script&gt; The Castlemere' "$HDOM"
expect_grep "</td> shown as text in its cell" '<td class="o">[^<]*&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;img src=x onerror=' "$HDOM"
expect_grep "file name shown as text" 'copy &lt;b onmouseover=alert\(1\)&gt;\.txt' "$HDOM"
finish

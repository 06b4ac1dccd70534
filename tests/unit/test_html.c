/* The HTML report on hand-built results over real news sentences: the rows of
 * a side-by-side view, drift marks on both sides with the speakers named,
 * quotations, escaping of hostile input, and a page that fetches nothing. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "newsdup.h"

/* Seed 000 and 002 on Papailiopoulos: 002 gives his quote to Zihan Wang,
 * before restating his remark, and keeps the laptop models. */
static const char origin_text[] =
    "Skip to content\n\n"
    "Dimitris Papailiopoulos, principal researcher at Microsoft\xe2\x80\x99s AI Frontiers research lab, says what "
    "surprised him the most about R1 is its engineering simplicity. "
    "\xe2\x80\x9c" "DeepSeek aimed for accurate answers rather than detailing every logical step, significantly "
    "reducing computing time while maintaining a high level of effectiveness,\xe2\x80\x9d he says.\n\n"
    "DeepSeek has also released six smaller versions of R1 that are small enough to run locally on laptops. "
    "It claims that one of them even outperforms OpenAI\xe2\x80\x99s o1-mini on certain benchmarks.\n";
static const char rewrite_text[] =
    "Zihan Wang, a former employee at DeepSeek, explained that they focused on getting accurate answers "
    "quickly, rather than breaking down every step in detail, which helped reduce the time and power needed. "
    "But what stands out is how simple and efficient R1\xe2\x80\x99s engineering is, says Dimitris "
    "Papailiopoulos, a researcher at Microsoft.\n\n"
    "DeepSeek has also released smaller versions of R1 that can run on regular laptops. "
    "One of them even outperforms OpenAI\xe2\x80\x99s o1-mini in some tests.\n";

#define QUOTE "\xe2\x80\x9c" "DeepSeek aimed for accurate answers rather than detailing every logical step, " \
    "significantly reducing computing time while maintaining a high level of effectiveness,\xe2\x80\x9d"
#define ZIHAN "Zihan Wang, a former employee at DeepSeek, explained that they focused on getting accurate " \
    "answers quickly, rather than breaking down every step in detail, which helped reduce the time and power needed."
#define TOOLTIP "attribution changed: speaker: Dimitris Papailiopoulos -&gt; Zihan Wang (confidence 0.69)"

typedef struct fixture {
    nd_corpus *c;
    nd_member members[2];
    nd_drift drifts[2];
    nd_cluster cluster;
    nd_result r;
} fixture;

/* Origin 0, rewrite 1; an attribution change from the quote to Zihan Wang's
 * sentence (neither aligned) and a role change on an aligned pair. */
static void fixture_init(fixture *f, int audited)
{
    memset(f, 0, sizeof *f);
    f->c = nd_corpus_new(NULL, NULL);
    CHECK_INT(nd_corpus_add(f->c, "000.txt", origin_text, strlen(origin_text), NULL, NULL), ND_OK);
    CHECK_INT(nd_corpus_add(f->c, "002.txt", rewrite_text, strlen(rewrite_text), NULL, NULL), ND_OK);
    f->members[0] = (nd_member){ 0, ND_ORIGIN, 1.0f, 0 };
    f->members[1] = (nd_member){ 1, ND_REWRITE, 0.2227f, 0 };
    nd_drift *d = f->drifts;
    d[0] = (nd_drift){ .doc = 1, .type = ND_DRIFT_ATTRIBUTION_CHANGED, .origin_speaker = "Dimitris Papailiopoulos",
                       .rewrite_speaker = "Zihan Wang", .detail = "speaker: Dimitris Papailiopoulos -> Zihan Wang",
                       .confidence = 0.6884f };
    check_span_of(origin_text, "\xe2\x80\x9c" "DeepSeek aimed", "he says.", d[0].origin_span);
    check_span_of(rewrite_text, "Zihan Wang", "power needed.", d[0].rewrite_span);
    d[1] = (nd_drift){ .doc = 1, .type = ND_DRIFT_ROLE_CHANGED, .origin_speaker = "Dimitris Papailiopoulos",
                       .rewrite_speaker = "Dimitris Papailiopoulos",
                       .detail = "role of Dimitris Papailiopoulos: principal researcher -> a researcher",
                       .confidence = 0.8f };
    check_span_of(origin_text, "Dimitris", "simplicity.", d[1].origin_span);
    check_span_of(rewrite_text, "But what", "at Microsoft.", d[1].rewrite_span);
    f->cluster = (nd_cluster){ 1, 0, "given as the origin", f->members, 2, audited ? f->drifts : NULL,
                               audited ? 2 : 0 };
    f->r = (nd_result){ .ndocs = 2, .clusters = &f->cluster, .nclusters = 1, .audited = audited };
}

/* The report in memory (caller frees); the status in *st. */
static char *render(const nd_corpus *c, const nd_result *r, nd_status *st)
{
    /* in a struct: GCC's -Wdangling-pointer misreads a plain local handed to open_memstream */
    struct { char *text; size_t len; } m = { 0 };
    FILE *out = open_memstream(&m.text, &m.len);
    *st = nd_report_write(out, c, r, ND_FORMAT_HTML, NULL);
    fclose(out);
    return m.text;
}

static int count(const char *s, const char *what)
{
    int n = 0;
    for (const char *p = s; (p = strstr(p, what)); p += strlen(what)) n++;
    return n;
}

/* The classes of the side-by-side rows, in order, separated by '|', into buf. */
static const char *row_classes(const char *html, char *buf, size_t size)
{
    const char *tag = "<tr class=\"", *p = strstr(html, "<table class=\"sbs\">");
    size_t len = 0;
    buf[0] = 0;
    while (p && (p = strstr(p, tag)) && len < size) {
        p += strlen(tag);
        int n = (int)strcspn(p, "\"");
        len += (size_t)snprintf(buf + len, size - len, "%s%.*s", len ? "|" : "", n, p);
    }
    return buf;
}

static void test_rows_follow_alignment(void)
{
    fixture f;
    fixture_init(&f, 1);
    nd_status st;
    char *got = render(f.c, &f.r, &st);
    CHECK_INT(st, ND_OK);
    /* The menu line, hidden as furniture; Zihan Wang's sentence, added before
     * the first aligned pair; the quote 002 does not restate; two more pairs. */
    char classes[256];
    CHECK_STR(row_classes(got, classes, sizeof classes), "origin-only furniture|rewrite-only|aligned|origin-only|aligned|aligned");
    CHECK_INT(count(got, "<tr class=\"aligned\">"), 3);
    CHECK(strstr(got, "<td class=\"gap\" title=\"no aligned sentence in the origin\"></td><td class=\"r\">"
                      "<mark class=\"drift attribution_changed\"") != NULL);
    CHECK(strstr(got, "<tr class=\"aligned\"><td class=\"spk o\"></td><td class=\"o\">DeepSeek has also released "
                      "six smaller versions of R1 that are small enough to run locally on laptops.</td>"
                      "<td class=\"r\">DeepSeek has also released smaller versions of R1 that can run on regular "
                      "laptops.</td><td class=\"spk r\"></td></tr>") != NULL);
    CHECK(strstr(got, "3 aligned sentences, 2 drifts") != NULL);
    free(got);
    nd_corpus_free(f.c);
}

static void test_drift_marked_on_both_sides(void)
{
    fixture f;
    fixture_init(&f, 1);
    nd_status st;
    char *got = render(f.c, &f.r, &st);
    CHECK_INT(st, ND_OK);
    /* Origin side: the speaker in the margin, the quote styled inside the mark, a tag to the other side. */
    CHECK(strstr(got, "<tr class=\"origin-only\"><td class=\"spk o\"><span class=\"who changed\" data-d=\"d1-0\">"
                      "Dimitris Papailiopoulos</span></td><td class=\"o\"><mark class=\"drift attribution_changed\" "
                      "title=\"" TOOLTIP "\"><span class=\"q\">" QUOTE "</span> he says.</mark> "
                      "<a class=\"tag attribution_changed\" id=\"d1-0-o\" href=\"#d1-0-r\" data-d=\"d1-0\" "
                      "title=\"" TOOLTIP "\">attribution changed</a></td>") != NULL);
    /* Rewrite side: the new speaker in the other margin. */
    CHECK(strstr(got, "<mark class=\"drift attribution_changed\" title=\"" TOOLTIP "\">" ZIHAN "</mark> "
                      "<a class=\"tag attribution_changed\" id=\"d1-0-r\" href=\"#d1-0-o\" data-d=\"d1-0\" "
                      "title=\"" TOOLTIP "\">attribution changed</a></td><td class=\"spk r\">"
                      "<span class=\"who changed\" data-d=\"d1-0\">Zihan Wang</span></td></tr>") != NULL);
    CHECK_INT(count(got, "<mark class=\"drift attribution_changed\" title=\"" TOOLTIP "\">"), 2);
    /* A role change keeps the speaker: named on both sides, not flagged as changed. */
    CHECK_INT(count(got, "<span class=\"who\" data-d=\"d1-1\">Dimitris Papailiopoulos</span>"), 2);
    CHECK_INT(count(got, "<mark class=\"drift role_changed\""), 2);
    /* The overview counts one drift of each of the two types for 002. */
    CHECK(strstr(got, "<td class=\"n attribution_changed\">1</td><td class=\"n zero\">0</td>"
                      "<td class=\"n zero\">0</td><td class=\"n zero\">0</td><td class=\"n role_changed\">1</td>")
          != NULL);
    CHECK(strstr(got, "<li data-d=\"d1-0\"><span class=\"tag attribution_changed\">attribution changed</span> "
                      "speaker: Dimitris Papailiopoulos -&gt; Zihan Wang <span class=\"muted\">confidence 0.69") != NULL);
    free(got);

    /* A dropped speaker is shown as absent on the rewrite side. */
    f.drifts[0].type = ND_DRIFT_ATTRIBUTION_DROPPED;
    f.drifts[0].rewrite_speaker = NULL;
    f.drifts[0].detail = NULL;
    got = render(f.c, &f.r, &st);
    CHECK(strstr(got, "<span class=\"who changed\" data-d=\"d1-0\"><i>no speaker</i></span>") != NULL);
    CHECK(strstr(got, "title=\"attribution dropped: Dimitris Papailiopoulos -&gt; (none) (confidence 0.69)\"")
          != NULL);
    free(got);
    nd_corpus_free(f.c);
}

static void test_not_audited(void)
{
    fixture f;
    fixture_init(&f, 0);
    nd_status st;
    char *got = render(f.c, &f.r, &st);
    CHECK_INT(st, ND_OK);
    CHECK(strstr(got, "<title>newsdup scan report</title>") != NULL);
    CHECK(strstr(got, "2 documents, 1 cluster, 0 skipped</p>") != NULL);
    CHECK(strstr(got, "<th class=\"n\"") == NULL);
    CHECK(strstr(got, "<mark") == NULL);
    CHECK(strstr(got, "class=\"tag") == NULL);
    /* The side-by-side view is there all the same. */
    CHECK_INT(count(got, "<tr class=\"aligned\">"), 3);
    CHECK(strstr(got, "<a href=\"#v1-1\">002.txt</a>") != NULL);
    CHECK(strstr(got, "<details class=\"view\" id=\"v1-1\">") != NULL);
    free(got);
    nd_corpus_free(f.c);
}

static void test_quotes_span_sentences(void)
{
    static const char text[] =
        "\xe2\x80\x9cWe did not plan this. It simply happened,\xe2\x80\x9d said Liang Wenfeng in Hangzhou.\n\n"
        "An \"open\" model, he said. Then a stray \xe2\x80\x9cmark opens here.\n\n"
        "The next paragraph starts plain again.\n";
    nd_corpus *c = nd_corpus_new(NULL, NULL);
    CHECK_INT(nd_corpus_add(c, "a.txt", text, strlen(text), NULL, NULL), ND_OK);
    CHECK_INT(nd_corpus_add(c, "b.txt", text, strlen(text), NULL, NULL), ND_OK);
    nd_member m[2] = { { 0, ND_ORIGIN, 1.0f, 0 }, { 1, ND_COPY, 1.0f, 0 } };
    nd_cluster cl = { 1, 0, NULL, m, 2, NULL, 0 };
    nd_result r = { .ndocs = 2, .clusters = &cl, .nclusters = 1 };
    nd_status st;
    char *got = render(c, &r, &st);
    CHECK_INT(st, ND_OK);
    /* Each cell closes what it opens; a quotation across sentences reopens in the next one. */
    CHECK_INT(count(got, "<span class=\"q\">\xe2\x80\x9cWe did not plan this.</span>"), 2);
    CHECK_INT(count(got, "<span class=\"q\">It simply happened,\xe2\x80\x9d</span> said Liang Wenfeng"), 2);
    CHECK_INT(count(got, "An <span class=\"q\">&quot;open&quot;</span> model, he said."), 2);
    CHECK_INT(count(got, "Then a stray <span class=\"q\">\xe2\x80\x9cmark opens here.</span>"), 2);
    /* ... and stops at the end of its paragraph. */
    CHECK_INT(count(got, ">The next paragraph starts plain again.</td>"), 2);
    free(got);
    nd_corpus_free(c);
}

static void test_hostile_text_is_escaped(void)
{
    static const char text[] =
        "<script>alert(1)</script> The council approved the tram extension on Tuesday after two years of "
        "argument. </td></tr></table><img src=x onerror=alert(2)> Shop owners on Dock Road warned that "
        "roadworks would drive customers away. Councillor O'Brien said \"it's <b>fine</b>\" & left.\n";
    static const char id[] = "<script>alert(3)</script>\xff.txt";
    nd_corpus *c = nd_corpus_new(NULL, NULL);
    nd_doc_meta meta = { "</td><svg onload=alert(4)>\x01title", NULL, NULL, NULL };
    CHECK_INT(nd_corpus_add(c, id, text, strlen(text), &meta, NULL), ND_OK);
    CHECK_INT(nd_corpus_add(c, "copy\".txt", text, strlen(text), NULL, NULL), ND_OK);
    nd_member m[2] = { { 0, ND_ORIGIN, 1.0f, 0 }, { 1, ND_COPY, 1.0f, 0 } };
    nd_drift d = { .doc = 1, .type = ND_DRIFT_QUOTE_ALTERED, .origin_speaker = "O'Brien <i>",
                   .rewrite_speaker = "\"Zihan\" & co", .detail = "quote \"<b>fine</b>\" -> 'ok'",
                   .confidence = 0.5f };
    check_span_of(text, "Councillor", "left.", d.origin_span);
    check_span_of(text, "Councillor", "left.", d.rewrite_span);
    nd_cluster cl = { 1, 0, "<em>reason</em>", m, 2, &d, 1 };
    nd_related rel = { 1, 0, 0.5f };
    nd_result r = { .ndocs = 2, .clusters = &cl, .nclusters = 1, .related = &rel, .nrelated = 1, .audited = 1 };
    nd_status st;
    char *got = render(c, &r, &st);
    CHECK_INT(st, ND_OK);
    /* Nothing from the input becomes markup: the only script is the page's own. */
    CHECK_INT(count(got, "<script"), 1);
    CHECK(strstr(got, "<img") == NULL && strstr(got, "<svg") == NULL && strstr(got, "<b>fine") == NULL);
    CHECK(strstr(got, "<em>") == NULL && strstr(got, "<i>O") == NULL);
    CHECK_INT(count(got, "&lt;script&gt;alert(1)&lt;/script&gt; The council"), 2);
    CHECK_INT(count(got, "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;img src=x onerror=alert(2)&gt;"), 2);
    CHECK_INT(count(got, "Councillor O&#39;Brien said <span class=\"q\">&quot;it&#39;s &lt;b&gt;fine&lt;/b&gt;"
                         "&quot;</span> &amp; left."), 2);
    /* Ids, titles, reasons, speakers and details, in text and in attributes;
     * a control character becomes a space, a byte that is not UTF-8 U+FFFD. */
    CHECK(strstr(got, "&lt;script&gt;alert(3)&lt;/script&gt;\xef\xbf\xbd.txt") != NULL);
    CHECK(strstr(got, "<div class=\"title\">&lt;/td&gt;&lt;svg onload=alert(4)&gt; title</div>") != NULL);
    CHECK(strstr(got, "origin: &lt;em&gt;reason&lt;/em&gt;") != NULL);
    CHECK(strstr(got, "<a href=\"#v1-1\">copy&quot;.txt</a>") != NULL);
    CHECK(strstr(got, "title=\"quote altered: quote &quot;&lt;b&gt;fine&lt;/b&gt;&quot; -&gt; &#39;ok&#39; "
                      "(confidence 0.50)\"") != NULL);
    CHECK(strstr(got, "data-d=\"d1-0\">O&#39;Brien &lt;i&gt;</span>") != NULL);
    CHECK(strstr(got, "data-d=\"d1-0\">&quot;Zihan&quot; &amp; co</span>") != NULL);
    free(got);
    nd_corpus_free(c);
}

static void test_fetches_nothing(void)
{
    static const char link[] =
        "Read the full story at https://example.com/a?b=1&c=2 or http://example.org before the council votes "
        "on the tram extension, which drivers and shop owners on Dock Road oppose.\n";
    fixture f;
    fixture_init(&f, 1);
    nd_status st;
    char *got = render(f.c, &f.r, &st);
    CHECK_INT(st, ND_OK);
    /* The page itself names no address: no scheme, no protocol-relative source, no stylesheet import. */
    CHECK(strstr(got, "http://") == NULL && strstr(got, "https://") == NULL);
    CHECK(strstr(got, "src=\"//") == NULL && strstr(got, "src=") == NULL);
    CHECK(strstr(got, "url(") == NULL && strstr(got, "@import") == NULL && strstr(got, "<link") == NULL);
    /* and forbids every request, and every script but its own. */
    CHECK(strstr(got, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                      "style-src 'unsafe-inline'; script-src 'sha256-") != NULL);
    CHECK(strstr(got, "<script>(function () {") != NULL);
    CHECK(strstr(got, "</html>\n") != NULL);
    free(got);

    /* An address in an article is text, never a link. */
    CHECK_INT(nd_corpus_add(f.c, "link.txt", link, strlen(link), NULL, NULL), ND_OK);
    f.members[1].doc = 2;
    f.r.audited = 0;
    f.r.ndocs = 3;
    got = render(f.c, &f.r, &st);
    CHECK_INT(st, ND_OK);
    CHECK_INT(count(got, "https://"), 1);
    CHECK_INT(count(got, "http://"), 1);
    CHECK(strstr(got, ">Read the full story at https://example.com/a?b=1&amp;c=2 or http://example.org before") != NULL);
    CHECK(strstr(got, "href=\"http") == NULL);
    free(got);
    nd_corpus_free(f.c);
}

static void test_empty_and_failed_writes(void)
{
    nd_corpus *c = nd_corpus_new(NULL, NULL);
    nd_result r = { .audited = 1 };
    nd_status st;
    char *got = render(c, &r, &st);
    CHECK_INT(st, ND_OK);
    CHECK(strstr(got, "0 documents, 0 clusters, 0 drifts, 0 skipped") != NULL);
    CHECK(strstr(got, "<p>No copies or rewrites found.</p>") != NULL);
    CHECK(strstr(got, "<details") == NULL);
    CHECK_INT(count(got, "<script"), 1);
    free(got);
    nd_corpus_free(c);

    fixture f;
    fixture_init(&f, 1);
    nd_error err = { 0 };
    FILE *full = fopen("/dev/full", "w");
    CHECK(full != NULL);
    if (full) {
        CHECK_INT(nd_report_write(full, f.c, &f.r, ND_FORMAT_HTML, &err), ND_EIO);
        CHECK(strstr(err.message, "cannot write the html report: No space left on device") != NULL);
        fclose(full);
    }
    nd_corpus_free(f.c);
}

CHECK_MAIN("html",
    TEST(test_rows_follow_alignment),
    TEST(test_drift_marked_on_both_sides),
    TEST(test_not_audited),
    TEST(test_quotes_span_sentences),
    TEST(test_hostile_text_is_escaped),
    TEST(test_fetches_nothing),
    TEST(test_empty_and_failed_writes))

/* The report writers on a hand-built result over real news sentences: exact
 * JSON, CSV and text output, escaping, and the checks that refuse bad input. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "newsdup.h"
#include "report/report.h"

static const char origin_text[] =
    "Deepseek is making waves in the tech world, surprising even its US competitors. "
    "Hancheng Cao, an assistant professor at Emory University, suggests that it could be a form "
    "of justice for researchers in the Global South, who often have limited resources.";
static const char copy_text[] =
    "Deepseek is making waves in the tech world, surprising even its US competitors. "
    "Hancheng Cao, an assistant professor at Emory University, suggests that it could be a form "
    "of justice for researchers in the Global South.";
static const char rewrite_text[] =
    "The AI world is buzzing about DeepSeek R1, a new open-source reasoning model. "
    "Hancheng Cao, a professor at Emory University, said this model could be a game-changer "
    "for the Global South,\n  offering a more affordable way to access cutting-edge AI.";
static const char related_text[] =
    "A new player in the global AI scene, DeepSeek, a Chinese tech start-up, is making waves in "
    "the US, presenting a low-cost AI model that rivals the performance of OpenAI\xe2\x80\x99s o1.";

#define ORIGIN_SENTENCE "Hancheng Cao, an assistant professor at Emory University, suggests that it could " \
    "be a form of justice for researchers in the Global South, who often have limited resources."
#define REWRITE_SENTENCE "Hancheng Cao, a professor at Emory University, said this model could be a " \
    "game-changer for the Global South, offering a more affordable way to access cutting-edge AI."

/* The fixture: five accepted documents (one decoded from Windows-1252), one
 * skipped, and a result naming one cluster with two drifts and one related pair. */
typedef struct fixture {
    nd_corpus *c;
    nd_member members[3];
    nd_drift drifts[2];
    nd_cluster cluster;
    nd_related related;
    nd_result r;
} fixture;

static void fixture_init(fixture *f, int audited)
{
    memset(f, 0, sizeof *f);
    f->c = nd_corpus_new(NULL, NULL);
    nd_doc_meta wire = { "DeepSeek R1 rivals \"o1\"", NULL, "MIT Technology Review", "2025-01-24" };
    nd_doc_meta blog = { "The AI world is buzzing\nabout DeepSeek R1", NULL, NULL, NULL };
    CHECK_INT(nd_corpus_add(f->c, "wire/origin.txt", origin_text, strlen(origin_text), &wire, NULL), ND_OK);
    CHECK_INT(nd_corpus_add(f->c, "blog, copy.txt", copy_text, strlen(copy_text), NULL, NULL), ND_OK);
    CHECK_INT(nd_corpus_add(f->c, "rewrite.txt", rewrite_text, strlen(rewrite_text), &blog, NULL), ND_OK);
    CHECK_INT(nd_corpus_add(f->c, "related.txt", related_text, strlen(related_text), NULL, NULL), ND_OK);
    CHECK_INT(nd_corpus_add(f->c, "latin1.txt", "Caf\xe9 prices rose in Paris.", sizeof "Caf\xe9 prices rose in Paris." - 1, NULL, NULL), ND_OK);
    CHECK_INT(nd_corpus_add(f->c, "empty.txt", " \n\t", 3, NULL, NULL), ND_EEMPTY);
    CHECK_INT(nd_corpus_size(f->c), 5);

    f->members[0] = (nd_member){ 0, ND_ORIGIN, 1.0f, 0 };
    f->members[1] = (nd_member){ 1, ND_COPY, 0.97f, 0 };
    f->members[2] = (nd_member){ 2, ND_REWRITE, 0.6234f, 0 };
    nd_drift *d = f->drifts;
    d[0] = (nd_drift){ .doc = 2, .type = ND_DRIFT_ROLE_CHANGED, .origin_speaker = "Hancheng Cao",
                       .rewrite_speaker = "Hancheng Cao",
                       .detail = "role \"assistant professor\" became \"professor\"", .confidence = 0.8f };
    check_span_of(origin_text, "Hancheng", "resources.", d[0].origin_span);
    check_span_of(rewrite_text, "Hancheng", "cutting-edge AI.", d[0].rewrite_span);
    d[1] = d[0];
    d[1].type = ND_DRIFT_HEDGE_REMOVED;
    d[1].origin_speaker = d[1].rewrite_speaker = NULL;
    d[1].detail = "hedge \"suggests\" became \"said\"";
    d[1].confidence = 0.55f;
    f->cluster = (nd_cluster){ 1, 0, "earliest published", f->members, 3, audited ? f->drifts : NULL,
                               audited ? 2 : 0 };
    f->related = (nd_related){ 3, 0, 0.41f };
    f->r = (nd_result){ .ndocs = 5, .clusters = &f->cluster, .nclusters = 1, .related = &f->related, .nrelated = 1,
                        .audited = audited };
}

/* Runs nd_report_write into memory; returns the text (caller frees) and the status in *st. */
static char *render(const nd_corpus *c, const nd_result *r, nd_format fmt, nd_status *st, nd_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    *st = nd_report_write(out, c, r, fmt, err);
    fclose(out);
    return buf;
}

static void test_format_parse(void)
{
    CHECK_INT(nd_format_parse("text"), ND_FORMAT_TEXT);
    CHECK_INT(nd_format_parse("json"), ND_FORMAT_JSON);
    CHECK_INT(nd_format_parse("CSV"), ND_FORMAT_CSV);
    CHECK_INT(nd_format_parse("html"), ND_FORMAT_HTML);
    CHECK_INT(nd_format_parse("xml"), -1);
    CHECK_INT(nd_format_parse("jso"), -1);
    CHECK_INT(nd_format_parse(""), -1);
    CHECK_INT(nd_format_parse(NULL), -1);
}

static void test_drift_type_names(void)
{
    static const char *const want[] = { "attribution_changed", "attribution_dropped", "attribution_to_org",
                                        "number_changed", "role_changed", "hedge_removed", "quote_altered" };
    CHECK_INT(sizeof want / sizeof *want, ND_DRIFT_NTYPES);
    for (int t = 0; t < ND_DRIFT_NTYPES; t++) CHECK_STR(nd_drift_type_name((nd_drift_type)t), want[t]);
    CHECK_STR(nd_drift_type_name(ND_DRIFT_NTYPES), "unknown");
}

static void test_json_exact(void)
{
    fixture f;
    fixture_init(&f, 1);
    const char *skip = nd_corpus_skipped(f.c, 0)->message, *warn = nd_corpus_warning(f.c, 0)->message;
    /* The corpus words these messages; they are pasted in verbatim, so they must need no escaping. */
    CHECK(!strpbrk(skip, "\"\\<") && !strpbrk(warn, "\"\\<"));
    const uint32_t *os = f.drifts[0].origin_span, *rs = f.drifts[0].rewrite_span;
    char want[8192];
    snprintf(want, sizeof want,
        "{\n"
        "  \"documents\": 5,\n"
        "  \"skipped\": [\n"
        "    {\"id\": \"empty.txt\", \"error\": \"%s\"}\n"
        "  ],\n"
        "  \"warnings\": [\n"
        "    {\"id\": \"latin1.txt\", \"message\": \"%s\"}\n"
        "  ],\n"
        "  \"clusters\": [\n"
        "    {\n"
        "      \"id\": 1,\n"
        "      \"origin\": \"wire/origin.txt\",\n"
        "      \"origin_reason\": \"earliest published\",\n"
        "      \"members\": [\n"
        "        {\"id\": \"wire/origin.txt\", \"relation\": \"origin\", \"similarity\": 1.0000, \"parent\": null, "
        "\"title\": \"DeepSeek R1 rivals \\\"o1\\\"\", \"source\": \"MIT Technology Review\", \"published\": \"2025-01-24\"},\n"
        "        {\"id\": \"blog, copy.txt\", \"relation\": \"copy\", \"similarity\": 0.9700, \"parent\": \"wire/origin.txt\"},\n"
        "        {\"id\": \"rewrite.txt\", \"relation\": \"rewrite\", \"similarity\": 0.6234, \"parent\": \"wire/origin.txt\", "
        "\"title\": \"The AI world is buzzing\\u000aabout DeepSeek R1\"}\n"
        "      ],\n"
        "      \"drifts\": [\n"
        "        {\"doc\": \"rewrite.txt\", \"type\": \"role_changed\", \"origin_speaker\": \"Hancheng Cao\", "
        "\"rewrite_speaker\": \"Hancheng Cao\", \"origin_text\": \"" ORIGIN_SENTENCE "\", "
        "\"rewrite_text\": \"" REWRITE_SENTENCE "\", \"origin_span\": [%u, %u], \"rewrite_span\": [%u, %u], "
        "\"detail\": \"role \\\"assistant professor\\\" became \\\"professor\\\"\", \"confidence\": 0.8000},\n"
        "        {\"doc\": \"rewrite.txt\", \"type\": \"hedge_removed\", \"origin_speaker\": null, "
        "\"rewrite_speaker\": null, \"origin_text\": \"" ORIGIN_SENTENCE "\", "
        "\"rewrite_text\": \"" REWRITE_SENTENCE "\", \"origin_span\": [%u, %u], \"rewrite_span\": [%u, %u], "
        "\"detail\": \"hedge \\\"suggests\\\" became \\\"said\\\"\", \"confidence\": 0.5500}\n"
        "      ]\n"
        "    }\n"
        "  ],\n"
        "  \"related\": [\n"
        "    {\"a\": \"related.txt\", \"b\": \"wire/origin.txt\", \"similarity\": 0.4100}\n"
        "  ]\n"
        "}\n",
        skip, warn, os[0], os[1], rs[0], rs[1], os[0], os[1], rs[0], rs[1]);
    nd_status st;
    char *got = render(f.c, &f.r, ND_FORMAT_JSON, &st, NULL);
    CHECK_INT(st, ND_OK);
    CHECK_STR(got, want);
    free(got);
    nd_corpus_free(f.c);
}

static void test_json_not_audited_has_no_drifts(void)
{
    fixture f;
    fixture_init(&f, 0);
    nd_status st;
    char *got = render(f.c, &f.r, ND_FORMAT_JSON, &st, NULL);
    CHECK_INT(st, ND_OK);
    CHECK(strstr(got, "\"members\": [") != NULL);
    CHECK(strstr(got, "\"drifts\"") == NULL);
    CHECK(strstr(got, "      ]\n    }\n  ],\n  \"related\"") != NULL);
    free(got);
    nd_corpus_free(f.c);
}

static void test_json_empty_result(void)
{
    nd_corpus *c = nd_corpus_new(NULL, NULL);
    nd_result r = { 0 };
    nd_status st;
    char *got = render(c, &r, ND_FORMAT_JSON, &st, NULL);
    CHECK_INT(st, ND_OK);
    CHECK_STR(got, "{\n  \"documents\": 0,\n  \"skipped\": [],\n  \"warnings\": [],\n"
                   "  \"clusters\": [],\n  \"related\": []\n}\n");
    free(got);
    nd_corpus_free(c);
}

static char *json_of(const char *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    nd_json_string(out, s);
    fclose(out);
    return buf;
}

static void test_json_escaping(void)
{
    char *got = json_of("He said \"no\" \\ twice\n\ttab \x01\x1f end");
    CHECK_STR(got, "\"He said \\\"no\\\" \\\\ twice\\u000a\\u0009tab \\u0001\\u001f end\"");
    free(got);
    got = json_of("<script>alert(1)</script> a/b");
    CHECK_STR(got, "\"<script>alert(1)<\\/script> a/b\"");
    free(got);
    /* UTF-8 passes through; the JavaScript line breaks do not; stray bytes become U+FFFD. */
    got = json_of("Emory\xe2\x80\x99s caf\xc3\xa9 \xe2\x80\xa8|\xe2\x80\xa9 \xff\xc3 \xed\xa0\x80 \xf0\x9f\x93\xb0");
    CHECK_STR(got, "\"Emory\xe2\x80\x99s caf\xc3\xa9 \\u2028|\\u2029 \\ufffd\\ufffd \\ufffd\\ufffd\\ufffd \xf0\x9f\x93\xb0\"");
    free(got);
    got = json_of(NULL);
    CHECK_STR(got, "null");
    free(got);
}

static char *csv_of(const char *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    nd_csv_field(out, s);
    fclose(out);
    return buf;
}

static void test_csv_quoting(void)
{
    char *got;
    CHECK_STR(got = csv_of("wire/origin.txt"), "wire/origin.txt"); free(got);
    CHECK_STR(got = csv_of("Cao, Hancheng"), "\"Cao, Hancheng\""); free(got);
    CHECK_STR(got = csv_of("the \"Chain of Thought\" approach"), "\"the \"\"Chain of Thought\"\" approach\""); free(got);
    CHECK_STR(got = csv_of("line one\nline two"), "\"line one\nline two\""); free(got);
    CHECK_STR(got = csv_of("carriage\rreturn"), "\"carriage\rreturn\""); free(got);
    CHECK_STR(got = csv_of(""), ""); free(got);
    CHECK_STR(got = csv_of(NULL), ""); free(got);
}

static void test_csv_members(void)
{
    fixture f;
    fixture_init(&f, 0);
    nd_status st;
    char *got = render(f.c, &f.r, ND_FORMAT_CSV, &st, NULL);
    CHECK_INT(st, ND_OK);
    CHECK_STR(got, "cluster,origin,member,relation,similarity,parent\r\n"
                   "1,wire/origin.txt,wire/origin.txt,origin,1.0000,\r\n"
                   "1,wire/origin.txt,\"blog, copy.txt\",copy,0.9700,wire/origin.txt\r\n"
                   "1,wire/origin.txt,rewrite.txt,rewrite,0.6234,wire/origin.txt\r\n");
    free(got);
    nd_corpus_free(f.c);
}

static void test_csv_drifts(void)
{
    fixture f;
    fixture_init(&f, 1);
    const uint32_t *os = f.drifts[0].origin_span, *rs = f.drifts[0].rewrite_span;
    char want[4096];
    snprintf(want, sizeof want,
        "cluster,doc,type,origin_speaker,rewrite_speaker,origin_start,origin_end,rewrite_start,rewrite_end,"
        "confidence,detail,origin_text,rewrite_text\r\n"
        "1,rewrite.txt,role_changed,Hancheng Cao,Hancheng Cao,%u,%u,%u,%u,0.8000,"
        "\"role \"\"assistant professor\"\" became \"\"professor\"\"\",\"" ORIGIN_SENTENCE "\",\"" REWRITE_SENTENCE "\"\r\n"
        "1,rewrite.txt,hedge_removed,,,%u,%u,%u,%u,0.5500,"
        "\"hedge \"\"suggests\"\" became \"\"said\"\"\",\"" ORIGIN_SENTENCE "\",\"" REWRITE_SENTENCE "\"\r\n",
        os[0], os[1], rs[0], rs[1], os[0], os[1], rs[0], rs[1]);
    nd_status st;
    char *got = render(f.c, &f.r, ND_FORMAT_CSV, &st, NULL);
    CHECK_INT(st, ND_OK);
    CHECK_STR(got, want);
    free(got);
    nd_corpus_free(f.c);
}

static void test_text(void)
{
    fixture f;
    fixture_init(&f, 1);
    nd_status st;
    char *got = render(f.c, &f.r, ND_FORMAT_TEXT, &st, NULL);
    CHECK_INT(st, ND_OK);
    CHECK_STR(got,
        "Cluster 1  origin: wire/origin.txt  (earliest published)\n"
        "  origin   1.00  wire/origin.txt  DeepSeek R1 rivals \"o1\"\n"
        "  copy     0.97  blog, copy.txt\n"
        "  rewrite  0.62  rewrite.txt      The AI world is buzzing about DeepSeek R1\n"
        "  drifts:\n"
        "    role_changed  rewrite.txt  confidence 0.80\n"
        "      origin:   " ORIGIN_SENTENCE "\n"
        "      rewrite:  " REWRITE_SENTENCE "\n"
        "      speakers: Hancheng Cao -> Hancheng Cao\n"
        "      detail:   role \"assistant professor\" became \"professor\"\n"
        "    hedge_removed  rewrite.txt  confidence 0.55\n"
        "      origin:   " ORIGIN_SENTENCE "\n"
        "      rewrite:  " REWRITE_SENTENCE "\n"
        "      detail:   hedge \"suggests\" became \"said\"\n"
        "\n"
        "Related coverage (same story, not derived)\n"
        "  0.41  related.txt  <->  wire/origin.txt\n"
        "\n"
        "5 documents, 1 cluster, 1 skipped\n");
    free(got);

    /* One speaker missing still shows the direction of the change. */
    f.drifts[0].type = ND_DRIFT_ATTRIBUTION_DROPPED;
    f.drifts[0].rewrite_speaker = NULL;
    f.cluster.ndrifts = 1;
    got = render(f.c, &f.r, ND_FORMAT_TEXT, &st, NULL);
    CHECK(strstr(got, "    attribution_dropped  rewrite.txt  confidence 0.80\n") != NULL);
    CHECK(strstr(got, "      speakers: Hancheng Cao -> (none)\n") != NULL);
    free(got);

    f.cluster.ndrifts = 0;
    got = render(f.c, &f.r, ND_FORMAT_TEXT, &st, NULL);
    CHECK(strstr(got, "rewrite.txt      The AI world is buzzing about DeepSeek R1\n  no drifts\n\n") != NULL);
    free(got);
    nd_corpus_free(f.c);
}

static void test_text_empty(void)
{
    nd_corpus *c = nd_corpus_new(NULL, NULL);
    CHECK_INT(nd_corpus_add(c, "only.txt", origin_text, strlen(origin_text), NULL, NULL), ND_OK);
    nd_result r = { .ndocs = 1 };
    nd_status st;
    char *got = render(c, &r, ND_FORMAT_TEXT, &st, NULL);
    CHECK_INT(st, ND_OK);
    CHECK_STR(got, "No copies or rewrites found.\n\n1 document, 0 clusters, 0 skipped\n");
    free(got);
    nd_corpus_free(c);
}

#define CLEAN(b, s, max) nd_clean_line(b, s, strlen(s), max)

static void test_clean_line(void)
{
    nd_strbuf b = { 0 };
    CHECK_STR(CLEAN(&b, " \n Hancheng Cao,\r\n\tan assistant\xc2\xa0professor \x1b[31m ", 0),
              "Hancheng Cao, an assistant professor [31m");
    CHECK_STR(CLEAN(&b, "", 10), "");
    CHECK_STR(CLEAN(&b, "exactly ten", 11), "exactly ten");
    /* Cut at the last space when it keeps at least three quarters of the limit. */
    CHECK_STR(CLEAN(&b, "The company claims to use Nvidia chips", 30),
              "The company claims to use\xe2\x80\xa6");
    /* No space near the limit: cut mid-word, never mid-character. */
    CHECK_STR(CLEAN(&b, "a caf\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 6), "a caf\xc3\xa9\xe2\x80\xa6");
    /* A 400-character sentence of 10-character words ends on the last whole
     * word within 300 characters, then the ellipsis. */
    char longs[400];
    for (int i = 0; i < 400; i++) longs[i] = i % 10 == 9 ? ' ' : 'x';
    const char *cut = nd_clean_line(&b, longs, 400, 300);
    CHECK_INT(strlen(cut), 289 + 3);
    CHECK_STR(cut + 286, "xxx\xe2\x80\xa6");
    nd_vec_free(&b);
}

static void test_put_unit(void)
{
    static const struct { float x; int decimals; const char *want; } cases[] = {
        { 0.5f, 2, "0.50" }, { 0.999f, 2, "1.00" }, { 0.6234f, 4, "0.6234" }, { 1.0f, 4, "1.0000" },
        { 1.2f, 4, "1.0000" }, { -0.3f, 2, "0.00" }, { 0.00006f, 4, "0.0001" }, { 0.00004f, 4, "0.0000" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&buf, &len);
        nd_put_unit(out, cases[i].x, cases[i].decimals);
        fclose(out);
        CHECK_STR(buf, cases[i].want);
        free(buf);
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    nd_put_unit(out, NAN, 4);
    fclose(out);
    CHECK_STR(buf, "0.0000");
    free(buf);
}

static void test_rejects_bad_result(void)
{
    fixture f;
    fixture_init(&f, 1);
    nd_error err = { 0 };
    nd_status st;
    f.members[2].doc = 9;
    char *got = render(f.c, &f.r, ND_FORMAT_JSON, &st, &err);
    CHECK_INT(st, ND_EINVAL);
    CHECK_STR(got, "");
    CHECK(strstr(err.message, "document 9, but the corpus holds 5") != NULL);
    free(got);
    f.members[2].doc = 2;

    size_t len;
    nd_doc_text(f.c, 2, &len);
    f.drifts[1].rewrite_span[1] = (uint32_t)len + 1;
    got = render(f.c, &f.r, ND_FORMAT_CSV, &st, &err);
    CHECK_INT(st, ND_EINVAL);
    CHECK_STR(got, "");
    CHECK(strstr(err.message, "outside document \"rewrite.txt\"") != NULL);
    free(got);

    /* Not audited: drifts are not read, so their spans do not matter. */
    f.r.audited = 0;
    got = render(f.c, &f.r, ND_FORMAT_CSV, &st, &err);
    CHECK_INT(st, ND_OK);
    free(got);
    nd_corpus_free(f.c);
}

static void test_write_errors(void)
{
    fixture f;
    fixture_init(&f, 1);
    nd_error err = { 0 };
    FILE *full = fopen("/dev/full", "w");
    CHECK(full != NULL);
    if (full) {
        CHECK_INT(nd_report_write(full, f.c, &f.r, ND_FORMAT_JSON, &err), ND_EIO);
        CHECK_INT(err.code, ND_EIO);
        CHECK(strstr(err.message, "No space left on device") != NULL);
        fclose(full);
    }
    nd_status st;
    char *got = render(f.c, &f.r, (nd_format)7, &st, &err);
    CHECK_INT(st, ND_EINVAL);
    CHECK_STR(err.message, "unknown report format 7");
    free(got);
    nd_corpus_free(f.c);
}

CHECK_MAIN("report",
    TEST(test_format_parse),
    TEST(test_drift_type_names),
    TEST(test_json_exact),
    TEST(test_json_not_audited_has_no_drifts),
    TEST(test_json_empty_result),
    TEST(test_json_escaping),
    TEST(test_csv_quoting),
    TEST(test_csv_members),
    TEST(test_csv_drifts),
    TEST(test_text),
    TEST(test_text_empty),
    TEST(test_clean_line),
    TEST(test_put_unit),
    TEST(test_rejects_bad_result),
    TEST(test_write_errors))

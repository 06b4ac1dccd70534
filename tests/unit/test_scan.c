/* The whole scan (nd_scan) and the comparison entry points, on real articles. */
#include <glob.h>
#include <stdlib.h>

#include "check.h"
#include "newsdup.h"
#include "pipeline/result.h"
#include "pipeline/stream.h"

/* The seed corpus, each file added under its own name ("000_....txt"). */
static nd_corpus *seed_corpus(void)
{
    nd_error err = { 0 };
    nd_corpus *c = nd_corpus_new(NULL, &err);
    glob_t g;
    CHECK_INT(glob("corpus/*.txt", 0, NULL, &g), 0);
    CHECK_INT(g.gl_pathc, 5);
    for (size_t i = 0; c && i < g.gl_pathc; i++) {
        size_t len;
        char *text = check_slurp(g.gl_pathv[i], &len);
        CHECK(text != NULL);
        if (text) CHECK_INT(nd_corpus_add(c, g.gl_pathv[i] + 7, text, len, NULL, &err), ND_OK);
        free(text);
    }
    globfree(&g);
    return c;
}

static const nd_member *member_of(const nd_cluster *cl, uint32_t doc)
{
    for (uint32_t i = 0; i < cl->nmembers; i++)
        if (cl->members[i].doc == doc) return &cl->members[i];
    return NULL;
}

static void the_seed_corpus_has_one_cluster_of_three(void)
{
    nd_corpus *c = seed_corpus();
    CHECK(c != NULL);
    if (!c) return;
    CHECK_INT(nd_corpus_size(c), 5);
    CHECK_STR(nd_doc_id(c, 0), "000_2524be277e2264a3.txt");
    nd_error err = { 0 };
    nd_result *r = nd_scan(c, &err);
    CHECK(r != NULL);
    if (!r) {
        nd_corpus_free(c);
        return;
    }
    CHECK_INT(r->ndocs, 5);
    CHECK_INT(r->nclusters, 1);
    if (r->nclusters == 1) {
        const nd_cluster *cl = &r->clusters[0];
        CHECK_INT(cl->id, 1);
        CHECK_INT(cl->nmembers, 3);
        CHECK_INT(cl->origin, 0);
        CHECK(cl->origin_reason && *cl->origin_reason);
        CHECK_INT(cl->members[0].doc, 0);  /* origin first */
        CHECK_INT(cl->members[0].relation, ND_ORIGIN);
        CHECK_NEAR(cl->members[0].similarity, 1.0, 0);
        for (uint32_t d = 1; d <= 2; d++) {
            const nd_member *m = member_of(cl, d);
            CHECK(m != NULL);
            if (!m) continue;
            CHECK_INT(m->relation, ND_REWRITE);
            CHECK(m->similarity > 0 && m->similarity < 1);
            CHECK_INT(m->parent, 0);  /* each rewrites the origin directly */
        }
        CHECK(member_of(cl, 3) == NULL);
        CHECK(member_of(cl, 4) == NULL);
        /* the rest by similarity, descending */
        if (cl->nmembers == 3) CHECK(cl->members[1].similarity >= cl->members[2].similarity);
        CHECK(cl->drifts == NULL && cl->ndrifts == 0);
    }
    CHECK_INT(r->audited, 0);
    /* related pairs never join two members of one cluster */
    for (size_t i = 0; i < r->nrelated; i++) {
        CHECK(r->related[i].a < r->related[i].b);
        CHECK(!(r->related[i].a <= 2 && r->related[i].b <= 2));
    }
    nd_result_free(r);
    nd_corpus_free(c);
}

/* Checks that a and b are the same result, member for member. */
static void check_same_result(const nd_result *a, const nd_result *b)
{
    CHECK(a && b);
    if (!a || !b) return;
    CHECK_INT(a->nclusters, b->nclusters);
    CHECK_INT(a->nrelated, b->nrelated);
    for (size_t k = 0; k < a->nclusters && k < b->nclusters; k++) {
        CHECK_INT(a->clusters[k].nmembers, b->clusters[k].nmembers);
        CHECK_STR(a->clusters[k].origin_reason, b->clusters[k].origin_reason);
        for (uint32_t i = 0; i < a->clusters[k].nmembers && i < b->clusters[k].nmembers; i++) {
            CHECK_INT(a->clusters[k].members[i].doc, b->clusters[k].members[i].doc);
            CHECK_INT(a->clusters[k].members[i].relation, b->clusters[k].members[i].relation);
            CHECK_NEAR(a->clusters[k].members[i].similarity, b->clusters[k].members[i].similarity, 0);
        }
    }
    for (size_t k = 0; k < a->nrelated && k < b->nrelated; k++) {
        CHECK_INT(a->related[k].a, b->related[k].a);
        CHECK_INT(a->related[k].b, b->related[k].b);
    }
}

static void the_scan_is_deterministic(void)
{
    nd_corpus *c = seed_corpus();
    if (!c) return;
    const char *ids[5];
    for (uint32_t d = 0; d < 5; d++) ids[d] = nd_doc_id(c, d);
    nd_result *a = nd_scan(c, NULL), *b = nd_scan(c, NULL);
    check_same_result(a, b);
    /* the scan sorts the documents by id for itself and puts them back */
    for (uint32_t d = 0; d < 5; d++) CHECK(nd_doc_id(c, d) == ids[d]);
    if (a) {
        /* what it held: about 1 KB of compact features an article, a 128-byte
         * sketch each; no key of five articles is in more than 4,096 */
        const nd_scan_memory *m = &a->memory;
        CHECK(m->fingerprints > 5 * 300 && m->fingerprints < 5 * 4000);
        CHECK(m->index >= 5 * 128 + 5 * 4 && m->index < 5 * 2000);
        CHECK(m->building > 0 && m->counting > 0);
        CHECK(m->peak >= m->fingerprints + 5 * 132 && m->peak <= m->fingerprints + m->index + m->building + m->counting);
    }
    nd_result_free(a);
    nd_result_free(b);
    nd_corpus_free(c);
}

/* The hand-written set, a story directory at a time; with keep_text 0 each
 * story is fingerprinted as a batch of its own before the next is read. */
static nd_corpus *audit_set(int keep_text)
{
    nd_options opt;
    nd_options_default(&opt);
    opt.keep_text = keep_text;
    nd_corpus *c = nd_corpus_new(&opt, NULL);
    glob_t g;
    CHECK_INT(glob("tests/data/audit-set/0*/*.txt", 0, NULL, &g), 0);
    CHECK_INT(g.gl_pathc, 40);
    for (size_t i = 0; c && i < g.gl_pathc; i++) {
        CHECK_INT(nd_corpus_add_path(c, g.gl_pathv[i], NULL), ND_OK);
        if (!keep_text && i % 5 == 4) CHECK_INT(nd_stream_flush(c), 0);
    }
    globfree(&g);
    return c;
}

static void a_corpus_that_drops_its_texts_scans_alike(void)
{
    nd_corpus *kept = audit_set(1), *dropped = audit_set(0);
    if (!kept || !dropped) return;
    CHECK_INT(nd_corpus_size(dropped), 40);
    size_t len = 1;
    CHECK(nd_doc_text(dropped, 3, &len) == NULL);
    CHECK(nd_doc_text(kept, 3, &len) != NULL && len > 1000);
    nd_result *a = nd_scan(kept, NULL), *b = nd_scan(dropped, NULL);
    check_same_result(a, b);
    CHECK_INT(b ? b->nclusters : 0, 8);
    /* what reads texts says why it cannot */
    nd_error err = { 0 };
    CHECK_INT(nd_audit(dropped, b, &err), ND_EINVAL);
    CHECK(strstr(err.message, "the audit needs the documents' texts") != NULL);
    FILE *out = tmpfile();
    CHECK_INT(nd_report_write(out, dropped, b, ND_FORMAT_HTML, &err), ND_EINVAL);
    CHECK(strstr(err.message, "the HTML report") != NULL);
    CHECK_INT(nd_report_write(out, dropped, b, ND_FORMAT_JSON, &err), ND_OK);
    nd_pair_score s;
    CHECK_INT(nd_compare_pair(dropped, 0, 1, &s, &err), ND_EINVAL);
    /* its scan took the fingerprints: no second scan, no more documents */
    CHECK(nd_scan(dropped, &err) == NULL);
    CHECK_INT(err.code, ND_EINVAL);
    CHECK(strstr(err.message, "scanned already") != NULL);
    CHECK_INT(nd_corpus_add(dropped, "late.txt", "A late story about the harbour.", 31, NULL, &err), ND_EINVAL);
    CHECK(strstr(err.message, "takes no more documents") != NULL);
    CHECK_INT(nd_corpus_size(dropped), 40);
    CHECK_INT(nd_corpus_nskipped(dropped), 0);
    fclose(out);
    nd_result_free(a);
    nd_result_free(b);
    nd_corpus_free(kept);
    nd_corpus_free(dropped);
}

static void the_same_article_twice_is_a_copy(void)
{
    size_t len;
    char *text = check_slurp("corpus/002_d3c08a9c2b37002a.txt", &len);
    CHECK(text != NULL);
    if (!text) return;
    char *dressed = malloc(len + 256);
    int k = snprintf(dressed, 256, "Skip to content\nTech News\nShare this article\n\n");
    memcpy(dressed + k, text, len);
    int tail = snprintf(dressed + k + len, 128, "\n\xc2\xa9 2025 Example Media. All rights reserved.\nRead more\n");
    nd_corpus *c = nd_corpus_new(NULL, NULL);
    CHECK_INT(nd_corpus_add(c, "site-a/deepseek.txt", text, len, NULL, NULL), ND_OK);
    CHECK_INT(nd_corpus_add(c, "site-b/deepseek-r1.txt", dressed, (size_t)k + len + (size_t)tail, NULL, NULL), ND_OK);
    nd_error err = { 0 };
    nd_result *r = nd_scan(c, &err);
    CHECK(r != NULL);
    if (r) {
        CHECK_INT(r->nclusters, 1);
        CHECK_INT(r->nrelated, 0);
        if (r->nclusters == 1) {
            const nd_cluster *cl = &r->clusters[0];
            CHECK_INT(cl->nmembers, 2);
            CHECK_INT(cl->members[0].relation, ND_ORIGIN);
            if (cl->nmembers == 2) {
                CHECK_INT(cl->members[1].relation, ND_COPY);
                CHECK_NEAR(cl->members[1].similarity, 1.0, 1e-6);
                CHECK_INT(cl->members[1].parent, cl->origin);
            }
        }
    }
    nd_result_free(r);
    nd_corpus_free(c);
    free(dressed);
    free(text);
}

static void the_earlier_copy_is_the_origin_when_dated(void)
{
    size_t len;
    char *text = check_slurp("corpus/001_52040788e84add02.txt", &len);
    CHECK(text != NULL);
    if (!text) return;
    nd_corpus *c = nd_corpus_new(NULL, NULL);
    nd_doc_meta late = { .published = "2025-01-28T09:00:00Z" }, early = { .published = "2025-01-27T18:00:00-05:00" };
    CHECK_INT(nd_corpus_add(c, "late", text, len, &late, NULL), ND_OK);
    CHECK_INT(nd_corpus_add(c, "early", text, len, &early, NULL), ND_OK);
    nd_result *r = nd_scan(c, NULL);
    CHECK(r && r->nclusters == 1);
    if (r && r->nclusters == 1) {
        CHECK_INT(r->clusters[0].origin, 1);  /* 23:00 UTC on the 27th */
        CHECK(strstr(r->clusters[0].origin_reason, "earliest") != NULL);
    }
    nd_result_free(r);
    nd_corpus_free(c);
    free(text);
}

/* Scans the named files of one audit-set story, each with its published
 * time (NULL: none); returns the origin's file name, or "" without one cluster. */
static const char *origin_among(const char *story, const char *const files[], const char *const published[],
                                int n, char *why, size_t whylen)
{
    static char name[64];
    name[0] = 0;
    nd_corpus *c = nd_corpus_new(NULL, NULL);
    for (int i = 0; i < n; i++) {
        char path[256];
        size_t len;
        snprintf(path, sizeof path, "tests/data/audit-set/%s/%s", story, files[i]);
        char *text = check_slurp(path, &len);
        CHECK(text != NULL);
        if (!text) continue;
        nd_doc_meta meta = { .published = published[i] };
        CHECK_INT(nd_corpus_add(c, files[i], text, len, &meta, NULL), ND_OK);
        free(text);
    }
    nd_result *r = nd_scan(c, NULL);
    CHECK(r && r->nclusters == 1);
    if (r && r->nclusters == 1) {
        snprintf(name, sizeof name, "%s", nd_doc_id(c, r->clusters[0].origin));
        snprintf(why, whylen, "%s", r->clusters[0].origin_reason);
    }
    nd_result_free(r);
    nd_corpus_free(c);
    return name;
}

static void an_undated_text_beats_the_earliest_date_it_is_the_source_of(void)
{
    char why[256];
    /* the earliest dated member is a trimmed copy (583 content words against 632) */
    const char *const copies[] = { "origin.txt", "copy.txt", "rewrite-a.txt" };
    const char *const copy_first[] = { NULL, "2025-03-02T08:00:00Z", "2025-03-02T09:30:00Z" };
    CHECK_STR(origin_among("01-chipmaker-closure", copies, copy_first, 3, why, sizeof why), "origin.txt");
    CHECK_STR(why, "no date, but the earliest dated member derives from it (a trimmed copy)");
    /* ... or a rewrite that turned two of its ten direct quotations into narration */
    const char *const rewrites[] = { "origin.txt", "rewrite-b.txt", "rewrite-a.txt" };
    CHECK_STR(origin_among("03-millbrook-budget", rewrites, copy_first, 3, why, sizeof why), "origin.txt");
    CHECK_STR(why, "no date, but the earliest dated member derives from it (a rewrite with fewer direct quotations)");
    /* dated, the fuller text is only later: the dates decide */
    const char *const all_dated[] = { "2025-03-02T10:00:00Z", "2025-03-02T08:00:00Z", "2025-03-02T09:30:00Z" };
    CHECK_STR(origin_among("01-chipmaker-closure", copies, all_dated, 3, why, sizeof why), "copy.txt");
    CHECK_STR(why, "earliest published time in the cluster");
    /* an undated rewrite that kept every quotation is no sign: 03's rewrite-a keeps all ten */
    const char *const undated_rewrite[] = { "2025-03-02T08:00:00Z", "2025-03-02T09:30:00Z", NULL };
    CHECK_STR(origin_among("03-millbrook-budget", rewrites, undated_rewrite, 3, why, sizeof why), "origin.txt");
    CHECK_STR(why, "earliest published time in the cluster");
}

/* Two unrelated stories, and a page that pastes the first half of one
 * above the second half of the other. */
static const char *tram =
    "The Castlemere city council approved a 240 million pound extension of the tram network on Tuesday, "
    "ending two years of argument over the route. "
    "Construction of the eastern line will begin in March and is expected to finish by the autumn of 2028. "
    "Councillor Amina Patel said the new line would cut journey times for about 30,000 commuters who travel "
    "from Riverside each day. "
    "Shop owners on Dock Road warned that months of roadworks would drive customers away from the high street. "
    "The council promised a compensation fund of 2 million pounds for businesses that lose trade during the works. "
    "Opposition members voted against the plan, arguing that buses could serve the same neighbourhoods at a "
    "fraction of the cost.\n";
static const char *recall =
    "Glucose monitors made by Veridian Health were recalled in 14 countries after a software fault caused "
    "false low readings. "
    "The company said about 120,000 sensors sold since January were affected and should be replaced free of charge. "
    "Regulators in Germany first reported the problem after hospitals noticed patients receiving unnecessary "
    "sugar doses. "
    "Veridian shares fell 9 percent in Frankfurt on the news, their steepest drop in three years. "
    "Chief executive Lena Brandt apologised to patients and promised an independent review of the testing process. "
    "Diabetes charities urged users to check their readings with a finger-prick test until replacements arrive.\n";
static const char *composite =
    "The Castlemere city council approved a 240 million pound extension of the tram network on Tuesday, "
    "ending two years of argument over the route. "
    "Construction of the eastern line will begin in March and is expected to finish by the autumn of 2028. "
    "Councillor Amina Patel said the new line would cut journey times for about 30,000 commuters who travel "
    "from Riverside each day. "
    "Regulators in Germany first reported the problem after hospitals noticed patients receiving unnecessary "
    "sugar doses. "
    "Veridian shares fell 9 percent in Frankfurt on the news, their steepest drop in three years. "
    "Chief executive Lena Brandt apologised to patients and promised an independent review of the testing process.\n";

static void a_composite_page_does_not_bridge_two_stories(void)
{
    nd_corpus *c = nd_corpus_new(NULL, NULL);
    CHECK_INT(nd_corpus_add(c, "tram", tram, strlen(tram), NULL, NULL), ND_OK);
    CHECK_INT(nd_corpus_add(c, "recall", recall, strlen(recall), NULL, NULL), ND_OK);
    CHECK_INT(nd_corpus_add(c, "composite", composite, strlen(composite), NULL, NULL), ND_OK);
    /* the composite derives from each story; the stories have nothing in common */
    nd_pair_score s;
    CHECK_INT(nd_compare_pair(c, 0, 2, &s, NULL), ND_OK);
    CHECK(s.derived);
    CHECK_INT(nd_compare_pair(c, 1, 2, &s, NULL), ND_OK);
    CHECK(s.derived);
    CHECK_INT(nd_compare_pair(c, 0, 1, &s, NULL), ND_OK);
    CHECK(!s.derived && !s.related);
    nd_result *r = nd_scan(c, NULL);
    CHECK(r != NULL);
    if (r) {
        CHECK_INT(r->nclusters, 1);  /* the composite joins one of them */
        for (size_t k = 0; k < r->nclusters; k++) {
            CHECK(member_of(&r->clusters[k], 2) != NULL);
            CHECK(!(member_of(&r->clusters[k], 0) && member_of(&r->clusters[k], 1)));
        }
    }
    nd_result_free(r);
    nd_corpus_free(c);
}

static void an_empty_corpus_has_no_clusters(void)
{
    nd_corpus *c = nd_corpus_new(NULL, NULL);
    nd_error err = { 0 };
    nd_result *r = nd_scan(c, &err);
    CHECK(r != NULL);
    if (r) {
        CHECK_INT(r->ndocs, 0);
        CHECK_INT(r->nclusters, 0);
        CHECK_INT(r->nrelated, 0);
    }
    nd_result_free(r);
    /* one document alone is no cluster either */
    const char *t = "The Castlemere council approved a tram extension on Tuesday after two years of argument.";
    CHECK_INT(nd_corpus_add(c, "only", t, strlen(t), NULL, NULL), ND_OK);
    r = nd_scan(c, &err);
    CHECK(r && r->nclusters == 0 && r->ndocs == 1);
    nd_result_free(r);
    nd_corpus_free(c);
}

static void documents_without_content_sentences_are_scanned(void)
{
    /* short notes have no content sentence, hence no candidate keys; first in
     * the corpus, they are fingerprinted before any key exists */
    size_t len;
    char *text = check_slurp("corpus/001_52040788e84add02.txt", &len);
    CHECK(text != NULL);
    if (!text) return;
    nd_corpus *c = nd_corpus_new(NULL, NULL);
    const char *note = "Markets closed.\n", *brief = "Skip to content\nHe agreed.\n";
    CHECK_INT(nd_corpus_add(c, "note", note, strlen(note), NULL, NULL), ND_OK);
    CHECK_INT(nd_corpus_add(c, "brief", brief, strlen(brief), NULL, NULL), ND_OK);
    CHECK_INT(nd_corpus_add(c, "a", text, len, NULL, NULL), ND_OK);
    CHECK_INT(nd_corpus_add(c, "b", text, len, NULL, NULL), ND_OK);
    nd_result *r = nd_scan(c, NULL);
    CHECK(r && r->nclusters == 1);
    if (r && r->nclusters == 1) {
        CHECK_INT(r->clusters[0].nmembers, 2);
        CHECK(member_of(&r->clusters[0], 2) && member_of(&r->clusters[0], 3));
    }
    nd_result_free(r);
    nd_corpus_free(c);
    free(text);
}

typedef struct progress_log {
    char stages[16][16];
    uint64_t done[16], total[16];
    int n;
} progress_log;

static void log_progress(void *ctx, const nd_progress *p)
{
    progress_log *log = ctx;
    if (log->n == 16) return;
    snprintf(log->stages[log->n], sizeof log->stages[0], "%s", p->stage);
    log->done[log->n] = p->done;
    log->total[log->n] = p->total;
    log->n++;
}

static void the_scan_reports_each_stage_to_completion(void)
{
    progress_log log = { .n = 0 };
    nd_options opt;
    nd_options_default(&opt);
    opt.progress = log_progress;
    opt.progress_ctx = &log;
    nd_corpus *c = nd_corpus_new(&opt, NULL);
    CHECK_INT(nd_corpus_add(c, "tram", tram, strlen(tram), NULL, NULL), ND_OK);
    CHECK_INT(nd_corpus_add(c, "composite", composite, strlen(composite), NULL, NULL), ND_OK);
    int before = log.n;
    nd_result *r = nd_scan(c, NULL);
    CHECK(r != NULL);
    /* fingerprint, candidates, verify and cluster finish in that order, each with done == total */
    static const char *const order[] = { "fingerprint", "candidates", "verify", "cluster" };
    int next = 0;
    for (int i = before; i < log.n; i++) {
        if (next < 4 && strcmp(log.stages[i], order[next]) == 0 && log.done[i] == log.total[i]) next++;
    }
    CHECK_INT(next, 4);
    nd_result_free(r);
    nd_corpus_free(c);
}

static void bad_documents_are_skipped_with_reasons(void)
{
    nd_corpus *c = nd_corpus_new(NULL, NULL);
    nd_error err = { 0 };
    const char *t = "The Castlemere council approved a tram extension on Tuesday after two years of argument.";
    CHECK_INT(nd_corpus_add(c, "story.txt", t, strlen(t), NULL, &err), ND_OK);
    CHECK_INT(nd_corpus_add(c, "story.txt", t, strlen(t), NULL, &err), ND_EDUP);
    CHECK(strstr(err.message, "story.txt") != NULL);
    const char binary[] = "PK\x03\x04\0\0\x08\0compressed\0data";
    CHECK_INT(nd_corpus_add(c, "archive.zip", binary, sizeof binary - 1, NULL, &err), ND_EBINARY);
    CHECK_INT(nd_corpus_add(c, "empty.txt", "", 0, NULL, &err), ND_EEMPTY);
    CHECK_INT(nd_corpus_add(c, "blank.txt", " \n\t\n -- \n", 9, NULL, &err), ND_EEMPTY);
    CHECK_INT(nd_corpus_size(c), 1);
    CHECK_INT(nd_corpus_nskipped(c), 4);
    const nd_notice *n = nd_corpus_skipped(c, 1);
    CHECK(n != NULL);
    if (n) {
        CHECK_STR(n->id, "archive.zip");
        CHECK(strstr(n->message, "binary") != NULL);
    }
    CHECK_STR(nd_corpus_skipped(c, 0)->id, "story.txt");
    CHECK(nd_corpus_skipped(c, 4) == NULL);
    /* the corpus stays usable */
    nd_result *r = nd_scan(c, &err);
    CHECK(r && r->ndocs == 1 && r->nclusters == 0);
    nd_result_free(r);
    nd_corpus_free(c);
}

/* ---- assembling the result -------------------------------------------------- */

/* Scores against the origin, from a table: doc -> (derived, relation, similarity). */
static int table_score(void *ctx, uint32_t a, uint32_t b, nd_pair_score *out)
{
    const nd_pair_score *table = ctx;
    (void)a;
    *out = table[b];
    return 0;
}

static void members_hang_under_the_member_they_derive_from(void)
{
    nd_corpus *c = nd_corpus_new(NULL, NULL);
    for (int d = 0; d < 7; d++) {
        char id[16], text[80];
        snprintf(id, sizeof id, "d%d", d);
        snprintf(text, sizeof text, "Report number %d on the tram extension.", d);
        CHECK_INT(nd_corpus_add(c, id, text, strlen(text), NULL, NULL), ND_OK);
    }
    /* cluster 0: 0 is the origin, 1 rewrites it, 2 rewrites 1, 3 rewrites 2;
     * 4 is alone; cluster 1: 5 and its copy 6 */
    uint32_t group[7] = { 0, 0, 0, 0, UINT32_MAX, 1, 1 };
    nd_groups g = { group, 2 };
    nd_evidence ev[7] = { { 0 } };
    ev[0].quotations = 3;
    ev[0].words = 400;
    nd_edge edges[] = {
        { 0, 1, 0.8f }, { 1, 2, 0.6f }, { 2, 3, 0.5f }, { 0, 3, 0.1f },
        { 1, 4, 0.9f },  /* an edge the clusterer declined: joins nothing */
        { 5, 6, 0.95f },
    };
    nd_pair_score table[7] = { { 0 } };
    table[1] = (nd_pair_score){ .similarity = 0.8f, .derived = 1, .relation = ND_REWRITE };
    /* 2 and 3 are too far from the origin to count as derived from it, but
     * on its story, and strongly linked to their parents (0.6, 0.5 against
     * twice the 0.19 threshold): rewrites of rewrites */
    table[2] = (nd_pair_score){ .similarity = 0.15f, .derived = 0, .related = 1, .relation = ND_REWRITE };
    table[3] = (nd_pair_score){ .similarity = 0.1f, .derived = 0, .related = 1, .relation = ND_REWRITE };
    table[6] = (nd_pair_score){ .shingle = 1, .similarity = 0.95f, .derived = 1, .relation = ND_COPY };
    nd_result *r = nd_result_assemble(c, &g, ev, edges, sizeof edges / sizeof edges[0], table_score, table);
    CHECK(r != NULL);
    if (!r) {
        nd_corpus_free(c);
        return;
    }
    CHECK_INT(r->ndocs, 7);
    CHECK_INT(r->nclusters, 2);
    CHECK_INT(r->nrelated, 0);
    const nd_cluster *a = &r->clusters[0], *b = &r->clusters[1];
    CHECK_INT(a->id, 1);
    CHECK_INT(a->origin, 0);
    CHECK(strstr(a->origin_reason, "quotations") != NULL);
    CHECK_INT(a->nmembers, 4);
    if (a->nmembers == 4) {
        /* origin first, then by similarity to it */
        static const uint32_t doc[] = { 0, 1, 2, 3 }, parent[] = { 0, 0, 1, 2 };
        for (int i = 0; i < 4; i++) {
            CHECK_INT(a->members[i].doc, doc[i]);
            CHECK_INT(a->members[i].parent, parent[i]);
        }
        CHECK_INT(a->members[0].relation, ND_ORIGIN);
        CHECK_NEAR(a->members[1].similarity, 0.8, 1e-6);
        CHECK_INT(a->members[3].relation, ND_REWRITE);
    }
    CHECK_INT(b->id, 2);
    CHECK_INT(b->origin, 5);  /* no evidence, equally central: the lower index */
    CHECK_INT(b->nmembers, 2);
    if (b->nmembers == 2) {
        CHECK_INT(b->members[1].doc, 6);
        CHECK_INT(b->members[1].relation, ND_COPY);
        CHECK_INT(b->members[1].parent, 5);
    }
    nd_result_free(r);
    /* not on the origin's story: 2 and 3 do not join through 1, and stay alone */
    table[2].related = table[3].related = 0;
    r = nd_result_assemble(c, &g, ev, edges, sizeof edges / sizeof edges[0], table_score, table);
    CHECK(r && r->nclusters == 2 && r->clusters[0].nmembers == 2 && r->clusters[0].members[1].doc == 1);
    nd_result_free(r);
    nd_corpus_free(c);
}

static void compare_to_puts_everything_under_the_given_origin(void)
{
    nd_corpus *c = seed_corpus();
    if (!c) return;
    nd_error err = { 0 };
    nd_result *r = nd_compare_to(c, 0, &err);
    CHECK(r != NULL);
    if (r) {
        CHECK_INT(r->memory.peak, 0);  /* no scan */
        CHECK_INT(r->nclusters, 1);
        const nd_cluster *cl = &r->clusters[0];
        CHECK_INT(cl->origin, 0);
        CHECK_INT(cl->nmembers, 5);
        CHECK_STR(cl->origin_reason, "given as the origin");
        CHECK_INT(cl->members[0].doc, 0);
        CHECK_INT(cl->members[0].relation, ND_ORIGIN);
        for (uint32_t i = 1; i < cl->nmembers; i++) {
            CHECK_INT(cl->members[i].relation, ND_REWRITE);
            CHECK_INT(cl->members[i].parent, 0);
            CHECK(cl->members[i].similarity >= 0 && cl->members[i].similarity < 1);
        }
        /* the rewrites score above the independent reports */
        const nd_member *m1 = member_of(cl, 1), *m3 = member_of(cl, 3), *m4 = member_of(cl, 4);
        CHECK(m1 && m3 && m4 && m1->similarity > m3->similarity && m1->similarity > m4->similarity);
    }
    nd_result_free(r);
    CHECK(nd_compare_to(c, 5, &err) == NULL);
    CHECK_INT(err.code, ND_EINVAL);
    nd_corpus_free(c);
}

static void compare_pair_agrees_with_the_scan(void)
{
    nd_corpus *c = seed_corpus();
    if (!c) return;
    nd_pair_score s;
    nd_error err = { 0 };
    CHECK_INT(nd_compare_pair(c, 0, 2, &s, &err), ND_OK);
    CHECK(s.derived);
    CHECK_INT(s.relation, ND_REWRITE);
    CHECK_INT(nd_compare_pair(c, 0, 3, &s, &err), ND_OK);
    CHECK(!s.derived);
    CHECK_INT(nd_compare_pair(c, 3, 4, &s, &err), ND_OK);
    CHECK(!s.derived);
    nd_corpus_free(c);
}

CHECK_MAIN("scan",
    TEST(the_seed_corpus_has_one_cluster_of_three),
    TEST(the_scan_is_deterministic),
    TEST(a_corpus_that_drops_its_texts_scans_alike),
    TEST(the_same_article_twice_is_a_copy),
    TEST(the_earlier_copy_is_the_origin_when_dated),
    TEST(an_undated_text_beats_the_earliest_date_it_is_the_source_of),
    TEST(a_composite_page_does_not_bridge_two_stories),
    TEST(an_empty_corpus_has_no_clusters),
    TEST(documents_without_content_sentences_are_scanned),
    TEST(the_scan_reports_each_stage_to_completion),
    TEST(bad_documents_are_skipped_with_reasons),
    TEST(members_hang_under_the_member_they_derive_from),
    TEST(compare_to_puts_everything_under_the_given_origin),
    TEST(compare_pair_agrees_with_the_scan))

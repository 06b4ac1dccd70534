/* The whole library on a few fuzzed documents: the input is cut at 0x1E
 * (record separator) into up to four documents; the first byte picks the
 * sentence limit.  Scan, audit, compare-to-origin and every report format
 * must succeed and keep every reference in range. */
#include "fuzz.h"
#include "newsdup.h"

enum { MAXDOCS = 4 };

static void check_result(const nd_result *r, uint32_t ndocs)
{
    FUZZ_CHECK(r->ndocs == ndocs);
    for (size_t i = 0; i < r->nclusters; i++) {
        const nd_cluster *k = &r->clusters[i];
        FUZZ_CHECK(k->nmembers >= 1 && k->origin < ndocs && k->members[0].doc == k->origin);
        for (uint32_t m = 0; m < k->nmembers; m++)
            FUZZ_CHECK(k->members[m].doc < ndocs && k->members[m].parent < ndocs);
        for (uint32_t d = 0; d < k->ndrifts; d++) {
            FUZZ_CHECK(k->drifts[d].doc < ndocs && k->drifts[d].type < ND_DRIFT_NTYPES);
            FUZZ_CHECK(k->drifts[d].detail != NULL);
        }
    }
    for (size_t i = 0; i < r->nrelated; i++) FUZZ_CHECK(r->related[i].a < ndocs && r->related[i].b < ndocs);
}

static void report_all(FILE *sink, const nd_corpus *c, const nd_result *r)
{
    for (int fmt = ND_FORMAT_TEXT; fmt <= ND_FORMAT_HTML; fmt++) {
        nd_error err;
        nd_status s = nd_report_write(sink, c, r, (nd_format)fmt, &err);
        /* a build may leave html out, and says so */
        FUZZ_CHECK(s == ND_OK || (fmt == ND_FORMAT_HTML && s == ND_EINVAL));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    nd_options opt;
    nd_options_default(&opt);
    if (data[0] % 4 == 0) opt.max_sentences = 1 + data[0] / 4 % 8;
    data++, size--;
    nd_corpus *c = nd_corpus_new(&opt, NULL);
    FILE *sink = fopen("/dev/null", "w");
    FUZZ_CHECK(c && sink);
    for (size_t s = 0, e, ndoc = 0; s <= size && ndoc < MAXDOCS; s = e + 1, ndoc++) {
        for (e = s; e < size && data[e] != 0x1E; e++) {}
        if (ndoc + 1 == MAXDOCS) e = size;  /* the last takes the rest, separators and all */
        char id[8] = { 'd', (char)('0' + ndoc), 0 };
        char *doc = malloc(e - s ? e - s : 1);  /* exactly the document's bytes, for ASan */
        FUZZ_CHECK(doc != NULL);
        memcpy(doc, data + s, e - s);
        nd_corpus_add(c, id, doc, e - s, NULL, NULL);
        free(doc);
    }
    uint32_t ndocs = nd_corpus_size(c);
    nd_error err;
    nd_result *r = nd_scan(c, &err);
    FUZZ_CHECK(r != NULL);
    FUZZ_CHECK(nd_audit(c, r, &err) == ND_OK && r->audited);
    check_result(r, ndocs);
    report_all(sink, c, r);
    nd_result_free(r);
    if (ndocs) {
        r = nd_compare_to(c, 0, &err);
        FUZZ_CHECK(r != NULL && nd_audit(c, r, &err) == ND_OK);
        check_result(r, ndocs);
        report_all(sink, c, r);
        nd_result_free(r);
    }
    fclose(sink);
    nd_corpus_free(c);
    return 0;
}

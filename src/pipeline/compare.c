/* Comparisons outside the scan: one pair, or everything against a given origin. */
#include <stdlib.h>
#include <string.h>

#include "../fingerprint/compact.h"
#include "../read/corpus.h"
#include "../util/error.h"
#include "../verify/verify.h"
#include "stats.h"
#include "newsdup.h"

/* The compact features the scan compares documents by, so that a pair
 * scores here as it does in a scan of the same corpus. */
static int features_of(const nd_corpus *c, nd_tokeniser *tk, uint32_t doc, nd_tokens *t, nd_features *full,
                       nd_features *f)
{
    const nd_doc *d = &c->docs.v[doc];
    return nd_compact_of_text(tk, d->text, d->len, c->opt.max_sentences, t, full, f);
}

nd_status nd_compare_pair(nd_corpus *c, uint32_t a, uint32_t b, nd_pair_score *out, nd_error *err)
{
    uint32_t n = (uint32_t)c->docs.n;
    if (a >= n || b >= n) return nd_fail(err, ND_EINVAL, "document index out of range (%u, %u of %u)", a, b, n);
    nd_status kept = nd_corpus_need_text(c, "comparing documents", err);
    if (kept) return kept;
    nd_tokeniser *tk = nd_tokeniser_new();
    nd_tokens ta = { 0 }, tb = { 0 };
    nd_features full = { 0 }, fa = { 0 }, fb = { 0 };
    nd_alignment al = { 0 };
    nd_verify_params p;
    const nd_docfreq *df = nd_stats_docfreq(c);
    nd_verify_params_from(&c->opt, df, &p);
    nd_status st = ND_OK;
    if (!tk || !df || features_of(c, tk, a, &ta, &full, &fa) ||
        features_of(c, tk, b, &tb, &full, &fb) || nd_verify(&fa, &fb, &p, &al, out))
        st = nd_fail(err, ND_ENOMEM, "out of memory comparing %s and %s", c->docs.v[a].id, c->docs.v[b].id);
    nd_tokeniser_free(tk);
    nd_tokens_free(&ta);
    nd_tokens_free(&tb);
    nd_features_free(&full);
    nd_features_free(&fa);
    nd_features_free(&fb);
    nd_alignment_free(&al);
    return st;
}

nd_result *nd_compare_to(nd_corpus *c, uint32_t origin, nd_error *err)
{
    uint32_t n = (uint32_t)c->docs.n;
    if (origin >= n) {
        nd_fail(err, ND_EINVAL, "origin index %u out of range (%u documents)", origin, n);
        return NULL;
    }
    nd_result *r = calloc(1, sizeof *r);
    if (!r || !(r->clusters = calloc(1, sizeof *r->clusters))) goto oom;
    r->ndocs = n;
    r->nclusters = 1;
    nd_cluster *cl = r->clusters;
    nd_member *m = cl->members = calloc(n, sizeof *m);
    if (!m) goto oom;
    cl->id = 1;
    cl->origin = origin;
    cl->origin_reason = strdup("given as the origin");
    if (!cl->origin_reason) goto oom;
    m[cl->nmembers++] = (nd_member){ origin, ND_ORIGIN, 1.0f, origin };
    for (uint32_t d = 0; d < n; d++) {
        if (d == origin) continue;
        nd_pair_score s;
        if (nd_compare_pair(c, origin, d, &s, err) != ND_OK) {
            nd_result_free(r);
            return NULL;
        }
        /* the caller says these derive from the origin: a weak score is reported, not judged */
        m[cl->nmembers++] = (nd_member){ d, s.shingle >= c->opt.copy_threshold ? ND_COPY : ND_REWRITE,
                                         s.similarity, origin };
    }
    return r;
oom:
    nd_result_free(r);
    nd_fail(err, ND_ENOMEM, "out of memory");
    return NULL;
}

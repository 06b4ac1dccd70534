/* The scan: fingerprint -> candidates -> verify -> cluster, producing nd_result. */
#include <stdlib.h>
#include <string.h>

#include "../candidates/index.h"
#include "../candidates/keys.h"
#include "../cluster/cluster.h"
#include "../cluster/origin.h"
#include "../fingerprint/evidence.h"
#include "../fingerprint/features.h"
#include "../read/corpus.h"
#include "../util/error.h"
#include "../verify/verify.h"
#include "result.h"
#include "stats.h"

#define MIN_SHARED_KEYS 2       /* one shared key happens by chance */
#define MIN_SHARED_FRACTION 0.05f /* ... and a few on one topic: of the smaller key set */
#define MAX_POSTING 256         /* a key in more documents is a common phrase, not evidence */
#define CACHE_SLOTS 1024        /* features of recently verified documents */

/* Features of documents, recomputed on demand: verification re-reads the
 * text instead of keeping every document's features in memory. */
typedef struct feature_cache {
    const nd_corpus *c;
    nd_tokeniser *tk;
    struct slot {
        uint32_t doc;           /* UINT32_MAX: empty */
        nd_tokens tokens;
        nd_features f;
    } *slots;
    nd_alignment al;
    nd_verify_params params;
} feature_cache;

static int cache_init(feature_cache *fc, const nd_corpus *c)
{
    memset(fc, 0, sizeof *fc);
    fc->c = c;
    fc->tk = nd_tokeniser_new();
    fc->slots = calloc(CACHE_SLOTS, sizeof *fc->slots);
    if (!fc->tk || !fc->slots) return -1;
    for (size_t i = 0; i < CACHE_SLOTS; i++) fc->slots[i].doc = UINT32_MAX;
    nd_verify_params_from(&c->opt, &c->df, &fc->params);
    return 0;
}

static void cache_free(feature_cache *fc)
{
    if (fc->slots)
        for (size_t i = 0; i < CACHE_SLOTS; i++) {
            nd_tokens_free(&fc->slots[i].tokens);
            nd_features_free(&fc->slots[i].f);
        }
    free(fc->slots);
    nd_tokeniser_free(fc->tk);
    nd_alignment_free(&fc->al);
}

/* Features of doc; the pointer is valid until the next call for another
 * document in the same slot.  NULL when out of memory. */
static const nd_features *cache_get(feature_cache *fc, uint32_t doc, int avoid_slot, int *slot_out)
{
    int s = (int)(doc % CACHE_SLOTS);
    if (s == avoid_slot) s = (s + 1) % CACHE_SLOTS;  /* keep both sides of a pair alive */
    struct slot *sl = &fc->slots[s];
    if (slot_out) *slot_out = s;
    if (sl->doc == doc) return &sl->f;
    const nd_doc *d = &fc->c->docs.v[doc];
    sl->doc = UINT32_MAX;
    if (nd_tokenise(fc->tk, d->text, d->len, fc->c->opt.max_sentences, &sl->tokens) ||
        nd_features_build(&sl->tokens, &sl->f))
        return NULL;
    sl->doc = doc;
    return &sl->f;
}

static int cache_score(void *ctx, uint32_t a, uint32_t b, nd_pair_score *out)
{
    feature_cache *fc = ctx;
    int slot;
    const nd_features *fa = cache_get(fc, a, -1, &slot);
    if (!fa) return -1;
    const nd_features *fb = cache_get(fc, b, slot, NULL);
    if (!fb) return -1;
    /* the second lookup may have evicted a from a neighbouring slot: refetch */
    fa = cache_get(fc, a, -1, NULL);
    if (!fa) return -1;
    return nd_verify(fa, fb, &fc->params, &fc->al, out);
}

static int same_story(void *ctx, uint32_t x, uint32_t y)
{
    nd_pair_score s;
    if (cache_score(ctx, x, y, &s)) return -1;
    if (s.derived) return ND_STORY_DERIVED;
    return s.related ? ND_STORY_RELATED : ND_STORY_NONE;
}

/* ---- fingerprint ------------------------------------------------------ */

typedef struct fingerprints {
    uint32_t *keys;
    uint32_t nkeys, cap;
    uint64_t *off;
    nd_evidence *ev;
} fingerprints;

static int fingerprint_all(nd_corpus *c, fingerprints *fp)
{
    uint32_t n = (uint32_t)c->docs.n;
    memset(fp, 0, sizeof *fp);
    fp->off = malloc(((size_t)n + 1) * sizeof *fp->off);
    fp->ev = calloc((size_t)n + 1, sizeof *fp->ev);
    nd_tokeniser *tk = nd_tokeniser_new();
    nd_tokens t = { 0 };
    nd_features f = { 0 };
    int rc = -1;
    if (!fp->off || !fp->ev || !tk || nd_stats_reset(c)) goto done;
    for (uint32_t d = 0; d < n; d++) {
        const nd_doc *doc = &c->docs.v[d];
        fp->off[d] = fp->nkeys;
        if (nd_tokenise(tk, doc->text, doc->len, c->opt.max_sentences, &t) || nd_features_build(&t, &f) ||
            nd_keys_build(&f, &fp->keys, &fp->nkeys, &fp->cap))
            goto done;
        nd_evidence_of(doc->text, doc->len, &t, &fp->ev[d]);
        nd_docfreq_add(&c->df, &f);
        if ((d & 1023) == 1023) nd_corpus_progress(c, "fingerprint", d + 1, n);
    }
    fp->off[n] = fp->nkeys;
    c->df_docs = n;
    nd_corpus_progress(c, "fingerprint", n, n);
    rc = 0;
done:
    nd_tokeniser_free(tk);
    nd_tokens_free(&t);
    nd_features_free(&f);
    return rc;
}

static void fingerprints_free(fingerprints *fp)
{
    free(fp->keys);
    free(fp->off);
    free(fp->ev);
}

/* ---- scan --------------------------------------------------------------- */

static int cmp_related(const void *x, const void *y)
{
    const nd_related *a = x, *b = y;
    if (a->a != b->a) return a->a < b->a ? -1 : 1;
    return (a->b > b->b) - (a->b < b->b);
}

nd_result *nd_scan(nd_corpus *c, nd_error *err)
{
    uint32_t n = (uint32_t)c->docs.n;
    fingerprints fp = { 0 };
    nd_candidates cand = { 0 };
    feature_cache fc = { 0 };
    nd_groups groups = { 0 };
    nd_edge *edges = NULL;
    nd_related *related = NULL;
    size_t nedges = 0, nrelated = 0;
    nd_result *r = NULL;
    int ok = 0;

    if (fingerprint_all(c, &fp) || cache_init(&fc, c)) goto oom;
    if (nd_candidates_find(fp.keys, fp.off, n, MIN_SHARED_KEYS, MIN_SHARED_FRACTION, MAX_POSTING, &cand)) goto oom;
    edges = malloc((cand.n + 1) * sizeof *edges);
    related = malloc((cand.n + 1) * sizeof *related);
    if (!edges || !related) goto oom;
    for (size_t i = 0; i < cand.n; i++) {
        nd_pair_score s;
        if (cache_score(&fc, cand.v[i].a, cand.v[i].b, &s)) goto oom;
        if (s.derived) edges[nedges++] = (nd_edge){ cand.v[i].a, cand.v[i].b, s.similarity };
        else if (s.related) related[nrelated++] = (nd_related){ cand.v[i].a, cand.v[i].b, s.overlap };
        if ((i & 255) == 255) nd_corpus_progress(c, "verify", i + 1, cand.n);
    }
    nd_corpus_progress(c, "verify", cand.n, cand.n);
    if (nd_cluster_build(n, edges, nedges, same_story, &fc, &groups)) goto oom;
    nd_corpus_progress(c, "cluster", 1, 1);
    r = nd_result_assemble(c, &groups, fp.ev, edges, nedges, cache_score, &fc);
    if (!r) goto oom;
    /* related coverage: only pairs that did not end up in one cluster */
    qsort(related, nrelated, sizeof *related, cmp_related);
    size_t k = 0;
    for (size_t i = 0; i < nrelated; i++) {
        uint32_t ga = groups.group[related[i].a], gb = groups.group[related[i].b];
        if (ga != UINT32_MAX && ga == gb) continue;
        related[k++] = related[i];
    }
    r->related = related;
    r->nrelated = k;
    related = NULL;
    ok = 1;
oom:
    if (!ok) {
        nd_fail(err, ND_ENOMEM, "out of memory during the scan (%u documents)", n);
        nd_result_free(r);
        r = NULL;
    }
    free(edges);
    free(related);
    nd_groups_free(&groups);
    nd_candidates_free(&cand);
    fingerprints_free(&fp);
    cache_free(&fc);
    return r;
}

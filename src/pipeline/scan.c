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
#define DERIVED_SHARED_FRACTION 0.10f /* below this, a candidate is only checked for related coverage */
#define MAX_POSTING 4096        /* a key in more documents is a common phrase, not evidence */
#define CACHE_SLOTS 16384       /* features of recent documents: about 7 KB each, packed */

/* Features of documents, recomputed on demand: verification re-reads the
 * text instead of keeping every document's features in memory, so memory
 * stays bounded; a corpus of up to CACHE_SLOTS documents is tokenised once. */
typedef struct feature_cache {
    const nd_corpus *c;
    nd_tokeniser *tk;
    nd_tokens tokens;           /* of the document last computed */
    nd_features scratch;        /* built here, then packed into a slot */
    struct slot {
        uint32_t doc;           /* UINT32_MAX: empty */
        void *block;            /* f's storage */
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
        for (size_t i = 0; i < CACHE_SLOTS; i++) free(fc->slots[i].block);
    nd_tokens_free(&fc->tokens);
    nd_features_free(&fc->scratch);
    free(fc->slots);
    nd_tokeniser_free(fc->tk);
    nd_alignment_free(&fc->al);
}

/* Features of doc; the pointer is valid until the next call for another
 * document in the same slot.  After a miss, fc->tokens holds doc's tokens.
 * NULL when out of memory. */
static const nd_features *cache_get(feature_cache *fc, uint32_t doc, int avoid_slot, int *slot_out)
{
    int s = (int)(doc % CACHE_SLOTS);
    if (s == avoid_slot) s = (s + 1) % CACHE_SLOTS;  /* keep both sides of a pair alive */
    struct slot *sl = &fc->slots[s];
    if (slot_out) *slot_out = s;
    if (sl->doc == doc) return &sl->f;
    const nd_doc *d = &fc->c->docs.v[doc];
    sl->doc = UINT32_MAX;
    free(sl->block);
    sl->block = NULL;
    if (nd_tokenise(fc->tk, d->text, d->len, fc->c->opt.max_sentences, &fc->tokens) ||
        nd_features_build(&fc->tokens, &fc->scratch) || !(sl->block = nd_features_pack(&fc->scratch, &sl->f)))
        return NULL;
    sl->doc = doc;
    return &sl->f;
}

/* Scores a pair fully, or (cheap) only for related coverage. */
static int cache_pair(feature_cache *fc, uint32_t a, uint32_t b, int full, nd_pair_score *out)
{
    int slot;
    const nd_features *fa = cache_get(fc, a, -1, &slot);
    if (!fa) return -1;
    const nd_features *fb = cache_get(fc, b, slot, NULL);
    if (!fb) return -1;
    /* the second lookup may have evicted a from a neighbouring slot: refetch */
    fa = cache_get(fc, a, -1, NULL);
    if (!fa) return -1;
    if (full) return nd_verify(fa, fb, &fc->params, &fc->al, out);
    nd_verify_related(fa, fb, &fc->params, out);
    return 0;
}

static int cache_score(void *ctx, uint32_t a, uint32_t b, nd_pair_score *out)
{
    return cache_pair(ctx, a, b, 1, out);
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

/* Fingerprints every document through the cache, so a corpus that fits in
 * it is tokenised once for fingerprinting and verification together. */
static int fingerprint_all(nd_corpus *c, feature_cache *fc, fingerprints *fp)
{
    uint32_t n = (uint32_t)c->docs.n;
    memset(fp, 0, sizeof *fp);
    fp->off = malloc(((size_t)n + 1) * sizeof *fp->off);
    fp->ev = calloc((size_t)n + 1, sizeof *fp->ev);
    if (!fp->off || !fp->ev || nd_stats_reset(c)) return -1;
    for (uint32_t d = 0; d < n; d++) {
        const nd_doc *doc = &c->docs.v[d];
        fp->off[d] = fp->nkeys;
        const nd_features *f = cache_get(fc, d, -1, NULL);  /* a miss: first sight of d */
        if (!f || nd_keys_build(f, &fp->keys, &fp->nkeys, &fp->cap) ||
            nd_evidence_of(doc->text, doc->len, &fc->tokens, &fp->ev[d]))
            return -1;
        nd_docfreq_add(&c->df, f);
        if ((d & 1023) == 1023) nd_corpus_progress(c, "fingerprint", d + 1, n);
    }
    fp->off[n] = fp->nkeys;
    if (nd_docfreq_finish(&c->df)) return -1;
    c->df_docs = n;
    nd_corpus_progress(c, "fingerprint", n, n);
    return 0;
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

    if (cache_init(&fc, c) || fingerprint_all(c, &fc, &fp)) goto oom;
    if (nd_candidates_find(fp.keys, fp.off, n, MIN_SHARED_KEYS, MIN_SHARED_FRACTION, MAX_POSTING, &cand)) goto oom;
    edges = malloc((cand.n + 1) * sizeof *edges);
    related = malloc((cand.n + 1) * sizeof *related);
    if (!edges || !related) goto oom;
    for (size_t i = 0; i < cand.n; i++) {
        nd_pair_score s;
        uint32_t a = cand.v[i].a, b = cand.v[i].b;
        uint64_t ka = fp.off[a + 1] - fp.off[a], kb = fp.off[b + 1] - fp.off[b];
        int full = cand.v[i].shared >= DERIVED_SHARED_FRACTION * (float)(ka < kb ? ka : kb);
        if (cache_pair(&fc, a, b, full, &s)) goto oom;
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

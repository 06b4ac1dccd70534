/* The scan: fingerprint -> candidates -> verify -> cluster, producing nd_result.
 * The stages are also run one by one by the distributed scan (stages.h). */
#define _GNU_SOURCE  /* qsort_r */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
#include "stages.h"
#include "stats.h"

#define FEATURE_BYTES 7168      /* a news article's packed features, for sizing the cache */

/* Features of documents.  A corpus whose features fit in nd_options.cache_bytes
 * keeps every document's features from fingerprinting on (one slot a
 * document, read-only afterwards, so verifying threads share it).  A larger
 * corpus recomputes them on demand in direct-mapped caches that share the
 * same budget: the text is re-read instead of keeping every document's
 * features, so memory stays bounded. */
struct nd_feature_cache {
    const nd_corpus *c;
    nd_tokeniser *tk;
    nd_tokens tokens;           /* of the document last computed */
    nd_features scratch;        /* built here, then packed into a slot */
    uint32_t nslots;
    struct slot {
        uint32_t doc;           /* UINT32_MAX: empty */
        void *block;            /* f's storage */
        nd_features f;
    } *slots;
};
typedef nd_feature_cache feature_cache;

static int cache_init(feature_cache *fc, const nd_corpus *c, uint32_t nslots)
{
    memset(fc, 0, sizeof *fc);
    fc->c = c;
    fc->nslots = nslots ? nslots : 1;
    fc->tk = nd_tokeniser_new();
    fc->slots = calloc(fc->nslots, sizeof *fc->slots);
    if (!fc->tk || !fc->slots) return -1;
    for (size_t i = 0; i < fc->nslots; i++) fc->slots[i].doc = UINT32_MAX;
    return 0;
}

/* Slots of one of `ways` caches that share the budget. */
static uint32_t cache_slots(const nd_corpus *c, unsigned ways)
{
    uint64_t slots = c->opt.cache_bytes / FEATURE_BYTES / ways;
    return slots < 64 ? 64 : slots > UINT32_MAX ? UINT32_MAX : (uint32_t)slots;
}

static void cache_free(feature_cache *fc)
{
    if (fc->slots)
        for (size_t i = 0; i < fc->nslots; i++) free(fc->slots[i].block);
    nd_tokens_free(&fc->tokens);
    nd_features_free(&fc->scratch);
    free(fc->slots);
    nd_tokeniser_free(fc->tk);
    memset(fc, 0, sizeof *fc);
}

/* Computes doc's features into slot sl with fc's tokeniser and scratch
 * (fc->tokens holds doc's tokens afterwards).  NULL when out of memory. */
static const nd_features *compute_into(feature_cache *fc, struct slot *sl, uint32_t doc)
{
    const nd_doc *d = &fc->c->docs.v[doc];
    sl->doc = UINT32_MAX;
    free(sl->block);
    sl->block = NULL;
    if (nd_features_of_text(fc->tk, d->text, d->len, fc->c->opt.max_sentences, &fc->tokens, &fc->scratch) ||
        !(sl->block = nd_features_pack(&fc->scratch, &sl->f)))
        return NULL;
    sl->doc = doc;
    return &sl->f;
}

/* Features of doc; the pointer is valid until the next call for another
 * document in the same slot.  NULL when out of memory. */
static const nd_features *cache_get(feature_cache *fc, uint32_t doc, uint32_t avoid_slot, uint32_t *slot_out)
{
    uint32_t s = doc % fc->nslots;
    if (s == avoid_slot) s = (s + 1) % fc->nslots;  /* keep both sides of a pair alive */
    if (slot_out) *slot_out = s;
    if (fc->slots[s].doc == doc) return &fc->slots[s].f;
    return compute_into(fc, &fc->slots[s], doc);
}

/* What one verifying thread needs: a cache (its own, or the shared
 * read-only one), alignment scratch and the thresholds. */
typedef struct verifier {
    feature_cache *fc;
    nd_alignment al;
    nd_verify_params params;
    /* pairs already scored in full, sorted by (a, b): the clustering stage
     * asks about many of them again */
    const nd_candidates *known;
    const nd_pair_score *known_score;
    const uint8_t *known_full;
} verifier;

/* The full score of (a, b) if the verify stage computed it, else NULL. */
static const nd_pair_score *known_pair(const verifier *v, uint32_t a, uint32_t b)
{
    if (!v->known) return NULL;
    if (a > b) {
        uint32_t t = a;
        a = b;
        b = t;
    }
    size_t lo = 0, hi = v->known->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const nd_candidate *m = &v->known->v[mid];
        if (m->a < a || (m->a == a && m->b < b)) lo = mid + 1;
        else hi = mid;
    }
    if (lo < v->known->n && v->known->v[lo].a == a && v->known->v[lo].b == b && v->known_full[lo])
        return &v->known_score[lo];
    return NULL;
}

/* Scores a pair fully, or (cheap) only for related coverage. */
static int verify_pair(verifier *v, uint32_t a, uint32_t b, int full, nd_pair_score *out)
{
    uint32_t slot;
    const nd_features *fa = cache_get(v->fc, a, UINT32_MAX, &slot);
    if (!fa) return -1;
    const nd_features *fb = cache_get(v->fc, b, slot, NULL);
    if (!fb) return -1;
    /* the second lookup may have evicted a from a neighbouring slot: refetch */
    fa = cache_get(v->fc, a, UINT32_MAX, NULL);
    if (!fa) return -1;
    if (full) return nd_verify(fa, fb, &v->params, &v->al, out);
    nd_verify_related(fa, fb, &v->params, out);
    return 0;
}

static int verify_score(void *ctx, uint32_t a, uint32_t b, nd_pair_score *out)
{
    const nd_pair_score *k = known_pair(ctx, a, b);
    if (k) {
        *out = *k;  /* every measure is symmetric in a and b */
        return 0;
    }
    return verify_pair(ctx, a, b, 1, out);
}

static int same_story(void *ctx, uint32_t x, uint32_t y)
{
    nd_pair_score s;
    if (verify_score(ctx, x, y, &s)) return -1;
    if (s.derived) return ND_STORY_DERIVED;
    return s.related ? ND_STORY_RELATED : ND_STORY_NONE;
}

/* ---- threads ------------------------------------------------------------ */

typedef int (*job_fn)(void *arg);

typedef struct worker {
    pthread_t thread;
    job_fn fn;
    void *arg;
    int started, rc;
} worker;

static void *work(void *p)
{
    worker *w = p;
    w->rc = w->fn(w->arg);
    return NULL;
}

/* Runs fn(args + i * size) for i < n on n threads (the caller's is one of
 * them); -1 if any failed, including a thread that could not start. */
static int run_parallel(job_fn fn, void *args, size_t size, unsigned n)
{
    worker *w = calloc(n, sizeof *w);
    if (!w) return -1;
    for (unsigned i = 0; i < n; i++) {
        w[i].fn = fn;
        w[i].arg = (char *)args + i * size;
    }
    for (unsigned i = 1; i < n; i++) w[i].started = pthread_create(&w[i].thread, NULL, work, &w[i]) == 0;
    int rc = fn(args) ? -1 : 0;
    for (unsigned i = 1; i < n; i++) {
        if (!w[i].started) {
            rc = -1;
            continue;
        }
        pthread_join(w[i].thread, NULL);
        if (w[i].rc) rc = -1;
    }
    free(w);
    return rc;
}

static unsigned thread_count(const nd_corpus *c, size_t work)
{
    unsigned n = c->opt.threads;
    if (n == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        n = cores > 0 ? (unsigned)cores : 1;
    }
    if (n > 256) n = 256;
    /* a thread per few hundred units at least: small jobs are not worth a thread */
    while (n > 1 && work / n < 256) n--;
    return n;
}

/* ---- the kept cache ------------------------------------------------------ */

int nd_feature_cache_new(const nd_corpus *c, nd_feature_cache **out)
{
    *out = NULL;
    if ((uint64_t)c->docs.n * FEATURE_BYTES > c->opt.cache_bytes) return 0;
    nd_feature_cache *fc = calloc(1, sizeof *fc);
    if (!fc || cache_init(fc, c, (uint32_t)c->docs.n)) {
        nd_feature_cache_free(fc);
        return -1;
    }
    *out = fc;
    return 0;
}

int nd_feature_cache_extend(nd_feature_cache *fc, const nd_corpus *view)
{
    uint32_t n = (uint32_t)view->docs.n;
    if ((uint64_t)n * FEATURE_BYTES > view->opt.cache_bytes) return 1;
    if (n > fc->nslots) {
        struct slot *s = realloc(fc->slots, (size_t)n * sizeof *s);
        if (!s) return -1;
        for (uint32_t i = fc->nslots; i < n; i++) s[i] = (struct slot){ UINT32_MAX, NULL, { 0 } };
        fc->slots = s;
        fc->nslots = n;
    }
    fc->c = view;
    return 0;
}

void nd_feature_cache_free(nd_feature_cache *fc)
{
    if (!fc) return;
    cache_free(fc);
    free(fc);
}

/* ---- fingerprint ------------------------------------------------------ */

typedef struct fp_job {
    nd_corpus *c;
    feature_cache *shared;      /* fill these slots (small corpus), or NULL */
    feature_cache own;          /* tokeniser and scratch */
    uint32_t d0, d1;            /* documents [d0, d1) */
    uint32_t *keys, nkeys, cap; /* this range's keys, in document order */
    uint32_t *nkeys_of;         /* per document of the corpus */
    nd_evidence *ev;
} fp_job;

static int fingerprint_range(void *arg)
{
    fp_job *j = arg;
    for (uint32_t d = j->d0; d < j->d1; d++) {
        const nd_doc *doc = &j->c->docs.v[d];
        /* in the shared cache slot d is this document's alone, so threads do not meet */
        const nd_features *f = j->shared ? compute_into(&j->own, &j->shared->slots[d], d)
                                         : cache_get(&j->own, d, UINT32_MAX, NULL);
        uint32_t before = j->nkeys;
        if (!f || nd_keys_build(f, &j->keys, &j->nkeys, &j->cap) ||
            nd_evidence_of(doc->text, doc->len, &j->own.tokens, &j->ev[d]))
            return -1;
        j->nkeys_of[d] = j->nkeys - before;
        nd_docfreq_add(&j->c->df, f);
        if (j->d0 == 0 && (d & 1023) == 1023) nd_corpus_progress(j->c, "fingerprint", d + 1, j->c->docs.n);
    }
    return 0;
}

int nd_stage_fingerprint(nd_corpus *c, nd_feature_cache *keep, nd_fingerprints *fp)
{
    uint32_t n = (uint32_t)c->docs.n;
    unsigned threads = thread_count(c, n);
    memset(fp, 0, sizeof *fp);
    fp->off = malloc(((size_t)n + 1) * sizeof *fp->off);
    fp->ev = calloc((size_t)n + 1, sizeof *fp->ev);
    uint32_t *nkeys_of = calloc((size_t)n + 1, sizeof *nkeys_of);
    fp_job *jobs = calloc(threads, sizeof *jobs);
    int rc = -1;
    if (!fp->off || !fp->ev || !nkeys_of || !jobs) goto done;
    for (unsigned t = 0; t < threads; t++) {
        fp_job *j = &jobs[t];
        j->c = c;
        j->shared = keep;
        j->d0 = (uint32_t)((uint64_t)n * t / threads);
        j->d1 = (uint32_t)((uint64_t)n * (t + 1) / threads);
        j->nkeys_of = nkeys_of;
        j->ev = fp->ev;
        if (cache_init(&j->own, c, keep ? 1 : cache_slots(c, threads))) goto done;
    }
    if (run_parallel(fingerprint_range, jobs, sizeof *jobs, threads)) goto done;
    size_t total = 0;
    for (unsigned t = 0; t < threads; t++) total += jobs[t].nkeys;
    fp->keys = malloc((total + 1) * sizeof *fp->keys);
    if (!fp->keys) goto done;
    size_t k = 0;
    for (unsigned t = 0; t < threads; t++) {
        if (!jobs[t].nkeys) continue;  /* a range of documents without content has no key array */
        memcpy(fp->keys + k, jobs[t].keys, (size_t)jobs[t].nkeys * sizeof *fp->keys);
        k += jobs[t].nkeys;
    }
    fp->off[0] = 0;
    for (uint32_t d = 0; d < n; d++) fp->off[d + 1] = fp->off[d] + nkeys_of[d];
    nd_corpus_progress(c, "fingerprint", n, n);
    rc = 0;
done:
    if (jobs)
        for (unsigned t = 0; t < threads; t++) {
            free(jobs[t].keys);
            cache_free(&jobs[t].own);
        }
    free(jobs);
    free(nkeys_of);
    return rc;
}

void nd_fingerprints_free(nd_fingerprints *fp)
{
    free(fp->keys);
    free(fp->off);
    free(fp->ev);
    memset(fp, 0, sizeof *fp);
}

/* ---- verify ------------------------------------------------------------- */

typedef struct verify_job {
    const nd_corpus *c;
    const nd_candidates *cand;
    size_t i0, i1;              /* candidates [i0, i1) */
    verifier v;
    feature_cache own;          /* used when nothing is kept */
    nd_verdicts *out;
} verify_job;

static int verify_range(void *arg)
{
    verify_job *j = arg;
    for (size_t i = j->i0; i < j->i1; i++) {
        const nd_candidate *p = &j->cand->v[i];
        if (verify_pair(&j->v, p->a, p->b, j->out->full[i], &j->out->score[i])) return -1;
        if (j->i0 == 0 && (i & 255) == 255) nd_corpus_progress(j->c, "verify", i + 1, j->cand->n);
    }
    return 0;
}

int nd_stage_verify(const nd_corpus *c, const nd_candidates *cand, nd_feature_cache *kept, nd_verdicts *out)
{
    unsigned threads = thread_count(c, cand->n);
    verify_job *jobs = calloc(threads, sizeof *jobs);
    out->score = malloc((cand->n + 1) * sizeof *out->score);
    int rc = -1;
    if (!jobs || !out->score) goto done;
    for (unsigned t = 0; t < threads; t++) {
        verify_job *j = &jobs[t];
        *j = (verify_job){ c, cand, cand->n * t / threads, cand->n * (t + 1) / threads, { 0 }, { 0 }, out };
        if (!kept && cache_init(&j->own, c, cache_slots(c, threads))) goto done;
        j->v.fc = kept ? kept : &j->own;
        nd_verify_params_from(&c->opt, &c->df, &j->v.params);
    }
    if (run_parallel(verify_range, jobs, sizeof *jobs, threads)) goto done;
    nd_corpus_progress(c, "verify", cand->n, cand->n);
    rc = 0;
done:
    if (jobs)
        for (unsigned t = 0; t < threads; t++) {
            cache_free(&jobs[t].own);
            nd_alignment_free(&jobs[t].v.al);
        }
    free(jobs);
    return rc;
}

/* ---- cluster ------------------------------------------------------------ */

nd_result *nd_stage_cluster(const nd_corpus *c, const nd_candidates *cand, const nd_verdicts *vd,
                            const nd_evidence *ev, nd_feature_cache *kept)
{
    uint32_t n = (uint32_t)c->docs.n;
    nd_edge *edges = malloc((cand->n + 1) * sizeof *edges);
    nd_related *related = malloc((cand->n + 1) * sizeof *related);
    feature_cache own = { 0 };
    verifier v = { 0 };
    nd_groups groups = { 0 };
    nd_result *r = NULL;
    size_t nedges = 0, nrelated = 0;
    if (!edges || !related) goto done;
    for (size_t i = 0; i < cand->n; i++) {  /* in candidate order: the same for any thread count */
        const nd_pair_score *s = &vd->score[i];
        uint32_t a = cand->v[i].a, b = cand->v[i].b;
        if (s->derived) edges[nedges++] = (nd_edge){ a, b, s->similarity };
        else if (s->related) related[nrelated++] = (nd_related){ a, b, s->overlap };
    }
    /* clustering asks few, scattered questions: one thread, one cache */
    if (!kept && cache_init(&own, c, cache_slots(c, 1))) goto done;
    v.fc = kept ? kept : &own;
    nd_verify_params_from(&c->opt, &c->df, &v.params);
    v.known = cand;
    v.known_score = vd->score;
    v.known_full = vd->full;
    if (nd_cluster_build(n, edges, nedges, same_story, &v, &groups)) goto done;
    r = nd_result_assemble(c, &groups, ev, edges, nedges, verify_score, &v);
    if (!r) goto done;
    nd_corpus_progress(c, "cluster", 1, 1);
    /* related coverage: only pairs that did not end up in one cluster */
    int failed = nd_result_set_related(r, related, nrelated);
    related = NULL;
    if (failed) {
        nd_result_free(r);
        r = NULL;
    }
done:
    free(edges);
    free(related);
    nd_groups_free(&groups);
    cache_free(&own);
    nd_alignment_free(&v.al);
    return r;
}

/* ---- scan --------------------------------------------------------------- */

/* The scan proper, over documents in the order given. */
static nd_result *scan_ordered(nd_corpus *c, nd_error *err)
{
    uint32_t n = (uint32_t)c->docs.n;
    nd_feature_cache *kept = NULL;
    nd_fingerprints fp = { 0 };
    nd_candidates cand = { 0 };
    nd_verdicts vd = { 0 };
    nd_result *r = NULL;
    if (nd_feature_cache_new(c, &kept) || nd_stats_reset(c, n) || nd_stage_fingerprint(c, kept, &fp) ||
        nd_docfreq_finish(&c->df))
        goto done;
    c->df_docs = n;
    if (nd_candidates_find(fp.keys, fp.off, n, ND_MIN_SHARED_KEYS, ND_MIN_SHARED_FRACTION, ND_MAX_POSTING, &cand))
        goto done;
    if (!(vd.full = malloc(cand.n + 1))) goto done;
    for (size_t i = 0; i < cand.n; i++) {
        uint32_t a = cand.v[i].a, b = cand.v[i].b;
        uint64_t ka = fp.off[a + 1] - fp.off[a], kb = fp.off[b + 1] - fp.off[b];
        vd.full[i] = (uint8_t)nd_candidate_full(cand.v[i].shared, ka < kb ? ka : kb);
    }
    if (nd_stage_verify(c, &cand, kept, &vd)) goto done;
    r = nd_stage_cluster(c, &cand, &vd, fp.ev, kept);
done:
    if (!r) nd_fail(err, ND_ENOMEM, "out of memory during the scan (%u documents)", n);
    free(vd.score);
    free(vd.full);
    nd_candidates_free(&cand);
    nd_fingerprints_free(&fp);
    nd_feature_cache_free(kept);
    return r;
}

static int cmp_by_id(const void *x, const void *y, void *docs)
{
    const nd_doc *d = docs;
    return strcmp(d[*(const uint32_t *)x].id, d[*(const uint32_t *)y].id);
}

static void remap(uint32_t *doc, const uint32_t *perm) { *doc = perm[*doc]; }

/* Scans the documents in id order, so that ties everywhere (candidate
 * pairing, origin choice, numbering) fall the same way whatever order the
 * documents were added in, then maps the result back to corpus indices. */
nd_result *nd_scan(nd_corpus *c, nd_error *err)
{
    uint32_t n = (uint32_t)c->docs.n;
    uint32_t *perm = malloc(((size_t)n + 1) * sizeof *perm);
    nd_doc *sorted = malloc(((size_t)n + 1) * sizeof *sorted);
    if (!perm || !sorted) {
        free(perm);
        free(sorted);
        nd_fail(err, ND_ENOMEM, "out of memory during the scan (%u documents)", n);
        return NULL;
    }
    for (uint32_t d = 0; d < n; d++) perm[d] = d;
    qsort_r(perm, n, sizeof *perm, cmp_by_id, c->docs.v);
    for (uint32_t d = 0; d < n; d++) sorted[d] = c->docs.v[perm[d]];
    /* a view of the corpus in id order: the same documents, stats and options */
    nd_corpus view = *c;
    view.docs.v = sorted;
    nd_result *r = scan_ordered(&view, err);
    c->df = view.df;  /* the statistics are order-free: keep them for later comparisons */
    c->df_docs = view.df_docs;
    if (r) {
        for (size_t k = 0; k < r->nclusters; k++) {
            nd_cluster *cl = &r->clusters[k];
            remap(&cl->origin, perm);
            for (uint32_t m = 0; m < cl->nmembers; m++) {
                remap(&cl->members[m].doc, perm);
                remap(&cl->members[m].parent, perm);
            }
        }
        for (size_t k = 0; k < r->nrelated; k++) {
            remap(&r->related[k].a, perm);
            remap(&r->related[k].b, perm);
        }
    }
    free(perm);
    free(sorted);
    return r;
}

/* The scan: fingerprint -> candidates -> verify -> cluster, producing nd_result.
 * The stages are also run one by one by the distributed scan (stages.h). */
#define _GNU_SOURCE  /* qsort_r */
#include <stdlib.h>
#include <string.h>

#include "../candidates/index.h"
#include "../candidates/keys.h"
#include "../cluster/cluster.h"
#include "../cluster/origin.h"
#include "../fingerprint/compact.h"
#include "../fingerprint/evidence.h"
#include "../fingerprint/features.h"
#include "../read/corpus.h"
#include "../util/error.h"
#include "../util/parallel.h"
#include "../verify/verify.h"
#include "result.h"
#include "stages.h"
#include "stats.h"
#include "stream.h"

/* Compact features of one document, decoded from the store; `doc` names
 * which (UINT32_MAX: none yet), so runs of pairs sharing a document decode
 * it once. */
typedef struct decoded {
    uint32_t doc;
    nd_features f;
} decoded;

/* What one verifying thread needs: its decoded documents, alignment
 * scratch and the thresholds. */
typedef struct verifier {
    const nd_feature_store *fs;
    decoded side[2];
    nd_alignment al;
    nd_verify_params params;
    /* pairs already scored in full, sorted by (a, b): the clustering stage
     * asks about many of them again */
    const nd_candidates *known;
    const nd_pair_score *known_score;
    const uint8_t *known_full;
} verifier;

static void verifier_init(verifier *v, const nd_corpus *c, const nd_feature_store *fs)
{
    memset(v, 0, sizeof *v);
    v->fs = fs;
    v->side[0].doc = v->side[1].doc = UINT32_MAX;
    nd_verify_params_from(&c->opt, &c->df, &v->params);
}

static void verifier_free(verifier *v)
{
    nd_features_free(&v->side[0].f);
    nd_features_free(&v->side[1].f);
    nd_alignment_free(&v->al);
}

/* Features of doc, decoded into side s.  NULL when out of memory (or the
 * store's bytes are damaged, which only a bug would do). */
static const nd_features *features_of(verifier *v, int s, uint32_t doc)
{
    decoded *d = &v->side[s];
    if (d->doc == doc) return &d->f;
    d->doc = UINT32_MAX;
    const nd_packed *p = &v->fs->doc[doc];
    if (nd_compact_decode(p->bytes, p->n, &d->f)) return NULL;
    d->doc = doc;
    return &d->f;
}

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
    const nd_features *fa = features_of(v, 0, a), *fb = features_of(v, 1, b);
    if (!fa || !fb) return -1;
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

/* Threads for `work` units: a few hundred units at least a thread, since
 * small jobs are not worth one. */
static unsigned thread_count(const nd_corpus *c, size_t work) { return nd_parallel_threads(c->opt.threads, work, 256); }

void nd_feature_store_free(nd_feature_store *fs)
{
    for (uint32_t i = 0; i < fs->nowned; i++) free(fs->owned[i]);
    free(fs->owned);
    free(fs->doc);
    memset(fs, 0, sizeof *fs);
}

/* ---- fingerprint ------------------------------------------------------ */

typedef struct fp_job {
    nd_corpus *c;               /* options, statistics and progress: its documents may be moving */
    const nd_doc *docs;         /* docs[i] is document first + i */
    uint32_t first;             /* the call's first document: per-call arrays start there */
    uint32_t d0, d1;            /* documents [d0, d1) */
    int report;                 /* progress is reported by the first job of a whole-corpus call */
    nd_tokeniser *tk;
    nd_tokens tokens;
    nd_features full, compact;
    nd_bytes packed;            /* this range's encoded compact features */
    uint64_t *packed_at;        /* per document of the call: where its bytes start in `packed` */
    uint32_t *keys, nkeys, cap; /* this range's keys, in document order */
    uint32_t *nkeys_of;         /* per document of the call */
    nd_evidence *ev;            /* per document of the corpus */
} fp_job;

static int fingerprint_range(void *arg)
{
    fp_job *j = arg;
    for (uint32_t d = j->d0; d < j->d1; d++) {
        const nd_doc *doc = &j->docs[d - j->first];
        uint32_t before = j->nkeys;
        j->packed_at[d - j->first] = j->packed.n;
        if (nd_compact_of_text(j->tk, doc->text, doc->len, j->c->opt.max_sentences, &j->tokens, &j->full,
                               &j->compact) ||
            nd_keys_build(&j->full, &j->keys, &j->nkeys, &j->cap) ||
            nd_evidence_of(doc->text, doc->len, &j->tokens, &j->ev[d]) || nd_compact_encode(&j->compact, &j->packed))
            return -1;
        j->nkeys_of[d - j->first] = j->nkeys - before;
        nd_docfreq_add(&j->c->df, &j->compact);
        /* reported only for a whole corpus, whose documents stay put */
        if (j->report && (d & 1023) == 1023) nd_corpus_progress(j->c, "fingerprint", d + 1, j->c->docs.n);
    }
    return 0;
}

/* Adds the jobs' encodings to fs, whose doc array has room; takes their buffers. */
static int store_packed(fp_job *jobs, unsigned threads, nd_feature_store *fs)
{
    uint8_t **owned = realloc(fs->owned, ((size_t)fs->nowned + threads) * sizeof *owned);
    if (!owned) return -1;
    fs->owned = owned;
    for (unsigned t = 0; t < threads; t++) {
        fp_job *j = &jobs[t];
        uint8_t *bytes = j->packed.v;
        if (!bytes) continue;  /* a range of documents without content encodes nothing */
        uint8_t *fit = realloc(bytes, j->packed.n);  /* give back the growth slack */
        if (fit) bytes = fit;
        fs->owned[fs->nowned++] = bytes;
        j->packed.v = NULL;
        for (uint32_t d = j->d0; d < j->d1; d++) {
            uint64_t at = j->packed_at[d - j->first];
            uint64_t end = d + 1 < j->d1 ? j->packed_at[d + 1 - j->first] : j->packed.n;
            fs->doc[d] = (nd_packed){ bytes + at, (uint32_t)(end - at) };
        }
    }
    return 0;
}

/* Room in fp for documents [0, n). */
static int fingerprints_room(nd_fingerprints *fp, uint32_t n)
{
    uint64_t *off = realloc(fp->off, ((size_t)n + 1) * sizeof *off);
    if (off) fp->off = off;
    nd_evidence *ev = realloc(fp->ev, ((size_t)n + 1) * sizeof *ev);
    if (ev) fp->ev = ev;
    nd_packed *doc = realloc(fp->features.doc, ((size_t)n + 1) * sizeof *doc);
    if (doc) fp->features.doc = doc;
    return off && ev && doc ? 0 : -1;
}

/* Fingerprints documents [first, n), docs[0..n - first), into fp, which
 * holds [0, first); c gives the options and takes the counts. */
static int fingerprint_docs(nd_corpus *c, const nd_doc *docs, uint32_t first, uint32_t n, nd_fingerprints *fp,
                            int report)
{
    uint32_t m = n - first;
    unsigned threads = thread_count(c, m);
    uint32_t *nkeys_of = calloc((size_t)m + 1, sizeof *nkeys_of);
    uint64_t *packed_at = malloc(((size_t)m + 1) * sizeof *packed_at);
    fp_job *jobs = calloc(threads, sizeof *jobs);
    int rc = -1;
    if (!nkeys_of || !packed_at || !jobs || fingerprints_room(fp, n)) goto done;
    for (unsigned t = 0; t < threads; t++) {
        fp_job *j = &jobs[t];
        j->c = c;
        j->docs = docs;
        j->first = first;
        j->d0 = first + (uint32_t)((uint64_t)m * t / threads);
        j->d1 = first + (uint32_t)((uint64_t)m * (t + 1) / threads);
        j->report = report && t == 0;
        j->nkeys_of = nkeys_of;
        j->packed_at = packed_at;
        j->ev = fp->ev;
        if (!(j->tk = nd_tokeniser_new())) goto done;
    }
    if (nd_parallel_run(fingerprint_range, jobs, sizeof *jobs, threads) || store_packed(jobs, threads, &fp->features))
        goto done;
    fp->features.ndocs = n;
    uint64_t total = first ? fp->off[first] : 0;
    for (unsigned t = 0; t < threads; t++) total += jobs[t].nkeys;
    uint32_t *keys = realloc(fp->keys, (total + 1) * sizeof *keys);
    if (!keys) goto done;
    fp->keys = keys;
    uint64_t k = first ? fp->off[first] : 0;
    for (unsigned t = 0; t < threads; t++) {
        if (!jobs[t].nkeys) continue;  /* a range of documents without content has no key array */
        memcpy(fp->keys + k, jobs[t].keys, (size_t)jobs[t].nkeys * sizeof *fp->keys);
        k += jobs[t].nkeys;
    }
    if (first == 0) fp->off[0] = 0;
    for (uint32_t d = first; d < n; d++) fp->off[d + 1] = fp->off[d] + nkeys_of[d - first];
    if (report) nd_corpus_progress(c, "fingerprint", n, n);
    rc = 0;
done:
    if (jobs)
        for (unsigned t = 0; t < threads; t++) {
            fp_job *j = &jobs[t];
            free(j->keys);
            nd_vec_free(&j->packed);
            nd_tokens_free(&j->tokens);
            nd_features_free(&j->full);
            nd_features_free(&j->compact);
            nd_tokeniser_free(j->tk);
        }
    free(jobs);
    free(packed_at);
    free(nkeys_of);
    return rc;
}

int nd_stage_fingerprint(nd_corpus *c, nd_fingerprints *fp)
{
    memset(fp, 0, sizeof *fp);
    return fingerprint_docs(c, c->docs.v, 0, (uint32_t)c->docs.n, fp, 1);
}

int nd_stage_fingerprint_more(nd_corpus *c, const nd_doc *docs, uint32_t first, uint32_t n, nd_fingerprints *fp)
{
    return fingerprint_docs(c, docs, first, n, fp, 0);
}

void nd_fingerprints_free(nd_fingerprints *fp)
{
    free(fp->keys);
    free(fp->off);
    free(fp->ev);
    nd_feature_store_free(&fp->features);
    memset(fp, 0, sizeof *fp);
}

/* ---- verify ------------------------------------------------------------- */

typedef struct verify_job {
    const nd_corpus *c;
    const nd_candidates *cand;
    size_t i0, i1;              /* candidates [i0, i1) */
    verifier v;
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

int nd_stage_verify(const nd_corpus *c, const nd_candidates *cand, const nd_feature_store *fs, nd_verdicts *out)
{
    unsigned threads = thread_count(c, cand->n);
    verify_job *jobs = calloc(threads, sizeof *jobs);
    out->score = malloc((cand->n + 1) * sizeof *out->score);
    int rc = -1;
    if (!jobs || !out->score) goto done;
    for (unsigned t = 0; t < threads; t++) {
        verify_job *j = &jobs[t];
        j->c = c;
        j->cand = cand;
        j->i0 = cand->n * t / threads;
        j->i1 = cand->n * (t + 1) / threads;
        j->out = out;
        verifier_init(&j->v, c, fs);
    }
    if (nd_parallel_run(verify_range, jobs, sizeof *jobs, threads)) goto done;
    nd_corpus_progress(c, "verify", cand->n, cand->n);
    rc = 0;
done:
    if (jobs)
        for (unsigned t = 0; t < threads; t++) verifier_free(&jobs[t].v);
    free(jobs);
    return rc;
}

/* ---- cluster ------------------------------------------------------------ */

nd_result *nd_stage_cluster(const nd_corpus *c, const nd_candidates *cand, const nd_verdicts *vd,
                            const nd_evidence *ev, const nd_feature_store *fs)
{
    uint32_t n = (uint32_t)c->docs.n;
    nd_edge *edges = malloc((cand->n + 1) * sizeof *edges);
    nd_related *related = malloc((cand->n + 1) * sizeof *related);
    verifier v;
    nd_groups groups = { 0 };
    nd_result *r = NULL;
    size_t nedges = 0, nrelated = 0;
    /* clustering asks few, scattered questions: one thread */
    verifier_init(&v, c, fs);
    if (!edges || !related) goto done;
    for (size_t i = 0; i < cand->n; i++) {  /* in candidate order: the same for any thread count */
        const nd_pair_score *s = &vd->score[i];
        uint32_t a = cand->v[i].a, b = cand->v[i].b;
        if (s->derived) edges[nedges++] = (nd_edge){ a, b, s->similarity };
        else if (s->related) related[nrelated++] = (nd_related){ a, b, s->overlap };
    }
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
    verifier_free(&v);
    return r;
}

/* ---- scan --------------------------------------------------------------- */

/* The scan proper, over documents in the order given, from their
 * fingerprints (freed here) and the counts in c->df. */
static nd_result *scan_fingerprinted(nd_corpus *c, nd_fingerprints *fp, nd_error *err)
{
    uint32_t n = (uint32_t)c->docs.n;
    nd_candidates cand = { 0 };
    nd_verdicts vd = { 0 };
    nd_result *r = NULL;
    if (nd_docfreq_freeze(&c->df)) goto done;
    c->df_docs = n;
    nd_scan_memory mem = { 0 };
    for (uint32_t d = 0; d < n; d++) mem.fingerprints += fp->features.doc[d].n;
    mem.fingerprints += (uint64_t)n * (sizeof *fp->ev + sizeof *fp->features.doc);
    nd_postings post;
    int built = nd_postings_build(&fp->keys, fp->off, fp->order, n, ND_MAX_POSTING, c->opt.threads, &post);
    free(fp->off);  /* the postings hold what counts now: the scan's largest moment is the next */
    fp->off = NULL;
    if (built) goto done;
    uint64_t per_doc = (uint64_t)n * (sizeof *post.nkeys + ND_SKETCH_SLOTS * sizeof *post.sketch);
    uint64_t lists = post.start ? post.start[post.nlists] * sizeof *post.doc +
                                      post.nlists * (sizeof *post.key + sizeof *post.start) : 0;
    /* the pairs get what fingerprints and index leave of the scan's share */
    uint64_t share = (uint64_t)n * ND_SCAN_BYTES_PER_DOC, held = mem.fingerprints + per_doc + lists;
    size_t pair_bytes = share > held + ND_PAIR_BYTES ? (size_t)(share - held) : ND_PAIR_BYTES;
    int failed = nd_candidates_of(&post, ND_MIN_SHARED_KEYS, ND_MIN_SHARED_FRACTION, pair_bytes,
                                  ND_PAIR_MAX_BLOCKS, c->opt.threads, &cand) ||
                 !(vd.full = malloc(cand.n + 1));
    for (size_t i = 0; !failed && i < cand.n; i++) {
        uint32_t ka = post.nkeys[cand.v[i].a], kb = post.nkeys[cand.v[i].b];
        vd.full[i] = (uint8_t)nd_candidate_full(cand.v[i].shared, ka < kb ? ka : kb);
    }
    mem.index = per_doc + lists;
    mem.building = post.build_bytes;
    mem.counting = cand.counting_bytes;
    mem.peak = mem.fingerprints + per_doc +
               (mem.building > lists + mem.counting ? mem.building : lists + mem.counting);
    nd_postings_free(&post);
    if (failed) goto done;
    nd_corpus_progress(c, "candidates", cand.n, cand.n);
    if (nd_stage_verify(c, &cand, &fp->features, &vd)) goto done;
    r = nd_stage_cluster(c, &cand, &vd, fp->ev, &fp->features);
    if (r) r->memory = mem;
done:
    if (!r) nd_fail(err, ND_ENOMEM, "out of memory during the scan (%u documents)", n);
    free(vd.score);
    free(vd.full);
    nd_candidates_free(&cand);
    nd_fingerprints_free(fp);
    return r;
}

static int cmp_by_id(const void *x, const void *y, void *docs)
{
    const nd_doc *d = docs;
    return strcmp(d[*(const uint32_t *)x].id, d[*(const uint32_t *)y].id);
}

static void remap(uint32_t *doc, const uint32_t *perm) { *doc = perm[*doc]; }

/* Puts v[perm[i]] at v[i] for every i (forward), or back (!forward), in
 * place: the document array is the corpus's largest after the texts. */
static void permute(nd_doc *v, const uint32_t *perm, uint32_t n, uint8_t *done, int forward)
{
    memset(done, 0, n);
    for (uint32_t i = 0; i < n; i++) {
        if (done[i]) continue;
        nd_doc cur = v[i];
        if (forward) {
            uint32_t j = i;
            for (uint32_t k = perm[j]; k != i; j = k, k = perm[k]) {
                v[j] = v[k];
                done[j] = 1;
            }
            v[j] = cur;
            done[j] = 1;
        } else {
            for (uint32_t j = perm[i];; j = perm[j]) {
                nd_doc next = v[j];
                v[j] = cur;
                done[j] = 1;
                if (j == i) break;
                cur = next;
            }
        }
    }
}

/* Scans the documents in id order, so that ties everywhere (candidate
 * pairing, origin choice, numbering) fall the same way whatever order the
 * documents were added in, then maps the result back to corpus indices. */
nd_result *nd_scan(nd_corpus *c, nd_error *err)
{
    if (nd_stream_spent(c)) {
        nd_fail(err, ND_EINVAL, "this corpus was scanned already, and a corpus that does not keep its texts "
                                "(keep_text 0) gives its fingerprints to its one scan");
        return NULL;
    }
    uint32_t n = (uint32_t)c->docs.n;
    uint32_t *perm = malloc(((size_t)n + 1) * sizeof *perm);
    uint8_t *done = malloc((size_t)n + 1);
    nd_fingerprints fp = { 0 };
    int ok = perm && done;
    if (ok) {
        for (uint32_t d = 0; d < n; d++) perm[d] = d;
        qsort_r(perm, n, sizeof *perm, cmp_by_id, c->docs.v);
    }
    /* a corpus that dropped its texts fingerprinted them on arrival; the rest now */
    if (ok && !c->opt.keep_text) ok = !nd_stream_flush(c) && !nd_stream_finish(c) && !nd_stream_take(c, perm, &fp);
    /* the corpus in id order for the scan: the same documents, stats and options */
    int permuted = ok;
    if (permuted) permute(c->docs.v, perm, n, done, 1);
    nd_corpus view = *c;
    if (ok && c->opt.keep_text) ok = !nd_stats_reset(&view) && !nd_stage_fingerprint(&view, &fp);
    nd_result *r = NULL;
    if (ok) {
        r = scan_fingerprinted(&view, &fp, err);  /* frees fp */
    } else {
        nd_fingerprints_free(&fp);
        nd_fail(err, ND_ENOMEM, "out of memory during the scan (%u documents)", n);
    }
    if (permuted) permute(c->docs.v, perm, n, done, 0);
    /* reset or finished, the view's tables are the corpus's; the statistics
     * are order-free, so they serve later comparisons */
    c->df = view.df;
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
    free(done);
    return r;
}

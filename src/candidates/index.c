#include "index.h"

#include <stdlib.h>
#include <string.h>

#include "../util/parallel.h"
#include "../util/sort.h"
#include "../util/vec.h"
#include "keys.h"

int nd_posting_pairs(const uint32_t *sk, size_t len, uint64_t ndocs, uint32_t max_posting,
                     void (*pair)(void *ctx, size_t x, size_t y), void *ctx)
{
    if (!nd_posting_usable(len, max_posting)) return 0;
    if (len <= ND_ALL_PAIRS_POSTING) {
        for (size_t x = 0; x < len; x++)
            for (size_t y = x + 1; y < len; y++) pair(ctx, x, y);
        return 0;
    }
    /* (value << 32 | position): sorting gives value order, ties in list order */
    uint64_t *v = malloc(2 * len * sizeof *v);
    if (!v) return -1;
    int rare = len <= nd_posting_rare(ndocs);
    unsigned tries = rare ? ND_SKETCH_TRIES : 1;
    for (unsigned t = 0; t < tries; t++) {
        for (size_t x = 0; x < len; x++) v[x] = (uint64_t)sk[x * ND_SKETCH_TRIES + t] << 32 | x;
        nd_sort_u64_high(v, len, v + len);
        if (!rare) {
            for (size_t i = 0; i + 1 < len; i++) {
                size_t x = (uint32_t)v[i], y = (uint32_t)v[i + 1];
                pair(ctx, x < y ? x : y, x < y ? y : x);
            }
            break;
        }
        for (size_t rs = 0; rs < len;) {
            size_t re = rs + 1;
            while (re < len && v[re] >> 32 == v[rs] >> 32) re++;
            int all = re - rs <= ND_ALL_PAIRS_POSTING;
            for (size_t i = rs; i < re; i++)
                for (size_t j = i + 1; j < (all ? re : i + 2 <= re ? i + 2 : re); j++) {
                    size_t x = (uint32_t)v[i], y = (uint32_t)v[j];  /* x < y: ties keep list order */
                    if (nd_posting_first_agreement(sk + x * ND_SKETCH_TRIES, sk + y * ND_SKETCH_TRIES, t))
                        pair(ctx, x, y);
                }
            rs = re;
        }
    }
    free(v);
    return 0;
}

/* One thread's walk over a share of the lists.  Threads add to the shared
 * slots atomically; a first document's partners may then land in any order,
 * which the sort before counting undoes, so the candidates are the same for
 * any thread count. */
typedef struct pair_walk {
    const uint64_t *post;       /* all postings (key << 32 | doc), each list's docs ascending */
    size_t i0, i1;              /* this thread's postings: whole lists */
    const uint64_t *list;       /* the list being paired */
    const uint32_t *sketch;     /* ND_SKETCH_SLOTS values a document */
    uint32_t ndocs, max_posting;
    uint64_t *slot;             /* per first document: pairs counted, or where its next partner goes */
    uint32_t *partner;          /* the block's second documents, by first document; NULL: counting */
    uint32_t a0, a1;            /* the block: first documents [a0, a1) */
} pair_walk;

static inline uint32_t doc_of(uint64_t posting) { return (uint32_t)posting; }

static inline void take_pair(pair_walk *w, uint32_t a, uint32_t b)
{
    if (!w->partner) __atomic_fetch_add(&w->slot[a], 1, __ATOMIC_RELAXED);
    else if (a >= w->a0 && a < w->a1) w->partner[__atomic_fetch_add(&w->slot[a], 1, __ATOMIC_RELAXED)] = b;
}

static void walk_pair(void *ctx, size_t x, size_t y)
{
    pair_walk *w = ctx;
    take_pair(w, doc_of(w->list[x]), doc_of(w->list[y]));  /* x < y: the first is the smaller document */
}

/* Walks the pairs of the thread's lists: counts them, or stores the block's.
 * 0, or -1 when out of memory. */
static int walk_lists(void *arg)
{
    pair_walk *w = arg;
    uint32_t *sk = NULL;  /* one list's sketch values */
    size_t sk_cap = 0;
    for (size_t i = w->i0; i < w->i1;) {
        size_t j = i;
        while (j < w->i1 && (w->post[j] >> 32) == (w->post[i] >> 32)) j++;
        size_t len = j - i;
        const uint64_t *list = w->list = w->post + i;
        i = j;
        if (!nd_posting_usable(len, w->max_posting)) continue;
        if (len <= ND_ALL_PAIRS_POSTING) {
            /* every pair: the arithmetic of nd_posting_pairs' first rule */
            for (size_t x = 0; x + 1 < len; x++) {
                uint32_t a = doc_of(list[x]);
                if (!w->partner) __atomic_fetch_add(&w->slot[a], len - 1 - x, __ATOMIC_RELAXED);
                else if (a >= w->a0 && a < w->a1)
                    for (size_t y = x + 1; y < len; y++) take_pair(w, a, doc_of(list[y]));
            }
            continue;
        }
        if (len > sk_cap) {
            free(sk);
            sk_cap = len;
            if (!(sk = malloc(sk_cap * ND_SKETCH_TRIES * sizeof *sk))) return -1;
        }
        uint32_t key = (uint32_t)(list[0] >> 32);
        for (size_t x = 0; x < len; x++) {
            const uint32_t *ds = w->sketch + (size_t)doc_of(list[x]) * ND_SKETCH_SLOTS;
            for (unsigned t = 0; t < ND_SKETCH_TRIES; t++) sk[x * ND_SKETCH_TRIES + t] = nd_posting_sketch(ds, key, t);
        }
        if (nd_posting_pairs(sk, len, w->ndocs, w->max_posting, walk_pair, w)) {
            free(sk);
            return -1;
        }
    }
    free(sk);
    return 0;
}

typedef ND_VEC(nd_candidate) candidate_vec;

/* One thread's share of a block's counting: first documents [b0, b1). */
typedef struct count_job {
    const uint64_t *off, *slot;
    uint32_t *partner;
    uint32_t a0, b0, b1;        /* a0: the block's first document */
    uint32_t min_shared;
    float min_fraction;
    candidate_vec out;
} count_job;

/* Keeps the candidates of first documents [b0, b1), whose partners lie in
 * partner[] from slot[a - 1] (0 for the block's first) to slot[a]. */
static int count_block(void *arg)
{
    count_job *j = arg;
    const uint64_t *slot = j->slot;
    uint32_t *tmp = NULL;
    size_t tmp_cap = 0;
    uint64_t from = j->b0 > j->a0 ? slot[j->b0 - 1] : 0;
    for (uint32_t a = j->b0; a < j->b1; a++) {
        uint32_t *v = j->partner + from;
        uint32_t n = (uint32_t)(slot[a] - from);
        from = slot[a];
        if (n < j->min_shared) continue;
        if (n > tmp_cap) {
            free(tmp);
            tmp_cap = n;
            if (!(tmp = malloc(tmp_cap * sizeof *tmp))) return -1;
        }
        nd_sort_u32(v, n, tmp);
        uint64_t ka = j->off[a + 1] - j->off[a];
        for (uint32_t i = 0; i < n;) {
            uint32_t k = i, b = v[i];
            while (k < n && v[k] == b) k++;
            uint64_t kb = j->off[b + 1] - j->off[b];
            if (nd_candidate_keep(k - i, ka < kb ? ka : kb, j->min_shared, j->min_fraction) &&
                nd_vec_push(&j->out, ((nd_candidate){ a, b, k - i }))) {
                free(tmp);
                return -1;
            }
            i = k;
        }
    }
    free(tmp);
    return 0;
}

/* Counts the block [a0, a1) on the threads and appends its candidates to res in order. */
static int count_blocks(count_job *jobs, unsigned threads, uint32_t a0, uint32_t a1, candidate_vec *res)
{
    for (unsigned t = 0; t < threads; t++) {
        jobs[t].a0 = a0;
        jobs[t].b0 = a0 + (uint32_t)((uint64_t)(a1 - a0) * t / threads);
        jobs[t].b1 = a0 + (uint32_t)((uint64_t)(a1 - a0) * (t + 1) / threads);
        jobs[t].out.n = 0;
    }
    if (nd_parallel_run(count_block, jobs, sizeof *jobs, threads)) return -1;
    for (unsigned t = 0; t < threads; t++) {
        if (nd_vec_reserve(res, jobs[t].out.n)) return -1;
        if (jobs[t].out.n) memcpy(res->v + res->n, jobs[t].out.v, jobs[t].out.n * sizeof *res->v);
        res->n += jobs[t].out.n;
    }
    return 0;
}

#define BUCKET_BITS 8  /* postings are placed by their key's top bits, then each bucket is sorted */

int nd_postings_build(const uint32_t *keys, const uint64_t *off, uint32_t ndocs, nd_postings *out)
{
    size_t n = off[ndocs];
    uint64_t start[(1u << BUCKET_BITS) + 1] = { 0 };
    memset(out, 0, sizeof *out);
    out->post = malloc((n + 1) * sizeof *out->post);
    out->sketch = malloc(((size_t)ndocs + 1) * ND_SKETCH_SLOTS * sizeof *out->sketch);
    if (!out->post || !out->sketch) goto fail;
    out->n = n;
    out->ndocs = ndocs;
    /* documents in ascending order into their buckets: within a bucket a
     * stable sort by key keeps each key's documents ascending, and the
     * scratch is one bucket, not a copy of every posting */
    for (size_t i = 0; i < n; i++) start[(keys[i] >> (32 - BUCKET_BITS)) + 1]++;
    for (unsigned b = 0; b < 1u << BUCKET_BITS; b++) start[b + 1] += start[b];
    uint64_t at[1u << BUCKET_BITS], most = 0;
    for (unsigned b = 0; b < 1u << BUCKET_BITS; b++) {
        at[b] = start[b];
        if (start[b + 1] - start[b] > most) most = start[b + 1] - start[b];
    }
    for (uint32_t d = 0; d < ndocs; d++) {
        nd_keys_sketch(keys + off[d], (size_t)(off[d + 1] - off[d]), out->sketch + (size_t)d * ND_SKETCH_SLOTS);
        for (uint64_t i = off[d]; i < off[d + 1]; i++)
            out->post[at[keys[i] >> (32 - BUCKET_BITS)]++] = ((uint64_t)keys[i] << 32) | d;
    }
    uint64_t *tmp = malloc((most + 1) * sizeof *tmp);
    if (!tmp) goto fail;
    for (unsigned b = 0; b < 1u << BUCKET_BITS; b++)
        nd_sort_u64_high(out->post + start[b], (size_t)(start[b + 1] - start[b]), tmp);
    free(tmp);
    return 0;
fail:
    nd_postings_free(out);
    return -1;
}

void nd_postings_free(nd_postings *p)
{
    free(p->post);
    free(p->sketch);
    memset(p, 0, sizeof *p);
}

/* Candidates are counted without holding every pair the lists make (about
 * 450 an article: 3.6 KB as 8-byte pairs, twice that while sorting).  A
 * first pass counts the pairs each document makes as the first (smaller)
 * one; then, a block of first documents at a time, a second pass stores
 * each pair's second document under its first (4 bytes a pair, within the
 * caller's budget), and each first document's partners are sorted and
 * counted on their own.  Lists of up to ND_ALL_PAIRS_POSTING documents are
 * walked only over the block's part; longer ones are paired again for each
 * block, which is linear in their length. */
int nd_candidates_of(const nd_postings *p, const uint64_t *off, uint32_t min_shared, float min_fraction,
                     uint32_t max_posting, size_t pair_bytes, unsigned max_blocks, unsigned threads,
                     nd_candidates *out)
{
    out->v = NULL;
    out->n = 0;
    size_t nkeys = p->n;
    uint32_t ndocs = p->ndocs;
    const uint64_t *post = p->post;
    threads = nd_parallel_threads(threads, nkeys, 4096);
    uint64_t *slot = calloc((size_t)ndocs + 1, sizeof *slot);
    uint32_t *partner = NULL;
    pair_walk *walks = calloc(threads, sizeof *walks);
    count_job *counts = calloc(threads, sizeof *counts);
    candidate_vec res = { 0 };
    if (!slot || !walks || !counts) goto fail;
    /* each thread walks whole lists: its share of the postings, moved to a list's start */
    for (unsigned t = 0; t < threads; t++) {
        pair_walk *w = &walks[t];
        *w = (pair_walk){ post, 0, 0, NULL, p->sketch, ndocs, max_posting, slot, NULL, 0, 0 };
        for (int end = 0; end < 2; end++) {
            size_t i = nkeys * (t + (unsigned)end) / threads;
            while (i > 0 && i < nkeys && (post[i] >> 32) == (post[i - 1] >> 32)) i++;
            if (end) w->i1 = i;
            else w->i0 = i;
        }
        counts[t] = (count_job){ off, slot, NULL, 0, 0, 0, min_shared, min_fraction, { 0 } };
    }
    if (nd_parallel_run(walk_lists, walks, sizeof *walks, threads)) goto fail;
    /* blocks of first documents whose pairs fit the budget (a document's own may not) */
    uint64_t most = pair_bytes / sizeof *partner, one = 0, all = 0;
    for (uint32_t a = 0; a < ndocs; a++) {
        one = slot[a] > one ? slot[a] : one;
        all += slot[a];
    }
    /* every block walks the long lists again: past max_blocks, bigger blocks */
    if (max_blocks && most < (all + max_blocks - 1) / max_blocks) most = (all + max_blocks - 1) / max_blocks;
    uint64_t room = all < most ? all : most > one ? most : one;
    if (room > SIZE_MAX / sizeof *partner - 1 || !(partner = malloc(((size_t)room + 1) * sizeof *partner))) goto fail;
    for (uint32_t a0 = 0; a0 < ndocs;) {
        uint32_t a1 = a0;
        /* slot[a] becomes where a's partners go, from the block's start */
        for (uint64_t sum = 0; a1 < ndocs && (a1 == a0 || sum + slot[a1] <= most); a1++) {
            uint64_t n = slot[a1];
            slot[a1] = sum;
            sum += n;
        }
        for (unsigned t = 0; t < threads; t++) {
            walks[t].partner = counts[t].partner = partner;
            walks[t].a0 = a0;
            walks[t].a1 = a1;
        }
        if (nd_parallel_run(walk_lists, walks, sizeof *walks, threads) || count_blocks(counts, threads, a0, a1, &res))
            goto fail;
        a0 = a1;
    }
    for (unsigned t = 0; t < threads; t++) nd_vec_free(&counts[t].out);
    free(counts);
    free(walks);
    free(partner);
    free(slot);
    out->v = res.v;
    out->n = res.n;
    return 0;
fail:
    for (unsigned t = 0; counts && t < threads; t++) nd_vec_free(&counts[t].out);
    free(counts);
    free(walks);
    free(partner);
    free(slot);
    nd_vec_free(&res);
    return -1;
}

int nd_candidates_find(const uint32_t *keys, const uint64_t *off, uint32_t ndocs, uint32_t min_shared,
                       float min_fraction, uint32_t max_posting, size_t pair_bytes, unsigned max_blocks,
                       unsigned threads, nd_candidates *out)
{
    nd_postings p;
    out->v = NULL;
    out->n = 0;
    if (nd_postings_build(keys, off, ndocs, &p)) return -1;
    int rc = nd_candidates_of(&p, off, min_shared, min_fraction, max_posting, pair_bytes, max_blocks, threads, out);
    nd_postings_free(&p);
    return rc;
}

void nd_candidates_free(nd_candidates *c)
{
    free(c->v);
    c->v = NULL;
    c->n = 0;
}

#include "index.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../util/parallel.h"
#include "../util/sort.h"
#include "../util/vec.h"
#include "keys.h"

/* A rare list's pairs for try t: the postings whose value t is equal, found
 * by a hash table over the list (head/val: cap slots, cap a power of two of
 * at least twice len; next: len).  Each group's postings are chained in list
 * order; a group of at most ND_ALL_PAIRS_POSTING pairs them all, a larger
 * one its neighbours, as nd_posting_pairs says. */
static void pair_agreeing(const uint32_t *sk, size_t len, unsigned t, size_t x0, size_t x1, uint32_t *head,
                          uint32_t *val, uint32_t *count, size_t cap, uint32_t *next, uint32_t *multi,
                          void (*pair)(void *ctx, size_t x, size_t y), void *ctx)
{
    const uint32_t none = UINT32_MAX;
    unsigned shift = 32 - (unsigned)__builtin_ctzll(cap);
    size_t nmulti = 0;
    memset(head, 0xFF, cap * sizeof *head);
    for (size_t x = len; x-- > 0;) {  /* from the end, so that chains come out in list order */
        uint32_t v = sk[x * ND_SKETCH_TRIES + t];
        size_t h = (uint32_t)(v * 0x9E3779B1u) >> shift;
        while (head[h] != none && val[h] != v) h = (h + 1) & (cap - 1);
        if (head[h] == none) {
            val[h] = v;
            count[h] = 0;
        }
        next[x] = head[h];
        head[h] = (uint32_t)x;
        if (++count[h] == 2) multi[nmulti++] = (uint32_t)h;
    }
    for (size_t k = 0; k < nmulti; k++) {
        int all = count[multi[k]] <= ND_ALL_PAIRS_POSTING;
        for (uint32_t x = head[multi[k]]; x != none; x = next[x]) {
            if (x < x0 || x >= x1) continue;  /* x is the first of its pairs: chains run in list order */
            for (uint32_t y = next[x]; y != none; y = all ? next[y] : none)
                if (nd_posting_first_agreement(sk + (size_t)x * ND_SKETCH_TRIES, sk + (size_t)y * ND_SKETCH_TRIES, t))
                    pair(ctx, x, y);
        }
    }
}

int nd_posting_pairs_from(const uint32_t *sk, size_t len, uint64_t ndocs, uint32_t max_posting, size_t x0,
                          size_t x1, void (*pair)(void *ctx, size_t x, size_t y), void *ctx)
{
    if (!nd_posting_usable(len, max_posting) || x0 >= x1) return 0;
    if (len <= ND_ALL_PAIRS_POSTING) {
        for (size_t x = x0; x < x1; x++)
            for (size_t y = x + 1; y < len; y++) pair(ctx, x, y);
        return 0;
    }
    if (len <= nd_posting_rare(ndocs)) {
        size_t cap = 16;
        while (cap < 2 * len) cap *= 2;
        uint32_t *head = malloc((3 * cap + 2 * len) * sizeof *head);
        if (!head) return -1;
        uint32_t *val = head + cap, *count = val + cap, *next = count + cap, *multi = next + len;
        for (unsigned t = 0; t < ND_SKETCH_TRIES; t++)
            pair_agreeing(sk, len, t, x0, x1, head, val, count, cap, next, multi, pair, ctx);
        free(head);
        return 0;
    }
    /* a common list: neighbours in (value 0, position) order */
    uint64_t *v = malloc(2 * len * sizeof *v);
    if (!v) return -1;
    for (size_t x = 0; x < len; x++) v[x] = (uint64_t)sk[x * ND_SKETCH_TRIES] << 32 | x;
    nd_sort_u64_high(v, len, v + len);
    for (size_t i = 0; i + 1 < len; i++) {
        size_t x = (uint32_t)v[i], y = (uint32_t)v[i + 1];
        if (x > y) {
            size_t sw = x;
            x = y;
            y = sw;
        }
        if (x >= x0 && x < x1) pair(ctx, x, y);
    }
    free(v);
    return 0;
}

int nd_posting_pairs(const uint32_t *sk, size_t len, uint64_t ndocs, uint32_t max_posting,
                     void (*pair)(void *ctx, size_t x, size_t y), void *ctx)
{
    return nd_posting_pairs_from(sk, len, ndocs, max_posting, 0, len, pair, ctx);
}

#define SKETCH_AHEAD 16  /* documents whose sketch is fetched ahead of use */
/* The pairs land on first documents all over a corpus whose slots are far
 * bigger than the cache (8 MB at 1M articles).  They are held in buffers by
 * the first document's range and applied a buffer at a time, so each run of
 * updates stays within a 256th of the slots (and of the block's partners). */
#define PARTS 256
#define HELD 32

/* One thread's walk over a share of the lists.  Threads apply their held
 * pairs to the shared slots under the partition's lock (one lock for HELD
 * updates, where an atomic add per update cost more); a first document's
 * partners may then land in any order, which the sort before counting
 * undoes, so the candidates are the same for any thread count. */
typedef struct pair_walk {
    const nd_postings *p;
    size_t l0, l1;              /* this thread's lists */
    const uint32_t *list;       /* the documents of the list being paired */
    uint64_t *slot;             /* per first document: pairs counted, or where its next partner goes */
    uint32_t *partner;          /* the block's second documents, by first document; NULL: counting */
    uint32_t a0, a1;            /* the block: first documents [a0, a1) */
    pthread_mutex_t *locks;     /* PARTS, when other threads walk too; else NULL */
    unsigned shift;             /* a first document's partition: (a - a0) >> shift */
    uint64_t *held;             /* PARTS buffers of HELD (a << 32 | partner, or count) */
    uint32_t nheld[PARTS];
} pair_walk;

/* Applies partition `part`'s held pairs to the slots (and partners). */
static void apply(pair_walk *w, unsigned part)
{
    const uint64_t *h = w->held + (size_t)part * HELD;
    uint64_t *slot = w->slot;
    if (w->locks) pthread_mutex_lock(&w->locks[part]);
    for (uint32_t i = 0; i < w->nheld[part]; i++) {
        uint32_t a = (uint32_t)(h[i] >> 32), v = (uint32_t)h[i];
        if (!w->partner) slot[a] += v;
        else w->partner[slot[a]++] = v;
    }
    if (w->locks) pthread_mutex_unlock(&w->locks[part]);
    w->nheld[part] = 0;
}

/* Counts v more pairs of a, or stores a's partner v: the walk gives only
 * the block's first documents. */
static inline void take_pair(pair_walk *w, uint32_t a, uint32_t v)
{
    unsigned part = (a - w->a0) >> w->shift;
    w->held[(size_t)part * HELD + w->nheld[part]++] = (uint64_t)a << 32 | v;
    if (w->nheld[part] == HELD) apply(w, part);
}

static void walk_pair(void *ctx, size_t x, size_t y)
{
    pair_walk *w = ctx;
    /* x < y: the first is the smaller document */
    take_pair(w, w->list[x], w->partner ? w->list[y] : 1);
}

/* Walks the pairs of the thread's lists: counts them, or stores the block's.
 * 0, or -1 when out of memory. */
static int walk_lists(void *arg)
{
    pair_walk *w = arg;
    const nd_postings *p = w->p;
    uint32_t *sk = NULL;  /* one list's sketch values */
    size_t sk_cap = 0;
    uint32_t range = w->partner ? w->a1 - w->a0 : p->ndocs;
    for (w->shift = 0; range > 0 && (range - 1) >> w->shift >= PARTS; w->shift++) {}
    memset(w->nheld, 0, sizeof w->nheld);
    if (!(w->held = malloc((size_t)PARTS * HELD * sizeof *w->held))) return -1;
    for (size_t l = w->l0; l < w->l1; l++) {
        size_t len = (size_t)(p->start[l + 1] - p->start[l]);
        const uint32_t *list = w->list = p->doc + p->start[l];
        /* a block's first documents are a run of the (ascending) list: pairs
         * are made only from it, so a block costs its pairs, not the list's */
        size_t x0 = 0, x1 = len;
        if (w->partner) {
            while (x0 < len && list[x0] < w->a0) x0++;
            x1 = x0;
            while (x1 < len && list[x1] < w->a1) x1++;
            if (x0 == x1) continue;
        }
        if (len <= ND_ALL_PAIRS_POSTING) {
            /* every pair: the arithmetic of nd_posting_pairs' first rule */
            for (size_t x = x0; x < x1 && x + 1 < len; x++) {
                if (!w->partner) take_pair(w, list[x], (uint32_t)(len - 1 - x));
                else
                    for (size_t y = x + 1; y < len; y++) take_pair(w, list[x], list[y]);
            }
            continue;
        }
        if (len > sk_cap) {
            free(sk);
            sk_cap = len;
            if (!(sk = malloc(sk_cap * ND_SKETCH_TRIES * sizeof *sk))) {
                free(w->held);
                return -1;
            }
        }
        /* the sketches of a million documents are far bigger than the cache,
         * and a list's documents are scattered: fetch a few documents ahead */
        uint32_t key = p->key[l];
        for (size_t x = 0; x < len; x++) {
            if (x + SKETCH_AHEAD < len)
                __builtin_prefetch(p->sketch + (size_t)list[x + SKETCH_AHEAD] * ND_SKETCH_SLOTS + key % ND_SKETCH_SLOTS);
            const uint32_t *ds = p->sketch + (size_t)list[x] * ND_SKETCH_SLOTS;
            for (unsigned t = 0; t < ND_SKETCH_TRIES; t++) sk[x * ND_SKETCH_TRIES + t] = nd_posting_sketch(ds, key, t);
        }
        if (nd_posting_pairs_from(sk, len, p->ndocs, UINT32_MAX, x0, x1, walk_pair, w)) {
            free(sk);
            free(w->held);
            return -1;
        }
    }
    for (unsigned part = 0; part < PARTS; part++) apply(w, part);
    free(sk);
    free(w->held);
    return 0;
}

typedef ND_VEC(nd_candidate) candidate_vec;

/* One thread's share of a block's counting: first documents [b0, b1). */
typedef struct count_job {
    const uint32_t *nkeys;
    const uint64_t *slot;
    uint32_t *partner;
    uint32_t ndocs;
    uint32_t a0, b0, b1;        /* a0: the block's first document */
    uint32_t min_shared;
    float min_fraction;
    candidate_vec out;
} count_job;

/* Keeps the candidates of first documents [b0, b1), whose partners lie in
 * partner[] from slot[a - 1] (0 for the block's first) to slot[a].  A
 * document's partners are counted in a table over every document (4 bytes
 * a document, per thread), which is faster than sorting them: hundreds of
 * partners come to a handful of candidates, and only those are sorted. */
static int count_block(void *arg)
{
    count_job *j = arg;
    const uint64_t *slot = j->slot;
    uint32_t *count = calloc((size_t)j->ndocs + 1, sizeof *count);
    uint64_t *kept = NULL, *tmp = NULL;
    size_t kept_cap = 0;
    int rc = count ? 0 : -1;
    uint64_t from = j->b0 > j->a0 ? slot[j->b0 - 1] : 0;
    for (uint32_t a = j->b0; !rc && a < j->b1; a++) {
        uint32_t *v = j->partner + from;
        uint32_t n = (uint32_t)(slot[a] - from), u = 0, nk = 0;
        from = slot[a];
        if (n < j->min_shared) continue;
        for (uint32_t i = 0; i < n; i++)  /* v's front becomes the distinct partners */
            if (count[v[i]]++ == 0) v[u++] = v[i];
        uint32_t ka = j->nkeys[a];
        for (uint32_t i = 0; i < u; i++) {
            uint32_t b = v[i], shared = count[b], kb = j->nkeys[b];
            count[b] = 0;
            if (!nd_candidate_keep(shared, ka < kb ? ka : kb, j->min_shared, j->min_fraction)) continue;
            if (nk == kept_cap) {
                size_t cap = kept_cap ? 2 * kept_cap : 64;
                uint64_t *k2 = realloc(kept, cap * sizeof *k2), *t2 = k2 ? realloc(tmp, cap * sizeof *t2) : NULL;
                if (k2) kept = k2;
                if (t2) tmp = t2;
                if (!k2 || !t2) {
                    rc = -1;
                    break;
                }
                kept_cap = cap;
            }
            kept[nk++] = (uint64_t)b << 32 | shared;
        }
        if (rc) break;
        nd_sort_u64_high(kept, nk, tmp);  /* in partner order, whatever order the threads stored them in */
        if (nk && nd_vec_reserve(&j->out, nk)) rc = -1;
        for (uint32_t i = 0; !rc && i < nk; i++)
            j->out.v[j->out.n++] = (nd_candidate){ a, (uint32_t)(kept[i] >> 32), (uint32_t)kept[i] };
    }
    free(count);
    free(kept);
    free(tmp);
    return rc;
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

#define BUCKET_BITS 8   /* postings are placed by their key's top bits, then each bucket is sorted */
#define BUILD_PASSES 16 /* ... a group of buckets at a time, about a sixteenth of the postings */

/* A document's keys, for the build. */
static inline const uint32_t *keys_of(const uint32_t *keys, const uint64_t *off, const uint32_t *order, uint32_t d,
                                      size_t *n)
{
    uint32_t o = order ? order[d] : d;
    *n = (size_t)(off[o + 1] - off[o]);
    return keys + off[o];
}

/* One thread's sorting of whole buckets [b0, b1) of a group. */
typedef struct bucket_sort {
    uint64_t *post;             /* the group's postings (key << 32 | doc) */
    const uint64_t *start;      /* bucket b's are post[start[b] - base .. start[b + 1] - base) */
    uint64_t base;
    unsigned b0, b1;
} bucket_sort;

static int sort_buckets(void *arg)
{
    bucket_sort *j = arg;
    uint64_t most = 0;
    for (unsigned b = j->b0; b < j->b1; b++)
        if (j->start[b + 1] - j->start[b] > most) most = j->start[b + 1] - j->start[b];
    uint64_t *tmp = malloc((size_t)(most + 1) * sizeof *tmp);
    if (!tmp) return -1;
    /* documents were placed in ascending order: the stable sort keeps each key's so */
    for (unsigned b = j->b0; b < j->b1; b++)
        nd_sort_u64_high(j->post + (j->start[b] - j->base), (size_t)(j->start[b + 1] - j->start[b]), tmp);
    free(tmp);
    return 0;
}

typedef ND_VEC(uint32_t) u32_vec;
typedef ND_VEC(uint64_t) u64_vec;

/* Appends the usable lists of sorted postings post[0..n) to the output. */
static int keep_lists(const uint64_t *post, size_t n, uint32_t max_posting, u32_vec *doc, u32_vec *key,
                      u64_vec *start)
{
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && (post[j] >> 32) == (post[i] >> 32)) j++;
        if (nd_posting_usable(j - i, max_posting)) {
            if (nd_vec_reserve(doc, j - i) || nd_vec_push(key, (uint32_t)(post[i] >> 32)) ||
                nd_vec_push(start, doc->n))
                return -1;
            for (size_t k = i; k < j; k++) doc->v[doc->n++] = (uint32_t)post[k];
        }
        i = j;
    }
    return 0;
}

/* A kept array's unused tail back to the allocator (realloc to less memory cannot fail for good). */
static void *fit(void *v, size_t bytes)
{
    void *p = realloc(v, bytes ? bytes : 1);
    return p ? p : v;
}

/* One thread's share of the documents, [d0, d1): first their sketches, key
 * counts and how many of their keys fall in each bucket, then, a group of
 * buckets at a time, their keys placed (from `at`, past the keys of the
 * documents before them, so each bucket keeps document order). */
typedef struct doc_share {
    const uint32_t *keys;
    const uint64_t *off;
    const uint32_t *order;
    uint32_t d0, d1;
    nd_postings *out;
    uint64_t count[1u << BUCKET_BITS];
    uint64_t at[1u << BUCKET_BITS];
    uint64_t *group;            /* the group's postings */
    unsigned b1;                /* the group's end: keys of earlier buckets are gone */
} doc_share;

static int sketch_docs(void *arg)
{
    doc_share *j = arg;
    for (uint32_t d = j->d0; d < j->d1; d++) {
        size_t k;
        const uint32_t *dk = keys_of(j->keys, j->off, j->order, d, &k);
        nd_keys_sketch(dk, k, j->out->sketch + (size_t)d * ND_SKETCH_SLOTS);
        j->out->nkeys[d] = (uint32_t)k;
        for (size_t i = 0; i < k; i++) j->count[dk[i] >> (32 - BUCKET_BITS)]++;
    }
    return 0;
}

static int place_docs(void *arg)
{
    doc_share *j = arg;
    for (uint32_t d = j->d0; d < j->d1; d++) {
        size_t k;
        const uint32_t *dk = keys_of(j->keys, j->off, j->order, d, &k);
        for (size_t i = 0; i < k; i++) {
            unsigned b = dk[i] >> (32 - BUCKET_BITS);
            if (b < j->b1) j->group[j->at[b]++] = ((uint64_t)dk[i] << 32) | d;
        }
    }
    return 0;
}

/* Drops the keys of buckets below b from every document, in place and in
 * arrival order, and gives the freed tail back: the keys shrink as the
 * lists grow. */
static uint32_t *drop_placed(uint32_t *keys, uint64_t *off, uint32_t ndocs, unsigned b)
{
    uint64_t w = 0, from = off[0];
    for (uint32_t o = 0; o < ndocs; o++) {
        uint64_t end = off[o + 1];
        off[o] = w;
        for (uint64_t i = from; i < end; i++)
            if (keys[i] >> (32 - BUCKET_BITS) >= b) keys[w++] = keys[i];
        from = end;
    }
    off[ndocs] = w;
    return fit(keys, (size_t)w * sizeof *keys);
}

int nd_postings_build(uint32_t **keysp, uint64_t *off, const uint32_t *order, uint32_t ndocs, uint32_t max_posting,
                      unsigned threads, nd_postings *out)
{
    uint64_t start[(1u << BUCKET_BITS) + 1] = { 0 };
    u32_vec doc = { 0 }, key = { 0 };
    u64_vec lists = { 0 };
    uint64_t *group = NULL;
    bucket_sort *jobs = NULL;
    doc_share *share_of = NULL;
    uint32_t *keys = *keysp;
    *keysp = NULL;
    memset(out, 0, sizeof *out);
    out->ndocs = ndocs;
    out->nkeys = malloc(((size_t)ndocs + 1) * sizeof *out->nkeys);
    out->sketch = malloc(((size_t)ndocs + 1) * ND_SKETCH_SLOTS * sizeof *out->sketch);
    if (!out->nkeys || !out->sketch) goto fail;
    /* sketches and bucket sizes, on the threads */
    unsigned ds = nd_parallel_threads(threads, ndocs, 1024);
    if (!(share_of = calloc(ds, sizeof *share_of))) goto fail;
    for (unsigned t = 0; t < ds; t++)
        share_of[t] = (doc_share){ .keys = keys, .off = off, .order = order, .out = out,
                                   .d0 = (uint32_t)((uint64_t)ndocs * t / ds),
                                   .d1 = (uint32_t)((uint64_t)ndocs * (t + 1) / ds) };
    if (nd_parallel_run(sketch_docs, share_of, sizeof *share_of, ds)) goto fail;
    for (unsigned t = 0; t < ds; t++)
        for (unsigned b = 0; b < 1u << BUCKET_BITS; b++) start[b + 1] += share_of[t].count[b];
    for (unsigned b = 0; b < 1u << BUCKET_BITS; b++) start[b + 1] += start[b];
    uint64_t n = start[1u << BUCKET_BITS];
    uint64_t share = (n + BUILD_PASSES - 1) / BUILD_PASSES, most = 0;
    for (unsigned b = 0; b < 1u << BUCKET_BITS; b++)
        if (start[b + 1] - start[b] > most) most = start[b + 1] - start[b];
    if (share < most) share = most;  /* a group holds at least one whole bucket */
    threads = nd_parallel_threads(threads, 1u << BUCKET_BITS, 1);
    if (share > SIZE_MAX / sizeof *group - 1 || !(group = malloc((size_t)(share + 1) * sizeof *group)) ||
        !(jobs = calloc(threads, sizeof *jobs)))
        goto fail;
    for (unsigned b0 = 0; b0 < 1u << BUCKET_BITS;) {
        unsigned b1 = b0 + 1;
        while (b1 < 1u << BUCKET_BITS && start[b1 + 1] - start[b0] <= share) b1++;
        for (unsigned b = b0; b < b1; b++) {
            uint64_t at = start[b] - start[b0];
            for (unsigned t = 0; t < ds; t++) {
                share_of[t].at[b] = at;
                at += share_of[t].count[b];
            }
        }
        for (unsigned t = 0; t < ds; t++) {
            share_of[t].keys = keys;  /* moved by the last drop */
            share_of[t].group = group;
            share_of[t].b1 = b1;
        }
        if (nd_parallel_run(place_docs, share_of, sizeof *share_of, ds)) goto fail;
        unsigned nt = threads < b1 - b0 ? threads : b1 - b0;
        for (unsigned t = 0; t < nt; t++)
            jobs[t] = (bucket_sort){ group, start, start[b0], b0 + (b1 - b0) * t / nt, b0 + (b1 - b0) * (t + 1) / nt };
        if (nd_parallel_run(sort_buckets, jobs, sizeof *jobs, nt) ||
            keep_lists(group, (size_t)(start[b1] - start[b0]), max_posting, &doc, &key, &lists))
            goto fail;
        uint64_t held = off[ndocs] * sizeof *keys + share * sizeof *group + doc.n * sizeof *doc.v +
                        key.n * sizeof *key.v + lists.n * sizeof *lists.v;
        if (held > out->build_bytes) out->build_bytes = held;
        if (b1 < 1u << BUCKET_BITS) keys = drop_placed(keys, off, ndocs, b1);
        b0 = b1;
    }
    if (nd_vec_push(&lists, doc.n)) goto fail;
    free(keys);
    free(group);
    free(jobs);
    free(share_of);
    out->doc = fit(doc.v, doc.n * sizeof *doc.v);
    out->key = fit(key.v, key.n * sizeof *key.v);
    out->start = fit(lists.v, lists.n * sizeof *lists.v);
    out->nlists = key.n;
    return 0;
fail:
    free(keys);
    free(group);
    free(jobs);
    free(share_of);
    nd_vec_free(&doc);
    nd_vec_free(&key);
    nd_vec_free(&lists);
    nd_postings_free(out);
    return -1;
}

void nd_postings_free(nd_postings *p)
{
    free(p->doc);
    free(p->key);
    free(p->start);
    free(p->nkeys);
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
/* The first list that starts at or past posting i. */
static size_t list_at(const nd_postings *p, uint64_t i)
{
    size_t lo = 0, hi = p->nlists;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->start[mid] < i) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

int nd_candidates_of(const nd_postings *p, uint32_t min_shared, float min_fraction, size_t pair_bytes,
                     unsigned max_blocks, unsigned threads, nd_candidates *out)
{
    memset(out, 0, sizeof *out);
    uint64_t nposts = p->start ? p->start[p->nlists] : 0;
    uint32_t ndocs = p->ndocs;
    threads = nd_parallel_threads(threads, (size_t)nposts, 4096);
    uint64_t *slot = calloc((size_t)ndocs + 1, sizeof *slot);
    uint32_t *partner = NULL;
    pair_walk *walks = calloc(threads, sizeof *walks);
    count_job *counts = calloc(threads, sizeof *counts);
    candidate_vec res = { 0 };
    pthread_mutex_t locks[PARTS];
    for (unsigned i = 0; threads > 1 && i < PARTS; i++) pthread_mutex_init(&locks[i], NULL);
    if (!slot || !walks || !counts) goto fail;
    /* each thread walks whole lists, about its share of the postings */
    for (unsigned t = 0; t < threads; t++) {
        walks[t] = (pair_walk){ .p = p, .l0 = list_at(p, nposts * t / threads),
                                .l1 = list_at(p, nposts * (t + 1) / threads), .slot = slot,
                                .locks = threads > 1 ? locks : NULL };
        counts[t] = (count_job){ p->nkeys, slot, NULL, ndocs, 0, 0, 0, min_shared, min_fraction, { 0 } };
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
    out->counting_bytes = ((uint64_t)ndocs + 1) * sizeof *slot + room * sizeof *partner +
                          (uint64_t)threads * ((uint64_t)ndocs + 1) * sizeof(uint32_t);  /* count_block's tables */
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
    for (unsigned i = 0; threads > 1 && i < PARTS; i++) pthread_mutex_destroy(&locks[i]);
    free(counts);
    free(walks);
    free(partner);
    free(slot);
    out->v = res.v;
    out->n = res.n;
    return 0;
fail:
    for (unsigned t = 0; counts && t < threads; t++) nd_vec_free(&counts[t].out);
    for (unsigned i = 0; threads > 1 && i < PARTS; i++) pthread_mutex_destroy(&locks[i]);
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
    uint32_t *own = malloc(((size_t)off[ndocs] + 1) * sizeof *own);
    uint64_t *own_off = malloc(((size_t)ndocs + 1) * sizeof *own_off);
    if (!own || !own_off) {
        free(own);
        free(own_off);
        return -1;
    }
    if (off[ndocs]) memcpy(own, keys, (size_t)off[ndocs] * sizeof *own);
    memcpy(own_off, off, ((size_t)ndocs + 1) * sizeof *own_off);
    int built = nd_postings_build(&own, own_off, NULL, ndocs, max_posting, threads, &p);
    free(own_off);
    if (built) return -1;
    int rc = nd_candidates_of(&p, min_shared, min_fraction, pair_bytes, max_blocks, threads, out);
    nd_postings_free(&p);
    return rc;
}

void nd_candidates_free(nd_candidates *c)
{
    free(c->v);
    c->v = NULL;
    c->n = 0;
}

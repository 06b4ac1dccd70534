#include "index.h"

#include <stdlib.h>

#include "../util/sort.h"
#include "../util/vec.h"
#include "keys.h"

/* Sorts v[0..n) with a scratch copy; -1 when out of memory. */
static int sort64(uint64_t *v, size_t n)
{
    uint64_t *tmp = malloc((n + 1) * sizeof *tmp);
    int rc = tmp ? nd_sort_u64(v, n, tmp) : -1;
    free(tmp);
    return rc;
}

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

/* Candidates are counted without holding every pair the lists make (about
 * 450 an article: 3.6 KB as 8-byte pairs, twice that while sorting).  A
 * first pass counts the pairs each document makes as the first (smaller)
 * one; then, a block of first documents at a time, a second pass stores
 * each pair's second document under its first (4 bytes a pair, within the
 * caller's budget), and each first document's partners are sorted and
 * counted on their own.  Lists of up to ND_ALL_PAIRS_POSTING documents are
 * walked only over the block's part; longer ones are paired again for each
 * block, which is linear in their length. */
typedef struct pair_walk {
    const uint64_t *post;       /* the list's postings (key << 32 | doc), ascending doc */
    uint64_t *slot;             /* per first document: pairs counted, or where its next partner goes */
    uint32_t *partner;          /* the block's second documents, by first document */
    uint32_t a0, a1;            /* the block: first documents [a0, a1); filling when partner is set */
} pair_walk;

static inline uint32_t doc_of(uint64_t posting) { return (uint32_t)posting; }

static void walk_pair(void *ctx, size_t x, size_t y)
{
    pair_walk *w = ctx;
    uint32_t a = doc_of(w->post[x]);  /* x < y, so a is the smaller document */
    if (!w->partner) w->slot[a]++;
    else if (a >= w->a0 && a < w->a1) w->partner[w->slot[a]++] = doc_of(w->post[y]);
}

/* Walks the pairs of every list: counts them (w->partner NULL) or stores
 * the block's.  0, or -1 when out of memory. */
static int walk_lists(pair_walk *w, const uint64_t *post, size_t nkeys, const uint32_t *sketch, uint32_t ndocs,
                      uint32_t max_posting)
{
    uint32_t *sk = NULL;  /* one list's sketch values */
    size_t sk_cap = 0;
    for (size_t i = 0; i < nkeys;) {
        size_t j = i;
        while (j < nkeys && (post[j] >> 32) == (post[i] >> 32)) j++;
        size_t len = j - i;
        w->post = post + i;
        i = j;
        if (!nd_posting_usable(len, max_posting)) continue;
        if (len <= ND_ALL_PAIRS_POSTING) {
            /* every pair: the arithmetic of nd_posting_pairs' first rule */
            for (size_t x = 0; x + 1 < len; x++) {
                uint32_t a = doc_of(w->post[x]);
                if (!w->partner) w->slot[a] += len - 1 - x;
                else if (a >= w->a0 && a < w->a1)
                    for (size_t y = x + 1; y < len; y++) w->partner[w->slot[a]++] = doc_of(w->post[y]);
            }
            continue;
        }
        if (len > sk_cap) {
            free(sk);
            sk_cap = len;
            if (!(sk = malloc(sk_cap * ND_SKETCH_TRIES * sizeof *sk))) return -1;
        }
        uint32_t key = (uint32_t)(w->post[0] >> 32);
        for (size_t x = 0; x < len; x++) {
            const uint32_t *ds = sketch + (size_t)doc_of(w->post[x]) * ND_SKETCH_SLOTS;
            for (unsigned t = 0; t < ND_SKETCH_TRIES; t++) sk[x * ND_SKETCH_TRIES + t] = nd_posting_sketch(ds, key, t);
        }
        if (nd_posting_pairs(sk, len, ndocs, max_posting, walk_pair, w)) {
            free(sk);
            return -1;
        }
    }
    free(sk);
    return 0;
}

typedef ND_VEC(nd_candidate) candidate_vec;

/* Keeps the candidates of first documents [a0, a1), whose partners lie in
 * partner[] from slot[a - 1] (0 for a0) to slot[a]; appends them to out. */
static int count_block(const uint64_t *off, const uint64_t *slot, uint32_t *partner, uint32_t a0, uint32_t a1,
                       uint32_t min_shared, float min_fraction, candidate_vec *out)
{
    uint32_t *tmp = NULL;
    size_t tmp_cap = 0;
    uint64_t from = 0;
    for (uint32_t a = a0; a < a1; a++) {
        uint32_t *v = partner + from;
        uint32_t n = (uint32_t)(slot[a] - from);
        from = slot[a];
        if (n < min_shared) continue;
        if (n > tmp_cap) {
            free(tmp);
            tmp_cap = n;
            if (!(tmp = malloc(tmp_cap * sizeof *tmp))) return -1;
        }
        nd_sort_u32(v, n, tmp);
        uint64_t ka = off[a + 1] - off[a];
        for (uint32_t i = 0; i < n;) {
            uint32_t j = i, b = v[i];
            while (j < n && v[j] == b) j++;
            uint64_t kb = off[b + 1] - off[b];
            if (nd_candidate_keep(j - i, ka < kb ? ka : kb, min_shared, min_fraction) &&
                nd_vec_push(out, ((nd_candidate){ a, b, j - i }))) {
                free(tmp);
                return -1;
            }
            i = j;
        }
    }
    free(tmp);
    return 0;
}

int nd_candidates_find(const uint32_t *keys, const uint64_t *off, uint32_t ndocs, uint32_t min_shared,
                       float min_fraction, uint32_t max_posting, size_t pair_bytes, unsigned max_blocks,
                       nd_candidates *out)
{
    out->v = NULL;
    out->n = 0;
    size_t nkeys = off[ndocs];
    /* postings: (key << 32 | doc), sorted, so each key's documents are adjacent and ascending */
    uint64_t *post = malloc((nkeys + 1) * sizeof *post);
    uint32_t *sketch = malloc(((size_t)ndocs + 1) * ND_SKETCH_SLOTS * sizeof *sketch);
    uint64_t *slot = calloc((size_t)ndocs + 1, sizeof *slot);
    uint32_t *partner = NULL;
    candidate_vec res = { 0 };
    if (!post || !sketch || !slot) goto fail;
    for (uint32_t d = 0; d < ndocs; d++) {
        nd_keys_sketch(keys + off[d], (size_t)(off[d + 1] - off[d]), sketch + (size_t)d * ND_SKETCH_SLOTS);
        for (uint64_t i = off[d]; i < off[d + 1]; i++) post[i] = ((uint64_t)keys[i] << 32) | d;
    }
    if (sort64(post, nkeys)) goto fail;
    pair_walk w = { NULL, slot, NULL, 0, 0 };
    if (walk_lists(&w, post, nkeys, sketch, ndocs, max_posting)) goto fail;
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
        w.partner = partner;
        w.a0 = a0;
        w.a1 = a1;
        if (walk_lists(&w, post, nkeys, sketch, ndocs, max_posting) ||
            count_block(off, slot, partner, a0, a1, min_shared, min_fraction, &res))
            goto fail;
        a0 = a1;
    }
    free(partner);
    free(slot);
    free(sketch);
    free(post);
    out->v = res.v;
    out->n = res.n;
    return 0;
fail:
    free(partner);
    free(slot);
    free(sketch);
    free(post);
    nd_vec_free(&res);
    return -1;
}

void nd_candidates_free(nd_candidates *c)
{
    free(c->v);
    c->v = NULL;
    c->n = 0;
}

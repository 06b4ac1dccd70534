#include "index.h"

#include <stdlib.h>

#include "../util/sort.h"
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

/* Pairs of one posting list, appended as (doc << 32 | doc) to a growing array. */
typedef struct pair_sink {
    const uint64_t *post;  /* the list's postings (key << 32 | doc) */
    uint64_t *pairs;
    size_t n, cap;
    int oom;
} pair_sink;

static void add_pair(void *ctx, size_t x, size_t y)
{
    pair_sink *s = ctx;
    if (s->n == s->cap) {
        uint64_t *p = s->oom ? NULL : realloc(s->pairs, 2 * s->cap * sizeof *p);
        if (!p) {
            s->oom = 1;
            return;
        }
        s->pairs = p;
        s->cap *= 2;
    }
    s->pairs[s->n++] = ((s->post[x] & 0xFFFFFFFFu) << 32) | (s->post[y] & 0xFFFFFFFFu);
}

int nd_candidates_find(const uint32_t *keys, const uint64_t *off, uint32_t ndocs, uint32_t min_shared,
                       float min_fraction, uint32_t max_posting, nd_candidates *out)
{
    out->v = NULL;
    out->n = 0;
    size_t nkeys = off[ndocs];
    /* postings: (key << 32 | doc), sorted, so each key's documents are adjacent and ascending */
    uint64_t *post = malloc((nkeys + 1) * sizeof *post);
    uint32_t *sketch = malloc(((size_t)ndocs + 1) * ND_SKETCH_SLOTS * sizeof *sketch);
    uint32_t *sk = NULL;  /* one list's sketch values */
    pair_sink sink = { NULL, malloc(1024 * sizeof *sink.pairs), 0, 1024, 0 };
    if (!post || !sketch || !sink.pairs) goto fail;
    for (uint32_t d = 0; d < ndocs; d++) {
        nd_keys_sketch(keys + off[d], (size_t)(off[d + 1] - off[d]), sketch + (size_t)d * ND_SKETCH_SLOTS);
        for (uint64_t i = off[d]; i < off[d + 1]; i++) post[i] = ((uint64_t)keys[i] << 32) | d;
    }
    if (sort64(post, nkeys)) goto fail;
    size_t sk_cap = 0;
    for (size_t i = 0; i < nkeys;) {
        size_t j = i;
        while (j < nkeys && (post[j] >> 32) == (post[i] >> 32)) j++;
        size_t len = j - i;
        if (len > ND_ALL_PAIRS_POSTING && nd_posting_usable(len, max_posting)) {
            if (len > sk_cap) {
                free(sk);
                sk_cap = len;
                if (!(sk = malloc(sk_cap * ND_SKETCH_TRIES * sizeof *sk))) goto fail;
            }
            uint32_t key = (uint32_t)(post[i] >> 32);
            for (size_t x = 0; x < len; x++) {
                const uint32_t *ds = sketch + (size_t)(uint32_t)post[i + x] * ND_SKETCH_SLOTS;
                for (unsigned t = 0; t < ND_SKETCH_TRIES; t++) sk[x * ND_SKETCH_TRIES + t] = nd_posting_sketch(ds, key, t);
            }
        }
        sink.post = post + i;
        if (nd_posting_pairs(sk, len, ndocs, max_posting, add_pair, &sink) || sink.oom) goto fail;
        i = j;
    }
    free(sk);
    sk = NULL;
    free(sketch);
    sketch = NULL;
    free(post);
    post = NULL;
    uint64_t *pairs = sink.pairs;
    size_t npairs = sink.n;
    if (sort64(pairs, npairs)) goto fail;
    /* two passes over the runs: count the candidates, then store them */
    size_t n = 0;
    nd_candidate *res = NULL;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1 && !(res = malloc((n + 1) * sizeof *res))) goto fail;
        n = 0;
        for (size_t i = 0; i < npairs;) {
            size_t j = i;
            while (j < npairs && pairs[j] == pairs[i]) j++;
            uint32_t a = (uint32_t)(pairs[i] >> 32), b = (uint32_t)pairs[i];
            uint64_t ka = off[a + 1] - off[a], kb = off[b + 1] - off[b];
            if (nd_candidate_keep((uint32_t)(j - i), ka < kb ? ka : kb, min_shared, min_fraction)) {
                if (res) res[n] = (nd_candidate){ a, b, (uint32_t)(j - i) };
                n++;
            }
            i = j;
        }
    }
    free(pairs);
    out->v = res;
    out->n = n;
    return 0;
fail:
    free(sk);
    free(sketch);
    free(post);
    free(sink.pairs);
    return -1;
}

void nd_candidates_free(nd_candidates *c)
{
    free(c->v);
    c->v = NULL;
    c->n = 0;
}

#include "index.h"

#include <stdlib.h>

#include "../util/sort.h"

/* Sorts v[0..n) with a scratch copy; -1 when out of memory. */
static int sort64(uint64_t *v, size_t n)
{
    uint64_t *tmp = malloc((n + 1) * sizeof *tmp);
    int rc = tmp ? nd_sort_u64(v, n, tmp) : -1;
    free(tmp);
    return rc;
}

int nd_candidates_find(const uint32_t *keys, const uint64_t *off, uint32_t ndocs, uint32_t min_shared,
                       float min_fraction, uint32_t max_posting, nd_candidates *out)
{
    out->v = NULL;
    out->n = 0;
    size_t nkeys = off[ndocs];
    /* postings: (key << 32 | doc), sorted, so each key's documents are adjacent and ascending */
    uint64_t *post = malloc((nkeys + 1) * sizeof *post);
    if (!post) return -1;
    for (uint32_t d = 0; d < ndocs; d++)
        for (uint64_t i = off[d]; i < off[d + 1]; i++) post[i] = ((uint64_t)keys[i] << 32) | d;
    if (sort64(post, nkeys)) {
        free(post);
        return -1;
    }
    size_t npairs = 0, cap = 1024;
    uint64_t *pairs = malloc(cap * sizeof *pairs);
    if (!pairs) {
        free(post);
        return -1;
    }
    for (size_t i = 0; i < nkeys;) {
        size_t j = i;
        while (j < nkeys && (post[j] >> 32) == (post[i] >> 32)) j++;
        size_t len = j - i;
        if (nd_posting_usable(len, max_posting)) {
            size_t add = len <= ND_ALL_PAIRS_POSTING ? len * (len - 1) / 2 : len - 1;
            if (npairs + add > cap) {
                while (npairs + add > cap) cap *= 2;
                uint64_t *p = realloc(pairs, cap * sizeof *p);
                if (!p) {
                    free(pairs);
                    free(post);
                    return -1;
                }
                pairs = p;
            }
            for (size_t x = 0; x < len; x++)
                for (size_t y = x + 1; y < nd_posting_pair_end(len, x); y++)
                    pairs[npairs++] = ((post[i + x] & 0xFFFFFFFFu) << 32) | (post[i + y] & 0xFFFFFFFFu);
        }
        i = j;
    }
    free(post);
    if (sort64(pairs, npairs)) {
        free(pairs);
        return -1;
    }
    /* two passes over the runs: count the candidates, then store them */
    size_t n = 0;
    nd_candidate *res = NULL;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1 && !(res = malloc((n + 1) * sizeof *res))) {
            free(pairs);
            return -1;
        }
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
}

void nd_candidates_free(nd_candidates *c)
{
    free(c->v);
    c->v = NULL;
    c->n = 0;
}

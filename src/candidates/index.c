#include "index.h"

#include <stdlib.h>
#include <string.h>

/* LSD radix sort of 64-bit values, 16 bits a pass. */
static int radix_sort64(uint64_t *v, size_t n)
{
    if (n < 2) return 0;
    uint64_t *tmp = malloc(n * sizeof *tmp);
    uint32_t *count = malloc(65536 * sizeof *count);
    if (!tmp || !count) {
        free(tmp);
        free(count);
        return -1;
    }
    uint64_t *src = v, *dst = tmp;
    for (int shift = 0; shift < 64; shift += 16) {
        memset(count, 0, 65536 * sizeof *count);
        for (size_t i = 0; i < n; i++) count[(src[i] >> shift) & 0xFFFF]++;
        uint32_t sum = 0;
        for (size_t b = 0; b < 65536; b++) {
            uint32_t c = count[b];
            count[b] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++) dst[count[(src[i] >> shift) & 0xFFFF]++] = src[i];
        uint64_t *t = src;
        src = dst;
        dst = t;
    }
    free(tmp);
    free(count);
    return 0;
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
    if (radix_sort64(post, nkeys)) {
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
        if (len >= 2 && len <= max_posting) {
            size_t add = len * (len - 1) / 2;
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
            for (size_t x = i; x < j; x++)
                for (size_t y = x + 1; y < j; y++)
                    pairs[npairs++] = ((post[x] & 0xFFFFFFFFu) << 32) | (post[y] & 0xFFFFFFFFu);
        }
        i = j;
    }
    free(post);
    if (radix_sort64(pairs, npairs)) {
        free(pairs);
        return -1;
    }
    size_t n = 0;
    nd_candidate *res = malloc((npairs + 1) * sizeof *res);
    if (!res) {
        free(pairs);
        return -1;
    }
    for (size_t i = 0; i < npairs;) {
        size_t j = i;
        while (j < npairs && pairs[j] == pairs[i]) j++;
        uint32_t a = (uint32_t)(pairs[i] >> 32), b = (uint32_t)pairs[i];
        uint64_t ka = off[a + 1] - off[a], kb = off[b + 1] - off[b];
        if (j - i >= min_shared && (double)(j - i) >= min_fraction * (double)(ka < kb ? ka : kb))
            res[n++] = (nd_candidate){ (uint32_t)(pairs[i] >> 32), (uint32_t)pairs[i], (uint32_t)(j - i) };
        i = j;
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

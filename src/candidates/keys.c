#include "keys.h"

#include <stdlib.h>

#include "../util/mix.h"
#include "../util/sort.h"

/* Sampling rates (1 in 2^k), chosen so a 3.5 KB article yields about 100
 * keys: copies share most shingle keys, paraphrases share word-pair keys
 * (a rewrite keeps about two thirds of a sentence's content words, so about
 * 40% of its word pairs). */
#define SHINGLE_SAMPLE_BITS 3
#define PAIR_SAMPLE_BITS 4
#define KEY_KIND_BIT 0x80000000u  /* separates the two kinds of key */

static int push(uint32_t **keys, uint32_t *n, uint32_t *cap, uint32_t k)
{
    if (*n == *cap) {
        uint32_t nc = *cap ? *cap * 2 : 256;
        uint32_t *p = realloc(*keys, (size_t)nc * sizeof *p);
        if (!p) return -1;
        *keys = p;
        *cap = nc;
    }
    (*keys)[(*n)++] = k;
    return 0;
}

int nd_keys_build(const nd_features *f, uint32_t **keys, uint32_t *n, uint32_t *cap)
{
    uint32_t first = *n;
    for (uint32_t i = 0; i < f->nshingles; i++) {
        uint32_t h = f->shingles[i];
        if ((h >> (32 - SHINGLE_SAMPLE_BITS)) == 0 && push(keys, n, cap, h & ~KEY_KIND_BIT)) return -1;
    }
    for (uint32_t s = 0; s < f->nsent; s++) {
        const uint32_t *w = f->words + f->sent_off[s];
        uint32_t nw = f->sent_off[s + 1] - f->sent_off[s];
        for (uint32_t i = 0; i < nw; i++)
            for (uint32_t j = i + 1; j < nw; j++) {
                uint32_t h = nd_mix_pair(w[i], w[j]);  /* w is sorted: the pair is order-free */
                if ((h >> (32 - PAIR_SAMPLE_BITS)) == 0 && push(keys, n, cap, h | KEY_KIND_BIT)) return -1;
            }
    }
    /* unique within the document, so a shared key counts once per pair */
    uint32_t len = *n - first;
    if (len == 0) return 0;
    uint32_t *tmp = malloc(((size_t)len + 1) * sizeof *tmp);
    if (!tmp) return -1;
    *n = first + nd_sort_unique_u32(*keys + first, len, tmp);
    free(tmp);
    return 0;
}

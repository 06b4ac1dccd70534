#include "keys.h"

#include <stdlib.h>
#include <xxhash.h>

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

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
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
                uint64_t pair = ((uint64_t)w[i] << 32) | w[j];  /* sorted: order-free */
                uint32_t h = (uint32_t)XXH3_64bits(&pair, sizeof pair);
                if ((h >> (32 - PAIR_SAMPLE_BITS)) == 0 && push(keys, n, cap, h | KEY_KIND_BIT)) return -1;
            }
    }
    if (*n == first) return 0;
    /* unique within the document, so a shared key counts once per pair */
    qsort(*keys + first, *n - first, sizeof **keys, cmp_u32);
    uint32_t k = first;
    for (uint32_t i = first; i < *n; i++)
        if (k == first || (*keys)[i] != (*keys)[k - 1]) (*keys)[k++] = (*keys)[i];
    *n = k;
    return 0;
}

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

/* Odd multipliers (splitmix64 outputs): slot s hashes a key to the top half
 * of mix(key) * MULT[s], a multiply-shift hash of one good 64-bit mix, so a
 * key costs one mix and a multiply a slot. */
static const uint64_t SKETCH_MULT[ND_SKETCH_SLOTS] = {
    0x2CB0F69F4ABEA221ull, 0x9417034723148989ull, 0xDD555950609DFE03ull, 0xDBAFB150DEB12801ull,
    0x7E789B2E6C442CB7ull, 0xF41E5636C7E4F8C5ull, 0x0959D150F8FBA7E5ull, 0xA97316F13CDB9EEBull,
    0x74CD8258F9520069ull, 0x55C74A62E116868Bull, 0xD2F4C799A2023CBDull, 0xDF98CB79A37B51B9ull,
    0x396F5885524F3905ull, 0xAF1D56386CA3B277ull, 0xA9FFBE6B5104E85Bull, 0x6BD0C51B9FD533B3ull,
    0x980CE91C50AB4B57ull, 0x28AC395780FE62C5ull, 0x768912E3A6BCEDC7ull, 0x50B3E8C9332C7C89ull,
    0xCE3BBFE520BD47DBull, 0xCBA6C8E8E0BB7C4Full, 0xBF194DB8434A346Dull, 0x7D8F2A7B60416D7Full,
    0x0849D1F6E0E10A5Full, 0x7654B590D064E22Full, 0x16D1DA9507DF3AF3ull, 0xF63AEF1089EA30E5ull,
    0x9ADE6673CC6C522Bull, 0x4C75BC274E37087Dull, 0xD35E12B49F51F27Bull, 0x22DDF2FFCEE481EBull,
};

void nd_keys_sketch(const uint32_t *keys, size_t n, uint32_t out[ND_SKETCH_SLOTS])
{
    for (int s = 0; s < ND_SKETCH_SLOTS; s++) out[s] = UINT32_MAX;
    for (size_t i = 0; i < n; i++) {
        uint64_t z = (uint64_t)keys[i] * 0x9E3779B97F4A7C15ull;
        z ^= z >> 29;
        z *= 0xBF58476D1CE4E5B9ull;
        z ^= z >> 32;
        for (int s = 0; s < ND_SKETCH_SLOTS; s++) {
            uint32_t v = (uint32_t)((z * SKETCH_MULT[s]) >> 32);
            if (v < out[s]) out[s] = v;
        }
    }
}

#include "sort.h"

#include <stdlib.h>
#include <string.h>

static void insertion_sort(uint32_t *v, uint32_t n)
{
    for (uint32_t i = 1; i < n; i++) {
        uint32_t x = v[i], j = i;
        while (j && v[j - 1] > x) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

void nd_sort_u32(uint32_t *v, uint32_t n, uint32_t *tmp)
{
    if (n < 48) {  /* below this, the radix passes' fixed cost dominates */
        insertion_sort(v, n);
        return;
    }
    uint32_t count[4][256] = { { 0 } };  /* every digit's, counted in one read */
    for (uint32_t i = 0; i < n; i++) {
        uint32_t x = v[i];
        count[0][x & 255]++;
        count[1][(x >> 8) & 255]++;
        count[2][(x >> 16) & 255]++;
        count[3][x >> 24]++;
    }
    uint32_t *src = v, *dst = tmp;
    for (int d = 0; d < 4; d++) {
        uint32_t *c = count[d], sum = 0;
        /* a digit every value shares orders nothing: compact hashes have 16 bits */
        if (c[(v[0] >> (8 * d)) & 255] == n) continue;
        for (int b = 0; b < 256; b++) {
            uint32_t k = c[b];
            c[b] = sum;
            sum += k;
        }
        for (uint32_t i = 0; i < n; i++) dst[c[(src[i] >> (8 * d)) & 255]++] = src[i];
        uint32_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != v) memcpy(v, src, (size_t)n * sizeof *v);
}

uint32_t nd_sort_unique_u32(uint32_t *v, uint32_t n, uint32_t *tmp)
{
    nd_sort_u32(v, n, tmp);
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++)
        if (k == 0 || v[i] != v[k - 1]) v[k++] = v[i];
    return k;
}

/* LSD radix over bits [from, 64) of 64-bit keys, `bits` a pass (n > 0).  A
 * pass whose digit is the same for every key moves nothing and is skipped:
 * packed pairs often have zero high bytes in their low half. */
static int radix64(uint64_t *v, size_t n, uint64_t *tmp, int bits, int from)
{
    size_t buckets = (size_t)1 << bits;
    size_t small[256];
    size_t *count = bits <= 8 ? small : malloc(buckets * sizeof *count);
    if (!count) return -1;
    uint64_t *src = v, *dst = tmp;
    for (int shift = from; shift < 64; shift += bits) {
        memset(count, 0, buckets * sizeof *count);
        for (size_t i = 0; i < n; i++) count[(src[i] >> shift) & (buckets - 1)]++;
        if (count[(src[0] >> shift) & (buckets - 1)] == n) continue;
        size_t sum = 0;
        for (size_t b = 0; b < buckets; b++) {
            size_t c = count[b];
            count[b] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++) dst[count[(src[i] >> shift) & (buckets - 1)]++] = src[i];
        uint64_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != v) memcpy(v, src, n * sizeof *v);
    if (count != small) free(count);
    return 0;
}

int nd_sort_u64(uint64_t *v, size_t n, uint64_t *tmp)
{
    if (n < 48) {
        for (size_t i = 1; i < n; i++) {
            uint64_t x = v[i];
            size_t j = i;
            while (j && v[j - 1] > x) {
                v[j] = v[j - 1];
                j--;
            }
            v[j] = x;
        }
        return 0;
    }
    /* wide passes pay off only when the array dwarfs the count table */
    return radix64(v, n, tmp, n > (1u << 18) ? 16 : 8, 0);
}

void nd_sort_u64_high(uint64_t *v, size_t n, uint64_t *tmp)
{
    if (n > 1) radix64(v, n, tmp, 8, 32);  /* 8-bit passes need no count table: cannot fail */
}

void nd_sort_kv64(nd_kv64 *v, size_t n, nd_kv64 *tmp)
{
    if (n < 2) return;
    nd_kv64 *src = v, *dst = tmp;
    for (int shift = 0; shift < 64; shift += 8) {
        size_t count[256] = { 0 };
        for (size_t i = 0; i < n; i++) count[(src[i].key >> shift) & 255]++;
        if (count[(src[0].key >> shift) & 255] == n) continue;
        size_t sum = 0;
        for (int b = 0; b < 256; b++) {
            size_t c = count[b];
            count[b] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++) dst[count[(src[i].key >> shift) & 255]++] = src[i];
        nd_kv64 *t = src;
        src = dst;
        dst = t;
    }
    if (src != v) memcpy(v, src, n * sizeof *v);
}

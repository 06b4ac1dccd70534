/* Sorting hashes and packed pairs: the pipeline's most common inner loop. */
#ifndef ND_SORT_H
#define ND_SORT_H
#include <stddef.h>
#include <stdint.h>

/* Sorts v[0..n) ascending (LSD radix, 8 bits a pass; tmp holds n values)
 * and drops repeats.  Returns the new length. */
uint32_t nd_sort_unique_u32(uint32_t *v, uint32_t n, uint32_t *tmp);
/* Sorts v[0..n) ascending, keeping repeats. */
void nd_sort_u32(uint32_t *v, uint32_t n, uint32_t *tmp);
/* Sorts 64-bit values ascending (tmp holds n values).  0, or -1 when out of memory. */
int nd_sort_u64(uint64_t *v, size_t n, uint64_t *tmp);
/* Sorts v[0..n) by their top 32 bits only, stable (tmp holds n values):
 * half the passes of a full sort where the low half is already in order. */
void nd_sort_u64_high(uint64_t *v, size_t n, uint64_t *tmp);

/* A 64-bit sort key with a payload that travels with it. */
typedef struct nd_kv64 {
    uint64_t key, val;
} nd_kv64;
/* Sorts v[0..n) by key, stable (tmp holds n records). */
void nd_sort_kv64(nd_kv64 *v, size_t n, nd_kv64 *tmp);
#endif

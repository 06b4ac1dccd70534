/* The candidate index: documents that share enough keys become candidate pairs. */
#ifndef ND_INDEX_H
#define ND_INDEX_H
#include <stddef.h>
#include <stdint.h>

typedef struct nd_candidate {
    uint32_t a, b;       /* a < b */
    uint32_t shared;     /* keys in common */
} nd_candidate;

typedef struct nd_candidates {
    nd_candidate *v;
    size_t n;
} nd_candidates;

/* Finds the pairs sharing at least min_shared keys, and at least min_fraction
 * of the keys of the document with fewer (two articles on one topic share a
 * few word pairs by chance; derived ones share a tenth or more).  keys[off[d]..off[d+1])
 * are document d's keys (unique).  A key held by up to 64 documents pairs
 * them all; one held by more pairs only neighbours in document order; one
 * held by more than max_posting documents is too common to mean anything.  The result is
 * sorted by (a, b); free with nd_candidates_free.  0, or -1 when out of memory. */
int nd_candidates_find(const uint32_t *keys, const uint64_t *off, uint32_t ndocs, uint32_t min_shared,
                       float min_fraction, uint32_t max_posting, nd_candidates *out);
void nd_candidates_free(nd_candidates *c);
#endif

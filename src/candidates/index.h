/* The candidate index: documents that share enough keys become candidate pairs. */
#ifndef ND_INDEX_H
#define ND_INDEX_H
#include <stddef.h>
#include <stdint.h>

/* The rules, shared by the one-machine index and the distributed scan. */
#define ND_MIN_SHARED_KEYS 2          /* one shared key happens by chance */
#define ND_MIN_SHARED_FRACTION 0.05f  /* ... and a few on one topic: of the smaller key set */
#define ND_DERIVED_SHARED_FRACTION 0.10f /* below this, a candidate is only checked for related coverage */
#define ND_MAX_POSTING 4096           /* a key in more documents is a common phrase, not evidence */
#define ND_ALL_PAIRS_POSTING 64       /* a key in at most this many documents pairs them all */

/* Whether a key held by len documents pairs any of them. */
static inline int nd_posting_usable(size_t len, uint32_t max_posting) { return len >= 2 && len <= max_posting; }
/* A usable posting list of len documents, ascending, pairs its x-th with
 * those from x + 1 up to (not including) this: all of them in a short list,
 * only the next one in a long list (a big syndication group, or a phrase
 * common in this corpus), so that the pair count stays linear while
 * documents sharing many long lists still meet often enough. */
static inline size_t nd_posting_pair_end(size_t len, size_t x)
{
    return len <= ND_ALL_PAIRS_POSTING ? len : x + 2 <= len ? x + 2 : len;
}
/* Whether a pair sharing `shared` keys, where the document with fewer keys
 * has kmin, is a candidate, and whether it is then checked in full. */
static inline int nd_candidate_keep(uint32_t shared, uint64_t kmin, uint32_t min_shared, float min_fraction)
{
    return shared >= min_shared && (double)shared >= min_fraction * (double)kmin;
}
static inline int nd_candidate_full(uint32_t shared, uint64_t kmin)
{
    return (float)shared >= ND_DERIVED_SHARED_FRACTION * (float)kmin;
}

typedef struct nd_candidate {
    uint32_t a, b;       /* a < b */
    uint32_t shared;     /* keys in common */
} nd_candidate;

typedef struct nd_candidates {
    nd_candidate *v;
    size_t n;
} nd_candidates;

/* Finds the pairs sharing at least min_shared keys, and at least min_fraction
 * of the keys of the document with fewer (the scan passes the ND_ rules
 * above).  keys[off[d]..off[d+1]) are document d's keys (unique).  Lists of
 * more than max_posting documents are ignored; the others pair as
 * nd_posting_pair_end says.  The result is sorted by (a, b); free with
 * nd_candidates_free.  0, or -1 when out of memory. */
int nd_candidates_find(const uint32_t *keys, const uint64_t *off, uint32_t ndocs, uint32_t min_shared,
                       float min_fraction, uint32_t max_posting, nd_candidates *out);
void nd_candidates_free(nd_candidates *c);
#endif

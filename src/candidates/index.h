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
/* Rarity is a share of the corpus: in a corpus five times as large the same
 * phrase is held by about five times as many documents.  A key in more than
 * ND_ALL_PAIRS_POSTING documents but at most 1 in ND_RARE_POSTING_SHARE of
 * the corpus is still rare: it pairs the documents whose similarity sketches
 * agree, in any of ND_SKETCH_TRIES tries (64 * 312 is about 20,000: below
 * that corpus size no list is of this kind).  A longer list (a phrase common
 * in the corpus) pairs only neighbours in sketch order, so similar documents
 * still meet more often than others. */
#define ND_RARE_POSTING_SHARE 312
#define ND_SKETCH_SLOTS 32            /* MinHash values in a document's sketch (nd_keys_sketch) */
#define ND_SKETCH_TRIES 4             /* sketch values a posting carries: see nd_posting_sketch */
/* Memory for counting shared keys at once.  Every block walks the long
 * lists again, which costs more the larger the corpus: at 1M articles four
 * blocks of 600 MB took 146.7 s on one thread, eight of 300 MB 159 to 164 s.
 * So the scan gives the block what its fingerprints and index leave of
 * ND_SCAN_BYTES_PER_DOC a document, but at least ND_PAIR_BYTES, in at most
 * ND_PAIR_MAX_BLOCKS blocks: at 100,000 articles that is six blocks of
 * 32 MB (the pairs take 180 MB), at 1M five of about 500 MB.  The pair
 * counting's own tables (12 bytes a document and 4 a thread) and the rest
 * of the process (ids, metadata: about 120 bytes a document at 100k) come
 * on top, which keeps the scan under 2 KB a document beyond its text. */
#define ND_SCAN_BYTES_PER_DOC 1900
#define ND_PAIR_BYTES ((size_t)32 << 20)
#define ND_PAIR_MAX_BLOCKS 8

/* Whether a key held by len documents pairs any of them. */
static inline int nd_posting_usable(size_t len, uint32_t max_posting) { return len >= 2 && len <= max_posting; }
/* The longest posting list whose documents pair by sketch agreement, in a
 * corpus of ndocs documents (the whole corpus, on every machine). */
static inline size_t nd_posting_rare(uint64_t ndocs)
{
    uint64_t r = ndocs / ND_RARE_POSTING_SHARE;
    return r > ND_ALL_PAIRS_POSTING ? (size_t)r : ND_ALL_PAIRS_POSTING;
}
/* The sketch value a posting of `key` carries for try t (0 <= t <
 * ND_SKETCH_TRIES), from its document's sketch (ND_SKETCH_SLOTS values, by
 * nd_keys_sketch): each key uses its own run of slots, so documents that
 * share many keys agree in many lists.  Two documents agree in a slot with
 * the probability that a key of either is a key of both (Jaccard). */
static inline uint32_t nd_posting_sketch(const uint32_t *sketch, uint32_t key, unsigned t)
{
    return sketch[(key + t) % ND_SKETCH_SLOTS];
}
/* Whether try t is the first in which postings x and y (their values
 * sx[0..ND_SKETCH_TRIES) and sy[...]) agree: a pair counts once per key. */
static inline int nd_posting_first_agreement(const uint32_t *sx, const uint32_t *sy, unsigned t)
{
    if (sx[t] != sy[t]) return 0;
    for (unsigned u = 0; u < t; u++)
        if (sx[u] == sy[u]) return 0;
    return 1;
}
/* The pairs of one posting list, in a corpus of ndocs documents.  The
 * list's len postings come in ascending document order (ties anywhere break
 * by that order), posting x carrying sk[x * ND_SKETCH_TRIES + t] =
 * nd_posting_sketch(its document's sketch, key, t); sk may be NULL when len
 * <= ND_ALL_PAIRS_POSTING.  Calls pair(ctx, x, y), x < y, once for each pair
 * it makes, which counts as one shared key:
 *   - an unusable list (nd_posting_usable) pairs nothing;
 *   - up to ND_ALL_PAIRS_POSTING postings: every pair;
 *   - up to nd_posting_rare(ndocs): for each try t, the postings of equal
 *     value t form groups, each in list order; a group pairs all its
 *     postings when it has at most ND_ALL_PAIRS_POSTING, else neighbours;
 *     a pair is made only in the first try where its values agree
 *     (nd_posting_first_agreement), so at most once;
 *   - longer: neighbours in (value 0, order) order.
 * The pair count stays linear in the list's length.  0, or -1 when out of
 * memory. */
int nd_posting_pairs(const uint32_t *sk, size_t len, uint64_t ndocs, uint32_t max_posting,
                     void (*pair)(void *ctx, size_t x, size_t y), void *ctx);
/* The same, only the pairs whose first posting x lies in [x0, x1). */
int nd_posting_pairs_from(const uint32_t *sk, size_t len, uint64_t ndocs, uint32_t max_posting, size_t x0,
                          size_t x1, void (*pair)(void *ctx, size_t x, size_t y), void *ctx);
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
    uint64_t counting_bytes;    /* what counting held beside the postings: slots and the block of pairs */
} nd_candidates;

/* The lists that can pair documents: list l holds key[l]'s documents
 * doc[start[l]..start[l+1]), ascending, and the lists come in key order.  A
 * key held by one document, or by more than the build's max_posting, pairs
 * nothing and has no list: at 1M generated articles that is half of all
 * holdings (a document's keys are about 128; 64 of them are in lists).
 * Each document keeps its key count and its sketch. */
typedef struct nd_postings {
    uint32_t *doc;
    uint32_t *key;
    uint64_t *start;            /* nlists + 1 */
    size_t nlists;
    uint32_t *nkeys;            /* per document: its keys, listed or not */
    uint32_t *sketch;           /* ND_SKETCH_SLOTS values a document (nd_keys_sketch of its keys) */
    uint32_t ndocs;
    uint64_t build_bytes;       /* the most the build held at once: keys left, scratch, lists so far */
} nd_postings;

/* The postings of documents d < ndocs, whose keys (unique) are
 * keys[off[o]..off[o+1]) with o = order[d] (order NULL: o = d), keeping the
 * lists of 2 to max_posting documents.  Takes the keys: *keys (malloc'd) is
 * freed and set to NULL, and off rewritten, success or not.  The lists are
 * placed a sixteenth of the keys at a time, and the keys placed are dropped
 * as it goes, so the build holds little more than the keys at its start.
 * Sorts on `threads` threads (0: one per core).  0, or -1 when out of memory. */
int nd_postings_build(uint32_t **keys, uint64_t *off, const uint32_t *order, uint32_t ndocs, uint32_t max_posting,
                      unsigned threads, nd_postings *out);
void nd_postings_free(nd_postings *p);

/* Finds the pairs sharing at least min_shared keys, and at least min_fraction
 * of the keys of the document with fewer (the scan passes the ND_ rules
 * above).  The lists pair as nd_posting_pairs says, with p->ndocs for the
 * corpus size.  The pairs are counted in blocks
 * that take at most pair_bytes (4 bytes a pair), unless that makes more
 * than max_blocks blocks (0: no limit); the scan passes ND_PAIR_BYTES and
 * ND_PAIR_MAX_BLOCKS.  Smaller blocks cost time, not results.  Runs on
 * `threads` threads (0: one per core); the result is the same for any
 * count.  The result is sorted by (a, b); free with nd_candidates_free.
 * 0, or -1 when out of memory. */
int nd_candidates_of(const nd_postings *p, uint32_t min_shared, float min_fraction, size_t pair_bytes,
                     unsigned max_blocks, unsigned threads, nd_candidates *out);
/* nd_postings_build (order NULL), then nd_candidates_of. */
int nd_candidates_find(const uint32_t *keys, const uint64_t *off, uint32_t ndocs, uint32_t min_shared,
                       float min_fraction, uint32_t max_posting, size_t pair_bytes, unsigned max_blocks,
                       unsigned threads, nd_candidates *out);
void nd_candidates_free(nd_candidates *c);
#endif

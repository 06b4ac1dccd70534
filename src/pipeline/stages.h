/* The scan's stages one by one, for a driver that runs them apart: the
 * distributed scan fingerprints and verifies on many machines, clusters on
 * one.  nd_scan runs them in a row.  Every stage works on corpus indices. */
#ifndef ND_STAGES_H
#define ND_STAGES_H
#include <stdint.h>

#include "newsdup.h"
#include "../candidates/index.h"
#include "../fingerprint/evidence.h"

/* Features kept for verification: one slot a document while they fit
 * nd_options.cache_bytes, filled by fingerprinting or on first use. */
typedef struct nd_feature_cache nd_feature_cache;

/* A cache with a slot for each of c's documents, or *out NULL when their
 * features would not fit the budget (each stage then recomputes features in
 * caches of its own).  0, or -1 when out of memory. */
int nd_feature_cache_new(const nd_corpus *c, nd_feature_cache **out);
/* Moves the cache to view, a corpus whose first documents are those of the
 * cache's corpus (their features stay) followed by others.  0; 1 when view's
 * features would not fit the budget (the cache is unchanged); -1 when out of memory. */
int nd_feature_cache_extend(nd_feature_cache *fc, const nd_corpus *view);
void nd_feature_cache_free(nd_feature_cache *fc);

/* What fingerprinting yields: keys[off[d]..off[d+1]) are document d's
 * candidate keys, ev[d] its evidence of being an original. */
typedef struct nd_fingerprints {
    uint32_t *keys;
    uint64_t *off;
    nd_evidence *ev;
} nd_fingerprints;

/* Fingerprints c's documents (fills `keep`'s slots when given) and counts
 * them into c->df, which the caller has cleared with nd_stats_reset and then
 * finishes with nd_docfreq_finish (after adding up other machines' counts,
 * where there are any).  Keys come
 * out in document order whatever the thread count.  0, or -1 when out of memory. */
int nd_stage_fingerprint(nd_corpus *c, nd_feature_cache *keep, nd_fingerprints *fp);
void nd_fingerprints_free(nd_fingerprints *fp);

/* Each candidate's score: in full where full[i], else only for related coverage. */
typedef struct nd_verdicts {
    nd_pair_score *score;
    uint8_t *full;
} nd_verdicts;

/* Scores every candidate of c with c->df; out->full is the caller's (set by
 * nd_candidate_full), out->score is allocated here (free it).  0, or -1. */
int nd_stage_verify(const nd_corpus *c, const nd_candidates *cand, nd_feature_cache *kept, nd_verdicts *out);

/* Clusters c from its scored candidates (sorted by (a, b)) and the evidence
 * ev[doc]; pairs the clustering asks about anew are scored from the text of
 * c's documents.  NULL when out of memory. */
nd_result *nd_stage_cluster(const nd_corpus *c, const nd_candidates *cand, const nd_verdicts *v,
                            const nd_evidence *ev, nd_feature_cache *kept);
#endif

/* The scan's stages one by one, for a driver that runs them apart: the
 * distributed scan fingerprints and verifies on many machines, clusters on
 * one.  nd_scan runs them in a row.  Every stage works on corpus indices. */
#ifndef ND_STAGES_H
#define ND_STAGES_H
#include <stdint.h>

#include "newsdup.h"
#include "../candidates/index.h"
#include "../fingerprint/evidence.h"

/* Every document's encoded compact features (fingerprint/compact.h), by
 * document index: about 0.9 KB a news article, so they are kept from
 * fingerprinting to clustering, and verification decodes them instead of
 * re-reading text.  The bytes belong to the `owned` blocks, or to whoever
 * made the store by hand (the distributed scan points into its messages). */
typedef struct nd_packed {
    const uint8_t *bytes;
    uint32_t n;
} nd_packed;

typedef struct nd_feature_store {
    nd_packed *doc;
    uint32_t ndocs;
    uint8_t **owned;            /* freed with the store */
    uint32_t nowned;
} nd_feature_store;

/* Frees doc and the owned blocks. */
void nd_feature_store_free(nd_feature_store *fs);

/* What fingerprinting yields: keys[off[o]..off[o+1]) are document d's
 * candidate keys, with o = order[d] (order NULL: o = d; keys and off are
 * then in arrival order, ev and features in document order), ev[d] its
 * evidence of being an original, and features what verification compares. */
typedef struct nd_fingerprints {
    uint32_t *keys;
    uint64_t *off;
    const uint32_t *order;      /* not owned */
    nd_evidence *ev;
    nd_feature_store features;
} nd_fingerprints;

/* Fingerprints c's documents and counts
 * them into c->df, which the caller has cleared with nd_stats_reset and then
 * finishes with nd_docfreq_freeze (after adding up other machines' counts,
 * where there are any).  Keys come
 * out in document order whatever the thread count.  0, or -1 when out of memory. */
int nd_stage_fingerprint(nd_corpus *c, nd_fingerprints *fp);
/* The same for documents [first, n), docs[0..n - first), appended to fp,
 * which holds the fingerprints of [0, first); c gives the options and takes
 * the counts, and may gain documents meanwhile (progress is not reported).
 * 0, or -1. */
int nd_stage_fingerprint_more(nd_corpus *c, const nd_doc *docs, uint32_t first, uint32_t n, nd_fingerprints *fp);
void nd_fingerprints_free(nd_fingerprints *fp);

/* Each candidate's score: in full where full[i], else only for related coverage. */
typedef struct nd_verdicts {
    nd_pair_score *score;
    uint8_t *full;
} nd_verdicts;

/* Scores every candidate of c (whose documents' features are fs's) with
 * c->df; out->full is the caller's (set by nd_candidate_full), out->score is
 * allocated here (free it).  0, or -1. */
int nd_stage_verify(const nd_corpus *c, const nd_candidates *cand, const nd_feature_store *fs, nd_verdicts *out);

/* Clusters c from its scored candidates (sorted by (a, b)) and the evidence
 * ev[doc]; pairs the clustering asks about anew are scored from fs.  NULL
 * when out of memory. */
nd_result *nd_stage_cluster(const nd_corpus *c, const nd_candidates *cand, const nd_verdicts *v,
                            const nd_evidence *ev, const nd_feature_store *fs);
#endif

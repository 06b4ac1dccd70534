/* The scan across ranks.  Each rank fingerprints the documents it read; the
 * document frequencies are summed over all ranks; each key goes to the rank
 * that owns it (key mod ranks), which pairs the documents of its posting
 * lists by the one-machine rules; each pair goes to the rank holding its
 * first document, which counts the keys the pair shares, fetches the text of
 * the second document where another rank holds it, and verifies the pair.
 * Rank 0 groups the documents along derived pairs (a few bytes each); each
 * group goes to one rank (its documents and scored pairs), which clusters
 * it exactly as nd_scan would; rank 0 gathers and numbers the clusters.  Documents are numbered in id
 * order, as nd_scan works, so the result is the same for any rank count. */
#ifndef ND_DISTRIBUTE_SCAN_H
#define ND_DISTRIBUTE_SCAN_H
#include "share.h"

/* What the run moved and used, summed or maximised over ranks (rank 0). */
typedef struct nd_mpi_stats {
    uint64_t bytes_shuffled;    /* sent between ranks, all steps */
    uint64_t candidates;
    uint64_t max_rss_kb;        /* the largest peak resident set of any rank */
    uint64_t min_rss_kb;        /* the smallest */
    uint64_t rank0_rss_kb;
} nd_mpi_stats;

/* Scans what s read (collective).  On rank 0, *out is the corpus the result
 * refers to (every document's id and metadata, with with_text the text of
 * clustered ones, which the HTML report shows; the notices in reading order)
 * and *r the result, both the caller's to free; elsewhere both are NULL.  The status (err naming the failing rank)
 * is the same on every rank. */
nd_status nd_mpi_scan(nd_share *s, int with_text, nd_corpus **out, nd_result **r, nd_mpi_stats *stats,
                      nd_error *err);
#endif

/* Turning groups of documents into the public nd_result. */
#ifndef ND_RESULT_H
#define ND_RESULT_H
#include "newsdup.h"
#include "../cluster/cluster.h"
#include "../fingerprint/evidence.h"

/* Scores a pair as the verify stage does; -1 when out of memory. */
typedef int (*nd_score_fn)(void *ctx, uint32_t a, uint32_t b, nd_pair_score *out);

/* Builds the result for corpus c: one cluster per group, its origin chosen
 * from the evidence ev[doc], each member's relation measured against the
 * origin with score(), its parent found along the derived edges.  NULL when
 * out of memory.  The related list is left empty for the caller. */
nd_result *nd_result_assemble(const nd_corpus *c, const nd_groups *g, const nd_evidence *ev,
                              const nd_edge *edges, size_t nedges, nd_score_fn score, void *ctx);

/* Sorts clusters whose id holds their smallest member into that order and
 * numbers them 1..n, as the result presents them. */
void nd_clusters_number(nd_cluster *v, size_t n);

/* Gives r the related pairs rel[0..n), sorted by (a, b), that do not fall
 * inside one of r's clusters (r->ndocs set).  r takes rel in any case.  0,
 * or -1 when out of memory (rel is freed, r keeps no related pairs). */
int nd_result_set_related(nd_result *r, nd_related *rel, size_t n);
#endif

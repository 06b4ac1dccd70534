/* Deciding what a candidate pair is: copy, rewrite, related coverage, or nothing. */
#ifndef ND_VERIFY_H
#define ND_VERIFY_H
#include "newsdup.h"
#include "align.h"

typedef struct nd_verify_params {
    float copy_threshold;      /* shingle containment for a copy */
    float rewrite_threshold;   /* derivation score for a rewrite */
    float related_threshold;   /* content-word overlap for related coverage */
    const nd_docfreq *df;      /* corpus document frequencies, or NULL */
} nd_verify_params;

/* Thresholds from opt; df (may be NULL) is kept, not copied. */
void nd_verify_params_from(const nd_options *opt, const nd_docfreq *df, nd_verify_params *p);

/* Scores the pair (a, b); `al` is scratch space the caller reuses (and may
 * read: it holds the sentence alignment afterwards).  -1 when out of memory. */
int nd_verify(const nd_features *a, const nd_features *b, const nd_verify_params *p,
              nd_alignment *al, nd_pair_score *out);
/* The cheap part only: content overlap and whether that makes the pair
 * related coverage (out->derived is 0; alignment is not run). */
void nd_verify_related(const nd_features *a, const nd_features *b, const nd_verify_params *p, nd_pair_score *out);
#endif

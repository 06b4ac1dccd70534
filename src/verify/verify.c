#include "verify.h"

void nd_verify_params_from(const nd_options *opt, nd_verify_params *p)
{
    p->copy_threshold = (float)opt->copy_threshold;
    p->rewrite_threshold = (float)opt->rewrite_threshold;
    p->related_threshold = (float)opt->related_threshold;
}

static float containment(uint32_t shared, uint32_t na, uint32_t nb)
{
    uint32_t m = na < nb ? na : nb;
    return m ? (float)shared / (float)m : 0.0f;
}

int nd_verify(const nd_features *a, const nd_features *b, const nd_verify_params *p,
              nd_alignment *al, nd_pair_score *out)
{
    out->shingle = containment(nd_sorted_intersect(a->shingles, a->nshingles, b->shingles, b->nshingles),
                               a->nshingles, b->nshingles);
    out->bigram = containment(nd_sorted_intersect(a->bigrams, a->nbigrams, b->bigrams, b->nbigrams),
                              a->nbigrams, b->nbigrams);
    out->overlap = containment(nd_sorted_intersect(a->vocab, a->nvocab, b->vocab, b->nvocab),
                               a->nvocab, b->nvocab);
    if (nd_align(a, b, al)) return -1;
    out->aligned = al->coverage;
    /* A rewrite restates the same sentences in the same order (alignment) with
     * many of the same word pairs (bigrams); same-story coverage shares the
     * names but neither the order nor the phrasing. */
    float derive = 0.5f * out->aligned + 0.5f * out->bigram;
    out->similarity = out->shingle > derive ? out->shingle : derive;
    out->derived = out->shingle >= p->copy_threshold || derive >= p->rewrite_threshold;
    out->relation = out->shingle >= p->copy_threshold ? ND_COPY : ND_REWRITE;
    out->related = !out->derived && out->overlap >= p->related_threshold;
    return 0;
}

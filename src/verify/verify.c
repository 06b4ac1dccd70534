#include "verify.h"

#include <string.h>

void nd_verify_params_from(const nd_options *opt, const nd_docfreq *df, nd_verify_params *p)
{
    p->df = df;
    p->copy_threshold = (float)opt->copy_threshold;
    p->rewrite_threshold = (float)opt->rewrite_threshold;
    p->related_threshold = (float)opt->related_threshold;
}

/* Containment of the lighter bigram set in the other, each bigram weighted
 * by its rarity in the corpus. */
static float weighted_bigrams(const nd_features *a, const nd_features *b, const nd_docfreq *df)
{
    float wa = 0, wb = 0, shared = 0;
    for (uint32_t i = 0; i < a->nbigrams; i++) wa += nd_docfreq_bigram(df, a->bigrams[i]);
    for (uint32_t j = 0; j < b->nbigrams; j++) wb += nd_docfreq_bigram(df, b->bigrams[j]);
    uint32_t i = 0, j = 0;
    while (i < a->nbigrams && j < b->nbigrams) {
        if (a->bigrams[i] < b->bigrams[j]) i++;
        else if (a->bigrams[i] > b->bigrams[j]) j++;
        else {
            shared += nd_docfreq_bigram(df, a->bigrams[i]);
            i++;
            j++;
        }
    }
    float m = wa < wb ? wa : wb;
    return m > 0 ? shared / m : 0.0f;
}

static float containment(uint32_t shared, uint32_t na, uint32_t nb)
{
    uint32_t m = na < nb ? na : nb;
    return m ? (float)shared / (float)m : 0.0f;
}

void nd_verify_related(const nd_features *a, const nd_features *b, const nd_verify_params *p, nd_pair_score *out)
{
    memset(out, 0, sizeof *out);
    out->overlap = containment(nd_sorted_intersect(a->vocab, a->nvocab, b->vocab, b->nvocab), a->nvocab, b->nvocab);
    out->relation = ND_REWRITE;
    out->related = out->overlap >= p->related_threshold;
}

int nd_verify(const nd_features *a, const nd_features *b, const nd_verify_params *p,
              nd_alignment *al, nd_pair_score *out)
{
    out->shingle = containment(nd_sorted_intersect(a->shingles, a->nshingles, b->shingles, b->nshingles),
                               a->nshingles, b->nshingles);
    out->bigram = weighted_bigrams(a, b, p->df);
    out->overlap = containment(nd_sorted_intersect(a->vocab, a->nvocab, b->vocab, b->nvocab),
                               a->nvocab, b->nvocab);
    if (nd_align_weighted(a, b, p->df, al)) return -1;
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

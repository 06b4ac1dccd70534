#include "origin.h"

#include <stdio.h>

static float text_score(const nd_origin_input *m)
{
    const nd_evidence *e = m->ev;
    float per_kw = e->words ? 1000.0f / (float)e->words : 0;
    /* Quotations weigh most: rewrites turn quotes into narration far more
     * often than the reverse.  Density, not count, so a long text is not
     * favoured for its length. */
    return 3.0f * (float)e->quotations * per_kw + 2.0f * (float)e->self_refs + 0.2f * (float)e->numbers * per_kw;
}

uint32_t nd_origin_choose(const nd_origin_input *m, uint32_t n, char *why, size_t whylen)
{
    uint32_t dated = 0, best = 0;
    for (uint32_t i = 0; i < n; i++)
        if (m[i].published != INT64_MIN) dated++;
    if (dated >= 2) {
        int found = 0;
        for (uint32_t i = 0; i < n; i++) {
            if (m[i].published == INT64_MIN) continue;
            if (!found || m[i].published < m[best].published ||
                (m[i].published == m[best].published && m[i].doc < m[best].doc)) {
                best = i;
                found = 1;
            }
        }
        snprintf(why, whylen, "earliest published time in the cluster");
        return best;
    }
    float best_score = -1;
    for (uint32_t i = 0; i < n; i++) {
        float s = text_score(&m[i]);
        if (s > best_score + 1e-6f ||
            (s > best_score - 1e-6f && (m[i].similarity > m[best].similarity + 1e-6f ||
                                        (m[i].similarity > m[best].similarity - 1e-6f && m[i].doc < m[best].doc)))) {
            best = i;
            best_score = s;
        }
    }
    const nd_evidence *e = m[best].ev;
    if (best_score <= 0)
        snprintf(why, whylen, "no dates or textual evidence; the member closest to all others");
    else if (e->quotations)
        snprintf(why, whylen, "no dates; carries the direct quotations (%u) that other members paraphrase%s%s",
                 e->quotations, e->self_refs ? ", and refers to its own reporting" : "",
                 e->truncated ? " (text is truncated)" : "");
    else if (e->self_refs)
        snprintf(why, whylen, "no dates; refers to its own reporting (byline or \"told us\")");
    else
        snprintf(why, whylen, "no dates; carries the most figures");
    return best;
}

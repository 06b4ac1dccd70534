#include "origin.h"

#include <stdio.h>

static float text_score(const nd_origin_input *m)
{
    const nd_evidence *e = m->ev;
    /* Quotations weigh most: rewrites turn quotes into narration far more
     * often than the reverse, and copies trim rather than add.  Counts, not
     * densities: a trimmed copy is denser than its original. */
    float evidence = 3.0f * (float)e->quotations + 2.0f * (float)e->self_refs + 0.2f * (float)e->numbers;
    /* Copies and rewrites each derive from the origin, so it is the member
     * closest to all others; where the text evidence ties, that decides. */
    return evidence + 10.0f * m->similarity;
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
    if (e->quotations + e->self_refs + e->numbers == 0)
        snprintf(why, whylen, "no dates or textual evidence; the member closest to all others");
    else if (e->quotations)
        snprintf(why, whylen, "no dates; carries the most direct quotations (%u) and is closest to the other members%s%s",
                 e->quotations, e->self_refs ? ", and refers to its own reporting" : "",
                 e->truncated ? " (text is truncated)" : "");
    else if (e->self_refs)
        snprintf(why, whylen, "no dates; refers to its own reporting (byline or \"told us\")");
    else
        snprintf(why, whylen, "no dates; carries the most figures");
    return best;
}

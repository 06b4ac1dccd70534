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

/* Whether m may have come out before `end` (every member when end is INT64_MIN). */
static int out_before(const nd_origin_input *m, int64_t end)
{
    return end == INT64_MIN || (m->published != INT64_MIN && m->published < end);
}

/* The member of m[0..n) out before `end` that the text names; the reason,
 * after `lead`, goes to why. */
static uint32_t by_text(const nd_origin_input *m, uint32_t n, int64_t end, const char *lead, char *why, size_t whylen)
{
    uint32_t best = UINT32_MAX;
    float best_score = -1;
    for (uint32_t i = 0; i < n; i++) {
        if (!out_before(&m[i], end)) continue;
        float s = text_score(&m[i]);
        if (best == UINT32_MAX || s > best_score + 1e-6f ||
            (s > best_score - 1e-6f && (m[i].similarity > m[best].similarity + 1e-6f ||
                                        (m[i].similarity > m[best].similarity - 1e-6f && m[i].doc < m[best].doc)))) {
            best = i;
            best_score = s;
        }
    }
    const nd_evidence *e = m[best].ev;
    if (e->quotations + e->self_refs + e->numbers == 0)
        snprintf(why, whylen, "%s; no textual evidence; the member closest to all others", lead);
    else if (e->quotations)
        snprintf(why, whylen, "%s; carries the most direct quotations (%u) and is closest to the other members%s%s",
                 lead, e->quotations, e->self_refs ? ", and refers to its own reporting" : "",
                 e->truncated ? " (text is truncated)" : "");
    else if (e->self_refs)
        snprintf(why, whylen, "%s; refers to its own reporting (byline or \"told us\")", lead);
    else
        snprintf(why, whylen, "%s; carries the most figures", lead);
    return best;
}

uint32_t nd_origin_choose(const nd_origin_input *m, uint32_t n, char *why, size_t whylen)
{
    uint32_t dated = 0;
    int64_t first_end = INT64_MAX;  /* the earliest time by which some member was surely out */
    for (uint32_t i = 0; i < n; i++) {
        if (m[i].published == INT64_MIN) continue;
        dated++;
        int64_t end = m[i].published + (m[i].span > 0 ? m[i].span : 1);
        if (end < first_end) first_end = end;
    }
    if (dated < 2) return by_text(m, n, INT64_MIN, "no dates", why, whylen);
    /* the members that may have come out first: a date printed without a
     * time could be any minute of its day */
    uint32_t nfirst = 0, only = 0;
    for (uint32_t i = 0; i < n; i++)
        if (out_before(&m[i], first_end)) {
            nfirst++;
            only = i;
        }
    if (nfirst == 1) {
        snprintf(why, whylen, "earliest published time in the cluster%s",
                 m[only].span ? " (the date printed on the page)" : "");
        return only;
    }
    char lead[96];
    snprintf(lead, sizeof lead, "published first with %u other%s as far as the dates tell", nfirst - 1,
             nfirst == 2 ? "" : "s");
    return by_text(m, n, first_end, lead, why, whylen);
}

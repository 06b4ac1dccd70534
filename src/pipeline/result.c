#include "result.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cluster/origin.h"
#include "../read/corpus.h"

static int cmp_member(const void *x, const void *y)
{
    const nd_member *a = x, *b = y;
    if (a->relation == ND_ORIGIN || b->relation == ND_ORIGIN) return a->relation == ND_ORIGIN ? -1 : 1;
    if (a->similarity != b->similarity) return a->similarity > b->similarity ? -1 : 1;
    return (a->doc > b->doc) - (a->doc < b->doc);
}

/* A rewrite of a rewrite joins through its parent only when the link is
 * this many times the rewrite threshold: a sibling text that merely shares
 * the topic with one rewrite stays out. */
#define INDIRECT_FACTOR 2.0f

/* A copy is fuller than another by more than 1 / MARGIN of its words. */
#define MARGIN 20

/* Edges the clusterer declined to merge along join nothing. */
static int in_cluster(const nd_groups *g, const nd_edge *e)
{
    return g->group[e->a] != UINT32_MAX && g->group[e->a] == g->group[e->b];
}

typedef struct assembler {
    const nd_corpus *c;
    const nd_evidence *ev;
    nd_score_fn score;
    void *ctx;
    float indirect;            /* edge similarity that lets a rewrite of a rewrite join */
    nd_origin_input *in;       /* scratch, one per document of a component */
    nd_pair_score *to_origin;  /* scratch: each remaining document against the origin */
    uint32_t *parent;          /* scratch: UINT32_MAX while unattached */
    ND_VEC(nd_cluster) out;
} assembler;

/* Mean similarity of d's edges to documents still in rem (centrality). */
static float centrality(uint32_t d, const uint32_t *rem, uint32_t nrem, const nd_edge *ce, size_t nce)
{
    float sum = 0;
    uint32_t cnt = 0;
    for (size_t e = 0; e < nce; e++) {
        uint32_t other = ce[e].a == d ? ce[e].b : ce[e].b == d ? ce[e].a : UINT32_MAX;
        if (other == UINT32_MAX) continue;
        for (uint32_t k = 0; k < nrem; k++)
            if (rem[k] == other) {
                sum += ce[e].similarity;
                cnt++;
                break;
            }
    }
    return cnt ? sum / (float)cnt : 0;
}

/* Scores every document of rem against rem[o] into as->to_origin. */
static int score_against(assembler *as, const uint32_t *rem, uint32_t nrem, uint32_t o)
{
    for (uint32_t i = 0; i < nrem; i++) {
        if (i == o) {
            memset(&as->to_origin[i], 0, sizeof as->to_origin[i]);
            continue;
        }
        if (as->score(as->ctx, rem[o], rem[i], &as->to_origin[i])) return -1;
    }
    return 0;
}

/* When document d came out, as its metadata or its page's header gives it;
 * INT64_MIN when neither does.  *span: seconds it may be late by. */
static int64_t published_at(const assembler *as, uint32_t d, int64_t *span)
{
    *span = 0;
    if (as->c->docs.v[d].published != INT64_MIN) return as->c->docs.v[d].published;
    if (!as->ev[d].printed) return INT64_MIN;
    *span = (int64_t)as->ev[d].printed_span * 60;
    return (int64_t)as->ev[d].printed * 60;
}

/* Copies trim and rewrites turn quotations into narration, not the reverse. */
static int fuller(const nd_evidence *a, const nd_evidence *b, nd_relation rel)
{
    return rel == ND_COPY ? a->words > b->words + b->words / MARGIN : a->quotations > b->quotations;
}

/* A member without a date may be older than the earliest dated one, rem[o]
 * (the others scored against it in as->to_origin).  Returns the undated
 * member rem[o] derives from by its text (the one with the most quotations,
 * then words), or o when there is none. */
static uint32_t undated_source(const assembler *as, const uint32_t *rem, uint32_t nrem, uint32_t o)
{
    uint32_t best = o;
    for (uint32_t i = 0; i < nrem; i++) {
        const nd_pair_score *s = &as->to_origin[i];
        int64_t span;
        if (i == o || !s->derived || published_at(as, rem[i], &span) != INT64_MIN) continue;
        if (!fuller(&as->ev[rem[i]], &as->ev[rem[o]], s->relation)) continue;
        const nd_evidence *e = &as->ev[rem[i]], *b = &as->ev[rem[best]];
        if (best == o || e->quotations > b->quotations || (e->quotations == b->quotations && e->words > b->words))
            best = i;
    }
    return best;
}

/* Splits one connected group into clusters around origins: the origin is
 * chosen, the documents derived from it join, then rewrites of those
 * rewrites; what is left is grouped again around an origin of its own.
 * Works in place on rem[0..nrem).  0, or -1 when out of memory. */
static int split_component(assembler *as, uint32_t *rem, uint32_t nrem, const nd_edge *ce, size_t nce)
{
    while (nrem >= 2) {
        for (uint32_t i = 0; i < nrem; i++) {
            uint32_t d = rem[i];
            int64_t span, at = published_at(as, d, &span);
            as->in[i] = (nd_origin_input){ d, at, &as->ev[d], centrality(d, rem, nrem, ce, nce), span };
        }
        char why[256];
        uint32_t o = nd_origin_choose(as->in, nrem, why, sizeof why);
        if (score_against(as, rem, nrem, o)) return -1;
        if (strstr(why, "published")) {
            uint32_t u = undated_source(as, rem, nrem, o);
            if (u != o) {
                snprintf(why, sizeof why, "no date, but the earliest dated member derives from it (%s)",
                         as->to_origin[u].relation == ND_COPY ? "a trimmed copy"
                                                              : "a rewrite with fewer direct quotations");
                o = u;
                if (score_against(as, rem, nrem, o)) return -1;
            }
        }
        /* Among near-identical copies the fullest text is the original: copies
         * trim.  (A text marked truncated is a partial capture and keeps its
         * place; dates, where given, already decided.) */
        if (!strstr(why, "published") && !as->ev[rem[o]].truncated) {
            uint32_t fullest = o;
            for (uint32_t i = 0; i < nrem; i++)
                if (i != o && as->to_origin[i].derived && as->to_origin[i].relation == ND_COPY &&
                    fuller(&as->ev[rem[i]], &as->ev[rem[fullest]], ND_COPY))
                    fullest = i;
            if (fullest != o) {
                o = fullest;
                snprintf(why, sizeof why, "no dates; the fullest of its near-identical copies (%u words)",
                         as->ev[rem[o]].words);
                if (score_against(as, rem, nrem, o)) return -1;
            }
        }
        uint32_t origin = rem[o];
        uint32_t attached = 1;
        for (uint32_t i = 0; i < nrem; i++) {
            as->parent[i] = UINT32_MAX;
            if (i != o && as->to_origin[i].derived) {
                as->parent[i] = origin;
                attached++;
            }
        }
        as->parent[o] = origin;
        for (int grew = 1; grew;) {
            grew = 0;
            for (size_t e = 0; e < nce; e++) {
                uint32_t ia = nrem, ib = nrem;
                for (uint32_t k = 0; k < nrem; k++) {
                    if (rem[k] == ce[e].a) ia = k;
                    if (rem[k] == ce[e].b) ib = k;
                }
                if (ia == nrem || ib == nrem) continue;
                if ((as->parent[ia] == UINT32_MAX) == (as->parent[ib] == UINT32_MAX)) continue;
                uint32_t child = as->parent[ia] == UINT32_MAX ? ia : ib, via = child == ia ? ib : ia;
                /* a copy of the origin stands for the origin: what derives from it joins on any edge */
                int via_copy = via != o && as->parent[via] == origin && as->to_origin[via].relation == ND_COPY &&
                               as->to_origin[via].derived;
                if (!via_copy && ce[e].similarity < as->indirect) continue;
                if (!as->to_origin[child].related && !as->to_origin[child].derived) continue;
                as->parent[child] = rem[via];
                attached++;
                grew = 1;
            }
        }
        if (attached >= 2) {
            nd_cluster cl = { 0 };
            cl.origin = origin;
            cl.origin_reason = strdup(why);
            cl.members = malloc((size_t)attached * sizeof *cl.members);
            if (!cl.origin_reason || !cl.members || nd_vec_push(&as->out, cl)) {
                free((void *)cl.origin_reason);
                free(cl.members);
                return -1;
            }
            nd_cluster *dst = &as->out.v[as->out.n - 1];
            dst->id = UINT32_MAX;  /* the smallest member for now: clusters are numbered in that order */
            for (uint32_t i = 0; i < nrem; i++) {
                if (as->parent[i] == UINT32_MAX) continue;
                if (rem[i] < dst->id) dst->id = rem[i];
                nd_member m = { rem[i], ND_ORIGIN, 1.0f, origin };
                if (i != o) m = (nd_member){ rem[i], as->to_origin[i].relation, as->to_origin[i].similarity,
                                             as->parent[i] };
                dst->members[dst->nmembers++] = m;
            }
            qsort(dst->members, dst->nmembers, sizeof *dst->members, cmp_member);
        }
        /* what did not attach is grouped again (or left alone) */
        uint32_t k = 0;
        for (uint32_t i = 0; i < nrem; i++)
            if (as->parent[i] == UINT32_MAX) rem[k++] = rem[i];
        nrem = k;
    }
    return 0;
}

static int cmp_cluster(const void *x, const void *y)
{
    const nd_cluster *a = x, *b = y;
    return (a->id > b->id) - (a->id < b->id);
}

nd_result *nd_result_assemble(const nd_corpus *c, const nd_groups *g, const nd_evidence *ev,
                              const nd_edge *edges, size_t nedges, nd_score_fn score, void *ctx)
{
    uint32_t n = (uint32_t)c->docs.n;
    assembler as = { c, ev, score, ctx, INDIRECT_FACTOR * (float)c->opt.rewrite_threshold, NULL, NULL, NULL, { 0 } };
    nd_result *r = calloc(1, sizeof *r);
    size_t *moff = calloc((size_t)g->ngroups + 2, sizeof *moff);
    uint32_t *members = malloc(((size_t)n + 1) * sizeof *members);
    size_t *eoff = calloc((size_t)g->ngroups + 2, sizeof *eoff);
    nd_edge *cedges = malloc((nedges + 1) * sizeof *cedges);
    as.in = malloc(((size_t)n + 1) * sizeof *as.in);
    as.to_origin = malloc(((size_t)n + 1) * sizeof *as.to_origin);
    as.parent = malloc(((size_t)n + 1) * sizeof *as.parent);
    if (!r || !moff || !members || !eoff || !cedges || !as.in || !as.to_origin || !as.parent) goto fail;
    r->ndocs = n;
    /* each component's members and edges side by side, so its work stays local */
    for (uint32_t d = 0; d < n; d++)
        if (g->group[d] != UINT32_MAX) moff[g->group[d] + 2]++;
    for (size_t e = 0; e < nedges; e++)
        if (in_cluster(g, &edges[e])) eoff[g->group[edges[e].a] + 2]++;
    for (uint32_t k = 0; k < g->ngroups; k++) {
        moff[k + 2] += moff[k + 1];
        eoff[k + 2] += eoff[k + 1];
    }
    for (uint32_t d = 0; d < n; d++)
        if (g->group[d] != UINT32_MAX) members[moff[g->group[d] + 1]++] = d;
    for (size_t e = 0; e < nedges; e++)
        if (in_cluster(g, &edges[e])) cedges[eoff[g->group[edges[e].a] + 1]++] = edges[e];
    for (uint32_t k = 0; k < g->ngroups; k++)
        if (split_component(&as, members + moff[k], (uint32_t)(moff[k + 1] - moff[k]), cedges + eoff[k],
                            eoff[k + 1] - eoff[k]))
            goto fail;
    nd_clusters_number(as.out.v, as.out.n);
    r->clusters = as.out.v;
    r->nclusters = as.out.n;
    as.out.v = NULL;
    as.out.n = 0;
    goto done;
fail:
    for (size_t k = 0; k < as.out.n; k++) {
        free(as.out.v[k].members);
        free((void *)as.out.v[k].origin_reason);
    }
    nd_vec_free(&as.out);
    nd_result_free(r);
    r = NULL;
done:
    free(moff);
    free(members);
    free(eoff);
    free(cedges);
    free(as.in);
    free(as.to_origin);
    free(as.parent);
    return r;
}

void nd_clusters_number(nd_cluster *v, size_t n)
{
    /* by smallest member, as input order has it */
    if (n) qsort(v, n, sizeof *v, cmp_cluster);
    for (size_t k = 0; k < n; k++) v[k].id = (uint32_t)k + 1;
}

static int cmp_related(const void *x, const void *y)
{
    const nd_related *a = x, *b = y;
    if (a->a != b->a) return a->a < b->a ? -1 : 1;
    return (a->b > b->b) - (a->b < b->b);
}

int nd_result_set_related(nd_result *r, nd_related *rel, size_t n)
{
    /* each document's cluster, or UINT32_MAX */
    uint32_t *cl = malloc(((size_t)r->ndocs + 1) * sizeof *cl);
    if (!cl) {
        free(rel);
        return -1;
    }
    for (uint32_t d = 0; d < r->ndocs; d++) cl[d] = UINT32_MAX;
    for (size_t k = 0; k < r->nclusters; k++)
        for (uint32_t m = 0; m < r->clusters[k].nmembers; m++) cl[r->clusters[k].members[m].doc] = (uint32_t)k;
    if (n) qsort(rel, n, sizeof *rel, cmp_related);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t ca = cl[rel[i].a], cb = cl[rel[i].b];
        if (ca != UINT32_MAX && ca == cb) continue;
        rel[k++] = rel[i];
    }
    free(cl);
    free(r->related);
    r->related = rel;
    r->nrelated = k;
    return 0;
}

void nd_result_free(nd_result *r)
{
    if (!r) return;
    for (size_t k = 0; k < r->nclusters; k++) {
        free(r->clusters[k].members);
        free((void *)r->clusters[k].origin_reason);
        free(r->clusters[k].drifts);  /* one block: drifts and their strings */
    }
    free(r->clusters);
    free(r->related);
    free(r);
}

#include "result.h"

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

/* A member derived directly from the origin hangs under it; the rest (a
 * rewrite of a rewrite) hang under the member they are closest to, grown
 * from the origin along the strongest derived edges. */
static void find_parents(nd_member *m, uint32_t n, const uint8_t *direct, const nd_edge *edges, size_t nedges,
                         uint32_t *tree)
{
    uint32_t origin = m[0].doc;
    size_t intree = 0;
    for (uint32_t i = 0; i < n; i++) {
        m[i].parent = origin;
        if (i == 0 || direct[i]) tree[intree++] = m[i].doc;
    }
    for (;;) {
        float best = -1;
        uint32_t from = 0, to = 0;
        for (size_t e = 0; e < nedges; e++) {
            int ina = 0, inb = 0;
            for (size_t k = 0; k < intree; k++) {
                ina |= tree[k] == edges[e].a;
                inb |= tree[k] == edges[e].b;
            }
            if (ina == inb) continue;
            if (edges[e].similarity > best) {
                best = edges[e].similarity;
                from = ina ? edges[e].a : edges[e].b;
                to = ina ? edges[e].b : edges[e].a;
            }
        }
        if (best < 0) break;
        tree[intree++] = to;
        for (uint32_t i = 0; i < n; i++)
            if (m[i].doc == to) m[i].parent = from;
    }
}

/* Edges the clusterer declined to merge along join nothing. */
static int in_cluster(const nd_groups *g, const nd_edge *e)
{
    return g->group[e->a] != UINT32_MAX && g->group[e->a] == g->group[e->b];
}

nd_result *nd_result_assemble(const nd_corpus *c, const nd_groups *g, const nd_evidence *ev,
                              const nd_edge *edges, size_t nedges, nd_score_fn score, void *ctx)
{
    uint32_t n = (uint32_t)c->docs.n;
    nd_result *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->ndocs = n;
    r->clusters = calloc((size_t)g->ngroups + 1, sizeof *r->clusters);
    uint32_t *count = calloc((size_t)g->ngroups + 1, sizeof *count);
    uint32_t *scratch = malloc(((size_t)n + 1) * sizeof *scratch);
    nd_origin_input *in = malloc(((size_t)n + 1) * sizeof *in);
    uint8_t *direct = malloc((size_t)n + 1);
    /* each cluster's edges side by side, so per-cluster work stays local */
    size_t *eoff = calloc((size_t)g->ngroups + 2, sizeof *eoff);
    nd_edge *cedges = malloc((nedges + 1) * sizeof *cedges);
    if (!r->clusters || !count || !scratch || !in || !direct || !eoff || !cedges) goto fail;
    for (size_t e = 0; e < nedges; e++)
        if (in_cluster(g, &edges[e])) eoff[g->group[edges[e].a] + 2]++;
    for (uint32_t k = 0; k < g->ngroups; k++) eoff[k + 2] += eoff[k + 1];
    for (size_t e = 0; e < nedges; e++)
        if (in_cluster(g, &edges[e])) cedges[eoff[g->group[edges[e].a] + 1]++] = edges[e];
    r->nclusters = g->ngroups;
    for (uint32_t d = 0; d < n; d++)
        if (g->group[d] != UINT32_MAX) count[g->group[d]]++;
    for (uint32_t k = 0; k < g->ngroups; k++) {
        nd_cluster *cl = &r->clusters[k];
        cl->id = k + 1;
        cl->members = calloc(count[k], sizeof *cl->members);
        if (!cl->members) goto fail;
    }
    for (uint32_t d = 0; d < n; d++) {
        uint32_t k = g->group[d];
        if (k == UINT32_MAX) continue;
        nd_cluster *cl = &r->clusters[k];
        cl->members[cl->nmembers++].doc = d;
    }
    for (uint32_t k = 0; k < g->ngroups; k++) {
        nd_cluster *cl = &r->clusters[k];
        const nd_edge *ce = cedges + eoff[k];
        size_t nce = eoff[k + 1] - eoff[k];
        /* centrality: mean derived-edge similarity within the cluster */
        for (uint32_t i = 0; i < cl->nmembers; i++) {
            uint32_t d = cl->members[i].doc;
            float sum = 0;
            uint32_t cnt = 0;
            for (size_t e = 0; e < nce; e++)
                if (ce[e].a == d || ce[e].b == d) {
                    sum += ce[e].similarity;
                    cnt++;
                }
            in[i] = (nd_origin_input){ d, c->docs.v[d].published, &ev[d], cnt ? sum / (float)cnt : 0 };
        }
        char why[256];
        uint32_t o = nd_origin_choose(in, cl->nmembers, why, sizeof why);
        cl->origin = cl->members[o].doc;
        cl->origin_reason = strdup(why);
        if (!cl->origin_reason) goto fail;
        for (uint32_t i = 0; i < cl->nmembers; i++) {
            nd_member *m = &cl->members[i];
            if (m->doc == cl->origin) {
                m->relation = ND_ORIGIN;
                m->similarity = 1;
                continue;
            }
            nd_pair_score s;
            if (score(ctx, cl->origin, m->doc, &s)) goto fail;
            m->relation = s.relation;
            m->similarity = s.similarity;
            m->parent = s.derived;  /* parked here until the members are sorted */
        }
        qsort(cl->members, cl->nmembers, sizeof *cl->members, cmp_member);
        for (uint32_t i = 0; i < cl->nmembers; i++) direct[i] = (uint8_t)cl->members[i].parent;
        find_parents(cl->members, cl->nmembers, direct, ce, nce, scratch);
    }
    free(count);
    free(scratch);
    free(in);
    free(direct);
    free(eoff);
    free(cedges);
    return r;
fail:
    free(count);
    free(scratch);
    free(in);
    free(direct);
    free(eoff);
    free(cedges);
    nd_result_free(r);
    return NULL;
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

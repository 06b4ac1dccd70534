#include "cluster.h"

#include <stdlib.h>

#define CROSS_SAMPLE 6   /* members of each side checked before a merge */

typedef struct {
    uint32_t *parent, *size, *next;  /* union-find, plus a circular member list per root */
} dsu;

static uint32_t find(dsu *d, uint32_t x)
{
    while (d->parent[x] != x) {
        d->parent[x] = d->parent[d->parent[x]];
        x = d->parent[x];
    }
    return x;
}

static int cmp_edge(const void *x, const void *y)
{
    const nd_edge *a = x, *b = y;
    if (a->similarity != b->similarity) return a->similarity < b->similarity ? 1 : -1;
    if (a->a != b->a) return a->a < b->a ? -1 : 1;
    return (a->b > b->b) - (a->b < b->b);
}

/* Most sampled cross pairs must be on the same story (related or derived):
 * a document that lifts from two unrelated stories cannot bridge them.
 * Whether a member is derived from the cluster's origin is decided later,
 * when the origin is known (src/pipeline/result.c). */
static int may_merge(dsu *d, uint32_t ra, uint32_t rb, uint32_t ea, uint32_t eb, nd_same_story_fn same,
                     void *ctx)
{
    uint32_t x = ra, agree = 0, asked = 0;
    for (int i = 0; i < CROSS_SAMPLE; i++) {
        uint32_t y = rb;
        for (int j = 0; j < CROSS_SAMPLE; j++) {
            if (!(x == ea && y == eb) && !(x == eb && y == ea)) {
                int r = same(ctx, x, y);
                if (r < 0) return -1;
                agree += r != ND_STORY_NONE;
                asked++;
            }
            y = d->next[y];
            if (y == rb) break;
        }
        x = d->next[x];
        if (x == ra) break;
    }
    return 2 * agree >= asked;
}

int nd_cluster_build(uint32_t ndocs, nd_edge *edges, size_t nedges, nd_same_story_fn same, void *ctx,
                     nd_groups *out)
{
    dsu d;
    d.parent = malloc((size_t)ndocs * sizeof *d.parent);
    d.size = malloc((size_t)ndocs * sizeof *d.size);
    d.next = malloc((size_t)ndocs * sizeof *d.next);
    out->group = malloc(((size_t)ndocs + 1) * sizeof *out->group);
    out->ngroups = 0;
    int rc = -1;
    if (!d.parent || !d.size || !d.next || !out->group) goto done;
    for (uint32_t i = 0; i < ndocs; i++) {
        d.parent[i] = i;
        d.size[i] = 1;
        d.next[i] = i;
    }
    qsort(edges, nedges, sizeof *edges, cmp_edge);
    for (size_t e = 0; e < nedges; e++) {
        uint32_t ra = find(&d, edges[e].a), rb = find(&d, edges[e].b);
        if (ra == rb) continue;
        int ok = may_merge(&d, ra, rb, edges[e].a, edges[e].b, same, ctx);
        if (ok < 0) goto done;
        if (!ok) continue;
        if (d.size[ra] < d.size[rb]) {
            uint32_t t = ra;
            ra = rb;
            rb = t;
        }
        d.parent[rb] = ra;
        d.size[ra] += d.size[rb];
        uint32_t t = d.next[ra];  /* splice the two circular lists */
        d.next[ra] = d.next[rb];
        d.next[rb] = t;
    }
    /* number groups by their smallest member so numbering follows input order */
    uint32_t *root_group = d.next;  /* member lists are no longer needed */
    for (uint32_t i = 0; i < ndocs; i++) root_group[i] = UINT32_MAX;
    for (uint32_t i = 0; i < ndocs; i++) {
        uint32_t r = find(&d, i);
        if (d.size[r] < 2) {
            out->group[i] = UINT32_MAX;
            continue;
        }
        if (root_group[r] == UINT32_MAX) root_group[r] = out->ngroups++;
        out->group[i] = root_group[r];
    }
    rc = 0;
done:
    free(d.parent);
    free(d.size);
    free(d.next);
    if (rc) {
        free(out->group);
        out->group = NULL;
    }
    return rc;
}

void nd_groups_free(nd_groups *g)
{
    free(g->group);
    g->group = NULL;
    g->ngroups = 0;
}

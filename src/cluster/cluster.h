/* Grouping verified pairs into clusters without chaining unrelated stories. */
#ifndef ND_CLUSTER_H
#define ND_CLUSTER_H
#include <stddef.h>
#include <stdint.h>

typedef struct nd_edge {
    uint32_t a, b;
    float similarity;
} nd_edge;

/* How documents x and y relate: ND_STORY_NONE, ND_STORY_RELATED (same
 * story, written independently) or ND_STORY_DERIVED; -1 on failure.  The
 * clusterer asks before joining two groups. */
enum { ND_STORY_NONE = 0, ND_STORY_RELATED = 1, ND_STORY_DERIVED = 2 };
typedef int (*nd_same_story_fn)(void *ctx, uint32_t x, uint32_t y);

typedef struct nd_groups {
    uint32_t *group;      /* ndocs: group number, or UINT32_MAX for a singleton */
    uint32_t ngroups;
} nd_groups;

/* Joins documents along derived edges, strongest first.  Two groups merge
 * only when most sampled cross pairs are on the same story, so a document
 * that lifts from two unrelated stories cannot bridge them.  The groups are
 * components: which members derive from the origin is decided afterwards.  Groups are numbered
 * by their smallest document.  0, or -1 when out of memory (or the oracle failed). */
int nd_cluster_build(uint32_t ndocs, nd_edge *edges, size_t nedges, nd_same_story_fn same, void *ctx,
                     nd_groups *out);
void nd_groups_free(nd_groups *g);
#endif

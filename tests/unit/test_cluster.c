/* Clustering derived pairs without chaining unrelated stories. */
#include <stdint.h>

#include "check.h"
#include "cluster/cluster.h"

/* An oracle from a table: each document derives from a set of stories (a
 * bit mask); two documents count as derived when their sets meet.  It
 * records the pairs it was asked about. */
typedef struct oracle {
    const unsigned *story;
    int fail;               /* answer -1 (out of memory) */
    uint32_t asked[64][2];
    int nasked;
} oracle;

static int same_story(void *ctx, uint32_t x, uint32_t y)
{
    oracle *o = ctx;
    if (o->nasked < 64) {
        o->asked[o->nasked][0] = x;
        o->asked[o->nasked][1] = y;
        o->nasked++;
    }
    if (o->fail) return -1;
    return (o->story[x] & o->story[y]) ? ND_STORY_DERIVED : ND_STORY_NONE;
}

static void a_document_lifting_from_two_stories_does_not_bridge_them(void)
{
    /* A (0) and B (1) are unrelated; X (2) takes half of each */
    const unsigned story[] = { 1, 2, 1 | 2 };
    oracle o = { .story = story };
    nd_edge edges[] = { { 1, 2, 0.50f }, { 0, 2, 0.60f } };
    nd_groups g;
    CHECK_INT(nd_cluster_build(3, edges, 2, same_story, &o, &g), 0);
    CHECK_INT(g.ngroups, 1);
    /* X joins A along the stronger edge; B is kept out because B and A differ */
    CHECK_INT(g.group[0], 0);
    CHECK_INT(g.group[2], 0);
    CHECK_INT(g.group[1], UINT32_MAX);
    /* the pair an edge joins is not asked again: only the cross pair (A, B) was */
    CHECK_INT(o.nasked, 1);
    CHECK((o.asked[0][0] == 0 && o.asked[0][1] == 1) || (o.asked[0][0] == 1 && o.asked[0][1] == 0));
    nd_groups_free(&g);
    CHECK(g.group == NULL && g.ngroups == 0);
}

static void a_rewrite_of_a_rewrite_joins_when_most_of_the_group_agrees(void)
{
    /* origin 0 with rewrites 1 and 2; 3 rewrites 2 and drifted too far from 0 */
    const unsigned story[] = { 1, 1 | 2, 1 | 2, 2 };
    oracle o = { .story = story };
    nd_edge edges[] = { { 0, 1, 0.8f }, { 0, 2, 0.7f }, { 2, 3, 0.5f } };
    nd_groups g;
    CHECK_INT(nd_cluster_build(4, edges, 3, same_story, &o, &g), 0);
    CHECK_INT(g.ngroups, 1);
    for (int i = 0; i < 4; i++) CHECK_INT(g.group[i], 0);
    nd_groups_free(&g);
}

static void same_story_groups_merge_transitively(void)
{
    /* a chain of rewrites of one story: 0-1, 1-2, 2-3 */
    const unsigned story[] = { 4, 4, 4, 4, 8 };
    oracle o = { .story = story };
    nd_edge edges[] = { { 0, 1, 0.9f }, { 1, 2, 0.4f }, { 2, 3, 0.3f } };
    nd_groups g;
    CHECK_INT(nd_cluster_build(5, edges, 3, same_story, &o, &g), 0);
    CHECK_INT(g.ngroups, 1);
    for (int i = 0; i < 4; i++) CHECK_INT(g.group[i], 0);
    CHECK_INT(g.group[4], UINT32_MAX);
    nd_groups_free(&g);
}

static void groups_are_numbered_by_their_smallest_document(void)
{
    const unsigned story[] = { 1, 2, 4, 2, 8, 8 };
    oracle o = { .story = story };
    /* the stronger edge is between the later documents */
    nd_edge edges[] = { { 4, 5, 0.95f }, { 1, 3, 0.40f } };
    nd_groups g;
    CHECK_INT(nd_cluster_build(6, edges, 2, same_story, &o, &g), 0);
    CHECK_INT(g.ngroups, 2);
    CHECK_INT(g.group[1], 0);
    CHECK_INT(g.group[3], 0);
    CHECK_INT(g.group[4], 1);
    CHECK_INT(g.group[5], 1);
    CHECK_INT(g.group[0], UINT32_MAX);
    CHECK_INT(g.group[2], UINT32_MAX);
    nd_groups_free(&g);
}

static void two_real_stories_stay_apart_through_a_bridge(void)
{
    /* story 1: docs 0,1,2; story 2: docs 3,4,5; doc 6 is a roundup quoting both */
    const unsigned story[] = { 1, 1, 1, 2, 2, 2, 1 | 2 };
    oracle o = { .story = story };
    nd_edge edges[] = {
        { 0, 1, 0.9f }, { 1, 2, 0.8f }, { 0, 2, 0.8f },
        { 3, 4, 0.9f }, { 4, 5, 0.8f },
        { 2, 6, 0.35f }, { 5, 6, 0.30f },
    };
    nd_groups g;
    CHECK_INT(nd_cluster_build(7, edges, 7, same_story, &o, &g), 0);
    CHECK_INT(g.ngroups, 2);
    CHECK(g.group[0] == 0 && g.group[1] == 0 && g.group[2] == 0);
    CHECK(g.group[3] == 1 && g.group[4] == 1 && g.group[5] == 1);
    CHECK_INT(g.group[6], 0);  /* the roundup joins along its stronger edge, and no further */
    nd_groups_free(&g);
}

static void no_edges_no_groups(void)
{
    const unsigned story[] = { 1, 1, 1 };
    oracle o = { .story = story };
    nd_edge none[1];
    nd_groups g;
    CHECK_INT(nd_cluster_build(3, none, 0, same_story, &o, &g), 0);
    CHECK_INT(g.ngroups, 0);
    for (int i = 0; i < 3; i++) CHECK_INT(g.group[i], UINT32_MAX);
    CHECK_INT(o.nasked, 0);
    nd_groups_free(&g);
}

static void an_oracle_failure_fails_the_build(void)
{
    const unsigned story[] = { 1, 1, 1 };
    oracle o = { .story = story, .fail = 1 };
    nd_edge edges[] = { { 0, 1, 0.9f }, { 1, 2, 0.8f } };
    nd_groups g;
    CHECK_INT(nd_cluster_build(3, edges, 2, same_story, &o, &g), -1);
    CHECK(g.group == NULL);
    nd_groups_free(&g);
}

CHECK_MAIN("cluster",
    TEST(a_document_lifting_from_two_stories_does_not_bridge_them),
    TEST(a_rewrite_of_a_rewrite_joins_when_most_of_the_group_agrees),
    TEST(same_story_groups_merge_transitively),
    TEST(groups_are_numbered_by_their_smallest_document),
    TEST(two_real_stories_stay_apart_through_a_bridge),
    TEST(no_edges_no_groups),
    TEST(an_oracle_failure_fails_the_build))

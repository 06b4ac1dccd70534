/* The bump allocator: alignment, copies, oversized blocks, reuse after free. */
#include <stdint.h>

#include "check.h"
#include "util/arena.h"

static int aligned16(const void *p) { return ((uintptr_t)p & 15) == 0; }

static void zero_initialised_arena_allocates_aligned_memory(void)
{
    nd_arena a = { 0 };
    char *prev = NULL;
    for (size_t n = 1; n <= 100; n += 7) {
        char *p = nd_arena_alloc(&a, n);
        CHECK(p != NULL);
        CHECK(aligned16(p));
        memset(p, 0xAB, n);  /* ASan catches a short allocation */
        if (prev) CHECK(p != prev);
        prev = p;
    }
    nd_arena_free(&a);
    CHECK(a.head == NULL);
}

static void small_allocations_are_contiguous_in_a_block(void)
{
    nd_arena a;
    nd_arena_init(&a, 1024);
    char *p = nd_arena_alloc(&a, 10);
    char *q = nd_arena_alloc(&a, 16);
    char *r = nd_arena_alloc(&a, 1);
    CHECK_INT(q - p, 16);  /* 10 rounds up to 16 */
    CHECK_INT(r - q, 16);
    nd_arena_free(&a);
}

static void oversized_request_gets_its_own_block(void)
{
    nd_arena a;
    nd_arena_init(&a, 1024);
    char *p = nd_arena_alloc(&a, 32);
    char *big = nd_arena_alloc(&a, 5000);  /* over a quarter of the block */
    CHECK(big != NULL);
    CHECK(aligned16(big));
    memset(big, 1, 5000);
    /* the current block keeps serving small requests */
    char *q = nd_arena_alloc(&a, 32);
    CHECK_INT(q - p, 32);
    nd_arena_free(&a);
}

static void oversized_first_request_then_small_ones(void)
{
    nd_arena a;
    nd_arena_init(&a, 256);
    char *big = nd_arena_alloc(&a, 4000);
    CHECK(big != NULL);
    memset(big, 2, 4000);
    for (int i = 0; i < 100; i++) {
        char *p = nd_arena_alloc(&a, 24);
        CHECK(p != NULL);
        memset(p, 3, 24);
    }
    CHECK_INT((unsigned char)big[3999], 2);  /* later blocks did not overlap it */
    nd_arena_free(&a);
}

static void filling_many_blocks_keeps_earlier_data(void)
{
    nd_arena a;
    nd_arena_init(&a, 512);
    char *s[200];
    for (int i = 0; i < 200; i++) s[i] = nd_arena_printf(&a, "paragraph %d of the wire story", i);
    int ok = 1;
    for (int i = 0; i < 200; i++) {
        char want[64];
        snprintf(want, sizeof want, "paragraph %d of the wire story", i);
        if (!s[i] || strcmp(s[i], want)) ok = 0;
    }
    CHECK(ok);
    nd_arena_free(&a);
}

static void strdup_and_strndup_copy_and_terminate(void)
{
    nd_arena a = { 0 };
    const char *src = "Reuters reported the deal on Tuesday.";
    char *d = nd_arena_strdup(&a, src);
    CHECK_STR(d, src);
    CHECK(d != src);
    char *n = nd_arena_strndup(&a, src, 7);
    CHECK_STR(n, "Reuters");
    char *e = nd_arena_strndup(&a, "", 0);
    CHECK_STR(e, "");
    /* strndup copies exactly n bytes, even across a NUL */
    char *z = nd_arena_strndup(&a, "ab\0cd", 5);
    CHECK(z && memcmp(z, "ab\0cd", 6) == 0);
    nd_arena_free(&a);
}

static void printf_formats_short_and_long_strings(void)
{
    nd_arena a;
    nd_arena_init(&a, 256);
    CHECK_STR(nd_arena_printf(&a, "%s rose %d%%", "Shares", 4), "Shares rose 4%");
    char longer[3000];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = 0;
    char *p = nd_arena_printf(&a, "<%s>", longer);
    CHECK(p != NULL);
    CHECK_INT(strlen(p), 3001);
    CHECK(p && p[0] == '<' && p[3000] == '>');
    nd_arena_free(&a);
}

static void impossible_size_returns_null(void)
{
    nd_arena a = { 0 };
    CHECK(nd_arena_alloc(&a, SIZE_MAX) == NULL);
    CHECK(nd_arena_alloc(&a, SIZE_MAX - 8) == NULL);
    CHECK(nd_arena_alloc(&a, 8) != NULL);  /* still usable */
    nd_arena_free(&a);
}

static void usable_again_after_free(void)
{
    nd_arena a;
    nd_arena_init(&a, 128);
    CHECK(nd_arena_strdup(&a, "first life") != NULL);
    nd_arena_free(&a);
    CHECK_INT(a.block_size, 128);
    CHECK_STR(nd_arena_strdup(&a, "second life"), "second life");
    nd_arena_free(&a);
    nd_arena_free(&a);  /* freeing an empty arena is harmless */
}

CHECK_MAIN("arena",
    TEST(zero_initialised_arena_allocates_aligned_memory),
    TEST(small_allocations_are_contiguous_in_a_block),
    TEST(oversized_request_gets_its_own_block),
    TEST(oversized_first_request_then_small_ones),
    TEST(filling_many_blocks_keeps_earlier_data),
    TEST(strdup_and_strndup_copy_and_terminate),
    TEST(printf_formats_short_and_long_strings),
    TEST(impossible_size_returns_null),
    TEST(usable_again_after_free))

/* Sorting hashes and packed pairs: against qsort on the same data, across
 * the sizes where the code changes path (insertion sort, 8-bit and 16-bit
 * radix passes, passes skipped when a digit is constant), and the sort by
 * the top half that must keep equal tops in order. */
#include "check.h"
#include "util/sort.h"

#include <stdint.h>

static uint64_t rng = 88172645463325252ull;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static int cmp32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static int cmp64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static const size_t sizes[] = { 0, 1, 2, 47, 48, 1000, 300000 };
#define NSIZES (sizeof sizes / sizeof sizes[0])

static void u32_sorts_and_unique_drops_repeats(void)
{
    for (size_t s = 0; s < 2 * NSIZES; s++) {
        uint32_t n = (uint32_t)sizes[s % NSIZES];
        uint32_t *v = malloc((n + 1) * sizeof *v), *w = malloc((n + 1) * sizeof *w), *tmp = malloc((n + 1) * sizeof *tmp);
        for (uint32_t i = 0; i < n; i++)  /* many repeats, then hashes: every byte of the value varies */
            v[i] = w[i] = s < NSIZES ? (uint32_t)(next() % (n / 2 + 1)) : (uint32_t)(next() >> 32);
        nd_sort_u32(v, n, tmp);
        qsort(w, n, sizeof *w, cmp32);
        CHECK(n == 0 || memcmp(v, w, n * sizeof *v) == 0);
        uint32_t k = 0;
        for (uint32_t i = 0; i < n; i++)
            if (i == 0 || w[i] != w[i - 1]) w[k++] = w[i];
        CHECK_INT(nd_sort_unique_u32(v, n, tmp), k);
        CHECK(k == 0 || memcmp(v, w, k * sizeof *v) == 0);
        free(v);
        free(w);
        free(tmp);
    }
}

static void u64_sorts_wide_and_narrow_values(void)
{
    for (size_t s = 0; s < NSIZES; s++) {
        for (int narrow = 0; narrow < 2; narrow++) {
            size_t n = sizes[s];
            uint64_t *v = malloc((n + 1) * sizeof *v), *w = malloc((n + 1) * sizeof *w), *tmp = malloc((n + 1) * sizeof *tmp);
            /* narrow: packed pairs of small numbers, whose high bytes are all zero */
            for (size_t i = 0; i < n; i++) v[i] = w[i] = narrow ? (next() % 1000) << 32 | next() % 1000 : next();
            CHECK_INT(nd_sort_u64(v, n, tmp), 0);
            qsort(w, n, sizeof *w, cmp64);
            CHECK(n == 0 || memcmp(v, w, n * sizeof *v) == 0);
            free(v);
            free(w);
            free(tmp);
        }
    }
}

/* By the top half only, stable: the low halves keep their order among equal tops. */
static void u64_high_half_is_stable(void)
{
    for (size_t s = 0; s < NSIZES; s++) {
        size_t n = sizes[s];
        uint64_t *v = malloc((n + 1) * sizeof *v), *tmp = malloc((n + 1) * sizeof *tmp);
        for (size_t i = 0; i < n; i++) v[i] = (next() % 50) << 32 | (uint32_t)next();
        uint64_t *low = malloc((n + 1) * sizeof *low);
        for (size_t i = 0; i < n; i++) low[i] = v[i];
        nd_sort_u64_high(v, n, tmp);
        int sorted = 1, stable = 1;
        for (size_t i = 1; i < n; i++) {
            if (v[i - 1] >> 32 > v[i] >> 32) sorted = 0;
        }
        /* stability: within each top value the low halves appear in input order */
        for (uint64_t top = 0; top < 50 && n; top++) {
            size_t j = 0;
            for (size_t i = 0; i < n; i++) {
                if (low[i] >> 32 != top) continue;
                while (j < n && v[j] >> 32 != top) j++;
                if (j == n || v[j] != low[i]) stable = 0;
                j++;
            }
        }
        CHECK(sorted);
        CHECK(stable);
        free(v);
        free(low);
        free(tmp);
    }
}

/* The payload travels with its key, and equal keys keep their order. */
static void kv64_keeps_payloads_and_is_stable(void)
{
    for (size_t s = 0; s < NSIZES; s++) {
        size_t n = sizes[s];
        nd_kv64 *v = malloc((n + 1) * sizeof *v), *tmp = malloc((n + 1) * sizeof *tmp);
        for (size_t i = 0; i < n; i++) v[i] = (nd_kv64){ (next() % 64) << 40 | next() % 3, i };
        nd_sort_kv64(v, n, tmp);
        int sorted = 1, stable = 1;
        for (size_t i = 1; i < n; i++) {
            if (v[i - 1].key > v[i].key) sorted = 0;
            if (v[i - 1].key == v[i].key && v[i - 1].val > v[i].val) stable = 0;
        }
        CHECK(sorted);
        CHECK(stable);
        uint64_t sum = 0;
        for (size_t i = 0; i < n; i++) sum += v[i].val;
        CHECK_INT(sum, n ? (uint64_t)n * (n - 1) / 2 : 0);  /* every payload still there once */
        free(v);
        free(tmp);
    }
}

CHECK_MAIN("sort",
    TEST(u32_sorts_and_unique_drops_repeats),
    TEST(u64_sorts_wide_and_narrow_values),
    TEST(u64_high_half_is_stable),
    TEST(kv64_keeps_payloads_and_is_stable))

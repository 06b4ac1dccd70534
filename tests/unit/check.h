/* Minimal test harness: each test is a function; CHECK records a failure and
 * goes on; the binary prints one line per failure and a tally line that
 * tests/run.sh adds up. */
#ifndef ND_CHECK_H
#define ND_CHECK_H
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_failed_;
static const char *check_test_;

#define CHECK(cond) do { if (!(cond)) { check_failed_ = 1; \
    printf("FAIL %s: %s:%d: %s\n", check_test_, __FILE__, __LINE__, #cond); } } while (0)
#define CHECK_INT(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); if (a_ != b_) { \
    check_failed_ = 1; printf("FAIL %s: %s:%d: %s == %lld, expected %lld\n", check_test_, \
    __FILE__, __LINE__, #a, a_, b_); } } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); if (!a_ || !b_ || strcmp(a_, b_)) { \
    check_failed_ = 1; printf("FAIL %s: %s:%d: %s == \"%s\", expected \"%s\"\n", check_test_, \
    __FILE__, __LINE__, #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); } } while (0)
#define CHECK_NEAR(a, b, eps) do { double a_ = (a), b_ = (b); if (!(fabs(a_ - b_) <= (eps))) { \
    check_failed_ = 1; printf("FAIL %s: %s:%d: %s == %g, expected %g\n", check_test_, \
    __FILE__, __LINE__, #a, a_, b_); } } while (0)

/* Reads a whole file (a fixture, path relative to the repository root) into
 * a NUL-terminated malloc'd buffer; *len gets its length.  NULL when it
 * cannot be read. */
static inline char *check_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    if (s) s[n] = 0;
    fclose(f);
    *len = s ? (size_t)n : 0;
    return s;
}

/* span[0..1]: the byte range of text from the first `start` through the end
 * of the first `end` (both must occur), as a drift's span is given. */
static inline void check_span_of(const char *text, const char *start, const char *end, uint32_t span[2])
{
    const char *s = strstr(text, start), *e = strstr(text, end);
    span[0] = (uint32_t)(s - text);
    span[1] = (uint32_t)(e - text + (ptrdiff_t)strlen(end));
}

typedef void (*check_fn)(void);
typedef struct { const char *name; check_fn fn; } check_case;
#define TEST(name) { #name, name }

static int check_run(const char *suite, const check_case *cases, size_t n)
{
    int passed = 0, failed = 0;
    for (size_t i = 0; i < n; i++) {
        check_failed_ = 0;
        check_test_ = cases[i].name;
        cases[i].fn();
        if (check_failed_) failed++;
        else passed++;
    }
    printf("# %s: %d passed, %d failed\n", suite, passed, failed);
    return failed ? 1 : 0;
}
#define CHECK_MAIN(suite, ...) int main(void) { static const check_case c_[] = { __VA_ARGS__ }; \
    return check_run(suite, c_, sizeof c_ / sizeof c_[0]); }
#endif

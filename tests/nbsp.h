/* For the tokeniser's unit test and fuzz harness: text[0..n) with every
 * ASCII space made a no-break space (U+00A0), NUL-terminated in a malloc'd
 * buffer of *m bytes (NULL when out of memory).  No word ends at an ASCII
 * byte there, so the tokeniser's general path must give the tokens its
 * ASCII fast path gives. */
#ifndef ND_TEST_NBSP_H
#define ND_TEST_NBSP_H
#include <stdlib.h>

static inline char *with_nbsp(const char *text, size_t n, size_t *m)
{
    char *out = malloc(2 * n + 1);
    if (!out) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (text[i] == ' ') {
            out[k++] = '\xc2';
            out[k++] = '\xa0';
        } else {
            out[k++] = text[i];
        }
    }
    out[k] = 0;
    *m = k;
    return out;
}
#endif

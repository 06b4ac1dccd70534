#include "words.h"

#include <string.h>

int nd_word_is_n(const char *s, size_t n, const char *lower, size_t ln)
{
    if (ln != n) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c | 32);
        if (c != lower[i]) return 0;
    }
    return 1;
}

int nd_word_is(const char *s, size_t n, const char *lower)
{
    return nd_word_is_n(s, n, lower, strlen(lower));
}

int nd_word_in(const char *const *list, size_t nlist, const char *s, size_t n)
{
    for (size_t i = 0; i < nlist; i++)
        if (nd_word_is(s, n, list[i])) return 1;
    return 0;
}

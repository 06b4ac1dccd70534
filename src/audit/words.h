/* Matching a word of the text against the audit's word lists. */
#ifndef ND_WORDS_H
#define ND_WORDS_H
#include <stddef.h>

/* 1 when s[0..n) equals lower[0..ln) ignoring ASCII case (lower need not end there). */
int nd_word_is_n(const char *s, size_t n, const char *lower, size_t ln);
/* 1 when s[0..n) equals the string `lower` ignoring ASCII case. */
int nd_word_is(const char *s, size_t n, const char *lower);
/* 1 when s[0..n) is one of list[0..nlist) (lower case), ignoring ASCII case. */
int nd_word_in(const char *const *list, size_t nlist, const char *s, size_t n);
#endif

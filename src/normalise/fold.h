/* Folding text so that case, accents, curly/straight quotes, dashes and
 * full-width forms compare alike. */
#ifndef ND_FOLD_H
#define ND_FOLD_H
#include <stddef.h>

/* Writes the folded form of s[0..n) (valid UTF-8) to out (at most cap bytes,
 * not NUL-terminated) and returns its length; words longer than cap are cut
 * at a character boundary. */
size_t nd_fold(const char *s, size_t n, char *out, size_t cap);

/* Decodes one UTF-8 code point at s (n > 0 bytes, valid UTF-8); sets *len. */
int nd_utf8_next(const char *s, size_t n, size_t *len);

/* Character classes the tokeniser needs, by code point (utf8proc categories). */
int nd_is_letter(int cp);
int nd_is_digit(int cp);
int nd_is_upper(int cp);
/* Quotation marks of any script: " “ ” „ « » ‘ ’ (’ only where it is not an apostrophe is the caller's call). */
int nd_is_quote(int cp);
#endif

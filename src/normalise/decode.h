/* Turning raw bytes into text we can trust: UTF-8, or Windows-1252 converted. */
#ifndef ND_DECODE_H
#define ND_DECODE_H
#include <stddef.h>

#include "../util/arena.h"

typedef enum nd_decode_result {
    ND_DECODE_UTF8 = 0,   /* input was valid UTF-8 (a BOM is dropped) */
    ND_DECODE_CP1252,     /* input was not UTF-8; converted from Windows-1252 */
    ND_DECODE_BINARY      /* NUL bytes or control characters: not text */
} nd_decode_result;

/* Decodes in[0..n) into a NUL-terminated UTF-8 copy in the arena (*out, *outn);
 * *out is NULL when out of memory (or for binary input). */
nd_decode_result nd_decode(nd_arena *a, const char *in, size_t n, char **out, size_t *outn);

/* Length of the longest valid UTF-8 prefix of s[0..n). */
size_t nd_utf8_valid_prefix(const unsigned char *s, size_t n);
#endif

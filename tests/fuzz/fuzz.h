/* What the harnesses share: fuzz bytes turned into the text the library's
 * internal stages accept, and a check that aborts so libFuzzer keeps the input. */
#ifndef ND_FUZZ_H
#define ND_FUZZ_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalise/decode.h"

/* Harnesses keep one tokeniser or attribution context a process, as a
 * scanning thread does, and let the library reuse buffers across inputs as
 * it does across documents. */

/* A broken invariant is a finding: abort so libFuzzer saves the input. */
#define FUZZ_CHECK(cond)                                                              \
    do {                                                                              \
        if (!(cond)) {                                                                \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                  \
        }                                                                             \
    } while (0)

/* Decodes data as the read stage does and returns a malloc'd copy of exactly
 * *n bytes (no NUL), so ASan sees any read past the end; NULL for binary
 * input.  The caller frees it. */
static inline char *fuzz_text(const uint8_t *data, size_t size, size_t *n)
{
    nd_arena a = { 0 };
    char *dec;
    size_t len;
    char *text = NULL;
    if (nd_decode(&a, (const char *)data, size, &dec, &len) != ND_DECODE_BINARY && dec) {
        text = malloc(len ? len : 1);
        if (text) memcpy(text, dec, len);
        *n = len;
    }
    nd_arena_free(&a);
    return text;
}
#endif

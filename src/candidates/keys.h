/* Candidate keys: a content-defined sample of a document's features, so two
 * documents that share enough of them are worth verifying. */
#ifndef ND_KEYS_H
#define ND_KEYS_H
#include <stdint.h>

#include "../fingerprint/features.h"

/* Appends the document's keys to *keys (realloc'd; *n and *cap updated).
 * Keys are unique per document.  0, or -1 when out of memory. */
int nd_keys_build(const nd_features *f, uint32_t **keys, uint32_t *n, uint32_t *cap);
#endif

/* Candidate keys: a content-defined sample of a document's features, so two
 * documents that share enough of them are worth verifying. */
#ifndef ND_KEYS_H
#define ND_KEYS_H
#include <stddef.h>
#include <stdint.h>

#include "../fingerprint/features.h"
#include "index.h"

/* Appends the document's keys to *keys (realloc'd; *n and *cap updated).
 * Keys are unique per document.  0, or -1 when out of memory. */
int nd_keys_build(const nd_features *f, uint32_t **keys, uint32_t *n, uint32_t *cap);

/* The document's similarity sketch, from its keys (keys[0..n), as
 * nd_keys_build gives them): out[s] is the least of the keys under the s-th
 * of ND_SKETCH_SLOTS fixed hash functions (MinHash; UINT32_MAX when n is 0),
 * so two documents agree in a slot with about the probability that a key of
 * either is a key of both.  The same keys give the same sketch on any
 * machine, in any order. */
void nd_keys_sketch(const uint32_t *keys, size_t n, uint32_t out[ND_SKETCH_SLOTS]);
#endif

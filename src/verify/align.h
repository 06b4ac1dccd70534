/* Order-preserving sentence alignment: which sentence of one document
 * restates which sentence of another. */
#ifndef ND_ALIGN_H
#define ND_ALIGN_H
#include <stdint.h>

#include "../fingerprint/docfreq.h"
#include "../fingerprint/features.h"

typedef struct nd_sent_pair {
    uint32_t a, b;   /* sentence indices in nd_tokens of each document */
    float sim;       /* content-word overlap of the two sentences, 0..1 */
} nd_sent_pair;

typedef struct nd_alignment {
    nd_sent_pair *pairs;   /* in increasing order of a and of b */
    uint32_t npairs, cap;
    float coverage;        /* sum of sim over pairs / content sentences of the shorter document */
} nd_alignment;

/* Aligns a to b, reusing out's buffer.  0, or -1 when out of memory. */
int nd_align(const nd_features *a, const nd_features *b, nd_alignment *out);
/* The same, with words also weighted by how few documents of the corpus use
 * them (df NULL: as nd_align). */
int nd_align_weighted(const nd_features *a, const nd_features *b, const nd_docfreq *df, nd_alignment *out);
void nd_alignment_free(nd_alignment *al);
#endif

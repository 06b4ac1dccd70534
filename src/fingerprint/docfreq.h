/* How many documents of the corpus use each word and each word pair.
 * Phrasing that many documents share (a wire service's templates, a
 * section's stock sentences) says nothing about who copied whom. */
#ifndef ND_DOCFREQ_H
#define ND_DOCFREQ_H
#include <stdint.h>

#include "features.h"

typedef struct nd_docfreq {
    uint32_t *words;     /* counters indexed by hash: collisions only overcount */
    uint32_t *bigrams;
    uint32_t mask;
    uint32_t ndocs;
    float *table;        /* weight by count, for small counts, then log(count + 0.5): built by nd_docfreq_finish */
    float *frozen;       /* each counter's weight, words then bigrams: built by nd_docfreq_freeze, else NULL */
} nd_docfreq;

/* 2^bits counters per table.  0, or -1 when out of memory. */
int nd_docfreq_init(nd_docfreq *df, unsigned bits);
void nd_docfreq_free(nd_docfreq *df);

/* Counts one document's vocabulary and bigrams (each once); safe to call
 * from several threads at once. */
void nd_docfreq_add(nd_docfreq *df, const nd_features *f);

/* Fixes the weights once every document is counted (a lookup table, since
 * weighing is in the verify stage's inner loop).  0, or -1 when out of memory. */
int nd_docfreq_finish(nd_docfreq *df);

/* nd_docfreq_finish for counts that are final (a scan), then weighs every
 * counter once, so a lookup reads one float where a count past the finish
 * table costs two logarithms (most counts, a million documents in).  The
 * ingest index, whose counts change with each document, only finishes.  A
 * later finish drops the weights.  0, or -1 when out of memory. */
int nd_docfreq_freeze(nd_docfreq *df);

/* Weight of a word or bigram in (0, 1]: 1 for one used by a single
 * document, near 0 for one every document uses.  df NULL: 1. */
float nd_docfreq_word(const nd_docfreq *df, uint32_t h);
float nd_docfreq_bigram(const nd_docfreq *df, uint32_t h);
#endif

/* For the compact form's unit test and fuzz harness: whether two feature
 * sets hold the same sentences, words, vocabulary, bigrams and shingles,
 * value for value (what an exact round trip must give back). */
#ifndef ND_TEST_SAME_FEATURES_H
#define ND_TEST_SAME_FEATURES_H
#include <string.h>

#include "fingerprint/features.h"

static inline int same_values(const uint32_t *a, const uint32_t *b, uint32_t n)
{
    return n == 0 || !memcmp(a, b, (size_t)n * sizeof *a);
}

static inline int same_features(const nd_features *a, const nd_features *b)
{
    return a->nsent == b->nsent && a->nvocab == b->nvocab && a->nbigrams == b->nbigrams &&
           a->nshingles == b->nshingles && same_values(a->sent_off, b->sent_off, a->nsent + 1) &&
           same_values(a->sent_index, b->sent_index, a->nsent) &&
           same_values(a->words, b->words, a->sent_off[a->nsent]) && same_values(a->vocab, b->vocab, a->nvocab) &&
           same_values(a->bigrams, b->bigrams, a->nbigrams) && same_values(a->shingles, b->shingles, a->nshingles);
}
#endif

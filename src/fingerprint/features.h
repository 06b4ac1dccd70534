/* What a document is compared by: sets of hashes built from its tokens. */
#ifndef ND_FEATURES_H
#define ND_FEATURES_H
#include <stdint.h>

#include "../tokenise/tokenise.h"

typedef struct nd_features {
    /* Content sentences only (boilerplate and very short ones are left out). */
    uint32_t nsent;
    uint32_t *sent_index;   /* nsent: index of the sentence in nd_tokens */
    uint32_t *sent_off;     /* nsent + 1: words of sentence i are words[sent_off[i] .. sent_off[i+1]) */
    uint32_t *words;        /* content-word stem hashes, sorted and unique per sentence */
    uint32_t *bigrams;      /* sorted unique hashes of adjacent stem pairs (not both stop words) */
    uint32_t nbigrams;
    uint32_t *shingles;     /* sorted unique hashes of 5-word shingles */
    uint32_t nshingles;
    uint32_t *vocab;        /* sorted unique content stems of the whole document */
    uint32_t nvocab;
    uint32_t cap_words, cap_sent, cap_bigrams, cap_shingles, cap_vocab;
} nd_features;

/* Builds f from t, reusing f's buffers.  0, or -1 when out of memory. */
int nd_features_build(const nd_tokens *t, nd_features *f);

/* Tokenises text[0..n) into t and builds f from it: what every stage that
 * compares a document does first.  0, or -1 when out of memory. */
int nd_features_of_text(nd_tokeniser *tk, const char *text, size_t n, uint32_t max_sentences, nd_tokens *t,
                        nd_features *f);
/* As nd_features_of_text, but bigrams and shingles are left as made
 * (unsorted, repeats kept) and the vocabulary empty: all that
 * nd_compact_project and nd_keys_build need, without three sorts. */
int nd_features_of_text_unsorted(nd_tokeniser *tk, const char *text, size_t n, uint32_t max_sentences,
                                 nd_tokens *t, nd_features *f);
void nd_features_free(nd_features *f);

/* |a ∩ b| of two sorted unique arrays. */
uint32_t nd_sorted_intersect(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb);
#endif

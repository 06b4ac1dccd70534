#include "docfreq.h"

#include <math.h>
#include <stdlib.h>

int nd_docfreq_init(nd_docfreq *df, unsigned bits)
{
    size_t n = (size_t)1 << bits;
    df->words = calloc(n, sizeof *df->words);
    df->bigrams = calloc(n, sizeof *df->bigrams);
    df->mask = (uint32_t)(n - 1);
    df->ndocs = 0;
    if (!df->words || !df->bigrams) {
        nd_docfreq_free(df);
        return -1;
    }
    return 0;
}

void nd_docfreq_free(nd_docfreq *df)
{
    free(df->words);
    free(df->bigrams);
    df->words = df->bigrams = NULL;
}

void nd_docfreq_add(nd_docfreq *df, const nd_features *f)
{
    for (uint32_t i = 0; i < f->nvocab; i++) df->words[f->vocab[i] & df->mask]++;
    for (uint32_t i = 0; i < f->nbigrams; i++) df->bigrams[f->bigrams[i] & df->mask]++;
    df->ndocs++;
}

/* Pseudo-documents that use no word: a small corpus says little about how
 * common a word is in news, so its weights stay near 1. */
#define PRIOR_DOCS 5000.0f

/* IDF scaled to (0, 1]: log((N+P)/(n+0.5)) / log((N+P)/1.5). */
static float weight(uint32_t n, uint32_t ndocs)
{
    float all = (float)ndocs + PRIOR_DOCS;
    float w = logf(all / ((float)n + 0.5f)) / logf(all / 1.5f);
    return w < 0.02f ? 0.02f : w > 1.0f ? 1.0f : w;
}

float nd_docfreq_word(const nd_docfreq *df, uint32_t h)
{
    return df ? weight(df->words[h & df->mask], df->ndocs) : 1.0f;
}

float nd_docfreq_bigram(const nd_docfreq *df, uint32_t h)
{
    return df ? weight(df->bigrams[h & df->mask], df->ndocs) : 1.0f;
}

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
    df->table = NULL;
    df->frozen = NULL;
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
    free(df->table);
    free(df->frozen);
    df->words = df->bigrams = NULL;
    df->table = df->frozen = NULL;
}

/* Atomic: fingerprinting threads count into one table; sums do not depend on order. */
void nd_docfreq_add(nd_docfreq *df, const nd_features *f)
{
    for (uint32_t i = 0; i < f->nvocab; i++) __atomic_fetch_add(&df->words[f->vocab[i] & df->mask], 1, __ATOMIC_RELAXED);
    for (uint32_t i = 0; i < f->nbigrams; i++)
        __atomic_fetch_add(&df->bigrams[f->bigrams[i] & df->mask], 1, __ATOMIC_RELAXED);
    __atomic_fetch_add(&df->ndocs, 1, __ATOMIC_RELAXED);
}

/* Pseudo-documents that use no word: a small corpus says little about how
 * common a word is in news, so its weights stay near 1. */
#define PRIOR_DOCS 5000.0f

#define TABLE 4096  /* counts below this are looked up */

/* IDF scaled to (0, 1]: log((N+P)/(n+0.5)) / log((N+P)/1.5), as a difference
 * of logs so that the table's log(n+0.5) terms, which do not depend on N,
 * are computed once: the ingest index finishes after every added document. */
static float weight_from(float log_all, float log_count)
{
    float w = (log_all - log_count) / (log_all - logf(1.5f));
    return w < 0.02f ? 0.02f : w > 1.0f ? 1.0f : w;
}

static float weight(uint32_t n, uint32_t ndocs)
{
    return weight_from(logf((float)ndocs + PRIOR_DOCS), logf((float)n + 0.5f));
}

int nd_docfreq_finish(nd_docfreq *df)
{
    free(df->frozen);
    df->frozen = NULL;
    if (!df->table) {
        df->table = malloc(2 * TABLE * sizeof *df->table);
        if (!df->table) return -1;
        for (uint32_t n = 0; n < TABLE; n++) df->table[TABLE + n] = logf((float)n + 0.5f);
    }
    float log_all = logf((float)df->ndocs + PRIOR_DOCS);
    for (uint32_t n = 0; n < TABLE; n++) df->table[n] = weight_from(log_all, df->table[TABLE + n]);
    return 0;
}

static float weight_of(const nd_docfreq *df, uint32_t n)
{
    return n < TABLE && df->table ? df->table[n] : weight(n, df->ndocs);
}

int nd_docfreq_freeze(nd_docfreq *df)
{
    size_t n = (size_t)df->mask + 1;
    float *w = nd_docfreq_finish(df) ? NULL : malloc(2 * n * sizeof *w);
    if (!w) return -1;
    for (size_t i = 0; i < n; i++) {
        w[i] = weight_of(df, df->words[i]);
        w[n + i] = weight_of(df, df->bigrams[i]);
    }
    df->frozen = w;  /* the finish dropped the old ones */
    return 0;
}

float nd_docfreq_word(const nd_docfreq *df, uint32_t h)
{
    if (!df) return 1.0f;
    return df->frozen ? df->frozen[h & df->mask] : weight_of(df, df->words[h & df->mask]);
}

float nd_docfreq_bigram(const nd_docfreq *df, uint32_t h)
{
    if (!df) return 1.0f;
    return df->frozen ? df->frozen[(size_t)df->mask + 1 + (h & df->mask)] : weight_of(df, df->bigrams[h & df->mask]);
}

/* Document frequencies: counting each word once a document, the IDF weight
 * and its clamps, the looked-up table against the formula, and a table that
 * follows the corpus as documents are added (the ingest index finishes after
 * every one). */
#include "check.h"
#include "fingerprint/docfreq.h"
#include "fingerprint/features.h"

#include <math.h>

/* log((N+P)/(n+0.5)) / log((N+P)/1.5), P = 5,000 pseudo-documents, clamped. */
static double expected(double n, double ndocs)
{
    double all = ndocs + 5000.0, w = log(all / (n + 0.5)) / log(all / 1.5);
    return w < 0.02 ? 0.02 : w > 1.0 ? 1.0 : w;
}

/* A document whose vocabulary is the given hashes and whose bigrams are their doubles. */
static void add_doc(nd_docfreq *df, uint32_t *v, uint32_t n)
{
    uint32_t big[8];
    for (uint32_t i = 0; i < n; i++) big[i] = 2 * v[i];
    nd_features f = { .vocab = v, .nvocab = n, .bigrams = big, .nbigrams = n };
    nd_docfreq_add(df, &f);
}

static void counts_documents_not_occurrences(void)
{
    nd_docfreq df;
    CHECK_INT(nd_docfreq_init(&df, 16), 0);
    uint32_t a[] = { 7, 9 }, b[] = { 7, 0x10007 };  /* 0x10007 folds onto 7 in 16 bits */
    add_doc(&df, a, 2);
    add_doc(&df, b, 2);
    CHECK_INT(df.ndocs, 2);
    CHECK_INT(df.words[7], 3);  /* a collision overcounts, never undercounts */
    CHECK_INT(df.words[9], 1);
    CHECK_INT(df.bigrams[14], 3);
    CHECK_INT(df.bigrams[18], 1);
    CHECK_INT(df.words[8], 0);
    nd_docfreq_free(&df);
}

static void weights_follow_the_formula_in_and_past_the_table(void)
{
    nd_docfreq df;
    CHECK_INT(nd_docfreq_init(&df, 16), 0);
    df.ndocs = 200000;
    df.words[1] = 1;
    df.words[2] = 40;
    df.words[3] = 4095;    /* the table's last count */
    df.words[4] = 4096;    /* the first count past it: the formula */
    df.words[5] = 200000;  /* every document: clamped to the floor */
    df.bigrams[6] = 17;
    /* unfinished: every count by the formula */
    CHECK_NEAR(nd_docfreq_word(&df, 2), expected(40, 200000), 1e-6);
    CHECK_INT(nd_docfreq_finish(&df), 0);
    CHECK_NEAR(nd_docfreq_word(&df, 0), 1.0, 0);  /* unused: the ceiling */
    CHECK_NEAR(nd_docfreq_word(&df, 1), expected(1, 200000), 1e-6);
    CHECK_NEAR(nd_docfreq_word(&df, 2), expected(40, 200000), 1e-6);
    CHECK_NEAR(nd_docfreq_word(&df, 3), expected(4095, 200000), 1e-6);
    CHECK_NEAR(nd_docfreq_word(&df, 4), expected(4096, 200000), 1e-6);
    CHECK(nd_docfreq_word(&df, 3) > nd_docfreq_word(&df, 4));
    CHECK_NEAR(nd_docfreq_word(&df, 5), 0.02, 1e-7);
    CHECK_NEAR(nd_docfreq_bigram(&df, 6), expected(17, 200000), 1e-6);
    CHECK_NEAR(nd_docfreq_word(&df, 0x10002), nd_docfreq_word(&df, 2), 0);  /* hashes fold to 16 bits */
    CHECK_NEAR(nd_docfreq_word(NULL, 2), 1.0, 0);
    nd_docfreq_free(&df);
}

static void refinishing_follows_the_growing_corpus(void)
{
    nd_docfreq df;
    CHECK_INT(nd_docfreq_init(&df, 16), 0);
    df.words[2] = 300;
    for (uint32_t n = 1000; n <= 1000000; n *= 10) {
        df.ndocs = n;
        CHECK_INT(nd_docfreq_finish(&df), 0);
        CHECK_NEAR(nd_docfreq_word(&df, 2), expected(300, n), 1e-6);
    }
    /* the same count weighs more in a larger corpus */
    float big = nd_docfreq_word(&df, 2);
    df.ndocs = 1000;
    CHECK_INT(nd_docfreq_finish(&df), 0);
    CHECK(nd_docfreq_word(&df, 2) < big);
    nd_docfreq_free(&df);
}

static void frozen_weights_are_the_looked_up_ones(void)
{
    nd_docfreq df;
    CHECK_INT(nd_docfreq_init(&df, 16), 0);
    df.ndocs = 200000;
    uint32_t counts[] = { 0, 1, 40, 4095, 4096, 70000, 200000 };
    for (uint32_t i = 0; i < 7; i++) {
        df.words[100 + i] = counts[i];
        df.bigrams[200 + i] = counts[6 - i];
    }
    CHECK_INT(nd_docfreq_finish(&df), 0);
    float word[7], bigram[7];
    for (uint32_t i = 0; i < 7; i++) {
        word[i] = nd_docfreq_word(&df, 100 + i);
        bigram[i] = nd_docfreq_bigram(&df, 200 + i);
    }
    CHECK_INT(nd_docfreq_freeze(&df), 0);
    CHECK(df.frozen != NULL);
    for (uint32_t i = 0; i < 7; i++) {  /* bit for bit: the scan's scores must not move */
        CHECK(nd_docfreq_word(&df, 0x30000 + 100 + i) == word[i]);
        CHECK(nd_docfreq_bigram(&df, 200 + i) == bigram[i]);
    }
    CHECK_NEAR(nd_docfreq_word(&df, 5), 1.0, 0);  /* an unused counter */
    /* counts that change need a new finish, which drops the frozen weights */
    df.words[102] = 4000;
    df.ndocs = 300000;
    CHECK_INT(nd_docfreq_finish(&df), 0);
    CHECK(df.frozen == NULL);
    CHECK_NEAR(nd_docfreq_word(&df, 102), expected(4000, 300000), 1e-6);
    nd_docfreq_free(&df);
}

CHECK_MAIN("docfreq",
    TEST(counts_documents_not_occurrences),
    TEST(weights_follow_the_formula_in_and_past_the_table),
    TEST(refinishing_follows_the_growing_corpus),
    TEST(frozen_weights_are_the_looked_up_ones))

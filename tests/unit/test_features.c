/* Features: content sentences, per-sentence words, bigrams, shingles, vocabulary. */
#include <stdlib.h>

#include "check.h"
#include "fingerprint/features.h"
#include "util/sort.h"

static const char *story =
    "Skip to content\n"
    "Harbour council approves tram extension\n"
    "The Castlemere council approved a 240 million pound tram extension on Tuesday, ending two years "
    "of argument over the route. Work on the eastern line will start in March and finish by 2028. "
    "He agreed. Councillor Amina Patel said the line would cut journey times for 30,000 commuters. "
    "Opponents warned that local shops along Dock Road would lose trade during construction.\n"
    "Share this article\n";

/* Tokenises and builds features into the caller's structs. */
static void build(nd_tokeniser *tk, const char *text, nd_tokens *t, nd_features *f)
{
    CHECK_INT(nd_tokenise(tk, text, strlen(text), 5000, t), 0);
    CHECK_INT(nd_features_build(t, f), 0);
}

static int strictly_increasing(const uint32_t *v, uint32_t n)
{
    for (uint32_t i = 1; i < n; i++)
        if (v[i - 1] >= v[i]) return 0;
    return 1;
}

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* Sorted unique stems of the non-stop tokens of sentence s, computed from the tokens. */
static uint32_t expected_words(const nd_tokens *t, uint32_t s, uint32_t *out)
{
    uint32_t n = 0;
    for (uint32_t i = t->sent[s].tok; i < t->sent[s].tok + t->sent[s].ntok; i++)
        if (!(t->tok[i].flags & ND_TOK_STOP)) out[n++] = t->tok[i].stem;
    qsort(out, n, sizeof *out, cmp_u32);
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++)
        if (k == 0 || out[i] != out[k - 1]) out[k++] = out[i];
    return k;
}

static int same_array(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb)
{
    return na == nb && (na == 0 || memcmp(a, b, na * sizeof *a) == 0);
}

static void short_and_boilerplate_sentences_are_not_content(void)
{
    nd_tokeniser *tk = nd_tokeniser_new();
    nd_tokens t = { 0 };
    nd_features f = { 0 };
    build(tk, story, &t, &f);
    /* sentences: skip to content, headline (both furniture), council, work,
     * "He agreed.", Patel, opponents, share this article (furniture) */
    CHECK_INT(t.nsent, 8);
    CHECK_INT(f.nsent, 4);
    CHECK_INT(f.sent_index[0], 2);
    CHECK_INT(f.sent_index[1], 3);
    CHECK_INT(f.sent_index[2], 5);  /* "He agreed." (one content word) is left out */
    CHECK_INT(f.sent_index[3], 6);
    /* exactly three content words is enough; two is not */
    build(tk, "Shares fell sharply. Shares fell.", &t, &f);
    CHECK_INT(f.nsent, 1);
    CHECK_INT(f.sent_index[0], 0);
    CHECK_INT(f.sent_off[1] - f.sent_off[0], 3);
    /* repeated words count once */
    build(tk, "Chips, chips and more chips.", &t, &f);
    CHECK_INT(f.nsent, 0);
    nd_features_free(&f);
    nd_tokens_free(&t);
    nd_tokeniser_free(tk);
}

static void sentence_words_are_the_sorted_unique_content_stems(void)
{
    nd_tokeniser *tk = nd_tokeniser_new();
    nd_tokens t = { 0 };
    nd_features f = { 0 };
    build(tk, story, &t, &f);
    uint32_t want[256];
    CHECK_INT(f.sent_off[0], 0);
    for (uint32_t s = 0; s < f.nsent; s++) {
        const uint32_t *w = f.words + f.sent_off[s];
        uint32_t nw = f.sent_off[s + 1] - f.sent_off[s];
        uint32_t n = expected_words(&t, f.sent_index[s], want);
        CHECK(same_array(w, nw, want, n));
    }
    /* vocabulary: the union of the content sentences' words */
    uint32_t all[512], n = 0;
    for (uint32_t s = 0; s < f.nsent; s++) n += expected_words(&t, f.sent_index[s], all + n);
    qsort(all, n, sizeof *all, cmp_u32);
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++)
        if (k == 0 || all[i] != all[k - 1]) all[k++] = all[i];
    CHECK(same_array(f.vocab, f.nvocab, all, k));
    CHECK(strictly_increasing(f.bigrams, f.nbigrams));
    CHECK(strictly_increasing(f.shingles, f.nshingles));
    CHECK(f.nbigrams > 0 && f.nshingles > 0);
    nd_features_free(&f);
    nd_tokens_free(&t);
    nd_tokeniser_free(tk);
}

static void furniture_does_not_change_the_features(void)
{
    const char *bare =
        "The Castlemere council approved a 240 million pound tram extension on Tuesday, ending two years "
        "of argument over the route. Work on the eastern line will start in March and finish by 2028.\n";
    const char *dressed =
        "Sign up for our newsletter\n"
        "The Castlemere council approved a 240 million pound tram extension on Tuesday, ending two years "
        "of argument over the route. Work on the eastern line will start in March and finish by 2028.\n"
        "\xc2\xa9 2025 Harbour Media Group\n"
        "Most Popular\n";
    nd_tokeniser *tk = nd_tokeniser_new();
    nd_tokens ta = { 0 }, tb = { 0 };
    nd_features fa = { 0 }, fb = { 0 };
    build(tk, bare, &ta, &fa);
    build(tk, dressed, &tb, &fb);
    CHECK_INT(fa.nsent, 2);
    CHECK_INT(fb.nsent, 2);
    CHECK(same_array(fa.shingles, fa.nshingles, fb.shingles, fb.nshingles));
    CHECK(same_array(fa.bigrams, fa.nbigrams, fb.bigrams, fb.nbigrams));
    CHECK(same_array(fa.vocab, fa.nvocab, fb.vocab, fb.nvocab));
    nd_features_free(&fa);
    nd_features_free(&fb);
    nd_tokens_free(&ta);
    nd_tokens_free(&tb);
    nd_tokeniser_free(tk);
}

static void shingles_see_word_order_and_case_does_not_matter(void)
{
    nd_tokeniser *tk = nd_tokeniser_new();
    nd_tokens t = { 0 };
    nd_features a = { 0 }, b = { 0 }, c = { 0 };
    build(tk, "The council approved the tram extension on Tuesday after a long debate.", &t, &a);
    build(tk, "THE COUNCIL APPROVED THE TRAM EXTENSION ON TUESDAY AFTER A LONG DEBATE.", &t, &b);
    build(tk, "After a long debate on Tuesday the council approved the tram extension.", &t, &c);
    /* 12 words: 8 five-word windows */
    CHECK_INT(a.nshingles, 8);
    CHECK(same_array(a.shingles, a.nshingles, b.shingles, b.nshingles));
    CHECK(same_array(a.vocab, a.nvocab, c.vocab, c.nvocab));  /* same words ... */
    CHECK(nd_sorted_intersect(a.shingles, a.nshingles, c.shingles, c.nshingles) < 4);  /* ... other order */
    /* fewer than five words: no shingle at all */
    build(tk, "Council approves tram.", &t, &c);
    CHECK_INT(c.nshingles, 0);
    CHECK_INT(c.nsent, 1);
    nd_features_free(&a);
    nd_features_free(&b);
    nd_features_free(&c);
    nd_tokens_free(&t);
    nd_tokeniser_free(tk);
}

static void repeated_text_collapses_to_unique_hashes(void)
{
    nd_tokeniser *tk = nd_tokeniser_new();
    nd_tokens t = { 0 };
    nd_features once = { 0 }, twice = { 0 };
    const char *s = "The regulator opened an inquiry into the merger of the two largest chip makers.";
    char buf[512];
    snprintf(buf, sizeof buf, "%s %s", s, s);
    build(tk, s, &t, &once);
    build(tk, buf, &t, &twice);
    CHECK_INT(twice.nsent, 2);
    CHECK(same_array(once.vocab, once.nvocab, twice.vocab, twice.nvocab));
    CHECK(same_array(once.bigrams, once.nbigrams, twice.bigrams, twice.nbigrams));
    CHECK(strictly_increasing(twice.shingles, twice.nshingles));
    nd_features_free(&once);
    nd_features_free(&twice);
    nd_tokens_free(&t);
    nd_tokeniser_free(tk);
}

/* Reads a seed article (the tests run from the repository root). */
static void long_documents_sort_reuse_buffers_and_build_unsorted(void)
{
    size_t len;
    char *text = check_slurp("corpus/000_2524be277e2264a3.txt", &len);
    CHECK(text != NULL);
    if (!text) return;
    nd_tokeniser *tk = nd_tokeniser_new();
    nd_tokens t = { 0 };
    nd_features reused = { 0 }, fresh = { 0 };
    build(tk, story, &t, &reused);  /* dirty the buffers with another text first */
    CHECK_INT(nd_tokenise(tk, text, len, 5000, &t), 0);
    CHECK_INT(nd_features_build(&t, &reused), 0);
    CHECK_INT(nd_features_build(&t, &fresh), 0);
    CHECK(reused.nshingles > 300);  /* large enough for the radix-sort path */
    CHECK(strictly_increasing(reused.shingles, reused.nshingles));
    CHECK(strictly_increasing(reused.bigrams, reused.nbigrams));
    CHECK(strictly_increasing(reused.vocab, reused.nvocab));
    CHECK(same_array(reused.shingles, reused.nshingles, fresh.shingles, fresh.nshingles));
    CHECK(same_array(reused.bigrams, reused.nbigrams, fresh.bigrams, fresh.nbigrams));
    CHECK(same_array(reused.vocab, reused.nvocab, fresh.vocab, fresh.nvocab));
    CHECK_INT(reused.nsent, fresh.nsent);
    CHECK(same_array(reused.words, reused.sent_off[reused.nsent], fresh.words, fresh.sent_off[fresh.nsent]));
    /* The unsorted build (what the compact form is made from) holds the same
     * words and, once sorted, the same bigrams and shingles, with repeats
     * (the seed repeats its phrasing); its vocabulary is left empty. */
    nd_features raw = { 0 };
    CHECK_INT(nd_features_of_text_unsorted(tk, text, len, 5000, &t, &raw), 0);
    CHECK_INT(raw.nvocab, 0);
    CHECK_INT(raw.nsent, fresh.nsent);
    CHECK(same_array(raw.sent_off, raw.nsent + 1, fresh.sent_off, fresh.nsent + 1));
    CHECK(same_array(raw.words, raw.sent_off[raw.nsent], fresh.words, fresh.sent_off[fresh.nsent]));
    CHECK(raw.nbigrams > fresh.nbigrams);
    CHECK(!strictly_increasing(raw.shingles, raw.nshingles));
    uint32_t *tmp = malloc(((size_t)raw.nbigrams + raw.nshingles + 1) * sizeof *tmp);
    raw.nbigrams = nd_sort_unique_u32(raw.bigrams, raw.nbigrams, tmp);
    raw.nshingles = nd_sort_unique_u32(raw.shingles, raw.nshingles, tmp);
    CHECK(same_array(raw.bigrams, raw.nbigrams, fresh.bigrams, fresh.nbigrams));
    CHECK(same_array(raw.shingles, raw.nshingles, fresh.shingles, fresh.nshingles));
    free(tmp);
    nd_features_free(&raw);
    nd_features_free(&reused);
    nd_features_free(&fresh);
    nd_tokens_free(&t);
    nd_tokeniser_free(tk);
    free(text);
}

static void empty_tokens_give_empty_features(void)
{
    nd_tokens t = { 0 };
    nd_features f = { 0 };
    CHECK_INT(nd_features_build(&t, &f), 0);
    CHECK_INT(f.nsent + f.nbigrams + f.nshingles + f.nvocab, 0);
    CHECK_INT(f.sent_off[0], 0);
    nd_features_free(&f);
    CHECK(f.words == NULL && f.sent_off == NULL);
}

static void sorted_intersect_counts_common_values(void)
{
    const uint32_t a[] = { 1, 3, 5, 7, 0xFFFFFFFFu };
    const uint32_t b[] = { 2, 3, 4, 7, 9, 0xFFFFFFFFu };
    CHECK_INT(nd_sorted_intersect(a, 5, b, 6), 3);
    CHECK_INT(nd_sorted_intersect(a, 5, a, 5), 5);
    CHECK_INT(nd_sorted_intersect(a, 0, b, 6), 0);
    CHECK_INT(nd_sorted_intersect(a, 2, b + 2, 2), 0);
}

CHECK_MAIN("features",
    TEST(short_and_boilerplate_sentences_are_not_content),
    TEST(sentence_words_are_the_sorted_unique_content_stems),
    TEST(furniture_does_not_change_the_features),
    TEST(shingles_see_word_order_and_case_does_not_matter),
    TEST(repeated_text_collapses_to_unique_hashes),
    TEST(long_documents_sort_reuse_buffers_and_build_unsorted),
    TEST(empty_tokens_give_empty_features),
    TEST(sorted_intersect_counts_common_values))

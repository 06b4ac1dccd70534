/* Features and candidate keys of one document: every set sorted and unique,
 * sentence word ranges in bounds, keys unique. */
#include "fuzz.h"
#include "candidates/keys.h"
#include "fingerprint/features.h"

static void check_set(const uint32_t *v, uint32_t n)
{
    for (uint32_t i = 1; i < n; i++) FUZZ_CHECK(v[i - 1] < v[i]);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n;
    char *text = fuzz_text(data, size, &n);
    if (!text) return 0;
    static nd_tokeniser *tk;
    static nd_tokens t;
    static nd_features f;
    if (!tk) tk = nd_tokeniser_new();
    FUZZ_CHECK(tk && nd_tokenise(tk, text, n, 5000, &t) == 0 && nd_features_build(&t, &f) == 0);
    FUZZ_CHECK(f.nsent <= t.nsent);
    for (uint32_t i = 0; i < f.nsent; i++) {
        FUZZ_CHECK(f.sent_index[i] < t.nsent && f.sent_off[i] <= f.sent_off[i + 1]);
        check_set(f.words + f.sent_off[i], f.sent_off[i + 1] - f.sent_off[i]);
    }
    check_set(f.bigrams, f.nbigrams);
    check_set(f.shingles, f.nshingles);
    check_set(f.vocab, f.nvocab);
    FUZZ_CHECK(nd_sorted_intersect(f.vocab, f.nvocab, f.vocab, f.nvocab) == f.nvocab);
    uint32_t *keys = NULL, nkeys = 0, cap = 0;
    FUZZ_CHECK(nd_keys_build(&f, &keys, &nkeys, &cap) == 0);
    FUZZ_CHECK(nkeys <= cap);
    if (nkeys) {
        qsort(keys, nkeys, sizeof *keys, cmp_u32);
        check_set(keys, nkeys);
    }
    free(keys);
    free(text);
    return 0;
}

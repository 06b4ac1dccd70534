/* The compact encoding.  The input as encoded bytes: refused (-2), or
 * features whose sets are sorted, unique and 16-bit, whose vocabulary is the
 * sentences' words, and which encode and decode again to themselves.  The
 * input past two bytes as text: its compact features come back exactly, cut
 * short they are refused, and with the bit the two bytes pick flipped they
 * are refused or well formed. */
#include "fuzz.h"
#include "fingerprint/compact.h"
#include "../same_features.h"

static void check_set(const uint32_t *v, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) FUZZ_CHECK(v[i] <= 0xFFFF && (i == 0 || v[i - 1] < v[i]));
}

/* Decodes p[0..n) from an exact-size copy; when accepted, checks the form. */
static void decode_checked(const uint8_t *p, size_t n, nd_features *f)
{
    static nd_features again;
    static nd_bytes b;
    uint8_t *copy = malloc(n ? n : 1);
    FUZZ_CHECK(copy);
    if (n) memcpy(copy, p, n);
    int rc = nd_compact_decode(copy, n, f);
    free(copy);
    FUZZ_CHECK(rc == 0 || rc == -2);
    if (rc) return;
    check_set(f->vocab, f->nvocab);
    check_set(f->bigrams, f->nbigrams);
    check_set(f->shingles, f->nshingles);
    FUZZ_CHECK(f->sent_off[0] == 0);
    uint8_t *used = calloc(f->nvocab + 1, 1);
    FUZZ_CHECK(used);
    uint32_t found = 0;
    for (uint32_t s = 0; s < f->nsent; s++) {
        FUZZ_CHECK(f->sent_index[s] == s && f->sent_off[s] <= f->sent_off[s + 1]);
        check_set(f->words + f->sent_off[s], f->sent_off[s + 1] - f->sent_off[s]);
        for (uint32_t i = f->sent_off[s]; i < f->sent_off[s + 1]; i++) {
            uint32_t lo = 0, hi = f->nvocab;
            while (lo < hi) {
                uint32_t mid = (lo + hi) / 2;
                if (f->vocab[mid] < f->words[i]) lo = mid + 1;
                else hi = mid;
            }
            FUZZ_CHECK(lo < f->nvocab && f->vocab[lo] == f->words[i]);
            found += !used[lo];
            used[lo] = 1;
        }
    }
    FUZZ_CHECK(found == f->nvocab);
    free(used);
    b.n = 0;
    FUZZ_CHECK(nd_compact_encode(f, &b) == 0 && b.n <= n);
    FUZZ_CHECK(nd_compact_decode(b.v, b.n, &again) == 0 && same_features(&again, f));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static nd_features f, full, c;
    static nd_tokeniser *tk;
    static nd_tokens t;
    static nd_bytes b;
    decode_checked(data, size, &f);
    if (size < 2) return 0;
    size_t n;
    char *text = fuzz_text(data + 2, size - 2, &n);
    if (!text) return 0;
    if (!tk) tk = nd_tokeniser_new();
    FUZZ_CHECK(tk && nd_compact_of_text(tk, text, n, 5000, &t, &full, &c) == 0);
    free(text);
    b.n = 0;
    FUZZ_CHECK(nd_compact_encode(&c, &b) == 0);
    decode_checked(b.v, b.n, &f);
    FUZZ_CHECK(nd_compact_decode(b.v, b.n, &f) == 0 && same_features(&f, &c));
    size_t bit = (data[0] | (size_t)data[1] << 8) % (8 * b.n);
    FUZZ_CHECK(nd_compact_decode(b.v, bit / 8, &f) == -2);
    b.v[bit / 8] ^= (uint8_t)(1u << bit % 8);
    decode_checked(b.v, b.n, &f);
    return 0;
}

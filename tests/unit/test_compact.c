/* The compact encoding: what decoding gives back is exactly what was encoded
 * (every set, the sentences in order, the vocabulary), and damaged bytes are
 * refused with -2 without reading past them. */
#include "check.h"
#include "fingerprint/compact.h"
#include "../same_features.h"

static const char *const articles[] = {
    "corpus/000_2524be277e2264a3.txt", "corpus/001_52040788e84add02.txt", "corpus/002_d3c08a9c2b37002a.txt",
    "corpus/003_8f74b81e1eb9c8a3.txt", "corpus/004_1dfc0723e0f91d91.txt",
};

static int sorted_unique(const uint32_t *v, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (v[i] > 0xFFFF || (i && v[i - 1] >= v[i])) return 0;
    return 1;
}

/* What any decoded features must be, whatever bytes they came from: sets
 * sorted, unique and 16-bit; the vocabulary exactly the sentences' words. */
static int well_formed(const nd_features *f)
{
    if (f->sent_off[0] != 0 || !sorted_unique(f->vocab, f->nvocab) || !sorted_unique(f->bigrams, f->nbigrams) ||
        !sorted_unique(f->shingles, f->nshingles))
        return 0;
    uint8_t *used = calloc(f->nvocab + 1, 1);
    int ok = used != NULL;
    for (uint32_t s = 0; ok && s < f->nsent; s++) {
        ok = f->sent_index[s] == s && f->sent_off[s] <= f->sent_off[s + 1] &&
             sorted_unique(f->words + f->sent_off[s], f->sent_off[s + 1] - f->sent_off[s]);
        for (uint32_t i = f->sent_off[s]; ok && i < f->sent_off[s + 1]; i++) {
            uint32_t lo = 0, hi = f->nvocab;
            while (lo < hi) {
                uint32_t mid = (lo + hi) / 2;
                if (f->vocab[mid] < f->words[i]) lo = mid + 1;
                else hi = mid;
            }
            ok = lo < f->nvocab && f->vocab[lo] == f->words[i];
            if (ok) used[lo] = 1;
        }
    }
    for (uint32_t i = 0; ok && i < f->nvocab; i++) ok = used[i];
    free(used);
    return ok;
}

/* p[0..n) in a buffer of exactly n bytes, so ASan sees any read past it. */
static int decode_exact(const uint8_t *p, size_t n, nd_features *out)
{
    uint8_t *copy = malloc(n ? n : 1);
    if (n) memcpy(copy, p, n);
    int rc = nd_compact_decode(copy, n, out);
    free(copy);
    return rc;
}

/* Compact features made through nd_compact_project from hand-made full
 * features: sentences of words (each list ends at UINT32_MAX), bigrams and
 * shingles (below 2^29, so all kept by the shingle sample). */
static void project(const uint32_t *const *sentences, uint32_t nsent, const uint32_t *bigrams, uint32_t nbigrams,
                    const uint32_t *shingles, uint32_t nshingles, nd_features *out)
{
    size_t nw = 0;
    for (uint32_t s = 0; s < nsent; s++)
        for (const uint32_t *w = sentences[s]; *w != UINT32_MAX; w++) nw++;
    uint32_t *off = malloc(((size_t)nsent + 1) * sizeof *off), *words = malloc((nw + 1) * sizeof *words);
    nw = 0;
    for (uint32_t s = 0; s < nsent; s++) {
        off[s] = (uint32_t)nw;
        for (const uint32_t *w = sentences[s]; *w != UINT32_MAX; w++) words[nw++] = *w;
    }
    off[nsent] = (uint32_t)nw;
    nd_features full = { .nsent = nsent, .sent_off = off, .words = words, .bigrams = (uint32_t *)bigrams,
                         .nbigrams = nbigrams, .shingles = (uint32_t *)shingles, .nshingles = nshingles };
    CHECK_INT(nd_compact_project(&full, out), 0);
    free(off);
    free(words);
}

/* c encodes (after a few bytes already in the buffer, as the scan's buffers
 * hold many documents) and decodes to exactly c; every cut-short copy is
 * refused.  The encoding's length. */
static size_t round_trip(const nd_features *c)
{
    nd_bytes b = { 0 };
    nd_features back = { 0 };
    CHECK_INT(nd_bytes_put(&b, "xyz", 3), 0);
    CHECK_INT(nd_compact_encode(c, &b), 0);
    size_t n = b.n - 3;
    CHECK_INT(decode_exact(b.v + 3, n, &back), 0);
    CHECK(same_features(&back, c));
    CHECK(well_formed(&back));
    for (size_t cut = 0; cut < n; cut++) CHECK_INT(decode_exact(b.v + 3, cut, &back), -2);
    /* and one byte too many */
    CHECK_INT(nd_bytes_put(&b, "", 1), 0);
    CHECK_INT(decode_exact(b.v + 3, n + 1, &back), -2);
    nd_vec_free(&b);
    nd_features_free(&back);
    return n;
}

static void articles_round_trip_exactly(void)
{
    nd_tokeniser *tk = nd_tokeniser_new();
    nd_tokens t = { 0 };
    nd_features full = { 0 }, c = { 0 };
    size_t bytes = 0, hashes = 0;
    for (size_t a = 0; a < sizeof articles / sizeof *articles; a++) {
        size_t len;
        char *text = check_slurp(articles[a], &len);
        CHECK(text != NULL);
        if (!text) continue;
        CHECK_INT(nd_compact_of_text(tk, text, len, 5000, &t, &full, &c), 0);
        CHECK(c.nsent > 5 && c.nvocab < c.sent_off[c.nsent]);   /* words recur across sentences */
        bytes += round_trip(&c);
        hashes += c.sent_off[c.nsent] + c.nbigrams + c.nshingles;
        free(text);
    }
    /* sentences coded against the vocabulary bring it under 12 bits a hash
     * (11.7 on these five): the sampled bigrams and shingles, sparse 16-bit
     * sets, take 12 to 13 each, as would the sentence words coded alone */
    CHECK(bytes * 8 < hashes * 12);
    nd_features_free(&full);
    nd_features_free(&c);
    nd_tokens_free(&t);
    nd_tokeniser_free(tk);
}

static void edge_cases_round_trip_exactly(void)
{
    static const uint32_t end = UINT32_MAX, one_a[] = { 7, UINT32_MAX }, one_b[] = { 0xFFFF, UINT32_MAX },
                          top[] = { 0, 0xFFFF, 0x1FFFF, UINT32_MAX }, none[] = { UINT32_MAX };
    nd_features c = { 0 };

    project(NULL, 0, NULL, 0, NULL, 0, &c);   /* nothing at all: the four counts */
    CHECK_INT(round_trip(&c), 4);

    const uint32_t samples[] = { 0, 1 };
    project(NULL, 0, NULL, 0, samples, 2, &c);   /* two 15-bit codes: two zero bits end the last byte */
    CHECK_INT(round_trip(&c), 4 + 4);

    /* one-word sentences, repeated; an empty one; 0xFFFF and a word that masks to it */
    const uint32_t *const ones[] = { one_a, one_b, one_a, none, top, one_b };
    project(ones, 6, NULL, 0, NULL, 0, &c);
    CHECK_INT(c.nvocab, 3);
    CHECK_INT(c.sent_off[5] - c.sent_off[4], 2);
    round_trip(&c);
    project(ones, 6, samples, 2, NULL, 0, &c);   /* no shingles */
    round_trip(&c);

    /* every 16-bit value: in a sentence, in the bigrams, and all but one in the shingles */
    uint32_t *all = malloc(65537 * sizeof *all);
    for (uint32_t i = 0; i < 65536; i++) all[i] = i;
    all[65536] = end;
    const uint32_t *const full_range[] = { all, one_a, all + 65535 };
    project(full_range, 3, all, 65536, all + 1, 65535, &c);
    CHECK_INT(c.nvocab, 65536);
    CHECK_INT(c.nbigrams, 65536);
    CHECK_INT(c.nshingles, 65535);
    round_trip(&c);
    free(all);
    nd_features_free(&c);
}

static void damaged_encodings_are_refused(void)
{
    nd_features c = { 0 }, back = { 0 };
    nd_bytes b = { 0 };
    static const uint32_t s0[] = { 3, 9, 40000, UINT32_MAX }, s1[] = { 9, 12, UINT32_MAX };
    const uint32_t *const sentences[] = { s0, s1 };
    const uint32_t bigrams[] = { 5, 6, 900 }, samples[] = { 0, 1 };

    /* two shingles alone are two 15-bit codes: a one in the two bits after them */
    project(NULL, 0, NULL, 0, samples, 2, &c);
    CHECK_INT(nd_compact_encode(&c, &b), 0);
    CHECK_INT(b.n, 8);
    CHECK_INT(decode_exact(b.v, b.n, &back), 0);
    b.v[7] |= 0x80;
    CHECK_INT(decode_exact(b.v, b.n, &back), -2);

    /* counts that cannot be: a 65,537-word vocabulary, more sentences than bits, an endless varint */
    static const uint8_t vocab_too_big[] = { 0, 0x81, 0x80, 0x04, 0, 0, 0xFF };
    static const uint8_t too_many_sentences[] = { 0x90, 0x01, 1, 0, 0, 0 };
    static const uint8_t endless[] = { 0xFF, 0xFF, 0xFF };
    CHECK_INT(decode_exact(vocab_too_big, sizeof vocab_too_big, &back), -2);
    CHECK_INT(decode_exact(too_many_sentences, sizeof too_many_sentences, &back), -2);
    CHECK_INT(decode_exact(endless, sizeof endless, &back), -2);
    CHECK_INT(decode_exact(NULL, 0, &back), -2);

    /* a vocabulary word no sentence has: the encoder writes what it is given, the decoder refuses it */
    project(sentences, 2, bigrams, 3, samples, 2, &c);
    b.n = 0;
    CHECK_INT(nd_compact_encode(&c, &b), 0);
    CHECK_INT(decode_exact(b.v, b.n, &back), 0);
    CHECK(same_features(&back, &c));
    c.vocab[c.nvocab++] = 41000;
    b.n = 0;
    CHECK_INT(nd_compact_encode(&c, &b), 0);
    CHECK_INT(decode_exact(b.v, b.n, &back), -2);

    /* any one bit flipped in a real article's encoding: refused, or features as well formed as any */
    size_t len;
    char *text = check_slurp(articles[0], &len);
    CHECK(text != NULL);
    if (text) {
        nd_tokeniser *tk = nd_tokeniser_new();
        nd_tokens t = { 0 };
        nd_features full = { 0 };
        CHECK_INT(nd_compact_of_text(tk, text, len, 5000, &t, &full, &c), 0);
        b.n = 0;
        CHECK_INT(nd_compact_encode(&c, &b), 0);
        size_t refused = 0, flips = 8 * b.n;
        for (size_t bit = 0; bit < flips; bit++) {
            b.v[bit / 8] ^= (uint8_t)(1u << bit % 8);
            int rc = decode_exact(b.v, b.n, &back);
            b.v[bit / 8] ^= (uint8_t)(1u << bit % 8);
            CHECK(rc == -2 || (rc == 0 && well_formed(&back) && !same_features(&back, &c)));
            refused += rc == -2;
        }
        /* a flip in a code's low bits may only move values (there is no checksum), but
         * one in a quotient or a count shifts every later code: 38% are refused */
        CHECK(refused > flips / 4);
        nd_features_free(&full);
        nd_tokens_free(&t);
        nd_tokeniser_free(tk);
        free(text);
    }
    nd_vec_free(&b);
    nd_features_free(&c);
    nd_features_free(&back);
}

CHECK_MAIN("compact", TEST(articles_round_trip_exactly), TEST(edge_cases_round_trip_exactly),
           TEST(damaged_encodings_are_refused))

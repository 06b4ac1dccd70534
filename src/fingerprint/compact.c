#include "compact.h"

#include <stdlib.h>
#include <string.h>

#include "../util/sort.h"

#define HASH_RANGE (1u << ND_COMPACT_BITS)
#define HASH_MASK (HASH_RANGE - 1)
#define SHINGLE_SAMPLE_BITS 3   /* as the candidate keys sample shingles */
#define BIGRAM_SAMPLE_BITS 2    /* 1 bigram in 4 is kept: those whose hash has these bits above the kept ones zero */
#define STACK_TMP 2048          /* sort scratch that fits a news article's words without malloc */
#define USED (1u << 31)         /* decoding: marks a vocabulary word some sentence has */

static int grow(uint32_t **v, uint32_t *cap, size_t need)
{
    if (need <= *cap) return 0;
    size_t nc = *cap ? *cap : 64;
    while (nc < need) nc *= 2;
    if (nc > UINT32_MAX) return -1;
    uint32_t *p = realloc(*v, nc * sizeof *p);
    if (!p) return -1;
    *v = p;
    *cap = (uint32_t)nc;
    return 0;
}

/* Room for nsent sentences (sent_off and sent_index share cap_sent, since
 * compact features are never packed) and the given set sizes. */
static int sized(nd_features *o, uint32_t nsent, size_t nwords, size_t nvocab, size_t nbigrams, size_t nshingles)
{
    if ((size_t)nsent + 1 > o->cap_sent) {
        uint32_t cap = o->cap_sent;
        if (grow(&o->sent_index, &cap, (size_t)nsent + 1)) return -1;
        uint32_t *off = realloc(o->sent_off, (size_t)cap * sizeof *off);
        if (!off) return -1;
        o->sent_off = off;
        o->cap_sent = cap;
    }
    return grow(&o->words, &o->cap_words, nwords + 1) || grow(&o->vocab, &o->cap_vocab, nvocab + 1) ||
           grow(&o->bigrams, &o->cap_bigrams, nbigrams + 1) || grow(&o->shingles, &o->cap_shingles, nshingles + 1)
               ? -1
               : 0;
}

static void number_sentences(nd_features *o)
{
    for (uint32_t i = 0; i < o->nsent; i++) o->sent_index[i] = i;
}

/* Scratch for sorting n values: buf when it is large enough. */
static uint32_t *scratch(uint32_t *buf, size_t n) { return n <= STACK_TMP ? buf : malloc(n * sizeof *buf); }

int nd_compact_project(const nd_features *f, nd_features *o)
{
    uint32_t nw = f->sent_off[f->nsent];
    size_t most = nw > f->nbigrams ? nw : f->nbigrams;
    if (f->nshingles > most) most = f->nshingles;
    uint32_t buf[STACK_TMP], *tmp = scratch(buf, most + 1);
    if (!tmp || sized(o, f->nsent, nw, nw, f->nbigrams, f->nshingles)) {
        if (tmp != buf) free(tmp);
        return -1;
    }
    uint32_t k = 0;
    o->nsent = f->nsent;
    for (uint32_t s = 0; s < f->nsent; s++) {
        uint32_t first = k;
        for (uint32_t i = f->sent_off[s]; i < f->sent_off[s + 1]; i++) o->words[k++] = f->words[i] & HASH_MASK;
        o->sent_off[s] = first;
        k = first + nd_sort_unique_u32(o->words + first, k - first, tmp);
    }
    o->sent_off[f->nsent] = k;
    o->nbigrams = 0;
    for (uint32_t i = 0; i < f->nbigrams; i++)
        if ((f->bigrams[i] >> ND_COMPACT_BITS & ((1u << BIGRAM_SAMPLE_BITS) - 1)) == 0)
            o->bigrams[o->nbigrams++] = f->bigrams[i] & HASH_MASK;
    o->nbigrams = nd_sort_unique_u32(o->bigrams, o->nbigrams, tmp);
    o->nshingles = 0;
    for (uint32_t i = 0; i < f->nshingles; i++)
        if (f->shingles[i] >> (32 - SHINGLE_SAMPLE_BITS) == 0) o->shingles[o->nshingles++] = f->shingles[i] & HASH_MASK;
    o->nshingles = nd_sort_unique_u32(o->shingles, o->nshingles, tmp);
    /* the vocabulary is the union of the sentences' words, as nd_features_build makes it */
    memcpy(o->vocab, o->words, (size_t)k * sizeof *o->words);
    o->nvocab = nd_sort_unique_u32(o->vocab, k, tmp);
    number_sentences(o);
    if (tmp != buf) free(tmp);
    return 0;
}

int nd_compact_of_text(nd_tokeniser *tk, const char *text, size_t n, uint32_t max_sentences, nd_tokens *t,
                       nd_features *full, nd_features *out)
{
    return nd_features_of_text_unsorted(tk, text, n, max_sentences, t, full) || nd_compact_project(full, out) ? -1 : 0;
}

/* ---- Rice codes ------------------------------------------------------------- */

/* The Rice parameter for n values spread over [0, range): the smallest k with
 * 2^k >= 0.4812 * range / n, Gallager and Van Voorhis's optimum for geometric
 * gaps of that mean (0.4812 = -ln(golden ratio - 1), here 31,536 / 65,536).
 * On news articles it saves about 10 bytes over log2(mean gap * ln 2). */
static unsigned rice_k(uint32_t range, uint32_t n)
{
    unsigned k = 0;
    while (k < 15 && ((uint64_t)n << k << 16) < 31536u * (uint64_t)range) k++;
    return k;
}

/* The streams are little-endian, whatever the machine. */
static inline uint64_t le64(uint64_t x)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return __builtin_bswap64(x);
#else
    return x;
#endif
}

/* The loops that write or read a set work on a copy of their bit_writer or
 * bit_reader, which then lives in registers: the bytes written could alias it. */
typedef struct bit_writer {
    nd_bytes *b;        /* its bytes end at p, which reserve keeps room after */
    uint8_t *p;
    uint64_t acc;       /* the nacc < 32 bits not yet written, lowest first */
    unsigned nacc;
} bit_writer;

/* Room for n Rice codes of parameter k whose values add up to at most sum:
 * each code is its quotient in ones, a zero and k bits. */
static inline int reserve(bit_writer *w, uint64_t n, unsigned k, uint64_t sum)
{
    w->b->n = (size_t)(w->p - w->b->v);
    if (nd_vec_reserve(w->b, (n * (k + 1) + (sum >> k) + w->nacc) / 8 + 8)) return -1;
    w->p = w->b->v + w->b->n;
    return 0;
}

static inline void put_bits(bit_writer *w, uint32_t v, unsigned n)   /* n <= 32 */
{
    w->acc |= (uint64_t)v << w->nacc;
    w->nacc += n;
    if (w->nacc >= 32) {
        uint64_t x = le64(w->acc);
        memcpy(w->p, &x, 4);   /* the low four bytes of a little-endian word */
        w->p += 4;
        w->acc >>= 32;
        w->nacc -= 32;
    }
}

/* x as Rice code k (k < 16): the quotient's ones 16 at a time, then the rest
 * of them, the zero and the low bits in one write. */
static inline void put_rice(bit_writer *w, uint32_t x, unsigned k)
{
    uint32_t q = x >> k;
    for (; q >= 16; q -= 16) put_bits(w, 0xffff, 16);
    put_bits(w, (x & ((1u << k) - 1)) << (q + 1) | ((1u << q) - 1), q + 1 + k);
}

static void flush(bit_writer *w)
{
    for (; w->nacc; w->nacc = w->nacc > 8 ? w->nacc - 8 : 0, w->acc >>= 8) *w->p++ = (uint8_t)w->acc;
    w->b->n = (size_t)(w->p - w->b->v);
}

/* A sorted unique set of values below range as Rice-coded gaps. */
static int put_set(bit_writer *w, const uint32_t *v, uint32_t n, uint32_t range)
{
    unsigned k = rice_k(range, n);
    if (reserve(w, n, k, range)) return -1;
    bit_writer l = *w;
    for (uint32_t i = 0, next = 0; i < n; next = v[i++] + 1) put_rice(&l, v[i] - next, k);
    *w = l;
    return 0;
}

#define BAND_BITS 8   /* a word's place in the vocabulary is found from where its band of values starts */

/* A sorted unique set of words of the sorted vocab[0..nvocab) as the set of
 * their places in it; band[b] is the place of the first word >= b << BAND_BITS. */
static int put_subset(bit_writer *w, const uint32_t *words, uint32_t n, const uint32_t *vocab, uint32_t nvocab,
                      const uint32_t *band)
{
    unsigned k = rice_k(nvocab, n);
    if (reserve(w, n, k, nvocab)) return -1;
    bit_writer l = *w;
    for (uint32_t i = 0, next = 0; i < n; i++) {
        uint32_t at = band[(words[i] & HASH_MASK) >> BAND_BITS];
        if (at < next) at = next;
        while (at < nvocab && vocab[at] < words[i]) at++;
        put_rice(&l, at - next, k);
        next = at + 1;
    }
    *w = l;
    return 0;
}

typedef struct bit_reader {
    const uint8_t *p, *end;
    uint64_t acc;       /* the next nacc bits, lowest first; bits above them are zero or the bytes from p on */
    unsigned nacc;
} bit_reader;

/* At least 56 bits in acc unless the bytes run out: eight bytes at a time
 * while eight remain (bits past nacc are then read again, to the same values). */
static inline void refill(bit_reader *r)
{
    if (r->nacc >= 56) return;
    if (r->end - r->p >= 8) {
        uint64_t x;
        memcpy(&x, r->p, 8);
        r->acc |= le64(x) << r->nacc;
        r->p += (63 - r->nacc) >> 3;
        r->nacc |= 56;
        return;
    }
    for (; r->nacc <= 56 && r->p < r->end; r->nacc += 8) r->acc |= (uint64_t)*r->p++ << r->nacc;
}

static inline void skip_bits(bit_reader *r, unsigned n)
{
    r->acc = n < 64 ? r->acc >> n : 0;
    r->nacc -= n;
}

/* A Rice-coded x < limit into *x; -1 when it is not there or not below limit. */
static inline int get_rice(bit_reader *r, unsigned k, uint32_t limit, uint32_t *x)
{
    if (!limit) return -1;
    uint32_t q = 0, qmax = (limit - 1) >> k;
    for (;;) {   /* the quotient: ones up to the first zero, a word at a time */
        refill(r);
        unsigned ones = ~r->acc ? (unsigned)__builtin_ctzll(~r->acc) : 64;
        if (ones < r->nacc) {
            q += ones;
            skip_bits(r, ones + 1);
            break;
        }
        if (!r->nacc) return -1;
        q += r->nacc;
        skip_bits(r, r->nacc);
        if (q > qmax) return -1;
    }
    if (r->nacc < k) refill(r);
    if (q > qmax || r->nacc < k) return -1;
    *x = q << k | (uint32_t)(r->acc & ((1u << k) - 1));
    skip_bits(r, k);
    return *x < limit ? 0 : -1;
}

static int get_set(bit_reader *r, uint32_t *v, uint32_t n, uint32_t range)
{
    unsigned k = rice_k(range, n);
    bit_reader l = *r;
    for (uint32_t i = 0, next = 0; i < n; next = v[i++] + 1) {
        uint32_t gap;
        if (get_rice(&l, k, range - next, &gap)) return -1;
        v[i] = next + gap;
    }
    *r = l;
    return 0;
}

/* The words of a set put_subset wrote, each marked USED in vocab. */
static int get_subset(bit_reader *r, uint32_t *words, uint32_t n, uint32_t *vocab, uint32_t nvocab)
{
    if (get_set(r, words, n, nvocab)) return -1;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t *v = &vocab[words[i]];
        words[i] = *v & HASH_MASK;
        *v |= USED;
    }
    return 0;
}

/* ---- the encoding (layout in compact.h) -------------------------------------- */

int nd_compact_encode(const nd_features *c, nd_bytes *out)
{
    uint32_t nsent = c->nsent, nvocab = c->nvocab;
    if (nd_bytes_put_varint(out, nsent) || nd_bytes_put_varint(out, nvocab) ||
        nd_bytes_put_varint(out, c->nbigrams) || nd_bytes_put_varint(out, c->nshingles))
        return -1;
    bit_writer w = { out, out->v + out->n, 0, 0 };
    unsigned k = rice_k(nvocab, nsent);
    if (reserve(&w, nsent, k, c->sent_off[nsent])) return -1;
    for (uint32_t s = 0; s < nsent; s++) put_rice(&w, c->sent_off[s + 1] - c->sent_off[s], k);
    if (put_set(&w, c->vocab, nvocab, HASH_RANGE)) return -1;
    uint32_t band[(HASH_RANGE >> BAND_BITS) + 1];
    for (uint32_t b = 0; b <= HASH_RANGE >> BAND_BITS; b++) band[b] = nvocab;
    for (uint32_t i = nvocab; i-- > 0;) band[(c->vocab[i] & HASH_MASK) >> BAND_BITS] = i;
    for (uint32_t b = HASH_RANGE >> BAND_BITS, at = nvocab; b-- > 0;) band[b] = at = band[b] < at ? band[b] : at;
    for (uint32_t s = 0; s < nsent; s++)
        if (put_subset(&w, c->words + c->sent_off[s], c->sent_off[s + 1] - c->sent_off[s], c->vocab, nvocab, band))
            return -1;
    if (put_set(&w, c->bigrams, c->nbigrams, HASH_RANGE) || put_set(&w, c->shingles, c->nshingles, HASH_RANGE))
        return -1;
    flush(&w);
    return 0;
}

int nd_compact_decode(const uint8_t *p, size_t n, nd_features *o)
{
    nd_reader rd = { p, p + n, 0 };
    uint64_t nsent = nd_read_varint(&rd), nvocab = nd_read_varint(&rd);
    uint64_t nb = nd_read_varint(&rd), nsh = nd_read_varint(&rd);
    /* every size and every value takes at least a bit */
    uint64_t bits = 8 * (uint64_t)(rd.end - rd.p);
    if (rd.bad || nsent > bits || nsent >= UINT32_MAX || nvocab > HASH_RANGE || nb > HASH_RANGE ||
        nsh > HASH_RANGE)
        return -2;
    if (sized(o, (uint32_t)nsent, 0, nvocab, nb, nsh)) return -1;
    bit_reader br = { rd.p, rd.end, 0, 0 };
    o->nsent = (uint32_t)nsent;
    o->nvocab = (uint32_t)nvocab;
    o->nbigrams = (uint32_t)nb;
    o->nshingles = (uint32_t)nsh;
    unsigned k = rice_k(o->nvocab, o->nsent);
    uint64_t nw = 0;
    for (uint32_t s = 0; s < o->nsent; s++) {
        uint32_t m;
        if (get_rice(&br, k, o->nvocab + 1, &m)) return -2;
        o->sent_off[s] = (uint32_t)nw;
        if ((nw += m) > bits || nw >= UINT32_MAX) return -2;
    }
    o->sent_off[o->nsent] = (uint32_t)nw;
    if (grow(&o->words, &o->cap_words, nw + 1)) return -1;
    if (get_set(&br, o->vocab, o->nvocab, HASH_RANGE)) return -2;
    for (uint32_t s = 0; s < o->nsent; s++)
        if (get_subset(&br, o->words + o->sent_off[s], o->sent_off[s + 1] - o->sent_off[s], o->vocab, o->nvocab))
            return -2;
    /* the vocabulary is the sentences' words and no more, as nd_compact_project makes it */
    for (uint32_t i = 0; i < o->nvocab; i++) {
        if (!(o->vocab[i] & USED)) return -2;
        o->vocab[i] &= HASH_MASK;
    }
    if (get_set(&br, o->bigrams, o->nbigrams, HASH_RANGE) || get_set(&br, o->shingles, o->nshingles, HASH_RANGE))
        return -2;
    /* nothing after the sets but the zero bits that end their last byte */
    refill(&br);
    if (br.p != br.end || br.nacc >= 8 || br.acc) return -2;
    number_sentences(o);
    return 0;
}

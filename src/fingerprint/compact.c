#include "compact.h"

#include <stdlib.h>
#include <string.h>

#include "../util/sort.h"

#define HASH_MASK ((1u << ND_COMPACT_BITS) - 1)
#define SHINGLE_SAMPLE_BITS 3   /* as the candidate keys sample shingles */
#define RICE_SPAN 45426u        /* 65,536 * ln 2: the best Rice parameter is log2(mean gap * ln 2) */
#define STACK_TMP 2048          /* sort scratch that fits a news article's words without malloc */

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
static int sized(nd_features *o, uint32_t nsent, size_t nwords, size_t nbigrams, size_t nshingles)
{
    if ((size_t)nsent + 1 > o->cap_sent) {
        uint32_t cap = o->cap_sent;
        if (grow(&o->sent_index, &cap, (size_t)nsent + 1)) return -1;
        uint32_t *off = realloc(o->sent_off, (size_t)cap * sizeof *off);
        if (!off) return -1;
        o->sent_off = off;
        o->cap_sent = cap;
    }
    return grow(&o->words, &o->cap_words, nwords + 1) || grow(&o->vocab, &o->cap_vocab, nwords + 1) ||
           grow(&o->bigrams, &o->cap_bigrams, nbigrams + 1) || grow(&o->shingles, &o->cap_shingles, nshingles + 1)
               ? -1
               : 0;
}

/* Scratch for sorting n values: buf when it is large enough. */
static uint32_t *scratch(uint32_t *buf, size_t n) { return n <= STACK_TMP ? buf : malloc(n * sizeof *buf); }

/* The vocabulary is the union of the sentences' words, as nd_features_build makes it. */
static int finish_vocab(nd_features *o)
{
    uint32_t buf[STACK_TMP], nw = o->sent_off[o->nsent];
    uint32_t *tmp = scratch(buf, nw);
    if (!tmp) return -1;
    memcpy(o->vocab, o->words, (size_t)nw * sizeof *o->words);
    o->nvocab = nd_sort_unique_u32(o->vocab, nw, tmp);
    for (uint32_t i = 0; i < o->nsent; i++) o->sent_index[i] = i;
    if (tmp != buf) free(tmp);
    return 0;
}

int nd_compact_project(const nd_features *f, nd_features *o)
{
    uint32_t nw = f->sent_off[f->nsent];
    size_t most = nw > f->nbigrams ? nw : f->nbigrams;
    if (f->nshingles > most) most = f->nshingles;
    uint32_t buf[STACK_TMP], *tmp = scratch(buf, most + 1);
    if (!tmp || sized(o, f->nsent, nw, f->nbigrams, f->nshingles)) {
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
    for (uint32_t i = 0; i < f->nbigrams; i++) o->bigrams[i] = f->bigrams[i] & HASH_MASK;
    o->nbigrams = nd_sort_unique_u32(o->bigrams, f->nbigrams, tmp);
    o->nshingles = 0;
    for (uint32_t i = 0; i < f->nshingles; i++)
        if (f->shingles[i] >> (32 - SHINGLE_SAMPLE_BITS) == 0) o->shingles[o->nshingles++] = f->shingles[i] & HASH_MASK;
    o->nshingles = nd_sort_unique_u32(o->shingles, o->nshingles, tmp);
    if (tmp != buf) free(tmp);
    return finish_vocab(o);
}

int nd_compact_of_text(nd_tokeniser *tk, const char *text, size_t n, uint32_t max_sentences, nd_tokens *t,
                       nd_features *full, nd_features *out)
{
    return nd_features_of_text(tk, text, n, max_sentences, t, full) || nd_compact_project(full, out) ? -1 : 0;
}

/* ---- Rice-coded sets ------------------------------------------------------ */

typedef struct bit_writer {
    nd_bytes *b;
    uint64_t acc;
    unsigned nacc;
} bit_writer;

static int put_bits(bit_writer *w, uint32_t v, unsigned n)
{
    w->acc |= (uint64_t)v << w->nacc;
    w->nacc += n;
    while (w->nacc >= 8) {
        if (nd_vec_push(w->b, (uint8_t)w->acc)) return -1;
        w->acc >>= 8;
        w->nacc -= 8;
    }
    return 0;
}

typedef struct bit_reader {
    const uint8_t *p, *end;
    uint64_t acc;           /* the next nacc bits, lowest first */
    unsigned nacc;
} bit_reader;

static void refill(bit_reader *r)
{
    while (r->nacc <= 56 && r->p < r->end) {
        r->acc |= (uint64_t)*r->p++ << r->nacc;
        r->nacc += 8;
    }
}

static void skip_bits(bit_reader *r, unsigned n)
{
    r->acc = n < 64 ? r->acc >> n : 0;
    r->nacc -= n;
}

static unsigned rice_k(uint32_t n)
{
    unsigned k = 0;
    uint32_t mean = RICE_SPAN / (n ? n : 1);
    while (k < 15 && (2u << k) <= mean) k++;
    return k;
}

/* A sorted unique set of 16-bit values as Rice-coded gaps. */
static int put_set(bit_writer *w, const uint32_t *v, uint32_t n)
{
    unsigned k = rice_k(n);
    uint32_t prev = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t gap = v[i] - prev;
        prev = v[i] + 1;
        for (uint32_t q = gap >> k; q; q--)
            if (put_bits(w, 1, 1)) return -1;
        if (put_bits(w, 0, 1) || put_bits(w, gap & ((1u << k) - 1), k)) return -1;
    }
    return 0;
}

static int get_set(bit_reader *r, uint32_t *v, uint32_t n)
{
    unsigned k = rice_k(n);
    uint32_t prev = 0;
    for (uint32_t i = 0; i < n; i++) {
        /* the unary quotient: ones up to the first zero, a word at a time */
        uint32_t q = 0;
        for (;;) {
            refill(r);
            if (r->nacc == 0) return -1;
            unsigned ones = ~r->acc ? (unsigned)__builtin_ctzll(~r->acc) : 64;
            if (ones < r->nacc) {
                q += ones;
                skip_bits(r, ones + 1);
                break;
            }
            q += r->nacc;
            skip_bits(r, r->nacc);
            if (q > HASH_MASK) return -1;
        }
        refill(r);
        if (r->nacc < k || q > HASH_MASK) return -1;
        uint32_t low = (uint32_t)(r->acc & ((1u << k) - 1));
        skip_bits(r, k);
        v[i] = prev + ((q << k) | low);
        if (v[i] > HASH_MASK) return -1;
        prev = v[i] + 1;
    }
    return 0;
}

/* ---- the encoding: counts as varints, then the sets' bits ------------------- */

int nd_compact_encode(const nd_features *c, nd_bytes *out)
{
    if (nd_bytes_put_varint(out, c->nsent)) return -1;
    for (uint32_t s = 0; s < c->nsent; s++)
        if (nd_bytes_put_varint(out, c->sent_off[s + 1] - c->sent_off[s])) return -1;
    if (nd_bytes_put_varint(out, c->nbigrams) || nd_bytes_put_varint(out, c->nshingles)) return -1;
    bit_writer w = { out, 0, 0 };
    for (uint32_t s = 0; s < c->nsent; s++)
        if (put_set(&w, c->words + c->sent_off[s], c->sent_off[s + 1] - c->sent_off[s])) return -1;
    if (put_set(&w, c->bigrams, c->nbigrams) || put_set(&w, c->shingles, c->nshingles)) return -1;
    return w.nacc ? put_bits(&w, 0, 8 - w.nacc) : 0;
}

int nd_compact_decode(const uint8_t *p, size_t n, nd_features *o)
{
    nd_reader rd = { p, p + n, 0 };
    uint64_t nsent = nd_read_varint(&rd);
    /* every count takes at least a byte, every value at least a bit */
    if (rd.bad || nsent > n) return -2;
    /* the counts are read twice: for the sizes, then into sent_off */
    const uint8_t *counts = rd.p;
    uint64_t nw = 0;
    for (uint64_t s = 0; s < nsent; s++) nw += nd_read_varint(&rd);
    uint64_t nb = nd_read_varint(&rd), nsh = nd_read_varint(&rd);
    size_t bits = 8 * (size_t)(rd.end - rd.p);
    if (rd.bad || nw > bits || nb > bits || nsh > bits) return -2;
    if (sized(o, (uint32_t)nsent, nw, nb, nsh)) return -1;
    bit_reader br = { rd.p, rd.end, 0, 0 };
    nd_reader cr = { counts, rd.end, 0 };
    o->nsent = (uint32_t)nsent;
    uint32_t k = 0;
    for (uint32_t s = 0; s < o->nsent; s++) {
        uint32_t m = (uint32_t)nd_read_varint(&cr);
        o->sent_off[s] = k;
        if (get_set(&br, o->words + k, m)) return -2;
        k += m;
    }
    o->sent_off[o->nsent] = k;
    o->nbigrams = (uint32_t)nb;
    o->nshingles = (uint32_t)nsh;
    if (get_set(&br, o->bigrams, o->nbigrams) || get_set(&br, o->shingles, o->nshingles)) return -2;
    return finish_vocab(o);
}

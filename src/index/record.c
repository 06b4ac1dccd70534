#include "record.h"

#include <stdlib.h>
#include <string.h>

#include "../util/sort.h"

#define HASH_MASK 0xFFFFu
#define SHINGLE_SAMPLE_BITS 3   /* as the candidate keys sample shingles */
#define RICE_SPAN 45426u        /* 65,536 * ln 2: the best Rice parameter is log2(mean gap * ln 2) */

enum { F_TEXT = 1, F_SOURCE = 2, F_PUBLISHED = 4 };

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

static int sized(nd_features *o, uint32_t nsent, size_t nwords, size_t nbigrams, size_t nshingles)
{
    uint32_t *off = realloc(o->sent_off, ((size_t)nsent + 1) * sizeof *off);
    if (!off) return -1;
    o->sent_off = off;
    return grow(&o->sent_index, &o->cap_sent, (size_t)nsent + 1) || grow(&o->words, &o->cap_words, nwords + 1) ||
           grow(&o->vocab, &o->cap_vocab, nwords + 1) || grow(&o->bigrams, &o->cap_bigrams, nbigrams + 1) ||
           grow(&o->shingles, &o->cap_shingles, nshingles + 1) ? -1 : 0;
}

/* The vocabulary is the union of the sentences' words, as nd_features_build makes it. */
static void finish_vocab(nd_features *o, uint32_t *tmp)
{
    uint32_t nw = o->sent_off[o->nsent];
    memcpy(o->vocab, o->words, (size_t)nw * sizeof *o->words);
    o->nvocab = nd_sort_unique_u32(o->vocab, nw, tmp);
    for (uint32_t i = 0; i < o->nsent; i++) o->sent_index[i] = i;
}

int nd_compact_project(const nd_features *f, nd_features *o)
{
    uint32_t nw = f->sent_off[f->nsent];
    size_t most = nw > f->nbigrams ? nw : f->nbigrams;
    if (f->nshingles > most) most = f->nshingles;
    uint32_t *tmp = malloc((most + 1) * sizeof *tmp);
    if (!tmp || sized(o, f->nsent, nw, f->nbigrams, f->nshingles)) {
        free(tmp);
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
    finish_vocab(o, tmp);
    free(tmp);
    return 0;
}

/* ---- bytes and bits ------------------------------------------------------ */

static int put_bytes(nd_bytes *b, const void *p, size_t n)
{
    if (nd_vec_reserve(b, n)) return -1;
    if (n) memcpy(b->v + b->n, p, n);
    b->n += n;
    return 0;
}

static int put_varint(nd_bytes *b, uint64_t x)
{
    uint8_t tmp[10];
    size_t n = 0;
    do {
        tmp[n++] = (uint8_t)((x & 0x7F) | (x > 0x7F ? 0x80 : 0));
        x >>= 7;
    } while (x);
    return put_bytes(b, tmp, n);
}

static int put_string(nd_bytes *b, const char *s, size_t n)
{
    return put_varint(b, n) || put_bytes(b, s, n) ? -1 : 0;
}

typedef struct reader {
    const uint8_t *p, *end;
    int bad;
} reader;

static uint64_t get_varint(reader *r)
{
    uint64_t x = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        if (r->p >= r->end) break;
        uint8_t c = *r->p++;
        x |= (uint64_t)(c & 0x7F) << shift;
        if (!(c & 0x80)) return x;
    }
    r->bad = 1;
    return 0;
}

static const void *get_bytes(reader *r, size_t n)
{
    if ((size_t)(r->end - r->p) < n) {
        r->bad = 1;
        return NULL;
    }
    const void *s = r->p;
    r->p += n;
    return s;
}

static const char *get_string(reader *r, size_t *n)
{
    *n = (size_t)get_varint(r);
    return r->bad ? NULL : get_bytes(r, *n);
}

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

/* ---- records ------------------------------------------------------------- */

int nd_record_encode(const nd_record *r, const nd_features *c, nd_bytes *out)
{
    uint8_t head[10];
    head[0] = r->verdict;
    head[1] = (uint8_t)((r->has_text ? F_TEXT : 0) | (r->source ? F_SOURCE : 0) | (r->published ? F_PUBLISHED : 0));
    memcpy(head + 2, &r->of, 4);
    memcpy(head + 6, &r->similarity, 4);
    if (put_bytes(out, head, sizeof head) || put_varint(out, r->nkeys) || put_string(out, r->id, r->idlen) ||
        (r->source && put_string(out, r->source, r->sourcelen)) ||
        (r->published && put_string(out, r->published, r->publishedlen)) ||
        (r->has_text && put_string(out, r->text, r->textlen)))
        return -1;
    if (put_varint(out, c->nsent)) return -1;
    for (uint32_t s = 0; s < c->nsent; s++)
        if (put_varint(out, c->sent_off[s + 1] - c->sent_off[s])) return -1;
    if (put_varint(out, c->nbigrams) || put_varint(out, c->nshingles)) return -1;
    bit_writer w = { out, 0, 0 };
    for (uint32_t s = 0; s < c->nsent; s++)
        if (put_set(&w, c->words + c->sent_off[s], c->sent_off[s + 1] - c->sent_off[s])) return -1;
    if (put_set(&w, c->bigrams, c->nbigrams) || put_set(&w, c->shingles, c->nshingles)) return -1;
    return w.nacc ? put_bits(&w, 0, 8 - w.nacc) : 0;
}

int nd_record_decode(const void *p, size_t n, nd_record *r)
{
    reader rd = { p, (const uint8_t *)p + n, 0 };
    const uint8_t *head = get_bytes(&rd, 10);
    if (!head) return -1;
    memset(r, 0, sizeof *r);
    r->verdict = head[0];
    memcpy(&r->of, head + 2, 4);
    memcpy(&r->similarity, head + 6, 4);
    r->nkeys = (uint32_t)get_varint(&rd);
    r->id = get_string(&rd, &r->idlen);
    if (head[1] & F_SOURCE) r->source = get_string(&rd, &r->sourcelen);
    if (head[1] & F_PUBLISHED) r->published = get_string(&rd, &r->publishedlen);
    if (head[1] & F_TEXT) {
        r->has_text = 1;
        r->text = get_string(&rd, &r->textlen);
    }
    r->compact = rd.p;
    r->ncompact = (size_t)(rd.end - rd.p);
    return rd.bad || !r->id ? -1 : 0;
}

int nd_compact_decode(const nd_record *r, nd_features *o)
{
    reader rd = { r->compact, r->compact + r->ncompact, 0 };
    uint64_t nsent = get_varint(&rd);
    /* every count takes at least a byte, every value at least a bit */
    if (rd.bad || nsent > r->ncompact) return -2;
    uint32_t *counts = malloc((nsent + 1) * sizeof *counts);
    if (!counts) return -1;
    uint64_t nw = 0;
    for (uint64_t s = 0; s < nsent; s++) nw += counts[s] = (uint32_t)get_varint(&rd);
    uint64_t nb = get_varint(&rd), nsh = get_varint(&rd);
    size_t bits = 8 * (size_t)(rd.end - rd.p);
    int rc = rd.bad || nw > bits || nb > bits || nsh > bits ? -2 : sized(o, (uint32_t)nsent, nw, nb, nsh);
    if (rc) {
        free(counts);
        return rc;
    }
    bit_reader br = { rd.p, rd.end, 0, 0 };
    o->nsent = (uint32_t)nsent;
    uint32_t k = 0;
    for (uint32_t s = 0; s < o->nsent && !rc; s++) {
        o->sent_off[s] = k;
        rc = get_set(&br, o->words + k, counts[s]) ? -2 : 0;
        k += counts[s];
    }
    o->sent_off[o->nsent] = k;
    o->nbigrams = (uint32_t)nb;
    o->nshingles = (uint32_t)nsh;
    if (!rc && (get_set(&br, o->bigrams, o->nbigrams) || get_set(&br, o->shingles, o->nshingles))) rc = -2;
    free(counts);
    if (rc) return rc;
    uint32_t *tmp = malloc(((size_t)k + 1) * sizeof *tmp);
    if (!tmp) return -1;
    finish_vocab(o, tmp);
    free(tmp);
    return 0;
}

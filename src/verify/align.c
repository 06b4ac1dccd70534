#include "align.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>


#define MAX_ALIGN_SENTENCES 2000  /* the DP table is quadratic; longer tails are not aligned */
#define MIN_SHARED_WORDS 2
#define MIN_SENT_SIM 0.4f
#define MIN_COVERAGE_BASE 3
#define IDF_CACHED 32             /* sentence counts whose pair-local IDF is kept */

/* Term weights local to the pair: a word in many sentences of both documents
 * (the story's main names) says little about which sentence restates which;
 * a word in two sentences says a lot.  Weighted like IDF over the sentences
 * of the two documents, times the word's rarity in the corpus.
 *
 * The pair's distinct words live in an open-addressing table (words are
 * hashes already, so a multiplicative hash spreads them): one probe per
 * word where sorting and binary searches used to take most of the time. */
typedef struct {
    uint32_t term;
    uint32_t sentences;      /* sentences of both documents using it (words are unique per sentence) */
    uint32_t in_b;           /* those of b */
    uint32_t at;             /* where its run of b's sentences starts in postb */
    float weight;
} term_info;

/* Scratch of one alignment, in one allocation. */
typedef struct {
    term_info *terms;
    uint32_t *used, nused;   /* the table's occupied slots, in first-seen order */
    unsigned bits;           /* the table has 1 << bits slots */
    uint32_t *slot_a, *slot_b;  /* the slot of each word of a and of b */
    uint32_t *postb;         /* b's sentences by word: each word's run in increasing order */
    float *wa, *suma, *sumb, *dp, *sim, *acc;
    uint32_t *hits, *touched;
} scratch;

static void *take(char **p, size_t bytes)
{
    void *r = *p;
    *p += (bytes + 15) & ~(size_t)15;
    return r;
}

static void *scratch_alloc(scratch *s, uint32_t na, uint32_t nb, uint32_t wa, uint32_t wb)
{
    size_t w = (size_t)wa + wb;
    s->bits = 4;
    while (((size_t)1 << s->bits) < 2 * w) s->bits++;
    size_t slots = (size_t)1 << s->bits;
    size_t bytes = slots * sizeof *s->terms + (w + 1) * sizeof *s->used + ((size_t)wa + 1) * sizeof *s->slot_a +
                   2 * ((size_t)wb + 1) * sizeof *s->slot_b + ((size_t)wa + 1) * sizeof *s->wa +
                   ((size_t)na + nb) * sizeof(float) + ((size_t)na + 1) * (nb + 1) * sizeof *s->dp +
                   (size_t)na * nb * sizeof *s->sim + (size_t)nb * (sizeof *s->acc + 2 * sizeof *s->hits) + 16 * 16;
    char *base = malloc(bytes), *p = base;
    if (!base) return NULL;
    s->terms = take(&p, slots * sizeof *s->terms);
    s->used = take(&p, (w + 1) * sizeof *s->used);
    s->slot_a = take(&p, ((size_t)wa + 1) * sizeof *s->slot_a);
    s->slot_b = take(&p, ((size_t)wb + 1) * sizeof *s->slot_b);
    s->postb = take(&p, ((size_t)wb + 1) * sizeof *s->postb);
    s->wa = take(&p, ((size_t)wa + 1) * sizeof *s->wa);
    s->suma = take(&p, (size_t)na * sizeof *s->suma);
    s->sumb = take(&p, (size_t)nb * sizeof *s->sumb);
    s->dp = take(&p, ((size_t)na + 1) * (nb + 1) * sizeof *s->dp);
    s->sim = take(&p, (size_t)na * nb * sizeof *s->sim);
    s->acc = take(&p, (size_t)nb * sizeof *s->acc);
    s->hits = take(&p, (size_t)nb * sizeof *s->hits);
    s->touched = take(&p, (size_t)nb * sizeof *s->touched);
    memset(s->terms, 0, slots * sizeof *s->terms);
    s->nused = 0;
    return base;
}

/* The slot of term, claimed for it when new (an empty slot has sentences 0). */
static uint32_t slot_of(scratch *s, uint32_t term)
{
    uint32_t mask = (1u << s->bits) - 1, i = (term * 0x9E3779B1u) >> (32 - s->bits);
    while (s->terms[i].sentences && s->terms[i].term != term) i = (i + 1) & mask;
    if (!s->terms[i].sentences) {
        s->terms[i].term = term;
        s->used[s->nused++] = i;
    }
    s->terms[i].sentences++;
    return i;
}

/* The pair's weight of every word, and b's sentences listed by word. */
static void pair_weights(scratch *s, const nd_features *a, uint32_t na, const nd_features *b, uint32_t nb,
                         const nd_docfreq *df)
{
    uint32_t wa = a->sent_off[na], wb = b->sent_off[nb];
    for (uint32_t k = 0; k < wa; k++) s->slot_a[k] = slot_of(s, a->words[k]);
    for (uint32_t k = 0; k < wb; k++) {
        s->slot_b[k] = slot_of(s, b->words[k]);
        s->terms[s->slot_b[k]].in_b++;
    }
    float total = (float)(na + nb), idf[IDF_CACHED];
    uint32_t known = 0, at = 0;  /* bit c: idf[c] is computed */
    for (uint32_t u = 0; u < s->nused; u++) {
        term_info *t = &s->terms[s->used[u]];
        uint32_t c = t->sentences;
        /* most words are in one to three sentences: their logs are taken once a pair */
        float local = c < IDF_CACHED && known >> c & 1 ? idf[c] : logf((total + 1.0f) / ((float)c + 0.5f));
        if (c < IDF_CACHED) {
            idf[c] = local;
            known |= 1u << c;
        }
        t->weight = local * nd_docfreq_word(df, t->term);
        t->at = at;
        at += t->in_b;
    }
    /* a counting sort: filled in sentence order, each run comes out increasing */
    for (uint32_t j = 0; j < nb; j++)
        for (uint32_t k = b->sent_off[j]; k < b->sent_off[j + 1]; k++) s->postb[s->terms[s->slot_b[k]].at++] = j;
    for (uint32_t u = 0; u < s->nused; u++) s->terms[s->used[u]].at -= s->terms[s->used[u]].in_b;
}

/* Fills sim[i * nb + j]: weighted overlap of sentence i of a and j of b over
 * the lighter of the two, where they share enough; 0 elsewhere.  Goes through
 * b's sentences by word, so pairs sharing nothing cost nothing. */
static void sentence_sims(scratch *s, const nd_features *a, uint32_t na, uint32_t nb)
{
    memset(s->sim, 0, (size_t)na * nb * sizeof *s->sim);
    for (uint32_t i = 0; i < na; i++) {
        uint32_t ntouched = 0;
        for (uint32_t k = a->sent_off[i]; k < a->sent_off[i + 1]; k++) {
            const term_info *t = &s->terms[s->slot_a[k]];
            for (uint32_t p = t->at; p < t->at + t->in_b; p++) {
                uint32_t j = s->postb[p];
                if (s->hits[j] == 0) {
                    s->touched[ntouched++] = j;
                    s->acc[j] = 0;
                }
                s->hits[j]++;
                s->acc[j] += s->wa[k];
            }
        }
        for (uint32_t t = 0; t < ntouched; t++) {
            uint32_t j = s->touched[t];
            if (s->hits[j] >= MIN_SHARED_WORDS) {
                float denom = s->suma[i] < s->sumb[j] ? s->suma[i] : s->sumb[j];
                float v = denom > 0 ? s->acc[j] / denom : 0;
                if (v >= MIN_SENT_SIM) s->sim[(size_t)i * nb + j] = v > 1 ? 1 : v;
            }
            s->hits[j] = 0;
        }
    }
}

static int reserve_pairs(nd_alignment *al, uint32_t n)
{
    if (n <= al->cap) return 0;
    nd_sent_pair *p = realloc(al->pairs, (size_t)n * sizeof *p);
    if (!p) return -1;
    al->pairs = p;
    al->cap = n;
    return 0;
}

int nd_align(const nd_features *a, const nd_features *b, nd_alignment *out)
{
    return nd_align_weighted(a, b, NULL, out);
}

int nd_align_weighted(const nd_features *a, const nd_features *b, const nd_docfreq *df, nd_alignment *out)
{
    out->npairs = 0;
    out->coverage = 0;
    uint32_t na = a->nsent < MAX_ALIGN_SENTENCES ? a->nsent : MAX_ALIGN_SENTENCES;
    uint32_t nb = b->nsent < MAX_ALIGN_SENTENCES ? b->nsent : MAX_ALIGN_SENTENCES;
    if (na == 0 || nb == 0) return 0;
    uint32_t wa_n = a->sent_off[na], wb_n = b->sent_off[nb];
    scratch s;
    void *block = scratch_alloc(&s, na, nb, wa_n, wb_n);
    if (!block || reserve_pairs(out, na < nb ? na : nb)) {
        free(block);
        return -1;
    }
    pair_weights(&s, a, na, b, nb, df);
    for (uint32_t k = 0; k < wa_n; k++) s.wa[k] = s.terms[s.slot_a[k]].weight;
    for (uint32_t i = 0; i < na; i++) {
        s.suma[i] = 0;
        for (uint32_t k = a->sent_off[i]; k < a->sent_off[i + 1]; k++) s.suma[i] += s.wa[k];
    }
    for (uint32_t j = 0; j < nb; j++) {
        s.sumb[j] = 0;
        s.hits[j] = 0;
        for (uint32_t k = b->sent_off[j]; k < b->sent_off[j + 1]; k++) s.sumb[j] += s.terms[s.slot_b[k]].weight;
    }
    sentence_sims(&s, a, na, nb);
    float *dp = s.dp, *sim = s.sim;
    size_t w = (size_t)nb + 1;
    for (uint32_t j = 0; j <= nb; j++) dp[j] = 0;
    for (uint32_t i = 1; i <= na; i++) {
        dp[i * w] = 0;
        for (uint32_t j = 1; j <= nb; j++) {
            float sv = sim[(size_t)(i - 1) * nb + (j - 1)];
            float best = dp[(i - 1) * w + j];
            if (dp[i * w + j - 1] > best) best = dp[i * w + j - 1];
            if (sv > 0 && dp[(i - 1) * w + j - 1] + sv > best) best = dp[(i - 1) * w + j - 1] + sv;
            dp[i * w + j] = best;
        }
    }
    /* walk back from the corner, collecting the diagonal steps */
    uint32_t i = na, j = nb, n = 0;
    while (i > 0 && j > 0) {
        float sv = sim[(size_t)(i - 1) * nb + (j - 1)];
        if (sv > 0 && dp[i * w + j] == dp[(i - 1) * w + j - 1] + sv) {
            out->pairs[n++] = (nd_sent_pair){ a->sent_index[i - 1], b->sent_index[j - 1], sv };
            i--;
            j--;
        } else if (dp[i * w + j] == dp[(i - 1) * w + j]) {
            i--;
        } else {
            j--;
        }
    }
    for (uint32_t k = 0; k < n / 2; k++) {
        nd_sent_pair t = out->pairs[k];
        out->pairs[k] = out->pairs[n - 1 - k];
        out->pairs[n - 1 - k] = t;
    }
    out->npairs = n;
    /* one matching sentence of a one-sentence text proves little: count at least three */
    uint32_t shorter = na < nb ? na : nb;
    out->coverage = dp[na * w + nb] / (float)(shorter < MIN_COVERAGE_BASE ? MIN_COVERAGE_BASE : shorter);
    free(block);
    return 0;
}

void nd_alignment_free(nd_alignment *al)
{
    free(al->pairs);
    memset(al, 0, sizeof *al);
}

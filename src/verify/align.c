#include "align.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/sort.h"

#define MAX_ALIGN_SENTENCES 2000  /* the DP table is quadratic; longer tails are not aligned */
#define MIN_SHARED_WORDS 2
#define MIN_SENT_SIM 0.4f
#define MIN_COVERAGE_BASE 3

/* Term weights local to the pair: a word in many sentences of both documents
 * (the story's main names) says little about which sentence restates which;
 * a word in two sentences says a lot.  Weighted like IDF over the sentences
 * of the two documents, times the word's rarity in the corpus. */
typedef struct {
    uint32_t term;
    float weight;
} term_weight;

static float lookup(const term_weight *tw, uint32_t n, uint32_t term)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (tw[mid].term < term) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && tw[lo].term == term ? tw[lo].weight : 0.0f;
}

/* Scratch of one alignment, in one allocation. */
typedef struct {
    term_weight *tw;
    uint32_t *all, *tmp;
    float *wa, *wb, *suma, *sumb, *dp, *sim, *acc;
    uint32_t *hits, *touched;
    uint64_t *post;          /* b's (word << 32 | sentence), sorted */
    uint64_t *post_tmp;
} scratch;

static void *take(char **p, size_t bytes)
{
    void *r = *p;
    *p += (bytes + 15) & ~(size_t)15;
    return r;
}

static void *scratch_alloc(scratch *s, uint32_t na, uint32_t nb, uint32_t wa, uint32_t wb)
{
    size_t w = (size_t)wa + wb + 1;
    size_t bytes = w * (sizeof *s->tw + 2 * sizeof *s->all) + ((size_t)wa + wb + 2) * sizeof(float) +
                   ((size_t)na + nb) * sizeof(float) + ((size_t)na + 1) * (nb + 1) * sizeof(float) +
                   (size_t)na * nb * sizeof(float) + (size_t)nb * (sizeof(float) + 2 * sizeof(uint32_t)) +
                   2 * ((size_t)wb + 1) * sizeof(uint64_t) + 16 * 16;
    char *base = malloc(bytes), *p = base;
    if (!base) return NULL;
    s->tw = take(&p, w * sizeof *s->tw);
    s->all = take(&p, w * sizeof *s->all);
    s->tmp = take(&p, w * sizeof *s->tmp);
    s->wa = take(&p, ((size_t)wa + 1) * sizeof *s->wa);
    s->wb = take(&p, ((size_t)wb + 1) * sizeof *s->wb);
    s->suma = take(&p, (size_t)na * sizeof *s->suma);
    s->sumb = take(&p, (size_t)nb * sizeof *s->sumb);
    s->dp = take(&p, ((size_t)na + 1) * (nb + 1) * sizeof *s->dp);
    s->sim = take(&p, (size_t)na * nb * sizeof *s->sim);
    s->acc = take(&p, (size_t)nb * sizeof *s->acc);
    s->hits = take(&p, (size_t)nb * sizeof *s->hits);
    s->touched = take(&p, (size_t)nb * sizeof *s->touched);
    s->post = take(&p, ((size_t)wb + 1) * sizeof *s->post);
    s->post_tmp = take(&p, ((size_t)wb + 1) * sizeof *s->post_tmp);
    return base;
}

/* The pair's weight table: words are unique per sentence, so a run of equal
 * words in the merged lists counts the sentences that use the word. */
static uint32_t pair_weights(scratch *s, const nd_features *a, uint32_t na, const nd_features *b, uint32_t nb,
                             const nd_docfreq *df)
{
    uint32_t wa = a->sent_off[na], wb = b->sent_off[nb], nw = wa + wb;
    memcpy(s->all, a->words, (size_t)wa * sizeof *s->all);
    memcpy(s->all + wa, b->words, (size_t)wb * sizeof *s->all);
    nd_sort_u32(s->all, nw, s->tmp);
    uint32_t n = 0;
    float total = (float)(na + nb);
    for (uint32_t i = 0; i < nw;) {
        uint32_t j = i;
        while (j < nw && s->all[j] == s->all[i]) j++;
        s->tw[n].term = s->all[i];
        s->tw[n].weight = logf((total + 1.0f) / ((float)(j - i) + 0.5f)) * nd_docfreq_word(df, s->all[i]);
        n++;
        i = j;
    }
    return n;
}

/* Fills sim[i * nb + j]: weighted overlap of sentence i of a and j of b over
 * the lighter of the two, where they share enough; 0 elsewhere.  Goes through
 * b's words by an inverted list, so pairs sharing nothing cost nothing. */
static int sentence_sims(scratch *s, const nd_features *a, uint32_t na, const nd_features *b, uint32_t nb)
{
    uint32_t wb = b->sent_off[nb];
    for (uint32_t j = 0; j < nb; j++)
        for (uint32_t k = b->sent_off[j]; k < b->sent_off[j + 1]; k++) s->post[k] = ((uint64_t)b->words[k] << 32) | j;
    if (nd_sort_u64(s->post, wb, s->post_tmp)) return -1;
    memset(s->sim, 0, (size_t)na * nb * sizeof *s->sim);
    for (uint32_t i = 0; i < na; i++) {
        uint32_t ntouched = 0;
        for (uint32_t k = a->sent_off[i]; k < a->sent_off[i + 1]; k++) {
            uint64_t key = (uint64_t)a->words[k] << 32;
            uint32_t lo = 0, hi = wb;
            while (lo < hi) {
                uint32_t mid = (lo + hi) / 2;
                if (s->post[mid] < key) lo = mid + 1;
                else hi = mid;
            }
            for (uint32_t p = lo; p < wb && (s->post[p] >> 32) == a->words[k]; p++) {
                uint32_t j = (uint32_t)s->post[p];
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
    return 0;
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
    uint32_t nterms = pair_weights(&s, a, na, b, nb, df);
    for (uint32_t k = 0; k < wa_n; k++) s.wa[k] = lookup(s.tw, nterms, a->words[k]);
    for (uint32_t k = 0; k < wb_n; k++) s.wb[k] = lookup(s.tw, nterms, b->words[k]);
    for (uint32_t i = 0; i < na; i++) {
        s.suma[i] = 0;
        for (uint32_t k = a->sent_off[i]; k < a->sent_off[i + 1]; k++) s.suma[i] += s.wa[k];
    }
    for (uint32_t j = 0; j < nb; j++) {
        s.sumb[j] = 0;
        s.hits[j] = 0;
        for (uint32_t k = b->sent_off[j]; k < b->sent_off[j + 1]; k++) s.sumb[j] += s.wb[k];
    }
    if (sentence_sims(&s, a, na, b, nb)) {
        free(block);
        return -1;
    }
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

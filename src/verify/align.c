#include "align.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ALIGN_SENTENCES 2000  /* the DP table is quadratic; longer tails are not aligned */
#define MIN_SHARED_WORDS 2
#define MIN_SENT_SIM 0.4f
#define MIN_COVERAGE_BASE 3

/* Term weights local to the pair: a word in many sentences of both documents
 * (the story's main names) says little about which sentence restates which;
 * a word in two sentences says a lot.  Weighted like IDF over the sentences
 * of the two documents. */
typedef struct {
    uint32_t term;
    float weight;
} term_weight;

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

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

/* Builds the pair's weight table and the per-word weights of each side. */
static term_weight *pair_weights(const nd_features *a, uint32_t na, const nd_features *b, uint32_t nb,
                                 uint32_t *nterms)
{
    uint32_t wa = a->sent_off[na], wb = b->sent_off[nb];
    uint32_t *all = malloc(((size_t)wa + wb + 1) * sizeof *all);
    term_weight *tw = malloc(((size_t)wa + wb + 1) * sizeof *tw);
    if (!all || !tw) {
        free(all);
        free(tw);
        return NULL;
    }
    memcpy(all, a->words, (size_t)wa * sizeof *all);
    memcpy(all + wa, b->words, (size_t)wb * sizeof *all);
    qsort(all, (size_t)wa + wb, sizeof *all, cmp_u32);  /* words are unique per sentence: run length = sentence count */
    uint32_t n = 0;
    float total = (float)(na + nb);
    for (uint32_t i = 0; i < wa + wb;) {
        uint32_t j = i;
        while (j < wa + wb && all[j] == all[i]) j++;
        tw[n].term = all[i];
        tw[n].weight = logf((total + 1.0f) / ((float)(j - i) + 0.5f));
        n++;
        i = j;
    }
    free(all);
    *nterms = n;
    return tw;
}

static float sentence_sim(const nd_features *a, uint32_t i, const float *wa, const nd_features *b, uint32_t j,
                          const float *wb, float suma, float sumb)
{
    const uint32_t *x = a->words + a->sent_off[i], *y = b->words + b->sent_off[j];
    uint32_t nx = a->sent_off[i + 1] - a->sent_off[i], ny = b->sent_off[j + 1] - b->sent_off[j];
    const float *w = wa + a->sent_off[i];
    uint32_t p = 0, q = 0, shared = 0;
    float inter = 0;
    while (p < nx && q < ny) {
        if (x[p] < y[q]) p++;
        else if (x[p] > y[q]) q++;
        else {
            inter += w[p];
            shared++;
            p++;
            q++;
        }
    }
    (void)wb;
    if (shared < MIN_SHARED_WORDS) return 0;
    float denom = suma < sumb ? suma : sumb;
    float s = denom > 0 ? inter / denom : 0;
    return s >= MIN_SENT_SIM ? (s > 1 ? 1 : s) : 0;
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
    uint32_t nterms = 0;
    term_weight *tw = pair_weights(a, na, b, nb, &nterms);
    uint32_t wa_n = a->sent_off[na], wb_n = b->sent_off[nb];
    float *wa = malloc(((size_t)wa_n + 1) * sizeof *wa);
    float *wb = malloc(((size_t)wb_n + 1) * sizeof *wb);
    float *suma = malloc((size_t)na * sizeof *suma);
    float *sumb = malloc((size_t)nb * sizeof *sumb);
    float *dp = malloc(((size_t)na + 1) * ((size_t)nb + 1) * sizeof *dp);
    float *sim = malloc((size_t)na * nb * sizeof *sim);
    int rc = -1;
    if (!tw || !wa || !wb || !suma || !sumb || !dp || !sim || reserve_pairs(out, na < nb ? na : nb)) goto done;
    for (uint32_t k = 0; k < wa_n; k++) wa[k] = lookup(tw, nterms, a->words[k]) * nd_docfreq_word(df, a->words[k]);
    for (uint32_t k = 0; k < wb_n; k++) wb[k] = lookup(tw, nterms, b->words[k]) * nd_docfreq_word(df, b->words[k]);
    for (uint32_t i = 0; i < na; i++) {
        suma[i] = 0;
        for (uint32_t k = a->sent_off[i]; k < a->sent_off[i + 1]; k++) suma[i] += wa[k];
    }
    for (uint32_t j = 0; j < nb; j++) {
        sumb[j] = 0;
        for (uint32_t k = b->sent_off[j]; k < b->sent_off[j + 1]; k++) sumb[j] += wb[k];
    }
    size_t w = (size_t)nb + 1;
    for (uint32_t j = 0; j <= nb; j++) dp[j] = 0;
    for (uint32_t i = 1; i <= na; i++) {
        dp[i * w] = 0;
        for (uint32_t j = 1; j <= nb; j++) {
            float s = sentence_sim(a, i - 1, wa, b, j - 1, wb, suma[i - 1], sumb[j - 1]);
            sim[(size_t)(i - 1) * nb + (j - 1)] = s;
            float best = dp[(i - 1) * w + j];
            if (dp[i * w + j - 1] > best) best = dp[i * w + j - 1];
            if (s > 0 && dp[(i - 1) * w + j - 1] + s > best) best = dp[(i - 1) * w + j - 1] + s;
            dp[i * w + j] = best;
        }
    }
    /* walk back from the corner, collecting the diagonal steps */
    uint32_t i = na, j = nb, n = 0;
    while (i > 0 && j > 0) {
        float s = sim[(size_t)(i - 1) * nb + (j - 1)];
        if (s > 0 && dp[i * w + j] == dp[(i - 1) * w + j - 1] + s) {
            out->pairs[n++] = (nd_sent_pair){ a->sent_index[i - 1], b->sent_index[j - 1], s };
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
    rc = 0;
done:
    free(tw);
    free(wa);
    free(wb);
    free(suma);
    free(sumb);
    free(dp);
    free(sim);
    return rc;
}

void nd_alignment_free(nd_alignment *al)
{
    free(al->pairs);
    memset(al, 0, sizeof *al);
}

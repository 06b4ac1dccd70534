#include "link.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MIN_SHARED 3        /* content words two sentences (or a clause and a sentence) must share */
#define MIN_SIM 0.34f       /* weighted overlap a link needs */
#define KEEP_RATIO 0.6f     /* further links of a rewrite sentence: this share of its best */
#define MAX_POSTING 400     /* words in more origin sentences than this carry no weight anyway */
#define WINDOW 4            /* origin sentences a link may stray from where the anchors put it */
#define MIN_CLAUSE 3        /* content words a clause needs to be scored on its own */
#define MIN_QUOTE_RUN 4     /* words in a row two quotations share: the same quotation */
#define MAX_QUOTE_WORDS 64  /* words of a sentence's quotation compared */
#define NEXT_QUOTE_SIM 0.5f /* strength given to a quotation that goes on after a linked one */

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

static int cmp_link(const void *x, const void *y)
{
    const nd_link *a = x, *b = y;
    if (a->r != b->r) return a->r < b->r ? -1 : 1;
    return (a->sim < b->sim) - (a->sim > b->sim);
}

/* Sorted unique content stems of each sentence, appended to bag from *k;
 * off[s] .. off[s + 1] delimit sentence s. */
static void fill_bags(const nd_tokens *t, const nd_attrib *a, uint32_t *bag, uint32_t *k, uint32_t *off)
{
    for (uint32_t s = 0; s < t->nsent; s++) {
        off[s] = *k;
        const nd_sentence *se = &t->sent[s];
        const nd_claim *c = &a->claims[s];
        uint32_t from = *k;
        for (uint32_t i = se->tok; i < se->tok + se->ntok; i++) {
            const nd_token *tok = &t->tok[i];
            if (tok->flags & (ND_TOK_STOP | ND_TOK_BOILER)) continue;
            if (tok->start >= c->frame[0] && tok->end <= c->frame[1]) continue;
            bag[(*k)++] = tok->stem;
        }
        qsort(bag + from, *k - from, sizeof *bag, cmp_u32);
        uint32_t u = from;
        for (uint32_t i = from; i < *k; i++)
            if (u == from || bag[i] != bag[u - 1]) bag[u++] = bag[i];
        *k = u;
    }
    off[t->nsent] = *k;
}

static uint32_t find_id(const uint32_t *uniq, uint32_t n, uint32_t stem)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (uniq[mid] < stem) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Clause boundaries: punctuation between two tokens. */
static int clause_break(const char *text, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to; i++) {
        char c = text[i];
        if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') return 1;
        if ((unsigned char)c == 0xE2 && i + 2 < to && (unsigned char)text[i + 1] == 0x80 &&
            ((unsigned char)text[i + 2] == 0x94 || (unsigned char)text[i + 2] == 0x93))
            return 1;  /* em and en dashes */
    }
    return 0;
}

/* Where the anchors put rewrite sentence r in the origin: *at, as far
 * between the origin sentences of the anchors around it as r is between
 * theirs, and *lo, *hi those anchors' origin sentences; before the first
 * anchor or past the last, the anchor's origin sentence moved by r's
 * distance from it (possibly off either end of the origin, as a truncated
 * origin's copy runs on past it). */
static void expected_at(const nd_alignment *al, uint32_t r, int64_t *lo, int64_t *at, int64_t *hi)
{
    uint32_t l = 0, h = al->npairs;  /* pairs are in order of b: the first at or after r */
    while (l < h) {
        uint32_t mid = (l + h) / 2;
        if (al->pairs[mid].b < r) l = mid + 1;
        else h = mid;
    }
    if (l < al->npairs && (al->pairs[l].b == r || l > 0)) {
        const nd_sent_pair *p = &al->pairs[al->pairs[l].b == r ? l : l - 1], *q = &al->pairs[l];
        *lo = p->a;
        *hi = q->a;
        *at = q->b > p->b ? p->a + (int64_t)(q->a - p->a) * (r - p->b) / (q->b - p->b) : p->a;
    } else if (l < al->npairs) {
        *lo = *at = *hi = (int64_t)al->pairs[l].a - (int64_t)(al->pairs[l].b - r);
    } else {
        *lo = *at = *hi = (int64_t)al->pairs[l - 1].a + (int64_t)(r - al->pairs[l - 1].b);
    }
}

/* The origin sentences rewrite sentence r may link to, [*lo, *hi]: those
 * between the anchors around it, and a few either side of where they put
 * it (*at); empty (*lo > *hi) when they put r off the origin's ends. */
static void window_of(const nd_alignment *al, uint32_t r, uint32_t no, int64_t *lo, int64_t *at, int64_t *hi)
{
    expected_at(al, r, lo, at, hi);
    if (*at - WINDOW < *lo) *lo = *at - WINDOW;
    if (*at + WINDOW > *hi) *hi = *at + WINDOW;
    if (*lo < 0) *lo = 0;
    if (*hi > (int64_t)no - 1) *hi = (int64_t)no - 1;
}

/* The origin sentence nd_align paired with rewrite sentence r, or UINT32_MAX. */
static uint32_t anchor_of(const nd_alignment *al, uint32_t r)
{
    uint32_t lo = 0, hi = al->npairs;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (al->pairs[mid].b < r) lo = mid + 1;
        else hi = mid;
    }
    return lo < al->npairs && al->pairs[lo].b == r ? al->pairs[lo].a : UINT32_MAX;
}

typedef struct {
    const uint32_t *uniq;
    uint32_t nu;
    const float *weight;
    const uint32_t *post_off, *post;
} postings;

/* Adds the weights of the words ids[0..n) to the origin sentences holding
 * them; returns how many sentences it touched first (listed in touched). */
static uint32_t accumulate(const postings *ix, const uint32_t *ids, uint32_t n, float *score, uint32_t *count,
                           uint32_t *touched)
{
    uint32_t nt = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t id = ids[i];
        if (ix->post_off[id + 1] - ix->post_off[id] > MAX_POSTING) continue;
        for (uint32_t p = ix->post_off[id]; p < ix->post_off[id + 1]; p++) {
            uint32_t o = ix->post[p];
            if (!count[o]) touched[nt++] = o;
            count[o]++;
            score[o] += ix->weight[id];
        }
    }
    return nt;
}

/* Content-word ids of the clauses of rewrite sentence s, clause after
 * clause into ids, with cl_off delimiting them; returns the clause count. */
static uint32_t clauses_of(const char *text, const nd_tokens *t, const nd_attrib *a, uint32_t s, const postings *ix,
                           uint32_t *ids, uint32_t *cl_off, uint32_t cap)
{
    const nd_sentence *se = &t->sent[s];
    const nd_claim *c = &a->claims[s];
    uint32_t nc = 0, k = 0;
    cl_off[0] = 0;
    for (uint32_t i = se->tok; i < se->tok + se->ntok; i++) {
        const nd_token *tok = &t->tok[i];
        if (i > se->tok && clause_break(text, t->tok[i - 1].end, tok->start) && k - cl_off[nc] >= MIN_CLAUSE &&
            nc + 1 < cap)
            cl_off[++nc] = k;
        if (tok->flags & (ND_TOK_STOP | ND_TOK_BOILER)) continue;
        if (tok->start >= c->frame[0] && tok->end <= c->frame[1]) continue;
        ids[k++] = find_id(ix->uniq, ix->nu, tok->stem);
    }
    if (k - cl_off[nc] < MIN_CLAUSE && nc > 0) nc--;  /* a short tail joins the clause before it */
    cl_off[++nc] = k;
    return nc;
}

/* Word hashes of the quoted tokens of sentence s, in order (at most cap).
 * Tokens and quotations are both in text order: one merge. */
static uint32_t quoted_words(const nd_tokens *t, const nd_attrib *a, uint32_t s, uint32_t *w, uint32_t cap)
{
    const nd_sentence *se = &t->sent[s];
    uint32_t lo = 0, hi = a->nquotes, n = 0;
    while (lo < hi) {  /* the first quotation ending after the sentence starts */
        uint32_t mid = (lo + hi) / 2;
        if (a->quotes[mid].end <= se->start) lo = mid + 1;
        else hi = mid;
    }
    for (uint32_t i = se->tok, q = lo; i < se->tok + se->ntok && q < a->nquotes && n < cap; i++) {
        const nd_token *tok = &t->tok[i];
        while (q < a->nquotes && a->quotes[q].end < tok->end) q++;
        if (q < a->nquotes && tok->start >= a->quotes[q].start) w[n++] = tok->word;
    }
    return n;
}

/* Longest run of equal words in a[0..na) and b[0..nb). */
static uint32_t longest_run(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb)
{
    uint32_t best = 0;
    for (uint32_t i = 0; i < na; i++)
        for (uint32_t j = 0; j < nb; j++) {
            uint32_t k = 0;
            while (i + k < na && j + k < nb && a[i + k] == b[j + k]) k++;
            if (k > best) best = k;
        }
    return best;
}

int nd_sentences_same(const nd_tokens *a, uint32_t i, const nd_tokens *b, uint32_t j)
{
    const nd_sentence *x = &a->sent[i], *y = &b->sent[j];
    if (x->ntok != y->ntok || !x->ntok) return 0;
    for (uint32_t k = 0; k < x->ntok; k++)
        if (a->tok[x->tok + k].word != b->tok[y->tok + k].word) return 0;
    return 1;
}

static uint32_t sentence_hash(const nd_tokens *t, uint32_t s)
{
    uint32_t h = 2166136261u;
    for (uint32_t k = t->sent[s].tok; k < t->sent[s].tok + t->sent[s].ntok; k++) h = (h ^ t->tok[k].word) * 16777619u;
    return h;
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

/* The origin sentence word for word the same as rewrite sentence r that
 * lies nearest origin sentence `at`, or UINT32_MAX.  keys[0..no) are the
 * origin's sentence hashes << 32 | sentence, sorted. */
static uint32_t identical_of(const uint64_t *keys, uint32_t no, const nd_tokens *to, const nd_tokens *tr, uint32_t r,
                             int64_t at)
{
    uint64_t h = (uint64_t)sentence_hash(tr, r) << 32;
    uint32_t lo = 0, hi = no, best = UINT32_MAX;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (keys[mid] < h) lo = mid + 1;
        else hi = mid;
    }
    for (; lo < no && (keys[lo] >> 32) == (h >> 32); lo++) {
        uint32_t o = (uint32_t)keys[lo];
        if (!nd_sentences_same(to, o, tr, r)) continue;
        if (best == UINT32_MAX || llabs(at - o) < llabs(at - best)) best = o;
    }
    return best;
}

static int push_link(nd_links *out, nd_link l)
{
    if (out->n == out->cap) {
        uint32_t cap = out->cap ? out->cap * 2 : 64;
        nd_link *v = realloc(out->v, (size_t)cap * sizeof *v);
        if (!v) return -1;
        out->v = v;
        out->cap = cap;
    }
    out->v[out->n++] = l;
    return 0;
}

/* A quotation that goes on in the next sentence under the same speaker
 * ("“Q1,” she said. “Q2.”") restates the origin's next sentence when the
 * sentences before them are linked, however its words were changed. */
static int link_continuations(const nd_tokens *to, const nd_attrib *ao, const nd_tokens *tr, const nd_attrib *ar,
                              nd_links *out)
{
    uint32_t n = out->n;
    for (uint32_t i = 0; i < n; i++) {
        nd_link l = out->v[i];
        uint32_t o = l.o + 1, r = l.r + 1;
        if (o >= to->nsent || r >= tr->nsent || to->sent[o].para != to->sent[l.o].para ||
            tr->sent[r].para != tr->sent[l.r].para)
            continue;
        const nd_claim *oc = &ao->claims[o], *rc = &ar->claims[r];
        if (!oc->direct || !rc->direct || oc->frame[1] || rc->frame[1]) continue;
        int linked = 0;
        for (uint32_t k = 0; k < out->n && !linked; k++) linked = out->v[k].r == r;
        if (!linked && push_link(out, (nd_link){ o, r, NEXT_QUOTE_SIM })) return -1;
    }
    return 0;
}

int nd_link_sentences(const nd_tokens *to, const nd_attrib *ao, const nd_tokens *tr, const nd_attrib *ar,
                      const nd_alignment *al, const char *rtext, nd_links *out)
{
    uint32_t qo[MAX_QUOTE_WORDS], qr[MAX_QUOTE_WORDS];
    out->n = 0;
    uint32_t no = to->nsent, nr = tr->nsent, ns = no + nr;
    if (!al->npairs || !no || !nr) return 0;
    size_t ntok = (size_t)to->ntok + tr->ntok + 1;
    uint32_t *bag = malloc(ntok * sizeof *bag), *uniq = malloc(ntok * sizeof *uniq);
    uint32_t *off = malloc(((size_t)ns + 2) * sizeof *off);
    float *wsum = malloc(((size_t)ns + 1) * sizeof *wsum), *weight = malloc(ntok * sizeof *weight);
    uint32_t *post_off = calloc(ntok + 1, sizeof *post_off), *post = malloc(ntok * sizeof *post);
    float *score = calloc((size_t)no + 1, sizeof *score), *sim = calloc((size_t)no + 1, sizeof *sim);
    uint32_t *count = calloc((size_t)no + 1, sizeof *count), *touched = malloc(((size_t)no + 1) * sizeof *touched);
    uint32_t *ctouched = malloc(((size_t)no + 1) * sizeof *ctouched);
    uint32_t *ids = malloc(((size_t)tr->ntok + 1) * sizeof *ids), *cl_off = malloc(((size_t)tr->ntok + 2) * sizeof *cl_off);
    nd_link *cand = malloc(((size_t)no + 1) * sizeof *cand);
    uint64_t *keys = malloc((size_t)no * sizeof *keys), *rkeys = malloc((size_t)nr * sizeof *rkeys);
    nd_alignment anchors = { malloc((size_t)al->npairs * sizeof *al->pairs), 0, al->npairs, al->coverage };
    uint8_t *twinned = malloc((size_t)no);
    int rc = -1;
    if (!bag || !uniq || !off || !wsum || !weight || !post_off || !post || !score || !sim || !count || !touched ||
        !ctouched || !ids || !cl_off || !cand || !keys || !rkeys || !anchors.pairs || !twinned)
        goto done;
    for (uint32_t o = 0; o < no; o++) keys[o] = (uint64_t)sentence_hash(to, o) << 32 | o;
    qsort(keys, no, sizeof *keys, cmp_u64);
    for (uint32_t r = 0; r < nr; r++) rkeys[r] = (uint64_t)sentence_hash(tr, r) << 32 | r;
    qsort(rkeys, nr, sizeof *rkeys, cmp_u64);
    for (uint32_t o = 0; o < no; o++) twinned[o] = identical_of(rkeys, nr, tr, to, o, o) != UINT32_MAX;
    /* a pair of sentences that differ, one of which has a twin elsewhere,
     * anchors nothing: the twins say where the rewrite is */
    for (uint32_t i = 0; i < al->npairs; i++) {
        const nd_sent_pair *pr = &al->pairs[i];
        if (nd_sentences_same(to, pr->a, tr, pr->b) || (identical_of(keys, no, to, tr, pr->b, pr->a) == UINT32_MAX &&
                                                        identical_of(rkeys, nr, tr, to, pr->a, pr->b) == UINT32_MAX))
            anchors.pairs[anchors.npairs++] = *pr;
    }
    if (!anchors.npairs) {
        rc = 0;
        goto done;
    }
    al = &anchors;
    uint32_t k = 0;
    fill_bags(to, ao, bag, &k, off);
    fill_bags(tr, ar, bag, &k, off + no);
    /* weights like IDF over the sentences of both documents: the story's
     * main names say little about which sentence restates which */
    memcpy(uniq, bag, (size_t)k * sizeof *uniq);
    qsort(uniq, k, sizeof *uniq, cmp_u32);
    uint32_t nu = 0;
    for (uint32_t i = 0; i < k;) {
        uint32_t j = i;
        while (j < k && uniq[j] == uniq[i]) j++;
        uniq[nu] = uniq[i];
        weight[nu++] = logf(((float)ns + 1.0f) / ((float)(j - i) + 0.5f));
        i = j;
    }
    for (uint32_t i = 0; i < k; i++) bag[i] = find_id(uniq, nu, bag[i]);  /* stems become ids */
    for (uint32_t s = 0; s < ns; s++) {
        wsum[s] = 0;
        for (uint32_t i = off[s]; i < off[s + 1]; i++) wsum[s] += weight[bag[i]];
    }
    /* postings: which origin sentences hold each word */
    for (uint32_t i = 0; i < off[no]; i++) post_off[bag[i] + 1]++;
    for (uint32_t u = 0; u < nu; u++) post_off[u + 1] += post_off[u];
    for (uint32_t s = 0; s < no; s++)
        for (uint32_t i = off[s]; i < off[s + 1]; i++) post[post_off[bag[i]]++] = s;
    for (uint32_t u = nu; u > 0; u--) post_off[u] = post_off[u - 1];
    post_off[0] = 0;
    postings ix = { uniq, nu, weight, post_off, post };
    for (uint32_t r = 0; r < nr; r++) {
        /* a sentence kept word for word restates its twin and nothing else:
         * a copy's sentences never meet their neighbours */
        int64_t wlo, at, whi;
        window_of(al, r, no, &wlo, &at, &whi);
        uint32_t twin = identical_of(keys, no, to, tr, r, at);
        if (twin != UINT32_MAX) {
            if (push_link(out, (nd_link){ twin, r, 1.0f })) goto done;
            continue;
        }
        if (wlo > whi) continue;
        uint32_t rs = no + r, lo = (uint32_t)wlo, hi = (uint32_t)whi;
        /* the sentence as a whole: overlap coefficient */
        uint32_t nt = accumulate(&ix, bag + off[rs], off[rs + 1] - off[rs], score, count, touched);
        uint32_t anchor = anchor_of(al, r);
        for (uint32_t i = 0; i < nt; i++) {
            uint32_t o = touched[i];
            float denom = wsum[o] < wsum[rs] ? wsum[o] : wsum[rs];
            sim[o] = count[o] >= MIN_SHARED && denom > 0 ? score[o] / denom : 0;
            /* nd_align paired them (names and all): two shared content words suffice */
            if (o == anchor && count[o] >= MIN_SHARED - 1 && sim[o] < MIN_SIM) sim[o] = MIN_SIM;
            score[o] = 0;
            count[o] = 0;
        }
        /* each clause: how much of it the origin sentence holds */
        uint32_t ncl = clauses_of(rtext, tr, ar, r, &ix, ids, cl_off, tr->ntok + 1);
        for (uint32_t c = 0; ncl > 1 && c < ncl; c++) {
            const uint32_t *cid = ids + cl_off[c];
            uint32_t n = cl_off[c + 1] - cl_off[c];
            float cw = 0;
            for (uint32_t i = 0; i < n; i++) cw += weight[cid[i]];
            uint32_t ct = accumulate(&ix, cid, n, score, count, ctouched);
            for (uint32_t i = 0; i < ct; i++) {
                uint32_t o = ctouched[i];
                float cs = count[o] >= MIN_SHARED && cw > 0 ? score[o] / cw : 0;
                if (cs > sim[o]) sim[o] = cs;
                score[o] = 0;
                count[o] = 0;
            }
        }
        /* a quotation kept word for word links whatever else changed */
        uint32_t nqr = quoted_words(tr, ar, r, qr, MAX_QUOTE_WORDS);
        for (uint32_t o = lo; nqr >= MIN_QUOTE_RUN && o <= hi; o++) {
            uint32_t nqo = quoted_words(to, ao, o, qo, MAX_QUOTE_WORDS);
            uint32_t run = longest_run(qo, nqo, qr, nqr);
            if (run < MIN_QUOTE_RUN) continue;
            float qs = 0.6f + 0.05f * (float)(run - MIN_QUOTE_RUN);
            if (!count[o] && sim[o] == 0) touched[nt++] = o;  /* not reached through content words */
            if (qs > sim[o]) sim[o] = qs > 1 ? 1 : qs;
        }
        uint32_t nc = 0;
        float best = 0;
        for (uint32_t i = 0; i < nt; i++) {
            uint32_t o = touched[i];
            /* an origin sentence kept word for word elsewhere is restated there */
            if (sim[o] >= MIN_SIM && o >= lo && o <= hi && !twinned[o]) {
                cand[nc++] = (nd_link){ o, r, sim[o] > 1 ? 1 : sim[o] };
                if (sim[o] > best) best = sim[o];
            }
            sim[o] = 0;
        }
        for (uint32_t i = 0; i < nc; i++)
            if (cand[i].sim >= KEEP_RATIO * best && push_link(out, cand[i])) goto done;
    }
    if (link_continuations(to, ao, tr, ar, out)) goto done;
    if (out->n) qsort(out->v, out->n, sizeof *out->v, cmp_link);
    rc = 0;
done:
    free(bag);
    free(uniq);
    free(off);
    free(wsum);
    free(weight);
    free(post_off);
    free(post);
    free(score);
    free(sim);
    free(count);
    free(ctouched);
    free(ids);
    free(cl_off);
    free(touched);
    free(cand);
    free(keys);
    free(rkeys);
    free(anchors.pairs);
    free(twinned);
    return rc;
}

void nd_links_free(nd_links *l)
{
    free(l->v);
    memset(l, 0, sizeof *l);
}

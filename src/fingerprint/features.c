#include "features.h"

#include <stdlib.h>
#include <string.h>
/* inlined: the keys are a few bytes, where a call into the library costs
 * about as much as the hash */
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "../util/mix.h"
#include "../util/sort.h"

#define MIN_CONTENT_WORDS 3   /* shorter sentences ("He agreed.") would match anything */
#define SHINGLE 5

static int grow(uint32_t **v, uint32_t *cap, uint32_t need)
{
    if (need <= *cap) return 0;
    uint32_t nc = *cap ? *cap : 64;
    while (nc < need) nc *= 2;
    uint32_t *p = realloc(*v, (size_t)nc * sizeof *p);
    if (!p) return -1;
    *v = p;
    *cap = nc;
    return 0;
}

/* sorted: the sets as the header promises; else bigrams and shingles as
 * made (repeats kept) and no vocabulary. */
static int build(const nd_tokens *t, nd_features *f, int sorted)
{
    f->nsent = f->nbigrams = f->nshingles = f->nvocab = 0;
    /* upper bounds: every token is a word, a bigram, a shingle */
    uint32_t nt = t->ntok;
    if (grow(&f->words, &f->cap_words, nt + 1) || grow(&f->bigrams, &f->cap_bigrams, nt + 1) ||
        grow(&f->shingles, &f->cap_shingles, 2 * nt + 1) || grow(&f->vocab, &f->cap_vocab, 2 * nt + 1) ||
        grow(&f->sent_index, &f->cap_sent, t->nsent + 1))
        return -1;
    uint32_t *sent_off = realloc(f->sent_off, ((size_t)t->nsent + 1) * sizeof *sent_off);
    if (!sent_off) return -1;
    f->sent_off = sent_off;

    uint32_t nw = 0, nb = 0;
    uint32_t window[SHINGLE] = { 0 }, nwin = 0;  /* the last SHINGLE words, across sentences */
    uint32_t *tmp = f->vocab;  /* scratch for sorting until the vocabulary is built */
    for (uint32_t s = 0; s < t->nsent; s++) {
        const nd_sentence *se = &t->sent[s];
        if (se->flags & ND_SENT_BOILER) continue;
        uint32_t first = nw;
        uint32_t prev = 0;
        for (uint32_t i = se->tok; i < se->tok + se->ntok; i++) {
            const nd_token *tk = &t->tok[i];
            int stop = (tk->flags & ND_TOK_STOP) != 0;
            if (!stop) f->words[nw++] = tk->stem;
            if (prev && !(stop && (prev & 1u)))
                f->bigrams[nb++] = nd_mix_pair(prev, tk->stem);
            prev = (tk->stem & ~1u) | (uint32_t)stop;  /* low bit remembers "stop word" */
            /* the shingle that ended at the previous word (the last one after the
             * loop): hashed a word late, its stores have reached the cache and the
             * hash's wide loads do not wait on them; the set of shingles is the same */
            if (nwin >= SHINGLE) f->shingles[f->nshingles++] = (uint32_t)XXH3_64bits(window, sizeof window);
            memmove(window, window + 1, (SHINGLE - 1) * sizeof *window);  /* oldest word first */
            window[SHINGLE - 1] = tk->word;
            nwin++;
        }
        uint32_t len = nd_sort_unique_u32(f->words + first, nw - first, tmp);
        if (len < MIN_CONTENT_WORDS) {
            nw = first;
            continue;
        }
        nw = first + len;
        f->sent_index[f->nsent] = s;
        f->sent_off[f->nsent] = first;
        f->nsent++;
    }
    if (nwin >= SHINGLE) f->shingles[f->nshingles++] = (uint32_t)XXH3_64bits(window, sizeof window);
    f->sent_off[f->nsent] = nw;
    f->nbigrams = nb;
    if (!sorted) return 0;
    memcpy(f->vocab, f->words, (size_t)nw * sizeof *f->words);
    f->nvocab = nd_sort_unique_u32(f->vocab, nw, f->shingles + f->nshingles);
    f->nbigrams = nd_sort_unique_u32(f->bigrams, nb, f->vocab + f->nvocab);
    f->nshingles = nd_sort_unique_u32(f->shingles, f->nshingles, f->vocab + f->nvocab);
    return 0;
}

int nd_features_build(const nd_tokens *t, nd_features *f)
{
    return build(t, f, 1);
}

int nd_features_of_text(nd_tokeniser *tk, const char *text, size_t n, uint32_t max_sentences, nd_tokens *t,
                        nd_features *f)
{
    return nd_tokenise(tk, text, n, max_sentences, t) || build(t, f, 1) ? -1 : 0;
}

int nd_features_of_text_unsorted(nd_tokeniser *tk, const char *text, size_t n, uint32_t max_sentences,
                                 nd_tokens *t, nd_features *f)
{
    return nd_tokenise(tk, text, n, max_sentences, t) || build(t, f, 0) ? -1 : 0;
}

void nd_features_free(nd_features *f)
{
    free(f->sent_index);
    free(f->sent_off);
    free(f->words);
    free(f->bigrams);
    free(f->shingles);
    free(f->vocab);
    memset(f, 0, sizeof *f);
}

uint32_t nd_sorted_intersect(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb)
{
    uint32_t i = 0, j = 0, k = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j]) i++;
        else if (a[i] > b[j]) j++;
        else { k++; i++; j++; }
    }
    return k;
}

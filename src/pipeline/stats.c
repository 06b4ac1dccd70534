#include "stats.h"

#include "../fingerprint/features.h"
#include "../tokenise/tokenise.h"

int nd_stats_reset(nd_corpus *c, uint64_t ndocs)
{
    nd_docfreq_free(&c->df);
    c->df_docs = 0;
    /* about 256 counters a document keeps collisions rare; 2^24 caps it at 128 MB */
    unsigned bits = 16;
    while (bits < 24 && ((uint64_t)1 << bits) < ndocs * 256) bits++;
    return nd_docfreq_init(&c->df, bits);
}

const nd_docfreq *nd_stats_docfreq(nd_corpus *c)
{
    if (c->df.words && c->df_docs == c->docs.n) return &c->df;
    if (nd_stats_reset(c, c->docs.n)) return NULL;
    nd_tokeniser *tk = nd_tokeniser_new();
    nd_tokens t = { 0 };
    nd_features f = { 0 };
    int ok = tk != NULL;
    for (size_t d = 0; ok && d < c->docs.n; d++) {
        const nd_doc *doc = &c->docs.v[d];
        ok = !nd_features_of_text(tk, doc->text, doc->len, c->opt.max_sentences, &t, &f);
        if (ok) nd_docfreq_add(&c->df, &f);
    }
    nd_tokeniser_free(tk);
    nd_tokens_free(&t);
    nd_features_free(&f);
    if (!ok || nd_docfreq_finish(&c->df)) {
        nd_docfreq_free(&c->df);
        return NULL;
    }
    c->df_docs = (uint32_t)c->docs.n;
    return &c->df;
}

#include "stats.h"

#include "../fingerprint/compact.h"
#include "../tokenise/tokenise.h"

int nd_stats_reset(nd_corpus *c)
{
    nd_docfreq_free(&c->df);
    c->df_docs = 0;
    /* verification compares compact features: a counter for each compact hash */
    return nd_docfreq_init(&c->df, ND_COMPACT_BITS);
}

const nd_docfreq *nd_stats_docfreq(nd_corpus *c)
{
    if (c->df.words && c->df_docs == c->docs.n) return &c->df;
    if (nd_stats_reset(c)) return NULL;
    nd_tokeniser *tk = nd_tokeniser_new();
    nd_tokens t = { 0 };
    nd_features full = { 0 }, f = { 0 };
    int ok = tk != NULL;
    for (size_t d = 0; ok && d < c->docs.n; d++) {
        const nd_doc *doc = &c->docs.v[d];
        ok = !nd_compact_of_text(tk, doc->text, doc->len, c->opt.max_sentences, &t, &full, &f);
        if (ok) nd_docfreq_add(&c->df, &f);
    }
    nd_tokeniser_free(tk);
    nd_tokens_free(&t);
    nd_features_free(&full);
    nd_features_free(&f);
    if (!ok || nd_docfreq_freeze(&c->df)) {
        nd_docfreq_free(&c->df);
        return NULL;
    }
    c->df_docs = (uint32_t)c->docs.n;
    return &c->df;
}

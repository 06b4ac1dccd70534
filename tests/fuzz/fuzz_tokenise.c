/* Tokeniser and sentence splitter: spans inside the text and in order,
 * sentences cover their tokens, the sentence limit holds.  The first byte
 * picks the limit so truncation is fuzzed too.  Then the ASCII fast path
 * against the general one: with every space made a no-break space (U+00A0)
 * no word ends at an ASCII byte there, and the tokens must not change. */
#include "fuzz.h"
#include "../nbsp.h"
#include "tokenise/tokenise.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    uint32_t max = data[0] % 8 ? data[0] % 8 : 5000;
    size_t n;
    char *text = fuzz_text(data + 1, size - 1, &n);
    if (!text) return 0;
    static nd_tokeniser *tk;
    static nd_tokens t, u;
    if (!tk) tk = nd_tokeniser_new();
    FUZZ_CHECK(tk && nd_tokenise(tk, text, n, max, &t) == 0);
    FUZZ_CHECK(t.nsent <= max);
    for (uint32_t i = 0; i < t.ntok; i++) {
        FUZZ_CHECK(t.tok[i].start < t.tok[i].end && t.tok[i].end <= n);
        if (i) FUZZ_CHECK(t.tok[i - 1].end <= t.tok[i].start);
    }
    for (uint32_t i = 0; i < t.nsent; i++) {
        const nd_sentence *s = &t.sent[i];
        FUZZ_CHECK(s->start <= s->end && s->end <= n);
        FUZZ_CHECK(s->tok + s->ntok <= t.ntok);
        for (uint32_t k = s->tok; k < s->tok + s->ntok; k++)
            FUZZ_CHECK(t.tok[k].start >= s->start && t.tok[k].end <= s->end);
        if (i) FUZZ_CHECK(t.sent[i - 1].end <= s->start && t.sent[i - 1].para <= s->para);
    }

    /* sentences differ (a no-break space ends none), so no limit; boilerplate
     * flags differ (it is no word separator for the line's word count) */
    size_t m;
    char *general = with_nbsp(text, n, &m);
    FUZZ_CHECK(general != NULL);
    FUZZ_CHECK(nd_tokenise(tk, text, n, UINT32_MAX, &t) == 0 && nd_tokenise(tk, general, m, UINT32_MAX, &u) == 0);
    FUZZ_CHECK(t.ntok == u.ntok);
    for (uint32_t i = 0; i < t.ntok; i++) {
        const nd_token *a = &t.tok[i], *b = &u.tok[i];
        FUZZ_CHECK(a->end - a->start == b->end - b->start && a->word == b->word && a->stem == b->stem);
        FUZZ_CHECK((a->flags & ~ND_TOK_BOILER) == (b->flags & ~ND_TOK_BOILER));
    }
    free(general);
    free(text);
    return 0;
}

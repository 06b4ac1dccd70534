/* Tokeniser and sentence splitter: spans inside the text and in order,
 * sentences cover their tokens, the sentence limit holds.  The first byte
 * picks the limit so truncation is fuzzed too. */
#include "fuzz.h"
#include "tokenise/tokenise.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    uint32_t max = data[0] % 8 ? data[0] % 8 : 5000;
    size_t n;
    char *text = fuzz_text(data + 1, size - 1, &n);
    if (!text) return 0;
    static nd_tokeniser *tk;
    static nd_tokens t;
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
    free(text);
    return 0;
}

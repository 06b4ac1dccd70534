/* Attribution extraction over tokenised text: one claim per sentence, every
 * span inside the text, every index in range, and the name comparisons
 * (person with itself) hold. */
#include "fuzz.h"
#include "audit/attrib.h"
#include "tokenise/tokenise.h"

static void check_span(const uint32_t *sp, size_t n)
{
    FUZZ_CHECK(sp[0] <= sp[1] && sp[1] <= n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n;
    char *text = fuzz_text(data, size, &n);
    if (!text) return 0;
    static nd_tokeniser *tk;
    static nd_attrib_ctx *x;
    static nd_tokens t;
    static nd_attrib a;
    if (!tk) tk = nd_tokeniser_new(), x = nd_attrib_ctx_new();
    FUZZ_CHECK(tk && x && nd_tokenise(tk, text, n, 5000, &t) == 0);
    FUZZ_CHECK(nd_attrib_extract(x, text, n, t.sent, t.nsent, &a) == 0);
    FUZZ_CHECK(a.nclaims == t.nsent);
    for (uint32_t i = 0; i < a.nclaims; i++) {
        const nd_claim *cl = &a.claims[i];
        FUZZ_CHECK(cl->kind <= ND_SPK_VAGUE);
        if (cl->kind == ND_SPK_PERSON) FUZZ_CHECK(cl->person < a.npersons);
        if (cl->kind != ND_SPK_NONE) {
            check_span(cl->speaker, n);
            check_span(cl->frame, n);
            check_span(cl->content, n);
        }
        FUZZ_CHECK(cl->quote == ND_ATTRIB_NONE || cl->quote < a.nquotes);
    }
    for (uint32_t p = 0; p < a.npersons; p++) {
        check_span(a.persons[p].name, n);
        FUZZ_CHECK(a.persons[p].role == ND_ATTRIB_NONE || a.persons[p].role < a.nroles);
        FUZZ_CHECK(nd_person_same(text, &a, p, text, &a, p));
        nd_person_called(text, &a, p, text, a.persons[p].name[0], a.persons[p].name[1]);
    }
    for (uint32_t r = 0; r < a.nroles; r++) {
        check_span(a.roles[r].span, n);
        FUZZ_CHECK(a.roles[r].person < a.npersons && a.roles[r].sent < t.nsent);
        FUZZ_CHECK(a.roles[r].next == ND_ATTRIB_NONE || a.roles[r].next < a.nroles);
    }
    for (uint32_t q = 0; q < a.nquotes; q++)
        FUZZ_CHECK(a.quotes[q].start <= a.quotes[q].end && a.quotes[q].end <= n);
    for (uint32_t m = 0; m < a.nmentions; m++) {
        const nd_mention *me = &a.mentions[m];
        FUZZ_CHECK(me->start <= me->end && me->end <= n && me->sent < t.nsent && me->person < a.npersons);
        FUZZ_CHECK(nd_attrib_names(&a, me->sent, me->person) == 1);
    }
    free(text);
    return 0;
}

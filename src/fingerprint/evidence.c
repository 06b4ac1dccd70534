#include "evidence.h"

#include <string.h>

#include "../normalise/fold.h"
#include "dateline.h"
#include "../util/bytes.h"

/* Content words (not boilerplate) starting in [from, to): tokens are in
 * text order, so two binary searches bound them. */
static uint32_t words_between(const nd_tokens *t, uint32_t from, uint32_t to)
{
    uint32_t lo = 0, hi = t->ntok;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (t->tok[mid].start < from) lo = mid + 1;
        else hi = mid;
    }
    uint32_t words = 0;
    for (uint32_t i = lo; i < t->ntok && t->tok[i].start < to && words < 4; i++)
        if (!(t->tok[i].flags & ND_TOK_BOILER)) words++;
    return words;
}

/* The first byte at or after i that may start a mark count_quotations reads
 * (" and newline, and the lead bytes of “ ” « »), or n: eight bytes at a time,
 * as most of a text is none of them. */
static size_t next_mark(const char *s, size_t i, size_t n)
{
    for (; i + 8 <= n; i += 8) {
        uint64_t w = nd_load8(s + i);
        if (nd_bytes_equal(w, '"') | nd_bytes_equal(w, '\n') | nd_bytes_equal(w, 0xE2) | nd_bytes_equal(w, 0xC2)) break;
    }
    for (; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '"' || ch == '\n' || ch == 0xE2 || ch == 0xC2) break;
    }
    return i;
}

/* Counts quotations: from an opening mark to the next closing one, with at
 * least four words between (scare quotes around a term do not count).
 * Only quote marks and newlines matter, so other bytes are skipped undecoded. */
static uint16_t count_quotations(const char *text, size_t n, const nd_tokens *t)
{
    uint16_t count = 0;
    int open = 0;
    size_t opened = 0, len;
    for (size_t i = next_mark(text, 0, n); i < n; i = next_mark(text, i + len, n)) {
        unsigned char ch = (unsigned char)text[i];
        len = 1;
        int cp = ch < 0x80 ? ch : nd_utf8_next(text + i, n - i, &len);
        int opening = cp == 0x201C || cp == 0x00AB || (cp == '"' && !open);
        int closing = cp == 0x201D || cp == 0x00BB || (cp == '"' && open);
        if (open && closing) {
            if (words_between(t, (uint32_t)opened, (uint32_t)i) >= 4 && count < UINT16_MAX) count++;
            open = 0;
        } else if (opening) {
            open = 1;
            opened = i;
        } else if (cp == '\n' && i + 1 < n && text[i + 1] == '\n') {
            open = 0;  /* a paragraph break ends an unclosed quotation */
        }
    }
    return count;
}

/* Phrases by which an outlet speaks of its own reporting, matched on the
 * tokens' word hashes (no second pass over the text). */
static const char *const self_phrases[][4] = {
    { "told", "reporters" }, { "request", "for", "comment" }, { "requests", "for", "comment" },
    { "request", "for", "comments" }, { "requests", "for", "comments" },
    { "in", "an", "interview", "with" }, { "reporting", "by" }, { "editing", "by" },
    { "said", "in", "a", "statement" }, { "our", "reporter" }, { "has", "learned" },
    { "has", "confirmed", "to" },
};
#define NPHRASES (sizeof self_phrases / sizeof self_phrases[0])

static uint32_t hash_of(const char *w) { return nd_word_hash(w, strlen(w)); }

int nd_evidence_of(const char *text, size_t n, const nd_tokens *t, nd_evidence *out)
{
    uint32_t ph[NPHRASES][4];
    uint32_t plen[NPHRASES];
    for (size_t p = 0; p < NPHRASES; p++) {
        plen[p] = 0;
        for (int k = 0; k < 4 && self_phrases[p][k]; k++) ph[p][plen[p]++] = hash_of(self_phrases[p][k]);
    }
    uint32_t exclusive = hash_of("exclusive"), truncated = hash_of("truncated");
    uint64_t firsts[4] = { 0 };  /* the phrases' first words, by their hash's low byte: most words start none */
    for (size_t p = 0; p < NPHRASES; p++) firsts[(ph[p][0] >> 6) & 3] |= 1ull << (ph[p][0] & 63);
    uint8_t seen[NPHRASES] = { 0 };
    memset(out, 0, sizeof *out);
    out->quotations = count_quotations(text, n, t);
    nd_dateline dl;
    if (nd_dateline_of(text, n, &dl)) {  /* years 1900 to 2199: minutes fit; 1970's first minute reads as none */
        out->printed = (int32_t)(dl.at / 60);
        out->printed_span = dl.span / 60;
    }
    for (uint32_t i = 0; i < t->ntok; i++) {
        const nd_token *tk = &t->tok[i];
        if (tk->word == truncated && tk->start > 0 && (text[tk->start - 1] == '(' || text[tk->start - 1] == '['))
            out->truncated = 1;
        if (tk->word == exclusive && tk->end < n && text[tk->end] == ':' && !out->self_refs) out->self_refs++;
        for (size_t p = 0; (firsts[(tk->word >> 6) & 3] >> (tk->word & 63) & 1) && p < NPHRASES; p++) {
            if (seen[p] || tk->word != ph[p][0] || i + plen[p] > t->ntok) continue;
            uint32_t k = 1;
            while (k < plen[p] && t->tok[i + k].word == ph[p][k]) k++;
            if (k == plen[p]) {
                seen[p] = 1;  /* each phrase counts once, as a kind of evidence */
                out->self_refs++;
            }
        }
        if (tk->flags & ND_TOK_BOILER) continue;
        out->words++;
        if (tk->flags & ND_TOK_NUMBER) out->numbers++;
    }
    return 0;
}

#include "evidence.h"

#include <stdlib.h>
#include <string.h>

#include "../normalise/fold.h"

/* Counts quotations: from an opening mark to the next closing one, with at
 * least four words between (scare quotes around a term do not count). */
static uint16_t count_quotations(const char *text, size_t n, const nd_tokens *t)
{
    uint16_t count = 0;
    size_t tok = 0;
    int open = 0;
    uint32_t words = 0;
    for (size_t i = 0; i < n;) {
        size_t len;
        int cp = nd_utf8_next(text + i, n - i, &len);
        while (tok < t->ntok && t->tok[tok].start < i) {
            if (open && !(t->tok[tok].flags & ND_TOK_BOILER)) words++;
            tok++;
        }
        int opening = cp == 0x201C || cp == 0x00AB || (cp == '"' && !open);
        int closing = cp == 0x201D || cp == 0x00BB || (cp == '"' && open);
        if (open && closing) {
            if (words >= 4 && count < UINT16_MAX) count++;
            open = 0;
        } else if (opening) {
            open = 1;
            words = 0;
        } else if (cp == '\n' && i + 1 < n && text[i + 1] == '\n') {
            open = 0;  /* a paragraph break ends an unclosed quotation */
        }
        i += len;
    }
    return count;
}

int nd_evidence_of(const char *text, size_t n, const nd_tokens *t, nd_evidence *out)
{
    static const char *const self[] = {
        "told reporters", "request for comment", "requests for comment", "in an interview with",
        "reporting by", "editing by", "said in a statement to", "our reporter", "exclusive:",
        "has learned", "has confirmed to",
    };
    memset(out, 0, sizeof *out);
    out->quotations = count_quotations(text, n, t);
    /* one lower-cased copy, then the C library's fast substring search */
    char *low = malloc(n + 1);
    if (!low) return -1;
    for (size_t i = 0; i < n; i++) {
        char ch = text[i];
        low[i] = ch >= 'A' && ch <= 'Z' ? (char)(ch | 32) : ch;
    }
    low[n] = 0;  /* document text holds no NUL: binary input was rejected */
    for (size_t i = 0; i < sizeof self / sizeof self[0]; i++)
        if (strstr(low, self[i])) out->self_refs++;
    out->truncated = strstr(low, "(truncated") || strstr(low, "[truncated");
    free(low);
    for (uint32_t i = 0; i < t->ntok; i++) {
        if (t->tok[i].flags & ND_TOK_BOILER) continue;
        out->words++;
        if (t->tok[i].flags & ND_TOK_NUMBER) out->numbers++;
    }
    return 0;
}

/* The page date: never read past the text; a date found is a real minute
 * or day between 1900 and 2199 (give or take a zone); parsing what a parse
 * consumed gives the same date. */
#include "fuzz.h"
#include "fingerprint/dateline.h"

#define FIRST (-2208988800LL - 86400)  /* 1900-01-01, a day early for zones */
#define LAST (7258118400LL + 86400)    /* 2200-01-01, a day late */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n;
    char *text = fuzz_text(data, size, &n);
    if (!text) return 0;
    nd_dateline d, again;
    if (nd_dateline_of(text, n, &d)) {
        FUZZ_CHECK(d.span == 60 || d.span == 86400);
        FUZZ_CHECK(d.at >= FIRST && d.at < LAST);
    }
    for (size_t i = 0; i < n && i < 64; i++) {
        size_t len = nd_dateline_parse(text + i, n - i, &d);
        FUZZ_CHECK(len <= n - i);
        if (!len) continue;
        FUZZ_CHECK(d.span == 60 || d.span == 86400);
        FUZZ_CHECK(nd_dateline_parse(text + i, len, &again) == len);
        FUZZ_CHECK(again.at == d.at && again.span == d.span);
    }
    free(text);
    return 0;
}

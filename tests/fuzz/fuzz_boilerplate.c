/* The boilerplate line classifier, one line at a time, each in a buffer of
 * exactly its length. */
#include "fuzz.h"
#include "normalise/boilerplate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n;
    char *text = fuzz_text(data, size, &n);
    if (!text) return 0;
    for (size_t s = 0, e; s <= n; s = e + 1) {
        for (e = s; e < n && text[e] != '\n'; e++) {}
        char *line = malloc(e - s ? e - s : 1);
        FUZZ_CHECK(line != NULL);
        memcpy(line, text + s, e - s);
        int r = nd_line_is_boilerplate(line, e - s);
        FUZZ_CHECK(r == 0 || r == 1);
        free(line);
    }
    free(text);
    return 0;
}

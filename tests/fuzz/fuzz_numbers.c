/* Number normalisation: quantities in order and inside the text, the count
 * independent of cap, and every quantity the same as itself. */
#include "fuzz.h"
#include "audit/numbers.h"

enum { CAP = 64 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n;
    char *text = fuzz_text(data, size, &n);
    if (!text) return 0;
    nd_number num[CAP];
    size_t k = nd_numbers_find(text, n, num, CAP);
    FUZZ_CHECK(nd_numbers_find(text, n, NULL, 0) == k);
    for (size_t i = 0; i < k && i < CAP; i++) {
        FUZZ_CHECK(num[i].start < num[i].end && num[i].end <= n);
        if (i) FUZZ_CHECK(num[i - 1].end <= num[i].start);
        FUZZ_CHECK(num[i].kind <= ND_NUM_YEAR);
        FUZZ_CHECK(num[i].currency[3] == '\0');
        FUZZ_CHECK(nd_number_same(&num[i], &num[i]));
        if (i) nd_number_same(&num[i - 1], &num[i]);
    }
    free(text);
    return 0;
}

/* The decoder: any bytes in, valid UTF-8 (or "binary") out; UTF-8 input kept as is. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nd_arena a = { 0 };
    char *out;
    size_t n;
    nd_decode_result r = nd_decode(&a, (const char *)data, size, &out, &n);
    size_t valid = nd_utf8_valid_prefix(data, size);
    FUZZ_CHECK(valid <= size);
    if (r == ND_DECODE_BINARY) {
        FUZZ_CHECK(out == NULL);
    } else {
        FUZZ_CHECK(out != NULL);
        FUZZ_CHECK(out[n] == '\0');
        FUZZ_CHECK(nd_utf8_valid_prefix((const unsigned char *)out, n) == n);
    }
    if (r == ND_DECODE_UTF8) {
        size_t bom = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        FUZZ_CHECK(valid == size);
        FUZZ_CHECK(n == size - bom && memcmp(out, data + bom, n) == 0);
    }
    if (r == ND_DECODE_CP1252) FUZZ_CHECK(valid < size);
    nd_arena_free(&a);
    return 0;
}

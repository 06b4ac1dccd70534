#include "decode.h"

#include <stdint.h>
#include <string.h>

/* Windows-1252 0x80..0x9F; the five holes map to U+FFFD. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

size_t nd_utf8_valid_prefix(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* ASCII fast path, eight bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        unsigned c = s[i];
        if (c < 0x80) { i++; continue; }
        size_t len;
        uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; min = 0x10000; }
        else return i;
        if (i + len > n) return i;
        for (size_t k = 1; k < len; k++) {
            unsigned cc = s[i + k];
            if ((cc & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        /* overlong forms, UTF-16 surrogates and out-of-range code points are not UTF-8 */
        if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return i;
        i += len;
    }
    return n;
}

static int looks_binary(const unsigned char *s, size_t n)
{
    size_t ctrl = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = s[i];
        if (c == 0) return 1;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') ctrl++;
    }
    /* A stray control byte happens in real feeds; a run of them is a binary file. */
    return ctrl > 8 && ctrl * 100 > n;
}

static size_t put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    o[0] = (char)(0xE0 | (cp >> 12));
    o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

nd_decode_result nd_decode(nd_arena *a, const char *in, size_t n, char **out, size_t *outn)
{
    const unsigned char *s = (const unsigned char *)in;
    *out = NULL;
    *outn = 0;
    if (looks_binary(s, n)) return ND_DECODE_BINARY;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) { s += 3; n -= 3; }
    if (nd_utf8_valid_prefix(s, n) == n) {
        *out = nd_arena_strndup(a, (const char *)s, n);
        *outn = n;
        return ND_DECODE_UTF8;
    }
    /* Every Windows-1252 byte becomes at most 3 UTF-8 bytes. */
    char *o = nd_arena_alloc(a, n * 3 + 1);
    if (!o) return ND_DECODE_CP1252;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = s[i];
        uint32_t cp = c < 0x80 ? c : c < 0xA0 ? cp1252_high[c - 0x80] : c;
        k += put_utf8(o + k, cp);
    }
    o[k] = 0;
    *out = o;
    *outn = k;
    return ND_DECODE_CP1252;
}

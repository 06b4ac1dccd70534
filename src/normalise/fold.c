#include "fold.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "../util/bytes.h"

int nd_utf8_next(const char *s, size_t n, size_t *len)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)(n < 4 ? n : 4), &cp);
    if (k <= 0) {
        *len = 1;
        return 0xFFFD;
    }
    *len = (size_t)k;
    return cp;
}

int nd_is_letter(int cp)
{
    if (cp < 0x80) return ((cp | 32) >= 'a' && (cp | 32) <= 'z');
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME;  /* letters and marks */
}

int nd_is_digit(int cp)
{
    if (cp < 0x80) return cp >= '0' && cp <= '9';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

int nd_is_upper(int cp)
{
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU || utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

int nd_is_quote(int cp)
{
    switch (cp) {
    case '"': case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x00AB: case 0x00BB: case 0x2018: case 0x2019: case 0x201A:
    case 0x300C: case 0x300D: case 0xFF02:
        return 1;
    }
    return 0;
}

/* Punctuation that has typographic twins: fold the twins to ASCII. */
static int fold_punct(int cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0xFF07: return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033: return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return '-';
    }
    return -1;
}

size_t nd_fold(const char *s, size_t n, char *out, size_t cap)
{
    const uint64_t high = 0x8080808080808080ull;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        uint64_t w;
        if (i + 8 <= n && k + 8 <= cap && !((w = nd_load8(s + i)) & high)) {
            /* eight ASCII bytes at once: those in A-Z gain the 0x20 bit (every
             * byte is below 0x80, so no sum carries into the next byte) */
            uint64_t ge_a = (w + 0x3F3F3F3F3F3F3F3Full) & high;  /* byte >= 'A' (0x41) */
            uint64_t gt_z = (w + 0x2525252525252525ull) & high;  /* byte >  'Z' (0x5A) */
            nd_store8(out + k, w | (ge_a & ~gt_z) >> 2);
            i += 8;
            k += 8;
            continue;
        }
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x80) {  /* the common case: no table lookups */
            if (k >= cap) break;
            out[k++] = (char)(ch >= 'A' && ch <= 'Z' ? ch | 32 : ch);
            i++;
            continue;
        }
        size_t len;
        int cp = nd_utf8_next(s + i, n - i, &len);
        i += len;
        int p = fold_punct(cp);
        if (p >= 0) {
            if (k >= cap) break;
            out[k++] = (char)p;
            continue;
        }
        utf8proc_int32_t buf[16];
        int last = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(cp, buf, 16,
            UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE, &last);
        if (m < 0 || m > 16) continue;
        for (utf8proc_ssize_t j = 0; j < m; j++) {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t el = utf8proc_encode_char(buf[j], enc);
            if (k + (size_t)el > cap) return k;
            memcpy(out + k, enc, (size_t)el);
            k += (size_t)el;
        }
    }
    return k;
}

/* Decoding raw bytes: UTF-8 kept as is, anything else read as Windows-1252, binary refused. */
#include "check.h"
#include "normalise/decode.h"

#include <string.h>

typedef struct decoded {
    nd_decode_result r;
    char *s;
    size_t n;
} decoded;

static decoded run(nd_arena *a, const char *in, size_t n)
{
    decoded d;
    d.r = nd_decode(a, in, n, &d.s, &d.n);
    return d;
}

static void valid_utf8_kept_byte_for_byte(void)
{
    nd_arena a = { 0 };
    /* French, Russian, CJK, a 4-byte emoji and a curly apostrophe, all valid. */
    static const char in[] = "Le président a déclaré qu\xE2\x80\x99il partirait. "
                             "Путин сказал. 東京の記者会見 \xF0\x9F\x93\xB0 ends.";
    decoded d = run(&a, in, sizeof in - 1);
    CHECK_INT(d.r, ND_DECODE_UTF8);
    CHECK_INT(d.n, sizeof in - 1);
    CHECK(d.s && memcmp(d.s, in, sizeof in) == 0);
    CHECK(d.s != in);
    CHECK_INT(nd_utf8_valid_prefix((const unsigned char *)in, sizeof in - 1), sizeof in - 1);
    nd_arena_free(&a);
}

static void bom_is_stripped(void)
{
    nd_arena a = { 0 };
    static const char in[] = "\xEF\xBB\xBFQuarterly profits rose 76%.";
    decoded d = run(&a, in, sizeof in - 1);
    CHECK_INT(d.r, ND_DECODE_UTF8);
    CHECK_STR(d.s, "Quarterly profits rose 76%.");
    CHECK_INT(d.n, 27);
    /* Only a leading BOM is dropped; one further in is kept as text. */
    d = run(&a, "a\xEF\xBB\xBF" "b", 5);
    CHECK_STR(d.s, "a\xEF\xBB\xBF" "b");
    nd_arena_free(&a);
}

static void empty_input_is_empty_utf8(void)
{
    nd_arena a = { 0 };
    decoded d = run(&a, "", 0);
    CHECK_INT(d.r, ND_DECODE_UTF8);
    CHECK_STR(d.s, "");
    CHECK_INT(d.n, 0);
    nd_arena_free(&a);
}

static void cp1252_quotes_and_accents_converted(void)
{
    nd_arena a = { 0 };
    static const char in[] = "\x93We expect growth,\x94 said Ren\xE9" "e Dupont.";
    decoded d = run(&a, in, sizeof in - 1);
    CHECK_INT(d.r, ND_DECODE_CP1252);
    CHECK_STR(d.s, "\xE2\x80\x9CWe expect growth,\xE2\x80\x9D said Ren\xC3\xA9" "e Dupont.");
    CHECK_INT(d.n, strlen(d.s));
    nd_arena_free(&a);
}

static void cp1252_high_table(void)
{
    nd_arena a = { 0 };
    /* euro, ellipsis, en dash, em dash, right single quote, trade mark, and the
     * 0x81 hole, which has no character and becomes U+FFFD */
    decoded d = run(&a, "\x80\x85\x96\x97\x92\x99\x81", 7);
    CHECK_INT(d.r, ND_DECODE_CP1252);
    CHECK_STR(d.s, "\xE2\x82\xAC\xE2\x80\xA6\xE2\x80\x93\xE2\x80\x94\xE2\x80\x99\xE2\x84\xA2\xEF\xBF\xBD");
    /* 0xA0..0xFF are Latin-1: no-break space, pound, y with diaeresis */
    d = run(&a, "\xA0\xA3\xFF", 3);
    CHECK_STR(d.s, "\xC2\xA0\xC2\xA3\xC3\xBF");
    nd_arena_free(&a);
}

static void overlong_forms_are_not_utf8(void)
{
    nd_arena a = { 0 };
    /* C0 AF is an overlong '/', E0 80 AF and F0 80 80 AF too. */
    static const char two[] = "and/or \xC0\xAF here";
    CHECK_INT(nd_utf8_valid_prefix((const unsigned char *)two, sizeof two - 1), 7);
    decoded d = run(&a, two, sizeof two - 1);
    CHECK_INT(d.r, ND_DECODE_CP1252);
    CHECK_STR(d.s, "and/or \xC3\x80\xC2\xAF here");
    CHECK_INT(nd_utf8_valid_prefix((const unsigned char *)"x\xE0\x80\xAF", 4), 1);
    CHECK_INT(nd_utf8_valid_prefix((const unsigned char *)"x\xF0\x80\x80\xAF", 5), 1);
    /* the shortest forms of the same ranges are fine */
    CHECK_INT(nd_utf8_valid_prefix((const unsigned char *)"x\xE0\xA0\x80", 4), 4);
    CHECK_INT(nd_utf8_valid_prefix((const unsigned char *)"x\xF0\x90\x80\x80", 5), 5);
    nd_arena_free(&a);
}

static void surrogates_and_out_of_range_are_not_utf8(void)
{
    nd_arena a = { 0 };
    static const char in[] = "lone \xED\xA0\x80 surrogate";
    CHECK_INT(nd_utf8_valid_prefix((const unsigned char *)in, sizeof in - 1), 5);
    decoded d = run(&a, in, sizeof in - 1);
    CHECK_INT(d.r, ND_DECODE_CP1252);
    /* ED -> i acute, A0 -> no-break space, 80 -> euro */
    CHECK_STR(d.s, "lone \xC3\xAD\xC2\xA0\xE2\x82\xAC surrogate");
    CHECK_INT(nd_utf8_valid_prefix((const unsigned char *)"\xED\x9F\xBF", 3), 3); /* U+D7FF */
    CHECK_INT(nd_utf8_valid_prefix((const unsigned char *)"\xF4\x8F\xBF\xBF", 4), 4); /* U+10FFFF */
    CHECK_INT(nd_utf8_valid_prefix((const unsigned char *)"\xF4\x90\x80\x80", 4), 0);
    CHECK_INT(nd_utf8_valid_prefix((const unsigned char *)"\xF5\x80\x80\x80", 4), 0);
    CHECK_INT(nd_utf8_valid_prefix((const unsigned char *)"\xC1\xBF", 2), 0);
    nd_arena_free(&a);
}

static void truncated_sequences_are_not_utf8(void)
{
    nd_arena a = { 0 };
    /* a right single quote (E2 80 99) cut after two bytes, at the end ... */
    static const char end[] = "Brexit talks\xE2\x80";
    CHECK_INT(nd_utf8_valid_prefix((const unsigned char *)end, sizeof end - 1), 12);
    decoded d = run(&a, end, sizeof end - 1);
    CHECK_INT(d.r, ND_DECODE_CP1252);
    CHECK_STR(d.s, "Brexit talks\xC3\xA2\xE2\x82\xAC");
    /* ... and in the middle, where the next byte is not a continuation */
    static const char mid[] = "caf\xC3 ouvert";
    CHECK_INT(nd_utf8_valid_prefix((const unsigned char *)mid, sizeof mid - 1), 3);
    d = run(&a, mid, sizeof mid - 1);
    CHECK_INT(d.r, ND_DECODE_CP1252);
    CHECK_STR(d.s, "caf\xC3\x83 ouvert");
    /* the ASCII fast path must not skip a bad byte that sits past a whole 8-byte word */
    CHECK_INT(nd_utf8_valid_prefix((const unsigned char *)"abcdefgh\xFF", 9), 8);
    nd_arena_free(&a);
}

static void nul_and_control_bytes_are_binary(void)
{
    nd_arena a = { 0 };
    decoded d = run(&a, "Quarterly profits\0rose", 22);
    CHECK_INT(d.r, ND_DECODE_BINARY);
    CHECK(d.s == NULL);
    CHECK_INT(d.n, 0);
    /* a PNG signature and IHDR chunk start */
    d = run(&a, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    CHECK_INT(d.r, ND_DECODE_BINARY);
    /* one stray escape byte in a story is tolerated and kept ... */
    static const char one[] = "Shares fell \x1b 3% on Monday after the results were published.";
    d = run(&a, one, sizeof one - 1);
    CHECK_INT(d.r, ND_DECODE_UTF8);
    CHECK_STR(d.s, one);
    /* ... a run of nine control bytes in 40 is not text */
    char junk[40];
    memset(junk, 'x', sizeof junk);
    for (int i = 0; i < 9; i++) junk[i * 4] = 0x01;
    d = run(&a, junk, sizeof junk);
    CHECK_INT(d.r, ND_DECODE_BINARY);
    /* tabs, newlines, carriage returns and form feeds are text */
    d = run(&a, "a\tb\r\nc\fd\ve\n\n\n\n\n\n\n\n\n", 18);
    CHECK_INT(d.r, ND_DECODE_UTF8);
    nd_arena_free(&a);
}

CHECK_MAIN("decode",
    TEST(valid_utf8_kept_byte_for_byte),
    TEST(bom_is_stripped),
    TEST(empty_input_is_empty_utf8),
    TEST(cp1252_quotes_and_accents_converted),
    TEST(cp1252_high_table),
    TEST(overlong_forms_are_not_utf8),
    TEST(surrogates_and_out_of_range_are_not_utf8),
    TEST(truncated_sequences_are_not_utf8),
    TEST(nul_and_control_bytes_are_binary))

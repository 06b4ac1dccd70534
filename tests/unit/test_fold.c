/* Folding: case, accents, quotes, dashes and compatibility forms compare alike. */
#include "check.h"
#include "normalise/fold.h"

static char folded[256];

/* Folds a NUL-terminated string into `folded` and returns it. */
static const char *fold(const char *s)
{
    size_t n = nd_fold(s, strlen(s), folded, sizeof folded - 1);
    folded[n] = 0;
    return folded;
}

static void ascii_is_lower_cased_and_kept(void)
{
    CHECK_STR(fold("The Fed Raised Rates by 0.25 Points, OK?"), "the fed raised rates by 0.25 points, ok?");
    CHECK_STR(fold(""), "");
}

static void every_ascii_byte_folds_alike_at_any_offset_and_cap(void)
{
    /* ASCII runs are folded eight bytes at a time: each byte, next to every
     * other (@ [ ` { sit beside the letters), at each alignment and cut */
    char in[160], out[160], want[160];
    for (int i = 0; i < 160; i++) in[i] = (char)(1 + (i * 37) % 127);
    for (size_t off = 0; off < 8; off++)
        for (size_t cap = 0; cap <= 152; cap += 7) {
            size_t n = 152 - off, k = nd_fold(in + off, n, out, cap);
            size_t m = n < cap ? n : cap;
            for (size_t j = 0; j < m; j++) {
                char c = in[off + j];
                want[j] = c >= 'A' && c <= 'Z' ? (char)(c | 32) : c;
            }
            CHECK_INT(k, m);
            CHECK(memcmp(out, want, m) == 0);
        }
}

static void accents_are_stripped(void)
{
    CHECK_STR(fold("N\xc3\xba\xc3\xb1" "ez"), "nunez");                  /* Núñez */
    CHECK_STR(fold("Fran\xc3\xa7ois H\xc3\xb6" "ller"), "francois holler"); /* François Höller */
    CHECK_STR(fold("S\xc3\xa3o Paulo"), "sao paulo");                     /* São Paulo */
    /* decomposed input (n + combining tilde) folds the same as precomposed */
    CHECK_STR(fold("Nu\xcc\x81n\xcc\x83" "ez"), "nunez");
}

static void curly_quotes_become_straight(void)
{
    CHECK_STR(fold("\xe2\x80\x9c" "curly" "\xe2\x80\x9d"), "\"curly\"");          /* “curly” */
    CHECK_STR(fold("\xe2\x80\x98" "single" "\xe2\x80\x99"), "'single'");          /* ‘single’ */
    CHECK_STR(fold("DeepSeek\xe2\x80\x99s"), "deepseek's");                       /* DeepSeek’s */
    CHECK_STR(fold("\xc2\xab" "Bonjour" "\xc2\xbb"), "\"bonjour\"");              /* «Bonjour» */
    CHECK_STR(fold("\xe2\x80\x9e" "Guten Tag" "\xe2\x80\x9c"), "\"guten tag\"");  /* „Guten Tag“ */
}

static void dashes_become_hyphens(void)
{
    CHECK_STR(fold("chips \xe2\x80\x94 and servers"), "chips - and servers");   /* em dash */
    CHECK_STR(fold("2019\xe2\x80\x93" "2024"), "2019-2024");                    /* en dash */
    CHECK_STR(fold("\xe2\x88\x92" "5 degrees"), "-5 degrees");                  /* minus sign */
    CHECK_STR(fold("o1\xe2\x80\x91mini"), "o1-mini");                           /* non-breaking hyphen */
}

static void full_width_and_ligatures_fold_to_ascii(void)
{
    /* ＤｅｅｐＳｅｅｋ */
    CHECK_STR(fold("\xef\xbc\xa4\xef\xbd\x85\xef\xbd\x85\xef\xbd\x90\xef\xbc\xb3\xef\xbd\x85\xef\xbd\x85\xef\xbd\x8b"),
              "deepseek");
    CHECK_STR(fold("\xef\xbc\x91\xef\xbc\x90\xef\xbc\x90"), "100");          /* １００ */
    CHECK_STR(fold("\xef\xac\x81nance"), "finance");                         /* ﬁnance */
    CHECK_STR(fold("Stra\xc3\x9f" "e"), "strasse");                          /* Straße */
    CHECK_STR(fold("caf\xc3\xa9\xc2\xa0" "bar"), "cafe bar");                /* no-break space */
}

static void non_latin_scripts_are_case_folded_not_dropped(void)
{
    CHECK_STR(fold("\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90"), "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0"); /* МОСКВА -> москва */
    CHECK_STR(fold("\xe5\x8c\x97\xe4\xba\xac"), "\xe5\x8c\x97\xe4\xba\xac");  /* 北京 unchanged */
}

static void output_stops_at_cap_on_a_character_boundary(void)
{
    char out[8];
    /* ASCII: exactly cap bytes */
    CHECK_INT(nd_fold("Washington", 10, out, 5), 5);
    CHECK(memcmp(out, "washi", 5) == 0);
    /* Cyrillic letters are two bytes: a cap of 5 holds two of them, never half of the third */
    const char *moscow = "\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90";
    CHECK_INT(nd_fold(moscow, strlen(moscow), out, 5), 4);
    CHECK(memcmp(out, "\xd0\xbc\xd0\xbe", 4) == 0);
    /* a three-byte letter does not fit in the two bytes left after "ab" */
    CHECK_INT(nd_fold("ab\xe5\x8c\x97", 5, out, 4), 2);
    /* a word over the tokeniser's 64-byte cap: 63 ASCII letters, then a two-byte letter */
    char word[80], big[64];
    memset(word, 'a', 63);
    memcpy(word + 63, "\xd0\x94\xd0\x94", 4);  /* ДД */
    CHECK_INT(nd_fold(word, 67, big, sizeof big), 63);
}

static void utf8_next_decodes_and_flags_bad_bytes(void)
{
    size_t len = 0;
    CHECK_INT(nd_utf8_next("A", 1, &len), 'A');
    CHECK_INT(len, 1);
    CHECK_INT(nd_utf8_next("\xc3\xa9t\xc3\xa9", 5, &len), 0xE9);
    CHECK_INT(len, 2);
    CHECK_INT(nd_utf8_next("\xe2\x80\x94", 3, &len), 0x2014);
    CHECK_INT(len, 3);
    CHECK_INT(nd_utf8_next("\xf0\x9f\x93\xb0", 4, &len), 0x1F4F0);  /* newspaper emoji */
    CHECK_INT(len, 4);
    /* a stray byte or a sequence cut by the buffer end is one replacement character */
    CHECK_INT(nd_utf8_next("\xff" "abc", 4, &len), 0xFFFD);
    CHECK_INT(len, 1);
    CHECK_INT(nd_utf8_next("\xe2\x80\x94", 2, &len), 0xFFFD);
    CHECK_INT(len, 1);
}

static void character_classes(void)
{
    CHECK(nd_is_letter('q') && nd_is_letter('Q') && nd_is_letter(0xF1) && nd_is_letter(0x4EAC));
    CHECK(nd_is_letter(0x0301));  /* combining marks stay inside words */
    CHECK(!nd_is_letter('7') && !nd_is_letter('-') && !nd_is_letter(0x2019) && !nd_is_letter(0x00A9));
    CHECK(nd_is_digit('0') && nd_is_digit('9') && nd_is_digit(0x0663) && nd_is_digit(0xFF11));
    CHECK(!nd_is_digit('a') && !nd_is_digit(0x00BD));  /* ½ is a number, not a digit */
    CHECK(nd_is_upper('R') && nd_is_upper(0xD1) && nd_is_upper(0x041C));
    CHECK(!nd_is_upper('r') && !nd_is_upper(0xF1) && !nd_is_upper('1'));
    CHECK(nd_is_quote('"') && nd_is_quote(0x201C) && nd_is_quote(0x201D) && nd_is_quote(0x00AB) &&
          nd_is_quote(0x00BB) && nd_is_quote(0x201E) && nd_is_quote(0x300C));
    CHECK(!nd_is_quote('\'') && !nd_is_quote('(') && !nd_is_quote('-'));
}

CHECK_MAIN("fold",
    TEST(ascii_is_lower_cased_and_kept),
    TEST(every_ascii_byte_folds_alike_at_any_offset_and_cap),
    TEST(accents_are_stripped),
    TEST(curly_quotes_become_straight),
    TEST(dashes_become_hyphens),
    TEST(full_width_and_ligatures_fold_to_ascii),
    TEST(non_latin_scripts_are_case_folded_not_dropped),
    TEST(output_stops_at_cap_on_a_character_boundary),
    TEST(utf8_next_decodes_and_flags_bad_bytes),
    TEST(character_classes))

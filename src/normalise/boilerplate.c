#include "boilerplate.h"

#include <stdint.h>
#include <string.h>

#include "../util/bytes.h"
#include "fold.h"

/* Phrases of page furniture, folded.  Strong ones never occur in article
 * prose; weak ones do ("Share prices fell"), so they count only on a short
 * line that is not a sentence, or as a label opening a line ("Read more:"). */
static const char *const strong_furniture[] = {
    "skip to content", "skip to main", "all rights reserved", "enable javascript",
    "sign up for our newsletter", "subscribe to our newsletter", "credibility rating",
    "rating inherited", "resource id",
    "back to top", "share this article", "share this story", "we use cookies", "uses cookies",
};
static const char *const weak_furniture[] = {
    "share", "subscribe", "sign up", "newsletter", "cookie", "copyright", "(c) ", "read more",
    "read next", "related", "advertisement", "click here", "follow us", "cited by", "print",
    "log in", "login", "sign in", "most popular", "trending", "recommended", "image caption",
    "getty images", "photo:", "updated", "min read", "comments", "email this", "fetched", "more from",
    "privacy policy", "terms of use",
};

/* Calls to action: furniture when they open a line, whatever its ending. */
static const char *const openers[] = {
    "subscribe to", "sign up", "follow us", "click here", "share this", "read more", "log in",
    "sign in", "download our", "get our", "join our",
};

/* Where `phrase` starts a word in s: its offset, or -1. */
static long find_word(const char *s, const char *phrase)
{
    size_t m = strlen(phrase);
    for (const char *p = strstr(s, phrase); p; p = strstr(p + 1, phrase)) {
        int starts = p == s || !((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= '0' && p[-1] <= '9'));
        char after = p[m];
        int ends = phrase[m - 1] == ' ' || !((after >= 'a' && after <= 'z') || (after >= '0' && after <= '9'));
        if (starts && ends) return p - s;
    }
    return -1;
}

/* A phrase is found only where a word starts (find_word), so the line's
 * four-byte prefixes there, as a 256-bit set, rule most phrases out without
 * a search: a line is checked against 57 phrases, none shorter than four. */
static unsigned prefix_bit(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    uint32_t x = (uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16 | (uint32_t)u[3] << 24;
    return (x * 0x9E3779B1u) >> 24;
}

static void word_start_prefixes(const char *s, size_t n, uint64_t set[4])
{
    memset(set, 0, 4 * sizeof *set);
    int start = 1;
    for (size_t i = 0; i + 4 <= n; i++) {  /* without a branch a byte: word ends are unpredictable */
        unsigned b = prefix_bit(s + i);
        set[b >> 6] |= (uint64_t)start << (b & 63);
        unsigned char c = (unsigned char)s[i];
        start = !((unsigned)(c - 'a') < 26 || (unsigned)(c - '0') < 10);
    }
}

static long find_phrase(const char *s, const uint64_t starts[4], const char *phrase)
{
    unsigned b = prefix_bit(phrase);
    return starts[b >> 6] >> (b & 63) & 1 ? find_word(s, phrase) : -1;
}

/* Words in s[0..n), counting no further than `most` + 1: eight bytes at a
 * time, a word starting at each byte that is not white space after one that is. */
static int count_words(const char *s, size_t n, int most)
{
    const uint64_t high = 0x8080808080808080ull;
    int words = 0;
    uint64_t after_space = 0x80;  /* byte 0's: the line starts after white space */
    for (size_t i = 0; i < n && words <= most; i += 8) {
        char tail[8];
        const char *p = s + i;
        if (n - i < 8) {  /* past the end: spaces, which start no word */
            memset(tail, ' ', sizeof tail);
            p = memcpy(tail, s + i, n - i);
        }
        uint64_t w = nd_load8(p);
        uint64_t sp = nd_bytes_equal(w, ' ') | nd_bytes_equal(w, '\t') | nd_bytes_equal(w, '\r');
        uint64_t starts = (~sp & high & (sp << 8 | after_space)) >> 7;  /* 0 or 1 a byte */
        words += (int)((starts * 0x0101010101010101ull) >> 56);        /* their sum, in the top byte */
        after_space = sp >> 56;
    }
    return words <= most ? words : most + 1;
}

int nd_line_is_boilerplate(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
    while (n && (*s == ' ' || *s == '\t')) s++, n--;
    if (n == 0) return 0;
    int words = count_words(s, n, 24);
    if (words > 24) return 0;
    char low[512];
    size_t ln = nd_fold(s, n, low, sizeof low - 1);
    low[ln] = 0;
    if (strstr(low, "\xc2\xa9")) return 1;  /* the copyright sign survives folding */
    uint64_t starts[4];
    word_start_prefixes(low, ln, starts);
    char last = s[n - 1];
    int sentence_end = last == '.' || last == '?' || last == '!' || last == '"' ||
                       (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
                        ((unsigned char)last == 0x9D || (unsigned char)last == 0x99));
    for (size_t i = 0; i < sizeof strong_furniture / sizeof strong_furniture[0]; i++)
        if (find_phrase(low, starts, strong_furniture[i]) >= 0) return 1;
    for (size_t i = 0; i < sizeof openers / sizeof openers[0]; i++)
        if (find_phrase(low, starts, openers[i]) == 0) return 1;
    for (size_t i = 0; words <= 10 && i < sizeof weak_furniture / sizeof weak_furniture[0]; i++) {
        long at = find_phrase(low, starts, weak_furniture[i]);
        if (at < 0) continue;
        /* "Read more: ..." and "Image caption: ..." are labels even when they end in a full stop */
        if (!sentence_end || (at == 0 && low[strlen(weak_furniture[i])] == ':')) return 1;
    }
    /* A short line without sentence punctuation is a heading, a menu item or a widget. */
    return words <= 6 && !sentence_end;
}

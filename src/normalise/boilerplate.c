#include "boilerplate.h"

#include <string.h>

#include "fold.h"

/* Phrases of page furniture, folded (lower case). */
static const char *const furniture[] = {
    "skip to content", "skip to main", "share this", "share on", "subscribe", "sign up",
    "newsletter", "cookie", "all rights reserved", "copyright", "(c) ", "read more",
    "read next", "related story", "related stories", "related articles", "advertisement",
    "click here", "follow us", "enable javascript", "credibility rating", "cited by",
    "print this", "log in", "login", "sign in", "privacy policy", "terms of use",
    "back to top", "most popular", "trending now", "recommended for you", "image caption",
    "getty images", "photo:", "updated ", "min read", "comments", "email this",
    "fetched ", "resource id", "rating inherited", "more from",
};

static int count_words(const char *s, size_t n)
{
    int words = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = s[i] == ' ' || s[i] == '\t' || s[i] == '\r';
        if (!sp && !in) words++;
        in = !sp;
    }
    return words;
}

int nd_line_is_boilerplate(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
    while (n && (*s == ' ' || *s == '\t')) s++, n--;
    if (n == 0) return 0;
    int words = count_words(s, n);
    if (words > 24) return 0;
    char low[512];
    size_t ln = nd_fold(s, n, low, sizeof low - 1);
    low[ln] = 0;
    if (strstr(low, "\xc2\xa9")) return 1;  /* the copyright sign survives folding */
    /* Furniture phrases also occur in real sentences; only short lines are judged by them. */
    for (size_t i = 0; words <= 10 && i < sizeof furniture / sizeof furniture[0]; i++)
        if (strstr(low, furniture[i])) return 1;
    /* A short line without sentence punctuation is a heading, a menu item or a widget. */
    char last = s[n - 1];
    int sentence_end = last == '.' || last == '?' || last == '!' || last == '"' ||
                       (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
                        ((unsigned char)last == 0x9D || (unsigned char)last == 0x99));
    return words <= 6 && !sentence_end;
}

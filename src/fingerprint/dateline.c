#include "dateline.h"

#include <string.h>

#include "../util/calendar.h"

#define HEADER_LINES 12      /* a page's header: title, byline, date, section */
#define MAX_LINE 120         /* longer lines are text, where dates are events */
#define PARAGRAPH 200        /* a line this long starts the article body */

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alpha(int c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

/* Case-insensitive: whether s[0..n) starts with the word w (not followed by a letter). */
static size_t word_is(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n < k) return 0;
    for (size_t i = 0; i < k; i++)
        if (lower((unsigned char)s[i]) != w[i]) return 0;
    return k < n && is_alpha((unsigned char)s[k]) ? 0 : k;
}

/* 1 to `most` digits as a number; their count, 0 when none. */
static size_t number(const char *s, size_t n, size_t most, int *v)
{
    size_t i = 0;
    *v = 0;
    while (i < n && i < most && is_digit((unsigned char)s[i])) *v = *v * 10 + (s[i++] - '0');
    return i < n && is_digit((unsigned char)s[i]) ? 0 : i;
}

static int two_digits(const char *s, int *v)
{
    if (!is_digit((unsigned char)s[0]) || !is_digit((unsigned char)s[1])) return 0;
    *v = (s[0] - '0') * 10 + (s[1] - '0');
    return 1;
}

static size_t spaces(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    return i;
}

/* A month's name, whole or cut to three letters ("Sept" too), with an
 * optional period: its length and *m (1-12), 0 when none. */
static size_t month(const char *s, size_t n, int *m)
{
    static const char *const names[12] = { "january", "february", "march",     "april",   "may",      "june",
                                           "july",    "august",   "september", "october", "november", "december" };
    for (int k = 0; k < 12; k++) {
        size_t len = word_is(s, n, names[k]);
        if (!len) {
            char cut[5] = { 0 };
            memcpy(cut, names[k], k == 8 ? 4 : 3);
            if (!(len = word_is(s, n, cut)) && k == 8) len = word_is(s, n, "sep");
            if (len && len < n && s[len] == '.') len++;
        }
        if (len) {
            *m = k + 1;
            return len;
        }
    }
    return 0;
}

/* A zone after a time: Z, UTC, GMT, +hh:mm, or a North American or
 * European abbreviation.  Its length and *offset in seconds, 0 when none. */
static size_t zone(const char *s, size_t n, int *offset)
{
    static const struct { const char *name; int hours; } named[] = {
        { "utc", 0 }, { "gmt", 0 }, { "z", 0 },    { "est", -5 }, { "edt", -4 }, { "cst", -6 }, { "cdt", -5 },
        { "mst", -7 }, { "mdt", -6 }, { "pst", -8 }, { "pdt", -7 }, { "bst", 1 }, { "cet", 1 },  { "cest", 2 },
    };
    size_t i, len;
    int h, m = 0;
    if (n >= 3 && (s[0] == '+' || s[0] == '-') && two_digits(s + 1, &h)) {  /* +05:30, +0530, -04 */
        i = 3;
        if (i + 2 < n && s[i] == ':' && two_digits(s + i + 1, &m)) i += 3;
        else if (i + 1 < n && two_digits(s + i, &m)) i += 2;
        if (h > 14 || m > 59) return 0;
        *offset = (s[0] == '-' ? -1 : 1) * (h * 3600 + m * 60);
        return i;
    }
    for (size_t k = 0; k < sizeof named / sizeof named[0]; k++)
        if ((len = word_is(s, n, named[k].name))) {
            *offset = named[k].hours * 3600;
            return len;
        }
    return 0;
}

/* A time of day at s: H:MM[:SS], an optional am/pm, an optional zone.
 * Its length and *secs (UTC seconds into the day, may fall outside it), 0 when none. */
static size_t time_of_day(const char *s, size_t n, int64_t *secs)
{
    int h, mi, sec = 0, offset = 0;
    size_t i = number(s, n, 2, &h);
    if (!i || i >= n || s[i] != ':') return 0;
    size_t len = number(s + i + 1, n - i - 1, 2, &mi);
    if (len != 2) return 0;
    i += 3;
    if (i + 2 < n && s[i] == ':' && two_digits(s + i + 1, &sec)) i += 3;
    size_t j = spaces(s, n, i);
    int half = 0;  /* 1 am, 2 pm */
    if ((len = word_is(s + j, n - j, "am")) || (len = word_is(s + j, n - j, "a.m."))) half = 1;
    else if ((len = word_is(s + j, n - j, "pm")) || (len = word_is(s + j, n - j, "p.m."))) half = 2;
    if (half) {
        if (h < 1 || h > 12) return 0;
        h = h % 12 + (half == 2 ? 12 : 0);
        i = j + len;
    }
    if (h > 23 || mi > 59 || sec > 60) return 0;
    j = i < n && (s[i] == 'Z' || s[i] == '+' || s[i] == '-') ? i : spaces(s, n, i);
    if (j < n && (len = zone(s + j, n - j, &offset))) i = j + len;
    *secs = (int64_t)h * 3600 + mi * 60 + sec - offset;
    return i;
}

size_t nd_dateline_parse(const char *s, size_t n, nd_dateline *out)
{
    int y, m, d;
    size_t i, len;
    int iso = 0;
    if (n >= 10 && number(s, n, 4, &y) == 4 && s[4] == '-' && number(s + 5, n - 5, 2, &m) == 2 && s[7] == '-' &&
        number(s + 8, n - 8, 2, &d) == 2) {
        i = 10;
        iso = 1;
    } else if ((len = month(s, n, &m))) {  /* May 21, 2024 */
        i = spaces(s, n, len);
        if (!(len = number(s + i, n - i, 2, &d))) return 0;
        i += len;
        if (i + 1 < n && is_alpha((unsigned char)s[i]) && is_alpha((unsigned char)s[i + 1])) i += 2;  /* 21st */
        if (i < n && s[i] == ',') i++;
        i = spaces(s, n, i);
        if (number(s + i, n - i, 4, &y) != 4) return 0;
        i += 4;
    } else if ((len = number(s, n, 2, &d))) {  /* 21 May 2024 */
        i = len;
        if (i + 1 < n && is_alpha((unsigned char)s[i]) && is_alpha((unsigned char)s[i + 1]) &&
            !(i + 2 < n && is_alpha((unsigned char)s[i + 2])))
            i += 2;
        i = spaces(s, n, i);
        if (!(len = month(s + i, n - i, &m))) return 0;
        i = spaces(s, n, i + len);
        if (i < n && s[i] == ',') i = spaces(s, n, i + 1);
        if (number(s + i, n - i, 4, &y) != 4) return 0;
        i += 4;
    } else {
        return 0;
    }
    if (y < 1900 || y > 2199 || !nd_valid_date(y, m, d)) return 0;
    int64_t day = nd_days_from_civil(y, (unsigned)m, (unsigned)d) * 86400, secs;
    /* a time may follow after "T" (ISO), ", ", " at ", " - " or " | " */
    size_t j = i;
    if (iso && j < n && s[j] == 'T') j++;
    if (j < n && s[j] == ',') j++;
    j = spaces(s, n, j);
    if ((len = word_is(s + j, n - j, "at"))) j = spaces(s, n, j + len);
    else if (j < n && (s[j] == '-' || s[j] == '|')) j = spaces(s, n, j + 1);
    if ((len = time_of_day(s + j, n - j, &secs))) {
        *out = (nd_dateline){ day + secs, 60 };
        return j + len;
    }
    *out = (nd_dateline){ day, 86400 };
    return i;
}

/* A date in line[0..n) not marked as a later change; 1 when found. */
static int date_in_line(const char *line, size_t n, nd_dateline *out)
{
    int revised = 0;  /* the words so far mark a revision: "Updated", "Last modified" */
    for (size_t i = 0; i < n; i++) {
        if (i && (is_alpha((unsigned char)line[i - 1]) || is_digit((unsigned char)line[i - 1]))) continue;
        if (word_is(line + i, n - i, "updated") || word_is(line + i, n - i, "modified") ||
            word_is(line + i, n - i, "edited"))
            revised = 1;
        else if (word_is(line + i, n - i, "published") || word_is(line + i, n - i, "posted") || line[i] == '|')
            revised = 0;
        if (!revised && nd_dateline_parse(line + i, n - i, out)) return 1;
    }
    return 0;
}

int nd_dateline_of(const char *text, size_t n, nd_dateline *out)
{
    size_t at = 0;
    for (int lines = 0; at < n && lines < HEADER_LINES;) {
        const char *nl = memchr(text + at, '\n', n - at);
        size_t end = nl ? (size_t)(nl - text) : n, len = end - at;
        if (len >= PARAGRAPH) break;
        if (spaces(text, end, at) < end) {
            lines++;
            if (len <= MAX_LINE && date_in_line(text + at, len, out)) return 1;
        }
        at = end + 1;
    }
    return 0;
}

#include "numbers.h"

#include <math.h>
#include <string.h>

#include "../normalise/fold.h"

typedef struct {
    const char *word;
    double value;
} number_word;

/* "one" is missing on purpose: alone it is mostly a pronoun ("one of them"). */
static const number_word small_words[] = {
    { "zero", 0 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 }, { "six", 6 },
    { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 }, { "eleven", 11 }, { "twelve", 12 },
    { "thirteen", 13 }, { "fourteen", 14 }, { "fifteen", 15 }, { "sixteen", 16 }, { "seventeen", 17 },
    { "eighteen", 18 }, { "nineteen", 19 }, { "twenty", 20 }, { "thirty", 30 }, { "forty", 40 },
    { "fifty", 50 }, { "sixty", 60 }, { "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 },
};

static const number_word scale_words[] = {
    { "hundred", 1e2 }, { "thousand", 1e3 }, { "million", 1e6 }, { "billion", 1e9 }, { "trillion", 1e12 },
    { "dozen", 12 },
};

/* Scale suffixes glued to digits: "$12m", "€3bn", "40k". */
static const number_word scale_suffixes[] = {
    { "k", 1e3 }, { "m", 1e6 }, { "mn", 1e6 }, { "bn", 1e9 }, { "b", 1e9 }, { "tn", 1e12 },
};

typedef struct {
    const char *text;  /* as written, matched case-insensitively for words */
    const char *code;
    int word;          /* 1: a whole word that follows the number ("dollars") */
} currency_form;

static const currency_form currencies[] = {
    { "US$", "USD", 0 }, { "NZ$", "NZD", 0 }, { "A$", "AUD", 0 }, { "C$", "CAD", 0 }, { "R$", "BRL", 0 },
    { "HK$", "HKD", 0 }, { "S$", "SGD", 0 }, { "$", "USD", 0 }, { "\xe2\x82\xac", "EUR", 0 }, { "\xc2\xa3", "GBP", 0 },
    { "\xc2\xa5", "", 0 }, { "USD", "USD", 1 }, { "EUR", "EUR", 1 }, { "GBP", "GBP", 1 },
    { "dollars", "USD", 1 }, { "dollar", "USD", 1 }, { "euros", "EUR", 1 }, { "euro", "EUR", 1 },
    { "pounds", "GBP", 1 }, { "yuan", "CNY", 1 }, { "renminbi", "CNY", 1 }, { "RMB", "CNY", 1 },
    { "yen", "JPY", 1 }, { "rupees", "INR", 1 }, { "francs", "CHF", 1 }, { "rand", "ZAR", 1 },
    { "kronor", "SEK", 1 }, { "zlotys", "PLN", 1 }, { "koruna", "CZK", 1 }, { "forints", "HUF", 1 },
    { "reais", "BRL", 1 }, { "lei", "RON", 1 },
};

static const char *const months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
};

/* Words before a number that make it a round estimate: "about 12,000". */
static const char *const approximators[] = {
    "about", "around", "roughly", "approximately", "nearly", "almost", "some", "over", "under",
    "than", "estimated", "approx", "circa",
};

static int is_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Length of the ASCII letter run at s[i..n). */
static size_t alpha_run(const char *s, size_t n, size_t i)
{
    size_t k = i;
    while (k < n && is_alpha((unsigned char)s[k])) k++;
    return k - i;
}

static int word_eq(const char *s, size_t len, const char *w)
{
    if (strlen(w) != len) return 0;
    for (size_t i = 0; i < len; i++)
        if ((s[i] | 32) != w[i]) return 0;
    return 1;
}

static const number_word *lookup(const number_word *t, size_t nt, const char *s, size_t len)
{
    for (size_t i = 0; i < nt; i++)
        if (word_eq(s, len, t[i].word)) return &t[i];
    return NULL;
}

/* The code point ending just before s[i], or 0 at the start. */
static int prev_cp(const char *s, size_t i, size_t *at)
{
    if (i == 0) return 0;
    size_t k = i - 1;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
    size_t len;
    *at = k;
    return nd_utf8_next(s + k, i - k, &len);
}

static int is_word_cp(int cp) { return nd_is_letter(cp) || nd_is_digit(cp); }

/* A number is glued when a word character, or a word character and a
 * joiner ("GPT-4", "62/100", "3:30"), comes right before it. */
static int glued_before(const char *s, size_t i)
{
    size_t at = 0;
    int cp = prev_cp(s, i, &at);
    if (is_word_cp(cp)) return 1;
    if (cp == '-' || cp == '/' || cp == ':' || cp == '.' || cp == ',') {
        size_t at2;
        return is_word_cp(prev_cp(s, at, &at2));
    }
    return 0;
}

/* Thousands separators: comma, no-break space, narrow no-break space, thin space. */
static size_t separator_len(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == ',') return 1;
    if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) return 2;
    if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0xAF || (unsigned char)s[i + 2] == 0x89))
        return 3;
    return 0;
}

/* Reads digits with separators and decimals at s[i]; 0 when there are none. */
static size_t read_digits(const char *s, size_t n, size_t i, double *value, double *unit, int *plain)
{
    size_t k = i;
    double v = 0;
    while (k < n && is_digit((unsigned char)s[k])) v = v * 10 + (s[k++] - '0');
    if (k == i) return 0;
    int grouped = 0;
    if (k - i <= 3) {
        for (;;) {  /* a separator counts only before exactly three digits */
            size_t sl = separator_len(s, n, k);
            if (!sl || k + sl + 3 > n) break;
            const char *g = s + k + sl;
            if (!is_digit((unsigned char)g[0]) || !is_digit((unsigned char)g[1]) || !is_digit((unsigned char)g[2]) ||
                (k + sl + 3 < n && is_digit((unsigned char)g[3])))
                break;
            v = v * 1000 + (g[0] - '0') * 100 + (g[1] - '0') * 10 + (g[2] - '0');
            k += sl + 3;
            grouped = 1;
        }
    }
    double u = 1;
    if (k + 1 < n && s[k] == '.' && is_digit((unsigned char)s[k + 1])) {
        k++;
        while (k < n && is_digit((unsigned char)s[k])) {
            u /= 10;
            v += (s[k++] - '0') * u;
        }
    }
    *value = v;
    *unit = u;
    *plain = !grouped && u == 1;
    return k - i;
}

/* Reads number words at s[i] ("six", "twenty-five", "two hundred and fifty
 * thousand", "a million", "one billion", "half"); 0 when there are none. */
static size_t read_words(const char *s, size_t n, size_t i, double *value, double *unit)
{
    double total = 0, cur = 0, last = 0;  /* last: the scale of the last number word, 0 before any */
    int lead = 0;                          /* "a" or "one" first: a number only before a scale word */
    size_t k = i, end = i;
    for (;;) {
        size_t len = alpha_run(s, n, k);
        const number_word *w;
        if ((w = lookup(small_words, sizeof small_words / sizeof *small_words, s + k, len))) {
            cur += w->value;
            last = 1;
            end = k + len;
        } else if ((w = lookup(scale_words, sizeof scale_words / sizeof *scale_words, s + k, len))) {
            if (k == i) break;  /* "million" alone, as in "R16 million" read from the space on, counts nothing */
            if (w->value >= 1e3) {
                total += (cur ? cur : 1) * w->value;
                cur = 0;
            } else {
                cur = (cur ? cur : 1) * w->value;
            }
            last = w->value;
            end = k + len;
        } else if (k == i && (word_eq(s + k, len, "one") || word_eq(s + k, len, "a"))) {
            lead = 1;
            cur = 1;
        } else if (!(last && word_eq(s + k, len, "and"))) {
            break;
        }
        k += len;
        if (k + 1 < n && (s[k] == ' ' || s[k] == '-') && is_alpha((unsigned char)s[k + 1])) k++;
        else break;
    }
    if (end == i) {
        size_t len = alpha_run(s, n, i);
        if (!word_eq(s + i, len, "half")) return 0;
        *value = *unit = 0.5;
        return len;
    }
    if (lead && last == 1) return 0;  /* "one two", "a six-month": the words after count on their own */
    *value = total + cur;
    *unit = last;
    return end - i;
}

/* Matches a currency form at s[i]; its length, or 0. */
static size_t read_currency(const char *s, size_t n, size_t i, int word, const char **code)
{
    for (size_t c = 0; c < sizeof currencies / sizeof *currencies; c++) {
        const currency_form *f = &currencies[c];
        size_t len = strlen(f->text);
        if (f->word != word || i + len > n) continue;
        if (word) {
            if (alpha_run(s, n, i) != len) continue;
            int upper = f->text[0] >= 'A' && f->text[0] <= 'Z';
            if (upper ? memcmp(s + i, f->text, len) != 0 : !word_eq(s + i, len, f->text)) continue;
        } else if (memcmp(s + i, f->text, len) != 0) {
            continue;
        }
        *code = f->code;
        return len;
    }
    return 0;
}

/* Skips one space (or a no-break space) at s[i]; returns the new position. */
static size_t skip_space(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == ' ') return i + 1;
    if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) return i + 2;
    return i;
}

static int approximated(const char *s, size_t i)
{
    size_t e = i;
    while (e > 0 && s[e - 1] == ' ') e--;
    size_t b = e;
    while (b > 0 && is_alpha((unsigned char)s[b - 1])) b--;
    for (size_t a = 0; a < sizeof approximators / sizeof *approximators; a++)
        if (word_eq(s + b, e - b, approximators[a])) return 1;
    return 0;
}

static int is_month(const char *s, size_t len)
{
    for (size_t m = 0; m < sizeof months / sizeof *months; m++)
        if (word_eq(s, len, months[m])) return 1;
    return 0;
}

/* 1 when the digits s[i..e) are a day of a month: "March 11", "11 March",
 * "on 22 May 2024" (the year after it is read on its own). */
static int day_of_month(const char *s, size_t n, size_t i, size_t e)
{
    if (e - i > 2) return 0;
    size_t a = i;
    while (a > 0 && s[a - 1] == ' ') a--;
    size_t b = a;
    while (b > 0 && is_alpha((unsigned char)s[b - 1])) b--;
    if (b < a && a < i && is_month(s + b, a - b)) return 1;
    size_t w = skip_space(s, n, e);
    return w > e && is_month(s + w, alpha_run(s, n, w));
}

/* Reads one quantity starting at s[i]; returns its end, or 0 when there is none. */
static size_t read_number(const char *s, size_t n, size_t i, nd_number *out)
{
    const char *code = NULL;
    size_t k = i;
    size_t cl = read_currency(s, n, k, 0, &code);
    if (!cl && i + 5 <= n && read_currency(s, n, k, 1, &code) == 3 && s[k + 3] == ' ' &&
        is_digit((unsigned char)s[k + 4]))
        cl = 4;  /* "USD 500" */
    k += cl;
    double value = 0, unit = 1;
    int plain = 0, digits = 0;
    size_t len = read_digits(s, n, k, &value, &unit, &plain);
    if (len && !cl && day_of_month(s, n, k, k + len)) return 0;
    if (len) {
        digits = 1;
        k += len;
        size_t sl = alpha_run(s, n, k);
        const number_word *sfx;
        if (sl && (sfx = lookup(scale_suffixes, sizeof scale_suffixes / sizeof *scale_suffixes, s + k, sl)) &&
            (code || sfx->value >= 1e9)) {
            value *= sfx->value;
            unit *= sfx->value;
            k += sl;
            plain = 0;
        } else if (sl || (k + 1 < n && (s[k] == '/' || s[k] == ':' || s[k] == '.') &&
                          is_word_cp((unsigned char)s[k + 1]))) {
            return 0;  /* 5G, 3D, 1st, 4/5, 3:30, 01.AI */
        }
    } else {
        if (!(len = read_words(s, n, k, &value, &unit))) return 0;
        k += len;
        plain = 0;
    }
    /* a scale word after digits: "12 million", "1.5 billion" */
    size_t w = skip_space(s, n, k);
    size_t wl = alpha_run(s, n, w);
    const number_word *sc;
    if (digits && wl && (sc = lookup(scale_words, sizeof scale_words / sizeof *scale_words, s + w, wl)) &&
        sc->value >= 1e3) {
        value *= sc->value;
        unit *= sc->value;
        k = w + wl;
        plain = 0;
    }
    nd_num_kind kind = code ? ND_NUM_MONEY : ND_NUM_COUNT;
    w = skip_space(s, n, k);
    wl = alpha_run(s, n, w);
    if (k < n && s[k] == '%') {
        kind = ND_NUM_PERCENT;
        k++;
    } else if (w < n && s[w] == '%') {
        kind = ND_NUM_PERCENT;
        k = w + 1;
    } else if (word_eq(s + w, wl, "percent") || word_eq(s + w, wl, "pct")) {
        kind = ND_NUM_PERCENT;
        k = w + wl;
    } else if (word_eq(s + w, wl, "per") && w + wl + 5 <= n && word_eq(s + w + wl + 1, 4, "cent") &&
               alpha_run(s, n, w + wl + 1) == 4) {
        kind = ND_NUM_PERCENT;
        k = w + wl + 5;
    } else if (!code && wl) {
        size_t x = w;
        if (word_eq(s + w, wl, "US") && s[w + wl] == ' ') x = w + wl + 1;
        size_t l2 = read_currency(s, n, x, 1, &code);
        if (l2) {
            kind = ND_NUM_MONEY;
            k = x + l2;
        }
    }
    if (kind == ND_NUM_COUNT && plain && len == 4 && value >= 1800 && value <= 2100) kind = ND_NUM_YEAR;
    if (approximated(s, i) && fabs(value) >= 10) {
        double mag = 1;  /* the rounding a writer implies: "about 12,000" is good to a thousand */
        while (mag * 10 <= fabs(value) && fmod(value, mag * 10) == 0) mag *= 10;
        if (mag > unit) unit = mag;
    }
    out->value = value;
    out->unit = unit;
    out->start = (uint32_t)i;
    out->end = (uint32_t)k;
    out->kind = (uint8_t)kind;
    memset(out->currency, 0, sizeof out->currency);
    if (code) memcpy(out->currency, code, strlen(code));
    return k;
}

size_t nd_numbers_find(const char *s, size_t n, nd_number *out, size_t cap)
{
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        int candidate = is_digit(c) || is_alpha(c) || c == '$' || c >= 0xC2;
        if (candidate && !glued_before(s, i)) {
            nd_number num;
            size_t end = read_number(s, n, i, &num);
            if (end) {
                if (count < cap) out[count] = num;
                count++;
                i = end;
                continue;
            }
        }
        /* on to the next word */
        if (is_digit(c) || is_alpha(c)) {
            while (i < n && (is_digit((unsigned char)s[i]) || is_alpha((unsigned char)s[i]))) i++;
        } else {
            i++;
            while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
        }
    }
    return count;
}

int nd_number_same(const nd_number *a, const nd_number *b)
{
    if (a->kind != b->kind) return 0;
    if (a->currency[0] && b->currency[0] && strcmp(a->currency, b->currency) != 0) return 0;
    double tol = 0.5 * (a->unit > b->unit ? a->unit : b->unit);
    double mag = fabs(a->value) > fabs(b->value) ? fabs(a->value) : fabs(b->value);
    return fabs(a->value - b->value) <= tol + 1e-9 * mag;
}

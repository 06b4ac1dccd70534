/* Quantities stated in text, normalised so that "10,000" and "10000", "$12
 * million" and "$12m", "six" and "6" compare equal. */
#ifndef ND_NUMBERS_H
#define ND_NUMBERS_H
#include <stddef.h>
#include <stdint.h>

typedef enum nd_num_kind {
    ND_NUM_COUNT = 0,   /* a plain quantity: "six", "10,000 units", "1.5 million" */
    ND_NUM_PERCENT,     /* "40%", "40 percent", "40 per cent" */
    ND_NUM_MONEY,       /* "$12 million", "€3bn", "500 yuan" */
    ND_NUM_YEAR         /* a bare four-digit year: "in 2015" */
} nd_num_kind;

typedef struct nd_number {
    double value;         /* scale applied: "$12 million" is 12e6 */
    double unit;          /* the precision it was written to: 1e6 for "12 million", 0.1 for "3.5" */
    uint32_t start, end;  /* bytes of the text it was read from, currency and scale words included */
    uint8_t kind;         /* nd_num_kind */
    char currency[4];     /* ISO 4217 code for ND_NUM_MONEY when known, else "" */
} nd_number;

/* Finds the quantities in s[0..n) (UTF-8), in order; offsets are relative to
 * s.  Writes at most cap of them to out and returns how many there are.
 * Digits glued to letters (R1, A100, o1-mini, 5G, 01.AI), dates like 4/5 or
 * "March 11", a scale word alone ("million") and the pronoun "one" ("one of
 * them") are not quantities. */
size_t nd_numbers_find(const char *s, size_t n, nd_number *out, size_t cap);

/* 1 when a and b state the same quantity: same kind and currency, values
 * equal to within half the coarser precision (so "$12.3 million" and "about
 * $12 million" agree, "40%" and "60%" do not). */
int nd_number_same(const nd_number *a, const nd_number *b);
#endif

#include "check.h"

#include "audit/numbers.h"

/* The numbers of s, and how many there are. */
static size_t find(const char *s, nd_number *out, size_t cap)
{
    return nd_numbers_find(s, strlen(s), out, cap);
}

/* The only number of s (fails when there is not exactly one). */
static nd_number one(const char *s)
{
    nd_number n[4] = { 0 };
    size_t k = find(s, n, 4);
    if (k != 1) printf("FAIL %s: \"%s\" has %zu numbers, expected 1\n", check_test_, s, k), check_failed_ = 1;
    return n[0];
}

static int same(const char *a, const char *b)
{
    nd_number x = one(a), y = one(b);
    return nd_number_same(&x, &y);
}

static void digits_and_separators(void)
{
    nd_number n = one("Reports suggest it has 10,000 units.");
    CHECK_NEAR(n.value, 10000, 0);
    CHECK_INT(n.kind, ND_NUM_COUNT);
    CHECK_INT(n.start, 23);
    CHECK_INT(n.end, 29);
    CHECK_NEAR(one("a 3.5 rise").value, 3.5, 1e-12);
    CHECK_NEAR(one("a 3.5 rise").unit, 0.1, 1e-12);
    CHECK_NEAR(one("paid 1\xc2\xa0" "250\xc2\xa0" "000 in all").value, 1250000, 0);
    CHECK(same("10,000", "10000"));
    CHECK(!same("10,000", "10,500"));
    /* a comma counts as a separator only before exactly three digits */
    nd_number m[4];
    CHECK_INT(find("scores of 2, 3 and 4,50", m, 4), 3);
    CHECK_NEAR(m[2].value, 4, 0);
}

static void scales_and_money(void)
{
    nd_number n = one("The plant cost $12 million to build.");
    CHECK_INT(n.kind, ND_NUM_MONEY);
    CHECK_STR(n.currency, "USD");
    CHECK_NEAR(n.value, 12e6, 0);
    CHECK_INT(n.end - n.start, (long long)strlen("$12 million"));
    CHECK(same("$12 million", "$12m"));
    CHECK(same("$12 million", "12 million dollars"));
    CHECK(same("US$1.5bn", "$1.5 billion"));
    CHECK(!same("$12 million", "$21 million"));
    CHECK(!same("$12 million", "\xe2\x82\xac" "12 million"));
    CHECK(same("\xc2\xa3" "3.5bn", "3.5 billion pounds"));
    CHECK(same("USD 500", "500 dollars"));
    CHECK_STR(one("worth 500 yuan").currency, "CNY");
    /* rounding by the rewriter is not a different figure */
    CHECK(same("$12.3 million", "$12 million"));
    CHECK(!same("$12.3 million", "$13 million"));
    CHECK(same("12,347 jobs", "about 12,000 jobs"));
    CHECK(!same("12,347 jobs", "12,000 jobs"));
}

static void percent(void)
{
    CHECK_INT(one("up 40% on the year").kind, ND_NUM_PERCENT);
    CHECK(same("40%", "40 percent"));
    CHECK(same("40 per cent", "40 %"));
    CHECK(!same("40%", "60%"));
    CHECK(!same("40%", "40 people"));
}

static void words(void)
{
    CHECK_NEAR(one("six smaller versions").value, 6, 0);
    CHECK(same("six", "6"));
    CHECK(!same("six", "seven"));
    CHECK_NEAR(one("twenty-five people").value, 25, 0);
    CHECK_NEAR(one("two hundred and fifty thousand people").value, 250000, 0);
    CHECK_NEAR(one("a million users").value, 1e6, 0);
    CHECK_NEAR(one("One billion users").value, 1e9, 0);
    CHECK(same("three million", "3 million"));
    CHECK_NEAR(one("half the speed").value, 0.5, 0);
    CHECK(same("half the speed", "about half the performance"));
    /* a pronoun, and articles before an ordinary word, are not numbers */
    nd_number m[4];
    CHECK_INT(find("It claims that one of them even outperforms the rest.", m, 4), 0);
    CHECK_INT(find("a six-month trial", m, 4), 1);
    CHECK_NEAR(m[0].value, 6, 0);
    CHECK_INT(find("often, tension and tenure", m, 4), 0);
}

static void years(void)
{
    CHECK_INT(one("founded in July 2023 by").kind, ND_NUM_YEAR);
    CHECK(same("in 2023", "July 2023"));
    CHECK(!same("in 2023", "in 2022"));
    CHECK_INT(one("2,023 people").kind, ND_NUM_COUNT);
    CHECK_INT(one("raised 2015 dollars").kind, ND_NUM_MONEY);
}

static void glued_digits_are_names(void)
{
    nd_number m[8];
    CHECK_INT(find("DeepSeek R1 beats o1-mini on A100 chips with GPT-4 and 5G", m, 8), 0);
    CHECK_INT(find("Rating 4/5, at 3:30, with 01.AI and 3D, the 1st", m, 8), 0);
    CHECK_INT(find("a 100m race", m, 8), 0);
    CHECK_INT(find("Between 10,000 to 50,000 units, 10-year bonds.", m, 8), 3);
    CHECK_NEAR(m[1].value, 50000, 0);
    CHECK_NEAR(m[2].value, 10, 0);
    CHECK_INT(find("", m, 8), 0);
    CHECK_INT(nd_numbers_find("EUR 5", 4, m, 8), 0);  /* the digit lies past the end given */
    /* more numbers than room: the count is still exact */
    CHECK_INT(find("1 2 3 4 5", m, 2), 5);
}

static void dates_and_lone_scales(void)
{
    nd_number m[8];
    /* days of months are dates, not quantities; the year after one is */
    CHECK_INT(find("the company said on 11 March, and again on March 12", m, 8), 0);
    CHECK_INT(find("on 22 May 2024 it hired 40 people", m, 8), 2);
    CHECK_INT(m[0].kind, ND_NUM_YEAR);
    CHECK_NEAR(m[1].value, 40, 0);
    /* "million" read alone counts nothing ("R16 million": R16 is glued) */
    CHECK_INT(find("a saving of R16 million a year", m, 8), 0);
    CHECK_NEAR(one("a million homes").value, 1e6, 0);
    /* dollars of other countries */
    nd_number n = one("an extra NZ$56 million for schools");
    CHECK_STR(n.currency, "NZD");
    CHECK_NEAR(n.value, 56e6, 0);
    CHECK(!same("NZ$56 million", "$56 million"));
    CHECK_STR(one("fined 40 million kronor").currency, "SEK");
}

CHECK_MAIN("numbers", TEST(digits_and_separators), TEST(scales_and_money), TEST(percent), TEST(words),
           TEST(years), TEST(glued_digits_are_names), TEST(dates_and_lone_scales))

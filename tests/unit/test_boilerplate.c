/* Site furniture: which lines belong to the page rather than the article. */
#include "check.h"
#include "normalise/boilerplate.h"

static int boiler(const char *line) { return nd_line_is_boilerplate(line, strlen(line)); }

static void navigation_and_prompts_are_boilerplate(void)
{
    CHECK(boiler("Skip to content"));
    CHECK(boiler("Skip to main navigation"));
    CHECK(boiler("Share this article"));
    CHECK(boiler("Share on Facebook"));
    CHECK(boiler("Sign up for our newsletter"));
    CHECK(boiler("Subscribe to The Daily Brief for the latest headlines."));
    CHECK(boiler("Read more: How the chip ban reshaped the industry."));
    CHECK(boiler("We use cookies to improve your experience."));
    CHECK(boiler("Rating inherited from publication venue: MIT Technology Review"));
    CHECK(boiler("Please enable JavaScript to view the comments."));
    CHECK(boiler("Image caption: Workers at the plant in Shenzhen."));
}

static void copyright_lines_are_boilerplate(void)
{
    CHECK(boiler("\xc2\xa9 2025 Example Media"));  /* © 2025 Example Media */
    CHECK(boiler("Copyright 2025 Example Media Group. All rights reserved."));
    CHECK(boiler("(c) 2024 The Harbour Times"));
    /* the sign counts even in a longer line, up to the length limit */
    CHECK(boiler("Photographs and text \xc2\xa9 2025 Example Media Group, reproduced with the kind permission of the owners."));
}

static void headings_without_punctuation_are_boilerplate(void)
{
    CHECK(boiler("Key Points"));
    CHECK(boiler("Metadata"));
    CHECK(boiler("Most Popular"));
    CHECK(boiler("Business | Technology | Markets"));
    CHECK(boiler("   Related coverage   \r"));  /* surrounding white space is ignored */
}

static void article_sentences_are_not_boilerplate(void)
{
    CHECK(!boiler("The company updated its forecast on Tuesday."));
    CHECK(!boiler("He agreed."));
    CHECK(!boiler("Shares fell 4% in early trading."));
    CHECK(!boiler("\xe2\x80\x9cWe are not done yet,\xe2\x80\x9d she said."));  /* ends with a curly quote */
    CHECK(!boiler("Why did the regulator wait?"));
    CHECK(!boiler("The council approved the budget on Monday, ending a dispute that had lasted two years."));
    CHECK(!boiler(""));
    CHECK(!boiler("   \t "));
}

static void furniture_words_inside_article_sentences(void)
{
    /* A furniture phrase inside a real sentence of ordinary length does not make it furniture. */
    CHECK(!boiler("Analysts said the catalog included older models."));
    CHECK(!boiler("Investors share one concern about the merger."));
    CHECK(!boiler("Readers left hundreds of comments under the report."));
    CHECK(!boiler("The union asked workers to sign up before Friday."));
}

static void news_sentences_that_open_with_a_furniture_word(void)
{
    /* short article sentences whose first word is also a menu word */
    CHECK(!boiler("Share prices fell 3% in early trading."));
    CHECK(!boiler("Comments by the minister angered the unions."));
    CHECK(!boiler("Updated figures show a sharp fall in exports."));
    CHECK(!boiler("Related companies in Asia also lost ground."));
    /* and tech news that names a page element */
    CHECK(!boiler("Meta changed its privacy policy to allow training on public posts."));
    CHECK(!boiler("Regulators said the new terms of use were unlawful."));
    /* while the same words as page elements stay furniture */
    CHECK(boiler("Share"));
    CHECK(boiler("Comments (12)"));
    CHECK(boiler("Updated 3 hours ago"));
    CHECK(boiler("Privacy Policy | Terms of Use"));
}

static void long_lines_are_never_boilerplate(void)
{
    /* a paragraph glued to a menu item: judged as the article it is */
    const char *glued = "Skip to Content The AI community is debating whether export controls on advanced "
                        "chips have slowed Chinese laboratories or simply pushed them to train cheaper and "
                        "more efficient models than before";
    CHECK(!boiler(glued));
    CHECK(!boiler("Share this story with colleagues who follow semiconductor policy, because the new rules "
                  "change how every laboratory in the region buys its hardware and software."));
}

static void phrases_match_at_word_starts_only(void)
{
    /* after a space, punctuation, a digit's neighbour or an accented letter a phrase starts a word */
    CHECK(boiler("Please share this article with friends."));
    CHECK(boiler("Home|share this story."));
    CHECK(boiler("\xc3\x89t\xc3\xa9 \xe2\x80\x94 we use cookies."));  /* Été — we use cookies. */
    CHECK(boiler("Read more: the full ruling."));
    CHECK(boiler("Follow us on X for updates."));
    /* inside a word it does not */
    CHECK(!boiler("Please reshare this article with friends."));
    CHECK(!boiler("Readers refollow us each week."));
    CHECK(!boiler("2024share this story today."));
    CHECK(!boiler("Unread more: the full ruling."));
}

/* "Skip to content" (3 words) or "Advertisement" (1) and `more` words of
 * `len` letters after it, each after `sep`, into line (512 bytes) */
static const char *line_of(char *line, const char *first, int more, int len, const char *sep, const char *end)
{
    strcpy(line, first);
    for (int w = 0; w < more; w++) {
        strcat(line, sep);
        strncat(line, "abcdefghij", (size_t)len);
    }
    return strcat(line, end);
}

static void word_counts_decide_at_their_limits(void)
{
    /* words are counted eight bytes at a time: words of every length, spaces, tabs and carriage returns */
    static const char *const seps[] = { " ", "\t", "  ", " \r\t" };
    char line[512];
    for (int len = 1; len <= 9; len++)
        for (size_t s = 0; s < sizeof seps / sizeof seps[0]; s++) {
            for (int more = 19; more <= 23; more++) {  /* lines of up to 24 words are judged */
                int b = boiler(line_of(line, "Skip to content", more, len, seps[s], "."));
                CHECK_INT(b, 3 + more <= 24);
            }
            for (int more = 7; more <= 11; more++) {  /* weak phrases count on lines of up to 10 */
                int b = boiler(line_of(line, "Advertisement", more, len, seps[s], ""));
                CHECK_INT(b, 1 + more <= 10);
            }
        }
}

static void length_is_measured_on_the_given_bytes(void)
{
    /* only the first n bytes are the line */
    const char *s = "Share this article\nThe company updated its forecast on Tuesday.";
    CHECK(nd_line_is_boilerplate(s, 18));
    CHECK(!nd_line_is_boilerplate(s, 0));
}

CHECK_MAIN("boilerplate",
    TEST(navigation_and_prompts_are_boilerplate),
    TEST(copyright_lines_are_boilerplate),
    TEST(headings_without_punctuation_are_boilerplate),
    TEST(article_sentences_are_not_boilerplate),
    TEST(furniture_words_inside_article_sentences),
    TEST(news_sentences_that_open_with_a_furniture_word),
    TEST(long_lines_are_never_boilerplate),
    TEST(phrases_match_at_word_starts_only),
    TEST(word_counts_decide_at_their_limits),
    TEST(length_is_measured_on_the_given_bytes))

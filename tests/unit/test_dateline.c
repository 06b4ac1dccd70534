/* The publication time a page prints in its header. */
#include "check.h"
#include "fingerprint/dateline.h"

/* 2024-05-21 00:00 UTC */
#define MAY21 1716249600LL

static void parses(const char *s, long long at, int span, size_t len)
{
    nd_dateline d = { 0, 0 };
    size_t got = nd_dateline_parse(s, strlen(s), &d);
    if (got != len) printf("  parsing \"%s\"\n", s);
    CHECK_INT(got, len);
    CHECK_INT(d.at, at);
    CHECK_INT(d.span, span);
}

static void the_usual_forms_parse(void)
{
    parses("May 21, 2024 2:48 p.m.", MAY21 + 14 * 3600 + 48 * 60, 60, 22);
    parses("21 May 2024, 14:48", MAY21 + 14 * 3600 + 48 * 60, 60, 18);
    parses("2024-05-21 14:48 UTC", MAY21 + 14 * 3600 + 48 * 60, 60, 20);
    parses("2024-05-21T14:48:30Z", MAY21 + 14 * 3600 + 48 * 60 + 30, 60, 20);
    parses("21 May 2024", MAY21, 86400, 11);
    parses("Sept. 3, 2025", 1756857600LL, 86400, 13);
    parses("sep 3 2025", 1756857600LL, 86400, 10);
    parses("21st May 2024 at 9:05 am", MAY21 + 9 * 3600 + 5 * 60, 60, 24);
    parses("May 21, 2024 12:10 AM", MAY21 + 10 * 60, 60, 21);
    parses("May 21, 2024 12:10 pm", MAY21 + 12 * 3600 + 10 * 60, 60, 21);
}

static void zones_move_the_time_to_utc(void)
{
    parses("May 21, 2024 2:48 p.m. EDT", MAY21 + 18 * 3600 + 48 * 60, 60, 26);
    parses("21 May 2024 14:48:00 +0200", MAY21 + 12 * 3600 + 48 * 60, 60, 26);
    parses("2024-05-21T14:48-05:30", MAY21 + 20 * 3600 + 18 * 60, 60, 22);
    parses("21 May 2024 01:00 CEST", MAY21 - 3600, 60, 22);  /* the day before, in UTC */
}

static void not_dates(void)
{
    const char *const none[] = {
        "May 2024", "21 May", "2024-13-02", "2023-02-29", "Feb 30, 2024", "May 5 people said", "12:30",
        "Mayor 21, 2024", "121 May 2024", "1 March 20245", "the 24-hour news cycle", "",
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        nd_dateline d;
        if (nd_dateline_parse(none[i], strlen(none[i]), &d)) printf("  parsed \"%s\"\n", none[i]);
        CHECK_INT(nd_dateline_parse(none[i], strlen(none[i]), &d), 0);
    }
    /* a time that is not one leaves the date alone */
    parses("May 21, 2024 25:10", MAY21, 86400, 12);
    parses("May 21, 2024 13:10 p.m.", MAY21, 86400, 12);
    /* a seconds field of one digit is no seconds: the time ends before it */
    parses("2024-05-21T14:48:3", MAY21 + 14 * 3600 + 48 * 60, 60, 16);
}

static int found(const char *text, nd_dateline *d)
{
    return nd_dateline_of(text, strlen(text), d);
}

static void the_header_gives_the_date(void)
{
    nd_dateline d;
    CHECK_INT(found("Court rules against Quayside\nWritten by Felix Navarro\nMay 21, 2024 2:48 p.m.\n\n"
                    "On Tuesday, the court ruled.\n", &d), 1);
    CHECK_INT(d.at, MAY21 + 14 * 3600 + 48 * 60);
    CHECK_INT(found("Skip to main content\nTuesday 21 May 2024\n\nOn Tuesday, the court ruled.\n", &d), 1);
    CHECK_INT(d.at, MAY21);
    CHECK_INT(d.span, 86400);
    /* the publication, not the revision, on one line or two */
    CHECK_INT(found("Title\nUpdated May 22, 2024 9:00 | Published May 21, 2024 8:00\n", &d), 1);
    CHECK_INT(d.at, MAY21 + 8 * 3600);
    CHECK_INT(found("Title\nLast modified: 22 May 2024\nPosted 21 May 2024\n", &d), 1);
    CHECK_INT(d.at, MAY21);
}

static void dates_in_the_story_are_not_the_page_date(void)
{
    nd_dateline d;
    /* only a date in the body: the first long line ends the header */
    CHECK_INT(found("Court rules against Quayside\n\nThe Bremen District Court ruled against Quayside Electronics "
                    "on May 21, 2024, in a case over pollution from a factory that the company had run since "
                    "the 1990s, and ordered it to pay damages of 498,000 euros to the town.\n", &d), 0);
    /* past twelve lines */
    char text[512] = "";
    for (int i = 0; i < 12; i++) strcat(text, "A short line\n");
    strcat(text, "May 21, 2024\n");
    CHECK_INT(found(text, &d), 0);
    /* an update alone is no publication date */
    CHECK_INT(found("Title\nUpdated 22 May 2024\n", &d), 0);
    CHECK_INT(found("", &d), 0);
}

CHECK_MAIN("dateline",
    TEST(the_usual_forms_parse),
    TEST(zones_move_the_time_to_utc),
    TEST(not_dates),
    TEST(the_header_gives_the_date),
    TEST(dates_in_the_story_are_not_the_page_date))

/* Naming a cluster's origin, and the textual evidence it is chosen by. */
#include "check.h"
#include "cluster/origin.h"

static nd_evidence evidence(const char *text)
{
    nd_tokeniser *tk = nd_tokeniser_new();
    nd_tokens t = { 0 };
    nd_evidence ev;
    CHECK_INT(nd_tokenise(tk, text, strlen(text), 5000, &t), 0);
    CHECK_INT(nd_evidence_of(text, strlen(text), &t, &ev), 0);
    nd_tokens_free(&t);
    nd_tokeniser_free(tk);
    return ev;
}

/* ---- evidence ------------------------------------------------------------- */

static void direct_quotations_of_four_words_or_more_count(void)
{
    nd_evidence ev = evidence(
        "\xe2\x80\x9cWe will keep building the models we need,\xe2\x80\x9d chief executive Liang Wen said. "
        "He called the chip rules \xe2\x80\x9cpointless\xe2\x80\x9d and the ban a \xe2\x80\x9cpaper tiger.\xe2\x80\x9d "
        "\"Nobody in the industry expected this,\" one analyst said.");
    CHECK_INT(ev.quotations, 2);  /* scare quotes around one or two words do not count */
    nd_evidence none = evidence("Chief executive Liang Wen said the company would keep building the models it needs.");
    CHECK_INT(none.quotations, 0);
}

static void quotation_marks_are_found_at_any_offset(void)
{
    /* marks are looked for eight bytes at a time: every alignment, and in the last few bytes */
    const char *q = "\"One two three four five\" and \xe2\x80\x9csix seven eight nine\xe2\x80\x9d "
                    "\xc2\xabten eleven twelve thirteen\xc2\xbb";
    char text[128];
    for (size_t pad = 0; pad < 16; pad++) {
        memset(text, ' ', pad);
        strcpy(text + pad, q);
        CHECK_INT(evidence(text).quotations, 3);
    }
}

static void an_unclosed_quotation_ends_at_a_paragraph_break(void)
{
    nd_evidence ev = evidence("\xe2\x80\x9cThe rules changed nothing for us at all\n\n"
                              "Officials declined to comment on the \xe2\x80\x9cnew export list\xe2\x80\x9d today.");
    CHECK_INT(ev.quotations, 0);
}

static void self_references_and_truncation(void)
{
    nd_evidence ev = evidence("The minister told reporters on Monday that the plan would go ahead. The company did "
                              "not respond to a request for comment. Reporting by Ana Lopes; Editing by Tom Hale.");
    CHECK_INT(ev.self_refs, 4);
    CHECK_INT(ev.truncated, 0);
    nd_evidence cut = evidence("The minister said the plan would go ahead, and that the budget (truncated)");
    CHECK_INT(cut.truncated, 1);
    CHECK_INT(cut.self_refs, 0);
}

static void a_bracketed_truncation_marker_counts(void)
{
    nd_evidence cut = evidence("The minister said the plan would go ahead, and that the budget [truncated]");
    CHECK_INT(cut.truncated, 1);
}

static void words_and_numbers_leave_out_furniture(void)
{
    nd_evidence ev = evidence("Skip to content\nThe council spent 240 million pounds on 12 new trams.\n"
                              "\xc2\xa9 2025 Harbour Media\n");
    CHECK_INT(ev.words, 10);
    CHECK_INT(ev.numbers, 2);  /* 2025 is in the furniture */
}

/* ---- origin --------------------------------------------------------------- */

static const nd_evidence plain = { 0, 0, 0, 2, 400, 0, 0 };
static const nd_evidence quoting = { 3, 0, 0, 2, 400, 0, 0 };

static void earliest_published_wins_with_two_dates(void)
{
    nd_origin_input m[] = {
        { 5, 1737900000, &plain, 0.5f, 0 },
        { 7, 1737800000, &plain, 0.4f, 0 },        /* earliest */
        { 9, INT64_MIN, &quoting, 0.9f, 0 },       /* undated, but the best text evidence */
    };
    char why[200];
    CHECK_INT(nd_origin_choose(m, 3, why, sizeof why), 1);
    CHECK_STR(why, "earliest published time in the cluster");
    /* equal times: the lower document index */
    m[0].published = m[1].published;
    CHECK_INT(nd_origin_choose(m, 3, why, sizeof why), 0);
}

static void one_date_is_not_enough(void)
{
    nd_origin_input m[] = {
        { 0, 1737800000, &plain, 0.5f, 0 },
        { 1, INT64_MIN, &quoting, 0.5f, 0 },
    };
    char why[200];
    CHECK_INT(nd_origin_choose(m, 2, why, sizeof why), 1);
    CHECK(strstr(why, "no dates") != NULL);
}

static void without_dates_the_quoting_text_wins(void)
{
    nd_origin_input m[] = {
        { 0, INT64_MIN, &plain, 0.50f, 0 },
        { 1, INT64_MIN, &quoting, 0.45f, 0 },  /* a little less central, but it has the quotes */
        { 2, INT64_MIN, &plain, 0.50f, 0 },
    };
    char why[200];
    CHECK_INT(nd_origin_choose(m, 3, why, sizeof why), 1);
    CHECK(strstr(why, "no dates") != NULL);
    CHECK(strstr(why, "quotations") != NULL);
    CHECK(strstr(why, "(3)") != NULL);
}

static void self_references_and_figures_count_as_evidence(void)
{
    const nd_evidence byline = { 0, 1, 0, 0, 400, 0, 0 };
    const nd_evidence nothing = { 0, 0, 0, 0, 400, 0, 0 };
    const nd_evidence some = { 0, 0, 0, 3, 400, 0, 0 };
    const nd_evidence more = { 0, 0, 0, 9, 400, 0, 0 };
    char why[200];
    nd_origin_input b[] = { { 0, INT64_MIN, &nothing, 0.5f, 0 }, { 1, INT64_MIN, &byline, 0.5f, 0 } };
    CHECK_INT(nd_origin_choose(b, 2, why, sizeof why), 1);
    CHECK_STR(why, "no dates; refers to its own reporting (byline or \"told us\")");
    nd_origin_input f[] = { { 0, INT64_MIN, &some, 0.5f, 0 }, { 1, INT64_MIN, &more, 0.5f, 0 } };
    CHECK_INT(nd_origin_choose(f, 2, why, sizeof why), 1);
    CHECK_STR(why, "no dates; carries the most figures");
}

static void without_evidence_the_most_central_then_lowest_index(void)
{
    const nd_evidence nothing = { 0, 0, 0, 0, 300, 0, 0 };
    nd_origin_input m[] = {
        { 4, INT64_MIN, &nothing, 0.40f, 0 },
        { 2, INT64_MIN, &nothing, 0.70f, 0 },
        { 3, INT64_MIN, &nothing, 0.55f, 0 },
    };
    char why[200];
    CHECK_INT(nd_origin_choose(m, 3, why, sizeof why), 1);
    CHECK_STR(why, "no dates; no textual evidence; the member closest to all others");
    m[0].similarity = m[2].similarity = m[1].similarity;
    CHECK_INT(nd_origin_choose(m, 3, why, sizeof why), 1);  /* doc 2 is the lowest index */
    /* equal evidence: centrality decides */
    nd_origin_input q[] = { { 0, INT64_MIN, &quoting, 0.30f, 0 }, { 1, INT64_MIN, &quoting, 0.60f, 0 } };
    CHECK_INT(nd_origin_choose(q, 2, why, sizeof why), 1);
}

static void a_date_alone_ties_with_the_times_of_its_day(void)
{
    const int64_t may21 = 1716249600;
    nd_origin_input m[] = {
        { 0, may21 + 14 * 3600 + 48 * 60, &plain, 0.5f, 60 },  /* May 21, 2024 2:48 p.m. */
        { 1, may21 + 15 * 3600, &plain, 0.5f, 0 },             /* given, 3 p.m. */
        { 2, may21, &quoting, 0.4f, 86400 },                   /* Tuesday 21 May 2024 */
    };
    char why[256];
    /* 2 may have come out before 0: the text decides between them, and 1 is later than 0 */
    CHECK_INT(nd_origin_choose(m, 3, why, sizeof why), 2);
    CHECK_STR(why, "published first with 1 other as far as the dates tell; carries the most direct quotations (3) "
                   "and is closest to the other members");
    m[2].ev = &plain;
    CHECK_INT(nd_origin_choose(m, 3, why, sizeof why), 0);  /* equal text: centrality, then the index */
    /* a day earlier, the date alone is first */
    m[2].published = may21 - 86400;
    CHECK_INT(nd_origin_choose(m, 3, why, sizeof why), 2);
    CHECK_STR(why, "earliest published time in the cluster (the date printed on the page)");
    /* a given time is exact: one second apart orders two members */
    nd_origin_input e[] = { { 0, may21 + 1, &quoting, 0.9f, 0 }, { 1, may21, &plain, 0.1f, 0 } };
    CHECK_INT(nd_origin_choose(e, 2, why, sizeof why), 1);
    CHECK_STR(why, "earliest published time in the cluster");
}

static void the_page_header_date_is_evidence(void)
{
    nd_evidence ev = evidence("Court rules against Quayside\nMay 21, 2024 2:48 p.m.\n\nThe court ruled on Tuesday.\n");
    CHECK_INT(ev.printed, 1716249600 / 60 + 14 * 60 + 48);
    CHECK_INT(ev.printed_span, 1);
    nd_evidence day = evidence("Court rules against Quayside\nTuesday 21 May 2024\n\nThe court ruled on Tuesday.\n");
    CHECK_INT(day.printed, 1716249600 / 60);
    CHECK_INT(day.printed_span, 1440);
    nd_evidence none = evidence("Court rules against Quayside\n\nThe court ruled on Tuesday.\n");
    CHECK_INT(none.printed, 0);
}

static void the_reason_fits_the_buffer(void)
{
    nd_origin_input m[] = { { 0, INT64_MIN, &plain, 0.5f, 0 }, { 1, INT64_MIN, &quoting, 0.5f, 0 } };
    char why[12];
    memset(why, 'x', sizeof why);
    CHECK_INT(nd_origin_choose(m, 2, why, sizeof why), 1);
    CHECK_INT(strlen(why), sizeof why - 1);
}

CHECK_MAIN("origin",
    TEST(direct_quotations_of_four_words_or_more_count),
    TEST(quotation_marks_are_found_at_any_offset),
    TEST(an_unclosed_quotation_ends_at_a_paragraph_break),
    TEST(self_references_and_truncation),
    TEST(a_bracketed_truncation_marker_counts),
    TEST(words_and_numbers_leave_out_furniture),
    TEST(earliest_published_wins_with_two_dates),
    TEST(one_date_is_not_enough),
    TEST(without_dates_the_quoting_text_wins),
    TEST(self_references_and_figures_count_as_evidence),
    TEST(without_evidence_the_most_central_then_lowest_index),
    TEST(a_date_alone_ties_with_the_times_of_its_day),
    TEST(the_page_header_date_is_evidence),
    TEST(the_reason_fits_the_buffer))

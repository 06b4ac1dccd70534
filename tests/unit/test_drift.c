/* nd_audit() on an article written for the purpose and rewrites of it that
 * each plant one kind of drift, or none: every drift type found where it is
 * planted and with the speakers it involves, and nothing reported for a
 * faithful copy, a reworded but faithful rewrite, a trimmed quote, a
 * 10,000 written 10000, text past a truncation or a speaker that cannot be
 * pinned down. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "newsdup.h"

#define HEAD "Harbor Steel to close Millport plant\n\n"
#define P1 "Harbor Steel will close its Millport plant in March, cutting 1,200 jobs, the company said on Tuesday.\n\n"
#define P2 "\xe2\x80\x9cWe looked at every option, including a partial retooling, and none of them closed the gap,\xe2\x80\x9d " \
    "said Dana Reyes, the company\xe2\x80\x99s chief executive.\n\n"
#define P3 "Reyes said the company would set aside $12 million for severance and retraining for the workers.\n\n"
#define P4 "According to Omar Haddad, a union organiser at the plant, workers learned of the closure from a press " \
    "release posted on the company website.\n\n"
#define P5 "Lena Park, an assistant professor of economics at Northgate University, said the closure could lower wages " \
    "across the whole Millport region for years.\n\n"
#define P6 "The town council reportedly plans an emergency meeting about the closure next week.\n\n"
#define P7 "The plant opened in 1974 and once employed 10,000 people in the valley.\n"

static const char origin[] = HEAD P1 P2 P3 P4 P5 P6 P7;

/* A rewrite and what it must be audited as. */
typedef struct {
    nd_corpus *c;
    nd_result *r;
    const char *text;
} audit_run;

static void run(audit_run *a, const char *origin_text, const char *rewrite)
{
    memset(a, 0, sizeof *a);
    a->text = rewrite;
    nd_error err = { 0 };
    a->c = nd_corpus_new(NULL, &err);
    CHECK(a->c != NULL);
    if (!a->c) return;
    CHECK_INT(nd_corpus_add(a->c, "origin", origin_text, strlen(origin_text), NULL, &err), ND_OK);
    CHECK_INT(nd_corpus_add(a->c, "rewrite", rewrite, strlen(rewrite), NULL, &err), ND_OK);
    a->r = nd_compare_to(a->c, 0, &err);
    CHECK(a->r != NULL);
    if (!a->r) return;
    CHECK_INT(nd_audit(a->c, a->r, &err), ND_OK);
    CHECK_INT(a->r->audited, 1);
}

static void done(audit_run *a)
{
    nd_result_free(a->r);
    nd_corpus_free(a->c);
}

static uint32_t ndrifts(const audit_run *a)
{
    return a->r ? a->r->clusters[0].ndrifts : 0;
}

/* The only drift of the run (a failed check and NULL unless there is exactly one). */
static const nd_drift *only(const audit_run *a)
{
    if (ndrifts(a) != 1) {
        printf("FAIL %s: %u drifts, expected 1\n", check_test_, ndrifts(a));
        for (uint32_t i = 0; i < ndrifts(a); i++)
            printf("  %s: %s\n", nd_drift_type_name(a->r->clusters[0].drifts[i].type), a->r->clusters[0].drifts[i].detail);
        check_failed_ = 1;
        return NULL;
    }
    return &a->r->clusters[0].drifts[0];
}

/* 1 when the rewrite span of d starts with `prefix`. */
static int rewrite_starts(const audit_run *a, const nd_drift *d, const char *prefix)
{
    return d->rewrite_span[1] <= strlen(a->text) && strncmp(a->text + d->rewrite_span[0], prefix, strlen(prefix)) == 0;
}

static int origin_starts(const nd_drift *d, const char *prefix)
{
    return d->origin_span[1] <= strlen(origin) && strncmp(origin + d->origin_span[0], prefix, strlen(prefix)) == 0;
}

static void faithful_copy(void)
{
    audit_run a;
    run(&a, origin, "Steel plant to shut | Millport Gazette\n\nBy Staff | Updated Tuesday\n\n" P1 P2 P3 P4 P5 P6 P7
                    "\nShare this article\n");
    CHECK(a.r && a.r->clusters[0].members[1].relation == ND_COPY);
    CHECK_INT(ndrifts(&a), 0);
    CHECK(a.r && a.r->clusters[0].drifts == NULL);
    done(&a);
}

static void faithful_rewrite(void)
{
    /* every sentence reworded, every speaker, figure, role and hedge kept */
    audit_run a;
    run(&a, origin,
        HEAD "Harbor Steel is shutting its Millport plant in March, with 1,200 jobs lost, the company announced on "
             "Tuesday.\n\n"
             "\xe2\x80\x9cWe looked at every option, including a partial retooling, and none of them closed the gap,"
             "\xe2\x80\x9d Dana Reyes, the company\xe2\x80\x99s chief executive, said.\n\n"
             "Reyes explained that $12 million would be set aside for severance and retraining for workers.\n\n"
             "Workers found out about the closure from a press release on the company website, according to Omar "
             "Haddad, a union organiser at the plant.\n\n"
             "The closure could lower wages across the Millport region for years, said Lena Park, an assistant "
             "professor of economics at Northgate University.\n\n"
             "The town council reportedly plans to hold an emergency meeting on the closure next week.\n\n"
             "Opened in 1974, the plant once had 10000 people working in the valley.\n");
    CHECK_INT(ndrifts(&a), 0);
    done(&a);
}

static void attribution_changed(void)
{
    audit_run a;
    run(&a, origin,
        HEAD P1 "\xe2\x80\x9cWe looked at every option, including a partial retooling, and none of them closed the gap,"
                "\xe2\x80\x9d said Omar Haddad, a union organiser at the plant.\n\n" P3 P4 P5 P6 P7);
    const nd_drift *d = only(&a);
    if (d) {
        CHECK_INT(d->type, ND_DRIFT_ATTRIBUTION_CHANGED);
        CHECK_STR(d->origin_speaker, "Dana Reyes");
        CHECK_STR(d->rewrite_speaker, "Omar Haddad");
        CHECK_STR(d->detail, "speaker: Dana Reyes -> Omar Haddad");
        CHECK(origin_starts(d, "\xe2\x80\x9cWe looked at every option"));
        CHECK(rewrite_starts(&a, d, "\xe2\x80\x9cWe looked at every option"));
        CHECK(d->confidence > 0.5f && d->confidence <= 1.0f);
    }
    done(&a);
}

static void attribution_dropped(void)
{
    audit_run a;
    run(&a, origin,
        HEAD P1 P2 P3 "Workers learned of the closure from a press release posted on the company website.\n\n" P5 P6 P7);
    const nd_drift *d = only(&a);
    if (d) {
        CHECK_INT(d->type, ND_DRIFT_ATTRIBUTION_DROPPED);
        CHECK_STR(d->origin_speaker, "Omar Haddad");
        CHECK(d->rewrite_speaker == NULL);
        CHECK(rewrite_starts(&a, d, "Workers learned"));
        CHECK(origin_starts(d, "According to Omar Haddad"));
    }
    done(&a);
    /* a direct quote turned into narration */
    run(&a, origin,
        HEAD P1 "Harbor Steel looked at every option, including a partial retooling, and none of them closed the gap.\n\n"
                P3 P4 P5 P6 P7);
    d = only(&a);
    if (d) {
        CHECK_INT(d->type, ND_DRIFT_ATTRIBUTION_DROPPED);
        CHECK_STR(d->origin_speaker, "Dana Reyes");
        CHECK_STR(d->detail, "quote of Dana Reyes restated as unattributed narration");
    }
    done(&a);
}

static void attribution_to_org(void)
{
    audit_run a;
    run(&a, origin,
        HEAD P1 P2 "The company said it would set aside $12 million for severance and retraining for the workers.\n\n"
                P4 P5 P6 P7);
    const nd_drift *d = only(&a);
    if (d) {
        CHECK_INT(d->type, ND_DRIFT_ATTRIBUTION_TO_ORG);
        CHECK_STR(d->origin_speaker, "Dana Reyes");
        CHECK_STR(d->rewrite_speaker, "The company");
    }
    done(&a);
}

static void number_changed(void)
{
    audit_run a;
    run(&a, origin,
        HEAD P1 P2 "Reyes said the company would set aside $21 million for severance and retraining for the workers.\n\n"
                P4 P5 P6 P7);
    const nd_drift *d = only(&a);
    if (d) {
        CHECK_INT(d->type, ND_DRIFT_NUMBER_CHANGED);
        CHECK_STR(d->detail, "number: $12 million -> $21 million");
        CHECK_STR(d->origin_speaker, "Dana Reyes");
        CHECK_STR(d->rewrite_speaker, "Dana Reyes");
    }
    done(&a);
    /* "1,200" as "1200" and "$12 million" as "$12m" are the same figures */
    run(&a, origin,
        HEAD "Harbor Steel will close its Millport plant in March, cutting 1200 jobs, the company said on Tuesday.\n\n"
             P2 "Reyes said the company would set aside $12m for severance and retraining for the workers.\n\n"
             P4 P5 P6 P7);
    CHECK_INT(ndrifts(&a), 0);
    done(&a);
    /* six -> seven, as words */
    run(&a, HEAD "The council voted six to three to close the library at Eastfield after a long debate.\n",
        HEAD "The council voted seven to three to close the library at Eastfield after a long debate.\n");
    d = only(&a);
    if (d) CHECK_STR(d->detail, "number: six -> seven");
    done(&a);
}

static void role_changed(void)
{
    audit_run a;
    run(&a, origin,
        HEAD P1 P2 P3 P4 "Lena Park, a professor of economics at Northgate University, said the closure could lower wages "
                         "across the whole Millport region for years.\n\n" P6 P7);
    const nd_drift *d = only(&a);
    if (d) {
        CHECK_INT(d->type, ND_DRIFT_ROLE_CHANGED);
        CHECK_STR(d->origin_speaker, "Lena Park");
        CHECK_STR(d->rewrite_speaker, "Lena Park");
        CHECK_STR(d->detail, "role of Lena Park: an assistant professor of economics at Northgate University -> "
                             "a professor of economics at Northgate University");
    }
    done(&a);
    /* a role left shorter is not a different role */
    run(&a, origin,
        HEAD P1 P2 P3 P4 "Lena Park, an assistant professor at Northgate University, said the closure could lower wages "
                         "across the whole Millport region for years.\n\n" P6 P7);
    CHECK_INT(ndrifts(&a), 0);
    done(&a);
}

static void hedge_removed(void)
{
    audit_run a;
    run(&a, origin,
        HEAD P1 P2 P3 P4 P5 "The town council plans an emergency meeting about the closure next week.\n\n" P7);
    const nd_drift *d = only(&a);
    if (d) {
        CHECK_INT(d->type, ND_DRIFT_HEDGE_REMOVED);
        CHECK_STR(d->detail, "hedge dropped: \"reportedly\"");
        CHECK(d->origin_speaker == NULL);
    }
    done(&a);
    run(&a, origin,
        HEAD P1 P2 P3 P4 "Lena Park, an assistant professor of economics at Northgate University, said the closure will "
                         "lower wages across the whole Millport region for years.\n\n" P6 P7);
    d = only(&a);
    if (d) {
        CHECK_INT(d->type, ND_DRIFT_HEDGE_REMOVED);
        CHECK_STR(d->detail, "hedge dropped: \"could\"");
        CHECK_STR(d->origin_speaker, "Lena Park");
    }
    done(&a);
    /* another hedge is still a hedge */
    run(&a, origin,
        HEAD P1 P2 P3 P4 "Lena Park, an assistant professor of economics at Northgate University, said the closure may "
                         "lower wages across the whole Millport region for years.\n\n" P6 P7);
    CHECK_INT(ndrifts(&a), 0);
    done(&a);
}

static void quote_altered(void)
{
    audit_run a;
    run(&a, origin,
        HEAD P1 "\xe2\x80\x9cWe looked at every option, including a partial retooling, and none of them saved the "
                "plant,\xe2\x80\x9d said Dana Reyes, the company\xe2\x80\x99s chief executive.\n\n" P3 P4 P5 P6 P7);
    const nd_drift *d = only(&a);
    if (d) {
        CHECK_INT(d->type, ND_DRIFT_QUOTE_ALTERED);
        CHECK_STR(d->detail, "quote of Dana Reyes changed: \"closed\" -> \"saved\"");
        CHECK_STR(d->rewrite_speaker, "Dana Reyes");
    }
    done(&a);
    /* a quote cut short, or cut with an ellipsis, still says what was said */
    run(&a, origin,
        HEAD P1 "\xe2\x80\x9cWe looked at every option \xe2\x80\xa6 and none of them closed the gap,\xe2\x80\x9d said "
                "Dana Reyes, the company\xe2\x80\x99s chief executive.\n\n" P3 P4 P5 P6 P7);
    CHECK_INT(ndrifts(&a), 0);
    done(&a);
}

static void past_truncation(void)
{
    /* the origin stops mid-article; what the rewrite says past that point is not compared */
    static const char truncated[] = HEAD P1 P2 P3 "According to Omar Haddad, a union organiser at the plant, workers";
    audit_run a;
    run(&a, truncated,
        HEAD P1 P2 P3 "Workers learned of the closure from a press release, said Lena Park, a professor.\n\n"
                      "The council plans a meeting with 50,000 residents next week.\n");
    CHECK_INT(ndrifts(&a), 0);
    done(&a);
}

static void unclear_speaker(void)
{
    /* "he" with two men named before it: the origin's speaker is not known, so not compared */
    static const char two_men[] =
        HEAD "Omar Haddad, a union organiser, met Paul Grant, the plant manager, at the gate on Monday morning. "
             "\xe2\x80\x9cIt was the hardest day of my working life at the plant,\xe2\x80\x9d he said.\n";
    audit_run a;
    run(&a, two_men,
        HEAD "Omar Haddad, a union organiser, met Paul Grant, the plant manager, at the gate on Monday morning. "
             "\xe2\x80\x9cIt was the hardest day of my working life at the plant,\xe2\x80\x9d Grant said.\n");
    CHECK_INT(ndrifts(&a), 0);
    done(&a);
}

static void audit_twice_and_bad_arguments(void)
{
    audit_run a;
    run(&a, origin, HEAD P1 P2 P3 P4 P5 "The town council plans an emergency meeting about the closure next week.\n\n" P7);
    nd_error err = { 0 };
    /* auditing again replaces the drifts (the old block is freed) */
    CHECK_INT(a.r ? nd_audit(a.c, a.r, &err) : ND_EINVAL, ND_OK);
    CHECK_INT(ndrifts(&a), 1);
    CHECK_INT(nd_audit(NULL, a.r, &err), ND_EINVAL);
    CHECK(strstr(err.message, "audit") != NULL);
    done(&a);
}


/* ---- regressions from a generated corpus: faithful text must stay quiet ---- */

#define LQ "\xe2\x80\x9c"
#define RQ "\xe2\x80\x9d"

/* Two quotations of one speaker alike but for a word, and a copy that keeps
 * both word for word: each copied sentence is its own origin sentence's
 * twin, never its neighbour's. */
static const char levy[] =
    "Millport weighs a levy on delivery vans\n\n"
    "The Millport council will vote on a levy on delivery vans next month, officials said on Monday.\n\n"
    "Ines Varga, who chairs the Millport traders' guild, has opposed the plan since it was first drafted.\n\n"
    LQ "The new levy will hurt small shops across the valley for years," RQ " Varga said.\n\n"
    LQ "The new levy will help large chains across the valley for years," RQ " Varga said.\n\n"
    "Varga said the guild would hold a meeting with its members on Thursday evening.\n\n"
    "The council expects the levy to raise 2.4 million euros a year for road repairs.\n";

static void copy_keeps_twins(void)
{
    audit_run a;
    /* another outlet's furniture, and one sentence cut */
    run(&a, levy,
        "Van levy vote looms | Valley Courier\n\nBy Staff Reporter\n\n"
        "The Millport council will vote on a levy on delivery vans next month, officials said on Monday.\n\n"
        LQ "The new levy will hurt small shops across the valley for years," RQ " Varga said.\n\n"
        LQ "The new levy will help large chains across the valley for years," RQ " Varga said.\n\n"
        "Varga said the guild would hold a meeting with its members on Thursday evening.\n\n"
        "The council expects the levy to raise 2.4 million euros a year for road repairs.\n\n"
        "Subscribe to the Valley Courier for unlimited access.\n");
    CHECK_INT(ndrifts(&a), 0);
    done(&a);
}

static void copy_past_truncated_origin(void)
{
    /* the origin stops early; its copy runs on with figures and quotes of its own */
    static const char cut[] =
        "Millport weighs a levy on delivery vans\n\n"
        "The Millport council will vote on a levy on delivery vans next month, officials said on Monday.\n\n"
        LQ "The new levy will hurt small shops across the valley for years," RQ " Varga said.\n\n"
        "The council expects the levy to raise 2.4 million euros a year for road repairs.\n";
    audit_run a;
    run(&a, cut,
        "Millport weighs a levy on delivery vans\n\n"
        "The Millport council will vote on a levy on delivery vans next month, officials said on Monday.\n\n"
        LQ "The new levy will hurt small shops across the valley for years," RQ " Varga said.\n\n"
        "The council expects the levy to raise 2.4 million euros a year for road repairs.\n\n"
        "A similar levy in Eastfield raised 1.1 million euros a year for road repairs.\n\n"
        "Eastfield traders said the levy there had cost them 300 customers a week.\n\n"
        "Bus operators in the valley have asked for an exemption from the levy.\n\n"
        "The council said the exemption would be considered at the same meeting.\n\n"
        LQ "The new levy will hurt small shops across the valley for decades," RQ " said Paul Grant, a baker.\n\n"
        "The levy would raise 3 million euros a year if lorries were included, Grant said.\n");
    CHECK_INT(ndrifts(&a), 0);
    done(&a);
}

static void quote_going_on(void)
{
    /* "“Q1,” she said. “Q2.”" quoted as "“Q1. Q2,” she said.", and back */
    static const char two[] =
        "Millport weighs a levy on delivery vans\n\n"
        "Ines Varga, who chairs the Millport traders' guild, spoke after the council meeting on Monday.\n\n"
        LQ "The new levy will hurt small shops across the valley," RQ " Varga said. " LQ "We are ready to talk at any "
        "time." RQ "\n\n"
        "The council expects the levy to raise 2.4 million euros a year for road repairs.\n";
    audit_run a;
    run(&a, two,
        "Millport weighs a levy on delivery vans\n\n"
        "Ines Varga, who chairs the Millport traders' guild, spoke after the council meeting on Monday.\n\n"
        LQ "The new levy will hurt small shops across the valley. We are ready to talk at any time," RQ
        " said Varga.\n\n"
        "The council expects the levy to raise 2.4 million euros a year for road repairs.\n");
    CHECK_INT(ndrifts(&a), 0);
    done(&a);
}

static void hedge_inside_quote(void)
{
    /* one change, one drift: the hedge, not the quotation as well */
    static const char quoted[] = HEAD P1
        "\xe2\x80\x9cThe closure could lower wages across the whole Millport region for years,\xe2\x80\x9d said Lena Park, "
        "an assistant professor of economics at Northgate University.\n\n" P6 P7;
    audit_run a;
    run(&a, quoted,
        HEAD P1 "\xe2\x80\x9cThe closure will lower wages across the whole Millport region for years,\xe2\x80\x9d said "
                "Lena Park, an assistant professor of economics at Northgate University.\n\n" P6 P7);
    const nd_drift *d = only(&a);
    if (d) {
        CHECK_INT(d->type, ND_DRIFT_HEDGE_REMOVED);
        CHECK_STR(d->detail, "hedge dropped: \"could\"");
    }
    done(&a);
}

static void surname_of_a_plain_introduction(void)
{
    /* "Ines Varga chairs ...": no title, no speech, and still the Varga who speaks later */
    static const char plain[] =
        "Millport weighs a levy on delivery vans\n\n"
        "Ines Varga chairs the Millport traders' guild and runs a bakery on the high street.\n\n"
        "Varga said the new levy would hurt small shops across the valley for years.\n";
    audit_run a;
    run(&a, plain,
        "Millport weighs a levy on delivery vans\n\n"
        "Ines Varga said the new levy would hurt small shops across the valley for many years.\n");
    CHECK_INT(ndrifts(&a), 0);
    done(&a);
}

static void firms_that_speak_and_act(void)
{
    static const char firm[] =
        "Harbor Steel profit falls\n\n"
        "Harbor Steel posted a 30 percent drop in quarterly profit, the company said on Tuesday.\n\n"
        "Harbor Steel said in a short statement: " LQ "We remain committed to our workers and to the town of "
        "Millport." RQ "\n";
    audit_run a;
    /* the firm named as the one that acts; its statement given to "a spokesperson for" it, then to "the company" */
    run(&a, firm,
        "Harbor Steel profit falls\n\n"
        "Harbor Steel posted a 30 percent fall in quarterly profit on Tuesday.\n\n"
        "A spokesperson for Harbor Steel said: " LQ "We remain committed to our workers and to the town of "
        "Millport." RQ "\n");
    CHECK_INT(ndrifts(&a), 0);
    done(&a);
    run(&a, firm,
        "Harbor Steel profit falls\n\n"
        "Harbor Steel posted a 30 percent drop in quarterly profit, the company said on Tuesday.\n\n"
        LQ "We remain committed to our workers and to the town of Millport," RQ " the company said in a statement.\n");
    CHECK_INT(ndrifts(&a), 0);
    done(&a);
}

static void one_figure_changed_once(void)
{
    /* the same figure in the headline, the lead and a later sentence, changed in all three: one change */
    static const char jobs[] =
        "Harbor Steel to cut 1,200 jobs\n\n"
        "Harbor Steel will cut 1,200 jobs at its Millport plant, the company said on Tuesday.\n\n"
        "The union said the 1,200 job cuts would hit the valley hard.\n";
    audit_run a;
    run(&a, jobs,
        "Harbor Steel to cut 1,500 jobs\n\n"
        "Harbor Steel will cut 1,500 jobs at its Millport plant, the company said on Tuesday.\n\n"
        "The union said the 1,500 job cuts would hit the valley hard.\n");
    const nd_drift *d = only(&a);
    if (d) CHECK_STR(d->detail, "number: 1,200 -> 1,500");
    done(&a);
}

static void other_place_other_year(void)
{
    audit_run a;
    run(&a, HEAD P1 "A comparable closure hit the Eastfield works in 2009, when 800 people lost their jobs.\n",
        HEAD P1 "A comparable closure hit the Westbury works in 2014, when 800 people lost their jobs.\n");
    CHECK_INT(ndrifts(&a), 0);
    done(&a);
    /* the same place, another year: a change */
    run(&a, HEAD P1 "A comparable closure hit the Eastfield works in 2009, when 800 people lost their jobs.\n",
        HEAD P1 "A comparable closure hit the Eastfield works in 2014, when 800 people lost their jobs.\n");
    const nd_drift *d = only(&a);
    if (d) CHECK_STR(d->detail, "number: 2009 -> 2014");
    done(&a);
}

static void hedge_kept_in_other_words(void)
{
    /* "could face" restated as "potential", "is expected to" as "are due" */
    audit_run a;
    run(&a, HEAD P1 "The maximum fine the company could face is 4 million dollars, figures from the regulator show.\n\n"
                 "The regulator is expected to publish its findings next week.\n",
        HEAD P1 "Figures from the regulator put the potential fine at 4 million dollars.\n\n"
                "The regulator's findings are due next week.\n");
    CHECK_INT(ndrifts(&a), 0);
    done(&a);
}

static void quote_left_to_the_paragraph_before(void)
{
    /* the speaker dropped from a quotation that now follows another speaker's paragraph */
    static const char two_voices[] =
        "Millport weighs a levy on delivery vans\n\n"
        "Ines Varga, who chairs the Millport traders' guild, said the levy had been rushed through.\n\n"
        LQ "The new levy will hurt small shops across the valley for years," RQ " said Paul Grant, a baker on the "
        "high street.\n";
    audit_run a;
    run(&a, two_voices,
        "Millport weighs a levy on delivery vans\n\n"
        "Ines Varga, who chairs the Millport traders' guild, said the levy had been rushed through.\n\n"
        LQ "The new levy will hurt small shops across the valley for years." RQ "\n");
    const nd_drift *d = only(&a);
    if (d) {
        CHECK_INT(d->type, ND_DRIFT_ATTRIBUTION_DROPPED);
        CHECK_STR(d->origin_speaker, "Paul Grant");
    }
    done(&a);
}

CHECK_MAIN("drift", TEST(faithful_copy), TEST(faithful_rewrite), TEST(attribution_changed), TEST(attribution_dropped),
           TEST(attribution_to_org), TEST(number_changed), TEST(role_changed), TEST(hedge_removed), TEST(quote_altered),
           TEST(past_truncation), TEST(unclear_speaker), TEST(audit_twice_and_bad_arguments), TEST(copy_keeps_twins),
           TEST(copy_past_truncated_origin), TEST(quote_going_on), TEST(hedge_inside_quote),
           TEST(surname_of_a_plain_introduction), TEST(firms_that_speak_and_act), TEST(one_figure_changed_once),
           TEST(other_place_other_year), TEST(hedge_kept_in_other_words), TEST(quote_left_to_the_paragraph_before))

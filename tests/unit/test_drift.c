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

CHECK_MAIN("drift", TEST(faithful_copy), TEST(faithful_rewrite), TEST(attribution_changed), TEST(attribution_dropped),
           TEST(attribution_to_org), TEST(number_changed), TEST(role_changed), TEST(hedge_removed), TEST(quote_altered),
           TEST(past_truncation), TEST(unclear_speaker), TEST(audit_twice_and_bad_arguments))

/* Sentence alignment and pair verification (nd_align, nd_verify, nd_compare_pair). */
#include "check.h"
#include "verify/verify.h"

static const char *original =
    "The Castlemere city council approved a 240 million pound extension of the tram network on Tuesday, "
    "ending two years of argument over the route. "
    "Construction of the eastern line will begin in March and is expected to finish by the autumn of 2028. "
    "Councillor Amina Patel said the new line would cut journey times for about 30,000 commuters who travel "
    "from Riverside each day. "
    "Shop owners on Dock Road warned that months of roadworks would drive customers away from the high street. "
    "The council promised a compensation fund of 2 million pounds for businesses that lose trade during the works. "
    "Opposition members voted against the plan, arguing that buses could serve the same neighbourhoods at a "
    "fraction of the cost. "
    "The regional transport authority will pay 60 percent of the bill, with the rest borrowed against future "
    "fare income.\n";

/* The same seven sentences in the same order, reworded. */
static const char *paraphrase =
    "On Tuesday, councillors in Castlemere gave the green light to a \xc2\xa3" "240 million tram network "
    "extension, settling a two-year dispute about its route. "
    "Work on the eastern line is due to start in March, with completion expected in autumn 2028. "
    "According to councillor Amina Patel, roughly 30,000 Riverside commuters would see their daily journey "
    "times cut by the new line. "
    "Traders along Dock Road fear that the roadworks will keep customers off the high street for months. "
    "Businesses losing trade during construction will be able to claim from a \xc2\xa3" "2 million "
    "compensation fund, the council said. "
    "Opposition councillors opposed the scheme, saying buses could cover the same neighbourhoods far more "
    "cheaply. "
    "Sixty percent of the cost will be met by the regional transport authority, and the remainder will be "
    "borrowed against future fares.\n";

/* Another story on the same trams in the same city: shared names, no shared account. */
static const char *same_topic =
    "Tram drivers in Castlemere will strike for three days next week in a dispute over pay and rest breaks. "
    "The union said talks with the operator had broken down after managers refused to improve the annual "
    "pay offer. "
    "Services on all four existing lines are expected to stop, and the council urged commuters to work from "
    "home where possible. "
    "The operator said the walkout was unnecessary and that its offer was the best in the region. "
    "Passenger groups criticised both sides for leaving Riverside residents without transport during the "
    "school holidays. "
    "Extra buses will run between the city centre and the hospital while the strike lasts.\n";

/* The original's sentences, last first. */
static const char *reversed =
    "The regional transport authority will pay 60 percent of the bill, with the rest borrowed against future "
    "fare income. "
    "Opposition members voted against the plan, arguing that buses could serve the same neighbourhoods at a "
    "fraction of the cost. "
    "The council promised a compensation fund of 2 million pounds for businesses that lose trade during the works. "
    "Shop owners on Dock Road warned that months of roadworks would drive customers away from the high street. "
    "Councillor Amina Patel said the new line would cut journey times for about 30,000 commuters who travel "
    "from Riverside each day. "
    "Construction of the eastern line will begin in March and is expected to finish by the autumn of 2028. "
    "The Castlemere city council approved a 240 million pound extension of the tram network on Tuesday, "
    "ending two years of argument over the route.\n";

typedef struct doc {
    nd_tokens t;
    nd_features f;
} doc;

static nd_tokeniser *tk;

static void load(doc *d, const char *text)
{
    if (!tk) tk = nd_tokeniser_new();
    memset(d, 0, sizeof *d);
    CHECK_INT(nd_tokenise(tk, text, strlen(text), 5000, &d->t), 0);
    CHECK_INT(nd_features_build(&d->t, &d->f), 0);
}

static void unload(doc *d)
{
    nd_tokens_free(&d->t);
    nd_features_free(&d->f);
}

static float coverage(const char *a, const char *b, nd_alignment *al)
{
    doc da, db;
    load(&da, a);
    load(&db, b);
    CHECK_INT(nd_align(&da.f, &db.f, al), 0);
    unload(&da);
    unload(&db);
    return al->coverage;
}

/* ---- alignment ------------------------------------------------------------ */

static void a_text_aligns_with_itself_in_order(void)
{
    doc d;
    load(&d, original);
    CHECK_INT(d.f.nsent, 7);
    nd_alignment al = { 0 };
    CHECK_INT(nd_align(&d.f, &d.f, &al), 0);
    CHECK_NEAR(al.coverage, 1.0, 1e-6);
    CHECK_INT(al.npairs, 7);
    for (uint32_t i = 0; i < al.npairs; i++) {
        CHECK_INT(al.pairs[i].a, i);
        CHECK_INT(al.pairs[i].b, i);
        CHECK_NEAR(al.pairs[i].sim, 1.0, 1e-6);
    }
    nd_alignment_free(&al);
    unload(&d);
}

static void a_paraphrase_aligns_sentence_by_sentence(void)
{
    nd_alignment al = { 0 };
    float para = coverage(original, paraphrase, &al);
    /* every pair restates the same sentence, in order */
    CHECK(al.npairs >= 5);
    for (uint32_t i = 0; i < al.npairs; i++) {
        CHECK_INT(al.pairs[i].a, al.pairs[i].b);
        CHECK(al.pairs[i].sim > 0 && al.pairs[i].sim <= 1);
    }
    float other = coverage(original, same_topic, &al);
    CHECK(para >= 0.5);
    CHECK(other <= 0.15);
    CHECK(para >= 4 * other);
    /* the measure is symmetric in coverage */
    CHECK_NEAR(coverage(paraphrase, original, &al), para, 1e-4);
    nd_alignment_free(&al);
}

static void reordered_sentences_lose_alignment(void)
{
    nd_alignment al = { 0 };
    float rev = coverage(original, reversed, &al);
    /* the same seven sentences last-first: only one can stay in order */
    CHECK(rev <= 1.0 / 7 + 1e-6);
    CHECK(al.npairs <= 1);
    for (uint32_t i = 1; i < al.npairs; i++) {
        CHECK(al.pairs[i].a > al.pairs[i - 1].a);
        CHECK(al.pairs[i].b > al.pairs[i - 1].b);
    }
    nd_alignment_free(&al);
}

static void pairs_name_sentences_of_the_tokens(void)
{
    /* furniture and short sentences shift the indices: pairs use nd_tokens numbering */
    const char *dressed_a = "Skip to content\nHe agreed.\n"
        "Councillor Amina Patel said the new line would cut journey times for about 30,000 commuters.\n";
    const char *dressed_b =
        "Councillor Amina Patel said the new line would cut journey times for about 30,000 commuters.\n";
    nd_alignment al = { 0 };
    float c = coverage(dressed_a, dressed_b, &al);
    CHECK_INT(al.npairs, 1);
    if (al.npairs == 1) {
        CHECK_INT(al.pairs[0].a, 2);
        CHECK_INT(al.pairs[0].b, 0);
    }
    /* one matching sentence counts as one of at least three */
    CHECK_NEAR(c, 1.0 / 3, 1e-6);
    nd_alignment_free(&al);
}

static void empty_side_aligns_nothing(void)
{
    nd_alignment al = { 0 };
    CHECK_NEAR(coverage(original, "Skip to content\nHe agreed.\n", &al), 0, 0);
    CHECK_INT(al.npairs, 0);
    nd_alignment_free(&al);
}

/* Hand-weighed sentences whose words all hash to one slot of the pair's
 * table (the worst case of its probing): with df NULL a word used by c of
 * the 4 sentences weighs log(5 / (c + 0.5)).  A0 = B0 = {x1 x2 x3};
 * A1 = {y1 y2 y3}, B1 = {y1 y2 z}: A1~B1 = 2 log 2 / (2 log 2 + log(10/3)). */
static void weights_and_overlaps_by_hand_under_colliding_words(void)
{
    /* 12 words in the two documents: a table of 32 slots, home slot (t * 0x9E3779B1) >> 27 */
    uint32_t same[7], n = 0;
    for (uint32_t t = 1; n < 7; t++)
        if ((t * 0x9E3779B1u) >> 27 == 5) same[n++] = t;
    /* same[] is increasing, so each sentence's words are sorted */
    uint32_t aw[] = { same[0], same[1], same[2], same[3], same[4], same[5] };
    uint32_t bw[] = { same[0], same[1], same[2], same[3], same[4], same[6] };
    uint32_t off[] = { 0, 3, 6 }, idx[] = { 4, 9 };
    nd_features a = { .nsent = 2, .sent_index = idx, .sent_off = off, .words = aw };
    nd_features b = { .nsent = 2, .sent_index = idx, .sent_off = off, .words = bw };
    nd_alignment al = { 0 };
    CHECK_INT(nd_align(&a, &b, &al), 0);
    double l2 = log(2.0), expect = 2 * l2 / (2 * l2 + log(10.0 / 3.0));
    CHECK_INT(al.npairs, 2);
    if (al.npairs == 2) {
        CHECK_INT(al.pairs[0].a, 4);
        CHECK_INT(al.pairs[0].b, 4);
        CHECK_NEAR(al.pairs[0].sim, 1.0, 1e-6);
        CHECK_INT(al.pairs[1].a, 9);
        CHECK_NEAR(al.pairs[1].sim, expect, 1e-6);
    }
    CHECK_NEAR(al.coverage, (1.0 + expect) / 3, 1e-6);  /* two sentences count as three */
    /* B1 sharing one word only with A1 (y1, z, and a word of neither) is no pair */
    uint32_t cw[] = { same[0], same[1], same[2], same[3], same[5] + 1, same[6] };
    nd_features c = { .nsent = 2, .sent_index = idx, .sent_off = off, .words = cw };
    CHECK_INT(nd_align(&a, &c, &al), 0);
    CHECK_INT(al.npairs, 1);
    nd_alignment_free(&al);
}

/* ---- verification ---------------------------------------------------------- */

static void verify_tells_copy_rewrite_and_unrelated_apart(void)
{
    nd_options opt;
    nd_options_default(&opt);
    nd_verify_params p;
    nd_verify_params_from(&opt, NULL, &p);
    CHECK_NEAR(p.copy_threshold, opt.copy_threshold, 1e-6);
    doc o, c, r, u;
    char dressed[4096];
    snprintf(dressed, sizeof dressed, "Share this article\n%s\xc2\xa9 2025 Harbour Media\nMost Popular\n", original);
    load(&o, original);
    load(&c, dressed);
    load(&r, paraphrase);
    load(&u, same_topic);
    nd_alignment al = { 0 };
    nd_pair_score s;
    CHECK_INT(nd_verify(&o.f, &c.f, &p, &al, &s), 0);
    CHECK_NEAR(s.shingle, 1.0, 1e-6);
    CHECK_NEAR(s.similarity, 1.0, 1e-6);
    CHECK(s.derived);
    CHECK_INT(s.relation, ND_COPY);
    CHECK(!s.related);
    CHECK_INT(nd_verify(&o.f, &r.f, &p, &al, &s), 0);
    CHECK(s.shingle < 0.2);
    CHECK(s.derived);
    CHECK_INT(s.relation, ND_REWRITE);
    CHECK(s.similarity > 0.3 && s.similarity < 1);
    CHECK_INT(nd_verify(&o.f, &u.f, &p, &al, &s), 0);
    CHECK(!s.derived);
    CHECK(s.similarity < 0.15);
    CHECK(s.overlap > 0 && s.overlap < 0.5);
    nd_alignment_free(&al);
    unload(&o);
    unload(&c);
    unload(&r);
    unload(&u);
}

static void compare_pair_measures_documents_of_a_corpus(void)
{
    nd_error err = { 0 };
    nd_corpus *c = nd_corpus_new(NULL, &err);
    CHECK(c != NULL);
    if (!c) return;
    char dressed[4096];
    snprintf(dressed, sizeof dressed, "Skip to content\nSign up for our newsletter\n\n%s\nRead more\n", original);
    CHECK_INT(nd_corpus_add(c, "harbour-times", original, strlen(original), NULL, &err), ND_OK);
    CHECK_INT(nd_corpus_add(c, "aggregator", dressed, strlen(dressed), NULL, &err), ND_OK);
    CHECK_INT(nd_corpus_add(c, "weekly", paraphrase, strlen(paraphrase), NULL, &err), ND_OK);
    CHECK_INT(nd_corpus_add(c, "strike", same_topic, strlen(same_topic), NULL, &err), ND_OK);
    nd_pair_score s;
    CHECK_INT(nd_compare_pair(c, 0, 1, &s, &err), ND_OK);
    CHECK(s.derived);
    CHECK_INT(s.relation, ND_COPY);
    CHECK_NEAR(s.shingle, 1.0, 1e-6);
    CHECK_NEAR(s.aligned, 1.0, 1e-6);
    CHECK_INT(nd_compare_pair(c, 2, 0, &s, &err), ND_OK);
    CHECK(s.derived);
    CHECK_INT(s.relation, ND_REWRITE);
    CHECK_INT(nd_compare_pair(c, 0, 3, &s, &err), ND_OK);
    CHECK(!s.derived);
    CHECK_INT(nd_compare_pair(c, 0, 4, &s, &err), ND_EINVAL);
    CHECK_INT(err.code, ND_EINVAL);
    CHECK(strstr(err.message, "out of range") != NULL);
    nd_corpus_free(c);
}

/* Runs last: releases the shared tokeniser. */
static void tokeniser_release(void)
{
    CHECK(tk != NULL);
    nd_tokeniser_free(tk);
    tk = NULL;
}

CHECK_MAIN("align",
    TEST(a_text_aligns_with_itself_in_order),
    TEST(a_paraphrase_aligns_sentence_by_sentence),
    TEST(reordered_sentences_lose_alignment),
    TEST(pairs_name_sentences_of_the_tokens),
    TEST(empty_side_aligns_nothing),
    TEST(weights_and_overlaps_by_hand_under_colliding_words),
    TEST(verify_tells_copy_rewrite_and_unrelated_apart),
    TEST(compare_pair_measures_documents_of_a_corpus),
    TEST(tokeniser_release))

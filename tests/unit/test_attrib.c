/* Attribution extraction on sentences written for the purpose: every quote
 * and cue order, speakers (honorifics, accents, surnames, he/she, org
 * phrases, vague sources), roles, and what must not count as a speaker;
 * then cue classes, hedges and role comparison. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "audit/attrib.h"
#include "audit/hedge.h"
#include "audit/role.h"
#include "tokenise/tokenise.h"

typedef struct doc {
    const char *text;
    nd_tokens t;
    nd_attrib a;
} doc;

static void load(doc *d, const char *text)
{
    memset(d, 0, sizeof *d);
    d->text = text;
    nd_tokeniser *tk = nd_tokeniser_new();
    nd_attrib_ctx *x = nd_attrib_ctx_new();
    CHECK(tk && x);
    if (tk && x) {
        CHECK_INT(nd_tokenise(tk, text, strlen(text), 5000, &d->t), 0);
        CHECK_INT(nd_attrib_extract(x, text, strlen(text), d->t.sent, d->t.nsent, &d->a), 0);
    }
    nd_attrib_ctx_free(x);
    nd_tokeniser_free(tk);
}

static void unload(doc *d)
{
    nd_attrib_free(&d->a);
    nd_tokens_free(&d->t);
}

/* The claim of the sentence holding `needle` (a failed check and an empty
 * claim when there is none). */
static nd_claim claim(const doc *d, const char *needle)
{
    const char *at = strstr(d->text, needle);
    nd_claim none = { .person = ND_ATTRIB_NONE, .quote = ND_ATTRIB_NONE };
    if (!at) {
        printf("FAIL %s: \"%s\" is not in the text\n", check_test_, needle);
        check_failed_ = 1;
        return none;
    }
    uint32_t off = (uint32_t)(at - d->text);
    for (uint32_t s = 0; s < d->t.nsent; s++)
        if (d->t.sent[s].start <= off && off < d->t.sent[s].end) return d->a.claims[s];
    return none;
}

/* The speaker of a claim as a string: the person's full name or the phrase. */
static const char *speaker(const doc *d, nd_claim c, char *buf, size_t cap)
{
    uint32_t a = c.speaker[0], b = c.speaker[1];
    if (c.kind == ND_SPK_PERSON) {
        a = d->a.persons[c.person].name[0];
        b = d->a.persons[c.person].name[1];
    }
    snprintf(buf, cap, "%.*s", (int)(b - a), d->text + a);
    return buf;
}

#define CHECK_SPEAKER(d, needle, kind_, name) do { char sb_[128]; nd_claim c_ = claim(d, needle); \
    CHECK_INT(c_.kind, kind_); CHECK_STR(speaker(d, c_, sb_, sizeof sb_), name); } while (0)

/* The first role of the person named `name`, or "" when none. */
static const char *role_of(const doc *d, const char *name, char *buf, size_t cap)
{
    buf[0] = 0;
    for (uint32_t p = 0; p < d->a.npersons; p++) {
        const nd_person *pe = &d->a.persons[p];
        if (strlen(name) != pe->name[1] - pe->name[0] || memcmp(d->text + pe->name[0], name, strlen(name))) continue;
        if (pe->role == ND_ATTRIB_NONE) return buf;
        const nd_role_mention *m = &d->a.roles[pe->role];
        snprintf(buf, cap, "%.*s", (int)(m->span[1] - m->span[0]), d->text + m->span[0]);
        return buf;
    }
    snprintf(buf, cap, "(no person %s)", name);
    return buf;
}

#define CHECK_ROLE(d, name, role) do { char sb_[160]; CHECK_STR(role_of(d, name, sb_, sizeof sb_), role); } while (0)

static void quote_and_cue_orders(void)
{
    doc d;
    load(&d, "Harbor Steel closes its plant\n\n"
             "\xe2\x80\x9cThe plant will close in March,\xe2\x80\x9d says Jane Doe, a spokesperson for Harbor Steel.\n\n"
             "\xe2\x80\x9cWe saw it coming for years,\xe2\x80\x9d Mark Ellis said.\n\n"
             "Ana Ruiz said: \xe2\x80\x9cNobody told us anything about the closure.\xe2\x80\x9d\n\n"
             "Tom Baker said that the union would appeal the decision.\n\n"
             "The site employs 400 people, according to Lena Park, a researcher at Northgate University.\n");
    CHECK_SPEAKER(&d, "The plant will close", ND_SPK_PERSON, "Jane Doe");
    CHECK_SPEAKER(&d, "We saw it coming", ND_SPK_PERSON, "Mark Ellis");
    CHECK_SPEAKER(&d, "Nobody told us", ND_SPK_PERSON, "Ana Ruiz");
    CHECK_SPEAKER(&d, "union would appeal", ND_SPK_PERSON, "Tom Baker");
    CHECK_SPEAKER(&d, "employs 400 people", ND_SPK_PERSON, "Lena Park");
    CHECK(claim(&d, "The plant will close").direct);
    CHECK(claim(&d, "Nobody told us").direct);
    CHECK(!claim(&d, "union would appeal").direct);
    CHECK_INT(claim(&d, "We saw it coming").cue, ND_CUE_NEUTRAL);
    CHECK_INT(d.a.nquotes, 3);
    CHECK_ROLE(&d, "Jane Doe", "a spokesperson for Harbor Steel");
    CHECK_ROLE(&d, "Lena Park", "a researcher at Northgate University");
    /* "according to X" at the end attributes the clause before it */
    nd_claim c = claim(&d, "employs 400 people");
    CHECK(strncmp(d.text + c.content[0], "The site employs 400 people", 27) == 0);
    CHECK_INT(claim(&d, "Harbor Steel closes").kind, ND_SPK_NONE);
    unload(&d);
}

static void straight_quotes(void)
{
    doc d;
    load(&d, "\"The plant will close in March,\" said Jane Doe, a spokesperson for the firm.\n\n"
             "\"We saw it coming,\" Mark Ellis said. \"Everyone did.\"\n");
    CHECK_SPEAKER(&d, "The plant will close", ND_SPK_PERSON, "Jane Doe");
    CHECK_SPEAKER(&d, "We saw it coming", ND_SPK_PERSON, "Mark Ellis");
    /* a quotation going on after its attribution keeps the speaker */
    CHECK_SPEAKER(&d, "Everyone did", ND_SPK_PERSON, "Mark Ellis");
    CHECK(claim(&d, "Everyone did").direct);
    CHECK_INT(claim(&d, "Everyone did").frame[1], 0);
    CHECK_INT(d.a.nquotes, 3);
    unload(&d);
}

static void accents_honorifics_and_surnames(void)
{
    doc d;
    load(&d, "Dr. Jos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez, an associate professor of economics at the University of "
             "Valencia, said the figures were wrong. N\xc3\xba\xc3\xb1" "ez added that he would publish a rebuttal.\n");
    CHECK_SPEAKER(&d, "figures were wrong", ND_SPK_PERSON, "Jos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez");
    CHECK_SPEAKER(&d, "publish a rebuttal", ND_SPK_PERSON, "Jos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez");
    CHECK_INT(claim(&d, "figures were wrong").person, claim(&d, "publish a rebuttal").person);
    CHECK_ROLE(&d, "Jos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez", "an associate professor of economics at the University of Valencia");
    CHECK_INT(d.a.npersons, 1);
    unload(&d);
}

static void titles_before_names(void)
{
    doc d;
    load(&d, "\xe2\x80\x9c" "DeepSeek has largely replicated o1-mini and has open sourced it,\xe2\x80\x9d tweeted "
             "Perplexity CEO Aravind Srinivas.\n\n"
             "Former employee Zihan Wang mentions having access to ample computing resources.\n\n"
             "The company\xe2\x80\x99s chief financial officer, S\xc3\xb8ren \xc3\x98" "deg\xc3\xa5rd, said margins "
             "would rise.\n\n"
             "At the hospital, acting director of nursing Felix Amundsen said staff had been sceptical.\n");
    CHECK_SPEAKER(&d, "largely replicated", ND_SPK_PERSON, "Aravind Srinivas");
    CHECK_ROLE(&d, "Aravind Srinivas", "Perplexity CEO");
    CHECK_SPEAKER(&d, "ample computing", ND_SPK_PERSON, "Zihan Wang");
    CHECK_ROLE(&d, "Zihan Wang", "Former employee");
    CHECK_SPEAKER(&d, "margins would rise", ND_SPK_PERSON, "S\xc3\xb8ren \xc3\x98" "deg\xc3\xa5rd");
    CHECK_ROLE(&d, "S\xc3\xb8ren \xc3\x98" "deg\xc3\xa5rd", "The company\xe2\x80\x99s chief financial officer");
    CHECK_SPEAKER(&d, "been sceptical", ND_SPK_PERSON, "Felix Amundsen");
    CHECK_ROLE(&d, "Felix Amundsen", "acting director of nursing");
    unload(&d);
}

static void pronouns(void)
{
    doc d;
    load(&d, "Maria Lopez, the mayor of Harrow Bay, visited the plant on Monday.\n\n"
             "\xe2\x80\x9cWe will rebuild this town,\xe2\x80\x9d she said.\n\n"
             "Paul Grant, the plant manager, met Omar Haddad, a union organiser, at the gate. He said the talks had "
             "gone well.\n\n"
             "Radek Novak praised the players, who he said had run themselves into the ground.\n");
    /* the one person named in the paragraph before */
    CHECK_SPEAKER(&d, "We will rebuild", ND_SPK_PERSON, "Maria Lopez");
    /* two people named, neither of them speaking before: not guessed */
    CHECK_INT(claim(&d, "talks had gone well").kind, ND_SPK_VAGUE);
    /* the person named earlier in the same sentence */
    CHECK_SPEAKER(&d, "run themselves", ND_SPK_PERSON, "Radek Novak");
    unload(&d);
}

static void quote_paragraphs(void)
{
    doc d;
    load(&d, "Mark Ellis, the union leader, spoke after the vote.\n\n"
             "\xe2\x80\x9cThe first part is done,\xe2\x80\x9d Ellis said. \xe2\x80\x9cThe second part starts now.\xe2\x80\x9d\n\n"
             "\xe2\x80\x9c" "And nobody is going to stop us.\xe2\x80\x9d\n\n"
             "\xe2\x80\x9cThis quote has no speaker at all.\xe2\x80\x9d\n");
    CHECK_SPEAKER(&d, "first part is done", ND_SPK_PERSON, "Mark Ellis");
    CHECK_SPEAKER(&d, "second part starts", ND_SPK_PERSON, "Mark Ellis");
    /* a paragraph that is all quotation goes on with the previous speaker */
    CHECK_SPEAKER(&d, "nobody is going", ND_SPK_PERSON, "Mark Ellis");
    CHECK(claim(&d, "nobody is going").direct);
    CHECK_SPEAKER(&d, "no speaker at all", ND_SPK_PERSON, "Mark Ellis");
    unload(&d);
    load(&d, "The report came out on Monday.\n\n\xe2\x80\x9cThis quote has no speaker at all.\xe2\x80\x9d\n");
    CHECK_INT(claim(&d, "no speaker at all").kind, ND_SPK_NONE);
    CHECK_INT(d.a.nquotes, 1);
    unload(&d);
}

static void organisations_and_vague_sources(void)
{
    doc d;
    load(&d, "The company said profits fell in the third quarter.\n\n"
             "DeepSeek said the model cost little to train.\n\n"
             "The ministry claims the figures are wrong.\n\n"
             "Experts believe the model is cheaper than its rivals.\n\n"
             "It claims that one of them even outperforms OpenAI's model.\n\n"
             "The model was developed by the startup DeepSeek, which claims that it matches its rivals.\n\n"
             "According to a report, the market grew by a third.\n");
    CHECK_SPEAKER(&d, "profits fell", ND_SPK_ORG, "The company");
    CHECK_SPEAKER(&d, "cost little", ND_SPK_ORG, "DeepSeek");
    CHECK_SPEAKER(&d, "figures are wrong", ND_SPK_ORG, "The ministry");
    CHECK_INT(claim(&d, "figures are wrong").cue, ND_CUE_DISTANCE);
    CHECK_INT(claim(&d, "cheaper than its rivals").kind, ND_SPK_VAGUE);
    CHECK_INT(claim(&d, "cheaper than its rivals").cue, ND_CUE_TENTATIVE);
    CHECK_INT(claim(&d, "even outperforms").kind, ND_SPK_VAGUE);
    CHECK_SPEAKER(&d, "matches its rivals", ND_SPK_ORG, "DeepSeek");
    CHECK_INT(claim(&d, "market grew").kind, ND_SPK_VAGUE);
    unload(&d);
}

static void not_attributions(void)
{
    doc d;
    load(&d, "The model uses a \xe2\x80\x9c" "chain of thought\xe2\x80\x9d approach to solve problems.\n\n"
             "The company added a new plant in Ohio last year.\n\n"
             "A company founded by Liang Wenfeng said it would expand.\n\n"
             "Smith did not say whether the plant would close.\n\n"
             "\xe2\x80\x9cThis quotation never closes, he said.\n\n"
             "Sam Altman of OpenAI visited the plant. The visit was short.\n");
    CHECK_INT(claim(&d, "chain of thought").kind, ND_SPK_NONE);
    CHECK_INT(claim(&d, "chain of thought").direct, 0);
    CHECK_INT(claim(&d, "new plant in Ohio").kind, ND_SPK_NONE);
    CHECK_INT(claim(&d, "would expand").kind, ND_SPK_NONE);  /* not Liang Wenfeng, nor "Wenfeng" */
    CHECK_INT(claim(&d, "did not say").kind, ND_SPK_NONE);
    /* an unclosed quotation is no quotation; "he" has nobody to stand for */
    CHECK_INT(d.a.nquotes, 0);
    CHECK_INT(claim(&d, "never closes").kind, ND_SPK_VAGUE);
    CHECK_INT(claim(&d, "The visit was short").kind, ND_SPK_NONE);
    unload(&d);
}

static void nested_and_participles(void)
{
    doc d;
    load(&d, "According to Nolan Pierce, the file showed that Crateline told investors it served 3,400 customers.\n\n"
             "Energy Minister Halvard Quist welcomed the decision, telling reporters that emissions would fall.\n\n"
             "Owen Tarrant, chairman of the fishermen's association, said Corvane had ignored them.\n");
    CHECK_SPEAKER(&d, "3,400 customers", ND_SPK_PERSON, "Nolan Pierce");
    CHECK_SPEAKER(&d, "emissions would fall", ND_SPK_PERSON, "Halvard Quist");
    CHECK_ROLE(&d, "Halvard Quist", "Energy Minister");
    CHECK_SPEAKER(&d, "ignored them", ND_SPK_PERSON, "Owen Tarrant");
    CHECK_ROLE(&d, "Owen Tarrant", "chairman of the fishermen's association");
    unload(&d);
}


static void plain_roles_and_long_titles(void)
{
    doc d;
    load(&d, "Kai Tamm serves as the dean of the business school at Penalara University.\n\n"
             "Radu Ozturk is the acting head of communications at Fjordline Furniture.\n\n"
             "According to chief operating officer Jurgen Smit of Pioneer Systems, the plant will stay open.\n\n"
             "\xe2\x80\x9cThe ruling will protect jobs,\xe2\x80\x9d explained portfolio manager Dimitra Ferrara of Norrland "
             "Capital.\n\n"
             "Gdansk Institute of Technology's professor of law Clara Novak noted the ruling was weak.\n\n"
             "Marta Miller, state secretary at the housing ministry, told reporters that rents would rise.\n\n"
             "The costs would rise because there is no plan B, Marek Wang, a councillor, explained.\n\n"
             "\xe2\x80\x9cThis step will fail,\xe2\x80\x9d noted deputy director of public health Hakon Wright of the "
             "Patras Institute of Public Health.\n");
    CHECK_ROLE(&d, "Kai Tamm", "the dean of the business school at Penalara University");
    CHECK_ROLE(&d, "Radu Ozturk", "the acting head of communications at Fjordline Furniture");
    CHECK_SPEAKER(&d, "stay open", ND_SPK_PERSON, "Jurgen Smit");
    CHECK_ROLE(&d, "Jurgen Smit", "chief operating officer");
    CHECK_SPEAKER(&d, "protect jobs", ND_SPK_PERSON, "Dimitra Ferrara");
    CHECK_ROLE(&d, "Dimitra Ferrara", "portfolio manager");
    CHECK_SPEAKER(&d, "ruling was weak", ND_SPK_PERSON, "Clara Novak");
    CHECK_ROLE(&d, "Clara Novak", "Gdansk Institute of Technology's professor of law");
    CHECK_SPEAKER(&d, "rents would rise", ND_SPK_PERSON, "Marta Miller");
    CHECK_ROLE(&d, "Marta Miller", "state secretary at the housing ministry");
    CHECK_SPEAKER(&d, "no plan B", ND_SPK_PERSON, "Marek Wang");
    CHECK_SPEAKER(&d, "step will fail", ND_SPK_PERSON, "Hakon Wright");
    CHECK_ROLE(&d, "Hakon Wright", "deputy director of public health");
    unload(&d);
    /* "X is ..." without a title is no role */
    load(&d, "Paul Grant was surprised by the vote. Grant said the council had rushed it.\n");
    CHECK_ROLE(&d, "Paul Grant", "");
    unload(&d);
}

static void surnames_and_voices(void)
{
    doc d;
    load(&d, "Orla De Smet, head of planning at the city council, opened the meeting.\n\n"
             "De Smet said the bridge would be rebuilt.\n\n"
             "Ines Varga chairs the traders' guild. Varga said the levy was rushed.\n\n"
             "A spokesperson for Castellan Logistics said the depot would stay open.\n\n"
             "Redcliff Rovers won the cup on Saturday. The Rovers chair thanked the fans. Rovers said the trophy "
             "would tour the town.\n");
    CHECK_SPEAKER(&d, "bridge would be rebuilt", ND_SPK_PERSON, "Orla De Smet");
    CHECK_SPEAKER(&d, "levy was rushed", ND_SPK_PERSON, "Ines Varga");
    CHECK_SPEAKER(&d, "depot would stay", ND_SPK_ORG, "Castellan Logistics");
    /* a name that follows "the" is a team's */
    CHECK_INT(claim(&d, "trophy would tour").kind, ND_SPK_ORG);
    unload(&d);
}

static void carried_quotes(void)
{
    doc d;
    load(&d, "Ines Varga said the levy had been rushed through.\n\n"
             "\xe2\x80\x9cThe new levy will hurt small shops.\xe2\x80\x9d\n\n"
             "\xe2\x80\x9cIt was rushed,\xe2\x80\x9d Varga said. \xe2\x80\x9c" "Everyone knows it.\xe2\x80\x9d\n");
    /* the paragraph of quotation goes on with Varga, carried over a paragraph break */
    CHECK_SPEAKER(&d, "hurt small shops", ND_SPK_PERSON, "Ines Varga");
    CHECK_INT(claim(&d, "hurt small shops").carried, 1);
    CHECK_INT(claim(&d, "Everyone knows").carried, 0);
    unload(&d);
}

static void people_across_documents(void)
{
    doc a, b;
    load(&a, "Dr. Jos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez said the figures were wrong.\n");
    load(&b, "Jose Nunez, an economist, said the numbers were wrong. Later Paul Grant said they were right.\n");
    CHECK_INT(a.a.npersons, 1);
    CHECK_INT(b.a.npersons, 2);
    if (a.a.npersons == 1 && b.a.npersons == 2) {
        CHECK(nd_person_same(a.text, &a.a, 0, b.text, &b.a, 0));
        CHECK(!nd_person_same(a.text, &a.a, 0, b.text, &b.a, 1));
        CHECK(nd_attrib_names(&b.a, 0, 0));
        CHECK(!nd_attrib_names(&b.a, 0, 1));
    }
    unload(&a);
    unload(&b);
    /* two full names are one person's only when the surnames agree; a lone name calls its bearer */
    load(&a, "Enzo Brandt said the plan would fail. Orla De Smet said it would not.\n");
    load(&b, "Enzo Virtanen said the plan would fail. De Smet and Brandt disagreed.\n");
    if (a.a.npersons == 2 && b.a.npersons >= 1) {
        CHECK(!nd_person_same(a.text, &a.a, 0, b.text, &b.a, 0));
        const char *de_smet = strstr(b.text, "De Smet"), *brandt = strstr(b.text, "Brandt");
        CHECK(nd_person_called(a.text, &a.a, 1, b.text, (uint32_t)(de_smet - b.text), (uint32_t)(de_smet - b.text) + 7));
        CHECK(nd_person_called(a.text, &a.a, 0, b.text, (uint32_t)(brandt - b.text), (uint32_t)(brandt - b.text) + 6));
        CHECK(!nd_person_called(a.text, &a.a, 0, b.text, (uint32_t)(de_smet - b.text), (uint32_t)(de_smet - b.text) + 2));
    } else {
        CHECK_INT(a.a.npersons, 2);
    }
    unload(&a);
    unload(&b);
}

static void cue_classes(void)
{
    CHECK_INT(nd_cue_find("said", 4)->cls, ND_CUE_NEUTRAL);
    CHECK_INT(nd_cue_find("Tweeted", 7)->cls, ND_CUE_NEUTRAL);
    CHECK_INT(nd_cue_find("confirmed", 9)->cls, ND_CUE_COMMIT);
    CHECK_INT(nd_cue_find("admits", 6)->cls, ND_CUE_COMMIT);
    CHECK_INT(nd_cue_find("claims", 6)->cls, ND_CUE_DISTANCE);
    CHECK_INT(nd_cue_find("alleged", 7)->cls, ND_CUE_DISTANCE);
    CHECK_INT(nd_cue_find("suggested", 9)->cls, ND_CUE_TENTATIVE);
    CHECK_INT(nd_cue_find("pointed out", 11)->cls, ND_CUE_NEUTRAL);
    CHECK(nd_cue_find("walked", 6) == NULL);
    CHECK(nd_cue_find("sai", 3) == NULL);
    CHECK(nd_cue_hedges(ND_CUE_TENTATIVE) && nd_cue_hedges(ND_CUE_DISTANCE));
    CHECK(!nd_cue_hedges(ND_CUE_NEUTRAL) && !nd_cue_hedges(ND_CUE_COMMIT));
    CHECK_STR(nd_cue_class_name(ND_CUE_COMMIT), "commit");
    /* "maintain" insists, it does not keep a distance; "recalls" is a recall unless it reports */
    CHECK_INT(nd_cue_find("maintained", 10)->cls, ND_CUE_COMMIT);
    CHECK(nd_cue_find("recalls", 7)->flags & ND_CUE_MARKED);
    doc d;
    load(&d, "Frontera Textiles recalls 1.7 million heaters.\n\nThe company promised to publish details.\n");
    CHECK_INT(claim(&d, "million heaters").kind, ND_SPK_NONE);
    CHECK_SPEAKER(&d, "publish details", ND_SPK_ORG, "The company");
    unload(&d);
}

/* The hedges of s, as "a|b|c". */
static const char *hedges(const char *s, char *buf, size_t cap)
{
    nd_hedge h[8];
    size_t n = nd_hedges_find(s, strlen(s), h, 8), k = 0;
    buf[0] = 0;
    for (size_t i = 0; i < n && i < 8; i++)
        k += (size_t)snprintf(buf + k, cap - k, "%s%.*s", i ? "|" : "", (int)(h[i].end - h[i].start), s + h[i].start);
    return buf;
}

static void hedge_words(void)
{
    char b[128];
    CHECK_STR(hedges("The plan could lower costs.", b, sizeof b), "could");
    CHECK_STR(hedges("Prices may rise in May.", b, sizeof b), "may");
    CHECK_STR(hedges("The sanctions appear to be working.", b, sizeof b), "appear to");
    CHECK_STR(hedges("The plant is expected to open; it reportedly will.", b, sizeof b), "expected to|reportedly");
    CHECK_STR(hedges("DeepSeek claims that R1 matches o1.", b, sizeof b), "claims that");
    CHECK_STR(hedges("Prices will rise, according to reports.", b, sizeof b), "according to reports");
    CHECK_STR(hedges("\xe2\x80\x9cMaybe not,\xe2\x80\x9d she said.", b, sizeof b), "Maybe");
    CHECK_STR(hedges("The plan will lower costs by up to 8%.", b, sizeof b), "");
    CHECK_STR(hedges("Mayor Jones cut the mayoral budget.", b, sizeof b), "");
    CHECK_STR(hedges("There is a real chance that it fails; in my view, I think it will.", b, sizeof b),
              "There is a real chance that|in my view|I think");
    CHECK_STR(hedges("It is possible that rents rise.", b, sizeof b), "It is possible that");
    CHECK(nd_hedge_kin("potential", 9) && nd_hedge_kin("Due", 3) && nd_hedge_kin("expected", 8));
    CHECK(!nd_hedge_kin("maximum", 7) && !nd_hedge_kin("will", 4));
}

static int differs(const char *o, const char *r)
{
    nd_role a, b;
    nd_role_parse(o, strlen(o), 0, &a);
    nd_role_parse(r, strlen(r), 0, &b);
    return nd_role_differs(&a, &b);
}

static void roles(void)
{
    nd_role r;
    CHECK_INT(nd_role_parse("a former DeepSeek employee and current PhD student at Northwestern University", 77, 0, &r), 2);
    CHECK_INT(nd_role_parse("the tax increase will cost the owner", 36, 0, &r), 0);
    CHECK_INT(nd_role_parse("a hedge fund that Liang founded", 31, 0, &r), 0);
    CHECK(differs("an assistant professor in information systems at Emory University", "a professor at Emory University"));
    CHECK(!differs("an assistant professor in information systems at Emory University",
                   "an assistant professor at Emory University"));
    CHECK(differs("principal researcher at Microsoft\xe2\x80\x99s AI Frontiers research lab", "a researcher at Microsoft"));
    CHECK(!differs("principal researcher at Microsoft\xe2\x80\x99s AI Frontiers research lab",
                   "a principal researcher at Microsoft"));
    CHECK(differs("a former employee", "a spokesperson"));
    CHECK(!differs("a former DeepSeek employee and current PhD student", "Former employee"));
    CHECK(differs("Deputy Mayor", "Mayor"));
    CHECK(!differs("chief executive officer", "CEO"));
    CHECK(differs("chair of the board", "chief executive"));
    CHECK(differs("a researcher at Harvard University", "a researcher at Yale University"));
    CHECK(!differs("Ashford manager", "His manager"));
    CHECK_INT(nd_role_word("Dr.", 3), ND_ROLE_HONORIFIC);
    CHECK_INT(nd_role_word("spokeswoman", 11), ND_ROLE_TITLE);
    CHECK_INT(nd_role_word("former", 6), ND_ROLE_QUAL);
    CHECK_INT(nd_role_word("plant", 5), ND_ROLE_NONE);
    /* a capital that opens a sentence names no organisation; a name that goes on from it does */
    CHECK_INT(nd_role_parse("Credit analyst", 14, 1, &r), 1);
    CHECK_INT(r.part[0].norg, 0);
    CHECK_INT(nd_role_parse("Credit analyst", 14, 0, &r), 1);
    CHECK_INT(r.part[0].norg, 1);
    CHECK_INT(nd_role_parse("Tervana Capital's credit analyst", 32, 1, &r), 1);
    CHECK_INT(r.part[0].norg, 2);
    /* "of" inside an organisation's name leaves the title open: "deputy" still qualifies "head" */
    CHECK(differs("Faro Institute of Technology's deputy head of the engineering department",
                  "head of the engineering department at Faro Institute of Technology"));
    CHECK(!differs("Faro Institute of Technology's deputy head of the engineering department",
                   "deputy head of the engineering department at Faro Institute of Technology"));
    CHECK_INT(nd_role_word("steward", 7), ND_ROLE_TITLE);
    CHECK_INT(nd_role_word("negotiator", 10), ND_ROLE_TITLE);
}

static void odd_input(void)
{
    doc d;
    load(&d, "");
    CHECK_INT(d.a.nclaims, 0);
    unload(&d);
    /* marks without words, right-to-left marks, stray closing quotes */
    load(&d, "\xe2\x80\x9d\xe2\x80\x9d\" \" \xe2\x80\x9c \xc2\xab\n\n\xe2\x80\xae Zero\xe2\x80\x8bwidth said: \xe2\x80\x9d ok.\n");
    CHECK_INT(d.a.nquotes, 0);
    unload(&d);
}

CHECK_MAIN("attrib", TEST(plain_roles_and_long_titles), TEST(surnames_and_voices), TEST(carried_quotes),
           TEST(quote_and_cue_orders), TEST(straight_quotes), TEST(accents_honorifics_and_surnames),
           TEST(titles_before_names), TEST(pronouns), TEST(quote_paragraphs), TEST(organisations_and_vague_sources),
           TEST(not_attributions), TEST(nested_and_participles), TEST(people_across_documents), TEST(cue_classes),
           TEST(hedge_words), TEST(roles), TEST(odd_input))

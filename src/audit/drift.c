/* The audit stage: for every copy or rewrite of a cluster, the claims it
 * states differently from the cluster's origin.  Only sentences linked to
 * the origin are compared (what a rewrite adds, or says past the point where
 * a truncated origin stops, has nothing to drift from); an omission alone is
 * not drift; a speaker that cannot be pinned down is not compared; two
 * sentences the same word for word never drift; one change is one drift,
 * however many sentences state it. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsdup.h"
#include "../fingerprint/features.h"
#include "../normalise/fold.h"
#include "../read/corpus.h"
#include "../tokenise/tokenise.h"
#include "../util/error.h"
#include "../util/vec.h"
#include "../verify/align.h"
#include "attrib.h"
#include "hedge.h"
#include "link.h"
#include "numbers.h"
#include "role.h"

#define MAX_NUMBERS 64        /* figures compared per sentence */
#define MAX_HEDGES 16
#define SCOPE_WORDS 3         /* content words after a hedge that say what it hedges */
#define CLOSE_LINK 0.5f       /* a link this strong restates the sentence: fewer of its words need checking */
#define MAX_DETAIL_SPAN 160   /* bytes of a quoted span shown in a detail line */
#define MIN_QUOTE_SHARE 0.5   /* share of a rewrite quote's content words found in an origin's: the same quote */
#define MIN_HOME_SHARE 0.3    /* share of its words found in the linked sentence's quotation: the same quote */
#define MAX_QUOTE_WORDS 400   /* words of a quotation compared */
#define MAX_PIECES 32         /* origin quotations a rewrite quotation is looked for in */
#define QUOTE_REACH 4         /* origin sentences either side of a link whose quotations are looked in */
#define SAID_REACH 16         /* origin sentences either side of a claim where its words may be someone else's too */
#define MIN_RESTATED 3        /* content words of what a speaker said a rewrite must keep to have dropped the speaker */
#define TOP_LINK 0.9f         /* a rewrite sentence restates the origin sentences within this share of its best link */

typedef struct {
    const char *text;
    size_t len;
    nd_tokens tok;
    nd_features feat;
    nd_attrib attr;
} doc_view;

/* A drift before packing: its strings are offsets into the string buffer. */
typedef struct {
    nd_drift d;
    size_t ospk, rspk, detail;   /* NO_STR: none */
} pending;

typedef struct {
    nd_number o, r;               /* o's start offset is in the origin */
} figure_change;

typedef struct {
    nd_tokeniser *tk;
    nd_attrib_ctx *ax;
    uint32_t max_sentences;
    doc_view o, r;
    uint32_t rdoc;
    nd_alignment al;
    nd_links links;
    nd_link *by_o;                /* the links again, sorted by origin sentence */
    uint32_t cap_by_o;
    float *best;                  /* per rewrite sentence: its strongest link */
    uint32_t cap_best;
    ND_VEC(uint32_t) quotes_done; /* rewrite quotations already reported */
    ND_VEC(uint8_t) ohedge;       /* per origin token: it is part of a hedge */
    ND_VEC(uint64_t) attr_quotes; /* quotations with an attribution drift: origin q, rewrite 1 << 32 | q */
    ND_VEC(pending) out;
    ND_VEC(char) str;
    ND_VEC(figure_change) figures; /* figure changes already reported against this rewrite */
    int oom;
} auditor;

static const size_t NO_STR = (size_t)-1;

/* ---- building drifts --------------------------------------------------- */

/* Appends text to the string buffer as one line (white space collapsed);
 * returns its offset. */
static size_t put_str(auditor *au, const char *s, size_t n)
{
    size_t at = au->str.n;
    if (nd_vec_reserve(&au->str, n + 1)) {
        au->oom = 1;
        return NO_STR;
    }
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = au->str.n > at;
            continue;
        }
        if (space) au->str.v[au->str.n++] = ' ';
        space = 0;
        au->str.v[au->str.n++] = c;
    }
    au->str.v[au->str.n++] = 0;
    return at;
}

static size_t put_fmt(auditor *au, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static size_t put_fmt(auditor *au, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) return NO_STR;
    return put_str(au, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* Bytes of text[a..b) to show in a detail line: all, or cut short at a
 * character boundary. */
static int show_len(const char *text, uint32_t a, uint32_t b)
{
    if (b - a <= MAX_DETAIL_SPAN) return (int)(b - a);
    uint32_t e = a + MAX_DETAIL_SPAN;
    while (e > a && ((unsigned char)text[e] & 0xC0) == 0x80) e--;
    return (int)(e - a);
}

/* "%.*s" arguments for a span of a document in a detail line. */
#define SHOW(text, a, b) show_len((text), (a), (b)), (text) + (a)

/* Records a drift between origin sentence os and rewrite sentence rs; none
 * (0) when the two are word for word the same: whatever differs lies elsewhere. */
static int emit(auditor *au, nd_drift_type type, uint32_t os, uint32_t rs, size_t ospk, size_t rspk, size_t detail,
                float confidence)
{
    if (nd_sentences_same(&au->o.tok, os, &au->r.tok, rs)) return 0;
    pending p = { .ospk = ospk, .rspk = rspk, .detail = detail };
    p.d.doc = au->rdoc;
    p.d.type = type;
    p.d.origin_span[0] = au->o.tok.sent[os].start;
    p.d.origin_span[1] = au->o.tok.sent[os].end;
    p.d.rewrite_span[0] = au->r.tok.sent[rs].start;
    p.d.rewrite_span[1] = au->r.tok.sent[rs].end;
    p.d.confidence = confidence < 0 ? 0 : confidence > 1 ? 1 : confidence;
    if (nd_vec_push(&au->out, p)) au->oom = 1;
    return 1;
}

/* How much a link's strength should temper a drift's confidence. */
static float link_factor(float sim)
{
    return 0.6f + 0.4f * (sim < 1 ? sim : 1);
}

/* ---- speakers ------------------------------------------------------------ */

static size_t person_str(auditor *au, const doc_view *v, uint32_t p)
{
    const nd_person *pe = &v->attr.persons[p];
    return put_str(au, v->text + pe->name[0], pe->name[1] - pe->name[0]);
}

/* The speaker of claim c as a string: the person's full name, or the
 * organisation as written. */
static size_t speaker_str(auditor *au, const doc_view *v, const nd_claim *c)
{
    if (c->kind == ND_SPK_PERSON) return person_str(au, v, c->person);
    return put_str(au, v->text + c->speaker[0], c->speaker[1] - c->speaker[0]);
}

/* 1 when claim c has a speaker one can name: a person or an organisation. */
static int named_speaker(const nd_claim *c)
{
    return c->kind == ND_SPK_PERSON || c->kind == ND_SPK_ORG;
}

/* The speaker of sentence s of v when it names one, for drifts other than attribution. */
static size_t claim_speaker(auditor *au, const doc_view *v, uint32_t s)
{
    const nd_claim *c = &v->attr.claims[s];
    return named_speaker(c) ? speaker_str(au, v, c) : NO_STR;
}

static const char *last_str(const auditor *au, size_t at)
{
    return at == NO_STR ? "?" : au->str.v + at;
}

/* 1 when the rewrite's claim rc has the origin claim oc's speaker.  A
 * surname a document never gave in full ("Reyes said") reads as an
 * organisation there, but calls the other's person all the same. */
static int same_speaker(const auditor *au, const nd_claim *oc, const nd_claim *rc)
{
    if (oc->kind == ND_SPK_PERSON) {
        if (rc->kind == ND_SPK_PERSON)
            return nd_person_same(au->o.text, &au->o.attr, oc->person, au->r.text, &au->r.attr, rc->person);
        return rc->kind == ND_SPK_ORG &&
               nd_person_called(au->o.text, &au->o.attr, oc->person, au->r.text, rc->speaker[0], rc->speaker[1]);
    }
    if (rc->kind == ND_SPK_PERSON)
        return oc->kind == ND_SPK_ORG &&
               nd_person_called(au->r.text, &au->r.attr, rc->person, au->o.text, oc->speaker[0], oc->speaker[1]);
    return rc->kind == ND_SPK_ORG;  /* "DeepSeek" and "the company": one cannot tell them apart */
}

/* 1 when rewrite sentence r names the origin's person p anywhere. */
static int names_person(const auditor *au, uint32_t r, uint32_t p)
{
    for (uint32_t q = 0; q < au->r.attr.npersons; q++)
        if (nd_person_same(au->o.text, &au->o.attr, p, au->r.text, &au->r.attr, q) &&
            nd_attrib_names(&au->r.attr, r, q))
            return 1;
    /* a name the rewrite never takes for a speaker's: "Frontera Textiles said" as "Frontera Textiles has promised" */
    const nd_sentence *se = &au->r.tok.sent[r];
    for (uint32_t j = se->tok; j < se->tok + se->ntok; j++) {
        const nd_token *t = &au->r.tok.tok[j];
        if ((t->flags & ND_TOK_CAPITAL) && !nd_attrib_quoted(&au->r.attr, t->start) &&
            nd_person_called(au->o.text, &au->o.attr, p, au->r.text, t->start, t->end))
            return 1;
    }
    return 0;
}

/* 1 when the person who speaks in claim c of v is never given a title: a
 * name like "Lumora Retail" may be a firm's. */
static int untitled(const doc_view *v, const nd_claim *c)
{
    return v->attr.persons[c->person].role == ND_ATTRIB_NONE;
}

/* 1 when sentence s of v has no closing punctuation: a headline, which
 * leaves attributions out by custom. */
static int headline(const doc_view *v, uint32_t s)
{
    const nd_sentence *se = &v->tok.sent[s];
    size_t len;
    int cp = 0;
    for (uint32_t i = se->start; i < se->end; i += (uint32_t)len) cp = nd_utf8_next(v->text + i, se->end - i, &len);
    return !(cp == '.' || cp == '!' || cp == '?' || cp == ':' || nd_is_quote(cp) || cp == ')' || cp == 0x2026);
}

/* 1 when an organisation speaker is named (capitalised), not described ("the company"). */
static int org_named(const doc_view *v, const nd_claim *c)
{
    size_t len;
    return nd_is_upper(nd_utf8_next(v->text + c->speaker[0], c->speaker[1] - c->speaker[0], &len)) &&
           !(c->speaker[1] - c->speaker[0] > 4 && (memcmp(v->text + c->speaker[0], "The ", 4) == 0));
}

/* ---- words ------------------------------------------------------------------ */

static int is_content(const nd_token *t)
{
    return !(t->flags & (ND_TOK_STOP | ND_TOK_BOILER));
}

/* Token range [*first, *last) of a document lying within [a, b). */
static void tokens_within(const nd_tokens *t, uint32_t a, uint32_t b, uint32_t *first, uint32_t *last)
{
    uint32_t lo = 0, hi = t->ntok;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (t->tok[mid].start < a) lo = mid + 1;
        else hi = mid;
    }
    *first = lo;
    while (lo < t->ntok && t->tok[lo].end <= b) lo++;
    *last = lo;
}

/* Two named organisations differ when no word of one's name is in the
 * other's ("Castlemere Chamber" is "the Castlemere Chamber of Commerce"). */
static int orgs_differ(const auditor *au, const nd_claim *oc, const nd_claim *rc)
{
    if (!org_named(&au->o, oc) || !org_named(&au->r, rc)) return 0;
    const nd_tokens *ot = &au->o.tok, *rt = &au->r.tok;
    uint32_t o0, o1, r0, r1;
    tokens_within(ot, oc->speaker[0], oc->speaker[1], &o0, &o1);
    tokens_within(rt, rc->speaker[0], rc->speaker[1], &r0, &r1);
    for (uint32_t i = o0; i < o1; i++)
        for (uint32_t j = r0; j < r1; j++)
            if ((ot->tok[i].flags & ND_TOK_CAPITAL) && rt->tok[j].word == ot->tok[i].word) return 0;
    return 1;
}

/* 1 when rewrite sentence r names the organisation that speaks in claim oc
 * of origin sentence o, outside quotation: "Helios Labs said it would buy
 * Kingsmere" restated as "Helios Labs will buy Kingsmere" keeps who says so.
 * An organisation described ("the company") is named by the names of the
 * origin sentence, two of them at least. */
static int names_org(const auditor *au, const nd_claim *oc, uint32_t o, uint32_t r)
{
    const nd_tokens *ot = &au->o.tok, *rt = &au->r.tok;
    const nd_sentence *se = &rt->sent[r];
    uint32_t o0, o1, kept = 0, names = 0;
    int named = org_named(&au->o, oc);
    if (named) {
        tokens_within(ot, oc->speaker[0], oc->speaker[1], &o0, &o1);
    } else {
        /* "Lumora Retail posted a loss, the company said": the one who speaks is named as the one who acts */
        o0 = ot->sent[o].tok + 1;
        o1 = ot->sent[o].tok + ot->sent[o].ntok;
    }
    for (uint32_t i = o0; i < o1; i++) {
        const nd_token *t = &ot->tok[i];
        if (!(t->flags & ND_TOK_CAPITAL) || !is_content(t) || nd_attrib_quoted(&au->o.attr, t->start) ||
            (!named && t->start >= oc->frame[0] && t->end <= oc->frame[1]))
            continue;
        names++;
        int found = 0;
        for (uint32_t j = se->tok; j < se->tok + se->ntok && !found; j++)
            found = rt->tok[j].word == t->word && !nd_attrib_quoted(&au->r.attr, rt->tok[j].start);
        kept += (uint32_t)found;
    }
    return named ? names && kept == names : kept >= 2;
}

/* Content words of origin span [a, b) that rewrite span [ra, rb) also has, by stem. */
static uint32_t shared_words(const auditor *au, uint32_t a, uint32_t b, uint32_t ra, uint32_t rb)
{
    uint32_t n = 0, first, last, r0, r1;
    tokens_within(&au->o.tok, a, b, &first, &last);
    tokens_within(&au->r.tok, ra, rb, &r0, &r1);
    for (uint32_t i = first; i < last; i++) {
        const nd_token *t = &au->o.tok.tok[i];
        if (!is_content(t)) continue;
        for (uint32_t j = r0; j < r1; j++)
            if (au->r.tok.tok[j].stem == t->stem) {
                n++;
                break;
            }
    }
    return n;
}

/* Content words of origin span [a, b) that rewrite sentence r has. */
static uint32_t shared_in(const auditor *au, uint32_t a, uint32_t b, uint32_t r)
{
    return shared_words(au, a, b, au->r.tok.sent[r].start, au->r.tok.sent[r].end);
}

/* The span of the quotation of document v that sentence s is part of, or of
 * the sentence when there is none: a quotation going on over sentences is
 * one statement. */
static void statement_at(const doc_view *v, uint32_t s, uint32_t *a, uint32_t *b)
{
    const nd_sentence *se = &v->tok.sent[s];
    const nd_attrib *at = &v->attr;
    uint32_t lo = 0, hi = at->nquotes;
    while (lo < hi) {  /* the first quotation ending after the sentence starts */
        uint32_t mid = (lo + hi) / 2;
        if (at->quotes[mid].end <= se->start) lo = mid + 1;
        else hi = mid;
    }
    int inside = lo < at->nquotes && at->quotes[lo].start < se->end;
    *a = inside ? at->quotes[lo].start : se->start;
    *b = inside ? at->quotes[lo].end : se->end;
}

/* ---- quotations ---------------------------------------------------------- */

/* 1 when an ellipsis lies between bytes a and b of text. */
static int ellipsis_between(const char *text, uint32_t a, uint32_t b)
{
    for (uint32_t i = a; i + 1 < b; i++)
        if ((text[i] == '.' && text[i + 1] == '.') ||
            ((unsigned char)text[i] == 0xE2 && i + 2 < b && (unsigned char)text[i + 1] == 0x80 &&
             (unsigned char)text[i + 2] == 0xA6))
            return 1;
    return 0;
}

/* The sentence of t holding byte `at`. */
static uint32_t sentence_at(const nd_tokens *t, uint32_t at)
{
    uint32_t lo = 0, hi = t->nsent;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (t->sent[mid].end <= at) lo = mid + 1;
        else hi = mid;
    }
    return lo < t->nsent ? lo : t->nsent - 1;
}

/* An origin quotation as a token range. */
typedef struct {
    uint32_t t0, t1;
    uint8_t same;    /* the rewrite's speaker says it */
    uint8_t home;    /* the quotation of the origin sentence linked */
} piece;

/* 1 when folded word w states a claim as certain: what a dropped "may" or
 * "could" becomes ("may ease" -> "will ease"). */
static int certain_modal(uint32_t w)
{
    static const char *const modals[] = { "will", "would", "shall", "can" };
    for (size_t k = 0; k < sizeof modals / sizeof *modals; k++)
        if (w == nd_word_hash(modals[k], strlen(modals[k]))) return 1;
    return 0;
}

/* How many rewrite tokens from j (before e) match origin piece p from
 * token i on; *oi receives the origin token where the match stops.  A hedge
 * of the origin's may be left out, or stand where the rewrite is certain:
 * that is a hedge removed, reported as such, not a quotation altered. */
static uint32_t match_run(const auditor *au, const piece *p, uint32_t i, uint32_t j, uint32_t e, uint32_t *oi)
{
    const nd_token *ot = au->o.tok.tok, *rt = au->r.tok.tok;
    uint32_t k = j;
    while (k < e && i < p->t1) {
        if (ot[i].word == rt[k].word || (au->ohedge.v[i] && certain_modal(rt[k].word))) k++;
        else if (!au->ohedge.v[i]) break;
        i++;
    }
    while (i < p->t1 && au->ohedge.v[i]) i++;
    *oi = i;
    return k - j;
}

/* 1 when rewrite quotation tokens [j, e) are found word for word in the
 * origin quotations pieces[0..np), starting in pieces[only] (np: any); where
 * an origin quotation ends, the rewrite's may go on with the start of
 * another ("“Q1,” she said. “Q2.”" quoted as "“Q1. Q2”").  Otherwise 0,
 * with the first rewrite token not found and the origin token it stands
 * against. */
static int stretch_found(const auditor *au, const piece *pieces, uint32_t np, uint32_t only, uint32_t j, uint32_t e,
                         uint32_t *rw, uint32_t *ow)
{
    int going_on = 0;
    uint32_t at = only < np ? pieces[only].t0 : pieces[0].t0;
    while (j < e) {
        uint32_t best = 0, best_oi = at, best_p = 0;
        for (uint32_t p = 0; p < np; p++) {
            if (!going_on && only < np && p != only) continue;
            for (uint32_t i = pieces[p].t0; i < pieces[p].t1 && !(going_on && i > pieces[p].t0); i++) {
                uint32_t oi, k = match_run(au, &pieces[p], i, j, e, &oi);
                if (k > best) {
                    best = k;
                    best_oi = oi;
                    best_p = p;
                }
            }
        }
        if (!best) {
            *rw = j;
            *ow = at;
            return 0;
        }
        j += best;
        at = best_oi < pieces[best_p].t1 ? best_oi : pieces[best_p].t1 - 1;
        if (j < e && best_oi < pieces[best_p].t1) {
            *rw = j;
            *ow = at;
            return 0;
        }
        going_on = 1;
    }
    return 1;
}

/* Words of rewrite tokens [r0, r1) found in origin piece p (content
 * words by stem, or all words), and how many there are in all (*total). */
static uint32_t quote_shared(const auditor *au, const piece *p, uint32_t r0, uint32_t r1, int all, uint32_t *total)
{
    uint32_t n = 0;
    *total = 0;
    for (uint32_t j = r0; j < r1; j++) {
        const nd_token *t = &au->r.tok.tok[j];
        if (!all && !is_content(t)) continue;
        ++*total;
        for (uint32_t i = p->t0; i < p->t1; i++)
            if (all ? au->o.tok.tok[i].word == t->word : au->o.tok.tok[i].stem == t->stem) {
                n++;
                break;
            }
    }
    return n;
}

/* Reports a quotation of the rewrite whose words the origin never quotes,
 * when it is still one of the origin speaker's quotations near origin
 * sentence o (most of its content words are), once per rewrite quotation,
 * at the sentences where the words part. */
static void check_quote(auditor *au, uint32_t o, uint32_t r, float sim)
{
    const nd_claim *oc = &au->o.attr.claims[o], *rc = &au->r.attr.claims[r];
    if (!oc->direct || !rc->direct || oc->quote == ND_ATTRIB_NONE || rc->quote == ND_ATTRIB_NONE) return;
    for (size_t i = 0; i < au->quotes_done.n; i++)
        if (au->quotes_done.v[i] == rc->quote) return;
    const nd_attrib *oa = &au->o.attr;
    const nd_tokens *ot = &au->o.tok;
    uint32_t r0, r1;
    tokens_within(&au->r.tok, au->r.attr.quotes[rc->quote].start, au->r.attr.quotes[rc->quote].end, &r0, &r1);
    if (r1 - r0 > MAX_QUOTE_WORDS) r1 = r0 + MAX_QUOTE_WORDS;  /* the comparison is quadratic */
    /* the origin's quotations around o, and whether the rewrite's speaker says them */
    piece pieces[MAX_PIECES];
    uint32_t np = 0;
    uint32_t s0 = o > QUOTE_REACH ? o - QUOTE_REACH : 0;
    uint32_t s1 = o + QUOTE_REACH < ot->nsent ? o + QUOTE_REACH : ot->nsent - 1;
    for (uint32_t q = 0; q < oa->nquotes && np < MAX_PIECES; q++) {
        const nd_quote *qu = &oa->quotes[q];
        if (qu->end <= ot->sent[s0].start || qu->start >= ot->sent[s1].end) continue;
        piece pc = { 0, 0, 0, q == oc->quote };
        tokens_within(ot, qu->start, qu->end, &pc.t0, &pc.t1);
        if (pc.t0 == pc.t1) continue;
        if (pc.t1 - pc.t0 > MAX_QUOTE_WORDS) pc.t1 = pc.t0 + MAX_QUOTE_WORDS;
        for (uint32_t k = sentence_at(ot, qu->start); k < ot->nsent && ot->sent[k].start < qu->end && !pc.same; k++)
            pc.same = oa->claims[k].quote == q && oa->claims[k].direct && same_speaker(au, &oa->claims[k], rc);
        pieces[np++] = pc;
    }
    if (!np || r0 == r1) return;
    /* the stretches between ellipses: each must be found somewhere */
    uint32_t rw = 0, ow = 0, best = np, j = r0, e = r0;
    const nd_token *rt = au->r.tok.tok;
    for (; j < r1; j = e) {
        for (e = j + 1; e < r1 && !ellipsis_between(au->r.text, rt[e - 1].end, rt[e].start);) e++;
        if (!stretch_found(au, pieces, np, np, j, e, &rw, &ow)) break;
    }
    if (j >= r1) return;
    /* not found: the speaker's quotation it restates, if any, is the one
     * sharing most of its content words, or else the one of the sentence
     * it is linked to, when that shares some of its words at all */
    uint32_t most = 0, total = 0;
    for (uint32_t p = 0; p < np; p++) {
        uint32_t n = pieces[p].same ? quote_shared(au, &pieces[p], r0, r1, 0, &total) : 0;
        if (n > most) {
            most = n;
            best = p;
        }
    }
    if (best == np || (double)most < MIN_QUOTE_SHARE * total) {
        for (best = 0; best < np && !pieces[best].home; best++) {}
        if (best == np || !pieces[best].same ||
            (double)quote_shared(au, &pieces[best], r0, r1, 1, &total) < MIN_HOME_SHARE * total)
            return;  /* another quotation altogether */
    }
    stretch_found(au, pieces, np, best, j, e, &rw, &ow);
    if (nd_vec_push(&au->quotes_done, rc->quote)) {
        au->oom = 1;
        return;
    }
    const nd_token *a = &ot->tok[ow], *b = &rt[rw];
    size_t ospk = speaker_str(au, &au->o, oc), rspk = speaker_str(au, &au->r, rc);
    size_t detail = put_fmt(au, "quote of %s changed: \"%.*s\" -> \"%.*s\"", last_str(au, ospk),
                            SHOW(au->o.text, a->start, a->end), SHOW(au->r.text, b->start, b->end));
    emit(au, ND_DRIFT_QUOTE_ALTERED, sentence_at(ot, a->start), sentence_at(&au->r.tok, b->start), ospk, rspk, detail,
         0.8f * link_factor(sim));
}

/* ---- attribution ----------------------------------------------------------- */

/* 1 when the link is among its rewrite sentence's strongest: that sentence
 * restates this origin sentence rather than another. */
static int top_link(const auditor *au, const nd_link *l)
{
    return l->sim >= TOP_LINK * au->best[l->r];
}

/* 1 when a claim's speaker was carried over from an earlier sentence
 * (a quotation going on), not named in the sentence itself. */
static int inherited(const nd_claim *c)
{
    return c->kind != ND_SPK_NONE && c->frame[1] == 0;
}

/* 1 when rewrite sentence r refers to someone by pronoun outside quotation
 * ("He also complained that ...", "In his account, ..."): its speaker may
 * be the origin's, so nothing is dropped for sure. */
static int refers_by_pronoun(const auditor *au, uint32_t r)
{
    static const char *const pronouns[] = { "he", "she", "his", "her", "him" };
    uint32_t h[sizeof pronouns / sizeof *pronouns];
    for (size_t k = 0; k < sizeof pronouns / sizeof *pronouns; k++) h[k] = nd_word_hash(pronouns[k], strlen(pronouns[k]));
    const nd_sentence *se = &au->r.tok.sent[r];
    for (uint32_t i = se->tok; i < se->tok + se->ntok; i++) {
        const nd_token *t = &au->r.tok.tok[i];
        for (size_t k = 0; k < sizeof h / sizeof *h; k++)
            if (t->word == h[k] && !nd_attrib_quoted(&au->r.attr, t->start)) return 1;
    }
    return 0;
}

/* 1 when the origin gives what rewrite sentence r says, as fully as origin
 * sentence o does, to r's own speaker rc as well, not far from o: two
 * people saying the same words ("We are ready to talk at any time"), or one
 * claim much like another. */
static int said_by_them(const auditor *au, uint32_t o, uint32_t r, const nd_claim *rc)
{
    const nd_attrib *oa = &au->o.attr;
    uint32_t here = shared_in(au, oa->claims[o].content[0], oa->claims[o].content[1], r);
    uint32_t s0 = o > SAID_REACH ? o - SAID_REACH : 0;
    uint32_t s1 = o + SAID_REACH < au->o.tok.nsent ? o + SAID_REACH : au->o.tok.nsent;
    for (uint32_t s = s0; s < s1; s++) {
        const nd_claim *c = &oa->claims[s];
        if (s == o || !named_speaker(c) || !same_speaker(au, c, rc)) continue;
        uint32_t w = shared_in(au, c->content[0], c->content[1], r);
        if (w >= 2 && w >= here) return 1;
    }
    return 0;
}

/* Quotations of origin claim oc and rewrite claim rc, as keys of
 * au->attr_quotes (origin q, rewrite 1 << 32 | q; UINT64_MAX: none). */
static void quote_keys(const nd_claim *oc, const nd_claim *rc, uint64_t keys[2])
{
    keys[0] = oc->direct && oc->quote != ND_ATTRIB_NONE ? oc->quote : UINT64_MAX;
    keys[1] = rc->direct && rc->quote != ND_ATTRIB_NONE ? (uint64_t)1 << 32 | rc->quote : UINT64_MAX;
}

/* 1 when an attribution drift was reported on the quotation of origin
 * claim oc or of rewrite claim rc: a quotation spread over sentences is one
 * statement, reported once. */
static int quote_reported(const auditor *au, const nd_claim *oc, const nd_claim *rc)
{
    uint64_t keys[2];
    quote_keys(oc, rc, keys);
    for (size_t i = 0; i < au->attr_quotes.n; i++)
        if (au->attr_quotes.v[i] == keys[0] || au->attr_quotes.v[i] == keys[1]) return 1;
    return 0;
}

/* Emits an attribution drift and remembers the quotations it covers. */
static void emit_attribution(auditor *au, nd_drift_type type, uint32_t o, uint32_t r, size_t ospk, size_t rspk,
                             size_t detail, float confidence)
{
    if (!emit(au, type, o, r, ospk, rspk, detail, confidence)) return;
    uint64_t keys[2];
    quote_keys(&au->o.attr.claims[o], &au->r.attr.claims[r], keys);
    for (int k = 0; k < 2; k++)
        if (keys[k] != UINT64_MAX && nd_vec_push(&au->attr_quotes, keys[k])) au->oom = 1;
}

/* Compares the speaker of origin claim o with the rewrite sentences linked
 * to it, links[0..n): changed, moved to an organisation, or dropped. */
static void check_attribution(auditor *au, uint32_t o, const nd_link *links, uint32_t n)
{
    const nd_claim *oc = &au->o.attr.claims[o];
    if (!named_speaker(oc)) return;
    const nd_link *same = NULL, *person = NULL, *org = NULL;
    int vague = 0;
    for (uint32_t i = 0; i < n; i++) {
        const nd_claim *rc = &au->r.attr.claims[links[i].r];
        if (same_speaker(au, oc, rc) || (oc->kind == ND_SPK_PERSON && names_person(au, links[i].r, oc->person)) ||
            (oc->kind == ND_SPK_ORG && names_org(au, oc, o, links[i].r))) {
            if (!same) same = &links[i];
            continue;
        }
        if (!top_link(au, &links[i])) continue;
        /* a paragraph of quotation naming nobody, after another speaker's: the rewrite dropped the speaker */
        if (rc->carried) continue;
        /* a quotation going on under a speaker named earlier: reported where the speaker is named */
        vague |= inherited(oc) && inherited(rc);
        if (inherited(oc) && inherited(rc)) continue;
        /* a name given no title may be a team's or a firm's ("Elmstead Brewing said") */
        if ((rc->kind == ND_SPK_PERSON && oc->kind == ND_SPK_ORG && untitled(&au->r, rc)) ||
            (oc->kind == ND_SPK_PERSON && rc->kind == ND_SPK_ORG && untitled(&au->o, oc) && !org_named(&au->r, rc))) {
            vague = 1;
            continue;
        }
        if (rc->kind == ND_SPK_PERSON && !person) person = &links[i];
        if (rc->kind == ND_SPK_ORG && !org) org = &links[i];
        vague |= rc->kind == ND_SPK_VAGUE || (rc->kind == ND_SPK_NONE && refers_by_pronoun(au, links[i].r));
    }
    if (same) {
        for (uint32_t i = 0; i < n; i++)
            if (same_speaker(au, oc, &au->r.attr.claims[links[i].r])) check_quote(au, o, links[i].r, links[i].sim);
        return;
    }
    if (person) {
        const nd_claim *rc = &au->r.attr.claims[person->r];
        if (said_by_them(au, o, person->r, rc) || quote_reported(au, oc, rc)) return;
        size_t ospk = speaker_str(au, &au->o, oc), rspk = speaker_str(au, &au->r, rc);
        size_t detail = put_fmt(au, "speaker: %s -> %s", last_str(au, ospk), last_str(au, rspk));
        emit_attribution(au, ND_DRIFT_ATTRIBUTION_CHANGED, o, person->r, ospk, rspk, detail,
                         0.9f * link_factor(person->sim));
        return;
    }
    if (org) {
        const nd_claim *rc = &au->r.attr.claims[org->r];
        if ((oc->kind == ND_SPK_ORG && !orgs_differ(au, oc, rc)) || said_by_them(au, o, org->r, rc) ||
            quote_reported(au, oc, rc))
            return;
        size_t ospk = speaker_str(au, &au->o, oc), rspk = speaker_str(au, &au->r, rc);
        size_t detail = put_fmt(au, "speaker: %s -> %s", last_str(au, ospk), last_str(au, rspk));
        nd_drift_type type = oc->kind == ND_SPK_PERSON ? ND_DRIFT_ATTRIBUTION_TO_ORG : ND_DRIFT_ATTRIBUTION_CHANGED;
        emit_attribution(au, type, o, org->r, ospk, rspk, detail, 0.85f * link_factor(org->sim));
        return;
    }
    if (vague) return;  /* "experts say", an unresolved "he": cannot tell */
    /* nobody speaks in the rewrite: report at the sentence that restates most
     * of what was attributed (all of a quotation, where it goes on over sentences) */
    const nd_link *best = NULL;
    uint32_t best_words = 0, a = oc->content[0], b = oc->content[1];
    if (oc->direct) statement_at(&au->o, o, &a, &b);
    for (uint32_t i = 0; i < n; i++) {
        if (!top_link(au, &links[i]) || headline(&au->r, links[i].r)) continue;
        uint32_t ra, rb;
        statement_at(&au->r, links[i].r, &ra, &rb);
        uint32_t w = shared_words(au, a, b, ra, rb);
        if (!best || w > best_words) {
            best = &links[i];
            best_words = w;
        }
    }
    /* it must restate what the speaker said, not just the sentence; a close restatement needs less */
    if (best_words < (best && best->sim >= CLOSE_LINK ? MIN_RESTATED - 1 : MIN_RESTATED) ||
        quote_reported(au, oc, &au->r.attr.claims[best->r]))
        return;
    size_t ospk = speaker_str(au, &au->o, oc);
    size_t detail = oc->direct ? put_fmt(au, "quote of %s restated as unattributed narration", last_str(au, ospk))
                               : put_fmt(au, "speaker dropped: %s", last_str(au, ospk));
    emit_attribution(au, ND_DRIFT_ATTRIBUTION_DROPPED, o, best->r, ospk, NO_STR, detail,
         (oc->direct ? 0.85f : 0.75f) * link_factor(best->sim));
}

/* ---- hedges ------------------------------------------------------------------ */

/* 1 when sentence s of v is hedged: a hedge word, or a claim/suggestion cue. */
static int hedged(const doc_view *v, uint32_t s)
{
    const nd_sentence *se = &v->tok.sent[s];
    nd_hedge h[1];
    return nd_hedges_find(v->text + se->start, se->end - se->start, h, 1) > 0 ||
           (v->attr.claims[s].kind != ND_SPK_NONE && nd_cue_hedges(v->attr.claims[s].cue));
}

/* 1 when rewrite sentence r keeps its statement open with a word akin to a
 * hedge ("the potential fine", "details are due next week"). */
static int keeps_open(const auditor *au, uint32_t r)
{
    const nd_sentence *se = &au->r.tok.sent[r];
    for (uint32_t j = se->tok; j < se->tok + se->ntok; j++) {
        const nd_token *t = &au->r.tok.tok[j];
        if (nd_hedge_kin(au->r.text + t->start, t->end - t->start)) return 1;
    }
    return 0;
}

/* 1 when rewrite sentence r restates another origin sentence than o, one
 * with no hedge, as fully as it restates o: two claims alike, and the
 * rewrite's is the other one. */
static int restates_other(const auditor *au, uint32_t o, uint32_t r)
{
    const nd_claim *oc = &au->o.attr.claims[o];
    uint32_t here = shared_in(au, oc->content[0], oc->content[1], r), lo = 0, hi = au->links.n;
    while (lo < hi) {  /* links are by rewrite sentence: the first of r's */
        uint32_t mid = (lo + hi) / 2;
        if (au->links.v[mid].r < r) lo = mid + 1;
        else hi = mid;
    }
    for (uint32_t i = lo; i < au->links.n && au->links.v[i].r == r; i++) {
        const nd_link *l = &au->links.v[i];
        if (l->o == o || hedged(&au->o, l->o)) continue;
        const nd_claim *c = &au->o.attr.claims[l->o];
        if (shared_in(au, c->content[0], c->content[1], r) >= here) return 1;
    }
    return 0;
}

static void check_hedges(auditor *au, uint32_t o, const nd_link *links, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (hedged(&au->r, links[i].r)) return;
    int any = 0;
    for (uint32_t i = 0; i < n; i++) any |= top_link(au, &links[i]);
    if (!any) return;
    const nd_sentence *se = &au->o.tok.sent[o];
    const nd_claim *oc = &au->o.attr.claims[o];
    nd_hedge h[MAX_HEDGES];
    size_t nh = nd_hedges_find(au->o.text + se->start, se->end - se->start, h, MAX_HEDGES);
    if (nh > MAX_HEDGES) nh = MAX_HEDGES;
    /* the cue itself hedges: "X suggested that ..." */
    uint32_t cue_at = ND_ATTRIB_NONE;
    if (oc->kind != ND_SPK_NONE && nd_cue_hedges(oc->cue) && oc->frame[1] > oc->frame[0] && nh < MAX_HEDGES) {
        cue_at = (uint32_t)nh;
        h[nh++] = (nd_hedge){ oc->frame[1] - se->start, oc->frame[1] - se->start };
    }
    for (size_t k = 0; k < nh; k++) {
        /* what the hedge bears on must still be there: half of it, or some of it in a close restatement */
        uint32_t from = se->start + h[k].end, seen = 0;
        const nd_link *where = NULL;
        uint32_t where_hits = 0;
        uint32_t scope[SCOPE_WORDS];
        for (uint32_t i = se->tok; i < se->tok + se->ntok && seen < SCOPE_WORDS; i++) {
            const nd_token *t = &au->o.tok.tok[i];
            if (t->start < from || !is_content(t)) continue;
            if (t->start >= oc->frame[0] && t->end <= oc->frame[1]) continue;
            scope[seen++] = t->stem;
        }
        for (uint32_t l = 0; l < n; l++) {
            if (!top_link(au, &links[l])) continue;
            const nd_sentence *rs = &au->r.tok.sent[links[l].r];
            uint32_t hits = 0;
            for (uint32_t q = 0; q < seen; q++)
                for (uint32_t j = rs->tok; j < rs->tok + rs->ntok; j++)
                    if (au->r.tok.tok[j].stem == scope[q]) {
                        hits++;
                        break;
                    }
            if (hits > where_hits && (2 * hits >= seen || links[l].sim >= CLOSE_LINK)) {
                where = &links[l];
                where_hits = hits;
            }
        }
        if (!where) continue;
        size_t detail;
        const nd_claim *rc = &au->r.attr.claims[where->r];
        /* the writer's hedge now someone's statement: not stated as certain; another speaker's: another claim */
        if (oc->kind == ND_SPK_NONE && rc->kind != ND_SPK_NONE) continue;
        if (named_speaker(oc) && named_speaker(rc) && !same_speaker(au, oc, rc)) continue;
        if (keeps_open(au, where->r) || restates_other(au, o, where->r)) continue;
        /* "the number of people expected to benefit" -> "the expected beneficiaries": still there */
        if (k != cue_at && shared_in(au, se->start + h[k].start, se->start + h[k].end, where->r)) continue;
        if (k == cue_at) {
            if (rc->kind == ND_SPK_NONE || !same_speaker(au, oc, rc)) continue;  /* attribution covers it */
            detail = put_fmt(au, "cue: %s -> %s", nd_cue_class_name(oc->cue), nd_cue_class_name(rc->cue));
        } else {
            detail = put_fmt(au, "hedge dropped: \"%.*s\"", SHOW(au->o.text, se->start + h[k].start, se->start + h[k].end));
        }
        size_t ospk = claim_speaker(au, &au->o, o), rspk = claim_speaker(au, &au->r, where->r);
        emit(au, ND_DRIFT_HEDGE_REMOVED, o, where->r, ospk, rspk, detail, 0.7f * link_factor(where->sim));
        return;
    }
}

/* ---- numbers ------------------------------------------------------------------ */

/* The stem of the first content word after byte `at` in sentence s (the
 * thing counted: "six *versions*"), or 0. */
static uint32_t counted_noun(const doc_view *v, uint32_t s, uint32_t at)
{
    const nd_sentence *se = &v->tok.sent[s];
    for (uint32_t i = se->tok; i < se->tok + se->ntok; i++) {
        const nd_token *t = &v->tok.tok[i];
        if (t->start < at) continue;
        if (t->start > at + 40) return 0;
        if (is_content(t) && !(t->flags & ND_TOK_NUMBER)) return t->stem;
    }
    return 0;
}

typedef struct {
    nd_number n;
    uint32_t sent;
    uint8_t used;
} located;

static size_t numbers_of(const doc_view *v, uint32_t s, located *out, size_t cap)
{
    const nd_sentence *se = &v->tok.sent[s];
    nd_number tmp[MAX_NUMBERS];
    size_t k = nd_numbers_find(v->text + se->start, se->end - se->start, tmp, MAX_NUMBERS);
    if (k > MAX_NUMBERS) k = MAX_NUMBERS;
    if (k > cap) k = cap;
    for (size_t i = 0; i < k; i++) {
        tmp[i].start += se->start;
        tmp[i].end += se->start;
        out[i] = (located){ tmp[i], s, 0 };
    }
    return k;
}

/* 1 when origin sentence o and rewrite sentence r name different things:
 * a capitalised word past the first of one is missing from the other
 * ("in Zagreb in 2014", "in Innsbruck in 2019"). */
static int names_differ(const auditor *au, uint32_t o, uint32_t r)
{
    const nd_tokens *t[2] = { &au->o.tok, &au->r.tok };
    const nd_sentence *se[2] = { &au->o.tok.sent[o], &au->r.tok.sent[r] };
    for (int a = 0; a < 2; a++) {
        const nd_tokens *x = t[a], *y = t[!a];
        for (uint32_t i = se[a]->tok + 1; i < se[a]->tok + se[a]->ntok; i++) {
            if (!(x->tok[i].flags & ND_TOK_CAPITAL) || !is_content(&x->tok[i])) continue;
            int found = 0;
            for (uint32_t j = se[!a]->tok; j < se[!a]->tok + se[!a]->ntok && !found; j++)
                found = y->tok[j].word == x->tok[i].word;
            if (!found) return 1;
        }
    }
    return 0;
}

/* Compares the figures of rewrite sentence r (links[0..n) are its links)
 * with those of the origin sentences it restates and their neighbours. */
static void check_numbers(auditor *au, uint32_t r, const nd_link *links, uint32_t n)
{
    located rn[MAX_NUMBERS], on[MAX_NUMBERS], near[MAX_NUMBERS];
    size_t nr = numbers_of(&au->r, r, rn, MAX_NUMBERS);
    if (!nr) return;
    size_t no = 0, nn = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t o = links[i].o;
        no += numbers_of(&au->o, o, on + no, MAX_NUMBERS - no);
        if (o > 0) nn += numbers_of(&au->o, o - 1, near + nn, MAX_NUMBERS - nn);
        if (o + 1 < au->o.tok.nsent) nn += numbers_of(&au->o, o + 1, near + nn, MAX_NUMBERS - nn);
    }
    /* equal figures pair off first */
    for (size_t i = 0; i < nr; i++)
        for (size_t j = 0; j < no && !rn[i].used; j++)
            if (!on[j].used && nd_number_same(&rn[i].n, &on[j].n)) rn[i].used = on[j].used = 1;
    for (size_t i = 0; i < nr; i++) {
        if (rn[i].used) continue;
        /* a figure a merged neighbour holds is not a change */
        int elsewhere = 0;
        for (size_t j = 0; j < nn && !elsewhere; j++) elsewhere = nd_number_same(&rn[i].n, &near[j].n);
        for (size_t j = 0; j < no && !elsewhere; j++) elsewhere = nd_number_same(&rn[i].n, &on[j].n);
        if (elsewhere) continue;
        uint32_t rnoun = counted_noun(&au->r, r, rn[i].n.end);
        size_t pick = no;
        int candidates = 0;
        for (size_t j = 0; j < no; j++) {
            if (on[j].used || on[j].n.kind != rn[i].n.kind) continue;
            if (on[j].n.currency[0] && rn[i].n.currency[0] && strcmp(on[j].n.currency, rn[i].n.currency) != 0)
                continue;
            uint32_t onoun = counted_noun(&au->o, on[j].sent, on[j].n.end);
            if (onoun && rnoun && onoun != rnoun && on[j].n.kind == ND_NUM_COUNT) continue;  /* other things counted */
            candidates++;
            if (pick == no || (onoun && onoun == rnoun)) pick = j;
        }
        if (pick == no) continue;
        on[pick].used = 1;
        rn[i].used = 1;
        float sim = 0;
        for (uint32_t l = 0; l < n; l++)
            if (links[l].o == on[pick].sent && links[l].sim > sim) sim = links[l].sim;
        /* a year is what dates an event: another place, another event */
        if (on[pick].n.kind == ND_NUM_YEAR && names_differ(au, on[pick].sent, r)) continue;
        /* once per origin figure per rewrite, and once per change however many sentences state it */
        int dup = 0;
        for (size_t f = 0; f < au->figures.n && !dup; f++) {
            const figure_change *fc = &au->figures.v[f];
            dup = fc->o.start == on[pick].n.start ||
                  (nd_number_same(&fc->o, &on[pick].n) && nd_number_same(&fc->r, &rn[i].n));
        }
        if (dup) continue;
        if (nd_vec_push(&au->figures, ((figure_change){ on[pick].n, rn[i].n }))) {
            au->oom = 1;
            return;
        }
        const nd_number *a = &on[pick].n, *b = &rn[i].n;
        size_t ospk = claim_speaker(au, &au->o, on[pick].sent), rspk = claim_speaker(au, &au->r, r);
        size_t detail = put_fmt(au, "number: %.*s -> %.*s", SHOW(au->o.text, a->start, a->end),
                                SHOW(au->r.text, b->start, b->end));
        emit(au, ND_DRIFT_NUMBER_CHANGED, on[pick].sent, r, ospk, rspk, detail,
             (candidates == 1 ? 0.8f : 0.65f) * link_factor(sim));
    }
}

/* ---- roles ------------------------------------------------------------------- */

/* Parses the roles of person p of v from role `first` on into one role. */
static void parse_roles(const doc_view *v, uint32_t first, int only_first, nd_role *out)
{
    memset(out, 0, sizeof *out);
    for (uint32_t i = first; i != ND_ATTRIB_NONE; i = v->attr.roles[i].next) {
        const nd_role_mention *m = &v->attr.roles[i];
        nd_role one;
        nd_role_parse(v->text + m->span[0], m->span[1] - m->span[0], m->span[0] == v->tok.sent[m->sent].start, &one);
        for (uint32_t k = 0; k < one.n && out->n < ND_ROLE_MAX_PARTS; k++) out->part[out->n++] = one.part[k];
        if (only_first) break;
    }
}

/* The origin role mention of person p that has title `head`, else the first. */
static uint32_t role_with_head(const doc_view *v, uint32_t first, uint16_t head)
{
    for (uint32_t i = first; i != ND_ATTRIB_NONE; i = v->attr.roles[i].next) {
        nd_role one;
        const nd_role_mention *m = &v->attr.roles[i];
        nd_role_parse(v->text + m->span[0], m->span[1] - m->span[0], m->span[0] == v->tok.sent[m->sent].start, &one);
        for (uint32_t k = 0; k < one.n; k++)
            if (one.part[k].head == head) return i;
    }
    return first;
}

static void check_roles(auditor *au)
{
    const nd_attrib *oa = &au->o.attr, *ra = &au->r.attr;
    for (uint32_t q = 0; q < ra->npersons; q++) {
        uint32_t rr = ra->persons[q].role;
        if (rr == ND_ATTRIB_NONE) continue;
        uint32_t p = ND_ATTRIB_NONE;
        int many = 0;
        for (uint32_t k = 0; k < oa->npersons; k++)
            if (nd_person_same(au->o.text, oa, k, au->r.text, ra, q)) {
                many |= p != ND_ATTRIB_NONE;
                p = k;
            }
        if (p == ND_ATTRIB_NONE || many || oa->persons[p].role == ND_ATTRIB_NONE) continue;
        nd_role orole, rrole;
        parse_roles(&au->o, oa->persons[p].role, 0, &orole);
        parse_roles(&au->r, rr, 1, &rrole);
        if (!rrole.n || !nd_role_differs(&orole, &rrole)) continue;
        uint32_t om = role_with_head(&au->o, oa->persons[p].role, rrole.part[0].head);
        const nd_role_mention *a = &oa->roles[om], *b = &ra->roles[rr];
        size_t ospk = person_str(au, &au->o, p), rspk = person_str(au, &au->r, q);
        size_t detail = put_fmt(au, "role of %s: %.*s -> %.*s", last_str(au, ospk),
                                SHOW(au->o.text, a->span[0], a->span[1]), SHOW(au->r.text, b->span[0], b->span[1]));
        emit(au, ND_DRIFT_ROLE_CHANGED, a->sent, b->sent, ospk, rspk, detail, 0.8f);
    }
}

/* ---- one rewrite ------------------------------------------------------------- */

static int cmp_by_o(const void *x, const void *y)
{
    const nd_link *a = x, *b = y;
    if (a->o != b->o) return a->o < b->o ? -1 : 1;
    return (a->r > b->r) - (a->r < b->r);
}

static int load(auditor *au, const nd_corpus *c, uint32_t doc, doc_view *v)
{
    v->text = nd_doc_text(c, doc, &v->len);
    return nd_features_of_text(au->tk, v->text, v->len, au->max_sentences, &v->tok, &v->feat) ||
                   nd_attrib_extract(au->ax, v->text, v->len, v->tok.sent, v->tok.nsent, &v->attr)
               ? -1
               : 0;
}

/* Marks the origin's tokens that hedge ("may", "it is possible that"). */
static int mark_hedges(auditor *au)
{
    const nd_tokens *t = &au->o.tok;
    au->ohedge.n = 0;
    if (nd_vec_reserve(&au->ohedge, (size_t)t->ntok + 1)) return -1;
    memset(au->ohedge.v, 0, (size_t)t->ntok + 1);
    au->ohedge.n = t->ntok;
    for (uint32_t s = 0; s < t->nsent; s++) {
        const nd_sentence *se = &t->sent[s];
        nd_hedge h[MAX_HEDGES];
        size_t nh = nd_hedges_find(au->o.text + se->start, se->end - se->start, h, MAX_HEDGES);
        for (size_t k = 0; k < nh && k < MAX_HEDGES; k++) {
            uint32_t first, last;
            tokens_within(t, se->start + h[k].start, se->start + h[k].end, &first, &last);
            memset(au->ohedge.v + first, 1, last - first);
        }
    }
    return 0;
}

/* Which drifts a rewrite sentence carries one of: it has one speaker, and
 * one way of being sure; figures and quotations are counted each. */
static int one_per_sentence(nd_drift_type t)
{
    switch (t) {
    case ND_DRIFT_ATTRIBUTION_CHANGED:
    case ND_DRIFT_ATTRIBUTION_DROPPED:
    case ND_DRIFT_ATTRIBUTION_TO_ORG: return 1;
    case ND_DRIFT_HEDGE_REMOVED: return 2;
    default: return 0;
    }
}

/* Keeps, of the drifts from out[from] on that a rewrite sentence carries one
 * of, the surest: two origin sentences alike may both link to it. */
static void one_each(auditor *au, size_t from)
{
    size_t w = from;
    for (size_t i = from; i < au->out.n; i++) {
        const nd_drift *d = &au->out.v[i].d;
        int kind = one_per_sentence(d->type), keep = 1;
        for (size_t j = from; j < au->out.n && keep && kind; j++) {
            const nd_drift *e = &au->out.v[j].d;
            if (j == i || one_per_sentence(e->type) != kind || e->rewrite_span[0] != d->rewrite_span[0]) continue;
            keep = e->confidence < d->confidence || (e->confidence == d->confidence && j > i);
        }
        if (keep) au->out.v[w++] = au->out.v[i];
    }
    au->out.n = w;
}

static int compare(auditor *au)
{
    size_t from = au->out.n;
    if (nd_align(&au->o.feat, &au->r.feat, &au->al) ||
        nd_link_sentences(&au->o.tok, &au->o.attr, &au->r.tok, &au->r.attr, &au->al, au->r.text, &au->links))
        return -1;
    uint32_t nl = au->links.n;
    if (nl > au->cap_by_o) {
        nd_link *p = realloc(au->by_o, (size_t)nl * sizeof *p);
        if (!p) return -1;
        au->by_o = p;
        au->cap_by_o = nl;
    }
    if (au->r.tok.nsent + 1 > au->cap_best) {
        float *b = realloc(au->best, ((size_t)au->r.tok.nsent + 1) * sizeof *b);
        if (!b) return -1;
        au->best = b;
        au->cap_best = au->r.tok.nsent + 1;
    }
    memset(au->best, 0, ((size_t)au->r.tok.nsent + 1) * sizeof *au->best);
    for (uint32_t i = 0; i < nl; i++)
        if (au->links.v[i].sim > au->best[au->links.v[i].r]) au->best[au->links.v[i].r] = au->links.v[i].sim;
    au->quotes_done.n = au->attr_quotes.n = 0;
    if (nl) memcpy(au->by_o, au->links.v, (size_t)nl * sizeof *au->by_o);
    if (nl) qsort(au->by_o, nl, sizeof *au->by_o, cmp_by_o);
    for (uint32_t i = 0; i < nl;) {
        uint32_t j = i;
        while (j < nl && au->by_o[j].o == au->by_o[i].o) j++;
        check_attribution(au, au->by_o[i].o, au->by_o + i, j - i);
        check_hedges(au, au->by_o[i].o, au->by_o + i, j - i);
        i = j;
    }
    au->figures.n = 0;
    for (uint32_t i = 0; i < nl;) {
        uint32_t j = i;
        while (j < nl && au->links.v[j].r == au->links.v[i].r) j++;
        check_numbers(au, au->links.v[i].r, au->links.v + i, j - i);
        i = j;
    }
    check_roles(au);
    one_each(au, from);
    return au->oom ? -1 : 0;
}

static int cmp_pending(const void *x, const void *y)
{
    const pending *a = x, *b = y;
    if (a->d.rewrite_span[0] != b->d.rewrite_span[0]) return a->d.rewrite_span[0] < b->d.rewrite_span[0] ? -1 : 1;
    return (a->d.type > b->d.type) - (a->d.type < b->d.type);
}

/* Moves the pending drifts into one malloc'd block: the array, then the
 * strings (nd_result_free frees the block). */
static int pack(auditor *au, nd_cluster *cl)
{
    free(cl->drifts);
    cl->drifts = NULL;
    cl->ndrifts = 0;
    size_t n = au->out.n;
    if (!n) return 0;
    char *block = malloc(n * sizeof(nd_drift) + au->str.n);
    if (!block) return -1;
    nd_drift *d = (nd_drift *)block;
    char *strings = block + n * sizeof(nd_drift);
    memcpy(strings, au->str.v, au->str.n);
    for (size_t i = 0; i < n; i++) {
        const pending *p = &au->out.v[i];
        d[i] = p->d;
        d[i].origin_speaker = p->ospk == NO_STR ? NULL : strings + p->ospk;
        d[i].rewrite_speaker = p->rspk == NO_STR ? NULL : strings + p->rspk;
        d[i].detail = p->detail == NO_STR ? NULL : strings + p->detail;
    }
    cl->drifts = d;
    cl->ndrifts = (uint32_t)n;
    return 0;
}

static void view_free(doc_view *v)
{
    nd_tokens_free(&v->tok);
    nd_features_free(&v->feat);
    nd_attrib_free(&v->attr);
}

nd_status nd_audit(nd_corpus *c, nd_result *r, nd_error *err)
{
    if (!c || !r) return nd_fail(err, ND_EINVAL, "audit needs a corpus and a scan result");
    nd_status kept = nd_corpus_need_text(c, "the audit", err);
    if (kept) return kept;
    auditor au = { 0 };
    au.max_sentences = c->opt.max_sentences;
    au.tk = nd_tokeniser_new();
    au.ax = nd_attrib_ctx_new();
    nd_status st = ND_OK;
    if (!au.tk || !au.ax) {
        st = nd_fail(err, ND_ENOMEM, "out of memory starting the audit");
        goto done;
    }
    for (size_t k = 0; k < r->nclusters; k++) {
        nd_cluster *cl = &r->clusters[k];
        au.out.n = au.str.n = 0;
        if (cl->origin >= nd_corpus_size(c)) {
            st = nd_fail(err, ND_EINVAL, "cluster %u names document %u, but the corpus has %u", cl->id, cl->origin,
                         nd_corpus_size(c));
            goto done;
        }
        if (load(&au, c, cl->origin, &au.o) || mark_hedges(&au)) {
            st = nd_fail(err, ND_ENOMEM, "out of memory auditing %s", nd_doc_id(c, cl->origin));
            goto done;
        }
        for (uint32_t i = 0; i < cl->nmembers; i++) {
            const nd_member *m = &cl->members[i];
            if (m->doc == cl->origin || m->relation == ND_ORIGIN || m->doc >= nd_corpus_size(c)) continue;
            au.rdoc = m->doc;
            if (load(&au, c, m->doc, &au.r) || compare(&au)) {
                st = nd_fail(err, ND_ENOMEM, "out of memory auditing %s against %s", nd_doc_id(c, m->doc),
                             nd_doc_id(c, cl->origin));
                goto done;
            }
        }
        /* each rewrite's drifts stay together, in the order of its text */
        size_t from = 0;
        for (size_t i = 1; i <= au.out.n; i++)
            if (i == au.out.n || au.out.v[i].d.doc != au.out.v[from].d.doc) {
                qsort(au.out.v + from, i - from, sizeof *au.out.v, cmp_pending);
                from = i;
            }
        if (pack(&au, cl)) {
            st = nd_fail(err, ND_ENOMEM, "out of memory storing the drifts of cluster %u", cl->id);
            goto done;
        }
        nd_corpus_progress(c, "audit", k + 1, r->nclusters);
    }
    r->audited = 1;
done:
    view_free(&au.o);
    view_free(&au.r);
    nd_alignment_free(&au.al);
    nd_links_free(&au.links);
    free(au.by_o);
    free(au.best);
    nd_vec_free(&au.quotes_done);
    nd_vec_free(&au.ohedge);
    nd_vec_free(&au.attr_quotes);
    nd_vec_free(&au.out);
    nd_vec_free(&au.str);
    nd_vec_free(&au.figures);
    nd_attrib_ctx_free(au.ax);
    nd_tokeniser_free(au.tk);
    return st;
}

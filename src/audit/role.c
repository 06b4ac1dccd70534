#include "role.h"

#include <string.h>

#include "../normalise/fold.h"
#include "words.h"
#include "../tokenise/tokenise.h"

typedef struct {
    const char *word;
    uint16_t group;  /* titles: synonym group; qualifiers: bit number */
} lex;

/* Title nouns; words sharing a group are paraphrases of one another. */
static const lex titles[] = {
    { "professor", 1 }, { "prof", 1 }, { "lecturer", 2 }, { "researcher", 3 }, { "scientist", 3 },
    { "scholar", 3 }, { "physicist", 3 }, { "chemist", 3 }, { "biologist", 3 }, { "epidemiologist", 3 },
    { "virologist", 3 }, { "psychologist", 3 }, { "sociologist", 3 }, { "student", 4 }, { "fellow", 5 },
    { "director", 6 }, { "president", 7 }, { "chairman", 8 }, { "chairwoman", 8 }, { "chair", 8 },
    { "chairperson", 8 }, { "ceo", 9 }, { "cto", 10 }, { "cfo", 11 }, { "coo", 12 }, { "founder", 13 },
    { "manager", 14 }, { "analyst", 15 }, { "economist", 16 }, { "spokesperson", 17 }, { "spokesman", 17 },
    { "spokeswoman", 17 }, { "minister", 18 }, { "secretary", 19 }, { "senator", 20 },
    { "representative", 21 }, { "congressman", 21 }, { "congresswoman", 21 }, { "lawmaker", 22 },
    { "governor", 23 }, { "mayor", 24 }, { "ambassador", 25 }, { "adviser", 26 }, { "advisor", 26 },
    { "consultant", 27 }, { "employee", 28 }, { "staffer", 28 }, { "worker", 28 }, { "partner", 29 },
    { "editor", 30 }, { "reporter", 31 }, { "journalist", 31 }, { "correspondent", 31 }, { "author", 32 },
    { "writer", 32 }, { "doctor", 33 }, { "physician", 33 }, { "surgeon", 34 }, { "nurse", 35 },
    { "lawyer", 36 }, { "attorney", 36 }, { "counsel", 36 }, { "judge", 37 }, { "commissioner", 38 },
    { "head", 39 }, { "leader", 39 }, { "member", 40 }, { "alumnus", 41 }, { "alumna", 41 },
    { "alumni", 41 }, { "alum", 41 }, { "graduate", 41 }, { "investor", 42 }, { "strategist", 43 },
    { "dean", 44 }, { "chancellor", 45 }, { "historian", 46 }, { "expert", 47 }, { "specialist", 47 },
    { "official", 48 }, { "engineer", 49 }, { "developer", 50 }, { "programmer", 50 }, { "designer", 51 },
    { "owner", 52 }, { "trader", 53 }, { "coach", 54 }, { "captain", 55 }, { "inspector", 56 },
    { "prosecutor", 57 }, { "executive", 58 }, { "teacher", 59 }, { "instructor", 59 }, { "officer", 60 },
    { "chief", 61 }, { "superintendent", 62 }, { "treasurer", 63 }, { "auditor", 64 },
    { "administrator", 65 }, { "organiser", 66 }, { "organizer", 66 }, { "campaigner", 67 },
    { "activist", 67 }, { "pilot", 68 }, { "architect", 69 }, { "planner", 70 }, { "councillor", 71 },
    { "councilor", 71 }, { "headteacher", 72 }, { "principal", 72 }, { "midfielder", 73 },
    { "striker", 74 }, { "defender", 75 }, { "goalkeeper", 76 }, { "technician", 77 }, { "operator", 78 },
    { "trustee", 79 }, { "deputy", 80 }, { "substitute", 81 }, { "winger", 82 }, { "forward", 83 },
    { "clerk", 84 }, { "commander", 85 }, { "steward", 86 }, { "negotiator", 87 }, { "registrar", 88 },
    { "hydrologist", 3 }, { "geologist", 3 }, { "meteorologist", 3 }, { "statistician", 3 },
};

/* "chief executive" and friends name one title, not a qualifier and a title. */
static const struct {
    const char *first, *second;
    uint16_t group;
} compounds[] = {
    { "chief", "executive", 9 }, { "chief", "technology", 10 }, { "chief", "financial", 11 },
    { "chief", "operating", 12 },
};

static const lex quals[] = {
    { "assistant", 0 }, { "associate", 1 }, { "adjunct", 2 }, { "former", 3 }, { "ex", 3 }, { "formerly", 3 },
    { "acting", 4 }, { "interim", 5 }, { "deputy", 6 }, { "senior", 7 }, { "principal", 8 },
    { "vice", 9 }, { "emeritus", 10 }, { "visiting", 11 }, { "junior", 12 }, { "lead", 13 },
    { "co", 14 }, { "managing", 15 }, { "retired", 16 }, { "outgoing", 17 }, { "incoming", 18 },
    { "honorary", 19 }, { "clinical", 20 }, { "postdoctoral", 21 },
};

static const char *const honorifics[] = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "rev", "reverend", "fr",
};

/* Words that end the title part of a role: what follows says where. */
static const char *const prepositions[] = {
    "at", "of", "in", "for", "with", "from", "on", "to", "within", "under", "behind", "who", "that",
    "which", "whose", "since", "until", "by",
};

/* Capitalised words that say what kind of organisation, not which one. */
static const char *const generic_org[] = {
    "university", "college", "institute", "school", "lab", "laboratory", "labs", "research", "center",
    "centre", "department", "group", "inc", "corp", "company", "ltd", "llc", "foundation",
    "association", "society", "council", "office", "ministry", "the", "of", "and", "for", "national",
    "international", "phd",
};

static const char *const articles[] = { "a", "an", "the", "its", "his", "her", "their" };


static const lex *find_lex(const lex *t, size_t nt, const char *w, size_t n)
{
    for (size_t i = 0; i < nt; i++)
        if (nd_word_is(w, n, t[i].word)) return &t[i];
    return NULL;
}

#define NTITLES (sizeof titles / sizeof titles[0])
#define NQUALS (sizeof quals / sizeof quals[0])
#define LEN(a) (sizeof a / sizeof a[0])

/* w without a possessive ending ("Microsoft's", "Microsoft’s"). */
static size_t strip_possessive(const char *w, size_t n)
{
    if (n > 2 && w[n - 1] == 's' && w[n - 2] == '\'') return n - 2;
    if (n > 4 && w[n - 1] == 's' && memcmp(w + n - 4, "\xe2\x80\x99", 3) == 0) return n - 4;
    return n;
}

int nd_role_word(const char *w, size_t n)
{
    if (n && w[n - 1] == '.') n--;
    n = strip_possessive(w, n);
    if (find_lex(titles, NTITLES, w, n)) return ND_ROLE_TITLE;
    if (find_lex(quals, NQUALS, w, n)) return ND_ROLE_QUAL;
    if (nd_word_in(honorifics, LEN(honorifics), w, n)) return ND_ROLE_HONORIFIC;
    return ND_ROLE_NONE;
}

typedef struct {
    const char *s;
    uint32_t start, end;
} word;

/* Splits s[0..n) into words at spaces and hyphens ("co-founder" is two
 * words), trimming punctuation; returns how many (at most cap). */
static size_t split_words(const char *s, size_t n, word *w, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < cap;) {
        size_t len;
        int cp = nd_utf8_next(s + i, n - i, &len);
        if (!(nd_is_letter(cp) || nd_is_digit(cp))) {
            i += len;
            continue;
        }
        size_t e = i;
        while (e < n) {
            cp = nd_utf8_next(s + e, n - e, &len);
            if (nd_is_letter(cp) || nd_is_digit(cp) || cp == '\'' || cp == 0x2019 || cp == '.' || cp == '&') e += len;
            else break;
        }
        while (e > i && (s[e - 1] == '.' || s[e - 1] == '\'')) e--;
        w[k++] = (word){ s, (uint32_t)i, (uint32_t)e };
        i = e;
    }
    return k;
}

static int is_capitalised(const word *w)
{
    size_t len;
    return nd_is_upper(nd_utf8_next(w->s + w->start, w->end - w->start, &len));
}

static void add_org(nd_role_part *p, const word *w)
{
    const char *s = w->s + w->start;
    size_t n = strip_possessive(s, w->end - w->start);
    if (nd_word_in(generic_org, LEN(generic_org), s, n) || nd_word_in(articles, LEN(articles), s, n) ||
        p->norg >= ND_ROLE_MAX_ORG)
        return;
    char f[64];
    size_t fl = nd_fold(s, n, f, sizeof f);
    p->org[p->norg++] = nd_word_hash(f, fl);
}

/* Lower-case words a title may carry that are neither title nor qualifier
 * ("night-shift nurse", "chief medical officer"): more, and it is a clause,
 * not a title ("the tax increase will cost the owner"). */
#define MAX_MODIFIERS 2

/* Parses one part (one title) of a role from words w[0..n); `initial`: w[0]
 * opens a sentence, so its capital does not make it a name unless a name or
 * a possessive goes on from it ("Tervana Capital's", not "Credit analyst"). */
static void parse_part(const word *w, size_t n, int initial, nd_role_part *p)
{
    memset(p, 0, sizeof *p);
    int in_title = 1, modifiers = 0;
    for (size_t i = 0; i < n; i++) {
        const char *s = w[i].s + w[i].start;
        size_t len = w[i].end - w[i].start;
        size_t base = strip_possessive(s, len);
        /* what follows says where, unless the word joins an organisation's name ("Institute of Technology's") */
        if (in_title && nd_word_in(prepositions, LEN(prepositions), s, len) &&
            !(i > 0 && i + 1 < n && is_capitalised(&w[i - 1]) && is_capitalised(&w[i + 1]))) {
            in_title = 0;
            continue;
        }
        if (nd_word_in(prepositions, LEN(prepositions), s, len) && (nd_word_is(s, len, "who") || nd_word_is(s, len, "that") ||
                                                                  nd_word_is(s, len, "which")))
            break;  /* a relative clause says what they did, not what they are */
        const lex *t;
        if (in_title) {
            int compound = 0;
            for (size_t c = 0; c < LEN(compounds) && i + 1 < n; c++)
                if (nd_word_is(s, len, compounds[c].first) &&
                    nd_word_is(w[i + 1].s + w[i + 1].start, w[i + 1].end - w[i + 1].start, compounds[c].second)) {
                    p->head = compounds[c].group;
                    compound = 1;
                    i++;
                    if (i + 1 < n && nd_word_is(w[i + 1].s + w[i + 1].start, w[i + 1].end - w[i + 1].start, "officer")) i++;
                    break;
                }
            if (compound) continue;
            /* "principal researcher": a qualifier when a title follows it */
            const lex *q = find_lex(quals, NQUALS, s, base);
            int title_follows = 0;
            for (size_t j = i + 1; j < n && !title_follows; j++) {
                const char *sj = w[j].s + w[j].start;
                size_t lj = w[j].end - w[j].start;
                if (nd_word_in(prepositions, LEN(prepositions), sj, lj)) break;
                title_follows = find_lex(titles, NTITLES, sj, lj) != NULL;
            }
            if (q && (title_follows || !find_lex(titles, NTITLES, s, base))) {
                p->quals |= 1u << q->group;
                continue;
            }
            if ((t = find_lex(titles, NTITLES, s, base)) && base == len) {
                p->head = t->group;
                continue;
            }
            int article = nd_word_in(articles, LEN(articles), s, len);
            if ((article && i > 0) || (!article && !is_capitalised(&w[i]) && base == len && ++modifiers > MAX_MODIFIERS)) {
                p->head = 0;  /* a clause, not a title */
                return;
            }
        }
        int positional = initial && i == 0 && base == len && !(i + 1 < n && is_capitalised(&w[i + 1]));
        if (is_capitalised(&w[i]) && !nd_role_word(s, len) && !positional) add_org(p, &w[i]);
    }
}

/* Splits at "and", "&" and ";" into titles. */
uint32_t nd_role_parse(const char *s, size_t n, int initial, nd_role *out)
{
    word w[48];
    size_t nw = split_words(s, n, w, 48);
    memset(out, 0, sizeof *out);
    uint32_t known = 0;
    size_t from = 0;
    for (size_t i = 0; i <= nw && out->n < ND_ROLE_MAX_PARTS; i++) {
        int split = i == nw;
        if (!split) {
            const char *x = s + w[i].start;
            size_t len = w[i].end - w[i].start;
            split = nd_word_is(x, len, "and") || nd_word_is(x, len, "&") ||
                    (i > from && memchr(s + w[i - 1].end, ';', w[i].start - w[i - 1].end) != NULL);
        }
        if (!split) continue;
        size_t to = i;
        if (to > from) {
            nd_role_part *p = &out->part[out->n];
            parse_part(w + from, to - from, initial && from == 0, p);
            if (p->head) {
                out->n++;
                known++;
            }
        }
        from = i + (i < nw && (nd_word_is(s + w[i].start, w[i].end - w[i].start, "and") ||
                               nd_word_is(s + w[i].start, w[i].end - w[i].start, "&")));
    }
    return known;
}

static int orgs_meet(const nd_role_part *a, const nd_role_part *b)
{
    if (!a->norg || !b->norg) return 1;
    for (uint32_t i = 0; i < a->norg; i++)
        for (uint32_t j = 0; j < b->norg; j++)
            if (a->org[i] == b->org[j]) return 1;
    return 0;
}

int nd_role_differs(const nd_role *o, const nd_role *r)
{
    if (!o->n) return 0;
    for (uint32_t i = 0; i < r->n; i++) {
        const nd_role_part *pr = &r->part[i];
        const nd_role_part *po = NULL;
        for (uint32_t j = 0; j < o->n && !po; j++)
            if (o->part[j].head == pr->head) po = &o->part[j];
        if (!po || po->quals != pr->quals || !orgs_meet(po, pr)) return 1;
    }
    return 0;
}

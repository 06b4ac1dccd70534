#include "attrib.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../normalise/fold.h"
#include "words.h"
#include "hedge.h"
#include "role.h"

#define QMARK '\x1e'          /* stands for a blanked quotation in the masked text */
#define MAX_NAME_WORDS 6
#define MIN_QUOTE_WORDS 4     /* shorter quotations without closing punctuation are scare quotes */
#define MAX_ROLE_WORDS 16
#define MAX_ROLES 8           /* roles kept per person */
#define PRONOUN_REACH 8       /* sentences back a he/she may look for the person it stands for */
#define TITLE_WORDS 12        /* words of a title before a name: "Palermo Institute of Technology's acting dean of ..." */

/* Word lists, lower case. */
static const char *const org_nouns[] = {
    "company", "firm", "startup", "start-up", "ministry", "government", "agency", "department",
    "organisation", "organization", "group", "university", "institute", "council", "commission",
    "committee", "court", "police", "regulator", "authority", "board", "bank", "union", "party", "team",
    "club", "hospital", "school", "office", "administration", "embassy", "army", "military",
    "manufacturer", "maker", "carmaker", "chipmaker", "automaker", "airline", "retailer", "insurer",
    "lender", "exchange", "fund", "network", "platform", "utility", "charity", "coalition", "alliance",
    "federation", "association", "league", "body", "watchdog", "foundation", "lab", "laboratory",
    "studio", "publisher", "newspaper", "outlet", "broadcaster", "operator", "trust", "cabinet",
    "parliament", "prosecution", "defence", "defense", "side", "campaign", "chamber",
};

/* Sources that are not anyone in particular. */
static const char *const vague_nouns[] = {
    "report", "reports", "study", "studies", "survey", "paper", "whitepaper", "analysis", "statement",
    "filing", "letter", "document", "memo", "review", "research", "data", "figures", "poll",
    "investigation", "audit", "estimate", "estimates", "forecast", "assessment", "release",
    "announcement", "post", "blog", "article", "website", "presentation", "complaint", "lawsuit",
    "ruling", "indictment", "experts", "analysts", "officials", "researchers", "scientists", "critics",
    "observers", "sources", "insiders", "executives", "investors", "economists", "authorities",
    "residents", "witnesses", "people", "users", "employees", "workers", "staff", "members",
    "lawmakers", "regulators", "prosecutors", "doctors", "engineers", "developers", "commentators",
    "campaigners", "activists", "supporters", "opponents", "leaders", "managers", "parents",
    "teachers", "students", "fans", "others", "many", "some", "both", "scholars", "academics",
    "evidence", "records", "documents", "filings", "media",
};

static const char *const determiners[] = {
    "the", "a", "an", "its", "his", "her", "their", "this", "that", "one", "another", "some", "many",
    "several", "most", "other", "two", "three", "four", "few",
};

/* Capitalised words that open sentences, not names. */
static const char *const openers[] = {
    "but", "and", "or", "so", "yet", "however", "meanwhile", "still", "also", "then", "in", "on", "at",
    "for", "when", "while", "after", "before", "as", "if", "now", "today", "yesterday", "last", "this",
    "that", "these", "those", "the", "a", "an", "despite", "although", "though", "since", "because",
    "according", "like", "unlike", "with", "without", "from", "by", "of", "to", "why", "what", "how",
    "where", "asked", "speaking", "earlier", "later", "instead", "indeed", "overall", "ultimately",
    "separately", "similarly", "finally", "first", "second", "here", "there", "its", "his", "her",
    "their", "our", "my", "your", "we", "i", "he", "she", "it", "they", "not", "no", "yes", "many",
    "some", "most", "all", "both", "several", "other", "based", "once", "under", "over", "during",
    "until", "even", "only", "just", "whether", "which", "who", "whose", "every", "each", "any",
};

/* Words that make a capitalised run an organisation, not a person. */
static const char *const org_words[] = {
    "university", "college", "institute", "school", "ministry", "department", "agency", "inc", "corp",
    "corporation", "company", "co", "ltd", "llc", "plc", "group", "holdings", "bank", "fund",
    "foundation", "association", "society", "council", "commission", "committee", "court", "police",
    "office", "administration", "authority", "board", "bureau", "service", "services", "lab", "labs",
    "laboratory", "research", "center", "centre", "academy", "times", "news", "post", "journal",
    "review", "press", "network", "systems", "technologies", "technology", "cloud", "motors",
    "airlines", "airways", "partners", "capital", "ventures", "energy", "pharmaceuticals", "health",
    "hospital", "party", "union", "federation", "alliance", "coalition", "club", "trust", "parliament",
    "congress", "senate", "assembly", "government", "army", "navy", "force", "guard", "museum",
    "library", "studio", "studios", "media", "global", "international", "national", "endowment",
    "exchange", "securities", "markets", "organisation", "organization", "initiative", "project",
    "programme", "program", "team", "fc", "united", "city", "county", "state", "street", "road",
    "river", "park", "square", "station", "airport", "hall", "house", "church", "republic", "kingdom",
    "east", "west", "north", "south", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august",
    "september", "october", "november", "december", "model", "models", "chips", "act", "bill",
    "chamber", "commerce", "bay", "valley", "island", "port", "harbour", "harbor", "hills",
};

static const char *const particles[] = {
    "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "bin", "ibn", "al",
    "el", "dos", "das", "y", "ter",
};

/* Adverbs a role may open with: "currently a professor at ...". */
static const char *const role_adverbs[] = { "currently", "now", "previously", "also", "then", "still" };

/* What joins an organisation's kind to its name: "Chamber of Commerce". */
static const char *const org_links[] = { "of", "for" };

/* What joins a title to its field: "director of nursing". */
static const char *const title_links[] = { "of", "for", "in" };

/* Who speaks for a source: "a spokesperson for the ministry". */
static const char *const voices[] = { "spokesperson", "spokesman", "spokeswoman", "representative", "spokespeople" };

/* What joins a voice or a document to its source: "an estimate from ...". */
static const char *const sources[] = { "from", "by", "of", "for" };

/* What joins a person to the body they are with: "Rosa De Vries of Evergreen Motors". */
static const char *const affiliations[] = { "of", "at", "from" };

static const char *const prepositions[] = {
    "by", "of", "to", "with", "for", "from", "about", "like", "than", "at", "on", "in", "into", "over",
    "against", "between", "among", "toward", "towards", "under", "via", "including",
};

#define LEN(a) (sizeof a / sizeof a[0])

enum {
    PAT_SUBJECT, PAT_INVERTED, PAT_ACCORDING, PAT_BY, PAT_RELATIVE, PAT_PARTICIPLE, PAT_COORD, PAT_LEAD_ORG, PAT_COPULA,
    PAT_NAME,
    NPAT
};

typedef struct {
    uint32_t start, end;
} span;

/* What a speaker phrase turned out to be, before names are resolved. */
enum { PH_NAME = 1, PH_ORG, PH_VAGUE, PH_PRONOUN };

typedef struct candidate {
    uint32_t sent;
    uint8_t ph;            /* PH_* */
    uint8_t cue;
    uint32_t speaker[2];   /* name, phrase or pronoun */
    uint32_t frame[2];
    uint32_t content[2];
    uint32_t person;       /* resolved person, or ND_ATTRIB_NONE */
    uint8_t kind;          /* resolved nd_speaker_kind */
} candidate;

typedef struct {
    span name;
    uint8_t marked;        /* followed by "who" or an age: a person, even untitled */
} name_run;

struct nd_attrib_ctx {
    pcre2_code *re[NPAT];
    pcre2_match_data *md;
    candidate *cand;
    uint32_t ncand, capcand;
    name_run *runs;        /* full names seen anywhere, for resolving surnames that speak */
    uint32_t nruns, capruns;
};

/* ---- small text helpers ------------------------------------------------ */


static int is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static int cp_at(const char *s, size_t n, size_t i, size_t *len)
{
    return nd_utf8_next(s + i, n - i, len);
}

static int is_word_cp(int cp) { return nd_is_letter(cp) || nd_is_digit(cp); }

/* Words of t[start..end): letters, digits and inner apostrophes, hyphens and
 * dots ("O'Brien", "Núñez", "Jr."); returns how many (at most cap). */
static size_t words_of(const char *t, uint32_t start, uint32_t end, span *w, size_t cap)
{
    size_t k = 0, i = start;
    while (i < end && k < cap) {
        size_t len;
        int cp = cp_at(t, end, i, &len);
        if (!is_word_cp(cp)) {
            i += len;
            continue;
        }
        size_t e = i;
        while (e < end) {
            cp = cp_at(t, end, e, &len);
            if (is_word_cp(cp) || cp == '\'' || cp == 0x2019 || cp == '-' || cp == '.') e += len;
            else break;
        }
        while (e > i && (t[e - 1] == '.' || t[e - 1] == '-' || t[e - 1] == '\'')) e--;
        w[k++] = (span){ (uint32_t)i, (uint32_t)e };
        i = e;
    }
    return k;
}

static int capitalised(const char *t, span w)
{
    size_t len;
    return nd_is_upper(cp_at(t, w.end, w.start, &len));
}

/* Two or more upper-case letters and nothing lower case: AI, MIT, CEO. */
static int all_caps(const char *t, span w)
{
    int upper = 0;
    for (size_t i = w.start; i < w.end;) {
        size_t len;
        int cp = cp_at(t, w.end, i, &len);
        if (nd_is_letter(cp) && !nd_is_upper(cp)) return 0;
        upper += nd_is_upper(cp);
        i += len;
    }
    return upper >= 2;
}

static int has_digit(const char *t, span w)
{
    for (uint32_t i = w.start; i < w.end; i++)
        if (t[i] >= '0' && t[i] <= '9') return 1;
    return 0;
}

/* Length of w without a possessive ending ("Energy's", "Ødegård’s"). */
static uint32_t bare_len(const char *t, span w)
{
    uint32_t n = w.end - w.start;
    const char *s = t + w.start;
    if (n > 2 && s[n - 1] == 's' && s[n - 2] == '\'') return n - 2;
    if (n > 4 && s[n - 1] == 's' && memcmp(s + n - 4, "\xe2\x80\x99", 3) == 0) return n - 4;
    return n;
}

static int possessive(const char *t, span w)
{
    return bare_len(t, w) != w.end - w.start;
}

static int word_in(const char *t, span w, const char *const *list, size_t nlist)
{
    return nd_word_in(list, nlist, t + w.start, bare_len(t, w));
}

static int grow(void **p, uint32_t *cap, uint32_t need, size_t elem)
{
    if (need <= *cap) return 0;
    uint32_t nc = *cap ? *cap : 16;
    while (nc < need) nc *= 2;
    void *q = realloc(*p, (size_t)nc * elem);
    if (!q) return -1;
    *p = q;
    *cap = nc;
    return 0;
}

/* ---- patterns ------------------------------------------------------------ */

#define LB "(?<![\\p{L}\\p{M}\\p{Nd}'\\x{2019}\\-])"
#define NW "(?:\\p{Lu}[\\p{L}\\p{M}'\\x{2019}\\-]*|\\p{Lu}\\.)"
#define NAME NW "(?:\\s+(?:(?:de|da|del|della|di|du|van|von|der|den|la|le|bin|ibn|al|el|dos|das|y|ter)\\s+)?" NW "){0,5}"
#define PRON "(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)"
#define DET "(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]his|[Tt]hat|[Oo]ne|[Aa]nother|[Ss]ome|[Mm]any|[Ss]everal|[Mm]ost|[Oo]ther|[Tt]wo|[Tt]hree|[Ff]ew)"
/* one appositive, or two: "X, the acting director at Y, one of the six hospitals, said" */
#define APPOS "(?:\\s*,\\s*(?<ap>[^,;:!?\\x1e]{2,160}?)\\s*,(?:\\s*[^,;:!?\\x1e]{2,160}?\\s*,)?)?"
#define AFFIL "(?<af>\\s+(?:from|of|at|with)\\s+[^,;:!?.\\x1e]{1,80}?)?"
#define ADV "(?:\\s+(?:also|has|have|had|then|later|previously|recently|earlier|once|further|again|publicly|" \
    "repeatedly|reportedly|would|will|even|still|initially|first|quickly|privately|separately|openly|long|" \
    "subsequently|now))*"
#define HONOR "(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|St)\\.\\s+)?"
#define PHRASE_END "(?=\\s*(?:,|[.!?;:](?:\\s|$)|\\x1e|$))"

/* An alternation of the words in list, for a pattern. */
static size_t alternation(char *out, size_t cap, const char *const *list, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        int w = snprintf(out + k, cap - k, "%s%s", i ? "|" : "", list[i]);
        if (w < 0 || (size_t)w >= cap - k) return 0;
        k += (size_t)w;
    }
    return k;
}

/* An alternation of the cue forms whose flags, masked by `mask`, are
 * `want`.  Spaces inside forms ("pointed out") match any white space. */
static size_t cue_alternation(char *out, size_t cap, int mask, int want)
{
    size_t ncues, k = 0;
    const nd_cue *cues = nd_cues(&ncues);
    for (size_t i = 0; i < ncues; i++) {
        if ((cues[i].flags & mask) != want) continue;
        if (k && k + 1 < cap) out[k++] = '|';
        for (const char *p = cues[i].form; *p && k + 4 < cap; p++) {
            if (*p == ' ') {
                memcpy(out + k, "\\s+", 3);
                k += 3;
            } else {
                out[k++] = *p;
            }
        }
    }
    out[k] = 0;
    return k;
}

static pcre2_code *compile(const char *pattern)
{
    int errcode;
    PCRE2_SIZE erroff;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &errcode,
                                   &erroff, NULL);
    if (re) pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);  /* without JIT the interpreter still works */
    return re;
}

nd_attrib_ctx *nd_attrib_ctx_new(void)
{
    nd_attrib_ctx *x = calloc(1, sizeof *x);
    char *buf = malloc(16384), *cues = malloc(4096), *alt = malloc(4096), *nouns = malloc(4096);
    if (!x || !buf || !cues || !alt || !nouns) goto fail;
    cue_alternation(cues, 4096, ND_CUE_PARTICIPLE, 0);
    cue_alternation(alt, 4096, ND_CUE_PARTICIPLE | ND_CUE_BASE, 0);
    size_t k = alternation(nouns, 4096, org_nouns, LEN(org_nouns));
    nouns[k++] = '|';
    k += alternation(nouns + k, 4096 - k, vague_nouns, LEN(vague_nouns));
    nouns[k] = 0;
    /* a speaker in subject position: pronoun, "the company", "industry analysts", a name;
     * "<glue>": the name closes an appositive ("The deputy mayor, Jane Doe, said"), never
     * before a base form ("Marta Miller, state secretary at ...") */
    snprintf(buf, 16384,
             LB "(?<s>" PRON "|" DET "\\s+(?:[\\p{L}\\p{M}'\\x{2019}\\-]+\\s+){0,4}?[\\p{L}\\p{M}'\\x{2019}\\-]+|"
             "(?:[\\p{L}\\-]+\\s+)?(?i:%s)|" HONOR NAME ")\\b"
             "(?:(?<glue>\\s*,\\s*)(?=(?:%s)\\b)|" APPOS AFFIL ADV "\\s+)(?<cue>%s)\\b",
             nouns, alt, cues);
    x->re[PAT_SUBJECT] = compile(buf);
    /* "..., says X" and "“...,” said X" */
    snprintf(buf, 16384, "(?:\\x1e|,)\\s*(?<cue>%s)\\s+(?<s>" HONOR "[^,;:!?.\\x1e]{1,120}?)" PHRASE_END, alt);
    x->re[PAT_INVERTED] = compile(buf);
    snprintf(buf, 16384, LB "[Aa]ccording\\s+to\\s+(?<s>" HONOR "[^,;:!?.\\x1e]{1,120}?)" PHRASE_END);
    x->re[PAT_ACCORDING] = compile(buf);
    /* "By the chamber's estimate, ...", "In his account, ..." */
    x->re[PAT_BY] = compile(LB "(?:[Bb]y|[Ii]n)\\s+(?<s>" HONOR "[^,;:!?.\\x1e]{1,60}?)(?:'s|\\x{2019}s)?\\s+(?:own\\s+)?"
                               "(?<cue>estimate|count|account|reckoning|calculation|view|words|telling|assessment|"
                               "opinion)s?\\b");
    /* "DeepSeek, which claims that ..." */
    snprintf(buf, 16384,
             LB "(?<s>" DET "\\s+(?:[\\p{L}\\p{M}'\\x{2019}\\-]+\\s+){0,3}?(?i:%s)|" NAME ")\\s*,\\s*(?:which|who)" ADV
                "\\s+(?<cue>%s)\\b",
             nouns, cues);
    x->re[PAT_RELATIVE] = compile(buf);
    /* "Quist hailed the decision, and told reporters that ...": the sentence's subject speaks */
    snprintf(buf, 16384, "(?:,\\s*|\\s)and\\s+(?:then\\s+|also\\s+)?(?<cue>%s)\\b", alt);
    x->re[PAT_COORD] = compile(buf);
    /* "Quist welcomed the decision, telling reporters that ...": the same */
    cue_alternation(alt, 4096, ND_CUE_PARTICIPLE, ND_CUE_PARTICIPLE);
    snprintf(buf, 16384, ",\\s*(?<cue>%s)\\b", alt);
    x->re[PAT_PARTICIPLE] = compile(buf);
    snprintf(buf, 16384, "^(?<s>(?:[Tt]he|[Ii]ts)\\s+(?:[\\p{L}\\-]+\\s+){0,2}?(?i:%s))\\b", nouns);
    x->re[PAT_LEAD_ORG] = compile(buf);
    /* "Radu Öztürk is the acting head of communications at Fjordline": a role, said plainly */
    x->re[PAT_COPULA] = compile(LB "(?<s>" NAME ")\\s+(?:is|was|serves\\s+as|served\\s+as|works\\s+as|has\\s+been)\\s+"
                                   "(?<r>[^,;:!?\\x1e]{2,160}?)(?=\\s*(?:[,;:!?]|\\.(?:\\s|$)|\\x1e|$))");
    x->re[PAT_NAME] = compile(LB NAME "\\b");
    x->md = pcre2_match_data_create(16, NULL);
    for (int i = 0; i < NPAT; i++)
        if (!x->re[i]) goto fail;
    if (!x->md) goto fail;
    free(buf);
    free(cues);
    free(alt);
    free(nouns);
    return x;
fail:
    free(buf);
    free(cues);
    free(alt);
    free(nouns);
    nd_attrib_ctx_free(x);
    return NULL;
}

void nd_attrib_ctx_free(nd_attrib_ctx *x)
{
    if (!x) return;
    for (int i = 0; i < NPAT; i++) pcre2_code_free(x->re[i]);
    pcre2_match_data_free(x->md);
    free(x->cand);
    free(x->runs);
    free(x);
}

void nd_attrib_free(nd_attrib *a)
{
    free(a->claims);
    free(a->persons);
    free(a->roles);
    free(a->quotes);
    free(a->mentions);
    free(a->masked);
    memset(a, 0, sizeof *a);
}

/* ---- quotations -------------------------------------------------------- */

enum { Q_NONE, Q_DOUBLE, Q_CURLY, Q_GUILLEMET, Q_SINGLE, Q_CURLY_SINGLE };

/* The code point before byte i (not before floor), or ' ' at floor. */
static int cp_before(const char *t, uint32_t floor, uint32_t i)
{
    if (i <= floor) return ' ';
    uint32_t k = i - 1;
    while (k > floor && ((unsigned char)t[k] & 0xC0) == 0x80) k--;
    size_t len;
    return cp_at(t, i, k, &len);
}

/* Words in t[a..b), and whether the last non-space character is sentence
 * punctuation (a quotation that ends "...," is speech, not a scare quote). */
static uint32_t quote_words(const char *t, uint32_t a, uint32_t b, int *punct)
{
    uint32_t words = 0;
    int inword = 0;
    *punct = 0;
    for (uint32_t k = a; k < b;) {
        size_t len;
        int cp = cp_at(t, b, k, &len);
        int w = is_word_cp(cp);
        if (w && !inword) words++;
        inword = w || cp == '\'' || cp == 0x2019 || cp == '-';
        if (!is_space(cp)) *punct = cp == ',' || cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
        k += (uint32_t)len;
    }
    return words;
}

/* Finds the quotations of the paragraph t[start..end), appends them, and
 * blanks them in the masked text.  Curly, straight, guillemet and single
 * marks; a mark inside an open quotation of another kind is nested and
 * ignored; a quotation never closed is no quotation. */
static int find_quotes(const char *t, uint32_t start, uint32_t end, nd_attrib *a)
{
    int open = Q_NONE;
    uint32_t open_at = 0, interior = 0;
    for (uint32_t i = start; i < end;) {
        size_t len, nl;
        int cp = cp_at(t, end, i, &len);
        int prev = cp_before(t, start, i);
        int next = i + len < end ? cp_at(t, end, i + len, &nl) : ' ';
        int after_space = is_space(prev) || prev == '(' || prev == '[' || prev == 0x2014 || prev == 0x2013;
        int closes = 0, opens = Q_NONE;
        switch (cp) {
        case 0x201C: case 0x201E: opens = Q_CURLY; break;
        case 0x201D: closes = open == Q_CURLY || open == Q_DOUBLE; break;
        case 0x00AB: opens = Q_GUILLEMET; break;
        case 0x00BB: closes = open == Q_GUILLEMET; break;
        case '"':
            if (open == Q_DOUBLE || open == Q_CURLY) closes = 1;
            else if (after_space) opens = Q_DOUBLE;
            break;
        case 0x2018: if (after_space) opens = Q_CURLY_SINGLE; break;
        case 0x2019: closes = open == Q_CURLY_SINGLE && !nd_is_letter(next); break;
        case '\'':
            if (open == Q_SINGLE && !is_space(prev) && !nd_is_letter(next)) closes = 1;
            else if (after_space && nd_is_letter(next)) opens = Q_SINGLE;
            break;
        }
        if (closes && open != Q_NONE) {
            int punct;
            uint32_t words = quote_words(t, interior, i, &punct);
            if (words >= MIN_QUOTE_WORDS || (punct && words >= 1)) {
                if (grow((void **)&a->quotes, &a->cap_quotes, a->nquotes + 1, sizeof *a->quotes)) return -1;
                a->quotes[a->nquotes++] = (nd_quote){ interior, i, words };
                /* no pattern may read a speaker inside it; QMARK keeps its place */
                memset(a->masked + open_at, ' ', i + len - open_at);
                a->masked[i + len - 1] = QMARK;
            }
            open = Q_NONE;
        } else if (opens != Q_NONE && open == Q_NONE) {
            open = opens;
            open_at = i;
            interior = i + (uint32_t)len;
        }
        i += (uint32_t)len;
    }
    return 0;
}

/* The byte range of paragraph p's text: its sentences, and the opening marks
 * before its first sentence (sentence spans start at the first word). */
static span paragraph_range(const char *t, const nd_sentence *sent, uint32_t first, uint32_t last)
{
    uint32_t s = sent[first].start;
    uint32_t floor = first ? sent[first - 1].end : 0;
    while (s > floor) {
        uint32_t k = s - 1;
        while (k > floor && ((unsigned char)t[k] & 0xC0) == 0x80) k--;
        size_t len;
        int cp = cp_at(t, s, k, &len);
        if (!(nd_is_quote(cp) || cp == '(' || cp == ' ' || cp == '\t')) break;
        s = k;
    }
    return (span){ s, sent[last].end };
}

/* ---- speaker phrases ----------------------------------------------------- */

typedef struct {
    uint8_t ph;
    uint8_t honoured; /* an honorific came before the name ("Mr Smith"): a person, even a lone surname */
    span name;        /* the name, or the phrase as written */
    span prefix;      /* a title before the name, or {0,0} */
} phrase;

/* Classifies a capitalised name run w[0..n): PH_NAME, PH_ORG or PH_VAGUE. */
static int classify_name(const char *t, const span *w, size_t n)
{
    if (n == 1) {
        if (word_in(t, w[0], vague_nouns, LEN(vague_nouns))) return PH_VAGUE;
        return PH_NAME;  /* a surname, or an organisation: decided against the people named */
    }
    for (size_t i = 0; i < n; i++)
        if (word_in(t, w[i], org_words, LEN(org_words)) || all_caps(t, w[i]) || has_digit(t, w[i]) ||
            (i + 1 < n && possessive(t, w[i])))
            return PH_ORG;
    return PH_NAME;
}

/* Words a title may carry that are neither title nor qualifier: lower
 * case, not a function word ("chief *operating* officer", "senior *market*
 * strategist"). */
static int modifier(const char *t, span w)
{
    return w.end - w.start >= 3 && !capitalised(t, w) && !word_in(t, w, determiners, LEN(determiners)) &&
           !word_in(t, w, openers, LEN(openers)) && !word_in(t, w, prepositions, LEN(prepositions)) &&
           !nd_cue_find(t + w.start, w.end - w.start);
}

/* 1 when w, before the title word `next`, modifies it: a modifier, or a
 * verb's base form that names the kind of title ("state secretary"). */
static int title_modifier(const char *t, span w, span next)
{
    const nd_cue *c;
    return nd_role_word(t + next.start, next.end - next.start) == ND_ROLE_TITLE &&
           (modifier(t, w) || ((c = nd_cue_find(t + w.start, w.end - w.start)) && (c->flags & ND_CUE_BASE)));
}

/* How many words from w[i] on, nearest the name first, make a title's field
 * ("of nursing", "of the court", "of environmental science"): the field's
 * one or two words, maybe "the", then "of"/"for"/"in", then a title; 0 when
 * they do not. */
static size_t field_words(const char *t, const span *w, size_t i, size_t n)
{
    for (size_t k = 1; k <= 2 && i + k <= n && modifier(t, w[i + k - 1]); k++) {
        size_t l = i + k;
        if (l < n && nd_word_is(t + w[l].start, w[l].end - w[l].start, "the")) l++;
        if (l + 1 < n && word_in(t, w[l], title_links, LEN(title_links)) &&
            nd_role_word(t + w[l + 1].start, w[l + 1].end - w[l + 1].start) == ND_ROLE_TITLE)
            return l + 1 - i;
    }
    return 0;
}

/* Start of the title right before byte `at`, if any: role words
 * ("former employee"), their modifiers ("chief operating officer"),
 * organisation names before them ("Veltrix spokesperson", "Gdańsk Institute
 * of Technology's professor"), a title's field ("director of nursing");
 * at most TITLE_WORDS words with only white space between them.  `at` when
 * there is none. */
static uint32_t title_start(const char *t, uint32_t floor, uint32_t at)
{
    span w[TITLE_WORDS];
    size_t n = 0;
    for (uint32_t k = at; n < TITLE_WORDS;) {
        while (k > floor && (t[k - 1] == ' ' || t[k - 1] == '\t')) k--;
        uint32_t ws = k;
        while (ws > floor && t[ws - 1] != ' ' && t[ws - 1] != '\t' && t[ws - 1] != '\n') ws--;
        span one[2];
        if (ws == k || words_of(t, ws, k, one, 2) != 1 || one[0].start != ws || one[0].end != k) break;  /* punctuation */
        w[n++] = one[0];
        k = ws;
    }
    uint32_t from = at;
    int titled = 0, pending = 0;
    for (size_t i = 0; i < n; i++) {  /* nearest first */
        int rw = nd_role_word(t + w[i].start, w[i].end - w[i].start);
        size_t f;
        if (rw == ND_ROLE_TITLE || rw == ND_ROLE_QUAL ||
            (titled && capitalised(t, w[i]) && !word_in(t, w[i], openers, LEN(openers)))) {
            titled |= rw == ND_ROLE_TITLE;
            from = w[i].start;
            pending = 0;
        } else if (titled && pending < 2 && (modifier(t, w[i]) || title_modifier(t, w[i], w[i - 1]))) {
            pending++;  /* kept only if a title word or a name comes before it */
        } else if (titled && !pending && i + 1 < n && word_in(t, w[i], org_links, LEN(org_links)) &&
                   capitalised(t, w[i + 1])) {
            pending = 1;  /* "Institute of Technology's": an organisation's name goes on */
        } else if (!titled && (f = field_words(t, w, i, n))) {
            i += f - 1;  /* the title comes next */
        } else {
            /* modifiers right after a determiner or a reporting verb open the title: "said portfolio manager X" */
            if (pending &&
                (word_in(t, w[i], determiners, LEN(determiners)) || nd_cue_find(t + w[i].start, w[i].end - w[i].start)))
                from = w[i - 1].start;
            return from;
        }
    }
    return pending ? w[n - 1].start : from;  /* the modifiers open the phrase */
}

/* Parses a speaker phrase t[start..end) ("he", "the company", "Perplexity CEO
 * Aravind Srinivas", "former employee Zihan Wang").  0, or -1 when it is not
 * one. */
static int parse_speaker(const char *t, uint32_t start, uint32_t end, phrase *out)
{
    span w[16];
    size_t n = words_of(t, start, end, w, 16);
    memset(out, 0, sizeof *out);
    if (n == 0 || n >= 16) return -1;
    if (n == 1) {
        const char *s = t + w[0].start;
        size_t len = w[0].end - w[0].start;
        if (nd_word_is(s, len, "he") || nd_word_is(s, len, "she") || nd_word_is(s, len, "his") || nd_word_is(s, len, "her")) {
            out->ph = PH_PRONOUN;
            out->name = w[0];
            return 0;
        }
        if (nd_word_is(s, len, "they") || nd_word_is(s, len, "it") || nd_word_is(s, len, "we") || nd_word_is(s, len, "i") || nd_word_is(s, len, "you") ||
            nd_word_is(s, len, "its") || nd_word_is(s, len, "their")) {
            out->ph = PH_VAGUE;
            out->name = w[0];
            return 0;
        }
    }
    /* "an estimate from the Chamber of Commerce", "a spokesperson for the
     * ministry": the source is the one who speaks */
    for (size_t i = 2; i + 1 < n; i++) {
        int voice = word_in(t, w[i - 1], voices, LEN(voices));
        if (word_in(t, w[i], sources, LEN(sources)) && word_in(t, w[0], determiners, LEN(determiners)) &&
            (voice || word_in(t, w[i - 1], vague_nouns, LEN(vague_nouns))) && !parse_speaker(t, w[i + 1].start, end, out)) {
            if (voice && out->ph == PH_NAME) out->ph = PH_ORG;  /* "a spokesperson for Castellan Logistics" */
            return 0;
        }
    }
    /* "Rosa De Vries of Evergreen Motors": the name before the affiliation speaks */
    for (size_t i = n - 1; i >= 2; i--)
        if (word_in(t, w[i], affiliations, LEN(affiliations)) && i + 1 < n && capitalised(t, w[i - 1]) &&
            !word_in(t, w[i - 1], org_words, LEN(org_words)) &&
            nd_role_word(t + w[i - 1].start, w[i - 1].end - w[i - 1].start) == ND_ROLE_NONE &&
            (capitalised(t, w[i + 1]) || (i + 2 < n && nd_word_is(t + w[i + 1].start, w[i + 1].end - w[i + 1].start, "the") &&
                                          capitalised(t, w[i + 2]))) &&
            !parse_speaker(t, start, w[i - 1].end, out) && out->ph == PH_NAME)
            return 0;
    /* the capitalised run the phrase ends with ("Chamber of Commerce" is one) */
    size_t r0 = n;
    while (r0 > 0 && (capitalised(t, w[r0 - 1]) || (r0 < n && word_in(t, w[r0 - 1], particles, LEN(particles))) ||
                      (r0 < n && r0 >= 2 && word_in(t, w[r0 - 1], org_links, LEN(org_links)) &&
                       word_in(t, w[r0 - 2], org_words, LEN(org_words)))))
        r0--;
    /* a lower-case particle opens no name; "De Smet" keeps its De */
    while (r0 < n && word_in(t, w[r0], particles, LEN(particles)) && !capitalised(t, w[r0])) r0++;
    if (r0 == n) {
        /* no name: "the company", "industry analysts", "a spokesperson" */
        if (n > 6) return -1;
        span last = w[n - 1], singular = last;
        if (singular.end - singular.start > 3 && t[singular.end - 1] == 's') singular.end--;  /* "the hospitals" */
        if ((word_in(t, last, org_nouns, LEN(org_nouns)) || word_in(t, singular, org_nouns, LEN(org_nouns))) &&
            word_in(t, w[0], determiners, LEN(determiners)))
            out->ph = PH_ORG;
        else if (word_in(t, last, vague_nouns, LEN(vague_nouns)) ||
                 nd_role_word(t + last.start, last.end - last.start) == ND_ROLE_TITLE)
            out->ph = PH_VAGUE;
        else
            return -1;
        out->name = (span){ w[0].start, last.end };
        return 0;
    }
    /* drop sentence openers ("But", "In") from the front of the run */
    size_t first = r0;
    while (first < n - 1 && word_in(t, w[first], openers, LEN(openers))) first++;
    if (first == n - 1 && word_in(t, w[first], openers, LEN(openers))) return -1;
    /* split a title off the run: "Perplexity CEO | Aravind Srinivas", "Dr | Jane Doe" */
    size_t name0 = first;
    for (size_t i = first; i < n; i++) {
        int rw = nd_role_word(t + w[i].start, w[i].end - w[i].start);
        if (rw == ND_ROLE_TITLE || rw == ND_ROLE_HONORIFIC) name0 = i + 1;
    }
    out->honoured = name0 > first && nd_role_word(t + w[name0 - 1].start, w[name0 - 1].end - w[name0 - 1].start) ==
                                         ND_ROLE_HONORIFIC;
    if (name0 == n) {
        out->ph = PH_VAGUE;  /* "the CEO", "President" */
        out->name = (span){ w[first].start, w[n - 1].end };
        return 0;
    }
    /* lower-case words before the run must be a title ("former employee",
     * "acting director of nursing", "Veltrix spokesperson") or determiners */
    size_t p0 = r0;
    int titled = 0;
    for (uint32_t from = title_start(t, start, w[r0].start); p0 > 0 && w[p0 - 1].start >= from; p0--)
        titled |= nd_role_word(t + w[p0 - 1].start, w[p0 - 1].end - w[p0 - 1].start) == ND_ROLE_TITLE;
    for (size_t i = 0; i < p0; i++)
        if (!word_in(t, w[i], determiners, LEN(determiners)) && !word_in(t, w[i], openers, LEN(openers))) return -1;
    for (size_t i = first; i < name0; i++)
        titled |= nd_role_word(t + w[i].start, w[i].end - w[i].start) == ND_ROLE_TITLE;
    size_t pstart = p0 < r0 ? p0 : first;
    /* honorifics alone are not a role */
    while (pstart < name0 && nd_role_word(t + w[pstart].start, w[pstart].end - w[pstart].start) == ND_ROLE_HONORIFIC)
        pstart++;
    if (titled && pstart < name0) out->prefix = (span){ w[pstart].start, w[name0 - 1].end };
    if (name0 + 1 == n && w[name0].end - w[name0].start == 1) return -1;  /* "plan B, Marek Wang": a letter is no name */
    out->name = (span){ w[name0].start, w[n - 1].end };
    out->ph = (uint8_t)classify_name(t, w + name0, n - name0);
    if (out->ph == PH_NAME && n - name0 == 1 && word_in(t, w[name0], openers, LEN(openers))) return -1;
    return 0;
}

/* ---- people ---------------------------------------------------------------- */

/* Folded words of a name, space-separated, into out (cap bytes); its length. */
static size_t fold_name(const char *t, span s, char *out, size_t cap)
{
    span w[MAX_NAME_WORDS + 2];
    size_t n = words_of(t, s.start, s.end, w, MAX_NAME_WORDS + 2), k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        if (i) out[k++] = ' ';
        k += nd_fold(t + w[i].start, bare_len(t, w[i]), out + k, cap - k - 1);
    }
    return k;
}

static int name_eq(const char *t, span a, span b)
{
    char fa[256], fb[256];
    size_t la = fold_name(t, a, fa, sizeof fa), lb = fold_name(t, b, fb, sizeof fb);
    return la == lb && memcmp(fa, fb, la) == 0;
}

/* 1 when word w (folded) is one of the words of name (folded, spaces). */
static int name_has_word(const char *name, size_t nl, const char *w, size_t wl)
{
    for (size_t i = 0; i < nl;) {
        size_t e = i;
        while (e < nl && name[e] != ' ') e++;
        if (e - i == wl && memcmp(name + i, w, wl) == 0) return 1;
        i = e + 1;
    }
    return 0;
}

/* 1 when name s is a lone surname, maybe after particles ("Wang", "De
 * Smet"); its last word into *last unless NULL. */
static int lone_name(const char *t, span s, span *last)
{
    span w[MAX_NAME_WORDS + 2];
    size_t n = words_of(t, s.start, s.end, w, MAX_NAME_WORDS + 2);
    if (!n || n > MAX_NAME_WORDS) return 0;
    for (size_t i = 0; i + 1 < n; i++)
        if (!word_in(t, w[i], particles, LEN(particles))) return 0;
    if (last) *last = w[n - 1];
    return 1;
}

/* The person called by the full name s, added when new; ND_ATTRIB_NONE when out of memory. */
static uint32_t person_add(const char *t, span s, nd_attrib *a)
{
    for (uint32_t p = 0; p < a->npersons; p++)
        if (name_eq(t, (span){ a->persons[p].name[0], a->persons[p].name[1] }, s)) return p;
    if (grow((void **)&a->persons, &a->cap_persons, a->npersons + 1, sizeof *a->persons)) return ND_ATTRIB_NONE;
    a->persons[a->npersons] = (nd_person){ { s.start, s.end }, ND_ATTRIB_NONE };
    return a->npersons++;
}

/* The one person whose name contains the single word s, or ND_ATTRIB_NONE
 * (nobody, or more than one: ambiguous). */
static uint32_t person_by_word(const char *t, span s, const nd_attrib *a, int *ambiguous)
{
    char fw[128], fn[256];
    size_t wl = fold_name(t, s, fw, sizeof fw);
    uint32_t found = ND_ATTRIB_NONE;
    *ambiguous = 0;
    for (uint32_t p = 0; p < a->npersons; p++) {
        size_t nl = fold_name(t, (span){ a->persons[p].name[0], a->persons[p].name[1] }, fn, sizeof fn);
        if (!name_has_word(fn, nl, fw, wl)) continue;
        if (found != ND_ATTRIB_NONE) {
            *ambiguous = 1;
            return ND_ATTRIB_NONE;
        }
        found = p;
    }
    return found;
}

static int role_add(nd_attrib *a, uint32_t p, span r, uint32_t sent)
{
    uint32_t last = ND_ATTRIB_NONE, n = 0;
    for (uint32_t i = a->persons[p].role; i != ND_ATTRIB_NONE; i = a->roles[i].next, n++) {
        if (a->roles[i].span[0] == r.start && a->roles[i].span[1] == r.end) return 0;
        last = i;
    }
    if (n >= MAX_ROLES) return 0;  /* the first few say what a person is; the rest repeat it */
    if (grow((void **)&a->roles, &a->cap_roles, a->nroles + 1, sizeof *a->roles)) return -1;
    a->roles[a->nroles] = (nd_role_mention){ p, { r.start, r.end }, sent, ND_ATTRIB_NONE };
    if (last == ND_ATTRIB_NONE) a->persons[p].role = a->nroles;
    else a->roles[last].next = a->nroles;  /* an index, not a pointer: grow() may have moved the array */
    a->nroles++;
    return 0;
}

/* The end of t[start..end) without trailing white space (any script's) and full stops. */
static uint32_t trim_end(const char *t, uint32_t start, uint32_t end)
{
    while (end > start) {
        int cp = cp_before(t, start, end);
        if (!(is_space(cp) || cp == '.' || cp == 0xA0 || cp == 0x202F || cp == 0x2009)) break;
        end--;
        while (end > start && ((unsigned char)t[end] & 0xC0) == 0x80) end--;
    }
    return end;
}

/* What follows a name at t[at..] after a comma, up to the next comma,
 * semicolon or the sentence end ("Hancheng Cao, an assistant professor at
 * Emory University,"): an appositive, maybe a role; {0,0} without a comma. */
static span appositive_after(const char *t, uint32_t at, uint32_t end)
{
    uint32_t i = at;
    while (i < end && is_space(t[i])) i++;
    if (i >= end || t[i] != ',') return (span){ 0, 0 };
    i++;
    while (i < end && is_space(t[i])) i++;
    uint32_t e = i;
    while (e < end && t[e] != ',' && t[e] != ';' && t[e] != QMARK && t[e] != '(') e++;
    return (span){ i, trim_end(t, i, e) };
}

/* 1 when t[r] is a role: opens with an article, a title, a qualifier, a
 * title's modifier or an organisation's name, has a known title, and no
 * reporting verb. */
static int is_role(const char *t, span r)
{
    if (r.end <= r.start || r.end - r.start > 200) return 0;
    span w[MAX_ROLE_WORDS + 1];
    size_t n = words_of(t, r.start, r.end, w, MAX_ROLE_WORDS + 1);
    if (!n || n > MAX_ROLE_WORDS) return 0;
    /* a role starts with an article, a title, a qualifier or an organisation's name */
    size_t f = word_in(t, w[0], role_adverbs, LEN(role_adverbs)) && n > 1;
    if (!word_in(t, w[f], determiners, LEN(determiners)) && !capitalised(t, w[f]) &&
        !nd_role_word(t + w[f].start, w[f].end - w[f].start) &&
        !(f + 1 < n && title_modifier(t, w[f], w[f + 1])))
        return 0;  /* "state secretary at ..." opens with the title's modifier */
    /* and says what someone is, not what they did: "... of Crateline said the founder" */
    for (size_t i = 0; i < n; i++)
        if (nd_cue_find(t + w[i].start, w[i].end - w[i].start) && !(i + 1 < n && title_modifier(t, w[i], w[i + 1])))
            return 0;
    nd_role role;
    return nd_role_parse(t + r.start, r.end - r.start, 0, &role) > 0;
}

/* 1 when what follows a name marks a person: ", who", ", 19,". */
static int person_follows(const char *m, uint32_t at, uint32_t end)
{
    uint32_t i = at;
    if (i < end && m[i] == ',') i++;
    while (i < end && is_space(m[i])) i++;
    if (end - i >= 4 && memcmp(m + i, "who", 3) == 0 && !is_word_cp((unsigned char)m[i + 3])) return 1;
    if (at >= end || m[at] != ',') return 0;
    uint32_t d = i;
    while (d < end && m[d] >= '0' && m[d] <= '9') d++;
    return d > i && d - i <= 3 && d < end && m[d] == ',';
}

/* The role given before a name and a comma ("the company's chief financial
 * officer, Søren Ødegård"), back to the previous comma; {0,0} otherwise. */
static span role_before(const char *t, const char *m, uint32_t floor, uint32_t at)
{
    uint32_t k = at;
    while (k > floor && is_space(m[k - 1])) k--;
    if (k == floor || m[k - 1] != ',') return (span){ 0, 0 };
    uint32_t e = k - 1, b = e;
    while (b > floor && m[b - 1] != ',' && m[b - 1] != ';' && m[b - 1] != QMARK) b--;
    span w[16];
    size_t n = words_of(t, b, e, w, 16);
    if (!n || n >= 16) return (span){ 0, 0 };
    /* "according to the group's chair, Jane Doe": the role starts after "to" */
    for (size_t i = 0; i + 1 < n; i++)
        if (nd_word_is(t + w[i].start, w[i].end - w[i].start, "to") || nd_word_is(t + w[i].start, w[i].end - w[i].start, "by"))
            b = w[i + 1].start;
    span r = { b, e };
    while (r.start < r.end && is_space(t[r.start])) r.start++;
    return is_role(t, r) ? r : (span){ 0, 0 };
}

/* Registers the person of a name run at m[start..end) of sentence s when it
 * carries a title ("Perplexity CEO Aravind Srinivas", "former employee Zihan
 * Wang") or a role appositive before or after it; speakers are registered
 * whether or not.  Runs that look like a full name are kept for resolving
 * surnames later. */
static int register_run(nd_attrib_ctx *x, const char *t, const char *m, uint32_t start, uint32_t end, uint32_t s,
                        const nd_sentence *sent, nd_attrib *a, int speaker)
{
    phrase ph;
    uint32_t from = title_start(t, sent[s].start, start);
    if ((from == start || parse_speaker(t, from, end, &ph)) && parse_speaker(t, start, end, &ph)) return 0;
    if (ph.ph != PH_NAME && ph.ph != PH_ORG) return 0;
    span nw[MAX_NAME_WORDS + 2];
    size_t nn = words_of(t, ph.name.start, ph.name.end, nw, MAX_NAME_WORDS + 2);
    if (nn < 2 || nn > MAX_NAME_WORDS || lone_name(t, ph.name, NULL)) return 0;
    ph.name.end = nw[nn - 1].start + bare_len(t, nw[nn - 1]);  /* "Søren Ødegård’s" names Søren Ødegård */
    span role = ph.prefix, ap = appositive_after(m, end, sent[s].end);
    int appositive = !role.end && is_role(t, ap);
    if (appositive) role = ap;
    if (!role.end) role = role_before(t, m, sent[s].start, ph.name.start);
    if (ph.ph == PH_ORG && !appositive) return 0;  /* followed by a person's role, "Lena Park" is no park */
    if (!speaker && ph.ph == PH_NAME) {
        if (grow((void **)&x->runs, &x->capruns, x->nruns + 1, sizeof *x->runs)) return -1;
        x->runs[x->nruns++] = (name_run){ ph.name, (uint8_t)person_follows(m, end, sent[s].end) };
    }
    if (!role.end && !speaker) return 0;
    uint32_t p = person_add(t, ph.name, a);
    if (p == ND_ATTRIB_NONE) return -1;
    return role.end ? role_add(a, p, role, s) : 0;
}

/* Registers the role of a full name given in a plain statement ("Kai Tamm
 * serves as the dean of the business school at Peñalara University").  0,
 * or -1 when out of memory. */
static int register_copula(const char *t, span name, span role, uint32_t s, nd_attrib *a)
{
    phrase ph;
    span w[MAX_NAME_WORDS + 2];
    role.end = trim_end(t, role.start, role.end);
    if (parse_speaker(t, name.start, name.end, &ph) || ph.ph != PH_NAME || ph.prefix.end ||
        words_of(t, ph.name.start, ph.name.end, w, MAX_NAME_WORDS + 2) < 2 || lone_name(t, ph.name, NULL) ||
        !is_role(t, role))
        return 0;
    uint32_t p = person_add(t, ph.name, a);
    return p == ND_ATTRIB_NONE || role_add(a, p, role, s) ? -1 : 0;
}

/* ---- attributions ---------------------------------------------------------- */

static int push_candidate(nd_attrib_ctx *x, const candidate *c)
{
    if (grow((void **)&x->cand, &x->capcand, x->ncand + 1, sizeof *x->cand)) return -1;
    x->cand[x->ncand++] = *c;
    return 0;
}

/* Whether a reporting verb that needs a marker has one: "that", a colon, a
 * comma, a quotation, or the end of the sentence. */
static int marked(const char *m, uint32_t at, uint32_t end, int quoted)
{
    if (quoted) return 1;
    while (at < end && is_space(m[at])) at++;
    if (at >= end) return 1;
    char c = m[at];
    if (c == ':' || c == ',' || c == QMARK || c == '.' || c == '!' || c == '?') return 1;
    size_t len;
    if (nd_is_quote(cp_at(m, end, at, &len))) return 1;
    return end - at >= 5 && nd_word_is(m + at, 4, "that") && !is_word_cp((unsigned char)m[at + 4]);
}

static int letters_between(const char *m, uint32_t a, uint32_t b)
{
    int words = 0, in = 0;
    for (uint32_t i = a; i < b; i++) {
        int w = ((m[i] | 32) >= 'a' && (m[i] | 32) <= 'z') || (unsigned char)m[i] >= 0x80;
        if (w && !in) words++;
        in = w;
    }
    return words;
}

/* Offset in the subject of the last comma before `before`, or `floor`. */
static uint32_t comma_before(const char *m, uint32_t floor, uint32_t before)
{
    while (before > floor && m[before - 1] != ',') before--;
    return before;
}

static span group(nd_attrib_ctx *x, int pat, const char *name, uint32_t base)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
    int g = pcre2_substring_number_from_name(x->re[pat], (PCRE2_SPTR)name);
    if (g < 0 || ov[2 * g] == PCRE2_UNSET) return (span){ 0, 0 };
    return (span){ base + (uint32_t)ov[2 * g], base + (uint32_t)ov[2 * g + 1] };
}

static int cue_class(const char *m, span c)
{
    /* "pointed  out" may be spread over white space: compare word by word */
    char w[32];
    size_t k = 0;
    for (uint32_t i = c.start; i < c.end && k + 1 < sizeof w; i++) {
        if (is_space(m[i])) {
            if (k && w[k - 1] != ' ') w[k++] = ' ';
        } else {
            w[k++] = m[i];
        }
    }
    const nd_cue *cue = nd_cue_find(w, k);
    return cue ? cue->cls : ND_CUE_NONE;
}

static int cue_flags(const char *m, span c)
{
    const nd_cue *cue = nd_cue_find(m + c.start, c.end - c.start);
    return cue ? cue->flags : 0;
}

/* The subject a sentence opens with, when it is a speaker: "He", "The
 * company", "Energy Minister Halvard Quist" followed by a lower-case verb.
 * 0 and *out, or -1. */
static int sentence_subject(nd_attrib_ctx *x, const char *t, const char *m, uint32_t base, uint32_t end, phrase *out)
{
    span w[2];
    if (words_of(t, base, end, w, 2) < 2 || w[0].start != base) return -1;
    if (nd_word_is(t + w[0].start, w[0].end - w[0].start, "he") || nd_word_is(t + w[0].start, w[0].end - w[0].start, "she"))
        return parse_speaker(t, w[0].start, w[0].end, out);
    uint32_t len = end - base;
    if (pcre2_match(x->re[PAT_LEAD_ORG], (PCRE2_SPTR)(m + base), len, 0, PCRE2_NO_UTF_CHECK, x->md, NULL) >= 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
        return parse_speaker(t, base, base + (uint32_t)ov[1], out);
    }
    if (pcre2_match(x->re[PAT_NAME], (PCRE2_SPTR)(m + base), len, 0, PCRE2_NO_UTF_CHECK, x->md, NULL) < 0) return -1;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
    uint32_t rs = base + (uint32_t)ov[0], re = base + (uint32_t)ov[1];
    if (title_start(t, base, rs) != base && rs != base) return -1;
    span after[1];
    if (words_of(t, re, end, after, 1) != 1 || capitalised(t, after[0]) || after[0].start != re + 1) return -1;
    return parse_speaker(t, base, re, out);
}

/* "Radek Novak praised the players, who he said ...": a he/she inside a
 * sentence whose subject is a full name stands for that person, so the name
 * is registered for resolve_pronoun() to find.  0, or -1 when out of memory. */
static int subject_person(nd_attrib_ctx *x, const char *t, const char *m, uint32_t base, uint32_t end, uint32_t at,
                          nd_attrib *a)
{
    phrase ph;
    span w[MAX_NAME_WORDS + 2];
    if (at == base || sentence_subject(x, t, m, base, end, &ph) || ph.ph != PH_NAME ||
        words_of(t, ph.name.start, ph.name.end, w, MAX_NAME_WORDS + 2) < 2)
        return 0;
    return person_add(t, ph.name, a) == ND_ATTRIB_NONE ? -1 : 0;
}

/* Records the sentence subject as the speaker of a participle cue ("...,
 * telling reporters that ...") or of a second verb ("... and told reporters"). */
static int participle(nd_attrib_ctx *x, const char *t, const char *m, const nd_sentence *sent, uint32_t s, span cue)
{
    phrase ph;
    if (sentence_subject(x, t, m, sent[s].start, sent[s].end, &ph) || ph.ph == PH_VAGUE) return 0;
    candidate c = { .sent = s, .ph = ph.ph, .person = ND_ATTRIB_NONE, .cue = (uint8_t)cue_class(m, cue) };
    c.speaker[0] = ph.name.start;
    c.speaker[1] = ph.name.end;
    c.frame[0] = ph.prefix.end ? ph.prefix.start : ph.name.start;
    c.frame[1] = ph.name.end;
    c.content[0] = cue.end;
    c.content[1] = sent[s].end;
    return push_candidate(x, &c);
}

/* Start of the word ending at byte k. */
static uint32_t word_start(const char *t, uint32_t floor, uint32_t k)
{
    while (k > floor && !is_space(t[k - 1])) k--;
    return k;
}

/* The word before byte `at` (letters only), for checking what precedes a subject. */
static int word_before_in(const char *t, const char *m, uint32_t floor, uint32_t at, const char *const *list, size_t n)
{
    uint32_t k = at;
    while (k > floor && is_space(m[k - 1])) k--;
    uint32_t ws = k;
    while (ws > floor && ((m[ws - 1] | 32) >= 'a' && (m[ws - 1] | 32) <= 'z')) ws--;
    span w[1];
    return ws < k && words_of(t, ws, k, w, 1) == 1 && word_in(t, w[0], list, n);
}

/* Runs pattern pat over sentence s of the masked text m and records the
 * attributions it finds. */
static int scan_pattern(nd_attrib_ctx *x, int pat, const char *t, const char *m, const nd_sentence *sent, uint32_t s,
                        int quoted, nd_attrib *a)
{
    uint32_t base = sent[s].start, end = sent[s].end;
    PCRE2_SIZE off = 0, len = end - base;
    while (off < len) {
        int rc = pcre2_match(x->re[pat], (PCRE2_SPTR)(m + base), len, off, PCRE2_NO_UTF_CHECK, x->md, NULL);
        if (rc < 0) break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
        uint32_t ms = base + (uint32_t)ov[0], me = base + (uint32_t)ov[1];
        size_t cl;
        cp_at(m, end, ms, &cl);
        off = ov[1] > ov[0] ? ov[1] : ov[0] + cl;
        if (pat == PAT_NAME) {
            if (register_run(x, t, m, ms, me, s, sent, a, 0)) return -1;
            continue;
        }
        if (pat == PAT_COPULA) {
            if (register_copula(t, group(x, pat, "s", base), group(x, pat, "r", base), s, a)) return -1;
            continue;
        }
        if (pat == PAT_LEAD_ORG) break;  /* only read through sentence_subject() */
        if (pat == PAT_PARTICIPLE || pat == PAT_COORD) {
            span cue = group(x, pat, "cue", base);
            if (pat == PAT_COORD && (cue_flags(m, cue) & ND_CUE_MARKED) && !marked(m, cue.end, end, quoted)) continue;
            if (participle(x, t, m, sent, s, cue)) return -1;
            break;
        }
        span sp = group(x, pat, "s", base), cue = group(x, pat, "cue", base), ap = group(x, pat, "ap", base);
        span glue = group(x, pat, "glue", base);
        phrase ph;
        span last[MAX_NAME_WORDS + 2];
        size_t nl = 0;
        if (parse_speaker(t, sp.start, sp.end, &ph) ||
            ((nl = words_of(t, ph.name.start, ph.name.end, last, MAX_NAME_WORDS + 2)) && possessive(t, last[nl - 1]))) {
            off = ov[0] + cl;  /* a later start may still match; "Ellis Okonjo’s mother" is not Okonjo */
            continue;
        }
        if (pat == PAT_SUBJECT) {
            /* "Gdańsk Institute of Technology's professor Clara Novák said": the name after the "of" speaks */
            span af = group(x, pat, "af", base);
            phrase whole;
            if (af.end > af.start && !parse_speaker(t, sp.start, af.end, &whole) && whole.ph == PH_NAME &&
                whole.name.start >= af.start)
                ph = whole;
            /* "the company founded by Liang said": Liang is not the subject */
            int after_prep = ph.ph != PH_PRONOUN &&
                             word_before_in(t, m, base, ph.prefix.end ? ph.prefix.start : sp.start, prepositions,
                                            LEN(prepositions));
            int glued = glue.end > glue.start;
            uint32_t k = sp.start;
            while (k > base && is_space(m[k - 1])) k--;
            /* "Liang Wenfeng said" read from "Wenfeng" on */
            uint32_t ws = word_start(t, base, k);
            int inside_run = ph.ph == PH_NAME && k > ws && nd_is_letter(cp_before(t, base, k)) &&
                             nd_is_upper(cp_at(t, k, ws, &cl)) && !word_before_in(t, m, base, sp.start, openers, LEN(openers));
            if (after_prep || inside_run ||
                (glued && (k == base || m[k - 1] != ',' || ph.ph != PH_NAME || !role_before(t, m, base, sp.start).end)) ||
                ((cue_flags(m, cue) & ND_CUE_MARKED) && !marked(m, cue.end, end, quoted))) {
                off = ov[0] + cl;
                continue;
            }
        }
        span role = ph.prefix, after = { 0, 0 };
        /* "Debrecen City Council's chair of the finance committee Irene Côté said": the title is part of the frame */
        uint32_t ts = pat == PAT_SUBJECT && ph.ph == PH_NAME && !role.end ? title_start(t, base, sp.start) : sp.start;
        span title = { ts, trim_end(t, ts, sp.start) };
        if (ts < sp.start && is_role(t, title)) role = title;
        if (pat != PAT_SUBJECT && pat != PAT_RELATIVE && pat != PAT_BY) after = appositive_after(m, sp.end, end);
        /* "According to X, the plan ...": what follows the comma is the content, not an appositive */
        if (pat == PAT_ACCORDING && letters_between(m, base, ms) == 0 && (after.end >= end || m[after.end] != ','))
            after = (span){ 0, 0 };
        if (pat == PAT_SUBJECT) after = ap;
        /* "its chief executive, Clara Jennings": the name after a bare title speaks */
        phrase named;
        if (ph.ph == PH_VAGUE && after.end && !parse_speaker(t, after.start, after.end, &named) && named.ph == PH_NAME &&
            is_role(t, ph.name)) {
            role = ph.name;
            ph = named;
            after = (span){ 0, 0 };
        }
        uint32_t fend = me;
        if (!role.end && after.end && is_role(t, after)) {
            role = after;
            if (after.end > fend) fend = after.end;
        }
        if (role.end && role.start > ph.name.start && ph.ph == PH_ORG) ph.ph = PH_NAME;  /* "Lena Park, a researcher" */
        if (ph.ph == PH_PRONOUN && subject_person(x, t, m, base, end, sp.start, a)) return -1;
        candidate c = { .sent = s, .ph = ph.ph, .person = ND_ATTRIB_NONE };
        c.cue = (uint8_t)(pat == PAT_ACCORDING || pat == PAT_BY ? ND_CUE_NEUTRAL : cue_class(m, cue));
        c.speaker[0] = ph.name.start;
        c.speaker[1] = ph.name.end;
        uint32_t fstart = pat == PAT_SUBJECT || pat == PAT_RELATIVE ? sp.start : pat == PAT_INVERTED ? cue.start : ms;
        if (role.end && role.start < fstart) fstart = role.start;
        c.frame[0] = fstart;
        c.frame[1] = fend;
        /* what is attributed */
        if (pat == PAT_INVERTED) {
            c.content[0] = base;
            c.content[1] = ms;
        } else if (pat == PAT_ACCORDING || pat == PAT_BY) {
            if (letters_between(m, base, ms) == 0) {
                c.content[0] = fend;
                c.content[1] = end;
            } else {
                uint32_t c1 = comma_before(m, base, ms);
                uint32_t stop = c1 > base ? c1 - 1 : base;
                c.content[0] = comma_before(m, base, stop);
                c.content[1] = stop;
            }
        } else if (letters_between(m, cue.end, end) >= 2) {
            c.content[0] = cue.end;
            c.content[1] = end;
        } else {
            c.content[0] = base;
            c.content[1] = fstart;
        }
        if (push_candidate(x, &c)) return -1;
        if (ph.ph == PH_NAME) {
            span nw[MAX_NAME_WORDS + 2];
            size_t nn = words_of(t, ph.name.start, ph.name.end, nw, MAX_NAME_WORDS + 2);
            if (((nn >= 2 && !lone_name(t, ph.name, NULL)) || ph.honoured) && nn <= MAX_NAME_WORDS) {
                uint32_t p = person_add(t, ph.name, a);
                if (p == ND_ATTRIB_NONE || (role.end && role_add(a, p, role, s))) return -1;
            }
        }
    }
    return 0;
}

/* ---- resolution ------------------------------------------------------------ */

int nd_attrib_quoted(const nd_attrib *a, uint32_t at)
{
    uint32_t lo = 0, hi = a->nquotes;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (a->quotes[mid].end <= at) lo = mid + 1;
        else hi = mid;
    }
    return lo < a->nquotes && a->quotes[lo].start <= at;
}

/* Records where each person is named: full names and lone surnames. */
static int find_mentions(nd_attrib_ctx *x, const char *t, const nd_sentence *sent, uint32_t nsent, nd_attrib *a)
{
    for (uint32_t s = 0; s < nsent; s++) {
        if (sent[s].flags & ND_SENT_BOILER) continue;
        uint32_t base = sent[s].start;
        PCRE2_SIZE off = 0, len = sent[s].end - base;
        while (off < len) {
            int rc = pcre2_match(x->re[PAT_NAME], (PCRE2_SPTR)(t + base), len, off, PCRE2_NO_UTF_CHECK, x->md, NULL);
            if (rc < 0) break;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
            off = ov[1];
            span w[MAX_NAME_WORDS + 2];
            size_t n = words_of(t, base + (uint32_t)ov[0], base + (uint32_t)ov[1], w, MAX_NAME_WORDS + 2);
            /* the longest tail of the run that names someone: "CEO Aravind Srinivas", "Papailiopoulos" */
            for (size_t i = 0; i < n; i++) {
                span tail = { w[i].start, w[n - 1].end };
                uint32_t p = ND_ATTRIB_NONE;
                for (uint32_t q = 0; q < a->npersons && p == ND_ATTRIB_NONE; q++)
                    if (name_eq(t, (span){ a->persons[q].name[0], a->persons[q].name[1] }, tail)) p = q;
                int ambiguous = 0;
                if (p == ND_ATTRIB_NONE && i == n - 1) p = person_by_word(t, w[i], a, &ambiguous);
                if (p == ND_ATTRIB_NONE) continue;
                if (grow((void **)&a->mentions, &a->cap_mentions, a->nmentions + 1, sizeof *a->mentions)) return -1;
                a->mentions[a->nmentions++] = (nd_mention){ s, tail.start, tail.end, p };
                break;
            }
        }
    }
    return 0;
}

/* The one person named before byte `at` in paragraph para outside
 * quotations: *distinct is 0 (nobody), 1 (that one) or 2 (several, *last
 * the last named). */
static uint32_t named_before(const nd_attrib *a, const nd_sentence *sent, uint32_t para, uint32_t from, uint32_t at,
                             int *distinct, uint32_t *last)
{
    uint32_t found = ND_ATTRIB_NONE;
    *distinct = 0;
    *last = ND_ATTRIB_NONE;
    uint32_t lo = 0, hi = a->nmentions;  /* mentions are in text order */
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (a->mentions[mid].start < from) lo = mid + 1;
        else hi = mid;
    }
    for (uint32_t i = lo; i < a->nmentions && a->mentions[i].start < at; i++) {
        const nd_mention *mn = &a->mentions[i];
        if (sent[mn->sent].para != para || nd_attrib_quoted(a, mn->start)) continue;
        if (found == ND_ATTRIB_NONE) {
            found = mn->person;
            *distinct = 1;
        } else if (mn->person != found) {
            *distinct = 2;
        }
        *last = mn->person;
    }
    return found;
}

/* 1 when the folded word w is the last word of the folded name. */
static int name_ends_with(const char *name, size_t nl, const char *w, size_t wl)
{
    return nl >= wl && memcmp(name + nl - wl, w, wl) == 0 && (nl == wl || name[nl - wl - 1] == ' ');
}

/* 1 when the word t[w] follows "the" somewhere in t[0..n): "the Rovers" is
 * a team, not Ms Rovers. */
static int after_article(const char *t, size_t n, span w)
{
    size_t wl = w.end - w.start;
    for (size_t at = 4; at + wl <= n; at++) {
        const char *p = memchr(t + at, t[w.start], n - wl + 1 - at);
        if (!p) return 0;
        at = (size_t)(p - t);
        if (memcmp(p, t + w.start, wl) == 0 &&
            (memcmp(p - 4, "the ", 4) == 0 || memcmp(p - 4, "The ", 4) == 0) &&
            (at == 4 || !is_word_cp((unsigned char)t[at - 5])))
            return 1;
    }
    return 0;
}

/* Surnames that speak before anyone registered their person ("Radcliffe
 * said" after "Simone Radcliffe, who ..." or "Simone Radcliffe chairs
 * ..."): the full name comes from the names seen with a mark of a person,
 * or else from the names that end with the surname, when they agree on one
 * and the surname never follows "the". */
static int register_surnames(nd_attrib_ctx *x, const char *t, size_t n, nd_attrib *a)
{
    for (uint32_t i = 0; i < x->ncand; i++) {
        const candidate *c = &x->cand[i];
        span w[2];
        if (c->ph != PH_NAME || !lone_name(t, (span){ c->speaker[0], c->speaker[1] }, w)) continue;
        int ambiguous;
        if (person_by_word(t, w[0], a, &ambiguous) != ND_ATTRIB_NONE || ambiguous) continue;
        char fw[128], fn[256];
        size_t wl = fold_name(t, w[0], fw, sizeof fw);
        span found = { 0, 0 };
        int conflict = 0;
        for (int marked = 1; marked >= 0 && !found.end && (marked || !after_article(t, n, w[0])); marked--)
            for (uint32_t r = 0; r < x->nruns && !conflict; r++) {
                if (x->runs[r].marked != marked) continue;
                size_t nl = fold_name(t, x->runs[r].name, fn, sizeof fn);
                if (marked ? !name_has_word(fn, nl, fw, wl) : !name_ends_with(fn, nl, fw, wl)) continue;
                if (found.end && !name_eq(t, found, x->runs[r].name)) conflict = 1;
                found = x->runs[r].name;
            }
        if (found.end && !conflict && person_add(t, found, a) == ND_ATTRIB_NONE) return -1;
    }
    return 0;
}

/* Resolves "he"/"she" at byte `at` of sentence s: the one person named
 * before it in its paragraph (or else in the previous paragraph); when
 * several are, the last named if they are also the previous claim's
 * speaker; otherwise nobody. */
static uint32_t resolve_pronoun(const nd_attrib *a, const nd_sentence *sent, uint32_t s, uint32_t at)
{
    uint32_t para = sent[s].para, last, only = ND_ATTRIB_NONE;
    int distinct, several = 0;
    /* someone named earlier in the same sentence: "Radcliffe replied that ..., which she said ..." */
    for (uint32_t i = 0; i < a->nmentions; i++) {
        const nd_mention *mn = &a->mentions[i];
        if (mn->sent != s || mn->start >= at || nd_attrib_quoted(a, mn->start)) continue;
        several |= only != ND_ATTRIB_NONE && only != mn->person;
        only = mn->person;
    }
    if (only != ND_ATTRIB_NONE) return several ? ND_ATTRIB_NONE : only;
    /* antecedents further back than a few sentences are guesses */
    uint32_t k = s;
    while (k > 0 && s - k < PRONOUN_REACH && sent[k - 1].para == para) k--;
    uint32_t p = named_before(a, sent, para, sent[k].start, at, &distinct, &last);
    if (distinct == 0 && k > 0 && sent[k - 1].para != para) {
        uint32_t j = k - 1;
        while (j > 0 && k - j < PRONOUN_REACH && sent[j - 1].para == sent[k - 1].para) j--;
        p = named_before(a, sent, sent[k - 1].para, sent[j].start, sent[k - 1].end, &distinct, &last);
    }
    if (distinct == 1) return p;
    if (distinct == 0) return ND_ATTRIB_NONE;
    for (uint32_t j = s; j-- > 0 && sent[j].para + 1 >= para;) {
        const nd_claim *c = &a->claims[j];
        if (c->kind != ND_SPK_NONE) return c->kind == ND_SPK_PERSON && c->person == last ? last : ND_ATTRIB_NONE;
    }
    return ND_ATTRIB_NONE;
}

static void resolve_candidate(const char *t, const nd_attrib *a, const nd_sentence *sent, candidate *c)
{
    c->person = ND_ATTRIB_NONE;
    switch (c->ph) {
    case PH_ORG: c->kind = ND_SPK_ORG; return;
    case PH_VAGUE: c->kind = ND_SPK_VAGUE; return;
    case PH_PRONOUN:
        c->person = resolve_pronoun(a, sent, c->sent, c->speaker[0]);
        c->kind = c->person == ND_ATTRIB_NONE ? ND_SPK_VAGUE : ND_SPK_PERSON;
        return;
    }
    span name = { c->speaker[0], c->speaker[1] };
    for (uint32_t p = 0; p < a->npersons; p++)
        if (name_eq(t, (span){ a->persons[p].name[0], a->persons[p].name[1] }, name)) {
            c->person = p;
            c->kind = ND_SPK_PERSON;
            return;
        }
    span w[2];
    int ambiguous = 0;
    if (lone_name(t, name, w)) c->person = person_by_word(t, w[0], a, &ambiguous);
    if (c->person != ND_ATTRIB_NONE) c->kind = ND_SPK_PERSON;
    else c->kind = ambiguous ? ND_SPK_VAGUE : ND_SPK_ORG;  /* "DeepSeek said" */
}

static int same_speaker(const candidate *x, const candidate *y, const char *t)
{
    if (x->kind != y->kind) return 0;
    if (x->kind == ND_SPK_PERSON) return x->person == y->person;
    if (x->kind == ND_SPK_ORG) return name_eq(t, (span){ x->speaker[0], x->speaker[1] }, (span){ y->speaker[0], y->speaker[1] });
    return 1;
}

/* Sets each sentence's claim from its candidates; disagreeing candidates make it vague. */
static void settle_claims(nd_attrib_ctx *x, const char *t, const nd_sentence *sent, nd_attrib *a)
{
    for (uint32_t i = 0; i < x->ncand;) {
        uint32_t s = x->cand[i].sent, j = i;
        while (j < x->ncand && x->cand[j].sent == s) j++;
        for (uint32_t k = i; k < j; k++) resolve_candidate(t, a, sent, &x->cand[k]);
        /* the first in text order speaks; any other speaker, unless quoted by the first, makes it unclear */
        uint32_t first = i;
        for (uint32_t k = i; k < j; k++)
            if (x->cand[k].frame[0] < x->cand[first].frame[0]) first = k;
        candidate *c = &x->cand[first];
        nd_claim *cl = &a->claims[s];
        cl->kind = c->kind;
        cl->cue = c->cue;
        cl->person = c->person;
        memcpy(cl->speaker, c->speaker, sizeof cl->speaker);
        memcpy(cl->frame, c->frame, sizeof cl->frame);
        memcpy(cl->content, c->content, sizeof cl->content);
        /* "According to X, the file showed that Y told investors ...": Y speaks inside X's claim */
        for (uint32_t k = i; k < j; k++) {
            const candidate *o = &x->cand[k];
            int nested = o->frame[0] >= c->content[0] && o->frame[1] <= c->content[1];
            if (!nested && !same_speaker(c, o, t)) cl->kind = ND_SPK_VAGUE;
        }
        i = j;
    }
}

/* Gives each quotation the speaker of the sentence that introduces it, and
 * the sentences inside it that speaker. */
static void attach_quotes(const nd_sentence *sent, uint32_t nsent, nd_attrib *a)
{
    for (uint32_t q = 0; q < a->nquotes; q++) {
        const nd_quote *qu = &a->quotes[q];
        uint32_t lo = 0, hi = nsent, who = ND_ATTRIB_NONE;
        while (lo < hi) {  /* the first sentence ending after the quotation starts */
            uint32_t mid = (lo + hi) / 2;
            if (sent[mid].end <= qu->start) lo = mid + 1;
            else hi = mid;
        }
        uint32_t from = lo, to = lo;
        for (uint32_t s = lo; s < nsent && sent[s].start < qu->end; s++) {
            to = s + 1;
            const nd_claim *c = &a->claims[s];
            int outside = c->frame[1] <= qu->start || c->frame[0] >= qu->end;
            if (c->kind != ND_SPK_NONE && outside && who == ND_ATTRIB_NONE) who = s;
        }
        if (who == ND_ATTRIB_NONE) continue;
        for (uint32_t s = from; s < to; s++) {
            nd_claim *c = &a->claims[s];
            if (s != who && c->kind == ND_SPK_NONE) {
                *c = a->claims[who];
                c->frame[0] = c->frame[1] = 0;
            }
            if (s == who || (c->kind == a->claims[who].kind && c->person == a->claims[who].person)) {
                c->direct = 1;
                c->quote = q;
                c->content[0] = qu->start > sent[s].start ? qu->start : sent[s].start;
                c->content[1] = qu->end < sent[s].end ? qu->end : sent[s].end;
            }
        }
    }
}

/* 1 when sentence k is all quotation: no word outside the marks. */
static int all_quote(const char *m, const nd_sentence *se)
{
    for (uint32_t i = se->start; i < se->end; i++) {
        size_t len;
        if (is_word_cp(cp_at(m, se->end, i, &len))) return 0;
    }
    return 1;
}

/* A sentence that is all quotation and names no speaker continues the
 * speaker of the sentence before it ("“Q1,” he said. “Q2.”"), or, opening
 * a paragraph of quotation, the previous paragraph's last speaker. */
static void inherit_speakers(const char *m, const nd_sentence *sent, uint32_t nsent, nd_attrib *a)
{
    for (uint32_t s = 1; s < nsent; s++) {
        nd_claim *c = &a->claims[s];
        if (c->kind != ND_SPK_NONE || (sent[s].flags & ND_SENT_BOILER) || !all_quote(m, &sent[s])) continue;
        const nd_claim *prev = NULL;
        if (sent[s - 1].para == sent[s].para) {
            prev = &a->claims[s - 1];
        } else {
            /* the whole paragraph must be quotation */
            int whole = 1;
            for (uint32_t k = s; k < nsent && sent[k].para == sent[s].para && whole; k++)
                whole = all_quote(m, &sent[k]) && a->claims[k].kind == ND_SPK_NONE;
            for (uint32_t k = s; whole && k-- > 0 && sent[k].para == sent[s - 1].para;)
                if (a->claims[k].kind != ND_SPK_NONE) {
                    prev = &a->claims[k];
                    break;
                }
        }
        if (!prev || (prev->kind != ND_SPK_PERSON && prev->kind != ND_SPK_ORG)) continue;
        uint32_t quote = ND_ATTRIB_NONE;
        for (uint32_t q = 0; q < a->nquotes && quote == ND_ATTRIB_NONE; q++)
            if (a->quotes[q].end > sent[s].start && a->quotes[q].start < sent[s].end) quote = q;
        *c = *prev;
        c->frame[0] = c->frame[1] = 0;
        c->content[0] = sent[s].start;
        c->content[1] = sent[s].end;
        c->direct = 1;
        c->quote = quote;
        c->carried = sent[s - 1].para != sent[s].para || prev->carried;
    }
}

int nd_attrib_extract(nd_attrib_ctx *x, const char *text, size_t n, const nd_sentence *sent, uint32_t nsent,
                      nd_attrib *out)
{
    out->nclaims = out->npersons = out->nroles = out->nquotes = out->nmentions = 0;
    x->ncand = x->nruns = 0;
    if (n >= UINT32_MAX) return -1;
    if (grow((void **)&out->claims, &out->cap_claims, nsent + 1, sizeof *out->claims)) return -1;
    if (out->masked_cap < n + 1) {
        char *p = realloc(out->masked, n + 1);
        if (!p) return -1;
        out->masked = p;
        out->masked_cap = n + 1;
    }
    memcpy(out->masked, text, n);
    out->masked[n] = 0;
    out->nclaims = nsent;
    for (uint32_t s = 0; s < nsent; s++)
        out->claims[s] = (nd_claim){ .person = ND_ATTRIB_NONE, .quote = ND_ATTRIB_NONE };
    for (uint32_t s = 0; s < nsent;) {
        uint32_t e = s;
        while (e + 1 < nsent && sent[e + 1].para == sent[s].para) e++;
        span r = paragraph_range(text, sent, s, e);
        if (!(sent[s].flags & ND_SENT_BOILER) && find_quotes(text, r.start, r.end, out)) return -1;
        s = e + 1;
    }
    const char *m = out->masked;
    for (uint32_t s = 0; s < nsent; s++) {
        if (sent[s].flags & ND_SENT_BOILER) continue;
        int quoted = 0;
        for (uint32_t q = 0; q < out->nquotes && !quoted; q++)
            quoted = out->quotes[q].end > sent[s].start && out->quotes[q].start < sent[s].end;
        for (int pat = 0; pat < NPAT; pat++)
            if (scan_pattern(x, pat, text, m, sent, s, quoted, out)) return -1;
    }
    /* the candidates are in sentence order: sentences were scanned in order */
    if (register_surnames(x, text, n, out) || find_mentions(x, text, sent, nsent, out)) return -1;
    settle_claims(x, text, sent, out);
    attach_quotes(sent, nsent, out);
    inherit_speakers(m, sent, nsent, out);
    return 0;
}

int nd_attrib_names(const nd_attrib *a, uint32_t s, uint32_t p)
{
    uint32_t lo = 0, hi = a->nmentions;  /* mentions are in sentence order */
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (a->mentions[mid].sent < s) lo = mid + 1;
        else hi = mid;
    }
    for (uint32_t i = lo; i < a->nmentions && a->mentions[i].sent == s; i++)
        if (a->mentions[i].person == p) return 1;
    return 0;
}

/* The distinctive words of a folded name: no initials, no particles ("de",
 * "van"); at most cap, their spans into name. */
static size_t name_words(const char *name, size_t nl, span *w, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < nl && k < cap;) {
        size_t e = i;
        while (e < nl && name[e] != ' ') e++;
        if (e - i >= 2 && !nd_word_in(particles, LEN(particles), name + i, e - i)) w[k++] = (span){ (uint32_t)i, (uint32_t)e };
        i = e + 1;
    }
    return k;
}

int nd_person_called(const char *ta, const nd_attrib *a, uint32_t p, const char *tb, uint32_t start, uint32_t end)
{
    char fa[256], fb[256];
    size_t la = fold_name(ta, (span){ a->persons[p].name[0], a->persons[p].name[1] }, fa, sizeof fa);
    size_t lb = fold_name(tb, (span){ start, end }, fb, sizeof fb);
    span wa[MAX_NAME_WORDS + 2], wb[MAX_NAME_WORDS + 2];
    size_t na = name_words(fa, la, wa, MAX_NAME_WORDS + 2), nb = name_words(fb, lb, wb, MAX_NAME_WORDS + 2);
    /* a name of initials only ("J K"): only the same initials are the same name */
    if (!na || !nb) return la == lb && memcmp(fa, fb, la) == 0;
    /* two full names are one person's when the surnames agree: "Enzo Brandt" is not "Enzo Virtanen" */
    if (na >= 2 && nb >= 2)
        return wa[na - 1].end - wa[na - 1].start == wb[nb - 1].end - wb[nb - 1].start &&
               memcmp(fa + wa[na - 1].start, fb + wb[nb - 1].start, wa[na - 1].end - wa[na - 1].start) == 0;
    /* a lone name calls whoever has it: "Wang" is Zihan Wang, "Liang" Liang Wenfeng */
    const char *lone = na == 1 ? fa : fb, *full = na == 1 ? fb : fa;
    span one = na == 1 ? wa[0] : wb[0];
    const span *fw = na == 1 ? wb : wa;
    for (size_t i = 0; i < (na == 1 ? nb : na); i++)
        if (fw[i].end - fw[i].start == one.end - one.start &&
            memcmp(full + fw[i].start, lone + one.start, one.end - one.start) == 0)
            return 1;
    return 0;
}

int nd_person_same(const char *ta, const nd_attrib *a, uint32_t p, const char *tb, const nd_attrib *b, uint32_t q)
{
    return nd_person_called(ta, a, p, tb, b->persons[q].name[0], b->persons[q].name[1]);
}

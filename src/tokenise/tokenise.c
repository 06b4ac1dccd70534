#include "tokenise.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
/* inlined: the keys are a few bytes, where a call into the library costs
 * about as much as the hash */
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "../normalise/boilerplate.h"
#include "../normalise/fold.h"
#include "stopwords.h"

#define STOP_SLOTS 1024      /* power of two, over twice the stop list */
#define STEM_CACHE 65536     /* direct-mapped: news vocabulary mostly fits */
#define MAX_WORD 64          /* longer "words" are cut: URLs, hashes */

struct nd_tokeniser {
    struct sb_stemmer *stemmer;
    uint32_t stop[STOP_SLOTS];                 /* word hash + 1 (0 empty) */
    struct { uint32_t word, stem; } cache[STEM_CACHE];
};

uint32_t nd_word_hash(const char *folded, size_t n)
{
    uint32_t h = (uint32_t)XXH3_64bits(folded, n);
    return h ? h : 1;  /* 0 is reserved for "no word" */
}

static int is_stop(const nd_tokeniser *tk, uint32_t h)
{
    for (uint32_t i = h & (STOP_SLOTS - 1);; i = (i + 1) & (STOP_SLOTS - 1)) {
        if (tk->stop[i] == 0) return 0;
        if (tk->stop[i] == h) return 1;
    }
}

nd_tokeniser *nd_tokeniser_new(void)
{
    nd_tokeniser *tk = calloc(1, sizeof *tk);
    if (!tk) return NULL;
    tk->stemmer = sb_stemmer_new("english", NULL);
    if (!tk->stemmer) {
        free(tk);
        return NULL;
    }
    for (size_t i = 0; i < nd_nstopwords; i++) {
        uint32_t h = nd_word_hash(nd_stopwords[i], strlen(nd_stopwords[i]));
        uint32_t s = h & (STOP_SLOTS - 1);
        while (tk->stop[s] && tk->stop[s] != h) s = (s + 1) & (STOP_SLOTS - 1);
        tk->stop[s] = h;
    }
    return tk;
}

void nd_tokeniser_free(nd_tokeniser *tk)
{
    if (!tk) return;
    sb_stemmer_delete(tk->stemmer);
    free(tk);
}

void nd_tokens_free(nd_tokens *t)
{
    free(t->tok);
    free(t->sent);
    memset(t, 0, sizeof *t);
}

static uint32_t stem_hash(nd_tokeniser *tk, const char *w, size_t n, uint32_t word)
{
    size_t slot = word & (STEM_CACHE - 1);
    if (tk->cache[slot].word == word) return tk->cache[slot].stem;
    const sb_symbol *st = sb_stemmer_stem(tk->stemmer, (const sb_symbol *)w, (int)n);
    uint32_t h = st ? nd_word_hash((const char *)st, (size_t)sb_stemmer_length(tk->stemmer)) : word;
    tk->cache[slot].word = word;
    tk->cache[slot].stem = h;
    return h;
}

/* Folded words the sentence splitter must not end a sentence after. */
static int is_abbreviation(const char *w, size_t n)
{
    static const char abbr[][8] = {  /* zero-padded: compared as 8-byte blocks */
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "st",
        "jr", "sr", "inc", "corp", "co", "ltd", "vs", "etc", "no", "fig", "jan", "feb", "mar",
        "apr", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "est", "mt", "ft",
    };
    if (n == 1) return 1;  /* an initial: "J. Smith" */
    if (memchr(w, '.', n)) return 1;  /* "u.s", "e.g" */
    if (n >= sizeof abbr[0]) return 0;
    char key[sizeof abbr[0]] = { 0 };
    memcpy(key, w, n);
    for (size_t i = 0; i < sizeof abbr / sizeof abbr[0]; i++)
        if (memcmp(abbr[i], key, sizeof key) == 0) return 1;
    return 0;
}

typedef struct {
    nd_tokens *t;
    uint32_t max_sentences;
    uint32_t sent_start, sent_tok, sent_flags, para;
    uint32_t next_start;  /* where the next sentence may begin: an opening quote belongs to it */
    uint32_t next_flags;  /* flags seen before the next sentence's first word */
    int open;
} builder;

static int push_token(nd_tokens *t, nd_token tok)
{
    if (t->ntok == t->tokcap) {
        uint32_t cap = t->tokcap ? t->tokcap * 2 : 256;
        nd_token *p = realloc(t->tok, cap * sizeof *p);
        if (!p) return -1;
        t->tok = p;
        t->tokcap = cap;
    }
    t->tok[t->ntok++] = tok;
    return 0;
}

/* Ends the open sentence at byte `end`; sentences without words are dropped. */
static int close_sentence(builder *b, const char *text, uint32_t end)
{
    if (!b->open) return 0;
    b->open = 0;
    nd_tokens *t = b->t;
    if (t->ntok == b->sent_tok) return 0;
    if (t->nsent >= b->max_sentences) {  /* past the limit: drop the sentence and its words */
        t->ntok = b->sent_tok;
        return 0;
    }
    uint32_t start = b->sent_start;
    while (start < end && (text[start] == ' ' || text[start] == '\t')) start++;
    while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r' ||
                           text[end - 1] == '\n'))
        end--;
    if (t->nsent == t->sentcap) {
        uint32_t cap = t->sentcap ? t->sentcap * 2 : 64;
        nd_sentence *p = realloc(t->sent, cap * sizeof *p);
        if (!p) return -1;
        t->sent = p;
        t->sentcap = cap;
    }
    nd_sentence s = { start, end, b->sent_tok, t->ntok - b->sent_tok, b->para, b->sent_flags };
    if (b->sent_flags & ND_SENT_BOILER)
        for (uint32_t i = s.tok; i < s.tok + s.ntok; i++) t->tok[i].flags |= ND_TOK_BOILER;
    t->sent[t->nsent++] = s;
    return 0;
}

static void open_sentence(builder *b, uint32_t at, uint32_t flags)
{
    if (b->open) return;
    b->open = 1;
    b->sent_start = b->next_start < at ? b->next_start : at;
    b->sent_tok = b->t->ntok;
    b->sent_flags = flags | b->next_flags;
    b->next_flags = 0;
}

/* Byte length of a word starting at s[0] (a letter or digit). */
static size_t word_length(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        if (((ch | 32) >= 'a' && (ch | 32) <= 'z') || (ch >= '0' && ch <= '9')) {  /* ASCII fast path */
            i++;
            continue;
        }
        size_t len;
        int cp = nd_utf8_next(s + i, n - i, &len);
        if (nd_is_letter(cp) || nd_is_digit(cp)) {
            i += len;
            continue;
        }
        /* joiners kept inside a word when a word character follows:
         * don't, o1-mini, 10,000, 3.5, U.S */
        int joiner = cp == '\'' || cp == 0x2019 || cp == '-' || cp == '.' || cp == ',';
        if (!joiner || i + len >= n) break;
        size_t nl;
        int next = nd_utf8_next(s + i + len, n - i - len, &nl);
        int prev_digit = nd_is_digit((unsigned char)s[i - 1]);
        if ((cp == ',' && !(prev_digit && nd_is_digit(next))) ||
            (cp == '.' && !nd_is_letter(next) && !(prev_digit && nd_is_digit(next))) ||
            !(nd_is_letter(next) || nd_is_digit(next)))
            break;
        i += len;
    }
    return i;
}

/* ASCII letters and digits as nd_fold writes them; 0 for every other byte. */
static const char ascii_folded[256] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
    ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g', ['H'] = 'h', ['I'] = 'i',
    ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r',
    ['S'] = 's', ['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z',
    ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f', ['g'] = 'g', ['h'] = 'h', ['i'] = 'i',
    ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r',
    ['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
};

/* The common word, all ASCII, in one pass: what word_length and nd_fold make
 * of it.  Returns its byte length, with the folded form in f[0..*fl) (cut at
 * MAX_WORD like nd_fold's), or 0 when a non-ASCII byte is part of the word
 * or decides where it ends: the general path takes those. */
static size_t ascii_word(const char *s, size_t n, char *f, size_t *fl)
{
    size_t i = 0;
    for (;;) {
        char c;
        while (i < n && (c = ascii_folded[(unsigned char)s[i]])) {
            if (i < MAX_WORD) f[i] = c;
            i++;
        }
        if (i == n) break;
        c = s[i];
        if ((unsigned char)c >= 0x80) return 0;
        if ((c != '\'' && c != '-' && c != '.' && c != ',') || i + 1 == n) break;
        /* a joiner, kept as word_length keeps it */
        unsigned char next = (unsigned char)s[i + 1];
        if (next >= 0x80) return 0;
        int digit = next >= '0' && next <= '9', letter = ascii_folded[next] && !digit;
        int prev_digit = s[i - 1] >= '0' && s[i - 1] <= '9';
        if (c == ',' ? !(prev_digit && digit) : c == '.' ? !(letter || (prev_digit && digit)) : !(letter || digit))
            break;
        if (i < MAX_WORD) f[i] = c;
        i++;
    }
    *fl = i < MAX_WORD ? i : MAX_WORD;
    return i;
}

static int line_ends_sentence(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
    if (!n) return 0;
    unsigned char c = (unsigned char)s[n - 1];
    if (c == '.' || c == '!' || c == '?' || c == '"' || c == ':') return 1;
    /* closing curly quote */
    return n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 && (c == 0x9D || c == 0x99);
}

int nd_tokenise(nd_tokeniser *tk, const char *text, size_t n, uint32_t max_sentences, nd_tokens *out)
{
    out->ntok = out->nsent = 0;
    builder b = { .t = out, .max_sentences = max_sentences };
    size_t ls = 0;
    int prev_blank = 1;
    while (ls < n && out->nsent < max_sentences) {
        const char *nl = memchr(text + ls, '\n', n - ls);
        size_t le = nl ? (size_t)(nl - text) : n;
        const char *line = text + ls;
        size_t llen = le - ls;
        size_t lead = 0;
        while (lead < llen && (line[lead] == ' ' || line[lead] == '\t' || line[lead] == '\r')) lead++;
        if (lead == llen) {  /* blank line: paragraph break */
            if (close_sentence(&b, text, (uint32_t)ls)) return -1;
            if (!prev_blank) b.para++;
            prev_blank = 1;
            ls = le + 1;
            continue;
        }
        prev_blank = 0;
        uint32_t flags = nd_line_is_boilerplate(line, llen) ? ND_SENT_BOILER : 0;
        if (b.open && (b.sent_flags & ND_SENT_BOILER) != flags)
            if (close_sentence(&b, text, (uint32_t)ls)) return -1;
        if (!b.open) {
            b.next_start = (uint32_t)(ls + lead);
            b.next_flags = 0;
        }
        size_t i = ls + lead;
        while (i < le) {
            unsigned char ch = (unsigned char)text[i];
            if (ch == ' ' || ch == '\t' || ch == '\r') {  /* the commonest byte: no decoding */
                i++;
                continue;
            }
            size_t len = 1;
            int cp = ch < 0x80 ? ch : nd_utf8_next(text + i, le - i, &len);
            if (ch < 0x80 ? ascii_folded[ch] != 0 : nd_is_letter(cp) || nd_is_digit(cp)) {
                open_sentence(&b, (uint32_t)i, flags);
                char f[MAX_WORD];
                size_t fl, wl = ascii_word(text + i, le - i, f, &fl);
                if (!wl) {
                    wl = word_length(text + i, le - i);
                    fl = nd_fold(text + i, wl, f, sizeof f);
                }
                if (fl > 2 && f[fl - 2] == '\'' && f[fl - 1] == 's') fl -= 2;  /* possessive */
                nd_token tok = { (uint32_t)i, (uint32_t)(i + wl), 0, 0, 0 };
                tok.word = nd_word_hash(f, fl);
                if (ch < 0x80)  /* ch is a digit, an upper- or a lower-case letter, in that order */
                    tok.flags = ch <= '9' ? ND_TOK_NUMBER : ch <= 'Z' ? ND_TOK_CAPITAL : 0;
                else
                    tok.flags = (nd_is_digit(cp) ? ND_TOK_NUMBER : 0) | (nd_is_upper(cp) ? ND_TOK_CAPITAL : 0);
                if (is_stop(tk, tok.word)) tok.flags |= ND_TOK_STOP;
                tok.stem = (tok.flags & (ND_TOK_NUMBER | ND_TOK_STOP)) ? tok.word : stem_hash(tk, f, fl, tok.word);
                if (push_token(out, tok)) return -1;
                i += wl;
                continue;
            }
            if (nd_is_quote(cp) && cp != 0x2019) {
                if (b.open) b.sent_flags |= ND_SENT_QUOTE;
                else b.next_flags |= ND_SENT_QUOTE;
            }
            i += len;
            if ((cp == '.' || cp == '!' || cp == '?') && b.open) {
                /* closing quotes and brackets belong to the sentence they end */
                size_t j = i;
                for (;;) {
                    if (j >= le) break;
                    size_t ql;
                    int q = nd_utf8_next(text + j, le - j, &ql);
                    if (!(nd_is_quote(q) || q == ')' || q == ']')) break;
                    if (nd_is_quote(q)) b.sent_flags |= ND_SENT_QUOTE;
                    j += ql;
                }
                if (j < le && text[j] != ' ' && text[j] != '\t') continue;
                size_t k = j;
                while (k < le && (text[k] == ' ' || text[k] == '\t')) k++;
                if (k < le) {
                    size_t nl2;
                    int next = nd_utf8_next(text + k, le - k, &nl2);
                    if (!(nd_is_upper(next) || nd_is_digit(next) || nd_is_quote(next) || next == '(')) continue;
                }
                if (cp == '.' && out->ntok > b.sent_tok) {
                    const nd_token *last = &out->tok[out->ntok - 1];
                    if (last->end + 1 == i) {
                        char f[MAX_WORD];
                        size_t fl = nd_fold(text + last->start, last->end - last->start, f, sizeof f);
                        if (is_abbreviation(f, fl) && !(last->flags & ND_TOK_NUMBER) && k < le) continue;
                    }
                }
                if (close_sentence(&b, text, (uint32_t)j)) return -1;
                if (out->nsent >= max_sentences) break;
                i = j;
                b.next_start = (uint32_t)j;
            }
        }
        /* A line ends its sentence unless it looks hard-wrapped: long, no end punctuation. */
        int wrapped = llen >= 60 && !line_ends_sentence(line, llen) && !flags && le < n &&
                      le + 1 < n && text[le + 1] != ' ' && text[le + 1] != '\t' && text[le + 1] != '\n' &&
                      text[le + 1] != '\r';
        if (!wrapped) {
            if (close_sentence(&b, text, (uint32_t)le)) return -1;
            b.para++;
            prev_blank = 1;  /* the next line opens a new paragraph without adding another */
        }
        ls = le + 1;
    }
    if (out->nsent < max_sentences && close_sentence(&b, text, (uint32_t)n)) return -1;
    return 0;
}

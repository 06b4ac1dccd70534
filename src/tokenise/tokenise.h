/* Words, sentences and paragraphs with their byte spans, and the hashes the
 * fingerprint and audit stages compare. */
#ifndef ND_TOKENISE_H
#define ND_TOKENISE_H
#include <stddef.h>
#include <stdint.h>

enum {
    ND_TOK_STOP = 1,      /* function word (the, of, said ...) */
    ND_TOK_NUMBER = 2,    /* starts with a digit */
    ND_TOK_CAPITAL = 4,   /* starts with an upper-case letter in the text */
    ND_TOK_BOILER = 8     /* inside a boilerplate line (site furniture) */
};

typedef struct nd_token {
    uint32_t start, end;  /* byte span in the text */
    uint32_t word;        /* hash of the folded form (lower case, no accents, NFKC) */
    uint32_t stem;        /* hash of the Snowball stem of the folded form */
    uint32_t flags;
} nd_token;

enum {
    ND_SENT_BOILER = 1,   /* the sentence lies in a boilerplate line */
    ND_SENT_QUOTE = 2     /* the sentence contains a quotation mark */
};

typedef struct nd_sentence {
    uint32_t start, end;  /* byte span, trimmed of white space */
    uint32_t tok, ntok;   /* token range */
    uint32_t para;        /* paragraph number (lines separated by blank lines or indents) */
    uint32_t flags;
} nd_sentence;

typedef struct nd_tokens {
    nd_token *tok;
    uint32_t ntok, tokcap;
    nd_sentence *sent;
    uint32_t nsent, sentcap;
} nd_tokens;

typedef struct nd_tokeniser nd_tokeniser;

/* A tokeniser holds a stemmer and scratch space: one per thread.  NULL when out of memory. */
nd_tokeniser *nd_tokeniser_new(void);
void nd_tokeniser_free(nd_tokeniser *tk);

/* Tokenises text[0..n) (valid UTF-8) into out, reusing its buffers; stops
 * after max_sentences sentences.  0, or -1 when out of memory. */
int nd_tokenise(nd_tokeniser *tk, const char *text, size_t n, uint32_t max_sentences, nd_tokens *out);
void nd_tokens_free(nd_tokens *t);

/* Hash of a folded word, as nd_token.word; for comparing with a known word. */
uint32_t nd_word_hash(const char *folded, size_t n);
#endif

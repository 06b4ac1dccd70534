/* Who says what in one document: quotations, reporting verbs, speakers
 * (people resolved through surnames and he/she, organisations), and the
 * roles people are introduced with.  Precision before recall: a speaker that
 * cannot be pinned down is marked vague, never guessed. */
#ifndef ND_ATTRIB_H
#define ND_ATTRIB_H
#include <stddef.h>
#include <stdint.h>

#include "../tokenise/tokenise.h"

#define ND_ATTRIB_NONE UINT32_MAX

typedef enum nd_speaker_kind {
    ND_SPK_NONE = 0,  /* the sentence attributes nothing */
    ND_SPK_PERSON,    /* a named person */
    ND_SPK_ORG,       /* an organisation: "DeepSeek said", "the company claims" */
    ND_SPK_VAGUE      /* attributed, to no one we can name: "experts", "a report", "it", an ambiguous "he" */
} nd_speaker_kind;

typedef struct nd_claim {
    uint8_t kind;          /* nd_speaker_kind */
    uint8_t cue;           /* nd_cue_class of the reporting verb */
    uint8_t direct;        /* the sentence quotes the speaker */
    uint8_t carried;       /* a paragraph of quotation naming nobody: its speaker is the paragraph before's */
    uint32_t person;       /* ND_SPK_PERSON: index in nd_attrib.persons */
    uint32_t speaker[2];   /* the speaker as written ("Zihan Wang", "The company", "he") */
    uint32_t frame[2];     /* speaker, role and cue: the part that is not what was said */
    uint32_t content[2];   /* the part of the sentence attributed to the speaker */
    uint32_t quote;        /* the quotation of the speaker in this sentence, or ND_ATTRIB_NONE */
} nd_claim;

typedef struct nd_person {
    uint32_t name[2];      /* full name at its first mention (or the lone surname when never given) */
    uint32_t role;         /* first of its roles in nd_attrib.roles, or ND_ATTRIB_NONE */
} nd_person;

typedef struct nd_role_mention {
    uint32_t person;
    uint32_t span[2];      /* "an assistant professor in information systems at Emory University" */
    uint32_t sent;
    uint32_t next;         /* the person's next role, or ND_ATTRIB_NONE */
} nd_role_mention;

typedef struct nd_quote {
    uint32_t start, end;   /* between the marks */
    uint32_t words;
} nd_quote;

typedef struct nd_mention {
    uint32_t sent, start, end, person;
} nd_mention;

typedef struct nd_attrib {
    nd_claim *claims;          /* one per sentence of the nd_tokens given */
    uint32_t nclaims;
    nd_person *persons;
    uint32_t npersons;
    nd_role_mention *roles;
    uint32_t nroles;
    nd_quote *quotes;          /* quotations, in text order (scare quotes: under four words, no closing punctuation, left out) */
    uint32_t nquotes;
    nd_mention *mentions;      /* where each person is named, in text order */
    uint32_t nmentions;
    char *masked;              /* scratch: the text with quotations blanked */
    size_t masked_cap;
    uint32_t cap_claims, cap_persons, cap_roles, cap_quotes, cap_mentions;
} nd_attrib;

/* Compiled patterns and match space: one per thread. */
typedef struct nd_attrib_ctx nd_attrib_ctx;

/* NULL when out of memory (the patterns are fixed, so they always compile). */
nd_attrib_ctx *nd_attrib_ctx_new(void);
void nd_attrib_ctx_free(nd_attrib_ctx *x);

/* Extracts the attributions of text (valid UTF-8) split into the sentences
 * sent[0..nsent) (byte spans and paragraph numbers are used; sentences
 * flagged ND_SENT_BOILER attribute nothing), reusing out's buffers.  0, or -1
 * when out of memory.  Spans in out are byte offsets into text. */
int nd_attrib_extract(nd_attrib_ctx *x, const char *text, size_t n, const nd_sentence *sent, uint32_t nsent,
                      nd_attrib *out);
void nd_attrib_free(nd_attrib *a);

/* 1 when byte `at` of the text lies inside one of a's quotations. */
int nd_attrib_quoted(const nd_attrib *a, uint32_t at);

/* 1 when sentence s names person p (by full name or surname). */
int nd_attrib_names(const nd_attrib *a, uint32_t s, uint32_t p);

/* 1 when the name tb[start..end) calls person p of document a (text ta),
 * folded, initials and particles aside: a lone name when it is one of the
 * person's names ("Wang" calls "Zihan Wang"), a full name when the last
 * names agree ("Jose Nunez" calls "José Núñez", not "Jose Ortega"). */
int nd_person_called(const char *ta, const nd_attrib *a, uint32_t p, const char *tb, uint32_t start, uint32_t end);

/* 1 when person p of document a and person q of document b share a name. */
int nd_person_same(const char *ta, const nd_attrib *a, uint32_t p, const char *tb, const nd_attrib *b, uint32_t q);
#endif

/* How sure a statement is: reporting verbs sorted by how much the writer
 * vouches for what is reported, and the hedges that mark a claim as less
 * than certain. */
#ifndef ND_HEDGE_H
#define ND_HEDGE_H
#include <stddef.h>
#include <stdint.h>

typedef enum nd_cue_class {
    ND_CUE_NONE = 0,
    ND_CUE_NEUTRAL,    /* say, tell, explain, note, add, tweet, "according to" */
    ND_CUE_COMMIT,     /* confirm, admit, acknowledge: the writer vouches for it */
    ND_CUE_DISTANCE,   /* claim, allege: the writer keeps away from it */
    ND_CUE_TENTATIVE   /* suggest, believe, think: the speaker is unsure */
} nd_cue_class;

enum {
    ND_CUE_MARKED = 1,  /* reports speech only before "that", a colon, a comma, a quotation or the end
                         * ("she added that ..." but not "it added a plant") */
    ND_CUE_BASE = 2,    /* a base form (say, claim): never placed after its subject ("..., says X") */
    ND_CUE_PARTICIPLE = 4  /* "..., saying that ...": the speaker is the subject of the sentence */
};

typedef struct nd_cue {
    const char *form;   /* lower case; words separated by one space ("pointed out") */
    uint8_t cls;        /* nd_cue_class */
    uint8_t flags;
} nd_cue;

/* The reporting verb forms known, in a static table; *n receives its size. */
const nd_cue *nd_cues(size_t *n);

/* The entry for the verb form w[0..n) (any case, single spaces), or NULL. */
const nd_cue *nd_cue_find(const char *w, size_t n);

/* "neutral", "commit", "distance", "tentative" ("none" for ND_CUE_NONE). */
const char *nd_cue_class_name(int cls);

/* 1 when the class leaves the statement open (distance or tentative). */
int nd_cue_hedges(int cls);

/* 1 when the word w[0..n) (any case) keeps a statement open though it is
 * no hedge of its own: "potential", "expected", "due", "estimated". */
int nd_hedge_kin(const char *w, size_t n);

typedef struct nd_hedge {
    uint32_t start, end;  /* bytes of the hedge, relative to the text searched */
} nd_hedge;

/* Finds the hedges in s[0..n): modal verbs (could, may, might), adverbs
 * (reportedly, allegedly, likely), raising verbs (appears to, is expected to),
 * claim and suggestion verbs, "according to reports".  Capitalised "May" is
 * taken for the month.  Writes at most cap to out and returns how many there
 * are. */
size_t nd_hedges_find(const char *s, size_t n, nd_hedge *out, size_t cap);
#endif

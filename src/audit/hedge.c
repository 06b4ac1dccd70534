#include "hedge.h"

#include <string.h>

#include "../normalise/fold.h"
#include "words.h"

#define M ND_CUE_MARKED
#define B ND_CUE_BASE
#define P ND_CUE_PARTICIPLE

static const nd_cue cues[] = {
    { "saying", ND_CUE_NEUTRAL, P }, { "telling", ND_CUE_NEUTRAL, P }, { "adding", ND_CUE_NEUTRAL, P },
    { "noting", ND_CUE_NEUTRAL, P }, { "arguing", ND_CUE_NEUTRAL, P }, { "warning", ND_CUE_NEUTRAL, P },
    { "explaining", ND_CUE_NEUTRAL, P }, { "stressing", ND_CUE_NEUTRAL, P }, { "insisting", ND_CUE_COMMIT, P },
    { "claiming", ND_CUE_DISTANCE, P }, { "suggesting", ND_CUE_TENTATIVE, P },
    { "say", ND_CUE_NEUTRAL, B }, { "says", ND_CUE_NEUTRAL, 0 }, { "said", ND_CUE_NEUTRAL, 0 },
    { "tell", ND_CUE_NEUTRAL, B }, { "tells", ND_CUE_NEUTRAL, 0 }, { "told", ND_CUE_NEUTRAL, 0 },
    { "explain", ND_CUE_NEUTRAL, B }, { "explains", ND_CUE_NEUTRAL, 0 }, { "explained", ND_CUE_NEUTRAL, 0 },
    { "note", ND_CUE_NEUTRAL, B }, { "notes", ND_CUE_NEUTRAL, 0 }, { "noted", ND_CUE_NEUTRAL, 0 },
    { "add", ND_CUE_NEUTRAL, B | M }, { "adds", ND_CUE_NEUTRAL, M }, { "added", ND_CUE_NEUTRAL, M },
    { "state", ND_CUE_NEUTRAL, B | M }, { "states", ND_CUE_NEUTRAL, M }, { "stated", ND_CUE_NEUTRAL, 0 },
    { "mention", ND_CUE_NEUTRAL, B }, { "mentions", ND_CUE_NEUTRAL, 0 }, { "mentioned", ND_CUE_NEUTRAL, 0 },
    { "remark", ND_CUE_NEUTRAL, B }, { "remarks", ND_CUE_NEUTRAL, 0 }, { "remarked", ND_CUE_NEUTRAL, 0 },
    { "comment", ND_CUE_NEUTRAL, B }, { "comments", ND_CUE_NEUTRAL, M }, { "commented", ND_CUE_NEUTRAL, 0 },
    { "observe", ND_CUE_NEUTRAL, B }, { "observes", ND_CUE_NEUTRAL, 0 }, { "observed", ND_CUE_NEUTRAL, 0 },
    { "write", ND_CUE_NEUTRAL, B | M }, { "writes", ND_CUE_NEUTRAL, M }, { "wrote", ND_CUE_NEUTRAL, M },
    { "tweet", ND_CUE_NEUTRAL, B | M }, { "tweets", ND_CUE_NEUTRAL, M }, { "tweeted", ND_CUE_NEUTRAL, 0 },
    { "posted", ND_CUE_NEUTRAL, M }, { "reported", ND_CUE_NEUTRAL, M }, { "reports", ND_CUE_NEUTRAL, M },
    { "argue", ND_CUE_NEUTRAL, B }, { "argues", ND_CUE_NEUTRAL, 0 }, { "argued", ND_CUE_NEUTRAL, 0 },
    { "point out", ND_CUE_NEUTRAL, B }, { "points out", ND_CUE_NEUTRAL, 0 }, { "pointed out", ND_CUE_NEUTRAL, 0 },
    { "recalled", ND_CUE_NEUTRAL, M }, { "recalls", ND_CUE_NEUTRAL, M }, { "continued", ND_CUE_NEUTRAL, M },
    { "replied", ND_CUE_NEUTRAL, 0 }, { "warned", ND_CUE_NEUTRAL, 0 }, { "warns", ND_CUE_NEUTRAL, 0 },
    { "answered", ND_CUE_NEUTRAL, 0 }, { "responded", ND_CUE_NEUTRAL, 0 }, { "complained", ND_CUE_NEUTRAL, 0 },
    { "complains", ND_CUE_NEUTRAL, 0 }, { "countered", ND_CUE_NEUTRAL, 0 }, { "declared", ND_CUE_NEUTRAL, M },
    { "recounted", ND_CUE_NEUTRAL, 0 }, { "cautioned", ND_CUE_NEUTRAL, 0 },
    { "announced", ND_CUE_NEUTRAL, M }, { "stressed", ND_CUE_NEUTRAL, 0 }, { "emphasised", ND_CUE_NEUTRAL, 0 },
    { "emphasized", ND_CUE_NEUTRAL, 0 }, { "testified", ND_CUE_NEUTRAL, 0 },
    { "confirm", ND_CUE_COMMIT, B | M }, { "confirms", ND_CUE_COMMIT, M }, { "confirmed", ND_CUE_COMMIT, M },
    { "admit", ND_CUE_COMMIT, B }, { "admits", ND_CUE_COMMIT, 0 }, { "admitted", ND_CUE_COMMIT, 0 },
    { "acknowledge", ND_CUE_COMMIT, B }, { "acknowledges", ND_CUE_COMMIT, 0 },
    { "acknowledged", ND_CUE_COMMIT, 0 }, { "concede", ND_CUE_COMMIT, B }, { "concedes", ND_CUE_COMMIT, 0 },
    { "conceded", ND_CUE_COMMIT, 0 }, { "insist", ND_CUE_COMMIT, B }, { "insists", ND_CUE_COMMIT, 0 },
    { "insisted", ND_CUE_COMMIT, 0 }, { "maintains", ND_CUE_COMMIT, M }, { "maintained", ND_CUE_COMMIT, M },
    { "revealed", ND_CUE_COMMIT, M }, { "disclosed", ND_CUE_COMMIT, M },
    { "claim", ND_CUE_DISTANCE, B }, { "claims", ND_CUE_DISTANCE, 0 }, { "claimed", ND_CUE_DISTANCE, 0 },
    { "allege", ND_CUE_DISTANCE, B }, { "alleges", ND_CUE_DISTANCE, 0 }, { "alleged", ND_CUE_DISTANCE, 0 },
    { "contend", ND_CUE_DISTANCE, B }, { "contends", ND_CUE_DISTANCE, 0 }, { "contended", ND_CUE_DISTANCE, 0 },
    { "assert", ND_CUE_DISTANCE, B }, { "asserts", ND_CUE_DISTANCE, 0 }, { "asserted", ND_CUE_DISTANCE, 0 },

    { "suggest", ND_CUE_TENTATIVE, B }, { "suggests", ND_CUE_TENTATIVE, 0 },
    { "suggested", ND_CUE_TENTATIVE, 0 }, { "believe", ND_CUE_TENTATIVE, B },
    { "believes", ND_CUE_TENTATIVE, 0 }, { "believed", ND_CUE_TENTATIVE, 0 }, { "think", ND_CUE_TENTATIVE, B },
    { "thinks", ND_CUE_TENTATIVE, 0 }, { "thought", ND_CUE_TENTATIVE, M },
    { "predict", ND_CUE_TENTATIVE, B }, { "predicts", ND_CUE_TENTATIVE, 0 },
    { "predicted", ND_CUE_TENTATIVE, 0 }, { "speculated", ND_CUE_TENTATIVE, 0 },
    { "estimates", ND_CUE_TENTATIVE, M }, { "estimated", ND_CUE_TENTATIVE, M },
    { "expects", ND_CUE_TENTATIVE, M }, { "expected", ND_CUE_TENTATIVE, M }, { "hopes", ND_CUE_TENTATIVE, M },
    { "promised", ND_CUE_COMMIT, 0 }, { "promises", ND_CUE_COMMIT, 0 }, { "pledged", ND_CUE_COMMIT, 0 },
};

#undef M
#undef B
#undef P

const nd_cue *nd_cues(size_t *n)
{
    *n = sizeof cues / sizeof cues[0];
    return cues;
}

const nd_cue *nd_cue_find(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof cues / sizeof cues[0]; i++)
        if (nd_word_is_n(w, n, cues[i].form, strlen(cues[i].form))) return &cues[i];
    return NULL;
}

const char *nd_cue_class_name(int cls)
{
    static const char *const names[] = { "none", "neutral", "commit", "distance", "tentative" };
    return cls >= 0 && cls <= ND_CUE_TENTATIVE ? names[cls] : "none";
}

int nd_cue_hedges(int cls)
{
    return cls == ND_CUE_DISTANCE || cls == ND_CUE_TENTATIVE;
}

/* Hedge phrases, lower case, one space between words.  Approximations of a
 * figure ("up to 8%") are left to the comparison of numbers. */
static const char *const hedges[] = {
    "could", "may", "might", "reportedly", "allegedly", "apparently", "purportedly", "supposedly",
    "possibly", "perhaps", "probably", "presumably", "potentially", "likely", "unlikely", "maybe",
    "seemingly", "appear to", "appears to", "appeared to", "seem to", "seems to", "seemed to",
    "expected to", "projected to", "forecast to", "believed to", "thought to", "said to",
    "understood to", "an estimated", "rumoured", "rumored", "claim that", "claims that", "claimed that",
    "claim to", "claims to", "claimed to", "claiming", "suggest", "suggests", "suggested", "suggesting",
    "according to reports", "reports suggest", "it is possible", "it is possible that", "it was possible",
    "it was possible that", "there is a chance that", "there was a chance that", "there is a real chance that",
    "there was a real chance that", "i think", "i believe", "in my view", "look to be", "looks to be", "looked to be",
};

/* Words that keep a statement open without hedging it as a whole: "the
 * maximum fine it could face" is "the potential fine", "is expected to
 * publish" is "are due". */
static const char *const kin[] = {
    "potential", "possible", "expected", "due", "scheduled", "estimated", "projected", "anticipated", "forecast",
};

int nd_hedge_kin(const char *w, size_t n)
{
    for (size_t k = 0; k < sizeof kin / sizeof kin[0]; k++)
        if (nd_word_is_n(w, n, kin[k], strlen(kin[k]))) return 1;
    return 0;
}

/* Byte length of the letter at s[i] (any script), or 0 when it is not one. */
static size_t letter_at(const char *s, size_t n, size_t i)
{
    size_t len;
    return i < n && nd_is_letter(nd_utf8_next(s + i, n - i, &len)) ? len : 0;
}

static size_t word_end(const char *s, size_t n, size_t i)
{
    size_t len;
    while ((len = letter_at(s, n, i))) i += len;
    return i;
}

/* Matches the phrase h at s[i] (a word start); the end of the match, or 0. */
static size_t match_phrase(const char *s, size_t n, size_t i, const char *h)
{
    for (;;) {
        const char *sp = strchr(h, ' ');
        size_t wl = sp ? (size_t)(sp - h) : strlen(h);
        size_t e = word_end(s, n, i);
        if (e - i != wl || !nd_word_is_n(s + i, wl, h, wl)) return 0;
        if (!sp) return e;
        if (e >= n || s[e] != ' ') return 0;
        for (i = e; i < n && s[i] == ' '; i++) {}
        h = sp + 1;
    }
}

size_t nd_hedges_find(const char *s, size_t n, nd_hedge *out, size_t cap)
{
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        if (!letter_at(s, n, i)) {  /* words are skipped whole, so a letter here starts one */
            i++;
            continue;
        }
        size_t best = 0;
        for (size_t h = 0; h < sizeof hedges / sizeof hedges[0]; h++) {
            size_t e = match_phrase(s, n, i, hedges[h]);
            if (e <= best) continue;
            if (strcmp(hedges[h], "may") == 0 && s[i] == 'M') continue;  /* "May 2024" */
            best = e;
        }
        if (best) {
            if (count < cap) out[count] = (nd_hedge){ (uint32_t)i, (uint32_t)best };
            count++;
            i = best;
        } else {
            i = word_end(s, n, i);
        }
    }
    return count;
}

/* Which sentences of a rewrite restate which sentences of its origin, for
 * comparing claims.  Unlike nd_align (one-to-one, in order), a link may
 * cross others and a sentence may link to several: rewriters move a quote
 * up a paragraph, split one sentence into three, merge two into one, or
 * graft a clause of their own onto a restated one.  nd_align's pairs serve
 * as anchors (but a pair of differing sentences when one has a word-for-word
 * twin elsewhere): a link may stray only a few sentences from where the
 * anchors around it say the rewrite is, which keeps a page's summary box or
 * a passage past a truncation from linking.  Only what is said counts: words
 * of the attribution frames (speaker, role, reporting verb) are left out,
 * so a quote given to someone else still finds the sentence it came from.
 * A sentence kept word for word links to its twin alone. */
#ifndef ND_LINK_H
#define ND_LINK_H
#include <stdint.h>

#include "../tokenise/tokenise.h"
#include "../verify/align.h"
#include "attrib.h"

typedef struct nd_link {
    uint32_t o, r;   /* sentence indices in the origin's and the rewrite's nd_tokens */
    float sim;       /* weighted overlap of their content words, 0..1 */
} nd_link;

typedef struct nd_links {
    nd_link *v;      /* by r, then by decreasing sim */
    uint32_t n, cap;
} nd_links;

/* Links the sentences of a rewrite (text rtext, tokens tr, attributions ar)
 * to those of its origin (to, ao), near the anchors al (nd_align of the
 * origin's and the rewrite's features, in that order), reusing out's
 * buffers.  No anchors, no links.  0, or -1 when out of memory. */
int nd_link_sentences(const nd_tokens *to, const nd_attrib *ao, const nd_tokens *tr, const nd_attrib *ar,
                      const nd_alignment *al, const char *rtext, nd_links *out);
void nd_links_free(nd_links *l);

/* 1 when sentence i of a and sentence j of b are word for word the same
 * (folded: case, accents and punctuation aside); 0 for empty sentences. */
int nd_sentences_same(const nd_tokens *a, uint32_t i, const nd_tokens *b, uint32_t j);
#endif

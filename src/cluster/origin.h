/* Naming the origin of a cluster, with the reason. */
#ifndef ND_ORIGIN_H
#define ND_ORIGIN_H
#include <stdint.h>

#include "../fingerprint/evidence.h"

typedef struct nd_origin_input {
    uint32_t doc;
    int64_t published;         /* INT64_MIN when unknown */
    const nd_evidence *ev;
    float similarity;          /* mean similarity to the other members */
    int64_t span;              /* seconds the published time may be late by: 0 when given exactly,
                                  a minute or a day when printed on the page (nd_dateline) */
} nd_origin_input;

/* Picks the origin among m[0..n) (n >= 2): the earliest published time when
 * at least two members give one (the text decides among members whose
 * times overlap at the precision given); otherwise the text's own evidence (direct
 * quotations that others paraphrase, self-references, figures), then
 * centrality, then the lowest index.  Writes a one-line reason to why. */
uint32_t nd_origin_choose(const nd_origin_input *m, uint32_t n, char *why, size_t whylen);
#endif

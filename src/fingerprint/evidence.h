/* Signs in a text that it is the original version of a story. */
#ifndef ND_EVIDENCE_H
#define ND_EVIDENCE_H
#include <stddef.h>
#include <stdint.h>

#include "../tokenise/tokenise.h"

typedef struct nd_evidence {
    uint16_t quotations;   /* direct quotations of four words or more */
    uint16_t self_refs;    /* the outlet speaking of itself: "told <X>", "request for comment", bylines */
    uint16_t truncated;    /* the text says it was cut off */
    uint16_t numbers;      /* figures in content sentences */
    uint32_t words;        /* words in content sentences */
    int32_t printed;       /* the date the page prints in its header, in minutes since 1970 UTC; 0 when none */
    int32_t printed_span;  /* minutes that date may be late by: 1, or 1440 for a date alone */
} nd_evidence;

/* Reads the evidence off text[0..n) and its tokens.  0, or -1 when out of memory. */
int nd_evidence_of(const char *text, size_t n, const nd_tokens *t, nd_evidence *out);
#endif

/* What the ingest index keeps of a document instead of its text: a header
 * (verdict, id, source, published) and the encoded compact
 * features (fingerprint/compact.h) verification reads. */
#ifndef ND_RECORD_H
#define ND_RECORD_H
#include <stddef.h>
#include <stdint.h>

#include "../fingerprint/compact.h"
#include "../util/buffer.h"

typedef struct nd_record {
    uint8_t verdict;          /* nd_verdict the document got when it was added */
    uint8_t has_text;
    uint32_t of;              /* document number it derives from; UINT32_MAX for none */
    float similarity;         /* to `of` */
    const char *id, *source, *published, *text;  /* not NUL-terminated; NULL when absent */
    size_t idlen, sourcelen, publishedlen, textlen;
    const uint8_t *compact;   /* encoded compact features */
    size_t ncompact;
} nd_record;

/* Appends r's header and strings and the encoding of compact features c
 * (made by nd_compact_project) to out; r->compact is ignored.
 * 0, or -1 when out of memory. */
int nd_record_encode(const nd_record *r, const nd_features *c, nd_bytes *out);

/* Reads a record from p[0..n); r's pointers point into p.  0, or -1 when the
 * bytes are not a record (a damaged or foreign index). */
int nd_record_decode(const void *p, size_t n, nd_record *r);

#endif

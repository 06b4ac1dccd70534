/* What the ingest index keeps of a document instead of its text: a header
 * (verdict, key count, id, source, published) and a compact form of the
 * features verification reads.  The compact form is lossy, on purpose:
 *  - content-word and bigram hashes are cut to their low 16 bits (two
 *    words then collide with odds 1 in 65,536 per pair compared);
 *  - of the 5-word shingles only the 1 in 8 that the candidate keys sample
 *    are kept (low 16 bits), so shingle containment is estimated from that
 *    sample;
 *  - sets are stored sorted and Rice-coded (about 9 to 14 bits a hash). */
#ifndef ND_RECORD_H
#define ND_RECORD_H
#include <stddef.h>
#include <stdint.h>

#include "../fingerprint/features.h"
#include "../util/vec.h"

typedef ND_VEC(uint8_t) nd_bytes;

typedef struct nd_record {
    uint8_t verdict;          /* nd_verdict the document got when it was added */
    uint8_t has_text;
    uint32_t of;              /* document number it derives from; UINT32_MAX for none */
    float similarity;         /* to `of` */
    uint32_t nkeys;           /* candidate keys it was indexed under */
    const char *id, *source, *published, *text;  /* not NUL-terminated; NULL when absent */
    size_t idlen, sourcelen, publishedlen, textlen;
    const uint8_t *compact;   /* encoded compact features */
    size_t ncompact;
} nd_record;

/* The compact form of full features f in *out (reusing out's buffers; sent_index
 * counts 0, 1, ...), ready for nd_verify against another compact form.
 * 0, or -1 when out of memory. */
int nd_compact_project(const nd_features *f, nd_features *out);

/* Appends r's header and strings and the encoding of compact features c
 * (as made by nd_compact_project) to out; r->compact is ignored.
 * 0, or -1 when out of memory. */
int nd_record_encode(const nd_record *r, const nd_features *c, nd_bytes *out);

/* Reads a record from p[0..n); r's pointers point into p.  0, or -1 when the
 * bytes are not a record (a damaged or foreign index). */
int nd_record_decode(const void *p, size_t n, nd_record *r);

/* Decodes r's compact features into *out (reusing its buffers).  0, -1 when
 * out of memory, -2 when the bytes are malformed. */
int nd_compact_decode(const nd_record *r, nd_features *out);
#endif

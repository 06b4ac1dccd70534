/* Byte strings built by appending and read back with bounds checks: the
 * encodings of records and compact features share these. */
#ifndef ND_BUFFER_H
#define ND_BUFFER_H
#include <stddef.h>
#include <stdint.h>

#include "vec.h"

typedef ND_VEC(uint8_t) nd_bytes;

/* Appends p[0..n), an unsigned LEB128 varint, or a varint length and the
 * bytes of s.  0, or -1 when out of memory. */
int nd_bytes_put(nd_bytes *b, const void *p, size_t n);
int nd_bytes_put_varint(nd_bytes *b, uint64_t x);
int nd_bytes_put_string(nd_bytes *b, const char *s, size_t n);

/* A cursor over [p, end); `bad` is set, and stays set, once a read runs past
 * the end or meets a malformed varint (the reads then return 0 or NULL). */
typedef struct nd_reader {
    const uint8_t *p, *end;
    int bad;
} nd_reader;

uint64_t nd_read_varint(nd_reader *r);
/* The next n bytes (pointing into the buffer). */
const void *nd_read_bytes(nd_reader *r, size_t n);
/* A string written by nd_bytes_put_string; its length in *n. */
const char *nd_read_string(nd_reader *r, size_t *n);
#endif

#include "buffer.h"

#include <string.h>

int nd_bytes_put(nd_bytes *b, const void *p, size_t n)
{
    if (nd_vec_reserve(b, n)) return -1;
    if (n) memcpy(b->v + b->n, p, n);
    b->n += n;
    return 0;
}

int nd_bytes_put_varint(nd_bytes *b, uint64_t x)
{
    uint8_t tmp[10];
    size_t n = 0;
    do {
        tmp[n++] = (uint8_t)((x & 0x7F) | (x > 0x7F ? 0x80 : 0));
        x >>= 7;
    } while (x);
    return nd_bytes_put(b, tmp, n);
}

int nd_bytes_put_string(nd_bytes *b, const char *s, size_t n)
{
    return nd_bytes_put_varint(b, n) || nd_bytes_put(b, s, n) ? -1 : 0;
}

uint64_t nd_read_varint(nd_reader *r)
{
    uint64_t x = 0;
    for (unsigned shift = 0; shift < 64 && !r->bad; shift += 7) {
        if (r->p >= r->end) break;
        uint8_t c = *r->p++;
        x |= (uint64_t)(c & 0x7F) << shift;
        if (!(c & 0x80)) return x;
    }
    r->bad = 1;
    return 0;
}

const void *nd_read_bytes(nd_reader *r, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = 1;
        return NULL;
    }
    const void *s = r->p;
    r->p += n;
    return s;
}

const char *nd_read_string(nd_reader *r, size_t *n)
{
    *n = (size_t)nd_read_varint(r);
    return r->bad ? NULL : nd_read_bytes(r, *n);
}

/* Records packed into bytes for the wire: written into a growing buffer,
 * read back in the same order.  Fixed-width fields are copied, not cast, so
 * records need no alignment. */
#ifndef ND_PACK_H
#define ND_PACK_H
#include <stdint.h>
#include <string.h>

#include "../util/vec.h"

typedef ND_VEC(char) nd_packer;

static inline int nd_pack(nd_packer *p, const void *x, size_t n)
{
    if (nd_vec_reserve(p, n)) return -1;
    memcpy(p->v + p->n, x, n);
    p->n += n;
    return 0;
}
/* A C string with its NUL; NULL packs as "" (absent and empty read back alike). */
static inline int nd_pack_str(nd_packer *p, const char *s) { return nd_pack(p, s ? s : "", strlen(s ? s : "") + 1); }

/* Reads from [at, end); a read past the end yields zeros and sets `bad`. */
typedef struct nd_unpacker {
    const char *at, *end;
    int bad;
} nd_unpacker;

static inline void nd_unpack(nd_unpacker *u, void *x, size_t n)
{
    if ((size_t)(u->end - u->at) < n) {
        memset(x, 0, n);
        u->bad = 1;
        u->at = u->end;
        return;
    }
    memcpy(x, u->at, n);
    u->at += n;
}
/* A string packed by nd_pack_str, pointing into the buffer. */
static inline const char *nd_unpack_str(nd_unpacker *u)
{
    const char *s = u->at, *nul = memchr(u->at, 0, (size_t)(u->end - u->at));
    if (!nul) {
        u->bad = 1;
        u->at = u->end;
        return "";
    }
    u->at = nul + 1;
    return s;
}
#endif

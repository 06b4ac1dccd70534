#include "record.h"

#include <string.h>

enum { F_TEXT = 1, F_SOURCE = 2, F_PUBLISHED = 4 };

int nd_record_encode(const nd_record *r, const nd_features *c, nd_bytes *out)
{
    uint8_t head[10];
    head[0] = r->verdict;
    head[1] = (uint8_t)((r->has_text ? F_TEXT : 0) | (r->source ? F_SOURCE : 0) | (r->published ? F_PUBLISHED : 0));
    memcpy(head + 2, &r->of, 4);
    memcpy(head + 6, &r->similarity, 4);
    if (nd_bytes_put(out, head, sizeof head) ||
        nd_bytes_put_string(out, r->id, r->idlen) ||
        (r->source && nd_bytes_put_string(out, r->source, r->sourcelen)) ||
        (r->published && nd_bytes_put_string(out, r->published, r->publishedlen)) ||
        (r->has_text && nd_bytes_put_string(out, r->text, r->textlen)))
        return -1;
    return nd_compact_encode(c, out);
}

int nd_record_decode(const void *p, size_t n, nd_record *r)
{
    nd_reader rd = { p, (const uint8_t *)p + n, 0 };
    const uint8_t *head = nd_read_bytes(&rd, 10);
    if (!head) return -1;
    memset(r, 0, sizeof *r);
    r->verdict = head[0];
    memcpy(&r->of, head + 2, 4);
    memcpy(&r->similarity, head + 6, 4);
    r->id = nd_read_string(&rd, &r->idlen);
    if (head[1] & F_SOURCE) r->source = nd_read_string(&rd, &r->sourcelen);
    if (head[1] & F_PUBLISHED) r->published = nd_read_string(&rd, &r->publishedlen);
    if (head[1] & F_TEXT) {
        r->has_text = 1;
        r->text = nd_read_string(&rd, &r->textlen);
    }
    r->compact = rd.p;
    r->ncompact = (size_t)(rd.end - rd.p);
    return rd.bad || !r->id ? -1 : 0;
}

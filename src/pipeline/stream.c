#include "stream.h"

#include <stdlib.h>
#include <string.h>

#include "stats.h"

int nd_stream_flush(nd_corpus *c)
{
    if (!c->streamed) {
        if (!(c->streamed = calloc(1, sizeof *c->streamed)) || nd_stats_reset(c)) return -1;
    }
    uint32_t first = c->fingerprinted, n = (uint32_t)c->docs.n;
    if (nd_stage_fingerprint_more(c, first, c->streamed)) return -1;
    for (uint32_t d = first; d < n; d++) c->docs.v[d].text = NULL;
    c->fingerprinted = n;
    nd_arena_free(&c->batch);
    c->batch_bytes = 0;
    return 0;
}

int nd_stream_sorted(const nd_corpus *c, const uint32_t *perm, nd_fingerprints *out)
{
    const nd_fingerprints *in = c->streamed;
    uint32_t n = (uint32_t)c->docs.n;
    memset(out, 0, sizeof *out);
    out->off = malloc(((size_t)n + 1) * sizeof *out->off);
    out->ev = malloc(((size_t)n + 1) * sizeof *out->ev);
    out->features.doc = malloc(((size_t)n + 1) * sizeof *out->features.doc);
    out->keys = malloc(((size_t)in->off[n] + 1) * sizeof *out->keys);
    if (!out->off || !out->ev || !out->features.doc || !out->keys) {
        nd_fingerprints_free(out);
        return -1;
    }
    uint64_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t d = perm[i];
        uint64_t len = in->off[d + 1] - in->off[d];
        memcpy(out->keys + k, in->keys + in->off[d], (size_t)len * sizeof *out->keys);
        out->off[i] = k;
        k += len;
        out->ev[i] = in->ev[d];
        out->features.doc[i] = in->features.doc[d];
    }
    out->off[n] = k;
    out->features.ndocs = n;
    return 0;
}

void nd_stream_free(nd_corpus *c)
{
    if (c->streamed) nd_fingerprints_free(c->streamed);
    free(c->streamed);
    c->streamed = NULL;
    nd_arena_free(&c->batch);
}

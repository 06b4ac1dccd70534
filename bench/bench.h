/* What the benchmark programs share: a monotonic clock and loading a corpus
 * with its size and the time it took. */
#ifndef ND_BENCH_H
#define ND_BENCH_H
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "newsdup.h"

static inline double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Reads path into a new corpus with opt; *seconds and *bytes (of text) say
 * what it took.  NULL, with a message on stderr naming prog, on failure. */
static inline nd_corpus *bench_load(const char *prog, const char *path, const nd_options *opt, double *seconds,
                                    uint64_t *bytes)
{
    nd_error err;
    double t0 = now();
    nd_corpus *c = nd_corpus_new(opt, &err);
    if (!c || nd_corpus_add_path(c, path, &err) != ND_OK) {
        fprintf(stderr, "%s: %s\n", prog, err.message);
        nd_corpus_free(c);
        return NULL;
    }
    *seconds = now() - t0;
    *bytes = 0;
    for (uint32_t d = 0; d < nd_corpus_size(c); d++) {
        size_t len;
        nd_doc_text(c, d, &len);
        *bytes += len;
    }
    return c;
}
#endif

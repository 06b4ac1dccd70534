#include "stream.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../util/parallel.h"
#include "stats.h"

struct nd_stream {
    nd_fingerprints fp;         /* documents [0, done), in the order they were added */
    uint32_t done;              /* documents handed over */
    /* the batch being fingerprinted, documents [first, done) */
    nd_corpus *c;
    nd_doc *docs;               /* a copy: the corpus's array moves as documents arrive */
    uint32_t first;
    nd_arena texts;             /* their texts */
    pthread_t thread;
    int running, failed;
    int spent;                  /* a scan took the fingerprints */
};

static void *fingerprint_batch(void *arg)
{
    nd_stream *s = arg;
    if (nd_stage_fingerprint_more(s->c, s->docs, s->first, s->done, &s->fp)) s->failed = 1;
    return NULL;
}

int nd_stream_finish(nd_corpus *c)
{
    nd_stream *s = c->stream;
    if (!s) return 0;
    if (s->running) pthread_join(s->thread, NULL);
    s->running = 0;
    if (s->docs) {
        for (uint32_t d = s->first; d < s->done; d++) c->docs.v[d].text = NULL;
        free(s->docs);
        s->docs = NULL;
        nd_arena_free(&s->texts);
    }
    return s->failed ? -1 : 0;
}

int nd_stream_flush(nd_corpus *c)
{
    if (!c->stream && (!(c->stream = calloc(1, sizeof *c->stream)) || nd_stats_reset(c))) return -1;
    nd_stream *s = c->stream;
    if (nd_stream_finish(c)) return -1;
    uint32_t n = (uint32_t)c->docs.n;
    if (n == s->done) return 0;
    if (!(s->docs = malloc((size_t)(n - s->done) * sizeof *s->docs))) return -1;
    memcpy(s->docs, c->docs.v + s->done, (size_t)(n - s->done) * sizeof *s->docs);
    s->c = c;
    s->first = s->done;
    s->done = n;
    s->texts = c->batch;  /* the reader starts a new batch; this one is the stream's until finished */
    nd_arena_init(&c->batch, c->batch.block_size);
    c->batch_bytes = 0;
    /* reading goes on beside the batch only where more than one thread is allowed */
    if (nd_parallel_threads(c->opt.threads, 2, 1) > 1 && pthread_create(&s->thread, NULL, fingerprint_batch, s) == 0)
        s->running = 1;
    else fingerprint_batch(s);
    return s->running ? 0 : nd_stream_finish(c);  /* in the caller's thread: drop the texts now */
}

int nd_stream_take(nd_corpus *c, const uint32_t *perm, nd_fingerprints *out)
{
    nd_fingerprints *in = &c->stream->fp;
    uint32_t n = (uint32_t)c->docs.n;
    memset(out, 0, sizeof *out);
    out->ev = malloc(((size_t)n + 1) * sizeof *out->ev);
    out->features.doc = malloc(((size_t)n + 1) * sizeof *out->features.doc);
    if (!out->ev || !out->features.doc) {
        nd_fingerprints_free(out);
        return -1;
    }
    for (uint32_t i = 0; i < n; i++) {
        out->ev[i] = in->ev[perm[i]];
        out->features.doc[i] = in->features.doc[perm[i]];
    }
    out->features.ndocs = n;
    out->keys = in->keys;
    out->off = in->off;
    out->order = perm;
    /* the stream keeps only the feature blocks, which out points into */
    free(in->ev);
    free(in->features.doc);
    in->keys = NULL;
    in->off = NULL;
    in->ev = NULL;
    in->features.doc = NULL;
    c->stream->spent = 1;
    return 0;
}

int nd_stream_spent(const nd_corpus *c) { return c->stream && c->stream->spent; }

void nd_stream_free(nd_corpus *c)
{
    if (c->stream) {
        nd_stream_finish(c);
        nd_fingerprints_free(&c->stream->fp);
        free(c->stream);
        c->stream = NULL;
    }
    nd_arena_free(&c->batch);
}

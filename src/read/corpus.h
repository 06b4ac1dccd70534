/* The document store behind nd_corpus: what the read stage hands forward. */
#ifndef ND_CORPUS_H
#define ND_CORPUS_H
#include <stdint.h>

#include "newsdup.h"
#include "../util/arena.h"
#include "../util/vec.h"
#include "../fingerprint/docfreq.h"

#define ND_DOC_CP1252 1u  /* text was decoded from Windows-1252 */

typedef struct nd_stream nd_stream;

typedef struct nd_doc {
    const char *id;
    const char *text;      /* valid UTF-8, NUL-terminated, arena-owned; NULL once dropped (keep_text 0) */
    uint32_t len;
    uint32_t seq;          /* place among everything the corpus was handed (see nd_notice_at) */
    nd_doc_meta meta;
    int64_t published;     /* seconds since the epoch; ND_TIME_UNKNOWN when not given */
    uint32_t flags;
} nd_doc;

#define ND_TIME_UNKNOWN INT64_MIN

/* A notice and its place in the order of everything the corpus was handed:
 * documents, skips and warnings share one count, so that what several
 * readers recorded can be merged back into reading order. */
typedef struct nd_notice_at {
    nd_notice n;
    uint32_t seq;
} nd_notice_at;

struct nd_corpus {
    nd_options opt;
    nd_arena arena;                 /* ids, texts, metadata, notices */
    ND_VEC(nd_doc) docs;
    ND_VEC(nd_notice_at) skipped;
    ND_VEC(nd_notice_at) warnings;
    uint32_t events;                /* documents added plus notices recorded */
    uint32_t *id_slots;             /* open addressing: doc index + 1, 0 empty */
    size_t id_cap;
    uint64_t bytes_read;
    nd_docfreq df;                  /* corpus statistics for verification ... */
    uint32_t df_docs;               /* ... counted over the first df_docs documents */
    /* opt.keep_text 0: texts wait in `batch` until the stream
     * (pipeline/stream.h) fingerprints them, then are dropped */
    nd_arena batch;
    size_t batch_bytes;
    struct nd_stream *stream;
};

/* Records a rejected document (or unreadable path) under `id`. */
void nd_corpus_skip(nd_corpus *c, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Records a non-fatal warning about `id`. */
void nd_corpus_warn(nd_corpus *c, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Appends a document that another corpus already accepted (text valid UTF-8,
 * as that corpus holds it), copying every string; no check is repeated.
 * ND_OK, ND_EDUP for an id already here, or ND_ENOMEM. */
nd_status nd_corpus_put(nd_corpus *c, const nd_doc *d, nd_error *err);
/* ND_OK when c keeps its texts; else ND_EINVAL, saying that `what` needs them. */
nd_status nd_corpus_need_text(const nd_corpus *c, const char *what, nd_error *err);
/* Reports progress through the caller's callback, if any. */
void nd_corpus_progress(const nd_corpus *c, const char *stage, uint64_t done, uint64_t total);

/* Parses an ISO 8601 date or date-time ("2025-01-27", "2025-01-27T10:00:00Z",
 * "+02:00" offsets); 0 and *t on success, -1 when malformed. */
int nd_parse_time(const char *s, int64_t *t);
#endif

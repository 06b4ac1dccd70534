/* Corpora that do not keep their texts (nd_options.keep_text 0): documents
 * are fingerprinted as they arrive, a batch at a time over the threads, and
 * their texts dropped, so a scan holds fingerprints, not text.  With more
 * than one thread a batch is fingerprinted in the background while the
 * next one is read. */
#ifndef ND_STREAM_H
#define ND_STREAM_H
#include "../read/corpus.h"
#include "stages.h"

/* Texts that wait in the batch before it is fingerprinted: enough for every
 * thread to take thousands of articles. */
#define ND_STREAM_BATCH_BYTES ((size_t)32 << 20)

/* Hands c's documents added since the last call (their texts in c->batch)
 * over to fingerprinting, once the batch before them is done.  0, or -1
 * when out of memory, now or in the batch before. */
int nd_stream_flush(nd_corpus *c);

/* Waits until every document handed over is fingerprinted and its text
 * dropped.  0, or -1 when out of memory. */
int nd_stream_finish(nd_corpus *c);

/* Hands c's fingerprints (all handed over and finished) to a scan that
 * takes the documents in the order perm gives (perm[i]: the corpus index of
 * the i-th document): out's evidence and features come in that order, its
 * keys and offsets in the corpus's, with out->order = perm (the caller's).
 * The keys move into *out, so c's fingerprints serve one scan (nd_stream_spent
 * says so afterwards).  out refers to c's features: free it with
 * nd_fingerprints_free before c.  0, or -1 when out of memory. */
int nd_stream_take(nd_corpus *c, const uint32_t *perm, nd_fingerprints *out);

/* Whether c's fingerprints were taken by a scan. */
int nd_stream_spent(const nd_corpus *c);

/* Waits for fingerprinting and frees c's stream and batch. */
void nd_stream_free(nd_corpus *c);
#endif

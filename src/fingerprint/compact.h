/* The compact form of a document's features: what verification compares,
 * kept for every document of a scan (and stored by the ingest index) in
 * about 0.65 KB a news article instead of the 7 KB of the full features.
 * The form is lossy, on purpose:
 *  - content-word and bigram hashes are cut to their low 16 bits (two
 *    different words then collide with odds 1 in 65,536 per pair compared,
 *    which moved no verdict on the labelled sets);
 *  - of the bigrams only the 1 in 4 whose hash has bits 16 and 17 zero are
 *    kept, the same ones in every document, so bigram containment is
 *    estimated from that sample (it is half of the rewrite score: on every
 *    labelled set clustering precision and recall stayed within 0.002, and
 *    the bytes of a stored article fell by a third);
 *  - of the 5-word shingles only the 1 in 8 that the candidate keys sample
 *    are kept (low 16 bits), so shingle containment is estimated from that
 *    sample.
 * Its encoding is exact: decoding gives back the same sets, sentences and
 * vocabulary.  Four varints (sentences, vocabulary words, bigrams, shingles),
 * then a little-endian bit stream of Rice codes, each set as the gaps
 * between its sorted values with a parameter from its size and range:
 *  - each sentence's word count (range: the vocabulary);
 *  - the vocabulary, the sorted union of the sentences' words;
 *  - each sentence's words as their places in the vocabulary (a place
 *    among about 180 words takes fewer bits than a 16-bit hash, and a word
 *    of several sentences is spelled out once);
 *  - the bigrams, then the shingles;
 *  - zero bits to the end of the last byte.
 * On 20,000 generated news articles (34 sentences, 273 sentence words of 184
 * distinct, 85 sampled bigrams, 59 shingles) that is 652 bytes, of which the
 * bigrams take 117 and the shingles 86 (with every bigram, 335 of them: 915
 * bytes, the bigrams 380). */
#ifndef ND_COMPACT_H
#define ND_COMPACT_H
#include <stddef.h>
#include <stdint.h>

#include "../util/buffer.h"
#include "features.h"

#define ND_COMPACT_BITS 16   /* bits of a compact hash: document frequencies count this many */

/* The compact form of full features f in *out (reusing out's buffers;
 * sent_index counts 0, 1, ...).  0, or -1 when out of memory. */
int nd_compact_project(const nd_features *f, nd_features *out);

/* Tokenises text[0..n) into t, builds its full features in *full (as
 * nd_features_of_text_unsorted: enough for nd_keys_build) and their compact
 * form in *out: how every comparison starts.  0, or -1 when out of memory. */
int nd_compact_of_text(nd_tokeniser *tk, const char *text, size_t n, uint32_t max_sentences, nd_tokens *t,
                       nd_features *full, nd_features *out);

/* Appends the encoding of compact features c (made by nd_compact_project)
 * to out.  0, or -1 when out of memory. */
int nd_compact_encode(const nd_features *c, nd_bytes *out);

/* Decodes p[0..n), made by nd_compact_encode, into *out (reusing its
 * buffers).  0, -1 when out of memory, -2 when the bytes are malformed. */
int nd_compact_decode(const uint8_t *p, size_t n, nd_features *out);
#endif

/* Corpus statistics the verify stage weighs phrasing by, kept in the corpus
 * until documents are added. */
#ifndef ND_STATS_H
#define ND_STATS_H
#include "../read/corpus.h"

/* Empties c's statistics, ready to count compact features.  0, or -1 when
 * out of memory. */
int nd_stats_reset(nd_corpus *c);
/* c's document frequencies, counted now if documents were added since.
 * NULL when out of memory. */
const nd_docfreq *nd_stats_docfreq(nd_corpus *c);
#endif

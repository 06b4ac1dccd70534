/* Function words: frequent in every article, so they say nothing about
 * which article a sentence came from.  Reporting verbs are included because
 * rewrites swap them freely ("says" -> "explained"). */
#ifndef ND_STOPWORDS_H
#define ND_STOPWORDS_H
#include <stddef.h>

extern const char *const nd_stopwords[];
extern const size_t nd_nstopwords;
#endif

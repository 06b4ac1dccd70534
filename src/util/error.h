/* Filling an nd_error: the one place messages are formatted. */
#ifndef ND_ERROR_H
#define ND_ERROR_H
#include "newsdup.h"

/* Sets err (if not NULL) and returns code, so callers can `return nd_fail(...)`. */
nd_status nd_fail(nd_error *err, nd_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
#endif

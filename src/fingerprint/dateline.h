/* The publication time a web page prints in its header: a byline or
 * dateline line such as "May 21, 2024 2:48 p.m.", "21 May 2024, 14:48" or
 * "Published 2024-05-21 14:48 UTC".  Scraped pages carry one where the
 * feed gives no `published` field. */
#ifndef ND_DATELINE_H
#define ND_DATELINE_H
#include <stddef.h>
#include <stdint.h>

typedef struct nd_dateline {
    int64_t at;      /* seconds since 1970 UTC; a time without a zone is read as UTC, as `published` is */
    int32_t span;    /* how late the true time may be: 60 for a printed minute, 86400 for a date alone */
} nd_dateline;

/* Reads the first date among text[0..n)'s header lines (up to 12 short
 * lines before the first paragraph) that is not marked "updated" or
 * "modified".  1 and *out set when found, else 0; never fails. */
int nd_dateline_of(const char *text, size_t n, nd_dateline *out);

/* Parses one date at s[0..n): ISO 8601, "Month D, YYYY" or "D Month YYYY",
 * each with an optional time of day and zone.  Its length, 0 when none. */
size_t nd_dateline_parse(const char *s, size_t n, nd_dateline *out);
#endif

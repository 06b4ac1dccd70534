/* What the report writers share: one entry point each, string quoting for
 * JSON and CSV, and the cleaned-up text of a sentence or title. */
#ifndef ND_REPORT_H
#define ND_REPORT_H
#include <stddef.h>
#include <stdio.h>

#include "newsdup.h"
#include "../util/vec.h"

/* The writers behind nd_report_write.  r has been checked (every index and
 * span is inside c); write errors are left in ferror(out) for the caller.
 * ND_OK, or ND_ENOMEM. */
nd_status nd_report_text(FILE *out, const nd_corpus *c, const nd_result *r);
nd_status nd_report_json(FILE *out, const nd_corpus *c, const nd_result *r);
nd_status nd_report_csv(FILE *out, const nd_corpus *c, const nd_result *r);
nd_status nd_report_html(FILE *out, const nd_corpus *c, const nd_result *r);

/* Scratch space a writer reuses for every cleaned string; free with nd_vec_free. */
typedef ND_VEC(char) nd_strbuf;

/* Copies s[0..n) into b as one line: each run of whitespace, control
 * characters and U+00A0 becomes one space, ends trimmed.  With max_chars > 0
 * a longer text is cut to at most max_chars characters, at a word boundary
 * when one is near, and "…" appended.  Returns the NUL-terminated text
 * inside b, NULL when out of memory. */
const char *nd_clean_line(nd_strbuf *b, const char *s, size_t n, size_t max_chars);

/* The sentence at span [start, end) of document doc, cleaned as above. */
const char *nd_span_text(nd_strbuf *b, const nd_corpus *c, uint32_t doc,
                         const uint32_t span[2], size_t max_chars);

/* Writes s as a JSON string: quotes, backslash and control characters
 * escaped (\u00XX), "</" as "<\/" and U+2028/U+2029 escaped so the text can
 * sit inside an HTML <script>; invalid UTF-8 becomes U+FFFD.  NULL writes null. */
void nd_json_string(FILE *out, const char *s);

/* Writes s as one RFC 4180 field: quoted (with quotes doubled) only when it
 * holds a comma, quote, CR or LF.  NULL writes an empty field. */
void nd_csv_field(FILE *out, const char *s);

/* Name of a relation: "origin", "copy", "rewrite". */
const char *nd_relation_name(nd_relation rel);

/* Writes a similarity or confidence with 2 or 4 decimals, clamped to [0, 1]
 * and NaN as 0 so a slip upstream cannot print invalid JSON ("nan"); the
 * decimal point is '.' whatever the caller's locale. */
void nd_put_unit(FILE *out, float x, int decimals);
#endif

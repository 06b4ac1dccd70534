/* JSON Lines files, for the path walker (nd_corpus_add_jsonl covers streams). */
#ifndef ND_JSONL_H
#define ND_JSONL_H
#include <stdint.h>

#include "newsdup.h"

/* Streams the JSON Lines file at path, plain or gzip (told apart by its bytes),
 * into c; name stands for the file in ids ("<name>:<line>") and messages.  Bad
 * lines are skipped and recorded.  ND_EIO (err says why) when the file cannot
 * be opened or a read fails part-way; documents read before stay added. */
nd_status nd_jsonl_read_file(nd_corpus *c, const char *path, const char *name, nd_error *err);

/* Whether the JSON Lines file at path can be read in byte ranges: 1 when it is
 * gzip (read it whole), 0 when plain; *size is its size.  -1 (err says why)
 * when it cannot be opened. */
int nd_jsonl_probe(const char *path, uint64_t *size, nd_error *err);
/* Counts the lines of a plain file that start in bytes [from, to).  0, or -1 (err). */
int nd_jsonl_count_lines(const char *path, uint64_t from, uint64_t to, uint64_t *n, nd_error *err);
/* Reads the lines of a plain JSON Lines file that start in bytes [from, to),
 * as nd_jsonl_read_file would, numbering the first first_line. */
nd_status nd_jsonl_read_range(nd_corpus *c, const char *path, const char *name, uint64_t from, uint64_t to,
                              uint64_t first_line, nd_error *err);

/* What one JSON Lines line holds; the strings are owned by the parsed JSON
 * value (or idbuf, for an integer id). */
typedef struct nd_jsonl_doc {
    const char *id, *text;
    size_t len;
    nd_doc_meta meta;
    char idbuf[32];
    char why[256];
} nd_jsonl_doc;

/* Parses one line (without its newline) as the corpus reader does: 0 when it
 * holds a usable document, -1 when it holds no usable id (or is not a JSON
 * object), 1 when it has an id but something else is wrong; d->why says
 * what.  *json receives the parsed value, or NULL when the line is not JSON;
 * the caller releases it with json_decref (an opaque json_t * here). */
int nd_jsonl_parse_line(const char *line, size_t len, void **json, nd_jsonl_doc *d);
#endif

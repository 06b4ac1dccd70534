/* Listing inputs without reading them, and reading one listed input: a
 * distributed scan lists once and shares the reading out. */
#ifndef ND_PATHS_H
#define ND_PATHS_H
#include <stdint.h>

#include "newsdup.h"

/* A file the walk found: read whole (a text or .json document), or a JSON
 * Lines file.  in_dir: found inside a directory, where an unreadable file is
 * recorded and skipped, not an error that stops the run. */
typedef struct nd_input {
    const char *path, *id;
    int jsonl, in_dir;
} nd_input;

/* Receives each input (valid during the call only); anything but ND_OK stops the walk. */
typedef nd_status (*nd_input_fn)(void *ctx, const nd_input *in, nd_error *err);

/* Walks path exactly as nd_corpus_add_path does, in the same order, but hands
 * each file to each() instead of reading it.  What the walk itself skips
 * (dangling symlinks, special files, loops) is recorded in c.  ND_EIO when
 * path cannot be opened, ND_EINVAL for "-" (a stream cannot be shared out). */
nd_status nd_paths_list(nd_corpus *c, const char *path, nd_input_fn each, void *ctx, nd_error *err);

/* Reads one listed input whole into c, as the walk would. */
nd_status nd_path_read(nd_corpus *c, const nd_input *in, nd_error *err);

/* Reads the lines of a plain JSON Lines input that start in bytes [from, to)
 * into c, numbering the first first_line (nd_jsonl_count_lines finds it). */
nd_status nd_path_read_lines(nd_corpus *c, const nd_input *in, uint64_t from, uint64_t to, uint64_t first_line,
                             nd_error *err);
#endif

/* JSON Lines files, for the path walker (nd_corpus_add_jsonl covers streams). */
#ifndef ND_JSONL_H
#define ND_JSONL_H
#include "newsdup.h"

/* Streams the JSON Lines file at path, plain or gzip (told apart by its bytes),
 * into c; name stands for the file in ids ("<name>:<line>") and messages.  Bad
 * lines are skipped and recorded.  ND_EIO (err says why) when the file cannot
 * be opened or a read fails part-way; documents read before stay added. */
nd_status nd_jsonl_read_file(nd_corpus *c, const char *path, const char *name, nd_error *err);
#endif

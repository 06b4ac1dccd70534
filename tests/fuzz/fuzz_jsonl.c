/* The JSON Lines reader on a stream: every line is a document or a skip, and
 * what gets in is valid UTF-8 within the limits.  Small limits so fuzz-sized
 * inputs reach the too-long paths. */
#include "fuzz.h"
#include "newsdup.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;  /* fmemopen rejects an empty buffer */
    nd_options opt;
    nd_options_default(&opt);
    opt.max_doc_bytes = 2048;
    opt.max_line_bytes = 4096;
    nd_corpus *c = nd_corpus_new(&opt, NULL);
    FILE *in = fmemopen((void *)data, size, "r");
    FUZZ_CHECK(c && in);
    nd_error err;
    nd_status s = nd_corpus_add_jsonl(c, in, "fuzz.jsonl", &err);
    FUZZ_CHECK(s == ND_OK || s == ND_EIO);
    for (uint32_t i = 0; i < nd_corpus_size(c); i++) {
        size_t len;
        const char *text = nd_doc_text(c, i, &len);
        FUZZ_CHECK(nd_doc_id(c, i) != NULL);
        FUZZ_CHECK(len > 0 && len <= opt.max_doc_bytes * 3);  /* a CP1252 byte becomes at most 3 */
        FUZZ_CHECK(text[len] == '\0');
        FUZZ_CHECK(nd_utf8_valid_prefix((const unsigned char *)text, len) == len);
    }
    for (size_t i = 0; i < nd_corpus_nskipped(c); i++) {
        const nd_notice *k = nd_corpus_skipped(c, i);
        FUZZ_CHECK(k->id && k->message && k->message[0]);
    }
    fclose(in);
    nd_corpus_free(c);
    return 0;
}

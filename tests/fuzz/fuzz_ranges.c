/* A JSON Lines file read in byte ranges, as the ranks of newsdup-mpi read
 * it, gives exactly what one reader gets: the same documents, skips and
 * warnings, with the same ids and messages, in the same order, for any
 * number of ranges.  The first byte picks the number of ranges (2 to 7). */
#define _GNU_SOURCE  /* memfd_create */
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"
#include "newsdup.h"
#include "read/jsonl.h"

static nd_corpus *small_corpus(void)
{
    nd_options opt;
    nd_options_default(&opt);
    opt.max_doc_bytes = 2048;
    opt.max_line_bytes = 4096;
    nd_corpus *c = nd_corpus_new(&opt, NULL);
    FUZZ_CHECK(c);
    return c;
}

static void same_notices(const nd_notice *a, const nd_notice *b)
{
    FUZZ_CHECK(a && b && strcmp(a->id, b->id) == 0 && strcmp(a->message, b->message) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    unsigned parts = 2 + data[0] % 6;
    data++, size--;
    int fd = memfd_create("fuzz-ranges", 0);
    FUZZ_CHECK(fd >= 0 && write(fd, data, size) == (ssize_t)size);
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    nd_error err;
    uint64_t len = 0;
    if (nd_jsonl_probe(path, &len, &err) != 0) {  /* gzip is read whole, never in ranges */
        close(fd);
        return 0;
    }
    FUZZ_CHECK(len == size);
    nd_corpus *whole = small_corpus(), *split = small_corpus();
    FUZZ_CHECK(nd_jsonl_read_file(whole, path, "f.jsonl", &err) == ND_OK);
    for (unsigned r = 0; r < parts; r++) {
        uint64_t from = len * r / parts, to = len * (r + 1) / parts, before = 0;
        FUZZ_CHECK(nd_jsonl_count_lines(path, 0, from, &before, &err) == 0);
        FUZZ_CHECK(nd_jsonl_read_range(split, path, "f.jsonl", from, to, before + 1, &err) == ND_OK);
    }
    FUZZ_CHECK(nd_corpus_size(whole) == nd_corpus_size(split));
    for (uint32_t i = 0; i < nd_corpus_size(whole); i++) {
        size_t la, lb;
        const char *ta = nd_doc_text(whole, i, &la), *tb = nd_doc_text(split, i, &lb);
        FUZZ_CHECK(strcmp(nd_doc_id(whole, i), nd_doc_id(split, i)) == 0 && la == lb && memcmp(ta, tb, la) == 0);
    }
    FUZZ_CHECK(nd_corpus_nskipped(whole) == nd_corpus_nskipped(split));
    for (size_t i = 0; i < nd_corpus_nskipped(whole); i++) same_notices(nd_corpus_skipped(whole, i), nd_corpus_skipped(split, i));
    FUZZ_CHECK(nd_corpus_nwarnings(whole) == nd_corpus_nwarnings(split));
    for (size_t i = 0; i < nd_corpus_nwarnings(whole); i++) same_notices(nd_corpus_warning(whole, i), nd_corpus_warning(split, i));
    nd_corpus_free(whole);
    nd_corpus_free(split);
    close(fd);
    return 0;
}

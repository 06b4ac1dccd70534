/* Scan throughput against a baseline measured in the same process:
 *   speed CORPUS.jsonl [--threads N]
 * The baseline is the floor any scan must pay: a plain loop that splits the
 * same texts into words and XXH3-hashes each one.  Prints MB/s and docs/s of
 * both, their ratio, time per stage, and the memory peak. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <xxhash.h>

#include "bench.h"
#include "newsdup.h"

#define MAX_STAGES 8
typedef struct {
    const char *name[MAX_STAGES];
    double first[MAX_STAGES], last[MAX_STAGES];
    uint64_t units[MAX_STAGES];
    int n;
    double t0;  /* when the scan started: the first stage runs from here */
} stage_clock;

static void on_progress(void *ctx, const nd_progress *p)
{
    stage_clock *sc = ctx;
    double t = now();
    if (sc->n == 0 || strcmp(sc->name[sc->n - 1], p->stage)) {
        if (sc->n == MAX_STAGES) return;
        sc->name[sc->n] = p->stage;
        sc->first[sc->n] = sc->n ? sc->last[sc->n - 1] : sc->t0;
        sc->n++;
    }
    sc->last[sc->n - 1] = t;
    sc->units[sc->n - 1] = p->total;
}

static int is_word_byte(unsigned char c)
{
    return (unsigned)((c | 32) - 'a') < 26u || (unsigned)(c - '0') < 10u || c >= 0x80;
}

static uint64_t baseline(const nd_corpus *c)
{
    uint64_t acc = 0;
    for (uint32_t d = 0; d < nd_corpus_size(c); d++) {
        size_t n;
        const unsigned char *s = (const unsigned char *)nd_doc_text(c, d, &n);
        size_t i = 0;
        while (i < n) {
            while (i < n && !is_word_byte(s[i])) i++;
            size_t st = i;
            while (i < n && is_word_byte(s[i])) i++;
            if (i > st) acc += XXH3_64bits(s + st, i - st);
        }
    }
    return acc;
}

int main(int argc, char **argv)
{
    if (argc != 2 && !(argc == 4 && !strcmp(argv[2], "--threads"))) {
        fprintf(stderr, "usage: speed CORPUS.jsonl [--threads N]\n");
        return 1;
    }
    stage_clock sc = { 0 };
    nd_options opt;
    nd_options_default(&opt);
    opt.progress = on_progress;
    if (argc == 4) opt.threads = (unsigned)strtoul(argv[3], NULL, 10);
    opt.progress_ctx = &sc;
    double t_read;
    uint64_t bytes;
    nd_corpus *c = bench_load("speed", argv[1], &opt, &t_read, &bytes);
    if (!c) return 2;
    uint32_t docs = nd_corpus_size(c);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    long rss_loaded = ru.ru_maxrss;
    /* best of three: the baseline is short and the machine is shared */
    double t_base = 1e30;
    uint64_t sink = 0;
    for (int k = 0; k < 3; k++) {
        double t = now();
        sink ^= baseline(c);
        t = now() - t;
        if (t < t_base) t_base = t;
    }
    sc.n = 0;
    nd_error err;
    double t0 = sc.t0 = now();
    nd_result *r = nd_scan(c, &err);
    double t_scan = now() - t0;
    if (!r) {
        fprintf(stderr, "speed: %s\n", err.message);
        return 3;
    }
    getrusage(RUSAGE_SELF, &ru);
    double mb = (double)bytes / 1e6;
    printf("corpus: %u documents, %.1f MB of text (read in %.2f s)\n", docs, mb, t_read);
    printf("baseline (tokenise + XXH3 every word): %.1f MB/s, %.0f docs/s\n", mb / t_base, docs / t_base);
    printf("scan (whole):                          %.1f MB/s, %.0f docs/s, %zu clusters\n", mb / t_scan,
           docs / t_scan, r->nclusters);
    printf("ratio scan/baseline: %.3f\n", t_base / t_scan);
    for (int i = 0; i < sc.n; i++)
        printf("  stage %-12s %7.2f s  %.1f MB/s  (%llu units)\n", sc.name[i], sc.last[i] - sc.first[i],
               mb / (sc.last[i] - sc.first[i] > 1e-9 ? sc.last[i] - sc.first[i] : 1e-9),
               (unsigned long long)sc.units[i]);
    printf("peak RSS %.1f MB; after loading %.1f MB; scan overhead %.0f bytes/document beyond the loaded corpus\n",
           ru.ru_maxrss / 1024.0, rss_loaded / 1024.0,
           docs ? (double)(ru.ru_maxrss - rss_loaded) * 1024.0 / docs : 0);
    const nd_scan_memory *m = &r->memory;
    printf("the scan's own structures at their peak: %.0f bytes/document (fingerprints %.0f, index %.0f, "
           "building it %.0f, counting pairs %.0f)\n", docs ? (double)m->peak / docs : 0,
           docs ? (double)m->fingerprints / docs : 0, docs ? (double)m->index / docs : 0,
           docs ? (double)m->building / docs : 0, docs ? (double)m->counting / docs : 0);
    printf("(checksum %llx)\n", (unsigned long long)(sink & 0xFF));
    nd_result_free(r);
    nd_corpus_free(c);
    return 0;
}

/* Ingest benchmark: articles judged and added to an index one at a time,
 * committed in groups, as `newsdup filter` does.
 *   ingest CORPUS.jsonl INDEX_DIR [--commit-every N] [--sync full|group|none] [--report-every N]
 * INDEX_DIR must not exist.  Every --report-every articles (and at the end)
 * prints, for the articles of that window: throughput, the p50/p99/max time
 * to judge and add one article (nd_index_add), the p50/p99 time until its
 * verdict is committed (add start to the end of its group's commit), and
 * the index's bytes on disk per stored article.  Reading and parsing the
 * input is timed apart and left out of the latencies. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "bench.h"
#include "newsdup.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double pct(double *v, size_t n, double p)
{
    if (!n) return 0;
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return v[i];
}

typedef struct window {
    double *add, *verdict;   /* seconds, per article of the window */
    size_t n, cap;
    double t0, parse;        /* window start; time spent reading and parsing */
    double group_start[4096];/* add start of each article of the open group */
    size_t ngroup;
} window;

static void report(window *w, nd_index *ix, uint64_t total)
{
    nd_index_stats st;
    nd_error err;
    double t = now(), secs = t - w->t0;
    nd_index_stats_get(ix, &st, &err);
    qsort(w->add, w->n, sizeof *w->add, cmp_double);
    qsort(w->verdict, w->n, sizeof *w->verdict, cmp_double);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%9llu stored  %7.0f articles/s (%7.0f without input parsing)  add p50 %6.3f p99 %6.3f max %7.3f ms"
           "  verdict p50 %6.3f p99 %6.3f ms  index %6.0f B/article (%5.0f in use)  rss %ld MB\n",
           (unsigned long long)total, (double)w->n / secs, (double)w->n / (secs - w->parse),
           pct(w->add, w->n, 0.5) * 1e3, pct(w->add, w->n, 0.99) * 1e3, w->n ? w->add[w->n - 1] * 1e3 : 0,
           pct(w->verdict, w->n, 0.5) * 1e3, pct(w->verdict, w->n, 0.99) * 1e3,
           (double)st.file_bytes / (double)(st.documents ? st.documents : 1),
           (double)st.used_bytes / (double)(st.documents ? st.documents : 1), ru.ru_maxrss / 1024);
    fflush(stdout);
    w->n = 0;
    w->parse = 0;
    w->t0 = now();
}

static int commit(window *w, nd_index *ix)
{
    nd_error err;
    if (nd_index_commit(ix, &err)) {
        fprintf(stderr, "ingest: %s\n", err.message);
        return -1;
    }
    double t = now();
    for (size_t i = 0; i < w->ngroup; i++) w->verdict[w->n - w->ngroup + i] = t - w->group_start[i];
    w->ngroup = 0;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: ingest CORPUS.jsonl INDEX_DIR [--commit-every N] [--sync full|group|none] [--report-every N]\n");
        return 1;
    }
    size_t every = 64, report_every = 100000;
    nd_index_options o;
    nd_index_options_default(&o);
    for (int i = 3; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--commit-every")) every = strtoul(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "--report-every")) report_every = strtoul(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "--sync"))
            o.sync = !strcmp(argv[i + 1], "none") ? ND_SYNC_NONE : !strcmp(argv[i + 1], "group") ? ND_SYNC_GROUP : ND_SYNC_FULL;
        else {
            fprintf(stderr, "ingest: unknown option %s\n", argv[i]);
            return 1;
        }
    }
    if (every < 1 || every > 4096) every = 64;
    struct stat sb;
    if (stat(argv[2], &sb) == 0) {
        fprintf(stderr, "ingest: %s exists; give a new directory\n", argv[2]);
        return 1;
    }
    FILE *in = fopen(argv[1], "r");
    nd_error err;
    nd_index *ix = in ? nd_index_open(argv[2], &o, &err) : NULL;
    if (!ix) {
        fprintf(stderr, "ingest: %s\n", in ? err.message : "cannot open the corpus");
        return 1;
    }
    window w = { 0 };
    w.cap = report_every + 1;
    w.add = malloc(w.cap * sizeof *w.add);
    w.verdict = malloc(w.cap * sizeof *w.verdict);
    if (!w.add || !w.verdict) return 1;
    printf("ingest %s: commit every %zu, sync %s\n", argv[1], every,
           o.sync == ND_SYNC_NONE ? "none" : o.sync == ND_SYNC_GROUP ? "group" : "full");
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    uint64_t total = 0, rejected = 0;
    double start = now();
    w.t0 = start;
    for (;;) {
        double t0 = now();
        if ((len = getline(&line, &cap, in)) <= 0) break;
        json_t *j = json_loadb(line, (size_t)len, 0, NULL);
        const char *id = json_string_value(json_object_get(j, "id"));
        const char *text = json_string_value(json_object_get(j, "text"));
        double t1 = now();
        w.parse += t1 - t0;
        nd_index_answer a;
        nd_status st = id && text ? nd_index_add(ix, id, text, json_string_length(json_object_get(j, "text")), NULL, &a, &err)
                                  : ND_EFORMAT;
        double t2 = now();
        json_decref(j);
        if (st == ND_EIO || st == ND_ENOMEM) {
            fprintf(stderr, "ingest: %s\n", err.message);
            return 1;
        }
        if (st) {
            rejected++;
            continue;
        }
        w.add[w.n++] = t2 - t1;
        w.group_start[w.ngroup++] = t1;
        total++;
        if ((w.ngroup >= every || w.n == report_every) && commit(&w, ix)) return 1;
        if (w.n == report_every) report(&w, ix, total);
    }
    if (w.ngroup && commit(&w, ix)) return 1;
    if (w.n) report(&w, ix, total);
    double secs = now() - start;
    nd_index_stats st;
    nd_index_stats_get(ix, &st, &err);
    printf("total: %llu articles in %.1f s, %.0f articles/s; %llu rejected; index %llu bytes, %.0f B/article "
           "(%.0f in use); new %llu, copy %llu, rewrite %llu\n",
           (unsigned long long)total, secs, (double)total / secs, (unsigned long long)rejected,
           (unsigned long long)st.file_bytes, (double)st.file_bytes / (double)(total ? total : 1),
           (double)st.used_bytes / (double)(total ? total : 1), (unsigned long long)st.verdicts[0],
           (unsigned long long)st.verdicts[1], (unsigned long long)st.verdicts[2]);
    free(line);
    free(w.add);
    free(w.verdict);
    fclose(in);
    nd_index_close(ix);
    return 0;
}

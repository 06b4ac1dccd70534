/* Ingest benchmark: articles judged and added to an index one at a time,
 * committed in groups, as `newsdup filter` does.
 *   ingest CORPUS.jsonl INDEX_DIR [--commit-every N] [--sync full|group|none] [--report-every N]
 *          [--labels LABELS.tsv [--score-last N]]
 * INDEX_DIR must not exist.  Every --report-every articles (and at the end)
 * prints, for the articles of that window: throughput, the p50/p99/max time
 * to judge and add one article (nd_index_add), the p50/p99 time until its
 * verdict is committed (add start to the end of its group's commit), and
 * the index's bytes on disk per stored article.  Reading and parsing the
 * input is timed apart and left out of the latencies.
 *
 * With --labels (gencorpus's TSV, one row per corpus line, in order), the
 * verdicts of the last --score-last articles (default 20,000) are scored:
 * recall counts the derived members of a story (roles origin, copy, rewrite,
 * rewrite2) that have another stored before them, found when the verdict is
 * copy or rewrite `of` such a member (an origin after its copy is a copy);
 * a copy or rewrite verdict is wrong when its `of` is outside the article's
 * story. */
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

/* gencorpus's labels: per corpus line, its id, story and role. */
enum { R_ORIGIN, R_COPY, R_REWRITE, R_REWRITE2, R_OTHER };

typedef struct labels {
    char **id;
    uint32_t *story, *first_derived;  /* per story: first line of a derived member */
    uint8_t *role;
    uint32_t n, nstories;
    uint32_t *hash;                   /* line + 1 by id, open addressing */
    size_t hcap;
} labels;

typedef struct score {
    uint64_t expected[3], found[3], as[3][3];  /* [copy, rewrite, origin][new, copy, rewrite] */
    uint64_t duplicates, outside, unexpected;
} score;

static int is_derived(uint8_t r) { return r <= R_REWRITE2; }

static size_t id_hash(const char *s, size_t cap)
{
    uint64_t h = 1469598103934665603ull;
    while (*s) h = (h ^ (unsigned char)*s++) * 1099511628211ull;
    return (size_t)h & (cap - 1);
}

static uint32_t label_of(const labels *l, const char *id)
{
    for (size_t h = id_hash(id, l->hcap); l->hash[h]; h = (h + 1) & (l->hcap - 1))
        if (!strcmp(l->id[l->hash[h] - 1], id)) return l->hash[h] - 1;
    return UINT32_MAX;
}

static int load_labels(const char *path, labels *l)
{
    static const char *const roles[] = { "origin", "copy", "rewrite", "rewrite2" };
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0, rows = 0;
    if (!f) return -1;
    memset(l, 0, sizeof *l);
    while (getline(&line, &cap, f) > 0) {
        char id[64], role[32];
        unsigned story;
        if (sscanf(line, "%63s %u %31s", id, &story, role) != 3) continue;  /* the header */
        if (l->n == rows) {
            rows = rows ? 2 * rows : 1024;
            l->id = realloc(l->id, rows * sizeof *l->id);
            l->story = realloc(l->story, rows * sizeof *l->story);
            l->role = realloc(l->role, rows);
            if (!l->id || !l->story || !l->role) return -1;
        }
        uint8_t r = 0;
        while (r < R_OTHER && strcmp(role, roles[r])) r++;
        l->id[l->n] = strdup(id);
        l->story[l->n] = story;
        l->role[l->n++] = r;
        if (story >= l->nstories) l->nstories = story + 1;
    }
    free(line);
    fclose(f);
    for (l->hcap = 1024; l->hcap < 2 * (size_t)l->n; l->hcap *= 2) {}
    l->hash = calloc(l->hcap, sizeof *l->hash);
    l->first_derived = malloc(((size_t)l->nstories + 1) * sizeof *l->first_derived);
    if (!l->hash || !l->first_derived) return -1;
    memset(l->first_derived, 0xFF, (size_t)l->nstories * sizeof *l->first_derived);
    for (uint32_t i = 0; i < l->n; i++) {
        size_t h = id_hash(l->id[i], l->hcap);
        while (l->hash[h]) h = (h + 1) & (l->hcap - 1);
        l->hash[h] = i + 1;
        if (is_derived(l->role[i]) && l->first_derived[l->story[i]] == UINT32_MAX) l->first_derived[l->story[i]] = i;
    }
    return 0;
}

/* Scores the answer a to corpus line `line` (with id). */
static void score_answer(const labels *l, uint32_t line, const char *id, const nd_index_answer *a, score *s)
{
    uint32_t of = a->of ? label_of(l, a->of) : UINT32_MAX, story = l->story[line];
    int dup = a->verdict == ND_VERDICT_COPY || a->verdict == ND_VERDICT_REWRITE;
    int in_story = of != UINT32_MAX && l->story[of] == story;
    uint8_t r = l->role[line];
    int expected = is_derived(r) && l->first_derived[story] < line;
    if (strcmp(id, l->id[line])) {
        fprintf(stderr, "ingest: line %u is %s, the labels say %s\n", line + 1, id, l->id[line]);
        exit(1);
    }
    s->duplicates += dup;
    s->outside += dup && !in_story;
    s->unexpected += dup && !expected;
    if (!expected) return;
    int k = r == R_COPY ? 0 : r == R_ORIGIN ? 2 : 1, v = a->verdict == ND_VERDICT_COPY ? 1 : a->verdict == ND_VERDICT_REWRITE ? 2 : 0;
    s->expected[k]++;
    s->as[k][v]++;
    s->found[k] += dup && in_story && is_derived(l->role[of]);
}

static void print_score(const score *s, uint64_t last)
{
    static const char *const kind[] = { "copies", "rewrites", "origins" };
    printf("last %llu articles:", (unsigned long long)last);
    for (int k = 0; k < 3; k++)
        printf(" %s %llu of %llu found, recall %.3f (answered new %llu, copy %llu, rewrite %llu);", kind[k],
               (unsigned long long)s->found[k], (unsigned long long)s->expected[k],
               (double)s->found[k] / (double)(s->expected[k] ? s->expected[k] : 1), (unsigned long long)s->as[k][0],
               (unsigned long long)s->as[k][1], (unsigned long long)s->as[k][2]);
    printf(" copy/rewrite verdicts %llu, of outside the story %llu (precision %.4f), of articles not expected to be"
           " found %llu\n",
           (unsigned long long)s->duplicates, (unsigned long long)s->outside,
           1.0 - (double)s->outside / (double)(s->duplicates ? s->duplicates : 1), (unsigned long long)s->unexpected);
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
        fprintf(stderr, "usage: ingest CORPUS.jsonl INDEX_DIR [--commit-every N] [--sync full|group|none] [--report-every N]"
                        " [--labels LABELS.tsv [--score-last N]]\n");
        return 1;
    }
    size_t every = 64, report_every = 100000, score_last = 20000;
    const char *labels_path = NULL;
    nd_index_options o;
    nd_index_options_default(&o);
    for (int i = 3; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--commit-every")) every = strtoul(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "--report-every")) report_every = strtoul(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "--labels")) labels_path = argv[i + 1];
        else if (!strcmp(argv[i], "--score-last")) score_last = strtoul(argv[i + 1], NULL, 10);
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
    labels lab;
    score sc = { 0 };
    if (labels_path && load_labels(labels_path, &lab)) {
        fprintf(stderr, "ingest: cannot read the labels %s\n", labels_path);
        return 1;
    }
    uint64_t score_from = labels_path && lab.n > score_last ? lab.n - score_last : 0, lineno = 0;
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
        if (labels_path && !st && lineno >= score_from) score_answer(&lab, (uint32_t)lineno, id, &a, &sc);
        lineno++;
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
    if (labels_path) print_score(&sc, lab.n - score_from);
    free(line);
    free(w.add);
    free(w.verdict);
    fclose(in);
    nd_index_close(ix);
    return 0;
}

/* Clustering accuracy of newsdup scan on labelled data:
 *   accuracy gen CORPUS.jsonl LABELS.tsv   generated corpus (bench/gen/gencorpus)
 *   accuracy clough DIR                    Clough & Stevenson text-reuse corpus
 *   accuracy set DIR                       the hand-written set in tests/data/audit-set
 * Prints pairwise precision/recall/F1, the Adjusted Rand Index and origin
 * accuracy (gen), or derived-vs-independent accuracy (clough). */
#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsdup.h"

typedef struct {
    char id[128];
    long story;       /* true cluster; -1 for documents that belong to none */
    char role[16];
    char origin[128];
} label;

static int cmp_label(const void *a, const void *b) { return strcmp(((const label *)a)->id, ((const label *)b)->id); }

static const label *find_label(const label *l, size_t n, const char *id)
{
    label key;
    snprintf(key.id, sizeof key.id, "%s", id);
    return bsearch(&key, l, n, sizeof *l, cmp_label);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static double choose2(double n) { return n * (n - 1) / 2; }

/* Sum over groups of C(size, 2), for group numbers in g[0..n). */
static double pair_count(uint64_t *g, size_t n)
{
    qsort(g, n, sizeof *g, cmp_u64);
    double s = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && g[j] == g[i]) j++;
        s += choose2((double)(j - i));
        i = j;
    }
    return s;
}

static nd_result *scan(nd_corpus *c)
{
    nd_error err;
    nd_result *r = nd_scan(c, &err);
    if (!r) fprintf(stderr, "accuracy: scan failed: %s\n", err.message);
    return r;
}

/* Cluster number of each document, -1 for documents in none; caller frees. */
static long *cluster_of(const nd_result *r, uint32_t n)
{
    long *cl = malloc(((size_t)n + 1) * sizeof *cl);
    if (!cl) return NULL;
    for (uint32_t i = 0; i < n; i++) cl[i] = -1;
    for (size_t k = 0; k < r->nclusters; k++)
        for (uint32_t m = 0; m < r->clusters[k].nmembers; m++) cl[r->clusters[k].members[m].doc] = (long)k;
    return cl;
}

static int run_gen(const char *corpus, const char *labels)
{
    nd_error err;
    nd_corpus *c = nd_corpus_new(NULL, &err);
    if (!c || nd_corpus_add_path(c, corpus, &err) != ND_OK) {
        fprintf(stderr, "accuracy: %s\n", err.message);
        return 2;
    }
    FILE *f = fopen(labels, "r");
    if (!f) {
        perror(labels);
        return 2;
    }
    size_t nl = 0, cap = 1024;
    label *l = malloc(cap * sizeof *l);
    char line[1024];
    if (!fgets(line, sizeof line, f)) return 2;  /* header */
    while (fgets(line, sizeof line, f)) {
        if (nl == cap) l = realloc(l, (cap *= 2) * sizeof *l);
        label *x = &l[nl];
        if (sscanf(line, "%127s %ld %15s %127s", x->id, &x->story, x->role, x->origin) != 4) continue;
        if (strcmp(x->role, "origin") && strcmp(x->role, "copy") && strcmp(x->role, "rewrite") &&
            strcmp(x->role, "rewrite2"))
            x->story = -1;
        nl++;
    }
    fclose(f);
    qsort(l, nl, sizeof *l, cmp_label);
    nd_result *r = scan(c);
    if (!r) return 3;
    uint32_t n = nd_corpus_size(c);
    long *pred = cluster_of(r, n);
    if (!pred) return 3;
    /* groups: true, predicted, and joint; singletons get unique numbers */
    uint64_t *gt = malloc(n * sizeof *gt), *gp = malloc(n * sizeof *gp), *gj = malloc(n * sizeof *gj);
    size_t origin_ok = 0, origin_total = 0;
    for (uint32_t i = 0; i < n; i++) {
        const label *x = find_label(l, nl, nd_doc_id(c, i));
        long t = x ? x->story : -1;
        uint64_t tv = t >= 0 ? (uint64_t)t : (1ull << 31) + i;
        uint64_t pv = pred[i] >= 0 ? (uint64_t)pred[i] : (1ull << 31) + i;
        gt[i] = tv;
        gp[i] = pv;
    }
    for (size_t k = 0; k < r->nclusters; k++) {
        const label *x = find_label(l, nl, nd_doc_id(c, r->clusters[k].origin));
        if (!x || x->story < 0) continue;
        origin_total++;
        if (strcmp(x->origin, nd_doc_id(c, r->clusters[k].origin)) == 0) origin_ok++;
    }
    /* (true, predicted) pairs: document indices fit in 32 bits, so the packing is exact */
    for (uint32_t i = 0; i < n; i++) gj[i] = (gt[i] & 0xFFFFFFFFull) << 32 | (gp[i] & 0xFFFFFFFFull);
    double tp = pair_count(gj, n), tpairs = pair_count(gt, n), ppairs = pair_count(gp, n);
    double total = choose2((double)n);
    double expected = tpairs * ppairs / total;
    double ari = (tp - expected) / (0.5 * (tpairs + ppairs) - expected);
    double p = ppairs ? tp / ppairs : 1, rc = tpairs ? tp / tpairs : 1;
    printf("documents %u, true derived pairs %.0f, predicted pairs %.0f\n", n, tpairs, ppairs);
    printf("pairwise precision %.4f  recall %.4f  F1 %.4f  ARI %.4f  origin accuracy %.4f (%zu/%zu)\n", p, rc,
           p + rc > 0 ? 2 * p * rc / (p + rc) : 0, ari, origin_total ? (double)origin_ok / origin_total : 0,
           origin_ok, origin_total);
    free(gt);
    free(gp);
    free(gj);
    free(pred);
    free(l);
    nd_result_free(r);
    nd_corpus_free(c);
    return 0;
}

static int run_clough(const char *dir)
{
    char path[16384], line[512];
    snprintf(path, sizeof path, "%s/file_information.csv", dir);
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("clough: %s not found; skipped\n", path);
        return 0;
    }
    nd_error err;
    nd_corpus *c = nd_corpus_new(NULL, &err);
    struct { char file[64]; char task; char cat[16]; } rows[128];
    size_t nr = 0;
    if (!fgets(line, sizeof line, f)) return 2;
    while (nr < 128 && fgets(line, sizeof line, f)) {
        char file[64], task[8], cat[16];
        if (sscanf(line, "%63[^,],%7[^,],%15[^,\r\n]", file, task, cat) != 3) continue;
        snprintf(rows[nr].file, sizeof rows[nr].file, "%s", file);
        rows[nr].task = task[0];
        snprintf(rows[nr].cat, sizeof rows[nr].cat, "%s", cat);
        nr++;
    }
    fclose(f);
    for (char t = 'a'; t <= 'e'; t++) {
        snprintf(path, sizeof path, "%s/orig_task%c.txt", dir, t);
        snprintf(line, sizeof line, "orig_task%c.txt", t);
        FILE *g = fopen(path, "rb");
        if (!g) continue;
        static char buf[1 << 20];
        size_t n = fread(buf, 1, sizeof buf, g);
        fclose(g);
        nd_corpus_add(c, line, buf, n, NULL, NULL);
    }
    for (size_t i = 0; i < nr; i++) {
        if (!strcmp(rows[i].cat, "orig")) continue;
        snprintf(path, sizeof path, "%s/%s", dir, rows[i].file);
        FILE *g = fopen(path, "rb");
        if (!g) continue;
        static char buf[1 << 20];
        size_t n = fread(buf, 1, sizeof buf, g);
        fclose(g);
        nd_corpus_add(c, rows[i].file, buf, n, NULL, NULL);
    }
    nd_result *r = scan(c);
    if (!r) return 3;
    uint32_t n = nd_corpus_size(c);
    long *cl = cluster_of(r, n);
    if (!cl) return 3;
    int right = 0, total = 0, non_in = 0, per_cat[4][2] = { { 0 } };
    const char *cats[4] = { "cut", "light", "heavy", "non" };
    for (uint32_t i = 0; i < n; i++) {
        const char *id = nd_doc_id(c, i);
        if (!strncmp(id, "orig_", 5)) continue;
        size_t k;
        for (k = 0; k < nr && strcmp(rows[k].file, id); k++) {}
        if (k == nr) continue;
        uint32_t o;
        char oid[32];
        snprintf(oid, sizeof oid, "orig_task%c.txt", rows[k].task);
        for (o = 0; o < n && strcmp(nd_doc_id(c, o), oid); o++) {}
        int with_orig = o < n && cl[i] >= 0 && cl[i] == cl[o];
        int derived = strcmp(rows[k].cat, "non") != 0;
        int ok = derived == with_orig;
        int ci = !strcmp(rows[k].cat, "cut") ? 0 : !strcmp(rows[k].cat, "light") ? 1 : !strcmp(rows[k].cat, "heavy") ? 2 : 3;
        per_cat[ci][0] += ok;
        per_cat[ci][1]++;
        right += ok;
        total++;
        if (!derived && with_orig) non_in++;
    }
    printf("clough: derived-vs-independent accuracy %.4f (%d/%d); independent answers put in their original's cluster: %d\n",
           total ? (double)right / total : 0, right, total, non_in);
    for (int i = 0; i < 4; i++) printf("  %-5s %d/%d right\n", cats[i], per_cat[i][0], per_cat[i][1]);
    free(cl);
    nd_result_free(r);
    nd_corpus_free(c);
    return 0;
}

/* The hand-written audit set: each story folder's origin, copy and rewrites
 * belong together; its independent article belongs to none. */
static int run_set(const char *dir)
{
    static const char *const files[] = { "origin.txt", "copy.txt", "rewrite-a.txt", "rewrite-b.txt", "independent.txt" };
    nd_error err;
    nd_corpus *c = nd_corpus_new(NULL, &err);
    char path[4096];
    int stories = 0;
    for (int s = 1; s <= 99; s++) {
        char prefix[16];
        snprintf(prefix, sizeof prefix, "%02d-", s);
        /* folder names are NN-slug */
        DIR *dh = opendir(dir);
        if (!dh) break;
        char story[4096] = "";
        for (struct dirent *e; (e = readdir(dh));)
            if (!strncmp(e->d_name, prefix, 3)) snprintf(story, sizeof story, "%s/%s", dir, e->d_name);
        closedir(dh);
        if (!*story) break;
        for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
            snprintf(path, sizeof path, "%s/%s", story, files[f]);
            FILE *g = fopen(path, "rb");
            if (!g) continue;
            static char buf[1 << 20];
            size_t n = fread(buf, 1, sizeof buf, g);
            fclose(g);
            char id[64];
            snprintf(id, sizeof id, "%02d/%s", s, files[f]);
            nd_corpus_add(c, id, buf, n, NULL, NULL);
        }
        stories++;
    }
    if (!stories) {
        printf("set: no NN-story folders under %s; skipped\n", dir);
        nd_corpus_free(c);
        return 0;
    }
    nd_result *r = scan(c);
    if (!r) return 3;
    uint32_t n = nd_corpus_size(c);
    long *pred = cluster_of(r, n);
    if (!pred) return 3;
    double tp = 0, fp = 0, fn = 0;
    int origins = 0;
    for (uint32_t a = 0; a < n; a++) {
        const char *ia = nd_doc_id(c, a);
        for (uint32_t b = a + 1; b < n; b++) {
            const char *ib = nd_doc_id(c, b);
            int truth = !strncmp(ia, ib, 3) && !strstr(ia, "independent") && !strstr(ib, "independent");
            int said = pred[a] >= 0 && pred[a] == pred[b];
            tp += truth && said;
            fp += !truth && said;
            fn += truth && !said;
        }
    }
    for (size_t k = 0; k < r->nclusters; k++) origins += strstr(nd_doc_id(c, r->clusters[k].origin), "origin.txt") != NULL;
    double p = tp + fp ? tp / (tp + fp) : 1, rc = tp + fn ? tp / (tp + fn) : 1;
    printf("set: %d stories, %u documents, %zu clusters; pairwise precision %.4f recall %.4f F1 %.4f; origin right in %d of %zu clusters\n",
           stories, n, r->nclusters, p, rc, p + rc > 0 ? 2 * p * rc / (p + rc) : 0, origins, r->nclusters);
    free(pred);
    nd_result_free(r);
    nd_corpus_free(c);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "set")) return run_set(argv[2]);
    if (argc == 4 && !strcmp(argv[1], "gen")) return run_gen(argv[2], argv[3]);
    if (argc == 3 && !strcmp(argv[1], "clough")) return run_clough(argv[2]);
    fprintf(stderr, "usage: accuracy gen CORPUS.jsonl LABELS.tsv | accuracy clough DIR | accuracy set DIR\n");
    return 1;
}

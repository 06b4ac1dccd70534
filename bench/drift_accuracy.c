/* Drift precision and recall on the hand-written labelled set:
 *   drift_accuracy tests/data/audit-set
 * For each story folder, compares copy.txt, rewrite-a.txt and rewrite-b.txt
 * with origin.txt (as `newsdup audit --origin` does) and matches every
 * reported drift with the labels in drifts.tsv: same document and type,
 * and the label's rewrite excerpt inside the reported rewrite sentence.
 * Prints per-type precision and recall and the drifts reported on copies.
 *   drift_accuracy gen CORPUS.jsonl LABELS.tsv DRIFTS.tsv
 * On a generated corpus (bench/gen): scan + audit, then for every copy or
 * rewrite clustered with its true origin, the reported drift types are
 * matched with the planted ones by count per type (no excerpts there). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsdup.h"

#define MAX_LABELS 64

typedef struct {
    char doc[32];
    int type;
    char excerpt[256];
    int found;
} label;

static const char *const files[] = { "origin.txt", "copy.txt", "rewrite-a.txt", "rewrite-b.txt" };

static int type_of(const char *name)
{
    for (int t = 0; t < ND_DRIFT_NTYPES; t++)
        if (!strcmp(nd_drift_type_name((nd_drift_type)t), name)) return t;
    return -1;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void print_table(const long *tp, const long *fp, const long *fn, long on_copies)
{
    long TP = 0, FP = 0, FN = 0;
    printf("%-20s %5s %5s %5s %9s %7s\n", "type", "TP", "FP", "FN", "precision", "recall");
    for (int t = 0; t < ND_DRIFT_NTYPES; t++) {
        TP += tp[t];
        FP += fp[t];
        FN += fn[t];
        printf("%-20s %5ld %5ld %5ld %9.3f %7.3f\n", nd_drift_type_name((nd_drift_type)t), tp[t], fp[t], fn[t],
               tp[t] + fp[t] ? (double)tp[t] / (tp[t] + fp[t]) : 1.0, tp[t] + fn[t] ? (double)tp[t] / (tp[t] + fn[t]) : 1.0);
    }
    printf("%-20s %5ld %5ld %5ld %9.3f %7.3f\n", "overall", TP, FP, FN, TP + FP ? (double)TP / (TP + FP) : 1.0,
           TP + FN ? (double)TP / (TP + FN) : 1.0);
    printf("drifts reported on faithful copies: %ld\n", on_copies);
}

/* Generated corpus: labels give each document's role and true origin. */
static int run_gen(const char *corpus, const char *labels, const char *drifts)
{
    nd_error err;
    nd_corpus *c = nd_corpus_new(NULL, &err);
    if (!c || nd_corpus_add_path(c, corpus, &err) != ND_OK) {
        fprintf(stderr, "drift_accuracy: %s\n", err.message);
        return 2;
    }
    uint32_t n = nd_corpus_size(c);
    /* ids are d000001...: index by number */
    size_t maxid = 0;
    for (uint32_t d = 0; d < n; d++) {
        size_t k = strtoul(nd_doc_id(c, d) + 1, NULL, 10);
        if (k > maxid) maxid = k;
    }
    char (*role)[16] = calloc(maxid + 1, sizeof *role);
    size_t *origin_of = calloc(maxid + 1, sizeof *origin_of);
    int (*planted)[ND_DRIFT_NTYPES] = calloc(maxid + 1, sizeof *planted);
    char line[4096];
    FILE *f = fopen(labels, "r");
    if (!f || !role || !origin_of || !planted) return 2;
    if (!fgets(line, sizeof line, f)) line[0] = 0;
    while (fgets(line, sizeof line, f)) {
        char id[32], r[16], o[32];
        long story;
        if (sscanf(line, "%31s %ld %15s %31s", id, &story, r, o) != 4) continue;
        size_t k = strtoul(id + 1, NULL, 10);
        if (k > maxid) continue;
        snprintf(role[k], sizeof role[k], "%s", r);
        origin_of[k] = o[0] == 'd' ? strtoul(o + 1, NULL, 10) : 0;
    }
    fclose(f);
    if (!(f = fopen(drifts, "r"))) return 2;
    if (!fgets(line, sizeof line, f)) line[0] = 0;
    while (fgets(line, sizeof line, f)) {
        char id[32], type[32];
        if (sscanf(line, "%31s %31s", id, type) != 2 || type_of(type) < 0) continue;
        size_t k = strtoul(id + 1, NULL, 10);
        if (k <= maxid) planted[k][type_of(type)]++;
    }
    fclose(f);
    nd_result *r = nd_scan(c, &err);
    if (!r || nd_audit(c, r, &err) != ND_OK) {
        fprintf(stderr, "drift_accuracy: %s\n", err.message);
        return 3;
    }
    long tp[ND_DRIFT_NTYPES] = { 0 }, fp[ND_DRIFT_NTYPES] = { 0 }, fn[ND_DRIFT_NTYPES] = { 0 }, on_copies = 0;
    long checked = 0;
    for (size_t k = 0; k < r->nclusters; k++) {
        const nd_cluster *cl = &r->clusters[k];
        size_t o = strtoul(nd_doc_id(c, cl->origin) + 1, NULL, 10);
        for (uint32_t m = 0; m < cl->nmembers; m++) {
            uint32_t doc = cl->members[m].doc;
            size_t id = strtoul(nd_doc_id(c, doc) + 1, NULL, 10);
            if (doc == cl->origin || origin_of[id] != o) continue;  /* judged only against its true origin */
            int is_copy = !strcmp(role[id], "copy");
            if (!is_copy && strcmp(role[id], "rewrite") && strcmp(role[id], "rewrite2")) continue;
            checked++;
            int got[ND_DRIFT_NTYPES] = { 0 };
            for (uint32_t i = 0; i < cl->ndrifts; i++)
                if (cl->drifts[i].doc == doc) got[cl->drifts[i].type]++;
            for (int t = 0; t < ND_DRIFT_NTYPES; t++) {
                if (is_copy) on_copies += got[t];
                int want = planted[id][t];
                tp[t] += got[t] < want ? got[t] : want;
                fp[t] += got[t] > want ? got[t] - want : 0;
                fn[t] += want > got[t] ? want - got[t] : 0;
            }
        }
    }
    printf("generated: %u documents; %ld copies and rewrites judged against their true origin\n", n, checked);
    print_table(tp, fp, fn, on_copies);
    nd_result_free(r);
    nd_corpus_free(c);
    free(role);
    free(origin_of);
    free(planted);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 5 && !strcmp(argv[1], "gen")) return run_gen(argv[2], argv[3], argv[4]);
    if (argc != 2) {
        fprintf(stderr, "usage: drift_accuracy DIR | drift_accuracy gen CORPUS.jsonl LABELS.tsv DRIFTS.tsv\n");
        return 1;
    }
    DIR *dh = opendir(argv[1]);
    if (!dh) {
        printf("drift_accuracy: %s not found; skipped\n", argv[1]);
        return 0;
    }
    char *stories[128];
    int nstories = 0;
    for (struct dirent *e; (e = readdir(dh)) && nstories < 128;)
        if (e->d_name[0] != '.' && strcmp(e->d_name, "README.md")) stories[nstories++] = strdup(e->d_name);
    closedir(dh);
    qsort(stories, (size_t)nstories, sizeof *stories, cmp_str);
    long tp[ND_DRIFT_NTYPES] = { 0 }, fp[ND_DRIFT_NTYPES] = { 0 }, fn[ND_DRIFT_NTYPES] = { 0 };
    long on_copies = 0;
    for (int s = 0; s < nstories; s++) {
        char path[4096], line[2048];
        label lab[MAX_LABELS];
        int nl = 0;
        snprintf(path, sizeof path, "%s/%s/drifts.tsv", argv[1], stories[s]);
        FILE *f = fopen(path, "r");
        if (!f) continue;
        if (!fgets(line, sizeof line, f)) line[0] = 0;  /* header */
        while (nl < MAX_LABELS && fgets(line, sizeof line, f)) {
            char *field[6];
            int k = 0;
            for (char *p = strtok(line, "\t\r\n"); p && k < 6; p = strtok(NULL, "\t\r\n")) field[k++] = p;
            if (k < 6 || type_of(field[1]) < 0) continue;
            snprintf(lab[nl].doc, sizeof lab[nl].doc, "%s", field[0]);
            lab[nl].type = type_of(field[1]);
            snprintf(lab[nl].excerpt, sizeof lab[nl].excerpt, "%s", field[5]);
            lab[nl].found = 0;
            nl++;
        }
        fclose(f);
        nd_error err;
        nd_corpus *c = nd_corpus_new(NULL, &err);
        for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
            snprintf(path, sizeof path, "%s/%s/%s", argv[1], stories[s], files[i]);
            if (nd_corpus_add_path(c, path, &err) != ND_OK) fprintf(stderr, "drift_accuracy: %s\n", err.message);
        }
        nd_result *r = nd_compare_to(c, 0, &err);
        if (!r || nd_audit(c, r, &err) != ND_OK) {
            fprintf(stderr, "drift_accuracy: %s: %s\n", stories[s], err.message);
            return 3;
        }
        const nd_cluster *cl = &r->clusters[0];
        for (uint32_t i = 0; i < cl->ndrifts; i++) {
            const nd_drift *d = &cl->drifts[i];
            const char *id = nd_doc_id(c, d->doc), *base = strrchr(id, '/');
            base = base ? base + 1 : id;
            if (!strcmp(base, "copy.txt")) {
                on_copies++;
                fp[d->type]++;
                continue;
            }
            size_t len;
            const char *text = nd_doc_text(c, d->doc, &len);
            int matched = 0;
            for (int k = 0; k < nl && !matched; k++) {
                if (lab[k].found || lab[k].type != (int)d->type || strcmp(lab[k].doc, base)) continue;
                const char *at = strstr(text, lab[k].excerpt);
                if (at && (uint32_t)(at - text) < d->rewrite_span[1] &&
                    (uint32_t)(at - text) + strlen(lab[k].excerpt) > d->rewrite_span[0]) {
                    lab[k].found = matched = 1;
                    tp[d->type]++;
                }
            }
            if (!matched) {
                fp[d->type]++;
                printf("  unlabelled: %s/%s %s: %s\n", stories[s], base, nd_drift_type_name(d->type),
                       d->detail ? d->detail : "");
            }
        }
        for (int k = 0; k < nl; k++)
            if (!lab[k].found) {
                fn[lab[k].type]++;
                printf("  missed: %s/%s %s: %s\n", stories[s], lab[k].doc, nd_drift_type_name(lab[k].type),
                       lab[k].excerpt);
            }
        nd_result_free(r);
        nd_corpus_free(c);
        free(stories[s]);
    }
    print_table(tp, fp, fn, on_copies);
    return 0;
}

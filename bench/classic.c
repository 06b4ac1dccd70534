/* The classic near-duplicate pipeline, as the popular libraries run it
 * (datasketch MinHash + MinHashLSH), against newsdup's scan on the same corpus:
 *   classic CORPUS.jsonl LABELS.tsv        (labels: bench/gen/gencorpus)
 *
 * Classic: lower-cased (ASCII) words split as bench/speed.c's baseline does;
 * 5-word shingles, each XXH3-hashed; MinHash with 128 permutations, each the
 * universal hash (a_i * h + b_i) mod (2^61 - 1) of the shingle hash h, kept
 * to its low 32 bits, as datasketch computes them (it starts from a 32-bit
 * SHA-1 of the shingle, we from XXH3: the hash is not what is measured);
 * LSH with 25 bands of 5 rows, the setting datasketch's MinHashLSH chooses
 * for threshold 0.5 and 128 permutations (it minimises the equally weighted
 * false-positive and false-negative areas; 125 of the 128 values are used);
 * every pair sharing a bucket is a candidate, and a candidate whose
 * estimated Jaccard (equal values among all 128) is at least 0.5 is a
 * duplicate pair.  Duplicate pairs are joined into connected components.
 *
 * Both methods run on one thread, after each other, in this process.
 * Scores: a planted copy, rewrite or rewrite of a rewrite counts as found
 * when it lands in one component (classic) or cluster (newsdup) with its
 * origin, so both are judged alike; pairwise precision is accuracy.c's
 * (pairs of documents grouped together that share a story, where a story
 * is an origin with its copies and rewrites).  The classic's direct-pair
 * precision is printed too. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <xxhash.h>

#include "bench.h"
#include "newsdup.h"

#define SHINGLE 5
#define NPERM 128
#define BANDS 25
#define ROWS 5
#define JACCARD 0.5
#define MERSENNE ((1ull << 61) - 1)

static double peak_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0;
}

/* ---- labels --------------------------------------------------------------- */

enum { R_OTHER, R_ORIGIN, R_COPY, R_REWRITE, R_REWRITE2 };

typedef struct {
    char id[64], origin[64];
    int role;
    uint32_t doc;  /* index in the corpus, UINT32_MAX when absent */
} label;

/* What the labels say of each document: its role and its story's origin
 * (truth[i] = the origin's index; a document in no story is its own). */
typedef struct {
    uint8_t *role;
    uint32_t *truth;
} truth_t;

static int cmp_label(const void *a, const void *b) { return strcmp(((const label *)a)->id, ((const label *)b)->id); }

static label *find_label(label *l, size_t n, const char *id)
{
    label key;
    snprintf(key.id, sizeof key.id, "%s", id);
    return bsearch(&key, l, n, sizeof *l, cmp_label);
}

static int role_of(const char *s)
{
    return !strcmp(s, "origin") ? R_ORIGIN : !strcmp(s, "copy") ? R_COPY : !strcmp(s, "rewrite") ? R_REWRITE
           : !strcmp(s, "rewrite2") ? R_REWRITE2 : R_OTHER;
}

static int load_truth(const char *path, const nd_corpus *c, truth_t *t)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    size_t nl = 0, cap = 1024;
    label *l = malloc(cap * sizeof *l);
    char line[1024], role[16];
    int ok = l && fgets(line, sizeof line, f);  /* header */
    while (ok && fgets(line, sizeof line, f)) {
        if (nl == cap) {
            label *g = realloc(l, (cap *= 2) * sizeof *l);
            if (!g) { ok = 0; break; }
            l = g;
        }
        if (sscanf(line, "%63s %*s %15s %63s", l[nl].id, role, l[nl].origin) != 3) continue;
        l[nl].role = role_of(role);
        l[nl].doc = UINT32_MAX;
        nl++;
    }
    fclose(f);
    uint32_t n = nd_corpus_size(c);
    t->role = calloc(n ? n : 1, 1);
    t->truth = malloc((n ? n : 1) * sizeof *t->truth);
    if (!ok || !t->role || !t->truth) {
        fprintf(stderr, "classic: cannot read %s\n", path);
        free(l);
        return -1;
    }
    qsort(l, nl, sizeof *l, cmp_label);
    for (uint32_t i = 0; i < n; i++) {
        label *x = find_label(l, nl, nd_doc_id(c, i));
        if (x) x->doc = i;
        t->truth[i] = i;
    }
    for (size_t k = 0; k < nl; k++) {
        if (l[k].role == R_OTHER || l[k].doc == UINT32_MAX) continue;
        const label *o = find_label(l, nl, l[k].origin);
        if (!o || o->doc == UINT32_MAX) continue;  /* origin not in the corpus: nothing to find */
        t->role[l[k].doc] = (uint8_t)l[k].role;
        t->truth[l[k].doc] = o->doc;
    }
    free(l);
    return 0;
}

/* ---- scores --------------------------------------------------------------- */

typedef struct {
    size_t found[5], planted[5];  /* by role: R_COPY, R_REWRITE, R_REWRITE2 */
    double tp, grouped;           /* pairs grouped together: on one story, all */
} score_t;

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Sum over equal values of C(count, 2); sorts v. */
static double pair_count(uint64_t *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_u64);
    double s = 0;
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i; j < n && v[j] == v[i]; j++) {}
        s += (double)(j - i) * (double)(j - i - 1) / 2;
    }
    return s;
}

/* group[i]: the predicted group of document i (distinct for documents alone). */
static int score(const truth_t *t, const uint32_t *group, uint32_t n, score_t *s)
{
    memset(s, 0, sizeof *s);
    uint64_t *v = malloc((n ? n : 1) * sizeof *v);
    if (!v) return -1;
    for (uint32_t i = 0; i < n; i++) {
        int r = t->role[i];
        if (r >= R_COPY) {
            s->planted[r]++;
            s->found[r] += group[i] == group[t->truth[i]];
        }
    }
    for (uint32_t i = 0; i < n; i++) v[i] = (uint64_t)t->truth[i] << 32 | group[i];
    s->tp = pair_count(v, n);
    for (uint32_t i = 0; i < n; i++) v[i] = group[i];
    s->grouped = pair_count(v, n);
    free(v);
    return 0;
}

static double ratio(size_t a, size_t b) { return b ? (double)a / b : 0; }

static void print_score(const char *who, const score_t *s)
{
    printf("%s: recall copies %.4f (%zu/%zu), rewrites %.4f (%zu/%zu), rewrites of rewrites %.4f (%zu/%zu); "
           "pairwise precision %.4f (%.0f grouped pairs)\n",
           who, ratio(s->found[R_COPY], s->planted[R_COPY]), s->found[R_COPY], s->planted[R_COPY],
           ratio(s->found[R_REWRITE], s->planted[R_REWRITE]), s->found[R_REWRITE], s->planted[R_REWRITE],
           ratio(s->found[R_REWRITE2], s->planted[R_REWRITE2]), s->found[R_REWRITE2], s->planted[R_REWRITE2],
           s->grouped ? s->tp / s->grouped : 1, s->grouped);
}

/* ---- classic: shingles and MinHash ---------------------------------------- */

typedef struct {
    uint64_t a[NPERM], b[NPERM];
} perms;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* a in [1, p), b in [0, p), as datasketch draws them (from its own generator). */
static void perms_init(perms *p)
{
    uint64_t x = 1;
    for (int i = 0; i < NPERM; i++) {
        p->a[i] = 1 + splitmix64(&x) % (MERSENNE - 1);
        p->b[i] = splitmix64(&x) % MERSENNE;
    }
}

static uint64_t mod_mersenne(uint64_t x)
{
    x = (x & MERSENNE) + (x >> 61);
    return x >= MERSENNE ? x - MERSENNE : x;
}

static int is_word_byte(unsigned char c)
{
    return (unsigned)((c | 32) - 'a') < 26u || (unsigned)(c - '0') < 10u || c >= 0x80;
}

/* The MinHash signature of one text (low, n bytes, already lower-cased);
 * returns the number of shingles.  A text of fewer than five words has
 * none: its signature would be all maxima, so it is left out of LSH
 * (otherwise every such text would share every bucket). */
static size_t minhash(const unsigned char *low, size_t n, const perms *p, uint32_t sig[NPERM])
{
    uint64_t w[SHINGLE] = { 0 };
    size_t words = 0, shingles = 0;
    for (int k = 0; k < NPERM; k++) sig[k] = UINT32_MAX;
    for (size_t i = 0; i < n;) {
        while (i < n && !is_word_byte(low[i])) i++;
        size_t st = i;
        while (i < n && is_word_byte(low[i])) i++;
        if (i == st) break;
        memmove(w, w + 1, (SHINGLE - 1) * sizeof *w);
        w[SHINGLE - 1] = XXH3_64bits(low + st, i - st);
        if (++words < SHINGLE) continue;
        uint64_t h = mod_mersenne(XXH3_64bits(w, sizeof w));
        for (int k = 0; k < NPERM; k++) {
            unsigned __int128 z = (unsigned __int128)p->a[k] * h + p->b[k];
            uint32_t v = (uint32_t)mod_mersenne((uint64_t)(z & MERSENNE) + (uint64_t)(z >> 61));
            if (v < sig[k]) sig[k] = v;
        }
        shingles++;
    }
    return shingles;
}

/* ---- classic: LSH, verification, components -------------------------------- */

typedef struct {
    uint64_t key;
    uint32_t doc;
} bucket_entry;

static int cmp_entry(const void *a, const void *b)
{
    const bucket_entry *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return (x->doc > y->doc) - (x->doc < y->doc);
}

typedef struct {
    uint64_t *v;
    size_t n, cap;
} u64_vec;

static int push(u64_vec *a, uint64_t x)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? 2 * a->cap : 1 << 16;
        uint64_t *g = realloc(a->v, cap * sizeof *g);
        if (!g) return -1;
        a->v = g;
        a->cap = cap;
    }
    a->v[a->n++] = x;
    return 0;
}

/* Candidate pairs (lo << 32 | hi, sorted, distinct): documents sharing a
 * bucket in any band.  has[i] == 0 leaves document i out. */
static int lsh_candidates(const uint32_t *sig, const uint8_t *has, uint32_t n, u64_vec *pairs)
{
    bucket_entry *e = malloc((n ? n : 1) * sizeof *e);
    if (!e) return -1;
    for (int band = 0; band < BANDS; band++) {
        uint32_t m = 0;
        for (uint32_t d = 0; d < n; d++)
            if (has[d])
                e[m++] = (bucket_entry){ XXH3_64bits(sig + (size_t)d * NPERM + band * ROWS, ROWS * sizeof *sig), d };
        qsort(e, m, sizeof *e, cmp_entry);
        for (uint32_t i = 0, j; i < m; i = j) {
            for (j = i + 1; j < m && e[j].key == e[i].key; j++) {}
            for (uint32_t x = i; x < j; x++)
                for (uint32_t y = x + 1; y < j; y++)
                    if (push(pairs, (uint64_t)e[x].doc << 32 | e[y].doc)) {
                        free(e);
                        return -1;
                    }
        }
    }
    free(e);
    if (pairs->n) qsort(pairs->v, pairs->n, sizeof *pairs->v, cmp_u64);  /* v is NULL when none */
    size_t k = 0;
    for (size_t i = 0; i < pairs->n; i++)
        if (!k || pairs->v[i] != pairs->v[k - 1]) pairs->v[k++] = pairs->v[i];
    pairs->n = k;
    return 0;
}

static uint32_t find(uint32_t *up, uint32_t x)
{
    while (up[x] != x) x = up[x] = up[up[x]];
    return x;
}

typedef struct {
    double t_minhash, t_lsh, t_verify, peak_mb;
    size_t candidates, pairs, true_pairs, no_shingles;
} classic_run;

/* Runs the classic pipeline; group[i] receives document i's component. */
static int run_classic(const nd_corpus *c, const truth_t *t, uint32_t *group, classic_run *out)
{
    uint32_t n = nd_corpus_size(c);
    perms *p = malloc(sizeof *p);
    uint32_t *sig = malloc(((size_t)n ? n : 1) * NPERM * sizeof *sig);
    uint8_t *has = malloc(n ? n : 1);
    unsigned char *low = NULL;
    size_t lowcap = 0;
    u64_vec pairs = { 0 };
    int rc = -1;
    if (!p || !sig || !has) goto done;
    perms_init(p);
    memset(out, 0, sizeof *out);

    double t0 = now();
    for (uint32_t d = 0; d < n; d++) {
        size_t len;
        const unsigned char *s = (const unsigned char *)nd_doc_text(c, d, &len);
        if (len > lowcap) {
            unsigned char *g = realloc(low, len);
            if (!g) goto done;
            low = g;
            lowcap = len;
        }
        for (size_t i = 0; i < len; i++) low[i] = (unsigned)(s[i] - 'A') < 26u ? s[i] | 32 : s[i];
        has[d] = minhash(low, len, p, sig + (size_t)d * NPERM) > 0;
        out->no_shingles += !has[d];
    }
    double t1 = now();
    if (lsh_candidates(sig, has, n, &pairs)) goto done;
    double t2 = now();
    for (uint32_t d = 0; d < n; d++) group[d] = d;
    for (size_t k = 0; k < pairs.n; k++) {
        uint32_t a = (uint32_t)(pairs.v[k] >> 32), b = (uint32_t)pairs.v[k];
        const uint32_t *x = sig + (size_t)a * NPERM, *y = sig + (size_t)b * NPERM;
        int eq = 0;
        for (int i = 0; i < NPERM; i++) eq += x[i] == y[i];
        if (eq < JACCARD * NPERM) continue;
        out->pairs++;
        out->true_pairs += t->truth[a] == t->truth[b];
        uint32_t ra = find(group, a), rb = find(group, b);
        if (ra != rb) group[ra > rb ? ra : rb] = ra < rb ? ra : rb;
    }
    for (uint32_t d = 0; d < n; d++) group[d] = find(group, d);
    double t3 = now();
    out->t_minhash = t1 - t0;
    out->t_lsh = t2 - t1;
    out->t_verify = t3 - t2;
    out->candidates = pairs.n;
    out->peak_mb = peak_mb();
    rc = 0;
done:
    free(pairs.v);
    free(low);
    free(has);
    free(sig);
    free(p);
    return rc;
}

/* ---- newsdup --------------------------------------------------------------- */

/* group[i]: cluster index, or nclusters + i for a document in none. */
static void newsdup_groups(const nd_result *r, uint32_t n, uint32_t *group)
{
    for (uint32_t i = 0; i < n; i++) group[i] = (uint32_t)r->nclusters + i;
    for (size_t k = 0; k < r->nclusters; k++)
        for (uint32_t m = 0; m < r->clusters[k].nmembers; m++) group[r->clusters[k].members[m].doc] = (uint32_t)k;
}

/* getrusage's peak is the process's: forget the classic's so that newsdup's
 * is its own (Linux: writing 5 to clear_refs resets the high-water mark).
 * Returns 0 when it could not, and the newsdup peak is then a maximum of both. */
static int reset_peak(void)
{
    FILE *f = fopen("/proc/self/clear_refs", "w");
    if (!f) return 0;
    int ok = fputs("5", f) >= 0;
    return fclose(f) == 0 && ok;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: classic CORPUS.jsonl LABELS.tsv\n");
        return 1;
    }
    nd_options opt;
    nd_options_default(&opt);
    opt.threads = 1;  /* the classic pipeline runs on one thread too */
    double t_read;
    uint64_t bytes;
    nd_corpus *c = bench_load("classic", argv[1], &opt, &t_read, &bytes);
    if (!c) return 2;
    uint32_t n = nd_corpus_size(c);
    truth_t t = { 0 };
    nd_result *r = NULL;
    int rc = 3;
    uint32_t *group = malloc((n ? n : 1) * sizeof *group);
    if (!group || load_truth(argv[2], c, &t)) {
        rc = 2;
        goto done;
    }
    double mb = (double)bytes / 1e6, rss_loaded = peak_mb();
    printf("corpus: %u documents, %.1f MB of text (read in %.2f s); RSS after loading %.1f MB\n", n, mb, t_read,
           rss_loaded);

    classic_run cr;
    score_t sc, sn;
    if (run_classic(c, &t, group, &cr) || score(&t, group, n, &sc)) {
        fprintf(stderr, "classic: out of memory\n");
        goto done;
    }
    double tc = cr.t_minhash + cr.t_lsh + cr.t_verify;
    printf("classic (%d-word shingles, MinHash %d, LSH %dx%d, Jaccard >= %.1f): %.1f MB/s, %.0f docs/s, "
           "peak RSS %.1f MB\n",
           SHINGLE, NPERM, BANDS, ROWS, JACCARD, mb / tc, n / tc, cr.peak_mb);
    printf("  shingle+minhash %.2f s (%.1f MB/s), LSH %.2f s, verify %.2f s\n", cr.t_minhash, mb / cr.t_minhash,
           cr.t_lsh, cr.t_verify);
    printf("  %zu candidate pairs, %zu pairs at Jaccard >= %.1f (direct-pair precision %.4f); %zu documents "
           "under %d words left out\n",
           cr.candidates, cr.pairs, JACCARD, ratio(cr.true_pairs, cr.pairs), cr.no_shingles, SHINGLE);
    print_score("  classic", &sc);

    int reset = reset_peak();
    nd_error err;
    double t0 = now();
    r = nd_scan(c, &err);
    double ts = now() - t0;
    if (!r) {
        fprintf(stderr, "classic: scan failed: %s\n", err.message);
        goto done;
    }
    double peak_nd = peak_mb();
    newsdup_groups(r, n, group);
    if (score(&t, group, n, &sn)) {
        fprintf(stderr, "classic: out of memory\n");
        goto done;
    }
    printf("newsdup scan (1 thread): %.1f MB/s, %.0f docs/s, peak RSS %.1f MB%s, %zu clusters\n", mb / ts, n / ts,
           peak_nd, reset ? "" : " (not reset: includes the classic run)", r->nclusters);
    print_score("  newsdup", &sn);
    const nd_scan_memory *m = &r->memory;
    printf("  newsdup's own structures at their peak: %.0f bytes/document (fingerprints %.0f, index %.0f, "
           "building it %.0f, counting pairs %.0f)\n", (double)m->peak / n, (double)m->fingerprints / n,
           (double)m->index / n, (double)m->building / n, (double)m->counting / n);
    printf("speed ratio classic/newsdup: %.2f\n", ts / tc);
    rc = 0;
done:
    nd_result_free(r);
    free(group);
    free(t.role);
    free(t.truth);
    nd_corpus_free(c);
    return rc;
}

/* The ingest index: verdicts on the seed corpus, seen ids, rejected
 * documents, durability at commit, merges, format version, one writer,
 * readers beside it, the compact record, the JSON Lines filter line. */
#include <errno.h>
#include <lmdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "index/index.h"
#include "index/record.h"
#include "newsdup.h"

static const char *const seed_files[5] = {
    "corpus/000_2524be277e2264a3.txt", "corpus/001_52040788e84add02.txt", "corpus/002_d3c08a9c2b37002a.txt",
    "corpus/003_8f74b81e1eb9c8a3.txt", "corpus/004_1dfc0723e0f91d91.txt",
};
static char *seed[5];
static size_t seed_len[5];

static void load_seeds(void)
{
    for (int i = 0; i < 5; i++)
        if (!seed[i]) seed[i] = check_slurp(seed_files[i], &seed_len[i]);
}

static void free_seeds(void)
{
    for (int i = 0; i < 5; i++) {
        free(seed[i]);
        seed[i] = NULL;
    }
}

static char *new_dir(void)
{
    char tmpl[] = "/tmp/nd-index-XXXXXX";
    char *d = mkdtemp(tmpl);
    if (!d) return NULL;
    /* the index is created inside, as a fresh directory */
    size_t n = strlen(d) + 8;
    char *p = malloc(n);
    if (p) snprintf(p, n, "%s/idx", d);
    return p;
}

static void remove_dir(char *p)
{
    const char *files[] = { "data.mdb", "lock.mdb", "writer.lock" };
    char path[512];
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", p, files[i]);
        unlink(path);
    }
    rmdir(p);
    *strrchr(p, '/') = 0;
    rmdir(p);
    free(p);
}

static nd_index *open_writer(const char *dir, nd_error *err)
{
    nd_index_options o;
    nd_index_options_default(&o);
    o.sync = ND_SYNC_NONE;
    return nd_index_open(dir, &o, err);
}

/* A writer on a new index (its directory in *dir, for remove_dir), the
 * seeds loaded; NULL (a failed check) when it cannot be opened. */
static nd_index *new_writer(char **dir)
{
    nd_error err;
    load_seeds();
    *dir = new_dir();
    nd_index *ix = open_writer(*dir, &err);
    CHECK(ix != NULL);
    return ix;
}

static nd_index *open_reader(const char *dir, nd_error *err)
{
    nd_index_options o;
    nd_index_options_default(&o);
    o.read_only = 1;
    return nd_index_open(dir, &o, err);
}

static nd_status add_seed(nd_index *ix, int i, nd_index_answer *a)
{
    nd_error err;
    return nd_index_add(ix, seed_files[i] + 7, seed[i], seed_len[i], NULL, a, &err);
}

/* 000 is new; 001 and 002 rewrite it; 003 and 004 cover the same event independently. */
static void seeds_in_order(void)
{
    char *dir;
    nd_error err;
    nd_index *ix = new_writer(&dir);
    if (!ix) return;
    nd_index_answer a;
    const nd_verdict want[5] = { ND_VERDICT_NEW, ND_VERDICT_REWRITE, ND_VERDICT_REWRITE, ND_VERDICT_NEW, ND_VERDICT_NEW };
    for (int i = 0; i < 5; i++) {
        CHECK_INT(add_seed(ix, i, &a), ND_OK);
        CHECK_STR(nd_verdict_name(a.verdict), nd_verdict_name(want[i]));
        if (want[i] == ND_VERDICT_REWRITE) {
            CHECK_STR(a.of, "000_2524be277e2264a3.txt");
            /* scan measures 0.24 and 0.21 for these pairs */
            CHECK(a.similarity > 0.19f && a.similarity < 0.35f);
        } else {
            CHECK(a.of == NULL);
            CHECK_INT(a.nmatches, 0);
        }
    }
    CHECK_INT(nd_index_pending(ix), 5);
    CHECK_INT(nd_index_commit(ix, &err), ND_OK);
    CHECK_INT(nd_index_pending(ix), 0);
    nd_index_stats st;
    CHECK_INT(nd_index_stats_get(ix, &st, &err), ND_OK);
    CHECK_INT(st.documents, 5);
    CHECK_INT(st.verdicts[ND_VERDICT_NEW], 3);
    CHECK_INT(st.verdicts[ND_VERDICT_REWRITE], 2);
    CHECK_INT(st.format, ND_INDEX_FORMAT);
    CHECK(st.postings > 5 * 50);
    CHECK(st.used_bytes > 0 && st.used_bytes <= st.file_bytes);
    /* the same ids again: seen, with the verdict they got */
    CHECK_INT(add_seed(ix, 0, &a), ND_OK);
    CHECK_INT(a.verdict, ND_VERDICT_SEEN);
    CHECK_INT(a.was, ND_VERDICT_NEW);
    CHECK_INT(add_seed(ix, 2, &a), ND_OK);
    CHECK_INT(a.verdict, ND_VERDICT_SEEN);
    CHECK_INT(a.was, ND_VERDICT_REWRITE);
    CHECK_STR(a.of, "000_2524be277e2264a3.txt");
    CHECK_INT(nd_index_pending(ix), 0);
    /* a query with no id judges the text: 002 rewrites 000 */
    CHECK_INT(nd_index_query(ix, NULL, seed[2], seed_len[2], &a, &err), ND_OK);
    CHECK_INT(a.verdict, ND_VERDICT_REWRITE);
    CHECK_STR(a.of, "000_2524be277e2264a3.txt");
    CHECK(a.nmatches >= 1);
    nd_index_close(ix);
    remove_dir(dir);
}

/* A syndicated copy (000 with other furniture) is a copy; the index keeps
 * answering after documents it rejects. */
static void copies_and_rejects(void)
{
    char *dir;
    nd_error err;
    nd_index *ix = new_writer(&dir);
    if (!ix) return;
    nd_index_answer a;
    CHECK_INT(add_seed(ix, 0, &a), ND_OK);
    size_t n = seed_len[0] + 64;
    char *copy = malloc(n);
    int k = snprintf(copy, n, "Reposted by Example Wire\n\n%s\nShare this article", seed[0]);
    CHECK_INT(nd_index_add(ix, "copy", copy, (size_t)k, NULL, &a, &err), ND_OK);
    CHECK_INT(a.verdict, ND_VERDICT_COPY);
    CHECK_STR(a.of, "000_2524be277e2264a3.txt");
    CHECK(a.similarity > 0.9f);
    free(copy);
    CHECK_INT(nd_index_add(ix, "blank", "  ... !! ", 9, NULL, &a, &err), ND_EEMPTY);
    CHECK_INT(nd_index_add(ix, "bin", "ab\0\1\2cd", 7, NULL, &a, &err), ND_EBINARY);
    nd_doc_meta bad = { .published = "yesterday" };
    CHECK_INT(nd_index_add(ix, "date", seed[3], seed_len[3], &bad, &a, &err), ND_EFORMAT);
    CHECK(strstr(err.message, "yesterday") != NULL);
    CHECK_INT(nd_index_add(ix, "", seed[3], seed_len[3], NULL, &a, &err), ND_EFORMAT);
    CHECK_INT(add_seed(ix, 1, &a), ND_OK);
    CHECK_INT(a.verdict, ND_VERDICT_REWRITE);
    CHECK_INT(nd_index_pending(ix), 3);
    CHECK_INT(nd_index_commit(ix, &err), ND_OK);
    nd_index_close(ix);
    remove_dir(dir);
}

/* Fills out[0..n) with sentences of made-up words, from r; returns the length. */
static size_t made_up_text(char *out, size_t n, uint32_t r)
{
    static const char cons[] = "bdfgklmnprstvz", vows[] = "aeiou";
    size_t k = 0;
    for (int w = 0; k + 24 < n; w++) {
        size_t start = k;
        for (int syl = 2 + (int)(r % 3); syl > 0; syl--) {
            r = r * 1103515245u + 12345u;
            out[k++] = cons[(r >> 16) % 14];
            out[k++] = vows[(r >> 20) % 5];
        }
        if (w % 12 == 0) out[start] = (char)(out[start] - 'a' + 'A');  /* a sentence starts */
        out[k++] = w % 12 == 11 ? '.' : ' ';
        if (w % 12 == 11) out[k++] = ' ';
    }
    return k;
}

/* Adds n documents named prefix00, prefix01, ...: each is seed i's text
 * followed by a made-up paragraph three times as long (its own keys). */
static void add_holders(nd_index *ix, int i, const char *prefix, uint32_t n)
{
    size_t cap = 4 * seed_len[i] + 64, len;
    char *t = malloc(cap), id[32];
    nd_index_answer a;
    nd_error err;
    for (uint32_t j = 0; j < n; j++) {
        len = (size_t)snprintf(t, cap, "%s\n\n", seed[i]);
        len += made_up_text(t + len, cap - len, 7 + j);
        snprintf(id, sizeof id, "%s%02u", prefix, j);
        CHECK_INT(nd_index_add(ix, id, t, len, NULL, &a, &err), ND_OK);
    }
    free(t);
}

/* In a child process (LMDB wants one environment per process, and the
 * caller keeps a reader open): a writer adds n holders of seed i and
 * commits, with checkpoints every checkpoint_every documents; with snap, the
 * hot keys it then holds go there (hot_snapshot's triples).  0 when all
 * went well. */
static int writer_child(const char *dir, int i, const char *prefix, uint32_t n, uint32_t checkpoint_every, const char *snap);


/* A rewrite whose keys in common with its origin are all held by more than
 * ND_ALL_PAIRS_POSTING documents: 64 others hold the origin's text among
 * three times as much of their own.  Scan pairs such a list, when rare in
 * the corpus, where sketches agree: the rewrite (two thirds of the origin,
 * a made-up paragraph) is found against its origin.  In a corpus too small
 * for the list to be rare, scan pairs the rewrite with the newest holder
 * only, and so does the index. */
static void rewrite_through_hot_keys(void)
{
    load_seeds();
    for (uint32_t scale = 1; scale <= 1000; scale *= 1000) {
        char *dir = new_dir();
        nd_error err;
        nd_index *ix = open_writer(dir, &err);
        CHECK(ix != NULL);
        if (!ix) return;
        ix->corpus_scale = scale;  /* 66 documents seen as 66,000: lists of 65 are rare */
        nd_index_answer a;
        nd_index_stats st;
        CHECK_INT(add_seed(ix, 0, &a), ND_OK);
        /* its candidate keys and one slot key per indexed slot (no pair
         * keys while its slot values are not hot) */
        CHECK_INT(nd_index_stats_get(ix, &st, &err), ND_OK);
        CHECK_INT(st.postings, ix->nq + IX_SLOT_KEYS);
        add_holders(ix, 0, "holder", ND_ALL_PAIRS_POSTING);
        size_t n = seed_len[0] * 2 / 3;
        char *t = malloc(seed_len[0] + 64);
        memcpy(t, seed[0], n);
        n += made_up_text(t + n, seed_len[0] / 3, 1);
        CHECK_INT(nd_index_add(ix, "rewrite", t, n, NULL, &a, &err), ND_OK);
        CHECK(a.verdict == ND_VERDICT_REWRITE || a.verdict == ND_VERDICT_COPY);
        CHECK_STR(a.of, scale == 1 ? "holder63" : "000_2524be277e2264a3.txt");
        free(t);
        CHECK_INT(nd_index_commit(ix, &err), ND_OK);
        nd_index_close(ix);
        remove_dir(dir);
    }
}

static int by_triple(const void *a, const void *b)
{
    return memcmp(a, b, 3 * sizeof(uint32_t));
}

/* The hot keys ix holds, as (key, count, newest) triples sorted by key, in
 * a new array *out; their number. */
static size_t hot_snapshot(nd_index *ix, uint32_t **out)
{
    nd_error err;
    size_t n = 0;
    CHECK_INT(ix_begin(ix, &err), ND_OK);
    *out = malloc((ix->hotmap.n + 1) * 3 * sizeof **out);
    for (size_t i = 0; i < ix->hotmap.cap; i++) {
        const ix_hot *e = &ix->hotmap.v[i];
        if (!e->key1) continue;
        (*out)[3 * n] = e->key1 - 1;
        (*out)[3 * n + 1] = e->count;
        (*out)[3 * n + 2] = e->newest;
        n++;
    }
    CHECK_INT(n, ix->hotmap.n);
    qsort(*out, n, 3 * sizeof **out, by_triple);
    ix_end_read(ix);
    return n;
}

/* Whether ix holds the hot keys want[0..n) (from hot_snapshot), no more. */
static int same_hot(nd_index *ix, const uint32_t *want, size_t n)
{
    uint32_t *have;
    size_t m = hot_snapshot(ix, &have);
    int same = m == n && !memcmp(have, want, n * 3 * sizeof *want);
    free(have);
    return same;
}

static int writer_child(const char *dir, int i, const char *prefix, uint32_t n, uint32_t checkpoint_every, const char *snap)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        nd_error err;
        nd_index *w = open_writer(dir, &err);
        if (!w) _exit(1);
        w->checkpoint_every = checkpoint_every;
        add_holders(w, i, prefix, n);
        if (nd_index_commit(w, &err)) _exit(2);
        if (snap) {
            uint32_t *v;
            size_t m = hot_snapshot(w, &v);
            FILE *f = fopen(snap, "wb");
            if (!f || fwrite(v, 3 * sizeof *v, m, f) != m || fclose(f)) _exit(3);
            free(v);
        }
        nd_index_close(w);
        _exit(check_failed_ ? 4 : 0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The triples a writer_child left in path, in a new array *out; their number. */
static size_t read_snapshot(const char *path, uint32_t **out)
{
    size_t n = 0;
    char *bytes = check_slurp(path, &n);
    *out = (uint32_t *)bytes;
    return n / (3 * sizeof **out);
}

/* The hot keys (count and newest holder of each) follow adds and commits,
 * forget a dropped group, and are the same after reopening and in a reader
 * catching up: from the hot table's checkpoint and the log since, or, while
 * the checkpoint stays, from the log of the new documents. */
static void hot_keys_follow_commits(void)
{
    char *dir;
    nd_error err;
    nd_index *ix = new_writer(&dir);
    if (!ix) return;
    uint32_t *a, *b, *c;
    ix->checkpoint_every = 30;
    add_holders(ix, 0, "a", ND_ALL_PAIRS_POSTING + 1);  /* 000's keys turn hot with the last */
    CHECK_INT(nd_index_commit(ix, &err), ND_OK);         /* a checkpoint */
    CHECK_INT(ix->st.checkpoint, ND_ALL_PAIRS_POSTING + 1);
    size_t na = hot_snapshot(ix, &a);
    CHECK(na > 50);
    ix->checkpoint_every = 1000;
    add_holders(ix, 3, "b", ND_ALL_PAIRS_POSTING + 2);  /* 003's too, and 000's counts move on */
    CHECK_INT(nd_index_commit(ix, &err), ND_OK);         /* logged only */
    size_t nb = hot_snapshot(ix, &b);
    CHECK(nb > na + 50);
    add_holders(ix, 0, "dropped", 10);
    CHECK(!same_hot(ix, b, nb));
    ix_abort(ix);
    CHECK(same_hot(ix, b, nb));
    nd_index_close(ix);
    ix = open_writer(dir, &err);
    CHECK(ix != NULL);
    if (!ix) return;
    CHECK(same_hot(ix, b, nb));
    nd_index_close(ix);
    nd_index *r = open_reader(dir, &err);
    CHECK(r != NULL);
    if (!r) return;
    CHECK(same_hot(r, b, nb));
    char snap[600];
    snprintf(snap, sizeof snap, "%s/hot.snap", dir);
    CHECK_INT(writer_child(dir, 0, "c", 5, 1000, snap), 0);  /* logged only */
    size_t nc = read_snapshot(snap, &c);
    CHECK(nc > 0);
    CHECK(same_hot(r, c, nc));
    CHECK(!same_hot(r, b, nb));
    free(c);
    CHECK_INT(writer_child(dir, 3, "d", 5, 10, snap), 0);    /* a checkpoint */
    nc = read_snapshot(snap, &c);
    CHECK(same_hot(r, c, nc));
    unlink(snap);
    nd_index_close(r);
    free(a);
    free(b);
    free(c);
    remove_dir(dir);
}

/* Appends the keys table's documents [from, to) as (key << 32 | document)
 * to out, returning the new length. */
static size_t tail_postings(nd_index *ix, uint32_t from, uint32_t to, uint64_t *out, size_t n)
{
    for (uint32_t dn = from; dn < to; dn++) {
        MDB_val k = { sizeof dn, &dn }, d = { 0, NULL };
        uint32_t nq;
        size_t nkeys = 0;
        CHECK_INT(mdb_get(ix->txn, ix->dockeys, &k, &d), 0);
        uint32_t *keys = malloc((d.mv_size + 1) * sizeof *keys);
        CHECK_INT(ix_row_decode(d.mv_data, d.mv_size, &nq, keys, &nkeys), 0);
        for (size_t i = 0; i < nkeys; i++) out[n++] = (uint64_t)keys[i] << 32 | dn;
        free(keys);
    }
    return n;
}

static int by_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Checks that pk's lookup gives exactly want[0..n), in that order. */
static void lookup_gives(nd_index *ix, uint32_t pk, const uint32_t *want, size_t n)
{
    ix_key k;
    ix->hits.n = 0;
    CHECK_INT(ix_postings(ix, pk, &k), 0);
    CHECK_INT(k.count, n);
    CHECK_INT(ix->hits.n, n);
    CHECK(ix->hits.n == n && (n == 0 || !memcmp(ix->hits.v, want, n * sizeof *want)));
}

/* Checks every key of all[0..n) (key << 32 | document, sorted) against its
 * lookup, but hot ones (no list is kept of them); how many keys have
 * holders both before and after document `split`, and how many share their
 * bucket with another key, in *both and *shared_bucket. */
static void lookups_match(nd_index *ix, const uint64_t *all, size_t n, uint32_t split, size_t *both,
                          size_t *shared_bucket)
{
    uint32_t *want = malloc((n ? n : 1) * sizeof *want);
    *both = *shared_bucket = 0;
    for (size_t i = 0, j; i < n; i = j) {
        uint32_t pk = (uint32_t)(all[i] >> 32);
        for (j = i; j < n && all[j] >> 32 == pk; j++) want[j - i] = (uint32_t)all[j];
        ix_key k;
        ix->hits.n = 0;
        if (ix_postings(ix, pk, &k) == 0 && k.hot) continue;
        lookup_gives(ix, pk, want, j - i);
        *both += (uint32_t)all[i] < split && (uint32_t)all[j - 1] >= split;
        *shared_bucket += (i > 0 && all[i - 1] >> 40 == pk >> 8) || (j < n && all[j] >> 40 == pk >> 8);
    }
    free(want);
}

/* A key's lookup gives exactly its holders, in document order: the merged
 * ones, then the tail's, whatever other keys share its bucket; and the
 * same once the lists are built from the keys table on reopening, and when
 * a reader catches up with a writer (its tail, or lists built anew when it
 * is far behind). */
static void lookups_give_the_holders(void)
{
    char *dir;
    nd_error err;
    nd_index *ix = new_writer(&dir);
    if (!ix) return;
    ix->merge_every = 40;
    size_t cap = 200000, n, both, shared_bucket;
    uint64_t *all = malloc(cap * sizeof *all);
    add_holders(ix, 0, "m", 40);
    n = tail_postings(ix, 0, 40, all, 0);
    CHECK_INT(nd_index_commit(ix, &err), ND_OK);  /* merges them */
    CHECK_INT(ix->merged, 40);
    add_holders(ix, 1, "t", 20);                   /* 001 rewrites 000: keys in both parts */
    n = tail_postings(ix, 40, 60, all, n);
    CHECK(n < cap);
    qsort(all, n, sizeof *all, by_u64);
    lookups_match(ix, all, n, 40, &both, &shared_bucket);
    CHECK(both > 50);
    CHECK(shared_bucket > 50);
    CHECK_INT(nd_index_commit(ix, &err), ND_OK);
    nd_index_close(ix);
    ix = open_reader(dir, &err);
    CHECK(ix != NULL);
    if (!ix) return;
    CHECK_INT(ix_begin(ix, &err), ND_OK);
    CHECK_INT(ix->merged, 60);
    lookups_match(ix, all, n, 40, &both, &shared_bucket);
    CHECK(both > 50);
    ix_end_read(ix);
    ix->merge_every = 5;
    const uint32_t added[2] = { 10, 80 }, merged[2] = { 70, 150 };
    uint32_t stored = 60;
    for (int r = 0; r < 2; r++) {
        char prefix[16];
        snprintf(prefix, sizeof prefix, "r%d-", r);
        /* 002 rewrites 000: some keys turn hot */
        CHECK_INT(writer_child(dir, 2, prefix, added[r], 32768, NULL), 0);
        CHECK_INT(ix_begin(ix, &err), ND_OK);
        CHECK_INT(ix->merged, merged[r]);
        n = tail_postings(ix, stored, stored + added[r], all, n);
        stored += added[r];
        qsort(all, n, sizeof *all, by_u64);
        lookups_match(ix, all, n, 40, &both, &shared_bucket);
        CHECK(both > 50);
        ix_end_read(ix);
    }
    nd_index_close(ix);
    free(all);
    remove_dir(dir);
}

/* The postings in the lists of hot keys; all the lists' in *n. */
static size_t hot_postings(nd_index *ix, size_t *n)
{
    nd_error err;
    size_t hot = 0;
    CHECK_INT(ix_begin(ix, &err), ND_OK);
    for (uint32_t b = 0; ix->lists.n && b < IX_BUCKETS; b++)
        for (uint64_t i = ix->lists.off[b]; i < ix->lists.off[b + 1]; i++) {
            ix_key k;
            ix->hits.n = 0;
            hot += ix_postings(ix, b << 8 | ix->lists.tag[i], &k) == 0 && k.hot;
        }
    *n = (size_t)ix->lists.n;
    return hot;
}

/* A merge takes the postings of keys that turned hot since the last one out
 * of the lists, and leaves those in the tail out (they are never read
 * again); a writer reopening leaves them out from the start. */
static void merges_drop_hot_keys(void)
{
    char *dir;
    nd_error err;
    nd_index *ix = new_writer(&dir);
    if (!ix) return;
    size_t n, held;
    ix->merge_every = 40;
    add_holders(ix, 0, "a", 40);
    CHECK_INT(nd_index_commit(ix, &err), ND_OK);  /* merged: 000's keys held by 40 */
    CHECK_INT(hot_postings(ix, &n), 0);
    held = n;
    CHECK(held > 40 * 50);
    add_holders(ix, 0, "b", 30);                   /* hot from the 25th on */
    add_holders(ix, 3, "c", 10);
    CHECK(hot_postings(ix, &n) > 50);              /* before the merge, 40 each in the lists */
    CHECK_INT(n, held);
    CHECK_INT(nd_index_commit(ix, &err), ND_OK);  /* merges b and c */
    CHECK_INT(hot_postings(ix, &n), 0);
    ix->merge_every = 100;
    add_holders(ix, 3, "d", 60);                   /* 003's turn hot with the 55th */
    CHECK_INT(nd_index_commit(ix, &err), ND_OK);  /* not merged */
    CHECK(hot_postings(ix, &n) > 50);              /* c's, merged before they turned */
    nd_index_close(ix);
    ix = open_writer(dir, &err);
    CHECK(ix != NULL);
    if (!ix) return;
    CHECK_INT(hot_postings(ix, &n), 0);
    nd_index_answer a;
    CHECK_INT(add_seed(ix, 4, &a), ND_OK);
    CHECK_INT(a.verdict, ND_VERDICT_NEW);
    nd_index_close(ix);
    remove_dir(dir);
}

/* Whether ix's document-frequency counts equal want's, and its documents'
 * candidate key counts keys[0..want->ndocs). */
static int same_counts(const nd_index *ix, const nd_docfreq *want, const uint32_t *keys)
{
    size_t n = ((size_t)want->mask + 1) * sizeof *want->words;
    return ix->df.ndocs == want->ndocs && !memcmp(ix->df.words, want->words, n) &&
           !memcmp(ix->df.bigrams, want->bigrams, n) && ix->key_counts.n == want->ndocs &&
           !memcmp(ix->key_counts.v, keys, want->ndocs * sizeof *keys);
}

/* The counters table is a checkpoint: the documents after it are counted
 * from their records, so the counts are the same after reopening, in a
 * reader, and after a dropped group as they were when committed; so are
 * the documents' key counts (kept with their keys). */
static void counts_survive_checkpoints(void)
{
    char *dir;
    nd_error err;
    nd_index *ix = new_writer(&dir);
    if (!ix) return;
    ix->checkpoint_every = 50;
    for (int g = 0; g < 7; g++) {
        char prefix[16];
        snprintf(prefix, sizeof prefix, "g%d-", g);
        add_holders(ix, g % 5, prefix, 10);
        CHECK_INT(nd_index_commit(ix, &err), ND_OK);
    }
    CHECK_INT(ix->st.checkpoint, 50);
    nd_docfreq want;
    CHECK_INT(nd_docfreq_init(&want, IX_DF_BITS), 0);
    size_t bytes = ((size_t)want.mask + 1) * sizeof *want.words;
    memcpy(want.words, ix->df.words, bytes);
    memcpy(want.bigrams, ix->df.bigrams, bytes);
    want.ndocs = ix->df.ndocs;
    CHECK_INT(want.ndocs, 70);
    uint32_t keys[70];
    CHECK_INT(ix->key_counts.n, 70);
    memcpy(keys, ix->key_counts.v, sizeof keys);
    CHECK(keys[0] > 50 && keys[69] > 50);
    add_holders(ix, 2, "dropped-", 5);
    CHECK(!same_counts(ix, &want, keys));
    ix_abort(ix);
    CHECK(same_counts(ix, &want, keys));
    nd_index_close(ix);
    ix = open_writer(dir, &err);
    CHECK(ix != NULL);
    if (ix) {
        CHECK(same_counts(ix, &want, keys));
        nd_index_close(ix);
    }
    ix = open_reader(dir, &err);
    CHECK(ix != NULL);
    if (ix) {
        CHECK_INT(ix_begin(ix, &err), ND_OK);
        CHECK(same_counts(ix, &want, keys));
        ix_end_read(ix);
        nd_index_close(ix);
    }
    nd_docfreq_free(&want);
    remove_dir(dir);
}

/* Documents not committed are gone after close; committed ones survive. */
static void commit_is_the_boundary(void)
{
    load_seeds();
    char *dir = new_dir();
    nd_error err;
    nd_index *ix = open_writer(dir, &err);
    nd_index_answer a;
    CHECK_INT(add_seed(ix, 0, &a), ND_OK);
    CHECK_INT(nd_index_commit(ix, &err), ND_OK);
    CHECK_INT(add_seed(ix, 1, &a), ND_OK);
    nd_index_close(ix);
    ix = open_writer(dir, &err);
    CHECK(ix != NULL);
    if (!ix) return;
    nd_index_stats st;
    CHECK_INT(nd_index_stats_get(ix, &st, &err), ND_OK);
    CHECK_INT(st.documents, 1);
    CHECK_INT(add_seed(ix, 1, &a), ND_OK);
    CHECK_INT(a.verdict, ND_VERDICT_REWRITE);  /* not "seen": it was never committed */
    CHECK_INT(add_seed(ix, 0, &a), ND_OK);
    CHECK_INT(a.verdict, ND_VERDICT_SEEN);
    CHECK_INT(nd_index_commit(ix, &err), ND_OK);
    nd_index_close(ix);
    remove_dir(dir);
}

/* Merging the tail into the posting lists changes no verdict, and a
 * reopened index (its lists loaded from the keys table) answers the same. */
static void merges_keep_verdicts(void)
{
    char *dir;
    nd_error err;
    nd_index *ix = new_writer(&dir);
    if (!ix) return;
    ix->merge_every = 2;
    nd_index_answer a;
    CHECK_INT(add_seed(ix, 0, &a), ND_OK);
    CHECK_INT(add_seed(ix, 3, &a), ND_OK);
    CHECK_INT(nd_index_commit(ix, &err), ND_OK);  /* merges 000 and 003 */
    CHECK_INT(ix->merged, 2);
    CHECK_INT(add_seed(ix, 1, &a), ND_OK);        /* candidates from the merged lists */
    CHECK_INT(a.verdict, ND_VERDICT_REWRITE);
    CHECK_STR(a.of, "000_2524be277e2264a3.txt");
    CHECK_INT(nd_index_commit(ix, &err), ND_OK);  /* one in the tail: no merge */
    nd_index_close(ix);
    ix = open_writer(dir, &err);
    CHECK(ix != NULL);
    if (!ix) return;
    nd_index_stats st;
    CHECK_INT(nd_index_stats_get(ix, &st, &err), ND_OK);
    CHECK_INT(st.documents, 3);
    CHECK_INT(add_seed(ix, 2, &a), ND_OK);
    CHECK_INT(a.verdict, ND_VERDICT_REWRITE);
    CHECK_STR(a.of, "000_2524be277e2264a3.txt");
    CHECK_INT(add_seed(ix, 4, &a), ND_OK);
    CHECK_INT(a.verdict, ND_VERDICT_NEW);
    nd_index_close(ix);
    remove_dir(dir);
}

/* A damaged key row (a key outside the projected range, a number cut
 * short) is reported when the lists are built or extended, not read out
 * of bounds. */
static void damaged_key_rows_refused(void)
{
    const uint32_t outside = IX_BUCKETS << 8;
    const uint8_t cut[2] = { 40, 0x80 };  /* a varint that never ends */
    nd_bytes row = { 0 };
    CHECK_INT(ix_row_encode(40, &outside, 1, &row), 0);
    for (int r = 0; r < 2; r++) {
        char *dir;
        nd_error err;
        nd_index_answer a;
        nd_index *ix = new_writer(&dir);
        if (!ix) return;
        CHECK_INT(add_seed(ix, 0, &a), ND_OK);
        CHECK_INT(nd_index_commit(ix, &err), ND_OK);
        uint32_t docno = 0;
        MDB_val k = { sizeof docno, &docno }, d = { r ? sizeof cut : row.n, r ? (void *)cut : row.v };
        CHECK_INT(ix_begin(ix, &err), ND_OK);
        CHECK_INT(mdb_put(ix->txn, ix->dockeys, &k, &d, 0), 0);
        CHECK_INT(mdb_txn_commit(ix->txn), 0);
        ix->txn = NULL;
        nd_index_close(ix);
        ix = open_writer(dir, &err);
        CHECK(ix == NULL);
        CHECK(ix == NULL && strstr(err.message, "cannot read its state: the index is damaged") != NULL);
        nd_index_close(ix);
        ix = open_reader(dir, &err);
        CHECK(ix != NULL);
        if (ix) {
            CHECK_INT(nd_index_query(ix, "q", seed[1], seed_len[1], &a, &err), ND_EIO);
            CHECK(strstr(err.message, "cannot read its state") != NULL);
            nd_index_close(ix);
        }
        remove_dir(dir);
    }
    nd_vec_free(&row);
}

/* An index of another format version is refused with both versions named. */
static void other_format_refused(void)
{
    char *dir = new_dir();
    nd_error err;
    nd_index *ix = open_writer(dir, &err);
    CHECK(ix != NULL);
    nd_index_close(ix);
    MDB_env *env;
    MDB_txn *t;
    MDB_dbi meta;
    uint32_t v = 99;
    MDB_val k = { 6, "format" }, d = { sizeof v, &v };
    CHECK_INT(mdb_env_create(&env), 0);
    mdb_env_set_maxdbs(env, 8);
    CHECK_INT(mdb_env_open(env, dir, 0, 0644), 0);
    CHECK_INT(mdb_txn_begin(env, NULL, 0, &t), 0);
    CHECK_INT(mdb_dbi_open(t, "meta", 0, &meta), 0);
    CHECK_INT(mdb_put(t, meta, &k, &d, 0), 0);
    CHECK_INT(mdb_txn_commit(t), 0);
    mdb_env_close(env);
    ix = open_writer(dir, &err);
    CHECK(ix == NULL);
    CHECK_INT(err.code, ND_EFORMAT);
    CHECK(strstr(err.message, "format version 99") != NULL);
    char want[64];
    snprintf(want, sizeof want, "reads format version %d only", ND_INDEX_FORMAT);
    CHECK(strstr(err.message, want) != NULL);
    nd_index_close(ix);
    ix = open_reader(dir, &err);
    CHECK(ix == NULL);
    CHECK_INT(err.code, ND_EFORMAT);
    nd_index_close(ix);
    remove_dir(dir);
    /* some other LMDB database is not taken for an index, nor changed */
    dir = new_dir();
    mkdir(dir, 0777);
    CHECK_INT(mdb_env_create(&env), 0);
    CHECK_INT(mdb_env_open(env, dir, 0, 0644), 0);
    CHECK_INT(mdb_txn_begin(env, NULL, 0, &t), 0);
    MDB_dbi main_db;
    CHECK_INT(mdb_dbi_open(t, NULL, 0, &main_db), 0);
    k = (MDB_val){ 5, "hello" };
    CHECK_INT(mdb_put(t, main_db, &k, &k, 0), 0);
    CHECK_INT(mdb_txn_commit(t), 0);
    mdb_env_close(env);
    ix = open_writer(dir, &err);
    CHECK(ix == NULL);
    CHECK_INT(err.code, ND_EFORMAT);
    CHECK(strstr(err.message, "is not a newsdup index") != NULL);
    nd_index_close(ix);
    remove_dir(dir);
    ix = open_reader("/nonexistent/newsdup-index", &err);
    CHECK(ix == NULL);
    CHECK_INT(err.code, ND_EIO);
    CHECK(strstr(err.message, "no index at /nonexistent/newsdup-index") != NULL);
}

/* A second writer is refused, naming the first one's pid; after the first
 * closes, a writer may open. */
static void second_writer_refused(void)
{
    char *dir = new_dir();
    nd_error err;
    nd_index *a = open_writer(dir, &err);
    CHECK(a != NULL);
    nd_index *b = open_writer(dir, &err);
    CHECK(b == NULL);
    CHECK_INT(err.code, ND_EIO);
    char want[64];
    snprintf(want, sizeof want, "being written by another process (pid %ld)", (long)getpid());
    CHECK(strstr(err.message, want) != NULL);
    nd_index_close(a);
    b = open_writer(dir, &err);
    CHECK(b != NULL);
    nd_index_close(b);
    remove_dir(dir);
}

/* In a child process (LMDB wants one environment per process): the
 * documents a reader sees and its verdict on 001.  Exit code: documents * 10 + verdict. */
static int reader_child(const char *dir)
{
    pid_t pid = fork();
    if (pid == 0) {
        nd_error err;
        nd_index *r = open_reader(dir, &err);
        nd_index_stats st;
        nd_index_answer a;
        if (!r || nd_index_stats_get(r, &st, &err) || nd_index_query(r, "001", seed[1], seed_len[1], &a, &err)) _exit(99);
        int code = (int)st.documents * 10 + (int)a.verdict;
        nd_index_close(r);
        _exit(code);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Readers run beside the writer and see what it committed, not what it holds. */
static void readers_beside_writer(void)
{
    load_seeds();
    char *dir = new_dir();
    nd_error err;
    nd_index *w = open_writer(dir, &err);
    CHECK(w != NULL);
    if (!w) return;
    nd_index_answer a;
    CHECK_INT(add_seed(w, 3, &a), ND_OK);
    CHECK_INT(nd_index_commit(w, &err), ND_OK);
    CHECK_INT(add_seed(w, 0, &a), ND_OK);        /* pending: readers must not see it */
    fflush(stdout);
    CHECK_INT(reader_child(dir), 1 * 10 + ND_VERDICT_NEW);
    CHECK_INT(nd_index_commit(w, &err), ND_OK);
    CHECK_INT(reader_child(dir), 2 * 10 + ND_VERDICT_REWRITE);
    nd_index_close(w);
    remove_dir(dir);
}

/* The compact form survives encoding exactly, and keeps what verify reads. */
static void compact_round_trip(void)
{
    load_seeds();
    nd_tokeniser *tk = nd_tokeniser_new();
    nd_tokens t = { 0 };
    nd_features f = { 0 }, c = { 0 }, back = { 0 };
    nd_bytes b = { 0 };
    CHECK_INT(nd_tokenise(tk, seed[0], seed_len[0], 5000, &t), 0);
    CHECK_INT(nd_features_build(&t, &f), 0);
    CHECK_INT(nd_compact_project(&f, &c), 0);
    CHECK_INT(c.nsent, f.nsent);
    CHECK(c.nshingles > f.nshingles / 16 && c.nshingles < f.nshingles / 4);
    CHECK(c.nbigrams > f.nbigrams / 8 && c.nbigrams < f.nbigrams / 2);  /* 1 in 4 kept */
    nd_record r = { .verdict = 2, .of = 7, .similarity = 0.5f, .id = "wire-1", .idlen = 6,
                    .source = "Wire", .sourcelen = 4 };
    CHECK_INT(nd_record_encode(&r, &c, &b), 0);
    /* well under 2 bytes a hash */
    CHECK(b.n < 2 * (size_t)(c.sent_off[c.nsent] + c.nbigrams + c.nshingles));
    nd_record d;
    CHECK_INT(nd_record_decode(b.v, b.n, &d), 0);
    CHECK_INT(d.verdict, 2);
    CHECK_INT(d.of, 7);
    CHECK(d.idlen == 6 && !memcmp(d.id, "wire-1", 6));
    CHECK(d.sourcelen == 4 && !memcmp(d.source, "Wire", 4));
    CHECK(d.published == NULL && d.text == NULL);
    CHECK_INT(nd_compact_decode(d.compact, d.ncompact, &back), 0);
    CHECK_INT(back.nsent, c.nsent);
    CHECK_INT(back.nbigrams, c.nbigrams);
    CHECK_INT(back.nshingles, c.nshingles);
    CHECK_INT(back.nvocab, c.nvocab);
    CHECK(!memcmp(back.sent_off, c.sent_off, ((size_t)c.nsent + 1) * 4));
    CHECK(!memcmp(back.words, c.words, (size_t)c.sent_off[c.nsent] * 4));
    CHECK(!memcmp(back.bigrams, c.bigrams, (size_t)c.nbigrams * 4));
    CHECK(!memcmp(back.shingles, c.shingles, (size_t)c.nshingles * 4));
    /* damaged bytes are refused, not read past */
    d.ncompact /= 2;
    CHECK_INT(nd_compact_decode(d.compact, d.ncompact, &back), -2);
    CHECK_INT(nd_record_decode(b.v, 5, &d), -1);
    nd_vec_free(&b);
    nd_features_free(&f);
    nd_features_free(&c);
    nd_features_free(&back);
    nd_tokens_free(&t);
    nd_tokeniser_free(tk);
}

/* One JSON Lines line in, the same object with its verdict out. */
static void filter_lines(void)
{
    char *dir;
    nd_error err;
    nd_index *ix = new_writer(&dir);
    if (!ix) return;
    unsigned flags;
    const char *l1 = "{\"b\":1,\"id\":\"x\",\"text\":\"The council approved the new budget for the town library on Monday evening.\",\"a\":[1,2],\"newsdup\":5}";
    char *out = nd_index_filter_line(ix, l1, strlen(l1), 1, &flags, &err);
    CHECK_STR(out, "{\"b\":1,\"id\":\"x\",\"text\":\"The council approved the new budget for the town library on Monday evening.\",\"a\":[1,2],\"newsdup\":{\"verdict\":\"new\"}}");
    CHECK_INT(flags, ND_FILTER_ADDED);
    free(out);
    out = nd_index_filter_line(ix, l1, strlen(l1), 2, &flags, &err);
    CHECK(out && strstr(out, "\"newsdup\":{\"verdict\":\"seen\",\"was\":\"new\"}}"));
    CHECK_INT(flags, 0);
    free(out);
    out = nd_index_filter_line(ix, "{\"id\": 3, \"text\": ", 18, 3, &flags, &err);
    CHECK(out && !strncmp(out, "{\"newsdup\":{\"verdict\":\"error\",\"error\":\"line 3: broken JSON at column", 68));
    free(out);
    out = nd_index_filter_line(ix, "{\"text\": \"no id\"}", 17, 4, &flags, &err);
    CHECK_STR(out, "{\"text\":\"no id\",\"newsdup\":{\"verdict\":\"error\",\"error\":\"line 4: missing \\\"id\\\" field\"}}");
    free(out);
    out = nd_index_filter_line(ix, "{\"id\": \"t\"}", 11, 5, &flags, &err);
    CHECK_STR(out, "{\"id\":\"t\",\"newsdup\":{\"verdict\":\"error\",\"error\":\"line 5: missing \\\"text\\\" field\"}}");
    free(out);
    out = nd_index_filter_line(ix, " \r", 2, 6, &flags, &err);
    CHECK_STR(out, "{\"newsdup\":{\"verdict\":\"error\",\"error\":\"line 6 is empty\"}}");
    free(out);
    const char *l7 = "{\"id\":\"u\",\"text\":\"caf\xe9\"}";
    out = nd_index_filter_line(ix, l7, strlen(l7), 7, &flags, &err);
    CHECK(out && strstr(out, "\"error\":\"line 7: invalid UTF-8 in JSON at byte"));
    free(out);
    out = nd_index_filter_line(ix, NULL, 99999, 8, &flags, &err);
    CHECK(out && strstr(out, "\"error\":\"line 8 is longer than max_line_bytes"));
    free(out);
    out = nd_index_filter_line(ix, "[1]", 3, 9, &flags, &err);
    CHECK_STR(out, "{\"newsdup\":{\"verdict\":\"error\",\"error\":\"line 9: line is not a JSON object but an array\"}}");
    free(out);
    /* 001 after 000: a duplicate, with its similarity written with four decimals */
    for (int i = 0; i < 2; i++) {
        char *line = malloc(seed_len[i] * 6 + 64);
        size_t n = (size_t)sprintf(line, "{\"id\":\"s%d\",\"text\":\"", i);
        for (size_t j = 0; j < seed_len[i]; j++) {
            unsigned char ch = (unsigned char)seed[i][j];
            if (ch == '"' || ch == '\\') n += (size_t)sprintf(line + n, "\\%c", ch);
            else if (ch < 0x20) n += (size_t)sprintf(line + n, "\\u%04x", ch);
            else line[n++] = (char)ch;
        }
        n += (size_t)sprintf(line + n, "\"}");
        out = nd_index_filter_line(ix, line, n, 10 + (uint64_t)i, &flags, &err);
        if (i == 1) {
            CHECK(out && strstr(out, "\"newsdup\":{\"verdict\":\"rewrite\",\"of\":\"s0\",\"similarity\":0."));
            CHECK_INT(flags, ND_FILTER_ADDED | ND_FILTER_DUPLICATE);
        }
        free(out);
        free(line);
    }
    CHECK_INT(nd_index_commit(ix, &err), ND_OK);
    nd_index_close(ix);
    remove_dir(dir);
    free_seeds();
}

CHECK_MAIN("index", TEST(seeds_in_order), TEST(copies_and_rejects), TEST(rewrite_through_hot_keys), TEST(hot_keys_follow_commits),
           TEST(lookups_give_the_holders), TEST(merges_drop_hot_keys), TEST(counts_survive_checkpoints), TEST(commit_is_the_boundary),
           TEST(merges_keep_verdicts), TEST(damaged_key_rows_refused), TEST(other_format_refused), TEST(second_writer_refused), TEST(readers_beside_writer),
           TEST(compact_round_trip), TEST(filter_lines))

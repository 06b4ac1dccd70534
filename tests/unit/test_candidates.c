/* Candidate keys and the candidate index. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "candidates/index.h"
#include "candidates/keys.h"

/* ---- keys --------------------------------------------------------------- */

/* Appends the keys of text to *keys; returns how many it added. */
static uint32_t keys_of(nd_tokeniser *tk, const char *text, size_t len, uint32_t **keys, uint32_t *n,
                        uint32_t *cap)
{
    nd_tokens t = { 0 };
    nd_features f = { 0 };
    uint32_t before = *n;
    CHECK_INT(nd_tokenise(tk, text, len, 5000, &t), 0);
    CHECK_INT(nd_features_build(&t, &f), 0);
    CHECK_INT(nd_keys_build(&f, keys, n, cap), 0);
    nd_features_free(&f);
    nd_tokens_free(&t);
    return *n - before;
}

static int strictly_increasing(const uint32_t *v, uint32_t n)
{
    for (uint32_t i = 1; i < n; i++)
        if (v[i - 1] >= v[i]) return 0;
    return 1;
}

static void keys_are_sorted_unique_and_appended(void)
{
    size_t la, lb;
    char *a = check_slurp("corpus/000_2524be277e2264a3.txt", &la);
    char *b = check_slurp("corpus/003_8f74b81e1eb9c8a3.txt", &lb);
    CHECK(a && b);
    if (!a || !b) goto out;
    nd_tokeniser *tk = nd_tokeniser_new();
    uint32_t *keys = NULL, n = 0, cap = 0;
    uint32_t na = keys_of(tk, a, la, &keys, &n, &cap);
    uint32_t *first = malloc(na * sizeof *first + 1);
    memcpy(first, keys, na * sizeof *first);
    uint32_t nb = keys_of(tk, b, lb, &keys, &n, &cap);
    /* a 5 KB article yields a sample of its features, not all of them */
    CHECK(na >= 40 && na <= 400);
    CHECK(nb >= 20);
    CHECK_INT(n, na + nb);
    CHECK(strictly_increasing(keys, na));
    CHECK(strictly_increasing(keys + na, nb));
    CHECK(memcmp(first, keys, na * sizeof *first) == 0);  /* appending left the first document alone */
    /* both kinds of key are sampled: shingle keys have the top bit clear, word-pair keys set */
    uint32_t high = 0;
    for (uint32_t i = 0; i < na; i++) high += keys[i] >> 31;
    CHECK(high > 0 && high < na);
    free(first);
    free(keys);
    nd_tokeniser_free(tk);
out:
    free(a);
    free(b);
}

static void identical_articles_share_every_key(void)
{
    size_t len;
    char *text = check_slurp("corpus/002_d3c08a9c2b37002a.txt", &len);
    CHECK(text != NULL);
    if (!text) return;
    /* the same article under different page furniture */
    char *dressed = malloc(len + 200);
    int k = snprintf(dressed, 200, "Skip to content\nSign up for our newsletter\n\n");
    memcpy(dressed + k, text, len);
    memcpy(dressed + k + len, "\n\xc2\xa9 2025 Example Media\n", 23);
    nd_tokeniser *tk = nd_tokeniser_new();
    uint32_t *keys = NULL, n = 0, cap = 0;
    uint32_t na = keys_of(tk, text, len, &keys, &n, &cap);
    uint32_t nb = keys_of(tk, dressed, (size_t)k + len + 23, &keys, &n, &cap);
    CHECK(na > 0);
    CHECK_INT(nb, na);
    CHECK(nb == na && memcmp(keys, keys + na, na * sizeof *keys) == 0);
    free(keys);
    free(dressed);
    free(text);
    nd_tokeniser_free(tk);
}

static void a_text_without_content_has_no_keys(void)
{
    nd_tokeniser *tk = nd_tokeniser_new();
    uint32_t *keys = NULL, n = 0, cap = 0;
    const char *t = "Skip to content\nHe agreed.\nShare this article\n";
    CHECK_INT(keys_of(tk, t, strlen(t), &keys, &n, &cap), 0);
    free(keys);
    nd_tokeniser_free(tk);
}

/* ---- index -------------------------------------------------------------- */

static void two_of_three_documents_make_one_candidate(void)
{
    const uint32_t keys[] = { 11, 22, 33, 44, 55,      /* doc 0 */
                              90, 91, 92,              /* doc 1: nothing in common */
                              22, 33, 44, 55, 70 };    /* doc 2: four keys of doc 0 */
    const uint64_t off[] = { 0, 5, 8, 13 };
    nd_candidates c;
    CHECK_INT(nd_candidates_find(keys, off, 3, 3, 0.0f, 256, ND_PAIR_BYTES, 0, 1, &c), 0);
    CHECK_INT(c.n, 1);
    if (c.n == 1) {
        CHECK_INT(c.v[0].a, 0);
        CHECK_INT(c.v[0].b, 2);
        CHECK_INT(c.v[0].shared, 4);
    }
    nd_candidates_free(&c);
    CHECK(c.v == NULL && c.n == 0);
}

static void min_shared_is_a_lower_bound(void)
{
    const uint32_t keys[] = { 1, 2, 3, 4, 2, 3, 4, 9, 3, 4, 8 };
    const uint64_t off[] = { 0, 4, 8, 11 };
    nd_candidates c;
    /* pairs: (0,1) share 3, (0,2) share 2, (1,2) share 2 */
    CHECK_INT(nd_candidates_find(keys, off, 3, 3, 0.0f, 256, ND_PAIR_BYTES, 0, 1, &c), 0);
    CHECK_INT(c.n, 1);
    if (c.n == 1) CHECK_INT(c.v[0].shared, 3);
    nd_candidates_free(&c);
    CHECK_INT(nd_candidates_find(keys, off, 3, 2, 0.0f, 256, ND_PAIR_BYTES, 0, 1, &c), 0);
    CHECK_INT(c.n, 3);
    if (c.n == 3) {
        CHECK(c.v[0].a == 0 && c.v[0].b == 1 && c.v[0].shared == 3);
        CHECK(c.v[1].a == 0 && c.v[1].b == 2 && c.v[1].shared == 2);
        CHECK(c.v[2].a == 1 && c.v[2].b == 2 && c.v[2].shared == 2);
    }
    nd_candidates_free(&c);
    CHECK_INT(nd_candidates_find(keys, off, 3, 4, 0.0f, 256, ND_PAIR_BYTES, 0, 1, &c), 0);
    CHECK_INT(c.n, 0);
    nd_candidates_free(&c);
}

static void keys_in_too_many_documents_are_ignored(void)
{
    /* key 5 is in all three documents; 6 and 7 only in docs 0 and 1 */
    const uint32_t keys[] = { 5, 6, 7, 5, 6, 7, 5, 8 };
    const uint64_t off[] = { 0, 3, 6, 8 };
    nd_candidates c;
    CHECK_INT(nd_candidates_find(keys, off, 3, 1, 0.0f, 2, ND_PAIR_BYTES, 0, 1, &c), 0);
    CHECK_INT(c.n, 1);
    if (c.n == 1) CHECK(c.v[0].a == 0 && c.v[0].b == 1 && c.v[0].shared == 2);
    nd_candidates_free(&c);
    /* a posting list of exactly max_posting documents is kept */
    CHECK_INT(nd_candidates_find(keys, off, 3, 1, 0.0f, 3, ND_PAIR_BYTES, 0, 1, &c), 0);
    CHECK_INT(c.n, 3);
    if (c.n == 3) {
        CHECK_INT(c.v[0].shared, 3);
        CHECK_INT(c.v[1].shared, 1);
        CHECK_INT(c.v[2].shared, 1);
    }
    nd_candidates_free(&c);
}

static void pairs_come_sorted_for_many_documents(void)
{
    /* 300 documents; document d holds keys d/10 (shared by ten neighbours) and
     * high-bit keys so every radix pass has work to do */
    enum { N = 300 };
    uint32_t keys[2 * N];
    uint64_t off[N + 1];
    for (uint32_t d = 0; d < N; d++) {
        off[d] = 2 * d;
        keys[2 * d] = 0x10000u * (d / 10) + 7;
        keys[2 * d + 1] = 0xF0000000u | (d / 10);
    }
    off[N] = 2 * N;
    nd_candidates c;
    CHECK_INT(nd_candidates_find(keys, off, N, 2, 0.0f, 256, ND_PAIR_BYTES, 0, 1, &c), 0);
    CHECK_INT(c.n, 30 * 45);  /* 30 groups of ten: 45 pairs each, sharing both keys */
    int sorted = 1, right = 1;
    for (size_t i = 0; i < c.n; i++) {
        if (c.v[i].a >= c.v[i].b || c.v[i].a / 10 != c.v[i].b / 10 || c.v[i].shared != 2) right = 0;
        if (i && (c.v[i - 1].a > c.v[i].a || (c.v[i - 1].a == c.v[i].a && c.v[i - 1].b >= c.v[i].b))) sorted = 0;
    }
    CHECK(right);
    CHECK(sorted);
    nd_candidates_free(&c);
}

static int holds(const uint32_t *keys, const uint64_t *off, uint32_t o, uint32_t key)
{
    for (uint64_t i = off[o]; i < off[o + 1]; i++)
        if (keys[i] == key) return 1;
    return 0;
}

static void postings_keep_only_lists_that_pair(void)
{
    /* 4,000 documents taken in reverse order of arrival; arrival o holds a
     * key shared by 80 (o % 50), one shared by 40 (o % 100), one of its own
     * and one held by all; keys in every part of the key space, so the build
     * places them in several passes, and on three threads in parts */
    enum { N = 4000, MAX = 100 };
    uint32_t *keys = malloc(4 * N * sizeof *keys), *order = malloc(N * sizeof *order);
    uint64_t *off = malloc((N + 1) * sizeof *off), *off2 = malloc((N + 1) * sizeof *off2);
    for (uint32_t o = 0; o < N; o++) {
        off[o] = 4 * o;
        keys[4 * o] = (o % 50) << 24 | 1;
        keys[4 * o + 1] = 0x80000007u;
        keys[4 * o + 2] = ((o % 100) + 100) << 24 | 2;
        keys[4 * o + 3] = 0xFF000000u | o;
        order[o] = N - 1 - o;
    }
    off[N] = 4 * N;
    nd_postings p, q;
    uint32_t *k1 = malloc(4 * N * sizeof *k1), *k2 = malloc(4 * N * sizeof *k2);
    memcpy(k1, keys, 4 * N * sizeof *k1);
    memcpy(k2, keys, 4 * N * sizeof *k2);
    memcpy(off2, off, (N + 1) * sizeof *off);
    CHECK_INT(nd_postings_build(&k1, off2, order, N, MAX, 1, &p), 0);
    CHECK(k1 == NULL);  /* taken and freed */
    memcpy(off2, off, (N + 1) * sizeof *off);
    CHECK_INT(nd_postings_build(&k2, off2, order, N, MAX, 3, &q), 0);
    CHECK_INT(p.ndocs, N);
    CHECK_INT(p.nlists, 150);  /* the one held by all, and those held by one, have no list */
    CHECK_INT(p.start[p.nlists], 2 * N);
    int right = 1;
    for (size_t l = 0; l < p.nlists; l++) {
        uint64_t len = p.start[l + 1] - p.start[l];
        uint32_t shared_by = (p.key[l] >> 24) < 50 ? N / 50 : N / 100;
        if (len != shared_by || (l && p.key[l - 1] >= p.key[l])) right = 0;
        for (uint64_t i = p.start[l]; i < p.start[l + 1]; i++)
            if (!holds(keys, off, order[p.doc[i]], p.key[l]) || (i > p.start[l] && p.doc[i - 1] >= p.doc[i])) right = 0;
    }
    CHECK(right);
    uint32_t sketch[ND_SKETCH_SLOTS];
    nd_keys_sketch(keys + off[order[7]], 4, sketch);
    CHECK(memcmp(sketch, p.sketch + 7 * ND_SKETCH_SLOTS, sizeof sketch) == 0);
    CHECK_INT(p.nkeys[7], 4);  /* every key counts, listed or not */
    CHECK(p.build_bytes >= 4 * N * sizeof *keys);  /* it held every key at first */
    CHECK(q.nlists == p.nlists && !memcmp(q.doc, p.doc, 2 * N * sizeof *p.doc) &&
          !memcmp(q.key, p.key, p.nlists * sizeof *p.key) &&
          !memcmp(q.sketch, p.sketch, (size_t)N * ND_SKETCH_SLOTS * sizeof *p.sketch) &&
          !memcmp(q.nkeys, p.nkeys, N * sizeof *p.nkeys));
    nd_postings_free(&p);
    nd_postings_free(&q);
    CHECK(p.doc == NULL && p.nlists == 0);
    free(keys);
    free(order);
    free(off);
    free(off2);
}

static void no_documents_no_candidates(void)
{
    const uint64_t off[] = { 0 };
    nd_candidates c;
    CHECK_INT(nd_candidates_find(NULL, off, 0, 1, 0.0f, 256, ND_PAIR_BYTES, 0, 1, &c), 0);
    CHECK_INT(c.n, 0);
    nd_candidates_free(&c);
    const uint32_t keys[] = { 1, 2, 3 };
    const uint64_t one[] = { 0, 3 };
    CHECK_INT(nd_candidates_find(keys, one, 1, 1, 0.0f, 256, ND_PAIR_BYTES, 0, 1, &c), 0);
    CHECK_INT(c.n, 0);
    nd_candidates_free(&c);
}

static void a_fraction_of_the_smaller_key_set_is_required(void)
{
    /* doc 0 has 10 keys, doc 1 has 40, doc 2 has 4; 0 and 1 share 3, 1 and 2 share 2 */
    uint32_t keys[54];
    uint64_t off[] = { 0, 10, 50, 54 };
    for (uint32_t i = 0; i < 10; i++) keys[i] = 100 + i;            /* 100..109 */
    for (uint32_t i = 0; i < 40; i++) keys[10 + i] = 107 + i;       /* 107..146: 107-109 shared with doc 0 */
    const uint32_t doc2[] = { 145, 146, 500, 501 };                /* 145, 146 shared with doc 1 */
    memcpy(keys + 50, doc2, sizeof doc2);
    nd_candidates c;
    CHECK_INT(nd_candidates_find(keys, off, 3, 2, 0.25f, 256, ND_PAIR_BYTES, 0, 1, &c), 0);
    CHECK_INT(c.n, 2);  /* 3 of 10 and 2 of 4 */
    nd_candidates_free(&c);
    CHECK_INT(nd_candidates_find(keys, off, 3, 2, 0.5f, 256, ND_PAIR_BYTES, 0, 1, &c), 0);
    CHECK_INT(c.n, 1);  /* 2 of 4 is exactly one half: at least the fraction */
    if (c.n == 1) CHECK(c.v[0].a == 1 && c.v[0].b == 2);
    nd_candidates_free(&c);
    CHECK_INT(nd_candidates_find(keys, off, 3, 3, 0.25f, 256, ND_PAIR_BYTES, 0, 1, &c), 0);
    CHECK_INT(c.n, 1);  /* both bounds apply */
    if (c.n == 1) CHECK(c.v[0].a == 0 && c.v[0].b == 1);
    nd_candidates_free(&c);
}

static void seed_rewrites_and_only_they_share_a_tenth_of_their_keys(void)
{
    static const char *const files[] = {
        "corpus/000_2524be277e2264a3.txt", "corpus/001_52040788e84add02.txt", "corpus/002_d3c08a9c2b37002a.txt",
        "corpus/003_8f74b81e1eb9c8a3.txt", "corpus/004_1dfc0723e0f91d91.txt",
    };
    nd_tokeniser *tk = nd_tokeniser_new();
    uint32_t *keys = NULL, n = 0, cap = 0;
    uint64_t off[6] = { 0 };
    for (int d = 0; d < 5; d++) {
        size_t len;
        char *text = check_slurp(files[d], &len);
        CHECK(text != NULL);
        if (text) keys_of(tk, text, len, &keys, &n, &cap);
        off[d + 1] = n;
        free(text);
    }
    /* 001 and 002 rewrite 000; 003 and 004 are independent reports of the same news */
    nd_candidates c;
    CHECK_INT(nd_candidates_find(keys, off, 5, 2, 0.1f, 256, ND_PAIR_BYTES, 0, 1, &c), 0);
    CHECK_INT(c.n, 3);
    if (c.n == 3) {
        CHECK(c.v[0].a == 0 && c.v[0].b == 1);
        CHECK(c.v[1].a == 0 && c.v[1].b == 2);
        CHECK(c.v[2].a == 1 && c.v[2].b == 2);
    }
    nd_candidates_free(&c);
    free(keys);
    nd_tokeniser_free(tk);
}


/* ---- sketches and the pairing of long posting lists ----------------------- */

static void sketches_depend_on_the_key_set_only(void)
{
    const uint32_t a[] = { 3, 17, 99, 1000, 77777, 0x80001234u };
    const uint32_t shuffled[] = { 77777, 3, 0x80001234u, 1000, 17, 99 };
    const uint32_t other[] = { 5, 18, 98, 1001, 77778, 0x80001235u };
    uint32_t sa[ND_SKETCH_SLOTS], sb[ND_SKETCH_SLOTS], sc[ND_SKETCH_SLOTS], se[ND_SKETCH_SLOTS];
    nd_keys_sketch(a, 6, sa);
    nd_keys_sketch(shuffled, 6, sb);
    nd_keys_sketch(other, 6, sc);
    nd_keys_sketch(NULL, 0, se);
    CHECK(memcmp(sa, sb, sizeof sa) == 0);  /* the same keys in any order: the same sketch */
    int agree = 0, empty = 1;
    for (int s = 0; s < ND_SKETCH_SLOTS; s++) {
        agree += sa[s] == sc[s];
        empty &= se[s] == UINT32_MAX;
    }
    CHECK_INT(agree, 0);  /* disjoint key sets agree nowhere */
    CHECK(empty);
    /* a slot's value is one of the keys' hashes: a superset agrees wherever its own minimum comes from a */
    const uint32_t more[] = { 3, 17, 99, 1000, 77777, 0x80001234u, 5 };
    uint32_t sm[ND_SKETCH_SLOTS];
    nd_keys_sketch(more, 7, sm);
    int le = 1;
    agree = 0;
    for (int s = 0; s < ND_SKETCH_SLOTS; s++) {
        le &= sm[s] <= sa[s];
        agree += sm[s] == sa[s];
    }
    CHECK(le);
    CHECK(agree >= ND_SKETCH_SLOTS / 2);  /* 6 of 7 keys shared: they agree in most slots (here: all but a few) */
    /* each key reads its own run of slots */
    CHECK_INT(nd_posting_sketch(sa, 0, 0), sa[0]);
    CHECK_INT(nd_posting_sketch(sa, ND_SKETCH_SLOTS - 1, 1), sa[0]);
    CHECK_INT(nd_posting_sketch(sa, 5, 2), sa[7]);
}

typedef struct { size_t x[4096], y[4096], n; } pair_log;

static void log_pair(void *ctx, size_t x, size_t y)
{
    pair_log *l = ctx;
    if (l->n < 4096) {
        l->x[l->n] = x;
        l->y[l->n] = y;
    }
    l->n++;
}

static size_t times_paired(const pair_log *l, size_t x, size_t y)
{
    size_t k = 0;
    for (size_t i = 0; i < l->n && i < 4096; i++) k += l->x[i] == x && l->y[i] == y;
    return k;
}

static void a_rare_long_list_pairs_only_documents_whose_sketches_agree(void)
{
    /* 100 postings, every value distinct, except: 5 and 70 agree in tries 0
     * and 2; 10, 20 and 30 agree in try 1; 40 and 41 agree in the last try */
    enum { L = 100, T = ND_SKETCH_TRIES };
    static uint32_t sk[L * T];
    for (uint32_t x = 0; x < L; x++)
        for (uint32_t t = 0; t < T; t++) sk[x * T + t] = 1000000u * (t + 1) + 7919u * x;
    sk[70 * T + 0] = sk[5 * T + 0];
    sk[70 * T + 2] = sk[5 * T + 2];
    sk[20 * T + 1] = sk[30 * T + 1] = sk[10 * T + 1];
    sk[41 * T + (T - 1)] = sk[40 * T + (T - 1)];
    static pair_log l;
    uint64_t ndocs = (uint64_t)L * ND_RARE_POSTING_SHARE;  /* a list of 100 is rare in this corpus */
    CHECK(nd_posting_rare(ndocs) >= L);
    l.n = 0;
    CHECK_INT(nd_posting_pairs(sk, L, ndocs, ND_MAX_POSTING, log_pair, &l), 0);
    CHECK_INT(l.n, 5);
    CHECK_INT(times_paired(&l, 5, 70), 1);  /* agreeing twice still counts once */
    CHECK_INT(times_paired(&l, 10, 20), 1);
    CHECK_INT(times_paired(&l, 10, 30), 1);
    CHECK_INT(times_paired(&l, 20, 30), 1);
    CHECK_INT(times_paired(&l, 40, 41), 1);
    /* in a small corpus the same list is common: neighbours in (value of try 0, position) order */
    l.n = 0;
    CHECK(nd_posting_rare(1000) < L);
    CHECK_INT(nd_posting_pairs(sk, L, 1000, ND_MAX_POSTING, log_pair, &l), 0);
    CHECK_INT(l.n, L - 1);
    CHECK_INT(times_paired(&l, 5, 70), 1);   /* equal values sit together */
    CHECK_INT(times_paired(&l, 10, 20), 0);  /* try 1 is not looked at */
    int ordered = 1;
    for (size_t i = 0; i < l.n; i++) ordered &= l.x[i] < l.y[i];
    CHECK(ordered);
    /* a list longer than max_posting pairs nothing; a short one pairs everything, sketches or not */
    l.n = 0;
    CHECK_INT(nd_posting_pairs(sk, L, ndocs, L - 1, log_pair, &l), 0);
    CHECK_INT(l.n, 0);
    CHECK_INT(nd_posting_pairs(NULL, 4, ndocs, ND_MAX_POSTING, log_pair, &l), 0);
    CHECK_INT(l.n, 6);
}

static void a_big_run_of_agreeing_documents_pairs_neighbours(void)
{
    /* 80 postings agree in try 0 (a run longer than ND_ALL_PAIRS_POSTING):
     * neighbours in list order, 79 pairs; the other tries all differ */
    enum { L = 80, T = ND_SKETCH_TRIES };
    static uint32_t sk[L * T];
    for (uint32_t x = 0; x < L; x++)
        for (uint32_t t = 0; t < T; t++) sk[x * T + t] = t == 0 ? 42u : 1000000u * t + 7919u * x;
    static pair_log l;
    l.n = 0;
    CHECK_INT(nd_posting_pairs(sk, L, (uint64_t)L * ND_RARE_POSTING_SHARE, ND_MAX_POSTING, log_pair, &l), 0);
    CHECK_INT(l.n, L - 1);
    CHECK_INT(times_paired(&l, 0, 1), 1);
    CHECK_INT(times_paired(&l, 0, 2), 0);
    CHECK_INT(times_paired(&l, 78, 79), 1);
}

/* Number of keys documents a and b have in common. */
static uint32_t true_shared(const uint32_t *keys, const uint64_t *off, uint32_t a, uint32_t b)
{
    uint32_t n = 0;
    for (uint64_t i = off[a]; i < off[a + 1]; i++)
        for (uint64_t j = off[b]; j < off[b + 1]; j++) n += keys[i] == keys[j];
    return n;
}

static void twins_far_apart_in_long_lists_meet_in_every_one(void)
{
    /* A corpus of 66 * ND_RARE_POSTING_SHARE documents (most of them empty),
     * so a key in 66 documents is rare but past ND_ALL_PAIRS_POSTING.
     * Documents 0..65 all hold the ten keys 1..10; each has 20 keys of its
     * own, except documents 0 and 65, which hold the same 20 (lists of two).
     * By document order 0 and 65 are never neighbours; their sketches are
     * equal, so each of the ten long lists pairs them, once. */
    enum { HOLD = 66, OWN = 20, COMMON = 10 };
    uint32_t ndocs = HOLD * ND_RARE_POSTING_SHARE;
    uint64_t *off = calloc((size_t)ndocs + 1, sizeof *off);
    uint32_t *keys = malloc(HOLD * (COMMON + OWN) * sizeof *keys);
    size_t k = 0;
    for (uint32_t d = 0; d < ndocs; d++) {
        off[d] = k;
        if (d >= HOLD) continue;
        for (uint32_t c = 1; c <= COMMON; c++) keys[k++] = c;
        uint32_t owner = d == HOLD - 1 ? 0 : d;
        for (uint32_t o = 0; o < OWN; o++) keys[k++] = 0x100000u + 1000u * owner + o;
    }
    off[ndocs] = k;
    nd_candidates c;
    CHECK_INT(nd_candidates_find(keys, off, ndocs, ND_MIN_SHARED_KEYS, ND_MIN_SHARED_FRACTION, ND_MAX_POSTING, ND_PAIR_BYTES, 0, 1, &c), 0);
    int found = 0, never_more = 1, sorted = 1;
    for (size_t i = 0; i < c.n; i++) {
        if (c.v[i].a == 0 && c.v[i].b == HOLD - 1) {
            found = 1;
            CHECK_INT(c.v[i].shared, COMMON + OWN);
        }
        never_more &= c.v[i].shared <= true_shared(keys, off, c.v[i].a, c.v[i].b);
        if (i) sorted &= c.v[i - 1].a < c.v[i].a || (c.v[i - 1].a == c.v[i].a && c.v[i - 1].b < c.v[i].b);
    }
    CHECK(found);
    CHECK(never_more);  /* a pair counts a key at most once */
    CHECK(sorted);
    nd_candidates_free(&c);
    free(keys);
    free(off);
}

static void a_small_pair_budget_counts_in_blocks_to_the_same_candidates(void)
{
    /* A corpus of 25,000 documents (a list of up to 80 is rare), of which
     * the first 2,000 hold 21 keys drawn from three pools: keys in about 12
     * documents (every pair), in about 72 (pairs where sketches agree) and
     * in about 280 (neighbours in sketch order).  Counting in blocks of at
     * most 1,024 pairs, of one document, or in two blocks, must give the
     * candidates of one block. */
    enum { N = 25000, HOLD = 2000, K = 21 };
    uint32_t *keys = malloc((size_t)HOLD * K * sizeof *keys);
    uint64_t *off = malloc((N + 1) * sizeof *off);
    uint32_t state = 12345;
    for (uint32_t d = 0; d < N; d++) {
        off[d] = (uint64_t)(d < HOLD ? d : HOLD) * K;
        for (uint32_t k = 0; d < HOLD && k < K; k++) {
            state = state * 1664525u + 1013904223u;
            uint32_t r = state >> 8, pool = k % 3 == 0 ? 1200 : k % 3 == 1 ? 194 : 50;
            keys[(size_t)d * K + k] = (uint32_t)k << 24 | r % pool;  /* tagged by position: unique per document */
        }
    }
    off[N] = (uint64_t)HOLD * K;
    nd_candidates one, blocks, each, two;
    CHECK_INT(nd_candidates_find(keys, off, N, 2, 0.0f, ND_MAX_POSTING, (size_t)1 << 30, 0, 1, &one), 0);
    CHECK_INT(nd_candidates_find(keys, off, N, 2, 0.0f, ND_MAX_POSTING, 1024 * 4, 0, 3, &blocks), 0);
    CHECK_INT(nd_candidates_find(keys, off, N, 2, 0.0f, ND_MAX_POSTING, 1, 0, 2, &each), 0);
    CHECK_INT(nd_candidates_find(keys, off, N, 2, 0.0f, ND_MAX_POSTING, 1, 2, 4, &two), 0);  /* blocks grow to make two */
    CHECK(one.n > 1000);
    CHECK(one.n == blocks.n && !memcmp(one.v, blocks.v, one.n * sizeof *one.v));
    CHECK(one.n == each.n && !memcmp(one.v, each.v, one.n * sizeof *one.v));
    CHECK(one.n == two.n && !memcmp(one.v, two.v, one.n * sizeof *one.v));
    nd_candidates_free(&one);
    nd_candidates_free(&blocks);
    nd_candidates_free(&each);
    nd_candidates_free(&two);
    free(keys);
    free(off);
}

CHECK_MAIN("candidates",
    TEST(keys_are_sorted_unique_and_appended),
    TEST(identical_articles_share_every_key),
    TEST(a_text_without_content_has_no_keys),
    TEST(two_of_three_documents_make_one_candidate),
    TEST(min_shared_is_a_lower_bound),
    TEST(keys_in_too_many_documents_are_ignored),
    TEST(pairs_come_sorted_for_many_documents),
    TEST(postings_keep_only_lists_that_pair),
    TEST(no_documents_no_candidates),
    TEST(a_fraction_of_the_smaller_key_set_is_required),
    TEST(seed_rewrites_and_only_they_share_a_tenth_of_their_keys),
    TEST(sketches_depend_on_the_key_set_only),
    TEST(a_rare_long_list_pairs_only_documents_whose_sketches_agree),
    TEST(a_big_run_of_agreeing_documents_pairs_neighbours),
    TEST(twins_far_apart_in_long_lists_meet_in_every_one),
    TEST(a_small_pair_budget_counts_in_blocks_to_the_same_candidates))

/* The ingest index's tables: opening (lock, format), the in-memory mirror of
 * the tail and the counters, storing documents, merging, committing. */
#include "index.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/error.h"
#include "../util/sort.h"

#define MERGE_EVERY 32768            /* default tail length (documents) that triggers a merge */
#define CHECKPOINT_EVERY 32768       /* default documents between checkpoints of the counters and hot keys */
#define MAP_SIZE ((size_t)1 << 38)   /* address space reserved; the file grows as used */
#define MAX_ID_KEY 480               /* LMDB keys are at most 511 bytes: longer ids are hashed */

void nd_index_options_default(nd_index_options *o)
{
    memset(o, 0, sizeof *o);
    o->sync = ND_SYNC_FULL;
    nd_options_default(&o->opt);
}

uint32_t ix_project_key(uint32_t k)
{
    /* murmur3's finaliser: a bijection, so the cut keeps 24 well-mixed bits
     * of keys whose high bits are not random (key kind, sampling) */
    k ^= k >> 16;
    k *= 0x85ebca6bu;
    k ^= k >> 13;
    k *= 0xc2b2ae35u;
    k ^= k >> 16;
    return k >> 8;
}

uint32_t ix_slot_key(unsigned slot, uint32_t value)
{
    /* the slot picks one of ND_SKETCH_SLOTS bijections of the value */
    return IX_SLOT_KEY | ix_project_key(value ^ (slot + 1) * 0x9E3779B9u);
}

static nd_status db_fail(nd_error *err, const nd_index *ix, const char *what, int rc)
{
    /* our own checks of what we read say MDB_CORRUPTED too: LMDB's text for
     * it names a page type */
    return nd_fail(err, rc == ENOMEM ? ND_ENOMEM : ND_EIO, "index %s: cannot %s: %s", ix->dir, what,
                   rc == MDB_CORRUPTED ? "the index is damaged (rebuild it with 'newsdup index add')" : mdb_strerror(rc));
}

/* ---- the posting lists, in memory ----------------------------------------- */

static void tail_clear(nd_index *ix)
{
    for (uint32_t b = 0; b < IX_BUCKETS; b++) ix->buckets[b].n = 0;
    ix->tail_postings = 0;
}

static int tail_add(nd_index *ix, uint32_t docno, uint32_t pkey)
{
    ix_bucket *b = &ix->buckets[pkey >> 8];
    if (b->n == b->cap) {
        uint32_t nc = b->cap ? b->cap * 2 : 8;
        uint64_t *v = nc < b->cap ? NULL : realloc(b->v, (size_t)nc * sizeof *v);
        if (!v) return -1;
        b->v = v;
        b->cap = nc;
    }
    b->v[b->n++] = (uint64_t)docno << 8 | (pkey & 0xFF);
    ix->tail_postings++;
    return 0;
}

/* Forgets the tail's postings of documents ndocs and later (a dropped group). */
static void tail_truncate(nd_index *ix, uint64_t ndocs)
{
    for (uint32_t b = 0; b < IX_BUCKETS; b++) {
        ix_bucket *k = &ix->buckets[b];
        while (k->n && k->v[k->n - 1] >> 8 >= ndocs) {
            k->n--;
            ix->tail_postings--;
        }
    }
    if (ix->inmem > ndocs) ix->inmem = ndocs;
    if (ix->key_counts.n > ndocs) ix->key_counts.n = (size_t)ndocs;
}

/* Keeps nq, the number of candidate keys of document dn (its key row's
 * first word), in the key counts.  0 or -1. */
static int count_keys(nd_index *ix, uint32_t dn, uint32_t nq)
{
    if (dn >= ix->key_counts.n) {
        size_t more = dn + 1 - ix->key_counts.n;
        if (nd_vec_reserve(&ix->key_counts, more)) return -1;
        memset(ix->key_counts.v + ix->key_counts.n, 0, more * sizeof *ix->key_counts.v);
        ix->key_counts.n = dn + 1;
    }
    ix->key_counts.v[dn] = nq;
    return 0;
}

static void lists_free(ix_lists *l)
{
    free(l->off);
    free(l->tag);
    free(l->doc);
    memset(l, 0, sizeof *l);
}

/* Empties the lists and the tail: the next refresh loads every document. */
static void lists_clear(nd_index *ix)
{
    lists_free(&ix->lists);
    tail_clear(ix);
    ix->inmem = ix->merged = 0;
    ix->key_counts.n = 0;
}

/* Merges the tail into the sorted lists, leaving out the postings of keys
 * that turned hot since the last merge (the writer's `fresh` entries: a
 * lookup stops at the hot entry and never reads them).  A bucket's
 * postings are sorted by tag, each tag's in document order: the lists'
 * (older documents) come before the tail's.  0, or -1 when out of memory
 * (nothing changed then). */
static int merge(nd_index *ix)
{
    ix_lists old = ix->lists, m = { 0 };
    ND_VEC(uint32_t) gone = { 0 };  /* keys turned hot, sorted; then the sort's scratch */
    ND_VEC(uint64_t) bytag = { 0 }; /* a bucket's tail postings by tag */
    size_t room = (size_t)(old.n + ix->tail_postings);
    int rc = 0;
    for (size_t i = 0; i < ix->hotmap.cap && !rc; i++)
        if (ix->hotmap.v[i].fresh && nd_vec_push(&gone, ix->hotmap.v[i].key1 - 1)) rc = -1;
    if (!rc && nd_vec_reserve(&gone, gone.n)) rc = -1;
    if (!rc && (!(m.off = malloc((IX_BUCKETS + 1) * sizeof *m.off)) || !(m.tag = malloc(room ? room : 1)) ||
                !(m.doc = malloc((room ? room : 1) * sizeof *m.doc))))
        rc = -1;
    if (!rc) nd_sort_u32(gone.v, (uint32_t)gone.n, gone.v + gone.n);
    size_t g = 0;
    for (uint32_t bucket = 0; !rc && bucket < IX_BUCKETS; bucket++) {
        uint32_t drop[256 / 32] = { 0 }, at[257] = { 0 };
        for (; g < gone.n && gone.v[g] >> 8 == bucket; g++) drop[gone.v[g] % 256 / 32] |= 1u << gone.v[g] % 32;
        const ix_bucket *b = &ix->buckets[bucket];
        if (nd_vec_reserve(&bytag, b->n)) {
            rc = -1;
            break;
        }
        for (uint32_t i = 0; i < b->n; i++) at[(uint8_t)b->v[i] + 1]++;
        for (unsigned t = 0; t < 256; t++) at[t + 1] += at[t];
        for (uint32_t i = 0; i < b->n; i++) bytag.v[at[(uint8_t)b->v[i]]++] = b->v[i];
        uint64_t i = old.n ? old.off[bucket] : 0, end = old.n ? old.off[bucket + 1] : 0;
        m.off[bucket] = m.n;
        for (uint32_t j = 0; i < end || j < b->n;) {
            uint8_t tag;
            uint32_t doc;
            if (i < end && (j == b->n || old.tag[i] <= (uint8_t)bytag.v[j])) {
                tag = old.tag[i];
                doc = old.doc[i++];
            } else {
                tag = (uint8_t)bytag.v[j];
                doc = (uint32_t)(bytag.v[j++] >> 8);
            }
            if (drop[tag / 32] >> (tag % 32) & 1) continue;
            m.tag[m.n] = tag;
            m.doc[m.n++] = doc;
        }
    }
    nd_vec_free(&gone);
    nd_vec_free(&bytag);
    if (rc) {
        lists_free(&m);
        return -1;
    }
    m.off[IX_BUCKETS] = m.n;
    lists_free(&old);
    ix->lists = m;
    tail_clear(ix);
    ix->merged = ix->inmem;
    for (size_t i = 0; i < ix->hotmap.cap; i++) ix->hotmap.v[i].fresh = 0;
    return 0;
}

/* Merges when the tail holds merge_every documents.  0, or -1 when out of
 * memory (the tail then stays). */
static int merge_if_due(nd_index *ix)
{
    return ix->inmem - ix->merged >= ix->merge_every ? merge(ix) : 0;
}

static int get_u32key(MDB_txn *t, MDB_dbi dbi, uint32_t key, MDB_val *out)
{
    MDB_val k = { sizeof key, &key };
    return mdb_get(t, dbi, &k, out);
}

/* Called for each row of a table keyed by document number.  0 to go on. */
typedef int (*doc_fn)(void *ctx, uint32_t dn, const MDB_val *row);

/* Calls fn for the rows of documents [from, to) of table dbi, in document
 * order (a document may have none).  0, fn's first other answer, or an
 * LMDB error. */
static int each_doc(MDB_txn *t, MDB_dbi dbi, uint64_t from, uint64_t to, doc_fn fn, void *ctx)
{
    MDB_cursor *c;
    int rc = mdb_cursor_open(t, dbi, &c);
    if (rc) return rc;
    uint32_t docno = (uint32_t)from;
    MDB_val k = { sizeof docno, &docno }, d;
    for (rc = mdb_cursor_get(c, &k, &d, MDB_SET_RANGE); rc == 0; rc = mdb_cursor_get(c, &k, &d, MDB_NEXT)) {
        uint32_t dn;
        memcpy(&dn, k.mv_data, sizeof dn);
        if (dn >= to || (rc = fn(ctx, dn, &d))) break;
    }
    mdb_cursor_close(c);
    return rc == MDB_NOTFOUND ? 0 : rc;
}

/* ---- the hot keys, in memory ------------------------------------------- */

/* Where key's search starts: projected keys are mixed already. */
static size_t hot_home(const nd_index *ix, uint32_t key)
{
    return key & (ix->hotmap.cap - 1);
}

/* The entry of key, or the empty one where it would go. */
static ix_hot *hot_slot(const nd_index *ix, uint32_t key)
{
    size_t mask = ix->hotmap.cap - 1, h = hot_home(ix, key);
    while (ix->hotmap.v[h].key1 && ix->hotmap.v[h].key1 != key + 1) h = (h + 1) & mask;
    return &ix->hotmap.v[h];
}

/* Sets key's entry, growing the table to stay at most half full.  0 or -1. */
static int hot_set(nd_index *ix, uint32_t key, uint32_t count, uint32_t newest)
{
    if (2 * (ix->hotmap.n + 1) > ix->hotmap.cap) {
        size_t cap = ix->hotmap.cap ? 2 * ix->hotmap.cap : 1024, oldcap = ix->hotmap.cap;
        ix_hot *old = ix->hotmap.v, *v = calloc(cap, sizeof *v);
        if (!v) return -1;
        ix->hotmap.v = v;
        ix->hotmap.cap = cap;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].key1) *hot_slot(ix, old[i].key1 - 1) = old[i];
        free(old);
    }
    ix_hot *e = hot_slot(ix, key);
    if (!e->key1) {
        /* a key turning hot, or one loaded: its postings may linger */
        *e = (ix_hot){ .key1 = key + 1, .fresh = 1 };
        ix->hotmap.n++;
    }
    e->count = count;
    e->newest = newest;
    e->dirty = 1;
    return 0;
}

/* A row of the hot log: the (key, count) pairs document dn set. */
static int replay_row(void *ctx, uint32_t dn, const MDB_val *row)
{
    nd_index *ix = ctx;
    uint32_t kc[2];
    for (size_t i = 0; i + sizeof kc <= row->mv_size; i += sizeof kc) {
        memcpy(kc, (const char *)row->mv_data + i, sizeof kc);
        if (hot_set(ix, kc[0], kc[1], dn)) return ENOMEM;
    }
    return 0;
}

/* Replays the hot log of documents [ix->hot_docs, to).  0 or an LMDB error. */
static int hot_replay(nd_index *ix, MDB_txn *t, uint64_t to)
{
    int rc = each_doc(t, ix->hotlog, ix->hot_docs, to, replay_row, ix);
    if (!rc) ix->hot_docs = to;
    return rc;
}

/* Brings the hot keys to the state committed in t (s): from the hot
 * table's checkpoint and the log after it, or, while the checkpoint is the
 * one loaded, from the log of the documents since.  0 or an LMDB error. */
static int hot_refresh(nd_index *ix, MDB_txn *t, const ix_state *s, int force)
{
    if (!force && s->checkpoint == ix->hot_checkpoint && s->ndocs >= ix->hot_docs) return hot_replay(ix, t, s->ndocs);
    if (ix->hotmap.cap) memset(ix->hotmap.v, 0, ix->hotmap.cap * sizeof *ix->hotmap.v);
    ix->hotmap.n = 0;
    MDB_cursor *c;
    MDB_val k, d;
    int rc = mdb_cursor_open(t, ix->hot, &c);
    if (rc) return rc;
    while ((rc = mdb_cursor_get(c, &k, &d, MDB_NEXT)) == 0) {
        uint32_t pk, hv[2];
        if (k.mv_size != sizeof pk || d.mv_size != sizeof hv) {
            rc = MDB_CORRUPTED;
            break;
        }
        memcpy(&pk, k.mv_data, sizeof pk);
        memcpy(hv, d.mv_data, sizeof hv);
        if (hot_set(ix, pk, hv[0], hv[1])) {
            rc = ENOMEM;
            break;
        }
        hot_slot(ix, pk)->dirty = 0;  /* as the table has it */
    }
    mdb_cursor_close(c);
    if (rc != MDB_NOTFOUND) return rc;
    ix->hot_checkpoint = s->checkpoint;
    ix->hot_docs = s->checkpoint;
    return hot_replay(ix, t, s->ndocs);
}

/* Whether pkey is hot, with its count and newest holder in *key. */
static int hot_get(const nd_index *ix, uint32_t pkey, ix_key *key)
{
    if (!ix->hotmap.cap) return 0;
    const ix_hot *e = hot_slot(ix, pkey);
    if (!e->key1) return 0;
    key->hot = 1;
    key->count = e->count;
    key->newest = e->newest;
    return 1;
}

int ix_row_encode(uint32_t nq, const uint32_t *keys, uint32_t n, nd_bytes *out)
{
    out->n = 0;
    if (nd_bytes_put_varint(out, nq) || nd_bytes_put_varint(out, n)) return -1;
    for (uint32_t i = 0, prev = 0; i < n; prev = keys[i++])
        if (nd_bytes_put_varint(out, keys[i] - prev)) return -1;
    return 0;
}

int ix_row_decode(const void *p, size_t n, uint32_t *nq, uint32_t *keys, size_t *nkeys)
{
    nd_reader r = { p, (const uint8_t *)p + n, 0 };
    uint64_t q = nd_read_varint(&r), count = nd_read_varint(&r), key = 0;
    if (r.bad || q > UINT32_MAX || count > n) return -1;
    for (uint64_t i = 0; i < count; i++) {
        key += nd_read_varint(&r);
        if (r.bad || key >= IX_BUCKETS << 8 || (i && keys[i - 1] >= key)) return -1;
        keys[i] = (uint32_t)key;
    }
    if (r.p != r.end) return -1;
    *nq = (uint32_t)q;
    *nkeys = (size_t)count;
    return 0;
}

/* Called for each key row: document dn, its candidate key count nq, the
 * nkeys keys it is listed under.  0 to go on. */
typedef int (*row_fn)(void *ctx, uint32_t dn, uint32_t nq, const uint32_t *keys, size_t nkeys);

/* each_row's decoding of a keys table row for its row_fn. */
typedef struct ix_rows {
    row_fn fn;
    void *ctx;
    ND_VEC(uint32_t) keys;
} ix_rows;

static int decode_row(void *ctx, uint32_t dn, const MDB_val *row)
{
    ix_rows *r = ctx;
    uint32_t nq;
    size_t n;
    if (nd_vec_reserve(&r->keys, row->mv_size)) return ENOMEM;
    if (ix_row_decode(row->mv_data, row->mv_size, &nq, r->keys.v, &n)) return MDB_CORRUPTED;
    return r->fn(r->ctx, dn, nq, r->keys.v, n);
}

/* Calls fn for the key rows of documents [from, to).  0, fn's first other
 * answer, or an LMDB error (MDB_CORRUPTED for a damaged row). */
static int each_row(const nd_index *ix, MDB_txn *t, uint64_t from, uint64_t to, row_fn fn, void *ctx)
{
    ix_rows r = { .fn = fn, .ctx = ctx };
    int rc = each_doc(t, ix->dockeys, from, to, decode_row, &r);
    nd_vec_free(&r.keys);
    return rc;
}

/* Whether the lists keep pkey: hot keys' lists are never read. */
static int listed(const nd_index *ix, uint32_t pkey)
{
    return !ix->hotmap.cap || !hot_slot(ix, pkey)->key1;
}

static int tail_row(void *ctx, uint32_t dn, uint32_t nq, const uint32_t *keys, size_t nkeys)
{
    nd_index *ix = ctx;
    if (count_keys(ix, dn, nq)) return ENOMEM;
    for (size_t i = 0; i < nkeys; i++)
        if (listed(ix, keys[i]) && tail_add(ix, dn, keys[i])) return ENOMEM;
    return 0;
}

/* Loads the keys of documents [ix->inmem, to) into the tail.  0 or an LMDB error. */
static int load_keys(nd_index *ix, MDB_txn *t, uint64_t to)
{
    int rc = each_row(ix, t, ix->inmem, to, tail_row, ix);
    if (!rc) ix->inmem = to;
    return rc;
}

/* What build_lists' passes over the rows share. */
typedef struct ix_build {
    nd_index *ix;
    ix_lists *m;
    uint64_t *at;   /* next place of each bucket (second pass) */
    uint64_t *hot;  /* a bit a projected key: hot */
} ix_build;

static int count_row(void *ctx, uint32_t dn, uint32_t nq, const uint32_t *keys, size_t nkeys)
{
    ix_build *b = ctx;
    if (count_keys(b->ix, dn, nq)) return ENOMEM;
    for (size_t i = 0; i < nkeys; i++)
        if (!(b->hot[keys[i] / 64] >> keys[i] % 64 & 1)) b->m->off[(keys[i] >> 8) + 1]++;
    return 0;
}

static int place_row(void *ctx, uint32_t dn, uint32_t nq, const uint32_t *keys, size_t nkeys)
{
    ix_build *b = ctx;
    (void)nq;
    for (size_t i = 0; i < nkeys; i++) {
        uint32_t pk = keys[i];
        if (b->hot[pk / 64] >> pk % 64 & 1) continue;
        uint64_t p = b->at[pk >> 8]++;
        b->m->tag[p] = (uint8_t)pk;
        b->m->doc[p] = dn;
    }
    return 0;
}

/* Builds the lists of documents [0, to) from the keys table at once, in
 * two reads of it: postings counted by bucket, then placed in document
 * order, then each bucket sorted by tag (a stable counting sort: each
 * tag's stay in document order).  Hot keys are told by a bit a key (4 MB,
 * where a probe of the hot table for each of tens of millions of postings
 * would miss the cache every time).  The lists must be empty.  0 or an
 * LMDB error. */
static int build_lists(nd_index *ix, MDB_txn *t, uint64_t to)
{
    ix_lists m = { 0 };
    ix_build b = { .ix = ix, .m = &m };
    uint8_t *tag = NULL;
    uint32_t *doc = NULL;
    int rc = ENOMEM;
    if (!(m.off = calloc(IX_BUCKETS + 1, sizeof *m.off)) || !(b.at = malloc(IX_BUCKETS * sizeof *b.at)) ||
        !(b.hot = calloc((size_t)IX_BUCKETS * 256 / 64, sizeof *b.hot)))
        goto done;
    for (size_t i = 0; i < ix->hotmap.cap; i++)
        if (ix->hotmap.v[i].key1) b.hot[(ix->hotmap.v[i].key1 - 1) / 64] |= 1ull << (ix->hotmap.v[i].key1 - 1) % 64;
    if ((rc = each_row(ix, t, 0, to, count_row, &b))) goto done;
    for (uint32_t k = 0; k < IX_BUCKETS; k++) m.off[k + 1] += m.off[k];
    m.n = m.off[IX_BUCKETS];
    memcpy(b.at, m.off, IX_BUCKETS * sizeof *b.at);
    rc = ENOMEM;
    if (!(m.tag = malloc(m.n ? m.n : 1)) || !(m.doc = malloc((m.n ? m.n : 1) * sizeof *m.doc))) goto done;
    if ((rc = each_row(ix, t, 0, to, place_row, &b))) goto done;
    uint64_t most = 0;
    for (uint32_t k = 0; k < IX_BUCKETS; k++)
        if (m.off[k + 1] - m.off[k] > most) most = m.off[k + 1] - m.off[k];
    if (!(tag = malloc(most ? most : 1)) || !(doc = malloc((most ? most : 1) * sizeof *doc))) rc = ENOMEM;
    for (uint32_t k = 0; !rc && k < IX_BUCKETS; k++) {
        uint64_t from = m.off[k], n = m.off[k + 1] - from, by[257] = { 0 };
        for (uint64_t i = 0; i < n; i++) by[m.tag[from + i] + 1]++;
        for (unsigned v = 0; v < 256; v++) by[v + 1] += by[v];
        for (uint64_t i = 0; i < n; i++) {
            uint64_t p = by[m.tag[from + i]]++;
            tag[p] = m.tag[from + i];
            doc[p] = m.doc[from + i];
        }
        memcpy(m.tag + from, tag, n);
        memcpy(m.doc + from, doc, n * sizeof *doc);
    }
done:
    free(b.hot);
    free(b.at);
    free(tag);
    free(doc);
    if (rc) {
        lists_free(&m);
        return rc;
    }
    lists_free(&ix->lists);
    ix->lists = m;
    ix->inmem = ix->merged = to;
    for (size_t i = 0; i < ix->hotmap.cap; i++) ix->hotmap.v[i].fresh = 0;
    return 0;
}

/* Row ch of the counters table in memory: word counters, then bigram ones. */
static uint32_t *counter_row(const nd_index *ix, uint32_t ch)
{
    return ch < IX_CHUNKS / 2 ? ix->df.words + ch * IX_CHUNK : ix->df.bigrams + (ch - IX_CHUNKS / 2) * IX_CHUNK;
}

/* Sets the counts to the counters table's: documents [0, checkpoint). */
static int load_counters(nd_index *ix, MDB_txn *t, uint64_t checkpoint)
{
    for (uint32_t ch = 0; ch < IX_CHUNKS; ch++) {
        uint32_t *dst = counter_row(ix, ch);
        MDB_val d;
        int rc = get_u32key(t, ix->counters, ch, &d);
        if (rc == MDB_NOTFOUND) memset(dst, 0, IX_CHUNK * sizeof *dst);
        else if (rc) return rc;
        else if (d.mv_size != IX_CHUNK * sizeof *dst) return MDB_CORRUPTED;
        else memcpy(dst, d.mv_data, d.mv_size);
    }
    ix->df.ndocs = (uint32_t)checkpoint;
    ix->df_docs = checkpoint;
    return 0;
}

/* Counts the record of document dn, the next one to count. */
static int count_record(void *ctx, uint32_t dn, const MDB_val *row)
{
    nd_index *ix = ctx;
    nd_record r;
    if (dn != ix->df_docs || nd_record_decode(row->mv_data, row->mv_size, &r)) return MDB_CORRUPTED;
    int rc = nd_compact_decode(r.compact, r.ncompact, &ix->stored);
    if (rc) return rc == -1 ? ENOMEM : MDB_CORRUPTED;
    nd_docfreq_add(&ix->df, &ix->stored);
    ix->df_docs++;
    return 0;
}

/* Counts documents [ix->df_docs, to) from their records (every document has one). */
static int count_records(nd_index *ix, MDB_txn *t, uint64_t to)
{
    int rc = each_doc(t, ix->docs, ix->df_docs, to, count_record, ix);
    return rc ? rc : ix->df_docs == to ? 0 : MDB_CORRUPTED;
}

/* The state committed in t (all zero for a new index) in *s.  0 or an LMDB error. */
static int read_state(const nd_index *ix, MDB_txn *t, ix_state *s)
{
    MDB_val k = { 5, "state" }, d;
    int rc = mdb_get(t, ix->meta, &k, &d);
    memset(s, 0, sizeof *s);
    if (rc == MDB_NOTFOUND) return 0;
    if (rc) return rc;
    if (d.mv_size != sizeof *s) return MDB_CORRUPTED;
    memcpy(s, d.mv_data, sizeof *s);
    return 0;
}

/* Brings the posting lists and counts in memory to the state committed in
 * t: the documents added since they were last brought up to date, or, for
 * a writer after a dropped group, back to the commit.  0 or an LMDB error. */
static int refresh(nd_index *ix, MDB_txn *t, int force)
{
    ix_state s;
    int rc = read_state(ix, t, &s);
    if (rc) return rc;
    ix->st = s;
    if (!force && s.ndocs == ix->inmem && s.ndocs == ix->df_docs && s.ndocs == ix->hot_docs &&
        s.checkpoint == ix->hot_checkpoint) {
        ix->loaded = s;
        return 0;
    }
    /* first: the lists leave hot keys out */
    if ((rc = hot_refresh(ix, t, &s, force))) return rc;
    if (force || s.ndocs < ix->merged || s.ndocs - ix->inmem > ix->inmem + ix->merge_every)
        lists_clear(ix);  /* from scratch, or far behind: built in one go */
    else if (s.ndocs < ix->inmem)
        tail_truncate(ix, s.ndocs);
    if ((force || s.ndocs < ix->df_docs || s.checkpoint > ix->df_docs) && (rc = load_counters(ix, t, s.checkpoint)))
        return rc;
    rc = ix->inmem ? load_keys(ix, t, s.ndocs) : build_lists(ix, t, s.ndocs);
    if (rc || (rc = count_records(ix, t, s.ndocs))) return rc;
    if (merge_if_due(ix)) return ENOMEM;
    ix->df_finished = UINT32_MAX;
    ix->loaded = s;
    return 0;
}

/* Reloads the committed state: at open (from scratch) or after a failed
 * group (keeping what was committed). */
static int reload(nd_index *ix, int force)
{
    MDB_txn *t;
    int rc = mdb_txn_begin(ix->env, NULL, MDB_RDONLY, &t);
    if (rc) return rc;
    rc = refresh(ix, t, force);
    mdb_txn_abort(t);
    return rc;
}

void ix_abort(nd_index *ix)
{
    if (ix->txn) mdb_txn_abort(ix->txn);
    ix->txn = NULL;
    ix->pending = 0;
    if (reload(ix, 0)) ix->loaded.ndocs = UINT64_MAX;  /* forces a full reload at the next begin */
}

nd_status ix_begin(nd_index *ix, nd_error *err)
{
    int rc;
    if (!ix->o.read_only) {
        if (ix->txn) return ND_OK;
        if (ix->loaded.ndocs == UINT64_MAX && (rc = reload(ix, 1))) return db_fail(err, ix, "read its state", rc);
        if ((rc = mdb_txn_begin(ix->env, NULL, 0, &ix->txn))) return db_fail(err, ix, "begin a write", rc);
        return ND_OK;
    }
    rc = ix->txn ? mdb_txn_renew(ix->txn) : mdb_txn_begin(ix->env, NULL, MDB_RDONLY, &ix->txn);
    if (rc) return db_fail(err, ix, "begin a read", rc);
    if ((rc = refresh(ix, ix->txn, ix->loaded.ndocs == UINT64_MAX))) {
        mdb_txn_reset(ix->txn);
        ix->loaded.ndocs = UINT64_MAX;
        return db_fail(err, ix, "read its state", rc);
    }
    return ND_OK;
}

void ix_end_read(nd_index *ix)
{
    if (ix->o.read_only && ix->txn) mdb_txn_reset(ix->txn);
}

/* ---- lookups ------------------------------------------------------------ */

int ix_postings(nd_index *ix, uint32_t pkey, ix_key *key)
{
    uint32_t bucket = pkey >> 8;
    uint8_t tag = (uint8_t)pkey;
    memset(key, 0, sizeof *key);
    if (hot_get(ix, pkey, key)) return 0;
    size_t first = ix->hits.n;
    const ix_lists *l = &ix->lists;
    if (l->n) {
        /* the key's run of its bucket starts at the first posting of its tag */
        uint64_t lo = l->off[bucket], hi = l->off[bucket + 1], end = hi;
        while (lo < hi) {
            uint64_t mid = lo + (hi - lo) / 2;
            if (l->tag[mid] < tag) lo = mid + 1;
            else hi = mid;
        }
        for (hi = lo; hi < end && l->tag[hi] == tag; hi++) {}
        if (hi > lo) {
            if (nd_vec_reserve(&ix->hits, hi - lo)) return -1;
            memcpy(ix->hits.v + ix->hits.n, l->doc + lo, (hi - lo) * sizeof *l->doc);
            ix->hits.n += hi - lo;
        }
    }
    /* a tail bucket holds few postings (a merge's worth of documents): scanned whole */
    const ix_bucket *b = &ix->buckets[bucket];
    for (uint32_t i = 0; i < b->n; i++)
        if ((uint8_t)b->v[i] == tag && nd_vec_push(&ix->hits, (uint32_t)(b->v[i] >> 8))) return -1;
    key->count = (uint32_t)(ix->hits.n - first);
    return 0;
}

void ix_prefetch(const nd_index *ix, size_t i)
{
    size_t far = i + IX_AHEAD, near = i + IX_AHEAD / 2;
    if (far < ix->pkeys.n) {
        uint32_t pk = ix->pkeys.v[far];
        if (ix->hotmap.cap) __builtin_prefetch(&ix->hotmap.v[hot_home(ix, pk)]);
        __builtin_prefetch(&ix->buckets[pk >> 8]);
        if (ix->lists.n) __builtin_prefetch(&ix->lists.off[pk >> 8]);
    }
    if (near < ix->pkeys.n) {
        uint32_t b = ix->pkeys.v[near] >> 8;
        __builtin_prefetch(ix->buckets[b].v);
        if (ix->lists.n) __builtin_prefetch(ix->lists.tag + ix->lists.off[b]);
    }
}

int ix_key_count(const nd_index *ix, uint32_t docno, uint32_t *n)
{
    if (docno >= ix->key_counts.n) return -1;
    *n = ix->key_counts.v[docno];
    return 0;
}

/* The ids table's key for id: the id itself, or a prefix and a 64-bit hash
 * of a very long one. */
static MDB_val id_key(const char *id, size_t idlen, char *buf)
{
    if (idlen <= MAX_ID_KEY) return (MDB_val){ idlen, (void *)id };
    uint64_t h = 1469598103934665603ull;  /* FNV-1a over the whole id */
    for (size_t i = 0; i < idlen; i++) h = (h ^ (unsigned char)id[i]) * 1099511628211ull;
    memcpy(buf, id, MAX_ID_KEY - 8);
    memcpy(buf + MAX_ID_KEY - 8, &h, 8);
    return (MDB_val){ MAX_ID_KEY, buf };
}

uint32_t ix_lookup_id(nd_index *ix, const char *id, size_t idlen, int *rc)
{
    char buf[MAX_ID_KEY];
    MDB_val k = id_key(id, idlen, buf), d;
    *rc = mdb_get(ix->txn, ix->ids, &k, &d);
    if (*rc == MDB_NOTFOUND) {
        *rc = 0;
        return UINT32_MAX;
    }
    if (*rc || d.mv_size != 4) {
        *rc = -1;
        return UINT32_MAX;
    }
    uint32_t dn;
    memcpy(&dn, d.mv_data, 4);
    return dn;
}

int ix_record(nd_index *ix, uint32_t docno, nd_record *r)
{
    MDB_val d;
    return get_u32key(ix->txn, ix->docs, docno, &d) || nd_record_decode(d.mv_data, d.mv_size, r) ? -1 : 0;
}

/* ---- writing ------------------------------------------------------------- */

int ix_store(nd_index *ix, const char *id, size_t idlen, const nd_features *c, int verdict, int has_text)
{
    if (ix->st.ndocs >= UINT32_MAX - 1) return -1;
    uint32_t docno = (uint32_t)ix->st.ndocs;
    char buf[MAX_ID_KEY];
    MDB_val k = { sizeof docno, &docno }, d = { ix->rec.n, ix->rec.v };
    if (mdb_put(ix->txn, ix->docs, &k, &d, MDB_APPEND)) return -1;
    MDB_val ik = id_key(id, idlen, buf), iv = { sizeof docno, &docno };
    if (mdb_put(ix->txn, ix->ids, &ik, &iv, MDB_NOOVERWRITE)) return -1;
    /* A key turns hot when its list would pass ND_ALL_PAIRS_POSTING: from then on
     * only its count and newest holder matter, kept in memory and logged in
     * `hotlog` (the `hot` table is rewritten at checkpoints only: a hot key
     * is met by most articles, and a table row each would rewrite most of
     * the table at every commit).  The kept keys go over the query's array
     * (it is not read again). */
    uint32_t n = 0;
    ix->hotrow.n = 0;
    for (size_t i = 0; i < ix->pkeys.n; i++) {
        const ix_key *ki = &ix->kinfo.v[i];
        uint32_t pk = ix->pkeys.v[i];
        if (ki->skip) continue;
        if (ki->count + 1 <= ND_ALL_PAIRS_POSTING) {
            ix->pkeys.v[n++] = pk;
            continue;
        }
        if (ki->count >= ND_MAX_POSTING) continue;  /* ignored for good: no need to count on */
        if (nd_vec_reserve(&ix->hotrow, 2) || hot_set(ix, pk, ki->count + 1, docno)) return -1;
        ix->hotrow.v[ix->hotrow.n++] = pk;
        ix->hotrow.v[ix->hotrow.n++] = ki->count + 1;
    }
    ix->hot_docs = (uint64_t)docno + 1;
    d = (MDB_val){ ix->hotrow.n * sizeof *ix->hotrow.v, ix->hotrow.v };
    if (ix->hotrow.n && mdb_put(ix->txn, ix->hotlog, &k, &d, MDB_APPEND)) return -1;
    if (ix_row_encode(ix->nq, ix->pkeys.v, n, &ix->row)) return -1;
    d = (MDB_val){ ix->row.n, ix->row.v };
    if (mdb_put(ix->txn, ix->dockeys, &k, &d, MDB_APPEND) || count_keys(ix, docno, ix->nq)) return -1;
    for (uint32_t i = 0; i < n; i++)
        if (tail_add(ix, docno, ix->pkeys.v[i])) return -1;
    ix->inmem = (uint64_t)docno + 1;
    nd_docfreq_add(&ix->df, c);
    ix->df_docs++;
    ix->st.ndocs++;
    ix->st.verdicts[verdict]++;
    ix->st.with_text += has_text != 0;
    ix->st.postings += n;
    ix->pending++;
    return 0;
}

nd_status nd_index_commit(nd_index *ix, nd_error *err)
{
    if (ix->o.read_only || !ix->txn) return ND_OK;
    int rc = 0;
    /* A checkpoint, now and then: the counters rewritten whole (each
     * document touches most rows), the hot keys changed since the last, and
     * the hot log emptied.  The documents after it are counted again from
     * their records, and their hot keys replayed from the log, when the
     * index is read. */
    if (ix->st.ndocs - ix->st.checkpoint >= ix->checkpoint_every) {
        for (uint32_t ch = 0; ch < IX_CHUNKS && !rc; ch++) {
            MDB_val k = { sizeof ch, &ch }, d = { IX_CHUNK * sizeof(uint32_t), counter_row(ix, ch) };
            rc = mdb_put(ix->txn, ix->counters, &k, &d, 0);
        }
        for (size_t i = 0; i < ix->hotmap.cap && !rc; i++) {
            ix_hot *e = &ix->hotmap.v[i];
            uint32_t pk = e->key1 - 1, hv[2] = { e->count, e->newest };
            MDB_val k = { sizeof pk, &pk }, d = { sizeof hv, hv };
            if (e->key1 && e->dirty) rc = mdb_put(ix->txn, ix->hot, &k, &d, 0);
        }
        if (!rc) rc = mdb_drop(ix->txn, ix->hotlog, 0);
        ix->st.checkpoint = ix->st.ndocs;
    }
    MDB_val k = { 5, "state" }, d = { sizeof ix->st, &ix->st };
    if (!rc) rc = mdb_put(ix->txn, ix->meta, &k, &d, 0);
    if (!rc) rc = mdb_txn_commit(ix->txn);
    else mdb_txn_abort(ix->txn);
    ix->txn = NULL;
    if (rc) {
        uint32_t lost = ix->pending;
        ix_abort(ix);
        nd_fail(err, rc == ENOMEM ? ND_ENOMEM : ND_EIO, "index %s: cannot commit %u documents: %s", ix->dir, lost,
                mdb_strerror(rc));
        return err ? err->code : ND_EIO;
    }
    ix->pending = 0;
    ix->loaded = ix->st;
    if (ix->hot_checkpoint != ix->st.checkpoint) {
        ix->hot_checkpoint = ix->st.checkpoint;
        for (size_t i = 0; i < ix->hotmap.cap; i++) ix->hotmap.v[i].dirty = 0;
    }
    /* committed documents only: a dropped group never reaches the lists;
     * out of memory, the tail just stays longer */
    merge_if_due(ix);
    return ND_OK;
}

uint32_t nd_index_pending(const nd_index *ix)
{
    return ix->pending;
}

/* ---- open, close, stats -------------------------------------------------- */

/* Takes the writer's lock: flock is dropped by the kernel when the process
 * dies, so a crashed writer never leaves the index locked. */
static nd_status lock_writer(nd_index *ix, nd_error *err)
{
    char path[4096], pid[32] = "";
    snprintf(path, sizeof path, "%s/writer.lock", ix->dir);
    ix->lockfd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (ix->lockfd < 0) return nd_fail(err, ND_EIO, "cannot open %s: %s", path, strerror(errno));
    if (flock(ix->lockfd, LOCK_EX | LOCK_NB)) {
        int e = errno;
        if (e != EWOULDBLOCK) return nd_fail(err, ND_EIO, "cannot lock %s: %s", path, strerror(e));
        ssize_t n = pread(ix->lockfd, pid, sizeof pid - 1, 0);
        pid[n > 0 ? n : 0] = 0;
        pid[strcspn(pid, "\n")] = 0;
        return nd_fail(err, ND_EIO, "index %s is being written by another process%s%s%s; an index takes one writer at a time",
                       ix->dir, *pid ? " (pid " : "", pid, *pid ? ")" : "");
    }
    int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    if (ftruncate(ix->lockfd, 0) || pwrite(ix->lockfd, pid, (size_t)n, 0) != n)
        return nd_fail(err, ND_EIO, "cannot write %s: %s", path, strerror(errno));
    return ND_OK;
}

/* Opens the tables and checks (or, for a new index, writes) the format. */
static nd_status open_tables(nd_index *ix, nd_error *err)
{
    int ro = ix->o.read_only, rc;
    unsigned create = ro ? 0 : MDB_CREATE;
    MDB_txn *t;
    if ((rc = mdb_txn_begin(ix->env, NULL, ro ? MDB_RDONLY : 0, &t))) return db_fail(err, ix, "begin", rc);
    static const struct { const char *name; unsigned flags; size_t off; } tables[] = {
        { "meta", 0, offsetof(nd_index, meta) },
        { "docs", MDB_INTEGERKEY, offsetof(nd_index, docs) },
        { "ids", 0, offsetof(nd_index, ids) },
        { "keys", MDB_INTEGERKEY, offsetof(nd_index, dockeys) },
        { "hot", MDB_INTEGERKEY, offsetof(nd_index, hot) },
        { "hotlog", MDB_INTEGERKEY, offsetof(nd_index, hotlog) },
        { "counters", MDB_INTEGERKEY, offsetof(nd_index, counters) },
    };
    nd_status st = ND_OK;
    /* a new index starts from an empty environment; tables appearing in one
     * that holds something else would pass it off as an index */
    MDB_dbi main_db;
    MDB_stat ms;
    if (!ro && (rc = mdb_dbi_open(t, NULL, 0, &main_db)) == 0 && (rc = mdb_stat(t, main_db, &ms)) == 0 &&
        ms.ms_entries > 0 && mdb_dbi_open(t, "meta", 0, &ix->meta) == MDB_NOTFOUND)
        st = nd_fail(err, ND_EFORMAT, "%s is not a newsdup index (an LMDB database without its tables)", ix->dir);
    else if (rc) st = db_fail(err, ix, "read it", rc);
    for (size_t i = 0; i < sizeof tables / sizeof *tables && !st; i++) {
        rc = mdb_dbi_open(t, tables[i].name, tables[i].flags | create, (MDB_dbi *)((char *)ix + tables[i].off));
        if (rc == MDB_NOTFOUND || rc == MDB_INCOMPATIBLE)
            st = nd_fail(err, ND_EFORMAT, "%s is not a newsdup index (no table \"%s\")", ix->dir, tables[i].name);
        else if (rc) st = db_fail(err, ix, "open its tables", rc);
    }
    MDB_val k = { 6, "format" }, d;
    uint32_t format = ND_INDEX_FORMAT;
    if (!st && (rc = mdb_get(t, ix->meta, &k, &d)) == MDB_NOTFOUND && !ro) {
        /* a new index (or one whose creation never committed) */
        d = (MDB_val){ sizeof format, &format };
        rc = mdb_put(t, ix->meta, &k, &d, 0);
        if (rc) st = db_fail(err, ix, "write its format", rc);
    } else if (!st && rc == MDB_NOTFOUND) {
        st = nd_fail(err, ND_EFORMAT, "%s is not a newsdup index (no format record)", ix->dir);
    } else if (!st && rc) {
        st = db_fail(err, ix, "read its format", rc);
    } else if (!st) {
        uint32_t found = 0;
        if (d.mv_size == sizeof found) memcpy(&found, d.mv_data, sizeof found);
        if (found != ND_INDEX_FORMAT)
            st = nd_fail(err, ND_EFORMAT, "index %s has on-disk format version %u; this newsdup (" ND_VERSION_STRING
                         ") reads format version %d only: rebuild it with 'newsdup index add'", ix->dir, found,
                         ND_INDEX_FORMAT);
    }
    if (st) {
        mdb_txn_abort(t);
        return st;
    }
    if ((rc = mdb_txn_commit(t))) return db_fail(err, ix, "commit its format", rc);
    return ND_OK;
}

nd_index *nd_index_open(const char *dir, const nd_index_options *o, nd_error *err)
{
    nd_index *ix = calloc(1, sizeof *ix);
    if (!ix || !(ix->dir = strdup(dir))) {
        free(ix);
        nd_fail(err, ND_ENOMEM, "out of memory opening index %s", dir);
        return NULL;
    }
    if (o) ix->o = *o;
    else nd_index_options_default(&ix->o);
    ix->lockfd = -1;
    ix->merge_every = MERGE_EVERY;
    ix->checkpoint_every = CHECKPOINT_EVERY;
    ix->corpus_scale = 1;
    ix->loaded.ndocs = UINT64_MAX;
    nd_status st = ND_OK;
    int rc;
    char path[4096];
    struct stat sb;
    snprintf(path, sizeof path, "%s/data.mdb", dir);
    if (ix->o.read_only) {
        if (stat(path, &sb)) st = nd_fail(err, ND_EIO, "no index at %s: %s", dir, strerror(errno));
    } else if (mkdir(dir, 0777) && errno != EEXIST) {
        st = nd_fail(err, ND_EIO, "cannot create index directory %s: %s", dir, strerror(errno));
    } else {
        st = lock_writer(ix, err);
    }
    unsigned flags = ix->o.read_only ? MDB_RDONLY
                   : ix->o.sync == ND_SYNC_NONE ? MDB_NOSYNC : ix->o.sync == ND_SYNC_GROUP ? MDB_NOMETASYNC : 0;
    if (!st && ((rc = mdb_env_create(&ix->env)) || (rc = mdb_env_set_maxdbs(ix->env, 8)) ||
                (rc = mdb_env_set_mapsize(ix->env, MAP_SIZE)) || (rc = mdb_env_open(ix->env, dir, flags, 0644))))
        st = db_fail(err, ix, "open", rc);
    if (!st && !ix->o.read_only) mdb_reader_check(ix->env, NULL);  /* slots of readers that died */
    if (!st) st = open_tables(ix, err);
    if (!st && (nd_docfreq_init(&ix->df, IX_DF_BITS) || !(ix->buckets = calloc(IX_BUCKETS, sizeof *ix->buckets)) ||
                !(ix->tk = nd_tokeniser_new())))
        st = nd_fail(err, ND_ENOMEM, "out of memory opening index %s", dir);
    if (!st) tail_clear(ix);
    if (!st && !ix->o.read_only && (rc = reload(ix, 1))) st = db_fail(err, ix, "read its state", rc);
    if (st) {
        nd_index_close(ix);
        return NULL;
    }
    return ix;
}

void nd_index_close(nd_index *ix)
{
    if (!ix) return;
    if (ix->txn) mdb_txn_abort(ix->txn);
    if (ix->env) mdb_env_close(ix->env);
    if (ix->lockfd >= 0) close(ix->lockfd);
    nd_docfreq_free(&ix->df);
    lists_free(&ix->lists);
    for (uint32_t b = 0; ix->buckets && b < IX_BUCKETS; b++) free(ix->buckets[b].v);
    free(ix->buckets);
    nd_vec_free(&ix->hotmap);
    nd_vec_free(&ix->hotrow);
    nd_vec_free(&ix->row);
    nd_arena_free(&ix->arena);
    nd_arena_free(&ix->answer_arena);
    nd_tokeniser_free(ix->tk);
    nd_tokens_free(&ix->tokens);
    nd_features_free(&ix->full);
    nd_features_free(&ix->compact);
    nd_features_free(&ix->stored);
    free(ix->keys);
    nd_vec_free(&ix->pkeys);
    nd_vec_free(&ix->kinfo);
    nd_vec_free(&ix->hits);
    nd_vec_free(&ix->shared);
    nd_vec_free(&ix->counts);
    nd_vec_free(&ix->cands);
    nd_vec_free(&ix->matches);
    nd_vec_free(&ix->rec);
    nd_vec_free(&ix->key_counts);
    nd_alignment_free(&ix->al);
    free(ix->dir);
    free(ix);
}

nd_status nd_index_stats_get(nd_index *ix, nd_index_stats *out, nd_error *err)
{
    /* A writer knows its state, pending documents included; a reader reads
     * the last commit's (without loading the lists).  Free pages are in
     * LMDB's free list (database 0): page-number lists whose first word is
     * the count.  Only a read transaction may walk it, so a writer in the
     * middle of a group counts none. */
    ix_state s = ix->st;
    MDB_txn *t = NULL;
    int rc = 0;
    if (ix->o.read_only) {
        rc = ix->txn ? mdb_txn_renew(ix->txn) : mdb_txn_begin(ix->env, NULL, MDB_RDONLY, &ix->txn);
        if (rc) return db_fail(err, ix, "begin a read", rc);
        t = ix->txn;
        if ((rc = read_state(ix, t, &s))) {
            ix_end_read(ix);
            return db_fail(err, ix, "read its state", rc);
        }
    } else if (!ix->txn && mdb_txn_begin(ix->env, NULL, MDB_RDONLY, &t)) {
        t = NULL;
    }
    memset(out, 0, sizeof *out);
    out->format = ND_INDEX_FORMAT;
    out->documents = s.ndocs;
    memcpy(out->verdicts, s.verdicts, sizeof out->verdicts);
    out->with_text = s.with_text;
    out->postings = s.postings;
    char path[4096];
    struct stat sb;
    snprintf(path, sizeof path, "%s/data.mdb", ix->dir);
    if (stat(path, &sb) == 0) out->file_bytes = (uint64_t)sb.st_size;
    MDB_envinfo info;
    MDB_stat ms;
    mdb_env_info(ix->env, &info);
    mdb_env_stat(ix->env, &ms);
    uint64_t free_pages = 0;
    MDB_cursor *c;
    if (t && mdb_cursor_open(t, 0, &c) == 0) {
        MDB_val k, d;
        for (rc = mdb_cursor_get(c, &k, &d, MDB_FIRST); rc == 0; rc = mdb_cursor_get(c, &k, &d, MDB_NEXT)) {
            size_t n;
            if (d.mv_size >= sizeof n) {
                memcpy(&n, d.mv_data, sizeof n);
                free_pages += n;
            }
        }
        mdb_cursor_close(c);
    }
    if (t && t != ix->txn) mdb_txn_abort(t);
    uint64_t pages = (uint64_t)info.me_last_pgno + 1;
    out->used_bytes = (pages > free_pages ? pages - free_pages : 0) * ms.ms_psize;
    ix_end_read(ix);
    return ND_OK;
}

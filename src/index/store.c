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

#define MERGE_EVERY 32768            /* default tail length that triggers a merge into post */
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
    return nd_fail(err, rc == ENOMEM ? ND_ENOMEM : ND_EIO, "index %s: cannot %s: %s", ix->dir, what, mdb_strerror(rc));
}

/* ---- in-memory mirror ------------------------------------------------- */

static void tail_clear(nd_index *ix)
{
    for (uint32_t b = 0; b < IX_BUCKETS; b++) ix->buckets[b].n = 0;
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
    return 0;
}

static int get_u32key(MDB_txn *t, MDB_dbi dbi, uint32_t key, MDB_val *out)
{
    MDB_val k = { sizeof key, &key };
    return mdb_get(t, dbi, &k, out);
}

/* Brings the tail and counters in memory to the state committed in t. */
static int refresh(nd_index *ix, MDB_txn *t, int force)
{
    MDB_val k = { 5, "state" }, d;
    ix_state s = { 0 };
    int rc = mdb_get(t, ix->meta, &k, &d);
    if (rc == 0 && d.mv_size == sizeof s) memcpy(&s, d.mv_data, sizeof s);
    else if (rc != MDB_NOTFOUND) return rc ? rc : MDB_CORRUPTED;
    ix->st = s;
    if (!force && s.ndocs == ix->loaded.ndocs && s.merged == ix->loaded.merged) return 0;
    uint64_t from = ix->loaded.ndocs;
    if (force || s.merged != ix->loaded.merged || s.ndocs < ix->loaded.ndocs) {
        tail_clear(ix);
        from = s.merged;
    }
    MDB_cursor *c;
    if ((rc = mdb_cursor_open(t, ix->tail, &c))) return rc;
    uint32_t docno = (uint32_t)from;
    k = (MDB_val){ sizeof docno, &docno };
    for (rc = mdb_cursor_get(c, &k, &d, MDB_SET_RANGE); rc == 0; rc = mdb_cursor_get(c, &k, &d, MDB_NEXT)) {
        uint32_t dn, pk;
        memcpy(&dn, k.mv_data, sizeof dn);
        if (dn >= s.ndocs) break;
        for (size_t i = 0; i + 4 <= d.mv_size; i += 4) {
            memcpy(&pk, (const char *)d.mv_data + i, 4);
            if (tail_add(ix, dn, pk)) {
                rc = ENOMEM;
                break;
            }
        }
        if (rc) break;
    }
    mdb_cursor_close(c);
    if (rc && rc != MDB_NOTFOUND) return rc;
    for (uint32_t ch = 0; ch < IX_CHUNKS; ch++) {
        uint32_t *dst = ch < IX_CHUNKS / 2 ? ix->df.words + ch * IX_CHUNK : ix->df.bigrams + (ch - IX_CHUNKS / 2) * IX_CHUNK;
        rc = get_u32key(t, ix->counters, ch, &d);
        if (rc == MDB_NOTFOUND) memset(dst, 0, IX_CHUNK * sizeof *dst);
        else if (rc) return rc;
        else if (d.mv_size != IX_CHUNK * sizeof *dst) return MDB_CORRUPTED;
        else memcpy(dst, d.mv_data, d.mv_size);
    }
    ix->df.ndocs = (uint32_t)s.ndocs;
    ix->df_finished = UINT32_MAX;
    memset(ix->dirty, 0, sizeof ix->dirty);
    ix->loaded = s;
    return 0;
}

/* ---- the writer's mirror of `hot` ------------------------------------ */

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
        size_t cap = 2 * ix->hotmap.cap, oldcap = ix->hotmap.cap;
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
    return 0;
}

/* Loads the mirror from the hot table as committed in t. */
static int hot_load(nd_index *ix, MDB_txn *t)
{
    if (!ix->hotmap.v && !(ix->hotmap.v = calloc(ix->hotmap.cap = 1024, sizeof *ix->hotmap.v))) {
        ix->hotmap.cap = 0;
        return ENOMEM;
    }
    memset(ix->hotmap.v, 0, ix->hotmap.cap * sizeof *ix->hotmap.v);
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
    }
    mdb_cursor_close(c);
    return rc == MDB_NOTFOUND ? 0 : rc;
}

/* Whether pkey is hot as of ix->txn, with its count and newest holder in
 * *key.  1, 0, or -1 on a database error. */
static int hot_get(nd_index *ix, uint32_t pkey, ix_key *key)
{
    uint32_t hv[2];
    if (!ix->o.read_only) {
        const ix_hot *e = hot_slot(ix, pkey);
        if (!e->key1) return 0;
        hv[0] = e->count;
        hv[1] = e->newest;
    } else {
        /* a reader's snapshot moves with every commit: it asks the table */
        MDB_val k = { sizeof pkey, &pkey }, d;
        int rc = mdb_get(ix->txn, ix->hot, &k, &d);
        if (rc == MDB_NOTFOUND) return 0;
        if (rc || d.mv_size != sizeof hv) return -1;
        memcpy(hv, d.mv_data, sizeof hv);
    }
    key->hot = 1;
    key->count = hv[0];
    key->newest = hv[1];
    return 1;
}

/* Reloads the committed state (after open or a failed group). */
static int reload(nd_index *ix)
{
    MDB_txn *t;
    int rc = mdb_txn_begin(ix->env, NULL, MDB_RDONLY, &t);
    if (rc) return rc;
    rc = refresh(ix, t, 1);
    if (!rc) rc = hot_load(ix, t);
    mdb_txn_abort(t);
    return rc;
}

void ix_abort(nd_index *ix)
{
    if (ix->txn) mdb_txn_abort(ix->txn);
    ix->txn = NULL;
    ix->postc = NULL;  /* a write transaction's cursors end with it */
    ix->pending = 0;
    if (reload(ix)) ix->loaded.ndocs = UINT64_MAX;  /* forces a full reload at the next begin */
    /* the dropped documents' numbers will be given again */
    if (ix->loaded.ndocs == UINT64_MAX) ix->key_counts.n = 0;
    else if (ix->key_counts.n > ix->loaded.ndocs) ix->key_counts.n = (size_t)ix->loaded.ndocs;
}

nd_status ix_begin(nd_index *ix, nd_error *err)
{
    int rc;
    if (!ix->o.read_only) {
        if (ix->txn) return ND_OK;
        if (ix->loaded.ndocs == UINT64_MAX && (rc = reload(ix))) return db_fail(err, ix, "read its state", rc);
        if ((rc = mdb_txn_begin(ix->env, NULL, 0, &ix->txn))) return db_fail(err, ix, "begin a write", rc);
        if ((rc = mdb_cursor_open(ix->txn, ix->post, &ix->postc))) {
            mdb_txn_abort(ix->txn);
            ix->txn = NULL;
            return db_fail(err, ix, "begin a write", rc);
        }
        return ND_OK;
    }
    rc = ix->txn ? mdb_txn_renew(ix->txn) : mdb_txn_begin(ix->env, NULL, MDB_RDONLY, &ix->txn);
    if (rc) return db_fail(err, ix, "begin a read", rc);
    rc = ix->postc ? mdb_cursor_renew(ix->txn, ix->postc) : mdb_cursor_open(ix->txn, ix->post, &ix->postc);
    if (rc) {
        mdb_txn_reset(ix->txn);
        return db_fail(err, ix, "begin a read", rc);
    }
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
    uint8_t tag = (uint8_t)pkey, from[IX_POSTING_BYTES] = { tag };
    memset(key, 0, sizeof *key);
    int rc = hot_get(ix, pkey, key);
    if (rc) return rc < 0 ? -1 : 0;
    size_t first = ix->hits.n;
    /* The key's run of its bucket starts at the first posting >= (tag, 0).
     * The cursor finds its page; the page's postings are read at once. */
    MDB_val k = { sizeof bucket, &bucket }, d = { sizeof from, from };
    rc = mdb_cursor_get(ix->postc, &k, &d, MDB_GET_BOTH_RANGE);
    if (rc == 0) rc = mdb_cursor_get(ix->postc, &k, &d, MDB_GET_MULTIPLE);
    while (rc == 0) {
        const uint8_t *p = d.mv_data;
        size_t n = d.mv_size / IX_POSTING_BYTES, lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (p[mid * IX_POSTING_BYTES] < tag) lo = mid + 1;
            else hi = mid;
        }
        if (nd_vec_reserve(&ix->hits, n - lo)) return -1;
        for (p += lo * IX_POSTING_BYTES; lo < n && p[0] == tag; lo++, p += IX_POSTING_BYTES)
            ix->hits.v[ix->hits.n++] = (uint32_t)p[1] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 8 | p[4];
        if (lo < n) break;  /* the run ends in this page */
        rc = mdb_cursor_get(ix->postc, &k, &d, MDB_NEXT_MULTIPLE);
    }
    if (rc && rc != MDB_NOTFOUND) return -1;
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
        if (!ix->o.read_only) __builtin_prefetch(&ix->hotmap.v[hot_home(ix, pk)]);
        __builtin_prefetch(&ix->buckets[pk >> 8]);
    }
    if (near < ix->pkeys.n) __builtin_prefetch(ix->buckets[ix->pkeys.v[near] >> 8].v);
}

int ix_key_count(nd_index *ix, uint32_t docno, uint32_t *n)
{
    if (docno < ix->key_counts.n && ix->key_counts.v[docno]) {
        *n = ix->key_counts.v[docno] - 1;
        return 0;
    }
    nd_record r;
    if (ix_record(ix, docno, &r)) return -1;
    *n = r.nkeys;
    if (r.nkeys == UINT32_MAX) return 0;
    if (docno >= ix->key_counts.n) {
        /* a stored document never changes: its count is kept for good */
        if (nd_vec_reserve(&ix->key_counts, docno + 1 - ix->key_counts.n)) return 0;
        memset(ix->key_counts.v + ix->key_counts.n, 0, (docno + 1 - ix->key_counts.n) * sizeof *ix->key_counts.v);
        ix->key_counts.n = docno + 1;
    }
    ix->key_counts.v[docno] = r.nkeys + 1;
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
     * only its count and newest holder matter, kept in `hot`.  The kept
     * keys go over the query's array (it is not read again). */
    uint32_t n = 0;
    for (size_t i = 0; i < ix->pkeys.n; i++) {
        const ix_key *ki = &ix->kinfo.v[i];
        uint32_t pk = ix->pkeys.v[i], hv[2] = { ki->count + 1, docno };
        if (ki->skip) continue;
        if (ki->count + 1 <= ND_ALL_PAIRS_POSTING) {
            ix->pkeys.v[n++] = pk;
            continue;
        }
        if (ki->count >= ND_MAX_POSTING) continue;  /* ignored for good: no need to count on */
        MDB_val hk = { sizeof pk, &pk }, hd = { sizeof hv, hv };
        if (mdb_put(ix->txn, ix->hot, &hk, &hd, 0) || hot_set(ix, pk, hv[0], hv[1])) return -1;
    }
    d = (MDB_val){ (size_t)n * 4, ix->pkeys.v };
    if (n && mdb_put(ix->txn, ix->tail, &k, &d, MDB_APPEND)) return -1;
    for (uint32_t i = 0; i < n; i++)
        if (tail_add(ix, docno, ix->pkeys.v[i])) return -1;
    nd_docfreq_add(&ix->df, c);
    for (uint32_t i = 0; i < c->nvocab; i++) ix->dirty[(c->vocab[i] & 0xFFFFu) / IX_CHUNK] = 1;
    for (uint32_t i = 0; i < c->nbigrams; i++) ix->dirty[IX_CHUNKS / 2 + (c->bigrams[i] & 0xFFFFu) / IX_CHUNK] = 1;
    ix->st.ndocs++;
    ix->st.verdicts[verdict]++;
    ix->st.with_text += has_text != 0;
    ix->st.postings += n;
    ix->pending++;
    return 0;
}

/* Scratch of a merge. */
typedef struct ix_merge {
    ND_VEC(uint8_t) held, out;  /* a bucket's postings in post; merged */
    ND_VEC(uint64_t) tail;      /* its tail postings by tag (document << 8 | tag) */
    uint32_t drop[256 / 32];    /* tags of its keys turned hot since the last merge */
    uint64_t dropped;           /* postings left out */
} ix_merge;

/* The value in post of a tail posting (document << 8 | tag). */
static void posting_value(uint64_t v, uint8_t out[IX_POSTING_BYTES])
{
    uint32_t dn = (uint32_t)(v >> 8);
    out[0] = (uint8_t)v;
    out[1] = (uint8_t)(dn >> 24);
    out[2] = (uint8_t)(dn >> 16);
    out[3] = (uint8_t)(dn >> 8);
    out[4] = (uint8_t)dn;
}

/* Merges bucket's tail postings into post, leaving out m->drop's tags.
 * Without any, they are inserted; else the bucket is rewritten whole: its
 * postings read, the tail's merged in, and written back in one put.  0 or
 * an LMDB error. */
static int merge_bucket(nd_index *ix, ix_merge *m, uint32_t bucket, int dropping)
{
    const ix_bucket *b = &ix->buckets[bucket];
    MDB_val k = { sizeof bucket, &bucket }, d;
    int rc = 0;
    if (!dropping) {
        uint8_t v[IX_POSTING_BYTES];
        for (uint32_t i = 0; !rc && i < b->n; i++) {
            posting_value(b->v[i], v);
            d = (MDB_val){ sizeof v, v };
            rc = mdb_cursor_put(ix->postc, &k, &d, 0);
        }
        return rc;
    }
    m->held.n = 0;
    rc = mdb_cursor_get(ix->postc, &k, &d, MDB_SET);
    int held = rc == 0;
    if (held) rc = mdb_cursor_get(ix->postc, &k, &d, MDB_GET_MULTIPLE);
    for (; rc == 0; rc = mdb_cursor_get(ix->postc, &k, &d, MDB_NEXT_MULTIPLE)) {
        if (nd_vec_reserve(&m->held, d.mv_size)) return ENOMEM;
        memcpy(m->held.v + m->held.n, d.mv_data, d.mv_size);
        m->held.n += d.mv_size;
    }
    if (rc != MDB_NOTFOUND) return rc;
    /* the tail's postings by tag, each tag's still in document order */
    uint32_t at[257] = { 0 };
    if (nd_vec_reserve(&m->tail, b->n) || nd_vec_reserve(&m->out, m->held.n + (size_t)b->n * IX_POSTING_BYTES))
        return ENOMEM;
    for (uint32_t i = 0; i < b->n; i++) at[(uint8_t)b->v[i] + 1]++;
    for (unsigned t = 0; t < 256; t++) at[t + 1] += at[t];
    for (uint32_t i = 0; i < b->n; i++) m->tail.v[at[(uint8_t)b->v[i]]++] = b->v[i];
    /* a tag's postings in post come first: their documents are older */
    const uint8_t *h = m->held.v, *end = h + m->held.n;
    m->out.n = 0;
    for (uint32_t j = 0; h < end || j < b->n;) {
        uint8_t t[IX_POSTING_BYTES];
        const uint8_t *p = h;
        if (h < end && (j == b->n || h[0] <= (uint8_t)m->tail.v[j])) {
            h += IX_POSTING_BYTES;
        } else {
            posting_value(m->tail.v[j++], t);
            p = t;
        }
        if (m->drop[p[0] / 32] >> (p[0] % 32) & 1) {
            m->dropped++;
        } else {
            memcpy(m->out.v + m->out.n, p, IX_POSTING_BYTES);
            m->out.n += IX_POSTING_BYTES;
        }
    }
    if (!b->n && m->out.n == m->held.n) return 0;  /* unchanged */
    k = (MDB_val){ sizeof bucket, &bucket };  /* the cursor pointed it into the page */
    if (held && (rc = mdb_del(ix->txn, ix->post, &k, NULL))) return rc;
    MDB_val many[2] = { { IX_POSTING_BYTES, m->out.v }, { m->out.n / IX_POSTING_BYTES, NULL } };
    return m->out.n ? mdb_cursor_put(ix->postc, &k, many, MDB_MULTIPLE | MDB_APPENDDUP) : 0;
}

/* Merges the tail into post, bucket by bucket, and empties it.  Postings of
 * keys that turned hot since the last merge are left out, and taken out of
 * post: a lookup stops at `hot` and never reads them again. */
static int merge(nd_index *ix)
{
    ix_merge m = { 0 };
    ND_VEC(uint32_t) gone = { 0 };  /* those keys, sorted; then the sort's scratch */
    int rc = 0;
    for (size_t i = 0; i < ix->hotmap.cap && !rc; i++)
        if (ix->hotmap.v[i].fresh && nd_vec_push(&gone, ix->hotmap.v[i].key1 - 1)) rc = ENOMEM;
    if (!rc && nd_vec_reserve(&gone, gone.n)) rc = ENOMEM;
    if (!rc) nd_sort_u32(gone.v, (uint32_t)gone.n, gone.v + gone.n);
    size_t g = 0;
    for (uint32_t bucket = 0; !rc && bucket < IX_BUCKETS; bucket++) {
        memset(m.drop, 0, sizeof m.drop);
        int dropping = 0;
        for (; g < gone.n && gone.v[g] >> 8 == bucket; g++, dropping = 1) m.drop[gone.v[g] % 256 / 32] |= 1u << gone.v[g] % 32;
        if (ix->buckets[bucket].n || dropping) rc = merge_bucket(ix, &m, bucket, dropping);
    }
    nd_vec_free(&m.held);
    nd_vec_free(&m.out);
    nd_vec_free(&m.tail);
    nd_vec_free(&gone);
    if (!rc) rc = mdb_drop(ix->txn, ix->tail, 0);
    if (rc) return rc;
    ix->st.merged = ix->st.ndocs;
    ix->st.postings -= m.dropped;
    tail_clear(ix);
    for (size_t i = 0; i < ix->hotmap.cap; i++) ix->hotmap.v[i].fresh = 0;
    return 0;
}

nd_status nd_index_commit(nd_index *ix, nd_error *err)
{
    if (ix->o.read_only || !ix->txn) return ND_OK;
    int rc = 0;
    for (uint32_t ch = 0; ch < IX_CHUNKS && !rc; ch++) {
        if (!ix->dirty[ch]) continue;
        const uint32_t *src = ch < IX_CHUNKS / 2 ? ix->df.words + ch * IX_CHUNK : ix->df.bigrams + (ch - IX_CHUNKS / 2) * IX_CHUNK;
        MDB_val k = { sizeof ch, &ch }, d = { IX_CHUNK * sizeof *src, (void *)src };
        rc = mdb_put(ix->txn, ix->counters, &k, &d, 0);
    }
    if (!rc && ix->st.ndocs - ix->st.merged >= ix->merge_every) rc = merge(ix);
    MDB_val k = { 5, "state" }, d = { sizeof ix->st, &ix->st };
    if (!rc) rc = mdb_put(ix->txn, ix->meta, &k, &d, 0);
    if (!rc) rc = mdb_txn_commit(ix->txn);
    else mdb_txn_abort(ix->txn);
    ix->txn = NULL;
    ix->postc = NULL;
    if (rc) {
        uint32_t lost = ix->pending;
        ix_abort(ix);
        nd_fail(err, rc == ENOMEM ? ND_ENOMEM : ND_EIO, "index %s: cannot commit %u documents: %s", ix->dir, lost,
                mdb_strerror(rc));
        return err ? err->code : ND_EIO;
    }
    ix->pending = 0;
    memset(ix->dirty, 0, sizeof ix->dirty);
    ix->loaded = ix->st;
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
        { "post", MDB_INTEGERKEY | MDB_DUPSORT | MDB_DUPFIXED, offsetof(nd_index, post) },
        { "tail", MDB_INTEGERKEY, offsetof(nd_index, tail) },
        { "hot", MDB_INTEGERKEY, offsetof(nd_index, hot) },
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
    if (!st && !ix->o.read_only && (rc = reload(ix))) st = db_fail(err, ix, "read its state", rc);
    if (st) {
        nd_index_close(ix);
        return NULL;
    }
    return ix;
}

void nd_index_close(nd_index *ix)
{
    if (!ix) return;
    if (ix->o.read_only && ix->postc) mdb_cursor_close(ix->postc);  /* a write transaction's go with it */
    if (ix->txn) mdb_txn_abort(ix->txn);
    if (ix->env) mdb_env_close(ix->env);
    if (ix->lockfd >= 0) close(ix->lockfd);
    nd_docfreq_free(&ix->df);
    for (uint32_t b = 0; ix->buckets && b < IX_BUCKETS; b++) free(ix->buckets[b].v);
    free(ix->buckets);
    nd_vec_free(&ix->hotmap);
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
    /* a reader looks at the last commit; a writer knows its state */
    nd_status st = ix->o.read_only ? ix_begin(ix, err) : ND_OK;
    if (st) return st;
    memset(out, 0, sizeof *out);
    out->format = ND_INDEX_FORMAT;
    out->documents = ix->st.ndocs;
    memcpy(out->verdicts, ix->st.verdicts, sizeof out->verdicts);
    out->with_text = ix->st.with_text;
    out->postings = ix->st.postings;
    out->merged = ix->st.merged;
    char path[4096];
    struct stat sb;
    snprintf(path, sizeof path, "%s/data.mdb", ix->dir);
    if (stat(path, &sb) == 0) out->file_bytes = (uint64_t)sb.st_size;
    /* Free pages: LMDB's free list (database 0) holds page-number lists
     * whose first word is the count.  Only a read transaction may walk it,
     * so a writer in the middle of a group counts none. */
    MDB_envinfo info;
    MDB_stat ms;
    mdb_env_info(ix->env, &info);
    mdb_env_stat(ix->env, &ms);
    MDB_txn *t = ix->o.read_only ? ix->txn : NULL;
    if (!ix->o.read_only && !ix->txn && mdb_txn_begin(ix->env, NULL, MDB_RDONLY, &t)) t = NULL;
    uint64_t free_pages = 0;
    MDB_cursor *c;
    if (t && mdb_cursor_open(t, 0, &c) == 0) {
        MDB_val k, d;
        for (int rc = mdb_cursor_get(c, &k, &d, MDB_FIRST); rc == 0; rc = mdb_cursor_get(c, &k, &d, MDB_NEXT)) {
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

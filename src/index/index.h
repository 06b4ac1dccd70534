/* The ingest index: its LMDB tables, the state kept in memory beside them,
 * and the calls the query and filter code build on.
 *
 * Tables (named LMDB databases in one environment):
 *   meta      "format" -> u32 version; "state" -> ix_state
 *   docs      u32 document number -> record (record.h); numbers count up from 0
 *   ids       document id -> u32 document number
 *   keys      u32 document number -> varints: its number of candidate
 *             keys, how many it is listed under, and those (sorted) as
 *             differences from the one before
 *   hot       u32 projected key -> {documents, newest document}: keys held by
 *             more than ND_ALL_PAIRS_POSTING documents, whose lists are no
 *             longer read nor kept, as of documents [0, ix_state.checkpoint)
 *   hotlog    u32 document number -> the (key, documents) pairs it set in
 *             the hot keys: documents since the checkpoint
 *   counters  u32 chunk -> 256 u32 document-frequency counters of documents
 *             [0, ix_state.checkpoint); the rest are counted from their
 *             records when the index is read
 *
 * A candidate key is projected to 24 bits (a bijective mix, then the top 24
 * bits): 16 bits choose the bucket, 8 are the tag kept in the posting.
 * A document is also indexed under slot keys: the value of each even slot
 * of its sketch (nd_keys_sketch: scan's MinHash of its candidate keys) with
 * its slot, projected the same way with IX_SLOT_KEY set, so that slot keys
 * have buckets of their own.  The holders of a slot key are the documents
 * whose sketch agrees with the query's in that slot; each window of
 * ND_SKETCH_TRIES slots holds two even ones.  Where a slot's value is hot
 * (often: a sketch value is the least hash of all the document's keys,
 * common ones included), the document is indexed under a pair key too:
 * the value with the next slot's, which splits that list.  A hot candidate
 * key held by at most nd_posting_rare documents pairs through those
 * agreements, as scan pairs a rare long list; a longer one pairs the query
 * with its newest holder.
 *
 * Between checkpoints (every CHECKPOINT_EVERY documents) every table is
 * written by appends only, so a commit writes few pages however large the
 * index is; nothing is rewritten as it grows.  The posting lists live in
 * memory, built from `keys` when the index is opened (about 1.6 s a
 * million documents) and extended as
 * documents arrive: a tail of recent documents, bucket by bucket in
 * document order, merged every MERGE_EVERY documents into arrays sorted by
 * bucket, tag and document, where a lookup finds its key's run by binary
 * search.  The hot keys live in memory too, loaded from `hot` and `hotlog`;
 * readers bring both up to each commit they see. */
#ifndef ND_INDEX_INTERNAL_H
#define ND_INDEX_INTERNAL_H
#include <lmdb.h>
#include <stdint.h>

#include "newsdup.h"
#include "../candidates/index.h"
#include "../fingerprint/docfreq.h"
#include "../fingerprint/features.h"
#include "../tokenise/tokenise.h"
#include "../util/arena.h"
#include "../util/vec.h"
#include "../verify/align.h"
#include "record.h"

#define IX_SLOT_KEY (1u << 24)         /* set in the projection of a slot or pair key */
#define IX_SLOT_KEYS (ND_SKETCH_SLOTS / 2)  /* the even slots (half the postings); pair keys use the odd */
#define IX_BUCKETS (2u << 16)         /* 16 bits of candidate keys' buckets, then slot keys' */
#define IX_DF_BITS 16                 /* counters per kind: the compact hashes' range */
#define IX_CHUNK 256                  /* counters per row of the counters table */
#define IX_CHUNKS ((2u << IX_DF_BITS) / IX_CHUNK)  /* words, then bigrams */
#define IX_AHEAD 8                    /* keys ahead whose lookups ix_prefetch starts */

typedef struct ix_state {
    uint64_t ndocs;         /* committed documents */
    uint64_t checkpoint;    /* documents the counters and hot tables hold */
    uint64_t verdicts[3];
    uint64_t with_text;
    uint64_t postings;
} ix_state;


/* What the index holds for one projected key of the query. */
typedef struct ix_key {
    uint32_t count;         /* documents holding it */
    uint32_t newest;        /* the last of them (hot keys) */
    uint8_t hot;
    uint8_t skip;           /* not stored under it: a pair key of a slot not hot */
} ix_key;

/* An entry of the writer's mirror of `hot`. */
typedef struct ix_hot {
    uint32_t key1;          /* projected key + 1; 0 for an empty entry */
    uint32_t count, newest;
    uint8_t fresh;          /* may still have postings: hot since the last merge (or the last load) */
    uint8_t dirty;          /* changed since the last checkpoint */
} ix_hot;

/* The posting lists of documents [0, nd_index.merged). */
typedef struct ix_lists {
    uint64_t *off;          /* IX_BUCKETS + 1: bucket b's postings are [off[b], off[b + 1]) */
    uint8_t *tag;           /* each bucket's sorted by tag, then document */
    uint32_t *doc;
    uint64_t n;
} ix_lists;

typedef struct ix_bucket {
    uint64_t *v;            /* document number << 8 | tag, in document order */
    uint32_t n, cap;
} ix_bucket;

/* A stored document met by the query's keys: shared candidate keys and the
 * sketch slots that agree (bit s for slot s). */
typedef struct ix_tally {
    uint32_t docno1;        /* document number + 1; 0 for an empty entry */
    uint32_t shared;
    uint32_t agree;
} ix_tally;

typedef struct ix_match {
    uint32_t docno;
    uint32_t shared;
    nd_pair_score s;
    uint8_t stored_verdict;
} ix_match;

struct nd_index {
    nd_index_options o;
    char *dir;
    int lockfd;
    MDB_env *env;
    MDB_dbi meta, docs, ids, dockeys, hot, hotlog, counters;
    MDB_txn *txn;           /* writer: the open group (NULL between groups); reader: the snapshot */
    uint32_t pending;       /* documents added in txn */
    uint32_t merge_every;   /* tail documents that trigger a merge (tests lower it) */
    uint32_t checkpoint_every;  /* documents between checkpoints of the counters and hot keys (tests lower it) */
    uint32_t corpus_scale;  /* the rare-list rule sees the corpus this many times larger (1; tests raise it) */
    ix_state st;            /* as of txn (writer: including pending) */
    ix_state loaded;        /* reader: what the in-memory state mirrors */

    nd_docfreq df;          /* counts of documents [0, df_docs) */
    uint64_t df_docs;
    uint32_t df_finished;   /* df.table holds weights for this many documents */
    ix_lists lists;         /* postings of documents [0, merged) */
    ix_bucket *buckets;     /* IX_BUCKETS: the postings of documents [merged, inmem) */
    uint64_t merged, inmem;
    uint64_t tail_postings; /* in buckets */
    ND_VEC(ix_hot) hotmap;  /* the hot keys of documents [0, hot_docs), open addressing (n counts entries, cap a power of 2) */
    uint64_t hot_docs;
    uint64_t hot_checkpoint;  /* the checkpoint the hot table held when loaded */
    ND_VEC(uint32_t) hotrow;  /* the hot log row of the document being stored */
    nd_bytes row;             /* and its key row */
    ND_VEC(uint32_t) key_counts; /* documents [0, inmem): their candidate keys (the key row's first word) */

    /* scratch of one query */
    nd_arena arena;         /* decoded text */
    nd_tokeniser *tk;
    nd_tokens tokens;
    nd_features full, compact, stored;
    uint32_t *keys, nkeys, capkeys;
    uint32_t slotkeys[IX_SLOT_KEYS];  /* the query's slot keys, by indexed slot */
    uint32_t pairkeys[IX_SLOT_KEYS];  /* and the keys of each with the next slot's value */
    uint32_t nq;                /* its candidate keys: the first nq of pkeys */
    ND_VEC(uint32_t) pkeys;     /* the query's projected keys, sorted unique: candidate keys, then slot and pair keys */
    ND_VEC(ix_key) kinfo;       /* per pkey: what the index holds for it */
    ND_VEC(uint32_t) hits;      /* document numbers sharing one key */
    ND_VEC(uint64_t) shared;    /* document number << 32 | agreeing slots, one per key (slots 0: a candidate key) */
    ND_VEC(ix_tally) counts;    /* hash table tallying them by document */
    ND_VEC(ix_match) cands;
    nd_alignment al;
    nd_bytes rec;
    nd_arena answer_arena;  /* strings of the last answer */
    ND_VEC(nd_index_match) matches;
};

/* Mix of a candidate key cut to 24 bits: bucket (high 16) and tag (low 8). */
uint32_t ix_project_key(uint32_t key);
/* The key of sketch value `value` in slot `slot` (a pair key: the odd slot
 * after its even one): a projection with IX_SLOT_KEY set. */
uint32_t ix_slot_key(unsigned slot, uint32_t value);

/* Starts the writer's group transaction or the reader's snapshot (refreshing
 * the in-memory state to it).  ND_OK or ND_EIO / ND_ENOMEM with err set. */
nd_status ix_begin(nd_index *ix, nd_error *err);
/* Ends a reader's snapshot (no-op for a writer). */
void ix_end_read(nd_index *ix);
/* Writer: drops the group and reloads the committed state. */
void ix_abort(nd_index *ix);

/* What the index holds for pkey in *k; for a key that is not hot, its
 * documents (merged, then tail) are appended to ix->hits, from memory.
 * 0, or -1 when out of memory. */
int ix_postings(nd_index *ix, uint32_t pkey, ix_key *k);

/* Starts the memory reads ix_postings will make for the query's keys after
 * ix->pkeys.v[i], so that they do not wait on them one by one (the lists
 * are large and read at random): the hot entry, tail bucket and list
 * offsets of the key IX_AHEAD on, the postings of the one half as far. */
void ix_prefetch(const nd_index *ix, size_t i);

/* Stores document ix->st.ndocs: its record bytes (ix->rec), id, its keys
 * (ix->pkeys, with ix->kinfo as the query found them), and the counts of
 * compact features c.  0 or -1. */
int ix_store(nd_index *ix, const char *id, size_t idlen, const nd_features *c, int verdict, int has_text);

/* A key row: the document's candidate key count nq and the n sorted keys
 * it is listed under, in out (reset first).  0 or -1 (out of memory). */
int ix_row_encode(uint32_t nq, const uint32_t *keys, uint32_t n, nd_bytes *out);
/* Reads a key row p[0..n) into *nq and keys[0..*nkeys) (room for n values
 * needed).  0, or -1 when it is damaged (keys out of range or unsorted). */
int ix_row_decode(const void *p, size_t n, uint32_t *nq, uint32_t *keys, size_t *nkeys);

/* Document number of id, or UINT32_MAX when absent (-1 on error in *rc). */
uint32_t ix_lookup_id(nd_index *ix, const char *id, size_t idlen, int *rc);
/* Record of document docno; pointers valid until the next write.  0 or -1. */
int ix_record(nd_index *ix, uint32_t docno, nd_record *r);
/* The number of candidate keys of document docno, in *n.  0, or -1 for a
 * document not in memory. */
int ix_key_count(const nd_index *ix, uint32_t docno, uint32_t *n);
#endif

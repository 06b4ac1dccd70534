/*
 * newsdup: find near-duplicate news articles (copies, rewrites, paraphrases),
 * name the origin of each group, and audit the claims that drift between an
 * origin and its rewrites.
 *
 * Pipeline: read -> normalise -> tokenise -> fingerprint -> candidates ->
 * verify -> cluster -> audit -> report.  A caller builds an nd_corpus, adds
 * documents (from memory or from paths), then asks for an nd_result.
 *
 * Conventions:
 *  - The library never exits and never writes to stdout/stderr on its own.
 *    Report functions write only to the FILE* the caller hands them.
 *  - Every fallible call takes an nd_error* (may be NULL) that receives a
 *    human-readable message naming what went wrong.
 *  - Objects returned by *_new/_scan are owned by the caller and released with
 *    the matching *_free.  Pointers returned by accessors live as long as the
 *    object they were read from.
 *  - Document indices are 0-based, in the order documents were accepted.
 *  - Text offsets are byte offsets into the document's text as stored (valid
 *    UTF-8; a Windows-1252 input is stored converted, see nd_doc_text()).
 *  - No global mutable state: separate corpora may be used from separate
 *    threads.
 */
#ifndef NEWSDUP_H
#define NEWSDUP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ND_VERSION_STRING "0.1.0"

typedef enum nd_status {
    ND_OK = 0,
    ND_EINVAL,   /* bad argument or option */
    ND_ENOMEM,   /* allocation failed */
    ND_EIO,      /* a path could not be opened or read */
    ND_EFORMAT,  /* malformed input (broken JSON, missing field) */
    ND_EDUP,     /* a document with this id was already added */
    ND_EEMPTY,   /* document has no text to compare */
    ND_EBINARY,  /* document looks like binary data, not text */
    ND_ETOOBIG   /* document or line exceeds a configured limit */
} nd_status;

typedef struct nd_error {
    nd_status code;
    char message[512];
} nd_error;

/* Progress report, delivered through nd_options.progress (may be NULL). */
typedef struct nd_progress {
    const char *stage;      /* "read", "fingerprint", "candidates", "verify", "cluster", "audit" */
    uint64_t done, total;   /* units of the stage; total 0 when unknown */
    uint64_t bytes;         /* input bytes read so far */
} nd_progress;

typedef struct nd_options {
    size_t max_doc_bytes;    /* larger documents are skipped (ND_ETOOBIG); default 16 MiB */
    size_t max_line_bytes;   /* longer JSONL lines are skipped; default 64 MiB */
    uint32_t max_sentences;  /* sentences past this are ignored when comparing; default 5000 */
    double copy_threshold;   /* 5-word-shingle containment that makes a copy; default 0.5 */
    double rewrite_threshold;/* derivation score that makes a rewrite; default 0.20 (README) */
    double related_threshold;/* content overlap that makes independent coverage "related" */
    unsigned threads;        /* worker threads for the scan; 0 = one per core.  The result is the same for any count */
    int keep_text;           /* 1 (default): the corpus keeps every text, as the audit, the HTML report
                                and nd_compare_* need.  0: a corpus for one nd_scan: texts are
                                fingerprinted as they are added, a batch at a time over the threads,
                                and dropped (nd_doc_text then gives NULL); the scan takes the
                                fingerprints, so the corpus takes no more documents and no second
                                scan (ND_EINVAL).  Memory holds about 2.5 KB an article at the
                                scan's peak instead of its text and more */
    void (*progress)(void *ctx, const nd_progress *p);
    void *progress_ctx;
} nd_options;

/* Fills *opt with the defaults documented above. */
void nd_options_default(nd_options *opt);

/* Optional per-document metadata; any field may be NULL.  published is ISO 8601. */
typedef struct nd_doc_meta {
    const char *title;
    const char *url;
    const char *source;
    const char *published;
} nd_doc_meta;

typedef struct nd_corpus nd_corpus;

/* Creates an empty corpus; opt NULL means defaults.  NULL on failure (err says why). */
nd_corpus *nd_corpus_new(const nd_options *opt, nd_error *err);

/* Releases the corpus and everything read from it.  NULL is allowed. */
void nd_corpus_free(nd_corpus *c);

/* Adds one document, copying id, text and meta.  Returns ND_OK or the reason
 * this document was rejected (duplicate id, empty, binary, too big, bad date);
 * a rejected document is also recorded in the skipped list, and the corpus
 * stays usable.  Text that is not valid UTF-8 is decoded as Windows-1252 and a
 * warning is recorded. */
nd_status nd_corpus_add(nd_corpus *c, const char *id, const char *text, size_t len,
                        const nd_doc_meta *meta, nd_error *err);

/* Adds documents from a path: a text file (id = the path as given), a .json
 * file holding one document object, a
 * directory (recursive, hidden entries skipped, id = path relative to dir),
 * a *.jsonl or *.jsonl.gz file (one JSON object a line with "id" and "text"),
 * or "-" for JSON Lines on stdin.  Bad documents inside are skipped and
 * recorded; the call fails (ND_EIO) only when the path itself cannot be read. */
nd_status nd_corpus_add_path(nd_corpus *c, const char *path, nd_error *err);

/* Adds documents from a JSON Lines stream; name is used in messages. */
nd_status nd_corpus_add_jsonl(nd_corpus *c, FILE *in, const char *name, nd_error *err);

/* Documents accepted so far. */
uint32_t nd_corpus_size(const nd_corpus *c);

/* Id and text of document i (i < nd_corpus_size); *len receives the length. */
const char *nd_doc_id(const nd_corpus *c, uint32_t i);
const char *nd_doc_text(const nd_corpus *c, uint32_t i, size_t *len);
/* Metadata of document i as given (fields may be NULL). */
const nd_doc_meta *nd_doc_meta_of(const nd_corpus *c, uint32_t i);

/* Documents that were rejected, and non-fatal warnings, with their reasons.
 * Strings live as long as the corpus. */
typedef struct nd_notice {
    const char *id;       /* document id, or the path when no id is known */
    const char *message;
} nd_notice;
size_t nd_corpus_nskipped(const nd_corpus *c);
const nd_notice *nd_corpus_skipped(const nd_corpus *c, size_t i);
size_t nd_corpus_nwarnings(const nd_corpus *c);
const nd_notice *nd_corpus_warning(const nd_corpus *c, size_t i);

/* ---- results ---------------------------------------------------------- */

typedef enum nd_relation { ND_ORIGIN = 0, ND_COPY, ND_REWRITE } nd_relation;

typedef struct nd_member {
    uint32_t doc;
    nd_relation relation;
    float similarity;   /* to the origin, 0..1; 1 for the origin itself */
    uint32_t parent;    /* the member it derives from most directly (origin for most) */
} nd_member;

typedef enum nd_drift_type {
    ND_DRIFT_ATTRIBUTION_CHANGED = 0,
    ND_DRIFT_ATTRIBUTION_DROPPED,
    ND_DRIFT_ATTRIBUTION_TO_ORG,
    ND_DRIFT_NUMBER_CHANGED,
    ND_DRIFT_ROLE_CHANGED,
    ND_DRIFT_HEDGE_REMOVED,
    ND_DRIFT_QUOTE_ALTERED,
    ND_DRIFT_NTYPES
} nd_drift_type;

/* Stable lower_case name of a drift type ("attribution_changed", ...). */
const char *nd_drift_type_name(nd_drift_type t);

typedef struct nd_drift {
    uint32_t doc;                 /* the rewrite */
    nd_drift_type type;
    const char *origin_speaker;   /* NULL when none */
    const char *rewrite_speaker;  /* person or organisation; NULL when none */
    uint32_t origin_span[2];      /* [start, end) of the origin sentence */
    uint32_t rewrite_span[2];     /* [start, end) of the rewrite sentence */
    const char *detail;           /* one line: what changed */
    float confidence;
} nd_drift;

typedef struct nd_cluster {
    uint32_t id;                  /* 1-based, stable for the same input */
    uint32_t origin;              /* document index */
    const char *origin_reason;
    nd_member *members;           /* origin first, then by similarity, then id */
    uint32_t nmembers;
    nd_drift *drifts;             /* filled by nd_audit(); NULL before */
    uint32_t ndrifts;
} nd_cluster;

/* Independent coverage of the same story: similar, not derived. */
typedef struct nd_related {
    uint32_t a, b;
    float similarity;
} nd_related;

/* The bytes a scan's own structures held (texts, ids and metadata are the
 * corpus's and not counted): every document's fingerprints (compact
 * features and records), the candidate index (lists, sketches, key counts),
 * and on top of those, the most held while the index was built (the keys
 * being placed) and while candidates were counted (a block of pairs); peak
 * is the most held at once. */
typedef struct nd_scan_memory {
    uint64_t fingerprints, index, building, counting, peak;
} nd_scan_memory;

typedef struct nd_result {
    uint32_t ndocs;
    nd_cluster *clusters;
    size_t nclusters;
    nd_related *related;
    size_t nrelated;
    int audited;                  /* 1 once nd_audit() filled the drifts */
    nd_scan_memory memory;        /* nd_scan's; zero from nd_compare_to */
} nd_result;

/* Runs fingerprint -> candidates -> verify -> cluster over every document.
 * The result is owned by the caller (nd_result_free) and must not outlive c. */
nd_result *nd_scan(nd_corpus *c, nd_error *err);

/* Builds one cluster with `origin` as its origin and every other document as
 * a member, without clustering (for "audit --origin"); relations and
 * similarities are still measured. */
nd_result *nd_compare_to(nd_corpus *c, uint32_t origin, nd_error *err);

/* Fills the drifts of every cluster of r (compares each copy/rewrite with
 * its origin).  ND_OK or an error; r stays valid either way. */
nd_status nd_audit(nd_corpus *c, nd_result *r, nd_error *err);

void nd_result_free(nd_result *r);

/* Measures one pair, as the verify stage does (for tools and tests). */
typedef struct nd_pair_score {
    float shingle;     /* 5-word-shingle containment of the shorter text */
    float bigram;      /* content-bigram containment of the shorter text */
    float aligned;     /* order-preserving sentence alignment coverage */
    float overlap;     /* content-word overlap (topic similarity) */
    float similarity;  /* the combined score reported to users */
    int derived;       /* 1 copy-or-rewrite, 0 not */
    nd_relation relation;
    int related;       /* 1 when not derived but on the same story */
} nd_pair_score;
nd_status nd_compare_pair(nd_corpus *c, uint32_t a, uint32_t b, nd_pair_score *out, nd_error *err);

/* ---- report ----------------------------------------------------------- */

typedef enum nd_format { ND_FORMAT_TEXT = 0, ND_FORMAT_JSON, ND_FORMAT_CSV, ND_FORMAT_HTML } nd_format;

/* Parses "text", "json", "csv", "html"; returns -1 for anything else. */
int nd_format_parse(const char *name);

/* Writes r in the given format to out (JSON schema: README).  Drifts are
 * included when r->audited.  ND_EIO when writing fails. */
nd_status nd_report_write(FILE *out, const nd_corpus *c, const nd_result *r,
                          nd_format fmt, nd_error *err);

/* ==== ingest index =======================================================
 * A persistent index (LMDB) that answers each incoming article at once:
 * is it new, or a copy or rewrite of an article seen before?  Verdicts use
 * scan's features, candidate keys and verify thresholds against a compact
 * form of each stored article (see README, "Ingest filter").
 *
 * One writer at a time per index directory (a second is refused);
 * any number of readers alongside it, each answering from the last
 * committed state.  Documents added by the writer become durable, and
 * visible to readers, at nd_index_commit(). */

#define ND_INDEX_FORMAT 5        /* on-disk format version this library reads and writes */

typedef struct nd_index nd_index;

typedef enum nd_index_sync {
    ND_SYNC_FULL = 0,  /* every commit is flushed to disk before it returns */
    ND_SYNC_GROUP,     /* data flushed, the commit record at the next commit: power loss may lose the last commit */
    ND_SYNC_NONE       /* the OS writes when it likes: a process crash loses nothing, power loss recent commits */
} nd_index_sync;

typedef struct nd_index_options {
    int read_only;        /* open an existing index for queries only */
    int store_text;       /* keep added documents' text in the index too (verdicts do not change) */
    nd_index_sync sync;
    nd_options opt;       /* limits and thresholds, as for a corpus */
} nd_index_options;

/* Fills *o with the defaults: writer, no text, ND_SYNC_FULL, nd_options_default. */
void nd_index_options_default(nd_index_options *o);

typedef enum nd_verdict {
    ND_VERDICT_NEW = 0,   /* derived from no stored document */
    ND_VERDICT_COPY,      /* mostly verbatim copy of `of` */
    ND_VERDICT_REWRITE,   /* paraphrase of `of` */
    ND_VERDICT_SEEN       /* its id is already in the index: not added again */
} nd_verdict;

/* Stable name: "new", "copy", "rewrite", "seen". */
const char *nd_verdict_name(nd_verdict v);

typedef struct nd_index_match {
    const char *id;       /* the stored document */
    nd_relation relation; /* ND_COPY or ND_REWRITE */
    float similarity;
} nd_index_match;

typedef struct nd_index_answer {
    nd_verdict verdict;
    nd_verdict was;               /* ND_VERDICT_SEEN: the verdict it got when added; else = verdict */
    const char *of;               /* the stored document it derives from; NULL for new */
    float similarity;             /* to `of`; 0 for new */
    const nd_index_match *matches;/* every stored document it derives from, best first */
    size_t nmatches;
} nd_index_answer;

/* Opens the index in directory dir, creating it (and dir) when absent unless
 * o->read_only.  o NULL means defaults.  NULL on failure: ND_EIO (cannot
 * open or create it, or another process is writing it: the message says
 * which), ND_EFORMAT (not an index, or one of another format version; the
 * message names both). */
nd_index *nd_index_open(const char *dir, const nd_index_options *o, nd_error *err);

/* Closes the index.  Documents added since the last commit are dropped
 * (never half-written).  NULL is allowed. */
void nd_index_close(nd_index *ix);

/* Judges one document against the index and adds it (writer only).  id seen
 * before: verdict ND_VERDICT_SEEN, nothing added.  The answer's strings live
 * until the next call on ix.  Returns ND_OK, or why the document was
 * rejected (ND_EEMPTY, ND_EBINARY, ND_ETOOBIG, ND_EFORMAT for a bad date or
 * id; the index stays usable), or ND_EIO/ND_ENOMEM when the index could not
 * be written: then every document added since the last commit is dropped. */
nd_status nd_index_add(nd_index *ix, const char *id, const char *text, size_t len,
                       const nd_doc_meta *meta, nd_index_answer *out, nd_error *err);

/* Makes the documents added since the last commit durable (per the sync
 * mode) and visible to readers.  ND_OK, or ND_EIO: they are dropped. */
nd_status nd_index_commit(nd_index *ix, nd_error *err);

/* Documents added since the last commit. */
uint32_t nd_index_pending(const nd_index *ix);

/* Judges a document without adding it; id may be NULL (no "seen" check).
 * A reader answers from the index as last committed.  Same returns as
 * nd_index_add, ND_EIO meaning the index could not be read. */
nd_status nd_index_query(nd_index *ix, const char *id, const char *text, size_t len,
                         nd_index_answer *out, nd_error *err);

typedef struct nd_index_stats {
    uint32_t format;         /* ND_INDEX_FORMAT */
    uint64_t documents;      /* committed (a writer: plus pending) */
    uint64_t verdicts[3];    /* documents added as new, copy, rewrite */
    uint64_t with_text;      /* documents whose text is kept */
    uint64_t postings;       /* candidate keys stored */
    uint64_t file_bytes;     /* size of the database file */
    uint64_t used_bytes;     /* pages in use (file_bytes less free space) */
} nd_index_stats;

/* Counts of the index.  ND_OK or ND_EIO. */
nd_status nd_index_stats_get(nd_index *ix, nd_index_stats *st, nd_error *err);

/* The JSON Lines filter: takes one input line (without its newline) and
 * returns the output line (without newline; malloc'd, the caller frees):
 * the input object with "newsdup": {"verdict": ..., "of": ..., "similarity":
 * ...} added last, or {"verdict": "error", "error": why} for a line that
 * holds no usable document (why names lineno).  line NULL stands for a line
 * of len bytes that was too long to keep.  A writer adds the document, a
 * read-only index only judges it.  *flags receives ND_FILTER_* bits.  NULL
 * with err set when out of memory or the index failed (ND_EIO: see
 * nd_index_add). */
#define ND_FILTER_ADDED 1u      /* the line added a document: print it only after nd_index_commit */
#define ND_FILTER_DUPLICATE 2u  /* a copy or rewrite (also one seen before) */
char *nd_index_filter_line(nd_index *ix, const char *line, size_t len, uint64_t lineno, unsigned *flags,
                           nd_error *err);

#ifdef __cplusplus
}
#endif
#endif

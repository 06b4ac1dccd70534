/* Judging a document against the index: scan's features and candidate keys,
 * the candidates' compact features, scan's verify thresholds. */
#include <stdlib.h>
#include <string.h>

#include "index.h"
#include "../candidates/keys.h"
#include "../normalise/decode.h"
#include "../read/corpus.h"
#include "../util/error.h"
#include "../util/sort.h"
#include "../verify/verify.h"

/* The scan's candidate rules come from src/candidates/index.h. */
#define MAX_VERIFY 256           /* candidates verified per document, most shared keys first */
#define FULL_AGREEMENT 4         /* agreeing sketch slots at which all met rare keys count */

_Static_assert(ND_SKETCH_SLOTS == 32, "agreeing slots are a 32-bit mask, rotated as one");

static const char *const verdict_names[] = { "new", "copy", "rewrite", "seen" };

const char *nd_verdict_name(nd_verdict v)
{
    return (unsigned)v < 4 ? verdict_names[v] : "?";
}

/* The document's full features in ix->full and compact ones in ix->compact,
 * its projected keys in ix->pkeys (candidate keys, then the slot and pair
 * keys of its sketch, also in ix->slotkeys and ix->pairkeys by even slot).
 * ND_OK or why it cannot be compared. */
static nd_status fingerprint(nd_index *ix, const char *id, const char *text, size_t len, nd_error *err)
{
    const nd_options *opt = &ix->o.opt;
    if (len > opt->max_doc_bytes)
        return nd_fail(err, ND_ETOOBIG, "document is %zu bytes, over the limit of %zu (max_doc_bytes)", len,
                       opt->max_doc_bytes);
    nd_arena_free(&ix->arena);
    char *utf8;
    size_t n;
    nd_decode_result dr = nd_decode(&ix->arena, text, len, &utf8, &n);
    if (dr == ND_DECODE_BINARY) return nd_fail(err, ND_EBINARY, "looks like a binary file (NUL or control bytes), not text");
    if (!utf8) return nd_fail(err, ND_ENOMEM, "%s: out of memory", id ? id : "document");
    if (nd_compact_of_text(ix->tk, utf8, n, opt->max_sentences, &ix->tokens, &ix->full, &ix->compact))
        return nd_fail(err, ND_ENOMEM, "%s: out of memory", id ? id : "document");
    if (ix->tokens.ntok == 0) return nd_fail(err, ND_EEMPTY, "document is empty (no letters or digits)");
    ix->nkeys = 0;
    if (nd_keys_build(&ix->full, &ix->keys, &ix->nkeys, &ix->capkeys) ||
        nd_vec_reserve(&ix->pkeys, (size_t)ix->nkeys + 2 * IX_SLOT_KEYS) ||
        nd_vec_reserve(&ix->kinfo, (size_t)ix->nkeys + 2 * IX_SLOT_KEYS))
        return nd_fail(err, ND_ENOMEM, "%s: out of memory", id ? id : "document");
    uint32_t sketch[ND_SKETCH_SLOTS], tmp[2 * IX_SLOT_KEYS];
    nd_keys_sketch(ix->keys, ix->nkeys, sketch);  /* of the keys as scan has them */
    for (uint32_t i = 0; i < ix->nkeys; i++) ix->keys[i] = ix_project_key(ix->keys[i]);
    /* ix->keys is scratch now: the sort's buffer */
    memcpy(ix->pkeys.v, ix->keys, (size_t)ix->nkeys * sizeof *ix->keys);
    ix->pkeys.n = ix->nq = nd_sort_unique_u32(ix->pkeys.v, ix->nkeys, ix->keys);
    /* slot and pair keys sort after candidate keys (IX_SLOT_KEY); a keyless
     * document has no sketch to agree with */
    uint32_t *sk = ix->pkeys.v + ix->nq;
    for (unsigned i = 0; i < IX_SLOT_KEYS; i++) {
        unsigned s = 2 * i;
        sk[i] = ix->slotkeys[i] = ix_slot_key(s, sketch[s]);
        sk[IX_SLOT_KEYS + i] = ix->pairkeys[i] = ix_slot_key(s + 1, sketch[s + 1] ^ sketch[s] * 0x85EBCA6Bu);
    }
    if (ix->nq) ix->pkeys.n += nd_sort_unique_u32(sk, 2 * IX_SLOT_KEYS, tmp);
    ix->kinfo.n = ix->pkeys.n;
    return ND_OK;
}

static int by_shared(const void *a, const void *b)
{
    const ix_match *x = a, *y = b;
    if (x->shared != y->shared) return x->shared < y->shared ? 1 : -1;
    return (x->docno > y->docno) - (x->docno < y->docno);
}

/* Whether the query's slot key pk is held by more than ND_ALL_PAIRS_POSTING
 * documents with the query. */
static int slot_hot(const nd_index *ix, uint32_t pk)
{
    size_t lo = ix->nq, hi = ix->pkeys.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ix->pkeys.v[mid] < pk) lo = mid + 1;
        else hi = mid;
    }
    return lo < ix->pkeys.n && ix->pkeys.v[lo] == pk && ix->kinfo.v[lo].count + 1 > ND_ALL_PAIRS_POSTING;
}

/* The first slots of the windows that meet the slots in mask a: a key's
 * window is the slots nd_posting_sketch gives its tries, w to w + 3 for a
 * key of first slot w. */
static uint32_t windows_meeting(uint32_t a)
{
    uint32_t m = 0;
    for (unsigned t = 0; t < ND_SKETCH_TRIES; t++) m |= a >> t | a << (ND_SKETCH_SLOTS - t) % ND_SKETCH_SLOTS;
    return m;
}

/* Documents sharing enough keys with the query, as scan pairs them, in
 * ix->cands (most shared first).  0, or -1 on a database error or no memory.
 *
 * Scan pairs a list of more than ND_ALL_PAIRS_POSTING documents, if rare
 * (nd_posting_rare), where the sketches agree in the key's window of
 * slots.  The index keeps no holders of such a key (that keeps it small):
 * it finds the documents that agree with the query in an indexed slot
 * (its slot and pair keys) and, for one agreeing in slots A, counts the
 * query's rare hot keys whose window meets A.  Scan counts only those the
 * document holds, which the index cannot tell: it counts them all for a
 * document agreeing in FULL_AGREEMENT slots or more, a share in
 * proportion for fewer (one or two agreements in 32 slots are what an
 * unrelated article on the same topic gets, and counting all its keys
 * then sends it to verification, which passes some near its threshold). */
static int find_candidates(nd_index *ix)
{
    uint32_t windows[ND_SKETCH_SLOTS] = { 0 };  /* the query's rare hot keys, by first slot of their window */
    uint32_t nrare = 0;
    uint64_t rare = nd_posting_rare((ix->st.ndocs + 1) * ix->corpus_scale);
    ix->shared.n = 0;
    ix->cands.n = 0;
    /* candidate and slot keys, then pair keys: a document is indexed under
     * a slot's pair key only while the slot's value is hot (the pair key
     * then splits its list), so the others have no holders to look up */
    for (int pairs = 0; pairs < 2; pairs++)
        for (size_t i = pairs ? ix->nq : 0; i < ix->pkeys.n; i++) {
            ix_key *k = &ix->kinfo.v[i];
            uint32_t pk = ix->pkeys.v[i], agree = 0;
            ix_prefetch(ix, i);
            int slot = 0, pair = 0;
            for (unsigned s = 0; (pk & IX_SLOT_KEY) && s < IX_SLOT_KEYS; s++) {
                slot |= ix->slotkeys[s] == pk;
                pair |= pairs && ix->pairkeys[s] == pk && slot_hot(ix, ix->slotkeys[s]);
                /* a pair key agrees in its slot and the next */
                agree |= (ix->slotkeys[s] == pk ? 1u : ix->pairkeys[s] == pk ? 3u : 0) << 2 * s;
            }
            if (pairs != (agree && !slot)) continue;
            ix->hits.n = 0;
            if (!slot && agree && !pair) {
                memset(k, 0, sizeof *k);
                k->skip = 1;
                continue;
            }
            if (ix_postings(ix, pk, k)) return -1;
            /* as scan, a list of more than ND_MAX_POSTING (with the query) is
             * ignored; a longer one than ND_ALL_PAIRS_POSTING that is not rare
             * pairs the query with its newest holder only, as does a slot
             * value held that often (scan pairs neighbours in such a run) */
            if (k->count == 0 || k->count >= ND_MAX_POSTING) continue;
            if (!agree && k->count + 1 > ND_ALL_PAIRS_POSTING && k->count + 1 <= rare) {
                windows[pk % ND_SKETCH_SLOTS]++;
                nrare++;
                continue;
            }
            if (k->count + 1 > ND_ALL_PAIRS_POSTING) {
                uint32_t newest = k->newest;
                for (size_t j = 0; j < ix->hits.n; j++)
                    if (ix->hits.v[j] > newest) newest = ix->hits.v[j];
                if (nd_vec_reserve(&ix->hits, 1)) return -1;  /* a hot key brought no hits */
                ix->hits.v[0] = newest;
                ix->hits.n = 1;
            }
            if (nd_vec_reserve(&ix->shared, ix->hits.n)) return -1;
            for (size_t j = 0; j < ix->hits.n; j++) ix->shared.v[ix->shared.n++] = (uint64_t)ix->hits.v[j] << 32 | agree;
        }
    /* A document's hits within one key are distinct, so its number of
     * candidate-key hits is its shared-key count: tallied in an
     * open-addressing table by document. */
    size_t cap = 64;
    while (cap < 2 * ix->shared.n) cap *= 2;
    if (nd_vec_reserve(&ix->counts, cap)) return -1;
    ix_tally *table = ix->counts.v;
    memset(table, 0, cap * sizeof *table);
    for (size_t i = 0; i < ix->shared.n; i++) {
        uint32_t docno = (uint32_t)(ix->shared.v[i] >> 32), agree = (uint32_t)ix->shared.v[i];
        size_t h = (docno * 0x9E3779B1u) & (cap - 1);
        while (table[h].docno1 && table[h].docno1 != docno + 1) h = (h + 1) & (cap - 1);
        table[h].docno1 = docno + 1;
        table[h].shared += !agree;
        table[h].agree |= agree;
    }
    uint32_t nq = ix->nq;
    for (size_t i = 0; i < cap; i++) {
        const ix_tally *t = &table[i];
        uint32_t met = 0, agreeing = (uint32_t)__builtin_popcount(t->agree);
        for (uint32_t m = nrare ? windows_meeting(t->agree) : 0; m; m &= m - 1) met += windows[__builtin_ctz(m)];
        float shared = (float)t->shared + (float)met * (agreeing < FULL_AGREEMENT ? agreeing : FULL_AGREEMENT) /
                                              FULL_AGREEMENT;
        if (shared < ND_MIN_SHARED_KEYS) continue;
        uint32_t nx;
        if (ix_key_count(ix, t->docno1 - 1, &nx)) return -1;
        float fewer = (float)(nx < nq ? nx : nq);
        /* scan's candidates need ND_MIN_SHARED_FRACTION, but below the derived
         * fraction it only checks them for related coverage: no verdict */
        if (shared < ND_DERIVED_SHARED_FRACTION * fewer) continue;
        ix_match m = { .docno = t->docno1 - 1, .shared = (uint32_t)(shared + 0.5f) };
        if (nd_vec_push(&ix->cands, m)) return -1;
    }
    if (ix->cands.n) qsort(ix->cands.v, ix->cands.n, sizeof *ix->cands.v, by_shared);
    if (ix->cands.n > MAX_VERIFY) ix->cands.n = MAX_VERIFY;
    return 0;
}

static int by_similarity(const void *a, const void *b)
{
    const ix_match *x = a, *y = b;
    if (x->s.similarity != y->s.similarity) return x->s.similarity < y->s.similarity ? 1 : -1;
    return (x->docno > y->docno) - (x->docno < y->docno);
}

/* Verifies each candidate (stored first, as scan orders a pair) and keeps the
 * derived ones in ix->cands, best first.  0, -1 (database, memory) or -2
 * (a damaged record). */
static int verify_candidates(nd_index *ix)
{
    if (ix->cands.n && ix->df_finished != ix->df.ndocs) {
        if (nd_docfreq_finish(&ix->df)) return -1;
        ix->df_finished = ix->df.ndocs;
    }
    nd_verify_params p;
    nd_verify_params_from(&ix->o.opt, &ix->df, &p);
    size_t k = 0;
    for (size_t i = 0; i < ix->cands.n; i++) {
        ix_match *m = &ix->cands.v[i];
        nd_record r;
        if (ix_record(ix, m->docno, &r)) return -1;
        m->stored_verdict = r.verdict;
        /* compact features on both sides, stored text or not: as the scan compares */
        int rc = nd_compact_decode(r.compact, r.ncompact, &ix->stored);
        if (rc) return rc;
        if (nd_verify(&ix->stored, &ix->compact, &p, &ix->al, &m->s)) return -1;
        if (m->s.derived) ix->cands.v[k++] = *m;
    }
    ix->cands.n = k;
    if (k) qsort(ix->cands.v, k, sizeof *ix->cands.v, by_similarity);
    return 0;
}

static const char *answer_id(nd_index *ix, uint32_t docno)
{
    nd_record r;
    if (ix_record(ix, docno, &r)) return NULL;
    return nd_arena_strndup(&ix->answer_arena, r.id, r.idlen);
}

/* The answer from the derived candidates: the best match among documents
 * that were new when added (scan measures a member against its cluster's
 * origin), else the best match.  Returns the chosen match or NULL for new. */
static const ix_match *fill_answer(nd_index *ix, nd_index_answer *out)
{
    memset(out, 0, sizeof *out);
    const ix_match *best = NULL;
    ix->matches.n = 0;
    for (size_t i = 0; i < ix->cands.n; i++) {
        const ix_match *m = &ix->cands.v[i];
        if (!best && m->stored_verdict == ND_VERDICT_NEW) best = m;
        nd_index_match im = { answer_id(ix, m->docno), m->s.relation, m->s.similarity };
        if (!im.id || nd_vec_push(&ix->matches, im)) return NULL;
    }
    if (ix->cands.n && !best) best = &ix->cands.v[0];
    out->matches = ix->matches.v;
    out->nmatches = ix->matches.n;
    out->verdict = out->was = !best ? ND_VERDICT_NEW : best->s.relation == ND_COPY ? ND_VERDICT_COPY : ND_VERDICT_REWRITE;
    if (best) {
        out->of = ix->matches.v[best - ix->cands.v].id;
        out->similarity = best->s.similarity;
    }
    return best;
}

/* The stored verdict of an id already in the index. */
static int fill_seen(nd_index *ix, uint32_t docno, nd_index_answer *out)
{
    nd_record r;
    memset(out, 0, sizeof *out);
    if (ix_record(ix, docno, &r)) return -1;
    out->verdict = ND_VERDICT_SEEN;
    out->was = r.verdict <= ND_VERDICT_REWRITE ? (nd_verdict)r.verdict : ND_VERDICT_NEW;
    if (r.of != UINT32_MAX) {
        if (!(out->of = answer_id(ix, r.of))) return -1;
        out->similarity = r.similarity;
    }
    return 0;
}

/* Shared by query and add: seen check, fingerprint, candidates, verdict. */
static nd_status judge(nd_index *ix, const char *id, const char *text, size_t len, nd_index_answer *out,
                       const ix_match **best, int *seen, nd_error *err)
{
    nd_status st = ix_begin(ix, err);
    if (st) return st;
    nd_arena_free(&ix->answer_arena);
    *seen = 0;
    *best = NULL;
    if (id) {
        int rc;
        uint32_t dn = ix_lookup_id(ix, id, strlen(id), &rc);
        if (rc || (dn != UINT32_MAX && fill_seen(ix, dn, out)))
            return nd_fail(err, ND_EIO, "index %s: cannot read the entry of %s", ix->dir, id);
        if (dn != UINT32_MAX) {
            *seen = 1;
            return ND_OK;
        }
    }
    if ((st = fingerprint(ix, id, text, len, err))) return st;
    int rc = find_candidates(ix);
    if (!rc) rc = verify_candidates(ix);
    if (rc == -2) return nd_fail(err, ND_EFORMAT, "index %s: a stored record is damaged", ix->dir);
    if (rc) return nd_fail(err, ND_EIO, "index %s: cannot read candidates (or out of memory)", ix->dir);
    *best = fill_answer(ix, out);
    if (ix->cands.n && !*best) return nd_fail(err, ND_ENOMEM, "out of memory");
    return ND_OK;
}

nd_status nd_index_query(nd_index *ix, const char *id, const char *text, size_t len, nd_index_answer *out,
                         nd_error *err)
{
    const ix_match *best;
    int seen;
    nd_status st = judge(ix, id, text, len, out, &best, &seen, err);
    ix_end_read(ix);
    return st;
}

nd_status nd_index_add(nd_index *ix, const char *id, const char *text, size_t len, const nd_doc_meta *meta,
                       nd_index_answer *out, nd_error *err)
{
    if (ix->o.read_only) return nd_fail(err, ND_EINVAL, "index %s is open read-only", ix->dir);
    if (!id || !*id) return nd_fail(err, ND_EFORMAT, "document has an empty id");
    int64_t t;
    if (meta && meta->published && *meta->published && nd_parse_time(meta->published, &t))
        return nd_fail(err, ND_EFORMAT, "\"published\" is not an ISO 8601 date: \"%.60s\"", meta->published);
    const ix_match *best;
    int seen;
    nd_status st = judge(ix, id, text, len, out, &best, &seen, err);
    if (st == ND_EIO || st == ND_ENOMEM) ix_abort(ix);
    if (st || seen) return st;
    const char *src = meta ? meta->source : NULL, *pub = meta && meta->published && *meta->published ? meta->published : NULL;
    nd_record r = {
        .verdict = (uint8_t)out->verdict, .has_text = ix->o.store_text != 0,
        .of = best ? best->docno : UINT32_MAX, .similarity = best ? best->s.similarity : 0.0f,
        .id = id, .idlen = strlen(id),
        .source = src, .sourcelen = src ? strlen(src) : 0,
        .published = pub, .publishedlen = pub ? strlen(pub) : 0,
    };
    if (r.has_text) {
        /* the text as decoded (UTF-8), as scan keeps it */
        size_t n;
        char *utf8;
        nd_arena_free(&ix->arena);
        nd_decode(&ix->arena, text, len, &utf8, &n);
        r.text = utf8;
        r.textlen = n;
        if (!utf8) st = nd_fail(err, ND_ENOMEM, "%s: out of memory", id);
    }
    ix->rec.n = 0;
    if (!st && nd_record_encode(&r, &ix->compact, &ix->rec)) st = nd_fail(err, ND_ENOMEM, "%s: out of memory", id);
    if (!st && ix_store(ix, id, r.idlen, &ix->compact, out->verdict, r.has_text))
        st = nd_fail(err, ND_EIO, "index %s: cannot store %s; the %u documents added since the last commit are dropped",
                     ix->dir, id, ix->pending);
    if (st) ix_abort(ix);
    return st;
}

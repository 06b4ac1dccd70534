#include "scan.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "exchange.h"
#include "pack.h"
#include "../candidates/index.h"
#include "../candidates/keys.h"
#include "../pipeline/stages.h"
#include "../pipeline/stats.h"
#include "../util/error.h"
#include "../util/sort.h"

/* One rank's part of the run. */
typedef struct run {
    nd_share *s;
    nd_corpus view;             /* this rank's counted documents, in global order */
    nd_feature_cache *kept;
    nd_fingerprints fp;
    nd_outbox o;
    /* candidates whose first document is here, in global numbers */
    ND_VEC(nd_candidate) cand;
    ND_VEC(uint8_t) full;
    ND_VEC(uint32_t) home_b;
    /* documents of other ranks fetched for verification */
    nd_inbox fetched;
    nd_doc *work_docs;          /* view's documents, then the fetched ones */
    uint64_t *fetched_at;       /* sorted (global << 32 | index in work_docs) */
    size_t nfetched;
    nd_verdicts vd;
} run;

static nd_status oom(nd_error *err, const char *what)
{
    return nd_fail(err, ND_ENOMEM, "out of memory %s", what);
}

/* Sends the outbox (nothing when this rank already failed: every rank must
 * still take part) and settles the step's status over all ranks. */
static nd_status shuffle(run *u, nd_status st, nd_inbox *in, const char *what, nd_error *err)
{
    if (st != ND_OK) nd_outbox_reset(&u->o);
    if (nd_exchange(u->s->comm, &u->o, in) && st == ND_OK) st = oom(err, what);
    return nd_share_agree(u->s->comm, st, err);
}

/* The index among this rank's counted documents of global number g, or UINT32_MAX. */
static uint32_t local_of(const nd_share *s, uint32_t g)
{
    size_t lo = 0, hi = s->nlocal;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->global[mid] < g) lo = mid + 1;
        else hi = mid;
    }
    return lo < s->nlocal && s->global[lo] == g ? (uint32_t)lo : UINT32_MAX;
}

/* ---- fingerprint, and the statistics of all ranks ------------------------- */

static nd_status fingerprint(run *u, nd_error *err)
{
    nd_share *s = u->s;
    u->view = *s->read;
    u->view.df = (nd_docfreq){ 0 };
    u->view.docs.v = malloc(((size_t)s->nlocal + 1) * sizeof *u->view.docs.v);
    if (!u->view.docs.v) return oom(err, "fingerprinting");
    for (uint32_t i = 0; i < s->nlocal; i++) u->view.docs.v[i] = s->read->docs.v[s->local_doc[i]];
    u->view.docs.n = u->view.docs.cap = s->nlocal;
    if (nd_feature_cache_new(&u->view, &u->kept) || nd_stats_reset(&u->view, s->ndocs) ||
        nd_stage_fingerprint(&u->view, u->kept, &u->fp))
        return oom(err, "fingerprinting");
    return ND_OK;
}

/* Sums the document frequencies of all ranks into every rank's table. */
static nd_status sum_statistics(run *u, nd_error *err)
{
    nd_docfreq *df = &u->view.df;
    int n = (int)df->mask + 1;
    MPI_Allreduce(MPI_IN_PLACE, df->words, n, MPI_UINT32_T, MPI_SUM, u->s->comm);
    MPI_Allreduce(MPI_IN_PLACE, df->bigrams, n, MPI_UINT32_T, MPI_SUM, u->s->comm);
    MPI_Allreduce(MPI_IN_PLACE, &df->ndocs, 1, MPI_UINT32_T, MPI_SUM, u->s->comm);
    if (nd_docfreq_finish(df)) return oom(err, "weighing words");
    u->view.df_docs = u->s->ndocs;
    return ND_OK;
}

/* ---- candidates: keys to their owners, pairs to their first document ------ */

/* A (key, document) on its way to the key's owner, with what the pairing
 * rules need: the document's key count, home and sketch values for the key. */
typedef struct posting {
    uint64_t key_doc;           /* key << 32 | global number */
    uint32_t nkeys, home;
    uint32_t sketch[ND_SKETCH_TRIES];
} posting;

static nd_status send_postings(run *u, nd_inbox *in, nd_error *err)
{
    nd_share *s = u->s;
    const uint64_t *off = u->fp.off;
    nd_status st = ND_OK;
    for (uint32_t i = 0; i < s->nlocal && st == ND_OK; i++) {
        const uint32_t *keys = u->fp.keys + off[i];
        uint32_t n = (uint32_t)(off[i + 1] - off[i]), sketch[ND_SKETCH_SLOTS];
        nd_keys_sketch(keys, n, sketch);
        for (uint32_t k = 0; k < n && st == ND_OK; k++) {
            posting p = { (uint64_t)keys[k] << 32 | s->global[i], n, (uint32_t)s->rank, { 0 } };
            for (unsigned t = 0; t < ND_SKETCH_TRIES; t++) p.sketch[t] = nd_posting_sketch(sketch, keys[k], t);
            if (nd_outbox_put(&u->o, (int)(keys[k] % (uint32_t)s->nranks), &p, sizeof p)) st = oom(err, "sending keys");
        }
    }
    return shuffle(u, st, in, "sending keys", err);
}

typedef struct pairing {
    const posting *post;        /* the list's postings, in document order */
    const nd_kv64 *order;       /* their places: order[i].val indexes post */
    nd_outbox *o;
    int oom;
} pairing;

/* Sends a pair to its first document's home as (a << 32 | b, the smaller
 * key count << 32 | the second document's home). */
static void route_pair(void *ctx, size_t x, size_t y)
{
    pairing *p = ctx;
    const posting *a = &p->post[p->order[x].val], *b = &p->post[p->order[y].val];
    uint64_t kmin = a->nkeys < b->nkeys ? a->nkeys : b->nkeys;
    nd_kv64 pair = { (a->key_doc << 32) | (uint32_t)b->key_doc, kmin << 32 | b->home };
    if (!p->oom && nd_outbox_put(p->o, (int)a->home, &pair, sizeof pair)) p->oom = 1;
}

/* Pairs the documents of each posting list this rank owns by the one-machine
 * rules (nd_posting_pairs), and sends each pair to its first document's home. */
static nd_status pair_postings(run *u, nd_inbox *in, nd_inbox *pairs, nd_error *err)
{
    size_t n = in->total / sizeof(posting);
    const posting *post = (const posting *)(const void *)in->data;
    nd_kv64 *order = malloc((n + 1) * sizeof *order), *tmp = malloc((n + 1) * sizeof *tmp);
    uint32_t *sk = malloc((size_t)(ND_MAX_POSTING + 1) * ND_SKETCH_TRIES * sizeof *sk);
    pairing p = { post, order, &u->o, 0 };
    nd_status st = order && tmp && sk ? ND_OK : oom(err, "pairing documents");
    if (st == ND_OK) {
        for (size_t i = 0; i < n; i++) order[i] = (nd_kv64){ post[i].key_doc, i };
        nd_sort_kv64(order, n, tmp);
    }
    for (size_t i = 0; i < n && st == ND_OK;) {
        size_t j = i;
        while (j < n && order[j].key >> 32 == order[i].key >> 32) j++;
        size_t len = j - i;
        for (size_t x = 0; nd_posting_usable(len, ND_MAX_POSTING) && x < len; x++)
            memcpy(sk + x * ND_SKETCH_TRIES, post[order[i + x].val].sketch, sizeof post->sketch);
        p.order = order + i;
        if (nd_posting_pairs(sk, len, u->s->ndocs, ND_MAX_POSTING, route_pair, &p) || p.oom)
            st = oom(err, "pairing documents");
        i = j;
    }
    free(order);
    free(tmp);
    free(sk);
    nd_inbox_free(in);
    return shuffle(u, st, pairs, "pairing documents", err);
}

/* Counts the keys each pair shares; keeps the candidates as nd_candidates_find would. */
static nd_status count_pairs(run *u, nd_inbox *pairs, nd_error *err)
{
    size_t n = pairs->total / sizeof(nd_kv64);
    nd_kv64 *p = (nd_kv64 *)(void *)pairs->data, *tmp = malloc((n + 1) * sizeof *tmp);
    if (!tmp) return oom(err, "counting pairs");
    nd_sort_kv64(p, n, tmp);
    free(tmp);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && p[j].key == p[i].key) j++;
        uint32_t shared = (uint32_t)(j - i);
        uint64_t kmin = p[i].val >> 32;
        if (nd_candidate_keep(shared, kmin, ND_MIN_SHARED_KEYS, ND_MIN_SHARED_FRACTION)) {
            nd_candidate c = { (uint32_t)(p[i].key >> 32), (uint32_t)p[i].key, shared };
            if (nd_vec_push(&u->cand, c) || nd_vec_push(&u->full, (uint8_t)nd_candidate_full(shared, kmin)) ||
                nd_vec_push(&u->home_b, (uint32_t)p[i].val))
                return oom(err, "counting pairs");
        }
        i = j;
    }
    return ND_OK;
}

/* ---- text of documents held elsewhere ------------------------------------- */

/* Sends rank r, for each global number it asked for (requests from r in
 * `asked`), [number, length, evidence, text with its NUL]. */
static nd_status answer(run *u, const nd_inbox *asked, nd_inbox *answers, nd_error *err)
{
    nd_share *s = u->s;
    nd_status st = ND_OK;
    for (int r = 0; r < s->nranks && st == ND_OK; r++)
        for (uint64_t at = 0; at < asked->count[r] && st == ND_OK; at += sizeof(uint32_t)) {
            uint32_t g, i;
            memcpy(&g, asked->data + asked->off[r] + at, sizeof g);
            if ((i = local_of(s, g)) == UINT32_MAX) {
                st = nd_fail(err, ND_EFORMAT, "rank %d asked for document %u, which this rank does not hold", r, g);
                break;
            }
            const nd_doc *d = &u->view.docs.v[i];
            uint32_t head[2] = { g, d->len };
            if (nd_outbox_put(&u->o, r, head, sizeof head) || nd_outbox_put(&u->o, r, &u->fp.ev[i], sizeof(nd_evidence)) ||
                nd_outbox_put(&u->o, r, d->text, (size_t)d->len + 1))
                st = oom(err, "sending texts");
        }
    return shuffle(u, st, answers, "sending texts", err);
}

/* Asks each rank for the documents in want[] (global numbers, with their
 * homes in home[]) and receives them; every rank answers others' asks.
 * Collective: a rank that failed before (st) takes part asking nothing. */
static nd_status fetch(run *u, nd_status st, const uint32_t *want, const uint32_t *home, size_t n, nd_inbox *got,
                       nd_error *err)
{
    nd_inbox asked = { 0 };
    for (size_t i = 0; i < n && st == ND_OK; i++)
        if (nd_outbox_put(&u->o, (int)home[i], &want[i], sizeof want[i])) st = oom(err, "asking for texts");
    if ((st = shuffle(u, st, &asked, "asking for texts", err)) == ND_OK) st = answer(u, &asked, got, err);
    nd_inbox_free(&asked);
    return st;
}

/* Walks the documents in an answer: 1 with the next one in *g, *d (text
 * pointing into the answer) and *ev; 0 at the end. */
static int next_answer(nd_unpacker *p, uint32_t *g, nd_doc *d, nd_evidence *ev)
{
    if (p->at >= p->end) return 0;
    uint32_t head[2];
    nd_unpack(p, head, sizeof head);
    nd_unpack(p, ev, sizeof *ev);
    memset(d, 0, sizeof *d);
    *g = head[0];
    d->id = "";
    d->len = head[1];
    d->text = p->at;
    if ((size_t)(p->end - p->at) < (size_t)head[1] + 1) p->bad = 1;
    p->at = p->bad ? p->end : p->at + head[1] + 1;
    return !p->bad;
}

/* Fetches the second documents of this rank's candidates that other ranks
 * hold, and sets up the working corpus: the view's documents, then those. */
static nd_status fetch_partners(run *u, nd_error *err)
{
    nd_share *s = u->s;
    size_t n = u->cand.n;
    uint64_t *want = malloc((n + 1) * sizeof *want), *tmp = malloc((n + 1) * sizeof *tmp);
    uint32_t *g = malloc((n + 1) * sizeof *g), *home = malloc((n + 1) * sizeof *home);
    nd_status st = want && tmp && g && home ? ND_OK : oom(err, "asking for texts");
    size_t k = 0, m = 0;
    for (size_t i = 0; i < n && st == ND_OK; i++)
        if (u->home_b.v[i] != (uint32_t)s->rank) want[k++] = (uint64_t)u->home_b.v[i] << 32 | u->cand.v[i].b;
    if (st == ND_OK) nd_sort_u64(want, k, tmp);
    for (size_t i = 0; i < k; i++)
        if (i == 0 || want[i] != want[i - 1]) {
            home[m] = (uint32_t)(want[i] >> 32);
            g[m++] = (uint32_t)want[i];
        }
    if ((st = fetch(u, st, g, home, m, &u->fetched, err)) != ND_OK) goto done;
    u->work_docs = malloc(((size_t)s->nlocal + m + 1) * sizeof *u->work_docs);
    u->fetched_at = malloc((m + 1) * sizeof *u->fetched_at);
    if (!u->work_docs || !u->fetched_at) {
        st = oom(err, "receiving texts");
        goto done;
    }
    memcpy(u->work_docs, u->view.docs.v, (size_t)s->nlocal * sizeof *u->work_docs);
    nd_unpacker p = { u->fetched.data, u->fetched.data + u->fetched.total, 0 };
    uint32_t num;
    nd_doc d;
    nd_evidence ev;
    while (u->nfetched < m && next_answer(&p, &num, &d, &ev)) {
        uint32_t w = s->nlocal + (uint32_t)u->nfetched;
        u->work_docs[w] = d;
        u->fetched_at[u->nfetched++] = (uint64_t)num << 32 | w;
    }
    if (p.bad || u->nfetched != m) {
        st = nd_fail(err, ND_EFORMAT, "texts from other ranks arrived damaged");
        goto done;
    }
    nd_sort_u64(u->fetched_at, u->nfetched, tmp);
done:
    free(want);
    free(tmp);
    free(g);
    free(home);
    return st;
}

/* The working index of global number g: local, or fetched. */
static uint32_t work_index(const run *u, uint32_t g)
{
    uint32_t i = local_of(u->s, g);
    if (i != UINT32_MAX) return i;
    size_t lo = 0, hi = u->nfetched;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (u->fetched_at[mid] >> 32 < g) lo = mid + 1;
        else hi = mid;
    }
    return (uint32_t)u->fetched_at[lo];
}

/* ---- verify here, cluster on rank 0 --------------------------------------- */

static nd_status verify(run *u, nd_error *err)
{
    nd_corpus work = u->view;
    work.docs.v = u->work_docs;
    work.docs.n = work.docs.cap = u->s->nlocal + u->nfetched;
    nd_candidates c = { malloc((u->cand.n + 1) * sizeof *c.v), u->cand.n };
    if (!c.v) return oom(err, "verifying");
    for (size_t i = 0; i < c.n; i++)
        c.v[i] = (nd_candidate){ work_index(u, u->cand.v[i].a), work_index(u, u->cand.v[i].b), u->cand.v[i].shared };
    int fits = u->kept ? nd_feature_cache_extend(u->kept, &work) : 1;
    if (fits == 1) {
        nd_feature_cache_free(u->kept);
        u->kept = NULL;
    }
    u->vd.full = u->full.v;
    int rc = fits < 0 || nd_stage_verify(&work, &c, u->kept, &u->vd);
    u->vd.full = NULL;
    free(c.v);
    return rc ? oom(err, "verifying") : ND_OK;
}

/* One scored candidate on its way to rank 0. */
typedef struct scored {
    nd_candidate c;             /* global numbers */
    uint32_t full;
    nd_pair_score score;
} scored;

static nd_status send_scores(run *u, nd_inbox *in, nd_error *err)
{
    nd_status st = ND_OK;
    for (size_t i = 0; i < u->cand.n && st == ND_OK; i++) {
        scored x = { u->cand.v[i], u->full.v[i], u->vd.score[i] };
        if (nd_outbox_put(&u->o, 0, &x, sizeof x)) st = oom(err, "sending scores");
    }
    return shuffle(u, st, in, "sending scores", err);
}

/* Rank 0: the candidates of all ranks sorted by (a, b), as nd_scan has them. */
static nd_status gather_candidates(const nd_inbox *in, nd_candidates *cand, nd_verdicts *vd, nd_error *err)
{
    size_t n = in->total / sizeof(scored);
    const scored *x = (const scored *)(const void *)in->data;
    nd_kv64 *order = malloc((n + 1) * sizeof *order), *tmp = malloc((n + 1) * sizeof *tmp);
    cand->v = malloc((n + 1) * sizeof *cand->v);
    vd->score = malloc((n + 1) * sizeof *vd->score);
    vd->full = malloc(n + 1);
    nd_status st = ND_OK;
    if (!order || !tmp || !cand->v || !vd->score || !vd->full) {
        st = oom(err, "gathering scores");
        goto done;
    }
    for (size_t i = 0; i < n; i++) order[i] = (nd_kv64){ (uint64_t)x[i].c.a << 32 | x[i].c.b, i };
    nd_sort_kv64(order, n, tmp);
    for (size_t i = 0; i < n; i++) {
        const scored *y = &x[order[i].val];
        cand->v[i] = y->c;
        vd->score[i] = y->score;
        vd->full[i] = (uint8_t)y->full;
    }
    cand->n = n;
done:
    free(order);
    free(tmp);
    return st;
}

/* Rank 0: the documents whose text the clustering may read again: those in
 * a derived pair.  want[] and home[] are the caller's to free. */
static nd_status clustered_docs(const nd_share *s, const nd_candidates *cand, const nd_verdicts *vd, uint32_t **want,
                                uint32_t **home, size_t *m, nd_error *err)
{
    uint8_t *in_edge = calloc((size_t)s->ndocs + 1, 1);
    if (!in_edge) return oom(err, "gathering texts");
    for (size_t i = 0; i < cand->n; i++)
        if (vd->score[i].derived) in_edge[cand->v[i].a] = in_edge[cand->v[i].b] = 1;
    *m = 0;
    for (uint32_t g = 0; g < s->ndocs; g++) *m += in_edge[g];
    *want = malloc((*m + 1) * sizeof **want);
    *home = malloc((*m + 1) * sizeof **home);
    if (!*want || !*home) {
        free(in_edge);
        return oom(err, "gathering texts");
    }
    *m = 0;
    for (uint32_t g = 0; g < s->ndocs; g++)
        if (in_edge[g]) {
            (*want)[*m] = g;
            (*home)[(*m)++] = (uint32_t)s->home[g];
        }
    free(in_edge);
    return ND_OK;
}

/* Rank 0: the corpus the result refers to (every document, the fetched
 * texts, the notices in reading order) and the evidence of the fetched. */
static nd_status build_corpus(run *u, const nd_inbox *texts, nd_corpus **out, nd_evidence **ev, nd_error *err)
{
    nd_share *s = u->s;
    uint32_t n = s->ndocs;
    if (!(*ev = calloc((size_t)n + 1, sizeof **ev))) return oom(err, "gathering texts");
    nd_unpacker p = { texts->data, texts->data + texts->total, 0 };
    uint32_t g;
    nd_doc d;
    nd_evidence e;
    while (next_answer(&p, &g, &d, &e))
        if (g < n) {
            s->docs[g].text = d.text;
            (*ev)[g] = e;
        }
    if (p.bad) return nd_fail(err, ND_EFORMAT, "texts from other ranks arrived damaged");
    if (!(*out = nd_corpus_new(&u->view.opt, err))) return err->code;
    nd_status st = ND_OK;
    for (uint32_t k = 0; k < n && st == ND_OK; k++) {
        nd_doc x = s->docs[k];
        if (!x.text) {
            x.text = "";
            x.len = 0;
        }
        st = nd_corpus_put(*out, &x, err);
    }
    for (size_t k = 0; k < s->nnotices; k++) {
        const nd_placed_notice *x = &s->notices[k];
        if (x->skipped) nd_corpus_skip(*out, x->id, "%s", x->message);
        else nd_corpus_warn(*out, x->id, "%s", x->message);
    }
    (*out)->df = u->view.df;  /* every rank's statistics: the ones verification used */
    (*out)->df_docs = u->view.df_docs;
    u->view.df = (nd_docfreq){ 0 };
    return st;
}

/* Rank 0: clusters with the scores of all ranks, as nd_scan does. */
static nd_status cluster(run *u, const nd_candidates *cand, const nd_verdicts *vd, const nd_inbox *texts,
                         nd_corpus **out, nd_result **r, nd_error *err)
{
    nd_evidence *ev = NULL;
    nd_feature_cache *kept = NULL;
    nd_status st = build_corpus(u, texts, out, &ev, err);
    if (st == ND_OK && (nd_feature_cache_new(*out, &kept) || !(*r = nd_stage_cluster(*out, cand, vd, ev, kept))))
        st = oom(err, "clustering");
    nd_feature_cache_free(kept);
    free(ev);
    return st;
}

static uint64_t peak_rss_kb(void)
{
    struct rusage ru;
    return getrusage(RUSAGE_SELF, &ru) == 0 ? (uint64_t)ru.ru_maxrss : 0;
}

nd_status nd_mpi_scan(nd_share *s, nd_corpus **out, nd_result **r, nd_mpi_stats *stats, nd_error *err)
{
    run u = { .s = s };
    nd_inbox postings = { 0 }, pairs = { 0 }, scores = { 0 }, texts = { 0 };
    nd_candidates cand = { 0 };
    nd_verdicts vd = { 0 };
    uint32_t *want = NULL, *home = NULL;
    size_t nwant = 0;
    *out = NULL;
    *r = NULL;
    memset(stats, 0, sizeof *stats);
    nd_status st = nd_outbox_init(&u.o, s->nranks) ? oom(err, "starting the scan") : ND_OK;
    if ((st = nd_share_agree(s->comm, st == ND_OK ? fingerprint(&u, err) : st, err)) != ND_OK) goto done;
    if ((st = nd_share_agree(s->comm, sum_statistics(&u, err), err)) != ND_OK) goto done;
    if ((st = send_postings(&u, &postings, err)) != ND_OK) goto done;
    if ((st = pair_postings(&u, &postings, &pairs, err)) != ND_OK) goto done;
    st = count_pairs(&u, &pairs, err);
    nd_inbox_free(&pairs);
    if ((st = nd_share_agree(s->comm, st, err)) != ND_OK) goto done;
    if ((st = fetch_partners(&u, err)) != ND_OK) goto done;
    if ((st = nd_share_agree(s->comm, verify(&u, err), err)) != ND_OK) goto done;
    if ((st = send_scores(&u, &scores, err)) != ND_OK) goto done;
    if (s->rank == 0) {
        st = gather_candidates(&scores, &cand, &vd, err);
        if (st == ND_OK) st = clustered_docs(s, &cand, &vd, &want, &home, &nwant, err);
    }
    if ((st = fetch(&u, st, want, home, nwant, &texts, err)) != ND_OK) goto done;
    if (s->rank == 0) st = cluster(&u, &cand, &vd, &texts, out, r, err);
    st = nd_share_agree(s->comm, st, err);
    uint64_t sent = s->bytes_sent + u.o.bytes_sent, ncand = u.cand.n, rss = peak_rss_kb();
    MPI_Reduce(&sent, &stats->bytes_shuffled, 1, MPI_UINT64_T, MPI_SUM, 0, s->comm);
    MPI_Reduce(&ncand, &stats->candidates, 1, MPI_UINT64_T, MPI_SUM, 0, s->comm);
    MPI_Reduce(&rss, &stats->max_rss_kb, 1, MPI_UINT64_T, MPI_MAX, 0, s->comm);
    stats->rank0_rss_kb = rss;
done:
    if (st != ND_OK) {
        nd_result_free(*r);
        nd_corpus_free(*out);
        *r = NULL;
        *out = NULL;
    }
    nd_inbox_free(&postings);
    nd_inbox_free(&pairs);
    nd_inbox_free(&scores);
    nd_inbox_free(&texts);
    nd_inbox_free(&u.fetched);
    free(cand.v);
    free(vd.score);
    free(vd.full);
    free(want);
    free(home);
    nd_outbox_free(&u.o);
    nd_fingerprints_free(&u.fp);
    nd_feature_cache_free(u.kept);
    nd_docfreq_free(&u.view.df);
    free(u.view.docs.v);
    free(u.work_docs);
    free(u.fetched_at);
    free(u.vd.score);
    nd_vec_free(&u.cand);
    nd_vec_free(&u.full);
    nd_vec_free(&u.home_b);
    return st;
}

#include "scan.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "exchange.h"
#include "pack.h"
#include "../candidates/index.h"
#include "../candidates/keys.h"
#include "../pipeline/result.h"
#include "../pipeline/stages.h"
#include "../pipeline/stats.h"
#include "../util/error.h"
#include "../util/sort.h"

/* One rank's part of the run. */
typedef struct run {
    nd_share *s;
    nd_corpus view;             /* this rank's counted documents, in global order */
    nd_fingerprints fp;
    nd_outbox o;
    nd_kv64 *dir;               /* the directory part this rank keeps: global number -> key count << 32 | home */
    size_t ndir;
    /* candidates whose first document is here, in global numbers */
    ND_VEC(nd_candidate) cand;
    ND_VEC(uint8_t) full;
    ND_VEC(uint32_t) home_b;
    /* features of other ranks' documents, fetched for verification */
    nd_inbox fetched;
    nd_feature_store work;      /* the view's documents, then the fetched ones (refers to fp and fetched) */
    nd_kv64 *fetched_at;        /* global number -> index in work, sorted */
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

/* The index of g in v[0..n) (ascending), or UINT32_MAX. */
static uint32_t position(const uint32_t *v, size_t n, uint32_t g)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < g) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && v[lo] == g ? (uint32_t)lo : UINT32_MAX;
}

/* The index among this rank's counted documents of global number g, or UINT32_MAX. */
static uint32_t local_of(const nd_share *s, uint32_t g) { return position(s->global, s->nlocal, g); }

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
    if (nd_stats_reset(&u->view) || nd_stage_fingerprint(&u->view, &u->fp))
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
    if (nd_docfreq_freeze(df)) return oom(err, "weighing words");
    u->view.df_docs = u->s->ndocs;
    return ND_OK;
}

/* ---- candidates: keys to their owners, pairs to their first document ------ */

/* A (key, document) on its way to the key's owner, with what the pairing
 * rules need: the document's home and sketch values for the key. */
typedef struct posting {
    uint64_t key_doc;           /* key << 32 | global number */
    uint32_t home;
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
            posting p = { (uint64_t)keys[k] << 32 | s->global[i], (uint32_t)s->rank, { 0 } };
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

/* Sends a pair to its first document's home as (a << 32 | b). */
static void route_pair(void *ctx, size_t x, size_t y)
{
    pairing *p = ctx;
    const posting *a = &p->post[p->order[x].val], *b = &p->post[p->order[y].val];
    uint64_t pair = (a->key_doc << 32) | (uint32_t)b->key_doc;
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

/* The directory: every document's key count and home, kept by the rank
 * g mod ranks, so that a pair can travel as 8 bytes and learn the rest once. */
static nd_status send_directory(run *u, nd_error *err)
{
    nd_share *s = u->s;
    nd_inbox in = { 0 };
    nd_status st = ND_OK;
    for (uint32_t i = 0; i < s->nlocal && st == ND_OK; i++) {
        uint32_t rec[3] = { s->global[i], (uint32_t)(u->fp.off[i + 1] - u->fp.off[i]), (uint32_t)s->rank };
        if (nd_outbox_put(&u->o, (int)(rec[0] % (uint32_t)s->nranks), rec, sizeof rec)) st = oom(err, "sending the directory");
    }
    if ((st = shuffle(u, st, &in, "sending the directory", err)) != ND_OK) return st;
    size_t n = in.total / (3 * sizeof(uint32_t));
    const uint32_t *rec = (const uint32_t *)(const void *)in.data;
    nd_kv64 *tmp = malloc((n + 1) * sizeof *tmp);
    u->dir = malloc((n + 1) * sizeof *u->dir);
    if (tmp && u->dir) {
        for (size_t i = 0; i < n; i++) u->dir[i] = (nd_kv64){ rec[3 * i], (uint64_t)rec[3 * i + 1] << 32 | rec[3 * i + 2] };
        nd_sort_kv64(u->dir, n, tmp);
        u->ndir = n;
    } else {
        st = oom(err, "sending the directory");
    }
    free(tmp);
    nd_inbox_free(&in);
    return nd_share_agree(s->comm, st, err);
}

/* The entry for key in v[0..n) (sorted by key), or NULL. */
static const nd_kv64 *find_kv(const nd_kv64 *v, size_t n, uint64_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].key < key) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && v[lo].key == key ? &v[lo] : NULL;
}

/* Asks the directory for the key count and home of each document in b[]
 * (sorted, unique); *out (sorted by document) is the caller's to free. */
static nd_status look_up(run *u, nd_status st, const uint32_t *b, size_t n, nd_kv64 **out, size_t *nout, nd_error *err)
{
    nd_share *s = u->s;
    nd_inbox asked = { 0 }, answers = { 0 };
    for (size_t i = 0; i < n && st == ND_OK; i++)
        if (nd_outbox_put(&u->o, (int)(b[i] % (uint32_t)s->nranks), &b[i], sizeof b[i])) st = oom(err, "looking up documents");
    if ((st = shuffle(u, st, &asked, "looking up documents", err)) != ND_OK) return st;
    for (int r = 0; r < s->nranks && st == ND_OK; r++)
        for (uint64_t at = 0; at < asked.count[r] && st == ND_OK; at += sizeof(uint32_t)) {
            uint32_t g;
            memcpy(&g, asked.data + asked.off[r] + at, sizeof g);
            const nd_kv64 *e = find_kv(u->dir, u->ndir, g);
            if (!e) st = nd_fail(err, ND_EFORMAT, "document %u is not in the directory", g);
            else if (nd_outbox_put(&u->o, r, e, sizeof *e)) st = oom(err, "looking up documents");
        }
    nd_inbox_free(&asked);
    if ((st = shuffle(u, st, &answers, "looking up documents", err)) != ND_OK) return st;
    /* answers come back rank by rank, each in the order asked: sorted by document within a rank */
    size_t m = answers.total / sizeof(nd_kv64);
    nd_kv64 *tmp = malloc((m + 1) * sizeof *tmp);
    *out = (nd_kv64 *)(void *)answers.data;
    answers.data = NULL;
    if (!tmp) st = oom(err, "looking up documents");
    else nd_sort_kv64(*out, m, tmp);
    *nout = m;
    free(tmp);
    nd_inbox_free(&answers);
    return st;
}

/* Counts the keys each pair shares; keeps the candidates as
 * nd_candidates_find would, learning the second documents' key counts and
 * homes from the directory. */
static nd_status count_pairs(run *u, nd_inbox *pairs, nd_error *err)
{
    size_t n = pairs->total / sizeof(uint64_t), k = 0, nb = 0, ndir = 0;
    uint64_t *p = (uint64_t *)(void *)pairs->data, *tmp = malloc((n + 1) * sizeof *tmp);
    uint32_t *shared = NULL, *b = NULL;
    nd_kv64 *dir = NULL;
    nd_status st = tmp && !nd_sort_u64(p, n, tmp) ? ND_OK : oom(err, "counting pairs");
    free(tmp);
    tmp = NULL;
    /* pairs sharing one key meet by chance: only the others need the directory */
    if (st == ND_OK && !(shared = malloc((n + 1) * sizeof *shared))) st = oom(err, "counting pairs");
    for (size_t i = 0; i < n && st == ND_OK;) {
        size_t j = i;
        while (j < n && p[j] == p[i]) j++;
        if (j - i >= ND_MIN_SHARED_KEYS) {
            p[k] = p[i];
            shared[k++] = (uint32_t)(j - i);
        }
        i = j;
    }
    if (st == ND_OK && !(b = malloc((k + 1) * sizeof *b))) st = oom(err, "counting pairs");
    for (size_t i = 0; i < k && st == ND_OK; i++) b[i] = (uint32_t)p[i];
    if (st == ND_OK) {
        uint32_t *t32 = malloc((k + 1) * sizeof *t32);
        if (t32) nb = k ? nd_sort_unique_u32(b, (uint32_t)k, t32) : 0;
        else st = oom(err, "counting pairs");
        free(t32);
    }
    if ((st = look_up(u, st, b, nb, &dir, &ndir, err)) != ND_OK) {
        free(shared);
        free(b);
        free(dir);
        return st;  /* settled over ranks already */
    }
    for (size_t i = 0; i < k && st == ND_OK; i++) {
        uint32_t ga = (uint32_t)(p[i] >> 32), gb = (uint32_t)p[i], la = local_of(u->s, ga);
        const nd_kv64 *e = find_kv(dir, ndir, gb);
        if (la == UINT32_MAX || !e) {
            st = nd_fail(err, ND_EFORMAT, "pair (%u, %u) reached the wrong rank", ga, gb);
            break;
        }
        uint64_t ka = u->fp.off[la + 1] - u->fp.off[la], kb = e->val >> 32, kmin = ka < kb ? ka : kb;
        if (!nd_candidate_keep(shared[i], kmin, ND_MIN_SHARED_KEYS, ND_MIN_SHARED_FRACTION)) continue;
        nd_candidate c = { ga, gb, shared[i] };
        if (nd_vec_push(&u->cand, c) || nd_vec_push(&u->full, (uint8_t)nd_candidate_full(shared[i], kmin)) ||
            nd_vec_push(&u->home_b, (uint32_t)e->val))
            st = oom(err, "counting pairs");
    }
    free(shared);
    free(b);
    free(dir);
    return nd_share_agree(u->s->comm, st, err);
}

/* ---- documents held elsewhere -------------------------------------------- */

/* What a rank sends of a document: its compact features (to verify and
 * cluster) or its text (for the report). */
typedef enum { SEND_FEATURES, SEND_TEXT } doc_part;

/* Packs this rank's document i (view index) for rank r as [number, length,
 * flags, payload bytes, published, evidence, payload]: the payload is its
 * encoded features or its text with the NUL.  0, or -1. */
static int send_doc(run *u, int r, uint32_t i, doc_part part)
{
    const nd_doc *d = &u->view.docs.v[i];
    const nd_packed *f = &u->fp.features.doc[i];
    const void *payload = part == SEND_TEXT ? (const void *)d->text : f->bytes;
    uint32_t head[4] = { u->s->global[i], d->len, d->flags, part == SEND_TEXT ? d->len + 1 : f->n };
    return nd_outbox_put(&u->o, r, head, sizeof head) || nd_outbox_put(&u->o, r, &d->published, sizeof d->published) ||
           nd_outbox_put(&u->o, r, &u->fp.ev[i], sizeof(nd_evidence)) || nd_outbox_put(&u->o, r, payload, head[3]);
}

/* Walks documents packed by send_doc: 1 with the next one in *g, *d, *ev
 * and its payload in *pk (pointing into the buffer; d->text is the payload,
 * which is the text when texts were sent); 0 at the end. */
static int next_doc(nd_unpacker *p, uint32_t *g, nd_doc *d, nd_evidence *ev, nd_packed *pk)
{
    if (p->at >= p->end) return 0;
    uint32_t head[4];
    memset(d, 0, sizeof *d);
    nd_unpack(p, head, sizeof head);
    nd_unpack(p, &d->published, sizeof d->published);
    nd_unpack(p, ev, sizeof *ev);
    *g = head[0];
    d->id = "";
    d->len = head[1];
    d->flags = head[2];
    d->text = p->at;
    *pk = (nd_packed){ (const uint8_t *)p->at, head[3] };
    if ((size_t)(p->end - p->at) < head[3]) p->bad = 1;
    p->at = p->bad ? p->end : p->at + head[3];
    return !p->bad;
}

/* Sends rank r each document it asked for (requests from r in `asked`). */
static nd_status answer(run *u, const nd_inbox *asked, doc_part part, nd_inbox *answers, nd_error *err)
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
            if (send_doc(u, r, i, part)) st = oom(err, "sending documents");
        }
    return shuffle(u, st, answers, "sending documents", err);
}

/* Asks each rank for the documents in want[] (global numbers, with their
 * homes in home[]) and receives them with the given part; every rank
 * answers others' asks.  Collective: a rank that failed before (st) takes
 * part asking nothing. */
static nd_status fetch(run *u, nd_status st, const uint32_t *want, const uint32_t *home, size_t n, doc_part part,
                       nd_inbox *got, nd_error *err)
{
    nd_inbox asked = { 0 };
    for (size_t i = 0; i < n && st == ND_OK; i++)
        if (nd_outbox_put(&u->o, (int)home[i], &want[i], sizeof want[i])) st = oom(err, "asking for documents");
    if ((st = shuffle(u, st, &asked, "asking for documents", err)) == ND_OK) st = answer(u, &asked, part, got, err);
    nd_inbox_free(&asked);
    return st;
}

/* Fetches the features of the second documents of this rank's candidates
 * that other ranks hold, and sets up the working store: the view's
 * documents, then those. */
static nd_status fetch_partners(run *u, nd_error *err)
{
    nd_share *s = u->s;
    size_t n = u->cand.n;
    uint64_t *want = malloc((n + 1) * sizeof *want), *tmp = malloc((n + 1) * sizeof *tmp);
    uint32_t *g = malloc((n + 1) * sizeof *g), *home = malloc((n + 1) * sizeof *home);
    nd_status st = want && tmp && g && home ? ND_OK : oom(err, "asking for features");
    size_t k = 0, m = 0;
    for (size_t i = 0; i < n && st == ND_OK; i++)
        if (u->home_b.v[i] != (uint32_t)s->rank) want[k++] = (uint64_t)u->home_b.v[i] << 32 | u->cand.v[i].b;
    if (st == ND_OK) nd_sort_u64(want, k, tmp);
    for (size_t i = 0; i < k; i++)
        if (i == 0 || want[i] != want[i - 1]) {
            home[m] = (uint32_t)(want[i] >> 32);
            g[m++] = (uint32_t)want[i];
        }
    if ((st = fetch(u, st, g, home, m, SEND_FEATURES, &u->fetched, err)) != ND_OK) goto done;  /* settled over ranks */
    u->work.doc = malloc(((size_t)s->nlocal + m + 1) * sizeof *u->work.doc);
    u->fetched_at = malloc((m + 1) * sizeof *u->fetched_at);
    nd_kv64 *kvtmp = malloc((m + 1) * sizeof *kvtmp);
    if (!u->work.doc || !u->fetched_at || !kvtmp) {
        free(kvtmp);
        st = oom(err, "receiving features");
        goto settle;
    }
    memcpy(u->work.doc, u->fp.features.doc, (size_t)s->nlocal * sizeof *u->work.doc);
    nd_unpacker p = { u->fetched.data, u->fetched.data + u->fetched.total, 0 };
    uint32_t num;
    nd_doc d;
    nd_evidence ev;
    nd_packed pk;
    while (u->nfetched < m && next_doc(&p, &num, &d, &ev, &pk)) {
        uint32_t w = s->nlocal + (uint32_t)u->nfetched;
        u->work.doc[w] = pk;
        u->fetched_at[u->nfetched++] = (nd_kv64){ num, w };
    }
    u->work.ndocs = s->nlocal + (uint32_t)u->nfetched;
    if (p.bad || u->nfetched != m) st = nd_fail(err, ND_EFORMAT, "features from other ranks arrived damaged");
    else nd_sort_kv64(u->fetched_at, u->nfetched, kvtmp);
    free(kvtmp);
settle:
    st = nd_share_agree(s->comm, st, err);
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
    return i != UINT32_MAX ? i : (uint32_t)find_kv(u->fetched_at, u->nfetched, g)->val;
}

/* ---- verify here, cluster on rank 0 --------------------------------------- */

static nd_status verify(run *u, nd_error *err)
{
    nd_candidates c = { .v = malloc((u->cand.n + 1) * sizeof *c.v), .n = u->cand.n };
    if (!c.v) return oom(err, "verifying");
    for (size_t i = 0; i < c.n; i++)
        c.v[i] = (nd_candidate){ work_index(u, u->cand.v[i].a), work_index(u, u->cand.v[i].b), u->cand.v[i].shared };
    u->vd.full = u->full.v;
    int rc = nd_stage_verify(&u->view, &c, &u->work, &u->vd);
    u->vd.full = NULL;
    free(c.v);
    return rc ? oom(err, "verifying") : ND_OK;
}

/* A scored candidate on its way to the rank that clusters its group. */
typedef struct scored {
    nd_candidate c;             /* global numbers */
    uint32_t full;
    nd_pair_score score;
} scored;

/* ---- cluster: each connected group on one rank ------------------------------
 * Clustering joins documents only along derived pairs, and asks about pairs
 * inside one connected group of them: each group can be clustered apart, on
 * any rank, with the same outcome.  Rank 0 finds the groups from the derived
 * pairs (a few bytes each), gives each to a rank, and gathers the clusters. */

typedef ND_VEC(nd_related) related_links;

/* A link on its way to rank 0: a derived or related candidate. */
typedef struct link {
    uint32_t a, b;
    float overlap;
    uint32_t derived;
} link;

static nd_status send_links(run *u, nd_inbox *in, nd_error *err)
{
    nd_status st = ND_OK;
    for (size_t i = 0; i < u->cand.n && st == ND_OK; i++) {
        const nd_pair_score *sc = &u->vd.score[i];
        link l = { u->cand.v[i].a, u->cand.v[i].b, sc->overlap, (uint32_t)sc->derived };
        if ((sc->derived || sc->related) && nd_outbox_put(&u->o, 0, &l, sizeof l)) st = oom(err, "sending links");
    }
    return shuffle(u, st, in, "sending links", err);
}

static uint32_t find_root(uint32_t *parent, uint32_t x)
{
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
}

/* Rank 0: the groups of the derived links, in the order of their smallest
 * document, each given to a rank so that ranks get about as many documents;
 * sends each home rank (document, owner) for its documents in a group and
 * keeps the related links. */
static nd_status assign_groups(run *u, const nd_inbox *in, related_links *related, nd_error *err)
{
    nd_share *s = u->s;
    size_t n = in->total / sizeof(link);
    const link *l = (const link *)(const void *)in->data;
    uint32_t *parent = malloc(((size_t)s->ndocs + 1) * sizeof *parent), *owner = NULL;
    uint8_t *linked = calloc((size_t)s->ndocs + 1, 1);
    nd_status st = parent && linked ? ND_OK : oom(err, "grouping documents");
    for (uint32_t g = 0; g < s->ndocs && st == ND_OK; g++) parent[g] = g;
    for (size_t i = 0; i < n && st == ND_OK; i++) {
        if (!l[i].derived) {
            if (nd_vec_push(related, ((nd_related){ l[i].a, l[i].b, l[i].overlap }))) st = oom(err, "grouping documents");
            continue;
        }
        linked[l[i].a] = linked[l[i].b] = 1;
        uint32_t ra = find_root(parent, l[i].a), rb = find_root(parent, l[i].b);
        if (ra != rb) parent[ra > rb ? ra : rb] = ra < rb ? ra : rb;  /* the smallest member is the root */
    }
    uint64_t total = 0, before = 0;
    for (uint32_t g = 0; g < s->ndocs && st == ND_OK; g++) total += linked[g];
    /* a group's owner, kept at its root: groups by smallest member, shares by documents */
    if (st == ND_OK && !(owner = malloc(((size_t)s->ndocs + 1) * sizeof *owner))) st = oom(err, "grouping documents");
    for (uint32_t g = 0; g < s->ndocs && st == ND_OK; g++) {
        if (!linked[g]) continue;
        uint32_t root = find_root(parent, g);
        if (root == g) owner[g] = (uint32_t)(before * (uint64_t)s->nranks / (total ? total : 1));
        uint32_t to[2] = { g, owner[root] };
        before++;
        if (nd_outbox_put(&u->o, s->home[g], to, sizeof to)) st = oom(err, "grouping documents");
    }
    free(parent);
    free(owner);
    free(linked);
    return st;
}

/* Every rank: sends its documents in groups to their owners, then the
 * candidates whose first document is in a group. */
static nd_status send_groups(run *u, const nd_inbox *owners, nd_inbox *docs, nd_inbox *cands, nd_error *err)
{
    nd_share *s = u->s;
    uint32_t *owner_of = malloc(((size_t)s->nlocal + 1) * sizeof *owner_of);
    nd_status st = owner_of ? ND_OK : oom(err, "sending groups");
    for (uint32_t i = 0; i < s->nlocal && st == ND_OK; i++) owner_of[i] = UINT32_MAX;
    const uint32_t *to = (const uint32_t *)(const void *)owners->data;
    for (size_t k = 0; k + 1 < owners->total / sizeof(uint32_t) && st == ND_OK; k += 2) {
        uint32_t i = local_of(s, to[k]);
        if (i == UINT32_MAX) st = nd_fail(err, ND_EFORMAT, "grouped document %u is not on this rank", to[k]);
        else if ((owner_of[i] = to[k + 1]) >= (uint32_t)s->nranks || send_doc(u, (int)owner_of[i], i, SEND_FEATURES))
            st = oom(err, "sending groups");
    }
    if ((st = shuffle(u, st, docs, "sending groups", err)) == ND_OK) {
        for (size_t i = 0; i < u->cand.n && st == ND_OK; i++) {
            uint32_t o = owner_of[local_of(s, u->cand.v[i].a)];
            scored x = { u->cand.v[i], u->full.v[i], u->vd.score[i] };
            if (o != UINT32_MAX && nd_outbox_put(&u->o, (int)o, &x, sizeof x)) st = oom(err, "sending groups");
        }
        st = shuffle(u, st, cands, "sending groups", err);
    }
    free(owner_of);
    return st;
}

/* A group's documents and candidates, numbered among themselves in global order. */
typedef struct group_set {
    uint32_t n;
    uint32_t *global;           /* [i]: global number, ascending */
    nd_doc *docs;
    nd_evidence *ev;
    nd_feature_store features;  /* refers to the received documents */
    nd_candidates cand;
    nd_verdicts vd;
} group_set;

static uint32_t group_index(const group_set *gs, uint32_t g) { return position(gs->global, gs->n, g); }

static void group_set_free(group_set *gs)
{
    free(gs->global);
    free(gs->docs);
    free(gs->ev);
    nd_feature_store_free(&gs->features);
    free(gs->cand.v);
    free(gs->vd.score);
    free(gs->vd.full);
}

static nd_status load_groups(const nd_inbox *docs, const nd_inbox *cands, group_set *gs, nd_error *err)
{
    size_t m = 0, nc = cands->total / sizeof(scored);
    nd_unpacker p = { docs->data, docs->data + docs->total, 0 };
    uint32_t g;
    nd_doc d;
    nd_evidence e;
    nd_packed pk;
    while (next_doc(&p, &g, &d, &e, &pk)) m++;
    if (p.bad) return nd_fail(err, ND_EFORMAT, "grouped documents arrived damaged");
    nd_kv64 *order = malloc((m + nc + 1) * sizeof *order), *tmp = malloc((m + nc + 1) * sizeof *tmp);
    nd_doc *dv = malloc((m + 1) * sizeof *dv);
    nd_evidence *ev = malloc((m + 1) * sizeof *ev);
    nd_packed *fv = malloc((m + 1) * sizeof *fv);
    gs->global = malloc((m + 1) * sizeof *gs->global);
    gs->docs = malloc((m + 1) * sizeof *gs->docs);
    gs->ev = malloc((m + 1) * sizeof *gs->ev);
    gs->features.doc = malloc((m + 1) * sizeof *gs->features.doc);
    gs->cand.v = malloc((nc + 1) * sizeof *gs->cand.v);
    gs->vd.score = malloc((nc + 1) * sizeof *gs->vd.score);
    gs->vd.full = malloc(nc + 1);
    nd_status st = ND_OK;
    if (!order || !tmp || !dv || !ev || !fv || !gs->global || !gs->docs || !gs->ev || !gs->features.doc ||
        !gs->cand.v || !gs->vd.score || !gs->vd.full) {
        st = oom(err, "clustering groups");
        goto done;
    }
    p.at = docs->data;
    for (size_t i = 0; i < m && next_doc(&p, &g, &dv[i], &ev[i], &fv[i]); i++) order[i] = (nd_kv64){ g, i };
    nd_sort_kv64(order, m, tmp);
    for (size_t i = 0; i < m; i++) {
        gs->global[i] = (uint32_t)order[i].key;
        gs->docs[i] = dv[order[i].val];
        gs->docs[i].text = "";  /* the payload was the features */
        gs->ev[i] = ev[order[i].val];
        gs->features.doc[i] = fv[order[i].val];
    }
    gs->n = gs->features.ndocs = (uint32_t)m;
    /* the candidates inside the groups, by (a, b) as nd_scan has them */
    const scored *x = (const scored *)(const void *)cands->data;
    size_t k = 0;
    for (size_t i = 0; i < nc; i++) {
        uint32_t a = group_index(gs, x[i].c.a), b = group_index(gs, x[i].c.b);
        if (a != UINT32_MAX && b != UINT32_MAX) order[k++] = (nd_kv64){ (uint64_t)a << 32 | b, i };
    }
    nd_sort_kv64(order, k, tmp);
    for (size_t i = 0; i < k; i++) {
        const scored *y = &x[order[i].val];
        gs->cand.v[i] = (nd_candidate){ (uint32_t)(order[i].key >> 32), (uint32_t)order[i].key, y->c.shared };
        gs->vd.score[i] = y->score;
        gs->vd.full[i] = (uint8_t)y->full;
    }
    gs->cand.n = k;
done:
    free(order);
    free(tmp);
    free(dv);
    free(ev);
    free(fv);
    return st;
}

/* Packs a cluster of gs for rank 0, in global numbers: [smallest member,
 * origin, members, reason length, reason, members (doc, relation,
 * similarity, parent)]. */
static int send_cluster(run *u, const group_set *gs, const nd_cluster *cl)
{
    uint32_t smallest = UINT32_MAX, len = (uint32_t)strlen(cl->origin_reason);
    for (uint32_t m = 0; m < cl->nmembers; m++)
        if (gs->global[cl->members[m].doc] < smallest) smallest = gs->global[cl->members[m].doc];
    uint32_t head[4] = { smallest, gs->global[cl->origin], cl->nmembers, len };
    int bad = nd_outbox_put(&u->o, 0, head, sizeof head) || nd_outbox_put(&u->o, 0, cl->origin_reason, len);
    for (uint32_t m = 0; m < cl->nmembers && !bad; m++) {
        nd_member x = cl->members[m];
        x.doc = gs->global[x.doc];
        x.parent = gs->global[x.parent];
        bad = nd_outbox_put(&u->o, 0, &x, sizeof x);
    }
    return bad ? -1 : 0;
}

/* Every rank: clusters the groups it owns, as nd_scan clusters them, and
 * sends the clusters to rank 0. */
static nd_status cluster_groups(run *u, const nd_inbox *docs, const nd_inbox *cands, nd_inbox *clusters, nd_error *err)
{
    group_set gs = { 0 };
    nd_result *r = NULL;
    nd_status st = load_groups(docs, cands, &gs, err);
    nd_corpus sub = u->view;  /* the options and every rank's statistics */
    sub.docs.v = gs.docs;
    sub.docs.n = sub.docs.cap = gs.n;
    if (st == ND_OK && !(r = nd_stage_cluster(&sub, &gs.cand, &gs.vd, gs.ev, &gs.features)))
        st = oom(err, "clustering groups");
    for (size_t k = 0; r && k < r->nclusters && st == ND_OK; k++)
        if (send_cluster(u, &gs, &r->clusters[k])) st = oom(err, "sending clusters");
    nd_result_free(r);
    group_set_free(&gs);
    return shuffle(u, st, clusters, "sending clusters", err);
}

/* Rank 0: the result from every rank's clusters, numbered as nd_scan numbers
 * them (by smallest member), with the related links outside any one cluster. */
static nd_status assemble(const nd_share *s, const nd_inbox *in, related_links *related, nd_result **out,
                          nd_error *err)
{
    nd_result *r = calloc(1, sizeof *r);
    ND_VEC(nd_cluster) v = { 0 };
    nd_unpacker p = { in->data, in->data + in->total, 0 };
    nd_status st = r ? ND_OK : oom(err, "assembling clusters");
    while (st == ND_OK && p.at < p.end) {
        uint32_t head[4];
        nd_unpack(&p, head, sizeof head);
        nd_cluster c = { head[0], head[1], NULL, NULL, head[2], NULL, 0 };
        char *why = malloc((size_t)head[3] + 1);
        c.members = malloc(((size_t)head[2] + 1) * sizeof *c.members);
        if (why) {
            nd_unpack(&p, why, head[3]);
            why[head[3]] = 0;
        }
        for (uint32_t m = 0; c.members && m < head[2]; m++) nd_unpack(&p, &c.members[m], sizeof c.members[m]);
        c.origin_reason = why;
        if (!why || !c.members || nd_vec_push(&v, c)) {
            free(why);
            free(c.members);
            st = oom(err, "assembling clusters");
        }
    }
    if (p.bad && st == ND_OK) st = nd_fail(err, ND_EFORMAT, "clusters arrived damaged");
    if (st == ND_OK) {
        nd_clusters_number(v.v, v.n);
        r->ndocs = s->ndocs;
        r->clusters = v.v;
        r->nclusters = v.n;
        v.v = NULL;
        v.n = 0;
        if (nd_result_set_related(r, related->v, related->n)) st = oom(err, "assembling clusters");
        related->v = NULL;
        related->n = related->cap = 0;
    }
    for (size_t k = 0; k < v.n; k++) {
        free(v.v[k].members);
        free((void *)v.v[k].origin_reason);
    }
    nd_vec_free(&v);
    if (st == ND_OK) *out = r;
    else nd_result_free(r);
    return st;
}

/* Rank 0: the corpus the result refers to: every document's id and
 * metadata, the text of the fetched ones, the notices in reading order, and
 * every rank's statistics. */
static nd_status build_corpus(run *u, const nd_inbox *texts, nd_corpus **out, nd_error *err)
{
    nd_share *s = u->s;
    uint32_t n = s->ndocs;
    nd_unpacker p = { texts->data, texts->data + texts->total, 0 };
    uint32_t g;
    nd_doc d;
    nd_evidence e;
    nd_packed pk;
    while (next_doc(&p, &g, &d, &e, &pk))
        if (g < n) s->docs[g].text = d.text;
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
    (*out)->df = u->view.df;
    (*out)->df_docs = u->view.df_docs;
    u->view.df = (nd_docfreq){ 0 };
    return st;
}

/* Rank 0: the members of every cluster, whose text the HTML report shows. */
static nd_status members_of(const nd_share *s, const nd_result *r, uint32_t **want, uint32_t **home, size_t *m,
                            nd_error *err)
{
    size_t n = 0;
    for (size_t k = 0; k < r->nclusters; k++) n += r->clusters[k].nmembers;
    *want = malloc((n + 1) * sizeof **want);
    *home = malloc((n + 1) * sizeof **home);
    if (!*want || !*home) return oom(err, "gathering texts");
    *m = 0;
    for (size_t k = 0; k < r->nclusters; k++)
        for (uint32_t i = 0; i < r->clusters[k].nmembers; i++) {
            uint32_t g = r->clusters[k].members[i].doc;
            (*want)[*m] = g;
            (*home)[(*m)++] = (uint32_t)s->home[g];
        }
    return ND_OK;
}

static uint64_t peak_rss_kb(void)
{
    struct rusage ru;
    return getrusage(RUSAGE_SELF, &ru) == 0 ? (uint64_t)ru.ru_maxrss : 0;
}

nd_status nd_mpi_scan(nd_share *s, int with_text, nd_corpus **out, nd_result **r, nd_mpi_stats *stats, nd_error *err)
{
    run u = { .s = s };
    nd_inbox postings = { 0 }, pairs = { 0 }, links = { 0 }, owners = { 0 }, docs = { 0 }, cands = { 0 };
    nd_inbox clusters = { 0 }, texts = { 0 };
    related_links related = { 0 };
    uint32_t *want = NULL, *home = NULL;
    size_t nwant = 0;
    *out = NULL;
    *r = NULL;
    memset(stats, 0, sizeof *stats);
    nd_status st = nd_outbox_init(&u.o, s->nranks) ? oom(err, "starting the scan") : ND_OK;
    if ((st = nd_share_agree(s->comm, st == ND_OK ? fingerprint(&u, err) : st, err)) != ND_OK) goto done;
    if ((st = nd_share_agree(s->comm, sum_statistics(&u, err), err)) != ND_OK) goto done;
    if ((st = send_directory(&u, err)) != ND_OK) goto done;
    if ((st = send_postings(&u, &postings, err)) != ND_OK) goto done;
    if ((st = pair_postings(&u, &postings, &pairs, err)) != ND_OK) goto done;
    st = count_pairs(&u, &pairs, err);
    nd_inbox_free(&pairs);
    if (st != ND_OK) goto done;
    if ((st = fetch_partners(&u, err)) != ND_OK) goto done;
    if ((st = nd_share_agree(s->comm, verify(&u, err), err)) != ND_OK) goto done;
    if ((st = send_links(&u, &links, err)) != ND_OK) goto done;
    st = s->rank == 0 ? assign_groups(&u, &links, &related, err) : ND_OK;
    if ((st = shuffle(&u, st, &owners, "grouping documents", err)) != ND_OK) goto done;
    if ((st = send_groups(&u, &owners, &docs, &cands, err)) != ND_OK) goto done;
    if ((st = cluster_groups(&u, &docs, &cands, &clusters, err)) != ND_OK) goto done;
    if (s->rank == 0) {
        st = assemble(s, &clusters, &related, r, err);
        if (st == ND_OK && with_text) st = members_of(s, *r, &want, &home, &nwant, err);
    }
    if ((st = fetch(&u, st, want, home, nwant, SEND_TEXT, &texts, err)) != ND_OK) goto done;
    if (s->rank == 0) st = build_corpus(&u, &texts, out, err);
    st = nd_share_agree(s->comm, st, err);
    uint64_t sent = s->bytes_sent + u.o.bytes_sent, ncand = u.cand.n, rss = peak_rss_kb();
    MPI_Reduce(&sent, &stats->bytes_shuffled, 1, MPI_UINT64_T, MPI_SUM, 0, s->comm);
    MPI_Reduce(&ncand, &stats->candidates, 1, MPI_UINT64_T, MPI_SUM, 0, s->comm);
    MPI_Reduce(&rss, &stats->max_rss_kb, 1, MPI_UINT64_T, MPI_MAX, 0, s->comm);
    MPI_Reduce(&rss, &stats->min_rss_kb, 1, MPI_UINT64_T, MPI_MIN, 0, s->comm);
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
    nd_inbox_free(&links);
    nd_inbox_free(&owners);
    nd_inbox_free(&docs);
    nd_inbox_free(&cands);
    nd_inbox_free(&clusters);
    nd_inbox_free(&texts);
    nd_inbox_free(&u.fetched);
    nd_vec_free(&related);
    free(want);
    free(home);
    nd_outbox_free(&u.o);
    free(u.dir);
    nd_fingerprints_free(&u.fp);
    free(u.work.doc);  /* the bytes are fp's and fetched's */
    nd_docfreq_free(&u.view.df);
    free(u.view.docs.v);
    free(u.fetched_at);
    free(u.vd.score);
    nd_vec_free(&u.cand);
    nd_vec_free(&u.full);
    nd_vec_free(&u.home_b);
    return st;
}

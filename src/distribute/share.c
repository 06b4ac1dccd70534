#include "share.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "exchange.h"
#include "pack.h"
#include "../read/jsonl.h"
#include "../read/paths.h"
#include "../util/error.h"
#include "../util/sort.h"

/* Where each document and notice of this rank's corpus came from: its `at`
 * (see nd_placed_notice), filled in as the reading goes. */
typedef struct placing {
    ND_VEC(uint32_t) doc_at, skip_at, warn_at;
} placing;

/* Tags what c recorded since the last call with `at`.  0, or -1. */
static int place(placing *p, const nd_corpus *c, uint32_t at)
{
    while (p->doc_at.n < c->docs.n)
        if (nd_vec_push(&p->doc_at, at)) return -1;
    while (p->skip_at.n < c->skipped.n)
        if (nd_vec_push(&p->skip_at, at)) return -1;
    while (p->warn_at.n < c->warnings.n)
        if (nd_vec_push(&p->warn_at, at)) return -1;
    return 0;
}

static void placing_free(placing *p)
{
    nd_vec_free(&p->doc_at);
    nd_vec_free(&p->skip_at);
    nd_vec_free(&p->warn_at);
}

nd_status nd_share_agree(MPI_Comm comm, nd_status st, nd_error *err)
{
    int nranks, code = (int)st;
    MPI_Comm_size(comm, &nranks);
    int *all = malloc((size_t)nranks * sizeof *all);
    if (!all) MPI_Abort(comm, 3);  /* without it no rank could tell the others */
    MPI_Allgather(&code, 1, MPI_INT, all, 1, MPI_INT, comm);
    int first = -1;
    for (int r = 0; r < nranks && first < 0; r++)
        if (all[r] != ND_OK) first = r;
    nd_status out = first < 0 ? ND_OK : (nd_status)all[first];
    free(all);
    if (first < 0) return ND_OK;
    char msg[sizeof err->message];
    snprintf(msg, sizeof msg, "%s", err->message);
    MPI_Bcast(msg, (int)sizeof msg, MPI_CHAR, first, comm);
    return nd_fail(err, out, "rank %d: %s", first, msg);
}

/* ---- listing (rank 0), shared with every rank ---------------------------- */

typedef struct listing {
    nd_packer bytes;            /* per input: jsonl, in_dir (one byte each), path, id */
    uint32_t n;
    placing *placed;
    const nd_corpus *c;
} listing;

static nd_status list_one(void *ctx, const nd_input *in, nd_error *err)
{
    listing *l = ctx;
    char flags[2] = { (char)in->jsonl, (char)in->in_dir };
    /* what the walk skipped since the last input stands before this one */
    if (place(l->placed, l->c, 2 * l->n) || nd_pack(&l->bytes, flags, 2) || nd_pack_str(&l->bytes, in->path) ||
        nd_pack_str(&l->bytes, in->id))
        return nd_fail(err, ND_ENOMEM, "out of memory listing the inputs");
    l->n++;
    return ND_OK;
}

/* Sends rank 0's bytes to every rank, in pieces that fit an int. */
static int broadcast(MPI_Comm comm, nd_packer *p)
{
    uint64_t n = p->n;
    MPI_Bcast(&n, 1, MPI_UINT64_T, 0, comm);
    int ok = nd_vec_reserve(p, n + 1 - p->n) == 0;
    MPI_Allreduce(MPI_IN_PLACE, &ok, 1, MPI_INT, MPI_MIN, comm);
    if (!ok) return -1;
    for (uint64_t at = 0; at < n; at += 1u << 30) {
        uint64_t len = n - at < (1u << 30) ? n - at : 1u << 30;
        MPI_Bcast(p->v + at, (int)len, MPI_BYTE, 0, comm);
    }
    p->n = n;
    return 0;
}

/* ---- reading this rank's share --------------------------------------------- */

typedef struct input {
    nd_input in;
    int gz;                     /* jsonl: -1 cannot be probed, 1 gzip, 0 plain */
    uint64_t from, to;          /* plain jsonl: this rank's byte range */
    uint64_t first_line;
} input;

static int owner(const char *path, int nranks) { return (int)(XXH3_64bits(path, strlen(path)) % (uint64_t)nranks); }

/* Parses the listing into inputs and finds where each rank starts in each
 * plain JSON Lines file (counting the lines before its range across ranks). */
static nd_status plan(nd_share *s, const nd_packer *p, input **out, uint32_t *nout, nd_error *err)
{
    nd_unpacker u = { p->v, p->v + p->n, 0 };
    ND_VEC(input) v = { 0 };
    ND_VEC(uint64_t) lines = { 0 };
    nd_status st = ND_OK;
    while (u.at < u.end && st == ND_OK) {
        char flags[2];
        nd_unpack(&u, flags, 2);
        input x = { { NULL, NULL, flags[0], flags[1] }, 0, 0, 0, 0 };
        x.in.path = nd_unpack_str(&u);
        x.in.id = nd_unpack_str(&u);
        if (x.in.jsonl) {
            uint64_t size = 0, n = 0;
            nd_error ignored;
            x.gz = nd_jsonl_probe(x.in.path, &size, &ignored);
            if (x.gz == 0) {
                x.from = size * (uint64_t)s->rank / (uint64_t)s->nranks;
                x.to = size * (uint64_t)(s->rank + 1) / (uint64_t)s->nranks;
                /* unreadable now: reading it will say so */
                if (nd_jsonl_count_lines(x.in.path, x.from, x.to, &n, &ignored)) n = 0;
                if (nd_vec_push(&lines, n)) st = nd_fail(err, ND_ENOMEM, "out of memory planning the reading");
            }
        }
        if (nd_vec_push(&v, x)) st = nd_fail(err, ND_ENOMEM, "out of memory planning the reading");
    }
    if (u.bad && st == ND_OK) st = nd_fail(err, ND_EFORMAT, "the list of inputs arrived damaged");
    /* every rank has the same plain files in the same order: one prefix sum does all */
    uint64_t *before = calloc(lines.n + 1, sizeof *before);
    if (!before && st == ND_OK) st = nd_fail(err, ND_ENOMEM, "out of memory planning the reading");
    if (nd_share_agree(s->comm, st, err) == ND_OK) {
        MPI_Exscan(lines.v, before, (int)lines.n, MPI_UINT64_T, MPI_SUM, s->comm);
        size_t j = 0;
        for (size_t i = 0; i < v.n; i++)
            if (v.v[i].in.jsonl && v.v[i].gz == 0) v.v[i].first_line = (s->rank ? before[j++] : 0) + 1;
        st = ND_OK;
    } else {
        st = err->code;
    }
    free(before);
    nd_vec_free(&lines);
    *out = v.v;
    *nout = (uint32_t)v.n;
    return st;
}

/* Reads this rank's share of every input, in input order. */
static nd_status read_share(nd_share *s, const input *inputs, uint32_t n, placing *placed, nd_error *err)
{
    for (uint32_t k = 0; k < n; k++) {
        const input *x = &inputs[k];
        nd_status st = ND_OK;
        if (x->in.jsonl && x->gz == 0)
            st = nd_path_read_lines(s->read, &x->in, x->from, x->to, x->first_line, err);
        else if (owner(x->in.path, s->nranks) == s->rank)
            st = nd_path_read(s->read, &x->in, err);
        if (place(placed, s->read, 2 * k + 1)) st = nd_fail(err, ND_ENOMEM, "out of memory reading %s", x->in.path);
        if (st != ND_OK) return st;
    }
    return ND_OK;
}

/* ---- gathering at rank 0 --------------------------------------------------- */

enum { HAS_TITLE = 1, HAS_URL = 2, HAS_SOURCE = 4, HAS_PUBLISHED = 8 };

/* This rank's documents and notices, packed for rank 0. */
static int pack_read(const nd_corpus *c, const placing *placed, nd_packer *p)
{
    uint64_t nd = c->docs.n, nn = c->skipped.n + c->warnings.n;
    int bad = nd_pack(p, &nd, sizeof nd) || nd_pack(p, &nn, sizeof nn);
    for (size_t i = 0; i < c->docs.n && !bad; i++) {
        const nd_doc *d = &c->docs.v[i];
        const nd_doc_meta *m = &d->meta;
        uint32_t head[5] = { placed->doc_at.v[i], d->seq, (uint32_t)i, d->flags, d->len };
        unsigned char has = (unsigned char)((m->title ? HAS_TITLE : 0) | (m->url ? HAS_URL : 0) |
                                            (m->source ? HAS_SOURCE : 0) | (m->published ? HAS_PUBLISHED : 0));
        bad = nd_pack(p, head, sizeof head) || nd_pack(p, &d->published, sizeof d->published) ||
              nd_pack(p, &has, 1) || nd_pack_str(p, d->id) || nd_pack_str(p, m->title) || nd_pack_str(p, m->url) ||
              nd_pack_str(p, m->source) || nd_pack_str(p, m->published);
    }
    for (int list = 0; list < 2 && !bad; list++) {
        size_t n = list ? c->warnings.n : c->skipped.n;
        for (size_t i = 0; i < n && !bad; i++) {
            const nd_notice_at *x = list ? &c->warnings.v[i] : &c->skipped.v[i];
            uint32_t head[3] = { list ? placed->warn_at.v[i] : placed->skip_at.v[i], x->seq, (uint32_t)!list };
            bad = nd_pack(p, head, sizeof head) || nd_pack_str(p, x->n.id) || nd_pack_str(p, x->n.message);
        }
    }
    return bad ? -1 : 0;
}

/* A document as rank 0 received it. */
typedef struct arrival {
    uint32_t at, rank, seq, index; /* index: in its rank's corpus */
    nd_doc doc;
} arrival;
typedef ND_VEC(arrival) arrivals;

static int by_id_then_place(const void *x, const void *y)
{
    const arrival *a = x, *b = y;
    int c = strcmp(a->doc.id, b->doc.id);
    if (c) return c;
    if (a->at != b->at) return a->at < b->at ? -1 : 1;
    if (a->rank != b->rank) return a->rank < b->rank ? -1 : 1;
    return (a->seq > b->seq) - (a->seq < b->seq);
}

static int by_place(const void *x, const void *y)
{
    const nd_placed_notice *a = x, *b = y;
    if (a->at != b->at) return a->at < b->at ? -1 : 1;
    if (a->rank != b->rank) return a->rank < b->rank ? -1 : 1;
    return (a->seq > b->seq) - (a->seq < b->seq);
}

static const char *opt_str(nd_unpacker *u, unsigned char has, unsigned bit)
{
    const char *s = nd_unpack_str(u);
    return has & bit ? s : NULL;
}

/* Rank 0: unpacks what every rank read (arrivals by rank, then notices). */
static nd_status unpack_all(nd_share *s, const nd_inbox *in, arrivals *docs, nd_error *err)
{
    ND_VEC(nd_placed_notice) notes = { 0 };
    for (int r = 0; r < s->nranks; r++) {
        nd_unpacker u = { in->data + in->off[r], in->data + in->off[r] + in->count[r], 0 };
        uint64_t nd, nn;
        nd_unpack(&u, &nd, sizeof nd);
        nd_unpack(&u, &nn, sizeof nn);
        for (uint64_t i = 0; i < nd && !u.bad; i++) {
            uint32_t head[5];
            arrival a = { 0 };
            unsigned char has;
            nd_unpack(&u, head, sizeof head);
            nd_unpack(&u, &a.doc.published, sizeof a.doc.published);
            nd_unpack(&u, &has, 1);
            a.at = head[0], a.seq = head[1], a.index = head[2], a.rank = (uint32_t)r;
            a.doc.flags = head[3], a.doc.len = head[4];
            a.doc.id = nd_unpack_str(&u);
            a.doc.meta.title = opt_str(&u, has, HAS_TITLE);
            a.doc.meta.url = opt_str(&u, has, HAS_URL);
            a.doc.meta.source = opt_str(&u, has, HAS_SOURCE);
            a.doc.meta.published = opt_str(&u, has, HAS_PUBLISHED);
            if (nd_vec_push(docs, a)) goto oom;
        }
        for (uint64_t i = 0; i < nn && !u.bad; i++) {
            uint32_t head[3];
            nd_unpack(&u, head, sizeof head);
            nd_placed_notice x = { head[0], (uint32_t)r, head[1], (int)head[2], NULL, NULL };
            x.id = nd_unpack_str(&u);
            x.message = nd_unpack_str(&u);
            if (nd_vec_push(&notes, x)) goto oom;
        }
        if (u.bad) {
            nd_vec_free(&notes);
            return nd_fail(err, ND_EFORMAT, "what rank %d read arrived damaged", r);
        }
    }
    s->notices = notes.v;
    s->nnotices = notes.n;
    return ND_OK;
oom:
    nd_vec_free(&notes);
    return nd_fail(err, ND_ENOMEM, "out of memory gathering the documents");
}

/* Whether a warning was recorded for a document that lost its id to an
 * earlier one (one reader would have refused that document unread): its
 * (rank << 32 | seq) is among the lost ones' in lost_at[0..n), sorted.  A
 * warning is recorded just before its document. */
static int warns_a_loser(const nd_placed_notice *w, const uint64_t *lost_at, size_t n)
{
    uint64_t key = (uint64_t)w->rank << 32 | (w->seq + 1u);
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (lost_at[mid] < key) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && lost_at[lo] == key;
}

/* Rank 0: settles duplicate ids, numbers the documents in id order and
 * writes each rank's numbering into o. */
static nd_status number(nd_share *s, arrival *a, size_t n, nd_outbox *o, nd_error *err)
{
    qsort(a, n, sizeof *a, by_id_then_place);
    arrivals lost = { 0 };
    uint32_t ndocs = 0;
    for (size_t i = 0; i < n; i++)
        if (i > 0 && strcmp(a[i].doc.id, a[i - 1].doc.id) == 0) {
            if (nd_vec_push(&lost, a[i])) goto oom;
        } else {
            ndocs++;
        }
    s->docs = calloc((size_t)ndocs + 1, sizeof *s->docs);
    s->home = calloc((size_t)ndocs + 1, sizeof *s->home);
    uint32_t *per_rank = calloc((size_t)s->nranks, sizeof *per_rank);
    nd_placed_notice *notes = realloc(s->notices, (s->nnotices + lost.n + 1) * sizeof *notes);
    if (!s->docs || !s->home || !per_rank || !notes) {
        free(per_rank);
        if (notes) s->notices = notes;
        goto oom;
    }
    s->notices = notes;
    /* each rank's documents were packed in its reading order: numbering goes back in that order */
    for (size_t i = 0; i < n; i++) per_rank[a[i].rank]++;
    uint32_t **numbers = calloc((size_t)s->nranks, sizeof *numbers);
    for (int r = 0; numbers && r < s->nranks; r++)
        if (per_rank[r] && !(numbers[r] = nd_outbox_space(o, r, (size_t)per_rank[r] * sizeof **numbers))) {
            free(numbers);
            numbers = NULL;
        }
    if (!numbers) {
        free(per_rank);
        goto oom;
    }
    uint32_t g = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t num = UINT32_MAX;
        if (i == 0 || strcmp(a[i].doc.id, a[i - 1].doc.id)) {
            num = g;
            s->docs[g] = a[i].doc;
            s->home[g] = (int)a[i].rank;
            g++;
        }
        memcpy((char *)numbers[a[i].rank] + (size_t)a[i].index * sizeof num, &num, sizeof num);
    }
    free(numbers);
    free(per_rank);
    /* notices in reading order: a lost document's warning goes, its refusal comes in */
    uint64_t *lost_at = malloc((lost.n + 1) * sizeof *lost_at), *tmp = malloc((lost.n + 1) * sizeof *tmp);
    for (size_t i = 0; lost_at && i < lost.n; i++) lost_at[i] = (uint64_t)lost.v[i].rank << 32 | lost.v[i].seq;
    if (!lost_at || !tmp || nd_sort_u64(lost_at, lost.n, tmp)) {
        free(lost_at);
        free(tmp);
        goto oom;
    }
    size_t k = 0;
    for (size_t i = 0; i < s->nnotices; i++)
        if (s->notices[i].skipped || !warns_a_loser(&s->notices[i], lost_at, lost.n)) s->notices[k++] = s->notices[i];
    free(lost_at);
    free(tmp);
    for (size_t i = 0; i < lost.n; i++) {
        const char *msg = nd_arena_printf(&s->strings, "duplicate id: a document with id \"%s\" was already added; "
                                          "this one is skipped", lost.v[i].doc.id);
        if (!msg) goto oom;
        s->notices[k++] = (nd_placed_notice){ lost.v[i].at, lost.v[i].rank, lost.v[i].seq, 1, lost.v[i].doc.id, msg };
    }
    s->nnotices = k;
    qsort(s->notices, s->nnotices, sizeof *s->notices, by_place);
    s->ndocs = ndocs;
    nd_vec_free(&lost);
    return ND_OK;
oom:
    nd_vec_free(&lost);
    return nd_fail(err, ND_ENOMEM, "out of memory numbering the documents");
}

/* Every rank: keeps its documents that count, in global order. */
static nd_status take_numbers(nd_share *s, const nd_inbox *in, nd_error *err)
{
    uint32_t n = (uint32_t)s->read->docs.n;
    s->local_doc = malloc(((size_t)n + 1) * sizeof *s->local_doc);
    s->global = malloc(((size_t)n + 1) * sizeof *s->global);
    if (!s->local_doc || !s->global) return nd_fail(err, ND_ENOMEM, "out of memory numbering the documents");
    if (in->count[0] != (uint64_t)n * sizeof(uint32_t))
        return nd_fail(err, ND_EFORMAT, "rank 0 numbered %llu documents of the %u this rank read",
                       (unsigned long long)(in->count[0] / sizeof(uint32_t)), n);
    /* numbers ascend with ids; a rank's documents need sorting by them */
    uint64_t *order = malloc(((size_t)n + 1) * sizeof *order), *tmp = malloc(((size_t)n + 1) * sizeof *tmp);
    if (!order || !tmp) {
        free(order);
        free(tmp);
        return nd_fail(err, ND_ENOMEM, "out of memory numbering the documents");
    }
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t g;
        memcpy(&g, in->data + in->off[0] + (size_t)i * sizeof g, sizeof g);
        if (g != UINT32_MAX) order[k++] = (uint64_t)g << 32 | i;
    }
    nd_sort_u64(order, k, tmp);
    for (uint32_t i = 0; i < k; i++) {
        s->global[i] = (uint32_t)(order[i] >> 32);
        s->local_doc[i] = (uint32_t)order[i];
    }
    s->nlocal = k;
    free(order);
    free(tmp);
    return ND_OK;
}

nd_status nd_share_read(MPI_Comm comm, char **paths, int npaths, const nd_options *opt, nd_share *s, nd_error *err)
{
    memset(s, 0, sizeof *s);
    s->comm = comm;
    MPI_Comm_rank(comm, &s->rank);
    MPI_Comm_size(comm, &s->nranks);
    nd_arena_init(&s->strings, 1u << 16);
    placing placed = { 0 };
    listing l = { { 0 }, 0, &placed, NULL };
    nd_outbox o = { 0 };
    nd_inbox in = { 0 };
    arrivals arrived = { 0 };
    input *inputs = NULL;
    uint32_t ninputs = 0;
    nd_packer packed = { 0 };
    nd_status st = ND_OK;
    s->read = nd_corpus_new(opt, err);
    if (!s->read) st = err->code;
    if (nd_outbox_init(&o, s->nranks) && st == ND_OK) st = nd_fail(err, ND_ENOMEM, "out of memory");
    if (s->rank == 0 && st == ND_OK) {
        l.c = s->read;
        for (int i = 0; i < npaths && st == ND_OK; i++) st = nd_paths_list(s->read, paths[i], list_one, &l, err);
        if (st == ND_OK && place(&placed, s->read, 2 * l.n)) st = nd_fail(err, ND_ENOMEM, "out of memory listing");
    }
    if ((st = nd_share_agree(comm, st, err)) != ND_OK) goto done;
    if (broadcast(comm, &l.bytes)) {
        st = nd_fail(err, ND_ENOMEM, "out of memory sharing the list of inputs");
        goto done;
    }
    if ((st = plan(s, &l.bytes, &inputs, &ninputs, err)) != ND_OK) goto done;
    st = read_share(s, inputs, ninputs, &placed, err);
    if ((st = nd_share_agree(comm, st, err)) != ND_OK) goto done;
    if (pack_read(s->read, &placed, &packed) || nd_outbox_put(&o, 0, packed.v, packed.n))
        st = nd_fail(err, ND_ENOMEM, "out of memory gathering the documents");
    if ((st = nd_share_agree(comm, st, err)) != ND_OK) goto done;
    if (nd_exchange(comm, &o, &s->gathered)) {
        st = nd_fail(err, ND_ENOMEM, "out of memory gathering the documents");
        goto done;
    }
    if (s->rank == 0) {
        st = unpack_all(s, &s->gathered, &arrived, err);
        if (st == ND_OK) st = number(s, arrived.v, arrived.n, &o, err);
    }
    if ((st = nd_share_agree(comm, st, err)) != ND_OK) goto done;
    if (nd_exchange(comm, &o, &in)) {
        st = nd_fail(err, ND_ENOMEM, "out of memory sharing the numbering");
        goto done;
    }
    if ((st = nd_share_agree(comm, take_numbers(s, &in, err), err)) == ND_OK)
        MPI_Bcast(&s->ndocs, 1, MPI_UINT32_T, 0, comm);
done:
    s->bytes_sent = o.bytes_sent;
    nd_vec_free(&arrived);
    nd_vec_free(&packed);
    nd_vec_free(&l.bytes);
    nd_inbox_free(&in);
    nd_outbox_free(&o);
    placing_free(&placed);
    free(inputs);
    return st;
}

void nd_share_free(nd_share *s)
{
    nd_corpus_free(s->read);
    free(s->local_doc);
    free(s->global);
    free(s->docs);
    free(s->home);
    free(s->notices);
    nd_inbox_free(&s->gathered);
    nd_arena_free(&s->strings);
    memset(s, 0, sizeof *s);
}

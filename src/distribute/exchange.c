#include "exchange.h"

#include <stdlib.h>
#include <string.h>

#define CHUNK ((uint64_t)1 << 30)

int nd_outbox_init(nd_outbox *o, int nranks)
{
    memset(o, 0, sizeof *o);
    o->nranks = nranks;
    o->to = calloc((size_t)nranks, sizeof *o->to);
    return o->to ? 0 : -1;
}

void *nd_outbox_space(nd_outbox *o, int r, size_t n)
{
    if (nd_vec_reserve(&o->to[r], n)) return NULL;
    o->to[r].n += n;
    return o->to[r].v + o->to[r].n - n;
}

int nd_outbox_put(nd_outbox *o, int r, const void *p, size_t n)
{
    void *at = nd_outbox_space(o, r, n);
    if (!at) return -1;
    if (n) memcpy(at, p, n);
    return 0;
}

void nd_outbox_reset(nd_outbox *o)
{
    for (int r = 0; r < o->nranks; r++) nd_vec_free(&o->to[r]);
}

void nd_outbox_free(nd_outbox *o)
{
    if (o->to) nd_outbox_reset(o);
    free(o->to);
    memset(o, 0, sizeof *o);
}

void nd_inbox_free(nd_inbox *in)
{
    free(in->count);
    free(in->off);
    free(in->data);
    memset(in, 0, sizeof *in);
}

static uint64_t chunks(uint64_t n) { return (n + CHUNK - 1) / CHUNK; }

int nd_exchange(MPI_Comm comm, nd_outbox *o, nd_inbox *in)
{
    int me, n = o->nranks;
    MPI_Comm_rank(comm, &me);
    memset(in, 0, sizeof *in);
    in->count = calloc((size_t)n, sizeof *in->count);
    in->off = calloc((size_t)n + 1, sizeof *in->off);
    uint64_t *count = calloc((size_t)n, sizeof *count);
    /* a few bytes a rank: without them this rank cannot even say it failed */
    if (!in->count || !in->off || !count) MPI_Abort(comm, 3);
    for (int r = 0; r < n; r++) count[r] = o->to[r].n;
    MPI_Alltoall(count, 1, MPI_UINT64_T, in->count, 1, MPI_UINT64_T, comm);
    for (int r = 0; r < n; r++) {
        in->off[r] = in->total;
        in->total += in->count[r];
    }
    in->off[n] = in->total;
    uint64_t nmsg = 0;
    for (int r = 0; r < n; r++)
        if (r != me) nmsg += chunks(count[r]) + chunks(in->count[r]);
    /* what a rank sends itself alone (one rank, or a gather's root) moves without a copy */
    int self_only = in->total == count[me] && count[me] > 0;
    if (self_only) {
        in->data = o->to[me].v;
        o->to[me].v = NULL;
        o->to[me].n = o->to[me].cap = 0;
    } else {
        in->data = malloc(in->total + 1);
    }
    MPI_Request *req = malloc((nmsg + 1) * sizeof *req);
    /* a rank that cannot take part would leave the others waiting: all agree first */
    int ok = in->data && req;
    MPI_Allreduce(MPI_IN_PLACE, &ok, 1, MPI_INT, MPI_MIN, comm);
    size_t k = 0;
    for (int r = 0; ok && r < n; r++) {
        if (r == me) continue;
        for (uint64_t c = 0, at = 0; at < in->count[r]; c++, at += CHUNK) {
            uint64_t len = in->count[r] - at < CHUNK ? in->count[r] - at : CHUNK;
            MPI_Irecv(in->data + in->off[r] + at, (int)len, MPI_BYTE, r, (int)c, comm, &req[k++]);
        }
        for (uint64_t c = 0, at = 0; at < count[r]; c++, at += CHUNK) {
            uint64_t len = count[r] - at < CHUNK ? count[r] - at : CHUNK;
            MPI_Isend(o->to[r].v + at, (int)len, MPI_BYTE, r, (int)c, comm, &req[k++]);
            o->bytes_sent += len;
        }
    }
    if (ok) {
        if (count[me] && !self_only) memcpy(in->data + in->off[me], o->to[me].v, count[me]);
        MPI_Waitall((int)k, req, MPI_STATUSES_IGNORE);
    }
    free(req);
    free(count);
    nd_outbox_reset(o);
    return ok ? 0 : -1;
}

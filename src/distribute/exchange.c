#include "exchange.h"

#include <stdlib.h>
#include <string.h>

#define CHUNK ((uint64_t)1 << 30)

int nd_outbox_init(nd_outbox *o, int nranks)
{
    memset(o, 0, sizeof *o);
    o->nranks = nranks;
    o->count = calloc((size_t)nranks, sizeof *o->count);
    o->off = calloc((size_t)nranks + 1, sizeof *o->off);
    return o->count && o->off ? 0 : -1;
}

int nd_outbox_alloc(nd_outbox *o)
{
    uint64_t total = 0;
    for (int r = 0; r < o->nranks; r++) {
        o->off[r] = total;
        total += o->count[r];
    }
    o->off[o->nranks] = total;
    free(o->data);
    o->data = malloc(total + 1);
    return o->data ? 0 : -1;
}

void nd_outbox_put(nd_outbox *o, int r, const void *p, size_t n)
{
    memcpy(o->data + o->off[r], p, n);
    o->off[r] += n;
}

void nd_outbox_reset(nd_outbox *o)
{
    memset(o->count, 0, (size_t)o->nranks * sizeof *o->count);
    memset(o->off, 0, ((size_t)o->nranks + 1) * sizeof *o->off);
    free(o->data);
    o->data = NULL;
}

void nd_outbox_free(nd_outbox *o)
{
    free(o->count);
    free(o->off);
    free(o->data);
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
    /* a few bytes a rank: without them this rank cannot even say it failed */
    if (!in->count || !in->off) MPI_Abort(comm, 3);
    MPI_Alltoall(o->count, 1, MPI_UINT64_T, in->count, 1, MPI_UINT64_T, comm);
    for (int r = 0; r < n; r++) {
        in->off[r] = in->total;
        in->total += in->count[r];
    }
    in->off[n] = in->total;
    /* nd_outbox_put moved off[r] to the end of rank r's part */
    uint64_t nmsg = 0;
    for (int r = 0; r < n; r++) {
        o->off[r] -= o->count[r];
        if (r != me) nmsg += chunks(o->count[r]) + chunks(in->count[r]);
    }
    in->data = malloc(in->total + 1);
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
        for (uint64_t c = 0, at = 0; at < o->count[r]; c++, at += CHUNK) {
            uint64_t len = o->count[r] - at < CHUNK ? o->count[r] - at : CHUNK;
            MPI_Isend(o->data + o->off[r] + at, (int)len, MPI_BYTE, r, (int)c, comm, &req[k++]);
            o->bytes_sent += len;
        }
    }
    if (ok) {
        if (o->count[me]) memcpy(in->data + in->off[me], o->data + o->off[me], o->count[me]);
        MPI_Waitall((int)k, req, MPI_STATUSES_IGNORE);
    }
    free(req);
    nd_outbox_reset(o);
    return ok ? 0 : -1;
}

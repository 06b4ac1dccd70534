/* Moving bytes between ranks: the shuffles of the distributed scan. */
#ifndef ND_EXCHANGE_H
#define ND_EXCHANGE_H
#include <mpi.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/vec.h"

/* What one rank sends: a growing buffer per destination rank. */
typedef struct nd_outbox {
    int nranks;
    ND_VEC(char) *to;
    uint64_t bytes_sent;        /* to other ranks, over every exchange */
} nd_outbox;

/* Sets up an empty outbox for nranks ranks.  0, or -1 when out of memory. */
int nd_outbox_init(nd_outbox *o, int nranks);
/* Appends n bytes for rank r and returns where they go (the caller fills
 * them before the next call for r), or NULL when out of memory. */
void *nd_outbox_space(nd_outbox *o, int r, size_t n);
/* Appends a copy of p[0..n) for rank r.  0, or -1 when out of memory. */
int nd_outbox_put(nd_outbox *o, int r, const void *p, size_t n);
/* Empties the outbox (an exchange does it too). */
void nd_outbox_reset(nd_outbox *o);
void nd_outbox_free(nd_outbox *o);

/* What one rank received: from rank r, the bytes data[off[r] .. off[r] + count[r]). */
typedef struct nd_inbox {
    uint64_t *count, *off;
    char *data;
    uint64_t total;
} nd_inbox;

/* Every rank sends its outbox and receives its inbox (allocated here; free
 * with nd_inbox_free); the outbox is reset.  Any size: a large part goes in
 * messages of at most 1 GiB, since MPI counts are ints.  Collective.
 * 0, or -1 on every rank when any ran out of memory. */
int nd_exchange(MPI_Comm comm, nd_outbox *o, nd_inbox *in);
void nd_inbox_free(nd_inbox *in);
#endif

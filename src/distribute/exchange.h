/* Moving bytes between ranks: the shuffles of the distributed scan. */
#ifndef ND_EXCHANGE_H
#define ND_EXCHANGE_H
#include <mpi.h>
#include <stddef.h>
#include <stdint.h>

/* What one rank sends: per destination rank r, the bytes data[off[r] ..
 * off[r] + count[r]), built in two passes (count, then fill). */
typedef struct nd_outbox {
    int nranks;
    uint64_t *count, *off;
    char *data;
    uint64_t bytes_sent;        /* to other ranks, over every exchange */
} nd_outbox;

/* Sets up an empty outbox for comm's ranks.  0, or -1 when out of memory. */
int nd_outbox_init(nd_outbox *o, int nranks);
/* Allocates the data once count[] is final, and turns off[] into the place
 * where the next byte for each rank goes.  0, or -1. */
int nd_outbox_alloc(nd_outbox *o);
/* Copies n bytes for rank r to its next place (after nd_outbox_alloc). */
void nd_outbox_put(nd_outbox *o, int r, const void *p, size_t n);
/* Empties the outbox for the next exchange (counts to zero, data freed). */
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

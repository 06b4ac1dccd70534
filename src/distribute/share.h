/* Sharing the reading out.  Rank 0 lists the inputs; every rank reads its
 * share (a file by a hash of its path, a plain JSON Lines file by byte
 * ranges aligned to line starts); rank 0 then learns every document's id
 * and metadata, settles duplicate ids as one reader going through the
 * inputs in order would, and numbers the documents in id order, the order
 * the one-machine scan works in. */
#ifndef ND_SHARE_H
#define ND_SHARE_H
#include <mpi.h>
#include <stdint.h>

#include "exchange.h"
#include "newsdup.h"
#include "../read/corpus.h"
#include "../util/arena.h"

/* A skipped document or a warning, where it stands in reading order. */
typedef struct nd_placed_notice {
    uint32_t at, rank, seq;     /* input (2k before input k is read, 2k + 1 while it is), reader, order there */
    int skipped;                /* 1 skipped, 0 warning */
    const char *id, *message;
} nd_placed_notice;

typedef struct nd_share {
    MPI_Comm comm;
    int rank, nranks;
    nd_corpus *read;            /* what this rank read, in reading order */
    /* this rank's documents that count (duplicate ids dropped), by global number */
    uint32_t nlocal;
    uint32_t *local_doc;        /* [i]: index in read->docs */
    uint32_t *global;           /* [i]: global number, ascending */
    uint32_t ndocs;             /* documents in the whole scan */
    /* rank 0 only */
    nd_doc *docs;               /* [g]: id and metadata (no text), strings in `strings` */
    int *home;                  /* [g]: the rank that read it */
    nd_placed_notice *notices;  /* in reading order */
    size_t nnotices;
    nd_inbox gathered;          /* what the strings above point into */
    nd_arena strings;           /* messages made here */
    uint64_t bytes_sent;        /* by this rank, to others */
} nd_share;

/* Reads paths[0..npaths) shared out over comm (collective).  ND_OK; or the
 * status of the first failure on any rank, with err naming the rank and the
 * cause, the same on every rank (an input that cannot be read at all, as
 * nd_corpus_add_path fails; "-" is refused).  Free with nd_share_free. */
nd_status nd_share_read(MPI_Comm comm, char **paths, int npaths, const nd_options *opt, nd_share *s, nd_error *err);
void nd_share_free(nd_share *s);

/* Settles a collective step: every rank passes its own status and message;
 * returns the first failure over ranks (lowest rank) in err on every rank,
 * prefixed with the rank, or ND_OK. */
nd_status nd_share_agree(MPI_Comm comm, nd_status st, nd_error *err);
#endif

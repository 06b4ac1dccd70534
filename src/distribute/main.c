/* newsdup-mpi: `newsdup scan` across the ranks of an MPI job.  Every rank
 * reads and fingerprints its share; rank 0 prints the notices and writes the
 * report, which is the one `newsdup scan` writes for the same inputs.  Every
 * rank exits with the same status. */
#include <errno.h>
#include <fcntl.h>
#include <mpi.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "scan.h"
#include "../cli/cli.h"

static const char help[] =
    "usage: mpirun [-n RANKS] newsdup-mpi scan [options] PATH...\n"
    "\n"
    "Runs newsdup scan across the ranks of an MPI job: each rank reads its share\n"
    "of the inputs (files by a hash of their path, JSON Lines files in byte\n"
    "ranges), fingerprints and verifies there; rank 0 clusters and writes the\n"
    "report, the same as newsdup scan's for the same inputs. PATHs must be\n"
    "readable by every rank (a shared file system); standard input is not read.\n"
    "\n"
    "options: as newsdup scan (newsdup help scan), and\n"
    "  --stats              print bytes shuffled and peak memory per rank on stderr\n"
    "--threads N is per rank (default: the node's cores shared among its ranks).\n"
    "\n"
    "exit status: as newsdup scan; a rank that fails (input error 2, internal 3)\n"
    "fails the job, with a message naming the rank; no report is written then.\n";

/* Removes every `flag` from argv; 1 when there was one. */
static int take_flag(int *argc, char **argv, const char *flag)
{
    int found = 0, k = 1;
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], flag) == 0) found = 1;
        else argv[k++] = argv[i];
    }
    *argc = k;
    argv[k] = NULL;
    return found;
}

/* Parses on every rank, letting only rank 0 speak. */
static int parse(cli *a, int argc, char **argv, int rank)
{
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help"))) {
        if (rank == 0) fputs(help, stdout);
        return rank == 0 ? close_stdout() : 0;
    }
    int saved = -1, quiet = rank != 0 ? open("/dev/null", O_WRONLY) : -1;
    if (quiet >= 0) {
        fflush(stderr);
        saved = dup(STDERR_FILENO);
        dup2(quiet, STDERR_FILENO);
    }
    int rc = parse_args(a, argc, argv);
    if (rc == GO_ON && a->audit) rc = usage_error("newsdup-mpi runs scan; audit runs on one machine (newsdup audit)");
    for (int i = 0; rc == GO_ON && i < a->npaths; i++)
        if (strcmp(a->paths[i], "-") == 0)
            rc = usage_error("newsdup-mpi reads named files and directories, not standard input");
    if (saved >= 0) {
        fflush(stderr);
        dup2(saved, STDERR_FILENO);
        close(saved);
    }
    if (quiet >= 0) close(quiet);
    return rc;
}

/* Threads per rank unless --threads says: the node's cores over its ranks. */
static unsigned threads_per_rank(void)
{
    MPI_Comm node;
    int on_node = 1;
    if (MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &node) == MPI_SUCCESS) {
        MPI_Comm_size(node, &on_node);
        MPI_Comm_free(&node);
    }
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    long n = cores > 0 ? cores / on_node : 1;
    return n > 0 ? (unsigned)n : 1;
}

static int exit_status(nd_status st)
{
    return st == ND_OK ? 0 : st == ND_EIO || st == ND_EINVAL ? EXIT_INPUT : EXIT_INTERNAL;
}

/* Rank 0: the notices, the report, the figures. */
static int report(const cli *a, console *con, const nd_corpus *c, const nd_result *r, const nd_mpi_stats *ms,
                  int nranks, int stats)
{
    progress_end(con);
    print_notices(con, c);
    FILE *out = a->output ? fopen(a->output, "w") : stdout;
    if (!out) {
        fprintf(stderr, "newsdup: cannot create %s: %s\n", a->output, strerror(errno));
        return EXIT_INPUT;
    }
    nd_error err = { 0 };
    int rc = nd_report_write(out, c, r, a->format, &err) ? fail(con, EXIT_INTERNAL, err.message) : 0;
    if (out != stdout && fclose(out) && !rc) {
        fprintf(stderr, "newsdup: cannot write %s: %s\n", a->output, strerror(errno));
        rc = EXIT_INTERNAL;
    }
    if (out == stdout && !rc) rc = close_stdout();
    uint32_t n = nd_corpus_size(c);
    if (stats)
        fprintf(stderr, "newsdup-mpi: %u documents on %d ranks: %llu candidate pairs, %.0f bytes shuffled a document, "
                "peak memory %.1f MB on the largest rank, %.1f MB on the smallest, %.1f MB on rank 0\n", n, nranks,
                (unsigned long long)ms->candidates, n ? (double)ms->bytes_shuffled / n : 0.0,
                (double)ms->max_rss_kb / 1024.0, (double)ms->min_rss_kb / 1024.0, (double)ms->rank0_rss_kb / 1024.0);
    return rc;
}

int main(int argc, char **argv)
{
    int provided, rank, nranks;
    /* worker threads inside a rank never call MPI */
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &nranks);
    int stats = take_flag(&argc, argv, "--stats");
    cli a;
    int rc = parse(&a, argc, argv, rank);
    if (rc != GO_ON) {
        MPI_Finalize();
        return rc;
    }
    if (a.opt.threads == 0) a.opt.threads = threads_per_rank();
    console con = { 0 };
    if (rank == 0) console_start(&con, &a);
    nd_share s;
    nd_corpus *c = NULL;
    nd_result *r = NULL;
    nd_mpi_stats ms;
    nd_error err = { 0 };
    nd_status st = nd_share_read(MPI_COMM_WORLD, a.paths, a.npaths, &a.opt, &s, &err);
    if (st == ND_OK) st = nd_mpi_scan(&s, a.format == ND_FORMAT_HTML, &c, &r, &ms, &err);
    rc = exit_status(st);
    if (rank == 0) rc = rc ? fail(&con, rc, err.message) : report(&a, &con, c, r, &ms, nranks, stats);
    /* the report's status is rank 0's to give; the job's status is any rank's worst */
    MPI_Allreduce(MPI_IN_PLACE, &rc, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    nd_result_free(r);
    nd_corpus_free(c);
    nd_share_free(&s);
    MPI_Finalize();
    return rc;
}

/* stderr: progress while the run goes, the notices of skipped documents,
 * and failures. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

double seconds_between(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void on_progress(void *ctx, const nd_progress *p)
{
    console *con = ctx;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    int new_stage = !con->stage || strcmp(con->stage, p->stage);
    /* At most five updates a second, but never hide the first or last of a stage. */
    if (!new_stage && !(p->total && p->done >= p->total) && seconds_between(&con->last, &now) < 0.2) return;
    con->last = now;
    con->stage = p->stage;
    double secs = seconds_between(&con->start, &now), mb = (double)p->bytes / 1e6;
    char count[48], line[160];
    if (p->total) snprintf(count, sizeof count, "%llu/%llu", (unsigned long long)p->done, (unsigned long long)p->total);
    else snprintf(count, sizeof count, "%llu", (unsigned long long)p->done);
    int n = snprintf(line, sizeof line, "%s %s  %.1f MB read  %.1f MB/s", p->stage, count, mb,
                     secs > 0 ? mb / secs : 0.0);
    if (n >= (int)sizeof line) n = (int)sizeof line - 1;
    /* Blank what is left of a longer previous line. */
    fprintf(stderr, "\r%s%*s", line, con->width > n ? con->width - n : 0, "");
    fflush(stderr);
    con->width = n;
}

void progress_end(console *con)
{
    if (!con->width) return;
    fputc('\n', stderr);
    con->width = 0;
    con->stage = NULL;
}

/* Prints the skipped documents and warnings recorded since the last call. */
void print_notices(console *con, const nd_corpus *c)
{
    size_t s = nd_corpus_nskipped(c), w = nd_corpus_nwarnings(c);
    if (con->quiet || (s == con->nskipped && w == con->nwarnings)) return;
    progress_end(con);
    for (; con->nskipped < s; con->nskipped++) {
        const nd_notice *x = nd_corpus_skipped(c, con->nskipped);
        fprintf(stderr, "newsdup: skipped %s: %s\n", x->id, x->message);
    }
    for (; con->nwarnings < w; con->nwarnings++) {
        const nd_notice *x = nd_corpus_warning(c, con->nwarnings);
        fprintf(stderr, "newsdup: warning: %s: %s\n", x->id, x->message);
    }
}

int fail(console *con, int code, const char *message)
{
    progress_end(con);
    fprintf(stderr, "newsdup: %s\n", message);
    return code;
}

int input_exit(nd_status st)
{
    return st == ND_ENOMEM ? EXIT_INTERNAL : EXIT_INPUT;
}

void console_start(console *con, cli *a)
{
    memset(con, 0, sizeof *con);
    con->quiet = a->quiet;
    if (a->progress || (!a->quiet && isatty(STDERR_FILENO))) {
        clock_gettime(CLOCK_MONOTONIC, &con->start);
        a->opt.progress = on_progress;
        a->opt.progress_ctx = con;
    }
}

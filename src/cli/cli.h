/* The command line's shared parts, for newsdup and newsdup-mpi: the
 * arguments of scan and audit, and what goes to stderr. */
#ifndef ND_CLI_H
#define ND_CLI_H
#include <stdint.h>
#include <time.h>

#include "newsdup.h"

enum { EXIT_USAGE = 1, EXIT_INPUT = 2, EXIT_INTERNAL = 3 };
#define GO_ON (-1)          /* parse_args: no exit status yet, run */

typedef struct cli {
    int audit;               /* the command: 0 scan, 1 audit */
    nd_format format;
    const char *output;      /* NULL: stdout */
    const char *origin;      /* audit --origin FILE */
    int quiet;
    int progress;            /* 1 forced by --progress, 0 decide by stderr being a terminal */
    nd_options opt;
    char **paths;            /* the non-option arguments, gathered in argv's own slots */
    int npaths;
} cli;

/* Prints "newsdup: <message>" and the help hint; returns EXIT_USAGE. */
int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Flushes stdout: 0, or EXIT_INTERNAL (with a message) when a write failed. */
int close_stdout(void);
/* Parses a positive count with an optional K/M/G (binary) suffix: 0 and *out,
 * -1 when s is not such a number, -2 when it is larger than max. */
int parse_count(const char *s, uint64_t max, uint64_t *out);
/* Parses `newsdup scan|audit|help ...`: GO_ON to run a, or the exit status
 * (help and version were printed, or a usage error). */
int parse_args(cli *a, int argc, char **argv);

/* What has been shown on stderr so far. */
typedef struct console {
    int quiet;
    struct timespec start, last;
    int width;                      /* length of the progress line on screen; 0 when none */
    const char *stage;
    size_t nskipped, nwarnings;     /* notices already printed */
} console;

/* Sets con up for a run of a: progress on stderr when it is a terminal or
 * --progress asks (hooked into a->opt), notices unless --quiet. */
void console_start(console *con, cli *a);
double seconds_between(const struct timespec *a, const struct timespec *b);
/* Ends the progress line, if one is on screen. */
void progress_end(console *con);
/* Prints the skipped documents and warnings recorded since the last call. */
void print_notices(console *con, const nd_corpus *c);
/* Prints "newsdup: <message>"; returns code. */
int fail(console *con, int code, const char *message);
/* The exit status for a failed read: EXIT_INTERNAL when memory ran out, else EXIT_INPUT. */
int input_exit(nd_status st);
#endif

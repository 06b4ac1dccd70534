/* Arguments of scan and audit: parsed into a cli, or answered (help,
 * version, usage errors) with an exit status. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_THREADS 1024

static const char help_main[] =
    "usage: newsdup scan [options] PATH...\n"
    "       newsdup audit [options] PATH...\n"
    "       newsdup audit [options] --origin FILE PATH...\n"
    "       newsdup help [scan|audit]\n"
    "       newsdup filter --index DIR [options] < in.jsonl > out.jsonl\n"
    "       newsdup index stats|query|add DIR [PATH...]\n"
    "\n"
    "Finds copies and rewrites among news articles, names the origin of each\n"
    "group, and audits the claims that drift between an origin and its rewrites.\n"
    "\n"
    "commands:\n"
    "  scan     group near-duplicate articles and name each group's origin\n"
    "  audit    scan, then report claims that changed from origin to rewrite\n"
    "  help     show this help, or a command's\n"
    "  filter   judge each incoming article against a persistent index, and add it\n"
    "  index    inspect, query or bulk-load that index (newsdup index --help)\n";

static const char help_scan[] =
    "usage: newsdup scan [options] PATH...\n"
    "\n"
    "Groups articles that copy or rewrite one another, names the origin of each\n"
    "group and why, and lists related coverage: articles on the same story that\n"
    "were written independently.\n";

static const char help_audit[] =
    "usage: newsdup audit [options] PATH...\n"
    "       newsdup audit [options] --origin FILE PATH...\n"
    "\n"
    "Scans like 'newsdup scan', then compares each copy and rewrite with its\n"
    "origin and reports what drifted: attribution changed, dropped or moved to\n"
    "an organisation, numbers and roles changed, hedges removed, quotes altered.\n"
    "With --origin FILE, FILE is taken as the origin and every other document\n"
    "is compared with it directly, without clustering.\n";

static const char help_common[] =
    "\n"
    "PATH is a text file, a directory (read recursively, hidden entries skipped),\n"
    "a .jsonl or .jsonl.gz file (one {\"id\": ..., \"text\": ...} object a line),\n"
    "or - for JSON Lines on stdin.\n"
    "\n"
    "options:\n"
    "  --format FORMAT      text (default), json, csv or html\n"
    "  -o, --output FILE    write the report to FILE instead of stdout\n"
    "  --quiet              do not list skipped documents and warnings on stderr\n"
    "  --progress           show progress on stderr even when it is not a terminal\n"
    "  --max-doc-bytes N    skip documents larger than N bytes (default 16M)\n"
    "  --max-line-bytes N   skip JSON Lines longer than N bytes (default 64M)\n"
    "  --max-sentences N    compare at most N sentences of a document (default 5000)\n"
    "  --threads N          worker threads for the scan (default: one per core)\n"
    "  -h, --help           show this help\n"
    "  --version            show the version\n"
    "N is a positive whole number; a K, M or G suffix multiplies by 1024, 1024^2, 1024^3.\n"
    "\n"
    "exit status: 0 done (also when some documents were skipped), 1 usage error,\n"
    "2 an input path could not be read or the output file not created,\n"
    "3 internal error (out of memory, the report could not be written).\n";

typedef enum opt_id {
    OPT_FORMAT, OPT_OUTPUT, OPT_QUIET, OPT_PROGRESS, OPT_MAX_DOC_BYTES, OPT_MAX_LINE_BYTES,
    OPT_MAX_SENTENCES, OPT_THREADS, OPT_ORIGIN, OPT_HELP, OPT_VERSION
} opt_id;

static const struct opt_def {
    const char *name;
    char short_name;
    int has_value;
    opt_id id;
    uint64_t max;       /* a count option's largest value; 0 for the others */
} opt_defs[] = {
    { "format", 0, 1, OPT_FORMAT, 0 },
    { "output", 'o', 1, OPT_OUTPUT, 0 },
    { "quiet", 0, 0, OPT_QUIET, 0 },
    { "progress", 0, 0, OPT_PROGRESS, 0 },
    { "max-doc-bytes", 0, 1, OPT_MAX_DOC_BYTES, SIZE_MAX },
    { "max-line-bytes", 0, 1, OPT_MAX_LINE_BYTES, SIZE_MAX },
    { "max-sentences", 0, 1, OPT_MAX_SENTENCES, UINT32_MAX },
    { "threads", 0, 1, OPT_THREADS, MAX_THREADS },
    { "origin", 0, 1, OPT_ORIGIN, 0 },
    { "help", 'h', 0, OPT_HELP, 0 },
    { "version", 0, 0, OPT_VERSION, 0 },
};


int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("newsdup: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\nsee newsdup --help\n", stderr);
    va_end(ap);
    return EXIT_USAGE;
}

/* stdout is where reports and help go; a write that failed (EPIPE, disk
 * full, closed descriptor) must not pass as success. */
int close_stdout(void)
{
    errno = 0;
    if (fflush(stdout) == 0 && !ferror(stdout)) return 0;
    fprintf(stderr, "newsdup: cannot write to standard output: %s\n", strerror(errno ? errno : EIO));
    return EXIT_INTERNAL;
}

static int show_help(const char *command)
{
    fputs(!command ? help_main : strcmp(command, "scan") ? help_audit : help_scan, stdout);
    fputs(help_common, stdout);
    return close_stdout();
}

static int show_version(void)
{
    puts("newsdup " ND_VERSION_STRING);
    return close_stdout();
}

/* Parses a positive count with an optional K/M/G (binary) suffix: 0 and *out,
 * -1 when s is not such a number, -2 when it is larger than max. */
int parse_count(const char *s, uint64_t max, uint64_t *out)
{
    if (*s < '0' || *s > '9') return -1;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    unsigned shift = 0;
    switch (*end) {
    case 'k': case 'K': shift = 10; end++; break;
    case 'm': case 'M': shift = 20; end++; break;
    case 'g': case 'G': shift = 30; end++; break;
    default: break;
    }
    if (*end || v == 0) return -1;
    if (errno || v > (max >> shift)) return -2;
    *out = (uint64_t)v << shift;
    return 0;
}

static int apply_option(cli *a, const struct opt_def *d, const char *value, const char *command)
{
    uint64_t n = 0;
    int bad = d->max ? parse_count(value, d->max, &n) : 0;
    if (bad == -1)
        return usage_error("--%s wants a positive whole number (K, M or G suffix allowed), not '%s'", d->name, value);
    if (bad == -2)
        return usage_error("--%s %s is too large (at most %llu)", d->name, value, (unsigned long long)d->max);
    switch (d->id) {
    case OPT_FORMAT: {
        int f = nd_format_parse(value);
        if (f < 0) return usage_error("unknown format '%s' (expected text, json, csv or html)", value);
        a->format = (nd_format)f;
        break;
    }
    case OPT_OUTPUT: a->output = strcmp(value, "-") ? value : NULL; break;
    case OPT_QUIET: a->quiet = 1; break;
    case OPT_PROGRESS: a->progress = 1; break;
    case OPT_MAX_DOC_BYTES: a->opt.max_doc_bytes = (size_t)n; break;
    case OPT_MAX_LINE_BYTES: a->opt.max_line_bytes = (size_t)n; break;
    case OPT_MAX_SENTENCES: a->opt.max_sentences = (uint32_t)n; break;
    case OPT_THREADS: a->opt.threads = (unsigned)n; break;
    case OPT_ORIGIN:
        if (!a->audit) return usage_error("--origin belongs to audit, not %s", command);
        if (a->origin) return usage_error("--origin given twice (the second is '%s')", value);
        a->origin = value;
        break;
    case OPT_HELP: return show_help(command);
    case OPT_VERSION: return show_version();
    }
    return GO_ON;
}

/* Handles one option argument at argv[*i] (advancing *i past a separate value). */
static int parse_option(cli *a, int argc, char **argv, int *i, const char *command)
{
    const char *arg = argv[*i], *value = NULL;
    const struct opt_def *d = NULL;
    size_t nopts = sizeof opt_defs / sizeof *opt_defs;
    if (arg[1] == '-') {
        const char *name = arg + 2, *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        for (size_t k = 0; k < nopts && !d; k++)
            if (strlen(opt_defs[k].name) == len && memcmp(opt_defs[k].name, name, len) == 0) d = &opt_defs[k];
        if (d && eq && !d->has_value) return usage_error("option '%s' takes no value", arg);
        if (eq) value = eq + 1;
    } else {
        for (size_t k = 0; k < nopts && !d; k++)
            if (opt_defs[k].short_name && opt_defs[k].short_name == arg[1]) d = &opt_defs[k];
        if (d && arg[2]) {
            if (!d->has_value) d = NULL;
            else value = arg + 2;
        }
    }
    if (!d) return usage_error("unknown option '%s'", arg);
    if (d->has_value && !value) {
        if (*i + 1 >= argc) return usage_error("option '%s' needs a value", arg);
        value = argv[++*i];
    }
    return apply_option(a, d, value, command);
}

int parse_args(cli *a, int argc, char **argv)
{
    memset(a, 0, sizeof *a);
    nd_options_default(&a->opt);
    a->format = ND_FORMAT_TEXT;
    if (argc < 2) return usage_error("no command given");
    const char *command = argv[1];
    if (!strcmp(command, "--help") || !strcmp(command, "-h")) return show_help(NULL);
    if (!strcmp(command, "--version")) return show_version();
    if (!strcmp(command, "help")) {
        if (argc > 3) return usage_error("help takes one command, not '%s'", argv[3]);
        if (argc == 2) return show_help(NULL);
        if (strcmp(argv[2], "scan") && strcmp(argv[2], "audit"))
            return usage_error("no help for '%s': the commands are scan and audit", argv[2]);
        return show_help(argv[2]);
    }
    if (command[0] == '-') return usage_error("'%s' goes after the command (scan, audit, filter or index)", command);
    if (strcmp(command, "scan") && strcmp(command, "audit"))
        return usage_error("unknown command '%s' (expected scan, audit, filter or index)", command);
    a->audit = command[0] == 'a';
    a->paths = argv + 2;
    int options_done = 0;
    for (int i = 2; i < argc; i++) {
        char *arg = argv[i];
        if (options_done || arg[0] != '-' || arg[1] == 0) {
            a->paths[a->npaths++] = arg;
            continue;
        }
        if (!strcmp(arg, "--")) {
            options_done = 1;
            continue;
        }
        int rc = parse_option(a, argc, argv, &i, command);
        if (rc != GO_ON) return rc;
    }
    if (a->npaths == 0)
        return usage_error(a->origin ? "audit --origin %s needs at least one PATH to compare with it"
                                     : "%s needs at least one PATH", a->origin ? a->origin : command);
    return GO_ON;
}


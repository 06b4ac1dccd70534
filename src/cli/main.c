/* newsdup, the command: parses arguments, feeds paths to a corpus, runs scan
 * or audit and writes the report.  Every judgement lives in the library;
 * this file only maps its outcomes to messages and exit codes. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* ---- running ------------------------------------------------------------ */

/* Reads every input, reporting what each path skipped as it goes; with
 * --origin the origin comes first, so it is document 0. */
static int read_inputs(const cli *a, nd_corpus *c, console *con)
{
    nd_error err = { 0 };
    if (a->origin) {
        nd_status st = nd_corpus_add_path(c, a->origin, &err);
        print_notices(con, c);
        if (st) return fail(con, input_exit(st), err.message);
        uint32_t n = nd_corpus_size(c);
        if (n == 0) {
            fprintf(stderr, "newsdup: --origin %s holds no document to compare with\n", a->origin);
            return EXIT_INPUT;
        }
        if (n > 1) return usage_error("--origin takes one document, but %s holds %u", a->origin, n);
    }
    for (int i = 0; i < a->npaths; i++) {
        nd_status st = nd_corpus_add_path(c, a->paths[i], &err);
        print_notices(con, c);
        if (st) return fail(con, input_exit(st), err.message);
    }
    return 0;
}

/* Clusters (or compares with the origin) and audits; *r stays NULL for an empty corpus. */
static int analyse(const cli *a, nd_corpus *c, nd_result **r, console *con)
{
    nd_error err = { 0 };
    if (nd_corpus_size(c) == 0) return 0;
    *r = a->origin ? nd_compare_to(c, 0, &err) : nd_scan(c, &err);
    if (!*r) return fail(con, EXIT_INTERNAL, err.message);
    if (a->audit && nd_audit(c, *r, &err)) return fail(con, EXIT_INTERNAL, err.message);
    return 0;
}

static int write_report(const cli *a, const nd_corpus *c, const nd_result *r, FILE *out)
{
    nd_error err = { 0 };
    if (nd_report_write(out, c, r, a->format, &err)) {
        fprintf(stderr, "newsdup: %s\n", err.message);
        return EXIT_INTERNAL;
    }
    return 0;
}

static int run(cli *a)
{
    console con;
    console_start(&con, a);
    nd_error err = { 0 };
    /* only the audit, --origin and the HTML report read texts after fingerprinting */
    a->opt.keep_text = a->audit || a->origin || a->format == ND_FORMAT_HTML;
    nd_corpus *c = nd_corpus_new(&a->opt, &err);
    if (!c) return fail(&con, EXIT_INTERNAL, err.message);
    nd_result *r = NULL;
    FILE *out = NULL;
    int rc = read_inputs(a, c, &con);
    /* Opened only now, so a report written into a scanned directory is not read as input. */
    if (!rc && a->output && !(out = fopen(a->output, "w"))) {
        fprintf(stderr, "newsdup: cannot create %s: %s\n", a->output, strerror(errno));
        rc = EXIT_INPUT;
    }
    if (!rc) rc = analyse(a, c, &r, &con);
    progress_end(&con);
    print_notices(&con, c);
    if (!rc) {
        nd_result empty = { .audited = a->audit };
        rc = write_report(a, c, r ? r : &empty, out ? out : stdout);
    }
    if (out && fclose(out) && !rc) {
        fprintf(stderr, "newsdup: cannot write %s: %s\n", a->output, strerror(errno));
        rc = EXIT_INTERNAL;
    }
    if (!out && !rc) rc = close_stdout();
    nd_result_free(r);
    nd_corpus_free(c);
    return rc;
}

/* ---- ingest: filter and index -------------------------------------------- */

static const char help_filter[] =
    "usage: newsdup filter --index DIR [options] < in.jsonl > out.jsonl\n"
    "\n"
    "Reads JSON Lines ({\"id\": ..., \"text\": ...} a line) and writes each object\n"
    "back in input order with \"newsdup\": {\"verdict\": \"new|copy|rewrite|seen|error\",\n"
    "\"of\": ID, \"similarity\": X} added, judged against every article in the\n"
    "index DIR (created when absent), and adds it there.  A verdict is written\n"
    "only once its article is committed; an id already in the index gets \"seen\".\n"
    "\n"
    "options:\n"
    "  --index DIR          the index directory (required)\n"
    "  --drop-duplicates    leave copies and rewrites out of the output\n"
    "  --read-only          judge without adding (runs beside a writer)\n"
    "  --commit-every N     commit after N new articles (default 64)\n"
    "  --commit-ms T        or T ms after the first uncommitted one (default 10)\n"
    "  --sync MODE          full (default: on disk at each commit), group or none\n"
    "  --store-text         keep the articles' text in the index too\n"
    "  --max-doc-bytes N    as for scan (default 16M)\n"
    "  --max-line-bytes N   as for scan (default 64M)\n"
    "\n"
    "exit status: 0 done, 1 usage error, 2 the index cannot be opened (missing,\n"
    "locked by another writer, another format version), 3 a commit or a write failed.\n";

static const char help_index[] =
    "usage: newsdup index stats DIR\n"
    "       newsdup index query DIR PATH...\n"
    "       newsdup index add [--store-text] [--sync MODE] DIR PATH...\n"
    "\n"
    "stats   counts and size of the index DIR\n"
    "query   for each document in PATH, the stored articles it copies or rewrites\n"
    "add     adds the documents in PATH (bulk load of an archive), in order\n"
    "PATH is read as by scan: a file, a directory, a .jsonl[.gz] file or -.\n";

typedef struct ingest_args {
    const char *index;
    int drop;
    uint64_t commit_every, commit_ms;
    nd_index_options io;
    char **args;             /* the non-option arguments, in argv's own slots */
    int nargs;
} ingest_args;

enum { IG_INDEX, IG_DROP, IG_READ_ONLY, IG_EVERY, IG_MS, IG_SYNC, IG_TEXT, IG_DOC, IG_LINE, IG_HELP };
static const struct { const char *name; int has_value, id; } ingest_opts[] = {
    { "index", 1, IG_INDEX }, { "drop-duplicates", 0, IG_DROP }, { "read-only", 0, IG_READ_ONLY },
    { "commit-every", 1, IG_EVERY }, { "commit-ms", 1, IG_MS }, { "sync", 1, IG_SYNC },
    { "store-text", 0, IG_TEXT }, { "max-doc-bytes", 1, IG_DOC }, { "max-line-bytes", 1, IG_LINE },
    { "help", 0, IG_HELP },
};

/* Options of filter and index; `allowed` is a bit set of the IG_ ids the command takes. */
static int parse_ingest(ingest_args *g, int argc, char **argv, int first, const char *command, unsigned allowed,
                        const char *help)
{
    memset(g, 0, sizeof *g);
    nd_index_options_default(&g->io);
    g->commit_every = 64;
    g->commit_ms = 10;
    g->args = argv + first;
    int done = 0;
    for (int i = first; i < argc; i++) {
        char *arg = argv[i];
        if (done || arg[0] != '-' || arg[1] == 0) {
            g->args[g->nargs++] = arg;
            continue;
        }
        if (!strcmp(arg, "--")) {
            done = 1;
            continue;
        }
        const char *name = arg + 2, *eq = strchr(name, '='), *value = NULL;
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        int id = -1, has_value = 0;
        if (!strcmp(arg, "-h")) id = IG_HELP;
        for (size_t k = 0; arg[1] == '-' && k < sizeof ingest_opts / sizeof *ingest_opts; k++)
            if (strlen(ingest_opts[k].name) == len && !memcmp(ingest_opts[k].name, name, len)) {
                id = ingest_opts[k].id;
                has_value = ingest_opts[k].has_value;
            }
        if (id < 0 || !(allowed & (1u << id))) return usage_error("unknown option '%s' for %s", arg, command);
        if (eq && !has_value) return usage_error("option '%s' takes no value", arg);
        if (has_value) {
            if (eq) value = eq + 1;
            else if (i + 1 < argc) value = argv[++i];
            else return usage_error("option '%s' needs a value", arg);
        }
        uint64_t n = 0;
        int bad = id == IG_EVERY || id == IG_MS || id == IG_DOC || id == IG_LINE ? parse_count(value, UINT32_MAX, &n) : 0;
        if (bad) return usage_error("--%.*s wants a positive whole number (at most %u), not '%s'", (int)len, name,
                                    UINT32_MAX, value);
        switch (id) {
        case IG_INDEX: g->index = value; break;
        case IG_DROP: g->drop = 1; break;
        case IG_READ_ONLY: g->io.read_only = 1; break;
        case IG_EVERY: g->commit_every = n; break;
        case IG_MS: g->commit_ms = n; break;
        case IG_SYNC:
            if (!strcmp(value, "full")) g->io.sync = ND_SYNC_FULL;
            else if (!strcmp(value, "group")) g->io.sync = ND_SYNC_GROUP;
            else if (!strcmp(value, "none")) g->io.sync = ND_SYNC_NONE;
            else return usage_error("unknown --sync mode '%s' (expected full, group or none)", value);
            break;
        case IG_TEXT: g->io.store_text = 1; break;
        case IG_DOC: g->io.opt.max_doc_bytes = (size_t)n; break;
        case IG_LINE: g->io.opt.max_line_bytes = (size_t)n; break;
        case IG_HELP:
            fputs(help, stdout);
            return close_stdout();
        }
    }
    return GO_ON;
}

static nd_index *open_index(const ingest_args *g, const char *dir, int *rc)
{
    nd_error err = { 0 };
    nd_index *ix = nd_index_open(dir, &g->io, &err);
    if (!ix) {
        fprintf(stderr, "newsdup: %s\n", err.message);
        *rc = err.code == ND_ENOMEM ? EXIT_INTERNAL : EXIT_INPUT;
    }
    return ix;
}

/* Output lines waiting for their documents' commit, in input order. */
typedef struct verdict_queue {
    char **line;
    unsigned *flags;
    size_t n, cap;
    uint64_t waiting;        /* documents added and not committed */
    struct timespec first;   /* when the first of them was added */
} verdict_queue;

static int queue_push(verdict_queue *q, char *line, unsigned flags)
{
    if (q->n == q->cap) {
        size_t nc = q->cap ? q->cap * 2 : 64;
        char **l = realloc(q->line, nc * sizeof *l);
        if (l) q->line = l;
        unsigned *f = realloc(q->flags, nc * sizeof *f);
        if (f) q->flags = f;
        if (!l || !f) return -1;
        q->cap = nc;
    }
    q->line[q->n] = line;
    q->flags[q->n++] = flags;
    if (flags & ND_FILTER_ADDED && q->waiting++ == 0) clock_gettime(CLOCK_MONOTONIC, &q->first);
    return 0;
}

/* Commits what is waiting, then writes the queue: a verdict is never seen
 * before its document is durable. */
static int queue_flush(verdict_queue *q, nd_index *ix, int drop)
{
    nd_error err = { 0 };
    if (q->waiting && nd_index_commit(ix, &err)) {
        fprintf(stderr, "newsdup: %s; their verdicts were not written\n", err.message);
        return EXIT_INTERNAL;
    }
    q->waiting = 0;
    for (size_t i = 0; i < q->n; i++) {
        if (!(drop && q->flags[i] & ND_FILTER_DUPLICATE)) {
            fputs(q->line[i], stdout);
            putchar('\n');
        }
        free(q->line[i]);
    }
    q->n = 0;
    return fflush(stdout) || ferror(stdout) ? close_stdout() : 0;
}

static int filter_line(const ingest_args *g, nd_index *ix, verdict_queue *q, const char *line, size_t len,
                       uint64_t lineno)
{
    nd_error err = { 0 };
    unsigned flags;
    if (line && len && line[len - 1] == '\r') len--;
    char *out = nd_index_filter_line(ix, line, len, lineno, &flags, &err);
    if (!out || queue_push(q, out, flags)) {
        free(out);
        fprintf(stderr, "newsdup: %s\n", out ? "out of memory" : err.message);
        return EXIT_INTERNAL;
    }
    if (q->waiting >= g->commit_every || !q->waiting) return queue_flush(q, ix, g->drop);
    return 0;
}

/* Milliseconds until the waiting documents must be committed; -1 when none wait. */
static int commit_timeout(const ingest_args *g, const verdict_queue *q)
{
    if (!q->waiting) return -1;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double left = (double)g->commit_ms - seconds_between(&q->first, &now) * 1000.0;
    return left <= 0 ? 0 : (int)left + 1;
}

/* Reads stdin with poll, so a quiet input still gets its verdicts after
 * --commit-ms; lines over the limit are read through without being kept. */
static int filter_stream(const ingest_args *g, nd_index *ix)
{
    size_t max = g->io.opt.max_line_bytes, cap = 1u << 16, start = 0, end = 0, dropped = 0;
    char *buf = malloc(cap);
    verdict_queue q = { 0 };
    uint64_t lineno = 0;
    int rc = buf ? 0 : EXIT_INTERNAL, eof = 0;
    while (!rc) {
        char *nl;
        while (!rc && (nl = memchr(buf + start, '\n', end - start))) {
            size_t len = (size_t)(nl - buf) - start;
            rc = filter_line(g, ix, &q, dropped || len > max ? NULL : buf + start, dropped + len, ++lineno);
            dropped = 0;
            start += len + 1;
        }
        if (rc) break;
        if (eof) {
            if (end > start || dropped)
                rc = filter_line(g, ix, &q, dropped || end - start > max ? NULL : buf + start, dropped + end - start, ++lineno);
            break;
        }
        if (end - start > max) {
            dropped += end - start;
            start = end = 0;
        } else if (start) {
            memmove(buf, buf + start, end - start);
            end -= start;
            start = 0;
        }
        if (end == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                rc = EXIT_INTERNAL;
                fputs("newsdup: out of memory reading standard input\n", stderr);
                break;
            }
            buf = nb;
            cap *= 2;
        }
        int timeout = commit_timeout(g, &q);
        if (timeout == 0) {
            rc = queue_flush(&q, ix, g->drop);
            continue;
        }
        struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
        int k = poll(&p, 1, timeout);
        if (k == 0) rc = queue_flush(&q, ix, g->drop);
        if (k <= 0) continue;  /* timeout handled, or EINTR */
        ssize_t n = read(STDIN_FILENO, buf + end, cap - end);
        if (n < 0 && errno != EINTR) {
            fprintf(stderr, "newsdup: cannot read standard input: %s\n", strerror(errno));
            rc = EXIT_INPUT;
        } else if (n == 0) {
            eof = 1;
        } else if (n > 0) {
            end += (size_t)n;
        }
    }
    /* after an input error the lines read so far still get their verdicts */
    if (rc != EXIT_INTERNAL) {
        int frc = queue_flush(&q, ix, g->drop);
        if (frc) rc = frc;
    }
    for (size_t i = 0; i < q.n; i++) free(q.line[i]);
    free(q.line);
    free(q.flags);
    free(buf);
    return rc;
}

static int filter_main(int argc, char **argv)
{
    ingest_args g;
    int rc = parse_ingest(&g, argc, argv, 2, "filter", ~0u, help_filter);
    if (rc != GO_ON) return rc;
    if (!g.index) return usage_error("filter needs --index DIR");
    if (g.nargs) return usage_error("filter reads standard input; unexpected argument '%s'", g.args[0]);
    nd_index *ix = open_index(&g, g.index, &rc);
    if (!ix) return rc;
    rc = filter_stream(&g, ix);
    nd_index_close(ix);
    return rc;
}

static int index_stats(nd_index *ix, const char *dir)
{
    nd_error err = { 0 };
    nd_index_stats st;
    if (nd_index_stats_get(ix, &st, &err)) return fail(&(console){ 0 }, EXIT_INTERNAL, err.message);
    double per = st.documents ? (double)st.used_bytes / (double)st.documents : 0;
    printf("index       %s\n"
           "format      %u\n"
           "documents   %llu  (new %llu, copy %llu, rewrite %llu)\n"
           "with text   %llu\n"
           "postings    %llu\n"
           "size        %llu bytes on disk, %llu in use: %.0f bytes a document\n",
           dir, st.format, (unsigned long long)st.documents, (unsigned long long)st.verdicts[0],
           (unsigned long long)st.verdicts[1], (unsigned long long)st.verdicts[2], (unsigned long long)st.with_text,
           (unsigned long long)st.postings, (unsigned long long)st.file_bytes,
           (unsigned long long)st.used_bytes, per);
    return close_stdout();
}

/* What `index add` did: documents by verdict (new, copy, rewrite, seen), and skipped. */
typedef struct tally {
    uint64_t verdicts[4];
    uint64_t skipped;
} tally;

/* Reads the PATHs into a corpus (listing what they skip) and hands each
 * document to `each`. */
static int index_each(const ingest_args *g, nd_index *ix,
                      int (*each)(nd_index *, const nd_corpus *, uint32_t, tally *), tally *counts)
{
    console con = { 0 };
    nd_error err = { 0 };
    nd_corpus *c = nd_corpus_new(&g->io.opt, &err);
    if (!c) return fail(&con, EXIT_INTERNAL, err.message);
    int rc = 0;
    for (int i = 1; i < g->nargs && !rc; i++) {
        nd_status st = nd_corpus_add_path(c, g->args[i], &err);
        print_notices(&con, c);
        if (st) rc = fail(&con, input_exit(st), err.message);
    }
    for (uint32_t d = 0; !rc && d < nd_corpus_size(c); d++) rc = each(ix, c, d, counts);
    counts->skipped += nd_corpus_nskipped(c);
    nd_corpus_free(c);
    return rc;
}

static int query_one(nd_index *ix, const nd_corpus *c, uint32_t d, tally *counts)
{
    nd_error err = { 0 };
    nd_index_answer a;
    size_t len;
    const char *text = nd_doc_text(c, d, &len), *id = nd_doc_id(c, d);
    if (nd_index_query(ix, NULL, text, len, &a, &err)) {
        fprintf(stderr, "newsdup: %s: %s\n", id, err.message);
        return err.code == ND_EIO || err.code == ND_ENOMEM ? EXIT_INTERNAL : 0;
    }
    if (a.verdict == ND_VERDICT_NEW) printf("%s: new\n", id);
    else printf("%s: %s of %s (similarity %.4f)\n", id, nd_verdict_name(a.verdict), a.of, (double)a.similarity);
    for (size_t i = 0; i < a.nmatches; i++)
        printf("  %-8s %.4f  %s\n", a.matches[i].relation == ND_COPY ? "copy" : "rewrite",
               (double)a.matches[i].similarity, a.matches[i].id);
    return 0;
}

#define ADD_COMMIT_EVERY 1000

static int add_one(nd_index *ix, const nd_corpus *c, uint32_t d, tally *counts)
{
    nd_error err = { 0 };
    nd_index_answer a;
    size_t len;
    const char *text = nd_doc_text(c, d, &len), *id = nd_doc_id(c, d);
    nd_status st = nd_index_add(ix, id, text, len, nd_doc_meta_of(c, d), &a, &err);
    if (st == ND_EIO || st == ND_ENOMEM) return fail(&(console){ 0 }, EXIT_INTERNAL, err.message);
    if (st) {
        fprintf(stderr, "newsdup: skipped %s: %s\n", id, err.message);
        counts->skipped++;
        return 0;
    }
    counts->verdicts[a.verdict]++;
    if (nd_index_pending(ix) >= ADD_COMMIT_EVERY && nd_index_commit(ix, &err))
        return fail(&(console){ 0 }, EXIT_INTERNAL, err.message);
    return 0;
}

static int index_main(int argc, char **argv)
{
    if (argc < 3) return usage_error("index needs a subcommand: stats, query or add");
    const char *sub = argv[2];
    if (!strcmp(sub, "-h") || !strcmp(sub, "--help")) {
        fputs(help_index, stdout);
        return close_stdout();
    }
    int is_stats = !strcmp(sub, "stats"), is_query = !strcmp(sub, "query"), is_add = !strcmp(sub, "add");
    if (!is_stats && !is_query && !is_add)
        return usage_error("unknown index subcommand '%s' (expected stats, query or add)", sub);
    unsigned allowed = 1u << IG_HELP | 1u << IG_DOC | 1u << IG_LINE;
    if (is_add) allowed |= 1u << IG_TEXT | 1u << IG_SYNC;
    ingest_args g;
    int rc = parse_ingest(&g, argc, argv, 3, sub, allowed, help_index);
    if (rc != GO_ON) return rc;
    if (g.nargs < 1) return usage_error("index %s needs the index directory", sub);
    if (is_stats && g.nargs > 1) return usage_error("index stats takes one directory, not '%s'", g.args[1]);
    if (!is_stats && g.nargs < 2) return usage_error("index %s needs at least one PATH", sub);
    g.io.read_only = !is_add;
    nd_index *ix = open_index(&g, g.args[0], &rc);
    if (!ix) return rc;
    tally counts = { { 0 }, 0 };
    if (is_stats) rc = index_stats(ix, g.args[0]);
    else rc = index_each(&g, ix, is_query ? query_one : add_one, &counts);
    nd_error err = { 0 };
    if (is_add && !rc && nd_index_commit(ix, &err)) rc = fail(&(console){ 0 }, EXIT_INTERNAL, err.message);
    if (is_add && !rc)
        printf("added %llu documents to %s: %llu new, %llu copy, %llu rewrite; %llu already there, %llu skipped\n",
               (unsigned long long)(counts.verdicts[0] + counts.verdicts[1] + counts.verdicts[2]), g.args[0],
               (unsigned long long)counts.verdicts[0], (unsigned long long)counts.verdicts[1],
               (unsigned long long)counts.verdicts[2], (unsigned long long)counts.verdicts[3],
               (unsigned long long)counts.skipped);
    if (!is_stats && !rc) rc = close_stdout();
    nd_index_close(ix);
    return rc;
}

int main(int argc, char **argv)
{
    /* A closed pipe must show up as a failed write (exit 3), not kill us silently. */
    signal(SIGPIPE, SIG_IGN);
    if (argc >= 2 && !strcmp(argv[1], "filter")) return filter_main(argc, argv);
    if (argc >= 2 && !strcmp(argv[1], "index")) return index_main(argc, argv);
    cli a;
    int rc = parse_args(&a, argc, argv);
    return rc == GO_ON ? run(&a) : rc;
}

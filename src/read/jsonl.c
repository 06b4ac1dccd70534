/* JSON Lines: one document a line, streamed so that input of any size reads in
 * memory bounded by the longest accepted line. */
#include "jsonl.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "corpus.h"
#include "../util/error.h"

/* Lines from a FILE* or a gzFile (zlib also reads plain files through it).
 * buf[start, end) is read but not yet returned; buf[start, scan) has no '\n'. */
typedef struct lines {
    FILE *f;
    gzFile gz;
    const char *path;  /* for messages; zlib puts it in front of its own */
    char *buf;
    size_t cap, start, scan, end;
    int eof;
    const char *why;   /* what the failed read said */
} lines;

enum { LINE_OK, LINE_LONG, LINE_END, LINE_ERROR, LINE_NOMEM };

/* What zlib said went wrong, or NULL when nothing did. */
static const char *gz_why(const lines *r)
{
    int zerr;
    const char *msg = gzerror(r->gz, &zerr);
    if (zerr == Z_OK) return NULL;
    if (zerr == Z_ERRNO) return strerror(errno);
    size_t n = strlen(r->path);
    return strncmp(msg, r->path, n) == 0 && msg[n] == ':' && msg[n + 1] == ' ' ? msg + n + 2 : msg;
}

static int fill(lines *r)
{
    size_t room = r->cap - r->end;
    long k;
    if (r->gz) {
        k = gzread(r->gz, r->buf + r->end, room > INT_MAX ? INT_MAX : (unsigned)room);
        /* A truncated stream ends like a whole one; only gzerror tells them apart. */
        if (k <= 0 && (r->why = gz_why(r)) != NULL) return LINE_ERROR;
    } else {
        k = (long)fread(r->buf + r->end, 1, room, r->f);
        if (k == 0 && ferror(r->f)) {
            r->why = strerror(errno);
            return LINE_ERROR;
        }
    }
    if (k == 0) r->eof = 1;
    r->end += (size_t)k;
    return LINE_OK;
}

/* Next line, without its "\n" or "\r\n", in *line and *len (valid until the
 * next call); *raw is every byte it took from the input.  A line over max is
 * LINE_LONG and is read through to its end without being kept. */
static int next_line(lines *r, size_t max, const char **line, size_t *len, size_t *raw)
{
    size_t dropped = 0;
    for (;;) {
        char *nl = memchr(r->buf + r->scan, '\n', r->end - r->scan);
        if (nl || (r->eof && (r->end > r->start || dropped))) {
            size_t stop = nl ? (size_t)(nl - r->buf) : r->end;
            *line = r->buf + r->start;
            *len = stop - r->start;
            *raw = dropped + *len + (nl != NULL);
            if (nl && *len && nl[-1] == '\r') --*len;
            r->start = r->scan = stop + (nl != NULL);
            return dropped || *len > max ? LINE_LONG : LINE_OK;
        }
        if (r->eof) return LINE_END;
        r->scan = r->end;
        if (r->end - r->start > max) {
            dropped += r->end - r->start;
            r->start = r->scan = r->end = 0;
        } else if (r->end == r->cap && r->start > 0) {
            memmove(r->buf, r->buf + r->start, r->end - r->start);
            r->end -= r->start;
            r->scan = r->end;
            r->start = 0;
        } else if (r->end == r->cap) {
            char *nb = r->cap <= SIZE_MAX / 2 ? realloc(r->buf, r->cap * 2) : NULL;
            if (!nb) return LINE_NOMEM;
            r->buf = nb;
            r->cap *= 2;
        }
        int rc = fill(r);
        if (rc != LINE_OK) return rc;
    }
}

static const char *kind(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

/* The optional string member key of o: 0 with *s (NULL when absent or null)
 * and *n, or -1 with the reason in why.  Only "text" may hold NUL bytes: the
 * corpus judges those, while ids and metadata are C strings. */
static int member(const json_t *o, const char *key, const char **s, size_t *n, char *why, size_t whysz)
{
    const json_t *v = json_object_get(o, key);
    *s = NULL;
    *n = 0;
    if (!v || json_is_null(v)) return 0;
    if (!json_is_string(v)) {
        snprintf(why, whysz, "\"%s\" must be a string, not %s", key, kind(v));
        return -1;
    }
    *s = json_string_value(v);
    *n = json_string_length(v);
    if (strcmp(key, "text") && strlen(*s) != *n) {
        snprintf(why, whysz, "\"%s\" contains a NUL byte", key);
        return -1;
    }
    return 0;
}

static const struct { const char *key; size_t off; } meta_keys[] = {
    { "title", offsetof(nd_doc_meta, title) },
    { "url", offsetof(nd_doc_meta, url) },
    { "source", offsetof(nd_doc_meta, source) },
    { "published", offsetof(nd_doc_meta, published) },
};

typedef nd_jsonl_doc line_doc;

/* Fills d from o: 0 when it is a usable document, -1 when it has no usable id,
 * 1 when it has an id but something else is wrong; why says what. */
static int parse_doc(const json_t *o, line_doc *d)
{
    size_t n;
    if (!json_is_object(o)) {
        snprintf(d->why, sizeof d->why, "line is not a JSON object but %s", kind(o));
        return -1;
    }
    const json_t *jid = json_object_get(o, "id");
    if (json_is_integer(jid)) {
        snprintf(d->idbuf, sizeof d->idbuf, "%" JSON_INTEGER_FORMAT, json_integer_value(jid));
        d->id = d->idbuf;
    } else if (jid && !json_is_string(jid) && !json_is_null(jid)) {
        snprintf(d->why, sizeof d->why, "\"id\" must be a string or an integer, not %s", kind(jid));
        return -1;
    } else if (member(o, "id", &d->id, &n, d->why, sizeof d->why)) {
        return -1;
    }
    if (!d->id || !*d->id) {
        snprintf(d->why, sizeof d->why, d->id ? "\"id\" is empty" : "missing \"id\" field");
        return -1;
    }
    if (member(o, "text", &d->text, &d->len, d->why, sizeof d->why)) return 1;
    if (!d->text) {
        snprintf(d->why, sizeof d->why, "missing \"text\" field");
        return 1;
    }
    for (size_t i = 0; i < sizeof meta_keys / sizeof meta_keys[0]; i++) {
        const char **slot = (const char **)((char *)&d->meta + meta_keys[i].off);
        if (member(o, meta_keys[i].key, slot, &n, d->why, sizeof d->why)) return 1;
    }
    return 0;
}

int nd_jsonl_parse_line(const char *line, size_t len, void **json, nd_jsonl_doc *d)
{
    json_error_t je;
    memset(d, 0, sizeof *d);
    json_t *o = json_loadb(line, len, JSON_ALLOW_NUL, &je);
    *json = o;
    if (!o) {
        if (json_error_code(&je) == json_error_invalid_utf8)
            snprintf(d->why, sizeof d->why, "invalid UTF-8 in JSON at byte %d of the line", je.position);
        else
            snprintf(d->why, sizeof d->why, "broken JSON at column %d: %s", je.column, je.text);
        return -1;
    }
    return parse_doc(o, d);
}

/* Records a line that holds no usable id, naming it "<name>:<line>". */
static void skip_line(nd_corpus *c, const char *name, unsigned long long lineno, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void skip_line(nd_corpus *c, const char *name, unsigned long long lineno, const char *fmt, ...)
{
    char where[PATH_MAX + 32], why[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    snprintf(where, sizeof where, "%s:%llu", name, lineno);
    nd_corpus_skip(c, where, "%s", why);
}

/* Adds the document on one line, or records why the line has none; *counted
 * receives the bytes nd_corpus_add counted as read. */
static nd_status add_line(nd_corpus *c, const char *name, unsigned long long lineno,
                          const char *line, size_t len, size_t *counted, nd_error *err)
{
    *counted = 0;
    if (lineno == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
        line += 3;
        len -= 3;
    }
    size_t blank = 0;
    while (blank < len && (line[blank] == ' ' || line[blank] == '\t' || line[blank] == '\r')) blank++;
    if (blank == len) return ND_OK;
    line_doc d;
    void *json;
    int bad = nd_jsonl_parse_line(line, len, &json, &d);
    json_t *o = json;
    nd_status st = ND_OK;
    if (bad < 0) skip_line(c, name, lineno, "%s", d.why);
    else if (bad) nd_corpus_skip(c, d.id, "%s:%llu: %s", name, lineno, d.why);
    else {
        *counted = d.len;
        st = nd_corpus_add(c, d.id, d.text, d.len, &d.meta, err);
    }
    json_decref(o);
    return st == ND_ENOMEM ? st : ND_OK;
}

/* Reads lines until the input ends or `limit` bytes have been taken, the
 * first numbered lineno + 1. */
static nd_status read_lines(nd_corpus *c, lines *r, const char *name, uint64_t limit, unsigned long long lineno,
                            nd_error *err)
{
    if (!r->buf) {
        r->cap = 1u << 16;
        r->buf = malloc(r->cap);
        if (!r->buf) return nd_fail(err, ND_ENOMEM, "out of memory reading %s", name);
    }
    nd_status st = ND_OK;
    uint64_t taken = 0;
    while (taken < limit) {
        const char *line;
        size_t len, raw, counted;
        int k = next_line(r, c->opt.max_line_bytes, &line, &len, &raw);
        if (k == LINE_END) break;
        if (k == LINE_ERROR) {
            st = nd_fail(err, ND_EIO, "cannot read %s after %llu lines: %s", r->path, lineno, r->why);
            break;
        }
        if (k == LINE_NOMEM) {
            st = nd_fail(err, ND_ENOMEM, "out of memory reading line %llu of %s", lineno + 1, name);
            break;
        }
        lineno++;
        taken += raw;
        if (k == LINE_LONG) {
            skip_line(c, name, lineno, "line %llu is longer than max_line_bytes (%zu bytes)",
                      lineno, c->opt.max_line_bytes);
            counted = 0;
        } else if ((st = add_line(c, name, lineno, line, len, &counted, err)) != ND_OK) {
            break;
        }
        /* A JSON string is never longer unescaped than on its line: counted <= raw. */
        c->bytes_read += raw - counted;
    }
    return st;
}

nd_status nd_corpus_add_jsonl(nd_corpus *c, FILE *in, const char *name, nd_error *err)
{
    nd_error local;
    if (!name) name = "(stream)";
    lines r = { .f = in, .path = name };
    nd_status st = read_lines(c, &r, name, UINT64_MAX, 0, err ? err : &local);
    free(r.buf);
    return st;
}

nd_status nd_jsonl_read_file(nd_corpus *c, const char *path, const char *name, nd_error *err)
{
    nd_error local;
    if (!err) err = &local;
    errno = 0;
    gzFile gz = gzopen(path, "rb");
    if (!gz) return nd_fail(err, ND_EIO, "cannot open %s: %s", path, errno ? strerror(errno) : "out of memory");
    gzbuffer(gz, 1u << 17);
    lines r = { .gz = gz, .path = path };
    nd_status st = read_lines(c, &r, name, UINT64_MAX, 0, err);
    free(r.buf);
    gzclose(gz);
    return st;
}

int nd_jsonl_probe(const char *path, uint64_t *size, nd_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) return nd_fail(err, ND_EIO, "cannot open %s: %s", path, strerror(errno)), -1;
    unsigned char magic[2];
    int gz = fread(magic, 1, 2, f) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    int rc = fseeko(f, 0, SEEK_END) ? -1 : gz;
    off_t end = rc < 0 ? -1 : ftello(f);
    if (rc < 0 || end < 0) nd_fail(err, ND_EIO, "cannot read %s: %s", path, strerror(errno)), rc = -1;
    *size = end < 0 ? 0 : (uint64_t)end;
    fclose(f);
    return rc;
}

/* Opens path at byte `at`, or fails with ND_EIO. */
static FILE *open_at(const char *path, uint64_t at, nd_error *err)
{
    FILE *f = fopen(path, "rb");
    if (f && fseeko(f, (off_t)at, SEEK_SET) == 0) return f;
    nd_fail(err, ND_EIO, "cannot read %s: %s", path, strerror(errno));
    if (f) fclose(f);
    return NULL;
}

/* A line belongs to the range its first byte is in; lines start at byte 0 and
 * after each newline that is not the file's last byte. */
int nd_jsonl_count_lines(const char *path, uint64_t from, uint64_t to, uint64_t *n, nd_error *err)
{
    *n = 0;
    struct stat st;
    if (stat(path, &st)) return nd_fail(err, ND_EIO, "cannot open %s: %s", path, strerror(errno)), -1;
    uint64_t end = to < (uint64_t)st.st_size ? to : (uint64_t)st.st_size;
    if (from >= end) return 0;
    *n = from == 0;
    /* a newline at p starts the line at p + 1 */
    uint64_t at = from ? from - 1 : 0;
    FILE *f = open_at(path, at, err);
    if (!f) return -1;
    char buf[1 << 16];
    while (at < end - 1) {
        size_t want = end - 1 - at < sizeof buf ? (size_t)(end - 1 - at) : sizeof buf;
        size_t k = fread(buf, 1, want, f);
        if (k == 0) break;
        for (const char *q = buf; (q = memchr(q, '\n', (size_t)(buf + k - q))) != NULL; q++) (*n)++;
        at += k;
    }
    int failed = ferror(f);
    if (failed) nd_fail(err, ND_EIO, "cannot read %s: %s", path, strerror(errno));
    fclose(f);
    return failed ? -1 : 0;
}

nd_status nd_jsonl_read_range(nd_corpus *c, const char *path, const char *name, uint64_t from, uint64_t to,
                              uint64_t first_line, nd_error *err)
{
    nd_error local;
    if (!err) err = &local;
    if (from >= to) return ND_OK;
    FILE *f = open_at(path, from ? from - 1 : 0, err);
    if (!f) return err->code;
    lines r = { .f = f, .path = path, .cap = 1u << 16 };
    nd_status st = (r.buf = malloc(r.cap)) ? ND_OK : nd_fail(err, ND_ENOMEM, "out of memory reading %s", name);
    uint64_t start = from;
    int ch = from ? fgetc(f) : '\n';
    if (st == ND_OK && ch != '\n' && ch != EOF) {
        /* mid-line: the line is the previous range's; step over it, keeping none of it */
        const char *line;
        size_t len, raw = 0;
        int k = next_line(&r, 0, &line, &len, &raw);
        if (k == LINE_ERROR) st = nd_fail(err, ND_EIO, "cannot read %s: %s", path, r.why);
        else if (k == LINE_NOMEM) st = nd_fail(err, ND_ENOMEM, "out of memory reading %s", name);
        start += raw;
    }
    if (st == ND_OK && ch != EOF && start < to)
        st = read_lines(c, &r, name, to - start, (unsigned long long)first_line - 1, err);
    free(r.buf);
    fclose(f);
    return st;
}

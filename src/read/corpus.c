/* The document store: accepts documents, rejects bad ones with a reason, keeps the rest. */
#include "corpus.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xxhash.h>

#include "../normalise/decode.h"
#include "../pipeline/stream.h"
#include "../util/calendar.h"
#include "../util/error.h"

void nd_options_default(nd_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->max_doc_bytes = 16u << 20;
    opt->max_line_bytes = 64u << 20;
    opt->max_sentences = 5000;
    opt->copy_threshold = 0.5;
    opt->rewrite_threshold = 0.20;
    opt->related_threshold = 0.3;
    opt->keep_text = 1;
}

nd_corpus *nd_corpus_new(const nd_options *opt, nd_error *err)
{
    nd_corpus *c = calloc(1, sizeof *c);
    if (!c) {
        nd_fail(err, ND_ENOMEM, "out of memory creating a corpus");
        return NULL;
    }
    if (opt) c->opt = *opt;
    else nd_options_default(&c->opt);
    if (c->opt.max_doc_bytes == 0 || c->opt.max_line_bytes == 0 || c->opt.max_sentences == 0) {
        nd_fail(err, ND_EINVAL, "limits (max_doc_bytes, max_line_bytes, max_sentences) must be positive");
        free(c);
        return NULL;
    }
    nd_arena_init(&c->arena, 1u << 20);
    nd_arena_init(&c->batch, 1u << 20);
    return c;
}

void nd_corpus_free(nd_corpus *c)
{
    if (!c) return;
    nd_arena_free(&c->arena);
    nd_stream_free(c);
    nd_vec_free(&c->docs);
    nd_vec_free(&c->skipped);
    nd_vec_free(&c->warnings);
    free(c->id_slots);
    nd_docfreq_free(&c->df);
    free(c);
}

static void add_notice(nd_corpus *c, int skipped, const char *id, const char *fmt, va_list ap)
{
    char msg[600];
    vsnprintf(msg, sizeof msg, fmt, ap);
    nd_notice_at n = { { nd_arena_strdup(&c->arena, id ? id : "(unknown)"), nd_arena_strdup(&c->arena, msg) },
                       c->events++ };
    if (!n.n.id || !n.n.message) return;
    if (skipped) (void)nd_vec_push(&c->skipped, n);
    else (void)nd_vec_push(&c->warnings, n);
}

void nd_corpus_skip(nd_corpus *c, const char *id, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_notice(c, 1, id, fmt, ap);
    va_end(ap);
}

void nd_corpus_warn(nd_corpus *c, const char *id, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_notice(c, 0, id, fmt, ap);
    va_end(ap);
}

void nd_corpus_progress(const nd_corpus *c, const char *stage, uint64_t done, uint64_t total)
{
    if (!c->opt.progress) return;
    nd_progress p = { stage, done, total, c->bytes_read };
    c->opt.progress(c->opt.progress_ctx, &p);
}

/* ---- id set ---------------------------------------------------------- */

static size_t id_slot(const nd_corpus *c, const char *id, size_t idlen)
{
    size_t mask = c->id_cap - 1;
    size_t i = (size_t)XXH3_64bits(id, idlen) & mask;
    while (c->id_slots[i]) {
        const char *other = c->docs.v[c->id_slots[i] - 1].id;
        if (strncmp(other, id, idlen) == 0 && other[idlen] == 0) return i;
        i = (i + 1) & mask;
    }
    return i;
}

static int id_grow(nd_corpus *c)
{
    size_t cap = c->id_cap ? c->id_cap * 2 : 1024;
    uint32_t *old = c->id_slots;
    size_t oldcap = c->id_cap;
    c->id_slots = calloc(cap, sizeof *c->id_slots);
    if (!c->id_slots) {
        c->id_slots = old;
        return -1;
    }
    c->id_cap = cap;
    for (size_t i = 0; i < oldcap; i++) {
        if (!old[i]) continue;
        const char *id = c->docs.v[old[i] - 1].id;
        c->id_slots[id_slot(c, id, strlen(id))] = old[i];
    }
    free(old);
    return 0;
}

/* ---- dates ----------------------------------------------------------- */

static int digits(const char *s, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        *v = *v * 10 + (s[i] - '0');
    }
    return 0;
}

int nd_parse_time(const char *s, int64_t *t)
{
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &mo) || s[7] != '-' || digits(s + 8, 2, &d))
        return -1;
    if (!nd_valid_date(y, mo, d)) return -1;
    const char *p = s + 10;
    int64_t offset = 0;
    if (*p == 'T' || *p == ' ') {
        if (digits(p + 1, 2, &h) || p[3] != ':' || digits(p + 4, 2, &mi)) return -1;
        p += 6;
        if (*p == ':') {
            if (digits(p + 1, 2, &sec)) return -1;
            p += 3;
        }
        if (*p == '.' || *p == ',')
            for (p++; *p >= '0' && *p <= '9'; p++) {}
        if (h > 23 || mi > 59 || sec > 60) return -1;
        if (*p == 'Z') p++;
        else if (*p == '+' || *p == '-') {
            int oh, om = 0;
            int sign = *p == '-' ? -1 : 1;
            if (digits(p + 1, 2, &oh)) return -1;
            p += 3;
            if (*p == ':') p++;
            if (*p && digits(p, 2, &om) == 0) p += 2;
            if (oh > 23 || om > 59) return -1;
            offset = sign * (int64_t)(oh * 3600 + om * 60);
        }
    }
    if (*p) return -1;
    *t = nd_days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + sec - offset;
    return 0;
}

/* ---- adding ---------------------------------------------------------- */

static const char *meta_dup(nd_arena *a, const char *s)
{
    return s ? nd_arena_strdup(a, s) : NULL;
}

/* m's strings copied into a (a field NULL, or out of memory, stays NULL). */
static nd_doc_meta meta_copy(nd_arena *a, const nd_doc_meta *m)
{
    nd_doc_meta out = { 0 };
    if (m) out = (nd_doc_meta){ meta_dup(a, m->title), meta_dup(a, m->url), meta_dup(a, m->source),
                                meta_dup(a, m->published) };
    return out;
}

/* The id set's slot for id: 0 with *slot when id is new, 1 when it is
 * taken, -1 when out of memory. */
static int id_place(nd_corpus *c, const char *id, size_t idlen, size_t *slot)
{
    if ((c->id_cap == 0 || (c->docs.n + 1) * 2 > c->id_cap) && id_grow(c)) return -1;
    *slot = id_slot(c, id, idlen);
    return c->id_slots[*slot] ? 1 : 0;
}

/* Appends d, numbered among c's events, its id at `slot`.  0, or -1 when out of memory. */
static int doc_push(nd_corpus *c, nd_doc d, size_t slot)
{
    d.seq = c->events;
    if (c->docs.n >= UINT32_MAX - 1 || nd_vec_push(&c->docs, d)) return -1;
    c->events++;
    c->id_slots[slot] = (uint32_t)c->docs.n;
    return 0;
}

/* A letter or digit of any script; no-break spaces, dashes and the like alone
 * do not make a document.  s is valid UTF-8. */
static int has_words(const char *s, size_t n)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    while (i < n) {
        unsigned char ch = p[i];
        if (ch < 0x80) {
            if ((ch >= '0' && ch <= '9') || ((ch | 32) >= 'a' && (ch | 32) <= 'z')) return 1;
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) return 0;
        utf8proc_category_t cat = utf8proc_category(cp);
        if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
            (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO)) return 1;
        i += (size_t)k;
    }
    return 0;
}

nd_status nd_corpus_add(nd_corpus *c, const char *id, const char *text, size_t len,
                        const nd_doc_meta *meta, nd_error *err)
{
    nd_error local;
    if (!err) err = &local;
    if (!text) return nd_fail(err, ND_EINVAL, "%s: text is NULL", id ? id : "(unknown)");
    if (nd_stream_spent(c))
        return nd_fail(err, ND_EINVAL, "%s: this corpus was scanned and keeps no texts (keep_text 0): its fingerprints "
                       "went to that scan, and it takes no more documents", id ? id : "(unknown)");
    /* Every byte handed over was read, whether or not the document is kept. */
    c->bytes_read += len;
    if (!id || !*id) {
        nd_fail(err, ND_EFORMAT, "document has an empty id");
        nd_corpus_skip(c, id, "%s", err->message);
        return err->code;
    }
    size_t idlen = strlen(id), slot;
    int taken = id_place(c, id, idlen, &slot);
    if (taken < 0) return nd_fail(err, ND_ENOMEM, "%s: out of memory", id);
    if (taken) {
        nd_fail(err, ND_EDUP, "duplicate id: a document with id \"%s\" was already added; this one is skipped", id);
        nd_corpus_skip(c, id, "%s", err->message);
        return err->code;
    }
    if (len > c->opt.max_doc_bytes) {
        nd_fail(err, ND_ETOOBIG, "document is %zu bytes, over the limit of %zu (max_doc_bytes)",
                len, c->opt.max_doc_bytes);
        nd_corpus_skip(c, id, "%s", err->message);
        return err->code;
    }
    int64_t published = ND_TIME_UNKNOWN;
    if (meta && meta->published && *meta->published && nd_parse_time(meta->published, &published)) {
        nd_fail(err, ND_EFORMAT, "\"published\" is not an ISO 8601 date: \"%.60s\"", meta->published);
        nd_corpus_skip(c, id, "%s", err->message);
        return err->code;
    }
    char *utf8;
    size_t n;
    nd_decode_result dr = nd_decode(c->opt.keep_text ? &c->arena : &c->batch, text, len, &utf8, &n);
    if (dr == ND_DECODE_BINARY) {
        nd_fail(err, ND_EBINARY, "looks like a binary file (NUL or control bytes), not text");
        nd_corpus_skip(c, id, "%s", err->message);
        return err->code;
    }
    if (!utf8) return nd_fail(err, ND_ENOMEM, "%s: out of memory", id);
    if (!has_words(utf8, n)) {
        nd_fail(err, ND_EEMPTY, "document is empty (no letters or digits)");
        nd_corpus_skip(c, id, "%s", err->message);
        return err->code;
    }
    if (n > UINT32_MAX) return nd_fail(err, ND_ETOOBIG, "%s: document over 4 GiB", id);
    nd_doc d = { 0 };
    d.id = nd_arena_strndup(&c->arena, id, idlen);
    d.text = utf8;
    d.len = (uint32_t)n;
    d.published = published;
    d.meta = meta_copy(&c->arena, meta);
    if (!d.id) return nd_fail(err, ND_ENOMEM, "%s: out of memory", id);
    if (dr == ND_DECODE_CP1252) {
        d.flags |= ND_DOC_CP1252;
        nd_corpus_warn(c, id, "not valid UTF-8; decoded as Windows-1252");
    }
    if (doc_push(c, d, slot)) return nd_fail(err, ND_ENOMEM, "%s: out of memory", id);
    if (c->docs.n % 1000 == 0) nd_corpus_progress(c, "read", c->docs.n, 0);
    if (!c->opt.keep_text && (c->batch_bytes += n) >= ND_STREAM_BATCH_BYTES && nd_stream_flush(c))
        return nd_fail(err, ND_ENOMEM, "%s: out of memory fingerprinting", id);
    return ND_OK;
}

nd_status nd_corpus_put(nd_corpus *c, const nd_doc *src, nd_error *err)
{
    nd_error local;
    if (!err) err = &local;
    size_t idlen = strlen(src->id), slot;
    int taken = id_place(c, src->id, idlen, &slot);
    if (taken < 0) return nd_fail(err, ND_ENOMEM, "%s: out of memory", src->id);
    if (taken) return nd_fail(err, ND_EDUP, "duplicate id: a document with id \"%s\" was already added", src->id);
    nd_doc d = *src;
    d.id = nd_arena_strndup(&c->arena, src->id, idlen);
    char *text = nd_arena_alloc(&c->arena, (size_t)src->len + 1);
    d.meta = meta_copy(&c->arena, &src->meta);
    if (!d.id || !text) return nd_fail(err, ND_ENOMEM, "%s: out of memory", src->id);
    memcpy(text, src->text, src->len);
    text[src->len] = 0;
    d.text = text;
    if (doc_push(c, d, slot)) return nd_fail(err, ND_ENOMEM, "%s: out of memory", src->id);
    c->bytes_read += src->len;
    return ND_OK;
}

nd_status nd_corpus_need_text(const nd_corpus *c, const char *what, nd_error *err)
{
    if (c->opt.keep_text) return ND_OK;
    return nd_fail(err, ND_EINVAL, "%s needs the documents' texts, which this corpus does not keep (keep_text is 0)",
                   what);
}

uint32_t nd_corpus_size(const nd_corpus *c) { return (uint32_t)c->docs.n; }

const char *nd_doc_id(const nd_corpus *c, uint32_t i) { return i < c->docs.n ? c->docs.v[i].id : NULL; }

const char *nd_doc_text(const nd_corpus *c, uint32_t i, size_t *len)
{
    if (i >= c->docs.n) {
        if (len) *len = 0;
        return NULL;
    }
    if (len) *len = c->docs.v[i].len;
    return c->docs.v[i].text;
}

const nd_doc_meta *nd_doc_meta_of(const nd_corpus *c, uint32_t i)
{
    return i < c->docs.n ? &c->docs.v[i].meta : NULL;
}

size_t nd_corpus_nskipped(const nd_corpus *c) { return c->skipped.n; }
const nd_notice *nd_corpus_skipped(const nd_corpus *c, size_t i) { return i < c->skipped.n ? &c->skipped.v[i].n : NULL; }
size_t nd_corpus_nwarnings(const nd_corpus *c) { return c->warnings.n; }
const nd_notice *nd_corpus_warning(const nd_corpus *c, size_t i) { return i < c->warnings.n ? &c->warnings.v[i].n : NULL; }

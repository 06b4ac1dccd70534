/* The report stage's front door: format names, the sanity check every result
 * passes before any writer sees it, and the text clean-up the writers share. */
#include "report.h"

#include <errno.h>
#include <string.h>
#include <strings.h>

#include "../read/corpus.h"
#include "../util/error.h"

static const char *const format_names[] = {
    [ND_FORMAT_TEXT] = "text", [ND_FORMAT_JSON] = "json",
    [ND_FORMAT_CSV] = "csv", [ND_FORMAT_HTML] = "html",
};

int nd_format_parse(const char *name)
{
    for (int i = 0; name && i < (int)(sizeof format_names / sizeof *format_names); i++)
        if (strcasecmp(name, format_names[i]) == 0) return i;
    return -1;
}

static const char *const drift_names[ND_DRIFT_NTYPES] = {
    [ND_DRIFT_ATTRIBUTION_CHANGED] = "attribution_changed",
    [ND_DRIFT_ATTRIBUTION_DROPPED] = "attribution_dropped",
    [ND_DRIFT_ATTRIBUTION_TO_ORG] = "attribution_to_org",
    [ND_DRIFT_NUMBER_CHANGED] = "number_changed",
    [ND_DRIFT_ROLE_CHANGED] = "role_changed",
    [ND_DRIFT_HEDGE_REMOVED] = "hedge_removed",
    [ND_DRIFT_QUOTE_ALTERED] = "quote_altered",
};

const char *nd_drift_type_name(nd_drift_type t)
{
    return (unsigned)t < ND_DRIFT_NTYPES ? drift_names[t] : "unknown";
}

const char *nd_relation_name(nd_relation rel)
{
    static const char *const names[] = { [ND_ORIGIN] = "origin", [ND_COPY] = "copy", [ND_REWRITE] = "rewrite" };
    return names[rel];
}

void nd_put_unit(FILE *out, float x, int decimals)
{
    unsigned scale = decimals == 2 ? 100 : 10000;
    double v = x >= 0 ? (x <= 1 ? x : 1) : 0;
    unsigned n = (unsigned)(v * scale + 0.5);
    fprintf(out, "%u.%0*u", n / scale, decimals, n % scale);
}

/* ---- cleaning text for one line --------------------------------------- */

const char *nd_clean_line(nd_strbuf *b, const char *s, size_t n, size_t max_chars)
{
    /* Collapsing only shrinks the text, so input + "…" + NUL always fits. */
    b->n = 0;
    if (nd_vec_reserve(b, n + 4)) return NULL;
    char *o = b->v;
    size_t len = 0, chars = 0, last_space = 0, last_space_chars = 0;
    int space = 0, cut = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        /* Control characters go too: a stray ESC must not reach a terminal. */
        if (ch <= ' ' || ch == 0x7f) { space = len > 0; continue; }
        if (ch == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) { space = len > 0; i++; continue; }
        int starts_char = (ch & 0xC0) != 0x80;
        if (starts_char && max_chars && chars + space >= max_chars) { cut = 1; break; }
        if (space) {
            last_space = len;
            last_space_chars = chars;
            o[len++] = ' ';
            chars++;
            space = 0;
        }
        o[len++] = (char)ch;
        chars += starts_char;
    }
    if (cut) {
        /* Prefer ending on a whole word when that keeps most of the text. */
        if (last_space && last_space_chars >= max_chars * 3 / 4) len = last_space;
        memcpy(o + len, "\xE2\x80\xA6", 3);
        len += 3;
    }
    o[len] = 0;
    b->n = len;
    return o;
}

const char *nd_span_text(nd_strbuf *b, const nd_corpus *c, uint32_t doc,
                         const uint32_t span[2], size_t max_chars)
{
    const char *text = nd_doc_text(c, doc, NULL);
    return nd_clean_line(b, text + span[0], span[1] - span[0], max_chars);
}

/* ---- checking a result before writing it ------------------------------ */

static nd_status bad_doc(nd_error *err, const char *what, size_t k, uint32_t doc, uint32_t ndocs)
{
    return nd_fail(err, ND_EINVAL, "cannot write report: %s %zu names document %u, but the corpus holds %u",
                   what, k, doc, ndocs);
}

static nd_status check_span(const nd_corpus *c, uint32_t doc, const uint32_t span[2], size_t k, nd_error *err)
{
    size_t len;
    nd_doc_text(c, doc, &len);
    if (span[0] > span[1] || span[1] > len)
        return nd_fail(err, ND_EINVAL, "cannot write report: drift span [%u, %u) of cluster %zu lies outside "
                       "document \"%s\" (%zu bytes)", span[0], span[1], k, nd_doc_id(c, doc), len);
    return ND_OK;
}

/* Writers index the corpus with what r says; a result from another corpus or
 * a half-built one must fail here, not read out of bounds. */
static nd_status check_result(const nd_corpus *c, const nd_result *r, nd_error *err)
{
    uint32_t n = nd_corpus_size(c);
    for (size_t k = 0; k < r->nclusters; k++) {
        const nd_cluster *cl = &r->clusters[k];
        if (cl->origin >= n) return bad_doc(err, "cluster", k + 1, cl->origin, n);
        for (uint32_t i = 0; i < cl->nmembers; i++) {
            const nd_member *m = &cl->members[i];
            if (m->doc >= n || m->parent >= n) return bad_doc(err, "a member of cluster", k + 1, m->doc, n);
            if ((unsigned)m->relation > ND_REWRITE)
                return nd_fail(err, ND_EINVAL, "cannot write report: unknown relation %d in cluster %zu",
                               (int)m->relation, k + 1);
        }
        for (uint32_t i = 0; r->audited && i < cl->ndrifts; i++) {
            const nd_drift *d = &cl->drifts[i];
            if (d->doc >= n) return bad_doc(err, "a drift of cluster", k + 1, d->doc, n);
            if ((unsigned)d->type >= ND_DRIFT_NTYPES)
                return nd_fail(err, ND_EINVAL, "cannot write report: unknown drift type %d in cluster %zu",
                               (int)d->type, k + 1);
            nd_status st = check_span(c, cl->origin, d->origin_span, k + 1, err);
            if (st == ND_OK) st = check_span(c, d->doc, d->rewrite_span, k + 1, err);
            if (st) return st;
        }
    }
    for (size_t k = 0; k < r->nrelated; k++) {
        const nd_related *p = &r->related[k];
        if (p->a >= n || p->b >= n) return bad_doc(err, "related pair", k + 1, p->a >= n ? p->a : p->b, n);
    }
    return ND_OK;
}

nd_status nd_report_write(FILE *out, const nd_corpus *c, const nd_result *r,
                          nd_format fmt, nd_error *err)
{
    static nd_status (*const writers[])(FILE *, const nd_corpus *, const nd_result *) = {
        [ND_FORMAT_TEXT] = nd_report_text, [ND_FORMAT_JSON] = nd_report_json, [ND_FORMAT_CSV] = nd_report_csv,
        [ND_FORMAT_HTML] = nd_report_html,
    };
    if ((unsigned)fmt >= sizeof writers / sizeof *writers)
        return nd_fail(err, ND_EINVAL, "unknown report format %d", (int)fmt);
    nd_status st = check_result(c, r, err);
    if (st) return st;
    if (fmt == ND_FORMAT_HTML && (st = nd_corpus_need_text(c, "the HTML report", err))) return st;
    if (r->audited && (st = nd_corpus_need_text(c, "a report of drifts", err))) return st;
    if (writers[fmt](out, c, r))
        return nd_fail(err, ND_ENOMEM, "out of memory writing the %s report", format_names[fmt]);
    errno = 0;
    if (fflush(out) != 0 || ferror(out))
        return nd_fail(err, ND_EIO, "cannot write the %s report: %s", format_names[fmt], strerror(errno ? errno : EIO));
    return ND_OK;
}

/* The JSON report: one object, schema in the README.  Each record (member,
 * drift, pair, notice) sits on a line of its own so the output greps well. */
#include "report.h"

#include <string.h>
#include <utf8proc.h>

void nd_json_string(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    putc('"', out);
    for (size_t i = 0; i < n;) {
        unsigned ch = p[i];
        if (ch < 0x80) {
            if (ch == '"' || ch == '\\') fprintf(out, "\\%c", ch);
            else if (ch < 0x20) fprintf(out, "\\u%04x", ch);
            else if (ch == '/' && i > 0 && p[i - 1] == '<') fputs("\\/", out);
            else putc((int)ch, out);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k < 0) {
            /* File names need not be UTF-8; the output must be. */
            fputs("\\ufffd", out);
            i++;
        } else {
            /* Line and paragraph separators end a JavaScript string literal. */
            if (cp == 0x2028 || cp == 0x2029) fprintf(out, "\\u%04x", (unsigned)cp);
            else fwrite(p + i, 1, (size_t)k, out);
            i += (size_t)k;
        }
    }
    putc('"', out);
}

/* Arrays print one item a line: item() before each, end_array() after the last. */
static void item(FILE *out, size_t i, int indent)
{
    fprintf(out, "%s\n%*s", i ? "," : "", indent, "");
}

static void end_array(FILE *out, size_t n, int indent)
{
    if (n) fprintf(out, "\n%*s", indent, "");
    putc(']', out);
}

/* Writes `"key": value` after a separator. */
static void field(FILE *out, const char *sep, const char *key, const char *value)
{
    fprintf(out, "%s\"%s\": ", sep, key);
    nd_json_string(out, value);
}

static void notices(FILE *out, const nd_corpus *c, const char *key, const char *what, size_t n,
                    const nd_notice *(*get)(const nd_corpus *, size_t))
{
    fprintf(out, "  \"%s\": [", key);
    for (size_t i = 0; i < n; i++) {
        const nd_notice *x = get(c, i);
        item(out, i, 4);
        field(out, "{", "id", x->id);
        field(out, ", ", what, x->message);
        putc('}', out);
    }
    end_array(out, n, 2);
    fputs(",\n", out);
}

static void member(FILE *out, const nd_corpus *c, const nd_member *m)
{
    const nd_doc_meta *meta = nd_doc_meta_of(c, m->doc);
    field(out, "{", "id", nd_doc_id(c, m->doc));
    field(out, ", ", "relation", nd_relation_name(m->relation));
    fputs(", \"similarity\": ", out);
    nd_put_unit(out, m->similarity, 4);
    field(out, ", ", "parent", m->relation == ND_ORIGIN ? NULL : nd_doc_id(c, m->parent));
    if (meta->title) field(out, ", ", "title", meta->title);
    if (meta->source) field(out, ", ", "source", meta->source);
    if (meta->published) field(out, ", ", "published", meta->published);
    putc('}', out);
}

static nd_status drift(FILE *out, const nd_corpus *c, const nd_cluster *cl, const nd_drift *d, nd_strbuf *buf)
{
    field(out, "{", "doc", nd_doc_id(c, d->doc));
    field(out, ", ", "type", nd_drift_type_name(d->type));
    field(out, ", ", "origin_speaker", d->origin_speaker);
    field(out, ", ", "rewrite_speaker", d->rewrite_speaker);
    const char *text = nd_span_text(buf, c, cl->origin, d->origin_span, 0);
    if (!text) return ND_ENOMEM;
    field(out, ", ", "origin_text", text);
    if (!(text = nd_span_text(buf, c, d->doc, d->rewrite_span, 0))) return ND_ENOMEM;
    field(out, ", ", "rewrite_text", text);
    fprintf(out, ", \"origin_span\": [%u, %u], \"rewrite_span\": [%u, %u]",
            d->origin_span[0], d->origin_span[1], d->rewrite_span[0], d->rewrite_span[1]);
    field(out, ", ", "detail", d->detail);
    fputs(", \"confidence\": ", out);
    nd_put_unit(out, d->confidence, 4);
    putc('}', out);
    return ND_OK;
}

static nd_status cluster(FILE *out, const nd_corpus *c, const nd_result *r, const nd_cluster *cl, nd_strbuf *buf)
{
    fprintf(out, "{\n      \"id\": %u,\n", cl->id);
    field(out, "      ", "origin", nd_doc_id(c, cl->origin));
    field(out, ",\n      ", "origin_reason", cl->origin_reason);
    fputs(",\n      \"members\": [", out);
    for (uint32_t i = 0; i < cl->nmembers; i++) {
        item(out, i, 8);
        member(out, c, &cl->members[i]);
    }
    end_array(out, cl->nmembers, 6);
    if (r->audited) {
        fputs(",\n      \"drifts\": [", out);
        for (uint32_t i = 0; i < cl->ndrifts; i++) {
            item(out, i, 8);
            if (drift(out, c, cl, &cl->drifts[i], buf)) return ND_ENOMEM;
        }
        end_array(out, cl->ndrifts, 6);
    }
    fputs("\n    }", out);
    return ND_OK;
}

nd_status nd_report_json(FILE *out, const nd_corpus *c, const nd_result *r)
{
    nd_strbuf buf = { 0 };
    nd_status st = ND_OK;
    fprintf(out, "{\n  \"documents\": %u,\n", r->ndocs);
    notices(out, c, "skipped", "error", nd_corpus_nskipped(c), nd_corpus_skipped);
    notices(out, c, "warnings", "message", nd_corpus_nwarnings(c), nd_corpus_warning);
    fputs("  \"clusters\": [", out);
    for (size_t k = 0; k < r->nclusters && st == ND_OK; k++) {
        item(out, k, 4);
        st = cluster(out, c, r, &r->clusters[k], &buf);
    }
    end_array(out, r->nclusters, 2);
    fputs(",\n  \"related\": [", out);
    for (size_t k = 0; k < r->nrelated; k++) {
        const nd_related *p = &r->related[k];
        item(out, k, 4);
        field(out, "{", "a", nd_doc_id(c, p->a));
        field(out, ", ", "b", nd_doc_id(c, p->b));
        fputs(", \"similarity\": ", out);
        nd_put_unit(out, p->similarity, 4);
        putc('}', out);
    }
    end_array(out, r->nrelated, 2);
    fputs("\n}\n", out);
    nd_vec_free(&buf);
    return st;
}

/* The CSV report (RFC 4180, CRLF rows): one table, members of every cluster,
 * or, once audited, the drifts instead, since a CSV file holds one table. */
#include "report.h"

#include <string.h>

void nd_csv_field(FILE *out, const char *s)
{
    if (!s) return;
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    putc('"', out);
    for (; *s; s++) {
        if (*s == '"') putc('"', out);
        putc(*s, out);
    }
    putc('"', out);
}

static void members(FILE *out, const nd_corpus *c, const nd_result *r)
{
    fputs("cluster,origin,member,relation,similarity,parent\r\n", out);
    for (size_t k = 0; k < r->nclusters; k++) {
        const nd_cluster *cl = &r->clusters[k];
        for (uint32_t i = 0; i < cl->nmembers; i++) {
            const nd_member *m = &cl->members[i];
            fprintf(out, "%u,", cl->id);
            nd_csv_field(out, nd_doc_id(c, cl->origin));
            putc(',', out);
            nd_csv_field(out, nd_doc_id(c, m->doc));
            fprintf(out, ",%s,", nd_relation_name(m->relation));
            nd_put_unit(out, m->similarity, 4);
            putc(',', out);
            if (m->relation != ND_ORIGIN) nd_csv_field(out, nd_doc_id(c, m->parent));
            fputs("\r\n", out);
        }
    }
}

static nd_status drifts(FILE *out, const nd_corpus *c, const nd_result *r, nd_strbuf *buf)
{
    fputs("cluster,doc,type,origin_speaker,rewrite_speaker,origin_start,origin_end,"
          "rewrite_start,rewrite_end,confidence,detail,origin_text,rewrite_text\r\n", out);
    for (size_t k = 0; k < r->nclusters; k++) {
        const nd_cluster *cl = &r->clusters[k];
        for (uint32_t i = 0; i < cl->ndrifts; i++) {
            const nd_drift *d = &cl->drifts[i];
            fprintf(out, "%u,", cl->id);
            nd_csv_field(out, nd_doc_id(c, d->doc));
            fprintf(out, ",%s,", nd_drift_type_name(d->type));
            nd_csv_field(out, d->origin_speaker);
            putc(',', out);
            nd_csv_field(out, d->rewrite_speaker);
            fprintf(out, ",%u,%u,%u,%u,", d->origin_span[0], d->origin_span[1],
                    d->rewrite_span[0], d->rewrite_span[1]);
            nd_put_unit(out, d->confidence, 4);
            putc(',', out);
            nd_csv_field(out, d->detail);
            putc(',', out);
            const char *text = nd_span_text(buf, c, cl->origin, d->origin_span, 0);
            if (!text) return ND_ENOMEM;
            nd_csv_field(out, text);
            putc(',', out);
            if (!(text = nd_span_text(buf, c, d->doc, d->rewrite_span, 0))) return ND_ENOMEM;
            nd_csv_field(out, text);
            fputs("\r\n", out);
        }
    }
    return ND_OK;
}

nd_status nd_report_csv(FILE *out, const nd_corpus *c, const nd_result *r)
{
    if (!r->audited) {
        members(out, c, r);
        return ND_OK;
    }
    nd_strbuf buf = { 0 };
    nd_status st = drifts(out, c, r, &buf);
    nd_vec_free(&buf);
    return st;
}

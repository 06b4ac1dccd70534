/* The text report: what a person reads in a terminal, one block a cluster. */
#include "report.h"

#include <string.h>

#define ID_WIDTH_MAX 40      /* a longer id breaks the column rather than push titles off screen */
#define TITLE_CHARS 80
#define SENTENCE_CHARS 300

/* Characters, not bytes, so UTF-8 ids line up. */
static size_t chars_of(const char *s)
{
    size_t n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static nd_status members(FILE *out, const nd_corpus *c, const nd_cluster *cl, nd_strbuf *buf)
{
    size_t width = 0;
    for (uint32_t i = 0; i < cl->nmembers; i++) {
        size_t w = chars_of(nd_doc_id(c, cl->members[i].doc));
        if (w > width) width = w < ID_WIDTH_MAX ? w : ID_WIDTH_MAX;
    }
    for (uint32_t i = 0; i < cl->nmembers; i++) {
        const nd_member *m = &cl->members[i];
        const char *id = nd_doc_id(c, m->doc), *title = nd_doc_meta_of(c, m->doc)->title;
        fprintf(out, "  %-7s  ", nd_relation_name(m->relation));
        nd_put_unit(out, m->similarity, 2);
        fprintf(out, "  %s", id);
        if (title) {
            if (!(title = nd_clean_line(buf, title, strlen(title), TITLE_CHARS))) return ND_ENOMEM;
            size_t w = chars_of(id);
            if (*title) fprintf(out, "%*s  %s", w < width ? (int)(width - w) : 0, "", title);
        }
        putc('\n', out);
    }
    return ND_OK;
}

static nd_status drift(FILE *out, const nd_corpus *c, const nd_cluster *cl, const nd_drift *d, nd_strbuf *buf)
{
    fprintf(out, "    %s  %s  confidence ", nd_drift_type_name(d->type), nd_doc_id(c, d->doc));
    nd_put_unit(out, d->confidence, 2);
    const char *text = nd_span_text(buf, c, cl->origin, d->origin_span, SENTENCE_CHARS);
    if (!text) return ND_ENOMEM;
    fprintf(out, "\n      origin:   %s\n", text);
    if (!(text = nd_span_text(buf, c, d->doc, d->rewrite_span, SENTENCE_CHARS))) return ND_ENOMEM;
    fprintf(out, "      rewrite:  %s\n", text);
    if (d->origin_speaker || d->rewrite_speaker)
        fprintf(out, "      speakers: %s -> %s\n", d->origin_speaker ? d->origin_speaker : "(none)",
                d->rewrite_speaker ? d->rewrite_speaker : "(none)");
    if (d->detail) fprintf(out, "      detail:   %s\n", d->detail);
    return ND_OK;
}

static nd_status cluster(FILE *out, const nd_corpus *c, const nd_result *r, const nd_cluster *cl, nd_strbuf *buf)
{
    fprintf(out, "Cluster %u  origin: %s", cl->id, nd_doc_id(c, cl->origin));
    if (cl->origin_reason) fprintf(out, "  (%s)", cl->origin_reason);
    putc('\n', out);
    if (members(out, c, cl, buf)) return ND_ENOMEM;
    if (!r->audited) return ND_OK;
    if (cl->ndrifts == 0) {
        fputs("  no drifts\n", out);
        return ND_OK;
    }
    fputs("  drifts:\n", out);
    for (uint32_t i = 0; i < cl->ndrifts; i++)
        if (drift(out, c, cl, &cl->drifts[i], buf)) return ND_ENOMEM;
    return ND_OK;
}

static const char *plural(size_t n)
{
    return n == 1 ? "" : "s";
}

nd_status nd_report_text(FILE *out, const nd_corpus *c, const nd_result *r)
{
    nd_strbuf buf = { 0 };
    nd_status st = ND_OK;
    if (r->nclusters == 0) fputs("No copies or rewrites found.\n\n", out);
    for (size_t k = 0; k < r->nclusters && st == ND_OK; k++) {
        st = cluster(out, c, r, &r->clusters[k], &buf);
        putc('\n', out);
    }
    nd_vec_free(&buf);
    if (r->nrelated) {
        fputs("Related coverage (same story, not derived)\n", out);
        for (size_t k = 0; k < r->nrelated; k++) {
            const nd_related *p = &r->related[k];
            fputs("  ", out);
            nd_put_unit(out, p->similarity, 2);
            fprintf(out, "  %s  <->  %s\n", nd_doc_id(c, p->a), nd_doc_id(c, p->b));
        }
        putc('\n', out);
    }
    size_t nskipped = nd_corpus_nskipped(c);
    fprintf(out, "%u document%s, %zu cluster%s, %zu skipped\n", r->ndocs, plural(r->ndocs),
            r->nclusters, plural(r->nclusters), nskipped);
    return st;
}

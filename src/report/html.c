/* The HTML report: one self-contained page an editor reads in a browser.  An
 * overview of the clusters, then for each copy or rewrite its text beside the
 * origin's, sentence by aligned sentence, every drift marked on both sides.
 * Style and script are inline, and the page's Content-Security-Policy allows
 * no request and no script but its own, so the file is safe to mail: even a
 * slip in escaping could neither run code nor call out. */
#include "report.h"

#include <string.h>
#include <utf8proc.h>

#include "../fingerprint/features.h"
#include "../read/corpus.h"
#include "../tokenise/tokenise.h"
#include "../verify/align.h"

#define NONE UINT32_MAX

/* The CSP names this script by its SHA-256, so an edit here needs a new
 * hash: tests/e2e/test_html_browser.sh prints the one to paste. */
static const char script[] =
    "(function () {\n"
    "  // Open the view the address names (a click in the overview, or a bookmark).\n"
    "  function reveal() {\n"
    "    for (var e = document.getElementById(location.hash.slice(1)); e; e = e.parentElement)\n"
    "      if (e.tagName === 'DETAILS') e.open = true;\n"
    "  }\n"
    "  addEventListener('hashchange', reveal);\n"
    "  reveal();\n"
    "  var box = document.getElementById('furniture');\n"
    "  function furniture() { document.body.classList.toggle('furniture', box.checked); }\n"
    "  box.addEventListener('change', furniture);\n"
    "  furniture();\n"
    "  // A drift's marks sit on two rows that may be far apart: light both.\n"
    "  function light(ev, on) {\n"
    "    var m = ev.target.closest && ev.target.closest('[data-d]');\n"
    "    if (m) document.querySelectorAll('[data-d=\"' + m.dataset.d + '\"]')\n"
    "      .forEach(function (x) { x.classList.toggle('hot', on); });\n"
    "  }\n"
    "  document.addEventListener('mouseover', function (ev) { light(ev, true); });\n"
    "  document.addEventListener('mouseout', function (ev) { light(ev, false); });\n"
    "})();\n";
#define SCRIPT_SHA256 "sha256-KucSJMcUh9+10F/O7mWtJ9FfmQz3/zw5DI8ZvMT2rF0="

static const char style[] =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2328;background:#fff;"
    "margin:0 auto;max-width:1500px;padding:0 24px 48px}\n"
    "h1{font-size:22px;margin:20px 0 4px}h2{font-size:18px;margin:28px 0 8px}\n"
    ".muted,.reason,.title{color:#59636e}.reason,.title{font-size:13px}\n"
    "table{border-collapse:collapse}th{text-align:left;font-weight:600}\n"
    "th,td{padding:4px 8px;vertical-align:top}\n"
    ".overview td,.overview th,.related td{border-bottom:1px solid #d1d9e0}\n"
    ".overview th.n{writing-mode:vertical-rl;transform:rotate(180deg);font-size:12px;font-weight:500}\n"
    ".overview td.n{text-align:center}.overview td.zero{color:#b0b8c1}\n"
    ".overview tr.origin td{background:#f6f8fa}\n"
    ".legend{font-size:13px;columns:2;max-width:1100px;padding-left:18px}\n"
    "details.view{margin:12px 0;border:1px solid #d1d9e0;border-radius:6px}\n"
    "details.view>summary{cursor:pointer;padding:8px 12px;background:#f6f8fa;border-radius:6px}\n"
    "details.view[open]>summary{border-bottom:1px solid #d1d9e0;border-radius:6px 6px 0 0}\n"
    ".drifts{font-size:13px;margin:8px 12px 8px 0}.drifts li{margin:2px 0}\n"
    ".sbs{width:100%;table-layout:fixed}\n"
    ".sbs th{border-bottom:2px solid #d1d9e0;font-size:13px;position:sticky;top:0;background:#fff;z-index:1}\n"
    ".sbs col.spk{width:130px}.sbs td{border-bottom:1px solid #eef1f4}\n"
    ".sbs td.o{border-right:1px solid #d1d9e0}\n"
    "td.gap{background:repeating-linear-gradient(135deg,#f6f8fa 0 6px,#fff 6px 12px)}\n"
    "tr.origin-only td.o,tr.rewrite-only td.r{background:#fbfbfc}\n"
    "tr.furniture{display:none}body.furniture tr.furniture{display:table-row}\n"
    "tr.furniture td.o,tr.furniture td.r{color:#8c959f;font-size:13px}\n"
    "td.spk{font-size:12px;color:#59636e}td.spk.o{text-align:right}\n"
    ".who{display:block;font-weight:600;color:#1f2328}.who.changed{color:#b42318}\n"
    ".q{font-style:italic;color:#0b3d91}\n"
    "mark{background:none;color:inherit;border-bottom:2px solid;padding:1px 0}\n"
    ".tag{display:inline-block;font:600 11px/1.6 system-ui,sans-serif;color:#fff;border-radius:3px;"
    "padding:0 5px;margin-left:4px;text-decoration:none;white-space:nowrap;scroll-margin-top:30vh}\n"
    ".tag:target,.tag.hot,.who.hot{outline:3px solid #f5c518}\n"
    "mark.attribution_changed{background:#fde2e1;border-color:#d62728}.tag.attribution_changed{background:#d62728}\n"
    "mark.attribution_dropped{background:#fde9d7;border-color:#c4590b}.tag.attribution_dropped{background:#c4590b}\n"
    "mark.attribution_to_org{background:#efe3f7;border-color:#7b3fa0}.tag.attribution_to_org{background:#7b3fa0}\n"
    "mark.number_changed{background:#dde9f8;border-color:#1f5fbf}.tag.number_changed{background:#1f5fbf}\n"
    "mark.role_changed{background:#d9f0ee;border-color:#0f766e}.tag.role_changed{background:#0f766e}\n"
    "mark.hedge_removed{background:#f4efcc;border-color:#8a6d00}.tag.hedge_removed{background:#8a6d00}\n"
    "mark.quote_altered{background:#fbe0ef;border-color:#b0306f}.tag.quote_altered{background:#b0306f}\n"
    "td.n.attribution_changed{color:#d62728}td.n.attribution_dropped{color:#c4590b}"
    "td.n.attribution_to_org{color:#7b3fa0}td.n.number_changed{color:#1f5fbf}td.n.role_changed{color:#0f766e}"
    "td.n.hedge_removed{color:#8a6d00}td.n.quote_altered{color:#b0306f}td.n{font-weight:700}\n";

/* What each drift type means, for the legend (the README's words). */
static const char *const drift_meaning[ND_DRIFT_NTYPES] = {
    [ND_DRIFT_ATTRIBUTION_CHANGED] = "the claim is put in another person's mouth",
    [ND_DRIFT_ATTRIBUTION_DROPPED] = "the speaker is gone",
    [ND_DRIFT_ATTRIBUTION_TO_ORG] = "a person's claim is given to an organisation",
    [ND_DRIFT_NUMBER_CHANGED] = "a figure changed",
    [ND_DRIFT_ROLE_CHANGED] = "the speaker's title or role changed",
    [ND_DRIFT_HEDGE_REMOVED] = "a hedge (suggests, may, reportedly) became a flat statement",
    [ND_DRIFT_QUOTE_ALTERED] = "words inside a direct quotation changed",
};

typedef struct writer {
    FILE *out;
    const nd_corpus *c;
    const nd_result *r;
    nd_tokeniser *tk;
    nd_tokens ot, mt;   /* sentences of the cluster's origin and of the member in view */
    nd_features of, mf;
    nd_alignment al;
    /* the view being written */
    const nd_cluster *cl;
    size_t k;                 /* index of the cluster: anchors use it, as cluster ids need not be unique */
    ND_VEC(uint32_t) mine;    /* the cluster's drifts of the member in view */
} writer;

/* One column of a side-by-side view while its rows are written. */
typedef struct side {
    const char *text;
    const nd_tokens *t;
    char name;          /* 'o' origin, 'r' the copy or rewrite */
    uint32_t para;      /* paragraph of the sentence written last */
    int quote;          /* a quotation opened and not yet closed */
} side;

/* ---- text -------------------------------------------------------------- */

enum { Q_NONE, Q_OPEN, Q_CLOSE, Q_EITHER };

static int quote_kind(int32_t cp)
{
    switch (cp) {
    case 0x201C: case 0x201E: case 0xAB: return Q_OPEN;
    case 0x201D: case 0xBB: return Q_CLOSE;
    case '"': return Q_EITHER;
    default: return Q_NONE;
    }
}

/* Writes s[0..n) as HTML text, safe in an element and in a quoted attribute:
 * & < > " ' as entities, control characters as spaces, invalid UTF-8 as
 * U+FFFD.  With q, quotations are wrapped in <span class="q">; *q says
 * whether one is open, across calls, and each call closes its own span. */
static void put_text(FILE *out, const char *s, size_t n, int *q)
{
    const unsigned char *p = (const unsigned char *)s;
    if (q && *q) fputs("<span class=\"q\">", out);
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp = p[i];
        utf8proc_ssize_t k = 1;
        if (cp >= 0x80 && (k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp)) < 0) {
            cp = 0xFFFD;
            k = 1;
        }
        int kind = q ? quote_kind(cp) : Q_NONE;
        int opens = kind == Q_OPEN || (kind == Q_EITHER && !*q);
        if (kind && opens && !*q) {
            fputs("<span class=\"q\">", out);
            *q = 1;
        }
        switch (cp) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        case 0xFFFD: fputs("\xEF\xBF\xBD", out); break;
        default:
            /* HTML forbids C0 and C1 controls but tab and line breaks */
            if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp < 0xA0)) putc(' ', out);
            else fwrite(p + i, 1, (size_t)k, out);
        }
        if (kind && !opens && *q) {
            fputs("</span>", out);
            *q = 0;
        }
        i += (size_t)k;
    }
    if (q && *q) fputs("</span>", out);
}

static void put_str(FILE *out, const char *s)
{
    put_text(out, s, strlen(s), NULL);
}

/* "attribution_changed" as "attribution changed". */
static void put_label(FILE *out, nd_drift_type t)
{
    for (const char *s = nd_drift_type_name(t); *s; s++) putc(*s == '_' ? ' ' : *s, out);
}

static void put_speakers(FILE *out, const nd_drift *d)
{
    put_str(out, d->origin_speaker ? d->origin_speaker : "(none)");
    fputs(" -&gt; ", out);
    put_str(out, d->rewrite_speaker ? d->rewrite_speaker : "(none)");
}

/* The detail line of a drift, its speakers when it has none. */
static void put_detail(FILE *out, const nd_drift *d)
{
    if (d->detail) put_str(out, d->detail);
    else if (d->origin_speaker || d->rewrite_speaker) put_speakers(out, d);
}

static void put_tooltip(FILE *out, const nd_drift *d)
{
    put_label(out, d->type);
    fputs(": ", out);
    put_detail(out, d);
    fputs(" (confidence ", out);
    nd_put_unit(out, d->confidence, 2);
    putc(')', out);
}

/* ---- the overview ------------------------------------------------------ */

static void count_drifts(const nd_cluster *cl, uint32_t doc, uint32_t counts[ND_DRIFT_NTYPES])
{
    memset(counts, 0, ND_DRIFT_NTYPES * sizeof *counts);
    for (uint32_t j = 0; j < cl->ndrifts; j++)
        if (cl->drifts[j].doc == doc) counts[cl->drifts[j].type]++;
}

/* A document's id, linked to its view when it has one, with its title and a
 * line of explanation (why it is the origin, or what it was derived from). */
static void doc_cell(writer *w, uint32_t doc, const char *href, const char *note, const char *note_id)
{
    FILE *out = w->out;
    const char *title = nd_doc_meta_of(w->c, doc)->title;
    fputs("<td class=\"doc\">", out);
    if (href) fprintf(out, "<a href=\"#%s\">", href);
    put_str(out, nd_doc_id(w->c, doc));
    if (href) fputs("</a>", out);
    if (title) {
        fputs("<div class=\"title\">", out);
        put_str(out, title);
        fputs("</div>", out);
    }
    if (note) {
        fprintf(out, "<div class=\"reason\">%s", note);
        put_str(out, note_id);
        fputs("</div>", out);
    }
    fputs("</td>", out);
}

static void overview(writer *w)
{
    FILE *out = w->out;
    const nd_result *r = w->r;
    fputs("<section id=\"overview\"><h2>Clusters</h2>\n", out);
    if (r->nclusters == 0) {
        fputs("<p>No copies or rewrites found.</p></section>\n", out);
        return;
    }
    fputs("<table class=\"overview\"><thead><tr><th>cluster</th><th>member</th><th>relation</th>"
          "<th>similarity</th>", out);
    for (int t = 0; r->audited && t < ND_DRIFT_NTYPES; t++) {
        fprintf(out, "<th class=\"n\" title=\"%s\">", drift_meaning[t]);
        put_label(out, (nd_drift_type)t);
        fputs("</th>", out);
    }
    fputs("</tr></thead>\n", out);
    for (size_t k = 0; k < r->nclusters; k++) {
        const nd_cluster *cl = &r->clusters[k];
        uint32_t nrows = 1;
        for (uint32_t i = 0; i < cl->nmembers; i++) nrows += cl->members[i].relation != ND_ORIGIN;
        fprintf(out, "<tbody class=\"cluster\"><tr class=\"origin\"><td class=\"cluster\" rowspan=\"%u\">%u</td>",
                nrows, cl->id);
        doc_cell(w, cl->origin, NULL, cl->origin_reason ? "origin: " : NULL, cl->origin_reason);
        fputs("<td>origin</td><td>1.00</td>", out);
        if (r->audited) fprintf(out, "<td colspan=\"%d\"></td>", ND_DRIFT_NTYPES);
        fputs("</tr>\n", out);
        for (uint32_t i = 0; i < cl->nmembers; i++) {
            const nd_member *m = &cl->members[i];
            if (m->relation == ND_ORIGIN) continue;
            char href[48];
            snprintf(href, sizeof href, "v%zu-%u", k + 1, i);
            fprintf(out, "<tr class=\"%s\">", nd_relation_name(m->relation));
            /* a rewrite of a rewrite says which */
            int via = m->parent != cl->origin;
            doc_cell(w, m->doc, href, via ? "derived from " : NULL, via ? nd_doc_id(w->c, m->parent) : NULL);
            fprintf(out, "<td>%s</td><td>", nd_relation_name(m->relation));
            nd_put_unit(out, m->similarity, 2);
            fputs("</td>", out);
            if (r->audited) {
                uint32_t counts[ND_DRIFT_NTYPES];
                count_drifts(cl, m->doc, counts);
                for (int t = 0; t < ND_DRIFT_NTYPES; t++)
                    fprintf(out, "<td class=\"n %s\">%u</td>", counts[t] ? nd_drift_type_name((nd_drift_type)t)
                            : "zero", counts[t]);
            }
            fputs("</tr>\n", out);
        }
        fputs("</tbody>\n", out);
    }
    fputs("</table>\n", out);
    if (r->audited) {
        fputs("<ul class=\"legend\">", out);
        for (int t = 0; t < ND_DRIFT_NTYPES; t++) {
            fprintf(out, "<li><span class=\"tag %s\">", nd_drift_type_name((nd_drift_type)t));
            put_label(out, (nd_drift_type)t);
            fprintf(out, "</span> %s</li>", drift_meaning[t]);
        }
        fputs("</ul>\n", out);
    }
    fputs("</section>\n", out);
}

/* ---- side-by-side views ------------------------------------------------ */

/* Whether drift d is drawn at sentence s of sd: the first sentence its
 * span touches, so each mark (and its anchor) is drawn once. */
static int drift_at(const nd_drift *d, const side *sd, uint32_t s)
{
    const uint32_t *span = sd->name == 'o' ? d->origin_span : d->rewrite_span;
    const nd_sentence *se = &sd->t->sent[s];
    uint32_t end = span[1] > span[0] ? span[1] : span[0] + 1;
    return se->start < end && se->end > span[0] && (s == 0 || sd->t->sent[s - 1].end <= span[0]);
}

/* The speakers the drifts at sentence s give, each once; a speaker the
 * rewrite changed or dropped in red. */
static void margin(writer *w, const side *sd, uint32_t s)
{
    FILE *out = w->out;
    fprintf(out, "<td class=\"spk %c\">", sd->name);
    const nd_drift *ds = w->cl->drifts;
    for (size_t x = 0; s != NONE && x < w->mine.n; x++) {
        const nd_drift *d = &ds[w->mine.v[x]];
        if (!drift_at(d, sd, s)) continue;
        const char *who = sd->name == 'o' ? d->origin_speaker : d->rewrite_speaker;
        const char *other = sd->name == 'o' ? d->rewrite_speaker : d->origin_speaker;
        if (!who && !other) continue;
        size_t seen = 0;
        for (; seen < x; seen++) {
            const nd_drift *e = &ds[w->mine.v[seen]];
            const char *same = sd->name == 'o' ? e->origin_speaker : e->rewrite_speaker;
            if (drift_at(e, sd, s) && (same == who || (same && who && strcmp(same, who) == 0))) break;
        }
        if (seen < x) continue;
        int changed = !who || !other || strcmp(who, other) != 0;
        fprintf(out, "<span class=\"who%s\" data-d=\"d%zu-%u\">", changed ? " changed" : "", w->k + 1, w->mine.v[x]);
        if (who) put_str(out, who);
        else fputs("<i>no speaker</i>", out);
        fputs("</span>", out);
    }
    fputs("</td>", out);
}

/* A sentence: its text (quotations styled) inside one mark for all its
 * drifts, then a tag per drift linking to the drift's other side. */
static void cell(writer *w, side *sd, uint32_t s)
{
    FILE *out = w->out;
    if (s == NONE) {
        fprintf(out, "<td class=\"gap\" title=\"no aligned sentence in the %s\"></td>",
                sd->name == 'o' ? "origin" : "rewrite");
        return;
    }
    const nd_sentence *se = &sd->t->sent[s];
    if (se->para != sd->para) sd->quote = 0;  /* a stray quotation mark stops at the paragraph's end */
    sd->para = se->para;
    fprintf(out, "<td class=\"%c\">", sd->name);
    const nd_drift *ds = w->cl->drifts;
    uint32_t n = 0;
    for (size_t x = 0; x < w->mine.n; x++) {
        if (!drift_at(&ds[w->mine.v[x]], sd, s)) continue;
        if (n++ == 0) fputs("<mark class=\"drift", out);
        fprintf(out, " %s", nd_drift_type_name(ds[w->mine.v[x]].type));
    }
    if (n) {
        fputs("\" title=\"", out);
        for (size_t x = 0, i = 0; x < w->mine.n; x++) {
            if (!drift_at(&ds[w->mine.v[x]], sd, s)) continue;
            if (i++) fputs("&#10;", out);
            put_tooltip(out, &ds[w->mine.v[x]]);
        }
        fputs("\">", out);
    }
    put_text(out, sd->text + se->start, se->end - se->start, &sd->quote);
    if (n) fputs("</mark>", out);
    char other = sd->name == 'o' ? 'r' : 'o';
    for (size_t x = 0; x < w->mine.n; x++) {
        uint32_t j = w->mine.v[x];
        if (!drift_at(&ds[j], sd, s)) continue;
        const char *type = nd_drift_type_name(ds[j].type);
        fprintf(out, " <a class=\"tag %s\" id=\"d%zu-%u-%c\" href=\"#d%zu-%u-%c\" data-d=\"d%zu-%u\" title=\"",
                type, w->k + 1, j, sd->name, w->k + 1, j, other, w->k + 1, j);
        put_tooltip(out, &ds[j]);
        fputs("\">", out);
        put_label(out, ds[j].type);
        fputs("</a>", out);
    }
    fputs("</td>", out);
}

static void row(writer *w, side *o, uint32_t os, side *m, uint32_t ms)
{
    FILE *out = w->out;
    const nd_tokens *t = os != NONE ? o->t : m->t;
    int furniture = t->sent[os != NONE ? os : ms].flags & ND_SENT_BOILER;
    fprintf(out, "<tr class=\"%s%s\">", os == NONE ? "rewrite-only" : ms == NONE ? "origin-only" : "aligned",
            furniture ? " furniture" : "");
    margin(w, o, os);
    cell(w, o, os);
    cell(w, m, ms);
    margin(w, m, ms);
    fputs("</tr>\n", out);
}

/* Rows in the order of both texts: each aligned pair on one row, the
 * sentences between two pairs on rows of their own, the origin's first. */
static void rows(writer *w, side *o, side *m)
{
    uint32_t i = 0, j = 0;
    for (uint32_t p = 0; p <= w->al.npairs; p++) {
        uint32_t to_i = p < w->al.npairs ? w->al.pairs[p].a : w->ot.nsent;
        uint32_t to_j = p < w->al.npairs ? w->al.pairs[p].b : w->mt.nsent;
        for (; i < to_i; i++) row(w, o, i, m, NONE);
        for (; j < to_j; j++) row(w, o, NONE, m, j);
        if (p < w->al.npairs) row(w, o, i++, m, j++);
    }
}

/* The drifts of the view as a list, so they can be read without hovering. */
static void drift_list(writer *w)
{
    FILE *out = w->out;
    if (w->mine.n == 0) return;
    fputs("<ol class=\"drifts\">", out);
    for (size_t x = 0; x < w->mine.n; x++) {
        uint32_t j = w->mine.v[x];
        const nd_drift *d = &w->cl->drifts[j];
        fprintf(out, "<li data-d=\"d%zu-%u\"><span class=\"tag %s\">", w->k + 1, j, nd_drift_type_name(d->type));
        put_label(out, d->type);
        fputs("</span> ", out);
        put_detail(out, d);
        fputs(" <span class=\"muted\">confidence ", out);
        nd_put_unit(out, d->confidence, 2);
        fprintf(out, " · <a href=\"#d%zu-%u-o\">origin</a> · <a href=\"#d%zu-%u-r\">rewrite</a></span></li>",
                w->k + 1, j, w->k + 1, j);
    }
    fputs("</ol>\n", out);
}

static int features_of(writer *w, uint32_t doc, nd_tokens *t, nd_features *f)
{
    size_t len;
    const char *text = nd_doc_text(w->c, doc, &len);
    return nd_features_of_text(w->tk, text, len, w->c->opt.max_sentences, t, f);
}

static nd_status member_view(writer *w, uint32_t i)
{
    FILE *out = w->out;
    const nd_cluster *cl = w->cl;
    const nd_member *mem = &cl->members[i];
    if (features_of(w, mem->doc, &w->mt, &w->mf) || nd_align(&w->of, &w->mf, &w->al)) return ND_ENOMEM;
    w->mine.n = 0;
    for (uint32_t j = 0; w->r->audited && j < cl->ndrifts; j++)
        if (cl->drifts[j].doc == mem->doc && nd_vec_push(&w->mine, j)) return ND_ENOMEM;
    side o = { nd_doc_text(w->c, cl->origin, NULL), &w->ot, 'o', NONE, 0 };
    side m = { nd_doc_text(w->c, mem->doc, NULL), &w->mt, 'r', NONE, 0 };

    fprintf(out, "<details class=\"view\" id=\"v%zu-%u\"><summary>Cluster %u: %s <b>", w->k + 1, i, cl->id,
            nd_relation_name(mem->relation));
    put_str(out, nd_doc_id(w->c, mem->doc));
    fputs("</b> beside origin <b>", out);
    put_str(out, nd_doc_id(w->c, cl->origin));
    fputs("</b> <span class=\"muted\">similarity ", out);
    nd_put_unit(out, mem->similarity, 2);
    fprintf(out, ", %u aligned sentence%s", w->al.npairs, w->al.npairs == 1 ? "" : "s");
    if (w->r->audited) fprintf(out, ", %zu drift%s", w->mine.n, w->mine.n == 1 ? "" : "s");
    fputs("</span></summary>\n", out);
    drift_list(w);
    fputs("<table class=\"sbs\"><colgroup><col class=\"spk\"><col><col><col class=\"spk\"></colgroup>\n"
          "<thead><tr><th>speaker</th><th>origin: ", out);
    put_str(out, nd_doc_id(w->c, cl->origin));
    fprintf(out, "</th><th>%s: ", nd_relation_name(mem->relation));
    put_str(out, nd_doc_id(w->c, mem->doc));
    fputs("</th><th>speaker</th></tr></thead>\n<tbody>\n", out);
    rows(w, &o, &m);
    fputs("</tbody></table></details>\n", out);
    return ND_OK;
}

static nd_status views(writer *w)
{
    FILE *out = w->out;
    const nd_result *r = w->r;
    if (r->nclusters == 0) return ND_OK;
    fputs("<section id=\"views\"><h2>Side by side</h2>\n<p class=\"muted\">Origin left, copy or rewrite right; "
          "aligned sentences share a row, a hatched cell means no counterpart. Hover a drift tag for its "
          "detail, click it to jump to its other side.</p>\n", out);
    for (w->k = 0; w->k < r->nclusters; w->k++) {
        const nd_cluster *cl = w->cl = &r->clusters[w->k];
        if (features_of(w, cl->origin, &w->ot, &w->of)) return ND_ENOMEM;
        for (uint32_t i = 0; i < cl->nmembers; i++)
            if (cl->members[i].relation != ND_ORIGIN && member_view(w, i)) return ND_ENOMEM;
    }
    fputs("</section>\n", out);
    return ND_OK;
}

/* ---- the rest ---------------------------------------------------------- */

static void related(writer *w)
{
    FILE *out = w->out;
    const nd_result *r = w->r;
    if (r->nrelated == 0) return;
    fputs("<section id=\"related\"><h2>Related coverage</h2>\n<p class=\"muted\">Same story, written "
          "independently.</p>\n<table class=\"related\"><tbody>\n", out);
    for (size_t k = 0; k < r->nrelated; k++) {
        fputs("<tr><td>", out);
        nd_put_unit(out, r->related[k].similarity, 2);
        fputs("</td><td>", out);
        put_str(out, nd_doc_id(w->c, r->related[k].a));
        fputs("</td><td>", out);
        put_str(out, nd_doc_id(w->c, r->related[k].b));
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table></section>\n", out);
}

static void notices(writer *w, const char *id, const char *heading, size_t n,
                    const nd_notice *(*get)(const nd_corpus *, size_t))
{
    FILE *out = w->out;
    if (n == 0) return;
    fprintf(out, "<section id=\"%s\"><h2>%s</h2>\n<ul>", id, heading);
    for (size_t i = 0; i < n; i++) {
        const nd_notice *x = get(w->c, i);
        fputs("<li><b>", out);
        put_str(out, x->id);
        fputs("</b>: ", out);
        put_str(out, x->message);
        fputs("</li>", out);
    }
    fputs("</ul></section>\n", out);
}

nd_status nd_report_html(FILE *out, const nd_corpus *c, const nd_result *r)
{
    writer w = { .out = out, .c = c, .r = r };
    if (r->nclusters && !(w.tk = nd_tokeniser_new())) return ND_ENOMEM;
    const char *what = r->audited ? "audit" : "scan";
    size_t ndrifts = 0;
    for (size_t k = 0; r->audited && k < r->nclusters; k++) ndrifts += r->clusters[k].ndrifts;
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; script-src '" SCRIPT_SHA256 "'; base-uri 'none'; form-action 'none'\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"generator\" content=\"newsdup " ND_VERSION_STRING "\">\n"
            "<title>newsdup %s report</title>\n<style>\n%s</style>\n</head>\n<body>\n"
            "<header><h1>newsdup %s report</h1>\n<p class=\"summary\">%u document%s, %zu cluster%s",
            what, style, what, r->ndocs, r->ndocs == 1 ? "" : "s", r->nclusters, r->nclusters == 1 ? "" : "s");
    if (r->audited) fprintf(out, ", %zu drift%s", ndrifts, ndrifts == 1 ? "" : "s");
    fprintf(out, ", %zu skipped</p>\n<label><input type=\"checkbox\" id=\"furniture\"> show page furniture "
            "(menus, notices, bylines the comparison leaves out)</label></header>\n", nd_corpus_nskipped(c));
    overview(&w);
    nd_status st = views(&w);
    if (st == ND_OK) {
        related(&w);
        notices(&w, "skipped", "Skipped documents", nd_corpus_nskipped(c), nd_corpus_skipped);
        notices(&w, "warnings", "Warnings", nd_corpus_nwarnings(c), nd_corpus_warning);
        fprintf(out, "<script>%s</script>\n</body>\n</html>\n", script);
    }
    nd_tokeniser_free(w.tk);
    nd_tokens_free(&w.ot);
    nd_tokens_free(&w.mt);
    nd_features_free(&w.of);
    nd_features_free(&w.mf);
    nd_alignment_free(&w.al);
    nd_vec_free(&w.mine);
    return st;
}

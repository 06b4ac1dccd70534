/* The JSON Lines filter: one input line in, the same object with its
 * verdict out. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index.h"
#include "../read/jsonl.h"
#include "../util/error.h"

/* json_dumps of o with a last member `"similarity": x` spliced in by hand:
 * jansson would print a float with 17 digits. */
static char *dump_with_similarity(json_t *o, int with_sim, float sim)
{
    char *s = json_dumps(o, JSON_COMPACT);
    if (!s || !with_sim) return s;
    size_t n = strlen(s);
    char *r = malloc(n + 32);
    if (r) snprintf(r, n + 32, "%.*s%s\"similarity\":%.4f}", (int)(n - 1), s, n > 2 ? "," : "", (double)sim);
    free(s);
    return r;
}

/* The "newsdup" member's text for an answer, or for an error when why is set. */
static char *verdict_json(const nd_index_answer *a, const char *why)
{
    json_t *v = json_object();
    int ok = v != NULL;
    if (why) {
        ok = ok && !json_object_set_new(v, "verdict", json_string("error")) &&
             !json_object_set_new(v, "error", json_string(why));
    } else {
        ok = ok && !json_object_set_new(v, "verdict", json_string(nd_verdict_name(a->verdict)));
        if (a->verdict == ND_VERDICT_SEEN) ok = ok && !json_object_set_new(v, "was", json_string(nd_verdict_name(a->was)));
        if (a->of) ok = ok && !json_object_set_new(v, "of", json_string(a->of));
    }
    char *s = ok ? dump_with_similarity(v, !why && a->of, a->similarity) : NULL;
    json_decref(v);
    return s;
}

/* The input object (or an empty one) with "newsdup" set last. */
static char *output_line(json_t *o, const char *member)
{
    json_t *out = json_is_object(o) ? json_incref(o) : json_object();
    if (!out) return NULL;
    json_object_del(out, "newsdup");
    char *body = json_dumps(out, JSON_COMPACT);
    json_decref(out);
    if (!body) return NULL;
    size_t n = strlen(body), m = strlen(member);
    char *r = malloc(n + m + 16);
    if (r) snprintf(r, n + m + 16, "%.*s%s\"newsdup\":%s}", (int)(n - 1), body, n > 2 ? "," : "", member);
    free(body);
    return r;
}

char *nd_index_filter_line(nd_index *ix, const char *line, size_t len, uint64_t lineno, unsigned *flags,
                           nd_error *err)
{
    char why[600] = "";
    nd_index_answer a = { 0 };
    void *json = NULL;
    nd_jsonl_doc d;
    *flags = 0;
    size_t skip = line && lineno == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0, blank = skip;
    while (line && blank < len && (line[blank] == ' ' || line[blank] == '\t' || line[blank] == '\r')) blank++;
    if (!line) {
        snprintf(why, sizeof why, "line %llu is longer than max_line_bytes (%zu bytes)", (unsigned long long)lineno,
                 ix->o.opt.max_line_bytes);
    } else if (blank == len) {
        snprintf(why, sizeof why, "line %llu is empty", (unsigned long long)lineno);
    } else if (nd_jsonl_parse_line(line + skip, len - skip, &json, &d)) {
        snprintf(why, sizeof why, "line %llu: %s", (unsigned long long)lineno, d.why);
    } else {
        nd_error e = { 0 };
        nd_status st = ix->o.read_only ? nd_index_query(ix, d.id, d.text, d.len, &a, &e)
                                       : nd_index_add(ix, d.id, d.text, d.len, &d.meta, &a, &e);
        if (st == ND_EIO || st == ND_ENOMEM) {
            json_decref(json);
            nd_fail(err, st, "%s", e.message);
            return NULL;
        }
        if (st) snprintf(why, sizeof why, "line %llu: %s", (unsigned long long)lineno, e.message);
        else {
            nd_verdict v = a.verdict == ND_VERDICT_SEEN ? a.was : a.verdict;
            *flags = (!ix->o.read_only && a.verdict != ND_VERDICT_SEEN ? ND_FILTER_ADDED : 0) |
                     (v == ND_VERDICT_COPY || v == ND_VERDICT_REWRITE ? ND_FILTER_DUPLICATE : 0);
        }
    }
    char *member = verdict_json(&a, *why ? why : NULL);
    char *out = member ? output_line(json, member) : NULL;
    free(member);
    json_decref(json);
    if (!out) nd_fail(err, ND_ENOMEM, "out of memory writing the verdict of line %llu", (unsigned long long)lineno);
    return out;
}

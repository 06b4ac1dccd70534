/* The document store: what it accepts, what it rejects and why, and dates. */
#include "check.h"
#include "read/corpus.h"

#include <stdio.h>
#include <string.h>

static const char story[] =
    "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (\xC2\xA3" "600m) "
    "for the three months to December, from $639m year-earlier.";

static nd_corpus *corpus_with(size_t max_doc)
{
    nd_options o;
    nd_options_default(&o);
    if (max_doc) o.max_doc_bytes = max_doc;
    return nd_corpus_new(&o, NULL);
}

static void add_copies_id_text_and_meta(void)
{
    nd_corpus *c = corpus_with(0);
    char id[] = "bbc/business/001";
    char text[sizeof story];
    memcpy(text, story, sizeof story);
    char title[] = "Ad sales boost Time Warner profit";
    nd_doc_meta meta = { title, "https://news.bbc.co.uk/1/hi/business/4191455.stm", "BBC News",
                         "2005-02-07T09:00:00Z" };
    nd_error err = { 0 };
    CHECK_INT(nd_corpus_add(c, id, text, strlen(text), &meta, &err), ND_OK);
    /* the corpus keeps its own copies */
    memset(id, 'x', sizeof id - 1);
    memset(text, 'x', sizeof text - 1);
    memset(title, 'x', sizeof title - 1);
    CHECK_INT(nd_corpus_size(c), 1);
    CHECK_STR(nd_doc_id(c, 0), "bbc/business/001");
    size_t len;
    CHECK_STR(nd_doc_text(c, 0, &len), story);
    CHECK_INT(len, sizeof story - 1);
    const nd_doc_meta *m = nd_doc_meta_of(c, 0);
    CHECK_STR(m->title, "Ad sales boost Time Warner profit");
    CHECK_STR(m->source, "BBC News");
    CHECK_STR(m->published, "2005-02-07T09:00:00Z");
    CHECK_INT(c->docs.v[0].published, 1107766800);
    CHECK_INT(c->docs.v[0].flags, 0);
    CHECK_INT(nd_corpus_nskipped(c), 0);
    CHECK_INT(nd_corpus_nwarnings(c), 0);
    /* out of range */
    CHECK(nd_doc_id(c, 1) == NULL);
    CHECK(nd_doc_text(c, 1, &len) == NULL);
    CHECK_INT(len, 0);
    CHECK(nd_corpus_skipped(c, 0) == NULL);
    nd_corpus_free(c);
}

static void duplicate_id_rejected_and_listed(void)
{
    nd_corpus *c = corpus_with(0);
    nd_error err = { 0 };
    CHECK_INT(nd_corpus_add(c, "reuters-1", story, strlen(story), NULL, &err), ND_OK);
    static const char other[] = "Shares in the firm fell 3% in early trading on Wall Street.";
    CHECK_INT(nd_corpus_add(c, "reuters-1", other, strlen(other), NULL, &err), ND_EDUP);
    CHECK_INT(err.code, ND_EDUP);
    CHECK(strstr(err.message, "duplicate id") != NULL);
    CHECK(strstr(err.message, "\"reuters-1\"") != NULL);
    CHECK_INT(nd_corpus_size(c), 1);
    CHECK_STR(nd_doc_text(c, 0, NULL), story);
    CHECK_INT(nd_corpus_nskipped(c), 1);
    CHECK_STR(nd_corpus_skipped(c, 0)->id, "reuters-1");
    CHECK_STR(nd_corpus_skipped(c, 0)->message, err.message);
    /* NULL err is allowed and still records the reason */
    CHECK_INT(nd_corpus_add(c, "reuters-1", other, strlen(other), NULL, NULL), ND_EDUP);
    CHECK_INT(nd_corpus_nskipped(c), 2);
    nd_corpus_free(c);
}

static void many_ids_stay_unique(void)
{
    /* past several growths of the id table */
    nd_corpus *c = corpus_with(0);
    char id[32];
    int ok = 0, dup = 0;
    for (int i = 0; i < 5000; i++) {
        snprintf(id, sizeof id, "wire-%d", i);
        ok += nd_corpus_add(c, id, story, strlen(story), NULL, NULL) == ND_OK;
    }
    for (int i = 0; i < 5000; i += 7) {
        snprintf(id, sizeof id, "wire-%d", i);
        dup += nd_corpus_add(c, id, story, strlen(story), NULL, NULL) == ND_EDUP;
    }
    CHECK_INT(ok, 5000);
    CHECK_INT(dup, 715);
    CHECK_INT(nd_corpus_size(c), 5000);
    CHECK_STR(nd_doc_id(c, 4321), "wire-4321");
    nd_corpus_free(c);
}

static void empty_and_whitespace_rejected(void)
{
    nd_corpus *c = corpus_with(0);
    static const char *const empties[] = {
        "", "   \n\t\r\n  ", "\xC2\xA0\xC2\xA0\n", "\xE3\x80\x80", "-- \xE2\x80\x94 ... !?", "\xEF\xBB\xBF\n",
    };
    size_t n = sizeof empties / sizeof empties[0];
    nd_error err = { 0 };
    for (size_t i = 0; i < n; i++) {
        char id[16];
        snprintf(id, sizeof id, "empty-%zu", i);
        CHECK_INT(nd_corpus_add(c, id, empties[i], strlen(empties[i]), NULL, &err), ND_EEMPTY);
    }
    CHECK_STR(err.message, "document is empty (no letters or digits)");
    CHECK_INT(nd_corpus_size(c), 0);
    CHECK_INT(nd_corpus_nskipped(c), n);
    CHECK_STR(nd_corpus_skipped(c, 1)->id, "empty-1");
    /* a number alone, or a word of any script, is content */
    CHECK_INT(nd_corpus_add(c, "digits", "2025", 4, NULL, &err), ND_OK);
    CHECK_INT(nd_corpus_add(c, "greek", "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1", 10, NULL, &err), ND_OK);
    CHECK_INT(nd_corpus_add(c, "chinese", "\xE5\x8C\x97\xE4\xBA\xAC", 6, NULL, &err), ND_OK);
    CHECK_INT(nd_corpus_size(c), 3);
    nd_corpus_free(c);
}

static void empty_id_rejected(void)
{
    nd_corpus *c = corpus_with(0);
    nd_error err = { 0 };
    CHECK_INT(nd_corpus_add(c, "", story, strlen(story), NULL, &err), ND_EFORMAT);
    CHECK_STR(err.message, "document has an empty id");
    CHECK_INT(nd_corpus_add(c, NULL, story, strlen(story), NULL, &err), ND_EFORMAT);
    CHECK_INT(nd_corpus_nskipped(c), 2);
    CHECK_STR(nd_corpus_skipped(c, 1)->id, "(unknown)");
    CHECK_INT(nd_corpus_add(c, "x", NULL, 0, NULL, &err), ND_EINVAL);
    CHECK_INT(nd_corpus_size(c), 0);
    nd_corpus_free(c);
}

static void size_limit_is_inclusive(void)
{
    nd_corpus *c = corpus_with(64);
    char text[65];
    memset(text, 'a', sizeof text);
    nd_error err = { 0 };
    CHECK_INT(nd_corpus_add(c, "at-limit", text, 64, NULL, &err), ND_OK);
    CHECK_INT(nd_corpus_add(c, "past-limit", text, 65, NULL, &err), ND_ETOOBIG);
    CHECK_STR(err.message, "document is 65 bytes, over the limit of 64 (max_doc_bytes)");
    CHECK_INT(nd_corpus_size(c), 1);
    CHECK_STR(nd_corpus_skipped(c, 0)->id, "past-limit");
    /* both were handed over, so both count as read */
    CHECK_INT(c->bytes_read, 129);
    nd_corpus_free(c);
}

static void bad_published_date_rejected(void)
{
    nd_corpus *c = corpus_with(0);
    nd_error err = { 0 };
    nd_doc_meta meta = { 0 };
    meta.published = "27/01/2025";
    CHECK_INT(nd_corpus_add(c, "a", story, strlen(story), &meta, &err), ND_EFORMAT);
    CHECK_STR(err.message, "\"published\" is not an ISO 8601 date: \"27/01/2025\"");
    meta.published = "2025-02-30";
    CHECK_INT(nd_corpus_add(c, "b", story, strlen(story), &meta, &err), ND_EFORMAT);
    CHECK_INT(nd_corpus_size(c), 0);
    CHECK_INT(nd_corpus_nskipped(c), 2);
    /* an empty date is no date */
    meta.published = "";
    CHECK_INT(nd_corpus_add(c, "c", story, strlen(story), &meta, &err), ND_OK);
    CHECK(c->docs.v[0].published == ND_TIME_UNKNOWN);
    nd_corpus_free(c);
}

static void binary_rejected_cp1252_warned(void)
{
    nd_corpus *c = corpus_with(0);
    nd_error err = { 0 };
    CHECK_INT(nd_corpus_add(c, "elf", "\x7f" "ELF\x02\x01\x01\0\0\0", 10, NULL, &err), ND_EBINARY);
    CHECK_STR(err.message, "looks like a binary file (NUL or control bytes), not text");
    static const char win[] = "The minister said the plan was \x93" "dead in the water\x94.";
    CHECK_INT(nd_corpus_add(c, "win", win, sizeof win - 1, NULL, &err), ND_OK);
    CHECK_STR(nd_doc_text(c, 0, NULL),
              "The minister said the plan was \xE2\x80\x9C" "dead in the water\xE2\x80\x9D.");
    CHECK_INT(c->docs.v[0].flags, ND_DOC_CP1252);
    CHECK_INT(nd_corpus_nwarnings(c), 1);
    CHECK_STR(nd_corpus_warning(c, 0)->id, "win");
    CHECK_STR(nd_corpus_warning(c, 0)->message, "not valid UTF-8; decoded as Windows-1252");
    CHECK_INT(nd_corpus_nskipped(c), 1);
    CHECK_STR(nd_corpus_skipped(c, 0)->id, "elf");
    nd_corpus_free(c);
}

/* Documents, skips and warnings share one count: readers' notices can be
 * merged back into reading order.  A warning comes just before its document. */
static void events_are_numbered_in_order(void)
{
    nd_corpus *c = corpus_with(0);
    nd_error err = { 0 };
    static const char win[] = "The minister said the plan was \x93" "dead\x94.";
    CHECK_INT(nd_corpus_add(c, "a", story, sizeof story - 1, NULL, &err), ND_OK);
    CHECK_INT(nd_corpus_add(c, "empty", " ", 1, NULL, &err), ND_EEMPTY);
    CHECK_INT(nd_corpus_add(c, "win", win, sizeof win - 1, NULL, &err), ND_OK);
    CHECK_INT(c->docs.v[0].seq, 0);
    CHECK_INT(c->skipped.v[0].seq, 1);
    CHECK_INT(c->warnings.v[0].seq, 2);
    CHECK_INT(c->docs.v[1].seq, 3);
    CHECK_INT(c->events, 4);
    nd_corpus_free(c);
}

/* A document another corpus accepted goes in as it is, copied, unchecked. */
static void put_copies_an_accepted_document(void)
{
    nd_corpus *from = corpus_with(0), *to = corpus_with(0);
    nd_error err = { 0 };
    nd_doc_meta meta = { "Profits jump", NULL, "Wire", "2005-02-07" };
    CHECK_INT(nd_corpus_add(from, "a", story, sizeof story - 1, &meta, &err), ND_OK);
    nd_doc d = from->docs.v[0];
    CHECK_INT(nd_corpus_put(to, &d, &err), ND_OK);
    nd_corpus_free(from);
    CHECK_STR(nd_doc_id(to, 0), "a");
    CHECK_STR(nd_doc_text(to, 0, NULL), story);
    CHECK_STR(nd_doc_meta_of(to, 0)->title, "Profits jump");
    CHECK(nd_doc_meta_of(to, 0)->url == NULL);
    CHECK_INT(to->docs.v[0].published, 1107734400);
    nd_doc empty = { .id = "b", .text = "", .len = 0, .published = ND_TIME_UNKNOWN };
    CHECK_INT(nd_corpus_put(to, &empty, &err), ND_OK);  /* no text: metadata only */
    CHECK_INT(nd_corpus_size(to), 2);
    CHECK_INT(nd_corpus_put(to, &empty, &err), ND_EDUP);
    CHECK_INT(nd_corpus_size(to), 2);
    nd_corpus_free(to);
}

static void bad_options_refused(void)
{
    nd_options o;
    nd_options_default(&o);
    CHECK_INT(o.max_doc_bytes, 16u << 20);
    CHECK_INT(o.max_line_bytes, 64u << 20);
    o.max_line_bytes = 0;
    nd_error err = { 0 };
    CHECK(nd_corpus_new(&o, &err) == NULL);
    CHECK_INT(err.code, ND_EINVAL);
    nd_corpus_free(NULL);
}

typedef struct seen {
    int calls;
    uint64_t last_done, last_bytes;
    int all_read;
} seen;

static void on_progress(void *ctx, const nd_progress *p)
{
    seen *s = ctx;
    s->calls++;
    s->last_done = p->done;
    s->last_bytes = p->bytes;
    s->all_read &= strcmp(p->stage, "read") == 0 && p->total == 0;
}

static void progress_every_thousand_documents(void)
{
    seen s = { 0, 0, 0, 1 };
    nd_options o;
    nd_options_default(&o);
    o.progress = on_progress;
    o.progress_ctx = &s;
    nd_corpus *c = nd_corpus_new(&o, NULL);
    char id[32];
    for (int i = 0; i < 2500; i++) {
        snprintf(id, sizeof id, "doc-%d", i);
        nd_corpus_add(c, id, "Markets rallied.", 16, NULL, NULL);
    }
    CHECK_INT(s.calls, 2);
    CHECK_INT(s.last_done, 2000);
    CHECK_INT(s.last_bytes, 2000 * 16);
    CHECK(s.all_read);
    nd_corpus_free(c);
}

static void parse_time_forms(void)
{
    int64_t t = 0, z = 0, off = 0;
    CHECK_INT(nd_parse_time("2025-01-27", &t), 0);
    CHECK_INT(t, 1737936000);
    CHECK_INT(nd_parse_time("2025-01-27T10:00:00Z", &z), 0);
    CHECK_INT(z, 1737972000);
    CHECK_INT(nd_parse_time("2025-01-27T12:00:00+02:00", &off), 0);
    CHECK_INT(off, z);
    CHECK_INT(nd_parse_time("2025-01-27T05:30:00-0430", &t), 0);
    CHECK_INT(t, z);
    CHECK_INT(nd_parse_time("2025-01-27 10:00", &t), 0);
    CHECK_INT(t, z);
    CHECK_INT(nd_parse_time("2025-01-27T10:00:00.250Z", &t), 0);
    CHECK_INT(t, z);
    CHECK_INT(nd_parse_time("1970-01-01T00:00:00Z", &t), 0);
    CHECK_INT(t, 0);
    CHECK_INT(nd_parse_time("1969-12-31", &t), 0);
    CHECK_INT(t, -86400);
    CHECK_INT(nd_parse_time("2024-02-29", &t), 0);
    CHECK_INT(nd_parse_time("2000-02-29", &t), 0);
}

static void parse_time_garbage(void)
{
    static const char *const bad[] = {
        "", "yesterday", "27/01/2025", "2025-1-27", "2025-13-01", "2025-00-10", "2025-01-32",
        "2025-04-31", "2025-02-29", "1900-02-29", "2025-01-27T25:00:00Z", "2025-01-27T10:60Z",
        "2025-01-27T10:00:00Zjunk", "2025-01-27T10", "2025-01-27T10:00:00+2", "2025-01-27T10:00+25:00",
        "2025-01-27T10:00+02:75", "2025-01-27 ",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int64_t t = 42;
        int rc = nd_parse_time(bad[i], &t);
        if (rc != -1) printf("  accepted \"%s\"\n", bad[i]);
        CHECK_INT(rc, -1);
        CHECK_INT(t, 42);
    }
}

CHECK_MAIN("corpus",
    TEST(add_copies_id_text_and_meta),
    TEST(duplicate_id_rejected_and_listed),
    TEST(many_ids_stay_unique),
    TEST(empty_and_whitespace_rejected),
    TEST(empty_id_rejected),
    TEST(size_limit_is_inclusive),
    TEST(bad_published_date_rejected),
    TEST(binary_rejected_cp1252_warned),
    TEST(events_are_numbered_in_order),
    TEST(put_copies_an_accepted_document),
    TEST(bad_options_refused),
    TEST(progress_every_thousand_documents),
    TEST(parse_time_forms),
    TEST(parse_time_garbage))

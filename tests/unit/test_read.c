/* Reading from paths: directory walks, text files, JSON Lines (plain, gzip, stdin). */
#define _XOPEN_SOURCE 700
#include "check.h"
#include "read/corpus.h"
#include "read/jsonl.h"
#include "read/paths.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static const char s1[] = "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months to December.";
static const char s2[] = "The dollar has hit its highest level against the euro in almost three months after the Federal Reserve head said the US trade deficit is set to stabilise.";
static const char s3[] = "The owners of embattled Russian oil giant Yukos are to ask the buyer of its former production unit to pay back a $900m (\xC2\xA3" "479m) loan.";

/* ---- scratch trees ---------------------------------------------------- */

static char *tmp_dir(void)
{
    static char templ[64];
    snprintf(templ, sizeof templ, "/tmp/nd-read-XXXXXX");
    char *d = mkdtemp(templ);
    if (!d) {
        printf("mkdtemp: %s\n", strerror(errno));
        exit(1);
    }
    return d;
}

static const char *at(const char *dir, const char *rel)
{
    static char buf[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, rel);
    return buf[k];
}

static void put(const char *dir, const char *rel, const char *bytes, size_t n)
{
    FILE *f = fopen(at(dir, rel), "wb");
    if (!f || fwrite(bytes, 1, n, f) != n || fclose(f)) {
        printf("cannot write %s\n", at(dir, rel));
        exit(1);
    }
}

static void put_str(const char *dir, const char *rel, const char *s) { put(dir, rel, s, strlen(s)); }

static void put_gz(const char *dir, const char *rel, const char *s)
{
    gzFile gz = gzopen(at(dir, rel), "wb");
    CHECK(gz != NULL && gzwrite(gz, s, (unsigned)strlen(s)) == (int)strlen(s));
    CHECK_INT(gzclose(gz), Z_OK);
}

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
    (void)st, (void)flag, (void)f;
    chmod(p, 0700);
    return remove(p);
}

static void rm_tree(const char *dir) { nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS); }

static nd_corpus *corpus_with(size_t max_doc, size_t max_line)
{
    nd_options o;
    nd_options_default(&o);
    if (max_doc) o.max_doc_bytes = max_doc;
    if (max_line) o.max_line_bytes = max_line;
    return nd_corpus_new(&o, NULL);
}

/* The message recorded for id, NULL when it was not skipped. */
static const char *skipped(const nd_corpus *c, const char *id)
{
    for (size_t i = 0; i < nd_corpus_nskipped(c); i++)
        if (strcmp(nd_corpus_skipped(c, i)->id, id) == 0) return nd_corpus_skipped(c, i)->message;
    return NULL;
}

static int starts(const char *s, const char *prefix) { return s && strncmp(s, prefix, strlen(prefix)) == 0; }

/* ---- a whole tree --------------------------------------------------- */

static const char feed[] =
    "{\"id\":\"f1\",\"text\":\"Quarterly profits at US media giant TimeWarner jumped 76%.\",\"title\":\"Ad sales boost Time Warner profit\",\"published\":\"2005-02-07\"}\n"
    "{\"id\":\"f2\",\"text\":\"The dollar has hit its highest level\"\n"
    "{\"text\":\"A story nobody named.\"}\n"
    "{\"id\":\"f4\",\"title\":\"Headline only\"}\n"
    "{\"id\":\"f5\",\"text\":42}\n"
    "{\"id\":\"f1\",\"text\":\"A second story under the first one's id.\"}\n"
    "\n"
    "   \t\n"
    "{\"id\":\"f9\",\"text\":\"caf\xE9 au lait\"}\n"
    "{\"id\":\"f10\",\"text\":\"%LONG%\"}\n"
    "{\"id\":12345,\"text\":\"Yukos will ask the buyer of its former unit to repay a loan.\"}\n"
    "{\"id\":\"f12\",\"text\":\"Shares rose.\",\"title\":7}\n"
    "{\"id\":\"f13\",\"text\":\"Ebbers denied knowing of the fraud.\",\"title\":null,\"published\":\"2025-01-27T12:00:00+02:00\"}\r\n"
    "[1,2]\n"
    "{\"id\":[\"f15\"],\"text\":\"An id in a list.\"}\n"
    "{\"id\":\"f16\",\"text\":\"nul \\u0000 inside\"}\n"
    "{\"id\":\"f17\",\"text\":\"The last line has no newline.\"}";

/* feed with its %LONG% placeholder filled to make line 10 longer than 300 bytes */
static char *feed_text(void)
{
    static char buf[sizeof feed + 400];
    char *p = strstr(feed, "%LONG%");
    size_t head = (size_t)(p - feed);
    memcpy(buf, feed, head);
    memset(buf + head, 'w', 320);
    strcpy(buf + head + 320, p + 6);
    return buf;
}

static void walk_tree(void)
{
    char *root = tmp_dir();
    char big[4097];
    memset(big, 'a', sizeof big);
    for (size_t i = 5; i < sizeof big; i += 6) big[i] = ' ';
    CHECK_INT(mkdir(at(root, "sub"), 0755), 0);
    CHECK_INT(mkdir(at(root, "sub/deeper"), 0755), 0);
    CHECK_INT(mkdir(at(root, ".git"), 0755), 0);
    put_str(root, "a.txt", s1);
    put_str(root, ".hidden.txt", s2);
    put_str(root, ".git/config", s2);
    put_str(root, "sub/b.txt", s2);
    put_str(root, "sub/deeper/c.txt", s3);
    put(root, "empty.txt", "", 0);
    put(root, "big.txt", big, 4097);
    put(root, "exact.txt", big, 4096);
    put_str(root, "feed.jsonl", feed_text());
    put_gz(root, "feed.jsonl.gz",
           "{\"id\":\"g1\",\"text\":\"Gzipped wire copy, first story.\"}\n"
           "{\"id\":\"g2\",\"text\":\"Gzipped wire copy, second story.\"}\n");
    put_str(root, "wire.NDJSON", "{\"id\":\"w1\",\"text\":\"Newline-delimited, upper-case suffix.\"}\n");
    CHECK_INT(symlink("a.txt", at(root, "link-to-a.txt")), 0);
    CHECK_INT(symlink("nowhere.txt", at(root, "gone.txt")), 0);
    CHECK_INT(symlink("self", at(root, "self")), 0);
    CHECK_INT(symlink("..", at(root, "sub/loop")), 0);
    CHECK_INT(mkfifo(at(root, "pipe"), 0644), 0);

    nd_corpus *c = corpus_with(4096, 300);
    nd_error err = { 0 };
    CHECK_INT(nd_corpus_add_path(c, root, &err), ND_OK);

    static const char *const ids[] = {
        "a.txt", "exact.txt", "f1", "12345", "f13", "f17", "g1", "g2",
        "link-to-a.txt", "sub/b.txt", "sub/deeper/c.txt", "w1",
    };
    size_t nids = sizeof ids / sizeof ids[0];
    CHECK_INT(nd_corpus_size(c), nids);
    for (uint32_t i = 0; i < nids && i < nd_corpus_size(c); i++) CHECK_STR(nd_doc_id(c, i), ids[i]);
    CHECK_STR(nd_doc_text(c, 0, NULL), s1);
    CHECK_STR(nd_doc_text(c, 10, NULL), s3);
    CHECK_STR(nd_doc_text(c, 5, NULL), "The last line has no newline.");
    CHECK_STR(nd_doc_meta_of(c, 2)->title, "Ad sales boost Time Warner profit");
    CHECK_STR(nd_doc_meta_of(c, 2)->published, "2005-02-07");
    CHECK(nd_doc_meta_of(c, 4)->title == NULL);
    CHECK_INT(c->docs.v[4].published, 1737972000);

    char self_msg[600];
    snprintf(self_msg, sizeof self_msg, "cannot open %s: %s", at(root, "self"), strerror(ELOOP));
    const struct { const char *id, *msg; } want[] = {
        { "big.txt", "file is 4097 bytes, over the limit of 4096 (max_doc_bytes)" },
        { "empty.txt", "document is empty (no letters or digits)" },
        { "feed.jsonl:2", "broken JSON at column " },
        { "feed.jsonl:3", "missing \"id\" field" },
        { "f4", "feed.jsonl:4: missing \"text\" field" },
        { "f5", "feed.jsonl:5: \"text\" must be a string, not a number" },
        { "f1", "duplicate id: a document with id \"f1\" was already added; this one is skipped" },
        { "feed.jsonl:9", "invalid UTF-8 in JSON at byte " },
        { "feed.jsonl:10", "line 10 is longer than max_line_bytes (300 bytes)" },
        { "f12", "feed.jsonl:12: \"title\" must be a string, not a number" },
        { "feed.jsonl:14", "line is not a JSON object but an array" },
        { "feed.jsonl:15", "\"id\" must be a string or an integer, not an array" },
        { "f16", "looks like a binary file (NUL or control bytes), not text" },
        { "gone.txt", "dangling symlink: the file it points to does not exist" },
        { "pipe", "a fifo, not a text file" },
        { "self", self_msg },
        { "sub/loop", "symlink loop: leads back to a directory being walked; not followed" },
    };
    size_t nwant = sizeof want / sizeof want[0];
    CHECK_INT(nd_corpus_nskipped(c), nwant);
    for (size_t i = 0; i < nwant && i < nd_corpus_nskipped(c); i++) {
        const nd_notice *n = nd_corpus_skipped(c, i);
        CHECK_STR(n->id, want[i].id);
        if (!starts(n->message, want[i].msg)) printf("  %s: \"%s\"\n", n->id, n->message);
        CHECK(starts(n->message, want[i].msg));
    }
    CHECK_INT(nd_corpus_nwarnings(c), 0);
    nd_corpus_free(c);
    rm_tree(root);
}

/* ---- listing, and reading shared out ------------------------------------- */

typedef struct listed {
    char path[512], id[256];
    int jsonl, in_dir;
    size_t skipped_before;      /* notices the walk had recorded when this came */
} listed;

typedef struct listing {
    listed v[32];
    size_t n;
    const nd_corpus *c;
} listing;

static nd_status keep_listed(void *ctx, const nd_input *in, nd_error *err)
{
    listing *l = ctx;
    (void)err;
    if (l->n == sizeof l->v / sizeof l->v[0]) return ND_ENOMEM;
    listed *x = &l->v[l->n++];
    snprintf(x->path, sizeof x->path, "%s", in->path);
    snprintf(x->id, sizeof x->id, "%s", in->id);
    x->jsonl = in->jsonl;
    x->in_dir = in->in_dir;
    x->skipped_before = nd_corpus_nskipped(l->c);
    return ND_OK;
}

/* The corpus one reader builds from a listing, its JSON Lines files read in
 * `parts` byte ranges as `parts` readers would (each numbering its lines from
 * the count of lines before its range), its walk notices put back in place. */
static nd_corpus *read_in_parts(const listing *l, const nd_corpus *walk, int parts)
{
    nd_corpus *c = corpus_with(4096, 300);
    nd_error err;
    size_t w = 0;
    for (size_t k = 0; k < l->n; k++) {
        for (; w < l->v[k].skipped_before; w++)
            nd_corpus_skip(c, nd_corpus_skipped(walk, w)->id, "%s", nd_corpus_skipped(walk, w)->message);
        nd_input in = { l->v[k].path, l->v[k].id, l->v[k].jsonl, l->v[k].in_dir };
        uint64_t size = 0;
        if (!in.jsonl || nd_jsonl_probe(in.path, &size, &err) != 0) {
            CHECK_INT(nd_path_read(c, &in, &err), ND_OK);
            continue;
        }
        for (int r = 0; r < parts; r++) {
            uint64_t from = size * (uint64_t)r / (uint64_t)parts, to = size * (uint64_t)(r + 1) / (uint64_t)parts;
            uint64_t before = 0;
            CHECK_INT(nd_jsonl_count_lines(in.path, 0, from, &before, &err), 0);
            CHECK_INT(nd_path_read_lines(c, &in, from, to, before + 1, &err), ND_OK);
        }
    }
    for (; w < nd_corpus_nskipped(walk); w++)
        nd_corpus_skip(c, nd_corpus_skipped(walk, w)->id, "%s", nd_corpus_skipped(walk, w)->message);
    return c;
}

static void listing_and_ranges_read_as_the_walk(void)
{
    char *root = tmp_dir();
    CHECK_INT(mkdir(at(root, "sub"), 0755), 0);
    put_str(root, "a.txt", s1);
    put_str(root, "sub/b.txt", s2);
    put(root, "empty.txt", "", 0);
    put_str(root, "feed.jsonl", feed_text());
    put_str(root, "sub/more.jsonl", "{\"id\":\"m1\",\"text\":\"One more line.\"}\n\n{\"id\":\"m2\",\"text\":\"And another.\"}\n");
    put_gz(root, "feed.jsonl.gz", "{\"id\":\"g1\",\"text\":\"Gzipped wire copy, first story.\"}\n");
    CHECK_INT(symlink("nowhere.txt", at(root, "gone.txt")), 0);
    CHECK_INT(mkfifo(at(root, "pipe"), 0644), 0);

    nd_corpus *whole = corpus_with(4096, 300), *walk = corpus_with(4096, 300);
    nd_error err;
    CHECK_INT(nd_corpus_add_path(whole, root, &err), ND_OK);
    listing l = { .c = walk };
    CHECK_INT(nd_paths_list(walk, root, keep_listed, &l, &err), ND_OK);
    CHECK_INT(nd_corpus_size(walk), 0);  /* listed, not read */
    CHECK_INT(l.n, 6);
    CHECK_STR(l.v[2].id, "feed.jsonl");
    CHECK_INT(l.v[2].jsonl, 1);
    CHECK_INT(l.v[2].in_dir, 1);
    CHECK_INT(nd_corpus_nskipped(walk), 2);  /* gone.txt and pipe */
    for (int parts = 1; parts <= 7; parts++) {
        nd_corpus *c = read_in_parts(&l, walk, parts);
        CHECK_INT(nd_corpus_size(c), nd_corpus_size(whole));
        for (uint32_t i = 0; i < nd_corpus_size(c) && i < nd_corpus_size(whole); i++)
            CHECK_STR(nd_doc_id(c, i), nd_doc_id(whole, i));
        CHECK_INT(nd_corpus_nskipped(c), nd_corpus_nskipped(whole));
        for (size_t i = 0; i < nd_corpus_nskipped(c) && i < nd_corpus_nskipped(whole); i++) {
            CHECK_STR(nd_corpus_skipped(c, i)->id, nd_corpus_skipped(whole, i)->id);
            CHECK_STR(nd_corpus_skipped(c, i)->message, nd_corpus_skipped(whole, i)->message);
        }
        nd_corpus_free(c);
    }
    /* lines start at 0 and after each newline but the last byte's */
    uint64_t n = 0, size = 0;
    CHECK_INT(nd_jsonl_probe(at(root, "sub/more.jsonl"), &size, &err), 0);
    CHECK_INT(nd_jsonl_count_lines(at(root, "sub/more.jsonl"), 0, size, &n, &err), 0);
    CHECK_INT(n, 3);
    CHECK_INT(nd_jsonl_count_lines(at(root, "sub/more.jsonl"), 1, size, &n, &err), 0);
    CHECK_INT(n, 2);
    CHECK_INT(nd_jsonl_probe(at(root, "feed.jsonl.gz"), &size, &err), 1);
    CHECK_INT(nd_jsonl_probe(at(root, "missing.jsonl"), &size, &err), -1);
    CHECK_INT(err.code, ND_EIO);
    CHECK_INT(nd_paths_list(walk, "-", keep_listed, &l, &err), ND_EINVAL);
    nd_corpus_free(whole);
    nd_corpus_free(walk);
    rm_tree(root);
}

/* ---- single paths ----------------------------------------------------- */

static void missing_top_level_path_is_eio(void)
{
    char *root = tmp_dir();
    nd_corpus *c = corpus_with(0, 0);
    nd_error err = { 0 };
    const char *p = at(root, "no-such-dir");
    CHECK_INT(nd_corpus_add_path(c, p, &err), ND_EIO);
    char want[600];
    snprintf(want, sizeof want, "cannot open %s: No such file or directory", p);
    CHECK_STR(err.message, want);
    CHECK_INT(nd_corpus_add_path(c, at(root, "gone.jsonl.gz"), &err), ND_EIO);
    CHECK_INT(nd_corpus_add_path(c, "", &err), ND_EIO);
    CHECK_INT(nd_corpus_add_path(c, at(root, "x"), NULL), ND_EIO);
    CHECK_INT(nd_corpus_size(c), 0);
    CHECK_INT(nd_corpus_nskipped(c), 0);
    nd_corpus_free(c);
    rm_tree(root);
}

static void top_level_file_keeps_its_path_as_id(void)
{
    char *root = tmp_dir();
    char huge[201];
    memset(huge, 'z', sizeof huge);
    put_str(root, "story.txt", s2);
    put(root, "blank.txt", " \n\n", 3);
    put(root, "huge.txt", huge, sizeof huge);
    nd_corpus *c = corpus_with(200, 0);
    nd_error err = { 0 };
    char path[512];
    snprintf(path, sizeof path, "%s", at(root, "story.txt"));
    CHECK_INT(nd_corpus_add_path(c, path, &err), ND_OK);
    CHECK_INT(nd_corpus_add_path(c, at(root, "blank.txt"), &err), ND_OK);
    CHECK_INT(nd_corpus_add_path(c, at(root, "huge.txt"), &err), ND_OK);
    CHECK_INT(nd_corpus_size(c), 1);
    CHECK_STR(nd_doc_id(c, 0), path);
    CHECK_STR(nd_doc_text(c, 0, NULL), s2);
    CHECK_INT(nd_corpus_nskipped(c), 2);
    CHECK_STR(skipped(c, at(root, "blank.txt")), "document is empty (no letters or digits)");
    CHECK_STR(skipped(c, at(root, "huge.txt")), "file is 201 bytes, over the limit of 200 (max_doc_bytes)");
    /* the same file again is a duplicate, not an error */
    CHECK_INT(nd_corpus_add_path(c, path, &err), ND_OK);
    CHECK(starts(skipped(c, path), "duplicate id"));
    /* bytes read: the story twice and the blank file; the huge one was never read */
    CHECK_INT(c->bytes_read, 2 * strlen(s2) + 3);
    nd_corpus_free(c);
    rm_tree(root);
}

static void trailing_slash_and_dot_ids(void)
{
    char *root = tmp_dir();
    CHECK_INT(mkdir(at(root, "wire"), 0755), 0);
    put_str(root, "wire/one.txt", s1);
    nd_corpus *c = corpus_with(0, 0);
    char path[512];
    snprintf(path, sizeof path, "%s/", at(root, "wire"));
    CHECK_INT(nd_corpus_add_path(c, path, NULL), ND_OK);
    CHECK_INT(nd_corpus_size(c), 1);
    CHECK_STR(nd_doc_id(c, 0), "one.txt");
    nd_corpus_free(c);
    c = corpus_with(0, 0);
    char cwd[512];
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    CHECK_INT(chdir(at(root, "wire")), 0);
    CHECK_INT(nd_corpus_add_path(c, ".", NULL), ND_OK);
    CHECK_INT(chdir(cwd), 0);
    CHECK_INT(nd_corpus_size(c), 1);
    CHECK_STR(nd_doc_id(c, 0), "one.txt");
    nd_corpus_free(c);
    rm_tree(root);
}

/* ---- JSON Lines streams ---------------------------------------------- */

/* Appends {"id":"<id>","text":"www..."} padded to exactly n bytes, then nl. */
static size_t line_of(char *out, const char *id, size_t n, const char *nl)
{
    int head = sprintf(out, "{\"id\":\"%s\",\"text\":\"", id);
    memset(out + head, 'w', n - (size_t)head - 2);
    memcpy(out + n - 2, "\"}", 2);
    strcpy(out + n, nl);
    return n + strlen(nl);
}

static void jsonl_line_limit_is_exact(void)
{
    /* limit 100: 100 bytes read, 101 skipped, 200000 (many reads long) skipped
     * and the stream picks up right after each of them */
    static char buf[210000];
    size_t n = 0;
    n += line_of(buf + n, "at-limit", 100, "\n");
    n += line_of(buf + n, "one-over", 101, "\n");
    n += line_of(buf + n, "huge", 200000, "\n");
    n += line_of(buf + n, "crlf", 100, "\r\n");
    n += line_of(buf + n, "short", 40, "\n");
    n += line_of(buf + n, "last-over", 101, "");
    nd_corpus *c = corpus_with(0, 100);
    FILE *f = fmemopen(buf, n, "r");
    nd_error err = { 0 };
    CHECK_INT(nd_corpus_add_jsonl(c, f, "mem", &err), ND_OK);
    fclose(f);
    CHECK_INT(nd_corpus_size(c), 3);
    CHECK_STR(nd_doc_id(c, 0), "at-limit");
    CHECK_STR(nd_doc_id(c, 1), "crlf");
    CHECK_STR(nd_doc_id(c, 2), "short");
    size_t len;
    nd_doc_text(c, 0, &len);
    CHECK_INT(len, 100 - strlen("{\"id\":\"at-limit\",\"text\":\"\"}"));
    CHECK_INT(nd_corpus_nskipped(c), 3);
    CHECK_STR(skipped(c, "mem:2"), "line 2 is longer than max_line_bytes (100 bytes)");
    CHECK_STR(skipped(c, "mem:3"), "line 3 is longer than max_line_bytes (100 bytes)");
    CHECK_STR(skipped(c, "mem:6"), "line 6 is longer than max_line_bytes (100 bytes)");
    /* every byte of the stream counted once, skipped lines included */
    CHECK_INT(c->bytes_read, n);
    nd_corpus_free(c);
}

static void jsonl_long_lines_kept_whole(void)
{
    /* lines past the first 64 KiB buffer grow it; short lines between them
     * must come out intact when the buffer is compacted */
    static char buf[400000];
    size_t n = 0;
    n += line_of(buf + n, "a", 150000, "\n");
    for (int i = 0; i < 3; i++) {
        char id[16];
        snprintf(id, sizeof id, "s%d", i);
        n += line_of(buf + n, id, 30000, "\n");
    }
    n += line_of(buf + n, "b", 150000, "\n");
    nd_corpus *c = corpus_with(1u << 20, 1u << 20);
    FILE *f = fmemopen(buf, n, "r");
    CHECK_INT(nd_corpus_add_jsonl(c, f, "mem", NULL), ND_OK);
    fclose(f);
    CHECK_INT(nd_corpus_size(c), 5);
    size_t len;
    const char *t = nd_doc_text(c, 4, &len);
    CHECK_STR(nd_doc_id(c, 4), "b");
    CHECK_INT(len, 150000 - strlen("{\"id\":\"b\",\"text\":\"\"}"));
    CHECK(t && strspn(t, "w") == len);
    CHECK_STR(nd_doc_id(c, 2), "s1");
    CHECK_INT(c->bytes_read, n);
    CHECK_INT(nd_corpus_nskipped(c), 0);
    nd_corpus_free(c);
}

static void jsonl_fields(void)
{
    static const char in[] =
        "\xEF\xBB\xBF{\"id\":\"bom\",\"text\":\"A byte order mark opens the file.\"}\n"
        "{\"id\":\"\",\"text\":\"Empty id.\"}\n"
        "{\"id\":\"n\\u0000ul\",\"text\":\"NUL in the id.\"}\n"
        "{\"id\":\"t\",\"text\":\"Title holds a NUL.\",\"title\":\"a\\u0000b\"}\n"
        "{\"id\":-7,\"text\":\"Negative number id.\",\"url\":\"https://example.com/x\",\"source\":\"Reuters\"}\n"
        "{\"id\":1.5,\"text\":\"Real number id.\"}\n"
        "{\"id\":\"p\",\"text\":\"Published is a number.\",\"published\":20250127}\n"
        "{\"id\":\"dupkey\",\"text\":\"first\",\"text\":\"Duplicate keys: the last one wins.\"}\n"
        "{\"id\":\"lone\",\"text\":\"\\ud800 lone surrogate escape\"}\n"
        "{\"id\":\"esc\",\"text\":\"\\u201cQuoted\\u201d and caf\\u00e9.\"}\n";
    nd_corpus *c = corpus_with(0, 0);
    FILE *f = fmemopen((void *)in, sizeof in - 1, "r");
    CHECK_INT(nd_corpus_add_jsonl(c, f, "feed", NULL), ND_OK);
    fclose(f);
    CHECK_INT(nd_corpus_size(c), 4);
    CHECK_STR(nd_doc_id(c, 0), "bom");
    CHECK_STR(nd_doc_id(c, 1), "-7");
    CHECK_STR(nd_doc_meta_of(c, 1)->url, "https://example.com/x");
    CHECK_STR(nd_doc_meta_of(c, 1)->source, "Reuters");
    CHECK_STR(nd_doc_id(c, 2), "dupkey");
    CHECK_STR(nd_doc_text(c, 2, NULL), "Duplicate keys: the last one wins.");
    CHECK_STR(nd_doc_text(c, 3, NULL), "\xE2\x80\x9CQuoted\xE2\x80\x9D and caf\xC3\xA9.");
    CHECK_INT(nd_corpus_nskipped(c), 6);
    CHECK_STR(skipped(c, "feed:2"), "\"id\" is empty");
    CHECK_STR(skipped(c, "feed:3"), "\"id\" contains a NUL byte");
    CHECK_STR(skipped(c, "t"), "feed:4: \"title\" contains a NUL byte");
    CHECK_STR(skipped(c, "feed:6"), "\"id\" must be a string or an integer, not a number");
    CHECK_STR(skipped(c, "p"), "feed:7: \"published\" must be a string, not a number");
    CHECK(starts(skipped(c, "feed:9"), "broken JSON at column "));
    nd_corpus_free(c);
}

static void jsonl_from_stdin(void)
{
    char *root = tmp_dir();
    put_str(root, "in.jsonl",
            "{\"id\":\"s1\",\"text\":\"Read from standard input.\"}\n"
            "{\"id\":\"s2\",\"text\":\n"
            "{\"id\":\"s3\",\"text\":\"And on after a broken line.\"}\n");
    CHECK(freopen(at(root, "in.jsonl"), "r", stdin) != NULL);
    nd_corpus *c = corpus_with(0, 0);
    CHECK_INT(nd_corpus_add_path(c, "-", NULL), ND_OK);
    CHECK_INT(nd_corpus_size(c), 2);
    CHECK_STR(nd_doc_id(c, 1), "s3");
    CHECK_INT(nd_corpus_nskipped(c), 1);
    CHECK(starts(skipped(c, "stdin:2"), "broken JSON at column "));
    nd_corpus_free(c);
    rm_tree(root);
}

static void gzip_whole_and_truncated(void)
{
    char *root = tmp_dir();
    static char text[3000 * 80];
    size_t n = 0;
    for (int i = 0; i < 3000; i++)
        n += (size_t)sprintf(text + n, "{\"id\":\"w%d\",\"text\":\"Wire story %d: shares rose %d%%.\"}\n", i, i, i % 97);
    CHECK_INT(mkdir(at(root, "d"), 0755), 0);
    put_gz(root, "whole.jsonl.gz", text);
    put_gz(root, "d/cut.jsonl.gz", text);
    struct stat st;
    CHECK_INT(stat(at(root, "d/cut.jsonl.gz"), &st), 0);
    CHECK_INT(truncate(at(root, "d/cut.jsonl.gz"), st.st_size / 2), 0);

    nd_corpus *c = corpus_with(0, 0);
    nd_error err = { 0 };
    CHECK_INT(nd_corpus_add_path(c, at(root, "whole.jsonl.gz"), &err), ND_OK);
    CHECK_INT(nd_corpus_size(c), 3000);
    CHECK_STR(nd_doc_id(c, 2999), "w2999");
    CHECK_INT(c->bytes_read, n); /* uncompressed bytes */
    nd_corpus_free(c);

    /* named directly, a truncated file fails the call ... */
    c = corpus_with(0, 0);
    char cut[512];
    snprintf(cut, sizeof cut, "%s", at(root, "d/cut.jsonl.gz"));
    CHECK_INT(nd_corpus_add_path(c, cut, &err), ND_EIO);
    uint32_t got = nd_corpus_size(c);
    CHECK(got > 100 && got < 3000);
    char want[600];
    snprintf(want, sizeof want, "cannot read %s after %u lines: unexpected end of file", cut, got);
    CHECK_STR(err.message, want);
    nd_corpus_free(c);

    /* ... inside a directory it is recorded, and what it held up to the cut is kept */
    c = corpus_with(0, 0);
    CHECK_INT(nd_corpus_add_path(c, at(root, "d"), &err), ND_OK);
    CHECK_INT(nd_corpus_size(c), got);
    CHECK_INT(nd_corpus_nskipped(c), 1);
    CHECK_STR(nd_corpus_skipped(c, 0)->id, "cut.jsonl.gz");
    CHECK_STR(nd_corpus_skipped(c, 0)->message, want);
    nd_corpus_free(c);
    rm_tree(root);
}

/* ---- a tree that changes under the walk --------------------------------- */

typedef struct remover {
    const char *path;
    int removed;
} remover;

static void remove_on_progress(void *ctx, const nd_progress *p)
{
    remover *r = ctx;
    if (p->done == 1000 && !r->removed) r->removed = unlink(r->path) == 0;
}

static void file_removed_during_walk(void)
{
    /* The walk lists a directory before reading it; the progress call after
     * the 1000th document deletes zz.txt, which the listing still names. */
    char *root = tmp_dir();
    char name[32], body[64];
    for (int i = 0; i < 1000; i++) {
        snprintf(name, sizeof name, "n%04d.txt", i);
        snprintf(body, sizeof body, "Bulletin %d from the newsroom.", i);
        put_str(root, name, body);
    }
    put_str(root, "zz.txt", s1);
    char zz[512];
    snprintf(zz, sizeof zz, "%s", at(root, "zz.txt"));
    remover r = { zz, 0 };
    nd_options o;
    nd_options_default(&o);
    o.progress = remove_on_progress;
    o.progress_ctx = &r;
    nd_corpus *c = nd_corpus_new(&o, NULL);
    CHECK_INT(nd_corpus_add_path(c, root, NULL), ND_OK);
    CHECK_INT(r.removed, 1);
    CHECK_INT(nd_corpus_size(c), 1000);
    CHECK_STR(nd_doc_id(c, 999), "n0999.txt");
    CHECK_INT(nd_corpus_nskipped(c), 1);
    CHECK_STR(skipped(c, "zz.txt"), "removed while the directory was being read");
    nd_corpus_free(c);
    rm_tree(root);
}

static void unreadable_file_and_directory(void)
{
    /* root reads through mode 000, so what to expect depends on who runs this */
    char *root = tmp_dir();
    CHECK_INT(mkdir(at(root, "locked"), 0755), 0);
    put_str(root, "locked/inside.txt", s2);
    put_str(root, "secret.txt", s3);
    put_str(root, "open.txt", s1);
    CHECK_INT(chmod(at(root, "secret.txt"), 0), 0);
    CHECK_INT(chmod(at(root, "locked"), 0), 0);
    nd_corpus *c = corpus_with(0, 0);
    CHECK_INT(nd_corpus_add_path(c, root, NULL), ND_OK);
    char msg[600];
    if (geteuid() == 0) {
        CHECK_INT(nd_corpus_size(c), 3);
        CHECK_STR(nd_doc_id(c, 0), "locked/inside.txt");
        CHECK_STR(nd_doc_id(c, 2), "secret.txt");
        CHECK_INT(nd_corpus_nskipped(c), 0);
    } else {
        CHECK_INT(nd_corpus_size(c), 1);
        CHECK_STR(nd_doc_id(c, 0), "open.txt");
        CHECK_INT(nd_corpus_nskipped(c), 2);
        snprintf(msg, sizeof msg, "cannot open directory %s: %s", at(root, "locked"), strerror(EACCES));
        CHECK_STR(skipped(c, "locked"), msg);
        snprintf(msg, sizeof msg, "cannot open %s: %s", at(root, "secret.txt"), strerror(EACCES));
        CHECK_STR(skipped(c, "secret.txt"), msg);
    }
    nd_corpus_free(c);
    rm_tree(root);
}

/* ---- the shipped hostile fixtures (tests/bad-input/README.md) ---------- */

static void bad_input_fixtures(void)
{
    nd_corpus *c = corpus_with(0, 0);
    nd_error err = { 0 };
    CHECK_INT(nd_corpus_add_path(c, "tests/bad-input", &err), ND_OK);
    static const char *const ids[] = {
        "README.md", "bbc-business-010", "bbc-politics-001", "2005", "cp1252.txt", "deep-1",
        "reuters-1", "reuters-2", "lone-surrogate.txt", "overlong.txt", "truncated-utf8.txt",
    };
    size_t nids = sizeof ids / sizeof ids[0];
    CHECK_INT(nd_corpus_size(c), nids);
    for (uint32_t i = 0; i < nids && i < nd_corpus_size(c); i++) CHECK_STR(nd_doc_id(c, i), ids[i]);
    static const struct { const char *id, *msg; } want[] = {
        { "broken.jsonl:2", "broken JSON at column 142: premature end of input" },
        { "broken.jsonl:3", "missing \"id\" field" },
        { "bbc-business-013", "broken.jsonl:4: missing \"text\" field" },
        { "bbc-business-014", "broken.jsonl:5: \"text\" must be a string, not an array" },
        { "broken.jsonl:7", "broken JSON at column 110: " },
        { "broken.jsonl:8", "broken JSON at column 68: '[' or '{' expected" },
        { "bbc-business-016", "\"published\" is not an ISO 8601 date: \"Monday\"" },
        { "deep.jsonl:2", "broken JSON at column 2120: maximum parsing depth reached" },
        { "reuters-1", "duplicate id: a document with id \"reuters-1\" was already added; this one is skipped" },
        { "elf-header.bin", "looks like a binary file (NUL or control bytes), not text" },
        { "empty.txt", "document is empty (no letters or digits)" },
        { "nul-bytes.txt", "looks like a binary file (NUL or control bytes), not text" },
        { "tiny.png", "looks like a binary file (NUL or control bytes), not text" },
        { "whitespace.txt", "document is empty (no letters or digits)" },
    };
    size_t nwant = sizeof want / sizeof want[0];
    CHECK_INT(nd_corpus_nskipped(c), nwant);
    for (size_t i = 0; i < nwant && i < nd_corpus_nskipped(c); i++) {
        CHECK_STR(nd_corpus_skipped(c, i)->id, want[i].id);
        CHECK(starts(nd_corpus_skipped(c, i)->message, want[i].msg));
    }
    static const char *const warned[] = { "cp1252.txt", "lone-surrogate.txt", "overlong.txt", "truncated-utf8.txt" };
    CHECK_INT(nd_corpus_nwarnings(c), 4);
    for (size_t i = 0; i < 4 && i < nd_corpus_nwarnings(c); i++) {
        CHECK_STR(nd_corpus_warning(c, i)->id, warned[i]);
        CHECK_STR(nd_corpus_warning(c, i)->message, "not valid UTF-8; decoded as Windows-1252");
    }
    /* the Windows-1252 story is stored as UTF-8 with its curly quotes */
    const char *t = nd_doc_text(c, 4, NULL);
    CHECK(starts(t, "\xE2\x80\x9CThe (January to March) quarter"));
    CHECK(t && strstr(t, "fuel prices,\xE2\x80\x9D said Sri Mulyani") != NULL);
    CHECK(t && strstr(t, "Yudhoyono\xE2\x80\x99s government") != NULL);
    CHECK(t && strstr(t, "\xC2\xA3" "3.5bn") != NULL);
    /* the truncated UTF-8 story was re-read byte by byte: its pound sign is mojibake */
    t = nd_doc_text(c, 10, NULL);
    CHECK(t && strstr(t, "by \xC3\x82\xC2\xA3" "1,400") != NULL);
    nd_corpus_free(c);
}

CHECK_MAIN("read",
    TEST(walk_tree),
    TEST(listing_and_ranges_read_as_the_walk),
    TEST(missing_top_level_path_is_eio),
    TEST(top_level_file_keeps_its_path_as_id),
    TEST(trailing_slash_and_dot_ids),
    TEST(jsonl_line_limit_is_exact),
    TEST(jsonl_long_lines_kept_whole),
    TEST(jsonl_fields),
    TEST(jsonl_from_stdin),
    TEST(gzip_whole_and_truncated),
    TEST(file_removed_during_walk),
    TEST(unreadable_file_and_directory),
    TEST(bad_input_fixtures))

/* Reading documents from paths: text files, JSON Lines files, directory trees. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "paths.h"

#include "corpus.h"
#include "jsonl.h"
#include "../util/error.h"

typedef struct dir_key { dev_t dev; ino_t ino; } dir_key;

/* One nd_corpus_add_path or nd_paths_list call.  path holds the entry being
 * visited (ids start at path.v + base); data is the read buffer every file
 * reuses; open_dirs are the directories from the top down to here, which a
 * symlink must not re-enter.  With `each`, files are listed, not read. */
typedef struct walker {
    nd_corpus *c;
    nd_input_fn each;
    void *ctx;
    ND_VEC(char) path;
    size_t base;
    ND_VEC(char) data;
    ND_VEC(dir_key) open_dirs;
} walker;

static nd_status walk_dir(walker *w, nd_error *err);

static int has_suffix(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && strncasecmp(s + n - k, suffix, k) == 0;
}

static int is_jsonl(const char *name)
{
    size_t n = strlen(name);
    if (has_suffix(name, n, ".gz")) n -= 3;
    return has_suffix(name, n, ".jsonl") || has_suffix(name, n, ".ndjson");
}

static int is_json(const char *name)
{
    return has_suffix(name, strlen(name), ".json");
}

/* A .json file holds one document, an object as on a JSON Lines line; a file
 * that does not (a manifest, expected results) is reported and skipped. */
static nd_status add_json_document(walker *w, const char *id, nd_error *err)
{
    void *json = NULL;
    nd_jsonl_doc d;
    nd_status rc = ND_OK;
    if (nd_jsonl_parse_line(w->data.v ? w->data.v : "", w->data.n, &json, &d) == 0)
        rc = nd_corpus_add(w->c, d.id, d.text, d.len, &d.meta, err);
    else
        nd_corpus_skip(w->c, id, "not a document: a .json file must be one object with \"id\" and \"text\" (%s)", d.why);
    json_decref(json);
    return rc;
}

static const char *file_kind(mode_t m)
{
    return S_ISFIFO(m) ? "a fifo" : S_ISSOCK(m) ? "a socket" : S_ISCHR(m) ? "a character device"
         : S_ISBLK(m) ? "a block device" : "a special file";
}

/* Reads fd whole into w->data, but one byte past the limit at most: enough
 * for nd_corpus_add to reject a file that grew since fstat, or a stream. */
static nd_status read_whole(walker *w, int fd, const struct stat *st, nd_error *err)
{
    size_t max = w->c->opt.max_doc_bytes;
    size_t want = S_ISREG(st->st_mode) ? (size_t)st->st_size + 1 : 1u << 16;
    w->data.n = 0;
    while (w->data.n <= max) {
        if (nd_vec_reserve(&w->data, want)) return nd_fail(err, ND_ENOMEM, "out of memory reading %s", w->path.v);
        size_t room = w->data.cap - w->data.n;
        if (room > max + 1 - w->data.n) room = max + 1 - w->data.n;
        ssize_t k = read(fd, w->data.v + w->data.n, room);
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) return nd_fail(err, ND_EIO, "cannot read %s: %s", w->path.v, strerror(errno));
        if (k == 0) break;
        w->data.n += (size_t)k;
        want = 1u << 16;
    }
    return ND_OK;
}

/* Adds the file at w->path as the document `id`.  Inside a walk (in_dir) only
 * a regular file is read, and opening cannot block on a fifo swapped in since
 * the walk looked; a path the caller named may be any readable stream.  ND_EIO
 * (err says why) when it cannot be opened or read. */
static nd_status add_file(walker *w, const char *id, int in_dir, nd_error *err)
{
    const char *path = w->path.v;
    size_t max = w->c->opt.max_doc_bytes;
    int fd = open(path, O_RDONLY | O_CLOEXEC | (in_dir ? O_NONBLOCK : 0));
    if (fd < 0) return nd_fail(err, ND_EIO, "cannot open %s: %s", path, strerror(errno));
    struct stat st;
    nd_status rc;
    if (fstat(fd, &st)) {
        rc = nd_fail(err, ND_EIO, "cannot read %s: %s", path, strerror(errno));
    } else if (in_dir && !S_ISREG(st.st_mode)) {
        rc = nd_fail(err, ND_EIO, "cannot read %s: it became %s during the walk", path, file_kind(st.st_mode));
    } else if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
        /* Refused unread: a huge file must not cost its size in memory. */
        nd_corpus_skip(w->c, id, "file is %jd bytes, over the limit of %zu (max_doc_bytes)",
                       (intmax_t)st.st_size, max);
        rc = ND_OK;
    } else if ((rc = read_whole(w, fd, &st, err)) == ND_OK) {
        rc = is_json(id) ? add_json_document(w, id, err)
                         : nd_corpus_add(w->c, id, w->data.v ? w->data.v : "", w->data.n, NULL, err);
        /* A rejected document is recorded in the corpus; that is not a failure to read. */
        if (rc != ND_ENOMEM) rc = ND_OK;
    }
    close(fd);
    return rc;
}

static nd_status enter_dir(walker *w, const struct stat *st, nd_error *err)
{
    for (size_t i = 0; i < w->open_dirs.n; i++) {
        if (w->open_dirs.v[i].dev == st->st_dev && w->open_dirs.v[i].ino == st->st_ino) {
            nd_corpus_skip(w->c, w->path.v + w->base,
                           "symlink loop: leads back to a directory being walked; not followed");
            return ND_OK;
        }
    }
    dir_key k = { st->st_dev, st->st_ino };
    if (nd_vec_push(&w->open_dirs, k)) return nd_fail(err, ND_ENOMEM, "out of memory walking %s", w->path.v);
    nd_status rc = walk_dir(w, err);
    w->open_dirs.n--;
    return rc;
}

/* A file inside a walk that cannot be read is recorded and the walk goes on;
 * a path the caller named stops it (ND_EIO). */
static nd_status skip_unreadable(nd_corpus *c, const char *id, int in_dir, nd_status rc, const nd_error *err)
{
    if (rc != ND_EIO || !in_dir) return rc;
    nd_corpus_skip(c, id, "%s", err->message);
    return ND_OK;
}

/* Reads one directory entry; whatever is wrong with it is recorded under its
 * id and the walk goes on.  Only running out of memory stops the walk. */
static nd_status visit(walker *w, nd_error *err)
{
    const char *path = w->path.v, *id = path + w->base;
    struct stat st;
    nd_status rc;
    if (stat(path, &st)) {
        int e = errno;
        if (e == ENOENT && lstat(path, &st) == 0)
            nd_corpus_skip(w->c, id, "dangling symlink: the file it points to does not exist");
        else if (e == ENOENT)
            nd_corpus_skip(w->c, id, "removed while the directory was being read");
        else
            nd_corpus_skip(w->c, id, "cannot open %s: %s", path, strerror(e));
        return ND_OK;
    }
    if (S_ISDIR(st.st_mode)) {
        rc = enter_dir(w, &st, err);
    } else if (!S_ISREG(st.st_mode)) {
        nd_corpus_skip(w->c, id, "%s, not a text file", file_kind(st.st_mode));
        return ND_OK;
    } else if (w->each) {
        rc = w->each(w->ctx, &(nd_input){ path, id, is_jsonl(id), 1 }, err);
    } else if (is_jsonl(id)) {
        rc = nd_jsonl_read_file(w->c, path, id, err);
    } else {
        rc = add_file(w, id, 1, err);
    }
    return skip_unreadable(w->c, id, 1, rc, err);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Visits the directory at w->path, its entries in byte order of their names
 * so that ids come out in the same order on every run. */
static nd_status walk_dir(walker *w, nd_error *err)
{
    size_t len = w->path.n;
    DIR *d = opendir(w->path.v);
    if (!d) return nd_fail(err, ND_EIO, "cannot open directory %s: %s", w->path.v, strerror(errno));
    ND_VEC(char) pool = { 0 };
    ND_VEC(char *) names = { 0 };
    nd_status rc = ND_OK;
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(d);
        if (!e) {
            if (errno) rc = nd_fail(err, ND_EIO, "cannot read directory %s: %s", w->path.v, strerror(errno));
            break;
        }
        if (e->d_name[0] == '.') continue;
        size_t n = strlen(e->d_name) + 1;
        if (nd_vec_reserve(&pool, n)) {
            rc = nd_fail(err, ND_ENOMEM, "out of memory listing %s", w->path.v);
            break;
        }
        memcpy(pool.v + pool.n, e->d_name, n);
        pool.n += n;
    }
    closedir(d);
    for (size_t i = 0; rc == ND_OK && i < pool.n; i += strlen(pool.v + i) + 1)
        if (nd_vec_push(&names, pool.v + i)) rc = nd_fail(err, ND_ENOMEM, "out of memory listing %s", w->path.v);
    if (rc == ND_OK && names.n) qsort(names.v, names.n, sizeof *names.v, by_name);
    int sep = w->path.v[len - 1] != '/';
    for (size_t i = 0; rc == ND_OK && i < names.n; i++) {
        size_t n = strlen(names.v[i]);
        w->path.n = len;
        if (nd_vec_reserve(&w->path, (size_t)sep + n + 1)) {
            rc = nd_fail(err, ND_ENOMEM, "out of memory walking %s", w->path.v);
            break;
        }
        if (sep) w->path.v[w->path.n++] = '/';
        memcpy(w->path.v + w->path.n, names.v[i], n + 1);
        w->path.n += n;
        rc = visit(w, err);
    }
    w->path.n = len;
    w->path.v[len] = 0;
    nd_vec_free(&pool);
    nd_vec_free(&names);
    return rc;
}

/* nd_corpus_add_path, or with `each` nd_paths_list. */
static nd_status walk_path(nd_corpus *c, const char *path, nd_input_fn each, void *ctx, nd_error *err)
{
    nd_error local;
    if (!err) err = &local;
    if (strcmp(path, "-") == 0) {
        if (each) return nd_fail(err, ND_EINVAL, "standard input (\"-\") cannot be listed; name files");
        return nd_corpus_add_jsonl(c, stdin, "stdin", err);
    }
    struct stat st;
    if (stat(path, &st)) return nd_fail(err, ND_EIO, "cannot open %s: %s", path, strerror(errno));
    int dir = S_ISDIR(st.st_mode);
    if (each && !dir) return each(ctx, &(nd_input){ path, path, is_jsonl(path), 0 }, err);
    if (!dir && is_jsonl(path)) return nd_jsonl_read_file(c, path, path, err);
    walker w = { .c = c, .each = each, .ctx = ctx };
    size_t n = strlen(path);
    nd_status rc;
    if (nd_vec_reserve(&w.path, n + 1)) {
        rc = nd_fail(err, ND_ENOMEM, "out of memory reading %s", path);
    } else {
        memcpy(w.path.v, path, n + 1);
        w.path.n = n;
        w.base = n + (path[n - 1] != '/');
        rc = dir ? enter_dir(&w, &st, err) : add_file(&w, path, 0, err);
    }
    nd_vec_free(&w.path);
    nd_vec_free(&w.data);
    nd_vec_free(&w.open_dirs);
    return rc;
}

nd_status nd_corpus_add_path(nd_corpus *c, const char *path, nd_error *err)
{
    return walk_path(c, path, NULL, NULL, err);
}

nd_status nd_paths_list(nd_corpus *c, const char *path, nd_input_fn each, void *ctx, nd_error *err)
{
    return walk_path(c, path, each, ctx, err);
}

nd_status nd_path_read(nd_corpus *c, const nd_input *in, nd_error *err)
{
    nd_error local;
    if (!err) err = &local;
    if (in->jsonl) return skip_unreadable(c, in->id, in->in_dir, nd_jsonl_read_file(c, in->path, in->id, err), err);
    walker w = { .c = c };
    size_t n = strlen(in->path);
    nd_status rc;
    if (nd_vec_reserve(&w.path, n + 1)) {
        rc = nd_fail(err, ND_ENOMEM, "out of memory reading %s", in->path);
    } else {
        memcpy(w.path.v, in->path, n + 1);
        w.path.n = n;
        rc = add_file(&w, in->id, in->in_dir, err);
    }
    nd_vec_free(&w.path);
    nd_vec_free(&w.data);
    return skip_unreadable(c, in->id, in->in_dir, rc, err);
}

nd_status nd_path_read_lines(nd_corpus *c, const nd_input *in, uint64_t from, uint64_t to, uint64_t first_line,
                             nd_error *err)
{
    nd_error local;
    if (!err) err = &local;
    nd_status rc = nd_jsonl_read_range(c, in->path, in->id, from, to, first_line, err);
    return skip_unreadable(c, in->id, in->in_dir, rc, err);
}

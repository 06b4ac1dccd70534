/* Bump allocator: many small allocations with one lifetime, freed at once. */
#ifndef ND_ARENA_H
#define ND_ARENA_H
#include <stddef.h>

typedef struct nd_arena_block nd_arena_block;
typedef struct nd_arena {
    nd_arena_block *head;
    size_t block_size;
} nd_arena;

/* An arena is usable zero-initialised; block_size 0 means 64 KiB. */
void nd_arena_init(nd_arena *a, size_t block_size);
/* Returns 16-byte aligned memory, or NULL when out of memory. */
void *nd_arena_alloc(nd_arena *a, size_t n);
/* Copies n bytes and appends a NUL; NULL when out of memory. */
char *nd_arena_strndup(nd_arena *a, const char *s, size_t n);
char *nd_arena_strdup(nd_arena *a, const char *s);
/* printf into the arena; NULL when out of memory. */
char *nd_arena_printf(nd_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void nd_arena_free(nd_arena *a);
#endif

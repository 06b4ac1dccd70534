#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct nd_arena_block {
    nd_arena_block *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
};

void nd_arena_init(nd_arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size;
}

void *nd_arena_alloc(nd_arena *a, size_t n)
{
    size_t need = (n + 15) & ~(size_t)15;
    if (need < n) return NULL;
    nd_arena_block *b = a->head;
    if (!b || b->cap - b->used < need) {
        size_t bs = a->block_size ? a->block_size : 65536;
        /* Oversized requests get a block of their own so the current block keeps serving small ones. */
        size_t cap = need > bs / 4 ? need : bs;
        nd_arena_block *nb = malloc(sizeof *nb + cap);
        if (!nb) return NULL;
        nb->used = 0;
        nb->cap = cap;
        if (b && cap == need) {
            nb->next = b->next;
            b->next = nb;
            nb->used = need;
            return nb->data;
        }
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += need;
    return p;
}

char *nd_arena_strndup(nd_arena *a, const char *s, size_t n)
{
    char *p = nd_arena_alloc(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *nd_arena_strdup(nd_arena *a, const char *s)
{
    return nd_arena_strndup(a, s, strlen(s));
}

char *nd_arena_printf(nd_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return NULL;
    char *p = nd_arena_alloc(a, (size_t)n + 1);
    if (!p) return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void nd_arena_free(nd_arena *a)
{
    nd_arena_block *b = a->head;
    while (b) {
        nd_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

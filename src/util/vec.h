/* Growable arrays: `ND_VEC(T) v = {0}; if (nd_vec_push(&v, x)) fail;` */
#ifndef ND_VEC_H
#define ND_VEC_H
#include <stddef.h>
#include <stdlib.h>

#define ND_VEC(T) struct { T *v; size_t n, cap; }

/* Makes room for `extra` more elements; 0 on success, -1 when out of memory. */
static inline int nd_vec_reserve_(void **v, size_t *cap, size_t n, size_t extra, size_t elem)
{
    if (n + extra <= *cap) return 0;
    size_t nc = *cap ? *cap : 16;
    while (nc < n + extra) {
        if (nc > ((size_t)-1 / 2) / elem) return -1;
        nc *= 2;
    }
    void *p = realloc(*v, nc * elem);
    if (!p) return -1;
    *v = p;
    *cap = nc;
    return 0;
}

#define nd_vec_reserve(vec, extra) \
    nd_vec_reserve_((void **)&(vec)->v, &(vec)->cap, (vec)->n, (extra), sizeof *(vec)->v)
#define nd_vec_push(vec, x) \
    (nd_vec_reserve(vec, 1) ? -1 : ((vec)->v[(vec)->n++] = (x), 0))
#define nd_vec_free(vec) (free((vec)->v), (vec)->v = NULL, (vec)->n = (vec)->cap = 0)

#endif

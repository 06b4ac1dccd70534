/* Running one job on several threads: each thread gets its own argument
 * block, and the caller's thread is one of them. */
#ifndef ND_PARALLEL_H
#define ND_PARALLEL_H
#include <stddef.h>

/* Runs fn(args + i * size) for i < n on n threads; -1 if any returned
 * non-zero, or a thread could not start. */
int nd_parallel_run(int (*fn)(void *arg), void *args, size_t size, unsigned n);

/* Threads for `work` units when `wanted` are asked for (0: one per core),
 * at most 256, and few enough that each gets `least` units. */
unsigned nd_parallel_threads(unsigned wanted, size_t work, size_t least);
#endif

#include "parallel.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct worker {
    pthread_t thread;
    int (*fn)(void *arg);
    void *arg;
    int started, rc;
} worker;

static void *work(void *p)
{
    worker *w = p;
    w->rc = w->fn(w->arg);
    return NULL;
}

int nd_parallel_run(int (*fn)(void *arg), void *args, size_t size, unsigned n)
{
    worker *w = calloc(n, sizeof *w);
    if (!w) return -1;
    for (unsigned i = 0; i < n; i++) {
        w[i].fn = fn;
        w[i].arg = (char *)args + i * size;
    }
    for (unsigned i = 1; i < n; i++) w[i].started = pthread_create(&w[i].thread, NULL, work, &w[i]) == 0;
    int rc = fn(args) ? -1 : 0;
    for (unsigned i = 1; i < n; i++) {
        if (!w[i].started) {
            rc = -1;
            continue;
        }
        pthread_join(w[i].thread, NULL);
        if (w[i].rc) rc = -1;
    }
    free(w);
    return rc;
}

unsigned nd_parallel_threads(unsigned wanted, size_t work, size_t least)
{
    unsigned n = wanted;
    if (n == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        n = cores > 0 ? (unsigned)cores : 1;
    }
    if (n > 256) n = 256;
    while (n > 1 && work / n < least) n--;
    return n;
}

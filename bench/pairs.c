/* Prints the verify-stage scores of every pair of the given files: a probe
 * for choosing thresholds, and a check that they separate what they should. */
#include <stdio.h>
#include <stdlib.h>

#include "newsdup.h"

int main(int argc, char **argv)
{
    nd_error err;
    nd_corpus *c = nd_corpus_new(NULL, &err);
    if (!c) return 1;
    for (int i = 1; i < argc; i++)
        if (nd_corpus_add_path(c, argv[i], &err) != ND_OK) fprintf(stderr, "pairs: %s\n", err.message);
    uint32_t n = nd_corpus_size(c);
    printf("a\tb\tshingle\tbigram\taligned\toverlap\tsimilarity\tderived\trelated\n");
    for (uint32_t a = 0; a < n; a++)
        for (uint32_t b = a + 1; b < n; b++) {
            nd_pair_score s;
            if (nd_compare_pair(c, a, b, &s, &err) != ND_OK) {
                fprintf(stderr, "pairs: %s\n", err.message);
                continue;
            }
            printf("%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\n", nd_doc_id(c, a), nd_doc_id(c, b), s.shingle,
                   s.bigram, s.aligned, s.overlap, s.similarity, s.derived, s.related);
        }
    nd_corpus_free(c);
    return 0;
}

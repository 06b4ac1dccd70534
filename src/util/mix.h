/* A cheap 64-to-32-bit hash for packed pairs of hashes: the fingerprint's
 * inner loops hash every word pair of a sentence, where XXH3's set-up cost
 * would dominate.  The splitmix64 finaliser: every output bit depends on
 * every input bit, so the top bits can be used for sampling. */
#ifndef ND_MIX_H
#define ND_MIX_H
#include <stdint.h>

static inline uint32_t nd_mix_pair(uint32_t a, uint32_t b)
{
    uint64_t z = ((uint64_t)a << 32 | b) + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return (uint32_t)((z ^ (z >> 31)) >> 32);
}
#endif

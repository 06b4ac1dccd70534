/* Eight bytes at a time, for the loops over whole texts that would
 * otherwise branch on each byte: looking for a few byte values (white
 * space, quote marks) or for runs of ASCII. */
#ifndef ND_BYTES_H
#define ND_BYTES_H
#include <stdint.h>

/* p[0..8) with p[k] in bits 8k..8k+7, whatever the machine's byte order
 * (compilers make this one load where it is little-endian). */
static inline uint64_t nd_load8(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    return (uint64_t)u[0] | (uint64_t)u[1] << 8 | (uint64_t)u[2] << 16 | (uint64_t)u[3] << 24 |
           (uint64_t)u[4] << 32 | (uint64_t)u[5] << 40 | (uint64_t)u[6] << 48 | (uint64_t)u[7] << 56;
}

/* The inverse of nd_load8 (one store where the machine is little-endian). */
static inline void nd_store8(char *p, uint64_t w)
{
    unsigned char *u = (unsigned char *)p;
    u[0] = (unsigned char)w, u[1] = (unsigned char)(w >> 8), u[2] = (unsigned char)(w >> 16);
    u[3] = (unsigned char)(w >> 24), u[4] = (unsigned char)(w >> 32), u[5] = (unsigned char)(w >> 40);
    u[6] = (unsigned char)(w >> 48), u[7] = (unsigned char)(w >> 56);
}

/* 0x80 in each byte of w that equals b, 0 in the others.  Exact: no carry
 * crosses a byte, as the low seven bits are added without the top one. */
static inline uint64_t nd_bytes_equal(uint64_t w, unsigned char b)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
    uint64_t x = w ^ (0x0101010101010101ull * b);
    return ~(((x & low7) + low7) | x | low7);
}
#endif

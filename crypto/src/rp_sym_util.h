/* rp_sym_util.h - private helpers of the symmetric crypto sources (not a public contract):
 * byte-order loads/stores and the inlining request for hot helpers. */
#ifndef RP_SYM_UTIL_H
#define RP_SYM_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* At -Os GCC calls small helpers that sit inside the cipher rounds; ask for inlining where
 * the compiler supports it (plain `static inline` elsewhere). */
#if defined(__GNUC__)
#define RP_INLINE static inline __attribute__((always_inline))
#else
#define RP_INLINE static inline
#endif

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* Little-endian GCC/Clang targets (the M33 and the x86-64 host): a 4-byte memcpy is one
 * (unaligned-capable) load or store, a byte swap one REV; GCC at -Os does not merge the
 * byte-wise forms below into those for stores. */
RP_INLINE uint32_t rp_ld32le(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

RP_INLINE void rp_st32le(uint8_t *p, uint32_t v)
{
    memcpy(p, &v, 4);
}

RP_INLINE uint32_t rp_ld32be(const uint8_t *p)
{
    return __builtin_bswap32(rp_ld32le(p));
}

RP_INLINE void rp_st32be(uint8_t *p, uint32_t v)
{
    rp_st32le(p, __builtin_bswap32(v));
}
#else
RP_INLINE uint32_t rp_ld32le(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

RP_INLINE void rp_st32le(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

RP_INLINE uint32_t rp_ld32be(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

RP_INLINE void rp_st32be(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);  p[3] = (uint8_t)v;
}
#endif

/* out[i] = (a[i] ^ b[i]) & mask for i < n, word by word where it can (any alignment).
 * out may equal a or b but must not otherwise overlap them. Constant time in the data and
 * the mask (rp_ct.c). */
void rp_sym_xor(uint8_t *out, const uint8_t *a, const uint8_t *b, size_t n, uint8_t mask);

RP_INLINE uint32_t rp_ror32(uint32_t x, unsigned n)
{
    return x >> n | x << (32 - n);
}

#endif

/* rp_ct.h - constant-time helpers and the one secret wipe of Rampart.
 *
 * Every function here runs in time independent of the values of its arguments (only of the
 * lengths). Masks are all-ones (0xFFFFFFFF) for "true" and zero for "false".
 *
 * RP_POISON(p, n) marks n bytes at p as secret: with RP_CT_CHECK defined (the valgrind
 * constant-time test build) they become "undefined" to memcheck, so any branch or memory
 * index that depends on them is reported. RP_UNPOISON undoes it (for outputs that are
 * public once computed, e.g. a ciphertext or a comparison result). Without RP_CT_CHECK both
 * are no-ops.
 */
#ifndef RP_CT_H
#define RP_CT_H

#include <stddef.h>
#include <stdint.h>

#ifdef RP_CT_CHECK
#include <valgrind/memcheck.h>
#define RP_POISON(p, n)   ((void)VALGRIND_MAKE_MEM_UNDEFINED((p), (n)))
#define RP_UNPOISON(p, n) ((void)VALGRIND_MAKE_MEM_DEFINED((p), (n)))
#else
#define RP_POISON(p, n)   ((void)(p), (void)(n))
#define RP_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

/* Overwrite n bytes at p with zeros through a volatile pointer so the compiler cannot drop
 * it as a dead store. p may be NULL only when n == 0. */
void rp_wipe(void *p, size_t n);

/* 1 if the n bytes at a and b are equal, else 0. Time depends on n only. */
int rp_ct_memeq(const void *a, const void *b, size_t n);

/* 0xFFFFFFFF if x != 0, else 0. */
static inline uint32_t rp_ct_mask_nz(uint32_t x)
{
    return (uint32_t)0 - ((x | ((uint32_t)0 - x)) >> 31);
}

/* 0xFFFFFFFF if x == 0, else 0. */
static inline uint32_t rp_ct_mask_zero(uint32_t x)
{
    return ~rp_ct_mask_nz(x);
}

/* 0xFFFFFFFF if a == b, else 0. */
static inline uint32_t rp_ct_mask_eq(uint32_t a, uint32_t b)
{
    return rp_ct_mask_zero(a ^ b);
}

/* 0xFFFFFFFF if a < b (unsigned), else 0. */
static inline uint32_t rp_ct_mask_lt(uint32_t a, uint32_t b)
{
    /* the borrow out of a - b, from the top bits only */
    return (uint32_t)0 - (((~a & b) | (~(a ^ b) & (a - b))) >> 31);
}

/* mask ? a : b, where mask is 0 or 0xFFFFFFFF. */
static inline uint32_t rp_ct_select(uint32_t mask, uint32_t a, uint32_t b)
{
    return b ^ (mask & (a ^ b));
}

/* If mask (0 or 0xFF...) is set, copy n bytes from src to dst; else leave dst. dst and src
 * may be equal but must not otherwise overlap. */
void rp_ct_cmov(void *dst, const void *src, size_t n, uint32_t mask);

#endif

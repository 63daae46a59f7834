/* p256.c - NIST P-256 arithmetic, ECDSA and ECDH (contract: rp_p256.h, design: docs/p256.md).
 *
 * Number forms (the prefix of each helper says which one it takes):
 *   u256_  plain 256-bit integers, 8 little-endian 32-bit limbs
 *   m256_  residues modulo p or n in Montgomery form (x * 2^256 mod m), fully reduced
 *   point_ projective (X : Y : Z) over Montgomery residues mod p, infinity = (0 : 1 : 0);
 *          the group law is the complete one of Renes-Costello-Batina (eprint 2015/1060),
 *          so no input needs a special case and every path is branch-free.
 *          The fast configuration's variable-base loop alone uses Jacobian coordinates.
 * Two configurations of this one file, RP_P256_FAST=0 (small) and 1 (fast):
 *   small: double-and-add-always everywhere, the group law interpreted from a step table,
 *          Shamir's trick for verification;
 *   fast:  a 4-tooth comb for G, 4-bit windows over Jacobian points for other bases, the
 *          group law expanded into calls, a Thumb-2 multiply mod p on Cortex-M33.
 * On Armv8-M Mainline both use Thumb-2 addition/subtraction mod p (the one asm seam).
 */
#include "rp_p256.h"
#include "rp_ct.h"
#include "rp_hmac.h"

#include <string.h>

#ifndef RP_P256_FAST
#define RP_P256_FAST 0
#endif

/* Width of the fixed window for variable-base multiplication. */
#if RP_P256_FAST
#define WIN 4
#else
#define WIN 1
#endif
#define WIN_ENTRIES ((1u << WIN) - 1u)   /* table holds 1*P .. (2^WIN - 1)*P */

/* On Armv8-M Mainline, Thumb-2 routines replace the portable C for p (see the seam):
 * addition and subtraction in both configurations, multiplication in the fast one. */
#if defined(__ARM_ARCH_8M_MAIN__)
#define P256_ASM 1
#if RP_P256_FAST
#define P256_ASM_MUL 1
#endif
#endif

/* A modulus with what Montgomery arithmetic needs. */
typedef struct {
    uint32_t m[8];   /* the modulus, odd */
    uint32_t r2[8];  /* 2^512 mod m, to enter Montgomery form */
    uint32_t ni;     /* -m^-1 mod 2^32 */
} mod256;

static const mod256 MOD_P = {
    { 0xffffffff, 0xffffffff, 0xffffffff, 0x00000000, 0x00000000, 0x00000000, 0x00000001, 0xffffffff },
    { 0x00000003, 0x00000000, 0xffffffff, 0xfffffffb, 0xfffffffe, 0xffffffff, 0xfffffffd, 0x00000004 },
    0x00000001
};
static const mod256 MOD_N = {
    { 0xfc632551, 0xf3b9cac2, 0xa7179e84, 0xbce6faad, 0xffffffff, 0xffffffff, 0x00000000, 0xffffffff },
    { 0xbe79eea2, 0x83244c95, 0x49bd6fa6, 0x4699799c, 0x2b6bec59, 0x2845b239, 0xf3d95620, 0x66e12d94 },
    0xee00bc4f
};

/* Curve constant b, and the generator, in Montgomery form mod p. */
static const uint32_t B_MONT[8] = {
    0x29c4bddf, 0xd89cdf62, 0x78843090, 0xacf005cd, 0xf7212ed6, 0xe5a220ab, 0x04874834, 0xdc30061d
};

typedef struct {
    uint32_t x[8], y[8], z[8];
} point;

static const point G_MONT = {
    { 0x18a9143c, 0x79e730d4, 0x5fedb601, 0x75ba95fc, 0x77622510, 0x79fb732b, 0xa53755c6, 0x18905f76 },
    { 0xce95560a, 0xddf25357, 0xba19e45c, 0x8b4ab8e4, 0xdd21f325, 0xd2e88688, 0x25885d85, 0x8571ff18 },
    { 0x00000001, 0x00000000, 0x00000000, 0xffffffff, 0xffffffff, 0xffffffff, 0xfffffffe, 0x00000000 }
};

/* ---- u256: plain integers ------------------------------------------------------------ */

/* z = x - y mod 2^256; returns the borrow (0 or 1). Any aliasing allowed. */
static uint32_t u256_sub(uint32_t z[8], const uint32_t x[8], const uint32_t y[8])
{
    uint64_t c = 0;
    for (unsigned i = 0; i < 8; i++) {
        c = (uint64_t)x[i] - y[i] - c;
        z[i] = (uint32_t)c;
        c = (c >> 32) & 1u;
    }
    return (uint32_t)c;
}

/* z = c ? x : z, for c in {0, 1}, without a branch or a data-dependent index. */
static void u256_cmov(uint32_t z[8], const uint32_t x[8], uint32_t c)
{
    uint32_t mask = 0u - c;
    for (unsigned i = 0; i < 8; i++)
        z[i] ^= (z[i] ^ x[i]) & mask;
}

/* 1 if x == 0, else 0; constant time. */
static uint32_t u256_is_zero(const uint32_t x[8])
{
    uint32_t acc = 0;
    for (unsigned i = 0; i < 8; i++)
        acc |= x[i];
    return 1u ^ ((acc | (0u - acc)) >> 31);
}

/* 1 if x < m, else 0; constant time. */
static uint32_t u256_lt(const uint32_t x[8], const uint32_t m[8])
{
    uint32_t t[8];
    return u256_sub(t, x, m);
}

/* 1 if 1 <= x < m, else 0; constant time. */
static uint32_t u256_in_range(const uint32_t x[8], const uint32_t m[8])
{
    return u256_lt(x, m) & (1u ^ u256_is_zero(x));
}

/* 1 if x == y, else 0; constant time. */
static uint32_t u256_eq(const uint32_t x[8], const uint32_t y[8])
{
    uint32_t t[8];
    for (unsigned i = 0; i < 8; i++)
        t[i] = x[i] ^ y[i];
    return u256_is_zero(t);
}

/* Big-endian 32 bytes <-> limbs. */
static void u256_from_bytes(uint32_t z[8], const uint8_t b[32])
{
    for (unsigned i = 0; i < 8; i++) {
        const uint8_t *q = b + 28 - 4 * i;
        z[i] = (uint32_t)q[0] << 24 | (uint32_t)q[1] << 16 | (uint32_t)q[2] << 8 | q[3];
    }
}

static void u256_to_bytes(uint8_t b[32], const uint32_t x[8])
{
    for (unsigned i = 0; i < 8; i++) {
        uint8_t *q = b + 28 - 4 * i;
        q[0] = (uint8_t)(x[i] >> 24);
        q[1] = (uint8_t)(x[i] >> 16);
        q[2] = (uint8_t)(x[i] >> 8);
        q[3] = (uint8_t)x[i];
    }
}

/* ---- m256: Montgomery residues mod p or n ------------------------------------------- */

/* z = x + y mod m, for x, y < m. Any aliasing allowed. The first pass computes
 * x + y - m as x + y + ~m + 1 - 2^256, whose carry out is 0 exactly when x + y < m (and
 * never exceeds 1, as x + y - m < m); the second pass then adds m back under that mask. */
static void m256_add(uint32_t z[8], const uint32_t x[8], const uint32_t y[8], const mod256 *m)
{
    uint64_t acc = 1;
    for (unsigned i = 0; i < 8; i++) {
        acc += (uint64_t)x[i] + y[i] + (uint32_t)~m->m[i];
        z[i] = (uint32_t)acc;
        acc >>= 32;
    }
    uint32_t mask = (uint32_t)acc - 1u;     /* carry 0 or 1; 0: went below zero */
    acc = 0;
    for (unsigned i = 0; i < 8; i++) {
        acc += (uint64_t)z[i] + (m->m[i] & mask);
        z[i] = (uint32_t)acc;
        acc >>= 32;
    }
}

#ifndef P256_ASM
/* z = x - y mod m, for x, y < m. Any aliasing allowed. */
static void m256_sub(uint32_t z[8], const uint32_t x[8], const uint32_t y[8], const mod256 *m)
{
    uint64_t borrow = 0, carry = 0;
    for (unsigned i = 0; i < 8; i++) {
        borrow = (uint64_t)x[i] - y[i] - borrow;
        z[i] = (uint32_t)borrow;
        borrow = (borrow >> 32) & 1u;
    }
    uint32_t mask = 0u - (uint32_t)borrow;   /* negative: add m back */
    for (unsigned i = 0; i < 8; i++) {
        carry += (uint64_t)z[i] + (m->m[i] & mask);
        z[i] = (uint32_t)carry;
        carry >>= 32;
    }
}
#endif

/* z = x * y / 2^256 mod m (Montgomery product), for x, y < m; z < m. Any aliasing
 * allowed. CIOS with the multiplication and reduction passes merged: row i adds x[i] * y
 * and u * m, u chosen to clear the low limb, and shifts one limb. Each 64-bit step stays
 * below 2^64 (a * b + c + d <= 2^64 - 1 for 32-bit a, b, c, d); t stays below 2m. */
static void m256_mul_c(uint32_t z[8], const uint32_t x[8], const uint32_t y[8],
                       const mod256 *m)
{
    uint32_t t[9] = { 0 };
    for (unsigned i = 0; i < 8; i++) {
        uint32_t xi = x[i];
        uint64_t c1 = (uint64_t)xi * y[0] + t[0];
        uint32_t u = (uint32_t)c1 * m->ni;
        uint64_t c2 = ((uint64_t)u * m->m[0] + (uint32_t)c1) >> 32;
        c1 >>= 32;
#if RP_P256_FAST && defined(__GNUC__)
#pragma GCC unroll 7
#endif
        for (unsigned j = 1; j < 8; j++) {
            c1 += (uint64_t)xi * y[j] + t[j];
            c2 += (uint64_t)u * m->m[j] + (uint32_t)c1;
            t[j - 1] = (uint32_t)c2;
            c1 >>= 32;
            c2 >>= 32;
        }
        c1 += t[8];
        c2 += (uint32_t)c1;
        t[7] = (uint32_t)c2;
        t[8] = (uint32_t)(c1 >> 32) + (uint32_t)(c2 >> 32);
    }
    /* t < 2m: subtract m once unless that borrows out of the 257-bit value */
    uint32_t borrow = u256_sub(z, t, m->m);
    u256_cmov(z, t, borrow & (1u ^ t[8]));
}

/* ---- the Cortex-M33 seam: Thumb-2 field arithmetic mod p ----------------------------
 * ARMv8-M Mainline without the DSP extension has UMULL/UMLAL but not UMAAL. These three
 * routines replace the portable C for p only; m256_mul_c stays the reference and serves n.
 * The multiplication is in the fast configuration only (it costs about 350 bytes).
 * Constant time: no branch or address depends on the data; UMULL/UMLAL have a fixed
 * latency on Cortex-M33 (docs/p256.md). */
#ifdef P256_ASM
#define ASM_ARG __attribute__((unused))   /* read by the asm body, unseen by the compiler */

#ifdef P256_ASM_MUL

/* z = x * y / 2^256 mod p for x, y < p; z < p; any aliasing. Row i (i = 0..7) adds
 * x[i] * y into t[i..i+8] (y kept in r4-r11), then folds u = t[i] * p into t[i+3..i+9]
 * using p = 2^256 - 2^224 + 2^192 + 2^96 - 1 and -p^-1 = 1 mod 2^32: u at limbs i+3 and
 * i+6, u * (2^32 - 1) = (-u mod 2^32, u - (u != 0)) at limbs i+7, i+8, and t[i] cancels.
 * Carries beyond i+8 accumulate in t[i+9] (at most 2), which row i+1 adds in. The result
 * t[8..16] is below 2p; one masked subtraction of p finishes. Frame: t[18] and z. */
__attribute__((naked, noinline))
static void fp_mul_asm(ASM_ARG uint32_t z[8], ASM_ARG const uint32_t x[8],
                       ASM_ARG const uint32_t y[8])
{
    __asm__ volatile(
    "push {r4-r11, lr}\n\t"
    "sub sp, sp, #76\n\t"
    "str r0, [sp, #72]\n\t"
    "mov r3, r1\n\t"
    "ldm r2, {r4-r11}\n\t"
    "movs r0, #0\n\t"
    "movs r1, #0\n\t"
    "strd r0, r1, [sp, #0]\n\t"
    "strd r0, r1, [sp, #8]\n\t"
    "strd r0, r1, [sp, #16]\n\t"
    "strd r0, r1, [sp, #24]\n\t"
    "str r0, [sp, #32]\n\t"
    "mov r2, sp\n\t"
    "1:\n\t"
    "ldr r12, [r3], #4\n\t"
    "ldr r0, [r2, #0]\n\t" "movs r1, #0\n\t" "umlal r0, r1, r12, r4\n\t"
    "str r0, [r2, #0]\n\t" "mov lr, r1\n\t"
    "ldr r0, [r2, #4]\n\t" "movs r1, #0\n\t" "umlal r0, r1, r12, r5\n\t"
    "adds r0, r0, lr\n\t" "adc lr, r1, #0\n\t" "str r0, [r2, #4]\n\t"
    "ldr r0, [r2, #8]\n\t" "movs r1, #0\n\t" "umlal r0, r1, r12, r6\n\t"
    "adds r0, r0, lr\n\t" "adc lr, r1, #0\n\t" "str r0, [r2, #8]\n\t"
    "ldr r0, [r2, #12]\n\t" "movs r1, #0\n\t" "umlal r0, r1, r12, r7\n\t"
    "adds r0, r0, lr\n\t" "adc lr, r1, #0\n\t" "str r0, [r2, #12]\n\t"
    "ldr r0, [r2, #16]\n\t" "movs r1, #0\n\t" "umlal r0, r1, r12, r8\n\t"
    "adds r0, r0, lr\n\t" "adc lr, r1, #0\n\t" "str r0, [r2, #16]\n\t"
    "ldr r0, [r2, #20]\n\t" "movs r1, #0\n\t" "umlal r0, r1, r12, r9\n\t"
    "adds r0, r0, lr\n\t" "adc lr, r1, #0\n\t" "str r0, [r2, #20]\n\t"
    "ldr r0, [r2, #24]\n\t" "movs r1, #0\n\t" "umlal r0, r1, r12, r10\n\t"
    "adds r0, r0, lr\n\t" "adc lr, r1, #0\n\t" "str r0, [r2, #24]\n\t"
    "ldr r0, [r2, #28]\n\t" "movs r1, #0\n\t" "umlal r0, r1, r12, r11\n\t"
    "adds r0, r0, lr\n\t" "adc lr, r1, #0\n\t" "str r0, [r2, #28]\n\t"
    "ldr r0, [r2, #32]\n\t" "adds r0, r0, lr\n\t" "str r0, [r2, #32]\n\t"
    "movs r1, #0\n\t" "adc r1, r1, #0\n\t" "str r1, [r2, #36]\n\t"
    "ldr r12, [r2, #0]\n\t"
    "rsbs r0, r12, #0\n\t"
    "sbc r1, r12, #0\n\t"
    "ldr lr, [r2, #12]\n\t" "adds lr, lr, r12\n\t" "str lr, [r2, #12]\n\t"
    "ldr lr, [r2, #16]\n\t" "adcs lr, lr, #0\n\t" "str lr, [r2, #16]\n\t"
    "ldr lr, [r2, #20]\n\t" "adcs lr, lr, #0\n\t" "str lr, [r2, #20]\n\t"
    "ldr lr, [r2, #24]\n\t" "adcs lr, lr, r12\n\t" "str lr, [r2, #24]\n\t"
    "ldr lr, [r2, #28]\n\t" "adcs lr, lr, r0\n\t" "str lr, [r2, #28]\n\t"
    "ldr lr, [r2, #32]\n\t" "adcs lr, lr, r1\n\t" "str lr, [r2, #32]\n\t"
    "ldr lr, [r2, #36]\n\t" "adc lr, lr, #0\n\t" "str lr, [r2, #36]\n\t"
    "add r2, r2, #4\n\t"
    "add r0, sp, #32\n\t"
    "cmp r2, r0\n\t"
    "bne 1b\n\t"
    "ldm r2, {r4-r11}\n\t"
    "ldr r12, [r2, #32]\n\t"
    "subs r4, r4, #0xffffffff\n\t"
    "sbcs r5, r5, #0xffffffff\n\t"
    "sbcs r6, r6, #0xffffffff\n\t"
    "sbcs r7, r7, #0\n\t"
    "sbcs r8, r8, #0\n\t"
    "sbcs r9, r9, #0\n\t"
    "sbcs r10, r10, #1\n\t"
    "sbcs r11, r11, #0xffffffff\n\t"
    "sbcs r12, r12, #0\n\t"
    "sbc r0, r0, r0\n\t"
    "and r1, r0, #1\n\t"
    "adds r4, r4, r0\n\t"
    "adcs r5, r5, r0\n\t"
    "adcs r6, r6, r0\n\t"
    "adcs r7, r7, #0\n\t"
    "adcs r8, r8, #0\n\t"
    "adcs r9, r9, #0\n\t"
    "adcs r10, r10, r1\n\t"
    "adc r11, r11, r0\n\t"
    "ldr r0, [sp, #72]\n\t"
    "stm r0, {r4-r11}\n\t"
    "add sp, sp, #76\n\t"
    "pop {r4-r11, pc}\n\t");
}
#endif

/* z = x + y mod p for x, y < p; any aliasing: sum, subtract p, add p back under the
 * borrow mask. */
__attribute__((naked, noinline))
static void fp_add_asm(ASM_ARG uint32_t z[8], ASM_ARG const uint32_t x[8],
                       ASM_ARG const uint32_t y[8])
{
    __asm__ volatile(
    "push {r4-r11, lr}\n\t"
    "ldm r1, {r3-r10}\n\t"
    "ldr r11, [r2, #0]\n\t" "adds r3, r3, r11\n\t"
    "ldr r11, [r2, #4]\n\t" "adcs r4, r4, r11\n\t"
    "ldr r11, [r2, #8]\n\t" "adcs r5, r5, r11\n\t"
    "ldr r11, [r2, #12]\n\t" "adcs r6, r6, r11\n\t"
    "ldr r11, [r2, #16]\n\t" "adcs r7, r7, r11\n\t"
    "ldr r11, [r2, #20]\n\t" "adcs r8, r8, r11\n\t"
    "ldr r11, [r2, #24]\n\t" "adcs r9, r9, r11\n\t"
    "ldr r11, [r2, #28]\n\t" "adcs r10, r10, r11\n\t"
    "movs r12, #0\n\t"
    "adc r12, r12, #0\n\t"
    "subs r3, r3, #0xffffffff\n\t"
    "sbcs r4, r4, #0xffffffff\n\t"
    "sbcs r5, r5, #0xffffffff\n\t"
    "sbcs r6, r6, #0\n\t"
    "sbcs r7, r7, #0\n\t"
    "sbcs r8, r8, #0\n\t"
    "sbcs r9, r9, #1\n\t"
    "sbcs r10, r10, #0xffffffff\n\t"
    "sbcs r12, r12, #0\n\t"
    "sbc r11, r11, r11\n\t"
    "and lr, r11, #1\n\t"
    "adds r3, r3, r11\n\t"
    "adcs r4, r4, r11\n\t"
    "adcs r5, r5, r11\n\t"
    "adcs r6, r6, #0\n\t"
    "adcs r7, r7, #0\n\t"
    "adcs r8, r8, #0\n\t"
    "adcs r9, r9, lr\n\t"
    "adc r10, r10, r11\n\t"
    "stm r0, {r3-r10}\n\t"
    "pop {r4-r11, pc}\n\t");
}

/* z = x - y mod p for x, y < p; any aliasing: difference, then p added under the borrow
 * mask. */
__attribute__((naked, noinline))
static void fp_sub_asm(ASM_ARG uint32_t z[8], ASM_ARG const uint32_t x[8],
                       ASM_ARG const uint32_t y[8])
{
    __asm__ volatile(
    "push {r4-r11, lr}\n\t"
    "ldm r1, {r3-r10}\n\t"
    "ldr r11, [r2, #0]\n\t" "subs r3, r3, r11\n\t"
    "ldr r11, [r2, #4]\n\t" "sbcs r4, r4, r11\n\t"
    "ldr r11, [r2, #8]\n\t" "sbcs r5, r5, r11\n\t"
    "ldr r11, [r2, #12]\n\t" "sbcs r6, r6, r11\n\t"
    "ldr r11, [r2, #16]\n\t" "sbcs r7, r7, r11\n\t"
    "ldr r11, [r2, #20]\n\t" "sbcs r8, r8, r11\n\t"
    "ldr r11, [r2, #24]\n\t" "sbcs r9, r9, r11\n\t"
    "ldr r11, [r2, #28]\n\t" "sbcs r10, r10, r11\n\t"
    "sbc r11, r11, r11\n\t"
    "and lr, r11, #1\n\t"
    "adds r3, r3, r11\n\t"
    "adcs r4, r4, r11\n\t"
    "adcs r5, r5, r11\n\t"
    "adcs r6, r6, #0\n\t"
    "adcs r7, r7, #0\n\t"
    "adcs r8, r8, #0\n\t"
    "adcs r9, r9, lr\n\t"
    "adc r10, r10, r11\n\t"
    "stm r0, {r3-r10}\n\t"
    "pop {r4-r11, pc}\n\t");
}
#endif

/* z = x * y / 2^256 mod m: the Cortex-M33 routine for p when built, else portable C. */
static void m256_mul(uint32_t z[8], const uint32_t x[8], const uint32_t y[8], const mod256 *m)
{
#ifdef P256_ASM_MUL
    if (m == &MOD_P) {
        fp_mul_asm(z, x, y);
        return;
    }
#endif
    m256_mul_c(z, x, y, m);
}

/* z = x * 2^256 mod m (enter Montgomery form), for x < m. */
static void m256_prep(uint32_t z[8], const uint32_t x[8], const mod256 *m)
{
    m256_mul(z, x, m->r2, m);
}

/* z = x / 2^256 mod m (leave Montgomery form). */
static void m256_done(uint32_t z[8], const uint32_t x[8], const mod256 *m)
{
    static const uint32_t one[8] = { 1 };
    m256_mul(z, x, one, m);
}

/* z = x^-1 mod m, Montgomery in and out, by Fermat: x^(m-2). x = 0 gives 0. z may alias
 * x. Left-to-right over the public exponent m - 2 (branches and table indices depend on it
 * only), one bit at a time in the small configuration, 4-bit windows over x^1..x^15 in
 * the fast one. Bits 252..255 of m - 2 are all set for p and n. */
static void m256_inv(uint32_t z[8], const uint32_t x[8], const mod256 *m)
{
    uint32_t e[8], pw[WIN_ENTRIES][8];
    memcpy(e, m->m, sizeof e);
    e[0] -= 2;                               /* low limbs of p and n exceed 2 */
    memcpy(pw[0], x, sizeof pw[0]);
#if WIN > 1
    for (unsigned i = 1; i < WIN_ENTRIES; i++)
        m256_mul(pw[i], pw[i - 1], x, m);
#endif
    memcpy(z, pw[WIN_ENTRIES - 1], 32);      /* the top window is all ones */
    for (int pos = 256 - 2 * WIN; pos >= 0; pos -= WIN) {
        for (unsigned j = 0; j < WIN; j++)
            m256_mul(z, z, z, m);
        uint32_t d = (e[pos / 32] >> (pos % 32)) & WIN_ENTRIES;
        if (d != 0)
            m256_mul(z, z, pw[d - 1], m);
    }
    rp_wipe(pw, sizeof pw);
}

/* Field shorthands for the group law. */
static void fp_mul(uint32_t z[8], const uint32_t x[8], const uint32_t y[8])
{
#ifdef P256_ASM_MUL
    fp_mul_asm(z, x, y);
#else
    m256_mul(z, x, y, &MOD_P);
#endif
}
static void fp_add(uint32_t z[8], const uint32_t x[8], const uint32_t y[8])
{
#ifdef P256_ASM
    fp_add_asm(z, x, y);
#else
    m256_add(z, x, y, &MOD_P);
#endif
}
static void fp_sub(uint32_t z[8], const uint32_t x[8], const uint32_t y[8])
{
#ifdef P256_ASM
    fp_sub_asm(z, x, y);
#else
    m256_sub(z, x, y, &MOD_P);
#endif
}

/* ---- point: complete projective group law (RCB 2015/1060, a = -3) ------------------- */

static void point_set_inf(point *r)
{
    memset(r, 0, sizeof *r);
    memcpy(r->y, G_MONT.z, sizeof r->y);     /* Montgomery 1 */
}

/* r = c ? a : r for c in {0, 1}; constant time (the table scans' inner step). */
static void point_cmov(point *r, const point *a, uint32_t c)
{
    uint32_t mask = 0u - c;
    for (unsigned i = 0; i < 8; i++) {
        r->x[i] ^= (r->x[i] ^ a->x[i]) & mask;
        r->y[i] ^= (r->y[i] ^ a->y[i]) & mask;
        r->z[i] ^= (r->z[i] ^ a->z[i]) & mask;
    }
}

/* r = a + b for any a, b (including equal, opposite and infinity): RCB Algorithm 4 with
 * steps 14 and 15 swapped. Every input coordinate is read for the last time at or before
 * the step that first writes the output coordinate sharing its memory, so r may alias a,
 * b or both, and only six temporaries are needed (the small configuration's stack).
 * The 43 steps are written once, below, as data: dst = src1 op src2 over the "registers"
 * a, b and r's coordinates, t0..t5 and the constant b of the curve. The fast build expands
 * them into direct calls; the small one interprets a 86-byte table (300 bytes less code,
 * about 5% slower). */
#define RCB_ADD_STEPS(S) \
    S(MUL, T0, AX, BX) S(MUL, T1, AY, BY) S(MUL, T2, AZ, BZ) \
    S(ADD, T3, AX, AY) S(ADD, T4, BX, BY) S(MUL, T3, T3, T4) \
    S(ADD, T4, T0, T1) S(SUB, T3, T3, T4) S(ADD, T4, AY, AZ) \
    S(ADD, T5, BY, BZ) S(MUL, T4, T4, T5) S(ADD, T5, T1, T2) \
    S(SUB, T4, T4, T5) S(ADD, Y3, BX, BZ) S(ADD, T5, AX, AZ) \
    S(MUL, X3, T5, Y3) S(ADD, Y3, T0, T2) S(SUB, Y3, X3, Y3) \
    S(MUL, Z3, CB, T2) S(SUB, X3, Y3, Z3) S(ADD, Z3, X3, X3) \
    S(ADD, X3, X3, Z3) S(SUB, Z3, T1, X3) S(ADD, X3, T1, X3) \
    S(MUL, Y3, CB, Y3) S(ADD, T1, T2, T2) S(ADD, T2, T1, T2) \
    S(SUB, Y3, Y3, T2) S(SUB, Y3, Y3, T0) S(ADD, T1, Y3, Y3) \
    S(ADD, Y3, T1, Y3) S(ADD, T1, T0, T0) S(ADD, T0, T1, T0) \
    S(SUB, T0, T0, T2) S(MUL, T1, T4, Y3) S(MUL, T2, T0, Y3) \
    S(MUL, Y3, X3, Z3) S(ADD, Y3, Y3, T2) S(MUL, X3, T3, X3) \
    S(SUB, X3, X3, T1) S(MUL, Z3, T4, Z3) S(MUL, T1, T3, T0) \
    S(ADD, Z3, Z3, T1)

#if RP_P256_FAST
#define R_AX a->x
#define R_AY a->y
#define R_AZ a->z
#define R_BX b->x
#define R_BY b->y
#define R_BZ b->z
#define R_X3 r->x
#define R_Y3 r->y
#define R_Z3 r->z
#define R_T0 t[0]
#define R_T1 t[1]
#define R_T2 t[2]
#define R_T3 t[3]
#define R_T4 t[4]
#define R_T5 t[5]
#define R_CB B_MONT
#define OP_MUL fp_mul
#define OP_ADD fp_add
#define OP_SUB fp_sub
#define RCB_CALL(op, d, x, y) OP_##op(R_##d, R_##x, R_##y);

static void point_add(point *r, const point *a, const point *b)
{
    uint32_t t[6][8];
    RCB_ADD_STEPS(RCB_CALL)
}
#else
enum { AX, AY, AZ, BX, BY, BZ, X3, Y3, Z3, T0, T1, T2, T3, T4, T5, CB };
enum { MUL, ADD, SUB };
#define RCB_CODE(op, d, x, y) (uint16_t)((op) << 12 | (d) << 8 | (x) << 4 | (y)),
static const uint16_t RCB_ADD_TABLE[] = { RCB_ADD_STEPS(RCB_CODE) };

/* Sources are only ever a, b or the constant, so their const is cast away for the
 * uniform register file but never written through. */
static void point_add(point *r, const point *a, const point *b)
{
    static void (*const ops[3])(uint32_t *, const uint32_t *, const uint32_t *) = {
        fp_mul, fp_add, fp_sub };
    uint32_t t[6][8];
    uint32_t *reg[16] = {
        (uint32_t *)a->x, (uint32_t *)a->y, (uint32_t *)a->z,
        (uint32_t *)b->x, (uint32_t *)b->y, (uint32_t *)b->z,
        r->x, r->y, r->z, t[0], t[1], t[2], t[3], t[4], t[5], (uint32_t *)B_MONT };
    for (unsigned k = 0; k < sizeof RCB_ADD_TABLE / sizeof RCB_ADD_TABLE[0]; k++) {
        unsigned s = RCB_ADD_TABLE[k];
        ops[s >> 12](reg[s >> 8 & 15u], reg[s >> 4 & 15u], reg[s & 15u]);
    }
}
#endif

/* r = 2a: the complete formula doubles too (a dedicated doubling would cost more code than
 * it saves here; the fast configuration's variable-base loop uses Jacobian doubling). */
static void point_dbl(point *r, const point *a)
{
    point_add(r, a, a);
}

/* Affine coordinates of a, as plain integers < p. Returns 1, or 0 for infinity (then x, y
 * are 0). Constant time. x may alias a->x and y a->y (the result may replace a). */
static uint32_t point_to_affine(uint32_t x[8], uint32_t y[8], const point *a)
{
    uint32_t zi[8];
    m256_inv(zi, a->z, &MOD_P);
    fp_mul(x, a->x, zi);
    fp_mul(y, a->y, zi);
    m256_done(x, x, &MOD_P);
    m256_done(y, y, &MOD_P);
    return 1u ^ u256_is_zero(a->z);
}

/* Decode a SEC1 uncompressed point and check it: X, Y < p and y^2 = x^3 - 3x + b.
 * Returns 1 and r (Z = 1) when valid, else 0. Public data: may branch. */
static uint32_t point_from_bytes_leaky(point *r, const uint8_t in[65])
{
    uint32_t lhs[8], rhs[8];
    if (in[0] != 0x04)
        return 0;
    u256_from_bytes(r->x, in + 1);
    u256_from_bytes(r->y, in + 33);
    if (!u256_lt(r->x, MOD_P.m) || !u256_lt(r->y, MOD_P.m))
        return 0;
    m256_prep(r->x, r->x, &MOD_P);
    m256_prep(r->y, r->y, &MOD_P);
    memcpy(r->z, G_MONT.z, 32);
    fp_mul(lhs, r->y, r->y);                 /* y^2 */
    fp_mul(rhs, r->x, r->x);
    fp_sub(rhs, rhs, G_MONT.z);
    fp_sub(rhs, rhs, G_MONT.z);
    fp_sub(rhs, rhs, G_MONT.z);
    fp_mul(rhs, rhs, r->x);                  /* x^3 - 3x */
    fp_add(rhs, rhs, B_MONT);
    return u256_eq(lhs, rhs);
}

/* 65-byte uncompressed encoding of a (not infinity); a is overwritten with its affine
 * coordinates. */
static void point_to_bytes(uint8_t out[65], point *a)
{
    point_to_affine(a->x, a->y, a);
    out[0] = 0x04;
    u256_to_bytes(out + 1, a->x);
    u256_to_bytes(out + 33, a->y);
}

/* ---- scalar multiplication ---------------------------------------------------------- */

/* Bits [pos, pos + w) of the big-endian scalar k, zero beyond bit 255. pos is public, the
 * result may be secret. Scalars stay in bytes so that callers need no word copy. */
static uint32_t scalar_bits(const uint8_t k[32], unsigned pos, unsigned w)
{
    uint32_t v = 0;
    for (unsigned j = 0; j < w && pos + j < 256; j++)
        v |= (uint32_t)((k[31 - (pos + j) / 8] >> ((pos + j) % 8)) & 1u) << j;
    return v;
}

/* 1 if a == b, else 0, for a, b < 2^31; constant time. */
static uint32_t eq_small(uint32_t a, uint32_t b)
{
    uint32_t d = a ^ b;
    return 1u ^ ((d | (0u - d)) >> 31);
}

#if RP_P256_FAST
/* Jacobian coordinates (X : Y : Z) = (X/Z^2, Y/Z^3) for the fast variable-base loop, where
 * their cheaper doubling pays. Their addition is not complete; point_mul shows why the
 * cases it gets wrong (equal inputs) cannot occur there. */

/* r = 2a (dbl-2001-b, a = -3: 3M + 5S); infinity (Z = 0) stays infinity. r may alias a. */
static void jac_dbl(point *r, const point *a)
{
    uint32_t delta[8], gamma[8], beta[8], alpha[8], t[8];
    fp_mul(delta, a->z, a->z);
    fp_mul(gamma, a->y, a->y);
    fp_mul(beta, a->x, gamma);
    fp_sub(t, a->x, delta);
    fp_add(alpha, a->x, delta);
    fp_mul(alpha, alpha, t);
    fp_add(t, alpha, alpha);
    fp_add(alpha, alpha, t);                 /* alpha = 3 (X - delta)(X + delta) */
    fp_add(t, a->y, a->z);
    fp_mul(t, t, t);
    fp_sub(t, t, gamma);
    fp_sub(r->z, t, delta);                  /* Z3 = (Y + Z)^2 - gamma - delta */
    fp_add(beta, beta, beta);
    fp_add(beta, beta, beta);                /* 4 beta */
    fp_mul(r->x, alpha, alpha);
    fp_add(t, beta, beta);
    fp_sub(r->x, r->x, t);                   /* X3 = alpha^2 - 8 beta */
    fp_sub(beta, beta, r->x);
    fp_mul(beta, alpha, beta);
    fp_mul(gamma, gamma, gamma);
    fp_add(gamma, gamma, gamma);
    fp_add(gamma, gamma, gamma);
    fp_add(gamma, gamma, gamma);             /* 8 gamma^2 */
    fp_sub(r->y, beta, gamma);               /* Y3 = alpha (4 beta - X3) - 8 gamma^2 */
}

/* r = a + b (add-2007-bl: 11M + 5S), correct when a or b is infinity (by constant-time
 * selection) and when a = -b, wrong when a = b (the caller excludes it). r may alias a or b. */
static void jac_add(point *r, const point *a, const point *b)
{
    uint32_t z1z1[8], z2z2[8], u1[8], u2[8], s1[8], s2[8], h[8], i[8], j[8], rr[8], v[8];
    point out;
    fp_mul(z1z1, a->z, a->z);
    fp_mul(z2z2, b->z, b->z);
    fp_mul(u1, a->x, z2z2);
    fp_mul(u2, b->x, z1z1);
    fp_mul(s1, a->y, b->z);
    fp_mul(s1, s1, z2z2);
    fp_mul(s2, b->y, a->z);
    fp_mul(s2, s2, z1z1);
    fp_sub(h, u2, u1);
    fp_add(i, h, h);
    fp_mul(i, i, i);                         /* I = (2H)^2 */
    fp_mul(j, h, i);
    fp_sub(rr, s2, s1);
    fp_add(rr, rr, rr);
    fp_mul(v, u1, i);
    fp_add(out.z, a->z, b->z);
    fp_mul(out.z, out.z, out.z);
    fp_sub(out.z, out.z, z1z1);
    fp_sub(out.z, out.z, z2z2);
    fp_mul(out.z, out.z, h);                 /* Z3 = ((Z1 + Z2)^2 - Z1Z1 - Z2Z2) H */
    fp_mul(out.x, rr, rr);
    fp_sub(out.x, out.x, j);
    fp_sub(out.x, out.x, v);
    fp_sub(out.x, out.x, v);                 /* X3 = r^2 - J - 2V */
    fp_sub(v, v, out.x);
    fp_mul(out.y, rr, v);
    fp_mul(s1, s1, j);
    fp_add(s1, s1, s1);
    fp_sub(out.y, out.y, s1);                /* Y3 = r (V - X3) - 2 S1 J */
    uint32_t a_inf = u256_is_zero(a->z), b_inf = u256_is_zero(b->z);
    point_cmov(&out, b, a_inf);
    point_cmov(&out, a, b_inf);
    *r = out;
}

/* r = k * a for k < n and a finite point a (Z = 1); constant time in k. Signed-free fixed
 * window of 4 bits over a Jacobian table 1a .. 15a, selected by a full scan.
 * Why jac_add never meets equal inputs: the table's even multiples are doublings, its odd
 * ones i a = (i-1) a + a for 3 <= i <= 15 (never equal, n is prime and large). In the loop, before adding digit d the
 * accumulator is 16 q a, where 16 q + d is a prefix of k, so 0 <= 16 q + d <= k < n: 16 q a
 * = d a would need 16 q = d, i.e. q = 0 (the accumulator is infinity, handled), and
 * 16 q a = -d a would need 16 q + d = 0 (both infinity). The result is returned in the
 * homogeneous coordinates of the rest of the file: (X Z, Y, Z^3). r may not alias a. */
static void point_mul(point *r, const uint8_t k[32], const point *a)
{
    point table[WIN_ENTRIES], s;
    table[0] = *a;
    for (unsigned i = 1; i < WIN_ENTRIES; i += 2) {
        jac_dbl(&table[i], &table[i / 2]);               /* (i+1) a = 2 ((i+1)/2) a */
        if (i + 1 < WIN_ENTRIES)
            jac_add(&table[i + 1], &table[i], a);        /* (i+2) a = (i+1) a + a */
    }
    point_set_inf(r);
    for (int pos = 256 - WIN; pos >= 0; pos -= WIN) {
        for (unsigned j = 0; j < WIN; j++)
            jac_dbl(r, r);
        uint32_t digit = scalar_bits(k, (unsigned)pos, WIN);
        point_set_inf(&s);
        for (unsigned i = 0; i < WIN_ENTRIES; i++)
            point_cmov(&s, &table[i], eq_small(digit, i + 1));
        jac_add(r, r, &s);
    }
    fp_mul(r->x, r->x, r->z);                /* Jacobian -> homogeneous */
    fp_mul(s.z, r->z, r->z);
    fp_mul(r->z, s.z, r->z);
    rp_wipe(table, sizeof table);
    rp_wipe(&s, sizeof s);
}
#else
/* r = k * a for any k < 2^256 and any point a: double and add always (WIN = 1), the
 * addend chosen between infinity and a by a constant-time select. r may not alias a.
 * Constant time in k. */
static void point_mul(point *r, const uint8_t k[32], const point *a)
{
    const point *table = a;                  /* WIN = 1: the one entry is a itself */
    point s;
    point_set_inf(r);
    for (int pos = 256 - WIN; pos >= 0; pos -= WIN) {
        for (unsigned j = 0; j < WIN; j++)
            point_dbl(r, r);
        uint32_t digit = scalar_bits(k, (unsigned)pos, WIN);
        point_set_inf(&s);
        for (unsigned i = 0; i < WIN_ENTRIES; i++)
            point_cmov(&s, &table[i], eq_small(digit, i + 1));
        point_add(r, r, &s);
    }
    rp_wipe(&s, sizeof s);
}

#endif

#if RP_P256_FAST
/* generated by tests/pk/gen_p256_comb.py 4 */
#define COMB_TEETH 4
#define COMB_COLS 64
static const uint32_t comb_table[15][2][8] = {
    { { 0x18a9143c, 0x79e730d4, 0x5fedb601, 0x75ba95fc, 0x77622510, 0x79fb732b, 0xa53755c6, 0x18905f76 },
      { 0xce95560a, 0xddf25357, 0xba19e45c, 0x8b4ab8e4, 0xdd21f325, 0xd2e88688, 0x25885d85, 0x8571ff18 } },
    { { 0x16a0d2bb, 0x4f922fc5, 0x1a623499, 0x0d5cc16c, 0x57c62c8b, 0x9241cf3a, 0xfd1b667f, 0x2f5e6961 },
      { 0xf5a01797, 0x5c15c70b, 0x60956192, 0x3d20b44d, 0x071fdb52, 0x04911b37, 0x8d6f0f7b, 0xf648f916 } },
    { { 0xe137bbbc, 0x9e566847, 0x8a6a0bec, 0xe434469e, 0x79d73463, 0xb1c42761, 0x133d0015, 0x5abe0285 },
      { 0xc04c7dab, 0x92aa837c, 0x43260c07, 0x573d9f4c, 0x78e6cc37, 0x0c931562, 0x6b6f7383, 0x94bb725b } },
    { { 0xbfe20925, 0x62a8c244, 0x8fdce867, 0x91c19ac3, 0xdd387063, 0x5a96a5d5, 0x21d324f6, 0x61d587d4 },
      { 0xa37173ea, 0xe87673a2, 0x53778b65, 0x23848008, 0x05bab43e, 0x10f8441e, 0x4621efbe, 0xfa11fe12 } },
    { { 0x2cb19ffd, 0x1c891f2b, 0xb1923c23, 0x01ba8d5b, 0x8ac5ca8e, 0xb6d03d67, 0x1f13bedc, 0x586eb04c },
      { 0x27e8ed09, 0x0c35c6e5, 0x1819ede2, 0x1e81a33c, 0x56c652fa, 0x278fd6c0, 0x70864f11, 0x19d5ac08 } },
    { { 0xd2b533d5, 0x62577734, 0xa1bdddc0, 0x673b8af6, 0xa79ec293, 0x577e7c9a, 0xc3b266b1, 0xbb6de651 },
      { 0xb65259b3, 0xe7e9303a, 0xd03a7480, 0xd6a0afd3, 0x9b3cfc27, 0xc5ac83d1, 0x5d18b99b, 0x60b4619a } },
    { { 0x1ae5aa1c, 0xbd6a38e1, 0x49e73658, 0xb8b7652b, 0xee5f87ed, 0x0b130014, 0xaeebffcd, 0x9d0f27b2 },
      { 0x7a730a55, 0xca924631, 0xddbbc83a, 0x9c955b2f, 0xac019a71, 0x07c1dfe0, 0x356ec48d, 0x244a566d } },
    { { 0xf4f8b16a, 0x56f8410e, 0xc47b266a, 0x97241afe, 0x6d9c87c1, 0x0a406b8e, 0xcd42ab1b, 0x803f3e02 },
      { 0x04dbec69, 0x7f0309a8, 0x3bbad05f, 0xa83b85f7, 0xad8e197f, 0xc6097273, 0x5067adc1, 0xc097440e } },
    { { 0xc379ab34, 0x846a56f2, 0x841df8d1, 0xa8ee068b, 0x176c68ef, 0x20314459, 0x915f1f30, 0xf1af32d5 },
      { 0x5d75bd50, 0x99c37531, 0xf72f67bc, 0x837cffba, 0x48d7723f, 0x0613a418, 0xe2d41c8b, 0x23d0f130 } },
    { { 0xd5be5a2b, 0xed93e225, 0x5934f3c6, 0x6fe79983, 0x22626ffc, 0x43140926, 0x7990216a, 0x50bbb4d9 },
      { 0xe57ec63e, 0x378191c6, 0x181dcdb2, 0x65422c40, 0x0236e0f6, 0x41a8099b, 0x01fe49c3, 0x2b100118 } },
    { { 0x9b391593, 0xfc68b5c5, 0x598270fc, 0xc385f5a2, 0xd19adcbb, 0x7144f3aa, 0x83fbae0c, 0xdd558999 },
      { 0x74b82ff4, 0x93b88b8e, 0x71e734c9, 0xd2e03c40, 0x43c0322a, 0x9a7a9eaf, 0x149d6041, 0xe6e4c551 } },
    { { 0x80ec21fe, 0x5fe14bfe, 0xc255be82, 0xf6ce116a, 0x2f4a5d67, 0x98bc5a07, 0xdb7e63af, 0xfad27148 },
      { 0x29ab05b3, 0x90c0b6ac, 0x4e251ae6, 0x37a9a83c, 0xc2aade7d, 0x0a7dc875, 0x9f0e1a84, 0x77387de3 } },
    { { 0xa56c0dd7, 0x1e9ecc49, 0x46086c74, 0xa5cffcd8, 0xf505aece, 0x8f7a1408, 0xbef0c47e, 0xb37b85c0 },
      { 0xcc0e6a8f, 0x3596b6e4, 0x6b388f23, 0xfd6d4bbf, 0xc39cef4e, 0xaba453fa, 0xf9f628d5, 0x9c135ac8 } },
    { { 0x95c8f8be, 0x0a1c7294, 0x3bf362bf, 0x2961c480, 0xdf63d4ac, 0x9e418403, 0x91ece900, 0xc109f9cb },
      { 0x58945705, 0xc2d095d0, 0xddeb85c0, 0xb9083d96, 0x7a40449b, 0x84692b8d, 0x2eee1ee1, 0x9bc3344f } },
    { { 0x42913074, 0x0d5ae356, 0x48a542b1, 0x55491b27, 0xb310732a, 0x469ca665, 0x5f1a4cc1, 0x29591d52 },
      { 0xb84f983f, 0xe76f5b6b, 0x9f5f84e1, 0xbe7eef41, 0x80baa189, 0x1200d496, 0x18ef332c, 0x6376551f } },
};

/* r = k * G with the comb: column i gathers bits i, i + COMB_COLS, i + 2*COMB_COLS, ...
 * and comb_table[m - 1] = sum of 2^(j*COMB_COLS) G over the bits j of m. Constant time. */
static void point_mul_g(point *r, const uint8_t k[32])
{
    point s;
    point_set_inf(r);
    for (int col = COMB_COLS - 1; col >= 0; col--) {
        point_dbl(r, r);
        uint32_t idx = 0;
        for (unsigned j = 0; j < COMB_TEETH; j++)
            idx |= scalar_bits(k, (unsigned)col + j * COMB_COLS, 1) << j;
        memcpy(s.x, comb_table[0][0], 32);
        memcpy(s.y, comb_table[0][1], 32);
        memcpy(s.z, G_MONT.z, 32);           /* affine entry: Z = 1 */
        for (unsigned i = 1; i < (1u << COMB_TEETH) - 1; i++) {
            uint32_t c = eq_small(idx, i + 1);
            u256_cmov(s.x, comb_table[i][0], c);
            u256_cmov(s.y, comb_table[i][1], c);
        }
        point_add(&s, r, &s);
        point_cmov(r, &s, 1u ^ eq_small(idx, 0));   /* idx 0 adds nothing */
    }
    rp_wipe(&s, sizeof s);
}
#else
static void point_mul_g(point *r, const uint8_t k[32])
{
    point_mul(r, k, &G_MONT);
}
#endif

/* ---- keys ----------------------------------------------------------------------------- */

/* 1 when the big-endian scalar k is in [1, n-1], else 0. Constant time; the verdict is
 * public (it decides whether a key is accepted or a nonce is drawn again). */
static uint32_t scalar_ok(const uint8_t k[32])
{
    uint32_t d[8];
    u256_from_bytes(d, k);
    uint32_t ok = u256_in_range(d, MOD_N.m);
    rp_wipe(d, sizeof d);
    RP_UNPOISON(&ok, sizeof ok);
    return ok;
}

int rp_p256_check_private(const uint8_t priv[32])
{
    return scalar_ok(priv) ? RP_P256_OK : RP_P256_ERR_INPUT;
}

int rp_p256_check_public(const uint8_t pub[65])
{
    point q;
    return point_from_bytes_leaky(&q, pub) ? RP_P256_OK : RP_P256_ERR_INPUT;
}

int rp_p256_public_from_private(uint8_t pub[65], const uint8_t priv[32])
{
    point q;
    if (!scalar_ok(priv))
        return RP_P256_ERR_INPUT;
    point_mul_g(&q, priv);
    point_to_bytes(pub, &q);                 /* d in [1, n-1]: never infinity */
    rp_wipe(&q, sizeof q);
    return RP_P256_OK;
}

/* k = a scalar in [1, n-1] by rejection sampling (FIPS 186-5 A.2.2 / A.3.2). On failure
 * k is zeroed. */
static int scalar_random(uint8_t k[32], rp_rng_fn rng, void *rng_ctx)
{
    for (unsigned tries = 0; tries < 16; tries++) {
        if (rng(rng_ctx, k, 32) != 0)
            break;
        if (scalar_ok(k))
            return RP_P256_OK;
    }
    rp_wipe(k, 32);                          /* 16 rejections: p < 2^-500 if rng works */
    return RP_P256_ERR_RNG;
}

int rp_p256_keygen(uint8_t priv[32], uint8_t pub[65], rp_rng_fn rng, void *rng_ctx)
{
    int ret = scalar_random(priv, rng, rng_ctx);
    if (ret == RP_P256_OK)
        ret = rp_p256_public_from_private(pub, priv);
    return ret;
}

/* ---- ECDSA ---------------------------------------------------------------------------- */

/* e = bits2int(hash) mod n (SEC1 4.1.3 step 5; RFC 6979 2.3.2 and 2.3.4). Public data. */
static void hash_to_scalar(uint32_t e[8], const uint8_t *hash, size_t hash_len)
{
    uint8_t buf[32] = { 0 };
    uint32_t t[8];
    size_t len = hash_len < 32 ? hash_len : 32;
    if (len > 0)
        memcpy(buf + 32 - len, hash, len);
    u256_from_bytes(e, buf);
    uint32_t borrow = u256_sub(t, e, MOD_N.m);
    u256_cmov(e, t, 1u ^ borrow);            /* e < 2^256 < 2n: one subtraction */
}

/* FIPS 186-5 6.4.1 steps 4-8 for nonce k in [1, n-1] and a validated key priv. Writes
 * sig = r || s and returns 1, or returns 0 when r or s is 0 (draw another k). k may alias
 * sig (it is read before sig is written). Constant time in priv and k. */
static uint32_t sign_with_k(uint8_t sig[64], const uint8_t priv[32], const uint8_t k[32],
                            const uint8_t *hash, size_t hash_len)
{
    point kg;                                /* kG; then x holds r, y and z are scratch */
    uint32_t *r = kg.x, *s = kg.y, *t = kg.z, u[8];
    point_mul_g(&kg, k);
    point_to_affine(kg.x, kg.y, &kg);        /* k in range: never infinity */
    uint32_t borrow = u256_sub(t, r, MOD_N.m);
    u256_cmov(r, t, 1u ^ borrow);            /* r = x mod n, as x < p < 2n */
    u256_from_bytes(u, k);
    m256_prep(s, u, &MOD_N);
    m256_inv(s, s, &MOD_N);                  /* 1/k */
    u256_from_bytes(u, priv);
    m256_prep(u, u, &MOD_N);
    m256_prep(t, r, &MOD_N);
    m256_mul(t, t, u, &MOD_N);               /* r d */
    hash_to_scalar(u, hash, hash_len);
    m256_prep(u, u, &MOD_N);
    m256_add(t, t, u, &MOD_N);               /* e + r d */
    m256_mul(s, s, t, &MOD_N);
    m256_done(s, s, &MOD_N);                 /* s = (e + r d) / k */
    uint32_t ok = (1u ^ u256_is_zero(r)) & (1u ^ u256_is_zero(s));
    RP_UNPOISON(r, 32);                      /* r and s are the public result */
    RP_UNPOISON(s, 32);
    RP_UNPOISON(&ok, sizeof ok);
    u256_to_bytes(sig, r);
    u256_to_bytes(sig + 32, s);
    rp_wipe(&kg, sizeof kg);
    rp_wipe(u, sizeof u);
    return ok;
}

int rp_p256_sign(uint8_t sig[64], const uint8_t priv[32], const uint8_t *hash,
                 size_t hash_len, rp_rng_fn rng, void *rng_ctx)
{
    if (!scalar_ok(priv))
        return RP_P256_ERR_INPUT;
    for (unsigned tries = 0; tries < 4; tries++) {
        /* the nonce lives in sig[0..32) until r replaces it */
        if (scalar_random(sig, rng, rng_ctx) != RP_P256_OK)
            break;
        if (sign_with_k(sig, priv, sig, hash, hash_len))
            return RP_P256_OK;
    }
    rp_wipe(sig, 64);
    return RP_P256_ERR_RNG;
}

/* ---- RFC 6979 deterministic nonces (the generator: rp_hmac.h) ---------------------- */

int rp_p256_sign_det(uint8_t sig[64], const uint8_t priv[32], const uint8_t *hash,
                     size_t hash_len)
{
    rp_rfc6979 g;
    uint8_t h1[32];
    uint32_t e[8];
    int ret = RP_P256_ERR_RNG;
    if (!scalar_ok(priv))
        return RP_P256_ERR_INPUT;
    hash_to_scalar(e, hash, hash_len);
    u256_to_bytes(h1, e);                    /* bits2octets(h1) */
    if (!rp_rfc6979_init(&g, hash_len, priv, h1, 32))
        return RP_P256_ERR_INPUT;
    for (unsigned tries = 0; tries < 8; tries++) {
        rp_rfc6979_next(&g, sig, 32);        /* k = bits2int(T), held in sig */
        if (scalar_ok(sig) && sign_with_k(sig, priv, sig, hash, hash_len)) {
            ret = RP_P256_OK;
            break;
        }
        rp_rfc6979_reject(&g);
    }
    if (ret != RP_P256_OK)
        rp_wipe(sig, 64);
    rp_rfc6979_wipe(&g);
    return ret;
}

#if RP_P256_FAST
/* a = u1 G + u2 q for public u1, u2 < n: the comb for G, the window for q. */
static void point_mul2_leaky(point *a, const uint32_t u1[8], const uint32_t u2[8],
                             const point *q)
{
    point b;
    uint8_t k[32];
    u256_to_bytes(k, u1);
    point_mul_g(a, k);
    u256_to_bytes(k, u2);
    point_mul(&b, k, q);
    point_add(a, a, &b);
}
#else
/* a = u1 G + u2 q for public u1, u2 < n: Shamir's trick, one doubling per bit and an
 * addition of G, q or both, branching on the public scalar bits. */
static void point_mul2_leaky(point *a, const uint32_t u1[8], const uint32_t u2[8],
                             const point *q)
{
    point_set_inf(a);
    for (int i = 255; i >= 0; i--) {
        point_add(a, a, a);
        if ((u1[i / 32] >> (i % 32)) & 1u)
            point_add(a, a, &G_MONT);
        if ((u2[i / 32] >> (i % 32)) & 1u)
            point_add(a, a, q);
    }
}
#endif

/* FIPS 186-5 6.4.2: verify (r, s) over the hash with public key pub. Public data only. */
int rp_p256_verify(const uint8_t sig[64], const uint8_t pub[65], const uint8_t *hash,
                   size_t hash_len)
{
    point q, a;
    uint32_t r[8], u1[8], u2[8];
    /* step 1: key and range checks */
    if (!point_from_bytes_leaky(&q, pub))
        return RP_P256_ERR_INPUT;
    u256_from_bytes(r, sig);
    u256_from_bytes(u2, sig + 32);
    if (!u256_in_range(r, MOD_N.m) || !u256_in_range(u2, MOD_N.m))
        return RP_P256_ERR_INPUT;
    /* steps 2-5: u1 = e / s, u2 = r / s (Montgomery 1/s times plain e gives plain e/s) */
    hash_to_scalar(u1, hash, hash_len);
    m256_prep(u2, u2, &MOD_N);
    m256_inv(u2, u2, &MOD_N);
    m256_mul(u1, u1, u2, &MOD_N);
    m256_mul(u2, r, u2, &MOD_N);
    /* step 6: R = u1 G + u2 Q; step 7: reject infinity; step 8: x mod n == r */
    point_mul2_leaky(&a, u1, u2, &q);
    if (u256_is_zero(a.z))
        return RP_P256_ERR_VERIFY;
#if RP_P256_FAST
    /* R is projective (X : Y : Z): test X == r Z and, when r + n < p, X == (r + n) Z,
     * the only candidates as x < p < 2n; this saves an inversion. */
    m256_prep(u1, r, &MOD_P);
    fp_mul(u1, u1, a.z);
    if (u256_eq(u1, a.x))
        return RP_P256_OK;
    uint32_t carry = 0;
    for (unsigned i = 0; i < 8; i++) {       /* u2 = r + n, public */
        uint64_t t = (uint64_t)r[i] + MOD_N.m[i] + carry;
        u2[i] = (uint32_t)t;
        carry = (uint32_t)(t >> 32);
    }
    if (carry || !u256_lt(u2, MOD_P.m))
        return RP_P256_ERR_VERIFY;
    m256_prep(u1, u2, &MOD_P);
    fp_mul(u1, u1, a.z);
    return u256_eq(u1, a.x) ? RP_P256_OK : RP_P256_ERR_VERIFY;
#else
    point_to_affine(u1, u2, &a);             /* x in u1 */
    if (!u256_sub(u2, u1, MOD_N.m))          /* x < p < 2n: one subtraction */
        memcpy(u1, u2, 32);
    return u256_eq(u1, r) ? RP_P256_OK : RP_P256_ERR_VERIFY;
#endif
}

/* ---- ECDH ----------------------------------------------------------------------------- */

int rp_p256_ecdh(uint8_t shared[32], const uint8_t priv[32], const uint8_t peer[65])
{
    point q, r;
    if (!point_from_bytes_leaky(&q, peer) || !scalar_ok(priv))
        return RP_P256_ERR_INPUT;
    point_mul(&r, priv, &q);
    point_to_affine(r.x, r.y, &r);           /* prime order, d in range: not infinity */
    u256_to_bytes(shared, r.x);
    rp_wipe(&r, sizeof r);
    return RP_P256_OK;
}

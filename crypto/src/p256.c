/* p256.c - NIST P-256 arithmetic, ECDSA and ECDH (contract: rp_p256.h, design: docs/p256.md).
 *
 * Number forms (the prefix of each helper says which one it takes):
 *   u256_  plain 256-bit integers, 8 little-endian 32-bit limbs
 *   m256_  residues modulo p or n in Montgomery form (x * 2^256 mod m), fully reduced
 *   point_ projective (X : Y : Z) over Montgomery residues mod p, infinity = (0 : 1 : 0);
 *          the group law is the complete one of Renes-Costello-Batina (eprint 2015/1060),
 *          so no input needs a special case and every path is branch-free.
 * Two configurations of this one file: RP_P256_FAST=0 (small) and 1 (fast, see below).
 */
#include "rp_p256.h"
#include "rp_ct.h"

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

/* z = x + y mod 2^256; returns the carry (0 or 1). Any aliasing allowed. */
static uint32_t u256_add(uint32_t z[8], const uint32_t x[8], const uint32_t y[8])
{
    uint64_t c = 0;
    for (unsigned i = 0; i < 8; i++) {
        c += (uint64_t)x[i] + y[i];
        z[i] = (uint32_t)c;
        c >>= 32;
    }
    return (uint32_t)c;
}

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
        z[i] = (z[i] & ~mask) | (x[i] & mask);
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

/* z = x + y mod m, for x, y < m. Any aliasing allowed. */
static void m256_add(uint32_t z[8], const uint32_t x[8], const uint32_t y[8], const mod256 *m)
{
    uint32_t t[8];
    uint32_t carry = u256_add(z, x, y);
    uint32_t borrow = u256_sub(t, z, m->m);
    u256_cmov(z, t, carry | (1u ^ borrow));     /* x + y >= m: take the difference */
}

/* z = x - y mod m, for x, y < m. Any aliasing allowed. */
static void m256_sub(uint32_t z[8], const uint32_t x[8], const uint32_t y[8], const mod256 *m)
{
    uint32_t t[8];
    uint32_t borrow = u256_sub(z, x, y);
    u256_add(t, z, m->m);
    u256_cmov(z, t, borrow);
}

#if RP_P256_FAST
/* z = x * y / 2^256 mod p for x, y < p; z < p. Any aliasing allowed.
 * Schoolbook product, then a Montgomery reduction specialised to
 * p = 2^256 - 2^224 + 2^192 + 2^96 - 1: -p^-1 = 1 mod 2^32, so quotient limb u_i is the
 * current low limb, and adding u_i * p * 2^(32 i) touches limbs i+3, i+6, i+7 (minus) and
 * i+8 only. The reduction runs column by column; u[] is padded with zeros so that every
 * column reads the same four terms without a branch. */
static void fp_mul_special(uint32_t z[8], const uint32_t x[8], const uint32_t y[8])
{
    uint32_t t[16], u[24] = { 0 };
    uint64_t c = 0;
    for (unsigned j = 0; j < 8; j++) {
        c = (uint64_t)x[0] * y[j] + (c >> 32);
        t[j] = (uint32_t)c;
    }
    t[8] = (uint32_t)(c >> 32);
    for (unsigned i = 1; i < 8; i++) {
        c = 0;
        for (unsigned j = 0; j < 8; j++) {
            c = (uint64_t)x[i] * y[j] + t[i + j] + (c >> 32);
            t[i + j] = (uint32_t)c;
        }
        t[i + 8] = (uint32_t)(c >> 32);
    }
    /* column i: t_i + u_{i-3} + u_{i-6} - u_{i-7} + u_{i-8} - u_i + carry, with u_k at
     * u[k + 8]; cb = carry + 1 and the +~neg term keep the sum non-negative */
    uint32_t cb = 1;
    for (unsigned i = 0; i < 16; i++) {
        uint64_t a = (uint64_t)cb + t[i] + u[i + 5] + u[i + 2] + u[i] + (uint32_t)~u[i + 1];
        if (i < 8)
            u[i + 8] = (uint32_t)a;          /* cancels the column */
        else
            t[i - 8] = (uint32_t)a;
        cb = (uint32_t)(a >> 32);
    }
    /* the result t[0..7] + (cb - 1) * 2^256 is below 2p */
    uint32_t borrow = u256_sub(z, t, MOD_P.m);
    u256_cmov(z, t, borrow & (2u - cb));
}
#endif

/* z = x * y / 2^256 mod m (Montgomery product, CIOS), for x, y < m; z < m.
 * Any aliasing allowed. Each step needs x[i]*y[j] + t[j] + carry <= 2^64 - 1. */
static void m256_mul(uint32_t z[8], const uint32_t x[8], const uint32_t y[8], const mod256 *m)
{
#if RP_P256_FAST
    if (m == &MOD_P) {
        fp_mul_special(z, x, y);
        return;
    }
#endif
    uint32_t t[10] = { 0 };
    for (unsigned i = 0; i < 8; i++) {
        uint64_t c = 0;
        for (unsigned j = 0; j < 8; j++) {
            c += (uint64_t)x[i] * y[j] + t[j];
            t[j] = (uint32_t)c;
            c >>= 32;
        }
        c += t[8];
        t[8] = (uint32_t)c;
        t[9] = (uint32_t)(c >> 32);
        /* add u*m with u chosen so that the low limb cancels, then shift one limb */
        uint32_t u = t[0] * m->ni;
        c = ((uint64_t)u * m->m[0] + t[0]) >> 32;
        for (unsigned j = 1; j < 8; j++) {
            c += (uint64_t)u * m->m[j] + t[j];
            t[j - 1] = (uint32_t)c;
            c >>= 32;
        }
        c += t[8];
        t[7] = (uint32_t)c;
        t[8] = t[9] + (uint32_t)(c >> 32);
    }
    /* t < 2m: subtract m once unless that borrows out of the 257-bit value */
    uint32_t borrow = u256_sub(z, t, m->m);
    u256_cmov(z, t, borrow & (1u ^ t[8]));
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

/* z = x^-1 mod m, Montgomery in and out, by Fermat: x^(m-2). x = 0 gives 0.
 * The branches depend only on the public exponent. z may alias x. */
static void m256_inv(uint32_t z[8], const uint32_t x[8], const mod256 *m)
{
    uint32_t b[8], e[8];
    memcpy(b, x, sizeof b);
    memcpy(e, m->m, sizeof e);
    e[0] -= 2;                               /* low limbs of p and n exceed 2 */
    memcpy(z, b, sizeof b);                  /* bit 255 of m - 2 is set */
    for (int i = 254; i >= 0; i--) {
        m256_mul(z, z, z, m);
        if ((e[i / 32] >> (i % 32)) & 1u)
            m256_mul(z, z, b, m);
    }
    rp_wipe(b, sizeof b);
}

/* Field shorthands for the group law. */
static void fp_mul(uint32_t z[8], const uint32_t x[8], const uint32_t y[8])
{
    m256_mul(z, x, y, &MOD_P);
}
static void fp_add(uint32_t z[8], const uint32_t x[8], const uint32_t y[8])
{
    m256_add(z, x, y, &MOD_P);
}
static void fp_sub(uint32_t z[8], const uint32_t x[8], const uint32_t y[8])
{
    m256_sub(z, x, y, &MOD_P);
}

/* ---- point: complete projective group law (RCB 2015/1060, a = -3) ------------------- */

static void point_set_inf(point *r)
{
    memset(r, 0, sizeof *r);
    memcpy(r->y, G_MONT.z, sizeof r->y);     /* Montgomery 1 */
}

static void point_cmov(point *r, const point *a, uint32_t c)
{
    u256_cmov(r->x, a->x, c);
    u256_cmov(r->y, a->y, c);
    u256_cmov(r->z, a->z, c);
}

/* r = a + b for any a, b (including equal, opposite and infinity): RCB Algorithm 4 with
 * steps 14 and 15 swapped. Every input coordinate is read for the last time at or before
 * the step that first writes the output coordinate sharing its memory, so r may alias a,
 * b or both, and only six temporaries are needed (the small configuration's stack). */
static void point_add(point *r, const point *a, const point *b)
{
    uint32_t t0[8], t1[8], t2[8], t3[8], t4[8], t5[8];
    uint32_t *x3 = r->x, *y3 = r->y, *z3 = r->z;
    fp_mul(t0, a->x, b->x);   fp_mul(t1, a->y, b->y);   fp_mul(t2, a->z, b->z);
    fp_add(t3, a->x, a->y);   fp_add(t4, b->x, b->y);   fp_mul(t3, t3, t4);
    fp_add(t4, t0, t1);       fp_sub(t3, t3, t4);       fp_add(t4, a->y, a->z);
    fp_add(t5, b->y, b->z);   fp_mul(t4, t4, t5);       fp_add(t5, t1, t2);
    fp_sub(t4, t4, t5);       fp_add(y3, b->x, b->z);   fp_add(t5, a->x, a->z);
    fp_mul(x3, t5, y3);       fp_add(y3, t0, t2);       fp_sub(y3, x3, y3);
    fp_mul(z3, B_MONT, t2);   fp_sub(x3, y3, z3);       fp_add(z3, x3, x3);
    fp_add(x3, x3, z3);       fp_sub(z3, t1, x3);       fp_add(x3, t1, x3);
    fp_mul(y3, B_MONT, y3);   fp_add(t1, t2, t2);       fp_add(t2, t1, t2);
    fp_sub(y3, y3, t2);       fp_sub(y3, y3, t0);       fp_add(t1, y3, y3);
    fp_add(y3, t1, y3);       fp_add(t1, t0, t0);       fp_add(t0, t1, t0);
    fp_sub(t0, t0, t2);       fp_mul(t1, t4, y3);       fp_mul(t2, t0, y3);
    fp_mul(y3, x3, z3);       fp_add(y3, y3, t2);       fp_mul(x3, t3, x3);
    fp_sub(x3, x3, t1);       fp_mul(z3, t4, z3);       fp_mul(t1, t3, t0);
    fp_add(z3, z3, t1);
}

#if RP_P256_FAST
/* r = 2a: RCB Algorithm 6 (a = -3). r may alias a. */
static void point_dbl(point *r, const point *a)
{
    uint32_t t0[8], t1[8], t2[8], t3[8], x3[8], y3[8], z3[8];
    fp_mul(t0, a->x, a->x);   fp_mul(t1, a->y, a->y);   fp_mul(t2, a->z, a->z);
    fp_mul(t3, a->x, a->y);   fp_add(t3, t3, t3);       fp_mul(z3, a->x, a->z);
    fp_add(z3, z3, z3);       fp_mul(y3, B_MONT, t2);   fp_sub(y3, y3, z3);
    fp_add(x3, y3, y3);       fp_add(y3, x3, y3);       fp_sub(x3, t1, y3);
    fp_add(y3, t1, y3);       fp_mul(y3, x3, y3);       fp_mul(x3, x3, t3);
    fp_add(t3, t2, t2);       fp_add(t2, t2, t3);       fp_mul(z3, B_MONT, z3);
    fp_sub(z3, z3, t2);       fp_sub(z3, z3, t0);       fp_add(t3, z3, z3);
    fp_add(z3, z3, t3);       fp_add(t3, t0, t0);       fp_add(t0, t3, t0);
    fp_sub(t0, t0, t2);       fp_mul(t0, t0, z3);       fp_add(y3, y3, t0);
    fp_mul(t0, a->y, a->z);   fp_add(t0, t0, t0);       fp_mul(z3, t0, z3);
    fp_sub(x3, x3, z3);       fp_mul(z3, t0, t1);       fp_add(z3, z3, z3);
    fp_add(z3, z3, z3);
    memcpy(r->x, x3, 32);
    memcpy(r->y, y3, 32);
    memcpy(r->z, z3, 32);
}

/* r = a + (bx, by) for an affine b that is not infinity: RCB Algorithm 5. r may alias a. */
static void point_add_affine(point *r, const point *a, const uint32_t bx[8], const uint32_t by[8])
{
    uint32_t t0[8], t1[8], t2[8], t3[8], t4[8], x3[8], y3[8], z3[8];
    fp_mul(t0, a->x, bx);     fp_mul(t1, a->y, by);     fp_add(t3, bx, by);
    fp_add(t4, a->x, a->y);   fp_mul(t3, t3, t4);       fp_add(t4, t0, t1);
    fp_sub(t3, t3, t4);       fp_mul(t4, by, a->z);     fp_add(t4, t4, a->y);
    fp_mul(y3, bx, a->z);     fp_add(y3, y3, a->x);     fp_mul(z3, B_MONT, a->z);
    fp_sub(x3, y3, z3);       fp_add(z3, x3, x3);       fp_add(x3, x3, z3);
    fp_sub(z3, t1, x3);       fp_add(x3, t1, x3);       fp_mul(y3, B_MONT, y3);
    fp_add(t1, a->z, a->z);   fp_add(t2, t1, a->z);     fp_sub(y3, y3, t2);
    fp_sub(y3, y3, t0);       fp_add(t1, y3, y3);       fp_add(y3, t1, y3);
    fp_add(t1, t0, t0);       fp_add(t0, t1, t0);       fp_sub(t0, t0, t2);
    fp_mul(t1, t4, y3);       fp_mul(t2, t0, y3);       fp_mul(y3, x3, z3);
    fp_add(y3, y3, t2);       fp_mul(x3, t3, x3);       fp_sub(x3, x3, t1);
    fp_mul(z3, t4, z3);       fp_mul(t1, t3, t0);       fp_add(z3, z3, t1);
    memcpy(r->x, x3, 32);
    memcpy(r->y, y3, 32);
    memcpy(r->z, z3, 32);
}
#else
static void point_dbl(point *r, const point *a)
{
    point_add(r, a, a);                      /* complete formulas double too */
}
#endif

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

/* r = k * a for any k < 2^256 and any point a; fixed window of WIN bits, table entries
 * selected by a full constant-time scan. r may not alias a. Constant time in k. */
static void point_mul(point *r, const uint8_t k[32], const point *a)
{
#if WIN > 1
    point table[WIN_ENTRIES];
    table[0] = *a;
    for (unsigned i = 1; i < WIN_ENTRIES; i++)
        point_add(&table[i], &table[i - 1], a);
#else
    const point *table = a;
#endif
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
#if WIN > 1
    rp_wipe(table, sizeof table);
#endif
    rp_wipe(&s, sizeof s);
}

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
    uint32_t ax[8], ay[8];
    point s;
    point_set_inf(r);
    for (int col = COMB_COLS - 1; col >= 0; col--) {
        point_dbl(r, r);
        uint32_t idx = 0;
        for (unsigned j = 0; j < COMB_TEETH; j++)
            idx |= scalar_bits(k, (unsigned)col + j * COMB_COLS, 1) << j;
        memcpy(ax, comb_table[0][0], 32);
        memcpy(ay, comb_table[0][1], 32);
        for (unsigned i = 1; i < (1u << COMB_TEETH) - 1; i++) {
            uint32_t c = eq_small(idx, i + 1);
            u256_cmov(ax, comb_table[i][0], c);
            u256_cmov(ay, comb_table[i][1], c);
        }
        point_add_affine(&s, r, ax, ay);
        point_cmov(r, &s, 1u ^ eq_small(idx, 0));   /* idx 0 adds nothing */
    }
    rp_wipe(&s, sizeof s);
    rp_wipe(ax, sizeof ax);
    rp_wipe(ay, sizeof ay);
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
    if (!point_to_affine(a.x, a.y, &a))
        return RP_P256_ERR_VERIFY;
    if (!u256_sub(u1, a.x, MOD_N.m))
        memcpy(a.x, u1, 32);
    return u256_eq(a.x, r) ? RP_P256_OK : RP_P256_ERR_VERIFY;
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

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
#include "p256_mul_fast.h"
#else
/* z = x * y / 2^256 mod m (Montgomery product, CIOS), for x, y < m; z < m.
 * Any aliasing allowed. Each step needs x[i]*y[j] + t[j] + carry <= 2^64 - 1. */
static void m256_mul(uint32_t z[8], const uint32_t x[8], const uint32_t y[8], const mod256 *m)
{
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
#endif

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

/* r = a + b for any a, b (including equal, opposite and infinity): RCB Algorithm 4.
 * r may alias a or b. */
static void point_add(point *r, const point *a, const point *b)
{
    uint32_t t0[8], t1[8], t2[8], t3[8], t4[8], x3[8], y3[8], z3[8];
    fp_mul(t0, a->x, b->x);   fp_mul(t1, a->y, b->y);   fp_mul(t2, a->z, b->z);
    fp_add(t3, a->x, a->y);   fp_add(t4, b->x, b->y);   fp_mul(t3, t3, t4);
    fp_add(t4, t0, t1);       fp_sub(t3, t3, t4);       fp_add(t4, a->y, a->z);
    fp_add(x3, b->y, b->z);   fp_mul(t4, t4, x3);       fp_add(x3, t1, t2);
    fp_sub(t4, t4, x3);       fp_add(x3, a->x, a->z);   fp_add(y3, b->x, b->z);
    fp_mul(x3, x3, y3);       fp_add(y3, t0, t2);       fp_sub(y3, x3, y3);
    fp_mul(z3, B_MONT, t2);   fp_sub(x3, y3, z3);       fp_add(z3, x3, x3);
    fp_add(x3, x3, z3);       fp_sub(z3, t1, x3);       fp_add(x3, t1, x3);
    fp_mul(y3, B_MONT, y3);   fp_add(t1, t2, t2);       fp_add(t2, t1, t2);
    fp_sub(y3, y3, t2);       fp_sub(y3, y3, t0);       fp_add(t1, y3, y3);
    fp_add(y3, t1, y3);       fp_add(t1, t0, t0);       fp_add(t0, t1, t0);
    fp_sub(t0, t0, t2);       fp_mul(t1, t4, y3);       fp_mul(t2, t0, y3);
    fp_mul(y3, x3, z3);       fp_add(y3, y3, t2);       fp_mul(x3, t3, x3);
    fp_sub(x3, x3, t1);       fp_mul(z3, t4, z3);       fp_mul(t1, t3, t0);
    fp_add(z3, z3, t1);
    memcpy(r->x, x3, 32);
    memcpy(r->y, y3, 32);
    memcpy(r->z, z3, 32);
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
 * are 0). Constant time. */
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

/* 65-byte uncompressed encoding of a (not infinity). */
static uint32_t point_to_bytes(uint8_t out[65], const point *a)
{
    uint32_t x[8], y[8];
    uint32_t ok = point_to_affine(x, y, a);
    out[0] = 0x04;
    u256_to_bytes(out + 1, x);
    u256_to_bytes(out + 33, y);
    return ok;
}

/* ---- scalar multiplication ---------------------------------------------------------- */

/* Bits [pos, pos + w) of k, zero beyond bit 255. pos is public, the result is secret. */
static uint32_t scalar_bits(const uint32_t k[8], unsigned pos, unsigned w)
{
    uint32_t v = 0;
    for (unsigned j = 0; j < w && pos + j < 256; j++)
        v |= ((k[(pos + j) / 32] >> ((pos + j) % 32)) & 1u) << j;
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
static void point_mul(point *r, const uint32_t k[8], const point *a)
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
#include "p256_comb.h"   /* COMB_TEETH, COMB_COLS, comb_table[][2][8] */

/* r = k * G with the comb: column i gathers bits i, i + COMB_COLS, i + 2*COMB_COLS, ...
 * and comb_table[m - 1] = sum of 2^(j*COMB_COLS) G over the bits j of m. Constant time. */
static void point_mul_g(point *r, const uint32_t k[8])
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
static void point_mul_g(point *r, const uint32_t k[8])
{
    point_mul(r, k, &G_MONT);
}
#endif

/* ---- keys ----------------------------------------------------------------------------- */

int rp_p256_check_private(const uint8_t priv[32])
{
    uint32_t d[8];
    u256_from_bytes(d, priv);
    uint32_t ok = u256_in_range(d, MOD_N.m);
    rp_wipe(d, sizeof d);
    RP_UNPOISON(&ok, sizeof ok);             /* validity is not secret */
    return ok ? RP_P256_OK : RP_P256_ERR_INPUT;
}

int rp_p256_check_public(const uint8_t pub[65])
{
    point q;
    return point_from_bytes_leaky(&q, pub) ? RP_P256_OK : RP_P256_ERR_INPUT;
}

/* Decode and range-check a private scalar; returns 1 when 1 <= d <= n-1. */
static uint32_t scalar_load(uint32_t d[8], const uint8_t priv[32])
{
    u256_from_bytes(d, priv);
    uint32_t ok = u256_in_range(d, MOD_N.m);
    RP_UNPOISON(&ok, sizeof ok);
    return ok;
}

int rp_p256_public_from_private(uint8_t pub[65], const uint8_t priv[32])
{
    uint32_t d[8];
    point q;
    int ret = RP_P256_ERR_INPUT;
    if (scalar_load(d, priv)) {
        point_mul_g(&q, d);
        point_to_bytes(pub, &q);             /* d in [1, n-1]: never infinity */
        ret = RP_P256_OK;
    }
    rp_wipe(d, sizeof d);
    rp_wipe(&q, sizeof q);
    return ret;
}

/* Draw a scalar in [1, n-1] by rejection sampling (FIPS 186-5 A.2.2 / A.3.2). */
static int scalar_random(uint32_t k[8], uint8_t buf[32], rp_rng_fn rng, void *rng_ctx)
{
    for (unsigned tries = 0; tries < 16; tries++) {
        if (rng(rng_ctx, buf, 32) != 0)
            return RP_P256_ERR_RNG;
        if (scalar_load(k, buf))
            return RP_P256_OK;
    }
    return RP_P256_ERR_RNG;                  /* p < 2^-500 for a working source */
}

int rp_p256_keygen(uint8_t priv[32], uint8_t pub[65], rp_rng_fn rng, void *rng_ctx)
{
    uint32_t d[8];
    int ret = scalar_random(d, priv, rng, rng_ctx);
    if (ret == RP_P256_OK)
        ret = rp_p256_public_from_private(pub, priv);
    if (ret != RP_P256_OK)
        rp_wipe(priv, 32);
    rp_wipe(d, sizeof d);
    return ret;
}

/* ---- ECDSA ---------------------------------------------------------------------------- */

/* e = bits2int(hash) mod n (SEC1 4.1.3 step 5; RFC 6979 2.3.2 and 2.3.4). */
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

/* sig = (r, s) with nonce k in [1, n-1], key d in [1, n-1], message scalar e < n
 * (FIPS 186-5 6.4.1 steps 4-8). Returns RP_P256_OK, or RP_P256_ERR_RNG when r or s is 0
 * (the caller draws another k). Constant time in d and k. */
static int sign_with_k(uint8_t sig[64], const uint32_t d[8], const uint32_t k[8],
                       const uint32_t e[8])
{
    point kg;
    uint32_t r[8], s[8], t[8], y[8];
    point_mul_g(&kg, k);
    point_to_affine(r, y, &kg);              /* k in range: never infinity */
    uint32_t borrow = u256_sub(t, r, MOD_N.m);
    u256_cmov(r, t, 1u ^ borrow);            /* r = x mod n, x < p < 2n */
    m256_prep(s, k, &MOD_N);
    m256_inv(s, s, &MOD_N);                  /* k^-1 */
    m256_prep(t, r, &MOD_N);
    m256_prep(y, d, &MOD_N);
    m256_mul(t, t, y, &MOD_N);               /* r d */
    m256_prep(y, e, &MOD_N);
    m256_add(t, t, y, &MOD_N);               /* e + r d */
    m256_mul(s, s, t, &MOD_N);
    m256_done(s, s, &MOD_N);
    uint32_t ok = (1u ^ u256_is_zero(r)) & (1u ^ u256_is_zero(s));
    RP_UNPOISON(r, sizeof r);                /* r and s are the public result */
    RP_UNPOISON(s, sizeof s);
    RP_UNPOISON(&ok, sizeof ok);
    if (ok) {
        u256_to_bytes(sig, r);
        u256_to_bytes(sig + 32, s);
    }
    rp_wipe(&kg, sizeof kg);
    rp_wipe(t, sizeof t);
    rp_wipe(y, sizeof y);
    return ok ? RP_P256_OK : RP_P256_ERR_RNG;
}

int rp_p256_sign(uint8_t sig[64], const uint8_t priv[32], const uint8_t *hash,
                 size_t hash_len, rp_rng_fn rng, void *rng_ctx)
{
    uint32_t d[8], k[8], e[8];
    uint8_t buf[32];
    int ret = RP_P256_ERR_INPUT;
    if (scalar_load(d, priv)) {
        hash_to_scalar(e, hash, hash_len);
        ret = RP_P256_ERR_RNG;
        for (unsigned tries = 0; tries < 4 && ret == RP_P256_ERR_RNG; tries++) {
            ret = scalar_random(k, buf, rng, rng_ctx);
            if (ret == RP_P256_OK)
                ret = sign_with_k(sig, d, k, e);
        }
    }
    rp_wipe(d, sizeof d);
    rp_wipe(k, sizeof k);
    rp_wipe(buf, sizeof buf);
    return ret;
}

/* FIPS 186-5 6.4.2: verify (r, s) over e with public key q. Public data only. */
int rp_p256_verify(const uint8_t sig[64], const uint8_t pub[65], const uint8_t *hash,
                   size_t hash_len)
{
    point q, a, b;
    uint32_t r[8], s[8], e[8], u1[8], u2[8];
    /* step 1: key and range checks */
    if (!point_from_bytes_leaky(&q, pub))
        return RP_P256_ERR_INPUT;
    u256_from_bytes(r, sig);
    u256_from_bytes(s, sig + 32);
    if (!u256_in_range(r, MOD_N.m) || !u256_in_range(s, MOD_N.m))
        return RP_P256_ERR_INPUT;
    /* steps 2-5: u1 = e / s, u2 = r / s */
    hash_to_scalar(e, hash, hash_len);
    m256_prep(s, s, &MOD_N);
    m256_inv(s, s, &MOD_N);
    m256_mul(u1, e, s, &MOD_N);              /* (e) (s^-1 R) / R = e/s, plain form */
    m256_mul(u2, r, s, &MOD_N);
    /* step 6: R = u1 G + u2 Q; step 7: reject infinity */
    point_mul_g(&a, u1);
    point_mul(&b, u2, &q);
    point_add(&a, &a, &b);
    if (!point_to_affine(u1, u2, &a))
        return RP_P256_ERR_VERIFY;
    /* step 8: x mod n == r */
    if (!u256_sub(e, u1, MOD_N.m))
        memcpy(u1, e, 32);
    return u256_eq(u1, r) ? RP_P256_OK : RP_P256_ERR_VERIFY;
}

/* ---- ECDH ----------------------------------------------------------------------------- */

int rp_p256_ecdh(uint8_t shared[32], const uint8_t priv[32], const uint8_t peer[65])
{
    uint32_t d[8], x[8], y[8];
    point q, r;
    int ret = RP_P256_ERR_INPUT;
    if (point_from_bytes_leaky(&q, peer) && scalar_load(d, priv)) {
        point_mul(&r, d, &q);
        point_to_affine(x, y, &r);           /* prime order, d in range: not infinity */
        u256_to_bytes(shared, x);
        ret = RP_P256_OK;
    }
    rp_wipe(d, sizeof d);
    rp_wipe(x, sizeof x);
    rp_wipe(y, sizeof y);
    rp_wipe(&r, sizeof r);
    return ret;
}

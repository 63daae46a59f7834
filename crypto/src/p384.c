/* p384.c - NIST P-384 arithmetic, ECDSA and ECDH (contract: rp_p384.h).
 *
 * The design of P-256's small configuration (docs/p256.md), for 12 limbs and written for
 * clarity rather than size:
 *   u384_  plain integers, 12 little-endian 32-bit limbs
 *   m384_  residues mod p or n in Montgomery form (x * 2^384 mod m), fully reduced
 *   point_ projective (X : Y : Z) over Montgomery residues mod p, infinity = (0 : 1 : 0),
 *          with the complete addition law of Renes-Costello-Batina (eprint 2015/1060,
 *          Algorithm 4, a = -3), so every secret path is branch-free.
 */
#include "rp_p384.h"
#include "rp_ct.h"
#include "rp_hmac.h"

#include <string.h>

#define NL 12          /* limbs */
#define NB 48          /* bytes */

typedef struct {
    uint32_t m[NL];    /* the modulus, odd */
    uint32_t r2[NL];   /* 2^768 mod m */
    uint32_t ni;       /* -m^-1 mod 2^32 */
} mod384;

static const mod384 MOD_P = {
    { 0xffffffff, 0x00000000, 0x00000000, 0xffffffff, 0xfffffffe, 0xffffffff,
      0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff },
    { 0x00000001, 0xfffffffe, 0x00000000, 0x00000002, 0x00000000, 0xfffffffe,
      0x00000000, 0x00000002, 0x00000001, 0x00000000, 0x00000000, 0x00000000 },
    0x00000001
};
static const mod384 MOD_N = {
    { 0xccc52973, 0xecec196a, 0x48b0a77a, 0x581a0db2, 0xf4372ddf, 0xc7634d81,
      0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff },
    { 0x19b409a9, 0x2d319b24, 0xdf1aa419, 0xff3d81e5, 0xfcb82947, 0xbc3e483a,
      0x4aab1cc5, 0xd40d4917, 0x28266895, 0x3fb05b7a, 0x2b39bf21, 0x0c84ee01 },
    0xe88fdc45
};

/* b and G in Montgomery form (SEC 2 2.5.1), and the Montgomery 1 as G's Z. */
static const uint32_t B_MONT[NL] = {
    0x9d412dcc, 0x08118871, 0x7a4c32ec, 0xf729add8, 0x1920022e, 0x77f2209b,
    0x94938ae2, 0xe3374bee, 0x1f022094, 0xb62b21f4, 0x604fbff9, 0xcd08114b
};

typedef struct {
    uint32_t x[NL], y[NL], z[NL];
} point;

static const point G_MONT = {
    { 0x49c0b528, 0x3dd07566, 0xa0d6ce38, 0x20e378e2, 0x541b4d6e, 0x879c3afc,
      0x59a30eff, 0x64548684, 0x614ede2b, 0x812ff723, 0x299e1513, 0x4d3aadc2 },
    { 0x4b03a4fe, 0x23043dad, 0x7bb4a9ac, 0xa1bfa8bf, 0x2e83b050, 0x8bade756,
      0x68f4ffd9, 0xc6c35219, 0x3969a840, 0xdd800226, 0x5a15c5e9, 0x2b78abc2 },
    { 0x00000001, 0xffffffff, 0xffffffff, 0x00000000, 0x00000001, 0x00000000,
      0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000 }
};

/* ---- u384: plain integers ------------------------------------------------------------ */

/* z = x - y mod 2^384; returns the borrow (0 or 1). Any aliasing allowed. */
static uint32_t u384_sub(uint32_t z[NL], const uint32_t x[NL], const uint32_t y[NL])
{
    uint64_t c = 0;
    for (unsigned i = 0; i < NL; i++) {
        c = (uint64_t)x[i] - y[i] - c;
        z[i] = (uint32_t)c;
        c = (c >> 32) & 1u;
    }
    return (uint32_t)c;
}

/* z = c ? x : z for c in {0, 1}; constant time. */
static void u384_cmov(uint32_t z[NL], const uint32_t x[NL], uint32_t c)
{
    uint32_t mask = 0u - c;
    for (unsigned i = 0; i < NL; i++)
        z[i] ^= (z[i] ^ x[i]) & mask;
}

/* 1 if x == 0, else 0; constant time. */
static uint32_t u384_is_zero(const uint32_t x[NL])
{
    uint32_t acc = 0;
    for (unsigned i = 0; i < NL; i++)
        acc |= x[i];
    return 1u ^ ((acc | (0u - acc)) >> 31);
}

/* 1 if x < m; constant time. */
static uint32_t u384_lt(const uint32_t x[NL], const uint32_t m[NL])
{
    uint32_t t[NL];
    return u384_sub(t, x, m);
}

/* 1 if 1 <= x < m; constant time. */
static uint32_t u384_in_range(const uint32_t x[NL], const uint32_t m[NL])
{
    return u384_lt(x, m) & (1u ^ u384_is_zero(x));
}

/* 1 if x == y; constant time. */
static uint32_t u384_eq(const uint32_t x[NL], const uint32_t y[NL])
{
    uint32_t t[NL];
    for (unsigned i = 0; i < NL; i++)
        t[i] = x[i] ^ y[i];
    return u384_is_zero(t);
}

static void u384_from_bytes(uint32_t z[NL], const uint8_t b[NB])
{
    for (unsigned i = 0; i < NL; i++) {
        const uint8_t *q = b + NB - 4 - 4 * i;
        z[i] = (uint32_t)q[0] << 24 | (uint32_t)q[1] << 16 | (uint32_t)q[2] << 8 | q[3];
    }
}

static void u384_to_bytes(uint8_t b[NB], const uint32_t x[NL])
{
    for (unsigned i = 0; i < NL; i++) {
        uint8_t *q = b + NB - 4 - 4 * i;
        q[0] = (uint8_t)(x[i] >> 24);
        q[1] = (uint8_t)(x[i] >> 16);
        q[2] = (uint8_t)(x[i] >> 8);
        q[3] = (uint8_t)x[i];
    }
}

/* ---- m384: Montgomery residues mod p or n ------------------------------------------- */

/* z = x + y mod m for x, y < m; any aliasing. x + y + ~m + 1 carries out exactly when
 * x + y >= m; otherwise m is added back. */
static void m384_add(uint32_t z[NL], const uint32_t x[NL], const uint32_t y[NL], const mod384 *m)
{
    uint64_t acc = 1;
    for (unsigned i = 0; i < NL; i++) {
        acc += (uint64_t)x[i] + y[i] + (uint32_t)~m->m[i];
        z[i] = (uint32_t)acc;
        acc >>= 32;
    }
    uint32_t mask = (uint32_t)acc - 1u;
    acc = 0;
    for (unsigned i = 0; i < NL; i++) {
        acc += (uint64_t)z[i] + (m->m[i] & mask);
        z[i] = (uint32_t)acc;
        acc >>= 32;
    }
}

/* z = x - y mod m for x, y < m; any aliasing. */
static void m384_sub(uint32_t z[NL], const uint32_t x[NL], const uint32_t y[NL], const mod384 *m)
{
    uint32_t mask = 0u - u384_sub(z, x, y);
    uint64_t acc = 0;
    for (unsigned i = 0; i < NL; i++) {
        acc += (uint64_t)z[i] + (m->m[i] & mask);
        z[i] = (uint32_t)acc;
        acc >>= 32;
    }
}

/* z = x * y / 2^384 mod m, for x, y < m (x may be any value below 2^384 when y < m);
 * z < m; any aliasing. CIOS with merged multiplication and reduction, as in p256.c. */
static void m384_mul(uint32_t z[NL], const uint32_t x[NL], const uint32_t y[NL], const mod384 *m)
{
    uint32_t t[NL + 1] = { 0 };
    for (unsigned i = 0; i < NL; i++) {
        uint32_t xi = x[i];
        uint64_t c1 = (uint64_t)xi * y[0] + t[0];
        uint32_t u = (uint32_t)c1 * m->ni;
        uint64_t c2 = ((uint64_t)u * m->m[0] + (uint32_t)c1) >> 32;
        c1 >>= 32;
        for (unsigned j = 1; j < NL; j++) {
            c1 += (uint64_t)xi * y[j] + t[j];
            c2 += (uint64_t)u * m->m[j] + (uint32_t)c1;
            t[j - 1] = (uint32_t)c2;
            c1 >>= 32;
            c2 >>= 32;
        }
        c1 += t[NL];
        c2 += (uint32_t)c1;
        t[NL - 1] = (uint32_t)c2;
        t[NL] = (uint32_t)(c1 >> 32) + (uint32_t)(c2 >> 32);
    }
    uint32_t borrow = u384_sub(z, t, m->m);
    u384_cmov(z, t, borrow & (1u ^ t[NL]));
}

static void m384_prep(uint32_t z[NL], const uint32_t x[NL], const mod384 *m)
{
    m384_mul(z, x, m->r2, m);
}

static void m384_done(uint32_t z[NL], const uint32_t x[NL], const mod384 *m)
{
    static const uint32_t one[NL] = { 1 };
    m384_mul(z, x, one, m);
}

/* z = x^-1 mod m (Montgomery in and out) by Fermat, x^(m-2), left to right over the public
 * exponent. x = 0 gives 0. z may alias x. */
static void m384_inv(uint32_t z[NL], const uint32_t x[NL], const mod384 *m)
{
    uint32_t b[NL], e[NL];
    memcpy(b, x, sizeof b);
    memcpy(e, m->m, sizeof e);
    e[0] -= 2;                               /* low limbs of p and n exceed 2 */
    memcpy(z, b, sizeof b);                  /* the top bit of m - 2 is set */
    for (int i = 32 * NL - 2; i >= 0; i--) {
        m384_mul(z, z, z, m);
        if ((e[i / 32] >> (i % 32)) & 1u)
            m384_mul(z, z, b, m);
    }
    rp_wipe(b, sizeof b);
}

static void fp_mul(uint32_t z[NL], const uint32_t x[NL], const uint32_t y[NL])
{
    m384_mul(z, x, y, &MOD_P);
}
static void fp_add(uint32_t z[NL], const uint32_t x[NL], const uint32_t y[NL])
{
    m384_add(z, x, y, &MOD_P);
}
static void fp_sub(uint32_t z[NL], const uint32_t x[NL], const uint32_t y[NL])
{
    m384_sub(z, x, y, &MOD_P);
}

/* ---- points --------------------------------------------------------------------------- */

static void point_set_inf(point *r)
{
    memset(r, 0, sizeof *r);
    memcpy(r->y, G_MONT.z, sizeof r->y);
}

static void point_cmov(point *r, const point *a, uint32_t c)
{
    u384_cmov(r->x, a->x, c);
    u384_cmov(r->y, a->y, c);
    u384_cmov(r->z, a->z, c);
}

/* r = a + b for any a, b (equal, opposite, infinity included): RCB Algorithm 4 with steps
 * 14 and 15 swapped so that r may alias a, b or both (see p256.c). */
static void point_add(point *r, const point *a, const point *b)
{
    uint32_t t0[NL], t1[NL], t2[NL], t3[NL], t4[NL], t5[NL];
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

/* Affine coordinates (plain integers < p) of a; 0 for infinity. x may alias a->x, y a->y. */
static uint32_t point_to_affine(uint32_t x[NL], uint32_t y[NL], const point *a)
{
    uint32_t zi[NL];
    uint32_t finite = 1u ^ u384_is_zero(a->z);
    m384_inv(zi, a->z, &MOD_P);
    fp_mul(x, a->x, zi);
    fp_mul(y, a->y, zi);
    m384_done(x, x, &MOD_P);
    m384_done(y, y, &MOD_P);
    return finite;
}

/* SEC1 uncompressed point, checked: 0x04, X, Y < p, y^2 = x^3 - 3x + b. Public data. */
static uint32_t point_from_bytes_leaky(point *r, const uint8_t in[2 * NB + 1])
{
    uint32_t lhs[NL], rhs[NL];
    if (in[0] != 0x04)
        return 0;
    u384_from_bytes(r->x, in + 1);
    u384_from_bytes(r->y, in + 1 + NB);
    if (!u384_lt(r->x, MOD_P.m) || !u384_lt(r->y, MOD_P.m))
        return 0;
    m384_prep(r->x, r->x, &MOD_P);
    m384_prep(r->y, r->y, &MOD_P);
    memcpy(r->z, G_MONT.z, sizeof r->z);
    fp_mul(lhs, r->y, r->y);
    fp_mul(rhs, r->x, r->x);
    fp_sub(rhs, rhs, G_MONT.z);
    fp_sub(rhs, rhs, G_MONT.z);
    fp_sub(rhs, rhs, G_MONT.z);
    fp_mul(rhs, rhs, r->x);
    fp_add(rhs, rhs, B_MONT);
    return u384_eq(lhs, rhs);
}

static void point_to_bytes(uint8_t out[2 * NB + 1], point *a)
{
    point_to_affine(a->x, a->y, a);
    out[0] = 0x04;
    u384_to_bytes(out + 1, a->x);
    u384_to_bytes(out + 1 + NB, a->y);
}

/* r = k * a for the big-endian scalar k: double and add always, the addend selected in
 * constant time. r may not alias a. */
static void point_mul(point *r, const uint8_t k[NB], const point *a)
{
    point s;
    point_set_inf(r);
    for (int i = 8 * NB - 1; i >= 0; i--) {
        point_add(r, r, r);
        point_set_inf(&s);
        point_cmov(&s, a, (uint32_t)(k[NB - 1 - i / 8] >> (i % 8)) & 1u);
        point_add(r, r, &s);
    }
    rp_wipe(&s, sizeof s);
}

/* ---- keys ----------------------------------------------------------------------------- */

static uint32_t scalar_ok(const uint8_t k[NB])
{
    uint32_t d[NL];
    u384_from_bytes(d, k);
    uint32_t ok = u384_in_range(d, MOD_N.m);
    rp_wipe(d, sizeof d);
    RP_UNPOISON(&ok, sizeof ok);
    return ok;
}

int rp_p384_check_private(const uint8_t priv[48])
{
    return scalar_ok(priv) ? RP_P384_OK : RP_P384_ERR_INPUT;
}

int rp_p384_check_public(const uint8_t pub[97])
{
    point q;
    return point_from_bytes_leaky(&q, pub) ? RP_P384_OK : RP_P384_ERR_INPUT;
}

int rp_p384_public_from_private(uint8_t pub[97], const uint8_t priv[48])
{
    point q;
    if (!scalar_ok(priv))
        return RP_P384_ERR_INPUT;
    point_mul(&q, priv, &G_MONT);
    point_to_bytes(pub, &q);
    rp_wipe(&q, sizeof q);
    return RP_P384_OK;
}

static int scalar_random(uint8_t k[NB], rp_rng_fn rng, void *rng_ctx)
{
    for (unsigned tries = 0; tries < 16; tries++) {
        if (rng(rng_ctx, k, NB) != 0)
            break;
        if (scalar_ok(k))
            return RP_P384_OK;
    }
    rp_wipe(k, NB);
    return RP_P384_ERR_RNG;
}

int rp_p384_keygen(uint8_t priv[48], uint8_t pub[97], rp_rng_fn rng, void *rng_ctx)
{
    int ret = scalar_random(priv, rng, rng_ctx);
    if (ret == RP_P384_OK)
        ret = rp_p384_public_from_private(pub, priv);
    return ret;
}

/* ---- ECDSA ---------------------------------------------------------------------------- */

/* e = bits2int(hash) mod n: the leftmost 384 bits, or the whole shorter hash. */
static void hash_to_scalar(uint32_t e[NL], const uint8_t *hash, size_t hash_len)
{
    uint8_t buf[NB] = { 0 };
    uint32_t t[NL];
    size_t len = hash_len < NB ? hash_len : NB;
    if (len > 0)
        memcpy(buf + NB - len, hash, len);
    u384_from_bytes(e, buf);
    u384_cmov(e, t, 1u ^ u384_sub(t, e, MOD_N.m));
}

/* FIPS 186-5 6.4.1 steps 4-8 for nonce k in [1, n-1] (k may alias sig). Returns 1 and
 * writes sig, or 0 when r or s is 0. Constant time in priv and k. */
static uint32_t sign_with_k(uint8_t sig[2 * NB], const uint8_t priv[NB], const uint8_t k[NB],
                            const uint8_t *hash, size_t hash_len)
{
    point kg;
    uint32_t *r = kg.x, *s = kg.y, *t = kg.z, u[NL];
    point_mul(&kg, k, &G_MONT);
    point_to_affine(kg.x, kg.y, &kg);
    u384_cmov(r, t, 1u ^ u384_sub(t, r, MOD_N.m));   /* r = x mod n, x < p < 2n */
    u384_from_bytes(u, k);
    m384_prep(s, u, &MOD_N);
    m384_inv(s, s, &MOD_N);
    u384_from_bytes(u, priv);
    m384_prep(u, u, &MOD_N);
    m384_prep(t, r, &MOD_N);
    m384_mul(t, t, u, &MOD_N);               /* r d */
    hash_to_scalar(u, hash, hash_len);
    m384_prep(u, u, &MOD_N);
    m384_add(t, t, u, &MOD_N);               /* e + r d */
    m384_mul(s, s, t, &MOD_N);
    m384_done(s, s, &MOD_N);
    uint32_t ok = (1u ^ u384_is_zero(r)) & (1u ^ u384_is_zero(s));
    RP_UNPOISON(r, NB);
    RP_UNPOISON(s, NB);
    RP_UNPOISON(&ok, sizeof ok);
    u384_to_bytes(sig, r);
    u384_to_bytes(sig + NB, s);
    rp_wipe(&kg, sizeof kg);
    rp_wipe(u, sizeof u);
    return ok;
}

int rp_p384_sign(uint8_t sig[96], const uint8_t priv[48], const uint8_t *hash,
                 size_t hash_len, rp_rng_fn rng, void *rng_ctx)
{
    if (!scalar_ok(priv))
        return RP_P384_ERR_INPUT;
    for (unsigned tries = 0; tries < 4; tries++) {
        if (scalar_random(sig, rng, rng_ctx) != RP_P384_OK)
            break;
        if (sign_with_k(sig, priv, sig, hash, hash_len))
            return RP_P384_OK;
    }
    rp_wipe(sig, 2 * NB);
    return RP_P384_ERR_RNG;
}

int rp_p384_sign_det(uint8_t sig[96], const uint8_t priv[48], const uint8_t *hash,
                     size_t hash_len)
{
    rp_rfc6979 g;
    uint8_t h1[NB];
    uint32_t e[NL];
    int ret = RP_P384_ERR_RNG;
    if (!scalar_ok(priv))
        return RP_P384_ERR_INPUT;
    hash_to_scalar(e, hash, hash_len);
    u384_to_bytes(h1, e);                    /* bits2octets(h1) */
    if (!rp_rfc6979_init(&g, hash_len, priv, h1, NB))   /* RFC 6979 3.2 steps a-g */
        return RP_P384_ERR_INPUT;
    for (unsigned tries = 0; tries < 8; tries++) {
        rp_rfc6979_next(&g, sig, NB);        /* step h: k = bits2int(T), held in sig */
        if (scalar_ok(sig) && sign_with_k(sig, priv, sig, hash, hash_len)) {
            ret = RP_P384_OK;
            break;
        }
        rp_rfc6979_reject(&g);
    }
    if (ret != RP_P384_OK)
        rp_wipe(sig, 2 * NB);
    rp_rfc6979_wipe(&g);
    return ret;
}

/* a = u1 G + u2 q (public scalars): Shamir's trick, branching on the bits. */
static void point_mul2_leaky(point *a, const uint32_t u1[NL], const uint32_t u2[NL],
                             const point *q)
{
    point_set_inf(a);
    for (int i = 32 * NL - 1; i >= 0; i--) {
        point_add(a, a, a);
        if ((u1[i / 32] >> (i % 32)) & 1u)
            point_add(a, a, &G_MONT);
        if ((u2[i / 32] >> (i % 32)) & 1u)
            point_add(a, a, q);
    }
}

/* FIPS 186-5 6.4.2. Public data only. */
int rp_p384_verify(const uint8_t sig[96], const uint8_t pub[97], const uint8_t *hash,
                   size_t hash_len)
{
    point q, a;
    uint32_t r[NL], u1[NL], u2[NL];
    if (!point_from_bytes_leaky(&q, pub))
        return RP_P384_ERR_INPUT;
    u384_from_bytes(r, sig);
    u384_from_bytes(u2, sig + NB);
    if (!u384_in_range(r, MOD_N.m) || !u384_in_range(u2, MOD_N.m))
        return RP_P384_ERR_INPUT;
    hash_to_scalar(u1, hash, hash_len);
    m384_prep(u2, u2, &MOD_N);
    m384_inv(u2, u2, &MOD_N);
    m384_mul(u1, u1, u2, &MOD_N);            /* e / s */
    m384_mul(u2, r, u2, &MOD_N);             /* r / s */
    point_mul2_leaky(&a, u1, u2, &q);
    if (!point_to_affine(u1, u2, &a))
        return RP_P384_ERR_VERIFY;
    if (!u384_sub(u2, u1, MOD_N.m))
        memcpy(u1, u2, sizeof u1);
    return u384_eq(u1, r) ? RP_P384_OK : RP_P384_ERR_VERIFY;
}

/* ---- ECDH ----------------------------------------------------------------------------- */

int rp_p384_ecdh(uint8_t shared[48], const uint8_t priv[48], const uint8_t peer[97])
{
    point q, r;
    if (!point_from_bytes_leaky(&q, peer) || !scalar_ok(priv))
        return RP_P384_ERR_INPUT;
    point_mul(&r, priv, &q);
    point_to_affine(r.x, r.y, &r);
    u384_to_bytes(shared, r.x);
    rp_wipe(&r, sizeof r);
    return RP_P384_OK;
}

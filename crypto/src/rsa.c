/* rsa.c - RSA per RFC 8017 (contract: rp_rsa.h).
 *
 * Numbers are little-endian 32-bit limbs with explicit lengths (bn_). Modular arithmetic is
 * Montgomery (mont_), with R^2 mod m computed by doubling so that no division is ever needed.
 * Secret exponents go through mont_exp_ct (fixed 4-bit windows, table read by a full scan,
 * always multiplying); public exponents through mont_exp_leaky. Every number lives in the
 * static workspace below, never on the stack.
 */
#include "rp_rsa.h"
#include "rp_ct.h"
#include "rp_der.h"

#include <string.h>

#define HALF (RP_RSA_LIMBS / 2)

static const uint32_t ONE[RP_RSA_LIMBS] = { 1 };

/* ---- workspace -------------------------------------------------------------------------
 * The numbers and buffers of an operation are taken from this one static array, last in
 * first out, each sized to the key at hand (k limbs for the modulus, about k/2 for a
 * prime), so that the stack holds only pointers and counters: the primitive runs on the
 * Crypto partition's 4 KiB stacks (docs/crypto-service.md). In the secure image this file
 * is compiled into the partition's library, so the array lies in that partition's .bss
 * (its own MPU region at isolation levels 2 and 3). Each public function wipes what it
 * used before it returns, on every path (ws_enter / ws_leave). Consequence: one operation
 * at a time (not reentrant), as in the Crypto core and the host library.
 * Size: the deepest path is a private operation with a 4096-bit key (k = 128 limbs):
 * 5 k + 1 limbs in rsa_private, 2 k in crt_half, 9 k in mont_exp_ct, k/2 + 1 in mont_mul,
 * plus the caller's k-limb padding buffer: 2,370 limbs (the measured peak, host tests with
 * -DRP_RSA_WS_PEAK). A request beyond the array is a bug of this file and stops. */
#define WS_LIMBS 2400u

static uint32_t ws[WS_LIMBS];
static size_t ws_top, ws_high;
#ifdef RP_RSA_WS_PEAK                        /* host measuring aid: the peak, at exit */
#include <stdio.h>
static size_t ws_peak;
__attribute__((destructor)) static void ws_report(void)
{
    fprintf(stderr, "WS_PEAK %zu limbs\n", ws_peak);
}
#define WS_NOTE_PEAK() (ws_peak = ws_top > ws_peak ? ws_top : ws_peak)
#else
#define WS_NOTE_PEAK() ((void)0)
#endif

static void ws_overflow(void)
{
#if defined(__GNUC__)
    __builtin_trap();                        /* a fault of this file, never of the caller */
#endif
    for (;;) {
    }
}

/* k limbs (contents undefined) on top of the workspace. */
static uint32_t *ws_take(size_t k)
{
    if (k > WS_LIMBS - ws_top)
        ws_overflow();
    uint32_t *p = ws + ws_top;
    ws_top += k;
    if (ws_top > ws_high)
        ws_high = ws_top;
    WS_NOTE_PEAK();
    return p;
}

/* A byte buffer of n bytes from the workspace (char access to limbs is allowed). */
static uint8_t *ws_take_bytes(size_t n)
{
    return (uint8_t *)ws_take((n + 3) / 4);
}

/* Give back p and everything taken after it. */
static void ws_free(const void *p)
{
    ws_top = (size_t)((const uint32_t *)p - ws);
}

/* Public entry and exit: the mark to return to, then the wipe of all that was used above
 * it (also what earlier, already freed, temporaries held). Nesting is allowed. */
static size_t ws_enter(void)
{
    return ws_top;
}

static int ws_leave(size_t mark, int ret)
{
    rp_wipe(ws + mark, 4 * (ws_high - mark));
    ws_top = mark;
    ws_high = mark;
    return ret;
}

/* ---- bn: plain numbers ---------------------------------------------------------------- */

static size_t limbs_for(size_t bits)
{
    return (bits + 31) / 32;
}

/* z[0..k) = the big-endian b[0..len), len <= 4k. */
static void bn_from_bytes(uint32_t *z, size_t k, const uint8_t *b, size_t len)
{
    memset(z, 0, 4 * k);
    for (size_t i = 0; i < len; i++) {
        size_t j = len - 1 - i;              /* byte index from the least significant */
        z[j / 4] |= (uint32_t)b[i] << (8 * (j % 4));
    }
}

/* b[0..len) = x[0..k) big-endian (bytes above the limbs are zero, higher limbs dropped). */
static void bn_to_bytes(uint8_t *b, size_t len, const uint32_t *x, size_t k)
{
    for (size_t i = 0; i < len; i++) {
        size_t j = len - 1 - i;
        b[i] = j / 4 < k ? (uint8_t)(x[j / 4] >> (8 * (j % 4))) : 0;
    }
}

static uint32_t bn_sub(uint32_t *z, const uint32_t *x, const uint32_t *y, size_t k)
{
    uint64_t c = 0;
    for (size_t i = 0; i < k; i++) {
        c = (uint64_t)x[i] - y[i] - c;
        z[i] = (uint32_t)c;
        c = (c >> 32) & 1u;
    }
    return (uint32_t)c;
}

static uint32_t bn_add(uint32_t *z, const uint32_t *x, const uint32_t *y, size_t k)
{
    uint64_t c = 0;
    for (size_t i = 0; i < k; i++) {
        c += (uint64_t)x[i] + y[i];
        z[i] = (uint32_t)c;
        c >>= 32;
    }
    return (uint32_t)c;
}

/* 1 if x < y; constant time. */
static uint32_t bn_lt(const uint32_t *x, const uint32_t *y, size_t k)
{
    uint64_t c = 0;
    for (size_t i = 0; i < k; i++)
        c = (((uint64_t)x[i] - y[i] - c) >> 32) & 1u;
    return (uint32_t)c;
}

/* 1 if x == y; constant time. */
static uint32_t bn_eq(const uint32_t *x, const uint32_t *y, size_t k)
{
    uint32_t acc = 0;
    for (size_t i = 0; i < k; i++)
        acc |= x[i] ^ y[i];
    return 1u ^ ((acc | (0u - acc)) >> 31);
}

static void bn_cmov(uint32_t *z, const uint32_t *x, size_t k, uint32_t c)
{
    uint32_t mask = 0u - c;
    for (size_t i = 0; i < k; i++)
        z[i] ^= (z[i] ^ x[i]) & mask;
}

static uint32_t bn_is_zero(const uint32_t *x, size_t k)
{
    uint32_t acc = 0;
    for (size_t i = 0; i < k; i++)
        acc |= x[i];
    return 1u ^ ((acc | (0u - acc)) >> 31);
}

/* Bit length of a public number (branches on it). */
static size_t bn_bits_leaky(const uint32_t *x, size_t k)
{
    for (size_t i = k; i-- > 0;)
        for (int b = 31; b >= 0; b--)
            if ((x[i] >> b) & 1u)
                return 32 * i + (size_t)b + 1;
    return 0;
}

/* z[0..kx+ky) = x * y, schoolbook. z must not overlap x or y. */
static void bn_mul(uint32_t *z, const uint32_t *x, size_t kx, const uint32_t *y, size_t ky)
{
    memset(z, 0, 4 * (kx + ky));
    for (size_t i = 0; i < kx; i++) {
        uint64_t c = 0;
        for (size_t j = 0; j < ky; j++) {
            c += (uint64_t)x[i] * y[j] + z[i + j];
            z[i + j] = (uint32_t)c;
            c >>= 32;
        }
        z[i + ky] = (uint32_t)c;
    }
}

/* -x^-1 mod 2^32 for odd x (Newton: each step doubles the correct low bits, 3 to start). */
static uint32_t neg_inv32(uint32_t x)
{
    uint32_t inv = x;
    for (int i = 0; i < 5; i++)
        inv *= 2u - x * inv;
    return 0u - inv;
}

/* ---- mont: arithmetic modulo an odd m of k limbs -------------------------------------- */

typedef struct {
    const uint32_t *m;
    size_t k;
    uint32_t ni;                     /* -m^-1 mod 2^32 */
    uint32_t *r2;                    /* 2^(64 k) mod m: k limbs in the workspace */
} mont;

/* z = 2 z mod m for z < m; constant time. */
static void mod_double(uint32_t *z, const mont *c)
{
    uint32_t *t = ws_take(c->k), carry = 0;
    for (size_t i = 0; i < c->k; i++) {
        uint32_t top = z[i] >> 31;
        z[i] = z[i] << 1 | carry;
        carry = top;
    }
    uint32_t borrow = bn_sub(t, z, c->m, c->k);
    bn_cmov(z, t, c->k, carry | (1u ^ borrow));
    ws_free(t);
}

static void mont_mul(uint32_t *z, const uint32_t *x, const uint32_t *y, const mont *c);

/* Set up arithmetic modulo the odd m of exactly `bits` bits (public), m > 1; takes c->r2
 * from the workspace (the caller frees it with its own temporaries).
 * R^2 mod m (R = 2^(32k)) without division: 2^(bits-1) < m is doubled up to R mod m (at
 * most 32 doublings), then x = 2^a R is raised to a = 32k by Montgomery squaring (a -> 2a)
 * and doubling (a -> a + 1) along the bits of 32k. Branches depend on sizes only. */
static void mont_init(mont *c, const uint32_t *m, size_t bits)
{
    size_t k = limbs_for(bits);
    c->m = m;
    c->k = k;
    c->ni = neg_inv32(m[0]);
    c->r2 = ws_take(k);
    size_t top = (bits - 1) % 32;
    memset(c->r2, 0, 4 * k);
    c->r2[k - 1] = 1u << top;                /* 2^(bits-1) < m */
    for (size_t i = top; i < 32; i++)
        mod_double(c->r2, c);                /* R mod m = 2^0 R */
    size_t a = 32 * k, bit = 0;
    while ((a >> bit) > 1)
        bit++;
    mod_double(c->r2, c);                    /* 2^1 R: the top bit of a */
    while (bit-- > 0) {
        mont_mul(c->r2, c->r2, c->r2, c);    /* 2^e R -> 2^(2e) R */
        if ((a >> bit) & 1u)
            mod_double(c->r2, c);
    }
}

/* z = x y / 2^(32k) mod m for x < 2^(32k), y < m; z < m; any aliasing. CIOS, merged. */
static void mont_mul(uint32_t *z, const uint32_t *x, const uint32_t *y, const mont *c)
{
    size_t k = c->k;
    uint32_t *t = ws_take(k + 1);
    memset(t, 0, 4 * (k + 1));
    for (size_t i = 0; i < k; i++) {
        uint32_t xi = x[i];
        uint64_t c1 = (uint64_t)xi * y[0] + t[0];
        uint32_t u = (uint32_t)c1 * c->ni;
        uint64_t c2 = ((uint64_t)u * c->m[0] + (uint32_t)c1) >> 32;
        c1 >>= 32;
        for (size_t j = 1; j < k; j++) {
            c1 += (uint64_t)xi * y[j] + t[j];
            c2 += (uint64_t)u * c->m[j] + (uint32_t)c1;
            t[j - 1] = (uint32_t)c2;
            c1 >>= 32;
            c2 >>= 32;
        }
        c1 += t[k];
        c2 += (uint32_t)c1;
        t[k - 1] = (uint32_t)c2;
        t[k] = (uint32_t)(c1 >> 32) + (uint32_t)(c2 >> 32);
    }
    uint32_t borrow = bn_sub(z, t, c->m, k);
    bn_cmov(z, t, k, borrow & (1u ^ t[k]));
    ws_free(t);
}

/* z = x mod m for x < 2^(32k): two Montgomery steps (x / R, then times R^2 / R). */
static void mont_reduce(uint32_t *z, const uint32_t *x, const mont *c)
{
    mont_mul(z, x, ONE, c);
    mont_mul(z, z, c->r2, c);
}

/* z = x y mod m (plain residues, x, y < m). */
static void mod_mul(uint32_t *z, const uint32_t *x, const uint32_t *y, const mont *c)
{
    mont_mul(z, x, y, c);
    mont_mul(z, z, c->r2, c);
}

/* z = x + y mod m for x, y < m; constant time. */
static void mod_add(uint32_t *z, const uint32_t *x, const uint32_t *y, const mont *c)
{
    uint32_t *t = ws_take(c->k);
    uint32_t carry = bn_add(z, x, y, c->k);
    uint32_t borrow = bn_sub(t, z, c->m, c->k);
    bn_cmov(z, t, c->k, carry | (1u ^ borrow));
    ws_free(t);
}

/* z = x mod m for x of kx limbs (any kx): Horner over k-limb chunks from the top. */
static void mod_wide(uint32_t *z, const uint32_t *x, size_t kx, const mont *c)
{
    size_t k = c->k, chunks = (kx + k - 1) / k;
    uint32_t *chunk = ws_take(k);
    memset(z, 0, 4 * k);
    for (size_t ci = chunks; ci-- > 0;) {
        size_t have = kx - ci * k < k ? kx - ci * k : k;
        memset(chunk, 0, 4 * k);
        memcpy(chunk, x + ci * k, 4 * have);
        mont_mul(z, z, c->r2, c);            /* z R mod m: shifts by one chunk */
        mont_reduce(chunk, chunk, c);
        mod_add(z, z, chunk, c);
    }
    ws_free(chunk);
}

/* z = x^e mod m for x < m and a secret exponent e of ke limbs (all 32 ke bits processed).
 * Fixed 4-bit windows: 4 squarings and one multiplication by a table entry read with a
 * full scan, whatever the digits. z may alias x. */
static void mont_exp_ct(uint32_t *z, const uint32_t *x, const uint32_t *e, size_t ke,
                        const mont *c)
{
    size_t k = c->k;
    uint32_t *pw = ws_take(16 * k), *acc = ws_take(k), *t = ws_take(k);
    mont_reduce(pw, ONE, c);                 /* pw[0] = R mod m, Montgomery 1 */
    mont_mul(pw, pw, c->r2, c);
    mont_mul(pw + k, x, c->r2, c);           /* x R mod m */
    for (unsigned i = 2; i < 16; i++)
        mont_mul(pw + i * k, pw + (i - 1) * k, pw + k, c);
    memcpy(acc, pw, 4 * k);
    for (size_t w = 8 * ke; w-- > 0;) {
        for (int s = 0; s < 4; s++)
            mont_mul(acc, acc, acc, c);
        uint32_t digit = (e[w / 8] >> (4 * (w % 8))) & 15u;
        memcpy(t, pw, 4 * k);
        for (uint32_t i = 1; i < 16; i++) {
            uint32_t d = digit ^ i;
            bn_cmov(t, pw + i * k, k, 1u ^ ((d | (0u - d)) >> 31));
        }
        mont_mul(acc, acc, t, c);
    }
    mont_mul(z, acc, ONE, c);
    ws_free(pw);
}

/* z = x^e mod m for x < m, public e > 0 (branches on e). z may alias x. */
static void mont_exp_leaky(uint32_t *z, const uint32_t *x, uint32_t e, const mont *c)
{
    uint32_t *xm = ws_take(c->k), *acc = ws_take(c->k);
    int top = 31;
    while (!((e >> top) & 1u))
        top--;
    mont_mul(xm, x, c->r2, c);
    memcpy(acc, xm, 4 * c->k);
    for (int b = top - 1; b >= 0; b--) {
        mont_mul(acc, acc, acc, c);
        if ((e >> b) & 1u)
            mont_mul(acc, acc, xm, c);
    }
    mont_mul(z, acc, ONE, c);
    ws_free(xm);
}

/* ---- the RSA primitives --------------------------------------------------------------- */

size_t rp_rsa_bytes(const rp_rsa_public *key)
{
    return (key->bits + 7) / 8;
}

/* RSAEP / RSAVP1: out = in^e mod n; in and out have rp_rsa_bytes bytes, in < n. */
static int rsa_public(const rp_rsa_public *key, const uint8_t *in, uint8_t *out)
{
    mont c;
    size_t k = limbs_for(key->bits), len = rp_rsa_bytes(key);
    uint32_t *x = ws_take(k);
    int ret = RP_RSA_ERR_INPUT;
    bn_from_bytes(x, k, in, len);
    if (bn_lt(x, key->n, k)) {
        mont_init(&c, key->n, key->bits);
        mont_exp_leaky(x, x, key->e, &c);
        bn_to_bytes(out, len, x, k);
        ret = RP_RSA_OK;
    }
    ws_free(x);
    return ret;
}

/* One CRT half: out = (mb mod p)^dp * r^-1 mod p, where mb = m r^e mod n is the blinded
 * input (kn limbs) and r the blinding factor: (m r^e)^dp = m^dp r mod p since
 * e dp = 1 mod p-1, and r^-1 = r^(p-2) by Fermat. */
static void crt_half(uint32_t *out, const uint32_t *mb, const uint32_t *r, size_t kn,
                     const uint32_t *p, const uint32_t *dp, size_t pbits)
{
    size_t kp = limbs_for(pbits);
    mont c;
    mont_init(&c, p, pbits);
    uint32_t *x = ws_take(kp), *ri = ws_take(kp), *pm2 = ws_take(kp);
    mod_wide(x, mb, kn, &c);
    mont_exp_ct(x, x, dp, kp, &c);
    mod_wide(ri, r, kn, &c);
    bn_sub(pm2, p, ONE, kp);                 /* p - 2, public */
    bn_sub(pm2, pm2, ONE, kp);
    mont_exp_ct(ri, ri, pm2, kp, &c);
    mod_mul(out, x, ri, &c);
    ws_free(c.r2);
}

/* Garner: s (kn + 1 limbs) = sq + q ((sp - sq) qinv mod p). */
static void garner(uint32_t *s, const rp_rsa_private *key, const uint32_t *sp,
                   const uint32_t *sq)
{
    size_t kp = limbs_for(key->p_bits), kq = limbs_for(key->q_bits);
    size_t kt = kp > kq ? kp : kq;
    mont cp;
    mont_init(&cp, key->p, key->p_bits);
    uint32_t *h = ws_take(kp), *t = ws_take(kt);
    mod_wide(t, sq, kq, &cp);
    uint32_t borrow = bn_sub(h, sp, t, kp);
    bn_add(t, h, key->p, kp);
    bn_cmov(h, t, kp, borrow);
    mod_mul(h, h, key->qinv, &cp);
    bn_mul(s, key->q, kq, h, kp);            /* kq + kp <= kn + 1 limbs */
    uint64_t c = 0;
    for (size_t i = 0; i < kq + kp; i++) {
        c += (uint64_t)s[i] + (i < kq ? sq[i] : 0);
        s[i] = (uint32_t)c;
        c >>= 32;
    }
    ws_free(cp.r2);
}

/* RSADP / RSASP1 with the CRT (RFC 8017 5.1.2 2.b), base blinding and a final check
 * s^e = m. in, out: rp_rsa_bytes bytes, in < n. out may alias in. Temporaries are left in
 * the workspace for the caller's ws_leave to wipe. */
static int rsa_private(const rp_rsa_private *key, const uint8_t *in, uint8_t *out,
                       rp_rng_fn rng, void *rng_ctx)
{
    const rp_rsa_public *pub = &key->pub;
    size_t kn = limbs_for(pub->bits), len = rp_rsa_bytes(pub);
    size_t kp = limbs_for(key->p_bits), kq = limbs_for(key->q_bits);
    uint32_t *m = ws_take(kn), *r = ws_take(kn), *mb = ws_take(kn), *s = ws_take(kn + 1);
    uint32_t *sp = ws_take(kp), *sq = ws_take(kq);
    uint8_t *rb = ws_take_bytes(len);
    mont cn;
    int ret = RP_RSA_ERR_INPUT;
    bn_from_bytes(m, kn, in, len);
    uint32_t in_range = bn_lt(m, pub->n, kn);
    RP_UNPOISON(&in_range, sizeof in_range); /* public: a ciphertext, or an encoding < n */
    if (!in_range)
        goto out;
    /* blinding factor r in [1, 2^(8(len-1))) < n */
    rb[0] = 0;
    ret = RP_RSA_ERR_RNG;
    if (rng(rng_ctx, rb + 1, len - 1) != 0)
        goto out;
    bn_from_bytes(r, kn, rb, len);
    bn_cmov(r, ONE, kn, bn_is_zero(r, kn));
    ws_free(rb);                             /* (wiped by the caller's ws_leave) */
    mont_init(&cn, pub->n, pub->bits);
    mont_exp_leaky(mb, r, pub->e, &cn);      /* r^e: e public */
    mod_mul(mb, mb, m, &cn);
    crt_half(sp, mb, r, kn, key->p, key->dp, key->p_bits);
    crt_half(sq, mb, r, kn, key->q, key->dq, key->q_bits);
    garner(s, key, sp, sq);
    /* fault check (RFC 8017 notes; Boneh-DeMillo-Lipton): s^e must give m back */
    mont_exp_leaky(mb, s, pub->e, &cn);
    uint32_t ok = bn_eq(mb, m, kn);
    RP_UNPOISON(&ok, sizeof ok);
    ret = ok ? RP_RSA_OK : RP_RSA_ERR_FAULT;
    if (ok)
        bn_to_bytes(out, len, s, kn);
out:
    ws_free(m);
    return ret;
}

/* ---- hashing helpers -------------------------------------------------------------------- */

static size_t hash_len(rp_hash_id id)
{
    switch (id) {
    case RP_HASH_SHA1:
    case RP_HASH_SHA224:
    case RP_HASH_SHA256:
    case RP_HASH_SHA384:
    case RP_HASH_SHA512:
        return rp_hash_size(id);
    default:
        return 0;
    }
}

/* mask[0..len) ^= MGF1(seed[0..seed_len)) (RFC 8017 B.2.1). */
static void mgf1_xor(uint8_t *mask, size_t len, const uint8_t *seed, size_t seed_len,
                     rp_hash_id id)
{
    uint8_t h[RP_HASH_MAX_SIZE], cnt[4];
    size_t hl = rp_hash_size(id);
    for (uint32_t counter = 0; len > 0; counter++) {
        rp_hash_ctx c;
        cnt[0] = (uint8_t)(counter >> 24);
        cnt[1] = (uint8_t)(counter >> 16);
        cnt[2] = (uint8_t)(counter >> 8);
        cnt[3] = (uint8_t)counter;
        rp_hash_init(&c, id);
        rp_hash_update(&c, seed, seed_len);
        rp_hash_update(&c, cnt, 4);
        rp_hash_final(&c, h);
        size_t n = len < hl ? len : hl;
        for (size_t i = 0; i < n; i++)
            mask[i] ^= h[i];
        mask += n;
        len -= n;
    }
    rp_wipe(h, sizeof h);
}

/* ---- RSASSA-PKCS1-v1_5 ----------------------------------------------------------------- */

/* DigestInfo DER prefixes (RFC 8017 9.2, note 1). */
static const uint8_t DI_SHA1[] = { 0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02,
                                   0x1a, 0x05, 0x00, 0x04, 0x14 };
static const uint8_t DI_SHA2[] = { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                   0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20 };

/* EM = 00 01 FF..FF 00 || DigestInfo || digest (RFC 8017 9.2) into em[0..k). */
static int emsa_pkcs1(uint8_t *em, size_t k, rp_hash_id id, const uint8_t *digest)
{
    size_t hl = hash_len(id), plen = id == RP_HASH_SHA1 ? sizeof DI_SHA1 : sizeof DI_SHA2;
    uint8_t prefix[sizeof DI_SHA2];
    if (hl == 0 || k < plen + hl + 11)
        return RP_RSA_ERR_INPUT;
    if (id == RP_HASH_SHA1) {
        memcpy(prefix, DI_SHA1, plen);
    } else {
        /* SHA-2 prefixes differ in the total length, the OID's last byte and the digest
         * length: 224 -> 04, 256 -> 01, 384 -> 02, 512 -> 03 */
        static const uint8_t oid_last[] = { 0x04, 0x01, 0x02, 0x03 };
        memcpy(prefix, DI_SHA2, plen);
        prefix[1] = (uint8_t)(0x11 + hl);
        prefix[14] = oid_last[id - RP_HASH_SHA224];
        prefix[18] = (uint8_t)hl;
    }
    em[0] = 0x00;
    em[1] = 0x01;
    memset(em + 2, 0xff, k - plen - hl - 3);
    em[k - plen - hl - 1] = 0x00;
    memcpy(em + k - plen - hl, prefix, plen);
    memcpy(em + k - hl, digest, hl);
    return RP_RSA_OK;
}

int rp_rsa_pkcs1_sign(const rp_rsa_private *key, rp_hash_id hash, const uint8_t *digest,
                      uint8_t *sig, rp_rng_fn rng, void *rng_ctx)
{
    size_t k = rp_rsa_bytes(&key->pub), mark = ws_enter();
    int ret = emsa_pkcs1(sig, k, hash, digest);
    if (ret == RP_RSA_OK)
        ret = rsa_private(key, sig, sig, rng, rng_ctx);
    if (ret != RP_RSA_OK)
        memset(sig, 0, k);
    return ws_leave(mark, ret);
}

static int pkcs1_verify(const rp_rsa_public *key, rp_hash_id hash, const uint8_t *digest,
                        const uint8_t *sig, size_t sig_len)
{
    size_t k = rp_rsa_bytes(key);
    uint8_t *em = ws_take_bytes(k), *want = ws_take_bytes(k);
    if (hash_len(hash) == 0)
        return RP_RSA_ERR_INPUT;
    if (sig_len != k || rsa_public(key, sig, em) != RP_RSA_OK)
        return RP_RSA_ERR_VERIFY;
    if (emsa_pkcs1(want, k, hash, digest) != RP_RSA_OK)
        return RP_RSA_ERR_INPUT;
    return rp_ct_memeq(em, want, k) ? RP_RSA_OK : RP_RSA_ERR_VERIFY;
}

int rp_rsa_pkcs1_verify(const rp_rsa_public *key, rp_hash_id hash, const uint8_t *digest,
                        const uint8_t *sig, size_t sig_len)
{
    size_t mark = ws_enter();
    return ws_leave(mark, pkcs1_verify(key, hash, digest, sig, sig_len));
}

/* ---- RSASSA-PSS ------------------------------------------------------------------------ */

/* H = Hash(00 x 8 || mHash || salt) (RFC 8017 9.1.1 steps 5-6). */
static void pss_hash(uint8_t *h, rp_hash_id id, const uint8_t *digest, const uint8_t *salt,
                     size_t salt_len)
{
    static const uint8_t zeros[8] = { 0 };
    rp_hash_ctx c;
    rp_hash_init(&c, id);
    rp_hash_update(&c, zeros, 8);
    rp_hash_update(&c, digest, rp_hash_size(id));
    rp_hash_update(&c, salt, salt_len);
    rp_hash_final(&c, h);
}

int rp_rsa_pss_sign(const rp_rsa_private *key, rp_hash_id hash, const uint8_t *digest,
                    size_t salt_len, uint8_t *sig, rp_rng_fn rng, void *rng_ctx)
{
    size_t k = rp_rsa_bytes(&key->pub), hl = hash_len(hash);
    size_t em_bits = key->pub.bits - 1, em_len = (em_bits + 7) / 8;
    if (hl == 0 || salt_len > RP_RSA_MAX_BYTES || em_len < hl + salt_len + 2)
        return RP_RSA_ERR_INPUT;
    uint8_t *em = sig + (k - em_len);        /* EM right-aligned in the k-byte integer */
    size_t db_len = em_len - hl - 1, mark = ws_enter();
    memset(sig, 0, k);
    if (rng(rng_ctx, em + db_len - salt_len, salt_len) != 0) {   /* salt in place in DB */
        memset(sig, 0, k);
        return RP_RSA_ERR_RNG;
    }
    em[db_len - salt_len - 1] = 0x01;        /* DB = PS || 01 || salt */
    pss_hash(em + db_len, hash, digest, em + db_len - salt_len, salt_len);
    mgf1_xor(em, db_len, em + db_len, hl, hash);
    em[0] &= (uint8_t)(0xffu >> (8 * em_len - em_bits));
    em[em_len - 1] = 0xbc;
    int ret = rsa_private(key, sig, sig, rng, rng_ctx);
    if (ret != RP_RSA_OK)
        memset(sig, 0, k);
    return ws_leave(mark, ret);
}

static int pss_verify(const rp_rsa_public *key, rp_hash_id hash, const uint8_t *digest,
                      size_t salt_len, const uint8_t *sig, size_t sig_len)
{
    uint8_t h[RP_HASH_MAX_SIZE];
    size_t k = rp_rsa_bytes(key), hl = hash_len(hash);
    size_t em_bits = key->bits - 1, em_len = (em_bits + 7) / 8;
    uint8_t *buf = ws_take_bytes(k);
    if (hl == 0)
        return RP_RSA_ERR_INPUT;
    if (sig_len != k || rsa_public(key, sig, buf) != RP_RSA_OK)
        return RP_RSA_ERR_VERIFY;
    if (k > em_len && buf[0] != 0)
        return RP_RSA_ERR_VERIFY;
    uint8_t *em = buf + (k - em_len), top = (uint8_t)(0xffu << (8 - (8 * em_len - em_bits)));
    if (em_len < hl + 2 || em[em_len - 1] != 0xbc || (8 * em_len != em_bits && (em[0] & top)))
        return RP_RSA_ERR_VERIFY;
    size_t db_len = em_len - hl - 1, i = 0;
    mgf1_xor(em, db_len, em + db_len, hl, hash);
    em[0] &= (uint8_t)(0xffu >> (8 * em_len - em_bits));
    while (i < db_len && em[i] == 0)         /* public data: PS zeros, then 01 */
        i++;
    if (i == db_len || em[i] != 0x01)
        return RP_RSA_ERR_VERIFY;
    size_t found = db_len - i - 1;
    if (salt_len != RP_RSA_PSS_ANY_SALT && found != salt_len)
        return RP_RSA_ERR_VERIFY;
    pss_hash(h, hash, digest, em + i + 1, found);
    return rp_ct_memeq(h, em + db_len, hl) ? RP_RSA_OK : RP_RSA_ERR_VERIFY;
}

int rp_rsa_pss_verify(const rp_rsa_public *key, rp_hash_id hash, const uint8_t *digest,
                      size_t salt_len, const uint8_t *sig, size_t sig_len)
{
    size_t mark = ws_enter();
    return ws_leave(mark, pss_verify(key, hash, digest, salt_len, sig, sig_len));
}

/* ---- encryption ------------------------------------------------------------------------- */

/* 0xff.. if a == b else 0, on bytes; constant time. */
static uint32_t byte_eq_mask(uint32_t a, uint32_t b)
{
    return rp_ct_mask_eq(a, b);
}

static int oaep_encrypt(const rp_rsa_public *key, rp_hash_id hash, const uint8_t *label,
                        size_t label_len, const uint8_t *msg, size_t msg_len, uint8_t *out,
                        rp_rng_fn rng, void *rng_ctx)
{
    size_t k = rp_rsa_bytes(key), hl = hash_len(hash);
    if (hl == 0 || k < 2 * hl + 2 || msg_len > k - 2 * hl - 2)
        return RP_RSA_ERR_INPUT;
    uint8_t *em = ws_take_bytes(k);
    uint8_t *seed = em + 1, *db = em + 1 + hl;
    size_t db_len = k - hl - 1;
    memset(em, 0, k);
    rp_hash(hash, label, label_len, db);     /* lHash || PS || 01 || M */
    db[db_len - msg_len - 1] = 0x01;
    if (msg_len > 0)
        memcpy(db + db_len - msg_len, msg, msg_len);
    if (rng(rng_ctx, seed, hl) != 0)
        return RP_RSA_ERR_RNG;
    mgf1_xor(db, db_len, seed, hl, hash);
    mgf1_xor(seed, hl, db, db_len, hash);
    return rsa_public(key, em, out);
}

int rp_rsa_oaep_encrypt(const rp_rsa_public *key, rp_hash_id hash, const uint8_t *label,
                        size_t label_len, const uint8_t *msg, size_t msg_len, uint8_t *out,
                        rp_rng_fn rng, void *rng_ctx)
{
    size_t mark = ws_enter();
    return ws_leave(mark, oaep_encrypt(key, hash, label, label_len, msg, msg_len, out, rng,
                                       rng_ctx));
}

/* Copy the message at em[start..k) to out when ok (a public verdict by then). */
static int decrypt_finish(uint32_t ok, const uint8_t *em, size_t start, size_t k, uint8_t *out,
                          size_t cap, size_t *out_len)
{
    RP_UNPOISON(&ok, sizeof ok);
    if (!ok)
        return RP_RSA_ERR_DECRYPT;
    RP_UNPOISON(&start, sizeof start);       /* the message length is the output's */
    if (k - start > cap)
        return RP_RSA_ERR_BUFFER;
    if (k > start)
        memcpy(out, em + start, k - start);
    *out_len = k - start;
    return RP_RSA_OK;
}

static int oaep_decrypt(const rp_rsa_private *key, rp_hash_id hash, const uint8_t *label,
                        size_t label_len, const uint8_t *in, size_t in_len, uint8_t *out,
                        size_t cap, size_t *out_len, rp_rng_fn rng, void *rng_ctx)
{
    size_t k = rp_rsa_bytes(&key->pub), hl = hash_len(hash);
    uint8_t lhash[RP_HASH_MAX_SIZE];
    if (hl == 0 || k < 2 * hl + 2)
        return RP_RSA_ERR_INPUT;
    if (in_len != k)
        return RP_RSA_ERR_DECRYPT;
    uint8_t *em = ws_take_bytes(k);
    int ret = rsa_private(key, in, em, rng, rng_ctx);
    if (ret != RP_RSA_OK)
        return ret == RP_RSA_ERR_INPUT ? RP_RSA_ERR_DECRYPT : ret;
    uint8_t *seed = em + 1, *db = em + 1 + hl;
    size_t db_len = k - hl - 1;
    mgf1_xor(seed, hl, db, db_len, hash);
    mgf1_xor(db, db_len, seed, hl, hash);
    rp_hash(hash, label, label_len, lhash);
    /* RFC 8017 7.1.2 step 3g, in constant time: Y = 0, lHash matches, PS zeros, then 01 */
    uint32_t ok = byte_eq_mask(em[0], 0) & (0u - (uint32_t)rp_ct_memeq(db, lhash, hl));
    uint32_t found = 0, bad = 0, start = 0;
    for (size_t i = hl; i < db_len; i++) {
        uint32_t is_one = byte_eq_mask(db[i], 1), is_zero = byte_eq_mask(db[i], 0);
        start = rp_ct_select(is_one & ~found, (uint32_t)(1 + hl + i + 1), start);
        bad |= ~found & ~is_one & ~is_zero;
        found |= is_one;
    }
    return decrypt_finish(ok & found & ~bad & 1u, em, start, k, out, cap, out_len);
}

int rp_rsa_oaep_decrypt(const rp_rsa_private *key, rp_hash_id hash, const uint8_t *label,
                        size_t label_len, const uint8_t *in, size_t in_len, uint8_t *out,
                        size_t cap, size_t *out_len, rp_rng_fn rng, void *rng_ctx)
{
    size_t mark = ws_enter();
    return ws_leave(mark, oaep_decrypt(key, hash, label, label_len, in, in_len, out, cap,
                                       out_len, rng, rng_ctx));
}

static int pkcs1_encrypt(const rp_rsa_public *key, const uint8_t *msg, size_t msg_len,
                         uint8_t *out, rp_rng_fn rng, void *rng_ctx)
{
    size_t k = rp_rsa_bytes(key);
    if (msg_len + 11 > k)
        return RP_RSA_ERR_INPUT;
    uint8_t *em = ws_take_bytes(k);
    em[0] = 0x00;                            /* 00 02 PS (non-zero) 00 M */
    em[1] = 0x02;
    for (size_t i = 2; i < k - msg_len - 1; i++) {
        unsigned tries = 0;
        do {
            if (tries++ > 64 || rng(rng_ctx, em + i, 1) != 0)
                return RP_RSA_ERR_RNG;
        } while (em[i] == 0);
    }
    em[k - msg_len - 1] = 0x00;
    if (msg_len > 0)
        memcpy(em + k - msg_len, msg, msg_len);
    return rsa_public(key, em, out);
}

int rp_rsa_pkcs1_encrypt(const rp_rsa_public *key, const uint8_t *msg, size_t msg_len,
                         uint8_t *out, rp_rng_fn rng, void *rng_ctx)
{
    size_t mark = ws_enter();
    return ws_leave(mark, pkcs1_encrypt(key, msg, msg_len, out, rng, rng_ctx));
}

static int pkcs1_decrypt(const rp_rsa_private *key, const uint8_t *in, size_t in_len,
                         uint8_t *out, size_t cap, size_t *out_len, rp_rng_fn rng,
                         void *rng_ctx)
{
    size_t k = rp_rsa_bytes(&key->pub);
    if (in_len != k)
        return RP_RSA_ERR_DECRYPT;
    uint8_t *em = ws_take_bytes(k);
    int ret = rsa_private(key, in, em, rng, rng_ctx);
    if (ret != RP_RSA_OK)
        return ret == RP_RSA_ERR_INPUT ? RP_RSA_ERR_DECRYPT : ret;
    /* RFC 8017 7.2.2 step 3 in constant time: 00 02, then at least 8 non-zero, then 00 */
    uint32_t ok = byte_eq_mask(em[0], 0) & byte_eq_mask(em[1], 2);
    uint32_t found = 0, start = 0;
    for (size_t i = 2; i < k; i++) {
        uint32_t is_zero = byte_eq_mask(em[i], 0);
        start = rp_ct_select(is_zero & ~found, (uint32_t)(i + 1), start);
        found |= is_zero;
    }
    ok &= found & ~rp_ct_mask_lt(start, 11);  /* PS at least 8 bytes: zero at index >= 10 */
    return decrypt_finish(ok & 1u, em, start, k, out, cap, out_len);
}

int rp_rsa_pkcs1_decrypt(const rp_rsa_private *key, const uint8_t *in, size_t in_len,
                         uint8_t *out, size_t cap, size_t *out_len, rp_rng_fn rng,
                         void *rng_ctx)
{
    size_t mark = ws_enter();
    return ws_leave(mark, pkcs1_decrypt(key, in, in_len, out, cap, out_len, rng, rng_ctx));
}

/* ---- keys in DER ------------------------------------------------------------------------ */

/* Read one INTEGER into limbs z[0..k), at most max_bytes significant bytes; *bits gets its
 * bit length. */
static int der_read_num(rp_der_reader *r, uint32_t *z, size_t k, size_t max_bytes,
                        size_t *bits)
{
    const uint8_t *v;
    size_t len;
    if (rp_der_read_uint(r, &v, &len) != RP_DER_OK)
        return RP_RSA_ERR_INPUT;
    if (len > max_bytes || len > 4 * k)
        return RP_RSA_ERR_INPUT;
    bn_from_bytes(z, k, v, len);
    if (bits != NULL)
        *bits = bn_bits_leaky(z, k);
    return RP_RSA_OK;
}

/* SEQUENCE { n, e } or the n, e inside RSAPrivateKey: checks the public part. */
static int read_public(rp_der_reader *r, rp_rsa_public *key)
{
    uint32_t e[2];
    size_t bits, ebits;
    if (der_read_num(r, key->n, RP_RSA_LIMBS, RP_RSA_MAX_BYTES, &bits) != RP_RSA_OK ||
        der_read_num(r, e, 2, 4, &ebits) != RP_RSA_OK)
        return RP_RSA_ERR_INPUT;
    if (bits < RP_RSA_MIN_BITS || bits > RP_RSA_MAX_BITS || !(key->n[0] & 1u) ||
        ebits < 2 || !(e[0] & 1u))
        return RP_RSA_ERR_INPUT;
    key->bits = bits;
    key->e = e[0];
    return RP_RSA_OK;
}

int rp_rsa_public_import(rp_rsa_public *key, const uint8_t *der, size_t der_len)
{
    rp_der_reader outer = { der, der + der_len }, seq;
    const uint8_t *v;
    size_t n;
    if (rp_der_read_tlv(&outer, 0x30, &v, &n) == RP_DER_OK && outer.p == outer.end) {
        seq.p = v;
        seq.end = v + n;
        if (read_public(&seq, key) == RP_RSA_OK && seq.p == seq.end)
            return RP_RSA_OK;
    }
    memset(key, 0, sizeof *key);
    return RP_RSA_ERR_INPUT;
}

/* Prepend an INTEGER from k limbs. */
static void der_write_num(rp_der_writer *w, const uint32_t *x, size_t k)
{
    uint8_t *buf = ws_take_bytes(4 * k);
    bn_to_bytes(buf, 4 * k, x, k);
    rp_der_write_uint(w, buf, 4 * k);
    ws_free(buf);
}

static int finish_sequence(rp_der_writer *w, size_t *der_len)
{
    rp_der_write_header(w, 0x30, rp_der_writer_len(w));
    int ret = rp_der_writer_finish(w, der_len);
    return ret == RP_DER_OK ? RP_RSA_OK : RP_RSA_ERR_BUFFER;
}

int rp_rsa_public_export(const rp_rsa_public *key, uint8_t *der, size_t cap, size_t *der_len)
{
    rp_der_writer w;
    size_t mark = ws_enter();
    rp_der_writer_init(&w, der, cap);
    der_write_num(&w, &key->e, 1);
    der_write_num(&w, key->n, limbs_for(key->bits));
    return ws_leave(mark, finish_sequence(&w, der_len));
}

/* n == p q, and the CRT values below their moduli. Sets the prime sizes (public). */
static int private_consistent(rp_rsa_private *key)
{
    size_t kn = limbs_for(key->pub.bits);
    key->p_bits = bn_bits_leaky(key->p, HALF);
    key->q_bits = bn_bits_leaky(key->q, HALF);
    size_t kp = limbs_for(key->p_bits), kq = limbs_for(key->q_bits);
    if (key->p_bits < 256 || key->q_bits < 256 || kp + kq > kn + 1 ||
        !(key->p[0] & key->q[0] & 1u))
        return 0;
    uint32_t *pq = ws_take(kp + kq);
    bn_mul(pq, key->p, kp, key->q, kq);
    for (size_t i = 0; i < kp + kq; i++)
        if (pq[i] != (i < kn ? key->pub.n[i] : 0))
            return 0;
    for (size_t i = kp + kq; i < kn; i++)
        if (key->pub.n[i] != 0)
            return 0;
    return bn_lt(key->dp, key->p, HALF) && bn_lt(key->dq, key->q, HALF) &&
           bn_lt(key->qinv, key->p, HALF);
}

int rp_rsa_private_import(rp_rsa_private *key, const uint8_t *der, size_t der_len)
{
    rp_der_reader outer = { der, der + der_len }, seq;
    const uint8_t *v;
    size_t n, mark = ws_enter();
    uint32_t version;
    int ok;
    memset(key, 0, sizeof *key);
    if (rp_der_read_tlv(&outer, 0x30, &v, &n) != RP_DER_OK || outer.p != outer.end)
        return RP_RSA_ERR_INPUT;
    seq.p = v;
    seq.end = v + n;
    ok = der_read_num(&seq, &version, 1, 1, NULL) == RP_RSA_OK && version == 0 &&
         read_public(&seq, &key->pub) == RP_RSA_OK &&
         der_read_num(&seq, key->d, RP_RSA_LIMBS, RP_RSA_MAX_BYTES, NULL) == RP_RSA_OK &&
         der_read_num(&seq, key->p, HALF, 4 * HALF, NULL) == RP_RSA_OK &&
         der_read_num(&seq, key->q, HALF, 4 * HALF, NULL) == RP_RSA_OK &&
         der_read_num(&seq, key->dp, HALF, 4 * HALF, NULL) == RP_RSA_OK &&
         der_read_num(&seq, key->dq, HALF, 4 * HALF, NULL) == RP_RSA_OK &&
         der_read_num(&seq, key->qinv, HALF, 4 * HALF, NULL) == RP_RSA_OK &&
         seq.p == seq.end && private_consistent(key);
    if (!ok)
        rp_wipe(key, sizeof *key);
    return ws_leave(mark, ok ? RP_RSA_OK : RP_RSA_ERR_INPUT);
}

int rp_rsa_private_export(const rp_rsa_private *key, uint8_t *der, size_t cap,
                          size_t *der_len)
{
    static const uint32_t zero = 0;
    rp_der_writer w;
    size_t mark = ws_enter();
    rp_der_writer_init(&w, der, cap);
    der_write_num(&w, key->qinv, HALF);
    der_write_num(&w, key->dq, HALF);
    der_write_num(&w, key->dp, HALF);
    der_write_num(&w, key->q, HALF);
    der_write_num(&w, key->p, HALF);
    der_write_num(&w, key->d, RP_RSA_LIMBS);
    der_write_num(&w, &key->pub.e, 1);
    der_write_num(&w, key->pub.n, limbs_for(key->pub.bits));
    der_write_num(&w, &zero, 1);
    return ws_leave(mark, finish_sequence(&w, der_len));
}

/* ---- key generation ----------------------------------------------------------------------
 * Where the line is drawn (docs/p256.md, "RSA"): a candidate prime is secret. Everything
 * computed on a candidate that is finally accepted runs in time independent of its value:
 * trial division without the divide instruction and without an early exit, Miller-Rabin
 * with full-width constant-time exponentiation and masked comparisons, the same number of
 * rounds for every accepted prime; gcd, exact division and the inverses on fixed
 * schedules. What does branch is the verdict "this candidate (or this key) is rejected",
 * after which its value is thrown away; how many candidates were drawn is therefore
 * public, as in every rejection-sampling key generator. */

#define KEYGEN_E 65537u

/* v mod 65537 for v <= 2^33, without a division: 2^16 = -1 and 2^32 = 1 mod 65537. */
static uint32_t mod_e_u64(uint64_t v)
{
    uint32_t r = (uint32_t)(v & 0xffffu) + KEYGEN_E - (uint32_t)((v >> 16) & 0xffffu) +
                 (uint32_t)(v >> 32);
    r -= KEYGEN_E & ~rp_ct_mask_lt(r, KEYGEN_E);
    r -= KEYGEN_E & ~rp_ct_mask_lt(r, KEYGEN_E);
    return r;
}

/* x mod 65537 for a number of k limbs (k <= RP_RSA_LIMBS): the limbs simply add up. */
static uint32_t mod_e(const uint32_t *x, size_t k)
{
    uint64_t acc = 0;
    for (size_t i = 0; i < k; i++)
        acc += mod_e_u64(x[i]);
    return mod_e_u64(acc);
}

/* a^-1 mod 65537 (prime) by Fermat, for 0 < a < 65537. */
static uint32_t inv_e(uint32_t a)
{
    uint32_t r = 1, b = a;
    for (uint32_t e = KEYGEN_E - 2; e != 0; e >>= 1) {   /* public exponent */
        if (e & 1u)
            r = mod_e_u64((uint64_t)r * b);
        b = mod_e_u64((uint64_t)b * b);
    }
    return r;
}

/* z = x / g for an odd g that divides x exactly, k limbs each (x / g < 2^(32k)): z is
 * x g^-1 mod 2^(32k), found limb by limb from the bottom (Hensel): each quotient limb
 * clears the lowest remaining limb. Fixed schedule; g is read as k limbs. z must not alias
 * x or g. */
static void bn_divexact(uint32_t *z, const uint32_t *x, const uint32_t *g, size_t k)
{
    uint32_t *v = ws_take(k), ginv = 0u - neg_inv32(g[0]);
    memcpy(v, x, 4 * k);
    for (size_t i = 0; i < k; i++) {
        uint32_t q = v[i] * ginv;            /* q g = v[i] mod 2^32 */
        uint64_t c = 0;
        z[i] = q;
        for (size_t j = i; j < k; j++) {     /* v -= q g 2^(32 i), mod 2^(32 k) */
            uint64_t prod = (uint64_t)q * g[j - i] + c;
            uint64_t d = (uint64_t)v[j] - (uint32_t)prod;
            v[j] = (uint32_t)d;
            c = (prod >> 32) + ((d >> 32) & 1u);
        }
    }
    ws_free(v);
}

/* z = e^-1 mod x for e = 65537 prime to x: z = (1 + t x) / e with t = -x^-1 mod e, which
 * makes the division exact. z, x: k limbs; z must not alias x. */
static void inv_e_mod(uint32_t *z, const uint32_t *x, size_t k)
{
    uint32_t *v = ws_take(k + 1), *e = ws_take(k + 1), t = KEYGEN_E - inv_e(mod_e(x, k));
    uint64_t c = 1;
    for (size_t i = 0; i < k; i++) {
        c += (uint64_t)t * x[i];
        v[i] = (uint32_t)c;
        c >>= 32;
    }
    v[k] = (uint32_t)c;
    memset(e, 0, 4 * (k + 1));
    e[0] = KEYGEN_E;
    bn_divexact(z, v, e, k);                 /* the quotient fits k limbs: it is < x */
    ws_free(v);
}

/* gcd(a, b) for odd a and b of k limbs, into b; a is destroyed (ends at 0). Binary gcd
 * on a fixed schedule: 64 k steps, each making a even (subtracting the smaller from the
 * larger when a is odd, by masked swap and subtraction) and halving it; every step takes
 * a bit off len(a) + len(b) while a != 0, so 64 k steps reach a = 0. */
static void bn_gcd_odd(uint32_t *a, uint32_t *b, size_t k)
{
    uint32_t *t = ws_take(k);
    for (size_t step = 0; step < 64 * k; step++) {
        uint32_t odd = a[0] & 1u;
        uint32_t swap = odd & bn_lt(a, b, k);
        memcpy(t, a, 4 * k);                 /* masked swap so that a >= b */
        bn_cmov(a, b, k, swap);
        bn_cmov(b, t, k, swap);
        bn_sub(t, a, b, k);
        bn_cmov(a, t, k, odd);               /* a odd: a - b, now even */
        for (size_t i = 0; i < k; i++)       /* a >>= 1 */
            a[i] = a[i] >> 1 | (i + 1 < k ? a[i + 1] << 31 : 0);
    }
    ws_free(t);
}

/* 1 if w (k limbs, w = 3 mod 4, top bit set) passes `rounds` Miller-Rabin rounds with
 * random bases, 0 if a round fails (w is composite), -1 if the RNG fails. FIPS 186-4
 * C.3.1 with a = 1 (w - 1 = 2 m, m odd): a round passes iff b^m = 1 or w - 1. Every
 * round of a passing w does the same work (a constant-time exponentiation over all the
 * bits of m, masked comparisons); only a failing round, which discards w, ends early. */
static int miller_rabin(const uint32_t *w, size_t k, unsigned rounds, rp_rng_fn rng,
                        void *rng_ctx)
{
    mont c;
    mont_init(&c, w, 32 * k);
    uint32_t *wm1 = ws_take(k), *m = ws_take(k), *b = ws_take(k), *z = ws_take(k);
    uint8_t *buf = ws_take_bytes(4 * k);
    bn_sub(wm1, w, ONE, k);
    for (size_t i = 0; i < k; i++)           /* m = (w - 1) / 2 */
        m[i] = wm1[i] >> 1 | (i + 1 < k ? wm1[i + 1] << 31 : 0);
    int result = 1;
    for (unsigned r = 0; r < rounds && result == 1; r++) {
        uint32_t low;
        do {                                 /* base b in [2, 2^(32k - 1)) within [2, w-2] */
            if (rng(rng_ctx, buf, 4 * k) != 0) {
                ws_free(c.r2);
                return -1;
            }
            bn_from_bytes(b, k, buf, 4 * k);
            b[k - 1] &= 0x7fffffffu;
            low = bn_lt(b, ONE, k) | bn_eq(b, ONE, k);
            RP_UNPOISON(&low, sizeof low);   /* a redrawn base says nothing about w */
        } while (low);
        mont_exp_ct(z, b, m, k, &c);
        uint32_t pass = bn_eq(z, ONE, k) | bn_eq(z, wm1, k);
        RP_UNPOISON(&pass, sizeof pass);     /* public once it fails: w is discarded */
        result = (int)pass;
    }
    ws_free(c.r2);
    return result;
}

/* Trial division by the odd primes below 2^12: with a bound of 256 about 20 % of the
 * candidates would reach Miller-Rabin, with 4096 about 13.5 %, which saves a quarter of
 * the exponentiations of a key generation for 0.4 M instructions of division per
 * candidate. The primes are found once per key generation by a sieve (public data). */
#define SIEVE_BOUND 4096u
#define SIEVE_LIMBS (SIEVE_BOUND / 64)       /* one bit per odd number below the bound */

/* bits: bit i set iff 2i + 1 is an odd prime below SIEVE_BOUND (Eratosthenes). */
static void sieve(uint32_t *bits)
{
    memset(bits, 0xff, 4 * SIEVE_LIMBS);
    bits[0] &= ~1u;                          /* 1 is not prime */
    for (uint32_t i = 1; (2 * i + 1) * (2 * i + 1) < SIEVE_BOUND; i++) {
        if (!((bits[i / 32] >> (i % 32)) & 1u))
            continue;
        for (uint32_t j = ((2 * i + 1) * (2 * i + 1)) / 2; j < SIEVE_BOUND / 2; j += 2 * i + 1)
            bits[j / 32] &= ~(1u << (j % 32));
    }
}

/* v mod d for v < 2^20 and an odd d < 2^12 with m = ceil(2^32 / d), without a division
 * instruction (whose time depends on the operands): floor(v m / 2^32) = floor(v / d)
 * exactly, since the error v (m d - 2^32) / (d 2^32) < v / 2^32 < 2^-12 < 1/d. */
static uint32_t mod_small(uint32_t v, uint32_t d, uint32_t m)
{
    return v - (uint32_t)(((uint64_t)v * m) >> 32) * d;
}

/* An all-ones mask if x (k limbs) has a factor among the primes of the sieve: every prime
 * is tried (no early exit), 8 bits at a time. The loop follows the sieve (public); the
 * residues are combined with masks only. */
static uint32_t small_factor_mask(const uint32_t *x, size_t k, const uint32_t *primes)
{
    uint32_t hit = 0;
    for (uint32_t i = 1; i < SIEVE_BOUND / 2; i++) {
        if (!((primes[i / 32] >> (i % 32)) & 1u))
            continue;
        uint32_t d = 2 * i + 1, m = 0xffffffffu / d + 1u, r = 0;   /* d public */
        for (size_t j = k; j-- > 0;)
            for (int b = 24; b >= 0; b -= 8)
                r = mod_small(r << 8 | ((x[j] >> b) & 0xffu), d, m);
        hit |= rp_ct_mask_zero(r);
    }
    return hit;
}

/* A random prime of 32 kp bits with its two top bits set (so that two of them multiply to
 * exactly 64 kp bits), p = 3 mod 4 (so that Miller-Rabin has a = 1, no data-dependent
 * squaring loop) and p - 1 prime to 65537 (FIPS 186-4 B.3.3 step 4.5). primes: sieve(). */
static int gen_prime(uint32_t *p, size_t kp, const uint32_t *primes, rp_rng_fn rng,
                     void *rng_ctx)
{
    uint8_t *buf = ws_take_bytes(4 * kp);
    int ret = RP_RSA_ERR_RNG;
    for (unsigned tries = 0; tries < 100000; tries++) {
        if (rng(rng_ctx, buf, 4 * kp) != 0)
            break;
        bn_from_bytes(p, kp, buf, 4 * kp);
        p[kp - 1] |= 0xc0000000u;
        p[0] |= 3u;
        uint32_t reject = rp_ct_mask_eq(mod_e(p, kp), 1) | small_factor_mask(p, kp, primes);
        RP_UNPOISON(&reject, sizeof reject); /* a rejected candidate is thrown away */
        if (reject)
            continue;
        int mr = miller_rabin(p, kp, 8, rng, rng_ctx);
        if (mr != 0) {
            ret = mr == 1 ? RP_RSA_OK : RP_RSA_ERR_RNG;
            break;
        }
    }
    ws_free(buf);
    return ret;
}

/* 1 if |p - q| > 2^(32 kp - 100) (FIPS 186-4 B.3.3 step 5.4), constant time. */
static uint32_t primes_far_apart(const uint32_t *p, const uint32_t *q, size_t kp)
{
    uint32_t *d = ws_take(kp), *t = ws_take(kp), *bound = ws_take(kp);
    uint32_t borrow = bn_sub(d, p, q, kp);
    bn_sub(t, q, p, kp);
    bn_cmov(d, t, kp, borrow);               /* d = |p - q| */
    memset(bound, 0, 4 * kp);
    bound[0] = 1;
    bound[(32 * kp - 100) / 32] |= 1u << ((32 * kp - 100) % 32);   /* 2^(32kp-100) + 1 */
    uint32_t far = 1u ^ bn_lt(d, bound, kp);
    ws_free(d);
    return far;
}

/* The derived values of key from its primes p, q (kp limbs each, both = 3 mod 4), and
 * whether d > 2^(32 kp) (FIPS 186-4 B.3.1 criterion 3a; else the key is redrawn).
 * d = e^-1 mod lcm(p-1, q-1) (B.3.1 3b): with u = (p-1)/2, v = (q-1)/2 both odd,
 * gcd(p-1, q-1) = 2 gcd(u, v) and lcm = 2 (u / gcd(u, v)) v. */
static uint32_t derive_private(rp_rsa_private *key, size_t kp)
{
    size_t kn = 2 * kp;
    uint32_t *pm1 = ws_take(kp), *qm1 = ws_take(kp), *u = ws_take(kp), *g = ws_take(kp);
    uint32_t *ug = ws_take(kp), *lcm = ws_take(kn), *t = ws_take(kp);
    mont c;
    bn_mul(key->pub.n, key->p, kp, key->q, kp);
    key->pub.bits = 64 * kp;
    key->p_bits = 32 * kp;                   /* the top bits are set */
    key->q_bits = 32 * kp;
    key->pub.e = KEYGEN_E;
    bn_sub(pm1, key->p, ONE, kp);
    bn_sub(qm1, key->q, ONE, kp);
    for (size_t i = 0; i < kp; i++) {        /* u = (p-1)/2, g = (q-1)/2 */
        u[i] = pm1[i] >> 1 | (i + 1 < kp ? pm1[i + 1] << 31 : 0);
        g[i] = qm1[i] >> 1 | (i + 1 < kp ? qm1[i + 1] << 31 : 0);
    }
    memcpy(t, u, 4 * kp);
    bn_gcd_odd(t, g, kp);                    /* g = gcd(u, v) */
    bn_divexact(ug, u, g, kp);               /* u / g */
    bn_mul(lcm, ug, kp, qm1, kp);            /* (u / g) (q - 1) = lcm(p-1, q-1) */
    inv_e_mod(key->d, lcm, kn);
    inv_e_mod(key->dp, pm1, kp);
    inv_e_mod(key->dq, qm1, kp);
    mont_init(&c, key->p, key->p_bits);      /* qinv = q^(p-2) mod p */
    uint32_t *qr = ws_take(kp);
    mod_wide(qr, key->q, kp, &c);
    bn_sub(pm1, pm1, ONE, kp);
    mont_exp_ct(key->qinv, qr, pm1, kp, &c);
    uint32_t big = 1u ^ bn_is_zero(key->d + kp, kp);
    ws_free(pm1);
    return big;
}

int rp_rsa_keygen(rp_rsa_private *key, size_t bits, rp_rng_fn rng, void *rng_ctx)
{
    size_t kp = bits / 64, mark = ws_enter();
    int ret;
    if (bits != 2048)
        return RP_RSA_ERR_INPUT;
    uint32_t *primes = ws_take(SIEVE_LIMBS);
    sieve(primes);
    for (;;) {
        memset(key, 0, sizeof *key);
        ret = gen_prime(key->p, kp, primes, rng, rng_ctx);
        if (ret == RP_RSA_OK)
            ret = gen_prime(key->q, kp, primes, rng, rng_ctx);
        if (ret != RP_RSA_OK)
            break;
        uint32_t ok = primes_far_apart(key->p, key->q, kp);
        RP_UNPOISON(&ok, sizeof ok);         /* a rejected pair is thrown away */
        if (!ok)
            continue;
        ok = derive_private(key, kp);
        RP_UNPOISON(&ok, sizeof ok);
        if (ok)
            break;
    }
    if (ret != RP_RSA_OK)
        rp_wipe(key, sizeof *key);
    return ws_leave(mark, ret);
}

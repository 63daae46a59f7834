/* rsa.c - RSA per RFC 8017 (contract: rp_rsa.h).
 *
 * Numbers are little-endian 32-bit limbs with explicit lengths (bn_). Modular arithmetic is
 * Montgomery (mont_), with R^2 mod m computed by doubling so that no division is ever needed.
 * Secret exponents go through mont_exp_ct (fixed 4-bit windows, table read by a full scan,
 * always multiplying); public exponents through mont_exp_leaky.
 */
#include "rp_rsa.h"
#include "rp_ct.h"
#include "rp_der.h"

#include <string.h>

#define HALF (RP_RSA_LIMBS / 2)

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

/* ---- mont: arithmetic modulo an odd m of k limbs -------------------------------------- */

typedef struct {
    const uint32_t *m;
    size_t k;
    uint32_t ni;                     /* -m^-1 mod 2^32 */
    uint32_t r2[RP_RSA_LIMBS];       /* 2^(64 k) mod m */
} mont;

/* z = 2 z mod m for z < m; constant time. */
static void mod_double(uint32_t *z, const mont *c)
{
    uint32_t t[RP_RSA_LIMBS], carry = 0;
    for (size_t i = 0; i < c->k; i++) {
        uint32_t top = z[i] >> 31;
        z[i] = z[i] << 1 | carry;
        carry = top;
    }
    uint32_t borrow = bn_sub(t, z, c->m, c->k);
    bn_cmov(z, t, c->k, carry | (1u ^ borrow));
}

static void mont_mul(uint32_t *z, const uint32_t *x, const uint32_t *y, const mont *c);

/* Set up arithmetic modulo the odd m of exactly `bits` bits (public), m > 1,
 * bits <= RP_RSA_MAX_BITS.
 * R^2 mod m (R = 2^(32k)) without division: 2^(bits-1) < m is doubled up to R mod m (at
 * most 32 doublings), then x = 2^a R is raised to a = 32k by Montgomery squaring (a -> 2a)
 * and doubling (a -> a + 1) along the bits of 32k. Branches depend on sizes only. */
static void mont_init(mont *c, const uint32_t *m, size_t bits)
{
    size_t k = limbs_for(bits);
    uint32_t inv = m[0];                     /* correct to 3 bits for odd m[0] */
    for (int i = 0; i < 5; i++)
        inv *= 2u - m[0] * inv;              /* Newton: doubles the correct bits */
    c->m = m;
    c->k = k;
    c->ni = 0u - inv;
    size_t top = (bits - 1) % 32;
    memset(c->r2, 0, sizeof c->r2);
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
    uint32_t t[RP_RSA_LIMBS + 1];
    size_t k = c->k;
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
}

/* z = x mod m for x < 2^(32k): two Montgomery steps (x / R, then times R^2 / R). */
static void mont_reduce(uint32_t *z, const uint32_t *x, const mont *c)
{
    static const uint32_t one[RP_RSA_LIMBS] = { 1 };
    mont_mul(z, x, one, c);
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
    uint32_t t[RP_RSA_LIMBS];
    uint32_t carry = bn_add(z, x, y, c->k);
    uint32_t borrow = bn_sub(t, z, c->m, c->k);
    bn_cmov(z, t, c->k, carry | (1u ^ borrow));
}

/* z = x mod m for x of kx limbs (any kx): Horner over k-limb chunks from the top. */
static void mod_wide(uint32_t *z, const uint32_t *x, size_t kx, const mont *c)
{
    uint32_t chunk[RP_RSA_LIMBS];
    size_t k = c->k, chunks = (kx + k - 1) / k;
    memset(z, 0, 4 * k);
    for (size_t ci = chunks; ci-- > 0;) {
        size_t have = kx - ci * k < k ? kx - ci * k : k;
        memset(chunk, 0, sizeof chunk);
        memcpy(chunk, x + ci * k, 4 * have);
        mont_mul(z, z, c->r2, c);            /* z R mod m: shifts by one chunk */
        mont_reduce(chunk, chunk, c);
        mod_add(z, z, chunk, c);
    }
    rp_wipe(chunk, sizeof chunk);
}

/* z = x^e mod m for x < m and a secret exponent e of ke limbs (all 32 ke bits processed);
 * k <= HALF. Fixed 4-bit windows: 4 squarings and one multiplication by a table entry
 * read with a full scan, whatever the digits. z may alias x. */
static void mont_exp_ct(uint32_t *z, const uint32_t *x, const uint32_t *e, size_t ke,
                        const mont *c)
{
    static const uint32_t one[HALF] = { 1 };
    uint32_t pw[16][HALF], acc[HALF], t[HALF];
    size_t k = c->k;
    mont_reduce(pw[0], one, c);              /* pw[0] = R mod m, Montgomery 1 */
    mont_mul(pw[0], pw[0], c->r2, c);
    mont_mul(pw[1], x, c->r2, c);            /* x R mod m */
    for (unsigned i = 2; i < 16; i++)
        mont_mul(pw[i], pw[i - 1], pw[1], c);
    memcpy(acc, pw[0], 4 * k);
    for (size_t w = 8 * ke; w-- > 0;) {
        for (int s = 0; s < 4; s++)
            mont_mul(acc, acc, acc, c);
        uint32_t digit = (e[w / 8] >> (4 * (w % 8))) & 15u;
        memcpy(t, pw[0], 4 * k);
        for (uint32_t i = 1; i < 16; i++) {
            uint32_t d = digit ^ i;
            bn_cmov(t, pw[i], k, 1u ^ ((d | (0u - d)) >> 31));
        }
        mont_mul(acc, acc, t, c);
    }
    mont_mul(z, acc, one, c);
    rp_wipe(pw, sizeof pw);
    rp_wipe(acc, sizeof acc);
    rp_wipe(t, sizeof t);
}

/* z = x^e mod m for x < m, public e > 0 (branches on e). z may alias x. */
static void mont_exp_leaky(uint32_t *z, const uint32_t *x, uint32_t e, const mont *c)
{
    static const uint32_t one[RP_RSA_LIMBS] = { 1 };
    uint32_t xm[RP_RSA_LIMBS], acc[RP_RSA_LIMBS];
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
    mont_mul(z, acc, one, c);
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
    uint32_t x[RP_RSA_LIMBS];
    size_t k = limbs_for(key->bits), len = rp_rsa_bytes(key);
    bn_from_bytes(x, k, in, len);
    if (!bn_lt(x, key->n, k))
        return RP_RSA_ERR_INPUT;
    mont_init(&c, key->n, key->bits);
    mont_exp_leaky(x, x, key->e, &c);
    bn_to_bytes(out, len, x, k);
    return RP_RSA_OK;
}

/* One CRT half: out = (mb mod p)^dp * r^-1 mod p, where mb = m r^e mod n is the blinded
 * input (kn limbs) and r the blinding factor: (m r^e)^dp = m^dp r mod p since
 * e dp = 1 mod p-1, and r^-1 = r^(p-2) by Fermat. */
static void crt_half(uint32_t *out, const uint32_t *mb, const uint32_t *r, size_t kn,
                     const uint32_t *p, const uint32_t *dp, size_t pbits)
{
    size_t kp = limbs_for(pbits);
    mont c;
    uint32_t x[HALF], ri[HALF], pm2[HALF];
    mont_init(&c, p, pbits);
    mod_wide(x, mb, kn, &c);
    mont_exp_ct(x, x, dp, kp, &c);
    mod_wide(ri, r, kn, &c);
    static const uint32_t two[HALF] = { 2 };
    bn_sub(pm2, p, two, kp);                 /* p - 2, public */
    mont_exp_ct(ri, ri, pm2, kp, &c);
    mod_mul(out, x, ri, &c);
    rp_wipe(x, sizeof x);
    rp_wipe(ri, sizeof ri);
}

/* RSADP / RSASP1 with the CRT (RFC 8017 5.1.2 2.b), base blinding and a final check
 * s^e = m. in, out: rp_rsa_bytes bytes, in < n. out may alias in. */
static int rsa_private(const rp_rsa_private *key, const uint8_t *in, uint8_t *out,
                       rp_rng_fn rng, void *rng_ctx)
{
    const rp_rsa_public *pub = &key->pub;
    size_t kn = limbs_for(pub->bits), len = rp_rsa_bytes(pub);
    size_t kp = limbs_for(key->p_bits), kq = limbs_for(key->q_bits);
    uint32_t m[RP_RSA_LIMBS], r[RP_RSA_LIMBS], mb[RP_RSA_LIMBS], sp[HALF], sq[HALF];
    uint32_t s[RP_RSA_LIMBS + 1];
    uint8_t rb[RP_RSA_MAX_BYTES];
    mont cn;
    int ret = RP_RSA_ERR_RNG;
    bn_from_bytes(m, kn, in, len);
    uint32_t in_range = bn_lt(m, pub->n, kn);
    RP_UNPOISON(&in_range, sizeof in_range); /* public: a ciphertext, or an encoding < n */
    if (!in_range)
        return RP_RSA_ERR_INPUT;
    mont_init(&cn, pub->n, pub->bits);
    /* blinding factor r in [1, 2^(8(len-1))) < n */
    memset(rb, 0, sizeof rb);
    if (rng(rng_ctx, rb + 1, len - 1) != 0)
        goto out;
    bn_from_bytes(r, kn, rb, len);
    bn_cmov(r, (const uint32_t[RP_RSA_LIMBS]){ 1 }, kn, bn_is_zero(r, kn));
    mont_exp_leaky(mb, r, pub->e, &cn);      /* r^e: e public */
    mod_mul(mb, mb, m, &cn);
    crt_half(sp, mb, r, kn, key->p, key->dp, key->p_bits);
    crt_half(sq, mb, r, kn, key->q, key->dq, key->q_bits);
    {   /* Garner: s = sq + q ((sp - sq) qinv mod p) */
        mont cp;
        uint32_t h[HALF], t[HALF];
        mont_init(&cp, key->p, key->p_bits);
        mod_wide(t, sq, kq, &cp);
        uint32_t borrow = bn_sub(h, sp, t, kp);
        bn_add(t, h, key->p, kp);
        bn_cmov(h, t, kp, borrow);
        mod_mul(h, h, key->qinv, &cp);
        bn_mul(s, key->q, kq, h, kp);        /* kq + kp <= kn + 1 limbs */
        memset(t, 0, sizeof t);
        memcpy(t, sq, 4 * kq);
        uint64_t c = 0;
        for (size_t i = 0; i < kq + kp; i++) {
            c += (uint64_t)s[i] + (i < kq ? t[i] : 0);
            s[i] = (uint32_t)c;
            c >>= 32;
        }
        rp_wipe(h, sizeof h);
        rp_wipe(t, sizeof t);
    }
    /* fault check (RFC 8017 notes; Boneh-DeMillo-Lipton): s^e must give m back */
    mont_exp_leaky(mb, s, pub->e, &cn);
    uint32_t ok = 1u;
    for (size_t i = 0; i < kn; i++)
        ok &= (uint32_t)(mb[i] == m[i]);
    RP_UNPOISON(&ok, sizeof ok);
    ret = ok ? RP_RSA_OK : RP_RSA_ERR_FAULT;
    if (ok)
        bn_to_bytes(out, len, s, kn);
out:
    rp_wipe(m, sizeof m);
    rp_wipe(r, sizeof r);
    rp_wipe(mb, sizeof mb);
    rp_wipe(sp, sizeof sp);
    rp_wipe(sq, sizeof sq);
    rp_wipe(s, sizeof s);
    rp_wipe(rb, sizeof rb);
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
    size_t k = rp_rsa_bytes(&key->pub);
    int ret = emsa_pkcs1(sig, k, hash, digest);
    if (ret == RP_RSA_OK)
        ret = rsa_private(key, sig, sig, rng, rng_ctx);
    if (ret != RP_RSA_OK)
        memset(sig, 0, k);
    return ret;
}

int rp_rsa_pkcs1_verify(const rp_rsa_public *key, rp_hash_id hash, const uint8_t *digest,
                        const uint8_t *sig, size_t sig_len)
{
    uint8_t em[RP_RSA_MAX_BYTES], want[RP_RSA_MAX_BYTES];
    size_t k = rp_rsa_bytes(key);
    if (hash_len(hash) == 0)
        return RP_RSA_ERR_INPUT;
    if (sig_len != k || rsa_public(key, sig, em) != RP_RSA_OK)
        return RP_RSA_ERR_VERIFY;
    if (emsa_pkcs1(want, k, hash, digest) != RP_RSA_OK)
        return RP_RSA_ERR_INPUT;
    return rp_ct_memeq(em, want, k) ? RP_RSA_OK : RP_RSA_ERR_VERIFY;
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
    size_t db_len = em_len - hl - 1;
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
    return ret;
}

int rp_rsa_pss_verify(const rp_rsa_public *key, rp_hash_id hash, const uint8_t *digest,
                      size_t salt_len, const uint8_t *sig, size_t sig_len)
{
    uint8_t buf[RP_RSA_MAX_BYTES], h[RP_HASH_MAX_SIZE];
    size_t k = rp_rsa_bytes(key), hl = hash_len(hash);
    size_t em_bits = key->bits - 1, em_len = (em_bits + 7) / 8;
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

/* ---- encryption ------------------------------------------------------------------------- */

/* 0xff.. if a == b else 0, on bytes; constant time. */
static uint32_t byte_eq_mask(uint32_t a, uint32_t b)
{
    return rp_ct_mask_eq(a, b);
}

int rp_rsa_oaep_encrypt(const rp_rsa_public *key, rp_hash_id hash, const uint8_t *label,
                        size_t label_len, const uint8_t *msg, size_t msg_len, uint8_t *out,
                        rp_rng_fn rng, void *rng_ctx)
{
    size_t k = rp_rsa_bytes(key), hl = hash_len(hash);
    if (hl == 0 || k < 2 * hl + 2 || msg_len > k - 2 * hl - 2)
        return RP_RSA_ERR_INPUT;
    uint8_t em[RP_RSA_MAX_BYTES];
    uint8_t *seed = em + 1, *db = em + 1 + hl;
    size_t db_len = k - hl - 1;
    memset(em, 0, k);
    rp_hash(hash, label, label_len, db);     /* lHash || PS || 01 || M */
    db[db_len - msg_len - 1] = 0x01;
    if (msg_len > 0)
        memcpy(db + db_len - msg_len, msg, msg_len);
    if (rng(rng_ctx, seed, hl) != 0) {
        rp_wipe(em, sizeof em);
        return RP_RSA_ERR_RNG;
    }
    mgf1_xor(db, db_len, seed, hl, hash);
    mgf1_xor(seed, hl, db, db_len, hash);
    int ret = rsa_public(key, em, out);
    rp_wipe(em, sizeof em);
    return ret;
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

int rp_rsa_oaep_decrypt(const rp_rsa_private *key, rp_hash_id hash, const uint8_t *label,
                        size_t label_len, const uint8_t *in, size_t in_len, uint8_t *out,
                        size_t cap, size_t *out_len, rp_rng_fn rng, void *rng_ctx)
{
    size_t k = rp_rsa_bytes(&key->pub), hl = hash_len(hash);
    uint8_t em[RP_RSA_MAX_BYTES], lhash[RP_HASH_MAX_SIZE];
    if (hl == 0 || k < 2 * hl + 2)
        return RP_RSA_ERR_INPUT;
    if (in_len != k)
        return RP_RSA_ERR_DECRYPT;
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
    ret = decrypt_finish(ok & found & ~bad & 1u, em, start, k, out, cap, out_len);
    rp_wipe(em, sizeof em);
    return ret;
}

int rp_rsa_pkcs1_encrypt(const rp_rsa_public *key, const uint8_t *msg, size_t msg_len,
                         uint8_t *out, rp_rng_fn rng, void *rng_ctx)
{
    size_t k = rp_rsa_bytes(key);
    uint8_t em[RP_RSA_MAX_BYTES];
    if (msg_len + 11 > k)
        return RP_RSA_ERR_INPUT;
    em[0] = 0x00;                            /* 00 02 PS (non-zero) 00 M */
    em[1] = 0x02;
    for (size_t i = 2; i < k - msg_len - 1; i++) {
        unsigned tries = 0;
        do {
            if (tries++ > 64 || rng(rng_ctx, em + i, 1) != 0) {
                rp_wipe(em, sizeof em);
                return RP_RSA_ERR_RNG;
            }
        } while (em[i] == 0);
    }
    em[k - msg_len - 1] = 0x00;
    if (msg_len > 0)
        memcpy(em + k - msg_len, msg, msg_len);
    int ret = rsa_public(key, em, out);
    rp_wipe(em, sizeof em);
    return ret;
}

int rp_rsa_pkcs1_decrypt(const rp_rsa_private *key, const uint8_t *in, size_t in_len,
                         uint8_t *out, size_t cap, size_t *out_len, rp_rng_fn rng,
                         void *rng_ctx)
{
    size_t k = rp_rsa_bytes(&key->pub);
    uint8_t em[RP_RSA_MAX_BYTES];
    if (in_len != k)
        return RP_RSA_ERR_DECRYPT;
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
    ret = decrypt_finish(ok & 1u, em, start, k, out, cap, out_len);
    rp_wipe(em, sizeof em);
    return ret;
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
    rp_rsa_public k;
    if (rp_der_read_tlv(&outer, 0x30, &v, &n) != RP_DER_OK || outer.p != outer.end)
        return RP_RSA_ERR_INPUT;
    seq.p = v;
    seq.end = v + n;
    if (read_public(&seq, &k) != RP_RSA_OK || seq.p != seq.end)
        return RP_RSA_ERR_INPUT;
    *key = k;
    return RP_RSA_OK;
}

/* Prepend an INTEGER from k limbs. */
static void der_write_num(rp_der_writer *w, const uint32_t *x, size_t k)
{
    uint8_t buf[RP_RSA_MAX_BYTES];
    bn_to_bytes(buf, 4 * k, x, k);
    rp_der_write_uint(w, buf, 4 * k);
    rp_wipe(buf, sizeof buf);
}

static int finish_sequence(rp_der_writer *w, uint8_t *der, size_t *der_len)
{
    rp_der_write_header(w, 0x30, rp_der_writer_len(w));
    int ret = rp_der_writer_finish(w, der_len);
    (void)der;
    return ret == RP_DER_OK ? RP_RSA_OK : RP_RSA_ERR_BUFFER;
}

int rp_rsa_public_export(const rp_rsa_public *key, uint8_t *der, size_t cap, size_t *der_len)
{
    rp_der_writer w;
    rp_der_writer_init(&w, der, cap);
    der_write_num(&w, &key->e, 1);
    der_write_num(&w, key->n, limbs_for(key->bits));
    return finish_sequence(&w, der, der_len);
}

/* n == p q, and the CRT values below their moduli. Sets the prime sizes (public). */
static int private_consistent(rp_rsa_private *key)
{
    uint32_t pq[RP_RSA_LIMBS + 1];
    size_t kn = limbs_for(key->pub.bits);
    key->p_bits = bn_bits_leaky(key->p, HALF);
    key->q_bits = bn_bits_leaky(key->q, HALF);
    size_t kp = limbs_for(key->p_bits), kq = limbs_for(key->q_bits);
    if (key->p_bits < 256 || key->q_bits < 256 || kp + kq > kn + 1 ||
        !(key->p[0] & key->q[0] & 1u))
        return 0;
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
    size_t n;
    uint32_t version;
    rp_rsa_private k;
    int ok;
    if (rp_der_read_tlv(&outer, 0x30, &v, &n) != RP_DER_OK || outer.p != outer.end)
        return RP_RSA_ERR_INPUT;
    seq.p = v;
    seq.end = v + n;
    memset(&k, 0, sizeof k);
    ok = der_read_num(&seq, &version, 1, 1, NULL) == RP_RSA_OK && version == 0 &&
         read_public(&seq, &k.pub) == RP_RSA_OK &&
         der_read_num(&seq, k.d, RP_RSA_LIMBS, RP_RSA_MAX_BYTES, NULL) == RP_RSA_OK &&
         der_read_num(&seq, k.p, HALF, 4 * HALF, NULL) == RP_RSA_OK &&
         der_read_num(&seq, k.q, HALF, 4 * HALF, NULL) == RP_RSA_OK &&
         der_read_num(&seq, k.dp, HALF, 4 * HALF, NULL) == RP_RSA_OK &&
         der_read_num(&seq, k.dq, HALF, 4 * HALF, NULL) == RP_RSA_OK &&
         der_read_num(&seq, k.qinv, HALF, 4 * HALF, NULL) == RP_RSA_OK &&
         seq.p == seq.end && private_consistent(&k);
    if (ok)
        *key = k;
    rp_wipe(&k, sizeof k);
    return ok ? RP_RSA_OK : RP_RSA_ERR_INPUT;
}

int rp_rsa_private_export(const rp_rsa_private *key, uint8_t *der, size_t cap,
                          size_t *der_len)
{
    static const uint32_t zero = 0;
    rp_der_writer w;
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
    return finish_sequence(&w, der, der_len);
}

/* ---- key generation --------------------------------------------------------------------- */

#define KEYGEN_E 65537u

/* v mod 65537 for v <= 2^33, without a division: 2^16 = -1 and 2^32 = 1 mod 65537. */
static uint32_t mod_e_u64(uint64_t v)
{
    uint32_t r = (uint32_t)(v & 0xffffu) + KEYGEN_E - (uint32_t)((v >> 16) & 0xffffu) +
                 (uint32_t)(v >> 32);
    r -= KEYGEN_E & (0u - (uint32_t)(r >= KEYGEN_E));
    r -= KEYGEN_E & (0u - (uint32_t)(r >= KEYGEN_E));
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

/* z = e^-1 mod x for e = 65537 prime to x: z = (1 + t x) / e with t = -x^-1 mod e, which
 * makes the division exact; it is done by multiplying with e^-1 mod 2^32 limb by limb, low
 * limb first (no division instruction). z, x: k limbs; z must not alias x. */
static void inv_e_mod(uint32_t *z, const uint32_t *x, size_t k)
{
    uint32_t v[RP_RSA_LIMBS + 1], t = KEYGEN_E - inv_e(mod_e(x, k)), einv = KEYGEN_E;
    for (int i = 0; i < 5; i++)
        einv *= 2u - KEYGEN_E * einv;
    uint64_t c = 1;
    for (size_t i = 0; i < k; i++) {
        c += (uint64_t)t * x[i];
        v[i] = (uint32_t)c;
        c >>= 32;
    }
    v[k] = (uint32_t)c;
    for (size_t i = 0; i < k; i++) {
        uint32_t q = v[i] * einv;            /* clears limb i: q e = v[i] mod 2^32 */
        uint64_t borrow = ((uint64_t)q * KEYGEN_E) >> 32;
        z[i] = q;
        for (size_t j = i + 1; j <= k; j++) {
            uint64_t d = (uint64_t)v[j] - borrow;
            v[j] = (uint32_t)d;
            borrow = (d >> 32) & 1u;
        }
    }
    rp_wipe(v, sizeof v);
}

/* 1 if w (odd, kw limbs) passes `rounds` Miller-Rabin rounds with random bases
 * (FIPS 186-5 B.3.1); -1 if the RNG fails. Key generation only: the candidate's
 * 2-adic structure and the round outcomes of rejected candidates are not protected. */
static int miller_rabin(const uint32_t *w, size_t kw, unsigned rounds, rp_rng_fn rng,
                        void *rng_ctx)
{
    static const uint32_t one[HALF] = { 1 };
    mont c;
    uint32_t wm1[HALF], m[HALF], b[HALF], z[HALF];
    uint8_t buf[4 * HALF];
    size_t a = 0, bits = bn_bits_leaky(w, kw);
    mont_init(&c, w, bits);
    bn_sub(wm1, w, one, kw);
    while (!((wm1[a / 32] >> (a % 32)) & 1u))
        a++;
    memset(m, 0, sizeof m);                  /* m = (w - 1) >> a */
    for (size_t i = 0; i + a < 32 * kw; i++)
        m[i / 32] |= ((wm1[(i + a) / 32] >> ((i + a) % 32)) & 1u) << (i % 32);
    int result = 1;
    for (unsigned r = 0; r < rounds && result == 1; r++) {
        do {                                 /* base b in [2, w - 2] */
            if (rng(rng_ctx, buf, 4 * kw) != 0) {
                result = -1;
                break;
            }
            bn_from_bytes(b, kw, buf, 4 * kw);
            b[(bits - 1) / 32] &= (1u << ((bits - 1) % 32)) - 1u;   /* b < 2^(bits-1) < w */
        } while (bn_lt(b, (const uint32_t[HALF]){ 2 }, kw) || !bn_lt(b, wm1, kw));
        if (result != 1)
            break;
        mont_exp_ct(z, b, m, kw, &c);
        if (!bn_lt(one, z, kw) || !bn_lt(z, wm1, kw))   /* z = 1 or z = w - 1 */
            continue;
        size_t j = 1;
        for (; j < a; j++) {
            mod_mul(z, z, z, &c);
            if (!bn_lt(z, wm1, kw))          /* z = w - 1 */
                break;
        }
        if (j >= a)
            result = 0;
    }
    rp_wipe(buf, sizeof buf);
    rp_wipe(b, sizeof b);
    rp_wipe(z, sizeof z);
    return result;
}

static const uint8_t SMALL_PRIMES[] = {
    3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89,
    97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181,
    191, 193, 197, 199, 211, 223, 227, 229, 233, 239, 241, 251 };

/* x mod a small prime (trial division; key generation only, uses the divide instruction). */
static uint32_t mod_small(const uint32_t *x, size_t k, uint32_t sp)
{
    uint64_t r = 0;
    for (size_t i = k; i-- > 0;)
        r = ((r << 32) | x[i]) % sp;
    return (uint32_t)r;
}

/* A random prime of 32 kp bits with its two top bits set (so that two of them multiply to
 * exactly 64 kp bits) and p - 1 prime to 65537. */
static int gen_prime(uint32_t *p, size_t kp, rp_rng_fn rng, void *rng_ctx)
{
    uint8_t buf[4 * HALF];
    for (unsigned tries = 0; tries < 100000; tries++) {
        if (rng(rng_ctx, buf, 4 * kp) != 0)
            return RP_RSA_ERR_RNG;
        bn_from_bytes(p, kp, buf, 4 * kp);
        p[kp - 1] |= 0xc0000000u;
        p[0] |= 1u;
        if (mod_e(p, kp) == 1)
            continue;
        unsigned i = 0;
        while (i < sizeof SMALL_PRIMES && mod_small(p, kp, SMALL_PRIMES[i]) != 0)
            i++;
        if (i < sizeof SMALL_PRIMES)
            continue;
        int mr = miller_rabin(p, kp, 8, rng, rng_ctx);
        if (mr < 0)
            return RP_RSA_ERR_RNG;
        if (mr == 1) {
            rp_wipe(buf, sizeof buf);
            return RP_RSA_OK;
        }
    }
    return RP_RSA_ERR_RNG;
}

/* Fill the derived values of key from its primes p, q (kp limbs each). */
static void derive_private(rp_rsa_private *key, size_t kp)
{
    static const uint32_t one[HALF] = { 1 };
    uint32_t pm1[HALF], qm1[HALF], phi[RP_RSA_LIMBS], t[HALF];
    size_t kn = 2 * kp;
    mont c;
    bn_mul(key->pub.n, key->p, kp, key->q, kp);
    key->pub.bits = 64 * kp;
    key->p_bits = 32 * kp;                   /* the top bits are set */
    key->q_bits = 32 * kp;
    key->pub.e = KEYGEN_E;
    bn_sub(pm1, key->p, one, kp);
    bn_sub(qm1, key->q, one, kp);
    bn_mul(phi, pm1, kp, qm1, kp);
    inv_e_mod(key->d, phi, kn);              /* d = e^-1 mod (p-1)(q-1) */
    inv_e_mod(key->dp, pm1, kp);
    inv_e_mod(key->dq, qm1, kp);
    mont_init(&c, key->p, key->p_bits);      /* qinv = q^(p-2) mod p */
    mod_wide(t, key->q, kp, &c);
    bn_sub(pm1, pm1, one, kp);
    mont_exp_ct(key->qinv, t, pm1, kp, &c);
    rp_wipe(pm1, sizeof pm1);
    rp_wipe(qm1, sizeof qm1);
    rp_wipe(phi, sizeof phi);
    rp_wipe(t, sizeof t);
}

int rp_rsa_keygen(rp_rsa_private *key, size_t bits, rp_rng_fn rng, void *rng_ctx)
{
    rp_rsa_private k;
    size_t kp = bits / 64;
    int ret;
    if (bits != 2048)
        return RP_RSA_ERR_INPUT;
    memset(&k, 0, sizeof k);
    do {
        ret = gen_prime(k.p, kp, rng, rng_ctx);
        if (ret == RP_RSA_OK)
            ret = gen_prime(k.q, kp, rng, rng_ctx);
        /* FIPS 186-5 A.1.3: |p - q| > 2^(nlen/2 - 100): the top 100 bits must differ */
    } while (ret == RP_RSA_OK && k.p[kp - 1] == k.q[kp - 1] && k.p[kp - 2] == k.q[kp - 2] &&
             k.p[kp - 3] == k.q[kp - 3] && k.p[kp - 4] == k.q[kp - 4]);
    if (ret == RP_RSA_OK) {
        derive_private(&k, kp);
        *key = k;
    }
    rp_wipe(&k, sizeof k);
    return ret;
}

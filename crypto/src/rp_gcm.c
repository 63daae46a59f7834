/* rp_gcm.c - AES-GCM (SP 800-38D) with a constant-time GHASH. Contract in rp_aes.h.
 *
 * GHASH works on bit-reflected words: the GCM block's coefficient of x^i (bit 7 - i%8 of
 * byte i/8) is bit i%32 of word i/32, so field elements are ordinary polynomials. The
 * 128x128 carry-less product uses two levels of Karatsuba over 32x32 carry-less products,
 * each made from 16 integer multiplications of operands with 3-bit holes between their
 * bits, so carries never reach a live bit (no tables, no secret branches or indices;
 * assumes a constant-time 32x32->64 multiplier, true on Cortex-M33 and host CPUs). */
#include <string.h>
#include "rp_aes.h"
#include "rp_ct.h"
#include "rp_sym_util.h"

/* Reverse the bits inside each byte. A GCM block's big-endian word, bit-reversed whole,
 * is the little-endian word with each byte's bits reversed. */
static uint32_t brev_bytes(uint32_t x)
{
    x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
    x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
    return ((x >> 4) & 0x0f0f0f0fu) | ((x & 0x0f0f0f0fu) << 4);
}

static void load_field(uint32_t a[4], const uint8_t b[16])
{
    unsigned i;

    for (i = 0; i < 4; i++)
        a[i] = brev_bytes(rp_ld32le(b + 4 * i));
}

static void store_field(uint8_t b[16], const uint32_t a[4])
{
    unsigned i;

    for (i = 0; i < 4; i++)
        rp_st32le(b + 4 * i, brev_bytes(a[i]));
}

/* Carry-less 32x32 -> 64. Each operand is split into four parts with bits 4 apart; a
 * product of two parts has at most 8 terms per bit, so its carries stay below the next
 * live bit of the same class. */
static uint64_t clmul32(uint32_t x, uint32_t y)
{
    uint32_t x0 = x & 0x11111111u, x1 = x & 0x22222222u;
    uint32_t x2 = x & 0x44444444u, x3 = x & 0x88888888u;
    uint32_t y0 = y & 0x11111111u, y1 = y & 0x22222222u;
    uint32_t y2 = y & 0x44444444u, y3 = y & 0x88888888u;
    uint64_t z0, z1, z2, z3;

    z0 = (uint64_t)x0 * y0 ^ (uint64_t)x1 * y3 ^ (uint64_t)x2 * y2 ^ (uint64_t)x3 * y1;
    z1 = (uint64_t)x0 * y1 ^ (uint64_t)x1 * y0 ^ (uint64_t)x2 * y3 ^ (uint64_t)x3 * y2;
    z2 = (uint64_t)x0 * y2 ^ (uint64_t)x1 * y1 ^ (uint64_t)x2 * y0 ^ (uint64_t)x3 * y3;
    z3 = (uint64_t)x0 * y3 ^ (uint64_t)x1 * y2 ^ (uint64_t)x2 * y1 ^ (uint64_t)x3 * y0;
    return (z0 & 0x1111111111111111ull) | (z1 & 0x2222222222222222ull)
         | (z2 & 0x4444444444444444ull) | (z3 & 0x8888888888888888ull);
}

/* Carry-less 64x64 -> 128 by Karatsuba; operands and result little-endian words. */
static void clmul64(uint32_t r[4], uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1)
{
    uint64_t lo = clmul32(a0, b0), hi = clmul32(a1, b1);
    uint64_t mid = clmul32(a0 ^ a1, b0 ^ b1) ^ lo ^ hi;

    r[0] = (uint32_t)lo;
    r[1] = (uint32_t)(lo >> 32) ^ (uint32_t)mid;
    r[2] = (uint32_t)hi ^ (uint32_t)(mid >> 32);
    r[3] = (uint32_t)(hi >> 32);
}

/* y = y * h mod x^128 + x^7 + x^2 + x + 1 (reflected words). */
static void gf128_mul(uint32_t y[4], const uint32_t h[4])
{
    uint32_t z[12], *p = z, *mid = z + 8, t;   /* p[0..7]: product; one wipe at the end */
    unsigned i;

    clmul64(p, y[0], y[1], h[0], h[1]);
    clmul64(p + 4, y[2], y[3], h[2], h[3]);
    clmul64(mid, y[0] ^ y[2], y[1] ^ y[3], h[0] ^ h[2], h[1] ^ h[3]);
    for (i = 0; i < 4; i++)                     /* Karatsuba middle term */
        mid[i] ^= p[i] ^ p[i + 4];
    for (i = 0; i < 4; i++)
        p[i + 2] ^= mid[i];
    /* fold p[4..7] (x^128..x^255) down with x^128 = x^7 + x^2 + x + 1, twice for the
     * few bits that the shifts push past x^127 */
    t = (p[7] >> 31) ^ (p[7] >> 30) ^ (p[7] >> 25);
    for (i = 7; i > 4; i--)
        p[i] ^= p[i] << 1 ^ p[i] << 2 ^ p[i] << 7
              ^ p[i - 1] >> 31 ^ p[i - 1] >> 30 ^ p[i - 1] >> 25;
    p[4] ^= p[4] << 1 ^ p[4] << 2 ^ p[4] << 7;
    p[4] ^= t ^ t << 1 ^ t << 2 ^ t << 7;
    for (i = 0; i < 4; i++)
        y[i] = p[i] ^ p[i + 4];
    rp_wipe(z, sizeof z);
}

void rp_ghash_mul(uint8_t x[16], const uint8_t h[16])
{
    uint32_t a[4], b[4];

    load_field(a, x);
    load_field(b, h);
    gf128_mul(a, b);
    store_field(x, a);
    rp_wipe(a, sizeof a);
    rp_wipe(b, sizeof b);
}

/* y = (y ^ block) * h */
static void ghash_block(uint32_t y[4], const uint32_t h[4], const uint8_t block[16])
{
    uint32_t b[4];
    unsigned i;

    load_field(b, block);
    for (i = 0; i < 4; i++)
        y[i] ^= b[i];
    gf128_mul(y, h);
}

/* Feed n bytes to GHASH through the partial-block buffer. */
static void ghash_absorb(rp_gcm_ctx *c, const uint8_t *p, size_t n)
{
    while (n) {
        size_t take;
        if (c->part_len == 0 && n >= 16) {
            ghash_block(c->y, c->h, p);
            p += 16; n -= 16;
            continue;
        }
        take = 16u - c->part_len < n ? 16u - c->part_len : n;
        memcpy(c->part + c->part_len, p, take);
        c->part_len = (uint8_t)(c->part_len + take);
        p += take; n -= take;
        if (c->part_len == 16) {
            ghash_block(c->y, c->h, c->part);
            c->part_len = 0;
        }
    }
}

/* Zero-pad and hash a pending partial block (end of AAD, end of text). */
static void ghash_flush(rp_gcm_ctx *c)
{
    if (c->part_len) {
        memset(c->part + c->part_len, 0, 16u - c->part_len);
        ghash_block(c->y, c->h, c->part);
        c->part_len = 0;
    }
}

static void inc32(uint8_t ctr[16])
{
    uint32_t v = rp_ld32be(ctr + 12) + 1;
    rp_st32be(ctr + 12, v);
}

/* Two blocks of keystream: ks = E(ctr) || E(ctr + 1); ctr += 2. */
static void next_keystream(rp_gcm_ctx *c)
{
    uint8_t c1[16];

    memcpy(c1, c->ctr, 16);
    inc32(c1);
    rp_aes_encrypt2(&c->aes, c->ctr, c1, c->ks, c->ks + 16);
    memcpy(c->ctr, c1, 16);
    inc32(c->ctr);
    c->ks_used = 0;
}

static int tag_len_ok(size_t t)
{
    return t == 4 || t == 8 || (t >= 12 && t <= 16);
}

/* used + n <= max, without overflow (lengths are size_t, limits 64-bit). */
static int fits(uint64_t n, uint64_t used, uint64_t max)
{
    return n <= max && used <= max - n;
}

int rp_gcm_setkey(rp_gcm_ctx *ctx, int decrypt, const uint8_t *key, size_t key_len)
{
    uint8_t hb[16] = { 0 };

    memset(ctx, 0, sizeof *ctx);
    if (rp_aes_setkey(&ctx->aes, key, key_len) != 0)
        return -1;
    rp_aes_encrypt(&ctx->aes, hb, hb);             /* H = E(K, 0^128) */
    load_field(ctx->h, hb);
    rp_wipe(hb, sizeof hb);
    ctx->decrypt = (uint8_t)(decrypt != 0);
    return 0;
}

int rp_gcm_set_iv(rp_gcm_ctx *ctx, const uint8_t *iv, size_t iv_len)
{
    if (iv_len == 0 || !fits(iv_len, 0, ((uint64_t)1 << 61) - 1))
        return -1;
    memset(ctx->y, 0, sizeof ctx->y);              /* a fresh message on this key */
    ctx->aad_len = ctx->text_len = 0;
    ctx->part_len = ctx->phase = 0;
    if (iv_len == 12) {                            /* J0 = IV || 0^31 || 1 */
        memset(ctx->j0, 0, 16);
        memcpy(ctx->j0, iv, 12);
        ctx->j0[15] = 1;
    } else {                                       /* J0 = GHASH(IV || 0-pad || [len]_64) */
        uint8_t lens[16] = { 0 };
        uint64_t bits = (uint64_t)iv_len << 3;
        unsigned i;
        ghash_absorb(ctx, iv, iv_len);
        ghash_flush(ctx);
        for (i = 0; i < 8; i++)
            lens[15 - i] = (uint8_t)(bits >> (8 * i));
        ghash_block(ctx->y, ctx->h, lens);
        store_field(ctx->j0, ctx->y);
        memset(ctx->y, 0, sizeof ctx->y);
    }
    memcpy(ctx->ctr, ctx->j0, 16);
    inc32(ctx->ctr);
    ctx->ks_used = 32;
    return 0;
}

int rp_gcm_start(rp_gcm_ctx *ctx, int decrypt, const uint8_t *key, size_t key_len,
                 const uint8_t *iv, size_t iv_len)
{
    if (rp_gcm_setkey(ctx, decrypt, key, key_len) != 0 || rp_gcm_set_iv(ctx, iv, iv_len) != 0) {
        rp_wipe(ctx, sizeof *ctx);
        return -1;
    }
    return 0;
}

int rp_gcm_update_aad(rp_gcm_ctx *ctx, const uint8_t *aad, size_t n)
{
    if (ctx->phase != 0 || !fits(n, ctx->aad_len, ((uint64_t)1 << 61) - 1))
        return -1;
    ctx->aad_len += n;
    ghash_absorb(ctx, aad, n);
    return 0;
}

/* CTR over n bytes; each output byte is ANDed with mask (0xff normally; 0 turns the
 * decryption of a forged message into zeros without any data-dependent branch). GHASH
 * sees the ciphertext: the input when decrypting, the output when encrypting. */
static void gcm_crypt(rp_gcm_ctx *c, const uint8_t *in, size_t n, uint8_t *out,
                      uint8_t mask, int hash)
{
    while (n) {
        size_t take;
        if (c->ks_used == 32)
            next_keystream(c);
        take = 32u - c->ks_used < n ? 32u - c->ks_used : n;
        if (hash && c->decrypt)
            ghash_absorb(c, in, take);
        rp_sym_xor(out, in, c->ks + c->ks_used, take, mask);
        if (hash && !c->decrypt)
            ghash_absorb(c, out, take);
        c->ks_used = (uint8_t)(c->ks_used + take);
        in += take; out += take; n -= take;
    }
}

static int text_len_ok(rp_gcm_ctx *c, size_t n)
{
    return fits(n, c->text_len, ((uint64_t)1 << 36) - 32);   /* 2^39 - 256 bits */
}

int rp_gcm_update(rp_gcm_ctx *ctx, const uint8_t *in, size_t n, uint8_t *out)
{
    if (!text_len_ok(ctx, n))
        return -1;
    if (ctx->phase == 0) {
        ghash_flush(ctx);
        ctx->phase = 1;
    }
    ctx->text_len += n;
    gcm_crypt(ctx, in, n, out, 0xff, 1);
    return 0;
}

/* The full 16-byte tag: E(K, J0) ^ GHASH(A, C, lengths). */
static void gcm_tag(rp_gcm_ctx *c, uint8_t tag[16])
{
    uint8_t lens[16], ek[16];
    uint64_t ab = c->aad_len << 3, tb = c->text_len << 3;
    unsigned i;

    ghash_flush(c);
    for (i = 0; i < 8; i++) {
        lens[7 - i] = (uint8_t)(ab >> (8 * i));
        lens[15 - i] = (uint8_t)(tb >> (8 * i));
    }
    ghash_block(c->y, c->h, lens);
    store_field(tag, c->y);
    rp_aes_encrypt(&c->aes, c->j0, ek);
    for (i = 0; i < 16; i++)
        tag[i] ^= ek[i];
    rp_wipe(ek, sizeof ek);
}

int rp_gcm_finish(rp_gcm_ctx *ctx, uint8_t *tag, size_t tag_len)
{
    uint8_t full[16];
    int r = -1;

    if (tag_len_ok(tag_len)) {
        gcm_tag(ctx, full);
        memcpy(tag, full, tag_len);
        r = 0;
    }
    rp_wipe(full, sizeof full);
    rp_wipe(ctx, sizeof *ctx);
    return r;
}

int rp_gcm_verify(rp_gcm_ctx *ctx, const uint8_t *tag, size_t tag_len)
{
    uint8_t full[16];
    int ok = 0;

    if (tag_len_ok(tag_len)) {
        gcm_tag(ctx, full);
        ok = rp_ct_memeq(full, tag, tag_len);
    }
    rp_wipe(full, sizeof full);
    rp_wipe(ctx, sizeof *ctx);
    return ok - 1;
}

int rp_gcm_encrypt(const uint8_t *key, size_t key_len, const uint8_t *iv, size_t iv_len,
                   const uint8_t *aad, size_t aad_len, const uint8_t *in, size_t len,
                   uint8_t *out, uint8_t *tag, size_t tag_len)
{
    rp_gcm_ctx c;

    if (!tag_len_ok(tag_len) || rp_gcm_start(&c, 0, key, key_len, iv, iv_len) != 0
        || rp_gcm_update_aad(&c, aad, aad_len) != 0 || rp_gcm_update(&c, in, len, out) != 0) {
        rp_wipe(&c, sizeof c);
        return -1;
    }
    return rp_gcm_finish(&c, tag, tag_len);
}

/* Pass 1 hashes the ciphertext only; pass 2 decrypts with every byte masked by the tag
 * check, so a forgery yields zeros and no plaintext ever reaches out. */
int rp_gcm_decrypt(const uint8_t *key, size_t key_len, const uint8_t *iv, size_t iv_len,
                   const uint8_t *aad, size_t aad_len, const uint8_t *in, size_t len,
                   uint8_t *out, const uint8_t *tag, size_t tag_len)
{
    rp_gcm_ctx c;
    uint8_t full[16];
    uint32_t ok;

    if (!tag_len_ok(tag_len) || rp_gcm_start(&c, 1, key, key_len, iv, iv_len) != 0
        || rp_gcm_update_aad(&c, aad, aad_len) != 0 || !text_len_ok(&c, len)) {
        rp_wipe(&c, sizeof c);
        if (len)
            memset(out, 0, len);
        return -1;
    }
    ghash_flush(&c);
    c.phase = 1;
    c.text_len = len;
    ghash_absorb(&c, in, len);
    gcm_tag(&c, full);
    ok = (uint32_t)rp_ct_memeq(full, tag, tag_len);
    gcm_crypt(&c, in, len, out, (uint8_t)(0u - ok), 0);
    rp_wipe(full, sizeof full);
    rp_wipe(&c, sizeof c);
    return (int)ok - 1;
}

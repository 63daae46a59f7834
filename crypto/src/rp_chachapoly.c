/* rp_chachapoly.c - ChaCha20, Poly1305, ChaCha20-Poly1305 (RFC 8439). Contract in
 * rp_chachapoly.h. */
#include <string.h>
#include "rp_chachapoly.h"
#include "rp_ct.h"
#include "rp_sym_util.h"

#define ld32le rp_ld32le
#define st32le rp_st32le

static uint32_t rol(uint32_t x, unsigned n) { return x << n | x >> (32 - n); }

#define QR(a, b, c, d)                                  \
    do {                                                \
        a += b; d = rol(d ^ a, 16);                     \
        c += d; b = rol(b ^ c, 12);                     \
        a += b; d = rol(d ^ a, 8);                      \
        c += d; b = rol(b ^ c, 7);                      \
    } while (0)

/* RFC 8439 2.3: one 64-byte keystream block. */
static void chacha_block(const uint32_t key[8], const uint32_t nonce[3], uint32_t counter,
                         uint8_t out[64])
{
    uint32_t s[16], x[16];
    unsigned i;

    s[0] = 0x61707865u; s[1] = 0x3320646eu; s[2] = 0x79622d32u; s[3] = 0x6b206574u;
    memcpy(s + 4, key, 32);
    s[12] = counter;
    memcpy(s + 13, nonce, 12);
    memcpy(x, s, sizeof x);
    for (i = 0; i < 10; i++) {
        QR(x[0], x[4], x[8], x[12]);  QR(x[1], x[5], x[9], x[13]);
        QR(x[2], x[6], x[10], x[14]); QR(x[3], x[7], x[11], x[15]);
        QR(x[0], x[5], x[10], x[15]); QR(x[1], x[6], x[11], x[12]);
        QR(x[2], x[7], x[8], x[13]);  QR(x[3], x[4], x[9], x[14]);
    }
    for (i = 0; i < 16; i++)
        st32le(out + 4 * i, x[i] + s[i]);
    rp_wipe(s, sizeof s);
    rp_wipe(x, sizeof x);
}

static void load_key(uint32_t k[8], uint32_t n[3], const uint8_t *key, const uint8_t *nonce)
{
    unsigned i;

    for (i = 0; i < 8; i++)
        k[i] = ld32le(key + 4 * i);
    for (i = 0; i < 3; i++)
        n[i] = ld32le(nonce + 4 * i);
}

void rp_chacha20(const uint8_t key[32], const uint8_t nonce[12], uint32_t counter,
                 const uint8_t *in, size_t n, uint8_t *out)
{
    uint32_t k[8], nn[3];
    uint8_t ks[64];
    size_t i, take;

    load_key(k, nn, key, nonce);
    while (n) {
        chacha_block(k, nn, counter++, ks);
        take = n < 64 ? n : 64;
        for (i = 0; i < take; i++)
            out[i] = in[i] ^ ks[i];
        in += take; out += take; n -= take;
    }
    rp_wipe(ks, sizeof ks);
    rp_wipe(k, sizeof k);
}

/* ---------------- Poly1305: h and r in five 26-bit limbs ---------------- */
void rp_poly1305_init(rp_poly1305_ctx *ctx, const uint8_t key[32])
{
    unsigned i;

    /* r with the clamping of RFC 8439 2.5.1 folded into the limb masks */
    ctx->r[0] = ld32le(key + 0) & 0x3ffffff;
    ctx->r[1] = (ld32le(key + 3) >> 2) & 0x3ffff03;
    ctx->r[2] = (ld32le(key + 6) >> 4) & 0x3ffc0ff;
    ctx->r[3] = (ld32le(key + 9) >> 6) & 0x3f03fff;
    ctx->r[4] = (ld32le(key + 12) >> 8) & 0x00fffff;
    for (i = 0; i < 4; i++)
        ctx->s[i] = ld32le(key + 16 + 4 * i);
    memset(ctx->h, 0, sizeof ctx->h);
    ctx->buf_len = 0;
}

/* h = (h + m + hibit * 2^128) * r mod 2^130 - 5, partially reduced. */
static void poly_block(rp_poly1305_ctx *c, const uint8_t m[16], uint32_t hibit)
{
    const uint32_t *r = c->r;
    uint32_t *h = c->h;
    uint32_t s1 = r[1] * 5, s2 = r[2] * 5, s3 = r[3] * 5, s4 = r[4] * 5;
    uint64_t d0, d1, d2, d3, d4;
    uint32_t cy;

    h[0] += ld32le(m) & 0x3ffffff;
    h[1] += (ld32le(m + 3) >> 2) & 0x3ffffff;
    h[2] += (ld32le(m + 6) >> 4) & 0x3ffffff;
    h[3] += (ld32le(m + 9) >> 6) & 0x3ffffff;
    h[4] += (ld32le(m + 12) >> 8) | hibit << 24;
    d0 = (uint64_t)h[0] * r[0] + (uint64_t)h[1] * s4 + (uint64_t)h[2] * s3
       + (uint64_t)h[3] * s2 + (uint64_t)h[4] * s1;
    d1 = (uint64_t)h[0] * r[1] + (uint64_t)h[1] * r[0] + (uint64_t)h[2] * s4
       + (uint64_t)h[3] * s3 + (uint64_t)h[4] * s2;
    d2 = (uint64_t)h[0] * r[2] + (uint64_t)h[1] * r[1] + (uint64_t)h[2] * r[0]
       + (uint64_t)h[3] * s4 + (uint64_t)h[4] * s3;
    d3 = (uint64_t)h[0] * r[3] + (uint64_t)h[1] * r[2] + (uint64_t)h[2] * r[1]
       + (uint64_t)h[3] * r[0] + (uint64_t)h[4] * s4;
    d4 = (uint64_t)h[0] * r[4] + (uint64_t)h[1] * r[3] + (uint64_t)h[2] * r[2]
       + (uint64_t)h[3] * r[1] + (uint64_t)h[4] * r[0];
    cy = (uint32_t)(d0 >> 26); h[0] = (uint32_t)d0 & 0x3ffffff; d1 += cy;
    cy = (uint32_t)(d1 >> 26); h[1] = (uint32_t)d1 & 0x3ffffff; d2 += cy;
    cy = (uint32_t)(d2 >> 26); h[2] = (uint32_t)d2 & 0x3ffffff; d3 += cy;
    cy = (uint32_t)(d3 >> 26); h[3] = (uint32_t)d3 & 0x3ffffff; d4 += cy;
    cy = (uint32_t)(d4 >> 26); h[4] = (uint32_t)d4 & 0x3ffffff;
    h[0] += cy * 5;
    cy = h[0] >> 26; h[0] &= 0x3ffffff; h[1] += cy;
}

void rp_poly1305_update(rp_poly1305_ctx *ctx, const uint8_t *in, size_t n)
{
    while (n) {
        size_t take;
        if (ctx->buf_len == 0 && n >= 16) {
            poly_block(ctx, in, 1);
            in += 16; n -= 16;
            continue;
        }
        take = 16u - ctx->buf_len < n ? 16u - ctx->buf_len : n;
        memcpy(ctx->buf + ctx->buf_len, in, take);
        ctx->buf_len = (uint8_t)(ctx->buf_len + take);
        in += take; n -= take;
        if (ctx->buf_len == 16) {
            poly_block(ctx, ctx->buf, 1);
            ctx->buf_len = 0;
        }
    }
}

void rp_poly1305_final(rp_poly1305_ctx *ctx, uint8_t tag[16])
{
    uint32_t *h = ctx->h, g[5], mask, cy, w[4];
    uint64_t f;
    unsigned i;

    if (ctx->buf_len) {                       /* last partial block: m || 0x01 || 0... */
        ctx->buf[ctx->buf_len] = 1;
        for (i = ctx->buf_len + 1u; i < 16; i++)
            ctx->buf[i] = 0;
        poly_block(ctx, ctx->buf, 0);
    }
    for (i = 1; i < 5; i++) {                 /* full carry */
        h[i] += h[i - 1] >> 26;
        h[i - 1] &= 0x3ffffff;
    }
    cy = h[4] >> 26; h[4] &= 0x3ffffff; h[0] += cy * 5;
    cy = h[0] >> 26; h[0] &= 0x3ffffff; h[1] += cy;
    /* g = h + 5 - 2^130; take g when it is not negative (h >= p) */
    g[0] = h[0] + 5;
    for (i = 1; i < 5; i++) {
        g[i] = h[i] + (g[i - 1] >> 26);
        g[i - 1] &= 0x3ffffff;
    }
    g[4] -= 1u << 26;
    mask = (g[4] >> 31) - 1;                  /* all ones when g >= 0 */
    for (i = 0; i < 5; i++)
        h[i] = rp_ct_select(mask, g[i], h[i]);
    w[0] = h[0] | h[1] << 26;
    w[1] = h[1] >> 6 | h[2] << 20;
    w[2] = h[2] >> 12 | h[3] << 14;
    w[3] = h[3] >> 18 | h[4] << 8;
    for (i = 0, f = 0; i < 4; i++) {          /* tag = (h + s) mod 2^128 */
        f += (uint64_t)w[i] + ctx->s[i];
        st32le(tag + 4 * i, (uint32_t)f);
        f >>= 32;
    }
    rp_wipe(g, sizeof g);
    rp_wipe(w, sizeof w);
    rp_wipe(ctx, sizeof *ctx);
}

/* ---------------- AEAD ---------------- */
static void poly_pad16(rp_poly1305_ctx *p)
{
    static const uint8_t zeros[16];

    if (p->buf_len)
        rp_poly1305_update(p, zeros, 16u - p->buf_len);
}

int rp_chachapoly_start(rp_chachapoly_ctx *ctx, int decrypt, const uint8_t *key,
                        size_t key_len, const uint8_t *nonce, size_t nonce_len)
{
    uint8_t otk[64];

    memset(ctx, 0, sizeof *ctx);
    if (key_len != 32 || nonce_len != 12)
        return -1;
    load_key(ctx->key, ctx->nonce, key, nonce);
    chacha_block(ctx->key, ctx->nonce, 0, otk);     /* 2.6: the one-time Poly1305 key */
    rp_poly1305_init(&ctx->poly, otk);
    rp_wipe(otk, sizeof otk);
    ctx->counter = 1;
    ctx->ks_used = 64;
    ctx->decrypt = (uint8_t)(decrypt != 0);
    return 0;
}

int rp_chachapoly_update_aad(rp_chachapoly_ctx *ctx, const uint8_t *aad, size_t n)
{
    if (ctx->phase != 0)
        return -1;
    ctx->aad_len += n;
    rp_poly1305_update(&ctx->poly, aad, n);
    return 0;
}

/* Keystream XOR with every output byte ANDed with mask; Poly1305 takes the ciphertext
 * when mac is set. */
static void cp_crypt(rp_chachapoly_ctx *c, const uint8_t *in, size_t n, uint8_t *out,
                     uint8_t mask, int mac)
{
    while (n) {
        size_t take;
        if (c->ks_used == 64) {
            chacha_block(c->key, c->nonce, c->counter++, c->ks);
            c->ks_used = 0;
        }
        take = 64u - c->ks_used < n ? 64u - c->ks_used : n;
        if (mac && c->decrypt)
            rp_poly1305_update(&c->poly, in, take);
        rp_sym_xor(out, in, c->ks + c->ks_used, take, mask);
        if (mac && !c->decrypt)
            rp_poly1305_update(&c->poly, out, take);
        c->ks_used = (uint8_t)(c->ks_used + take);
        in += take; out += take; n -= take;
    }
}

static int text_ok(rp_chachapoly_ctx *c, size_t n)
{
    const uint64_t max = ((uint64_t)1 << 38) - 64;
    return (uint64_t)n <= max && c->text_len <= max - n;
}

int rp_chachapoly_update(rp_chachapoly_ctx *ctx, const uint8_t *in, size_t n, uint8_t *out)
{
    if (!text_ok(ctx, n))
        return -1;
    if (ctx->phase == 0) {
        poly_pad16(&ctx->poly);
        ctx->phase = 1;
    }
    ctx->text_len += n;
    cp_crypt(ctx, in, n, out, 0xff, 1);
    return 0;
}

/* 2.8: pad the ciphertext, append le64(aad_len) || le64(text_len), finish Poly1305. */
static void cp_tag(rp_chachapoly_ctx *c, uint8_t tag[16])
{
    uint8_t lens[16];
    unsigned i;

    poly_pad16(&c->poly);
    for (i = 0; i < 8; i++) {
        lens[i] = (uint8_t)(c->aad_len >> (8 * i));
        lens[8 + i] = (uint8_t)(c->text_len >> (8 * i));
    }
    rp_poly1305_update(&c->poly, lens, 16);
    rp_poly1305_final(&c->poly, tag);
}

int rp_chachapoly_finish(rp_chachapoly_ctx *ctx, uint8_t tag[16])
{
    cp_tag(ctx, tag);
    rp_wipe(ctx, sizeof *ctx);
    return 0;
}

int rp_chachapoly_verify(rp_chachapoly_ctx *ctx, const uint8_t *tag, size_t tag_len)
{
    uint8_t full[16];
    int ok;

    cp_tag(ctx, full);
    ok = tag_len == 16 && rp_ct_memeq(full, tag, 16);
    rp_wipe(full, sizeof full);
    rp_wipe(ctx, sizeof *ctx);
    return ok - 1;
}

int rp_chachapoly_encrypt(const uint8_t *key, size_t key_len, const uint8_t *nonce,
                          size_t nonce_len, const uint8_t *aad, size_t aad_len,
                          const uint8_t *in, size_t len, uint8_t *out,
                          uint8_t *tag, size_t tag_len)
{
    rp_chachapoly_ctx c;

    if (tag_len != 16 || rp_chachapoly_start(&c, 0, key, key_len, nonce, nonce_len) != 0
        || rp_chachapoly_update_aad(&c, aad, aad_len) != 0
        || rp_chachapoly_update(&c, in, len, out) != 0) {
        rp_wipe(&c, sizeof c);
        return -1;
    }
    return rp_chachapoly_finish(&c, tag);
}

/* Pass 1: Poly1305 over the ciphertext; pass 2: decrypt masked by the verdict. */
int rp_chachapoly_decrypt(const uint8_t *key, size_t key_len, const uint8_t *nonce,
                          size_t nonce_len, const uint8_t *aad, size_t aad_len,
                          const uint8_t *in, size_t len, uint8_t *out,
                          const uint8_t *tag, size_t tag_len)
{
    rp_chachapoly_ctx c;
    uint8_t full[16];
    uint32_t ok;

    if (tag_len != 16 || rp_chachapoly_start(&c, 1, key, key_len, nonce, nonce_len) != 0
        || !text_ok(&c, len)) {
        rp_wipe(&c, sizeof c);
        if (len)
            memset(out, 0, len);
        return -1;
    }
    (void)rp_chachapoly_update_aad(&c, aad, aad_len);
    poly_pad16(&c.poly);
    c.phase = 1;
    rp_poly1305_update(&c.poly, in, len);
    c.text_len = len;
    cp_tag(&c, full);
    ok = (uint32_t)rp_ct_memeq(full, tag, 16);
    cp_crypt(&c, in, len, out, (uint8_t)(0u - ok), 0);
    rp_wipe(full, sizeof full);
    rp_wipe(&c, sizeof c);
    return (int)ok - 1;
}

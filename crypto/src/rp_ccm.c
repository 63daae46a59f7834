/* rp_ccm.c - AES-CCM (SP 800-38C, formatting of its Appendix A). Contract in rp_aes.h.
 * Constant time: the cipher is bitsliced and the tag is checked with rp_ct_memeq; a failed
 * one-shot decryption masks its output to zeros without branching on the result.
 * Speed: the bitsliced AES costs the same for one block or two, so a complete CBC-MAC block
 * is held back (part_len == 16) until the next keystream block is due and both go through
 * one rp_aes_encrypt2 pass; when no MAC block waits, two keystream blocks are made. */
#include <string.h>
#include "rp_aes.h"
#include "rp_ct.h"
#include "rp_sym_util.h"

static void mac_block(rp_ccm_ctx *c, const uint8_t b[16])
{
    unsigned i;

    for (i = 0; i < 16; i++)
        c->mac[i] ^= b[i];
    rp_aes_encrypt(&c->aes, c->mac, c->mac);
}

/* CBC-MAC over a byte stream. A block that becomes complete stays in c->part (deferred)
 * until more input arrives, a keystream block is made, or the MAC is finished. */
static void mac_absorb(rp_ccm_ctx *c, const uint8_t *p, size_t n)
{
    while (n) {
        size_t take;
        if (c->part_len == 16) {
            mac_block(c, c->part);
            c->part_len = 0;
        }
        if (c->part_len == 0 && n > 16) {
            mac_block(c, p);
            p += 16; n -= 16;
            continue;
        }
        take = 16u - c->part_len < n ? 16u - c->part_len : n;
        memcpy(c->part + c->part_len, p, take);
        c->part_len = (uint8_t)(c->part_len + take);
        p += take; n -= take;
    }
}

/* Zero-pad a partial block (end of the AAD, end of the payload); it stays deferred. */
static void mac_pad(rp_ccm_ctx *c)
{
    if (c->part_len) {
        memset(c->part + c->part_len, 0, 16u - c->part_len);
        c->part_len = 16;
    }
}

/* Process a deferred block, if any. */
static void mac_flush(rp_ccm_ctx *c)
{
    if (c->part_len == 16)
        mac_block(c, c->part);
    c->part_len = 0;
}

/* Increment the q-byte counter field (bytes 16-q..15) of a counter block. */
static void ctr_inc(uint8_t ctr[16], unsigned q)
{
    unsigned i, carry = 1;

    for (i = 15; i >= 16 - q; i--) {
        carry += ctr[i];
        ctr[i] = (uint8_t)carry;
        carry >>= 8;
    }
}

static int nonce_params_ok(size_t nonce_len, uint64_t text_len, size_t tag_len)
{
    unsigned q = 15u - (unsigned)nonce_len;

    if (nonce_len < 7 || nonce_len > 13 || tag_len < 4 || tag_len > 16 || (tag_len & 1))
        return 0;
    return q >= 8 || text_len < ((uint64_t)1 << (8 * q));
}

/* SP 800-38C A.2.2: the AAD length prefix, 2, 6 or 10 bytes; returns its length. */
static size_t aad_prefix(uint8_t p[10], uint64_t a)
{
    size_t n, i;

    if (a < 0xff00u) {
        n = 2;
    } else if (a <= 0xffffffffu) {
        p[0] = 0xff; p[1] = 0xfe; n = 6;
    } else {
        p[0] = 0xff; p[1] = 0xff; n = 10;
    }
    for (i = 0; i < (n == 2 ? 2u : n - 2); i++)
        p[n - 1 - i] = (uint8_t)(a >> (8 * i));
    return n;
}

int rp_ccm_setkey(rp_ccm_ctx *ctx, int decrypt, const uint8_t *key, size_t key_len)
{
    memset(ctx, 0, sizeof *ctx);
    if (rp_aes_setkey(&ctx->aes, key, key_len) != 0)
        return -1;
    ctx->decrypt = (uint8_t)(decrypt != 0);
    return 0;
}

int rp_ccm_set_nonce(rp_ccm_ctx *ctx, const uint8_t *nonce, size_t nonce_len,
                     uint64_t aad_len, uint64_t text_len, size_t tag_len)
{
    unsigned q = 15u - (unsigned)nonce_len, i;
    uint8_t b0[16], pre[10];

    if (!nonce_params_ok(nonce_len, text_len, tag_len))
        return -1;
    memset(ctx->mac, 0, sizeof ctx->mac);          /* a fresh message on this key */
    ctx->part_len = 0;
    /* A.2.1: B0 = flags || N || Q */
    b0[0] = (uint8_t)((aad_len ? 0x40 : 0) | ((tag_len - 2) / 2) << 3 | (q - 1));
    memcpy(b0 + 1, nonce, nonce_len);
    for (i = 0; i < q; i++)
        b0[15 - i] = (uint8_t)(i < 8 ? text_len >> (8 * i) : 0);
    mac_block(ctx, b0);
    /* A.3: counter blocks Ctr_i = (q - 1) || N || [i]_q; Ctr_0 masks the tag */
    memset(ctx->ctr, 0, 16);
    ctx->ctr[0] = (uint8_t)(q - 1);
    memcpy(ctx->ctr + 1, nonce, nonce_len);
    rp_aes_encrypt(&ctx->aes, ctx->ctr, ctx->s0);
    ctr_inc(ctx->ctr, q);
    if (aad_len)
        mac_absorb(ctx, pre, aad_prefix(pre, aad_len));
    ctx->aad_left = aad_len;
    ctx->text_left = text_len;
    ctx->tag_len = (uint8_t)tag_len;
    ctx->ks_used = ctx->ks_len = 32;
    return 0;
}

int rp_ccm_start(rp_ccm_ctx *ctx, int decrypt, const uint8_t *key, size_t key_len,
                 const uint8_t *nonce, size_t nonce_len, uint64_t aad_len, uint64_t text_len,
                 size_t tag_len)
{
    memset(ctx, 0, sizeof *ctx);
    if (!nonce_params_ok(nonce_len, text_len, tag_len)
        || rp_ccm_setkey(ctx, decrypt, key, key_len) != 0) {
        rp_wipe(ctx, sizeof *ctx);
        return -1;
    }
    return rp_ccm_set_nonce(ctx, nonce, nonce_len, aad_len, text_len, tag_len);
}

int rp_ccm_update_aad(rp_ccm_ctx *ctx, const uint8_t *aad, size_t n)
{
    if ((uint64_t)n > ctx->aad_left)
        return -1;
    mac_absorb(ctx, aad, n);
    ctx->aad_left -= n;
    if (ctx->aad_left == 0)
        mac_pad(ctx);
    return 0;
}

/* The next keystream: with a CBC-MAC block waiting, one keystream block and that MAC
 * block in one pass; otherwise two keystream blocks. */
static void next_keystream(rp_ccm_ctx *c)
{
    unsigned q = (unsigned)c->ctr[0] + 1, i;
    uint8_t c1[16];

    if (c->part_len == 16) {
        for (i = 0; i < 16; i++)
            c1[i] = c->mac[i] ^ c->part[i];
        rp_aes_encrypt2(&c->aes, c->ctr, c1, c->ks, c->mac);
        c->part_len = 0;
        c->ks_len = 16;
    } else {
        memcpy(c1, c->ctr, 16);
        ctr_inc(c1, q);
        rp_aes_encrypt2(&c->aes, c->ctr, c1, c->ks, c->ks + 16);
        memcpy(c->ctr, c1, 16);
        c->ks_len = 32;
    }
    ctr_inc(c->ctr, q);
    c->ks_used = 0;
}

/* CTR over n bytes with every output byte ANDed with mask; the CBC-MAC takes the
 * plaintext (the input when encrypting, the output when decrypting) if mac is set. */
static void ccm_crypt(rp_ccm_ctx *c, const uint8_t *in, size_t n, uint8_t *out,
                      uint8_t mask, int mac)
{
    while (n) {
        size_t take;
        if (c->ks_used == c->ks_len)
            next_keystream(c);
        take = (size_t)(c->ks_len - c->ks_used) < n ? (size_t)(c->ks_len - c->ks_used) : n;
        if (mac && !c->decrypt)
            mac_absorb(c, in, take);
        rp_sym_xor(out, in, c->ks + c->ks_used, take, mask);
        if (mac && c->decrypt)
            mac_absorb(c, out, take);
        c->ks_used = (uint8_t)(c->ks_used + take);
        in += take; out += take; n -= take;
    }
}

int rp_ccm_update(rp_ccm_ctx *ctx, const uint8_t *in, size_t n, uint8_t *out)
{
    if (ctx->aad_left != 0 || (uint64_t)n > ctx->text_left)
        return -1;
    ctx->text_left -= n;
    ccm_crypt(ctx, in, n, out, 0xff, 1);
    return 0;
}

/* T = MSB_t(CBC-MAC) ^ MSB_t(S0); needs all announced data. 0 or -1. */
static int ccm_tag(rp_ccm_ctx *c, uint8_t tag[16])
{
    unsigned i;

    if (c->aad_left != 0 || c->text_left != 0)
        return -1;
    mac_pad(c);
    mac_flush(c);
    for (i = 0; i < 16; i++)
        tag[i] = c->mac[i] ^ c->s0[i];
    return 0;
}

int rp_ccm_finish(rp_ccm_ctx *ctx, uint8_t *tag)
{
    uint8_t full[16];
    int r = ccm_tag(ctx, full);

    if (r == 0)
        memcpy(tag, full, ctx->tag_len);
    rp_wipe(full, sizeof full);
    rp_wipe(ctx, sizeof *ctx);
    return r;
}

int rp_ccm_verify(rp_ccm_ctx *ctx, const uint8_t *tag, size_t tag_len)
{
    uint8_t full[16];
    int ok = 0;

    if (tag_len == ctx->tag_len && ccm_tag(ctx, full) == 0)
        ok = rp_ct_memeq(full, tag, tag_len);
    rp_wipe(full, sizeof full);
    rp_wipe(ctx, sizeof *ctx);
    return ok - 1;
}

int rp_ccm_encrypt(const uint8_t *key, size_t key_len, const uint8_t *iv, size_t iv_len,
                   const uint8_t *aad, size_t aad_len, const uint8_t *in, size_t len,
                   uint8_t *out, uint8_t *tag, size_t tag_len)
{
    rp_ccm_ctx c;

    if (rp_ccm_start(&c, 0, key, key_len, iv, iv_len, aad_len, len, tag_len) != 0) {
        rp_wipe(&c, sizeof c);
        return -1;
    }
    (void)rp_ccm_update_aad(&c, aad, aad_len);
    (void)rp_ccm_update(&c, in, len, out);
    return rp_ccm_finish(&c, tag);
}

/* Pass 1 decrypts into a scratch buffer only to feed the CBC-MAC; pass 2 reruns CTR from
 * the first counter and writes plaintext masked by the tag check (zeros on a forgery). */
int rp_ccm_decrypt(const uint8_t *key, size_t key_len, const uint8_t *iv, size_t iv_len,
                   const uint8_t *aad, size_t aad_len, const uint8_t *in, size_t len,
                   uint8_t *out, const uint8_t *tag, size_t tag_len)
{
    rp_ccm_ctx c;
    uint8_t ctr1[16], tmp[32], full[16];
    uint32_t ok = 0;
    size_t done;

    if (rp_ccm_start(&c, 1, key, key_len, iv, iv_len, aad_len, len, tag_len) != 0) {
        rp_wipe(&c, sizeof c);
        if (len)
            memset(out, 0, len);
        return -1;
    }
    (void)rp_ccm_update_aad(&c, aad, aad_len);
    memcpy(ctr1, c.ctr, 16);
    for (done = 0; done < len; done += sizeof tmp) {
        size_t take = len - done < sizeof tmp ? len - done : sizeof tmp;
        ccm_crypt(&c, in + done, take, tmp, 0xff, 1);
    }
    c.text_left = 0;
    if (ccm_tag(&c, full) == 0)
        ok = (uint32_t)rp_ct_memeq(full, tag, tag_len);
    memcpy(c.ctr, ctr1, 16);
    c.ks_used = c.ks_len = 32;
    ccm_crypt(&c, in, len, out, (uint8_t)(0u - ok), 0);
    rp_wipe(tmp, sizeof tmp);
    rp_wipe(full, sizeof full);
    rp_wipe(&c, sizeof c);
    return (int)ok - 1;
}

/* rp_aes_modes.c - ECB, CBC (raw, PKCS#7), CFB-128, OFB and CTR (SP 800-38A), multipart.
 * Contract in rp_aes.h. */
#include <string.h>
#include "rp_aes.h"
#include "rp_ct.h"
#include "rp_sym_util.h"

static int is_block_mode(uint8_t m)
{
    return m == RP_AES_ECB || m == RP_AES_CBC || m == RP_AES_CBC_PKCS7;
}

int rp_cipher_setkey(rp_cipher_ctx *ctx, rp_aes_mode mode, int decrypt,
                     const uint8_t *key, size_t key_len)
{
    memset(ctx, 0, sizeof *ctx);
    if (mode < RP_AES_ECB || mode > RP_AES_CTR || rp_aes_setkey(&ctx->aes, key, key_len) != 0) {
        rp_wipe(ctx, sizeof *ctx);
        return -1;
    }
    ctx->mode = (uint8_t)mode;
    ctx->decrypt = (uint8_t)(decrypt != 0);
    return 0;
}

int rp_cipher_set_iv(rp_cipher_ctx *ctx, const uint8_t *iv, size_t iv_len)
{
    if (iv_len != (ctx->mode == RP_AES_ECB ? 0u : 16u))
        return -1;
    memset(ctx->iv, 0, sizeof ctx->iv);            /* a fresh message on this key */
    if (iv_len)
        memcpy(ctx->iv, iv, 16);
    ctx->buf_len = ctx->mode == RP_AES_CTR ? 32 : (is_block_mode(ctx->mode) ? 0 : 16);
    return 0;
}

int rp_cipher_setup(rp_cipher_ctx *ctx, rp_aes_mode mode, int decrypt,
                    const uint8_t *key, size_t key_len, const uint8_t *iv, size_t iv_len)
{
    if (iv_len != (mode == RP_AES_ECB ? 0u : 16u)
        || rp_cipher_setkey(ctx, mode, decrypt, key, key_len) != 0) {
        rp_wipe(ctx, sizeof *ctx);
        return -1;
    }
    return rp_cipher_set_iv(ctx, iv, iv_len);
}

static void xor16(uint8_t *d, const uint8_t *a, const uint8_t *b)
{
    unsigned i;

    for (i = 0; i < 16; i++)
        d[i] = a[i] ^ b[i];
}

/* ECB/CBC over n whole blocks; in may equal out. Decryption runs two blocks per pass. */
static void blocks(rp_cipher_ctx *c, const uint8_t *in, size_t n, uint8_t *out)
{
    uint8_t t[32], nextiv[16];

    while (n) {
        size_t k = n >= 2 && (c->decrypt || c->mode == RP_AES_ECB) ? 2 : 1;
        if (!c->decrypt && c->mode != RP_AES_ECB) {          /* CBC encrypt: chained */
            xor16(t, c->iv, in);
            rp_aes_encrypt(&c->aes, t, c->iv);
            memcpy(out, c->iv, 16);
        } else if (!c->decrypt) {             /* ECB encrypt, straight into out */
            rp_aes_encrypt2(&c->aes, in, in + 16 * (k - 1), out, k == 2 ? out + 16 : t);
        } else {
            rp_aes_decrypt2(&c->aes, in, in + 16 * (k - 1), t, t + 16);
            if (c->mode != RP_AES_ECB) {                      /* CBC decrypt */
                memcpy(nextiv, in + 16 * (k - 1), 16);
                xor16(t, t, c->iv);
                if (k == 2)
                    xor16(t + 16, t + 16, in);
                memcpy(c->iv, nextiv, 16);
            }
            memcpy(out, t, 16 * k);
        }
        in += 16 * k; out += 16 * k; n -= k;
    }
    rp_wipe(t, sizeof t);
}

/* dst = src + k (k = 1 or 2) as 128-bit big-endian integers, four words with a carry
 * (dst may be src). The counter is public; the carry is arithmetic anyway. */
static void ctr_add(uint8_t dst[16], const uint8_t src[16], uint32_t k)
{
    uint32_t carry = k, w, sum;
    int i;

    for (i = 12; i >= 0; i -= 4) {
        w = rp_ld32be(src + i);
        sum = w + carry;
        carry = (uint32_t)(sum < w);
        rp_st32be(dst + i, sum);
    }
}

/* The next keystream: two counter blocks (CTR), or one block (OFB, CFB). */
static void refill(rp_cipher_ctx *c)
{
    if (c->mode == RP_AES_CTR) {
        uint8_t c1[16];
        ctr_add(c1, c->iv, 1);
        rp_aes_encrypt2(&c->aes, c->iv, c1, c->buf, c->buf + 16);
        ctr_add(c->iv, c->iv, 2);
    } else if (c->mode == RP_AES_OFB) {
        rp_aes_encrypt(&c->aes, c->iv, c->iv);
        memcpy(c->buf, c->iv, 16);
    } else {                                      /* CFB */
        rp_aes_encrypt(&c->aes, c->iv, c->buf);
    }
    c->buf_len = 0;
}

/* CFB/OFB/CTR: exactly n bytes; in may equal out. The keystream is used in runs (the rest
 * of the current block or blocks) XORed word by word. */
static void stream(rp_cipher_ctx *c, const uint8_t *in, size_t n, uint8_t *out)
{
    size_t avail = c->mode == RP_AES_CTR ? 32 : 16, take;
    int cfb = c->mode == RP_AES_CFB;

    while (n) {
        if (c->buf_len == avail)
            refill(c);
        take = avail - c->buf_len < n ? avail - c->buf_len : n;
        if (cfb && c->decrypt)                   /* the feedback is the ciphertext */
            memcpy(c->iv + c->buf_len, in, take);
        rp_sym_xor(out, in, c->buf + c->buf_len, take, 0xff);
        if (cfb && !c->decrypt)
            memcpy(c->iv + c->buf_len, out, take);
        c->buf_len = (uint8_t)(c->buf_len + take);
        in += take; out += take; n -= take;
    }
}

/* Bytes of output an update of in_len would produce (block modes). */
static size_t block_output(const rp_cipher_ctx *c, size_t in_len)
{
    size_t total = c->buf_len + in_len, n = total / 16;

    if (c->mode == RP_AES_CBC_PKCS7 && c->decrypt && n && total % 16 == 0)
        n--;                                      /* hold the padded block for finish */
    return 16 * n;
}

int rp_cipher_update(rp_cipher_ctx *ctx, const uint8_t *in, size_t in_len,
                     uint8_t *out, size_t out_size, size_t *out_len)
{
    size_t want, n;

    *out_len = 0;
    if (!is_block_mode(ctx->mode)) {
        if (out_size < in_len)
            return -1;
        stream(ctx, in, in_len, out);
        *out_len = in_len;
        return 0;
    }
    want = block_output(ctx, in_len);
    if (out_size < want)
        return -1;
    *out_len = want;
    if (ctx->buf_len && want) {                   /* complete the pending block first */
        size_t take = 16u - ctx->buf_len;
        memcpy(ctx->buf + ctx->buf_len, in, take);
        in += take; in_len -= take;
        blocks(ctx, ctx->buf, 1, out);
        out += 16; want -= 16;
        ctx->buf_len = 0;
    }
    n = want / 16;
    blocks(ctx, in, n, out);
    in += 16 * n; in_len -= 16 * n;
    if (in_len)
        memcpy(ctx->buf + ctx->buf_len, in, in_len);
    ctx->buf_len = (uint8_t)(ctx->buf_len + in_len);
    return 0;
}

/* Strip PKCS#7 padding from the decrypted last block b. Returns the data length (0..15),
 * or -1 for bad padding. The check reads all 16 bytes whatever the padding value; only
 * its verdict and the resulting length are made public (they decide the output size). */
static int pkcs7_strip(const uint8_t b[16])
{
    uint32_t pad = b[15], bad, i;
    int r;

    bad = rp_ct_mask_zero(pad) | rp_ct_mask_lt(16, pad);
    for (i = 0; i < 16; i++)
        bad |= rp_ct_mask_lt(15 - i, pad) & rp_ct_mask_nz(b[i] ^ pad);
    r = (int)rp_ct_select(bad, (uint32_t)-1, 16 - pad);
    RP_UNPOISON(&r, sizeof r);
    return r;
}

int rp_cipher_finish(rp_cipher_ctx *ctx, uint8_t *out, size_t out_size, size_t *out_len)
{
    int r = 0;

    *out_len = 0;
    if (ctx->mode == RP_AES_CBC_PKCS7 && !ctx->decrypt) {
        uint8_t p = (uint8_t)(16 - ctx->buf_len);
        if (out_size < 16) {
            r = -1;
        } else {
            memset(ctx->buf + ctx->buf_len, p, p);
            blocks(ctx, ctx->buf, 1, out);
            *out_len = 16;
        }
    } else if (ctx->mode == RP_AES_CBC_PKCS7) {
        uint8_t b[16];
        int n = -1;
        if (ctx->buf_len == 16) {
            blocks(ctx, ctx->buf, 1, b);
            n = pkcs7_strip(b);
        }
        if (n < 0 || out_size < (size_t)n) {
            r = -1;
        } else {
            memcpy(out, b, (size_t)n);
            *out_len = (size_t)n;
        }
        rp_wipe(b, sizeof b);
    } else if (is_block_mode(ctx->mode) && ctx->buf_len != 0) {
        r = -1;
    }
    rp_wipe(ctx, sizeof *ctx);
    return r;
}

int rp_cipher_crypt(rp_aes_mode mode, int decrypt, const uint8_t *key, size_t key_len,
                    const uint8_t *iv, size_t iv_len, const uint8_t *in, size_t in_len,
                    uint8_t *out, size_t out_size, size_t *out_len)
{
    rp_cipher_ctx c;
    size_t n1 = 0, n2 = 0;

    *out_len = 0;
    if (rp_cipher_setup(&c, mode, decrypt, key, key_len, iv, iv_len) != 0)
        return -1;
    if (rp_cipher_update(&c, in, in_len, out, out_size, &n1) != 0
        || rp_cipher_finish(&c, out + n1, out_size - n1, &n2) != 0) {
        rp_wipe(&c, sizeof c);
        if (n1)
            rp_wipe(out, n1);
        return -1;
    }
    *out_len = n1 + n2;
    return 0;
}

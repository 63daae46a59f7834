/* rp_cmac.c - AES-CMAC (SP 800-38B, RFC 4493). Contract in rp_aes.h. */
#include <string.h>
#include "rp_aes.h"
#include "rp_ct.h"

int rp_cmac_init(rp_cmac_ctx *ctx, const uint8_t *key, size_t key_len)
{
    memset(ctx, 0, sizeof *ctx);
    if (rp_aes_setkey(&ctx->aes, key, key_len) != 0)
        return -1;
    return 0;
}

static void chain(rp_cmac_ctx *c, const uint8_t b[16])
{
    unsigned i;

    for (i = 0; i < 16; i++)
        c->x[i] ^= b[i];
    rp_aes_encrypt(&c->aes, c->x, c->x);
}

/* The last block (complete or not) stays in buf until final, which needs to know which
 * subkey it takes. */
void rp_cmac_update(rp_cmac_ctx *ctx, const uint8_t *in, size_t n)
{
    while (n) {
        size_t take;
        if (ctx->buf_len == 16) {
            chain(ctx, ctx->buf);
            ctx->buf_len = 0;
        }
        if (ctx->buf_len == 0 && n > 16) {
            chain(ctx, in);
            in += 16; n -= 16;
            continue;
        }
        take = 16u - ctx->buf_len < n ? 16u - ctx->buf_len : n;
        memcpy(ctx->buf + ctx->buf_len, in, take);
        ctx->buf_len = (uint8_t)(ctx->buf_len + take);
        in += take; n -= take;
    }
}

/* SP 800-38B 6.1: doubling in GF(2^128), big-endian, constant time. */
static void dbl(uint8_t k[16])
{
    uint8_t carry = (uint8_t)(0u - (k[0] >> 7));
    unsigned i;

    for (i = 0; i < 15; i++)
        k[i] = (uint8_t)(k[i] << 1 | k[i + 1] >> 7);
    k[15] = (uint8_t)(k[15] << 1 ^ (carry & 0x87));
}

void rp_cmac_final(rp_cmac_ctx *ctx, uint8_t tag[16])
{
    uint8_t k[16] = { 0 };
    unsigned i;

    rp_aes_encrypt(&ctx->aes, k, k);             /* L = E(K, 0^128) */
    dbl(k);                                      /* K1 */
    if (ctx->buf_len < 16) {                     /* incomplete (or empty): pad, K2 */
        dbl(k);
        ctx->buf[ctx->buf_len] = 0x80;
        for (i = ctx->buf_len + 1u; i < 16; i++)
            ctx->buf[i] = 0;
    }
    for (i = 0; i < 16; i++)
        ctx->buf[i] ^= k[i];
    chain(ctx, ctx->buf);
    memcpy(tag, ctx->x, 16);
    rp_wipe(k, sizeof k);
    rp_wipe(ctx, sizeof *ctx);
}

int rp_aes_cmac(const uint8_t *key, size_t key_len, const uint8_t *in, size_t n,
                uint8_t tag[16])
{
    rp_cmac_ctx c;

    if (rp_cmac_init(&c, key, key_len) != 0)
        return -1;
    rp_cmac_update(&c, in, n);
    rp_cmac_final(&c, tag);
    return 0;
}

/* rp_drbg.c - HMAC_DRBG (SP 800-90A Rev. 1, 10.1.2). Contract in rp_drbg.h. */
#include <string.h>
#include "rp_drbg.h"
#include "rp_hmac.h"
#include "rp_ct.h"

/* 10.1.2.2 HMAC_DRBG_Update with provided_data = a || b || c (any may be empty). */
static void drbg_update(rp_drbg_ctx *d, const uint8_t *a, size_t al, const uint8_t *b,
                        size_t bl, const uint8_t *c, size_t cl)
{
    size_t hs = rp_hash_size(d->id);
    uint8_t round;
    rp_hmac_ctx h;

    for (round = 0; round < 2; round++) {
        (void)rp_hmac_init(&h, d->id, d->k, hs);       /* K = HMAC(K, V || round || data) */
        rp_hmac_update(&h, d->v, hs);
        rp_hmac_update(&h, &round, 1);
        rp_hmac_update(&h, a, al);
        rp_hmac_update(&h, b, bl);
        rp_hmac_update(&h, c, cl);
        rp_hmac_final(&h, d->k);
        (void)rp_hmac(d->id, d->k, hs, d->v, hs, d->v); /* V = HMAC(K, V) */
        if (al + bl + cl == 0)
            break;                                      /* step 3: no provided data */
    }
}

int rp_hmac_drbg_instantiate(rp_drbg_ctx *ctx, rp_hash_id id,
                             const uint8_t *entropy, size_t entropy_len,
                             const uint8_t *nonce, size_t nonce_len,
                             const uint8_t *pers, size_t pers_len)
{
    size_t hs = rp_hash_size(id);

    if (hs == 0)
        return -1;
    memset(ctx, 0, sizeof *ctx);
    ctx->id = id;
    memset(ctx->k, 0x00, hs);
    memset(ctx->v, 0x01, hs);
    drbg_update(ctx, entropy, entropy_len, nonce, nonce_len, pers, pers_len);
    ctx->reseed_counter = 1;
    ctx->reseed_interval = RP_DRBG_RESEED_INTERVAL;
    return 0;
}

int rp_hmac_drbg_reseed(rp_drbg_ctx *ctx, const uint8_t *entropy, size_t entropy_len,
                        const uint8_t *addl, size_t addl_len)
{
    drbg_update(ctx, entropy, entropy_len, addl, addl_len, NULL, 0);
    ctx->reseed_counter = 1;
    return 0;
}

int rp_hmac_drbg_generate(rp_drbg_ctx *ctx, uint8_t *out, size_t n,
                          const uint8_t *addl, size_t addl_len)
{
    size_t hs = rp_hash_size(ctx->id), done = 0;

    if (n > RP_DRBG_MAX_REQUEST)
        return -1;
    if (ctx->reseed_counter > ctx->reseed_interval)
        return RP_DRBG_RESEED_REQUIRED;
    if (addl_len)
        drbg_update(ctx, addl, addl_len, NULL, 0, NULL, 0);
    while (done < n) {                                  /* V = HMAC(K, V); out ||= V */
        size_t take = n - done < hs ? n - done : hs;
        (void)rp_hmac(ctx->id, ctx->k, hs, ctx->v, hs, ctx->v);
        memcpy(out + done, ctx->v, take);
        done += take;
    }
    drbg_update(ctx, addl, addl_len, NULL, 0, NULL, 0);
    ctx->reseed_counter++;
    return 0;
}

/* Security strength in bytes (SP 800-57 for the hash). */
static size_t strength(rp_hash_id id)
{
    return id == RP_HASH_SHA1 ? 16 : id == RP_HASH_SHA224 ? 24 : 32;
}

int rp_drbg_instantiate(rp_drbg_ctx *ctx, rp_hash_id id, rp_entropy_fn entropy, void *arg,
                        const uint8_t *pers, size_t pers_len, int prediction_resistance)
{
    uint8_t seed[48];
    size_t n = strength(id) * 3 / 2;                    /* entropy input and nonce */

    if (rp_hash_size(id) == 0 || entropy == NULL || entropy(arg, seed, n) != 0) {
        rp_wipe(seed, sizeof seed);
        rp_wipe(ctx, sizeof *ctx);
        return -1;
    }
    (void)rp_hmac_drbg_instantiate(ctx, id, seed, n, NULL, 0, pers, pers_len);
    ctx->entropy = entropy;
    ctx->entropy_arg = arg;
    ctx->prediction_resistance = (uint8_t)(prediction_resistance != 0);
    rp_wipe(seed, sizeof seed);
    return 0;
}

int rp_drbg_reseed(rp_drbg_ctx *ctx, const uint8_t *addl, size_t addl_len)
{
    uint8_t e[32];
    size_t n = strength(ctx->id);
    int r = -1;

    if (ctx->entropy && ctx->entropy(ctx->entropy_arg, e, n) == 0)
        r = rp_hmac_drbg_reseed(ctx, e, n, addl, addl_len);
    rp_wipe(e, sizeof e);
    return r;
}

int rp_drbg_generate(rp_drbg_ctx *ctx, uint8_t *out, size_t n,
                     const uint8_t *addl, size_t addl_len, int prediction_resistance)
{
    int r;

    if (n > RP_DRBG_MAX_REQUEST)
        return -1;
    /* 9.3.1 step 7: with prediction resistance (or a due reseed) reseed with the additional
     * input, which is then not used again by the generate step */
    if (prediction_resistance || ctx->prediction_resistance
        || ctx->reseed_counter > ctx->reseed_interval) {
        if (rp_drbg_reseed(ctx, addl, addl_len) != 0)
            return -1;
        addl = NULL;
        addl_len = 0;
    }
    r = rp_hmac_drbg_generate(ctx, out, n, addl, addl_len);
    return r == 0 ? 0 : -1;
}

void rp_drbg_uninstantiate(rp_drbg_ctx *ctx)
{
    rp_wipe(ctx, sizeof *ctx);
}

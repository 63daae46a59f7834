/* rp_hmac.c - HMAC, HKDF, PBKDF2, TLS 1.2 PRF and PSK premaster (contract in rp_hmac.h). */
#include <string.h>
#include "rp_hmac.h"
#include "rp_ct.h"

int rp_hmac_init(rp_hmac_ctx *ctx, rp_hash_id id, const uint8_t *key, size_t key_len)
{
    uint8_t k[RP_HASH_MAX_BLOCK_SIZE];
    size_t bs = rp_hash_block_size(id), i;

    if (bs == 0)
        return -1;
    memset(k, 0, sizeof k);
    if (key_len > bs)
        (void)rp_hash(id, key, key_len, k);         /* FIPS 198-1 step 2 */
    else if (key_len)
        memcpy(k, key, key_len);
    for (i = 0; i < bs; i++)
        k[i] ^= 0x36;
    (void)rp_hash_init(&ctx->inner, id);
    rp_hash_update(&ctx->inner, k, bs);
    for (i = 0; i < bs; i++)
        k[i] ^= 0x36 ^ 0x5c;
    (void)rp_hash_init(&ctx->outer, id);
    rp_hash_update(&ctx->outer, k, bs);
    rp_wipe(k, sizeof k);
    return 0;
}

void rp_hmac_update(rp_hmac_ctx *ctx, const uint8_t *in, size_t n)
{
    rp_hash_update(&ctx->inner, in, n);
}

void rp_hmac_final(rp_hmac_ctx *ctx, uint8_t *out)
{
    uint8_t t[RP_HASH_MAX_SIZE];
    size_t hs = rp_hash_size(ctx->inner.id);

    rp_hash_final(&ctx->inner, t);
    rp_hash_update(&ctx->outer, t, hs);
    rp_hash_final(&ctx->outer, out);
    rp_wipe(t, sizeof t);
    rp_wipe(ctx, sizeof *ctx);
}

int rp_hmac(rp_hash_id id, const uint8_t *key, size_t key_len,
            const uint8_t *in, size_t n, uint8_t *out)
{
    rp_hmac_ctx c;

    if (rp_hmac_init(&c, id, key, key_len) != 0)
        return -1;
    rp_hmac_update(&c, in, n);
    rp_hmac_final(&c, out);
    return 0;
}

int rp_hkdf_extract(rp_hash_id id, const uint8_t *salt, size_t salt_len,
                    const uint8_t *ikm, size_t ikm_len, uint8_t *prk)
{
    static const uint8_t zeros[RP_HASH_MAX_SIZE];

    if (salt == NULL || salt_len == 0) {
        salt = zeros;
        salt_len = rp_hash_size(id);
    }
    return rp_hmac(id, salt, salt_len, ikm, ikm_len, prk);
}

int rp_hkdf_expand(rp_hash_id id, const uint8_t *prk, size_t prk_len,
                   const uint8_t *info, size_t info_len, uint8_t *okm, size_t okm_len)
{
    uint8_t t[RP_HASH_MAX_SIZE];
    size_t hs = rp_hash_size(id), done = 0, tl = 0;
    uint8_t ctr = 1;
    rp_hmac_ctx base, c;

    if (hs == 0 || prk_len < hs || okm_len > 255 * hs)
        return -1;
    (void)rp_hmac_init(&base, id, prk, prk_len);
    while (done < okm_len) {             /* T(i) = HMAC(PRK, T(i-1) || info || i) */
        size_t take = okm_len - done < hs ? okm_len - done : hs;
        c = base;
        rp_hmac_update(&c, t, tl);
        rp_hmac_update(&c, info, info_len);
        rp_hmac_update(&c, &ctr, 1);
        rp_hmac_final(&c, t);
        tl = hs;
        memcpy(okm + done, t, take);
        done += take;
        ctr++;
    }
    rp_wipe(t, sizeof t);
    rp_wipe(&base, sizeof base);
    return 0;
}

int rp_hkdf(rp_hash_id id, const uint8_t *salt, size_t salt_len,
            const uint8_t *ikm, size_t ikm_len, const uint8_t *info, size_t info_len,
            uint8_t *okm, size_t okm_len)
{
    uint8_t prk[RP_HASH_MAX_SIZE];
    size_t hs = rp_hash_size(id);
    int r;

    if (hs == 0 || okm_len > 255 * hs)
        return -1;
    (void)rp_hkdf_extract(id, salt, salt_len, ikm, ikm_len, prk);
    r = rp_hkdf_expand(id, prk, hs, info, info_len, okm, okm_len);
    rp_wipe(prk, sizeof prk);
    return r;
}

/* RFC 8018 5.2 F(P, S, c, i): XOR of the c chained HMAC values U_1..U_c into t. */
static void pbkdf2_block(const rp_hmac_ctx *base, size_t hs, const uint8_t *salt,
                         size_t salt_len, uint32_t iterations, uint32_t index, uint8_t *t)
{
    uint8_t u[RP_HASH_MAX_SIZE], be[4];
    rp_hmac_ctx c = *base;
    uint32_t j;
    size_t k;

    be[0] = (uint8_t)(index >> 24); be[1] = (uint8_t)(index >> 16);
    be[2] = (uint8_t)(index >> 8);  be[3] = (uint8_t)index;
    rp_hmac_update(&c, salt, salt_len);
    rp_hmac_update(&c, be, 4);
    rp_hmac_final(&c, u);
    memcpy(t, u, hs);
    for (j = 1; j < iterations; j++) {
        c = *base;
        rp_hmac_update(&c, u, hs);
        rp_hmac_final(&c, u);
        for (k = 0; k < hs; k++)
            t[k] ^= u[k];
    }
    rp_wipe(u, sizeof u);
}

int rp_pbkdf2(rp_hash_id id, const uint8_t *pw, size_t pw_len,
              const uint8_t *salt, size_t salt_len, uint32_t iterations,
              uint8_t *out, size_t out_len)
{
    uint8_t t[RP_HASH_MAX_SIZE];
    size_t hs = rp_hash_size(id), done = 0;
    uint32_t index = 1;
    rp_hmac_ctx base;

    if (hs == 0 || iterations == 0 || (uint64_t)out_len > (uint64_t)0xffffffffu * hs)
        return -1;
    (void)rp_hmac_init(&base, id, pw, pw_len);
    while (done < out_len) {
        size_t take = out_len - done < hs ? out_len - done : hs;
        pbkdf2_block(&base, hs, salt, salt_len, iterations, index++, t);
        memcpy(out + done, t, take);
        done += take;
    }
    rp_wipe(t, sizeof t);
    rp_wipe(&base, sizeof base);
    return 0;
}

int rp_tls12_prf(rp_hash_id id, const uint8_t *secret, size_t secret_len,
                 const uint8_t *label, size_t label_len,
                 const uint8_t *seed, size_t seed_len, uint8_t *out, size_t out_len)
{
    uint8_t a[RP_HASH_MAX_SIZE], t[RP_HASH_MAX_SIZE];
    size_t hs = rp_hash_size(id), done = 0;
    rp_hmac_ctx base, c;

    if (rp_hmac_init(&base, id, secret, secret_len) != 0)
        return -1;
    c = base;                               /* A(1) = HMAC(secret, label || seed) */
    rp_hmac_update(&c, label, label_len);
    rp_hmac_update(&c, seed, seed_len);
    rp_hmac_final(&c, a);
    while (done < out_len) {                /* P_hash: HMAC(secret, A(i) || label || seed) */
        size_t take = out_len - done < hs ? out_len - done : hs;
        c = base;
        rp_hmac_update(&c, a, hs);
        rp_hmac_update(&c, label, label_len);
        rp_hmac_update(&c, seed, seed_len);
        rp_hmac_final(&c, t);
        memcpy(out + done, t, take);
        done += take;
        c = base;                           /* A(i+1) = HMAC(secret, A(i)) */
        rp_hmac_update(&c, a, hs);
        rp_hmac_final(&c, a);
    }
    rp_wipe(a, sizeof a);
    rp_wipe(t, sizeof t);
    rp_wipe(&base, sizeof base);
    return 0;
}

int rp_tls12_psk_to_ms(rp_hash_id id, const uint8_t *psk, size_t psk_len,
                       const uint8_t *other, size_t other_len,
                       const uint8_t *label, size_t label_len,
                       const uint8_t *seed, size_t seed_len, uint8_t *out, size_t out_len)
{
    uint8_t pms[4 + 2 * RP_TLS12_PSK_MAX];
    size_t n = other ? other_len : psk_len, p = 0;
    int r;

    if (psk_len > RP_TLS12_PSK_MAX || n > RP_TLS12_PSK_MAX || rp_hash_size(id) == 0)
        return -1;
    pms[p++] = (uint8_t)(n >> 8);
    pms[p++] = (uint8_t)n;
    if (other && n)
        memcpy(pms + p, other, n);
    else if (!other)
        memset(pms + p, 0, n);
    p += n;
    pms[p++] = (uint8_t)(psk_len >> 8);
    pms[p++] = (uint8_t)psk_len;
    if (psk_len)
        memcpy(pms + p, psk, psk_len);
    p += psk_len;
    r = rp_tls12_prf(id, pms, p, label, label_len, seed, seed_len, out, out_len);
    rp_wipe(pms, sizeof pms);
    return r;
}

/* ---- RFC 6979 3.2 ------------------------------------------------------------------- */

/* out = HMAC_K(V [|| sep || x || h1]), x and h1 qlen bytes each (steps d-h); the bracket is
 * omitted when sep < 0, x and h1 when x is NULL. out may alias g->k or g->v. */
static void rfc6979_hmac(uint8_t *out, const rp_rfc6979 *g, int sep, const uint8_t *x,
                         const uint8_t *h1, size_t qlen)
{
    rp_hmac_ctx c;
    uint8_t b = (uint8_t)sep;
    rp_hmac_init(&c, g->id, g->k, g->hl);
    rp_hmac_update(&c, g->v, g->hl);
    if (sep >= 0) {
        rp_hmac_update(&c, &b, 1);
    }
    if (x != NULL) {
        rp_hmac_update(&c, x, qlen);
        rp_hmac_update(&c, h1, qlen);
    }
    rp_hmac_final(&c, out); /* wipes c */
}

int rp_rfc6979_init(rp_rfc6979 *g, size_t hash_len, const uint8_t *x, const uint8_t *h1,
                    size_t qlen)
{
    static const rp_hash_id by_size[] = { RP_HASH_SHA1, RP_HASH_SHA224, RP_HASH_SHA256,
                                          RP_HASH_SHA384, RP_HASH_SHA512 };
    for (unsigned i = 0; i < sizeof by_size / sizeof by_size[0]; i++) {
        if (rp_hash_size(by_size[i]) == hash_len) {
            g->id = by_size[i];
            g->hl = hash_len;
            memset(g->v, 0x01, g->hl);                 /* b */
            memset(g->k, 0x00, g->hl);                 /* c */
            for (int sep = 0; sep < 2; sep++) {        /* d-e, then f-g */
                rfc6979_hmac(g->k, g, sep, x, h1, qlen);
                rfc6979_hmac(g->v, g, -1, NULL, NULL, 0);
            }
            return 1;
        }
    }
    return 0;
}

void rp_rfc6979_next(rp_rfc6979 *g, uint8_t *t, size_t qlen)
{
    for (size_t have = 0; have < qlen; have += g->hl) {   /* h.2: T = V1 || V2 ... */
        rfc6979_hmac(g->v, g, -1, NULL, NULL, 0);
        memcpy(t + have, g->v, qlen - have < g->hl ? qlen - have : g->hl);
    }
}

void rp_rfc6979_reject(rp_rfc6979 *g)
{
    rfc6979_hmac(g->k, g, 0, NULL, NULL, 0);              /* h.3 */
    rfc6979_hmac(g->v, g, -1, NULL, NULL, 0);
}

void rp_rfc6979_wipe(rp_rfc6979 *g)
{
    rp_wipe(g, sizeof *g);
}

/* rp_hmac.h - HMAC (RFC 2104, FIPS 198-1) over every rp_hash_id, HKDF (RFC 5869),
 * PBKDF2-HMAC (RFC 8018), the TLS 1.2 PRF (RFC 5246 section 5) and the TLS 1.2
 * PSK-to-master-secret derivation (RFC 4279 section 2).
 *
 * Keys are secret: timing depends on lengths only. Every function wipes its temporaries.
 * Outputs may alias inputs only where stated.
 */
#ifndef RP_HMAC_H
#define RP_HMAC_H

#include <stddef.h>
#include <stdint.h>
#include "rp_sha2.h"

typedef struct {
    rp_hash_ctx inner;   /* hash(K ^ ipad || ...) in progress */
    rp_hash_ctx outer;   /* hash(K ^ opad) primed, finished in rp_hmac_final */
} rp_hmac_ctx;

/* Start HMAC with key (any length; longer than the block size is hashed first).
 * Returns 0, or -1 for an unknown hash id. The context may be cloned by assignment. */
int rp_hmac_init(rp_hmac_ctx *ctx, rp_hash_id id, const uint8_t *key, size_t key_len);
void rp_hmac_update(rp_hmac_ctx *ctx, const uint8_t *in, size_t n);
/* Writes rp_hash_size(id) bytes to out and wipes ctx. */
void rp_hmac_final(rp_hmac_ctx *ctx, uint8_t *out);
/* One-shot HMAC. 0, or -1 for an unknown id. out may alias in or key. */
int rp_hmac(rp_hash_id id, const uint8_t *key, size_t key_len,
            const uint8_t *in, size_t n, uint8_t *out);

/* RFC 5869 2.2: prk (rp_hash_size(id) bytes) = HMAC(salt, ikm); salt NULL/0 means
 * hash-length zeros. 0 or -1 (unknown id). */
int rp_hkdf_extract(rp_hash_id id, const uint8_t *salt, size_t salt_len,
                    const uint8_t *ikm, size_t ikm_len, uint8_t *prk);
/* RFC 5869 2.3: okm_len bytes from prk. 0, or -1 if okm_len > 255 * hash size, prk_len <
 * hash size, or unknown id (okm untouched then). okm must not overlap prk or info. */
int rp_hkdf_expand(rp_hash_id id, const uint8_t *prk, size_t prk_len,
                   const uint8_t *info, size_t info_len, uint8_t *okm, size_t okm_len);
/* Extract then expand. 0 ok, -1 bad length / id. */
int rp_hkdf(rp_hash_id id, const uint8_t *salt, size_t salt_len,
            const uint8_t *ikm, size_t ikm_len, const uint8_t *info, size_t info_len,
            uint8_t *okm, size_t okm_len);

/* RFC 8018 5.2 PBKDF2 with HMAC-id. 0, or -1 for iterations == 0, unknown id or
 * out_len > (2^32 - 1) * hash size. */
int rp_pbkdf2(rp_hash_id id, const uint8_t *pw, size_t pw_len,
              const uint8_t *salt, size_t salt_len, uint32_t iterations,
              uint8_t *out, size_t out_len);

/* RFC 5246 5: PRF(secret, label, seed) = P_hash(secret, label || seed), out_len bytes.
 * 0, or -1 for an unknown id. */
int rp_tls12_prf(rp_hash_id id, const uint8_t *secret, size_t secret_len,
                 const uint8_t *label, size_t label_len,
                 const uint8_t *seed, size_t seed_len, uint8_t *out, size_t out_len);

/* RFC 6979 3.2: the deterministic nonce generator of ECDSA (HMAC_DRBG over the hash the
 * message was hashed with). State holds secrets: wipe it with rp_rfc6979_wipe. */
typedef struct rp_rfc6979 {
    uint8_t k[RP_HASH_MAX_SIZE], v[RP_HASH_MAX_SIZE];
    rp_hash_id id;
    size_t hl;
} rp_rfc6979;

/* Steps a-g. in: hash_len, the length of the message hash (it names the HMAC hash: 20,
 * 28, 32, 48 or 64 bytes); x, the private key, and h1 = bits2octets(hash), qlen bytes each
 * (qlen <= RP_HASH_MAX_SIZE). out: 1, or 0 for an unsupported hash_len (g untouched). */
int rp_rfc6979_init(rp_rfc6979 *g, size_t hash_len, const uint8_t *x, const uint8_t *h1,
                    size_t qlen);

/* Step h.1-h.2: the next candidate T, qlen bytes (the caller takes k = bits2int(T) and
 * checks its range); rp_rfc6979_reject (step h.3) before asking again. */
void rp_rfc6979_next(rp_rfc6979 *g, uint8_t *t, size_t qlen);
void rp_rfc6979_reject(rp_rfc6979 *g);
void rp_rfc6979_wipe(rp_rfc6979 *g);

#define RP_TLS12_PSK_MAX 128   /* largest PSK and other_secret accepted (PSA's bound) */
/* RFC 4279 2: premaster = u16(N) || other_secret || u16(psk_len) || psk, where
 * other_secret is N zero bytes when other == NULL (plain PSK, N = psk_len); then
 * out = PRF(premaster, label, seed) (label normally "master secret", seed
 * client_random || server_random; out_len normally 48).
 * 0, or -1 if psk_len or other_len > RP_TLS12_PSK_MAX or the id is unknown. */
int rp_tls12_psk_to_ms(rp_hash_id id, const uint8_t *psk, size_t psk_len,
                       const uint8_t *other, size_t other_len,
                       const uint8_t *label, size_t label_len,
                       const uint8_t *seed, size_t seed_len, uint8_t *out, size_t out_len);

#endif

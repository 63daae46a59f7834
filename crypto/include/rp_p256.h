/* rp_p256.h - NIST P-256 (secp256r1): key generation, ECDSA, ECDH.
 *
 * The whole contract of crypto/src/p256.c. Keys and signatures use the PSA formats:
 *   private key  32 bytes, big-endian scalar d, 1 <= d <= n-1
 *   public key   65 bytes, 0x04 || X || Y (SEC1 uncompressed point, X, Y < p, on the curve)
 *   signature    64 bytes, r || s (big-endian, each 1 <= . <= n-1); DER is rp_der.h's job
 *   hash         any length; SEC1 4.1.3 step 5 / FIPS 186-5 6.4.1: the leftmost 256 bits
 *                are used, shorter hashes are taken as a big-endian integer.
 * Every function validates every input before using it and returns RP_P256_OK (0) or a
 * negative RP_P256_ERR_*. Outputs are written only on success (on failure, secret outputs
 * are zeroed). Everything that touches a private key or a nonce runs in constant time.
 * Build-time choice: -DRP_P256_FAST=1 selects the fast configuration (comb table for G,
 * 4-bit Jacobian windows, Thumb-2 multiply on Cortex-M33); the default is the small one
 * (about 3 KB, under 700 bytes of stack per operation). docs/p256.md.
 */
#ifndef RP_P256_H
#define RP_P256_H

#include <stddef.h>
#include <stdint.h>

#define RP_P256_OK           0
#define RP_P256_ERR_INPUT   (-1) /* invalid key, point, scalar or signature */
#define RP_P256_ERR_RNG     (-2) /* the random source failed or kept giving bad values */
#define RP_P256_ERR_VERIFY  (-3) /* well-formed signature that does not verify */

#ifndef RP_RNG_FN_DEFINED
#define RP_RNG_FN_DEFINED
/* Caller-supplied randomness: fill out[0..n) with uniformly random bytes, return 0 on
 * success, non-zero on failure. ctx is passed through unchanged. */
typedef int (*rp_rng_fn)(void *ctx, uint8_t *out, size_t n);
#endif

/* Check a private key: 1 <= d <= n-1. Constant time. */
int rp_p256_check_private(const uint8_t priv[32]);

/* Check a public key: 0x04 prefix, X, Y < p, point on the curve (hence not infinity; the
 * cofactor is 1, so any such point has order n). */
int rp_p256_check_public(const uint8_t pub[65]);

/* pub = priv * G. priv is validated. pub may not overlap priv. */
int rp_p256_public_from_private(uint8_t pub[65], const uint8_t priv[32]);

/* FIPS 186-5 A.2.2 (rejection sampling): a fresh key pair from rng. */
int rp_p256_keygen(uint8_t priv[32], uint8_t pub[65], rp_rng_fn rng, void *rng_ctx);

/* ECDSA signature of a hash with a random nonce from rng (FIPS 186-5 6.4.1). */
int rp_p256_sign(uint8_t sig[64], const uint8_t priv[32], const uint8_t *hash,
                 size_t hash_len, rp_rng_fn rng, void *rng_ctx);

/* Deterministic ECDSA (RFC 6979 3.2); the HMAC uses the hash whose output length is
 * hash_len: 20, 28, 32, 48 or 64 bytes (SHA-1/224/256/384/512); other lengths are
 * RP_P256_ERR_INPUT. */
int rp_p256_sign_det(uint8_t sig[64], const uint8_t priv[32], const uint8_t *hash,
                     size_t hash_len);

/* ECDSA verification (FIPS 186-5 6.4.2); public data only. RP_P256_OK when valid,
 * RP_P256_ERR_VERIFY when not, RP_P256_ERR_INPUT for an invalid key or r, s out of range. */
int rp_p256_verify(const uint8_t sig[64], const uint8_t pub[65], const uint8_t *hash,
                   size_t hash_len);

/* ECDH (SEC1 3.3.1): shared = X coordinate of priv * peer. Both inputs validated. */
int rp_p256_ecdh(uint8_t shared[32], const uint8_t priv[32], const uint8_t peer[65]);

#endif

/* rp_rsa.h - RSA 1024..4096 (RFC 8017): PKCS#1 v1.5 and PSS signatures, OAEP and PKCS#1
 * v1.5 encryption, key import/export in the PSA formats (DER RSAPublicKey / RSAPrivateKey),
 * 2048-bit key generation.
 *
 * The whole contract of crypto/src/rsa.c. Private operations use the CRT with base
 * blinding (a fresh random r per call, so they take an rp_rng_fn) and check the result
 * with the public exponent before releasing it; their modular exponentiations are constant
 * time (fixed 4-bit windows, table read by full scans, Montgomery arithmetic). Hashes are
 * given as digests with their rp_hash_id. Every function validates its inputs first and
 * returns RP_RSA_OK (0) or a negative RP_RSA_ERR_*; decryption failures of either padding
 * are one indistinguishable RP_RSA_ERR_DECRYPT.
 * Memory: keys are plain structs (no allocation). Every number and buffer of an operation
 * lives in one static workspace of rsa.c (9.6 KB, taken in proportion to the key size and
 * wiped before each function returns), not on the stack: a 4096-bit private operation
 * needs well under 1 KB of stack (docs/p256.md, "RSA"). So the functions are not
 * reentrant: one RSA operation at a time, like the Crypto core that calls them.
 */
#ifndef RP_RSA_H
#define RP_RSA_H

#include <stddef.h>
#include <stdint.h>

#include "rp_sha2.h"

#define RP_RSA_OK            0
#define RP_RSA_ERR_INPUT    (-1)   /* bad key, length, hash id or parameter */
#define RP_RSA_ERR_RNG      (-2)   /* the random source failed */
#define RP_RSA_ERR_VERIFY   (-3)   /* signature does not verify */
#define RP_RSA_ERR_DECRYPT  (-4)   /* ciphertext does not decrypt (any padding error) */
#define RP_RSA_ERR_BUFFER   (-5)   /* output buffer too small */
#define RP_RSA_ERR_FAULT    (-6)   /* the private result failed its check; nothing output */

#define RP_RSA_MIN_BITS 1024
#define RP_RSA_MAX_BITS 4096
#define RP_RSA_MAX_BYTES (RP_RSA_MAX_BITS / 8)
#define RP_RSA_LIMBS (RP_RSA_MAX_BITS / 32)
#define RP_RSA_PSS_ANY_SALT ((size_t)-1)   /* verify: accept any salt length */

#ifndef RP_RNG_FN_DEFINED
#define RP_RNG_FN_DEFINED
typedef int (*rp_rng_fn)(void *ctx, uint8_t *out, size_t n);
#endif

typedef struct {
    size_t bits;                      /* modulus size, RP_RSA_MIN_BITS..RP_RSA_MAX_BITS */
    uint32_t n[RP_RSA_LIMBS];         /* modulus, little-endian limbs */
    uint32_t e;                       /* public exponent: odd, >= 3 */
} rp_rsa_public;

typedef struct {
    rp_rsa_public pub;
    uint32_t d[RP_RSA_LIMBS];         /* private exponent (kept for export) */
    uint32_t p[RP_RSA_LIMBS / 2], q[RP_RSA_LIMBS / 2];
    uint32_t dp[RP_RSA_LIMBS / 2], dq[RP_RSA_LIMBS / 2], qinv[RP_RSA_LIMBS / 2];
    size_t p_bits, q_bits;            /* sizes of p and q (public) */
} rp_rsa_private;

/* Size of signatures, ciphertexts and the modulus in bytes. */
size_t rp_rsa_bytes(const rp_rsa_public *key);

/* DER RSAPublicKey ::= SEQUENCE { n, e } (RFC 8017 A.1.1), strict DER, 1024..4096 bits,
 * odd n, e odd in [3, 2^32). On failure *key is zeroed. */
int rp_rsa_public_import(rp_rsa_public *key, const uint8_t *der, size_t der_len);
int rp_rsa_public_export(const rp_rsa_public *key, uint8_t *der, size_t cap, size_t *der_len);

/* DER RSAPrivateKey (RFC 8017 A.1.2), version 0 (two primes). Checked: n = p q, each
 * CRT value below its modulus, p and q odd, sizes in range. On failure *key is wiped. */
int rp_rsa_private_import(rp_rsa_private *key, const uint8_t *der, size_t der_len);
int rp_rsa_private_export(const rp_rsa_private *key, uint8_t *der, size_t cap,
                          size_t *der_len);

/* A fresh key pair: bits = 2048 (the supported size), e = 65537 (FIPS 186-4 B.3.3 with
 * B.3.1): random primes p, q = 3 mod 4 with the two top bits set, p - 1 and q - 1 prime
 * to e, trial division by the odd primes below 4096, 8 Miller-Rabin rounds, |p - q| >
 * 2^(nlen/2 - 100); d = e^-1 mod lcm(p-1, q-1) and d > 2^(nlen/2) (else redrawn).
 * Constant time for the primes that are kept (only a rejected candidate's verdict
 * branches). Slow: seconds on the host, minutes on a Cortex-M33. On failure *key is
 * wiped. */
int rp_rsa_keygen(rp_rsa_private *key, size_t bits, rp_rng_fn rng, void *rng_ctx);

/* RSASSA-PKCS1-v1_5 (RFC 8017 8.2) over a digest of hash id. sig has rp_rsa_bytes bytes. */
int rp_rsa_pkcs1_sign(const rp_rsa_private *key, rp_hash_id hash, const uint8_t *digest,
                      uint8_t *sig, rp_rng_fn rng, void *rng_ctx);
int rp_rsa_pkcs1_verify(const rp_rsa_public *key, rp_hash_id hash, const uint8_t *digest,
                        const uint8_t *sig, size_t sig_len);

/* RSASSA-PSS (RFC 8017 8.1) with MGF1 over the same hash; salt_len bytes of salt
 * (verify also accepts RP_RSA_PSS_ANY_SALT). */
int rp_rsa_pss_sign(const rp_rsa_private *key, rp_hash_id hash, const uint8_t *digest,
                    size_t salt_len, uint8_t *sig, rp_rng_fn rng, void *rng_ctx);
int rp_rsa_pss_verify(const rp_rsa_public *key, rp_hash_id hash, const uint8_t *digest,
                      size_t salt_len, const uint8_t *sig, size_t sig_len);

/* RSAES-OAEP (RFC 8017 7.1) with MGF1 over the same hash and an optional label. */
int rp_rsa_oaep_encrypt(const rp_rsa_public *key, rp_hash_id hash, const uint8_t *label,
                        size_t label_len, const uint8_t *msg, size_t msg_len, uint8_t *out,
                        rp_rng_fn rng, void *rng_ctx);
int rp_rsa_oaep_decrypt(const rp_rsa_private *key, rp_hash_id hash, const uint8_t *label,
                        size_t label_len, const uint8_t *in, size_t in_len, uint8_t *out,
                        size_t cap, size_t *out_len, rp_rng_fn rng, void *rng_ctx);

/* RSAES-PKCS1-v1_5 (RFC 8017 7.2). Decryption runs in time independent of where the
 * padding fails; the caller learns only success or RP_RSA_ERR_DECRYPT. */
int rp_rsa_pkcs1_encrypt(const rp_rsa_public *key, const uint8_t *msg, size_t msg_len,
                         uint8_t *out, rp_rng_fn rng, void *rng_ctx);
int rp_rsa_pkcs1_decrypt(const rp_rsa_private *key, const uint8_t *in, size_t in_len,
                         uint8_t *out, size_t cap, size_t *out_len, rp_rng_fn rng,
                         void *rng_ctx);

#endif

/* rp_crypto_core.h - the crypto core: the PSA Crypto API 1.1 with an explicit caller.
 *
 * The whole contract of services/crypto/rp_crypto_*.c. Two front ends use it: the Crypto
 * secure partition (crypto_sp.c: the caller is the SPM's client id of the message) and
 * the host library (host/rp_host_psa.c: a client id the program chooses, default 1).
 *
 * Every rp_crypto_<f>(client, ...) behaves as the specification's psa_<f>(...) for that
 * client, with two differences:
 *  - a multipart operation object is its handle (uint32_t *op; 0 = inactive). The state
 *    lives in a pool here, owned by the client that set it up; another client's handle is
 *    simply not found (PSA_ERROR_BAD_STATE). On any error a multipart call frees the
 *    operation and sets *op = 0, which is the spec's "error state, must be aborted"
 *    (abort of an inactive operation succeeds).
 *  - key ids are names within the client's own namespace: keys are found by (client, id),
 *    so no client can name, use or destroy another client's keys.
 * Pointers are the caller's buffers, already validated (the partition copies or maps
 * them; the host library takes them as given). Sizes are in bytes. Not reentrant: one
 * call at a time (the SFN partition is never re-entered).
 */
#ifndef RP_CRYPTO_CORE_H
#define RP_CRYPTO_CORE_H

#include <stddef.h>
#include <stdint.h>
#include "psa/crypto.h"

/* ---- build choice ----
 * RP_CRYPTO_WITH_RSA: RSA keys and algorithms (crypto/include/rp_rsa.h). Its keys are
 * large (key buffers of 2,400 bytes, an 8 KB key arena) and the primitive has a 9.6 KB
 * static workspace, so it is a build choice; the partition and the host library both turn
 * it on. Off, every RSA key and algorithm is PSA_ERROR_NOT_SUPPORTED. */
#ifndef RP_CRYPTO_WITH_RSA
#define RP_CRYPTO_WITH_RSA 0
#endif
/* RP_CRYPTO_WITH_ECC: secp256r1 and secp384r1 keys, ECDSA and ECDH (rp_p256.h, rp_p384.h)
 * and the Initial Attestation Key. On unless a profile turns it off (`crypto_ecc: false`,
 * docs/profiles.md); off, every ECC key type and algorithm is PSA_ERROR_NOT_SUPPORTED and
 * the IAK does not exist (attestation must then be symmetric). */
#ifndef RP_CRYPTO_WITH_ECC
#define RP_CRYPTO_WITH_ECC 1
#endif

/* ---- limits (docs/crypto-service.md) ---- */
#define RP_CRYPTO_KEY_SLOTS        16u    /* volatile keys, all clients together */
#if RP_CRYPTO_WITH_RSA
#define RP_CRYPTO_KEY_ARENA        8192u  /* bytes of volatile key material, all clients */
#define RP_CRYPTO_KEY_MAX_BYTES    2400u  /* largest key material: RSA-4096 RSAPrivateKey */
#else
#define RP_CRYPTO_KEY_ARENA        2048u
#define RP_CRYPTO_KEY_MAX_BYTES    512u
#endif
#define RP_CRYPTO_OPS              8u     /* multipart operations, all clients */
#define RP_CRYPTO_OPS_PER_CLIENT   4u     /* so one client cannot starve the others */
#define RP_CRYPTO_KDF_BUF          256u   /* HKDF info, TLS seed + label */
/* The largest PBKDF2 cost (iteration count) accepted; above it PSA_ERROR_NOT_SUPPORTED.
 * Why: the partition serves one call at a time, and each output block costs `cost` PRF
 * evaluations in one call (~4,500 instructions each for HMAC-SHA-256), so without a cap
 * one client could hold the service for minutes (2^32 - 1 iterations); with it a block
 * takes at most ~0.5 G instructions. A product that needs more raises it here
 * (docs/crypto-service.md, limits). */
#ifndef RP_CRYPTO_PBKDF2_MAX_COST
#define RP_CRYPTO_PBKDF2_MAX_COST  100000u
#endif

/* The ITS uid of a key record, for both ITS stores (services/crypto/its on the ITS
 * filesystem, crypto_sp.c on the ITS service): the owner's 32 bits in the high half, the
 * key id (30 bits, PSA_KEY_ID_USER_MAX) in the low half with bit 31 set, which marks a
 * crypto key record among the partition's other ITS files. */
#define RP_CRYPTO_ITS_UID(owner, id) \
    (((uint64_t)(uint32_t)(owner) << 32) | 0x80000000u | (uint64_t)(id))

/* ---- persistent key storage seam ----
 * A record is an opaque byte string keyed by (owner, id); the format of the record is the
 * core's (docs/crypto-service.md "storage format"). get returns PSA_ERROR_DOES_NOT_EXIST
 * for a missing record and copies at most size bytes (*len = record length, which may
 * exceed size: the caller then treats the record as corrupt). */
struct rp_crypto_store {
    psa_status_t (*set)(void *ctx, int32_t owner, psa_key_id_t id, const uint8_t *data,
                        size_t len);
    psa_status_t (*get)(void *ctx, int32_t owner, psa_key_id_t id, uint8_t *buf,
                        size_t size, size_t *len);
    psa_status_t (*remove)(void *ctx, int32_t owner, psa_key_id_t id);
    void *ctx;
};

/* Select the store for persistent keys; NULL selects the built-in RAM store (keys survive
 * until reset). Call before rp_crypto_init. */
void rp_crypto_set_store(const struct rp_crypto_store *store);

/* ---- platform hooks (provided by the platform port or the host library) ----
 * rp_crypto_platform_entropy: fill out[0..n) with full-entropy bytes; 0 on success.
 * rp_crypto_platform_huk: the 32-byte hardware unique key (device secret). */
int rp_crypto_platform_entropy(uint8_t *out, size_t n);
void rp_crypto_platform_huk(uint8_t huk[32]);

/* Seeds the DRBG and derives the builtin keys' seeds. PSA_SUCCESS, or
 * PSA_ERROR_INSUFFICIENT_ENTROPY. Idempotent. Every other call answers
 * PSA_ERROR_BAD_STATE until it has succeeded. */
psa_status_t rp_crypto_init(void);

/* A client went away: abort its operations and destroy its volatile keys. */
void rp_crypto_client_gone(int32_t client);

/* How the core learns which clients are gone (the partition: the SPM's
 * rp_spm_client_alive; the host library: none). With a hook set, an operation or volatile
 * key that finds no free slot first frees everything owned by clients for which alive()
 * is 0 (rp_crypto_client_gone), then tries again; so a partition that panicked holding
 * operations and keys does not keep them from the others. */
void rp_crypto_set_client_alive(int (*alive)(int32_t client));

/* Number of live operations and volatile keys of a client (tests, limits). */
size_t rp_crypto_client_ops(int32_t client);
size_t rp_crypto_client_keys(int32_t client);

/* ---- key management ---- */
psa_status_t rp_crypto_get_key_attributes(int32_t client, psa_key_id_t key,
                                          psa_key_attributes_t *attributes);
psa_status_t rp_crypto_import_key(int32_t client, const psa_key_attributes_t *attributes,
                                  const uint8_t *data, size_t data_length, psa_key_id_t *key);
psa_status_t rp_crypto_generate_key(int32_t client, const psa_key_attributes_t *attributes,
                                    psa_key_id_t *key);
psa_status_t rp_crypto_copy_key(int32_t client, psa_key_id_t source_key,
                                const psa_key_attributes_t *attributes,
                                psa_key_id_t *target_key);
psa_status_t rp_crypto_destroy_key(int32_t client, psa_key_id_t key);
psa_status_t rp_crypto_purge_key(int32_t client, psa_key_id_t key);
psa_status_t rp_crypto_export_key(int32_t client, psa_key_id_t key, uint8_t *data,
                                  size_t data_size, size_t *data_length);
psa_status_t rp_crypto_export_public_key(int32_t client, psa_key_id_t key, uint8_t *data,
                                         size_t data_size, size_t *data_length);
psa_status_t rp_crypto_generate_random(int32_t client, uint8_t *output, size_t output_size);

/* ---- hash ---- */
psa_status_t rp_crypto_hash_compute(int32_t client, psa_algorithm_t alg, const uint8_t *input,
                                    size_t input_length, uint8_t *hash, size_t hash_size,
                                    size_t *hash_length);
psa_status_t rp_crypto_hash_compare(int32_t client, psa_algorithm_t alg, const uint8_t *input,
                                    size_t input_length, const uint8_t *hash,
                                    size_t hash_length);
psa_status_t rp_crypto_hash_setup(int32_t client, uint32_t *op, psa_algorithm_t alg);
psa_status_t rp_crypto_hash_update(int32_t client, uint32_t *op, const uint8_t *input,
                                   size_t input_length);
psa_status_t rp_crypto_hash_finish(int32_t client, uint32_t *op, uint8_t *hash,
                                   size_t hash_size, size_t *hash_length);
psa_status_t rp_crypto_hash_verify(int32_t client, uint32_t *op, const uint8_t *hash,
                                   size_t hash_length);
psa_status_t rp_crypto_hash_clone(int32_t client, uint32_t source, uint32_t *target);
/* Crypto API 1.1 hash suspend state format (byte for byte; docs/crypto-service.md). */
psa_status_t rp_crypto_hash_suspend(int32_t client, uint32_t *op, uint8_t *hash_state,
                                    size_t hash_state_size, size_t *hash_state_length);
psa_status_t rp_crypto_hash_resume(int32_t client, uint32_t *op, const uint8_t *hash_state,
                                   size_t hash_state_length);

/* ---- MAC ---- */
psa_status_t rp_crypto_mac_compute(int32_t client, psa_key_id_t key, psa_algorithm_t alg,
                                   const uint8_t *input, size_t input_length, uint8_t *mac,
                                   size_t mac_size, size_t *mac_length);
psa_status_t rp_crypto_mac_verify(int32_t client, psa_key_id_t key, psa_algorithm_t alg,
                                  const uint8_t *input, size_t input_length,
                                  const uint8_t *mac, size_t mac_length);
psa_status_t rp_crypto_mac_setup(int32_t client, uint32_t *op, psa_key_id_t key,
                                 psa_algorithm_t alg, int verify);
psa_status_t rp_crypto_mac_update(int32_t client, uint32_t *op, const uint8_t *input,
                                  size_t input_length);
psa_status_t rp_crypto_mac_sign_finish(int32_t client, uint32_t *op, uint8_t *mac,
                                       size_t mac_size, size_t *mac_length);
psa_status_t rp_crypto_mac_verify_finish(int32_t client, uint32_t *op, const uint8_t *mac,
                                         size_t mac_length);

/* ---- cipher ---- */
psa_status_t rp_crypto_cipher_crypt(int32_t client, psa_key_id_t key, psa_algorithm_t alg,
                                    int decrypt, const uint8_t *input, size_t input_length,
                                    uint8_t *output, size_t output_size,
                                    size_t *output_length);
psa_status_t rp_crypto_cipher_setup(int32_t client, uint32_t *op, psa_key_id_t key,
                                    psa_algorithm_t alg, int decrypt);
psa_status_t rp_crypto_cipher_generate_iv(int32_t client, uint32_t *op, uint8_t *iv,
                                          size_t iv_size, size_t *iv_length);
psa_status_t rp_crypto_cipher_set_iv(int32_t client, uint32_t *op, const uint8_t *iv,
                                     size_t iv_length);
psa_status_t rp_crypto_cipher_update(int32_t client, uint32_t *op, const uint8_t *input,
                                     size_t input_length, uint8_t *output,
                                     size_t output_size, size_t *output_length);
psa_status_t rp_crypto_cipher_finish(int32_t client, uint32_t *op, uint8_t *output,
                                     size_t output_size, size_t *output_length);

/* ---- AEAD ---- */
psa_status_t rp_crypto_aead_crypt(int32_t client, psa_key_id_t key, psa_algorithm_t alg,
                                  int decrypt, const uint8_t *nonce, size_t nonce_length,
                                  const uint8_t *ad, size_t ad_length, const uint8_t *input,
                                  size_t input_length, uint8_t *output, size_t output_size,
                                  size_t *output_length);
psa_status_t rp_crypto_aead_setup(int32_t client, uint32_t *op, psa_key_id_t key,
                                  psa_algorithm_t alg, int decrypt);
psa_status_t rp_crypto_aead_generate_nonce(int32_t client, uint32_t *op, uint8_t *nonce,
                                           size_t nonce_size, size_t *nonce_length);
psa_status_t rp_crypto_aead_set_nonce(int32_t client, uint32_t *op, const uint8_t *nonce,
                                      size_t nonce_length);
psa_status_t rp_crypto_aead_set_lengths(int32_t client, uint32_t *op, size_t ad_length,
                                        size_t plaintext_length);
psa_status_t rp_crypto_aead_update_ad(int32_t client, uint32_t *op, const uint8_t *input,
                                      size_t input_length);
psa_status_t rp_crypto_aead_update(int32_t client, uint32_t *op, const uint8_t *input,
                                   size_t input_length, uint8_t *output, size_t output_size,
                                   size_t *output_length);
psa_status_t rp_crypto_aead_finish(int32_t client, uint32_t *op, uint8_t *ciphertext,
                                   size_t ciphertext_size, size_t *ciphertext_length,
                                   uint8_t *tag, size_t tag_size, size_t *tag_length);
psa_status_t rp_crypto_aead_verify(int32_t client, uint32_t *op, uint8_t *plaintext,
                                   size_t plaintext_size, size_t *plaintext_length,
                                   const uint8_t *tag, size_t tag_length);

/* ---- any operation ---- */
/* Abort: frees the operation if it is the client's; always PSA_SUCCESS, *op = 0. */
psa_status_t rp_crypto_abort(int32_t client, uint32_t *op);

/* ---- asymmetric ---- */
psa_status_t rp_crypto_sign(int32_t client, psa_key_id_t key, psa_algorithm_t alg,
                            int message, const uint8_t *input, size_t input_length,
                            uint8_t *signature, size_t signature_size,
                            size_t *signature_length);
psa_status_t rp_crypto_verify(int32_t client, psa_key_id_t key, psa_algorithm_t alg,
                              int message, const uint8_t *input, size_t input_length,
                              const uint8_t *signature, size_t signature_length);
psa_status_t rp_crypto_asymmetric_crypt(int32_t client, psa_key_id_t key,
                                        psa_algorithm_t alg, int decrypt,
                                        const uint8_t *input, size_t input_length,
                                        const uint8_t *salt, size_t salt_length,
                                        uint8_t *output, size_t output_size,
                                        size_t *output_length);
psa_status_t rp_crypto_raw_key_agreement(int32_t client, psa_algorithm_t alg,
                                         psa_key_id_t private_key, const uint8_t *peer_key,
                                         size_t peer_key_length, uint8_t *output,
                                         size_t output_size, size_t *output_length);

/* ---- key derivation ---- */
psa_status_t rp_crypto_kdf_setup(int32_t client, uint32_t *op, psa_algorithm_t alg);
psa_status_t rp_crypto_kdf_get_capacity(int32_t client, uint32_t op, size_t *capacity);
psa_status_t rp_crypto_kdf_set_capacity(int32_t client, uint32_t *op, size_t capacity);
psa_status_t rp_crypto_kdf_input_bytes(int32_t client, uint32_t *op,
                                       psa_key_derivation_step_t step, const uint8_t *data,
                                       size_t data_length);
psa_status_t rp_crypto_kdf_input_integer(int32_t client, uint32_t *op,
                                         psa_key_derivation_step_t step, uint64_t value);
psa_status_t rp_crypto_kdf_input_key(int32_t client, uint32_t *op,
                                     psa_key_derivation_step_t step, psa_key_id_t key);
psa_status_t rp_crypto_kdf_key_agreement(int32_t client, uint32_t *op,
                                         psa_key_derivation_step_t step,
                                         psa_key_id_t private_key, const uint8_t *peer_key,
                                         size_t peer_key_length);
psa_status_t rp_crypto_kdf_output_bytes(int32_t client, uint32_t *op, uint8_t *output,
                                        size_t output_length);
psa_status_t rp_crypto_kdf_output_key(int32_t client, const psa_key_attributes_t *attributes,
                                      uint32_t *op, psa_key_id_t *key);
psa_status_t rp_crypto_kdf_verify_bytes(int32_t client, uint32_t *op,
                                        const uint8_t *expected, size_t length);
psa_status_t rp_crypto_kdf_verify_key(int32_t client, uint32_t *op, psa_key_id_t expected);

#endif

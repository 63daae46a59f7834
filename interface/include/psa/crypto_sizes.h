/* psa/crypto_sizes.h - buffer size macros of the PSA Certified Crypto API 1.1. The
 * *_MAX_SIZE values cover every key type and algorithm Rampart can support (ECC up to
 * PSA_VENDOR_ECC_MAX_CURVE_BITS, RSA up to PSA_VENDOR_RSA_MAX_KEY_BITS).
 * Part of psa/crypto.h; include that header, not this one. */
#ifndef PSA_CRYPTO_SIZES_H
#define PSA_CRYPTO_SIZES_H

#include "psa/crypto_values.h"

#define PSA_BITS_TO_BYTES(bits)   (((size_t)(bits) + 7u) / 8u)
#define PSA_BYTES_TO_BITS(bytes)  ((size_t)(bytes) * 8u)
#define PSA_ROUND_UP_TO_MULTIPLE(block_size, length) \
    (((length) + (block_size) - 1u) / (block_size) * (block_size))
/* Rampart: the block length of a key type, or 1 for a type without one, so that a size
 * macro never divides by zero, not even in the arm of a conditional it does not take (a
 * constant expression with such a division is not an integer constant expression). */
#define RP_PSA_BLOCK_OR_1(key_type) \
    (PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) + (PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) == 0u))

/* Implementation limits. */
#define PSA_VENDOR_ECC_MAX_CURVE_BITS     384u
#define PSA_VENDOR_RSA_MAX_KEY_BITS       4096u  /* the host library: RSA 1024..4096 */
#define PSA_MAX_KEY_BITS                  0xfff8u

/* ---- hashes ---- */
#define PSA_HASH_LENGTH(alg) \
    (PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_MD2 ? 16u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_MD4 ? 16u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_MD5 ? 16u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_RIPEMD160 ? 20u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA_1 ? 20u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA_224 ? 28u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA_256 ? 32u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA_384 ? 48u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA_512 ? 64u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA_512_224 ? 28u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA_512_256 ? 32u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA3_224 ? 28u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA3_256 ? 32u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA3_384 ? 48u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA3_512 ? 64u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SM3 ? 32u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHAKE256_512 ? 64u : 0u)
#define PSA_HASH_MAX_SIZE                 64u
#define PSA_HASH_BLOCK_LENGTH(alg) \
    (PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_MD2 ? 16u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_MD4 ? 64u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_MD5 ? 64u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_RIPEMD160 ? 64u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA_1 ? 64u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA_224 ? 64u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA_256 ? 64u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA_384 ? 128u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA_512 ? 128u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA_512_224 ? 128u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA_512_256 ? 128u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA3_224 ? 144u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA3_256 ? 136u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA3_384 ? 104u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SHA3_512 ? 72u : \
     PSA_ALG_HMAC_GET_HASH(alg) == PSA_ALG_SM3 ? 64u : 0u)

/* Hash suspend state format (Crypto API 1.1 10.2 "Hash suspend state", appendix C.3): the field
 * sizes are the specification's for the eleven hashes it defines the format of, 0 for any
 * other algorithm. */
#define PSA_HASH_SUSPEND_ALGORITHM_FIELD_LENGTH     ((size_t)4)
#define PSA_HASH_SUSPEND_INPUT_LENGTH_FIELD_LENGTH(alg) \
    ((alg) == PSA_ALG_MD2 ? 1u : \
     ((alg) == PSA_ALG_MD4 || (alg) == PSA_ALG_MD5 || (alg) == PSA_ALG_RIPEMD160 || \
      (alg) == PSA_ALG_SHA_1 || (alg) == PSA_ALG_SHA_224 || (alg) == PSA_ALG_SHA_256) ? 8u : \
     ((alg) == PSA_ALG_SHA_512 || (alg) == PSA_ALG_SHA_384 || \
      (alg) == PSA_ALG_SHA_512_224 || (alg) == PSA_ALG_SHA_512_256) ? 16u : 0u)
#define PSA_HASH_SUSPEND_HASH_STATE_FIELD_LENGTH(alg) \
    ((alg) == PSA_ALG_MD2 ? 64u : \
     ((alg) == PSA_ALG_MD4 || (alg) == PSA_ALG_MD5) ? 16u : \
     ((alg) == PSA_ALG_RIPEMD160 || (alg) == PSA_ALG_SHA_1) ? 20u : \
     ((alg) == PSA_ALG_SHA_224 || (alg) == PSA_ALG_SHA_256) ? 32u : \
     ((alg) == PSA_ALG_SHA_512 || (alg) == PSA_ALG_SHA_384 || \
      (alg) == PSA_ALG_SHA_512_224 || (alg) == PSA_ALG_SHA_512_256) ? 64u : 0u)
#define PSA_HASH_SUSPEND_OUTPUT_SIZE(alg) \
    (PSA_HASH_SUSPEND_ALGORITHM_FIELD_LENGTH + \
     PSA_HASH_SUSPEND_INPUT_LENGTH_FIELD_LENGTH(alg) + \
     PSA_HASH_SUSPEND_HASH_STATE_FIELD_LENGTH(alg) + PSA_HASH_BLOCK_LENGTH(alg) - 1u)
/* Implementation-defined: the largest state of a hash Rampart implements (SHA-1, SHA-224,
 * SHA-256, SHA-384, SHA-512): SHA-512's 4 + 16 + 64 + 128 - 1. */
#define PSA_HASH_SUSPEND_OUTPUT_MAX_SIZE  ((size_t)211)

/* ---- MAC ---- */
#define PSA_MAC_MAX_SIZE                  PSA_HASH_MAX_SIZE
#define PSA_BLOCK_CIPHER_BLOCK_LENGTH(type) \
    (((type) & PSA_KEY_TYPE_CATEGORY_MASK) == PSA_KEY_TYPE_CATEGORY_SYMMETRIC ? \
     (1u << (((type) >> 8) & 7u)) : 0u)
#define PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE   16u
#define PSA_MAC_LENGTH(key_type, key_bits, alg) \
    ( \
     ((alg) & PSA_ALG_MAC_TRUNCATION_MASK) != 0 ? PSA_MAC_TRUNCATED_LENGTH(alg) : \
     PSA_ALG_IS_HMAC(alg) ? PSA_HASH_LENGTH(PSA_ALG_HMAC_GET_HASH(alg)) : \
     PSA_ALG_IS_BLOCK_CIPHER_MAC(alg) ? PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) : 0u)

/* ---- AEAD ---- */
#define PSA_AEAD_NONCE_LENGTH(key_type, alg) \
    (PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) == 16u ? \
        (PSA_ALG_AEAD_WITH_SHORTENED_TAG(alg, 0) == PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 0) ? 13u : \
         PSA_ALG_AEAD_WITH_SHORTENED_TAG(alg, 0) == PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 0) ? 12u : 0u) : \
     (key_type) == PSA_KEY_TYPE_CHACHA20 && \
        PSA_ALG_AEAD_WITH_SHORTENED_TAG(alg, 0) == \
            PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CHACHA20_POLY1305, 0) ? 12u : 0u)
#define PSA_AEAD_NONCE_MAX_SIZE           13u
#define PSA_AEAD_TAG_LENGTH(key_type, key_bits, alg) \
    ( \
     PSA_AEAD_NONCE_LENGTH(key_type, alg) != 0u ? PSA_ALG_AEAD_GET_TAG_LENGTH(alg) : 0u)
#define PSA_AEAD_TAG_MAX_SIZE             16u
#define PSA_AEAD_ENCRYPT_OUTPUT_SIZE(key_type, alg, plaintext_length) \
    (PSA_AEAD_NONCE_LENGTH(key_type, alg) != 0u ? \
     (plaintext_length) + PSA_ALG_AEAD_GET_TAG_LENGTH(alg) : 0u)
#define PSA_AEAD_ENCRYPT_OUTPUT_MAX_SIZE(plaintext_length) \
    ((plaintext_length) + PSA_AEAD_TAG_MAX_SIZE)
#define PSA_AEAD_DECRYPT_OUTPUT_SIZE(key_type, alg, ciphertext_length) \
    (PSA_AEAD_NONCE_LENGTH(key_type, alg) != 0u && \
     (ciphertext_length) > PSA_ALG_AEAD_GET_TAG_LENGTH(alg) ? \
     (ciphertext_length) - PSA_ALG_AEAD_GET_TAG_LENGTH(alg) : 0u)
#define PSA_AEAD_DECRYPT_OUTPUT_MAX_SIZE(ciphertext_length) (ciphertext_length)
#define PSA_AEAD_UPDATE_OUTPUT_SIZE(key_type, alg, input_length) \
    (PSA_AEAD_NONCE_LENGTH(key_type, alg) != 0u ? \
     (PSA_ALG_IS_AEAD_ON_BLOCK_CIPHER(alg) ? \
      PSA_ROUND_UP_TO_MULTIPLE(RP_PSA_BLOCK_OR_1(key_type), (input_length)) : \
      (input_length)) : 0u)
#define PSA_AEAD_UPDATE_OUTPUT_MAX_SIZE(input_length) \
    PSA_ROUND_UP_TO_MULTIPLE(PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE, (input_length))
#define PSA_AEAD_FINISH_OUTPUT_SIZE(key_type, alg) \
    (PSA_AEAD_NONCE_LENGTH(key_type, alg) != 0u && PSA_ALG_IS_AEAD_ON_BLOCK_CIPHER(alg) ? \
     PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) : 0u)
#define PSA_AEAD_FINISH_OUTPUT_MAX_SIZE   PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE
#define PSA_AEAD_VERIFY_OUTPUT_SIZE(key_type, alg) PSA_AEAD_FINISH_OUTPUT_SIZE(key_type, alg)
#define PSA_AEAD_VERIFY_OUTPUT_MAX_SIZE   PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE

/* ---- unauthenticated ciphers ---- */
#define PSA_CIPHER_IV_LENGTH(key_type, alg) \
    (PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) > 1u && \
     ((alg) == PSA_ALG_CTR || (alg) == PSA_ALG_CFB || (alg) == PSA_ALG_OFB || \
      (alg) == PSA_ALG_XTS || (alg) == PSA_ALG_CBC_NO_PADDING || \
      (alg) == PSA_ALG_CBC_PKCS7) ? PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) : \
     (alg) == PSA_ALG_CCM_STAR_NO_TAG ? 13u : \
     (key_type) == PSA_KEY_TYPE_CHACHA20 && (alg) == PSA_ALG_STREAM_CIPHER ? 12u : 0u)
#define PSA_CIPHER_IV_MAX_SIZE            16u
/* CBC-PKCS7 with a key type that has no block (not a cipher key) gives 0, not a division
 * by zero. */
#define PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(key_type, alg, input_length) \
    ((alg) == PSA_ALG_CBC_PKCS7 ? \
     (PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) > 1u ? \
      PSA_ROUND_UP_TO_MULTIPLE(RP_PSA_BLOCK_OR_1(key_type), (input_length) + 1u) + \
          PSA_CIPHER_IV_LENGTH(key_type, alg) : 0u) : \
     PSA_ALG_IS_CIPHER(alg) ? (input_length) + PSA_CIPHER_IV_LENGTH(key_type, alg) : 0u)
#define PSA_CIPHER_ENCRYPT_OUTPUT_MAX_SIZE(input_length) \
    (PSA_ROUND_UP_TO_MULTIPLE(PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE, (input_length) + 1u) + \
     PSA_CIPHER_IV_MAX_SIZE)
#define PSA_CIPHER_DECRYPT_OUTPUT_SIZE(key_type, alg, input_length) \
    (PSA_ALG_IS_CIPHER(alg) && (input_length) > PSA_CIPHER_IV_LENGTH(key_type, alg) ? \
     (input_length) - PSA_CIPHER_IV_LENGTH(key_type, alg) : 0u)
#define PSA_CIPHER_DECRYPT_OUTPUT_MAX_SIZE(input_length) (input_length)
#define PSA_CIPHER_UPDATE_OUTPUT_SIZE(key_type, alg, input_length) \
    (PSA_ALG_IS_CIPHER(alg) ? \
     (PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) > 1u ? \
      PSA_ROUND_UP_TO_MULTIPLE(RP_PSA_BLOCK_OR_1(key_type), \
                               (input_length) + PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) - 1u) : \
      (input_length)) : 0u)
#define PSA_CIPHER_UPDATE_OUTPUT_MAX_SIZE(input_length) \
    PSA_ROUND_UP_TO_MULTIPLE(PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE, \
                             (input_length) + PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE - 1u)
#define PSA_CIPHER_FINISH_OUTPUT_SIZE(key_type, alg) \
    ((alg) == PSA_ALG_CBC_PKCS7 ? PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) : 0u)
#define PSA_CIPHER_FINISH_OUTPUT_MAX_SIZE PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE

/* ---- asymmetric ---- */
#define PSA_ECDSA_SIGNATURE_SIZE(curve_bits) (PSA_BITS_TO_BYTES(curve_bits) * 2u)
#define PSA_SIGN_OUTPUT_SIZE(key_type, key_bits, alg) \
    ( \
     PSA_KEY_TYPE_IS_RSA(key_type) ? PSA_BITS_TO_BYTES(key_bits) : \
     PSA_KEY_TYPE_IS_ECC(key_type) ? PSA_ECDSA_SIGNATURE_SIZE(key_bits) : 0u)
#define PSA_SIGNATURE_MAX_SIZE \
    (PSA_BITS_TO_BYTES(PSA_VENDOR_RSA_MAX_KEY_BITS) > \
     PSA_ECDSA_SIGNATURE_SIZE(PSA_VENDOR_ECC_MAX_CURVE_BITS) ? \
     PSA_BITS_TO_BYTES(PSA_VENDOR_RSA_MAX_KEY_BITS) : \
     PSA_ECDSA_SIGNATURE_SIZE(PSA_VENDOR_ECC_MAX_CURVE_BITS))
#define PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE(key_type, key_bits, alg) \
    (PSA_KEY_TYPE_IS_RSA(key_type) ? PSA_BITS_TO_BYTES(key_bits) : 0u)
#define PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE PSA_BITS_TO_BYTES(PSA_VENDOR_RSA_MAX_KEY_BITS)
#define PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE(key_type, key_bits, alg) \
    (PSA_KEY_TYPE_IS_RSA(key_type) ? PSA_BITS_TO_BYTES(key_bits) : 0u)
#define PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE PSA_BITS_TO_BYTES(PSA_VENDOR_RSA_MAX_KEY_BITS)

/* ---- key export formats ---- */
/* DER RSAPublicKey (RFC 8017 A.1.1) of a B-byte modulus, e < 2^32 (Rampart's limit):
 * SEQUENCE header 4 + INTEGER n (header 4, B bytes and a sign byte) + INTEGER e (2 + 5).
 * A 2048-bit key with e = 65537 takes 270 bytes. */
#define PSA_KEY_EXPORT_RSA_PUBLIC_KEY_MAX_SIZE(key_bits) (PSA_BITS_TO_BYTES(key_bits) + 16u)
/* DER RSAPrivateKey (RFC 8017 A.1.2), two primes, any p and q that Rampart imports (each
 * at least 256 bits, so either may be longer than half of n): SEQUENCE 4 + version 3 +
 * n and d (each 4 + B + 1) + e 7 + five CRT values (each header 4 + a sign byte, and
 * together at most 2 (|p| + |q|) + |p| <= 3B - 26 bytes). Below 5B + 32. */
#define PSA_KEY_EXPORT_RSA_KEY_PAIR_MAX_SIZE(key_bits) \
    (5u * PSA_BITS_TO_BYTES(key_bits) + 32u)
#define PSA_KEY_EXPORT_ECC_PUBLIC_KEY_MAX_SIZE(key_bits) (2u * PSA_BITS_TO_BYTES(key_bits) + 1u)
#define PSA_KEY_EXPORT_ECC_KEY_PAIR_MAX_SIZE(key_bits) PSA_BITS_TO_BYTES(key_bits)
#define PSA_EXPORT_KEY_OUTPUT_SIZE(key_type, key_bits) \
    (PSA_KEY_TYPE_IS_UNSTRUCTURED(key_type) ? PSA_BITS_TO_BYTES(key_bits) : \
     (key_type) == PSA_KEY_TYPE_RSA_KEY_PAIR ? PSA_KEY_EXPORT_RSA_KEY_PAIR_MAX_SIZE(key_bits) : \
     (key_type) == PSA_KEY_TYPE_RSA_PUBLIC_KEY ? PSA_KEY_EXPORT_RSA_PUBLIC_KEY_MAX_SIZE(key_bits) : \
     PSA_KEY_TYPE_IS_ECC_KEY_PAIR(key_type) ? PSA_KEY_EXPORT_ECC_KEY_PAIR_MAX_SIZE(key_bits) : \
     PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(key_type) ? PSA_KEY_EXPORT_ECC_PUBLIC_KEY_MAX_SIZE(key_bits) : \
     PSA_KEY_TYPE_IS_DH(key_type) ? PSA_BITS_TO_BYTES(key_bits) : 0u)
#define PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(key_type, key_bits) \
    (PSA_KEY_TYPE_IS_RSA(key_type) ? PSA_KEY_EXPORT_RSA_PUBLIC_KEY_MAX_SIZE(key_bits) : \
     PSA_KEY_TYPE_IS_ECC(key_type) ? PSA_KEY_EXPORT_ECC_PUBLIC_KEY_MAX_SIZE(key_bits) : \
     PSA_KEY_TYPE_IS_DH(key_type) ? PSA_BITS_TO_BYTES(key_bits) : 0u)
#define PSA_EXPORT_KEY_PAIR_MAX_SIZE \
    (PSA_KEY_EXPORT_RSA_KEY_PAIR_MAX_SIZE(PSA_VENDOR_RSA_MAX_KEY_BITS) > \
     PSA_KEY_EXPORT_ECC_KEY_PAIR_MAX_SIZE(PSA_VENDOR_ECC_MAX_CURVE_BITS) ? \
     PSA_KEY_EXPORT_RSA_KEY_PAIR_MAX_SIZE(PSA_VENDOR_RSA_MAX_KEY_BITS) : \
     PSA_KEY_EXPORT_ECC_KEY_PAIR_MAX_SIZE(PSA_VENDOR_ECC_MAX_CURVE_BITS))
#define PSA_EXPORT_PUBLIC_KEY_MAX_SIZE \
    (PSA_KEY_EXPORT_RSA_PUBLIC_KEY_MAX_SIZE(PSA_VENDOR_RSA_MAX_KEY_BITS) > \
     PSA_KEY_EXPORT_ECC_PUBLIC_KEY_MAX_SIZE(PSA_VENDOR_ECC_MAX_CURVE_BITS) ? \
     PSA_KEY_EXPORT_RSA_PUBLIC_KEY_MAX_SIZE(PSA_VENDOR_RSA_MAX_KEY_BITS) : \
     PSA_KEY_EXPORT_ECC_PUBLIC_KEY_MAX_SIZE(PSA_VENDOR_ECC_MAX_CURVE_BITS))

/* ---- key agreement and derivation ---- */
#define PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(key_type, key_bits) \
    (PSA_KEY_TYPE_IS_ECC_KEY_PAIR(key_type) || PSA_KEY_TYPE_IS_DH_KEY_PAIR(key_type) ? \
     PSA_BITS_TO_BYTES(key_bits) : 0u)
#define PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE PSA_BITS_TO_BYTES(PSA_VENDOR_ECC_MAX_CURVE_BITS)
#define PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE  128u
#define PSA_TLS12_ECJPAKE_TO_PMS_OUTPUT_SIZE 32u

#endif

/* psa/crypto_values.h - the encodings of the PSA Certified Crypto API 1.1: algorithm
 * identifiers and their builders and tests, key types, ECC and DH families, usage flags,
 * lifetimes, key identifiers and derivation steps. Every value is the specification's.
 * Part of psa/crypto.h; include that header, not this one.
 * Rampart's own additions (builtin key identifiers) are at the end, prefixed RP_. */
#ifndef PSA_CRYPTO_VALUES_H
#define PSA_CRYPTO_VALUES_H

#include "psa/crypto_types.h"

/* ---- algorithms: categories ---- */
#define PSA_ALG_NONE                     ((psa_algorithm_t)0)
#define PSA_ALG_VENDOR_FLAG              ((psa_algorithm_t)0x80000000)
#define PSA_ALG_CATEGORY_MASK            ((psa_algorithm_t)0x7f000000)
#define PSA_ALG_CATEGORY_HASH            ((psa_algorithm_t)0x02000000)
#define PSA_ALG_CATEGORY_MAC             ((psa_algorithm_t)0x03000000)
#define PSA_ALG_CATEGORY_CIPHER          ((psa_algorithm_t)0x04000000)
#define PSA_ALG_CATEGORY_AEAD            ((psa_algorithm_t)0x05000000)
#define PSA_ALG_CATEGORY_SIGN            ((psa_algorithm_t)0x06000000)
#define PSA_ALG_CATEGORY_ASYMMETRIC_ENCRYPTION ((psa_algorithm_t)0x07000000)
#define PSA_ALG_CATEGORY_KEY_DERIVATION  ((psa_algorithm_t)0x08000000)
#define PSA_ALG_CATEGORY_KEY_AGREEMENT   ((psa_algorithm_t)0x09000000)

#define PSA_ALG_IS_VENDOR_DEFINED(alg)   (((alg) & PSA_ALG_VENDOR_FLAG) != 0)
#define PSA_ALG_IS_HASH(alg)   (((alg) & PSA_ALG_CATEGORY_MASK) == PSA_ALG_CATEGORY_HASH)
#define PSA_ALG_IS_MAC(alg)    (((alg) & PSA_ALG_CATEGORY_MASK) == PSA_ALG_CATEGORY_MAC)
#define PSA_ALG_IS_CIPHER(alg) (((alg) & PSA_ALG_CATEGORY_MASK) == PSA_ALG_CATEGORY_CIPHER)
#define PSA_ALG_IS_AEAD(alg)   (((alg) & PSA_ALG_CATEGORY_MASK) == PSA_ALG_CATEGORY_AEAD)
#define PSA_ALG_IS_SIGN(alg)   (((alg) & PSA_ALG_CATEGORY_MASK) == PSA_ALG_CATEGORY_SIGN)
#define PSA_ALG_IS_ASYMMETRIC_ENCRYPTION(alg) \
    (((alg) & PSA_ALG_CATEGORY_MASK) == PSA_ALG_CATEGORY_ASYMMETRIC_ENCRYPTION)
#define PSA_ALG_IS_KEY_AGREEMENT(alg) \
    (((alg) & PSA_ALG_CATEGORY_MASK) == PSA_ALG_CATEGORY_KEY_AGREEMENT)
#define PSA_ALG_IS_KEY_DERIVATION(alg) \
    (((alg) & PSA_ALG_CATEGORY_MASK) == PSA_ALG_CATEGORY_KEY_DERIVATION)

/* ---- hashes ---- */
#define PSA_ALG_HASH_MASK      ((psa_algorithm_t)0x000000ff)
#define PSA_ALG_MD2            ((psa_algorithm_t)0x02000001)
#define PSA_ALG_MD4            ((psa_algorithm_t)0x02000002)
#define PSA_ALG_MD5            ((psa_algorithm_t)0x02000003)
#define PSA_ALG_RIPEMD160      ((psa_algorithm_t)0x02000004)
#define PSA_ALG_SHA_1          ((psa_algorithm_t)0x02000005)
#define PSA_ALG_SHA_224        ((psa_algorithm_t)0x02000008)
#define PSA_ALG_SHA_256        ((psa_algorithm_t)0x02000009)
#define PSA_ALG_SHA_384        ((psa_algorithm_t)0x0200000a)
#define PSA_ALG_SHA_512        ((psa_algorithm_t)0x0200000b)
#define PSA_ALG_SHA_512_224    ((psa_algorithm_t)0x0200000c)
#define PSA_ALG_SHA_512_256    ((psa_algorithm_t)0x0200000d)
#define PSA_ALG_SHA3_224       ((psa_algorithm_t)0x02000010)
#define PSA_ALG_SHA3_256       ((psa_algorithm_t)0x02000011)
#define PSA_ALG_SHA3_384       ((psa_algorithm_t)0x02000012)
#define PSA_ALG_SHA3_512       ((psa_algorithm_t)0x02000013)
#define PSA_ALG_SM3            ((psa_algorithm_t)0x02000014)
#define PSA_ALG_SHAKE256_512   ((psa_algorithm_t)0x02000015)
#define PSA_ALG_ANY_HASH       ((psa_algorithm_t)0x020000ff)

#define PSA_ALG_GET_HASH(alg) \
    (((alg) & PSA_ALG_HASH_MASK) == 0 ? PSA_ALG_NONE \
                                      : (PSA_ALG_CATEGORY_HASH | ((alg) & PSA_ALG_HASH_MASK)))

/* ---- MAC ---- */
#define PSA_ALG_HMAC_BASE                 ((psa_algorithm_t)0x03800000)
#define PSA_ALG_HMAC(hash_alg)            (PSA_ALG_HMAC_BASE | ((hash_alg) & PSA_ALG_HASH_MASK))
#define PSA_ALG_HMAC_GET_HASH(hmac_alg)   (PSA_ALG_CATEGORY_HASH | ((hmac_alg) & PSA_ALG_HASH_MASK))
#define PSA_ALG_IS_HMAC(alg)              (((alg) & 0x7fc0ff00) == PSA_ALG_HMAC_BASE)
#define PSA_ALG_MAC_TRUNCATION_MASK       ((psa_algorithm_t)0x003f0000)
#define PSA_MAC_TRUNCATION_OFFSET         16
#define PSA_ALG_MAC_AT_LEAST_THIS_LENGTH_FLAG ((psa_algorithm_t)0x00008000)
#define PSA_ALG_TRUNCATED_MAC(mac_alg, mac_length) \
    (((mac_alg) & ~(PSA_ALG_MAC_TRUNCATION_MASK | PSA_ALG_MAC_AT_LEAST_THIS_LENGTH_FLAG)) | \
     (((psa_algorithm_t)(mac_length) << PSA_MAC_TRUNCATION_OFFSET) & PSA_ALG_MAC_TRUNCATION_MASK))
#define PSA_ALG_FULL_LENGTH_MAC(mac_alg) \
    ((mac_alg) & ~(PSA_ALG_MAC_TRUNCATION_MASK | PSA_ALG_MAC_AT_LEAST_THIS_LENGTH_FLAG))
#define PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(mac_alg, min_mac_length) \
    (PSA_ALG_TRUNCATED_MAC(mac_alg, min_mac_length) | PSA_ALG_MAC_AT_LEAST_THIS_LENGTH_FLAG)
#define PSA_MAC_TRUNCATED_LENGTH(mac_alg) \
    ((size_t)(((mac_alg) & PSA_ALG_MAC_TRUNCATION_MASK) >> PSA_MAC_TRUNCATION_OFFSET))
#define PSA_ALG_CIPHER_MAC_BASE           ((psa_algorithm_t)0x03c00000)
#define PSA_ALG_CBC_MAC                   ((psa_algorithm_t)0x03c00100)
#define PSA_ALG_CMAC                      ((psa_algorithm_t)0x03c00200)
#define PSA_ALG_IS_BLOCK_CIPHER_MAC(alg)  (((alg) & 0x7fc00000) == PSA_ALG_CIPHER_MAC_BASE)

/* ---- unauthenticated ciphers ---- */
#define PSA_ALG_CIPHER_STREAM_FLAG        ((psa_algorithm_t)0x00800000)
#define PSA_ALG_CIPHER_FROM_BLOCK_FLAG    ((psa_algorithm_t)0x00400000)
#define PSA_ALG_IS_STREAM_CIPHER(alg)     (((alg) & 0x7f800000) == 0x04800000)
#define PSA_ALG_STREAM_CIPHER             ((psa_algorithm_t)0x04800100)
#define PSA_ALG_CTR                       ((psa_algorithm_t)0x04c01000)
#define PSA_ALG_CFB                       ((psa_algorithm_t)0x04c01100)
#define PSA_ALG_OFB                       ((psa_algorithm_t)0x04c01200)
#define PSA_ALG_XTS                       ((psa_algorithm_t)0x0440ff00)
#define PSA_ALG_CCM_STAR_NO_TAG           ((psa_algorithm_t)0x04c01300)
#define PSA_ALG_ECB_NO_PADDING            ((psa_algorithm_t)0x04404400)
#define PSA_ALG_CBC_NO_PADDING            ((psa_algorithm_t)0x04404000)
#define PSA_ALG_CBC_PKCS7                 ((psa_algorithm_t)0x04404100)

/* ---- AEAD ---- */
#define PSA_ALG_CCM                       ((psa_algorithm_t)0x05500100)
#define PSA_ALG_GCM                       ((psa_algorithm_t)0x05500200)
#define PSA_ALG_CHACHA20_POLY1305         ((psa_algorithm_t)0x05100500)
#define PSA_ALG_AEAD_TAG_LENGTH_MASK      ((psa_algorithm_t)0x003f0000)
#define PSA_AEAD_TAG_LENGTH_OFFSET        16
#define PSA_ALG_AEAD_AT_LEAST_THIS_LENGTH_FLAG ((psa_algorithm_t)0x00008000)
#define PSA_ALG_IS_AEAD_ON_BLOCK_CIPHER(alg) (((alg) & 0x7f400000) == 0x05400000)
#define PSA_ALG_AEAD_WITH_SHORTENED_TAG(aead_alg, tag_length) \
    (((aead_alg) & ~(PSA_ALG_AEAD_TAG_LENGTH_MASK | PSA_ALG_AEAD_AT_LEAST_THIS_LENGTH_FLAG)) | \
     (((psa_algorithm_t)(tag_length) << PSA_AEAD_TAG_LENGTH_OFFSET) & PSA_ALG_AEAD_TAG_LENGTH_MASK))
/* Crypto API 1.1 appendix C.1: the default-tag algorithm of a CCM, GCM or
 * ChaCha20-Poly1305 variant (any tag length, with or without the at-least flag), and
 * PSA_ALG_NONE for anything else. */
#define PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(aead_alg) \
    ((((aead_alg) & ~0x003f8000u) == 0x05400100u) ? PSA_ALG_CCM : \
     (((aead_alg) & ~0x003f8000u) == 0x05400200u) ? PSA_ALG_GCM : \
     (((aead_alg) & ~0x003f8000u) == 0x05000500u) ? PSA_ALG_CHACHA20_POLY1305 : PSA_ALG_NONE)
#define PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(aead_alg, min_tag_length) \
    (PSA_ALG_AEAD_WITH_SHORTENED_TAG(aead_alg, min_tag_length) | \
     PSA_ALG_AEAD_AT_LEAST_THIS_LENGTH_FLAG)
#define PSA_ALG_AEAD_GET_TAG_LENGTH(aead_alg) \
    ((size_t)(((aead_alg) & PSA_ALG_AEAD_TAG_LENGTH_MASK) >> PSA_AEAD_TAG_LENGTH_OFFSET))

/* ---- signatures ---- */
#define PSA_ALG_RSA_PKCS1V15_SIGN_BASE    ((psa_algorithm_t)0x06000200)
#define PSA_ALG_RSA_PKCS1V15_SIGN(hash_alg) \
    (PSA_ALG_RSA_PKCS1V15_SIGN_BASE | ((hash_alg) & PSA_ALG_HASH_MASK))
#define PSA_ALG_RSA_PKCS1V15_SIGN_RAW     PSA_ALG_RSA_PKCS1V15_SIGN_BASE
#define PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK) == PSA_ALG_RSA_PKCS1V15_SIGN_BASE)
#define PSA_ALG_RSA_PSS_BASE              ((psa_algorithm_t)0x06000300)
#define PSA_ALG_RSA_PSS(hash_alg)         (PSA_ALG_RSA_PSS_BASE | ((hash_alg) & PSA_ALG_HASH_MASK))
#define PSA_ALG_RSA_PSS_ANY_SALT_BASE     ((psa_algorithm_t)0x06001300)
#define PSA_ALG_RSA_PSS_ANY_SALT(hash_alg) \
    (PSA_ALG_RSA_PSS_ANY_SALT_BASE | ((hash_alg) & PSA_ALG_HASH_MASK))
#define PSA_ALG_IS_RSA_PSS_STANDARD_SALT(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK) == PSA_ALG_RSA_PSS_BASE)
#define PSA_ALG_IS_RSA_PSS_ANY_SALT(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK) == PSA_ALG_RSA_PSS_ANY_SALT_BASE)
#define PSA_ALG_IS_RSA_PSS(alg) \
    (PSA_ALG_IS_RSA_PSS_STANDARD_SALT(alg) || PSA_ALG_IS_RSA_PSS_ANY_SALT(alg))
#define PSA_ALG_ECDSA_BASE                ((psa_algorithm_t)0x06000600)
#define PSA_ALG_ECDSA(hash_alg)           (PSA_ALG_ECDSA_BASE | ((hash_alg) & PSA_ALG_HASH_MASK))
#define PSA_ALG_ECDSA_ANY                 PSA_ALG_ECDSA_BASE
#define PSA_ALG_DETERMINISTIC_ECDSA_BASE  ((psa_algorithm_t)0x06000700)
#define PSA_ALG_DETERMINISTIC_ECDSA(hash_alg) \
    (PSA_ALG_DETERMINISTIC_ECDSA_BASE | ((hash_alg) & PSA_ALG_HASH_MASK))
#define PSA_ALG_IS_ECDSA(alg)             (((alg) & ~0x000001ffu) == PSA_ALG_ECDSA_BASE)
#define PSA_ALG_ECDSA_IS_DETERMINISTIC(alg) (((alg) & 0x00000100u) != 0)
#define PSA_ALG_IS_DETERMINISTIC_ECDSA(alg) \
    (((alg) & ~PSA_ALG_HASH_MASK) == PSA_ALG_DETERMINISTIC_ECDSA_BASE)
#define PSA_ALG_IS_RANDOMIZED_ECDSA(alg)  (((alg) & ~PSA_ALG_HASH_MASK) == PSA_ALG_ECDSA_BASE)
#define PSA_ALG_PURE_EDDSA                ((psa_algorithm_t)0x06000800)
#define PSA_ALG_HASH_EDDSA_BASE           ((psa_algorithm_t)0x06000900)
#define PSA_ALG_ED25519PH                 ((psa_algorithm_t)0x0600090B)
#define PSA_ALG_ED448PH                   ((psa_algorithm_t)0x06000915)
#define PSA_ALG_IS_HASH_EDDSA(alg)        (((alg) & ~PSA_ALG_HASH_MASK) == PSA_ALG_HASH_EDDSA_BASE)
#define PSA_ALG_IS_HASH_AND_SIGN(alg) \
    (PSA_ALG_IS_RSA_PSS(alg) || PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg) || \
     PSA_ALG_IS_ECDSA(alg) || PSA_ALG_IS_HASH_EDDSA(alg))
/* Crypto API 1.1 appendix C.1: every signature algorithm may be named to
 * psa_sign_hash()/psa_verify_hash() (an implementation refuses the ones it cannot do). */
#define PSA_ALG_IS_SIGN_HASH(alg)         PSA_ALG_IS_SIGN(alg)
#define PSA_ALG_IS_SIGN_MESSAGE(alg) \
    (PSA_ALG_IS_SIGN(alg) && (alg) != PSA_ALG_ECDSA_ANY && (alg) != PSA_ALG_RSA_PKCS1V15_SIGN_RAW)
#define PSA_ALG_SIGN_GET_HASH(alg) \
    (PSA_ALG_IS_HASH_AND_SIGN(alg) ? PSA_ALG_GET_HASH(alg) : PSA_ALG_NONE)

/* ---- asymmetric encryption ---- */
#define PSA_ALG_RSA_PKCS1V15_CRYPT        ((psa_algorithm_t)0x07000200)
#define PSA_ALG_RSA_OAEP_BASE             ((psa_algorithm_t)0x07000300)
#define PSA_ALG_RSA_OAEP(hash_alg)        (PSA_ALG_RSA_OAEP_BASE | ((hash_alg) & PSA_ALG_HASH_MASK))
#define PSA_ALG_IS_RSA_OAEP(alg)          (((alg) & ~PSA_ALG_HASH_MASK) == PSA_ALG_RSA_OAEP_BASE)

/* ---- key derivation ---- */
#define PSA_ALG_HKDF_BASE                 ((psa_algorithm_t)0x08000100)
#define PSA_ALG_HKDF(hash_alg)            (PSA_ALG_HKDF_BASE | ((hash_alg) & PSA_ALG_HASH_MASK))
#define PSA_ALG_IS_HKDF(alg)              (((alg) & ~PSA_ALG_HASH_MASK) == PSA_ALG_HKDF_BASE)
#define PSA_ALG_HKDF_EXTRACT_BASE         ((psa_algorithm_t)0x08000400)
#define PSA_ALG_HKDF_EXTRACT(hash_alg)    (PSA_ALG_HKDF_EXTRACT_BASE | ((hash_alg) & PSA_ALG_HASH_MASK))
#define PSA_ALG_IS_HKDF_EXTRACT(alg)      (((alg) & ~PSA_ALG_HASH_MASK) == PSA_ALG_HKDF_EXTRACT_BASE)
#define PSA_ALG_HKDF_EXPAND_BASE          ((psa_algorithm_t)0x08000500)
#define PSA_ALG_HKDF_EXPAND(hash_alg)     (PSA_ALG_HKDF_EXPAND_BASE | ((hash_alg) & PSA_ALG_HASH_MASK))
#define PSA_ALG_IS_HKDF_EXPAND(alg)       (((alg) & ~PSA_ALG_HASH_MASK) == PSA_ALG_HKDF_EXPAND_BASE)
#define PSA_ALG_TLS12_PRF_BASE            ((psa_algorithm_t)0x08000200)
#define PSA_ALG_TLS12_PRF(hash_alg)       (PSA_ALG_TLS12_PRF_BASE | ((hash_alg) & PSA_ALG_HASH_MASK))
#define PSA_ALG_IS_TLS12_PRF(alg)         (((alg) & ~PSA_ALG_HASH_MASK) == PSA_ALG_TLS12_PRF_BASE)
#define PSA_ALG_TLS12_PSK_TO_MS_BASE      ((psa_algorithm_t)0x08000300)
#define PSA_ALG_TLS12_PSK_TO_MS(hash_alg) (PSA_ALG_TLS12_PSK_TO_MS_BASE | ((hash_alg) & PSA_ALG_HASH_MASK))
#define PSA_ALG_IS_TLS12_PSK_TO_MS(alg)   (((alg) & ~PSA_ALG_HASH_MASK) == PSA_ALG_TLS12_PSK_TO_MS_BASE)
#define PSA_ALG_TLS12_ECJPAKE_TO_PMS      ((psa_algorithm_t)0x08000609)
#define PSA_ALG_PBKDF2_HMAC_BASE          ((psa_algorithm_t)0x08800100)
#define PSA_ALG_PBKDF2_HMAC(hash_alg)     (PSA_ALG_PBKDF2_HMAC_BASE | ((hash_alg) & PSA_ALG_HASH_MASK))
#define PSA_ALG_IS_PBKDF2_HMAC(alg)       (((alg) & ~PSA_ALG_HASH_MASK) == PSA_ALG_PBKDF2_HMAC_BASE)
#define PSA_ALG_PBKDF2_AES_CMAC_PRF_128   ((psa_algorithm_t)0x08800200)
#define PSA_ALG_IS_KEY_DERIVATION_STRETCHING(alg) (((alg) & 0x7f800000) == 0x08800000)

/* ---- key agreement ---- */
#define PSA_ALG_FFDH                      ((psa_algorithm_t)0x09010000)
#define PSA_ALG_ECDH                      ((psa_algorithm_t)0x09020000)
#define PSA_ALG_KEY_AGREEMENT(ka_alg, kdf_alg) ((ka_alg) | (kdf_alg))
#define PSA_ALG_KEY_AGREEMENT_GET_BASE(alg) ((psa_algorithm_t)((alg) & 0xffff0000))
#define PSA_ALG_KEY_AGREEMENT_GET_KDF(alg)  ((psa_algorithm_t)((alg) & 0xfe00ffff))
/* Crypto API 1.1 appendix C.1: the vendor flag is ignored, a KDF field makes the
 * algorithm a combined (not raw) key agreement. */
#define PSA_ALG_IS_RAW_KEY_AGREEMENT(alg) (((alg) & 0x7f00ffffu) == 0x09000000u)
#define PSA_ALG_IS_FFDH(alg)              (((alg) & 0x7fff0000u) == 0x09010000u)
#define PSA_ALG_IS_ECDH(alg)              (((alg) & 0x7fff0000u) == 0x09020000u)

/* A policy algorithm that permits a family (Crypto API 1.1 appendix C.1): any algorithm
 * whose hash field is PSA_ALG_ANY_HASH, a MAC or an AEAD with the at-least-this-length
 * flag. */
#define PSA_ALG_IS_WILDCARD(alg) \
    (PSA_ALG_GET_HASH(alg) == PSA_ALG_ANY_HASH || \
     ((alg) & 0x7f008000u) == 0x03008000u || ((alg) & 0x7f008000u) == 0x05008000u)

/* ---- key types ---- */
#define PSA_KEY_TYPE_NONE                 ((psa_key_type_t)0x0000)
#define PSA_KEY_TYPE_VENDOR_FLAG          ((psa_key_type_t)0x8000)
#define PSA_KEY_TYPE_CATEGORY_MASK        ((psa_key_type_t)0x7000)
#define PSA_KEY_TYPE_CATEGORY_RAW         ((psa_key_type_t)0x1000)
#define PSA_KEY_TYPE_CATEGORY_SYMMETRIC   ((psa_key_type_t)0x2000)
#define PSA_KEY_TYPE_CATEGORY_PUBLIC_KEY  ((psa_key_type_t)0x4000)
#define PSA_KEY_TYPE_CATEGORY_KEY_PAIR    ((psa_key_type_t)0x7000)
#define PSA_KEY_TYPE_CATEGORY_FLAG_PAIR   ((psa_key_type_t)0x3000)
#define PSA_KEY_TYPE_IS_VENDOR_DEFINED(type) (((type) & PSA_KEY_TYPE_VENDOR_FLAG) != 0)
#define PSA_KEY_TYPE_IS_UNSTRUCTURED(type) \
    (((type) & PSA_KEY_TYPE_CATEGORY_MASK) == PSA_KEY_TYPE_CATEGORY_RAW || \
     ((type) & PSA_KEY_TYPE_CATEGORY_MASK) == PSA_KEY_TYPE_CATEGORY_SYMMETRIC)
#define PSA_KEY_TYPE_IS_ASYMMETRIC(type) \
    (((type) & PSA_KEY_TYPE_CATEGORY_PUBLIC_KEY) == PSA_KEY_TYPE_CATEGORY_PUBLIC_KEY)
#define PSA_KEY_TYPE_IS_PUBLIC_KEY(type) \
    (((type) & PSA_KEY_TYPE_CATEGORY_MASK) == PSA_KEY_TYPE_CATEGORY_PUBLIC_KEY)
#define PSA_KEY_TYPE_IS_KEY_PAIR(type) \
    (((type) & PSA_KEY_TYPE_CATEGORY_MASK) == PSA_KEY_TYPE_CATEGORY_KEY_PAIR)
#define PSA_KEY_TYPE_KEY_PAIR_OF_PUBLIC_KEY(type) \
    ((psa_key_type_t)((type) | PSA_KEY_TYPE_CATEGORY_FLAG_PAIR))
#define PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type) \
    ((psa_key_type_t)((type) & ~PSA_KEY_TYPE_CATEGORY_FLAG_PAIR))

#define PSA_KEY_TYPE_RAW_DATA             ((psa_key_type_t)0x1001)
#define PSA_KEY_TYPE_HMAC                 ((psa_key_type_t)0x1100)
#define PSA_KEY_TYPE_DERIVE               ((psa_key_type_t)0x1200)
#define PSA_KEY_TYPE_PASSWORD             ((psa_key_type_t)0x1203)
#define PSA_KEY_TYPE_PASSWORD_HASH        ((psa_key_type_t)0x1205)
#define PSA_KEY_TYPE_PEPPER               ((psa_key_type_t)0x1206)
#define PSA_KEY_TYPE_AES                  ((psa_key_type_t)0x2400)
#define PSA_KEY_TYPE_ARIA                 ((psa_key_type_t)0x2406)
#define PSA_KEY_TYPE_DES                  ((psa_key_type_t)0x2301)
#define PSA_KEY_TYPE_CAMELLIA             ((psa_key_type_t)0x2403)
#define PSA_KEY_TYPE_SM4                  ((psa_key_type_t)0x2405)
#define PSA_KEY_TYPE_ARC4                 ((psa_key_type_t)0x2002)
#define PSA_KEY_TYPE_CHACHA20             ((psa_key_type_t)0x2004)
#define PSA_KEY_TYPE_RSA_PUBLIC_KEY       ((psa_key_type_t)0x4001)
#define PSA_KEY_TYPE_RSA_KEY_PAIR         ((psa_key_type_t)0x7001)
#define PSA_KEY_TYPE_IS_RSA(type) \
    (PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type) == PSA_KEY_TYPE_RSA_PUBLIC_KEY)

#define PSA_KEY_TYPE_ECC_PUBLIC_KEY_BASE  ((psa_key_type_t)0x4100)
#define PSA_KEY_TYPE_ECC_KEY_PAIR_BASE    ((psa_key_type_t)0x7100)
#define PSA_KEY_TYPE_ECC_CURVE_MASK       ((psa_key_type_t)0x00ff)
#define PSA_KEY_TYPE_ECC_KEY_PAIR(curve)  ((psa_key_type_t)(PSA_KEY_TYPE_ECC_KEY_PAIR_BASE | (curve)))
#define PSA_KEY_TYPE_ECC_PUBLIC_KEY(curve) \
    ((psa_key_type_t)(PSA_KEY_TYPE_ECC_PUBLIC_KEY_BASE | (curve)))
#define PSA_KEY_TYPE_IS_ECC(type) \
    ((PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type) & 0xff00) == PSA_KEY_TYPE_ECC_PUBLIC_KEY_BASE)
#define PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type)   (((type) & 0xff00) == PSA_KEY_TYPE_ECC_KEY_PAIR_BASE)
#define PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(type) (((type) & 0xff00) == PSA_KEY_TYPE_ECC_PUBLIC_KEY_BASE)
#define PSA_KEY_TYPE_ECC_GET_FAMILY(type) \
    ((psa_ecc_family_t)(PSA_KEY_TYPE_IS_ECC(type) ? ((type) & PSA_KEY_TYPE_ECC_CURVE_MASK) : 0))

#define PSA_ECC_FAMILY_SECP_K1            ((psa_ecc_family_t)0x17)
#define PSA_ECC_FAMILY_SECP_R1            ((psa_ecc_family_t)0x12)
#define PSA_ECC_FAMILY_SECP_R2            ((psa_ecc_family_t)0x1b)
#define PSA_ECC_FAMILY_SECT_K1            ((psa_ecc_family_t)0x27)
#define PSA_ECC_FAMILY_SECT_R1            ((psa_ecc_family_t)0x22)
#define PSA_ECC_FAMILY_SECT_R2            ((psa_ecc_family_t)0x2b)
#define PSA_ECC_FAMILY_BRAINPOOL_P_R1     ((psa_ecc_family_t)0x30)
#define PSA_ECC_FAMILY_FRP                ((psa_ecc_family_t)0x33)
#define PSA_ECC_FAMILY_MONTGOMERY         ((psa_ecc_family_t)0x41)
#define PSA_ECC_FAMILY_TWISTED_EDWARDS    ((psa_ecc_family_t)0x42)

#define PSA_KEY_TYPE_DH_PUBLIC_KEY_BASE   ((psa_key_type_t)0x4200)
#define PSA_KEY_TYPE_DH_KEY_PAIR_BASE     ((psa_key_type_t)0x7200)
#define PSA_KEY_TYPE_DH_GROUP_MASK        ((psa_key_type_t)0x00ff)
#define PSA_KEY_TYPE_DH_KEY_PAIR(group)   ((psa_key_type_t)(PSA_KEY_TYPE_DH_KEY_PAIR_BASE | (group)))
#define PSA_KEY_TYPE_DH_PUBLIC_KEY(group) \
    ((psa_key_type_t)(PSA_KEY_TYPE_DH_PUBLIC_KEY_BASE | (group)))
#define PSA_KEY_TYPE_IS_DH(type) \
    ((PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type) & 0xff00) == PSA_KEY_TYPE_DH_PUBLIC_KEY_BASE)
#define PSA_KEY_TYPE_IS_DH_KEY_PAIR(type)   (((type) & 0xff00) == PSA_KEY_TYPE_DH_KEY_PAIR_BASE)
#define PSA_KEY_TYPE_IS_DH_PUBLIC_KEY(type) (((type) & 0xff00) == PSA_KEY_TYPE_DH_PUBLIC_KEY_BASE)
#define PSA_KEY_TYPE_DH_GET_FAMILY(type) \
    ((psa_dh_family_t)(PSA_KEY_TYPE_IS_DH(type) ? ((type) & PSA_KEY_TYPE_DH_GROUP_MASK) : 0))
#define PSA_DH_FAMILY_RFC7919             ((psa_dh_family_t)0x03)

/* ---- usage flags ---- */
#define PSA_KEY_USAGE_EXPORT              ((psa_key_usage_t)0x00000001)
#define PSA_KEY_USAGE_COPY                ((psa_key_usage_t)0x00000002)
#define PSA_KEY_USAGE_CACHE               ((psa_key_usage_t)0x00000004)
#define PSA_KEY_USAGE_ENCRYPT             ((psa_key_usage_t)0x00000100)
#define PSA_KEY_USAGE_DECRYPT             ((psa_key_usage_t)0x00000200)
#define PSA_KEY_USAGE_SIGN_MESSAGE        ((psa_key_usage_t)0x00000400)
#define PSA_KEY_USAGE_VERIFY_MESSAGE      ((psa_key_usage_t)0x00000800)
#define PSA_KEY_USAGE_SIGN_HASH           ((psa_key_usage_t)0x00001000)
#define PSA_KEY_USAGE_VERIFY_HASH         ((psa_key_usage_t)0x00002000)
#define PSA_KEY_USAGE_DERIVE              ((psa_key_usage_t)0x00004000)
#define PSA_KEY_USAGE_VERIFY_DERIVATION   ((psa_key_usage_t)0x00008000)

/* ---- lifetimes, persistence, locations ---- */
#define PSA_KEY_LIFETIME_VOLATILE         ((psa_key_lifetime_t)0x00000000)
#define PSA_KEY_LIFETIME_PERSISTENT       ((psa_key_lifetime_t)0x00000001)
#define PSA_KEY_PERSISTENCE_VOLATILE      ((psa_key_persistence_t)0x00)
#define PSA_KEY_PERSISTENCE_DEFAULT       ((psa_key_persistence_t)0x01)
#define PSA_KEY_PERSISTENCE_READ_ONLY     ((psa_key_persistence_t)0xff)
#define PSA_KEY_LOCATION_LOCAL_STORAGE    ((psa_key_location_t)0x000000)
#define PSA_KEY_LOCATION_PRIMARY_SECURE_ELEMENT ((psa_key_location_t)0x000001)
#define PSA_KEY_LOCATION_VENDOR_FLAG      ((psa_key_location_t)0x800000)
#define PSA_KEY_LIFETIME_GET_PERSISTENCE(lifetime) \
    ((psa_key_persistence_t)((lifetime) & 0x000000ff))
#define PSA_KEY_LIFETIME_GET_LOCATION(lifetime) ((psa_key_location_t)((lifetime) >> 8))
#define PSA_KEY_LIFETIME_IS_VOLATILE(lifetime) \
    (PSA_KEY_LIFETIME_GET_PERSISTENCE(lifetime) == PSA_KEY_PERSISTENCE_VOLATILE)
#define PSA_KEY_LIFETIME_IS_READ_ONLY(lifetime) \
    (PSA_KEY_LIFETIME_GET_PERSISTENCE(lifetime) == PSA_KEY_PERSISTENCE_READ_ONLY)
#define PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(persistence, location) \
    ((psa_key_lifetime_t)(((psa_key_lifetime_t)(location) << 8) | (persistence)))

/* ---- key identifiers ---- */
#define PSA_KEY_ID_NULL                   ((psa_key_id_t)0)
#define PSA_KEY_ID_USER_MIN               ((psa_key_id_t)0x00000001)
#define PSA_KEY_ID_USER_MAX               ((psa_key_id_t)0x3fffffff)
#define PSA_KEY_ID_VENDOR_MIN             ((psa_key_id_t)0x40000000)
#define PSA_KEY_ID_VENDOR_MAX             ((psa_key_id_t)0x7fffffff)

/* ---- key derivation steps ---- */
#define PSA_KEY_DERIVATION_INPUT_SECRET       ((psa_key_derivation_step_t)0x0101)
#define PSA_KEY_DERIVATION_INPUT_PASSWORD     ((psa_key_derivation_step_t)0x0102)
#define PSA_KEY_DERIVATION_INPUT_OTHER_SECRET ((psa_key_derivation_step_t)0x0103)
#define PSA_KEY_DERIVATION_INPUT_LABEL        ((psa_key_derivation_step_t)0x0201)
#define PSA_KEY_DERIVATION_INPUT_SALT         ((psa_key_derivation_step_t)0x0202)
#define PSA_KEY_DERIVATION_INPUT_INFO         ((psa_key_derivation_step_t)0x0203)
#define PSA_KEY_DERIVATION_INPUT_SEED         ((psa_key_derivation_step_t)0x0204)
#define PSA_KEY_DERIVATION_INPUT_COST         ((psa_key_derivation_step_t)0x0205)
#define PSA_KEY_DERIVATION_UNLIMITED_CAPACITY ((size_t)-1)

/* ---- Rampart: builtin keys (docs/crypto-service.md) ----
 * Provisioned by the platform, present without being created, never exportable, never
 * destroyable. Identifiers are in the vendor range. */
/* Initial Attestation Key: ECC_KEY_PAIR(SECP_R1), 256 bits, ECDSA(SHA-256) sign/verify
 * hash and message. Usable only by secure partitions (client id > 0); its public key may
 * be exported by them. */
#define RP_BUILTIN_KEY_ID_IAK             ((psa_key_id_t)0x7fff0001)
/* Platform derivation key: DERIVE, 256 bits, HKDF(SHA-256), usage DERIVE. Derived from
 * the hardware unique key separately for each client: two clients naming this id get
 * different keys. */
#define RP_BUILTIN_KEY_ID_PLATFORM_DERIVE ((psa_key_id_t)0x7fff0002)
#define RP_BUILTIN_KEY_ID_MIN             ((psa_key_id_t)0x7fff0000)
#define RP_BUILTIN_KEY_ID_MAX             ((psa_key_id_t)0x7fffefff)

#endif

/* headers_strict.c - psa/crypto.h alone, every size macro in a constant expression, under
 * -std=c99 -Wall -Wextra -Werror -pedantic (test_host_link.sh, gcc and arm-none-eabi-gcc). */
#include "psa/crypto.h"

#define KT PSA_KEY_TYPE_AES
static uint8_t sizes[PSA_HASH_LENGTH(PSA_ALG_SHA_512) + PSA_HASH_MAX_SIZE +
                     PSA_HASH_BLOCK_LENGTH(PSA_ALG_SHA_256) + PSA_HASH_SUSPEND_OUTPUT_MAX_SIZE +
                     PSA_MAC_LENGTH(KT, 128, PSA_ALG_CMAC) + PSA_MAC_MAX_SIZE +
                     PSA_AEAD_ENCRYPT_OUTPUT_SIZE(KT, PSA_ALG_GCM, 10) +
                     PSA_AEAD_DECRYPT_OUTPUT_SIZE(KT, PSA_ALG_CCM, 40) +
                     PSA_AEAD_UPDATE_OUTPUT_SIZE(KT, PSA_ALG_GCM, 10) +
                     PSA_AEAD_FINISH_OUTPUT_SIZE(KT, PSA_ALG_GCM) +
                     PSA_AEAD_VERIFY_OUTPUT_SIZE(KT, PSA_ALG_GCM) +
                     PSA_AEAD_NONCE_LENGTH(KT, PSA_ALG_CCM) + PSA_AEAD_NONCE_MAX_SIZE +
                     PSA_AEAD_TAG_LENGTH(KT, 128, PSA_ALG_GCM) +
                     PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(KT, PSA_ALG_CBC_PKCS7, 17) +
                     PSA_CIPHER_DECRYPT_OUTPUT_SIZE(KT, PSA_ALG_CTR, 40) +
                     PSA_CIPHER_UPDATE_OUTPUT_SIZE(KT, PSA_ALG_CBC_NO_PADDING, 17) +
                     PSA_CIPHER_FINISH_OUTPUT_SIZE(KT, PSA_ALG_CBC_PKCS7) +
                     PSA_CIPHER_IV_LENGTH(KT, PSA_ALG_CTR) + PSA_CIPHER_IV_MAX_SIZE +
                     PSA_SIGN_OUTPUT_SIZE(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1),
                                          256, PSA_ALG_ECDSA(PSA_ALG_SHA_256)) +
                     PSA_SIGNATURE_MAX_SIZE + PSA_EXPORT_KEY_PAIR_MAX_SIZE +
                     PSA_EXPORT_PUBLIC_KEY_MAX_SIZE +
                     PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048) +
                     PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048) +
                     PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048,
                                                        PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256)) +
                     PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE +
                     PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE + PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE];

int rp_headers_strict(void);
int rp_headers_strict(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_hash_operation_t h = PSA_HASH_OPERATION_INIT;
    psa_mac_operation_t m = PSA_MAC_OPERATION_INIT;
    psa_cipher_operation_t c = PSA_CIPHER_OPERATION_INIT;
    psa_aead_operation_t e = PSA_AEAD_OPERATION_INIT;
    psa_key_derivation_operation_t d = PSA_KEY_DERIVATION_OPERATION_INIT;
    a = psa_key_attributes_init();
    h = psa_hash_operation_init();
    m = psa_mac_operation_init();
    c = psa_cipher_operation_init();
    e = psa_aead_operation_init();
    d = psa_key_derivation_operation_init();
    psa_set_key_id(&a, 1);
    return (int)sizeof sizes + (int)psa_get_key_lifetime(&a) + (int)h.handle + (int)m.handle +
           (int)c.handle + (int)e.handle + (int)d.handle +
           PSA_ALG_IS_WILDCARD(PSA_ALG_ECDSA(PSA_ALG_ANY_HASH)) +
           PSA_ALG_IS_RAW_KEY_AGREEMENT(PSA_ALG_ECDH) + PSA_KEY_TYPE_IS_ECC(0x7112) +
           (PSA_CRYPTO_API_VERSION_MAJOR == 1 && PSA_CRYPTO_API_VERSION_MINOR == 1);
}

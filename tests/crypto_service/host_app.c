/* host_app.c - a plain PSA Crypto application, written against the specification only,
 * built by test_host_link.sh with  cc -I<prefix>/include host_app.c <prefix>/lib/librampart.a
 * Prints "host_app OK" and exits 0 when every step works. */
#include <stdio.h>
#include <string.h>
#include "psa/crypto.h"
#include "psa/internal_trusted_storage.h"
#include "psa/protected_storage.h"

#define TRY(x) do { psa_status_t s_ = (x); if (s_ != PSA_SUCCESS) { \
    printf("%s failed: %d\n", #x, (int)s_); return 1; } } while (0)

int main(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t aes, ecc;
    uint8_t nonce[12] = { 0 }, msg[40], ct[PSA_AEAD_ENCRYPT_OUTPUT_MAX_SIZE(40)], pt[40];
    uint8_t hash[PSA_HASH_MAX_SIZE], sig[PSA_SIGNATURE_MAX_SIZE];
    size_t ct_len, pt_len, hash_len, sig_len;

    memset(msg, 'm', sizeof msg);
    TRY(psa_crypto_init());
    TRY(psa_hash_compute(PSA_ALG_SHA_256, msg, sizeof msg, hash, sizeof hash, &hash_len));
    psa_set_key_type(&a, PSA_KEY_TYPE_AES);
    psa_set_key_bits(&a, 128);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT);
    psa_set_key_algorithm(&a, PSA_ALG_GCM);
    TRY(psa_generate_key(&a, &aes));
    TRY(psa_aead_encrypt(aes, PSA_ALG_GCM, nonce, sizeof nonce, NULL, 0, msg, sizeof msg, ct,
                         sizeof ct, &ct_len));
    TRY(psa_aead_decrypt(aes, PSA_ALG_GCM, nonce, sizeof nonce, NULL, 0, ct, ct_len, pt,
                         sizeof pt, &pt_len));
    if (pt_len != sizeof msg || memcmp(pt, msg, pt_len) != 0)
        return 1;
    psa_reset_key_attributes(&a);
    psa_set_key_type(&a, PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1));
    psa_set_key_bits(&a, 256);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH);
    psa_set_key_algorithm(&a, PSA_ALG_ECDSA(PSA_ALG_SHA_256));
    TRY(psa_generate_key(&a, &ecc));
    TRY(psa_sign_hash(ecc, PSA_ALG_ECDSA(PSA_ALG_SHA_256), hash, hash_len, sig, sizeof sig,
                      &sig_len));
    TRY(psa_verify_hash(ecc, PSA_ALG_ECDSA(PSA_ALG_SHA_256), hash, hash_len, sig, sig_len));
    TRY(psa_destroy_key(aes));
    TRY(psa_destroy_key(ecc));

    /* PSA storage through the same library (ITS and PS cores over simulated flash) */
    struct psa_storage_info_t info;
    char back[8];
    size_t got;
    TRY(psa_its_set(1, 5, "hello", PSA_STORAGE_FLAG_NONE));
    TRY(psa_its_get(1, 1, sizeof back, back, &got));
    TRY(psa_its_get_info(1, &info));
    if (got != 4 || memcmp(back, "ello", 4) != 0 || info.size != 5)
        return 1;
    TRY(psa_its_set(2, 3, "one", PSA_STORAGE_FLAG_WRITE_ONCE));
    if (psa_its_set(2, 3, "two", 0) != PSA_ERROR_NOT_PERMITTED ||
        psa_its_remove(2) != PSA_ERROR_NOT_PERMITTED || psa_its_set(0, 1, "x", 0) !=
        PSA_ERROR_INVALID_ARGUMENT || psa_its_get(3, 0, 1, back, &got) !=
        PSA_ERROR_DOES_NOT_EXIST)
        return 1;
    TRY(psa_its_remove(1));
    TRY(psa_ps_set(5, 6, "secret", PSA_STORAGE_FLAG_NONE));
    TRY(psa_ps_get(5, 0, sizeof back, back, &got));
    if (got != 6 || memcmp(back, "secret", 6) != 0 || psa_ps_get_support() != 0 ||
        psa_ps_create(6, 10, 0) != PSA_ERROR_NOT_SUPPORTED)
        return 1;
    TRY(psa_ps_remove(5));
    printf("host_app OK\n");
    return 0;
}

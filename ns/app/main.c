/* ns_demo - the non-secure demo: the round trip through the secure gateway, then the PSA
 * Crypto service (when the image has it): a SHA-256, and a P-256 key that signs and
 * verifies a message without ever leaving the secure side. */
#include <stdint.h>

#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "rp_print.h"

#ifdef RP_CRYPTO_SID
#include "psa/crypto.h"

static int crypto_demo(void)
{
    static const uint8_t msg[] = "abc";
    uint8_t hash[32], sig[64];
    size_t n = 0;
    psa_key_id_t key = 0;
    psa_key_attributes_t attr = PSA_KEY_ATTRIBUTES_INIT;

    if (psa_crypto_init() != PSA_SUCCESS ||
        psa_hash_compute(PSA_ALG_SHA_256, msg, 3, hash, sizeof hash, &n) != PSA_SUCCESS) {
        return 1;
    }
    rp_printf("[NS] SHA-256(\"abc\") = %02x%02x%02x%02x...%02x%02x (Crypto service)\r\n",
              hash[0], hash[1], hash[2], hash[3], hash[30], hash[31]);
    psa_set_key_type(&attr, PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1));
    psa_set_key_bits(&attr, 256);
    psa_set_key_usage_flags(&attr, PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE);
    psa_set_key_algorithm(&attr, PSA_ALG_ECDSA(PSA_ALG_SHA_256));
    psa_status_t gen = psa_generate_key(&attr, &key);
    if (gen == PSA_ERROR_NOT_SUPPORTED) {   /* a profile without elliptic curves */
        rp_printf("[NS] P-256: not in this image's Crypto service (PSA_ERROR_NOT_SUPPORTED)\r\n");
        return 0;
    }
    if (gen != PSA_SUCCESS ||
        psa_sign_message(key, PSA_ALG_ECDSA(PSA_ALG_SHA_256), msg, 3, sig, sizeof sig, &n) !=
            PSA_SUCCESS) {
        return 1;
    }
    psa_status_t ok = psa_verify_message(key, PSA_ALG_ECDSA(PSA_ALG_SHA_256), msg, 3, sig, n);
    sig[5] ^= 1;
    psa_status_t bad = psa_verify_message(key, PSA_ALG_ECDSA(PSA_ALG_SHA_256), msg, 3, sig, n);
    (void)psa_destroy_key(key);
    rp_printf("[NS] P-256 key in the secure side: signature verifies: %s, altered one: %s\r\n",
              ok == PSA_SUCCESS ? "yes" : "no", bad == PSA_ERROR_INVALID_SIGNATURE ? "refused" : "?");
    return ok == PSA_SUCCESS && bad == PSA_ERROR_INVALID_SIGNATURE ? 0 : 1;
}
#endif

int main(void)
{
    uint32_t v = psa_framework_version();

    rp_printf("[NS] hello from the non-secure side\r\n");
    rp_printf("[NS] psa_framework_version() = 0x%04x (FF-M %u.%u)\r\n", (unsigned)v,
              (unsigned)(v >> 8), (unsigned)(v & 0xFFu));
    if (v != PSA_FRAMEWORK_VERSION) {
        rp_printf("[NS] unexpected framework version\r\n");
        return 1;
    }
#ifdef RP_CRYPTO_SID
    if (crypto_demo() != 0) {
        rp_printf("[NS] crypto demo failed\r\n");
        return 1;
    }
#endif
    rp_printf("[NS] demo done\r\n");
    return 0;
}

/* test_crypto - the PSA Crypto suite: key management, policies, every supported algorithm
 * with known answers from the standards, the unsupported ones refused, and the bad
 * arguments of each function. One source, three runs:
 *  - in QEMU from the non-secure side, through psa_call to the Crypto partition
 *    (fw.<config>.crypto_suite);
 *  - in QEMU from a secure client: the same case functions compiled into the test
 *    partition tests/partitions/sp_crypto_client (RP_CRYPTO_CASES_ONLY), which runs case i
 *    of SHARED_CASES when called with type i, through the secure client library with its
 *    own client id; the NS image drives it after its own run (suite "crypto_s",
 *    fw.<config>.crypto_suite_s);
 *  - on the host through librampart.a (crypto_service.suite; RP_HOST_SUITE defined).
 * NS and host run as NS client -1 and borrow client -2 for the ownership cases. */
#include <stdint.h>
#include <string.h>

#ifdef RP_CRYPTO_CASES_ONLY
/* In the secure partition the suite's failure note has a name of its own (the storage
 * client partition has an ns_test_note, and at levels 2 and 3 a partition may not call
 * another's code) and says nothing: no console at level 3, the line is the answer. */
#define ns_test_note rp_crypto_s_note
#endif
#include "ns_test.h"
#ifdef RP_CRYPTO_CASES_ONLY
void ns_test_note(int line, const char *what)
{
    (void)line;
    (void)what;
}
#endif
#include "psa/crypto.h"
#include "rp_test_crypto_build.h"            /* RP_TEST_CRYPTO_RSA: the build has RSA */
#include "rp_test_rsa_kat.h"
/* The long RSA cases (a 4096-bit private operation, RSA-2048 key generation) run on the
 * host always, on the device when the NS image is built with RP_CRYPTO_RSA_LONG: they
 * take seconds to minutes of QEMU time (docs/crypto-service.md). */
#if defined(RP_HOST_SUITE) || defined(RP_CRYPTO_RSA_LONG)
#define RP_RSA_LONG_CASES 1
#endif
#ifdef RP_HOST_SUITE
#include "rp_host.h"
static void set_client(int32_t id) { rp_host_set_client(id); }
#elif defined(RP_CRYPTO_CASES_ONLY)
#include "psa/client.h"
#include "psa_manifest/sid.h"
#else
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "rp_ns_client.h"
static void set_client(int32_t id) { (void)rp_ns_client_set(id); }
#endif

#define OK PSA_SUCCESS
#define CHECK_OK(x) NS_CHECK((x) == PSA_SUCCESS)

static uint8_t b1[1100], b2[1100], b3[1100];
static uint8_t k1[140], v1[128], v2[128];
static uint8_t big[3000], big2[3000 + 32];   /* long inputs (long_io, hash_suspend) */
static size_t n1, n2, n3;

/* Hex to bytes (lower or upper case); returns the byte count. */
static size_t hx(uint8_t *out, const char *h)
{
    size_t n = 0;
    for (; h[0] && h[1]; h += 2) {
        int hi = h[0] <= '9' ? h[0] - '0' : (h[0] | 0x20) - 'a' + 10;
        int lo = h[1] <= '9' ? h[1] - '0' : (h[1] | 0x20) - 'a' + 10;
        out[n++] = (uint8_t)(hi << 4 | lo);
    }
    return n;
}

static int eqhex(const uint8_t *p, size_t n, const char *h)
{
    static uint8_t t[256];
    return hx(t, h) == n && memcmp(p, t, n) == 0;
}

static psa_key_id_t import(psa_key_type_t type, psa_key_usage_t usage, psa_algorithm_t alg,
                           const uint8_t *d, size_t n)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id = 0;
    psa_set_key_type(&a, type);
    psa_set_key_usage_flags(&a, usage);
    psa_set_key_algorithm(&a, alg);
    return psa_import_key(&a, d, n, &id) == PSA_SUCCESS ? id : 0;
}

static psa_key_id_t import_hex(psa_key_type_t type, psa_key_usage_t usage,
                               psa_algorithm_t alg, const char *h)
{
    return import(type, usage, alg, k1, hx(k1, h));
}

#define ENC_DEC (PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT)
#define SP800_38A_K "2b7e151628aed2a6abf7158809cf4f3c"
#define SP800_38A_P "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51" \
                    "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710"
#define SP800_38A_IV "000102030405060708090a0b0c0d0e0f"
#define P256 PSA_ECC_FAMILY_SECP_R1

/* ---------------- key management ---------------- */
static int t_init(void)
{
    CHECK_OK(psa_crypto_init());
    CHECK_OK(psa_crypto_init());   /* idempotent */
    return 0;
}

static int t_key_attributes(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id = import_hex(PSA_KEY_TYPE_AES, PSA_KEY_USAGE_EXPORT | ENC_DEC,
                                 PSA_ALG_CBC_NO_PADDING, SP800_38A_K);
    NS_CHECK(id != 0);
    CHECK_OK(psa_get_key_attributes(id, &a));
    NS_CHECK(psa_get_key_type(&a) == PSA_KEY_TYPE_AES && psa_get_key_bits(&a) == 128);
    NS_CHECK(psa_get_key_usage_flags(&a) == (PSA_KEY_USAGE_EXPORT | ENC_DEC));
    NS_CHECK(psa_get_key_algorithm(&a) == PSA_ALG_CBC_NO_PADDING);
    NS_CHECK(psa_get_key_lifetime(&a) == PSA_KEY_LIFETIME_VOLATILE);
    NS_CHECK(psa_get_key_id(&a) == id);
    CHECK_OK(psa_export_key(id, b1, sizeof b1, &n1));
    NS_CHECK(eqhex(b1, n1, SP800_38A_K));
    NS_CHECK(psa_export_key(id, b1, 15, &n1) == PSA_ERROR_BUFFER_TOO_SMALL);
    NS_CHECK(psa_export_public_key(id, b1, sizeof b1, &n1) == PSA_ERROR_INVALID_ARGUMENT);
    CHECK_OK(psa_destroy_key(id));
    NS_CHECK(psa_get_key_attributes(id, &a) == PSA_ERROR_INVALID_HANDLE);
    NS_CHECK(psa_export_key(id, b1, sizeof b1, &n1) == PSA_ERROR_INVALID_HANDLE);
    NS_CHECK(psa_destroy_key(id) == PSA_ERROR_INVALID_HANDLE);
    CHECK_OK(psa_destroy_key(PSA_KEY_ID_NULL));
    NS_CHECK(psa_destroy_key(0x5eadbeefu) == PSA_ERROR_INVALID_HANDLE);
    return 0;
}

static int t_import_errors(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id = 0;
    psa_set_key_type(&a, PSA_KEY_TYPE_AES);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_EXPORT);
    memset(k1, 0x11, 40);
    NS_CHECK(psa_import_key(&a, k1, 15, &id) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_import_key(&a, k1, 0, &id) == PSA_ERROR_INVALID_ARGUMENT);
    psa_set_key_bits(&a, 256);                       /* bits disagree with the data */
    NS_CHECK(psa_import_key(&a, k1, 16, &id) == PSA_ERROR_INVALID_ARGUMENT);
    psa_set_key_bits(&a, 0);
    psa_set_key_type(&a, PSA_KEY_TYPE_NONE);
    NS_CHECK(psa_import_key(&a, k1, 16, &id) == PSA_ERROR_INVALID_ARGUMENT);
    psa_set_key_type(&a, PSA_KEY_TYPE_DES);
    NS_CHECK(psa_import_key(&a, k1, 8, &id) == PSA_ERROR_NOT_SUPPORTED);
    psa_set_key_type(&a, PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_K1));
    NS_CHECK(psa_import_key(&a, k1, 32, &id) == PSA_ERROR_NOT_SUPPORTED);
#if RP_TEST_CRYPTO_ECC
    psa_set_key_type(&a, PSA_KEY_TYPE_ECC_KEY_PAIR(P256));
    memset(k1, 0xff, 32);                            /* d >= n */
    NS_CHECK(psa_import_key(&a, k1, 32, &id) == PSA_ERROR_INVALID_ARGUMENT);
    memset(k1, 0, 32);                               /* d = 0 */
    NS_CHECK(psa_import_key(&a, k1, 32, &id) == PSA_ERROR_INVALID_ARGUMENT);
    psa_set_key_type(&a, PSA_KEY_TYPE_ECC_PUBLIC_KEY(P256));
    k1[0] = 0x04;                                    /* (0, 0) is not on the curve */
    NS_CHECK(psa_import_key(&a, k1, 65, &id) == PSA_ERROR_INVALID_ARGUMENT);
#endif
    psa_set_key_type(&a, PSA_KEY_TYPE_AES);
    psa_set_key_id(&a, 0x42);                        /* persistent ... */
    psa_set_key_lifetime(&a, PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
                                 PSA_KEY_PERSISTENCE_DEFAULT, 7)); /* ... elsewhere */
    NS_CHECK(psa_import_key(&a, k1, 16, &id) == PSA_ERROR_INVALID_ARGUMENT);
    psa_set_key_lifetime(&a, PSA_KEY_LIFETIME_PERSISTENT);
    psa_set_key_id(&a, PSA_KEY_ID_VENDOR_MIN);       /* not the application's range */
    NS_CHECK(psa_import_key(&a, k1, 16, &id) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(id == 0);
    return 0;
}

static int t_generate_copy(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id = 0, cp = 0, tmp = 1;
    psa_set_key_type(&a, PSA_KEY_TYPE_AES);
    psa_set_key_bits(&a, 256);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_COPY | ENC_DEC);
    psa_set_key_algorithm(&a, PSA_ALG_CTR);
    CHECK_OK(psa_generate_key(&a, &id));
    CHECK_OK(psa_export_key(id, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 32);
    /* copy: usage is the intersection; a narrower policy is refused if incompatible */
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_ENCRYPT);
    CHECK_OK(psa_copy_key(id, &a, &cp));
    CHECK_OK(psa_export_key(cp, b2, sizeof b2, &n2));
    NS_CHECK(n2 == 32 && memcmp(b1, b2, 32) == 0);
    CHECK_OK(psa_get_key_attributes(cp, &a));
    NS_CHECK(psa_get_key_usage_flags(&a) == (PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_ENCRYPT));
    NS_CHECK(psa_copy_key(id, &a, &tmp) == PSA_ERROR_INVALID_ARGUMENT); /* volatile + id */
    NS_CHECK(tmp == PSA_KEY_ID_NULL);
    psa_set_key_lifetime(&a, PSA_KEY_LIFETIME_VOLATILE);             /* clears the id */
    psa_set_key_algorithm(&a, PSA_ALG_CBC_NO_PADDING);
    NS_CHECK(psa_copy_key(id, &a, &tmp) == PSA_ERROR_INVALID_ARGUMENT);
    psa_set_key_algorithm(&a, PSA_ALG_CTR);
    NS_CHECK(psa_copy_key(cp, &a, &tmp) == PSA_ERROR_NOT_PERMITTED);   /* no COPY usage */
    psa_set_key_bits(&a, 128);
    NS_CHECK(psa_copy_key(id, &a, &tmp) == PSA_ERROR_INVALID_ARGUMENT);
    CHECK_OK(psa_destroy_key(id));
    CHECK_OK(psa_destroy_key(cp));
    /* generate: a public key cannot be generated, a size must be given */
    psa_set_key_type(&a, PSA_KEY_TYPE_ECC_PUBLIC_KEY(P256));
    psa_set_key_bits(&a, 256);
    NS_CHECK(psa_generate_key(&a, &id) == PSA_ERROR_INVALID_ARGUMENT);
    psa_set_key_type(&a, PSA_KEY_TYPE_HMAC);
    psa_set_key_bits(&a, 0);
    NS_CHECK(psa_generate_key(&a, &id) == PSA_ERROR_INVALID_ARGUMENT);
    psa_set_key_type(&a, PSA_KEY_TYPE_DH_KEY_PAIR(PSA_DH_FAMILY_RFC7919));
    psa_set_key_bits(&a, 2048);
    NS_CHECK(psa_generate_key(&a, &id) == PSA_ERROR_NOT_SUPPORTED);
    return 0;
}

static int t_persistent(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id = 0;
    psa_set_key_type(&a, PSA_KEY_TYPE_HMAC);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_EXPORT);
    psa_set_key_algorithm(&a, PSA_ALG_HMAC(PSA_ALG_SHA_256));
    psa_set_key_id(&a, 0x1234);
    NS_CHECK(psa_get_key_lifetime(&a) == PSA_KEY_LIFETIME_PERSISTENT);
    (void)psa_destroy_key(0x1234);                   /* left over from an earlier run */
    memset(k1, 0x0b, 20);
    CHECK_OK(psa_import_key(&a, k1, 20, &id));
    NS_CHECK(id == 0x1234);
    NS_CHECK(psa_import_key(&a, k1, 20, &id) == PSA_ERROR_ALREADY_EXISTS);
    CHECK_OK(psa_get_key_attributes(0x1234, &a));
    NS_CHECK(psa_get_key_lifetime(&a) == PSA_KEY_LIFETIME_PERSISTENT && psa_get_key_bits(&a) == 160);
    CHECK_OK(psa_mac_compute(0x1234, PSA_ALG_HMAC(PSA_ALG_SHA_256), (const uint8_t *)"Hi There",
                             8, b1, sizeof b1, &n1));
    NS_CHECK(eqhex(b1, n1, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"));
    CHECK_OK(psa_purge_key(0x1234));
    CHECK_OK(psa_export_key(0x1234, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 20 && memcmp(b1, k1, 20) == 0);
    CHECK_OK(psa_destroy_key(0x1234));
    NS_CHECK(psa_export_key(0x1234, b1, sizeof b1, &n1) == PSA_ERROR_INVALID_HANDLE);
    return 0;
}

/* ---------------- unauthenticated ciphers ---------------- */
/* Multipart with a given IV (in uneven pieces), compared with the SP 800-38A ciphertext;
 * then the one-shot decryption of IV || ciphertext. */
static int cipher_kat(psa_algorithm_t alg, const char *iv, const char *ct)
{
    psa_cipher_operation_t op = PSA_CIPHER_OPERATION_INIT;
    psa_key_id_t id = import_hex(PSA_KEY_TYPE_AES, ENC_DEC, alg, SP800_38A_K);
    size_t pl = hx(v1, SP800_38A_P), ivl = iv ? hx(b3, iv) : 0, done = 0, chunk = 1;
    NS_CHECK(id != 0);
    CHECK_OK(psa_cipher_encrypt_setup(&op, id, alg));
    if (iv)
        CHECK_OK(psa_cipher_set_iv(&op, b3, ivl));
    for (size_t off = 0; off < pl; off += chunk, chunk = chunk * 2 + 1) {
        size_t c = chunk < pl - off ? chunk : pl - off;
        CHECK_OK(psa_cipher_update(&op, v1 + off, c, b1 + done, sizeof b1 - done, &n1));
        done += n1;
    }
    CHECK_OK(psa_cipher_finish(&op, b1 + done, sizeof b1 - done, &n1));
    done += n1;
    NS_CHECK(eqhex(b1, done, ct));
    memcpy(b2 + ivl, b1, done);                      /* b2 = IV || ciphertext */
    memcpy(b2, b3, ivl);
    CHECK_OK(psa_cipher_decrypt(id, alg, b2, ivl + done, b1, sizeof b1, &n1));
    NS_CHECK(n1 == pl && memcmp(b1, v1, pl) == 0);
    /* long input: one-shot round trip with a random IV */
    memset(b3, 0x5a, 1000);
    n2 = alg == PSA_ALG_CBC_NO_PADDING || alg == PSA_ALG_ECB_NO_PADDING ? 992 : 1000;
    CHECK_OK(psa_cipher_encrypt(id, alg, b3, n2, b1, sizeof b1, &n1));
    NS_CHECK(n1 == n2 + ivl);
    CHECK_OK(psa_cipher_decrypt(id, alg, b1, n1, b2, sizeof b2, &n3));
    NS_CHECK(n3 == n2 && memcmp(b2, b3, n2) == 0);
    CHECK_OK(psa_destroy_key(id));
    return 0;
}

static int t_aes_ecb(void)
{
    return cipher_kat(PSA_ALG_ECB_NO_PADDING, 0,
                      "3ad77bb40d7a3660a89ecaf32466ef97f5d3d58503b9699de785895a96fdbaaf"
                      "43b1cd7f598ece23881b00e3ed0306887b0c785e27e8ad3f8223207104725dd4");
}

static int t_aes_cbc(void)
{
    return cipher_kat(PSA_ALG_CBC_NO_PADDING, SP800_38A_IV,
                      "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
                      "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7");
}

static int t_aes_cfb(void)
{
    return cipher_kat(PSA_ALG_CFB, SP800_38A_IV,
                      "3b3fd92eb72dad20333449f8e83cfb4ac8a64537a0b3a93fcde3cdad9f1ce58b"
                      "26751f67a3cbb140b1808cf187a4f4dfc04b05357c5d1c0eeac4c66f9ff7f2e6");
}

static int t_aes_ofb(void)
{
    return cipher_kat(PSA_ALG_OFB, SP800_38A_IV,
                      "3b3fd92eb72dad20333449f8e83cfb4a7789508d16918f03f53c52dac54ed825"
                      "9740051e9c5fecf64344f7a82260edcc304c6528f659c77866a510d9c1d6ae5e");
}

static int t_aes_ctr(void)
{
    return cipher_kat(PSA_ALG_CTR, "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
                      "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff"
                      "5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee");
}

static int t_aes_cbc_pkcs7(void)
{
    static const size_t lens[] = { 0, 1, 15, 16, 17, 100 };
    psa_key_id_t id = import_hex(PSA_KEY_TYPE_AES, ENC_DEC, PSA_ALG_CBC_PKCS7, SP800_38A_K);
    psa_key_id_t raw = import_hex(PSA_KEY_TYPE_AES, ENC_DEC, PSA_ALG_CBC_NO_PADDING,
                                  SP800_38A_K);
    NS_CHECK(id != 0 && raw != 0);
    for (unsigned i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        memset(b3, (int)(0x30 + i), lens[i]);
        CHECK_OK(psa_cipher_encrypt(id, PSA_ALG_CBC_PKCS7, b3, lens[i], b1, sizeof b1, &n1));
        NS_CHECK(n1 == 16 + (lens[i] / 16 + 1) * 16);
        NS_CHECK(n1 == PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7, lens[i]));
        /* the padding is PKCS#7's: the unpadded decryption ends in n copies of n */
        CHECK_OK(psa_cipher_decrypt(raw, PSA_ALG_CBC_NO_PADDING, b1, n1, b2, sizeof b2, &n2));
        NS_CHECK(n2 == n1 - 16 && b2[n2 - 1] == 16 - lens[i] % 16);
        NS_CHECK(memcmp(b2, b3, lens[i]) == 0);
        CHECK_OK(psa_cipher_decrypt(id, PSA_ALG_CBC_PKCS7, b1, n1, b2, sizeof b2, &n2));
        NS_CHECK(n2 == lens[i] && memcmp(b2, b3, lens[i]) == 0);
    }
    /* a last block that ends in 0x00 is not PKCS#7 padding */
    memset(b3, 0, 16);
    CHECK_OK(psa_cipher_encrypt(raw, PSA_ALG_CBC_NO_PADDING, b3, 16, b1, sizeof b1, &n1));
    NS_CHECK(psa_cipher_decrypt(id, PSA_ALG_CBC_PKCS7, b1, n1, b2, sizeof b2, &n2) ==
             PSA_ERROR_INVALID_PADDING);
    NS_CHECK(psa_cipher_decrypt(id, PSA_ALG_CBC_PKCS7, b1, 16 + 15, b2, sizeof b2, &n2) ==
             PSA_ERROR_INVALID_ARGUMENT);
    CHECK_OK(psa_destroy_key(id));
    CHECK_OK(psa_destroy_key(raw));
    return 0;
}

static int t_cipher_errors(void)
{
    psa_cipher_operation_t op = PSA_CIPHER_OPERATION_INIT;
    psa_key_id_t id = import_hex(PSA_KEY_TYPE_AES, PSA_KEY_USAGE_ENCRYPT,
                                 PSA_ALG_CBC_NO_PADDING, SP800_38A_K);
    psa_key_id_t h = import_hex(PSA_KEY_TYPE_HMAC, PSA_KEY_USAGE_ENCRYPT,
                                PSA_ALG_CBC_NO_PADDING, SP800_38A_K);
    psa_key_id_t x = import_hex(PSA_KEY_TYPE_AES, ENC_DEC, PSA_ALG_XTS,
                                SP800_38A_K SP800_38A_K);
    NS_CHECK(id && h && x);
    memset(b3, 1, 64);
    NS_CHECK(psa_cipher_encrypt(id, PSA_ALG_HMAC(PSA_ALG_SHA_256), b3, 16, b1, sizeof b1,
                                &n1) == PSA_ERROR_INVALID_ARGUMENT);   /* not a cipher */
    NS_CHECK(psa_cipher_encrypt(h, PSA_ALG_CBC_NO_PADDING, b3, 16, b1, sizeof b1, &n1) ==
             PSA_ERROR_INVALID_ARGUMENT);                             /* wrong key type */
    NS_CHECK(psa_cipher_encrypt(x, PSA_ALG_XTS, b3, 32, b1, sizeof b1, &n1) ==
             PSA_ERROR_NOT_SUPPORTED);
    NS_CHECK(psa_cipher_encrypt(id, PSA_ALG_CTR, b3, 16, b1, sizeof b1, &n1) ==
             PSA_ERROR_NOT_PERMITTED);                                /* policy: CBC only */
    NS_CHECK(psa_cipher_decrypt(id, PSA_ALG_CBC_NO_PADDING, b3, 32, b1, sizeof b1, &n1) ==
             PSA_ERROR_NOT_PERMITTED);                                /* no DECRYPT usage */
    NS_CHECK(psa_cipher_encrypt(id, PSA_ALG_CBC_NO_PADDING, b3, 15, b1, sizeof b1, &n1) ==
             PSA_ERROR_INVALID_ARGUMENT);                             /* not whole blocks */
    NS_CHECK(psa_cipher_encrypt(id, PSA_ALG_CBC_NO_PADDING, b3, 16, b1, 31, &n1) ==
             PSA_ERROR_BUFFER_TOO_SMALL);
    NS_CHECK(psa_cipher_encrypt(0x7ffeffffu, PSA_ALG_CBC_NO_PADDING, b3, 16, b1, sizeof b1,
                                &n1) == PSA_ERROR_INVALID_HANDLE);
    /* multipart misuse */
    NS_CHECK(psa_cipher_update(&op, b3, 16, b1, sizeof b1, &n1) == PSA_ERROR_BAD_STATE);
    CHECK_OK(psa_cipher_encrypt_setup(&op, id, PSA_ALG_CBC_NO_PADDING));
    NS_CHECK(psa_cipher_encrypt_setup(&op, id, PSA_ALG_CBC_NO_PADDING) == PSA_ERROR_BAD_STATE);
    CHECK_OK(psa_cipher_abort(&op));
    CHECK_OK(psa_cipher_encrypt_setup(&op, id, PSA_ALG_CBC_NO_PADDING));
    NS_CHECK(psa_cipher_update(&op, b3, 16, b1, sizeof b1, &n1) == PSA_ERROR_BAD_STATE);
    CHECK_OK(psa_cipher_abort(&op));
    CHECK_OK(psa_cipher_encrypt_setup(&op, id, PSA_ALG_CBC_NO_PADDING));
    NS_CHECK(psa_cipher_set_iv(&op, b3, 8) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_cipher_set_iv(&op, b3, 16) == PSA_ERROR_BAD_STATE);  /* error state */
    CHECK_OK(psa_cipher_abort(&op));
    CHECK_OK(psa_cipher_encrypt_setup(&op, id, PSA_ALG_CBC_NO_PADDING));
    NS_CHECK(psa_cipher_generate_iv(&op, b2, 15, &n2) == PSA_ERROR_BUFFER_TOO_SMALL);
    CHECK_OK(psa_cipher_abort(&op));
    CHECK_OK(psa_cipher_encrypt_setup(&op, id, PSA_ALG_CBC_NO_PADDING));
    CHECK_OK(psa_cipher_generate_iv(&op, b2, sizeof b2, &n2));
    NS_CHECK(n2 == 16);
    NS_CHECK(psa_cipher_set_iv(&op, b2, 16) == PSA_ERROR_BAD_STATE);
    CHECK_OK(psa_cipher_abort(&op));
    CHECK_OK(psa_cipher_encrypt_setup(&op, id, PSA_ALG_CBC_NO_PADDING));
    CHECK_OK(psa_cipher_set_iv(&op, b2, 16));
    CHECK_OK(psa_cipher_update(&op, b3, 20, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 16);
    NS_CHECK(psa_cipher_finish(&op, b1, sizeof b1, &n1) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_cipher_finish(&op, b1, sizeof b1, &n1) == PSA_ERROR_BAD_STATE);
    CHECK_OK(psa_cipher_abort(&op));
    CHECK_OK(psa_cipher_abort(&op));                 /* aborting twice is fine */
    NS_CHECK(psa_cipher_update(&op, b3, 16, b1, sizeof b1, &n1) == PSA_ERROR_BAD_STATE);
    CHECK_OK(psa_destroy_key(id));
    CHECK_OK(psa_destroy_key(h));
    CHECK_OK(psa_destroy_key(x));
    return 0;
}

/* Input and output may be the same buffer (Crypto API 1.1, 5.4.4). */
static int t_in_place(void)
{
    psa_cipher_operation_t op = PSA_CIPHER_OPERATION_INIT;
    uint8_t nonce[12] = { 1 };
    size_t done = 0;
    psa_key_id_t cbc = import_hex(PSA_KEY_TYPE_AES, ENC_DEC, PSA_ALG_CBC_PKCS7, SP800_38A_K);
    psa_key_id_t raw = import_hex(PSA_KEY_TYPE_AES, ENC_DEC, PSA_ALG_CBC_NO_PADDING,
                                  SP800_38A_K);
    psa_key_id_t gcm = import_hex(PSA_KEY_TYPE_AES, ENC_DEC, PSA_ALG_GCM, SP800_38A_K);
    NS_CHECK(cbc && raw && gcm);
    for (unsigned i = 0; i < 100; i++)
        b3[i] = (uint8_t)(i * 5);
    memcpy(b1, b3, 100);                             /* one-shot, output over the input */
    CHECK_OK(psa_cipher_encrypt(cbc, PSA_ALG_CBC_PKCS7, b1, 100, b1, sizeof b1, &n1));
    CHECK_OK(psa_cipher_decrypt(cbc, PSA_ALG_CBC_PKCS7, b1, n1, b1, sizeof b1, &n2));
    NS_CHECK(n2 == 100 && memcmp(b1, b3, 100) == 0);
    /* multipart CBC in place, with partial blocks pending between updates (SP 800-38A) */
    hx(b1, SP800_38A_P);
    CHECK_OK(psa_cipher_encrypt_setup(&op, raw, PSA_ALG_CBC_NO_PADDING));
    CHECK_OK(psa_cipher_set_iv(&op, b2, hx(b2, SP800_38A_IV)));
    for (size_t off = 0, c = 5; off < 64; off += c, c = 64 - off < 23 ? 64 - off : 23) {
        CHECK_OK(psa_cipher_update(&op, b1 + off, c, b1 + done, sizeof b1 - done, &n1));
        done += n1;
    }
    CHECK_OK(psa_cipher_finish(&op, b1 + done, sizeof b1 - done, &n1));
    NS_CHECK(eqhex(b1, done + n1,
                   "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
                   "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7"));
    /* AEAD one-shot in place */
    memcpy(b1, b3, 100);
    CHECK_OK(psa_aead_encrypt(gcm, PSA_ALG_GCM, nonce, 12, 0, 0, b1, 100, b1, sizeof b1, &n1));
    CHECK_OK(psa_aead_decrypt(gcm, PSA_ALG_GCM, nonce, 12, 0, 0, b1, n1, b1, sizeof b1, &n2));
    NS_CHECK(n2 == 100 && memcmp(b1, b3, 100) == 0);
    CHECK_OK(psa_destroy_key(cbc));
    CHECK_OK(psa_destroy_key(raw));
    CHECK_OK(psa_destroy_key(gcm));
    return 0;
}

/* ---------------- hashes ---------------- */
static int t_hash(void)
{
    static const struct { psa_algorithm_t alg; const char *abc; } v[] = {
        { PSA_ALG_SHA_224, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7" },
        { PSA_ALG_SHA_256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
        { PSA_ALG_SHA_384, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                           "8086072ba1e7cc2358baeca134c825a7" },
        { PSA_ALG_SHA_512, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                           "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f" },
    };
    psa_hash_operation_t op = PSA_HASH_OPERATION_INIT, op2 = PSA_HASH_OPERATION_INIT;
    for (unsigned i = 0; i < 4; i++) {
        CHECK_OK(psa_hash_compute(v[i].alg, (const uint8_t *)"abc", 3, b1, sizeof b1, &n1));
        NS_CHECK(n1 == PSA_HASH_LENGTH(v[i].alg) && eqhex(b1, n1, v[i].abc));
        CHECK_OK(psa_hash_compare(v[i].alg, (const uint8_t *)"abc", 3, b1, n1));
        NS_CHECK(psa_hash_compare(v[i].alg, (const uint8_t *)"abd", 3, b1, n1) ==
                 PSA_ERROR_INVALID_SIGNATURE);
        CHECK_OK(psa_hash_setup(&op, v[i].alg));
        CHECK_OK(psa_hash_update(&op, (const uint8_t *)"a", 1));
        CHECK_OK(psa_hash_update(&op, (const uint8_t *)"", 0));
        CHECK_OK(psa_hash_clone(&op, &op2));
        CHECK_OK(psa_hash_update(&op, (const uint8_t *)"bc", 2));
        CHECK_OK(psa_hash_verify(&op, b1, n1));
        CHECK_OK(psa_hash_update(&op2, (const uint8_t *)"bc", 2));
        CHECK_OK(psa_hash_finish(&op2, b2, sizeof b2, &n2));
        NS_CHECK(n2 == n1 && memcmp(b1, b2, n1) == 0);
    }
    /* two blocks (FIPS 180-2 example) and a long message in pieces */
    CHECK_OK(psa_hash_compute(PSA_ALG_SHA_256, (const uint8_t *)
             "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, b1, sizeof b1, &n1));
    NS_CHECK(eqhex(b1, n1, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    memset(b3, 'a', 1000);
    CHECK_OK(psa_hash_setup(&op, PSA_ALG_SHA_256));
    for (unsigned i = 0; i < 10; i++)
        CHECK_OK(psa_hash_update(&op, b3, 1000));
    CHECK_OK(psa_hash_finish(&op, b1, sizeof b1, &n1));
    CHECK_OK(psa_hash_compute(PSA_ALG_SHA_256, b3, 1000, b2, sizeof b2, &n2));
    NS_CHECK(memcmp(b1, b2, 32) != 0);
    return 0;
}

static int t_hash_errors(void)
{
    psa_hash_operation_t op = PSA_HASH_OPERATION_INIT, op2 = PSA_HASH_OPERATION_INIT;
    NS_CHECK(psa_hash_compute(PSA_ALG_MD5, b3, 3, b1, sizeof b1, &n1) == PSA_ERROR_NOT_SUPPORTED);
    NS_CHECK(psa_hash_compute(PSA_ALG_SHA3_256, b3, 3, b1, sizeof b1, &n1) ==
             PSA_ERROR_NOT_SUPPORTED);
    NS_CHECK(psa_hash_setup(&op, PSA_ALG_SHA_512_256) == PSA_ERROR_NOT_SUPPORTED);
    NS_CHECK(psa_hash_compute(PSA_ALG_HMAC(PSA_ALG_SHA_256), b3, 3, b1, sizeof b1, &n1) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_hash_setup(&op, PSA_ALG_ANY_HASH) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_hash_compute(PSA_ALG_SHA_256, b3, 3, b1, 31, &n1) ==
             PSA_ERROR_BUFFER_TOO_SMALL);
    NS_CHECK(psa_hash_update(&op, b3, 3) == PSA_ERROR_BAD_STATE);
    NS_CHECK(psa_hash_finish(&op, b1, sizeof b1, &n1) == PSA_ERROR_BAD_STATE);
    NS_CHECK(psa_hash_clone(&op, &op2) == PSA_ERROR_BAD_STATE);
    CHECK_OK(psa_hash_setup(&op, PSA_ALG_SHA_256));
    NS_CHECK(psa_hash_setup(&op, PSA_ALG_SHA_256) == PSA_ERROR_BAD_STATE);
    NS_CHECK(psa_hash_finish(&op, b1, 31, &n1) == PSA_ERROR_BUFFER_TOO_SMALL);
    NS_CHECK(psa_hash_update(&op, b3, 3) == PSA_ERROR_BAD_STATE);    /* error state */
    CHECK_OK(psa_hash_abort(&op));
    CHECK_OK(psa_hash_setup(&op, PSA_ALG_SHA_256));
    CHECK_OK(psa_hash_finish(&op, b1, sizeof b1, &n1));
    NS_CHECK(psa_hash_finish(&op, b1, sizeof b1, &n1) == PSA_ERROR_BAD_STATE);
    CHECK_OK(psa_hash_setup(&op, PSA_ALG_SHA_256));
    CHECK_OK(psa_hash_abort(&op));
    NS_CHECK(psa_hash_update(&op, b3, 3) == PSA_ERROR_BAD_STATE);    /* reuse after abort */
    CHECK_OK(psa_hash_setup(&op, PSA_ALG_SHA_256));
    NS_CHECK(psa_hash_verify(&op, b1, 31) == PSA_ERROR_INVALID_SIGNATURE);
    NS_CHECK(psa_hash_suspend(&op, b1, sizeof b1, &n1) == PSA_ERROR_BAD_STATE); /* ended */
    CHECK_OK(psa_hash_abort(&op));
    return 0;
}

/* ---------------- hash suspend / resume ----------------
 * The state is the Crypto API 1.1 format byte for byte (10.2, "Hash suspend state format"):
 * algorithm (BE32) || input-length (BE, 8 or 16 bytes) || hash-state || unprocessed input. */
static uint64_t be_at(const uint8_t *p, size_t n)
{
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v << 8 | p[i];
    return v;
}

/* Suspends alg after `split` bytes of big[0..len), checks every field of the state, resumes
 * in a new operation and compares the digest with the one-shot hash. */
static int suspend_round(psa_algorithm_t alg, size_t split, size_t len)
{
    psa_hash_operation_t op = PSA_HASH_OPERATION_INIT, op2 = PSA_HASH_OPERATION_INIT;
    size_t lb = PSA_HASH_SUSPEND_INPUT_LENGTH_FIELD_LENGTH(alg);
    size_t hb = PSA_HASH_SUSPEND_HASH_STATE_FIELD_LENGTH(alg);
    size_t pend = split % PSA_HASH_BLOCK_LENGTH(alg), at = 4 + lb + hb;
    CHECK_OK(psa_hash_setup(&op, alg));
    CHECK_OK(psa_hash_update(&op, big, split));
    CHECK_OK(psa_hash_suspend(&op, b2, PSA_HASH_SUSPEND_OUTPUT_SIZE(alg), &n2));
    NS_CHECK(n2 == at + pend && n2 <= PSA_HASH_SUSPEND_OUTPUT_MAX_SIZE);
    NS_CHECK(be_at(b2, 4) == alg && be_at(b2 + 4, lb) == split);
    NS_CHECK(memcmp(b2 + at, big + split - pend, pend) == 0);
    NS_CHECK(psa_hash_update(&op, big, 1) == PSA_ERROR_BAD_STATE);   /* now inactive */
    CHECK_OK(psa_hash_resume(&op2, b2, n2));
    CHECK_OK(psa_hash_update(&op2, big + split, len - split));
    CHECK_OK(psa_hash_finish(&op2, b1, sizeof b1, &n1));
    CHECK_OK(psa_hash_compare(alg, big, len, b1, n1));
    return 0;
}

static int t_hash_suspend(void)
{
    static const psa_algorithm_t algs[] = { PSA_ALG_SHA_1, PSA_ALG_SHA_224, PSA_ALG_SHA_256,
                                            PSA_ALG_SHA_384, PSA_ALG_SHA_512 };
    static const size_t splits[] = { 0, 1, 63, 64, 65, 127, 128, 129, 300 };
    psa_hash_operation_t op = PSA_HASH_OPERATION_INIT;
    for (unsigned i = 0; i < sizeof big; i++)
        big[i] = (uint8_t)(i * 13 + 5);
    for (unsigned a = 0; a < sizeof algs / sizeof algs[0]; a++)
        for (unsigned i = 0; i < sizeof splits / sizeof splits[0]; i++)
            NS_CHECK(suspend_round(algs[a], splits[i], 301) == 0);
    /* hash-state after no input = the initial hash value (FIPS 180-4 5.3.3, 5.3.5) */
    CHECK_OK(psa_hash_setup(&op, PSA_ALG_SHA_256));
    CHECK_OK(psa_hash_suspend(&op, b2, sizeof b2, &n2));
    NS_CHECK(eqhex(b2, n2, "02000009" "0000000000000000"
                           "6a09e667bb67ae853c6ef372a54ff53a510e527f9b05688c1f83d9ab5be0cd19"));
    CHECK_OK(psa_hash_setup(&op, PSA_ALG_SHA_512));
    CHECK_OK(psa_hash_update(&op, (const uint8_t *)"abc", 3));
    CHECK_OK(psa_hash_suspend(&op, b2, sizeof b2, &n2));
    NS_CHECK(eqhex(b2, 4 + 16, "0200000b" "00000000000000000000000000000003"));
    NS_CHECK(eqhex(b2 + 20, 64, "6a09e667f3bcc908bb67ae8584caa73b3c6ef372fe94f82ba54ff53a5f1d36f1"
                                "510e527fade682d19b05688c2b3e6c1f1f83d9abfb41bd6b5be0cd19137e2179"));
    NS_CHECK(n2 == 87 && memcmp(b2 + 84, "abc", 3) == 0);
    /* the state resumes FIPS 180-2's "abc" example */
    CHECK_OK(psa_hash_resume(&op, b2, n2));
    CHECK_OK(psa_hash_finish(&op, b1, sizeof b1, &n1));
    NS_CHECK(eqhex(b1, 8, "ddaf35a193617aba"));
    /* errors: suspend needs an active operation and room; resume an inactive operation and
     * a valid state */
    NS_CHECK(psa_hash_suspend(&op, b2, sizeof b2, &n2) == PSA_ERROR_BAD_STATE);
    CHECK_OK(psa_hash_setup(&op, PSA_ALG_SHA_256));
    CHECK_OK(psa_hash_update(&op, big, 70));
    NS_CHECK(psa_hash_suspend(&op, b2, 4 + 8 + 32 + 5, &n2) == PSA_ERROR_BUFFER_TOO_SMALL);
    NS_CHECK(psa_hash_update(&op, big, 1) == PSA_ERROR_BAD_STATE);   /* error state */
    CHECK_OK(psa_hash_abort(&op));
    CHECK_OK(psa_hash_setup(&op, PSA_ALG_SHA_256));
    CHECK_OK(psa_hash_update(&op, big, 70));
    CHECK_OK(psa_hash_suspend(&op, b2, 4 + 8 + 32 + 6, &n2));         /* exactly enough */
    memcpy(b3, b2, n2);
    CHECK_OK(psa_hash_setup(&op, PSA_ALG_SHA_256));
    NS_CHECK(psa_hash_resume(&op, b3, n2) == PSA_ERROR_BAD_STATE);    /* active */
    CHECK_OK(psa_hash_abort(&op));
    NS_CHECK(psa_hash_resume(&op, b3, n2 - 1) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_hash_resume(&op, b3, n2 + 1) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_hash_resume(&op, b3, 3) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_hash_resume(&op, b3, 0) == PSA_ERROR_INVALID_ARGUMENT);
    b3[11] = 71;                                  /* input-length disagrees with the size */
    NS_CHECK(psa_hash_resume(&op, b3, n2) == PSA_ERROR_INVALID_ARGUMENT);
    b3[11] = 70;
    b3[4] = 0x20;                                 /* 2^64 bits or more: not SHA-256 input */
    NS_CHECK(psa_hash_resume(&op, b3, n2) == PSA_ERROR_INVALID_ARGUMENT);
    b3[4] = 0;
    b3[3] = 0x03;                                 /* MD5: a hash Rampart does not have */
    NS_CHECK(psa_hash_resume(&op, b3, n2) == PSA_ERROR_NOT_SUPPORTED);
    b3[3] = 0x11;                                 /* SHA3-256: no suspend format */
    NS_CHECK(psa_hash_resume(&op, b3, n2) == PSA_ERROR_NOT_SUPPORTED);
    b3[0] = 0x03;                                 /* HMAC(SHA-256): not a hash */
    b3[3] = 0x09;
    NS_CHECK(psa_hash_resume(&op, b3, n2) == PSA_ERROR_INVALID_ARGUMENT);
    b3[0] = 0x02;
    CHECK_OK(psa_hash_resume(&op, b3, n2));       /* restored: resumes */
    CHECK_OK(psa_hash_update(&op, big + 70, 30));
    CHECK_OK(psa_hash_finish(&op, b1, sizeof b1, &n1));
    CHECK_OK(psa_hash_compare(PSA_ALG_SHA_256, big, 100, b1, n1));
    /* SHA-512's 128-bit input-length: 2^64 bytes or more is beyond the implementation */
    CHECK_OK(psa_hash_setup(&op, PSA_ALG_SHA_512));
    CHECK_OK(psa_hash_suspend(&op, b3, sizeof b3, &n2));
    b3[11] = 1;
    NS_CHECK(psa_hash_resume(&op, b3, n2) == PSA_ERROR_NOT_SUPPORTED);
    return 0;
}

/* ---------------- MAC ---------------- */
static int t_hmac(void)
{
    static const struct { psa_algorithm_t h; const char *mac; } v[] = {   /* RFC 4231 4.2 */
        { PSA_ALG_SHA_224, "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22" },
        { PSA_ALG_SHA_256, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
        { PSA_ALG_SHA_384, "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
                           "faea9ea9076ede7f4af152e8b2fa9cb6" },
        { PSA_ALG_SHA_512, "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
                           "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854" },
    };
    psa_mac_operation_t op = PSA_MAC_OPERATION_INIT;
    const psa_key_usage_t u = PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE;
    psa_key_id_t id;
    memset(k1, 0x0b, 20);
    for (unsigned i = 0; i < 4; i++) {
        psa_algorithm_t alg = PSA_ALG_HMAC(v[i].h);
        id = import(PSA_KEY_TYPE_HMAC, u, alg, k1, 20);
        NS_CHECK(id != 0);
        CHECK_OK(psa_mac_compute(id, alg, (const uint8_t *)"Hi There", 8, b1, sizeof b1, &n1));
        NS_CHECK(n1 == PSA_MAC_LENGTH(PSA_KEY_TYPE_HMAC, 160, alg) && eqhex(b1, n1, v[i].mac));
        CHECK_OK(psa_mac_verify(id, alg, (const uint8_t *)"Hi There", 8, b1, n1));
        CHECK_OK(psa_mac_sign_setup(&op, id, alg));
        CHECK_OK(psa_mac_update(&op, (const uint8_t *)"Hi ", 3));
        CHECK_OK(psa_mac_update(&op, (const uint8_t *)"There", 5));
        CHECK_OK(psa_mac_sign_finish(&op, b2, sizeof b2, &n2));
        NS_CHECK(n2 == n1 && memcmp(b1, b2, n1) == 0);
        CHECK_OK(psa_mac_verify_setup(&op, id, alg));
        CHECK_OK(psa_mac_update(&op, (const uint8_t *)"Hi There", 8));
        b1[0] ^= 1;
        NS_CHECK(psa_mac_verify_finish(&op, b1, n1) == PSA_ERROR_INVALID_SIGNATURE);
        CHECK_OK(psa_destroy_key(id));
    }
    /* RFC 4231 4.7: a 131-byte key (longer than the block) */
    memset(k1, 0xaa, 131);
    id = import(PSA_KEY_TYPE_HMAC, u, PSA_ALG_HMAC(PSA_ALG_SHA_256), k1, 131);
    NS_CHECK(id != 0);
    CHECK_OK(psa_mac_compute(id, PSA_ALG_HMAC(PSA_ALG_SHA_256), (const uint8_t *)
             "Test Using Larger Than Block-Size Key - Hash Key First", 54, b1, sizeof b1, &n1));
    NS_CHECK(eqhex(b1, n1, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
    CHECK_OK(psa_destroy_key(id));
    /* RFC 4231 4.6: truncated to 128 bits; an at-least-16 policy permits 16 and 20 */
    memset(k1, 0x0c, 20);
    id = import(PSA_KEY_TYPE_HMAC, u,
                PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 16), k1, 20);
    NS_CHECK(id != 0);
    CHECK_OK(psa_mac_compute(id, PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 16),
                             (const uint8_t *)"Test With Truncation", 20, b1, sizeof b1, &n1));
    NS_CHECK(eqhex(b1, n1, "a3b6167473100ee06e0c796c2955552b"));
    CHECK_OK(psa_mac_compute(id, PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 20),
                             (const uint8_t *)"Test With Truncation", 20, b2, sizeof b2, &n2));
    NS_CHECK(n2 == 20 && memcmp(b1, b2, 16) == 0);
    NS_CHECK(psa_mac_compute(id, PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 8),
                             b3, 1, b2, sizeof b2, &n2) == PSA_ERROR_NOT_PERMITTED);
    CHECK_OK(psa_destroy_key(id));
    return 0;
}

static int t_cmac(void)
{
    psa_key_id_t id = import_hex(PSA_KEY_TYPE_AES, PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_CMAC,
                                 SP800_38A_K);
    NS_CHECK(id != 0);
    CHECK_OK(psa_mac_compute(id, PSA_ALG_CMAC, b3, 0, b1, sizeof b1, &n1));
    NS_CHECK(eqhex(b1, n1, "bb1d6929e95937287fa37d129b756746"));     /* SP 800-38B D.1 */
    hx(v1, SP800_38A_P);
    CHECK_OK(psa_mac_compute(id, PSA_ALG_CMAC, v1, 16, b1, sizeof b1, &n1));
    NS_CHECK(eqhex(b1, n1, "070a16b46b4d4144f79bdd9dd04a287c"));
    CHECK_OK(psa_destroy_key(id));
    return 0;
}

static int t_mac_errors(void)
{
    psa_mac_operation_t op = PSA_MAC_OPERATION_INIT;
    const psa_algorithm_t alg = PSA_ALG_HMAC(PSA_ALG_SHA_256);
    psa_key_id_t id, aes;
    memset(k1, 0x0b, 32);
    id = import(PSA_KEY_TYPE_HMAC, PSA_KEY_USAGE_SIGN_MESSAGE, alg, k1, 32);
    aes = import(PSA_KEY_TYPE_AES, PSA_KEY_USAGE_SIGN_MESSAGE, alg, k1, 16);
    NS_CHECK(id && aes);
    NS_CHECK(psa_mac_compute(aes, alg, b3, 1, b1, sizeof b1, &n1) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_mac_compute(id, PSA_ALG_HMAC(PSA_ALG_SHA_512), b3, 1, b1, sizeof b1, &n1) ==
             PSA_ERROR_NOT_PERMITTED);
    NS_CHECK(psa_mac_verify(id, alg, b3, 1, b1, 32) == PSA_ERROR_NOT_PERMITTED);
    NS_CHECK(psa_mac_compute(id, PSA_ALG_SHA_256, b3, 1, b1, sizeof b1, &n1) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_mac_compute(id, alg, b3, 1, b1, 31, &n1) == PSA_ERROR_BUFFER_TOO_SMALL);
    NS_CHECK(psa_mac_compute(id, PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(alg, 16), b3, 1, b1,
                             sizeof b1, &n1) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_mac_update(&op, b3, 1) == PSA_ERROR_BAD_STATE);
    CHECK_OK(psa_mac_sign_setup(&op, id, alg));
    NS_CHECK(psa_mac_verify_finish(&op, b1, 32) == PSA_ERROR_BAD_STATE);
    NS_CHECK(psa_mac_update(&op, b3, 1) == PSA_ERROR_BAD_STATE);
    CHECK_OK(psa_mac_abort(&op));
    CHECK_OK(psa_mac_sign_setup(&op, id, alg));
    CHECK_OK(psa_mac_abort(&op));
    NS_CHECK(psa_mac_sign_finish(&op, b1, sizeof b1, &n1) == PSA_ERROR_BAD_STATE);
    CHECK_OK(psa_destroy_key(id));
    CHECK_OK(psa_destroy_key(aes));
    return 0;
}

/* ---------------- AEAD ---------------- */
static int t_ccm(void)
{
    const psa_algorithm_t ccm8 = PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 8);
    psa_aead_operation_t op = PSA_AEAD_OPERATION_INIT;
    uint8_t nonce[13], ad[8];
    psa_key_id_t id = import_hex(PSA_KEY_TYPE_AES, ENC_DEC, ccm8,
                                 "c0c1c2c3c4c5c6c7c8c9cacbcccdcecf");
    NS_CHECK(id != 0);
    hx(nonce, "00000003020100a0a1a2a3a4a5");
    for (unsigned i = 0; i < 23; i++)
        v1[i] = (uint8_t)(8 + i);
    for (unsigned i = 0; i < 8; i++)
        ad[i] = (uint8_t)i;
    /* RFC 3610 packet vector #1: 8-byte tag */
    CHECK_OK(psa_aead_encrypt(id, ccm8, nonce, 13, ad, 8, v1, 23, b1, sizeof b1, &n1));
    NS_CHECK(eqhex(b1, n1, "588c979a61c663d2f066d0c2c0f989806d5f6b61dac38417e8d12cfdf926e0"));
    CHECK_OK(psa_aead_decrypt(id, ccm8, nonce, 13, ad, 8, b1, n1, b2, sizeof b2, &n2));
    NS_CHECK(n2 == 23 && memcmp(b2, v1, 23) == 0);
    b1[30] ^= 1;
    NS_CHECK(psa_aead_decrypt(id, ccm8, nonce, 13, ad, 8, b1, n1, b2, sizeof b2, &n2) ==
             PSA_ERROR_INVALID_SIGNATURE);
    b1[30] ^= 1;
    NS_CHECK(psa_aead_encrypt(id, PSA_ALG_CCM, nonce, 13, ad, 8, v1, 23, b2, sizeof b2, &n2) ==
             PSA_ERROR_NOT_PERMITTED);                       /* policy: 8-byte tag only */
    NS_CHECK(psa_aead_encrypt(id, ccm8, nonce, 6, ad, 8, v1, 23, b2, sizeof b2, &n2) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_aead_encrypt(id, ccm8, nonce, 13, ad, 8, v1, 23, b2, 30, &n2) ==
             PSA_ERROR_BUFFER_TOO_SMALL);
    /* multipart: the lengths are mandatory for CCM */
    CHECK_OK(psa_aead_encrypt_setup(&op, id, ccm8));
    CHECK_OK(psa_aead_set_nonce(&op, nonce, 13));
    NS_CHECK(psa_aead_update_ad(&op, ad, 8) == PSA_ERROR_BAD_STATE);
    CHECK_OK(psa_aead_abort(&op));
    CHECK_OK(psa_aead_encrypt_setup(&op, id, ccm8));
    CHECK_OK(psa_aead_set_lengths(&op, 8, 23));
    CHECK_OK(psa_aead_set_nonce(&op, nonce, 13));
    CHECK_OK(psa_aead_update_ad(&op, ad, 3));
    CHECK_OK(psa_aead_update_ad(&op, ad + 3, 5));
    CHECK_OK(psa_aead_update(&op, v1, 10, b2, sizeof b2, &n2));
    CHECK_OK(psa_aead_update(&op, v1 + 10, 13, b2 + n2, sizeof b2 - n2, &n3));
    NS_CHECK(n2 + n3 == 23 && memcmp(b2, b1, 23) == 0);
    CHECK_OK(psa_aead_finish(&op, b2, sizeof b2, &n2, b3, sizeof b3, &n3));
    NS_CHECK(n2 == 0 && n3 == 8 && memcmp(b3, b1 + 23, 8) == 0);
    CHECK_OK(psa_destroy_key(id));
    /* SP 800-38C C.1: 7-byte nonce, 4-byte tag */
    id = import_hex(PSA_KEY_TYPE_AES, ENC_DEC, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 4),
                    "404142434445464748494a4b4c4d4e4f");
    NS_CHECK(id != 0);
    hx(nonce, "10111213141516");
    hx(v1, "20212223");
    CHECK_OK(psa_aead_encrypt(id, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 4), nonce, 7,
                              ad, 8, v1, 4, b1, sizeof b1, &n1));
    NS_CHECK(eqhex(b1, n1, "7162015b4dac255d"));
    NS_CHECK(psa_aead_encrypt(id, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 5), nonce, 7,
                              ad, 8, v1, 4, b1, sizeof b1, &n1) == PSA_ERROR_NOT_PERMITTED);
    CHECK_OK(psa_destroy_key(id));
    return 0;
}

static int t_gcm(void)
{
    psa_aead_operation_t op = PSA_AEAD_OPERATION_INIT;
    uint8_t nonce[12];
    psa_key_id_t id;
    memset(k1, 0, 16);
    memset(nonce, 0, 12);
    memset(v1, 0, 16);
    id = import(PSA_KEY_TYPE_AES, ENC_DEC, PSA_ALG_GCM, k1, 16);
    NS_CHECK(id != 0);
    /* GCM specification test case 2 */
    CHECK_OK(psa_aead_encrypt(id, PSA_ALG_GCM, nonce, 12, 0, 0, v1, 16, b1, sizeof b1, &n1));
    NS_CHECK(eqhex(b1, n1, "0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf"));
    CHECK_OK(psa_aead_decrypt(id, PSA_ALG_GCM, nonce, 12, 0, 0, b1, n1, b2, sizeof b2, &n2));
    NS_CHECK(n2 == 16 && memcmp(b2, v1, 16) == 0);
    b1[31] ^= 0x80;
    NS_CHECK(psa_aead_decrypt(id, PSA_ALG_GCM, nonce, 12, 0, 0, b1, n1, b2, sizeof b2, &n2) ==
             PSA_ERROR_INVALID_SIGNATURE);
    NS_CHECK(psa_aead_decrypt(id, PSA_ALG_GCM, nonce, 12, 0, 0, b1, 15, b2, sizeof b2, &n2) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_aead_encrypt(id, PSA_ALG_GCM, nonce, 0, 0, 0, v1, 16, b1, sizeof b1, &n1) ==
             PSA_ERROR_INVALID_ARGUMENT);
    /* multipart with a generated nonce, 1 KiB in pieces, decrypted multipart */
    memset(b3, 0x77, 1024);
    CHECK_OK(psa_aead_encrypt_setup(&op, id, PSA_ALG_GCM));
    NS_CHECK(psa_aead_update(&op, b3, 16, b1, sizeof b1, &n1) == PSA_ERROR_BAD_STATE);
    CHECK_OK(psa_aead_encrypt_setup(&op, id, PSA_ALG_GCM));
    CHECK_OK(psa_aead_generate_nonce(&op, nonce, sizeof nonce, &n3));
    NS_CHECK(n3 == 12);
    CHECK_OK(psa_aead_update_ad(&op, (const uint8_t *)"header", 6));
    CHECK_OK(psa_aead_update(&op, b3, 1000, b1, sizeof b1, &n1));
    CHECK_OK(psa_aead_update(&op, b3 + 1000, 24, b1 + n1, sizeof b1 - n1, &n2));
    NS_CHECK(psa_aead_update_ad(&op, b3, 1) == PSA_ERROR_BAD_STATE);  /* AD after text */
    CHECK_OK(psa_aead_encrypt_setup(&op, id, PSA_ALG_GCM));
    CHECK_OK(psa_aead_set_nonce(&op, nonce, 12));
    CHECK_OK(psa_aead_update_ad(&op, (const uint8_t *)"header", 6));
    CHECK_OK(psa_aead_update(&op, b3, 1024, b1, sizeof b1, &n1));
    CHECK_OK(psa_aead_finish(&op, b2, 16, &n2, b1 + 1024, 16, &n3)); /* outputs apart */
    NS_CHECK(n1 == 1024 && n3 == 16);
    CHECK_OK(psa_aead_decrypt(id, PSA_ALG_GCM, nonce, 12, (const uint8_t *)"header", 6, b1,
                              1040, b2, sizeof b2, &n2));
    NS_CHECK(n2 == 1024 && memcmp(b2, b3, 1024) == 0);
    CHECK_OK(psa_aead_decrypt_setup(&op, id, PSA_ALG_GCM));
    NS_CHECK(psa_aead_generate_nonce(&op, nonce, 12, &n3) == PSA_ERROR_BAD_STATE);
    CHECK_OK(psa_aead_decrypt_setup(&op, id, PSA_ALG_GCM));
    CHECK_OK(psa_aead_set_nonce(&op, nonce, 12));
    CHECK_OK(psa_aead_set_lengths(&op, 6, 1024));
    CHECK_OK(psa_aead_update_ad(&op, (const uint8_t *)"header", 6));
    CHECK_OK(psa_aead_update(&op, b1, 1024, b2, sizeof b2, &n2));
    NS_CHECK(psa_aead_finish(&op, b2, sizeof b2, &n2, b3, 16, &n3) == PSA_ERROR_BAD_STATE);
    CHECK_OK(psa_aead_decrypt_setup(&op, id, PSA_ALG_GCM));
    CHECK_OK(psa_aead_set_nonce(&op, nonce, 12));
    CHECK_OK(psa_aead_update_ad(&op, (const uint8_t *)"header", 6));
    CHECK_OK(psa_aead_update(&op, b1, 1024, b2, sizeof b2, &n2));
    CHECK_OK(psa_aead_verify(&op, b2, sizeof b2, &n3, b1 + 1024, 16));
    NS_CHECK(memcmp(b2, b3, 1024) == 0);
    CHECK_OK(psa_aead_abort(&op));
    CHECK_OK(psa_destroy_key(id));
    return 0;
}

static int t_chachapoly(void)
{
    uint8_t nonce[12];
    psa_key_id_t id;
    memset(k1, 0x42, 32);
    memset(nonce, 7, 12);
    id = import(PSA_KEY_TYPE_CHACHA20, ENC_DEC, PSA_ALG_CHACHA20_POLY1305, k1, 32);
    NS_CHECK(id != 0);
    memset(b3, 0x33, 300);
    CHECK_OK(psa_aead_encrypt(id, PSA_ALG_CHACHA20_POLY1305, nonce, 12, b3, 5, b3, 300, b1,
                              sizeof b1, &n1));
    NS_CHECK(n1 == 316);
    CHECK_OK(psa_aead_decrypt(id, PSA_ALG_CHACHA20_POLY1305, nonce, 12, b3, 5, b1, n1, b2,
                              sizeof b2, &n2));
    NS_CHECK(n2 == 300 && memcmp(b2, b3, 300) == 0);
    nonce[0] ^= 1;
    NS_CHECK(psa_aead_decrypt(id, PSA_ALG_CHACHA20_POLY1305, nonce, 12, b3, 5, b1, n1, b2,
                              sizeof b2, &n2) == PSA_ERROR_INVALID_SIGNATURE);
    NS_CHECK(psa_aead_encrypt(id, PSA_ALG_GCM, nonce, 12, 0, 0, b3, 16, b1, sizeof b1, &n1) ==
             PSA_ERROR_NOT_PERMITTED);
    CHECK_OK(psa_destroy_key(id));
    return 0;
}

#if RP_TEST_CRYPTO_ECC
/* ---------------- policies ---------------- */
static int t_policy(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id;
    uint8_t h[32];
    memset(h, 0x5c, 32);
    /* a wildcard policy: ECDSA with any hash; SIGN_HASH implies SIGN_MESSAGE */
    id = import_hex(PSA_KEY_TYPE_ECC_KEY_PAIR(P256), PSA_KEY_USAGE_SIGN_HASH,
                    PSA_ALG_ECDSA(PSA_ALG_ANY_HASH),
                    "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721");
    NS_CHECK(id != 0);
    CHECK_OK(psa_get_key_attributes(id, &a));
    NS_CHECK(psa_get_key_usage_flags(&a) ==
             (PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_SIGN_MESSAGE));
    CHECK_OK(psa_sign_hash(id, PSA_ALG_ECDSA(PSA_ALG_SHA_256), h, 32, b1, sizeof b1, &n1));
    CHECK_OK(psa_sign_message(id, PSA_ALG_ECDSA(PSA_ALG_SHA_384), h, 32, b1, sizeof b1, &n1));
    NS_CHECK(psa_sign_hash(id, PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256), h, 32, b1,
                           sizeof b1, &n1) == PSA_ERROR_NOT_PERMITTED);
    NS_CHECK(psa_sign_hash(id, PSA_ALG_ECDSA(PSA_ALG_ANY_HASH), h, 32, b1, sizeof b1, &n1) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_verify_hash(id, PSA_ALG_ECDSA(PSA_ALG_SHA_256), h, 32, b1, 64) ==
             PSA_ERROR_NOT_PERMITTED);               /* no VERIFY usage */
    NS_CHECK(psa_export_key(id, b1, sizeof b1, &n1) == PSA_ERROR_NOT_PERMITTED);
    CHECK_OK(psa_export_public_key(id, b1, sizeof b1, &n1));  /* always allowed */
    CHECK_OK(psa_destroy_key(id));
    /* SIGN_MESSAGE alone does not permit signing a hash */
    id = import_hex(PSA_KEY_TYPE_ECC_KEY_PAIR(P256), PSA_KEY_USAGE_SIGN_MESSAGE,
                    PSA_ALG_ECDSA(PSA_ALG_SHA_256),
                    "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721");
    NS_CHECK(id != 0);
    CHECK_OK(psa_sign_message(id, PSA_ALG_ECDSA(PSA_ALG_SHA_256), h, 32, b1, sizeof b1, &n1));
    NS_CHECK(psa_sign_hash(id, PSA_ALG_ECDSA(PSA_ALG_SHA_256), h, 32, b1, sizeof b1, &n1) ==
             PSA_ERROR_NOT_PERMITTED);
    CHECK_OK(psa_destroy_key(id));
    /* an AEAD at-least-length policy */
    memset(k1, 1, 16);
    id = import(PSA_KEY_TYPE_AES, PSA_KEY_USAGE_ENCRYPT,
                PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_GCM, 12), k1, 16);
    NS_CHECK(id != 0);
    CHECK_OK(psa_aead_encrypt(id, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 12), h, 12, 0, 0,
                              h, 4, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 16);
    CHECK_OK(psa_aead_encrypt(id, PSA_ALG_GCM, h, 12, 0, 0, h, 4, b1, sizeof b1, &n1));
    NS_CHECK(psa_aead_encrypt(id, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 8), h, 12, 0, 0,
                              h, 4, b1, sizeof b1, &n1) == PSA_ERROR_NOT_PERMITTED);
    CHECK_OK(psa_destroy_key(id));
    return 0;
}
#endif

/* ---------------- clients ---------------- */
#ifndef RP_CRYPTO_CASES_ONLY
static int t_clients(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_hash_operation_t op = PSA_HASH_OPERATION_INIT;
    psa_key_derivation_operation_t kd = PSA_KEY_DERIVATION_OPERATION_INIT;
    psa_key_id_t mine, other = 0;
    memset(k1, 0x21, 16);
    mine = import(PSA_KEY_TYPE_AES, PSA_KEY_USAGE_EXPORT | ENC_DEC, PSA_ALG_CTR, k1, 16);
    NS_CHECK(mine != 0);
    CHECK_OK(psa_hash_setup(&op, PSA_ALG_SHA_256));
    set_client(-2);
    /* another client can neither see, use, export nor destroy the key or the operation */
    NS_CHECK(psa_get_key_attributes(mine, &a) == PSA_ERROR_INVALID_HANDLE);
    NS_CHECK(psa_export_key(mine, b1, sizeof b1, &n1) == PSA_ERROR_INVALID_HANDLE);
    NS_CHECK(psa_cipher_encrypt(mine, PSA_ALG_CTR, b3, 16, b1, sizeof b1, &n1) ==
             PSA_ERROR_INVALID_HANDLE);
    NS_CHECK(psa_destroy_key(mine) == PSA_ERROR_INVALID_HANDLE);
    NS_CHECK(psa_hash_update(&op, b3, 1) == PSA_ERROR_BAD_STATE);
    {   /* its abort leaves client -1's operation alone */
        psa_hash_operation_t copy = op;
        CHECK_OK(psa_hash_abort(&copy));
    }
    /* the same persistent id names a different key for each client */
    psa_set_key_type(&a, PSA_KEY_TYPE_RAW_DATA);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_EXPORT);
    psa_set_key_id(&a, 0x77);
    (void)psa_destroy_key(0x77);
    memset(k1, 0xb2, 8);
    CHECK_OK(psa_import_key(&a, k1, 8, &other));
    /* the platform key: the same id, a different key per client */
    CHECK_OK(psa_key_derivation_setup(&kd, PSA_ALG_HKDF(PSA_ALG_SHA_256)));
    CHECK_OK(psa_key_derivation_input_key(&kd, PSA_KEY_DERIVATION_INPUT_SECRET,
                                          RP_BUILTIN_KEY_ID_PLATFORM_DERIVE));
    CHECK_OK(psa_key_derivation_input_bytes(&kd, PSA_KEY_DERIVATION_INPUT_INFO, b3, 0));
    CHECK_OK(psa_key_derivation_output_bytes(&kd, v2, 32));
    CHECK_OK(psa_key_derivation_abort(&kd));
    set_client(-1);
    CHECK_OK(psa_hash_update(&op, b3, 1));
    CHECK_OK(psa_hash_abort(&op));
    psa_set_key_id(&a, 0x77);
    (void)psa_destroy_key(0x77);
    memset(k1, 0xa1, 8);
    CHECK_OK(psa_import_key(&a, k1, 8, &other));
    CHECK_OK(psa_export_key(0x77, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 8 && b1[0] == 0xa1);
    CHECK_OK(psa_destroy_key(0x77));
    set_client(-2);
    CHECK_OK(psa_export_key(0x77, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 8 && b1[0] == 0xb2);
    CHECK_OK(psa_destroy_key(0x77));
    set_client(-1);
    CHECK_OK(psa_key_derivation_setup(&kd, PSA_ALG_HKDF(PSA_ALG_SHA_256)));
    CHECK_OK(psa_key_derivation_input_key(&kd, PSA_KEY_DERIVATION_INPUT_SECRET,
                                          RP_BUILTIN_KEY_ID_PLATFORM_DERIVE));
    CHECK_OK(psa_key_derivation_input_bytes(&kd, PSA_KEY_DERIVATION_INPUT_INFO, b3, 0));
    CHECK_OK(psa_key_derivation_output_bytes(&kd, v1, 32));
    CHECK_OK(psa_key_derivation_abort(&kd));
    NS_CHECK(memcmp(v1, v2, 32) != 0);
    CHECK_OK(psa_export_key(mine, b1, sizeof b1, &n1));
    CHECK_OK(psa_destroy_key(mine));
    return 0;
}
#endif

static int t_builtin(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t copy = 0;
    uint8_t h[32];
    memset(h, 1, 32);
#if defined(RP_CRYPTO_CASES_ONLY) && RP_TEST_CRYPTO_ECC
    /* a secure client may use the attestation key: sign, verify, export its public key;
     * the private key never leaves */
    CHECK_OK(psa_get_key_attributes(RP_BUILTIN_KEY_ID_IAK, &a));
    NS_CHECK(psa_get_key_type(&a) == PSA_KEY_TYPE_ECC_KEY_PAIR(P256) &&
             psa_get_key_bits(&a) == 256);
    CHECK_OK(psa_sign_hash(RP_BUILTIN_KEY_ID_IAK, PSA_ALG_ECDSA(PSA_ALG_SHA_256), h, 32, b1,
                           sizeof b1, &n1));
    CHECK_OK(psa_verify_hash(RP_BUILTIN_KEY_ID_IAK, PSA_ALG_ECDSA(PSA_ALG_SHA_256), h, 32, b1,
                             n1));
    CHECK_OK(psa_export_public_key(RP_BUILTIN_KEY_ID_IAK, v1, sizeof v1, &n2));
    NS_CHECK(n2 == 65 && v1[0] == 0x04);
    NS_CHECK(psa_export_key(RP_BUILTIN_KEY_ID_IAK, b1, sizeof b1, &n1) ==
             PSA_ERROR_NOT_PERMITTED);
    NS_CHECK(psa_destroy_key(RP_BUILTIN_KEY_ID_IAK) == PSA_ERROR_NOT_PERMITTED);
#elif !defined(RP_CRYPTO_CASES_ONLY)
    /* the attestation key is for secure partitions only */
    NS_CHECK(psa_get_key_attributes(RP_BUILTIN_KEY_ID_IAK, &a) == PSA_ERROR_INVALID_HANDLE);
    NS_CHECK(psa_sign_hash(RP_BUILTIN_KEY_ID_IAK, PSA_ALG_ECDSA(PSA_ALG_SHA_256), h, 32, b1,
                           sizeof b1, &n1) == PSA_ERROR_INVALID_HANDLE);
#endif
    /* the platform key: usable, never exportable, never destroyed */
    CHECK_OK(psa_get_key_attributes(RP_BUILTIN_KEY_ID_PLATFORM_DERIVE, &a));
    NS_CHECK(psa_get_key_type(&a) == PSA_KEY_TYPE_DERIVE && psa_get_key_bits(&a) == 256);
    NS_CHECK(PSA_KEY_LIFETIME_GET_PERSISTENCE(psa_get_key_lifetime(&a)) ==
             PSA_KEY_PERSISTENCE_READ_ONLY);
    NS_CHECK(psa_export_key(RP_BUILTIN_KEY_ID_PLATFORM_DERIVE, b1, sizeof b1, &n1) ==
             PSA_ERROR_NOT_PERMITTED);
    NS_CHECK(psa_destroy_key(RP_BUILTIN_KEY_ID_PLATFORM_DERIVE) == PSA_ERROR_NOT_PERMITTED);
    NS_CHECK(psa_copy_key(RP_BUILTIN_KEY_ID_PLATFORM_DERIVE, &a, &copy) ==
             PSA_ERROR_NOT_PERMITTED);
    return 0;
}

/* ---------------- key derivation ---------------- */
static int t_hkdf(void)
{
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    const psa_algorithm_t alg = PSA_ALG_HKDF(PSA_ALG_SHA_256);
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id, out;
    size_t cap;
    /* RFC 5869 A.1, output in three pieces */
    memset(k1, 0x0b, 22);
    hx(v1, "000102030405060708090a0b0c");
    hx(v2, "f0f1f2f3f4f5f6f7f8f9");
    CHECK_OK(psa_key_derivation_setup(&op, alg));
    CHECK_OK(psa_key_derivation_get_capacity(&op, &cap));
    NS_CHECK(cap == 255 * 32);
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SALT, v1, 13));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, k1, 22));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_INFO, v2, 10));
    CHECK_OK(psa_key_derivation_output_bytes(&op, b1, 5));
    CHECK_OK(psa_key_derivation_output_bytes(&op, b1 + 5, 32));
    CHECK_OK(psa_key_derivation_output_bytes(&op, b1 + 37, 5));
    NS_CHECK(eqhex(b1, 42, "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                           "34007208d5b887185865"));
    CHECK_OK(psa_key_derivation_get_capacity(&op, &cap));
    NS_CHECK(cap == 255 * 32 - 42);
    CHECK_OK(psa_key_derivation_set_capacity(&op, 10));
    NS_CHECK(psa_key_derivation_set_capacity(&op, 11) == PSA_ERROR_INVALID_ARGUMENT);
    CHECK_OK(psa_key_derivation_abort(&op));
    CHECK_OK(psa_key_derivation_setup(&op, alg));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, k1, 22));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_INFO, v2, 0));
    CHECK_OK(psa_key_derivation_set_capacity(&op, 42));
    CHECK_OK(psa_key_derivation_verify_bytes(&op, (const uint8_t *)"", 0));
    NS_CHECK(psa_key_derivation_output_bytes(&op, b1, 43) == PSA_ERROR_INSUFFICIENT_DATA);
    NS_CHECK(psa_key_derivation_output_bytes(&op, b1, 1) == PSA_ERROR_INSUFFICIENT_DATA);
    CHECK_OK(psa_key_derivation_abort(&op));
    /* RFC 5869 A.3 (no salt, no info), through a DERIVE key; then a derived AES key */
    id = import(PSA_KEY_TYPE_DERIVE, PSA_KEY_USAGE_DERIVE, alg, k1, 22);
    NS_CHECK(id != 0);
    CHECK_OK(psa_key_derivation_setup(&op, alg));
    CHECK_OK(psa_key_derivation_input_key(&op, PSA_KEY_DERIVATION_INPUT_SECRET, id));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_INFO, v2, 0));
    CHECK_OK(psa_key_derivation_verify_bytes(&op, (const uint8_t *)
             "\x8d\xa4\xe7\x75\xa5\x63\xc1\x8f\x71\x5f\x80\x2a\x06\x3c\x5a\x31", 16));
    NS_CHECK(psa_key_derivation_verify_bytes(&op, b1, 4) == PSA_ERROR_INVALID_SIGNATURE);
    CHECK_OK(psa_key_derivation_setup(&op, alg));
    CHECK_OK(psa_key_derivation_input_key(&op, PSA_KEY_DERIVATION_INPUT_SECRET, id));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_INFO, v2, 0));
    psa_set_key_type(&a, PSA_KEY_TYPE_AES);
    psa_set_key_bits(&a, 128);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_EXPORT);
    CHECK_OK(psa_key_derivation_output_key(&a, &op, &out));
    CHECK_OK(psa_export_key(out, b1, sizeof b1, &n1));
    NS_CHECK(eqhex(b1, n1, "8da4e775a563c18f715f802a063c5a31"));
    CHECK_OK(psa_destroy_key(out));
    CHECK_OK(psa_key_derivation_abort(&op));
    CHECK_OK(psa_destroy_key(id));
    /* HKDF-Extract and HKDF-Expand separately (RFC 5869 A.1's PRK) */
    CHECK_OK(psa_key_derivation_setup(&op, PSA_ALG_HKDF_EXTRACT(PSA_ALG_SHA_256)));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SALT, v1, 13));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, k1, 22));
    CHECK_OK(psa_key_derivation_output_bytes(&op, b2, 32));
    NS_CHECK(eqhex(b2, 32, "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"));
    NS_CHECK(psa_key_derivation_output_bytes(&op, b1, 1) == PSA_ERROR_INSUFFICIENT_DATA);
    CHECK_OK(psa_key_derivation_abort(&op));
    CHECK_OK(psa_key_derivation_setup(&op, PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256)));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, b2, 32));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_INFO, v2, 10));
    CHECK_OK(psa_key_derivation_output_bytes(&op, b1, 42));
    NS_CHECK(eqhex(b1, 10, "3cb25f25faacd57a9043"));
    /* an output key needs a secret that came from a key */
    NS_CHECK(psa_key_derivation_output_key(&a, &op, &out) == PSA_ERROR_NOT_PERMITTED);
    CHECK_OK(psa_key_derivation_abort(&op));
    return 0;
}

static int t_kdf_errors(void)
{
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    psa_key_id_t aes;
    NS_CHECK(psa_key_derivation_setup(&op, PSA_ALG_SHA_256) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_key_derivation_setup(&op, PSA_ALG_PBKDF2_HMAC(PSA_ALG_MD5)) ==
             PSA_ERROR_NOT_SUPPORTED);
    NS_CHECK(psa_key_derivation_setup(&op, PSA_ALG_HKDF(PSA_ALG_MD5)) ==
             PSA_ERROR_NOT_SUPPORTED);
    NS_CHECK(psa_key_derivation_setup(&op, PSA_ALG_ECDH) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_key_derivation_output_bytes(&op, b1, 1) == PSA_ERROR_BAD_STATE);
    CHECK_OK(psa_key_derivation_setup(&op, PSA_ALG_HKDF(PSA_ALG_SHA_256)));
    NS_CHECK(psa_key_derivation_setup(&op, PSA_ALG_HKDF(PSA_ALG_SHA_256)) == PSA_ERROR_BAD_STATE);
    NS_CHECK(psa_key_derivation_output_bytes(&op, b1, 1) == PSA_ERROR_BAD_STATE); /* no input */
    CHECK_OK(psa_key_derivation_setup(&op, PSA_ALG_HKDF(PSA_ALG_SHA_256)));
    NS_CHECK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SEED, b3, 4) ==
             PSA_ERROR_INVALID_ARGUMENT);
    CHECK_OK(psa_key_derivation_setup(&op, PSA_ALG_HKDF(PSA_ALG_SHA_256)));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, b3, 4));
    NS_CHECK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SALT, b3, 4) ==
             PSA_ERROR_BAD_STATE);                   /* salt after the secret */
    CHECK_OK(psa_key_derivation_setup(&op, PSA_ALG_HKDF(PSA_ALG_SHA_256)));
    NS_CHECK(psa_key_derivation_input_integer(&op, PSA_KEY_DERIVATION_INPUT_COST, 1000) ==
             PSA_ERROR_INVALID_ARGUMENT);
    CHECK_OK(psa_key_derivation_setup(&op, PSA_ALG_HKDF(PSA_ALG_SHA_256)));
    memset(k1, 3, 16);
    aes = import(PSA_KEY_TYPE_AES, PSA_KEY_USAGE_DERIVE, PSA_ALG_HKDF(PSA_ALG_SHA_256), k1, 16);
    NS_CHECK(aes != 0);
    NS_CHECK(psa_key_derivation_input_key(&op, PSA_KEY_DERIVATION_INPUT_SECRET, aes) ==
             PSA_ERROR_INVALID_ARGUMENT);            /* not a DERIVE key */
    CHECK_OK(psa_destroy_key(aes));
    aes = import(PSA_KEY_TYPE_DERIVE, PSA_KEY_USAGE_EXPORT, PSA_ALG_HKDF(PSA_ALG_SHA_256), k1, 16);
    CHECK_OK(psa_key_derivation_setup(&op, PSA_ALG_HKDF(PSA_ALG_SHA_256)));
    NS_CHECK(psa_key_derivation_input_key(&op, PSA_KEY_DERIVATION_INPUT_SECRET, aes) ==
             PSA_ERROR_NOT_PERMITTED);               /* no DERIVE usage */
    CHECK_OK(psa_key_derivation_abort(&op));
    CHECK_OK(psa_destroy_key(aes));
    return 0;
}

/* PBKDF2 (RFC 8018 5.2) through the PSA steps: cost, salt (in pieces), password. The
 * first answer is RFC 7914 section 11's; the others were made with Python's
 * hashlib.pbkdf2_hmac and, for AES-CMAC-PRF-128 (RFC 4615), python3-cryptography's CMAC. */
static int pbkdf2_kat(psa_algorithm_t alg, uint64_t cost, const char *salt1, const char *salt2,
                      const uint8_t *pw, size_t pw_len, psa_key_id_t pw_key, const char *expect)
{
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    size_t n = hx(b2, expect);
    CHECK_OK(psa_key_derivation_setup(&op, alg));
    CHECK_OK(psa_key_derivation_input_integer(&op, PSA_KEY_DERIVATION_INPUT_COST, cost));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SALT,
                                            (const uint8_t *)salt1, strlen(salt1)));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SALT,
                                            (const uint8_t *)salt2, strlen(salt2)));
    if (pw_key)
        CHECK_OK(psa_key_derivation_input_key(&op, PSA_KEY_DERIVATION_INPUT_PASSWORD, pw_key));
    else
        CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_PASSWORD, pw,
                                                pw_len));
    memset(b1, 0, n);
    CHECK_OK(psa_key_derivation_output_bytes(&op, b1, 7));        /* a block boundary */
    CHECK_OK(psa_key_derivation_output_bytes(&op, b1 + 7, n - 7)); /* is crossed */
    NS_CHECK(memcmp(b1, b2, n) == 0);
    CHECK_OK(psa_key_derivation_abort(&op));
    return 0;
}

static int t_pbkdf2(void)
{
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    const psa_algorithm_t sha256 = PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256);
    psa_key_id_t pw;
    NS_CHECK(pbkdf2_kat(sha256, 1, "sa", "lt", (const uint8_t *)"passwd", 6, 0,
                        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                        "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783") == 0);
    pw = import(PSA_KEY_TYPE_PASSWORD, PSA_KEY_USAGE_DERIVE, sha256,
                (const uint8_t *)"Password", 8);
    NS_CHECK(pw != 0);
    NS_CHECK(pbkdf2_kat(sha256, 80, "Na", "Cl", NULL, 0, pw,
                        "5cd8c5198ca4ce355157529d232cfb4ef412a62851caf68baa9d3b6275a08f30"
                        "732f01da58401ca0") == 0);
    CHECK_OK(psa_destroy_key(pw));
    NS_CHECK(pbkdf2_kat(PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_512), 3, "salt", "SALT",
                        (const uint8_t *)"pass", 4, 0,
                        "7ae2a44ebfc09f79b6b3462fc78a3804e22f52efaf746ddcccde7b0413d3fa0c"
                        "fb05260e7db32e9f941747bbc1e3b24d28e4f858d6eb1ae4d5e37740d5962e4e"
                        "b1a9c6493602") == 0);
    NS_CHECK(pbkdf2_kat(PSA_ALG_PBKDF2_AES_CMAC_PRF_128, 3, "", "salt",
                        (const uint8_t *)"password", 8, 0,
                        "c931e3f45d8493327384557db7c32db3baf2f97850b04307e7b48fd7578d0d8c"
                        "81dfa756b258b57a") == 0);
    hx(k1, "000102030405060708090a0b0c0d0e0f");       /* a 16-byte password is the key */
    NS_CHECK(pbkdf2_kat(PSA_ALG_PBKDF2_AES_CMAC_PRF_128, 2, "Na", "Cl", k1, 16, 0,
                        "04728e598a7a5d80fbd5bac349fe63bc9ba2c2ff") == 0);
    /* order and argument errors */
    CHECK_OK(psa_key_derivation_setup(&op, sha256));
    NS_CHECK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SALT, b3, 4) ==
             PSA_ERROR_BAD_STATE);                    /* the cost comes first */
    CHECK_OK(psa_key_derivation_setup(&op, sha256));
    NS_CHECK(psa_key_derivation_input_integer(&op, PSA_KEY_DERIVATION_INPUT_COST, 0) ==
             PSA_ERROR_INVALID_ARGUMENT);
    /* the cost cap (RP_CRYPTO_PBKDF2_MAX_COST 100,000: no client may hold the partition
     * unboundedly); the cap itself is accepted and its operation still works */
    CHECK_OK(psa_key_derivation_setup(&op, sha256));
    NS_CHECK(psa_key_derivation_input_integer(&op, PSA_KEY_DERIVATION_INPUT_COST, 100001) ==
             PSA_ERROR_NOT_SUPPORTED);
    NS_CHECK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SALT, b3, 4) ==
             PSA_ERROR_BAD_STATE);                    /* refused: the error state */
    CHECK_OK(psa_key_derivation_abort(&op));
    CHECK_OK(psa_key_derivation_setup(&op, sha256));
    NS_CHECK(psa_key_derivation_input_integer(&op, PSA_KEY_DERIVATION_INPUT_COST,
                                              0x100000000ull) == PSA_ERROR_NOT_SUPPORTED);
    CHECK_OK(psa_key_derivation_setup(&op, sha256));
    CHECK_OK(psa_key_derivation_input_integer(&op, PSA_KEY_DERIVATION_INPUT_COST, 100000));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SALT, b3, 4));
    CHECK_OK(psa_key_derivation_abort(&op));
    CHECK_OK(psa_key_derivation_setup(&op, sha256));
    NS_CHECK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_COST, b3, 4) ==
             PSA_ERROR_INVALID_ARGUMENT);             /* an integer step */
    CHECK_OK(psa_key_derivation_setup(&op, sha256));
    CHECK_OK(psa_key_derivation_input_integer(&op, PSA_KEY_DERIVATION_INPUT_COST, 2));
    NS_CHECK(psa_key_derivation_input_integer(&op, PSA_KEY_DERIVATION_INPUT_COST, 2) ==
             PSA_ERROR_BAD_STATE);
    CHECK_OK(psa_key_derivation_setup(&op, sha256));
    CHECK_OK(psa_key_derivation_input_integer(&op, PSA_KEY_DERIVATION_INPUT_COST, 2));
    NS_CHECK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, b3, 4) ==
             PSA_ERROR_INVALID_ARGUMENT);             /* PBKDF2 has a password, no secret */
    CHECK_OK(psa_key_derivation_setup(&op, sha256));
    CHECK_OK(psa_key_derivation_input_integer(&op, PSA_KEY_DERIVATION_INPUT_COST, 2));
    NS_CHECK(psa_key_derivation_output_bytes(&op, b1, 4) == PSA_ERROR_BAD_STATE); /* no pw */
    CHECK_OK(psa_key_derivation_setup(&op, sha256));
    CHECK_OK(psa_key_derivation_input_integer(&op, PSA_KEY_DERIVATION_INPUT_COST, 2));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_PASSWORD, b3, 4));
    NS_CHECK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SALT, b3, 4) ==
             PSA_ERROR_BAD_STATE);                    /* salt after the password */
    CHECK_OK(psa_key_derivation_setup(&op, sha256));
    CHECK_OK(psa_key_derivation_input_integer(&op, PSA_KEY_DERIVATION_INPUT_COST, 2));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_PASSWORD, b3, 4));
    NS_CHECK(psa_key_derivation_output_key(&(psa_key_attributes_t)PSA_KEY_ATTRIBUTES_INIT,
                                           &op, &pw) == PSA_ERROR_NOT_PERMITTED); /* bytes pw */
    CHECK_OK(psa_key_derivation_abort(&op));
    return 0;
}

/* TLS 1.2 PRF (RFC 5246 5) over SHA-256 */
static int t_tls12_prf(void)
{
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    const psa_algorithm_t alg = PSA_ALG_TLS12_PRF(PSA_ALG_SHA_256);
    hx(k1, "9bbe436ba940f017b17652849a71db35");
    hx(v1, "a0ba9f936cda311827a6f796ffd5198c");
    CHECK_OK(psa_key_derivation_setup(&op, alg));
    NS_CHECK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, k1, 16) ==
             PSA_ERROR_BAD_STATE);                   /* the seed comes first */
    CHECK_OK(psa_key_derivation_setup(&op, alg));
    NS_CHECK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SALT, v1, 16) ==
             PSA_ERROR_INVALID_ARGUMENT);
    CHECK_OK(psa_key_derivation_setup(&op, alg));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SEED, v1, 16));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, k1, 16));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_LABEL,
                                            (const uint8_t *)"test label", 10));
    CHECK_OK(psa_key_derivation_output_bytes(&op, b1, 33));
    CHECK_OK(psa_key_derivation_output_bytes(&op, b1 + 33, 67));
    NS_CHECK(eqhex(b1, 100, "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
                            "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
                            "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701"
                            "87347b66"));
    CHECK_OK(psa_key_derivation_abort(&op));
    return 0;
}

/* PSK to master secret (RFC 4279 2): the same as the PRF over the premaster
 * u16(N) || N zeros || u16(N) || psk, which the test builds itself. */
static int t_tls12_psk_to_ms(void)
{
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    const psa_algorithm_t h = PSA_ALG_SHA_384;
    memset(k1, 0x6b, 20);
    memset(v1, 0x5e, 64);
    CHECK_OK(psa_key_derivation_setup(&op, PSA_ALG_TLS12_PSK_TO_MS(h)));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SEED, v1, 64));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, k1, 20));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_LABEL,
                                            (const uint8_t *)"master secret", 13));
    CHECK_OK(psa_key_derivation_output_bytes(&op, b1, 48));
    CHECK_OK(psa_key_derivation_abort(&op));
    memset(b3, 0, 44);
    b3[1] = 20;
    b3[23] = 20;
    memcpy(b3 + 24, k1, 20);
    CHECK_OK(psa_key_derivation_setup(&op, PSA_ALG_TLS12_PRF(h)));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SEED, v1, 64));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, b3, 44));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_LABEL,
                                            (const uint8_t *)"master secret", 13));
    CHECK_OK(psa_key_derivation_output_bytes(&op, b2, 48));
    CHECK_OK(psa_key_derivation_abort(&op));
    NS_CHECK(memcmp(b1, b2, 48) == 0);
    /* with another secret (RFC 4279 2, e.g. an ECDHE result) */
    memset(b3, 0, 4 + 5 + 20);
    b3[1] = 5;
    memset(b3 + 2, 0xee, 5);
    b3[8] = 20;
    memcpy(b3 + 9, k1, 20);
    CHECK_OK(psa_key_derivation_setup(&op, PSA_ALG_TLS12_PSK_TO_MS(h)));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SEED, v1, 64));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_OTHER_SECRET,
                                            b3 + 2, 5));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, k1, 20));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_LABEL,
                                            (const uint8_t *)"master secret", 13));
    CHECK_OK(psa_key_derivation_output_bytes(&op, b1, 48));
    CHECK_OK(psa_key_derivation_abort(&op));
    CHECK_OK(psa_key_derivation_setup(&op, PSA_ALG_TLS12_PRF(h)));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SEED, v1, 64));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, b3, 29));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_LABEL,
                                            (const uint8_t *)"master secret", 13));
    CHECK_OK(psa_key_derivation_output_bytes(&op, b2, 48));
    CHECK_OK(psa_key_derivation_abort(&op));
    NS_CHECK(memcmp(b1, b2, 48) == 0);
    /* a PSK longer than PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE is refused */
    CHECK_OK(psa_key_derivation_setup(&op, PSA_ALG_TLS12_PSK_TO_MS(h)));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SEED, v1, 64));
    NS_CHECK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, b3, 129) ==
             PSA_ERROR_INVALID_ARGUMENT);
    CHECK_OK(psa_key_derivation_abort(&op));
    return 0;
}

/* ---------------- ECC ---------------- */
#define RFC5903_I "c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433"
#define RFC5903_GR "04d12dfb5289c8d4f81208b70270398c342296970a0bccb74c736fc7554494bf63" \
                   "56fbf3ca366cc23e8157854c13c58d6aac23f046ada30f8353e74f33039872ab"
#define RFC5903_GIRX "d6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de"

#if RP_TEST_CRYPTO_ECC
static int t_ecdh(void)
{
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    const psa_algorithm_t ka = PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256));
    psa_key_id_t id = import_hex(PSA_KEY_TYPE_ECC_KEY_PAIR(P256), PSA_KEY_USAGE_DERIVE,
                                 PSA_ALG_ECDH, RFC5903_I);
    psa_key_id_t id2 = import_hex(PSA_KEY_TYPE_ECC_KEY_PAIR(P256), PSA_KEY_USAGE_DERIVE, ka,
                                  RFC5903_I);
    size_t pl = hx(v1, RFC5903_GR);
    NS_CHECK(id && id2);
    CHECK_OK(psa_raw_key_agreement(PSA_ALG_ECDH, id, v1, pl, b1, sizeof b1, &n1));
    NS_CHECK(eqhex(b1, n1, RFC5903_GIRX));            /* RFC 5903 8.1 */
    NS_CHECK(psa_raw_key_agreement(PSA_ALG_ECDH, id, v1, pl, b1, 31, &n1) ==
             PSA_ERROR_BUFFER_TOO_SMALL);
    NS_CHECK(psa_raw_key_agreement(PSA_ALG_ECDH, id, v1, 64, b1, sizeof b1, &n1) ==
             PSA_ERROR_INVALID_ARGUMENT);
    v1[64] ^= 1;                                       /* off the curve */
    NS_CHECK(psa_raw_key_agreement(PSA_ALG_ECDH, id, v1, pl, b1, sizeof b1, &n1) ==
             PSA_ERROR_INVALID_ARGUMENT);
    v1[64] ^= 1;
    NS_CHECK(psa_raw_key_agreement(PSA_ALG_FFDH, id, v1, pl, b1, sizeof b1, &n1) ==
             PSA_ERROR_NOT_SUPPORTED);
    NS_CHECK(psa_raw_key_agreement(ka, id, v1, pl, b1, sizeof b1, &n1) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_raw_key_agreement(PSA_ALG_ECDH, id2, v1, pl, b1, sizeof b1, &n1) ==
             PSA_ERROR_NOT_PERMITTED);
    /* ECDH + HKDF equals HKDF over the raw shared secret */
    CHECK_OK(psa_key_derivation_setup(&op, ka));
    CHECK_OK(psa_key_derivation_key_agreement(&op, PSA_KEY_DERIVATION_INPUT_SECRET, id2, v1, pl));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_INFO,
                                            (const uint8_t *)"ctx", 3));
    CHECK_OK(psa_key_derivation_output_bytes(&op, b2, 40));
    CHECK_OK(psa_key_derivation_abort(&op));
    CHECK_OK(psa_key_derivation_setup(&op, PSA_ALG_HKDF(PSA_ALG_SHA_256)));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, b1, 32));
    CHECK_OK(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_INFO,
                                            (const uint8_t *)"ctx", 3));
    CHECK_OK(psa_key_derivation_output_bytes(&op, b3, 40));
    CHECK_OK(psa_key_derivation_abort(&op));
    NS_CHECK(memcmp(b2, b3, 40) == 0);
    CHECK_OK(psa_key_derivation_setup(&op, ka));
    NS_CHECK(psa_key_derivation_key_agreement(&op, PSA_KEY_DERIVATION_INPUT_SECRET, id, v1, pl)
             == PSA_ERROR_NOT_PERMITTED);            /* its policy is raw ECDH only */
    CHECK_OK(psa_key_derivation_abort(&op));
    CHECK_OK(psa_destroy_key(id));
    CHECK_OK(psa_destroy_key(id2));
    return 0;
}
#endif

#if RP_TEST_CRYPTO_ECC
static int t_ecdsa(void)
{
    const psa_algorithm_t det = PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256);
    const psa_algorithm_t rnd = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id, pub, gen;
    uint8_t h[32];
    /* RFC 6979 A.2.5, P-256, SHA-256, "sample" */
    id = import_hex(PSA_KEY_TYPE_ECC_KEY_PAIR(P256),
                    PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH, det,
                    "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721");
    NS_CHECK(id != 0);
    CHECK_OK(psa_sign_message(id, det, (const uint8_t *)"sample", 6, b1, sizeof b1, &n1));
    NS_CHECK(eqhex(b1, n1, "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
                           "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8"));
    CHECK_OK(psa_verify_message(id, det, (const uint8_t *)"sample", 6, b1, n1));
    NS_CHECK(psa_verify_message(id, det, (const uint8_t *)"samplf", 6, b1, n1) ==
             PSA_ERROR_INVALID_SIGNATURE);
    CHECK_OK(psa_export_public_key(id, v1, sizeof v1, &n2));
    NS_CHECK(n2 == 65 && eqhex(v1, 33, "0460fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"));
    pub = import(PSA_KEY_TYPE_ECC_PUBLIC_KEY(P256), PSA_KEY_USAGE_VERIFY_MESSAGE, det, v1, 65);
    NS_CHECK(pub != 0);
    CHECK_OK(psa_verify_message(pub, det, (const uint8_t *)"sample", 6, b1, n1));
    b1[63] ^= 1;
    NS_CHECK(psa_verify_message(pub, det, (const uint8_t *)"sample", 6, b1, n1) ==
             PSA_ERROR_INVALID_SIGNATURE);
    NS_CHECK(psa_verify_message(pub, det, (const uint8_t *)"sample", 6, b1, 63) ==
             PSA_ERROR_INVALID_SIGNATURE);
    NS_CHECK(psa_sign_message(pub, det, (const uint8_t *)"sample", 6, b1, sizeof b1, &n1) ==
             PSA_ERROR_NOT_PERMITTED);
    CHECK_OK(psa_export_key(pub, b2, sizeof b2, &n2));  /* public keys always export */
    NS_CHECK(n2 == 65);
    /* bad arguments */
    memset(h, 9, 32);
    NS_CHECK(psa_sign_hash(id, det, h, 31, b1, sizeof b1, &n1) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_sign_hash(id, det, h, 32, b1, 63, &n1) == PSA_ERROR_BUFFER_TOO_SMALL);
    NS_CHECK(psa_sign_hash(id, PSA_ALG_SHA_256, h, 32, b1, sizeof b1, &n1) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_sign_message(id, PSA_ALG_ECDSA_ANY, h, 32, b1, sizeof b1, &n1) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_sign_hash(id, PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256), h, 32, b1, sizeof b1,
                           &n1) == PSA_ERROR_NOT_PERMITTED);
    CHECK_OK(psa_destroy_key(id));
    CHECK_OK(psa_destroy_key(pub));
    /* a generated key: randomized ECDSA, sign_hash / verify_hash through its public key */
    psa_set_key_type(&a, PSA_KEY_TYPE_ECC_KEY_PAIR(P256));
    psa_set_key_bits(&a, 256);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_SIGN_HASH);
    psa_set_key_algorithm(&a, rnd);
    CHECK_OK(psa_generate_key(&a, &gen));
    CHECK_OK(psa_sign_hash(gen, rnd, h, 32, b1, sizeof b1, &n1));
    CHECK_OK(psa_sign_hash(gen, rnd, h, 32, b2, sizeof b2, &n2));
    NS_CHECK(n1 == 64 && memcmp(b1, b2, 64) != 0);     /* fresh nonces */
    CHECK_OK(psa_export_public_key(gen, v1, sizeof v1, &n3));
    pub = import(PSA_KEY_TYPE_ECC_PUBLIC_KEY(P256), PSA_KEY_USAGE_VERIFY_HASH, rnd, v1, n3);
    NS_CHECK(pub != 0);
    CHECK_OK(psa_verify_hash(pub, rnd, h, 32, b1, 64));
    CHECK_OK(psa_verify_hash(pub, rnd, h, 32, b2, 64));
    h[0] ^= 1;
    NS_CHECK(psa_verify_hash(pub, rnd, h, 32, b1, 64) == PSA_ERROR_INVALID_SIGNATURE);
    CHECK_OK(psa_destroy_key(gen));
    CHECK_OK(psa_destroy_key(pub));
    /* a persistent key pair: its record carries the public key (format v2) */
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH);
    psa_set_key_algorithm(&a, det);
    psa_set_key_type(&a, PSA_KEY_TYPE_ECC_KEY_PAIR(P256));
    psa_set_key_bits(&a, 0);
    psa_set_key_id(&a, 0x1236);
    (void)psa_destroy_key(0x1236);
    hx(k1, "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721");
    CHECK_OK(psa_import_key(&a, k1, 32, &id));
    CHECK_OK(psa_export_public_key(id, v1, sizeof v1, &n2));
    NS_CHECK(n2 == 65 && eqhex(v1, 33, "0460fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"));
    CHECK_OK(psa_sign_hash(id, det, h, 32, b1, sizeof b1, &n1));
    CHECK_OK(psa_purge_key(id));
    CHECK_OK(psa_verify_hash(id, det, h, 32, b1, n1));
    h[2] ^= 1;
    NS_CHECK(psa_verify_hash(id, det, h, 32, b1, n1) == PSA_ERROR_INVALID_SIGNATURE);
    CHECK_OK(psa_destroy_key(id));
    psa_set_key_lifetime(&a, PSA_KEY_LIFETIME_VOLATILE);
    psa_set_key_bits(&a, 256);
    psa_set_key_algorithm(&a, rnd);
    /* a key pair keeps its public key from generation (verify with the pair itself), a
     * copy keeps it too; export still gives only the scalar */
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH |
                                    PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_EXPORT);
    CHECK_OK(psa_generate_key(&a, &gen));
    CHECK_OK(psa_sign_hash(gen, rnd, h, 32, b1, sizeof b1, &n1));
    CHECK_OK(psa_verify_hash(gen, rnd, h, 32, b1, n1));
    CHECK_OK(psa_copy_key(gen, &a, &pub));
    CHECK_OK(psa_verify_hash(pub, rnd, h, 32, b1, n1));
    h[1] ^= 1;
    NS_CHECK(psa_verify_hash(gen, rnd, h, 32, b1, n1) == PSA_ERROR_INVALID_SIGNATURE);
    NS_CHECK(psa_verify_hash(pub, rnd, h, 32, b1, n1) == PSA_ERROR_INVALID_SIGNATURE);
    CHECK_OK(psa_export_public_key(gen, v1, sizeof v1, &n2));
    CHECK_OK(psa_export_public_key(pub, b2, sizeof b2, &n3));
    NS_CHECK(n2 == 65 && n3 == 65 && memcmp(v1, b2, 65) == 0);
    CHECK_OK(psa_export_key(gen, b2, sizeof b2, &n3));
    NS_CHECK(n3 == 32);
    CHECK_OK(psa_destroy_key(gen));
    NS_CHECK(psa_verify_hash(gen, rnd, h, 32, b1, n1) == PSA_ERROR_INVALID_HANDLE);
    CHECK_OK(psa_destroy_key(pub));
    /* other secp_r1 sizes have no primitive */
    psa_set_key_bits(&a, 521);
    NS_CHECK(psa_generate_key(&a, &gen) == PSA_ERROR_NOT_SUPPORTED);
    psa_set_key_bits(&a, 224);
    NS_CHECK(psa_import_key(&a, k1, 28, &gen) == PSA_ERROR_NOT_SUPPORTED);
    return 0;
}
#endif

#if RP_TEST_CRYPTO_ECC
/* secp384r1: RFC 6979 A.2.6 (SHA-384, "sample"), RFC 5903 8.2 (ECDH), generated keys */
static int t_ecc_p384(void)
{
    const psa_algorithm_t det = PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_384);
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id, pub, gen;
    id = import_hex(PSA_KEY_TYPE_ECC_KEY_PAIR(P256 /* secp_r1 */),
                    PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE, det,
                    "6b9d3dad2e1b8c1c05b19875b6659f4de23c3b667bf297ba9aa47740787137d8"
                    "96d5724e4c70a825f872c9ea60d2edf5");
    NS_CHECK(id != 0);
    CHECK_OK(psa_get_key_attributes(id, &a));
    NS_CHECK(psa_get_key_bits(&a) == 384);
    CHECK_OK(psa_sign_message(id, det, (const uint8_t *)"sample", 6, b1, sizeof b1, &n1));
    NS_CHECK(eqhex(b1, n1, "94edbb92a5ecb8aad4736e56c691916b3f88140666ce9fa73d64c4ea95ad133c"
                           "81a648152e44acf96e36dd1e80fabe4699ef4aeb15f178cea1fe40db2603138f"
                           "130e740a19624526203b6351d0a3a94fa329c145786e679e7b82c71a38628ac8"));
    NS_CHECK(psa_sign_message(id, det, (const uint8_t *)"sample", 6, b1, 95, &n1) ==
             PSA_ERROR_BUFFER_TOO_SMALL);
    CHECK_OK(psa_export_public_key(id, v1, sizeof v1, &n2));
    NS_CHECK(n2 == 97 && eqhex(v1, 17, "04ec3a4e415b4e19a4568618029f427fa5"));
    pub = import(PSA_KEY_TYPE_ECC_PUBLIC_KEY(P256), PSA_KEY_USAGE_VERIFY_MESSAGE, det, v1, 97);
    NS_CHECK(pub != 0);
    CHECK_OK(psa_sign_message(id, det, (const uint8_t *)"sample", 6, b1, sizeof b1, &n1));
    CHECK_OK(psa_verify_message(pub, det, (const uint8_t *)"sample", 6, b1, n1));
    b1[50] ^= 4;
    NS_CHECK(psa_verify_message(pub, det, (const uint8_t *)"sample", 6, b1, n1) ==
             PSA_ERROR_INVALID_SIGNATURE);
    NS_CHECK(psa_verify_message(pub, det, (const uint8_t *)"sample", 6, b1, 64) ==
             PSA_ERROR_INVALID_SIGNATURE);
    CHECK_OK(psa_destroy_key(id));
    CHECK_OK(psa_destroy_key(pub));
    /* ECDH */
    id = import_hex(PSA_KEY_TYPE_ECC_KEY_PAIR(P256), PSA_KEY_USAGE_DERIVE, PSA_ALG_ECDH,
                    "099f3c7034d4a2c699884d73a375a67f7624ef7c6b3c0f160647b67414dce655"
                    "e35b538041e649ee3faef896783ab194");
    NS_CHECK(id != 0);
    hx(v1, "04e558dbef53eecde3d3fccfc1aea08a89a987475d12fd950d83cfa41732bc509d0d1ac43a0336def9"
           "6fda41d0774a3571dcfbec7aacf3196472169e838430367f66eebe3c6e70c416dd5f0c68759dd1ff"
           "f83fa40142209dff5eaad96db9e6386c");
    CHECK_OK(psa_raw_key_agreement(PSA_ALG_ECDH, id, v1, 97, b1, sizeof b1, &n1));
    NS_CHECK(eqhex(b1, n1, "11187331c279962d93d604243fd592cb9d0a926f422e47187521287e7156c5c4"
                           "d603135569b9e9d09cf5d4a270f59746"));
    NS_CHECK(psa_raw_key_agreement(PSA_ALG_ECDH, id, v1, 65, b1, sizeof b1, &n1) ==
             PSA_ERROR_INVALID_ARGUMENT);                /* a P-256-sized peer key */
    CHECK_OK(psa_destroy_key(id));
    /* a generated key, randomized ECDSA with SHA-256 */
    psa_set_key_type(&a, PSA_KEY_TYPE_ECC_KEY_PAIR(P256));
    psa_set_key_bits(&a, 384);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH);
    psa_set_key_algorithm(&a, PSA_ALG_ECDSA(PSA_ALG_SHA_256));
    psa_set_key_lifetime(&a, PSA_KEY_LIFETIME_VOLATILE);
    CHECK_OK(psa_generate_key(&a, &gen));
    memset(v2, 3, 32);
    CHECK_OK(psa_sign_hash(gen, PSA_ALG_ECDSA(PSA_ALG_SHA_256), v2, 32, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 96);
    CHECK_OK(psa_verify_hash(gen, PSA_ALG_ECDSA(PSA_ALG_SHA_256), v2, 32, b1, n1));
    CHECK_OK(psa_destroy_key(gen));
    return 0;
}

#endif
#if !RP_TEST_CRYPTO_ECC
/* A profile without elliptic curves (crypto_ecc: false): every ECC key type and algorithm
 * is PSA_ERROR_NOT_SUPPORTED, and nothing else changes. */
static int t_ecc_absent(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id = 0;
    psa_set_key_type(&a, PSA_KEY_TYPE_ECC_KEY_PAIR(P256));
    psa_set_key_bits(&a, 256);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_DERIVE);
    psa_set_key_algorithm(&a, PSA_ALG_ECDSA(PSA_ALG_SHA_256));
    NS_CHECK(psa_generate_key(&a, &id) == PSA_ERROR_NOT_SUPPORTED);
    memset(k1, 0x11, 32);
    NS_CHECK(psa_import_key(&a, k1, 32, &id) == PSA_ERROR_NOT_SUPPORTED);
    psa_set_key_bits(&a, 384);
    NS_CHECK(psa_generate_key(&a, &id) == PSA_ERROR_NOT_SUPPORTED);
    psa_set_key_type(&a, PSA_KEY_TYPE_ECC_PUBLIC_KEY(P256));
    psa_set_key_bits(&a, 0);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_VERIFY_HASH);
    k1[0] = 0x04;
    NS_CHECK(psa_import_key(&a, k1, 65, &id) == PSA_ERROR_NOT_SUPPORTED);
    NS_CHECK(id == 0);
    return 0;
}
#endif

/* RSA: a well-formed RSAPublicKey of a made-up 1024-bit modulus is taken and used for
 * encryption; policies, sizes and malformed keys are refused. Known answers are in the
 * cases below (OpenSSL at build time) and in tests/crypto_service/test_rsa_psa.c
 * (Wycheproof, host). A build without RSA (a profile with `crypto_rsa: false`) must say
 * PSA_ERROR_NOT_SUPPORTED; misuse is caught either way. */
static int t_rsa(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id = 0, aes;
    /* RSAPublicKey { n = 1024-bit odd number, e = 65537 } */
    hx(k1, "30818902818100");
    memset(k1 + 7, 0xc5, 128);
    k1[7 + 127] = 0x37;
    hx(k1 + 135, "0203010001");
    psa_set_key_type(&a, PSA_KEY_TYPE_RSA_PUBLIC_KEY);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_VERIFY_HASH);
    psa_set_key_algorithm(&a, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256));
#if !RP_TEST_CRYPTO_RSA
    NS_CHECK(psa_import_key(&a, k1, 140, &id) == PSA_ERROR_NOT_SUPPORTED && id == 0);
    psa_set_key_type(&a, PSA_KEY_TYPE_RSA_KEY_PAIR);
    psa_set_key_bits(&a, 2048);
    NS_CHECK(psa_generate_key(&a, &id) == PSA_ERROR_NOT_SUPPORTED && id == 0);
#else
    CHECK_OK(psa_import_key(&a, k1, 140, &id));
    CHECK_OK(psa_get_key_attributes(id, &a));
    NS_CHECK(psa_get_key_bits(&a) == 1024);
    CHECK_OK(psa_export_public_key(id, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 140 && memcmp(b1, k1, 140) == 0);
    NS_CHECK(psa_export_public_key(id, b1, 139, &n1) == PSA_ERROR_BUFFER_TOO_SMALL);
    CHECK_OK(psa_asymmetric_encrypt(id, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256), b3, 16,
                                    (const uint8_t *)"label", 5, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 128);
    NS_CHECK(psa_asymmetric_encrypt(id, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256), b3, 16, 0, 0,
                                    b1, 127, &n1) == PSA_ERROR_BUFFER_TOO_SMALL);
    NS_CHECK(psa_asymmetric_encrypt(id, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256), b3, 100, 0, 0,
                                    b1, sizeof b1, &n1) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_asymmetric_decrypt(id, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256), b1, 128, 0, 0,
                                    b2, sizeof b2, &n2) == PSA_ERROR_NOT_PERMITTED);
    NS_CHECK(psa_asymmetric_encrypt(id, PSA_ALG_RSA_PKCS1V15_CRYPT, b3, 16, 0, 0, b1,
                                    sizeof b1, &n1) == PSA_ERROR_NOT_PERMITTED);
    CHECK_OK(psa_destroy_key(id));
    k1[7 + 127] = 0x36;                      /* an even modulus is not an RSA key */
    NS_CHECK(psa_import_key(&a, k1, 140, &id) == PSA_ERROR_INVALID_ARGUMENT);
    psa_set_key_bits(&a, 2048);              /* a size the data does not have */
    k1[7 + 127] = 0x37;
    NS_CHECK(psa_import_key(&a, k1, 140, &id) == PSA_ERROR_INVALID_ARGUMENT);
#endif
    /* misuse, whatever the build */
    memset(k1, 1, 16);
    aes = import(PSA_KEY_TYPE_AES, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256),
                 k1, 16);
    NS_CHECK(aes != 0);
    NS_CHECK(psa_asymmetric_encrypt(aes, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256), b3, 16, 0, 0, b1,
                                    sizeof b1, &n1) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_asymmetric_encrypt(aes, PSA_ALG_RSA_PKCS1V15_CRYPT, b3, 16, 0, 0, b1,
                                    sizeof b1, &n1) == PSA_ERROR_NOT_PERMITTED);
    NS_CHECK(psa_asymmetric_encrypt(aes, PSA_ALG_CTR, b3, 16, 0, 0, b1, sizeof b1, &n1) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_asymmetric_encrypt(aes, PSA_ALG_RSA_PKCS1V15_CRYPT, b3, 16, b3, 1, b1,
                                    sizeof b1, &n1) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_asymmetric_decrypt(aes, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256), b3, 16, 0, 0, b1,
                                    sizeof b1, &n1) == PSA_ERROR_NOT_PERMITTED);
    NS_CHECK(psa_verify_hash(aes, PSA_ALG_RSA_PSS(PSA_ALG_SHA_256), b3, 32, b1, 256) ==
             PSA_ERROR_NOT_PERMITTED);
    CHECK_OK(psa_destroy_key(aes));
    return 0;
}

#if RP_TEST_CRYPTO_RSA
/* ---------------- RSA known answers ----------------
 * Keys, signatures and ciphertexts made by a second implementation, OpenSSL through
 * python3-cryptography, when the build was configured (tests/crypto_service/
 * gen_rsa_kat.py, fresh keys each time): PKCS#1 v1.5 signatures are deterministic, so ours
 * must equal OpenSSL's byte for byte; OpenSSL's PSS signatures must verify; its OAEP and
 * PKCS#1 v1.5 ciphertexts must decrypt to the message; keys must export exactly as
 * imported. Key sizes 1024 (public only), 2048 and 4096. */
static uint8_t rsa_buf[2400];

#define RSA_V15 PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256)
#define RSA_PSS PSA_ALG_RSA_PSS(PSA_ALG_SHA_256)
#define RSA_OAEP PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256)

/* 1 if the signature sig (n bytes) fails once any one bit of it is flipped. */
static int rsa_flip_refused(psa_key_id_t id, psa_algorithm_t alg, const uint8_t *sig, size_t n)
{
    memcpy(b2, sig, n);
    b2[n / 3] ^= 0x10;
    return psa_verify_hash(id, alg, RSA_KAT_SHA256, 32, b2, n) == PSA_ERROR_INVALID_SIGNATURE;
}

static int t_rsa_kat_sign(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t pair, pub;
    pair = import(PSA_KEY_TYPE_RSA_KEY_PAIR, PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH,
                  RSA_V15, RSA_KAT_2048_PAIR, RSA_KAT_2048_PAIR_LEN);
    NS_CHECK(pair != 0);
    CHECK_OK(psa_get_key_attributes(pair, &a));
    NS_CHECK(psa_get_key_bits(&a) == 2048);
    /* PKCS#1 v1.5: the same signature as OpenSSL's, by hash and by message */
    CHECK_OK(psa_sign_hash(pair, RSA_V15, RSA_KAT_SHA256, 32, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 256 && memcmp(b1, RSA_KAT_2048_PKCS1_SIG, 256) == 0);
#ifdef RP_RSA_LONG_CASES
    memset(b1, 0, 256);
    CHECK_OK(psa_sign_message(pair, RSA_V15, RSA_KAT_MSG, RSA_KAT_MSG_LEN, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 256 && memcmp(b1, RSA_KAT_2048_PKCS1_SIG, 256) == 0);
#endif
    CHECK_OK(psa_verify_hash(pair, RSA_V15, RSA_KAT_SHA256, 32, RSA_KAT_2048_PKCS1_SIG, 256));
    NS_CHECK(rsa_flip_refused(pair, RSA_V15, RSA_KAT_2048_PKCS1_SIG, 256));
    /* errors: buffer too small, wrong policy, wrong hash length, wrong signature size */
    NS_CHECK(psa_sign_hash(pair, RSA_V15, RSA_KAT_SHA256, 32, b1, 255, &n1) ==
             PSA_ERROR_BUFFER_TOO_SMALL);
    NS_CHECK(psa_sign_hash(pair, RSA_PSS, RSA_KAT_SHA256, 32, b1, sizeof b1, &n1) ==
             PSA_ERROR_NOT_PERMITTED);
    NS_CHECK(psa_sign_hash(pair, RSA_V15, RSA_KAT_SHA256, 31, b1, sizeof b1, &n1) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_verify_hash(pair, RSA_V15, RSA_KAT_SHA256, 32, RSA_KAT_2048_PKCS1_SIG, 255) ==
             PSA_ERROR_INVALID_SIGNATURE);
    NS_CHECK(psa_export_key(pair, rsa_buf, sizeof rsa_buf, &n1) == PSA_ERROR_NOT_PERMITTED);
    CHECK_OK(psa_destroy_key(pair));
    /* PSS: OpenSSL's signature verifies under the public key, by hash and by message */
    pub = import(PSA_KEY_TYPE_RSA_PUBLIC_KEY, PSA_KEY_USAGE_VERIFY_HASH, RSA_PSS,
                 RSA_KAT_2048_PUB, RSA_KAT_2048_PUB_LEN);
    NS_CHECK(pub != 0);
    CHECK_OK(psa_verify_hash(pub, RSA_PSS, RSA_KAT_SHA256, 32, RSA_KAT_2048_PSS_SIG, 256));
    CHECK_OK(psa_verify_message(pub, RSA_PSS, RSA_KAT_MSG, RSA_KAT_MSG_LEN,
                                RSA_KAT_2048_PSS_SIG, 256));
    NS_CHECK(rsa_flip_refused(pub, RSA_PSS, RSA_KAT_2048_PSS_SIG, 256));
    NS_CHECK(psa_verify_hash(pub, RSA_V15, RSA_KAT_SHA256, 32, RSA_KAT_2048_PKCS1_SIG, 256) ==
             PSA_ERROR_NOT_PERMITTED);
    NS_CHECK(psa_sign_hash(pub, RSA_PSS, RSA_KAT_SHA256, 32, b1, sizeof b1, &n1) ==
             PSA_ERROR_NOT_PERMITTED);
    CHECK_OK(psa_destroy_key(pub));
    /* a PSS signature of ours (random salt; the 1024-bit pair, cheaper in QEMU) verifies
     * under the public key */
    pair = import(PSA_KEY_TYPE_RSA_KEY_PAIR, PSA_KEY_USAGE_SIGN_HASH, RSA_PSS,
                  RSA_KAT_1024_PAIR, RSA_KAT_1024_PAIR_LEN);
    pub = import(PSA_KEY_TYPE_RSA_PUBLIC_KEY, PSA_KEY_USAGE_VERIFY_HASH, RSA_PSS,
                 RSA_KAT_1024_PUB, RSA_KAT_1024_PUB_LEN);
    NS_CHECK(pair != 0 && pub != 0);
    CHECK_OK(psa_sign_hash(pair, RSA_PSS, RSA_KAT_SHA256, 32, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 128);
    CHECK_OK(psa_verify_hash(pub, RSA_PSS, RSA_KAT_SHA256, 32, b1, 128));
    NS_CHECK(rsa_flip_refused(pub, RSA_PSS, b1, 128));
    CHECK_OK(psa_destroy_key(pair));
    CHECK_OK(psa_destroy_key(pub));
    /* 1024-bit PKCS#1 v1.5 and 4096-bit PSS verification */
    pub = import(PSA_KEY_TYPE_RSA_PUBLIC_KEY, PSA_KEY_USAGE_VERIFY_HASH, RSA_V15,
                 RSA_KAT_1024_PUB, RSA_KAT_1024_PUB_LEN);
    NS_CHECK(pub != 0);
    CHECK_OK(psa_verify_hash(pub, RSA_V15, RSA_KAT_SHA256, 32, RSA_KAT_1024_PKCS1_SIG, 128));
    NS_CHECK(rsa_flip_refused(pub, RSA_V15, RSA_KAT_1024_PKCS1_SIG, 128));
    CHECK_OK(psa_destroy_key(pub));
    pub = import(PSA_KEY_TYPE_RSA_PUBLIC_KEY, PSA_KEY_USAGE_VERIFY_HASH,
                 PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_SHA_256), RSA_KAT_4096_PUB,
                 RSA_KAT_4096_PUB_LEN);
    NS_CHECK(pub != 0);
    CHECK_OK(psa_verify_hash(pub, PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_SHA_256), RSA_KAT_SHA256, 32,
                             RSA_KAT_4096_PSS_SIG, 512));
    NS_CHECK(rsa_flip_refused(pub, PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_SHA_256),
                              RSA_KAT_4096_PSS_SIG, 512));
    CHECK_OK(psa_destroy_key(pub));
    return 0;
}

/* Decrypt ct with key id and alg (label as given); 1 if the result is the message. */
static int rsa_decrypts_to_msg(psa_key_id_t id, psa_algorithm_t alg, const uint8_t *ct,
                               size_t n, const uint8_t *label, size_t label_len)
{
    memset(b2, 0, RSA_KAT_MSG_LEN);
    return psa_asymmetric_decrypt(id, alg, ct, n, label, label_len, b2, sizeof b2, &n2) ==
               PSA_SUCCESS && n2 == RSA_KAT_MSG_LEN && memcmp(b2, RSA_KAT_MSG, n2) == 0;
}

static int t_rsa_kat_crypt(void)
{
    psa_key_id_t oaep, v15, pub;
    const uint8_t *lab = RSA_KAT_LABEL;
    psa_key_usage_t both = PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT;
    /* OpenSSL's 2048-bit ciphertexts decrypt to the message */
    oaep = import(PSA_KEY_TYPE_RSA_KEY_PAIR, both, RSA_OAEP, RSA_KAT_2048_PAIR,
                  RSA_KAT_2048_PAIR_LEN);
    v15 = import(PSA_KEY_TYPE_RSA_KEY_PAIR, both, PSA_ALG_RSA_PKCS1V15_CRYPT,
                 RSA_KAT_2048_PAIR, RSA_KAT_2048_PAIR_LEN);
    NS_CHECK(oaep != 0 && v15 != 0);
    NS_CHECK(rsa_decrypts_to_msg(oaep, RSA_OAEP, RSA_KAT_2048_OAEP_CT, 256, lab,
                                 RSA_KAT_LABEL_LEN));
    NS_CHECK(rsa_decrypts_to_msg(v15, PSA_ALG_RSA_PKCS1V15_CRYPT, RSA_KAT_2048_PKCS1_CT, 256,
                                 NULL, 0));
    /* errors without a private operation: wrong policy, a ciphertext of the wrong size,
     * decryption with a public key */
    NS_CHECK(psa_asymmetric_decrypt(oaep, PSA_ALG_RSA_PKCS1V15_CRYPT, RSA_KAT_2048_PKCS1_CT,
                                    256, NULL, 0, b2, sizeof b2, &n2) == PSA_ERROR_NOT_PERMITTED);
    NS_CHECK(psa_asymmetric_decrypt(oaep, RSA_OAEP, RSA_KAT_2048_OAEP_CT, 255, lab,
                                    RSA_KAT_LABEL_LEN, b2, sizeof b2, &n2) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_sign_hash(oaep, RSA_V15, RSA_KAT_SHA256, 32, b1, sizeof b1, &n1) ==
             PSA_ERROR_NOT_PERMITTED);
    pub = import(PSA_KEY_TYPE_RSA_PUBLIC_KEY, both, RSA_OAEP, RSA_KAT_2048_PUB,
                 RSA_KAT_2048_PUB_LEN);
    NS_CHECK(pub != 0);
    NS_CHECK(psa_asymmetric_decrypt(pub, RSA_OAEP, RSA_KAT_2048_OAEP_CT, 256, lab,
                                    RSA_KAT_LABEL_LEN, b2, sizeof b2, &n2) ==
             PSA_ERROR_INVALID_ARGUMENT);
#ifdef RP_RSA_LONG_CASES
    /* our encryption from the public key alone, decrypted with the pair */
    CHECK_OK(psa_asymmetric_encrypt(pub, RSA_OAEP, RSA_KAT_MSG, RSA_KAT_MSG_LEN, lab,
                                    RSA_KAT_LABEL_LEN, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 256 && rsa_decrypts_to_msg(oaep, RSA_OAEP, b1, 256, lab,
                                              RSA_KAT_LABEL_LEN));
#endif
    CHECK_OK(psa_destroy_key(pub));
    CHECK_OK(psa_destroy_key(oaep));
    CHECK_OK(psa_destroy_key(v15));
    /* round trips and the errors that need a private operation, with the 1024-bit pair
     * (an eighth of the cost in QEMU): our OAEP and v1.5 encryptions decrypt; a wrong
     * label, a corrupted ciphertext and a short output buffer are refused */
    oaep = import(PSA_KEY_TYPE_RSA_KEY_PAIR, both, RSA_OAEP, RSA_KAT_1024_PAIR,
                  RSA_KAT_1024_PAIR_LEN);
    v15 = import(PSA_KEY_TYPE_RSA_KEY_PAIR, both, PSA_ALG_RSA_PKCS1V15_CRYPT,
                 RSA_KAT_1024_PAIR, RSA_KAT_1024_PAIR_LEN);
    NS_CHECK(oaep != 0 && v15 != 0);
    CHECK_OK(psa_asymmetric_encrypt(oaep, RSA_OAEP, RSA_KAT_MSG, RSA_KAT_MSG_LEN, lab,
                                    RSA_KAT_LABEL_LEN, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 128 && rsa_decrypts_to_msg(oaep, RSA_OAEP, b1, 128, lab,
                                              RSA_KAT_LABEL_LEN));
    NS_CHECK(psa_asymmetric_decrypt(oaep, RSA_OAEP, b1, 128, lab, RSA_KAT_LABEL_LEN - 1, b2,
                                    sizeof b2, &n2) == PSA_ERROR_INVALID_PADDING);
    NS_CHECK(psa_asymmetric_decrypt(oaep, RSA_OAEP, b1, 128, lab, RSA_KAT_LABEL_LEN, b2,
                                    RSA_KAT_MSG_LEN - 1, &n2) == PSA_ERROR_BUFFER_TOO_SMALL);
    CHECK_OK(psa_asymmetric_encrypt(v15, PSA_ALG_RSA_PKCS1V15_CRYPT, RSA_KAT_MSG,
                                    RSA_KAT_MSG_LEN, NULL, 0, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 128 && rsa_decrypts_to_msg(v15, PSA_ALG_RSA_PKCS1V15_CRYPT, b1, 128, NULL,
                                              0));
    b1[100] ^= 1;
    NS_CHECK(!rsa_decrypts_to_msg(v15, PSA_ALG_RSA_PKCS1V15_CRYPT, b1, 128, NULL, 0));
    CHECK_OK(psa_destroy_key(oaep));
    CHECK_OK(psa_destroy_key(v15));
#ifdef RP_RSA_LONG_CASES
    /* 4096 bits: a private operation at the largest size */
    oaep = import(PSA_KEY_TYPE_RSA_KEY_PAIR, PSA_KEY_USAGE_DECRYPT, RSA_OAEP, RSA_KAT_4096_PAIR,
                  RSA_KAT_4096_PAIR_LEN);
    NS_CHECK(oaep != 0);
    NS_CHECK(rsa_decrypts_to_msg(oaep, RSA_OAEP, RSA_KAT_4096_OAEP_CT, 512, lab,
                                 RSA_KAT_LABEL_LEN));
    CHECK_OK(psa_destroy_key(oaep));
#endif
    return 0;
}

/* Import and export in the PSA formats: a key pair exports as the RSAPrivateKey it was
 * imported from and its public key as OpenSSL's RSAPublicKey; a public key exports as
 * itself; wrong types and sizes are refused. */
static int t_rsa_kat_keys(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id = 0, pub;
    const struct { const uint8_t *pair, *pub; size_t pair_len, pub_len, bits; } k[] = {
        { RSA_KAT_2048_PAIR, RSA_KAT_2048_PUB, RSA_KAT_2048_PAIR_LEN, RSA_KAT_2048_PUB_LEN,
          2048 },
        { RSA_KAT_4096_PAIR, RSA_KAT_4096_PUB, RSA_KAT_4096_PAIR_LEN, RSA_KAT_4096_PUB_LEN,
          4096 },
    };
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
        id = import(PSA_KEY_TYPE_RSA_KEY_PAIR, PSA_KEY_USAGE_EXPORT, RSA_V15, k[i].pair,
                    k[i].pair_len);
        NS_CHECK(id != 0);
        CHECK_OK(psa_get_key_attributes(id, &a));
        NS_CHECK(psa_get_key_bits(&a) == k[i].bits &&
                 psa_get_key_type(&a) == PSA_KEY_TYPE_RSA_KEY_PAIR);
        CHECK_OK(psa_export_key(id, rsa_buf, sizeof rsa_buf, &n1));
        NS_CHECK(n1 == k[i].pair_len && memcmp(rsa_buf, k[i].pair, n1) == 0);
        NS_CHECK(psa_export_key(id, rsa_buf, k[i].pair_len - 1, &n1) ==
                 PSA_ERROR_BUFFER_TOO_SMALL);
        CHECK_OK(psa_export_public_key(id, rsa_buf, sizeof rsa_buf, &n1));
        NS_CHECK(n1 == k[i].pub_len && memcmp(rsa_buf, k[i].pub, n1) == 0);
        NS_CHECK(psa_export_public_key(id, rsa_buf, k[i].pub_len - 1, &n1) ==
                 PSA_ERROR_BUFFER_TOO_SMALL);
        CHECK_OK(psa_destroy_key(id));
        pub = import(PSA_KEY_TYPE_RSA_PUBLIC_KEY, 0, RSA_V15, k[i].pub, k[i].pub_len);
        NS_CHECK(pub != 0);
        CHECK_OK(psa_export_key(pub, rsa_buf, sizeof rsa_buf, &n1));
        NS_CHECK(n1 == k[i].pub_len && memcmp(rsa_buf, k[i].pub, n1) == 0);
        CHECK_OK(psa_destroy_key(pub));
    }
    /* wrong key type for the data, a truncated key, a key pair with a changed prime,
     * a size the data does not have */
    psa_reset_key_attributes(&a);
    psa_set_key_type(&a, PSA_KEY_TYPE_RSA_PUBLIC_KEY);
    NS_CHECK(psa_import_key(&a, RSA_KAT_2048_PAIR, RSA_KAT_2048_PAIR_LEN, &id) ==
             PSA_ERROR_INVALID_ARGUMENT);
    psa_set_key_type(&a, PSA_KEY_TYPE_RSA_KEY_PAIR);
    NS_CHECK(psa_import_key(&a, RSA_KAT_2048_PUB, RSA_KAT_2048_PUB_LEN, &id) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_import_key(&a, RSA_KAT_2048_PAIR, RSA_KAT_2048_PAIR_LEN - 1, &id) ==
             PSA_ERROR_INVALID_ARGUMENT);
    memcpy(rsa_buf, RSA_KAT_2048_PAIR, RSA_KAT_2048_PAIR_LEN);
    rsa_buf[RSA_KAT_2048_PAIR_LEN / 2] ^= 0x02;  /* inside p: n = p q no longer holds */
    NS_CHECK(psa_import_key(&a, rsa_buf, RSA_KAT_2048_PAIR_LEN, &id) ==
             PSA_ERROR_INVALID_ARGUMENT);
    psa_set_key_bits(&a, 3072);
    NS_CHECK(psa_import_key(&a, RSA_KAT_2048_PAIR, RSA_KAT_2048_PAIR_LEN, &id) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(id == 0);
    return 0;
}

/* 1 if the persistent store takes a record larger than one ITS asset (an RSA key pair's):
 * the device's ITS store (chunked, services/crypto/crypto_sp.c) and the host's file store
 * do; the RAM stores (the host library without a directory, the partition simulator)
 * hold records of 176 bytes. */
#ifdef RP_TEST_SMALL_STORE
static int big_store = 0;
#else
static int big_store = 1; /* the host suite clears it when it runs without a directory */
#endif

/* A persistent RSA-2048 key pair (a 1,215-byte record: more than one ITS asset on the
 * device): after a purge it is read back whole (export gives the imported bytes), and
 * after destroy it is gone. A small store refuses it with INSUFFICIENT_STORAGE. */
static int t_rsa_persistent(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id = 0;
    psa_set_key_type(&a, PSA_KEY_TYPE_RSA_KEY_PAIR);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_SIGN_HASH);
    psa_set_key_algorithm(&a, RSA_V15);
    psa_set_key_id(&a, 0x2048);
    (void)psa_destroy_key(0x2048);                   /* left over from an earlier run */
    psa_status_t st = psa_import_key(&a, RSA_KAT_2048_PAIR, RSA_KAT_2048_PAIR_LEN, &id);
    if (!big_store) {
        NS_CHECK(st == PSA_ERROR_INSUFFICIENT_STORAGE && id == 0);
        return 0;
    }
    CHECK_OK(st);
    NS_CHECK(id == 0x2048);
    CHECK_OK(psa_purge_key(id));
    memset(rsa_buf, 0, sizeof rsa_buf);
    CHECK_OK(psa_export_key(id, rsa_buf, sizeof rsa_buf, &n1));
    NS_CHECK(n1 == RSA_KAT_2048_PAIR_LEN && memcmp(rsa_buf, RSA_KAT_2048_PAIR, n1) == 0);
    CHECK_OK(psa_get_key_attributes(id, &a));
    NS_CHECK(psa_get_key_bits(&a) == 2048 &&
             psa_get_key_lifetime(&a) == PSA_KEY_LIFETIME_PERSISTENT);
    CHECK_OK(psa_destroy_key(id));
    NS_CHECK(psa_export_key(id, rsa_buf, sizeof rsa_buf, &n1) == PSA_ERROR_INVALID_HANDLE);
    /* the same id again: a new record over the old one's place */
    CHECK_OK(psa_import_key(&a, RSA_KAT_2048_PAIR, RSA_KAT_2048_PAIR_LEN, &id));
    CHECK_OK(psa_purge_key(id));
    CHECK_OK(psa_export_public_key(id, rsa_buf, sizeof rsa_buf, &n1));
    NS_CHECK(n1 == RSA_KAT_2048_PUB_LEN && memcmp(rsa_buf, RSA_KAT_2048_PUB, n1) == 0);
    CHECK_OK(psa_destroy_key(id));
    return 0;
}

/* RSA-2048 key generation in the service: the key signs, its exported public key (an
 * RSAPublicKey of 2048 bits) verifies, other sizes are refused. (The generated numbers
 * are checked against OpenSSL on the host: tests/pk/test_rsa_openssl.c.) About 23 s of
 * QEMU time: one of the long cases. */
#ifdef RP_RSA_LONG_CASES
static int t_rsa_generate(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t gen = 0, pub;
    psa_set_key_type(&a, PSA_KEY_TYPE_RSA_KEY_PAIR);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_SIGN_HASH);
    psa_set_key_algorithm(&a, RSA_PSS);
    psa_set_key_bits(&a, 3072);
    NS_CHECK(psa_generate_key(&a, &gen) == PSA_ERROR_NOT_SUPPORTED && gen == 0);
    psa_set_key_bits(&a, 2048);
    CHECK_OK(psa_generate_key(&a, &gen));
    CHECK_OK(psa_get_key_attributes(gen, &a));
    NS_CHECK(psa_get_key_bits(&a) == 2048);
    CHECK_OK(psa_export_public_key(gen, rsa_buf, sizeof rsa_buf, &n1));
    NS_CHECK(n1 == RSA_KAT_2048_PUB_LEN);    /* SEQUENCE { 257-byte n, 65537 } */
    pub = import(PSA_KEY_TYPE_RSA_PUBLIC_KEY, PSA_KEY_USAGE_VERIFY_HASH, RSA_PSS, rsa_buf, n1);
    NS_CHECK(pub != 0);
    CHECK_OK(psa_sign_hash(gen, RSA_PSS, RSA_KAT_SHA256, 32, b1, sizeof b1, &n1));
    CHECK_OK(psa_verify_hash(pub, RSA_PSS, RSA_KAT_SHA256, 32, b1, n1));
    NS_CHECK(rsa_flip_refused(pub, RSA_PSS, b1, n1));
    CHECK_OK(psa_destroy_key(pub));
    CHECK_OK(psa_destroy_key(gen));
    return 0;
}
#endif
#endif /* RP_TEST_CRYPTO_RSA */

/* ---------------- long inputs and outputs ----------------
 * Through the partition, multipart calls and hash/MAC computations of any length are split
 * by the client library; a one-shot cipher or AEAD call has a per-call limit. */

static int t_long_io(void)
{
    psa_hash_operation_t h = PSA_HASH_OPERATION_INIT;
    psa_cipher_operation_t c = PSA_CIPHER_OPERATION_INIT;
    psa_key_derivation_operation_t d = PSA_KEY_DERIVATION_OPERATION_INIT;
    psa_key_id_t mac, ctr;
    size_t done = 0;
    for (unsigned i = 0; i < sizeof big; i++)
        big[i] = (uint8_t)(i * 7);
    /* hash: one call over 3000 bytes = three updates */
    CHECK_OK(psa_hash_compute(PSA_ALG_SHA_256, big, 3000, b1, 32, &n1));
    CHECK_OK(psa_hash_setup(&h, PSA_ALG_SHA_256));
    for (unsigned i = 0; i < 3; i++)
        CHECK_OK(psa_hash_update(&h, big + 1000 * i, 1000));
    CHECK_OK(psa_hash_verify(&h, b1, n1));
    CHECK_OK(psa_hash_compare(PSA_ALG_SHA_256, big, 3000, b1, n1));
    /* MAC over 3000 bytes, computed and verified */
    memset(k1, 9, 32);
    mac = import(PSA_KEY_TYPE_HMAC, PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE,
                 PSA_ALG_HMAC(PSA_ALG_SHA_256), k1, 32);
    NS_CHECK(mac != 0);
    CHECK_OK(psa_mac_compute(mac, PSA_ALG_HMAC(PSA_ALG_SHA_256), big, 3000, b1, 32, &n1));
    CHECK_OK(psa_mac_verify(mac, PSA_ALG_HMAC(PSA_ALG_SHA_256), big, 3000, b1, n1));
    CHECK_OK(psa_destroy_key(mac));
    /* CTR: one 2,999-byte update = the same stream in small pieces */
    ctr = import(PSA_KEY_TYPE_AES, ENC_DEC, PSA_ALG_CTR, k1, 16);
    NS_CHECK(ctr != 0);
    memset(v1, 0x44, 16);
    CHECK_OK(psa_cipher_encrypt_setup(&c, ctr, PSA_ALG_CTR));
    CHECK_OK(psa_cipher_set_iv(&c, v1, 16));
    CHECK_OK(psa_cipher_update(&c, big, 2999, big2, sizeof big2, &n1));
    NS_CHECK(n1 == 2999);
    CHECK_OK(psa_cipher_finish(&c, big2 + n1, 16, &n2));
    CHECK_OK(psa_cipher_decrypt_setup(&c, ctr, PSA_ALG_CTR));
    CHECK_OK(psa_cipher_set_iv(&c, v1, 16));
    for (size_t off = 0, step = 100; off < 2999; off += step) {
        size_t s = 2999 - off < step ? 2999 - off : step;
        CHECK_OK(psa_cipher_update(&c, big2 + off, s, b1, sizeof b1, &n1));
        NS_CHECK(n1 == s && memcmp(b1, big + off, s) == 0);
        done += n1;
    }
    NS_CHECK(done == 2999);
    CHECK_OK(psa_cipher_finish(&c, b1, 16, &n1));
#ifndef RP_HOST_SUITE
    /* the partition's per-call limit for one-shot calls */
    NS_CHECK(psa_cipher_encrypt(ctr, PSA_ALG_CTR, big, 2700, big2, sizeof big2, &n1) ==
             PSA_ERROR_INSUFFICIENT_MEMORY);
#endif
    CHECK_OK(psa_destroy_key(ctr));
    /* derivation output and random in one long call */
    CHECK_OK(psa_key_derivation_setup(&d, PSA_ALG_HKDF(PSA_ALG_SHA_256)));
    CHECK_OK(psa_key_derivation_input_bytes(&d, PSA_KEY_DERIVATION_INPUT_SECRET, k1, 32));
    CHECK_OK(psa_key_derivation_input_bytes(&d, PSA_KEY_DERIVATION_INPUT_INFO, k1, 4));
    CHECK_OK(psa_key_derivation_output_bytes(&d, big2, 2500));
    CHECK_OK(psa_key_derivation_abort(&d));
    CHECK_OK(psa_key_derivation_setup(&d, PSA_ALG_HKDF(PSA_ALG_SHA_256)));
    CHECK_OK(psa_key_derivation_input_bytes(&d, PSA_KEY_DERIVATION_INPUT_SECRET, k1, 32));
    CHECK_OK(psa_key_derivation_input_bytes(&d, PSA_KEY_DERIVATION_INPUT_INFO, k1, 4));
    CHECK_OK(psa_key_derivation_verify_bytes(&d, big2, 2500));
    CHECK_OK(psa_key_derivation_abort(&d));
    CHECK_OK(psa_generate_random(big2, 3000));
    return 0;
}

/* ---------------- random, limits ---------------- */
static int t_random(void)
{
    memset(b1, 0, 64);
    memset(b2, 0, 64);
    CHECK_OK(psa_generate_random(b1, 64));
    CHECK_OK(psa_generate_random(b2, 64));
    NS_CHECK(memcmp(b1, b2, 64) != 0);
    CHECK_OK(psa_generate_random(b1, 0));
    CHECK_OK(psa_generate_random(b3, 1000));
    return 0;
}

static int t_limits(void)
{
    psa_hash_operation_t op[5] = { PSA_HASH_OPERATION_INIT, PSA_HASH_OPERATION_INIT,
                                   PSA_HASH_OPERATION_INIT, PSA_HASH_OPERATION_INIT,
                                   PSA_HASH_OPERATION_INIT };
    for (unsigned i = 0; i < 4; i++)
        CHECK_OK(psa_hash_setup(&op[i], PSA_ALG_SHA_256));
    NS_CHECK(psa_hash_setup(&op[4], PSA_ALG_SHA_256) == PSA_ERROR_INSUFFICIENT_MEMORY);
    CHECK_OK(psa_hash_abort(&op[1]));
    CHECK_OK(psa_hash_setup(&op[4], PSA_ALG_SHA_256));
    for (unsigned i = 0; i < 5; i++)
        CHECK_OK(psa_hash_abort(&op[i]));
    return 0;
}

#if defined(RP_TEST_PANIC_HANDLE) && !defined(RP_CRYPTO_CASES_ONLY)
#include "rp_test_services.h"
/* A secure client (test partition P) takes every operation it may and fills the volatile
 * key slots, then panics holding them. When NS clients then need them, the service frees
 * what the gone client held (rp_crypto_set_client_alive): two NS clients get all eight
 * operation slots and all sixteen key slots (docs/crypto-service.md, limits). */
static int t_client_gone(void)
{
    static psa_hash_operation_t h[8];
    static psa_key_id_t ids[16];
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t extra = 0;
    NS_CHECK(psa_call(RP_TEST_PANIC_HANDLE, RP_TEST_PANIC_CRYPTO_HOG, NULL, 0, NULL, 0) ==
             PSA_ERROR_SERVICE_FAILURE);
    for (unsigned i = 0; i < 8; i++) {
        set_client(i < 4 ? -1 : -2);
        h[i] = psa_hash_operation_init();
        CHECK_OK(psa_hash_setup(&h[i], PSA_ALG_SHA_256));
    }
    set_client(-1);
    psa_set_key_type(&a, PSA_KEY_TYPE_AES);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_ENCRYPT);
    psa_set_key_algorithm(&a, PSA_ALG_CTR);
    memset(k1, 7, 16);
    for (unsigned i = 0; i < 16; i++)
        CHECK_OK(psa_import_key(&a, k1, 16, &ids[i]));
    NS_CHECK(psa_import_key(&a, k1, 16, &extra) == PSA_ERROR_INSUFFICIENT_MEMORY); /* full */
    for (unsigned i = 0; i < 16; i++)
        CHECK_OK(psa_destroy_key(ids[i]));
    for (unsigned i = 0; i < 8; i++) {
        set_client(i < 4 ? -1 : -2);
        CHECK_OK(psa_hash_abort(&h[i]));
    }
    set_client(-1);
    return 0;
}
#endif

/* The cases every client runs, NS or secure (the secure test partition runs entry i when
 * called with type i). */
#define C(fn) { #fn, t_##fn },
#if RP_TEST_CRYPTO_ECC
#define ECC_CASES C(policy) C(ecdh) C(ecdsa) C(ecc_p384)
#else
#define ECC_CASES C(ecc_absent)
#endif
#if RP_TEST_CRYPTO_RSA && defined(RP_RSA_LONG_CASES)
#define RSA_CASES                                                                       \
    C(rsa_kat_sign) C(rsa_kat_crypt) C(rsa_kat_keys) C(rsa_persistent) C(rsa_generate)
#elif RP_TEST_CRYPTO_RSA
#define RSA_CASES C(rsa_kat_sign) C(rsa_kat_crypt) C(rsa_kat_keys) C(rsa_persistent)
#else
#define RSA_CASES
#endif
#define SHARED_CASES                                                                    \
    C(init) C(key_attributes) C(import_errors) C(generate_copy) C(persistent) C(aes_ecb) \
    C(aes_cbc) C(aes_cfb) C(aes_ofb) C(aes_ctr) C(aes_cbc_pkcs7) C(cipher_errors)       \
    C(in_place) C(hash) C(hash_errors) C(hash_suspend) C(hmac) C(cmac) C(mac_errors) C(ccm) C(gcm)      \
    C(chachapoly) C(builtin) C(hkdf) C(kdf_errors) C(pbkdf2) C(tls12_prf)               \
    C(tls12_psk_to_ms) ECC_CASES C(rsa) RSA_CASES C(long_io) C(random) C(limits)

/* Calls of the secure test partition's service besides "run case i" (ns_vs_secure). */
#define RP_TEST_CRYPTO_S_PROBE   0x100  /* in: {NS key id, NS hash handle}; out: its key */
#define RP_TEST_CRYPTO_S_CLEANUP 0x101  /* in: {its key id, 0} */
#define RP_TEST_CRYPTO_S_KEY     0x5151u /* a persistent key id both clients use */

#ifdef RP_CRYPTO_CASES_ONLY
static const ns_test_case_t s_cases[] = { SHARED_CASES };

/* The secure half of ns_vs_secure. Probe: NS's volatile key ids[0], its hash operation
 * ids[1] and its persistent RP_TEST_CRYPTO_S_KEY do not exist for this client; makes its
 * own persistent RP_TEST_CRYPTO_S_KEY (bytes 0x5a) and a volatile key (*theirs). */
static int probe(const uint32_t ids[2], uint32_t *theirs)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_hash_operation_t op = PSA_HASH_OPERATION_INIT;
    psa_key_id_t p = 0;
    op.handle = ids[1];
    NS_CHECK(psa_get_key_attributes(ids[0], &a) == PSA_ERROR_INVALID_HANDLE);
    NS_CHECK(psa_export_key(ids[0], b1, sizeof b1, &n1) == PSA_ERROR_INVALID_HANDLE);
    NS_CHECK(psa_cipher_encrypt(ids[0], PSA_ALG_CTR, b3, 16, b1, sizeof b1, &n1) ==
             PSA_ERROR_INVALID_HANDLE);
    NS_CHECK(psa_destroy_key(ids[0]) == PSA_ERROR_INVALID_HANDLE);
    NS_CHECK(psa_hash_update(&op, b3, 1) == PSA_ERROR_BAD_STATE);
    NS_CHECK(psa_export_key(RP_TEST_CRYPTO_S_KEY, b1, sizeof b1, &n1) ==
             PSA_ERROR_INVALID_HANDLE);
    psa_set_key_type(&a, PSA_KEY_TYPE_RAW_DATA);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_EXPORT);
    psa_set_key_id(&a, RP_TEST_CRYPTO_S_KEY);
    memset(k1, 0x5a, 8);
    CHECK_OK(psa_import_key(&a, k1, 8, &p));
    *theirs = import(PSA_KEY_TYPE_AES, PSA_KEY_USAGE_EXPORT | ENC_DEC, PSA_ALG_CTR, k1, 16);
    NS_CHECK(*theirs != 0);
    return 0;
}

/* Cleanup: its persistent key still holds its own bytes; destroys both of its keys. */
static int cleanup(const uint32_t ids[2])
{
    CHECK_OK(psa_export_key(RP_TEST_CRYPTO_S_KEY, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 8 && b1[0] == 0x5a && b1[7] == 0x5a);
    CHECK_OK(psa_destroy_key(RP_TEST_CRYPTO_S_KEY));
    CHECK_OK(psa_export_key(ids[0], b1, sizeof b1, &n1));
    NS_CHECK(n1 == 16 && b1[0] == 0x5a);
    CHECK_OK(psa_destroy_key(ids[0]));
    return 0;
}

int rp_crypto_s_case(int32_t type, const uint32_t ids[2], uint32_t *theirs)
{
    if (type == RP_TEST_CRYPTO_S_PROBE)
        return probe(ids, theirs);
    if (type == RP_TEST_CRYPTO_S_CLEANUP)
        return cleanup(ids);
    if (type < 0 || (size_t)type >= sizeof s_cases / sizeof s_cases[0])
        return PSA_ERROR_NOT_SUPPORTED;
    return s_cases[type].fn();
}
#else
#ifdef RP_TEST_CRYPTO_S_HANDLE
/* ---------------- the same cases from a secure client ---------------- */
/* Runs shared case i in the secure test partition: 0, or the failing check's line there
 * (or the status psa_call gave). */
static int secure_case(unsigned i)
{
    psa_status_t st = psa_call(RP_TEST_CRYPTO_S_HANDLE, (int32_t)i, NULL, 0, NULL, 0);
    if (st != PSA_SUCCESS)
        ns_test_note((int)st, "secure case failed (its line, or a status)");
    return (int)st;
}

#define W(i) static int s_##i(void) { return secure_case(i); }
W(0) W(1) W(2) W(3) W(4) W(5) W(6) W(7) W(8) W(9) W(10) W(11) W(12) W(13) W(14) W(15)
W(16) W(17) W(18) W(19) W(20) W(21) W(22) W(23) W(24) W(25) W(26) W(27) W(28) W(29)
W(30) W(31) W(32) W(33) W(34) W(35) W(36) W(37) W(38) W(39) W(40) W(41) W(42) W(43)
W(44) W(45) W(46) W(47)
static int (*const s_fn[48])(void) = {
    s_0, s_1, s_2, s_3, s_4, s_5, s_6, s_7, s_8, s_9, s_10, s_11, s_12, s_13, s_14, s_15,
    s_16, s_17, s_18, s_19, s_20, s_21, s_22, s_23, s_24, s_25, s_26, s_27, s_28, s_29,
    s_30, s_31, s_32, s_33, s_34, s_35, s_36, s_37, s_38, s_39, s_40, s_41, s_42, s_43,
    s_44, s_45, s_46, s_47,
};
static const ns_test_case_t shared[] = { SHARED_CASES };
#define N_SHARED (sizeof shared / sizeof shared[0])
typedef char shared_cases_fit[N_SHARED <= 48 ? 1 : -1];

/* Keys and operations cross no client boundary between NS and a secure partition: the
 * secure client cannot see NS's volatile key, persistent key 0x5151 or hash operation,
 * makes its own 0x5151 and a volatile key, which NS cannot see either; each client's
 * 0x5151 keeps its own content (RP_TEST_CRYPTO_S_PROBE / _CLEANUP,
 * tests/partitions/sp_crypto_client). */
static int t_ns_vs_secure(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_hash_operation_t op = PSA_HASH_OPERATION_INIT;
    psa_key_id_t mine, p = 0;
    uint32_t ids[2], theirs = 0;
    psa_invec in[1] = { { ids, sizeof ids } };
    psa_outvec out[1] = { { &theirs, sizeof theirs } };
    memset(k1, 0xa5, 16);
    mine = import(PSA_KEY_TYPE_AES, PSA_KEY_USAGE_EXPORT | ENC_DEC, PSA_ALG_CTR, k1, 16);
    NS_CHECK(mine != 0);
    psa_set_key_type(&a, PSA_KEY_TYPE_RAW_DATA);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_EXPORT);
    psa_set_key_id(&a, RP_TEST_CRYPTO_S_KEY);
    (void)psa_destroy_key(RP_TEST_CRYPTO_S_KEY);
    CHECK_OK(psa_import_key(&a, k1, 8, &p));
    CHECK_OK(psa_hash_setup(&op, PSA_ALG_SHA_256));
    ids[0] = mine;
    ids[1] = op.handle;
    CHECK_OK(psa_call(RP_TEST_CRYPTO_S_HANDLE, RP_TEST_CRYPTO_S_PROBE, in, 1, out, 1));
    NS_CHECK(theirs != 0 && theirs != mine);
    NS_CHECK(psa_get_key_attributes(theirs, &a) == PSA_ERROR_INVALID_HANDLE);
    NS_CHECK(psa_export_key(theirs, b1, sizeof b1, &n1) == PSA_ERROR_INVALID_HANDLE);
    NS_CHECK(psa_destroy_key(theirs) == PSA_ERROR_INVALID_HANDLE);
    CHECK_OK(psa_export_key(RP_TEST_CRYPTO_S_KEY, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 8 && b1[0] == 0xa5 && b1[7] == 0xa5);
    CHECK_OK(psa_hash_update(&op, k1, 1));         /* the secure client could not touch it */
    ids[0] = theirs;
    CHECK_OK(psa_call(RP_TEST_CRYPTO_S_HANDLE, RP_TEST_CRYPTO_S_CLEANUP, in, 1, NULL, 0));
    CHECK_OK(psa_export_key(RP_TEST_CRYPTO_S_KEY, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 8 && b1[0] == 0xa5);
    CHECK_OK(psa_destroy_key(RP_TEST_CRYPTO_S_KEY));
    CHECK_OK(psa_export_key(mine, b1, sizeof b1, &n1));
    NS_CHECK(n1 == 16 && b1[0] == 0xa5);
    CHECK_OK(psa_destroy_key(mine));
    CHECK_OK(psa_hash_abort(&op));
    return 0;
}

static ns_test_case_t s_cases[N_SHARED + 1];

/* The secure run: every shared case in the partition, then the cross-client case. */
static int secure_run(void)
{
    for (unsigned i = 0; i < N_SHARED; i++) {
        s_cases[i].name = shared[i].name;
        s_cases[i].fn = s_fn[i];
    }
    s_cases[N_SHARED].name = "ns_vs_secure";
    s_cases[N_SHARED].fn = t_ns_vs_secure;
    return ns_test_run("crypto_s", s_cases, N_SHARED + 1);
}
#endif

static const ns_test_case_t cases[] = {
    SHARED_CASES
    C(clients)
#if defined(RP_TEST_PANIC_HANDLE)
    C(client_gone)
#endif
};

#ifdef RP_HOST_SUITE
int main(int argc, char **argv)
{
    if (argc > 1 && rp_host_set_storage_dir(argv[1]) != PSA_SUCCESS)
        return 2;
    big_store = argc > 1;
#else
int main(void)
{
#endif
    int r;
    set_client(-1);
    r = ns_test_run("crypto", cases, sizeof cases / sizeof cases[0]);
#ifdef RP_TEST_CRYPTO_S_HANDLE
    r |= secure_run();
#endif
    return r;
}
#endif

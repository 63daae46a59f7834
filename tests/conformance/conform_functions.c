/* conform_functions - the PSA Crypto API 1.1 and Secure Storage API 1.0 functions, linked
 * against Rampart's host library (the crypto core and the ITS/PS cores the firmware runs):
 *  1. every specification function exists with the specification's prototype (a typed
 *     pointer per function, conform_spec_fns.h; the link fails if one is missing);
 *  2. the initialisers: PSA_*_INIT, psa_*_init() and a zeroed object are the same valid
 *     initial state ([CRYPTO] 9.1 and "Multi-part operations");
 *  3. the size macros against the implementation, for every algorithm Rampart supports:
 *     an output buffer of exactly the macro's size is enough, and the output length is
 *     what the macro says where the specification fixes it ([CRYPTO] 10.2-10.9, 9.6);
 *  4. storage: the version of the API, get_support and the flags ([STORAGE] 1.0).
 * A call that the implementation does not support is reported (docs/conformance.md lists
 * them), not counted as a failure. */
#include <stdio.h>
#include <string.h>

#include "psa/crypto.h"
#include "psa/internal_trusted_storage.h"
#include "psa/protected_storage.h"

#include "conform_spec_fns.h"
#include "rp_test.h"

CRYPTO_FUNCTIONS(CONFORM_POINTER)
STORAGE_FUNCTIONS(CONFORM_POINTER)

static const struct conform_entry table[] = {
    CRYPTO_FUNCTIONS(CONFORM_ENTRY) STORAGE_FUNCTIONS(CONFORM_ENTRY)
};

static uint8_t msg[64], out[PSA_EXPORT_KEY_PAIR_MAX_SIZE], out2[PSA_EXPORT_KEY_PAIR_MAX_SIZE];
static size_t len, len2;

#define OK(x) RP_CHECK_EQ((x), PSA_SUCCESS)

static void not_supported(const char *what)
{
    printf("not supported: %s\n", what);
}

static psa_key_id_t make_key(psa_key_type_t type, size_t bits, psa_key_usage_t usage,
                             psa_algorithm_t alg, const uint8_t *data, size_t data_len)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id = PSA_KEY_ID_NULL;
    psa_status_t st;
    psa_set_key_type(&a, type);
    psa_set_key_bits(&a, bits);
    psa_set_key_usage_flags(&a, usage);
    psa_set_key_algorithm(&a, alg);
    st = data ? psa_import_key(&a, data, data_len, &id) : psa_generate_key(&a, &id);
    OK(st);
    return id;
}

/* 2. Three ways to initialise, one state: every field reads as "unset", an inactive
 * operation aborts successfully. */
static void initialisers(void)
{
    psa_key_attributes_t a1 = PSA_KEY_ATTRIBUTES_INIT, a2 = psa_key_attributes_init(), a3;
    psa_hash_operation_t h1 = PSA_HASH_OPERATION_INIT, h2 = psa_hash_operation_init(), h3;
    psa_mac_operation_t m1 = PSA_MAC_OPERATION_INIT, m2 = psa_mac_operation_init(), m3;
    psa_cipher_operation_t c1 = PSA_CIPHER_OPERATION_INIT, c2 = psa_cipher_operation_init(), c3;
    psa_aead_operation_t e1 = PSA_AEAD_OPERATION_INIT, e2 = psa_aead_operation_init(), e3;
    psa_key_derivation_operation_t d1 = PSA_KEY_DERIVATION_OPERATION_INIT,
                                   d2 = psa_key_derivation_operation_init(), d3;
    const psa_key_attributes_t *as[3] = { &a1, &a2, &a3 };
    int i;

    memset(&a3, 0, sizeof a3);
    memset(&h3, 0, sizeof h3);
    memset(&m3, 0, sizeof m3);
    memset(&c3, 0, sizeof c3);
    memset(&e3, 0, sizeof e3);
    memset(&d3, 0, sizeof d3);
    for (i = 0; i < 3; i++) {
        RP_CHECK_EQ(psa_get_key_type(as[i]), PSA_KEY_TYPE_NONE);
        RP_CHECK_EQ(psa_get_key_bits(as[i]), 0);
        RP_CHECK_EQ(psa_get_key_lifetime(as[i]), PSA_KEY_LIFETIME_VOLATILE);
        RP_CHECK_EQ(psa_get_key_id(as[i]), PSA_KEY_ID_NULL);
        RP_CHECK_EQ(psa_get_key_usage_flags(as[i]), 0);
        RP_CHECK_EQ(psa_get_key_algorithm(as[i]), PSA_ALG_NONE);
    }
    OK(psa_hash_abort(&h1)); OK(psa_hash_abort(&h2)); OK(psa_hash_abort(&h3));
    OK(psa_mac_abort(&m1)); OK(psa_mac_abort(&m2)); OK(psa_mac_abort(&m3));
    OK(psa_cipher_abort(&c1)); OK(psa_cipher_abort(&c2)); OK(psa_cipher_abort(&c3));
    OK(psa_aead_abort(&e1)); OK(psa_aead_abort(&e2)); OK(psa_aead_abort(&e3));
    OK(psa_key_derivation_abort(&d1)); OK(psa_key_derivation_abort(&d2));
    OK(psa_key_derivation_abort(&d3));

    /* 9.4: setting an id makes a volatile lifetime persistent; 9.1: reset clears all */
    psa_set_key_id(&a1, 0x1234);
    RP_CHECK_EQ(psa_get_key_id(&a1), 0x1234);
    RP_CHECK_EQ(psa_get_key_lifetime(&a1), PSA_KEY_LIFETIME_PERSISTENT);
    /* 9.3: a volatile lifetime resets the id */
    psa_set_key_lifetime(&a1, PSA_KEY_LIFETIME_VOLATILE);
    RP_CHECK_EQ(psa_get_key_id(&a1), PSA_KEY_ID_NULL);
    psa_set_key_id(&a1, 0x1234);
    psa_set_key_bits(&a1, 384);
    RP_CHECK_EQ(psa_get_key_bits(&a1), 384);
    psa_reset_key_attributes(&a1);
    RP_CHECK_EQ(psa_get_key_id(&a1), PSA_KEY_ID_NULL);
    RP_CHECK_EQ(psa_get_key_lifetime(&a1), PSA_KEY_LIFETIME_VOLATILE);
    RP_CHECK_EQ(psa_get_key_bits(&a1), 0);
}

/* 10.2: PSA_HASH_LENGTH bytes are enough and are what comes out; one fewer is refused. */
static void hash_sizes(void)
{
    static const psa_algorithm_t algs[] = { PSA_ALG_SHA_1, PSA_ALG_SHA_224, PSA_ALG_SHA_256,
                                            PSA_ALG_SHA_384, PSA_ALG_SHA_512 };
    psa_hash_operation_t op = PSA_HASH_OPERATION_INIT;
    size_t i;
    int suspended = 0;
    for (i = 0; i < sizeof algs / sizeof algs[0]; i++) {
        size_t n = PSA_HASH_LENGTH(algs[i]);
        RP_CHECK(n <= PSA_HASH_MAX_SIZE);
        OK(psa_hash_compute(algs[i], msg, sizeof msg, out, n, &len));
        RP_CHECK_EQ(len, n);
        RP_CHECK_EQ(psa_hash_compute(algs[i], msg, sizeof msg, out, n - 1, &len),
                    PSA_ERROR_BUFFER_TOO_SMALL);
        /* suspend: the state fits PSA_HASH_SUSPEND_OUTPUT_SIZE, when implemented */
        OK(psa_hash_setup(&op, algs[i]));
        OK(psa_hash_update(&op, msg, 3));
        if (psa_hash_suspend(&op, out, PSA_HASH_SUSPEND_OUTPUT_SIZE(algs[i]), &len) ==
            PSA_SUCCESS) {
            RP_CHECK(len <= PSA_HASH_SUSPEND_OUTPUT_SIZE(algs[i]));
            suspended++;
        }
        OK(psa_hash_abort(&op));
    }
    if (!suspended)
        not_supported("psa_hash_suspend, psa_hash_resume");
}

/* 10.3: PSA_MAC_LENGTH for HMAC (full and truncated) and CMAC. */
static void mac_sizes(void)
{
    static const psa_algorithm_t algs[] = {
        PSA_ALG_HMAC(PSA_ALG_SHA_256), PSA_ALG_HMAC(PSA_ALG_SHA_384),
        PSA_ALG_HMAC(PSA_ALG_SHA_512), PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 16),
    };
    size_t i, n;
    for (i = 0; i < sizeof algs / sizeof algs[0]; i++) {
        psa_key_id_t k = make_key(PSA_KEY_TYPE_HMAC, 256, PSA_KEY_USAGE_SIGN_MESSAGE,
                                  algs[i], msg, 32);
        n = PSA_MAC_LENGTH(PSA_KEY_TYPE_HMAC, 256, algs[i]);
        RP_CHECK(n <= PSA_MAC_MAX_SIZE);
        OK(psa_mac_compute(k, algs[i], msg, sizeof msg, out, n, &len));
        RP_CHECK_EQ(len, n);
        OK(psa_destroy_key(k));
    }
    {
        psa_key_id_t k = make_key(PSA_KEY_TYPE_AES, 128, PSA_KEY_USAGE_SIGN_MESSAGE,
                                  PSA_ALG_CMAC, msg, 16);
        n = PSA_MAC_LENGTH(PSA_KEY_TYPE_AES, 128, PSA_ALG_CMAC);
        OK(psa_mac_compute(k, PSA_ALG_CMAC, msg, sizeof msg, out, n, &len));
        RP_CHECK_EQ(len, n);
        OK(psa_destroy_key(k));
    }
}

/* 10.4: one-shot and multipart AES in every mode Rampart implements. */
static void cipher_one(psa_algorithm_t alg, size_t in_len)
{
    psa_cipher_operation_t op = PSA_CIPHER_OPERATION_INIT;
    psa_key_id_t k = make_key(PSA_KEY_TYPE_AES, 128,
                              PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, alg, msg, 16);
    size_t enc = PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, alg, in_len), dec, part;
    uint8_t iv[PSA_CIPHER_IV_MAX_SIZE];
    size_t iv_len;

    RP_CHECK(enc <= PSA_CIPHER_ENCRYPT_OUTPUT_MAX_SIZE(in_len));
    OK(psa_cipher_encrypt(k, alg, msg, in_len, out, enc, &len));
    RP_CHECK(len <= enc);
    dec = PSA_CIPHER_DECRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, alg, len);
    RP_CHECK(dec <= PSA_CIPHER_DECRYPT_OUTPUT_MAX_SIZE(len));
    OK(psa_cipher_decrypt(k, alg, out, len, out2, dec, &len2));
    RP_CHECK_EQ(len2, in_len);
    RP_CHECK_MEM(out2, msg, in_len);

    /* multipart: an IV of PSA_CIPHER_IV_LENGTH, updates within UPDATE_OUTPUT_SIZE */
    OK(psa_cipher_encrypt_setup(&op, k, alg));
    if (PSA_CIPHER_IV_LENGTH(PSA_KEY_TYPE_AES, alg) != 0) {
        OK(psa_cipher_generate_iv(&op, iv, PSA_CIPHER_IV_LENGTH(PSA_KEY_TYPE_AES, alg),
                                  &iv_len));
        RP_CHECK_EQ(iv_len, PSA_CIPHER_IV_LENGTH(PSA_KEY_TYPE_AES, alg));
    }
    part = PSA_CIPHER_UPDATE_OUTPUT_SIZE(PSA_KEY_TYPE_AES, alg, 5);
    OK(psa_cipher_update(&op, msg, 5, out, part, &len));
    RP_CHECK(len <= part);
    part = PSA_CIPHER_UPDATE_OUTPUT_SIZE(PSA_KEY_TYPE_AES, alg, in_len - 5);
    RP_CHECK(part <= PSA_CIPHER_UPDATE_OUTPUT_MAX_SIZE(in_len - 5));
    OK(psa_cipher_update(&op, msg + 5, in_len - 5, out + len, part, &len2));
    RP_CHECK(len2 <= part);
    part = PSA_CIPHER_FINISH_OUTPUT_SIZE(PSA_KEY_TYPE_AES, alg);
    RP_CHECK(part <= PSA_CIPHER_FINISH_OUTPUT_MAX_SIZE);
    OK(psa_cipher_finish(&op, out + len + len2, part, &len));
    RP_CHECK(len <= part);
    OK(psa_destroy_key(k));
}

static void cipher_sizes(void)
{
    cipher_one(PSA_ALG_CBC_PKCS7, 37);
    cipher_one(PSA_ALG_CBC_NO_PADDING, 48);
    cipher_one(PSA_ALG_ECB_NO_PADDING, 32);
    cipher_one(PSA_ALG_CTR, 37);
    cipher_one(PSA_ALG_CFB, 37);
    cipher_one(PSA_ALG_OFB, 37);
}

/* 10.5: one-shot and multipart, the nonce, tag and output sizes of each AEAD. */
static void aead_one(psa_key_type_t type, size_t bits, psa_algorithm_t alg)
{
    psa_aead_operation_t op = PSA_AEAD_OPERATION_INIT;
    psa_key_id_t k = make_key(type, bits, PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, alg,
                              msg, bits / 8);
    size_t nonce_len = PSA_AEAD_NONCE_LENGTH(type, alg);
    size_t tag_len = PSA_AEAD_TAG_LENGTH(type, bits, alg);
    size_t enc = PSA_AEAD_ENCRYPT_OUTPUT_SIZE(type, alg, 30), part, fin;
    uint8_t nonce[PSA_AEAD_NONCE_MAX_SIZE], tag[PSA_AEAD_TAG_MAX_SIZE];
    size_t n;

    RP_CHECK(nonce_len != 0 && nonce_len <= PSA_AEAD_NONCE_MAX_SIZE);
    RP_CHECK(tag_len != 0 && tag_len <= PSA_AEAD_TAG_MAX_SIZE);
    RP_CHECK(enc <= PSA_AEAD_ENCRYPT_OUTPUT_MAX_SIZE(30));
    OK(psa_aead_encrypt(k, alg, msg, nonce_len, msg, 7, msg, 30, out, enc, &len));
    RP_CHECK_EQ(len, 30 + tag_len);
    n = PSA_AEAD_DECRYPT_OUTPUT_SIZE(type, alg, len);
    RP_CHECK(n <= PSA_AEAD_DECRYPT_OUTPUT_MAX_SIZE(len));
    OK(psa_aead_decrypt(k, alg, msg, nonce_len, msg, 7, out, len, out2, n, &len2));
    RP_CHECK_EQ(len2, 30);

    OK(psa_aead_encrypt_setup(&op, k, alg));
    OK(psa_aead_set_lengths(&op, 7, 30));
    OK(psa_aead_generate_nonce(&op, nonce, nonce_len, &n));
    RP_CHECK_EQ(n, nonce_len);
    OK(psa_aead_update_ad(&op, msg, 7));
    part = PSA_AEAD_UPDATE_OUTPUT_SIZE(type, alg, 30);
    RP_CHECK(part <= PSA_AEAD_UPDATE_OUTPUT_MAX_SIZE(30));
    OK(psa_aead_update(&op, msg, 30, out, part, &len));
    RP_CHECK(len <= part);
    fin = PSA_AEAD_FINISH_OUTPUT_SIZE(type, alg);
    RP_CHECK(fin <= PSA_AEAD_FINISH_OUTPUT_MAX_SIZE);
    OK(psa_aead_finish(&op, out + len, fin, &len2, tag, tag_len, &n));
    RP_CHECK_EQ(n, tag_len);

    OK(psa_aead_decrypt_setup(&op, k, alg));
    OK(psa_aead_set_lengths(&op, 7, 30));
    OK(psa_aead_set_nonce(&op, nonce, nonce_len));
    OK(psa_aead_update_ad(&op, msg, 7));
    OK(psa_aead_update(&op, out, 30, out2, part, &len));
    fin = PSA_AEAD_VERIFY_OUTPUT_SIZE(type, alg);
    RP_CHECK(fin <= PSA_AEAD_VERIFY_OUTPUT_MAX_SIZE);
    OK(psa_aead_verify(&op, out2 + len, fin, &len2, tag, tag_len));
    RP_CHECK_EQ(len + len2, 30);
    RP_CHECK_MEM(out2, msg, 30);
    OK(psa_destroy_key(k));
}

static void aead_sizes(void)
{
    aead_one(PSA_KEY_TYPE_AES, 128, PSA_ALG_GCM);
    aead_one(PSA_KEY_TYPE_AES, 256, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 12));
    aead_one(PSA_KEY_TYPE_AES, 128, PSA_ALG_CCM);
    aead_one(PSA_KEY_TYPE_AES, 128, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 8));
    aead_one(PSA_KEY_TYPE_CHACHA20, 256, PSA_ALG_CHACHA20_POLY1305);
}

/* 10.7, 10.9, 9.6: an ECC key pair of each supported curve: export, export of the public
 * key, signature and raw key agreement into buffers of exactly the macros' sizes. */
static void ecc_sizes(size_t bits, psa_algorithm_t hash)
{
    const psa_key_type_t t = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
    const psa_algorithm_t sig_alg = PSA_ALG_ECDSA(hash);
    psa_key_id_t s = make_key(t, bits, PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_EXPORT,
                              sig_alg, NULL, 0);
    psa_key_id_t d = make_key(t, bits, PSA_KEY_USAGE_DERIVE, PSA_ALG_ECDH, NULL, 0);
    size_t n;

    n = PSA_EXPORT_KEY_OUTPUT_SIZE(t, bits);
    RP_CHECK(n <= PSA_EXPORT_KEY_PAIR_MAX_SIZE);
    OK(psa_export_key(s, out, n, &len));
    RP_CHECK_EQ(len, n);
    n = PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(t, bits);
    RP_CHECK(n <= PSA_EXPORT_PUBLIC_KEY_MAX_SIZE);
    OK(psa_export_public_key(s, out, n, &len));
    RP_CHECK_EQ(len, n);
    n = PSA_SIGN_OUTPUT_SIZE(t, bits, sig_alg);
    RP_CHECK(n <= PSA_SIGNATURE_MAX_SIZE);
    OK(psa_sign_hash(s, sig_alg, msg, PSA_HASH_LENGTH(hash), out2, n, &len2));
    RP_CHECK_EQ(len2, n);
    OK(psa_export_public_key(d, out, sizeof out, &len));
    n = PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(t, bits);
    RP_CHECK(n <= PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE);
    OK(psa_raw_key_agreement(PSA_ALG_ECDH, d, out, len, out2, n, &len2));
    RP_CHECK_EQ(len2, n);
    OK(psa_destroy_key(s));
    OK(psa_destroy_key(d));
}

/* 10.7, 10.8, 9.6: RSA-2048 (the size psa_generate_key makes): the DER export formats fit
 * the export macros, signature and ciphertext are the modulus size. */
static void rsa_sizes(void)
{
    const psa_algorithm_t pss = PSA_ALG_RSA_PSS(PSA_ALG_SHA_256);
    const psa_algorithm_t oaep = PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256);
    psa_key_id_t k, pub, priv;
    size_t n, pair_len;

    k = make_key(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048, PSA_KEY_USAGE_SIGN_HASH |
                 PSA_KEY_USAGE_EXPORT, pss, NULL, 0);
    if (k == PSA_KEY_ID_NULL)
        return;
    n = PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048);
    OK(psa_export_key(k, out, n, &pair_len));
    RP_CHECK(pair_len <= n);
    n = PSA_SIGN_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048, pss);
    OK(psa_sign_hash(k, pss, msg, 32, out2, n, &len2));
    RP_CHECK_EQ(len2, 256);
    n = PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048);
    OK(psa_export_public_key(k, out2, n, &len2));
    RP_CHECK(len2 <= n);
    printf("RSA-2048 DER: key pair %u bytes (macro %u), public key %u bytes (macro %u)\n",
           (unsigned)pair_len, (unsigned)PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048),
           (unsigned)len2, (unsigned)n);

    pub = make_key(PSA_KEY_TYPE_RSA_PUBLIC_KEY, 2048, PSA_KEY_USAGE_ENCRYPT, oaep, out2, len2);
    priv = make_key(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048, PSA_KEY_USAGE_DECRYPT, oaep, out,
                    pair_len);
    n = PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_PUBLIC_KEY, 2048, oaep);
    RP_CHECK(n <= PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE);
    OK(psa_asymmetric_encrypt(pub, oaep, msg, 20, NULL, 0, out2, n, &len2));
    RP_CHECK_EQ(len2, 256);
    n = PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048, oaep);
    RP_CHECK(n <= PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE);
    OK(psa_asymmetric_decrypt(priv, oaep, out2, len2, NULL, 0, out, n, &len));
    RP_CHECK_EQ(len, 20);
    OK(psa_destroy_key(k));
    OK(psa_destroy_key(pub));
    OK(psa_destroy_key(priv));
}

/* 10.6: HKDF's capacity is 255 hash lengths (RFC 5869); 10.10: random bytes. */
static void kdf_and_random(void)
{
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    size_t cap = 0;
    OK(psa_key_derivation_setup(&op, PSA_ALG_HKDF(PSA_ALG_SHA_256)));
    OK(psa_key_derivation_get_capacity(&op, &cap));
    RP_CHECK_EQ(cap, 255 * PSA_HASH_LENGTH(PSA_ALG_SHA_256));
    OK(psa_key_derivation_abort(&op));
    OK(psa_generate_random(out, 32));
}

/* [STORAGE] 1.0: a round trip through each API, the support flags within the defined
 * set, and psa_ps_create/set_extended agreeing with psa_ps_get_support. */
static void storage(void)
{
    struct psa_storage_info_t info;
    const psa_storage_uid_t uid = 0x434f4e46u;
    uint32_t support = psa_ps_get_support();
    psa_status_t st;

    OK(psa_its_set(uid, 10, msg, PSA_STORAGE_FLAG_NONE));
    OK(psa_its_get_info(uid, &info));
    RP_CHECK_EQ(info.size, 10);
    RP_CHECK_EQ(info.flags, PSA_STORAGE_FLAG_NONE);
    OK(psa_its_get(uid, 2, 8, out, &len));
    RP_CHECK_EQ(len, 8);
    RP_CHECK_MEM(out, msg + 2, 8);
    OK(psa_its_remove(uid));
    RP_CHECK_EQ(psa_its_get_info(uid, &info), PSA_ERROR_DOES_NOT_EXIST);

    OK(psa_ps_set(uid, 10, msg, PSA_STORAGE_FLAG_NONE));
    OK(psa_ps_get(uid, 0, 10, out, &len));
    RP_CHECK_EQ(len, 10);
    OK(psa_ps_remove(uid));
    RP_CHECK_EQ(support & ~(uint32_t)PSA_STORAGE_SUPPORT_SET_EXTENDED, 0);
    st = psa_ps_create(uid + 1, 32, PSA_STORAGE_FLAG_NONE);
    if (support & PSA_STORAGE_SUPPORT_SET_EXTENDED) {
        OK(st);
        OK(psa_ps_set_extended(uid + 1, 4, 4, msg));
        OK(psa_ps_remove(uid + 1));
    } else {
        RP_CHECK_EQ(st, PSA_ERROR_NOT_SUPPORTED);
        RP_CHECK_EQ(psa_ps_set_extended(uid + 1, 4, 4, msg), PSA_ERROR_NOT_SUPPORTED);
        not_supported("psa_ps_create, psa_ps_set_extended (psa_ps_get_support() == 0)");
    }
}

int main(void)
{
    size_t i;
    for (i = 0; i < sizeof table / sizeof table[0]; i++)
        RP_CHECK(table[i].fn != NULL);
    printf("%u specification functions linked\n", (unsigned)(sizeof table / sizeof table[0]));
    for (i = 0; i < sizeof msg; i++)
        msg[i] = (uint8_t)(i * 7u + 1u);
    OK(psa_crypto_init());
    initialisers();
    hash_sizes();
    mac_sizes();
    cipher_sizes();
    aead_sizes();
    ecc_sizes(256, PSA_ALG_SHA_256);
    ecc_sizes(384, PSA_ALG_SHA_384);
    rsa_sizes();
    kdf_and_random();
    storage();
    return rp_test_end("conformance.functions");
}

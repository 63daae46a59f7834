/* test_host_lib - what the NS suite cannot see: the host library before initialisation,
 * the builtin attestation key from a secure client, the file store and its versioned
 * record format, limits, clean-up of a client that went away, persistence across
 * processes, and the KDFs against the one-shot primitives (a differential check of the
 * streaming implementation).
 * Usage: test_host_lib <key dir> [write|read] */
#include <stdio.h>
#include <string.h>

#include "psa/crypto.h"
#include "rp_host.h"
#include "rp_crypto_core.h"
#include "rp_hmac.h"
#include "rp_test.h"

static const char *dir;
static uint8_t buf[2048], buf2[2048];
static size_t n, n2;

static psa_key_id_t import(psa_key_type_t t, psa_key_usage_t u, psa_algorithm_t alg,
                           psa_key_id_t persistent_id, const uint8_t *d, size_t len)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id = 0;
    psa_set_key_type(&a, t);
    psa_set_key_usage_flags(&a, u);
    psa_set_key_algorithm(&a, alg);
    if (persistent_id)
        psa_set_key_id(&a, persistent_id);
    return psa_import_key(&a, d, len, &id) == PSA_SUCCESS ? id : 0;
}

static size_t read_file(const char *name, uint8_t *out, size_t size)
{
    char path[512];
    FILE *f;
    size_t got;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "rb");
    if (!f)
        return 0;
    got = fread(out, 1, size, f);
    fclose(f);
    return got;
}

static void write_file(const char *name, const uint8_t *d, size_t len)
{
    char path[512];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "wb");
    RP_CHECK(f != NULL);
    if (f) {
        RP_CHECK(fwrite(d, 1, len, f) == len);
        fclose(f);
    }
}

static void before_init(void)
{
    uint8_t h[32] = { 0 };
    psa_key_id_t id = 0;
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    RP_CHECK_EQ(psa_hash_compute(PSA_ALG_SHA_256, h, 0, h, 32, &n), PSA_ERROR_BAD_STATE);
    psa_set_key_type(&a, PSA_KEY_TYPE_RAW_DATA);
    RP_CHECK_EQ(psa_import_key(&a, h, 4, &id), PSA_ERROR_BAD_STATE);
    RP_CHECK_EQ(psa_generate_random(h, 4), PSA_ERROR_BAD_STATE);
    RP_CHECK_EQ(rp_host_set_storage_dir(dir), PSA_SUCCESS);
    RP_CHECK_EQ(psa_crypto_init(), PSA_SUCCESS);
    RP_CHECK_EQ(rp_host_set_storage_dir(dir), PSA_ERROR_BAD_STATE);
}

/* The IAK from a secure client: signs, verifies with its exported public key, never
 * leaves; the same HUK gives the same key. */
static void iak(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t h[32], sig[64], pub[65], pub2[65];
    psa_key_id_t p;
    memset(h, 0x42, 32);
    rp_host_set_client(1);
    RP_CHECK_EQ(psa_get_key_attributes(RP_BUILTIN_KEY_ID_IAK, &a), PSA_SUCCESS);
    RP_CHECK_EQ(psa_get_key_type(&a), PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1));
    RP_CHECK(!(psa_get_key_usage_flags(&a) & (PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_COPY)));
    RP_CHECK_EQ(psa_sign_hash(RP_BUILTIN_KEY_ID_IAK, PSA_ALG_ECDSA(PSA_ALG_SHA_256), h, 32,
                              sig, sizeof sig, &n), PSA_SUCCESS);
    RP_CHECK_EQ(psa_export_public_key(RP_BUILTIN_KEY_ID_IAK, pub, sizeof pub, &n),
                PSA_SUCCESS);
    RP_CHECK_EQ(psa_export_public_key(RP_BUILTIN_KEY_ID_IAK, pub2, sizeof pub2, &n),
                PSA_SUCCESS);
    RP_CHECK_MEM(pub, pub2, 65);
    p = import(PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), PSA_KEY_USAGE_VERIFY_HASH,
               PSA_ALG_ECDSA(PSA_ALG_SHA_256), 0, pub, 65);
    RP_CHECK(p != 0);
    RP_CHECK_EQ(psa_verify_hash(p, PSA_ALG_ECDSA(PSA_ALG_SHA_256), h, 32, sig, 64),
                PSA_SUCCESS);
    RP_CHECK_EQ(psa_export_key(RP_BUILTIN_KEY_ID_IAK, buf, sizeof buf, &n),
                PSA_ERROR_NOT_PERMITTED);
    RP_CHECK_EQ(psa_destroy_key(RP_BUILTIN_KEY_ID_IAK), PSA_ERROR_NOT_PERMITTED);
    RP_CHECK_EQ(psa_destroy_key(p), PSA_SUCCESS);
    rp_host_set_client(-7);      /* a non-secure client does not see it */
    RP_CHECK_EQ(psa_get_key_attributes(RP_BUILTIN_KEY_ID_IAK, &a), PSA_ERROR_INVALID_HANDLE);
    rp_host_set_client(1);
}

/* The record of a persistent key (docs/crypto-service.md): "RPK" 1, type|bits, lifetime,
 * usage, alg, length, material; a damaged record is reported, not used. */
static void record_format(void)
{
    static const uint8_t key[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
    uint8_t rec[64], bad[64];
    size_t len;
    (void)psa_destroy_key(0x10);
    RP_CHECK_EQ(import(PSA_KEY_TYPE_AES, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_ENCRYPT,
                       PSA_ALG_CTR, 0x10, key, 16), 0x10);
    len = read_file("00000001_00000010.rpk", rec, sizeof rec);
    RP_CHECK_EQ(len, 24 + 16);
    RP_CHECK(memcmp(rec, "RPK\x01", 4) == 0);
    RP_CHECK_EQ(rec[4] | rec[5] << 8, PSA_KEY_TYPE_AES);
    RP_CHECK_EQ(rec[6] | rec[7] << 8, 128);
    RP_CHECK_EQ(rec[8], PSA_KEY_LIFETIME_PERSISTENT);
    RP_CHECK_EQ(rec[12] | rec[13] << 8, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_ENCRYPT);
    RP_CHECK_EQ((uint32_t)(rec[16] | rec[17] << 8 | rec[18] << 16 | (uint32_t)rec[19] << 24),
                PSA_ALG_CTR);
    RP_CHECK_EQ(rec[20], 16);
    RP_CHECK_MEM(rec + 24, key, 16);
    /* another client's file is a different one */
    RP_CHECK_EQ(read_file("fffffff9_00000010.rpk", bad, sizeof bad), 0);
    memcpy(bad, rec, len);
    bad[3] = 2;                                    /* unknown version */
    write_file("00000001_00000010.rpk", bad, len);
    RP_CHECK_EQ(psa_export_key(0x10, buf, sizeof buf, &n), PSA_ERROR_DATA_CORRUPT);
    write_file("00000001_00000010.rpk", rec, len - 1);   /* truncated */
    RP_CHECK_EQ(psa_export_key(0x10, buf, sizeof buf, &n), PSA_ERROR_DATA_CORRUPT);
    write_file("00000001_00000010.rpk", rec, len);
    RP_CHECK_EQ(psa_export_key(0x10, buf, sizeof buf, &n), PSA_SUCCESS);
    RP_CHECK(n == 16 && memcmp(buf, key, 16) == 0);
    RP_CHECK_EQ(psa_destroy_key(0x10), PSA_SUCCESS);
    RP_CHECK_EQ(read_file("00000001_00000010.rpk", rec, sizeof rec), 0);
}

/* A persistent ECC key pair's record is version 2: the v1 header and scalar, then its
 * public key (made once at import, so verification does not recompute it); a version-1
 * record of the same key (from before) still loads; a damaged public key part is
 * reported. Key: RFC 6979 A.2.5 (P-256). */
static void record_ecc_v2(void)
{
    static const uint8_t d[32] = {
        0xc9, 0xaf, 0xa9, 0xd8, 0x45, 0xba, 0x75, 0x16, 0x6b, 0x5c, 0x21, 0x57, 0x67, 0xb1,
        0xd6, 0x93, 0x4e, 0x50, 0xc3, 0xdb, 0x36, 0xe8, 0x9b, 0x12, 0x7b, 0x8a, 0x62, 0x2b,
        0x12, 0x0f, 0x67, 0x21 };
    const psa_algorithm_t alg = PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256);
    uint8_t rec[256], bad[256], pub[65], h[32], sig[64];
    size_t len, sl;
    memset(h, 0x5a, sizeof h);
    (void)psa_destroy_key(0x11);
    RP_CHECK_EQ(import(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1),
                       PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH, alg, 0x11, d, 32),
                0x11);
    RP_CHECK_EQ(psa_export_public_key(0x11, pub, sizeof pub, &n), PSA_SUCCESS);
    RP_CHECK_EQ(n, 65);
    len = read_file("00000001_00000011.rpk", rec, sizeof rec);
    RP_CHECK_EQ(len, 24 + 32 + 65);
    RP_CHECK(memcmp(rec, "RPK\x02", 4) == 0);
    RP_CHECK_EQ(rec[20], 32);
    RP_CHECK_MEM(rec + 24, d, 32);
    RP_CHECK_MEM(rec + 56, pub, 65);
    RP_CHECK_EQ(psa_sign_hash(0x11, alg, h, 32, sig, sizeof sig, &sl), PSA_SUCCESS);
    RP_CHECK_EQ(psa_verify_hash(0x11, alg, h, 32, sig, sl), PSA_SUCCESS);
    /* the same key as a version-1 record: no public key stored, derived per use */
    memcpy(bad, rec, 56);
    bad[3] = 1;
    write_file("00000001_00000011.rpk", bad, 56);
    RP_CHECK_EQ(psa_verify_hash(0x11, alg, h, 32, sig, sl), PSA_SUCCESS);
    RP_CHECK_EQ(psa_export_public_key(0x11, buf, sizeof buf, &n), PSA_SUCCESS);
    RP_CHECK(n == 65 && memcmp(buf, pub, 65) == 0);
    /* version 2 with a public key of the wrong size or form, or on a v1-sized record */
    memcpy(bad, rec, len);
    write_file("00000001_00000011.rpk", bad, len - 1);
    RP_CHECK_EQ(psa_verify_hash(0x11, alg, h, 32, sig, sl), PSA_ERROR_DATA_CORRUPT);
    bad[56] = 0x05;
    write_file("00000001_00000011.rpk", bad, len);
    RP_CHECK_EQ(psa_export_public_key(0x11, buf, sizeof buf, &n), PSA_ERROR_DATA_CORRUPT);
    write_file("00000001_00000011.rpk", rec, 56);          /* "RPK" 2 without the key */
    RP_CHECK_EQ(psa_sign_hash(0x11, alg, h, 32, buf, sizeof buf, &n), PSA_ERROR_DATA_CORRUPT);
    write_file("00000001_00000011.rpk", rec, len);
    RP_CHECK_EQ(psa_verify_hash(0x11, alg, h, 32, sig, sl), PSA_SUCCESS);
    RP_CHECK_EQ(psa_destroy_key(0x11), PSA_SUCCESS);
}

static void limits_and_cleanup(void)
{
    psa_key_id_t ids[RP_CRYPTO_KEY_SLOTS + 1];
    psa_hash_operation_t ops[RP_CRYPTO_OPS + 1];
    uint8_t k[RP_CRYPTO_KEY_MAX_BYTES + 1];
    unsigned i;
    memset(k, 7, sizeof k);
    memset(ops, 0, sizeof ops);
    rp_host_set_client(5);
    for (i = 0; i < RP_CRYPTO_KEY_SLOTS; i++) {
        ids[i] = import(PSA_KEY_TYPE_RAW_DATA, 0, 0, 0, k, 8);
        RP_CHECK(ids[i] != 0);
    }
    RP_CHECK_EQ(import(PSA_KEY_TYPE_RAW_DATA, 0, 0, 0, k, 8), 0);   /* slots full */
    RP_CHECK_EQ(rp_crypto_client_keys(5), RP_CRYPTO_KEY_SLOTS);
    for (i = 0; i < RP_CRYPTO_OPS_PER_CLIENT; i++)
        RP_CHECK_EQ(psa_hash_setup(&ops[i], PSA_ALG_SHA_256), PSA_SUCCESS);
    RP_CHECK_EQ(rp_crypto_client_ops(5), RP_CRYPTO_OPS_PER_CLIENT);
    rp_host_client_gone(5);                      /* the partition's clean-up */
    RP_CHECK_EQ(rp_crypto_client_keys(5), 0);
    RP_CHECK_EQ(rp_crypto_client_ops(5), 0);
    RP_CHECK_EQ(psa_hash_update(&ops[0], k, 1), PSA_ERROR_BAD_STATE);
    RP_CHECK_EQ(psa_export_key(ids[0], buf, sizeof buf, &n), PSA_ERROR_INVALID_HANDLE);
    /* the key arena: RP_CRYPTO_KEY_ARENA bytes in all */
    RP_CHECK_EQ(import(PSA_KEY_TYPE_HMAC, 0, 0, 0, k, RP_CRYPTO_KEY_MAX_BYTES + 1), 0);
    for (i = 0; i < RP_CRYPTO_KEY_ARENA / RP_CRYPTO_KEY_MAX_BYTES; i++)
        RP_CHECK(import(PSA_KEY_TYPE_HMAC, 0, 0, 0, k, RP_CRYPTO_KEY_MAX_BYTES) != 0);
    if (RP_CRYPTO_KEY_ARENA % RP_CRYPTO_KEY_MAX_BYTES != 0)   /* fill the rest exactly */
        RP_CHECK(import(PSA_KEY_TYPE_HMAC, 0, 0, 0, k,
                        RP_CRYPTO_KEY_ARENA % RP_CRYPTO_KEY_MAX_BYTES) != 0);
    RP_CHECK_EQ(import(PSA_KEY_TYPE_HMAC, 0, 0, 0, k, 1), 0);
    rp_host_client_gone(5);
    RP_CHECK(import(PSA_KEY_TYPE_HMAC, 0, 0, 0, k, RP_CRYPTO_KEY_MAX_BYTES) != 0);
    rp_host_client_gone(5);
    /* all clients together: RP_CRYPTO_OPS operations (the handles above are stale) */
    memset(ops, 0, sizeof ops);
    for (i = 0; i < RP_CRYPTO_OPS; i++) {
        rp_host_set_client(10 + (int32_t)(i / RP_CRYPTO_OPS_PER_CLIENT));
        RP_CHECK_EQ(psa_hash_setup(&ops[i], PSA_ALG_SHA_256), PSA_SUCCESS);
    }
    rp_host_set_client(99);
    RP_CHECK_EQ(psa_hash_setup(&ops[RP_CRYPTO_OPS], PSA_ALG_SHA_256),
                PSA_ERROR_INSUFFICIENT_MEMORY);
    for (i = 0; i < RP_CRYPTO_OPS; i++)
        rp_host_client_gone(10 + (int32_t)(i / RP_CRYPTO_OPS_PER_CLIENT));
    RP_CHECK_EQ(psa_hash_setup(&ops[RP_CRYPTO_OPS], PSA_ALG_SHA_256), PSA_SUCCESS);
    RP_CHECK_EQ(psa_hash_abort(&ops[RP_CRYPTO_OPS]), PSA_SUCCESS);
    rp_host_set_client(1);
}

/* One million 'a' (FIPS 180-2 B.3), fed in uneven pieces. */
static void sha256_million(void)
{
    psa_hash_operation_t op = PSA_HASH_OPERATION_INIT;
    size_t left = 1000000, step = 1;
    memset(buf, 'a', sizeof buf);
    RP_CHECK_EQ(psa_hash_setup(&op, PSA_ALG_SHA_256), PSA_SUCCESS);
    while (left) {
        size_t c = step < left ? step : left;
        RP_CHECK_EQ(psa_hash_update(&op, buf, c), PSA_SUCCESS);
        left -= c;
        step = step * 3 % 2000 + 1;
    }
    RP_CHECK_EQ(psa_hash_finish(&op, buf2, 32, &n), PSA_SUCCESS);
    {
        static const uint8_t want[32] = {
            0xcd, 0xc7, 0x6e, 0x5c, 0x99, 0x14, 0xfb, 0x92, 0x81, 0xa1, 0xc7, 0xe2, 0x84, 0xd7,
            0x3e, 0x67, 0xf1, 0x80, 0x9a, 0x48, 0xa4, 0x97, 0x20, 0x0e, 0x04, 0x6d, 0x39, 0xcc,
            0xc7, 0x11, 0x2c, 0xd0 };
        RP_CHECK_MEM(buf2, want, 32);
    }
}

/* Streaming KDF output, in pieces, equals the primitives' one-shot results. */
static void kdf_differential(void)
{
    static const psa_algorithm_t hashes[] = { PSA_ALG_SHA_256, PSA_ALG_SHA_384 };
    static const rp_hash_id ids[] = { RP_HASH_SHA256, RP_HASH_SHA384 };
    uint8_t secret[70], seed[77], label[23], other[48];
    for (unsigned i = 0; i < sizeof secret; i++)
        secret[i] = (uint8_t)(i * 7 + 1);
    for (unsigned i = 0; i < sizeof seed; i++)
        seed[i] = (uint8_t)(i * 13 + 5);
    memcpy(label, "key expansion label 123", 23);
    memset(other, 0x3c, sizeof other);
    for (unsigned h = 0; h < 2; h++) {
        for (size_t len = 1; len <= 400; len = len * 2 + 3) {
            psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
            size_t slen = 1 + len % 69, done = 0;
            /* TLS 1.2 PRF */
            RP_CHECK_EQ(psa_key_derivation_setup(&op, PSA_ALG_TLS12_PRF(hashes[h])), 0);
            RP_CHECK_EQ(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SEED,
                                                       seed, len % 77), 0);
            RP_CHECK_EQ(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET,
                                                       secret, slen), 0);
            RP_CHECK_EQ(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_LABEL,
                                                       label, len % 23), 0);
            while (done < len) {
                size_t c = (done % 17) + 1 < len - done ? (done % 17) + 1 : len - done;
                RP_CHECK_EQ(psa_key_derivation_output_bytes(&op, buf + done, c), 0);
                done += c;
            }
            RP_CHECK_EQ(psa_key_derivation_abort(&op), 0);
            RP_CHECK_EQ(rp_tls12_prf(ids[h], secret, slen, label, len % 23, seed, len % 77,
                                     buf2, len), 0);
            RP_CHECK_MEM(buf, buf2, len);
            /* PSK to MS with an other secret */
            RP_CHECK_EQ(psa_key_derivation_setup(&op, PSA_ALG_TLS12_PSK_TO_MS(hashes[h])), 0);
            RP_CHECK_EQ(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SEED,
                                                       seed, 64), 0);
            RP_CHECK_EQ(psa_key_derivation_input_bytes(
                            &op, PSA_KEY_DERIVATION_INPUT_OTHER_SECRET, other, len % 48), 0);
            RP_CHECK_EQ(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET,
                                                       secret, slen), 0);
            RP_CHECK_EQ(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_LABEL,
                                                       label, 13), 0);
            RP_CHECK_EQ(psa_key_derivation_output_bytes(&op, buf, len), 0);
            RP_CHECK_EQ(psa_key_derivation_abort(&op), 0);
            RP_CHECK_EQ(rp_tls12_psk_to_ms(ids[h], secret, slen, other, len % 48, label, 13,
                                           seed, 64, buf2, len), 0);
            RP_CHECK_MEM(buf, buf2, len);
            /* HKDF */
            RP_CHECK_EQ(psa_key_derivation_setup(&op, PSA_ALG_HKDF(hashes[h])), 0);
            RP_CHECK_EQ(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_INFO,
                                                       label, len % 23), 0);
            RP_CHECK_EQ(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SALT,
                                                       seed, len % 77), 0);
            RP_CHECK_EQ(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET,
                                                       secret, slen), 0);
            RP_CHECK_EQ(psa_key_derivation_output_bytes(&op, buf, len), 0);
            RP_CHECK_EQ(psa_key_derivation_abort(&op), 0);
            RP_CHECK_EQ(rp_hkdf(ids[h], seed, len % 77, secret, slen, label, len % 23, buf2,
                                len), 0);
            RP_CHECK_MEM(buf, buf2, len);
        }
    }
}

/* RSA-2048 generation (host library builds have RSA): a working key pair whose public
 * half verifies what the pair signs; other sizes refused. */
static void rsa_generate(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    const psa_algorithm_t alg = PSA_ALG_RSA_PSS(PSA_ALG_SHA_256);
    psa_key_id_t pair = 0, pub;
    uint8_t h[32], sig[256], der[400];
    size_t n;
    memset(h, 0x61, sizeof h);
    psa_set_key_type(&a, PSA_KEY_TYPE_RSA_KEY_PAIR);
    psa_set_key_bits(&a, 3072);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_SIGN_HASH);
    psa_set_key_algorithm(&a, alg);
    RP_CHECK_EQ(psa_generate_key(&a, &pair), PSA_ERROR_NOT_SUPPORTED);
    psa_set_key_bits(&a, 2048);
    RP_CHECK_EQ(psa_generate_key(&a, &pair), PSA_SUCCESS);
    RP_CHECK_EQ(psa_sign_hash(pair, alg, h, 32, sig, sizeof sig, &n), PSA_SUCCESS);
    RP_CHECK_EQ(n, 256);
    RP_CHECK_EQ(psa_export_public_key(pair, der, sizeof der, &n), PSA_SUCCESS);
    pub = import(PSA_KEY_TYPE_RSA_PUBLIC_KEY, PSA_KEY_USAGE_VERIFY_HASH, alg, 0, der, n);
    RP_CHECK(pub != 0);
    RP_CHECK_EQ(psa_verify_hash(pub, alg, h, 32, sig, 256), PSA_SUCCESS);
    sig[100] ^= 1;
    RP_CHECK_EQ(psa_verify_hash(pub, alg, h, 32, sig, 256), PSA_ERROR_INVALID_SIGNATURE);
    RP_CHECK_EQ(psa_destroy_key(pair), PSA_SUCCESS);
    RP_CHECK_EQ(psa_destroy_key(pub), PSA_SUCCESS);
}

static int persistence(const char *phase)
{
    static const uint8_t key[20] = "persisted key bytes";
    if (strcmp(phase, "write") == 0) {
        (void)psa_destroy_key(0x2222);
        RP_CHECK_EQ(import(PSA_KEY_TYPE_RAW_DATA, PSA_KEY_USAGE_EXPORT, 0, 0x2222, key, 20),
                    0x2222);
    } else {
        RP_CHECK_EQ(psa_export_key(0x2222, buf, sizeof buf, &n), PSA_SUCCESS);
        RP_CHECK(n == 20 && memcmp(buf, key, 20) == 0);
        RP_CHECK_EQ(psa_destroy_key(0x2222), PSA_SUCCESS);
        RP_CHECK_EQ(psa_export_key(0x2222, buf, sizeof buf, &n), PSA_ERROR_INVALID_HANDLE);
    }
    return rp_test_end(phase);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s <key dir> [write|read]\n", argv[0]);
        return 2;
    }
    dir = argv[1];
    before_init();
    if (argc > 2)
        return persistence(argv[2]);
    iak();
    record_format();
    record_ecc_v2();
    limits_and_cleanup();
    sha256_million();
    kdf_differential();
    rsa_generate();
    (void)n2;
    return rp_test_end("crypto_service.host_lib");
}

/* test_rsa_psa - RSA through the PSA API of the host library, against Wycheproof
 * (flattened by rsa_vectors.py): PKCS#1 v1.5 signatures (generation gives exactly the
 * expected signature; verification), PSS verification, OAEP and PKCS#1 v1.5 decryption,
 * and per key: export of the key pair and of its public key, encryption round trips, PSS
 * sign/verify round trips. Exits 77 when the vectors are missing.
 * Usage: test_rsa_psa <python> <rsa_vectors.py> <testvectors dir> */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "psa/crypto.h"
#include "rp_host.h"
#include "rp_test.h"

static char line[20000];
static uint8_t der[2400], msg[2048], data[1024], label[256], out[2400], out2[1024];
static size_t der_len, msg_len, data_len, label_len;
static psa_key_id_t key;
static char kind[16];
static psa_algorithm_t alg, hash;
static unsigned long cases, passed_valid, refused_invalid;

/* Hex field (or "-" for empty) into buf; returns the byte count. */
static size_t unhex(const char *h, uint8_t *buf, size_t cap)
{
    size_t n = 0;
    if (strcmp(h, "-") == 0)
        return 0;
    for (; h[0] && h[1] && n < cap; h += 2) {
        unsigned v;
        sscanf(h, "%2x", &v);
        buf[n++] = (uint8_t)v;
    }
    return n;
}

static psa_algorithm_t hash_alg(const char *name)
{
    return !strcmp(name, "sha1") ? PSA_ALG_SHA_1 : !strcmp(name, "sha224") ? PSA_ALG_SHA_224
         : !strcmp(name, "sha256") ? PSA_ALG_SHA_256 : !strcmp(name, "sha384") ? PSA_ALG_SHA_384
         : !strcmp(name, "sha512") ? PSA_ALG_SHA_512 : PSA_ALG_NONE;
}

/* A group: its key, and the checks every key gets. */
static void group(const char *k, const char *h, unsigned salt, const char *type,
                  const char *hex)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    int pair = strcmp(type, "pair") == 0;
    (void)psa_destroy_key(key);
    key = 0;
    strcpy(kind, k);
    hash = hash_alg(h);
    alg = !strcmp(k, "SIGGEN") ? PSA_ALG_RSA_PKCS1V15_SIGN(hash)
        : !strcmp(k, "PSS") ? (salt == PSA_HASH_LENGTH(hash) ? PSA_ALG_RSA_PSS(hash)
                                                             : PSA_ALG_RSA_PSS_ANY_SALT(hash))
        : !strcmp(k, "OAEP") ? PSA_ALG_RSA_OAEP(hash) : PSA_ALG_RSA_PKCS1V15_CRYPT;
    der_len = unhex(hex, der, sizeof der);
    psa_set_key_type(&a, pair ? PSA_KEY_TYPE_RSA_KEY_PAIR : PSA_KEY_TYPE_RSA_PUBLIC_KEY);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_SIGN_MESSAGE |
                                PSA_KEY_USAGE_VERIFY_MESSAGE | PSA_KEY_USAGE_ENCRYPT |
                                PSA_KEY_USAGE_DECRYPT);
    psa_set_key_algorithm(&a, alg);
    RP_CHECK_EQ(psa_import_key(&a, der, der_len, &key), PSA_SUCCESS);
    RP_CHECK_EQ(psa_export_key(key, out, sizeof out, &data_len), PSA_SUCCESS);
    RP_CHECK(data_len == der_len && memcmp(out, der, der_len) == 0);
    RP_CHECK_EQ(psa_export_public_key(key, out, sizeof out, &data_len), PSA_SUCCESS);
    if (pair && PSA_ALG_IS_RSA_OAEP(alg)) {   /* round trip with a label */
        RP_CHECK_EQ(psa_asymmetric_encrypt(key, alg, (const uint8_t *)"round", 5,
                                           (const uint8_t *)"L", 1, out, sizeof out,
                                           &data_len), PSA_SUCCESS);
        RP_CHECK_EQ(psa_asymmetric_decrypt(key, alg, out, data_len, (const uint8_t *)"L", 1,
                                           out2, sizeof out2, &msg_len), PSA_SUCCESS);
        RP_CHECK(msg_len == 5 && memcmp(out2, "round", 5) == 0);
        RP_CHECK_EQ(psa_asymmetric_decrypt(key, alg, out, data_len, (const uint8_t *)"M", 1,
                                           out2, sizeof out2, &msg_len),
                    PSA_ERROR_INVALID_PADDING);
    }
    if (pair && alg == PSA_ALG_RSA_PKCS1V15_CRYPT) {
        RP_CHECK_EQ(psa_asymmetric_encrypt(key, alg, (const uint8_t *)"v15", 3, NULL, 0, out,
                                           sizeof out, &data_len), PSA_SUCCESS);
        RP_CHECK_EQ(psa_asymmetric_decrypt(key, alg, out, data_len, NULL, 0, out2,
                                           sizeof out2, &msg_len), PSA_SUCCESS);
        RP_CHECK(msg_len == 3 && memcmp(out2, "v15", 3) == 0);
    }
}

static void check_case(const char *result)
{
    int valid = strcmp(result, "valid") == 0, invalid = strcmp(result, "invalid") == 0;
    psa_status_t st;
    size_t n = 0;
    cases++;
    if (!strcmp(kind, "SIGGEN")) {
        if (valid) {   /* PKCS#1 v1.5 is deterministic: the same signature */
            RP_CHECK_EQ(psa_sign_message(key, alg, msg, msg_len, out, sizeof out, &n),
                        PSA_SUCCESS);
            RP_CHECK(n == data_len && memcmp(out, data, n) == 0);
        }
        st = psa_verify_message(key, alg, msg, msg_len, data, data_len);
    } else if (!strcmp(kind, "PSS")) {
        st = psa_verify_message(key, alg, msg, msg_len, data, data_len);
    } else {
        st = psa_asymmetric_decrypt(key, alg, data, data_len, label, label_len, out,
                                    sizeof out, &n);
        if (st == PSA_SUCCESS)
            RP_CHECK(n == msg_len && memcmp(out, msg, n) == 0);
    }
    if (valid) {
        RP_CHECK_EQ(st, PSA_SUCCESS);
        passed_valid += st == PSA_SUCCESS;
    } else if (invalid) {
        RP_CHECK(st != PSA_SUCCESS);
        refused_invalid += st != PSA_SUCCESS;
    }
}

int main(int argc, char **argv)
{
    char cmd[1024];
    FILE *f;
    int rc;
    if (argc < 4)
        rp_test_skip("usage: test_rsa_psa <python> <rsa_vectors.py> <testvectors dir>");
    RP_CHECK_EQ(psa_crypto_init(), PSA_SUCCESS);
    snprintf(cmd, sizeof cmd, "%s %s %s", argv[1], argv[2], argv[3]);
    f = popen(cmd, "r");
    if (!f)
        rp_test_skip("cannot run the vector flattener");
    while (fgets(line, sizeof line, f)) {
        char a[16], b[16], c[16], d[16], *hex = NULL;
        unsigned salt = 0;
        line[strcspn(line, "\n")] = 0;
        if (!strcmp(line, "SKIP")) {
            pclose(f);
            rp_test_skip("testvectors directory missing");
        }
        if (line[0] == 'G' && sscanf(line, "G %15s %15s %u %15s", a, b, &salt, c) == 4) {
            hex = strrchr(line, ' ') + 1;
            group(a, b, salt, c, hex);
        } else if (line[0] == 'T') {
            char *r = strtok(line + 2, " "), *m = strtok(NULL, " "), *s = strtok(NULL, " "),
                 *l = strtok(NULL, " ");
            if (!r || !m || !s || !l)
                continue;
            msg_len = unhex(m, msg, sizeof msg);
            data_len = unhex(s, data, sizeof data);
            label_len = unhex(l, label, sizeof label);
            (void)d;
            check_case(r);
        }
    }
    rc = pclose(f);
    RP_CHECK(rc == 0);
    (void)psa_destroy_key(key);
    printf("%lu cases: %lu valid accepted, %lu invalid refused\n", cases, passed_valid,
           refused_invalid);
    RP_CHECK(cases > 200);
    return rp_test_end("crypto_service.rsa_psa");
}

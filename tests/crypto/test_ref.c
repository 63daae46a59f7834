/* test_ref.c - HMAC_DRBG, TLS 1.2 PRF and PSK-to-master-secret against independent Python
 * implementations written from the specifications (tests/crypto/ref_vectors.py), because
 * the official CAVP example values could not be obtained with certainty here. Also checks
 * the entropy-source DRBG layer: instantiate/reseed/prediction-resistance calls, entropy
 * failure handling and the reseed interval.
 * Usage: test_ref <python3> <ref_vectors.py> <count> */
#define _POSIX_C_SOURCE 200809L  /* popen */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rp_test.h"
#include "rp_drbg.h"
#include "rp_hmac.h"

static size_t unhex(uint8_t *out, const char *s)
{
    size_t n = 0;
    unsigned v;

    if (strcmp(s, ".") == 0 || strcmp(s, "-") == 0)
        return 0;
    while (s[0] && s[1] && sscanf(s, "%2x", &v) == 1) {
        out[n++] = (uint8_t)v;
        s += 2;
    }
    return n;
}

static rp_hash_id hash_id(const char *n)
{
    return strcmp(n, "sha1") == 0 ? RP_HASH_SHA1 : strcmp(n, "sha224") == 0 ? RP_HASH_SHA224
         : strcmp(n, "sha256") == 0 ? RP_HASH_SHA256 : strcmp(n, "sha384") == 0
         ? RP_HASH_SHA384 : RP_HASH_SHA512;
}

/* A scripted entropy source: hands out queued chunks in order, counts calls. */
typedef struct {
    const uint8_t *chunk[4];
    size_t len[4], next, calls;
    int fail;
} script_t;

static int script_entropy(void *arg, uint8_t *out, size_t len)
{
    script_t *s = arg;

    s->calls++;
    if (s->fail || s->next >= 4 || s->len[s->next] != len)
        return -1;
    memcpy(out, s->chunk[s->next++], len);
    return 0;
}

static uint8_t f[9][512];
static size_t fl[9];
static size_t ncase[4];

static void run(char **t, int nt)
{
    uint8_t out[512];
    size_t i, outlen;
    rp_drbg_ctx d;

    for (i = 0; i + 2 < (size_t)nt && i < 9; i++)
        fl[i] = unhex(f[i], t[2 + i]);
    if (strcmp(t[0], "DRBG") == 0 && nt == 11) {
        outlen = (size_t)atoi(t[9]);
        RP_CHECK_EQ(rp_hmac_drbg_instantiate(&d, hash_id(t[1]), f[0], fl[0], f[1], fl[1],
                                             f[2], fl[2]), 0);
        RP_CHECK_EQ(rp_hmac_drbg_reseed(&d, f[3], fl[3], f[4], fl[4]), 0);
        RP_CHECK_EQ(rp_hmac_drbg_generate(&d, out, outlen, f[5], fl[5]), 0);
        RP_CHECK_EQ(rp_hmac_drbg_generate(&d, out, outlen, f[6], fl[6]), 0);
        RP_CHECK_MEM(out, f[8], outlen);
        ncase[0]++;
    } else if (strcmp(t[0], "DRBGPR") == 0 && nt == 10) {
        script_t s = { { f[0], f[2], f[4], NULL }, { fl[0], fl[2], fl[4], 0 }, 0, 0, 0 };
        outlen = (size_t)atoi(t[8]);
        RP_CHECK_EQ(rp_drbg_instantiate(&d, hash_id(t[1]), script_entropy, &s, f[1], fl[1],
                                        1), 0);
        RP_CHECK_EQ(rp_drbg_generate(&d, out, outlen, f[3], fl[3], 0), 0);
        RP_CHECK_EQ(rp_drbg_generate(&d, out, outlen, f[5], fl[5], 1), 0);
        RP_CHECK_MEM(out, f[7], outlen);
        RP_CHECK_EQ(s.calls, 3);
        RP_CHECK_EQ(rp_drbg_generate(&d, out, outlen, NULL, 0, 0), -1); /* source empty */
        rp_drbg_uninstantiate(&d);
        ncase[1]++;
    } else if (strcmp(t[0], "PRF") == 0 && nt == 7) {
        outlen = (size_t)atoi(t[5]);
        RP_CHECK_EQ(rp_tls12_prf(hash_id(t[1]), f[0], fl[0], f[1], fl[1], f[2], fl[2], out,
                                 outlen), 0);
        RP_CHECK_MEM(out, f[4], outlen);
        ncase[2]++;
    } else if (strcmp(t[0], "PSK") == 0 && nt == 8) {
        int plain = strcmp(t[3], "-") == 0;
        RP_CHECK_EQ(rp_tls12_psk_to_ms(hash_id(t[1]), f[0], fl[0], plain ? NULL : f[1], fl[1],
                                       f[2], fl[2], f[3], fl[3], out, 48), 0);
        RP_CHECK_MEM(out, f[5], 48);
        ncase[3]++;
    } else {
        RP_CHECK(!"malformed reference line");
    }
}

/* Reseed interval and failure paths of the entropy-source layer. */
static void test_source_layer(void)
{
    static const uint8_t e[48] = { 1, 2, 3 };
    script_t s = { { e, e, e, e }, { 48, 32, 32, 32 }, 0, 0, 0 };
    script_t bad = { { 0 }, { 0 }, 0, 0, 1 };
    uint8_t out[64], out2[64];
    rp_drbg_ctx d;

    RP_CHECK_EQ(rp_drbg_instantiate(&d, RP_HASH_SHA256, script_entropy, &bad, NULL, 0, 0), -1);
    RP_CHECK_EQ(rp_drbg_instantiate(&d, RP_HASH_SHA256, NULL, NULL, NULL, 0, 0), -1);
    RP_CHECK_EQ(rp_drbg_instantiate(&d, RP_HASH_SHA256, script_entropy, &s, NULL, 0, 0), 0);
    d.reseed_interval = 2;
    RP_CHECK_EQ(rp_drbg_generate(&d, out, 64, NULL, 0, 0), 0);
    RP_CHECK_EQ(rp_drbg_generate(&d, out2, 64, NULL, 0, 0), 0);
    RP_CHECK(memcmp(out, out2, 64) != 0);
    RP_CHECK_EQ(s.calls, 1);
    RP_CHECK_EQ(rp_drbg_generate(&d, out, 64, NULL, 0, 0), 0);   /* interval: reseeds */
    RP_CHECK_EQ(s.calls, 2);
    RP_CHECK_EQ(rp_hmac_drbg_generate(&d, out, RP_DRBG_MAX_REQUEST + 1, NULL, 0), -1);
    d.reseed_counter = 3;
    RP_CHECK_EQ(rp_hmac_drbg_generate(&d, out, 1, NULL, 0), RP_DRBG_RESEED_REQUIRED);
    rp_drbg_uninstantiate(&d);
}

int main(int argc, char **argv)
{
    static char line[8192];
    char cmd[2048], *t[16];
    FILE *fp;

    if (argc != 4)
        return 2;
    snprintf(cmd, sizeof cmd, "'%s' '%s' 1 '%s'", argv[1], argv[2], argv[3]);
    fp = popen(cmd, "r");
    if (!fp)
        return 2;
    while (fgets(line, sizeof line, fp)) {
        int nt = 0;
        for (char *s = strtok(line, " \n"); s && nt < 16; s = strtok(NULL, " \n"))
            t[nt++] = s;
        run(t, nt);
    }
    RP_CHECK_EQ(pclose(fp), 0);
    test_source_layer();
    printf("reference cases: %zu DRBG, %zu DRBG-PR, %zu TLS-PRF, %zu PSK-to-MS\n",
           ncase[0], ncase[1], ncase[2], ncase[3]);
    RP_CHECK(ncase[0] > 0 && ncase[1] > 0 && ncase[2] > 0 && ncase[3] > 0);
    return rp_test_end("crypto_ref");
}

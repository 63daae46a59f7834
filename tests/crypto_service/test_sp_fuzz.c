/* test_sp_fuzz - the Crypto partition's message handling (services/crypto/crypto_sp.c)
 * on the host, against the real crypto core, with random messages: random function
 * numbers, headers, vector counts and sizes, handles and key ids, several clients.
 *
 * The service API is simulated with the SPM's rules (spm_sim.c): psa_write past an
 * out_vec's end or any mapping is a fault of the partition and stops the test. ASan/UBSan
 * watch the rest.
 * Every status must be a PSA status (<= 0), and every multipart call must return its
 * handle vector. Usage: test_sp_fuzz [iterations] [seed] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "psa/crypto.h"
#include "psa/service.h"
#include "psa_manifest/rp_crypto_sp.h"
#include "rp_crypto_core.h"
#include "rp_crypto_ipc.h"
#include "rp_test.h"
#include "spm_sim.h"

/* The service API: spm_sim.c (the SPM's rules); m is the message being served. */
#define m rp_sim

/* ---- random messages ---- */
static uint64_t rng_state;
static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)rng_state;
}

static const psa_algorithm_t algs[] = {
    PSA_ALG_SHA_256, PSA_ALG_SHA_512, PSA_ALG_MD5, PSA_ALG_HMAC(PSA_ALG_SHA_256), PSA_ALG_CMAC,
    PSA_ALG_CBC_PKCS7, PSA_ALG_CTR, PSA_ALG_ECB_NO_PADDING, PSA_ALG_GCM, PSA_ALG_CCM,
    PSA_ALG_CHACHA20_POLY1305, PSA_ALG_ECDSA(PSA_ALG_SHA_256),
    PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_384), PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256),
    PSA_ALG_TLS12_PRF(PSA_ALG_SHA_256), PSA_ALG_TLS12_PSK_TO_MS(PSA_ALG_SHA_384),
    PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256)),
    PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256), 0, 0xffffffffu,
};
static const psa_key_type_t types[] = {
    PSA_KEY_TYPE_AES, PSA_KEY_TYPE_HMAC, PSA_KEY_TYPE_DERIVE, PSA_KEY_TYPE_RAW_DATA,
    PSA_KEY_TYPE_CHACHA20, PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1),
    PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), PSA_KEY_TYPE_RSA_KEY_PAIR, 0,
};
static const int32_t clients[] = { -1, -2, 1, 7 };

static uint32_t handles[16], keys[16];
static unsigned long successes, per_fn_success[RP_CRYPTO_FN_COUNT];
static uint8_t inbuf[PSA_MAX_IOVEC][700], outbuf[PSA_MAX_IOVEC][700];

static uint32_t pick(const uint32_t *pool)
{
    uint32_t c = rnd() % 10;
    return c == 0 ? 0 : c == 1 ? rnd() : pool[rnd() % 16];
}

static void random_attributes(uint8_t *buf)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    static const size_t bits[] = { 0, 128, 256, 384, 8, 2048 };
    psa_set_key_type(&a, types[rnd() % (sizeof types / sizeof types[0])]);
    psa_set_key_bits(&a, bits[rnd() % 6]);
    psa_set_key_usage_flags(&a, rnd());
    psa_set_key_algorithm(&a, algs[rnd() % (sizeof algs / sizeof algs[0])]);
    if (rnd() % 4 == 0)
        psa_set_key_id(&a, 1 + rnd() % 8);
    memcpy(buf, &a, sizeof a);
}

static void one_message(void)
{
    psa_msg_t msg;
    struct rp_crypto_req r;
    psa_status_t st;
    int32_t type = (int32_t)(rnd() % (RP_CRYPTO_FN_COUNT + 3)) - 1;
    size_t nin = rnd() % 10 ? 1 + rnd() % 4 : rnd() % 5, nout = rnd() % 5;
    static const uint32_t steps[] = { 0x0101, 0x0102, 0x0103, 0x0201, 0x0202, 0x0203,
                                      0x0204, 0x0205 };

    memset(&m, 0, sizeof m);
    memset(&msg, 0, sizeof msg);
    msg.type = type;
    msg.client_id = rnd() % 10 < 7 ? -1 : clients[rnd() % 4];
    msg.handle = 1;
    r.op = rnd() % 10 < 4 ? 0 : pick(handles);   /* setups need an inactive operation */
    r.key = pick(keys);
    r.alg = algs[rnd() % (sizeof algs / sizeof algs[0])];
    switch (rnd() % 4) {   /* flags, derivation steps, nonce lengths, anything */
    case 0: r.arg = rnd() % 2; break;
    case 1: r.arg = steps[rnd() % 8]; break;
    case 2: r.arg = (rnd() % 2) | (7 + rnd() % 8) << 8; break;
    default: r.arg = rnd(); break;
    }
    r.u.v.n1 = rnd() % 5 == 0 ? (uint64_t)rnd() << 32 | rnd() : rnd() % 600;
    r.u.v.n2 = rnd() % 600;
    for (size_t i = 0; i < PSA_MAX_IOVEC; i++) {
        size_t n = 0;
        if (i == 0 && nin > 0)
            n = rnd() % 16 ? sizeof r : rnd() % 40;
        else if (i < nin)
            n = rnd() % 3 == 0 ? sizeof(psa_key_attributes_t)
                : rnd() % 2 ? rnd() % 70 : rnd() % 700;
        for (size_t j = 0; j < n; j++)
            inbuf[i][j] = (uint8_t)rnd();
        if (i == 0)
            memcpy(inbuf[0], &r, n < sizeof r ? n : sizeof r);
        else if (n == sizeof(psa_key_attributes_t))
            random_attributes(inbuf[i]);
        m.in[i] = inbuf[i];
        m.in_len[i] = msg.in_size[i] = n;
        m.out[i] = outbuf[i];
        m.out_len[i] = msg.out_size[i] =
            i < nout ? (rnd() % 3 == 0 ? 4 : rnd() % 2 ? 64 + rnd() % 64 : rnd() % 700) : 0;
    }
    st = rp_crypto_sfn(&msg);
    RP_CHECK(st <= 0);
    if (st == PSA_SUCCESS) {
        successes++;
        if (type > 0 && type < RP_CRYPTO_FN_COUNT)
            per_fn_success[type]++;
    }
    /* a handle came back: remember it; a key id came back: remember it */
    if (m.out_done[0] == 4 && st == PSA_SUCCESS) {
        uint32_t v;
        memcpy(&v, outbuf[0], 4);
        if (type == RP_CRYPTO_FN_IMPORT || type == RP_CRYPTO_FN_GENERATE ||
            type == RP_CRYPTO_FN_COPY)
            keys[rnd() % 16] = v;
        else
            handles[rnd() % 16] = v;
    }
}

/* Seeds the pools with working keys of client -1 so that calls get past the key look-up:
 * each type with the algorithms it serves, every usage. */
static void seed_keys(void)
{
    static const struct { psa_key_type_t type; psa_algorithm_t alg; size_t len; } k[] = {
        { PSA_KEY_TYPE_AES, PSA_ALG_GCM, 16 },
        { PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7, 32 },
        { PSA_KEY_TYPE_AES, PSA_ALG_CTR, 16 },
        { PSA_KEY_TYPE_AES, PSA_ALG_CMAC, 16 },
        { PSA_KEY_TYPE_AES, PSA_ALG_CCM, 16 },
        { PSA_KEY_TYPE_AES, PSA_ALG_ECB_NO_PADDING, 16 },
        { PSA_KEY_TYPE_CHACHA20, PSA_ALG_CHACHA20_POLY1305, 32 },
        { PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_256), 20 },
        { PSA_KEY_TYPE_DERIVE, PSA_ALG_HKDF(PSA_ALG_SHA_256), 32 },
        { PSA_KEY_TYPE_DERIVE, PSA_ALG_TLS12_PRF(PSA_ALG_SHA_256), 32 },
        { PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), PSA_ALG_ECDSA(PSA_ALG_SHA_256), 32 },
        { PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), PSA_ALG_ECDH, 32 },
        { PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1),
          PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256)), 48 },
        { PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1),
          PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_384), 48 },
        { PSA_KEY_TYPE_RAW_DATA, 0, 8 },
        { PSA_KEY_TYPE_AES, PSA_ALG_GCM, 32 },
    };
    static const uint8_t data[48] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                                      16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
                                      29, 30, 31 };
    psa_msg_t msg;
    struct rp_crypto_req r = { 0, 0, 0, 0, { { 0, 0 } } };
    uint32_t id;
    for (unsigned i = 0; i < 16; i++) {
        psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
        memset(&m, 0, sizeof m);
        memset(&msg, 0, sizeof msg);
        psa_set_key_type(&a, k[i].type);
        psa_set_key_usage_flags(&a, 0xffffu);
        psa_set_key_algorithm(&a, k[i].alg);
        msg.type = RP_CRYPTO_FN_IMPORT;
        msg.client_id = -1;
        m.in[0] = (const uint8_t *)&r; m.in_len[0] = msg.in_size[0] = sizeof r;
        m.in[1] = (const uint8_t *)&a; m.in_len[1] = msg.in_size[1] = sizeof a;
        m.in[2] = data; m.in_len[2] = msg.in_size[2] = k[i].len;
        m.out[0] = (uint8_t *)&id; m.out_len[0] = msg.out_size[0] = 4;
        if (rp_crypto_sfn(&msg) == PSA_SUCCESS)   /* may fail later: slots full */
            keys[i] = id;
    }
}

int main(int argc, char **argv)
{
    unsigned long n = argc > 1 ? strtoul(argv[1], 0, 10) : 20000;
    rng_state = argc > 2 ? strtoull(argv[2], 0, 10) : 0x9E3779B97F4A7C15ull;
    RP_CHECK_EQ(rp_crypto_sp_init(), PSA_SUCCESS);
    seed_keys();
    for (unsigned i = 0; i < 16; i++)
        RP_CHECK(keys[i] != 0);
    for (unsigned long i = 0; i < n; i++) {
        if (i % 500 == 499) {
            /* lost handles would exhaust the operation pool and random destroys thin out
             * the keys: end every client's session (as when clients go away), start over */
            for (unsigned c = 0; c < 4; c++)
                rp_crypto_client_gone(clients[c]);
            memset(handles, 0, sizeof handles);
            seed_keys();
        }
        one_message();
    }
    {   /* how deep the random calls got: functions that succeeded at least once */
        unsigned reached = 0;
        for (int f = 1; f < RP_CRYPTO_FN_COUNT; f++)
            reached += per_fn_success[f] != 0;
        if (getenv("RP_FUZZ_STATS"))
            for (int f = 1; f < RP_CRYPTO_FN_COUNT; f++)
                printf("fn %d: %lu\n", f, per_fn_success[f]);
        printf("%lu messages, %lu succeeded, %u of %d functions succeeded at least once\n",
               n, successes, reached, RP_CRYPTO_FN_COUNT - 1);
    }
    return rp_test_end("crypto_service.sp_fuzz");
}

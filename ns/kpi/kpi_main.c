/* ns_kpi - instruction counts of NS->S round trips, printed as "KPI <key> <integer>".
 * Run under QEMU with -icount shift=0 (1 instruction = 1 ns): SysTick on the 20 MHz
 * processor clock ticks every 50 instructions. A loop figure is the mean over N calls
 * minus the mean of the same loop with an empty body; a figure for an operation that
 * needs a set-up (close needs a connection) times each call on its own and subtracts the
 * cost of timing nothing. See docs/kpi.md. */
#include <stdint.h>

#include "psa/client.h"
#include "psa/crypto.h"
#include "psa_manifest/sid.h"
#include "rp_ns_platform.h"
#include "rp_print.h"
#include "rp_test_services.h"

#ifndef RP_CONFIG
#define RP_CONFIG "sfn_l1"
#endif
#define N 2000u

/* The IPC backend's figures are for an IPC-model partition's services. */
#ifdef RP_TEST_IPC_EMPTY_HANDLE
#define EMPTY_HANDLE RP_TEST_IPC_EMPTY_HANDLE
#define ECHO_HANDLE  RP_TEST_IPC_ECHO_HANDLE
#define CONN_SID     RP_TEST_IPC_CONN_SID
#define CONN_VERSION RP_TEST_IPC_CONN_VERSION
#else
#define EMPTY_HANDLE RP_TEST_EMPTY_HANDLE
#define ECHO_HANDLE  RP_TEST_ECHO_HANDLE
#define CONN_SID     RP_TEST_CONN_SID
#define CONN_VERSION RP_TEST_CONN_VERSION
#endif

static uint8_t in16[16], out16[16];
static psa_handle_t conn;

__attribute__((noinline)) static void empty_body(void)
{
    __asm volatile("" ::: "memory");
}

__attribute__((noinline)) static void fw_version_body(void)
{
    (void)psa_framework_version();
}

__attribute__((noinline)) static void version_body(void)
{
    (void)psa_version(RP_TEST_ECHO_SID);
}

__attribute__((noinline)) static void call_empty_body(void)
{
    (void)psa_call(EMPTY_HANDLE, PSA_IPC_CALL, NULL, 0, NULL, 0);
}

__attribute__((noinline)) static void call_iovec16_body(void)
{
    psa_invec iv = { in16, sizeof in16 };
    psa_outvec ov = { out16, sizeof out16 };
    (void)psa_call(ECHO_HANDLE, RP_TEST_OP_ECHO, &iv, 1, &ov, 1);
}

__attribute__((noinline)) static void connect_body(void)
{
    conn = psa_connect(CONN_SID, CONN_VERSION);
}

__attribute__((noinline)) static void close_body(void)
{
    psa_close(conn);
}

static uint32_t elapsed(uint32_t start)
{
    return (start - rp_ns_systick_read()) & 0x00FFFFFFu;
}

/* Mean instructions x100 of body() over N calls, loop included. */
static uint32_t loop_x100(void (*body)(void))
{
    uint32_t start = rp_ns_systick_read();
    for (uint32_t i = 0; i < N; i++) {
        body();
    }
    return (uint32_t)((uint64_t)elapsed(start) * RP_NS_INSNS_PER_TICK * 100u / N);
}

/* Mean instructions x100 of `timed` alone, each call timed on its own after `setup`
 * (untimed), `after` (untimed) following it. */
static uint32_t each_x100(void (*setup)(void), void (*timed)(void), void (*after)(void))
{
    uint64_t ticks = 0;
    for (uint32_t i = 0; i < N; i++) {
        setup();
        uint32_t start = rp_ns_systick_read();
        timed();
        ticks += elapsed(start);
        after();
    }
    return (uint32_t)(ticks * RP_NS_INSNS_PER_TICK * 100u / N);
}

static void print_kpi(const char *key, uint32_t x100)
{
    rp_printf("KPI %s%s%s %u\r\n", key, RP_CONFIG[0] ? "." : "", RP_CONFIG,
              (unsigned)((x100 + 50u) / 100u));
}

/* ---- Crypto service figures (crypto-service): PSA Crypto calls from NS, each the mean
 * instructions of one call including the NS->S round trip; `n` calls per figure. ---- */
#ifdef RP_CRYPTO_HANDLE
static uint8_t kpi_in[1024], kpi_out[1024 + 16], kpi_sig[64];
static psa_key_id_t kpi_key, kpi_gen;
static size_t kpi_len;

__attribute__((noinline)) static void sha256_16_body(void)
{
    (void)psa_hash_compute(PSA_ALG_SHA_256, kpi_in, 16, kpi_out, 32, &kpi_len);
}

__attribute__((noinline)) static void sha256_1k_body(void)
{
    (void)psa_hash_compute(PSA_ALG_SHA_256, kpi_in, 1024, kpi_out, 32, &kpi_len);
}

__attribute__((noinline)) static void keygen_body(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_set_key_type(&a, PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1));
    psa_set_key_bits(&a, 256);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_SIGN_HASH);
    psa_set_key_algorithm(&a, PSA_ALG_ECDSA(PSA_ALG_SHA_256));
    (void)psa_generate_key(&a, &kpi_gen);
}

__attribute__((noinline)) static void destroy_gen_body(void)
{
    (void)psa_destroy_key(kpi_gen);
}

__attribute__((noinline)) static void sign_body(void)
{
    (void)psa_sign_hash(kpi_key, PSA_ALG_ECDSA(PSA_ALG_SHA_256), kpi_in, 32, kpi_sig,
                        sizeof kpi_sig, &kpi_len);
}

__attribute__((noinline)) static void verify_body(void)
{
    (void)psa_verify_hash(kpi_key, PSA_ALG_ECDSA(PSA_ALG_SHA_256), kpi_in, 32, kpi_sig,
                          sizeof kpi_sig);
}

__attribute__((noinline)) static void gcm_1k_body(void)
{
    (void)psa_aead_encrypt(kpi_key, PSA_ALG_GCM, kpi_in, 12, NULL, 0, kpi_in, 1024, kpi_out,
                           sizeof kpi_out, &kpi_len);
}

/* Mean instructions x100 of body() over n calls, each timed on its own (the heavy
 * operations would wrap the 24-bit SysTick over a long loop); after() runs untimed. */
static uint32_t each_n_x100(void (*body)(void), void (*after)(void), uint32_t n,
                            uint32_t timing)
{
    uint64_t ticks = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t start = rp_ns_systick_read();
        body();
        ticks += elapsed(start);
        after();
    }
    return (uint32_t)(ticks * RP_NS_INSNS_PER_TICK * 100u / n) - timing;
}

/* RSA-2048 PKCS#1 v1.5 with SHA-256, the key of the suite's known answers (made by
 * python3-cryptography when the secure build was configured), when the build has RSA. */
#include "rp_test_crypto_build.h"
#include "rp_test_rsa_kat.h"
#if RP_TEST_CRYPTO_RSA
static uint8_t kpi_rsa_sig[256];

__attribute__((noinline)) static void rsa_sign_body(void)
{
    (void)psa_sign_hash(kpi_key, PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256), kpi_in, 32,
                        kpi_rsa_sig, sizeof kpi_rsa_sig, &kpi_len);
}

__attribute__((noinline)) static void rsa_verify_body(void)
{
    (void)psa_verify_hash(kpi_key, PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256), kpi_in, 32,
                          kpi_rsa_sig, sizeof kpi_rsa_sig);
}

/* The same for operations above 42 M instructions, whose x100 mean would overflow 32
 * bits: prints the plain mean (timing is the x100 timer overhead). */
static void print_kpi_long(const char *key, void (*body)(void), uint32_t n, uint32_t timing)
{
    uint64_t ticks = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t start = rp_ns_systick_read();
        body();
        ticks += elapsed(start);
    }
    rp_printf("KPI %s%s%s %u\r\n", key, RP_CONFIG[0] ? "." : "", RP_CONFIG,
              (unsigned)((ticks * RP_NS_INSNS_PER_TICK * 100u / n - timing + 50u) / 100u));
}
#endif

static psa_key_id_t kpi_import(psa_key_type_t type, psa_key_usage_t usage,
                               psa_algorithm_t alg, const uint8_t *d, size_t n)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id = 0;
    psa_set_key_type(&a, type);
    psa_set_key_usage_flags(&a, usage);
    psa_set_key_algorithm(&a, alg);
    (void)psa_import_key(&a, d, n, &id);
    return id;
}

static void crypto_kpis(uint32_t timing)
{
    static const uint8_t d[32] = { 0xc9, 0xaf, 0xa9, 0xd8, 0x45, 0xba, 0x75, 0x16, 0x6b, 0x5c,
                                   0x21, 0x57, 0x67, 0xb1, 0xd6, 0x93, 0x4e, 0x50, 0xc3, 0xdb,
                                   0x36, 0xe8, 0x9b, 0x12, 0x7b, 0x8a, 0x62, 0x2b, 0x12, 0x0f,
                                   0x67, 0x21 };
    if (psa_crypto_init() != PSA_SUCCESS) {
        rp_printf("kpi: psa_crypto_init failed\r\n");
        return;
    }
    for (unsigned i = 0; i < sizeof kpi_in; i++)
        kpi_in[i] = (uint8_t)i;
    print_kpi("psa_hash.sha256_16", each_n_x100(sha256_16_body, empty_body, 200, timing));
    print_kpi("psa_hash.sha256_1k", each_n_x100(sha256_1k_body, empty_body, 50, timing));
    print_kpi("psa_keygen.p256", each_n_x100(keygen_body, destroy_gen_body, 5, timing));
    kpi_key = kpi_import(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1),
                         PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH,
                         PSA_ALG_ECDSA(PSA_ALG_SHA_256), d, sizeof d);
    print_kpi("psa_sign.p256", each_n_x100(sign_body, empty_body, 5, timing));
    print_kpi("psa_verify.p256", each_n_x100(verify_body, empty_body, 5, timing));
    (void)psa_destroy_key(kpi_key);
#if RP_TEST_CRYPTO_RSA
    kpi_key = kpi_import(PSA_KEY_TYPE_RSA_KEY_PAIR,
                         PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH,
                         PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256), RSA_KAT_2048_PAIR,
                         RSA_KAT_2048_PAIR_LEN);
    print_kpi_long("psa_sign.rsa2048", rsa_sign_body, 3, timing);
    print_kpi("psa_verify.rsa2048", each_n_x100(rsa_verify_body, empty_body, 5, timing));
    (void)psa_destroy_key(kpi_key);
#endif
    kpi_key = kpi_import(PSA_KEY_TYPE_AES, PSA_KEY_USAGE_ENCRYPT, PSA_ALG_GCM, d, 16);
    print_kpi("psa_aead.gcm_1k", each_n_x100(gcm_1k_body, empty_body, 50, timing));
    (void)psa_destroy_key(kpi_key);
}
#endif

/* ---- Storage figures (storage-svc): psa_its_* / psa_ps_* from NS with a 64-byte asset,
 * each call timed on its own (a set rewrites flash: its cost varies with the erase it
 * needs, so the mean is taken over n sets that cycle through the same states). The
 * sfn_l1 figures are also printed without the configuration suffix (the keys). */
#ifdef RP_ITS_HANDLE
#include "psa/internal_trusted_storage.h"
#include "psa/protected_storage.h"

#define KPI_UID 0x4B5049u
static uint8_t asset64[64], back64[64];
static size_t back_len;

__attribute__((noinline)) static void its_set64_body(void)
{
    (void)psa_its_set(KPI_UID, sizeof asset64, asset64, 0);
}

__attribute__((noinline)) static void its_get64_body(void)
{
    (void)psa_its_get(KPI_UID, 0, sizeof back64, back64, &back_len);
}

__attribute__((noinline)) static void ps_set64_body(void)
{
    (void)psa_ps_set(KPI_UID, sizeof asset64, asset64, 0);
}

__attribute__((noinline)) static void ps_get64_body(void)
{
    (void)psa_ps_get(KPI_UID, 0, sizeof back64, back64, &back_len);
}

/* Mean instructions x100 of body() over n calls, each timed on its own. */
static uint32_t storage_each_x100(void (*body)(void), uint32_t n, uint32_t timing)
{
    uint64_t ticks = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t start = rp_ns_systick_read();
        body();
        ticks += elapsed(start);
    }
    return (uint32_t)(ticks * RP_NS_INSNS_PER_TICK * 100u / n) - timing;
}

static void storage_kpi(const char *key, uint32_t x100)
{
    print_kpi(key, x100);
    if (RP_CONFIG[0] != 0 && __builtin_strcmp(RP_CONFIG, "sfn_l1") == 0) {
        rp_printf("KPI %s %u\r\n", key, (unsigned)((x100 + 50u) / 100u));
    }
}

static void storage_kpis(uint32_t timing)
{
    for (unsigned i = 0; i < sizeof asset64; i++) {
        asset64[i] = (uint8_t)(i * 5u + 1u);
    }
    if (psa_its_set(KPI_UID, sizeof asset64, asset64, 0) != PSA_SUCCESS ||
        psa_ps_set(KPI_UID, sizeof asset64, asset64, 0) != PSA_SUCCESS) {
        rp_printf("kpi: storage set failed\r\n");
        return;
    }
    storage_kpi("its.set64", storage_each_x100(its_set64_body, 64, timing));
    storage_kpi("its.get64", storage_each_x100(its_get64_body, 200, timing));
    storage_kpi("ps.set64", storage_each_x100(ps_set64_body, 16, timing));
    storage_kpi("ps.get64", storage_each_x100(ps_get64_body, 50, timing));
    (void)psa_its_remove(KPI_UID);
    (void)psa_ps_remove(KPI_UID);
}
#endif

#ifdef RP_ATTEST_HANDLE
/* ---- Initial Attestation (attestation): one token for a 32-byte challenge from NS,
 * claims encoding, SHA-256 of the Sig_structure and the ECDSA signature by the Crypto
 * service included. The first call (boot seed, instance ID) is left out. ---- */
#include "psa/initial_attestation.h"

static uint8_t att_challenge[PSA_INITIAL_ATTEST_CHALLENGE_SIZE_32];
static uint8_t att_token[PSA_INITIAL_ATTEST_MAX_TOKEN_SIZE];
static size_t att_len;

__attribute__((noinline)) static void attest_token_body(void)
{
    (void)psa_initial_attest_get_token(att_challenge, sizeof att_challenge, att_token,
                                       sizeof att_token, &att_len);
}

static void attest_kpis(uint32_t timing)
{
    uint64_t ticks = 0;
    const uint32_t n = 8;
    attest_token_body();
    if (att_len == 0) {
        rp_printf("kpi: attestation token failed\r\n");
        return;
    }
    for (uint32_t i = 0; i < n; i++) {
        uint32_t start = rp_ns_systick_read();
        attest_token_body();
        ticks += elapsed(start);
    }
    uint32_t x100 = (uint32_t)(ticks * RP_NS_INSNS_PER_TICK * 100u / n) - timing;
    print_kpi("attest.token", x100);
    if (RP_CONFIG[0] != 0 && __builtin_strcmp(RP_CONFIG, "sfn_l1") == 0) {
        rp_printf("KPI attest.token %u\r\n", (unsigned)((x100 + 50u) / 100u));
    }
}
#endif

int main(void)
{
    rp_ns_systick_start();
    uint32_t loop = loop_x100(empty_body);
    uint32_t timing = each_x100(empty_body, empty_body, empty_body);

    rp_printf("KPI ns_to_s.framework_version %u\r\n",
              (unsigned)((loop_x100(fw_version_body) - loop + 50u) / 100u));
    print_kpi("psa_version", loop_x100(version_body) - loop);
    print_kpi("psa_call.empty", loop_x100(call_empty_body) - loop);
    print_kpi("psa_call.iovec16", loop_x100(call_iovec16_body) - loop);
    print_kpi("psa_connect", each_x100(empty_body, connect_body, close_body) - timing);
    print_kpi("psa_close", each_x100(connect_body, close_body, empty_body) - timing);
#ifdef RP_CRYPTO_HANDLE
    crypto_kpis(timing);
#endif
#ifdef RP_ITS_HANDLE
    storage_kpis(timing);
#endif
#ifdef RP_ATTEST_HANDLE
    attest_kpis(timing);
#endif
    return 0;
}

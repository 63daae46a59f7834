/* test_attest.c - the Initial Attestation suite from NS (docs/attestation.md): every
 * challenge size, sizes that are refused, a buffer too small, malformed messages, the
 * public key. It prints the IAK public key ("symmetric" when the build makes COSE_Mac0
 * tokens: the IAK is an HMAC key and has none) and one token per challenge size as hex
 *   ATTEST-KEY <hex> | symmetric
 *   ATTEST-TOKEN <challenge hex> <token hex>
 * which tools/attest/fw_attest_test.py hands to tools/attest/verify_token.py: the
 * signature and every claim are checked on the host, outside the firmware. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ns_test.h"
#include "psa/client.h"
#include "psa/initial_attestation.h"
#include "psa_manifest/sid.h"
#include "rp_attest_ipc.h"
#include "rp_print.h"

static uint8_t token[PSA_INITIAL_ATTEST_MAX_TOKEN_SIZE];

/* The token's first bytes and its signature (or tag) length: COSE_Sign1 with ES256, or,
 * once t_public_key found a symmetric IAK, COSE_Mac0 with HMAC 256/256. */
static const uint8_t sign1_head[] = { 0xD2, 0x84, 0x43, 0xA1, 0x01, 0x26, 0xA0 };
static const uint8_t mac0_head[] = { 0xD1, 0x84, 0x43, 0xA1, 0x01, 0x05, 0xA0 };
static const uint8_t *head = sign1_head;
static size_t auth_len = 64;

static void challenge_fill(uint8_t *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        c[i] = (uint8_t)(i * 7u + n);
    }
}

static void print_hex(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        rp_printf("%02x", p[i]);
    }
}

/* 1 if needle[0..n) occurs in hay[0..m). */
static int contains(const uint8_t *hay, size_t m, const uint8_t *needle, size_t n)
{
    for (size_t i = 0; i + n <= m; i++) {
        if (memcmp(hay + i, needle, n) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Every accepted size: the size call agrees with the token, the token is a COSE_Sign1
 * with the ES256 protected header (or a COSE_Mac0 with HMAC 256/256), carries the
 * challenge, and is printed for the host. */
static int t_sizes(void)
{
    static const size_t sizes[] = { PSA_INITIAL_ATTEST_CHALLENGE_SIZE_32,
                                    PSA_INITIAL_ATTEST_CHALLENGE_SIZE_48,
                                    PSA_INITIAL_ATTEST_CHALLENGE_SIZE_64 };
    uint8_t ch[64];
    size_t prev = 0;
    for (unsigned i = 0; i < 3; i++) {
        size_t want = 0, got = 0;
        challenge_fill(ch, sizes[i]);
        NS_CHECK(psa_initial_attest_get_token_size(sizes[i], &want) == PSA_SUCCESS);
        NS_CHECK(want > 100 && want <= sizeof token);
        NS_CHECK(prev == 0 || want == prev + 16);
        prev = want;
        memset(token, 0, sizeof token);
        NS_CHECK(psa_initial_attest_get_token(ch, sizes[i], token, want, &got) ==
                 PSA_SUCCESS);
        NS_CHECK(got == want);
        NS_CHECK(memcmp(token, head, sizeof sign1_head) == 0);
        NS_CHECK(contains(token, got, ch, sizes[i]));
        rp_printf("ATTEST-TOKEN ");
        print_hex(ch, sizes[i]);
        rp_printf(" ");
        print_hex(token, got);
        rp_printf("\r\n");
    }
    return 0;
}

/* Two tokens for the same challenge differ only in the signature (ECDSA is randomised or
 * deterministic; the claims must be identical; an HMAC tag is the same too). */
static int t_same_claims(void)
{
    static uint8_t first[PSA_INITIAL_ATTEST_MAX_TOKEN_SIZE];
    uint8_t ch[32];
    size_t n1 = 0, n2 = 0;
    challenge_fill(ch, sizeof ch);
    NS_CHECK(psa_initial_attest_get_token(ch, sizeof ch, first, sizeof first, &n1) ==
             PSA_SUCCESS);
    NS_CHECK(psa_initial_attest_get_token(ch, sizeof ch, token, sizeof token, &n2) ==
             PSA_SUCCESS);
    NS_CHECK(n1 == n2 && n1 > auth_len + 2);
    NS_CHECK(memcmp(first, token, n1 - auth_len) == 0);
    return 0;
}

static int t_bad_challenge_sizes(void)
{
    static const size_t bad[] = { 0, 1, 16, 31, 33, 47, 49, 63, 65, 128 };
    uint8_t ch[128];
    size_t n = 12345;
    challenge_fill(ch, sizeof ch);
    for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        NS_CHECK(psa_initial_attest_get_token_size(bad[i], &n) == PSA_ERROR_INVALID_ARGUMENT);
        NS_CHECK(psa_initial_attest_get_token(ch, bad[i], token, sizeof token, &n) ==
                 PSA_ERROR_INVALID_ARGUMENT);
    }
    NS_CHECK(n == 12345);
    return 0;
}

static int t_buffer_too_small(void)
{
    uint8_t ch[48];
    size_t want = 0, n = 777;
    challenge_fill(ch, sizeof ch);
    NS_CHECK(psa_initial_attest_get_token_size(sizeof ch, &want) == PSA_SUCCESS);
    NS_CHECK(psa_initial_attest_get_token(ch, sizeof ch, token, want - 1, &n) ==
             PSA_ERROR_BUFFER_TOO_SMALL);
    NS_CHECK(psa_initial_attest_get_token(ch, sizeof ch, token, 1, &n) ==
             PSA_ERROR_BUFFER_TOO_SMALL);
    NS_CHECK(psa_initial_attest_get_token(ch, sizeof ch, token, 0, &n) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(n == 777);
    return 0;
}

/* Bypassing the client library: the service's own checks (buffer size 0 refused there
 * too, malformed messages are the caller's programmer error). */
static int t_service_checks(void)
{
    uint8_t ch[32];
    uint32_t cs = 32, ts = 0;
    challenge_fill(ch, sizeof ch);
    psa_invec in = { ch, sizeof ch };
    psa_outvec out = { token, 0 };
    NS_CHECK(psa_call(RP_ATTEST_HANDLE, RP_ATTEST_GET_TOKEN, &in, 1, &out, 1) ==
             PSA_ERROR_INVALID_ARGUMENT);
    out.len = sizeof token;
    NS_CHECK(psa_call(RP_ATTEST_HANDLE, 99, &in, 1, &out, 1) == PSA_ERROR_PROGRAMMER_ERROR);
    psa_invec two[2] = { { ch, sizeof ch }, { ch, 1 } };
    NS_CHECK(psa_call(RP_ATTEST_HANDLE, RP_ATTEST_GET_TOKEN, two, 2, &out, 1) ==
             PSA_ERROR_PROGRAMMER_ERROR);
    psa_invec s_in = { &cs, 2 };
    psa_outvec s_out = { &ts, sizeof ts };
    NS_CHECK(psa_call(RP_ATTEST_HANDLE, RP_ATTEST_GET_TOKEN_SIZE, &s_in, 1, &s_out, 1) ==
             PSA_ERROR_PROGRAMMER_ERROR);
    s_in.len = sizeof cs;
    s_out.len = sizeof ts; /* a refused call leaves the written length 0 */
    NS_CHECK(psa_call(RP_ATTEST_HANDLE, RP_ATTEST_GET_TOKEN_SIZE, &s_in, 1, &s_out, 1) ==
             PSA_SUCCESS);
    NS_CHECK(ts > 100 && s_out.len == sizeof ts);
    return 0;
}

static int t_null_arguments(void)
{
    uint8_t ch[32];
    size_t n = 0;
    challenge_fill(ch, sizeof ch);
    NS_CHECK(psa_initial_attest_get_token(ch, sizeof ch, token, sizeof token, NULL) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_initial_attest_get_token(NULL, sizeof ch, token, sizeof token, &n) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_initial_attest_get_token(ch, sizeof ch, NULL, sizeof token, &n) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(psa_initial_attest_get_token_size(32, NULL) == PSA_ERROR_INVALID_ARGUMENT);
    return 0;
}

static int t_public_key(void)
{
    uint8_t key[80];
    size_t n = 0;
    if (rp_initial_attest_get_public_key(key, sizeof key, &n) == PSA_ERROR_NOT_SUPPORTED) {
        head = mac0_head;           /* a symmetric IAK: COSE_Mac0 tokens from here on */
        auth_len = 32;
        rp_printf("ATTEST-KEY symmetric\r\n");
        return 0;
    }
    NS_CHECK(rp_initial_attest_get_public_key(key, 64, &n) == PSA_ERROR_BUFFER_TOO_SMALL);
    NS_CHECK(rp_initial_attest_get_public_key(key, sizeof key, &n) == PSA_SUCCESS);
    NS_CHECK(n == 65 && key[0] == 0x04);
    rp_printf("ATTEST-KEY ");
    print_hex(key, n);
    rp_printf("\r\n");
    return 0;
}

#ifdef RP_TEST_ATTEST_HANDLE
/* A token asked for by a secure partition (tests/partitions/sp_attest_client): its
 * client ID is the partition's (> 0; the host driver checks it), and a refused challenge
 * size reaches the secure caller as INVALID_ARGUMENT. */
static int t_secure_client(void)
{
    uint8_t ch[33];
    challenge_fill(ch, 32);
    psa_invec in = { ch, 32 };
    psa_outvec out = { token, sizeof token };
    NS_CHECK(psa_call(RP_TEST_ATTEST_HANDLE, 0, &in, 1, &out, 1) == PSA_SUCCESS);
    NS_CHECK(out.len > 100 && memcmp(token, head, sizeof sign1_head) == 0);
    NS_CHECK(contains(token, out.len, ch, 32));
    rp_printf("ATTEST-TOKEN-S ");
    print_hex(ch, 32);
    rp_printf(" ");
    print_hex(token, out.len);
    rp_printf("\r\n");
    in.len = 33;
    out.len = sizeof token;
    NS_CHECK(psa_call(RP_TEST_ATTEST_HANDLE, 0, &in, 1, &out, 1) == PSA_ERROR_INVALID_ARGUMENT);
    return 0;
}
#endif

static const ns_test_case_t cases[] = {
    { "public_key", t_public_key },
    { "challenge_sizes", t_sizes },
    { "same_claims", t_same_claims },
    { "bad_challenge_sizes", t_bad_challenge_sizes },
    { "buffer_too_small", t_buffer_too_small },
    { "service_checks", t_service_checks },
    { "null_arguments", t_null_arguments },
#ifdef RP_TEST_ATTEST_HANDLE
    { "secure_client", t_secure_client },
#endif
};

int main(void)
{
    return ns_test_run("attest", cases, sizeof cases / sizeof cases[0]);
}

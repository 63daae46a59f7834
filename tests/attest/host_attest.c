/* host_attest.c - the attestation partition (services/attestation/attest_sp.c) on the host:
 * its service function driven with hand-made messages, the Crypto service being the PSA
 * Crypto host library (same core, same builtin keys, with the host's development HUK),
 * and the boot data two boot records as BL2 writes them. Built twice: COSE_Sign1 and
 * (RP_ATTEST_SYMMETRIC=1) COSE_Mac0. Checks the API's answers here, then prints
 *   ATTEST-PID <the partition id the Crypto calls act for>
 *   ATTEST-KEY <public key hex> | symmetric
 *   ATTEST-TOKEN <challenge hex> <token hex>
 * for tests/attest/test_token_host.py, which verifies each token with
 * tools/attest/verify_token.py (for Mac0, with the key derived on the host as documented
 * in docs/attestation.md). */
#include <stdio.h>
#include <string.h>

#include "psa/crypto.h"
#include "psa/initial_attestation.h"
#include "psa/lifecycle.h"
#include "psa_manifest/rp_attest_sp.h"
#include "rp_attest_ipc.h"
#include "rp_boot_data.h"
#include "rp_cbor.h"
#include "rp_host.h"
#include "rp_test.h"

#ifndef RP_ATTEST_SYMMETRIC
#define RP_ATTEST_SYMMETRIC 0
#endif

#define ATTEST_PID 260   /* the partition's id as a Crypto client (any id > 0) */

uint8_t rp_test_boot_area[0x400];

/* ---- the SPM's side of one message: in_vec[0] and out_vec[0] ---------------------------- */
static const uint8_t *in_buf;
static size_t in_len, in_off;
static uint8_t out_buf[PSA_INITIAL_ATTEST_MAX_TOKEN_SIZE + 64];
static size_t out_cap, out_len;

size_t psa_read(psa_handle_t h, uint32_t idx, void *buf, size_t n)
{
    (void)h;
    RP_CHECK_EQ(idx, 0);
    if (n > in_len - in_off) {
        n = in_len - in_off;
    }
    memcpy(buf, in_buf + in_off, n);
    in_off += n;
    return n;
}

void psa_write(psa_handle_t h, uint32_t idx, const void *buf, size_t n)
{
    (void)h;
    RP_CHECK_EQ(idx, 0);
    RP_CHECK(n <= out_cap - out_len);       /* the SPM would panic the partition */
    if (n <= out_cap - out_len) {
        memcpy(out_buf + out_len, buf, n);
        out_len += n;
    }
}

uint32_t psa_rot_lifecycle_state(void)
{
    return PSA_LIFECYCLE_SECURED;
}

/* The IPC loop (rp_attest_sp_main) is not run here. */
psa_signal_t psa_wait(psa_signal_t mask, uint32_t timeout)
{
    (void)mask;
    (void)timeout;
    return 0;
}

psa_status_t psa_get(psa_signal_t signal, psa_msg_t *msg)
{
    (void)signal;
    (void)msg;
    return PSA_ERROR_DOES_NOT_EXIST;
}

void psa_reply(psa_handle_t h, psa_status_t st)
{
    (void)h;
    (void)st;
}

/* One call to the service: type, in_vec[0] = in (n bytes), out_vec[0] of cap bytes. */
static psa_status_t call(int32_t type, const void *in, size_t n, size_t cap)
{
    psa_msg_t m;
    memset(&m, 0, sizeof m);
    m.type = type;
    m.handle = 1;
    m.client_id = -1;
    m.in_size[0] = n;
    m.out_size[0] = cap;
    in_buf = in;
    in_len = n;
    in_off = 0;
    out_cap = cap;
    out_len = 0;
    return rp_attest_sfn(&m);
}

/* A boot record as the signer writes it (FORMATS.md 2), then added by BL2's code. */
static void add_record(uint32_t image, const char *type)
{
    uint8_t rec[100], zeros[32] = { 0 }, signer[32], hash[32];
    struct rp_cbor e;
    memset(signer, 0x5E, sizeof signer);
    memset(hash, 0xA0 + (int)image, sizeof hash);
    rp_cbor_init(&e, rec, sizeof rec);
    rp_cbor_head(&e, RP_CBOR_MAP, 5);
    rp_cbor_int(&e, 1);
    rp_cbor_tstr(&e, type, strlen(type));
    rp_cbor_int(&e, 4);
    rp_cbor_tstr(&e, "1.2.3", 5);
    rp_cbor_int(&e, 5);
    rp_cbor_bstr(&e, signer, sizeof signer);
    rp_cbor_int(&e, 6);
    rp_cbor_tstr(&e, "SHA256", 6);
    rp_cbor_int(&e, 2);
    rp_cbor_bstr(&e, zeros, sizeof zeros);
    RP_CHECK(rp_cbor_ok(&e));
    RP_CHECK_EQ(rp_boot_data_add_record(rp_test_boot_area, sizeof rp_test_boot_area, image,
                                        rec, (uint16_t)e.len, hash), RP_BOOT_DATA_OK);
}

static void print_hex(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        printf("%02x", p[i]);
    }
}

static void public_key(void)
{
    psa_status_t st = call(RP_ATTEST_GET_PUBLIC_KEY, NULL, 0, 80);
#if RP_ATTEST_SYMMETRIC
    RP_CHECK_EQ(st, PSA_ERROR_NOT_SUPPORTED);
    printf("ATTEST-KEY symmetric\n");
#else
    RP_CHECK_EQ(st, PSA_SUCCESS);
    RP_CHECK(out_len == 65 && out_buf[0] == 0x04);
    printf("ATTEST-KEY ");
    print_hex(out_buf, out_len);
    printf("\n");
#endif
}

/* One token per challenge size: the size call agrees, the head is the variant's, a
 * buffer one byte short is refused. */
static void tokens(void)
{
#if RP_ATTEST_SYMMETRIC
    static const uint8_t head[] = { 0xD1, 0x84, 0x43, 0xA1, 0x01, 0x05, 0xA0 };
#else
    static const uint8_t head[] = { 0xD2, 0x84, 0x43, 0xA1, 0x01, 0x26, 0xA0 };
#endif
    static const uint32_t sizes[] = { 32, 48, 64 };
    uint8_t ch[64];
    for (unsigned i = 0; i < 3; i++) {
        uint32_t cs = sizes[i], want = 0;
        for (uint32_t k = 0; k < cs; k++) {
            ch[k] = (uint8_t)(k * 7 + i);
        }
        RP_CHECK_EQ(call(RP_ATTEST_GET_TOKEN_SIZE, &cs, sizeof cs, sizeof want), PSA_SUCCESS);
        memcpy(&want, out_buf, sizeof want);
        RP_CHECK_EQ(call(RP_ATTEST_GET_TOKEN, ch, cs, want - 1), PSA_ERROR_BUFFER_TOO_SMALL);
        RP_CHECK_EQ(call(RP_ATTEST_GET_TOKEN, ch, cs, PSA_INITIAL_ATTEST_MAX_TOKEN_SIZE),
                    PSA_SUCCESS);
        RP_CHECK_EQ(out_len, want);
        RP_CHECK_MEM(out_buf, head, sizeof head);
        printf("ATTEST-TOKEN ");
        print_hex(ch, cs);
        printf(" ");
        print_hex(out_buf, out_len);
        printf("\n");
    }
    RP_CHECK_EQ(call(RP_ATTEST_GET_TOKEN, ch, 33, PSA_INITIAL_ATTEST_MAX_TOKEN_SIZE),
                PSA_ERROR_INVALID_ARGUMENT);
}

int main(void)
{
    RP_CHECK_EQ(psa_crypto_init(), PSA_SUCCESS);
    rp_host_set_client(ATTEST_PID);
    RP_CHECK_EQ(rp_boot_data_init(rp_test_boot_area, sizeof rp_test_boot_area),
                RP_BOOT_DATA_OK);
    add_record(0, "SPE");
    add_record(1, "NSPE");
    RP_CHECK_EQ(rp_attest_sp_init(), PSA_SUCCESS);
    printf("ATTEST-PID %d\n", ATTEST_PID);
    public_key();
    tokens();
    return rp_test_end(RP_ATTEST_SYMMETRIC ? "attest.host_mac0" : "attest.host_sign1");
}

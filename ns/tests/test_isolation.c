/* test_isolation - one fatal error of an Application-RoT partition per image (RP_ISO_CASE,
 * an RP_TEST_PANIC_* type): a programmer error panics it (case 1; at level 1 also the
 * mm-iovec misuse of cases 0x10, 0x11, 0x17 and 0x18; at levels 2 and 3 an API call given
 * memory below the partition's stack pointer, 0x12 and 0x13, an SVC naming no API call,
 * 0x14, or a psa_get into a misaligned psa_msg_t through the IPC partition's second
 * service, 0x19; at every level a psa_get it may not make, 0x15 and 0x16); a forbidden
 * access (cases 2..6) is stopped by the MPU at isolation level 2 or 3, the secure fault
 * handler reports it ("FAULT ... contained"). Either way the partition's client gets
 * PSA_ERROR_SERVICE_FAILURE and every other partition keeps serving. */
#include <stdint.h>

#include "ns_test.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "rp_test_services.h"

static int t_violation(void)
{
#if RP_ISO_CASE == RP_TEST_PANIC_READ_MAPPED || RP_ISO_CASE == RP_TEST_PANIC_WRITE_MAPPED
    uint32_t v[4] = { 0 }, in[2] = { 0 }; /* word-aligned: the quick paths' case */
    psa_invec iv = { in, sizeof in };
    psa_outvec ov = { v, sizeof v };
    psa_status_t s = psa_call(RP_TEST_PANIC_HANDLE, RP_ISO_CASE, &iv, 1, &ov, 1);
    NS_CHECK(s == PSA_ERROR_SERVICE_FAILURE);
    NS_CHECK(ov.len == sizeof v[0] && v[0] == RP_TEST_MAP_MARKER);
#else
    uint32_t v = 0;
    uint8_t in[8] = { 0 };
    psa_invec iv = { in, sizeof in };
    psa_outvec ov = { &v, sizeof v };
#if RP_ISO_CASE == RP_TEST_PANIC_GET_MISALIGNED
    psa_status_t s = psa_call(RP_TEST_PANIC_GET_HANDLE, 0, &iv, 1, &ov, 1);
#else
    psa_status_t s = psa_call(RP_TEST_PANIC_HANDLE, RP_ISO_CASE, &iv, 1, &ov, 1);
#endif
    NS_CHECK(s == PSA_ERROR_SERVICE_FAILURE);
#endif
#if RP_ISO_CASE == RP_TEST_PANIC_UNMAP_TWICE || RP_ISO_CASE == RP_TEST_PANIC_MAP_TWICE || \
    RP_ISO_CASE == RP_TEST_PANIC_READ_BELOW_SP || RP_ISO_CASE == RP_TEST_PANIC_CALL_BELOW_SP || \
    RP_ISO_CASE == RP_TEST_PANIC_BAD_SVC || RP_ISO_CASE == RP_TEST_PANIC_GET_TWO_BITS || \
    RP_ISO_CASE == RP_TEST_PANIC_GET_AGAIN
    /* what came before went through; the panic was the misuse */
    NS_CHECK(ov.len == sizeof v && v == RP_TEST_MAP_MARKER);
#endif
    /* contained: a stopped partition stays stopped */
    s = psa_call(RP_TEST_PANIC_HANDLE, RP_TEST_PANIC_READ_AROT + 1, NULL, 0, NULL, 0);
    NS_CHECK(s == PSA_ERROR_SERVICE_FAILURE);
    return 0;
}

static int t_others_serve(void)
{
    uint8_t in[4] = { 1, 2, 3, 4 }, out[4] = { 0 };
    psa_invec iv = { in, sizeof in };
    psa_outvec ov = { out, sizeof out };
    NS_CHECK(psa_call(RP_TEST_ECHO_HANDLE, RP_TEST_OP_ECHO, &iv, 1, &ov, 1) == PSA_SUCCESS);
    NS_CHECK(ov.len == 4 && out[3] == 4);
#ifdef RP_TEST_IPC_EMPTY_HANDLE
    NS_CHECK(psa_call(RP_TEST_IPC_EMPTY_HANDLE, 0, NULL, 0, NULL, 0) == PSA_SUCCESS);
#endif
    NS_CHECK(psa_call(RP_TEST_PROXY_HANDLE, RP_TEST_PROXY_S_ONLY, &iv, 1, &ov, 1) ==
             PSA_SUCCESS);
    return 0;
}

static const ns_test_case_t cases[] = {
    { "violation", t_violation },
    { "others_serve", t_others_serve },
};

int main(void)
{
    return ns_test_run("isolation", cases, sizeof cases / sizeof cases[0]);
}

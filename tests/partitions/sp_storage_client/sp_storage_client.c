/* Regression partition S (storage client): a secure client of ITS and PS. Its one
 * service, RP_TEST_STORAGE, runs case `type` of the storage suite (ns/tests/test_storage.c,
 * compiled in with RP_STORAGE_CASES_ONLY; the same case functions the NS suite runs) and
 * answers PSA_SUCCESS or the failing check's line. Cases call psa_its_* / psa_ps_* through
 * the secure client libraries, so this partition's id is their namespace. */
#include <stdint.h>

#include "an521_memory_map.h"
#include "ns_test.h"
#include "psa/service.h"
#include "psa_manifest/rp_sp_storage_client.h"

extern const ns_test_case_t rp_storage_cases[];
extern const unsigned rp_storage_case_count;

/* The suite's failure note: a secure partition has no console of its own at level 3, and
 * the line number is the answer anyway. */
void ns_test_note(int line, const char *what)
{
    (void)line;
    (void)what;
}

/* Types 0x100 + i: read storage area i, which this partition must not reach (the MPU
 * stops it at isolation levels 2 and 3; ns/tests/test_storage.c, RP_STORAGE_ISO_CASE). */
#define RP_TEST_STORAGE_READ_AREA 0x100
static const uintptr_t forbidden[] = {
    RP_FLASH_S_BASE + RP_FLASH_ITS_OFF,    /* 0x100: the ITS area */
    RP_FLASH_S_BASE + RP_FLASH_PS_NVC_OFF, /* 0x101: PS's NV counters */
};

/* Type 0x200: a warm reset (SYSRESETREQ; AIRCR.SYSRESETREQS lets only the secure side
 * ask). Privileged only: isolation level 1. For the warm-reset storage test. */
#define RP_TEST_STORAGE_WARM_RESET 0x200
#define SCB_AIRCR (*(volatile uint32_t *)0xE000ED0Cu)

static void warm_reset(void)
{
    __asm volatile("dsb" ::: "memory");
    SCB_AIRCR = 0x05FA0000u | (1u << 2); /* VECTKEY | SYSRESETREQ */
    __asm volatile("dsb" ::: "memory");
    for (;;) {
    }
}

psa_status_t rp_test_storage_sfn(const psa_msg_t *msg)
{
    uint32_t i = (uint32_t)msg->type - RP_TEST_STORAGE_READ_AREA;
    if (msg->type == RP_TEST_STORAGE_WARM_RESET) {
        warm_reset();
    }
    if (i < sizeof forbidden / sizeof forbidden[0]) {
        return (psa_status_t)(*(const volatile uint32_t *)forbidden[i] & 0x7FFFFFFFu);
    }
    if (msg->type < 0 || (unsigned)msg->type >= rp_storage_case_count) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    return (psa_status_t)rp_storage_cases[msg->type].fn();
}

/* IPC model (manifest_ipc.yaml). */
void rp_sp_storage_client_main(void)
{
    psa_msg_t msg;
    for (;;) {
        if ((psa_wait(RP_TEST_STORAGE_SIGNAL, PSA_BLOCK) & RP_TEST_STORAGE_SIGNAL) != 0 &&
            psa_get(RP_TEST_STORAGE_SIGNAL, &msg) == PSA_SUCCESS) {
            psa_reply(msg.handle, rp_test_storage_sfn(&msg));
        }
    }
}

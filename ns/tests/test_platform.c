/* test_platform.c - the Platform service from NS (docs/platform.md): NV counters (read,
 * increment, monotonic, refused ids), the ioctl hook, malformed messages. With
 * RP_PLATFORM_RESET_TEST the image boots twice: the first boot raises counter 1 and asks
 * for a system reset, the second finds the counter raised (it survived the warm reset)
 * and runs the suite. At every isolation level (at level 3 the partition is unprivileged
 * and the SPM performs the reset for it). With RP_PLATFORM_CONFIRM_TEST too, the first boot
 * (a TEST upgrade) confirms the running image before the reset. */
#include <stddef.h>
#include <stdint.h>

#include "ns_test.h"
#include "psa/client.h"
#include "psa/lifecycle.h"
#include "psa_manifest/sid.h"
#include "rp_platform_api.h"
#include "rp_platform_ipc.h"
#include "rp_print.h"

static int t_counter_monotonic(void)
{
    for (uint32_t id = 0; id < RP_PLATFORM_NV_COUNTER_COUNT; id++) {
        uint32_t before = 0, v = 0, other = 0, other_after = 1;
        NS_CHECK(rp_platform_svc_nv_counter_read(id, &before) == PSA_SUCCESS);
        NS_CHECK(rp_platform_svc_nv_counter_read(id ^ 1u, &other) == PSA_SUCCESS);
        for (uint32_t i = 1; i <= 5; i++) {
            NS_CHECK(rp_platform_svc_nv_counter_increment(id) == PSA_SUCCESS);
            NS_CHECK(rp_platform_svc_nv_counter_read(id, &v) == PSA_SUCCESS);
            NS_CHECK(v == before + i);
        }
        NS_CHECK(rp_platform_svc_nv_counter_read(id ^ 1u, &other_after) == PSA_SUCCESS);
        NS_CHECK(other_after == other); /* counters are independent */
    }
    return 0;
}

/* Enough increments that counter 0's log fills a sector (512 records) and moves on. */
static int t_counter_sector_switch(void)
{
    uint32_t before = 0, v = 0;
    NS_CHECK(rp_platform_svc_nv_counter_read(0, &before) == PSA_SUCCESS);
    for (uint32_t i = 0; i < 600; i++) {
        NS_CHECK(rp_platform_svc_nv_counter_increment(0) == PSA_SUCCESS);
    }
    NS_CHECK(rp_platform_svc_nv_counter_read(0, &v) == PSA_SUCCESS);
    NS_CHECK(v == before + 600);
    return 0;
}

static int t_counter_bad_ids(void)
{
    static const uint32_t bad[] = { RP_PLATFORM_NV_COUNTER_COUNT, 3, 0x100, UINT32_MAX };
    uint32_t v = 0x5A5A5A5Au;
    for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        NS_CHECK(rp_platform_svc_nv_counter_read(bad[i], &v) == PSA_ERROR_INVALID_ARGUMENT);
        NS_CHECK(rp_platform_svc_nv_counter_increment(bad[i]) == PSA_ERROR_INVALID_ARGUMENT);
    }
    NS_CHECK(v == 0x5A5A5A5Au);
    NS_CHECK(rp_platform_svc_nv_counter_read(0, NULL) == PSA_ERROR_INVALID_ARGUMENT);
    return 0;
}

static int t_ioctl(void)
{
    uint32_t v = 0;
    size_t n = 0;
    NS_CHECK(rp_platform_svc_ioctl(RP_PLATFORM_IOCTL_LIFECYCLE, NULL, 0, &v, sizeof v, &n) ==
             PSA_SUCCESS);
    NS_CHECK(n == sizeof v && v == PSA_LIFECYCLE_SECURED);
    NS_CHECK(rp_platform_svc_ioctl(RP_PLATFORM_IOCTL_NV_COUNTERS, NULL, 0, &v, sizeof v, &n) ==
             PSA_SUCCESS);
    NS_CHECK(v == RP_PLATFORM_NV_COUNTER_COUNT);
    NS_CHECK(rp_platform_svc_ioctl(RP_PLATFORM_IOCTL_NV_COUNTERS, NULL, 0, &v, 2, &n) ==
             PSA_ERROR_BUFFER_TOO_SMALL);
    NS_CHECK(rp_platform_svc_ioctl(RP_PLATFORM_IOCTL_NV_COUNTERS, &v, 1, &v, sizeof v, &n) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(rp_platform_svc_ioctl(0x7777, NULL, 0, &v, sizeof v, &n) == PSA_ERROR_NOT_SUPPORTED);
    NS_CHECK(rp_platform_svc_ioctl(1, NULL, 0, &v, sizeof v, NULL) == PSA_ERROR_INVALID_ARGUMENT);
    /* confirming the running image: an image booted without a pending upgrade has no
     * trailer (it is permanent), so there is nothing to write and it succeeds */
    NS_CHECK(rp_platform_svc_ioctl(RP_PLATFORM_IOCTL_CONFIRM_IMAGE, &v, 4, NULL, 0, &n) ==
             PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(rp_platform_svc_ioctl(RP_PLATFORM_IOCTL_IMAGE_STATE, NULL, 0, &v, sizeof v, &n) ==
             PSA_SUCCESS);
#ifndef RP_PLATFORM_CONFIRM_TEST
    NS_CHECK(n == sizeof v && v == 0);    /* booted without a pending upgrade: permanent */
#else
    NS_CHECK(n == sizeof v && v == 1);    /* QEMU reloaded the TEST upgrade at the reset */
#endif
    NS_CHECK(rp_platform_svc_ioctl(RP_PLATFORM_IOCTL_CONFIRM_IMAGE, NULL, 0, NULL, 0, &n) ==
             PSA_SUCCESS);
    NS_CHECK(n == 0);
    return 0;
}

static int t_malformed(void)
{
    uint32_t id = 0, v = 0;
    psa_invec in = { &id, 2 };
    psa_outvec out = { &v, sizeof v };
    NS_CHECK(psa_call(RP_PLATFORM_HANDLE, RP_PLATFORM_NVC_READ, &in, 1, &out, 1) ==
             PSA_ERROR_PROGRAMMER_ERROR);
    NS_CHECK(psa_call(RP_PLATFORM_HANDLE, 42, NULL, 0, NULL, 0) == PSA_ERROR_PROGRAMMER_ERROR);
    in.len = sizeof id;
    NS_CHECK(psa_call(RP_PLATFORM_HANDLE, RP_PLATFORM_RESET, &in, 1, NULL, 0) ==
             PSA_ERROR_PROGRAMMER_ERROR);
    return 0;
}

#ifdef RP_PLATFORM_RESET_TEST
static int t_survived_reset(void)
{
    uint32_t v = 0;
    NS_CHECK(rp_platform_svc_nv_counter_read(1, &v) == PSA_SUCCESS);
    NS_CHECK(v == 1);
    return 0;
}
#endif

static const ns_test_case_t cases[] = {
#ifdef RP_PLATFORM_RESET_TEST
    { "counter_survived_reset", t_survived_reset },
#endif
    { "counter_monotonic", t_counter_monotonic },
    { "counter_sector_switch", t_counter_sector_switch },
    { "counter_bad_ids", t_counter_bad_ids },
    { "ioctl", t_ioctl },
    { "malformed", t_malformed },
};

int main(void)
{
#ifdef RP_PLATFORM_RESET_TEST
    uint32_t v = 0;
    if (rp_platform_svc_nv_counter_read(1, &v) != PSA_SUCCESS) {
        return 1;
    }
    if (v == 0) {
        if (rp_platform_svc_nv_counter_increment(1) != PSA_SUCCESS) {
            return 1;
        }
#ifdef RP_PLATFORM_CONFIRM_TEST
        /* booted as a TEST upgrade (tests/boot/fw_boot_case.py confirm): confirm it, so
         * that BL2 keeps it after the reset instead of reverting */
        size_t n = 0;
        uint32_t before = 9, after = 9;
        psa_status_t st = rp_platform_svc_ioctl(RP_PLATFORM_IOCTL_IMAGE_STATE, NULL, 0, &before,
                                                sizeof before, &n);
        if (st == PSA_SUCCESS)
            st = rp_platform_svc_ioctl(RP_PLATFORM_IOCTL_CONFIRM_IMAGE, NULL, 0, NULL, 0, &n);
        if (st == PSA_SUCCESS)
            st = rp_platform_svc_ioctl(RP_PLATFORM_IOCTL_IMAGE_STATE, NULL, 0, &after,
                                       sizeof after, &n);
        rp_printf("platform: image state %u, confirmed (status %d), state %u\r\n",
                  (unsigned)before, (int)st, (unsigned)after);
        if (st != PSA_SUCCESS || before != 1 || after != 2) {
            return 1;
        }
#endif
        rp_printf("platform: first boot, counter raised, system reset\r\n");
        (void)rp_platform_svc_system_reset();
        return 1; /* not reached */
    }
    rp_printf("platform: second boot\r\n");
#endif
    return ns_test_run("platform", cases, sizeof cases / sizeof cases[0]);
}

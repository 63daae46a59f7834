/* test_irq - secure interrupts declared in manifests, from the NS side: SLIH (signal,
 * psa_eoi) with the partition blocked in psa_wait when the interrupt arrives, enable and
 * disable, and FLIH returning and not returning a signal (tests/partitions/sp_slih,
 * sp_flih). An NS interrupt's call during a call: test_reentry.c. */
#include <stdint.h>

#include "ns_test.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "rp_test_services.h"

static int t_slih_while_blocked(void)
{
    uint32_t n = 5, seen = 0;
    psa_invec iv = { &n, sizeof n };
    psa_outvec ov = { &seen, sizeof seen };
    NS_CHECK(psa_call(RP_TEST_SLIH_HANDLE, RP_TEST_SLIH_COUNT, &iv, 1, &ov, 1) == PSA_SUCCESS);
    NS_CHECK(seen == 5);
    n = 101; /* the service refuses silly counts */
    NS_CHECK(psa_call(RP_TEST_SLIH_HANDLE, RP_TEST_SLIH_COUNT, &iv, 1, &ov, 1) ==
             PSA_ERROR_INVALID_ARGUMENT);
    return 0;
}

static int t_slih_enable_disable(void)
{
    uint32_t out[3] = { 9, 9, 9 };
    psa_outvec ov = { out, sizeof out };
    NS_CHECK(psa_call(RP_TEST_SLIH_HANDLE, RP_TEST_SLIH_DISABLE, NULL, 0, &ov, 1) ==
             PSA_SUCCESS);
    NS_CHECK(out[0] == 1); /* psa_irq_disable reported "was enabled" */
    NS_CHECK(out[1] == 0); /* no signal while disabled */
    NS_CHECK(out[2] == 1); /* delivered once enabled again */
    return 0;
}

#ifdef RP_TEST_FLIH_SID
static int t_flih_signal_and_not(void)
{
    uint32_t n = 4, out[2] = { 0, 0 };
    psa_invec iv = { &n, sizeof n };
    psa_outvec ov = { out, sizeof out };
    NS_CHECK(psa_call(RP_TEST_FLIH_HANDLE, RP_TEST_FLIH_COUNT, &iv, 1, &ov, 1) == PSA_SUCCESS);
    NS_CHECK(out[0] == 4);     /* signals seen */
    NS_CHECK(out[1] == 8);     /* every second FLIH call returned PSA_FLIH_SIGNAL */
    return 0;
}
#endif

static int t_ns_keeps_running(void)
{
    /* NS-side work between secure interrupt tests: the secure timers never disturb it */
    volatile uint32_t acc = 0;
    for (uint32_t i = 0; i < 1000; i++) {
        acc += i;
    }
    NS_CHECK(acc == 499500u);
    return t_slih_while_blocked();
}

static const ns_test_case_t cases[] = {
    { "slih_while_blocked", t_slih_while_blocked },
    { "slih_enable_disable", t_slih_enable_disable },
#ifdef RP_TEST_FLIH_SID
    { "flih_signal_and_not", t_flih_signal_and_not },
#endif
    { "ns_keeps_running", t_ns_keeps_running },
};

int main(void)
{
    return ns_test_run("irq", cases, sizeof cases / sizeof cases[0]);
}

/* test_irq - secure interrupts declared in manifests, from the NS side: SLIH (signal,
 * psa_eoi) with the partition blocked in psa_wait when the interrupt arrives, enable and
 * disable, and FLIH returning and not returning a signal (tests/partitions/sp_slih,
 * sp_flih). */
#include <stdint.h>

#include "ns_test.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "rp_ns_client.h"
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

/* An NS interrupt handler that calls in while a secure call is in progress (as a second
 * NS thread would without the RTOS's lock) is refused, and the SPM's state is intact. */
#define TIMER1      0x40001000u
#define T_CTRL      (*(volatile uint32_t *)(TIMER1 + 0x0u))
#define T_VALUE     (*(volatile uint32_t *)(TIMER1 + 0x4u))
#define T_RELOAD    (*(volatile uint32_t *)(TIMER1 + 0x8u))
#define T_INTCLR    (*(volatile uint32_t *)(TIMER1 + 0xCu))
#define NVIC_ISER0  (*(volatile uint32_t *)0xE000E100u)
#define NVIC_ICER0  (*(volatile uint32_t *)0xE000E180u)

static volatile uint32_t reentries;
static volatile psa_status_t reentry_call, reentry_client;
static volatile uint32_t reentry_version;

void TIMER1_Handler(void)
{
    T_INTCLR = 1;
    T_CTRL = 0;
    reentry_call = psa_call(RP_TEST_IPC_EMPTY_HANDLE, 0, NULL, 0, NULL, 0);
    reentry_version = psa_version(RP_TEST_IPC_ECHO_SID);
    reentry_client = rp_ns_client_set(-9);
    reentries++;
}

static int t_ns_reentry_refused(void)
{
    uint32_t n = 20000, acc = 0;
    psa_invec iv = { &n, sizeof n };
    psa_outvec ov = { &acc, sizeof acc };
    NVIC_ISER0 = 1u << 4; /* TIMER1 */
    T_RELOAD = 300;
    T_VALUE = 300;
    T_CTRL = 1u | 8u;
    psa_status_t s = psa_call(RP_TEST_IPC_ECHO_HANDLE, RP_TEST_OP_BUSY, &iv, 1, &ov, 1);
    NVIC_ICER0 = 1u << 4;
    NS_CHECK(s == PSA_SUCCESS);
    NS_CHECK(reentries == 1);
    NS_CHECK(reentry_call == PSA_ERROR_CONNECTION_BUSY);
    NS_CHECK(reentry_version == PSA_VERSION_NONE);
    NS_CHECK(reentry_client == PSA_ERROR_CONNECTION_BUSY);
    /* nothing changed: the client id is still the default, calls work */
    uint32_t v[2];
    psa_outvec ov2 = { v, sizeof v };
    NS_CHECK(psa_call(RP_TEST_IPC_ECHO_HANDLE, RP_TEST_OP_CLIENT_ID, NULL, 0, &ov2, 1) ==
             PSA_SUCCESS);
    NS_CHECK((int32_t)v[0] == -1);
    return 0;
}

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
    { "ns_reentry_refused", t_ns_reentry_refused },
};

int main(void)
{
    return ns_test_run("irq", cases, sizeof cases / sizeof cases[0]);
}

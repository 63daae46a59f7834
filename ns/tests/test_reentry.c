/* test_reentry - an NS interrupt handler that calls in while a secure call is in progress
 * (as a second NS thread would without the RTOS's lock) is refused by the NS agent: a
 * psa_call (a stateless one, the quick path's case), psa_version and the NS client id,
 * and the SPM's state is intact after. Both backends: the call in progress is an echo
 * service's RP_TEST_OP_BUSY loop (SFN: partition A's, on the agent's own stack; IPC: the
 * IPC test partition's, on its thread). */
#include <stdint.h>

#include "ns_test.h"
#include "ns_timer1.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "rp_ns_client.h"
#include "rp_test_services.h"

#ifdef RP_TEST_IPC_ECHO_SID
#define BUSY_HANDLE  RP_TEST_IPC_ECHO_HANDLE
#define ECHO_SID     RP_TEST_IPC_ECHO_SID
#else
#define BUSY_HANDLE  RP_TEST_ECHO_HANDLE
#define ECHO_SID     RP_TEST_ECHO_SID
#endif
/* the interrupt's call: to another partition, free, which would serve it (the panic
 * test partition's service; this type touches nothing and succeeds) */
#define OTHER_CALL() psa_call(RP_TEST_PANIC_HANDLE, RP_TEST_PANIC_READ_AROT + 1, NULL, 0, NULL, 0)


static volatile uint32_t reentries;
static volatile psa_status_t reentry_call, reentry_client;
static volatile uint32_t reentry_version;

void TIMER1_Handler(void)
{
    T_INTCLR = 1;
    T_CTRL = 0;
    reentry_call = OTHER_CALL();
    reentry_version = psa_version(ECHO_SID);
    reentry_client = rp_ns_client_set(-9);
    reentries++;
}

static int t_ns_reentry_refused(void)
{
    uint32_t n = 20000, acc = 0;
    psa_invec iv = { &n, sizeof n };
    psa_outvec ov = { &acc, sizeof acc };
    NVIC_ISER0 = 1u << IRQ_TIMER1;
    T_RELOAD = 300;
    T_VALUE = 300;
    T_CTRL = 1u | 8u;
    psa_status_t s = psa_call(BUSY_HANDLE, RP_TEST_OP_BUSY, &iv, 1, &ov, 1);
    NVIC_ICER0 = 1u << IRQ_TIMER1;
    NS_CHECK(s == PSA_SUCCESS);
    NS_CHECK(reentries == 1);
    NS_CHECK(reentry_call == PSA_ERROR_CONNECTION_BUSY);
    NS_CHECK(reentry_version == PSA_VERSION_NONE);
    NS_CHECK(reentry_client == PSA_ERROR_CONNECTION_BUSY);
    /* nothing changed: the client id is still the default, calls work */
    uint32_t v[2];
    psa_outvec ov2 = { v, sizeof v };
    NS_CHECK(psa_call(BUSY_HANDLE, RP_TEST_OP_CLIENT_ID, NULL, 0, &ov2, 1) == PSA_SUCCESS);
    NS_CHECK((int32_t)v[0] == -1);
    NS_CHECK(OTHER_CALL() == PSA_SUCCESS);
    return 0;
}

static const ns_test_case_t cases[] = {
    { "ns_reentry_refused", t_ns_reentry_refused },
};

int main(void)
{
    return ns_test_run("reentry", cases, sizeof cases / sizeof cases[0]);
}

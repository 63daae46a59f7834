/* backend_sfn.c - the SFN backend: no threads. Every service function runs on the
 * caller's path (the NS agent's veneer, or the secure partition that calls), so "the
 * running partition" is simply the innermost SFN call in progress. */
#include "rp_platform.h"
#include "spm_internal.h"

static psa_signal_t asserted[RP_PART_MAX];

void rp_backend_start(void (*then)(void))
{
    rp_irq_init();
    then();
    rp_platform_exit(RP_EXIT_FAIL);
}

uint8_t rp_backend_thread(void)
{
    return 0;
}

const char *rp_spm_contain_fault(uint32_t exc_return)
{
    (void)exc_return;
    return NULL; /* level 1: nothing runs unprivileged, a fault stops the system */
}

int rp_backend_caller_unprivileged(void)
{
    return 0; /* the SFN backend exists at isolation level 1 only */
}

int rp_backend_enter_sfn(int part)
{
    int prev = rp_spm.running;
    rp_spm.running = part;
    return prev;
}

void rp_backend_leave_sfn(int prev)
{
    rp_spm.running = prev;
}

psa_status_t rp_backend_deliver_ipc(msg_slot_t *m)
{
    (void)m; /* the manifest tool allows no IPC partition in an SFN build */
    return PSA_ERROR_SERVICE_FAILURE;
}

void rp_backend_panic(int part)
{
    rp_spm_unwind_sfn(part);
}

/* Nothing else runs while an SFN partition waits, so a signal that is not asserted can
 * only come from an interrupt: wait for one. */
psa_signal_t rp_backend_wait(int part, psa_signal_t mask, uint32_t timeout)
{
    while (timeout == PSA_BLOCK && (asserted[part] & mask) == 0) {
        __asm volatile("wfi");
    }
    return asserted[part] & mask;
}

msg_slot_t *rp_backend_get(int part, psa_signal_t signal)
{
    (void)part;
    (void)signal;
    return NULL; /* unreachable: psa_get is refused for SFN partitions */
}

void rp_backend_reply(msg_slot_t *m, psa_status_t status)
{
    (void)m;
    (void)status; /* unreachable: psa_reply is refused for SFN partitions */
}

void rp_backend_signal(int part, psa_signal_t signal)
{
    uint32_t c = rp_crit_enter();
    asserted[part] |= signal;
    rp_crit_exit(c);
}

void rp_backend_signal_isr(int part, psa_signal_t signal)
{
    asserted[part] |= signal;
}

psa_signal_t rp_backend_asserted(int part)
{
    return asserted[part];
}

psa_signal_t rp_backend_takeable(int part)
{
    (void)part;
    return 0; /* psa_get is an IPC partition's: none here */
}

void rp_backend_clear(int part, psa_signal_t signal)
{
    uint32_t c = rp_crit_enter();
    asserted[part] &= ~signal;
    rp_crit_exit(c);
}

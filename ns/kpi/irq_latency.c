/* ns_irq_latency - the NS interrupt latency image (make kpi, tools/irq_latency.py).
 *
 * The NS timer (TIMER1, given to NS) fires every PERIOD ticks. First IDLE interrupts come
 * while the NS side only spins: they calibrate when each interrupt becomes pending.
 * Then the NS side calls a secure service that is busy in a loop of SPM calls for long
 * enough to take BUSY more interrupts. tools/irq_latency.py runs this image with one
 * instruction per QEMU translation block and -icount shift=0, so an instruction's index
 * in the execution log is its virtual time, and measures for each interrupt the
 * instructions from becoming pending to the first instruction of TIMER1_Handler. */
#include <stdint.h>

#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "../tests/ns_timer1.h"
#include "rp_print.h"
#include "rp_test_services.h"

#define PERIOD      400u  /* timer ticks between interrupts */
#define IDLE        8u
#define BUSY        120u

static volatile uint32_t fired;

void TIMER1_Handler(void)
{
    T_INTCLR = 1;
    fired++;
}

/* Markers the log analysis finds by symbol. */
__attribute__((noinline)) void rp_lat_timer_started(void)
{
    __asm volatile("" ::: "memory");
}

__attribute__((noinline)) void rp_lat_busy_begin(void)
{
    __asm volatile("" ::: "memory");
}

__attribute__((noinline)) void rp_lat_done(void)
{
    __asm volatile("" ::: "memory");
}

int main(void)
{
    NVIC_ISER0 = 1u << IRQ_TIMER1;
    T_RELOAD = PERIOD;
    T_VALUE = PERIOD;
    T_CTRL = 1u | 8u; /* enable, interrupt enable */
    rp_lat_timer_started();
    while (fired < IDLE) {
    }
    rp_lat_busy_begin();
    uint32_t n = 4000, acc = 0;
    while (fired < IDLE + BUSY) {
        psa_invec iv = { &n, sizeof n };
        psa_outvec ov = { &acc, sizeof acc };
        if (psa_call(RP_TEST_IPC_ECHO_HANDLE, RP_TEST_OP_BUSY, &iv, 1, &ov, 1) != PSA_SUCCESS) {
            rp_printf("[NS] busy service failed\r\n");
            return 1;
        }
    }
    T_CTRL = 0;
    rp_lat_done();
    rp_printf("[NS] %u timer interrupts\r\n", (unsigned)fired);
    return 0;
}

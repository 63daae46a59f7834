/* Regression partition S: SLIH interrupts from TIMER0 (CMSDK timer, secure alias). */
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/rp_sp_test_slih.h"
#include "rp_test_services.h"

#define TIMER0        0x50000000u
#define TIMER_CTRL    (*(volatile uint32_t *)(TIMER0 + 0x0u))
#define TIMER_VALUE   (*(volatile uint32_t *)(TIMER0 + 0x4u))
#define TIMER_RELOAD  (*(volatile uint32_t *)(TIMER0 + 0x8u))
#define TIMER_INTCLR  (*(volatile uint32_t *)(TIMER0 + 0xCu))
#define TIMER_INTSTAT (*(volatile uint32_t *)(TIMER0 + 0xCu)) /* read: raw interrupt */
#define CTRL_ENABLE   1u
#define CTRL_INTEN    8u
#define TICKS         2000u

static void timer_start(void)
{
    TIMER_CTRL = 0;
    TIMER_INTCLR = 1;
    TIMER_RELOAD = TICKS;
    TIMER_VALUE = TICKS;
    TIMER_CTRL = CTRL_ENABLE | CTRL_INTEN;
}

static void timer_stop(void)
{
    TIMER_CTRL = 0;
    TIMER_INTCLR = 1;
}

/* n interrupts, each one awaited blocked in psa_wait, acknowledged with psa_eoi. */
static uint32_t count(uint32_t n)
{
    uint32_t seen = 0;
    psa_irq_enable(RP_TEST_TIMER0_IRQ_SIGNAL);
    timer_start();
    for (uint32_t i = 0; i < n; i++) {
        if (psa_wait(RP_TEST_TIMER0_IRQ_SIGNAL, PSA_BLOCK) & RP_TEST_TIMER0_IRQ_SIGNAL) {
            seen++;
            TIMER_INTCLR = 1;
            psa_eoi(RP_TEST_TIMER0_IRQ_SIGNAL);
        }
    }
    timer_stop();
    /* the periodic timer may have fired once more before it stopped: acknowledge it */
    if (psa_wait(RP_TEST_TIMER0_IRQ_SIGNAL, PSA_POLL)) {
        psa_eoi(RP_TEST_TIMER0_IRQ_SIGNAL);
    }
    (void)psa_irq_disable(RP_TEST_TIMER0_IRQ_SIGNAL);
    return seen;
}

/* While disabled the interrupt stays pending in the NVIC and no signal is asserted;
 * enabling it delivers it. */
static void disable_enable(uint32_t out[3])
{
    psa_irq_enable(RP_TEST_TIMER0_IRQ_SIGNAL);
    out[0] = psa_irq_disable(RP_TEST_TIMER0_IRQ_SIGNAL); /* 1: it was enabled */
    timer_start();
    while ((TIMER_INTSTAT & 1u) == 0) {
        /* until the timer has raised its interrupt (the NVIC holds it pending) */
    }
    out[1] = psa_wait(RP_TEST_TIMER0_IRQ_SIGNAL, PSA_POLL) != 0; /* expect 0 */
    psa_irq_enable(RP_TEST_TIMER0_IRQ_SIGNAL);
    out[2] = psa_wait(RP_TEST_TIMER0_IRQ_SIGNAL, PSA_BLOCK) != 0;
    timer_stop();
    psa_eoi(RP_TEST_TIMER0_IRQ_SIGNAL);
    (void)psa_irq_disable(RP_TEST_TIMER0_IRQ_SIGNAL);
}

static psa_status_t serve(const psa_msg_t *msg)
{
    uint32_t out[3] = { 0, 0, 0 }, n = 0;
    switch (msg->type) {
    case RP_TEST_SLIH_COUNT:
        if (psa_read(msg->handle, 0, &n, sizeof n) != sizeof n || n > 100) {
            return PSA_ERROR_INVALID_ARGUMENT;
        }
        out[0] = count(n);
        psa_write(msg->handle, 0, out, sizeof out[0]);
        return PSA_SUCCESS;
    case RP_TEST_SLIH_DISABLE:
        disable_enable(out);
        psa_write(msg->handle, 0, out, sizeof out);
        return PSA_SUCCESS;
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}

void rp_sp_test_slih_main(void)
{
    for (;;) {
        psa_msg_t msg;
        psa_signal_t s = psa_wait(RP_TEST_SLIH_SIGNAL, PSA_BLOCK);
        if ((s & RP_TEST_SLIH_SIGNAL) && psa_get(RP_TEST_SLIH_SIGNAL, &msg) == PSA_SUCCESS) {
            psa_reply(msg.handle, serve(&msg));
        }
    }
}

/* Regression partition F: an FLIH on the dual timer that signals every second interrupt. */
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/rp_sp_test_flih.h"
#include "rp_test_services.h"

#define DUALTIMER    0x50002000u
#define DT_LOAD      (*(volatile uint32_t *)(DUALTIMER + 0x00u))
#define DT_CTRL      (*(volatile uint32_t *)(DUALTIMER + 0x08u))
#define DT_INTCLR    (*(volatile uint32_t *)(DUALTIMER + 0x0Cu))
#define DT_ENABLE    0x80u
#define DT_PERIODIC  0x40u
#define DT_INTEN     0x20u
#define DT_32BIT     0x02u

static volatile uint32_t flih_calls;

psa_flih_result_t rp_test_dualtimer_irq_flih(void)
{
    DT_INTCLR = 1;
    flih_calls++;
    return (flih_calls % 2u) == 0 ? PSA_FLIH_SIGNAL : PSA_FLIH_NO_SIGNAL;
}

static void count(uint32_t n, uint32_t out[2])
{
    flih_calls = 0;
    DT_LOAD = 3000u;
    DT_CTRL = DT_ENABLE | DT_PERIODIC | DT_INTEN | DT_32BIT;
    psa_irq_enable(RP_TEST_DUALTIMER_IRQ_SIGNAL);
    for (uint32_t i = 0; i < n; i++) {
        if (psa_wait(RP_TEST_DUALTIMER_IRQ_SIGNAL, PSA_BLOCK)) {
            out[0]++;
            psa_reset_signal(RP_TEST_DUALTIMER_IRQ_SIGNAL);
        }
    }
    (void)psa_irq_disable(RP_TEST_DUALTIMER_IRQ_SIGNAL);
    DT_CTRL = 0;
    DT_INTCLR = 1;
    out[1] = flih_calls;
}

void rp_sp_test_flih_main(void)
{
    for (;;) {
        psa_msg_t msg;
        psa_signal_t s = psa_wait(RP_TEST_FLIH_SIGNAL, PSA_BLOCK);
        if (!(s & RP_TEST_FLIH_SIGNAL) || psa_get(RP_TEST_FLIH_SIGNAL, &msg) != PSA_SUCCESS) {
            continue;
        }
        uint32_t n = 0, out[2] = { 0, 0 };
        psa_status_t status = PSA_ERROR_INVALID_ARGUMENT;
        if (msg.type == RP_TEST_FLIH_COUNT &&
            psa_read(msg.handle, 0, &n, sizeof n) == sizeof n && n <= 50) {
            count(n, out);
            psa_write(msg.handle, 0, out, sizeof out);
            status = PSA_SUCCESS;
        }
        psa_reply(msg.handle, status);
    }
}

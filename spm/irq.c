/* irq.c - interrupts declared in partition manifests (FF-M 1.1 FLIH and SLIH).
 *
 * At boot every declared source targets the secure state at RP_IRQ_PRIORITY (above all
 * NS exceptions) and stays disabled until its partition calls psa_irq_enable. All
 * external secure vectors lead to rp_irq_handler, which finds the source's manifest entry:
 *   FLIH: calls the partition's <irq>_flih() here, in Handler mode (privileged; the
 *         manifest tool refuses FLIH for partitions that run unprivileged) and asserts the
 *         signal if it returns PSA_FLIH_SIGNAL; the partition later calls psa_reset_signal.
 *   SLIH: disables the source and asserts the signal; the partition handles it in its
 *         thread and calls psa_eoi, which re-enables the source. */
#include <stdint.h>

#include "rp_platform.h"
#include "spm_internal.h"

#define RP_IRQ_LINES 96u
#define NVIC_IPR(n)  (*(volatile uint8_t *)(uintptr_t)(0xE000E400u + (n)))
#define NVIC_ITNS(n) (*(volatile uint32_t *)(uintptr_t)(0xE000E380u + 4u * (n)))

static uint8_t irq_entry[RP_IRQ_LINES]; /* source -> rp_irqs index + 1, 0: not ours */

void rp_irq_init(void)
{
    for (uint16_t i = 0; i < rp_irq_count; i++) {
        uint32_t src = rp_irqs[i].source;
        if (src >= RP_IRQ_LINES) {
            continue;
        }
        irq_entry[src] = (uint8_t)(i + 1);
        (void)rp_platform_irq_disable(src);
        NVIC_ITNS(src / 32) &= ~(1u << (src % 32));
        NVIC_IPR(src) = (uint8_t)RP_IRQ_PRIORITY;
    }
}

void rp_irq_handler(void)
{
    uint32_t ipsr;
    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    uint32_t src = (ipsr & 0x1FFu) - 16u;
    uint8_t e = src < RP_IRQ_LINES ? irq_entry[src] : 0;
    if (e == 0) {
        rp_platform_exit(RP_EXIT_FAULT); /* an interrupt no manifest declares */
    }
    const rp_irq_t *irq = &rp_irqs[e - 1];
    if ((rp_spm.panicked >> irq->partition) & 1u) {
        (void)rp_platform_irq_disable(src); /* its partition is gone */
        return;
    }
    if (irq->handling == RP_IRQ_FLIH) {
        if (irq->flih() == PSA_FLIH_SIGNAL) {
            rp_backend_signal_isr(irq->partition, irq->signal);
        }
        return;
    }
    (void)rp_platform_irq_disable(src);
    rp_backend_signal_isr(irq->partition, irq->signal);
}

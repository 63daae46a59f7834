/* startup_s.c - the secure image's vector table and reset handler (AN521, Cortex-M33). */
#include <stdint.h>

#include "an521_regs.h"

extern uint32_t __s_msp_top[], __s_msp_limit[];
extern const uint32_t __rp_init_table_start[], __rp_init_table_end[];

void rp_secure_main(void) __attribute__((noreturn));
void rp_fault_entry_hard(void);
void rp_fault_entry_mem(void);
void rp_fault_entry_bus(void);
void rp_fault_entry_usage(void);
void rp_fault_entry_secure(void);
void rp_fault_entry_irq(void);

/* Anything not handled below is reported as an unexpected exception. */
__attribute__((naked, used)) static void unexpected(void)
{
    __asm volatile("b rp_fault_entry_irq");
}

/* Weak defaults so that the SPM can provide SVC, PendSV, SysTick and IRQ handlers. */
void SVC_Handler(void) __attribute__((weak, alias("unexpected")));
void PendSV_Handler(void) __attribute__((weak, alias("unexpected")));
void SysTick_Handler(void) __attribute__((weak, alias("unexpected")));
void NMI_Handler(void) __attribute__((weak, alias("unexpected")));
void rp_irq_handler(void) __attribute__((weak, alias("unexpected")));

/* Copies every .data and zeroes every .bss (the SPM's and each partition's: the linker
 * script lists them as {load address or 0, address, size} triples), then runs the SPM.
 * MSPLIM is set first so that a runaway stack faults instead of overwriting data. */
__attribute__((noreturn)) void Reset_Handler(void)
{
    __asm volatile("msr msplim, %0" : : "r"(__s_msp_limit));
    for (const uint32_t *e = __rp_init_table_start; e < __rp_init_table_end; e += 3) {
        const uint32_t *src = (const uint32_t *)e[0];
        uint32_t *dst = (uint32_t *)e[1];
        for (uint32_t i = 0; i < e[2] / 4; i++) {
            dst[i] = src ? src[i] : 0;
        }
    }
    rp_secure_main();
}

#define RP_EXTERNAL_IRQS 96

typedef void (*vector_t)(void);

__attribute__((section(".vectors"), used))
const vector_t rp_s_vectors[16 + RP_EXTERNAL_IRQS] = {
    [0] = (vector_t)__s_msp_top,
    [1] = Reset_Handler,
    [2] = NMI_Handler,
    [3] = rp_fault_entry_hard,
    [4] = rp_fault_entry_mem,
    [5] = rp_fault_entry_bus,
    [6] = rp_fault_entry_usage,
    [7] = rp_fault_entry_secure,
    [11] = SVC_Handler,
    [14] = PendSV_Handler,
    [15] = SysTick_Handler,
    [16 ... 16 + RP_EXTERNAL_IRQS - 1] = rp_irq_handler,
};

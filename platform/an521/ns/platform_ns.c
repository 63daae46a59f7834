/* platform_ns.c - the non-secure side of the AN521 port: vector table, reset handler,
 * console on UART0 (given to NS by the secure image), SysTick cycle counting, and the
 * semihosting exit. Installed in the interface package; the NS build compiles it. */
#include <stdint.h>

#include "an521_regs.h"
#include "rp_ns_platform.h"
#include "rp_print.h"

extern uint32_t __ns_msp_top[], __ns_msp_limit[];
extern uint32_t __data_load[], __data_start[], __data_end[], __bss_start[], __bss_end[];

int main(void);

__attribute__((noreturn)) void Reset_Handler(void)
{
    __asm volatile("msr msplim, %0" : : "r"(__ns_msp_limit));
    for (uint32_t *s = __data_load, *d = __data_start; d < __data_end;) {
        *d++ = *s++;
    }
    for (uint32_t *d = __bss_start; d < __bss_end;) {
        *d++ = 0;
    }
    RP_REG(UART0_NS_BASE + UART_BAUDDIV) = 16;
    RP_REG(UART0_NS_BASE + UART_CTRL) = 1;
    rp_ns_exit(main());
}

static void ns_default_handler(void)
{
    uint32_t ipsr;
    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    rp_printf("[NS] unexpected exception %u\r\n", (unsigned)(ipsr & 0x1FFu));
    rp_ns_exit(1);
}

void SysTick_Handler(void) __attribute__((weak, alias("ns_default_handler")));
void TIMER1_Handler(void) __attribute__((weak, alias("ns_default_handler")));

typedef void (*vector_t)(void);

__attribute__((section(".vectors"), used))
const vector_t rp_ns_vectors[16 + 48] = {
    [0] = (vector_t)__ns_msp_top,
    [1] = Reset_Handler,
    [2 ... 14] = ns_default_handler,
    [15] = SysTick_Handler,
    [16 ... 16 + IRQ_TIMER1 - 1] = ns_default_handler,
    [16 + IRQ_TIMER1] = TIMER1_Handler,
    [16 + IRQ_TIMER1 + 1 ... 16 + 47] = ns_default_handler,
};

void rp_print_putc(char c)
{
    while (RP_REG(UART0_NS_BASE + UART_STATE) & 1u) {
    }
    RP_REG(UART0_NS_BASE + UART_DATA) = (uint8_t)c;
}

void rp_ns_exit(int code)
{
    volatile uint32_t block[2] = { 0x20026u, (uint32_t)code };
    for (;;) {
        register uint32_t r0 __asm("r0") = 0x20;
        register volatile uint32_t *r1 __asm("r1") = block;
        __asm volatile("bkpt 0xab" : : "r"(r0), "r"(r1) : "memory");
    }
}

void rp_ns_systick_start(void)
{
    RP_REG(SYST_CSR) = 0;
    RP_REG(SYST_RVR) = 0x00FFFFFFu;
    RP_REG(SYST_CVR) = 0;
    RP_REG(SYST_CSR) = 5u; /* enable, processor clock, no interrupt */
}

uint32_t rp_ns_systick_read(void)
{
    return RP_REG(SYST_CVR);
}

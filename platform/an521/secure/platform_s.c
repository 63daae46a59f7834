/* platform_s.c - AN521 secure-side bring-up: console, SAU, MPC, PPC, NVIC routing, and
 * the jump into the non-secure image. Everything AN521-specific that the SPM needs. */
#include <arm_cmse.h>
#include <stdint.h>

#include "an521_memory_map.h"
#include "an521_regs.h"
#include "rp_platform.h"
#include "rp_print.h"

extern uint32_t __sg_start[], __sg_end[];

/* The console starts on UART0's secure alias; once the PPC hands UART0 to NS, the
 * secure side keeps writing to it through the NS alias (an NS transaction). */
static uintptr_t console_base = UART0_S_BASE;

void rp_console_putc(char c)
{
    while (RP_REG(console_base + UART_STATE) & 1u) {
    }
    RP_REG(console_base + UART_DATA) = (uint8_t)c;
}

void rp_print_putc(char c)
{
    rp_console_putc(c);
}

void rp_platform_init(void)
{
    RP_REG(UART0_S_BASE + UART_BAUDDIV) = 16;
    RP_REG(UART0_S_BASE + UART_CTRL) = 1;
}

/* SAU region n covers [base, limit] (limit inclusive, both 32-byte granular). */
static void sau_region(uint32_t n, uint32_t base, uint32_t limit, uint32_t nsc)
{
    RP_REG(SAU_RNR) = n;
    RP_REG(SAU_RBAR) = base & ~0x1Fu;
    RP_REG(SAU_RLAR) = (limit & ~0x1Fu) | nsc | SAU_RLAR_ENABLE;
}

static void sau_init(void)
{
    sau_region(0, RP_NS_CODE_BASE, RP_NS_CODE_BASE + RP_NS_CODE_SIZE - 1, 0);
    sau_region(1, RP_NS_DATA_BASE, RP_NS_DATA_BASE + RP_NS_DATA_SIZE - 1, 0);
    sau_region(2, (uint32_t)__sg_start, (uint32_t)__sg_end - 1, SAU_RLAR_NSC);
    sau_region(3, RP_NS_PERIPH_BASE, RP_NS_PERIPH_BASE + RP_NS_PERIPH_SIZE - 1, 0);
    RP_REG(SAU_CTRL) = 1; /* enable; ALLNS = 0: everything else is secure */
    RP_REG(SPCTRL_NSCCFG) = 1; /* IDAU reports the secure code alias as NSC-capable */
    __asm volatile("dsb\n\tisb" ::: "memory");
}

/* Marks [offset, offset + size) of the memory behind `mpc` non-secure. Offsets and
 * sizes must be multiples of the MPC block size (checked by tests/foundation). */
static void mpc_set_ns(uintptr_t mpc, uint32_t offset, uint32_t size)
{
    uint32_t block = 1u << (RP_REG(mpc + MPC_BLK_CFG) + 5);
    uint32_t first = offset / block, last = (offset + size) / block;

    RP_REG(mpc + MPC_CTRL) &= ~MPC_CTRL_AUTOINC; /* so LUT read-modify-write stays put */
    for (uint32_t b = first; b < last; b++) {
        RP_REG(mpc + MPC_BLK_IDX) = b / 32;
        RP_REG(mpc + MPC_BLK_LUT) |= 1u << (b % 32);
    }
    RP_REG(mpc + MPC_CTRL) |= MPC_CTRL_SEC_RESP;
}

static void mpc_init(void)
{
    mpc_set_ns(MPC_SSRAM1_BASE, RP_NS_CODE_BASE - RP_FLASH_NS_BASE, RP_NS_CODE_SIZE);
    mpc_set_ns(MPC_SSRAM2_BASE, RP_NS_DATA_BASE - 0x28000000u, RP_NS_DATA_SIZE);
}

static void ppc_init(void)
{
    RP_REG(SPCTRL_APBNSPPCEXP1) |= PPC_EXP1_UART0;
    RP_REG(SPCTRL_APBNSPPC0) |= PPC_APB0_TIMER1;
    RP_REG(SPCTRL_SECRESPCFG) = 1; /* violations are bus errors, not RAZ/WI */
    __asm volatile("dsb" ::: "memory");
}

static void nvic_route_ns(uint32_t irq)
{
    RP_REG(NVIC_ITNS(irq / 32)) |= 1u << (irq % 32);
}

void rp_platform_isolation_init(void)
{
    sau_init();
    mpc_init();
    ppc_init();
    console_base = UART0_NS_BASE;
    nvic_route_ns(IRQ_TIMER1);
    nvic_route_ns(IRQ_UART0_RX);
    nvic_route_ns(IRQ_UART0_TX);
    nvic_route_ns(IRQ_UART0_COMBINED);
    RP_REG(SCB_AIRCR) = AIRCR_VECTKEY | AIRCR_PRIS | AIRCR_SYSRESETREQS;
    RP_REG(SCB_SHCSR) |= SHCSR_SECUREFAULTENA | SHCSR_USGFAULTENA | SHCSR_BUSFAULTENA |
                         SHCSR_MEMFAULTENA;
    __asm volatile("dsb\n\tisb" ::: "memory");
}

/* AN521 in QEMU has no lifecycle fuses: the state is a build setting, "secured" by
 * default (RP_LIFECYCLE overrides it). */
#ifndef RP_LIFECYCLE
#define RP_LIFECYCLE 0x3000u /* PSA_LIFECYCLE_SECURED */
#endif

uint32_t rp_platform_lifecycle(void)
{
    return RP_LIFECYCLE;
}

void rp_platform_irq_enable(uint32_t irq)
{
    RP_REG(NVIC_ISER(irq / 32)) = 1u << (irq % 32);
}

uint32_t rp_platform_irq_disable(uint32_t irq)
{
    uint32_t was = (RP_REG(NVIC_ISER(irq / 32)) >> (irq % 32)) & 1u;
    RP_REG(NVIC_ICER(irq / 32)) = 1u << (irq % 32);
    __asm volatile("dsb\n\tisb" ::: "memory");
    return was;
}

void rp_platform_irq_clear_pending(uint32_t irq)
{
    RP_REG(NVIC_ICPR(irq / 32)) = 1u << (irq % 32);
}

/* Secure peripherals behind APB PPC0 and their bit in SPCTRL.APBSPPPC0 (secure
 * unprivileged access). */
static const struct {
    uintptr_t base;
    uint8_t bit;
} ppc0_ports[] = {
    { 0x50000000u, 0 }, /* TIMER0 */
    { 0x50001000u, 1 }, /* TIMER1 */
    { 0x50002000u, 2 }, /* dual timer */
    { 0x50003000u, 3 }, /* MHU0 */
    { 0x50004000u, 4 }, /* MHU1 */
};

int rp_platform_mmio_unprivileged(uintptr_t base, uint32_t size)
{
    /* SSRAM1 ("flash": the storage areas) is memory behind an MPC, which has no
     * privilege setting: the partition's MPU region is all it takes. */
    if (base >= RP_FLASH_S_BASE && size <= RP_FLASH_SIZE &&
        base - RP_FLASH_S_BASE <= RP_FLASH_SIZE - size) {
        return 0;
    }
    /* So is the boot data area BL2 leaves at the start of SSRAM2 (the attestation
     * partition reads it). */
    if (base >= RP_BOOT_SHARED_BASE && size <= RP_BOOT_SHARED_SIZE &&
        base - RP_BOOT_SHARED_BASE <= RP_BOOT_SHARED_SIZE - size) {
        return 0;
    }
    for (unsigned i = 0; i < sizeof ppc0_ports / sizeof ppc0_ports[0]; i++) {
        if (base >= ppc0_ports[i].base && size <= 0x1000u &&
            base - ppc0_ports[i].base <= 0x1000u - size) {
            RP_REG(SPCTRL_APBSPPPC0) |= 1u << ppc0_ports[i].bit;
            return 0;
        }
    }
    return -1;
}

void rp_platform_describe(void)
{
    rp_printf("[Rampart] AN521: SAU 4 regions (NS code 0x%08x+0x%x, NS data 0x%08x+0x%x, "
              "NSC 0x%08x+0x%x, NS periph), MPC SSRAM1/2, PPC: UART0+TIMER1 to NS\r\n",
              RP_NS_CODE_BASE, RP_NS_CODE_SIZE, RP_NS_DATA_BASE, RP_NS_DATA_SIZE,
              (unsigned)(uintptr_t)__sg_start,
              (unsigned)((uintptr_t)__sg_end - (uintptr_t)__sg_start));
}

/* Semihosting SYS_EXIT_EXTENDED with ADP_Stopped_ApplicationExit and our code. */
void rp_platform_exit(int code)
{
    volatile uint32_t block[2] = { 0x20026u, (uint32_t)code };
    for (;;) {
        register uint32_t r0 __asm("r0") = 0x20;
        register volatile uint32_t *r1 __asm("r1") = block;
        __asm volatile("bkpt 0xab" : : "r"(r0), "r"(r1) : "memory");
    }
}

typedef void __attribute__((cmse_nonsecure_call)) ns_entry_t(void);

void rp_platform_enter_ns(void)
{
    const uint32_t *ns_vectors = (const uint32_t *)RP_NS_CODE_BASE;
    uint32_t msp = ns_vectors[0];
    ns_entry_t *entry = (ns_entry_t *)cmse_nsfptr_create(ns_vectors[1]);

    RP_REG(SCB_NS_VTOR) = RP_NS_CODE_BASE;
    __asm volatile("msr msp_ns, %0" : : "r"(msp));
    entry();
    rp_printf("[Rampart] NS image returned\r\n");
    rp_platform_exit(RP_EXIT_FAIL);
}

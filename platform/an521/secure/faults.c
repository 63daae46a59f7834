/* faults.c - one clear line per fault (kind, reason, PC, faulting address, security
 * state), then stop. The entry stubs pass EXC_RETURN so the report can find the right
 * stack. The address is "unknown" when the core did not record one (QEMU 7.2 does not set
 * SFAR for attribution violations; hardware does). */
#include <inttypes.h>
#include <stdint.h>

#include "an521_regs.h"
#include "rp_platform.h"
#include "rp_print.h"

enum fault_kind { F_HARD, F_MEM, F_BUS, F_USAGE, F_SECURE, F_IRQ };

static const char *const fault_names[] = {
    "HardFault", "MemManage", "BusFault", "UsageFault", "SecureFault", "UnexpectedIRQ",
};

#define EXC_RETURN_S     (1u << 6) /* frame on the secure stack */
#define EXC_RETURN_DCRS  (1u << 5) /* 0: additional state context pushed */
#define EXC_RETURN_SPSEL (1u << 2) /* 1: process stack */
#define EXC_RETURN_MODE  (1u << 3) /* 1: from thread mode */

/* Returns the stacked PC of the faulting context. A secure frame is on the secure stack
 * EXC_RETURN.SPSEL names; a non-secure frame is on MSP_NS for NS handler mode and on the
 * stack CONTROL_NS.SPSEL selects for NS thread mode (EXC_RETURN.SPSEL describes the
 * secure side's CONTROL.SPSEL, not the NS one). */
static uint32_t stacked_pc(uint32_t exc_return)
{
    uint32_t sp, control_ns;
    if (exc_return & EXC_RETURN_S) {
        if (exc_return & EXC_RETURN_SPSEL) {
            __asm volatile("mrs %0, psp" : "=r"(sp));
        } else {
            __asm volatile("mrs %0, msp" : "=r"(sp));
        }
    } else {
        __asm volatile("mrs %0, control_ns" : "=r"(control_ns));
        if ((exc_return & EXC_RETURN_MODE) && (control_ns & 2u)) {
            __asm volatile("mrs %0, psp_ns" : "=r"(sp));
        } else {
            __asm volatile("mrs %0, msp_ns" : "=r"(sp));
        }
    }
    if ((exc_return & EXC_RETURN_DCRS) == 0) {
        sp += 40; /* integrity signature, reserved word and r4-r11 */
    }
    return ((volatile uint32_t *)(uintptr_t)sp)[6];
}

/* The first reason bit set in SFSR (SecureFault) or CFSR (the others), as text. */
static const char *fault_reason(enum fault_kind kind)
{
    static const char *const sfsr_bits[8] = {
        "INVEP", "INVIS", "INVER", "AUVIOL", "INVTRAN", "LSPERR", "-", "LSERR",
    };
    static const char *const cfsr_bits[32] = {
        "IACCVIOL", "DACCVIOL", "-", "MUNSTKERR", "MSTKERR", "MLSPERR", "-", "-",
        "IBUSERR", "PRECISERR", "IMPRECISERR", "UNSTKERR", "STKERR", "LSPERR", "-", "-",
        "UNDEFINSTR", "INVSTATE", "INVPC", "NOCP", "STKOF", "-", "-", "-",
        "UNALIGNED", "DIVBYZERO", "-", "-", "-", "-", "-", "-",
    };
    uint32_t bits = kind == F_SECURE ? RP_REG(SCB_SFSR) & 0xBFu : RP_REG(SCB_CFSR);
    const char *const *names = kind == F_SECURE ? sfsr_bits : cfsr_bits;

    for (unsigned i = 0; i < 32; i++) {
        if ((bits >> i) & 1u) {
            return names[i];
        }
    }
    return kind == F_HARD && (RP_REG(SCB_HFSR) & (1u << 30)) ? "FORCED" : "none";
}

/* The faulting data address if the hardware recorded one, else 0xFFFFFFFF. */
static uint32_t fault_address(enum fault_kind kind)
{
    uint32_t cfsr = RP_REG(SCB_CFSR);
    if (kind == F_SECURE && (RP_REG(SCB_SFSR) & (1u << 6))) {
        return RP_REG(SCB_SFAR);
    }
    if ((kind == F_MEM || kind == F_HARD) && (cfsr & (1u << 7))) {
        return RP_REG(SCB_MMFAR);
    }
    if ((kind == F_BUS || kind == F_HARD) && (cfsr & (1u << 15))) {
        return RP_REG(SCB_BFAR);
    }
    return 0xFFFFFFFFu;
}

__attribute__((used)) void rp_fault_report(uint32_t exc_return,
                                                          uint32_t kind)
{
    uint32_t ipsr, addr = fault_address(kind);
    char addr_text[12] = "unknown";

    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    if (addr != 0xFFFFFFFFu) {
        rp_snprintf(addr_text, sizeof addr_text, "0x%08" PRIx32, addr);
    }
    rp_printf("\r\nFAULT %s reason=%s pc=0x%08" PRIx32 " addr=%s state=%s exc=%" PRIu32
              "\r\n",
              fault_names[kind], fault_reason(kind), stacked_pc(exc_return), addr_text,
              (exc_return & EXC_RETURN_S) ? "S" : "NS", ipsr & 0x1FFu);
    const char *partition = kind == F_IRQ ? NULL : rp_spm_contain_fault(exc_return);
    if (partition != NULL) {
        rp_printf("FAULT contained: partition %s stopped\r\n", partition);
        RP_REG(SCB_CFSR) = RP_REG(SCB_CFSR); /* write-one-to-clear the sticky flags */
        RP_REG(SCB_SFSR) = RP_REG(SCB_SFSR);
        return;
    }
    rp_platform_exit(RP_EXIT_FAULT);
}

#define FAULT_ENTRY(fn, kind)                                                  \
    __attribute__((naked)) void fn(void)                                       \
    {                                                                          \
        __asm volatile("mov r0, lr\n\tmovs r1, %0\n\tb rp_fault_report" : : "i"(kind)); \
    }

FAULT_ENTRY(rp_fault_entry_hard, F_HARD)
FAULT_ENTRY(rp_fault_entry_mem, F_MEM)
FAULT_ENTRY(rp_fault_entry_bus, F_BUS)
FAULT_ENTRY(rp_fault_entry_usage, F_USAGE)
FAULT_ENTRY(rp_fault_entry_secure, F_SECURE)
FAULT_ENTRY(rp_fault_entry_irq, F_IRQ)

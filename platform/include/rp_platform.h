/* rp_platform.h - what the secure firmware needs from a platform port, and nothing more.
 * One implementation per folder under platform/ (platform/an521 is the reference). */
#ifndef RP_PLATFORM_H
#define RP_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

/* Exit codes reported to the host (QEMU semihosting) by tests and faults. */
#define RP_EXIT_OK    0
#define RP_EXIT_FAIL  1
#define RP_EXIT_FAULT 3

/* Early init: console on the secure alias. Call first, with interrupts masked. */
void rp_platform_init(void);

/* Sets up SAU, MPC and PPC so that only the NS image's code, data and the peripherals
 * given to it are non-secure, enables the secure fault handlers, and routes the NS
 * peripherals' interrupts to NS. The console keeps working (it moves to the NS alias). */
void rp_platform_isolation_init(void);

/* Prints the platform's isolation set-up in one line (for the boot banner). */
void rp_platform_describe(void);

/* Console output: one character, blocking. */
void rp_console_putc(char c);

/* Ends the run: on QEMU a semihosting exit with `code`; on hardware, a reset loop. */
void rp_platform_exit(int code) __attribute__((noreturn));

/* Sets NS VTOR and MSP_NS from the NS image's vector table and enters its reset handler
 * with BXNS. Does not return. */
void rp_platform_enter_ns(void) __attribute__((noreturn));

/* Lets unprivileged secure code reach the peripheral at [base, base + size) (its
 * protection controller defaults to privileged-only). The SPM calls it for the MMIO
 * regions that unprivileged partitions declare. out: 0, or -1 if no peripheral of the
 * platform covers the range. */
int rp_platform_mmio_unprivileged(uintptr_t base, uint32_t size);

/* Provided by the SPM: asked by the fault handlers whether the fault belongs to an
 * unprivileged partition that can be stopped on its own. Returns the partition's name
 * (it has been stopped; the handler reports and returns) or NULL (the handler halts). */
const char *rp_spm_contain_fault(uint32_t exc_return);

/* The device's PSA security lifecycle state (psa/lifecycle.h values). */
uint32_t rp_platform_lifecycle(void);

/* Secure interrupt control for the SPM: enable, or disable and return whether the
 * interrupt was enabled before (1) or not (0). `irq` is the NVIC interrupt number. */
void rp_platform_irq_enable(uint32_t irq);
uint32_t rp_platform_irq_disable(uint32_t irq);
void rp_platform_irq_clear_pending(uint32_t irq);

/* The running secure image confirms itself: MCUboot's image_ok in its primary slot's
 * trailer (boot/core rp_boot_confirm), without which BL2 reverts a TEST upgrade at the
 * next boot. out: 0 (confirmed now, already, or permanent: no trailer), -1 for a
 * malformed trailer, -2 if the flash write fails. */
int rp_platform_confirm_s_image(void);
/* The running secure image's state from its trailer: 0 permanent (no pending upgrade),
 * 1 a TEST upgrade not confirmed yet (reverted at the next boot), 2 confirmed; -1 for a
 * malformed trailer, -2 if it cannot be read. */
int rp_platform_s_image_state(void);

#endif
